# window.ftl (Danish): the cashier's window: the shell, the keypad, the sale, the QR and the result.

## Topbjælken
top-sandbox = Sandkasse
top-who-aria = Logget ind; skift medarbejder eller log ud
top-today = I dag
top-day = Dagen
top-transfers = Overførsler
top-settings = Indstillinger

## Tastaturet
keypad-aria = Nyt salg
keypad-amount = Beløb
keypad-add-at = Tilføj beløbet med
keypad-quick-items = Hurtigvarer
keypad-reference = Reference
optional = (valgfri)
keypad-reference-placeholder = f.eks. fakturanummer
keypad-pad-aria = Tastatur til beløb
keypad-backspace-aria = Slet sidste ciffer
keypad-clear-aria = Ryd

## Salgets linjer
cart-aria = Dette salg
cart-heading = Salg
cart-clear = Ryd salget
cart-total = I alt
cart-amount-first = Skriv beløbet først, og tryk så på dets momstast.
cart-remove-aria = Fjern { $line }
cart-vat = Moms { $percent }
cart-empty = Skriv et beløb, og tryk så på en momstast eller en betalingsform.

## Betalingsformer og deres dialoger
tender-bank = Betal med bank
tender-cash = Kontant
tender-card = Kort
dialog-to-pay = At betale
dialog-back = Tilbage
cash-title = Kontant
cash-given = Modtaget beløb
cash-given-placeholder = f.eks. 200
cash-confirm = Bekræft kontant
card-title = Kort på terminalen
card-hint = Tag betalingen på kortterminalen, og bekræft her, når terminalen siger godkendt.
card-reference = Terminalens reference
card-reference-placeholder = f.eks. nummeret på terminalens kvittering
card-confirm = Kort godkendt

## QR-skærmen
qr-aria = Venter på betaling
qr-amount-due = Beløb at betale
qr-scan = Scan med telefonens kamera for at betale med bank
qr-cancel = Annuller
qr-sandbox-link = Sandkasse-link
qr-bank-statement = På kontoudtoget: { $reference }
qr-getting-new-code = Henter en ny kode…
qr-getting-code = Henter en kode…
qr-new-code-in = Ny kode om { $s } s
qr-trying-again-in = { $message } Prøver igen om { $s } s.
cancel-confirm-title = Annuller dette salg?
cancel-confirm-hint = Kunden er ved at godkende i sin bank. En betaling, der godkendes efter annulleringen, markeres til tilbagebetaling.
cancel-confirm-no = Vent fortsat
cancel-confirm-yes = Annuller salget
training-phones = Træning: ingen rigtige penge flyttes. Enhver telefon på dette netværk kan scanne koden og godkende i Sandkassebanken ({ $url }).
training-no-phones = Træning: ingen rigtige penge flyttes. Telefoner kan ikke nå Sandkassebanken: { $problem }. Åbn sandkasse-linket på denne computer.
training-this-computer = Træning: ingen rigtige penge flyttes. Sandkassebanken åbner kun på denne computer; Indstillinger → Træningsbank lader telefoner scanne koden.

## Resultatet
result-paid = Betalt
result-declined = Afvist
result-cancelled = Annulleret
result-change = Byttepenge
result-try-again = Prøv igen
result-new-sale = Nyt salg
result-next-sale-in = Næste salg om { $s } s
result-receipt-aria = Bon
result-print = Udskriv
result-printer = Printer
result-pdf = Gem PDF
result-printed-copy = Udskrevet som kopi { $copy }.

## En betaling, der kræver butikken, kundeskærmens rude, fejl
attention-refund = Kræver handling: tilbagebetal { $amount } (betaling { $payment })
attention-open-transfer = Åbn overførsel
attention-later = Senere
pane-aria = Kundeskærm
pane-heading = Kundeskærm
pane-detach = Løsriv
ipc-fallback = Noget gik galt. Prøv igen.
ipc-no-back-end = Kassas bagende er ikke tilgængelig.

## The VAT keys
keypad-vat-default = forvalgt

## Start og skift af indstillinger
app-starting = Kassa starter stadig; prøv igen om et øjeblik.
app-switching = Kassa skifter til de nye indstillinger; prøv igen om et øjeblik.
app-busy = Kassa er stadig optaget af de nuværende indstillinger; prøv at gemme igen om et øjeblik.
app-settings-unreadable = Kassa kunne ikke læse sine indstillinger: { $error }
app-could-not-start = Kassa kunne ikke starte: { $error }
result-no-folder = Ingen mappe til bonner: { $error }
sale-still-open = Salg { $sale } er stadig åbent: afslut eller annuller det først
