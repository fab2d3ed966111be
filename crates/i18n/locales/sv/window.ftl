# window.ftl (Swedish): the cashier's window: the shell, the keypad, the sale, the QR and the result.

## Toppraden
top-sandbox = Sandlåda
top-who-aria = Inloggad; byt medarbetare eller logga ut
top-today = I dag
top-day = Dagen
top-transfers = Överföringar
top-settings = Inställningar

## Knappsatsen
keypad-aria = Ny försäljning
keypad-amount = Belopp
keypad-add-at = Lägg till beloppet med
keypad-quick-items = Snabbvaror
keypad-reference = Referens
optional = (valfritt)
keypad-reference-placeholder = t.ex. fakturanummer
keypad-pad-aria = Knappsats för belopp
keypad-backspace-aria = Radera sista siffran
keypad-clear-aria = Rensa

## Försäljningens rader
cart-aria = Denna försäljning
cart-heading = Försäljning
cart-clear = Rensa försäljningen
cart-total = Totalt
cart-amount-first = Skriv beloppet först och tryck sedan på dess momsknapp.
cart-remove-aria = Ta bort { $line }
cart-vat = Moms { $percent }
cart-empty = Skriv ett belopp och tryck sedan på en momsknapp eller ett betalsätt.

## Betalsätt och deras dialoger
tender-bank = Betala med bank
tender-cash = Kontant
tender-card = Kort
dialog-to-pay = Att betala
dialog-back = Tillbaka
cash-title = Kontant
cash-given = Mottaget belopp
cash-given-placeholder = t.ex. 200
cash-confirm = Bekräfta kontant
card-title = Kort i terminalen
card-hint = Ta betalningen i kortterminalen och bekräfta här när terminalen säger godkänt.
card-reference = Terminalens referens
card-reference-placeholder = t.ex. numret på terminalens kvitto
card-confirm = Kort godkänt

## QR-skärmen
qr-aria = Väntar på betalning
qr-amount-due = Att betala
qr-scan = Skanna med mobilens kamera för att betala med bank
qr-cancel = Avbryt
qr-sandbox-link = Sandlådelänk
qr-bank-statement = På kontoutdraget: { $reference }
qr-getting-new-code = Hämtar en ny kod…
qr-getting-code = Hämtar en kod…
qr-new-code-in = Ny kod om { $s } s
qr-trying-again-in = { $message } Försöker igen om { $s } s.
cancel-confirm-title = Avbryta försäljningen?
cancel-confirm-hint = Kunden godkänner i sin bank. En betalning som godkänns efter avbrottet flaggas för återbetalning.
cancel-confirm-no = Fortsätt vänta
cancel-confirm-yes = Avbryt försäljningen
training-phones = Övning: inga riktiga pengar flyttas. Alla mobiler i detta nätverk kan skanna koden och godkänna i Sandlådebanken ({ $url }).
training-no-phones = Övning: inga riktiga pengar flyttas. Mobiler når inte Sandlådebanken: { $problem }. Öppna sandlådelänken på den här datorn.
training-this-computer = Övning: inga riktiga pengar flyttas. Sandlådebanken öppnas bara på den här datorn; Inställningar → Övningsbank låter mobiler skanna koden.

## Resultatet
result-paid = Betalt
result-declined = Avvisad
result-cancelled = Avbruten
result-change = Växel
result-try-again = Försök igen
result-new-sale = Ny försäljning
result-next-sale-in = Nästa försäljning om { $s } s
result-receipt-aria = Kvitto
result-print = Skriv ut
result-printer = Skrivare
result-pdf = Spara PDF
result-printed-copy = Utskrivet som kopia { $copy }.

## En betalning som kräver butiken, kundskärmens ruta, fel
attention-refund = Kräver åtgärd: återbetala { $amount } (betalning { $payment })
attention-open-transfer = Öppna överföring
attention-later = Senare
pane-aria = Kundskärm
pane-heading = Kundskärm
pane-detach = Lossa
ipc-fallback = Något gick fel. Försök igen.
ipc-no-back-end = Kassas bakände är inte tillgänglig.

## The VAT keys
keypad-vat-default = förval

## Start och byte av inställningar
app-starting = Kassa startar fortfarande; försök igen om en stund.
app-switching = Kassa byter till de nya inställningarna; försök igen om en stund.
app-busy = Kassa är fortfarande upptagen med de nuvarande inställningarna; försök spara igen om en stund.
app-settings-unreadable = Kassa kunde inte läsa sina inställningar: { $error }
app-could-not-start = Kassa kunde inte starta: { $error }
result-no-folder = Ingen mapp för kvitton: { $error }
sale-still-open = Försäljning { $sale } är fortfarande öppen: slutför eller avbryt den först
