//! Every sentence the customer's screen shows, keyed, in the five languages: the one table
//! to move into the message catalogue (`kassa-i18n`, Fluent) once it lands. The keys are
//! already Fluent message ids (`customer-approving`); none takes an argument.

use serde::{Deserialize, Serialize};

/// A language the customer can pick on their screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "da")]
    Da,
    #[serde(rename = "sv")]
    Sv,
    #[serde(rename = "nb")]
    Nb,
    #[serde(rename = "fi")]
    Fi,
    #[serde(rename = "en")]
    En,
}

/// A language code the customer's screen does not speak.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a language of the customer's screen: da, sv, nb, fi or en")]
pub struct UnknownLang(pub String);

impl Lang {
    /// In the order the language buttons show them.
    pub const ALL: [Lang; 5] = [Lang::Da, Lang::Sv, Lang::Nb, Lang::Fi, Lang::En];

    /// The BCP 47 code (`nb` for Norwegian bokmål).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::Sv => "sv",
            Lang::Nb => "nb",
            Lang::Fi => "fi",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as its button says it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::Sv => "Svenska",
            Lang::Nb => "Norsk",
            Lang::Fi => "Suomi",
            Lang::En => "English",
        }
    }

    /// `da`, `sv`, `nb` (also `no`), `fi`, `en`, in any case.
    pub fn parse(code: &str) -> Result<Lang, UnknownLang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "da" => Ok(Lang::Da),
            "sv" => Ok(Lang::Sv),
            "nb" | "no" => Ok(Lang::Nb),
            "fi" => Ok(Lang::Fi),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(code.to_owned())),
        }
    }
}

/// The customer screen's sentences, by key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Welcome,
    YourPurchase,
    Total,
    GettingCode,
    NewCode,
    Scan,
    Approving,
    Approved,
    Paid,
    Declined,
    Cancelled,
    NotPaid,
    AskCashier,
    Change,
    Receipt,
    Training,
    Language,
}

impl Key {
    pub const ALL: [Key; 17] = [
        Key::Welcome,
        Key::YourPurchase,
        Key::Total,
        Key::GettingCode,
        Key::NewCode,
        Key::Scan,
        Key::Approving,
        Key::Approved,
        Key::Paid,
        Key::Declined,
        Key::Cancelled,
        Key::NotPaid,
        Key::AskCashier,
        Key::Change,
        Key::Receipt,
        Key::Training,
        Key::Language,
    ];

    /// The message id, as the catalogue will know it.
    pub fn id(self) -> &'static str {
        match self {
            Key::Welcome => "customer-welcome",
            Key::YourPurchase => "customer-your-purchase",
            Key::Total => "customer-total",
            Key::GettingCode => "customer-getting-code",
            Key::NewCode => "customer-new-code",
            Key::Scan => "customer-scan",
            Key::Approving => "customer-approving",
            Key::Approved => "customer-approved",
            Key::Paid => "customer-paid",
            Key::Declined => "customer-declined",
            Key::Cancelled => "customer-cancelled",
            Key::NotPaid => "customer-not-paid",
            Key::AskCashier => "customer-ask-cashier",
            Key::Change => "customer-change",
            Key::Receipt => "customer-receipt",
            Key::Training => "customer-training",
            Key::Language => "customer-language",
        }
    }
}

/// The sentence for `key` in `lang`: da, sv, nb, fi, en.
pub fn text(lang: Lang, key: Key) -> &'static str {
    let [da, sv, nb, fi, en] = match key {
        Key::Welcome => [
            "Velkommen",
            "Välkommen",
            "Velkommen",
            "Tervetuloa",
            "Welcome",
        ],
        Key::YourPurchase => [
            "Dit køb",
            "Ditt köp",
            "Ditt kjøp",
            "Ostoksesi",
            "Your purchase",
        ],
        Key::Total => ["I alt", "Totalt", "Totalt", "Yhteensä", "Total"],
        Key::GettingCode => [
            "Henter din betalingskode…",
            "Hämtar din betalkod…",
            "Henter betalingskoden din…",
            "Haetaan maksukoodia…",
            "Getting your payment code…",
        ],
        Key::NewCode => [
            "Henter en ny kode…",
            "Hämtar en ny kod…",
            "Henter en ny kode…",
            "Haetaan uutta koodia…",
            "Getting a new code…",
        ],
        Key::Scan => [
            "Scan koden med din telefon for at betale i din bank",
            "Skanna koden med din telefon för att betala i din bank",
            "Skann koden med telefonen din for å betale i banken din",
            "Skannaa koodi puhelimellasi ja maksa pankissasi",
            "Scan the code with your phone to pay in your bank",
        ],
        Key::Approving => [
            "Godkender i din bank…",
            "Godkänner i din bank…",
            "Godkjenner i banken din…",
            "Hyväksytään pankissasi…",
            "Approving in your bank…",
        ],
        Key::Approved => [
            "Godkendt – betalingen er på vej",
            "Godkänd – betalningen är på väg",
            "Godkjent – betalingen er på vei",
            "Hyväksytty – maksu on matkalla",
            "Approved – the payment is on its way",
        ],
        Key::Paid => [
            "Betalt – tak!",
            "Betalt – tack!",
            "Betalt – takk!",
            "Maksettu – kiitos!",
            "Paid – thank you!",
        ],
        Key::Declined => [
            "Betalingen blev afvist",
            "Betalningen nekades",
            "Betalingen ble avvist",
            "Maksu hylättiin",
            "The payment was declined",
        ],
        Key::Cancelled => [
            "Betalingen blev annulleret",
            "Betalningen avbröts",
            "Betalingen ble avbrutt",
            "Maksu peruttiin",
            "The payment was cancelled",
        ],
        Key::NotPaid => [
            "Betalingen gik ikke igennem",
            "Betalningen gick inte igenom",
            "Betalingen gikk ikke gjennom",
            "Maksu ei mennyt läpi",
            "The payment did not go through",
        ],
        Key::AskCashier => [
            "Spørg venligst ved kassen",
            "Fråga gärna i kassan",
            "Spør gjerne i kassen",
            "Kysy kassalta",
            "Please ask at the till",
        ],
        Key::Change => [
            "Byttepenge",
            "Växel",
            "Vekslepenger",
            "Vaihtoraha",
            "Change",
        ],
        Key::Receipt => ["Kvittering", "Kvitto", "Kvittering", "Kuitti", "Receipt"],
        Key::Training => [
            "Træning – der betales ingen rigtige penge",
            "Övning – inga riktiga pengar betalas",
            "Trening – ingen ekte penger betales",
            "Harjoitus – oikeaa rahaa ei makseta",
            "Training – no real money is paid",
        ],
        Key::Language => ["Sprog", "Språk", "Språk", "Kieli", "Language"],
    };
    match lang {
        Lang::Da => da,
        Lang::Sv => sv,
        Lang::Nb => nb,
        Lang::Fi => fi,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_key_has_its_own_sentence_in_every_language() {
        let ids: HashSet<&str> = Key::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), Key::ALL.len(), "two keys share an id");
        for key in Key::ALL {
            assert!(key.id().starts_with("customer-"), "{}", key.id());
            for lang in Lang::ALL {
                let t = text(lang, key);
                assert!(
                    !t.trim().is_empty(),
                    "{} is empty in {}",
                    key.id(),
                    lang.code()
                );
            }
            // Only English is allowed to be the English sentence (names of the same word,
            // like "Velkommen", may repeat between Danish and Norwegian).
            for lang in [Lang::Da, Lang::Sv, Lang::Nb, Lang::Fi] {
                assert_ne!(
                    text(lang, key),
                    text(Lang::En, key),
                    "{} in {} is still English",
                    key.id(),
                    lang.code()
                );
            }
        }
        for lang in Lang::ALL {
            let sentences: HashSet<&str> = Key::ALL.iter().map(|k| text(lang, *k)).collect();
            assert_eq!(
                sentences.len(),
                Key::ALL.len(),
                "two keys read the same in {}",
                lang.code()
            );
        }
    }

    #[test]
    fn language_codes_round_trip_and_a_stranger_is_named() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()).unwrap(), lang);
            assert_eq!(
                serde_json::to_value(lang).unwrap(),
                serde_json::json!(lang.code())
            );
        }
        assert_eq!(Lang::parse(" NO ").unwrap(), Lang::Nb);
        assert_eq!(
            Lang::parse("de").unwrap_err().to_string(),
            "\"de\" is not a language of the customer's screen: da, sv, nb, fi or en"
        );
    }
}
