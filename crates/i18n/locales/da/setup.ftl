# setup.ftl (Danish): the window's settings, the shop's settings, staff and log-in, training.

## Indstillinger: overskriften

settings-sounds = Lyd ved betalt og afvist
settings-language = Sprog
settings-language-system = Systemets sprog
settings-language-forced = KASSA_LANG er sat, så Kassa taler "{ $lang }", uanset hvad der vælges her.

## Log-in screen

login-screen = Log ind
login-title = Hvem står ved kassen?
login-employees = Medarbejdere
login-pin-for = PIN for
login-pin-keypad = PIN-tastatur
login-clear = Ryd
login-backspace = Slet tegn
login-back = Tilbage
login-ok = Log ind

## Settings: Aiia credentials and webhooks

settings-title = Indstillinger
settings-back = Tilbage
settings-aiia = Aiia-adgang
settings-aiia-hint = Lad felterne stå tomme for at tage betalinger i Kassas indbyggede sandkasse.
settings-client-id = Klient-ID
settings-client-secret = Klienthemmelighed
settings-api-url = API-adresse
settings-optional = (valgfrit)
settings-custom-api = Egen API-adresse (til test; pengene kan havne et andet sted)
settings-redirect-url = Side efter betaling
settings-redirect-url-placeholder = Butikkens https://-side (kræves i drift)
settings-webhooks = Webhooks
settings-webhooks-hint = Aiias signerede betalingshændelser viser resultatet med det samme; uden dem spørger Kassa løbende. Hændelserne sendes til
settings-webhook-bind = Lyt på
settings-webhook-bind-placeholder = Fra · f.eks. 0.0.0.0:8787
settings-webhook-secret = Signeringshemmelighed

## Settings: the receiving account and currency

settings-account = Modtagende konto
settings-connect = Tilknyt bankkonto
settings-connect-wait = Gør det færdigt i browseren: vælg kontoen, der modtager betalingerne.
settings-connect-stop = Stop
settings-connect-link = Åbnede browseren ikke, så åbn denne adresse:
settings-connect-retry = Prøv igen
settings-connect-pick = Vælg kontoen, der modtager betalingerne
settings-connect-confirm = Gem denne konto
settings-connect-discard = Annuller
settings-destination = Modtager-ID
settings-destination-placeholder = Fra Tilknyt bankkonto, eller indtastet
settings-currency = Valuta
settings-currency-dkk = DKK · Danske kroner
settings-currency-sek = SEK · Svenske kroner
settings-currency-nok = NOK · Norske kroner
settings-currency-eur = EUR · Euro

## Settings: the customer display

settings-customer-display = Kundeskærm
settings-customer-display-hint = Det kunden ser: beløbet, linjerne, koden der skal scannes og resultatet, på kundens sprog. Ændres med det samme.
settings-customer-display-show = Vis den
settings-customer-display-off = Fra
settings-customer-display-window = Andet vindue (en skærm vendt mod kunden)
settings-customer-display-pane = Felt i dette vindue (én skærm)

## The manager's PIN dialog

manager-title = En leders PIN
manager-id = Leder
manager-cancel = Annuller
manager-ok = Godkend
