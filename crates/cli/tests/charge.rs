//! The `kassa` binary end to end against a sandbox on a random loopback port.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use kassa_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
use kassa_testkit::{cli, sandbox_on_loopback};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

async fn sandbox() -> RunningSandbox {
    sandbox_on_loopback(SandboxConfig::default()).await
}

/// `kassa` as a counter on `sandbox` with the journal `db`.
fn kassa(sandbox: &RunningSandbox, db: &Path) -> Command {
    cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db)
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

/// `kassa charge` on the built-in sandbox, with `KASSA_SANDBOX_FAULTS` in the environment.
async fn charge_on_the_built_in_sandbox(faults: &str) -> (Vec<Value>, Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", dir.path().join("k.db"))
        .env("KASSA_SANDBOX_FAULTS", faults)
        .args(["charge", "--amount", "5", "--json"])
        .kill_on_drop(true)
        .output();
    let out = tokio::time::timeout(Duration::from_secs(30), out)
        .await
        .expect("kassa finished in time")
        .unwrap();
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        lines,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn the_built_in_sandbox_injects_the_faults_from_the_environment() {
    let (lines, code, stderr) = charge_on_the_built_in_sandbox(
        r#"{"accept": ["dropAfterCreate"], "customer": "approves"}"#,
    )
    .await;
    assert_eq!(code, Some(0), "stderr: {stderr}");
    let error = lines
        .iter()
        .find(|l| l["event"] == "attempt_error")
        .unwrap();
    assert_eq!(
        error["message"],
        "The connection dropped before the payment service answered. A new code is on its way."
    );
    assert_eq!(lines.last().unwrap()["status"], "paid");

    let (_, code, stderr) =
        charge_on_the_built_in_sandbox(r#"{"customer": "approves", "bankRejects": true}"#).await;
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("not paid: Declined in the bank"),
        "{stderr}"
    );

    let (_, code, stderr) = charge_on_the_built_in_sandbox(r#"{"accept": "lots"}"#).await;
    assert_eq!(code, Some(2), "a bad setting: {stderr}");
    assert!(stderr.contains("KASSA_SANDBOX_FAULTS"), "{stderr}");
}

#[tokio::test]
async fn kassa_sandbox_takes_faults_from_the_command_line() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .args([
            "sandbox",
            "--port",
            &port.to_string(),
            "--faults",
            r#"{"accept": ["rateLimit", "timeout"], "retryAfterS": 9}"#,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/sandbox/admin/faults");
    let faults: Value = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if let Ok(reply) = http_get(&url).await {
                return reply;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the sandbox came up");
    assert_eq!(
        faults["accept"],
        serde_json::json!(["rateLimit", "timeout"])
    );
    assert_eq!(faults["retryAfterS"], 9);

    let out = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .args(["sandbox", "--port", "0", "--faults", r#"{"acept": []}"#])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad --faults") && stderr.contains("acept"),
        "{stderr}"
    );
}

/// A plain HTTP GET of a JSON document, without an HTTP client crate.
async fn http_get(url: &str) -> Result<Value, std::io::Error> {
    use tokio::io::AsyncWriteExt;
    let rest = url.trim_start_matches("http://");
    let (host, path) = rest.split_once('/').unwrap();
    let mut stream = tokio::net::TcpStream::connect(host).await?;
    let request = format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut reply = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut stream, &mut reply).await?;
    let body = reply
        .split_once("\r\n\r\n")
        .map(|(_, b)| b)
        .ok_or_else(|| std::io::Error::other("no body"))?;
    serde_json::from_str(body).map_err(std::io::Error::other)
}

#[tokio::test]
async fn doctor_checks_the_service_and_names_what_is_wrong() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kassa(&sandbox, &db)
        .args(["doctor"])
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    for name in ["settings", "credentials", "destination", "clock"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with("ok") && l.contains(name)),
            "{name}: {stdout}"
        );
    }
    let out = kassa(&sandbox, &db)
        .env("KASSA_CLIENT_ID", "sandbox-client")
        // A test service on loopback: the labelled custom-address option.
        .env("KASSA_CUSTOM_API", "1")
        .env("KASSA_CLIENT_SECRET", "not-the-secret")
        .env("KASSA_DESTINATION_ID", "sandbox-destination")
        .args(["doctor", "--json"])
        .output()
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let last: Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().last().unwrap()).unwrap();
    assert_eq!(last["name"], "credentials");
    assert_eq!(last["ok"], false);
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("not-the-secret"),
        "the secret never prints"
    );
}

/// `kassa setup` keeps the secret in the OS keyring (needs the session bus with an unlocked
/// keyring that scripts/test.sh provides) and `kassa doctor` then finds everything.
#[tokio::test]
async fn setup_stores_the_secret_in_the_keyring_and_doctor_uses_it() {
    use tokio::io::AsyncWriteExt;
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    // Its own keyring entry: other tests (and the window tests after them) share the bus.
    let service = format!("eu.kassa.counter.test-setup-{}", std::process::id());
    let mut child = kassa(&sandbox, &db)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap_or_default(),
        )
        .env("KASSA_KEYRING_SERVICE", &service)
        .env_remove("KASSA_API_URL")
        .args([
            "setup",
            "--client-id",
            "sandbox-client",
            "--destination-id",
            "sandbox-destination",
        ])
        .args(["--api-url", sandbox.base_url()])
        // A test service on loopback: the labelled custom-address option.
        .arg("--custom-api")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"sandbox-secret\n")
        .await
        .unwrap();
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(
        file.contains("sandbox-client") && !file.contains("sandbox-secret"),
        "{file}"
    );

    let out = kassa(&sandbox, &db)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap_or_default(),
        )
        .env("KASSA_KEYRING_SERVICE", &service)
        .env_remove("KASSA_API_URL")
        .args(["doctor"])
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Aiia with the merchant's credentials"),
        "{stdout}"
    );
    // The default entry was never touched, and the test's own is cleaned up.
    use kassa_boot::SecretStore;
    let store = kassa_boot::Keyring::named(&service, kassa_boot::KEYRING_ACCOUNT);
    assert_eq!(
        store
            .get()
            .unwrap()
            .map(|s| s.expose().to_owned())
            .as_deref(),
        Some("sandbox-secret")
    );
    store.delete().unwrap();
}

/// Issue 9: `kassa charge` exited once paid while an earlier code of the sale could still
/// be paid, so an approval of it minutes later was never seen. Now it follows them (and
/// says so) and catches the second payment.
#[tokio::test]
async fn charge_follows_earlier_codes_after_the_sale_is_paid_and_catches_a_second_payment() {
    let sandbox = sandbox_on_loopback(SandboxConfig {
        link_ttl: Duration::from_secs(12),
        ..SandboxConfig::default()
    })
    .await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let mut child = kassa(&sandbox, &db)
        .env("KASSA_LINK_TTL_S", "12")
        .args(["charge", "--amount", "7.00", "--json"])
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = Vec::new();
    let mut first = None;
    let run = async {
        while let Some(l) = lines.next_line().await.unwrap() {
            let v: Value = serde_json::from_str(&l).unwrap();
            if v["event"] == "qr_ready" {
                let pid = v["payment_id"].as_str().unwrap().to_owned();
                if v["attempt"] == 1 {
                    first = Some(pid);
                } else if v["attempt"] == 2 {
                    // The customer pays the code on screen...
                    sandbox.sandbox().approve(&pid).unwrap();
                }
            }
            if v["event"] == "sale_ended" {
                // ...and someone who had scanned the first code pays it too.
                sandbox
                    .sandbox()
                    .approve(first.as_deref().unwrap())
                    .unwrap();
            }
            seen.push(v);
        }
    };
    tokio::time::timeout(Duration::from_secs(40), run)
        .await
        .expect("kassa finished in time");
    let out = child.wait_with_output().await.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("of this sale are still open at the bank")
            || stderr.contains("of this sale is still open at the bank"),
        "{stderr}"
    );
    let flagged: Vec<&Value> = seen
        .iter()
        .filter(|l| l["event"] == "needs_attention")
        .collect();
    assert_eq!(flagged.len(), 1, "{seen:#?}");
    assert_eq!(flagged[0]["payment_id"].as_str(), first.as_deref());
    assert_eq!(out.status.code(), Some(6), "{stderr}");
}

/// `KASSA_LANG=da kassa charge …` speaks Danish: the sale, the code, the end and the
/// receipt's lines in Danish, money as a Dane writes it; `--json` keeps its English keys.
#[tokio::test]
async fn kassa_lang_da_charges_in_danish() {
    let sandbox = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = kassa(&sandbox, &dir.path().join("k.db"))
        .env("KASSA_LANG", "da")
        .args(["charge", "--amount", "1234,50", "--currency", "DKK"])
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut out = String::new();
    let run = async {
        while let Some(l) = lines.next_line().await.unwrap() {
            if l.starts_with("Kode 1 ") {
                let payments = sandbox.sandbox().payments();
                sandbox.sandbox().approve(&payments[0].payment_id).unwrap();
            }
            out.push_str(&l);
            out.push('\n');
        }
    };
    tokio::time::timeout(Duration::from_secs(30), run)
        .await
        .expect("kassa finished in time");
    let status = child.wait().await.unwrap();
    assert_eq!(status.code(), Some(0), "{out}");
    assert!(out.contains("Salg "), "{out}");
    assert!(out.contains(": 1.234,50\u{a0}kr."), "{out}");
    assert!(out.contains("Kode 1 – scan for at betale:"), "{out}");
    assert!(
        out.contains("Betalt med bankoverførsel: 1.234,50\u{a0}kr."),
        "{out}"
    );
    assert!(!out.contains("Paid by bank transfer"), "{out}");

    // The same sale in JSON: English keys and messages, whatever KASSA_LANG says.
    let (lines, code, stderr) = {
        let mut child = kassa(&sandbox, &dir.path().join("k.db"))
            .env("KASSA_LANG", "da")
            .args(["charge", "--amount", "5", "--json"])
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut seen = Vec::new();
        let run = async {
            while let Some(l) = lines.next_line().await.unwrap() {
                let v: Value = serde_json::from_str(&l).unwrap();
                if v["event"] == "qr_ready" {
                    sandbox
                        .sandbox()
                        .reject(v["payment_id"].as_str().unwrap())
                        .unwrap();
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
    };
    assert_eq!(code, Some(1), "{stderr}");
    let end = lines.last().unwrap();
    assert_eq!(end["event"], "sale_ended");
    // (The bank's own reason after the colon is the service's text, as it sent it.)
    assert!(
        end["message"]
            .as_str()
            .unwrap()
            .starts_with("Declined in the bank"),
        "{end}"
    );
    // People read stderr: Danish there.
    assert!(stderr.contains("ikke betalt: Afvist i banken"), "{stderr}");
}
