//! Returns: a paid sale's lines given back, with their own numbered receipt, VAT rows and
//! (for pay-by-bank money) the bank transfer to make, in one durable transaction.
//!
//! What is left of a sale is its amount minus its returns so far, and, for a sale written
//! with lines, the same per VAT rate and code: a return cannot give back more at 25 % than
//! was sold at 25 %. A sale written as one plain amount has no VAT recorded, and its returns
//! have none either (their lines' rates are not kept).

use kassa_money::Money;
use rusqlite::{Connection, OptionalExtension, params};

use crate::receipts::{
    GrossGroup, RECEIPT_SELECT, currency_of, receipt_row, sale_amount, write_receipt_vat,
};
use crate::refunds::{insert_refund, refund_by_id};
use crate::write::event;
use crate::{
    Backend, Journal, JournalError, LineVat, NewReturn, Receipt, RefundBy, RefundKind, Result,
    ReturnDone, SaleLine, SaleState,
};

impl Journal {
    /// Writes a return of (part of) a paid sale: its receipt (kind return, the negative of
    /// the lines' sum, the next number of the sale's series, `return_of` the sale receipt's
    /// number, the reason), its lines, its VAT rows, an event on the sale and, for
    /// [`RefundBy::BankTransfer`], the open bank transfer; all in one durable transaction.
    ///
    /// Refused ([`JournalError::Refused`], a sentence for the cashier; nothing written): a
    /// sale that is not paid, no reason, no lines, a line that is not whole, a line at a VAT
    /// rate the sale has no line at, and more than what is left of the sale (in all, or at
    /// one rate). [`JournalError::NotFound`] for a sale not in the journal.
    pub fn record_return(&mut self, r: &NewReturn<'_>) -> Result<ReturnDone> {
        let refused = |why: String| Err(JournalError::Refused(why));
        if r.reason.trim().is_empty() {
            return refused("a return needs a reason: say why the customer brings it back".into());
        }
        if r.lines.is_empty() {
            return refused("a return needs at least one line: what is given back".into());
        }
        if let RefundBy::BankTransfer { payment_id, .. } = &r.refund {
            if payment_id.trim().is_empty() {
                return refused(
                    "a bank transfer back needs the payment the money came in by".into(),
                );
            }
        }
        let stamp = self.stamp.clone();
        self.write(|tx| {
            let sale = sale_facts(tx, r.sale_id)?;
            if sale.state != SaleState::Paid {
                return refused(format!(
                    "sale {} is not paid: there is nothing to return",
                    r.sale_id
                ));
            }
            let currency = sale.amount.currency;
            let mut total: i128 = 0;
            let mut groups: Vec<GrossGroup> = Vec::new();
            for (i, l) in r.lines.iter().enumerate() {
                let n = i + 1;
                if l.text.trim().is_empty() {
                    return refused(format!("return line {n} has no text"));
                }
                if l.quantity == 0 {
                    return refused(format!("return line {n} has a quantity of 0"));
                }
                if l.unit_gross.minor <= 0 {
                    return refused(format!(
                        "return line {n} has no amount: enter what it cost, as a positive amount"
                    ));
                }
                if l.vat_bp > 5000 {
                    return refused(format!("return line {n} has a VAT rate above 50 %"));
                }
                if l.unit_gross.currency != currency {
                    return refused(format!(
                        "return line {n} is in {} but the sale was in {}",
                        l.unit_gross.currency.code(),
                        currency.code()
                    ));
                }
                let gross = i128::from(l.unit_gross.minor) * i128::from(l.quantity);
                total += gross;
                let (bp, saft_code) = if sale.has_lines {
                    (Some(l.vat_bp), Some(l.saft_code))
                } else {
                    (None, None)
                };
                match groups
                    .iter_mut()
                    .find(|g| g.bp == bp && g.saft_code == saft_code)
                {
                    Some(g) => g.gross += gross,
                    None => groups.push(GrossGroup {
                        bp,
                        saft_code,
                        gross,
                    }),
                }
            }
            let left = i128::from(sale.amount.minor) - returned_minor(tx, r.sale_id)?;
            if total > left {
                if left <= 0 {
                    return refused(format!(
                        "sale {} was returned in full already: nothing is left to return",
                        r.sale_id
                    ));
                }
                return refused(format!(
                    "only {} of this sale is left to return",
                    money(left, currency).display()
                ));
            }
            if sale.has_lines {
                for g in &groups {
                    let (bp, code) = (g.bp.unwrap_or(0), g.saft_code.unwrap_or(0));
                    let (sold, returned) = class_sold_and_returned(tx, r.sale_id, bp, code)?;
                    if sold == 0 {
                        return refused(format!(
                            "the sale has no line at {} VAT (SAF-T code {code}): a return gives back what was sold, at its rate",
                            percent(bp)
                        ));
                    }
                    if g.gross > sold - returned {
                        return refused(format!(
                            "only {} at {} VAT of this sale is left to return",
                            money(sold - returned, currency).display(),
                            percent(bp)
                        ));
                    }
                }
            }
            let total_minor = i64::try_from(total).map_err(|_| {
                JournalError::Refused("the return's amounts are too large to add up".into())
            })?;
            let (tender_detail, payer) = match &r.refund {
                RefundBy::BankTransfer { payment_id, payer } => {
                    (Some(payment_id.as_str()), payer.as_deref())
                }
                _ => (None, None),
            };
            let (till, training, number): (String, bool, i64) = tx.query_row(
                "INSERT INTO receipts (till, training, number, kind, sale_id, created_at,
                                       total_minor, currency, tender, tender_detail,
                                       return_of, reason, employee)
                 SELECT t.id, s.backend = 'sandbox',
                        COALESCE((SELECT MAX(r.number) FROM receipts r
                                  WHERE r.till = t.id AND r.training = (s.backend = 'sandbox')),
                                 0) + 1,
                        'return', s.id, ?2, ?3, s.currency, ?4, ?5,
                        (SELECT r.number FROM receipts r WHERE r.sale_id = s.id AND r.kind = 'sale'),
                        ?6, ?7
                 FROM sales s, till t WHERE s.id = ?1
                 RETURNING till, training, number",
                params![
                    r.sale_id,
                    r.at_ms,
                    -total_minor,
                    r.refund.tender().as_str(),
                    tender_detail,
                    r.reason.trim(),
                    stamp.employee,
                ],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )?;
            let mut insert = tx.prepare_cached(
                "INSERT INTO return_lines (till, training, number, position, text, quantity,
                                           unit_gross_minor, currency, vat_bp, saft_code)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for (i, l) in r.lines.iter().enumerate() {
                let (bp, code) = if sale.has_lines {
                    (Some(l.vat_bp), Some(l.saft_code))
                } else {
                    (None, None)
                };
                insert.execute(params![
                    till,
                    training,
                    number,
                    i as i64 + 1,
                    l.text.trim(),
                    l.quantity,
                    l.unit_gross.minor,
                    currency.code(),
                    bp,
                    code,
                ])?;
            }
            let negative: Vec<GrossGroup> = groups
                .iter()
                .map(|g| GrossGroup {
                    gross: -g.gross,
                    ..*g
                })
                .collect();
            write_receipt_vat(tx, &till, training, number, &negative)?;
            crate::seal::seal_receipt(tx, &stamp, &till, training, number)?;
            crate::seal::journal_event(
                tx,
                stamp.employee.as_deref(),
                &crate::NewJournalEvent {
                    code: crate::seal::event_code::RETURN_RECEIPT,
                    at_ms: r.at_ms,
                    training,
                    detail: &format!("return receipt {number} for sale {}", r.sale_id),
                    receipt: Some(number),
                },
            )?;
            event(
                tx,
                r.sale_id,
                None,
                r.at_ms,
                "sale_returned",
                &format!(
                    "return receipt {number}: {} by {} ({})",
                    money(total, currency).display(),
                    r.refund.tender().as_str(),
                    r.reason.trim()
                ),
            )?;
            let bank_refund = match &r.refund {
                RefundBy::BankTransfer { payment_id, .. } => {
                    let id = insert_refund(
                        tx,
                        RefundKind::Return,
                        Some(r.sale_id),
                        training,
                        Some(number),
                        payment_id,
                        Money::new(total_minor, currency),
                        payer,
                        r.at_ms,
                    )?;
                    Some(refund_by_id(tx, id)?)
                }
                _ => None,
            };
            let receipt = tx.query_row(
                &format!("{RECEIPT_SELECT} WHERE till = ?1 AND training = ?2 AND number = ?3"),
                params![till, training, number],
                receipt_row,
            )??;
            Ok(ReturnDone {
                receipt,
                bank_refund,
            })
        })
    }

    /// What has been returned of a sale so far (positive; 0 when nothing).
    /// [`JournalError::NotFound`] for a sale not in the journal.
    pub fn returned_of_sale(&self, sale_id: &str) -> Result<Money> {
        let amount = sale_amount_or_not_found(&self.conn, sale_id)?;
        let returned = returned_minor(&self.conn, sale_id)?;
        Ok(money(returned, amount.currency))
    }

    /// A sale's return receipts, oldest first.
    pub fn returns_of_sale(&self, sale_id: &str) -> Result<Vec<Receipt>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{RECEIPT_SELECT} WHERE sale_id = ?1 AND kind = 'return' ORDER BY created_at, number"
        ))?;
        st.query_map([sale_id], receipt_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .collect()
    }

    /// The lines a return gave back (positive), in order; empty for a receipt that is not
    /// a return. A return of a plain-amount sale has lines without VAT information.
    pub fn return_lines(&self, till: &str, series: Backend, number: i64) -> Result<Vec<SaleLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT position, text, quantity, unit_gross_minor, currency, vat_bp, saft_code
             FROM return_lines WHERE till = ?1 AND training = ?2 AND number = ?3
             ORDER BY position",
        )?;
        let rows = st
            .query_map(params![till, series.is_training(), number], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<u32>>(5)?,
                    r.get::<_, Option<u8>>(6)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(position, text, quantity, unit, currency, bp, code)| {
                Ok(SaleLine {
                    position,
                    text,
                    quantity,
                    unit_gross: Money::new(unit, currency_of(&currency)?),
                    vat: match (bp, code) {
                        (Some(bp), Some(saft_code)) => Some(LineVat { bp, saft_code }),
                        _ => None,
                    },
                })
            })
            .collect()
    }
}

struct SaleFacts {
    state: SaleState,
    amount: Money,
    has_lines: bool,
}

fn sale_facts(tx: &Connection, sale_id: &str) -> Result<SaleFacts> {
    let found: Option<(String, bool)> = tx
        .query_row(
            "SELECT state, EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)
             FROM sales s WHERE id = ?1",
            [sale_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (state, has_lines) =
        found.ok_or_else(|| JournalError::NotFound(format!("sale {sale_id}")))?;
    Ok(SaleFacts {
        state: SaleState::parse(&state)?,
        amount: sale_amount(tx, sale_id)?,
        has_lines,
    })
}

fn sale_amount_or_not_found(conn: &Connection, sale_id: &str) -> Result<Money> {
    if !crate::receipts::sale_exists(conn, sale_id)? {
        return Err(JournalError::NotFound(format!("sale {sale_id}")));
    }
    sale_amount(conn, sale_id)
}

/// The sum of a sale's returns so far, positive.
fn returned_minor(conn: &Connection, sale_id: &str) -> Result<i128> {
    let sum: i64 = conn.query_row(
        "SELECT COALESCE(-SUM(total_minor), 0) FROM receipts
         WHERE sale_id = ?1 AND kind = 'return'",
        [sale_id],
        |r| r.get(0),
    )?;
    Ok(i128::from(sum))
}

/// What a sale sold at one VAT rate and code, and what its returns gave back at it.
fn class_sold_and_returned(
    conn: &Connection,
    sale_id: &str,
    bp: u32,
    code: u8,
) -> Result<(i128, i128)> {
    let (sold, returned): (i64, i64) = conn.query_row(
        "SELECT
            (SELECT COALESCE(SUM(unit_gross_minor * quantity), 0) FROM sale_lines
             WHERE sale_id = ?1 AND vat_bp = ?2 AND saft_code = ?3),
            (SELECT COALESCE(SUM(l.unit_gross_minor * l.quantity), 0)
             FROM receipts r JOIN return_lines l
               ON l.till = r.till AND l.training = r.training AND l.number = r.number
             WHERE r.sale_id = ?1 AND r.kind = 'return' AND l.vat_bp = ?2 AND l.saft_code = ?3)",
        params![sale_id, bp, code],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((i128::from(sold), i128::from(returned)))
}

/// An amount known to fit (it is at most a sale's amount).
fn money(minor: i128, currency: kassa_money::Currency) -> Money {
    Money::new(
        i64::try_from(minor).unwrap_or(if minor < 0 { i64::MIN } else { i64::MAX }),
        currency,
    )
}

/// A rate in basis points as a cashier reads it: "25 %", "12,5 %".
pub(crate) fn percent(bp: u32) -> String {
    let (whole, frac) = (bp / 100, bp % 100);
    if frac == 0 {
        format!("{whole} %")
    } else if frac % 10 == 0 {
        format!("{whole},{} %", frac / 10)
    } else {
        format!("{whole},{frac:02} %")
    }
}
