//! Bank transfers to make: pay-by-bank money going back (a return, or a payment the engine
//! flagged as extra). Open until the merchant marks it sent; a trigger refuses any other
//! change and any deletion.

use kassa_money::Money;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::attention::{open_note_of_payment, resolve_note};
use crate::receipts::{currency_of, sale_amount};
use crate::write::event;
use crate::{BankRefund, Journal, JournalError, RefundKind, RefundState, Result};

const REFUND_SELECT: &str = "SELECT id, sale_id, return_number, payment_id, amount_minor,
        currency, payer, kind, state, training, created_at, sent_at, note
    FROM bank_refunds";

impl Journal {
    /// The bank transfers to make (`open_only`) or all of them, oldest first.
    pub fn bank_refunds(&self, open_only: bool) -> Result<Vec<BankRefund>> {
        let filter = if open_only {
            " WHERE state = 'open'"
        } else {
            ""
        };
        let mut st = self
            .conn
            .prepare_cached(&format!("{REFUND_SELECT}{filter} ORDER BY id"))?;
        st.query_map([], refund_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .collect()
    }

    /// Records that the merchant sent the transfer `id` (with `note`, e.g. the bank's
    /// reference), in one durable transaction. For a double payment this also resolves the
    /// needs-attention note about that payment. Refused when it was marked sent already;
    /// [`JournalError::NotFound`] for an id not in the journal.
    pub fn mark_refund_sent(&mut self, id: i64, note: &str, at_ms: i64) -> Result<BankRefund> {
        self.write(|tx| {
            let before = refund_by_id(tx, id)?;
            if before.state == RefundState::Sent {
                return Err(JournalError::Refused(format!(
                    "the transfer of {} for payment {} was marked sent already",
                    before.amount.display(),
                    before.payment_id
                )));
            }
            let note = note.trim();
            let note = (!note.is_empty()).then_some(note);
            tx.execute(
                "UPDATE bank_refunds SET state = 'sent', sent_at = ?2, note = ?3
                 WHERE id = ?1 AND state = 'open'",
                params![id, at_ms, note],
            )?;
            let said = format!(
                "bank transfer of {} for payment {} sent{}",
                before.amount.display(),
                before.payment_id,
                note.map(|n| format!(": {n}")).unwrap_or_default()
            );
            if before.kind == RefundKind::DoublePayment
                && open_note_of_payment(tx, &before.payment_id)?.is_some()
            {
                resolve_note(tx, &before.payment_id, &said, at_ms)?;
            } else if let Some(sale) = &before.sale_id {
                event(tx, sale, None, at_ms, "refund_sent", &said)?;
            }
            refund_by_id(tx, id)
        })
    }

    /// Opens the bank transfer that gives back a payment the engine flagged (a second
    /// payment of a sale, or one after its sale had ended): its whole amount, to `payer` as
    /// far as known. The needs-attention note stays open until the transfer is marked sent.
    /// Refused when the payment has no open note (nothing flagged to give back) or a
    /// transfer for it is listed already.
    pub fn refund_double_payment(
        &mut self,
        payment_id: &str,
        payer: Option<&str>,
        at_ms: i64,
    ) -> Result<BankRefund> {
        self.write(|tx| {
            let listed: Option<i64> = tx
                .query_row(
                    "SELECT id FROM bank_refunds WHERE payment_id = ?1 AND kind = 'double_payment'",
                    [payment_id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = listed {
                return Err(JournalError::Refused(format!(
                    "a bank transfer for payment {payment_id} is listed already (transfer {id})"
                )));
            }
            let (sale_id, _) = open_note_of_payment(tx, payment_id)?.ok_or_else(|| {
                JournalError::Refused(format!(
                    "payment {payment_id} is not flagged as an extra payment: there is nothing to give back"
                ))
            })?;
            let amount = sale_amount(tx, &sale_id)?;
            let training: bool = tx.query_row(
                "SELECT backend = 'sandbox' FROM sales WHERE id = ?1",
                [&sale_id],
                |r| r.get(0),
            )?;
            let id = insert_refund(
                tx,
                RefundKind::DoublePayment,
                Some(&sale_id),
                training,
                None,
                payment_id,
                amount,
                payer,
                at_ms,
            )?;
            event(
                tx,
                &sale_id,
                None,
                at_ms,
                "refund_opened",
                &format!(
                    "bank transfer of {} to give back payment {payment_id}",
                    amount.display()
                ),
            )?;
            refund_by_id(tx, id)
        })
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_refund(
    tx: &Connection,
    kind: RefundKind,
    sale_id: Option<&str>,
    training: bool,
    return_number: Option<i64>,
    payment_id: &str,
    amount: Money,
    payer: Option<&str>,
    at_ms: i64,
) -> Result<i64> {
    let payer = payer.map(str::trim).filter(|p| !p.is_empty());
    Ok(tx.query_row(
        "INSERT INTO bank_refunds (kind, sale_id, training, return_number, payment_id,
                                   amount_minor, currency, payer, state, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9) RETURNING id",
        params![
            kind.as_str(),
            sale_id,
            training,
            return_number,
            payment_id,
            amount.minor,
            amount.currency.code(),
            payer,
            at_ms
        ],
        |r| r.get(0),
    )?)
}

pub(crate) fn refund_by_id(conn: &Connection, id: i64) -> Result<BankRefund> {
    conn.query_row(&format!("{REFUND_SELECT} WHERE id = ?1"), [id], refund_row)
        .optional()?
        .ok_or_else(|| JournalError::NotFound(format!("bank transfer {id}")))?
}

fn refund_row(r: &Row<'_>) -> rusqlite::Result<Result<BankRefund>> {
    let currency: String = r.get(5)?;
    let kind: String = r.get(7)?;
    let state: String = r.get(8)?;
    let (currency, kind, state) = match (
        currency_of(&currency),
        RefundKind::parse(&kind),
        RefundState::parse(&state),
    ) {
        (Ok(c), Ok(k), Ok(s)) => (c, k, s),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return Ok(Err(e)),
    };
    Ok(Ok(BankRefund {
        id: r.get(0)?,
        sale_id: r.get(1)?,
        return_number: r.get(2)?,
        payment_id: r.get(3)?,
        amount: Money::new(r.get(4)?, currency),
        payer: r.get(6)?,
        kind,
        state,
        training: r.get(9)?,
        created_at_ms: r.get(10)?,
        sent_at_ms: r.get(11)?,
        note: r.get(12)?,
    }))
}
