//! Money for a counter: integer minor units plus a currency, never a float.
//!
//! * [`Money`] is the value type (`minor` units of a [`Currency`]).
//! * [`Money::parse`] reads what a cashier types ("12.50", "12,5", "1 200").
//! * [`Money::decimal`] writes the exact decimal text an API wants ("12.50").
//! * [`Money::display`] writes what a cashier and a customer read ("12,50 kr.").
//! * [`keypad`] is the cash-register style entry behind the on-screen keypad.
//! * [`vat_of_gross`] is THE VAT rounding rule, shared by the receipt (`kassa-shop`) and the
//!   books (`kassa-journal`).

pub mod keypad;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The VAT in a VAT-inclusive `gross` amount at `bp` basis points (2500 = 25 %):
/// `round_half_up(gross × bp / (10000 + bp))` to the minor unit, half away from zero (so a
/// return's negative gross gives exactly the negative of its sale's VAT), in `i128`. Applied
/// once per group of one rate, never per line: `kassa-shop`'s `Breakdown::of` and the
/// journal's VAT rows per receipt use this one function.
pub fn vat_of_gross(gross: i128, bp: u32) -> i128 {
    let bp = i128::from(bp);
    let d = 10_000 + bp;
    let n = gross * bp;
    let q = (2 * n.abs() + d) / (2 * d);
    if n < 0 { -q } else { q }
}

/// The currencies of Aiia Pay's market. All four have two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "DKK")]
    Dkk,
    #[serde(rename = "SEK")]
    Sek,
    #[serde(rename = "NOK")]
    Nok,
    #[serde(rename = "EUR")]
    Eur,
}

impl Currency {
    pub const ALL: [Currency; 4] = [Currency::Dkk, Currency::Sek, Currency::Nok, Currency::Eur];

    /// ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Dkk => "DKK",
            Currency::Sek => "SEK",
            Currency::Nok => "NOK",
            Currency::Eur => "EUR",
        }
    }

    /// Number of decimals of the minor unit.
    pub fn exponent(self) -> u32 {
        match self {
            Currency::Dkk | Currency::Sek | Currency::Nok | Currency::Eur => 2,
        }
    }

    /// Minor units in one major unit (100 for öre, øre and cent).
    pub fn minor_per_major(self) -> i64 {
        10_i64.pow(self.exponent())
    }

    /// The largest amount a single counter sale may ask for, in minor units.
    /// A guard against a slipped finger (1,000,000.00), not a scheme limit.
    pub fn max_sale_minor(self) -> i64 {
        1_000_000 * self.minor_per_major()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = s.trim().to_ascii_uppercase();
        Currency::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or_else(|| MoneyError::UnknownCurrency(s.trim().to_owned()))
    }
}

/// Why an amount or a currency was refused. The messages are meant for a cashier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("enter an amount")]
    Empty,
    #[error("\"{0}\" is not an amount: use digits and one decimal separator, e.g. 12.50")]
    NotANumber(String),
    #[error("{currency} has {allowed} decimals; \"{text}\" has more")]
    TooManyDecimals {
        text: String,
        currency: Currency,
        allowed: u32,
    },
    #[error("the amount must be more than zero")]
    NotPositive,
    #[error("the amount is over the limit of {limit} for one sale")]
    TooLarge { limit: String },
    #[error("\"{0}\" is not a supported currency (DKK, SEK, NOK or EUR)")]
    UnknownCurrency(String),
}

/// An amount of money: `minor` units (øre, öre, cent) of `currency`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// A positive sale amount within the per-sale limit.
    pub fn sale_amount(minor: i64, currency: Currency) -> Result<Self, MoneyError> {
        if minor <= 0 {
            return Err(MoneyError::NotPositive);
        }
        if minor > currency.max_sale_minor() {
            let limit = Money::new(currency.max_sale_minor(), currency).display();
            return Err(MoneyError::TooLarge { limit });
        }
        Ok(Money::new(minor, currency))
    }

    /// Parses what a cashier types: digits with at most one decimal separator (`.` or `,`),
    /// optional spaces, apostrophes or underscores as digit grouping, and optionally the
    /// currency code before or after. The result is a valid sale amount.
    pub fn parse(text: &str, currency: Currency) -> Result<Self, MoneyError> {
        let minor = parse_minor(text, currency)?;
        Money::sale_amount(minor, currency)
    }

    /// Parses an exact decimal as an API writes it ("12.5", "12.50", "12"): `.` only, no
    /// grouping, no sign. Any non-negative amount is allowed; no sale limits apply.
    pub fn from_decimal(text: &str, currency: Currency) -> Result<Self, MoneyError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError::NotANumber(t.to_owned()));
        }
        if t.contains('.') && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit())) {
            return Err(MoneyError::NotANumber(t.to_owned()));
        }
        let minor = combine(int, frac, t, currency)?;
        Ok(Money::new(minor, currency))
    }

    /// The exact decimal an API wants: "12.50". Never goes through a float.
    pub fn decimal(&self) -> String {
        let per = self.currency.minor_per_major();
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let per = per.unsigned_abs();
        let width = self.currency.exponent() as usize;
        format!("{sign}{}.{:0width$}", abs / per, abs % per)
    }

    /// What people at the counter read, in the currency's own convention:
    /// "1.234,50 kr." (DKK), "1 234,50 kr" (SEK), "kr 1 234,50" (NOK), "€1,234.50" (EUR).
    pub fn display(&self) -> String {
        let per = self.currency.minor_per_major().unsigned_abs();
        let abs = self.minor.unsigned_abs();
        let width = self.currency.exponent() as usize;
        let sign = if self.minor < 0 { "-" } else { "" };
        let (group, dec) = match self.currency {
            Currency::Dkk => ('.', ','),
            Currency::Sek | Currency::Nok => ('\u{a0}', ','),
            Currency::Eur => (',', '.'),
        };
        let number = format!(
            "{}{dec}{:0width$}",
            group_thousands(abs / per, group),
            abs % per
        );
        match self.currency {
            Currency::Dkk => format!("{sign}{number}\u{a0}kr."),
            Currency::Sek => format!("{sign}{number}\u{a0}kr"),
            Currency::Nok => format!("{sign}kr\u{a0}{number}"),
            Currency::Eur => format!("{sign}€{number}"),
        }
    }

    /// Sum of two amounts of the same currency; `None` on a currency mismatch or overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        if self.currency != other.currency {
            return None;
        }
        Some(Money::new(
            self.minor.checked_add(other.minor)?,
            self.currency,
        ))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.decimal(), self.currency)
    }
}

fn group_thousands(mut n: u64, sep: char) -> String {
    let mut groups = Vec::new();
    loop {
        if n < 1000 {
            groups.push(n.to_string());
            break;
        }
        groups.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

fn parse_minor(text: &str, currency: Currency) -> Result<i64, MoneyError> {
    let mut t = text.trim();
    // Tolerate the currency code the cashier may have typed along.
    for c in [currency.code(), &currency.code().to_ascii_lowercase()] {
        t = t.strip_prefix(c).unwrap_or(t).trim();
        t = t.strip_suffix(c).unwrap_or(t).trim();
    }
    if t.is_empty() {
        return Err(MoneyError::Empty);
    }
    if t.starts_with('-') {
        return Err(MoneyError::NotPositive);
    }
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\'' | '_'))
        .collect();
    let seps = cleaned.chars().filter(|c| matches!(c, '.' | ',')).count();
    if seps > 1
        || cleaned
            .chars()
            .any(|c| !(c.is_ascii_digit() || c == '.' || c == ','))
    {
        return Err(MoneyError::NotANumber(t.to_owned()));
    }
    let (int, frac) = match cleaned.split_once(['.', ',']) {
        Some((i, f)) => (i, f),
        None => (cleaned.as_str(), ""),
    };
    if int.is_empty() && frac.is_empty() {
        return Err(MoneyError::NotANumber(t.to_owned()));
    }
    combine(if int.is_empty() { "0" } else { int }, frac, t, currency)
}

/// Integer and fraction digits (ASCII digits only) to minor units, checked.
fn combine(int: &str, frac: &str, text: &str, currency: Currency) -> Result<i64, MoneyError> {
    let exp = currency.exponent() as usize;
    if frac.len() > exp {
        return Err(MoneyError::TooManyDecimals {
            text: text.to_owned(),
            currency,
            allowed: currency.exponent(),
        });
    }
    let too_large = || MoneyError::TooLarge {
        limit: Money::new(currency.max_sale_minor(), currency).display(),
    };
    let int = int.trim_start_matches('0');
    // Anything over 18 integer digits cannot fit in i64 minor units.
    if int.len() > 18 {
        return Err(too_large());
    }
    let major: i64 = if int.is_empty() {
        0
    } else {
        int.parse()
            .map_err(|_| MoneyError::NotANumber(text.to_owned()))?
    };
    let mut frac_minor: i64 = 0;
    for (i, b) in frac.bytes().enumerate() {
        let digit = i64::from(b - b'0');
        frac_minor += digit * 10_i64.pow((exp - 1 - i) as u32);
    }
    major
        .checked_mul(currency.minor_per_major())
        .and_then(|m| m.checked_add(frac_minor))
        .ok_or_else(too_large)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dkk(minor: i64) -> Money {
        Money::new(minor, Currency::Dkk)
    }

    #[test]
    fn vat_is_rounded_half_away_from_zero_and_a_return_mirrors_its_sale() {
        // 125,00 at 25 %: exactly 25,00.
        assert_eq!(vat_of_gross(12_500, 2500), 2_500);
        // 313 at 0.16 %: 313 · 16 / 10016 is exactly one half, which rounds up to 1.
        assert_eq!(vat_of_gross(313, 16), 1);
        assert_eq!(vat_of_gross(312, 16), 0);
        for gross in [1_i128, 99, 313, 939, 12_345, 99_999_999] {
            for bp in [0_u32, 600, 1200, 1500, 2400, 2500, 5000] {
                assert_eq!(vat_of_gross(-gross, bp), -vat_of_gross(gross, bp));
            }
        }
        assert_eq!(vat_of_gross(12_345, 0), 0);
    }

    #[test]
    fn parses_what_cashiers_type() {
        for (text, minor) in [
            ("12.50", 1250),
            ("12,50", 1250),
            ("12,5", 1250),
            ("12", 1200),
            (" 0.01 ", 1),
            (",75", 75),
            ("1 234,50", 123_450),
            ("1'234.50", 123_450),
            ("DKK 99", 9900),
            ("99 dkk", 9900),
            ("007.10", 710),
        ] {
            assert_eq!(
                Money::parse(text, Currency::Dkk),
                Ok(dkk(minor)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn refuses_bad_amounts_with_a_reason() {
        assert_eq!(Money::parse("", Currency::Dkk), Err(MoneyError::Empty));
        assert_eq!(
            Money::parse("0", Currency::Dkk),
            Err(MoneyError::NotPositive)
        );
        assert_eq!(
            Money::parse("-5", Currency::Dkk),
            Err(MoneyError::NotPositive)
        );
        assert!(matches!(
            Money::parse("1.2.3", Currency::Dkk),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("12a", Currency::Dkk),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("1e3", Currency::Dkk),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse(".", Currency::Dkk),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(
            Money::parse("1.005", Currency::Eur),
            Err(MoneyError::TooManyDecimals { allowed: 2, .. })
        ));
        assert!(matches!(
            Money::parse("1000000.01", Currency::Sek),
            Err(MoneyError::TooLarge { .. })
        ));
        assert!(matches!(
            Money::parse("99999999999999999999999", Currency::Sek),
            Err(MoneyError::TooLarge { .. })
        ));
        assert_eq!(
            Money::parse("1000000", Currency::Nok),
            Ok(Money::new(100_000_000, Currency::Nok))
        );
    }

    #[test]
    fn errors_read_like_sentences() {
        let e = Money::parse("1.005", Currency::Eur).unwrap_err();
        assert_eq!(e.to_string(), "EUR has 2 decimals; \"1.005\" has more");
        let e = Money::parse("2000000", Currency::Dkk).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the amount is over the limit of 1.000.000,00\u{a0}kr. for one sale"
        );
    }

    #[test]
    fn decimal_is_exact() {
        assert_eq!(dkk(1250).decimal(), "12.50");
        assert_eq!(dkk(5).decimal(), "0.05");
        assert_eq!(dkk(0).decimal(), "0.00");
        assert_eq!(dkk(-199).decimal(), "-1.99");
        assert_eq!(
            Money::new(i64::MAX, Currency::Eur).decimal(),
            "92233720368547758.07"
        );
    }

    #[test]
    fn from_decimal_round_trips() {
        for minor in [1, 5, 10, 99, 100, 1250, 123_456_789] {
            let m = Money::new(minor, Currency::Sek);
            assert_eq!(Money::from_decimal(&m.decimal(), Currency::Sek), Ok(m));
        }
        assert_eq!(
            Money::from_decimal("12.5", Currency::Eur),
            Ok(Money::new(1250, Currency::Eur))
        );
        assert!(Money::from_decimal("12,5", Currency::Eur).is_err());
        assert!(Money::from_decimal("12.", Currency::Eur).is_err());
        assert!(Money::from_decimal("-1", Currency::Eur).is_err());
        assert!(Money::from_decimal("1.234", Currency::Eur).is_err());
    }

    #[test]
    fn display_follows_each_currency() {
        assert_eq!(dkk(123_450).display(), "1.234,50\u{a0}kr.");
        assert_eq!(
            Money::new(123_450, Currency::Sek).display(),
            "1\u{a0}234,50\u{a0}kr"
        );
        assert_eq!(
            Money::new(123_450, Currency::Nok).display(),
            "kr\u{a0}1\u{a0}234,50"
        );
        assert_eq!(
            Money::new(123_456_789, Currency::Eur).display(),
            "€1,234,567.89"
        );
        assert_eq!(Money::new(7, Currency::Eur).display(), "€0.07");
    }

    #[test]
    fn currency_codes() {
        assert_eq!("dkk".parse::<Currency>(), Ok(Currency::Dkk));
        assert_eq!(" EUR ".parse::<Currency>(), Ok(Currency::Eur));
        assert_eq!(
            "USD".parse::<Currency>(),
            Err(MoneyError::UnknownCurrency("USD".into()))
        );
        assert_eq!(serde_json::to_string(&Currency::Nok).unwrap(), "\"NOK\"");
    }

    #[test]
    fn checked_add_refuses_mixing() {
        assert_eq!(dkk(1).checked_add(dkk(2)), Some(dkk(3)));
        assert_eq!(dkk(1).checked_add(Money::new(2, Currency::Eur)), None);
        assert_eq!(dkk(i64::MAX).checked_add(dkk(1)), None);
    }
}
