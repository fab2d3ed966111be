//! The records of the books (schema 5): returns, bank transfers to make, and the X and Z
//! figures of a till's period. docs/books.md describes the tables behind them.

use kassa_money::Money;
use serde::Serialize;

use crate::{Backend, JournalError, NewLine, Receipt, Result, Tender};

/// A return to write ([`Journal::record_return`]): the lines given back (positive amounts,
/// as returned), why, when, and how the money goes back.
///
/// [`Journal::record_return`]: crate::Journal::record_return
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReturn<'a> {
    pub sale_id: &'a str,
    /// What goes back, each line at its price and VAT rate as sold. For a sale written as
    /// one plain amount (no VAT recorded) the lines' rates are not kept: the return has no
    /// VAT information either.
    pub lines: &'a [NewLine<'a>],
    pub reason: &'a str,
    pub at_ms: i64,
    pub refund: RefundBy,
}

/// How the money of a return goes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum RefundBy {
    /// Cash from the drawer.
    Cash,
    /// Back to the card, on the external terminal.
    Card,
    /// A bank transfer the merchant makes (pay-by-bank money): listed in
    /// [`Journal::bank_refunds`] until marked sent. `payment_id` is the sale's payment;
    /// `payer` whatever Aiia told about who paid (name, account), if anything.
    ///
    /// [`Journal::bank_refunds`]: crate::Journal::bank_refunds
    BankTransfer {
        payment_id: String,
        payer: Option<String>,
    },
}

impl RefundBy {
    pub fn tender(&self) -> Tender {
        match self {
            RefundBy::Cash => Tender::Cash,
            RefundBy::Card => Tender::Card,
            RefundBy::BankTransfer { .. } => Tender::Bank,
        }
    }
}

/// What [`Journal::record_return`] wrote.
///
/// [`Journal::record_return`]: crate::Journal::record_return
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReturnDone {
    /// The return's own receipt: kind return, a negative total, the next number of the
    /// sale's series, `return_of` the sale receipt's number.
    pub receipt: Receipt,
    /// The bank transfer to make, for [`RefundBy::BankTransfer`].
    pub bank_refund: Option<BankRefund>,
}

/// Why money goes back by bank transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundKind {
    /// A return of a sale paid by bank.
    Return,
    /// A payment the engine flagged as extra (a sale paid twice, or a payment after its
    /// sale had ended).
    DoublePayment,
}

impl RefundKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RefundKind::Return => "return",
            RefundKind::DoublePayment => "double_payment",
        }
    }

    pub(crate) fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "return" => RefundKind::Return,
            "double_payment" => RefundKind::DoublePayment,
            other => {
                return Err(JournalError::Corrupt(format!(
                    "unknown bank refund kind {other:?}"
                )));
            }
        })
    }
}

/// Where a bank transfer to make stands: open until the merchant says it is sent, then
/// never changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefundState {
    Open,
    Sent,
}

impl RefundState {
    pub(crate) fn parse(s: &str) -> Result<Self> {
        Ok(match s {
            "open" => RefundState::Open,
            "sent" => RefundState::Sent,
            other => {
                return Err(JournalError::Corrupt(format!(
                    "unknown bank refund state {other:?}"
                )));
            }
        })
    }
}

/// A bank transfer the merchant has to make (or made): pay-by-bank money going back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankRefund {
    pub id: i64,
    pub sale_id: Option<String>,
    /// The return receipt's number, for a return.
    pub return_number: Option<i64>,
    /// The payment the money came in by.
    pub payment_id: String,
    pub amount: Money,
    /// Who paid, as far as Aiia said.
    pub payer: Option<String>,
    pub kind: RefundKind,
    pub state: RefundState,
    /// A transfer of training (sandbox) money: nothing real to send.
    pub training: bool,
    pub created_at_ms: i64,
    pub sent_at_ms: Option<i64>,
    /// What the merchant wrote when marking it sent.
    pub note: Option<String>,
}

/// A number of receipts (or sales) and their amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountAmount {
    pub count: u64,
    pub amount: Money,
}

/// One tender's figures in a period: receipts, and their amount net of returns (sales
/// minus returns), with the split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TenderTotal {
    pub tender: Tender,
    /// Receipts of this tender, sales and returns.
    pub count: u64,
    /// Sales minus returns.
    pub amount: Money,
    pub sales: CountAmount,
    /// Amount positive.
    pub returns: CountAmount,
}

/// One VAT rate's figures in a period, net of returns. `bp` and `saft_code` are None for
/// sales without VAT information (written as a plain amount before lines existed): there
/// net is the gross and VAT 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct VatTotal {
    pub bp: Option<u32>,
    pub saft_code: Option<u8>,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

/// The totals since the till started, never reset: sales, returns (positive) and net.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GrandTotals {
    pub sales: Money,
    pub returns: Money,
    pub net: Money,
}

/// The figures of a till's period: since the last Z (or the start) up to `to_ms`. What X
/// shows and Z closes.
///
/// One currency per till is expected. `currency` is the period's (the one most receipts
/// are in); None when the period has no receipt and the till never sold, and then every
/// amount is 0 of DKK. Figures in another currency, should a till ever have them, still
/// appear in `by_tender` and `vat` with their own currency; `sales`, `returns` and `grand`
/// count the period's currency only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodTotals {
    pub till: String,
    pub series: Backend,
    pub currency: Option<kassa_money::Currency>,
    /// The previous Z's close; None for the till's first period.
    pub from_ms: Option<i64>,
    pub to_ms: i64,
    pub first_receipt: Option<i64>,
    pub last_receipt: Option<i64>,
    /// Bank, cash, card, as present.
    pub by_tender: Vec<TenderTotal>,
    /// Highest rate first; no VAT recorded last.
    pub vat: Vec<VatTotal>,
    /// Sale receipts.
    pub sales: CountAmount,
    /// Return receipts, amount positive.
    pub returns: CountAmount,
    /// Sales cancelled in the period (count; their amount in `cancelled_amount`).
    pub cancelled: u64,
    pub cancelled_amount: Money,
    /// Copy receipts printed in the period.
    pub copies: u64,
    /// Receipts numbered in the period (sales and returns).
    pub receipts: u64,
    /// In the live series: the training (sandbox) series' sale receipts over the same
    /// period, kept apart from the figures above. Zero in a training series report.
    pub training: CountAmount,
    /// The same for training return receipts (amount positive).
    pub training_returns: CountAmount,
    /// Bank transfers opened in the period (returns paid by bank, extra payments given back):
    /// money to go back from the shop's account; and those the merchant marked sent.
    pub transfers_opened: CountAmount,
    pub transfers_sent: CountAmount,
    pub grand: GrandTotals,
}

/// A closed period: its Z number (gapless per till and series) and figures, never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZReport {
    pub number: i64,
    pub closed_at_ms: i64,
    pub totals: PeriodTotals,
}

/// One VAT row of one receipt, for the bookkeeping export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VatLine {
    pub till: String,
    pub series: Backend,
    pub number: i64,
    pub kind: crate::ReceiptKind,
    pub sale_id: String,
    pub created_at_ms: i64,
    pub tender: Tender,
    /// None: no VAT recorded (a plain-amount sale).
    pub bp: Option<u32>,
    pub saft_code: Option<u8>,
    /// Negative on a return.
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}
