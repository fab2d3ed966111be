# setup.ftl (Swedish): the window's settings, the shop's settings, staff and log-in, training.

## Inställningar: rubriken

settings-sounds = Ljud vid betalt och avvisat
settings-language = Språk
settings-language-label = Fönstrets språk
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

## Settings: the training bank, the shop and the printer

settings-api-url-placeholder = https://api.aiia.eu
settings-webhooks-url = http://den-har-datorn:PORT/webhooks/aiia
settings-training = Övningsbank
settings-training-hint = Utan inloggningsuppgifter säljer Kassa via sin inbyggda Sandlådebank: övningsköp, inga riktiga pengar.
settings-sandbox-lan = Låt telefoner på det här nätverket öppna Sandlådebanken (skanna koden med en riktig telefon)
settings-sandbox-lan-hint = Övningsbanken visas på den här datorns nätverksadress; dess test- och adminsidor stannar på den här datorn.
settings-shop = Butik
settings-merchant = Företag
settings-merchant-hint = (skrivs ut på varje kvitto)
settings-legal-name = Juridiskt namn
settings-country = Land
settings-country-choose = Välj…
settings-country-dk = Danmark
settings-country-no = Norge
settings-country-se = Sverige
settings-country-fi = Finland
settings-org-number = Organisations- / momsnummer
settings-org-number-placeholder = t.ex. 923609016
settings-vat-registered = Momsregistrerad
settings-address = Adress
settings-address-hint = (1 till 3 rader)
settings-postcode = Postnummer
settings-city = Ort
settings-till-name = Kassans namn
settings-till-name-placeholder = t.ex. Kassa 1
settings-logo = Logotypfil
settings-logo-hint = (PNG eller JPEG, valfritt)
settings-logo-placeholder = /home/butik/logo.png
settings-width = Kvittobredd
settings-width-48 = 80 mm papper (48 tecken)
settings-width-42 = 80 mm papper (42 tecken)
settings-width-32 = 58 mm papper (32 tecken)
settings-footer = Kvittots sidfot
settings-footer-hint = (upp till 4 rader)
settings-footer-placeholder = Tack för ditt besök!
settings-vat = Momssatser
settings-vat-hint = En knapp per sats på knappsatsen. Standardsatsen används för ett vanligt belopp.
settings-vat-name = Namn
settings-vat-percent = Procent
settings-vat-default = Standard
settings-vat-add = Lägg till en sats
settings-quick = Snabbvaror
settings-quick-hint = En knapp var på knappsatsskärmen: ett tryck lägger varan i köpet.
settings-quick-name = Namn
settings-quick-price = Pris
settings-quick-vat = Momssats
settings-quick-add = Lägg till en vara
settings-printer = Kvittoskrivare
settings-printer-hint = En termoskrivare i nätverket (ESC/POS, 80 mm). Utan en skrivs kvitton ut via systemets utskriftsdialog eller sparas som PDF.
settings-printer-address = Skrivarens adress
settings-printer-placeholder = t.ex. 192.168.1.50 eller 192.168.1.50:9100

## Settings: staff

staff-title = Personal
staff-hint = Alla loggar in med sitt nummer och sin PIN (en kassa med en person loggar in med ett tryck). Journalen visar vem som gjorde varje köp, retur och rapport. Returer, Z-rapporter, inställningar och övningsläge kräver en chef.
staff-employees = Anställda
staff-new-id = Nummer
staff-new-id-label = Ny anställds nummer
staff-new-name = Namn
staff-new-name-label = Ny anställds namn
staff-new-role = Roll
staff-role-cashier = Kassör
staff-role-manager = Chef
staff-new-pin = Ny anställds PIN
staff-add = Lägg till
settings-confirm-yes = Ja, spara
settings-confirm-no = Nej
settings-test = Testa anslutningen
settings-save = Spara

## Words the settings, shop and staff code writes

settings-secret-stored = Sparad i den här datorns nyckelring (skriv för att ersätta)
settings-secret-empty = Sparas i den här datorns nyckelring, aldrig på disken
settings-webhook-secret-empty = Hemligheten som är satt för dina webhooks hos Aiia
settings-mode-sandbox = Nu i den inbyggda sandlådan
settings-mode-aiia = Nu på Aiia på { $url }
settings-env = Satt av miljön, som går före den här skärmen: { $names }
settings-destination-id = Mottagare { $id }
settings-destination-none = Inget konto kopplat ännu
settings-testing = Testar…
settings-saved-sandbox = Sparat. Kassa tar nu betalt i den inbyggda sandlådan.
settings-saved-aiia = Sparat. Kassa tar nu betalt via Aiia på { $url }.
settings-connect-goes-to = Betalningarna går till { $name } ({ $id }).
settings-connect-choose = Välj ett konto.
settings-connect-discarded = Inget sparades; det mottagande kontot är oförändrat.
settings-connected = Kopplat: { $name }.
settings-vat-default-rate = Standardsats
settings-vat-rate-name = Satsens namn
settings-vat-rate-name-placeholder = t.ex. Livsmedel
settings-vat-saft = SAF-T-kod
settings-vat-remove = Ta bort den här satsen
settings-quick-item-name = Varans namn
settings-quick-item-name-placeholder = t.ex. Kaffe
settings-quick-remove = Ta bort den här varan
manager-why = En chef kan godkänna { $step } med sin PIN, just den här gången.
manager-step-other = det här steget
manager-step-return = en retur
manager-step-z-report = Z-rapporten
manager-step-settings = ändring av inställningarna
manager-step-training-mode = att slå på eller av övningsläget
manager-step-manage-staff = hantering av anställda
manager-step-export-journal = export av journalen
manager-step-mark-transfer-sent = markering av en banköverföring som skickad
staff-number = Nr { $id }
staff-pin-set = PIN satt
staff-no-pin = ingen PIN
staff-turned-off = avstängd
staff-new-pin-placeholder = Ny PIN
staff-new-pin-for = Ny PIN för { $name }
staff-set-pin = Ange PIN
staff-pin-done = Ny PIN satt för { $name }.
staff-make-cashier = Gör till kassör
staff-make-manager = Gör till chef
staff-now-cashier = { $name } är kassör nu.
staff-now-manager = { $name } är chef nu.
staff-turn-off = Stäng av
staff-turn-on = Slå på
staff-now-off = { $name } är avstängd.
staff-now-on = { $name } är påslagen.
staff-added = { $name } har lagts till.

## Spara och koppla
settings-new-could-not-start = De nya inställningarna kunde inte starta: { $error }. Inget sparades.
settings-connected-one = Kopplat: { $account }
settings-connected-many = { $n ->
    [one] { $n } konto kopplat
   *[other] { $n } konton kopplade
}

## Frågor innan något sparas
ask-destination-named = Skicka betalningarna till { $name } ({ $id })?
ask-destination-unnamed = Skicka betalningarna till konto { $id }? Kassa har inget namn på det: kontrollera att det är ditt
ask-test-failed = Testet misslyckades: spara ändå?
ask-untested = Inställningarna är inte testade (tryck på Testa anslutningen): spara ändå?

## Defaults. What Kassa fills in by itself: the names of a country's VAT rates, the till's first employee and the training shop of the built-in sandbox. Given in the language spoken when Kassa first fills them, then kept as the shop's data (a later change of language does not rename them).
default-vat-standard = Normalmoms
default-vat-zero-rated = Nollmoms
default-vat-exempt = Momsfri
default-vat-food = Livsmedel
default-vat-transport-hotel = Transport/hotell
default-vat-restaurant-hotel = Restaurang/hotell
default-vat-books-culture = Böcker/kultur
default-vat-newspapers = Tidningar
default-owner = Ägare
default-training-legal-name = Kassa övningsbutik
default-training-street = Övningsgatan 1
default-training-city = Övningsstad
default-training-till = Övningskassa
default-training-footer = Tack för att du övar med Kassa
