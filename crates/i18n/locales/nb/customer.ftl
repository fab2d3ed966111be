# customer.ftl (Norwegian bokmål): the customer's display (its own window or the pane on the cashier's screen).

## The idle screen and the sale
customer-welcome = Velkommen
customer-your-purchase = Ditt kjøp
customer-total = Totalt
customer-change = Vekslepenger
customer-receipt = Kvittering

## The code and the bank
customer-getting-code = Henter betalingskoden din…
customer-new-code = Henter en ny kode…
customer-scan = Skann koden med telefonen din for å betale i banken din
customer-approving = Godkjenner i banken din…
customer-approved = Godkjent – betalingen er på vei

## The result
customer-paid = Betalt – takk!
customer-declined = Betalingen ble avvist
customer-cancelled = Betalingen ble avbrutt
customer-not-paid = Betalingen gikk ikke gjennom
customer-ask-cashier = Spør gjerne i kassen

## Around the screen
customer-training = Trening – ingen ekte penger betales
customer-language = Språk
customer-window-title = Kassa – kundeskjerm
customer-unknown-language = "{ $code }" er ikke et språk på kundeskjermen: da, sv, nb, fi eller en

## The cashier's side of the customer window
customer-could-not-open = Kundeskjermen kunne ikke åpnes: { $error }
