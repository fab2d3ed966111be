//! The engine reaches a payment service only through [`Gateway`], in the engine's own terms:
//! a [`PaymentOrder`] goes in, a [`Created`] payment or a [`StatusReport`] comes out, and a
//! failure is a [`GatewayError`] already said as the engine's [`Problem`]. No wire type
//! crosses this line. Aiia Pay's Accept Payments API is one implementation, in
//! [`aiia`] (the only module that maps the wire to these types); a second Mastercard
//! payment API would be another module beside it (`ARCHITECTURE.md`, "Adding a payment API").
//! Tests give the engine a scripted one.

pub mod aiia;

use std::future::Future;
use std::time::Duration;

use kassa_money::Money;

use crate::sale::{BankReason, Problem, Status};

/// A payment the engine wants made: the sale's amount into the merchant's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentOrder {
    /// Amount and currency, in integer minor units.
    pub amount: Money,
    /// What the bank statement shows (already checked against the scheme rules).
    pub reference: String,
    /// The merchant's receiving account, as the service names it.
    pub destination: String,
    /// Where the customer's browser goes after the bank.
    pub redirect_url: String,
    /// The payer's country, when known, to narrow the bank list.
    pub country: Option<String>,
}

/// A payment the service made: its id and the link the customer opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub payment_id: String,
    pub link: String,
}

/// What the service says of a payment now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReport {
    pub payment_id: String,
    pub status: Status,
    /// The amount the service holds, when it sent one that can be read exactly.
    pub amount: Option<Money>,
    /// The service's reason and description for an unpaid end, when it gives them.
    pub bank: Option<BankReason>,
    /// When the status last changed, in the service's text.
    pub updated_at: Option<String>,
}

/// A failed call, as the engine takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayError {
    pub problem: Problem,
    /// The service asked for this wait.
    pub retry_after: Option<Duration>,
    /// Trying the same call again later may help.
    pub transient: bool,
    /// After a failed create: the service may have made the payment anyway.
    pub may_exist: bool,
    /// The full sentence, for the journal and logs.
    pub detail: String,
}

pub trait Gateway: Send + Sync + 'static {
    /// Asks for a payment (`POST /v2/payments/accept` at Aiia).
    fn create(
        &self,
        order: &PaymentOrder,
    ) -> impl Future<Output = Result<Created, GatewayError>> + Send;

    /// Reads a payment's status (`GET /v2/payments/accept/{id}` at Aiia).
    fn status(
        &self,
        payment_id: &str,
    ) -> impl Future<Output = Result<StatusReport, GatewayError>> + Send;
}
