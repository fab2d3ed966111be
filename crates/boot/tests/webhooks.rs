//! Webhooks end to end: the engine polls on a slow schedule (30 s), the sandbox sends signed
//! events to the webhook listener, and a verified event makes the engine read its statuses at
//! once. So a sale paid long before its first scheduled poll was paid because of the webhook;
//! a forged, stale or replayed delivery makes nothing happen.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use kassa_aiia::webhook::{
    EVENT_ID_HEADER, EVENT_TYPE_HEADER, PAYMENT_UPDATED, SIGNATURE_HEADER, TIMESTAMP_HEADER,
    VIIA_SIGNATURE_HEADER, WebhookHeaders,
};
use kassa_aiia::{Client, Secret};
use kassa_boot::{Settings, WebhookListener, WebhookSettings, WebhookStats};
use kassa_journal::SaleState;
use kassa_money::{Currency, Money};
use kassa_sandbox::{RunningSandbox, Sandbox, SandboxConfig, WebhookSigning};
use kassa_testkit::next_within;
use kassa_till::{Outcome, PollSchedule, Till, TillEvent};
use tokio::sync::broadcast::Receiver;

const SECRET: &str = "counter-webhook-secret";
/// Far slower than any wait in these tests: a status read can only come from a webhook.
const SLOW: Duration = Duration::from_secs(30);

struct Rig {
    sandbox: RunningSandbox,
    listener: WebhookListener,
    till: Till<Client>,
    events: Receiver<TillEvent>,
    _dir: tempfile::TempDir,
}

/// The engine polls every [`SLOW`]; the listener pokes it on every verified delivery.
async fn rig() -> Rig {
    let kassa_testkit::Rig {
        sandbox,
        till,
        events,
        dir,
    } = kassa_testkit::Rig::builder()
        .poll(PollSchedule {
            waiting: SLOW,
            opened: SLOW,
            authorized: SLOW,
            replaced: SLOW,
            after_error: SLOW,
            ..PollSchedule::steady(SLOW)
        })
        .build()
        .await;
    let poked = till.clone();
    let listener = WebhookListener::bind(
        &WebhookSettings::new(
            SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            Secret::new(SECRET),
        ),
        Arc::new(move |_| poked.poke()),
    )
    .await
    .unwrap();
    Rig {
        sandbox,
        listener,
        till,
        events,
        _dir: dir,
    }
}

/// The first event that matches `f`, well before the first scheduled poll.
async fn next(rx: &mut Receiver<TillEvent>, f: impl Fn(&TillEvent) -> bool) -> TillEvent {
    next_within(rx, Duration::from_secs(20), f).await
}

/// Charges and returns the sale id, the payment id on screen and when its code was made.
async fn charge(r: &mut Rig) -> (String, String, i64) {
    let sale = r
        .till
        .charge(Money::new(4200, Currency::Dkk), None)
        .unwrap();
    let TillEvent::QrReady(code) =
        next(&mut r.events, |e| matches!(e, TillEvent::QrReady(_))).await
    else {
        unreachable!()
    };
    // The code lives 60 s from its creation.
    let created_ms = code.expires_at_ms - 60_000;
    (sale, code.payment_id, created_ms)
}

/// Posts a delivery to the listener as Aiia would.
async fn post(r: &Rig, headers: &WebhookHeaders, body: &str) -> reqwest::StatusCode {
    reqwest::Client::new()
        .post(r.listener.url())
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, &headers.signature)
        .header(TIMESTAMP_HEADER, &headers.timestamp)
        .header(EVENT_ID_HEADER, &headers.event_id)
        .header(EVENT_TYPE_HEADER, &headers.event_type)
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
        .status()
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Aiia's envelope for an update of `payment_id` (no status inside).
fn body_for(payment_id: &str) -> String {
    format!(
        r#"{{"acceptPaymentUpdatedWebhook":{{"data":{{"paymentId":"{payment_id}"}},"event":"PaymentUpdated"}}}}"#
    )
}

#[tokio::test]
async fn an_approval_is_paid_at_once_thanks_to_the_webhook() {
    approval_is_paid_at_once(WebhookSigning::Aiia).await;
}

/// The same with the older signature (`X-Viia-Signature`, the body alone).
#[tokio::test]
async fn an_approval_is_paid_at_once_thanks_to_an_older_signed_webhook() {
    approval_is_paid_at_once(WebhookSigning::Viia).await;
}

/// The sandbox sends its real envelopes, signed as `signing`, to the listener, which pokes
/// the engine: the sale is paid long before the first scheduled status read.
async fn approval_is_paid_at_once(signing: WebhookSigning) {
    let mut r = rig().await;
    r.sandbox
        .sandbox()
        .set_webhook(Some(r.listener.url().to_owned()), Some(SECRET.to_owned()));
    r.sandbox.sandbox().set_webhook_signing(signing);
    assert_eq!(r.sandbox.sandbox().webhook_signing(), Some(signing));
    let (sale, payment_id, created_ms) = charge(&mut r).await;

    r.sandbox.sandbox().approve(&payment_id).unwrap();
    let end = next(&mut r.events, |e| matches!(e, TillEvent::SaleEnded { .. })).await;
    let paid_ms = r.till.now_ms();
    assert!(matches!(
        end,
        TillEvent::SaleEnded {
            outcome: Outcome::Paid,
            ..
        }
    ));
    // The first scheduled status read would have been 30 s after the code was made.
    assert!(
        paid_ms < created_ms + SLOW.as_millis() as i64,
        "paid at {paid_ms}, before the first poll at {}",
        created_ms + SLOW.as_millis() as i64
    );
    // Caused by verified webhooks: the creation, then Authorized (and Executed).
    let stats = r.listener.stats();
    assert!(stats.accepted >= 2, "{stats:?}");
    assert_eq!(stats.rejected, 0);
    let delivered: Vec<String> = r
        .sandbox
        .sandbox()
        .webhook_deliveries()
        .into_iter()
        .filter(|d| d.payment_id == payment_id && d.delivered)
        .map(|d| d.event)
        .collect();
    assert_eq!(
        delivered.first().map(String::as_str),
        Some("PaymentCreated")
    );
    assert!(
        delivered.iter().any(|e| e == "PaymentUpdated"),
        "{delivered:?}"
    );
    let detail = r.till.sale_detail(&sale).unwrap();
    assert_eq!(detail.sale.state, SaleState::Paid);
    assert_eq!(
        detail.sale.paid_payment_id.as_deref(),
        Some(payment_id.as_str())
    );
}

#[tokio::test]
async fn forged_stale_and_replayed_webhooks_make_nothing_happen() {
    let mut r = rig().await;
    // The sandbox sends nothing here: every delivery is made by the test.
    let (sale, payment_id, created_ms) = charge(&mut r).await;
    r.sandbox.sandbox().approve(&payment_id).unwrap();
    let body = body_for(&payment_id);

    // Signed with the wrong secret.
    let forged = WebhookHeaders::signed(
        &Secret::new("guessed"),
        now_unix(),
        "evt-forged",
        PAYMENT_UPDATED,
        body.as_bytes(),
    );
    assert_eq!(post(&r, &forged, &body).await, 401);
    // Rightly signed, but ten minutes old.
    let stale = WebhookHeaders::signed(
        &Secret::new(SECRET),
        now_unix() - 600,
        "evt-stale",
        PAYMENT_UPDATED,
        body.as_bytes(),
    );
    assert_eq!(post(&r, &stale, &body).await, 401);
    // No signature at all.
    let unsigned = reqwest::Client::new()
        .post(r.listener.url())
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), 401);

    // Nothing was read: the sale is still open although the payment is executed.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        r.till.sale_detail(&sale).unwrap().sale.state,
        SaleState::Open
    );
    assert!(no_status_read(&mut r.events));
    assert_eq!(
        r.listener.stats(),
        WebhookStats {
            rejected: 3,
            log_lines: 3,
            ..WebhookStats::default()
        }
    );

    // A good one makes the engine read at once.
    let good = WebhookHeaders::signed(
        &Secret::new(SECRET),
        now_unix(),
        "evt-good",
        PAYMENT_UPDATED,
        body.as_bytes(),
    );
    assert_eq!(post(&r, &good, &body).await, 200);
    next(&mut r.events, |e| {
        matches!(
            e,
            TillEvent::SaleEnded {
                outcome: Outcome::Paid,
                ..
            }
        )
    })
    .await;
    assert!(r.till.now_ms() < created_ms + SLOW.as_millis() as i64);

    // The same delivery again: acknowledged, ignored.
    assert_eq!(post(&r, &good, &body).await, 200);
    let stats = r.listener.stats();
    assert_eq!(
        (stats.accepted, stats.replayed, stats.rejected),
        (1, 1, 3),
        "{stats:?}"
    );

    // Rightly signed, but about something other than a payment: acknowledged, nothing read.
    let consent =
        r#"{"consentRevokedWebhook":{"consentId":"k","data":null,"event":"ConsentRevoked"}}"#;
    let other = WebhookHeaders::signed(
        &Secret::new(SECRET),
        now_unix(),
        "evt-consent",
        "ConsentRevoked",
        consent.as_bytes(),
    );
    assert_eq!(post(&r, &other, consent).await, 200);
    assert_eq!(r.listener.stats().ignored, 1);
    // The older scheme with a wrong signature, or with none beside it, is refused.
    for viia in [Some("00".repeat(32)), None] {
        let mut request = reqwest::Client::new()
            .post(r.listener.url())
            .body(body.clone());
        if let Some(signature) = viia {
            request = request.header(VIIA_SIGNATURE_HEADER, signature);
        }
        assert_eq!(request.send().await.unwrap().status(), 401);
    }
    assert_eq!(r.listener.stats().rejected, 5);
}

/// True when no event in the queue is a status read's result.
fn no_status_read(rx: &mut Receiver<TillEvent>) -> bool {
    while let Ok(e) = rx.try_recv() {
        if matches!(
            e,
            TillEvent::StatusChanged { .. } | TillEvent::SaleEnded { .. }
        ) {
            return false;
        }
    }
    true
}

fn vars(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
    move |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
    }
}

#[tokio::test]
async fn the_counter_points_its_embedded_sandbox_at_its_listener() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("k.db");
    let settings = Settings::from_vars(
        vars(vec![
            ("KASSA_WEBHOOK_BIND", "127.0.0.1:0".into()),
            ("KASSA_WEBHOOK_SECRET", SECRET.into()),
        ]),
        db.clone(),
    )
    .unwrap();
    let counter = kassa_boot::start(settings).await.unwrap();
    assert!(counter.webhooks_on());
    let listener = counter.webhooks().unwrap();
    let sandbox = counter.sandbox().unwrap().sandbox();
    assert_eq!(sandbox.webhook_url().as_deref(), Some(listener.url()));

    let mut events = counter.till.subscribe();
    counter
        .till
        .charge(Money::new(100, Currency::Dkk), None)
        .unwrap();
    let TillEvent::QrReady(code) = next(&mut events, |e| matches!(e, TillEvent::QrReady(_))).await
    else {
        unreachable!()
    };
    sandbox.reject(&code.payment_id).unwrap();
    next(&mut events, |e| matches!(e, TillEvent::SaleEnded { .. })).await;
    // The sandbox's event reached the listener, signed with the shared secret.
    tokio::time::timeout(Duration::from_secs(10), async {
        while counter.webhooks().unwrap().stats().accepted == 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap();
    assert_eq!(counter.webhooks().unwrap().stats().rejected, 0);

    // That secret is the sandbox's own throwaway one, not the merchant's: a delivery signed
    // with the configured secret is refused, one signed with the sandbox's is taken.
    let throwaway = sandbox.config().webhook_secret.clone();
    assert_ne!(throwaway, SECRET);
    assert_ne!(throwaway, SandboxConfig::default().webhook_secret);
    let body = body_for(&code.payment_id);
    let post = |secret: &str, id: &str| {
        let headers = WebhookHeaders::signed(
            &Secret::new(secret),
            now_unix(),
            id,
            PAYMENT_UPDATED,
            body.as_bytes(),
        );
        let url = listener.url().to_owned();
        let body = body.clone();
        async move {
            reqwest::Client::new()
                .post(url)
                .header(SIGNATURE_HEADER, &headers.signature)
                .header(TIMESTAMP_HEADER, &headers.timestamp)
                .header(EVENT_ID_HEADER, &headers.event_id)
                .header(EVENT_TYPE_HEADER, &headers.event_type)
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(post(SECRET, "evt-merchant").await, 401);
    assert_eq!(post(&throwaway, "evt-sandbox").await, 200);

    // A new start gets a new one.
    let again = kassa_boot::start(
        Settings::from_vars(
            vars(vec![
                ("KASSA_WEBHOOK_BIND", "127.0.0.1:0".into()),
                ("KASSA_WEBHOOK_SECRET", SECRET.into()),
            ]),
            dir.path().join("again.db"),
        )
        .unwrap(),
    )
    .await
    .unwrap();
    let second = again
        .sandbox()
        .unwrap()
        .sandbox()
        .config()
        .webhook_secret
        .clone();
    assert_ne!(second, throwaway);
    assert_ne!(second, SECRET);

    // Off by default.
    let plain = Settings::from_vars(vars(vec![]), dir.path().join("other.db")).unwrap();
    assert!(plain.webhook.is_none());
}

/// A counter on a standalone sandbox or on Aiia keeps the configured secret: only the
/// embedded sandbox, which Kassa starts itself, gets a throwaway one.
#[tokio::test]
async fn a_counter_on_another_service_checks_the_configured_secret() {
    let standalone = Sandbox::new(SandboxConfig::default())
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings::from_vars(
        vars(vec![
            ("KASSA_API_URL", standalone.base_url().to_owned()),
            ("KASSA_WEBHOOK_BIND", "127.0.0.1:0".into()),
            ("KASSA_WEBHOOK_SECRET", SECRET.into()),
        ]),
        dir.path().join("k.db"),
    )
    .unwrap();
    let counter = kassa_boot::start(settings).await.unwrap();
    assert!(counter.sandbox().is_none());
    let listener = counter.webhooks().unwrap();
    let body = body_for("p1");
    for (secret, id, status) in [
        (SECRET, "evt-1", 200),
        (
            SandboxConfig::default().webhook_secret.as_str(),
            "evt-2",
            401,
        ),
    ] {
        let headers = WebhookHeaders::signed(
            &Secret::new(secret),
            now_unix(),
            id,
            PAYMENT_UPDATED,
            body.as_bytes(),
        );
        let got = reqwest::Client::new()
            .post(listener.url())
            .header(SIGNATURE_HEADER, &headers.signature)
            .header(TIMESTAMP_HEADER, &headers.timestamp)
            .header(EVENT_ID_HEADER, &headers.event_id)
            .header(EVENT_TYPE_HEADER, &headers.event_type)
            .body(body.clone())
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(got, status, "signed with {id}");
    }
}

#[test]
fn the_listener_needs_both_settings_and_a_real_address() {
    let only_bind = Settings::from_vars(
        vars(vec![("KASSA_WEBHOOK_BIND", "127.0.0.1:8787".into())]),
        "x.db".into(),
    )
    .unwrap_err();
    assert!(
        only_bind
            .to_string()
            .contains("signing secret is missing (KASSA_WEBHOOK_SECRET or the keyring)"),
        "{only_bind}"
    );
    let only_secret = Settings::from_vars(
        vars(vec![("KASSA_WEBHOOK_SECRET", "s3cr3t-hook".into())]),
        "x.db".into(),
    )
    .unwrap_err();
    assert!(
        only_secret
            .to_string()
            .contains("KASSA_WEBHOOK_BIND is missing"),
        "{only_secret}"
    );
    assert!(!only_secret.to_string().contains("s3cr3t"));
    let bad = Settings::from_vars(
        vars(vec![
            ("KASSA_WEBHOOK_BIND", "localhost".into()),
            ("KASSA_WEBHOOK_SECRET", "s3cr3t-hook".into()),
        ]),
        "x.db".into(),
    )
    .unwrap_err();
    assert!(bad.to_string().contains("KASSA_WEBHOOK_BIND"), "{bad}");
    let on = Settings::from_vars(
        vars(vec![
            ("KASSA_WEBHOOK_BIND", "127.0.0.1:8787".into()),
            ("KASSA_WEBHOOK_SECRET", "s3cr3t-hook".into()),
        ]),
        "x.db".into(),
    )
    .unwrap();
    let webhook = on.webhook.as_ref().unwrap();
    assert_eq!(webhook.bind, "127.0.0.1:8787".parse().unwrap());
    assert!(!format!("{on:?}").contains("s3cr3t"));
}
