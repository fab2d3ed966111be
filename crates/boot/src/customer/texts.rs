//! Every sentence the customer's screen shows, keyed: the texts live in the message catalogue
//! (`crates/i18n/locales/<lang>/customer.ftl`), read through [`kassa_i18n::Messages`]. The
//! keys are the catalogue's message ids (`customer-approving`); none takes an argument.
//! The customer's language is [`kassa_i18n::Lang`]; the buttons' order and the names they
//! show are the one small table here.

use kassa_i18n::{Lang, Messages};

/// A language code the customer's screen does not speak.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a language of the customer's screen: da, sv, nb, fi or en")]
pub struct UnknownLang(pub String);

impl UnknownLang {
    /// The error in `messages`' language (`customer-unknown-language`).
    pub fn message(&self, messages: &Messages) -> String {
        messages.get(
            "customer-unknown-language",
            &[("code", self.0.as_str().into())],
        )
    }
}

/// The customer's language buttons, in the order they show.
pub const BUTTONS: [Lang; 5] = [Lang::Da, Lang::Sv, Lang::Nb, Lang::Fi, Lang::En];

/// The language's name in itself, as its button says it (short: "Norsk", not "Norsk bokmål").
pub fn button_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Dansk",
        Lang::Sv => "Svenska",
        Lang::Nb => "Norsk",
        Lang::Fi => "Suomi",
        Lang::En => "English",
    }
}

/// `da`, `sv`, `nb` (also `no`), `fi`, `en`, in any case: exactly a button's code.
pub fn parse_lang(code: &str) -> Result<Lang, UnknownLang> {
    match code.trim().to_ascii_lowercase().as_str() {
        "da" => Ok(Lang::Da),
        "sv" => Ok(Lang::Sv),
        "nb" | "no" => Ok(Lang::Nb),
        "fi" => Ok(Lang::Fi),
        "en" => Ok(Lang::En),
        _ => Err(UnknownLang(code.to_owned())),
    }
}

/// A language as its code (`"da"`), for the views the windows get.
pub(crate) fn serialize_lang<S: serde::Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.code())
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
    /// The customer window's title.
    WindowTitle,
}

impl Key {
    pub const ALL: [Key; 18] = [
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
        Key::WindowTitle,
    ];

    /// The message id, in the catalogue.
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
            Key::WindowTitle => "customer-window-title",
        }
    }
}

/// The sentence for `key` in `lang`, from the catalogue.
pub fn text(lang: Lang, key: Key) -> String {
    Messages::of(lang).text(key.id())
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
            for lang in BUTTONS {
                assert!(
                    Messages::of(lang).has(key.id()),
                    "{} is not in the {} catalogue",
                    key.id(),
                    lang.code()
                );
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
        for lang in BUTTONS {
            let sentences: HashSet<String> = Key::ALL.iter().map(|k| text(lang, *k)).collect();
            assert_eq!(
                sentences.len(),
                Key::ALL.len(),
                "two keys read the same in {}",
                lang.code()
            );
        }
        // One sentence word for word, as a Danish customer reads it.
        assert_eq!(text(Lang::Da, Key::Approving), "Godkender i din bank…");
    }

    #[test]
    fn language_codes_round_trip_and_a_stranger_is_named() {
        let mut all: Vec<Lang> = BUTTONS.to_vec();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), Lang::ALL.len(), "a language has no button");
        for lang in BUTTONS {
            assert_eq!(parse_lang(lang.code()).unwrap(), lang);
            let mut json = serde_json::Serializer::new(Vec::new());
            serialize_lang(&lang, &mut json).unwrap();
            assert_eq!(
                serde_json::from_slice::<serde_json::Value>(&json.into_inner()).unwrap(),
                serde_json::json!(lang.code())
            );
        }
        assert_eq!(parse_lang(" NO ").unwrap(), Lang::Nb);
        let err = parse_lang("de").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"de\" is not a language of the customer's screen: da, sv, nb, fi or en"
        );
        assert_eq!(err.message(Messages::of(Lang::En)), err.to_string());
        assert_eq!(
            err.message(Messages::of(Lang::Da)),
            "\"de\" er ikke et sprog på kundeskærmen: da, sv, nb, fi eller en"
        );
    }
}
