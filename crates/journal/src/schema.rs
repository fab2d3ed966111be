//! Schema migrations: numbered SQL scripts applied in order, all pending ones in a single
//! transaction, tracked with `PRAGMA user_version`. A newer schema than this binary knows is
//! refused so an older Kassa never writes to a journal it does not understand.

use rusqlite::{Connection, TransactionBehavior};

use crate::{JournalError, Result};

const MIGRATIONS: &[&str] = &[
    // 1: sales, attempts, append-only events.
    "CREATE TABLE sales (
        id              TEXT PRIMARY KEY,
        amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
        currency        TEXT NOT NULL,
        reference       TEXT,
        state           TEXT NOT NULL CHECK (state IN ('open','paid','failed','cancelled')),
        created_at      INTEGER NOT NULL,
        ended_at        INTEGER,
        paid_payment_id TEXT,
        attention       TEXT
    ) STRICT;
    CREATE INDEX sales_created ON sales (created_at);
    CREATE INDEX sales_open ON sales (state) WHERE state = 'open';

    CREATE TABLE attempts (
        id                INTEGER PRIMARY KEY,
        sale_id           TEXT NOT NULL REFERENCES sales (id),
        seq               INTEGER NOT NULL,
        state             TEXT NOT NULL CHECK (state IN ('requested','created','refused','unknown')),
        reference         TEXT NOT NULL,
        payment_id        TEXT UNIQUE,
        authorization_url TEXT,
        requested_at      INTEGER NOT NULL,
        created_at        INTEGER,
        expires_at        INTEGER,
        status            TEXT,
        is_final          INTEGER NOT NULL DEFAULT 0,
        error             TEXT,
        UNIQUE (sale_id, seq)
    ) STRICT;
    CREATE INDEX attempts_unfinished ON attempts (is_final) WHERE is_final = 0;

    CREATE TABLE events (
        id         INTEGER PRIMARY KEY,
        sale_id    TEXT NOT NULL REFERENCES sales (id),
        attempt_id INTEGER REFERENCES attempts (id),
        at         INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        detail     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX events_sale ON events (sale_id, id);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;",
    // 2: the backend each sale ran on, so sandbox (training) money never counts as real.
    // A sale written before the column existed ran on an unknown backend. It is taken as
    // live only on positive evidence: one of its attempts has a payment link from real
    // Aiia (HTTPS, and not a Kassa sandbox page: Kassa's sandbox serves plain HTTP and its
    // links are `.../sandbox/authorize/...`). Every other old sale is sandbox. So an old
    // sandbox sale never lands in the live books; a live sale without any link (every
    // accept call refused or lost) had no payment anyone could pay, so reading it as
    // sandbox moves no money out of the books. The column's default is sandbox too: a row
    // that does not say where it ran never counts as real money.
    "ALTER TABLE sales ADD COLUMN backend TEXT NOT NULL DEFAULT 'sandbox'
        CHECK (backend IN ('sandbox','live'));
    UPDATE sales SET backend = 'live' WHERE EXISTS (
        SELECT 1 FROM attempts a
        WHERE a.sale_id = sales.id
          AND a.authorization_url LIKE 'https://%'
          AND a.authorization_url NOT LIKE '%/sandbox/authorize/%');",
    // 3: a final payment status never changes, whoever writes.
    "CREATE TRIGGER attempts_final_stays BEFORE UPDATE OF status, is_final ON attempts
        WHEN OLD.is_final = 1 AND (NEW.is_final = 0 OR NEW.status IS NOT OLD.status)
        BEGIN SELECT RAISE(ABORT, 'a final payment status never changes'); END;",
];

/// The first schema, as Kassa 0.1 wrote it (tests build old journals from it).
#[cfg(test)]
pub(crate) const V1: &str = MIGRATIONS[0];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(JournalError::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Re-read under the write lock: another process may have migrated meanwhile.
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
