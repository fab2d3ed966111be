//! Journals the CLI tests write directly, shared by the test files that read them back.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use kassa_journal::{Backend, Journal, NewLine, NewSale, Paid, SaleState};
use kassa_money::{Currency, Money};

/// The journal at `db`, sealing receipts with the till's own key (made on first use in the
/// keyring the `kassa` processes of these tests sign with).
pub fn sealed(db: &Path) -> Journal {
    let keys = kassa_boot::KeyStore(std::sync::Arc::new(kassa_boot::Keyring::default()));
    kassa_boot::keys::open_sealed(db, &keys, 0).unwrap()
}

/// An open sale `id` of `minor` øre (DKK), reference "Order7".
pub fn sale_on(j: &mut Journal, id: &str, minor: i64, at: i64, backend: Backend) {
    j.insert_sale(&NewSale {
        id,
        amount: Money::new(minor, Currency::Dkk),
        reference: Some("Order7"),
        at_ms: at,
        backend,
    })
    .unwrap();
}

/// Sale s1 (7,00 kr.) paid by p1 with p2 approved too and flagged with `note`; sale s2
/// (42,50 kr.) still open; both on `backend`.
pub fn paid_twice_and_open(db: &Path, backend: Backend, note: &str) {
    let mut j = sealed(db);
    sale_on(&mut j, "s1", 700, 1_000, backend);
    for pid in ["p1", "p2"] {
        let a = j.begin_attempt("s1", "Order7", 1_001).unwrap();
        j.attempt_created(a.id, pid, "https://bank.test/x", 1_002, 61_002)
            .unwrap();
        j.record_status(a.id, "Executed", true, 2_000).unwrap();
    }
    j.end_sale("s1", SaleState::Paid, Some("p1"), 2_001, "paid")
        .unwrap();
    let a2 = j.attempts("s1").unwrap()[1].id;
    j.flag_attention("s1", Some(a2), note, 2_002).unwrap();
    sale_on(&mut j, "s2", 4_250, 3_000, backend);
}

/// Cash sales of `amounts` (øre, DKK) on `backend`, one receipt each, sealed with the till's
/// key.
pub fn cash_receipts(db: &Path, backend: Backend, amounts: &[i64]) {
    let mut j = sealed(db);
    let dkk = |m| Money::new(m, Currency::Dkk);
    for (i, minor) in amounts.iter().enumerate() {
        let id = format!("c{i}");
        let at_ms = 1_000 + 1_000 * i64::try_from(i).unwrap();
        j.insert_paid_sale(
            &NewSale {
                id: &id,
                amount: dkk(*minor),
                reference: None,
                at_ms,
                backend,
            },
            &[NewLine {
                text: "Kaffe",
                quantity: 1,
                unit_gross: dkk(*minor),
                vat_bp: 2500,
                saft_code: 3,
            }],
            &Paid::Cash { given: dkk(*minor) },
            "cash",
        )
        .unwrap();
    }
}

/// A copy of `db` named `name` with `sql` run on it behind the journal's back (its guards
/// against changing and deleting receipts dropped first).
pub fn tampered(db: &Path, name: &str, sql: &str) -> std::path::PathBuf {
    let copy = db.with_file_name(name);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
        .unwrap();
    drop(conn);
    let conn = rusqlite::Connection::open(&copy).unwrap();
    conn.execute_batch(
        "DROP TRIGGER receipts_no_update; DROP TRIGGER receipts_no_delete;
         DROP TRIGGER receipt_vat_no_update; DROP TRIGGER receipt_vat_no_delete;
         DROP TRIGGER receipt_seals_no_delete;",
    )
    .unwrap();
    conn.execute_batch(sql).unwrap();
    // As the journal keeps its file (a read-only reader does not change its mode).
    let mode: String = conn
        .query_row("PRAGMA journal_mode = wal", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    copy
}
