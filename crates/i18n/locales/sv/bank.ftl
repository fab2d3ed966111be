# Sandbox bank page (sv).

## The payment page a phone opens, and where it lands after
bank-pay = Betala
bank-to = till
bank-reference = Referens
bank-approve = Godkänn
bank-reject = Avvisa
bank-approved = Betalningen godkänd
bank-approved-detail = Pengarna är på väg. Du kan gå tillbaka till kassan.
bank-rejected = Betalningen avvisad
bank-no-money = Inga pengar skickades.
bank-failed = Betalningen misslyckades
bank-failed-detail = Banken kunde inte skicka pengarna. Be kassan att försöka igen.
bank-expired = Betalningslänken har gått ut — be kassan om en ny kod
bank-not-found = Betalningen hittades inte
bank-not-found-detail = Länken hör inte till någon betalning. Be kassan om en ny kod.
bank-done = Betalningen klar
bank-close = Du kan stänga sidan.
bank-not-finished = Betalningen är inte klar
bank-not-finished-detail = Gå tillbaka till din bank för att godkänna eller avvisa den.
bank-not-made = Betalningen gjordes inte
bank-not-made-detail = Inga pengar skickades. Du kan stänga sidan.
bank-footer = En testbank för Kassa. Inga riktiga pengar flyttas.

## Connect-flödets sida i butikens webbläsare
bank-connect-heading = Koppla ett bankkonto
bank-connect-intro = Välj de konton Kassa får sätta in pengar på; sedan frågar Kassa vilket som tar emot dina kunders betalningar. Kassa ber om { $scope }.
bank-connect-button = Koppla konto
bank-connect-cancel = Avbryt
bank-connect-problem = Kontot kan inte kopplas
bank-connect-unknown-client = client_id saknas eller är okänt för tjänsten.
bank-connect-bad-redirect = redirect_uri saknas eller är inte registrerad för appen.
bank-connect-spent = Begäran har gått ut eller redan använts. Börja om från Kassa.
bank-connect-choose = Välj ett eller flera av kontona som visas.
