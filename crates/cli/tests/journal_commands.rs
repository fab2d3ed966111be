//! `kassa status`, `kassa backup` and `kassa export` on a journal written here directly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use kassa_journal::{Backend, Journal, SaleState};
use serde_json::Value;

use common::{sale_on, sealed};

mod common;

/// `kassa` as a live counter runs it (a Client ID is set: its journal holds real money).
fn kassa(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", db)
        .env("KASSA_CLIENT_ID", "merchant")
        .args(args)
        .output()
        .unwrap()
}

/// `kassa` as a counter on the sandbox runs it (no credentials anywhere).
fn kassa_training(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", db)
        .args(args)
        .output()
        .unwrap()
}

fn sale(j: &mut Journal, id: &str, minor: i64, at: i64) {
    sale_on(j, id, minor, at, Backend::Live);
}

/// Sale s1 paid by p1 with p2 approved too (flagged); sale s2 still open.
fn journal(db: &Path) {
    common::paid_twice_and_open(
        db,
        Backend::Live,
        "Paid twice: payment p2 of 7,00 kr. came in after the sale was already paid. Refund it.",
    );
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn status_names_every_payment_to_refund_and_every_open_sale_and_its_exit_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(2), "no journal: {}", text(&out));
    assert!(text(&out).contains("there is no sale journal at"));

    Journal::open(&db).unwrap();
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Nothing needs attention."));

    journal(&db);
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("NEEDS ATTENTION: refund payment p2 of 7,00\u{a0}kr. (sale s1)"),
        "{t}"
    );
    assert!(t.contains("OPEN  s2  42,50\u{a0}kr."), "{t}");

    let out = kassa(&db, &["status", "--json"]);
    assert_eq!(out.status.code(), Some(6));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["attention"][0]["payment_id"], "p2");
    assert_eq!(v["attention"][0]["amount"]["minor"], 700);
    assert_eq!(v["attention"][0]["sale_id"], "s1");
    assert_eq!(v["open"][0]["id"], "s2");
    assert_eq!(v["unsettled"].as_array().unwrap().len(), 0);
}

#[test]
fn status_exits_5_while_a_sale_is_open_or_unsettled() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut j = sealed(&db);
    sale(&mut j, "s1", 100, 1_000);
    let a = j.begin_attempt("s1", "Order7", 1_001).unwrap();
    j.attempt_created(a.id, "p1", "https://bank.test/x", 1_002, 61_002)
        .unwrap();
    // Executed is written, the sale not yet paid: a crash came between.
    j.record_status(a.id, "Executed", true, 2_000).unwrap();
    drop(j);
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(text(&out).contains("UNSETTLED  s1"), "{}", text(&out));
}

#[test]
fn a_backup_taken_while_the_journal_is_written_is_whole_and_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    journal(&db);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let db = db.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut j = sealed(&db);
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                n += 1;
                sale(&mut j, &format!("w{n}"), 100 + n, 10_000 + n);
                j.end_sale(
                    &format!("w{n}"),
                    SaleState::Cancelled,
                    None,
                    10_001 + n,
                    "x",
                )
                .unwrap();
            }
            n
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(100));
    let copy = dir.path().join("backup.db");
    let out = kassa(&db, &["backup", copy.to_str().unwrap()]);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let written = writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let backup = Journal::open_read_only(&copy).unwrap();
    backup.check().unwrap();
    let sales = backup.all_sales(Backend::Live).unwrap();
    // Everything from before, and the writer's sales each whole (opened and ended together
    // or not at all): the copy is one moment.
    assert!(
        sales
            .iter()
            .any(|s| s.id == "s1" && s.state == SaleState::Paid)
    );
    assert_eq!(backup.attention_items().unwrap().len(), 1);
    let copied = sales.iter().filter(|s| s.id.starts_with('w')).count();
    assert!(
        copied > 0 && copied <= written as usize,
        "{copied} of {written}"
    );
    for s in sales.iter().filter(|s| s.id.starts_with('w')) {
        let last = backup.events(&s.id).unwrap().last().unwrap().kind.clone();
        assert!(
            last == "sale_cancelled" || s.state == SaleState::Open,
            "{s:?}"
        );
    }
    // A backup over an existing file replaces it.
    let out = kassa(&db, &["backup", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn export_writes_every_sale_as_json_lines_or_every_attempt_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    journal(&db);
    let out = kassa(&db, &["export"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["sale"]["id"], "s1");
    assert_eq!(lines[0]["sale"]["paid_payment_id"], "p1");
    assert_eq!(lines[0]["attempts"][1]["payment_id"], "p2");
    assert_eq!(lines[1]["sale"]["state"], "open");

    let file = dir.path().join("sales.csv");
    let out = kassa(
        &db,
        &["export", "--format", "csv", "--out", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let csv = std::fs::read_to_string(&file).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("sale_id,created_at_ms,"));
    assert_eq!(
        rows.len(),
        1 + 2 + 1,
        "header, two attempts of s1, s2 without attempts"
    );
    assert!(rows[2].contains(",p2,Executed,true,"), "{}", rows[2]);
    // The refund note holds a comma-free sentence here; the amount column is minor units.
    assert!(
        rows[3].starts_with("s2,3000,,4250,DKK,Order7,open,"),
        "{}",
        rows[3]
    );
}

#[test]
fn refunded_clears_the_flag_from_status_once_and_only_for_a_flagged_payment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    journal(&db);

    let out = kassa(&db, &["refunded", "p1"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "p1 paid the sale: {}",
        text(&out)
    );
    assert!(text(&out).contains("payment p1 has no open needs-attention note"));

    let out = kassa(
        &db,
        &["refunded", "p2", "--note", "refunded by bank transfer 42"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("Payment p2 of sale s1 marked: refunded by bank transfer 42."),
        "{}",
        text(&out)
    );

    // Only the open sale is left; the refund is on record.
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    assert!(text(&out).contains("Nothing needs attention."));
    let j = Journal::open(&db).unwrap();
    assert!(
        j.events("s1")
            .unwrap()
            .iter()
            .any(|e| e.kind == "attention_resolved"
                && e.detail.ends_with("sent: refunded by bank transfer 42"))
    );
    // It went the way of every bank transfer: listed, marked sent with the note.
    let sent = j.bank_refunds(false).unwrap();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].payment_id, "p2");
    assert_eq!(sent[0].kind, kassa_journal::RefundKind::DoublePayment);
    assert_eq!(sent[0].state, kassa_journal::RefundState::Sent);
    assert_eq!(
        sent[0].note.as_deref(),
        Some("refunded by bank transfer 42")
    );
    drop(j);
    let out = kassa(&db, &["refunded", "p2"]);
    assert_eq!(out.status.code(), Some(2), "twice: {}", text(&out));
}

#[test]
fn status_lists_payments_still_followed_and_exits_5_for_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut j = sealed(&db);
    sale(&mut j, "s1", 700, 1_000);
    // Codes 1 and 2 were replaced and are still open at the bank; code 3 paid the sale.
    let mut ids = Vec::new();
    for (n, pid) in ["p1", "p2", "p3"].iter().enumerate() {
        let at = 1_001 + 50_000 * n as i64;
        let a = j.begin_attempt("s1", "Order7", at).unwrap();
        j.attempt_created(a.id, pid, "https://bank.test/x", at + 1, at + 60_001)
            .unwrap();
        ids.push(a.id);
    }
    j.record_status(ids[0], "AwaitingAuthorization", false, 2_000)
        .unwrap();
    j.record_status(ids[2], "Executed", true, 110_000).unwrap();
    j.end_sale("s1", SaleState::Paid, Some("p3"), 110_001, "paid")
        .unwrap();
    drop(j);

    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("FOLLOWED  payment p1 of 7,00\u{a0}kr. (sale s1, code 1): AwaitingAuthorization at the bank"),
        "{t}"
    );
    assert!(
        t.contains(
            "FOLLOWED  payment p2 of 7,00\u{a0}kr. (sale s1, code 2): no status yet at the bank"
        ),
        "{t}"
    );
    assert!(
        t.contains(
            "2 earlier codes of sale s1 are still open at the bank; `kassa resume` follows them."
        ),
        "{t}"
    );
    assert!(!t.contains("Nothing needs attention."), "{t}");

    let out = kassa(&db, &["status", "--json"]);
    assert_eq!(out.status.code(), Some(5));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let followed = v["followed"].as_array().unwrap();
    assert_eq!(followed.len(), 2, "{v}");
    assert_eq!(followed[0]["payment_id"], "p1");
    assert_eq!(followed[0]["sale_id"], "s1");
    assert_eq!(followed[0]["sale_state"], "paid");
    assert_eq!(followed[0]["amount"]["minor"], 700);
    assert_eq!(followed[1]["payment_id"], "p2");

    // Once the bank calls them final, all is clear.
    let mut j = sealed(&db);
    j.record_status(ids[0], "Rejected", true, 200_000).unwrap();
    j.record_status(ids[1], "Expired", true, 200_000).unwrap();
    drop(j);
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Nothing needs attention."));
}

#[test]
fn backup_and_export_refuse_the_journal_itself_and_its_companion_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    journal(&db);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let before = std::fs::read(&db).unwrap();
    for dest in [
        db.clone(),
        dir.path().join("k.db-wal"),
        dir.path().join("k.db-shm"),
        dir.path().join("k.db.lock"),
        dir.path().join("sub").join("..").join("k.db"),
    ] {
        let dest = dest.to_str().unwrap();
        for args in [vec!["backup", dest], vec!["export", "--out", dest]] {
            let out = kassa(&db, &args);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
            assert!(
                text(&out).contains(&format!(
                    "{dest} is part of the sale journal {}: writing there would destroy it; choose another file",
                    db.display()
                )),
                "{args:?}: {}",
                text(&out)
            );
        }
    }
    // The journal is whole and unchanged.
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let j = Journal::open_read_only(&db).unwrap();
    j.check().unwrap();
    assert_eq!(j.all_sales(kassa_journal::Backend::Live).unwrap().len(), 2);
    assert_eq!(j.attention_items().unwrap().len(), 1);
    drop(j);

    // An export over an older file replaces it whole, and leaves nothing else behind.
    let file = dir.path().join("sub").join("sales.jsonl");
    std::fs::write(&file, "an older export\n").unwrap();
    let out = kassa(&db, &["export", "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let lines = std::fs::read_to_string(&file).unwrap();
    assert_eq!(lines.lines().count(), 2, "{lines}");
    assert!(lines.starts_with("{\"sale\":{\"id\":\"s1\""), "{lines}");
    let out = kassa(
        &db,
        &[
            "backup",
            dir.path().join("sub").join("b.db").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("sub"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["b.db", "sales.jsonl"]);
}

/// Training sales beside the live ones of [`journal`]: t1 paid, t2 open, t1 paid twice.
fn training(db: &Path) {
    let mut j = sealed(db);
    sale_on(&mut j, "t1", 99_900, 1_500, Backend::Sandbox);
    for pid in ["tp1", "tp2"] {
        let a = j.begin_attempt("t1", "Order7", 1_501).unwrap();
        j.attempt_created(
            a.id,
            pid,
            "http://127.0.0.1:1/sandbox/authorize/x",
            1_502,
            61_502,
        )
        .unwrap();
        j.record_status(a.id, "Executed", true, 1_600).unwrap();
    }
    j.end_sale("t1", SaleState::Paid, Some("tp1"), 1_601, "paid")
        .unwrap();
    let a2 = j.attempts("t1").unwrap()[1].id;
    j.flag_attention("t1", Some(a2), "Paid twice: refund tp2.", 1_602)
        .unwrap();
    sale_on(&mut j, "t2", 100, 3_500, Backend::Sandbox);
}

#[test]
fn export_leaves_training_sales_out_unless_asked_and_names_the_backend_per_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    journal(&db);
    training(&db);
    let ids = |out: &Output| -> Vec<(String, String)> {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .map(|v| {
                (
                    v["sale"]["id"].as_str().unwrap().to_owned(),
                    v["sale"]["backend"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    // The books: live sales only, whichever counter runs the export.
    for out in [kassa(&db, &["export"]), kassa_training(&db, &["export"])] {
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        assert_eq!(
            ids(&out),
            [("s1".into(), "live".into()), ("s2".into(), "live".into())]
        );
    }
    let out = kassa(&db, &["export", "--training"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        ids(&out),
        [
            ("t1".into(), "sandbox".into()),
            ("t2".into(), "sandbox".into())
        ]
    );

    let out = kassa(&db, &["export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].ends_with(",expires_at_ms,backend"), "{}", rows[0]);
    assert_eq!(rows.len(), 1 + 2 + 1, "{csv}");
    assert!(rows[1..].iter().all(|r| r.ends_with(",live")), "{csv}");
    assert!(!csv.contains("t1") && !csv.contains("99900"), "{csv}");
    let out = kassa(&db, &["export", "--format", "csv", "--training"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.lines().skip(1).all(|r| r.ends_with(",sandbox")),
        "{csv}"
    );
    assert!(csv.contains("t1,1500,"), "{csv}");
}

#[test]
fn status_counts_only_the_counters_own_backend() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    training(&db);
    // A live counter: the training sale open and the training payment to refund are not
    // its business; it says they are there and exits 0.
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("No open sale.") && t.contains("Nothing needs attention."),
        "{t}"
    );
    assert!(
        t.contains("Not counted here: 1 open, 0 unsettled and 1 needing attention on the sandbox backend (training)"),
        "{t}"
    );
    assert!(!t.contains("t2  "), "{t}");
    let v: Value = serde_json::from_slice(&kassa(&db, &["status", "--json"]).stdout).unwrap();
    assert_eq!(v["backend"], "live");
    assert_eq!(v["open"].as_array().unwrap().len(), 0);
    assert_eq!(v["elsewhere"]["open"], 1);

    // The sandbox counter sees its own, labelled training.
    let out = kassa_training(&db, &["status"]);
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    let t = text(&out);
    assert!(t.starts_with("Training (sandbox): no real money."), "{t}");
    assert!(t.contains("OPEN  t2"), "{t}");
    assert!(t.contains("refund payment tp2"), "{t}");

    // Live sales are the live counter's again.
    journal(&db);
    let out = kassa(&db, &["status"]);
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    let v: Value = serde_json::from_slice(&kassa(&db, &["status", "--json"]).stdout).unwrap();
    let open: Vec<&str> = v["open"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(open, ["s2"]);
    assert_eq!(v["attention"].as_array().unwrap().len(), 1);
    assert_eq!(v["attention"][0]["payment_id"], "p2");
}
