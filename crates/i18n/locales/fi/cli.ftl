# cli.ftl (suomi): komentorivin omat tekstit (setup, doctor, status, palautukset, henkilökunta, avaimet, vienti) ja sen tulostamat virheet.

## kassa status
cli-status-training = Harjoittelu (hiekkalaatikko): ei oikeaa rahaa.
cli-status-no-open-sale = Ei avointa myyntiä.
cli-status-open = AVOIN  { $sale }  { $amount }  { $attempts } yritys(tä)  (vie se loppuun komennolla `kassa resume` tai `kassa cancel { $sale }`)
cli-status-unsettled = SELVITTÄMÄTÖN  { $sale }  (maksu tuli juuri ennen kuin Kassa pysähtyi: aja `kassa resume`)
cli-status-followed = SEURATAAN  maksu { $payment }, { $amount } (myynti { $sale }, koodi { $code }): pankissa { $status }
cli-status-no-status-yet = ei vielä tilaa
cli-status-followed-open-sale = { $count ->
    [one] { $count } avoimen myynnin { $sale } koodi on yhä auki pankissa; `kassa resume` seuraa sitä.
   *[other] { $count } avoimen myynnin { $sale } koodia on yhä auki pankissa; `kassa resume` seuraa niitä.
}
cli-status-followed-sale = { $count ->
    [one] { $count } myynnin { $sale } aiempi koodi on yhä auki pankissa; `kassa resume` seuraa sitä.
   *[other] { $count } myynnin { $sale } aiempaa koodia on yhä auki pankissa; `kassa resume` seuraa niitä.
}
cli-status-all-clear = Mikään ei vaadi huomiota.
cli-status-nothing-to-refund = Ei vielä palautettavia maksuja; yllä olevat koodit voidaan yhä maksaa.
cli-status-attention = VAATII HUOMIOTA: palauta maksu { $payment }, { $amount } (myynti { $sale }): { $note }
cli-status-elsewhere = Ei laskettu tässä: { $open } avointa, { $unsettled } selvittämätöntä ja { $attention } huomiota vaativaa taustajärjestelmässä { $backend } (sitä käyttävä kassa näyttää ne).
cli-status-elsewhere-training = Ei laskettu tässä: { $open } avointa, { $unsettled } selvittämätöntä ja { $attention } huomiota vaativaa taustajärjestelmässä { $backend } (harjoittelu) (sitä käyttävä kassa näyttää ne).

## kassa refunded, backup, resume
cli-refunded-default-note = palautettu käsin
cli-refunded-done = Myynnin { $sale } maksu { $payment } merkitty: { $note }.
cli-refunded-no-note = maksulla { $payment } ei ole avointa huomiomerkintää (katso `kassa status`)
cli-backup-done = { $db } varmuuskopioitu tiedostoon { $file }
cli-resume-none = Ei avointa myyntiä.
cli-resume-some = Jatketaan { $count } avointa myyntiä: { $sales }
cli-attention-exit = { $count } maksu(a) vaatii huomiota: katso `kassa status`
cli-earlier-codes-open = myynnin { $sale } aiempia koodeja ({ $count }) on yhä auki pankissa; `kassa resume` seuraa niitä
cli-sale-in-progress = myynti { $sale } on yhä auki; seuraa sitä sovelluksessa tai aja `kassa cancel { $sale }`

## kassa export (jsonl, csv)
cli-export-failed = vienti epäonnistui: { $error }
cli-export-training-saft = --training ei sovi valinnan --format saf-t kanssa: SAF-T-tiedostossa ovat harjoituskuitit oikeiden rinnalla, harjoitteluksi merkittyinä
cli-export-period-not-for-jsonl = --from ja --to ovat valintaa --format saf-t varten; jsonl- ja csv-vienti sisältää kaikki myynnit

## kassa export --format saf-t
cli-saft-no-out = kerro, minne SAF-T-tiedosto kirjoitetaan: --out TIEDOSTO.xml
cli-saft-no-period = anna vietävä jakso: --from VVVV-KK-PP --to VVVV-KK-PP (molemmat päivät mukaan lukien)
cli-saft-no-shop = määritä kauppa ennen vientiä (Asetukset → Kauppa tai `kassa setup --legal-name … --org-number …`): SAF-T-tiedostossa on kauppiaan Y-tunnus ja virallinen nimi
cli-saft-in-use = päiväkirjaa käyttää { $owner }: vie sovelluksesta (Päivä → Vie SAF-T) tai sulje se ja aja tämä uudelleen. Jokainen vienti kirjataan päiväkirjaan, joten tämä komento tarvitsee päiväkirjan.
cli-saft-wrote = SAF-T Cash Register -tiedosto { $file } kirjoitettu ({ $bytes } tavua): { $summary }.
cli-saft-file-name = Verottajan nimi tiedostolle: { $name }
cli-saft-journaled = Vienti on sähköisessä päiväkirjassa (tapahtuma 13020).
cli-saft-not-journaled = tiedosto on kirjoitettu, mutta vientiä ei voitu kirjata päiväkirjaan: { $error }

## kassa keys, kassa verify
cli-keys-exported = Kuittiavaimen version { $version } julkinen osa on tiedostossa { $file } (anna se verottajalle).
cli-keys-made = Kuittiavaimen versio { $version } luotu: kuitit allekirjoitetaan sillä tästä lähtien. Anna sen julkinen osa verottajalle: kassa keys export-public --out key-v{ $version }.pem
cli-verify-live = Oikeat kuitit
cli-verify-training = Harjoituskuitit
cli-verify-before = { $count } ajalta ennen kuittien allekirjoitusta, ei tarkistettu
cli-verify-ok = { $series }: { $verified } tarkistettu.
cli-verify-ok-before = { $series }: { $verified } tarkistettu ({ $before }).
cli-verify-broken = { $series }: RIKKI kuitin { $receipt } kohdalla: { $why } ({ $verified } tarkistettu ennen sitä).
cli-verify-broken-before = { $series }: RIKKI kuitin { $receipt } kohdalla: { $why } ({ $verified } tarkistettu ennen sitä ({ $before })).
cli-verify-chain-broken = kuittiketju on rikki: { $broken }. Säilytä tämä päiväkirja sellaisenaan (mitään ei korjattu) ja kerro asiasta kirjanpitäjällesi.
# Miksi kuitti ei läpäise tarkistusta
cli-verify-receipt-broken = kuitti { $receipt } ei läpäise tarkistusta: { $why }
cli-verify-first-missing = se puuttuu: ensimmäinen kuitti on { $first }
cli-verify-gap = se puuttuu: kuittia { $before } seuraa kuitti { $next }
cli-verify-unsigned = siinä ei ole allekirjoitusta
cli-verify-named-no-receipts = se puuttuu: kuitteja ei ole, mutta kuitti { $named } mainitaan { $by }
cli-verify-named-after-last = se puuttuu: viimeinen kuitti on { $last }, mutta kuitti { $named } mainitaan { $by }
cli-verify-by-running-totals = juoksevissa summissa
cli-verify-by-z-report = Z-raportissa
cli-verify-by-journal-event = sähköisessä päiväkirjassa
cli-verify-by-print = sen tulosteessa
cli-verify-by-seal = sen omassa sinetissä
cli-verify-no-public-key = version { $version } julkista avainta ei ole
cli-sig-bad-date = kuitin päivämäärä { $value } ei ole päivämäärä muodossa 2026-03-02
cli-sig-bad-time = kuitin kellonaika { $value } ei ole kellonaika muodossa 14:05:09
cli-sig-bad-nr = kuitin numero { $value } on tyhjä, yli 35 merkkiä pitkä tai sisältää merkin ';'
cli-sig-bad-previous = edellinen allekirjoitus sisältää merkin ';' tai rivinvaihdon: se ei ole allekirjoitus
cli-sig-bad-key = allekirjoitusavainta ei voi lukea: { $error }
cli-sig-wrong-key-size = allekirjoitusavain on { $bits }-bittinen; verottajan tarkistus hyväksyy 1024-bittiset avaimet, joiden eksponentti on 65537
cli-sig-not-a-signature = allekirjoitus ei ole base64-muotoinen tai ei ole RSA-allekirjoitus
cli-sig-mismatch = allekirjoitus ei vastaa kuittia
cli-sig-generate = avainta ei voitu luoda: { $error }

## kassa return, refunds, bookkeeping, receipt
cli-books-no-journal = polussa { $path } ei ole myyntipäiväkirjaa
cli-return-bad-amount = virheellinen palautettava summa: { $error }
cli-return-in-cash = käteisenä
cli-return-to-card = kortille (palauta se maksupäätteellä)
cli-return-by-bank = pankkisiirtona
cli-return-done = Palautuskuitti #{ $number } myynnille { $sale }: { $back } takaisin { $how }. Palautettavaa jäljellä: { $left }.
cli-return-done-of = Palautuskuitti #{ $number } myynnille { $sale } (kuitti #{ $of }): { $back } takaisin { $how }. Palautettavaa jäljellä: { $left }.
cli-return-transfer = { $transfer } Merkitse se lähetetyksi: `kassa refunds --sent { $id } --note TEKSTI`.
cli-refunds-no-transfer = pankkisiirtoa { $id } ei ole (katso `kassa refunds`)
cli-refunds-none = Ei tehtäviä pankkisiirtoja.
cli-books-bad-day = { $day } ei ole kalenterin päivä: kirjoita se muodossa VVVV-KK-PP
cli-books-wrote = Kirjoitettiin { $rows } ALV-riviä kuiteista { $from }–{ $to } tiedostoon { $file }
cli-books-wrote-training = Kirjoitettiin { $rows } ALV-riviä harjoituskuiteista { $from }–{ $to } tiedostoon { $file }
cli-cannot-write = tiedostoa { $file } ei voi kirjoittaa: { $error }
cli-receipt-no-printer = kuittitulostinta ei ole määritetty: lisää se komennolla `kassa setup --printer PALVELIN[:PORTTI]` tai tallenna PDF valinnalla --pdf TIEDOSTO
cli-receipt-printed-copy = Tulostettu KOPIONA { $n }.
cli-receipt-printed = Tulostettu (alkuperäinen).

## kassa staff, and who a command acts as
cli-staff-pin = PIN
cli-staff-no-pin = ei PINiä
cli-staff-on = käytössä
cli-staff-off = pois
cli-staff-pin-prompt = Käyttäjän { $name } PIN:{" "}
cli-staff-pin-missing = Anna käyttäjän { $name } PIN (tai aseta KASSA_PIN).
cli-staff-new-pin-prompt = Uusi PIN käyttäjälle { $name } (4–8 numeroa):{" "}
cli-staff-new-pin-missing = Anna uusi PIN käyttäjälle { $name } (tai aseta KASSA_NEW_PIN).
cli-staff-cashier-refused = { $error } { $name } on myyjä: anna esimiehen numero valinnalla --employee.
cli-staff-added = Lisätty { $name } ({ $id }), rooli { $role }.
cli-staff-pin-set = Uusi PIN asetettu käyttäjälle { $name }.
cli-staff-role-set = Työntekijän { $id } rooli on nyt { $role }.
cli-staff-turned-off = Työntekijä { $id } on poistettu käytöstä.
cli-staff-turned-on = Työntekijä { $id } on taas käytössä.

## kassa setup
cli-setup-nothing = ei mitään määritettävää: anna --client-id ja --destination-id (Aiia) tai kaupan asetukset (--legal-name, --org-number, --vat, --quick, --printer, … katso --help)
cli-setup-secret-prompt = Client Secret (luetaan vakiosyötteestä, tallennetaan järjestelmän avainnippuun):
cli-setup-secret-unreadable = Client Secretiä ei voi lukea: { $error }
cli-setup-saved = Tallennettu { $path } (salaisuus on järjestelmän avainnipussa). Tarkista se komennolla `kassa doctor`.
cli-setup-shop-saved = Kauppa tallennettu tiedostoon { $path }: { $profile }; ALV { $vat } (oletus { $default }); { $quick } pikatuote(tta); tulostin { $printer }; logo { $logo }; { $width } merkkiä rivillä.
cli-setup-bad-vat = virheellinen --vat "{ $vat }": kirjoita se muodossa NIMI=PROSENTTI tai NIMI=PROSENTTI@SAFT_KOODI, esim. "Ruoka=14@31"
cli-setup-no-vat-rate = ALV-kantaa nimeltä "{ $name }" ei ole
cli-setup-bad-quick = virheellinen --quick "{ $quick }": kirjoita se muodossa NIMI=HINTA@KANTA, esim. "Kahvi=3,50@Vakio"
cli-setup-no-quick-item = pikatuotetta nimeltä "{ $name }" ei ole
cli-setup-no-profile = ei vielä kauppiasprofiilia
cli-setup-none = ei ole

## kassa connect
cli-connect-try-again = Paina Enter yrittääksesi uudelleen (uusi osoite tulee), tai Ctrl-C lopettaaksesi.
cli-connect-none = yhtään tiliä ei yhdistetty
cli-connect-nothing-saved = mitään ei tallennettu
cli-connect-done = Yhdistetty: { $account }. Vastaanottaja { $id } tallennettu.
cli-connect-browser-shows = Selain näyttää pankin sivun: valitse tili, jolle maksut tulevat.
cli-connect-if-not-opened = Jos se ei auennut, avaa tämä osoite:
cli-connect-open-address = Avaa tämä osoite selaimessa ja valitse tili, jolle maksut tulevat:
cli-connect-accounts = Yhdistetyt tilit:
cli-connect-which = Mille tilille maksut tulevat? [1-{ $count }]{" "}
cli-connect-type-number = Kirjoita numero 1–{ $count }.
cli-connect-confirm = Tallennetaanko { $account } ({ $id }) tiliksi, jolle maksut tulevat? [k/E]{" "}

## kassa doctor
cli-doctor-ok = ok
cli-doctor-fail = VIRHE
cli-doctor-settings = asetukset
cli-doctor-connection = yhteys
cli-doctor-credentials = tunnukset
cli-doctor-destination = vastaanottaja
cli-doctor-clock = kello
cli-doctor-needs-attention = yhteys maksupalveluun vaatii huomiota (katso yllä)

## kassa sandbox
cli-sandbox-bad-shape = virheellinen { $source }: "{ $value }" (käytä object tai flat)
cli-sandbox-bad-faults = virheellinen { $source }: { $error }
cli-sandbox-lan = kassa sandbox --lan: { $error }
cli-sandbox-cannot-run = hiekkalaatikkoa ei voi ajaa osoitteessa { $host }:{ $port }: { $error }
cli-sandbox-phones = HARJOITUSpankki tämän verkon puhelimille: { $url } (skannaa koodi millä tahansa verkon puhelimella; oikeaa rahaa ei siirry). Testi- ja hallintaosoitteet vastaavat vain osoitteessa 127.0.0.1.
cli-sandbox-ready = Aiia Pay -hiekkalaatikko on valmis osoitteessa { $url } (hiekkalaatikon tunnukset; lopeta painamalla Ctrl-C)
    token-osoite: { $token }
    Client ID: { $client }
    Client Secret: { $secret }
    vastaanottajat: { $destinations }
    webhookit osoitteeseen: { $webhook }
cli-cannot-start = ei voi käynnistyä: { $error }

## kassa charge: its input
cli-bad-cash = virheellinen --cash: { $error }
cli-bad-amount = virheellinen summa: { $error }
cli-line-bad = virheellinen --line "{ $line }": kirjoita se muodossa TEKSTI=SUMMA tai TEKSTI=SUMMA@KANTA, esim. "Leipä=3,90@Ruoka"
cli-line-no-amount = virheellinen --line "{ $line }": rivillä ei ole summaa: kirjoita hinta =-merkin jälkeen
cli-line-bad-amount = virheellinen --line "{ $line }": { $error }
cli-amount-and-lines = anna joko --amount tai --line (jokaisella rivillä on oma summansa), ei molempia
cli-amount-or-lines = anna summa (--amount 12,50) tai rivit (--line TEKSTI=SUMMA)

## Amounts refused (kassa_money::MoneyError)
cli-money-empty = anna summa
cli-money-not-a-number = "{ $text }" ei ole summa: käytä numeroita ja yhtä desimaalierotinta, esim. 12,50
cli-money-too-many-decimals = valuutassa { $currency } on { $allowed } desimaalia; summassa "{ $text }" on enemmän
cli-money-not-positive = summan on oltava suurempi kuin nolla
cli-money-too-large = summa ylittää yhden myynnin rajan { $limit }
cli-money-unknown-currency = "{ $text }" ei ole tuettu valuutta (DKK, SEK, NOK tai EUR)

## Errors of the journal and the books (kassa_journal::JournalError, kassa_boot::books::BooksError)
cli-err-disk-full = levy on täynnä: myyntipäiväkirjaan ei voi kirjoittaa. Vapauta tilaa; mitään jo kirjoitettua ei menetetä
cli-err-read-only = myyntipäiväkirja on vain luku -tilassa: tarkista Kassan datakansion oikeudet
cli-err-corrupt = myyntipäiväkirja on vioittunut ({ $why }); säilytä tiedosto ja palauta varmuuskopio
cli-err-schema-too-new = myyntipäiväkirjan on kirjoittanut uudempi Kassa (skeema { $found }, tämä tuntee { $supported }); päivitä Kassa
cli-err-schema-too-old = myyntipäiväkirja on vanhemmasta Kassasta (skeema { $found }, tämä kirjoittaa { $supported }), ja se päivitetään kassan seuraavassa käynnistyksessä: avaa sovellus tai aja `kassa resume` kerran ja yritä sitten uudelleen
cli-err-not-found = { $what } ei ole päiväkirjassa
cli-err-in-use = päiväkirjaa { $journal } käyttää { $owner }: sulje se ensin tai katso tilanne myymättä komennolla `kassa status`
cli-err-own-file = { $dest } kuuluu myyntipäiväkirjaan { $journal }: sinne kirjoittaminen tuhoaisi sen; valitse toinen tiedosto
cli-err-backup = varmuuskopiota ei voi tehdä tiedostoon { $file }: { $error }
cli-err-return-nothing-left = tästä myynnistä ei ole mitään palautettavaa jäljellä: se on palautettu kokonaan
cli-err-return-more-than-left = tästä myynnistä on palautettavaa jäljellä vain { $left }
cli-err-return-not-positive = anna palautettava summa: sen on oltava suurempi kuin nolla
cli-err-no-such-sale = mikään myynti, kuittinumero tai maksutunnus ei vastaa hakua "{ $key }"
cli-err-not-paid = myyntiä { $sale } ei ole maksettu: palautettavaa ei ole
cli-err-no-reason = anna palautuksen syy
cli-err-no-vat-lines = myynti { $sale } kirjattiin pelkkänä summana ilman ALV-rivejä (vanhemmalla Kassalla): palauta se käsin ja kirjaa se muistiin
cli-err-no-note = kerro, miten siirto tehtiin (merkintä kirjanpitoon)
cli-err-bad-period = jakso päättyy ennen kuin se alkaa: --to ei voi olla ennen päivää --from
cli-err-no-receipt = myynnillä { $sale } ei ole kuittia: se maksettiin ennen kuin kuitteja kirjoitettiin

## Who acts, and staff changes refused (kassa_boot::session::SessionError)
cli-staff-role-cashier = myyjä
cli-staff-role-manager = esimies
cli-err-pin-empty = Anna PIN.
cli-err-pin-not-digits = PIN sisältää vain numeroita (0–9).
cli-err-pin-length = PIN on 4–8 numeroa; tässä on { $count }.
cli-err-name-empty = Anna työntekijän nimi.
cli-err-id-empty = Anna työntekijälle numero tai lyhyt tunnus.
cli-err-id-characters = Työntekijänumerossa saa olla vain kirjaimia, numeroita sekä merkkejä '-', '_' ja '.'.
cli-err-unknown-employee = Tällä kassalla ei ole työntekijänumeroa { $id }.
cli-err-inactive = { $name } on poistettu käytöstä tällä kassalla; esimies voi ottaa hänet taas käyttöön.
cli-err-wrong-pin = Väärä PIN.
cli-err-pin-needed = Anna käyttäjän { $name } PIN.
cli-err-no-pin = Käyttäjällä { $name } ei ole vielä PINiä; esimiehen on asetettava se, ennen kuin { $name } voi kirjautua.
cli-err-not-logged-in = Tällä kassalla ei ole ketään kirjautuneena: kirjaudu ensin.
cli-err-not-a-manager = { $name } on myyjä: vain esimies voi hyväksyä tämän.
cli-err-taken = Työntekijänumero { $id } on jo käytössä.
cli-err-manager-pin-first = Aseta ensin oma PIN: kun kassalla on kaksi työntekijää, kaikki kirjautuvat PINillä.
cli-err-new-needs-pin = Uusi työntekijä tarvitsee 4–8-numeroisen PINin.
cli-err-last-manager = { $name } on kassan viimeinen aktiivinen esimies: tee ensin joku muu esimieheksi.
cli-err-needs-manager = Tämä vaatii esimiehen.
cli-err-key-missing = Tämän kassan kuittien allekirjoitusavain (versio { $version }) ei ole tietokoneen avainnipussa, joten kuitteja ei voi antaa. Palauta avainnippu varmuuskopiosta tai luo uusi avain komennolla `kassa keys new` ja anna sen julkinen avain verottajalle (`kassa keys export-public --out key.pem`).
cli-err-key-not-this-till = Avainnipussa oleva kuittien allekirjoitusavain (versio { $version }) ei ole se, jonka julkinen osa on päiväkirjassa, joten sillä ei voi antaa kuitteja. Palauta oikea avainnippu tai luo uusi avain komennolla `kassa keys new`.
cli-err-key-damaged = avainnipussa oleva kuittien allekirjoitusavain (versio { $version }) on vioittunut: { $why }
cli-err-key-none-yet = päiväkirjassa ei ole vielä kuittiavainta: se saa sellaisen ensimmäisen kuitin yhteydessä
cli-err-key-no-such-version = päiväkirjassa ei ole kuittiavaimen versiota { $version }
cli-err-sale-not-open = myynti { $sale } ei ole auki
cli-err-sale-not-found = myyntiä { $sale } ei ole
cli-err-no-lines = myynnissä on oltava vähintään yksi rivi
cli-err-nothing-to-pay = myynnin summan on oltava suurempi kuin nolla
cli-err-over-limit = myynnin summa { $total } ylittää yhden myynnin rajan { $limit }
cli-err-cash-short = annettu käteinen ({ $given }) on vähemmän kuin summa ({ $total }): ota vastaan vähintään summa
cli-err-bad-card-reference = maksupäätteen viitteessä on enintään 40 merkkiä eikä sarkaimia tai rivinvaihtoja
cli-err-field-api-url = API-osoitteen (KASSA_API_URL) on oltava https://-alkuinen verkko-osoite (http:// vain paikalliselle hiekkalaatikolle) tai tyhjä; "{ $value }" ei ole sellainen
cli-err-field-client-id-spaces = Client ID (KASSA_CLIENT_ID) ei voi sisältää välilyöntejä
cli-err-field-client-id-missing = Anna tähän Client Secretiin kuuluva Client ID (KASSA_CLIENT_ID)
cli-err-field-client-secret-missing = Anna Client Secret: sitä ei ole annettu (KASSA_CLIENT_SECRET) eikä tallennettu vielä tämän tietokoneen avainnippuun
cli-err-field-destination-spaces = Vastaanottaja (KASSA_DESTINATION_ID) ei voi sisältää välilyöntejä
cli-err-field-destination-missing = Anna vastaanottaja (KASSA_DESTINATION_ID) tai valitse se painamalla Asetuksissa Yhdistä pankkitili
cli-err-field-currency = Valuutan (KASSA_CURRENCY) on oltava DKK, SEK, NOK tai EUR, ei "{ $value }"
cli-err-field-redirect-missing = Anna sivu, jonka asiakkaiden puhelimet avaavat maksun jälkeen (KASSA_REDIRECT_URL), esim. kauppasi verkkosivu; sen on alettava https://
cli-err-field-redirect-not-https = Maksun jälkeisen sivun (KASSA_REDIRECT_URL) on alettava https:// oikealla kassalla, ei "{ $value }"
cli-err-field-redirect-not-web = Maksun jälkeisen sivun (KASSA_REDIRECT_URL) on oltava https://-alkuinen verkko-osoite, ei "{ $value }"

## kassa doctor ja Asetukset → Testaa yhteys: mitä kukin tarkistus löysi
cli-doctor-mode-sandbox = sisäänrakennettua hiekkalaatikkoa (tunnuksia ei ole asetettu)
cli-doctor-mode-live = Aiiaa kauppiaan tunnuksilla
cli-doctor-settings-refused = Kassa käyttäisi { $mode }, mutta: { $errors }
cli-doctor-uses = Kassa käyttää { $mode }
cli-doctor-uses-at = Kassa käyttää { $mode } osoitteessa { $url }
cli-doctor-ttl-ignored = (linkki on voimassa Aiiassa 60 s; asetettua voimassaoloaikaa ei käytetä)
cli-doctor-token-issued = tunniste (token) myönnettiin
cli-doctor-credentials-accepted = Client ID ja Secret hyväksyttiin
cli-doctor-destination-takes = vastaanottaja { $destination } ottaa vastaan maksuja valuutassa { $currency } (testipyyntö { $payment }, { $amount }, ei näytetä koskaan, vanhenee maksamattomana)
cli-doctor-destination-failed = vastaanottaja { $destination }: { $error }
cli-doctor-clock-within = tämän tietokoneen kello on enintään { $secs } s palvelun kellosta
cli-doctor-clock-behind = tämän tietokoneen kello on { $secs } s jäljessä palvelun kellosta: aseta aika automaattiseksi
cli-doctor-clock-ahead = tämän tietokoneen kello on { $secs } s edellä palvelun kellosta: aseta aika automaattiseksi
cli-doctor-clock-unknown = palvelu ei kertonut aikaansa; ei verrattu

## Maksupalvelun virheet
cli-aiia-config = virheellinen asetus: { $why }
cli-aiia-unreachable = maksupalveluun ei saada yhteyttä osoitteessa { $url }
cli-aiia-broke = yhteys maksupalveluun osoitteessa { $url } katkesi ennen vastausta
cli-aiia-timeout = maksupalvelu ei vastannut ajoissa ({ $url })
cli-aiia-unauthorized = maksupalvelu hylkäsi tunnukset: { $message }
cli-aiia-rejected = maksupalvelu hylkäsi pyynnön ({ $code }): { $message }
cli-aiia-not-found = maksupalvelu ei tunne maksua { $payment }
cli-aiia-busy = maksupalvelu on ruuhkautunut
cli-aiia-busy-retry = maksupalvelu on ruuhkautunut; yritä uudelleen { $secs } s kuluttua
cli-aiia-server = maksupalvelussa on ongelma (HTTP { $status }, { $code }): { $message }
cli-aiia-malformed = maksupalvelu lähetti vastauksen, jota Kassa ei osaa lukea: { $detail }
cli-aiia-token = maksupalveluun ei voi kirjautua: { $error }

## Harvinaisemmat hylkäykset: rivit, palautukset, avainnippu, asetustiedosto, kassan käynnistys
cli-err-mixed-currency = myynti on valuutassa { $expected }, mutta annettiin { $found }: yhdellä myynnillä on yksi valuutta
cli-err-cart-empty = ostoskori on tyhjä: syötä summa tai valitse tuote
cli-err-cart-unknown-rate = rivi { $line }: kaupan ALV-taulukossa ei ole verokantaa nimeltä "{ $rate }" (Asetukset → Kauppa)
cli-err-line-no-amount = rivillä { $line } ("{ $text }") ei ole summaa: syötä hinta
cli-err-line-negative = rivillä { $line } ("{ $text }") on negatiivinen summa; rahojen palautus on palautus siihen myyntiin, jossa ne maksettiin, ei uuden myynnin rivi
cli-err-line-no-quantity = rivin { $line } ("{ $text }") määrä on 0: poista rivi tai syötä määrä
cli-err-line-no-text = rivi { $line } tarvitsee tekstin siitä, mitä myytiin
cli-err-line-mixed-currency = rivi { $line } on valuutassa { $found }, mutta myynti on valuutassa { $expected }: yhdellä myynnillä on yksi valuutta
cli-err-line-bad-rate = rivin { $line } ALV-kanta on välin 0–50 % ulkopuolella
cli-err-line-overflow = myynnin summat ovat liian suuria laskettaviksi yhteen
cli-err-return-more-than-left-at-rate = tästä myynnistä on palautettavissa enää { $left } ALV-kannalla { $rate }
cli-err-return-wrong-currency = palautettava summa on valuutassa { $found }, mutta myynti oli valuutassa { $expected }
cli-err-return-no-lines = valitse vähintään yksi palautettava rivi
cli-err-return-no-such-line = riviä { $line } ei ole tässä myynnissä: siinä on { $count ->
    [one] { $count } rivi
   *[other] { $count } riviä
  }
cli-err-return-zero-quantity = rivi { $line } ("{ $text }"): määrä 0 ei palauta mitään
cli-err-return-more-than-sold = rivi { $line } ("{ $text }"): vain { $left }/{ $sold } on vielä palautettavissa
cli-err-return-sale = myynnin rivejä ei voi lukea: { $error }
cli-err-return-history = tämän myynnin aiemmat palautukset eivät vastaa sen rivejä ({ $why }); mitään ei palautettu
cli-err-keyring-unavailable = järjestelmän avainnippu ei ole käytettävissä ({ $why }); Linuxissa Secret Service -palvelun (esim. GNOME Keyring) täytyy olla käynnissä ja lukitsematon
cli-err-keyring-refused = järjestelmän avainnippu esti pääsyn: { $why }
cli-err-key-make = kuittiavainta ei voitu luoda: { $why }
cli-err-sandbox-start = sisäänrakennettua hiekkalaatikkoa ei voi käynnistää: { $error }
cli-err-webhook-listen = webhookeja ei voi kuunnella osoitteessa { $addr }: { $error }

## Kuitit, joita ei tulostettu tai tallennettu (kuitti on tallessa)
cli-err-print-bad-address = “{ $input }” ei ole tulostimen osoite: aseta tulostin kohdassa Asetukset → Kauppa muodossa 192.168.1.50 tai 192.168.1.50:9100. Kuitti on tallessa; tulosta se uudelleen myynnistä.
cli-err-print-unknown-host = Tulostimen nimeä { $addr } ei tunneta tässä verkossa: tarkista tulostin kohdassa Asetukset → Kauppa. Kuitti on tallessa; tulosta se uudelleen myynnistä.
cli-err-print-no-answer = Tulostin osoitteessa { $addr } ei vastaa: onko se päällä? Kuitti on tallessa; tulosta se uudelleen myynnistä.
cli-err-print-not-taking = Tulostin osoitteessa { $addr } ei vastaa: onko se päällä, paperia sisällä ja kansi kiinni? Kuitti on tallessa; tulosta se uudelleen myynnistä.
cli-err-print-connection-broke = Yhteys tulostimeen osoitteessa { $addr } katkesi tulostuksen aikana: tarkista paperi, kansi ja kaapeli. Kuitti on tallessa; tulosta se uudelleen myynnistä.
cli-err-print-none = Kuittitulostinta ei ole asetettu: lisää sen osoite kohdassa Asetukset → Kauppa, tai käytä Tulosta- tai Tallenna PDF -toimintoa. Kuitti on tallessa.
cli-err-pdf-is-a-folder = { $path } on kansio: valitse PDF:lle tiedostonimi (esim. kuitti-1042.pdf). Kuitti on tallessa.
cli-err-pdf-no-folder = Kansiota { $folder } ei ole: valitse PDF:lle toinen tallennuspaikka. Kuitti on tallessa.
cli-err-pdf-not-allowed = Kassa ei saa kirjoittaa kansioon { $folder }: valitse PDF:lle toinen kansio. Kuitti on tallessa.
cli-err-pdf-disk-full = Levy on täynnä: PDF:ää ei voitu tallentaa nimellä { $path }. Vapauta tilaa tai valitse toinen paikka. Kuitti on tallessa.
cli-err-pdf-other = PDF:ää ei voitu tallentaa nimellä { $path } ({ $reason }). Kuitti on tallessa.
cli-err-receipt-folder = Kuittikansiota { $folder } ei voi luoda ({ $reason }). Kuitti on tallessa.
cli-err-receipt-no-profile = määritä myymälä (Asetukset → Kauppa tai `kassa setup --legal-name … --org-number …`) ennen kuitin tulostamista: kuittiin tarvitaan yrityksen virallinen nimi, Y-tunnus ja osoite
cli-err-receipt-not-paid = myynnillä { $sale } ei ole kuittia: sitä ei ole maksettu
cli-err-receipt-no-such-number = sarjassa { $series } ei ole kuittinumeroa { $number }
cli-err-receipt-series-live = tuotanto
cli-err-receipt-series-training = harjoitus

## Pankkitilin yhdistäminen (Asetukset → Yhdistä pankkitili)
cli-err-connect-bad-redirect = virheellinen paluuosoite "{ $value }": sen on oltava http-osoite tällä koneella (127.0.0.1, localhost tai [::1]) portin kanssa
cli-err-connect-listen = osoitteessa { $addr } ei voi odottaa selaimen vastausta ({ $error }); onko toinen Kassa yhdistämässä tiliä?
cli-err-connect-cancelled = pankkitiliä ei yhdistetty: yhdistäminen peruttiin selaimessa
cli-err-connect-refused = pankkitiliä ei yhdistetty: palvelu vastasi { $error }
cli-err-connect-refused-why = pankkitiliä ei yhdistetty: palvelu vastasi { $error } ({ $why })
cli-err-connect-wrong-state = selaimen vastaus ei kuulu tähän yhdistämisyritykseen; aloita alusta
cli-err-connect-no-state = selaimen vastauksessa ei ole state-arvoa, joten Kassa ei voi tietää, kuuluuko se tähän yhdistämisyritykseen; se ohitettiin
cli-err-connect-no-code = selaimen vastauksessa ei ole koodia; aloita alusta
cli-err-connect-exchange = palvelu ei hyväksynyt koodia, jonka selain toi takaisin: { $error }
cli-err-connect-service = palvelu ei luetellut yhdistettyjä tilejä: { $error }
cli-err-connect-no-accounts = palvelu ei nimeä yhtään tiliä, joka voi vastaanottaa maksuja tälle yhteydelle; yhdistä uudelleen ja valitse tili
cli-err-connect-not-offered = tili { $id } ei ole yksi juuri yhdistetyistä tileistä ({ $offered })
cli-err-connect-timed-out = pankkitiliä ei yhdistetty: selaimelta ei tullut mitään { $minutes } minuutissa
cli-err-connect-save = tili yhdistettiin, mutta Kassa ei voinut tallentaa sitä: { $error }

## Kaupan keskitin (kassa hub …, kassa status, Asetukset)
cli-hub-password-prompt = Keskittimen salasana käyttäjälle { $user } (ei näy; Enter, jos ei salasanaa):
cli-hub-connected = Tämä kassa ({ $till }) lähettää nyt kirjanpitonsa keskittimeen osoitteessa { $hub }; keskittimellä oli { $acked } sen kirjauksista. Kassa käyttää sitä seuraavasta käynnistyksestä alkaen.
cli-hub-up-to-date = keskitin { $hub }: ajan tasalla
cli-hub-behind = keskitin { $hub }: { $behind ->
    [one] 1 kirjaus lähettämättä
   *[other] { $behind } kirjausta lähettämättä
  }
cli-hub-last-ok = (viimeksi yhteydessä { $when })
cli-hub-synced = Lähetettiin { $stored } kirjausta; keskittimellä on tämän kassan kirjaukset numeroon { $acked } asti.
cli-hub-bad-mode = "{ $mode }" ei ole raportti: käytä x (päivä tähän asti) tai z (sinä päivänä suljetut jaksot)
cli-hub-report-title = { $mode ->
    [z] Kaupan Z, { $date }
   *[x] Kaupan X, { $date }
  }
cli-hub-report-training = HARJOITUS (sisäänrakennetun hiekkalaatikon myynnit)
cli-hub-till = { $name } ({ $till }): { $count } myyntiä { $amount }, { $returns } palautusta { $returned }
cli-hub-till-tenders = { "  " }{ $tenders }
cli-hub-tender = { $tender ->
    [cash] käteinen
    [card] kortti
   *[bank] pankkimaksu
  } { $amount }
cli-hub-till-last-z = { "  " }viimeisin Z { $number } { $when }
cli-hub-till-no-z = { "  " }ei vielä Z-raporttia
cli-hub-till-open-returns = { "  " }lähettämättömät pankkimaksujen palautukset: { $count } ({ $amount })
cli-hub-till-double = { "  " }kahdesti maksetut, palautettavat: { $count } ({ $amount })
cli-hub-shop = Kauppa: { $count } myyntiä { $amount }, { $returns } palautusta { $returned }
cli-hub-vat = { "  " }ALV { $rate }: veroton { $net }, ALV { $vat }, verollinen { $gross }
cli-hub-vat-none = { "  " }ALV:ta ei kirjattu: { $gross }
cli-hub-no-tills = Yksikään kassa ei ole vielä lähettänyt kirjanpitoaan tähän keskittimeen.
cli-hub-exported = Kirjoitettiin { $files } kansioon { $dir }.
cli-hub-bad-list = "{ $what }" ei ole keskittimen luettelo: käytä shop tai staff
cli-hub-pushed-shop = Kaupan asetukset ovat nyt keskittimessä versio { $version }; jokainen kassa ottaa ne käyttöön.
cli-hub-pushed-staff = Henkilökunta on nyt keskittimessä versio { $version }; jokainen kassa ottaa sen käyttöön.
cli-hub-pulled-shop = Otettiin keskittimen kaupan asetukset (versio { $version }).
cli-hub-shop-current = Kaupan asetukset ovat jo keskittimen uusimmat.
cli-hub-pulled-staff = Otettiin keskittimen henkilökunta (versio { $version }): { $changed ->
    [one] 1 lisätty tai muutettu
   *[other] { $changed } lisätty tai muutettu
  }.
cli-hub-staff-current = Henkilökunta on jo keskittimen uusin.
cli-hub-no-such-till = keskittimellä ei ole kassan { $till } kirjauksia: `kassa hub report x --json` luettelee sen kassat
cli-hub-restored = Kassa { $till } palautettiin keskittimestä: { $records } kirjausta tiedostoon { $file }.

## kassa terminal serve
cli-terminal-ready = Kassa on pankkimaksujen maksupääte osoitteessa { $url } (POIID { $poi }, { $currency }); kassajärjestelmät lähettävät Authorization: Bearer -otsakkeen, jossa on KASSA_TERMINAL_TOKEN-avain. Ctrl-C lopettaa.
cli-terminal-cannot-run = kassajärjestelmiä ei voi palvella: { $error }
cli-terminal-fingerprint = Yhdistä kassajärjestelmä tämän varmenteen SHA-256-sormenjäljellä: { $fingerprint }
cli-terminal-token-new = Kassajärjestelmien avain: { $token }
    Anna se kassajärjestelmälle (se lähettää Authorization: Bearer AVAIN). Se säilytetään järjestelmän avainnipussa eikä sitä näytetä uudelleen; `kassa terminal token --new` korvaa sen.
cli-terminal-token-removed = Kassajärjestelmien avain poistettiin: Kassa ei palvele kassajärjestelmiä ennen kuin uusi tehdään.
cli-terminal-token-set = Kassajärjestelmien avain on asetettu (järjestelmän avainnipussa).
cli-terminal-token-none = Kassajärjestelmien avainta ei ole asetettu: `kassa terminal token --new` tekee sellaisen.
