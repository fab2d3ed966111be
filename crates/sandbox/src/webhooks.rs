//! Signed event notifications, as Aiia sends them (`docs/aiia-wire.md`, "Webhooks").
//!
//! Statuses are computed from timestamps whenever they are read, so nothing "happens" when a
//! link expires or a payment settles. A worker task therefore looks at every payment that is
//! not final yet, every [`TICK`] and at once after an action (approve, reject, ...). A new
//! payment is announced as a `PaymentCreated` event and each status it has not announced
//! before as a `PaymentUpdated` event, to the configured URL. The body is the envelope Aiia
//! sends (`{"acceptPaymentUpdatedWebhook": {"data": {"paymentId": …}, "event":
//! "PaymentUpdated"}}`, no status inside). Each event is signed (HMAC-SHA256 with the webhook
//! secret: `X-Aiia-*` by default, the older `X-Viia-Signature` on request, [`WebhookSigning`])
//! and delivered with retries on failure (a non-2xx reply or no reply): exponential backoff,
//! a bounded number of attempts, in order per payment.
//!
//! This signing code is the sandbox's own; the client (`kassa-aiia`) has its own verifier,
//! and both are checked against `docs/fixtures/webhook-delivery.json`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use tokio::sync::{Notify, mpsc};

use crate::error::ApiError;
use crate::payment::PaymentStatus;
use crate::{Inner, Sandbox, lock};

/// The signature: lower-case hex HMAC-SHA256 of `"{timestamp}|{eventId}|{eventType}|{body}"`.
pub const SIGNATURE_HEADER: &str = "X-Aiia-Signature";
/// Unix seconds at which this delivery attempt was signed.
pub const TIMESTAMP_HEADER: &str = "X-Aiia-TimeStamp";
/// The event's id, the same for every attempt to deliver it.
pub const EVENT_ID_HEADER: &str = "X-Aiia-EventId";
/// The event's type.
pub const EVENT_TYPE_HEADER: &str = "X-Aiia-Event";
/// The older scheme: lower-case hex HMAC-SHA256 of the raw body alone.
pub const VIIA_SIGNATURE_HEADER: &str = "X-Viia-Signature";
/// A payment's status changed.
pub const PAYMENT_UPDATED: &str = "PaymentUpdated";
/// A payment was created.
pub const PAYMENT_CREATED: &str = "PaymentCreated";

/// How the sandbox signs its deliveries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WebhookSigning {
    /// `X-Aiia-Signature` over `timestamp|eventId|eventType|body`, with `X-Aiia-TimeStamp`,
    /// `X-Aiia-EventId` and `X-Aiia-Event`.
    #[default]
    Aiia,
    /// Only `X-Viia-Signature`: HMAC-SHA256 of the raw body.
    Viia,
}

/// How often payments are looked at for changes that come with time (expiry, settlement).
pub const TICK: Duration = Duration::from_millis(100);

/// How a failed delivery is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first one included.
    pub max_attempts: u32,
    /// Wait before the second attempt; it doubles after each failure...
    pub first_backoff: Duration,
    /// ...up to this.
    pub max_backoff: Duration,
    /// How long one attempt may take.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    /// 8 attempts over about 13 s: 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4 s apart.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 8,
            first_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(10),
            timeout: Duration::from_secs(5),
        }
    }
}

impl RetryPolicy {
    /// The wait after failed attempt number `attempt` (1-based).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
        self.first_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }
}

/// Where events go, and the secret they are signed with.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Target {
    url: String,
    secret: String,
    signing: WebhookSigning,
}

/// The body of an event: an envelope named after the event, as Aiia sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventBody {
    #[serde(rename = "acceptPaymentCreatedWebhook")]
    Created(EventInner),
    #[serde(rename = "acceptPaymentUpdatedWebhook")]
    Updated(EventInner),
}

impl EventBody {
    pub fn inner(&self) -> &EventInner {
        match self {
            EventBody::Created(inner) | EventBody::Updated(inner) => inner,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventInner {
    pub data: EventData,
    /// `PaymentCreated` or `PaymentUpdated`.
    pub event: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventData {
    pub payment_id: String,
}

/// One event waiting to be delivered.
#[derive(Debug, Clone)]
struct Event {
    id: String,
    created: bool,
    payment_id: String,
    /// The status when it was noticed: not sent (the body has none), kept for the log.
    status: PaymentStatus,
}

impl Event {
    fn event_type(&self) -> &'static str {
        if self.created {
            PAYMENT_CREATED
        } else {
            PAYMENT_UPDATED
        }
    }

    fn body(&self) -> EventBody {
        let inner = EventInner {
            data: EventData {
                payment_id: self.payment_id.clone(),
            },
            event: self.event_type().to_owned(),
        };
        if self.created {
            EventBody::Created(inner)
        } else {
            EventBody::Updated(inner)
        }
    }
}

/// What became of one event, for tests and the admin endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookDelivery {
    pub event_id: String,
    /// `PaymentCreated` or `PaymentUpdated`.
    pub event: String,
    pub payment_id: String,
    /// The status the event was about (it is not in the body).
    pub status: PaymentStatus,
    /// Attempts made.
    pub attempts: u32,
    /// A 2xx reply came back.
    pub delivered: bool,
    /// HTTP status of the last reply, if one came.
    pub last_http_status: Option<u16>,
}

/// The deliveries kept for inspection (the most recent ones).
const DELIVERY_LOG: usize = 1000;

/// The webhook state of one sandbox.
pub(crate) struct Hub {
    target: Mutex<Option<Target>>,
    policy: Mutex<RetryPolicy>,
    /// The last status announced (or, with no target set, seen) per payment.
    announced: Mutex<HashMap<String, PaymentStatus>>,
    /// Per payment, the queue of its events still to deliver.
    queues: Mutex<HashMap<String, mpsc::UnboundedSender<Event>>>,
    deliveries: Mutex<Vec<WebhookDelivery>>,
    wake: Notify,
    started: AtomicBool,
    http: Option<reqwest::Client>,
}

impl Hub {
    pub(crate) fn new(url: Option<String>, secret: String, signing: WebhookSigning) -> Self {
        let http = reqwest::Client::builder()
            .user_agent("aiia-sandbox-webhooks")
            .build()
            .map_err(|e| tracing::warn!(error = %e, "cannot start the webhook HTTP client"))
            .ok();
        Hub {
            target: Mutex::new(url.map(|url| Target {
                url,
                secret,
                signing,
            })),
            policy: Mutex::new(RetryPolicy::default()),
            announced: Mutex::new(HashMap::new()),
            queues: Mutex::new(HashMap::new()),
            deliveries: Mutex::new(Vec::new()),
            wake: Notify::new(),
            started: AtomicBool::new(false),
            http,
        }
    }
}

/// `hex(HMAC-SHA256(secret, "{timestamp}|{eventId}|{eventType}|{body}"))`, lower case.
pub fn sign(
    secret: &str,
    timestamp: &str,
    event_id: &str,
    event_type: &str,
    body: &[u8],
) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        // HMAC takes keys of any length; this branch cannot be reached.
        return String::new();
    };
    for part in [
        timestamp.as_bytes(),
        b"|",
        event_id.as_bytes(),
        b"|",
        event_type.as_bytes(),
        b"|",
        body,
    ] {
        mac.update(part);
    }
    hex::encode(mac.finalize().into_bytes())
}

/// `hex(HMAC-SHA256(secret, body))`, lower case: the older `X-Viia-Signature`.
pub fn sign_viia(secret: &str, body: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        // HMAC takes keys of any length; this branch cannot be reached.
        return String::new();
    };
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

impl Sandbox {
    /// Sends events to `url` (signed with `secret`, or the configured webhook secret when
    /// `None`), or stops sending them (`url` = `None`). Changes from now on are announced;
    /// earlier ones are not sent afterwards.
    pub fn set_webhook(&self, url: Option<String>, secret: Option<String>) {
        let hub = &self.inner.webhooks;
        {
            let mut target = lock(&hub.target);
            let secret = secret
                .or_else(|| target.as_ref().map(|t| t.secret.clone()))
                .unwrap_or_else(|| self.inner.config.webhook_secret.clone());
            let signing = target
                .as_ref()
                .map_or(self.inner.config.webhook_signing, |t| t.signing);
            *target = url.map(|url| Target {
                url,
                secret,
                signing,
            });
            match target.as_ref() {
                Some(t) => tracing::info!(url = %t.url, "webhooks on"),
                None => tracing::info!("webhooks off"),
            }
        }
        self.start_webhooks();
    }

    /// Signs deliveries from now on with `signing` (kept when the URL changes).
    pub fn set_webhook_signing(&self, signing: WebhookSigning) {
        if let Some(t) = lock(&self.inner.webhooks.target).as_mut() {
            t.signing = signing;
        }
    }

    /// How deliveries are signed, when they are sent.
    pub fn webhook_signing(&self) -> Option<WebhookSigning> {
        lock(&self.inner.webhooks.target)
            .as_ref()
            .map(|t| t.signing)
    }

    /// Where events go, if anywhere.
    pub fn webhook_url(&self) -> Option<String> {
        lock(&self.inner.webhooks.target)
            .as_ref()
            .map(|t| t.url.clone())
    }

    /// Changes how failed deliveries are retried (tests use short waits).
    pub fn set_webhook_retry(&self, policy: RetryPolicy) {
        *lock(&self.inner.webhooks.policy) = policy;
    }

    /// Every finished event (delivered or given up), oldest first; the last 1000.
    pub fn webhook_deliveries(&self) -> Vec<WebhookDelivery> {
        lock(&self.inner.webhooks.deliveries).clone()
    }

    /// Starts the worker that notices changes and delivers events, once, on the current
    /// tokio runtime (nothing happens outside one; [`Sandbox::bind`] calls this).
    pub fn start_webhooks(&self) {
        let hub = &self.inner.webhooks;
        if tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        if hub.started.swap(true, Ordering::SeqCst) {
            return;
        }
        tokio::spawn(watch(Arc::downgrade(&self.inner)));
    }

    /// Something was done to a payment: look for changes now rather than at the next tick.
    pub(crate) fn webhook_hint(&self) {
        self.inner.webhooks.wake.notify_one();
    }
}

/// Looks for status changes every tick (and on a hint) until the sandbox is gone.
async fn watch(inner: Weak<Inner>) {
    loop {
        let Some(strong) = inner.upgrade() else {
            return;
        };
        let sandbox = Sandbox { inner: strong };
        let now = sandbox.now_ms();
        // Wake at the next change that comes with time (e.g. settlement), so its event
        // leaves at once rather than up to a tick late; at least every tick regardless.
        let wait = match scan(&sandbox) {
            Some(next) => Duration::from_millis(u64::try_from(next - now).unwrap_or(0)).min(TICK),
            None => TICK,
        };
        let hub_wait = async {
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = sandbox.inner.webhooks.wake.notified() => {}
            }
        };
        hub_wait.await;
    }
}

/// Announces every status not announced yet, in the order payments were created. Returns
/// the next instant a payment not final yet may change by itself.
fn scan(sandbox: &Sandbox) -> Option<i64> {
    let hub = &sandbox.inner.webhooks;
    let now = sandbox.now_ms();
    let mut next: Option<i64> = None;
    // (payment id, a creation?, status)
    let changes: Vec<(String, bool, PaymentStatus)> = {
        let payments = lock(&sandbox.inner.payments);
        let mut announced = lock(&hub.announced);
        let mut changes = Vec::new();
        for id in &payments.order {
            let Some(record) = payments.by_id.get(id) else {
                continue;
            };
            let last = announced.get(id).copied();
            if last.is_some_and(PaymentStatus::is_final) {
                continue;
            }
            let status = record.status_at(now);
            if !status.is_final() {
                if let Some(at) = record.next_change_after(now) {
                    next = Some(next.map_or(at, |n| n.min(at)));
                }
            }
            match last {
                // A new payment: created, and updated if it moved on already.
                None => {
                    announced.insert(id.clone(), status);
                    changes.push((id.clone(), true, status));
                    if status != PaymentStatus::Initiated {
                        changes.push((id.clone(), false, status));
                    }
                }
                Some(prev) if prev != status => {
                    announced.insert(id.clone(), status);
                    changes.push((id.clone(), false, status));
                }
                Some(_) => {}
            }
        }
        changes
    };
    let Some(target) = lock(&hub.target).clone() else {
        return next;
    };
    for (payment_id, created, status) in changes {
        let event = Event {
            id: uuid::Uuid::new_v4().to_string(),
            created,
            payment_id,
            status,
        };
        enqueue(sandbox, &target, event);
    }
    next
}

/// Puts an event on its payment's queue, starting the payment's delivery task if needed.
fn enqueue(sandbox: &Sandbox, target: &Target, event: Event) {
    let hub = &sandbox.inner.webhooks;
    let mut queues = lock(&hub.queues);
    let payment_id = event.payment_id.clone();
    let event = match queues.get(&payment_id) {
        Some(queue) => match queue.send(event) {
            Ok(()) => return,
            // The task has ended; start a new one below.
            Err(mpsc::error::SendError(event)) => event,
        },
        None => event,
    };
    let (tx, rx) = mpsc::unbounded_channel();
    // The receiver is alive, so this send cannot fail.
    let _ = tx.send(event);
    queues.insert(payment_id.clone(), tx);
    tokio::spawn(deliver_queue(
        Arc::downgrade(&sandbox.inner),
        payment_id,
        target.clone(),
        rx,
    ));
}

/// Delivers one payment's events one after the other, each with its retries.
async fn deliver_queue(
    inner: Weak<Inner>,
    payment_id: String,
    first_target: Target,
    mut rx: mpsc::UnboundedReceiver<Event>,
) {
    let mut target = first_target;
    while let Some(event) = rx.recv().await {
        let Some(strong) = inner.upgrade() else {
            return;
        };
        let sandbox = Sandbox { inner: strong };
        // The URL or secret may have changed while this event waited.
        if let Some(current) = lock(&sandbox.inner.webhooks.target).clone() {
            target = current;
        }
        let record = deliver(&sandbox, &target, &event).await;
        let mut log = lock(&sandbox.inner.webhooks.deliveries);
        if log.len() >= DELIVERY_LOG {
            log.remove(0);
        }
        log.push(record);
        drop(log);
        if !event.created && event.status.is_final() {
            break;
        }
    }
    drop(rx);
    if let Some(strong) = inner.upgrade() {
        let mut queues = lock(&strong.webhooks.queues);
        if queues.get(&payment_id).is_some_and(|q| q.is_closed()) {
            queues.remove(&payment_id);
        }
    }
}

/// Sends one event until a 2xx reply or the last attempt, signing each attempt afresh.
async fn deliver(sandbox: &Sandbox, target: &Target, event: &Event) -> WebhookDelivery {
    let policy = *lock(&sandbox.inner.webhooks.policy);
    let mut record = WebhookDelivery {
        event_id: event.id.clone(),
        event: event.event_type().to_owned(),
        payment_id: event.payment_id.clone(),
        status: event.status,
        attempts: 0,
        delivered: false,
        last_http_status: None,
    };
    let Some(http) = sandbox.inner.webhooks.http.clone() else {
        return record;
    };
    let body = match serde_json::to_vec(&event.body()) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "cannot write a webhook body");
            return record;
        }
    };
    for attempt in 1..=policy.max_attempts.max(1) {
        record.attempts = attempt;
        let request = http
            .post(&target.url)
            .timeout(policy.timeout)
            .header(reqwest::header::CONTENT_TYPE, "application/json");
        let request = match target.signing {
            WebhookSigning::Aiia => {
                let timestamp = sandbox.now_ms().div_euclid(1000).to_string();
                let signature = sign(
                    &target.secret,
                    &timestamp,
                    &event.id,
                    event.event_type(),
                    &body,
                );
                request
                    .header(SIGNATURE_HEADER, signature)
                    .header(TIMESTAMP_HEADER, timestamp)
                    .header(EVENT_ID_HEADER, &event.id)
                    .header(EVENT_TYPE_HEADER, event.event_type())
            }
            WebhookSigning::Viia => {
                request.header(VIIA_SIGNATURE_HEADER, sign_viia(&target.secret, &body))
            }
        };
        let sent = request.body(body.clone()).send().await;
        match sent {
            Ok(reply) if reply.status().is_success() => {
                record.last_http_status = Some(reply.status().as_u16());
                record.delivered = true;
                tracing::info!(
                    event_id = %event.id,
                    payment_id = %event.payment_id,
                    event = event.event_type(),
                    attempt,
                    "webhook delivered"
                );
                return record;
            }
            Ok(reply) => {
                record.last_http_status = Some(reply.status().as_u16());
                tracing::warn!(
                    event_id = %event.id,
                    url = %target.url,
                    http_status = reply.status().as_u16(),
                    attempt,
                    "webhook refused by the receiver"
                );
            }
            Err(e) => {
                tracing::warn!(
                    event_id = %event.id,
                    url = %target.url,
                    error = %e,
                    attempt,
                    "webhook not delivered"
                );
            }
        }
        if attempt < policy.max_attempts {
            tokio::time::sleep(policy.backoff(attempt)).await;
        }
    }
    tracing::warn!(
        event_id = %event.id,
        payment_id = %event.payment_id,
        attempts = record.attempts,
        "webhook given up"
    );
    record
}

/// `PUT /sandbox/admin/webhook`: `{"url": "http://...", "secret": "...", "signing":
/// "aiia"|"viia"}` turns events on (secret and signing are optional: the current ones are
/// kept); `{"url": null}` turns them off.
/// `GET` shows the URL (never the secret) and the recent deliveries.
pub(crate) fn admin_routes() -> axum::Router<Sandbox> {
    axum::Router::new().route("/sandbox/admin/webhook", get(show).put(change))
}

#[derive(Debug, Deserialize)]
struct WebhookChange {
    url: Option<String>,
    secret: Option<String>,
    signing: Option<WebhookSigning>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WebhookState {
    url: Option<String>,
    enabled: bool,
    signing: Option<WebhookSigning>,
    deliveries: Vec<WebhookDelivery>,
}

fn state(sandbox: &Sandbox) -> Json<WebhookState> {
    let url = sandbox.webhook_url();
    Json(WebhookState {
        enabled: url.is_some(),
        signing: sandbox.webhook_signing(),
        url,
        deliveries: sandbox.webhook_deliveries(),
    })
}

async fn show(State(sandbox): State<Sandbox>) -> Json<WebhookState> {
    state(&sandbox)
}

async fn change(
    State(sandbox): State<Sandbox>,
    body: Result<Json<WebhookChange>, axum::extract::rejection::JsonRejection>,
) -> Response {
    let Json(change) = match body {
        Ok(b) => b,
        Err(rejection) => {
            return ApiError::new(rejection.status(), "InvalidBody", rejection.body_text())
                .into_response();
        }
    };
    let url = change
        .url
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty());
    if let Some(u) = &url {
        if !(u.starts_with("http://") || u.starts_with("https://")) {
            return ApiError::bad_request(
                "InvalidWebhookUrl",
                format!("the webhook URL \"{u}\" must start with http:// or https://"),
            )
            .into_response();
        }
    }
    if change.secret.as_deref().is_some_and(str::is_empty) {
        return ApiError::bad_request("InvalidWebhookSecret", "the webhook secret is empty")
            .into_response();
    }
    sandbox.set_webhook(url, change.secret);
    if let Some(signing) = change.signing {
        sandbox.set_webhook_signing(signing);
    }
    state(&sandbox).into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy {
            max_attempts: 10,
            first_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(500),
            timeout: Duration::from_secs(1),
        };
        let waits: Vec<u128> = (1..=5).map(|a| p.backoff(a).as_millis()).collect();
        assert_eq!(waits, [100, 200, 400, 500, 500]);
        assert_eq!(p.backoff(60).as_millis(), 500);
    }

    #[test]
    fn signing_covers_every_part() {
        let base = sign("s", "1", "e", "t", b"{}");
        assert_eq!(base.len(), 64);
        assert!(
            base.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        for other in [
            sign("s2", "1", "e", "t", b"{}"),
            sign("s", "2", "e", "t", b"{}"),
            sign("s", "1", "e2", "t", b"{}"),
            sign("s", "1", "e", "t2", b"{}"),
            sign("s", "1", "e", "t", b"{ }"),
        ] {
            assert_ne!(other, base);
        }
    }
}
