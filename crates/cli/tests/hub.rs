//! Issue 14 from the command line, against a real PostgreSQL server: `kassa hub connect`
//! tests the hub before saving it, `sync` sends the books, `status` and `kassa status` say
//! how far behind it is, `report` gives the shop's day (with JSON), `export` the CSV, and
//! refusals are plain sentences in the language spoken.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use kassa_journal::Backend;

mod common;

fn kassa(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kassa"));
    cmd.env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", db)
        .env("KASSA_LANG", "en");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_till_connects_sends_its_books_and_reads_the_shops_day() {
    let url = kassa_testkit::pg::shared()
        .create_database("cli_hub")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    common::cash_receipts(&db, Backend::Sandbox, &[1_000, 2_500, 4_000]);

    // Before a hub is set: a plain sentence.
    let o = kassa(&db, &[], &["hub", "status"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("no hub is set up"), "{}", err(&o));

    // A wrong password is refused, and nothing is saved.
    let wrong = {
        let (head, tail) = url.split_once('@').unwrap();
        let (user, _) = head.rsplit_once(':').unwrap();
        format!("{user}:wrong@{tail}")
    };
    let o = kassa(&db, &[], &["hub", "connect", &wrong]);
    assert_ne!(o.status.code(), Some(0));
    assert!(err(&o).contains("refused the password"), "{}", err(&o));
    let o = kassa(&db, &[("KASSA_LANG", "da")], &["hub", "connect", &wrong]);
    assert!(err(&o).contains("afviste adgangskoden"), "{}", err(&o));
    let o = kassa(&db, &[], &["hub", "status"]);
    assert!(err(&o).contains("no hub is set up"), "{}", err(&o));

    // The right one connects, is saved, and the books go over.
    let o = kassa(&db, &[], &["hub", "connect", &url]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("now sends its books to the hub"),
        "{}",
        out(&o)
    );
    let settings = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(settings.contains("hubUrl"), "{settings}");
    let o = kassa(&db, &[], &["hub", "status"]);
    assert!(out(&o).contains("records to send"), "{}", out(&o));
    let o = kassa(&db, &[], &["hub", "sync"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).starts_with("Sent "), "{}", out(&o));
    let o = kassa(&db, &[], &["hub", "status"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains(": up to date"), "{}", out(&o));
    let o = kassa(&db, &[("KASSA_LANG", "fi")], &["hub", "status"]);
    assert!(out(&o).contains(": ajan tasalla"), "{}", out(&o));
    // kassa status says it too, and its JSON carries it.
    let o = kassa(&db, &[], &["status"]);
    assert!(out(&o).contains(": up to date"), "{}", out(&o));
    let o = kassa(&db, &[], &["status", "--json"]);
    let v: serde_json::Value = serde_json::from_str(out(&o).trim()).unwrap();
    assert_eq!(v["hub"]["behind"], 0, "{v}");

    // The shop's day: one till, three sales.
    let o = kassa(
        &db,
        &[],
        &["hub", "report", "x", "--date", "1970-01-01", "--json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let r: serde_json::Value = serde_json::from_str(out(&o).trim()).unwrap();
    assert_eq!(r["tills"].as_array().unwrap().len(), 1, "{r}");
    assert_eq!(r["tills"][0]["sales"][0]["count"], 3, "{r}");
    assert_eq!(r["shop"]["sales"][0]["amount_minor"], 7_500, "{r}");
    assert!(r["tills"][0]["till_id"].is_string());
    let o = kassa(&db, &[], &["hub", "report", "x", "--date", "1970-01-01"]);
    let text = out(&o);
    assert!(text.starts_with("X for the shop, 1970-01-01"), "{text}");
    assert!(text.contains("Shop: 3 sales 75,00"), "{text}");
    let o = kassa(
        &db,
        &[("KASSA_LANG", "da")],
        &["hub", "report", "z", "--date", "1970-01-01"],
    );
    assert!(
        out(&o).starts_with("Z for butikken, 1970-01-01"),
        "{}",
        out(&o)
    );
    let o = kassa(&db, &[], &["hub", "report", "y"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("\"y\" is not a report"), "{}", err(&o));

    // The hub's copy rebuilt into a journal: its receipts verify with the till's key.
    let till_id = r["tills"][0]["till_id"].as_str().unwrap().to_owned();
    let copy = dir.path().join("copy").join("k.db");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    let o = kassa(
        &db,
        &[],
        &[
            "hub",
            "restore",
            "--till",
            &till_id,
            "--out",
            copy.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).starts_with(&format!("Rebuilt till {till_id} from the hub: ")),
        "{}",
        out(&o)
    );
    let o = kassa(&copy, &[], &["verify"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let o = kassa(
        &db,
        &[],
        &["hub", "restore", "--till", "nobody", "--out", "/tmp/x.db"],
    );
    assert!(
        err(&o).contains("the hub has no records of till nobody"),
        "{}",
        err(&o)
    );

    // The period as CSV: the shop's file and the till's.
    let export = dir.path().join("export");
    let o = kassa(
        &db,
        &[],
        &[
            "hub",
            "export",
            "--from",
            "1970-01-01",
            "--to",
            "1970-01-01",
            "--out",
            export.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let shop = std::fs::read_to_string(export.join("shop-1970-01-01_1970-01-01.csv")).unwrap();
    let lines: Vec<&str> = shop.lines().collect();
    assert!(lines[0].starts_with("till;date;time;receipt;"), "{shop}");
    assert_eq!(
        lines.iter().filter(|l| l.contains(";sale;cash;")).count(),
        3,
        "{shop}"
    );
}

#[test]
fn an_unreachable_hub_is_said_plainly_and_selling_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    common::cash_receipts(&db, Backend::Sandbox, &[1_000]);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://kassa:x@127.0.0.1:{port}/kassa");
    let o = kassa(&db, &[], &["hub", "connect", &url]);
    assert_ne!(o.status.code(), Some(0));
    assert!(err(&o).contains("cannot be reached"), "{}", err(&o));
    assert!(err(&o).contains("the till keeps selling"), "{}", err(&o));
    // Set by the environment anyway: status says how far behind, and why.
    let o = kassa(&db, &[("KASSA_HUB_URL", &url)], &["hub", "sync"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(err(&o).contains("cannot be reached"), "{}", err(&o));
    let o = kassa(&db, &[("KASSA_HUB_URL", &url)], &["status"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("records to send"), "{}", out(&o));
    let o = kassa(
        &db,
        &[("KASSA_HUB_URL", "http://not-postgres")],
        &["hub", "sync"],
    );
    assert!(
        err(&o).contains("must look like postgres://"),
        "{}",
        err(&o)
    );
}

/// The owner edits the items and the cashiers once: one till pushes them, the other takes
/// them (keeping its own till name), and a newer version wins.
#[test]
fn the_shop_settings_and_cashiers_go_from_one_till_to_the_others() {
    let url = kassa_testkit::pg::shared()
        .create_database("cli_catalog")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (a_dir, b_dir) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a_dir).unwrap();
    std::fs::create_dir_all(&b_dir).unwrap();
    let (a, b) = (a_dir.join("k.db"), b_dir.join("k.db"));
    common::cash_receipts(&a, Backend::Sandbox, &[1_000]);
    common::cash_receipts(&b, Backend::Sandbox, &[2_000]);
    // `kassa hub connect` and `kassa setup --hub-url` do the same.
    let o = kassa(&a, &[], &["hub", "connect", &url]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = kassa(&b, &[], &["setup", "--hub-url", &url]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("now sends its books to the hub"),
        "{}",
        out(&o)
    );
    let o = kassa(&a, &[], &["setup", "--quick", "Kanelsnegl=32@Standard"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // Two employees: everyone logs in with a PIN, the owner first.
    let o = kassa(&a, &[("KASSA_NEW_PIN", "2468")], &["staff", "pin", "1"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let pin = [("KASSA_PIN", "2468")];
    {
        let mut j = kassa_journal::Journal::open(&a).unwrap();
        j.add_employee(&kassa_journal::NewEmployee {
            id: "7",
            name: "Mette",
            role: "cashier",
            pin_hash: "",
            at_ms: 5_000,
        })
        .unwrap();
    }
    let o = kassa(&a, &pin, &["hub", "push", "shop"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("version 1"), "{}", out(&o));
    let o = kassa(&a, &pin, &["hub", "push", "staff"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = kassa(&a, &pin, &["hub", "push", "prices"]);
    assert_eq!(o.status.code(), Some(2));

    let o = kassa(&b, &[], &["hub", "pull"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).contains("Took the hub's shop settings (version 1)"),
        "{}",
        out(&o)
    );
    // Mette added, and the owner's PIN as the hub has it.
    assert!(out(&o).contains("2 added or changed"), "{}", out(&o));
    let settings = std::fs::read_to_string(b_dir.join("settings.json")).unwrap();
    assert!(settings.contains("Kanelsnegl"), "{settings}");
    // Till B's owner logs in with the PIN the owner set at till A.
    let o = kassa(&b, &pin, &["staff", "list"]);
    assert!(out(&o).contains("Mette"), "{}{}", out(&o), err(&o));
    // Nothing newer: nothing taken.
    let o = kassa(&b, &[], &["hub", "pull"]);
    assert!(
        out(&o).contains("are the hub's newest already"),
        "{}",
        out(&o)
    );
    // The owner renames Mette at till A: till B takes the new version.
    kassa_journal::Journal::open(&a)
        .unwrap()
        .set_employee_name("7", "Mette K.")
        .unwrap();
    let o = kassa(&a, &pin, &["hub", "push", "staff"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = kassa(&b, &[("KASSA_LANG", "da")], &["hub", "pull"]);
    assert!(
        out(&o).contains("Hentede hubbens medarbejdere (version 2)"),
        "{}",
        out(&o)
    );
    let o = kassa(&b, &pin, &["staff", "list"]);
    assert!(out(&o).contains("Mette K."), "{}{}", out(&o), err(&o));
}
