//! The replication log (schema 8): every row the books gain or change, numbered in the order
//! it was committed, for the hub (issue 14). The triggers in the schema write it in the
//! transaction of the change itself, so a record exists exactly when its change does; this
//! module only reads it, past what the hub already has.

use std::path::Path;

use rusqlite::params;

use crate::{Journal, JournalError, Result};

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

impl Journal {
    /// A journal rebuilt at `path` (a new file) from its replication log `records`, in their
    /// order: every row as the till wrote it, under the journal's own triggers (the receipt
    /// numbers, the seals' chain and the running totals are checked and kept as when they
    /// were written), its own log the same records again. The hub's copy of a till's books
    /// becomes a journal the till's own exports read. Refused when `path` exists.
    pub fn rebuild(path: &Path, records: &[LogRecord]) -> Result<Journal> {
        if path.exists() {
            return Err(JournalError::Refused(format!(
                "{} exists already: a journal is rebuilt into a new file",
                path.display()
            )));
        }
        let mut journal = Journal::open(path)?;
        journal.write(|tx| {
            // A new journal made its own till id and logged it; the till's own comes first.
            let saved: Vec<(String, String)> = {
                let mut st = tx.prepare(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
                     AND name IN ('till_not_deleted', 'replication_log_no_delete')",
                )?;
                let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for (name, _) in &saved {
                tx.execute_batch(&format!("DROP TRIGGER {name}"))?;
            }
            tx.execute_batch(
                "DELETE FROM till; DELETE FROM replication_log;
                 DELETE FROM sqlite_sequence WHERE name = 'replication_log';",
            )?;
            for (_, sql) in &saved {
                tx.execute_batch(sql)?;
            }
            // Each table's columns, read once; each statement prepared once.
            let mut columns = std::collections::HashMap::new();
            for r in records {
                replay(tx, r, &mut columns)?;
            }
            Ok(())
        })?;
        Ok(journal)
    }
}

/// One record written again: its row inserted, or its row's columns set.
fn replay(
    tx: &rusqlite::Transaction<'_>,
    r: &LogRecord,
    tables: &mut std::collections::HashMap<String, Vec<(String, bool)>>,
) -> Result<()> {
    if !REPLICATED_TABLES.contains(&r.table.as_str()) {
        return Err(JournalError::Corrupt(format!(
            "record {} is of table {:?}, which a journal does not replicate",
            r.seq, r.table
        )));
    }
    let row: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&r.row)
        .map_err(|e| JournalError::Corrupt(format!("record {}: {e}", r.seq)))?;
    if !tables.contains_key(&r.table) {
        let mut st = tx.prepare(&format!("PRAGMA table_info({})", r.table))?;
        let rows = st.query_map([], |c| {
            Ok((c.get::<_, String>(1)?, c.get::<_, i64>(5)? > 0))
        })?;
        tables.insert(r.table.clone(), rows.collect::<rusqlite::Result<_>>()?);
    }
    let columns = &tables[&r.table];
    let value = |name: &str| -> rusqlite::types::Value {
        use rusqlite::types::Value as V;
        match row.get(name) {
            None | Some(serde_json::Value::Null) => V::Null,
            Some(serde_json::Value::Number(n)) => n.as_i64().map_or(V::Null, V::Integer),
            Some(serde_json::Value::String(s)) => V::Text(s.clone()),
            Some(serde_json::Value::Bool(b)) => V::Integer(i64::from(*b)),
            Some(other) => V::Text(other.to_string()),
        }
    };
    let changed = match r.op.as_str() {
        "insert" => {
            let names: Vec<&str> = columns.iter().map(|(c, _)| c.as_str()).collect();
            let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
            let values: Vec<rusqlite::types::Value> = names.iter().map(|c| value(c)).collect();
            tx.prepare_cached(&format!(
                "INSERT INTO {} ({}) VALUES ({})",
                r.table,
                names.join(", "),
                marks.join(", ")
            ))?
            .execute(rusqlite::params_from_iter(values))?
        }
        "update" => {
            let (keys, rest): (Vec<_>, Vec<_>) = columns.iter().partition(|(_, pk)| *pk);
            let mut values = Vec::new();
            let mut sets = Vec::new();
            for (c, _) in &rest {
                values.push(value(c));
                sets.push(format!("{c} = ?{}", values.len()));
            }
            let mut wheres = Vec::new();
            for (c, _) in &keys {
                values.push(value(c));
                wheres.push(format!("{c} = ?{}", values.len()));
            }
            tx.prepare_cached(&format!(
                "UPDATE {} SET {} WHERE {}",
                r.table,
                sets.join(", "),
                wheres.join(" AND ")
            ))?
            .execute(rusqlite::params_from_iter(values))?
        }
        other => {
            return Err(JournalError::Corrupt(format!(
                "record {} has the operation {other:?}",
                r.seq
            )));
        }
    };
    if changed != 1 {
        return Err(JournalError::Corrupt(format!(
            "record {} ({} {}) changed {changed} rows, not one",
            r.seq, r.op, r.table
        )));
    }
    Ok(())
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
        // Every table of the books but the running totals is replicated; the registers'
        // payment references (schema 9) are not of the books.
        let all: Vec<String> = j
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                 AND name NOT IN ('replication_log', 'period_totals', 'grand_totals',
                                  'terminal_payments')
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
