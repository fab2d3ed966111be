//! A sale's lines and what they add up to: net, VAT and gross per rate, in integer minor
//! units.
//!
//! # The rounding rule
//!
//! Prices are VAT-inclusive (as Nordic shelf prices are). Lines with the same
//! [`VatClass`] (rate and SAF-T code) form a group, and for each group:
//!
//! ```text
//! gross = the sum of its lines' gross amounts (exact)
//! vat   = round_half_up(gross × bp / (10000 + bp))   (to the minor unit, half away from zero)
//! net   = gross − vat
//! ```
//!
//! VAT is worked out once per group from the group's gross sum, never per line. So, exactly:
//! a group's `net + vat == gross`, the groups' gross adds up to the sum of the lines' gross,
//! which is the sale's total, and a group's VAT is within half a minor unit of the exact
//! rational value. All arithmetic is in `i128`, and a result that does not fit an `i64`
//! amount is an error, never a wrap or a panic.

use kassa_money::{Currency, Money};
use serde::{Deserialize, Serialize};

use crate::vat::{MAX_RATE_BP, VatClass};

/// One line of a sale: `quantity` × `unit_gross` at `vat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// What was sold ("Milk 1 l", or the rate's name for a plain amount).
    pub text: String,
    /// The price of one, VAT included.
    pub unit_gross: Money,
    /// How many, at least 1.
    pub quantity: u32,
    pub vat: VatClass,
}

impl Line {
    /// One of something.
    pub fn new(text: &str, gross: Money, vat: VatClass) -> Line {
        Line {
            text: text.to_owned(),
            unit_gross: gross,
            quantity: 1,
            vat,
        }
    }

    /// The line's amount (`quantity × unit_gross`), checked.
    pub fn gross(&self) -> Result<Money, LineError> {
        let minor = i128::from(self.unit_gross.minor) * i128::from(self.quantity);
        i64::try_from(minor)
            .map(|m| Money::new(m, self.unit_gross.currency))
            .map_err(|_| LineError::Overflow)
    }
}

/// Why a sale's lines were refused. Lines are counted from 1, as the cart shows them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("a sale needs at least one line")]
    NoLines,
    #[error("line {line} (\"{text}\") has no amount: enter its price")]
    NoAmount { line: usize, text: String },
    #[error(
        "line {line} (\"{text}\") has a negative amount; money back is a return on the sale it was paid in, not a line of a new sale"
    )]
    Negative { line: usize, text: String },
    #[error("line {line} (\"{text}\") has a quantity of 0: remove the line or enter how many")]
    NoQuantity { line: usize, text: String },
    #[error("line {line} needs a text saying what was sold")]
    NoText { line: usize },
    #[error("line {line} is in {found} but the sale is in {expected}: one sale has one currency")]
    MixedCurrency {
        line: usize,
        expected: Currency,
        found: Currency,
    },
    #[error("line {line} has a VAT rate outside 0 % to 50 %")]
    BadRate { line: usize },
    #[error("the sale's amounts are too large to add up")]
    Overflow,
}

/// The figures of one VAT group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VatGroup {
    pub vat: VatClass,
    pub net: Money,
    #[serde(rename = "vatAmount")]
    pub vat_amount: Money,
    pub gross: Money,
}

/// A sale's VAT per group and totals. Build it with [`Breakdown::of`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Breakdown {
    /// Highest rate first; lines of one class are one group.
    pub groups: Vec<VatGroup>,
    pub net: Money,
    pub vat: Money,
    /// The sale's total: the sum of every line's gross.
    pub total: Money,
}

/// The rounding rule lives in `kassa-money` so the journal's books use the same one.
pub use kassa_money::vat_of_gross;

impl Breakdown {
    /// Checks the lines (at least one; each with a text, a quantity and a positive amount;
    /// one currency; rates within range) and adds them up by the rounding rule in the module
    /// documentation. The per-sale limit of [`Currency::max_sale_minor`] is not applied here:
    /// the caller checks the total where a limit applies.
    pub fn of(lines: &[Line]) -> Result<Breakdown, LineError> {
        let first = lines.first().ok_or(LineError::NoLines)?;
        let currency = first.unit_gross.currency;
        // Group gross sums in i128, in first-seen order, then sorted.
        let mut sums: Vec<(VatClass, i128)> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let line = i + 1;
            let text = || l.text.trim().to_owned();
            if l.text.trim().is_empty() {
                return Err(LineError::NoText { line });
            }
            if l.unit_gross.currency != currency {
                return Err(LineError::MixedCurrency {
                    line,
                    expected: currency,
                    found: l.unit_gross.currency,
                });
            }
            if l.quantity == 0 {
                return Err(LineError::NoQuantity { line, text: text() });
            }
            if l.unit_gross.minor == 0 {
                return Err(LineError::NoAmount { line, text: text() });
            }
            if l.unit_gross.minor < 0 {
                return Err(LineError::Negative { line, text: text() });
            }
            if l.vat.bp > MAX_RATE_BP {
                return Err(LineError::BadRate { line });
            }
            let gross = i128::from(l.unit_gross.minor) * i128::from(l.quantity);
            match sums.iter_mut().find(|(c, _)| *c == l.vat) {
                Some((_, s)) => *s += gross,
                None => sums.push((l.vat, gross)),
            }
        }
        sums.sort_by(|a, b| b.0.bp.cmp(&a.0.bp).then(a.0.code.cmp(&b.0.code)));
        let money = |m: i128| {
            i64::try_from(m)
                .map(|m| Money::new(m, currency))
                .map_err(|_| LineError::Overflow)
        };
        let mut groups = Vec::with_capacity(sums.len());
        let (mut net, mut vat, mut total) = (0_i128, 0_i128, 0_i128);
        for (class, gross) in sums {
            let v = vat_of_gross(gross, class.bp);
            groups.push(VatGroup {
                vat: class,
                net: money(gross - v)?,
                vat_amount: money(v)?,
                gross: money(gross)?,
            });
            net += gross - v;
            vat += v;
            total += gross;
        }
        Ok(Breakdown {
            groups,
            net: money(net)?,
            vat: money(vat)?,
            total: money(total)?,
        })
    }

    pub fn currency(&self) -> Currency {
        self.total.currency
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vat::{FULL_BP, SaftCode};
    use proptest::prelude::*;

    fn class(bp: u32, code: SaftCode) -> VatClass {
        VatClass { bp, code }
    }
    const STD: VatClass = VatClass {
        bp: 2500,
        code: SaftCode::REGULAR,
    };
    const FOOD_NO: VatClass = VatClass {
        bp: 1500,
        code: SaftCode::MIDDLE,
    };

    fn nok(minor: i64) -> Money {
        Money::new(minor, Currency::Nok)
    }

    #[test]
    fn a_two_line_norwegian_sale_adds_up() -> Result<(), LineError> {
        let lines = [
            Line::new("Brød", nok(3990), FOOD_NO),
            Line {
                quantity: 3,
                ..Line::new("Melk", nok(2450), FOOD_NO)
            },
            Line::new("Batterier", nok(9900), STD),
        ];
        let b = Breakdown::of(&lines)?;
        // Standard: 99.00 × 2500 / 12500 = 19.80 exactly.
        assert_eq!(b.groups[0].vat, STD);
        assert_eq!(
            (b.groups[0].net, b.groups[0].vat_amount, b.groups[0].gross),
            (nok(7920), nok(1980), nok(9900))
        );
        // Food: 39.90 + 3 × 24.50 = 113.40; × 1500 / 11500 = 14.7913… → 14.79.
        assert_eq!(
            (b.groups[1].net, b.groups[1].vat_amount, b.groups[1].gross),
            (nok(9861), nok(1479), nok(11340))
        );
        assert_eq!((b.net, b.vat, b.total), (nok(17781), nok(3459), nok(21240)));
        Ok(())
    }

    #[test]
    fn vat_is_rounded_half_up_once_per_group() -> Result<(), LineError> {
        // 0.25 at 25 %: 0.05 exactly. 0.03 at 25 %: 0.006 → 0.01. 0.02: 0.004 → 0.00.
        assert_eq!(vat_of_gross(25, 2500), 5);
        assert_eq!(vat_of_gross(3, 2500), 1);
        assert_eq!(vat_of_gross(2, 2500), 0);
        // An exact half needs 2·gross·bp == odd·(10000 + bp): at 0.16 % (bp 16, 10016 =
        // 32 · 313), gross 313 gives 0.5 and 939 gives 1.5. Half rounds away from zero.
        assert_eq!(vat_of_gross(313, 16), 1);
        assert_eq!(vat_of_gross(939, 16), 2);
        assert_eq!(vat_of_gross(312, 16), 0);
        assert_eq!(vat_of_gross(-313, 16), -1);
        // Per group, not per line: three lines of 0.03 at 25 % are 0.09 → 0.018 → 0.02
        // (per line it would be 3 × 0.01 = 0.03).
        let l = Line::new("Sweet", nok(3), STD);
        let b = Breakdown::of(&[l.clone(), l.clone(), l])?;
        assert_eq!(b.groups.len(), 1);
        assert_eq!(b.vat, nok(2));
        assert_eq!(b.net, nok(7));
        Ok(())
    }

    #[test]
    fn zero_rated_lines_have_no_vat_and_are_their_own_group() -> Result<(), LineError> {
        let b = Breakdown::of(&[
            Line::new("Avis", nok(4500), class(0, SaftCode::ZERO)),
            Line::new("Gave", nok(1000), class(0, SaftCode::OUTSIDE_SCOPE)),
            Line::new("Kaffe", nok(5000), STD),
        ])?;
        assert_eq!(b.groups.len(), 3);
        assert_eq!(b.groups[0].vat, STD);
        assert_eq!(b.groups[1].vat_amount, nok(0));
        assert_eq!(b.groups[1].net, nok(4500));
        assert_eq!(b.groups[2].vat.code, SaftCode::OUTSIDE_SCOPE);
        assert_eq!(b.total, nok(10500));
        Ok(())
    }

    #[test]
    fn bad_lines_are_refused_with_a_reason() {
        let e = |lines: &[Line]| Breakdown::of(lines).map_err(|e| e.to_string());
        assert_eq!(e(&[]), Err("a sale needs at least one line".into()));
        assert_eq!(
            e(&[
                Line::new("Brød", nok(3990), FOOD_NO),
                Line::new("Melk", nok(0), FOOD_NO)
            ]),
            Err("line 2 (\"Melk\") has no amount: enter its price".into())
        );
        assert_eq!(
            Breakdown::of(&[Line::new("Melk", nok(-100), FOOD_NO)]),
            Err(LineError::Negative {
                line: 1,
                text: "Melk".into()
            })
        );
        assert_eq!(
            e(&[
                Line::new("Brød", nok(3990), FOOD_NO),
                Line::new("Mjölk", Money::new(100, Currency::Sek), FOOD_NO)
            ]),
            Err("line 2 is in SEK but the sale is in NOK: one sale has one currency".into())
        );
        assert_eq!(
            Breakdown::of(&[Line {
                quantity: 0,
                ..Line::new("Melk", nok(100), FOOD_NO)
            }]),
            Err(LineError::NoQuantity {
                line: 1,
                text: "Melk".into()
            })
        );
        assert_eq!(
            Breakdown::of(&[Line::new("  ", nok(100), FOOD_NO)]),
            Err(LineError::NoText { line: 1 })
        );
        assert_eq!(
            Breakdown::of(&[Line::new("X", nok(100), class(9000, SaftCode::REGULAR))]),
            Err(LineError::BadRate { line: 1 })
        );
    }

    #[test]
    fn amounts_too_large_for_an_i64_are_an_error_not_a_panic() {
        let huge = Line {
            quantity: u32::MAX,
            ..Line::new("Gold", nok(i64::MAX), STD)
        };
        assert_eq!(huge.gross(), Err(LineError::Overflow));
        assert_eq!(Breakdown::of(&[huge]), Err(LineError::Overflow));
        let max = Line::new("Gold", nok(i64::MAX), STD);
        assert_eq!(Breakdown::of(&[max.clone(), max]), Err(LineError::Overflow));
        // One line of i64::MAX on its own fits.
        assert!(Breakdown::of(&[Line::new("Gold", nok(i64::MAX), STD)]).is_ok());
    }

    #[test]
    fn serde_names_are_camel_case() -> Result<(), Box<dyn std::error::Error>> {
        let b = Breakdown::of(&[Line::new("Kaffe", nok(5000), STD)])?;
        let json = serde_json::to_string(&b)?;
        assert!(
            json.contains(r#""vatAmount":{"minor":1000,"currency":"NOK"}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Breakdown>(&json)?, b);
        Ok(())
    }

    fn any_class() -> impl Strategy<Value = VatClass> {
        prop_oneof![
            prop::sample::select(vec![
                class(2500, SaftCode::REGULAR),
                class(2550, SaftCode::REGULAR),
                class(1500, SaftCode::MIDDLE),
                class(1350, SaftCode::MIDDLE),
                class(1200, SaftCode::MIDDLE),
                class(1200, SaftCode::LOW),
                class(1000, SaftCode::LOW),
                class(600, SaftCode::LOW),
                class(0, SaftCode::ZERO),
                class(0, SaftCode::OUTSIDE_SCOPE),
            ]),
            (1u32..=MAX_RATE_BP).prop_map(|bp| class(bp, SaftCode::REGULAR)),
        ]
    }

    /// Lines of up to 10^12 minor units each (unit price × quantity).
    fn any_line() -> impl Strategy<Value = Line> {
        (1u32..=100, any_class(), 1i64..=1_000_000_000_000).prop_map(|(q, vat, total)| {
            let unit = (total / i64::from(q)).max(1);
            Line {
                text: "Item".into(),
                unit_gross: nok(unit),
                quantity: q,
                vat,
            }
        })
    }

    proptest! {
        #[test]
        fn lines_always_add_up_to_the_total(lines in prop::collection::vec(any_line(), 1..30)) {
            let b = Breakdown::of(&lines);
            prop_assert!(b.is_ok(), "{:?}", b);
            let Ok(b) = b else { return Ok(()) };
            let line_sum: i64 = lines.iter().map(|l| l.unit_gross.minor * i64::from(l.quantity)).sum();
            let group_sum: i64 = b.groups.iter().map(|g| g.gross.minor).sum();
            prop_assert_eq!(group_sum, line_sum);
            prop_assert_eq!(b.total.minor, line_sum);
            prop_assert_eq!(b.net.minor + b.vat.minor, b.total.minor);
            prop_assert_eq!(b.groups.iter().map(|g| g.vat_amount.minor).sum::<i64>(), b.vat.minor);
            for g in &b.groups {
                prop_assert_eq!(g.net.minor + g.vat_amount.minor, g.gross.minor);
                // |vat − gross·bp/(10000+bp)| ≤ ½ minor unit, in exact integers:
                // |2·vat·d − 2·gross·bp| ≤ d.
                let d = i128::from(FULL_BP + g.vat.bp);
                let exact2 = 2 * i128::from(g.gross.minor) * i128::from(g.vat.bp);
                let diff = (2 * i128::from(g.vat_amount.minor) * d - exact2).abs();
                prop_assert!(diff <= d, "group {:?}", g);
                prop_assert!(g.vat_amount.minor >= 0 && g.net.minor >= 0);
                if g.vat.bp == 0 {
                    prop_assert_eq!(g.vat_amount.minor, 0);
                }
            }
            // One group per class, highest rate first.
            for w in b.groups.windows(2) {
                prop_assert!(w[0].vat != w[1].vat);
                prop_assert!(w[0].vat.bp >= w[1].vat.bp);
            }
        }

        #[test]
        fn the_order_of_lines_does_not_change_the_figures(mut lines in prop::collection::vec(any_line(), 1..20)) {
            let a = Breakdown::of(&lines);
            lines.reverse();
            prop_assert_eq!(a, Breakdown::of(&lines));
        }

        #[test]
        fn no_amount_panics(minor in any::<i64>(), q in any::<u32>(), bp in any::<u32>(), n in 1usize..4) {
            let l = Line { text: "X".into(), unit_gross: nok(minor), quantity: q, vat: class(bp, SaftCode::REGULAR) };
            let _ = Breakdown::of(&vec![l; n]);
        }
    }
}
