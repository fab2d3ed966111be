//! Saving settings is a clean handover (issue 9, part 6): the old counter stops (webhook
//! port free, embedded sandbox stopped, journal lock released, its event stream ended)
//! before the new one starts on the same journal; if the new one cannot start, a counter on
//! the old settings runs again and the reason comes back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;
use std::time::Duration;

use kassa_aiia::Secret;
use kassa_aiia::webhook::{
    EVENT_ID_HEADER, EVENT_TYPE_HEADER, PAYMENT_UPDATED, SIGNATURE_HEADER, TIMESTAMP_HEADER,
    WebhookHeaders,
};
use kassa_boot::{BootError, Counter, Settings, handover, start};
use kassa_journal::JournalError;
use kassa_money::{Currency, Money};
use kassa_testkit::next_within;
use kassa_till::TillEvent;
use tokio::sync::broadcast::error::RecvError;

/// A loopback port nothing listens on (bound once, then let go).
/// A free port for the webhook listener, below Linux's ephemeral range (32768–60999).
///
/// A port the kernel hands out for `:0` comes from the ephemeral range, where the test's own
/// client connections also take their local ports: between releasing it and the counter
/// binding it, a connection could take it (CI saw "Address already in use"). Below the range
/// only a deliberate bind can, and the tests of this file take their ports one at a time.
fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let base = 20_000 + (std::process::id() % 500) as u16 * 20;
    loop {
        let port = base + NEXT.fetch_add(1, Ordering::Relaxed) % 2_000;
        if TcpListener::bind((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return port;
        }
    }
}

fn settings(db: &Path, port: u16, secret: &str, currency: &str) -> Settings {
    let pairs = [
        ("KASSA_WEBHOOK_BIND", format!("127.0.0.1:{port}")),
        ("KASSA_WEBHOOK_SECRET", secret.to_owned()),
        ("KASSA_CURRENCY", currency.to_owned()),
    ];
    let mut s = Settings::from_vars(
        |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.clone())
        },
        db.to_path_buf(),
    )
    .unwrap();
    s.owner = "the Kassa app".into();
    s
}

/// The secret a counter's listener checks: on the embedded sandbox, the sandbox's own
/// throwaway one (never the configured one).
fn checked_secret(counter: &Counter) -> String {
    counter
        .sandbox()
        .map(|s| s.sandbox().config().webhook_secret.clone())
        .expect("these counters run on the embedded sandbox")
}

/// Posts a delivery signed with `secret` to the counter's listener; its answer.
async fn deliver(counter: &Counter, secret: &str, event_id: &str) -> reqwest::StatusCode {
    let body =
        r#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"p"},"event":"PaymentUpdated"}}"#;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let headers = WebhookHeaders::signed(
        &Secret::new(secret),
        now,
        event_id,
        PAYMENT_UPDATED,
        body.as_bytes(),
    );
    reqwest::Client::new()
        .post(counter.webhooks().unwrap().url())
        .header("content-type", "application/json")
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

/// The counter takes payments: a charge shows a code, which the customer rejects in the
/// (embedded sandbox's) bank; the sale ends and nothing is left to follow.
async fn takes_payments(counter: &Counter) {
    let mut events = counter.till.subscribe();
    counter
        .till
        .charge(Money::new(100, counter.currency), None)
        .unwrap();
    let TillEvent::QrReady(code) = next_within(&mut events, Duration::from_secs(20), |e| {
        matches!(e, TillEvent::QrReady(_))
    })
    .await
    else {
        unreachable!()
    };
    counter
        .sandbox()
        .unwrap()
        .sandbox()
        .reject(&code.payment_id)
        .unwrap();
    tokio::time::timeout(Duration::from_secs(20), async {
        while counter.till.is_busy() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the sale ends");
}

/// The old counter's event stream ends (what the window's forwarder waits for).
async fn ended(events: &mut tokio::sync::broadcast::Receiver<TillEvent>) {
    tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match events.recv().await {
                Err(RecvError::Closed) => return,
                Ok(_) | Err(RecvError::Lagged(_)) => {}
            }
        }
    })
    .await
    .expect("the old counter's event stream ended");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handover_on_the_same_webhook_port_frees_it_and_the_new_counter_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let port = free_port();
    let old = start(settings(&db, port, "old-secret", "DKK"))
        .await
        .unwrap();
    assert_eq!(old.webhooks().unwrap().addr().port(), port);
    let old_secret = checked_secret(&old);
    assert_eq!(deliver(&old, &old_secret, "e1").await, 200);
    let mut old_events = old.till.subscribe();

    // What Save used to do: start the new counter beside the old one. Refused now, before
    // it could even reach the taken port: the journal has its owner.
    let beside = start(settings(&db, port, "new-secret", "EUR")).await;
    assert!(
        matches!(beside, Err(BootError::Journal(JournalError::InUse { .. }))),
        "{beside:?}"
    );

    let new = handover(old, settings(&db, port, "new-secret", "EUR"))
        .await
        .unwrap();
    ended(&mut old_events).await;
    assert_eq!(new.currency, Currency::Eur);
    assert_eq!(new.settings().owner, "the Kassa app");
    let listener = new.webhooks().unwrap();
    assert_eq!(listener.addr().port(), port);
    // The new listener answers on the port, with the new secret.
    assert_eq!(deliver(&new, &checked_secret(&new), "e2").await, 200);
    assert_ne!(old_secret, checked_secret(&new));
    assert_eq!(deliver(&new, &old_secret, "e3").await, 401);
    let stats = new.webhooks().unwrap().stats();
    assert_eq!((stats.accepted, stats.rejected), (1, 1));
    takes_payments(&new).await;

    // Stopping frees the journal and the port for whoever comes next.
    new.stop().await;
    let again = start(settings(&db, port, "old-secret", "DKK"))
        .await
        .unwrap();
    assert_eq!(again.webhooks().unwrap().addr().port(), port);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_handover_keeps_a_counter_on_the_old_settings_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let port = free_port();
    let old = start(settings(&db, port, "old-secret", "DKK"))
        .await
        .unwrap();
    let mut old_events = old.till.subscribe();
    // Someone else holds the port the new settings ask for.
    let foreign = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let taken = foreign.local_addr().unwrap().port();

    let failed = handover(old, settings(&db, taken, "new-secret", "EUR"))
        .await
        .unwrap_err();
    ended(&mut old_events).await;
    assert!(
        matches!(&failed.error, BootError::Webhook { addr, .. } if *addr == SocketAddr::from((Ipv4Addr::LOCALHOST, taken))),
        "{:?}",
        failed.error
    );
    let message = failed.to_string();
    assert!(
        message.starts_with(&format!(
            "The new settings could not start: cannot listen for webhooks on 127.0.0.1:{taken}: "
        )),
        "{message}"
    );
    assert!(
        message.ends_with(". Kassa keeps running on the previous settings."),
        "{message}"
    );

    // A counter on the old settings runs: old port, old secret, old currency, and it sells.
    let running = failed.previous.unwrap();
    assert_eq!(running.currency, Currency::Dkk);
    assert_eq!(running.webhooks().unwrap().addr().port(), port);
    assert_eq!(
        deliver(&running, &checked_secret(&running), "e1").await,
        200
    );
    takes_payments(&running).await;
    // And it owns the journal.
    let beside = start(settings(&db, free_port(), "x", "DKK")).await;
    assert!(
        matches!(beside, Err(BootError::Journal(JournalError::InUse { .. }))),
        "{beside:?}"
    );
    drop(foreign);
}
