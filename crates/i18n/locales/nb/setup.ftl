# setup.ftl (Norwegian bokmål): the window's settings, the shop's settings, staff and log-in, training.

## Innstillinger: overskriften

settings-sounds = Lyd ved betalt og avvist
settings-language = Språk
settings-language-label = Vinduets språk
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

## Settings: the training bank, the shop and the printer

settings-api-url-placeholder = https://api.aiia.eu
settings-webhooks-url = http://denne-maskinen:PORT/webhooks/aiia
settings-training = Treningsbank
settings-training-hint = Uten tilgangsopplysninger selger Kassa via sin innebygde Sandkassebank: treningssalg, ingen ekte penger.
settings-sandbox-lan = La telefoner på dette nettverket åpne Sandkassebanken (skann koden med en ekte telefon)
settings-sandbox-lan-hint = Treningsbanken vises på denne maskinens nettverksadresse; test- og adminsidene blir på denne maskinen.
settings-shop = Butikk
settings-merchant = Virksomhet
settings-merchant-hint = (skrives ut på hver kvittering)
settings-legal-name = Juridisk navn
settings-country = Land
settings-country-choose = Velg…
settings-country-dk = Danmark
settings-country-no = Norge
settings-country-se = Sverige
settings-country-fi = Finland
settings-org-number = Organisasjons- / MVA-nummer
settings-org-number-placeholder = f.eks. 923609016
settings-vat-registered = MVA-registrert
settings-address = Adresse
settings-address-hint = (1 til 3 linjer)
settings-postcode = Postnummer
settings-city = Sted
settings-till-name = Kassens navn
settings-till-name-placeholder = f.eks. Kasse 1
settings-logo = Logofil
settings-logo-hint = (PNG eller JPEG, valgfritt)
settings-logo-placeholder = /home/butikk/logo.png
settings-width = Kvitteringsbredde
settings-width-48 = 80 mm papir (48 tegn)
settings-width-42 = 80 mm papir (42 tegn)
settings-width-32 = 58 mm papir (32 tegn)
settings-footer = Bunntekst på kvitteringen
settings-footer-hint = (opptil 4 linjer)
settings-footer-placeholder = Takk for besøket!
settings-vat = MVA-satser
settings-vat-hint = Én tast per sats på tastaturet. Standardsatsen brukes for et vanlig beløp.
settings-vat-name = Navn
settings-vat-percent = Prosent
settings-vat-default = Standard
settings-vat-add = Legg til en sats
settings-quick = Hurtigvarer
settings-quick-hint = En tast hver på tastaturskjermen: ett trykk legger varen til salget.
settings-quick-name = Navn
settings-quick-price = Pris
settings-quick-vat = MVA-sats
settings-quick-add = Legg til en vare
settings-printer = Kvitteringsskriver
settings-printer-hint = En termisk nettverksskriver (ESC/POS, 80 mm). Uten en skrives kvitteringer ut via systemets utskriftsdialog eller lagres som PDF.
settings-printer-address = Skriverens adresse
settings-printer-placeholder = f.eks. 192.168.1.50 eller 192.168.1.50:9100

## Settings: staff

staff-title = Ansatte
staff-hint = Alle logger inn med nummeret og PIN-en sin (en kasse med én person logger inn med ett trykk). Journalen viser hvem som gjorde hvert salg, hver retur og hver rapport. Returer, Z-rapporter, innstillinger og treningsmodus krever en leder.
staff-employees = Ansatte
staff-new-id = Nummer
staff-new-id-label = Ny ansatts nummer
staff-new-name = Navn
staff-new-name-label = Ny ansatts navn
staff-new-role = Rolle
staff-role-cashier = Kassemedarbeider
staff-role-manager = Leder
staff-new-pin = Ny ansatts PIN
staff-add = Legg til
settings-confirm-yes = Ja, lagre
settings-confirm-no = Nei
settings-test = Test tilkoblingen
settings-save = Lagre

## Words the settings, shop and staff code writes

settings-secret-stored = Lagret i denne maskinens nøkkelring (skriv for å erstatte)
settings-secret-empty = Lagres i denne maskinens nøkkelring, aldri på disken
settings-webhook-secret-empty = Hemmeligheten som er satt for webhookene dine hos Aiia
settings-mode-sandbox = Nå i den innebygde sandkassen
settings-mode-aiia = Nå på Aiia på { $url }
settings-env = Satt av miljøet, som går foran denne skjermen: { $names }
settings-destination-id = Mottaker { $id }
settings-destination-none = Ingen konto koblet til ennå
settings-testing = Tester…
settings-saved-sandbox = Lagret. Kassa tar nå betalt i den innebygde sandkassen.
settings-saved-aiia = Lagret. Kassa tar nå betalt via Aiia på { $url }.
settings-connect-goes-to = Betalingene går til { $name } ({ $id }).
settings-connect-choose = Velg en konto.
settings-connect-discarded = Ingenting ble lagret; mottakerkontoen er uendret.
settings-connected = Koblet til: { $name }.
settings-vat-default-rate = Standardsats
settings-vat-rate-name = Satsens navn
settings-vat-rate-name-placeholder = f.eks. Mat
settings-vat-saft = SAF-T-kode
settings-vat-remove = Fjern denne satsen
settings-quick-item-name = Varens navn
settings-quick-item-name-placeholder = f.eks. Kaffe
settings-quick-remove = Fjern denne varen
manager-why = En leder kan godkjenne { $step } med PIN-en sin, denne ene gangen.
manager-step-other = dette steget
manager-step-return = en retur
manager-step-z-report = Z-rapporten
manager-step-settings = endring av innstillingene
manager-step-training-mode = å slå treningsmodus på eller av
manager-step-manage-staff = administrasjon av ansatte
manager-step-export-journal = eksport av journalen
manager-step-mark-transfer-sent = markering av en bankoverføring som sendt
staff-number = Nr. { $id }
staff-pin-set = PIN satt
staff-no-pin = ingen PIN
staff-turned-off = slått av
staff-new-pin-placeholder = Ny PIN
staff-new-pin-for = Ny PIN for { $name }
staff-set-pin = Sett PIN
staff-pin-done = Ny PIN satt for { $name }.
staff-make-cashier = Gjør til kassemedarbeider
staff-make-manager = Gjør til leder
staff-now-cashier = { $name } er kassemedarbeider nå.
staff-now-manager = { $name } er leder nå.
staff-turn-off = Slå av
staff-turn-on = Slå på
staff-now-off = { $name } er slått av.
staff-now-on = { $name } er slått på.
staff-added = { $name } er lagt til.

## Lagre og koble til
settings-new-could-not-start = De nye innstillingene kunne ikke starte: { $error }. Ingenting ble lagret.
settings-connected-one = Koblet til: { $account }
settings-connected-many = { $n ->
    [one] { $n } konto koblet til
   *[other] { $n } kontoer koblet til
}

## Spørsmål før lagring
ask-destination-named = Sende betalingene til { $name } ({ $id })?
ask-destination-unnamed = Sende betalingene til konto { $id }? Kassa har ikke noe navn på den: sjekk at den er din
ask-test-failed = Testen mislyktes: lagre likevel?
ask-untested = Innstillingene er ikke testet (trykk på Test tilkoblingen): lagre likevel?

## Defaults. What Kassa fills in by itself: the names of a country's VAT rates, the till's first employee and the training shop of the built-in sandbox. Given in the language spoken when Kassa first fills them, then kept as the shop's data (a later change of language does not rename them).
default-vat-standard = Alminnelig sats
default-vat-zero-rated = Fritatt
default-vat-exempt = Utenfor mva-loven
default-vat-food = Næringsmidler
default-vat-transport-hotel = Transport/hotell
default-vat-restaurant-hotel = Restaurant/hotell
default-vat-books-culture = Bøker/kultur
default-vat-newspapers = Aviser
default-owner = Eier
default-training-legal-name = Kassa treningsbutikk
default-training-street = Treningsveien 1
default-training-city = Treningsby
default-training-till = Treningskasse
default-training-footer = Takk for at du øver med Kassa
