//! Payments still being followed: every attempt with a payment id that Aiia has not called
//! final, of any sale, open or ended. Until each is final it can still be approved, so a
//! report that says "all clear" while one exists would be wrong.

use kassa_money::{Currency, Money};
use serde::Serialize;

use crate::{Journal, JournalError, Result, SaleState};

/// One payment at Aiia that may still change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowedPayment {
    pub sale_id: String,
    /// Where the sale stands (an ended sale's earlier codes can still be approved).
    pub sale_state: SaleState,
    pub attempt_id: i64,
    /// The attempt's number within its sale (1 for the first code).
    pub seq: i64,
    pub payment_id: String,
    /// The payment's amount (a sale's payments all have the sale's amount).
    pub amount: Money,
    /// The last status read (wire text), if any.
    pub status: Option<String>,
    pub expires_at_ms: Option<i64>,
}

impl Journal {
    /// Every payment still followed, oldest sale first: attempts with a payment id that is
    /// not final, whatever the state of their sale.
    pub fn followed_payments(&self) -> Result<Vec<FollowedPayment>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.sale_id, s.state, a.id, a.seq, a.payment_id, s.amount_minor, s.currency,
                    a.status, a.expires_at
             FROM attempts a JOIN sales s ON s.id = a.sale_id
             WHERE a.is_final = 0 AND a.payment_id IS NOT NULL
             ORDER BY s.created_at, a.sale_id, a.seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(1)?,
                r.get::<_, String>(6)?,
                FollowedPayment {
                    sale_id: r.get(0)?,
                    sale_state: SaleState::Open,
                    attempt_id: r.get(2)?,
                    seq: r.get(3)?,
                    payment_id: r.get(4)?,
                    amount: Money::new(r.get(5)?, Currency::Dkk),
                    status: r.get(7)?,
                    expires_at_ms: r.get(8)?,
                },
            ))
        })?;
        rows.map(|r| {
            let (state, currency, mut p) = r?;
            p.sale_state = SaleState::parse(&state)?;
            let currency = currency
                .parse::<Currency>()
                .map_err(|_| JournalError::Corrupt(format!("unknown currency {currency:?}")))?;
            p.amount = Money::new(p.amount.minor, currency);
            Ok(p)
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use crate::{Journal, NewSale, SaleState};
    use kassa_money::{Currency, Money};

    #[test]
    fn followed_payments_are_the_non_final_attempts_with_a_payment_id_of_any_sale() {
        let mut j = Journal::open_in_memory().unwrap();
        j.insert_sale(&NewSale {
            id: "s1",
            amount: Money::new(700, Currency::Sek),
            reference: None,
            at_ms: 1_000,
            backend: crate::Backend::Live,
        })
        .unwrap();
        // Code 1 replaced and still open at the bank, code 2 paid, code 3 never created.
        let a1 = j.begin_attempt("s1", "R", 1_001).unwrap();
        j.attempt_created(a1.id, "p1", "https://bank.test/1", 1_002, 61_002)
            .unwrap();
        j.record_status(a1.id, "AwaitingAuthorization", false, 1_500)
            .unwrap();
        let a2 = j.begin_attempt("s1", "R", 50_000).unwrap();
        j.attempt_created(a2.id, "p2", "https://bank.test/2", 50_001, 110_001)
            .unwrap();
        j.record_status(a2.id, "Executed", true, 51_000).unwrap();
        j.begin_attempt("s1", "R", 52_000).unwrap();
        j.end_sale("s1", SaleState::Paid, Some("p2"), 51_001, "paid")
            .unwrap();
        assert_eq!(j.followed_payments().unwrap().len(), 1);
        let f = &j.followed_payments().unwrap()[0];
        assert_eq!(f.sale_id, "s1");
        assert_eq!(f.sale_state, SaleState::Paid);
        assert_eq!(f.payment_id, "p1");
        assert_eq!(f.seq, 1);
        assert_eq!(f.amount, Money::new(700, Currency::Sek));
        assert_eq!(f.status.as_deref(), Some("AwaitingAuthorization"));
        // Once Aiia calls it final, nothing is followed.
        j.record_status(a1.id, "Rejected", true, 60_000).unwrap();
        assert!(j.followed_payments().unwrap().is_empty());
    }
}
