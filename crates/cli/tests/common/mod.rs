//! Journals the CLI tests write directly, shared by the test files that read them back.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use kassa_journal::{Backend, Journal, NewSale, SaleState};
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
