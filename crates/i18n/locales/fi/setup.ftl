# setup.ftl (Finnish): the window's settings, the shop's settings, staff and log-in, training.

## Asetukset: otsikko

settings-sounds = Äänet maksetusta ja hylätystä
settings-language = Kieli
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
