# cli.ftl (svenska): kommandoradens egna texter (setup, doctor, status, återbetalningar, retur, personal, nycklar, export) och felen den skriver.

## kassa status
cli-status-training = Träning (sandlåda): inga riktiga pengar.
cli-status-no-open-sale = Inget öppet köp.
cli-status-open = ÖPPET  { $sale }  { $amount }  { $attempts } försök  (slutför det med `kassa resume` eller `kassa cancel { $sale }`)
cli-status-unsettled = OKLART  { $sale }  (en betalning kom in precis innan Kassa stannade: kör `kassa resume`)
cli-status-followed = FÖLJS  betalning { $payment } på { $amount } (köp { $sale }, kod { $code }): { $status } hos banken
cli-status-no-status-yet = ingen status ännu
cli-status-followed-open-sale = { $count ->
    [one] { $count } kod till det öppna köpet { $sale } är fortfarande öppen hos banken; `kassa resume` följer den.
   *[other] { $count } koder till det öppna köpet { $sale } är fortfarande öppna hos banken; `kassa resume` följer dem.
}
cli-status-followed-sale = { $count ->
    [one] { $count } tidigare kod till köp { $sale } är fortfarande öppen hos banken; `kassa resume` följer den.
   *[other] { $count } tidigare koder till köp { $sale } är fortfarande öppna hos banken; `kassa resume` följer dem.
}
cli-status-all-clear = Inget kräver uppmärksamhet.
cli-status-nothing-to-refund = Ingen betalning att återbetala hittills; koderna ovan kan fortfarande betalas.
cli-status-attention = KRÄVER UPPMÄRKSAMHET: återbetala betalning { $payment } på { $amount } (köp { $sale }): { $note }
cli-status-elsewhere = Inte räknat här: { $open } öppna, { $unsettled } oklara och { $attention } som kräver uppmärksamhet på { $backend }-backend (en kassa på den visar dem).
cli-status-elsewhere-training = Inte räknat här: { $open } öppna, { $unsettled } oklara och { $attention } som kräver uppmärksamhet på { $backend }-backend (träning) (en kassa på den visar dem).

## kassa refunded, backup, resume
cli-refunded-default-note = återbetald manuellt
cli-refunded-done = Betalning { $payment } till köp { $sale } markerad: { $note }.
cli-refunded-no-note = betalning { $payment } har ingen öppen anteckning om uppmärksamhet (se `kassa status`)
cli-backup-done = Säkerhetskopia av { $db } sparad i { $file }
cli-resume-none = Inget öppet köp.
cli-resume-some = Återupptar { $count } öppna köp: { $sales }
cli-attention-exit = { $count } betalning(ar) kräver uppmärksamhet: se `kassa status`
cli-earlier-codes-open = { $count } tidigare kod(er) till köp { $sale } är fortfarande öppna hos banken; `kassa resume` följer dem
cli-sale-in-progress = köp { $sale } är fortfarande öppet; följ det i appen eller kör `kassa cancel { $sale }`

## kassa export (jsonl, csv)
cli-export-failed = exporten misslyckades: { $error }
cli-export-training-saft = --training hör inte till --format saf-t: SAF-T-filen innehåller träningskvittona bredvid de riktiga, märkta som träning
cli-export-period-not-for-jsonl = --from och --to hör till --format saf-t; jsonl- och csv-exporten innehåller alla köp

## kassa export --format saf-t
cli-saft-no-out = ange var SAF-T-filen ska sparas: --out FIL.xml
cli-saft-no-period = ange perioden som ska exporteras: --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD (båda dagarna inräknade)
cli-saft-no-shop = ställ in butiken före exporten (Inställningar → Butik, eller `kassa setup --legal-name … --org-number …`): SAF-T-filen anger handlarens organisationsnummer och juridiska namn
cli-saft-in-use = journalen används av { $owner }: exportera från appen (Dag → Exportera SAF-T), eller stäng den och kör detta igen. Varje export journalförs, så det här kommandot behöver journalen.
cli-saft-wrote = SAF-T Cash Register-filen { $file } är skriven ({ $bytes } byte): { $summary }.
cli-saft-file-name = Skattemyndighetens namn på den: { $name }
cli-saft-journaled = Exporten finns i den elektroniska journalen (händelse 13020).
cli-saft-not-journaled = filen är skriven, men exporten kunde inte journalföras: { $error }

## kassa keys, kassa verify
cli-keys-exported = Den offentliga delen av kvittonyckel version { $version } finns i { $file } (ge den till skattemyndigheten).
cli-keys-made = Kvittonyckel version { $version } skapad: kvittona signeras med den från och med nu. Ge skattemyndigheten dess offentliga del: kassa keys export-public --out key-v{ $version }.pem
cli-verify-live = Riktiga kvitton
cli-verify-training = Träningskvitton
cli-verify-before = { $count } från innan kvittona signerades, inte kontrollerade
cli-verify-ok = { $series }: { $verified } kontrollerade.
cli-verify-ok-before = { $series }: { $verified } kontrollerade ({ $before }).
cli-verify-broken = { $series }: BRUTEN vid kvitto { $receipt }: { $why } ({ $verified } kontrollerade före det).
cli-verify-broken-before = { $series }: BRUTEN vid kvitto { $receipt }: { $why } ({ $verified } kontrollerade före det ({ $before })).
cli-verify-chain-broken = kvittokedjan är bruten: { $broken }. Låt journalen vara som den är (inget har reparerats) och säg till den som sköter din bokföring.
# Varför ett kvitto inte klarar kontrollen
cli-verify-receipt-broken = kvitto { $receipt } klarar inte kontrollen: { $why }
cli-verify-first-missing = det saknas: det första kvittot är { $first }
cli-verify-gap = det saknas: kvitto { $next } kommer efter kvitto { $before }
cli-verify-unsigned = det har ingen signatur
cli-verify-named-no-receipts = det saknas: det finns inga kvitton, men kvitto { $named } nämns { $by }
cli-verify-named-after-last = det saknas: det sista kvittot är { $last }, men kvitto { $named } nämns { $by }
cli-verify-by-running-totals = i de löpande summorna
cli-verify-by-z-report = i en Z-rapport
cli-verify-by-journal-event = i den elektroniska journalen
cli-verify-by-print = i en utskrift av det
cli-verify-by-seal = i dess egen försegling
cli-verify-no-public-key = det finns ingen offentlig nyckel av version { $version }
cli-sig-bad-date = kvittots datum { $value } är inget datum som 2026-03-02
cli-sig-bad-time = kvittots tid { $value } är ingen tid som 14:05:09
cli-sig-bad-nr = kvittonumret { $value } är tomt, längre än 35 tecken eller innehåller ett ';'
cli-sig-bad-previous = den föregående signaturen innehåller ett ';' eller en radbrytning: den är ingen signatur
cli-sig-bad-key = signeringsnyckeln kan inte läsas: { $error }
cli-sig-wrong-key-size = signeringsnyckeln är på { $bits } bitar; skattemyndighetens kontroll tar 1024-bitarsnycklar med exponenten 65537
cli-sig-not-a-signature = signaturen är inte base64 eller ingen RSA-signatur
cli-sig-mismatch = signaturen stämmer inte med kvittot
cli-sig-generate = nyckeln kunde inte skapas: { $error }

## kassa return, refunds, bookkeeping, receipt
cli-books-no-journal = det finns ingen försäljningsjournal i { $path }
cli-return-bad-amount = felaktigt belopp att returnera: { $error }
cli-return-in-cash = kontant
cli-return-to-card = till kortet (återbetala det på terminalen)
cli-return-by-bank = med banköverföring
cli-return-done = Returkvitto #{ $number } till köp { $sale }: { $back } tillbaka { $how }. Kvar att returnera: { $left }.
cli-return-done-of = Returkvitto #{ $number } till köp { $sale } (kvitto #{ $of }): { $back } tillbaka { $how }. Kvar att returnera: { $left }.
cli-return-transfer = { $transfer } Markera den som skickad med `kassa refunds --sent { $id } --note TEXT`.
cli-refunds-no-transfer = det finns ingen banköverföring { $id } (se `kassa refunds`)
cli-refunds-none = Ingen banköverföring att göra.
cli-books-bad-day = { $day } är inte en dag i kalendern: skriv den som ÅÅÅÅ-MM-DD
cli-books-wrote = Skrev { $rows } momsrad(er) av kvitton från { $from } till { $to } i { $file }
cli-books-wrote-training = Skrev { $rows } momsrad(er) av träningskvitton från { $from } till { $to } i { $file }
cli-cannot-write = kan inte skriva { $file }: { $error }
cli-receipt-no-printer = ingen kvittoskrivare är inställd: lägg till den med `kassa setup --printer VÄRD[:PORT]`, eller spara en PDF med --pdf FIL
cli-receipt-printed-copy = Utskrivet som KOPIA { $n }.
cli-receipt-printed = Utskrivet (originalet).

## kassa staff, and who a command acts as
cli-staff-pin = PIN
cli-staff-no-pin = ingen PIN
cli-staff-on = på
cli-staff-off = av
cli-staff-pin-prompt = PIN för { $name }:{" "}
cli-staff-pin-missing = Skriv PIN för { $name } (eller ange KASSA_PIN).
cli-staff-new-pin-prompt = Ny PIN för { $name } (4 till 8 siffror):{" "}
cli-staff-new-pin-missing = Skriv den nya PIN-koden för { $name } (eller ange KASSA_NEW_PIN).
cli-staff-cashier-refused = { $error } { $name } är kassör: ange en chefs nummer med --employee.
cli-staff-added = { $name } ({ $id }) är tillagd som { $role }.
cli-staff-pin-set = Ny PIN inställd för { $name }.
cli-staff-role-set = Anställd { $id } är nu { $role }.
cli-staff-turned-off = Anställd { $id } är avstängd.
cli-staff-turned-on = Anställd { $id } är påslagen igen.

## kassa setup
cli-setup-nothing = inget att ställa in: ange --client-id och --destination-id (Aiia), eller butikens inställningar (--legal-name, --org-number, --vat, --quick, --printer, … se --help)
cli-setup-secret-prompt = Client Secret (läses från standard in, sparas i systemets nyckelring):
cli-setup-secret-unreadable = kan inte läsa Client Secret: { $error }
cli-setup-saved = Sparat i { $path } (hemligheten finns i systemets nyckelring). Kör `kassa doctor` för att kontrollera det.
cli-setup-shop-saved = Butiken är sparad i { $path }: { $profile }; moms { $vat } (standard { $default }); { $quick } snabbvara(or); skrivare { $printer }; logotyp { $logo }; { $width } tecken per rad.
cli-setup-bad-vat = felaktig --vat "{ $vat }": skriv den som NAMN=PROCENT eller NAMN=PROCENT@SAFT_KOD, t.ex. "Mat=12@31"
cli-setup-no-vat-rate = det finns ingen momssats som heter "{ $name }"
cli-setup-bad-quick = felaktig --quick "{ $quick }": skriv den som NAMN=PRIS@SATS, t.ex. "Kaffe=35@Standard"
cli-setup-no-quick-item = det finns ingen snabbvara som heter "{ $name }"
cli-setup-no-profile = ingen handlarprofil ännu
cli-setup-none = ingen

## kassa connect
cli-connect-try-again = Tryck Enter för att försöka igen (en ny adress följer), eller Ctrl-C för att sluta.
cli-connect-none = inget konto kopplades
cli-connect-nothing-saved = inget sparades
cli-connect-done = Kopplat: { $account }. Mottagare { $id } sparad.
cli-connect-browser-shows = Din webbläsare visar bankens sida: välj kontot som tar emot betalningarna.
cli-connect-if-not-opened = Om den inte öppnades, öppna den här adressen:
cli-connect-open-address = Öppna den här adressen i en webbläsare och välj kontot som tar emot betalningarna:
cli-connect-accounts = Kopplade konton:
cli-connect-which = Vilket konto tar emot betalningarna? [1-{ $count }]{" "}
cli-connect-type-number = Skriv ett tal från 1 till { $count }.
cli-connect-confirm = Spara { $account } ({ $id }) som kontot som tar emot betalningarna? [j/N]{" "}

## kassa doctor
cli-doctor-ok = ok
cli-doctor-fail = FEL
cli-doctor-settings = inställningar
cli-doctor-connection = anslutning
cli-doctor-credentials = inloggning
cli-doctor-destination = mottagare
cli-doctor-clock = klocka
cli-doctor-needs-attention = anslutningen till betaltjänsten kräver uppmärksamhet (se ovan)

## kassa sandbox
cli-sandbox-bad-shape = felaktig { $source }: "{ $value }" (använd object eller flat)
cli-sandbox-bad-faults = felaktig { $source }: { $error }
cli-sandbox-lan = kassa sandbox --lan: { $error }
cli-sandbox-cannot-run = kan inte köra sandlådan på { $host }:{ $port }: { $error }
cli-sandbox-phones = TRÄNINGSbank för telefoner på det här nätverket: { $url } (skanna en kod med valfri telefon på nätverket; inga riktiga pengar flyttas). Test- och adminadresserna svarar bara på 127.0.0.1.
cli-sandbox-ready = Aiia Pay-sandlådan är redo på { $url } (sandlådans inloggningsuppgifter; tryck Ctrl-C för att stoppa)
    token-adress: { $token }
    Client ID: { $client }
    Client Secret: { $secret }
    mottagare: { $destinations }
    webhooks till: { $webhook }
cli-cannot-start = kan inte starta: { $error }

## kassa charge: its input
cli-bad-cash = felaktig --cash: { $error }
cli-bad-amount = felaktigt belopp: { $error }
cli-line-bad = felaktig --line "{ $line }": skriv den som TEXT=BELOPP eller TEXT=BELOPP@SATS, t.ex. "Bröd=39,90@Mat"
cli-line-no-amount = felaktig --line "{ $line }": raden har inget belopp: skriv priset efter =
cli-line-bad-amount = felaktig --line "{ $line }": { $error }
cli-amount-and-lines = ange antingen --amount eller --line (varje rad har sitt eget belopp), inte båda
cli-amount-or-lines = ange beloppet (--amount 12,50) eller raderna (--line TEXT=BELOPP)

## Amounts refused (kassa_money::MoneyError)
cli-money-empty = ange ett belopp
cli-money-not-a-number = "{ $text }" är inte ett belopp: använd siffror och ett decimaltecken, t.ex. 12,50
cli-money-too-many-decimals = { $currency } har { $allowed } decimaler; "{ $text }" har fler
cli-money-not-positive = beloppet måste vara större än noll
cli-money-too-large = beloppet är över gränsen på { $limit } för ett köp
cli-money-unknown-currency = "{ $text }" är inte en valuta som stöds (DKK, SEK, NOK eller EUR)

## Errors of the journal and the books (kassa_journal::JournalError, kassa_boot::books::BooksError)
cli-err-disk-full = disken är full: försäljningsjournalen kan inte skrivas. Frigör lite utrymme; inget som redan skrivits går förlorat
cli-err-read-only = försäljningsjournalen är skrivskyddad: kontrollera behörigheterna för Kassas datamapp
cli-err-corrupt = försäljningsjournalen är skadad ({ $why }); behåll filen och återställ en säkerhetskopia
cli-err-schema-too-new = försäljningsjournalen skrevs av en nyare Kassa (schema { $found }, den här känner till { $supported }); uppdatera Kassa
cli-err-schema-too-old = försäljningsjournalen är från en äldre Kassa (schema { $found }, den här skriver { $supported }) och uppgraderas nästa gång kassan startar: öppna appen eller kör `kassa resume` en gång och försök sedan igen
cli-err-not-found = { $what } finns inte i journalen
cli-err-in-use = journalen { $journal } används av { $owner }: stäng den först, eller använd `kassa status` för att titta utan att sälja
cli-err-own-file = { $dest } är en del av försäljningsjournalen { $journal }: att skriva där skulle förstöra den; välj en annan fil
cli-err-backup = kan inte säkerhetskopiera till { $file }: { $error }
cli-err-return-nothing-left = inget av det här köpet finns kvar att returnera: det är helt returnerat
cli-err-return-more-than-left = bara { $left } av det här köpet finns kvar att returnera
cli-err-return-not-positive = ange beloppet att returnera: det måste vara större än noll
cli-err-no-such-sale = inget köp, kvittonummer eller betalnings-id matchar "{ $key }"
cli-err-not-paid = köp { $sale } är inte betalt: det finns inget att returnera
cli-err-no-reason = ange orsaken till returen
cli-err-no-vat-lines = köp { $sale } skrevs som ett belopp utan momsrader (av en äldre Kassa): returnera det manuellt och anteckna det
cli-err-no-note = skriv hur överföringen gjordes (en anteckning för bokföringen)
cli-err-bad-period = perioden slutar innan den börjar: --to måste vara samma dag som eller efter --from
cli-err-no-receipt = köp { $sale } har inget kvitto: det betalades innan kvitton skrevs

## Who acts, and staff changes refused (kassa_boot::session::SessionError)
cli-staff-role-cashier = kassör
cli-staff-role-manager = chef
cli-err-pin-empty = Skriv en PIN.
cli-err-pin-not-digits = En PIN består bara av siffror (0 till 9).
cli-err-pin-length = En PIN har 4 till 8 siffror; den här har { $count }.
cli-err-name-empty = Skriv den anställdes namn.
cli-err-id-empty = Ge den anställda ett nummer eller en kort kod.
cli-err-id-characters = Ett anställningsnummer består bara av bokstäver, siffror, '-', '_' och '.'.
cli-err-unknown-employee = Det finns inget anställningsnummer { $id } vid den här kassan.
cli-err-inactive = { $name } är avstängd vid den här kassan; en chef kan slå på hen igen.
cli-err-wrong-pin = Fel PIN.
cli-err-pin-needed = Skriv PIN för { $name }.
cli-err-no-pin = { $name } har ingen PIN ännu; en chef måste ange en innan { $name } kan logga in.
cli-err-not-logged-in = Ingen är inloggad vid den här kassan: logga in först.
cli-err-not-a-manager = { $name } är kassör: bara en chef kan godkänna detta.
cli-err-taken = Anställningsnummer { $id } används redan.
cli-err-manager-pin-first = Ange din egen PIN först: när en kassa har två anställda loggar alla in med PIN.
cli-err-new-needs-pin = En ny anställd behöver en PIN på 4 till 8 siffror.
cli-err-last-manager = { $name } är kassans sista aktiva chef: gör någon annan till chef först.
cli-err-needs-manager = Det här kräver en chef.
cli-err-key-missing = Kvittots signeringsnyckel (version { $version }) för den här kassan finns inte i datorns nyckelring, så inga kvitton kan utfärdas. Återställ nyckelringen från dess säkerhetskopia, eller skapa en ny nyckel med `kassa keys new` och ge skattemyndigheten dess offentliga nyckel (`kassa keys export-public --out key.pem`).
cli-err-key-not-this-till = Kvittots signeringsnyckel (version { $version }) i nyckelringen är inte den vars offentliga del finns i journalen, så inga kvitton kan utfärdas med den. Återställ rätt nyckelring, eller skapa en ny nyckel med `kassa keys new`.
cli-err-key-damaged = kvittots signeringsnyckel (version { $version }) i nyckelringen är skadad: { $why }
cli-err-key-none-yet = journalen har ingen kvittonyckel ännu: den får en med sitt första kvitto
cli-err-key-no-such-version = journalen har ingen kvittonyckel av version { $version }
cli-err-sale-not-open = köp { $sale } är inte öppet
cli-err-sale-not-found = köp { $sale } finns inte
cli-err-no-lines = ett köp behöver minst en rad
cli-err-nothing-to-pay = köpets summa måste vara större än noll
cli-err-over-limit = köpets summa { $total } är över gränsen på { $limit } för ett köp
cli-err-cash-short = de mottagna kontanterna ({ $given }) är mindre än summan ({ $total }): ta emot minst summan
cli-err-bad-card-reference = kortterminalens referens har högst 40 tecken och inga tabbar eller radbrytningar
cli-err-field-api-url = API-adressen (KASSA_API_URL) måste vara en webbadress som börjar med https:// (http:// bara för en lokal sandlåda), eller vara tom; "{ $value }" är ingen
cli-err-field-client-id-spaces = Client ID (KASSA_CLIENT_ID) får inte innehålla mellanslag
cli-err-field-client-id-missing = Ange det Client ID (KASSA_CLIENT_ID) som hör till den här Client Secret
cli-err-field-client-secret-missing = Ange Client Secret: ingen är angiven (KASSA_CLIENT_SECRET) och ingen är sparad i datorns nyckelring ännu
cli-err-field-destination-spaces = Mottagaren (KASSA_DESTINATION_ID) får inte innehålla mellanslag
cli-err-field-destination-missing = Ange mottagaren (KASSA_DESTINATION_ID), eller tryck på Koppla bankkonto i Inställningar för att välja den
cli-err-field-currency = Valutan (KASSA_CURRENCY) måste vara DKK, SEK, NOK eller EUR, inte "{ $value }"
cli-err-field-redirect-missing = Ange sidan som kundernas telefoner öppnar efter betalningen (KASSA_REDIRECT_URL), t.ex. butikens webbplats; den måste börja med https://
cli-err-field-redirect-not-https = Sidan efter betalningen (KASSA_REDIRECT_URL) måste börja med https:// på en riktig kassa, inte "{ $value }"
cli-err-field-redirect-not-web = Sidan efter betalningen (KASSA_REDIRECT_URL) måste vara en webbadress som börjar med https://, inte "{ $value }"

## kassa doctor och Inställningar → Testa anslutningen: vad varje kontroll fann
cli-doctor-mode-sandbox = den inbyggda sandlådan (inga inloggningsuppgifter angivna)
cli-doctor-mode-live = Aiia med handlarens inloggningsuppgifter
cli-doctor-settings-refused = Kassa skulle använda { $mode }, men: { $errors }
cli-doctor-uses = Kassa använder { $mode }
cli-doctor-uses-at = Kassa använder { $mode } på { $url }
cli-doctor-ttl-ignored = (en länk lever 60 s hos Aiia; den angivna livslängden används inte)
cli-doctor-token-issued = en token utfärdades
cli-doctor-credentials-accepted = Client ID och Secret godkändes
cli-doctor-destination-takes = mottagare { $destination } tar emot betalningar i { $currency } (testbegäran { $payment } på { $amount }, visas aldrig, går ut obetald)
cli-doctor-destination-failed = mottagare { $destination }: { $error }
cli-doctor-clock-within = datorns klocka går högst { $secs } s fel jämfört med tjänstens
cli-doctor-clock-behind = datorns klocka ligger { $secs } s efter tjänstens: låt klockan ställas automatiskt
cli-doctor-clock-ahead = datorns klocka ligger { $secs } s före tjänstens: låt klockan ställas automatiskt
cli-doctor-clock-unknown = tjänsten angav inte sin tid; inte jämförd

## Betaltjänstens fel
cli-aiia-config = felaktig inställning: { $why }
cli-aiia-unreachable = kan inte nå betaltjänsten på { $url }
cli-aiia-broke = anslutningen till betaltjänsten på { $url } bröts innan svaret kom
cli-aiia-timeout = betaltjänsten svarade inte i tid ({ $url })
cli-aiia-unauthorized = betaltjänsten avvisade inloggningsuppgifterna: { $message }
cli-aiia-rejected = betaltjänsten avvisade begäran ({ $code }): { $message }
cli-aiia-not-found = betaltjänsten känner inte till betalning { $payment }
cli-aiia-busy = betaltjänsten är upptagen
cli-aiia-busy-retry = betaltjänsten är upptagen; försök igen om { $secs } s
cli-aiia-server = betaltjänsten har ett problem (HTTP { $status }, { $code }): { $message }
cli-aiia-malformed = betaltjänsten skickade ett svar som Kassa inte kan läsa: { $detail }
cli-aiia-token = kan inte logga in hos betaltjänsten: { $error }

## Ovanligare avvisningar: rader, returer, nyckelringen, inställningsfilen, start av kassan
cli-err-mixed-currency = köpet är i { $expected } men { $found } angavs: ett köp har en valuta
cli-err-cart-empty = varukorgen är tom: ange ett belopp eller välj en vara
cli-err-cart-unknown-rate = rad { $line }: det finns ingen momssats som heter "{ $rate }" i butikens momstabell (Inställningar → Butik)
cli-err-line-no-amount = rad { $line } ("{ $text }") har inget belopp: ange priset
cli-err-line-negative = rad { $line } ("{ $text }") har ett negativt belopp; pengar tillbaka är en retur på köpet de betalades i, inte en rad i ett nytt köp
cli-err-line-no-quantity = rad { $line } ("{ $text }") har antal 0: ta bort raden eller ange hur många
cli-err-line-no-text = rad { $line } behöver en text som säger vad som såldes
cli-err-line-mixed-currency = rad { $line } är i { $found } men köpet är i { $expected }: ett köp har en valuta
cli-err-line-bad-rate = rad { $line } har en momssats utanför 0 % till 50 %
cli-err-line-overflow = köpets belopp är för stora för att summeras
cli-err-return-more-than-left-at-rate = bara { $left } med { $rate } moms av det här köpet återstår att returnera
cli-err-return-wrong-currency = beloppet att returnera är i { $found } men köpet var i { $expected }
cli-err-return-no-lines = välj minst en rad att returnera
cli-err-return-no-such-line = rad { $line } finns inte i det här köpet: det har { $count ->
    [one] { $count } rad
   *[other] { $count } rader
  }
cli-err-return-zero-quantity = rad { $line } ("{ $text }"): antal 0 returnerar ingenting
cli-err-return-more-than-sold = rad { $line } ("{ $text }"): bara { $left } av { $sold } återstår att returnera
cli-err-return-sale = köpets rader kan inte läsas: { $error }
cli-err-return-history = de tidigare returerna av det här köpet stämmer inte med dess rader ({ $why }); ingenting returnerades
cli-err-keyring-unavailable = systemets nyckelring är inte tillgänglig ({ $why }); på Linux måste en Secret Service (t.ex. GNOME Keyring) köras och vara upplåst
cli-err-keyring-refused = systemets nyckelring nekade åtkomst: { $why }
cli-err-key-make = ingen kvittonyckel kunde skapas: { $why }
cli-err-sandbox-start = kan inte starta den inbyggda sandlådan: { $error }
cli-err-webhook-listen = kan inte lyssna efter webhooks på { $addr }: { $error }

## Kvitton som inte skrevs ut eller sparades (kvittot finns kvar)
cli-err-print-bad-address = “{ $input }” är ingen skrivaradress: ange skrivaren i Inställningar → Butik som 192.168.1.50 eller 192.168.1.50:9100. Kvittot finns kvar; skriv ut det igen från köpet.
cli-err-print-unknown-host = Skrivarnamnet { $addr } är okänt på det här nätverket: kontrollera skrivaren i Inställningar → Butik. Kvittot finns kvar; skriv ut det igen från köpet.
cli-err-print-no-answer = Skrivaren på { $addr } svarar inte: är den påslagen? Kvittot finns kvar; skriv ut det igen från köpet.
cli-err-print-not-taking = Skrivaren på { $addr } svarar inte: är den påslagen, med papper i och locket stängt? Kvittot finns kvar; skriv ut det igen från köpet.
cli-err-print-connection-broke = Anslutningen till skrivaren på { $addr } bröts under utskriften: kontrollera papper, lock och kabel. Kvittot finns kvar; skriv ut det igen från köpet.
cli-err-print-none = Ingen kvittoskrivare är inställd: lägg till dess adress i Inställningar → Butik, eller använd Skriv ut eller Spara PDF. Kvittot finns kvar.
cli-err-pdf-is-a-folder = { $path } är en mapp: välj ett filnamn för PDF:en (t.ex. kvitto-1042.pdf). Kvittot finns kvar.
cli-err-pdf-no-folder = Mappen { $folder } finns inte: välj en annan plats att spara PDF:en. Kvittot finns kvar.
cli-err-pdf-not-allowed = Kassa får inte skriva i { $folder }: välj en annan mapp för PDF:en. Kvittot finns kvar.
cli-err-pdf-disk-full = Disken är full: PDF:en kunde inte sparas som { $path }. Frigör utrymme eller välj en annan plats. Kvittot finns kvar.
cli-err-pdf-other = PDF:en kunde inte sparas som { $path } ({ $reason }). Kvittot finns kvar.
cli-err-receipt-folder = Kvittomappen { $folder } kan inte skapas ({ $reason }). Kvittot finns kvar.
cli-err-receipt-no-profile = ställ in butiken (Inställningar → Butik, eller `kassa setup --legal-name … --org-number …`) innan ett kvitto skrivs ut: det behöver företagets registrerade namn, organisationsnummer och adress
cli-err-receipt-not-paid = köp { $sale } har inget kvitto: det är inte betalt
cli-err-receipt-no-such-number = det finns inget kvittonummer { $number } i serien { $series }
cli-err-receipt-series-live = skarp
cli-err-receipt-series-training = träning

## Koppla bankkontot (Inställningar → Koppla bankkonto)
cli-err-connect-bad-redirect = felaktig omdirigeringsadress "{ $value }": den måste vara http på den här datorn (127.0.0.1, localhost eller [::1]) med en port
cli-err-connect-listen = kan inte lyssna på { $addr } efter webbläsarens svar ({ $error }); håller en annan Kassa på att koppla ett konto?
cli-err-connect-cancelled = bankkontot kopplades inte: kopplingen avbröts i webbläsaren
cli-err-connect-refused = bankkontot kopplades inte: tjänsten svarade { $error }
cli-err-connect-refused-why = bankkontot kopplades inte: tjänsten svarade { $error } ({ $why })
cli-err-connect-wrong-state = svaret i webbläsaren hör inte till det här kopplingsförsöket; börja om
cli-err-connect-no-state = svaret i webbläsaren saknar state, så Kassa kan inte avgöra om det hör till det här kopplingsförsöket; det ignorerades
cli-err-connect-no-code = svaret i webbläsaren saknar kod; börja om
cli-err-connect-exchange = tjänsten godtog inte koden som webbläsaren förde tillbaka: { $error }
cli-err-connect-service = tjänsten listade inte de kopplade kontona: { $error }
cli-err-connect-no-accounts = tjänsten anger inget konto som kan ta emot betalningar för den här kopplingen; koppla igen och välj ett konto
cli-err-connect-not-offered = konto { $id } är inte ett av de konton som just kopplades ({ $offered })
cli-err-connect-timed-out = bankkontot kopplades inte: inget kom tillbaka från webbläsaren på { $minutes } minuter
cli-err-connect-save = kontot kopplades men Kassa kunde inte spara det: { $error }

## Butikens hubb (kassa hub …, kassa status, Inställningar)
cli-hub-password-prompt = Hubbens lösenord för { $user } (visas inte; Enter för inget):
cli-hub-connected = Den här kassan ({ $till }) skickar nu sin bokföring till hubben på { $hub }; hubben hade { $acked } av dess poster. Kassan använder den från nästa start.
cli-hub-up-to-date = hubb { $hub }: à jour
cli-hub-behind = hubb { $hub }: { $behind ->
    [one] 1 post att skicka
   *[other] { $behind } poster att skicka
  }
cli-hub-last-ok = (senast i kontakt { $when })
cli-hub-synced = Skickade { $stored } poster; hubben har den här kassans poster till och med { $acked }.
cli-hub-bad-mode = "{ $mode }" är ingen rapport: använd x (dagen hittills) eller z (perioderna som stängdes den dagen)
cli-hub-report-title = { $mode ->
    [z] Z för butiken, { $date }
   *[x] X för butiken, { $date }
  }
cli-hub-report-training = TRÄNING (den inbyggda sandlådans köp)
cli-hub-till = { $name } ({ $till }): { $count } köp { $amount }, { $returns } returer { $returned }
cli-hub-till-tenders = { "  " }{ $tenders }
cli-hub-tender = { $tender ->
    [cash] kontant
    [card] kort
   *[bank] bankbetalning
  } { $amount }
cli-hub-till-last-z = { "  " }senaste Z { $number } { $when }
cli-hub-till-no-z = { "  " }ingen Z än
cli-hub-till-open-returns = { "  " }returer med bankbetalning att skicka: { $count } ({ $amount })
cli-hub-till-double = { "  " }dubbelbetalningar att återbetala: { $count } ({ $amount })
cli-hub-shop = Butik: { $count } köp { $amount }, { $returns } returer { $returned }
cli-hub-vat = { "  " }moms { $rate }: netto { $net }, moms { $vat }, brutto { $gross }
cli-hub-vat-none = { "  " }ingen moms registrerad: { $gross }
cli-hub-no-tills = Ingen kassa har skickat sin bokföring till den här hubben än.
cli-hub-exported = Skrev { $files } i { $dir }.
cli-hub-bad-list = "{ $what }" är ingen lista som hubben har: använd shop eller staff
cli-hub-pushed-shop = Butiksinställningarna är nu version { $version } i hubben; alla kassor hämtar dem.
cli-hub-pushed-staff = Personalen är nu version { $version } i hubben; alla kassor hämtar den.
cli-hub-pulled-shop = Hämtade hubbens butiksinställningar (version { $version }).
cli-hub-shop-current = Butiksinställningarna är redan hubbens senaste.
cli-hub-pulled-staff = Hämtade hubbens personal (version { $version }): { $changed ->
    [one] 1 tillagd eller ändrad
   *[other] { $changed } tillagda eller ändrade
  }.
cli-hub-staff-current = Personalen är redan hubbens senaste.
cli-hub-no-such-till = hubben har inga poster från kassa { $till }: `kassa hub report x --json` visar kassorna den har
cli-hub-restored = Återskapade kassa { $till } från hubben: { $records } poster i { $file }.

## kassa terminal serve
cli-terminal-ready = Kassa är betalterminal för bankbetalning på { $url } (POIID { $poi }, { $currency }); kassaregister skickar Authorization: Bearer med nyckeln i KASSA_TERMINAL_TOKEN. Ctrl-C stoppar.
cli-terminal-cannot-run = kan inte betjäna kassaregister: { $error }
cli-terminal-fingerprint = Para ihop kassaregistret med certifikatets SHA-256-fingeravtryck: { $fingerprint }
cli-terminal-token-new = Kassaregistrens nyckel: { $token }
    Ge den till kassaregistret (det skickar Authorization: Bearer NYCKEL). Den sparas i systemets nyckelring och visas inte igen; `kassa terminal token --new` ersätter den.
cli-terminal-token-removed = Kassaregistrens nyckel är borttagen: Kassa betjänar inga kassaregister förrän en ny har skapats.
cli-terminal-token-set = En nyckel för kassaregistren är satt (i systemets nyckelring).
cli-terminal-token-none = Ingen nyckel för kassaregistren är satt: `kassa terminal token --new` skapar en.
