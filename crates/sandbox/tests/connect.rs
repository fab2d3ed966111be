//! The Connect flow over real HTTP, as a browser and then the app walk through it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use kassa_sandbox::{ConnectTokenResponse, ErrorBody, Sandbox, SandboxConfig};
use reqwest::header::LOCATION;
use reqwest::{StatusCode, Url, redirect};

const CALLBACK: &str = "http://127.0.0.1:47615/connect/callback";

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
        ],
    )
    .unwrap()
    .to_string()
}

async fn trade(
    http: &reqwest::Client,
    base: &str,
    code: &str,
    redirect_uri: &str,
) -> reqwest::Response {
    http.post(format!("{base}/v1/oauth/token"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_merchant_picks_an_account_and_the_app_trades_the_code_for_its_destination() {
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
    assert_eq!(start.status(), StatusCode::FOUND);
    let picker = start.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(picker.starts_with("/sandbox/connect/"), "{picker}");

    let page = http.get(format!("{base}{picker}")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Connect a bank account"), "{html}");
    assert!(html.contains("payments:inbound"));
    assert!(html.contains("sandbox-destination") && html.contains("sandbox-savings"));

    let chosen = http
        .post(format!("{base}{picker}"))
        .form(&[("action", "connect"), ("account", "sandbox-savings")])
        .send()
        .await
        .unwrap();
    assert_eq!(chosen.status(), StatusCode::FOUND);
    let back = chosen.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(back.starts_with(CALLBACK), "{back}");
    let q = query_of(&back);
    assert_eq!(q["state"], "st-123");
    let code = q["code"].clone();

    // The picker is spent with the choice.
    let again = http.get(format!("{base}{picker}")).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_FOUND);

    let reply = trade(&http, &base, &code, CALLBACK).await;
    assert_eq!(reply.status(), StatusCode::OK);
    let token: ConnectTokenResponse = reply.json().await.unwrap();
    assert_eq!(token.destination_id, "sandbox-savings");
    assert_eq!(
        token.destination_name,
        "Sandbox Bank \u{b7} Savings account"
    );
    assert_eq!(token.scope, "payments:inbound");
    assert!(!token.access_token.is_empty());

    // A code is good once.
    let replay = trade(&http, &base, &code, CALLBACK).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    let body: ErrorBody = replay.json().await.unwrap();
    assert_eq!(body.code, "invalid_grant");
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

    // A scope that does not onboard a destination goes back as invalid_scope.
    let r = http
        .get(connect_url(&base, "sandbox-client", CALLBACK, "accounts"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND);
    let q = query_of(r.headers()[LOCATION].to_str().unwrap());
    assert_eq!(q["error"], "invalid_scope");

    // A made-up code is refused.
    let r = trade(&http, &base, "made-up", CALLBACK).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}
