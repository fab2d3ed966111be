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
    // 4: the till this journal is, a sale's lines, and numbered receipts.
    //
    // A till has one journal, so the journal is the till: `till` holds its one id, drawn
    // at random when the table is made and never changed (a copy of the journal is the same
    // till). Receipts carry it so that receipts of several tills can later be put side by
    // side; a till's display name is the merchant profile's, not the journal's.
    //
    // `sale_lines` are written with the sale and never change. A sale without rows was
    // opened as one plain amount (before this schema, or without lines): readers take it as
    // one line of the whole amount with no VAT information.
    //
    // `receipts` are numbered gapless per till and series: the live series (training = 0)
    // and the training series (training = 1, sales on the sandbox backend) each count
    // 1, 2, 3... on their own, so a training sale never takes a live number. A receipt is
    // written in the transaction that ends its sale paid, takes the next number of its
    // series (a trigger refuses any other), and is never changed or deleted. A return's
    // receipt has its own kind and a negative total, in the same series. Sales paid before
    // this schema have no receipt.
    "CREATE TABLE till (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        id   TEXT NOT NULL CHECK (length(id) > 0)
    ) STRICT;
    INSERT INTO till (only, id) VALUES (1, lower(hex(randomblob(8))));
    CREATE TRIGGER till_stays BEFORE UPDATE ON till
        BEGIN SELECT RAISE(ABORT, 'a journal is one till for good: its id never changes'); END;
    CREATE TRIGGER till_not_deleted BEFORE DELETE ON till
        BEGIN SELECT RAISE(ABORT, 'a journal is one till for good: its id never changes'); END;

    CREATE TABLE sale_lines (
        sale_id          TEXT NOT NULL REFERENCES sales (id),
        position         INTEGER NOT NULL CHECK (position >= 1),
        text             TEXT NOT NULL CHECK (length(trim(text)) > 0),
        quantity         INTEGER NOT NULL CHECK (quantity >= 1),
        unit_gross_minor INTEGER NOT NULL CHECK (unit_gross_minor > 0),
        currency         TEXT NOT NULL,
        vat_bp           INTEGER NOT NULL CHECK (vat_bp BETWEEN 0 AND 5000),
        saft_code        INTEGER NOT NULL CHECK (saft_code BETWEEN 0 AND 255),
        PRIMARY KEY (sale_id, position)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines
        BEGIN SELECT RAISE(ABORT, 'a sale''s lines are append-only: they never change'); END;
    CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines
        BEGIN SELECT RAISE(ABORT, 'a sale''s lines are append-only: they never change'); END;

    CREATE TABLE receipts (
        till          TEXT NOT NULL,
        training      INTEGER NOT NULL CHECK (training IN (0, 1)),
        number        INTEGER NOT NULL CHECK (number >= 1),
        kind          TEXT NOT NULL CHECK (kind IN ('sale','return')),
        sale_id       TEXT NOT NULL REFERENCES sales (id),
        created_at    INTEGER NOT NULL,
        total_minor   INTEGER NOT NULL
            CHECK ((kind = 'sale' AND total_minor > 0) OR (kind = 'return' AND total_minor < 0)),
        currency      TEXT NOT NULL,
        tender        TEXT NOT NULL CHECK (tender IN ('bank','cash','card')),
        tender_detail TEXT,
        PRIMARY KEY (till, training, number)
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX receipts_one_per_sale ON receipts (sale_id) WHERE kind = 'sale';
    CREATE TRIGGER receipts_gapless BEFORE INSERT ON receipts
        WHEN NEW.number IS NOT (SELECT COALESCE(MAX(number), 0) + 1 FROM receipts
                                WHERE till = NEW.till AND training = NEW.training)
        BEGIN SELECT RAISE(ABORT, 'receipt numbers are gapless: this is not the next number of its till and series'); END;
    CREATE TRIGGER receipts_of_paid_sales BEFORE INSERT ON receipts
        WHEN NEW.kind = 'sale'
         AND (SELECT state FROM sales WHERE id = NEW.sale_id) IS NOT 'paid'
        BEGIN SELECT RAISE(ABORT, 'a sale receipt is only for a paid sale'); END;
    CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
        BEGIN SELECT RAISE(ABORT, 'receipts are append-only: a receipt is never changed'); END;
    CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
        BEGIN SELECT RAISE(ABORT, 'receipts are append-only: a receipt is never deleted'); END;",
    // 5: the books (issue 11): what a receipt says about its tender and its return, and
    // (below) VAT per receipt, returns, bank refunds, prints, running totals and Z reports.
    // docs/books.md describes the tables.
    //
    // A cash receipt keeps what the customer gave; a card receipt keeps the terminal's
    // reference in `tender_detail` (as a bank receipt keeps its payment id). A return's
    // receipt names the sale receipt it returns (`return_of`, a number of the same till and
    // series) and the reason the cashier gave. Receipts paid before this schema have none.
    "ALTER TABLE receipts ADD COLUMN cash_given_minor INTEGER
        CHECK (cash_given_minor IS NULL OR cash_given_minor > 0);
    ALTER TABLE receipts ADD COLUMN return_of INTEGER;
    ALTER TABLE receipts ADD COLUMN reason TEXT;",
];

/// The first schema, as Kassa 0.1 wrote it (tests build old journals from it).
#[cfg(test)]
pub(crate) const V1: &str = MIGRATIONS[0];

/// The migrations up to and including schema `n` (tests build old journals from them).
#[cfg(test)]
pub(crate) fn up_to(n: usize) -> &'static [&'static str] {
    &MIGRATIONS[..n]
}

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
