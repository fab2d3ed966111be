# books.ftl (Swedish): the window's books: Today, the day (X/Z), sale details, returns, refunds, notes that need attention.

## Shared by the books screens

books-back = Tillbaka
books-print = Skriv ut
books-printer = Skrivare
books-save-pdf = Spara PDF
books-to = Till
books-amount = Belopp
books-reference = Referens
books-left-to-return = Kvar att returnera
# A time on another day than today: "3 Dec 14:05".
books-day-and-time = { $day } kl. { $time }
books-state-needs-attention = Kräver åtgärd
books-state-open = Öppen
books-state-paid = Betald
books-state-failed = Nekad
books-state-cancelled = Avbruten
books-tender-pay-by-bank = Bankbetalning
books-tender-cash = Kontant
books-tender-card = Kort

## Today

today-aria = Dagens försäljning
today-title = Idag
today-find-placeholder = Kvittonummer eller betalnings-id
today-find-aria = Sök ett köp med kvittonummer eller betalnings-id
today-find = Sök
today-paid-today = Betalt idag
today-paid-today-training = Träning: betalt idag
today-paid-count-one = 1 betalt köp
today-paid-count-other = { $n } betalda köp
today-earlier-one = { $n } tidigare köp idag ingår i summorna ovan (alla köp: kassa export).
today-earlier-other = { $n } tidigare köp idag ingår i summorna ovan (alla köp: kassa export).
today-ref-auto = Automatisk: { $reference }
today-no-ref = Ingen referens
today-payment = Betalning { $payment }
today-empty = Inga köp än idag.

## A sale's detail

detail-aria = Köp
detail-sale = Köp
detail-receipt-title = Kvitto { $number }
detail-total = Totalt
detail-lines = Rader
detail-attempts = Betalningsförsök
detail-returns = Returer
detail-receipt-aria = Kvitto
detail-reprint = Skriv ut igen
detail-return = Retur…
detail-returned = Returnerat { $amount }
detail-paid-by = Betalt med
detail-payment-id = Betalnings-id
detail-receipt = Kvitto
detail-receipt-number = Nr { $number }
detail-receipt-printed = Nr { $number } · { $printed }
detail-printed-one = utskrivet en gång
detail-printed-other = utskrivet { $n } gånger
detail-no-receipt-fact = Inget (inte betalt)
detail-sale-id = Köp-id
detail-no-lines = Inga rader registrerade (ett rent belopp).
detail-no-attempts = Inga: betalt i kassan.
detail-no-returns = Inga returer.
detail-no-receipt = Det här köpet har inget kvitto: det betalades inte.
detail-no-payment-id = (inget betalnings-id än)
detail-return-receipt = Returkvitto { $number }
detail-return-when = { $when } · { $reason }
detail-printed = Utskrivet.
detail-printed-copy = Utskrivet som kopia { $copy }.
detail-line-quantity = { $quantity } × { $text }
# A line without a text of its own.
detail-line-sale = Köp
detail-no-vat = ingen moms registrerad
detail-attempt-asked = Begärd
detail-attempt-waiting = Väntar
detail-attempt-authorised = Godkänd
detail-attempt-declined = Nekad
detail-attempt-unknown = Okänd
detail-attempt-paid = Betald
detail-attempt-expired = Utgången
detail-attempt-cancelled = Avbruten
detail-attempt-not-paid = Inte betald
detail-refund-bank = Tillbaka via banköverföring
detail-refund-cash = Kontanter tillbaka
detail-refund-card = Tillbaka till kortet
detail-printer-at = Skrivare på { $address }
detail-no-printer = Ingen kvittoskrivare är inställd (Inställningar → Butik).

## The Return dialog

return-title = Retur
return-title-receipt = Retur från kvitto { $number }
return-how-much = Hur mycket
return-all = Allt
return-part = En del
return-amount = Belopp att returnera
return-amount-placeholder = t.ex. 40
return-reason = Orsak
return-reason-hint = (obligatorisk; sparas i journalen)
return-reason-placeholder = t.ex. skadad, fel storlek
return-make = Gör returen
return-confirm = Returnera { $amount }
return-goes-back = Går tillbaka
return-give-back = Ge tillbaka
return-receipt-aria = Returkvitto
return-receipt-title = Returkvitto { $number }
return-done = Klar
return-how-cash = Ge tillbaka { $amount } kontant i kassan.
return-how-card = Återbetala { $amount } till kundens kort på kortterminalen.
return-how-bank = Betalt via bank: för över { $amount } tillbaka från butikens bankkonto till betalaren, med betalnings-id:t som referens.
return-to-payer = Den som betalade (banken gav inget namn eller konto: hitta betalningen med betalnings-id:t i din bank)

## Bank transfers

refunds-aria = Banköverföringar
refunds-title = Banköverföringar
refunds-still-to-send = Kvar att skicka
refunds-intro = Pengar som betalats via bank går tillbaka med en överföring från butikens bankkonto: gör varje överföring i din bank, med betalnings-id:t som referens, och markera den sedan som skickad här.
refunds-count-one = 1 överföring
refunds-count-other = { $n } överföringar
refunds-empty = Inga banköverföringar att göra. Returer av köp som betalats via bank, och dubbelbetalningar, visas här.
refunds-since = Sedan { $when }
refunds-sent-at = Skickad { $when }
refunds-sent-note = Skickad { $when } · { $note }
refunds-sale = Köp
refunds-mark = Markera som skickad
refunds-ask = Har { $amount } skickats till { $to }?
refunds-note-placeholder = Hur den skickades
refunds-note-aria = Hur överföringen skickades
refunds-yes = Ja, den är skickad
refunds-no = Nej
refunds-kind-return = Retur
refunds-kind-return-receipt = Returkvitto { $number }
refunds-kind-double = Betalt två gånger: den extra betalningen går tillbaka
refunds-kind-training = { $kind } (träning: inga riktiga pengar)
refunds-to-payer = Den som betalade (inget namn eller konto från banken: sök på betalnings-id:t)
refunds-state-open = Öppen
refunds-state-sent = Skickad

## The Day: X and Z

day-aria = Dag
day-title = Dag
day-back-to-x = Tillbaka till X
day-net-period = Netto denna period
day-net-since-z = Netto sedan senaste Z
day-net-of-z = Netto för denna Z
day-by-tender = Per betalsätt
day-vat-per-rate = Moms per momssats
day-since-start = Sedan kassan togs i bruk
day-earlier-z = Tidigare Z-rapporter
day-tax-office = För skattemyndigheten
day-from = Från
day-to = Till
day-export-saft = Exportera SAF-T
day-saft-hint = SAF-T Cash Register-filen för dessa dagar (båda inräknade): alla kvitton, träningskvitton markerade, journalens händelser och Z-rapporterna.
day-report-aria = Rapport
day-close = Stäng dagen (Z)
day-close-hint = Stänger siffrorna sedan senaste Z i en numrerad Z-rapport. Den kan aldrig ändras efteråt.
day-z-title = Z-rapport { $number }
day-kind-z = Stängd · kan aldrig ändras
day-kind-x = Löpande siffror (X)
day-period = Från { $from } till { $to }
day-till-start = kassans start
day-sales = Försäljning
day-returns = Returer
day-receipts = Kvitton
day-cancelled = Avbrutna
day-not-paid = inte betalda
day-copies = Kopior
day-reprints = omutskrifter
day-transfers = Överföringar
day-transfers-sub = { $amount } · { $sent } skickade
day-training = Träning
day-training-all = Allt
day-training-sandbox = en sandbox-kassa
day-receipts-none = inga än
day-receipts-one = nr { $number }
day-receipts-range = nr { $first }–{ $last }
day-tender-count = { $tender } ({ $count })
day-rate = Momssats
# Without VAT (the VAT table's column).
day-vat-net = Netto
# Sales less returns.
day-net = Netto
day-vat = Moms
day-gross = Brutto
day-rate-saft = { $rate } (SAF-T { $code })
day-no-vat = Ingen moms registrerad
day-no-sales = Ingen försäljning denna period.
day-z-short = Z { $number }
day-z-receipts-one = { $when } · 1 kvitto
day-z-receipts-other = { $when } · { $n } kvitton
day-no-z = Ingen Z-rapport än: kassans första dag.
day-closed = Dagen är stängd: Z-rapport { $number }. Nästa köp startar en ny period.
day-sent-to-printer = Skickat till skrivaren på { $address }.
day-saved-as = Sparad som { $path }.

## Close the day?

z-title = Stänga dagen?
z-question = Stänga siffrorna sedan senaste Z (netto { $net }) i nästa Z-rapport?
z-warning = En Z-rapport kan aldrig ändras efteråt. Nästa köp startar en ny period.
z-not-now = Inte nu

## The SAF-T export

saft-saved = SAF-T-filen sparades som { $path }: { $summary }.
saft-summary = { $receipts ->
    [one] 1 kvitto
   *[other] { $receipts } kvitton
} ({ $training } träning), { $events ->
    [one] 1 journalhändelse
   *[other] { $events } journalhändelser
} och { $zs ->
    [one] 1 Z-rapport
   *[other] { $zs } Z-rapporter
} från { $from } till { $to }
# After the summary, behind a semicolon.
saft-unsigned = { $unsigned ->
    [one] 1 kvitto som utfärdades innan Kassa signerade kvitton är markerat UNSIGNED
   *[other] { $unsigned } kvitton som utfärdades innan Kassa signerade kvitton är markerade UNSIGNED
}
saft-bad-day = { $day } är inte en dag i kalendern: välj en dag.
saft-bad-period = Perioden slutar innan den börjar: den sista dagen måste vara samma dag som den första eller senare.
saft-no-profile = Ställ in butiken innan du exporterar (Inställningar → Butik): SAF-T-filen anger handlarens organisationsnummer och juridiska namn.
saft-cannot-write = Kan inte skriva { $path }: { $why }
saft-no-folder = Ingen mapp för exporter: { $why }

## Why a books step did not go through

books-error-not-found = Inget köp, kvittonummer eller betalnings-id matchar "{ $query }".
books-error-not-paid = Det här köpet är inte betalt: det finns inget att returnera.
books-error-no-reason = Ange orsaken till returen.
books-error-no-note = Skriv hur överföringen skickades (en anteckning för bokföringen).
books-error-no-vat-lines = Det här köpet registrerades som ett rent belopp utan momsrader: returnera det manuellt och anteckna det.
books-error-nothing-left = Inget av det här köpet finns kvar att returnera: det har returnerats helt
books-error-more-than-left = Bara { $left } av det här köpet finns kvar att returnera
books-error-more-than-left-at-rate = Bara { $left } med { $rate } moms av det här köpet finns kvar att returnera
books-error-not-positive = Ange beloppet att returnera: det måste vara mer än noll
books-error-report = Rapportens siffror går inte ihop ({ $why }); inget visades.
books-error-no-z = Det finns ingen Z-rapport { $number } i den här kassan.
books-error-no-printer = Ingen kvittoskrivare är inställd: lägg till dess adress under Inställningar → Butik, eller använd Skriv ut eller Spara PDF.
books-error-no-profile = Ställ in butiken (Inställningar → Butik) innan du skriver ut riktiga rapporter.
books-error-vat = Butikens momstabell kan inte läsas: { $why }
books-error-pdf = { $why } Rapporten finns kvar; spara den igen från skärmen Dag.
books-error-no-folder = Mappen { $path } kan inte skapas ({ $why }).
books-error-no-report-folder = Ingen mapp för rapporter: { $why }

## Hela butiken: alla kassors dag från butikens hubb (issue 14)

day-whole-shop = Hela butiken
shopday-aria = Hela butikens dag
shopday-title = Hela butiken
shopday-mode = Rapport
shopday-x = Dagen hittills (X)
shopday-z = Stängd (Z)
shopday-date = Dag
shopday-net = Butikens netto
shopday-training = Övningssiffror
shopday-till = Kassa
shopday-open-bank-returns = Öppna bankreturer
shopday-double-payments = Betalt två gånger
shopday-last-z = Senaste Z
shopday-z-of-day = Dagens Z
shopday-none = ingen
shopday-total = Hela butiken
shopday-this-till = den här kassan
shopday-receipts-one = 1 kvitto
shopday-receipts-other = { $n } kvitton
shopday-tills-one = 1 kassa
shopday-tills-other = { $n } kassor
shopday-no-tills = Ingen kassa har skickat sin bokföring till hubben än.
shopday-no-hub-title = Ingen hubb är inställd
shopday-no-hub = Den här kassan sköter sin bokföring själv. För att se butikens alla kassor här ansluter en chef varje kassa till butikens hubb (en PostgreSQL-server) under Inställningar → Butikens hubb.
shopday-open-settings = Öppna Inställningar
shopday-hint = X: dagen hittills, så långt varje kassa har skickat sin bokföring. Z: de perioder som kassorna stängde den här dagen. Öppna bankreturer ska fortfarande betalas tillbaka med banköverföring, oavsett vilken dag de är från.
shopday-records = { $n ->
    [one] 1 post i hubben
   *[other] { $n } poster i hubben
}
shopday-unnamed = Kassa { $id }
