//! Aiia's signed event notifications (webhooks), receiving side: check the signature in
//! constant time, refuse stale or future timestamps, and remember event ids so a replayed
//! delivery is ignored. The format is in `docs/aiia-wire.md` ("Webhooks").
//!
//! A webhook is only a hint that something changed; the payment's status is always read with
//! `GET /v2/payments/accept/{paymentId}`. So nothing here trusts the body beyond finding a
//! payment id in it.
//!
//! Time is passed in (`now_unix`, Unix seconds) so every rule is tested without a clock.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::Secret;

/// Lower-case hex HMAC-SHA256 of the signed text (below).
pub const SIGNATURE_HEADER: &str = "X-Aiia-Signature";
/// When the delivery was signed: Unix seconds (milliseconds are accepted too).
pub const TIMESTAMP_HEADER: &str = "X-Aiia-TimeStamp";
/// The event's id; the same for every delivery attempt of one event.
pub const EVENT_ID_HEADER: &str = "X-Aiia-EventId";
/// The event's type, e.g. `PaymentUpdated`.
pub const EVENT_TYPE_HEADER: &str = "X-Aiia-Event";

/// How far a signed timestamp may be from the receiver's clock, either way.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// The type of the events Kassa's sandbox sends when a payment's status changes.
pub const PAYMENT_UPDATED: &str = "PaymentUpdated";

/// A timestamp at or above this is read as milliseconds (in seconds it would be the year 5138).
const MILLIS_FROM: i64 = 100_000_000_000;

type HmacSha256 = Hmac<Sha256>;

/// Why a delivery was refused. None of them says anything about the secret.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error("the webhook has no {0} header")]
    MissingHeader(&'static str),
    #[error("the webhook's {header} header is malformed: {detail}")]
    Malformed {
        header: &'static str,
        detail: String,
    },
    #[error("the webhook's signature does not match (wrong secret, or not sent by Aiia)")]
    BadSignature,
    #[error("the webhook is too old: signed {age_secs} s ago, {tolerance_secs} s allowed")]
    Stale { age_secs: i64, tolerance_secs: i64 },
    #[error("the webhook is dated {ahead_secs} s in the future, {tolerance_secs} s allowed")]
    FromTheFuture {
        ahead_secs: i64,
        tolerance_secs: i64,
    },
    #[error("the webhook's body is not JSON")]
    Body(#[source] serde_json::Error),
}

/// The four headers of a delivery, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookHeaders {
    pub signature: String,
    pub timestamp: String,
    pub event_id: String,
    pub event_type: String,
}

impl WebhookHeaders {
    /// Reads the headers of an HTTP request; a missing or non-text header is named.
    pub fn from_map(map: &reqwest::header::HeaderMap) -> Result<Self, WebhookError> {
        let get = |name: &'static str| {
            map.get(name)
                .ok_or(WebhookError::MissingHeader(name))?
                .to_str()
                .map(|v| v.trim().to_owned())
                .map_err(|_| WebhookError::Malformed {
                    header: name,
                    detail: "not plain text".into(),
                })
        };
        Ok(WebhookHeaders {
            signature: get(SIGNATURE_HEADER)?,
            timestamp: get(TIMESTAMP_HEADER)?,
            event_id: get(EVENT_ID_HEADER)?,
            event_type: get(EVENT_TYPE_HEADER)?,
        })
    }

    /// The headers for a delivery of `body`, signed with `secret` at `timestamp`.
    pub fn signed(
        secret: &Secret,
        timestamp: i64,
        event_id: &str,
        event_type: &str,
        body: &[u8],
    ) -> Self {
        let timestamp = timestamp.to_string();
        let signature = sign(secret, &timestamp, event_id, event_type, body);
        WebhookHeaders {
            signature,
            timestamp,
            event_id: event_id.to_owned(),
            event_type: event_type.to_owned(),
        }
    }
}

/// A delivery that passed [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEvent {
    pub id: String,
    pub event_type: String,
    /// When it was signed, Unix seconds.
    pub timestamp: i64,
    /// The payment it is about, when the body names one.
    pub payment_id: Option<String>,
    /// The status the body reports, when it does (a hint only: poll for the truth).
    pub status: Option<String>,
}

/// `hex(HMAC-SHA256(secret, "{timestamp}|{eventId}|{eventType}|{body}"))`, lower case.
pub fn sign(
    secret: &Secret,
    timestamp: &str,
    event_id: &str,
    event_type: &str,
    body: &[u8],
) -> String {
    mac(secret, timestamp, event_id, event_type, body)
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// The HMAC over the signed text. HMAC takes keys of any length, so this is always `Some`;
/// were it ever `None`, nothing would verify (no fallback key).
fn mac(
    secret: &Secret,
    timestamp: &str,
    event_id: &str,
    event_type: &str,
    body: &[u8],
) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(secret.expose().as_bytes()).ok()?;
    for part in [
        timestamp.as_bytes(),
        b"|",
        event_id.as_bytes(),
        b"|",
        event_type.as_bytes(),
        b"|",
        body,
    ] {
        mac.update(part);
    }
    Some(mac)
}

/// Checks a delivery: the signature (constant time), then that its timestamp is within
/// `tolerance` of `now_unix` (Unix seconds), then reads the body. Replays are the caller's
/// business ([`ReplayGuard`]), because only the caller knows what it has already seen.
pub fn verify(
    secret: &Secret,
    headers: &WebhookHeaders,
    body: &[u8],
    now_unix: i64,
    tolerance: Duration,
) -> Result<WebhookEvent, WebhookError> {
    let given = hex::decode(headers.signature.trim()).map_err(|e| WebhookError::Malformed {
        header: SIGNATURE_HEADER,
        detail: format!("not hexadecimal ({e})"),
    })?;
    mac(
        secret,
        &headers.timestamp,
        &headers.event_id,
        &headers.event_type,
        body,
    )
    .ok_or(WebhookError::BadSignature)?
    .verify_slice(&given)
    .map_err(|_| WebhookError::BadSignature)?;

    let timestamp = parse_timestamp(&headers.timestamp)?;
    let tolerance_secs = i64::try_from(tolerance.as_secs()).unwrap_or(i64::MAX);
    let age = now_unix.saturating_sub(timestamp);
    if age > tolerance_secs {
        return Err(WebhookError::Stale {
            age_secs: age,
            tolerance_secs,
        });
    }
    if age < -tolerance_secs {
        return Err(WebhookError::FromTheFuture {
            ahead_secs: age.saturating_neg(),
            tolerance_secs,
        });
    }
    if headers.event_id.is_empty() {
        return Err(WebhookError::Malformed {
            header: EVENT_ID_HEADER,
            detail: "empty".into(),
        });
    }

    let value: serde_json::Value = serde_json::from_slice(body).map_err(WebhookError::Body)?;
    Ok(WebhookEvent {
        id: headers.event_id.clone(),
        event_type: headers.event_type.clone(),
        timestamp,
        payment_id: find_text(&value, "paymentId"),
        status: find_text(&value, "status"),
    })
}

/// Unix seconds from the timestamp header (a millisecond value is scaled down).
fn parse_timestamp(text: &str) -> Result<i64, WebhookError> {
    let t: i64 = text.trim().parse().map_err(|_| WebhookError::Malformed {
        header: TIMESTAMP_HEADER,
        detail: format!("\"{text}\" is not a whole number of seconds"),
    })?;
    Ok(if t >= MILLIS_FROM { t / 1000 } else { t })
}

/// A text field named `key` in the body: at `data.<key>`, at the top, or one level down in
/// an envelope (`{"SomeWebhook": {"data": {...}}}`), the first found. Lenient on purpose:
/// the body is only a hint.
fn find_text(value: &serde_json::Value, key: &str) -> Option<String> {
    let text = |v: &serde_json::Value| {
        v.get(key)
            .and_then(serde_json::Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
    };
    let at = |v: &serde_json::Value| v.get("data").and_then(text).or_else(|| text(v));
    at(value).or_else(|| value.as_object()?.values().find_map(at))
}

/// Remembers recently seen event ids so a delivery seen before is ignored. Memory is
/// bounded: ids are forgotten after `window` and, past `capacity`, oldest first. Choose a
/// window of at least twice the timestamp tolerance, after which a replay is refused as stale
/// anyway.
#[derive(Debug)]
pub struct ReplayGuard {
    capacity: usize,
    window_secs: i64,
    /// Event id → when it may be forgotten.
    seen: HashMap<String, i64>,
    /// Ids in the order they were first seen, with their forget time.
    order: VecDeque<(String, i64)>,
}

impl ReplayGuard {
    pub fn new(capacity: usize, window: Duration) -> Self {
        ReplayGuard {
            capacity: capacity.max(1),
            window_secs: i64::try_from(window.as_secs()).unwrap_or(i64::MAX),
            seen: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// A guard sized for a counter: 4096 ids, twice [`DEFAULT_TOLERANCE`].
    pub fn for_tolerance(tolerance: Duration) -> Self {
        ReplayGuard::new(4096, tolerance.saturating_mul(2))
    }

    /// True the first time `event_id` is offered (and remembers it); false for a replay.
    pub fn first_time(&mut self, event_id: &str, now_unix: i64) -> bool {
        self.forget_expired(now_unix);
        if self.seen.contains_key(event_id) {
            return false;
        }
        while self.order.len() >= self.capacity {
            if let Some((old, _)) = self.order.pop_front() {
                self.seen.remove(&old);
            }
        }
        let forget_at = now_unix.saturating_add(self.window_secs);
        self.seen.insert(event_id.to_owned(), forget_at);
        self.order.push_back((event_id.to_owned(), forget_at));
        true
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    fn forget_expired(&mut self, now_unix: i64) {
        while self
            .order
            .front()
            .is_some_and(|(_, forget_at)| *forget_at <= now_unix)
        {
            if let Some((old, _)) = self.order.pop_front() {
                self.seen.remove(&old);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    const NOW: i64 = 1_795_600_000;
    const TOL: Duration = DEFAULT_TOLERANCE;
    const BODY: &[u8] = br#"{"id":"e1","type":"PaymentUpdated","createdAt":"2026-11-25T10:00:00.000Z","data":{"paymentId":"p-42","status":"Executed"}}"#;

    fn secret() -> Secret {
        Secret::new("whsec-test-secret")
    }

    fn signed_at(t: i64) -> WebhookHeaders {
        WebhookHeaders::signed(&secret(), t, "e1", PAYMENT_UPDATED, BODY)
    }

    #[test]
    fn a_good_signature_is_accepted_and_the_body_read() {
        let event = verify(&secret(), &signed_at(NOW), BODY, NOW, TOL).unwrap();
        assert_eq!(
            event,
            WebhookEvent {
                id: "e1".into(),
                event_type: PAYMENT_UPDATED.into(),
                timestamp: NOW,
                payment_id: Some("p-42".into()),
                status: Some("Executed".into()),
            }
        );
        // Upper-case hex is the same signature.
        let mut upper = signed_at(NOW);
        upper.signature = upper.signature.to_uppercase();
        assert!(verify(&secret(), &upper, BODY, NOW, TOL).is_ok());
    }

    #[test]
    fn a_bad_signature_is_refused() {
        let mut h = signed_at(NOW);
        // Flip one hex digit.
        let first = if h.signature.starts_with('0') {
            "1"
        } else {
            "0"
        };
        h.signature.replace_range(0..1, first);
        assert!(matches!(
            verify(&secret(), &h, BODY, NOW, TOL),
            Err(WebhookError::BadSignature)
        ));
        // A signature of the right length for another body.
        let other = WebhookHeaders::signed(&secret(), NOW, "e1", PAYMENT_UPDATED, b"{}");
        assert!(matches!(
            verify(&secret(), &other, BODY, NOW, TOL),
            Err(WebhookError::BadSignature)
        ));
        // Every signed header counts: change the id, the type or the time.
        for tamper in [
            |h: &mut WebhookHeaders| h.event_id = "e2".into(),
            |h: &mut WebhookHeaders| h.event_type = "PaymentCreated".into(),
            |h: &mut WebhookHeaders| h.timestamp = (NOW + 1).to_string(),
        ] {
            let mut h = signed_at(NOW);
            tamper(&mut h);
            assert!(matches!(
                verify(&secret(), &h, BODY, NOW, TOL),
                Err(WebhookError::BadSignature)
            ));
        }
        // A truncated signature is simply wrong, not a crash.
        let mut short = signed_at(NOW);
        short.signature.truncate(10);
        assert!(matches!(
            verify(&secret(), &short, BODY, NOW, TOL),
            Err(WebhookError::BadSignature)
        ));
    }

    #[test]
    fn the_wrong_secret_is_refused() {
        let h = WebhookHeaders::signed(&Secret::new("another"), NOW, "e1", PAYMENT_UPDATED, BODY);
        let e = verify(&secret(), &h, BODY, NOW, TOL).unwrap_err();
        assert!(matches!(e, WebhookError::BadSignature));
        assert!(!e.to_string().contains("whsec"), "{e}");
    }

    #[test]
    fn malformed_headers_are_named() {
        let mut h = signed_at(NOW);
        h.signature = "zz-not-hex".into();
        assert!(matches!(
            verify(&secret(), &h, BODY, NOW, TOL),
            Err(WebhookError::Malformed {
                header: SIGNATURE_HEADER,
                ..
            })
        ));
        // A signed but unreadable timestamp.
        let h = WebhookHeaders {
            timestamp: "yesterday".into(),
            ..signed_at(NOW)
        };
        let h = WebhookHeaders {
            signature: sign(&secret(), &h.timestamp, &h.event_id, &h.event_type, BODY),
            ..h
        };
        assert!(matches!(
            verify(&secret(), &h, BODY, NOW, TOL),
            Err(WebhookError::Malformed {
                header: TIMESTAMP_HEADER,
                ..
            })
        ));
        // Missing headers in a request.
        let map = reqwest::header::HeaderMap::new();
        let e = WebhookHeaders::from_map(&map).unwrap_err();
        assert_eq!(e.to_string(), "the webhook has no X-Aiia-Signature header");
    }

    #[test]
    fn headers_are_read_from_a_request() {
        let h = signed_at(NOW);
        let mut map = reqwest::header::HeaderMap::new();
        for (name, value) in [
            (SIGNATURE_HEADER, &h.signature),
            (TIMESTAMP_HEADER, &h.timestamp),
            (EVENT_ID_HEADER, &h.event_id),
            (EVENT_TYPE_HEADER, &h.event_type),
        ] {
            map.insert(name, value.parse().unwrap());
        }
        assert_eq!(WebhookHeaders::from_map(&map).unwrap(), h);
    }

    #[test]
    fn a_stale_timestamp_beyond_the_tolerance_is_refused() {
        let t = NOW - 301;
        assert!(matches!(
            verify(&secret(), &signed_at(t), BODY, NOW, TOL),
            Err(WebhookError::Stale {
                age_secs: 301,
                tolerance_secs: 300
            })
        ));
        // At the edge it still counts.
        assert!(verify(&secret(), &signed_at(NOW - 300), BODY, NOW, TOL).is_ok());
    }

    #[test]
    fn a_future_timestamp_beyond_the_tolerance_is_refused() {
        assert!(matches!(
            verify(&secret(), &signed_at(NOW + 301), BODY, NOW, TOL),
            Err(WebhookError::FromTheFuture {
                ahead_secs: 301,
                ..
            })
        ));
        assert!(verify(&secret(), &signed_at(NOW + 300), BODY, NOW, TOL).is_ok());
    }

    #[test]
    fn a_millisecond_timestamp_is_read_as_such() {
        let event = verify(&secret(), &signed_at(NOW * 1000 + 999), BODY, NOW, TOL).unwrap();
        assert_eq!(event.timestamp, NOW);
    }

    #[test]
    fn a_signed_body_that_is_not_json_is_refused() {
        let body = b"not json";
        let h = WebhookHeaders::signed(&secret(), NOW, "e1", PAYMENT_UPDATED, body);
        assert!(matches!(
            verify(&secret(), &h, body, NOW, TOL),
            Err(WebhookError::Body(_))
        ));
    }

    #[test]
    fn the_payment_id_is_found_in_the_shapes_aiia_uses() {
        for (body, id) in [
            (r#"{"data":{"paymentId":"a"}}"#, Some("a")),
            (r#"{"paymentId":"b"}"#, Some("b")),
            (
                r#"{"PaymentUpdatedWebhook":{"event":"PaymentUpdated","data":{"paymentId":"c"}}}"#,
                Some("c"),
            ),
            (r#"{"data":{"paymentId":""}}"#, None),
            (r#"{"something":"else"}"#, None),
            (r#"[1,2]"#, None),
        ] {
            let h = WebhookHeaders::signed(&secret(), NOW, "e1", PAYMENT_UPDATED, body.as_bytes());
            let event = verify(&secret(), &h, body.as_bytes(), NOW, TOL).unwrap();
            assert_eq!(event.payment_id.as_deref(), id, "{body}");
        }
    }

    #[test]
    fn a_replayed_id_is_ignored() {
        let mut guard = ReplayGuard::for_tolerance(TOL);
        assert!(guard.first_time("e1", NOW));
        assert!(!guard.first_time("e1", NOW + 1));
        assert!(guard.first_time("e2", NOW + 1));
        assert!(!guard.first_time("e1", NOW + 599));
        // After the window the id is forgotten (a replay that late is refused as stale).
        assert!(guard.first_time("e1", NOW + 600));
    }

    #[test]
    fn the_replay_guard_has_bounded_memory() {
        let mut guard = ReplayGuard::new(3, Duration::from_secs(3600));
        for id in ["a", "b", "c", "d"] {
            assert!(guard.first_time(id, NOW));
        }
        assert_eq!(guard.len(), 3);
        // "a" was pushed out by "d"; the rest are remembered.
        assert!(!guard.first_time("d", NOW));
        assert!(!guard.first_time("b", NOW));
        assert!(guard.first_time("a", NOW));
        assert_eq!(guard.len(), 3);
    }

    #[test]
    fn expired_ids_are_dropped_as_time_goes_on() {
        let mut guard = ReplayGuard::new(100, Duration::from_secs(10));
        for (i, id) in ["a", "b", "c"].into_iter().enumerate() {
            assert!(guard.first_time(id, NOW + i as i64));
        }
        assert!(guard.first_time("z", NOW + 11));
        // a (forget at +10) and b (+11) are gone, c (+12) and z remain.
        assert_eq!(guard.len(), 2);
        assert!(!guard.is_empty());
    }
}
