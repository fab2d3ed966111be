# Kassas kjerneord på norsk bokmål: motorens grunner, CLI-en, kvitteringer og rapporter (se en/core.ftl).

## Betalingsstatus

status-initiated = Venter på at kunden skanner
status-awaiting-authorization = Godkjennes i banken…
status-authorized = Godkjent, venter på pengene
status-executed = Betalt
status-rejected = Avvist i banken
status-failed = Banken kunne ikke fullføre betalingen
status-expired = Koden er utløpt
status-other = Banken melder «{ $status }»
status-with-reason = { $status }: { $reason }
status-left-the-bank = Kunden godkjente ikke i banken sin i tide

## Hvorfor et salg ble avsluttet

end-paid-by-bank = Betalt med bankoverføring
end-cancelled-by-cashier = Avbrutt av kassereren
end-nobody-approved = Ikke betalt: ingen godkjente betalingen innen { $span }
end-ended-elsewhere = Journalen viser at salget allerede var avsluttet
end-not-paid = Ikke betalt

## En kode tas ned fra skjermen

withdrawn-in-bank = Godkjennes i banken…
withdrawn-expiring = Henter en ny kode…

## Betalinger butikken må følge opp

flag-paid-twice = Betalt to ganger: tilbakebetal den andre betalingen
flag-after-paid = En betaling kom inn etter at salget var betalt: tilbakebetal den eller før den på salget
flag-after-not-paid = En betaling kom inn etter at salget endte ubetalt: tilbakebetal den eller før den på salget
flag-after-cancelled = En betaling kom inn etter at salget var avbrutt: tilbakebetal den eller før den på salget
flag-amount-mismatch = Banken melder { $amount } for denne betalingen, ikke salgets beløp: den betaler ikke salget
flag-lost = Betalingstjenesten kjenner ikke lenger til denne betalingen: sjekk den hos Aiia

## Et mislykket kall til betalingstjenesten

problem-lost-reply-create = Forbindelsen ble brutt før betalingstjenesten svarte
problem-lost-reply-status = Forbindelsen til betalingstjenesten ble brutt
problem-no-connection = Ingen forbindelse til betalingstjenesten
problem-timeout = Betalingstjenesten svarte ikke i tide
problem-busy = Betalingstjenesten er opptatt og ba Kassa vente
problem-service-error = Betalingstjenesten har et problem på sin side
problem-unreadable = Betalingstjenesten sendte et svar Kassa ikke kan lese
problem-sign-in = Kassa kunne ikke logge inn hos betalingstjenesten
problem-credentials-refused-create = Betalingstjenesten avviste Kassas påloggingsopplysninger. Sjekk Client ID og Secret.
problem-credentials-refused-status = Betalingstjenesten avviste Kassas påloggingsopplysninger; koden virker fortsatt. Sjekk Client ID og Secret.
problem-refused-create = Betalingstjenesten avviste betalingen: { $message }
problem-refused-status = Betalingstjenesten avviste statussjekken: { $message }
problem-not-found = Betalingstjenesten kjenner ikke til denne betalingen (ennå); Kassa fortsetter å sjekke.
problem-settings = Kassas innstillinger må rettes: { $message }
problem-journal = Kassa kan ikke skrive til journalen sin: { $message }. Salget venter på den.
problem-still-works = { $what }; koden virker fortsatt.
problem-new-code = { $what }. En ny kode er på vei.
problem-plain = { $what }.

## Ventetider

span-seconds = { $n } s
span-minutes = { $n } min

## CLI-ens salg

cli-sale-started = Salg { $sale }: { $amount }
cli-scan-to-pay = Kode { $attempt } – skann for å betale:
cli-sale-ended = { $text }: { $amount }
cli-needs-attention = KREVER OPPFØLGING: { $note }
cli-cancelling = avbryter salg { $sale }…
cli-not-paid = ikke betalt: { $message }
cli-not-paid-cancelled = ikke betalt: salget ble avbrutt
cli-engine-stopped = motoren stoppet
cli-paid-cash = Betalt kontant: { $given } mottatt, vekslepenger { $change } (kvittering { $receipt })
cli-paid-card-ref = Betalt med kort, terminalreferanse { $reference } (kvittering { $receipt })
cli-paid-card = Betalt med kort (kvittering { $receipt })
cli-no-receipt = ingen kvittering vist: { $error }
cli-codes-still-open = { $count ->
    [one] 1 kode for salg { $sale } er fortsatt åpen i banken; `kassa resume` følger den (`kassa status` viser den).
   *[other] { $count } koder for salg { $sale } er fortsatt åpne i banken; `kassa resume` følger dem (`kassa status` viser dem).
}
cli-following-earlier-codes = { $count ->
    [one] 1 tidligere kode for dette salget er fortsatt åpen i banken (høyst { $seconds } s til); den følges. Ctrl-C stopper: `kassa resume` følger den senere.
   *[other] { $count } tidligere koder for dette salget er fortsatt åpne i banken (høyst { $seconds } s til); de følges. Ctrl-C stopper: `kassa resume` følger dem senere.
}

## CLI-ens dag (kassa today)

cli-day-training = { $training }: sandkassesalg, ingen ekte penger
cli-day-paid = { $count ->
    [one] 1 betalt salg i dag, { $total } totalt
   *[other] { $count } betalte salg i dag, { $total } totalt
}
cli-day-more = … og { $count } tidligere salg (alle: kassa export)

## Merker

training = Trening

## Kvitteringer og rapporter (kassa_shop::Words): trykt, så kort

receipt-receipt = Kvittering
receipt-till = Kasse
receipt-return-title = RETUR
receipt-return-of = Retur av kvittering
receipt-reason = Årsak
receipt-training = TRENING — IKKE EN KVITTERING
receipt-copy = KOPI
receipt-rate = MVA
receipt-net = Netto
receipt-vat = MVA
receipt-gross = Brutto
receipt-total = TOTALT
receipt-pay-by-bank = Betalt via bank
receipt-refund-by-bank = Tilbakebetalt via bankoverføring
receipt-payment-id = Betalings-ID
receipt-bank-reference = Bankreferanse
receipt-cash = Kontant
receipt-change = Vekslepenger
receipt-cash-refund = Kontant tilbake
receipt-card = Kort
receipt-card-refund = Tilbake til kort
receipt-terminal-reference = Terminalref.
receipt-x-report = X-RAPPORT
receipt-z-report = Z-RAPPORT
receipt-x-note = Løpende tall; ingenting er lukket
receipt-from = Fra
receipt-to = Til
receipt-since-start = kassens start
receipt-receipts = Kvitteringer
receipt-sales = Salg
receipt-returns = Returer
receipt-net-sales = Nettosalg
receipt-by-tender = Per betalingsmiddel
receipt-vat-by-rate = MVA per sats
receipt-no-vat-recorded = Ingen MVA registrert
receipt-cancelled = Avbrutte salg
receipt-copies = Kopikvitteringer
receipt-training-sales = Treningssalg
receipt-training-note = Holdt utenfor: inngår ikke i tallene ovenfor
receipt-training-banner = TRENING — IKKE FOR REGNSKAPET
receipt-transfers-opened = Bankoverføringer opprettet
receipt-transfers-sent = Bankoverføringer sendt
receipt-grand-totals = Totalt siden kassen startet

## The sale's status line: what the customer does with the code they are on
progress-making-code = Henter en ny kode…
progress-not-paid = Ikke betalt
progress-after-left = { $left }. { $now }

## The payment reference, checked as it is typed
reference-auto = Kontoutskrift: en automatisk referanse (K og 12 bokstaver og sifre)
reference-statement = Kontoutskrift: { $reference }
reference-space = mellomrom
reference-takes-letters-digits = bokstavene A–Z og sifre
reference-takes-and = bokstavene A–Z, sifre og { $others }
reference-bad-characters = Banken tar ikke { $bad } i en referanse: bruk { $takes }, høyst { $max }
reference-too-long = { $len } tegn: banken tar høyst { $max } i en referanse
