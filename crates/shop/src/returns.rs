//! What a return gives back: from a sale's lines and what was returned of it before, the
//! lines of a new return (positive prices, as the journal and the return receipt take them).
//!
//! Three kinds of return ([`ReturnRequest`]):
//!
//! * **Full**: everything that is left. When earlier returns took whole lines only, the
//!   lines left are returned as they were sold; otherwise each VAT group's rest is one line.
//! * **An amount**: split over the sale's VAT groups by the largest-remainder method below,
//!   one line per group that gets a share.
//! * **Chosen lines**: line numbers (from 1, as the receipt lists them) and quantities;
//!   each is returned at the price it was sold at.
//!
//! # Splitting an amount over the VAT groups (largest remainder)
//!
//! Let `left_g` be what is left of group `g` (its gross sold minus its gross returned
//! before; for a first return, the sale's gross of that group) and `T = Σ left_g`. For an
//! amount `A` with `0 < A ≤ T`, each group first gets `floor(A × left_g / T)` minor units;
//! the `A − Σ floor(…)` units still to place (fewer than the number of groups) go one each
//! to the groups with the largest remainders `(A × left_g) mod T`, ties to the group listed
//! first (highest rate first, as [`Breakdown`] orders them). So the shares add up to `A`
//! exactly (every minor unit is accounted for), each share is within one minor unit of the
//! exact proportion, and no group gets more than is left of it: a group with a remainder
//! has `A × left_g / T < left_g`, so its floor plus one is at most `left_g`. Exact integer
//! arithmetic (`i128`), no floats.
//!
//! # What was returned before
//!
//! The earlier returns' lines, as they were journaled. A returned line with the text,
//! price and VAT of a sale line counts against that line's quantity (for a return by
//! lines); every returned line counts against its VAT group (for all three kinds).
//!
//! # Refusals
//!
//! Sentences for the cashier ([`ReturnError`]): more than what is left ("only kr 40,00 of
//! this sale is left to return"), nothing left, a zero or negative amount, a line or a
//! quantity not in the sale. Nothing is computed half: a refusal returns no lines.

use kassa_money::{Currency, Money};

use crate::lines::{Breakdown, Line, LineError};
use crate::vat::{VatClass, percent};

/// What the customer brings back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReturnRequest {
    /// Everything that is left of the sale.
    Full,
    /// An amount (positive, in the sale's currency), split over the VAT groups.
    Amount(Money),
    /// Chosen lines; a line picked twice counts with both quantities.
    Lines(Vec<LinePick>),
}

/// `quantity` of the sale's line number `line` (from 1, as the receipt lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinePick {
    pub line: usize,
    pub quantity: u32,
}

/// Why a return was refused. Each message says what is wrong in the cashier's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReturnError {
    #[error("nothing of this sale is left to return: it has been returned in full")]
    NothingLeft,
    #[error("only {left} of this sale is left to return")]
    MoreThanLeft { left: String },
    #[error("only {left} at {rate} VAT of this sale is left to return")]
    MoreThanLeftAtRate { left: String, rate: String },
    #[error("enter the amount to return: it must be more than zero")]
    NotPositive,
    #[error("the amount to return is in {found} but the sale was in {expected}")]
    WrongCurrency { expected: Currency, found: Currency },
    #[error("choose at least one line to return")]
    NoLinesChosen,
    #[error("line {line} is not in this sale: it has {count} line(s)")]
    NoSuchLine { line: usize, count: usize },
    #[error("line {line} (\"{text}\"): a quantity of 0 returns nothing")]
    ZeroQuantity { line: usize, text: String },
    #[error("line {line} (\"{text}\"): only {left} of {sold} is left to return")]
    MoreThanSold {
        line: usize,
        text: String,
        left: u32,
        sold: u32,
    },
    /// The sale's own lines do not add up (they were checked when it was sold).
    #[error("the sale's lines cannot be read: {0}")]
    Sale(LineError),
    /// The earlier returns do not fit the sale: the journal holds something this code did
    /// not write.
    #[error("the earlier returns of this sale do not match its lines ({0}); nothing was returned")]
    History(String),
}

/// What is left of a sale to return, per VAT group and per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    /// Per VAT group of the sale (highest rate first): the group and the gross left.
    pub groups: Vec<(VatClass, Money)>,
    /// The gross left of the whole sale.
    pub total: Money,
    /// Per sale line (in the sale's order): how many are left, counting only earlier
    /// returns of that very line (an amount returned is counted in `groups`).
    pub quantities: Vec<u32>,
}

impl Left {
    /// What is left of `sale` after the `returned` lines of its earlier returns.
    pub fn of(sale: &[Line], returned: &[Line]) -> Result<Left, ReturnError> {
        let b = Breakdown::of(sale).map_err(ReturnError::Sale)?;
        let currency = b.currency();
        let mut left: Vec<(VatClass, i128)> = b
            .groups
            .iter()
            .map(|g| (g.vat, i128::from(g.gross.minor)))
            .collect();
        let mut quantities: Vec<u32> = sale.iter().map(|l| l.quantity).collect();
        for r in returned {
            if r.unit_gross.currency != currency {
                return Err(ReturnError::History(format!(
                    "a return in {} of a sale in {currency}",
                    r.unit_gross.currency
                )));
            }
            if r.unit_gross.minor < 0 {
                return Err(ReturnError::History("a negative returned line".into()));
            }
            let gross = i128::from(r.unit_gross.minor) * i128::from(r.quantity);
            let Some((_, g)) = left.iter_mut().find(|(c, _)| *c == r.vat) else {
                return Err(ReturnError::History(format!(
                    "a return at {} VAT, a rate the sale has no line at",
                    percent(r.vat.bp)
                )));
            };
            *g -= gross;
            if *g < 0 {
                return Err(ReturnError::History(format!(
                    "more returned at {} VAT than was sold",
                    percent(r.vat.bp)
                )));
            }
            // The same line (text, price, VAT): counts against its quantity.
            let mut q = r.quantity;
            for (i, s) in sale.iter().enumerate() {
                if q == 0 {
                    break;
                }
                if s.text == r.text && s.unit_gross == r.unit_gross && s.vat == r.vat {
                    let take = q.min(quantities[i]);
                    quantities[i] -= take;
                    q -= take;
                }
            }
        }
        let money = |m: i128| {
            i64::try_from(m)
                .map(|m| Money::new(m, currency))
                .map_err(|_| ReturnError::Sale(LineError::Overflow))
        };
        let total = money(left.iter().map(|(_, g)| g).sum())?;
        let groups = left
            .into_iter()
            .map(|(c, g)| Ok((c, money(g)?)))
            .collect::<Result<Vec<_>, ReturnError>>()?;
        Ok(Left {
            groups,
            total,
            quantities,
        })
    }

    pub fn currency(&self) -> Currency {
        self.total.currency
    }
}

/// The text of a return line that is a part of a VAT group rather than a line as sold.
pub fn part_text(vat: VatClass) -> String {
    format!("Return, VAT {}", percent(vat.bp))
}

/// The lines of a return of `request` from `sale`, after the earlier returns' `returned`
/// lines: positive prices, at least one line, adding up to the amount returned. See the
/// module documentation for the three kinds and the split of an amount.
pub fn return_lines(
    sale: &[Line],
    returned: &[Line],
    request: &ReturnRequest,
) -> Result<Vec<Line>, ReturnError> {
    let left = Left::of(sale, returned)?;
    let currency = left.currency();
    match request {
        ReturnRequest::Full => {
            if left.total.minor == 0 {
                return Err(ReturnError::NothingLeft);
            }
            full(sale, &left)
        }
        ReturnRequest::Amount(amount) => {
            if amount.currency != currency {
                return Err(ReturnError::WrongCurrency {
                    expected: currency,
                    found: amount.currency,
                });
            }
            if amount.minor <= 0 {
                return Err(ReturnError::NotPositive);
            }
            if left.total.minor == 0 {
                return Err(ReturnError::NothingLeft);
            }
            if amount.minor > left.total.minor {
                return Err(ReturnError::MoreThanLeft {
                    left: left.total.display(),
                });
            }
            Ok(split(amount.minor, &left.groups)
                .into_iter()
                .zip(&left.groups)
                .filter(|(share, _)| *share > 0)
                .map(|(share, (vat, _))| {
                    Line::new(&part_text(*vat), Money::new(share, currency), *vat)
                })
                .collect())
        }
        ReturnRequest::Lines(picks) => by_lines(sale, &left, picks),
    }
}

/// Everything left: the lines as sold where earlier returns took whole lines only, else one
/// line per group with its rest.
fn full(sale: &[Line], left: &Left) -> Result<Vec<Line>, ReturnError> {
    let mut out = Vec::new();
    for (vat, rest) in &left.groups {
        if rest.minor == 0 {
            continue;
        }
        let as_sold: Vec<Line> = sale
            .iter()
            .zip(&left.quantities)
            .filter(|(l, q)| l.vat == *vat && **q > 0)
            .map(|(l, q)| Line {
                quantity: *q,
                ..l.clone()
            })
            .collect();
        let as_sold_gross: i128 = as_sold
            .iter()
            .map(|l| i128::from(l.unit_gross.minor) * i128::from(l.quantity))
            .sum();
        if as_sold_gross == i128::from(rest.minor) {
            out.extend(as_sold);
        } else {
            out.push(Line::new(&part_text(*vat), *rest, *vat));
        }
    }
    Ok(out)
}

/// The largest-remainder split of `amount` over `groups` in proportion to what is left of
/// each (see the module documentation). `0 < amount ≤ Σ left`.
fn split(amount: i64, groups: &[(VatClass, Money)]) -> Vec<i64> {
    let total: i128 = groups.iter().map(|(_, m)| i128::from(m.minor)).sum();
    if total <= 0 {
        return vec![0; groups.len()];
    }
    let a = i128::from(amount);
    let mut shares: Vec<i128> = Vec::with_capacity(groups.len());
    let mut remainders: Vec<(usize, i128)> = Vec::with_capacity(groups.len());
    for (i, (_, m)) in groups.iter().enumerate() {
        let p = a * i128::from(m.minor);
        shares.push(p / total);
        remainders.push((i, p % total));
    }
    let placed: i128 = shares.iter().sum();
    let mut still = a - placed;
    // Largest remainder first; ties to the group listed first (stable sort).
    remainders.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (i, r) in remainders {
        if still == 0 {
            break;
        }
        if r > 0 {
            shares[i] += 1;
            still -= 1;
        }
    }
    // Each share ≤ its group's left ≤ i64::MAX.
    shares
        .into_iter()
        .map(|s| i64::try_from(s).unwrap_or(i64::MAX))
        .collect()
}

fn by_lines(sale: &[Line], left: &Left, picks: &[LinePick]) -> Result<Vec<Line>, ReturnError> {
    if picks.is_empty() {
        return Err(ReturnError::NoLinesChosen);
    }
    // Quantities per sale line, in the sale's order.
    let mut wanted: Vec<u32> = vec![0; sale.len()];
    for p in picks {
        let Some(line) = p.line.checked_sub(1).and_then(|i| sale.get(i)) else {
            return Err(ReturnError::NoSuchLine {
                line: p.line,
                count: sale.len(),
            });
        };
        let i = p.line - 1;
        if p.quantity == 0 {
            return Err(ReturnError::ZeroQuantity {
                line: p.line,
                text: line.text.clone(),
            });
        }
        wanted[i] = wanted[i].saturating_add(p.quantity);
        if wanted[i] > left.quantities[i] {
            return Err(ReturnError::MoreThanSold {
                line: p.line,
                text: line.text.clone(),
                left: left.quantities[i],
                sold: line.quantity,
            });
        }
    }
    // An earlier return by amount may have taken part of a group already.
    for (vat, rest) in &left.groups {
        let asked: i128 = sale
            .iter()
            .zip(&wanted)
            .filter(|(l, _)| l.vat == *vat)
            .map(|(l, q)| i128::from(l.unit_gross.minor) * i128::from(*q))
            .sum();
        if asked > i128::from(rest.minor) {
            return Err(if left.groups.len() == 1 {
                ReturnError::MoreThanLeft {
                    left: rest.display(),
                }
            } else {
                ReturnError::MoreThanLeftAtRate {
                    left: rest.display(),
                    rate: percent(vat.bp),
                }
            });
        }
    }
    Ok(sale
        .iter()
        .zip(wanted)
        .filter(|(_, q)| *q > 0)
        .map(|(l, q)| Line {
            quantity: q,
            ..l.clone()
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vat::{FULL_BP, SaftCode};
    use proptest::prelude::*;

    const STD: VatClass = VatClass {
        bp: 2500,
        code: SaftCode::REGULAR,
    };
    const FOOD: VatClass = VatClass {
        bp: 1500,
        code: SaftCode::MIDDLE,
    };
    const ZERO: VatClass = VatClass {
        bp: 0,
        code: SaftCode::ZERO,
    };

    fn nok(minor: i64) -> Money {
        Money::new(minor, Currency::Nok)
    }

    fn sale() -> Vec<Line> {
        vec![
            Line::new("Brød", nok(3990), FOOD),
            Line {
                quantity: 3,
                ..Line::new("Melk", nok(2450), FOOD)
            },
            Line::new("Batterier", nok(9900), STD),
        ]
    }

    fn gross(lines: &[Line]) -> i64 {
        lines
            .iter()
            .map(|l| l.unit_gross.minor * i64::from(l.quantity))
            .sum()
    }

    #[test]
    fn a_full_first_return_gives_back_the_lines_as_sold() -> Result<(), ReturnError> {
        let lines = return_lines(&sale(), &[], &ReturnRequest::Full)?;
        // Highest rate first, then the sale's order within a group.
        assert_eq!(lines[0].text, "Batterier");
        assert_eq!(lines[1].text, "Brød");
        assert_eq!((lines[2].text.as_str(), lines[2].quantity), ("Melk", 3));
        assert_eq!(gross(&lines), 21240);
        Ok(())
    }

    #[test]
    fn a_full_return_after_a_line_return_gives_the_rest_of_the_lines() -> Result<(), ReturnError> {
        let first = return_lines(
            &sale(),
            &[],
            &ReturnRequest::Lines(vec![LinePick {
                line: 2,
                quantity: 2,
            }]),
        )?;
        assert_eq!(first.len(), 1);
        assert_eq!((first[0].text.as_str(), first[0].quantity), ("Melk", 2));
        let rest = return_lines(&sale(), &first, &ReturnRequest::Full)?;
        assert_eq!(gross(&rest), 21240 - 4900);
        assert!(rest.iter().any(|l| l.text == "Melk" && l.quantity == 1));
        // And then nothing is left.
        let all: Vec<Line> = first.iter().chain(&rest).cloned().collect();
        assert_eq!(
            return_lines(&sale(), &all, &ReturnRequest::Full),
            Err(ReturnError::NothingLeft)
        );
        Ok(())
    }

    #[test]
    fn an_amount_is_split_over_the_groups_by_the_largest_remainder() -> Result<(), ReturnError> {
        // Groups: 25 % 99.00, 15 % 113.40 (T = 212.40). 100.00 → 46.610… and 53.389…:
        // floors 46.61 + 53.38 = 99.99, the one unit left goes to the larger remainder.
        let lines = return_lines(&sale(), &[], &ReturnRequest::Amount(nok(10000)))?;
        assert_eq!(lines.len(), 2);
        assert_eq!(gross(&lines), 10000);
        assert_eq!(lines[0].vat, STD);
        assert_eq!(lines[1].vat, FOOD);
        // 10000 × 9900 = 99 000 000 = 4661 × 21240 + 3360; 10000 × 11340 = 113 400 000 =
        // 5338 × 21240 + 17880. 17880 > 3360: the food group gets the unit.
        assert_eq!(lines[0].unit_gross, nok(4661));
        assert_eq!(lines[1].unit_gross, nok(5339));
        assert_eq!(lines[0].text, "Return, VAT 25\u{a0}%");
        Ok(())
    }

    #[test]
    fn an_amount_of_one_unit_goes_to_one_group_only() -> Result<(), ReturnError> {
        let lines = return_lines(&sale(), &[], &ReturnRequest::Amount(nok(1)))?;
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].vat, FOOD); // the larger group has the larger remainder
        Ok(())
    }

    #[test]
    fn more_than_what_is_left_is_refused_with_what_is_left() -> Result<(), ReturnError> {
        let one = [Line::new("Kaffe", nok(10000), STD)];
        let before = return_lines(&one, &[], &ReturnRequest::Amount(nok(6000)))?;
        let e = return_lines(&one, &before, &ReturnRequest::Amount(nok(5000)));
        assert_eq!(
            e.map_err(|e| e.to_string()),
            Err("only kr\u{a0}40,00 of this sale is left to return".into())
        );
        // Exactly what is left is fine, and it is one part line.
        let rest = return_lines(&one, &before, &ReturnRequest::Amount(nok(4000)))?;
        assert_eq!(gross(&rest), 4000);
        // A full return after a part by amount: the group's rest as one line.
        let full = return_lines(&one, &before, &ReturnRequest::Full)?;
        assert_eq!(
            full,
            vec![Line::new("Return, VAT 25\u{a0}%", nok(4000), STD)]
        );
        Ok(())
    }

    #[test]
    fn zero_negative_and_foreign_amounts_are_refused() {
        let r = |m| return_lines(&sale(), &[], &ReturnRequest::Amount(m));
        assert_eq!(r(nok(0)), Err(ReturnError::NotPositive));
        assert_eq!(r(nok(-500)), Err(ReturnError::NotPositive));
        assert_eq!(
            r(Money::new(100, Currency::Sek)),
            Err(ReturnError::WrongCurrency {
                expected: Currency::Nok,
                found: Currency::Sek
            })
        );
        assert_eq!(
            r(nok(0)).map_err(|e| e.to_string()),
            Err("enter the amount to return: it must be more than zero".into())
        );
    }

    #[test]
    fn lines_and_quantities_not_in_the_sale_are_refused() {
        let r = |picks: Vec<LinePick>| {
            return_lines(&sale(), &[], &ReturnRequest::Lines(picks)).map_err(|e| e.to_string())
        };
        let p = |line, quantity| LinePick { line, quantity };
        assert_eq!(
            r(vec![p(4, 1)]),
            Err("line 4 is not in this sale: it has 3 line(s)".into())
        );
        assert_eq!(
            r(vec![p(0, 1)]),
            Err("line 0 is not in this sale: it has 3 line(s)".into())
        );
        assert_eq!(
            r(vec![p(2, 0)]),
            Err("line 2 (\"Melk\"): a quantity of 0 returns nothing".into())
        );
        assert_eq!(
            r(vec![p(2, 4)]),
            Err("line 2 (\"Melk\"): only 3 of 3 is left to return".into())
        );
        // Picked twice: the quantities add up.
        assert_eq!(
            r(vec![p(2, 2), p(2, 2)]),
            Err("line 2 (\"Melk\"): only 3 of 3 is left to return".into())
        );
        assert_eq!(r(vec![]), Err("choose at least one line to return".into()));
    }

    #[test]
    fn a_line_return_after_an_amount_respects_the_groups_rest() -> Result<(), ReturnError> {
        let before = return_lines(&sale(), &[], &ReturnRequest::Amount(nok(20000)))?;
        // Left: 212.40 − 200.00 = 12.40 over both groups; the batteries (99.00) no longer fit.
        let e = return_lines(
            &sale(),
            &before,
            &ReturnRequest::Lines(vec![LinePick {
                line: 3,
                quantity: 1,
            }]),
        );
        assert!(
            matches!(e, Err(ReturnError::MoreThanLeftAtRate { ref rate, .. }) if rate == "25\u{a0}%"),
            "{e:?}"
        );
        Ok(())
    }

    #[test]
    fn earlier_returns_that_do_not_fit_the_sale_are_an_error() {
        let odd = [Line::new("X", nok(100), ZERO)];
        assert!(matches!(
            return_lines(&sale(), &odd, &ReturnRequest::Full),
            Err(ReturnError::History(_))
        ));
        let too_much = [Line::new("Batterier", nok(20000), STD)];
        assert!(matches!(
            return_lines(&sale(), &too_much, &ReturnRequest::Full),
            Err(ReturnError::History(_))
        ));
        assert!(matches!(
            return_lines(&[], &[], &ReturnRequest::Full),
            Err(ReturnError::Sale(LineError::NoLines))
        ));
    }

    fn any_class() -> impl Strategy<Value = VatClass> {
        prop::sample::select(vec![
            STD,
            FOOD,
            VatClass {
                bp: 1200,
                code: SaftCode::LOW,
            },
            VatClass {
                bp: 2550,
                code: SaftCode::REGULAR,
            },
            ZERO,
        ])
    }

    fn any_line() -> impl Strategy<Value = Line> {
        (1u32..=5, any_class(), 1i64..=1_000_000_000).prop_map(|(q, vat, unit)| Line {
            text: format!("Item {unit}"),
            unit_gross: nok(unit),
            quantity: q,
            vat,
        })
    }

    fn per_group(lines: &[Line]) -> Vec<(VatClass, i64)> {
        let mut out: Vec<(VatClass, i64)> = Vec::new();
        for l in lines {
            let g = l.unit_gross.minor * i64::from(l.quantity);
            match out.iter_mut().find(|(c, _)| *c == l.vat) {
                Some((_, s)) => *s += g,
                None => out.push((l.vat, g)),
            }
        }
        out
    }

    proptest! {
        /// Returns by amount until nothing is left: every minor unit is accounted for, each
        /// share is within one unit of its proportion, no group ever goes below zero.
        #[test]
        fn amounts_split_exactly_and_never_exceed_a_group(
            sale in prop::collection::vec(any_line(), 1..8),
            cuts in prop::collection::vec(1u32..=FULL_BP, 1..6),
        ) {
            let total = gross(&sale);
            let mut returned: Vec<Line> = Vec::new();
            for cut in cuts {
                let left = Left::of(&sale, &returned);
                prop_assert!(left.is_ok(), "{:?}", left);
                let Ok(left) = left else { return Ok(()) };
                prop_assert_eq!(left.total.minor, total - gross(&returned));
                if left.total.minor == 0 { break; }
                let amount = (i128::from(left.total.minor) * i128::from(cut) / i128::from(FULL_BP)).max(1);
                let amount = i64::try_from(amount).unwrap_or(1);
                let lines = return_lines(&sale, &returned, &ReturnRequest::Amount(nok(amount)));
                prop_assert!(lines.is_ok(), "{:?}", lines);
                let Ok(lines) = lines else { return Ok(()) };
                prop_assert_eq!(gross(&lines), amount);
                prop_assert!(lines.iter().all(|l| l.unit_gross.minor > 0 && l.quantity == 1));
                // Within one unit of the exact share: |share·T − A·left_g| < T.
                for l in &lines {
                    let lg = left.groups.iter().find(|(c, _)| *c == l.vat).map(|(_, m)| m.minor);
                    prop_assert!(lg.is_some());
                    let lg = i128::from(lg.unwrap_or_default());
                    prop_assert!(i128::from(l.unit_gross.minor) <= lg);
                    let t = i128::from(left.total.minor);
                    let diff = (i128::from(l.unit_gross.minor) * t - i128::from(amount) * lg).abs();
                    prop_assert!(diff < t);
                }
                returned.extend(lines);
            }
            // A full return takes exactly the rest, per group.
            let left = Left::of(&sale, &returned);
            prop_assert!(left.is_ok());
            let Ok(left) = left else { return Ok(()) };
            if left.total.minor > 0 {
                let rest = return_lines(&sale, &returned, &ReturnRequest::Full);
                prop_assert!(rest.is_ok());
                let Ok(rest) = rest else { return Ok(()) };
                returned.extend(rest);
            }
            let sold = per_group(&sale);
            let back = per_group(&returned);
            for (c, g) in sold {
                prop_assert_eq!(back.iter().find(|(b, _)| *b == c).map(|(_, s)| *s), Some(g));
            }
            prop_assert_eq!(
                return_lines(&sale, &returned, &ReturnRequest::Amount(nok(1))),
                Err(ReturnError::NothingLeft)
            );
        }

        /// One unit more than what is left is always refused, whatever came before.
        #[test]
        fn more_than_left_is_always_refused(
            sale in prop::collection::vec(any_line(), 1..6),
            cut in 0u32..=FULL_BP,
        ) {
            let total = gross(&sale);
            let first = i64::try_from(i128::from(total) * i128::from(cut) / i128::from(FULL_BP)).unwrap_or(0);
            let returned = if first > 0 {
                return_lines(&sale, &[], &ReturnRequest::Amount(nok(first))).unwrap_or_default()
            } else {
                Vec::new()
            };
            let left = total - gross(&returned);
            if left > 0 {
                let too_much = return_lines(&sale, &returned, &ReturnRequest::Amount(nok(left + 1)));
                prop_assert_eq!(too_much, Err(ReturnError::MoreThanLeft { left: nok(left).display() }));
            }
        }

        /// Returning every line by quantity, one at a time, returns the sale exactly.
        #[test]
        fn lines_one_by_one_return_the_sale(sale in prop::collection::vec(any_line(), 1..6)) {
            let mut returned: Vec<Line> = Vec::new();
            for (i, l) in sale.iter().enumerate() {
                for _ in 0..l.quantity {
                    let one = return_lines(&sale, &returned, &ReturnRequest::Lines(vec![LinePick { line: i + 1, quantity: 1 }]));
                    prop_assert!(one.is_ok(), "{:?}", one);
                    returned.extend(one.unwrap_or_default());
                }
            }
            prop_assert_eq!(gross(&returned), gross(&sale));
            prop_assert_eq!(return_lines(&sale, &returned, &ReturnRequest::Full), Err(ReturnError::NothingLeft));
        }
    }
}
