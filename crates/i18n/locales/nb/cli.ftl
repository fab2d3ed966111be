# cli.ftl (norsk bokmål): kommandolinjens egne tekster (setup, doctor, status, refusjoner, retur, ansatte, nøkler, eksport) og feilene den skriver.

## kassa status
cli-status-training = Trening (sandkasse): ingen ekte penger.
cli-status-no-open-sale = Ingen åpent salg.
cli-status-open = ÅPENT  { $sale }  { $amount }  { $attempts } forsøk  (fullfør det med `kassa resume` eller `kassa cancel { $sale }`)
cli-status-unsettled = UAVKLART  { $sale }  (en betaling kom inn rett før Kassa stoppet: kjør `kassa resume`)
cli-status-followed = FØLGES  betaling { $payment } på { $amount } (salg { $sale }, kode { $code }): { $status } i banken
cli-status-no-status-yet = ingen status ennå
cli-status-followed-open-sale = { $count ->
    [one] { $count } kode til det åpne salget { $sale } er fortsatt åpen i banken; `kassa resume` følger den.
   *[other] { $count } koder til det åpne salget { $sale } er fortsatt åpne i banken; `kassa resume` følger dem.
}
cli-status-followed-sale = { $count ->
    [one] { $count } tidligere kode til salg { $sale } er fortsatt åpen i banken; `kassa resume` følger den.
   *[other] { $count } tidligere koder til salg { $sale } er fortsatt åpne i banken; `kassa resume` følger dem.
}
cli-status-all-clear = Ingenting krever oppmerksomhet.
cli-status-nothing-to-refund = Ingen betaling å refundere så langt; kodene over kan fortsatt betales.
cli-status-attention = KREVER OPPMERKSOMHET: refunder betaling { $payment } på { $amount } (salg { $sale }): { $note }
cli-status-elsewhere = Ikke talt med her: { $open } åpne, { $unsettled } uavklarte og { $attention } som krever oppmerksomhet på { $backend }-backenden (en kasse på den viser dem).
cli-status-elsewhere-training = Ikke talt med her: { $open } åpne, { $unsettled } uavklarte og { $attention } som krever oppmerksomhet på { $backend }-backenden (trening) (en kasse på den viser dem).

## kassa refunded, backup, resume
cli-refunded-default-note = refundert manuelt
cli-refunded-done = Betaling { $payment } til salg { $sale } merket: { $note }.
cli-refunded-no-note = betaling { $payment } har ingen åpen merknad om oppmerksomhet (se `kassa status`)
cli-backup-done = Sikkerhetskopi av { $db } lagret i { $file }
cli-resume-none = Ingen åpent salg.
cli-resume-some = Gjenopptar { $count } åpne salg: { $sales }
cli-attention-exit = { $count } betaling(er) krever oppmerksomhet: se `kassa status`
cli-earlier-codes-open = { $count } tidligere kode(r) til salg { $sale } er fortsatt åpne i banken; `kassa resume` følger dem
cli-sale-in-progress = salg { $sale } er fortsatt åpent; følg det i appen eller kjør `kassa cancel { $sale }`

## kassa export (jsonl, csv)
cli-export-failed = eksporten mislyktes: { $error }
cli-export-training-saft = --training hører ikke til --format saf-t: SAF-T-filen har treningskvitteringene ved siden av de ekte, merket som trening
cli-export-period-not-for-jsonl = --from og --to hører til --format saf-t; jsonl- og csv-eksporten har alle salg

## kassa export --format saf-t
cli-saft-no-out = si hvor SAF-T-filen skal lagres: --out FIL.xml
cli-saft-no-period = oppgi perioden som skal eksporteres: --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD (begge dager medregnet)
cli-saft-no-shop = sett opp butikken før eksporten (Innstillinger → Butikk, eller `kassa setup --legal-name … --org-number …`): SAF-T-filen oppgir virksomhetens organisasjonsnummer og juridiske navn
cli-saft-in-use = journalen brukes av { $owner }: eksporter fra appen (Dag → Eksporter SAF-T), eller lukk den og kjør dette igjen. Hver eksport journalføres, så denne kommandoen trenger journalen.
cli-saft-wrote = SAF-T Cash Register-filen { $file } er skrevet ({ $bytes } byte): { $summary }.
cli-saft-file-name = Skatteetatens navn på den: { $name }
cli-saft-journaled = Eksporten står i den elektroniske journalen (hendelse 13020).
cli-saft-not-journaled = filen er skrevet, men eksporten kunne ikke journalføres: { $error }

## kassa keys, kassa verify
cli-keys-exported = Den offentlige delen av kvitteringsnøkkel versjon { $version } ligger i { $file } (gi den til Skatteetaten).
cli-keys-made = Kvitteringsnøkkel versjon { $version } er laget: kvitteringene signeres med den fra nå av. Gi Skatteetaten den offentlige delen: kassa keys export-public --out key-v{ $version }.pem
cli-verify-live = Ekte kvitteringer
cli-verify-training = Treningskvitteringer
cli-verify-before = { $count } fra før kvitteringene ble signert, ikke kontrollert
cli-verify-ok = { $series }: { $verified } kontrollert.
cli-verify-ok-before = { $series }: { $verified } kontrollert ({ $before }).
cli-verify-broken = { $series }: BRUTT ved kvittering { $receipt }: { $why } ({ $verified } kontrollert før den).
cli-verify-broken-before = { $series }: BRUTT ved kvittering { $receipt }: { $why } ({ $verified } kontrollert før den ({ $before })).
cli-verify-chain-broken = kvitteringskjeden er brutt: { $broken }. La journalen være som den er (ingenting er reparert), og si fra til den som fører regnskapet ditt.
# Hvorfor en kvittering ikke består kontrollen
cli-verify-receipt-broken = kvittering { $receipt } består ikke kontrollen: { $why }
cli-verify-first-missing = den mangler: den første kvitteringen er { $first }
cli-verify-gap = den mangler: kvittering { $next } kommer etter kvittering { $before }
cli-verify-unsigned = den har ingen signatur
cli-verify-named-no-receipts = den mangler: det finnes ingen kvitteringer, men kvittering { $named } er nevnt { $by }
cli-verify-named-after-last = den mangler: den siste kvitteringen er { $last }, men kvittering { $named } er nevnt { $by }
cli-verify-by-running-totals = i de løpende totalene
cli-verify-by-z-report = i en Z-rapport
cli-verify-by-journal-event = i den elektroniske journalen
cli-verify-by-print = i en utskrift av den
cli-verify-by-seal = i sin egen forsegling
cli-verify-no-public-key = det finnes ingen offentlig nøkkel av versjon { $version }
cli-sig-bad-date = kvitteringens dato { $value } er ikke en dato som 2026-03-02
cli-sig-bad-time = kvitteringens klokkeslett { $value } er ikke et klokkeslett som 14:05:09
cli-sig-bad-nr = kvitteringsnummeret { $value } er tomt, lengre enn 35 tegn eller inneholder et ';'
cli-sig-bad-previous = den forrige signaturen inneholder et ';' eller et linjeskift: den er ikke en signatur
cli-sig-bad-key = signeringsnøkkelen kan ikke leses: { $error }
cli-sig-wrong-key-size = signeringsnøkkelen er på { $bits } bit; Skatteetatens kontroll tar 1024-bits nøkler med eksponent 65537
cli-sig-not-a-signature = signaturen er ikke base64 eller ikke en RSA-signatur
cli-sig-mismatch = signaturen stemmer ikke med kvitteringen
cli-sig-generate = nøkkelen kunne ikke lages: { $error }

## kassa return, refunds, bookkeeping, receipt
cli-books-no-journal = det finnes ingen salgsjournal i { $path }
cli-return-bad-amount = feil beløp å returnere: { $error }
cli-return-in-cash = kontant
cli-return-to-card = til kortet (refunder det på terminalen)
cli-return-by-bank = med bankoverføring
cli-return-done = Returkvittering #{ $number } til salg { $sale }: { $back } tilbake { $how }. Igjen å returnere: { $left }.
cli-return-done-of = Returkvittering #{ $number } til salg { $sale } (kvittering #{ $of }): { $back } tilbake { $how }. Igjen å returnere: { $left }.
cli-return-transfer = { $transfer } Merk den sendt med `kassa refunds --sent { $id } --note TEKST`.
cli-refunds-no-transfer = det finnes ingen bankoverføring { $id } (se `kassa refunds`)
cli-refunds-none = Ingen bankoverføring å gjøre.
cli-books-bad-day = { $day } er ikke en dag i kalenderen: skriv den som ÅÅÅÅ-MM-DD
cli-books-wrote = Skrev { $rows } MVA-linje(r) av kvitteringer fra { $from } til { $to } i { $file }
cli-books-wrote-training = Skrev { $rows } MVA-linje(r) av treningskvitteringer fra { $from } til { $to } i { $file }
cli-cannot-write = kan ikke skrive { $file }: { $error }
cli-receipt-no-printer = ingen kvitteringsskriver er satt opp: legg den til med `kassa setup --printer VERT[:PORT]`, eller lagre en PDF med --pdf FIL
cli-receipt-printed-copy = Skrevet ut som KOPI { $n }.
cli-receipt-printed = Skrevet ut (originalen).

## kassa staff, and who a command acts as
cli-staff-pin = PIN
cli-staff-no-pin = ingen PIN
cli-staff-on = på
cli-staff-off = av
cli-staff-pin-prompt = PIN for { $name }:{" "}
cli-staff-pin-missing = Skriv inn PIN for { $name } (eller sett KASSA_PIN).
cli-staff-new-pin-prompt = Ny PIN for { $name } (4 til 8 sifre):{" "}
cli-staff-new-pin-missing = Skriv inn den nye PIN-koden for { $name } (eller sett KASSA_NEW_PIN).
cli-staff-cashier-refused = { $error } { $name } er kasserer: oppgi en leders nummer med --employee.
cli-staff-added = { $name } ({ $id }) er lagt til som { $role }.
cli-staff-pin-set = Ny PIN satt for { $name }.
cli-staff-role-set = Ansatt { $id } er nå { $role }.
cli-staff-turned-off = Ansatt { $id } er slått av.
cli-staff-turned-on = Ansatt { $id } er slått på igjen.

## kassa setup
cli-setup-nothing = ingenting å sette opp: oppgi --client-id og --destination-id (Aiia), eller butikkens innstillinger (--legal-name, --org-number, --vat, --quick, --printer, … se --help)
cli-setup-secret-prompt = Client Secret (leses fra standard inn, lagres i systemets nøkkelring):
cli-setup-secret-unreadable = kan ikke lese Client Secret: { $error }
cli-setup-saved = Lagret i { $path } (hemmeligheten ligger i systemets nøkkelring). Kjør `kassa doctor` for å kontrollere det.
cli-setup-shop-saved = Butikken er lagret i { $path }: { $profile }; MVA { $vat } (standard { $default }); { $quick } hurtigvare(r); skriver { $printer }; logo { $logo }; { $width } tegn per linje.
cli-setup-bad-vat = feil --vat "{ $vat }": skriv den som NAVN=PROSENT eller NAVN=PROSENT@SAFT_KODE, f.eks. "Mat=15@31"
cli-setup-no-vat-rate = det finnes ingen MVA-sats som heter "{ $name }"
cli-setup-bad-quick = feil --quick "{ $quick }": skriv den som NAVN=PRIS@SATS, f.eks. "Kaffe=35@Standard"
cli-setup-no-quick-item = det finnes ingen hurtigvare som heter "{ $name }"
cli-setup-no-profile = ingen virksomhetsprofil ennå
cli-setup-none = ingen

## kassa connect
cli-connect-try-again = Trykk Enter for å prøve igjen (en ny adresse følger), eller Ctrl-C for å stoppe.
cli-connect-none = ingen konto ble koblet til
cli-connect-nothing-saved = ingenting ble lagret
cli-connect-done = Koblet til: { $account }. Mottaker { $id } lagret.
cli-connect-browser-shows = Nettleseren viser bankens side: velg kontoen som tar imot betalingene.
cli-connect-if-not-opened = Hvis den ikke åpnet seg, åpne denne adressen:
cli-connect-open-address = Åpne denne adressen i en nettleser og velg kontoen som tar imot betalingene:
cli-connect-accounts = Tilkoblede kontoer:
cli-connect-which = Hvilken konto tar imot betalingene? [1-{ $count }]{" "}
cli-connect-type-number = Skriv et tall fra 1 til { $count }.
cli-connect-confirm = Lagre { $account } ({ $id }) som kontoen som tar imot betalingene? [j/N]{" "}

## kassa doctor
cli-doctor-ok = ok
cli-doctor-fail = FEIL
cli-doctor-settings = innstillinger
cli-doctor-connection = tilkobling
cli-doctor-credentials = pålogging
cli-doctor-destination = mottaker
cli-doctor-clock = klokke
cli-doctor-needs-attention = tilkoblingen til betalingstjenesten krever oppmerksomhet (se over)

## kassa sandbox
cli-sandbox-bad-shape = feil { $source }: "{ $value }" (bruk object eller flat)
cli-sandbox-bad-faults = feil { $source }: { $error }
cli-sandbox-lan = kassa sandbox --lan: { $error }
cli-sandbox-cannot-run = kan ikke kjøre sandkassen på { $host }:{ $port }: { $error }
cli-sandbox-phones = TRENINGSbank for telefoner på dette nettverket: { $url } (skann en kode med hvilken som helst telefon på nettverket; ingen ekte penger flyttes). Test- og admin-adressene svarer bare på 127.0.0.1.
cli-sandbox-ready = Aiia Pay-sandkassen er klar på { $url } (sandkassens påloggingsopplysninger; trykk Ctrl-C for å stoppe)
    token-adresse: { $token }
    Client ID: { $client }
    Client Secret: { $secret }
    mottakere: { $destinations }
    webhooks til: { $webhook }
cli-cannot-start = kan ikke starte: { $error }

## kassa charge: its input
cli-bad-cash = feil --cash: { $error }
cli-bad-amount = feil beløp: { $error }
cli-line-bad = feil --line "{ $line }": skriv den som TEKST=BELØP eller TEKST=BELØP@SATS, f.eks. "Brød=39,90@Mat"
cli-line-no-amount = feil --line "{ $line }": linjen har ikke noe beløp: skriv prisen etter =
cli-line-bad-amount = feil --line "{ $line }": { $error }
cli-amount-and-lines = oppgi enten --amount eller --line (hver linje har sitt eget beløp), ikke begge
cli-amount-or-lines = oppgi beløpet (--amount 12,50) eller linjene (--line TEKST=BELØP)

## Amounts refused (kassa_money::MoneyError)
cli-money-empty = skriv inn et beløp
cli-money-not-a-number = "{ $text }" er ikke et beløp: bruk sifre og ett desimaltegn, f.eks. 12,50
cli-money-too-many-decimals = { $currency } har { $allowed } desimaler; "{ $text }" har flere
cli-money-not-positive = beløpet må være større enn null
cli-money-too-large = beløpet er over grensen på { $limit } for ett salg
cli-money-unknown-currency = "{ $text }" er ikke en støttet valuta (DKK, SEK, NOK eller EUR)

## Errors of the journal and the books (kassa_journal::JournalError, kassa_boot::books::BooksError)
cli-err-disk-full = disken er full: salgsjournalen kan ikke skrives. Frigjør litt plass; ingenting som allerede er skrevet, går tapt
cli-err-read-only = salgsjournalen er skrivebeskyttet: kontroller tillatelsene til Kassas datamappe
cli-err-corrupt = salgsjournalen er skadet ({ $why }); behold filen og gjenopprett en sikkerhetskopi
cli-err-schema-too-new = salgsjournalen er skrevet av en nyere Kassa (skjema { $found }, denne kjenner { $supported }); oppdater Kassa
cli-err-schema-too-old = salgsjournalen er fra en eldre Kassa (skjema { $found }, denne skriver { $supported }) og oppgraderes neste gang kassen starter: åpne appen eller kjør `kassa resume` én gang, og prøv så igjen
cli-err-not-found = { $what } finnes ikke i journalen
cli-err-in-use = journalen { $journal } brukes av { $owner }: lukk den først, eller bruk `kassa status` for å se uten å selge
cli-err-own-file = { $dest } er en del av salgsjournalen { $journal }: å skrive der ville ødelegge den; velg en annen fil
cli-err-backup = kan ikke ta sikkerhetskopi til { $file }: { $error }
cli-err-return-nothing-left = ingenting av dette salget er igjen å returnere: det er returnert i sin helhet
cli-err-return-more-than-left = bare { $left } av dette salget er igjen å returnere
cli-err-return-not-positive = skriv inn beløpet som skal returneres: det må være større enn null
cli-err-no-such-sale = ingen salg, kvitteringsnummer eller betalings-ID passer til "{ $key }"
cli-err-not-paid = salg { $sale } er ikke betalt: det er ingenting å returnere
cli-err-no-reason = oppgi årsaken til returen
cli-err-no-vat-lines = salg { $sale } ble skrevet som et beløp uten MVA-linjer (av en eldre Kassa): returner det manuelt og noter det
cli-err-no-note = skriv hvordan overføringen ble gjort (en merknad til regnskapet)
cli-err-bad-period = perioden slutter før den begynner: --to må være samme dag som eller etter --from
cli-err-no-receipt = salg { $sale } har ingen kvittering: det ble betalt før kvitteringer ble skrevet

## Who acts, and staff changes refused (kassa_boot::session::SessionError)
cli-staff-role-cashier = kasserer
cli-staff-role-manager = leder
cli-err-pin-empty = Skriv inn en PIN.
cli-err-pin-not-digits = En PIN består bare av sifre (0 til 9).
cli-err-pin-length = En PIN har 4 til 8 sifre; denne har { $count }.
cli-err-name-empty = Skriv inn navnet til den ansatte.
cli-err-id-empty = Gi den ansatte et nummer eller en kort kode.
cli-err-id-characters = Et ansattnummer består bare av bokstaver, sifre, '-', '_' og '.'.
cli-err-unknown-employee = Det finnes ikke noe ansattnummer { $id } ved denne kassen.
cli-err-inactive = { $name } er slått av ved denne kassen; en leder kan slå vedkommende på igjen.
cli-err-wrong-pin = Feil PIN.
cli-err-pin-needed = Skriv inn PIN for { $name }.
cli-err-no-pin = { $name } har ingen PIN ennå; en leder må sette en før { $name } kan logge inn.
cli-err-not-logged-in = Ingen er logget inn ved denne kassen: logg inn først.
cli-err-not-a-manager = { $name } er kasserer: bare en leder kan godkjenne dette.
cli-err-taken = Ansattnummer { $id } er allerede i bruk.
cli-err-manager-pin-first = Sett din egen PIN først: når en kasse har to ansatte, logger alle inn med PIN.
cli-err-new-needs-pin = En ny ansatt trenger en PIN på 4 til 8 sifre.
cli-err-last-manager = { $name } er kassens siste aktive leder: gjør noen andre til leder først.
cli-err-needs-manager = Dette krever en leder.
cli-err-key-missing = Kvitteringens signeringsnøkkel (versjon { $version }) for denne kassen finnes ikke i datamaskinens nøkkelring, så ingen kvitteringer kan utstedes. Gjenopprett nøkkelringen fra sikkerhetskopien, eller lag en ny nøkkel med `kassa keys new` og gi Skatteetaten den offentlige nøkkelen (`kassa keys export-public --out key.pem`).
cli-err-key-not-this-till = Kvitteringens signeringsnøkkel (versjon { $version }) i nøkkelringen er ikke den som har sin offentlige del i journalen, så ingen kvitteringer kan utstedes med den. Gjenopprett riktig nøkkelring, eller lag en ny nøkkel med `kassa keys new`.
cli-err-key-damaged = kvitteringens signeringsnøkkel (versjon { $version }) i nøkkelringen er skadet: { $why }
cli-err-key-none-yet = journalen har ingen kvitteringsnøkkel ennå: den får en med den første kvitteringen
cli-err-key-no-such-version = journalen har ingen kvitteringsnøkkel av versjon { $version }
cli-err-sale-not-open = salg { $sale } er ikke åpent
cli-err-sale-not-found = salg { $sale } finnes ikke
cli-err-no-lines = et salg trenger minst én linje
cli-err-nothing-to-pay = salgets total må være større enn null
cli-err-over-limit = salgets total { $total } er over grensen på { $limit } for ett salg
cli-err-cash-short = kontantene som ble gitt ({ $given }), er mindre enn totalen ({ $total }): ta imot minst totalen
cli-err-bad-card-reference = kortterminalens referanse har høyst 40 tegn og ingen tabulatorer eller linjeskift
cli-err-field-api-url = API-adressen (KASSA_API_URL) må være en nettadresse som begynner med https:// (http:// bare for en lokal sandkasse), eller være tom; "{ $value }" er ikke det
cli-err-field-client-id-spaces = Client ID (KASSA_CLIENT_ID) kan ikke inneholde mellomrom
cli-err-field-client-id-missing = Skriv inn Client ID (KASSA_CLIENT_ID) som hører til denne Client Secret
cli-err-field-client-secret-missing = Skriv inn Client Secret: ingen er oppgitt (KASSA_CLIENT_SECRET), og ingen er lagret i datamaskinens nøkkelring ennå
cli-err-field-destination-spaces = Mottakeren (KASSA_DESTINATION_ID) kan ikke inneholde mellomrom
cli-err-field-destination-missing = Skriv inn mottakeren (KASSA_DESTINATION_ID), eller trykk Koble til bankkonto i Innstillinger for å velge den
cli-err-field-currency = Valutaen (KASSA_CURRENCY) må være DKK, SEK, NOK eller EUR, ikke "{ $value }"
cli-err-field-redirect-missing = Skriv inn siden kundenes telefoner åpner etter betalingen (KASSA_REDIRECT_URL), f.eks. butikkens nettsted; den må begynne med https://
cli-err-field-redirect-not-https = Siden etter betalingen (KASSA_REDIRECT_URL) må begynne med https:// på en ekte kasse, ikke "{ $value }"
cli-err-field-redirect-not-web = Siden etter betalingen (KASSA_REDIRECT_URL) må være en nettadresse som begynner med https://, ikke "{ $value }"

## kassa doctor og Innstillinger → Test tilkoblingen: hva hver kontroll fant
cli-doctor-mode-sandbox = den innebygde sandkassen (ingen påloggingsopplysninger angitt)
cli-doctor-mode-live = Aiia med brukerstedets påloggingsopplysninger
cli-doctor-settings-refused = Kassa ville brukt { $mode }, men: { $errors }
cli-doctor-uses = Kassa bruker { $mode }
cli-doctor-uses-at = Kassa bruker { $mode } på { $url }
cli-doctor-ttl-ignored = (en lenke lever 60 s hos Aiia; den angitte levetiden brukes ikke)
cli-doctor-token-issued = et token ble utstedt
cli-doctor-credentials-accepted = Client ID og Secret ble godtatt
cli-doctor-destination-takes = mottaker { $destination } tar imot betalinger i { $currency } (testforespørsel { $payment } på { $amount }, vises aldri, utløper ubetalt)
cli-doctor-destination-failed = mottaker { $destination }: { $error }
cli-doctor-clock-within = datamaskinens klokke går høyst { $secs } s feil sammenlignet med tjenestens
cli-doctor-clock-behind = datamaskinens klokke ligger { $secs } s etter tjenestens: la klokken stilles automatisk
cli-doctor-clock-ahead = datamaskinens klokke ligger { $secs } s foran tjenestens: la klokken stilles automatisk
cli-doctor-clock-unknown = tjenesten oppga ikke sin tid; ikke sammenlignet

## Betalingstjenestens feil
cli-aiia-config = feil innstilling: { $why }
cli-aiia-unreachable = når ikke betalingstjenesten på { $url }
cli-aiia-broke = tilkoblingen til betalingstjenesten på { $url } ble brutt før svaret kom
cli-aiia-timeout = betalingstjenesten svarte ikke i tide ({ $url })
cli-aiia-unauthorized = betalingstjenesten avviste påloggingsopplysningene: { $message }
cli-aiia-rejected = betalingstjenesten avviste forespørselen ({ $code }): { $message }
cli-aiia-not-found = betalingstjenesten kjenner ikke betaling { $payment }
cli-aiia-busy = betalingstjenesten er opptatt
cli-aiia-busy-retry = betalingstjenesten er opptatt; prøv igjen om { $secs } s
cli-aiia-server = betalingstjenesten har et problem (HTTP { $status }, { $code }): { $message }
cli-aiia-malformed = betalingstjenesten sendte et svar Kassa ikke kan lese: { $detail }
cli-aiia-token = kan ikke logge på betalingstjenesten: { $error }

## Sjeldnere avvisninger: linjer, returer, nøkkelringen, innstillingsfilen, oppstart av kassen
cli-err-mixed-currency = salget er i { $expected }, men { $found } ble angitt: ett salg har én valuta
cli-err-cart-empty = handlekurven er tom: skriv inn et beløp eller velg en vare
cli-err-cart-unknown-rate = linje { $line }: det finnes ingen mva-sats som heter "{ $rate }" i butikkens mva-tabell (Innstillinger → Butikk)
cli-err-line-no-amount = linje { $line } ("{ $text }") har ikke noe beløp: skriv inn prisen
cli-err-line-negative = linje { $line } ("{ $text }") har et negativt beløp; penger tilbake er en retur på salget de ble betalt i, ikke en linje i et nytt salg
cli-err-line-no-quantity = linje { $line } ("{ $text }") har antall 0: fjern linjen eller skriv inn hvor mange
cli-err-line-no-text = linje { $line } trenger en tekst som sier hva som ble solgt
cli-err-line-mixed-currency = linje { $line } er i { $found }, men salget er i { $expected }: ett salg har én valuta
cli-err-line-bad-rate = linje { $line } har en mva-sats utenfor 0 % til 50 %
cli-err-line-overflow = salgets beløp er for store til å summeres
cli-err-return-more-than-left-at-rate = bare { $left } med { $rate } mva av dette salget gjenstår å returnere
cli-err-return-wrong-currency = beløpet som skal returneres er i { $found }, men salget var i { $expected }
cli-err-return-no-lines = velg minst én linje å returnere
cli-err-return-no-such-line = linje { $line } er ikke i dette salget: det har { $count ->
    [one] { $count } linje
   *[other] { $count } linjer
  }
cli-err-return-zero-quantity = linje { $line } ("{ $text }"): antall 0 returnerer ingenting
cli-err-return-more-than-sold = linje { $line } ("{ $text }"): bare { $left } av { $sold } gjenstår å returnere
cli-err-return-sale = salgets linjer kan ikke leses: { $error }
cli-err-return-history = de tidligere returene av dette salget stemmer ikke med linjene ({ $why }); ingenting ble returnert
cli-err-keyring-unavailable = systemets nøkkelring er ikke tilgjengelig ({ $why }); på Linux må en Secret Service (f.eks. GNOME Keyring) kjøre og være låst opp
cli-err-keyring-refused = systemets nøkkelring nektet tilgang: { $why }
cli-err-key-make = ingen kvitteringsnøkkel kunne lages: { $why }
cli-err-sandbox-start = kan ikke starte den innebygde sandkassen: { $error }
cli-err-webhook-listen = kan ikke lytte etter webhooks på { $addr }: { $error }

## Kvitteringer som ikke ble skrevet ut eller lagret (kvitteringen er tatt vare på)
cli-err-print-bad-address = “{ $input }” er ikke en skriveradresse: angi skriveren i Innstillinger → Butikk som 192.168.1.50 eller 192.168.1.50:9100. Kvitteringen er tatt vare på; skriv den ut igjen fra salget.
cli-err-print-unknown-host = Skrivernavnet { $addr } er ukjent på dette nettverket: sjekk skriveren i Innstillinger → Butikk. Kvitteringen er tatt vare på; skriv den ut igjen fra salget.
cli-err-print-no-answer = Skriveren på { $addr } svarer ikke: er den slått på? Kvitteringen er tatt vare på; skriv den ut igjen fra salget.
cli-err-print-not-taking = Skriveren på { $addr } svarer ikke: er den slått på, med papir i og lokket lukket? Kvitteringen er tatt vare på; skriv den ut igjen fra salget.
cli-err-print-connection-broke = Tilkoblingen til skriveren på { $addr } ble brutt under utskriften: sjekk papir, lokk og kabel. Kvitteringen er tatt vare på; skriv den ut igjen fra salget.
cli-err-print-none = Ingen kvitteringsskriver er satt opp: legg inn adressen i Innstillinger → Butikk, eller bruk Skriv ut eller Lagre PDF. Kvitteringen er tatt vare på.
cli-err-pdf-is-a-folder = { $path } er en mappe: velg et filnavn for PDF-en (f.eks. kvittering-1042.pdf). Kvitteringen er tatt vare på.
cli-err-pdf-no-folder = Mappen { $folder } finnes ikke: velg et annet sted å lagre PDF-en. Kvitteringen er tatt vare på.
cli-err-pdf-not-allowed = Kassa får ikke skrive i { $folder }: velg en annen mappe for PDF-en. Kvitteringen er tatt vare på.
cli-err-pdf-disk-full = Disken er full: PDF-en kunne ikke lagres som { $path }. Frigjør plass eller velg et annet sted. Kvitteringen er tatt vare på.
cli-err-pdf-other = PDF-en kunne ikke lagres som { $path } ({ $reason }). Kvitteringen er tatt vare på.
cli-err-receipt-folder = Kvitteringsmappen { $folder } kan ikke opprettes ({ $reason }). Kvitteringen er tatt vare på.
cli-err-receipt-no-profile = sett opp butikken (Innstillinger → Butikk, eller `kassa setup --legal-name … --org-number …`) før en kvittering skrives ut: den trenger foretakets registrerte navn, organisasjonsnummer og adresse
cli-err-receipt-not-paid = salg { $sale } har ingen kvittering: det er ikke betalt
cli-err-receipt-no-such-number = det finnes ikke noe kvitteringsnummer { $number } i serien { $series }
cli-err-receipt-series-live = ordinær
cli-err-receipt-series-training = trening

## Koble til bankkontoen (Innstillinger → Koble til bankkonto)
cli-err-connect-bad-redirect = feil omdirigeringsadresse "{ $value }": den må være http på denne maskinen (127.0.0.1, localhost eller [::1]) med en port
cli-err-connect-listen = kan ikke lytte på { $addr } etter nettleserens svar ({ $error }); holder en annen Kassa på å koble til en konto?
cli-err-connect-cancelled = bankkontoen ble ikke koblet til: tilkoblingen ble avbrutt i nettleseren
cli-err-connect-refused = bankkontoen ble ikke koblet til: tjenesten svarte { $error }
cli-err-connect-refused-why = bankkontoen ble ikke koblet til: tjenesten svarte { $error } ({ $why })
cli-err-connect-wrong-state = svaret i nettleseren hører ikke til dette tilkoblingsforsøket; start på nytt
cli-err-connect-no-state = svaret i nettleseren har ingen state, så Kassa kan ikke se om det hører til dette tilkoblingsforsøket; det ble oversett
cli-err-connect-no-code = svaret i nettleseren har ingen kode; start på nytt
cli-err-connect-exchange = tjenesten godtok ikke koden nettleseren kom tilbake med: { $error }
cli-err-connect-service = tjenesten listet ikke de tilkoblede kontoene: { $error }
cli-err-connect-no-accounts = tjenesten oppgir ingen konto som kan motta betalinger for denne tilkoblingen; koble til igjen og velg en konto
cli-err-connect-not-offered = konto { $id } er ikke en av kontoene som nettopp ble koblet til ({ $offered })
cli-err-connect-timed-out = bankkontoen ble ikke koblet til: ingenting kom tilbake fra nettleseren på { $minutes } minutter
cli-err-connect-save = kontoen ble koblet til, men Kassa kunne ikke lagre den: { $error }

## Butikkens hub (kassa hub …, kassa status, Innstillinger)
cli-hub-password-prompt = Hub-passord for { $user } (vises ikke; Enter for ingen):
cli-hub-connected = Denne kassen ({ $till }) sender nå regnskapet sitt til huben på { $hub }; huben hadde { $acked } av postene. Kassen bruker den fra neste oppstart.
cli-hub-up-to-date = hub { $hub }: à jour
cli-hub-behind = hub { $hub }: { $behind ->
    [one] 1 post å sende
   *[other] { $behind } poster å sende
  }
cli-hub-last-ok = (sist i kontakt { $when })
cli-hub-synced = Sendte { $stored } poster; huben har denne kassens poster til og med { $acked }.
cli-hub-bad-mode = "{ $mode }" er ikke en rapport: bruk x (dagen så langt) eller z (periodene som ble lukket den dagen)
cli-hub-report-title = { $mode ->
    [z] Z for butikken, { $date }
   *[x] X for butikken, { $date }
  }
cli-hub-report-training = TRENING (den innebygde sandkassens salg)
cli-hub-till = { $name } ({ $till }): { $count } salg { $amount }, { $returns } returer { $returned }
cli-hub-till-tenders = { "  " }{ $tenders }
cli-hub-tender = { $tender ->
    [cash] kontant
    [card] kort
   *[bank] bankbetaling
  } { $amount }
cli-hub-till-last-z = { "  " }siste Z { $number } { $when }
cli-hub-till-no-z = { "  " }ingen Z ennå
cli-hub-till-open-returns = { "  " }returer med bankbetaling som skal sendes: { $count } ({ $amount })
cli-hub-till-double = { "  " }betalinger gjort to ganger, som skal refunderes: { $count } ({ $amount })
cli-hub-shop = Butikk: { $count } salg { $amount }, { $returns } returer { $returned }
cli-hub-vat = { "  " }mva { $rate }: netto { $net }, mva { $vat }, brutto { $gross }
cli-hub-vat-none = { "  " }ingen mva registrert: { $gross }
cli-hub-no-tills = Ingen kasse har sendt regnskapet sitt til denne huben ennå.
cli-hub-exported = Skrev { $files } i { $dir }.
cli-hub-bad-list = "{ $what }" er ikke en liste huben har: bruk shop eller staff
cli-hub-pushed-shop = Butikkinnstillingene er nå versjon { $version } i huben; alle kasser henter dem.
cli-hub-pushed-staff = De ansatte er nå versjon { $version } i huben; alle kasser henter dem.
cli-hub-pulled-shop = Hentet hubens butikkinnstillinger (versjon { $version }).
cli-hub-shop-current = Butikkinnstillingene er allerede hubens nyeste.
cli-hub-pulled-staff = Hentet hubens ansatte (versjon { $version }): { $changed ->
    [one] 1 lagt til eller endret
   *[other] { $changed } lagt til eller endret
  }.
cli-hub-staff-current = De ansatte er allerede hubens nyeste.
cli-hub-no-such-till = huben har ingen poster fra kasse { $till }: `kassa hub report x --json` viser kassene den har
cli-hub-restored = Gjenopprettet kasse { $till } fra huben: { $records } poster i { $file }.

## kassa terminal serve
cli-terminal-ready = Kassa er betalingsterminal for bankbetaling på { $url } (POIID { $poi }, { $currency }); kassaapparater sender Authorization: Bearer med nøkkelen i KASSA_TERMINAL_TOKEN. Ctrl-C stopper.
cli-terminal-cannot-run = kan ikke betjene kassaapparater: { $error }
cli-terminal-fingerprint = Par kassaapparatet med sertifikatets SHA-256-fingeravtrykk: { $fingerprint }
cli-terminal-token-new = Kassaapparatenes nøkkel: { $token }
    Gi den til kassaapparatet (det sender Authorization: Bearer NØKKEL). Den lagres i systemets nøkkelring og vises ikke igjen; `kassa terminal token --new` erstatter den.
cli-terminal-token-removed = Kassaapparatenes nøkkel er fjernet: Kassa betjener ingen kassaapparater før en ny er laget.
cli-terminal-token-set = En nøkkel for kassaapparatene er satt (i systemets nøkkelring).
cli-terminal-token-none = Ingen nøkkel for kassaapparatene er satt: `kassa terminal token --new` lager en.
