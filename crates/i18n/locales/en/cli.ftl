# cli.ftl (English): the CLI's own human output (setup, doctor, status, refunds, return, staff, keys, export) and the errors it prints.

## kassa status
cli-status-training = Training (sandbox): no real money.
cli-status-no-open-sale = No open sale.
cli-status-open = OPEN  { $sale }  { $amount }  { $attempts } attempt(s)  (finish it with `kassa resume`, or `kassa cancel { $sale }`)
cli-status-unsettled = UNSETTLED  { $sale }  (a payment came in just before Kassa stopped: run `kassa resume`)
cli-status-followed = FOLLOWED  payment { $payment } of { $amount } (sale { $sale }, code { $code }): { $status } at the bank
cli-status-no-status-yet = no status yet
cli-status-followed-open-sale = { $count ->
    [one] { $count } code of open sale { $sale } is still open at the bank; `kassa resume` follows it.
   *[other] { $count } codes of open sale { $sale } are still open at the bank; `kassa resume` follows them.
}
cli-status-followed-sale = { $count ->
    [one] { $count } earlier code of sale { $sale } is still open at the bank; `kassa resume` follows it.
   *[other] { $count } earlier codes of sale { $sale } are still open at the bank; `kassa resume` follows them.
}
cli-status-all-clear = Nothing needs attention.
cli-status-nothing-to-refund = No payment to refund so far; the codes above can still be paid.
cli-status-attention = NEEDS ATTENTION: refund payment { $payment } of { $amount } (sale { $sale }): { $note }
cli-status-elsewhere = Not counted here: { $open } open, { $unsettled } unsettled and { $attention } needing attention on the { $backend } backend (a counter on it reports them).
cli-status-elsewhere-training = Not counted here: { $open } open, { $unsettled } unsettled and { $attention } needing attention on the { $backend } backend (training) (a counter on it reports them).

## kassa refunded, backup, resume
cli-refunded-default-note = refunded by hand
cli-refunded-done = Payment { $payment } of sale { $sale } marked: { $note }.
cli-refunded-no-note = payment { $payment } has no open needs-attention note (see `kassa status`)
cli-backup-done = Backed up { $db } to { $file }
cli-resume-none = No open sale.
cli-resume-some = Resuming { $count } open sale(s): { $sales }
cli-attention-exit = { $count } payment(s) need attention: see `kassa status`
cli-earlier-codes-open = { $count } earlier code(s) of sale { $sale } are still open at the bank; `kassa resume` follows them
cli-sale-in-progress = sale { $sale } is still open; follow it in the app or run `kassa cancel { $sale }`

## kassa export (jsonl, csv)
cli-export-failed = export failed: { $error }
cli-export-training-saft = --training is not for --format saf-t: the SAF-T file holds the training receipts beside the live ones, marked as training
cli-export-period-not-for-jsonl = --from and --to are for --format saf-t; the jsonl and csv exports hold every sale

## kassa export --format saf-t
cli-saft-no-out = say where to write the SAF-T file: --out FILE.xml
cli-saft-no-period = give the period to export: --from YYYY-MM-DD --to YYYY-MM-DD (both days included)
cli-saft-no-shop = set up the shop before exporting (Settings → Shop, or `kassa setup --legal-name … --org-number …`): the SAF-T file names the merchant's organisation number and legal name
cli-saft-in-use = the journal is in use by { $owner }: export from the app (Day → Export SAF-T), or close it and run this again. Every export is journaled, so this command needs the journal.
cli-saft-wrote = Wrote the SAF-T Cash Register file { $file } ({ $bytes } bytes): { $summary }.
cli-saft-file-name = The tax office's name for it: { $name }
cli-saft-journaled = The export is in the electronic journal (event 13020).
cli-saft-not-journaled = the file is written, but the export could not be journaled: { $error }

## kassa keys, kassa verify
cli-keys-exported = The public half of receipt key version { $version } is in { $file } (give it to the tax office).
cli-keys-made = Receipt key version { $version } made: receipts are signed with it from now on. Give the tax office its public half: kassa keys export-public --out key-v{ $version }.pem
cli-verify-live = Live receipts
cli-verify-training = Training receipts
cli-verify-before = { $count } from before receipts were signed, not checked
cli-verify-ok = { $series }: { $verified } verified.
cli-verify-ok-before = { $series }: { $verified } verified ({ $before }).
cli-verify-broken = { $series }: BROKEN at receipt { $receipt }: { $why } ({ $verified } verified before it).
cli-verify-broken-before = { $series }: BROKEN at receipt { $receipt }: { $why } ({ $verified } verified before it ({ $before })).
cli-verify-chain-broken = the receipt chain is broken: { $broken }. Keep this journal as it is (nothing was repaired) and tell whoever keeps your books.
# Why a receipt does not verify ($why of cli-verify-broken; $broken of cli-verify-chain-broken)
cli-verify-receipt-broken = receipt { $receipt } does not verify: { $why }
cli-verify-first-missing = it is missing: the first receipt is { $first }
cli-verify-gap = it is missing: receipt { $next } follows receipt { $before }
cli-verify-unsigned = it has no signature
cli-verify-named-no-receipts = it is missing: there are no receipts, but receipt { $named } is named by { $by }
cli-verify-named-after-last = it is missing: the last receipt is { $last }, but receipt { $named } is named by { $by }
cli-verify-by-running-totals = the running totals
cli-verify-by-z-report = a Z report
cli-verify-by-journal-event = the electronic journal
cli-verify-by-print = a print of it
cli-verify-by-seal = its seal
cli-verify-no-public-key = no public key of version { $version }
cli-sig-bad-date = the receipt date { $value } is not a date like 2026-03-02
cli-sig-bad-time = the receipt time { $value } is not a time like 14:05:09
cli-sig-bad-nr = the receipt number { $value } is empty, longer than 35 characters or holds a ';'
cli-sig-bad-previous = the previous signature holds a ';' or a line break: it is not a signature
cli-sig-bad-key = the signing key cannot be read: { $error }
cli-sig-wrong-key-size = the signing key is { $bits } bits; the tax office's check takes 1024-bit keys with exponent 65537
cli-sig-not-a-signature = the signature is not base64 or not an RSA signature
cli-sig-mismatch = the signature does not match the receipt
cli-sig-generate = the key could not be made: { $error }

## kassa return, refunds, bookkeeping, receipt
cli-books-no-journal = there is no sale journal at { $path }
cli-return-bad-amount = bad amount to return: { $error }
cli-return-in-cash = in cash
cli-return-to-card = to the card (refund it on the terminal)
cli-return-by-bank = by bank transfer
cli-return-done = Return receipt #{ $number } of sale { $sale }: { $back } back { $how }. Left to return: { $left }.
cli-return-done-of = Return receipt #{ $number } of sale { $sale } (receipt #{ $of }): { $back } back { $how }. Left to return: { $left }.
cli-return-transfer = { $transfer } Mark it sent with `kassa refunds --sent { $id } --note TEXT`.
cli-refunds-no-transfer = there is no bank transfer { $id } (see `kassa refunds`)
cli-refunds-none = No bank transfer to make.
cli-books-bad-day = { $day } is not a day of the calendar: write it as YYYY-MM-DD
cli-books-wrote = Wrote { $rows } VAT row(s) of receipts from { $from } to { $to } to { $file }
cli-books-wrote-training = Wrote { $rows } VAT row(s) of training receipts from { $from } to { $to } to { $file }
cli-cannot-write = cannot write { $file }: { $error }
cli-receipt-no-printer = no receipt printer is set up: add it with `kassa setup --printer HOST[:PORT]`, or save a PDF with --pdf FILE
cli-receipt-printed-copy = Printed as COPY { $n }.
cli-receipt-printed = Printed (the original).

## kassa staff, and who a command acts as
cli-staff-pin = PIN
cli-staff-no-pin = no PIN
cli-staff-on = on
cli-staff-off = off
cli-staff-pin-prompt = PIN for { $name }:{" "}
cli-staff-pin-missing = Type the PIN for { $name } (or set KASSA_PIN).
cli-staff-new-pin-prompt = New PIN for { $name } (4 to 8 digits):{" "}
cli-staff-new-pin-missing = Type the new PIN for { $name } (or set KASSA_NEW_PIN).
cli-staff-cashier-refused = { $error } { $name } is a cashier: give a manager's number with --employee.
cli-staff-added = Added { $name } ({ $id }), a { $role }.
cli-staff-pin-set = New PIN set for { $name }.
cli-staff-role-set = Employee { $id } is a { $role } now.
cli-staff-turned-off = Employee { $id } is turned off.
cli-staff-turned-on = Employee { $id } is turned on again.

## kassa setup
cli-setup-nothing = nothing to set up: give --client-id and --destination-id (Aiia), or the shop's settings (--legal-name, --org-number, --vat, --quick, --printer, … see --help)
cli-setup-secret-prompt = Client Secret (read from standard input, stored in the OS keyring):
cli-setup-secret-unreadable = cannot read the Client Secret: { $error }
cli-setup-saved = Saved { $path } (the secret is in the OS keyring). Run `kassa doctor` to check it.
cli-setup-shop-saved = Saved the shop in { $path }: { $profile }; VAT { $vat } (default { $default }); { $quick } quick item(s); printer { $printer }; logo { $logo }; { $width } characters a line.
cli-setup-bad-vat = bad --vat "{ $vat }": write it as NAME=PERCENT or NAME=PERCENT@SAFT_CODE, e.g. "Food=15@31"
cli-setup-no-vat-rate = there is no VAT rate named "{ $name }"
cli-setup-bad-quick = bad --quick "{ $quick }": write it as NAME=PRICE@RATE, e.g. "Coffee=35@Standard"
cli-setup-no-quick-item = there is no quick item named "{ $name }"
cli-setup-no-profile = no merchant profile yet
cli-setup-none = none

## kassa connect
cli-connect-try-again = Press Enter to try again (a new address follows), or Ctrl-C to stop.
cli-connect-none = no account was connected
cli-connect-nothing-saved = nothing was saved
cli-connect-done = Connected: { $account }. Destination { $id } saved.
cli-connect-browser-shows = Your browser shows the bank's page: choose the account that receives payments.
cli-connect-if-not-opened = If it did not open, open this address:
cli-connect-open-address = Open this address in a browser and choose the account that receives payments:
cli-connect-accounts = Connected accounts:
cli-connect-which = Which account receives the payments? [1-{ $count }]{" "}
cli-connect-type-number = Type a number from 1 to { $count }.
cli-connect-confirm = Save { $account } ({ $id }) as the account that receives payments? [y/N]{" "}

## kassa doctor
cli-doctor-ok = ok
cli-doctor-fail = FAIL
cli-doctor-settings = settings
cli-doctor-connection = connection
cli-doctor-credentials = credentials
cli-doctor-destination = destination
cli-doctor-clock = clock
cli-doctor-needs-attention = the connection to the payment service needs attention (see above)

## kassa sandbox
cli-sandbox-bad-shape = bad { $source }: "{ $value }" (use object or flat)
cli-sandbox-bad-faults = bad { $source }: { $error }
cli-sandbox-lan = kassa sandbox --lan: { $error }
cli-sandbox-cannot-run = cannot run the sandbox on { $host }:{ $port }: { $error }
cli-sandbox-phones = TRAINING bank for phones on this network: { $url } (scan a code with any phone on it; no real money moves). The test and admin endpoints answer only on 127.0.0.1.
cli-sandbox-ready = Aiia Pay sandbox ready at { $url } (sandbox credentials; press Ctrl-C to stop)
    token address: { $token }
    Client ID: { $client }
    Client Secret: { $secret }
    destinations: { $destinations }
    webhooks to: { $webhook }
cli-cannot-start = cannot start: { $error }

## kassa charge: its input
cli-bad-cash = bad --cash: { $error }
cli-bad-amount = bad amount: { $error }
cli-line-bad = bad --line "{ $line }": write it as TEXT=AMOUNT or TEXT=AMOUNT@RATE, e.g. "Bread=39,90@Food"
cli-line-no-amount = bad --line "{ $line }": the line has no amount: enter its price after =
cli-line-bad-amount = bad --line "{ $line }": { $error }
cli-amount-and-lines = give either --amount or --line (each line has its own amount), not both
cli-amount-or-lines = give the amount (--amount 12.50) or the lines (--line TEXT=AMOUNT)

## Amounts refused (kassa_money::MoneyError)
cli-money-empty = enter an amount
cli-money-not-a-number = "{ $text }" is not an amount: use digits and one decimal separator, e.g. 12.50
cli-money-too-many-decimals = { $currency } has { $allowed } decimals; "{ $text }" has more
cli-money-not-positive = the amount must be more than zero
cli-money-too-large = the amount is over the limit of { $limit } for one sale
cli-money-unknown-currency = "{ $text }" is not a supported currency (DKK, SEK, NOK or EUR)

## Errors of the journal and the books (kassa_journal::JournalError, kassa_boot::books::BooksError)
cli-err-disk-full = the disk is full: the sale journal cannot be written. Free some space; nothing written so far is lost
cli-err-read-only = the sale journal is read-only: check the permissions of the Kassa data folder
cli-err-corrupt = the sale journal is damaged ({ $why }); keep the file and restore a backup
cli-err-schema-too-new = the sale journal was written by a newer Kassa (schema { $found }, this one knows { $supported }); update Kassa
cli-err-schema-too-old = the sale journal is from an older Kassa (schema { $found }, this one writes { $supported }) and is upgraded at the next start of the counter: open the app or run `kassa resume` once, then try again
cli-err-not-found = { $what } is not in the journal
cli-err-in-use = the journal { $journal } is in use by { $owner }: close it first, or use `kassa status` to look without selling
cli-err-own-file = { $dest } is part of the sale journal { $journal }: writing there would destroy it; choose another file
cli-err-backup = cannot back up to { $file }: { $error }
cli-err-return-nothing-left = nothing of this sale is left to return: it has been returned in full
cli-err-return-more-than-left = only { $left } of this sale is left to return
cli-err-return-not-positive = enter the amount to return: it must be more than zero
cli-err-no-such-sale = no sale, receipt number or payment id matches "{ $key }"
cli-err-not-paid = sale { $sale } is not paid: there is nothing to return
cli-err-no-reason = give the reason for the return
cli-err-no-vat-lines = sale { $sale } was written as a plain amount without VAT lines (by an older Kassa): return it by hand and note it
cli-err-no-note = say how the transfer was made (a note for the books)
cli-err-bad-period = the period ends before it starts: --to must be on or after --from
cli-err-no-receipt = sale { $sale } has no receipt: it was paid before receipts were written

## Who acts, and staff changes refused (kassa_boot::session::SessionError)
cli-staff-role-cashier = cashier
cli-staff-role-manager = manager
cli-err-pin-empty = Type a PIN.
cli-err-pin-not-digits = A PIN is digits only (0 to 9).
cli-err-pin-length = A PIN is 4 to 8 digits; this one has { $count }.
cli-err-name-empty = Type the employee's name.
cli-err-id-empty = Give the employee a number or short code.
cli-err-id-characters = An employee number is letters, digits, '-', '_' and '.' only.
cli-err-unknown-employee = No employee number { $id } at this till.
cli-err-inactive = { $name } is turned off at this till; a manager can turn them on again.
cli-err-wrong-pin = Wrong PIN.
cli-err-pin-needed = Type the PIN for { $name }.
cli-err-no-pin = { $name } has no PIN yet; a manager must set one before { $name } can log in.
cli-err-not-logged-in = Nobody is logged in at this till: log in first.
cli-err-not-a-manager = { $name } is a cashier: only a manager can approve this.
cli-err-taken = Employee number { $id } is taken already.
cli-err-manager-pin-first = Set your own PIN first: once a till has two employees, everyone logs in with a PIN.
cli-err-new-needs-pin = A new employee needs a PIN of 4 to 8 digits.
cli-err-last-manager = { $name } is the till's last active manager: make someone else a manager first.
cli-err-needs-manager = This step needs a manager.
cli-err-key-missing = The receipt signing key (version { $version }) of this till is not in this computer's keyring, so no receipt can be issued. Restore the keyring from its backup, or make a new key with `kassa keys new` and give the tax office its public key (`kassa keys export-public --out key.pem`).
cli-err-key-not-this-till = The receipt signing key (version { $version }) in the keyring is not the one whose public half is in the journal, so no receipt can be issued with it. Restore the right keyring, or make a new key with `kassa keys new`.
cli-err-key-damaged = the receipt signing key (version { $version }) in the keyring is damaged: { $why }
cli-err-key-none-yet = the journal has no receipt key yet: it gets one with its first receipt
cli-err-key-no-such-version = the journal has no receipt key of version { $version }
cli-err-sale-not-open = sale { $sale } is not open
cli-err-sale-not-found = sale { $sale } does not exist
cli-err-no-lines = a sale needs at least one line
cli-err-nothing-to-pay = the sale's total must be more than zero
cli-err-over-limit = the sale's total { $total } is over the limit of { $limit } for one sale
cli-err-cash-short = the cash given ({ $given }) is less than the total ({ $total }): take at least the total
cli-err-bad-card-reference = the card terminal's reference has at most 40 characters and no tabs or line breaks
cli-err-field-api-url = The API address (KASSA_API_URL) must be a web address starting with https:// (http:// only for a local sandbox), or empty; "{ $value }" is not one
cli-err-field-client-id-spaces = The Client ID (KASSA_CLIENT_ID) cannot contain spaces
cli-err-field-client-id-missing = Enter the Client ID (KASSA_CLIENT_ID) that belongs to this Client Secret
cli-err-field-client-secret-missing = Enter the Client Secret: none is given (KASSA_CLIENT_SECRET) and none is stored in the keyring of this computer yet
cli-err-field-destination-spaces = The destination (KASSA_DESTINATION_ID) cannot contain spaces
cli-err-field-destination-missing = Enter the destination (KASSA_DESTINATION_ID), or press Connect bank account in Settings to choose it
cli-err-field-currency = The currency (KASSA_CURRENCY) must be DKK, SEK, NOK or EUR, not "{ $value }"
cli-err-field-redirect-missing = Enter the page your customers' phones open after paying (KASSA_REDIRECT_URL), e.g. your shop's website; it must start with https://
cli-err-field-redirect-not-https = The page after paying (KASSA_REDIRECT_URL) must start with https:// on a live counter, not "{ $value }"
cli-err-field-redirect-not-web = The page after paying (KASSA_REDIRECT_URL) must be a web address starting with https://, not "{ $value }"

## kassa doctor and Settings → Test connection: what each check found
cli-doctor-mode-sandbox = the built-in sandbox (no credentials set)
cli-doctor-mode-live = Aiia with the merchant's credentials
cli-doctor-settings-refused = Kassa would use { $mode }, but: { $errors }
cli-doctor-uses = Kassa uses { $mode }
cli-doctor-uses-at = Kassa uses { $mode } at { $url }
cli-doctor-ttl-ignored = (a link lives 60 s at Aiia; the lifetime set is ignored)
cli-doctor-token-issued = a token was issued
cli-doctor-credentials-accepted = the Client ID and Secret were accepted
cli-doctor-destination-takes = destination { $destination } takes { $currency } payments (test request { $payment } of { $amount }, never shown, expires unpaid)
cli-doctor-destination-failed = destination { $destination }: { $error }
cli-doctor-clock-within = this computer's clock is within { $secs } s of the service's
cli-doctor-clock-behind = this computer's clock is { $secs } s behind the service's: set the time automatically
cli-doctor-clock-ahead = this computer's clock is { $secs } s ahead of the service's: set the time automatically
cli-doctor-clock-unknown = the service did not say its time; not compared

## The payment service's failures
cli-aiia-config = bad setting: { $why }
cli-aiia-unreachable = cannot reach the payment service at { $url }
cli-aiia-broke = the connection to the payment service at { $url } broke before its reply came
cli-aiia-timeout = the payment service did not answer in time ({ $url })
cli-aiia-unauthorized = the payment service refused the credentials: { $message }
cli-aiia-rejected = the payment service refused the request ({ $code }): { $message }
cli-aiia-not-found = payment { $payment } is unknown to the payment service
cli-aiia-busy = the payment service is busy
cli-aiia-busy-retry = the payment service is busy; try again in { $secs } s
cli-aiia-server = the payment service has a problem (HTTP { $status }, { $code }): { $message }
cli-aiia-malformed = the payment service sent a reply Kassa cannot read: { $detail }
cli-aiia-token = cannot sign in to the payment service: { $error }

## Rarer refusals: lines, returns, the keyring, the settings file, starting the counter
cli-err-mixed-currency = the sale is in { $expected } but { $found } was given: one sale has one currency
cli-err-cart-empty = the cart is empty: enter an amount or choose an item
cli-err-cart-unknown-rate = line { $line }: there is no VAT rate named "{ $rate }" in the shop's VAT table (Settings → Shop)
cli-err-line-no-amount = line { $line } ("{ $text }") has no amount: enter its price
cli-err-line-negative = line { $line } ("{ $text }") has a negative amount; money back is a return on the sale it was paid in, not a line of a new sale
cli-err-line-no-quantity = line { $line } ("{ $text }") has a quantity of 0: remove the line or enter how many
cli-err-line-no-text = line { $line } needs a text saying what was sold
cli-err-line-mixed-currency = line { $line } is in { $found } but the sale is in { $expected }: one sale has one currency
cli-err-line-bad-rate = line { $line } has a VAT rate outside 0 % to 50 %
cli-err-line-overflow = the sale's amounts are too large to add up
cli-err-return-more-than-left-at-rate = only { $left } at { $rate } VAT of this sale is left to return
cli-err-return-wrong-currency = the amount to return is in { $found } but the sale was in { $expected }
cli-err-return-no-lines = choose at least one line to return
cli-err-return-no-such-line = line { $line } is not in this sale: it has { $count ->
    [one] { $count } line
   *[other] { $count } lines
  }
cli-err-return-zero-quantity = line { $line } ("{ $text }"): a quantity of 0 returns nothing
cli-err-return-more-than-sold = line { $line } ("{ $text }"): only { $left } of { $sold } is left to return
cli-err-return-sale = the sale's lines cannot be read: { $error }
cli-err-return-history = the earlier returns of this sale do not match its lines ({ $why }); nothing was returned
cli-err-keyring-unavailable = the system keyring is not available ({ $why }); on Linux a Secret Service (e.g. GNOME Keyring) must be running and unlocked
cli-err-keyring-refused = the system keyring refused access: { $why }
cli-err-key-make = no receipt key could be made: { $why }
cli-err-sandbox-start = cannot start the built-in sandbox: { $error }
cli-err-webhook-listen = cannot listen for webhooks on { $addr }: { $error }

## Receipts that did not print or save (the receipt is kept)
cli-err-print-bad-address = “{ $input }” is not a printer address: set the printer in Settings → Shop as 192.168.1.50 or 192.168.1.50:9100. The receipt is kept; print it again from the sale.
cli-err-print-unknown-host = The printer name { $addr } is not known on this network: check the printer in Settings → Shop. The receipt is kept; print it again from the sale.
cli-err-print-no-answer = The printer at { $addr } does not answer: is it on? The receipt is kept; print it again from the sale.
cli-err-print-not-taking = The printer at { $addr } does not answer: is it on, with paper in and its lid closed? The receipt is kept; print it again from the sale.
cli-err-print-connection-broke = The connection to the printer at { $addr } broke while printing: check its paper, lid and cable. The receipt is kept; print it again from the sale.
cli-err-print-none = No receipt printer is set up: add its address in Settings → Shop, or use Print or Save PDF. The receipt is kept.
cli-err-pdf-is-a-folder = { $path } is a folder: choose a file name for the PDF (such as receipt-1042.pdf). The receipt is kept.
cli-err-pdf-no-folder = The folder { $folder } does not exist: choose another place to save the PDF. The receipt is kept.
cli-err-pdf-not-allowed = Kassa may not write in { $folder }: choose another folder for the PDF. The receipt is kept.
cli-err-pdf-disk-full = The disk is full: the PDF could not be saved as { $path }. Free some space or choose another place. The receipt is kept.
cli-err-pdf-other = The PDF could not be saved as { $path } ({ $reason }). The receipt is kept.
cli-err-receipt-folder = The receipt folder { $folder } cannot be made ({ $reason }). The receipt is kept.
cli-err-receipt-no-profile = set up the shop (Settings → Shop, or `kassa setup --legal-name … --org-number …`) before printing a receipt: it needs the merchant's legal name, organisation number and address
cli-err-receipt-not-paid = sale { $sale } has no receipt: it is not paid
cli-err-receipt-no-such-number = there is no receipt number { $number } in the { $series } series
cli-err-receipt-series-live = live
cli-err-receipt-series-training = training

## Connecting the bank account (Settings → Connect bank account)
cli-err-connect-bad-redirect = bad redirect address "{ $value }": it must be http on this machine (127.0.0.1, localhost or [::1]) with a port
cli-err-connect-listen = cannot listen on { $addr } for the browser's answer ({ $error }); is another Kassa connecting an account?
cli-err-connect-cancelled = the bank account was not connected: the connection was cancelled in the browser
cli-err-connect-refused = the bank account was not connected: the service said { $error }
cli-err-connect-refused-why = the bank account was not connected: the service said { $error } ({ $why })
cli-err-connect-wrong-state = the answer in the browser does not belong to this connection attempt; start again
cli-err-connect-no-state = the answer in the browser carries no state, so Kassa cannot tell it belongs to this connection attempt; it was ignored
cli-err-connect-no-code = the answer in the browser carries no code; start again
cli-err-connect-exchange = the service did not accept the code the browser brought back: { $error }
cli-err-connect-service = the service did not list the connected accounts: { $error }
cli-err-connect-no-accounts = the service names no account that can receive payments for this connection; connect again and choose an account
cli-err-connect-not-offered = account { $id } is not one of the accounts just connected ({ $offered })
cli-err-connect-timed-out = the bank account was not connected: nothing came back from the browser in { $minutes } minutes
cli-err-connect-save = the account was connected but Kassa could not save it: { $error }

## The shop's hub (kassa hub …, kassa status, Settings)
cli-hub-password-prompt = Hub password for { $user } (not shown; Enter for none):
cli-hub-connected = This till ({ $till }) now sends its books to the hub at { $hub }; the hub had { $acked } of its records. The counter uses it from its next start.
cli-hub-up-to-date = hub { $hub }: up to date
cli-hub-behind = hub { $hub }: { $behind ->
    [one] 1 record to send
   *[other] { $behind } records to send
  }
cli-hub-last-ok = (last in touch { $when })
cli-hub-synced = Sent { $stored } records; the hub has this till's records up to { $acked }.
cli-hub-bad-mode = "{ $mode }" is not a report: use x (the day so far) or z (the periods closed that day)
cli-hub-report-title = { $mode ->
    [z] Z for the shop, { $date }
   *[x] X for the shop, { $date }
  }
cli-hub-report-training = TRAINING (the built-in sandbox's sales)
cli-hub-till = { $name } ({ $till }): { $count } sales { $amount }, { $returns } returns { $returned }
cli-hub-till-tenders = { "  " }{ $tenders }
cli-hub-tender = { $tender ->
    [cash] cash
    [card] card
   *[bank] pay by bank
  } { $amount }
cli-hub-till-last-z = { "  " }last Z { $number } at { $when }
cli-hub-till-no-z = { "  " }no Z yet
cli-hub-till-open-returns = { "  " }pay-by-bank returns to send: { $count } ({ $amount })
cli-hub-till-double = { "  " }payments made twice, to refund: { $count } ({ $amount })
cli-hub-shop = Shop: { $count } sales { $amount }, { $returns } returns { $returned }
cli-hub-vat = { "  " }VAT { $rate }: net { $net }, VAT { $vat }, gross { $gross }
cli-hub-vat-none = { "  " }no VAT recorded: { $gross }
cli-hub-no-tills = No till has sent its books to this hub yet.
cli-hub-exported = Wrote { $files } to { $dir }.
cli-hub-bad-list = "{ $what }" is not a list the hub keeps: use shop or staff
cli-hub-pushed-shop = The shop settings are now version { $version } at the hub; every till takes them.
cli-hub-pushed-staff = The cashiers are now version { $version } at the hub; every till takes them.
cli-hub-pulled-shop = Took the hub's shop settings (version { $version }).
cli-hub-shop-current = The shop settings are the hub's newest already.
cli-hub-pulled-staff = Took the hub's cashiers (version { $version }): { $changed ->
    [one] 1 added or changed
   *[other] { $changed } added or changed
  }.
cli-hub-staff-current = The cashiers are the hub's newest already.
cli-hub-no-such-till = the hub has no records of till { $till }: `kassa hub report x --json` lists the tills it has
cli-hub-restored = Rebuilt till { $till } from the hub: { $records } records in { $file }.

## kassa terminal serve
cli-terminal-ready = Kassa is the pay-by-bank terminal at { $url } (POIID { $poi }, { $currency }); registers send Authorization: Bearer with the token in KASSA_TERMINAL_TOKEN. Ctrl-C stops.
cli-terminal-cannot-run = cannot serve registers: { $error }
cli-terminal-fingerprint = Pair the register with this certificate's SHA-256 fingerprint: { $fingerprint }
cli-terminal-token-new = The registers' token: { $token }
    Give it to the register (it sends Authorization: Bearer TOKEN). It is kept in the system keyring and not shown again; `kassa terminal token --new` replaces it.
cli-terminal-token-removed = The registers' token was removed: Kassa serves no register until a new one is made.
cli-terminal-token-set = A registers' token is set (in the system keyring).
cli-terminal-token-none = No registers' token is set: `kassa terminal token --new` makes one.
