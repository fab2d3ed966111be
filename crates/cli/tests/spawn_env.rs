//! Issue 10, part 7: the browser Kassa opens for Connect does not inherit its secrets.
//! `kassa connect` opens the system browser; here the "browser" (`xdg-open` on the PATH) is
//! a script that writes the environment it was given to a file.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::Command;

#[tokio::test]
async fn the_browser_opened_for_connect_gets_no_secret_in_its_environment() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let dump = dir.path().join("browser-env.txt");
    let opener = bin.join("xdg-open");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\n/usr/bin/env > '{}.tmp' && /bin/mv '{0}.tmp' '{0}'\n",
            dump.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .env("PATH", &bin)
        .env("KASSA_DB", dir.path().join("k.db"))
        .env(
            "KASSA_CONNECT_REDIRECT",
            "http://127.0.0.1:0/connect/callback",
        )
        .env("KASSA_WEBHOOK_BIND", "127.0.0.1:0")
        .env("KASSA_WEBHOOK_SECRET", "webhook-secret-0123456789")
        .env("KASSA_SMTP_PASSWORD", "mail-password-42")
        .env("KASSA_OTHER_SECRET_KEY", "other-secret-43")
        .env("KASSA_CURRENCY", "DKK")
        .arg("connect")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !dump.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the browser was not opened"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().await.unwrap();
    let env = std::fs::read_to_string(&dump).unwrap();
    assert!(
        env.contains("KASSA_CURRENCY=DKK"),
        "the rest is kept: {env}"
    );
    for leak in [
        "webhook-secret-0123456789",
        "mail-password-42",
        "other-secret-43",
    ] {
        assert!(!env.contains(leak), "{leak} reached the browser: {env}");
    }
}
