//! Issue 13, part 3: the training bank on the shop's network. A phone opens the bank page
//! the code carries, and the sandbox's test and admin endpoints answer only on this computer
//! (enforced by the server on the peer's address).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use kassa_sandbox::{AcceptResponse, Sandbox, SandboxConfig};
use tower::ServiceExt;

fn accept_body() -> serde_json::Value {
    serde_json::json!({
        "destinationId": "sandbox-destination",
        "amount": 12.50,
        "currency": "DKK",
        "schemeId": "DanishDomesticCreditTransfer",
        "reference": "KASSA1",
        "redirectUrl": "http://127.0.0.1:4010/sandbox/done",
    })
}

/// One request through the router as the server hands it over, from `peer`.
async fn call(
    sandbox: &Sandbox,
    peer: &str,
    method: Method,
    path: &str,
    body: &str,
) -> (StatusCode, String) {
    let request = Request::builder()
        .header(header::CONTENT_TYPE, "application/json")
        .header(
            header::AUTHORIZATION,
            "Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=",
        );
    send(sandbox, peer, request.method(method).uri(path), body).await
}

/// `request` (with the host added) through the router from `peer`: its status and body.
async fn send(
    sandbox: &Sandbox,
    peer: &str,
    request: axum::http::request::Builder,
    body: &str,
) -> (StatusCode, String) {
    let peer: SocketAddr = peer.parse().unwrap();
    let mut request = request
        .header(header::HOST, "192.168.1.5:4010")
        .body(Body::from(body.to_owned()))
        .unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    let response = sandbox.router().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

const PHONE: &str = "192.168.1.40:51234";
const THIS_COMPUTER: &str = "127.0.0.1:40000";

#[tokio::test]
async fn a_phone_on_the_network_pays_but_cannot_steer_the_sandbox() {
    let sandbox = Sandbox::new(SandboxConfig::default());
    // The counter creates the payment (from this computer)...
    let (status, created) = call(
        &sandbox,
        THIS_COMPUTER,
        Method::POST,
        "/v2/payments/accept",
        &accept_body().to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let created: AcceptResponse = serde_json::from_str(&created).unwrap();
    let id = created.payment_id;

    // ...a phone on the network is refused every test and admin endpoint, with a reason...
    for (method, path, body) in [
        (Method::GET, "/sandbox/payments".to_owned(), ""),
        (Method::POST, format!("/sandbox/payments/{id}/fail"), ""),
        (Method::GET, "/sandbox/admin/faults".to_owned(), ""),
        (Method::PUT, "/sandbox/admin/faults".to_owned(), "{}"),
        (Method::GET, "/sandbox/admin/webhook".to_owned(), ""),
        (
            Method::PUT,
            "/sandbox/admin/webhook".to_owned(),
            r#"{"url":"http://192.168.1.40:9/x"}"#,
        ),
    ] {
        let (status, text) = call(&sandbox, PHONE, method.clone(), &path, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}: {text}");
        assert!(text.contains("answer only on this computer"), "{text}");
        assert!(text.contains("192.168.1.40"), "{text}");
        // The same from an IPv4-mapped IPv6 peer on the network.
        let (status, _) = call(&sandbox, "[::ffff:192.168.1.40]:1", method, &path, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(
        sandbox
            .payment(&id)
            .is_some_and(|p| p.status.to_string() != "Failed")
    );

    // ...and opens the bank page and approves, as the phone's browser does.
    let (status, page) = call(
        &sandbox,
        PHONE,
        Method::GET,
        &format!("/sandbox/authorize/{id}"),
        "",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Approve"), "{page}");
    let (status, approved) = call(
        &sandbox,
        PHONE,
        Method::POST,
        &format!("/sandbox/payments/{id}/approve"),
        "",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{approved}");

    // This computer still reaches them all.
    for (method, path) in [
        (Method::GET, "/sandbox/payments"),
        (Method::GET, "/sandbox/admin/faults"),
        (Method::GET, "/sandbox/admin/webhook"),
    ] {
        for peer in [THIS_COMPUTER, "[::1]:40000"] {
            let (status, text) = call(&sandbox, peer, method.clone(), path, "").await;
            assert_eq!(status, StatusCode::OK, "{peer} {path}: {text}");
        }
    }
}

#[tokio::test]
async fn without_a_known_peer_the_admin_endpoints_are_refused() {
    let sandbox = Sandbox::new(SandboxConfig::default());
    let request = Request::get("/sandbox/admin/faults")
        .body(Body::empty())
        .unwrap();
    let response = sandbox.router().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

/// Over a real socket: the server hands the peer's address to the guard (without it this
/// computer's own admin calls would be refused as well, see above).
#[tokio::test]
async fn over_a_real_socket_this_computer_reaches_the_admin_endpoints() {
    let running = Sandbox::new(SandboxConfig::default())
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap();
    let http = reqwest::Client::new();
    for path in ["/sandbox/payments", "/sandbox/admin/faults"] {
        let r = http
            .get(format!("{}{path}", running.base_url()))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
    }
    assert_eq!(running.phone_url(), None);
    running.shutdown().await;
}

/// `bind_lan` over real sockets, on a second loopback address standing for the shop's
/// network one (Linux routes all of 127.0.0.0/8 to this computer): one port on both, the
/// links carry the network address, and the computer's own address keeps answering.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn served_on_the_network_the_code_carries_the_network_address() {
    let lan = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
    let running = Sandbox::new(SandboxConfig::default())
        .bind_lan(lan, 0)
        .await
        .unwrap();
    let port = running.addr().port();
    assert_eq!(running.base_url(), format!("http://127.0.0.1:{port}"));
    let phones = format!("http://127.0.0.2:{port}");
    assert_eq!(running.phone_url(), Some(phones.as_str()));

    let http = reqwest::Client::new();
    // The counter calls on loopback; the link it gets back is the network one.
    let created: AcceptResponse = http
        .post(format!("{}/v2/payments/accept", running.base_url()))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .json(&accept_body())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        created.authorization_url,
        format!("{phones}/sandbox/authorize/{}", created.payment_id)
    );
    // The phone's side opens it there and approves.
    let page = http.get(&created.authorization_url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let approved = http
        .post(format!(
            "{phones}/sandbox/payments/{}/approve",
            created.payment_id
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), 200);
    let listed = http
        .get(format!("{}/sandbox/payments", running.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(listed.status(), 200);
    running.shutdown().await;
}

/// `GET path` from a phone whose browser asks for `accept_language`.
async fn phone_page(sandbox: &Sandbox, path: &str, accept_language: &str) -> (StatusCode, String) {
    let request = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, accept_language);
    send(sandbox, PHONE, request, "").await
}

#[tokio::test]
async fn the_phone_gets_the_bank_page_in_its_browsers_language() {
    let sandbox = Sandbox::new(SandboxConfig::default());
    let (status, created) = call(
        &sandbox,
        THIS_COMPUTER,
        Method::POST,
        "/v2/payments/accept",
        &accept_body().to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let id = serde_json::from_str::<AcceptResponse>(&created)
        .unwrap()
        .payment_id;
    let page = format!("/sandbox/authorize/{id}");
    let (status, da) = phone_page(&sandbox, &page, "da-DK,da;q=0.9,en;q=0.8").await;
    assert_eq!(status, StatusCode::OK);
    assert!(da.contains(r#"<html lang="da">"#), "{da}");
    assert!(da.contains(">Godkend</button>"), "{da}");
    let (_, sv) = phone_page(&sandbox, &page, "en;q=0.5, sv-SE").await;
    assert!(sv.contains(">Godkänn</button>"), "{sv}");
    // A language Kassa does not speak: English.
    let (_, de) = phone_page(&sandbox, &page, "de-DE,de;q=0.9").await;
    assert!(de.contains(">Approve</button>"), "{de}");
    let (status, missing) = phone_page(&sandbox, "/sandbox/authorize/nope", "nb-NO").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("Fant ikke betalingen"), "{missing}");
}
