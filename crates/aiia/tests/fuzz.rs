//! Fuzzing with proptest (cargo-fuzz needs a nightly toolchain): malformed API replies and
//! webhook deliveries, as arbitrary bytes and as mutations of valid ones. Nothing panics;
//! everything is either read correctly or refused with an error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use kassa_aiia::retry::RetryPolicy;
use kassa_aiia::webhook::{WebhookError, WebhookHeaders, verify};
use kassa_aiia::wire::{
    AcceptPaymentResponse, DecimalAmount, ErrorBody, PaymentStatus, PaymentStatusResponse,
    TokenResponse,
};
use kassa_aiia::{AuthMode, Client, Config, Secret};
use proptest::prelude::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const STATUS: &str = r#"{"paymentId":"0b8f0e0c-1","status":"AwaitingAuthorization","amount":12.50,"currency":"DKK","reference":"KASSA4F2A91","destinationId":"d","createdAt":"2026-11-25T10:00:00Z","updatedAt":"2026-11-25T10:00:12Z"}"#;
const ACCEPT: &str =
    r#"{"paymentId":"0b8f0e0c-1","authorizationUrl":"https://bank.test/authorize/0b8f0e0c-1"}"#;
const TOKEN: &str = r#"{"access_token":"t","token_type":"Bearer","expires_in":3600}"#;
const ERROR: &str =
    r#"{"code":"InvalidAmount","message":"amount must be more than 0","traceId":"x"}"#;
const WEBHOOK: &str = r#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"20200710.cys5ihh856sw7btuoimya551nh"},"event":"PaymentUpdated"}}"#;

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1usize..12).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        // Structural: swap a token for another JSON value.
        (
            any::<usize>(),
            prop::sample::select(vec![
                &b"null"[..],
                b"{}",
                b"[]",
                b"\"\"",
                b"1e999",
                b"-0",
                b"12.345",
                b"\"\\u0000\"",
                b"99999999999999999999999",
                b"true",
                b"\"\xff\"",
            ])
        )
            .prop_map(|(i, v)| Mutation::Insert(i, v.to_vec())),
    ]
}

fn mutate(base: &str, ms: &[Mutation]) -> Vec<u8> {
    let mut b = base.as_bytes().to_vec();
    for m in ms {
        let len = b.len().max(1);
        match m {
            Mutation::Flip(i, x) => {
                if !b.is_empty() {
                    b[i % len] ^= x | 1;
                }
            }
            Mutation::Insert(i, bytes) => {
                let at = i % (b.len() + 1);
                b.splice(at..at, bytes.iter().copied());
            }
            Mutation::Delete(i, n) => {
                if !b.is_empty() {
                    let at = i % len;
                    let end = (at + n).min(b.len());
                    b.drain(at..end);
                }
            }
            Mutation::Truncate(i) => b.truncate(i % len),
        }
    }
    b
}

fn a_valid_base() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![STATUS, ACCEPT, TOKEN, ERROR, WEBHOOK])
}

/// Every reply type the client reads, from `bytes`: never a panic.
fn read_all(bytes: &[u8]) {
    if let Ok(s) = serde_json::from_slice::<PaymentStatusResponse>(bytes) {
        // Whatever the status text, it is known or kept as Unknown; the amount is exact or None.
        let _ = s.status.is_final();
        let _ = s.money();
        assert_eq!(PaymentStatus::parse(s.status.as_str()), s.status);
    }
    let _ = serde_json::from_slice::<AcceptPaymentResponse>(bytes);
    let _ = serde_json::from_slice::<TokenResponse>(bytes);
    let _ = serde_json::from_slice::<ErrorBody>(bytes);
    let _ = serde_json::from_slice::<DecimalAmount>(bytes);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_bytes_never_panic_a_reply_reader(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        read_all(&bytes);
    }

    #[test]
    fn mutated_valid_replies_never_panic_a_reply_reader(
        base in a_valid_base(),
        ms in prop::collection::vec(mutation(), 1..6),
    ) {
        read_all(&mutate(base, &ms));
    }

    #[test]
    fn any_status_text_is_known_or_kept_unknown_and_not_final(text in "\\PC{0,24}") {
        let s = PaymentStatus::parse(&text);
        prop_assert_eq!(s.as_str(), text.as_str());
        let known = ["Initiated", "AwaitingAuthorization", "Authorized", "Executed", "Rejected", "Failed", "Expired"];
        if !known.contains(&text.as_str()) {
            prop_assert!(!s.is_final(), "an unknown status keeps the payment followed");
        }
    }

    #[test]
    fn an_amount_number_is_read_exactly_or_refused(whole in 0u64..10_000_000, frac in 0u32..1000, digits in 0usize..4) {
        let text = match digits {
            0 => whole.to_string(),
            n => format!("{whole}.{:0n$}", frac % 10u32.pow(n as u32)),
        };
        match serde_json::from_str::<DecimalAmount>(&text) {
            Ok(DecimalAmount(m)) => {
                prop_assert!(digits <= 2);
                let expected = whole as i64 * 100 + match digits { 1 => (frac % 10) as i64 * 10, 2 => (frac % 100) as i64, _ => 0 };
                prop_assert_eq!(m.minor, expected);
            }
            Err(_) => prop_assert!(digits > 2, "{} refused", text),
        }
    }

    #[test]
    fn arbitrary_webhook_deliveries_never_panic_and_never_verify(
        sig in "\\PC{0,80}", ts in "\\PC{0,14}", id in "\\PC{0,20}", kind in "\\PC{0,20}",
        body in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let headers = WebhookHeaders { signature: sig, timestamp: ts, event_id: id, event_type: kind };
        let secret = Secret::new("sandbox-webhook-secret");
        let r = verify(&secret, &headers, &body, 1_795_600_812, Duration::from_secs(300));
        prop_assert!(r.is_err(), "a guessed signature verified: {:?}", r);
    }

    #[test]
    fn a_signed_delivery_verifies_only_unchanged_and_reads_any_json_leniently(
        ms in prop::collection::vec(mutation(), 0..4),
        tamper in prop::collection::vec(mutation(), 1..3),
    ) {
        let secret = Secret::new("sandbox-webhook-secret");
        let now = 1_795_600_812;
        let body = mutate(WEBHOOK, &ms);
        let headers = WebhookHeaders::signed(&secret, now, "e1", "PaymentUpdated", &body);
        match verify(&secret, &headers, &body, now, Duration::from_secs(300)) {
            Ok(e) => {
                prop_assert!(serde_json::from_slice::<serde_json::Value>(&body).is_ok());
                prop_assert_eq!(e.id.as_deref(), Some("e1"));
            }
            Err(WebhookError::Body(_)) => {
                prop_assert!(serde_json::from_slice::<serde_json::Value>(&body).is_err());
            }
            Err(other) => prop_assert!(false, "signed delivery refused: {}", other),
        }
        let tampered = mutate(std::str::from_utf8(&body).unwrap_or(WEBHOOK), &tamper);
        if tampered != body {
            let r = verify(&secret, &headers, &tampered, now, Duration::from_secs(300));
            prop_assert!(matches!(r, Err(WebhookError::BadSignature)), "{:?}", r);
        }
    }
}

/// Serves `reply` (a whole raw HTTP response) to every connection.
async fn serve_raw(reply: Vec<u8>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let reply = reply.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let _ = sock.read(&mut buf).await;
                let _ = sock.write_all(&reply).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The whole client, over HTTP, against a server whose replies are mutated: every call
    /// returns (no panic, no hang) with a reply or an error.
    #[test]
    fn the_client_survives_any_reply(
        code in prop::sample::select(vec![200u16, 201, 204, 301, 400, 401, 404, 429, 500, 503]),
        base in a_valid_base(),
        ms in prop::collection::vec(mutation(), 0..5),
        lie_about_length in any::<bool>(),
        retry_after in prop::option::of("[0-9a-z ]{0,6}"),
    ) {
        let body = mutate(base, &ms);
        let len = if lie_about_length { body.len() + 7 } else { body.len() };
        let mut reply = format!("HTTP/1.1 {code} X\r\nContent-Type: application/json\r\nContent-Length: {len}\r\nConnection: close\r\n").into_bytes();
        if let Some(r) = retry_after {
            reply.extend_from_slice(format!("Retry-After: {r}\r\n").as_bytes());
        }
        reply.extend_from_slice(b"\r\n");
        reply.extend_from_slice(&body);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let url = serve_raw(reply).await;
            let mut config = Config::new(url, "id", Secret::new("secret"));
            config.auth = AuthMode::Basic;
            config.timeout = Duration::from_secs(2);
            config.retry = RetryPolicy { token_tries: 1, status_tries: 1, ..RetryPolicy::default() };
            let client = Client::new(config).unwrap();
            let status = tokio::time::timeout(Duration::from_secs(5), client.payment_status("0b8f0e0c-1")).await;
            prop_assert!(status.is_ok(), "the status read hung");
            if let Ok(Ok(s)) = status {
                prop_assert!(matches!(code, 200 | 201 | 204));
                let _ = s.status.is_final();
            }
            let request: kassa_aiia::wire::AcceptPaymentRequest = kassa_aiia::wire::AcceptPaymentRequest {
                destination_id: "d".into(),
                amount: DecimalAmount(kassa_money::Money::new(1250, kassa_money::Currency::Dkk)),
                currency: kassa_money::Currency::Dkk,
                scheme_id: "DanishDomesticCreditTransfer".into(),
                reference: "K1".into(),
                redirect_url: "https://kassa.invalid/paid".into(),
                preselected_country: None,
            };
            let accept = tokio::time::timeout(Duration::from_secs(5), client.accept_payment(&request)).await;
            prop_assert!(accept.is_ok(), "the accept call hung");
            if let Ok(Err(e)) = accept {
                prop_assert!(!e.to_string().is_empty());
            }
            Ok(())
        })?;
    }
}
