//! A sale's lines and its receipt: lines written in the transaction that opens the sale,
//! a receipt numbered in the transaction that ends it paid, and their reads.
//!
//! A receipt takes the next number of its till and series (live or training) inside the
//! IMMEDIATE transaction that ends the sale, so numbers are gapless whatever happens: two
//! payments of one sale end it once (the second finds it ended and takes no number), a
//! crash before the commit leaves neither the end nor the receipt, and a failed write is
//! rolled back whole with the number it would have used. The schema backs this up: a
//! trigger refuses any number but the next one, one sale receipt per sale, a receipt for a
//! sale that is not paid, and any change or deletion of a receipt.

use kassa_money::{Currency, Money};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::seal::{Stamp, seal_receipt};
use crate::write::event;
use crate::{
    Backend, Journal, JournalError, LineVat, NewLine, NewSale, Paid, Receipt, ReceiptKind, Result,
    SaleLine, Tender, VatTotal,
};

pub(crate) const RECEIPT_SELECT: &str =
    "SELECT till, number, kind, sale_id, created_at, total_minor,
        currency, tender, tender_detail, training, cash_given_minor, return_of, reason, employee,
        previous, signed_date, signed_time, gross_minor, net_minor, signature, key_version
    FROM receipts LEFT JOIN receipt_seals USING (till, training, number)";

impl Journal {
    /// The id of the till this journal is (drawn once, when the journal got schema 4).
    pub fn till_id(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT id FROM till", [], |r| r.get(0))?)
    }

    /// Writes a new sale and its lines in one transaction (an intent, as
    /// [`Journal::insert_sale`]). The lines must be in the sale's currency and add up to its
    /// amount; otherwise nothing is written ([`JournalError::Refused`]). With no lines this
    /// is [`Journal::insert_sale`].
    pub fn insert_sale_with_lines(
        &mut self,
        sale: &NewSale<'_>,
        lines: &[NewLine<'_>],
    ) -> Result<()> {
        check_lines(sale.amount, lines)?;
        let employee = self.stamp.employee.clone();
        self.write_intent(|tx| {
            crate::sales::insert_sale_row(tx, sale, employee.as_deref())?;
            insert_lines(tx, sale.id, lines)
        })
    }

    /// Ends an open sale paid (`paid`: by bank, the payment id; cash, what was given; a card
    /// on an external terminal, its reference) and writes its receipt with the next number
    /// of its series, in one durable transaction. None (and nothing written) when the sale
    /// had ended already. Refused, with nothing written, when cash given is less than the
    /// sale's total or in another currency.
    pub fn end_sale_with_receipt(
        &mut self,
        sale_id: &str,
        paid: &Paid,
        at_ms: i64,
        detail: &str,
    ) -> Result<Option<Receipt>> {
        let stamp = self.stamp.clone();
        self.write(|tx| {
            if !sale_exists(tx, sale_id)? {
                return Err(JournalError::NotFound(format!("sale {sale_id}")));
            }
            if !end_paid(tx, &stamp, sale_id, paid, at_ms, detail)? {
                return Ok(None);
            }
            receipt_of(tx, sale_id)
        })
    }

    /// Writes a sale the cashier was paid for at once (cash, or a card on an external
    /// terminal; such sales have no attempts): the sale row (state paid), its lines and its
    /// receipt, in one durable transaction. The lines are checked as
    /// [`Journal::insert_sale_with_lines`] checks them (none: one plain amount). Refused,
    /// with nothing written, for pay by bank (paid through its payment), for cash given
    /// short of the total, and for a sale id already in the journal.
    pub fn insert_paid_sale(
        &mut self,
        sale: &NewSale<'_>,
        lines: &[NewLine<'_>],
        paid: &Paid,
        detail: &str,
    ) -> Result<Receipt> {
        if let Paid::Bank { .. } = paid {
            return Err(JournalError::Refused(
                "a pay-by-bank sale is paid through its payment, not written paid at once".into(),
            ));
        }
        check_lines(sale.amount, lines)?;
        let stamp = self.stamp.clone();
        self.write(|tx| {
            if sale_exists(tx, sale.id)? {
                return Err(JournalError::Refused(format!(
                    "sale {} is in the journal already",
                    sale.id
                )));
            }
            crate::sales::insert_sale_row(tx, sale, stamp.employee.as_deref())?;
            insert_lines(tx, sale.id, lines)?;
            end_paid(tx, &stamp, sale.id, paid, sale.at_ms, detail)?;
            receipt_of(tx, sale.id)?.ok_or_else(|| {
                JournalError::Corrupt(format!("sale {} was written without its receipt", sale.id))
            })
        })
    }

    /// The receipt of a sale (its sale receipt, not a return's), if it has one.
    pub fn receipt_of_sale(&self, sale_id: &str) -> Result<Option<Receipt>> {
        receipt_of(&self.conn, sale_id)
    }

    /// The receipt numbered `number` of `till` in the series of `series` (live, or the
    /// training series of sandbox sales).
    pub fn receipt_by_number(
        &self,
        till: &str,
        series: Backend,
        number: i64,
    ) -> Result<Option<Receipt>> {
        self.conn
            .query_row(
                &format!("{RECEIPT_SELECT} WHERE till = ?1 AND training = ?2 AND number = ?3"),
                params![till, series.is_training(), number],
                receipt_row,
            )
            .optional()?
            .transpose()
    }

    /// The VAT rows of a receipt as written with it (highest rate first; a sale without
    /// lines has one row without a rate). Negative on a return.
    pub fn receipt_vat(&self, till: &str, series: Backend, number: i64) -> Result<Vec<VatTotal>> {
        let mut st = self.conn.prepare_cached(
            "SELECT v.vat_bp, v.saft_code, v.net_minor, v.vat_minor, v.gross_minor, r.currency
             FROM receipt_vat v JOIN receipts r
               ON r.till = v.till AND r.training = v.training AND r.number = v.number
             WHERE v.till = ?1 AND v.training = ?2 AND v.number = ?3 ORDER BY v.position",
        )?;
        let rows = st
            .query_map(params![till, series.is_training(), number], |r| {
                Ok((
                    r.get::<_, Option<u32>>(0)?,
                    r.get::<_, Option<u8>>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(bp, saft_code, net, vat, gross, currency)| {
                let c = currency_of(&currency)?;
                Ok(VatTotal {
                    bp,
                    saft_code,
                    net: Money::new(net, c),
                    vat: Money::new(vat, c),
                    gross: Money::new(gross, c),
                })
            })
            .collect()
    }

    /// The last receipt number this till gave in the series of `series`; 0 before the first.
    pub fn last_receipt_number(&self, series: Backend) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(MAX(number), 0) FROM receipts
             WHERE till = (SELECT id FROM till) AND training = ?1",
            [series.is_training()],
            |r| r.get(0),
        )?)
    }

    /// A sale's lines in order. A sale written as one plain amount (without lines, or before
    /// schema 4) reads as one line of its whole amount, quantity 1, with an empty text and
    /// no VAT information. [`JournalError::NotFound`] for a sale not in the journal.
    pub fn lines_of_sale(&self, sale_id: &str) -> Result<Vec<SaleLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT position, text, quantity, unit_gross_minor, currency, vat_bp, saft_code
             FROM sale_lines WHERE sale_id = ?1 ORDER BY position",
        )?;
        let lines = st
            .query_map([sale_id], line_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .collect::<Result<Vec<_>>>()?;
        if !lines.is_empty() {
            return Ok(lines);
        }
        let sale = self
            .sale(sale_id)?
            .ok_or_else(|| JournalError::NotFound(format!("sale {sale_id}")))?;
        Ok(vec![SaleLine {
            position: 1,
            text: String::new(),
            quantity: 1,
            unit_gross: sale.amount,
            vat: None,
        }])
    }
}

/// The lines of a new sale, as far as the journal's records go: each whole, in the sale's
/// currency, and adding up to its amount.
fn check_lines(amount: Money, lines: &[NewLine<'_>]) -> Result<()> {
    let mut sum: i128 = 0;
    for (i, l) in lines.iter().enumerate() {
        let n = i + 1;
        let refused = |why: &str| Err(JournalError::Refused(format!("line {n} {why}")));
        if l.text.trim().is_empty() {
            return refused("has no text");
        }
        if l.quantity == 0 {
            return refused("has a quantity of 0");
        }
        if l.unit_gross.minor <= 0 {
            return refused("has no positive price");
        }
        if l.vat_bp > 5000 {
            return refused("has a VAT rate above 50 %");
        }
        if l.unit_gross.currency != amount.currency {
            return Err(JournalError::Refused(format!(
                "line {n} is in {} but the sale is in {}",
                l.unit_gross.currency.code(),
                amount.currency.code()
            )));
        }
        sum += i128::from(l.unit_gross.minor) * i128::from(l.quantity);
    }
    if !lines.is_empty() && sum != i128::from(amount.minor) {
        return Err(JournalError::Refused(format!(
            "the lines add up to {sum} minor units but the sale is {} minor units",
            amount.minor
        )));
    }
    Ok(())
}

fn insert_lines(tx: &Connection, sale_id: &str, lines: &[NewLine<'_>]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO sale_lines (sale_id, position, text, quantity, unit_gross_minor,
                                 currency, vat_bp, saft_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, l) in lines.iter().enumerate() {
        insert.execute(params![
            sale_id,
            i as i64 + 1,
            l.text,
            l.quantity,
            l.unit_gross.minor,
            l.unit_gross.currency.code(),
            l.vat_bp,
            l.saft_code,
        ])?;
    }
    Ok(())
}

/// Ends the open sale `sale_id` paid by `paid` in this transaction: its row, its event and
/// its receipt. False (nothing written) when it had ended already; refused when cash given
/// does not cover the sale.
pub(crate) fn end_paid(
    tx: &Connection,
    stamp: &Stamp,
    sale_id: &str,
    paid: &Paid,
    at_ms: i64,
    detail: &str,
) -> Result<bool> {
    let paid_by = match paid {
        Paid::Bank { payment_id } => Some(payment_id.as_str()),
        _ => None,
    };
    let n = tx.execute(
        "UPDATE sales SET state = 'paid', ended_at = ?2, paid_payment_id = ?3
         WHERE id = ?1 AND state = 'open'",
        params![sale_id, at_ms, paid_by],
    )?;
    if n == 0 {
        return Ok(false);
    }
    if let Paid::Cash { given } = paid {
        let total = sale_amount(tx, sale_id)?;
        if given.currency != total.currency {
            return Err(JournalError::Refused(format!(
                "the cash given is in {} but the sale is in {}",
                given.currency.code(),
                total.currency.code()
            )));
        }
        if given.minor < total.minor {
            return Err(JournalError::Refused(format!(
                "{} given is less than the total of {}",
                given.display(),
                total.display()
            )));
        }
    }
    event(tx, sale_id, None, at_ms, "sale_paid", detail)?;
    issue_receipt(
        tx,
        stamp,
        sale_id,
        paid.tender(),
        paid.detail(),
        paid.cash_given(),
        at_ms,
    )?;
    Ok(true)
}

pub(crate) fn sale_amount(tx: &Connection, sale_id: &str) -> Result<Money> {
    let (minor, currency): (i64, String) = tx.query_row(
        "SELECT amount_minor, currency FROM sales WHERE id = ?1",
        [sale_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Money::new(minor, currency_of(&currency)?))
}

/// Writes the sale receipt of `sale_id` (just ended paid, in this transaction) with the next
/// number of its till and series, its VAT and its seal. It names the employee who opened
/// the sale (a pay-by-bank sale may end after they logged out), else the acting one.
pub(crate) fn issue_receipt(
    tx: &Connection,
    stamp: &Stamp,
    sale_id: &str,
    tender: Tender,
    tender_detail: Option<&str>,
    cash_given: Option<Money>,
    at_ms: i64,
) -> Result<i64> {
    // The receipt is its own append-only record: no event beside it, so a sale's event
    // log still ends with how it ended.
    let (till, training, number): (String, bool, i64) = tx.query_row(
        "INSERT INTO receipts (till, training, number, kind, sale_id, created_at, total_minor,
                               currency, tender, tender_detail, cash_given_minor, employee)
         SELECT t.id, s.backend = 'sandbox',
                COALESCE((SELECT MAX(r.number) FROM receipts r
                          WHERE r.till = t.id AND r.training = (s.backend = 'sandbox')), 0) + 1,
                'sale', s.id, ?2, s.amount_minor, s.currency, ?3, ?4, ?5,
                COALESCE(s.employee, ?6)
         FROM sales s, till t WHERE s.id = ?1
         RETURNING till, training, number",
        params![
            sale_id,
            at_ms,
            tender.as_str(),
            tender_detail,
            cash_given.map(|m| m.minor),
            stamp.employee,
        ],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let groups = sale_vat_groups(tx, sale_id)?;
    write_receipt_vat(tx, &till, training, number, &groups)?;
    seal_receipt(tx, stamp, &till, training, number)?;
    Ok(number)
}

/// A VAT group of a receipt before rounding: its rate and SAF-T code (None: no VAT
/// recorded) and its gross, signed (negative on a return).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GrossGroup {
    pub bp: Option<u32>,
    pub saft_code: Option<u8>,
    pub gross: i128,
}

/// The VAT groups of a sale from its lines (one group per rate and code); a sale without
/// lines is one group of its whole amount with no VAT recorded.
pub(crate) fn sale_vat_groups(tx: &Connection, sale_id: &str) -> Result<Vec<GrossGroup>> {
    let mut st = tx.prepare_cached(
        "SELECT vat_bp, saft_code, SUM(unit_gross_minor * quantity) FROM sale_lines
         WHERE sale_id = ?1 GROUP BY vat_bp, saft_code",
    )?;
    let mut groups = st
        .query_map([sale_id], |r| {
            Ok(GrossGroup {
                bp: Some(r.get(0)?),
                saft_code: Some(r.get(1)?),
                gross: i128::from(r.get::<_, i64>(2)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if groups.is_empty() {
        groups.push(GrossGroup {
            bp: None,
            saft_code: None,
            gross: i128::from(sale_amount(tx, sale_id)?.minor),
        });
    }
    Ok(groups)
}

/// Writes a receipt's VAT rows: per group, `vat = vat_of_gross(gross, bp)` (the one
/// rounding rule, `kassa_money::vat_of_gross`), `net = gross - vat`; a group without a rate
/// has VAT 0. Highest rate first, no VAT recorded last.
pub(crate) fn write_receipt_vat(
    tx: &Connection,
    till: &str,
    training: bool,
    number: i64,
    groups: &[GrossGroup],
) -> Result<()> {
    let mut groups = groups.to_vec();
    // Descending: None (no VAT recorded) sorts below every rate, so it comes last.
    groups.sort_by(|a, b| b.bp.cmp(&a.bp).then(a.saft_code.cmp(&b.saft_code)));
    let mut insert = tx.prepare_cached(
        "INSERT INTO receipt_vat (till, training, number, position, vat_bp, saft_code,
                                  net_minor, vat_minor, gross_minor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, g) in groups.iter().enumerate() {
        let vat = g.bp.map_or(0, |bp| kassa_money::vat_of_gross(g.gross, bp));
        let minor = |m: i128| {
            i64::try_from(m).map_err(|_| {
                JournalError::Refused("the receipt's amounts are too large to add up".into())
            })
        };
        insert.execute(params![
            till,
            training,
            number,
            i as i64 + 1,
            g.bp,
            g.saft_code,
            minor(g.gross - vat)?,
            minor(vat)?,
            minor(g.gross)?,
        ])?;
    }
    Ok(())
}

pub(crate) fn sale_exists(conn: &Connection, sale_id: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM sales WHERE id = ?1", [sale_id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(crate) fn receipt_of(conn: &Connection, sale_id: &str) -> Result<Option<Receipt>> {
    conn.query_row(
        &format!("{RECEIPT_SELECT} WHERE sale_id = ?1 AND kind = 'sale'"),
        [sale_id],
        receipt_row,
    )
    .optional()?
    .transpose()
}

pub(crate) fn currency_of(code: &str) -> Result<Currency> {
    code.parse::<Currency>()
        .map_err(|_| JournalError::Corrupt(format!("unknown currency {code:?}")))
}

pub(crate) fn receipt_row(r: &Row<'_>) -> rusqlite::Result<Result<Receipt>> {
    let kind: String = r.get(2)?;
    let currency: String = r.get(6)?;
    let tender: String = r.get(7)?;
    let (kind, currency, tender) = match (
        ReceiptKind::parse(&kind),
        currency_of(&currency),
        Tender::parse(&tender),
    ) {
        (Ok(k), Ok(c), Ok(t)) => (k, c, t),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return Ok(Err(e)),
    };
    Ok(Ok(Receipt {
        till: r.get(0)?,
        number: r.get(1)?,
        kind,
        sale_id: r.get(3)?,
        created_at_ms: r.get(4)?,
        total: Money::new(r.get(5)?, currency),
        tender,
        card_reference: if tender == Tender::Card {
            r.get(8)?
        } else {
            None
        },
        tender_detail: r.get(8)?,
        training: r.get(9)?,
        cash_given: r
            .get::<_, Option<i64>>(10)?
            .map(|m| Money::new(m, currency)),
        return_of: r.get(11)?,
        reason: r.get(12)?,
        employee: r.get(13)?,
        seal: match r.get::<_, Option<String>>(19)? {
            None => None,
            Some(signature) => Some(crate::ReceiptSeal {
                previous: r.get(14)?,
                signed_date: r.get(15)?,
                signed_time: r.get(16)?,
                gross_minor: r.get(17)?,
                net_minor: r.get(18)?,
                signature,
                key_version: r.get(20)?,
            }),
        },
    }))
}

pub(crate) fn line_row(r: &Row<'_>) -> rusqlite::Result<Result<SaleLine>> {
    let currency: String = r.get(4)?;
    let currency = match currency_of(&currency) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(SaleLine {
        position: r.get(0)?,
        text: r.get(1)?,
        quantity: r.get(2)?,
        unit_gross: Money::new(r.get(3)?, currency),
        vat: Some(LineVat {
            bp: r.get(5)?,
            saft_code: r.get(6)?,
        }),
    }))
}
