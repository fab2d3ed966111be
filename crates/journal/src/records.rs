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

/// One line of a new sale, written with it ([`Journal::insert_sale_with_lines`]): `quantity`
/// × `unit_gross` (VAT included) at `vat_bp` basis points under SAF-T code `saft_code`.
/// The journal checks only what keeps its records whole (a text, a quantity of at least 1, a
/// positive price, a rate within 0..=50 %, one currency, lines adding up to the sale's
/// amount); the sale's rules are `kassa-shop`'s.
///
/// [`Journal::insert_sale_with_lines`]: crate::Journal::insert_sale_with_lines
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLine<'a> {
    pub text: &'a str,
    pub quantity: u32,
    pub unit_gross: Money,
    pub vat_bp: u32,
    pub saft_code: u8,
}

/// The VAT of a line as written: basis points and the SAF-T standard VAT code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineVat {
    pub bp: u32,
    pub saft_code: u8,
}

/// One line of a sale as the journal holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaleLine {
    /// From 1, in the order the sale was written.
    pub position: u32,
    /// What was sold; empty for the one line of a sale written as a plain amount.
    pub text: String,
    pub quantity: u32,
    pub unit_gross: Money,
    /// None for the one line of a sale written as a plain amount: no VAT was recorded.
    pub vat: Option<LineVat>,
}

/// How a sale was paid, as its receipt says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tender {
    /// Pay by bank through Aiia; the receipt's detail is the payment id.
    Bank,
    /// Cash, recorded by the cashier.
    Cash,
    /// A card on an external terminal, recorded by the cashier.
    Card,
}

impl Tender {
    pub fn as_str(self) -> &'static str {
        match self {
            Tender::Bank => "bank",
            Tender::Cash => "cash",
            Tender::Card => "card",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "bank" => Tender::Bank,
            "cash" => Tender::Cash,
            "card" => Tender::Card,
            other => return Err(JournalError::Corrupt(format!("unknown tender {other:?}"))),
        })
    }
}

/// How a sale was paid, as the cashier or the payment service says: what
/// [`Journal::end_sale_with_receipt`] and [`Journal::insert_paid_sale`] write on the receipt.
///
/// [`Journal::end_sale_with_receipt`]: crate::Journal::end_sale_with_receipt
/// [`Journal::insert_paid_sale`]: crate::Journal::insert_paid_sale
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "tender", rename_all = "snake_case")]
pub enum Paid {
    /// Pay by bank: the Aiia payment that paid the sale.
    Bank { payment_id: String },
    /// Cash: what the customer handed over, at least the sale's total.
    Cash { given: Money },
    /// A card on an external terminal, with the terminal's reference if the cashier gave one.
    Card { reference: Option<String> },
}

impl Paid {
    pub fn tender(&self) -> Tender {
        match self {
            Paid::Bank { .. } => Tender::Bank,
            Paid::Cash { .. } => Tender::Cash,
            Paid::Card { .. } => Tender::Card,
        }
    }

    /// What the receipt's `tender_detail` holds: the payment id, or the card reference.
    pub(crate) fn detail(&self) -> Option<&str> {
        match self {
            Paid::Bank { payment_id } => Some(payment_id),
            Paid::Cash { .. } => None,
            Paid::Card { reference } => reference.as_deref(),
        }
    }

    pub(crate) fn cash_given(&self) -> Option<Money> {
        match self {
            Paid::Cash { given } => Some(*given),
            _ => None,
        }
    }
}

/// What a receipt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptKind {
    Sale,
    Return,
}

impl ReceiptKind {
    pub(crate) fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "sale" => ReceiptKind::Sale,
            "return" => ReceiptKind::Return,
            other => {
                return Err(JournalError::Corrupt(format!(
                    "unknown receipt kind {other:?}"
                )));
            }
        })
    }
}

/// A numbered receipt. Numbers run gapless per till and series: live sales count in one
/// series, training (sandbox) sales in their own, each from 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// The till's id (the journal's, [`Journal::till_id`]).
    ///
    /// [`Journal::till_id`]: crate::Journal::till_id
    pub till: String,
    pub number: i64,
    pub kind: ReceiptKind,
    pub sale_id: String,
    pub created_at_ms: i64,
    /// The receipt's amount: positive for a sale, negative for a return.
    pub total: Money,
    pub tender: Tender,
    /// For pay by bank, the payment id; for a card, the terminal's reference if the cashier
    /// gave one.
    pub tender_detail: Option<String>,
    /// A training receipt (a sandbox sale), numbered in the training series.
    pub training: bool,
    /// For a cash sale, what the customer gave (at least the total; the change is the
    /// difference).
    pub cash_given: Option<Money>,
    /// For a card sale, the external terminal's reference, if the cashier recorded one
    /// (the same text as `tender_detail`).
    pub card_reference: Option<String>,
    /// For a return, the number of the sale receipt it returns (same till and series; None
    /// for a sale paid before receipts existed).
    pub return_of: Option<i64>,
    /// For a return, the reason the cashier gave.
    pub reason: Option<String>,
    /// The employee who issued it (None before schema 6, or nobody logged in).
    pub employee: Option<String>,
    /// Its signature and what was signed (None only for receipts issued before schema 6).
    pub seal: Option<crate::ReceiptSeal>,
}

impl Receipt {
    /// The series the receipt is numbered in.
    pub fn series(&self) -> Backend {
        if self.training {
            Backend::Sandbox
        } else {
            Backend::Live
        }
    }
}
