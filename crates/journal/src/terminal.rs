//! The registers' payments (schema 9, issue 16): which register asked for which payment
//! through the terminal API, and the sale Kassa opened for it. A reference record beside the
//! books: what was paid is the sale's own rows; this only finds the sale again for the
//! register, after a lost reply or a restart of either side.

use kassa_money::{Currency, Money};
use rusqlite::{OptionalExtension, params};

use crate::{Journal, JournalError, Result};

/// A register's payment request as Kassa took it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerminalPayment {
    /// The register (nexo `SaleID`).
    pub sale_system: String,
    /// The register's id of the request/response pair (nexo `ServiceID`).
    pub service_id: String,
    /// The register's transaction (`SaleTransactionID.TransactionID`) and its time stamp as
    /// the register wrote it (`SaleTransactionID.TimeStamp`).
    pub transaction_id: String,
    pub transaction_at: String,
    /// The terminal the register addressed (nexo `POIID`).
    pub poi_id: String,
    pub amount: Money,
    pub received_at_ms: i64,
    /// The sale Kassa opened for it (None only while it is being opened, or when Kassa
    /// stopped between the two writes).
    pub sale_id: Option<String>,
    /// When the register asked to abort it (and Kassa took the abort).
    pub abort_at_ms: Option<i64>,
}

/// What the journal keeps of a new request, before its sale is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewTerminalPayment<'a> {
    pub sale_system: &'a str,
    pub service_id: &'a str,
    pub transaction_id: &'a str,
    pub transaction_at: &'a str,
    pub poi_id: &'a str,
    pub amount: Money,
    pub received_at_ms: i64,
}

const COLUMNS: &str = "sale_system, service_id, transaction_id, transaction_at, poi_id,
    amount_minor, currency, received_at, sale_id, abort_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(TerminalPayment, String)> {
    Ok((
        TerminalPayment {
            sale_system: r.get(0)?,
            service_id: r.get(1)?,
            transaction_id: r.get(2)?,
            transaction_at: r.get(3)?,
            poi_id: r.get(4)?,
            amount: Money::new(r.get(5)?, Currency::Dkk),
            received_at_ms: r.get(7)?,
            sale_id: r.get(8)?,
            abort_at_ms: r.get(9)?,
        },
        r.get(6)?,
    ))
}

fn with_currency((mut p, code): (TerminalPayment, String)) -> Result<TerminalPayment> {
    p.amount.currency = code
        .parse()
        .map_err(|_| JournalError::Corrupt(format!("unknown currency {code:?}")))?;
    Ok(p)
}

impl Journal {
    /// Writes a register's request before its sale is opened. `Ok(false)` when this
    /// register already used this `ServiceID` (nothing is written then).
    pub fn begin_terminal_payment(&mut self, p: &NewTerminalPayment<'_>) -> Result<bool> {
        self.write(|tx| {
            let n = tx.execute(
                "INSERT INTO terminal_payments (sale_system, service_id, transaction_id,
                    transaction_at, poi_id, amount_minor, currency, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (sale_system, service_id) DO NOTHING",
                params![
                    p.sale_system,
                    p.service_id,
                    p.transaction_id,
                    p.transaction_at,
                    p.poi_id,
                    p.amount.minor,
                    p.amount.currency.code(),
                    p.received_at_ms
                ],
            )?;
            Ok(n == 1)
        })
    }

    /// The sale Kassa opened for the request (set once, never changed).
    pub fn terminal_payment_opened(
        &mut self,
        sale_system: &str,
        service_id: &str,
        sale_id: &str,
    ) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE terminal_payments SET sale_id = ?3
                 WHERE sale_system = ?1 AND service_id = ?2",
                params![sale_system, service_id, sale_id],
            )?;
            if n == 1 {
                Ok(())
            } else {
                Err(JournalError::NotFound(format!(
                    "the register {sale_system}'s payment {service_id}"
                )))
            }
        })
    }

    /// Removes a request whose sale could not be opened (Kassa refused it): the register
    /// may send it again. A request with a sale is never removed.
    pub fn forget_terminal_payment(&mut self, sale_system: &str, service_id: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM terminal_payments
                 WHERE sale_system = ?1 AND service_id = ?2 AND sale_id IS NULL",
                params![sale_system, service_id],
            )?;
            Ok(())
        })
    }

    /// The register asked to abort the payment and Kassa took it (the first time counts).
    pub fn terminal_payment_aborted(
        &mut self,
        sale_system: &str,
        service_id: &str,
        at_ms: i64,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE terminal_payments SET abort_at = ?3
                 WHERE sale_system = ?1 AND service_id = ?2 AND abort_at IS NULL",
                params![sale_system, service_id, at_ms],
            )?;
            Ok(())
        })
    }

    /// The register's request of this `ServiceID`.
    pub fn terminal_payment(
        &self,
        sale_system: &str,
        service_id: &str,
    ) -> Result<Option<TerminalPayment>> {
        let found = self
            .conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM terminal_payments
                     WHERE sale_system = ?1 AND service_id = ?2"
                ),
                params![sale_system, service_id],
                row,
            )
            .optional()?;
        found.map(with_currency).transpose()
    }

    /// The register's requests for its transaction `transaction_id`, newest first.
    pub fn terminal_payments_of_transaction(
        &self,
        sale_system: &str,
        transaction_id: &str,
    ) -> Result<Vec<TerminalPayment>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM terminal_payments
             WHERE sale_system = ?1 AND transaction_id = ?2
             ORDER BY received_at DESC, rowid DESC"
        ))?;
        let rows = stmt.query_map(params![sale_system, transaction_id], row)?;
        rows.map(|r| with_currency(r?)).collect()
    }

    /// The register's newest request (nexo's "last transaction").
    pub fn last_terminal_payment(&self, sale_system: &str) -> Result<Option<TerminalPayment>> {
        let found = self
            .conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM terminal_payments WHERE sale_system = ?1
                     ORDER BY received_at DESC, rowid DESC LIMIT 1"
                ),
                params![sale_system],
                row,
            )
            .optional()?;
        found.map(with_currency).transpose()
    }

    /// The register's request that opened `sale_id`, if a register opened it.
    pub fn terminal_payment_of_sale(&self, sale_id: &str) -> Result<Option<TerminalPayment>> {
        let found = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM terminal_payments WHERE sale_id = ?1"),
                params![sale_id],
                row,
            )
            .optional()?;
        found.map(with_currency).transpose()
    }

    /// Requests whose sale was never written back (Kassa stopped between the request's
    /// write and its sale's), oldest first.
    pub fn unopened_terminal_payments(&self) -> Result<Vec<TerminalPayment>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM terminal_payments WHERE sale_id IS NULL
             ORDER BY received_at, rowid"
        ))?;
        let rows = stmt.query_map([], row)?;
        rows.map(|r| with_currency(r?)).collect()
    }

    /// Sales of `amount` opened in `[from_ms, to_ms]` that no register's request names: the
    /// candidates for a request whose sale was never written back.
    pub fn unclaimed_sales(&self, amount: Money, from_ms: i64, to_ms: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id FROM sales s
             WHERE s.created_at BETWEEN ?1 AND ?2 AND s.amount_minor = ?3 AND s.currency = ?4
               AND NOT EXISTS (SELECT 1 FROM terminal_payments t WHERE t.sale_id = s.id)
             ORDER BY s.created_at, s.id",
        )?;
        let rows = stmt.query_map(
            params![from_ms, to_ms, amount.minor, amount.currency.code()],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// How the sale ended, as the journal recorded it (`sale_paid`, `sale_failed`,
    /// `sale_cancelled` and its detail), when it ended.
    pub fn sale_end_record(&self, sale_id: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT kind, detail FROM events WHERE sale_id = ?1
                 AND kind IN ('sale_paid', 'sale_failed', 'sale_cancelled')
                 ORDER BY id DESC LIMIT 1",
                params![sale_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{Backend, NewSale};

    fn request<'a>(
        service_id: &'a str,
        transaction_id: &'a str,
        at: i64,
    ) -> NewTerminalPayment<'a> {
        NewTerminalPayment {
            sale_system: "POS1",
            service_id,
            transaction_id,
            transaction_at: "2026-12-04T10:00:00+01:00",
            poi_id: "KASSA-1",
            amount: Money::new(1250, Currency::Dkk),
            received_at_ms: at,
        }
    }

    #[test]
    fn a_register_payment_is_kept_with_its_sale_and_found_again_after_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.db");
        let mut j = Journal::open(&path).unwrap();
        assert!(j.begin_terminal_payment(&request("1", "T1", 10)).unwrap());
        assert!(
            !j.begin_terminal_payment(&request("1", "T2", 11)).unwrap(),
            "a ServiceID is the register's once"
        );
        j.insert_sale(&NewSale {
            id: "s1",
            amount: Money::new(1250, Currency::Dkk),
            reference: None,
            at_ms: 12,
            backend: Backend::Sandbox,
        })
        .unwrap();
        j.terminal_payment_opened("POS1", "1", "s1").unwrap();
        assert!(j.begin_terminal_payment(&request("2", "T1", 20)).unwrap());
        j.terminal_payment_aborted("POS1", "2", 21).unwrap();
        j.terminal_payment_aborted("POS1", "2", 22).unwrap();
        drop(j);

        let j = Journal::open(&path).unwrap();
        let first = j.terminal_payment("POS1", "1").unwrap().unwrap();
        assert_eq!(first.sale_id.as_deref(), Some("s1"));
        assert_eq!(first.amount, Money::new(1250, Currency::Dkk));
        assert_eq!(first.transaction_id, "T1");
        let both = j.terminal_payments_of_transaction("POS1", "T1").unwrap();
        assert_eq!(
            both.iter()
                .map(|p| p.service_id.as_str())
                .collect::<Vec<_>>(),
            ["2", "1"],
            "newest first"
        );
        assert_eq!(both[0].abort_at_ms, Some(21), "the first abort counts");
        assert_eq!(
            j.last_terminal_payment("POS1").unwrap().unwrap().service_id,
            "2"
        );
        assert!(j.last_terminal_payment("POS2").unwrap().is_none());
        assert_eq!(
            j.terminal_payment_of_sale("s1")
                .unwrap()
                .unwrap()
                .service_id,
            "1"
        );
        assert!(j.sale_end_record("s1").unwrap().is_none());
        let unopened = j.unopened_terminal_payments().unwrap();
        assert_eq!(
            unopened
                .iter()
                .map(|p| p.service_id.as_str())
                .collect::<Vec<_>>(),
            ["2"]
        );
        let dkk = Money::new(1250, Currency::Dkk);
        assert!(
            j.unclaimed_sales(dkk, 0, 100).unwrap().is_empty(),
            "s1 is the register's"
        );
    }

    #[test]
    fn a_register_payment_keeps_its_sale_and_is_never_deleted() {
        let mut j = Journal::open_in_memory().unwrap();
        for id in ["s1", "s2"] {
            j.insert_sale(&NewSale {
                id,
                amount: Money::new(1250, Currency::Dkk),
                reference: None,
                at_ms: 1,
                backend: Backend::Sandbox,
            })
            .unwrap();
        }
        j.begin_terminal_payment(&request("1", "T1", 10)).unwrap();
        j.terminal_payment_opened("POS1", "1", "s1").unwrap();
        let e = j.terminal_payment_opened("POS1", "1", "s2").unwrap_err();
        assert!(e.to_string().contains("keeps its sale"), "{e}");
        let e = j
            .conn
            .execute("DELETE FROM terminal_payments", [])
            .unwrap_err();
        assert!(e.to_string().contains("never deleted"), "{e}");
        assert!(j.terminal_payment_opened("POS1", "9", "s2").is_err());
        // A request whose sale was never opened can go; one with a sale stays.
        j.begin_terminal_payment(&request("2", "T2", 11)).unwrap();
        j.forget_terminal_payment("POS1", "2").unwrap();
        j.forget_terminal_payment("POS1", "1").unwrap();
        assert!(j.terminal_payment("POS1", "2").unwrap().is_none());
        assert!(j.terminal_payment("POS1", "1").unwrap().is_some());
    }
}
