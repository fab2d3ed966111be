# window.ftl (Norwegian bokmål): the cashier's window: the shell, the keypad, the sale, the QR and the result.

## Topplinjen
top-sandbox = Sandkasse
top-who-aria = Logget inn; bytt ansatt eller logg ut
top-today = I dag
top-day = Dagen
top-transfers = Overføringer
top-settings = Innstillinger

## Tastaturet
keypad-aria = Nytt salg
keypad-amount = Beløp
keypad-add-at = Legg til beløpet med
keypad-quick-items = Hurtigvarer
keypad-reference = Referanse
optional = (valgfritt)
keypad-reference-placeholder = f.eks. fakturanummer
keypad-pad-aria = Tastatur for beløp
keypad-backspace-aria = Slett siste siffer
keypad-clear-aria = Tøm

## Salgets linjer
cart-aria = Dette salget
cart-heading = Salg
cart-clear = Tøm salget
cart-total = Totalt
cart-amount-first = Skriv beløpet først, og trykk så på MVA-tasten.
cart-remove-aria = Fjern { $line }
cart-vat = MVA { $percent }
cart-empty = Skriv et beløp, og trykk så på en MVA-tast eller en betalingsmåte.

## Betalingsmåter og dialogene deres
tender-bank = Betal med bank
tender-cash = Kontant
tender-card = Kort
dialog-to-pay = Å betale
dialog-back = Tilbake
cash-title = Kontant
cash-given = Mottatt beløp
cash-given-placeholder = f.eks. 200
cash-confirm = Bekreft kontant
card-title = Kort på terminalen
card-hint = Ta betalingen på kortterminalen, og bekreft her når terminalen sier godkjent.
card-reference = Terminalens referanse
card-reference-placeholder = f.eks. nummeret på terminalens kvittering
card-confirm = Kort godkjent

## QR-skjermen
qr-aria = Venter på betaling
qr-amount-due = Å betale
qr-scan = Skann med mobilkameraet for å betale med bank
qr-cancel = Avbryt
qr-sandbox-link = Sandkasselenke
qr-bank-statement = På kontoutskriften: { $reference }
qr-getting-new-code = Henter en ny kode…
qr-getting-code = Henter en kode…
qr-new-code-in = Ny kode om { $s } s
qr-trying-again-in = { $message } Prøver igjen om { $s } s.
cancel-confirm-title = Avbryte dette salget?
cancel-confirm-hint = Kunden godkjenner i banken sin. En betaling som godkjennes etter avbruddet, flagges for tilbakebetaling.
cancel-confirm-no = Fortsett å vente
cancel-confirm-yes = Avbryt salget
training-phones = Opplæring: ingen ekte penger flyttes. Alle mobiler på dette nettverket kan skanne koden og godkjenne i Sandkassebanken ({ $url }).
training-no-phones = Opplæring: ingen ekte penger flyttes. Mobiler når ikke Sandkassebanken: { $problem }. Åpne sandkasselenken på denne datamaskinen.
training-this-computer = Opplæring: ingen ekte penger flyttes. Sandkassebanken åpnes bare på denne datamaskinen; Innstillinger → Opplæringsbank lar mobiler skanne koden.

## Resultatet
result-paid = Betalt
result-declined = Avvist
result-cancelled = Avbrutt
result-change = Vekslepenger
result-try-again = Prøv igjen
result-new-sale = Nytt salg
result-next-sale-in = Neste salg om { $s } s
result-receipt-aria = Kvittering
result-print = Skriv ut
result-printer = Skriver
result-pdf = Lagre PDF
result-printed-copy = Skrevet ut som kopi { $copy }.

## En betaling som krever butikken, kundeskjermens rute, feil
attention-refund = Krever handling: tilbakebetal { $amount } (betaling { $payment })
attention-open-transfer = Åpne overføring
attention-later = Senere
pane-aria = Kundeskjerm
pane-heading = Kundeskjerm
pane-detach = Løsne
ipc-fallback = Noe gikk galt. Prøv igjen.
ipc-no-back-end = Kassas bakende er ikke tilgjengelig.

## The VAT keys
keypad-vat-default = forvalgt

## Oppstart og bytte av innstillinger
app-starting = Kassa starter fortsatt; prøv igjen om et øyeblikk.
app-switching = Kassa bytter til de nye innstillingene; prøv igjen om et øyeblikk.
app-busy = Kassa er fortsatt opptatt med de nåværende innstillingene; prøv å lagre igjen om et øyeblikk.
app-settings-unreadable = Kassa kunne ikke lese innstillingene sine: { $error }
app-could-not-start = Kassa kunne ikke starte: { $error }
result-no-folder = Ingen mappe for kvitteringer: { $error }
sale-still-open = Salg { $sale } er fortsatt åpent: fullfør eller avbryt det først
