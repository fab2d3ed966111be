//! The sales journal: SQLite through rusqlite. Sales, attempts (one per accept call) and an
//! append-only event log. Every write is its own durable transaction (WAL,
//! `synchronous=FULL`), so a crash at any point leaves the journal at the last completed step.
//! It holds records, not business rules: the engine decides what to write.

mod crash;
mod error;
pub mod files;
mod followed;
pub mod owner;
mod schema;
mod status;

use std::path::Path;

use kassa_money::{Currency, Money};
use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use serde::Serialize;

pub use crash::{CrashHook, CrashHooks, CrashPoint};
pub use error::JournalError;
pub use followed::FollowedPayment;
pub use owner::{Owner, OwnerLock};
pub use schema::SCHEMA_VERSION;
pub use status::{StatusWrite, Then, ThenDone};

pub type Result<T> = std::result::Result<T, JournalError>;

/// Where a sale stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SaleState {
    Open,
    Paid,
    Failed,
    Cancelled,
}

impl SaleState {
    pub fn as_str(self) -> &'static str {
        match self {
            SaleState::Open => "open",
            SaleState::Paid => "paid",
            SaleState::Failed => "failed",
            SaleState::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "open" => SaleState::Open,
            "paid" => SaleState::Paid,
            "failed" => SaleState::Failed,
            "cancelled" => SaleState::Cancelled,
            other => {
                return Err(JournalError::Corrupt(format!(
                    "unknown sale state {other:?}"
                )));
            }
        })
    }
}

/// The payment service a sale ran on. Sandbox sales are training: they never count in
/// live totals, reports or exports, and screens label them as training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// Kassa's own Aiia sandbox (embedded, or `kassa sandbox`): no real money moves.
    Sandbox,
    /// Aiia with the merchant's credentials.
    Live,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sandbox => "sandbox",
            Backend::Live => "live",
        }
    }

    /// Sandbox sales are training sales.
    pub fn is_training(self) -> bool {
        self == Backend::Sandbox
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "sandbox" => Backend::Sandbox,
            "live" => Backend::Live,
            other => {
                return Err(JournalError::Corrupt(format!("unknown backend {other:?}")));
            }
        })
    }
}

impl std::fmt::Display for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where one accept call stands, as far as Kassa knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptState {
    /// The intent is written; the accept call is about to go out or is under way.
    Requested,
    /// Aiia answered with a payment id and a link.
    Created,
    /// Aiia refused the call: no payment exists.
    Refused,
    /// The call may or may not have created a payment (the reply was lost).
    Unknown,
}

impl AttemptState {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptState::Requested => "requested",
            AttemptState::Created => "created",
            AttemptState::Refused => "refused",
            AttemptState::Unknown => "unknown",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "requested" => AttemptState::Requested,
            "created" => AttemptState::Created,
            "refused" => AttemptState::Refused,
            "unknown" => AttemptState::Unknown,
            other => {
                return Err(JournalError::Corrupt(format!(
                    "unknown attempt state {other:?}"
                )));
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaleRecord {
    pub id: String,
    pub amount: Money,
    pub reference: Option<String>,
    pub state: SaleState,
    pub created_at_ms: i64,
    pub ended_at_ms: Option<i64>,
    /// The payment that paid this sale.
    pub paid_payment_id: Option<String>,
    /// Set when a person must act (e.g. refund a second payment). Never cleared silently.
    pub attention: Option<String>,
    pub attempts: i64,
    /// Where the sale ran: sandbox sales are training and never count as real money.
    pub backend: Backend,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttemptRecord {
    pub id: i64,
    pub sale_id: String,
    pub seq: i64,
    pub state: AttemptState,
    pub reference: String,
    pub payment_id: Option<String>,
    pub authorization_url: Option<String>,
    pub requested_at_ms: i64,
    pub expires_at_ms: Option<i64>,
    /// Last status Aiia reported (wire text), if any.
    pub status: Option<String>,
    pub is_final: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub id: i64,
    pub sale_id: String,
    pub attempt_id: Option<i64>,
    pub at_ms: i64,
    pub kind: String,
    pub detail: String,
}

/// What a period's sales add up to, in one currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Sales opened in the period, in any state and currency.
    pub sales: i64,
    /// Paid sales in the currency asked for.
    pub paid: i64,
    /// Their amounts added up, in minor units.
    pub paid_minor: i64,
}

/// A new sale to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSale<'a> {
    pub id: &'a str,
    pub amount: Money,
    pub reference: Option<&'a str>,
    pub at_ms: i64,
    /// The backend the sale runs on.
    pub backend: Backend,
}

/// A payment a person must act on: an extra payment to refund, with what identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttentionItem {
    pub sale_id: String,
    pub attempt_id: Option<i64>,
    /// The extra payment's id at Aiia (none when the note is not about one payment).
    pub payment_id: Option<String>,
    /// The amount of that payment (a sale's payments all have the sale's amount).
    pub amount: Money,
    pub note: String,
    pub at_ms: i64,
    /// The backend of the sale: a note about a sandbox payment is about training money.
    pub backend: Backend,
}

pub struct Journal {
    conn: Connection,
    crash: CrashHooks,
}

impl Journal {
    /// Opens (creating if needed) the journal at `path`, checks its integrity and brings its
    /// schema up to date. A journal written by a newer Kassa is refused, not touched.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| JournalError::Io {
                path: dir.display().to_string(),
                source: e,
            })?;
        }
        let conn = Connection::open(path)?;
        Self::init(conn, true)
    }

    /// Opens an existing journal for reading only (reports, exports, backups). Every write
    /// is refused with [`JournalError::ReadOnly`]; a journal that needs a migration cannot
    /// be opened this way.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // An older schema cannot be upgraded here: say so, rather than "read-only".
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if (1..SCHEMA_VERSION).contains(&found) {
            return Err(JournalError::SchemaTooOld {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Self::init(conn, true)
    }

    /// A journal in memory, for tests and dry runs.
    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?, false)
    }

    fn init(conn: Connection, file: bool) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        if file {
            let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                tracing::warn!(%mode, "SQLite could not use WAL; durability is unchanged, only speed");
            }
        }
        conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")?;
        if file {
            // Checkpoints run at quiet moments ([`Journal::checkpoint`], when a sale ends),
            // not inside whichever write fills the WAL (that could be the charge path);
            // this is only a backstop that bounds the WAL (about 40 MB).
            conn.pragma_update(None, "wal_autocheckpoint", WAL_BACKSTOP_PAGES)?;
        }
        let mut journal = Journal {
            conn,
            crash: CrashHooks::none(),
        };
        schema::migrate(&mut journal.conn)?;
        journal.check_at_open()?;
        Ok(journal)
    }

    /// The check at every open, as cheap for a million sales as for ten: SQLite reads the
    /// schema and walks the b-trees to the newest sale, attempt and event and to everything
    /// resuming reads (open sales, unfinished attempts); a damaged page on those paths is
    /// [`JournalError::Corrupt`]. The whole file is checked by [`Journal::verify_file`]
    /// (`PRAGMA quick_check`: about 20 s for a million sales, BENCHMARKS.md), which the
    /// counter runs in the background after start.
    fn check_at_open(&self) -> Result<()> {
        self.conn.query_row(
            "SELECT (SELECT MAX(created_at) FROM sales),
                    (SELECT MAX(id) FROM attempts),
                    (SELECT MAX(id) FROM events),
                    (SELECT COUNT(*) FROM sales WHERE state = 'open'),
                    (SELECT COUNT(*) FROM attempts WHERE is_final = 0)",
            [],
            |_| Ok(()),
        )?;
        Ok(())
    }

    /// The full integrity check of the journal at `path` (`PRAGMA quick_check`) on its own
    /// read-only connection, so it can run beside a counter that is selling. Takes time in
    /// proportion to the file (seconds for a million sales).
    pub fn verify_file(path: &Path) -> Result<()> {
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(JournalError::Corrupt(check));
        }
        Ok(())
    }

    /// Calls `hooks` inside every write transaction, before it commits
    /// ([`CrashPoint::JournalWrite`]).
    pub fn set_crash_hooks(&mut self, hooks: CrashHooks) {
        self.crash = hooks;
    }

    /// Caps the file at its current size plus `extra_pages` pages (SQLite's
    /// `max_page_count`, for this connection): a write that needs more fails as
    /// [`JournalError::DiskFull`], exactly as on a full disk. For drills and tests.
    pub fn cap_pages(&self, extra_pages: i64) -> Result<()> {
        let count: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let cap = count.saturating_add(extra_pages).max(1);
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {cap}"), [], |r| {
                r.get::<_, i64>(0)
            })?;
        Ok(())
    }

    /// While `refuse` is on, every write that ends a sale (paid, failed, cancelled) fails
    /// as a failed disk write would, and is rolled back whole; the rest is written as
    /// usual. For drills and tests of "the write that matters failed".
    pub fn drill_refuse_sale_ends(&self, refuse: bool) -> Result<()> {
        if refuse {
            self.conn.execute_batch(
                "CREATE TEMP TRIGGER IF NOT EXISTS drill_refuse_sale_ends
                 BEFORE UPDATE OF state ON sales
                 BEGIN SELECT RAISE(ABORT, 'drill: the write that ends a sale failed'); END;",
            )?;
        } else {
            self.conn
                .execute_batch("DROP TRIGGER IF EXISTS temp.drill_refuse_sale_ends")?;
        }
        Ok(())
    }

    /// A consistent copy of the whole journal at `dest` (SQLite's online backup), safe
    /// while a counter is writing to it. The journal's own files are refused as `dest`
    /// ([`JournalError::OwnFile`]). The copy is written beside `dest`, checked
    /// (`quick_check`), and only then replaces whatever was at `dest`: a failed backup
    /// leaves no half copy and keeps an older one.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if let Some(db) = self.conn.path().filter(|p| !p.is_empty()) {
            files::check_destination(Path::new(db), dest)?;
        }
        files::replace_file(dest, |tmp| self.backup_into(tmp))
    }

    fn backup_into(&self, dest: &Path) -> Result<()> {
        let mut copy = Connection::open(dest)?;
        {
            use rusqlite::backup::{Backup, StepResult};
            let backup = Backup::new(&self.conn, &mut copy)?;
            // All pages in one step (-1): one read transaction, so the copy is one moment.
            // A writer holding a lock only delays it.
            let mut tries = 0;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    StepResult::Busy | StepResult::Locked if tries < 200 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(25));
                    }
                    _ => {
                        return Err(JournalError::Sqlite(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            Some("the journal stayed locked for 5 s".into()),
                        )));
                    }
                }
            }
        }
        let check: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(JournalError::Corrupt(format!("the backup copy: {check}")));
        }
        Ok(())
    }

    /// The full integrity check (`PRAGMA quick_check`) on this connection: `Ok` or what is
    /// wrong. Opening runs only the cheap check; see [`Journal::verify_file`].
    pub fn check(&self) -> Result<()> {
        let check: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check == "ok" {
            Ok(())
        } else {
            Err(JournalError::Corrupt(check))
        }
    }

    /// Writes a new sale. An intent (see [`Journal::write_intent`]): durable with the next
    /// full write, which comes before any code of the sale is shown.
    pub fn insert_sale(&mut self, sale: &NewSale<'_>) -> Result<()> {
        self.write_intent(|tx| {
            tx.execute(
                "INSERT INTO sales (id, amount_minor, currency, reference, state, created_at, backend)
                 VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6)",
                params![
                    sale.id,
                    sale.amount.minor,
                    sale.amount.currency.code(),
                    sale.reference,
                    sale.at_ms,
                    sale.backend.as_str()
                ],
            )?;
            event(
                tx,
                sale.id,
                None,
                sale.at_ms,
                "sale_opened",
                &sale.amount.to_string(),
            )
        })
    }

    /// Ends an open sale. Returns false (and writes nothing) when it had ended already.
    pub fn end_sale(
        &mut self,
        sale_id: &str,
        state: SaleState,
        paid_payment_id: Option<&str>,
        at_ms: i64,
        detail: &str,
    ) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE sales SET state = ?2, ended_at = ?3, paid_payment_id = ?4
                 WHERE id = ?1 AND state = 'open'",
                params![sale_id, state.as_str(), at_ms, paid_payment_id],
            )?;
            if n == 1 {
                event(
                    tx,
                    sale_id,
                    None,
                    at_ms,
                    &format!("sale_{}", state.as_str()),
                    detail,
                )?;
            }
            Ok(n == 1)
        })
    }

    /// Records that a person must act on this sale. Adds to earlier notes, never replaces.
    pub fn flag_attention(
        &mut self,
        sale_id: &str,
        attempt_id: Option<i64>,
        note: &str,
        at_ms: i64,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE sales SET attention = CASE WHEN attention IS NULL THEN ?2
                                                  ELSE attention || char(10) || ?2 END
                 WHERE id = ?1",
                params![sale_id, note],
            )?;
            event(tx, sale_id, attempt_id, at_ms, "needs_attention", note)
        })
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
        self.write(|tx| {
            let open: Option<(String, i64)> = tx
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
                .optional()?;
            let (sale_id, attempt_id) = open.ok_or_else(|| {
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
        })
    }

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

    /// Records a status read from Aiia. Writes only a change; returns whether it changed.
    pub fn record_status(
        &mut self,
        attempt_id: i64,
        status: &str,
        is_final: bool,
        at_ms: i64,
    ) -> Result<bool> {
        self.write(|tx| {
            let sale_id = sale_of(tx, attempt_id)?;
            // A final status never changes (also enforced by a trigger).
            let n = tx.execute(
                "UPDATE attempts SET status = ?2, is_final = ?3
                 WHERE id = ?1 AND is_final = 0
                   AND (status IS NULL OR status <> ?2 OR is_final <> ?3)",
                params![attempt_id, status, is_final],
            )?;
            if n == 1 {
                event(tx, &sale_id, Some(attempt_id), at_ms, "status", status)?;
            }
            Ok(n == 1)
        })
    }

    pub fn sale(&self, sale_id: &str) -> Result<Option<SaleRecord>> {
        self.conn
            .query_row(
                &format!("{SALE_SELECT} WHERE s.id = ?1"),
                [sale_id],
                sale_row,
            )
            .optional()?
            .transpose()
    }

    /// Sales still open, oldest first.
    pub fn open_sales(&self) -> Result<Vec<SaleRecord>> {
        self.sales_where(
            "WHERE s.state = 'open' ORDER BY s.created_at, s.id",
            params![],
        )
    }

    /// Sales on `backend` created in `[from_ms, to_ms)`, newest first, at most `limit`.
    /// Sales of the other backend are never listed with them.
    pub fn sales_between(
        &self,
        from_ms: i64,
        to_ms: i64,
        backend: Backend,
        limit: u32,
    ) -> Result<Vec<SaleRecord>> {
        self.sales_where(
            "WHERE s.created_at >= ?1 AND s.created_at < ?2 AND s.backend = ?3
             ORDER BY s.created_at DESC, s.id LIMIT ?4",
            params![from_ms, to_ms, backend.as_str(), limit],
        )
    }

    /// The totals of the sales on `backend` created in `[from_ms, to_ms)`, counted by
    /// SQLite over every sale of the period (not only the ones a list shows). Sales of the
    /// other backend count nowhere in them: sandbox money never adds to live totals.
    pub fn totals_between(
        &self,
        from_ms: i64,
        to_ms: i64,
        currency: Currency,
        backend: Backend,
    ) -> Result<Totals> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*),
                    COUNT(*) FILTER (WHERE state = 'paid' AND currency = ?3),
                    COALESCE(SUM(amount_minor) FILTER (WHERE state = 'paid' AND currency = ?3), 0)
             FROM sales WHERE created_at >= ?1 AND created_at < ?2 AND backend = ?4",
            params![from_ms, to_ms, currency.code(), backend.as_str()],
            |r| {
                Ok(Totals {
                    sales: r.get(0)?,
                    paid: r.get(1)?,
                    paid_minor: r.get(2)?,
                })
            },
        )?)
    }

    pub fn attempts(&self, sale_id: &str) -> Result<Vec<AttemptRecord>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ATTEMPT_SELECT} WHERE sale_id = ?1 ORDER BY seq"))?;
        let rows = stmt.query_map([sale_id], attempt_row)?;
        rows.map(|r| r.map_err(JournalError::from).and_then(|x| x))
            .collect()
    }

    /// Every attempt, of any sale, that may still change: the engine follows them all.
    pub fn unfinished_attempts(&self) -> Result<Vec<AttemptRecord>> {
        let mut stmt = self.conn.prepare(&format!(
            "{ATTEMPT_SELECT} WHERE is_final = 0 ORDER BY sale_id, seq"
        ))?;
        let rows = stmt.query_map([], attempt_row)?;
        rows.map(|r| r.map_err(JournalError::from).and_then(|x| x))
            .collect()
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

    /// Sales with an executed payment that is neither the one that paid the sale nor
    /// flagged: a crash came between writing the status and acting on it. Resume settles
    /// them.
    pub fn unsettled_sales(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT a.sale_id FROM attempts a JOIN sales s ON s.id = a.sale_id
             WHERE a.status = 'Executed'
               AND (s.paid_payment_id IS NULL OR s.paid_payment_id <> a.payment_id)
               AND NOT EXISTS (SELECT 1 FROM events e
                               WHERE e.attempt_id = a.id AND e.kind = 'needs_attention')
             ORDER BY a.sale_id",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.map(|r| r.map_err(JournalError::from)).collect()
    }

    /// Every sale on `backend`, oldest first (for exports: the books get the live ones,
    /// training exports the sandbox ones).
    pub fn all_sales(&self, backend: Backend) -> Result<Vec<SaleRecord>> {
        self.sales_where(
            "WHERE s.backend = ?1 ORDER BY s.created_at, s.id",
            params![backend.as_str()],
        )
    }

    pub fn events(&self, sale_id: &str) -> Result<Vec<EventRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, sale_id, attempt_id, at, kind, detail FROM events WHERE sale_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([sale_id], |r| {
            Ok(EventRecord {
                id: r.get(0)?,
                sale_id: r.get(1)?,
                attempt_id: r.get(2)?,
                at_ms: r.get(3)?,
                kind: r.get(4)?,
                detail: r.get(5)?,
            })
        })?;
        rows.map(|r| r.map_err(JournalError::from)).collect()
    }

    fn sales_where(&self, clause: &str, p: impl rusqlite::Params) -> Result<Vec<SaleRecord>> {
        let mut stmt = self.conn.prepare(&format!("{SALE_SELECT} {clause}"))?;
        let rows = stmt.query_map(p, sale_row)?;
        rows.map(|r| r.map_err(JournalError::from).and_then(|x| x))
            .collect()
    }

    /// Copies what the WAL holds into the database file (a passive checkpoint: it never
    /// waits for readers or writers), so the WAL stays small. Meant for quiet moments, e.g.
    /// when a sale has ended; the next write then starts the WAL afresh.
    pub fn checkpoint(&mut self) -> Result<()> {
        let (log, done): (i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                    Ok((r.get(1)?, r.get(2)?))
                })?;
        if log > 0 && done == log {
            // The first write after a complete checkpoint starts the WAL over, and SQLite
            // syncs the new WAL header then, whatever `synchronous` says (strace shows it).
            // Start it over here, in the quiet moment, rather than in the next sale's first
            // intent: by writing the file's application id ("Kass"), which rewrites the
            // header page even when unchanged (an UPDATE to the same value writes nothing).
            self.conn
                .pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        Ok(())
    }

    /// One durable write: an IMMEDIATE transaction, committed (and the WAL synced to disk,
    /// `synchronous=FULL`) before returning.
    fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
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
    fn write_intent<T>(
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

/// An event `e` that is a needs-attention note no later `attention_resolved` event of the
/// same sale and attempt answers.
const UNRESOLVED_NOTE: &str = "e.kind = 'needs_attention'
    AND NOT EXISTS (SELECT 1 FROM events r
                    WHERE r.kind = 'attention_resolved' AND r.sale_id = e.sale_id
                      AND r.attempt_id IS e.attempt_id AND r.id > e.id)";

/// `PRAGMA application_id` of a Kassa journal: "Kass".
const APPLICATION_ID: i64 = 0x4B61_7373;

/// WAL pages after which SQLite checkpoints by itself (its default is 1000).
const WAL_BACKSTOP_PAGES: i64 = 10_000;

const SALE_SELECT: &str =
    "SELECT s.id, s.amount_minor, s.currency, s.reference, s.state, s.created_at,
        s.ended_at, s.paid_payment_id, s.attention,
        (SELECT COUNT(*) FROM attempts a WHERE a.sale_id = s.id), s.backend
    FROM sales s";

const ATTEMPT_SELECT: &str =
    "SELECT id, sale_id, seq, state, reference, payment_id, authorization_url,
        requested_at, expires_at, status, is_final
    FROM attempts";

fn sale_row(r: &Row<'_>) -> rusqlite::Result<Result<SaleRecord>> {
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

fn attempt_row(r: &Row<'_>) -> rusqlite::Result<Result<AttemptRecord>> {
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

fn attempt_by_id(conn: &Connection, id: i64) -> Result<AttemptRecord> {
    conn.query_row(
        &format!("{ATTEMPT_SELECT} WHERE id = ?1"),
        [id],
        attempt_row,
    )?
}

fn sale_of(conn: &Connection, attempt_id: i64) -> Result<String> {
    conn.query_row(
        "SELECT sale_id FROM attempts WHERE id = ?1",
        [attempt_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| JournalError::NotFound(format!("attempt {attempt_id}")))
}

fn event(
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
mod tests;

#[cfg(test)]
mod intent_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

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

    #[test]
    fn totals_count_every_sale_of_the_period_and_paid_ones_in_the_currency() {
        let mut j = Journal::open_in_memory().unwrap();
        let sales = [
            ("a", 1250, Currency::Dkk, 10, Some(SaleState::Paid)),
            ("b", 999, Currency::Dkk, 11, Some(SaleState::Cancelled)),
            ("c", 100, Currency::Dkk, 12, Some(SaleState::Paid)),
            ("d", 700, Currency::Eur, 13, Some(SaleState::Paid)),
            ("e", 5, Currency::Dkk, 14, None),
            ("f", 40, Currency::Dkk, 99, Some(SaleState::Paid)),
        ];
        for (id, minor, currency, at, end) in sales {
            j.insert_sale(&NewSale {
                id,
                amount: Money::new(minor, currency),
                reference: None,
                at_ms: at,
                backend: Backend::Live,
            })
            .unwrap();
            if let Some(state) = end {
                j.end_sale(id, state, None, at + 1, "").unwrap();
            }
        }
        let t = j
            .totals_between(10, 99, Currency::Dkk, Backend::Live)
            .unwrap();
        assert_eq!(
            t,
            Totals {
                sales: 5,
                paid: 2,
                paid_minor: 1350
            }
        );
        assert_eq!(
            j.totals_between(0, 5, Currency::Dkk, Backend::Live)
                .unwrap(),
            Totals::default()
        );
    }

    #[test]
    fn the_full_check_finds_damage_the_open_check_does_not_walk_to() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        {
            let mut j = Journal::open(&path).unwrap();
            for i in 0..400 {
                j.insert_sale(&NewSale {
                    id: &format!("sale-{i:04}-{}", "x".repeat(40)),
                    amount: Money::new(100 + i, Currency::Dkk),
                    reference: None,
                    at_ms: i,
                    backend: Backend::Live,
                })
                .unwrap();
            }
            j.checkpoint().unwrap();
        }
        Journal::verify_file(&path).unwrap();
        // Wreck one leaf page of the sales table in the middle (not on the path to the
        // newest rows): the open check passes, the full check finds it.
        let conn = Connection::open(&path).unwrap();
        let pages: Vec<i64> = conn
            .prepare("SELECT pageno FROM dbstat WHERE name = 'sales' AND pagetype = 'leaf' ORDER BY pageno")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .unwrap();
        drop(conn);
        assert!(pages.len() >= 3, "{pages:?}");
        let page = usize::try_from(pages[pages.len() / 2] - 1).unwrap() * 4096;
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[page] = 0xEE;
        std::fs::write(&path, &bytes).unwrap();
        assert!(Journal::open(&path).is_ok());
        let err = Journal::verify_file(&path).unwrap_err();
        assert!(matches!(err, JournalError::Corrupt(_)), "{err:?}");
    }

    #[test]
    fn a_checkpoint_empties_the_wal_into_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let mut j = Journal::open(&path).unwrap();
        j.insert_sale(&NewSale {
            id: "s1",
            amount: Money::new(100, Currency::Dkk),
            reference: None,
            at_ms: 1,
            backend: Backend::Live,
        })
        .unwrap();
        let (log, done): (i64, i64) = j
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert!(log > 0 && done == log, "{log} {done}");
        j.checkpoint().unwrap();
        // The WAL was started over (one frame: the header page with the application id).
        let (log, _): (i64, i64) = j
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(log, 1);
        let id: i64 = j
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(id, APPLICATION_ID);
        let backstop: i64 = j
            .conn
            .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
            .unwrap();
        assert_eq!(backstop, WAL_BACKSTOP_PAGES);
    }
}
