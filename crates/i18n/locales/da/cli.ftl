# cli.ftl (dansk): CLI'ens egne tekster (setup, doctor, status, refusioner, retur, personale, nøgler, eksport) og de fejl, den skriver.

## kassa status
cli-status-training = Træning (sandkasse): ingen rigtige penge.
cli-status-no-open-sale = Intet åbent salg.
cli-status-open = ÅBENT  { $sale }  { $amount }  { $attempts } forsøg  (afslut det med `kassa resume` eller `kassa cancel { $sale }`)
cli-status-unsettled = UAFKLARET  { $sale }  (en betaling kom ind lige før Kassa stoppede: kør `kassa resume`)
cli-status-followed = FØLGES  betaling { $payment } på { $amount } (salg { $sale }, kode { $code }): { $status } i banken
cli-status-no-status-yet = ingen status endnu
cli-status-followed-open-sale = { $count ->
    [one] { $count } kode til det åbne salg { $sale } er stadig åben i banken; `kassa resume` følger den.
   *[other] { $count } koder til det åbne salg { $sale } er stadig åbne i banken; `kassa resume` følger dem.
}
cli-status-followed-sale = { $count ->
    [one] { $count } tidligere kode til salg { $sale } er stadig åben i banken; `kassa resume` følger den.
   *[other] { $count } tidligere koder til salg { $sale } er stadig åbne i banken; `kassa resume` følger dem.
}
cli-status-all-clear = Intet kræver opmærksomhed.
cli-status-nothing-to-refund = Ingen betaling at refundere indtil videre; koderne ovenfor kan stadig betales.
cli-status-attention = KRÆVER OPMÆRKSOMHED: refundér betaling { $payment } på { $amount } (salg { $sale }): { $note }
cli-status-elsewhere = Ikke talt med her: { $open } åbne, { $unsettled } uafklarede og { $attention } der kræver opmærksomhed på { $backend }-backenden (en kasse på den viser dem).
cli-status-elsewhere-training = Ikke talt med her: { $open } åbne, { $unsettled } uafklarede og { $attention } der kræver opmærksomhed på { $backend }-backenden (træning) (en kasse på den viser dem).

## kassa refunded, backup, resume
cli-refunded-default-note = refunderet manuelt
cli-refunded-done = Betaling { $payment } til salg { $sale } markeret: { $note }.
cli-refunded-no-note = betaling { $payment } har ingen åben note om opmærksomhed (se `kassa status`)
cli-backup-done = Sikkerhedskopi af { $db } gemt i { $file }
cli-resume-none = Intet åbent salg.
cli-resume-some = Genoptager { $count } åbne salg: { $sales }
cli-attention-exit = { $count } betaling(er) kræver opmærksomhed: se `kassa status`
cli-earlier-codes-open = { $count } tidligere kode(r) til salg { $sale } er stadig åbne i banken; `kassa resume` følger dem
cli-sale-in-progress = salg { $sale } er stadig åbent; følg det i appen eller kør `kassa cancel { $sale }`

## kassa export (jsonl, csv)
cli-export-failed = eksporten mislykkedes: { $error }
cli-export-training-saft = --training hører ikke til --format saf-t: SAF-T-filen indeholder træningsbonerne ved siden af de rigtige, markeret som træning
cli-export-period-not-for-jsonl = --from og --to hører til --format saf-t; jsonl- og csv-eksporten indeholder alle salg

## kassa export --format saf-t
cli-saft-no-out = angiv hvor SAF-T-filen skal gemmes: --out FIL.xml
cli-saft-no-period = angiv perioden der skal eksporteres: --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD (begge dage medregnet)
cli-saft-no-shop = opsæt butikken før eksporten (Indstillinger → Butik, eller `kassa setup --legal-name … --org-number …`): SAF-T-filen angiver forretningens CVR-nummer og juridiske navn
cli-saft-in-use = journalen bruges af { $owner }: eksportér fra appen (Dag → Eksportér SAF-T), eller luk den og kør dette igen. Hver eksport journaliseres, så denne kommando skal bruge journalen.
cli-saft-wrote = SAF-T Cash Register-filen { $file } er skrevet ({ $bytes } byte): { $summary }.
cli-saft-file-name = Skattestyrelsens navn for den: { $name }
cli-saft-journaled = Eksporten står i den elektroniske journal (hændelse 13020).
cli-saft-not-journaled = filen er skrevet, men eksporten kunne ikke journaliseres: { $error }

## kassa keys, kassa verify
cli-keys-exported = Den offentlige del af bonnøgle version { $version } ligger i { $file } (giv den til skattemyndighederne).
cli-keys-made = Bonnøgle version { $version } er lavet: bonerne signeres med den fra nu af. Giv skattemyndighederne dens offentlige del: kassa keys export-public --out key-v{ $version }.pem
cli-verify-live = Rigtige boner
cli-verify-training = Træningsboner
cli-verify-before = { $count } fra før bonerne blev signeret, ikke kontrolleret
cli-verify-ok = { $series }: { $verified } kontrolleret.
cli-verify-ok-before = { $series }: { $verified } kontrolleret ({ $before }).
cli-verify-broken = { $series }: BRUDT ved bon { $receipt }: { $why } ({ $verified } kontrolleret før den).
cli-verify-broken-before = { $series }: BRUDT ved bon { $receipt }: { $why } ({ $verified } kontrolleret før den ({ $before })).
cli-verify-chain-broken = bonkæden er brudt: { $broken }. Lad journalen være som den er (intet er repareret), og sig det til den, der fører dit regnskab.
# Hvorfor en bon ikke består kontrollen
cli-verify-receipt-broken = bon { $receipt } består ikke kontrollen: { $why }
cli-verify-first-missing = den mangler: den første bon er { $first }
cli-verify-gap = den mangler: bon { $next } kommer efter bon { $before }
cli-verify-unsigned = den har ingen signatur
cli-verify-named-no-receipts = den mangler: der er ingen boner, men bon { $named } nævnes { $by }
cli-verify-named-after-last = den mangler: den sidste bon er { $last }, men bon { $named } nævnes { $by }
cli-verify-by-running-totals = i de løbende totaler
cli-verify-by-z-report = i en Z-rapport
cli-verify-by-journal-event = i den elektroniske journal
cli-verify-by-print = i en udskrift af den
cli-verify-by-seal = i dens egen forsegling
cli-verify-no-public-key = der er ingen offentlig nøgle af version { $version }
cli-sig-bad-date = bonens dato { $value } er ikke en dato som 2026-03-02
cli-sig-bad-time = bonens klokkeslæt { $value } er ikke et klokkeslæt som 14:05:09
cli-sig-bad-nr = bonnummeret { $value } er tomt, længere end 35 tegn eller indeholder et ';'
cli-sig-bad-previous = den forrige signatur indeholder et ';' eller et linjeskift: den er ikke en signatur
cli-sig-bad-key = signeringsnøglen kan ikke læses: { $error }
cli-sig-wrong-key-size = signeringsnøglen er på { $bits } bit; skattemyndighedernes kontrol tager 1024-bit-nøgler med eksponent 65537
cli-sig-not-a-signature = signaturen er ikke base64 eller ikke en RSA-signatur
cli-sig-mismatch = signaturen passer ikke til bonen
cli-sig-generate = nøglen kunne ikke laves: { $error }

## kassa return, refunds, bookkeeping, receipt
cli-books-no-journal = der er ingen salgsjournal i { $path }
cli-return-bad-amount = forkert beløb at returnere: { $error }
cli-return-in-cash = kontant
cli-return-to-card = til kortet (refundér det på terminalen)
cli-return-by-bank = med bankoverførsel
cli-return-done = Returbon #{ $number } til salg { $sale }: { $back } retur { $how }. Tilbage at returnere: { $left }.
cli-return-done-of = Returbon #{ $number } til salg { $sale } (bon #{ $of }): { $back } retur { $how }. Tilbage at returnere: { $left }.
cli-return-transfer = { $transfer } Markér den sendt med `kassa refunds --sent { $id } --note TEKST`.
cli-refunds-no-transfer = der er ingen bankoverførsel { $id } (se `kassa refunds`)
cli-refunds-none = Ingen bankoverførsel at lave.
cli-books-bad-day = { $day } er ikke en dag i kalenderen: skriv den som ÅÅÅÅ-MM-DD
cli-books-wrote = Skrev { $rows } momslinje(r) af boner fra { $from } til { $to } i { $file }
cli-books-wrote-training = Skrev { $rows } momslinje(r) af træningsboner fra { $from } til { $to } i { $file }
cli-cannot-write = kan ikke skrive { $file }: { $error }
cli-receipt-no-printer = der er ingen bonprinter opsat: tilføj den med `kassa setup --printer VÆRT[:PORT]`, eller gem en PDF med --pdf FIL
cli-receipt-printed-copy = Udskrevet som KOPI { $n }.
cli-receipt-printed = Udskrevet (originalen).

## kassa staff, and who a command acts as
cli-staff-pin = PIN
cli-staff-no-pin = ingen PIN
cli-staff-on = til
cli-staff-off = fra
cli-staff-pin-prompt = PIN for { $name }:{" "}
cli-staff-pin-missing = Indtast PIN for { $name } (eller sæt KASSA_PIN).
cli-staff-new-pin-prompt = Ny PIN for { $name } (4 til 8 cifre):{" "}
cli-staff-new-pin-missing = Indtast den nye PIN for { $name } (eller sæt KASSA_NEW_PIN).
cli-staff-cashier-refused = { $error } { $name } er kasseassistent: angiv en leders nummer med --employee.
cli-staff-added = { $name } ({ $id }) er tilføjet som { $role }.
cli-staff-pin-set = Ny PIN sat for { $name }.
cli-staff-role-set = Medarbejder { $id } er nu { $role }.
cli-staff-turned-off = Medarbejder { $id } er slået fra.
cli-staff-turned-on = Medarbejder { $id } er slået til igen.

## kassa setup
cli-setup-nothing = intet at opsætte: angiv --client-id og --destination-id (Aiia), eller butikkens indstillinger (--legal-name, --org-number, --vat, --quick, --printer, … se --help)
cli-setup-secret-prompt = Client Secret (læses fra standardinput, gemmes i systemets nøglering):
cli-setup-secret-unreadable = kan ikke læse Client Secret: { $error }
cli-setup-saved = Gemt i { $path } (hemmeligheden ligger i systemets nøglering). Kør `kassa doctor` for at kontrollere det.
cli-setup-shop-saved = Butikken er gemt i { $path }: { $profile }; moms { $vat } (standard { $default }); { $quick } hurtigvare(r); printer { $printer }; logo { $logo }; { $width } tegn pr. linje.
cli-setup-bad-vat = forkert --vat "{ $vat }": skriv den som NAVN=PROCENT eller NAVN=PROCENT@SAFT_KODE, f.eks. "Mad=15@31"
cli-setup-no-vat-rate = der er ingen momssats med navnet "{ $name }"
cli-setup-bad-quick = forkert --quick "{ $quick }": skriv den som NAVN=PRIS@SATS, f.eks. "Kaffe=35@Standard"
cli-setup-no-quick-item = der er ingen hurtigvare med navnet "{ $name }"
cli-setup-no-profile = ingen forretningsprofil endnu
cli-setup-none = ingen

## kassa connect
cli-connect-try-again = Tryk Enter for at prøve igen (en ny adresse følger), eller Ctrl-C for at stoppe.
cli-connect-none = ingen konto blev tilknyttet
cli-connect-nothing-saved = intet blev gemt
cli-connect-done = Tilknyttet: { $account }. Modtager { $id } gemt.
cli-connect-browser-shows = Din browser viser bankens side: vælg den konto, der modtager betalingerne.
cli-connect-if-not-opened = Hvis den ikke åbnede, så åbn denne adresse:
cli-connect-open-address = Åbn denne adresse i en browser, og vælg den konto, der modtager betalingerne:
cli-connect-accounts = Tilknyttede konti:
cli-connect-which = Hvilken konto modtager betalingerne? [1-{ $count }]{" "}
cli-connect-type-number = Skriv et tal fra 1 til { $count }.
cli-connect-confirm = Gem { $account } ({ $id }) som den konto, der modtager betalingerne? [j/N]{" "}

## kassa doctor
cli-doctor-ok = ok
cli-doctor-fail = FEJL
cli-doctor-settings = indstillinger
cli-doctor-connection = forbindelse
cli-doctor-credentials = adgang
cli-doctor-destination = modtager
cli-doctor-clock = ur
cli-doctor-needs-attention = forbindelsen til betalingstjenesten kræver opmærksomhed (se ovenfor)

## kassa sandbox
cli-sandbox-bad-shape = forkert { $source }: "{ $value }" (brug object eller flat)
cli-sandbox-bad-faults = forkert { $source }: { $error }
cli-sandbox-lan = kassa sandbox --lan: { $error }
cli-sandbox-cannot-run = kan ikke køre sandkassen på { $host }:{ $port }: { $error }
cli-sandbox-phones = TRÆNINGSbank for telefoner på dette netværk: { $url } (scan en kode med en hvilken som helst telefon på netværket; ingen rigtige penge flyttes). Test- og admin-adresserne svarer kun på 127.0.0.1.
cli-sandbox-ready = Aiia Pay-sandkassen er klar på { $url } (sandkassens adgangsoplysninger; tryk Ctrl-C for at stoppe)
    token-adresse: { $token }
    Client ID: { $client }
    Client Secret: { $secret }
    modtagere: { $destinations }
    webhooks til: { $webhook }
cli-cannot-start = kan ikke starte: { $error }

## kassa charge: its input
cli-bad-cash = forkert --cash: { $error }
cli-bad-amount = forkert beløb: { $error }
cli-line-bad = forkert --line "{ $line }": skriv den som TEKST=BELØB eller TEKST=BELØB@SATS, f.eks. "Brød=39,90@Mad"
cli-line-no-amount = forkert --line "{ $line }": linjen har intet beløb: skriv prisen efter =
cli-line-bad-amount = forkert --line "{ $line }": { $error }
cli-amount-and-lines = angiv enten --amount eller --line (hver linje har sit eget beløb), ikke begge
cli-amount-or-lines = angiv beløbet (--amount 12,50) eller linjerne (--line TEKST=BELØB)

## Amounts refused (kassa_money::MoneyError)
cli-money-empty = indtast et beløb
cli-money-not-a-number = "{ $text }" er ikke et beløb: brug cifre og ét decimaltegn, f.eks. 12,50
cli-money-too-many-decimals = { $currency } har { $allowed } decimaler; "{ $text }" har flere
cli-money-not-positive = beløbet skal være større end nul
cli-money-too-large = beløbet er over grænsen på { $limit } for ét salg
cli-money-unknown-currency = "{ $text }" er ikke en understøttet valuta (DKK, SEK, NOK eller EUR)

## Errors of the journal and the books (kassa_journal::JournalError, kassa_boot::books::BooksError)
cli-err-disk-full = disken er fuld: salgsjournalen kan ikke skrives. Frigør noget plads; intet af det, der allerede er skrevet, går tabt
cli-err-read-only = salgsjournalen er skrivebeskyttet: kontrollér rettighederne til Kassas datamappe
cli-err-corrupt = salgsjournalen er beskadiget ({ $why }); behold filen og gendan en sikkerhedskopi
cli-err-schema-too-new = salgsjournalen er skrevet af en nyere Kassa (skema { $found }, denne kender { $supported }); opdatér Kassa
cli-err-schema-too-old = salgsjournalen er fra en ældre Kassa (skema { $found }, denne skriver { $supported }) og opgraderes, næste gang kassen starter: åbn appen eller kør `kassa resume` én gang, og prøv så igen
cli-err-not-found = { $what } findes ikke i journalen
cli-err-in-use = journalen { $journal } bruges af { $owner }: luk den først, eller brug `kassa status` for at kigge uden at sælge
cli-err-own-file = { $dest } er en del af salgsjournalen { $journal }: at skrive der ville ødelægge den; vælg en anden fil
cli-err-backup = kan ikke tage sikkerhedskopi til { $file }: { $error }
cli-err-return-nothing-left = der er intet tilbage af dette salg at returnere: det er returneret helt
cli-err-return-more-than-left = der er kun { $left } tilbage af dette salg at returnere
cli-err-return-not-positive = indtast beløbet, der skal returneres: det skal være større end nul
cli-err-no-such-sale = intet salg, bonnummer eller betalings-id passer til "{ $key }"
cli-err-not-paid = salg { $sale } er ikke betalt: der er intet at returnere
cli-err-no-reason = angiv årsagen til returneringen
cli-err-no-vat-lines = salg { $sale } blev skrevet som et beløb uden momslinjer (af en ældre Kassa): returnér det manuelt og notér det
cli-err-no-note = skriv, hvordan overførslen blev lavet (en note til regnskabet)
cli-err-bad-period = perioden slutter, før den begynder: --to skal være samme dag som eller efter --from
cli-err-no-receipt = salg { $sale } har ingen bon: det blev betalt, før der blev skrevet boner

## Who acts, and staff changes refused (kassa_boot::session::SessionError)
cli-staff-role-cashier = kasseassistent
cli-staff-role-manager = leder
cli-err-pin-empty = Indtast en PIN.
cli-err-pin-not-digits = En PIN består kun af cifre (0 til 9).
cli-err-pin-length = En PIN har 4 til 8 cifre; denne har { $count }.
cli-err-name-empty = Skriv medarbejderens navn.
cli-err-id-empty = Giv medarbejderen et nummer eller en kort kode.
cli-err-id-characters = Et medarbejdernummer består kun af bogstaver, cifre, '-', '_' og '.'.
cli-err-unknown-employee = Der er intet medarbejdernummer { $id } ved denne kasse.
cli-err-inactive = { $name } er slået fra ved denne kasse; en leder kan slå vedkommende til igen.
cli-err-wrong-pin = Forkert PIN.
cli-err-pin-needed = Indtast PIN for { $name }.
cli-err-no-pin = { $name } har ingen PIN endnu; en leder skal sætte en, før { $name } kan logge ind.
cli-err-not-logged-in = Ingen er logget ind ved denne kasse: log ind først.
cli-err-not-a-manager = { $name } er kasseassistent: kun en leder kan godkende dette.
cli-err-taken = Medarbejdernummer { $id } er allerede i brug.
cli-err-manager-pin-first = Sæt din egen PIN først: når en kasse har to medarbejdere, logger alle ind med PIN.
cli-err-new-needs-pin = En ny medarbejder skal have en PIN på 4 til 8 cifre.
cli-err-last-manager = { $name } er kassens sidste aktive leder: gør en anden til leder først.
cli-err-needs-manager = Dette kræver en leder.
cli-err-key-missing = Bonsigneringsnøglen (version { $version }) til denne kasse findes ikke i computerens nøglering, så der kan ikke udstedes boner. Gendan nøgleringen fra dens sikkerhedskopi, eller lav en ny nøgle med `kassa keys new` og giv skattemyndighederne dens offentlige nøgle (`kassa keys export-public --out key.pem`).
cli-err-key-not-this-till = Bonsigneringsnøglen (version { $version }) i nøgleringen er ikke den, hvis offentlige del står i journalen, så der kan ikke udstedes boner med den. Gendan den rigtige nøglering, eller lav en ny nøgle med `kassa keys new`.
cli-err-key-damaged = bonsigneringsnøglen (version { $version }) i nøgleringen er beskadiget: { $why }
cli-err-key-none-yet = journalen har endnu ingen bonnøgle: den får en med sin første bon
cli-err-key-no-such-version = journalen har ingen bonnøgle med version { $version }
cli-err-sale-not-open = salg { $sale } er ikke åbent
cli-err-sale-not-found = salg { $sale } findes ikke
cli-err-no-lines = et salg skal have mindst én linje
cli-err-nothing-to-pay = salgets total skal være større end nul
cli-err-over-limit = salgets total { $total } er over grænsen på { $limit } for ét salg
cli-err-cash-short = de modtagne kontanter ({ $given }) er mindre end totalen ({ $total }): modtag mindst totalen
cli-err-bad-card-reference = kortterminalens reference har højst 40 tegn og ingen tabulatorer eller linjeskift
cli-err-field-api-url = API-adressen (KASSA_API_URL) skal være en webadresse, der begynder med https:// (http:// kun for en lokal sandkasse), eller være tom; "{ $value }" er ikke en
cli-err-field-client-id-spaces = Client ID (KASSA_CLIENT_ID) må ikke indeholde mellemrum
cli-err-field-client-id-missing = Indtast det Client ID (KASSA_CLIENT_ID), der hører til denne Client Secret
cli-err-field-client-secret-missing = Indtast Client Secret: der er ikke angivet nogen (KASSA_CLIENT_SECRET), og der er endnu ingen gemt i computerens nøglering
cli-err-field-destination-spaces = Modtageren (KASSA_DESTINATION_ID) må ikke indeholde mellemrum
cli-err-field-destination-missing = Indtast modtageren (KASSA_DESTINATION_ID), eller tryk på Tilknyt bankkonto i Indstillinger for at vælge den
cli-err-field-currency = Valutaen (KASSA_CURRENCY) skal være DKK, SEK, NOK eller EUR, ikke "{ $value }"
cli-err-field-redirect-missing = Indtast den side, kundernes telefoner åbner efter betalingen (KASSA_REDIRECT_URL), f.eks. butikkens hjemmeside; den skal begynde med https://
cli-err-field-redirect-not-https = Siden efter betalingen (KASSA_REDIRECT_URL) skal begynde med https:// på en rigtig kasse, ikke "{ $value }"
cli-err-field-redirect-not-web = Siden efter betalingen (KASSA_REDIRECT_URL) skal være en webadresse, der begynder med https://, ikke "{ $value }"

## kassa doctor og Indstillinger → Test forbindelsen: hvad hver kontrol fandt
cli-doctor-mode-sandbox = den indbyggede sandkasse (ingen adgangsoplysninger angivet)
cli-doctor-mode-live = Aiia med forretningens adgangsoplysninger
cli-doctor-settings-refused = Kassa ville bruge { $mode }, men: { $errors }
cli-doctor-uses = Kassa bruger { $mode }
cli-doctor-uses-at = Kassa bruger { $mode } på { $url }
cli-doctor-ttl-ignored = (et link lever 60 s hos Aiia; den angivne levetid bruges ikke)
cli-doctor-token-issued = der blev udstedt et token
cli-doctor-credentials-accepted = Client ID og Secret blev godkendt
cli-doctor-destination-takes = modtager { $destination } tager imod betalinger i { $currency } (testanmodning { $payment } på { $amount }, vises aldrig, udløber ubetalt)
cli-doctor-destination-failed = modtager { $destination }: { $error }
cli-doctor-clock-within = computerens ur går højst { $secs } s forkert i forhold til tjenestens
cli-doctor-clock-behind = computerens ur er { $secs } s bagud i forhold til tjenestens: lad uret stille sig automatisk
cli-doctor-clock-ahead = computerens ur er { $secs } s foran tjenestens: lad uret stille sig automatisk
cli-doctor-clock-unknown = tjenesten oplyste ikke sin tid; ikke sammenlignet

## Betalingstjenestens fejl
cli-aiia-config = forkert indstilling: { $why }
cli-aiia-unreachable = kan ikke nå betalingstjenesten på { $url }
cli-aiia-broke = forbindelsen til betalingstjenesten på { $url } blev afbrudt, før svaret kom
cli-aiia-timeout = betalingstjenesten svarede ikke i tide ({ $url })
cli-aiia-unauthorized = betalingstjenesten afviste adgangsoplysningerne: { $message }
cli-aiia-rejected = betalingstjenesten afviste anmodningen ({ $code }): { $message }
cli-aiia-not-found = betalingstjenesten kender ikke betaling { $payment }
cli-aiia-busy = betalingstjenesten har travlt
cli-aiia-busy-retry = betalingstjenesten har travlt; prøv igen om { $secs } s
cli-aiia-server = betalingstjenesten har et problem (HTTP { $status }, { $code }): { $message }
cli-aiia-malformed = betalingstjenesten sendte et svar, Kassa ikke kan læse: { $detail }
cli-aiia-token = kan ikke logge på betalingstjenesten: { $error }

## Sjældnere afvisninger: linjer, returneringer, nøgleringen, indstillingsfilen, start af kassen
cli-err-mixed-currency = salget er i { $expected }, men der blev angivet { $found }: et salg har én valuta
cli-err-cart-empty = kurven er tom: indtast et beløb eller vælg en vare
cli-err-cart-unknown-rate = linje { $line }: der er ingen momssats ved navn "{ $rate }" i butikkens momstabel (Indstillinger → Butik)
cli-err-line-no-amount = linje { $line } ("{ $text }") har intet beløb: indtast prisen
cli-err-line-negative = linje { $line } ("{ $text }") har et negativt beløb; penge tilbage er en returnering på det salg, de blev betalt i, ikke en linje i et nyt salg
cli-err-line-no-quantity = linje { $line } ("{ $text }") har antal 0: fjern linjen eller indtast, hvor mange
cli-err-line-no-text = linje { $line } skal have en tekst, der siger, hvad der blev solgt
cli-err-line-mixed-currency = linje { $line } er i { $found }, men salget er i { $expected }: et salg har én valuta
cli-err-line-bad-rate = linje { $line } har en momssats uden for 0 % til 50 %
cli-err-line-overflow = salgets beløb er for store til at lægge sammen
cli-err-return-more-than-left-at-rate = der er kun { $left } med { $rate } moms tilbage at returnere af dette salg
cli-err-return-wrong-currency = beløbet til returnering er i { $found }, men salget var i { $expected }
cli-err-return-no-lines = vælg mindst én linje at returnere
cli-err-return-no-such-line = linje { $line } er ikke i dette salg: det har { $count ->
    [one] { $count } linje
   *[other] { $count } linjer
  }
cli-err-return-zero-quantity = linje { $line } ("{ $text }"): antal 0 returnerer intet
cli-err-return-more-than-sold = linje { $line } ("{ $text }"): der er kun { $left } af { $sold } tilbage at returnere
cli-err-return-sale = salgets linjer kan ikke læses: { $error }
cli-err-return-history = de tidligere returneringer af dette salg passer ikke til dets linjer ({ $why }); intet blev returneret
cli-err-keyring-unavailable = systemets nøglering er ikke tilgængelig ({ $why }); på Linux skal en Secret Service (f.eks. GNOME Keyring) køre og være låst op
cli-err-keyring-refused = systemets nøglering nægtede adgang: { $why }
cli-err-key-make = der kunne ikke laves en kvitteringsnøgle: { $why }
cli-err-sandbox-start = kan ikke starte den indbyggede sandkasse: { $error }
cli-err-webhook-listen = kan ikke lytte efter webhooks på { $addr }: { $error }

## Kvitteringer, der ikke blev udskrevet eller gemt (kvitteringen er bevaret)
cli-err-print-bad-address = “{ $input }” er ikke en printeradresse: angiv printeren i Indstillinger → Butik som 192.168.1.50 eller 192.168.1.50:9100. Kvitteringen er bevaret; udskriv den igen fra salget.
cli-err-print-unknown-host = Printernavnet { $addr } kendes ikke på dette netværk: tjek printeren i Indstillinger → Butik. Kvitteringen er bevaret; udskriv den igen fra salget.
cli-err-print-no-answer = Printeren på { $addr } svarer ikke: er den tændt? Kvitteringen er bevaret; udskriv den igen fra salget.
cli-err-print-not-taking = Printeren på { $addr } svarer ikke: er den tændt, med papir i og låget lukket? Kvitteringen er bevaret; udskriv den igen fra salget.
cli-err-print-connection-broke = Forbindelsen til printeren på { $addr } blev afbrudt under udskrivningen: tjek papir, låg og kabel. Kvitteringen er bevaret; udskriv den igen fra salget.
cli-err-print-none = Der er ikke sat nogen kvitteringsprinter op: tilføj dens adresse i Indstillinger → Butik, eller brug Udskriv eller Gem PDF. Kvitteringen er bevaret.
cli-err-pdf-is-a-folder = { $path } er en mappe: vælg et filnavn til PDF'en (f.eks. kvittering-1042.pdf). Kvitteringen er bevaret.
cli-err-pdf-no-folder = Mappen { $folder } findes ikke: vælg et andet sted at gemme PDF'en. Kvitteringen er bevaret.
cli-err-pdf-not-allowed = Kassa må ikke skrive i { $folder }: vælg en anden mappe til PDF'en. Kvitteringen er bevaret.
cli-err-pdf-disk-full = Disken er fuld: PDF'en kunne ikke gemmes som { $path }. Frigør plads eller vælg et andet sted. Kvitteringen er bevaret.
cli-err-pdf-other = PDF'en kunne ikke gemmes som { $path } ({ $reason }). Kvitteringen er bevaret.
cli-err-receipt-folder = Kvitteringsmappen { $folder } kan ikke oprettes ({ $reason }). Kvitteringen er bevaret.
cli-err-receipt-no-profile = opsæt butikken (Indstillinger → Butik, eller `kassa setup --legal-name … --org-number …`), før der udskrives en kvittering: den skal have forretningens juridiske navn, CVR-nummer og adresse
cli-err-receipt-not-paid = salg { $sale } har ingen kvittering: det er ikke betalt
cli-err-receipt-no-such-number = der er intet kvitteringsnummer { $number } i serien { $series }
cli-err-receipt-series-live = drift
cli-err-receipt-series-training = træning

## Tilknytning af bankkontoen (Indstillinger → Tilknyt bankkonto)
cli-err-connect-bad-redirect = forkert omdirigeringsadresse "{ $value }": den skal være http på denne computer (127.0.0.1, localhost eller [::1]) med en port
cli-err-connect-listen = kan ikke lytte på { $addr } efter browserens svar ({ $error }); er en anden Kassa ved at tilknytte en konto?
cli-err-connect-cancelled = bankkontoen blev ikke tilknyttet: tilknytningen blev annulleret i browseren
cli-err-connect-refused = bankkontoen blev ikke tilknyttet: tjenesten svarede { $error }
cli-err-connect-refused-why = bankkontoen blev ikke tilknyttet: tjenesten svarede { $error } ({ $why })
cli-err-connect-wrong-state = svaret i browseren hører ikke til dette tilknytningsforsøg; start forfra
cli-err-connect-no-state = svaret i browseren har ingen state, så Kassa kan ikke se, om det hører til dette tilknytningsforsøg; det blev ignoreret
cli-err-connect-no-code = svaret i browseren har ingen kode; start forfra
cli-err-connect-exchange = tjenesten godtog ikke den kode, browseren bragte tilbage: { $error }
cli-err-connect-service = tjenesten oplyste ikke de tilknyttede konti: { $error }
cli-err-connect-no-accounts = tjenesten nævner ingen konto, der kan modtage betalinger for denne tilknytning; tilknyt igen og vælg en konto
cli-err-connect-not-offered = konto { $id } er ikke en af de konti, der lige blev tilknyttet ({ $offered })
cli-err-connect-timed-out = bankkontoen blev ikke tilknyttet: der kom intet tilbage fra browseren på { $minutes } minutter
cli-err-connect-save = kontoen blev tilknyttet, men Kassa kunne ikke gemme den: { $error }

## Butikkens hub (kassa hub …, kassa status, Indstillinger)
cli-hub-password-prompt = Hub-adgangskode for { $user } (vises ikke; Enter for ingen):
cli-hub-connected = Denne kasse ({ $till }) sender nu sit regnskab til hubben på { $hub }; hubben havde { $acked } af dens poster. Kassen bruger den fra næste start.
cli-hub-up-to-date = hub { $hub }: ajour
cli-hub-behind = hub { $hub }: { $behind ->
    [one] 1 post at sende
   *[other] { $behind } poster at sende
  }
cli-hub-last-ok = (sidst i kontakt { $when })
cli-hub-synced = Sendte { $stored } poster; hubben har denne kasses poster til og med { $acked }.
cli-hub-bad-mode = "{ $mode }" er ikke en rapport: brug x (dagen indtil nu) eller z (perioderne lukket den dag)
cli-hub-report-title = { $mode ->
    [z] Z for butikken, { $date }
   *[x] X for butikken, { $date }
  }
cli-hub-report-training = TRÆNING (den indbyggede sandkasses salg)
cli-hub-till = { $name } ({ $till }): { $count } salg { $amount }, { $returns } returneringer { $returned }
cli-hub-till-tenders = { "  " }{ $tenders }
cli-hub-tender = { $tender ->
    [cash] kontant
    [card] kort
   *[bank] bankbetaling
  } { $amount }
cli-hub-till-last-z = { "  " }seneste Z { $number } { $when }
cli-hub-till-no-z = { "  " }ingen Z endnu
cli-hub-till-open-returns = { "  " }returneringer med bankbetaling, der skal sendes: { $count } ({ $amount })
cli-hub-till-double = { "  " }betalinger foretaget to gange, der skal refunderes: { $count } ({ $amount })
cli-hub-shop = Butik: { $count } salg { $amount }, { $returns } returneringer { $returned }
cli-hub-vat = { "  " }moms { $rate }: netto { $net }, moms { $vat }, brutto { $gross }
cli-hub-vat-none = { "  " }ingen moms registreret: { $gross }
cli-hub-no-tills = Ingen kasse har sendt sit regnskab til denne hub endnu.
cli-hub-exported = Skrev { $files } i { $dir }.
cli-hub-bad-list = "{ $what }" er ikke en liste, hubben har: brug shop eller staff
cli-hub-pushed-shop = Butiksindstillingerne er nu version { $version } i hubben; alle kasser henter dem.
cli-hub-pushed-staff = Medarbejderne er nu version { $version } i hubben; alle kasser henter dem.
cli-hub-pulled-shop = Hentede hubbens butiksindstillinger (version { $version }).
cli-hub-shop-current = Butiksindstillingerne er allerede hubbens nyeste.
cli-hub-pulled-staff = Hentede hubbens medarbejdere (version { $version }): { $changed ->
    [one] 1 tilføjet eller ændret
   *[other] { $changed } tilføjet eller ændret
  }.
cli-hub-staff-current = Medarbejderne er allerede hubbens nyeste.
cli-hub-no-such-till = hubben har ingen poster fra kasse { $till }: `kassa hub report x --json` viser de kasser, den har
cli-hub-restored = Genskabte kasse { $till } fra hubben: { $records } poster i { $file }.

## kassa terminal serve
cli-terminal-ready = Kassa er betalingsterminal for bankbetaling på { $url } (POIID { $poi }, { $currency }); kasseapparater sender Authorization: Bearer med nøglen i KASSA_TERMINAL_TOKEN. Ctrl-C stopper.
cli-terminal-cannot-run = kan ikke betjene kasseapparater: { $error }
cli-terminal-fingerprint = Par kasseapparatet med dette certifikats SHA-256-fingeraftryk: { $fingerprint }
cli-terminal-token-new = Kasseapparaternes nøgle: { $token }
    Giv den til kasseapparatet (det sender Authorization: Bearer NØGLE). Den gemmes i systemets nøglering og vises ikke igen; `kassa terminal token --new` erstatter den.
cli-terminal-token-removed = Kasseapparaternes nøgle er fjernet: Kassa betjener ingen kasseapparater, før en ny er lavet.
cli-terminal-token-set = Der er sat en nøgle til kasseapparaterne (i systemets nøglering).
cli-terminal-token-none = Der er ingen nøgle til kasseapparaterne: `kassa terminal token --new` laver en.
