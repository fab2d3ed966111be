//! The service's JSON as it travels (`docs/aiia-wire.md`), and the validation of a payment
//! request the way the real service refuses one: `400` with a `code` naming the field.

use kassa_money::{Currency, Money};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::config::StatusShape;
use crate::error::ApiError;
use crate::payment::{NewPayment, PaymentStatus, PaymentView, StatusDetails};

/// Decimals of every supported currency's minor unit.
const DECIMALS: u32 = 2;

/// `POST /v1/oauth/token` reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: u64,
}

/// `POST /v2/payments/accept` reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptResponse {
    pub payment_id: String,
    pub authorization_url: String,
}

/// The scheme a currency's payments must use.
pub fn scheme_for(currency: Currency) -> &'static str {
    match currency {
        Currency::Dkk => "DanishDomesticCreditTransfer",
        Currency::Sek => "SwedishDomesticCreditTransfer",
        Currency::Nok => "NorwegianDomesticCreditTransfer",
        Currency::Eur => "SepaCreditTransfer",
    }
}

/// Countries a payer's bank list can be narrowed to.
const COUNTRIES: [&str; 4] = ["DK", "SE", "NO", "FI"];

/// Longest accepted `reference` (the strictest domestic scheme).
const REFERENCE_MAX: usize = 18;
/// SEPA: the longest reference and the characters it takes beside letters and digits.
const SEPA_REFERENCE_MAX: usize = 35;
const SEPA_REFERENCE_OTHERS: &str = " ?:().,'/-";

/// The request body with every field optional and untyped, so a missing field and a field
/// of the wrong type are told apart. `amount` keeps the number's text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAccept<'a> {
    destination_id: Option<Value>,
    #[serde(borrow)]
    amount: Option<&'a RawValue>,
    currency: Option<Value>,
    scheme_id: Option<Value>,
    reference: Option<Value>,
    redirect_url: Option<Value>,
    preselected_country: Option<Value>,
}

/// Reads and validates a `POST /v2/payments/accept` body. The first problem found, in the
/// order of the fields, is reported.
pub(crate) fn parse_accept(body: &[u8], destinations: &[String]) -> Result<NewPayment, ApiError> {
    let raw: RawAccept<'_> = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(
            "InvalidJson",
            format!("the body is not a valid JSON object: {e}"),
        )
    })?;

    let destination_id = required_str(raw.destination_id.as_ref(), "destinationId")?;
    if !destinations.iter().any(|d| d == destination_id) {
        return Err(ApiError::bad_request(
            "UnknownDestination",
            format!("destinationId \"{destination_id}\" is not a destination of this client"),
        ));
    }

    let amount = raw
        .amount
        .ok_or_else(|| missing("amount"))
        .and_then(|raw| {
            parse_amount(raw.get()).map_err(|e| ApiError::bad_request("InvalidAmount", e.message()))
        })?;

    let currency_code = required_str(raw.currency.as_ref(), "currency")?;
    let currency = Currency::ALL
        .into_iter()
        .find(|c| c.code() == currency_code)
        .ok_or_else(|| {
            ApiError::bad_request(
                "InvalidCurrency",
                format!("currency \"{currency_code}\" is not supported; use DKK, SEK, NOK or EUR"),
            )
        })?;

    let scheme_id = required_str(raw.scheme_id.as_ref(), "schemeId")?;
    let expected = scheme_for(currency);
    if scheme_id != expected {
        let known = Currency::ALL
            .into_iter()
            .any(|c| scheme_for(c) == scheme_id);
        let message = if known {
            format!("schemeId \"{scheme_id}\" does not carry {currency}; use \"{expected}\"")
        } else {
            format!(
                "schemeId \"{scheme_id}\" is not a known scheme; use \"{expected}\" for {currency}"
            )
        };
        return Err(ApiError::bad_request("InvalidScheme", message));
    }

    let reference = required_str(raw.reference.as_ref(), "reference")?;
    if !valid_reference(currency, reference) {
        return Err(ApiError::bad_request(
            "InvalidReference",
            match currency {
                Currency::Eur => format!(
                    "reference must be 1 to {SEPA_REFERENCE_MAX} of A-Z a-z 0-9 and {SEPA_REFERENCE_OTHERS:?}"
                ),
                Currency::Dkk | Currency::Sek | Currency::Nok => {
                    format!("reference must be 1 to {REFERENCE_MAX} letters (A-Z, a-z) or digits")
                }
            },
        ));
    }

    let redirect_url = required_str(raw.redirect_url.as_ref(), "redirectUrl")?;
    if !valid_redirect_url(redirect_url) {
        return Err(ApiError::bad_request(
            "InvalidRedirectUrl",
            "redirectUrl must be an absolute http or https URL",
        ));
    }

    let preselected_country = match raw.preselected_country.as_ref() {
        None => None,
        Some(Value::String(c)) if COUNTRIES.contains(&c.as_str()) => Some(c.clone()),
        Some(_) => {
            return Err(ApiError::bad_request(
                "InvalidCountry",
                "preselectedCountry must be one of DK, SE, NO, FI",
            ));
        }
    };

    Ok(NewPayment {
        money: Money::new(amount, currency),
        destination_id: destination_id.to_owned(),
        scheme_id: scheme_id.to_owned(),
        reference: reference.to_owned(),
        redirect_url: redirect_url.to_owned(),
        preselected_country,
    })
}

fn missing(field: &str) -> ApiError {
    ApiError::bad_request("MissingField", format!("{field} is required"))
}

/// A required string field (`null` counts as missing).
fn required_str<'v>(value: Option<&'v Value>, field: &str) -> Result<&'v str, ApiError> {
    match value {
        None => Err(missing(field)),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(ApiError::bad_request(
            "InvalidField",
            format!("{field} must be a string"),
        )),
    }
}

/// The scheme's rule: the domestic schemes take 1–18 letters and digits; SEPA (Aiia's
/// `^[A-Za-z0-9 ?:().,'/-]{0,35}$`, and not empty) also takes a few others, up to 35.
pub(crate) fn valid_reference(currency: Currency, reference: &str) -> bool {
    let (max, others) = match currency {
        Currency::Eur => (SEPA_REFERENCE_MAX, SEPA_REFERENCE_OTHERS),
        Currency::Dkk | Currency::Sek | Currency::Nok => (REFERENCE_MAX, ""),
    };
    (1..=max).contains(&reference.len())
        && reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || others.as_bytes().contains(&b))
}

/// `http://` or `https://`, a host, and no whitespace or control characters.
pub(crate) fn valid_redirect_url(url: &str) -> bool {
    if url.len() > 2048 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let rest = ["http://", "https://"].into_iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|s| s.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    let Some(rest) = rest else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = if host_port.starts_with('[') {
        host_port
            .split_inclusive(']')
            .next()
            .filter(|h| h.len() > 2 && h.ends_with(']'))
    } else {
        host_port.split(':').next().filter(|h| !h.is_empty())
    };
    host.is_some()
}

/// Why an amount was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AmountError {
    NotANumber,
    NotPositiveOrTooPrecise,
    TooLarge,
}

impl AmountError {
    pub fn message(self) -> &'static str {
        match self {
            AmountError::NotANumber => "amount must be a JSON number, e.g. 12.50",
            AmountError::NotPositiveOrTooPrecise => {
                "amount must be greater than 0 with at most 2 decimals"
            }
            AmountError::TooLarge => "amount is too large",
        }
    }
}

/// Minor units of a JSON number's text in major units ("12.50", "12.5", "1250e-2"), exactly,
/// without a float. Positive, at most two decimals once trailing zeros are dropped.
pub(crate) fn parse_amount(text: &str) -> Result<i64, AmountError> {
    let text = text.trim();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    // JSON's grammar: int is "0" or has no leading zero; a fraction has at least one digit.
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) || frac.is_some_and(|f| !digits(f)) {
        return Err(AmountError::NotANumber);
    }
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (sign, magnitude) = match e.strip_prefix('-') {
                Some(m) => (-1, m),
                None => (1, e.strip_prefix('+').unwrap_or(e)),
            };
            if !digits(magnitude) {
                return Err(AmountError::NotANumber);
            }
            // Beyond nine digits the value is absurdly large or small either way.
            let m = magnitude.trim_start_matches('0');
            if m.len() > 9 {
                return Err(if sign < 0 {
                    AmountError::NotPositiveOrTooPrecise
                } else {
                    AmountError::TooLarge
                });
            }
            sign * m.parse::<i64>().unwrap_or(0)
        }
    };
    let frac = frac.unwrap_or("");
    // value = significant * 10^-scale
    let mut significant = format!("{int}{frac}").trim_start_matches('0').to_owned();
    if significant.is_empty() || negative {
        return Err(AmountError::NotPositiveOrTooPrecise);
    }
    let mut scale = i64::try_from(frac.len()).map_err(|_| AmountError::NotANumber)? - exponent;
    while scale > i64::from(DECIMALS) && significant.ends_with('0') {
        significant.pop();
        scale -= 1;
    }
    if scale > i64::from(DECIMALS) {
        return Err(AmountError::NotPositiveOrTooPrecise);
    }
    let shift = u32::try_from(i64::from(DECIMALS) - scale).map_err(|_| AmountError::TooLarge)?;
    let base: i64 = significant.parse().map_err(|_| AmountError::TooLarge)?;
    10_i64
        .checked_pow(shift)
        .and_then(|factor| base.checked_mul(factor))
        .ok_or(AmountError::TooLarge)
}

/// Exact decimal text of minor units: `1250` → `12.50`.
pub(crate) fn decimal_text(minor: i64) -> String {
    let per = 10_u64.pow(DECIMALS);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let width = DECIMALS as usize;
    format!("{sign}{}.{:0width$}", abs / per, abs % per)
}

/// Serde for an amount held as minor units and sent as a JSON number in major units.
pub(crate) mod decimal_amount {
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::value::RawValue;

    pub fn serialize<S: Serializer>(minor: &i64, s: S) -> Result<S::Ok, S::Error> {
        RawValue::from_string(super::decimal_text(*minor))
            .map_err(S::Error::custom)?
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        let raw = <Box<RawValue>>::deserialize(d)?;
        super::parse_amount(raw.get()).map_err(|e| D::Error::custom(e.message()))
    }
}

/// The status reply in the object shape public clients read (`docs/aiia-wire.md`,
/// "Payment status"): `id`, and `status` as `{"code", "lastUpdated", "details"}`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObjectReply<'a> {
    id: &'a str,
    destination_id: &'a str,
    #[serde(with = "decimal_amount")]
    amount: i64,
    currency: Currency,
    reference: &'a str,
    created_at: &'a str,
    status: StatusObject<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusObject<'a> {
    code: PaymentStatus,
    last_updated: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a StatusDetails>,
}

/// The status JSON of `view` in `shape`: what `GET /v2/payments/accept/{id}` and the machine
/// approve / reject / fail endpoints answer.
pub(crate) fn status_body(view: &PaymentView, shape: StatusShape) -> Result<Vec<u8>, ApiError> {
    let body = match shape {
        StatusShape::Object => serde_json::to_vec(&ObjectReply {
            id: &view.payment_id,
            destination_id: &view.destination_id,
            amount: view.amount_minor,
            currency: view.currency,
            reference: &view.reference,
            created_at: &view.created_at,
            status: StatusObject {
                code: view.status,
                last_updated: &view.updated_at,
                details: view.details.as_ref(),
            },
        }),
        // The flat shape as one public client reads it: no details.
        StatusShape::Flat => serde_json::to_vec(&PaymentView {
            details: None,
            ..view.clone()
        }),
    };
    body.map_err(|e| {
        ApiError::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "InternalServerError",
            format!("cannot write the status: {e}"),
        )
    })
}

/// A status reply in either shape, as [`PaymentView`] reads it back (tests and tools read
/// the sandbox's replies with it).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StatusReply {
    #[serde(default)]
    payment_id: Option<String>,
    #[serde(default)]
    id: Option<String>,
    status: StatusField,
    #[serde(with = "decimal_amount")]
    amount: i64,
    currency: Currency,
    reference: String,
    destination_id: String,
    created_at: String,
    #[serde(default)]
    updated_at: Option<String>,
    #[serde(default)]
    details: Option<StatusDetails>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StatusField {
    Plain(PaymentStatus),
    Object {
        code: PaymentStatus,
        #[serde(rename = "lastUpdated")]
        last_updated: String,
        #[serde(default)]
        details: Option<StatusDetails>,
    },
}

impl TryFrom<StatusReply> for PaymentView {
    type Error = String;

    fn try_from(r: StatusReply) -> Result<Self, Self::Error> {
        let payment_id = r
            .payment_id
            .or(r.id)
            .ok_or("the status reply names no payment")?;
        let (status, updated_at, details) = match r.status {
            StatusField::Plain(code) => (
                code,
                r.updated_at.ok_or("the status reply has no updatedAt")?,
                r.details,
            ),
            StatusField::Object {
                code,
                last_updated,
                details,
            } => (code, last_updated, details.or(r.details)),
        };
        Ok(PaymentView {
            payment_id,
            status,
            amount_minor: r.amount,
            currency: r.currency,
            reference: r.reference,
            destination_id: r.destination_id,
            created_at: r.created_at,
            updated_at,
            details,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn view(status: PaymentStatus, details: Option<StatusDetails>) -> PaymentView {
        PaymentView {
            payment_id: "20261125.cys5ihh856sw7btuoimya551nh".into(),
            status,
            amount_minor: 1250,
            currency: Currency::Dkk,
            reference: "KASSA1".into(),
            destination_id: "dest".into(),
            created_at: "2026-11-25T09:46:40.000Z".into(),
            updated_at: "2026-11-25T09:46:52.000Z".into(),
            details,
        }
    }

    #[test]
    fn the_status_is_written_in_the_object_shape_or_the_flat_one_and_read_back_from_both() {
        let details = StatusDetails {
            reason: "InsufficientFunds".into(),
            description: "insufficient funds".into(),
            message_to_payer: "Your bank declined the payment.".into(),
        };
        let v = view(PaymentStatus::Rejected, Some(details));
        let object = String::from_utf8(status_body(&v, StatusShape::Object).unwrap()).unwrap();
        assert_eq!(
            object,
            r#"{"id":"20261125.cys5ihh856sw7btuoimya551nh","destinationId":"dest","amount":12.50,"currency":"DKK","reference":"KASSA1","createdAt":"2026-11-25T09:46:40.000Z","status":{"code":"Rejected","lastUpdated":"2026-11-25T09:46:52.000Z","details":{"reason":"InsufficientFunds","description":"insufficient funds","messageToPayer":"Your bank declined the payment."}}}"#
        );
        let flat = String::from_utf8(status_body(&v, StatusShape::Flat).unwrap()).unwrap();
        assert_eq!(
            flat,
            r#"{"paymentId":"20261125.cys5ihh856sw7btuoimya551nh","status":"Rejected","amount":12.50,"currency":"DKK","reference":"KASSA1","destinationId":"dest","createdAt":"2026-11-25T09:46:40.000Z","updatedAt":"2026-11-25T09:46:52.000Z"}"#
        );
        assert_eq!(serde_json::from_str::<PaymentView>(&object).unwrap(), v);
        let back: PaymentView = serde_json::from_str(&flat).unwrap();
        assert_eq!(
            back,
            PaymentView {
                details: None,
                ..v.clone()
            }
        );
        // A status with nothing to explain has no details in either shape.
        let open = view(PaymentStatus::Initiated, None);
        let object = String::from_utf8(status_body(&open, StatusShape::Object).unwrap()).unwrap();
        assert!(!object.contains("details"), "{object}");
    }

    fn dests() -> Vec<String> {
        vec!["dest-1".into()]
    }

    fn body(overrides: &[(&str, Option<&str>)]) -> Vec<u8> {
        let mut fields = vec![
            ("destinationId", Some(r#""dest-1""#)),
            ("amount", Some("12.50")),
            ("currency", Some(r#""DKK""#)),
            ("schemeId", Some(r#""DanishDomesticCreditTransfer""#)),
            ("reference", Some(r#""KASSA4F2A91""#)),
            ("redirectUrl", Some(r#""https://kassa.local/return""#)),
        ];
        for (name, value) in overrides {
            match fields.iter_mut().find(|(n, _)| n == name) {
                Some(field) => field.1 = *value,
                None => fields.push((name, *value)),
            }
        }
        let parts: Vec<String> = fields
            .iter()
            .filter_map(|(n, v)| v.map(|v| format!("\"{n}\":{v}")))
            .collect();
        format!("{{{}}}", parts.join(",")).into_bytes()
    }

    fn code_of(overrides: &[(&str, Option<&str>)]) -> &'static str {
        parse_accept(&body(overrides), &dests()).unwrap_err().code
    }

    #[test]
    fn a_documented_request_is_accepted() {
        let p = parse_accept(&body(&[("preselectedCountry", Some(r#""DK""#))]), &dests()).unwrap();
        assert_eq!(p.money, Money::new(1250, Currency::Dkk));
        assert_eq!(p.destination_id, "dest-1");
        assert_eq!(p.reference, "KASSA4F2A91");
        assert_eq!(p.preselected_country.as_deref(), Some("DK"));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        assert!(parse_accept(&body(&[("somethingNew", Some("[1,2]"))]), &dests()).is_ok());
    }

    #[test]
    fn malformed_bodies() {
        for bad in [
            &b"{"[..],
            b"",
            b"[]",
            b"\"text\"",
            b"{\"amount\":12.5,\"amount\":1}",
        ] {
            let e = parse_accept(bad, &dests()).unwrap_err();
            assert_eq!((e.code, e.status.as_u16()), ("InvalidJson", 400));
        }
    }

    #[test]
    fn missing_and_mistyped_fields() {
        for field in [
            "destinationId",
            "amount",
            "currency",
            "schemeId",
            "reference",
            "redirectUrl",
        ] {
            let e = parse_accept(&body(&[(field, None)]), &dests()).unwrap_err();
            assert_eq!(e.code, "MissingField", "{field}");
            assert!(e.message.contains(field));
            assert_eq!(
                code_of(&[(field, Some("null"))]),
                "MissingField",
                "{field} null"
            );
        }
        assert_eq!(code_of(&[("reference", Some("12"))]), "InvalidField");
        assert_eq!(code_of(&[("destinationId", Some("{}"))]), "InvalidField");
    }

    #[test]
    fn each_scheme_checks_the_reference_with_its_own_rule() {
        let sepa = |reference: &str| {
            parse_accept(
                &body(&[
                    ("currency", Some(r#""EUR""#)),
                    ("schemeId", Some(r#""SepaCreditTransfer""#)),
                    ("reference", Some(reference)),
                ]),
                &dests(),
            )
        };
        assert_eq!(
            sepa(r#""Bord 7, ord. 12/3""#).unwrap().reference,
            "Bord 7, ord. 12/3"
        );
        assert_eq!(sepa(r#""Bord 7 øå""#).unwrap_err().code, "InvalidReference");
        assert_eq!(
            sepa(&format!("\"{}\"", "A".repeat(36))).unwrap_err().code,
            "InvalidReference"
        );
        assert!(sepa(&format!("\"{}\"", "A".repeat(35))).is_ok());
        // The domestic schemes take letters and digits only.
        assert_eq!(
            code_of(&[("reference", Some(r#""Bord 7""#))]),
            "InvalidReference"
        );
    }

    #[test]
    fn field_rules() {
        let cases: &[(&str, &str, &str)] = &[
            ("destinationId", r#""other""#, "UnknownDestination"),
            ("currency", r#""USD""#, "InvalidCurrency"),
            ("currency", r#""dkk""#, "InvalidCurrency"),
            ("schemeId", r#""SepaCreditTransfer""#, "InvalidScheme"),
            ("schemeId", r#""Swish""#, "InvalidScheme"),
            ("amount", "0", "InvalidAmount"),
            ("amount", "-1.00", "InvalidAmount"),
            ("amount", "12.505", "InvalidAmount"),
            ("amount", r#""12.50""#, "InvalidAmount"),
            ("amount", "true", "InvalidAmount"),
            ("amount", "99999999999999999999", "InvalidAmount"),
            ("reference", r#""""#, "InvalidReference"),
            ("reference", r#""KASSA-1""#, "InvalidReference"),
            ("reference", r#""ÆBLE""#, "InvalidReference"),
            ("reference", r#""ABCDEFGHIJ123456789""#, "InvalidReference"),
            (
                "redirectUrl",
                r#""ftp://kassa.local""#,
                "InvalidRedirectUrl",
            ),
            (
                "redirectUrl",
                r#""kassa.local/return""#,
                "InvalidRedirectUrl",
            ),
            ("redirectUrl", r#""https://""#, "InvalidRedirectUrl"),
            ("redirectUrl", r#""https://a b/""#, "InvalidRedirectUrl"),
            ("preselectedCountry", r#""US""#, "InvalidCountry"),
            ("preselectedCountry", "45", "InvalidCountry"),
        ];
        for (field, value, code) in cases {
            assert_eq!(code_of(&[(field, Some(value))]), *code, "{field}={value}");
        }
    }

    #[test]
    fn each_currency_takes_its_own_scheme() {
        for currency in Currency::ALL {
            assert_eq!(currency.exponent(), DECIMALS);
            let c = format!("\"{}\"", currency.code());
            let s = format!("\"{}\"", scheme_for(currency));
            let p = parse_accept(
                &body(&[("currency", Some(&c)), ("schemeId", Some(&s))]),
                &dests(),
            )
            .unwrap();
            assert_eq!(p.money.currency, currency);
        }
    }

    #[test]
    fn amounts_are_read_from_their_text() {
        assert_eq!(parse_amount("12.50"), Ok(1250));
        assert_eq!(parse_amount("12.5"), Ok(1250));
        assert_eq!(parse_amount("12"), Ok(1200));
        assert_eq!(parse_amount("0.01"), Ok(1));
        assert_eq!(parse_amount("0.10"), Ok(10));
        assert_eq!(parse_amount("12.500"), Ok(1250));
        assert_eq!(parse_amount("1250e-2"), Ok(1250));
        assert_eq!(parse_amount("1.25E+1"), Ok(1250));
        assert_eq!(parse_amount(" 7 "), Ok(700));
        assert_eq!(parse_amount("92233720368547758.07"), Ok(i64::MAX));
    }

    #[test]
    fn amounts_refused() {
        use AmountError::*;
        for (text, err) in [
            ("0", NotPositiveOrTooPrecise),
            ("0.00", NotPositiveOrTooPrecise),
            ("-0", NotPositiveOrTooPrecise),
            ("-5", NotPositiveOrTooPrecise),
            ("0.001", NotPositiveOrTooPrecise),
            ("1e-3", NotPositiveOrTooPrecise),
            ("1e-9999999999", NotPositiveOrTooPrecise),
            ("92233720368547758.08", TooLarge),
            ("1e17", TooLarge),
            ("1e9999999999", TooLarge),
            ("\"1.00\"", NotANumber),
            ("01.5", NotANumber),
            ("1.", NotANumber),
            (".5", NotANumber),
            ("1e", NotANumber),
            ("null", NotANumber),
            ("NaN", NotANumber),
        ] {
            assert_eq!(parse_amount(text), Err(err), "{text}");
        }
    }

    #[test]
    fn decimal_text_is_exact() {
        assert_eq!(decimal_text(1250), "12.50");
        assert_eq!(decimal_text(1), "0.01");
        assert_eq!(decimal_text(0), "0.00");
        assert_eq!(decimal_text(-105), "-1.05");
        assert_eq!(decimal_text(i64::MAX), "92233720368547758.07");
        assert_eq!(decimal_text(i64::MIN), "-92233720368547758.08");
    }

    #[test]
    fn redirect_urls() {
        for ok in [
            "https://kassa.local/return",
            "http://127.0.0.1:8080/x?y=1",
            "HTTPS://EXAMPLE.COM",
            "https://[::1]:9/",
            "https://user@host",
        ] {
            assert!(valid_redirect_url(ok), "{ok}");
        }
        for bad in [
            "",
            "https://",
            "https://:80/",
            "mailto:a@b",
            "javascript:alert(1)",
            "http:/x",
        ] {
            assert!(!valid_redirect_url(bad), "{bad}");
        }
    }
}
