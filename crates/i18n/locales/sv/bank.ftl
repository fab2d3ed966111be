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
