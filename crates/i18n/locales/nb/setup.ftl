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
manager-step-shop-report = butikkens rapport over alle kassene
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
## Innstillinger → Butikk: hva som er galt med et felt (skjemaet viser hver ved sitt felt)

# Virksomhetens opplysninger
shop-err-legal-name-missing = Skriv inn virksomhetens juridiske navn, slik det er registrert
shop-err-org-number-missing = Skriv inn organisasjonsnummeret
shop-err-address-missing = Skriv inn butikkens gateadresse
shop-err-postcode-missing = Skriv inn postnummeret
shop-err-city-missing = Skriv inn poststedet
shop-err-country-missing = Velg land: DK, SE, NO eller FI
shop-err-till-name-missing = Gi kassen et navn, f.eks. Kasse 1
shop-err-footer-missing = Skriv inn en bunntekst for kvitteringen
shop-label-legal-name = Det juridiske navnet
shop-label-org-number = Organisasjonsnummeret
shop-label-address = Adressen
shop-label-postcode = Postnummeret
shop-label-city = Poststedet
shop-label-country = Landet
shop-label-till-name = Kassens navn
shop-label-footer = Bunnteksten på kvitteringen
shop-err-too-long = { $label } kan ha høyst { $max } tegn; her er det { $found }
shop-err-line-too-long = { $label }: linje { $line } har { $found } tegn, men en kvitteringslinje har bare plass til { $max }
shop-err-too-many-lines = { $label } kan ha høyst { $max } linjer; her er det { $found }
shop-err-control = { $label } kan ikke inneholde tabulatorer eller andre kontrolltegn
shop-err-unknown-country = Landet må være DK, SE, NO eller FI (Kassas markeder), ikke "{ $value }"
shop-err-postcode = Et postnummer i { $country } har { $digits } sifre

# Organisasjonsnumre
shop-number-dk = CVR-nummer
shop-number-no = norsk organisasjonsnummer
shop-number-se = svensk organisasjonsnummer
shop-number-fi = finsk organisasjonsnummer (Y-tunnus)
shop-err-org-empty = Skriv inn et { $number }
shop-err-org-not-a-digit = Et { $number } har bare sifre; "{ $found }" er ikke et siffer
shop-err-org-length = Et { $number } har { $expected } sifre, dette har { $found }
shop-err-org-check-digit = Kontrollsifferet skulle vært { $expected }, ikke { $found }: nummeret ({ $number }) er nok skrevet feil
shop-err-org-no-check-digit = Ingen { $number } begynner med disse sifrene (de gir ikke noe kontrollsiffer): sjekk om nummeret er skrevet feil
shop-err-org-cvr-leading-zero = Et CVR-nummer begynner ikke med 0
shop-err-org-norway-first-digit = Et norsk organisasjonsnummer begynner med 8 eller 9, dette med { $found }
shop-err-org-luhn = Luhn-kontrollsifferet i dette svenske organisasjonsnummeret stemmer ikke: sjekk om nummeret er skrevet feil
shop-err-org-not-swedish-entity = Dette er verken et svensk organisasjonsnummer (tredje siffer er 2 eller mer) eller personnummeret til et enkeltpersonforetak (måned { $month }, dag { $day } er ikke en dato)
shop-err-org-finnish-shape = Et finsk organisasjonsnummer (Y-tunnus) skrives 1234567-8: sju sifre, en bindestrek og kontrollsifferet
shop-err-org-other-country = "{ $found }" er et MVA-nummer fra { $prefix }, ikke fra { $country }

# MVA-tabellen
shop-err-vat-out-of-range = En MVA-sats må ligge mellom 0 % og 50 %; det gjør ikke { $percent }
shop-err-vat-not-a-percentage = "{ $value }" er ikke en prosentsats: skriv den som 25 eller 12,5
shop-err-vat-unknown-code = "{ $value }" er ikke en SAF-T-MVA-kode for salg: bruk 3, 31, 32 eller 33 for en sats, 5, 51, 52 eller 6 for 0 %
shop-err-vat-zero-code-with-rate = SAF-T-kode { $code } gjelder salg uten MVA, så satsen er 0 %, ikke { $percent }
shop-err-vat-rate-code-with-zero = SAF-T-kode { $code } gjelder salg med MVA; en sats på 0 % har kode 5 (nullsats) eller 6 (utenfor MVA-loven)
shop-err-vat-no-name = Gi MVA-satsen et navn, f.eks. Standard eller Mat
shop-err-vat-name-too-long = Navnet på en MVA-sats kan ha høyst 24 tegn; her er det { $found }
shop-err-vat-name-control = Navnet på en MVA-sats kan ikke inneholde kontrolltegn (tabulatorer, linjeskift)
shop-err-vat-duplicate-name = Det finnes allerede en MVA-sats som heter "{ $name }"
shop-err-vat-no-such-rate = Det finnes ingen MVA-sats som heter "{ $name }"
shop-err-vat-removing-default = "{ $name }" er standardsatsen: velg en annen standardsats før du fjerner den
shop-err-vat-empty = En MVA-tabell trenger minst én sats
shop-err-vat-default-missing = Standardsatsen "{ $name }" er ikke i tabellen
shop-err-vat-date-too-early = Kassa kjenner { $country }s MVA-satser fra 1. januar 2025, ikke for { $date }
shop-err-no-default-rate = Velg standardsatsen: den et vanlig beløp selges med
shop-err-several-defaults = Bare én MVA-sats kan være standard; fjern avkrysningen på de andre

# Hurtigvarer
shop-item-number = nummer { $number }
shop-err-item-no-name = Gi hurtigvaren et navn
shop-err-item-name-too-long = Navnet på en hurtigvare kan ha høyst { $max } tegn; her er det { $found }
shop-err-item-duplicate = Det finnes allerede en hurtigvare som heter "{ $name }"
shop-err-too-many-items = En butikk kan ha høyst { $max } hurtigvarer; her er det { $found }
shop-err-item-no-price = Hurtigvaren "{ $item }" har ingen pris: skriv den inn
shop-err-item-bad-price = Prisen på hurtigvaren "{ $item }" er ugyldig: { $error }
shop-err-item-no-rate = Velg MVA-sats for hurtigvaren "{ $item }"
shop-err-item-unknown-rate = Hurtigvaren "{ $item }" selges med MVA-satsen "{ $rate }", som ikke er i MVA-tabellen

# Skriveren, logoen, bredden
shop-err-printer-address = Skriverens adresse må være et vertsnavn eller en IP-adresse, eventuelt med port, f.eks. 10.0.0.5 eller 10.0.0.5:9100, ikke "{ $value }"
shop-err-printer-port = Skriverens port må være et tall fra 1 til 65535, ikke "{ $value }"
shop-err-logo-unreadable = Kan ikke lese logofilen { $path }: { $error }
shop-err-logo-not-an-image = Logoen er ikke et PNG- eller JPEG-bilde. Velg en .png- eller .jpg-fil.
shop-err-logo-too-large = Logofilen er for stor ({ $size } byte; høyst { $max } byte). Velg et mindre bilde.
shop-err-logo-too-many-pixels = Logobildet er for stort ({ $width }×{ $height } piksler; høyst { $max }×{ $max }). Velg et mindre bilde.
shop-err-logo-damaged = Logofilen er skadet og kan ikke leses som et PNG- eller JPEG-bilde: { $error }
shop-err-logo-empty = Logobildet er tomt (det har ingen piksler).
shop-err-logo-bad-raster = Et rasterbilde som er { $width } punkter bredt og { $height } høyt, trenger { $expected } byte, ikke { $actual }.
shop-err-width = Kvitteringsbredden er 32 (58 mm papir), 42 eller 48 (80 mm papir) tegn, ikke "{ $value }"

# Innstillingsfilen ($error: systemets ord)
settings-file-cannot-read = kan ikke lese innstillingsfilen { $path }: { $error }
settings-file-damaged = innstillingsfilen { $path } er skadet ({ $error }); rett eller slett den
settings-file-cannot-save = kan ikke lagre innstillingsfilen { $path }: { $error }

## Innstillinger: butikkens hub (issue 14)

settings-hub = Butikkens hub
settings-hub-hint = Med mer enn én kasse sender hver kasse regnskapet sitt til butikkens hub (en PostgreSQL-server), og Hele butikken legger sammen dagen til alle kassene. Hver kasse selger på egen hånd, enten huben er der eller ikke.
settings-hub-url = Adressen til huben
settings-hub-url-placeholder = postgres://kassa@hub.example:5432/butikk
settings-hub-password = Passordet til huben
settings-hub-password-empty = Bare hvis adressen ikke har et
settings-hub-env = KASSA_HUB_URL er satt, så adressen kommer fra miljøet; endre den der.
settings-hub-connect = Koble til
settings-hub-connecting = Kobler til…
hub-status-none = Ingen hub er satt opp: denne kassen fører regnskapet sitt alene.
hub-status-up-to-date = Alt er sendt
hub-status-behind = { $n ->
    [one] 1 post å sende
   *[other] { $n } poster å sende
}
hub-status-problem-behind = { $problem } ({ $n ->
    [one] 1 post venter
   *[other] { $n } poster venter
})
hub-status-last-ok = sist nådd { $when }
hub-connected = { $n ->
    [0] Koblet til huben på { $hub }. Den har ennå ingen av postene til denne kassen; kassen sender dem fra nå av.
    [one] Koblet til huben på { $hub }. Den har 1 av postene til denne kassen; kassen sender resten fra nå av.
   *[other] Koblet til huben på { $hub }. Den har { $n } av postene til denne kassen; kassen sender resten fra nå av.
}
hub-sale-open = Fullfør eller avbryt det åpne salget først: når huben kobles til, starter kassen på nytt.
hub-err-bad-address = adressen til huben må se ut som postgres://bruker@vert:5432/kassa ({ $why })
hub-err-unreachable = huben på { $hub } kan ikke nås ({ $why }); kassen selger videre og sender regnskapet sitt når huben er tilbake
hub-err-wrong-password = huben på { $hub } avviste passordet til brukeren { $user }: sjekk passordet til huben
hub-err-no-database = huben på { $hub } har ingen database som heter { $database }: opprett den, eller sjekk adressen
hub-err-tls = huben på { $hub } kan ikke stoles på over TLS ({ $why })
hub-err-too-new = huben ble satt opp av en nyere Kassa (hub-skjema { $found }, denne Kassa kjenner { $supported }): oppdater Kassa på denne kassen
hub-err-other-shop = huben har regnskapet til en annen butikk ({ $theirs }, denne kassen er { $ours }): bruk butikkens egen hub
hub-err-gap = huben har postene til denne kassen til og med { $has }, men journalens neste er { $first }: journalen er ikke den huben kjenner som kasse { $till }
hub-err-ahead-of-journal = huben har poster fra kasse { $till } til og med { $has }, flere enn journalens { $head }: journalen er eldre enn hubens kopi (gjenopprettet fra en sikkerhetskopi?)
hub-err-database = huben avviste en forespørsel: { $why }
hub-err-not-set = ingen hub er satt opp: koble til en med `kassa hub connect postgres://…` eller i Innstillinger
hub-err-no-profile = fyll først ut butikkens profil (Innstillinger → Butikk): huben kjenner en butikk på organisasjonsnummeret
hub-err-bad-day = { $day } er ikke en dag: skriv den som ÅÅÅÅ-MM-DD

## Settings → Registers (the terminal API, issue 16)
settings-terminal = Kassaapparater (terminal-API)
settings-terminal-hint = Et kassaapparat butikken allerede har, kan ta bankbetaling gjennom Kassa: det sender betalingene sine til Kassa som til en kortterminal (nexo Terminal API), og koden for hver betaling vises på denne skjermen. Kassaapparatet trenger nøkkelen.
settings-terminal-on = Kassaapparater når Kassa på { $url }
settings-terminal-off = Av: ingen nøkkel er satt.
settings-terminal-env = KASSA_TERMINAL_TOKEN er satt, så nøkkelen kommer fra miljøet; endre den der.
settings-terminal-fingerprint = Sertifikatets fingeravtrykk (for å pare kassaapparatet): { $fingerprint }
settings-terminal-new = Lag en ny nøkkel
settings-terminal-remove = Fjern nøkkelen
settings-terminal-token = Den nye nøkkelen, vises bare nå: gi den til kassaapparatet (Authorization: Bearer). Den gamle virker ikke lenger.
settings-terminal-removed = Nøkkelen er fjernet: Kassa betjener ingen kassaapparater.
settings-terminal-cannot = Kassa kan ikke betjene kassaapparater: { $error }
