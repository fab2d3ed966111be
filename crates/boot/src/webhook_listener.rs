//! The optional webhook listener: a small HTTP server for Aiia's signed event notifications.
//! A verified event about a payment is a hint that makes the engine read its statuses at
//! once; polling stays the truth. A delivery with a bad, stale or missing signature is refused
//! (`401`), never acted on; a replayed one, or one about something other than a payment, is
//! acknowledged (`200`) and ignored.
//!
//! It faces the network, so a flood or a slow client must not exhaust it ([`ListenerLimits`]):
//! a request head must arrive within a deadline (which also closes idle kept-alive
//! connections), a body within another, bodies are capped at 64 KiB (`413`), at most 64
//! connections are open at once (more are closed at once), and what it logs per delivery is
//! rate limited ([`LogLimiter`]).
//!
//! Off by default; `KASSA_WEBHOOK_BIND` and `KASSA_WEBHOOK_SECRET` turn it on.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::StatusCode;
use axum::routing::post;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use kassa_aiia::Secret;
use kassa_aiia::webhook::{self, Delivery, ReplayGuard, Scheme, WebhookError, WebhookEvent};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot, watch};
use tokio::task::{JoinHandle, JoinSet};

/// How long [`WebhookListener::shutdown`] lets deliveries under way finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The path Aiia posts to.
pub const WEBHOOK_PATH: &str = "/webhooks/aiia";

/// Longest piece of a request (e.g. an event id) copied into the log.
const LOGGED_CHARS: usize = 64;

pub use kassa_config::WebhookSettings;

/// What keeps a flood or a slow client from exhausting the listener. The defaults suit a
/// counter; tests pass small ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListenerLimits {
    /// A request head (request line and headers) must be complete this long after the
    /// connection starts waiting for it: after it is accepted and, on a kept-alive
    /// connection, after each reply. So this is also the idle (keep-alive) timeout, and a
    /// client sending its headers byte by byte (slowloris) is cut off.
    pub header_timeout: Duration,
    /// The whole body must arrive within this once the head is in; else `408` and the
    /// connection is closed.
    pub body_timeout: Duration,
    /// Connections open at once; one more is closed as soon as it is accepted.
    pub max_connections: usize,
    /// Largest body taken, in bytes; a larger one is answered `413`.
    pub max_body: usize,
    /// Lines logged about deliveries and connections per [`ListenerLimits::log_interval`];
    /// the rest are counted and the count logged with the next line let through.
    pub log_lines: u32,
    pub log_interval: Duration,
}

impl Default for ListenerLimits {
    /// Aiia acknowledges within a timeout it names in `X-Aiia-Timeout` and retries (docs:
    /// "Event Notifications"); a real delivery is one small POST, so 10 s per head and per
    /// body, 64 connections, 64 KiB and 20 lines a minute leave it ample room.
    fn default() -> Self {
        ListenerLimits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            max_connections: 64,
            max_body: 64 * 1024,
            log_lines: 20,
            log_interval: Duration::from_secs(60),
        }
    }
}

/// What the listener has seen since it started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WebhookStats {
    /// Verified, first seen, about a payment: the engine was poked.
    pub accepted: u64,
    /// Verified, but seen before (same `X-Aiia-EventId`): ignored.
    pub replayed: u64,
    /// Verified, about something other than a payment (or naming none): acknowledged, ignored.
    pub ignored: u64,
    /// Refused: bad, stale or missing signature, malformed headers, an unreadable, too large
    /// or too slow body.
    pub rejected: u64,
    /// Connections closed at once because [`ListenerLimits::max_connections`] were open.
    pub turned_away: u64,
    /// Lines logged about deliveries and connections, and lines held back by the limiter.
    pub log_lines: u64,
    pub log_suppressed: u64,
}

/// What a verified, first-seen event about a payment makes happen.
pub type OnEvent = Arc<dyn Fn(&WebhookEvent) + Send + Sync>;

/// Whether a line may be logged now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogVerdict {
    /// Log it, saying how many lines were held back since the last one logged.
    Log { suppressed_before: u64 },
    /// Hold it back (it is counted).
    Suppress,
}

/// At most `lines` log lines per `interval`; time is passed in (milliseconds on any
/// monotonic clock) so it is tested without one.
#[derive(Debug, Clone)]
pub struct LogLimiter {
    lines: u32,
    interval_ms: u64,
    window_start_ms: Option<u64>,
    in_window: u32,
    /// Held back since the last line logged.
    pending: u64,
    logged: u64,
    suppressed: u64,
}

impl LogLimiter {
    pub fn new(lines: u32, interval: Duration) -> Self {
        LogLimiter {
            lines,
            interval_ms: u64::try_from(interval.as_millis())
                .unwrap_or(u64::MAX)
                .max(1),
            window_start_ms: None,
            in_window: 0,
            pending: 0,
            logged: 0,
            suppressed: 0,
        }
    }

    /// May a line be logged at `now_ms`?
    pub fn check(&mut self, now_ms: u64) -> LogVerdict {
        let new_window = self
            .window_start_ms
            .is_none_or(|start| now_ms.saturating_sub(start) >= self.interval_ms);
        if new_window {
            self.window_start_ms = Some(now_ms);
            self.in_window = 0;
        }
        if self.in_window < self.lines {
            self.in_window += 1;
            self.logged += 1;
            LogVerdict::Log {
                suppressed_before: std::mem::take(&mut self.pending),
            }
        } else {
            self.pending += 1;
            self.suppressed += 1;
            LogVerdict::Suppress
        }
    }

    /// Lines let through so far.
    pub fn logged(&self) -> u64 {
        self.logged
    }

    /// Lines held back so far.
    pub fn suppressed(&self) -> u64 {
        self.suppressed
    }
}

struct Shared {
    secret: Secret,
    tolerance: Duration,
    limits: ListenerLimits,
    replays: Mutex<ReplayGuard>,
    log: Mutex<LogLimiter>,
    started: tokio::time::Instant,
    on_event: OnEvent,
    accepted: AtomicU64,
    replayed: AtomicU64,
    ignored: AtomicU64,
    rejected: AtomicU64,
    turned_away: AtomicU64,
    permits: Arc<Semaphore>,
}

impl Shared {
    /// Runs `line` if the limiter lets a line through now, with the count held back before.
    fn log(&self, line: impl FnOnce(u64)) {
        let now_ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let verdict = self
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .check(now_ms);
        if let LogVerdict::Log { suppressed_before } = verdict {
            line(suppressed_before);
        }
    }

    /// Counts and (rate limited) logs a refused delivery; its answer.
    fn refuse(&self, status: StatusCode, event_id: &str, why: &str) -> StatusCode {
        self.rejected.fetch_add(1, Ordering::SeqCst);
        self.log(|suppressed| {
            tracing::warn!(
                event_id,
                http_status = status.as_u16(),
                suppressed,
                "webhook refused; not acted on: {why}"
            );
        });
        status
    }
}

/// At most [`LOGGED_CHARS`] characters of `text`, for the log.
fn clip(text: &str) -> &str {
    text.char_indices()
        .nth(LOGGED_CHARS)
        .map_or(text, |(at, _)| &text[..at])
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
    /// Binds `settings.bind` and serves `POST /webhooks/aiia` on the current tokio runtime
    /// with the default [`ListenerLimits`]; each verified, first-seen event about a payment
    /// is passed to `on_event`.
    pub async fn bind(settings: &WebhookSettings, on_event: OnEvent) -> io::Result<Self> {
        Self::bind_with(settings, ListenerLimits::default(), on_event).await
    }

    /// [`WebhookListener::bind`] with other limits.
    pub async fn bind_with(
        settings: &WebhookSettings,
        limits: ListenerLimits,
        on_event: OnEvent,
    ) -> io::Result<Self> {
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
            limits,
            replays: Mutex::new(ReplayGuard::for_tolerance(settings.tolerance)),
            log: Mutex::new(LogLimiter::new(limits.log_lines, limits.log_interval)),
            started: tokio::time::Instant::now(),
            on_event,
            accepted: AtomicU64::new(0),
            replayed: AtomicU64::new(0),
            ignored: AtomicU64::new(0),
            rejected: AtomicU64::new(0),
            turned_away: AtomicU64::new(0),
            permits: Arc::new(Semaphore::new(limits.max_connections.max(1))),
        });
        let router = Router::new()
            .route(WEBHOOK_PATH, post(receive))
            .layer(DefaultBodyLimit::max(limits.max_body))
            .with_state(Arc::clone(&shared));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(listener, router, Arc::clone(&shared), stopped));
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

    /// Connections open now.
    pub fn open_connections(&self) -> usize {
        self.shared
            .limits
            .max_connections
            .max(1)
            .saturating_sub(self.shared.permits.available_permits())
    }

    pub fn stats(&self) -> WebhookStats {
        let log = self
            .shared
            .log
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        WebhookStats {
            accepted: self.shared.accepted.load(Ordering::SeqCst),
            replayed: self.shared.replayed.load(Ordering::SeqCst),
            ignored: self.shared.ignored.load(Ordering::SeqCst),
            rejected: self.shared.rejected.load(Ordering::SeqCst),
            turned_away: self.shared.turned_away.load(Ordering::SeqCst),
            log_lines: log.logged(),
            log_suppressed: log.suppressed(),
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
                // Aborting the server drops its connections with it.
                task.abort();
                let _ = task.await;
            }
        }
    }
}

/// Accepts connections until told to stop, at most `max_connections` at once, each served
/// by hyper's HTTP/1 server with the header timeout. Then lets open ones finish.
async fn serve(
    listener: TcpListener,
    router: Router,
    shared: Arc<Shared>,
    mut stop: oneshot::Receiver<()>,
) {
    let (closing, closed) = watch::channel(false);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            // A send or a dropped sender both mean stop.
            _ = &mut stop => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // E.g. out of file descriptors: wait a little rather than spin.
                        shared.log(|suppressed| {
                            tracing::warn!(error = %e, suppressed, "webhook listener cannot accept");
                        });
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                match Arc::clone(&shared.permits).try_acquire_owned() {
                    Ok(permit) => {
                        connections.spawn(connection(
                            stream,
                            router.clone(),
                            Arc::clone(&shared),
                            permit,
                            closed.clone(),
                        ));
                    }
                    Err(_) => {
                        shared.turned_away.fetch_add(1, Ordering::SeqCst);
                        shared.log(|suppressed| {
                            tracing::warn!(
                                max = shared.limits.max_connections,
                                suppressed,
                                "webhook listener full; a connection was closed"
                            );
                        });
                        drop(stream);
                    }
                }
            }
        }
    }
    drop(listener);
    let _ = closing.send(true);
    while connections.join_next().await.is_some() {}
}

/// Serves one connection until it ends, times out, or the listener stops.
async fn connection(
    stream: TcpStream,
    router: Router,
    shared: Arc<Shared>,
    _permit: OwnedSemaphorePermit,
    mut closing: watch::Receiver<bool>,
) {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(shared.limits.header_timeout);
    let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(router));
    tokio::pin!(conn);
    // Resolves (with nothing borrowed) once the listener is stopping.
    let stopping = async move {
        let _ = closing.wait_for(|closing| *closing).await;
    };
    let ended = tokio::select! {
        ended = conn.as_mut() => ended,
        () = stopping => {
            conn.as_mut().graceful_shutdown();
            conn.await
        }
    };
    if let Err(e) = ended {
        shared.log(|suppressed| {
            tracing::info!(error = %e, suppressed, "webhook connection closed");
        });
    }
}

fn now_unix() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// `POST /webhooks/aiia`.
async fn receive(State(shared): State<Arc<Shared>>, request: Request) -> StatusCode {
    let headers = request.headers().clone();
    let event_id = headers
        .get(webhook::EVENT_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .map_or("?", clip)
        .to_owned();
    // The body, within the deadline and the size cap.
    let body = match tokio::time::timeout(
        shared.limits.body_timeout,
        Bytes::from_request(request, &shared),
    )
    .await
    {
        Ok(Ok(body)) => body,
        Ok(Err(rejection)) => {
            let status = rejection.status();
            let why = if status == StatusCode::PAYLOAD_TOO_LARGE {
                format!("body larger than {} bytes", shared.limits.max_body)
            } else {
                "body unreadable".to_owned()
            };
            return shared.refuse(status, &event_id, &why);
        }
        Err(_) => {
            return shared.refuse(
                StatusCode::REQUEST_TIMEOUT,
                &event_id,
                "body not complete in time",
            );
        }
    };
    let now = now_unix();
    let verified = Delivery::from_map(&headers).and_then(|delivery| {
        webhook::verify_delivery(&shared.secret, &delivery, &body, now, shared.tolerance)
    });
    let event = match verified {
        Ok(event) => event,
        Err(e) => {
            let status = match e {
                WebhookError::Body(_) => StatusCode::BAD_REQUEST,
                _ => StatusCode::UNAUTHORIZED,
            };
            return shared.refuse(status, &event_id, &e.to_string());
        }
    };
    // The newer scheme signs an event id: a replay of it is recognised. The older one signs
    // only the body, which is the same for every update of a payment (no status inside), so
    // it is not de-duplicated: a replay only makes the engine read statuses once more.
    if let (Scheme::Aiia, Some(id)) = (event.scheme, event.id.as_deref()) {
        let first = shared
            .replays
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .first_time(id, now);
        if !first {
            shared.replayed.fetch_add(1, Ordering::SeqCst);
            shared.log(|suppressed| {
                tracing::info!(event_id = id, suppressed, "webhook seen before; ignored");
            });
            return StatusCode::OK;
        }
    }
    let payment_id = event.payment_id.as_deref().map_or("?", clip);
    if !event.is_about_a_payment() {
        shared.ignored.fetch_add(1, Ordering::SeqCst);
        shared.log(|suppressed| {
            tracing::info!(
                event_id = event.id.as_deref().unwrap_or("?"),
                kind = ?event.kind,
                suppressed,
                "webhook verified, not about a payment; ignored"
            );
        });
        return StatusCode::OK;
    }
    shared.accepted.fetch_add(1, Ordering::SeqCst);
    shared.log(|suppressed| {
        tracing::info!(
            event_id = event.id.as_deref().unwrap_or("?"),
            event_type = clip(&event.event_type),
            scheme = ?event.scheme,
            payment_id,
            suppressed,
            "webhook verified; reading statuses now"
        );
    });
    (shared.on_event)(&event);
    StatusCode::OK
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn the_log_limiter_lets_a_bounded_number_of_lines_through_per_interval() {
        let mut limiter = LogLimiter::new(3, Duration::from_secs(60));
        let verdicts: Vec<LogVerdict> = (0..1000).map(|i| limiter.check(i)).collect();
        assert_eq!(
            verdicts[..4],
            [
                LogVerdict::Log {
                    suppressed_before: 0
                },
                LogVerdict::Log {
                    suppressed_before: 0
                },
                LogVerdict::Log {
                    suppressed_before: 0
                },
                LogVerdict::Suppress
            ]
        );
        assert_eq!((limiter.logged(), limiter.suppressed()), (3, 997));
        // Still inside the minute: held back.
        assert_eq!(limiter.check(59_999), LogVerdict::Suppress);
        // A new minute: the first line says how many were held back.
        assert_eq!(
            limiter.check(60_000),
            LogVerdict::Log {
                suppressed_before: 998
            }
        );
        assert_eq!(
            limiter.check(60_001),
            LogVerdict::Log {
                suppressed_before: 0
            }
        );
        assert_eq!((limiter.logged(), limiter.suppressed()), (5, 998));
        // Quiet for a long time, then a line: logged.
        assert!(matches!(limiter.check(10_000_000), LogVerdict::Log { .. }));
    }

    #[test]
    fn a_limiter_allowing_no_lines_counts_them_all() {
        let mut limiter = LogLimiter::new(0, Duration::ZERO);
        for t in 0..10 {
            assert_eq!(limiter.check(t), LogVerdict::Suppress);
        }
        assert_eq!((limiter.logged(), limiter.suppressed()), (0, 10));
    }

    #[test]
    fn long_text_is_clipped_for_the_log() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(clip(&long).chars().count(), LOGGED_CHARS);
    }
}
