# books.ftl (Danish): the window's books: Today, the day (X/Z), sale details, returns, refunds, notes that need attention.

## Shared by the books screens

books-back = Tilbage
books-print = Udskriv
books-printer = Printer
books-save-pdf = Gem PDF
books-to = Til
books-amount = Beløb
books-reference = Reference
books-left-to-return = Kan stadig returneres
# A time on another day than today: "3 Dec 14:05".
books-day-and-time = { $day } kl. { $time }
books-state-needs-attention = Kræver handling
books-state-open = Åben
books-state-paid = Betalt
books-state-failed = Afvist
books-state-cancelled = Annulleret
books-tender-pay-by-bank = Bankbetaling
books-tender-cash = Kontant
books-tender-card = Kort

## Today

today-aria = Dagens salg
today-title = I dag
today-find-placeholder = Bonnummer eller betalings-id
today-find-aria = Find et salg ud fra bonnummer eller betalings-id
today-find = Find
today-paid-today = Betalt i dag
today-paid-today-training = Træning: betalt i dag
today-paid-count-one = 1 betalt salg
today-paid-count-other = { $n } betalte salg
today-earlier-one = { $n } tidligere salg i dag er med i tallene ovenfor (alle salg: kassa export).
today-earlier-other = { $n } tidligere salg i dag er med i tallene ovenfor (alle salg: kassa export).
today-ref-auto = Automatisk: { $reference }
today-no-ref = Ingen reference
today-payment = Betaling { $payment }
today-empty = Intet salg endnu i dag.

## A sale's detail

detail-aria = Salg
detail-sale = Salg
detail-receipt-title = Bon { $number }
detail-total = I alt
detail-lines = Linjer
detail-attempts = Betalingsforsøg
detail-returns = Returneringer
detail-receipt-aria = Bon
detail-reprint = Udskriv igen
detail-return = Returnér…
detail-returned = Returneret { $amount }
detail-paid-by = Betalt med
detail-payment-id = Betalings-id
detail-receipt = Bon
detail-receipt-number = Nr. { $number }
detail-receipt-printed = Nr. { $number } · { $printed }
detail-printed-one = udskrevet én gang
detail-printed-other = udskrevet { $n } gange
detail-no-receipt-fact = Ingen (ikke betalt)
detail-sale-id = Salgs-id
detail-no-lines = Ingen linjer registreret (et rent beløb).
detail-no-attempts = Ingen: betalt ved kassen.
detail-no-returns = Ingen returneringer.
detail-no-receipt = Dette salg har ingen bon: det blev ikke betalt.
detail-no-payment-id = (intet betalings-id endnu)
detail-return-receipt = Returbon { $number }
detail-return-when = { $when } · { $reason }
detail-printed = Udskrevet.
detail-printed-copy = Udskrevet som kopi { $copy }.
detail-line-quantity = { $quantity } × { $text }
# A line without a text of its own.
detail-line-sale = Salg
detail-no-vat = ingen moms registreret
detail-attempt-asked = Anmodet
detail-attempt-waiting = Venter
detail-attempt-authorised = Godkendt
detail-attempt-declined = Afvist
detail-attempt-unknown = Ukendt
detail-attempt-paid = Betalt
detail-attempt-expired = Udløbet
detail-attempt-cancelled = Annulleret
detail-attempt-not-paid = Ikke betalt
detail-refund-bank = Tilbage via bankoverførsel
detail-refund-cash = Kontanter givet tilbage
detail-refund-card = Tilbage på kortet
detail-printer-at = Printer på { $address }
detail-no-printer = Der er ingen bonprinter sat op (Indstillinger → Butik).

## The Return dialog

return-title = Retur
return-title-receipt = Retur fra bon { $number }
return-how-much = Hvor meget
return-all = Det hele
return-part = En del
return-amount = Beløb, der returneres
return-amount-placeholder = f.eks. 40
return-reason = Årsag
return-reason-hint = (skal udfyldes; gemmes i journalen)
return-reason-placeholder = f.eks. beskadiget, forkert størrelse
return-make = Gennemfør returneringen
return-confirm = Returnér { $amount }
return-goes-back = Gives tilbage
return-give-back = Giv tilbage
return-receipt-aria = Returbon
return-receipt-title = Returbon { $number }
return-done = Færdig
return-how-cash = Giv { $amount } tilbage kontant ved kassen.
return-how-card = Refundér { $amount } til kundens kort på kortterminalen.
return-how-bank = Betalt via bank: overfør { $amount } tilbage fra butikkens bankkonto til betaleren med betalings-id'et som reference.
return-to-payer = Betaleren af denne betaling (banken oplyste hverken navn eller konto: find betaleren ud fra betalings-id'et i din bank)

## Bank transfers

refunds-aria = Bankoverførsler
refunds-title = Bankoverførsler
refunds-still-to-send = Mangler at blive sendt
refunds-intro = Penge, der er betalt via bank, gives tilbage med en overførsel fra butikkens bankkonto: lav hver overførsel i din bank med betalings-id'et som reference, og markér den derefter som sendt her.
refunds-count-one = 1 overførsel
refunds-count-other = { $n } overførsler
refunds-empty = Ingen bankoverførsler at lave. Returneringer af salg betalt via bank og dobbeltbetalinger vises her.
refunds-since = Siden { $when }
refunds-sent-at = Sendt { $when }
refunds-sent-note = Sendt { $when } · { $note }
refunds-sale = Salg
refunds-mark = Markér som sendt
refunds-ask = Er { $amount } sendt til { $to }?
refunds-note-placeholder = Hvordan den blev sendt
refunds-note-aria = Hvordan overførslen blev sendt
refunds-yes = Ja, den er sendt
refunds-no = Nej
refunds-kind-return = Retur
refunds-kind-return-receipt = Returbon { $number }
refunds-kind-double = Betalt to gange: den ekstra betaling gives tilbage
refunds-kind-training = { $kind } (træning: ingen rigtige penge)
refunds-to-payer = Betaleren (intet navn eller konto fra banken: find betaleren ud fra betalings-id'et)
refunds-state-open = Åben
refunds-state-sent = Sendt

## The Day: X and Z

day-aria = Dag
day-title = Dag
day-back-to-x = Tilbage til X
day-net-period = Netto i perioden
day-net-since-z = Netto siden sidste Z
day-net-of-z = Netto i denne Z
day-by-tender = Pr. betalingsmiddel
day-vat-per-rate = Moms pr. sats
day-since-start = Siden kassen blev taget i brug
day-earlier-z = Tidligere Z-rapporter
day-tax-office = Til skattemyndighederne
day-from = Fra
day-to = Til
day-export-saft = Eksportér SAF-T
day-saft-hint = SAF-T Cash Register-filen for disse dage (begge dage medregnet): alle bonner, træningsbonner markeret, journalens hændelser og Z-rapporterne.
day-report-aria = Rapport
day-close = Luk dagen (Z)
day-close-hint = Lukker tallene siden sidste Z i en nummereret Z-rapport. Den kan aldrig ændres bagefter.
day-z-title = Z-rapport { $number }
day-kind-z = Lukket · kan aldrig ændres
day-kind-x = Løbende tal (X)
day-period = Fra { $from } til { $to }
day-till-start = kassens start
day-sales = Salg
day-returns = Returneringer
day-receipts = Bonner
day-cancelled = Annulleret
day-not-paid = ikke betalt
day-copies = Kopier
day-reprints = genudskrifter
day-transfers = Overførsler
day-transfers-sub = { $amount } · { $sent } sendt
day-training = Træning
day-training-all = Alle
day-training-sandbox = en sandbox-kasse
day-receipts-none = ingen endnu
day-receipts-one = nr. { $number }
day-receipts-range = nr. { $first }–{ $last }
day-tender-count = { $tender } ({ $count })
day-rate = Sats
# Without VAT (the VAT table's column).
day-vat-net = Netto
# Sales less returns.
day-net = Netto
day-vat = Moms
day-gross = Brutto
day-rate-saft = { $rate } (SAF-T { $code })
day-no-vat = Ingen moms registreret
day-no-sales = Intet salg i denne periode.
day-z-short = Z { $number }
day-z-receipts-one = { $when } · 1 bon
day-z-receipts-other = { $when } · { $n } bonner
day-no-z = Ingen Z-rapport endnu: kassens første dag.
day-closed = Dagen er lukket: Z-rapport { $number }. Næste salg starter en ny periode.
day-sent-to-printer = Sendt til printeren på { $address }.
day-saved-as = Gemt som { $path }.

## Close the day?

z-title = Luk dagen?
z-question = Luk tallene siden sidste Z (netto { $net }) i den næste Z-rapport?
z-warning = En Z-rapport kan aldrig ændres bagefter. Næste salg starter en ny periode.
z-not-now = Ikke nu

## The SAF-T export

saft-saved = SAF-T-filen er gemt som { $path }: { $summary }.
saft-summary = { $receipts ->
    [one] 1 bon
   *[other] { $receipts } bonner
} ({ $training } træning), { $events ->
    [one] 1 journalhændelse
   *[other] { $events } journalhændelser
} og { $zs ->
    [one] 1 Z-rapport
   *[other] { $zs } Z-rapporter
} fra { $from } til { $to }
# After the summary, behind a semicolon.
saft-unsigned = { $unsigned ->
    [one] 1 bon udstedt, før Kassa signerede bonner, er markeret UNSIGNED
   *[other] { $unsigned } bonner udstedt, før Kassa signerede bonner, er markeret UNSIGNED
}
saft-bad-day = { $day } er ikke en dag i kalenderen: vælg en dag.
saft-bad-period = Perioden slutter, før den begynder: den sidste dag skal være den samme som eller efter den første.
saft-no-profile = Sæt butikken op før eksporten (Indstillinger → Butik): SAF-T-filen angiver virksomhedens CVR-nummer og juridiske navn.
saft-cannot-write = Kan ikke skrive { $path }: { $why }
saft-no-folder = Ingen mappe til eksporter: { $why }

## Why a books step did not go through

books-error-not-found = Intet salg, bonnummer eller betalings-id passer til "{ $query }".
books-error-not-paid = Dette salg er ikke betalt: der er intet at returnere.
books-error-no-reason = Angiv årsagen til returneringen.
books-error-no-note = Skriv, hvordan overførslen blev sendt (en note til regnskabet).
books-error-no-vat-lines = Dette salg blev registreret som et rent beløb uden momslinjer: returnér det manuelt, og notér det.
books-error-nothing-left = Intet af dette salg kan returneres længere: det er returneret fuldt ud
books-error-more-than-left = Kun { $left } af dette salg kan stadig returneres
books-error-more-than-left-at-rate = Kun { $left } med { $rate } moms af dette salg kan stadig returneres
books-error-not-positive = Indtast beløbet, der skal returneres: det skal være mere end nul
books-error-report = Rapportens tal stemmer ikke ({ $why }); intet blev vist.
books-error-no-z = Der er ingen Z-rapport { $number } i denne kasse.
books-error-no-printer = Der er ingen bonprinter sat op: tilføj dens adresse under Indstillinger → Butik, eller brug Udskriv eller Gem PDF.
books-error-no-profile = Sæt butikken op (Indstillinger → Butik), før du udskriver rigtige rapporter.
books-error-vat = Butikkens momstabel kan ikke læses: { $why }
books-error-pdf = { $why } Rapporten er bevaret; gem den igen fra skærmen Dag.
books-error-no-folder = Mappen { $path } kan ikke oprettes ({ $why }).
books-error-no-report-folder = Ingen mappe til rapporter: { $why }

## Hele butikken: alle kassernes dag fra butikkens hub (issue 14)

day-whole-shop = Hele butikken
shopday-aria = Hele butikkens dag
shopday-title = Hele butikken
shopday-mode = Rapport
shopday-x = Dagen indtil nu (X)
shopday-z = Lukket (Z)
shopday-date = Dag
shopday-net = Butikkens netto
shopday-training = Træningstal
shopday-till = Kasse
shopday-open-bank-returns = Åbne bankreturneringer
shopday-double-payments = Betalt to gange
shopday-last-z = Seneste Z
shopday-z-of-day = Dagens Z
shopday-none = ingen
shopday-total = Hele butikken
shopday-this-till = denne kasse
shopday-receipts-one = 1 bon
shopday-receipts-other = { $n } bonner
shopday-tills-one = 1 kasse
shopday-tills-other = { $n } kasser
shopday-no-tills = Ingen kasse har sendt sit regnskab til hubben endnu.
shopday-no-hub-title = Der er ingen hub
shopday-no-hub = Denne kasse fører sit regnskab alene. For at se alle butikkens kasser her forbinder en leder hver kasse til butikkens hub (en PostgreSQL-server) under Indstillinger → Butikkens hub.
shopday-open-settings = Åbn Indstillinger
shopday-hint = X: dagen indtil nu, så langt hver kasse har sendt sit regnskab. Z: de perioder, kasserne lukkede denne dag. Åbne bankreturneringer skal stadig betales tilbage med bankoverførsel, uanset hvilken dag de er fra.
shopday-records = { $n ->
    [one] 1 post i hubben
   *[other] { $n } poster i hubben
}
shopday-unnamed = Kasse { $id }
