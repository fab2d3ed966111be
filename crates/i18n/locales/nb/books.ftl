# books.ftl (Norwegian bokmål): the window's books: Today, the day (X/Z), sale details, returns, refunds, notes that need attention.

## Shared by the books screens

books-back = Tilbake
books-print = Skriv ut
books-printer = Skriver
books-save-pdf = Lagre PDF
books-to = Til
books-amount = Beløp
books-reference = Referanse
books-left-to-return = Igjen å returnere
# A time on another day than today: "3 Dec 14:05".
books-day-and-time = { $day } kl. { $time }
books-state-needs-attention = Trenger oppfølging
books-state-open = Åpen
books-state-paid = Betalt
books-state-failed = Avvist
books-state-cancelled = Avbrutt
books-tender-pay-by-bank = Bankbetaling
books-tender-cash = Kontant
books-tender-card = Kort

## Today

today-aria = Dagens salg
today-title = I dag
today-find-placeholder = Kvitteringsnummer eller betalings-ID
today-find-aria = Finn et salg med kvitteringsnummer eller betalings-ID
today-find = Finn
today-paid-today = Betalt i dag
today-paid-today-training = Trening: betalt i dag
today-paid-count-one = 1 betalt salg
today-paid-count-other = { $n } betalte salg
today-earlier-one = { $n } tidligere salg i dag er med i summene over (alle salg: kassa export).
today-earlier-other = { $n } tidligere salg i dag er med i summene over (alle salg: kassa export).
today-ref-auto = Automatisk: { $reference }
today-no-ref = Ingen referanse
today-payment = Betaling { $payment }
today-empty = Ingen salg ennå i dag.

## A sale's detail

detail-aria = Salg
detail-sale = Salg
detail-receipt-title = Kvittering { $number }
detail-total = Totalt
detail-lines = Linjer
detail-attempts = Betalingsforsøk
detail-returns = Returer
detail-receipt-aria = Kvittering
detail-reprint = Skriv ut på nytt
detail-return = Retur…
detail-returned = Returnert { $amount }
detail-paid-by = Betalt med
detail-payment-id = Betalings-ID
detail-receipt = Kvittering
detail-receipt-number = Nr. { $number }
detail-receipt-printed = Nr. { $number } · { $printed }
detail-printed-one = skrevet ut én gang
detail-printed-other = skrevet ut { $n } ganger
detail-no-receipt-fact = Ingen (ikke betalt)
detail-sale-id = Salgs-ID
detail-no-lines = Ingen linjer registrert (et rent beløp).
detail-no-attempts = Ingen: betalt i kassen.
detail-no-returns = Ingen returer.
detail-no-receipt = Dette salget har ingen kvittering: det ble ikke betalt.
detail-no-payment-id = (ingen betalings-ID ennå)
detail-return-receipt = Returkvittering { $number }
detail-return-when = { $when } · { $reason }
detail-printed = Skrevet ut.
detail-printed-copy = Skrevet ut som kopi { $copy }.
detail-line-quantity = { $quantity } × { $text }
# A line without a text of its own.
detail-line-sale = Salg
detail-no-vat = ingen MVA registrert
detail-attempt-asked = Forespurt
detail-attempt-waiting = Venter
detail-attempt-authorised = Godkjent
detail-attempt-declined = Avvist
detail-attempt-unknown = Ukjent
detail-attempt-paid = Betalt
detail-attempt-expired = Utløpt
detail-attempt-cancelled = Avbrutt
detail-attempt-not-paid = Ikke betalt
detail-refund-bank = Tilbake med bankoverføring
detail-refund-cash = Kontanter gitt tilbake
detail-refund-card = Tilbake til kortet
detail-printer-at = Skriver på { $address }
detail-no-printer = Ingen kvitteringsskriver er satt opp (Innstillinger → Butikk).

## The Return dialog

return-title = Retur
return-title-receipt = Retur fra kvittering { $number }
return-how-much = Hvor mye
return-all = Alt
return-part = En del
return-amount = Beløp som skal returneres
return-amount-placeholder = f.eks. 40
return-reason = Årsak
return-reason-hint = (påkrevd; lagres i journalen)
return-reason-placeholder = f.eks. skadet, feil størrelse
return-make = Gjennomfør returen
return-confirm = Returner { $amount }
return-goes-back = Går tilbake
return-give-back = Gi tilbake
return-receipt-aria = Returkvittering
return-receipt-title = Returkvittering { $number }
return-done = Ferdig
return-how-cash = Gi { $amount } tilbake i kontanter i kassen.
return-how-card = Refunder { $amount } til kundens kort på betalingsterminalen.
return-how-bank = Betalt med bank: overfør { $amount } tilbake fra butikkens bankkonto til betaleren, med betalings-ID-en som referanse.
return-to-payer = Den som betalte (banken oppga verken navn eller konto: finn betalingen med betalings-ID-en i banken din)

## Bank transfers

refunds-aria = Bankoverføringer
refunds-title = Bankoverføringer
refunds-still-to-send = Igjen å sende
refunds-intro = Penger som er betalt med bank, går tilbake med en overføring fra butikkens bankkonto: gjør hver overføring i banken din, med betalings-ID-en som referanse, og merk den deretter som sendt her.
refunds-count-one = 1 overføring
refunds-count-other = { $n } overføringer
refunds-empty = Ingen bankoverføringer å gjøre. Returer av salg betalt med bank, og dobbeltbetalinger, vises her.
refunds-since = Siden { $when }
refunds-sent-at = Sendt { $when }
refunds-sent-note = Sendt { $when } · { $note }
refunds-sale = Salg
refunds-mark = Merk som sendt
refunds-ask = Er { $amount } sendt til { $to }?
refunds-note-placeholder = Hvordan den ble sendt
refunds-note-aria = Hvordan overføringen ble sendt
refunds-yes = Ja, den er sendt
refunds-no = Nei
refunds-kind-return = Retur
refunds-kind-return-receipt = Returkvittering { $number }
refunds-kind-double = Betalt to ganger: den ekstra betalingen går tilbake
refunds-kind-training = { $kind } (trening: ingen ekte penger)
refunds-to-payer = Den som betalte (verken navn eller konto fra banken: finn betalingen med betalings-ID-en)
refunds-state-open = Åpen
refunds-state-sent = Sendt

## The Day: X and Z

day-aria = Dag
day-title = Dag
day-back-to-x = Tilbake til X
day-net-period = Netto denne perioden
day-net-since-z = Netto siden forrige Z
day-net-of-z = Netto for denne Z
day-by-tender = Per betalingsmiddel
day-vat-per-rate = MVA per sats
day-since-start = Siden kassen ble tatt i bruk
day-earlier-z = Tidligere Z-rapporter
day-tax-office = Til Skatteetaten
day-from = Fra
day-to = Til
day-export-saft = Eksporter SAF-T
day-saft-hint = SAF-T Kassasystem-filen for disse dagene (begge inkludert): alle kvitteringer, treningskvitteringer merket, journalens hendelser og Z-rapportene.
day-report-aria = Rapport
day-close = Lukk dagen (Z)
day-close-hint = Lukker tallene siden forrige Z i en nummerert Z-rapport. Den kan aldri endres etterpå.
day-z-title = Z-rapport { $number }
day-kind-z = Lukket · kan aldri endres
day-kind-x = Løpende tall (X)
day-period = Fra { $from } til { $to }
day-till-start = kassens start
day-sales = Salg
day-returns = Returer
day-receipts = Kvitteringer
day-cancelled = Avbrutt
day-not-paid = ikke betalt
day-copies = Kopier
day-reprints = nye utskrifter
day-transfers = Overføringer
day-transfers-sub = { $amount } · { $sent } sendt
day-training = Trening
day-training-all = Alt
day-training-sandbox = en sandbox-kasse
day-receipts-none = ingen ennå
day-receipts-one = nr. { $number }
day-receipts-range = nr. { $first }–{ $last }
day-tender-count = { $tender } ({ $count })
day-rate = Sats
# Without VAT (the VAT table's column).
day-vat-net = Netto
# Sales less returns.
day-net = Netto
day-vat = MVA
day-gross = Brutto
day-rate-saft = { $rate } (SAF-T { $code })
day-no-vat = Ingen MVA registrert
day-no-sales = Ingen salg i denne perioden.
day-z-short = Z { $number }
day-z-receipts-one = { $when } · 1 kvittering
day-z-receipts-other = { $when } · { $n } kvitteringer
day-no-z = Ingen Z-rapport ennå: kassens første dag.
day-closed = Dagen er lukket: Z-rapport { $number }. Neste salg starter en ny periode.
day-sent-to-printer = Sendt til skriveren på { $address }.
day-saved-as = Lagret som { $path }.

## Close the day?

z-title = Lukke dagen?
z-question = Lukke tallene siden forrige Z (netto { $net }) i neste Z-rapport?
z-warning = En Z-rapport kan aldri endres etterpå. Neste salg starter en ny periode.
z-not-now = Ikke nå

## The SAF-T export

saft-saved = SAF-T-filen er lagret som { $path }: { $summary }.
saft-summary = { $receipts ->
    [one] 1 kvittering
   *[other] { $receipts } kvitteringer
} ({ $training } trening), { $events ->
    [one] 1 journalhendelse
   *[other] { $events } journalhendelser
} og { $zs ->
    [one] 1 Z-rapport
   *[other] { $zs } Z-rapporter
} fra { $from } til { $to }
# After the summary, behind a semicolon.
saft-unsigned = { $unsigned ->
    [one] 1 kvittering utstedt før Kassa signerte kvitteringer, er merket UNSIGNED
   *[other] { $unsigned } kvitteringer utstedt før Kassa signerte kvitteringer, er merket UNSIGNED
}
saft-bad-day = { $day } er ikke en dag i kalenderen: velg en dag.
saft-bad-period = Perioden slutter før den begynner: den siste dagen må være samme dag som den første eller senere.
saft-no-profile = Sett opp butikken før du eksporterer (Innstillinger → Butikk): SAF-T-filen oppgir virksomhetens organisasjonsnummer og juridiske navn.
saft-cannot-write = Kan ikke skrive { $path }: { $why }
saft-no-folder = Ingen mappe for eksporter: { $why }

## Why a books step did not go through

books-error-not-found = Ingen salg, kvitteringsnummer eller betalings-ID passer med «{ $query }».
books-error-not-paid = Dette salget er ikke betalt: det er ingenting å returnere.
books-error-no-reason = Oppgi årsaken til returen.
books-error-no-note = Skriv hvordan overføringen ble sendt (et notat for regnskapet).
books-error-no-vat-lines = Dette salget ble registrert som et rent beløp uten MVA-linjer: returner det manuelt og noter det.
books-error-nothing-left = Ingenting av dette salget er igjen å returnere: det er returnert i sin helhet
books-error-more-than-left = Bare { $left } av dette salget er igjen å returnere
books-error-more-than-left-at-rate = Bare { $left } med { $rate } MVA av dette salget er igjen å returnere
books-error-not-positive = Skriv inn beløpet som skal returneres: det må være mer enn null
books-error-report = Tallene i rapporten går ikke opp ({ $why }); ingenting ble vist.
books-error-no-z = Det finnes ingen Z-rapport { $number } i denne kassen.
books-error-no-printer = Ingen kvitteringsskriver er satt opp: legg inn adressen under Innstillinger → Butikk, eller bruk Skriv ut eller Lagre PDF.
books-error-no-profile = Sett opp butikken (Innstillinger → Butikk) før du skriver ut ekte rapporter.
books-error-vat = Butikkens MVA-tabell kan ikke leses: { $why }
books-error-pdf = { $why } Rapporten er tatt vare på; lagre den igjen fra Dag-skjermen.
books-error-no-folder = Mappen { $path } kan ikke opprettes ({ $why }).
books-error-no-report-folder = Ingen mappe for rapporter: { $why }

## Hele butikken: dagen til alle kassene fra butikkens hub (issue 14)

day-whole-shop = Hele butikken
shopday-aria = Dagen til hele butikken
shopday-title = Hele butikken
shopday-mode = Rapport
shopday-x = Dagen så langt (X)
shopday-z = Lukket (Z)
shopday-date = Dag
shopday-net = Butikkens netto
shopday-training = Treningstall
shopday-till = Kasse
shopday-open-bank-returns = Åpne bankreturer
shopday-double-payments = Betalt to ganger
shopday-last-z = Siste Z
shopday-z-of-day = Dagens Z
shopday-none = ingen
shopday-total = Hele butikken
shopday-this-till = denne kassen
shopday-receipts-one = 1 kvittering
shopday-receipts-other = { $n } kvitteringer
shopday-tills-one = 1 kasse
shopday-tills-other = { $n } kasser
shopday-no-tills = Ingen kasse har sendt regnskapet sitt til huben ennå.
shopday-no-hub-title = Ingen hub er satt opp
shopday-no-hub = Denne kassen fører regnskapet sitt alene. For å se alle butikkens kasser her kobler en leder hver kasse til butikkens hub (en PostgreSQL-server) under Innstillinger → Butikkens hub.
shopday-open-settings = Åpne Innstillinger
shopday-hint = X: dagen så langt, så langt hver kasse har sendt regnskapet sitt. Z: periodene kassene lukket denne dagen. Åpne bankreturer skal fortsatt betales tilbake med bankoverføring, uansett hvilken dag de er fra.
shopday-records = { $n ->
    [one] 1 post i huben
   *[other] { $n } poster i huben
}
shopday-unnamed = Kasse { $id }
