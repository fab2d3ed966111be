//! The shared webhook fixture (docs/fixtures/webhook-delivery.json), which the sandbox's
//! signing code also produces, is accepted by the client's verifier in both signature schemes,
//! and any change to it is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use kassa_aiia::Secret;
use kassa_aiia::webhook::{self, EventKind, Scheme, WebhookError, WebhookHeaders};
use serde_json::Value;

fn fixture_json() -> Value {
    let path = format!(
        "{}/../../docs/fixtures/webhook-delivery.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn fixture() -> (Secret, WebhookHeaders, String) {
    let v = fixture_json();
    let h = &v["headers"];
    let text_of = |name: &str| h[name].as_str().unwrap().to_owned();
    let headers = WebhookHeaders {
        signature: text_of(webhook::SIGNATURE_HEADER),
        timestamp: text_of(webhook::TIMESTAMP_HEADER),
        event_id: text_of(webhook::EVENT_ID_HEADER),
        event_type: text_of(webhook::EVENT_TYPE_HEADER),
    };
    (
        Secret::new(v["secret"].as_str().unwrap()),
        headers,
        v["body"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn the_documented_delivery_verifies() {
    let (secret, headers, body) = fixture();
    let now: i64 = headers.timestamp.parse().unwrap();
    let event = webhook::verify(
        &secret,
        &headers,
        body.as_bytes(),
        now + 10,
        Duration::from_secs(300),
    )
    .unwrap();
    assert_eq!(event.id.as_deref(), Some(headers.event_id.as_str()));
    assert_eq!(event.event_type, "PaymentUpdated");
    assert_eq!(event.kind, EventKind::PaymentUpdated);
    assert_eq!(
        event.payment_id.as_deref(),
        Some("20200710.cys5ihh856sw7btuoimya551nh")
    );
    // The client's own signing gives the documented signature.
    assert_eq!(
        webhook::sign(
            &secret,
            &headers.timestamp,
            &headers.event_id,
            &headers.event_type,
            body.as_bytes()
        ),
        headers.signature
    );
}

#[test]
fn the_documented_delivery_changed_in_any_way_is_refused() {
    let (secret, headers, body) = fixture();
    let now: i64 = headers.timestamp.parse().unwrap();
    let check = |secret: &Secret, h: &WebhookHeaders, body: &str| {
        webhook::verify(secret, h, body.as_bytes(), now, Duration::from_secs(300))
    };
    let tampered_body = body.replace("cys5", "cys6");
    assert!(matches!(
        check(&secret, &headers, &tampered_body),
        Err(WebhookError::BadSignature)
    ));
    assert!(matches!(
        check(&Secret::new("not-the-secret"), &headers, &body),
        Err(WebhookError::BadSignature)
    ));
    // Replayed ten minutes later: refused as stale.
    assert!(matches!(
        webhook::verify(
            &secret,
            &headers,
            body.as_bytes(),
            now + 600,
            Duration::from_secs(300)
        ),
        Err(WebhookError::Stale { .. })
    ));
}

#[test]
fn the_documented_older_signature_verifies_and_a_change_is_refused() {
    let (secret, _, body) = fixture();
    let v = fixture_json();
    let signature = v["viiaHeaders"][webhook::VIIA_SIGNATURE_HEADER]
        .as_str()
        .unwrap();
    assert_eq!(webhook::sign_viia(&secret, body.as_bytes()), signature);
    let event = webhook::verify_viia(&secret, signature, body.as_bytes()).unwrap();
    assert_eq!(event.scheme, Scheme::Viia);
    assert_eq!(event.kind, EventKind::PaymentUpdated);
    assert_eq!(
        event.payment_id.as_deref(),
        Some("20200710.cys5ihh856sw7btuoimya551nh")
    );
    let tampered = body.replace("cys5", "cys6");
    assert!(matches!(
        webhook::verify_viia(&secret, signature, tampered.as_bytes()),
        Err(WebhookError::BadSignature)
    ));
}
