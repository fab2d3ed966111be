//! Cash-register amount entry: every digit pressed shifts in from the right, so "1", "2", "5",
//! "0" reads 0.01, 0.12, 1.25, 12.50. The state is the digit string alone; the UI keeps it
//! opaque and asks [`press`] for the next state, so no money logic lives in the UI.

use serde::{Deserialize, Serialize};

use crate::{Currency, Money};

/// A key on the amount keypad (on screen, keyboard or numpad).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Key {
    Digit(u8),
    DoubleZero,
    Backspace,
    Clear,
}

impl Key {
    /// Maps a DOM `KeyboardEvent.key` value ("7", "Backspace", "Delete", "Escape", ...).
    pub fn from_keyboard(key: &str) -> Option<Key> {
        match key {
            "Backspace" => Some(Key::Backspace),
            "Delete" | "Escape" | "Clear" => Some(Key::Clear),
            "00" => Some(Key::DoubleZero),
            k if k.len() == 1 => k
                .bytes()
                .next()
                .filter(u8::is_ascii_digit)
                .map(|b| Key::Digit(b - b'0')),
            _ => None,
        }
    }
}

/// The keypad after a key press.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Opaque state to hand back on the next press: minor units as digits, no leading zeros.
    pub digits: String,
    /// What the amount display shows, e.g. "12,50 kr.".
    pub display: String,
    pub minor: i64,
    /// True when the amount is a valid sale amount (more than zero, within the limit).
    pub can_charge: bool,
}

/// Applies `key` to the entry `digits` (as returned by an earlier call; "" when empty).
/// Unknown characters in `digits` are dropped; a press that would pass the per-sale limit is
/// ignored, so the display never shows an amount that cannot be charged.
pub fn press(digits: &str, key: Key, currency: Currency) -> Entry {
    let mut d: String = digits.chars().filter(char::is_ascii_digit).collect();
    match key {
        Key::Digit(n) if n <= 9 => d.push(char::from(b'0' + n)),
        Key::Digit(_) => {}
        Key::DoubleZero => d.push_str("00"),
        Key::Backspace => {
            d.pop();
        }
        Key::Clear => d.clear(),
    }
    let mut next = d.trim_start_matches('0').to_owned();
    if value(&next).is_none_or(|v| v > currency.max_sale_minor()) {
        // Refuse the key, keep what was there.
        next = digits
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>();
        next = next.trim_start_matches('0').to_owned();
        if value(&next).is_none_or(|v| v > currency.max_sale_minor()) {
            next.clear();
        }
    }
    entry(next, currency)
}

/// The entry for `digits` without pressing anything (e.g. after a currency change).
pub fn show(digits: &str, currency: Currency) -> Entry {
    let d: String = digits.chars().filter(char::is_ascii_digit).collect();
    let d = d.trim_start_matches('0').to_owned();
    match value(&d) {
        Some(v) if v <= currency.max_sale_minor() => entry(d, currency),
        _ => entry(String::new(), currency),
    }
}

/// The sale amount an entry stands for, or why it cannot be charged.
pub fn amount(digits: &str, currency: Currency) -> Result<Money, crate::MoneyError> {
    let d: String = digits.chars().filter(char::is_ascii_digit).collect();
    let minor = value(d.trim_start_matches('0')).ok_or_else(|| crate::MoneyError::TooLarge {
        limit: Money::new(currency.max_sale_minor(), currency).display(),
    })?;
    Money::sale_amount(minor, currency)
}

fn value(digits: &str) -> Option<i64> {
    if digits.is_empty() {
        return Some(0);
    }
    if digits.len() > 18 {
        return None;
    }
    digits.parse().ok()
}

fn entry(digits: String, currency: Currency) -> Entry {
    let minor = value(&digits).unwrap_or(0);
    Entry {
        display: Money::new(minor, currency).display(),
        can_charge: Money::sale_amount(minor, currency).is_ok(),
        minor,
        digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> Entry {
        keys.iter().fold(show("", Currency::Dkk), |e, k| {
            press(&e.digits, *k, Currency::Dkk)
        })
    }

    #[test]
    fn digits_shift_in_from_the_right() {
        let e = typed(&[Key::Digit(1), Key::Digit(2), Key::Digit(5), Key::Digit(0)]);
        assert_eq!(e.minor, 1250);
        assert_eq!(e.display, "12,50\u{a0}kr.");
        assert!(e.can_charge);
    }

    #[test]
    fn double_zero_backspace_and_clear() {
        let e = typed(&[Key::Digit(4), Key::DoubleZero]);
        assert_eq!(e.minor, 400);
        let e = press(&e.digits, Key::Backspace, Currency::Dkk);
        assert_eq!(e.minor, 40);
        let e = press(&e.digits, Key::Clear, Currency::Dkk);
        assert_eq!((e.minor, e.digits.as_str(), e.can_charge), (0, "", false));
    }

    #[test]
    fn leading_zeros_do_not_accumulate() {
        let e = typed(&[Key::Digit(0), Key::DoubleZero, Key::Digit(0)]);
        assert_eq!(e.digits, "");
        assert!(!e.can_charge);
    }

    #[test]
    fn presses_past_the_limit_are_ignored() {
        let e = show("100000000", Currency::Dkk); // 1,000,000.00
        assert!(e.can_charge);
        let after = press(&e.digits, Key::Digit(1), Currency::Dkk);
        assert_eq!(after.minor, 100_000_000);
        let after = press(&"9".repeat(30), Key::Digit(1), Currency::Dkk);
        assert_eq!(after.minor, 0);
    }

    #[test]
    fn amount_of_an_entry() {
        assert_eq!(
            amount("1250", Currency::Sek),
            Ok(Money::new(1250, Currency::Sek))
        );
        assert_eq!(
            amount("", Currency::Sek),
            Err(crate::MoneyError::NotPositive)
        );
        assert!(matches!(
            amount(&"9".repeat(25), Currency::Sek),
            Err(crate::MoneyError::TooLarge { .. })
        ));
    }

    #[test]
    fn keyboard_keys_map() {
        assert_eq!(Key::from_keyboard("7"), Some(Key::Digit(7)));
        assert_eq!(Key::from_keyboard("Backspace"), Some(Key::Backspace));
        assert_eq!(Key::from_keyboard("Escape"), Some(Key::Clear));
        assert_eq!(Key::from_keyboard("a"), None);
        assert_eq!(Key::from_keyboard("Enter"), None);
    }
}
