# Sandbox bank page (en).

## The payment page a phone opens, and where it lands after
bank-pay = Pay
bank-to = to
bank-reference = Reference
bank-approve = Approve
bank-reject = Reject
bank-approved = Payment approved
bank-approved-detail = The money is on its way. You can return to the counter.
bank-rejected = Payment rejected
bank-no-money = No money was sent.
bank-failed = Payment failed
bank-failed-detail = The bank could not send the money. Ask the cashier to try again.
bank-expired = This payment link has expired — ask the cashier for a new code
bank-not-found = Payment not found
bank-not-found-detail = This link does not belong to a payment. Ask the cashier for a new code.
bank-done = Payment done
bank-close = You can close this page.
bank-not-finished = Payment not finished
bank-not-finished-detail = Go back to your bank to approve or reject it.
bank-not-made = Payment not made
bank-not-made-detail = No money was sent. You can close this page.
bank-footer = A test bank for Kassa. No real money moves.

## The Connect flow's page, in the merchant's browser
bank-connect-heading = Connect a bank account
bank-connect-intro = Choose the accounts Kassa may pay into; Kassa then asks which one receives your customers' payments. Kassa asks for { $scope }.
bank-connect-button = Connect account
bank-connect-cancel = Cancel
bank-connect-problem = Cannot connect an account
bank-connect-unknown-client = The client_id is missing or not known to this service.
bank-connect-bad-redirect = The redirect_uri is missing or not registered for this app.
bank-connect-spent = This connection request has expired or was already used. Start again from Kassa.
bank-connect-choose = Choose one or more of the accounts shown.
