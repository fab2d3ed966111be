//! Notes that ask a person to act (an extra payment to refund): flagging, resolving, listing.

use kassa_money::{Currency, Money};
use rusqlite::{OptionalExtension, params};

use crate::write::event;
use crate::{AttentionItem, Backend, Journal, JournalError, Result};

/// Adds `note` to the sale's attention mark (never replacing earlier ones) and logs it as a
/// `needs_attention` event.
pub(crate) fn append_note(
    tx: &rusqlite::Connection,
    sale_id: &str,
    attempt_id: Option<i64>,
    note: &str,
    at_ms: i64,
) -> Result<()> {
    tx.execute(
        "UPDATE sales SET attention = CASE WHEN attention IS NULL THEN ?2
                                          ELSE attention || char(10) || ?2 END
         WHERE id = ?1",
        params![sale_id, note],
    )?;
    event(tx, sale_id, attempt_id, at_ms, "needs_attention", note)
}

impl Journal {
    /// Records that a person must act on this sale. Adds to earlier notes, never replaces.
    pub fn flag_attention(
        &mut self,
        sale_id: &str,
        attempt_id: Option<i64>,
        note: &str,
        at_ms: i64,
    ) -> Result<()> {
        self.write(|tx| append_note(tx, sale_id, attempt_id, note, at_ms))
    }

    /// Records that a person dealt with the note about `payment_id` (refunded it by hand).
    /// The note leaves [`Journal::attention_items`]; the log keeps both. When no other note
    /// of the sale is open, the sale's attention mark goes. Returns the sale's id.
    pub fn resolve_attention(
        &mut self,
        payment_id: &str,
        note: &str,
        at_ms: i64,
    ) -> Result<String> {
        self.write(|tx| resolve_note(tx, payment_id, note, at_ms))
    }

    /// Every note that asks a person to act and is not resolved yet, oldest first, with the
    /// payment it is about.
    pub fn attention_items(&self) -> Result<Vec<AttentionItem>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT e.sale_id, e.attempt_id, a.payment_id, s.amount_minor, s.currency, e.detail, e.at,
                    s.backend
             FROM events e JOIN sales s ON s.id = e.sale_id
             LEFT JOIN attempts a ON a.id = e.attempt_id
             WHERE {UNRESOLVED_NOTE}
             ORDER BY e.id"
        ))?;
        let rows = stmt.query_map([], |r| {
            let currency: String = r.get(4)?;
            let backend: String = r.get(7)?;
            Ok((
                currency,
                backend,
                AttentionItem {
                    sale_id: r.get(0)?,
                    attempt_id: r.get(1)?,
                    payment_id: r.get(2)?,
                    amount: Money::new(r.get(3)?, Currency::Dkk),
                    note: r.get(5)?,
                    at_ms: r.get(6)?,
                    backend: Backend::Sandbox,
                },
            ))
        })?;
        rows.map(|r| {
            let (currency, backend, mut item) = r?;
            let currency = currency
                .parse::<Currency>()
                .map_err(|_| JournalError::Corrupt(format!("unknown currency {currency:?}")))?;
            item.amount = Money::new(item.amount.minor, currency);
            item.backend = Backend::parse(&backend)?;
            Ok(item)
        })
        .collect()
    }

    /// The attempts of a sale already flagged for a person to act on.
    pub fn flagged_attempts(&self, sale_id: &str) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT attempt_id FROM events
             WHERE sale_id = ?1 AND kind = 'needs_attention' AND attempt_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([sale_id], |r| r.get(0))?;
        rows.map(|r| r.map_err(JournalError::from)).collect()
    }
}

/// Resolves the open note about `payment_id` in this transaction (see
/// [`Journal::resolve_attention`]). Returns the sale's id.
pub(crate) fn resolve_note(
    tx: &rusqlite::Connection,
    payment_id: &str,
    note: &str,
    at_ms: i64,
) -> Result<String> {
    let (sale_id, attempt_id) = open_note_of_payment(tx, payment_id)?.ok_or_else(|| {
        JournalError::NotFound(format!(
            "no open needs-attention note for payment {payment_id}"
        ))
    })?;
    event(
        tx,
        &sale_id,
        Some(attempt_id),
        at_ms,
        "attention_resolved",
        note,
    )?;
    tx.execute(
        &format!(
            "UPDATE sales SET attention = NULL WHERE id = ?1 AND NOT EXISTS (
                 SELECT 1 FROM events e WHERE e.sale_id = ?1 AND {UNRESOLVED_NOTE})"
        ),
        params![sale_id],
    )?;
    Ok(sale_id)
}

/// The open needs-attention note about `payment_id`: its sale and attempt.
pub(crate) fn open_note_of_payment(
    tx: &rusqlite::Connection,
    payment_id: &str,
) -> Result<Option<(String, i64)>> {
    Ok(tx
        .query_row(
            &format!(
                "SELECT e.sale_id, e.attempt_id FROM events e
                 JOIN attempts a ON a.id = e.attempt_id
                 WHERE a.payment_id = ?1 AND {UNRESOLVED_NOTE}
                 ORDER BY e.id DESC LIMIT 1"
            ),
            params![payment_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// An event `e` that is a needs-attention note no later `attention_resolved` event of the
/// same sale and attempt answers.
const UNRESOLVED_NOTE: &str = "e.kind = 'needs_attention'
    AND NOT EXISTS (SELECT 1 FROM events r
                    WHERE r.kind = 'attention_resolved' AND r.sale_id = e.sale_id
                      AND r.attempt_id IS e.attempt_id AND r.id > e.id)";
