# setup.ftl (English): the window's settings, the shop's settings, staff and log-in, training.

## Settings: the header

settings-sounds = Sounds for paid and declined
settings-language = Language
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
