//! Aiia Pay's JSON, exactly as it travels. See `docs/aiia-wire.md` for the decisions and
//! their sources; a correction to the wire format is a change to this module only.

use std::fmt;

use kassa_money::{Currency, Money};
use serde::de::{self, Deserializer};
use serde::ser::{Error as _, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// `POST /v2/payments/accept` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptPaymentRequest {
    pub destination_id: String,
    pub amount: DecimalAmount,
    pub currency: Currency,
    pub scheme_id: String,
    pub reference: String,
    pub redirect_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preselected_country: Option<String>,
}

/// `POST /v2/payments/accept` reply.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptPaymentResponse {
    pub payment_id: String,
    pub authorization_url: String,
}

/// `GET /v2/payments/accept/{paymentId}` reply. Only the id and the status are relied on;
/// the rest is read when present and unknown fields are ignored. Both shapes public clients
/// read are taken: the id as `paymentId` or `id`, and `status` as a plain string or as an
/// object `{"code", "lastUpdated", "details": {"reason", "description", "messageToPayer"}}`
/// (see `docs/aiia-wire.md`, "Payment status").
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "StatusReplyWire")]
pub struct PaymentStatusResponse {
    pub payment_id: String,
    pub status: PaymentStatus,
    pub amount: Option<Box<RawValue>>,
    pub currency: Option<String>,
    pub reference: Option<String>,
    /// When the status last changed (`updatedAt`, or the status object's `lastUpdated`).
    pub updated_at: Option<String>,
    /// Why, in the service's words, when the status object says (`details.reason`).
    pub reason: Option<String>,
    /// The service's description of the status (`details.description`).
    pub description: Option<String>,
}

/// The status reply as it travels, before the two shapes are brought together.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusReplyWire {
    #[serde(default)]
    payment_id: Option<String>,
    #[serde(default)]
    id: Option<String>,
    status: StatusField,
    #[serde(default)]
    amount: Option<Box<RawValue>>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    reference: Option<String>,
    #[serde(default)]
    updated_at: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StatusField {
    Plain(String),
    Object(StatusObject),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusObject {
    code: String,
    #[serde(default)]
    last_updated: Option<String>,
    #[serde(default)]
    details: Option<StatusDetails>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusDetails {
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl TryFrom<StatusReplyWire> for PaymentStatusResponse {
    type Error = String;

    fn try_from(w: StatusReplyWire) -> Result<Self, Self::Error> {
        let payment_id = w
            .payment_id
            .or(w.id)
            .ok_or_else(|| "the status reply names no payment (no paymentId or id)".to_owned())?;
        let (status, last_updated, details) = match w.status {
            StatusField::Plain(code) => (PaymentStatus::parse(&code), None, None),
            StatusField::Object(o) => (PaymentStatus::parse(&o.code), o.last_updated, o.details),
        };
        let (reason, description) = details.map_or((None, None), |d| (d.reason, d.description));
        Ok(PaymentStatusResponse {
            payment_id,
            status,
            amount: w.amount,
            currency: w.currency,
            reference: w.reference,
            updated_at: w.updated_at.or(last_updated),
            reason,
            description,
        })
    }
}

impl PaymentStatusResponse {
    /// The amount the service holds for this payment, when it sent one Kassa can read exactly.
    pub fn money(&self) -> Option<Money> {
        let currency: Currency = self.currency.as_deref()?.parse().ok()?;
        Money::from_decimal(self.amount.as_ref()?.get(), currency).ok()
    }
}

/// `POST /v1/oauth/token` reply.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(default)]
    pub token_type: Option<String>,
    pub expires_in: u64,
}

/// The body of every non-2xx reply: the API's `{"code", "message"}` or OAuth's
/// `{"error", "error_description"}` (RFC 6749 section 5.2, what the token endpoint answers).
/// All fields are optional so that a proxy's or load balancer's error page still yields
/// something to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub trace_id: Option<String>,
    /// OAuth's error code (`invalid_client`, `invalid_grant`, …).
    #[serde(default)]
    pub error: Option<String>,
    /// OAuth's readable text.
    #[serde(default, rename = "error_description")]
    pub error_description: Option<String>,
}

impl ErrorBody {
    /// The code and message, from whichever of the two shapes the body has (the API's first).
    pub fn code_and_message(self) -> (Option<String>, Option<String>) {
        let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        (
            nonempty(self.code).or(nonempty(self.error)),
            nonempty(self.message).or(nonempty(self.error_description)),
        )
    }
}

/// A payment's status as Aiia reports it. An unknown value is kept, never fatal, and counts
/// as not final so the payment stays followed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PaymentStatus {
    Initiated,
    AwaitingAuthorization,
    Authorized,
    Executed,
    Rejected,
    Failed,
    Expired,
    Unknown(String),
}

impl PaymentStatus {
    pub fn as_str(&self) -> &str {
        match self {
            PaymentStatus::Initiated => "Initiated",
            PaymentStatus::AwaitingAuthorization => "AwaitingAuthorization",
            PaymentStatus::Authorized => "Authorized",
            PaymentStatus::Executed => "Executed",
            PaymentStatus::Rejected => "Rejected",
            PaymentStatus::Failed => "Failed",
            PaymentStatus::Expired => "Expired",
            PaymentStatus::Unknown(s) => s,
        }
    }

    pub fn parse(s: &str) -> PaymentStatus {
        match s {
            "Initiated" => PaymentStatus::Initiated,
            "AwaitingAuthorization" => PaymentStatus::AwaitingAuthorization,
            "Authorized" => PaymentStatus::Authorized,
            "Executed" => PaymentStatus::Executed,
            "Rejected" => PaymentStatus::Rejected,
            "Failed" => PaymentStatus::Failed,
            "Expired" => PaymentStatus::Expired,
            other => PaymentStatus::Unknown(other.to_owned()),
        }
    }

    /// The service will not move this payment any more.
    pub fn is_final(&self) -> bool {
        match self {
            PaymentStatus::Executed
            | PaymentStatus::Rejected
            | PaymentStatus::Failed
            | PaymentStatus::Expired => true,
            PaymentStatus::Initiated
            | PaymentStatus::AwaitingAuthorization
            | PaymentStatus::Authorized
            | PaymentStatus::Unknown(_) => false,
        }
    }

    /// The money has been sent.
    pub fn is_paid(&self) -> bool {
        matches!(self, PaymentStatus::Executed)
    }
}

impl fmt::Display for PaymentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for PaymentStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(PaymentStatus::parse(&s))
    }
}

impl Serialize for PaymentStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An amount written as a JSON number in major units ("12.50"), produced from integer minor
/// units as exact text so no float ever touches money.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecimalAmount(pub Money);

impl Serialize for DecimalAmount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.decimal()).map_err(S::Error::custom)?;
        raw.serialize(s)
    }
}

impl<'de> Deserialize<'de> for DecimalAmount {
    /// Reads the number's text; the currency is not known here, so the value comes back as
    /// two-decimal minor units tagged with a placeholder currency the caller replaces.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <Box<RawValue>>::deserialize(d)?;
        Money::from_decimal(raw.get(), Currency::Eur)
            .map(DecimalAmount)
            .map_err(de::Error::custom)
    }
}

/// The payment scheme Kassa uses for a currency (domestic instant transfer, SEPA for EUR).
pub fn scheme_for(currency: Currency) -> &'static str {
    match currency {
        Currency::Dkk => "DanishDomesticCreditTransfer",
        Currency::Sek => "SwedishDomesticCreditTransfer",
        Currency::Nok => "NorwegianDomesticCreditTransfer",
        Currency::Eur => "SepaCreditTransfer",
    }
}

/// Longest `reference` all of Kassa's schemes accept.
pub const REFERENCE_MAX: usize = 18;

/// What a payment scheme takes in `reference`: ASCII letters and digits, the characters in
/// `also`, at most `max` of them (Kassa never sends an empty one: it makes its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceRule {
    pub max: usize,
    /// Characters the scheme takes besides ASCII letters and digits.
    pub also: &'static str,
}

impl ReferenceRule {
    pub fn allows(&self, c: char) -> bool {
        c.is_ascii_alphanumeric() || self.also.contains(c)
    }

    /// What it takes, in words: "letters A–Z and digits", or with the others listed.
    pub fn describe(&self) -> String {
        if self.also.is_empty() {
            "letters A–Z and digits".into()
        } else {
            let others: Vec<String> = self
                .also
                .chars()
                .map(|c| {
                    if c == ' ' {
                        "space".into()
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            format!("letters A–Z, digits and {}", others.join(" "))
        }
    }
}

/// The reference rule of the scheme Kassa uses for `currency` ([`scheme_for`]). SEPA (EUR):
/// Aiia's "Supported Payment Schemes" page gives its SEPA schemes the rule
/// `^[A-Za-z0-9 ?:().,'/-]{0,35}$`. The domestic schemes (DKK, SEK, NOK): 1–18 letters and
/// digits, the strictest rule of the domestic schemes (docs/aiia-wire.md).
pub fn reference_rule(currency: Currency) -> ReferenceRule {
    match currency {
        Currency::Dkk | Currency::Sek | Currency::Nok => ReferenceRule {
            max: REFERENCE_MAX,
            also: "",
        },
        Currency::Eur => ReferenceRule {
            max: 35,
            also: " ?:().,'/-",
        },
    }
}

/// Why a payment reference breaks the scheme rules. Messages are for a cashier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    #[error("the reference is empty")]
    Empty,
    #[error("the reference is {len} characters; the bank allows at most {max}")]
    TooLong { len: usize, max: usize },
    #[error("the reference may hold only {}; \"{c}\" is not allowed", rule.describe())]
    BadCharacter { c: char, rule: ReferenceRule },
}

/// Checks a reference against the strictest rule of the supported schemes: 1–18 ASCII
/// letters and digits.
pub fn validate_reference(reference: &str) -> Result<(), ReferenceError> {
    validate_reference_with(reference, reference_rule(Currency::Dkk))
}

/// Checks a reference against the rule of the scheme Kassa uses for `currency`.
pub fn validate_reference_for(currency: Currency, reference: &str) -> Result<(), ReferenceError> {
    validate_reference_with(reference, reference_rule(currency))
}

fn validate_reference_with(reference: &str, rule: ReferenceRule) -> Result<(), ReferenceError> {
    if reference.is_empty() {
        return Err(ReferenceError::Empty);
    }
    if let Some(c) = reference.chars().find(|&c| !rule.allows(c)) {
        return Err(ReferenceError::BadCharacter { c, rule });
    }
    let len = reference.chars().count();
    if len > rule.max {
        return Err(ReferenceError::TooLong { len, max: rule.max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_request_matches_the_documented_shape() {
        let req = AcceptPaymentRequest {
            destination_id: "dest-1".into(),
            amount: DecimalAmount(Money::new(1250, Currency::Dkk)),
            currency: Currency::Dkk,
            scheme_id: scheme_for(Currency::Dkk).into(),
            reference: "KASSA4F2A91".into(),
            redirect_url: "https://kassa.local/return".into(),
            preselected_country: None,
        };
        assert_eq!(
            serde_json::to_string(&req).unwrap(),
            r#"{"destinationId":"dest-1","amount":12.50,"currency":"DKK","schemeId":"DanishDomesticCreditTransfer","reference":"KASSA4F2A91","redirectUrl":"https://kassa.local/return"}"#
        );
    }

    #[test]
    fn status_reply_is_read_with_unknown_fields_and_statuses() {
        let body = r#"{"paymentId":"p1","status":"SomethingNew","amount":12.5,"currency":"DKK",
                      "reference":"R1","extra":{"nested":true}}"#;
        let s: PaymentStatusResponse = serde_json::from_str(body).unwrap();
        assert_eq!(s.status, PaymentStatus::Unknown("SomethingNew".into()));
        assert!(!s.status.is_final());
        assert_eq!(s.money(), Some(Money::new(1250, Currency::Dkk)));
    }

    #[test]
    fn status_replies_are_read_in_both_public_shapes() {
        // The object shape public clients read, with `id` and an unknown extra field.
        let body = r#"{"id":"20200710.cys5ihh856sw7btuoimya551nh","amount":{"value":12.5},
                      "createdAt":"2026-12-01T10:00:00Z","extra":[1,2],
                      "status":{"code":"Rejected","lastUpdated":"2026-12-01T10:00:09Z",
                                "details":{"reason":"UserCancelled","description":"The payer cancelled",
                                           "messageToPayer":"x"}}}"#;
        let s: PaymentStatusResponse = serde_json::from_str(body).unwrap();
        assert_eq!(s.payment_id, "20200710.cys5ihh856sw7btuoimya551nh");
        assert_eq!(s.status, PaymentStatus::Rejected);
        assert_eq!(s.updated_at.as_deref(), Some("2026-12-01T10:00:09Z"));
        assert_eq!(s.reason.as_deref(), Some("UserCancelled"));
        assert_eq!(s.description.as_deref(), Some("The payer cancelled"));
        assert_eq!(
            s.money(),
            None,
            "an amount Kassa cannot read exactly is not compared"
        );
        // The flat shape with `paymentId`.
        let s: PaymentStatusResponse =
            serde_json::from_str(r#"{"paymentId":"p1","status":"Executed"}"#).unwrap();
        assert_eq!(
            (s.payment_id.as_str(), s.status),
            ("p1", PaymentStatus::Executed)
        );
        assert_eq!(s.reason, None);
        // An object status with only its code, and an unknown code, stay readable.
        let s: PaymentStatusResponse =
            serde_json::from_str(r#"{"id":"p2","status":{"code":"Settling"}}"#).unwrap();
        assert_eq!(s.status, PaymentStatus::Unknown("Settling".into()));
        // No id at all is refused with a reason, not read as some payment.
        let e =
            serde_json::from_str::<PaymentStatusResponse>(r#"{"status":"Executed"}"#).unwrap_err();
        assert!(e.to_string().contains("names no payment"), "{e}");
        assert!(serde_json::from_str::<PaymentStatusResponse>(r#"{"id":"p","status":7}"#).is_err());
    }

    #[test]
    fn every_documented_status_round_trips() {
        for (text, is_final) in [
            ("Initiated", false),
            ("AwaitingAuthorization", false),
            ("Authorized", false),
            ("Executed", true),
            ("Rejected", true),
            ("Failed", true),
            ("Expired", true),
        ] {
            let s = PaymentStatus::parse(text);
            assert!(!matches!(s, PaymentStatus::Unknown(_)), "{text}");
            assert_eq!(s.as_str(), text);
            assert_eq!(s.is_final(), is_final, "{text}");
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{text}\""));
        }
        assert!(PaymentStatus::Executed.is_paid());
        assert!(!PaymentStatus::Authorized.is_paid());
    }

    #[test]
    fn decimal_amount_reads_exact_text() {
        let a: DecimalAmount = serde_json::from_str("0.10").unwrap();
        assert_eq!(a.0.minor, 10);
        assert!(serde_json::from_str::<DecimalAmount>("0.105").is_err());
        assert!(serde_json::from_str::<DecimalAmount>("\"1.00\"").is_err());
    }

    #[test]
    fn reference_rules() {
        assert_eq!(validate_reference("Table12"), Ok(()));
        assert_eq!(validate_reference(""), Err(ReferenceError::Empty));
        let domestic = reference_rule(Currency::Dkk);
        assert_eq!(
            validate_reference("A-1"),
            Err(ReferenceError::BadCharacter {
                c: '-',
                rule: domestic
            })
        );
        assert_eq!(
            validate_reference("æble"),
            Err(ReferenceError::BadCharacter {
                c: 'æ',
                rule: domestic
            })
        );
        assert_eq!(
            validate_reference(&"A".repeat(19)),
            Err(ReferenceError::TooLong { len: 19, max: 18 })
        );
        assert_eq!(
            validate_reference("A-1").unwrap_err().to_string(),
            "the reference may hold only letters A–Z and digits; \"-\" is not allowed"
        );
    }

    #[test]
    fn each_scheme_has_its_own_reference_rule() {
        for c in [Currency::Dkk, Currency::Sek, Currency::Nok] {
            assert_eq!(validate_reference_for(c, "Bord7"), Ok(()));
            assert!(validate_reference_for(c, "Bord 7").is_err(), "{c}");
        }
        // SEPA takes spaces and some punctuation, up to 35, but no letters beyond A–Z.
        let sepa = reference_rule(Currency::Eur);
        assert_eq!(
            validate_reference_for(Currency::Eur, "Bord 7, ord. 12/3"),
            Ok(())
        );
        assert_eq!(
            validate_reference_for(Currency::Eur, "Bord 7 øå"),
            Err(ReferenceError::BadCharacter {
                c: 'ø', rule: sepa
            })
        );
        assert_eq!(
            validate_reference_for(Currency::Eur, &"A".repeat(35)),
            Ok(())
        );
        assert_eq!(
            validate_reference_for(Currency::Eur, &"A".repeat(36)),
            Err(ReferenceError::TooLong { len: 36, max: 35 })
        );
        assert_eq!(
            validate_reference_for(Currency::Eur, "a_b")
                .unwrap_err()
                .to_string(),
            "the reference may hold only letters A–Z, digits and space ? : ( ) . , ' / -; \"_\" is not allowed"
        );
    }

    #[test]
    fn error_body_tolerates_anything_json() {
        let e: ErrorBody =
            serde_json::from_str(r#"{"code":"InvalidAmount","message":"no"}"#).unwrap();
        assert_eq!(e.code.as_deref(), Some("InvalidAmount"));
        let e: ErrorBody = serde_json::from_str("{}").unwrap();
        assert_eq!(e, ErrorBody::default());
    }

    #[test]
    fn oauth_error_bodies_are_read_beside_the_api_shape() {
        let e: ErrorBody = serde_json::from_str(
            r#"{"error":"invalid_grant","error_description":"the code has expired"}"#,
        )
        .unwrap();
        assert_eq!(
            e.code_and_message(),
            (
                Some("invalid_grant".into()),
                Some("the code has expired".into())
            )
        );
        let e: ErrorBody =
            serde_json::from_str(r#"{"code":"InvalidAmount","message":"no","error":"x"}"#).unwrap();
        assert_eq!(
            e.code_and_message(),
            (Some("InvalidAmount".into()), Some("no".into()))
        );
        assert_eq!(ErrorBody::default().code_and_message(), (None, None));
    }
}
