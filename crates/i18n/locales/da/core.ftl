# Kassas kerneord på dansk: motorens grunde, CLI'en, bonner og rapporter (se en/core.ftl).

## Betalingsstatus

status-initiated = Venter på, at kunden scanner
status-awaiting-authorization = Godkendes i banken…
status-authorized = Godkendt, venter på pengene
status-executed = Betalt
status-rejected = Afvist i banken
status-failed = Banken kunne ikke gennemføre betalingen
status-expired = Koden er udløbet
status-other = Banken melder "{ $status }"
status-with-reason = { $status }: { $reason }
status-left-the-bank = Kunden godkendte ikke i sin bank i tide

## Hvorfor et salg sluttede

end-paid-by-bank = Betalt med bankoverførsel
end-cancelled-by-cashier = Annulleret af ekspedienten
end-nobody-approved = Ikke betalt: ingen godkendte betalingen inden for { $span }
end-ended-elsewhere = Journalen viser, at salget allerede var afsluttet
end-not-paid = Ikke betalt

## En kode forlader skærmen

withdrawn-in-bank = Godkendes i banken…
withdrawn-expiring = Henter en ny kode…

## Betalinger, der kræver butikken

flag-paid-twice = Betalt to gange: tilbagebetal den anden betaling
flag-after-paid = Der kom en betaling, efter at salget var betalt: tilbagebetal den, eller læg den på salget
flag-after-not-paid = Der kom en betaling, efter at salget endte ubetalt: tilbagebetal den, eller læg den på salget
flag-after-cancelled = Der kom en betaling, efter at salget var annulleret: tilbagebetal den, eller læg den på salget
flag-amount-mismatch = Banken melder { $amount } for denne betaling, ikke salgets beløb: den betaler ikke salget
flag-lost = Betalingstjenesten kender ikke længere denne betaling: tjek den hos Aiia

## Et mislykket kald til betalingstjenesten

problem-lost-reply-create = Forbindelsen blev afbrudt, før betalingstjenesten svarede
problem-lost-reply-status = Forbindelsen til betalingstjenesten blev afbrudt
problem-no-connection = Ingen forbindelse til betalingstjenesten
problem-timeout = Betalingstjenesten svarede ikke i tide
problem-busy = Betalingstjenesten har travlt og bad Kassa om at vente
problem-service-error = Betalingstjenesten har et problem i sin ende
problem-unreadable = Betalingstjenesten sendte et svar, som Kassa ikke kan læse
problem-sign-in = Kassa kunne ikke logge på betalingstjenesten
problem-credentials-refused-create = Betalingstjenesten afviste Kassas loginoplysninger. Tjek Client ID og Secret.
problem-credentials-refused-status = Betalingstjenesten afviste Kassas loginoplysninger; koden virker stadig. Tjek Client ID og Secret.
problem-refused-create = Betalingstjenesten afviste betalingen: { $message }
problem-refused-status = Betalingstjenesten afviste statustjekket: { $message }
problem-not-found = Betalingstjenesten kender ikke denne betaling (endnu); Kassa bliver ved med at tjekke.
problem-settings = Kassas indstillinger skal rettes: { $message }
problem-journal = Kassa kan ikke skrive i sin journal: { $message }. Salget venter på den.
problem-still-works = { $what }; koden virker stadig.
problem-new-code = { $what }. En ny kode er på vej.
problem-plain = { $what }.

## Ventetider

span-seconds = { $n } sek.
span-minutes = { $n } min.

## CLI'ens salg

cli-sale-started = Salg { $sale }: { $amount }
cli-scan-to-pay = Kode { $attempt } – scan for at betale:
cli-sale-ended = { $text }: { $amount }
cli-needs-attention = KRÆVER OPMÆRKSOMHED: { $note }
cli-cancelling = annullerer salg { $sale }…
cli-not-paid = ikke betalt: { $message }
cli-not-paid-cancelled = ikke betalt: salget blev annulleret
cli-engine-stopped = motoren stoppede
cli-paid-cash = Betalt kontant: { $given } modtaget, byttepenge { $change } (bon { $receipt })
cli-paid-card-ref = Betalt med kort, terminalreference { $reference } (bon { $receipt })
cli-paid-card = Betalt med kort (bon { $receipt })
cli-no-receipt = ingen bon vist: { $error }
cli-codes-still-open = { $count ->
    [one] 1 kode til salg { $sale } er stadig åben i banken; `kassa resume` følger den (`kassa status` viser den).
   *[other] { $count } koder til salg { $sale } er stadig åbne i banken; `kassa resume` følger dem (`kassa status` viser dem).
}
cli-following-earlier-codes = { $count ->
    [one] 1 tidligere kode til dette salg er stadig åben i banken (højst { $seconds } sek. endnu); den følges. Ctrl-C stopper: `kassa resume` følger den senere.
   *[other] { $count } tidligere koder til dette salg er stadig åbne i banken (højst { $seconds } sek. endnu); de følges. Ctrl-C stopper: `kassa resume` følger dem senere.
}

## CLI'ens dag (kassa today)

cli-day-training = { $training }: sandkassesalg, ingen rigtige penge
cli-day-paid = { $count ->
    [one] 1 betalt salg i dag, { $total } i alt
   *[other] { $count } betalte salg i dag, { $total } i alt
}
cli-day-more = … og { $count } tidligere salg (dem alle: kassa export)

## Mærker

training = Træning

## Bonner og rapporter (kassa_shop::Words): trykt, så kort

receipt-receipt = Bon
receipt-till = Kasse
receipt-return-title = RETUR
receipt-return-of = Retur af bon
receipt-reason = Årsag
receipt-training = TRÆNING — IKKE EN KVITTERING
receipt-copy = KOPI
receipt-rate = Moms
receipt-net = Netto
receipt-vat = Moms
receipt-gross = Brutto
receipt-total = I ALT
receipt-pay-by-bank = Betalt via bank
receipt-refund-by-bank = Tilbagebetalt via bankoverførsel
receipt-payment-id = Betalings-ID
receipt-bank-reference = Bankreference
receipt-cash = Kontant
receipt-change = Byttepenge
receipt-cash-refund = Kontant retur
receipt-card = Kort
receipt-card-refund = Retur til kort
receipt-terminal-reference = Terminalref.
receipt-x-report = X-RAPPORT
receipt-z-report = Z-RAPPORT
receipt-x-note = Løbende tal; intet er lukket
receipt-from = Fra
receipt-to = Til
receipt-since-start = kassens start
receipt-receipts = Bonner
receipt-sales = Salg
receipt-returns = Returer
receipt-net-sales = Nettosalg
receipt-by-tender = Pr. betalingsmiddel
receipt-vat-by-rate = Moms pr. sats
receipt-no-vat-recorded = Ingen moms registreret
receipt-cancelled = Annullerede salg
receipt-copies = Kopibonner
receipt-training-sales = Træningssalg
receipt-training-note = Holdt udenfor: indgår ikke i tallene ovenfor
receipt-training-banner = TRÆNING — IKKE TIL REGNSKABET
receipt-transfers-opened = Bankoverførsler oprettet
receipt-transfers-sent = Bankoverførsler sendt
receipt-grand-totals = Totaler siden kassens start

## The sale's status line: what the customer does with the code they are on
progress-making-code = Henter en ny kode…
progress-not-paid = Ikke betalt
progress-after-left = { $left }. { $now }

## The payment reference, checked as it is typed
reference-auto = Kontoudtog: en automatisk reference (K og 12 bogstaver og cifre)
reference-statement = Kontoudtog: { $reference }
reference-space = mellemrum
reference-takes-letters-digits = bogstaverne A–Z og cifre
reference-takes-and = bogstaverne A–Z, cifre og { $others }
reference-bad-characters = Banken tager ikke { $bad } i en reference: brug { $takes }, højst { $max }
reference-too-long = { $len } tegn: banken tager højst { $max } i en reference
