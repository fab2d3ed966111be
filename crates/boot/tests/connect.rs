//! "Connect bank account" end to end: Kassa listens on a loopback redirect, a browser (here
//! reqwest, following redirects like one) walks the sandbox's Connect flow, Kassa trades the
//! code (PKCE) and reads the consented accounts; the account the merchant picks is saved and
//! then receives the counter's payments. A refused code leaves the flow listening for a
//! fresh attempt; an answer without this attempt's state is ignored.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use kassa_aiia::connect::{CallbackError, s256};
use kassa_boot::{
    ConnectError, ConnectFlow, ConnectRandom, MemorySecrets, Mode, OsRandom, SavedSettings,
    Settings, save_destination, settings_path, start,
};
use kassa_money::{Currency, Money};
use kassa_sandbox::{Faults, SandboxConfig};
use kassa_testkit::sandbox_on_loopback;

const REDIRECT: &str = "http://127.0.0.1:0/connect/callback";
const WAIT: Duration = Duration::from_secs(10);

fn vars(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
    move |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
    }
}

/// States `state-1`, `state-2`, … and verifier bytes 1, 2, …: each attempt's values known.
#[derive(Default)]
struct Counting(AtomicU8);

impl ConnectRandom for Counting {
    fn state(&self) -> String {
        format!("state-{}", self.0.load(Ordering::SeqCst) + 1)
    }
    fn verifier_bytes(&self) -> [u8; 32] {
        [self.0.fetch_add(1, Ordering::SeqCst) + 1; 32]
    }
}

/// What the merchant does in the browser: open the address, tick `accounts` (or cancel).
async fn walk(url: &str, accounts: &[&str]) -> (u16, String) {
    let browser = reqwest::Client::new();
    let picker = browser.get(url).send().await.unwrap();
    assert_eq!(picker.status(), 200);
    let picker_url = picker.url().clone();
    let html = picker.text().await.unwrap();
    assert!(html.contains("Connect a bank account"), "{html}");
    let form: Vec<(&str, &str)> = if accounts.is_empty() {
        vec![("action", "cancel")]
    } else {
        let mut f = vec![("action", "connect")];
        f.extend(accounts.iter().map(|a| ("account", *a)));
        f
    };
    let back = browser.post(picker_url).form(&form).send().await.unwrap();
    let status = back.status().as_u16();
    (status, back.text().await.unwrap())
}

fn sandbox_settings(db: PathBuf) -> Settings {
    let settings = Settings::load(vars(vec![]), db, &MemorySecrets::default()).unwrap();
    assert_eq!(settings.mode(), Mode::Sandbox);
    settings
}

/// Settings with the sandbox's credentials at `base` (an external service, as Aiia is).
fn live_settings(base: &str, secret: &str, db: PathBuf) -> Settings {
    let config = SandboxConfig::default();
    Settings::from_vars(
        vars(vec![
            ("KASSA_API_URL", base.to_owned()),
            ("KASSA_CLIENT_ID", config.client_id.clone()),
            // A test service on loopback: the labelled custom-address option.
            ("KASSA_CUSTOM_API", "1".into()),
            ("KASSA_CLIENT_SECRET", secret.to_owned()),
            ("KASSA_DESTINATION_ID", "sandbox-destination".into()),
        ]),
        db,
    )
    .unwrap()
}

#[tokio::test]
async fn the_start_address_carries_state_and_the_s256_challenge_of_the_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let settings = sandbox_settings(dir.path().join("kassa.db"));
    let flow = ConnectFlow::start(&settings, REDIRECT, Arc::new(Counting::default()))
        .await
        .unwrap();
    let url = reqwest::Url::parse(flow.url()).unwrap();
    let q: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
    assert_eq!(q["scope"], "payments:inbound");
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["state"], "state-1");
    assert_eq!(q["code_challenge_method"], "S256");
    let verifier = kassa_aiia::connect::Pkce::from_random([1; 32]);
    assert_eq!(q["code_challenge"], s256(verifier.verifier().expose()));
    assert!(
        flow.redirect_uri().starts_with("http://127.0.0.1:")
            && !flow.redirect_uri().contains(":0/"),
        "the real port is used: {}",
        flow.redirect_uri()
    );
}

#[tokio::test]
async fn the_picked_account_is_saved_and_then_receives_the_payments() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("kassa.db");
    let settings = sandbox_settings(db.clone());
    let mut flow = ConnectFlow::start(&settings, REDIRECT, Arc::new(OsRandom))
        .await
        .unwrap();
    let url = flow.url().to_owned();

    // A stray request with another state is refused and does not end the attempt.
    let stray = reqwest::get(format!("{}?code=x&state=other", flow.redirect_uri()))
        .await
        .unwrap();
    assert_eq!(stray.status(), 400);

    let (status, page) = walk(&url, &["sandbox-savings"]).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Bank account found"), "{page}");
    assert!(page.contains("Savings account was found"), "{page}");
    assert!(page.contains("nothing is saved until you do"), "{page}");
    let connected = flow.wait(WAIT).await.unwrap();
    let only = connected.only().unwrap().clone();
    assert_eq!(only.id, "sandbox-savings");
    assert_eq!(
        only.name.as_deref(),
        Some("Sandbox Bank \u{b7} Savings account")
    );
    assert!(connected.consent_id.is_some(), "the consentId is kept");
    assert!(
        !settings_path(&db).exists(),
        "nothing is saved before the merchant confirms"
    );

    save_destination(&settings, &only).unwrap();
    let saved = SavedSettings::load(&settings_path(&db)).unwrap();
    assert_eq!(
        saved.destination_name.as_deref(),
        Some("Sandbox Bank \u{b7} Savings account"),
        "the name is saved beside the id"
    );
    let settings = Settings::load(vars(vec![]), db, &MemorySecrets::default()).unwrap();
    assert_eq!(settings.destination_id.as_deref(), Some("sandbox-savings"));

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
async fn several_accounts_come_back_and_the_merchant_picks_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let settings = sandbox_settings(db.clone());
    let mut flow = ConnectFlow::start(&settings, REDIRECT, Arc::new(OsRandom))
        .await
        .unwrap();
    let url = flow.url().to_owned();
    let (status, page) = walk(&url, &["sandbox-destination", "sandbox-savings"]).await;
    assert_eq!(status, 200);
    assert!(page.contains("2 accounts were found"), "{page}");
    let connected = flow.wait(WAIT).await.unwrap();
    assert_eq!(connected.only(), None, "two to choose from");
    let names: Vec<&str> = connected.accounts.iter().map(|a| a.label()).collect();
    assert_eq!(
        names,
        [
            "Sandbox Bank \u{b7} Business account",
            "Sandbox Bank \u{b7} Savings account"
        ]
    );
    let e = connected.choose("someone-elses").unwrap_err();
    assert!(matches!(e, ConnectError::NotOffered(..)), "{e:?}");
    assert!(
        e.to_string().contains("sandbox-savings: Sandbox Bank"),
        "{e}"
    );
    let picked = connected.choose("sandbox-savings").unwrap();
    save_destination(&settings, picked).unwrap();
    let saved = SavedSettings::load(&settings_path(&db)).unwrap();
    assert_eq!(saved.destination_id.as_deref(), Some("sandbox-savings"));
    assert_eq!(
        saved.destination_name.as_deref(),
        Some("Sandbox Bank \u{b7} Savings account")
    );
}

#[tokio::test]
async fn a_refused_code_exchange_leaves_the_flow_open_and_a_fresh_attempt_connects() {
    let config = SandboxConfig {
        faults: Faults {
            refuse_codes: 1,
            ..Faults::default()
        },
        ..SandboxConfig::default()
    };
    let service = sandbox_on_loopback(config.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let settings = live_settings(
        service.base_url(),
        &config.client_secret,
        dir.path().join("k.db"),
    );
    let mut flow = ConnectFlow::start(&settings, REDIRECT, Arc::new(Counting::default()))
        .await
        .unwrap();
    let first = flow.url().to_owned();
    assert!(first.starts_with(service.base_url()), "{first}");

    let (status, page) = walk(&first, &["sandbox-savings"]).await;
    assert_eq!(status, 502, "{page}");
    assert!(page.contains("press Try again"), "{page}");
    let e = flow.wait(WAIT).await.unwrap_err();
    assert!(matches!(e, ConnectError::Exchange(_)), "{e:?}");
    assert!(e.can_try_again());
    assert!(
        e.to_string().contains("(invalid_grant)"),
        "the OAuth error is readable: {e}"
    );

    // Try again: a new state and verifier on the same listener.
    let second = flow.try_again().unwrap().to_owned();
    assert_ne!(second, first);
    assert!(second.contains("state=state-2"), "{second}");
    // The first attempt's state is dead now.
    let old = reqwest::get(format!("{}?code=x&state=state-1", flow.redirect_uri()))
        .await
        .unwrap();
    assert_eq!(old.status(), 400);

    let (status, page) = walk(&second, &["sandbox-savings"]).await;
    assert_eq!(status, 200, "{page}");
    let connected = flow.wait(WAIT).await.unwrap();
    assert_eq!(connected.only().unwrap().id, "sandbox-savings");
}

#[tokio::test]
async fn a_callback_without_state_is_ignored_and_the_attempt_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let settings = sandbox_settings(dir.path().join("kassa.db"));
    let mut flow = ConnectFlow::start(&settings, REDIRECT, Arc::new(OsRandom))
        .await
        .unwrap();
    let url = flow.url().to_owned();
    for forged in [
        "code=attackers-code",
        "code=attackers-code&consentId=c",
        "error=access_denied",
    ] {
        let r = reqwest::get(format!("{}?{forged}", flow.redirect_uri()))
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{forged}");
        assert!(r.text().await.unwrap().contains("carries no state"));
    }
    // Nothing was reported: the wait sees only the real answer.
    let (status, _) = walk(&url, &["sandbox-destination"]).await;
    assert_eq!(status, 200);
    let connected = flow.wait(WAIT).await.unwrap();
    assert_eq!(connected.only().unwrap().id, "sandbox-destination");
}

#[tokio::test]
async fn a_cancelled_connection_says_so_saves_nothing_and_can_be_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    let settings = sandbox_settings(dir.path().join("kassa.db"));
    let mut flow = ConnectFlow::start(&settings, REDIRECT, Arc::new(OsRandom))
        .await
        .unwrap();
    let url = flow.url().to_owned();
    let (_, page) = walk(&url, &[]).await;
    assert!(page.contains("Bank account not connected"), "{page}");
    let e = flow.wait(WAIT).await.unwrap_err();
    assert!(
        matches!(e, ConnectError::Callback(CallbackError::Cancelled)),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "the bank account was not connected: the connection was cancelled in the browser"
    );
    assert!(!dir.path().join("settings.json").exists());
    let again = flow.try_again().unwrap().to_owned();
    walk(&again, &["sandbox-savings"]).await;
    assert_eq!(
        flow.wait(WAIT).await.unwrap().only().unwrap().id,
        "sandbox-savings"
    );
}

#[tokio::test]
async fn a_wrong_secret_is_refused_readably_at_the_code_exchange() {
    let config = SandboxConfig::default();
    let service = sandbox_on_loopback(config.clone()).await;
    let dir = tempfile::tempdir().unwrap();
    let wrong = live_settings(
        service.base_url(),
        "not-the-secret",
        dir.path().join("k.db"),
    );
    let mut flow = ConnectFlow::start(&wrong, REDIRECT, Arc::new(OsRandom))
        .await
        .unwrap();
    let url = flow.url().to_owned();
    let (status, page) = walk(&url, &["sandbox-destination"]).await;
    assert_eq!(status, 502);
    assert!(page.contains("did not accept the code"), "{page}");
    let e = flow.wait(WAIT).await.unwrap_err();
    assert!(matches!(e, ConnectError::Exchange(_)), "{e:?}");
    assert!(e.to_string().contains("invalid_client"), "{e}");
}

#[tokio::test]
async fn nothing_from_the_browser_times_out_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let settings = sandbox_settings(dir.path().join("kassa.db"));
    let mut flow = ConnectFlow::start(&settings, REDIRECT, Arc::new(OsRandom))
        .await
        .unwrap();
    let e = flow.wait(Duration::from_millis(50)).await.unwrap_err();
    assert!(matches!(e, ConnectError::TimedOut(_)), "{e:?}");
    let e = ConnectFlow::start(&settings, "https://example.com/cb", Arc::new(OsRandom))
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("must be http on this machine"),
        "{e}"
    );
}
