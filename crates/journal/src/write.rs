//! The two kinds of write transaction every write goes through, and the event log's append.

use rusqlite::{Connection, TransactionBehavior, params};

use crate::{CrashPoint, Journal, Result};

impl Journal {
    /// One durable write: an IMMEDIATE transaction, committed (and the WAL synced to disk,
    /// `synchronous=FULL`) before returning.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        self.crash.reached(CrashPoint::JournalWrite);
        tx.commit()?;
        Ok(out)
    }

    /// An intent written before a network call whose result nobody can act on until a
    /// later [`Journal::write`] records it: an IMMEDIATE transaction committed to the WAL
    /// without waiting for the disk (`synchronous=NORMAL` for this commit only). It is
    /// atomic and survives a crash of Kassa at once (the WAL is written before the commit
    /// returns); only an OS crash or power cut before the next full write can lose it, and
    /// then it is lost together with everything after it, never half. The next full write
    /// syncs the WAL and with it every intent before. This saves one disk sync per write on
    /// the charge path (BENCHMARKS.md, "Charge pressed → QR ready").
    pub(crate) fn write_intent<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        let out = self.write(f);
        let restored = self.conn.pragma_update(None, "synchronous", "FULL");
        let out = out?;
        restored?;
        Ok(out)
    }
}

pub(crate) fn event(
    conn: &Connection,
    sale_id: &str,
    attempt_id: Option<i64>,
    at_ms: i64,
    kind: &str,
    detail: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO events (sale_id, attempt_id, at, kind, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![sale_id, attempt_id, at_ms, kind, detail],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::{Backend, Journal, NewSale};
    use kassa_money::{Currency, Money};

    fn synchronous(j: &Journal) -> i64 {
        j.conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn intents_are_committed_and_full_sync_is_restored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let mut j = Journal::open(&path).unwrap();
        assert_eq!(synchronous(&j), 2, "FULL");
        j.insert_sale(&NewSale {
            id: "s1",
            amount: Money::new(100, Currency::Dkk),
            reference: None,
            at_ms: 1,
            backend: Backend::Live,
        })
        .unwrap();
        let a = j.begin_attempt("s1", "K1", 2).unwrap();
        assert_eq!(synchronous(&j), 2, "FULL again after the intents");
        // A failed intent restores FULL too.
        assert!(j.begin_attempt("nope", "K1", 3).is_err());
        assert_eq!(synchronous(&j), 2);
        drop(j);
        // Committed: another connection sees both intents.
        let j = Journal::open(&path).unwrap();
        assert_eq!(j.sale("s1").unwrap().unwrap().attempts, 1);
        assert_eq!(j.attempts("s1").unwrap()[0].id, a.id);
    }
}
