# window.ftl (Finnish): the cashier's window: the shell, the keypad, the sale, the QR and the result.

## Yläpalkki
top-sandbox = Hiekkalaatikko
top-who-aria = Kirjautuneena; vaihda työntekijää tai kirjaudu ulos
top-today = Tänään
top-day = Päivä
top-transfers = Siirrot
top-settings = Asetukset

## Näppäimistö
keypad-aria = Uusi myynti
keypad-amount = Summa
keypad-add-at = Lisää summa verokannalla
keypad-quick-items = Pikatuotteet
keypad-reference = Viite
optional = (valinnainen)
keypad-reference-placeholder = esim. laskun numero
keypad-pad-aria = Summan näppäimistö
keypad-backspace-aria = Poista viimeinen numero
keypad-clear-aria = Tyhjennä

## Myynnin rivit
cart-aria = Tämä myynti
cart-heading = Myynti
cart-clear = Tyhjennä myynti
cart-total = Yhteensä
cart-amount-first = Kirjoita ensin summa ja paina sitten sen ALV-näppäintä.
cart-remove-aria = Poista { $line }
cart-vat = ALV { $percent }
cart-empty = Kirjoita summa ja paina sitten ALV-näppäintä tai maksutapaa.

## Maksutavat ja niiden ikkunat
tender-bank = Maksa pankilla
tender-cash = Käteinen
tender-card = Kortti
dialog-to-pay = Maksettavaa
dialog-back = Takaisin
cash-title = Käteinen
cash-given = Saatu summa
cash-given-placeholder = esim. 200
cash-confirm = Vahvista käteinen
card-title = Kortti maksupäätteellä
card-hint = Ota maksu maksupäätteellä ja vahvista täällä, kun pääte näyttää hyväksytyn.
card-reference = Maksupäätteen viite
card-reference-placeholder = esim. maksupäätteen kuitin numero
card-confirm = Kortti hyväksytty

## QR-näkymä
qr-aria = Odotetaan maksua
qr-amount-due = Maksettavaa
qr-scan = Skannaa puhelimen kameralla ja maksa pankilla
qr-cancel = Peruuta
qr-sandbox-link = Hiekkalaatikon linkki
qr-bank-statement = Tiliotteella: { $reference }
qr-getting-new-code = Haetaan uutta koodia…
qr-getting-code = Haetaan koodia…
qr-new-code-in = Uusi koodi { $s } s kuluttua
qr-trying-again-in = { $message } Yritetään uudelleen { $s } s kuluttua.
cancel-confirm-title = Perutaanko myynti?
cancel-confirm-hint = Asiakas hyväksyy maksua pankissaan. Peruutuksen jälkeen hyväksytty maksu merkitään palautettavaksi.
cancel-confirm-no = Odota vielä
cancel-confirm-yes = Peruuta myynti
training-phones = Harjoitus: oikeaa rahaa ei liiku. Mikä tahansa tämän verkon puhelin voi skannata koodin ja hyväksyä Hiekkalaatikkopankissa ({ $url }).
training-no-phones = Harjoitus: oikeaa rahaa ei liiku. Puhelimet eivät tavoita Hiekkalaatikkopankkia: { $problem }. Avaa hiekkalaatikon linkki tällä tietokoneella.
training-this-computer = Harjoitus: oikeaa rahaa ei liiku. Hiekkalaatikkopankki aukeaa vain tällä tietokoneella; Asetukset → Harjoituspankki antaa puhelinten skannata koodin.

## Tulos
result-paid = Maksettu
result-declined = Hylätty
result-cancelled = Peruttu
result-change = Vaihtoraha
result-try-again = Yritä uudelleen
result-new-sale = Uusi myynti
result-next-sale-in = Seuraava myynti { $s } s kuluttua
result-receipt-aria = Kuitti
result-print = Tulosta
result-printer = Tulostin
result-pdf = Tallenna PDF
result-printed-copy = Tulostettu kopiona { $copy }.

## Kauppaa vaativa maksu, asiakasnäytön ruutu, virheet
attention-refund = Vaatii toimia: palauta { $amount } (maksu { $payment })
attention-open-transfer = Avaa siirto
attention-later = Myöhemmin
pane-aria = Asiakasnäyttö
pane-heading = Asiakasnäyttö
pane-detach = Irrota
ipc-fallback = Jokin meni vikaan. Yritä uudelleen.
ipc-no-back-end = Kassan taustapalvelu ei ole käytettävissä.

## The VAT keys
keypad-vat-default = oletus

## Käynnistys ja asetusten vaihto
app-starting = Kassa käynnistyy vielä; yritä hetken kuluttua uudelleen.
app-switching = Kassa vaihtaa uusiin asetuksiin; yritä hetken kuluttua uudelleen.
app-busy = Kassa käsittelee yhä nykyisiä asetuksia; yritä tallentaa hetken kuluttua uudelleen.
app-settings-unreadable = Kassa ei voinut lukea asetuksiaan: { $error }
app-could-not-start = Kassa ei voinut käynnistyä: { $error }
result-no-folder = Kuiteille ei ole kansiota: { $error }
sale-still-open = Myynti { $sale } on yhä auki: vie se loppuun tai peruuta se ensin
