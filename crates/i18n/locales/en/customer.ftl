# customer.ftl (English): the customer's display (its own window or the pane on the cashier's screen).

## The idle screen and the sale
customer-welcome = Welcome
customer-your-purchase = Your purchase
customer-total = Total
customer-change = Change
customer-receipt = Receipt

## The code and the bank
customer-getting-code = Getting your payment code…
customer-new-code = Getting a new code…
customer-scan = Scan the code with your phone to pay in your bank
customer-approving = Approving in your bank…
customer-approved = Approved – the payment is on its way

## The result
customer-paid = Paid – thank you!
customer-declined = The payment was declined
customer-cancelled = The payment was cancelled
customer-not-paid = The payment did not go through
customer-ask-cashier = Please ask at the till

## Around the screen
customer-training = Training – no real money is paid
customer-language = Language
customer-window-title = Kassa – customer display
customer-unknown-language = "{ $code }" is not a language of the customer's screen: da, sv, nb, fi or en

## The cashier's side of the customer window
customer-could-not-open = The customer display could not open: { $error }
