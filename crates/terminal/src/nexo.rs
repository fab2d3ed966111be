//! The nexo Sale-to-POI messages Kassa reads and writes, in their JSON form (the one card
//! terminals' "Terminal API" uses): `SaleToPOIRequest` / `SaleToPOIResponse`, each a
//! `MessageHeader` and one body named after its category. Only the fields Kassa uses are
//! declared; a register's other fields are read past, never refused. Amounts are JSON
//! decimal numbers, read and written as their exact text (never through a float).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// The whole request as the register posts it.
#[derive(Debug, Deserialize)]
pub struct RequestEnvelope {
    #[serde(rename = "SaleToPOIRequest")]
    pub request: SaleToPoiRequest,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SaleToPoiRequest {
    pub message_header: RequestHeader,
    pub payment_request: Option<PaymentRequest>,
    pub abort_request: Option<AbortRequest>,
    pub transaction_status_request: Option<TransactionStatusRequest>,
    pub login_request: Option<LoginRequest>,
    pub logout_request: Option<serde::de::IgnoredAny>,
}

/// A request's header. `ServiceID` is required for every category Kassa serves (they are
/// all of `MessageClass` `Service`); its absence is told as a format error, not a parse one.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RequestHeader {
    pub protocol_version: Option<String>,
    pub message_class: String,
    pub message_category: String,
    pub message_type: String,
    #[serde(rename = "ServiceID")]
    pub service_id: Option<String>,
    #[serde(rename = "SaleID")]
    pub sale_id: String,
    #[serde(rename = "POIID")]
    pub poi_id: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentRequest {
    pub sale_data: SaleData,
    pub payment_transaction: PaymentTransaction,
    pub payment_data: Option<PaymentData>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SaleData {
    #[serde(rename = "SaleTransactionID")]
    pub sale_transaction_id: TransactionId,
}

/// A transaction's id and time stamp (nexo `TransactionIdentification`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct TransactionId {
    #[serde(rename = "TransactionID")]
    pub transaction_id: String,
    #[serde(rename = "TimeStamp")]
    pub time_stamp: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentTransaction {
    pub amounts_req: AmountsReq,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AmountsReq {
    pub currency: String,
    /// The JSON number exactly as the register wrote it (`12.5`, `12.50`, `1250`).
    pub requested_amount: Box<RawValue>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentData {
    /// `Normal` (a payment) is the only one Kassa takes; `Refund` is a bank transfer the
    /// merchant makes (Kassa's Return).
    pub payment_type: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AbortRequest {
    pub abort_reason: Option<String>,
    pub message_reference: MessageReference,
}

/// Which earlier message a request is about.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MessageReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_category: Option<String>,
    #[serde(rename = "ServiceID", skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(rename = "SaleID", skip_serializing_if = "Option::is_none")]
    pub sale_id: Option<String>,
    #[serde(rename = "POIID", skip_serializing_if = "Option::is_none")]
    pub poi_id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactionStatusRequest {
    pub message_reference: Option<MessageReference>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LoginRequest {
    pub sale_software: Option<SaleSoftware>,
    #[serde(rename = "OperatorID")]
    pub operator_id: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SaleSoftware {
    #[serde(rename = "ManufacturerID")]
    pub manufacturer_id: Option<String>,
    pub application_name: Option<String>,
    pub software_version: Option<String>,
}

// ---- responses ----

/// The whole response Kassa sends.
#[derive(Debug, Clone, Serialize)]
pub struct ResponseEnvelope {
    #[serde(rename = "SaleToPOIResponse")]
    pub response: SaleToPoiResponse,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SaleToPoiResponse {
    pub message_header: ResponseHeader,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_response: Option<PaymentResponse>,
    /// Kassa's answer to an `AbortRequest` (nexo defines none; a register may ignore it):
    /// whether the abort was taken, and if not, why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_response: Option<BareResponse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_status_response: Option<TransactionStatusResponse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_response: Option<LoginResponse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logout_response: Option<BareResponse>,
}

/// A response's header: the request's, with `MessageType` `Response`. What could not be read
/// of a malformed request is left out.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResponseHeader {
    pub protocol_version: &'static str,
    pub message_class: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_category: Option<String>,
    pub message_type: &'static str,
    #[serde(rename = "ServiceID", skip_serializing_if = "Option::is_none")]
    pub service_id: Option<String>,
    #[serde(rename = "SaleID", skip_serializing_if = "Option::is_none")]
    pub sale_id: Option<String>,
    #[serde(rename = "POIID", skip_serializing_if = "Option::is_none")]
    pub poi_id: Option<String>,
}

/// nexo's `Response`: the result, why it failed, and more in `key=value&…` form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Response {
    pub result: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_condition: Option<ErrorCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_response: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Outcome {
    Success,
    Failure,
}

/// nexo's `ErrorCondition` values Kassa gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ErrorCondition {
    /// The register's `AbortRequest` was taken: the payment ended unpaid.
    Aborted,
    /// Kassa is busy with another payment (another register's, or the cashier's own).
    Busy,
    /// The sale was cancelled at Kassa, or nobody approved it in time.
    Cancel,
    /// The payment is still running (a status asked too soon, or an abort refused).
    InProgress,
    /// The message cannot be read; `AdditionalResponse` names the field and why.
    MessageFormat,
    /// The request is understood but not allowed (a wrong token, another currency, a
    /// `ServiceID` used before).
    NotAllowed,
    /// No such payment.
    NotFound,
    /// The customer declined in their bank, or the bank could not complete it.
    Refusal,
    /// A category or payment type Kassa does not serve.
    UnavailableService,
    /// The payment service could not be reached to make a code.
    UnreachableHost,
}

/// A body that is only a `Response`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BareResponse {
    pub response: Response,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentResponse {
    pub response: Response,
    /// The register's transaction, as it sent it (left out when the request did not read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sale_data: Option<SaleData>,
    #[serde(rename = "POIData", skip_serializing_if = "Option::is_none")]
    pub poi_data: Option<PoiData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_result: Option<PaymentResult>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub payment_receipt: Vec<PaymentReceipt>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PoiData {
    /// Kassa's sale: its id and when it was opened.
    #[serde(rename = "POITransactionID")]
    pub poi_transaction_id: TransactionId,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentResult {
    pub payment_type: &'static str,
    pub online_flag: bool,
    pub amounts_resp: AmountsResp,
    pub payment_acquirer_data: PaymentAcquirerData,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AmountsResp {
    pub currency: String,
    /// The exact decimal, e.g. `12.50`.
    pub authorized_amount: Box<RawValue>,
}

/// The bank payment that paid the sale: Aiia's payment id, and when the sale was paid.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentAcquirerData {
    #[serde(rename = "AcquirerTransactionID")]
    pub acquirer_transaction_id: TransactionId,
    #[serde(rename = "AcquirerPOIID")]
    pub acquirer_poi_id: String,
}

/// A receipt as lines of text (nexo `PaymentReceipt`, `OutputFormat` `Text`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PaymentReceipt {
    pub document_qualifier: &'static str,
    pub required_signature_flag: bool,
    pub output_content: OutputContent,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct OutputContent {
    pub output_format: &'static str,
    pub output_text: Vec<OutputText>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct OutputText {
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactionStatusResponse {
    pub response: Response,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_reference: Option<MessageReference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeated_message_response: Option<RepeatedMessageResponse>,
}

/// The payment's own response, as it was (or would have been) sent.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RepeatedMessageResponse {
    pub message_header: ResponseHeader,
    pub repeated_response_message_body: RepeatedBody,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RepeatedBody {
    pub payment_response: PaymentResponse,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct LoginResponse {
    pub response: Response,
    #[serde(rename = "POISystemData")]
    pub poi_system_data: PoiSystemData,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PoiSystemData {
    pub date_time: String,
    #[serde(rename = "POIStatus")]
    pub poi_status: PoiStatus,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PoiStatus {
    pub global_status: &'static str,
}

impl Response {
    pub fn success() -> Response {
        Response {
            result: Outcome::Success,
            error_condition: None,
            additional_response: None,
        }
    }

    /// A failure with `message` (a sentence for the register's developer or cashier) and
    /// more `pairs`, form-encoded in `AdditionalResponse` as `message=…&key=value`.
    pub fn failure(condition: ErrorCondition, message: &str, pairs: &[(&str, &str)]) -> Response {
        Response {
            result: Outcome::Failure,
            error_condition: Some(condition),
            additional_response: Some(additional(message, pairs)),
        }
    }
}

/// `message=…&key=value…`, form-encoded as the Terminal API's `AdditionalResponse` is.
pub fn additional(message: &str, pairs: &[(&str, &str)]) -> String {
    let mut all: Vec<(&str, &str)> = Vec::with_capacity(pairs.len() + 1);
    all.extend_from_slice(pairs);
    all.push(("message", message));
    serde_urlencoded::to_string(&all).unwrap_or_default()
}
