//! The sandbox driven over real HTTP on 127.0.0.1:0, with a manual clock so expiry and
//! settlement are tested without sleeping.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use kassa_sandbox::{
    AcceptResponse, ErrorBody, ManualClock, PaymentStatus, PaymentView, RunningSandbox, Sandbox,
    SandboxConfig, TokenResponse,
};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE, WWW_AUTHENTICATE};

const START_MS: i64 = 1_795_600_000_000; // 2026-11-25T09:46:40Z
const ID: &str = "sandbox-client";
const SECRET: &str = "sandbox-secret";

/// A documented request body, written as text so the amount keeps its exact digits.
const BODY: &str = r#"{
    "destinationId": "sandbox-destination",
    "amount": 12.50,
    "currency": "DKK",
    "schemeId": "DanishDomesticCreditTransfer",
    "reference": "KASSA4F2A91",
    "redirectUrl": "https://kassa.local/return",
    "preselectedCountry": "DK"
}"#;

struct Harness {
    running: RunningSandbox,
    clock: Arc<ManualClock>,
    http: reqwest::Client,
}

async fn start() -> Harness {
    start_with(SandboxConfig::default()).await
}

/// A sandbox that also issues `client_credentials` tokens (Kassa's not evidenced, opt-in
/// Bearer mode).
async fn start_with_grant() -> Harness {
    start_with(SandboxConfig {
        client_credentials: true,
        ..SandboxConfig::default()
    })
    .await
}

async fn start_with(config: SandboxConfig) -> Harness {
    let clock = Arc::new(ManualClock::new(START_MS));
    let sandbox = Sandbox::with_clock(config, clock.clone());
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let running = sandbox.bind(addr).await.unwrap();
    Harness {
        running,
        clock,
        http: reqwest::Client::new(),
    }
}

impl Harness {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.base_url())
    }

    fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    async fn token(&self) -> TokenResponse {
        let response = self
            .http
            .post(self.url("/v1/oauth/token"))
            .basic_auth(ID, Some(SECRET))
            .form(&[("grant_type", "client_credentials")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// `POST /v2/payments/accept` with HTTP Basic client credentials.
    async fn post_accept(&self, body: &str) -> reqwest::Response {
        self.http
            .post(self.url("/v2/payments/accept"))
            .basic_auth(ID, Some(SECRET))
            .header(CONTENT_TYPE, "application/json")
            .body(body.to_owned())
            .send()
            .await
            .unwrap()
    }

    async fn create(&self) -> AcceptResponse {
        let response = self.post_accept(BODY).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    async fn status(&self, payment_id: &str) -> PaymentView {
        let response = self.get_status(payment_id).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    async fn get_status(&self, payment_id: &str) -> reqwest::Response {
        self.http
            .get(self.url(&format!("/v2/payments/accept/{payment_id}")))
            .basic_auth(ID, Some(SECRET))
            .send()
            .await
            .unwrap()
    }

    /// A machine's `POST /sandbox/payments/{id}/{action}`.
    async fn act(&self, payment_id: &str, action: &str) -> reqwest::Response {
        self.http
            .post(self.url(&format!("/sandbox/payments/{payment_id}/{action}")))
            .send()
            .await
            .unwrap()
    }

    /// What a phone's browser does with the link.
    async fn open_page(&self, url: &str) -> (StatusCode, String) {
        let response = self
            .http
            .get(url)
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        let status = response.status();
        assert!(
            response.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        (status, response.text().await.unwrap())
    }

    /// A button on the bank page: a form post from a browser.
    async fn press(&self, payment_id: &str, action: &str) -> (StatusCode, String) {
        let response = self
            .http
            .post(self.url(&format!("/sandbox/payments/{payment_id}/{action}")))
            .header(ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    }
}

async fn error_of(response: reqwest::Response, status: StatusCode) -> ErrorBody {
    assert_eq!(response.status(), status);
    assert!(
        response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let body: ErrorBody = response.json().await.unwrap();
    assert!(!body.message.is_empty());
    assert_eq!(body.trace_id.len(), 32);
    body
}

#[tokio::test]
async fn token_accept_and_status_with_bearer() {
    let h = start_with_grant().await;
    let token = h.token().await;
    assert_eq!(token.token_type, "Bearer");
    assert_eq!(token.expires_in, 3600);

    let response = h
        .http
        .post(h.url("/v2/payments/accept"))
        .bearer_auth(&token.access_token)
        .header(CONTENT_TYPE, "application/json")
        .body(BODY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let created: AcceptResponse = response.json().await.unwrap();
    // Like the real service's ids: the creation day, a dot, 26 base-36 characters.
    let (day, rest) = created.payment_id.split_once('.').unwrap();
    assert_eq!(day, "20261125");
    assert_eq!(rest.len(), 26);
    assert!(
        rest.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    );
    assert_eq!(
        created.authorization_url,
        format!(
            "{}/sandbox/authorize/{}",
            h.running.base_url(),
            created.payment_id
        )
    );

    let response = h
        .http
        .get(h.url(&format!("/v2/payments/accept/{}", created.payment_id)))
        .bearer_auth(&token.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    assert_eq!(
        text,
        format!(
            r#"{{"id":"{}","destinationId":"sandbox-destination","amount":12.50,"currency":"DKK","reference":"KASSA4F2A91","createdAt":"2026-11-25T09:46:40.000Z","status":{{"code":"Initiated","lastUpdated":"2026-11-25T09:46:40.000Z"}}}}"#,
            created.payment_id
        )
    );
}

#[tokio::test]
async fn the_payer_opens_the_link_and_approves_on_the_page() {
    let h = start().await;
    let created = h.create().await;
    h.advance(Duration::from_secs(10));

    let (code, page) = h.open_page(&created.authorization_url).await;
    assert_eq!(code, StatusCode::OK);
    assert!(page.contains("Sandbox Bank"));
    assert!(page.contains("12,50\u{a0}kr."));
    assert!(page.contains("sandbox-destination"));
    assert!(page.contains("KASSA4F2A91"));
    assert!(page.contains(&format!("/sandbox/payments/{}/approve", created.payment_id)));
    let status = h.status(&created.payment_id).await;
    assert_eq!(status.status, PaymentStatus::AwaitingAuthorization);
    assert_eq!(status.updated_at, "2026-11-25T09:46:50.000Z");

    // Past the link's 60 s the open session still lives.
    h.advance(Duration::from_secs(100));
    let (code, page) = h.press(&created.payment_id, "approve").await;
    assert_eq!(code, StatusCode::OK);
    assert!(page.contains("Payment approved"));
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Authorized
    );

    h.advance(Duration::from_millis(299));
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Authorized
    );
    h.advance(Duration::from_millis(1));
    let done = h.status(&created.payment_id).await;
    assert_eq!(done.status, PaymentStatus::Executed);
    assert_eq!(done.amount_minor, 1250);
    assert_eq!(done.updated_at, "2026-11-25T09:48:30.300Z");

    // Reopening the link shows the outcome, without buttons.
    let (_, page) = h.open_page(&created.authorization_url).await;
    assert!(page.contains("Payment approved"));
    assert!(!page.contains("<form"));
}

#[tokio::test]
async fn machines_approve_without_opening_and_get_json() {
    let h = start().await;
    let created = h.create().await;
    let response = h.act(&created.payment_id, "approve").await;
    assert_eq!(response.status(), StatusCode::OK);
    let view: PaymentView = response.json().await.unwrap();
    assert_eq!(view.status, PaymentStatus::Authorized);
    assert_eq!(view.payment_id, created.payment_id);

    let again = h.act(&created.payment_id, "reject").await;
    let e = error_of(again, StatusCode::CONFLICT).await;
    assert_eq!(e.code, "PaymentAlreadyDecided");

    h.advance(Duration::from_millis(300));
    let final_again = h.act(&created.payment_id, "approve").await;
    assert_eq!(
        error_of(final_again, StatusCode::CONFLICT).await.code,
        "PaymentAlreadyDecided"
    );
}

#[tokio::test]
async fn the_payer_rejects_on_the_page() {
    let h = start().await;
    let created = h.create().await;
    h.open_page(&created.authorization_url).await;
    let (code, page) = h.press(&created.payment_id, "reject").await;
    assert_eq!(code, StatusCode::OK);
    assert!(page.contains("Payment rejected"));
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Rejected
    );

    // A second press on a stale page answers 409 and still shows the outcome.
    let (code, page) = h.press(&created.payment_id, "approve").await;
    assert_eq!(code, StatusCode::CONFLICT);
    assert!(page.contains("Payment rejected"));
    h.advance(Duration::from_secs(3600));
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Rejected
    );
}

#[tokio::test]
async fn the_bank_can_fail_a_payment() {
    let h = start().await;
    let created = h.create().await;
    h.act(&created.payment_id, "approve").await;
    let response = h.act(&created.payment_id, "fail").await;
    assert_eq!(response.status(), StatusCode::OK);
    h.advance(Duration::from_secs(1));
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Failed
    );
}

#[tokio::test]
async fn an_unopened_link_expires_after_a_minute() {
    let h = start().await;
    let created = h.create().await;
    h.advance(Duration::from_millis(59_999));
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Initiated
    );
    h.advance(Duration::from_millis(1));
    let expired = h.status(&created.payment_id).await;
    assert_eq!(expired.status, PaymentStatus::Expired);
    assert_eq!(expired.updated_at, "2026-11-25T09:47:40.000Z");

    let (code, page) = h.open_page(&created.authorization_url).await;
    assert_eq!(code, StatusCode::OK);
    assert!(page.contains("This payment link has expired \u{2014} ask the cashier for a new code"));
    assert!(!page.contains("<form"));
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Expired
    );

    let e = error_of(
        h.act(&created.payment_id, "approve").await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(e.code, "PaymentExpired");
    let (code, page) = h.press(&created.payment_id, "approve").await;
    assert_eq!(code, StatusCode::CONFLICT);
    assert!(page.contains("This payment link has expired"));
}

#[tokio::test]
async fn an_open_bank_session_expires_after_five_minutes() {
    let h = start().await;
    let late = h.create().await;
    let on_time = h.create().await;
    h.open_page(&late.authorization_url).await;
    h.open_page(&on_time.authorization_url).await;

    // A newer link replaced these long ago; approving the open session still works.
    h.advance(Duration::from_millis(299_999));
    let response = h.act(&on_time.payment_id, "approve").await;
    assert_eq!(response.status(), StatusCode::OK);

    h.advance(Duration::from_millis(1));
    assert_eq!(
        h.status(&late.payment_id).await.status,
        PaymentStatus::Expired
    );
    let e = error_of(
        h.act(&late.payment_id, "approve").await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(e.code, "PaymentExpired");
    assert_eq!(
        h.status(&on_time.payment_id).await.status,
        PaymentStatus::Authorized
    );
    h.advance(Duration::from_millis(300));
    assert_eq!(
        h.status(&on_time.payment_id).await.status,
        PaymentStatus::Executed
    );
}

#[tokio::test]
async fn basic_is_the_way_in_and_the_client_credentials_grant_is_refused_by_default() {
    let h = start().await;
    // No public source shows the real service offering this grant for v2 payments.
    let response = h
        .http
        .post(h.url("/v1/oauth/token"))
        .basic_auth(ID, Some(SECRET))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    let e = error_of(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(e.code, "unsupported_grant_type");
    // HTTP Basic on the payment endpoints needs no token at all.
    let created = h.create().await;
    assert_eq!(
        h.status(&created.payment_id).await.status,
        PaymentStatus::Initiated
    );
}

#[tokio::test]
async fn credentials_are_checked() {
    let h = start().await;

    // Token endpoint: wrong secret, no credentials.
    let response = h
        .http
        .post(h.url("/v1/oauth/token"))
        .basic_auth(ID, Some("wrong"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert!(response.headers().contains_key(WWW_AUTHENTICATE));
    assert_eq!(
        error_of(response, StatusCode::UNAUTHORIZED).await.code,
        "invalid_client"
    );
    let response = h
        .http
        .post(h.url("/v1/oauth/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(response, StatusCode::UNAUTHORIZED).await.code,
        "invalid_client"
    );

    // Token endpoint: wrong or missing grant.
    let response = h
        .http
        .post(h.url("/v1/oauth/token"))
        .basic_auth(ID, Some(SECRET))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .unwrap();
    let e = error_of(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(e.code, "unsupported_grant_type");
    let response = h
        .http
        .post(h.url("/v1/oauth/token"))
        .basic_auth(ID, Some(SECRET))
        .form(&[("scope", "payments")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(response, StatusCode::BAD_REQUEST).await.code,
        "invalid_request"
    );

    // API: nothing, a made-up token, wrong Basic credentials.
    let bare = h
        .http
        .post(h.url("/v2/payments/accept"))
        .body(BODY)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(bare, StatusCode::UNAUTHORIZED).await.code,
        "Unauthorized"
    );
    let made_up = h
        .http
        .get(h.url("/v2/payments/accept/anything"))
        .bearer_auth("made-up")
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(made_up, StatusCode::UNAUTHORIZED).await.code,
        "Unauthorized"
    );
    let wrong_basic = h
        .http
        .post(h.url("/v2/payments/accept"))
        .basic_auth("someone", Some(SECRET))
        .body(BODY)
        .send()
        .await
        .unwrap();
    assert_eq!(
        error_of(wrong_basic, StatusCode::UNAUTHORIZED).await.code,
        "Unauthorized"
    );
    assert!(h.running.sandbox().payments().is_empty());
}

#[tokio::test]
async fn tokens_expire() {
    let h = start_with_grant().await;
    let token = h.token().await;
    let get = || {
        h.http
            .get(h.url("/v2/payments/accept/unknown"))
            .bearer_auth(&token.access_token)
            .send()
    };
    // Authenticated: the unknown payment is a 404, not a 401.
    assert_eq!(get().await.unwrap().status(), StatusCode::NOT_FOUND);
    h.advance(Duration::from_secs(3600));
    assert_eq!(
        error_of(get().await.unwrap(), StatusCode::UNAUTHORIZED)
            .await
            .code,
        "Unauthorized"
    );
}

#[tokio::test]
async fn bad_requests_name_the_problem() {
    let h = start().await;
    let with = |field: &str, value: &str| {
        let mut body: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(BODY).unwrap();
        body.insert(field.into(), serde_json::from_str(value).unwrap());
        serde_json::to_string(&body).unwrap()
    };
    let without = |field: &str| {
        let mut body: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(BODY).unwrap();
        body.remove(field);
        serde_json::to_string(&body).unwrap()
    };
    let cases = [
        ("{\"destinationId\": ".to_owned(), "InvalidJson"),
        ("[1, 2]".to_owned(), "InvalidJson"),
        (without("amount"), "MissingField"),
        (without("reference"), "MissingField"),
        (with("currency", "1"), "InvalidField"),
        (
            with("destinationId", "\"someone-else\""),
            "UnknownDestination",
        ),
        (with("currency", "\"USD\""), "InvalidCurrency"),
        (with("schemeId", "\"SepaCreditTransfer\""), "InvalidScheme"),
        (with("amount", "0"), "InvalidAmount"),
        (with("amount", "-5"), "InvalidAmount"),
        (with("amount", "\"12.50\""), "InvalidAmount"),
        (BODY.replace("12.50", "12.505"), "InvalidAmount"),
        (with("reference", "\"KASSA 1\""), "InvalidReference"),
        (
            with("reference", "\"ABCDEFGHIJKLMNOPQRS\""),
            "InvalidReference",
        ),
        (
            with("redirectUrl", "\"kassa://return\""),
            "InvalidRedirectUrl",
        ),
        (with("preselectedCountry", "\"DE\""), "InvalidCountry"),
    ];
    for (body, code) in cases {
        let e = error_of(h.post_accept(&body).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(e.code, code, "{body}");
    }
    let e = error_of(
        h.post_accept(&BODY.replace("12.50", "0.001")).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        e.message,
        "amount must be greater than 0 with at most 2 decimals"
    );
    assert!(h.running.sandbox().payments().is_empty());

    // Each currency with its own scheme is fine.
    for (currency, scheme) in [
        ("SEK", "SwedishDomesticCreditTransfer"),
        ("NOK", "NorwegianDomesticCreditTransfer"),
        ("EUR", "SepaCreditTransfer"),
    ] {
        let body = BODY
            .replace("DKK", currency)
            .replace("DanishDomesticCreditTransfer", scheme);
        assert_eq!(
            h.post_accept(&body).await.status(),
            StatusCode::OK,
            "{currency}"
        );
    }
}

#[tokio::test]
async fn unknown_payments_and_routes_are_404() {
    let h = start().await;
    let e = error_of(h.get_status("no-such-payment").await, StatusCode::NOT_FOUND).await;
    assert_eq!(e.code, "PaymentNotFound");
    for action in ["approve", "reject", "fail"] {
        let e = error_of(
            h.act("no-such-payment", action).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(e.code, "PaymentNotFound");
    }
    let (code, page) = h
        .open_page(&h.url("/sandbox/authorize/no-such-payment"))
        .await;
    assert_eq!(code, StatusCode::NOT_FOUND);
    assert!(page.contains("Payment not found"));

    let missing = h.http.get(h.url("/v3/nothing")).send().await.unwrap();
    assert_eq!(
        error_of(missing, StatusCode::NOT_FOUND).await.code,
        "NotFound"
    );
    let wrong_method = h
        .http
        .get(h.url("/v2/payments/accept"))
        .send()
        .await
        .unwrap();
    let e = error_of(wrong_method, StatusCode::METHOD_NOT_ALLOWED).await;
    assert_eq!(e.code, "MethodNotAllowed");
}

#[tokio::test]
async fn programmatic_actions_and_http_agree() {
    let h = start().await;
    let a = h.create().await;
    let b = h.create().await;
    let sandbox = h.running.sandbox();
    assert_eq!(
        sandbox.open(&a.payment_id).unwrap().status,
        PaymentStatus::AwaitingAuthorization
    );
    assert_eq!(
        sandbox.reject(&b.payment_id).unwrap().status,
        PaymentStatus::Rejected
    );
    assert_eq!(
        h.status(&a.payment_id).await.status,
        PaymentStatus::AwaitingAuthorization
    );
    assert_eq!(
        h.status(&b.payment_id).await,
        sandbox.payment(&b.payment_id).unwrap()
    );

    let listed: Vec<PaymentView> = h
        .http
        .get(h.url("/sandbox/payments"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed, sandbox.payments());
    let ids: Vec<&str> = listed.iter().map(|p| p.payment_id.as_str()).collect();
    assert_eq!(ids, [a.payment_id.as_str(), b.payment_id.as_str()]);
}

#[tokio::test]
async fn shutdown_stops_the_server() {
    let h = start().await;
    let url = h.url("/sandbox/payments");
    assert!(h.http.get(&url).send().await.unwrap().status().is_success());
    h.running.shutdown().await;
    let fresh = reqwest::Client::new();
    assert!(fresh.get(&url).send().await.is_err());
}
