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
manager-step-shop-report = myymälän kaikkien kassojen raportti
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
## Asetukset → Kauppa: mikä kentässä on vialla (lomake näyttää kunkin kentän kohdalla)

# Kauppiaan tiedot
shop-err-legal-name-missing = Anna yrityksen virallinen nimi sellaisena kuin se on rekisteröity
shop-err-org-number-missing = Anna yritystunnus
shop-err-address-missing = Anna kaupan katuosoite
shop-err-postcode-missing = Anna postinumero
shop-err-city-missing = Anna postitoimipaikka
shop-err-country-missing = Valitse maa: DK, SE, NO tai FI
shop-err-till-name-missing = Anna tälle kassalle nimi, esim. Kassa 1
shop-err-footer-missing = Anna kuitin alateksti
shop-label-legal-name = Virallinen nimi
shop-label-org-number = Yritystunnus
shop-label-address = Osoite
shop-label-postcode = Postinumero
shop-label-city = Postitoimipaikka
shop-label-country = Maa
shop-label-till-name = Kassan nimi
shop-label-footer = Kuitin alateksti
shop-err-too-long = { $label } saa olla enintään { $max } merkkiä; tässä on { $found }
shop-err-line-too-long = { $label }: rivillä { $line } on { $found } merkkiä, mutta kuittiriville mahtuu vain { $max }
shop-err-too-many-lines = { $label } saa olla enintään { $max } riviä; tässä on { $found }
shop-err-control = { $label } ei saa sisältää sarkaimia eikä muita ohjausmerkkejä
shop-err-unknown-country = Maan on oltava DK, SE, NO tai FI (Kassan markkinat), ei "{ $value }"
shop-err-postcode = { $country ->
        [Tanska] Tanskan
        [Norja] Norjan
        [Ruotsi] Ruotsin
        [Suomi] Suomen
       *[other] Maan { $country }
    } postinumerossa on { $digits } numeroa

# Yritystunnukset
shop-number-dk = CVR-numero
shop-number-no = Norjan organisaationumero
shop-number-se = Ruotsin organisaationumero
shop-number-fi = Y-tunnus
shop-err-org-empty = Anna { $number }
shop-err-org-not-a-digit = { $number } sisältää vain numeroita; "{ $found }" ei ole numero
shop-err-org-length = { $number } on { $expected } numeroa pitkä, tämä on { $found }
shop-err-org-check-digit = Tarkistusnumeron pitäisi olla { $expected }, ei { $found }: tarkista, onko { $number } kirjoitettu oikein
shop-err-org-no-check-digit = Mikään { $number } ei ala näillä numeroilla (niistä ei saa tarkistusnumeroa): tarkista, onko se kirjoitettu oikein
shop-err-org-cvr-leading-zero = CVR-numero ei ala nollalla
shop-err-org-norway-first-digit = Norjan organisaationumero alkaa numerolla 8 tai 9, tämä numerolla { $found }
shop-err-org-luhn = Tämän Ruotsin organisaationumeron Luhn-tarkistusnumero ei täsmää: tarkista, onko se kirjoitettu oikein
shop-err-org-not-swedish-entity = Tämä ei ole Ruotsin organisaationumero (sen kolmas numero on 2 tai suurempi) eikä toiminimen henkilötunnus eli personnummer (kuukausi { $month }, päivä { $day } ei ole päivämäärä)
shop-err-org-finnish-shape = Y-tunnus kirjoitetaan muodossa 1234567-8: seitsemän numeroa, yhdysmerkki ja tarkistusnumero
shop-err-org-other-country = "{ $found }" on { $prefix ->
        [Tanska] Tanskan
        [Norja] Norjan
        [Ruotsi] Ruotsin
        [Suomi] Suomen
       *[other] maan { $prefix }
    } ALV-numero, ei { $country ->
        [Tanska] Tanskan
        [Norja] Norjan
        [Ruotsi] Ruotsin
        [Suomi] Suomen
       *[other] maan { $country }
    }

# ALV-taulukko
shop-err-vat-out-of-range = ALV-kannan on oltava 0–50 %; { $percent } ei kelpaa
shop-err-vat-not-a-percentage = "{ $value }" ei ole prosenttiluku: kirjoita se muodossa 25 tai 12,5
shop-err-vat-unknown-code = "{ $value }" ei ole myynnin SAF-T-ALV-koodi: käytä kannalle koodia 3, 31, 32 tai 33 ja 0 %:lle koodia 5, 51, 52 tai 6
shop-err-vat-zero-code-with-rate = SAF-T-koodi { $code } on arvonlisäverottomalle myynnille, joten sen kanta on 0 %, ei { $percent }
shop-err-vat-rate-code-with-zero = SAF-T-koodi { $code } on arvonlisäverolliselle myynnille; 0 %:n kannan koodi on 5 (nollaverokanta) tai 6 (ALV:n ulkopuolella)
shop-err-vat-no-name = Anna ALV-kannalle nimi, esim. Yleinen tai Elintarvikkeet
shop-err-vat-name-too-long = ALV-kannan nimessä saa olla enintään 24 merkkiä; tässä on { $found }
shop-err-vat-name-control = ALV-kannan nimessä ei saa olla ohjausmerkkejä (sarkaimia, rivinvaihtoja)
shop-err-vat-duplicate-name = ALV-kanta nimeltä "{ $name }" on jo olemassa
shop-err-vat-no-such-rate = ALV-kantaa nimeltä "{ $name }" ei ole
shop-err-vat-removing-default = "{ $name }" on oletuskanta: valitse toinen oletuskanta ennen kuin poistat sen
shop-err-vat-empty = ALV-taulukossa on oltava vähintään yksi kanta
shop-err-vat-default-missing = Oletuskantaa "{ $name }" ei ole taulukossa
shop-err-vat-date-too-early = Kassa tuntee { $country ->
        [Tanska] Tanskan
        [Norja] Norjan
        [Ruotsi] Ruotsin
        [Suomi] Suomen
       *[other] maan { $country }
    } ALV-kannat 1.1.2025 alkaen, ei päivälle { $date }
shop-err-no-default-rate = Valitse oletuskanta: se, jolla pelkkä summa myydään
shop-err-several-defaults = Vain yksi ALV-kanta voi olla oletus; poista valinta muista

# Pikatuotteet
shop-item-number = numero { $number }
shop-err-item-no-name = Anna pikatuotteelle nimi
shop-err-item-name-too-long = Pikatuotteen nimessä saa olla enintään { $max } merkkiä; tässä on { $found }
shop-err-item-duplicate = Pikatuote nimeltä "{ $name }" on jo olemassa
shop-err-too-many-items = Kaupassa voi olla enintään { $max } pikatuotetta; tässä on { $found }
shop-err-item-no-price = Pikatuotteella "{ $item }" ei ole hintaa: anna se
shop-err-item-bad-price = Pikatuotteen "{ $item }" hinta ei kelpaa: { $error }
shop-err-item-no-rate = Valitse pikatuotteen "{ $item }" ALV-kanta
shop-err-item-unknown-rate = Pikatuote "{ $item }" myydään ALV-kannalla "{ $rate }", jota ei ole ALV-taulukossa

# Tulostin, logo, leveys
shop-err-printer-address = Tulostimen osoitteen on oltava isäntänimi tai IP-osoite ja valinnainen portti, esim. 10.0.0.5 tai 10.0.0.5:9100, ei "{ $value }"
shop-err-printer-port = Tulostimen portin on oltava luku väliltä 1–65535, ei "{ $value }"
shop-err-logo-unreadable = Logotiedostoa { $path } ei voi lukea: { $error }
shop-err-logo-not-an-image = Logo ei ole PNG- tai JPEG-kuva. Valitse .png- tai .jpg-tiedosto.
shop-err-logo-too-large = Logotiedosto on liian suuri ({ $size } tavua; enintään { $max } tavua). Valitse pienempi kuva.
shop-err-logo-too-many-pixels = Logokuva on liian suuri ({ $width }×{ $height } pikseliä; enintään { $max }×{ $max }). Valitse pienempi kuva.
shop-err-logo-damaged = Logotiedosto on vioittunut, eikä sitä voi lukea PNG- tai JPEG-kuvana: { $error }
shop-err-logo-empty = Logokuva on tyhjä (siinä ei ole pikseleitä).
shop-err-logo-bad-raster = Rasterikuva, jonka leveys on { $width } pistettä ja korkeus { $height }, tarvitsee { $expected } tavua, ei { $actual }.
shop-err-width = Kuitin leveys on 32 (58 mm paperi), 42 tai 48 (80 mm paperi) merkkiä, ei "{ $value }"

# Asetustiedosto ($error: järjestelmän sanat)
settings-file-cannot-read = asetustiedostoa { $path } ei voi lukea: { $error }
settings-file-damaged = asetustiedosto { $path } on vioittunut ({ $error }); korjaa tai poista se
settings-file-cannot-save = asetustiedostoa { $path } ei voi tallentaa: { $error }

## Asetukset: kaupan keskuspalvelin (issue 14)

settings-hub = Kaupan keskuspalvelin
settings-hub-hint = Kun kassoja on useampi, kukin kassa lähettää kirjanpitonsa kaupan keskuspalvelimelle (PostgreSQL-palvelin), ja Koko kauppa laskee yhteen kaikkien kassojen päivän. Jokainen kassa myy itsenäisesti, oli keskuspalvelin tavoitettavissa tai ei.
settings-hub-url = Keskuspalvelimen osoite
settings-hub-url-placeholder = postgres://kassa@palvelin.example:5432/kauppa
settings-hub-password = Keskuspalvelimen salasana
settings-hub-password-empty = Vain jos osoitteessa ei ole salasanaa
settings-hub-env = KASSA_HUB_URL on asetettu, joten osoite tulee ympäristöstä; muuta se siellä.
settings-hub-connect = Yhdistä
settings-hub-connecting = Yhdistetään…
hub-status-none = Keskuspalvelinta ei ole asetettu: tämä kassa pitää kirjanpitonsa yksin.
hub-status-up-to-date = Kaikki lähetetty
hub-status-behind = { $n ->
    [one] 1 tietue lähettämättä
   *[other] { $n } tietuetta lähettämättä
}
hub-status-problem-behind = { $problem } ({ $n ->
    [one] 1 tietue odottaa
   *[other] { $n } tietuetta odottaa
})
hub-status-last-ok = viimeksi tavoitettu { $when }
hub-connected = { $n ->
    [0] Yhdistetty keskuspalvelimeen { $hub }. Sillä ei ole vielä yhtään tämän kassan tietuetta; kassa lähettää ne tästä lähtien.
    [one] Yhdistetty keskuspalvelimeen { $hub }. Sillä on 1 tämän kassan tietue; kassa lähettää loput tästä lähtien.
   *[other] Yhdistetty keskuspalvelimeen { $hub }. Sillä on { $n } tämän kassan tietuetta; kassa lähettää loput tästä lähtien.
}
hub-sale-open = Viimeistele tai peru avoin myynti ensin: keskuspalvelimen yhdistäminen käynnistää kassan uudelleen.
hub-err-bad-address = keskuspalvelimen osoitteen pitää olla muotoa postgres://käyttäjä@palvelin:5432/kassa ({ $why })
hub-err-unreachable = keskuspalvelimeen { $hub } ei saada yhteyttä ({ $why }); kassa myy edelleen ja lähettää kirjanpitonsa, kun palvelin on taas tavoitettavissa
hub-err-wrong-password = keskuspalvelin { $hub } hylkäsi käyttäjän { $user } salasanan: tarkista keskuspalvelimen salasana
hub-err-no-database = keskuspalvelimella { $hub } ei ole tietokantaa { $database }: luo se tai tarkista osoite
hub-err-tls = keskuspalvelimeen { $hub } ei voi luottaa TLS-yhteydellä ({ $why })
hub-err-too-new = keskuspalvelimen on ottanut käyttöön uudempi Kassa (skeema { $found }, tämä Kassa tuntee { $supported }): päivitä Kassa tällä kassalla
hub-err-other-shop = keskuspalvelimella on toisen kaupan kirjanpito ({ $theirs }, tämä kassa on { $ours }): käytä tämän kaupan omaa keskuspalvelinta
hub-err-gap = keskuspalvelimella on tämän kassan tietueet numeroon { $has } asti, mutta päiväkirjan seuraava on { $first }: päiväkirja ei ole se, jonka keskuspalvelin tuntee kassana { $till }
hub-err-ahead-of-journal = keskuspalvelimella on kassan { $till } tietueet numeroon { $has } asti, enemmän kuin päiväkirjassa ({ $head }): päiväkirja on vanhempi kuin keskuspalvelimen kopio (palautettu varmuuskopiosta?)
hub-err-database = keskuspalvelin hylkäsi pyynnön: { $why }
hub-err-not-set = keskuspalvelinta ei ole asetettu: yhdistä se komennolla `kassa hub connect postgres://…` tai Asetuksissa
hub-err-no-profile = täytä ensin kaupan profiili (Asetukset → Kauppa): keskuspalvelin tunnistaa kaupan sen Y-tunnuksesta
hub-err-bad-day = { $day } ei ole päivä: kirjoita se muodossa VVVV-KK-PP

## Settings → Registers (the terminal API, issue 16)
settings-terminal = Kassajärjestelmät (pääte-API)
settings-terminal-hint = Kaupan nykyinen kassajärjestelmä voi ottaa pankkimaksuja Kassan kautta: se lähettää maksunsa Kassalle kuin korttipäätteelle (nexo Terminal API), ja kunkin maksun koodi näkyy tällä näytöllä. Kassajärjestelmä tarvitsee avaimen.
settings-terminal-on = Kassajärjestelmät tavoittavat Kassan osoitteessa { $url }
settings-terminal-off = Pois päältä: avainta ei ole asetettu.
settings-terminal-env = KASSA_TERMINAL_TOKEN on asetettu, joten avain tulee ympäristöstä; muuta se siellä.
settings-terminal-fingerprint = Varmenteen sormenjälki (kassajärjestelmän yhdistämiseen): { $fingerprint }
settings-terminal-new = Tee uusi avain
settings-terminal-remove = Poista avain
settings-terminal-token = Uusi avain näytetään vain nyt: anna se kassajärjestelmälle (Authorization: Bearer). Vanha ei enää toimi.
settings-terminal-removed = Avain poistettiin: Kassa ei palvele kassajärjestelmiä.
settings-terminal-cannot = Kassa ei voi palvella kassajärjestelmiä: { $error }
