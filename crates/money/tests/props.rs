//! Property tests: parsing and formatting of amounts in every supported currency, and the
//! keypad, over generated inputs (proptest). No input panics; every valid amount survives a
//! round trip exactly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kassa_money::keypad::{self, Key};
use kassa_money::{Currency, Money};
use proptest::prelude::*;

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(Currency::ALL.to_vec())
}

/// A valid sale amount in minor units, biased towards edges.
fn sale_minor(c: Currency) -> impl Strategy<Value = i64> {
    let max = c.max_sale_minor();
    prop_oneof![
        1..=max,
        Just(1),
        Just(max),
        (1..=1000i64).prop_map(|m| m * 100),
        1..=10_000i64,
    ]
}

fn amount() -> impl Strategy<Value = Money> {
    currency().prop_flat_map(|c| sale_minor(c).prop_map(move |m| Money::new(m, c)))
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// `12345` → `12 345`, grouping the whole part with `sep`.
fn grouped(whole: u64, sep: &str) -> String {
    let s = whole.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_api_decimal_round_trips(m in amount()) {
        let text = m.decimal();
        prop_assert_eq!(Money::from_decimal(&text, m.currency).unwrap(), m);
        prop_assert_eq!(Money::parse(&text, m.currency).unwrap(), m);
        // Exactly two decimals, no float artefacts.
        let (_, frac) = text.split_once('.').unwrap();
        prop_assert_eq!(frac.len(), 2);
    }

    #[test]
    fn what_a_cashier_types_parses_to_the_same_amount(
        m in amount(),
        comma in any::<bool>(),
        sep in prop::sample::select(vec!["", " ", "'", "_"]),
        code in prop::sample::select(vec![0u8, 1, 2]),
        pad in prop::sample::select(vec!["", " ", "  "]),
    ) {
        let per = m.currency.minor_per_major();
        let whole = (m.minor / per) as u64;
        let frac = m.minor % per;
        let dec = if comma { ',' } else { '.' };
        let mut text = format!("{}{dec}{frac:02}", grouped(whole, sep));
        text = match code {
            1 => format!("{} {text}", m.currency.code()),
            2 => format!("{text} {}", m.currency.code().to_lowercase()),
            _ => text,
        };
        let text = format!("{pad}{text}{pad}");
        prop_assert_eq!(Money::parse(&text, m.currency), Ok(m), "{:?}", text);
    }

    #[test]
    fn display_keeps_every_digit_and_the_currency_mark(m in amount()) {
        let shown = m.display();
        prop_assert_eq!(digits(&shown), digits(&m.decimal()));
        const NBSP: char = '\u{a0}';
        let marked = match m.currency {
            Currency::Dkk => shown.ends_with(&format!("{NBSP}kr.")),
            Currency::Sek => shown.ends_with(&format!("{NBSP}kr")),
            Currency::Nok => shown.starts_with(&format!("kr{NBSP}")),
            Currency::Eur => shown.starts_with('€'),
        };
        prop_assert!(marked, "{:?}", shown);
        // The decimal separator is the currency's and comes exactly 2 digits from the end.
        let dec = if m.currency == Currency::Eur { '.' } else { ',' };
        let number: String = shown.chars().filter(|c| c.is_ascii_digit() || *c == dec).collect();
        prop_assert_eq!(number.find(dec), Some(number.len() - 3), "{}", shown);
    }

    #[test]
    fn different_amounts_never_look_the_same(a in amount(), b in amount()) {
        prop_assume!(a != b);
        prop_assert!(a.display() != b.display() || a.currency != b.currency);
        prop_assert!(a.decimal() != b.decimal() || a.currency != b.currency);
    }

    #[test]
    fn any_text_parses_to_a_valid_amount_or_a_plain_error(text in ".{0,40}", c in currency()) {
        match Money::parse(&text, c) {
            Ok(m) => {
                prop_assert!(m.minor > 0 && m.minor <= c.max_sale_minor());
                prop_assert_eq!(Money::parse(&m.decimal(), c), Ok(m));
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        if let Ok(m) = Money::from_decimal(&text, c) {
            prop_assert!(m.minor >= 0);
            prop_assert_eq!(Money::from_decimal(&m.decimal(), c), Ok(m));
        }
    }

    #[test]
    fn numberish_text_never_panics(text in "[0-9.,' _-]{0,30}(DKK|eur|)", c in currency()) {
        let _ = Money::parse(&text, c);
        let _ = Money::from_decimal(&text, c);
    }

    #[test]
    fn too_many_decimals_or_too_much_is_refused(m in amount(), extra in 1u8..=9) {
        let text = format!("{}{extra}", m.decimal());
        prop_assert!(Money::parse(&text, m.currency).is_err());
        let over = Money::new(m.currency.max_sale_minor() + m.minor, m.currency);
        prop_assert!(Money::parse(&over.decimal(), m.currency).is_err());
    }

    #[test]
    fn the_keypad_shows_what_it_would_charge(
        keys in prop::collection::vec(
            prop_oneof![
                (0u8..=9).prop_map(Key::Digit),
                Just(Key::DoubleZero),
                Just(Key::Backspace),
                Just(Key::Clear),
            ],
            0..40,
        ),
        c in currency(),
    ) {
        let mut digits = String::new();
        for k in keys {
            let e = keypad::press(&digits, k, c);
            prop_assert!(e.minor >= 0 && e.minor <= c.max_sale_minor());
            prop_assert_eq!(&e.display, &Money::new(e.minor, c).display());
            prop_assert_eq!(e.can_charge, keypad::amount(&e.digits, c).is_ok());
            prop_assert_eq!(e.can_charge, e.minor > 0);
            digits = e.digits;
        }
    }
}
