//! One owner per journal, with real processes: while `kassa charge` sells, a second process
//! that would drive sales on the same journal (`cancel`, `charge`, `resume`) is refused,
//! naming the owner and its pid, and touches nothing; the readers (`today`, `status`,
//! `export`, `backup`) work beside it; the first ends as it should. A killed owner leaves
//! its lock file behind, which does not block the next start.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Duration;

use kassa_journal::{Journal, SaleState};
use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::cli::{self, run, until_json};
use kassa_testkit::sandbox_on_loopback;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

async fn sandbox() -> RunningSandbox {
    sandbox_on_loopback(SandboxConfig {
        settle_delay: Duration::from_millis(100),
        ..SandboxConfig::default()
    })
    .await
}

/// `kassa` as a counter on `sandbox` with the journal `db`.
fn kassa(sandbox: &RunningSandbox, db: &Path) -> Command {
    cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db)
}

fn first_code(v: &Value) -> bool {
    v["event"] == "qr_ready" && v["attempt"] == 1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_one_journal_the_second_is_refused_and_the_first_ends_paid() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut charge = kassa(&sandbox, &db)
        .args(["charge", "--amount", "12.50", "--json"])
        .spawn()
        .unwrap();
    let pid = charge.id().unwrap();
    let mut lines = BufReader::new(charge.stdout.take().unwrap()).lines();
    let code = until_json(&mut lines, first_code).await;
    let sale_id = code["sale_id"].as_str().unwrap().to_owned();
    let payment_id = code["payment_id"].as_str().unwrap().to_owned();
    let owner = format!(
        "the journal {} is in use by kassa charge (pid {pid}): close it first, or use `kassa status` to look without selling",
        db.display()
    );

    // Cancelling from a second shell, or a second charge: refused, nothing written.
    for args in [
        vec!["cancel", sale_id.as_str()],
        vec!["charge", "--amount", "1"],
    ] {
        let (code, out) = run(kassa(&sandbox, &db).args(&args)).await;
        assert_eq!(code, Some(4), "{args:?}: {out}");
        assert!(out.contains(&owner), "{args:?}: {out}");
    }
    let journal = Journal::open_read_only(&db).unwrap();
    assert_eq!(
        journal
            .all_sales(kassa_journal::Backend::Sandbox)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        journal.sale(&sale_id).unwrap().unwrap().state,
        SaleState::Open
    );
    drop(journal);

    // The readers work beside the owner.
    let (code, out) = run(kassa(&sandbox, &db).args(["today", "--json"])).await;
    assert_eq!(code, Some(0), "{out}");
    let day: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(day["sales"][0]["saleId"], sale_id.as_str());
    assert_eq!(day["sales"][0]["state"], "open");
    let (code, out) = run(kassa(&sandbox, &db).args(["status"])).await;
    assert_eq!(code, Some(5), "{out}");
    assert!(out.contains(&format!("OPEN  {sale_id}")), "{out}");
    let copy = dir.path().join("copy.db");
    let (code, out) = run(kassa(&sandbox, &db).args(["backup", copy.to_str().unwrap()])).await;
    assert_eq!(code, Some(0), "{out}");
    // A sale on the sandbox is a training sale: exported on request only.
    let (code, out) = run(kassa(&sandbox, &db).args(["export", "--training"])).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&sale_id), "{out}");

    // The customer pays: the first process ends paid, and the journal says so too.
    sandbox.sandbox().approve(&payment_id).unwrap();
    let end = until_json(&mut lines, |v| v["event"] == "sale_ended").await;
    assert_eq!(end["status"], "paid");
    let status = tokio::time::timeout(Duration::from_secs(30), charge.wait())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let journal = Journal::open_read_only(&db).unwrap();
    let sale = journal.sale(&sale_id).unwrap().unwrap();
    assert_eq!(sale.state, SaleState::Paid);
    assert_eq!(sale.paid_payment_id.as_deref(), Some(payment_id.as_str()));
    assert!(journal.attention_items().unwrap().is_empty());
    drop(journal);

    // The owner is gone: the journal is free again (the sale is no longer open to cancel).
    let (code, out) = run(kassa(&sandbox, &db).args(["cancel", &sale_id])).await;
    assert_eq!(code, Some(2), "{out}");
    assert!(!out.contains("is in use by"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_start_does_not_take_over_an_open_sale_and_a_killed_owner_does_not_block() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut charge = kassa(&sandbox, &db)
        .args(["charge", "--amount", "7", "--json"])
        .spawn()
        .unwrap();
    let pid = charge.id().unwrap();
    let mut lines = BufReader::new(charge.stdout.take().unwrap()).lines();
    let code = until_json(&mut lines, first_code).await;
    let sale_id = code["sale_id"].as_str().unwrap().to_owned();
    let payment_id = code["payment_id"].as_str().unwrap().to_owned();
    let events_before = Journal::open_read_only(&db)
        .unwrap()
        .events(&sale_id)
        .unwrap()
        .len();

    // A second start would resume the open sale and drive it beside its owner: refused.
    let (code, out) = run(kassa(&sandbox, &db).args(["resume"])).await;
    assert_eq!(code, Some(4), "{out}");
    assert!(
        out.contains(&format!("is in use by kassa charge (pid {pid})")),
        "{out}"
    );
    let journal = Journal::open_read_only(&db).unwrap();
    assert_eq!(
        journal.attempts(&sale_id).unwrap().len(),
        1,
        "no second code"
    );
    let events = journal.events(&sale_id).unwrap();
    assert!(
        events.len() <= events_before + 1,
        "the second start wrote nothing (the owner may have read one status): {events:?}"
    );
    drop(journal);

    // The owner crashes. Its lock file stays, naming it; the next start is not blocked.
    charge.start_kill().unwrap();
    charge.wait().await.unwrap();
    let lock = std::fs::read_to_string(dir.path().join("k.db.lock")).unwrap();
    assert_eq!(lock, format!("{pid}\nkassa charge\n"));
    let mut resume = kassa(&sandbox, &db)
        .args(["resume", "--json"])
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(resume.stdout.take().unwrap()).lines();
    let code = until_json(&mut lines, |v| v["event"] == "qr_ready").await;
    assert_eq!(
        code["payment_id"],
        payment_id.as_str(),
        "the live code again"
    );
    sandbox.sandbox().approve(&payment_id).unwrap();
    let status = tokio::time::timeout(Duration::from_secs(30), resume.wait())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let sale = Journal::open_read_only(&db)
        .unwrap()
        .sale(&sale_id)
        .unwrap()
        .unwrap();
    assert_eq!(sale.state, SaleState::Paid);
}
