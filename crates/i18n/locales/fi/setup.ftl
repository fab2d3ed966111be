# setup.ftl (Finnish): the window's settings, the shop's settings, staff and log-in, training.

## Asetukset: otsikko

settings-sounds = Äänet maksetusta ja hylätystä
settings-language = Kieli
settings-language-label = Ikkunan kieli
settings-language-system = Järjestelmän kieli
settings-language-forced = KASSA_LANG on asetettu, joten Kassa puhuu kieltä "{ $lang }" valinnasta riippumatta.

## Log-in screen

login-screen = Kirjaudu sisään
login-title = Kuka on kassalla?
login-employees = Työntekijät
login-pin-for = PIN-koodi:
login-pin-keypad = PIN-näppäimistö
login-clear = Tyhjennä
login-backspace = Askelpalautin
login-back = Takaisin
login-ok = Kirjaudu

## Settings: Aiia credentials and webhooks

settings-title = Asetukset
settings-back = Takaisin
settings-aiia = Aiia-tunnukset
settings-aiia-hint = Jätä tyhjäksi, niin maksut otetaan Kassan sisäänrakennetussa hiekkalaatikossa.
settings-client-id = Asiakastunnus
settings-client-secret = Asiakassalaisuus
settings-api-url = API-osoite
settings-optional = (valinnainen)
settings-custom-api = Oma API-osoite (testaukseen; rahat voivat mennä muualle)
settings-redirect-url = Sivu maksun jälkeen
settings-redirect-url-placeholder = Kaupan https://-sivu (pakollinen tuotannossa)
settings-webhooks = Webhookit
settings-webhooks-hint = Aiian allekirjoitetut maksutapahtumat näyttävät tuloksen heti; ilman niitä Kassa kyselee tilaa. Tapahtumat lähetetään osoitteeseen
settings-webhook-bind = Kuuntele osoitteessa
settings-webhook-bind-placeholder = Pois · esim. 0.0.0.0:8787
settings-webhook-secret = Allekirjoitussalaisuus

## Settings: the receiving account and currency

settings-account = Vastaanottava tili
settings-connect = Yhdistä pankkitili
settings-connect-wait = Viimeistele selaimessa: valitse tili, jolle maksut tulevat.
settings-connect-stop = Lopeta
settings-connect-link = Jos selain ei avautunut, avaa tämä osoite:
settings-connect-retry = Yritä uudelleen
settings-connect-pick = Valitse tili, jolle maksut tulevat
settings-connect-confirm = Tallenna tämä tili
settings-connect-discard = Peruuta
settings-destination = Vastaanottajan tunnus
settings-destination-placeholder = Yhdistä pankkitili -toiminnosta tai kirjoitettuna
settings-currency = Valuutta
settings-currency-dkk = DKK · Tanskan kruunu
settings-currency-sek = SEK · Ruotsin kruunu
settings-currency-nok = NOK · Norjan kruunu
settings-currency-eur = EUR · Euro

## Settings: the customer display

settings-customer-display = Asiakasnäyttö
settings-customer-display-hint = Mitä asiakas näkee: summan, rivit, skannattavan koodin ja tuloksen omalla kielellään. Muuttuu heti.
settings-customer-display-show = Näytä
settings-customer-display-off = Pois
settings-customer-display-window = Toinen ikkuna (asiakkaaseen päin oleva näyttö)
settings-customer-display-pane = Ruutu tässä ikkunassa (yksi näyttö)

## The manager's PIN dialog

manager-title = Esimiehen PIN-koodi
manager-id = Esimies
manager-cancel = Peruuta
manager-ok = Hyväksy

## Settings: the training bank, the shop and the printer

settings-api-url-placeholder = https://api.aiia.eu
settings-webhooks-url = http://tama-tietokone:PORT/webhooks/aiia
settings-training = Harjoituspankki
settings-training-hint = Ilman tunnuksia Kassa myy sisäänrakennetulla hiekkalaatikkopankilla: harjoitusmyyntejä, ei oikeaa rahaa.
settings-sandbox-lan = Anna tämän verkon puhelinten avata hiekkalaatikkopankki (skannaa koodi oikealla puhelimella)
settings-sandbox-lan-hint = Harjoituspankki näkyy tämän tietokoneen verko-osoitteessa; sen testi- ja hallintasivut pysyvät tällä koneella.
settings-shop = Kauppa
settings-merchant = Kauppias
settings-merchant-hint = (tulostetaan jokaiseen kuittiin)
settings-legal-name = Virallinen nimi
settings-country = Maa
settings-country-choose = Valitse…
settings-country-dk = Tanska
settings-country-no = Norja
settings-country-se = Ruotsi
settings-country-fi = Suomi
settings-org-number = Y-tunnus / ALV-numero
settings-org-number-placeholder = esim. 923609016
settings-vat-registered = ALV-rekisteröity
settings-address = Osoite
settings-address-hint = (1–3 riviä)
settings-postcode = Postinumero
settings-city = Postitoimipaikka
settings-till-name = Kassan nimi
settings-till-name-placeholder = esim. Kassa 1
settings-logo = Logotiedosto
settings-logo-hint = (PNG tai JPEG, valinnainen)
settings-logo-placeholder = /home/kauppa/logo.png
settings-width = Kuitin leveys
settings-width-48 = 80 mm paperi (48 merkkiä)
settings-width-42 = 80 mm paperi (42 merkkiä)
settings-width-32 = 58 mm paperi (32 merkkiä)
settings-footer = Kuitin alateksti
settings-footer-hint = (enintään 4 riviä)
settings-footer-placeholder = Kiitos käynnistä!
settings-vat = ALV-kannat
settings-vat-hint = Yksi näppäin kutakin kantaa kohden. Oletuskantaa käytetään pelkälle summalle.
settings-vat-name = Nimi
settings-vat-percent = Prosentti
settings-vat-default = Oletus
settings-vat-add = Lisää kanta
settings-quick = Pikatuotteet
settings-quick-hint = Oma näppäin näppäimistönäytöllä: yksi painallus lisää tuotteen myyntiin.
settings-quick-name = Nimi
settings-quick-price = Hinta
settings-quick-vat = ALV-kanta
settings-quick-add = Lisää tuote
settings-printer = Kuittitulostin
settings-printer-hint = Verkkoon kytketty lämpötulostin (ESC/POS, 80 mm). Ilman sitä kuitit tulostetaan järjestelmän tulostusikkunan kautta tai tallennetaan PDF:nä.
settings-printer-address = Tulostimen osoite
settings-printer-placeholder = esim. 192.168.1.50 tai 192.168.1.50:9100

## Settings: staff

staff-title = Henkilökunta
staff-hint = Jokainen kirjautuu numerollaan ja PIN-koodillaan (yhden hengen kassalla yksi napautus riittää). Päiväkirjaan merkitään, kuka teki kunkin myynnin, palautuksen ja raportin. Palautukset, Z-raportit, asetukset ja harjoitustila vaativat esimiehen.
staff-employees = Työntekijät
staff-new-id = Numero
staff-new-id-label = Uuden työntekijän numero
staff-new-name = Nimi
staff-new-name-label = Uuden työntekijän nimi
staff-new-role = Rooli
staff-role-cashier = Kassamyyjä
staff-role-manager = Esimies
staff-new-pin = Uuden työntekijän PIN-koodi
staff-add = Lisää
settings-confirm-yes = Kyllä, tallenna
settings-confirm-no = Ei
settings-test = Testaa yhteys
settings-save = Tallenna

## Words the settings, shop and staff code writes

settings-secret-stored = Tallennettu tämän tietokoneen avainnippuun (kirjoita korvataksesi)
settings-secret-empty = Säilytetään tämän tietokoneen avainnipussa, ei koskaan levyllä
settings-webhook-secret-empty = Webhookeillesi Aiiassa asetettu salaisuus
settings-mode-sandbox = Nyt sisäänrakennetussa hiekkalaatikossa
settings-mode-aiia = Nyt Aiiassa osoitteessa { $url }
settings-env = Ympäristön asettama, joka ohittaa tämän näytön: { $names }
settings-destination-id = Vastaanottaja { $id }
settings-destination-none = Tiliä ei ole vielä yhdistetty
settings-testing = Testataan…
settings-saved-sandbox = Tallennettu. Kassa ottaa nyt maksut sisäänrakennetussa hiekkalaatikossa.
settings-saved-aiia = Tallennettu. Kassa ottaa nyt maksut Aiiassa osoitteessa { $url }.
settings-connect-goes-to = Maksut menevät tilille { $name } ({ $id }).
settings-connect-choose = Valitse tili.
settings-connect-discarded = Mitään ei tallennettu; vastaanottava tili on ennallaan.
settings-connected = Yhdistetty: { $name }.
settings-vat-default-rate = Oletuskanta
settings-vat-rate-name = Kannan nimi
settings-vat-rate-name-placeholder = esim. Ruoka
settings-vat-saft = SAF-T-koodi
settings-vat-remove = Poista tämä kanta
settings-quick-item-name = Tuotteen nimi
settings-quick-item-name-placeholder = esim. Kahvi
settings-quick-remove = Poista tämä tuote
manager-why = Esimies voi hyväksyä kohteen { $step } PIN-koodillaan tämän kerran.
manager-step-other = tämä vaihe
manager-step-return = palautus
manager-step-z-report = Z-raportti
manager-step-settings = asetusten muuttaminen
manager-step-training-mode = harjoitustilan kytkeminen päälle tai pois
manager-step-manage-staff = työntekijöiden hallinta
manager-step-export-journal = päiväkirjan vienti
manager-step-mark-transfer-sent = pankkisiirron merkitseminen lähetetyksi
staff-number = Nro { $id }
staff-pin-set = PIN asetettu
staff-no-pin = ei PIN-koodia
staff-turned-off = pois käytöstä
staff-new-pin-placeholder = Uusi PIN
staff-new-pin-for = Uusi PIN-koodi: { $name }
staff-set-pin = Aseta PIN
staff-pin-done = Uusi PIN-koodi asetettu: { $name }.
staff-make-cashier = Tee kassamyyjäksi
staff-make-manager = Tee esimieheksi
staff-now-cashier = { $name } on nyt kassamyyjä.
staff-now-manager = { $name } on nyt esimies.
staff-turn-off = Poista käytöstä
staff-turn-on = Ota käyttöön
staff-now-off = { $name } on poistettu käytöstä.
staff-now-on = { $name } on otettu käyttöön.
staff-added = { $name } lisätty.

## Tallennus ja yhdistäminen
settings-new-could-not-start = Uudet asetukset eivät käynnistyneet: { $error }. Mitään ei tallennettu.
settings-connected-one = Yhdistetty: { $account }
settings-connected-many = { $n ->
    [one] { $n } tili yhdistetty
   *[other] { $n } tiliä yhdistetty
}

## Kysymykset ennen tallennusta
ask-destination-named = Ohjataanko maksut kohteeseen { $name } ({ $id })?
ask-destination-unnamed = Ohjataanko maksut tilille { $id }? Kassalla ei ole sille nimeä: tarkista, että tili on sinun
ask-test-failed = Testi epäonnistui: tallennetaanko silti?
ask-untested = Näitä asetuksia ei ole testattu (paina Testaa yhteys): tallennetaanko silti?

## Defaults. What Kassa fills in by itself: the names of a country's VAT rates, the till's first employee and the training shop of the built-in sandbox. Given in the language spoken when Kassa first fills them, then kept as the shop's data (a later change of language does not rename them).
default-vat-standard = Yleinen verokanta
default-vat-zero-rated = Nollaverokanta
default-vat-exempt = Veroton
default-vat-food = Elintarvikkeet
default-vat-transport-hotel = Kuljetus/majoitus
default-vat-restaurant-hotel = Ravintola/majoitus
default-vat-books-culture = Kirjat/kulttuuri
default-vat-newspapers = Sanomalehdet
default-owner = Omistaja
default-training-legal-name = Kassa harjoituskauppa
default-training-street = Harjoituskatu 1
default-training-city = Harjoituskylä
default-training-till = Harjoituskassa
default-training-footer = Kiitos, että harjoittelet Kassalla
