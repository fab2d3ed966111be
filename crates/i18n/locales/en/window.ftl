# window.ftl (English): the cashier's window: the shell, the keypad, the sale, the QR and the result.

## The top bar
top-sandbox = Sandbox
top-who-aria = Logged in; switch employee or log out
top-today = Today
top-day = Day
top-transfers = Transfers
top-settings = Settings

## The keypad
keypad-aria = New sale
keypad-amount = Amount
keypad-add-at = Add the amount at
keypad-quick-items = Quick items
keypad-reference = Reference
optional = (optional)
keypad-reference-placeholder = e.g. invoice number
keypad-pad-aria = Amount keypad
keypad-backspace-aria = Backspace
keypad-clear-aria = Clear

## The sale's lines
cart-aria = This sale
cart-heading = Sale
cart-clear = Clear sale
cart-total = Total
cart-amount-first = Type the amount first, then press its VAT key.
cart-remove-aria = Remove { $line }
cart-vat = VAT { $percent }
cart-empty = Type an amount, then a VAT key or a tender.

## Tenders and their dialogs
tender-bank = Pay by bank
tender-cash = Cash
tender-card = Card
dialog-to-pay = To pay
dialog-back = Back
cash-title = Cash
cash-given = Amount given
cash-given-placeholder = e.g. 200
cash-confirm = Confirm cash
card-title = Card on the terminal
card-hint = Take the payment on the card terminal; confirm here once the terminal says approved.
card-reference = Terminal reference
card-reference-placeholder = e.g. the number on the terminal slip
card-confirm = Card approved

## The QR screen
qr-aria = Waiting for payment
qr-amount-due = Amount due
qr-scan = Scan with your phone camera to pay by bank
qr-cancel = Cancel
qr-sandbox-link = Sandbox link
qr-bank-statement = Bank statement: { $reference }
qr-getting-new-code = Getting a new code…
qr-getting-code = Getting a code…
qr-new-code-in = New code in { $s } s
qr-trying-again-in = { $message } Trying again in { $s } s.
cancel-confirm-title = Cancel this sale?
cancel-confirm-hint = The customer is approving in their bank. A payment they approve after the cancel is flagged for a refund.
cancel-confirm-no = Keep waiting
cancel-confirm-yes = Cancel sale
training-phones = Training: no real money moves. Any phone on this network can scan the code and approve in the Sandbox Bank ({ $url }).
training-no-phones = Training: no real money moves. Phones cannot reach the Sandbox Bank: { $problem }. Open the sandbox link on this computer.
training-this-computer = Training: no real money moves. The Sandbox Bank opens on this computer only; Settings → Training bank lets phones scan the code.

## The result
result-paid = Paid
result-declined = Declined
result-cancelled = Cancelled
result-change = Change
result-try-again = Try again
result-new-sale = New sale
result-next-sale-in = Next sale in { $s } s
result-receipt-aria = Receipt
result-print = Print
result-printer = Printer
result-pdf = Save PDF
result-printed-copy = Printed as copy { $copy }.

## A payment that needs the shop, the customer display pane, errors
attention-refund = Needs attention: refund { $amount } (payment { $payment })
attention-open-transfer = Open transfer
attention-later = Later
pane-aria = Customer display
pane-heading = Customer display
pane-detach = Detach
ipc-fallback = Something went wrong. Please try again.
ipc-no-back-end = Kassa's back end is not available.

## The VAT keys
keypad-vat-default = default

## Starting and switching settings
app-starting = Kassa is still starting; try again in a moment.
app-switching = Kassa is switching to the new settings; try again in a moment.
app-busy = Kassa is still busy with the current settings; try saving again in a moment.
app-settings-unreadable = Kassa could not read its settings: { $error }
app-could-not-start = Kassa could not start: { $error }
result-no-folder = No folder for receipts: { $error }
sale-still-open = Sale { $sale } is still open: finish or cancel it first
