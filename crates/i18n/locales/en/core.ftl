# Kassa's core words: the engine's reasons (kassa_boot::words), the CLI's human output,
# receipts and reports. Keys are the engine's typed reasons; see ARCHITECTURE.md, "Languages".

## Payment statuses (the status line)

status-initiated = Waiting for the customer to scan
status-awaiting-authorization = Approving in the bank…
status-authorized = Approved, waiting for the money
status-executed = Paid
status-rejected = Declined in the bank
status-failed = The bank could not complete the payment
status-expired = The code expired
status-other = The bank reports "{ $status }"
# An unpaid end with the bank's own reason: "Declined in the bank: insufficient funds".
status-with-reason = { $status }: { $reason }
status-left-the-bank = The customer did not approve in their bank in time

## Why a sale ended

end-paid-by-bank = Paid by bank transfer
end-cancelled-by-cashier = Cancelled by the cashier
end-nobody-approved = Not paid: nobody approved the payment within { $span }
end-ended-elsewhere = The journal shows this sale was already ended
end-not-paid = Not paid

## A code leaves the screen

withdrawn-in-bank = Approving in the bank…
withdrawn-expiring = Getting a new code…

## Payments that need the merchant

flag-paid-twice = Paid twice: refund the second payment
flag-after-paid = A payment came in after the sale was paid: refund it or charge it to the sale
flag-after-not-paid = A payment came in after the sale was not paid: refund it or charge it to the sale
flag-after-cancelled = A payment came in after the sale was cancelled: refund it or charge it to the sale
flag-amount-mismatch = The bank reports { $amount } for this payment, not the sale's amount: it does not pay the sale
flag-lost = The payment service no longer knows this payment: check it with Aiia

## A failed call to the payment service: what happened, then what it means

problem-lost-reply-create = The connection dropped before the payment service answered
problem-lost-reply-status = The connection to the payment service dropped
problem-no-connection = No connection to the payment service
problem-timeout = The payment service did not answer in time
problem-busy = The payment service is busy and asked Kassa to wait
problem-service-error = The payment service has a problem on its side
problem-unreadable = The payment service sent a reply Kassa cannot read
problem-sign-in = Kassa could not sign in to the payment service
problem-credentials-refused-create = The payment service refused Kassa's credentials. Check the Client ID and Secret.
problem-credentials-refused-status = The payment service refused Kassa's credentials; the code still works. Check the Client ID and Secret.
problem-refused-create = The payment service refused the payment: { $message }
problem-refused-status = The payment service refused the status check: { $message }
problem-not-found = The payment service does not know this payment (yet); Kassa keeps checking.
problem-settings = Kassa's settings need fixing: { $message }
problem-journal = Kassa cannot write its journal: { $message }. The sale waits for it.
# "{ $what }" is one of the problem-* sentences above, without its full stop.
problem-still-works = { $what }; the code still works.
problem-new-code = { $what }. A new code is on its way.
problem-plain = { $what }.

## Waits

span-seconds = { $n } s
span-minutes = { $n } min

## The CLI's sale

cli-sale-started = Sale { $sale }: { $amount }
cli-scan-to-pay = Code { $attempt } — scan to pay:
cli-sale-ended = { $text }: { $amount }
cli-needs-attention = NEEDS ATTENTION: { $note }
cli-cancelling = cancelling sale { $sale }…
cli-not-paid = not paid: { $message }
cli-not-paid-cancelled = not paid: the sale was cancelled
cli-engine-stopped = the engine stopped
cli-paid-cash = Paid in cash: { $given } given, change { $change } (receipt { $receipt })
cli-paid-card-ref = Paid by card, terminal reference { $reference } (receipt { $receipt })
cli-paid-card = Paid by card (receipt { $receipt })
cli-no-receipt = no receipt shown: { $error }
cli-codes-still-open = { $count ->
    [one] 1 code of sale { $sale } is still open at the bank; `kassa resume` follows it (`kassa status` lists it).
   *[other] { $count } codes of sale { $sale } are still open at the bank; `kassa resume` follows them (`kassa status` lists them).
}
cli-following-earlier-codes = { $count ->
    [one] 1 earlier code of this sale is still open at the bank (at most { $seconds } s more); following it. Ctrl-C stops: `kassa resume` follows it later.
   *[other] { $count } earlier codes of this sale are still open at the bank (at most { $seconds } s more); following them. Ctrl-C stops: `kassa resume` follows them later.
}

## The CLI's day (kassa today)

cli-day-training = { $training }: sandbox sales, no real money
cli-day-paid = { $count ->
    [one] 1 paid sale today, { $total } in all
   *[other] { $count } paid sales today, { $total } in all
}
cli-day-more = … and { $count } earlier sales (all of them: kassa export)

## Labels

training = Training

## Receipts and reports (kassa_shop::Words): printed, so short

receipt-receipt = Receipt
receipt-till = Till
receipt-return-title = RETURN
receipt-return-of = Return of receipt
receipt-reason = Reason
receipt-training = TRAINING — NOT A RECEIPT
receipt-copy = COPY
receipt-rate = VAT
receipt-net = Net
receipt-vat = VAT
receipt-gross = Gross
receipt-total = TOTAL
receipt-pay-by-bank = Paid by bank
receipt-refund-by-bank = Refund by bank transfer
receipt-payment-id = Payment ID
receipt-bank-reference = Bank reference
receipt-cash = Cash
receipt-change = Change
receipt-cash-refund = Cash paid back
receipt-card = Card
receipt-card-refund = Refund to card
receipt-terminal-reference = Terminal ref.
receipt-x-report = X REPORT
receipt-z-report = Z REPORT
receipt-x-note = Running figures; nothing is closed
receipt-from = From
receipt-to = To
receipt-since-start = the till's start
receipt-receipts = Receipts
receipt-sales = Sales
receipt-returns = Returns
receipt-net-sales = Net sales
receipt-by-tender = By tender
receipt-vat-by-rate = VAT by rate
receipt-no-vat-recorded = No VAT recorded
receipt-cancelled = Cancelled sales
receipt-copies = Copy receipts
receipt-training-sales = Training sales
receipt-training-note = Kept apart: in none of the figures above
receipt-training-banner = TRAINING — NOT FOR THE BOOKS
receipt-transfers-opened = Bank transfers opened
receipt-transfers-sent = Bank transfers sent
receipt-grand-totals = Grand totals since the till started

## The sale's status line: what the customer does with the code they are on
progress-making-code = Getting a new code…
progress-not-paid = Not paid
progress-after-left = { $left }. { $now }

## The payment reference, checked as it is typed
reference-auto = Bank statement: an automatic reference (K and 12 letters and digits)
reference-statement = Bank statement: { $reference }
reference-space = space
reference-takes-letters-digits = letters A–Z and digits
reference-takes-and = letters A–Z, digits and { $others }
reference-bad-characters = The bank does not take { $bad } in a reference: use { $takes }, at most { $max }
reference-too-long = { $len } characters: the bank takes at most { $max } in a reference
