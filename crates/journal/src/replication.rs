//! The replication log (schema 8): every row the books gain or change, numbered in the order
//! it was committed, for the hub (issue 14). The triggers in the schema write it in the
//! transaction of the change itself, so a record exists exactly when its change does; this
//! module only reads it, past what the hub already has.

use rusqlite::params;

use crate::{Journal, Result};

/// One row image the books gained or changed: `table`'s row after `op`, as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRecord {
    /// 1, 2, 3, … without gaps: the order the changes were committed in.
    pub seq: i64,
    pub table: String,
    /// `insert` or `update`.
    pub op: String,
    /// The row after the change: a JSON object of every column.
    pub row: String,
}

/// The tables whose rows the log carries (in the order a journal's history lists them).
pub const REPLICATED_TABLES: &[&str] = &[
    "till",
    "signing_keys",
    "employees",
    "sales",
    "sale_lines",
    "attempts",
    "events",
    "receipts",
    "receipt_vat",
    "receipt_seals",
    "return_lines",
    "receipt_prints",
    "bank_refunds",
    "journal_events",
    "z_reports",
];

impl Journal {
    /// The records after `after` (0: from the start), oldest first, at most `limit`.
    pub fn replication_after(&self, after: i64, limit: usize) -> Result<Vec<LogRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, tbl, op, row FROM replication_log WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            params![after, i64::try_from(limit).unwrap_or(i64::MAX)],
            |r| {
                Ok(LogRecord {
                    seq: r.get(0)?,
                    table: r.get(1)?,
                    op: r.get(2)?,
                    row: r.get(3)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The newest record's number (0 when the log is empty).
    pub fn replication_head(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(MAX(seq), 0) FROM replication_log",
            [],
            |r| r.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_of_every_replicated_table_is_logged() {
        let j = Journal::open_in_memory().unwrap();
        for table in REPLICATED_TABLES {
            let columns: Vec<String> = j
                .conn
                .prepare(&format!("PRAGMA table_info({table})"))
                .unwrap()
                .query_map([], |r| r.get(1))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(!columns.is_empty(), "{table}");
            let triggers: Vec<String> = j
                .conn
                .prepare(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1
                     AND name LIKE 'log\\_%' ESCAPE '\\'",
                )
                .unwrap()
                .query_map([table], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(!triggers.is_empty(), "{table} has no log trigger");
            for sql in &triggers {
                for c in &columns {
                    assert!(
                        sql.contains(&format!("'{c}', NEW.{c}")),
                        "{table}.{c} is not in its log trigger"
                    );
                }
            }
        }
        // Every table of the books but the running totals is replicated.
        let all: Vec<String> = j
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                 AND name NOT IN ('replication_log', 'period_totals', 'grand_totals')
                 ORDER BY name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut replicated: Vec<String> = REPLICATED_TABLES.iter().map(|t| t.to_string()).collect();
        replicated.sort();
        assert_eq!(all, replicated);
    }

    #[test]
    fn the_log_is_append_only() {
        let j = Journal::open_in_memory().unwrap();
        // A new journal's first record is its till.
        let first = j.replication_after(0, 10).unwrap();
        assert_eq!((first[0].seq, first[0].table.as_str()), (1, "till"));
        let e = j
            .conn
            .execute("UPDATE replication_log SET row = '{}'", [])
            .unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
        let e = j
            .conn
            .execute("DELETE FROM replication_log", [])
            .unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
    }
}
