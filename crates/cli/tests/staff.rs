//! Cashiers on the command line (issue 12): `kassa staff`, `--employee ID` with its PIN from
//! `KASSA_PIN` or standard input, a cashier refused the manager's commands (exit 2), and the
//! pause after five wrong PINs, kept across runs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use kassa_journal::Journal;

fn kassa_with(db: &Path, env: &[(&str, &str)], stdin: &str, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", db)
        .env("KASSA_CURRENCY", "NOK")
        .envs(env.iter().copied())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn kassa(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    kassa_with(db, env, "", args)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", text(o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn refused(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(2), "{}", text(o));
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The owner with PIN 1111 and a cashier 7, Kari, with PIN 4711.
fn staffed(db: &Path) {
    // A fresh till: the owner (no PIN) may set their own PIN without giving one.
    let listed = ok(&kassa(db, &[], &["staff", "list"]));
    assert_eq!(
        listed.trim(),
        "1      Owner                    manager  no PIN  on"
    );
    ok(&kassa(
        db,
        &[("KASSA_NEW_PIN", "1111")],
        &["staff", "pin", "1"],
    ));
    // From now on the owner gives their PIN too.
    let e = refused(&kassa(
        db,
        &[("KASSA_NEW_PIN", "4711")],
        &["staff", "add", "7", "--name", "Kari"],
    ));
    assert!(
        e.contains("Type the PIN for Owner (or set KASSA_PIN)."),
        "{e}"
    );
    let out = ok(&kassa(
        db,
        &[("KASSA_PIN", "1111"), ("KASSA_NEW_PIN", "4711")],
        &["staff", "add", "7", "--name", "Kari"],
    ));
    assert_eq!(out.trim(), "Added Kari (7), a cashier.");
}

#[test]
fn a_cashier_is_refused_the_managers_commands_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    staffed(&db);
    let kari = [("KASSA_PIN", "4711")];
    for args in [
        &["report", "z"][..],
        &["return", "#1", "--reason", "broken"],
        &["refunds", "--sent", "1", "--note", "sent"],
        &["setup", "--legal-name", "Kari's own shop"],
        &["staff", "off", "1"],
        &[
            "export",
            "--format",
            "saf-t",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--out",
            "x.xml",
        ],
    ] {
        let mut all = vec!["--employee", "7"];
        all.extend_from_slice(args);
        let e = refused(&kassa(&db, &kari, &all));
        assert!(e.contains("needs a manager."), "{args:?}: {e}");
        assert!(
            e.contains("Kari is a cashier: give a manager's number with --employee."),
            "{e}"
        );
    }
    let e = refused(&kassa(&db, &kari, &["--employee", "7", "report", "z"]));
    assert!(e.contains("The Z report needs a manager."), "{e}");

    // The X report is a cashier's, and journaled with her number; the PIN on stdin works too.
    ok(&kassa_with(
        &db,
        &[],
        "4711\n",
        &["--employee", "7", "report", "x"],
    ));
    // The manager closes the day.
    ok(&kassa(&db, &[("KASSA_PIN", "1111")], &["report", "z"]));
    let events: Vec<(u32, Option<String>)> = Journal::open(&db)
        .unwrap()
        .journal_events(0, i64::MAX)
        .unwrap()
        .into_iter()
        .map(|e| (e.code, e.employee))
        .collect();
    assert!(events.contains(&(13008, Some("7".into()))), "{events:?}");
    // The Z (journaled by the journal itself) names the manager who closed the day.
    assert!(events.contains(&(13009, Some("1".into()))), "{events:?}");
    // Nothing in the journal or its staff holds a PIN in clear.
    let bytes = std::fs::read(&db).unwrap();
    let hay = String::from_utf8_lossy(&bytes);
    assert!(!hay.contains("4711") && !hay.contains("1111"));

    // Staff changes by the manager.
    let m = [("KASSA_PIN", "1111")];
    ok(&kassa(&db, &m, &["staff", "role", "7", "manager"]));
    ok(&kassa(&db, &m, &["staff", "off", "7"]));
    let e = refused(&kassa(&db, &kari, &["--employee", "7", "report", "x"]));
    assert!(e.contains("Kari is turned off at this till"), "{e}");
    ok(&kassa(&db, &m, &["staff", "on", "7"]));
    // Kari is a manager now, so the owner may become a cashier; the last manager may not.
    ok(&kassa(&db, &m, &["staff", "role", "1", "cashier"]));
    let e = refused(&kassa(
        &db,
        &kari,
        &["--employee", "7", "staff", "role", "7", "cashier"],
    ));
    assert!(e.contains("Kari is the till's last active manager"), "{e}");
    let listed = ok(&kassa(&db, &m, &["staff", "list", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(v[0]["role"], "cashier");
    assert_eq!(v[1]["role"], "manager");
    assert_eq!(v[1]["hasPin"], true);
    assert!(v[0].get("pinHash").is_none());
}

#[test]
fn five_wrong_pins_pause_the_till_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    staffed(&db);
    // Bad input is said plainly: a PIN that is not 4 to 8 digits, an unknown employee.
    let e = refused(&kassa(
        &db,
        &[("KASSA_PIN", "12")],
        &["--employee", "7", "report", "x"],
    ));
    assert_eq!(e.trim(), "kassa: A PIN is 4 to 8 digits; this one has 2.");
    let e = refused(&kassa(&db, &[], &["--employee", "9", "report", "x"]));
    assert!(e.contains("No employee number 9 at this till."), "{e}");
    // Neither counts as a wrong PIN.
    let wrong = [("KASSA_PIN", "0000")];
    for _ in 0..4 {
        let e = refused(&kassa(&db, &wrong, &["--employee", "7", "report", "x"]));
        assert_eq!(e.trim(), "kassa: Wrong PIN.");
    }
    let e = refused(&kassa(&db, &wrong, &["--employee", "7", "report", "x"]));
    assert_eq!(
        e.trim(),
        "kassa: Too many wrong PINs. Try again in 30 seconds."
    );
    // A new run with the right PIN, even the manager's: still paused.
    let e = refused(&kassa(
        &db,
        &[("KASSA_PIN", "4711")],
        &["--employee", "7", "report", "x"],
    ));
    assert!(e.contains("Too many wrong PINs. Try again in"), "{e}");
    let e = refused(&kassa(&db, &[("KASSA_PIN", "1111")], &["staff", "list"]));
    assert!(e.contains("Too many wrong PINs. Try again in"), "{e}");
}
