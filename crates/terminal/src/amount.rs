//! `RequestedAmount` and `AuthorizedAmount`: JSON decimal numbers in major units (`12.5`),
//! read from and written as their exact text, never through a float.

use kassa_money::{Currency, Money, MoneyError};
use serde_json::value::RawValue;

/// Why a `RequestedAmount` cannot be a sale's amount. `Display` is the sentence the register
/// gets in `AdditionalResponse`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error(
        "RequestedAmount {0} is not a plain decimal number: write it in major units with a \
         point, e.g. 12.50 (no sign, exponent or quotes)"
    )]
    NotDecimal(String),
    #[error("RequestedAmount {text} has more decimals than {currency}'s {allowed}")]
    TooManyDecimals {
        text: String,
        currency: Currency,
        allowed: u32,
    },
    #[error("RequestedAmount must be more than zero")]
    NotPositive,
    #[error("RequestedAmount {text} is over the limit of {limit} for one sale")]
    TooLarge { text: String, limit: String },
}

/// The sale amount `raw` (the JSON number's text) asks for in `currency`.
pub fn requested(raw: &RawValue, currency: Currency) -> Result<Money, AmountError> {
    let text = raw.get().trim();
    // A JSON number the way a decimal is written: digits, at most one point. JSON also
    // allows a sign and an exponent; neither is an amount to pay, so both are refused.
    let plain = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().next().is_some_and(|b| b.is_ascii_digit());
    if !plain {
        return Err(AmountError::NotDecimal(text.to_owned()));
    }
    let money = Money::from_decimal(text, currency).map_err(|e| match e {
        MoneyError::TooManyDecimals { allowed, .. } => AmountError::TooManyDecimals {
            text: text.to_owned(),
            currency,
            allowed,
        },
        _ => AmountError::NotDecimal(text.to_owned()),
    })?;
    Money::sale_amount(money.minor, currency).map_err(|e| match e {
        MoneyError::TooLarge { limit } => AmountError::TooLarge {
            text: text.to_owned(),
            limit,
        },
        _ => AmountError::NotPositive,
    })
}

/// `money` as a JSON number's exact text (`12.50`).
pub fn json_number(money: Money) -> Box<RawValue> {
    RawValue::from_string(money.decimal()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.to_owned()).unwrap()
    }

    #[test]
    fn amounts_are_read_exactly_in_minor_units() {
        let dkk = |m| Money::new(m, Currency::Dkk);
        assert_eq!(requested(&raw("12.5"), Currency::Dkk), Ok(dkk(1250)));
        assert_eq!(requested(&raw("12.50"), Currency::Dkk), Ok(dkk(1250)));
        assert_eq!(requested(&raw("1250"), Currency::Dkk), Ok(dkk(125_000)));
        assert_eq!(requested(&raw("0.01"), Currency::Dkk), Ok(dkk(1)));
        // 0.1 + 0.2 as floats is 0.30000000000000004; read as text it is 30 øre.
        assert_eq!(requested(&raw("0.30"), Currency::Dkk), Ok(dkk(30)));
        assert_eq!(
            requested(&raw("12.345"), Currency::Dkk),
            Err(AmountError::TooManyDecimals {
                text: "12.345".into(),
                currency: Currency::Dkk,
                allowed: 2
            })
        );
        for bad in ["-5", "1e3", "1.2E1", "\"12.50\"", "null", "[1]", "true"] {
            assert_eq!(
                requested(&raw(bad), Currency::Dkk),
                Err(AmountError::NotDecimal(bad.into())),
                "{bad}"
            );
        }
        assert_eq!(
            requested(&raw("0"), Currency::Dkk),
            Err(AmountError::NotPositive)
        );
        assert!(matches!(
            requested(&raw("1000000.01"), Currency::Eur),
            Err(AmountError::TooLarge { .. })
        ));
        assert_eq!(
            requested(&raw("12.345"), Currency::Dkk)
                .unwrap_err()
                .to_string(),
            "RequestedAmount 12.345 has more decimals than DKK's 2"
        );
    }

    #[test]
    fn amounts_are_written_as_exact_json_numbers() {
        assert_eq!(json_number(Money::new(1250, Currency::Dkk)).get(), "12.50");
        assert_eq!(json_number(Money::new(7, Currency::Eur)).get(), "0.07");
        let v: serde_json::Value =
            serde_json::from_str(json_number(Money::new(100_000_000, Currency::Sek)).get())
                .unwrap();
        assert!(v.is_number());
    }
}
