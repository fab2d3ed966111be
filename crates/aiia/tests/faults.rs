//! The client against the sandbox's injected faults, on a random loopback port: what each
//! fault becomes, which calls are retried by the client and which are handed back.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use kassa_aiia::retry::NoJitter;
use kassa_aiia::wire::{AcceptPaymentRequest, DecimalAmount, PaymentStatus, scheme_for};
use kassa_aiia::{AiiaError, AuthMode, Client, Config, Secret};
use kassa_money::{Currency, Money};
use kassa_sandbox::{Fault, Faults, RunningSandbox, Sandbox, SandboxConfig};

async fn sandbox(faults: Faults) -> RunningSandbox {
    Sandbox::new(SandboxConfig {
        faults,
        // For the opt-in, not evidenced Bearer mode's token tests.
        client_credentials: true,
        ..SandboxConfig::default()
    })
    .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
    .await
    .unwrap()
}

/// A client with a 1-second timeout and no jitter (HTTP Basic, the default).
fn client(s: &RunningSandbox) -> Client {
    client_with(s, AuthMode::default())
}

/// The same in the opt-in, not evidenced Bearer mode.
fn bearer_client(s: &RunningSandbox) -> Client {
    client_with(s, AuthMode::Bearer)
}

fn client_with(s: &RunningSandbox, auth: AuthMode) -> Client {
    let mut c = Config::new(
        s.base_url(),
        "sandbox-client",
        Secret::new("sandbox-secret"),
    );
    c.timeout = Duration::from_secs(1);
    c.auth = auth;
    Client::with_jitter(c, Arc::new(NoJitter)).unwrap()
}

fn request() -> AcceptPaymentRequest {
    let money = Money::new(1250, Currency::Dkk);
    AcceptPaymentRequest {
        destination_id: "sandbox-destination".into(),
        amount: DecimalAmount(money),
        currency: money.currency,
        scheme_id: scheme_for(money.currency).into(),
        reference: "FAULTS1".into(),
        redirect_url: "https://kassa.invalid/paid".into(),
        preselected_country: None,
    }
}

fn set(s: &RunningSandbox, faults: Faults) {
    s.sandbox().set_faults(faults);
}

fn on_status(faults: &[Fault]) -> Faults {
    Faults {
        status: faults.iter().copied().collect(),
        ..Faults::default()
    }
}

fn on_accept(faults: &[Fault]) -> Faults {
    Faults {
        accept: faults.iter().copied().collect(),
        ..Faults::default()
    }
}

/// A payment made without faults, for status reads.
async fn payment(c: &Client) -> String {
    c.accept_payment(&request()).await.unwrap().payment_id
}

#[tokio::test]
async fn latency_only_slows_things_down() {
    let s = sandbox(Faults {
        latency_ms: 200,
        ..Faults::default()
    })
    .await;
    let c = client(&s);
    let id = payment(&c).await;
    assert_eq!(
        c.payment_status(&id).await.unwrap().status,
        PaymentStatus::Initiated
    );
}

#[tokio::test]
async fn a_server_error_on_a_status_read_is_retried_once() {
    let s = sandbox(Faults::default()).await;
    let c = client(&s);
    let id = payment(&c).await;
    set(&s, on_status(&[Fault::ServerError]));
    assert!(c.payment_status(&id).await.is_ok(), "one 500 is absorbed");
    set(&s, on_status(&[Fault::ServerError, Fault::ServerError]));
    let e = c.payment_status(&id).await.unwrap_err();
    assert!(
        matches!(e, AiiaError::Server { status: 500, ref code, .. } if code == "InternalServerError"),
        "{e:?}"
    );
    assert!(e.is_transient());
    assert!(
        s.sandbox().faults().status.is_empty(),
        "two calls were made"
    );
}

#[tokio::test]
async fn a_server_error_on_create_is_handed_back_not_retried() {
    let s = sandbox(on_accept(&[Fault::Unavailable])).await;
    let c = client(&s);
    let e = c.accept_payment(&request()).await.unwrap_err();
    assert!(
        matches!(e, AiiaError::Server { status: 503, retry_after: Some(d), .. } if d == Duration::from_secs(1)),
        "{e:?}"
    );
    assert!(e.payment_may_exist(), "a 5xx on create may hide a payment");
    assert!(s.sandbox().payments().is_empty());
}

#[tokio::test]
async fn rate_limits_keep_their_retry_after() {
    let s = sandbox(Faults {
        accept: [Fault::RateLimit].into(),
        retry_after_s: 4,
        ..Faults::default()
    })
    .await;
    let c = client(&s);
    let e = c.accept_payment(&request()).await.unwrap_err();
    assert!(
        matches!(e, AiiaError::RateLimited { retry_after: Some(d) } if d == Duration::from_secs(4)),
        "{e:?}"
    );
    assert!(e.is_transient() && !e.payment_may_exist());
    assert_eq!(e.retry_after(), Some(Duration::from_secs(4)));

    // On a status read, a wait longer than the client waits inside a call is handed back.
    let id = payment(&c).await;
    set(
        &s,
        Faults {
            status: [Fault::RateLimit].into(),
            retry_after_s: 4,
            ..Faults::default()
        },
    );
    let e = c.payment_status(&id).await.unwrap_err();
    assert_eq!(e.retry_after(), Some(Duration::from_secs(4)));
    // A short one is waited out and the read succeeds.
    set(
        &s,
        Faults {
            status: [Fault::RateLimit].into(),
            retry_after_s: 1,
            ..Faults::default()
        },
    );
    assert!(c.payment_status(&id).await.is_ok());
}

#[tokio::test]
async fn a_held_request_times_out_on_the_clients_clock() {
    let s = sandbox(Faults {
        accept: [Fault::Timeout].into(),
        status: [Fault::Timeout].into(),
        hold_ms: 10_000,
        ..Faults::default()
    })
    .await;
    let c = client(&s);
    let e = c.accept_payment(&request()).await.unwrap_err();
    assert!(matches!(e, AiiaError::Timeout { .. }), "{e:?}");
    assert!(e.is_transient() && e.payment_may_exist());
    let id = payment(&c).await;
    let e = c.payment_status(&id).await.unwrap_err();
    assert!(
        matches!(e, AiiaError::Timeout { .. }),
        "a timed-out read is not repeated at once: {e:?}"
    );
    assert!(c.payment_status(&id).await.is_ok());
}

#[tokio::test]
async fn a_dropped_create_reply_is_a_lost_reply_and_the_payment_exists() {
    let s = sandbox(on_accept(&[Fault::DropAfterCreate])).await;
    let c = client(&s);
    let e = c.accept_payment(&request()).await.unwrap_err();
    assert!(matches!(e, AiiaError::Network { .. }), "{e:?}");
    assert!(e.is_lost_reply() && e.payment_may_exist() && e.is_transient());
    assert!(e.to_string().contains("broke before its reply came"), "{e}");
    let made = s.sandbox().payments();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].reference, "FAULTS1");

    set(&s, on_status(&[Fault::DropAfterCreate]));
    assert!(
        c.payment_status(&made[0].payment_id).await.is_ok(),
        "a dropped status read is simply read again"
    );
}

#[tokio::test]
async fn malformed_json_is_malformed_and_may_hide_a_payment() {
    let s = sandbox(on_accept(&[Fault::MalformedJson])).await;
    let c = client(&s);
    let e = c.accept_payment(&request()).await.unwrap_err();
    assert!(matches!(e, AiiaError::Malformed { .. }), "{e:?}");
    assert!(e.payment_may_exist());
    assert_eq!(s.sandbox().payments().len(), 1);

    let id = s.sandbox().payments()[0].payment_id.clone();
    set(&s, on_status(&[Fault::MalformedJson]));
    assert!(c.payment_status(&id).await.is_ok(), "read again");
}

#[tokio::test]
async fn an_expired_token_is_renewed_once() {
    let s = sandbox(Faults {
        expire_tokens: 1,
        ..Faults::default()
    })
    .await;
    let c = bearer_client(&s);
    let before = c.access_token().await.unwrap();
    let id = payment(&c).await;
    let after = c.access_token().await.unwrap();
    assert_ne!(before.expose(), after.expose(), "a new token was fetched");
    assert_eq!(s.sandbox().payments().len(), 1);

    set(
        &s,
        Faults {
            expire_tokens: 1,
            ..Faults::default()
        },
    );
    assert!(c.payment_status(&id).await.is_ok());
}

#[tokio::test]
async fn a_token_refused_again_after_renewal_is_unauthorized() {
    let s = sandbox(Faults {
        expire_tokens: 2,
        ..Faults::default()
    })
    .await;
    let c = bearer_client(&s);
    let e = c.accept_payment(&request()).await.unwrap_err();
    assert!(matches!(e, AiiaError::Unauthorized { .. }), "{e:?}");
    assert!(!e.is_transient() && !e.payment_may_exist());
    assert!(s.sandbox().payments().is_empty());
    assert_eq!(
        s.sandbox().faults().expire_tokens,
        0,
        "renewed exactly once"
    );
}

#[tokio::test]
async fn token_failures_are_retried_and_then_block_the_call_before_it_is_sent() {
    let s = sandbox(Faults {
        token: [Fault::ServerError].into(),
        ..Faults::default()
    })
    .await;
    let c = bearer_client(&s);
    payment(&c).await;

    let s = sandbox(Faults {
        token: [
            Fault::ServerError,
            Fault::DropAfterCreate,
            Fault::MalformedJson,
        ]
        .into(),
        ..Faults::default()
    })
    .await;
    let c = bearer_client(&s);
    let e = c.accept_payment(&request()).await.unwrap_err();
    assert!(
        matches!(&e, AiiaError::Token { source } if matches!(**source, AiiaError::Malformed { .. })),
        "{e:?}"
    );
    assert!(e.is_transient());
    assert!(!e.payment_may_exist(), "the create call was never sent");
    assert!(s.sandbox().payments().is_empty());
}

#[tokio::test]
async fn basic_auth_never_needs_a_token() {
    let s = sandbox(Faults {
        token: [Fault::ServerError; 5].into(),
        expire_tokens: 5,
        ..Faults::default()
    })
    .await;
    let mut config = Config::new(
        s.base_url(),
        "sandbox-client",
        Secret::new("sandbox-secret"),
    );
    config.auth = AuthMode::Basic;
    let c = Client::with_jitter(config, Arc::new(NoJitter)).unwrap();
    payment(&c).await;
}
