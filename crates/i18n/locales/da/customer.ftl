# customer.ftl (Danish): the customer's display (its own window or the pane on the cashier's screen).

## The idle screen and the sale
customer-welcome = Velkommen
customer-your-purchase = Dit køb
customer-total = I alt
customer-change = Byttepenge
customer-receipt = Kvittering

## The code and the bank
customer-getting-code = Henter din betalingskode…
customer-new-code = Henter en ny kode…
customer-scan = Scan koden med din telefon for at betale i din bank
customer-approving = Godkender i din bank…
customer-approved = Godkendt – betalingen er på vej

## The result
customer-paid = Betalt – tak!
customer-declined = Betalingen blev afvist
customer-cancelled = Betalingen blev annulleret
customer-not-paid = Betalingen gik ikke igennem
customer-ask-cashier = Spørg venligst ved kassen

## Around the screen
customer-training = Træning – der betales ingen rigtige penge
customer-language = Sprog
customer-window-title = Kassa – kundeskærm
customer-unknown-language = "{ $code }" er ikke et sprog på kundeskærmen: da, sv, nb, fi eller en

## The cashier's side of the customer window
customer-could-not-open = Kundeskærmen kunne ikke åbnes: { $error }
