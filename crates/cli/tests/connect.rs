//! `kassa connect` end to end: the address it prints is walked like a browser would, the
//! accounts that came back are listed, the merchant picks one and confirms its name (or names
//! it with `--account`), and it ends up as the saved destination. A refused code exchange
//! offers a fresh attempt.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

const T: Duration = Duration::from_secs(20);

fn kassa_connect(db: &Path, faults: Option<&str>, args: &[&str]) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kassa"));
    cmd.env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", db)
        .env(
            "KASSA_CONNECT_REDIRECT",
            "http://127.0.0.1:0/connect/callback",
        )
        .args(["connect", "--no-browser"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    if let Some(f) = faults {
        cmd.env("KASSA_SANDBOX_FAULTS", f);
    }
    cmd.spawn().unwrap()
}

async fn next_url(lines: &mut Lines<BufReader<ChildStdout>>) -> String {
    let url = tokio::time::timeout(T, lines.next_line())
        .await
        .expect("an address in time")
        .unwrap()
        .expect("an address");
    assert!(url.contains("/v1/oauth/connect?client_id="), "{url}");
    assert!(url.contains("scope=payments%3Ainbound"), "{url}");
    assert!(
        url.contains("code_challenge_method=S256") && url.contains("state="),
        "{url}"
    );
    url
}

/// The browser: open the address, tick `accounts`, come back; the page it ends on.
async fn walk(url: &str, accounts: &[&str]) -> String {
    let browser = reqwest::Client::new();
    let picker = browser.get(url).send().await.unwrap();
    let picker_url = picker.url().clone();
    let mut form = vec![("action", "connect")];
    form.extend(accounts.iter().map(|a| ("account", *a)));
    let back = browser.post(picker_url).form(&form).send().await.unwrap();
    back.text().await.unwrap()
}

async fn answer(child: &mut Child, text: &str) {
    let stdin = child.stdin.as_mut().unwrap();
    stdin.write_all(text.as_bytes()).await.unwrap();
    stdin.flush().await.unwrap();
}

async fn finish(child: Child) -> (Option<i32>, String) {
    let out = tokio::time::timeout(T, child.wait_with_output())
        .await
        .expect("kassa connect ends")
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn connect_lists_the_accounts_asks_which_and_saves_the_confirmed_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut child = kassa_connect(&db, None, &[]);
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = next_url(&mut lines).await;
    let page = walk(&url, &["sandbox-destination", "sandbox-savings"]).await;
    assert!(page.contains("2 accounts were found"), "{page}");
    // An answer out of range is asked again; then 2, then yes.
    answer(&mut child, "7\n2\ny\n").await;
    let (code, stderr) = finish(child).await;
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("  1. Sandbox Bank \u{b7} Business account (sandbox-destination)")
            && stderr.contains("  2. Sandbox Bank \u{b7} Savings account (sandbox-savings)"),
        "{stderr}"
    );
    assert!(stderr.contains("Type a number from 1 to 2."), "{stderr}");
    assert!(
        stderr.contains(
            "Save Sandbox Bank \u{b7} Savings account (sandbox-savings) as the account that receives payments? [y/N]"
        ),
        "{stderr}"
    );
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
    assert!(
        saved.contains("Savings account"),
        "the name is saved too: {saved}"
    );
}

#[tokio::test]
async fn connect_saves_nothing_when_the_name_is_not_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut child = kassa_connect(&db, None, &[]);
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = next_url(&mut lines).await;
    walk(&url, &["sandbox-savings"]).await;
    answer(&mut child, "n\n").await;
    let (code, stderr) = finish(child).await;
    assert_eq!(code, Some(3), "{stderr}");
    assert!(stderr.contains("nothing was saved"), "{stderr}");
    assert!(!dir.path().join("settings.json").exists());
}

#[tokio::test]
async fn a_refused_code_exchange_offers_a_fresh_attempt_and_account_saves_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut child = kassa_connect(
        &db,
        Some(r#"{"refuseCodes": 1}"#),
        &["--account", "sandbox-savings"],
    );
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = next_url(&mut lines).await;
    let page = walk(&first, &["sandbox-destination", "sandbox-savings"]).await;
    assert!(page.contains("press Try again"), "{page}");
    answer(&mut child, "\n").await;
    let second = next_url(&mut lines).await;
    assert_ne!(first, second, "a fresh authorization");
    walk(&second, &["sandbox-destination", "sandbox-savings"]).await;
    let (code, stderr) = finish(child).await;
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("(invalid_grant)"), "{stderr}");
    assert!(stderr.contains("Press Enter to try again"), "{stderr}");
    assert!(
        !stderr.contains("[y/N]"),
        "--account does not ask: {stderr}"
    );
    let saved = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(
        saved.contains("\"destinationId\": \"sandbox-savings\""),
        "{saved}"
    );
}
