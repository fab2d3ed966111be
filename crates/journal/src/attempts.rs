//! Writing attempts (one per accept call): the intent, Aiia's answer, and the statuses read.

use rusqlite::params;

use crate::rows::{attempt_by_id, sale_of};
use crate::write::event;
use crate::{AttemptRecord, AttemptState, Journal, Result};

impl Journal {
    /// Writes the intent of an accept call before it is sent. Returns the attempt id.
    /// An intent (see [`Journal::write_intent`]): its link is shown only after
    /// [`Journal::attempt_created`], whose full write makes both durable.
    pub fn begin_attempt(
        &mut self,
        sale_id: &str,
        reference: &str,
        at_ms: i64,
    ) -> Result<AttemptRecord> {
        self.write_intent(|tx| {
            let seq: i64 = tx.query_row(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM attempts WHERE sale_id = ?1",
                [sale_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO attempts (sale_id, seq, state, reference, requested_at)
                 VALUES (?1, ?2, 'requested', ?3, ?4)",
                params![sale_id, seq, reference, at_ms],
            )?;
            let id = tx.last_insert_rowid();
            event(tx, sale_id, Some(id), at_ms, "attempt_requested", reference)?;
            attempt_by_id(tx, id)
        })
    }

    /// Records Aiia's answer to an accept call.
    pub fn attempt_created(
        &mut self,
        attempt_id: i64,
        payment_id: &str,
        authorization_url: &str,
        at_ms: i64,
        expires_at_ms: i64,
    ) -> Result<AttemptRecord> {
        self.write(|tx| {
            let sale_id = sale_of(tx, attempt_id)?;
            tx.execute(
                "UPDATE attempts SET state = 'created', payment_id = ?2, authorization_url = ?3,
                        created_at = ?4, expires_at = ?5
                 WHERE id = ?1",
                params![
                    attempt_id,
                    payment_id,
                    authorization_url,
                    at_ms,
                    expires_at_ms
                ],
            )?;
            event(
                tx,
                &sale_id,
                Some(attempt_id),
                at_ms,
                "attempt_created",
                payment_id,
            )?;
            attempt_by_id(tx, attempt_id)
        })
    }

    /// Records that an accept call did not give a payment: `Refused` when Aiia said no,
    /// `Unknown` when the outcome was lost on the way.
    pub fn attempt_not_created(
        &mut self,
        attempt_id: i64,
        state: AttemptState,
        error: &str,
        at_ms: i64,
    ) -> Result<()> {
        self.write(|tx| {
            let sale_id = sale_of(tx, attempt_id)?;
            let is_final = state == AttemptState::Refused;
            tx.execute(
                "UPDATE attempts SET state = ?2, error = ?3, is_final = ?4 WHERE id = ?1",
                params![attempt_id, state.as_str(), error, is_final],
            )?;
            event(
                tx,
                &sale_id,
                Some(attempt_id),
                at_ms,
                &format!("attempt_{}", state.as_str()),
                error,
            )
        })
    }

    /// Records a status read from Aiia, with no consequence for the sale. Writes only a
    /// change (a final status never changes); returns whether it changed.
    pub fn record_status(
        &mut self,
        attempt_id: i64,
        status: &str,
        is_final: bool,
        at_ms: i64,
    ) -> Result<bool> {
        let written =
            self.record_status_then(attempt_id, status, is_final, at_ms, crate::Then::Nothing)?;
        Ok(written.changed)
    }
}
