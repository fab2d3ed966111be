# customer.ftl (Finnish): the customer's display (its own window or the pane on the cashier's screen).

## The idle screen and the sale
customer-welcome = Tervetuloa
customer-your-purchase = Ostoksesi
customer-total = Yhteensä
customer-change = Vaihtoraha
customer-receipt = Kuitti

## The code and the bank
customer-getting-code = Haetaan maksukoodia…
customer-new-code = Haetaan uutta koodia…
customer-scan = Skannaa koodi puhelimellasi ja maksa pankissasi
customer-approving = Hyväksytään pankissasi…
customer-approved = Hyväksytty – maksu on matkalla

## The result
customer-paid = Maksettu – kiitos!
customer-declined = Maksu hylättiin
customer-cancelled = Maksu peruttiin
customer-not-paid = Maksu ei mennyt läpi
customer-ask-cashier = Kysy kassalta

## Around the screen
customer-training = Harjoitus – oikeaa rahaa ei makseta
customer-language = Kieli
customer-window-title = Kassa – asiakasnäyttö
customer-unknown-language = "{ $code }" ei ole asiakasnäytön kieli: da, sv, nb, fi tai en

## The cashier's side of the customer window
customer-could-not-open = Asiakasnäyttöä ei voitu avata: { $error }
