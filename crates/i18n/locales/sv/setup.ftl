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
manager-step-shop-report = butikens rapport över alla kassor
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
## Inställningar → Butik: vad som är fel i ett fält (formuläret visar varje vid sitt fält)

# Företagets uppgifter
shop-err-legal-name-missing = Ange företagets juridiska namn, så som det är registrerat
shop-err-org-number-missing = Ange organisationsnumret
shop-err-address-missing = Ange butikens gatuadress
shop-err-postcode-missing = Ange postnumret
shop-err-city-missing = Ange orten
shop-err-country-missing = Välj land: DK, SE, NO eller FI
shop-err-till-name-missing = Ge kassan ett namn, t.ex. Kassa 1
shop-err-footer-missing = Ange en sidfot för kvittot
shop-label-legal-name = Det juridiska namnet
shop-label-org-number = Organisationsnumret
shop-label-address = Adressen
shop-label-postcode = Postnumret
shop-label-city = Orten
shop-label-country = Landet
shop-label-till-name = Kassans namn
shop-label-footer = Kvittots sidfot
shop-err-too-long = { $label } får ha högst { $max } tecken; här är det { $found }
shop-err-line-too-long = { $label }: rad { $line } har { $found } tecken, men en kvittorad har bara plats för { $max }
shop-err-too-many-lines = { $label } får ha högst { $max } rader; här är det { $found }
shop-err-control = { $label } får inte innehålla tabbar eller andra styrtecken
shop-err-unknown-country = Landet måste vara DK, SE, NO eller FI (Kassas marknader), inte "{ $value }"
shop-err-postcode = Ett postnummer i { $country } har { $digits } siffror

# Organisationsnummer
shop-number-dk = CVR-nummer
shop-number-no = norskt organisationsnummer
shop-number-se = svenskt organisationsnummer
shop-number-fi = finskt FO-nummer (Y-tunnus)
shop-err-org-empty = Ange ett { $number }
shop-err-org-not-a-digit = Ett { $number } har bara siffror; "{ $found }" är ingen siffra
shop-err-org-length = Ett { $number } har { $expected } siffror, det här har { $found }
shop-err-org-check-digit = Kontrollsiffran borde vara { $expected }, inte { $found }: numret ({ $number }) är troligen felskrivet
shop-err-org-no-check-digit = Inget { $number } börjar med de här siffrorna (de ger ingen kontrollsiffra): kontrollera om numret är felskrivet
shop-err-org-cvr-leading-zero = Ett CVR-nummer börjar inte med 0
shop-err-org-norway-first-digit = Ett norskt organisationsnummer börjar med 8 eller 9, det här med { $found }
shop-err-org-luhn = Luhn-kontrollsiffran i det här svenska organisationsnumret stämmer inte: kontrollera om numret är felskrivet
shop-err-org-not-swedish-entity = Det här är varken ett svenskt organisationsnummer (tredje siffran är 2 eller mer) eller en enskild näringsidkares personnummer (månad { $month }, dag { $day } är inget datum)
shop-err-org-finnish-shape = Ett finskt FO-nummer skrivs 1234567-8: sju siffror, ett bindestreck och kontrollsiffran
shop-err-org-other-country = "{ $found }" är ett momsregistreringsnummer från { $prefix }, inte från { $country }

# Momstabellen
shop-err-vat-out-of-range = En momssats måste ligga mellan 0 % och 50 %; det gör inte { $percent }
shop-err-vat-not-a-percentage = "{ $value }" är ingen procentsats: skriv den som 25 eller 12,5
shop-err-vat-unknown-code = "{ $value }" är ingen SAF-T-momskod för försäljning: använd 3, 31, 32 eller 33 för en sats, 5, 51, 52 eller 6 för 0 %
shop-err-vat-zero-code-with-rate = SAF-T-kod { $code } gäller försäljning utan moms, så satsen är 0 %, inte { $percent }
shop-err-vat-rate-code-with-zero = SAF-T-kod { $code } gäller försäljning med moms; en sats på 0 % har kod 5 (nollskattad) eller 6 (utanför momsen)
shop-err-vat-no-name = Ge momssatsen ett namn, t.ex. Standard eller Livsmedel
shop-err-vat-name-too-long = En momssats namn får ha högst 24 tecken; här är det { $found }
shop-err-vat-name-control = En momssats namn får inte innehålla styrtecken (tabbar, radbrytningar)
shop-err-vat-duplicate-name = Det finns redan en momssats som heter "{ $name }"
shop-err-vat-no-such-rate = Det finns ingen momssats som heter "{ $name }"
shop-err-vat-removing-default = "{ $name }" är standardsatsen: välj en annan standardsats innan du tar bort den
shop-err-vat-empty = En momstabell behöver minst en sats
shop-err-vat-default-missing = Standardsatsen "{ $name }" finns inte i tabellen
shop-err-vat-date-too-early = Kassa känner till { $country }s momssatser från och med 1 januari 2025, inte för { $date }
shop-err-no-default-rate = Välj standardsatsen: den som ett vanligt belopp säljs med
shop-err-several-defaults = Bara en momssats kan vara standard; avmarkera de andra

# Snabbvaror
shop-item-number = nummer { $number }
shop-err-item-no-name = Ge snabbvaran ett namn
shop-err-item-name-too-long = En snabbvaras namn får ha högst { $max } tecken; här är det { $found }
shop-err-item-duplicate = Det finns redan en snabbvara som heter "{ $name }"
shop-err-too-many-items = En butik kan ha högst { $max } snabbvaror; här är det { $found }
shop-err-item-no-price = Snabbvaran "{ $item }" har inget pris: ange det
shop-err-item-bad-price = Priset på snabbvaran "{ $item }" är ogiltigt: { $error }
shop-err-item-no-rate = Välj momssats för snabbvaran "{ $item }"
shop-err-item-unknown-rate = Snabbvaran "{ $item }" säljs med momssatsen "{ $rate }", som inte finns i momstabellen

# Skrivaren, logotypen, bredden
shop-err-printer-address = Skrivarens adress måste vara ett värdnamn eller en IP-adress, eventuellt med port, t.ex. 10.0.0.5 eller 10.0.0.5:9100, inte "{ $value }"
shop-err-printer-port = Skrivarens port måste vara ett tal från 1 till 65535, inte "{ $value }"
shop-err-logo-unreadable = Logotypfilen { $path } kan inte läsas: { $error }
shop-err-logo-not-an-image = Logotypen är ingen PNG- eller JPEG-bild. Välj en .png- eller .jpg-fil.
shop-err-logo-too-large = Logotypfilen är för stor ({ $size } byte; högst { $max } byte). Välj en mindre bild.
shop-err-logo-too-many-pixels = Logotypen är för stor ({ $width }×{ $height } pixlar; högst { $max }×{ $max }). Välj en mindre bild.
shop-err-logo-damaged = Logotypfilen är skadad och kan inte läsas som en PNG- eller JPEG-bild: { $error }
shop-err-logo-empty = Logotypen är tom (den har inga pixlar).
shop-err-logo-bad-raster = En rasterbild som är { $width } punkter bred och { $height } hög behöver { $expected } byte, inte { $actual }.
shop-err-width = Kvittobredden är 32 (58 mm papper), 42 eller 48 (80 mm papper) tecken, inte "{ $value }"

# Inställningsfilen ($error: systemets ord)
settings-file-cannot-read = inställningsfilen { $path } kan inte läsas: { $error }
settings-file-damaged = inställningsfilen { $path } är skadad ({ $error }); rätta eller radera den
settings-file-cannot-save = inställningsfilen { $path } kan inte sparas: { $error }

## Inställningar: butikens hubb (issue 14)

settings-hub = Butikens hubb
settings-hub-hint = Med fler än en kassa skickar varje kassa sin bokföring till butikens hubb (en PostgreSQL-server), och Hela butiken lägger ihop alla kassors dag. Varje kassa säljer på egen hand, oavsett om hubben finns där eller inte.
settings-hub-url = Hubbens adress
settings-hub-url-placeholder = postgres://kassa@hubb.example:5432/butik
settings-hub-password = Hubbens lösenord
settings-hub-password-empty = Bara om adressen saknar ett
settings-hub-env = KASSA_HUB_URL är satt, så adressen kommer från miljön; ändra den där.
settings-hub-connect = Anslut
settings-hub-connecting = Ansluter…
hub-status-none = Ingen hubb är inställd: den här kassan sköter sin bokföring själv.
hub-status-up-to-date = Allt är skickat
hub-status-behind = { $n ->
    [one] 1 post att skicka
   *[other] { $n } poster att skicka
}
hub-status-problem-behind = { $problem } ({ $n ->
    [one] 1 post väntar
   *[other] { $n } poster väntar
})
hub-status-last-ok = senast nådd { $when }
hub-connected = { $n ->
    [0] Ansluten till hubben på { $hub }. Den har ännu inga av den här kassans poster; kassan skickar dem från och med nu.
    [one] Ansluten till hubben på { $hub }. Den har 1 av den här kassans poster; kassan skickar resten från och med nu.
   *[other] Ansluten till hubben på { $hub }. Den har { $n } av den här kassans poster; kassan skickar resten från och med nu.
}
hub-sale-open = Avsluta eller avbryt den öppna försäljningen först: när hubben ansluts startar kassan om.
hub-err-bad-address = hubbens adress ska se ut som postgres://användare@värd:5432/kassa ({ $why })
hub-err-unreachable = hubben på { $hub } går inte att nå ({ $why }); kassan säljer vidare och skickar sin bokföring när hubben är tillbaka
hub-err-wrong-password = hubben på { $hub } godtog inte lösenordet för användaren { $user }: kontrollera hubbens lösenord
hub-err-no-database = hubben på { $hub } har ingen databas som heter { $database }: skapa den, eller kontrollera adressen
hub-err-tls = hubben på { $hub } går inte att lita på över TLS ({ $why })
hub-err-too-new = hubben sattes upp av en nyare Kassa (hubbschema { $found }, den här Kassa känner till { $supported }): uppdatera Kassa på den här kassan
hub-err-other-shop = hubben har en annan butiks bokföring ({ $theirs }, den här kassan är { $ours }): använd butikens egen hubb
hub-err-gap = hubben har den här kassans poster till och med { $has }, men journalens nästa är { $first }: journalen är inte den som hubben känner som kassa { $till }
hub-err-ahead-of-journal = hubben har poster från kassa { $till } till och med { $has }, fler än journalens { $head }: journalen är äldre än hubbens kopia (återställd från en säkerhetskopia?)
hub-err-database = hubben avvisade en begäran: { $why }
hub-err-not-set = ingen hubb är inställd: anslut en med `kassa hub connect postgres://…` eller i Inställningar
hub-err-no-profile = fyll först i butikens profil (Inställningar → Butik): hubben känner igen en butik på dess organisationsnummer
hub-err-bad-day = { $day } är ingen dag: skriv den som ÅÅÅÅ-MM-DD

## Settings → Registers (the terminal API, issue 16)
settings-terminal = Kassaregister (terminal-API)
settings-terminal-hint = Ett kassaregister som butiken redan har kan ta bankbetalning genom Kassa: det skickar sina betalningar till Kassa som till en kortterminal (nexo Terminal API), och varje betalnings kod visas på den här skärmen. Kassaregistret behöver nyckeln.
settings-terminal-on = Kassaregister når Kassa på { $url }
settings-terminal-off = Av: ingen nyckel är satt.
settings-terminal-env = KASSA_TERMINAL_TOKEN är satt, så nyckeln kommer från miljön; ändra den där.
settings-terminal-fingerprint = Certifikatets fingeravtryck (för att para ihop kassaregistret): { $fingerprint }
settings-terminal-new = Skapa en ny nyckel
settings-terminal-remove = Ta bort nyckeln
settings-terminal-token = Den nya nyckeln, visas bara nu: ge den till kassaregistret (Authorization: Bearer). Den gamla fungerar inte längre.
settings-terminal-removed = Nyckeln är borttagen: Kassa betjänar inga kassaregister.
settings-terminal-cannot = Kassa kan inte betjäna kassaregister: { $error }
