//! The `kassa` binary end to end against a sandbox on a random loopback port.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr};
use std::process::Stdio;
use std::time::Duration;

use kassa_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

async fn sandbox() -> RunningSandbox {
    Sandbox::new(SandboxConfig::default())
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap()
}

fn kassa(sandbox: &RunningSandbox, db: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kassa"));
    cmd.env_clear()
        .env("KASSA_API_URL", sandbox.base_url())
        .env("KASSA_DB", db)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    cmd
}

/// Runs `kassa charge … --json`, lets `decide` act on the first code, returns the JSON lines,
/// the exit code and stderr.
async fn charge_and(
    args: &[&str],
    decide: impl Fn(&Sandbox, &str),
) -> (Vec<Value>, Option<i32>, String) {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = kassa(&sandbox, &dir.path().join("k.db"))
        .args(args)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = Vec::new();
    let run = async {
        while let Some(l) = lines.next_line().await.unwrap() {
            let v: Value =
                serde_json::from_str(&l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}"));
            if v["event"] == "qr_ready" && v["attempt"] == 1 {
                decide(sandbox.sandbox(), v["payment_id"].as_str().unwrap());
            }
            seen.push(v);
        }
    };
    tokio::time::timeout(Duration::from_secs(30), run)
        .await
        .expect("kassa finished in time");
    let out = child.wait_with_output().await.unwrap();
    (
        seen,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn a_charge_approved_in_the_bank_exits_paid() {
    let (lines, code, stderr) = charge_and(
        &[
            "charge",
            "--amount",
            "12.50",
            "--currency",
            "DKK",
            "--reference",
            "Order42",
            "--json",
        ],
        |s, p| {
            s.approve(p).unwrap();
        },
    )
    .await;
    assert_eq!(code, Some(0), "stderr: {stderr}");
    let events: Vec<&str> = lines.iter().map(|l| l["event"].as_str().unwrap()).collect();
    assert_eq!(events.first(), Some(&"sale_started"));
    assert_eq!(events.last(), Some(&"sale_ended"));
    for l in &lines {
        for key in [
            "event",
            "sale_id",
            "payment_id",
            "status",
            "authorization_url",
        ] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
    }
    let qr = lines.iter().find(|l| l["event"] == "qr_ready").unwrap();
    assert!(
        qr["authorization_url"]
            .as_str()
            .unwrap()
            .contains("/sandbox/authorize/")
    );
    let end = lines.last().unwrap();
    assert_eq!(end["status"], "paid");
    assert_eq!(end["payment_id"], qr["payment_id"]);
    assert_eq!(end["amount"], "12,50\u{a0}kr.");
}

#[tokio::test]
async fn a_declined_charge_exits_non_zero_with_a_message() {
    let (lines, code, stderr) = charge_and(&["charge", "--amount", "3", "--json"], |s, p| {
        s.reject(p).unwrap();
    })
    .await;
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("not paid: Declined in the bank"),
        "{stderr}"
    );
    assert_eq!(lines.last().unwrap()["status"], "failed");
}

#[tokio::test]
async fn bad_input_is_refused_before_anything_is_charged() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kassa(&sandbox, &db)
        .args(["charge", "--amount", "12.345"])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DKK has 2 decimals"));
    let out = kassa(&sandbox, &db)
        .args(["charge", "--amount", "1", "--currency", "USD"])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("USD"));
    let out = kassa(&sandbox, &db)
        .args(["charge", "--amount", "1", "--reference", "a b"])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("letters A–Z and digits"));
    assert!(
        sandbox.sandbox().payments().is_empty(),
        "nothing reached the payment service"
    );
}

#[tokio::test]
async fn today_lists_the_sale_from_the_journal() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut child = kassa(&sandbox, &db)
        .args(["charge", "--amount", "7", "--json"])
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(l) = lines.next_line().await.unwrap() {
        let v: Value = serde_json::from_str(&l).unwrap();
        if v["event"] == "qr_ready" {
            sandbox
                .sandbox()
                .approve(v["payment_id"].as_str().unwrap())
                .unwrap();
        }
    }
    assert!(child.wait().await.unwrap().success());
    let out = kassa(&sandbox, &db)
        .args(["today", "--json"])
        .output()
        .await
        .unwrap();
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["paidCount"], 1);
    assert_eq!(report["sales"][0]["state"], "paid");
    assert_eq!(report["paidTotalDisplay"], "7,00\u{a0}kr.");
}
