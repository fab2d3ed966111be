//! `kassa connect` end to end: the address it prints is walked like a browser would, and
//! the chosen account ends up as the saved destination.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

#[tokio::test]
async fn connect_prints_the_address_and_saves_the_chosen_account() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .env("KASSA_DB", &db)
        .env(
            "KASSA_CONNECT_REDIRECT",
            "http://127.0.0.1:0/connect/callback",
        )
        .args(["connect", "--no-browser"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("an address in time")
        .unwrap()
        .expect("an address");
    assert!(url.contains("/v1/oauth/connect?client_id="), "{url}");
    assert!(url.contains("scope=payments%3Ainbound"), "{url}");

    let browser = reqwest::Client::new();
    let picker = browser.get(&url).send().await.unwrap();
    let picker_url = picker.url().clone();
    let back = browser
        .post(picker_url)
        .form(&[("action", "connect"), ("account", "sandbox-savings")])
        .send()
        .await
        .unwrap();
    assert!(
        back.text()
            .await
            .unwrap()
            .contains("Bank account connected")
    );

    let out = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
        .await
        .expect("kassa connect ends")
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "Connected: Sandbox Bank \u{b7} Savings account. Destination sandbox-savings saved."
        ),
        "{stderr}"
    );
    let saved = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(
        saved.contains("\"destinationId\": \"sandbox-savings\""),
        "{saved}"
    );
}
