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
    ALTER TABLE receipts ADD COLUMN reason TEXT;
    CREATE INDEX receipts_of_sale ON receipts (sale_id);
    CREATE INDEX receipts_created ON receipts (training, created_at);

    -- VAT per receipt and rate, written with the receipt (one rounding rule,
    -- kassa_money::vat_of_gross, per group of one rate and SAF-T code). A receipt of a sale
    -- without lines has one row without a rate: no VAT recorded (net = gross, VAT 0).
    -- Return receipts' rows are negative.
    CREATE TABLE receipt_vat (
        till        TEXT NOT NULL,
        training    INTEGER NOT NULL,
        number      INTEGER NOT NULL,
        position    INTEGER NOT NULL CHECK (position >= 1),
        vat_bp      INTEGER CHECK (vat_bp IS NULL OR vat_bp BETWEEN 0 AND 5000),
        saft_code   INTEGER CHECK (saft_code IS NULL OR saft_code BETWEEN 0 AND 255),
        net_minor   INTEGER NOT NULL,
        vat_minor   INTEGER NOT NULL,
        gross_minor INTEGER NOT NULL CHECK (net_minor + vat_minor = gross_minor),
        PRIMARY KEY (till, training, number, position),
        FOREIGN KEY (till, training, number) REFERENCES receipts (till, training, number)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER receipt_vat_no_update BEFORE UPDATE ON receipt_vat
        BEGIN SELECT RAISE(ABORT, 'a receipt''s VAT is append-only: it never changes'); END;
    CREATE TRIGGER receipt_vat_no_delete BEFORE DELETE ON receipt_vat
        BEGIN SELECT RAISE(ABORT, 'a receipt''s VAT is append-only: it never changes'); END;

    -- The lines a return gave back (positive, as returned), under the return's receipt.
    -- A return of a sale without lines has lines without VAT information.
    CREATE TABLE return_lines (
        till             TEXT NOT NULL,
        training         INTEGER NOT NULL,
        number           INTEGER NOT NULL,
        position         INTEGER NOT NULL CHECK (position >= 1),
        text             TEXT NOT NULL CHECK (length(trim(text)) > 0),
        quantity         INTEGER NOT NULL CHECK (quantity >= 1),
        unit_gross_minor INTEGER NOT NULL CHECK (unit_gross_minor > 0),
        currency         TEXT NOT NULL,
        vat_bp           INTEGER CHECK (vat_bp IS NULL OR vat_bp BETWEEN 0 AND 5000),
        saft_code        INTEGER CHECK (saft_code IS NULL OR saft_code BETWEEN 0 AND 255),
        PRIMARY KEY (till, training, number, position),
        FOREIGN KEY (till, training, number) REFERENCES receipts (till, training, number)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER return_lines_no_update BEFORE UPDATE ON return_lines
        BEGIN SELECT RAISE(ABORT, 'a return''s lines are append-only: they never change'); END;
    CREATE TRIGGER return_lines_no_delete BEFORE DELETE ON return_lines
        BEGIN SELECT RAISE(ABORT, 'a return''s lines are append-only: they never change'); END;

    -- Money to send back by bank transfer (pay-by-bank returns, double payments): open
    -- until the merchant marks it sent; then it never changes. Never deleted.
    CREATE TABLE bank_refunds (
        id            INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('return','double_payment')),
        sale_id       TEXT REFERENCES sales (id),
        training      INTEGER NOT NULL CHECK (training IN (0, 1)),
        return_number INTEGER,
        payment_id    TEXT NOT NULL CHECK (length(payment_id) > 0),
        amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
        currency      TEXT NOT NULL,
        payer         TEXT,
        state         TEXT NOT NULL CHECK (state IN ('open','sent')),
        created_at    INTEGER NOT NULL,
        sent_at       INTEGER,
        note          TEXT,
        CHECK ((state = 'open') = (sent_at IS NULL)),
        CHECK ((kind = 'return') = (return_number IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX bank_refunds_one_per_double ON bank_refunds (payment_id)
        WHERE kind = 'double_payment';
    CREATE INDEX bank_refunds_open ON bank_refunds (state) WHERE state = 'open';
    CREATE TRIGGER bank_refunds_open_to_sent BEFORE UPDATE ON bank_refunds
        WHEN NOT (OLD.state = 'open' AND NEW.state = 'sent'
                  AND NEW.id = OLD.id AND NEW.kind = OLD.kind
                  AND NEW.sale_id IS OLD.sale_id AND NEW.training = OLD.training
                  AND NEW.return_number IS OLD.return_number
                  AND NEW.payment_id = OLD.payment_id AND NEW.amount_minor = OLD.amount_minor
                  AND NEW.currency = OLD.currency AND NEW.payer IS OLD.payer
                  AND NEW.created_at = OLD.created_at)
        BEGIN SELECT RAISE(ABORT, 'a bank transfer only goes from open to sent, once'); END;
    CREATE TRIGGER bank_refunds_no_delete BEFORE DELETE ON bank_refunds
        BEGIN SELECT RAISE(ABORT, 'a bank transfer to make is never deleted'); END;

    -- Every print of a receipt: the first (nth = 1) is the original, every later one a
    -- copy numbered nth - 1. Gapless per receipt, append-only.
    CREATE TABLE receipt_prints (
        till     TEXT NOT NULL,
        training INTEGER NOT NULL,
        number   INTEGER NOT NULL,
        nth      INTEGER NOT NULL CHECK (nth >= 1),
        via      TEXT NOT NULL CHECK (length(trim(via)) > 0),
        at       INTEGER NOT NULL,
        PRIMARY KEY (till, training, number, nth),
        FOREIGN KEY (till, training, number) REFERENCES receipts (till, training, number)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER receipt_prints_gapless BEFORE INSERT ON receipt_prints
        WHEN NEW.nth IS NOT (SELECT COALESCE(MAX(nth), 0) + 1 FROM receipt_prints
                             WHERE till = NEW.till AND training = NEW.training
                               AND number = NEW.number)
        BEGIN SELECT RAISE(ABORT, 'prints of a receipt are counted gapless'); END;
    CREATE TRIGGER receipt_prints_no_update BEFORE UPDATE ON receipt_prints
        BEGIN SELECT RAISE(ABORT, 'a print of a receipt is never changed'); END;
    CREATE TRIGGER receipt_prints_no_delete BEFORE DELETE ON receipt_prints
        BEGIN SELECT RAISE(ABORT, 'a print of a receipt is never deleted'); END;

    -- Z reports: gapless per till and series, never changed. Z n closes period n: the
    -- receipts, cancels and copies since Z n - 1. The period's figures are the rows of
    -- period_totals with period = n, frozen once Z n exists; the grand totals are a
    -- snapshot at the close.
    CREATE TABLE z_reports (
        till                TEXT NOT NULL,
        training            INTEGER NOT NULL CHECK (training IN (0, 1)),
        number              INTEGER NOT NULL CHECK (number >= 1),
        closed_at           INTEGER NOT NULL,
        from_ms             INTEGER,
        first_receipt       INTEGER,
        last_receipt        INTEGER,
        currency            TEXT,
        grand_sales_minor   INTEGER NOT NULL,
        grand_returns_minor INTEGER NOT NULL,
        PRIMARY KEY (till, training, number)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER z_reports_gapless BEFORE INSERT ON z_reports
        WHEN NEW.number IS NOT (SELECT COALESCE(MAX(number), 0) + 1 FROM z_reports
                                WHERE till = NEW.till AND training = NEW.training)
        BEGIN SELECT RAISE(ABORT, 'Z numbers are gapless: this is not the next Z of its till and series'); END;
    CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'a Z report never changes'); END;
    CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
        BEGIN SELECT RAISE(ABORT, 'a Z report never changes'); END;

    -- Running totals per till, series and period (the next Z's number), kept by the
    -- triggers below in the very transaction that writes a receipt, its VAT, a cancel or a
    -- print, so an X or a Z reads a few rows, never the sales. One row per figure:
    --   kind 'receipts' (count, first and last number), 'sale' / 'return' (count, amount),
    --   'tender_sale' / 'tender_return' (per tender), 'vat' (per rate and code, -1 = no VAT
    --   recorded; net, vat, gross signed), 'cancelled', 'copies', and in the live series
    --   'training_sale' / 'training_return' (the training series' receipts meanwhile).
    -- Amounts of returns are positive in 'return' and 'tender_return'. Unused key columns
    -- hold '' or -1. A period's rows never change once its Z exists.
    CREATE TABLE period_totals (
        till         TEXT NOT NULL,
        training     INTEGER NOT NULL,
        period       INTEGER NOT NULL CHECK (period >= 1),
        kind         TEXT NOT NULL,
        tender       TEXT NOT NULL,
        vat_bp       INTEGER NOT NULL,
        saft_code    INTEGER NOT NULL,
        currency     TEXT NOT NULL,
        count        INTEGER NOT NULL DEFAULT 0,
        amount_minor INTEGER NOT NULL DEFAULT 0,
        net_minor    INTEGER NOT NULL DEFAULT 0,
        vat_minor    INTEGER NOT NULL DEFAULT 0,
        first_number INTEGER,
        last_number  INTEGER,
        PRIMARY KEY (till, training, period, kind, tender, vat_bp, saft_code, currency)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER period_totals_closed_insert BEFORE INSERT ON period_totals
        WHEN EXISTS (SELECT 1 FROM z_reports z WHERE z.till = NEW.till
                       AND z.training = NEW.training AND z.number = NEW.period)
        BEGIN SELECT RAISE(ABORT, 'this period is closed by its Z report and never changes'); END;
    CREATE TRIGGER period_totals_closed_update BEFORE UPDATE ON period_totals
        WHEN EXISTS (SELECT 1 FROM z_reports z WHERE z.till = OLD.till
                       AND z.training = OLD.training AND z.number = OLD.period)
          OR NEW.period IS NOT OLD.period
        BEGIN SELECT RAISE(ABORT, 'this period is closed by its Z report and never changes'); END;
    CREATE TRIGGER period_totals_no_delete BEFORE DELETE ON period_totals
        BEGIN SELECT RAISE(ABORT, 'running totals are never deleted'); END;

    -- Grand totals since the till started, per series and currency: they only grow.
    CREATE TABLE grand_totals (
        till          TEXT NOT NULL,
        training      INTEGER NOT NULL,
        currency      TEXT NOT NULL,
        sales_minor   INTEGER NOT NULL DEFAULT 0 CHECK (sales_minor >= 0),
        returns_minor INTEGER NOT NULL DEFAULT 0 CHECK (returns_minor >= 0),
        PRIMARY KEY (till, training, currency)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER grand_totals_only_grow BEFORE UPDATE ON grand_totals
        WHEN NEW.sales_minor < OLD.sales_minor OR NEW.returns_minor < OLD.returns_minor
          OR NEW.till IS NOT OLD.till OR NEW.training IS NOT OLD.training
          OR NEW.currency IS NOT OLD.currency
        BEGIN SELECT RAISE(ABORT, 'grand totals are never reset: they only grow'); END;
    CREATE TRIGGER grand_totals_no_delete BEFORE DELETE ON grand_totals
        BEGIN SELECT RAISE(ABORT, 'grand totals are never reset: they only grow'); END;

    CREATE TRIGGER totals_of_a_receipt AFTER INSERT ON receipts
    BEGIN
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count, first_number, last_number)
        VALUES (NEW.till, NEW.training,
                (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                 WHERE z.till = NEW.till AND z.training = NEW.training),
                'receipts', '', -1, -1, '', 1, NEW.number, NEW.number)
        ON CONFLICT DO UPDATE SET count = count + 1,
            first_number = COALESCE(first_number, excluded.first_number),
            last_number = excluded.last_number;
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count, amount_minor)
        SELECT NEW.till, NEW.training,
               (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                WHERE z.till = NEW.till AND z.training = NEW.training),
               k.kind, k.tender, -1, -1, NEW.currency, 1, abs(NEW.total_minor)
        FROM (SELECT NEW.kind AS kind, '' AS tender
              UNION ALL SELECT 'tender_' || NEW.kind, NEW.tender) k
        WHERE true
        ON CONFLICT DO UPDATE SET count = count + 1,
            amount_minor = amount_minor + excluded.amount_minor;
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count, amount_minor)
        SELECT NEW.till, 0,
               (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                WHERE z.till = NEW.till AND z.training = 0),
               'training_' || NEW.kind, '', -1, -1, NEW.currency, 1, abs(NEW.total_minor)
        WHERE NEW.training = 1
        ON CONFLICT DO UPDATE SET count = count + 1,
            amount_minor = amount_minor + excluded.amount_minor;
        INSERT INTO grand_totals (till, training, currency, sales_minor, returns_minor)
        VALUES (NEW.till, NEW.training, NEW.currency,
                CASE WHEN NEW.kind = 'sale' THEN NEW.total_minor ELSE 0 END,
                CASE WHEN NEW.kind = 'return' THEN -NEW.total_minor ELSE 0 END)
        ON CONFLICT DO UPDATE SET sales_minor = sales_minor + excluded.sales_minor,
            returns_minor = returns_minor + excluded.returns_minor;
    END;
    CREATE TRIGGER totals_of_receipt_vat AFTER INSERT ON receipt_vat
    BEGIN
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count, amount_minor, net_minor, vat_minor)
        SELECT NEW.till, NEW.training,
               (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                WHERE z.till = NEW.till AND z.training = NEW.training),
               'vat', '', COALESCE(NEW.vat_bp, -1), COALESCE(NEW.saft_code, -1), r.currency,
               1, NEW.gross_minor, NEW.net_minor, NEW.vat_minor
        FROM receipts r
        WHERE r.till = NEW.till AND r.training = NEW.training AND r.number = NEW.number
        ON CONFLICT DO UPDATE SET count = count + 1,
            amount_minor = amount_minor + excluded.amount_minor,
            net_minor = net_minor + excluded.net_minor,
            vat_minor = vat_minor + excluded.vat_minor;
    END;
    CREATE TRIGGER totals_of_a_cancel AFTER UPDATE OF state ON sales
        WHEN NEW.state = 'cancelled' AND OLD.state IS NOT 'cancelled'
    BEGIN
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count, amount_minor)
        SELECT t.id, NEW.backend = 'sandbox',
               (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                WHERE z.till = t.id AND z.training = (NEW.backend = 'sandbox')),
               'cancelled', '', -1, -1, NEW.currency, 1, NEW.amount_minor
        FROM till t
        WHERE true
        ON CONFLICT DO UPDATE SET count = count + 1,
            amount_minor = amount_minor + excluded.amount_minor;
    END;
    CREATE TRIGGER totals_of_a_copy AFTER INSERT ON receipt_prints WHEN NEW.nth >= 2
    BEGIN
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count)
        VALUES (NEW.till, NEW.training,
                (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                 WHERE z.till = NEW.till AND z.training = NEW.training),
                'copies', '', -1, -1, '', 1)
        ON CONFLICT DO UPDATE SET count = count + 1;
    END;
    -- Bank transfers (money of pay-by-bank sales going back: returns and extra payments):
    -- opened and sent in the period of their series, tender = the transfer's kind.
    CREATE TRIGGER totals_of_a_transfer AFTER INSERT ON bank_refunds
    BEGIN
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count, amount_minor)
        SELECT t.id, NEW.training,
               (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                WHERE z.till = t.id AND z.training = NEW.training),
               'transfer_opened', NEW.kind, -1, -1, NEW.currency, 1, NEW.amount_minor
        FROM till t
        WHERE true
        ON CONFLICT DO UPDATE SET count = count + 1,
            amount_minor = amount_minor + excluded.amount_minor;
    END;
    CREATE TRIGGER totals_of_a_transfer_sent AFTER UPDATE OF state ON bank_refunds
        WHEN OLD.state = 'open' AND NEW.state = 'sent'
    BEGIN
        INSERT INTO period_totals (till, training, period, kind, tender, vat_bp, saft_code,
                                   currency, count, amount_minor)
        SELECT t.id, NEW.training,
               (SELECT COALESCE(MAX(z.number), 0) + 1 FROM z_reports z
                WHERE z.till = t.id AND z.training = NEW.training),
               'transfer_sent', NEW.kind, -1, -1, NEW.currency, 1, NEW.amount_minor
        FROM till t
        WHERE true
        ON CONFLICT DO UPDATE SET count = count + 1,
            amount_minor = amount_minor + excluded.amount_minor;
    END;",
    // 6: books a tax office trusts (issue 12; docs/books.md). Who did it: the acting
    // employee on sales, receipts and Z reports. The staff (PINs only as slow hashes). The
    // electronic journal of events with their PredefinedBasicID-13 codes. Every receipt
    // sealed in the transaction that issues it, chained to the one before in its till and
    // series, with a key whose public half is here.
    "ALTER TABLE sales ADD COLUMN employee TEXT;
    ALTER TABLE receipts ADD COLUMN employee TEXT;
    ALTER TABLE z_reports ADD COLUMN employee TEXT;

    CREATE TABLE employees (
        id         TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role       TEXT NOT NULL CHECK (role IN ('cashier','manager')),
        pin_hash   TEXT NOT NULL CHECK (pin_hash LIKE '$argon2%' OR pin_hash = ''),
        active     INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TRIGGER employees_stay BEFORE DELETE ON employees
        BEGIN SELECT RAISE(ABORT, 'an employee stays in the journal: deactivate them instead'); END;
    CREATE TRIGGER employees_keep_id BEFORE UPDATE OF id, created_at ON employees
        BEGIN SELECT RAISE(ABORT, 'an employee''s id never changes'); END;

    -- The electronic journal: one row per event, never changed or deleted.
    CREATE TABLE journal_events (
        id       INTEGER PRIMARY KEY,
        till     TEXT NOT NULL,
        at       INTEGER NOT NULL,
        code     INTEGER NOT NULL CHECK (code BETWEEN 13001 AND 13999),
        employee TEXT,
        training INTEGER NOT NULL CHECK (training IN (0, 1)),
        detail   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX journal_events_at ON journal_events (at);
    CREATE TRIGGER journal_events_no_update BEFORE UPDATE ON journal_events
        BEGIN SELECT RAISE(ABORT, 'the electronic journal is append-only: an event never changes'); END;
    CREATE TRIGGER journal_events_no_delete BEFORE DELETE ON journal_events
        BEGIN SELECT RAISE(ABORT, 'the electronic journal is append-only: an event is never deleted'); END;

    -- The public halves of the receipt keys, by version (1, 2, ...). The private halves
    -- live in the OS keyring only.
    CREATE TABLE signing_keys (
        version    INTEGER PRIMARY KEY CHECK (version >= 1),
        public_pem TEXT NOT NULL CHECK (public_pem LIKE '-----BEGIN PUBLIC KEY-----%'),
        created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TRIGGER signing_keys_in_order BEFORE INSERT ON signing_keys
        WHEN NEW.version IS NOT (SELECT COALESCE(MAX(version), 0) + 1 FROM signing_keys)
        BEGIN SELECT RAISE(ABORT, 'key versions are gapless: this is not the next one'); END;
    CREATE TRIGGER signing_keys_no_update BEFORE UPDATE ON signing_keys
        BEGIN SELECT RAISE(ABORT, 'a signing key never changes'); END;
    CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
        BEGIN SELECT RAISE(ABORT, 'a signing key is never deleted'); END;

    -- A receipt's seal: what was signed (previous signature, local date and time, gross
    -- and net) and the signature. Written in the receipt's own transaction; only for the
    -- newest receipt of its series, chained to the seal before it, with a known key.
    CREATE TABLE receipt_seals (
        till        TEXT NOT NULL,
        training    INTEGER NOT NULL,
        number      INTEGER NOT NULL,
        previous    TEXT,
        signed_date TEXT NOT NULL CHECK (signed_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        signed_time TEXT NOT NULL CHECK (signed_time GLOB '[0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
        gross_minor INTEGER NOT NULL,
        net_minor   INTEGER NOT NULL,
        signature   TEXT NOT NULL CHECK (length(signature) > 0),
        key_version INTEGER NOT NULL REFERENCES signing_keys (version),
        PRIMARY KEY (till, training, number),
        FOREIGN KEY (till, training, number) REFERENCES receipts (till, training, number)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER receipt_seals_newest BEFORE INSERT ON receipt_seals
        WHEN NEW.number IS NOT (SELECT MAX(number) FROM receipts
                                WHERE till = NEW.till AND training = NEW.training)
        BEGIN SELECT RAISE(ABORT, 'a receipt is sealed when it is issued: this is not the newest receipt of its series'); END;
    CREATE TRIGGER receipt_seals_chained BEFORE INSERT ON receipt_seals
        WHEN NEW.previous IS NOT (SELECT s.signature FROM receipt_seals s
                                  WHERE s.till = NEW.till AND s.training = NEW.training
                                  ORDER BY s.number DESC LIMIT 1)
        BEGIN SELECT RAISE(ABORT, 'a seal is chained to the seal of the receipt before it'); END;
    CREATE TRIGGER receipt_seals_no_update BEFORE UPDATE ON receipt_seals
        BEGIN SELECT RAISE(ABORT, 'a receipt''s seal never changes'); END;
    CREATE TRIGGER receipt_seals_no_delete BEFORE DELETE ON receipt_seals
        BEGIN SELECT RAISE(ABORT, 'a receipt''s seal is never deleted'); END;",
    // 7: the receipt an event of the electronic journal concerns (a print, a copy, a return
    // receipt, a training receipt), by its number in the event's series; the SAF-T export
    // names it as the event's transaction.
    "ALTER TABLE journal_events ADD COLUMN receipt INTEGER CHECK (receipt IS NULL OR receipt >= 1);",
    // 8: the replication log (issue 14): every row any table of the books gains or changes,
    // as a JSON image of the row after the change, numbered without gaps in the order it
    // was written (`seq`), in the very transaction that writes it, so a till ships its
    // books to the hub by reading this table past what the hub has. The derived running
    // totals (period_totals, grand_totals) are not logged: a replay rebuilds them. A table
    // that gains a column must have its triggers here re-made with it (the journal's test
    // `every_column_of_every_replicated_table_is_logged` fails until it is).
    "CREATE TABLE replication_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl TEXT NOT NULL,
        op  TEXT NOT NULL CHECK (op IN ('insert','update')),
        row TEXT NOT NULL CHECK (json_valid(row))
    ) STRICT;
    CREATE TRIGGER replication_log_no_update BEFORE UPDATE ON replication_log
        BEGIN SELECT RAISE(ABORT, 'the replication log is append-only'); END;
    CREATE TRIGGER replication_log_no_delete BEFORE DELETE ON replication_log
        BEGIN SELECT RAISE(ABORT, 'the replication log is append-only'); END;
    CREATE TRIGGER log_till_insert AFTER INSERT ON till
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('till', 'insert',
            json_object('only', NEW.only, 'id', NEW.id));
    END;
    CREATE TRIGGER log_signing_keys_insert AFTER INSERT ON signing_keys
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('signing_keys', 'insert',
            json_object('version', NEW.version, 'public_pem', NEW.public_pem,
            'created_at', NEW.created_at));
    END;
    CREATE TRIGGER log_employees_insert AFTER INSERT ON employees
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('employees', 'insert',
            json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role, 'pin_hash', NEW.pin_hash,
            'active', NEW.active, 'created_at', NEW.created_at));
    END;
    CREATE TRIGGER log_employees_update AFTER UPDATE ON employees
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('employees', 'update',
            json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role, 'pin_hash', NEW.pin_hash,
            'active', NEW.active, 'created_at', NEW.created_at));
    END;
    CREATE TRIGGER log_sales_insert AFTER INSERT ON sales
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('sales', 'insert',
            json_object('id', NEW.id, 'amount_minor', NEW.amount_minor, 'currency', NEW.currency,
            'reference', NEW.reference, 'state', NEW.state, 'created_at', NEW.created_at,
            'ended_at', NEW.ended_at, 'paid_payment_id', NEW.paid_payment_id,
            'attention', NEW.attention, 'backend', NEW.backend, 'employee', NEW.employee));
    END;
    CREATE TRIGGER log_sales_update AFTER UPDATE ON sales
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('sales', 'update',
            json_object('id', NEW.id, 'amount_minor', NEW.amount_minor, 'currency', NEW.currency,
            'reference', NEW.reference, 'state', NEW.state, 'created_at', NEW.created_at,
            'ended_at', NEW.ended_at, 'paid_payment_id', NEW.paid_payment_id,
            'attention', NEW.attention, 'backend', NEW.backend, 'employee', NEW.employee));
    END;
    CREATE TRIGGER log_sale_lines_insert AFTER INSERT ON sale_lines
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('sale_lines', 'insert',
            json_object('sale_id', NEW.sale_id, 'position', NEW.position, 'text', NEW.text,
            'quantity', NEW.quantity, 'unit_gross_minor', NEW.unit_gross_minor,
            'currency', NEW.currency, 'vat_bp', NEW.vat_bp, 'saft_code', NEW.saft_code));
    END;
    CREATE TRIGGER log_attempts_insert AFTER INSERT ON attempts
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('attempts', 'insert',
            json_object('id', NEW.id, 'sale_id', NEW.sale_id, 'seq', NEW.seq, 'state', NEW.state,
            'reference', NEW.reference, 'payment_id', NEW.payment_id,
            'authorization_url', NEW.authorization_url, 'requested_at', NEW.requested_at,
            'created_at', NEW.created_at, 'expires_at', NEW.expires_at,
            'status', NEW.status, 'is_final', NEW.is_final, 'error', NEW.error));
    END;
    CREATE TRIGGER log_attempts_update AFTER UPDATE ON attempts
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('attempts', 'update',
            json_object('id', NEW.id, 'sale_id', NEW.sale_id, 'seq', NEW.seq, 'state', NEW.state,
            'reference', NEW.reference, 'payment_id', NEW.payment_id,
            'authorization_url', NEW.authorization_url, 'requested_at', NEW.requested_at,
            'created_at', NEW.created_at, 'expires_at', NEW.expires_at,
            'status', NEW.status, 'is_final', NEW.is_final, 'error', NEW.error));
    END;
    CREATE TRIGGER log_events_insert AFTER INSERT ON events
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('events', 'insert',
            json_object('id', NEW.id, 'sale_id', NEW.sale_id, 'attempt_id', NEW.attempt_id,
            'at', NEW.at, 'kind', NEW.kind, 'detail', NEW.detail));
    END;
    CREATE TRIGGER log_receipts_insert AFTER INSERT ON receipts
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('receipts', 'insert',
            json_object('till', NEW.till, 'training', NEW.training, 'number', NEW.number,
            'kind', NEW.kind, 'sale_id', NEW.sale_id, 'created_at', NEW.created_at,
            'total_minor', NEW.total_minor, 'currency', NEW.currency, 'tender', NEW.tender,
            'tender_detail', NEW.tender_detail, 'cash_given_minor', NEW.cash_given_minor,
            'return_of', NEW.return_of, 'reason', NEW.reason, 'employee', NEW.employee));
    END;
    CREATE TRIGGER log_receipt_vat_insert AFTER INSERT ON receipt_vat
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('receipt_vat', 'insert',
            json_object('till', NEW.till, 'training', NEW.training, 'number', NEW.number,
            'position', NEW.position, 'vat_bp', NEW.vat_bp, 'saft_code', NEW.saft_code,
            'net_minor', NEW.net_minor, 'vat_minor', NEW.vat_minor,
            'gross_minor', NEW.gross_minor));
    END;
    CREATE TRIGGER log_receipt_seals_insert AFTER INSERT ON receipt_seals
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('receipt_seals', 'insert',
            json_object('till', NEW.till, 'training', NEW.training, 'number', NEW.number,
            'previous', NEW.previous, 'signed_date', NEW.signed_date,
            'signed_time', NEW.signed_time, 'gross_minor', NEW.gross_minor,
            'net_minor', NEW.net_minor, 'signature', NEW.signature,
            'key_version', NEW.key_version));
    END;
    CREATE TRIGGER log_return_lines_insert AFTER INSERT ON return_lines
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('return_lines', 'insert',
            json_object('till', NEW.till, 'training', NEW.training, 'number', NEW.number,
            'position', NEW.position, 'text', NEW.text, 'quantity', NEW.quantity,
            'unit_gross_minor', NEW.unit_gross_minor, 'currency', NEW.currency,
            'vat_bp', NEW.vat_bp, 'saft_code', NEW.saft_code));
    END;
    CREATE TRIGGER log_receipt_prints_insert AFTER INSERT ON receipt_prints
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('receipt_prints', 'insert',
            json_object('till', NEW.till, 'training', NEW.training, 'number', NEW.number,
            'nth', NEW.nth, 'via', NEW.via, 'at', NEW.at));
    END;
    CREATE TRIGGER log_bank_refunds_insert AFTER INSERT ON bank_refunds
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('bank_refunds', 'insert',
            json_object('id', NEW.id, 'kind', NEW.kind, 'sale_id', NEW.sale_id,
            'training', NEW.training, 'return_number', NEW.return_number,
            'payment_id', NEW.payment_id, 'amount_minor', NEW.amount_minor,
            'currency', NEW.currency, 'payer', NEW.payer, 'state', NEW.state,
            'created_at', NEW.created_at, 'sent_at', NEW.sent_at, 'note', NEW.note));
    END;
    CREATE TRIGGER log_bank_refunds_update AFTER UPDATE ON bank_refunds
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('bank_refunds', 'update',
            json_object('id', NEW.id, 'kind', NEW.kind, 'sale_id', NEW.sale_id,
            'training', NEW.training, 'return_number', NEW.return_number,
            'payment_id', NEW.payment_id, 'amount_minor', NEW.amount_minor,
            'currency', NEW.currency, 'payer', NEW.payer, 'state', NEW.state,
            'created_at', NEW.created_at, 'sent_at', NEW.sent_at, 'note', NEW.note));
    END;
    CREATE TRIGGER log_z_reports_insert AFTER INSERT ON z_reports
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('z_reports', 'insert',
            json_object('till', NEW.till, 'training', NEW.training, 'number', NEW.number,
            'closed_at', NEW.closed_at, 'from_ms', NEW.from_ms,
            'first_receipt', NEW.first_receipt, 'last_receipt', NEW.last_receipt,
            'currency', NEW.currency, 'grand_sales_minor', NEW.grand_sales_minor,
            'grand_returns_minor', NEW.grand_returns_minor, 'employee', NEW.employee));
    END;
    CREATE TRIGGER log_journal_events_insert AFTER INSERT ON journal_events
    BEGIN
        INSERT INTO replication_log (tbl, op, row) VALUES ('journal_events', 'insert',
            json_object('id', NEW.id, 'till', NEW.till, 'at', NEW.at, 'code', NEW.code,
            'employee', NEW.employee, 'training', NEW.training, 'detail', NEW.detail,
            'receipt', NEW.receipt));
    END;

    -- What the journal held before this schema, as one insert per row, in the order it was
    -- written (by its time; a receipt's VAT, seal and lines right after it).
    INSERT INTO replication_log (tbl, op, row)
    SELECT tbl, 'insert', row FROM (
        SELECT 0 AS t, 0 AS k, 0 AS p, 0 AS q, 'till' AS tbl,
            json_object('only', x.only, 'id', x.id)
            AS row FROM till x
        UNION ALL SELECT x.created_at AS t, 0 AS k, 1 AS p, x.version AS q, 'signing_keys' AS tbl,
            json_object('version', x.version, 'public_pem', x.public_pem,
            'created_at', x.created_at)
            AS row FROM signing_keys x
        UNION ALL SELECT x.created_at AS t, 0 AS k, 2 AS p, x.rowid AS q, 'employees' AS tbl,
            json_object('id', x.id, 'name', x.name, 'role', x.role, 'pin_hash', x.pin_hash,
            'active', x.active, 'created_at', x.created_at)
            AS row FROM employees x
        UNION ALL SELECT x.created_at AS t, 0 AS k, 3 AS p, x.rowid AS q, 'sales' AS tbl,
            json_object('id', x.id, 'amount_minor', x.amount_minor, 'currency', x.currency,
            'reference', x.reference, 'state', x.state,
            'created_at', x.created_at, 'ended_at', x.ended_at,
            'paid_payment_id', x.paid_payment_id, 'attention', x.attention,
            'backend', x.backend, 'employee', x.employee)
            AS row FROM sales x
        UNION ALL SELECT s.created_at AS t, 0 AS k, 4 AS p, x.position AS q, 'sale_lines' AS tbl,
            json_object('sale_id', x.sale_id, 'position', x.position, 'text', x.text,
            'quantity', x.quantity, 'unit_gross_minor', x.unit_gross_minor,
            'currency', x.currency, 'vat_bp', x.vat_bp,
            'saft_code', x.saft_code)
            AS row FROM sale_lines x JOIN sales s ON s.id = x.sale_id
        UNION ALL SELECT x.requested_at AS t, 0 AS k, 5 AS p, x.id AS q, 'attempts' AS tbl,
            json_object('id', x.id, 'sale_id', x.sale_id, 'seq', x.seq, 'state', x.state,
            'reference', x.reference, 'payment_id', x.payment_id,
            'authorization_url', x.authorization_url,
            'requested_at', x.requested_at, 'created_at', x.created_at,
            'expires_at', x.expires_at, 'status', x.status,
            'is_final', x.is_final, 'error', x.error)
            AS row FROM attempts x
        UNION ALL SELECT x.at AS t, 0 AS k, 6 AS p, x.id AS q, 'events' AS tbl,
            json_object('id', x.id, 'sale_id', x.sale_id, 'attempt_id', x.attempt_id,
            'at', x.at, 'kind', x.kind, 'detail', x.detail)
            AS row FROM events x
        UNION ALL SELECT x.created_at AS t, x.number AS k, 7 AS p, x.training AS q, 'receipts' AS tbl,
            json_object('till', x.till, 'training', x.training, 'number', x.number,
            'kind', x.kind, 'sale_id', x.sale_id, 'created_at', x.created_at,
            'total_minor', x.total_minor, 'currency', x.currency,
            'tender', x.tender, 'tender_detail', x.tender_detail,
            'cash_given_minor', x.cash_given_minor, 'return_of', x.return_of,
            'reason', x.reason, 'employee', x.employee)
            AS row FROM receipts x
        UNION ALL SELECT r.created_at AS t, x.number AS k, 8 AS p, x.position AS q, 'receipt_vat' AS tbl,
            json_object('till', x.till, 'training', x.training, 'number', x.number,
            'position', x.position, 'vat_bp', x.vat_bp,
            'saft_code', x.saft_code, 'net_minor', x.net_minor,
            'vat_minor', x.vat_minor, 'gross_minor', x.gross_minor)
            AS row FROM receipt_vat x JOIN receipts r ON r.till = x.till AND r.training = x.training AND r.number = x.number
        UNION ALL SELECT r.created_at AS t, x.number AS k, 9 AS p, x.training AS q, 'receipt_seals' AS tbl,
            json_object('till', x.till, 'training', x.training, 'number', x.number,
            'previous', x.previous, 'signed_date', x.signed_date,
            'signed_time', x.signed_time, 'gross_minor', x.gross_minor,
            'net_minor', x.net_minor, 'signature', x.signature,
            'key_version', x.key_version)
            AS row FROM receipt_seals x JOIN receipts r ON r.till = x.till AND r.training = x.training AND r.number = x.number
        UNION ALL SELECT r.created_at AS t, x.number AS k, 10 AS p, x.position AS q, 'return_lines' AS tbl,
            json_object('till', x.till, 'training', x.training, 'number', x.number,
            'position', x.position, 'text', x.text, 'quantity', x.quantity,
            'unit_gross_minor', x.unit_gross_minor, 'currency', x.currency,
            'vat_bp', x.vat_bp, 'saft_code', x.saft_code)
            AS row FROM return_lines x JOIN receipts r ON r.till = x.till AND r.training = x.training AND r.number = x.number
        UNION ALL SELECT x.at AS t, x.number AS k, 11 AS p, x.nth AS q, 'receipt_prints' AS tbl,
            json_object('till', x.till, 'training', x.training, 'number', x.number,
            'nth', x.nth, 'via', x.via, 'at', x.at)
            AS row FROM receipt_prints x
        UNION ALL SELECT x.created_at AS t, 0 AS k, 12 AS p, x.id AS q, 'bank_refunds' AS tbl,
            json_object('id', x.id, 'kind', x.kind, 'sale_id', x.sale_id,
            'training', x.training, 'return_number', x.return_number,
            'payment_id', x.payment_id, 'amount_minor', x.amount_minor,
            'currency', x.currency, 'payer', x.payer, 'state', x.state,
            'created_at', x.created_at, 'sent_at', x.sent_at, 'note', x.note)
            AS row FROM bank_refunds x
        UNION ALL SELECT x.at AS t, 0 AS k, 13 AS p, x.id AS q, 'journal_events' AS tbl,
            json_object('id', x.id, 'till', x.till, 'at', x.at, 'code', x.code,
            'employee', x.employee, 'training', x.training, 'detail', x.detail,
            'receipt', x.receipt)
            AS row FROM journal_events x
        UNION ALL SELECT x.closed_at AS t, 0 AS k, 14 AS p, x.number AS q, 'z_reports' AS tbl,
            json_object('till', x.till, 'training', x.training, 'number', x.number,
            'closed_at', x.closed_at, 'from_ms', x.from_ms,
            'first_receipt', x.first_receipt, 'last_receipt', x.last_receipt,
            'currency', x.currency, 'grand_sales_minor', x.grand_sales_minor,
            'grand_returns_minor', x.grand_returns_minor,
            'employee', x.employee)
            AS row FROM z_reports x
    ) ORDER BY t, k, p, q;",
    // 9: the registers' payments (issue 16, the terminal API): which register (its nexo
    // `SaleID`) asked for which payment (its `ServiceID` and `SaleTransactionID`), and the
    // sale Kassa opened for it. A reference record, nothing of the books: the sale, its
    // payment and its receipt are the sale's own rows. It lets a register that lost a reply
    // find its payment again after either side restarted, and keeps a repeated request
    // from ever opening a second sale. Not replicated to the hub (the books are complete
    // without it). `sale_id` is NULL only between the request's write and the sale's
    // (a crash between them leaves it so, and the register is told); a request whose sale
    // could not be opened is removed again, and only such a one.
    "CREATE TABLE terminal_payments (
        sale_system    TEXT NOT NULL CHECK (length(sale_system) > 0),
        service_id     TEXT NOT NULL CHECK (length(service_id) > 0),
        transaction_id TEXT NOT NULL CHECK (length(transaction_id) > 0),
        transaction_at TEXT NOT NULL,
        poi_id         TEXT NOT NULL,
        amount_minor   INTEGER NOT NULL CHECK (amount_minor > 0),
        currency       TEXT NOT NULL,
        received_at    INTEGER NOT NULL,
        sale_id        TEXT REFERENCES sales (id),
        abort_at       INTEGER,
        PRIMARY KEY (sale_system, service_id)
    ) STRICT;
    CREATE INDEX terminal_payments_transaction
        ON terminal_payments (sale_system, transaction_id, received_at);
    CREATE INDEX terminal_payments_latest ON terminal_payments (sale_system, received_at);
    CREATE TRIGGER terminal_payments_no_delete BEFORE DELETE ON terminal_payments
        WHEN OLD.sale_id IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a register''s payment record is never deleted'); END;
    CREATE TRIGGER terminal_payments_sale_stays BEFORE UPDATE OF sale_id ON terminal_payments
        WHEN OLD.sale_id IS NOT NULL AND NEW.sale_id IS NOT OLD.sale_id
        BEGIN SELECT RAISE(ABORT, 'a register''s payment keeps its sale'); END;",
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
