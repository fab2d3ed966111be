//! Books a tax office trusts (schema 6): who acts (the employee of this connection), the
//! staff, the electronic journal of events, the public halves of the receipt keys, and the
//! seal every receipt gets in the transaction that issues it.
//!
//! The journal does not sign: a [`Sealer`] (the country's rules and the key, from
//! `kassa-boot`) does. The journal asks it for the seal of each receipt it issues, with the
//! previous seal's signature of the same till and series, and writes receipt and seal in one
//! transaction. Without a sealer, or when it fails, no receipt is written
//! ([`JournalError::Unsigned`]): a receipt is never issued unsigned.

use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};

use crate::{Backend, Journal, JournalError, Result};

/// What a receipt's seal covers, as the journal knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SealInput<'a> {
    /// The signature of the receipt before it in its till and series; None for the first.
    pub previous: Option<&'a str>,
    pub at_ms: i64,
    pub number: i64,
    pub training: bool,
    /// The receipt's amount with VAT, and without, in minor units (negative for a return).
    pub gross_minor: i64,
    pub net_minor: i64,
}

/// A receipt's seal as the [`Sealer`] made it: the signature, the key's version, and the
/// local date (`YYYY-MM-DD`) and time (`hh:mm:ss`) it signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub signature: String,
    pub key_version: u32,
    pub signed_date: String,
    pub signed_time: String,
}

/// Signs receipts. `Err` is a sentence for the merchant (e.g. the key is not in the keyring).
pub trait Sealer: Send + Sync {
    fn seal(&self, input: &SealInput<'_>) -> std::result::Result<Seal, String>;
}

/// A receipt's seal as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReceiptSeal {
    pub previous: Option<String>,
    pub signed_date: String,
    pub signed_time: String,
    pub gross_minor: i64,
    pub net_minor: i64,
    pub signature: String,
    pub key_version: u32,
}

/// Who acts on a connection and who seals its receipts, handed to the write transactions.
#[derive(Clone, Default)]
pub(crate) struct Stamp {
    pub sealer: Option<Arc<dyn Sealer>>,
    pub employee: Option<String>,
}

/// A new employee: the PIN only as its slow hash (a PHC string), never in clear.
#[derive(Debug, Clone, Copy)]
pub struct NewEmployee<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// "cashier" or "manager".
    pub role: &'a str,
    pub pin_hash: &'a str,
    pub at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeRecord {
    pub id: String,
    pub name: String,
    pub role: String,
    pub pin_hash: String,
    pub active: bool,
    pub created_at_ms: i64,
}

/// An event of the electronic journal, its code from `PredefinedBasicID-13`.
#[derive(Debug, Clone, Copy)]
pub struct NewJournalEvent<'a> {
    pub code: u32,
    pub at_ms: i64,
    pub training: bool,
    pub detail: &'a str,
    /// The receipt the event concerns, by its number in the event's series (training or not).
    pub receipt: Option<i64>,
}

/// The codes (`PredefinedBasicID-13`) of the events the journal writes itself, in the same
/// transaction as what they record (kassa-saft's `JournalEvent` names them all; a test in
/// kassa-boot checks that the two agree).
pub mod event_code {
    pub const RECEIPT_PRINTED: u32 = 13012;
    pub const RETURN_RECEIPT: u32 = 13013;
    pub const COPY_RECEIPT: u32 = 13014;
    pub const TRAINING_RECEIPT: u32 = 13017;
    pub const Z_REPORT: u32 = 13009;
    pub const VOID: u32 = 13028;
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct JournalEventRecord {
    pub id: i64,
    pub code: u32,
    pub at_ms: i64,
    pub employee: Option<String>,
    pub till: String,
    pub training: bool,
    pub detail: String,
    pub receipt: Option<i64>,
}

/// The public half of a receipt key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningKey {
    pub version: u32,
    pub public_pem: String,
    pub created_at_ms: i64,
}

impl Journal {
    /// The employee who acts on this connection from now on: every sale, receipt, Z report
    /// and event written through it names them (None: nobody logged in).
    pub fn set_employee(&mut self, employee: Option<&str>) {
        self.stamp.employee = employee.map(str::to_owned);
    }

    /// The employee acting on this connection.
    pub fn employee(&self) -> Option<&str> {
        self.stamp.employee.as_deref()
    }

    /// Who seals the receipts this connection issues.
    pub fn set_sealer(&mut self, sealer: Arc<dyn Sealer>) {
        self.stamp.sealer = Some(sealer);
    }

    /// Takes the sealer away: receipts are refused until one is set again.
    pub fn clear_sealer(&mut self) {
        self.stamp.sealer = None;
    }

    pub fn add_employee(&mut self, e: &NewEmployee<'_>) -> Result<()> {
        if !matches!(e.role, "cashier" | "manager") {
            return Err(JournalError::Refused(format!(
                "{:?} is not a role: an employee is a cashier or a manager",
                e.role
            )));
        }
        self.write(|tx| {
            let taken = tx
                .query_row("SELECT 1 FROM employees WHERE id = ?1", [e.id], |_| Ok(()))
                .optional()?
                .is_some();
            if taken {
                return Err(JournalError::Refused(format!(
                    "employee number {} is taken already",
                    e.id
                )));
            }
            tx.execute(
                "INSERT INTO employees (id, name, role, pin_hash, active, created_at)
                 VALUES (?1, ?2, ?3, ?4, 1, ?5)",
                params![e.id, e.name.trim(), e.role, e.pin_hash, e.at_ms],
            )?;
            Ok(())
        })
    }

    pub fn employees(&self) -> Result<Vec<EmployeeRecord>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, name, role, pin_hash, active, created_at FROM employees
             ORDER BY created_at, id",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok(EmployeeRecord {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    role: r.get(2)?,
                    pin_hash: r.get(3)?,
                    active: r.get(4)?,
                    created_at_ms: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn set_employee_pin(&mut self, id: &str, pin_hash: &str) -> Result<()> {
        self.update_employee(id, "pin_hash", &pin_hash)
    }

    /// An employee's name as the shop's hub has it (the owner renamed them once for every
    /// till).
    pub fn set_employee_name(&mut self, id: &str, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(JournalError::Refused("an employee needs a name".into()));
        }
        self.update_employee(id, "name", &name)
    }

    pub fn set_employee_active(&mut self, id: &str, active: bool) -> Result<()> {
        self.update_employee(id, "active", &active)
    }

    pub fn set_employee_role(&mut self, id: &str, role: &str) -> Result<()> {
        if !matches!(role, "cashier" | "manager") {
            return Err(JournalError::Refused(format!(
                "{role:?} is not a role: an employee is a cashier or a manager"
            )));
        }
        self.update_employee(id, "role", &role)
    }

    fn update_employee(
        &mut self,
        id: &str,
        column: &str,
        value: &dyn rusqlite::ToSql,
    ) -> Result<()> {
        let sql = format!("UPDATE employees SET {column} = ?2 WHERE id = ?1");
        self.write(|tx| match tx.execute(&sql, params![id, value])? {
            0 => Err(JournalError::NotFound(format!("employee {id}"))),
            _ => Ok(()),
        })
    }

    /// Appends an event to the electronic journal, naming this connection's employee and
    /// the till; its id.
    pub fn record_journal_event(&mut self, e: &NewJournalEvent<'_>) -> Result<i64> {
        let employee = self.stamp.employee.clone();
        self.write(|tx| journal_event(tx, employee.as_deref(), e))
    }

    /// The electronic journal's events with `from_ms <= at < to_ms`, oldest first.
    pub fn journal_events(&self, from_ms: i64, to_ms: i64) -> Result<Vec<JournalEventRecord>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, code, at, employee, till, training, detail, receipt FROM journal_events
             WHERE at >= ?1 AND at < ?2 ORDER BY id",
        )?;
        let rows = st
            .query_map([from_ms, to_ms], |r| {
                Ok(JournalEventRecord {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    at_ms: r.get(2)?,
                    employee: r.get(3)?,
                    till: r.get(4)?,
                    training: r.get(5)?,
                    detail: r.get(6)?,
                    receipt: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Records the public half of receipt key `version` (the next one: 1, 2, ...).
    pub fn record_signing_key(&mut self, version: u32, public_pem: &str, at_ms: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO signing_keys (version, public_pem, created_at) VALUES (?1, ?2, ?3)",
                params![version, public_pem, at_ms],
            )?;
            Ok(())
        })
    }

    pub fn signing_keys(&self) -> Result<Vec<SigningKey>> {
        let mut st = self.conn.prepare_cached(
            "SELECT version, public_pem, created_at FROM signing_keys ORDER BY version",
        )?;
        let rows = st
            .query_map([], |r| {
                Ok(SigningKey {
                    version: r.get(0)?,
                    public_pem: r.get(1)?,
                    created_at_ms: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every receipt of `series` in number order with its amounts from its own records
    /// (the total, and without VAT the sum of its VAT rows) and its seal (None for a receipt
    /// issued before receipts were sealed): what `kassa verify` walks.
    pub fn receipt_chain(&self, series: Backend) -> Result<Vec<ChainReceipt>> {
        let till = self.till_id()?;
        let mut st = self.conn.prepare_cached(
            "SELECT r.number, r.total_minor,
                    COALESCE((SELECT SUM(v.net_minor) FROM receipt_vat v
                              WHERE v.till = r.till AND v.training = r.training
                                AND v.number = r.number), r.total_minor),
                    s.previous, s.signed_date, s.signed_time, s.gross_minor,
                    s.net_minor, s.signature, s.key_version
             FROM receipts r LEFT JOIN receipt_seals s
               ON s.till = r.till AND s.training = r.training AND s.number = r.number
             WHERE r.till = ?1 AND r.training = ?2 ORDER BY r.number",
        )?;
        let rows = st
            .query_map(params![till, series.is_training()], |r| {
                let signature: Option<String> = r.get(8)?;
                let seal = match signature {
                    None => None,
                    Some(signature) => Some(ReceiptSeal {
                        previous: r.get(3)?,
                        signed_date: r.get(4)?,
                        signed_time: r.get(5)?,
                        gross_minor: r.get(6)?,
                        net_minor: r.get(7)?,
                        signature,
                        key_version: r.get(9)?,
                    }),
                };
                Ok(ChainReceipt {
                    number: r.get(0)?,
                    gross_minor: r.get(1)?,
                    net_minor: r.get(2)?,
                    seal,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The highest receipt number of `series` that the journal's other records name, and
    /// which record: the running totals the triggers keep with every receipt, the Z reports,
    /// the electronic journal's events, the prints and the seals. None when none names one.
    /// `kassa verify` compares it with the last receipt: a receipt deleted at the end of the
    /// chain leaves no gap behind it, but these still count it.
    pub fn receipt_named_last(&self, series: Backend) -> Result<Option<(i64, NamedBy)>> {
        let till = self.till_id()?;
        let mut st = self.conn.prepare_cached(
            "SELECT n, what FROM (
                 SELECT MAX(last_number) AS n, 0 AS what FROM period_totals
                  WHERE till = ?1 AND training = ?2 AND kind = 'receipts'
                 UNION ALL
                 SELECT MAX(last_receipt), 1 FROM z_reports WHERE till = ?1 AND training = ?2
                 UNION ALL
                 SELECT MAX(receipt), 2 FROM journal_events WHERE till = ?1 AND training = ?2
                 UNION ALL
                 SELECT MAX(number), 3 FROM receipt_prints WHERE till = ?1 AND training = ?2
                 UNION ALL
                 SELECT MAX(number), 4 FROM receipt_seals WHERE till = ?1 AND training = ?2
             ) WHERE n IS NOT NULL ORDER BY n DESC, what LIMIT 1",
        )?;
        let found = st
            .query_map(params![till, series.is_training()], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
            })?
            .next()
            .transpose()?;
        Ok(found.map(|(n, what)| {
            let by = match what {
                0 => NamedBy::RunningTotals,
                1 => NamedBy::ZReport,
                2 => NamedBy::JournalEvent,
                3 => NamedBy::Print,
                _ => NamedBy::Seal,
            };
            (n, by)
        }))
    }
}

/// Which of the journal's records names a receipt ([`Journal::receipt_named_last`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedBy {
    RunningTotals,
    ZReport,
    JournalEvent,
    Print,
    Seal,
}

impl NamedBy {
    /// The record in words, for "… receipt N is named by <this>".
    pub fn words(self) -> &'static str {
        match self {
            NamedBy::RunningTotals => "the running totals",
            NamedBy::ZReport => "a Z report",
            NamedBy::JournalEvent => "the electronic journal",
            NamedBy::Print => "a print of it",
            NamedBy::Seal => "its seal",
        }
    }
}

/// A receipt as the chain check reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReceipt {
    pub number: i64,
    pub gross_minor: i64,
    pub net_minor: i64,
    pub seal: Option<ReceiptSeal>,
}

pub(crate) fn journal_event(
    tx: &Connection,
    employee: Option<&str>,
    e: &NewJournalEvent<'_>,
) -> Result<i64> {
    if !(13001..=13999).contains(&e.code) {
        return Err(JournalError::Refused(format!(
            "{} is not an event code of the electronic journal (13001 to 13999)",
            e.code
        )));
    }
    Ok(tx.query_row(
        "INSERT INTO journal_events (till, at, code, employee, training, detail, receipt)
         SELECT id, ?1, ?2, ?3, ?4, ?5, ?6 FROM till RETURNING id",
        params![e.at_ms, e.code, employee, e.training, e.detail, e.receipt],
        |r| r.get(0),
    )?)
}

/// Seals receipt `number` of `till` and `training` (just written in this transaction, with
/// its VAT rows): the previous seal's signature, its gross and net from its VAT rows, and the
/// sealer's signature. Refused when there is no sealer or it fails: the caller's transaction
/// is then rolled back, receipt and all.
pub(crate) fn seal_receipt(
    tx: &Connection,
    stamp: &Stamp,
    till: &str,
    training: bool,
    number: i64,
) -> Result<()> {
    let Some(sealer) = stamp.sealer.as_ref() else {
        return Err(JournalError::Unsigned(
            "this connection has no receipt signing key".to_owned(),
        ));
    };
    let previous: Option<String> = tx
        .query_row(
            "SELECT signature FROM receipt_seals WHERE till = ?1 AND training = ?2
             ORDER BY number DESC LIMIT 1",
            params![till, training],
            |r| r.get(0),
        )
        .optional()?;
    let (at_ms, gross_minor, net_minor): (i64, i64, i64) = tx.query_row(
        "SELECT r.created_at, r.total_minor,
                COALESCE((SELECT SUM(v.net_minor) FROM receipt_vat v
                          WHERE v.till = r.till AND v.training = r.training
                            AND v.number = r.number), r.total_minor)
         FROM receipts r WHERE r.till = ?1 AND r.training = ?2 AND r.number = ?3",
        params![till, training, number],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let seal = sealer
        .seal(&SealInput {
            previous: previous.as_deref(),
            at_ms,
            number,
            training,
            gross_minor,
            net_minor,
        })
        .map_err(JournalError::Unsigned)?;
    tx.execute(
        "INSERT INTO receipt_seals (till, training, number, previous, signed_date, signed_time,
                                    gross_minor, net_minor, signature, key_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            till,
            training,
            number,
            previous,
            seal.signed_date,
            seal.signed_time,
            gross_minor,
            net_minor,
            seal.signature,
            seal.key_version,
        ],
    )?;
    if training {
        journal_event(
            tx,
            stamp.employee.as_deref(),
            &NewJournalEvent {
                code: event_code::TRAINING_RECEIPT,
                at_ms,
                training,
                detail: &format!("training receipt {number}"),
                receipt: Some(number),
            },
        )?;
    }
    Ok(())
}

/// A sealer for this crate's own tests: a made-up signature (not cryptographic) chained
/// through the previous one, with key version 1. The real signature is `kassa-saft`'s, tested
/// there. Other crates' tests take `kassa_testkit::TestSealer` (the same made-up signature):
/// kassa-testkit is a dev-dependency only, so no build of the app contains a fake sealer, and
/// no feature of this crate has to be turned on for tests (one compiled kassa-journal serves
/// the app and the tests).
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// Installed by `Journal::open` in this crate's tests (see open.rs).
    #[derive(Debug, Default)]
    pub struct TestSealer;

    /// The made-up public key the test sealer's version 1 is recorded with.
    pub const TEST_PUBLIC_PEM: &str =
        "-----BEGIN PUBLIC KEY-----\ntest\n-----END PUBLIC KEY-----\n";

    impl Sealer for TestSealer {
        fn seal(&self, s: &SealInput<'_>) -> std::result::Result<Seal, String> {
            Ok(Seal {
                signature: format!(
                    "test:{}:{}:{}:{}:{}",
                    s.previous.map_or(0, str::len),
                    s.number,
                    s.training,
                    s.gross_minor,
                    s.net_minor
                ),
                key_version: 1,
                signed_date: "2026-01-01".into(),
                signed_time: "12:00:00".into(),
            })
        }
    }
}
