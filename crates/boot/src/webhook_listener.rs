//! The optional webhook listener: a small HTTP server for Aiia's signed event notifications.
//! A verified event is a hint that makes the engine read its statuses at once; polling stays
//! the truth. A delivery with a bad, stale or missing signature is refused (`401`) and logged,
//! never acted on; a replayed one is acknowledged (`200`) and ignored.
//!
//! Off by default; `KASSA_WEBHOOK_BIND` and `KASSA_WEBHOOK_SECRET` turn it on.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use kassa_aiia::Secret;
use kassa_aiia::webhook::{self, ReplayGuard, WebhookError, WebhookEvent, WebhookHeaders};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How long [`WebhookListener::shutdown`] lets deliveries under way finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The path Aiia posts to.
pub const WEBHOOK_PATH: &str = "/webhooks/aiia";

pub use kassa_config::WebhookSettings;

/// What the listener has seen since it started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WebhookStats {
    /// Verified and acted on.
    pub accepted: u64,
    /// Verified, but seen before: ignored.
    pub replayed: u64,
    /// Refused: bad, stale or missing signature, or an unreadable body.
    pub rejected: u64,
}

/// What a verified, first-seen event makes happen.
pub type OnEvent = Arc<dyn Fn(&WebhookEvent) + Send + Sync>;

struct Shared {
    secret: Secret,
    tolerance: Duration,
    replays: Mutex<ReplayGuard>,
    on_event: OnEvent,
    accepted: AtomicU64,
    replayed: AtomicU64,
    rejected: AtomicU64,
}

/// A running listener. Dropping it stops the server (in the background);
/// [`WebhookListener::shutdown`] stops it and waits.
pub struct WebhookListener {
    addr: SocketAddr,
    url: String,
    shared: Arc<Shared>,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl std::fmt::Debug for WebhookListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookListener")
            .field("url", &self.url)
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

impl WebhookListener {
    /// Binds `settings.bind` and serves `POST /webhooks/aiia` on the current tokio runtime;
    /// each verified, first-seen event is passed to `on_event`.
    pub async fn bind(settings: &WebhookSettings, on_event: OnEvent) -> io::Result<Self> {
        let listener = TcpListener::bind(settings.bind).await?;
        let addr = listener.local_addr()?;
        // A wildcard bind is reached on loopback from this machine (the embedded sandbox).
        let reachable = match addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        let url = format!(
            "http://{}{WEBHOOK_PATH}",
            SocketAddr::new(reachable, addr.port())
        );
        let shared = Arc::new(Shared {
            secret: settings.secret.clone(),
            tolerance: settings.tolerance,
            replays: Mutex::new(ReplayGuard::for_tolerance(settings.tolerance)),
            on_event,
            accepted: AtomicU64::new(0),
            replayed: AtomicU64::new(0),
            rejected: AtomicU64::new(0),
        });
        let router = Router::new()
            .route(WEBHOOK_PATH, post(receive))
            .with_state(Arc::clone(&shared));
        let (stop, task) = crate::serve::spawn(listener, router, "the webhook listener");
        tracing::info!(url = %url, "listening for Aiia webhooks");
        Ok(WebhookListener {
            addr,
            url,
            shared,
            stop,
            task,
        })
    }

    /// The address actually bound.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR/webhooks/aiia`: where Aiia (or the sandbox) should post (a wildcard
    /// address shown as loopback).
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn stats(&self) -> WebhookStats {
        WebhookStats {
            accepted: self.shared.accepted.load(Ordering::SeqCst),
            replayed: self.shared.replayed.load(Ordering::SeqCst),
            rejected: self.shared.rejected.load(Ordering::SeqCst),
        }
    }

    /// Stops listening and waits for the server to end (deliveries under way get a few
    /// seconds to finish): when this returns, the port is free.
    pub async fn shutdown(self) {
        let WebhookListener { stop, mut task, .. } = self;
        let _ = stop.send(());
        match tokio::time::timeout(SHUTDOWN_GRACE, &mut task).await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "webhook listener ended badly"),
            Err(_) => {
                tracing::warn!(
                    "webhook deliveries still open after the grace period; closing them"
                );
                task.abort();
                // The aborted task drops the socket when it ends.
                let _ = task.await;
            }
        }
    }
}

fn now_unix() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// `POST /webhooks/aiia`.
async fn receive(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let now = now_unix();
    let verified = WebhookHeaders::from_map(&headers)
        .and_then(|h| webhook::verify(&shared.secret, &h, &body, now, shared.tolerance));
    let event = match verified {
        Ok(event) => event,
        Err(e) => {
            shared.rejected.fetch_add(1, Ordering::SeqCst);
            let event_id = headers
                .get(webhook::EVENT_ID_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("?");
            tracing::warn!(event_id, error = %e, "webhook refused; not acted on");
            return match e {
                WebhookError::Body(_) => StatusCode::BAD_REQUEST,
                _ => StatusCode::UNAUTHORIZED,
            };
        }
    };
    let first = shared
        .replays
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .first_time(event.id.as_deref().unwrap_or_default(), now);
    if !first {
        shared.replayed.fetch_add(1, Ordering::SeqCst);
        tracing::info!(
            event_id = event.id.as_deref().unwrap_or("?"),
            "webhook seen before; ignored"
        );
        return StatusCode::OK;
    }
    shared.accepted.fetch_add(1, Ordering::SeqCst);
    tracing::info!(
        event_id = event.id.as_deref().unwrap_or("?"),
        event_type = %event.event_type,
        payment_id = event.payment_id.as_deref().unwrap_or("?"),
        "webhook verified; reading statuses now"
    );
    (shared.on_event)(&event);
    StatusCode::OK
}
