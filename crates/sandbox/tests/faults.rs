//! Injected faults over real HTTP on 127.0.0.1:0: the admin endpoint, and what each fault
//! does to a call.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use kassa_sandbox::{
    Customer, ErrorBody, Fault, Faults, ManualClock, PaymentStatus, RunningSandbox, Sandbox,
    SandboxConfig, TokenResponse,
};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};

const START_MS: i64 = 1_795_600_000_000;
const ID: &str = "sandbox-client";
const SECRET: &str = "sandbox-secret";
const BODY: &str = r#"{"destinationId":"sandbox-destination","amount":12.50,"currency":"DKK",
    "schemeId":"DanishDomesticCreditTransfer","reference":"KASSA1","redirectUrl":"https://kassa.local/return"}"#;

async fn start(faults: Faults) -> (RunningSandbox, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(START_MS));
    let config = SandboxConfig {
        faults,
        // The token faults need the (not evidenced, opt-in) client_credentials grant.
        client_credentials: true,
        ..SandboxConfig::default()
    };
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let running = Sandbox::with_clock(config, clock.clone())
        .bind(addr)
        .await
        .unwrap();
    (running, clock)
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap()
}

async fn accept(s: &RunningSandbox) -> Result<reqwest::Response, reqwest::Error> {
    http()
        .post(format!("{}/v2/payments/accept", s.base_url()))
        .basic_auth(ID, Some(SECRET))
        .header(CONTENT_TYPE, "application/json")
        .body(BODY)
        .send()
        .await
}

async fn token(s: &RunningSandbox) -> TokenResponse {
    http()
        .post(format!("{}/v1/oauth/token", s.base_url()))
        .basic_auth(ID, Some(SECRET))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn status_with_bearer(s: &RunningSandbox, id: &str, token: &str) -> reqwest::Response {
    http()
        .get(format!("{}/v2/payments/accept/{id}", s.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_admin_endpoint_reads_and_replaces_the_faults() {
    let (s, _) = start(Faults::default()).await;
    let url = format!("{}/sandbox/admin/faults", s.base_url());
    let got: serde_json::Value = http().get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(got["latencyMs"], 0);
    assert_eq!(got["accept"], serde_json::json!([]));

    let reply = http()
        .put(&url)
        .header(CONTENT_TYPE, "application/json")
        .body(r#"{"accept": ["rateLimit"], "retryAfterS": 7, "customer": "neverApproves"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    let now = s.sandbox().faults();
    assert_eq!(now.accept, [Fault::RateLimit]);
    assert_eq!(now.retry_after_s, 7);
    assert_eq!(now.customer, Customer::NeverApproves);

    let refused = http()
        .put(&url)
        .body(r#"{"accept": ["explode"]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let body: ErrorBody = refused.json().await.unwrap();
    assert_eq!(body.code, "InvalidFaults");
    assert!(body.message.contains("explode"), "{}", body.message);
    assert_eq!(
        s.sandbox().faults().accept,
        [Fault::RateLimit],
        "a bad set changes nothing"
    );
}

#[tokio::test]
async fn error_faults_answer_with_the_documented_body_and_do_nothing() {
    let (s, _) = start(Faults {
        accept: [
            Fault::ServerError,
            Fault::Unavailable,
            Fault::RateLimit,
            Fault::TokenExpired,
        ]
        .into(),
        retry_after_s: 3,
        ..Faults::default()
    })
    .await;
    for (status, code, retry_after) in [
        (500, "InternalServerError", None),
        (503, "ServiceUnavailable", Some("3")),
        (429, "TooManyRequests", Some("3")),
        (401, "Unauthorized", None),
    ] {
        let reply = accept(&s).await.unwrap();
        assert_eq!(reply.status().as_u16(), status);
        assert_eq!(
            reply
                .headers()
                .get(RETRY_AFTER)
                .map(|v| v.to_str().unwrap()),
            retry_after
        );
        let body: ErrorBody = reply.json().await.unwrap();
        assert_eq!(body.code, code);
    }
    assert!(s.sandbox().payments().is_empty(), "no fault made a payment");
    assert_eq!(accept(&s).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn a_dropped_reply_still_creates_the_payment() {
    let (s, _) = start(Faults {
        accept: [Fault::DropAfterCreate].into(),
        ..Faults::default()
    })
    .await;
    let e = accept(&s).await.unwrap_err();
    assert!(!e.is_connect() && !e.is_timeout(), "{e:?}");
    let made = s.sandbox().payments();
    assert_eq!(made.len(), 1, "the payment exists although no reply came");
    assert_eq!(made[0].reference, "KASSA1");
}

#[tokio::test]
async fn malformed_json_is_a_success_status_with_half_a_body() {
    let (s, _) = start(Faults {
        accept: [Fault::MalformedJson].into(),
        ..Faults::default()
    })
    .await;
    let reply = accept(&s).await.unwrap();
    assert_eq!(reply.status(), StatusCode::OK);
    let text = reply.text().await.unwrap();
    assert!(text.starts_with("{\"paymentId\""), "{text}");
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
    assert_eq!(s.sandbox().payments().len(), 1);
}

#[tokio::test]
async fn a_timeout_holds_the_request_past_the_clients_patience() {
    let (s, _) = start(Faults {
        status: [Fault::Timeout].into(),
        hold_ms: 10_000,
        ..Faults::default()
    })
    .await;
    let t = token(&s).await;
    let e = http()
        .get(format!("{}/v2/payments/accept/x", s.base_url()))
        .bearer_auth(&t.access_token)
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .unwrap_err();
    assert!(e.is_timeout(), "{e:?}");
}

#[tokio::test]
async fn expired_tokens_are_refused_and_revoked_then_new_ones_work() {
    let (s, _) = start(Faults {
        expire_tokens: 1,
        ..Faults::default()
    })
    .await;
    let t = token(&s).await;
    let reply = status_with_bearer(&s, "nope", &t.access_token).await;
    assert_eq!(reply.status(), StatusCode::UNAUTHORIZED);
    let body: ErrorBody = reply.json().await.unwrap();
    assert!(body.message.contains("expired"), "{}", body.message);
    let again = status_with_bearer(&s, "nope", &t.access_token).await;
    assert_eq!(
        again.status(),
        StatusCode::UNAUTHORIZED,
        "the token is gone"
    );
    let fresh = token(&s).await;
    let reply = status_with_bearer(&s, "nope", &fresh.access_token).await;
    assert_eq!(reply.status(), StatusCode::NOT_FOUND, "a new token works");
}

#[tokio::test]
async fn a_customer_who_never_approves_opens_the_link_and_lets_it_expire() {
    let (s, clock) = start(Faults {
        customer: Customer::NeverApproves,
        customer_delay_ms: 1_000,
        ..Faults::default()
    })
    .await;
    accept(&s).await.unwrap();
    let id = s.sandbox().payments()[0].payment_id.clone();
    let status = |s: &RunningSandbox| s.sandbox().payment(&id).unwrap().status;
    assert_eq!(status(&s), PaymentStatus::Initiated);
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&s), PaymentStatus::AwaitingAuthorization);
    clock.advance(Duration::from_secs(299));
    assert_eq!(status(&s), PaymentStatus::AwaitingAuthorization);
    clock.advance(Duration::from_secs(1));
    assert_eq!(status(&s), PaymentStatus::Expired);
}

#[tokio::test]
async fn a_bank_that_rejects_turns_approvals_into_rejections() {
    let (s, clock) = start(Faults {
        bank_rejects: true,
        ..Faults::default()
    })
    .await;
    accept(&s).await.unwrap();
    let id = s.sandbox().payments()[0].payment_id.clone();
    assert_eq!(
        s.sandbox().approve(&id).unwrap().status,
        PaymentStatus::Rejected
    );

    s.sandbox().set_faults(Faults {
        customer: Customer::Approves,
        customer_delay_ms: 500,
        bank_rejects: true,
        ..Faults::default()
    });
    accept(&s).await.unwrap();
    let id = s.sandbox().payments()[1].payment_id.clone();
    clock.advance(Duration::from_millis(500));
    assert_eq!(
        s.sandbox().payment(&id).unwrap().status,
        PaymentStatus::Rejected
    );
}

#[tokio::test]
async fn an_approving_customer_pays_by_themselves() {
    let (s, clock) = start(Faults {
        customer: Customer::Approves,
        ..Faults::default()
    })
    .await;
    accept(&s).await.unwrap();
    let id = s.sandbox().payments()[0].payment_id.clone();
    assert_eq!(
        s.sandbox().payment(&id).unwrap().status,
        PaymentStatus::Authorized
    );
    clock.advance(Duration::from_millis(300));
    assert_eq!(
        s.sandbox().payment(&id).unwrap().status,
        PaymentStatus::Executed
    );
}

#[tokio::test]
async fn pages_and_machine_endpoints_are_never_disturbed() {
    let (s, _) = start(Faults {
        random: Some(kassa_sandbox::RandomFaults {
            seed: 3,
            percent: 100,
            faults: vec![Fault::ServerError],
            endpoints: vec![kassa_sandbox::Endpoint::Status],
        }),
        ..Faults::default()
    })
    .await;
    assert_eq!(accept(&s).await.unwrap().status(), StatusCode::OK);
    let id = s.sandbox().payments()[0].payment_id.clone();
    let list = http()
        .get(format!("{}/sandbox/payments", s.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), StatusCode::OK);
    let approve = http()
        .post(format!("{}/sandbox/payments/{id}/approve", s.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(approve.status(), StatusCode::OK);
    let t = token(&s).await;
    let status = status_with_bearer(&s, &id, &t.access_token).await;
    assert_eq!(status.status(), StatusCode::INTERNAL_SERVER_ERROR);
}
