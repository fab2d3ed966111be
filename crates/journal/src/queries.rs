//! Reading sales, attempts and events: single sales, open ones, a period's list and totals,
//! what resume follows, and exports.

use kassa_money::Currency;
use rusqlite::{OptionalExtension, params};

use crate::rows::{ATTEMPT_SELECT, SALE_SELECT, attempt_row, sale_row};
use crate::{
    AttemptRecord, Backend, EventRecord, Journal, JournalError, Result, SaleRecord, Totals,
};

impl Journal {
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
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::{Backend, Journal, NewSale, SaleState, Totals};
    use kassa_money::{Currency, Money};

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
}
