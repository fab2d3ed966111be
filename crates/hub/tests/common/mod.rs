//! Tills for the hub's tests: a journal on disk that sells cash and card sales (sealed by
//! the test sealer), and helpers to compare what the hub has with what the tills have.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use kassa_hub::{Hub, HubConfig, TillIdentity};
use kassa_journal::{Backend, Journal, NewLine, NewReturn, NewSale, Paid, RefundBy};
use kassa_money::{Currency, Money};

/// 2026-12-04 00:00 UTC: the tests' day.
pub const DAY_START: i64 = 1_796_342_400_000;
pub const DAY_MS: i64 = 86_400_000;

pub fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

pub fn the_day() -> kassa_hub::Day {
    kassa_hub::Day {
        date: "2026-12-04".into(),
        from_ms: DAY_START,
        to_ms: DAY_START + DAY_MS,
    }
}

/// A till: its journal (the owner's connection) and who it is to the hub.
pub struct TestTill {
    pub path: PathBuf,
    pub journal: Journal,
    pub identity: TillIdentity,
    sold: u32,
}

impl TestTill {
    pub fn new(dir: &Path, name: &str) -> TestTill {
        Self::for_shop(dir, name, "DK12345674")
    }

    pub fn for_shop(dir: &Path, name: &str, merchant: &str) -> TestTill {
        let path = dir.join(format!("{name}.db"));
        let mut journal = Journal::open(&path).unwrap();
        journal.set_sealer(Arc::new(kassa_testkit::TestSealer));
        if journal.signing_keys().unwrap().is_empty() {
            journal
                .record_signing_key(1, kassa_testkit::TEST_PUBLIC_PEM, 0)
                .unwrap();
        }
        let till_id = journal.till_id().unwrap();
        TestTill {
            path,
            journal,
            identity: TillIdentity {
                till_id,
                merchant_id: merchant.into(),
                name: Some(name.into()),
            },
            sold: 0,
        }
    }

    /// A sale of `lines` (text, unit price, quantity, VAT in basis points) paid by `paid`,
    /// at `at_ms`; its id.
    pub fn sell(&mut self, lines: &[(&str, i64, u32, u32)], paid: Paid, at_ms: i64) -> String {
        self.sold += 1;
        let id = format!(
            "{}-{}",
            self.identity.name.as_deref().unwrap_or("t"),
            self.sold
        );
        let lines: Vec<NewLine<'_>> = lines
            .iter()
            .map(|(text, unit, quantity, bp)| NewLine {
                text,
                quantity: *quantity,
                unit_gross: dkk(*unit),
                vat_bp: *bp,
                saft_code: if *bp == 0 { 5 } else { 3 },
            })
            .collect();
        let total: i64 = lines
            .iter()
            .map(|l| l.unit_gross.minor * i64::from(l.quantity))
            .sum();
        self.journal
            .insert_paid_sale(
                &NewSale {
                    id: &id,
                    amount: dkk(total),
                    reference: None,
                    at_ms,
                    backend: Backend::Live,
                },
                &lines,
                &paid,
                "test sale",
            )
            .unwrap();
        id
    }

    /// A cash sale of one line at 25 % VAT.
    pub fn sell_cash(&mut self, minor: i64, at_ms: i64) -> String {
        self.sell(&[("Bread", minor, 1, 2500)], cash(minor), at_ms)
    }

    /// Returns one `line` of `sale` (unit `minor`, 25 %) in cash.
    pub fn return_cash(&mut self, sale: &str, text: &str, minor: i64, at_ms: i64) {
        let lines = [NewLine {
            text,
            quantity: 1,
            unit_gross: dkk(minor),
            vat_bp: 2500,
            saft_code: 3,
        }];
        self.journal
            .record_return(&NewReturn {
                sale_id: sale,
                lines: &lines,
                reason: "broken",
                at_ms,
                refund: RefundBy::Cash,
            })
            .unwrap();
    }

    /// A morning from `t`: bread and milk in cash (54,00), a cake by card (50,00), the bread
    /// returned in cash, the period closed with Z 1 (receipts 1 to 3), then 7,00 in cash.
    pub fn morning(&mut self, t: i64) {
        let s1 = self.sell(
            &[("Bread", 3000, 1, 2500), ("Milk", 1200, 2, 1200)],
            cash(6000),
            t,
        );
        self.sell(&[("Cake", 5000, 1, 2500)], card(), t + 1000);
        self.return_cash(&s1, "Bread", 3000, t + 2000);
        self.journal
            .close_z(kassa_journal::Backend::Live, t + 3000)
            .unwrap();
        self.sell_cash(700, t + 4000);
    }

    pub fn head(&self) -> i64 {
        self.journal.replication_head().unwrap()
    }
}

pub fn cash(minor: i64) -> Paid {
    Paid::Cash { given: dkk(minor) }
}

pub fn card() -> Paid {
    Paid::Card { reference: None }
}

pub fn config(url: &str) -> HubConfig {
    HubConfig::parse(url, None).unwrap()
}

/// What the hub holds of `till`, as (seq, table, op, row) with the row as JSON.
pub async fn hub_records(url: &str, till: &str) -> Vec<(i64, String, String, serde_json::Value)> {
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap();
    let task = tokio::spawn(conn);
    let rows = client
        .query(
            "SELECT seq, tbl, op, body::text FROM records WHERE till_id = $1 ORDER BY seq",
            &[&till],
        )
        .await
        .unwrap();
    task.abort();
    rows.iter()
        .map(|r| {
            (
                r.get(0),
                r.get(1),
                r.get(2),
                serde_json::from_str(r.get::<_, &str>(3)).unwrap(),
            )
        })
        .collect()
}

/// What the till's journal holds, in the same form.
pub fn till_records(path: &Path) -> Vec<(i64, String, String, serde_json::Value)> {
    let j = Journal::open_read_only(path).unwrap();
    j.replication_after(0, usize::MAX)
        .unwrap()
        .into_iter()
        .map(|r| (r.seq, r.table, r.op, serde_json::from_str(&r.row).unwrap()))
        .collect()
}

/// Runs a statement on the hub as its superuser or owner (tests that tamper with it).
pub async fn sql(url: &str, statement: &str) {
    let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap();
    let task = tokio::spawn(conn);
    client.batch_execute(statement).await.unwrap();
    task.abort();
}

/// Waits until the hub has every record `till` has, or fails after `limit`.
pub async fn caught_up(hub: &HubConfig, till: &TestTill, limit: Duration) {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let head = till.head();
        if let Ok(h) = Hub::connect(hub).await
            && let Ok(acked) = h.acked(&till.identity.till_id).await
            && acked == head
        {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the hub did not catch up with {} (head {head}) in {limit:?}",
            till.identity.till_id
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
