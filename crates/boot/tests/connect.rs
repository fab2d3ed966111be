//! "Connect bank account" end to end: Kassa listens on a loopback redirect, a browser (here
//! reqwest, following redirects like one) walks the sandbox's Connect flow, and the
//! destination it picks is saved and then receives the counter's payments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Duration;

use kassa_boot::{
    ConnectError, ConnectFlow, MemorySecrets, Mode, Settings, save_destination, start,
};
use kassa_money::{Currency, Money};
use kassa_sandbox::SandboxConfig;
use kassa_testkit::sandbox_on_loopback;

const REDIRECT: &str = "http://127.0.0.1:0/connect/callback";

fn vars(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
    move |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
    }
}

/// What the merchant does in the browser: open the address, pick `account` (or cancel).
async fn walk(url: &str, account: Option<&str>) -> (u16, String) {
    let browser = reqwest::Client::new();
    let picker = browser.get(url).send().await.unwrap();
    assert_eq!(picker.status(), 200);
    let picker_url = picker.url().clone();
    let html = picker.text().await.unwrap();
    assert!(html.contains("Connect a bank account"), "{html}");
    let form: Vec<(&str, &str)> = match account {
        Some(a) => vec![("action", "connect"), ("account", a)],
        None => vec![("action", "cancel")],
    };
    let back = browser.post(picker_url).form(&form).send().await.unwrap();
    let status = back.status().as_u16();
    (status, back.text().await.unwrap())
}

#[tokio::test]
async fn the_picked_account_is_saved_and_then_receives_the_payments() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("kassa.db");
    let secrets = MemorySecrets::default();
    let settings = Settings::load(vars(vec![]), db.clone(), &secrets).unwrap();
    assert_eq!(settings.mode(), Mode::Sandbox);

    let flow = ConnectFlow::start(&settings, REDIRECT, "state-1".into())
        .await
        .unwrap();
    assert!(
        flow.url().contains("scope=payments%3Ainbound"),
        "{}",
        flow.url()
    );
    assert!(flow.url().contains("state=state-1"));
    assert!(
        flow.redirect_uri().starts_with("http://127.0.0.1:")
            && !flow.redirect_uri().contains(":0/"),
        "the real port is used: {}",
        flow.redirect_uri()
    );
    let url = flow.url().to_owned();

    // A stray request with another state is refused and does not end the attempt.
    let stray = reqwest::get(format!("{}?code=x&state=other", flow.redirect_uri()))
        .await
        .unwrap();
    assert_eq!(stray.status(), 400);

    let (status, page) = walk(&url, Some("sandbox-savings")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Bank account connected"), "{page}");
    assert!(page.contains("Savings account"), "{page}");
    let destination = flow.wait(Duration::from_secs(10)).await.unwrap();
    assert_eq!(destination.id, "sandbox-savings");
    assert_eq!(
        destination.name.as_deref(),
        Some("Sandbox Bank \u{b7} Savings account")
    );

    save_destination(&settings, &destination).unwrap();
    let settings = Settings::load(vars(vec![]), db, &secrets).unwrap();
    assert_eq!(settings.destination_id.as_deref(), Some("sandbox-savings"));
    assert_eq!(settings.mode(), Mode::Sandbox);

    // The counter now pays into the connected account.
    let counter = start(settings).await.unwrap();
    counter
        .till
        .charge(Money::new(1250, Currency::Dkk), Some("CONNECTED"))
        .unwrap();
    let sandbox = counter.sandbox().unwrap().sandbox().clone();
    let mut paid_to = None;
    for _ in 0..100 {
        if let Some(p) = sandbox.payments().first() {
            paid_to = Some(p.destination_id.clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(paid_to.as_deref(), Some("sandbox-savings"));
}

#[tokio::test]
async fn a_cancelled_connection_says_so_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings::load(
        vars(vec![]),
        dir.path().join("kassa.db"),
        &MemorySecrets::default(),
    )
    .unwrap();
    let flow = ConnectFlow::start(&settings, REDIRECT, "state-2".into())
        .await
        .unwrap();
    let url = flow.url().to_owned();
    let (_, page) = walk(&url, None).await;
    assert!(page.contains("Bank account not connected"), "{page}");
    let e = flow.wait(Duration::from_secs(10)).await.unwrap_err();
    assert!(matches!(e, ConnectError::Callback(_)), "{e:?}");
    assert_eq!(
        e.to_string(),
        "the bank account was not connected: the connection was cancelled in the browser"
    );
    assert!(!dir.path().join("settings.json").exists());
}

#[tokio::test]
async fn the_merchants_own_credentials_start_the_flow_at_the_configured_service() {
    let config = SandboxConfig::default();
    let service = sandbox_on_loopback(config.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings::from_vars(
        vars(vec![
            ("KASSA_API_URL", service.base_url().to_owned()),
            ("KASSA_CLIENT_ID", config.client_id.clone()),
            // A test service on loopback: the labelled custom-address option.
            ("KASSA_CUSTOM_API", "1".into()),
            ("KASSA_CLIENT_SECRET", config.client_secret.clone()),
            ("KASSA_DESTINATION_ID", "sandbox-destination".into()),
        ]),
        dir.path().join("kassa.db"),
    )
    .unwrap();
    assert_eq!(settings.mode(), Mode::Live);
    let flow = ConnectFlow::start(&settings, REDIRECT, "s3".into())
        .await
        .unwrap();
    assert!(flow.url().starts_with(service.base_url()), "{}", flow.url());
    let url = flow.url().to_owned();
    walk(&url, Some("sandbox-destination")).await;
    let d = flow.wait(Duration::from_secs(10)).await.unwrap();
    assert_eq!(d.id, "sandbox-destination");

    // A wrong secret: the browser part works, the service refuses to trade the code.
    let wrong = Settings::from_vars(
        vars(vec![
            ("KASSA_API_URL", service.base_url().to_owned()),
            ("KASSA_CLIENT_ID", config.client_id.clone()),
            // A test service on loopback: the labelled custom-address option.
            ("KASSA_CUSTOM_API", "1".into()),
            ("KASSA_CLIENT_SECRET", "not-the-secret".into()),
            ("KASSA_DESTINATION_ID", "sandbox-destination".into()),
        ]),
        dir.path().join("kassa.db"),
    )
    .unwrap();
    let flow = ConnectFlow::start(&wrong, REDIRECT, "s4".into())
        .await
        .unwrap();
    let url = flow.url().to_owned();
    let (status, page) = walk(&url, Some("sandbox-destination")).await;
    assert_eq!(status, 502);
    assert!(page.contains("did not confirm the account"), "{page}");
    let e = flow.wait(Duration::from_secs(10)).await.unwrap_err();
    assert!(matches!(e, ConnectError::Service(_)), "{e:?}");
}

#[tokio::test]
async fn nothing_from_the_browser_times_out_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings::load(
        vars(vec![]),
        dir.path().join("kassa.db"),
        &MemorySecrets::default(),
    )
    .unwrap();
    let flow = ConnectFlow::start(&settings, REDIRECT, "s5".into())
        .await
        .unwrap();
    let e = flow.wait(Duration::from_millis(50)).await.unwrap_err();
    assert!(matches!(e, ConnectError::TimedOut(_)), "{e:?}");
    let e = ConnectFlow::start(&settings, "https://example.com/cb", "s".into())
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("must be http on this machine"),
        "{e}"
    );
}
