//! Signed event notifications: a local receiver on 127.0.0.1:0 gets a payment's creation and
//! every status change, in Aiia's envelope, signed (`X-Aiia-*` or, on request, the older
//! `X-Viia-Signature`), in order per payment, and again after failed attempts. The sandbox's signing is
//! checked against the shared fixture (docs/fixtures/webhook-delivery.json), which the
//! client's verifier checks too.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use kassa_sandbox::webhooks::{
    self, EVENT_ID_HEADER, EVENT_TYPE_HEADER, EventBody, SIGNATURE_HEADER, TIMESTAMP_HEADER,
    VIIA_SIGNATURE_HEADER,
};
use kassa_sandbox::{
    AcceptResponse, ManualClock, PaymentStatus, RetryPolicy, RunningSandbox, Sandbox,
    SandboxConfig, WebhookSigning,
};
use serde_json::Value;

const START_MS: i64 = 1_795_600_000_000;
const WEBHOOK_SECRET: &str = "receiver-shared-secret";
const BODY: &str = r#"{"destinationId":"sandbox-destination","amount":12.50,"currency":"DKK","schemeId":"DanishDomesticCreditTransfer","reference":"KASSA1","redirectUrl":"https://kassa.local/return"}"#;

/// One request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    headers: HeaderMap,
    body: Bytes,
    answered: StatusCode,
}

impl Received {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).unwrap().to_str().unwrap()
    }

    fn event(&self) -> EventBody {
        serde_json::from_slice(&self.body).unwrap()
    }

    fn is_update(&self) -> bool {
        matches!(self.event(), EventBody::Updated(_))
    }

    fn payment_id(&self) -> String {
        self.event().inner().data.payment_id.clone()
    }

    /// The signature is what the shared secret gives for this delivery.
    fn signed_with(&self, secret: &str) -> bool {
        webhooks::sign(
            secret,
            self.header(TIMESTAMP_HEADER),
            self.header(EVENT_ID_HEADER),
            self.header(EVENT_TYPE_HEADER),
            &self.body,
        ) == self.header(SIGNATURE_HEADER)
    }
}

#[derive(Clone)]
struct Receiver {
    got: Arc<Mutex<Vec<Received>>>,
    /// Answer 500 to this many requests first.
    fail_first: Arc<AtomicUsize>,
}

async fn handle(State(r): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let failing = r
        .fail_first
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    let answered = if failing {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::OK
    };
    r.got.lock().unwrap().push(Received {
        headers,
        body,
        answered,
    });
    answered
}

/// A receiver on a random loopback port; returns its URL.
async fn receiver(fail_first: usize) -> (String, Receiver) {
    let r = Receiver {
        got: Arc::default(),
        fail_first: Arc::new(AtomicUsize::new(fail_first)),
    };
    let app = Router::new()
        .route("/hook", post(handle))
        .with_state(r.clone());
    let listener = tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, r)
}

struct Rig {
    running: RunningSandbox,
    clock: Arc<ManualClock>,
    http: reqwest::Client,
}

async fn rig(webhook_url: Option<String>) -> Rig {
    rig_signing(webhook_url, WebhookSigning::default()).await
}

async fn rig_signing(webhook_url: Option<String>, webhook_signing: WebhookSigning) -> Rig {
    let clock = Arc::new(ManualClock::new(START_MS));
    let config = SandboxConfig {
        webhook_url,
        webhook_secret: WEBHOOK_SECRET.into(),
        webhook_signing,
        ..Default::default()
    };
    let sandbox = Sandbox::with_clock(config, clock.clone());
    sandbox.set_webhook_retry(RetryPolicy {
        max_attempts: 4,
        first_backoff: Duration::from_millis(50),
        max_backoff: Duration::from_millis(200),
        timeout: Duration::from_secs(2),
    });
    let running = sandbox
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap();
    Rig {
        running,
        clock,
        http: reqwest::Client::new(),
    }
}

impl Rig {
    fn sandbox(&self) -> &Sandbox {
        self.running.sandbox()
    }

    async fn create(&self) -> String {
        let reply = self
            .http
            .post(format!("{}/v2/payments/accept", self.running.base_url()))
            .basic_auth("sandbox-client", Some("sandbox-secret"))
            .header("content-type", "application/json")
            .body(BODY)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 200);
        reply.json::<AcceptResponse>().await.unwrap().payment_id
    }
}

/// Waits (up to 10 s) until `done` holds for what the receiver got.
async fn until(r: &Receiver, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
    tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            let got = r.got.lock().unwrap().clone();
            if done(&got) {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the receiver got what was expected within 10 s")
}

/// How many `PaymentUpdated` events were taken (answered 2xx).
fn updates(got: &[Received]) -> usize {
    got.iter()
        .filter(|g| g.answered.is_success() && g.is_update())
        .count()
}

/// The statuses the delivered `PaymentUpdated` events were about, from the sandbox's log (the
/// bodies carry none), once the log holds `n` of them: the sandbox writes a delivery down
/// after the receiver's answer reaches it, which can be just after the receiver counted it.
async fn updated_statuses(sandbox: &Sandbox, n: usize) -> Vec<PaymentStatus> {
    let read = || -> Vec<PaymentStatus> {
        sandbox
            .webhook_deliveries()
            .into_iter()
            .filter(|d| d.delivered && d.event == "PaymentUpdated")
            .map(|d| d.status)
            .collect()
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let got = read();
        if got.len() >= n || tokio::time::Instant::now() >= deadline {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn fixture() -> Value {
    let path = format!(
        "{}/../../docs/fixtures/webhook-delivery.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn the_sandbox_signs_the_documented_delivery_exactly() {
    let fx = fixture();
    let h = &fx["headers"];
    let body = fx["body"].as_str().unwrap();
    let signature = webhooks::sign(
        fx["secret"].as_str().unwrap(),
        h[TIMESTAMP_HEADER].as_str().unwrap(),
        h[EVENT_ID_HEADER].as_str().unwrap(),
        h[EVENT_TYPE_HEADER].as_str().unwrap(),
        body.as_bytes(),
    );
    assert_eq!(signature, h[SIGNATURE_HEADER].as_str().unwrap());
    assert_eq!(
        webhooks::sign_viia(fx["secret"].as_str().unwrap(), body.as_bytes()),
        fx["viiaHeaders"][VIIA_SIGNATURE_HEADER].as_str().unwrap()
    );
    // And the sandbox writes its bodies in exactly the documented shape: Aiia's envelope.
    let event: EventBody = serde_json::from_str(body).unwrap();
    assert!(matches!(&event, EventBody::Updated(inner) if inner.event == "PaymentUpdated"));
    assert_eq!(serde_json::to_string(&event).unwrap(), body);
}

#[tokio::test]
async fn every_change_reaches_the_receiver_signed_and_in_order() {
    let (url, r) = receiver(0).await;
    let rig = rig(Some(url)).await;
    let id = rig.create().await;
    rig.sandbox().approve(&id).unwrap();
    // Created, then Authorized at once; Executed when the settle delay has passed.
    until(&r, |g| updates(g) == 1).await;
    rig.clock.advance(Duration::from_millis(300));
    let got = until(&r, |g| updates(g) == 2).await;
    assert_eq!(
        updated_statuses(rig.sandbox(), 2).await,
        [PaymentStatus::Authorized, PaymentStatus::Executed]
    );
    assert_eq!(got.len(), 3);
    for (g, kind) in got
        .iter()
        .zip(["PaymentCreated", "PaymentUpdated", "PaymentUpdated"])
    {
        assert!(g.signed_with(WEBHOOK_SECRET), "{g:?}");
        assert!(!g.signed_with("another-secret"));
        assert_eq!(g.payment_id(), id);
        assert_eq!(g.event().inner().event, kind);
        assert_eq!(g.header(EVENT_TYPE_HEADER), kind);
        // Exactly Aiia's envelope: one key, data.paymentId and event, no status.
        let raw: Value = serde_json::from_slice(&g.body).unwrap();
        let key = if kind == "PaymentCreated" {
            "acceptPaymentCreatedWebhook"
        } else {
            "acceptPaymentUpdatedWebhook"
        };
        assert_eq!(
            raw,
            serde_json::json!({key: {"data": {"paymentId": id}, "event": kind}})
        );
        // Signed at the sandbox's time, in Unix seconds.
        let t: i64 = g.header(TIMESTAMP_HEADER).parse().unwrap();
        assert!((START_MS / 1000..=START_MS / 1000 + 1).contains(&t), "{t}");
        assert_eq!(g.headers["content-type"], "application/json");
        assert!(g.headers.get(VIIA_SIGNATURE_HEADER).is_none());
    }
    let ids: Vec<&str> = got.iter().map(|g| g.header(EVENT_ID_HEADER)).collect();
    assert!(ids[0] != ids[1] && ids[1] != ids[2], "{ids:?}");
    let log = rig.sandbox().webhook_deliveries();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|d| d.delivered && d.attempts == 1));
    assert_eq!(log[0].event_id, ids[0]);
}

#[tokio::test]
async fn changes_that_come_with_time_are_announced_by_the_ticker() {
    let (url, r) = receiver(0).await;
    let rig = rig(Some(url)).await;
    let id = rig.create().await;
    // A new payment is only announced as created.
    let got = until(&r, |g| !g.is_empty()).await;
    assert!(!got[0].is_update());
    rig.clock.advance(Duration::from_secs(60));
    let got = until(&r, |g| updates(g) == 1).await;
    assert_eq!(
        updated_statuses(rig.sandbox(), 1).await,
        [PaymentStatus::Expired]
    );
    assert_eq!(got[1].payment_id(), id);
}

#[tokio::test]
async fn a_failing_receiver_gets_the_event_after_retries_and_order_is_kept() {
    let (url, r) = receiver(2).await;
    let rig = rig(Some(url)).await;
    let id = rig.create().await;
    rig.sandbox().approve(&id).unwrap();
    // Settle only once Authorized is on its way, so both changes are seen.
    until(&r, |g| updates(g) == 1).await;
    rig.clock.advance(Duration::from_millis(300));
    let got = until(&r, |g| updates(g) == 2).await;
    // Two refusals of the creation, then the same event again, then the next ones.
    let ids: Vec<String> = got
        .iter()
        .map(|g| g.header(EVENT_ID_HEADER).to_owned())
        .collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert!(ids[0] == ids[1] && ids[1] == ids[2] && ids[2] != ids[3] && ids[3] != ids[4]);
    assert!(got.iter().all(|g| g.signed_with(WEBHOOK_SECRET)));
    let log = rig.sandbox().webhook_deliveries();
    assert_eq!(
        log.iter()
            .map(|d| (d.event.as_str(), d.attempts, d.delivered))
            .collect::<Vec<_>>(),
        [
            ("PaymentCreated", 3, true),
            ("PaymentUpdated", 1, true),
            ("PaymentUpdated", 1, true)
        ]
    );
    assert_eq!(
        updated_statuses(rig.sandbox(), 2).await,
        [PaymentStatus::Authorized, PaymentStatus::Executed]
    );
}

#[tokio::test]
async fn a_receiver_that_never_answers_well_is_given_up_after_bounded_attempts() {
    let (url, r) = receiver(usize::MAX).await;
    let rig = rig(Some(url)).await;
    let id = rig.create().await;
    rig.sandbox().reject(&id).unwrap();
    tokio::time::timeout(Duration::from_secs(10), async {
        while rig.sandbox().webhook_deliveries().len() < 2 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap();
    // The creation is given up, then the rejection is tried (in order) and given up too.
    let log = rig.sandbox().webhook_deliveries();
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].event.as_str(), log[0].attempts, log[0].delivered),
        ("PaymentCreated", 4, false)
    );
    assert_eq!(
        (log[1].status, log[1].attempts, log[1].delivered),
        (PaymentStatus::Rejected, 4, false)
    );
    assert_eq!(log[1].last_http_status, Some(500));
    assert_eq!(r.got.lock().unwrap().len(), 8);

    // An unreachable URL is retried the same way.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/hook", l.local_addr().unwrap())
    };
    rig.sandbox().set_webhook(Some(dead), None);
    let id = rig.create().await;
    rig.sandbox().reject(&id).unwrap();
    tokio::time::timeout(Duration::from_secs(10), async {
        while rig.sandbox().webhook_deliveries().len() < 4 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap();
    let last = rig.sandbox().webhook_deliveries().pop().unwrap();
    assert_eq!(
        (last.attempts, last.delivered, last.last_http_status),
        (4, false, None)
    );
}

#[tokio::test]
async fn the_webhook_is_set_and_cleared_at_run_time() {
    let (url, r) = receiver(0).await;
    let rig = rig(None).await;
    let admin = format!("{}/sandbox/admin/webhook", rig.running.base_url());

    // Off: a change is not sent, and not sent later either.
    let first = rig.create().await;
    rig.sandbox().reject(&first).unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let reply = rig
        .http
        .put(&admin)
        .json(&serde_json::json!({"url": url, "secret": "set-at-run-time"}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let state: Value = reply.json().await.unwrap();
    assert_eq!(state["enabled"], true);
    assert_eq!(state["url"], url.as_str());
    let shown = rig
        .http
        .get(&admin)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!shown.contains("set-at-run-time"), "{shown}");
    assert!(!shown.contains(WEBHOOK_SECRET), "{shown}");

    let second = rig.create().await;
    rig.sandbox().reject(&second).unwrap();
    let got = until(&r, |g| updates(g) == 1).await;
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|g| g.payment_id() == second));
    assert!(got.iter().all(|g| g.signed_with("set-at-run-time")));
    assert_eq!(state["signing"], "aiia");

    // The older scheme on request: only X-Viia-Signature, over the body alone.
    let reply = rig
        .http
        .put(&admin)
        .json(&serde_json::json!({"url": url, "signing": "viia"}))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.json::<Value>().await.unwrap()["signing"], "viia");
    let third = rig.create().await;
    let got = until(&r, |g| g.len() == 3).await;
    assert_eq!(got[2].payment_id(), third);
    assert_eq!(
        got[2].header(VIIA_SIGNATURE_HEADER),
        webhooks::sign_viia("set-at-run-time", &got[2].body)
    );
    assert!(got[2].headers.get(SIGNATURE_HEADER).is_none());

    let bad = rig
        .http
        .put(&admin)
        .json(&serde_json::json!({"url": "ftp://nope"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let off = rig
        .http
        .put(&admin)
        .json(&serde_json::json!({"url": null}))
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), 200);
    assert_eq!(off.json::<Value>().await.unwrap()["enabled"], false);
    assert_eq!(rig.sandbox().webhook_url(), None);
}

#[tokio::test]
async fn the_older_signature_is_sent_when_configured() {
    let (url, r) = receiver(0).await;
    let rig = rig_signing(Some(url), WebhookSigning::Viia).await;
    let id = rig.create().await;
    rig.sandbox().reject(&id).unwrap();
    let got = until(&r, |g| updates(g) == 1).await;
    assert_eq!(got.len(), 2);
    for g in &got {
        assert_eq!(g.payment_id(), id);
        assert_eq!(
            g.header(VIIA_SIGNATURE_HEADER),
            webhooks::sign_viia(WEBHOOK_SECRET, &g.body)
        );
        assert_ne!(
            g.header(VIIA_SIGNATURE_HEADER),
            webhooks::sign_viia("another-secret", &g.body)
        );
        for name in [
            SIGNATURE_HEADER,
            TIMESTAMP_HEADER,
            EVENT_ID_HEADER,
            EVENT_TYPE_HEADER,
        ] {
            assert!(g.headers.get(name).is_none(), "{name}");
        }
    }
    assert_eq!(
        updated_statuses(rig.sandbox(), 1).await,
        [PaymentStatus::Rejected]
    );
}
