//! The client against Kassa's sandbox on a random loopback port.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr};

use kassa_aiia::wire::{AcceptPaymentRequest, DecimalAmount, PaymentStatus, scheme_for};
use kassa_aiia::{AiiaError, AuthMode, Client, Config, Secret};
use kassa_money::{Currency, Money};
use kassa_sandbox::{RunningSandbox, Sandbox, SandboxConfig, StatusShape};

async fn sandbox() -> RunningSandbox {
    sandbox_with(SandboxConfig {
        // Also issues tokens for the opt-in, not evidenced Bearer mode.
        client_credentials: true,
        ..SandboxConfig::default()
    })
    .await
}

async fn sandbox_with(config: SandboxConfig) -> RunningSandbox {
    Sandbox::new(config)
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap()
}

fn client(base: &str, auth: AuthMode) -> Client {
    let mut c = Config::new(base, "sandbox-client", Secret::new("sandbox-secret"));
    c.auth = auth;
    Client::new(c).unwrap()
}

fn request(minor: i64, currency: Currency) -> AcceptPaymentRequest {
    AcceptPaymentRequest {
        destination_id: "sandbox-destination".into(),
        amount: DecimalAmount(Money::new(minor, currency)),
        currency,
        scheme_id: scheme_for(currency).into(),
        reference: "KASSATEST1".into(),
        redirect_url: "https://kassa.invalid/paid".into(),
        preselected_country: None,
    }
}

#[tokio::test]
async fn creates_and_reads_a_payment_with_either_auth_mode() {
    let s = sandbox().await;
    for auth in [AuthMode::Bearer, AuthMode::Basic] {
        let c = client(s.base_url(), auth);
        let created = c
            .accept_payment(&request(1999, Currency::Nok))
            .await
            .unwrap();
        assert!(created.authorization_url.starts_with(s.base_url()));
        let status = c.payment_status(&created.payment_id).await.unwrap();
        assert_eq!(status.status, PaymentStatus::Initiated);
        assert_eq!(
            status.money(),
            Some(Money::new(1999, Currency::Nok)),
            "amount kept exactly"
        );
        s.sandbox().approve(&created.payment_id).unwrap();
        let status = c.payment_status(&created.payment_id).await.unwrap();
        assert_eq!(status.status, PaymentStatus::Authorized);
    }
}

#[tokio::test]
async fn the_client_reads_the_sandbox_in_both_status_shapes_with_the_banks_reason() {
    for shape in [StatusShape::Object, StatusShape::Flat] {
        let s = sandbox_with(SandboxConfig {
            status_shape: shape,
            ..SandboxConfig::default()
        })
        .await;
        // The default: HTTP Basic, no token.
        let c = Client::new(Config::new(
            s.base_url(),
            "sandbox-client",
            Secret::new("sandbox-secret"),
        ))
        .unwrap();
        // The sandbox answers the create with 200 and an id like the real service's.
        let created = c
            .accept_payment(&request(1250, Currency::Dkk))
            .await
            .unwrap();
        assert_eq!(
            created
                .payment_id
                .split_once('.')
                .map(|(d, r)| (d.len(), r.len())),
            Some((8, 26))
        );
        let status = c.payment_status(&created.payment_id).await.unwrap();
        assert_eq!(status.payment_id, created.payment_id, "{shape:?}");
        assert_eq!(status.status, PaymentStatus::Initiated, "{shape:?}");
        assert_eq!(
            status.money(),
            Some(Money::new(1250, Currency::Dkk)),
            "{shape:?}"
        );
        assert!(status.updated_at.is_some(), "{shape:?}");
        s.sandbox().reject(&created.payment_id).unwrap();
        let status = c.payment_status(&created.payment_id).await.unwrap();
        assert_eq!(status.status, PaymentStatus::Rejected, "{shape:?}");
        match shape {
            StatusShape::Object => {
                assert_eq!(status.reason.as_deref(), Some("RejectedByPayer"));
                assert_eq!(
                    status.description.as_deref(),
                    Some("the payer rejected the payment in their bank")
                );
            }
            StatusShape::Flat => assert_eq!((status.reason, status.description), (None, None)),
        }
    }
}

#[tokio::test]
async fn the_default_is_basic_and_a_sandbox_refuses_the_unevidenced_token_grant() {
    assert_eq!(AuthMode::default(), AuthMode::Basic);
    let s = sandbox_with(SandboxConfig::default()).await;
    let c = client(s.base_url(), AuthMode::Bearer);
    // The OAuth error body is read into a readable message.
    match c.access_token().await {
        Err(AiiaError::Rejected {
            status: 400,
            code,
            message,
        }) => {
            assert_eq!(code, "unsupported_grant_type");
            assert!(message.contains("not supported"), "{message}");
        }
        other => panic!("expected the grant to be refused, got {other:?}"),
    }
    let c = client(s.base_url(), AuthMode::Basic);
    assert!(c.accept_payment(&request(100, Currency::Dkk)).await.is_ok());
}

#[tokio::test]
async fn the_token_is_cached() {
    let s = sandbox().await;
    let c = client(s.base_url(), AuthMode::Bearer);
    let a = c.access_token().await.unwrap();
    let b = c.access_token().await.unwrap();
    assert_eq!(a.expose(), b.expose());
}

#[tokio::test]
async fn refusals_keep_the_services_code_and_message() {
    let s = sandbox().await;
    let c = client(s.base_url(), AuthMode::Bearer);
    let mut bad = request(100, Currency::Dkk);
    bad.destination_id = "nobody".into();
    match c.accept_payment(&bad).await {
        Err(AiiaError::Rejected {
            status: 400, code, ..
        }) => assert_eq!(code, "UnknownDestination"),
        other => panic!("expected a 400 refusal, got {other:?}"),
    }
    match c.payment_status("no-such-payment").await {
        Err(AiiaError::NotFound(id)) => assert_eq!(id, "no-such-payment"),
        other => panic!("expected NotFound, got {other:?}"),
    }
    let wrong = Client::new(Config::new(
        s.base_url(),
        "sandbox-client",
        Secret::new("nope"),
    ))
    .unwrap();
    let e = wrong
        .accept_payment(&request(100, Currency::Dkk))
        .await
        .unwrap_err();
    assert!(matches!(e, AiiaError::Unauthorized { .. }), "{e:?}");
    assert!(!e.is_transient() && !e.payment_may_exist());
}

#[tokio::test]
async fn a_dead_address_is_a_network_error_that_made_no_payment() {
    let s = sandbox().await;
    let base = s.base_url().to_owned();
    s.shutdown().await;
    let c = client(&base, AuthMode::Basic);
    let e = c
        .accept_payment(&request(100, Currency::Dkk))
        .await
        .unwrap_err();
    assert!(matches!(e, AiiaError::Network { .. }), "{e:?}");
    assert!(e.is_transient());
    assert!(!e.payment_may_exist(), "a refused connection sent nothing");
    assert!(
        e.to_string()
            .starts_with("cannot reach the payment service at"),
        "{e}"
    );
}
