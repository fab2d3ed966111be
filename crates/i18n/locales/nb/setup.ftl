# setup.ftl (Norwegian bokmål): the window's settings, the shop's settings, staff and log-in, training.

## Innstillinger: overskriften

settings-sounds = Lyd ved betalt og avvist
settings-language = Språk
settings-language-system = Systemets språk
settings-language-forced = KASSA_LANG er satt, så Kassa snakker "{ $lang }" uansett hva som velges her.

## Log-in screen

login-screen = Logg inn
login-title = Hvem står i kassen?
login-employees = Ansatte
login-pin-for = PIN for
login-pin-keypad = PIN-tastatur
login-clear = Tøm
login-backspace = Slett tegn
login-back = Tilbake
login-ok = Logg inn

## Settings: Aiia credentials and webhooks

settings-title = Innstillinger
settings-back = Tilbake
settings-aiia = Aiia-tilgang
settings-aiia-hint = La feltene stå tomme for å ta betalt i Kassas innebygde sandkasse.
settings-client-id = Klient-ID
settings-client-secret = Klienthemmelighet
settings-api-url = API-adresse
settings-optional = (valgfritt)
settings-custom-api = Egen API-adresse (for testing; pengene kan havne et annet sted)
settings-redirect-url = Side etter betaling
settings-redirect-url-placeholder = Butikkens https://-side (kreves i drift)
settings-webhooks = Webhooks
settings-webhooks-hint = Aiias signerte betalingshendelser viser resultatet med en gang; uten dem spør Kassa jevnlig. Hendelsene sendes til
settings-webhook-bind = Lytt på
settings-webhook-bind-placeholder = Av · f.eks. 0.0.0.0:8787
settings-webhook-secret = Signeringshemmelighet

## Settings: the receiving account and currency

settings-account = Mottakerkonto
settings-connect = Koble til bankkonto
settings-connect-wait = Fullfør i nettleseren: velg kontoen som mottar betalingene.
settings-connect-stop = Stopp
settings-connect-link = Åpnet ikke nettleseren? Åpne denne adressen:
settings-connect-retry = Prøv igjen
settings-connect-pick = Velg kontoen som mottar betalingene
settings-connect-confirm = Lagre denne kontoen
settings-connect-discard = Avbryt
settings-destination = Mottaker-ID
settings-destination-placeholder = Fra Koble til bankkonto, eller skrevet inn
settings-currency = Valuta
settings-currency-dkk = DKK · Danske kroner
settings-currency-sek = SEK · Svenske kroner
settings-currency-nok = NOK · Norske kroner
settings-currency-eur = EUR · Euro

## Settings: the customer display

settings-customer-display = Kundeskjerm
settings-customer-display-hint = Det kunden ser: beløpet, linjene, koden som skal skannes og resultatet, på kundens språk. Endres med en gang.
settings-customer-display-show = Vis den
settings-customer-display-off = Av
settings-customer-display-window = Et ekstra vindu (en skjerm vendt mot kunden)
settings-customer-display-pane = Felt i dette vinduet (én skjerm)

## The manager's PIN dialog

manager-title = En leders PIN
manager-id = Leder
manager-cancel = Avbryt
manager-ok = Godkjenn
