//! X and Z reports from the running totals (`period_totals`, `grand_totals`), which the
//! schema's triggers keep in the transactions that write receipts, VAT rows, cancels and
//! prints: a report reads a few rows per figure, never the sales, so it costs the same on a
//! journal of a million sales as on an empty one. A Z closes the period: its row is
//! numbered gapless per till and series, and from then on triggers refuse any change to the
//! period's figures and to the Z itself.

use kassa_money::{Currency, Money};
use rusqlite::{Connection, OptionalExtension, params};

use crate::receipts::currency_of;
use crate::{
    Backend, CountAmount, GrandTotals, Journal, JournalError, PeriodTotals, ReceiptKind, Result,
    Tender, TenderTotal, VatLine, VatTotal, ZReport,
};

/// How many Z reports [`Journal::z_reports`] lists.
pub const Z_LIST_LIMIT: usize = 100;

struct TotalRow {
    kind: String,
    tender: String,
    bp: i64,
    code: i64,
    currency: String,
    count: i64,
    amount: i64,
    net: i64,
    vat: i64,
    first: Option<i64>,
    last: Option<i64>,
}

/// The grand totals a report shows: now (X, and a Z being closed), or as the Z kept them.
struct Grand {
    currency: Option<Currency>,
    sales: i64,
    returns: i64,
}

impl Journal {
    /// The running figures of the open period of `series` (since its last Z) up to `now_ms`.
    pub fn x_report(&self, series: Backend, now_ms: i64) -> Result<PeriodTotals> {
        let till = self.till_id()?;
        let (period, from_ms) = open_period(&self.conn, &till, series)?;
        current_totals(&self.conn, &till, series, period, from_ms, now_ms)
    }

    /// Closes the open period of `series` with the next Z number, in one durable
    /// transaction, and returns it. Refused while a sale of that series is open (finish or
    /// cancel it first) and when `now_ms` is before the last Z's close (a clock gone back).
    pub fn close_z(&mut self, series: Backend, now_ms: i64) -> Result<ZReport> {
        let till = self.till_id()?;
        let employee = self.stamp.employee.clone();
        self.write(|tx| {
            let open: Option<String> = tx
                .query_row(
                    "SELECT id FROM sales WHERE state = 'open' AND backend = ?1 LIMIT 1",
                    [series.as_str()],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = open {
                return Err(JournalError::Refused(format!(
                    "sale {id} is still open: finish or cancel it before closing the day"
                )));
            }
            let (period, from_ms) = open_period(tx, &till, series)?;
            if let Some(from) = from_ms {
                if now_ms < from {
                    return Err(JournalError::Refused(
                        "the till's clock is earlier than the last Z report's close: check the date and time, then close the day".into(),
                    ));
                }
            }
            let totals = current_totals(tx, &till, series, period, from_ms, now_ms)?;
            tx.execute(
                "INSERT INTO z_reports (till, training, number, closed_at, from_ms,
                                        first_receipt, last_receipt, currency,
                                        grand_sales_minor, grand_returns_minor, employee)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    till,
                    series.is_training(),
                    period,
                    now_ms,
                    from_ms,
                    totals.first_receipt,
                    totals.last_receipt,
                    totals.currency.map(|c| c.code()),
                    totals.grand.sales.minor,
                    totals.grand.returns.minor,
                    employee,
                ],
            )?;
            crate::seal::journal_event(
                tx,
                employee.as_deref(),
                &crate::NewJournalEvent {
                    code: crate::seal::event_code::Z_REPORT,
                    at_ms: now_ms,
                    training: series.is_training(),
                    detail: &format!("Z report {period}"),
                    receipt: None,
                },
            )?;
            Ok(ZReport {
                number: period,
                closed_at_ms: now_ms,
                totals,
            })
        })
    }

    /// Z report `number` of `series`, as it was closed.
    pub fn z_report(&self, series: Backend, number: i64) -> Result<Option<ZReport>> {
        let till = self.till_id()?;
        z_of(&self.conn, &till, series, number)
    }

    /// The newest Z reports of `series`, newest first, at most [`Z_LIST_LIMIT`].
    pub fn z_reports(&self, series: Backend) -> Result<Vec<ZReport>> {
        let till = self.till_id()?;
        let mut st = self.conn.prepare_cached(
            "SELECT number FROM z_reports WHERE till = ?1 AND training = ?2
             ORDER BY number DESC LIMIT ?3",
        )?;
        let numbers = st
            .query_map(
                params![till, series.is_training(), Z_LIST_LIMIT as i64],
                |r| r.get::<_, i64>(0),
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(numbers.len());
        for n in numbers {
            if let Some(z) = z_of(&self.conn, &till, series, n)? {
                out.push(z);
            }
        }
        Ok(out)
    }

    /// The VAT rows of every receipt of `series` created in `from_ms..to_ms` (end
    /// excluded), by receipt number then rate: the bookkeeping export's lines.
    pub fn vat_lines_between(
        &self,
        series: Backend,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<VatLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT r.till, r.number, r.kind, r.sale_id, r.created_at, r.tender, r.currency,
                    v.vat_bp, v.saft_code, v.net_minor, v.vat_minor, v.gross_minor
             FROM receipts r JOIN receipt_vat v
               ON v.till = r.till AND v.training = r.training AND v.number = r.number
             WHERE r.training = ?1 AND r.created_at >= ?2 AND r.created_at < ?3
             ORDER BY r.till, r.number, v.position",
        )?;
        let rows = st
            .query_map(params![series.is_training(), from_ms, to_ms], |r| {
                Ok((
                    (
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, String>(5)?,
                    ),
                    (
                        r.get::<_, String>(6)?,
                        r.get::<_, Option<u32>>(7)?,
                        r.get::<_, Option<u8>>(8)?,
                        r.get::<_, i64>(9)?,
                        r.get::<_, i64>(10)?,
                        r.get::<_, i64>(11)?,
                    ),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(
                |((till, number, kind, sale_id, at, tender), (cur, bp, code, net, vat, gross))| {
                    let c = currency_of(&cur)?;
                    Ok(VatLine {
                        till,
                        series,
                        number,
                        kind: ReceiptKind::parse(&kind)?,
                        sale_id,
                        created_at_ms: at,
                        tender: Tender::parse(&tender)?,
                        bp,
                        saft_code: code,
                        net: Money::new(net, c),
                        vat: Money::new(vat, c),
                        gross: Money::new(gross, c),
                    })
                },
            )
            .collect()
    }
}

/// The open period of a series (the next Z's number) and when it began (the last Z's
/// close; None before the first Z).
fn open_period(conn: &Connection, till: &str, series: Backend) -> Result<(i64, Option<i64>)> {
    let last: Option<(i64, i64)> = conn
        .query_row(
            "SELECT number, closed_at FROM z_reports WHERE till = ?1 AND training = ?2
             ORDER BY number DESC LIMIT 1",
            params![till, series.is_training()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match last {
        Some((n, closed)) => (n + 1, Some(closed)),
        None => (1, None),
    })
}

fn period_rows(
    conn: &Connection,
    till: &str,
    series: Backend,
    period: i64,
) -> Result<Vec<TotalRow>> {
    let mut st = conn.prepare_cached(
        "SELECT kind, tender, vat_bp, saft_code, currency, count, amount_minor, net_minor,
                vat_minor, first_number, last_number
         FROM period_totals WHERE till = ?1 AND training = ?2 AND period = ?3",
    )?;
    Ok(st
        .query_map(params![till, series.is_training(), period], |r| {
            Ok(TotalRow {
                kind: r.get(0)?,
                tender: r.get(1)?,
                bp: r.get(2)?,
                code: r.get(3)?,
                currency: r.get(4)?,
                count: r.get(5)?,
                amount: r.get(6)?,
                net: r.get(7)?,
                vat: r.get(8)?,
                first: r.get(9)?,
                last: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The period's currency: the one most of its receipts are in.
fn period_currency(rows: &[TotalRow]) -> Result<Option<Currency>> {
    let mut best: Option<(&str, i64)> = None;
    for r in rows
        .iter()
        .filter(|r| r.kind == "sale" || r.kind == "return")
    {
        let sum: i64 = rows
            .iter()
            .filter(|o| (o.kind == "sale" || o.kind == "return") && o.currency == r.currency)
            .map(|o| o.count)
            .sum();
        if best.is_none_or(|(_, n)| sum > n) {
            best = Some((&r.currency, sum));
        }
    }
    best.map(|(c, _)| currency_of(c)).transpose()
}

fn current_totals(
    conn: &Connection,
    till: &str,
    series: Backend,
    period: i64,
    from_ms: Option<i64>,
    to_ms: i64,
) -> Result<PeriodTotals> {
    let rows = period_rows(conn, till, series, period)?;
    let currency = match period_currency(&rows)? {
        Some(c) => Some(c),
        None => conn
            .query_row(
                "SELECT currency FROM grand_totals WHERE till = ?1 AND training = ?2
                 ORDER BY sales_minor DESC LIMIT 1",
                params![till, series.is_training()],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(|c| currency_of(&c))
            .transpose()?,
    };
    let (sales, returns) = match currency {
        Some(c) => conn
            .query_row(
                "SELECT sales_minor, returns_minor FROM grand_totals
                 WHERE till = ?1 AND training = ?2 AND currency = ?3",
                params![till, series.is_training(), c.code()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or((0, 0)),
        None => (0, 0),
    };
    let grand = Grand {
        currency,
        sales,
        returns,
    };
    assemble(till, series, &rows, from_ms, to_ms, grand)
}

/// A Z report's row: closed at, from, currency, grand sales, grand returns.
type ZRow = (i64, Option<i64>, Option<String>, i64, i64);

fn z_of(conn: &Connection, till: &str, series: Backend, number: i64) -> Result<Option<ZReport>> {
    let z: Option<ZRow> = conn
        .query_row(
            "SELECT closed_at, from_ms, currency, grand_sales_minor, grand_returns_minor
             FROM z_reports WHERE till = ?1 AND training = ?2 AND number = ?3",
            params![till, series.is_training(), number],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((closed_at, from_ms, currency, sales, returns)) = z else {
        return Ok(None);
    };
    let rows = period_rows(conn, till, series, number)?;
    let grand = Grand {
        currency: currency.map(|c| currency_of(&c)).transpose()?,
        sales,
        returns,
    };
    Ok(Some(ZReport {
        number,
        closed_at_ms: closed_at,
        totals: assemble(till, series, &rows, from_ms, closed_at, grand)?,
    }))
}

fn assemble(
    till: &str,
    series: Backend,
    rows: &[TotalRow],
    from_ms: Option<i64>,
    to_ms: i64,
    grand: Grand,
) -> Result<PeriodTotals> {
    let currency = grand.currency;
    let main = currency.unwrap_or(Currency::Dkk);
    let in_main = |r: &&TotalRow| r.currency == main.code();
    let count_amount = |kind: &str| -> CountAmount {
        let (count, amount) = rows
            .iter()
            .filter(|r| r.kind == kind)
            .filter(in_main)
            .fold((0_i64, 0_i64), |(c, a), r| (c + r.count, a + r.amount));
        CountAmount {
            count: count.max(0) as u64,
            amount: Money::new(amount, main),
        }
    };
    let counted = |kind: &str| -> u64 {
        rows.iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.count.max(0) as u64)
            .sum()
    };
    let receipts = rows.iter().find(|r| r.kind == "receipts");

    // Per tender (and currency), in a fixed order.
    let mut by_tender: Vec<TenderTotal> = Vec::new();
    let mut currencies: Vec<&str> = rows
        .iter()
        .filter(|r| r.kind.starts_with("tender_"))
        .map(|r| r.currency.as_str())
        .collect();
    currencies.sort_by_key(|c| (*c != main.code(), *c));
    currencies.dedup();
    for cur in currencies {
        let c = currency_of(cur)?;
        for tender in [Tender::Bank, Tender::Cash, Tender::Card] {
            let part = |kind: &str| {
                rows.iter()
                    .find(|r| r.kind == kind && r.tender == tender.as_str() && r.currency == cur)
                    .map_or((0, 0), |r| (r.count, r.amount))
            };
            let (sc, sa) = part("tender_sale");
            let (rc, ra) = part("tender_return");
            if sc == 0 && rc == 0 {
                continue;
            }
            by_tender.push(TenderTotal {
                tender,
                count: (sc + rc).max(0) as u64,
                amount: Money::new(sa - ra, c),
                sales: CountAmount {
                    count: sc.max(0) as u64,
                    amount: Money::new(sa, c),
                },
                returns: CountAmount {
                    count: rc.max(0) as u64,
                    amount: Money::new(ra, c),
                },
            });
        }
    }

    // Per VAT rate: highest first, no VAT recorded last; the period's currency first.
    let mut vat_rows: Vec<&TotalRow> = rows.iter().filter(|r| r.kind == "vat").collect();
    vat_rows.sort_by(|a, b| {
        (a.currency != main.code(), &a.currency)
            .cmp(&(b.currency != main.code(), &b.currency))
            .then(b.bp.cmp(&a.bp))
            .then(a.code.cmp(&b.code))
    });
    let mut vat = Vec::with_capacity(vat_rows.len());
    for r in vat_rows {
        let c = currency_of(&r.currency)?;
        vat.push(VatTotal {
            bp: u32::try_from(r.bp).ok(),
            saft_code: u8::try_from(r.code).ok(),
            net: Money::new(r.net, c),
            vat: Money::new(r.vat, c),
            gross: Money::new(r.amount, c),
        });
    }
    let cancelled = count_amount("cancelled");
    Ok(PeriodTotals {
        till: till.to_owned(),
        series,
        currency,
        from_ms,
        to_ms,
        first_receipt: receipts.and_then(|r| r.first),
        last_receipt: receipts.and_then(|r| r.last),
        by_tender,
        vat,
        sales: count_amount("sale"),
        returns: count_amount("return"),
        cancelled: counted("cancelled"),
        cancelled_amount: cancelled.amount,
        copies: counted("copies"),
        receipts: counted("receipts"),
        training: count_amount("training_sale"),
        training_returns: count_amount("training_return"),
        transfers_opened: count_amount("transfer_opened"),
        transfers_sent: count_amount("transfer_sent"),
        grand: GrandTotals {
            sales: Money::new(grand.sales, main),
            returns: Money::new(grand.returns, main),
            net: Money::new(grand.sales - grand.returns, main),
        },
    })
}
