//! Prints of a receipt: the first is the original, every later one a copy (COPY 1, 2, ...),
//! counted gapless per receipt and in the running totals (copies) in the same transaction.

use rusqlite::params;

use crate::{Backend, Journal, JournalError, Result};

impl Journal {
    /// How many times the receipt was printed so far (0: never).
    pub fn prints_of(&self, till: &str, series: Backend, number: i64) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM receipt_prints WHERE till = ?1 AND training = ?2 AND number = ?3",
            params![till, series.is_training(), number],
            |r| r.get(0),
        )?)
    }

    /// Records one print of the receipt (`via`: "printer 10.0.0.5:9100", "pdf", "dialog")
    /// and returns which one it is: 1 is the original, n > 1 is COPY n - 1.
    /// [`JournalError::NotFound`] for a receipt not in the journal.
    pub fn record_print(
        &mut self,
        till: &str,
        series: Backend,
        number: i64,
        via: &str,
        at_ms: i64,
    ) -> Result<u32> {
        let training = series.is_training();
        let via = if via.trim().is_empty() {
            "unknown"
        } else {
            via.trim()
        };
        let employee = self.stamp.employee.clone();
        self.write(|tx| {
            let exists = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM receipts
                                WHERE till = ?1 AND training = ?2 AND number = ?3)",
                params![till, training, number],
                |r| r.get::<_, bool>(0),
            )?;
            if !exists {
                return Err(JournalError::NotFound(format!("receipt {number}")));
            }
            let nth: u32 = tx.query_row(
                "INSERT INTO receipt_prints (till, training, number, nth, via, at)
                 VALUES (?1, ?2, ?3,
                         (SELECT COALESCE(MAX(nth), 0) + 1 FROM receipt_prints
                          WHERE till = ?1 AND training = ?2 AND number = ?3),
                         ?4, ?5)
                 RETURNING nth",
                params![till, training, number, via, at_ms],
                |r| r.get(0),
            )?;
            let (code, detail) = match nth {
                1 => (
                    crate::seal::event_code::RECEIPT_PRINTED,
                    format!("receipt {number} printed ({via})"),
                ),
                n => (
                    crate::seal::event_code::COPY_RECEIPT,
                    format!("copy {} of receipt {number} ({via})", n - 1),
                ),
            };
            crate::seal::journal_event(
                tx,
                employee.as_deref(),
                &crate::NewJournalEvent {
                    code,
                    at_ms,
                    training,
                    detail: &detail,
                    receipt: Some(number),
                },
            )?;
            Ok(nth)
        })
    }
}
