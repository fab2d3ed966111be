# Kassas kärnord på svenska: motorns orsaker, CLI:t, kvitton och rapporter (se en/core.ftl).

## Betalningsstatus

status-initiated = Väntar på att kunden skannar
status-awaiting-authorization = Godkänns i banken…
status-authorized = Godkänt, väntar på pengarna
status-executed = Betalt
status-rejected = Nekad i banken
status-failed = Banken kunde inte genomföra betalningen
status-expired = Koden har gått ut
status-other = Banken rapporterar ”{ $status }”
status-with-reason = { $status }: { $reason }
status-left-the-bank = Kunden godkände inte i sin bank i tid

## Varför ett köp slutade

end-paid-by-bank = Betalt med banköverföring
end-cancelled-by-cashier = Avbrutet av kassören
end-nobody-approved = Inte betalt: ingen godkände betalningen inom { $span }
end-ended-elsewhere = Journalen visar att köpet redan var avslutat
end-not-paid = Inte betalt

## En kod tas bort från skärmen

withdrawn-in-bank = Godkänns i banken…
withdrawn-expiring = Hämtar en ny kod…

## Betalningar som butiken måste se till

flag-paid-twice = Betalt två gånger: återbetala den andra betalningen
flag-after-paid = En betalning kom in efter att köpet var betalt: återbetala den eller lägg den på köpet
flag-after-not-paid = En betalning kom in efter att köpet slutade obetalt: återbetala den eller lägg den på köpet
flag-after-cancelled = En betalning kom in efter att köpet avbröts: återbetala den eller lägg den på köpet
flag-amount-mismatch = Banken rapporterar { $amount } för den här betalningen, inte köpets belopp: den betalar inte köpet
flag-lost = Betaltjänsten känner inte längre till den här betalningen: kontrollera den hos Aiia

## Ett misslyckat anrop till betaltjänsten

problem-lost-reply-create = Anslutningen bröts innan betaltjänsten svarade
problem-lost-reply-status = Anslutningen till betaltjänsten bröts
problem-no-connection = Ingen anslutning till betaltjänsten
problem-timeout = Betaltjänsten svarade inte i tid
problem-busy = Betaltjänsten är upptagen och bad Kassa att vänta
problem-service-error = Betaltjänsten har ett problem på sin sida
problem-unreadable = Betaltjänsten skickade ett svar som Kassa inte kan läsa
problem-sign-in = Kassa kunde inte logga in hos betaltjänsten
problem-credentials-refused-create = Betaltjänsten godtog inte Kassas inloggningsuppgifter. Kontrollera Client ID och Secret.
problem-credentials-refused-status = Betaltjänsten godtog inte Kassas inloggningsuppgifter; koden fungerar fortfarande. Kontrollera Client ID och Secret.
problem-refused-create = Betaltjänsten nekade betalningen: { $message }
problem-refused-status = Betaltjänsten nekade statuskontrollen: { $message }
problem-not-found = Betaltjänsten känner inte till den här betalningen (ännu); Kassa fortsätter att kontrollera.
problem-settings = Kassas inställningar behöver rättas: { $message }
problem-journal = Kassa kan inte skriva i sin journal: { $message }. Köpet väntar på den.
problem-still-works = { $what }; koden fungerar fortfarande.
problem-new-code = { $what }. En ny kod är på väg.
problem-plain = { $what }.

## Väntetider

span-seconds = { $n } s
span-minutes = { $n } min

## CLI:ts köp

cli-sale-started = Köp { $sale }: { $amount }
cli-scan-to-pay = Kod { $attempt } – skanna för att betala:
cli-sale-ended = { $text }: { $amount }
cli-needs-attention = KRÄVER ÅTGÄRD: { $note }
cli-cancelling = avbryter köp { $sale }…
cli-not-paid = inte betalt: { $message }
cli-not-paid-cancelled = inte betalt: köpet avbröts
cli-engine-stopped = motorn stannade
cli-paid-cash = Betalt kontant: { $given } mottaget, växel { $change } (kvitto { $receipt })
cli-paid-card-ref = Betalt med kort, terminalreferens { $reference } (kvitto { $receipt })
cli-paid-card = Betalt med kort (kvitto { $receipt })
cli-no-receipt = inget kvitto visas: { $error }
cli-codes-still-open = { $count ->
    [one] 1 kod för köp { $sale } är fortfarande öppen i banken; `kassa resume` följer den (`kassa status` listar den).
   *[other] { $count } koder för köp { $sale } är fortfarande öppna i banken; `kassa resume` följer dem (`kassa status` listar dem).
}
cli-following-earlier-codes = { $count ->
    [one] 1 tidigare kod för det här köpet är fortfarande öppen i banken (högst { $seconds } s till); den följs. Ctrl-C avbryter: `kassa resume` följer den senare.
   *[other] { $count } tidigare koder för det här köpet är fortfarande öppna i banken (högst { $seconds } s till); de följs. Ctrl-C avbryter: `kassa resume` följer dem senare.
}

## CLI:ts dag (kassa today)

cli-day-training = { $training }: sandlådeköp, inga riktiga pengar
cli-day-paid = { $count ->
    [one] 1 betalt köp i dag, { $total } totalt
   *[other] { $count } betalda köp i dag, { $total } totalt
}
cli-day-more = … och { $count } tidigare köp (alla: kassa export)

## Märken

training = Övning

## Kvitton och rapporter (kassa_shop::Words): tryckta, så korta

receipt-receipt = Kvitto
receipt-till = Kassa
receipt-return-title = RETUR
receipt-return-of = Retur av kvitto
receipt-reason = Orsak
receipt-training = ÖVNING — INTE ETT KVITTO
receipt-copy = KOPIA
receipt-rate = Moms
receipt-net = Netto
receipt-vat = Moms
receipt-gross = Brutto
receipt-total = TOTALT
receipt-pay-by-bank = Betalt via bank
receipt-refund-by-bank = Återbetalning via banköverföring
receipt-payment-id = Betalnings-ID
receipt-bank-reference = Bankreferens
receipt-cash = Kontant
receipt-change = Växel
receipt-cash-refund = Kontant tillbaka
receipt-card = Kort
receipt-card-refund = Återbetalt till kort
receipt-terminal-reference = Terminalref.
receipt-x-report = X-RAPPORT
receipt-z-report = Z-RAPPORT
receipt-x-note = Löpande siffror; inget är stängt
receipt-from = Från
receipt-to = Till
receipt-since-start = kassans start
receipt-receipts = Kvitton
receipt-sales = Försäljning
receipt-returns = Returer
receipt-net-sales = Nettoförsäljning
receipt-by-tender = Per betalsätt
receipt-vat-by-rate = Moms per sats
receipt-no-vat-recorded = Ingen moms registrerad
receipt-cancelled = Avbrutna köp
receipt-copies = Kvittokopior
receipt-training-sales = Övningsköp
receipt-training-note = Hålls utanför: ingår inte i siffrorna ovan
receipt-training-banner = ÖVNING — INTE FÖR BOKFÖRINGEN
receipt-transfers-opened = Banköverföringar skapade
receipt-transfers-sent = Banköverföringar skickade
receipt-grand-totals = Totalt sedan kassan startade

## The sale's status line: what the customer does with the code they are on
progress-making-code = Hämtar en ny kod…
progress-not-paid = Inte betald
progress-after-left = { $left }. { $now }

## The payment reference, checked as it is typed
reference-auto = Kontoutdrag: en automatisk referens (K och 12 bokstäver och siffror)
reference-statement = Kontoutdrag: { $reference }
reference-space = mellanslag
reference-takes-letters-digits = bokstäverna A–Z och siffror
reference-takes-and = bokstäverna A–Z, siffror och { $others }
reference-bad-characters = Banken tar inte { $bad } i en referens: använd { $takes }, högst { $max }
reference-too-long = { $len } tecken: banken tar högst { $max } i en referens
