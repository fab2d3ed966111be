# Sandbox bank page (fi).

## The payment page a phone opens, and where it lands after
bank-pay = Maksa
bank-to = saaja
bank-reference = Viite
bank-approve = Hyväksy
bank-reject = Hylkää
bank-approved = Maksu hyväksytty
bank-approved-detail = Rahat ovat matkalla. Voit palata kassalle.
bank-rejected = Maksu hylätty
bank-no-money = Rahaa ei lähetetty.
bank-failed = Maksu epäonnistui
bank-failed-detail = Pankki ei voinut lähettää rahaa. Pyydä kassaa yrittämään uudelleen.
bank-expired = Maksulinkki on vanhentunut — pyydä kassalta uusi koodi
bank-not-found = Maksua ei löytynyt
bank-not-found-detail = Linkki ei kuulu mihinkään maksuun. Pyydä kassalta uusi koodi.
bank-done = Maksu tehty
bank-close = Voit sulkea tämän sivun.
bank-not-finished = Maksu on kesken
bank-not-finished-detail = Palaa pankkiisi hyväksymään tai hylkäämään se.
bank-not-made = Maksua ei tehty
bank-not-made-detail = Rahaa ei lähetetty. Voit sulkea tämän sivun.
bank-footer = Kassan testipankki. Oikeaa rahaa ei liiku.

## Connect-kulun sivu kaupan selaimessa
bank-connect-heading = Yhdistä pankkitili
bank-connect-intro = Valitse tilit, joille Kassa saa ohjata rahaa; sen jälkeen Kassa kysyy, mille tilille asiakkaiden maksut tulevat. Kassa pyytää oikeutta { $scope }.
bank-connect-button = Yhdistä tili
bank-connect-cancel = Peruuta
bank-connect-problem = Tiliä ei voi yhdistää
bank-connect-unknown-client = client_id puuttuu tai palvelu ei tunne sitä.
bank-connect-bad-redirect = redirect_uri puuttuu tai sitä ei ole rekisteröity tälle sovellukselle.
bank-connect-spent = Pyyntö on vanhentunut tai jo käytetty. Aloita alusta Kassassa.
bank-connect-choose = Valitse yksi tai useampi näytetyistä tileistä.
