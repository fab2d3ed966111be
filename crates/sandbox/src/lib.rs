//! An in-process fake of Mastercard's Aiia Pay Accept Payments API (`docs/aiia-wire.md`).
//!
//! The same [`Sandbox`] is the desktop app's default backend, the standalone
//! `kassa sandbox --port N` server ([`serve`]) and the test double of the integration tests
//! ([`Sandbox::bind`] on `127.0.0.1:0`).
//!
//! * `POST /v1/oauth/token`: HTTP Basic client id and secret; a JSON body with the Connect
//!   grants (`authorization_code` with PKCE, `refresh_token`); a `client_credentials` token
//!   only when [`SandboxConfig::client_credentials`] is on.
//! * `GET /v1/oauth/connect`, `/sandbox/connect/{session}`, `GET /v1/accounts`: the Connect
//!   flow that onboards the receiving account ([`connect`](crate) module docs).
//! * `POST /v2/payments/accept`: create a payment request (HTTP Basic, or a Bearer token this
//!   sandbox issued); `200` with `paymentId` (`20200710.cys5ihh856sw7btuoimya551nh`-like).
//! * `GET /v2/payments/accept/{paymentId}`: the payment's status, in the object shape or the
//!   flat one ([`StatusShape`]).
//! * `GET /sandbox/authorize/{paymentId}`: the hosted "Sandbox Bank" page behind the link.
//! * `POST /sandbox/payments/{paymentId}/approve|reject|fail`: the payer's (or the bank's)
//!   decision, for the page and for machines.
//! * `GET /sandbox/payments`: every payment, oldest first.
//! * `GET|PUT /sandbox/admin/webhook`: where signed event notifications go ([`webhooks`]).
//! * `GET`/`PUT /sandbox/admin/faults`: the injected faults ([`Faults`]): latency, errors,
//!   timeouts, lost replies, expired tokens, a customer who never approves, a rejecting bank.
//!
//! The last three (and `fail`) are the sandbox's test and admin endpoints: they answer only
//! to this computer (a loopback peer), also when [`Sandbox::bind_lan`] serves the shop's
//! network so a phone can open the bank page ([`lan`]).
//!
//! State lives in memory. Statuses are never advanced by a timer: each payment keeps when it
//! was created, opened and decided, and its status is computed from those instants and the
//! [`Clock`] whenever it is read, so tests move time with a [`ManualClock`].

mod auth;
mod clock;
mod config;
mod connect;
mod error;
mod faults;
mod ids;
pub mod lan;
mod page;
mod payment;
mod routes;
mod server;
mod timefmt;
pub mod webhooks;
mod wire;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::http::HeaderMap;

pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{SandboxConfig, StatusShape};
pub use connect::{AccountsResponse, ConnectTokenResponse, ConnectedAccount};
pub use error::{ErrorBody, SandboxError};
pub use faults::{Customer, Endpoint, Fault, FaultCounts, Faults, RandomFaults};
pub use ids::{OsRandomness, Randomness, SeededRandomness};
pub use lan::{LanError, NetInterface, lan_address, pick_lan_address};
pub use payment::{PaymentStatus, PaymentView, StatusDetails};
pub use server::{Listen, RunningSandbox, serve};
pub use webhooks::{RetryPolicy, WebhookDelivery, WebhookSigning};
pub use wire::{AcceptResponse, TokenResponse, scheme_for};

/// The sandbox's own "Payment done" page, the default `redirectUrl` of a counter on the
/// sandbox: `GET /sandbox/done?paymentId=…`.
pub const DONE_PATH: &str = "/sandbox/done";

use crate::auth::{Credentials, Tokens};
use crate::clock::duration_ms;
use crate::error::ApiError;
use crate::payment::{Decision, NewPayment, PaymentRecord, Timings};

/// A fake Aiia Pay service. Cheap to clone: clones share one state.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

struct Inner {
    config: SandboxConfig,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Randomness>,
    timings: Timings,
    payments: Mutex<Payments>,
    tokens: Mutex<Tokens>,
    webhooks: webhooks::Hub,
    faults: Mutex<faults::FaultState>,
    connect: Mutex<connect::ConnectState>,
    /// `http://192.168.1.5:PORT` when served on the shop's network: payment links carry it
    /// (else the address each create request came in on).
    public_url: Mutex<Option<String>>,
}

#[derive(Default)]
struct Payments {
    by_id: HashMap<String, PaymentRecord>,
    /// Payment ids in creation order.
    order: Vec<String>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("config", &self.inner.config)
            .field("payments", &lock(&self.inner.payments).order.len())
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// A sandbox on the system clock.
    pub fn new(config: SandboxConfig) -> Self {
        Sandbox::with_clock(config, Arc::new(SystemClock))
    }

    /// A sandbox reading the time from `clock`.
    pub fn with_clock(config: SandboxConfig, clock: Arc<dyn Clock>) -> Self {
        Sandbox::with_clock_and_randomness(config, clock, Arc::new(OsRandomness))
    }

    /// A sandbox reading the time from `clock` and making payment ids from `random`.
    pub fn with_clock_and_randomness(
        config: SandboxConfig,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Randomness>,
    ) -> Self {
        let timings = Timings {
            link_ttl_ms: duration_ms(config.link_ttl),
            session_ttl_ms: duration_ms(config.session_ttl),
            settle_delay_ms: duration_ms(config.settle_delay),
        };
        let webhooks = webhooks::Hub::new(
            config.webhook_url.clone(),
            config.webhook_secret.clone(),
            config.webhook_signing,
        );
        Sandbox {
            inner: Arc::new(Inner {
                clock,
                random,
                timings,
                payments: Mutex::new(Payments::default()),
                tokens: Mutex::new(Tokens::default()),
                webhooks,
                faults: Mutex::new(faults::FaultState::new(config.faults.clone())),
                connect: Mutex::new(connect::ConnectState::default()),
                public_url: Mutex::new(None),
                config,
            }),
        }
    }

    pub fn config(&self) -> &SandboxConfig {
        &self.inner.config
    }

    /// The sandbox's current time (Unix epoch milliseconds).
    pub fn now_ms(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// The address payment links are written with, when set ([`Sandbox::bind_lan`]).
    pub fn public_url(&self) -> Option<String> {
        lock(&self.inner.public_url).clone()
    }

    pub(crate) fn set_public_url(&self, url: String) {
        *lock(&self.inner.public_url) = Some(url);
    }

    /// Every route of the service, with this sandbox as state. Served with
    /// `into_make_service_with_connect_info::<SocketAddr>()` (as [`Sandbox::bind`] does):
    /// the test and admin endpoints answer only to a loopback peer ([`lan`]).
    pub fn router(&self) -> axum::Router {
        routes::router(self.clone())
    }

    /// The payer opens the authorization link: the bank session starts. Opening an opened
    /// or decided payment changes nothing; an expired one is refused.
    pub fn open(&self, payment_id: &str) -> Result<PaymentView, SandboxError> {
        self.act(payment_id, "bank session opened", |record, now| {
            record.open(now)
        })
    }

    /// The payer approves in the bank: `Authorized`, then `Executed` after the settle delay.
    /// An unopened link is opened on the way, as long as it has not expired.
    pub fn approve(&self, payment_id: &str) -> Result<PaymentView, SandboxError> {
        let decision = self.approval();
        self.act(payment_id, "payment approved", |record, now| {
            record.decide(decision, now)
        })
    }

    /// The payer rejects in the bank: `Rejected`.
    pub fn reject(&self, payment_id: &str) -> Result<PaymentView, SandboxError> {
        self.act(payment_id, "payment rejected", |record, now| {
            record.decide(Decision::Rejected, now)
        })
    }

    /// The bank cannot execute the payment: `Failed`. Possible until it is executed.
    pub fn fail(&self, payment_id: &str) -> Result<PaymentView, SandboxError> {
        self.act(payment_id, "payment failed", |record, now| {
            record.decide(Decision::Failed, now)
        })
    }

    /// The payment as the status endpoint shows it now.
    /// Where the payer's browser goes once they decided: the payment's `redirectUrl`.
    pub fn redirect_url(&self, payment_id: &str) -> Option<String> {
        lock(&self.inner.payments)
            .by_id
            .get(payment_id)
            .map(|record| record.request.redirect_url.clone())
    }

    pub fn payment(&self, payment_id: &str) -> Option<PaymentView> {
        let now = self.now_ms();
        lock(&self.inner.payments)
            .by_id
            .get(payment_id)
            .map(|record| record.view_at(now))
    }

    /// Every payment, oldest first.
    pub fn payments(&self) -> Vec<PaymentView> {
        let now = self.now_ms();
        let payments = lock(&self.inner.payments);
        payments
            .order
            .iter()
            .filter_map(|id| payments.by_id.get(id))
            .map(|record| record.view_at(now))
            .collect()
    }

    fn act(
        &self,
        payment_id: &str,
        what: &'static str,
        action: impl FnOnce(&mut PaymentRecord, i64) -> Result<PaymentStatus, SandboxError>,
    ) -> Result<PaymentView, SandboxError> {
        let now = self.now_ms();
        let mut payments = lock(&self.inner.payments);
        let record = payments
            .by_id
            .get_mut(payment_id)
            .ok_or_else(|| SandboxError::NotFound(payment_id.to_owned()))?;
        let before = record.status_at(now);
        let after = action(record, now)?;
        if before != after {
            tracing::info!(payment_id, from = %before, to = %after, "{what}");
            self.webhook_hint();
        }
        Ok(record.view_at(now))
    }

    /// Stores a validated payment request.
    pub(crate) fn create(&self, request: NewPayment) -> PaymentView {
        let now = self.now_ms();
        let id = ids::payment_id(now, self.inner.random.as_ref());
        tracing::info!(
            payment_id = %id,
            amount = %request.money,
            reference = %request.reference,
            destination_id = %request.destination_id,
            "payment created"
        );
        let mut record = PaymentRecord::new(id.clone(), request, now, self.inner.timings);
        self.simulate_customer(&mut record);
        let view = record.view_at(now);
        let mut payments = lock(&self.inner.payments);
        payments.by_id.insert(id.clone(), record);
        payments.order.push(id);
        view
    }

    /// The client id and secret are this sandbox's.
    pub(crate) fn is_client(&self, client_id: &str, secret: &str) -> bool {
        let config = &self.inner.config;
        // Both compared, always, so timing tells nothing about which one was wrong.
        let id_ok = auth::same_secret(client_id, &config.client_id);
        let secret_ok = auth::same_secret(secret, &config.client_secret);
        id_ok && secret_ok
    }

    /// The accounts the Connect flow offers: each destination with a readable name.
    pub fn accounts(&self) -> Vec<(String, String)> {
        self.inner
            .config
            .destination_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), connect::account_name(i)))
            .collect()
    }

    /// The name the Connect flow gives a destination of this sandbox.
    pub fn account_name(&self, destination_id: &str) -> Option<String> {
        self.accounts()
            .into_iter()
            .find(|(id, _)| id == destination_id)
            .map(|(_, name)| name)
    }

    pub(crate) fn connect_state(&self) -> MutexGuard<'_, connect::ConnectState> {
        lock(&self.inner.connect)
    }

    /// Uses up one injected refusal of a Connect code exchange ([`Faults::refuse_codes`]).
    pub(crate) fn take_code_refusal(&self) -> bool {
        lock(&self.inner.faults).take_code_refusal()
    }

    /// A new access token for the client.
    pub(crate) fn issue_token(&self) -> TokenResponse {
        let now = self.now_ms();
        let ttl = self.inner.config.token_ttl;
        let expires = now.saturating_add(duration_ms(ttl));
        let access_token = lock(&self.inner.tokens).issue(now, expires);
        tracing::info!(expires_in = ttl.as_secs(), "access token issued");
        TokenResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: ttl.as_secs(),
        }
    }

    /// Checks an API call's credentials: a live token issued here, or the client's HTTP
    /// Basic credentials.
    pub(crate) fn authenticate(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let refused = |message: &str| {
            ApiError::unauthorized("Unauthorized", message, "Bearer, Basic realm=\"aiia\"")
        };
        match auth::credentials(headers) {
            Some(Credentials::Bearer(token)) => {
                if lock(&self.inner.tokens).is_valid(&token, self.now_ms()) {
                    Ok(())
                } else {
                    Err(refused("the access token is invalid or has expired"))
                }
            }
            Some(Credentials::Basic { client_id, secret }) => {
                if self.is_client(&client_id, &secret) {
                    Ok(())
                } else {
                    Err(refused("the client id or secret is wrong"))
                }
            }
            None => Err(refused(
                "send Authorization: Bearer <access_token> or HTTP Basic client credentials",
            )),
        }
    }
}

/// Locks a mutex; a panic elsewhere while holding it leaves plain data that is still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::time::Duration;

    use axum::http::{HeaderValue, header};
    use base64::Engine as _;
    use kassa_money::{Currency, Money};

    use super::*;

    fn sandbox() -> (Sandbox, Arc<ManualClock>) {
        let clock = Arc::new(ManualClock::new(1_795_600_000_000));
        (
            Sandbox::with_clock(SandboxConfig::default(), clock.clone()),
            clock,
        )
    }

    fn new_payment(reference: &str) -> NewPayment {
        NewPayment {
            money: Money::new(1250, Currency::Dkk),
            destination_id: "sandbox-destination".into(),
            scheme_id: scheme_for(Currency::Dkk).into(),
            reference: reference.into(),
            redirect_url: "https://kassa.local/return".into(),
            preselected_country: None,
        }
    }

    fn auth_header(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn actions_move_a_payment_through_its_life() {
        let (sb, clock) = sandbox();
        let id = sb.create(new_payment("A1")).payment_id;
        assert_eq!(sb.payment(&id).unwrap().status, PaymentStatus::Initiated);
        assert_eq!(
            sb.open(&id).unwrap().status,
            PaymentStatus::AwaitingAuthorization
        );
        clock.advance(Duration::from_secs(200));
        assert_eq!(sb.approve(&id).unwrap().status, PaymentStatus::Authorized);
        clock.advance(Duration::from_millis(300));
        assert_eq!(sb.payment(&id).unwrap().status, PaymentStatus::Executed);
        assert!(matches!(
            sb.reject(&id),
            Err(SandboxError::AlreadyDecided {
                status: PaymentStatus::Executed,
                ..
            })
        ));
    }

    #[test]
    fn unknown_payments_are_not_found() {
        let (sb, _) = sandbox();
        assert_eq!(sb.payment("nope"), None);
        assert_eq!(
            sb.approve("nope"),
            Err(SandboxError::NotFound("nope".into()))
        );
        assert_eq!(sb.open("nope").unwrap_err().http_status().as_u16(), 404);
    }

    #[test]
    fn payments_are_listed_in_creation_order() {
        let (sb, clock) = sandbox();
        let ids: Vec<String> = ["A", "B", "C"]
            .into_iter()
            .map(|r| {
                clock.advance(Duration::from_millis(1));
                sb.create(new_payment(r)).payment_id
            })
            .collect();
        let listed: Vec<String> = sb.payments().into_iter().map(|p| p.payment_id).collect();
        assert_eq!(listed, ids);
    }

    #[test]
    fn api_calls_take_a_live_token_or_basic_credentials() {
        let (sb, clock) = sandbox();
        let token = sb.issue_token();
        assert_eq!(token.expires_in, 3600);
        let bearer = auth_header(&format!("Bearer {}", token.access_token));
        assert!(sb.authenticate(&bearer).is_ok());
        clock.advance(Duration::from_secs(3600));
        let e = sb.authenticate(&bearer).unwrap_err();
        assert_eq!((e.status.as_u16(), e.code), (401, "Unauthorized"));

        let b64 = base64::engine::general_purpose::STANDARD;
        let basic = auth_header(&format!(
            "Basic {}",
            b64.encode("sandbox-client:sandbox-secret")
        ));
        assert!(sb.authenticate(&basic).is_ok());
        let wrong = auth_header(&format!("Basic {}", b64.encode("sandbox-client:nope")));
        assert!(sb.authenticate(&wrong).is_err());
        assert!(sb.authenticate(&auth_header("Bearer made-up")).is_err());
        assert!(sb.authenticate(&HeaderMap::new()).is_err());
    }

    #[test]
    fn clones_share_state() {
        let (sb, _) = sandbox();
        let other = sb.clone();
        let id = sb.create(new_payment("A1")).payment_id;
        assert!(other.payment(&id).is_some());
        assert!(format!("{sb:?}").contains("payments: 1"));
    }
}
