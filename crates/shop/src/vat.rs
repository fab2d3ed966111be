//! VAT rates per country, each with its SAF-T standard VAT code, as an editable table.
//!
//! A rate is a whole number of **basis points** (2500 = 25 %, 2550 = 25.5 %, 1350 = 13.5 %);
//! never a float.
//!
//! # The rates Kassa starts with
//!
//! [`VatTable::for_country`] gives a country's output-VAT rates on a given day. They were
//! put together from memory and public summaries in early 2026; a merchant's accountant has
//! the last word, and every rate can be edited.
//!
//! * **Denmark**: 25 % on everything taxable (Momsloven). Denmark has no reduced rate;
//!   zero-rated sales (e.g. newspapers) are 0 %, exempt ones (e.g. health care) are outside VAT.
//! * **Norway**: 25 % general; 15 % food and drink (not alcohol, tobacco, restaurant
//!   dine-in); 12 % passenger transport, hotel rooms, cinema, museums, amusement parks, sports
//!   events; 0 % (fritatt, e.g. books and newspapers). Unchanged for 2026 as far as known.
//!   The 11.11 % raw-fish rate (code 32) is left out: no shop till sells first-hand fish.
//! * **Sweden**: 25 % general; 12 % restaurant/catering and hotel; 6 % books, newspapers,
//!   passenger transport, culture and sports admissions; food is 12 %, **temporarily 6 % from
//!   1 April 2026 to 31 December 2027** (prop. 2025/26:55, passed in the 2026 budget; not
//!   alcohol or tap water). [`VatTable::for_country`] picks the food rate by date.
//! * **Finland**: 25.5 % general (since 1 September 2024); 13.5 % food, restaurant and
//!   catering, books, medicines, passenger transport, accommodation, culture, sports, and
//!   public broadcasting (was 14 % until 31 December 2025); 10 % newspapers and periodicals.
//!   For days before 1 January 2026 the reduced rate is 14 %.
//!
//! # SAF-T codes
//!
//! The codes are the SAF-T *standard tax codes* of the Norwegian cash-register SAF-T
//! (`saf-t-cash-register/code-lists/Standard_Tax_Codes.csv`), the output (sales) codes:
//!
//! | Code | Meaning in the list | Used here for |
//! |---|---|---|
//! | 3 | Output VAT, regular rate | 25 % (25.5 % FI) |
//! | 31 | Output VAT, reduced rate, middle | NO 15 %, SE 12 %, FI 13.5 % |
//! | 32 | Output VAT, reduced rate, raw fish | (not in a default table) |
//! | 33 | Output VAT, reduced rate, low | NO 12 %, SE 6 %, FI 10 % |
//! | 5 | Domestic sales exempt from VAT, zero rate | 0 % zero-rated |
//! | 51 | Domestic sales with reverse charge, zero rate | (not in a default table) |
//! | 52 | Export of goods and services, zero rate | (not in a default table) |
//! | 6 | Turnover outside the scope of the VAT legislation | 0 % exempt |
//!
//! The code list is Norway's; for Denmark, Sweden and Finland Kassa uses the same codes by
//! the rate's tier (regular, middle, low, zero), which is how a Norwegian-format SAF-T file
//! classifies them. Sweden's food at 6 % is then "low" (33), like its other 6 % sales.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::org::Country;

/// Basis points in 100 %.
pub const FULL_BP: u32 = 10_000;

/// The highest rate Kassa takes: 50 %. No Nordic (or EU) rate is above 27 %; anything higher
/// is a slip of the finger (2500 typed as 25000).
pub const MAX_RATE_BP: u32 = 5_000;

/// The longest name of a rate (it goes on a VAT-group key and a receipt line).
pub const MAX_NAME_CHARS: usize = 24;

/// A SAF-T standard tax code for output VAT (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SaftCode(u8);

/// The output codes of `Standard_Tax_Codes.csv` a till can sell under, with the list's
/// English description and whether the code is for a zero rate.
const SAFT_OUTPUT: [(u8, &str, bool); 8] = [
    (3, "Output VAT, regular rate", false),
    (31, "Output VAT, reduced rate, middle", false),
    (32, "Output VAT, reduced rate, raw fish", false),
    (33, "Output VAT, reduced rate, low", false),
    (5, "No output VAT, zero rate", true),
    (
        51,
        "Domestic sales of reverse charge / VAT obligation, zero rate",
        true,
    ),
    (52, "Export of goods and services, zero rate", true),
    (
        6,
        "Not liable to VAT treatment, outside the scope of the VAT legislation",
        true,
    ),
];

impl SaftCode {
    pub const REGULAR: SaftCode = SaftCode(3);
    pub const MIDDLE: SaftCode = SaftCode(31);
    pub const RAW_FISH: SaftCode = SaftCode(32);
    pub const LOW: SaftCode = SaftCode(33);
    pub const ZERO: SaftCode = SaftCode(5);
    pub const REVERSE_CHARGE: SaftCode = SaftCode(51);
    pub const EXPORT: SaftCode = SaftCode(52);
    pub const OUTSIDE_SCOPE: SaftCode = SaftCode(6);

    /// One of the output codes, or an error naming them.
    pub fn new(code: u8) -> Result<SaftCode, VatError> {
        if SAFT_OUTPUT.iter().any(|(c, _, _)| *c == code) {
            Ok(SaftCode(code))
        } else {
            Err(VatError::UnknownCode(code.to_string()))
        }
    }

    pub fn code(self) -> u8 {
        self.0
    }

    /// The code list's description (English).
    pub fn description(self) -> &'static str {
        SAFT_OUTPUT
            .iter()
            .find(|(c, _, _)| *c == self.0)
            .map_or("", |(_, d, _)| d)
    }

    /// A code for sales without VAT (0 %).
    pub fn is_zero_rate(self) -> bool {
        SAFT_OUTPUT
            .iter()
            .find(|(c, _, _)| *c == self.0)
            .is_some_and(|(_, _, z)| *z)
    }
}

impl TryFrom<String> for SaftCode {
    type Error = VatError;
    fn try_from(s: String) -> Result<Self, VatError> {
        s.trim()
            .parse::<u8>()
            .map_err(|_| VatError::UnknownCode(s.trim().to_owned()))
            .and_then(SaftCode::new)
    }
}

impl From<SaftCode> for String {
    fn from(c: SaftCode) -> String {
        c.0.to_string()
    }
}

impl fmt::Display for SaftCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Writes basis points as a Nordic percentage: `25 %`, `25,5 %`, `13,5 %`, `0 %`.
pub fn percent(bp: u32) -> String {
    let whole = bp / 100;
    let frac = bp % 100;
    match frac {
        0 => format!("{whole}\u{a0}%"),
        f if f % 10 == 0 => format!("{whole},{}\u{a0}%", f / 10),
        f => format!("{whole},{f:02}\u{a0}%"),
    }
}

/// Reads a percentage as typed: `25`, `25,5`, `25.5 %`, `13.50%` → basis points (at most two
/// decimals), within 0 % and 50 %.
pub fn parse_percent(text: &str) -> Result<u32, VatError> {
    let t = text.trim().trim_end_matches('%').trim();
    let bad = || VatError::NotAPercentage(text.trim().to_owned());
    if t.is_empty() {
        return Err(bad());
    }
    let (int, frac) = t.split_once(['.', ',']).unwrap_or((t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || frac.len() > 2 || int.len() > 4 {
        return Err(bad());
    }
    let whole: u32 = int.parse().map_err(|_| bad())?;
    let mut hundredths: u32 = 0;
    for (i, b) in frac.bytes().enumerate() {
        hundredths += u32::from(b - b'0') * if i == 0 { 10 } else { 1 };
    }
    let bp = whole * 100 + hundredths;
    check_bp(bp)?;
    Ok(bp)
}

fn check_bp(bp: u32) -> Result<(), VatError> {
    if bp > MAX_RATE_BP {
        Err(VatError::OutOfRange { bp })
    } else {
        Ok(())
    }
}

/// The VAT of a line or group: its rate and SAF-T code. Lines with the same class are one
/// group in a [`Breakdown`](crate::lines::Breakdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatClass {
    /// Basis points: 2500 = 25 %.
    pub bp: u32,
    pub code: SaftCode,
}

impl VatClass {
    /// A checked class: the rate within 0..=50 %, a zero-rate code exactly with 0 %.
    pub fn new(bp: u32, code: SaftCode) -> Result<VatClass, VatError> {
        check_bp(bp)?;
        match (code.is_zero_rate(), bp == 0) {
            (true, false) => Err(VatError::ZeroCodeWithRate { code, bp }),
            (false, true) => Err(VatError::RateCodeWithZero { code }),
            _ => Ok(VatClass { bp, code }),
        }
    }

    /// `25 %`, `13,5 %`.
    pub fn percent(&self) -> String {
        percent(self.bp)
    }
}

/// A named rate of the table: what a VAT-group key shows ("Food 15 %").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatRate {
    /// "Standard", "Food", … unique in its table (ignoring case).
    pub name: String,
    pub bp: u32,
    pub code: SaftCode,
}

impl VatRate {
    /// A checked rate (name, range, code).
    pub fn new(name: &str, bp: u32, code: SaftCode) -> Result<VatRate, VatError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(VatError::NoName);
        }
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(VatError::NameTooLong { chars });
        }
        if name.chars().any(char::is_control) {
            return Err(VatError::NameControl);
        }
        VatClass::new(bp, code)?;
        Ok(VatRate {
            name: name.to_owned(),
            bp,
            code,
        })
    }

    pub fn class(&self) -> VatClass {
        VatClass {
            bp: self.bp,
            code: self.code,
        }
    }

    /// The key's label: "Food 15 %".
    pub fn label(&self) -> String {
        format!("{} {}", self.name, percent(self.bp))
    }
}

/// Why a rate or a table edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VatError {
    #[error("a VAT rate must be between 0 % and 50 %; {} is not", percent(*.bp).replace('\u{a0}', " "))]
    OutOfRange { bp: u32 },
    #[error("\"{0}\" is not a percentage: write it like 25 or 12,5")]
    NotAPercentage(String),
    #[error(
        "\"{0}\" is not a SAF-T VAT code for sales: use 3, 31, 32 or 33 for a rate, 5, 51, 52 or 6 for 0 %"
    )]
    UnknownCode(String),
    #[error("SAF-T code {code} is for sales without VAT, so its rate is 0 %, not {}", percent(*.bp).replace('\u{a0}', " "))]
    ZeroCodeWithRate { code: SaftCode, bp: u32 },
    #[error(
        "SAF-T code {code} is for sales with VAT; a 0 % rate takes code 5 (zero-rated) or 6 (outside VAT)"
    )]
    RateCodeWithZero { code: SaftCode },
    #[error("give the VAT rate a name, e.g. Standard or Food")]
    NoName,
    #[error("a VAT rate's name has at most 24 characters; this has {chars}")]
    NameTooLong { chars: usize },
    #[error("a VAT rate's name cannot contain control characters (tabs, line breaks)")]
    NameControl,
    #[error("there is already a VAT rate named \"{0}\"")]
    DuplicateName(String),
    #[error("there is no VAT rate named \"{0}\"")]
    NoSuchRate(String),
    #[error("\"{0}\" is the default VAT rate: choose another default before removing it")]
    RemovingDefault(String),
    #[error("a VAT table needs at least one rate")]
    Empty,
    #[error("the default VAT rate \"{0}\" is not in the table")]
    DefaultMissing(String),
    #[error("Kassa knows {}'s VAT rates from 1 January 2025 on, not for {year}-{month:02}-{day:02}", .country.name())]
    DateTooEarly {
        country: Country,
        year: i32,
        month: u8,
        day: u8,
    },
}

/// A calendar day (passed in: the crate never reads the clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    pub const fn new(year: i32, month: u8, day: u8) -> Day {
        Day { year, month, day }
    }
}

/// The earliest day [`VatTable::for_country`] knows rates for.
pub const KNOWN_FROM: Day = Day::new(2025, 1, 1);

/// The names of the rates in a country's table ([`VatTable::for_country`]). Kassa gives
/// them in the language spoken when it first fills a shop's defaults, and keeps them: they
/// are the merchant's from then on (quick items and `--line …@RATE` name them).
/// [`VatNames::english`] (the default) are the names Kassa always gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VatNames {
    /// The regular rate, the default one ("Standard").
    pub standard: String,
    /// 0 %, zero-rated ("Zero-rated").
    pub zero_rated: String,
    /// 0 %, outside VAT ("Exempt").
    pub exempt: String,
    /// Food (Norway, Sweden, Finland).
    pub food: String,
    /// Norway's 12 % ("Transport/hotel").
    pub transport_hotel: String,
    /// Sweden's 12 % ("Restaurant/hotel").
    pub restaurant_hotel: String,
    /// Sweden's 6 % ("Books/culture").
    pub books_culture: String,
    /// Finland's 10 % ("Newspapers").
    pub newspapers: String,
}

impl VatNames {
    /// The English names: "Standard", "Zero-rated", "Exempt", "Food", "Transport/hotel",
    /// "Restaurant/hotel", "Books/culture", "Newspapers".
    pub fn english() -> VatNames {
        VatNames {
            standard: "Standard".into(),
            zero_rated: "Zero-rated".into(),
            exempt: "Exempt".into(),
            food: "Food".into(),
            transport_hotel: "Transport/hotel".into(),
            restaurant_hotel: "Restaurant/hotel".into(),
            books_culture: "Books/culture".into(),
            newspapers: "Newspapers".into(),
        }
    }
}

impl Default for VatNames {
    fn default() -> VatNames {
        VatNames::english()
    }
}

/// A shop's VAT rates: one or more, unique names, one default (what a plain amount on the
/// keypad is sold at). Serde checks a table read from the settings file the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "TableFile")]
pub struct VatTable {
    country: Country,
    rates: Vec<VatRate>,
    /// The default rate's name.
    default: String,
}

/// The settings-file shape, checked into a [`VatTable`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TableFile {
    country: Country,
    rates: Vec<VatRate>,
    default: String,
}

impl TryFrom<TableFile> for VatTable {
    type Error = VatError;
    fn try_from(f: TableFile) -> Result<Self, VatError> {
        VatTable::new(f.country, f.rates, &f.default)
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl VatTable {
    /// A checked table: every rate valid, names unique, the default among them.
    pub fn new(country: Country, rates: Vec<VatRate>, default: &str) -> Result<VatTable, VatError> {
        if rates.is_empty() {
            return Err(VatError::Empty);
        }
        let mut checked: Vec<VatRate> = Vec::with_capacity(rates.len());
        for r in rates {
            let r = VatRate::new(&r.name, r.bp, r.code)?;
            if checked.iter().any(|c| same_name(&c.name, &r.name)) {
                return Err(VatError::DuplicateName(r.name));
            }
            checked.push(r);
        }
        let default = checked
            .iter()
            .find(|r| same_name(&r.name, default))
            .map(|r| r.name.clone())
            .ok_or_else(|| VatError::DefaultMissing(default.trim().to_owned()))?;
        Ok(VatTable {
            country,
            rates: checked,
            default,
        })
    }

    /// The country's rates on `on` (see the module documentation for the sources), named
    /// `names`, the standard rate as the default.
    pub fn for_country(country: Country, on: Day, names: &VatNames) -> Result<VatTable, VatError> {
        if on < KNOWN_FROM {
            return Err(VatError::DateTooEarly {
                country,
                year: on.year,
                month: on.month,
                day: on.day,
            });
        }
        let r = |name: &str, bp: u32, code: SaftCode| VatRate {
            name: name.to_owned(),
            bp,
            code,
        };
        let n = names;
        let standard = |bp: u32| r(&n.standard, bp, SaftCode::REGULAR);
        let zero = r(&n.zero_rated, 0, SaftCode::ZERO);
        let exempt = r(&n.exempt, 0, SaftCode::OUTSIDE_SCOPE);
        let rates = match country {
            Country::Dk => vec![standard(2500), zero, exempt],
            Country::No => vec![
                standard(2500),
                r(&n.food, 1500, SaftCode::MIDDLE),
                r(&n.transport_hotel, 1200, SaftCode::LOW),
                zero,
                exempt,
            ],
            Country::Se => {
                let cut = Day::new(2026, 4, 1) <= on && on <= Day::new(2027, 12, 31);
                let food = if cut {
                    r(&n.food, 600, SaftCode::LOW)
                } else {
                    r(&n.food, 1200, SaftCode::MIDDLE)
                };
                vec![
                    standard(2500),
                    food,
                    r(&n.restaurant_hotel, 1200, SaftCode::MIDDLE),
                    r(&n.books_culture, 600, SaftCode::LOW),
                    zero,
                    exempt,
                ]
            }
            Country::Fi => {
                let reduced = if on >= Day::new(2026, 1, 1) {
                    1350
                } else {
                    1400
                };
                vec![
                    standard(2550),
                    r(&n.food, reduced, SaftCode::MIDDLE),
                    r(&n.newspapers, 1000, SaftCode::LOW),
                    zero,
                    exempt,
                ]
            }
        };
        VatTable::new(country, rates, &n.standard)
    }

    pub fn country(&self) -> Country {
        self.country
    }

    pub fn rates(&self) -> &[VatRate] {
        &self.rates
    }

    /// The rate a plain amount is sold at.
    pub fn default_rate(&self) -> &VatRate {
        // `new` and every edit keep the default in the table; the first rate is a fallback
        // that cannot be reached.
        self.get(&self.default).unwrap_or(&self.rates[0])
    }

    /// The rate named `name` (ignoring case).
    pub fn get(&self, name: &str) -> Option<&VatRate> {
        self.rates.iter().find(|r| same_name(&r.name, name))
    }

    /// Adds a rate; its name must be new.
    pub fn add(&mut self, rate: VatRate) -> Result<(), VatError> {
        let rate = VatRate::new(&rate.name, rate.bp, rate.code)?;
        if self.get(&rate.name).is_some() {
            return Err(VatError::DuplicateName(rate.name));
        }
        self.rates.push(rate);
        Ok(())
    }

    /// Replaces the rate named `name` (its name may change too, to one not taken).
    pub fn change(&mut self, name: &str, rate: VatRate) -> Result<(), VatError> {
        let rate = VatRate::new(&rate.name, rate.bp, rate.code)?;
        let at = self
            .rates
            .iter()
            .position(|r| same_name(&r.name, name))
            .ok_or_else(|| VatError::NoSuchRate(name.trim().to_owned()))?;
        if self
            .rates
            .iter()
            .enumerate()
            .any(|(i, r)| i != at && same_name(&r.name, &rate.name))
        {
            return Err(VatError::DuplicateName(rate.name));
        }
        if same_name(&self.default, name) {
            self.default = rate.name.clone();
        }
        self.rates[at] = rate;
        Ok(())
    }

    /// Removes the rate named `name`; not the default one.
    pub fn remove(&mut self, name: &str) -> Result<VatRate, VatError> {
        let at = self
            .rates
            .iter()
            .position(|r| same_name(&r.name, name))
            .ok_or_else(|| VatError::NoSuchRate(name.trim().to_owned()))?;
        if same_name(&self.default, name) {
            return Err(VatError::RemovingDefault(self.rates[at].name.clone()));
        }
        Ok(self.rates.remove(at))
    }

    /// Makes the rate named `name` the default.
    pub fn set_default(&mut self, name: &str) -> Result<(), VatError> {
        let found = self
            .get(name)
            .ok_or_else(|| VatError::NoSuchRate(name.trim().to_owned()))?;
        self.default = found.name.clone();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAN: Day = Day::new(2026, 1, 15);

    fn table(country: Country, on: Day) -> VatTable {
        match VatTable::for_country(country, on, &VatNames::english()) {
            Ok(t) => t,
            Err(e) => panic!("{country}: {e}"),
        }
    }

    fn classes(t: &VatTable) -> Vec<(String, u32, u8)> {
        t.rates()
            .iter()
            .map(|r| (r.name.clone(), r.bp, r.code.code()))
            .collect()
    }

    fn owned(v: &[(&str, u32, u8)]) -> Vec<(String, u32, u8)> {
        v.iter().map(|(n, b, c)| (n.to_string(), *b, *c)).collect()
    }

    #[test]
    fn each_country_starts_with_its_2026_rates_and_saft_codes() {
        assert_eq!(
            classes(&table(Country::Dk, JAN)),
            owned(&[
                ("Standard", 2500, 3),
                ("Zero-rated", 0, 5),
                ("Exempt", 0, 6)
            ])
        );
        assert_eq!(
            classes(&table(Country::No, JAN)),
            owned(&[
                ("Standard", 2500, 3),
                ("Food", 1500, 31),
                ("Transport/hotel", 1200, 33),
                ("Zero-rated", 0, 5),
                ("Exempt", 0, 6)
            ])
        );
        assert_eq!(
            classes(&table(Country::Fi, JAN)),
            owned(&[
                ("Standard", 2550, 3),
                ("Food", 1350, 31),
                ("Newspapers", 1000, 33),
                ("Zero-rated", 0, 5),
                ("Exempt", 0, 6)
            ])
        );
        for c in Country::ALL {
            assert_eq!(table(c, JAN).default_rate().name, "Standard");
        }
    }

    #[test]
    fn the_table_carries_the_names_it_is_given() {
        let names = VatNames {
            standard: "Yleinen".into(),
            zero_rated: "Nollaverokanta".into(),
            exempt: "Veroton".into(),
            food: "Elintarvikkeet".into(),
            newspapers: "Sanomalehdet".into(),
            ..VatNames::english()
        };
        let fi = VatTable::for_country(Country::Fi, JAN, &names).unwrap();
        assert_eq!(
            classes(&fi),
            owned(&[
                ("Yleinen", 2550, 3),
                ("Elintarvikkeet", 1350, 31),
                ("Sanomalehdet", 1000, 33),
                ("Nollaverokanta", 0, 5),
                ("Veroton", 0, 6)
            ])
        );
        assert_eq!(fi.default_rate().name, "Yleinen");
        // Names the table cannot take are refused as a table of the merchant's would be.
        let twice = VatNames {
            exempt: "zero-rated".into(),
            ..VatNames::english()
        };
        assert_eq!(
            VatTable::for_country(Country::Dk, JAN, &twice),
            Err(VatError::DuplicateName("zero-rated".into()))
        );
    }

    #[test]
    fn dated_changes_are_picked_by_day() {
        let food = |c, d| table(c, d).get("food").map(|r| (r.bp, r.code.code()));
        assert_eq!(food(Country::Se, Day::new(2026, 3, 31)), Some((1200, 31)));
        assert_eq!(food(Country::Se, Day::new(2026, 4, 1)), Some((600, 33)));
        assert_eq!(food(Country::Se, Day::new(2027, 12, 31)), Some((600, 33)));
        assert_eq!(food(Country::Se, Day::new(2028, 1, 1)), Some((1200, 31)));
        assert_eq!(food(Country::Fi, Day::new(2025, 12, 31)), Some((1400, 31)));
        assert_eq!(food(Country::Fi, Day::new(2026, 1, 1)), Some((1350, 31)));
        assert_eq!(
            VatTable::for_country(Country::Dk, Day::new(2024, 12, 31), &VatNames::english())
                .map_err(|e| e.to_string()),
            Err(
                "Kassa knows Denmark's VAT rates from 1 January 2025 on, not for 2024-12-31".into()
            )
        );
    }

    #[test]
    fn percentages_read_and_write_without_floats() {
        assert_eq!(percent(2500), "25\u{a0}%");
        assert_eq!(percent(2550), "25,5\u{a0}%");
        assert_eq!(percent(1111), "11,11\u{a0}%");
        assert_eq!(percent(0), "0\u{a0}%");
        assert_eq!(parse_percent("25"), Ok(2500));
        assert_eq!(parse_percent("25,5 %"), Ok(2550));
        assert_eq!(parse_percent("13.50%"), Ok(1350));
        assert_eq!(parse_percent("0"), Ok(0));
        assert_eq!(
            parse_percent("60").map_err(|e| e.to_string()),
            Err("a VAT rate must be between 0 % and 50 %; 60 % is not".into())
        );
        assert!(matches!(
            parse_percent("12,345"),
            Err(VatError::NotAPercentage(_))
        ));
        assert!(matches!(
            parse_percent("-5"),
            Err(VatError::NotAPercentage(_))
        ));
        assert!(matches!(
            parse_percent("abc"),
            Err(VatError::NotAPercentage(_))
        ));
    }

    #[test]
    fn rates_and_codes_must_agree() {
        assert_eq!(SaftCode::new(4), Err(VatError::UnknownCode("4".into())));
        assert_eq!(
            VatClass::new(2500, SaftCode::ZERO).map_err(|e| e.to_string()),
            Err("SAF-T code 5 is for sales without VAT, so its rate is 0 %, not 25 %".into())
        );
        assert_eq!(
            VatClass::new(0, SaftCode::REGULAR),
            Err(VatError::RateCodeWithZero {
                code: SaftCode::REGULAR
            })
        );
        assert_eq!(
            VatClass::new(5001, SaftCode::REGULAR),
            Err(VatError::OutOfRange { bp: 5001 })
        );
        assert!(VatClass::new(5000, SaftCode::REGULAR).is_ok());
        assert_eq!(
            SaftCode::MIDDLE.description(),
            "Output VAT, reduced rate, middle"
        );
    }

    #[test]
    fn the_table_is_edited_with_checks() -> Result<(), VatError> {
        let mut t = table(Country::No, JAN);
        t.add(VatRate::new("Raw fish", 1111, SaftCode::RAW_FISH)?)?;
        assert_eq!(
            t.get("raw FISH").map(|r| r.label()),
            Some("Raw fish 11,11\u{a0}%".into())
        );
        assert_eq!(
            t.add(VatRate::new("food", 1500, SaftCode::MIDDLE)?),
            Err(VatError::DuplicateName("food".into()))
        );
        t.change("Food", VatRate::new("Groceries", 1400, SaftCode::MIDDLE)?)?;
        assert!(t.get("Food").is_none());
        assert_eq!(t.get("Groceries").map(|r| r.bp), Some(1400));
        assert_eq!(
            t.change(
                "Groceries",
                VatRate::new("Standard", 1400, SaftCode::MIDDLE)?
            ),
            Err(VatError::DuplicateName("Standard".into()))
        );
        assert_eq!(
            t.remove("standard").map_err(|e| e.to_string()),
            Err(
                "\"Standard\" is the default VAT rate: choose another default before removing it"
                    .into()
            )
        );
        t.set_default("groceries")?;
        assert_eq!(t.default_rate().name, "Groceries");
        // Renaming the default keeps it the default.
        t.change("Groceries", VatRate::new("Food", 1500, SaftCode::MIDDLE)?)?;
        assert_eq!(t.default_rate().name, "Food");
        assert_eq!(t.remove("Standard").map(|r| r.bp), Ok(2500));
        assert_eq!(
            t.remove("Standard"),
            Err(VatError::NoSuchRate("Standard".into()))
        );
        assert_eq!(VatRate::new(" ", 0, SaftCode::ZERO), Err(VatError::NoName));
        assert_eq!(
            VatRate::new("A very long name for a VAT rate", 0, SaftCode::ZERO),
            Err(VatError::NameTooLong { chars: 31 })
        );
        Ok(())
    }

    #[test]
    fn the_settings_file_round_trips_and_is_checked() -> Result<(), serde_json::Error> {
        let t = table(Country::Fi, JAN);
        let json = serde_json::to_string(&t)?;
        assert!(
            json.contains(r#""name":"Standard","bp":2550,"code":"3""#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<VatTable>(&json)?, t);
        let bad = r#"{"country":"DK","rates":[{"name":"Standard","bp":25000,"code":"3"}],"default":"Standard"}"#;
        let e = serde_json::from_str::<VatTable>(bad)
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert!(
            e.as_ref()
                .is_err_and(|m| m.contains("a VAT rate must be between 0 % and 50 %")),
            "{e:?}"
        );
        let no_default = r#"{"country":"DK","rates":[{"name":"Standard","bp":2500,"code":"3"}],"default":"Food"}"#;
        assert!(serde_json::from_str::<VatTable>(no_default).is_err());
        Ok(())
    }
}
