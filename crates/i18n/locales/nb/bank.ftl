# Sandbox bank page (nb).

## The payment page a phone opens, and where it lands after
bank-pay = Betal
bank-to = til
bank-reference = Referanse
bank-approve = Godkjenn
bank-reject = Avvis
bank-approved = Betalingen er godkjent
bank-approved-detail = Pengene er på vei. Du kan gå tilbake til kassen.
bank-rejected = Betalingen er avvist
bank-no-money = Ingen penger ble sendt.
bank-failed = Betalingen mislyktes
bank-failed-detail = Banken kunne ikke sende pengene. Be kassen prøve igjen.
bank-expired = Betalingslenken har utløpt — be kassen om en ny kode
bank-not-found = Fant ikke betalingen
bank-not-found-detail = Lenken hører ikke til en betaling. Be kassen om en ny kode.
bank-done = Betalingen er fullført
bank-close = Du kan lukke denne siden.
bank-not-finished = Betalingen er ikke fullført
bank-not-finished-detail = Gå tilbake til banken din for å godkjenne eller avvise den.
bank-not-made = Betalingen ble ikke gjennomført
bank-not-made-detail = Ingen penger ble sendt. Du kan lukke denne siden.
bank-footer = En testbank for Kassa. Ingen ekte penger flyttes.

## Connect-flytens side i butikkens nettleser
bank-connect-heading = Koble til en bankkonto
bank-connect-intro = Velg kontoene Kassa kan sette inn penger på; deretter spør Kassa hvilken som mottar kundenes betalinger. Kassa ber om { $scope }.
bank-connect-button = Koble til konto
bank-connect-cancel = Avbryt
bank-connect-problem = Kontoen kan ikke kobles til
bank-connect-unknown-client = client_id mangler eller er ukjent for tjenesten.
bank-connect-bad-redirect = redirect_uri mangler eller er ikke registrert for appen.
bank-connect-spent = Forespørselen er utløpt eller allerede brukt. Start på nytt fra Kassa.
bank-connect-choose = Velg én eller flere av kontoene som vises.
