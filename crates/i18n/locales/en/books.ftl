# books.ftl (English): the window's books: Today, the day (X/Z), sale details, returns, refunds, notes that need attention.

## Shared by the books screens

books-back = Back
books-print = Print
books-printer = Printer
books-save-pdf = Save PDF
books-to = To
books-amount = Amount
books-reference = Reference
books-left-to-return = Left to return
# A time on another day than today: "3 Dec 14:05".
books-day-and-time = { $day } { $time }
books-state-needs-attention = Needs attention
books-state-open = Open
books-state-paid = Paid
books-state-failed = Declined
books-state-cancelled = Cancelled
books-tender-pay-by-bank = Pay by bank
books-tender-cash = Cash
books-tender-card = Card

## Today

today-aria = Today's sales
today-title = Today
today-find-placeholder = Receipt number or payment id
today-find-aria = Find a sale by receipt number or payment id
today-find = Find
today-paid-today = Paid today
today-paid-today-training = Training: paid today
today-paid-count-one = 1 paid sale
today-paid-count-other = { $n } paid sales
today-earlier-one = { $n } earlier sale today are in the totals above (all of them: kassa export).
today-earlier-other = { $n } earlier sales today are in the totals above (all of them: kassa export).
today-ref-auto = Automatic: { $reference }
today-no-ref = No reference
today-payment = Payment { $payment }
today-empty = No sales yet today.

## A sale's detail

detail-aria = Sale
detail-sale = Sale
detail-receipt-title = Receipt { $number }
detail-total = Total
detail-lines = Lines
detail-attempts = Payment attempts
detail-returns = Returns
detail-receipt-aria = Receipt
detail-reprint = Reprint
detail-return = Return…
detail-returned = Returned { $amount }
detail-paid-by = Paid by
detail-payment-id = Payment id
detail-receipt = Receipt
detail-receipt-number = No. { $number }
detail-receipt-printed = No. { $number } · { $printed }
detail-printed-one = printed once
detail-printed-other = printed { $n } times
detail-no-receipt-fact = None (not paid)
detail-sale-id = Sale id
detail-no-lines = No lines recorded (a plain amount).
detail-no-attempts = None: paid at the counter.
detail-no-returns = No returns.
detail-no-receipt = This sale has no receipt: it was not paid.
detail-no-payment-id = (no payment id yet)
detail-return-receipt = Return receipt { $number }
detail-return-when = { $when } · { $reason }
detail-printed = Printed.
detail-printed-copy = Printed as copy { $copy }.
detail-line-quantity = { $quantity } × { $text }
# A line without a text of its own.
detail-line-sale = Sale
detail-no-vat = no VAT recorded
detail-attempt-asked = Asked for
detail-attempt-waiting = Waiting
detail-attempt-authorised = Authorised
detail-attempt-declined = Declined
detail-attempt-unknown = Unknown
detail-attempt-paid = Paid
detail-attempt-expired = Expired
detail-attempt-cancelled = Cancelled
detail-attempt-not-paid = Not paid
detail-refund-bank = Back by bank transfer
detail-refund-cash = Cash given back
detail-refund-card = Back to the card
detail-printer-at = Printer at { $address }
detail-no-printer = No receipt printer is set up (Settings → Shop).

## The Return dialog

return-title = Return
return-title-receipt = Return from receipt { $number }
return-how-much = How much
return-all = All of it
return-part = Part of it
return-amount = Amount to return
return-amount-placeholder = e.g. 40
return-reason = Reason
return-reason-hint = (required; kept in the journal)
return-reason-placeholder = e.g. damaged, wrong size
return-make = Make the return
return-confirm = Return { $amount }
return-goes-back = Goes back
return-give-back = Give back
return-receipt-aria = Return receipt
return-receipt-title = Return receipt { $number }
return-done = Done
return-how-cash = Give { $amount } back in cash at the counter.
return-how-card = Refund { $amount } to the customer's card on the card terminal.
return-how-bank = Paid by bank: transfer { $amount } back from the shop's bank account to the payer, with the payment id as the reference.
return-to-payer = The payer of this payment (the bank gave no name or account: find it by the payment id in your bank)

## Bank transfers

refunds-aria = Bank transfers
refunds-title = Bank transfers
refunds-still-to-send = Still to send
refunds-intro = Money paid by bank goes back by a transfer from the shop's bank account: make each transfer in your bank, with the payment id as its reference, then mark it sent here.
refunds-count-one = 1 transfer
refunds-count-other = { $n } transfers
refunds-empty = No bank transfers to make. Returns of sales paid by bank, and double payments, show here.
refunds-since = Since { $when }
refunds-sent-at = Sent { $when }
refunds-sent-note = Sent { $when } · { $note }
refunds-sale = Sale
refunds-mark = Mark as sent
refunds-ask = Sent { $amount } to { $to }?
refunds-note-placeholder = How it was sent
refunds-note-aria = How the transfer was sent
refunds-yes = Yes, it is sent
refunds-no = No
refunds-kind-return = Return
refunds-kind-return-receipt = Return receipt { $number }
refunds-kind-double = Paid twice: the extra payment goes back
refunds-kind-training = { $kind } (training: no real money)
refunds-to-payer = The payer (no name or account from the bank: find them by the payment id)
refunds-state-open = Open
refunds-state-sent = Sent

## The Day: X and Z

day-aria = Day
day-title = Day
day-back-to-x = Back to X
day-net-period = Net this period
day-net-since-z = Net since the last Z
day-net-of-z = Net of this Z
day-by-tender = By tender
day-vat-per-rate = VAT per rate
day-since-start = Since the till started
day-earlier-z = Earlier Z reports
day-tax-office = For the tax office
day-from = From
day-to = To
day-export-saft = Export SAF-T
day-saft-hint = The SAF-T Cash Register file of these days (both included): every receipt, training receipts marked, the journal's events and the Z reports.
day-report-aria = Report
day-close = Close day (Z)
day-close-hint = Closes the figures since the last Z into a numbered Z report. It can never be changed afterwards.
day-z-title = Z report { $number }
day-kind-z = Closed · can never change
day-kind-x = Running figures (X)
day-period = From { $from } to { $to }
day-till-start = the till's start
day-sales = Sales
day-returns = Returns
day-receipts = Receipts
day-cancelled = Cancelled
day-not-paid = not paid
day-copies = Copies
day-reprints = reprints
day-transfers = Transfers
day-transfers-sub = { $amount } · { $sent } sent
day-training = Training
day-training-all = All
day-training-sandbox = a sandbox till
day-receipts-none = none yet
day-receipts-one = no. { $number }
day-receipts-range = no. { $first }–{ $last }
day-tender-count = { $tender } ({ $count })
day-rate = Rate
# Without VAT (the VAT table's column).
day-vat-net = Net
# Sales less returns.
day-net = Net
day-vat = VAT
day-gross = Gross
day-rate-saft = { $rate } (SAF-T { $code })
day-no-vat = No VAT recorded
day-no-sales = No sales in this period.
day-z-short = Z { $number }
day-z-receipts-one = { $when } · 1 receipt
day-z-receipts-other = { $when } · { $n } receipts
day-no-z = No Z report yet: the till's first day.
day-closed = Day closed: Z report { $number }. The next sale starts a new period.
day-sent-to-printer = Sent to the printer at { $address }.
day-saved-as = Saved as { $path }.

## Close the day?

z-title = Close the day?
z-question = Close the figures since the last Z (net { $net }) into the next Z report?
z-warning = A Z report can never be changed afterwards. The next sale starts a new period.
z-not-now = Not now

## The SAF-T export

saft-saved = Saved the SAF-T file as { $path }: { $summary }.
saft-summary = { $receipts ->
    [one] 1 receipt
   *[other] { $receipts } receipts
} ({ $training } training), { $events ->
    [one] 1 journal event
   *[other] { $events } journal events
} and { $zs ->
    [one] 1 Z report
   *[other] { $zs } Z reports
} from { $from } to { $to }
# After the summary, behind a semicolon.
saft-unsigned = { $unsigned ->
    [one] 1 receipt issued before Kassa signed receipts is marked UNSIGNED
   *[other] { $unsigned } receipts issued before Kassa signed receipts are marked UNSIGNED
}
saft-bad-day = { $day } is not a day of the calendar: choose a day.
saft-bad-period = The period ends before it starts: the last day must be on or after the first.
saft-no-profile = Set up the shop before exporting (Settings → Shop): the SAF-T file names the merchant's organisation number and legal name.
saft-cannot-write = Cannot write { $path }: { $why }
saft-no-folder = No folder for exports: { $why }

## Why a books step did not go through

books-error-not-found = No sale, receipt number or payment id matches "{ $query }".
books-error-not-paid = This sale is not paid: there is nothing to return.
books-error-no-reason = Give the reason for the return.
books-error-no-note = Say how the transfer was sent (a note for the books).
books-error-no-vat-lines = This sale was written as a plain amount without VAT lines: return it by hand and note it.
books-error-nothing-left = Nothing of this sale is left to return: it has been returned in full
books-error-more-than-left = Only { $left } of this sale is left to return
books-error-more-than-left-at-rate = Only { $left } at { $rate } VAT of this sale is left to return
books-error-not-positive = Enter the amount to return: it must be more than zero
books-error-report = The report's figures do not add up ({ $why }); nothing was shown.
books-error-no-z = No Z report { $number } in this till.
books-error-no-printer = No receipt printer is set up: add its address in Settings → Shop, or use Print or Save PDF.
books-error-no-profile = Set up the shop (Settings → Shop) before printing live reports.
books-error-vat = The shop's VAT table cannot be read: { $why }
books-error-pdf = { $why } The report is kept; save it again from the Day screen.
books-error-no-folder = The folder { $path } cannot be made ({ $why }).
books-error-no-report-folder = No folder for reports: { $why }

## Whole shop: every till's day from the shop's hub (issue 14)

day-whole-shop = Whole shop
shopday-aria = The whole shop's day
shopday-title = Whole shop
shopday-mode = Report
shopday-x = Day so far (X)
shopday-z = Closed (Z)
shopday-date = Day
shopday-net = Shop's net
shopday-training = Training figures
shopday-till = Till
shopday-open-bank-returns = Bank returns open
shopday-double-payments = Paid twice
shopday-last-z = Last Z
shopday-z-of-day = Z of the day
shopday-none = none
shopday-total = Whole shop
shopday-this-till = this till
shopday-receipts-one = 1 receipt
shopday-receipts-other = { $n } receipts
shopday-tills-one = 1 till
shopday-tills-other = { $n } tills
shopday-no-tills = No till has sent its books to the hub yet.
shopday-no-hub-title = No hub is set up
shopday-no-hub = This till keeps its books on its own. To see every till of the shop here, a manager connects each till to the shop's hub (a PostgreSQL server) in Settings → Shop's hub.
shopday-open-settings = Open Settings
shopday-hint = X: the day so far, as far as each till has sent its books. Z: the periods the tills closed on this day. Bank returns open are still to be paid back by bank transfer, whatever their day.
shopday-records = { $n ->
    [one] 1 record at the hub
   *[other] { $n } records at the hub
}
shopday-unnamed = Till { $id }
