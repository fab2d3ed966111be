//! The sandbox accepts the documented request and answers in the documented shapes
//! (docs/fixtures, from docs/aiia-wire.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::net::{Ipv4Addr, SocketAddr};

use kassa_sandbox::{Sandbox, SandboxConfig, StatusShape};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = format!("{}/../../docs/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

#[tokio::test]
async fn documented_request_in_documented_replies_out() {
    documented_replies(StatusShape::Object, "status-response.json").await;
}

#[tokio::test]
async fn the_flat_status_shape_is_the_documented_flat_one() {
    documented_replies(StatusShape::Flat, "status-response-flat.json").await;
}

async fn documented_replies(shape: StatusShape, status_fixture: &str) {
    let running = Sandbox::new(SandboxConfig {
        status_shape: shape,
        client_credentials: true,
        ..SandboxConfig::default()
    })
    .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
    .await
    .unwrap();
    let http = reqwest::Client::new();
    let base = running.base_url();

    let reply = http
        .post(format!("{base}/v2/payments/accept"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .header("content-type", "application/json")
        .body(fixture("accept-request.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let created: Value = reply.json().await.unwrap();
    let documented: Value = serde_json::from_str(&fixture("accept-response.json")).unwrap();
    assert_eq!(keys(&created), keys(&documented));
    let id = created["paymentId"].as_str().unwrap();

    running.sandbox().open(id).unwrap();
    let text = http
        .get(format!("{base}/v2/payments/accept/{id}"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("\"amount\":12.50"),
        "the amount keeps its exact text: {text}"
    );
    let status: Value = serde_json::from_str(&text).unwrap();
    let documented: Value = serde_json::from_str(&fixture(status_fixture)).unwrap();
    assert_eq!(keys(&status), keys(&documented));
    for k in ["currency", "reference", "destinationId"] {
        assert_eq!(status[k], documented[k], "{k}");
    }
    match shape {
        StatusShape::Object => {
            assert_eq!(status["id"], id);
            assert_eq!(keys(&status["status"]), keys(&documented["status"]));
            assert_eq!(status["status"]["code"], documented["status"]["code"]);
        }
        StatusShape::Flat => {
            assert_eq!(status["paymentId"], id);
            assert_eq!(status["status"], documented["status"]);
        }
    }

    let bad = fixture("accept-request.json").replace("12.50", "0");
    let reply = http
        .post(format!("{base}/v2/payments/accept"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .header("content-type", "application/json")
        .body(bad)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 400);
    let error: Value = reply.json().await.unwrap();
    let documented: Value = serde_json::from_str(&fixture("error-response.json")).unwrap();
    assert_eq!(keys(&error), keys(&documented));
    assert_eq!(error["code"], "InvalidAmount");

    let token: Value = http
        .post(format!("{base}/v1/oauth/token"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let documented: Value = serde_json::from_str(&fixture("token-response.json")).unwrap();
    assert_eq!(keys(&token), keys(&documented));
}
