//! The Connect flow over real HTTP, as a browser and then the app walk through it: start with
//! `state` and PKCE, pick accounts, trade the code (JSON body, one minute, single use, the
//! verifier checked), read the accounts with the token, refresh it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use kassa_sandbox::{
    AccountsResponse, ConnectTokenResponse, ConnectedAccount, Faults, ManualClock, Sandbox,
    SandboxConfig,
};
use reqwest::header::LOCATION;
use reqwest::{StatusCode, Url, redirect};
use serde_json::{Value, json};

const CALLBACK: &str = "http://127.0.0.1:47615/connect/callback";
// RFC 7636 appendix B.
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

fn browser() -> reqwest::Client {
    // The test follows redirects itself, to look at each one.
    reqwest::Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

fn query_of(location: &str) -> HashMap<String, String> {
    Url::parse(location)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

fn connect_url(base: &str, client_id: &str, redirect_uri: &str, scope: &str) -> String {
    Url::parse_with_params(
        &format!("{base}/v1/oauth/connect"),
        &[
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
            ("scope", scope),
            ("response_type", "code"),
            ("state", "st-123"),
            ("code_challenge", CHALLENGE),
            ("code_challenge_method", "S256"),
        ],
    )
    .unwrap()
    .to_string()
}

/// Starts a flow, consents to `accounts` on the picker and returns the callback's query.
async fn consent(http: &reqwest::Client, base: &str, accounts: &[&str]) -> HashMap<String, String> {
    let start = http
        .get(connect_url(
            base,
            "sandbox-client",
            CALLBACK,
            "payments:inbound",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(start.status(), StatusCode::FOUND);
    let picker = start.headers()[LOCATION].to_str().unwrap().to_owned();
    let mut form = vec![("action", "connect")];
    form.extend(accounts.iter().map(|a| ("account", *a)));
    let chosen = http
        .post(format!("{base}{picker}"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(chosen.status(), StatusCode::FOUND);
    let back = chosen.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(back.starts_with(CALLBACK), "{back}");
    query_of(&back)
}

async fn trade(
    http: &reqwest::Client,
    base: &str,
    code: &str,
    verifier: &str,
) -> reqwest::Response {
    http.post(format!("{base}/v1/oauth/token"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .json(&json!({
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": CALLBACK,
            "code_verifier": verifier,
        }))
        .send()
        .await
        .unwrap()
}

async fn oauth_error_of(reply: reqwest::Response, status: StatusCode) -> (String, String) {
    assert_eq!(reply.status(), status);
    let body: Value = reply.json().await.unwrap();
    (
        body["error"].as_str().unwrap().to_owned(),
        body["error_description"].as_str().unwrap().to_owned(),
    )
}

async fn accounts_with(http: &reqwest::Client, base: &str, token: &str) -> reqwest::Response {
    http.get(format!("{base}/v1/accounts"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_merchant_picks_accounts_and_the_app_reads_them_with_the_token() {
    let running = Sandbox::new(SandboxConfig::default())
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = running.base_url().to_owned();
    let http = browser();

    let start = http
        .get(connect_url(
            &base,
            "sandbox-client",
            CALLBACK,
            "payments:inbound",
        ))
        .send()
        .await
        .unwrap();
    let picker = start.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(picker.starts_with("/sandbox/connect/"), "{picker}");
    let html = http
        .get(format!("{base}{picker}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Connect a bank account"), "{html}");
    assert!(html.contains("sandbox-destination") && html.contains("sandbox-savings"));
    assert!(
        html.contains(r#"type="checkbox""#),
        "several accounts can be chosen"
    );

    let q = consent(&http, &base, &["sandbox-destination", "sandbox-savings"]).await;
    assert_eq!(q["state"], "st-123");
    assert!(q["consentId"].starts_with("sbxconsent"), "{q:?}");

    let reply = trade(&http, &base, &q["code"], VERIFIER).await;
    assert_eq!(reply.status(), StatusCode::OK);
    assert_eq!(reply.headers()["cache-control"], "no-store");
    let token: ConnectTokenResponse = reply.json().await.unwrap();
    assert_eq!(token.token_type, "Bearer");
    assert_eq!(token.scope, "payments:inbound");
    assert!(!token.access_token.is_empty() && !token.refresh_token.is_empty());

    // The destinations come from GET /v1/accounts, with their names.
    let reply = accounts_with(&http, &base, &token.access_token).await;
    assert_eq!(reply.status(), StatusCode::OK);
    let listed: AccountsResponse = reply.json().await.unwrap();
    assert_eq!(
        listed.accounts,
        vec![
            ConnectedAccount {
                id: "sbxacc-sandbox-destination".into(),
                name: "Sandbox Bank \u{b7} Business account".into(),
                destination_id: "sandbox-destination".into(),
            },
            ConnectedAccount {
                id: "sbxacc-sandbox-savings".into(),
                name: "Sandbox Bank \u{b7} Savings account".into(),
                destination_id: "sandbox-savings".into(),
            },
        ]
    );
    let raw: Value = accounts_with(&http, &base, &token.access_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(raw["accounts"][1]["destinationId"], "sandbox-savings");

    // A code is good once.
    let (error, why) = oauth_error_of(
        trade(&http, &base, &q["code"], VERIFIER).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error, "invalid_grant");
    assert_eq!(why, "the code is unknown, used or expired");

    // Refresh: a new access token for the same consent; the old refresh token is spent.
    let refresh = |rt: String| {
        let http = http.clone();
        let base = base.clone();
        async move {
            http.post(format!("{base}/v1/oauth/token"))
                .basic_auth("sandbox-client", Some("sandbox-secret"))
                .json(&json!({"grant_type": "refresh_token", "refresh_token": rt}))
                .send()
                .await
                .unwrap()
        }
    };
    let renewed: ConnectTokenResponse = refresh(token.refresh_token.clone())
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(renewed.access_token, token.access_token);
    let listed: AccountsResponse = accounts_with(&http, &base, &renewed.access_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.accounts.len(), 2);
    let (error, _) =
        oauth_error_of(refresh(token.refresh_token).await, StatusCode::BAD_REQUEST).await;
    assert_eq!(error, "invalid_grant");

    // No token, or a made-up one: no accounts.
    let (error, _) = oauth_error_of(
        accounts_with(&http, &base, "made-up").await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(error, "invalid_token");
}

#[tokio::test]
async fn a_code_lives_one_minute_on_the_sandbox_clock() {
    let clock = Arc::new(ManualClock::new(1_700_000_000_000));
    let running = Sandbox::with_clock(SandboxConfig::default(), clock.clone())
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = running.base_url().to_owned();
    let http = browser();

    let q = consent(&http, &base, &["sandbox-savings"]).await;
    clock.advance(Duration::from_millis(59_999));
    assert_eq!(
        trade(&http, &base, &q["code"], VERIFIER).await.status(),
        StatusCode::OK,
        "still good just under a minute"
    );

    let q = consent(&http, &base, &["sandbox-savings"]).await;
    clock.advance(Duration::from_secs(60));
    let (error, why) = oauth_error_of(
        trade(&http, &base, &q["code"], VERIFIER).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(
        (error.as_str(), why.as_str()),
        ("invalid_grant", "the code is unknown, used or expired")
    );
}

#[tokio::test]
async fn a_wrong_verifier_is_invalid_grant_and_spends_the_code() {
    let running = Sandbox::new(SandboxConfig::default())
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = running.base_url().to_owned();
    let http = browser();
    let q = consent(&http, &base, &["sandbox-savings"]).await;
    let (error, why) = oauth_error_of(
        trade(&http, &base, &q["code"], &"A".repeat(43)).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error, "invalid_grant");
    assert_eq!(why, "code_verifier does not match the code_challenge");
    assert_eq!(
        trade(&http, &base, &q["code"], VERIFIER).await.status(),
        StatusCode::BAD_REQUEST,
        "an intercepted code tried with a wrong verifier is gone"
    );
}

#[tokio::test]
async fn the_connect_grants_take_json_and_a_form_is_refused_clearly() {
    let running = Sandbox::new(SandboxConfig::default())
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = running.base_url().to_owned();
    let http = browser();
    let q = consent(&http, &base, &["sandbox-savings"]).await;
    let reply = http
        .post(format!("{base}/v1/oauth/token"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", q["code"].as_str()),
            ("redirect_uri", CALLBACK),
            ("code_verifier", VERIFIER),
        ])
        .send()
        .await
        .unwrap();
    let (error, why) = oauth_error_of(reply, StatusCode::BAD_REQUEST).await;
    assert_eq!(error, "invalid_request");
    assert!(why.contains("takes a JSON body"), "{why}");
    // The form did not spend the code.
    assert_eq!(
        trade(&http, &base, &q["code"], VERIFIER).await.status(),
        StatusCode::OK
    );

    // Without HTTP Basic client credentials: invalid_client, as OAuth says.
    let reply = http
        .post(format!("{base}/v1/oauth/token"))
        .json(&json!({"grant_type": "authorization_code", "code": "x"}))
        .send()
        .await
        .unwrap();
    assert!(reply.headers().contains_key("www-authenticate"));
    let (error, _) = oauth_error_of(reply, StatusCode::UNAUTHORIZED).await;
    assert_eq!(error, "invalid_client");
}

#[tokio::test]
async fn an_injected_refusal_refuses_the_next_exchange_only() {
    let config = SandboxConfig {
        faults: Faults {
            refuse_codes: 1,
            ..Faults::default()
        },
        ..SandboxConfig::default()
    };
    let running = Sandbox::new(config)
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = running.base_url().to_owned();
    let http = browser();
    let q = consent(&http, &base, &["sandbox-savings"]).await;
    let (error, _) = oauth_error_of(
        trade(&http, &base, &q["code"], VERIFIER).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error, "invalid_grant");
    let q = consent(&http, &base, &["sandbox-savings"]).await;
    assert_eq!(
        trade(&http, &base, &q["code"], VERIFIER).await.status(),
        StatusCode::OK
    );
    assert!(
        Faults::from_json(r#"{"refuseCodes": 2}"#)
            .unwrap()
            .refuse_codes
            == 2
    );
}

#[tokio::test]
async fn cancelling_and_bad_requests_are_answered_the_oauth_way() {
    let running = Sandbox::new(SandboxConfig::default())
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = running.base_url().to_owned();
    let http = browser();

    // Cancel on the picker: back to the app with access_denied and the state.
    let start = http
        .get(connect_url(
            &base,
            "sandbox-client",
            CALLBACK,
            "payments:inbound",
        ))
        .send()
        .await
        .unwrap();
    let picker = start.headers()[LOCATION].to_str().unwrap().to_owned();
    let cancelled = http
        .post(format!("{base}{picker}"))
        .form(&[("action", "cancel")])
        .send()
        .await
        .unwrap();
    let q = query_of(cancelled.headers()[LOCATION].to_str().unwrap());
    assert_eq!(q["error"], "access_denied");
    assert_eq!(q["state"], "st-123");
    assert!(!q.contains_key("code"));

    // An unknown client or an unregistered redirect never leaves the service's page.
    for url in [
        connect_url(&base, "someone-else", CALLBACK, "payments:inbound"),
        connect_url(
            &base,
            "sandbox-client",
            "https://evil.example/cb",
            "payments:inbound",
        ),
    ] {
        let r = http.get(url).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        assert!(r.headers().get(LOCATION).is_none());
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("Cannot connect an account")
        );
    }

    // A scope that does not onboard a destination goes back as invalid_scope; a plain
    // PKCE method as invalid_request.
    let r = http
        .get(connect_url(&base, "sandbox-client", CALLBACK, "accounts"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND);
    assert_eq!(
        query_of(r.headers()[LOCATION].to_str().unwrap())["error"],
        "invalid_scope"
    );
    let plain = connect_url(&base, "sandbox-client", CALLBACK, "payments:inbound")
        .replace("code_challenge_method=S256", "code_challenge_method=plain");
    let r = http.get(plain).send().await.unwrap();
    assert_eq!(
        query_of(r.headers()[LOCATION].to_str().unwrap())["error"],
        "invalid_request"
    );

    // A made-up code is refused.
    let (error, _) = oauth_error_of(
        trade(&http, &base, "made-up", VERIFIER).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(error, "invalid_grant");
}
