//! Row mapping: the SELECTs of sales and attempts and the rows they read into records.

use kassa_money::{Currency, Money};
use rusqlite::{Connection, OptionalExtension, Row};

use crate::{AttemptRecord, AttemptState, Backend, JournalError, Result, SaleRecord, SaleState};

pub(crate) const SALE_SELECT: &str =
    "SELECT s.id, s.amount_minor, s.currency, s.reference, s.state, s.created_at,
        s.ended_at, s.paid_payment_id, s.attention,
        (SELECT COUNT(*) FROM attempts a WHERE a.sale_id = s.id), s.backend
    FROM sales s";

pub(crate) const ATTEMPT_SELECT: &str =
    "SELECT id, sale_id, seq, state, reference, payment_id, authorization_url,
        requested_at, expires_at, status, is_final
    FROM attempts";

pub(crate) fn sale_row(r: &Row<'_>) -> rusqlite::Result<Result<SaleRecord>> {
    let currency: String = r.get(2)?;
    let state: String = r.get(4)?;
    let currency = match currency.parse::<Currency>() {
        Ok(c) => c,
        Err(_) => {
            return Ok(Err(JournalError::Corrupt(format!(
                "unknown currency {currency:?}"
            ))));
        }
    };
    let state = match SaleState::parse(&state) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let backend: String = r.get(10)?;
    let backend = match Backend::parse(&backend) {
        Ok(b) => b,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(SaleRecord {
        id: r.get(0)?,
        amount: Money::new(r.get(1)?, currency),
        reference: r.get(3)?,
        state,
        created_at_ms: r.get(5)?,
        ended_at_ms: r.get(6)?,
        paid_payment_id: r.get(7)?,
        attention: r.get(8)?,
        attempts: r.get(9)?,
        backend,
    }))
}

pub(crate) fn attempt_row(r: &Row<'_>) -> rusqlite::Result<Result<AttemptRecord>> {
    let state: String = r.get(3)?;
    let state = match AttemptState::parse(&state) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(AttemptRecord {
        id: r.get(0)?,
        sale_id: r.get(1)?,
        seq: r.get(2)?,
        state,
        reference: r.get(4)?,
        payment_id: r.get(5)?,
        authorization_url: r.get(6)?,
        requested_at_ms: r.get(7)?,
        expires_at_ms: r.get(8)?,
        status: r.get(9)?,
        is_final: r.get(10)?,
    }))
}

pub(crate) fn attempt_by_id(conn: &Connection, id: i64) -> Result<AttemptRecord> {
    conn.query_row(
        &format!("{ATTEMPT_SELECT} WHERE id = ?1"),
        [id],
        attempt_row,
    )?
}

pub(crate) fn sale_of(conn: &Connection, attempt_id: i64) -> Result<String> {
    conn.query_row(
        "SELECT sale_id FROM attempts WHERE id = ?1",
        [attempt_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| JournalError::NotFound(format!("attempt {attempt_id}")))
}
