//! X and Z from the running totals, against a full recomputation from the receipts, their
//! VAT rows, cancels and prints, over random days of sales, returns, cancels, prints and Zs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use super::*;
use kassa_money::{Currency, Money};
use proptest::prelude::*;
use rusqlite::params;

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

const RATES: [(u32, u8); 3] = [(2500, 3), (1500, 31), (0, 5)];

#[derive(Debug, Clone)]
enum Op {
    /// Lines as (unit, quantity, rate index); no lines: a plain amount of `plain`.
    Sale {
        lines: Vec<(i64, u32, usize)>,
        plain: i64,
        tender: u8,
        training: bool,
    },
    Cancel {
        minor: i64,
        training: bool,
    },
    /// Return one of line `line` of the `pick`-th paid sale, if it can be.
    Return {
        pick: usize,
        line: usize,
        tender: u8,
    },
    Print {
        pick: usize,
    },
    Z {
        training: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (
            prop::collection::vec((1_i64..20_000, 1_u32..4, 0_usize..3), 0..4),
            1_i64..50_000,
            0_u8..3,
            prop::bool::weighted(0.2)
        )
            .prop_map(|(lines, plain, tender, training)| Op::Sale {
                lines,
                plain,
                tender,
                training
            }),
        1 => (1_i64..9_000, prop::bool::weighted(0.2))
            .prop_map(|(minor, training)| Op::Cancel { minor, training }),
        3 => (0_usize..1000, 0_usize..4, 0_u8..3)
            .prop_map(|(pick, line, tender)| Op::Return { pick, line, tender }),
        2 => (0_usize..1000).prop_map(|pick| Op::Print { pick }),
        1 => prop::bool::weighted(0.3).prop_map(|training| Op::Z { training }),
    ]
}

/// Which receipts, cancels and copies fell in a period (what the model knows by itself).
#[derive(Debug, Default, Clone)]
struct Period {
    receipts: Vec<i64>,
    cancelled: (u64, i64),
    copies: u64,
    training_sales: (u64, i64),
    training_returns: (u64, i64),
    transfers_opened: (u64, i64),
}

fn series_of(training: bool) -> Backend {
    if training {
        Backend::Sandbox
    } else {
        Backend::Live
    }
}

/// The figures of a period recomputed from the receipts and VAT rows themselves.
fn recompute(j: &Journal, series: Backend, p: &Period) -> PeriodTotals {
    let training = series.is_training();
    let mut tenders: BTreeMap<(u8, &'static str), [i64; 4]> = BTreeMap::new();
    let mut vat: BTreeMap<(i64, i64), [i64; 3]> = BTreeMap::new();
    let (mut sales, mut returns) = ((0_u64, 0_i64), (0_u64, 0_i64));
    for n in &p.receipts {
        let (kind, total, tender): (String, i64, String) = j
            .conn
            .query_row(
                "SELECT kind, total_minor, tender FROM receipts WHERE training = ?1 AND number = ?2",
                params![training, n],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        let order = match tender.as_str() {
            "bank" => (0, "bank"),
            "cash" => (1, "cash"),
            _ => (2, "card"),
        };
        let t = tenders.entry(order).or_default();
        if kind == "sale" {
            sales = (sales.0 + 1, sales.1 + total);
            t[0] += 1;
            t[1] += total;
        } else {
            returns = (returns.0 + 1, returns.1 - total);
            t[2] += 1;
            t[3] -= total;
        }
        let mut st = j
            .conn
            .prepare(
                "SELECT COALESCE(vat_bp, -1), COALESCE(saft_code, -1), net_minor, vat_minor,
                        gross_minor FROM receipt_vat WHERE training = ?1 AND number = ?2",
            )
            .unwrap();
        let rows = st
            .query_map(params![training, n], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap();
        let mut gross_sum = 0;
        for row in rows {
            let (bp, code, net, v, gross): (i64, i64, i64, i64, i64) = row.unwrap();
            let e = vat.entry((-bp, code)).or_default();
            e[0] += net;
            e[1] += v;
            e[2] += gross;
            gross_sum += gross;
        }
        assert_eq!(
            gross_sum, total,
            "receipt {n}'s VAT rows add up to its total"
        );
    }
    let ca = |(count, minor): (u64, i64)| CountAmount {
        count,
        amount: dkk(minor),
    };
    let (grand_sales, grand_returns): (i64, i64) = j
        .conn
        .query_row(
            "SELECT COALESCE(SUM(total_minor) FILTER (WHERE kind = 'sale'), 0),
                    COALESCE(-SUM(total_minor) FILTER (WHERE kind = 'return'), 0)
             FROM receipts WHERE training = ?1",
            [training],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    PeriodTotals {
        till: j.till_id().unwrap(),
        series,
        currency: None,
        from_ms: None,
        to_ms: 0,
        first_receipt: p.receipts.first().copied(),
        last_receipt: p.receipts.last().copied(),
        by_tender: tenders
            .into_iter()
            .map(|((_, name), t)| TenderTotal {
                tender: Tender::parse(name).unwrap(),
                count: (t[0] + t[2]) as u64,
                amount: dkk(t[1] - t[3]),
                sales: ca((t[0] as u64, t[1])),
                returns: ca((t[2] as u64, t[3])),
            })
            .collect(),
        vat: vat
            .into_iter()
            .map(|((bp, code), v)| VatTotal {
                bp: u32::try_from(-bp).ok(),
                saft_code: u8::try_from(code).ok(),
                net: dkk(v[0]),
                vat: dkk(v[1]),
                gross: dkk(v[2]),
            })
            .collect(),
        sales: ca(sales),
        returns: ca(returns),
        cancelled: p.cancelled.0,
        cancelled_amount: dkk(p.cancelled.1),
        copies: p.copies,
        receipts: p.receipts.len() as u64,
        training: ca(p.training_sales),
        training_returns: ca(p.training_returns),
        transfers_opened: ca(p.transfers_opened),
        transfers_sent: ca((0, 0)),
        grand: GrandTotals {
            sales: dkk(grand_sales),
            returns: dkk(grand_returns),
            net: dkk(grand_sales - grand_returns),
        },
    }
}

/// Compares what a report says with the recomputation (times and currency aside).
fn same_figures(got: &PeriodTotals, want: &PeriodTotals) {
    let mut got = got.clone();
    got.currency = None;
    got.from_ms = None;
    got.to_ms = 0;
    assert_eq!(&got, want);
}

type PaidSale = (String, bool, Vec<(i64, u32, usize)>, i64);

fn run(ops: Vec<Op>) {
    let mut j = Journal::open_in_memory().unwrap();
    let till = j.till_id().unwrap();
    // Per series (0 live, 1 training): periods, the last open; and the closed Zs.
    let mut periods = [vec![Period::default()], vec![Period::default()]];
    let mut closed: Vec<(Backend, ZReport)> = Vec::new();
    // Paid sales: id, training, lines, amount.
    let mut paid: Vec<PaidSale> = Vec::new();
    let mut receipts: Vec<(bool, i64)> = Vec::new();
    let mut at = 1_000_i64;
    for (i, op) in ops.into_iter().enumerate() {
        at += 1_000;
        match op {
            Op::Sale {
                lines,
                plain,
                tender,
                training,
            } => {
                let id = format!("s{i}");
                let amount: i64 = if lines.is_empty() {
                    plain
                } else {
                    lines.iter().map(|(u, q, _)| u * i64::from(*q)).sum()
                };
                let new: Vec<NewLine<'_>> = lines
                    .iter()
                    .map(|(u, q, r)| NewLine {
                        text: "Item",
                        quantity: *q,
                        unit_gross: dkk(*u),
                        vat_bp: RATES[*r].0,
                        saft_code: RATES[*r].1,
                    })
                    .collect();
                let sale = NewSale {
                    id: &id,
                    amount: dkk(amount),
                    reference: None,
                    at_ms: at,
                    backend: series_of(training),
                };
                let r = match tender {
                    0 => {
                        j.insert_sale_with_lines(&sale, &new).unwrap();
                        j.end_sale_with_receipt(
                            &id,
                            &Paid::Bank {
                                payment_id: format!("p{i}"),
                            },
                            at,
                            "paid",
                        )
                        .unwrap()
                        .unwrap()
                    }
                    1 => j
                        .insert_paid_sale(
                            &sale,
                            &new,
                            &Paid::Cash {
                                given: dkk(amount + 100),
                            },
                            "cash",
                        )
                        .unwrap(),
                    _ => j
                        .insert_paid_sale(&sale, &new, &Paid::Card { reference: None }, "card")
                        .unwrap(),
                };
                let s = usize::from(training);
                periods[s].last_mut().unwrap().receipts.push(r.number);
                if training {
                    let t = &mut periods[0].last_mut().unwrap().training_sales;
                    *t = (t.0 + 1, t.1 + amount);
                }
                receipts.push((training, r.number));
                paid.push((id, training, lines, amount));
            }
            Op::Cancel { minor, training } => {
                let id = format!("c{i}");
                j.insert_sale(&NewSale {
                    id: &id,
                    amount: dkk(minor),
                    reference: None,
                    at_ms: at,
                    backend: series_of(training),
                })
                .unwrap();
                assert!(
                    j.end_sale(&id, SaleState::Cancelled, None, at, "cashier")
                        .unwrap()
                );
                let c = &mut periods[usize::from(training)].last_mut().unwrap().cancelled;
                *c = (c.0 + 1, c.1 + minor);
            }
            Op::Return { pick, line, tender } => {
                if paid.is_empty() {
                    continue;
                }
                let (id, training, lines, amount) = paid[pick % paid.len()].clone();
                let (unit, rate) = if lines.is_empty() {
                    (amount.min(1_000), 0)
                } else {
                    let l = lines[line % lines.len()];
                    (l.0, l.2)
                };
                let back = [NewLine {
                    text: "Item",
                    quantity: 1,
                    unit_gross: dkk(unit),
                    vat_bp: RATES[rate].0,
                    saft_code: RATES[rate].1,
                }];
                let refund = match tender {
                    0 => RefundBy::BankTransfer {
                        payment_id: "px".into(),
                        payer: None,
                    },
                    1 => RefundBy::Cash,
                    _ => RefundBy::Card,
                };
                let before = j.x_report(series_of(training), at).unwrap();
                match j.record_return(&NewReturn {
                    sale_id: &id,
                    lines: &back,
                    reason: "changed mind",
                    at_ms: at,
                    refund,
                }) {
                    Ok(done) => {
                        let n = done.receipt.number;
                        let period = periods[usize::from(training)].last_mut().unwrap();
                        period.receipts.push(n);
                        if tender == 0 {
                            let t = &mut period.transfers_opened;
                            *t = (t.0 + 1, t.1 + unit);
                        }
                        if training {
                            let t = &mut periods[0].last_mut().unwrap().training_returns;
                            *t = (t.0 + 1, t.1 + unit);
                        }
                        receipts.push((training, n));
                    }
                    Err(JournalError::Refused(why)) => {
                        assert!(why.contains("left to return"), "{why}");
                        // Nothing changed.
                        assert_eq!(j.x_report(series_of(training), at).unwrap(), before);
                    }
                    Err(e) => panic!("{e}"),
                }
            }
            Op::Print { pick } => {
                if receipts.is_empty() {
                    continue;
                }
                let (training, n) = receipts[pick % receipts.len()];
                let series = series_of(training);
                let before = j.prints_of(&till, series, n).unwrap();
                let nth = j.record_print(&till, series, n, "printer", at).unwrap();
                assert_eq!(nth, before + 1);
                if nth >= 2 {
                    periods[usize::from(training)].last_mut().unwrap().copies += 1;
                }
            }
            Op::Z { training } => {
                let series = series_of(training);
                let x = j.x_report(series, at).unwrap();
                let z = j.close_z(series, at).unwrap();
                assert_eq!(z.totals, x, "a Z closes exactly what X showed");
                let s = usize::from(training);
                assert_eq!(z.number, periods[s].len() as i64);
                periods[s].push(Period::default());
                closed.push((series, z));
            }
        }
        // The open periods, after every step.
        for (s, series) in [(0, Backend::Live), (1, Backend::Sandbox)] {
            let x = j.x_report(series, at).unwrap();
            same_figures(&x, &recompute(&j, series, periods[s].last().unwrap()));
        }
    }
    // Every Z as closed, and recomputed (its grand totals as they were at the close).
    for (series, z) in &closed {
        let again = j.z_report(*series, z.number).unwrap().unwrap();
        assert_eq!(&again, z, "a Z never changes");
        let s = usize::from(series.is_training());
        let mut want = recompute(&j, *series, &periods[s][z.number as usize - 1]);
        want.grand = z.totals.grand;
        same_figures(&again.totals, &want);
    }
    // Z numbers gapless, newest first.
    for series in [Backend::Live, Backend::Sandbox] {
        let numbers: Vec<i64> = j
            .z_reports(series)
            .unwrap()
            .iter()
            .map(|z| z.number)
            .collect();
        let n = closed.iter().filter(|(s, _)| *s == series).count() as i64;
        assert_eq!(numbers, (1..=n).rev().collect::<Vec<_>>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn running_totals_always_equal_a_full_recomputation(ops in prop::collection::vec(op(), 1..60)) {
        run(ops);
    }
}

#[test]
fn a_z_closes_the_period_for_good_and_the_next_period_starts_at_zero() {
    let mut j = Journal::open_in_memory().unwrap();
    let till = j.till_id().unwrap();
    let sale = |id: &'static str, at| NewSale {
        id,
        amount: dkk(1000),
        reference: None,
        at_ms: at,
        backend: Backend::Live,
    };
    j.insert_paid_sale(
        &sale("s1", 10),
        &[],
        &Paid::Card { reference: None },
        "card",
    )
    .unwrap();
    j.insert_sale(&sale("open", 11)).unwrap();
    match j.close_z(Backend::Live, 12) {
        Err(JournalError::Refused(why)) => assert!(
            why.contains("sale open is still open: finish or cancel it before closing the day"),
            "{why}"
        ),
        other => panic!("{other:?}"),
    }
    // An open training sale does not hold up the live Z.
    j.end_sale("open", SaleState::Cancelled, None, 13, "cashier")
        .unwrap();
    let z = j.close_z(Backend::Live, 20).unwrap();
    assert_eq!(
        (
            z.number,
            z.totals.sales.count,
            z.totals.cancelled,
            z.totals.from_ms,
            z.totals.to_ms
        ),
        (1, 1, 1, None, 20)
    );
    assert_eq!(
        (z.totals.first_receipt, z.totals.last_receipt),
        (Some(1), Some(1))
    );
    let x = j.x_report(Backend::Live, 30).unwrap();
    assert_eq!((x.receipts, x.sales.count, x.from_ms), (0, 0, Some(20)));
    assert_eq!(x.grand.sales, dkk(1000), "grand totals are never reset");
    // A clock gone back is refused.
    match j.close_z(Backend::Live, 19) {
        Err(JournalError::Refused(why)) => assert!(why.contains("clock"), "{why}"),
        other => panic!("{other:?}"),
    }
    // The closed period and the Z refuse every change, whoever writes.
    for sql in [
        "UPDATE z_reports SET grand_sales_minor = 0",
        "DELETE FROM z_reports",
        "UPDATE period_totals SET count = 0 WHERE period = 1",
        "DELETE FROM period_totals",
        "UPDATE grand_totals SET sales_minor = 0",
        "DELETE FROM grand_totals",
    ] {
        assert!(j.conn.execute(sql, []).is_err(), "{sql}");
    }
    let err = j
        .conn
        .execute(
            "INSERT INTO z_reports (till, training, number, closed_at, grand_sales_minor,
                                    grand_returns_minor) VALUES (?1, 0, 3, 40, 0, 0)",
            [&till],
        )
        .unwrap_err();
    assert!(err.to_string().contains("gapless"), "{err}");
    assert_eq!(j.z_report(Backend::Live, 1).unwrap().unwrap(), z);
    assert_eq!(j.z_report(Backend::Live, 2).unwrap(), None);
    // An empty period closes too (a day without sales), as Z 2.
    let z2 = j.close_z(Backend::Live, 40).unwrap();
    assert_eq!(
        (z2.number, z2.totals.receipts, z2.totals.first_receipt),
        (2, 0, None)
    );
}

#[test]
fn copies_are_counted_and_the_first_print_is_the_original() {
    let mut j = Journal::open_in_memory().unwrap();
    let till = j.till_id().unwrap();
    let r = j
        .insert_paid_sale(
            &NewSale {
                id: "s1",
                amount: dkk(500),
                reference: None,
                at_ms: 1,
                backend: Backend::Live,
            },
            &[],
            &Paid::Cash { given: dkk(500) },
            "cash",
        )
        .unwrap();
    assert_eq!(j.prints_of(&till, Backend::Live, r.number).unwrap(), 0);
    assert_eq!(
        j.record_print(&till, Backend::Live, r.number, "printer", 2)
            .unwrap(),
        1
    );
    assert_eq!(
        j.record_print(&till, Backend::Live, r.number, "pdf", 3)
            .unwrap(),
        2
    );
    assert_eq!(
        j.record_print(&till, Backend::Live, r.number, "", 4)
            .unwrap(),
        3
    );
    assert_eq!(j.prints_of(&till, Backend::Live, r.number).unwrap(), 3);
    assert_eq!(j.x_report(Backend::Live, 5).unwrap().copies, 2);
    assert!(matches!(
        j.record_print(&till, Backend::Live, 9, "printer", 6),
        Err(JournalError::NotFound(_))
    ));
    assert!(matches!(
        j.record_print(&till, Backend::Sandbox, r.number, "printer", 6),
        Err(JournalError::NotFound(_))
    ));
}

#[test]
fn vat_lines_between_list_each_receipt_per_rate_in_the_period() {
    let mut j = Journal::open_in_memory().unwrap();
    let lines = [
        NewLine {
            text: "Bread",
            quantity: 1,
            unit_gross: dkk(2500),
            vat_bp: 2500,
            saft_code: 3,
        },
        NewLine {
            text: "Milk",
            quantity: 1,
            unit_gross: dkk(1150),
            vat_bp: 1500,
            saft_code: 31,
        },
    ];
    for (id, at) in [("s1", 100), ("s2", 200), ("s3", 300)] {
        j.insert_paid_sale(
            &NewSale {
                id,
                amount: dkk(3650),
                reference: None,
                at_ms: at,
                backend: Backend::Live,
            },
            &lines,
            &Paid::Card { reference: None },
            "card",
        )
        .unwrap();
    }
    let v = j.vat_lines_between(Backend::Live, 200, 300).unwrap();
    assert_eq!(v.len(), 2);
    assert_eq!(
        (
            v[0].number,
            v[0].bp,
            v[0].net,
            v[0].vat,
            v[0].gross,
            v[0].sale_id.as_str()
        ),
        (2, Some(2500), dkk(2000), dkk(500), dkk(2500), "s2")
    );
    assert_eq!(
        (v[1].bp, v[1].net, v[1].vat),
        (Some(1500), dkk(1000), dkk(150))
    );
    assert!(
        j.vat_lines_between(Backend::Sandbox, 0, 1000)
            .unwrap()
            .is_empty()
    );
}
