//! Sale lines and numbered receipts (issue 11, point 4): schema 4, gapless numbering in the
//! transaction that ends a sale, and the append-only guards.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::*;
use kassa_money::{Currency, Money};
use rusqlite::params;

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

/// Cash enough for any test sale.
fn cash() -> Paid {
    Paid::Cash {
        given: dkk(10_000_000),
    }
}

fn card(reference: Option<&str>) -> Paid {
    Paid::Card {
        reference: reference.map(str::to_owned),
    }
}

fn open_sale(j: &mut Journal, id: &str, minor: i64, backend: Backend) {
    j.insert_sale(&NewSale {
        id,
        amount: dkk(minor),
        reference: None,
        at_ms: 1,
        backend,
    })
    .unwrap();
}

/// An attempt of `sale` with payment `pid`, ready for a status.
fn attempt(j: &mut Journal, sale: &str, pid: &str) -> i64 {
    let a = j.begin_attempt(sale, "R", 2).unwrap();
    j.attempt_created(a.id, pid, "https://pay.aiia.eu/x", 3, 60_003)
        .unwrap();
    a.id
}

fn pay(j: &mut Journal, attempt_id: i64, pid: &str, at: i64) -> Result<StatusWrite> {
    j.record_status_then(
        attempt_id,
        "Executed",
        true,
        at,
        Then::Pay {
            payment_id: pid,
            detail: "paid",
        },
    )
}

fn numbers(j: &Journal, series: Backend) -> Vec<i64> {
    let training = series.is_training();
    let mut st = j
        .conn
        .prepare("SELECT number FROM receipts WHERE training = ?1 ORDER BY number")
        .unwrap();
    st.query_map([training], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<i64>>>()
        .unwrap()
}

/// A small seeded generator (xorshift64*), so a failure replays exactly.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn migration_4_upgrades_a_version_3_journal_in_place_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    {
        let conn = Connection::open(&path).unwrap();
        for sql in schema::up_to(3) {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO sales (id, amount_minor, currency, state, created_at, ended_at,
                                paid_payment_id, backend)
             VALUES ('old-paid', 4000, 'DKK', 'paid', 10, 12, 'p1', 'live'),
                    ('old-open', 2500, 'DKK', 'open', 11, NULL, NULL, 'live');
             INSERT INTO attempts (sale_id, seq, state, reference, payment_id, authorization_url,
                                   requested_at, status, is_final)
             VALUES ('old-paid', 1, 'created', 'R', 'p1', 'https://pay.aiia.eu/p1', 10,
                     'Executed', 1),
                    ('old-open', 1, 'created', 'R', 'p2', 'https://pay.aiia.eu/p2', 11,
                     'Initiated', 0);
             INSERT INTO events (sale_id, attempt_id, at, kind, detail)
             VALUES ('old-paid', NULL, 10, 'sale_opened', '40.00 DKK'),
                    ('old-paid', NULL, 12, 'sale_paid', 'paid'),
                    ('old-open', NULL, 11, 'sale_opened', '25.00 DKK');",
        )
        .unwrap();
    }
    // A reader cannot upgrade it and says so.
    assert!(matches!(
        Journal::open_read_only(&path).err(),
        Some(JournalError::SchemaTooOld { found: 3, .. })
    ));
    let mut j = Journal::open(&path).unwrap();
    let version: i64 = j
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!((version, SCHEMA_VERSION), (9, 9));
    // Everything old is there, as it was.
    let paid = j.sale("old-paid").unwrap().unwrap();
    assert_eq!(
        (paid.state, paid.amount, paid.paid_payment_id.as_deref()),
        (SaleState::Paid, dkk(4000), Some("p1"))
    );
    assert_eq!(j.attempts("old-paid").unwrap().len(), 1);
    assert_eq!(j.events("old-paid").unwrap().len(), 2);
    assert_eq!(j.events("old-open").unwrap().len(), 1);
    // The new tables are there: an old sale has no receipt and reads as one line without
    // VAT; the till has its id; numbering starts at 1 with the first sale ended now.
    assert_eq!(j.receipt_of_sale("old-paid").unwrap(), None);
    assert_eq!(
        j.lines_of_sale("old-paid").unwrap(),
        [SaleLine {
            position: 1,
            text: String::new(),
            quantity: 1,
            unit_gross: dkk(4000),
            vat: None
        }]
    );
    let till = j.till_id().unwrap();
    assert_eq!(till.len(), 16, "{till}");
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 0);
    let a = j.attempts("old-open").unwrap()[0].id;
    assert_eq!(pay(&mut j, a, "p2", 20).unwrap().then, ThenDone::Done);
    let r = j.receipt_of_sale("old-open").unwrap().unwrap();
    assert_eq!(
        (r.number, r.total, r.till.as_str()),
        (1, dkk(2500), till.as_str())
    );
    drop(j);
    // Reopened: the same till, not migrated again.
    let j = Journal::open(&path).unwrap();
    assert_eq!(j.till_id().unwrap(), till);
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 1);
    drop(j);
    // A journal newer than this binary is still refused, untouched.
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    assert!(matches!(
        Journal::open(&path).err(),
        Some(JournalError::SchemaTooNew { found, supported })
            if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION
    ));
}

/// 1000 sales ended in a seeded random order, by pay by bank, cash and card, with sales
/// cancelled, declined, failed writes and late second payments between them: the live
/// receipts are numbered 1..=1000, once each, and each paid sale has exactly one.
#[test]
fn a_thousand_sales_ended_in_random_order_are_numbered_1_to_1000_without_gap_or_duplicate() {
    let mut j = Journal::open_in_memory().unwrap();
    let mut rng = Rng(0x4B61_7373_2026);
    let paid: Vec<String> = (0..1000).map(|i| format!("s{i}")).collect();
    let unpaid: Vec<String> = (0..100).map(|i| format!("u{i}")).collect();
    let mut attempts = std::collections::HashMap::new();
    for id in paid.iter().chain(&unpaid) {
        open_sale(&mut j, id, 100 + rng.below(10_000) as i64, Backend::Live);
        attempts.insert(id.clone(), attempt(&mut j, id, &format!("p-{id}")));
    }
    let mut order: Vec<&String> = paid.iter().chain(&unpaid).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut failed_writes = 0;
    for (at, id) in order.into_iter().enumerate() {
        let at = 1_000 + at as i64;
        let a = attempts[id];
        let pid = format!("p-{id}");
        if id.starts_with('u') {
            if rng.below(2) == 0 {
                j.end_sale(id, SaleState::Cancelled, None, at, "cashier")
                    .unwrap();
            } else {
                j.record_status_then(a, "Rejected", true, at, Then::Fail { detail: "no" })
                    .unwrap();
            }
            continue;
        }
        let before = j.last_receipt_number(Backend::Live).unwrap();
        if rng.below(10) == 0 {
            // The write that ends the sale fails: rolled back, no number used.
            failed_writes += 1;
            j.drill_refuse_sale_ends(true).unwrap();
            assert!(pay(&mut j, a, &pid, at).is_err());
            assert!(j.end_sale_with_receipt(id, &cash(), at, "cash").is_err());
            j.drill_refuse_sale_ends(false).unwrap();
            assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), before);
            assert_eq!(j.receipt_of_sale(id).unwrap(), None);
        }
        match rng.below(3) {
            0 => assert_eq!(pay(&mut j, a, &pid, at).unwrap().then, ThenDone::Done),
            1 => {
                let r = j
                    .end_sale_with_receipt(id, &cash(), at, "cash")
                    .unwrap()
                    .unwrap();
                assert_eq!(r.number, before + 1);
            }
            _ => {
                let r = j
                    .end_sale_with_receipt(id, &card(Some("terminal 1")), at, "card")
                    .unwrap()
                    .unwrap();
                assert_eq!(r.tender_detail.as_deref(), Some("terminal 1"));
            }
        }
        if rng.below(20) == 0 {
            // A late second payment of the same sale: flagged, no second receipt.
            let late = attempt(&mut j, id, &format!("late-{id}"));
            let w = pay(&mut j, late, &format!("late-{id}"), at).unwrap();
            assert!(matches!(w.then, ThenDone::AlreadyEnded { .. }), "{w:?}");
        }
        assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), before + 1);
    }
    assert!(failed_writes > 50, "{failed_writes}");
    assert_eq!(numbers(&j, Backend::Live), (1..=1000).collect::<Vec<_>>());
    assert!(numbers(&j, Backend::Sandbox).is_empty());
    let till = j.till_id().unwrap();
    let mut seen = std::collections::HashSet::new();
    for id in &paid {
        let r = j
            .receipt_of_sale(id)
            .unwrap()
            .expect("every paid sale has one");
        assert_eq!(r.total, j.sale(id).unwrap().unwrap().amount);
        assert!(seen.insert(r.number), "number {} twice", r.number);
        assert_eq!(
            j.receipt_by_number(&till, Backend::Live, r.number).unwrap(),
            Some(r)
        );
    }
    for id in &unpaid {
        assert_eq!(j.receipt_of_sale(id).unwrap(), None, "{id}");
    }
}

#[test]
fn a_sale_ended_twice_gets_one_receipt() {
    let mut j = Journal::open_in_memory().unwrap();
    open_sale(&mut j, "s1", 500, Backend::Live);
    let first = attempt(&mut j, "s1", "p1");
    let second = attempt(&mut j, "s1", "p2");
    assert_eq!(pay(&mut j, first, "p1", 10).unwrap().then, ThenDone::Done);
    // The same payment reported again (a retry after a crash): nothing new.
    assert_eq!(
        pay(&mut j, first, "p1", 11).unwrap().then,
        ThenDone::AlreadyEnded {
            state: SaleState::Paid,
            flagged: false
        }
    );
    // A second payment of the sale: flagged for a person, no receipt.
    assert_eq!(
        pay(&mut j, second, "p2", 12).unwrap().then,
        ThenDone::AlreadyEnded {
            state: SaleState::Paid,
            flagged: true
        }
    );
    // Nor by the other ways of ending it.
    assert_eq!(
        j.end_sale_with_receipt("s1", &cash(), 13, "cash").unwrap(),
        None
    );
    assert!(
        !j.end_sale("s1", SaleState::Paid, Some("p2"), 14, "paid")
            .unwrap()
    );
    assert_eq!(numbers(&j, Backend::Live), [1]);
    let r = j.receipt_of_sale("s1").unwrap().unwrap();
    assert_eq!(
        (
            r.kind,
            r.tender,
            r.tender_detail.as_deref(),
            r.created_at_ms
        ),
        (ReceiptKind::Sale, Tender::Bank, Some("p1"), 10)
    );
    // A sale not in the journal is a plain error, and takes no number.
    assert!(matches!(
        j.end_sale_with_receipt("nope", &cash(), 15, "cash"),
        Err(JournalError::NotFound(_))
    ));
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 1);
}

/// Two connections to one journal (as two processes would be, were the owner lock not
/// there) end sales at the same time, and both race to pay one shared sale: one series,
/// gapless, and the shared sale has one receipt.
#[test]
fn two_writers_ending_sales_at_once_share_one_gapless_series() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    let mut j = Journal::open(&path).unwrap();
    open_sale(&mut j, "shared", 700, Backend::Live);
    let shared = [
        attempt(&mut j, "shared", "pa"),
        attempt(&mut j, "shared", "pb"),
    ];
    for w in 0..2 {
        for i in 0..40 {
            open_sale(&mut j, &format!("w{w}-{i}"), 100, Backend::Live);
        }
    }
    drop(j);
    let threads: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut j = Journal::open(&path).unwrap();
                let mut paid_shared = false;
                for i in 0..40 {
                    if i == 20 {
                        let pid = if w == 0 { "pa" } else { "pb" };
                        paid_shared =
                            pay(&mut j, shared[w], pid, 50).unwrap().then == ThenDone::Done;
                    }
                    let paid = if w == 0 { cash() } else { card(None) };
                    j.end_sale_with_receipt(&format!("w{w}-{i}"), &paid, 100, "t")
                        .unwrap()
                        .unwrap();
                }
                paid_shared
            })
        })
        .collect();
    let won: Vec<bool> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(won.iter().filter(|w| **w).count(), 1, "{won:?}");
    let j = Journal::open(&path).unwrap();
    assert_eq!(numbers(&j, Backend::Live), (1..=81).collect::<Vec<_>>());
    let r = j.receipt_of_sale("shared").unwrap().unwrap();
    assert_eq!(
        r.tender_detail,
        j.sale("shared").unwrap().unwrap().paid_payment_id
    );
}

/// Copies the journal's files at the moment a write is inside its transaction, before it
/// commits: what a machine killed right there leaves on disk (the `-shm` is left out, as
/// SQLite rebuilds it from the WAL).
struct Snapshot {
    db: PathBuf,
    to: Arc<Mutex<Option<PathBuf>>>,
}

impl CrashHook for Snapshot {
    fn reached(&self, point: CrashPoint) {
        assert_eq!(point, CrashPoint::JournalWrite);
        if let Some(dest) = self.to.lock().unwrap().take() {
            copy_journal(&self.db, &dest);
        }
    }
}

fn copy_journal(db: &Path, dest: &Path) {
    std::fs::create_dir_all(dest).unwrap();
    std::fs::copy(db, dest.join("kassa.db")).unwrap();
    let wal = db.with_extension("db-wal");
    if wal.exists() {
        std::fs::copy(&wal, dest.join("kassa.db-wal")).unwrap();
    }
}

#[test]
fn a_crash_before_the_commit_leaves_neither_the_end_nor_the_receipt_and_after_it_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    let mut j = Journal::open(&path).unwrap();
    open_sale(&mut j, "s0", 300, Backend::Live);
    open_sale(&mut j, "s1", 500, Backend::Live);
    open_sale(&mut j, "s2", 900, Backend::Live);
    let a = attempt(&mut j, "s1", "p1");
    j.end_sale_with_receipt("s0", &cash(), 5, "cash").unwrap();
    let at = Arc::new(Mutex::new(None));
    j.set_crash_hooks(CrashHooks::new(Arc::new(Snapshot {
        db: path.clone(),
        to: at.clone(),
    })));

    // Killed inside the write that pays s1, before its commit.
    let before = dir.path().join("before");
    *at.lock().unwrap() = Some(before.clone());
    assert_eq!(pay(&mut j, a, "p1", 10).unwrap().then, ThenDone::Done);
    // Killed right after that commit (nothing else written since).
    let after = dir.path().join("after");
    copy_journal(&path, &after);
    // Killed inside the cash sale's write, before its commit.
    let cash_dir = dir.path().join("cash");
    *at.lock().unwrap() = Some(cash_dir.clone());
    j.end_sale_with_receipt("s2", &cash(), 11, "cash").unwrap();
    drop(j);

    // Before: the sale is open, its attempt has no final status, no number was used.
    let mut j = Journal::open(&before.join("kassa.db")).unwrap();
    let s1 = j.sale("s1").unwrap().unwrap();
    assert_eq!(s1.state, SaleState::Open);
    assert!(!j.attempts("s1").unwrap()[0].is_final);
    assert_eq!(j.receipt_of_sale("s1").unwrap(), None);
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 1);
    // The restarted counter reads the status again and pays: the next number, no gap.
    assert_eq!(pay(&mut j, a, "p1", 20).unwrap().then, ThenDone::Done);
    assert_eq!(j.receipt_of_sale("s1").unwrap().unwrap().number, 2);
    assert_eq!(numbers(&j, Backend::Live), [1, 2]);
    drop(j);

    // After: both the end and the receipt.
    let j = Journal::open(&after.join("kassa.db")).unwrap();
    assert_eq!(j.sale("s1").unwrap().unwrap().state, SaleState::Paid);
    let r = j.receipt_of_sale("s1").unwrap().unwrap();
    assert_eq!((r.number, r.tender_detail.as_deref()), (2, Some("p1")));
    drop(j);

    // The cash sale's crash: neither; the paid sale before it is whole.
    let j = Journal::open(&cash_dir.join("kassa.db")).unwrap();
    assert_eq!(j.sale("s2").unwrap().unwrap().state, SaleState::Open);
    assert_eq!(j.receipt_of_sale("s2").unwrap(), None);
    assert_eq!(numbers(&j, Backend::Live), [1, 2]);
    // The live journal itself got both.
    let j = Journal::open(&path).unwrap();
    assert_eq!(numbers(&j, Backend::Live), [1, 2, 3]);
}

#[test]
fn training_and_live_receipts_are_numbered_apart() {
    let mut j = Journal::open_in_memory().unwrap();
    let plan = [
        ("l1", Backend::Live),
        ("t1", Backend::Sandbox),
        ("t2", Backend::Sandbox),
        ("l2", Backend::Live),
        ("t3", Backend::Sandbox),
        ("l3", Backend::Live),
    ];
    for (id, backend) in plan {
        open_sale(&mut j, id, 1000, backend);
        if id.ends_with('2') {
            let a = attempt(&mut j, id, &format!("p-{id}"));
            pay(&mut j, a, &format!("p-{id}"), 10).unwrap();
        } else {
            j.end_sale_with_receipt(id, &cash(), 10, "cash").unwrap();
        }
    }
    let number = |j: &Journal, id: &str| {
        let r = j.receipt_of_sale(id).unwrap().unwrap();
        (r.number, r.training, r.series())
    };
    assert_eq!(number(&j, "l1"), (1, false, Backend::Live));
    assert_eq!(number(&j, "l2"), (2, false, Backend::Live));
    assert_eq!(number(&j, "l3"), (3, false, Backend::Live));
    assert_eq!(number(&j, "t1"), (1, true, Backend::Sandbox));
    assert_eq!(number(&j, "t3"), (3, true, Backend::Sandbox));
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 3);
    assert_eq!(j.last_receipt_number(Backend::Sandbox).unwrap(), 3);
    let till = j.till_id().unwrap();
    let live_2 = j
        .receipt_by_number(&till, Backend::Live, 2)
        .unwrap()
        .unwrap();
    let training_2 = j
        .receipt_by_number(&till, Backend::Sandbox, 2)
        .unwrap()
        .unwrap();
    assert_eq!(
        (live_2.sale_id.as_str(), training_2.sale_id.as_str()),
        ("l2", "t2")
    );
    assert_eq!(j.receipt_by_number(&till, Backend::Live, 4).unwrap(), None);
    assert_eq!(
        j.receipt_by_number("other-till", Backend::Live, 1).unwrap(),
        None
    );
}

#[test]
fn receipts_lines_and_the_till_refuse_change_and_deletion_with_a_clear_error() {
    let mut j = Journal::open_in_memory().unwrap();
    j.insert_sale_with_lines(
        &NewSale {
            id: "s1",
            amount: dkk(2500),
            reference: None,
            at_ms: 1,
            backend: Backend::Live,
        },
        &[NewLine {
            text: "Bread",
            quantity: 1,
            unit_gross: dkk(2500),
            vat_bp: 2500,
            saft_code: 3,
        }],
    )
    .unwrap();
    j.end_sale_with_receipt("s1", &card(None), 2, "card")
        .unwrap();
    let refused = |sql: &str, words: &str| {
        let err = j.conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains(words), "{sql}: {err}");
    };
    refused(
        "UPDATE receipts SET total_minor = 1",
        "receipts are append-only: a receipt is never changed",
    );
    refused("UPDATE receipts SET number = 7", "never changed");
    refused(
        "DELETE FROM receipts",
        "receipts are append-only: a receipt is never deleted",
    );
    refused("UPDATE sale_lines SET vat_bp = 0", "append-only");
    refused("DELETE FROM sale_lines", "append-only");
    refused("UPDATE till SET id = 'x'", "its id never changes");
    refused("DELETE FROM till", "its id never changes");
    // Numbers cannot be skipped, taken twice, or given to an unpaid sale by any writer.
    open_sale(&mut j, "s2", 100, Backend::Live);
    j.end_sale("s2", SaleState::Paid, Some("p2"), 3, "paid")
        .unwrap();
    let till = j.till_id().unwrap();
    let insert = |number: i64, sale: &str| {
        j.conn.execute(
            "INSERT INTO receipts (till, training, number, kind, sale_id, created_at,
                                   total_minor, currency, tender)
             VALUES (?1, 0, ?2, 'return', ?3, 4, -100, 'DKK', 'cash')",
            params![till, number, sale],
        )
    };
    let err = insert(5, "s2").unwrap_err();
    assert!(err.to_string().contains("gapless"), "{err}");
    let err = insert(2, "s2").unwrap_err();
    assert!(err.to_string().contains("gapless"), "{err}");
    open_sale(&mut j, "s3", 100, Backend::Live);
    let err = j
        .conn
        .execute(
            "INSERT INTO receipts (till, training, number, kind, sale_id, created_at,
                                   total_minor, currency, tender)
             VALUES (?1, 0, 3, 'sale', 's3', 4, 100, 'DKK', 'cash')",
            [&till],
        )
        .unwrap_err();
    assert!(err.to_string().contains("only for a paid sale"), "{err}");
    // Everything is as it was.
    assert_eq!(numbers(&j, Backend::Live), [1, 2]);
    assert_eq!(j.receipt_of_sale("s1").unwrap().unwrap().total, dkk(2500));
    assert_eq!(j.lines_of_sale("s1").unwrap().len(), 1);
}

#[test]
fn lines_round_trip_and_lines_that_do_not_make_the_sale_write_nothing() {
    let mut j = Journal::open_in_memory().unwrap();
    fn sale(id: &str) -> NewSale<'_> {
        NewSale {
            id,
            amount: dkk(3 * 1250 + 4990),
            reference: Some("K1"),
            at_ms: 7,
            backend: Backend::Live,
        }
    }
    let lines = [
        NewLine {
            text: "Milk 1 l",
            quantity: 3,
            unit_gross: dkk(1250),
            vat_bp: 1500,
            saft_code: 31,
        },
        NewLine {
            text: "Batteries",
            quantity: 1,
            unit_gross: dkk(4990),
            vat_bp: 2500,
            saft_code: 3,
        },
    ];
    j.insert_sale_with_lines(&sale("s1"), &lines).unwrap();
    assert_eq!(
        j.lines_of_sale("s1").unwrap(),
        [
            SaleLine {
                position: 1,
                text: "Milk 1 l".into(),
                quantity: 3,
                unit_gross: dkk(1250),
                vat: Some(LineVat {
                    bp: 1500,
                    saft_code: 31
                })
            },
            SaleLine {
                position: 2,
                text: "Batteries".into(),
                quantity: 1,
                unit_gross: dkk(4990),
                vat: Some(LineVat {
                    bp: 2500,
                    saft_code: 3
                })
            },
        ]
    );
    // The sale and its lines are one write, with one sale_opened event.
    assert_eq!(j.sale("s1").unwrap().unwrap().amount, sale("s1").amount);
    assert_eq!(j.events("s1").unwrap().len(), 1);
    // No lines: a plain sale, read as one line of its amount without VAT.
    j.insert_sale_with_lines(&sale("plain"), &[]).unwrap();
    assert_eq!(
        j.lines_of_sale("plain").unwrap(),
        [SaleLine {
            position: 1,
            text: String::new(),
            quantity: 1,
            unit_gross: sale("plain").amount,
            vat: None
        }]
    );
    assert!(matches!(
        j.lines_of_sale("nope"),
        Err(JournalError::NotFound(_))
    ));
    // Lines that are not whole, or do not add up to the sale, write neither sale nor line.
    let mut short = lines.clone();
    short[0].quantity = 2;
    let mut euro = lines.clone();
    euro[1].unit_gross = Money::new(4990, Currency::Eur);
    let mut blank = lines.clone();
    blank[1].text = "  ";
    let mut free = lines.clone();
    free[0].unit_gross = dkk(0);
    let mut none = lines.clone();
    none[0].quantity = 0;
    let mut rate = lines.clone();
    rate[0].vat_bp = 5001;
    for (n, (bad, words)) in [
        (short, "add up to"),
        (euro, "line 2 is in EUR but the sale is in DKK"),
        (blank, "line 2 has no text"),
        (free, "line 1 has no positive price"),
        (none, "line 1 has a quantity of 0"),
        (rate, "line 1 has a VAT rate above 50 %"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("bad{n}");
        let err = j.insert_sale_with_lines(&sale(&id), &bad).unwrap_err();
        assert!(matches!(err, JournalError::Refused(_)), "{err:?}");
        assert!(err.to_string().contains(words), "{err}");
        assert!(j.sale(&id).unwrap().is_none());
    }
    let n: i64 = j
        .conn
        .query_row("SELECT COUNT(*) FROM sale_lines", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
}

/// The receipt is the last step of the write that ends the sale: when it fails, the end of
/// the sale and the final status are rolled back with it, and no number is used.
#[test]
fn a_failed_receipt_write_rolls_back_the_end_of_the_sale_and_uses_no_number() {
    let mut j = Journal::open_in_memory().unwrap();
    for id in ["s1", "s2", "s3"] {
        open_sale(&mut j, id, 100, Backend::Live);
    }
    let a = attempt(&mut j, "s1", "p1");
    j.conn
        .execute_batch(
            "CREATE TEMP TRIGGER boom BEFORE INSERT ON receipts
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
        )
        .unwrap();
    assert!(pay(&mut j, a, "p1", 10).is_err());
    assert!(j.end_sale_with_receipt("s2", &cash(), 10, "cash").is_err());
    assert!(
        j.end_sale("s3", SaleState::Paid, Some("p3"), 10, "paid")
            .is_err()
    );
    for id in ["s1", "s2", "s3"] {
        assert_eq!(j.sale(id).unwrap().unwrap().state, SaleState::Open, "{id}");
        assert_eq!(j.events(id).unwrap().len(), if id == "s1" { 3 } else { 1 });
    }
    let at = &j.attempts("s1").unwrap()[0];
    assert_eq!((at.status.as_deref(), at.is_final), (None, false));
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 0);
    j.conn.execute_batch("DROP TRIGGER temp.boom").unwrap();
    assert_eq!(pay(&mut j, a, "p1", 11).unwrap().then, ThenDone::Done);
    j.end_sale_with_receipt("s2", &cash(), 11, "cash").unwrap();
    assert!(
        j.end_sale("s3", SaleState::Paid, Some("p3"), 11, "paid")
            .unwrap()
    );
    assert_eq!(numbers(&j, Backend::Live), [1, 2, 3]);
    let r = j.receipt_of_sale("s3").unwrap().unwrap();
    assert_eq!(
        (r.tender, r.tender_detail.as_deref()),
        (Tender::Bank, Some("p3"))
    );
}

/// Issue 14: every change of the books is a record of the replication log, numbered
/// without gaps in the order it was committed, and a refused write leaves none.
#[test]
fn a_paid_sale_is_in_the_replication_log_in_the_order_it_was_written() {
    let mut j = Journal::open_in_memory().unwrap();
    let before = j.replication_head().unwrap();
    open_sale(&mut j, "s1", 2500, Backend::Live);
    let a = attempt(&mut j, "s1", "p1");
    pay(&mut j, a, "p1", 10).unwrap();
    let log = j.replication_after(before, 1000).unwrap();
    let seqs: Vec<i64> = log.iter().map(|r| r.seq).collect();
    let expected: Vec<i64> = (before + 1..=before + log.len() as i64).collect();
    assert_eq!(seqs, expected, "numbered without gaps");
    let first = &log[0];
    assert_eq!(
        (first.table.as_str(), first.op.as_str()),
        ("sales", "insert")
    );
    let row: serde_json::Value = serde_json::from_str(&first.row).unwrap();
    assert_eq!(
        (row["id"].as_str(), row["state"].as_str()),
        (Some("s1"), Some("open"))
    );
    assert_eq!(row["amount_minor"], 2500);
    // The sale's last image is paid, and its receipt came with it.
    let last_sale = log
        .iter()
        .rev()
        .find(|r| r.table == "sales")
        .map(|r| serde_json::from_str::<serde_json::Value>(&r.row).unwrap())
        .unwrap();
    assert_eq!(last_sale["state"], "paid");
    let tables: Vec<&str> = log.iter().map(|r| r.table.as_str()).collect();
    for t in ["attempts", "events", "receipts", "receipt_vat"] {
        assert!(tables.contains(&t), "{t} missing from {tables:?}");
    }
    // Paging: after the first record, the rest, and nothing after the head.
    let rest = j.replication_after(first.seq, 1000).unwrap();
    assert_eq!(rest.len(), log.len() - 1);
    assert!(
        j.replication_after(j.replication_head().unwrap(), 10)
            .unwrap()
            .is_empty()
    );
    // A write the journal refuses leaves no record.
    let head = j.replication_head().unwrap();
    let refused = j.insert_sale(&NewSale {
        id: "s1",
        amount: dkk(100),
        reference: None,
        at_ms: 20,
        backend: Backend::Live,
    });
    assert!(refused.is_err());
    assert_eq!(j.replication_head().unwrap(), head);
}

/// A journal from before the log (schema 7) gets its history into the log when it is
/// upgraded, in the order it was written, and carries on from there.
#[test]
fn migration_8_logs_a_version_7_journals_history_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    {
        let conn = Connection::open(&path).unwrap();
        for sql in schema::up_to(7) {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 7).unwrap();
        conn.execute_batch(
            "INSERT INTO sales (id, amount_minor, currency, state, created_at, ended_at,
                                paid_payment_id, backend)
             VALUES ('later', 4000, 'DKK', 'open', 20, NULL, NULL, 'live'),
                    ('earlier', 2500, 'DKK', 'cancelled', 10, 12, NULL, 'live');
             INSERT INTO events (sale_id, attempt_id, at, kind, detail)
             VALUES ('earlier', NULL, 10, 'sale_opened', '25.00 DKK'),
                    ('earlier', NULL, 12, 'sale_cancelled', 'cancelled'),
                    ('later', NULL, 20, 'sale_opened', '40.00 DKK');",
        )
        .unwrap();
    }
    let mut j = Journal::open(&path).unwrap();
    let log = j.replication_after(0, 100).unwrap();
    // The history (a key the upgraded journal makes at its first open comes after it).
    let said: Vec<(String, i64)> = log
        .iter()
        .take(6)
        .map(|r| {
            let row: serde_json::Value = serde_json::from_str(&r.row).unwrap();
            let at = row["created_at"]
                .as_i64()
                .or(row["at"].as_i64())
                .unwrap_or(0);
            (r.table.clone(), at)
        })
        .collect();
    assert_eq!(
        said,
        [
            ("till".to_owned(), 0),
            ("sales".to_owned(), 10),
            ("events".to_owned(), 10),
            ("events".to_owned(), 12),
            ("sales".to_owned(), 20),
            ("events".to_owned(), 20),
        ]
    );
    assert!(log.iter().all(|r| r.op == "insert"));
    // New writes follow the history.
    let head = j.replication_head().unwrap();
    open_sale(&mut j, "new", 100, Backend::Live);
    let after = j.replication_after(head, 100).unwrap();
    assert_eq!(after[0].seq, head + 1);
    assert_eq!(after[0].table, "sales");
}
