//! After a crash, from the cashier's side: `kassa status` shows the open sale, `kassa cancel`
//! ends it (and `kassa status` still names its code, payable at the bank), a customer
//! approves the old code anyway, and `kassa resume` finds that payment and flags it for a
//! refund, which `kassa status` then names with its id and amount.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Duration;

use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::cli::{self, run};
use kassa_testkit::sandbox_on_loopback;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

/// `kassa` as a counter on `sandbox` with the journal `db`.
fn kassa(sandbox: &RunningSandbox, db: &Path) -> Command {
    cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_sale_left_by_a_crash_is_seen_cancelled_and_a_late_payment_flagged() {
    let sandbox = sandbox_on_loopback(SandboxConfig {
        settle_delay: Duration::from_millis(100),
        ..SandboxConfig::default()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");

    let (code, out) = run(kassa(&sandbox, &db).args(["resume"])).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("No open sale."), "{out}");

    // A sale whose code is up, killed while it polls.
    let mut child = kassa(&sandbox, &db)
        .env("KASSA_CRASH_AT", "polling")
        .args(["charge", "--amount", "23.45", "--json"])
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut err = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut sale = String::new();
    let mut payment = String::new();
    tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(l) = out.next_line().await.unwrap() {
            let v: Value = serde_json::from_str(&l).unwrap();
            if v["event"] == "qr_ready" {
                sale = v["sale_id"].as_str().unwrap().to_owned();
                payment = v["payment_id"].as_str().unwrap().to_owned();
                break;
            }
        }
        while let Some(l) = err.next_line().await.unwrap() {
            if l == "crashpoint polling" {
                break;
            }
        }
    })
    .await
    .expect("the code came and the point was reached");
    child.kill().await.unwrap();

    let (code, out) = run(kassa(&sandbox, &db).args(["status"])).await;
    assert_eq!(code, Some(5), "{out}");
    assert!(
        out.contains(&format!("OPEN  {sale}  23,45\u{a0}kr.")),
        "{out}"
    );

    let (code, out) = run(kassa(&sandbox, &db).args(["cancel", &sale])).await;
    assert_eq!(code, Some(0), "{out}");
    // The sale is cancelled, but its code can still be paid at the bank: not all clear.
    let (code, out) = run(kassa(&sandbox, &db).args(["status"])).await;
    assert_eq!(code, Some(5), "{out}");
    assert!(
        out.contains(&format!(
            "FOLLOWED  payment {payment} of 23,45\u{a0}kr. (sale {sale}, code 1)"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "1 earlier code of sale {sale} is still open at the bank; `kassa resume` follows it."
        )),
        "{out}"
    );

    // The customer still had the old code on their phone.
    sandbox.sandbox().approve(&payment).unwrap();
    let (code, out) = run(kassa(&sandbox, &db).args(["resume", "--json"])).await;
    assert_eq!(code, Some(6), "{out}");
    assert!(out.contains("\"event\":\"needs_attention\""), "{out}");
    assert!(out.contains("1 payment(s) need attention"), "{out}");

    let (code, out) = run(kassa(&sandbox, &db).args(["status"])).await;
    assert_eq!(code, Some(6), "{out}");
    assert!(
        out.contains(&format!(
            "NEEDS ATTENTION: refund payment {payment} of 23,45\u{a0}kr. (sale {sale})"
        )),
        "{out}"
    );
}
