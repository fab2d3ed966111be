//! A payment status and what it means for the books, in one transaction: a status that pays
//! the sale, ends it unpaid, or flags a payment for a person is never written without its
//! consequence (and never the other way round), a sale paid gets its numbered receipt in
//! that same transaction, and a final status never changes again
//! (guarded here in the `UPDATE`, and by a trigger for any other writer).

use rusqlite::{OptionalExtension, params};

use crate::receipts::issue_receipt;
use crate::rows::sale_of;
use crate::write::event;
use crate::{Journal, Result, SaleState, Tender};

/// What a status means for the books, written with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then<'a> {
    /// Nothing beyond the status.
    Nothing,
    /// The payment pays the open sale.
    Pay {
        payment_id: &'a str,
        detail: &'a str,
    },
    /// The open sale ends unpaid (declined, failed).
    Fail { detail: &'a str },
    /// A person must act on this payment (a second payment, an amount that does not
    /// match). Written once per attempt, however often it is asked for.
    Flag { note: &'a str },
}

/// What [`Journal::record_status_then`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusWrite {
    /// The status was new and is written.
    pub changed: bool,
    /// The attempt already had a final status: nothing was written, the status is kept.
    pub refused_final: bool,
    /// What the consequence did.
    pub then: ThenDone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThenDone {
    /// [`Then::Nothing`], or a flag that was already written.
    Nothing,
    /// The sale was paid or ended unpaid; or the attempt flagged.
    Done,
    /// The sale had already ended (another path ended it): a payment that would have paid
    /// it was flagged for a person instead, never ignored; an unpaid end changes nothing.
    AlreadyEnded { state: SaleState, flagged: bool },
}

impl Journal {
    /// Records a status read from Aiia and its consequence in one durable transaction.
    /// A status equal to the one recorded writes nothing (the consequence is still applied:
    /// a crash may have come between an older Kassa's two writes). A final status is never
    /// replaced by another one.
    pub fn record_status_then(
        &mut self,
        attempt_id: i64,
        status: &str,
        is_final: bool,
        at_ms: i64,
        then: Then<'_>,
    ) -> Result<StatusWrite> {
        let stamp = self.stamp.clone();
        self.write(|tx| {
            let sale_id = sale_of(tx, attempt_id)?;
            let (old_status, old_final): (Option<String>, bool) = tx.query_row(
                "SELECT status, is_final FROM attempts WHERE id = ?1",
                [attempt_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let refused_final =
                old_final && (old_status.as_deref() != Some(status) || !is_final);
            if refused_final {
                return Ok(StatusWrite {
                    changed: false,
                    refused_final: true,
                    then: ThenDone::Nothing,
                });
            }
            let n = tx.execute(
                "UPDATE attempts SET status = ?2, is_final = ?3
                 WHERE id = ?1 AND is_final = 0
                   AND (status IS NULL OR status <> ?2 OR is_final <> ?3)",
                params![attempt_id, status, is_final],
            )?;
            if n == 1 {
                event(tx, &sale_id, Some(attempt_id), at_ms, "status", status)?;
            }
            let done = match then {
                Then::Nothing => ThenDone::Nothing,
                Then::Pay { payment_id, detail } => {
                    let ended = tx.execute(
                        "UPDATE sales SET state = 'paid', ended_at = ?2, paid_payment_id = ?3
                         WHERE id = ?1 AND state = 'open'",
                        params![sale_id, at_ms, payment_id],
                    )?;
                    if ended == 1 {
                        event(tx, &sale_id, None, at_ms, "sale_paid", detail)?;
                        // The sale's receipt, numbered in this same transaction.
                        issue_receipt(tx, &stamp, &sale_id, Tender::Bank, Some(payment_id), None, at_ms)?;
                        ThenDone::Done
                    } else {
                        let state = sale_state(tx, &sale_id)?;
                        let paid_by: Option<String> = tx.query_row(
                            "SELECT paid_payment_id FROM sales WHERE id = ?1",
                            [&sale_id],
                            |r| r.get(0),
                        )?;
                        if paid_by.as_deref() == Some(payment_id) {
                            // Paid by this very payment already: nothing to flag.
                            ThenDone::AlreadyEnded {
                                state,
                                flagged: false,
                            }
                        } else {
                            let note = format!(
                                "Payment {payment_id} was executed after the sale had already ended ({}). Refund it or charge it to the sale.",
                                state.as_str()
                            );
                            let flagged = flag(tx, &sale_id, attempt_id, &note, at_ms)?;
                            ThenDone::AlreadyEnded { state, flagged }
                        }
                    }
                }
                Then::Fail { detail } => {
                    let ended = tx.execute(
                        "UPDATE sales SET state = 'failed', ended_at = ?2
                         WHERE id = ?1 AND state = 'open'",
                        params![sale_id, at_ms],
                    )?;
                    if ended == 1 {
                        event(tx, &sale_id, None, at_ms, "sale_failed", detail)?;
                        ThenDone::Done
                    } else {
                        ThenDone::AlreadyEnded {
                            state: sale_state(tx, &sale_id)?,
                            flagged: false,
                        }
                    }
                }
                Then::Flag { note } => {
                    if flag(tx, &sale_id, attempt_id, note, at_ms)? {
                        ThenDone::Done
                    } else {
                        ThenDone::Nothing
                    }
                }
            };
            Ok(StatusWrite {
                changed: n == 1,
                refused_final: false,
                then: done,
            })
        })
    }

    /// The payment service no longer knows a payment Kassa followed (it answered "not
    /// found" for as long as a bank session could last): the attempt is kept as `unknown`
    /// (visible, never dropped, no longer read) and a person is asked to check it.
    pub fn attempt_lost(&mut self, attempt_id: i64, note: &str, at_ms: i64) -> Result<()> {
        self.write(|tx| {
            let sale_id = sale_of(tx, attempt_id)?;
            tx.execute(
                "UPDATE attempts SET state = 'unknown', error = ?2 WHERE id = ?1 AND is_final = 0",
                params![attempt_id, note],
            )?;
            event(
                tx,
                &sale_id,
                Some(attempt_id),
                at_ms,
                "attempt_unknown",
                note,
            )?;
            flag(tx, &sale_id, attempt_id, note, at_ms)?;
            Ok(())
        })
    }
}

fn sale_state(tx: &rusqlite::Connection, sale_id: &str) -> Result<SaleState> {
    let state: String = tx.query_row("SELECT state FROM sales WHERE id = ?1", [sale_id], |r| {
        r.get(0)
    })?;
    SaleState::parse(&state)
}

/// A needs-attention note about one attempt, written once: false when one is there already.
fn flag(
    tx: &rusqlite::Connection,
    sale_id: &str,
    attempt_id: i64,
    note: &str,
    at_ms: i64,
) -> Result<bool> {
    let already: Option<i64> = tx
        .query_row(
            "SELECT id FROM events WHERE attempt_id = ?1 AND kind = 'needs_attention' LIMIT 1",
            [attempt_id],
            |r| r.get(0),
        )
        .optional()?;
    if already.is_some() {
        return Ok(false);
    }
    crate::attention::append_note(tx, sale_id, Some(attempt_id), note, at_ms)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::NewSale;
    use kassa_money::{Currency, Money};

    fn sale_with_attempt(j: &mut Journal, id: &str, pid: &str) -> i64 {
        j.insert_sale(&NewSale {
            id,
            amount: Money::new(500, Currency::Dkk),
            reference: None,
            at_ms: 1,
            backend: crate::Backend::Live,
        })
        .unwrap();
        let a = j.begin_attempt(id, "K1", 2).unwrap();
        j.attempt_created(a.id, pid, "https://bank/x", 3, 60_003)
            .unwrap();
        a.id
    }

    #[test]
    fn a_final_status_never_goes_back_nor_changes() {
        let mut j = Journal::open_in_memory().unwrap();
        let a = sale_with_attempt(&mut j, "s1", "p1");
        let w = j
            .record_status_then(a, "Rejected", true, 10, Then::Nothing)
            .unwrap();
        assert!(w.changed && !w.refused_final);
        for (status, is_final) in [("AwaitingAuthorization", false), ("Executed", true)] {
            let w = j
                .record_status_then(a, status, is_final, 11, Then::Nothing)
                .unwrap();
            assert!(w.refused_final, "{status}");
            assert!(!w.changed);
        }
        let a = &j.attempts("s1").unwrap()[0];
        assert_eq!((a.status.as_deref(), a.is_final), (Some("Rejected"), true));
        // The plain writer is refused the same way.
        assert!(!j.record_status(a.id, "Initiated", false, 12).unwrap());
        // And any other writer by the trigger.
        let err = j
            .conn
            .execute(
                "UPDATE attempts SET status = 'Initiated', is_final = 0 WHERE id = ?1",
                [a.id],
            )
            .unwrap_err();
        assert!(err.to_string().contains("final"), "{err}");
    }

    #[test]
    fn an_executed_status_and_the_paid_sale_are_one_write() {
        let mut j = Journal::open_in_memory().unwrap();
        let a = sale_with_attempt(&mut j, "s1", "p1");
        // A failure inside the transaction (here: the sale row is gone from the
        // transaction's view by a trigger that aborts) leaves neither.
        j.conn
            .execute_batch(
                "CREATE TEMP TRIGGER boom BEFORE UPDATE OF state ON sales
                 BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
            )
            .unwrap();
        let then = Then::Pay {
            payment_id: "p1",
            detail: "paid",
        };
        assert!(j.record_status_then(a, "Executed", true, 10, then).is_err());
        let at = &j.attempts("s1").unwrap()[0];
        assert_eq!((at.status.as_deref(), at.is_final), (None, false));
        assert_eq!(j.sale("s1").unwrap().unwrap().state, SaleState::Open);
        j.conn.execute_batch("DROP TRIGGER temp.boom").unwrap();
        let w = j.record_status_then(a, "Executed", true, 10, then).unwrap();
        assert_eq!(w.then, ThenDone::Done);
        let s = j.sale("s1").unwrap().unwrap();
        assert_eq!(
            (s.state, s.paid_payment_id.as_deref()),
            (SaleState::Paid, Some("p1"))
        );
    }

    #[test]
    fn paying_a_sale_another_path_ended_flags_the_payment_instead() {
        let mut j = Journal::open_in_memory().unwrap();
        let a = sale_with_attempt(&mut j, "s1", "p1");
        assert!(
            j.end_sale("s1", SaleState::Cancelled, None, 5, "cashier")
                .unwrap()
        );
        let then = Then::Pay {
            payment_id: "p1",
            detail: "paid",
        };
        let w = j.record_status_then(a, "Executed", true, 10, then).unwrap();
        assert_eq!(
            w.then,
            ThenDone::AlreadyEnded {
                state: SaleState::Cancelled,
                flagged: true
            }
        );
        let items = j.attention_items().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].payment_id.as_deref(), Some("p1"));
        assert!(items[0].note.contains("cancelled"), "{}", items[0].note);
        // Asked again (a retry): flagged once only.
        let w = j.record_status_then(a, "Executed", true, 11, then).unwrap();
        assert_eq!(
            w.then,
            ThenDone::AlreadyEnded {
                state: SaleState::Cancelled,
                flagged: false
            }
        );
        assert_eq!(j.attention_items().unwrap().len(), 1);
    }

    #[test]
    fn a_lost_payment_stays_visible_as_unknown_and_asks_a_person() {
        let mut j = Journal::open_in_memory().unwrap();
        let a = sale_with_attempt(&mut j, "s1", "p1");
        j.attempt_lost(a, "Aiia no longer knows payment p1", 9)
            .unwrap();
        let at = &j.attempts("s1").unwrap()[0];
        assert_eq!(at.state, crate::AttemptState::Unknown);
        assert_eq!(at.payment_id.as_deref(), Some("p1"));
        assert_eq!(j.attention_items().unwrap().len(), 1);
    }
}
