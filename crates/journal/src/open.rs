//! Opening the journal (read-write, read-only, in memory), its integrity checks, safe copies,
//! WAL checkpoints, and the switches for crash and fault drills.

use std::path::Path;

use rusqlite::Connection;

use crate::{CrashHooks, Journal, JournalError, Result, SCHEMA_VERSION, files, schema};

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
        // Readable by its user only (SQLite gives the -wal and -shm the database's mode).
        let io = |source| JournalError::Io {
            path: path.display().to_string(),
            source,
        };
        drop(files::create_private(path).map_err(io)?);
        let conn = Connection::open(path)?;
        let journal = Self::init(conn, true)?;
        for companion in files::journal_files(path).into_iter().skip(1).take(2) {
            if companion.exists() {
                files::restrict(&companion).map_err(io)?;
            }
        }
        Ok(journal)
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
            stamp: crate::seal::Stamp::default(),
        };
        schema::migrate(&mut journal.conn)?;
        journal.check_at_open()?;
        // The journal's own tests issue receipts sealed by the test sealer (key version 1)
        // unless they take it away (`clear_sealer`); other crates install a sealer.
        #[cfg(test)]
        {
            journal.set_sealer(std::sync::Arc::new(crate::testing::TestSealer));
            if journal.signing_keys()?.is_empty() {
                let _read_only = journal.record_signing_key(1, crate::testing::TEST_PUBLIC_PEM, 0);
            }
        }
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
}

/// `PRAGMA application_id` of a Kassa journal: "Kass".
const APPLICATION_ID: i64 = 0x4B61_7373;

/// WAL pages after which SQLite checkpoints by itself (its default is 1000).
const WAL_BACKSTOP_PAGES: i64 = 10_000;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{Backend, NewSale};
    use kassa_money::{Currency, Money};

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
