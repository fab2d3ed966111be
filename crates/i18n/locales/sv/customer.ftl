# customer.ftl (Swedish): the customer's display (its own window or the pane on the cashier's screen).

## The idle screen and the sale
customer-welcome = Välkommen
customer-your-purchase = Ditt köp
customer-total = Totalt
customer-change = Växel
customer-receipt = Kvitto

## The code and the bank
customer-getting-code = Hämtar din betalkod…
customer-new-code = Hämtar en ny kod…
customer-scan = Skanna koden med din telefon för att betala i din bank
customer-approving = Godkänner i din bank…
customer-approved = Godkänd – betalningen är på väg

## The result
customer-paid = Betalt – tack!
customer-declined = Betalningen nekades
customer-cancelled = Betalningen avbröts
customer-not-paid = Betalningen gick inte igenom
customer-ask-cashier = Fråga gärna i kassan

## Around the screen
customer-training = Övning – inga riktiga pengar betalas
customer-language = Språk
customer-window-title = Kassa – kundskärm
customer-unknown-language = "{ $code }" är inte ett språk på kundskärmen: da, sv, nb, fi eller en

## The cashier's side of the customer window
customer-could-not-open = Kundskärmen kunde inte öppnas: { $error }
