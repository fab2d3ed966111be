# books.ftl (Finnish): the window's books: Today, the day (X/Z), sale details, returns, refunds, notes that need attention.

## Shared by the books screens

books-back = Takaisin
books-print = Tulosta
books-printer = Tulostin
books-save-pdf = Tallenna PDF
books-to = Saaja
books-amount = Summa
books-reference = Viite
books-left-to-return = Palautettavissa
# A time on another day than today: "3 Dec 14:05".
books-day-and-time = { $day } klo { $time }
books-state-needs-attention = Vaatii toimia
books-state-open = Avoin
books-state-paid = Maksettu
books-state-failed = Hylätty
books-state-cancelled = Peruttu
books-tender-pay-by-bank = Pankkimaksu
books-tender-cash = Käteinen
books-tender-card = Kortti

## Today

today-aria = Päivän myynnit
today-title = Tänään
today-find-placeholder = Kuitin numero tai maksutunnus
today-find-aria = Etsi myynti kuitin numerolla tai maksutunnuksella
today-find = Etsi
today-paid-today = Maksettu tänään
today-paid-today-training = Harjoitus: maksettu tänään
today-paid-count-one = 1 maksettu myynti
today-paid-count-other = { $n } maksettua myyntiä
today-earlier-one = { $n } aiempi myynti tänään sisältyy yllä oleviin summiin (kaikki myynnit: kassa export).
today-earlier-other = { $n } aiempaa myyntiä tänään sisältyy yllä oleviin summiin (kaikki myynnit: kassa export).
today-ref-auto = Automaattinen: { $reference }
today-no-ref = Ei viitettä
today-payment = Maksu { $payment }
today-empty = Ei vielä myyntejä tänään.

## A sale's detail

detail-aria = Myynti
detail-sale = Myynti
detail-receipt-title = Kuitti { $number }
detail-total = Yhteensä
detail-lines = Rivit
detail-attempts = Maksuyritykset
detail-returns = Palautukset
detail-receipt-aria = Kuitti
detail-reprint = Tulosta uudelleen
detail-return = Palauta…
detail-returned = Palautettu { $amount }
detail-paid-by = Maksutapa
detail-payment-id = Maksutunnus
detail-receipt = Kuitti
detail-receipt-number = Nro { $number }
detail-receipt-printed = Nro { $number } · { $printed }
detail-printed-one = tulostettu kerran
detail-printed-other = tulostettu { $n } kertaa
detail-no-receipt-fact = Ei kuittia (ei maksettu)
detail-sale-id = Myyntitunnus
detail-no-lines = Rivejä ei ole kirjattu (pelkkä summa).
detail-no-attempts = Ei yrityksiä: maksettu kassalla.
detail-no-returns = Ei palautuksia.
detail-no-receipt = Tällä myynnillä ei ole kuittia: sitä ei maksettu.
detail-no-payment-id = (ei vielä maksutunnusta)
detail-return-receipt = Palautuskuitti { $number }
detail-return-when = { $when } · { $reason }
detail-printed = Tulostettu.
detail-printed-copy = Tulostettu kopiona { $copy }.
detail-line-quantity = { $quantity } × { $text }
# A line without a text of its own.
detail-line-sale = Myynti
detail-no-vat = ALV:tä ei kirjattu
detail-attempt-asked = Pyydetty
detail-attempt-waiting = Odottaa
detail-attempt-authorised = Hyväksytty
detail-attempt-declined = Hylätty
detail-attempt-unknown = Tuntematon
detail-attempt-paid = Maksettu
detail-attempt-expired = Vanhentunut
detail-attempt-cancelled = Peruttu
detail-attempt-not-paid = Ei maksettu
detail-refund-bank = Takaisin tilisiirtona
detail-refund-cash = Käteinen annettu takaisin
detail-refund-card = Takaisin kortille
detail-printer-at = Tulostin osoitteessa { $address }
detail-no-printer = Kuittitulostinta ei ole määritetty (Asetukset → Kauppa).

## The Return dialog

return-title = Palautus
return-title-receipt = Palautus kuitista { $number }
return-how-much = Kuinka paljon
return-all = Kaikki
return-part = Osa
return-amount = Palautettava summa
return-amount-placeholder = esim. 40
return-reason = Syy
return-reason-hint = (pakollinen; tallentuu tapahtumalokiin)
return-reason-placeholder = esim. vaurioitunut, väärä koko
return-make = Tee palautus
return-confirm = Palauta { $amount }
return-goes-back = Palautetaan
return-give-back = Anna takaisin
return-receipt-aria = Palautuskuitti
return-receipt-title = Palautuskuitti { $number }
return-done = Valmis
return-how-cash = Anna { $amount } takaisin käteisenä kassalla.
return-how-card = Hyvitä { $amount } asiakkaan kortille maksupäätteellä.
return-how-bank = Maksettu pankkimaksuna: siirrä { $amount } takaisin kaupan pankkitililtä maksajalle, viitteenä maksutunnus.
return-to-payer = Tämän maksun maksaja (pankki ei antanut nimeä eikä tiliä: etsi maksu pankistasi maksutunnuksella)

## Bank transfers

refunds-aria = Tilisiirrot
refunds-title = Tilisiirrot
refunds-still-to-send = Lähettämättä
refunds-intro = Pankkimaksuna maksetut rahat palautetaan tilisiirrolla kaupan pankkitililtä: tee jokainen siirto pankissasi viitteenä maksutunnus ja merkitse se sitten tässä lähetetyksi.
refunds-count-one = 1 tilisiirto
refunds-count-other = { $n } tilisiirtoa
refunds-empty = Ei tehtäviä tilisiirtoja. Pankkimaksuna maksettujen myyntien palautukset ja kaksoismaksut näkyvät tässä.
refunds-since = Alkaen { $when }
refunds-sent-at = Lähetetty { $when }
refunds-sent-note = Lähetetty { $when } · { $note }
refunds-sale = Myynti
refunds-mark = Merkitse lähetetyksi
refunds-ask = Onko { $amount } lähetetty saajalle { $to }?
refunds-note-placeholder = Miten se lähetettiin
refunds-note-aria = Miten tilisiirto lähetettiin
refunds-yes = Kyllä, se on lähetetty
refunds-no = Ei
refunds-kind-return = Palautus
refunds-kind-return-receipt = Palautuskuitti { $number }
refunds-kind-double = Maksettu kahdesti: ylimääräinen maksu palautetaan
refunds-kind-training = { $kind } (harjoitus: ei oikeaa rahaa)
refunds-to-payer = Maksaja (pankki ei antanut nimeä eikä tiliä: etsi maksu maksutunnuksella)
refunds-state-open = Avoin
refunds-state-sent = Lähetetty

## The Day: X and Z

day-aria = Päivä
day-title = Päivä
day-back-to-x = Takaisin X-raporttiin
day-net-period = Netto tällä jaksolla
day-net-since-z = Netto edellisen Z:n jälkeen
day-net-of-z = Tämän Z:n netto
day-by-tender = Maksutavoittain
day-vat-per-rate = ALV verokannoittain
day-since-start = Kassan käyttöönotosta lähtien
day-earlier-z = Aiemmat Z-raportit
day-tax-office = Verottajalle
day-from = Alkupäivä
day-to = Loppupäivä
day-export-saft = Vie SAF-T
day-saft-hint = Näiden päivien SAF-T Cash Register -tiedosto (molemmat päivät mukaan lukien): kaikki kuitit, harjoituskuitit merkittyinä, tapahtumalokin tapahtumat ja Z-raportit.
day-report-aria = Raportti
day-close = Sulje päivä (Z)
day-close-hint = Sulkee edellisen Z:n jälkeiset luvut numeroituun Z-raporttiin. Sitä ei voi koskaan muuttaa jälkikäteen.
day-z-title = Z-raportti { $number }
day-kind-z = Suljettu · ei voi muuttaa
day-kind-x = Juoksevat luvut (X)
day-period = Jakso { $from } – { $to }
day-till-start = kassan käyttöönotto
day-sales = Myynnit
day-returns = Palau­tukset
day-receipts = Kuitit
day-cancelled = Perutut
day-not-paid = ei maksettu
day-copies = Kopiot
day-reprints = uusinnat
day-transfers = Tilisiirrot
day-transfers-sub = { $amount } · { $sent } lähetetty
day-training = Harjoitus
day-training-all = Kaikki
day-training-sandbox = harjoitus­kassa (sandbox)
day-receipts-none = ei vielä
day-receipts-one = nro { $number }
day-receipts-range = nro { $first }–{ $last }
day-tender-count = { $tender } ({ $count })
day-rate = Verokanta
# Without VAT (the VAT table's column).
day-vat-net = Veroton
# Sales less returns.
day-net = Netto
day-vat = ALV
day-gross = Verollinen
day-rate-saft = { $rate } (SAF-T { $code })
day-no-vat = ALV:tä ei kirjattu
day-no-sales = Ei myyntejä tällä jaksolla.
day-z-short = Z { $number }
day-z-receipts-one = { $when } · 1 kuitti
day-z-receipts-other = { $when } · { $n } kuittia
day-no-z = Ei vielä Z-raporttia: kassan ensimmäinen päivä.
day-closed = Päivä suljettu: Z-raportti { $number }. Seuraava myynti aloittaa uuden jakson.
day-sent-to-printer = Lähetetty tulostimelle osoitteessa { $address }.
day-saved-as = Tallennettu: { $path }.

## Close the day?

z-title = Suljetaanko päivä?
z-question = Suljetaanko edellisen Z:n jälkeiset luvut (netto { $net }) seuraavaan Z-raporttiin?
z-warning = Z-raporttia ei voi koskaan muuttaa jälkikäteen. Seuraava myynti aloittaa uuden jakson.
z-not-now = Ei nyt

## The SAF-T export

saft-saved = SAF-T-tiedosto tallennettu: { $path }: { $summary }.
saft-summary = { $receipts ->
    [one] 1 kuitti
   *[other] { $receipts } kuittia
} ({ $training } harjoitus), { $events ->
    [one] 1 lokitapahtuma
   *[other] { $events } lokitapahtumaa
} ja { $zs ->
    [one] 1 Z-raportti
   *[other] { $zs } Z-raporttia
} ajalta { $from } – { $to }
# After the summary, behind a semicolon.
saft-unsigned = { $unsigned ->
    [one] 1 kuitti, joka annettiin ennen kuin Kassa allekirjoitti kuitit, on merkitty UNSIGNED
   *[other] { $unsigned } kuittia, jotka annettiin ennen kuin Kassa allekirjoitti kuitit, on merkitty UNSIGNED
}
saft-bad-day = { $day } ei ole kalenterin päivä: valitse päivä.
saft-bad-period = Jakso päättyy ennen kuin se alkaa: loppupäivän on oltava sama kuin alkupäivä tai sen jälkeen.
saft-no-profile = Määritä kauppa ennen vientiä (Asetukset → Kauppa): SAF-T-tiedostossa on kauppiaan Y-tunnus ja virallinen nimi.
saft-cannot-write = Tiedostoa { $path } ei voi kirjoittaa: { $why }
saft-no-folder = Vientikansiota ei ole: { $why }

## Why a books step did not go through

books-error-not-found = Hakua ”{ $query }” ei vastaa mikään myynti, kuitin numero tai maksutunnus.
books-error-not-paid = Tätä myyntiä ei ole maksettu: palautettavaa ei ole.
books-error-no-reason = Kerro palautuksen syy.
books-error-no-note = Kerro, miten tilisiirto lähetettiin (merkintä kirjanpitoon).
books-error-no-vat-lines = Tämä myynti kirjattiin pelkkänä summana ilman ALV-rivejä: palauta se käsin ja kirjaa palautus.
books-error-nothing-left = Tästä myynnistä ei ole enää mitään palautettavaa: se on palautettu kokonaan
books-error-more-than-left = Tästä myynnistä on palautettavissa enää { $left }
books-error-more-than-left-at-rate = Tästä myynnistä on palautettavissa enää { $left } verokannalla { $rate }
books-error-not-positive = Anna palautettava summa: sen on oltava suurempi kuin nolla
books-error-report = Raportin luvut eivät täsmää ({ $why }); mitään ei näytetty.
books-error-no-z = Tässä kassassa ei ole Z-raporttia { $number }.
books-error-no-printer = Kuittitulostinta ei ole määritetty: lisää sen osoite kohdassa Asetukset → Kauppa tai käytä painikkeita Tulosta tai Tallenna PDF.
books-error-no-profile = Määritä kauppa (Asetukset → Kauppa) ennen kuin tulostat oikeita raportteja.
books-error-vat = Kaupan ALV-taulukkoa ei voi lukea: { $why }
books-error-pdf = { $why } Raportti säilyy; tallenna se uudelleen Päivä-näkymästä.
books-error-no-folder = Kansiota { $path } ei voi luoda ({ $why }).
books-error-no-report-folder = Raporttikansiota ei ole: { $why }

## Koko kauppa: kaikkien kassojen päivä kaupan keskuspalvelimelta (issue 14)

day-whole-shop = Koko kauppa
shopday-aria = Koko kaupan päivä
shopday-title = Koko kauppa
shopday-mode = Raportti
shopday-x = Päivä tähän asti (X)
shopday-z = Suljettu (Z)
shopday-date = Päivä
shopday-net = Kaupan netto
shopday-training = Harjoitusluvut
shopday-till = Kassa
shopday-open-bank-returns = Avoimet pankkipalautukset
shopday-double-payments = Maksettu kahdesti
shopday-last-z = Viimeisin Z
shopday-z-of-day = Päivän Z
shopday-none = ei yhtään
shopday-total = Koko kauppa
shopday-this-till = tämä kassa
shopday-receipts-one = 1 kuitti
shopday-receipts-other = { $n } kuittia
shopday-tills-one = 1 kassa
shopday-tills-other = { $n } kassaa
shopday-no-tills = Yksikään kassa ei ole vielä lähettänyt kirjanpitoaan keskuspalvelimelle.
shopday-no-hub-title = Keskuspalvelinta ei ole asetettu
shopday-no-hub = Tämä kassa pitää kirjanpitonsa yksin. Jotta näet tässä kaupan kaikki kassat, esimies yhdistää jokaisen kassan kaupan keskuspalvelimeen (PostgreSQL-palvelin) kohdassa Asetukset → Kaupan keskuspalvelin.
shopday-open-settings = Avaa Asetukset
shopday-hint = X: päivä tähän asti, sikäli kuin kukin kassa on lähettänyt kirjanpitonsa. Z: jaksot, jotka kassat sulkivat tänä päivänä. Avoimet pankkipalautukset on vielä maksettava takaisin tilisiirrolla, olivat ne miltä päivältä tahansa.
shopday-records = { $n ->
    [one] 1 tietue keskuspalvelimella
   *[other] { $n } tietuetta keskuspalvelimella
}
shopday-unnamed = Kassa { $id }
