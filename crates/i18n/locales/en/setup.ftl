# setup.ftl (English): the window's settings, the shop's settings, staff and log-in, training.

## Settings: the header

settings-sounds = Sounds for paid and declined
settings-language = Language
settings-language-label = The window's language
settings-language-system = The system's language
settings-language-forced = KASSA_LANG is set, so Kassa speaks "{ $lang }" whatever is chosen here.

## Log-in screen

login-screen = Log in
login-title = Who is at the till?
login-employees = Employees
login-pin-for = PIN for
login-pin-keypad = PIN keypad
login-clear = Clear
login-backspace = Backspace
login-back = Back
login-ok = Log in

## Settings: Aiia credentials and webhooks

settings-title = Settings
settings-back = Back
settings-aiia = Aiia credentials
settings-aiia-hint = Leave empty to take payments on Kassa's built-in sandbox.
settings-client-id = Client ID
settings-client-secret = Client Secret
settings-api-url = API address
settings-optional = (optional)
settings-custom-api = Custom API address (for testing; money could go elsewhere)
settings-redirect-url = Page after paying
settings-redirect-url-placeholder = Your shop's https:// page (needed for live)
settings-webhooks = Webhooks
settings-webhooks-hint = Aiia's signed payment events make results show at once; without them Kassa polls. Events go to
settings-webhook-bind = Listen on
settings-webhook-bind-placeholder = Off · e.g. 0.0.0.0:8787
settings-webhook-secret = Signing secret

## Settings: the receiving account and currency

settings-account = Receiving account
settings-connect = Connect bank account
settings-connect-wait = Finish in the browser: choose the account that receives payments.
settings-connect-stop = Stop
settings-connect-link = If the browser did not open, open this address:
settings-connect-retry = Try again
settings-connect-pick = Choose the account that receives payments
settings-connect-confirm = Save this account
settings-connect-discard = Cancel
settings-destination = Destination ID
settings-destination-placeholder = From Connect bank account, or typed in
settings-currency = Currency
settings-currency-dkk = DKK · Danish krone
settings-currency-sek = SEK · Swedish krona
settings-currency-nok = NOK · Norwegian krone
settings-currency-eur = EUR · Euro

## Settings: the customer display

settings-customer-display = Customer display
settings-customer-display-hint = What the customer sees: the amount, the lines, the code to scan and the result, in their language. Changes at once.
settings-customer-display-show = Show it
settings-customer-display-off = Off
settings-customer-display-window = Second window (a screen facing the customer)
settings-customer-display-pane = Pane in this window (one screen)

## The manager's PIN dialog

manager-title = A manager's PIN
manager-id = Manager
manager-cancel = Cancel
manager-ok = Approve

## Settings: the training bank, the shop and the printer

settings-api-url-placeholder = https://api.aiia.eu
settings-webhooks-url = http://this-computer:PORT/webhooks/aiia
settings-training = Training bank
settings-training-hint = With no credentials Kassa sells on its built-in Sandbox Bank: training sales, no real money.
settings-sandbox-lan = Let phones on this network open the Sandbox Bank (scan the code with a real phone)
settings-sandbox-lan-hint = Serves the training bank on this computer's network address; its test and admin pages stay on this computer.
settings-shop = Shop
settings-merchant = Merchant
settings-merchant-hint = (printed on every receipt)
settings-legal-name = Legal name
settings-country = Country
settings-country-choose = Choose…
settings-country-dk = Denmark
settings-country-no = Norway
settings-country-se = Sweden
settings-country-fi = Finland
settings-org-number = Organisation / VAT number
settings-org-number-placeholder = e.g. 923609016
settings-vat-registered = Registered for VAT
settings-address = Address
settings-address-hint = (1 to 3 lines)
settings-postcode = Postcode
settings-city = City
settings-till-name = Till name
settings-till-name-placeholder = e.g. Till 1
settings-logo = Logo file
settings-logo-hint = (PNG or JPEG, optional)
settings-logo-placeholder = /home/shop/logo.png
settings-width = Receipt width
settings-width-48 = 80 mm paper (48 characters)
settings-width-42 = 80 mm paper (42 characters)
settings-width-32 = 58 mm paper (32 characters)
settings-footer = Receipt footer
settings-footer-hint = (up to 4 lines)
settings-footer-placeholder = Thank you for your visit!
settings-vat = VAT rates
settings-vat-hint = One key per rate on the keypad. The default rate is used for a plain amount.
settings-vat-name = Name
settings-vat-percent = Percent
settings-vat-default = Default
settings-vat-add = Add a rate
settings-quick = Quick items
settings-quick-hint = A key each on the keypad screen: one press adds the item to the sale.
settings-quick-name = Name
settings-quick-price = Price
settings-quick-vat = VAT rate
settings-quick-add = Add an item
settings-printer = Receipt printer
settings-printer-hint = A network thermal printer (ESC/POS, 80 mm). Without one, receipts print through the system print dialog or save as PDF.
settings-printer-address = Printer address
settings-printer-placeholder = e.g. 192.168.1.50 or 192.168.1.50:9100

## Settings: staff

staff-title = Staff
staff-hint = Everyone logs in with their number and PIN (a one-person till logs in with one tap). The journal names who made each sale, return and report. Returns, Z reports, settings and training mode need a manager.
staff-employees = Employees
staff-new-id = Number
staff-new-id-label = New employee's number
staff-new-name = Name
staff-new-name-label = New employee's name
staff-new-role = Role
staff-role-cashier = Cashier
staff-role-manager = Manager
staff-new-pin = New employee's PIN
staff-add = Add
settings-confirm-yes = Yes, save
settings-confirm-no = No
settings-test = Test connection
settings-save = Save

## Words the settings, shop and staff code writes

settings-secret-stored = Stored in this computer's keyring (type to replace)
settings-secret-empty = Kept in this computer's keyring, never on disk
settings-webhook-secret-empty = The secret set for your webhooks at Aiia
settings-mode-sandbox = Now on the built-in sandbox
settings-mode-aiia = Now on Aiia at { $url }
settings-env = Set by the environment, which wins over this screen: { $names }
settings-destination-id = Destination { $id }
settings-destination-none = No account connected yet
settings-testing = Testing…
settings-saved-sandbox = Saved. Kassa now takes payments on the built-in sandbox.
settings-saved-aiia = Saved. Kassa now takes payments on Aiia at { $url }.
settings-connect-goes-to = Payments will go to { $name } ({ $id }).
settings-connect-choose = Choose an account.
settings-connect-discarded = Nothing was saved; the receiving account is unchanged.
settings-connected = Connected: { $name }.
settings-vat-default-rate = Default rate
settings-vat-rate-name = Rate name
settings-vat-rate-name-placeholder = e.g. Food
settings-vat-saft = SAF-T code
settings-vat-remove = Remove this rate
settings-quick-item-name = Item name
settings-quick-item-name-placeholder = e.g. Coffee
settings-quick-remove = Remove this item
manager-why = A manager can approve { $step } with their PIN, for this one time.
manager-step-other = this step
manager-step-return = a return
manager-step-z-report = the Z report
manager-step-settings = changing the settings
manager-step-training-mode = turning training mode on or off
manager-step-manage-staff = managing employees
manager-step-export-journal = exporting the journal
manager-step-mark-transfer-sent = marking a bank transfer sent
manager-step-shop-report = the shop's report of every till
staff-number = No. { $id }
staff-pin-set = PIN set
staff-no-pin = no PIN
staff-turned-off = turned off
staff-new-pin-placeholder = New PIN
staff-new-pin-for = New PIN for { $name }
staff-set-pin = Set PIN
staff-pin-done = New PIN set for { $name }.
staff-make-cashier = Make cashier
staff-make-manager = Make manager
staff-now-cashier = { $name } is a cashier now.
staff-now-manager = { $name } is a manager now.
staff-turn-off = Turn off
staff-turn-on = Turn on
staff-now-off = { $name } is turned off.
staff-now-on = { $name } is turned on.
staff-added = Added { $name }.

## Saving and connecting
settings-new-could-not-start = The new settings could not start: { $error }. Nothing was saved.
settings-connected-one = Connected: { $account }
settings-connected-many = { $n ->
    [one] { $n } account connected
   *[other] { $n } accounts connected
}

## Questions before saving
ask-destination-named = Send payments to { $name } ({ $id })?
ask-destination-unnamed = Send payments to account { $id }? Kassa has no name for it: check it is yours
ask-test-failed = Test failed: save anyway?
ask-untested = These settings were not tested (press Test connection): save anyway?

## Defaults. What Kassa fills in by itself: the names of a country's VAT rates, the till's first employee and the training shop of the built-in sandbox. Given in the language spoken when Kassa first fills them, then kept as the shop's data (a later change of language does not rename them).
default-vat-standard = Standard
default-vat-zero-rated = Zero-rated
default-vat-exempt = Exempt
default-vat-food = Food
default-vat-transport-hotel = Transport/hotel
default-vat-restaurant-hotel = Restaurant/hotel
default-vat-books-culture = Books/culture
default-vat-newspapers = Newspapers
default-owner = Owner
default-training-legal-name = Kassa training shop
default-training-street = Training street 1
default-training-city = Training
default-training-till = Training till
default-training-footer = Thank you for practising with Kassa
## Settings → Shop: what is wrong with a field (the form shows each at its field)

# The merchant profile
shop-err-legal-name-missing = Enter the business's legal name, as registered
shop-err-org-number-missing = Enter the organisation number
shop-err-address-missing = Enter the shop's street address
shop-err-postcode-missing = Enter the postcode
shop-err-city-missing = Enter the city
shop-err-country-missing = Choose the country: DK, SE, NO or FI
shop-err-till-name-missing = Give this till a name, e.g. Till 1
shop-err-footer-missing = Enter a receipt footer
shop-label-legal-name = The legal name
shop-label-org-number = The organisation number
shop-label-address = The address
shop-label-postcode = The postcode
shop-label-city = The city
shop-label-country = The country
shop-label-till-name = The till name
shop-label-footer = The receipt footer
shop-err-too-long = { $label } has at most { $max } characters; this has { $found }
shop-err-line-too-long = { $label }'s line { $line } has { $found } characters; a receipt line has room for { $max }
shop-err-too-many-lines = { $label } has at most { $max } lines; this has { $found }
shop-err-control = { $label } cannot contain tabs or other control characters
shop-err-unknown-country = The country must be DK, SE, NO or FI (Kassa's markets), not "{ $value }"
shop-err-postcode = A postcode in { $country } has { $digits } digits

# Organisation numbers ($number: one of the names below; $country, $prefix: a country's name)
shop-number-dk = CVR number
shop-number-no = Norwegian organisation number
shop-number-se = Swedish organisation number
shop-number-fi = Business ID (Y-tunnus)
shop-err-org-empty = Enter the { $number }
shop-err-org-not-a-digit = A { $number } has only digits; "{ $found }" is not one
shop-err-org-length = A { $number } has { $expected } digits, this has { $found }
shop-err-org-check-digit = The check digit should be { $expected }, not { $found }: check the { $number } for a typing error
shop-err-org-no-check-digit = No { $number } begins with these digits (they give no check digit): check it for a typing error
shop-err-org-cvr-leading-zero = A CVR number does not start with 0
shop-err-org-norway-first-digit = A Norwegian organisation number starts with 8 or 9, this one with { $found }
shop-err-org-luhn = The Luhn check digit of this Swedish organisation number does not match: check it for a typing error
shop-err-org-not-swedish-entity = This is neither a Swedish organisation number (its third digit is 2 or more) nor a personnummer of a sole trader (month { $month }, day { $day } is not a date)
shop-err-org-finnish-shape = A Finnish Business ID is written 1234567-8: seven digits, a hyphen and the check digit
shop-err-org-other-country = "{ $found }" is a VAT number of { $prefix }, not { $country }

# The VAT table
shop-err-vat-out-of-range = A VAT rate must be between 0 % and 50 %; { $percent } is not
shop-err-vat-not-a-percentage = "{ $value }" is not a percentage: write it like 25 or 12,5
shop-err-vat-unknown-code = "{ $value }" is not a SAF-T VAT code for sales: use 3, 31, 32 or 33 for a rate, 5, 51, 52 or 6 for 0 %
shop-err-vat-zero-code-with-rate = SAF-T code { $code } is for sales without VAT, so its rate is 0 %, not { $percent }
shop-err-vat-rate-code-with-zero = SAF-T code { $code } is for sales with VAT; a 0 % rate takes code 5 (zero-rated) or 6 (outside VAT)
shop-err-vat-no-name = Give the VAT rate a name, e.g. Standard or Food
shop-err-vat-name-too-long = A VAT rate's name has at most 24 characters; this has { $found }
shop-err-vat-name-control = A VAT rate's name cannot contain control characters (tabs, line breaks)
shop-err-vat-duplicate-name = There is already a VAT rate named "{ $name }"
shop-err-vat-no-such-rate = There is no VAT rate named "{ $name }"
shop-err-vat-removing-default = "{ $name }" is the default VAT rate: choose another default before removing it
shop-err-vat-empty = A VAT table needs at least one rate
shop-err-vat-default-missing = The default VAT rate "{ $name }" is not in the table
shop-err-vat-date-too-early = Kassa knows { $country }'s VAT rates from 1 January 2025 on, not for { $date }
shop-err-no-default-rate = Choose the default VAT rate: the one a plain amount is sold at
shop-err-several-defaults = Only one VAT rate can be the default; untick the others

# Quick items ($item: the item's name, or shop-item-number when it has none)
shop-item-number = number { $number }
shop-err-item-no-name = Give the quick item a name
shop-err-item-name-too-long = A quick item's name has at most { $max } characters; this has { $found }
shop-err-item-duplicate = There is already a quick item named "{ $name }"
shop-err-too-many-items = A shop has at most { $max } quick items; this has { $found }
shop-err-item-no-price = The quick item "{ $item }" has no price: enter it
shop-err-item-bad-price = The price of the quick item "{ $item }" is not valid: { $error }
shop-err-item-no-rate = Choose the VAT rate of the quick item "{ $item }"
shop-err-item-unknown-rate = The quick item "{ $item }" is sold at the VAT rate "{ $rate }", which is not in the VAT table

# The printer, the logo, the width
shop-err-printer-address = The printer address must be a host name or IP address with an optional port, e.g. 10.0.0.5 or 10.0.0.5:9100, not "{ $value }"
shop-err-printer-port = The printer's port must be a number from 1 to 65535, not "{ $value }"
shop-err-logo-unreadable = Cannot read the logo file { $path }: { $error }
shop-err-logo-not-an-image = The logo is not a PNG or JPEG image. Choose a .png or .jpg file.
shop-err-logo-too-large = The logo file is too large ({ $size } bytes; at most { $max } bytes). Choose a smaller image.
shop-err-logo-too-many-pixels = The logo image is too large ({ $width }×{ $height } pixels; at most { $max }×{ $max }). Choose a smaller image.
shop-err-logo-damaged = The logo file is damaged and cannot be read as a PNG or JPEG image: { $error }
shop-err-logo-empty = The logo image is empty (it has no pixels).
shop-err-logo-bad-raster = A raster { $width } dots wide and { $height } high needs { $expected } bytes, not { $actual }.
shop-err-width = The receipt width is 32 (58 mm paper), 42 or 48 (80 mm paper) characters, not "{ $value }"

# The settings file ($error: the system's words)
settings-file-cannot-read = cannot read the settings file { $path }: { $error }
settings-file-damaged = the settings file { $path } is damaged ({ $error }); fix or delete it
settings-file-cannot-save = cannot save the settings file { $path }: { $error }

## Settings: the shop's hub (issue 14)

settings-hub = Shop's hub
settings-hub-hint = With more than one till, each till sends its books to the shop's hub (a PostgreSQL server), and Whole shop adds up every till's day. Each till sells on its own, whether the hub is there or not.
settings-hub-url = Hub address
settings-hub-url-placeholder = postgres://kassa@hub.example:5432/shop
settings-hub-password = Hub password
settings-hub-password-empty = Only if the address has none
settings-hub-env = KASSA_HUB_URL is set, so the address comes from the environment; change it there.
settings-hub-connect = Connect
settings-hub-connecting = Connecting…
hub-status-none = No hub is set: this till keeps its books on its own.
hub-status-up-to-date = Up to date
hub-status-behind = { $n ->
    [one] 1 record to send
   *[other] { $n } records to send
}
hub-status-problem-behind = { $problem } ({ $n ->
    [one] 1 record waits
   *[other] { $n } records wait
})
hub-status-last-ok = last reached { $when }
hub-connected = { $n ->
    [0] Connected to the hub at { $hub }. It has none of this till's records yet; the till sends them from now on.
    [one] Connected to the hub at { $hub }. It has 1 of this till's records; the till sends it the rest from now on.
   *[other] Connected to the hub at { $hub }. It has { $n } of this till's records; the till sends it the rest from now on.
}
hub-sale-open = Finish or cancel the open sale first: connecting the hub restarts the counter.
# The hub's refusals: the English is each error's own sentence (logs and the CLI say it so).
hub-err-bad-address = the hub address must look like postgres://user@host:5432/kassa ({ $why })
hub-err-unreachable = the hub at { $hub } cannot be reached ({ $why }); the till keeps selling and sends its books when the hub is back
hub-err-wrong-password = the hub at { $hub } refused the password of user { $user }: check the hub password
hub-err-no-database = the hub at { $hub } has no database { $database }: create it, or check the address
hub-err-tls = the hub at { $hub } cannot be trusted over TLS ({ $why })
hub-err-too-new = the hub was set up by a newer Kassa (hub schema { $found }, this Kassa knows { $supported }): update Kassa on this till
hub-err-other-shop = the hub holds the books of another shop ({ $theirs }, this till is { $ours }): use this shop's own hub
hub-err-gap = the hub has this till's records up to { $has }, but the journal's next is { $first }: the journal is not the one the hub knows as till { $till }
hub-err-ahead-of-journal = the hub has records of till { $till } up to { $has }, more than this journal's { $head }: this journal is older than the hub's copy (restored from a backup?)
hub-err-database = the hub refused a request: { $why }
hub-err-not-set = no hub is set up: connect one with `kassa hub connect postgres://…` or in Settings
hub-err-no-profile = set up the shop's profile (Settings → Shop) first: the hub knows a shop by its organisation number
hub-err-bad-day = { $day } is not a day: write it as YYYY-MM-DD

## Settings → Registers (the terminal API, issue 16)
settings-terminal = Registers (terminal API)
settings-terminal-hint = A cash register the shop already has can take pay by bank through Kassa: it sends its payments to Kassa as to a card terminal (the nexo Terminal API), and each payment's code comes on this screen. The register needs the token.
settings-terminal-on = Registers reach Kassa at { $url }
settings-terminal-off = Off: no token is set.
settings-terminal-env = KASSA_TERMINAL_TOKEN is set, so the token comes from the environment; change it there.
settings-terminal-fingerprint = Certificate fingerprint (to pair the register): { $fingerprint }
settings-terminal-new = Make a new token
settings-terminal-remove = Remove the token
settings-terminal-token = The new token, shown only now: give it to the register (Authorization: Bearer). The old one no longer works.
settings-terminal-removed = The token was removed: Kassa serves no register.
settings-terminal-cannot = Kassa cannot serve registers: { $error }
