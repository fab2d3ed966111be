//! Aiia's signed event notifications (webhooks), receiving side. Two signature schemes are
//! public (`docs/aiia-wire.md`, "Webhooks"):
//!
//! * `X-Aiia-Signature`: hex HMAC-SHA256 of `"{timestamp}|{eventId}|{eventType}|{body}"`, with
//!   the fields in `X-Aiia-TimeStamp`, `X-Aiia-EventId` and `X-Aiia-Event`. The timestamp
//!   must be recent and the event id is remembered, so a replay is ignored. The `|` framing
//!   is made unambiguous by refusing fields that could hold a `|` (see [`verify`]).
//! * `X-Viia-Signature` (older): hex HMAC-SHA256 of the raw body alone. There is no time or
//!   event id to check; a replay only makes the engine read its statuses once more.
//!
//! Signatures are checked in constant time; an unsigned delivery is never accepted.
//!
//! A webhook is only a hint that something changed; the payment's status is always read with
//! `GET /v2/payments/accept/{paymentId}`. The body is an envelope such as
//! `{"acceptPaymentUpdatedWebhook": {"data": {"paymentId": "…"}, "event": "PaymentUpdated"}}`,
//! with no status in it; nothing here trusts it beyond finding which kind of event it is and
//! the payment id.
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
/// The older scheme: lower-case hex HMAC-SHA256 of the raw body.
pub const VIIA_SIGNATURE_HEADER: &str = "X-Viia-Signature";

/// How far a signed timestamp may be from the receiver's clock, either way.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// The event sent when an accept payment's status changed.
pub const PAYMENT_UPDATED: &str = "PaymentUpdated";
/// The event sent when an accept payment was created.
pub const PAYMENT_CREATED: &str = "PaymentCreated";
/// The envelope key of a [`PAYMENT_UPDATED`] event about an accept payment.
pub const ACCEPT_PAYMENT_UPDATED: &str = "acceptPaymentUpdatedWebhook";
/// The envelope key of a [`PAYMENT_CREATED`] event about an accept payment.
pub const ACCEPT_PAYMENT_CREATED: &str = "acceptPaymentCreatedWebhook";

/// A timestamp at or above this is read as milliseconds (in seconds it would be the year 5138).
const MILLIS_FROM: i64 = 100_000_000_000;
/// Longest timestamp: 13 digits is milliseconds until the year 2286.
const TIMESTAMP_DIGITS: usize = 13;
/// Longest event id (Aiia's are UUIDs, 36 characters).
const EVENT_ID_MAX: usize = 128;
/// Longest event type (Aiia's are words such as `PaymentUpdated`).
const EVENT_TYPE_MAX: usize = 64;

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

/// The four headers of an `X-Aiia-Signature` delivery, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookHeaders {
    pub signature: String,
    pub timestamp: String,
    pub event_id: String,
    pub event_type: String,
}

/// One header of a request as trimmed text; a missing or non-text header is named.
fn header(
    map: &reqwest::header::HeaderMap,
    name: &'static str,
) -> Result<Option<String>, WebhookError> {
    map.get(name)
        .map(|v| {
            v.to_str()
                .map(|v| v.trim().to_owned())
                .map_err(|_| WebhookError::Malformed {
                    header: name,
                    detail: "not plain text".into(),
                })
        })
        .transpose()
}

impl WebhookHeaders {
    /// Reads the headers of an HTTP request; a missing or non-text header is named.
    pub fn from_map(map: &reqwest::header::HeaderMap) -> Result<Self, WebhookError> {
        let get = |name: &'static str| header(map, name)?.ok_or(WebhookError::MissingHeader(name));
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

/// How a delivery is signed, as read from its headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// `X-Aiia-Signature` with its timestamp, event id and event type.
    Aiia(WebhookHeaders),
    /// `X-Viia-Signature`: the body alone is signed.
    Viia { signature: String },
}

impl Delivery {
    /// The scheme a request is signed with: `X-Aiia-Signature` when present (then its three
    /// other headers are required), else `X-Viia-Signature`. With neither, the delivery is
    /// unsigned and refused. A bad `X-Aiia-Signature` never falls back to the other scheme.
    pub fn from_map(map: &reqwest::header::HeaderMap) -> Result<Self, WebhookError> {
        if map.contains_key(SIGNATURE_HEADER) {
            return WebhookHeaders::from_map(map).map(Delivery::Aiia);
        }
        match header(map, VIIA_SIGNATURE_HEADER)? {
            Some(signature) => Ok(Delivery::Viia { signature }),
            None => Err(WebhookError::MissingHeader(SIGNATURE_HEADER)),
        }
    }
}

/// Which signature a verified event carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `X-Aiia-Signature`: time and event id signed, replays recognised.
    Aiia,
    /// `X-Viia-Signature`: only the body signed.
    Viia,
}

/// What the envelope says happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// `acceptPaymentCreatedWebhook`.
    PaymentCreated,
    /// `acceptPaymentUpdatedWebhook`.
    PaymentUpdated,
    /// Any other envelope (accounts, consents, ...; or a body that is no envelope): named by
    /// its key (empty when the body is not a one-key object). Acknowledged, nothing done.
    Other(String),
}

/// A delivery that passed [`verify`] or [`verify_viia`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEvent {
    pub scheme: Scheme,
    /// The event's id (`X-Aiia-EventId`); none in the older scheme.
    pub id: Option<String>,
    /// `X-Aiia-Event` in the newer scheme; the envelope's `event` in the older one (empty
    /// when it has none).
    pub event_type: String,
    /// When it was signed, Unix seconds; none in the older scheme.
    pub timestamp: Option<i64>,
    pub kind: EventKind,
    /// The accept payment it is about (`data.paymentId`), for the two payment events.
    pub payment_id: Option<String>,
}

impl WebhookEvent {
    /// True for an event about an accept payment: the engine should read its statuses.
    pub fn is_about_a_payment(&self) -> bool {
        matches!(
            self.kind,
            EventKind::PaymentCreated | EventKind::PaymentUpdated
        ) && self.payment_id.is_some()
    }
}

/// `hex(HMAC-SHA256(secret, "{timestamp}|{eventId}|{eventType}|{body}"))`, lower case.
pub fn sign(
    secret: &Secret,
    timestamp: &str,
    event_id: &str,
    event_type: &str,
    body: &[u8],
) -> String {
    mac(
        secret,
        &[
            timestamp.as_bytes(),
            event_id.as_bytes(),
            event_type.as_bytes(),
            body,
        ],
    )
    .map(|m| hex::encode(m.finalize().into_bytes()))
    .unwrap_or_default()
}

/// `hex(HMAC-SHA256(secret, body))`, lower case: the older `X-Viia-Signature`.
pub fn sign_viia(secret: &Secret, body: &[u8]) -> String {
    mac(secret, &[body])
        .map(|m| hex::encode(m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// The HMAC over `parts` joined with `|`. HMAC takes keys of any length, so this is always
/// `Some`; were it ever `None`, nothing would verify (no fallback key).
fn mac(secret: &Secret, parts: &[&[u8]]) -> Option<HmacSha256> {
    let mut mac = HmacSha256::new_from_slice(secret.expose().as_bytes()).ok()?;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            mac.update(b"|");
        }
        mac.update(part);
    }
    Some(mac)
}

/// Checks `given` (hex) against `mac` in constant time.
fn check(mac: Option<HmacSha256>, given: &str, name: &'static str) -> Result<(), WebhookError> {
    let given = hex::decode(given.trim()).map_err(|e| WebhookError::Malformed {
        header: name,
        detail: format!("not hexadecimal ({e})"),
    })?;
    mac.ok_or(WebhookError::BadSignature)?
        .verify_slice(&given)
        .map_err(|_| WebhookError::BadSignature)
}

/// Refuses a field that is empty, too long, or holds a character outside `allowed` (which
/// never includes `|`).
fn field(
    text: &str,
    name: &'static str,
    max: usize,
    allowed: impl Fn(u8) -> bool,
    what: &str,
) -> Result<(), WebhookError> {
    let detail = if text.is_empty() {
        "empty".to_owned()
    } else if text.len() > max {
        format!("longer than {max} characters")
    } else if let Some(c) = text.bytes().find(|&b| !allowed(b)) {
        format!("holds {:?}; only {what} are allowed", char::from(c))
    } else {
        return Ok(());
    };
    Err(WebhookError::Malformed {
        header: name,
        detail,
    })
}

/// The three signed header fields, checked so that none can hold a `|`: the timestamp is
/// digits, the event id letters, digits and `-_.:`, the event type letters, digits and
/// `-_.`. So a signed text splits back at its first three `|` into exactly one
/// (timestamp, event id, event type, body): no bytes can move between fields.
fn check_fields(headers: &WebhookHeaders) -> Result<(), WebhookError> {
    field(
        &headers.timestamp,
        TIMESTAMP_HEADER,
        TIMESTAMP_DIGITS,
        |b| b.is_ascii_digit(),
        "digits (Unix seconds)",
    )?;
    field(
        &headers.event_id,
        EVENT_ID_HEADER,
        EVENT_ID_MAX,
        |b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b),
        "letters, digits and - _ . :",
    )?;
    field(
        &headers.event_type,
        EVENT_TYPE_HEADER,
        EVENT_TYPE_MAX,
        |b| b.is_ascii_alphanumeric() || b"-_.".contains(&b),
        "letters, digits and - _ .",
    )
}

/// Checks an `X-Aiia-Signature` delivery: the header fields' form (so the signed text has
/// one reading), the signature (constant time), that its timestamp is within `tolerance` of
/// `now_unix` (Unix seconds), then reads the body. Replays are the caller's business
/// ([`ReplayGuard`]), because only the caller knows what it has already seen.
pub fn verify(
    secret: &Secret,
    headers: &WebhookHeaders,
    body: &[u8],
    now_unix: i64,
    tolerance: Duration,
) -> Result<WebhookEvent, WebhookError> {
    check_fields(headers)?;
    let signed = mac(
        secret,
        &[
            headers.timestamp.as_bytes(),
            headers.event_id.as_bytes(),
            headers.event_type.as_bytes(),
            body,
        ],
    );
    check(signed, &headers.signature, SIGNATURE_HEADER)?;

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

    let envelope = Envelope::read(body)?;
    Ok(WebhookEvent {
        scheme: Scheme::Aiia,
        id: Some(headers.event_id.clone()),
        event_type: headers.event_type.clone(),
        timestamp: Some(timestamp),
        kind: envelope.kind,
        payment_id: envelope.payment_id,
    })
}

/// Checks an `X-Viia-Signature` delivery: the signature over the raw body (constant time),
/// then reads the body. Nothing dates it, so it cannot be refused as stale; see
/// `docs/aiia-wire.md` for why a replay is harmless.
pub fn verify_viia(
    secret: &Secret,
    signature: &str,
    body: &[u8],
) -> Result<WebhookEvent, WebhookError> {
    check(mac(secret, &[body]), signature, VIIA_SIGNATURE_HEADER)?;
    let envelope = Envelope::read(body)?;
    Ok(WebhookEvent {
        scheme: Scheme::Viia,
        id: None,
        event_type: envelope.event.unwrap_or_default(),
        timestamp: None,
        kind: envelope.kind,
        payment_id: envelope.payment_id,
    })
}

/// Checks a delivery in whichever scheme it is signed with.
pub fn verify_delivery(
    secret: &Secret,
    delivery: &Delivery,
    body: &[u8],
    now_unix: i64,
    tolerance: Duration,
) -> Result<WebhookEvent, WebhookError> {
    match delivery {
        Delivery::Aiia(headers) => verify(secret, headers, body, now_unix, tolerance),
        Delivery::Viia { signature } => verify_viia(secret, signature, body),
    }
}

/// Unix seconds from the timestamp header (a millisecond value is scaled down).
fn parse_timestamp(text: &str) -> Result<i64, WebhookError> {
    let t: i64 = text.trim().parse().map_err(|_| WebhookError::Malformed {
        header: TIMESTAMP_HEADER,
        detail: format!("\"{text}\" is not a whole number of seconds"),
    })?;
    Ok(if t >= MILLIS_FROM { t / 1000 } else { t })
}

/// What a verified body says: `{"<name>Webhook": {"data": {...}, "event": "..."}}`.
struct Envelope {
    kind: EventKind,
    payment_id: Option<String>,
    event: Option<String>,
}

impl Envelope {
    /// Reads the envelope; a body that is JSON but no known envelope is [`EventKind::Other`].
    fn read(body: &[u8]) -> Result<Self, WebhookError> {
        let value: serde_json::Value = serde_json::from_slice(body).map_err(WebhookError::Body)?;
        let text = |v: Option<&serde_json::Value>| {
            v.and_then(serde_json::Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let Some(object) = value.as_object() else {
            return Ok(Envelope {
                kind: EventKind::Other(String::new()),
                payment_id: None,
                event: None,
            });
        };
        for (key, kind) in [
            (ACCEPT_PAYMENT_UPDATED, EventKind::PaymentUpdated),
            (ACCEPT_PAYMENT_CREATED, EventKind::PaymentCreated),
        ] {
            if let Some(inner) = object.get(key) {
                return Ok(Envelope {
                    kind,
                    payment_id: text(inner.get("data").and_then(|d| d.get("paymentId"))),
                    event: text(inner.get("event")),
                });
            }
        }
        // An envelope has one key; anything else is named by none.
        let only = (object.len() == 1).then(|| object.iter().next()).flatten();
        Ok(Envelope {
            kind: EventKind::Other(only.map(|(k, _)| k.clone()).unwrap_or_default()),
            payment_id: None,
            event: text(only.and_then(|(_, v)| v.get("event"))),
        })
    }
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
    const BODY: &[u8] = br#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"20200710.cys5ihh856sw7btuoimya551nh"},"event":"PaymentUpdated"}}"#;
    const PAYMENT: &str = "20200710.cys5ihh856sw7btuoimya551nh";

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
                scheme: Scheme::Aiia,
                id: Some("e1".into()),
                event_type: PAYMENT_UPDATED.into(),
                timestamp: Some(NOW),
                kind: EventKind::PaymentUpdated,
                payment_id: Some(PAYMENT.into()),
            }
        );
        assert!(event.is_about_a_payment());
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
        assert_eq!(event.timestamp, Some(NOW));
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
    fn the_payment_id_is_read_from_the_envelopes_aiia_sends() {
        let updated = r#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"a"},"event":"PaymentUpdated"}}"#;
        let created = r#"{"acceptPaymentCreatedWebhook":{"data":{"paymentId":"b"},"event":"PaymentCreated"}}"#;
        for (body, kind, id) in [
            (updated, EventKind::PaymentUpdated, Some("a")),
            (created, EventKind::PaymentCreated, Some("b")),
            // Unknown fields are ignored.
            (
                r#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"c","x":1},"event":"PaymentUpdated","y":[]}}"#,
                EventKind::PaymentUpdated,
                Some("c"),
            ),
            (
                r#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":""},"event":"PaymentUpdated"}}"#,
                EventKind::PaymentUpdated,
                None,
            ),
            (
                r#"{"acceptPaymentUpdatedWebhook":{"data":null,"event":"PaymentUpdated"}}"#,
                EventKind::PaymentUpdated,
                None,
            ),
            // Other envelopes name a consent or an account, never a payment to read.
            (
                r#"{"consentRevokedWebhook":{"consentId":"k","data":null,"event":"ConsentRevoked"}}"#,
                EventKind::Other("consentRevokedWebhook".into()),
                None,
            ),
            (
                r#"{"paymentCreatedWebhook":{"consentId":"k","data":{"paymentId":"out-1","paymentType":"Outbound"},"event":"PaymentCreated"}}"#,
                EventKind::Other("paymentCreatedWebhook".into()),
                None,
            ),
            // Kassa's earlier invented flat shape is no envelope: dropped.
            (
                r#"{"id":"e1","type":"PaymentUpdated","data":{"paymentId":"d","status":"Executed"}}"#,
                EventKind::Other(String::new()),
                None,
            ),
            (r#"[1,2]"#, EventKind::Other(String::new()), None),
        ] {
            let h = WebhookHeaders::signed(&secret(), NOW, "e1", PAYMENT_UPDATED, body.as_bytes());
            let event = verify(&secret(), &h, body.as_bytes(), NOW, TOL).unwrap();
            assert_eq!(event.kind, kind, "{body}");
            assert_eq!(event.payment_id.as_deref(), id, "{body}");
            assert_eq!(event.is_about_a_payment(), id.is_some(), "{body}");
            // The same in the older scheme, which reads the event name from the envelope.
            let old = verify_viia(
                &secret(),
                &sign_viia(&secret(), body.as_bytes()),
                body.as_bytes(),
            )
            .unwrap();
            assert_eq!((old.kind, old.payment_id.as_deref()), (kind, id), "{body}");
        }
        let old = verify_viia(
            &secret(),
            &sign_viia(&secret(), created.as_bytes()),
            created.as_bytes(),
        )
        .unwrap();
        assert_eq!(old.event_type, PAYMENT_CREATED);
        assert_eq!(
            (old.id, old.timestamp, old.scheme),
            (None, None, Scheme::Viia)
        );
    }

    /// The older scheme: HMAC-SHA256 of the raw body, hex (the Mastercard webhooks
    /// collection's pre-request script).
    #[test]
    fn the_older_body_only_signature_is_checked() {
        let signature = sign_viia(&secret(), BODY);
        assert_eq!(signature.len(), 64);
        let event = verify_viia(&secret(), &signature, BODY).unwrap();
        assert_eq!(event.payment_id.as_deref(), Some(PAYMENT));
        assert_eq!(event.event_type, PAYMENT_UPDATED);
        // Upper-case hex is the same signature.
        assert!(verify_viia(&secret(), &signature.to_uppercase(), BODY).is_ok());
        // Another body, secret or signature is refused.
        let mut other = BODY.to_vec();
        other.push(b' ');
        for (secret, sig, body) in [
            (secret(), signature.clone(), other.as_slice()),
            (Secret::new("another"), signature.clone(), BODY),
            (secret(), sign_viia(&secret(), b"{}"), BODY),
            (secret(), signature[..10].to_owned(), BODY),
        ] {
            assert!(matches!(
                verify_viia(&secret, &sig, body),
                Err(WebhookError::BadSignature)
            ));
        }
        assert!(matches!(
            verify_viia(&secret(), "not hex", BODY),
            Err(WebhookError::Malformed {
                header: VIIA_SIGNATURE_HEADER,
                ..
            })
        ));
        // An X-Aiia signature is not an X-Viia one.
        let aiia = signed_at(NOW).signature;
        assert!(verify_viia(&secret(), &aiia, BODY).is_err());
    }

    #[test]
    fn the_scheme_is_read_from_the_headers_and_unsigned_is_refused() {
        let mut map = reqwest::header::HeaderMap::new();
        let e = Delivery::from_map(&map).unwrap_err();
        assert_eq!(e.to_string(), "the webhook has no X-Aiia-Signature header");
        map.insert(VIIA_SIGNATURE_HEADER, "abcd".parse().unwrap());
        assert_eq!(
            Delivery::from_map(&map).unwrap(),
            Delivery::Viia {
                signature: "abcd".into()
            }
        );
        // With an X-Aiia-Signature the newer scheme is used, and its headers are needed.
        map.insert(SIGNATURE_HEADER, "abcd".parse().unwrap());
        assert!(matches!(
            Delivery::from_map(&map),
            Err(WebhookError::MissingHeader(TIMESTAMP_HEADER))
        ));
        let h = signed_at(NOW);
        for (name, value) in [
            (SIGNATURE_HEADER, &h.signature),
            (TIMESTAMP_HEADER, &h.timestamp),
            (EVENT_ID_HEADER, &h.event_id),
            (EVENT_TYPE_HEADER, &h.event_type),
        ] {
            map.insert(name, value.parse().unwrap());
        }
        let delivery = Delivery::from_map(&map).unwrap();
        assert_eq!(delivery, Delivery::Aiia(h));
        assert!(verify_delivery(&secret(), &delivery, BODY, NOW, TOL).is_ok());
        // A wrong X-Aiia-Signature does not fall back to a right X-Viia one.
        map.insert(SIGNATURE_HEADER, "00".repeat(32).parse().unwrap());
        map.insert(
            VIIA_SIGNATURE_HEADER,
            sign_viia(&secret(), BODY).parse().unwrap(),
        );
        let delivery = Delivery::from_map(&map).unwrap();
        assert!(matches!(
            verify_delivery(&secret(), &delivery, BODY, NOW, TOL),
            Err(WebhookError::BadSignature)
        ));
    }

    #[test]
    fn header_fields_outside_their_charset_are_refused() {
        for (tamper, culprit) in [
            (
                (|h: &mut WebhookHeaders| h.event_id = String::new()) as fn(&mut WebhookHeaders),
                EVENT_ID_HEADER,
            ),
            (|h| h.event_id = "e 1".into(), EVENT_ID_HEADER),
            (|h| h.event_id = "x".repeat(129), EVENT_ID_HEADER),
            (
                |h| h.event_type = "Payment Updated".into(),
                EVENT_TYPE_HEADER,
            ),
            (|h| h.event_type = String::new(), EVENT_TYPE_HEADER),
            (|h| h.timestamp = "-5".into(), TIMESTAMP_HEADER),
            (|h| h.timestamp = "1".repeat(14), TIMESTAMP_HEADER),
        ] {
            let mut h = signed_at(NOW);
            tamper(&mut h);
            // Even when signed as it is.
            h.signature = sign(&secret(), &h.timestamp, &h.event_id, &h.event_type, BODY);
            match verify(&secret(), &h, BODY, NOW, TOL) {
                Err(WebhookError::Malformed { header, .. }) => assert_eq!(header, culprit),
                other => panic!("{h:?}: {other:?}"),
            }
        }
        // A UUID, as Aiia sends, is fine.
        let h = WebhookHeaders::signed(
            &secret(),
            NOW,
            "6f1c2a9e-3b7d-4e2a-9c41-0d5e8f7a1b23",
            PAYMENT_UPDATED,
            BODY,
        );
        assert!(verify(&secret(), &h, BODY, NOW, TOL).is_ok());
    }

    /// The signed text `{timestamp}|{eventId}|{eventType}|{body}` read back with its fields
    /// shifted across a `|`: the same bytes, so the same signature, but other fields. Each
    /// must be refused for the field that holds a `|`, before the body is looked at.
    #[test]
    fn fields_shifted_across_the_bar_are_refused() {
        let body = br#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"p-42","note":"a|b"},"event":"PaymentUpdated"}}"#;
        let good = WebhookHeaders::signed(&secret(), NOW, "e1", PAYMENT_UPDATED, body);
        let bar = body.iter().position(|&b| b == b'|').unwrap();
        let (head, tail) = (std::str::from_utf8(&body[..bar]).unwrap(), &body[bar + 1..]);
        let shifted = [
            // The event type swallows the start of the body.
            (
                WebhookHeaders {
                    event_type: format!("{PAYMENT_UPDATED}|{head}"),
                    ..good.clone()
                },
                EVENT_TYPE_HEADER,
            ),
            // The event id swallows the type, the type the start of the body.
            (
                WebhookHeaders {
                    event_id: format!("e1|{PAYMENT_UPDATED}"),
                    event_type: head.to_owned(),
                    ..good.clone()
                },
                EVENT_ID_HEADER,
            ),
        ];
        for (h, culprit) in shifted {
            // The framing alone cannot tell them apart: the signature is the same...
            assert_eq!(
                sign(&secret(), &h.timestamp, &h.event_id, &h.event_type, tail),
                good.signature
            );
            // ...so the fields themselves must not hold the separator.
            match verify(&secret(), &h, tail, NOW, TOL) {
                Err(WebhookError::Malformed { header, .. }) => assert_eq!(header, culprit),
                other => panic!("a shifted delivery was not refused for its {culprit}: {other:?}"),
            }
        }
        // The timestamp swallowing the id is refused as not a number.
        let h = WebhookHeaders {
            timestamp: format!("{NOW}|e1"),
            event_id: PAYMENT_UPDATED.to_owned(),
            event_type: head.to_owned(),
            ..good.clone()
        };
        assert!(matches!(
            verify(&secret(), &h, tail, NOW, TOL),
            Err(WebhookError::Malformed {
                header: TIMESTAMP_HEADER,
                ..
            })
        ));
        // The delivery as signed passes.
        assert!(verify(&secret(), &good, body, NOW, TOL).is_ok());
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
