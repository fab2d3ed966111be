# setup.ftl (Danish): the window's settings, the shop's settings, staff and log-in, training.

## Indstillinger: overskriften

settings-sounds = Lyd ved betalt og afvist
settings-language = Sprog
settings-language-label = Vinduets sprog
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

## Settings: the training bank, the shop and the printer

settings-api-url-placeholder = https://api.aiia.eu
settings-webhooks-url = http://denne-computer:PORT/webhooks/aiia
settings-training = Træningsbank
settings-training-hint = Uden adgangsoplysninger sælger Kassa via sin indbyggede Sandkassebank: træningssalg, ingen rigtige penge.
settings-sandbox-lan = Lad telefoner på dette netværk åbne Sandkassebanken (scan koden med en rigtig telefon)
settings-sandbox-lan-hint = Træningsbanken vises på denne computers netværksadresse; dens test- og administrationssider bliver på denne computer.
settings-shop = Butik
settings-merchant = Forretning
settings-merchant-hint = (trykkes på hver bon)
settings-legal-name = Juridisk navn
settings-country = Land
settings-country-choose = Vælg…
settings-country-dk = Danmark
settings-country-no = Norge
settings-country-se = Sverige
settings-country-fi = Finland
settings-org-number = CVR- / momsnummer
settings-org-number-placeholder = f.eks. 923609016
settings-vat-registered = Momsregistreret
settings-address = Adresse
settings-address-hint = (1 til 3 linjer)
settings-postcode = Postnummer
settings-city = By
settings-till-name = Kassens navn
settings-till-name-placeholder = f.eks. Kasse 1
settings-logo = Logofil
settings-logo-hint = (PNG eller JPEG, valgfrit)
settings-logo-placeholder = /home/butik/logo.png
settings-width = Bonbredde
settings-width-48 = 80 mm papir (48 tegn)
settings-width-42 = 80 mm papir (42 tegn)
settings-width-32 = 58 mm papir (32 tegn)
settings-footer = Bonens bundtekst
settings-footer-hint = (op til 4 linjer)
settings-footer-placeholder = Tak for besøget!
settings-vat = Momssatser
settings-vat-hint = Én tast pr. sats på tastaturet. Standardsatsen bruges til et beløb uden vare.
settings-vat-name = Navn
settings-vat-percent = Procent
settings-vat-default = Standard
settings-vat-add = Tilføj en sats
settings-quick = Hurtigvarer
settings-quick-hint = En tast hver på tastaturskærmen: ét tryk lægger varen i salget.
settings-quick-name = Navn
settings-quick-price = Pris
settings-quick-vat = Momssats
settings-quick-add = Tilføj en vare
settings-printer = Bonprinter
settings-printer-hint = En termoprinter på netværket (ESC/POS, 80 mm). Uden en udskrives bonner via systemets udskriftsdialog eller gemmes som PDF.
settings-printer-address = Printerens adresse
settings-printer-placeholder = f.eks. 192.168.1.50 eller 192.168.1.50:9100

## Settings: staff

staff-title = Personale
staff-hint = Alle logger ind med deres nummer og PIN (en kasse med én person logger ind med ét tryk). Journalen viser, hvem der lavede hvert salg, hver returnering og hver rapport. Returneringer, Z-rapporter, indstillinger og træningstilstand kræver en leder.
staff-employees = Medarbejdere
staff-new-id = Nummer
staff-new-id-label = Ny medarbejders nummer
staff-new-name = Navn
staff-new-name-label = Ny medarbejders navn
staff-new-role = Rolle
staff-role-cashier = Kasseassistent
staff-role-manager = Leder
staff-new-pin = Ny medarbejders PIN
staff-add = Tilføj
settings-confirm-yes = Ja, gem
settings-confirm-no = Nej
settings-test = Test forbindelsen
settings-save = Gem

## Words the settings, shop and staff code writes

settings-secret-stored = Gemt i denne computers nøglering (skriv for at erstatte)
settings-secret-empty = Gemmes i denne computers nøglering, aldrig på disken
settings-webhook-secret-empty = Hemmeligheden, der er sat for dine webhooks hos Aiia
settings-mode-sandbox = Nu i den indbyggede sandkasse
settings-mode-aiia = Nu på Aiia på { $url }
settings-env = Sat af miljøet, som går forud for denne skærm: { $names }
settings-destination-id = Modtager { $id }
settings-destination-none = Ingen konto tilknyttet endnu
settings-testing = Tester…
settings-saved-sandbox = Gemt. Kassa tager nu betalinger i den indbyggede sandkasse.
settings-saved-aiia = Gemt. Kassa tager nu betalinger på Aiia på { $url }.
settings-connect-goes-to = Betalingerne går til { $name } ({ $id }).
settings-connect-choose = Vælg en konto.
settings-connect-discarded = Intet blev gemt; den modtagende konto er uændret.
settings-connected = Tilknyttet: { $name }.
settings-vat-default-rate = Standardsats
settings-vat-rate-name = Satsens navn
settings-vat-rate-name-placeholder = f.eks. Mad
settings-vat-saft = SAF-T-kode
settings-vat-remove = Fjern denne sats
settings-quick-item-name = Varens navn
settings-quick-item-name-placeholder = f.eks. Kaffe
settings-quick-remove = Fjern denne vare
manager-why = En leder kan godkende { $step } med sin PIN, denne ene gang.
manager-step-other = dette trin
manager-step-return = en returnering
manager-step-z-report = Z-rapporten
manager-step-settings = ændring af indstillingerne
manager-step-training-mode = at slå træningstilstand til eller fra
manager-step-manage-staff = administration af medarbejdere
manager-step-export-journal = eksport af journalen
manager-step-mark-transfer-sent = markering af en bankoverførsel som sendt
manager-step-shop-report = butikkens rapport over alle kasser
staff-number = Nr. { $id }
staff-pin-set = PIN sat
staff-no-pin = ingen PIN
staff-turned-off = slået fra
staff-new-pin-placeholder = Ny PIN
staff-new-pin-for = Ny PIN til { $name }
staff-set-pin = Sæt PIN
staff-pin-done = Ny PIN sat for { $name }.
staff-make-cashier = Gør til kasseassistent
staff-make-manager = Gør til leder
staff-now-cashier = { $name } er nu kasseassistent.
staff-now-manager = { $name } er nu leder.
staff-turn-off = Slå fra
staff-turn-on = Slå til
staff-now-off = { $name } er slået fra.
staff-now-on = { $name } er slået til.
staff-added = { $name } er tilføjet.

## Gem og tilknyt
settings-new-could-not-start = De nye indstillinger kunne ikke starte: { $error }. Intet blev gemt.
settings-connected-one = Tilknyttet: { $account }
settings-connected-many = { $n ->
    [one] { $n } konto tilknyttet
   *[other] { $n } konti tilknyttet
}

## Spørgsmål før der gemmes
ask-destination-named = Send betalingerne til { $name } ({ $id })?
ask-destination-unnamed = Send betalingerne til konto { $id }? Kassa har intet navn på den: tjek, at den er din
ask-test-failed = Testen mislykkedes: gem alligevel?
ask-untested = Disse indstillinger er ikke testet (tryk på Test forbindelsen): gem alligevel?

## Defaults. What Kassa fills in by itself: the names of a country's VAT rates, the till's first employee and the training shop of the built-in sandbox. Given in the language spoken when Kassa first fills them, then kept as the shop's data (a later change of language does not rename them).
default-vat-standard = Standardmoms
default-vat-zero-rated = Nulmoms
default-vat-exempt = Momsfri
default-vat-food = Fødevarer
default-vat-transport-hotel = Transport/hotel
default-vat-restaurant-hotel = Restaurant/hotel
default-vat-books-culture = Bøger/kultur
default-vat-newspapers = Aviser
default-owner = Ejer
default-training-legal-name = Kassa træningsbutik
default-training-street = Træningsvej 1
default-training-city = Træningsby
default-training-till = Træningskasse
default-training-footer = Tak fordi du øver dig med Kassa
## Indstillinger → Butik: hvad der er galt med et felt (formularen viser hver ved sit felt)

# Forretningens oplysninger
shop-err-legal-name-missing = Indtast virksomhedens juridiske navn, som det er registreret
shop-err-org-number-missing = Indtast CVR- eller organisationsnummeret
shop-err-address-missing = Indtast butikkens adresse
shop-err-postcode-missing = Indtast postnummeret
shop-err-city-missing = Indtast byen
shop-err-country-missing = Vælg landet: DK, SE, NO eller FI
shop-err-till-name-missing = Giv kassen et navn, f.eks. Kasse 1
shop-err-footer-missing = Indtast en bundtekst til bonen
shop-label-legal-name = Det juridiske navn
shop-label-org-number = Organisationsnummeret
shop-label-address = Adressen
shop-label-postcode = Postnummeret
shop-label-city = Byen
shop-label-country = Landet
shop-label-till-name = Kassens navn
shop-label-footer = Bonens bundtekst
shop-err-too-long = { $label } må højst have { $max } tegn; her er der { $found }
shop-err-line-too-long = { $label }: linje { $line } har { $found } tegn, men der er kun plads til { $max } på en bonlinje
shop-err-too-many-lines = { $label } må højst have { $max } linjer; her er der { $found }
shop-err-control = { $label } må ikke indeholde tabulatorer eller andre kontroltegn
shop-err-unknown-country = Landet skal være DK, SE, NO eller FI (Kassas markeder), ikke "{ $value }"
shop-err-postcode = Et postnummer i { $country } har { $digits } cifre

# Organisationsnumre
shop-number-dk = CVR-nummer
shop-number-no = norsk organisationsnummer
shop-number-se = svensk organisationsnummer
shop-number-fi = finsk virksomhedsnummer (Y-tunnus)
shop-err-org-empty = Indtast et { $number }
shop-err-org-not-a-digit = Et { $number } består kun af cifre; "{ $found }" er ikke et ciffer
shop-err-org-length = Et { $number } har { $expected } cifre, dette har { $found }
shop-err-org-check-digit = Kontrolcifferet skulle være { $expected }, ikke { $found }: nummeret ({ $number }) er nok tastet forkert
shop-err-org-no-check-digit = Intet { $number } begynder med disse cifre (de giver intet kontrolciffer): tjek, om nummeret er tastet forkert
shop-err-org-cvr-leading-zero = Et CVR-nummer begynder ikke med 0
shop-err-org-norway-first-digit = Et norsk organisationsnummer begynder med 8 eller 9, dette med { $found }
shop-err-org-luhn = Luhn-kontrolcifferet i dette svenske organisationsnummer passer ikke: tjek, om nummeret er tastet forkert
shop-err-org-not-swedish-entity = Dette er hverken et svensk organisationsnummer (tredje ciffer er 2 eller mere) eller en enkeltmandsvirksomheds personnummer (måned { $month }, dag { $day } er ikke en dato)
shop-err-org-finnish-shape = Et finsk virksomhedsnummer skrives 1234567-8: syv cifre, en bindestreg og kontrolcifferet
shop-err-org-other-country = "{ $found }" er et momsnummer fra { $prefix }, ikke fra { $country }

# Momstabellen
shop-err-vat-out-of-range = En momssats skal ligge mellem 0 % og 50 %; det gør { $percent } ikke
shop-err-vat-not-a-percentage = "{ $value }" er ikke en procentsats: skriv den som 25 eller 12,5
shop-err-vat-unknown-code = "{ $value }" er ikke en SAF-T-momskode for salg: brug 3, 31, 32 eller 33 for en sats, 5, 51, 52 eller 6 for 0 %
shop-err-vat-zero-code-with-rate = SAF-T-kode { $code } er til salg uden moms, så satsen er 0 %, ikke { $percent }
shop-err-vat-rate-code-with-zero = SAF-T-kode { $code } er til salg med moms; en sats på 0 % har kode 5 (nulsats) eller 6 (uden for momsen)
shop-err-vat-no-name = Giv momssatsen et navn, f.eks. Standard eller Mad
shop-err-vat-name-too-long = En momssats' navn må højst have 24 tegn; her er der { $found }
shop-err-vat-name-control = En momssats' navn må ikke indeholde kontroltegn (tabulatorer, linjeskift)
shop-err-vat-duplicate-name = Der er allerede en momssats, der hedder "{ $name }"
shop-err-vat-no-such-rate = Der er ingen momssats, der hedder "{ $name }"
shop-err-vat-removing-default = "{ $name }" er standardsatsen: vælg en anden standardsats, før du fjerner den
shop-err-vat-empty = En momstabel skal have mindst én sats
shop-err-vat-default-missing = Standardsatsen "{ $name }" er ikke i tabellen
shop-err-vat-date-too-early = Kassa kender { $country }s momssatser fra 1. januar 2025, ikke for { $date }
shop-err-no-default-rate = Vælg standardsatsen: den, et beløb uden vare sælges til
shop-err-several-defaults = Kun én momssats kan være standard; fjern fluebenet ved de andre

# Hurtigvarer
shop-item-number = nummer { $number }
shop-err-item-no-name = Giv hurtigvaren et navn
shop-err-item-name-too-long = En hurtigvares navn må højst have { $max } tegn; her er der { $found }
shop-err-item-duplicate = Der er allerede en hurtigvare, der hedder "{ $name }"
shop-err-too-many-items = En butik kan højst have { $max } hurtigvarer; her er der { $found }
shop-err-item-no-price = Hurtigvaren "{ $item }" har ingen pris: indtast den
shop-err-item-bad-price = Prisen på hurtigvaren "{ $item }" er ugyldig: { $error }
shop-err-item-no-rate = Vælg momssatsen for hurtigvaren "{ $item }"
shop-err-item-unknown-rate = Hurtigvaren "{ $item }" sælges med momssatsen "{ $rate }", som ikke er i momstabellen

# Printeren, logoet, bredden
shop-err-printer-address = Printerens adresse skal være et værtsnavn eller en IP-adresse, evt. med port, f.eks. 10.0.0.5 eller 10.0.0.5:9100, ikke "{ $value }"
shop-err-printer-port = Printerens port skal være et tal fra 1 til 65535, ikke "{ $value }"
shop-err-logo-unreadable = Logofilen { $path } kan ikke læses: { $error }
shop-err-logo-not-an-image = Logoet er ikke et PNG- eller JPEG-billede. Vælg en .png- eller .jpg-fil.
shop-err-logo-too-large = Logofilen er for stor ({ $size } byte; højst { $max } byte). Vælg et mindre billede.
shop-err-logo-too-many-pixels = Logobilledet er for stort ({ $width }×{ $height } pixels; højst { $max }×{ $max }). Vælg et mindre billede.
shop-err-logo-damaged = Logofilen er beskadiget og kan ikke læses som et PNG- eller JPEG-billede: { $error }
shop-err-logo-empty = Logobilledet er tomt (det har ingen pixels).
shop-err-logo-bad-raster = Et rasterbillede på { $width } punkter i bredden og { $height } i højden skal fylde { $expected } byte, ikke { $actual }.
shop-err-width = Bonbredden er 32 (58 mm papir), 42 eller 48 (80 mm papir) tegn, ikke "{ $value }"

# Indstillingsfilen ($error: systemets ord)
settings-file-cannot-read = indstillingsfilen { $path } kan ikke læses: { $error }
settings-file-damaged = indstillingsfilen { $path } er beskadiget ({ $error }); ret eller slet den
settings-file-cannot-save = indstillingsfilen { $path } kan ikke gemmes: { $error }

## Indstillinger: butikkens hub (issue 14)

settings-hub = Butikkens hub
settings-hub-hint = Med flere kasser sender hver kasse sit regnskab til butikkens hub (en PostgreSQL-server), og Hele butikken lægger alle kassernes dag sammen. Hver kasse sælger selv, uanset om hubben er der eller ej.
settings-hub-url = Hubbens adresse
settings-hub-url-placeholder = postgres://kassa@hub.example:5432/butik
settings-hub-password = Hubbens adgangskode
settings-hub-password-empty = Kun hvis adressen ikke har en
settings-hub-env = KASSA_HUB_URL er sat, så adressen kommer fra miljøet; ret den der.
settings-hub-connect = Forbind
settings-hub-connecting = Forbinder…
hub-status-none = Der er ingen hub: denne kasse fører sit regnskab alene.
hub-status-up-to-date = Alt er sendt
hub-status-behind = { $n ->
    [one] 1 post at sende
   *[other] { $n } poster at sende
}
hub-status-problem-behind = { $problem } ({ $n ->
    [one] 1 post venter
   *[other] { $n } poster venter
})
hub-status-last-ok = sidst nået { $when }
hub-connected = { $n ->
    [0] Forbundet til hubben på { $hub }. Den har endnu ingen af denne kasses poster; kassen sender dem fra nu af.
    [one] Forbundet til hubben på { $hub }. Den har 1 af denne kasses poster; kassen sender resten fra nu af.
   *[other] Forbundet til hubben på { $hub }. Den har { $n } af denne kasses poster; kassen sender resten fra nu af.
}
hub-sale-open = Afslut eller annullér det åbne salg først: når hubben forbindes, starter kassen forfra.
hub-err-bad-address = hubbens adresse skal se ud som postgres://bruger@vært:5432/kassa ({ $why })
hub-err-unreachable = hubben på { $hub } kan ikke nås ({ $why }); kassen sælger videre og sender sit regnskab, når hubben er tilbage
hub-err-wrong-password = hubben på { $hub } afviste adgangskoden for brugeren { $user }: tjek hubbens adgangskode
hub-err-no-database = hubben på { $hub } har ingen database ved navn { $database }: opret den, eller tjek adressen
hub-err-tls = hubben på { $hub } kan ikke stoles på over TLS ({ $why })
hub-err-too-new = hubben er sat op af en nyere Kassa (hub-skema { $found }, denne Kassa kender { $supported }): opdatér Kassa på denne kasse
hub-err-other-shop = hubben har en anden butiks regnskab ({ $theirs }, denne kasse er { $ours }): brug butikkens egen hub
hub-err-gap = hubben har denne kasses poster til og med { $has }, men journalens næste er { $first }: journalen er ikke den, hubben kender som kasse { $till }
hub-err-ahead-of-journal = hubben har poster fra kasse { $till } til og med { $has }, flere end journalens { $head }: journalen er ældre end hubbens kopi (gendannet fra en sikkerhedskopi?)
hub-err-database = hubben afviste en forespørgsel: { $why }
hub-err-not-set = der er ikke sat nogen hub op: forbind en med `kassa hub connect postgres://…` eller i Indstillinger
hub-err-no-profile = udfyld først butikkens profil (Indstillinger → Butik): hubben kender en butik på dens CVR-nummer
hub-err-bad-day = { $day } er ikke en dag: skriv den som ÅÅÅÅ-MM-DD

## Settings → Registers (the terminal API, issue 16)
settings-terminal = Kasseapparater (terminal-API)
settings-terminal-hint = Et kasseapparat, butikken allerede har, kan tage bankbetaling gennem Kassa: det sender sine betalinger til Kassa som til en kortterminal (nexo Terminal API), og hver betalings kode vises på denne skærm. Kasseapparatet skal have nøglen.
settings-terminal-on = Kasseapparater når Kassa på { $url }
settings-terminal-off = Slået fra: der er ingen nøgle.
settings-terminal-env = KASSA_TERMINAL_TOKEN er sat, så nøglen kommer fra miljøet; ret den dér.
settings-terminal-fingerprint = Certifikatets fingeraftryk (til at parre kasseapparatet): { $fingerprint }
settings-terminal-new = Lav en ny nøgle
settings-terminal-remove = Fjern nøglen
settings-terminal-token = Den nye nøgle, vist kun nu: giv den til kasseapparatet (Authorization: Bearer). Den gamle virker ikke længere.
settings-terminal-removed = Nøglen er fjernet: Kassa betjener ingen kasseapparater.
settings-terminal-cannot = Kassa kan ikke betjene kasseapparater: { $error }
