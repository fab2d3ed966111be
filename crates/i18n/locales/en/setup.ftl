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
