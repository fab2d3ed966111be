# Kassan perussanat suomeksi: moottorin syyt, komentorivi, kuitit ja raportit (ks. en/core.ftl).

## Maksun tila

status-initiated = Odotetaan, että asiakas skannaa koodin
status-awaiting-authorization = Hyväksytään pankissa…
status-authorized = Hyväksytty, odotetaan rahoja
status-executed = Maksettu
status-rejected = Pankki hylkäsi maksun
status-failed = Pankki ei voinut suorittaa maksua
status-expired = Koodi vanheni
status-other = Pankki ilmoittaa ”{ $status }”
status-with-reason = { $status }: { $reason }
status-left-the-bank = Asiakas ei hyväksynyt maksua pankissaan ajoissa

## Miksi myynti päättyi

end-paid-by-bank = Maksettu tilisiirrolla
end-cancelled-by-cashier = Myyjä peruutti myynnin
end-nobody-approved = Ei maksettu: kukaan ei hyväksynyt maksua { $span } kuluessa
end-ended-elsewhere = Kassan lokin mukaan myynti oli jo päättynyt
end-not-paid = Ei maksettu

## Koodi poistuu näytöltä

withdrawn-in-bank = Hyväksytään pankissa…
withdrawn-expiring = Haetaan uutta koodia…

## Maksut, jotka vaativat kauppiasta

flag-paid-twice = Maksettu kahdesti: palauta toinen maksu
flag-after-paid = Maksu saapui, kun myynti oli jo maksettu: palauta se tai kirjaa se myyntiin
flag-after-not-paid = Maksu saapui, kun myynti oli jo päättynyt maksamatta: palauta se tai kirjaa se myyntiin
flag-after-cancelled = Maksu saapui, kun myynti oli jo peruutettu: palauta se tai kirjaa se myyntiin
flag-amount-mismatch = Pankki ilmoittaa tämän maksun summaksi { $amount }, ei myynnin summaa: se ei maksa myyntiä
flag-lost = Maksupalvelu ei enää tunne tätä maksua: tarkista se Aiialta

## Epäonnistunut kutsu maksupalveluun

problem-lost-reply-create = Yhteys katkesi ennen kuin maksupalvelu vastasi
problem-lost-reply-status = Yhteys maksupalveluun katkesi
problem-no-connection = Ei yhteyttä maksupalveluun
problem-timeout = Maksupalvelu ei vastannut ajoissa
problem-busy = Maksupalvelu on ruuhkautunut ja pyysi Kassaa odottamaan
problem-service-error = Maksupalvelussa on vika
problem-unreadable = Maksupalvelu lähetti vastauksen, jota Kassa ei osaa lukea
problem-sign-in = Kassa ei voinut kirjautua maksupalveluun
problem-credentials-refused-create = Maksupalvelu hylkäsi Kassan tunnukset. Tarkista Client ID ja Secret.
problem-credentials-refused-status = Maksupalvelu hylkäsi Kassan tunnukset; koodi toimii yhä. Tarkista Client ID ja Secret.
problem-refused-create = Maksupalvelu hylkäsi maksun: { $message }
problem-refused-status = Maksupalvelu hylkäsi tilakyselyn: { $message }
problem-not-found = Maksupalvelu ei (vielä) tunne tätä maksua; Kassa tarkistaa edelleen.
problem-settings = Kassan asetukset on korjattava: { $message }
problem-journal = Kassa ei voi kirjoittaa lokiinsa: { $message }. Myynti odottaa sitä.
problem-still-works = { $what }; koodi toimii yhä.
problem-new-code = { $what }. Uusi koodi on tulossa.
problem-plain = { $what }.

## Odotusajat

span-seconds = { $n } s
span-minutes = { $n } min

## Komentorivin myynti

cli-sale-started = Myynti { $sale }: { $amount }
cli-scan-to-pay = Koodi { $attempt } – skannaa ja maksa:
cli-sale-ended = { $text }: { $amount }
cli-needs-attention = VAATII HUOMIOTA: { $note }
cli-cancelling = peruutetaan myynti { $sale }…
cli-not-paid = ei maksettu: { $message }
cli-not-paid-cancelled = ei maksettu: myynti peruutettiin
cli-engine-stopped = moottori pysähtyi
cli-paid-cash = Maksettu käteisellä: annettu { $given }, vaihtoraha { $change } (kuitti { $receipt })
cli-paid-card-ref = Maksettu kortilla, päätteen viite { $reference } (kuitti { $receipt })
cli-paid-card = Maksettu kortilla (kuitti { $receipt })
cli-no-receipt = kuittia ei näytetä: { $error }
cli-codes-still-open = { $count ->
    [one] Myynnin { $sale } 1 koodi on yhä auki pankissa; `kassa resume` seuraa sitä (`kassa status` näyttää sen).
   *[other] Myynnin { $sale } { $count } koodia on yhä auki pankissa; `kassa resume` seuraa niitä (`kassa status` näyttää ne).
}
cli-following-earlier-codes = { $count ->
    [one] Tämän myynnin 1 aiempi koodi on yhä auki pankissa (enintään { $seconds } s vielä); sitä seurataan. Ctrl-C lopettaa: `kassa resume` seuraa sitä myöhemmin.
   *[other] Tämän myynnin { $count } aiempaa koodia on yhä auki pankissa (enintään { $seconds } s vielä); niitä seurataan. Ctrl-C lopettaa: `kassa resume` seuraa niitä myöhemmin.
}

## Komentorivin päivä (kassa today)

cli-day-training = { $training }: harjoitusmyyntejä, ei oikeaa rahaa
cli-day-paid = { $count ->
    [one] 1 maksettu myynti tänään, yhteensä { $total }
   *[other] { $count } maksettua myyntiä tänään, yhteensä { $total }
}
cli-day-more = … ja { $count } aiempaa myyntiä (kaikki: kassa export)

## Merkinnät

training = Harjoitus

## Kuitit ja raportit (kassa_shop::Words): tulostetaan, joten lyhyesti

receipt-receipt = Kuitti
receipt-till = Kassa
receipt-return-title = PALAUTUS
receipt-return-of = Palautus kuitista
receipt-reason = Syy
receipt-training = HARJOITUS — EI KUITTI
receipt-copy = KOPIO
receipt-rate = ALV
receipt-net = Veroton
receipt-vat = ALV
receipt-gross = Verollinen
receipt-total = YHTEENSÄ
receipt-pay-by-bank = Maksettu pankissa
receipt-refund-by-bank = Palautus tilisiirrolla
receipt-payment-id = Maksun tunnus
receipt-bank-reference = Pankkiviite
receipt-cash = Käteinen
receipt-change = Vaihtoraha
receipt-cash-refund = Käteistä takaisin
receipt-card = Kortti
receipt-card-refund = Palautus kortille
receipt-terminal-reference = Päätteen viite
receipt-x-report = X-RAPORTTI
receipt-z-report = Z-RAPORTTI
receipt-x-note = Juoksevat luvut; mitään ei ole suljettu
receipt-from = Alkaen
receipt-to = Asti
receipt-since-start = kassan käyttöönotto
receipt-receipts = Kuitit
receipt-sales = Myynti
receipt-returns = Palautukset
receipt-net-sales = Nettomyynti
receipt-by-tender = Maksutavoittain
receipt-vat-by-rate = ALV verokannoittain
receipt-no-vat-recorded = Ei kirjattua ALV:tä
receipt-cancelled = Peruutetut myynnit
receipt-copies = Kuittikopiot
receipt-training-sales = Harjoitusmyynnit
receipt-training-note = Pidetty erillään: ei mukana yllä olevissa luvuissa
receipt-training-banner = HARJOITUS — EI KIRJANPITOON
receipt-transfers-opened = Avatut tilisiirrot
receipt-transfers-sent = Lähetetyt tilisiirrot
receipt-grand-totals = Kokonaissummat kassan käyttöönotosta

## The sale's status line: what the customer does with the code they are on
progress-making-code = Haetaan uutta koodia…
progress-not-paid = Ei maksettu
progress-after-left = { $left }. { $now }

## The payment reference, checked as it is typed
reference-auto = Tiliote: automaattinen viite (K ja 12 kirjainta ja numeroa)
reference-statement = Tiliote: { $reference }
reference-space = välilyönti
reference-takes-letters-digits = kirjaimet A–Z ja numerot
reference-takes-and = kirjaimet A–Z, numerot ja { $others }
reference-bad-characters = Pankki ei hyväksy viitteessä merkkejä { $bad }: käytä merkkejä { $takes }, enintään { $max }
reference-too-long = { $len } merkkiä: pankki hyväksyy viitteessä enintään { $max }
