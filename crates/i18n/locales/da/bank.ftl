# Sandbox bank page (da).

## The payment page a phone opens, and where it lands after
bank-pay = Betal
bank-to = til
bank-reference = Reference
bank-approve = Godkend
bank-reject = Afvis
bank-approved = Betaling godkendt
bank-approved-detail = Pengene er på vej. Du kan gå tilbage til kassen.
bank-rejected = Betaling afvist
bank-no-money = Der blev ikke sendt nogen penge.
bank-failed = Betalingen mislykkedes
bank-failed-detail = Banken kunne ikke sende pengene. Bed kassen om at prøve igen.
bank-expired = Betalingslinket er udløbet — bed kassen om en ny kode
bank-not-found = Betaling ikke fundet
bank-not-found-detail = Dette link hører ikke til en betaling. Bed kassen om en ny kode.
bank-done = Betaling gennemført
bank-close = Du kan lukke denne side.
bank-not-finished = Betalingen er ikke færdig
bank-not-finished-detail = Gå tilbage til din bank for at godkende eller afvise den.
bank-not-made = Betaling ikke gennemført
bank-not-made-detail = Der blev ikke sendt nogen penge. Du kan lukke denne side.
bank-footer = En testbank til Kassa. Ingen rigtige penge flyttes.

## Connect-forløbets side i butikkens browser
bank-connect-heading = Tilknyt en bankkonto
bank-connect-intro = Vælg de konti, Kassa må sætte penge ind på; bagefter spørger Kassa, hvilken der modtager dine kunders betalinger. Kassa beder om { $scope }.
bank-connect-button = Tilknyt konto
bank-connect-cancel = Annuller
bank-connect-problem = Kontoen kan ikke tilknyttes
bank-connect-unknown-client = client_id mangler eller er ukendt for denne tjeneste.
bank-connect-bad-redirect = redirect_uri mangler eller er ikke registreret for denne app.
bank-connect-spent = Denne anmodning er udløbet eller allerede brugt. Start forfra fra Kassa.
bank-connect-choose = Vælg en eller flere af de viste konti.
