//! The documented examples (docs/fixtures, from docs/aiia-wire.md) are produced and parsed
//! exactly by the client.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kassa_aiia::wire::{
    AcceptPaymentRequest, AcceptPaymentResponse, DecimalAmount, ErrorBody, PaymentStatus,
    PaymentStatusResponse, TokenResponse, scheme_for,
};
use kassa_money::{Currency, Money};

fn fixture(name: &str) -> String {
    let path = format!("{}/../../docs/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Drops the white space between JSON tokens, keeping the text of every token as written.
fn compact(json: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_accept_request_is_written_exactly_as_documented() {
    let request = AcceptPaymentRequest {
        destination_id: "sandbox-destination".into(),
        amount: DecimalAmount(Money::new(1250, Currency::Dkk)),
        currency: Currency::Dkk,
        scheme_id: scheme_for(Currency::Dkk).into(),
        reference: "KASSA4F2A91".into(),
        redirect_url: "https://kassa.local/return".into(),
        preselected_country: None,
    };
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        compact(&fixture("accept-request.json"))
    );
}

#[test]
fn the_documented_replies_are_read() {
    let created: AcceptPaymentResponse =
        serde_json::from_str(&fixture("accept-response.json")).unwrap();
    assert_eq!(created.payment_id, "20261125.cys5ihh856sw7btuoimya551nh");
    assert!(created.authorization_url.ends_with(&created.payment_id));

    // The object shape (the sandbox's default) and the flat one read the same.
    for name in ["status-response.json", "status-response-flat.json"] {
        let status: PaymentStatusResponse = serde_json::from_str(&fixture(name)).unwrap();
        assert_eq!(status.payment_id, created.payment_id, "{name}");
        assert_eq!(
            status.status,
            PaymentStatus::AwaitingAuthorization,
            "{name}"
        );
        assert_eq!(
            status.money(),
            Some(Money::new(1250, Currency::Dkk)),
            "{name}"
        );
        assert_eq!(status.reference.as_deref(), Some("KASSA4F2A91"), "{name}");
        assert_eq!(
            status.updated_at.as_deref(),
            Some("2026-11-25T10:00:12Z"),
            "{name}"
        );
    }

    let error: ErrorBody = serde_json::from_str(&fixture("error-response.json")).unwrap();
    assert_eq!(error.code.as_deref(), Some("InvalidAmount"));
    assert_eq!(error.trace_id.as_deref(), Some("4bf92f3577b34da6"));

    let token: TokenResponse = serde_json::from_str(&fixture("token-response.json")).unwrap();
    assert_eq!(
        (token.expires_in, token.token_type.as_deref()),
        (3600, Some("Bearer"))
    );
}

#[test]
fn compact_keeps_strings_and_numbers_as_written() {
    assert_eq!(
        compact("{ \"a b\" : 12.50 ,\n \"c\":\"\\\" x\" }"),
        "{\"a b\":12.50,\"c\":\"\\\" x\"}"
    );
}
