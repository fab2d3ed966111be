//! Organisation and VAT numbers of the four Nordic countries, each checked with its own
//! check digit.
//!
//! | Country | Number | Shape | Check |
//! |---|---|---|---|
//! | DK | CVR-nummer | 8 digits, first not 0 | weights 2,7,6,5,4,3,2,1; weighted sum mod 11 == 0 |
//! | NO | organisasjonsnummer | 9 digits, first 8 or 9 | weights 3,2,7,6,5,4,3,2 on the first 8; check = 11 − (sum mod 11), 11 → 0, 10 → no valid number |
//! | SE | organisationsnummer | 10 digits `NNNNNN-NNNN` | Luhn over all 10 digits |
//! | FI | Y-tunnus | 7 digits `-` check digit | weights 7,9,10,5,8,4,2; r = sum mod 11; r 0 → 0, r 1 → no valid number, else 11 − r |
//!
//! What [`OrgNumber::parse`] also accepts, normalising it away:
//!
//! * spaces, and the country's usual separators (`-`, `.`, `+` in a Swedish number);
//! * the VAT-number form: `DK12345678`, `NO123456789MVA` (also `NO 123 456 789 MVA`),
//!   `SE556036079301` (the `SE` prefix with the trailing `01`), `FI01120389`;
//! * a Finnish 6-digit body (`112038-9`), padded with a leading 0 as the tax administration
//!   does (`0112038-9`);
//! * a Swedish number with its century in front (`16` for a legal entity, `19`/`20` for a
//!   person): `165560360793`, `19811218-9876`.
//!
//! **Swedish sole traders.** A legal entity's number has a third digit of 2 or more (the
//! "month" group 20–99). A sole trader (enskild näringsidkare) has no separate number: the
//! owner's personnummer *is* the business's organisationsnummer and goes on the receipt, and
//! many small shops are run that way. Kassa therefore accepts a personnummer too (Luhn-checked,
//! with a real month 01–12 and a day 01–31, or 61–91 for a samordningsnummer), and tells it
//! apart with [`OrgNumber::is_sole_trader`]. Anything else with a third digit below 2 is
//! refused.
//!
//! **Norwegian MVA.** A business in the VAT register (Merverdiavgiftsregisteret) must show
//! its number as `NO 123456789 MVA` on a sales document. [`OrgNumber::parse`] remembers
//! whether the text carried the `MVA` suffix ([`OrgNumber::vat_registered`]); the profile can
//! also set it with [`OrgNumber::with_vat_registered`].

use std::fmt;

use serde::{Deserialize, Serialize};

use kassa_money::Currency;

/// The countries a Kassa shop can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "DK")]
    Dk,
    #[serde(rename = "SE")]
    Se,
    #[serde(rename = "NO")]
    No,
    #[serde(rename = "FI")]
    Fi,
}

impl Country {
    pub const ALL: [Country; 4] = [Country::Dk, Country::Se, Country::No, Country::Fi];

    /// ISO 3166-1 alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Country::Dk => "DK",
            Country::Se => "SE",
            Country::No => "NO",
            Country::Fi => "FI",
        }
    }

    /// The country's name in English.
    pub fn name(self) -> &'static str {
        match self {
            Country::Dk => "Denmark",
            Country::Se => "Sweden",
            Country::No => "Norway",
            Country::Fi => "Finland",
        }
    }

    /// The currency a shop there sells in.
    pub fn currency(self) -> Currency {
        match self {
            Country::Dk => Currency::Dkk,
            Country::Se => Currency::Sek,
            Country::No => Currency::Nok,
            Country::Fi => Currency::Eur,
        }
    }

    /// Reads `DK`, `se`, ` No ` …; `None` for anything else.
    pub fn from_code(text: &str) -> Option<Country> {
        let t = text.trim();
        Country::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(t))
    }

    /// What the number is called, as the error sentences and a receipt's label use it.
    pub fn number_name(self) -> &'static str {
        match self {
            Country::Dk => "CVR number",
            Country::No => "Norwegian organisation number",
            Country::Se => "Swedish organisation number",
            Country::Fi => "Business ID (Y-tunnus)",
        }
    }

    /// The label printed before the number on a receipt in the country's own language.
    pub fn number_label(self) -> &'static str {
        match self {
            Country::Dk => "CVR-nr.",
            Country::No => "Org.nr.",
            Country::Se => "Org.nr",
            Country::Fi => "Y-tunnus",
        }
    }

    fn digits(self) -> usize {
        match self {
            Country::Dk => 8,
            Country::No => 9,
            Country::Se => 10,
            Country::Fi => 8,
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why an organisation number was refused. The `Display` is the sentence the merchant reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrgError {
    #[error("enter the {}", .country.number_name())]
    Empty { country: Country },
    #[error("a {} has only digits; \"{found}\" is not one", .country.number_name())]
    NotADigit { country: Country, found: char },
    #[error("a {} has {expected} digits, this has {found}", .country.number_name())]
    WrongLength {
        country: Country,
        expected: usize,
        found: usize,
    },
    #[error("the check digit should be {expected}, not {found}: check the {} for a typing error", .country.number_name())]
    CheckDigit {
        country: Country,
        expected: u8,
        found: u8,
    },
    #[error("no {} begins with these digits (they give no check digit): check it for a typing error", .country.number_name())]
    NoCheckDigit { country: Country },
    #[error("a CVR number does not start with 0")]
    CvrLeadingZero,
    #[error("a Norwegian organisation number starts with 8 or 9, this one with {found}")]
    NorwegianFirstDigit { found: u8 },
    #[error(
        "the Luhn check digit of this Swedish organisation number does not match: check it for a typing error"
    )]
    Luhn,
    #[error(
        "this is neither a Swedish organisation number (its third digit is 2 or more) nor a personnummer of a sole trader (month {month:02}, day {day:02} is not a date)"
    )]
    NotSwedishEntity { month: u8, day: u8 },
    #[error(
        "a Finnish Business ID is written 1234567-8: seven digits, a hyphen and the check digit"
    )]
    FinnishShape,
    #[error("\"{found}\" is a VAT number of {}, not {}", .prefix_of.name(), .country.name())]
    OtherCountry {
        country: Country,
        prefix_of: Country,
        found: String,
    },
}

/// A checked organisation number: only the digits are kept (no prefix, suffix or separator).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrgNumber {
    pub country: Country,
    /// The number's digits, check digit included: 8 (DK), 9 (NO), 10 (SE), 8 (FI).
    pub digits: String,
    /// Norway only: registered for VAT, so shown as `NO 123456789 MVA`.
    #[serde(default)]
    pub vat_registered: bool,
}

impl OrgNumber {
    /// Reads and checks the number as a merchant types it (see the module documentation for
    /// what is accepted).
    pub fn parse(country: Country, text: &str) -> Result<OrgNumber, OrgError> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.is_empty() {
            return Err(OrgError::Empty { country });
        }
        let (body, vat_registered) = strip_vat_form(country, &compact)?;
        let digits = match country {
            Country::Dk => check_dk(body)?,
            Country::No => check_no(body)?,
            Country::Se => check_se(body)?,
            Country::Fi => check_fi(body)?,
        };
        Ok(OrgNumber {
            country,
            digits,
            vat_registered: vat_registered && country == Country::No,
        })
    }

    /// The same number, marked as registered for VAT (or not). Only Norway prints it.
    pub fn with_vat_registered(mut self, registered: bool) -> OrgNumber {
        self.vat_registered = registered && self.country == Country::No;
        self
    }

    /// Sweden: the number is the owner's personnummer (a sole trader).
    pub fn is_sole_trader(&self) -> bool {
        self.country == Country::Se && self.digits.as_bytes().get(2).is_some_and(|b| *b < b'2')
    }

    /// The number as the country writes it: `12345678` (DK), `123456789` or, registered for
    /// VAT, `NO 123456789 MVA` (NO), `556036-0793` (SE), `0112038-9` (FI).
    pub fn display(&self) -> String {
        let d = &self.digits;
        match self.country {
            Country::Dk => d.clone(),
            Country::No if self.vat_registered => format!("NO {d} MVA"),
            Country::No => d.clone(),
            Country::Se | Country::Fi => {
                let cut = d
                    .len()
                    .saturating_sub(if self.country == Country::Se { 4 } else { 1 });
                let (head, tail) = d.split_at(cut);
                format!("{head}-{tail}")
            }
        }
    }

    /// The EU VAT number built from it: `DK12345678`, `SE556036079301`, `FI01120389`,
    /// `NO123456789MVA` (Norway is outside the EU; this is the form Norwegian businesses use).
    pub fn vat_number(&self) -> String {
        let d = &self.digits;
        match self.country {
            Country::Dk => format!("DK{d}"),
            Country::Se => format!("SE{d}01"),
            Country::No => format!("NO{d}MVA"),
            Country::Fi => format!("FI{d}"),
        }
    }
}

impl fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// Strips a country prefix (and Norway's `MVA`, Sweden's `01`). Says whether `MVA` was there.
fn strip_vat_form(country: Country, compact: &str) -> Result<(&str, bool), OrgError> {
    let mut body = compact;
    let mut mva = false;
    if country == Country::No {
        if let Some(b) = body.strip_suffix("MVA") {
            body = b;
            mva = true;
        }
    }
    let first_two = body.get(..2).unwrap_or("");
    if first_two.bytes().all(|b| b.is_ascii_alphabetic()) && first_two.len() == 2 {
        match Country::from_code(first_two) {
            Some(c) if c == country => {
                body = &body[2..];
                if country == Country::Se && body.len() == 12 {
                    if let Some(b) = body.strip_suffix("01") {
                        body = b;
                    }
                }
            }
            Some(other) => {
                return Err(OrgError::OtherCountry {
                    country,
                    prefix_of: other,
                    found: compact.to_owned(),
                });
            }
            None => {}
        }
    }
    Ok((body, mva))
}

/// The digits of `body`, refusing any other character but those in `separators`.
fn only_digits(country: Country, body: &str, separators: &[char]) -> Result<Vec<u8>, OrgError> {
    let mut out = Vec::with_capacity(body.len());
    for c in body.chars() {
        if let Some(d) = c.to_digit(10) {
            out.push(d as u8);
        } else if !separators.contains(&c) {
            return Err(OrgError::NotADigit { country, found: c });
        }
    }
    Ok(out)
}

fn length(country: Country, digits: &[u8]) -> Result<(), OrgError> {
    let expected = country.digits();
    if digits.len() == expected {
        Ok(())
    } else {
        Err(OrgError::WrongLength {
            country,
            expected,
            found: digits.len(),
        })
    }
}

fn weighted(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(d, w)| u32::from(*d) * w)
        .sum()
}

fn text_of(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// The check digit a mod-11 scheme wants for `sum`, `None` where the scheme has none.
fn mod11(sum: u32) -> Option<u8> {
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        c => Some(c as u8),
    }
}

fn check_last(country: Country, digits: &[u8], expected: Option<u8>) -> Result<(), OrgError> {
    let found = digits.last().copied().unwrap_or(0);
    match expected {
        None => Err(OrgError::NoCheckDigit { country }),
        Some(e) if e == found => Ok(()),
        Some(e) => Err(OrgError::CheckDigit {
            country,
            expected: e,
            found,
        }),
    }
}

fn check_dk(body: &str) -> Result<String, OrgError> {
    let c = Country::Dk;
    let d = only_digits(c, body, &['-'])?;
    length(c, &d)?;
    if d[0] == 0 {
        return Err(OrgError::CvrLeadingZero);
    }
    // Weights 2,7,6,5,4,3,2 on the first seven and 1 on the last with the sum ≡ 0 (mod 11)
    // is the same as a mod-11 check digit on the first seven.
    check_last(c, &d, mod11(weighted(&d[..7], &[2, 7, 6, 5, 4, 3, 2])))?;
    Ok(text_of(&d))
}

fn check_no(body: &str) -> Result<String, OrgError> {
    let c = Country::No;
    let d = only_digits(c, body, &['-'])?;
    length(c, &d)?;
    if d[0] != 8 && d[0] != 9 {
        return Err(OrgError::NorwegianFirstDigit { found: d[0] });
    }
    check_last(c, &d, mod11(weighted(&d[..8], &[3, 2, 7, 6, 5, 4, 3, 2])))?;
    Ok(text_of(&d))
}

/// Luhn over all digits (the rightmost is the check digit).
pub(crate) fn luhn_ok(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d) * if i % 2 == 1 { 2 } else { 1 };
            v / 10 + v % 10
        })
        .sum();
    sum % 10 == 0
}

fn check_se(body: &str) -> Result<String, OrgError> {
    let c = Country::Se;
    let mut d = only_digits(c, body, &['-', '+'])?;
    // A century in front: 16 for a legal entity, 18/19/20 for a person.
    if d.len() == 12 && matches!((d[0], d[1]), (1, 6) | (1, 8) | (1, 9) | (2, 0)) {
        d.drain(..2);
    }
    length(c, &d)?;
    if !luhn_ok(&d) {
        return Err(OrgError::Luhn);
    }
    if d[2] < 2 {
        let month = d[2] * 10 + d[3];
        let day = d[4] * 10 + d[5];
        let real_day = (1..=31).contains(&day) || (61..=91).contains(&day);
        if !(1..=12).contains(&month) || !real_day {
            return Err(OrgError::NotSwedishEntity { month, day });
        }
    }
    Ok(text_of(&d))
}

fn check_fi(body: &str) -> Result<String, OrgError> {
    let c = Country::Fi;
    let d = only_digits(c, body, &['-'])?;
    let hyphen = body.find('-');
    if body.matches('-').count() > 1 {
        return Err(OrgError::FinnishShape);
    }
    let d = match hyphen {
        // The hyphen stands before the check digit only.
        Some(at) if at + 2 != body.len() => return Err(OrgError::FinnishShape),
        // A 6-digit body: padded with a leading 0.
        Some(_) if d.len() == 7 => std::iter::once(0).chain(d).collect(),
        None if d.len() == 7 => return Err(OrgError::FinnishShape),
        _ => d,
    };
    length(c, &d)?;
    let r = weighted(&d[..7], &[7, 9, 10, 5, 8, 4, 2]) % 11;
    let expected = match r {
        0 => Some(0),
        1 => None,
        r => Some((11 - r) as u8),
    };
    check_last(c, &d, expected)?;
    Ok(text_of(&d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(country: Country, text: &str) -> OrgNumber {
        match OrgNumber::parse(country, text) {
            Ok(n) => n,
            Err(e) => panic!("{text:?} refused: {e}"),
        }
    }

    fn err(country: Country, text: &str) -> OrgError {
        match OrgNumber::parse(country, text) {
            Ok(n) => panic!("{text:?} accepted as {n:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn danish_cvr_numbers_are_checked() {
        // 10150817: 1·2+0·7+1·6+5·5+0·4+8·3+1·2+7·1 = 66 = 6·11.
        let n = ok(Country::Dk, "10150817");
        assert_eq!(n.digits, "10150817");
        assert_eq!(n.display(), "10150817");
        assert_eq!(n.vat_number(), "DK10150817");
        assert_eq!(ok(Country::Dk, "DK 10 15 08 17"), n);
        assert_eq!(ok(Country::Dk, "dk10150817"), n);
        assert_eq!(
            err(Country::Dk, "10150818"),
            OrgError::CheckDigit {
                country: Country::Dk,
                expected: 7,
                found: 8
            }
        );
        assert_eq!(
            err(Country::Dk, "1015081").to_string(),
            "a CVR number has 8 digits, this has 7"
        );
        assert_eq!(err(Country::Dk, "01234567"), OrgError::CvrLeadingZero);
        assert_eq!(
            err(Country::Dk, "1015O817").to_string(),
            "a CVR number has only digits; \"O\" is not one"
        );
        assert_eq!(err(Country::Dk, "  ").to_string(), "enter the CVR number");
    }

    #[test]
    fn norwegian_numbers_take_no_prefix_and_mva_suffix() {
        // 923609016: 9·3+2·2+3·7+6·6+0·5+9·4+0·3+1·2 = 126; 126 mod 11 = 5; 11 − 5 = 6.
        let n = ok(Country::No, "923609016");
        assert!(!n.vat_registered);
        assert_eq!(n.display(), "923609016");
        let m = ok(Country::No, "NO 923 609 016 MVA");
        assert_eq!(m.digits, "923609016");
        assert!(m.vat_registered);
        assert_eq!(m.display(), "NO 923609016 MVA");
        assert_eq!(m.vat_number(), "NO923609016MVA");
        assert_eq!(ok(Country::No, "no923609016mva"), m);
        assert_eq!(n.clone().with_vat_registered(true), m);
        // 974760673: sum 173, 173 mod 11 = 8, 11 − 8 = 3.
        assert_eq!(ok(Country::No, "974 760 673").digits, "974760673");
        assert_eq!(
            err(Country::No, "923609017").to_string(),
            "the check digit should be 6, not 7: check the Norwegian organisation number for a typing error"
        );
        assert_eq!(
            err(Country::No, "123456785"),
            OrgError::NorwegianFirstDigit { found: 1 }
        );
        // 9,0,1,0,0,0,0,0: 27 + 7 = 34, 34 mod 11 = 1, 11 − 1 = 10: no valid check digit.
        assert_eq!(
            err(Country::No, "901000000"),
            OrgError::NoCheckDigit {
                country: Country::No
            }
        );
        assert_eq!(
            err(Country::No, "DK923609016").to_string(),
            "\"DK923609016\" is a VAT number of Denmark, not Norway"
        );
    }

    #[test]
    fn swedish_numbers_pass_luhn_and_sole_traders_are_told_apart() {
        let n = ok(Country::Se, "556036-0793");
        assert_eq!(n.digits, "5560360793");
        assert_eq!(n.display(), "556036-0793");
        assert_eq!(n.vat_number(), "SE556036079301");
        assert!(!n.is_sole_trader());
        assert_eq!(ok(Country::Se, "5560360793"), n);
        assert_eq!(ok(Country::Se, "SE556036079301"), n);
        assert_eq!(ok(Country::Se, "16556036-0793"), n);
        assert_eq!(ok(Country::Se, "202100-5489").display(), "202100-5489");
        // A sole trader's personnummer (born 1981-12-18).
        let p = ok(Country::Se, "811218-9876");
        assert!(p.is_sole_trader());
        assert_eq!(ok(Country::Se, "19811218-9876"), p);
        assert_eq!(err(Country::Se, "556036-0794"), OrgError::Luhn);
        assert_eq!(
            err(Country::Se, "55603607"),
            OrgError::WrongLength {
                country: Country::Se,
                expected: 10,
                found: 8
            }
        );
        // Third digit below 2 and not a date (13 is no month), with a right Luhn digit.
        let bad = luhn_fix("811318987");
        assert_eq!(
            err(Country::Se, &bad),
            OrgError::NotSwedishEntity { month: 13, day: 18 }
        );
    }

    /// Appends the Luhn check digit to nine digits.
    fn luhn_fix(nine: &str) -> String {
        (0..=9)
            .map(|c| format!("{nine}{c}"))
            .find(|s| {
                let d: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
                luhn_ok(&d)
            })
            .unwrap_or_default()
    }

    #[test]
    fn finnish_business_ids_are_checked_and_padded() {
        // 0112038-9: 0·7+1·9+1·10+2·5+0·8+3·4+8·2 = 57; 57 mod 11 = 2; 11 − 2 = 9.
        let n = ok(Country::Fi, "0112038-9");
        assert_eq!(n.digits, "01120389");
        assert_eq!(n.display(), "0112038-9");
        assert_eq!(n.vat_number(), "FI01120389");
        assert_eq!(ok(Country::Fi, "112038-9"), n);
        assert_eq!(ok(Country::Fi, "FI01120389"), n);
        assert_eq!(ok(Country::Fi, "01120389"), n);
        assert_eq!(
            err(Country::Fi, "0112038-8").to_string(),
            "the check digit should be 9, not 8: check the Business ID (Y-tunnus) for a typing error"
        );
        assert_eq!(err(Country::Fi, "011203-89"), OrgError::FinnishShape);
        assert_eq!(err(Country::Fi, "0112038"), OrgError::FinnishShape);
        // 1000001-?: 7 + 2 = 9 → 11 − 9 = 2. 1000005-?: 7 + 10 = 17 ≡ 6 → 5.
        assert_eq!(ok(Country::Fi, "1000001-2").digits, "10000012");
        // r == 1: 0000006-? → 6·2 = 12 ≡ 1: no valid check digit.
        assert_eq!(
            err(Country::Fi, "0000006-0"),
            OrgError::NoCheckDigit {
                country: Country::Fi
            }
        );
    }

    #[test]
    fn serde_keeps_the_digits() -> Result<(), serde_json::Error> {
        let n = ok(Country::No, "NO 923609016 MVA");
        let json = serde_json::to_string(&n)?;
        assert_eq!(
            json,
            r#"{"country":"NO","digits":"923609016","vatRegistered":true}"#
        );
        assert_eq!(serde_json::from_str::<OrgNumber>(&json)?, n);
        Ok(())
    }

    /// Builds a valid number of `country` from random leading digits, if the scheme gives
    /// them a check digit.
    fn valid(country: Country, seed: &[u8]) -> Option<String> {
        let mut d: Vec<u8> = seed.to_vec();
        match country {
            Country::Dk => {
                d.truncate(7);
                d[0] = d[0].max(1);
                d.push(mod11(weighted(&d, &[2, 7, 6, 5, 4, 3, 2]))?);
            }
            Country::No => {
                d.truncate(8);
                d[0] = 8 + d[0] % 2;
                d.push(mod11(weighted(&d, &[3, 2, 7, 6, 5, 4, 3, 2]))?);
            }
            Country::Se => {
                d.truncate(9);
                d[2] = d[2].max(2);
                let s = luhn_fix(&text_of(&d));
                return Some(s);
            }
            Country::Fi => {
                d.truncate(7);
                let r = weighted(&d, &[7, 9, 10, 5, 8, 4, 2]) % 11;
                d.push(match r {
                    0 => 0,
                    1 => return None,
                    r => (11 - r) as u8,
                });
            }
        }
        Some(text_of(&d))
    }

    fn any_country() -> impl Strategy<Value = Country> {
        prop::sample::select(Country::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn a_valid_number_is_accepted_and_displays_back(
            country in any_country(),
            seed in prop::collection::vec(0u8..10, 9),
        ) {
            if let Some(text) = valid(country, &seed) {
                let n = OrgNumber::parse(country, &text);
                prop_assert!(n.is_ok(), "{} refused: {:?}", text, n);
                if let Ok(n) = n {
                    prop_assert_eq!(&n.digits, &text);
                    prop_assert_eq!(OrgNumber::parse(country, &n.display()), Ok(n.clone()));
                    prop_assert_eq!(OrgNumber::parse(country, &n.vat_number()).map(|m| m.digits), Ok(n.digits));
                }
            }
        }

        /// All four schemes catch every single-digit error: the mod-11 weights are all
        /// non-zero mod 11 (11 is prime), and Luhn changes the sum by 1..9 mod 10.
        #[test]
        fn any_one_digit_changed_is_refused(
            country in any_country(),
            seed in prop::collection::vec(0u8..10, 9),
            at in 0usize..10,
            delta in 1u8..10,
        ) {
            if let Some(text) = valid(country, &seed) {
                let mut d: Vec<u8> = text.bytes().map(|b| b - b'0').collect();
                let at = at % d.len();
                d[at] = (d[at] + delta) % 10;
                let changed = text_of(&d);
                prop_assert!(OrgNumber::parse(country, &changed).is_err(), "{} → {} accepted", text, changed);
            }
        }

        #[test]
        fn parse_never_panics(country in any_country(), text in "\\PC{0,20}") {
            let _ = OrgNumber::parse(country, &text);
        }
    }
}
