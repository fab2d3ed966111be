//! The journal's records: what a sale, an attempt and an event look like, where they stand,
//! and what is written to open a sale.

use kassa_money::Money;
use serde::Serialize;

use crate::{JournalError, Result};

/// Where a sale stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SaleState {
    Open,
    Paid,
    Failed,
    Cancelled,
}

impl SaleState {
    pub fn as_str(self) -> &'static str {
        match self {
            SaleState::Open => "open",
            SaleState::Paid => "paid",
            SaleState::Failed => "failed",
            SaleState::Cancelled => "cancelled",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "open" => SaleState::Open,
            "paid" => SaleState::Paid,
            "failed" => SaleState::Failed,
            "cancelled" => SaleState::Cancelled,
            other => {
                return Err(JournalError::Corrupt(format!(
                    "unknown sale state {other:?}"
                )));
            }
        })
    }
}

/// The payment service a sale ran on. Sandbox sales are training: they never count in
/// live totals, reports or exports, and screens label them as training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// Kassa's own Aiia sandbox (embedded, or `kassa sandbox`): no real money moves.
    Sandbox,
    /// Aiia with the merchant's credentials.
    Live,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sandbox => "sandbox",
            Backend::Live => "live",
        }
    }

    /// Sandbox sales are training sales.
    pub fn is_training(self) -> bool {
        self == Backend::Sandbox
    }

    pub(crate) fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "sandbox" => Backend::Sandbox,
            "live" => Backend::Live,
            other => {
                return Err(JournalError::Corrupt(format!("unknown backend {other:?}")));
            }
        })
    }
}

impl std::fmt::Display for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where one accept call stands, as far as Kassa knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptState {
    /// The intent is written; the accept call is about to go out or is under way.
    Requested,
    /// Aiia answered with a payment id and a link.
    Created,
    /// Aiia refused the call: no payment exists.
    Refused,
    /// The call may or may not have created a payment (the reply was lost).
    Unknown,
}

impl AttemptState {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptState::Requested => "requested",
            AttemptState::Created => "created",
            AttemptState::Refused => "refused",
            AttemptState::Unknown => "unknown",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "requested" => AttemptState::Requested,
            "created" => AttemptState::Created,
            "refused" => AttemptState::Refused,
            "unknown" => AttemptState::Unknown,
            other => {
                return Err(JournalError::Corrupt(format!(
                    "unknown attempt state {other:?}"
                )));
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaleRecord {
    pub id: String,
    pub amount: Money,
    pub reference: Option<String>,
    pub state: SaleState,
    pub created_at_ms: i64,
    pub ended_at_ms: Option<i64>,
    /// The payment that paid this sale.
    pub paid_payment_id: Option<String>,
    /// Set when a person must act (e.g. refund a second payment). Never cleared silently.
    pub attention: Option<String>,
    pub attempts: i64,
    /// Where the sale ran: sandbox sales are training and never count as real money.
    pub backend: Backend,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttemptRecord {
    pub id: i64,
    pub sale_id: String,
    pub seq: i64,
    pub state: AttemptState,
    pub reference: String,
    pub payment_id: Option<String>,
    pub authorization_url: Option<String>,
    pub requested_at_ms: i64,
    pub expires_at_ms: Option<i64>,
    /// Last status Aiia reported (wire text), if any.
    pub status: Option<String>,
    pub is_final: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRecord {
    pub id: i64,
    pub sale_id: String,
    pub attempt_id: Option<i64>,
    pub at_ms: i64,
    pub kind: String,
    pub detail: String,
}

/// What a period's sales add up to, in one currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Sales opened in the period, in any state and currency.
    pub sales: i64,
    /// Paid sales in the currency asked for.
    pub paid: i64,
    /// Their amounts added up, in minor units.
    pub paid_minor: i64,
}

/// A new sale to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSale<'a> {
    pub id: &'a str,
    pub amount: Money,
    pub reference: Option<&'a str>,
    pub at_ms: i64,
    /// The backend the sale runs on.
    pub backend: Backend,
}

/// A payment a person must act on: an extra payment to refund, with what identifies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttentionItem {
    pub sale_id: String,
    pub attempt_id: Option<i64>,
    /// The extra payment's id at Aiia (none when the note is not about one payment).
    pub payment_id: Option<String>,
    /// The amount of that payment (a sale's payments all have the sale's amount).
    pub amount: Money,
    pub note: String,
    pub at_ms: i64,
    /// The backend of the sale: a note about a sandbox payment is about training money.
    pub backend: Backend,
}
