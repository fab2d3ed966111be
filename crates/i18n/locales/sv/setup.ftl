# setup.ftl (Swedish): the window's settings, the shop's settings, staff and log-in, training.

## Inställningar: rubriken

settings-sounds = Ljud vid betalt och avvisat
settings-language = Språk
settings-language-system = Systemets språk
settings-language-forced = KASSA_LANG är satt, så Kassa talar "{ $lang }" vad som än väljs här.

## Log-in screen

login-screen = Logga in
login-title = Vem står i kassan?
login-employees = Anställda
login-pin-for = PIN för
login-pin-keypad = PIN-knappsats
login-clear = Rensa
login-backspace = Radera
login-back = Tillbaka
login-ok = Logga in

## Settings: Aiia credentials and webhooks

settings-title = Inställningar
settings-back = Tillbaka
settings-aiia = Aiia-uppgifter
settings-aiia-hint = Lämna tomt för att ta betalt i Kassas inbyggda sandlåda.
settings-client-id = Klient-ID
settings-client-secret = Klienthemlighet
settings-api-url = API-adress
settings-optional = (valfritt)
settings-custom-api = Egen API-adress (för test; pengarna kan hamna någon annanstans)
settings-redirect-url = Sida efter betalning
settings-redirect-url-placeholder = Butikens https://-sida (krävs i skarp drift)
settings-webhooks = Webhooks
settings-webhooks-hint = Aiias signerade betalningshändelser visar resultatet direkt; utan dem frågar Kassa med jämna mellanrum. Händelserna skickas till
settings-webhook-bind = Lyssna på
settings-webhook-bind-placeholder = Av · t.ex. 0.0.0.0:8787
settings-webhook-secret = Signeringshemlighet

## Settings: the receiving account and currency

settings-account = Mottagande konto
settings-connect = Koppla bankkonto
settings-connect-wait = Slutför i webbläsaren: välj kontot som tar emot betalningarna.
settings-connect-stop = Stoppa
settings-connect-link = Öppnades inte webbläsaren? Öppna den här adressen:
settings-connect-retry = Försök igen
settings-connect-pick = Välj kontot som tar emot betalningarna
settings-connect-confirm = Spara det här kontot
settings-connect-discard = Avbryt
settings-destination = Mottagar-ID
settings-destination-placeholder = Från Koppla bankkonto, eller inskrivet
settings-currency = Valuta
settings-currency-dkk = DKK · Danska kronor
settings-currency-sek = SEK · Svenska kronor
settings-currency-nok = NOK · Norska kronor
settings-currency-eur = EUR · Euro

## Settings: the customer display

settings-customer-display = Kundskärm
settings-customer-display-hint = Det kunden ser: beloppet, raderna, koden att skanna och resultatet, på kundens språk. Ändras direkt.
settings-customer-display-show = Visa den
settings-customer-display-off = Av
settings-customer-display-window = Ett andra fönster (en skärm vänd mot kunden)
settings-customer-display-pane = Ruta i det här fönstret (en skärm)

## The manager's PIN dialog

manager-title = En chefs PIN
manager-id = Chef
manager-cancel = Avbryt
manager-ok = Godkänn
