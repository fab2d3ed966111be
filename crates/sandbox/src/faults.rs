//! Injected faults: what can go wrong between a counter and Aiia, on demand.
//!
//! A [`Faults`] value is part of [`SandboxConfig`](crate::SandboxConfig) (the initial set)
//! and can be read and replaced while the sandbox runs (`GET`/`PUT /sandbox/admin/faults`,
//! [`Sandbox::faults`], [`Sandbox::set_faults`]). Injection is deterministic by default: each
//! API endpoint has a queue, "the next N calls of this endpoint fail like this". An optional
//! random rate draws from a seeded generator, so a run with the same seed and the same calls
//! fails the same way.
//!
//! The faults act on the three API endpoints (`token`, `accept`, `status`); the
//! sandbox's own pages and machine endpoints are never disturbed.

use std::collections::VecDeque;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Json;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::auth::{self, Credentials};
use crate::error::ApiError;
use crate::payment::{Decision, PaymentRecord};
use crate::{Sandbox, lock};

/// The endpoints faults are aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Endpoint {
    /// `POST /v1/oauth/token`
    Token,
    /// `POST /v2/payments/accept`
    Accept,
    /// `GET /v2/payments/accept/{paymentId}`
    Status,
}

impl Endpoint {
    pub const ALL: [Endpoint; 3] = [Endpoint::Token, Endpoint::Accept, Endpoint::Status];

    /// The endpoint a request is for, if it is one of the API's.
    pub fn of(method: &Method, path: &str) -> Option<Endpoint> {
        let path = path.trim_end_matches('/');
        match (method, path) {
            (&Method::POST, "/v1/oauth/token") => Some(Endpoint::Token),
            (&Method::POST, "/v2/payments/accept") => Some(Endpoint::Accept),
            (&Method::GET, p) => p
                .strip_prefix("/v2/payments/accept/")
                .filter(|id| !id.is_empty() && !id.contains('/'))
                .map(|_| Endpoint::Status),
            _ => None,
        }
    }
}

/// One injected failure of one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Fault {
    /// `500 InternalServerError` with the documented error body; nothing is done.
    ServerError,
    /// `503 ServiceUnavailable` with `Retry-After: retryAfterS`; nothing is done.
    Unavailable,
    /// `429 TooManyRequests` with `Retry-After: retryAfterS`; nothing is done.
    RateLimit,
    /// The request is held for `holdMs` (longer than a client waits), then answered
    /// `504 GatewayTimeout`; nothing is done.
    Timeout,
    /// The call is carried out (a payment IS created, a token IS issued), then the
    /// connection is closed without a reply.
    DropAfterCreate,
    /// The call is carried out, then a successful reply's JSON is cut in half.
    MalformedJson,
    /// `401` as if the Bearer token had expired (the token is revoked); nothing is done.
    TokenExpired,
}

/// What the simulated customer does with every new payment link.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Customer {
    /// Nothing by itself: decisions come from the bank page or the machine endpoints.
    #[default]
    Manual,
    /// Opens the link `customerDelayMs` after creation and approves at once.
    Approves,
    /// Opens the link `customerDelayMs` after creation and never decides: the bank session
    /// runs out (`Expired` after the session lifetime).
    NeverApproves,
}

/// Random faults: each call of one of `endpoints` fails with probability `percent` %, with
/// a fault drawn from `faults`. The generator is seeded, so runs repeat exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct RandomFaults {
    pub seed: u64,
    /// 0 to 100.
    pub percent: u8,
    pub faults: Vec<Fault>,
    pub endpoints: Vec<Endpoint>,
}

impl Default for RandomFaults {
    fn default() -> Self {
        RandomFaults {
            seed: 1,
            percent: 0,
            faults: vec![Fault::ServerError],
            endpoints: Endpoint::ALL.to_vec(),
        }
    }
}

/// Every fault the sandbox injects, as JSON (camelCase; every field optional):
///
/// ```json
/// { "latencyMs": 200, "accept": ["dropAfterCreate"], "status": ["rateLimit", "timeout"],
///   "retryAfterS": 2, "holdMs": 30000, "expireTokens": 1,
///   "customer": "neverApproves", "customerDelayMs": 0, "bankRejects": false, "refuseCodes": 1,
///   "random": { "seed": 7, "percent": 10, "faults": ["serverError"], "endpoints": ["status"] } }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Faults {
    /// Added before every API reply.
    pub latency_ms: u64,
    /// The next calls of `POST /v1/oauth/token` fail like this, one entry per call.
    pub token: VecDeque<Fault>,
    /// The next calls of `POST /v2/payments/accept`.
    pub accept: VecDeque<Fault>,
    /// The next calls of `GET /v2/payments/accept/{paymentId}`.
    pub status: VecDeque<Fault>,
    /// Faults at a seeded random rate, after the queues are empty.
    pub random: Option<RandomFaults>,
    /// `Retry-After` seconds of `rateLimit` and `unavailable`.
    pub retry_after_s: u64,
    /// How long `timeout` holds a request.
    pub hold_ms: u64,
    /// The next N API calls made with a Bearer token are refused with `401` as if the
    /// token had expired (and it is revoked).
    pub expire_tokens: u32,
    pub customer: Customer,
    /// When the simulated customer acts, after the payment's creation.
    pub customer_delay_ms: u64,
    /// The bank declines every approval: approving yields `Rejected`.
    pub bank_rejects: bool,
    /// The next N Connect code exchanges (`grant_type=authorization_code`) are refused with
    /// `400 invalid_grant`, and the code is spent, as a code that ran out would be.
    pub refuse_codes: u32,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            latency_ms: 0,
            token: VecDeque::new(),
            accept: VecDeque::new(),
            status: VecDeque::new(),
            random: None,
            retry_after_s: 1,
            hold_ms: 30_000,
            expire_tokens: 0,
            customer: Customer::Manual,
            customer_delay_ms: 0,
            bank_rejects: false,
            refuse_codes: 0,
        }
    }
}

impl Faults {
    /// Reads the JSON form, with a message that names what is wrong.
    pub fn from_json(text: &str) -> Result<Faults, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// No fault at all.
    pub fn is_none(&self) -> bool {
        *self == Faults::default()
    }

    fn queue(&mut self, endpoint: Endpoint) -> &mut VecDeque<Fault> {
        match endpoint {
            Endpoint::Token => &mut self.token,
            Endpoint::Accept => &mut self.accept,
            Endpoint::Status => &mut self.status,
        }
    }
}

/// How many API calls came in and how many faults were injected, per kind, since the
/// faults were last set (soak tests report these).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultCounts {
    pub calls: u64,
    pub injected: Vec<(Fault, u64)>,
}

impl FaultCounts {
    /// Faults injected in all.
    pub fn total(&self) -> u64 {
        self.injected.iter().map(|(_, n)| n).sum()
    }

    fn add(&mut self, fault: Fault) {
        match self.injected.iter_mut().find(|(f, _)| *f == fault) {
            Some((_, n)) => *n += 1,
            None => self.injected.push((fault, 1)),
        }
    }
}

/// The faults in force and the random generator's state.
#[derive(Debug)]
pub(crate) struct FaultState {
    faults: Faults,
    rng: SplitMix64,
    counts: FaultCounts,
}

impl FaultState {
    pub fn new(faults: Faults) -> Self {
        let seed = faults.random.as_ref().map_or(0, |r| r.seed);
        FaultState {
            faults,
            rng: SplitMix64(seed),
            counts: FaultCounts::default(),
        }
    }

    /// The fault for the next call of `endpoint`: the queue first, then the random rate.
    fn draw(&mut self, endpoint: Endpoint) -> Option<Fault> {
        if let Some(f) = self.faults.queue(endpoint).pop_front() {
            return Some(f);
        }
        let random = self.faults.random.as_ref()?;
        if !random.endpoints.contains(&endpoint) || random.faults.is_empty() {
            return None;
        }
        let roll = self.rng.next() % 100;
        if roll >= u64::from(random.percent) {
            return None;
        }
        let len = u64::try_from(random.faults.len()).unwrap_or(u64::MAX);
        let pick = usize::try_from(self.rng.next() % len).unwrap_or(0);
        random.faults.get(pick).copied()
    }

    /// Takes one of the `expireTokens` calls, if any are left.
    fn take_token_expiry(&mut self) -> bool {
        if self.faults.expire_tokens == 0 {
            return false;
        }
        self.faults.expire_tokens -= 1;
        true
    }

    /// Uses up one queued refusal of a Connect code exchange, if any.
    pub(crate) fn take_code_refusal(&mut self) -> bool {
        if self.faults.refuse_codes == 0 {
            return false;
        }
        self.faults.refuse_codes -= 1;
        true
    }
}

/// SplitMix64: a small, well-mixed generator; enough to spread faults, not for secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Sandbox {
    /// The faults in force (queues hold what is still to come).
    pub fn faults(&self) -> Faults {
        lock(&self.inner.faults).faults.clone()
    }

    /// API calls seen and faults injected since the faults were last set.
    pub fn fault_counts(&self) -> FaultCounts {
        lock(&self.inner.faults).counts.clone()
    }

    /// Replaces the faults in force; the random generator starts again from its seed.
    pub fn set_faults(&self, faults: Faults) {
        tracing::info!(?faults, "sandbox faults set");
        *lock(&self.inner.faults) = FaultState::new(faults);
    }

    /// The simulated customer's decision for a payment just created, and the bank's answer.
    pub(crate) fn simulate_customer(&self, record: &mut PaymentRecord) {
        let state = lock(&self.inner.faults);
        let faults = &state.faults;
        let at = record
            .created_ms
            .saturating_add(i64::try_from(faults.customer_delay_ms).unwrap_or(i64::MAX));
        match faults.customer {
            Customer::Manual => {}
            Customer::NeverApproves => record.opened_ms = Some(at),
            Customer::Approves => {
                record.opened_ms = Some(at);
                let decision = if faults.bank_rejects {
                    Decision::BankRejected
                } else {
                    Decision::Approved
                };
                record.decision = Some((decision, at));
            }
        }
    }

    /// What an approval becomes: `Rejected` when the bank rejects everything.
    pub(crate) fn approval(&self) -> Decision {
        if lock(&self.inner.faults).faults.bank_rejects {
            Decision::BankRejected
        } else {
            Decision::Approved
        }
    }
}

/// What the middleware decided for one request.
struct Plan {
    latency: Duration,
    fault: Option<Fault>,
    token_expired: bool,
    retry_after_s: u64,
    hold: Duration,
}

/// Middleware on every route: API calls get the latency and the fault due, everything
/// else passes untouched.
pub(crate) async fn inject(
    State(sandbox): State<Sandbox>,
    request: Request,
    next: Next,
) -> Response {
    let Some(endpoint) = Endpoint::of(request.method(), request.uri().path()) else {
        return next.run(request).await;
    };
    let bearer = match auth::credentials(request.headers()) {
        Some(Credentials::Bearer(token)) if endpoint != Endpoint::Token => Some(token),
        _ => None,
    };
    let plan = {
        let mut state = lock(&sandbox.inner.faults);
        let token_expired = bearer.is_some() && state.take_token_expiry();
        // A call refused for its token does not use up a queued fault.
        let fault = if token_expired {
            None
        } else {
            state.draw(endpoint)
        };
        state.counts.calls += 1;
        if let Some(f) = fault.or(token_expired.then_some(Fault::TokenExpired)) {
            state.counts.add(f);
        }
        Plan {
            latency: Duration::from_millis(state.faults.latency_ms),
            token_expired,
            fault,
            retry_after_s: state.faults.retry_after_s,
            hold: Duration::from_millis(state.faults.hold_ms),
        }
    };
    if !plan.latency.is_zero() {
        tokio::time::sleep(plan.latency).await;
    }
    if plan.token_expired {
        return expired_token(&sandbox, endpoint, bearer.as_deref());
    }
    let Some(fault) = plan.fault else {
        return next.run(request).await;
    };
    tracing::info!(?endpoint, ?fault, "injecting a fault");
    match fault {
        Fault::ServerError => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            "the service failed (injected fault)",
        )
        .into_response(),
        Fault::Unavailable => with_retry_after(
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "ServiceUnavailable",
                "the service is unavailable (injected fault)",
            ),
            plan.retry_after_s,
        ),
        Fault::RateLimit => with_retry_after(
            ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "TooManyRequests",
                "too many requests (injected fault)",
            ),
            plan.retry_after_s,
        ),
        Fault::Timeout => {
            tokio::time::sleep(plan.hold).await;
            ApiError::new(
                StatusCode::GATEWAY_TIMEOUT,
                "GatewayTimeout",
                "the service did not answer in time (injected fault)",
            )
            .into_response()
        }
        Fault::DropAfterCreate => {
            let done = next.run(request).await;
            tracing::info!(
                ?endpoint,
                status = done.status().as_u16(),
                "call done; dropping the connection"
            );
            dropped_connection()
        }
        Fault::MalformedJson => malformed(next.run(request).await).await,
        Fault::TokenExpired => expired_token(&sandbox, endpoint, bearer.as_deref()),
    }
}

fn expired_token(sandbox: &Sandbox, endpoint: Endpoint, bearer: Option<&str>) -> Response {
    if let Some(token) = bearer {
        lock(&sandbox.inner.tokens).revoke(token);
    }
    tracing::info!(
        ?endpoint,
        "refusing the access token as expired (injected fault)"
    );
    ApiError::unauthorized(
        "Unauthorized",
        "the access token has expired",
        "Bearer, Basic realm=\"aiia\"",
    )
    .into_response()
}

fn with_retry_after(error: ApiError, seconds: u64) -> Response {
    let mut response = error.into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// A reply whose body fails before a byte is written: the server closes the connection
/// without sending anything, as when a reply is lost on the way.
fn dropped_connection() -> Response {
    Response::new(Body::new(BrokenBody))
}

struct BrokenBody;

impl HttpBody for BrokenBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, io::Error>>> {
        Poll::Ready(Some(Err(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "connection dropped (injected fault)",
        ))))
    }
}

/// A successful reply with its JSON cut in half; other replies pass unchanged.
async fn malformed(response: Response) -> Response {
    if !response.status().is_success() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let cut = if bytes.len() >= 2 {
        bytes.slice(..bytes.len() / 2)
    } else {
        Bytes::from_static(b"{\"paymentId\":")
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}

/// `GET /sandbox/admin/faults`: the faults in force.
pub(crate) async fn get_faults(State(sandbox): State<Sandbox>) -> Json<Faults> {
    Json(sandbox.faults())
}

/// `PUT /sandbox/admin/faults`: replaces the faults; `400` names what is wrong.
pub(crate) async fn put_faults(
    State(sandbox): State<Sandbox>,
    body: Bytes,
) -> Result<Json<Faults>, ApiError> {
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::bad_request("InvalidFaults", "the body is not UTF-8 text"))?;
    let faults = Faults::from_json(text)
        .map_err(|e| ApiError::bad_request("InvalidFaults", format!("not a fault set: {e}")))?;
    if faults.random.as_ref().is_some_and(|r| r.percent > 100) {
        return Err(ApiError::bad_request(
            "InvalidFaults",
            "random.percent must be 0 to 100",
        ));
    }
    sandbox.set_faults(faults);
    Ok(Json(sandbox.faults()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn endpoints_are_told_by_method_and_path() {
        assert_eq!(
            Endpoint::of(&Method::POST, "/v1/oauth/token"),
            Some(Endpoint::Token)
        );
        assert_eq!(
            Endpoint::of(&Method::POST, "/v2/payments/accept"),
            Some(Endpoint::Accept)
        );
        assert_eq!(
            Endpoint::of(&Method::GET, "/v2/payments/accept/abc-1"),
            Some(Endpoint::Status)
        );
        for (m, p) in [
            (Method::GET, "/v2/payments/accept"),
            (Method::GET, "/v2/payments/accept/a/b"),
            (Method::POST, "/sandbox/payments/x/approve"),
            (Method::GET, "/sandbox/admin/faults"),
            (Method::GET, "/sandbox/authorize/x"),
        ] {
            assert_eq!(Endpoint::of(&m, p), None, "{m} {p}");
        }
    }

    #[test]
    fn the_json_form_is_camel_case_and_every_field_is_optional() {
        let f = Faults::from_json(
            r#"{"latencyMs": 5, "accept": ["dropAfterCreate", "serverError"],
                "status": ["rateLimit", "timeout", "malformedJson", "unavailable", "tokenExpired"],
                "expireTokens": 2, "customer": "neverApproves", "bankRejects": true,
                "random": {"seed": 9, "percent": 50}}"#,
        )
        .unwrap();
        assert_eq!(f.latency_ms, 5);
        assert_eq!(f.accept, [Fault::DropAfterCreate, Fault::ServerError]);
        assert_eq!(f.status.len(), 5);
        assert_eq!(f.expire_tokens, 2);
        assert_eq!(f.customer, Customer::NeverApproves);
        assert!(f.bank_rejects);
        let r = f.random.unwrap();
        assert_eq!((r.seed, r.percent), (9, 50));
        assert_eq!(r.endpoints, Endpoint::ALL);
        assert!(Faults::from_json("{}").unwrap().is_none());
        let e = Faults::from_json(r#"{"acept": []}"#).unwrap_err();
        assert!(e.to_string().contains("acept"), "{e}");
        assert!(Faults::from_json(r#"{"accept": ["explode"]}"#).is_err());
    }

    #[test]
    fn queues_come_first_and_are_per_endpoint() {
        let mut s = FaultState::new(Faults {
            accept: [Fault::ServerError, Fault::RateLimit].into(),
            status: [Fault::Timeout].into(),
            ..Faults::default()
        });
        assert_eq!(s.draw(Endpoint::Token), None);
        assert_eq!(s.draw(Endpoint::Accept), Some(Fault::ServerError));
        assert_eq!(s.draw(Endpoint::Status), Some(Fault::Timeout));
        assert_eq!(s.draw(Endpoint::Accept), Some(Fault::RateLimit));
        assert_eq!(s.draw(Endpoint::Accept), None);
        assert_eq!(s.draw(Endpoint::Status), None);
    }

    #[test]
    fn random_faults_repeat_with_the_seed_and_follow_the_rate() {
        let random = |seed, percent| Faults {
            random: Some(RandomFaults {
                seed,
                percent,
                faults: vec![Fault::ServerError, Fault::RateLimit],
                endpoints: vec![Endpoint::Status],
            }),
            ..Faults::default()
        };
        let run = |seed, percent| {
            let mut s = FaultState::new(random(seed, percent));
            (0..1000)
                .map(|_| s.draw(Endpoint::Status))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7, 30), run(7, 30));
        assert_ne!(run(7, 30), run(8, 30));
        let hits = run(7, 30).iter().filter(|f| f.is_some()).count();
        assert!((200..400).contains(&hits), "{hits} of 1000 at 30 %");
        assert!(run(7, 30).contains(&Some(Fault::RateLimit)));
        assert!(run(7, 0).iter().all(Option::is_none));
        assert!(run(7, 100).iter().all(Option::is_some));
        let mut s = FaultState::new(random(7, 100));
        assert_eq!(s.draw(Endpoint::Accept), None, "other endpoints are spared");
    }

    #[test]
    fn token_expiries_are_counted_down() {
        let mut s = FaultState::new(Faults {
            expire_tokens: 2,
            ..Faults::default()
        });
        assert!(s.take_token_expiry());
        assert!(s.take_token_expiry());
        assert!(!s.take_token_expiry());
    }
}
