//! Schema 6 (issue 12): receipts sealed in their own transaction and chained per series, the
//! acting employee on everything written, the staff, the electronic journal and the keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use super::*;
use kassa_money::{Currency, Money};

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

fn sale<'a>(id: &'a str, minor: i64, at_ms: i64, backend: Backend) -> NewSale<'a> {
    NewSale {
        id,
        amount: dkk(minor),
        reference: None,
        at_ms,
        backend,
    }
}

fn line(text: &str, unit: i64, quantity: u32) -> NewLine<'_> {
    NewLine {
        text,
        quantity,
        unit_gross: dkk(unit),
        vat_bp: 2500,
        saft_code: 3,
    }
}

fn cash_sale(j: &mut Journal, id: &str, minor: i64, backend: Backend) -> Result<Receipt> {
    j.insert_paid_sale(
        &sale(id, minor, 1_000, backend),
        &[line("Kaffe", minor, 1)],
        &Paid::Cash { given: dkk(minor) },
        "paid",
    )
}

fn count(j: &Journal, table: &str) -> i64 {
    j.conn
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// What a sealer was asked: previous, number, training, gross, net.
type Asked = (Option<String>, i64, bool, i64, i64);

/// Records what it was asked to seal; fails when told to.
struct Recording {
    asked: std::sync::Mutex<Vec<Asked>>,
    fail: bool,
}

impl Sealer for Recording {
    fn seal(&self, s: &SealInput<'_>) -> std::result::Result<Seal, String> {
        if self.fail {
            return Err("the receipt key is not in the keyring".into());
        }
        self.asked.lock().unwrap().push((
            s.previous.map(str::to_owned),
            s.number,
            s.training,
            s.gross_minor,
            s.net_minor,
        ));
        Ok(Seal {
            signature: format!("sig-{}-{}", s.training, s.number),
            key_version: 1,
            signed_date: "2026-12-02".into(),
            signed_time: "09:41:05".into(),
        })
    }
}

#[test]
fn every_receipt_is_sealed_with_gross_and_net_and_chained_per_series() {
    let mut j = Journal::open_in_memory().unwrap();
    let rec = Arc::new(Recording {
        asked: Default::default(),
        fail: false,
    });
    j.set_sealer(rec.clone());
    let first = cash_sale(&mut j, "a", 12_500, Backend::Live).unwrap();
    let second = cash_sale(&mut j, "b", 5_000, Backend::Live).unwrap();
    let training = cash_sale(&mut j, "t", 1_000, Backend::Sandbox).unwrap();
    let asked = rec.asked.lock().unwrap().clone();
    assert_eq!(
        asked,
        [
            (None, 1, false, 12_500, 10_000),
            (Some("sig-false-1".into()), 2, false, 5_000, 4_000),
            (None, 1, true, 1_000, 800),
        ]
    );
    let seal = first.seal.clone().unwrap();
    assert_eq!(
        (seal.previous, seal.signature.as_str(), seal.key_version),
        (None, "sig-false-1", 1)
    );
    assert_eq!(
        (seal.signed_date.as_str(), seal.signed_time.as_str()),
        ("2026-12-02", "09:41:05")
    );
    assert_eq!(
        second.seal.unwrap().previous.as_deref(),
        Some("sig-false-1")
    );
    assert_eq!(training.seal.unwrap().previous, None);
    // A return is sealed too, negative, chained after the sale receipts.
    let done = j
        .record_return(&NewReturn {
            sale_id: "a",
            lines: &[line("Kaffe", 12_500, 1)],
            reason: "spilt",
            at_ms: 2_000,
            refund: RefundBy::Cash,
        })
        .unwrap();
    let seal = done.receipt.seal.unwrap();
    assert_eq!(
        (seal.previous.as_deref(), seal.gross_minor, seal.net_minor),
        (Some("sig-false-2"), -12_500, -10_000)
    );
    let chain = j.receipt_chain(Backend::Live).unwrap();
    assert_eq!(
        chain
            .iter()
            .map(|c| (c.number, c.gross_minor, c.net_minor, c.seal.is_some()))
            .collect::<Vec<_>>(),
        [
            (1, 12_500, 10_000, true),
            (2, 5_000, 4_000, true),
            (3, -12_500, -10_000, true)
        ]
    );
    // A bank-paid receipt is sealed in the status's transaction.
    j.insert_sale(&sale("bank", 700, 3_000, Backend::Live))
        .unwrap();
    let a = j.begin_attempt("bank", "R", 3_001).unwrap();
    j.attempt_created(a.id, "pid", "https://pay.aiia.eu/x", 3_002, 63_002)
        .unwrap();
    j.record_status_then(
        a.id,
        "Executed",
        true,
        3_100,
        Then::Pay {
            payment_id: "pid",
            detail: "paid",
        },
    )
    .unwrap();
    let r = j.receipt_of_sale("bank").unwrap().unwrap();
    assert_eq!(
        r.seal.unwrap().previous.as_deref(),
        Some("sig-false-3"),
        "a sale without lines is sealed with net = gross"
    );
}

#[test]
fn without_a_sealer_no_receipt_is_issued() {
    let mut j = Journal::open_in_memory().unwrap();
    j.clear_sealer();
    let err = cash_sale(&mut j, "a", 100, Backend::Live).unwrap_err();
    assert!(matches!(err, JournalError::Unsigned(_)), "{err}");
    assert_eq!(
        err.to_string(),
        "no receipt issued: this connection has no receipt signing key"
    );
    assert_eq!((count(&j, "receipts"), count(&j, "receipt_seals")), (0, 0));
}

#[test]
fn with_a_failing_sealer_no_receipt_is_issued_and_nothing_is_written() {
    let mut j = Journal::open_in_memory().unwrap();
    let before = (count(&j, "sales"), count(&j, "receipts"));
    j.set_sealer(Arc::new(Recording {
        asked: Default::default(),
        fail: true,
    }));
    let err = cash_sale(&mut j, "a", 100, Backend::Live).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no receipt issued: the receipt key is not in the keyring"
    );
    // A bank sale's payment: the sale stays open, no number is used.
    j.insert_sale(&sale("bank", 700, 3_000, Backend::Live))
        .unwrap();
    let a = j.begin_attempt("bank", "R", 3_001).unwrap();
    j.attempt_created(a.id, "pid", "https://pay.aiia.eu/x", 3_002, 63_002)
        .unwrap();
    let paid = j.record_status_then(
        a.id,
        "Executed",
        true,
        3_100,
        Then::Pay {
            payment_id: "pid",
            detail: "paid",
        },
    );
    assert!(matches!(paid, Err(JournalError::Unsigned(_))));
    assert_eq!(j.sale("bank").unwrap().unwrap().state, SaleState::Open);
    assert_eq!(
        (count(&j, "sales"), count(&j, "receipts")),
        (before.0 + 1, before.1)
    );
    assert_eq!(count(&j, "receipt_seals"), 0);
    // With the key back, the next receipt is number 1.
    j.set_sealer(Arc::new(testing::TestSealer));
    assert_eq!(
        cash_sale(&mut j, "a", 100, Backend::Live).unwrap().number,
        1
    );
}

#[test]
fn seals_are_only_for_the_newest_receipt_chained_to_the_one_before_and_never_change() {
    let mut j = Journal::open_in_memory().unwrap();
    cash_sale(&mut j, "a", 100, Backend::Live).unwrap();
    cash_sale(&mut j, "b", 200, Backend::Live).unwrap();
    let till = j.till_id().unwrap();
    let insert = |j: &Journal, number: i64, previous: Option<&str>| {
        j.conn.execute(
            "INSERT INTO receipt_seals (till, training, number, previous, signed_date,
                 signed_time, gross_minor, net_minor, signature, key_version)
             VALUES (?1, 0, ?2, ?3, '2026-12-02', '10:00:00', 1, 1, 'x', 1)",
            rusqlite::params![till, number, previous],
        )
    };
    // An old receipt's seal again: refused, whichever guard speaks first.
    let err = insert(&j, 1, None).unwrap_err().to_string();
    assert!(
        err.contains("not the newest receipt") || err.contains("a seal is chained"),
        "{err}"
    );
    let last = j.receipt_chain(Backend::Live).unwrap()[1]
        .seal
        .clone()
        .unwrap()
        .signature;
    let err = insert(&j, 1, Some(&last)).unwrap_err().to_string();
    assert!(err.contains("not the newest receipt"), "{err}");
    j.record_journal_event(&NewJournalEvent {
        code: 13001,
        at_ms: 1,
        training: false,
        detail: "start",
        receipt: None,
    })
    .unwrap();
    for (sql, words) in [
        (
            "UPDATE journal_events SET code = 13002",
            "the electronic journal is append-only",
        ),
        (
            "UPDATE receipt_seals SET signature = 'forged'",
            "a receipt's seal never changes",
        ),
        (
            "DELETE FROM receipt_seals",
            "a receipt's seal is never deleted",
        ),
        ("DELETE FROM signing_keys", "a signing key is never deleted"),
        (
            "INSERT INTO signing_keys VALUES (5, '-----BEGIN PUBLIC KEY-----x', 0)",
            "key versions are gapless",
        ),
        (
            "DELETE FROM journal_events",
            "the electronic journal is append-only",
        ),
    ] {
        let err = j.conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains(words), "{sql}: {err}");
    }
    // A seal with a key whose public half is not recorded is refused by the schema itself.
    struct Forger;
    impl Sealer for Forger {
        fn seal(&self, _: &SealInput<'_>) -> std::result::Result<Seal, String> {
            Ok(Seal {
                signature: "forged".into(),
                key_version: 2,
                signed_date: "2026-12-02".into(),
                signed_time: "10:00:00".into(),
            })
        }
    }
    j.set_sealer(Arc::new(Forger));
    let err = cash_sale(&mut j, "c", 300, Backend::Live).unwrap_err();
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    assert_eq!(count(&j, "receipts"), 2);
    assert_eq!(count(&j, "receipts"), 2);
}

#[test]
fn the_acting_employee_is_named_on_sales_receipts_returns_z_and_events() {
    let mut j = Journal::open_in_memory().unwrap();
    j.add_employee(&NewEmployee {
        id: "7",
        name: " Ada ",
        role: "manager",
        pin_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y",
        at_ms: 5,
    })
    .unwrap();
    assert_eq!(j.employee(), None);
    j.set_employee(Some("7"));
    // A bank sale opened by 7 keeps 7 on its receipt though 8 acts when it is paid.
    j.insert_sale(&sale("bank", 700, 3_000, Backend::Live))
        .unwrap();
    j.set_employee(Some("8"));
    let a = j.begin_attempt("bank", "R", 3_001).unwrap();
    j.attempt_created(a.id, "pid", "https://pay.aiia.eu/x", 3_002, 63_002)
        .unwrap();
    j.record_status_then(
        a.id,
        "Executed",
        true,
        3_100,
        Then::Pay {
            payment_id: "pid",
            detail: "paid",
        },
    )
    .unwrap();
    assert_eq!(
        j.receipt_of_sale("bank")
            .unwrap()
            .unwrap()
            .employee
            .as_deref(),
        Some("7")
    );
    let r = cash_sale(&mut j, "c", 100, Backend::Live).unwrap();
    assert_eq!(r.employee.as_deref(), Some("8"));
    let done = j
        .record_return(&NewReturn {
            sale_id: "c",
            lines: &[line("Kaffe", 100, 1)],
            reason: "spilt",
            at_ms: 4_000,
            refund: RefundBy::Cash,
        })
        .unwrap();
    assert_eq!(done.receipt.employee.as_deref(), Some("8"));
    j.close_z(Backend::Live, 5_000).unwrap();
    let z_employee: Option<String> = j
        .conn
        .query_row("SELECT employee FROM z_reports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(z_employee.as_deref(), Some("8"));
    let id = j
        .record_journal_event(&NewJournalEvent {
            code: 13008,
            at_ms: 5_000,
            training: false,
            detail: "X report",
            receipt: None,
        })
        .unwrap();
    let events = j.journal_events(0, 10_000).unwrap();
    // The return receipt (13013) and the Z (13009) are journaled with their facts; the X
    // (13008) by its host.
    let codes: Vec<u32> = events.iter().map(|e| e.code).collect();
    assert_eq!(codes, [13013, 13009, 13008]);
    assert_eq!(events[0].receipt, Some(done.receipt.number));
    assert_eq!(events[1].employee.as_deref(), Some("8"));
    let e = &events[2];
    assert_eq!(
        (e.id, e.code, e.at_ms, e.employee.as_deref(), e.training),
        (id, 13008, 5_000, Some("8"), false)
    );
    assert_eq!(e.till, j.till_id().unwrap());
    assert!(j.journal_events(5_001, 10_000).unwrap().is_empty());
    let err = j
        .record_journal_event(&NewJournalEvent {
            code: 12001,
            at_ms: 1,
            training: false,
            detail: "",
            receipt: None,
        })
        .unwrap_err();
    assert!(err.to_string().contains("not an event code"), "{err}");
}

#[test]
fn employees_are_kept_with_a_hashed_pin_never_deleted_and_their_ids_unique() {
    let mut j = Journal::open_in_memory().unwrap();
    let ada = NewEmployee {
        id: "1",
        name: "Ada",
        role: "cashier",
        pin_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        at_ms: 1,
    };
    j.add_employee(&ada).unwrap();
    let err = j.add_employee(&ada).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not written: employee number 1 is taken already"
    );
    let err = j
        .add_employee(&NewEmployee {
            id: "2",
            role: "boss",
            ..ada
        })
        .unwrap_err();
    assert!(err.to_string().contains("a cashier or a manager"), "{err}");
    let err = j
        .add_employee(&NewEmployee {
            id: "3",
            pin_hash: "1234",
            ..ada
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("CHECK"),
        "a PIN in clear is refused: {err}"
    );
    j.set_employee_role("1", "manager").unwrap();
    j.set_employee_active("1", false).unwrap();
    j.set_employee_pin("1", "$argon2id$new").unwrap();
    let all = j.employees().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (
            all[0].role.as_str(),
            all[0].active,
            all[0].pin_hash.as_str()
        ),
        ("manager", false, "$argon2id$new")
    );
    assert!(matches!(
        j.set_employee_active("9", true),
        Err(JournalError::NotFound(_))
    ));
    let err = j
        .conn
        .execute("DELETE FROM employees", [])
        .unwrap_err()
        .to_string();
    assert!(err.contains("deactivate them instead"), "{err}");
}

#[test]
fn signing_keys_are_recorded_in_order() {
    let mut j = Journal::open_in_memory().unwrap();
    let pem = "-----BEGIN PUBLIC KEY-----\nAAA\n-----END PUBLIC KEY-----\n";
    j.record_signing_key(2, pem, 10).unwrap();
    let err = j.record_signing_key(4, pem, 11).unwrap_err();
    assert!(err.to_string().contains("gapless"), "{err}");
    let keys = j.signing_keys().unwrap();
    assert_eq!(
        keys.iter().map(|k| k.version).collect::<Vec<_>>(),
        [1, 2],
        "1 is the test sealer's"
    );
    assert_eq!(keys[1].public_pem, pem);
}

#[test]
fn prints_copies_training_receipts_and_voids_are_journaled_with_their_facts() {
    let mut j = Journal::open_in_memory().unwrap();
    j.set_employee(Some("3"));
    let till = j.till_id().unwrap();
    let r = cash_sale(&mut j, "live", 100, Backend::Live).unwrap();
    assert_eq!(
        j.record_print(&till, Backend::Live, r.number, "pdf", 2_000)
            .unwrap(),
        1
    );
    assert_eq!(
        j.record_print(&till, Backend::Live, r.number, "printer", 2_100)
            .unwrap(),
        2
    );
    let t = cash_sale(&mut j, "training", 100, Backend::Sandbox).unwrap();
    j.insert_sale(&sale("gone", 500, 3_000, Backend::Live))
        .unwrap();
    assert!(
        j.end_sale("gone", SaleState::Cancelled, None, 3_100, "customer left")
            .unwrap()
    );
    let events: Vec<_> = j
        .journal_events(0, i64::MAX)
        .unwrap()
        .into_iter()
        .map(|e| (e.code, e.training, e.receipt, e.employee))
        .collect();
    let three = || Some("3".to_owned());
    assert_eq!(
        events,
        [
            (13012, false, Some(r.number), three()),
            (13014, false, Some(r.number), three()),
            (13017, true, Some(t.number), three()),
            (13028, false, None, three()),
        ]
    );
    // A print of a receipt that is not there writes no event either.
    assert!(
        j.record_print(&till, Backend::Live, 99, "pdf", 4_000)
            .is_err()
    );
    assert_eq!(j.journal_events(0, i64::MAX).unwrap().len(), 4);
}

#[test]
fn the_last_receipt_named_elsewhere_is_found_per_series() {
    let mut j = Journal::open_in_memory().unwrap();
    j.set_sealer(Arc::new(testing::TestSealer));
    assert_eq!(j.receipt_named_last(Backend::Live).unwrap(), None);
    cash_sale(&mut j, "a", 12_500, Backend::Live).unwrap();
    cash_sale(&mut j, "b", 5_000, Backend::Live).unwrap();
    cash_sale(&mut j, "t", 5_000, Backend::Sandbox).unwrap();
    // The running totals count receipts with each one, in its series.
    assert_eq!(
        j.receipt_named_last(Backend::Live).unwrap(),
        Some((2, NamedBy::RunningTotals))
    );
    assert_eq!(
        j.receipt_named_last(Backend::Sandbox).unwrap().map(|n| n.0),
        Some(1)
    );
    // Behind the journal's back: receipt 2 and the totals' count of it gone, its seal kept.
    j.conn
        .execute_batch(
            "DROP TRIGGER period_totals_closed_update;
             UPDATE period_totals SET last_number = 1 WHERE kind = 'receipts' AND training = 0;",
        )
        .unwrap();
    assert_eq!(
        j.receipt_named_last(Backend::Live).unwrap(),
        Some((2, NamedBy::Seal))
    );
}
