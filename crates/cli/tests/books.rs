//! `kassa return`, `kassa report x|z`, `kassa refunds` and `kassa bookkeeping` on a journal
//! written here directly (a training counter: no credentials, the sandbox series).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use kassa_journal::{Backend, NewLine, NewSale, Paid};
use kassa_money::{Currency, Money};
use serde_json::Value;

use common::sealed;

mod common;

fn kassa(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", db)
        .env("KASSA_CURRENCY", "NOK")
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", text(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(o)))
}

fn nok(minor: i64) -> Money {
    Money::new(minor, Currency::Nok)
}

/// Sale "bank1": two lines (99.00 at 25 %, 3 × 24.50 at 15 %) paid by bank (payment p1),
/// receipt 1; sale "cash1": 100.00 at 25 % in cash, receipt 2; sale "open1": not paid.
fn journal(db: &Path) {
    let mut j = sealed(db);
    let lines = [
        NewLine {
            text: "Batterier",
            quantity: 1,
            unit_gross: nok(9900),
            vat_bp: 2500,
            saft_code: 3,
        },
        NewLine {
            text: "Melk",
            quantity: 3,
            unit_gross: nok(2450),
            vat_bp: 1500,
            saft_code: 31,
        },
    ];
    let sale = |id, minor| NewSale {
        id,
        amount: nok(minor),
        reference: Some("Order7"),
        at_ms: 1_000,
        backend: Backend::Sandbox,
    };
    j.insert_sale_with_lines(&sale("bank1", 17_250), &lines)
        .unwrap();
    let a = j.begin_attempt("bank1", "Order7", 1_001).unwrap();
    j.attempt_created(a.id, "p1", "https://bank.test/x", 1_002, 61_002)
        .unwrap();
    j.record_status(a.id, "Executed", true, 2_000).unwrap();
    j.end_sale_with_receipt(
        "bank1",
        &Paid::Bank {
            payment_id: "p1".into(),
        },
        2_001,
        "paid",
    )
    .unwrap();
    j.insert_paid_sale(
        &sale("cash1", 10_000),
        &[NewLine {
            text: "Kaffe",
            quantity: 1,
            unit_gross: nok(10_000),
            vat_bp: 2500,
            saft_code: 3,
        }],
        &Paid::Cash { given: nok(10_000) },
        "cash",
    )
    .unwrap();
    j.insert_sale_with_lines(&sale("open1", 17_250), &lines)
        .unwrap();
}

/// A shop profile in settings.json beside the journal, as `kassa setup` saves it.
fn profile(dir: &Path) {
    std::fs::write(
        dir.join("settings.json"),
        r#"{"shop": {"profile": {"legalName": "Bakeriet AS", "orgNumber": "923609016",
            "vatRegistered": true, "addressLines": ["Thorvald Meyers gate 10"],
            "postcode": "0555", "city": "Oslo", "country": "NO", "tillName": "Kasse 1"}}}"#,
    )
    .unwrap();
}

#[test]
fn a_return_by_amount_then_x_then_z_then_a_new_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    journal(&db);
    profile(dir.path());

    // Found by receipt number; 100.00 of the 172.50 back, split over both rates.
    let r = json(&kassa(
        &db,
        &[
            "return", "#1", "--amount", "100", "--reason", "damaged", "--json",
        ],
    ));
    assert_eq!(r["sale_id"], "bank1");
    assert_eq!(r["number"], 3);
    assert_eq!(r["return_of"], 1);
    assert_eq!(r["total"]["minor"], -10_000);
    assert_eq!(r["left"]["minor"], 7_250);
    assert_eq!(r["lines"].as_array().unwrap().len(), 2);
    assert_eq!(r["bank_transfer"]["payment_id"], "p1");
    assert_eq!(r["bank_transfer"]["amount"]["minor"], 10_000);

    // More than what is left: refused with the sentence, exit 2, nothing written.
    let o = kassa(
        &db,
        &["return", "p1", "--amount", "80", "--reason", "again"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("only kr\u{a0}72,50 of this sale is left to return"),
        "{}",
        text(&o)
    );
    // An unpaid sale: refused, exit 2.
    let o = kassa(&db, &["return", "open1", "--reason", "x"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("sale open1 is not paid: there is nothing to return"),
        "{}",
        text(&o)
    );

    // The transfer to make is listed.
    let t = json(&kassa(&db, &["refunds", "--json"]));
    assert_eq!(t.as_array().unwrap().len(), 1);
    let id = t[0]["id"].as_i64().unwrap().to_string();

    let x = json(&kassa(&db, &["report", "x", "--json"]));
    assert_eq!(x["kind"], "x");
    assert!(x["z_number"].is_null(), "{x}");
    assert_eq!(x["returns"]["count"], 1);
    assert_eq!(x["returns"]["amount"]["minor"], -10_000);
    assert_eq!(x["grand_total"]["net"]["minor"], 17_250);
    assert!(
        x["by_tender"].is_object() || x["by_tender"].is_array(),
        "{x}"
    );
    assert!(!x["vat"].as_array().unwrap().is_empty());

    // Z is refused while sale open1 is open.
    let o = kassa(&db, &["report", "z", "--json"]);
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
    {
        let mut j = sealed(&db);
        j.end_sale(
            "open1",
            kassa_journal::SaleState::Cancelled,
            None,
            3_000,
            "cancelled",
        )
        .unwrap();
    }
    let z = json(&kassa(&db, &["report", "z", "--json"]));
    assert_eq!(z["z_number"], 1);
    assert_eq!(z["sales"]["count"], 2);
    let after = json(&kassa(&db, &["report", "x", "--json"]));
    assert_eq!(after["sales"]["count"], 0);
    assert_eq!(after["grand_total"]["net"]["minor"], 17_250);

    // The transfer marked sent leaves the open list.
    let o = kassa(
        &db,
        &["refunds", "--sent", &id, "--note", "sent from the bank"],
    );
    assert!(o.status.success(), "{}", text(&o));
    let t = json(&kassa(&db, &["refunds", "--json"]));
    assert!(t.as_array().unwrap().is_empty());
    let o = kassa(&db, &["refunds", "--sent", &id, "--note", "again"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn the_bookkeeping_csv_of_a_period_and_its_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    journal(&db);
    let out = dir.path().join("books.csv");
    // The journal's receipts are from 1 January 1970.
    let o = kassa(
        &db,
        &[
            "bookkeeping",
            "--from",
            "1969-12-31",
            "--to",
            "1970-01-01",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let csv = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "date;time;receipt;kind;tender;vat_rate;saft_code;net;vat;gross;currency;payment_id"
    );
    assert!(
        lines[1].contains(";1;sale;bank;25.00;3;79.20;19.80;99.00;NOK;p1"),
        "{csv}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(";2;sale;cash;25.00;3;80.00;20.00;100.00;NOK;"))
    );
    assert!(lines.iter().any(|l| l.starts_with(";;;total;;25.00;3;")));

    let o = kassa(
        &db,
        &[
            "bookkeeping",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-01",
            "x.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let o = kassa(
        &db,
        &[
            "bookkeeping",
            "--from",
            "2026-02-30",
            "--to",
            "2026-03-01",
            "x.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("2026-02-30 is not a day of the calendar"));
}

#[test]
fn writing_commands_are_refused_while_another_process_owns_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    journal(&db);
    let _owner = kassa_journal::OwnerLock::acquire(&db, "the Kassa app").unwrap();
    let o = kassa(&db, &["return", "cash1", "--reason", "x"]);
    assert_eq!(o.status.code(), Some(4), "{}", text(&o));
    assert!(text(&o).contains("in use by the Kassa app"), "{}", text(&o));
    // Reading works beside the owner.
    let o = kassa(&db, &["refunds"]);
    assert!(o.status.success(), "{}", text(&o));
}
