//! The window's books side (issue 11), so the Tauri commands only unpack, call and map
//! errors: a sale's detail (lines, attempts, receipt as HTML, returns, what is left), a sale
//! found by id, receipt number or payment id, a return (previewed before anything is
//! written, then journaled with its numbered return receipt), the bank transfers to make and
//! their marking as sent, and the X / Z reports as [`kassa_shop::ReportView`] with their
//! printed form.
//!
//! Written on the journal's schema 5 API and kassa-shop's pure return split and report
//! view; where `kassa_boot::books` (the CLI's side) offers the same step, this module is the
//! window's shape of it. The counter's journal file is opened per call, as `window.rs` does
//! for prints: SQLite keeps every write one transaction.

use std::path::Path;

use kassa_i18n::Messages;
use kassa_journal::{
    BankRefund, Journal, JournalError, RefundKind, RefundState, SaleState, Tender as PaidBy,
};
use kassa_money::{Currency, Money};
use kassa_shop::{
    Line, MerchantProfile, Receipt, ReportKind, ReportView, ReturnError, ReturnRequest, SaftCode,
    VatClass,
};
use serde::Serialize;

use crate::Counter;
use crate::shop::{
    LocalZone, ReceiptAssemblyError, Shop, WallClock, receipt_by_number, receipt_of,
};
use kassa_saft::events::JournalEvent;
use kassa_shop::staff::Action;

/// Why a books step did not go through; every message is a sentence for the cashier.
#[derive(Debug, thiserror::Error)]
pub enum DaybookError {
    #[error("No sale, receipt number or payment id matches \"{0}\".")]
    NotFound(String),
    #[error("This sale is not paid: there is nothing to return.")]
    NotPaid,
    #[error("Give the reason for the return.")]
    NoReason,
    #[error("Say how the transfer was sent (a note for the books).")]
    NoNote,
    #[error(
        "This sale was written as a plain amount without VAT lines: return it by hand and note it."
    )]
    NoVatLines,
    #[error("{}", capital(&.0.to_string()))]
    Return(#[from] ReturnError),
    #[error("{}", capital(&.0.to_string()))]
    Amount(#[from] kassa_money::MoneyError),
    #[error("{}", capital(&.0.to_string()))]
    Receipt(#[from] ReceiptAssemblyError),
    #[error("{}", capital(&.0.to_string()))]
    Shop(#[from] kassa_shop::ReceiptError),
    #[error("The report's figures do not add up ({0}); nothing was shown.")]
    Report(#[from] kassa_shop::ReportError),
    #[error("No Z report {0} in this till.")]
    NoZ(i64),
    #[error("{}", capital(&.0.to_string()))]
    Journal(#[from] JournalError),
    #[error("{}.", capital(&.0.to_string()))]
    Books(#[from] crate::books::BooksError),
    #[error(
        "No receipt printer is set up: add its address in Settings → Shop, or use Print or Save PDF."
    )]
    NoPrinter,
    #[error("{0}")]
    Printer(#[from] crate::print::PrintError),
    #[error("Set up the shop (Settings → Shop) before printing live reports.")]
    NoProfile,
    #[error("The shop's VAT table cannot be read: {0}")]
    Vat(String),
    /// A step the acting employee may not do ("The Z report needs a manager."), or nobody
    /// logged in.
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
    #[error("{0} The report is kept; save it again from the Day screen.")]
    Pdf(String),
}

impl DaybookError {
    /// The sentence for the cashier in the language of `m` (the window's books.ftl); what
    /// another crate reports (a journal that failed, an amount that does not read) is its
    /// own sentence.
    pub fn message(&self, m: &Messages) -> String {
        use crate::books::BooksError as B;
        match self {
            DaybookError::NotFound(q) | DaybookError::Books(B::NoSuchSale(q)) => {
                m.get("books-error-not-found", &[("query", q.into())])
            }
            DaybookError::NotPaid | DaybookError::Books(B::NotPaid { .. }) => {
                m.text("books-error-not-paid")
            }
            DaybookError::NoReason | DaybookError::Books(B::NoReason) => {
                m.text("books-error-no-reason")
            }
            DaybookError::NoNote | DaybookError::Books(B::NoNote) => m.text("books-error-no-note"),
            DaybookError::NoVatLines | DaybookError::Books(B::NoVatLines { .. }) => {
                m.text("books-error-no-vat-lines")
            }
            DaybookError::Return(e) | DaybookError::Books(B::Return(e)) => return_message(e, m),
            DaybookError::Report(e) => {
                m.get("books-error-report", &[("why", e.to_string().into())])
            }
            DaybookError::NoZ(n) => m.get("books-error-no-z", &[("number", n.to_string().into())]),
            DaybookError::NoPrinter => m.text("books-error-no-printer"),
            DaybookError::NoProfile => m.text("books-error-no-profile"),
            DaybookError::Vat(why) => m.get("books-error-vat", &[("why", why.into())]),
            DaybookError::Pdf(why) => m.get("books-error-pdf", &[("why", why.into())]),
            other => other.to_string(),
        }
    }

    /// The journal itself failed (disk, file), rather than refusing a step.
    pub fn is_journal_failure(&self) -> bool {
        match self {
            DaybookError::Journal(e) => {
                !matches!(e, JournalError::Refused(_) | JournalError::NotFound(_))
            }
            DaybookError::Books(e) => !e.is_usage(),
            _ => false,
        }
    }
}

/// A return the split refused, in the language of `m`.
fn return_message(e: &ReturnError, m: &Messages) -> String {
    match e {
        ReturnError::NothingLeft => m.text("books-error-nothing-left"),
        ReturnError::MoreThanLeft { left } => {
            m.get("books-error-more-than-left", &[("left", left.into())])
        }
        ReturnError::MoreThanLeftAtRate { left, rate } => m.get(
            "books-error-more-than-left-at-rate",
            &[("left", left.into()), ("rate", rate.into())],
        ),
        ReturnError::NotPositive => m.text("books-error-not-positive"),
        other => capital(&other.to_string()),
    }
}

/// The window's words now: the language spoken ([`crate::current_language`]).
fn words() -> &'static Messages {
    Messages::of(crate::current_language())
}

pub(crate) fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub type Result<T> = std::result::Result<T, DaybookError>;

/// A receipt or report as paper: kassa-print's HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paper {
    pub number: i64,
    pub html: String,
    /// Prints so far (the first is the original).
    pub prints: u32,
    /// What this paper is: `None` the original, `Some(n)` COPY n.
    pub copy: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineView {
    pub text: String,
    pub quantity: u32,
    pub amount_display: String,
    pub rate_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttemptView {
    pub payment_id: Option<String>,
    pub state: String,
    pub state_text: String,
    pub started_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnRow {
    pub number: i64,
    pub amount_display: String,
    pub reason: String,
    pub at_ms: i64,
    pub refund_text: String,
}

/// A sale as its detail screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaleDetailView {
    pub sale_id: String,
    pub state: &'static str,
    pub state_text: String,
    pub backend_text: Option<String>,
    pub created_at_ms: i64,
    pub reference: Option<String>,
    pub amount_display: String,
    pub tender_text: Option<String>,
    pub payment_id: Option<String>,
    pub returned_display: Option<String>,
    pub lines: Vec<LineView>,
    pub attempts: Vec<AttemptView>,
    pub receipt: Option<Paper>,
    pub returns: Vec<ReturnRow>,
    pub left_display: Option<String>,
    pub printer: PrinterInfo,
}

/// Whether the shop's network printer can be used, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrinterInfo {
    pub ready: bool,
    pub hint: Option<String>,
}

fn printer_info(shop: &Shop, m: &Messages) -> PrinterInfo {
    match &shop.printer {
        Some(addr) => PrinterInfo {
            ready: true,
            hint: Some(m.get("detail-printer-at", &[("address", addr.to_string().into())])),
        },
        None => PrinterInfo {
            ready: false,
            hint: Some(m.text("detail-no-printer")),
        },
    }
}

/// The bank transfer to make for a return of a pay-by-bank sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferToMake {
    pub id: Option<i64>,
    pub to_text: String,
    pub amount_display: String,
    pub reference: String,
}

/// What a return gives back and how, before it is made (`receipt` none) or after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnView {
    pub receipt_number: Option<i64>,
    pub left_display: String,
    pub amount_display: String,
    /// `cash`, `card` or `bank`.
    pub how: &'static str,
    pub how_text: String,
    pub transfer: Option<TransferToMake>,
    pub lines: Vec<LineView>,
    /// The return receipt, once made.
    pub receipt: Option<Paper>,
}

/// One bank transfer as the Transfers screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferView {
    pub id: i64,
    /// `return` or `double_payment`.
    pub kind: &'static str,
    pub kind_text: String,
    pub amount_display: String,
    pub to_text: String,
    pub payment_id: String,
    pub sale_id: Option<String>,
    pub return_number: Option<i64>,
    /// `open` or `sent`.
    pub state: &'static str,
    pub state_text: String,
    pub created_at_ms: i64,
    pub sent_at_ms: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Transfers {
    pub open: Vec<TransferView>,
    pub sent: Vec<TransferView>,
    pub open_count: usize,
    pub open_total_display: String,
}

/// An X or Z report as the Day screen shows it: its figures (kassa-shop's report JSON) and
/// its printed form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportShown {
    /// `x` or `z`.
    pub kind: &'static str,
    pub number: Option<i64>,
    pub html: String,
    pub report: serde_json::Value,
    pub printer: PrinterInfo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZListed {
    pub number: i64,
    pub closed_at_ms: i64,
    pub net_display: String,
    pub receipts: u64,
}

const SENT_LISTED: usize = 20;

fn journal(counter: &Counter) -> Result<Journal> {
    Ok(counter.journal()?)
}

/// Runs a step only a manager may do on a connection of its own: refused for a cashier
/// without a manager's approval of it; the journal names who answers for it (the manager
/// who approved). A step that fails keeps the approval for the next try.
fn as_manager<T>(
    counter: &Counter,
    action: Action,
    step: impl FnOnce(&mut Journal) -> Result<T>,
) -> Result<T> {
    counter.approved(action, |by| {
        let mut j = journal(counter)?;
        j.set_employee(Some(&by.id));
        step(&mut j)
    })
}

fn shop_of(counter: &Counter, now_ms: i64) -> Result<Shop> {
    counter
        .shop_settings()
        .resolve(counter.currency, LocalZone.day(now_ms))
        .map_err(|e| DaybookError::Vat(e.to_string()))
}

fn rate_text(vat: Option<VatClass>, m: &Messages) -> String {
    match vat {
        Some(v) => kassa_shop::vat::percent(v.bp),
        None => m.text("detail-no-vat"),
    }
}

fn class(bp: u32, code: u8) -> Option<VatClass> {
    SaftCode::new(code)
        .ok()
        .and_then(|c| VatClass::new(bp, c).ok())
}

fn lines_of(journal: &Journal, sale_id: &str) -> Result<Vec<kassa_journal::SaleLine>> {
    Ok(journal.lines_of_sale(sale_id)?)
}

fn line_view(l: &kassa_journal::SaleLine, m: &Messages) -> LineView {
    let total = Money::new(
        l.unit_gross.minor.saturating_mul(i64::from(l.quantity)),
        l.unit_gross.currency,
    );
    LineView {
        text: if l.text.trim().is_empty() {
            m.text("detail-line-sale")
        } else {
            l.text.clone()
        },
        quantity: l.quantity,
        amount_display: m.money(total),
        rate_text: rate_text(l.vat.and_then(|v| class(v.bp, v.saft_code)), m),
    }
}

fn shop_line(l: &kassa_journal::SaleLine) -> Result<Line> {
    let vat = l
        .vat
        .and_then(|v| class(v.bp, v.saft_code))
        .ok_or(DaybookError::NoVatLines)?;
    Ok(Line {
        text: l.text.clone(),
        unit_gross: l.unit_gross,
        quantity: l.quantity,
        vat,
    })
}

/// A sale's state as the window branches on it (`paid`, `needs_attention`, …) and in words.
pub(crate) fn state_words(s: &kassa_journal::SaleRecord, m: &Messages) -> (&'static str, String) {
    let (state, key) = match (s.attention.is_some(), s.state) {
        (true, _) => ("needs_attention", "books-state-needs-attention"),
        (false, SaleState::Open) => ("open", "books-state-open"),
        (false, SaleState::Paid) => ("paid", "books-state-paid"),
        (false, SaleState::Failed) => ("failed", "books-state-failed"),
        (false, SaleState::Cancelled) => ("cancelled", "books-state-cancelled"),
    };
    (state, m.text(key))
}

fn tender_text(t: PaidBy, m: &Messages) -> String {
    m.text(match t {
        PaidBy::Bank => "books-tender-pay-by-bank",
        PaidBy::Cash => "books-tender-cash",
        PaidBy::Card => "books-tender-card",
    })
}

fn refund_text(t: PaidBy, m: &Messages) -> String {
    m.text(match t {
        PaidBy::Bank => "detail-refund-bank",
        PaidBy::Cash => "detail-refund-cash",
        PaidBy::Card => "detail-refund-card",
    })
}

fn attempt_words(a: &kassa_journal::AttemptRecord, m: &Messages) -> (String, String) {
    let status = a.status.clone().unwrap_or_default();
    let wire = if status.is_empty() {
        a.state.as_str().to_owned()
    } else {
        status.to_ascii_lowercase()
    };
    let (state, key) = match wire.as_str() {
        "requested" => ("open", "detail-attempt-asked"),
        "created" | "initiated" | "pending" => ("open", "detail-attempt-waiting"),
        "authorized" => ("open", "detail-attempt-authorised"),
        "refused" | "rejected" | "failed" => ("failed", "detail-attempt-declined"),
        "unknown" => ("unknown", "detail-attempt-unknown"),
        "paid" | "executed" | "succeeded" | "booked" | "completed" => {
            ("paid", "detail-attempt-paid")
        }
        "expired" => ("expired", "detail-attempt-expired"),
        "cancelled" | "canceled" => ("cancelled", "detail-attempt-cancelled"),
        _ => ("other", ""),
    };
    // A status the bank names that Kassa has no words for: the bank's own.
    let text = if key.is_empty() { status } else { m.text(key) };
    (state.to_owned(), text)
}

/// The merchant on this sale's receipts and reports ([`crate::shop::merchant_for`]).
fn merchant(shop: &Shop, training: bool, currency: Currency) -> Result<MerchantProfile> {
    crate::shop::merchant_for(shop, training, currency).map_err(|_| DaybookError::NoProfile)
}

fn paper_of(receipt: &Receipt, shop: &Shop, prints: u32) -> Paper {
    let doc = receipt.to_doc_with(usize::from(shop.width), None, crate::receipt_words());
    Paper {
        number: receipt.number() as i64,
        html: kassa_print::html::render(&doc),
        prints,
        copy: receipt.copy_number(),
    }
}

/// The sale `sale_id` for its detail screen.
pub fn sale_detail(counter: &Counter, sale_id: &str, now_ms: i64) -> Result<SaleDetailView> {
    let m = words();
    let j = journal(counter)?;
    let shop = shop_of(counter, now_ms)?;
    let sale = j
        .sale(sale_id)?
        .ok_or_else(|| DaybookError::NotFound(sale_id.to_owned()))?;
    let (state, state_text) = state_words(&sale, m);
    let lines = lines_of(&j, sale_id)?;
    let stored = j.receipt_of_sale(sale_id)?;
    let receipt = match &stored {
        Some(r) => {
            let shop_receipt = receipt_of(&j, &shop, sale_id, &LocalZone)?;
            let prints = j.prints_of(&r.till, r.series(), r.number)?;
            Some(paper_of(&shop_receipt, &shop, prints))
        }
        None => None,
    };
    let returns = j
        .returns_of_sale(sale_id)?
        .into_iter()
        .map(|r| ReturnRow {
            number: r.number,
            amount_display: m.money(r.total),
            reason: r.reason.clone().unwrap_or_default(),
            at_ms: r.created_at_ms,
            refund_text: refund_text(r.tender, m),
        })
        .collect();
    let returned = j.returned_of_sale(sale_id)?;
    let left = Money::new(sale.amount.minor - returned.minor, sale.amount.currency);
    Ok(SaleDetailView {
        sale_id: sale.id.clone(),
        state,
        state_text,
        backend_text: sale.backend.is_training().then(|| m.text("training")),
        created_at_ms: sale.created_at_ms,
        reference: sale.reference.clone(),
        amount_display: m.money(sale.amount),
        tender_text: stored.as_ref().map(|r| tender_text(r.tender, m)),
        payment_id: sale.paid_payment_id.clone(),
        returned_display: (returned.minor != 0).then(|| m.money(returned)),
        lines: lines.iter().map(|l| line_view(l, m)).collect(),
        attempts: j
            .attempts(sale_id)?
            .iter()
            .map(|a| {
                let (state, state_text) = match attempt_words(a, m) {
                    // The sale ended without this code being paid: it is no longer waiting.
                    (s, _) if s == "open" && sale.state != SaleState::Open => {
                        ("ended".to_owned(), m.text("detail-attempt-not-paid"))
                    }
                    words => words,
                };
                AttemptView {
                    payment_id: a.payment_id.clone(),
                    state,
                    state_text,
                    started_at_ms: a.requested_at_ms,
                }
            })
            .collect(),
        receipt,
        returns,
        left_display: stored.map(|_| m.money(left)),
        printer: printer_info(&shop, m),
    })
}

/// The sale `query` names: a sale id, a receipt number of the counter's series (`1042` or
/// `#1042`; a return's number finds its sale), or the payment id that paid a sale.
pub fn find_sale(counter: &Counter, query: &str) -> Result<String> {
    let j = journal(counter)?;
    Ok(crate::books::find_sale(&j, counter.backend(), query)?)
}

struct Planned {
    request: ReturnRequest,
    sale: kassa_journal::SaleRecord,
    receipt: kassa_journal::Receipt,
    lines: Vec<Line>,
    left: Money,
}

fn plan_return(j: &Journal, sale_id: &str, amount: Option<&str>) -> Result<Planned> {
    let sale = j
        .sale(sale_id)?
        .ok_or_else(|| DaybookError::NotFound(sale_id.to_owned()))?;
    if sale.state != SaleState::Paid {
        return Err(DaybookError::NotPaid);
    }
    let receipt = j.receipt_of_sale(sale_id)?.ok_or(DaybookError::NotPaid)?;
    let sold = lines_of(j, sale_id)?
        .iter()
        .map(shop_line)
        .collect::<Result<Vec<_>>>()?;
    let mut returned = Vec::new();
    for r in j.returns_of_sale(sale_id)? {
        for l in j.return_lines(&r.till, r.series(), r.number)? {
            returned.push(shop_line(&l)?);
        }
    }
    let left = kassa_shop::Left::of(&sold, &returned)?.total;
    let request = match amount.map(str::trim) {
        None => ReturnRequest::Full,
        Some(text) => ReturnRequest::Amount(Money::parse(text, sale.amount.currency)?),
    };
    let lines = kassa_shop::return_lines(&sold, &returned, &request)?;
    Ok(Planned {
        request,
        sale,
        receipt,
        lines,
        left,
    })
}

fn view_of(
    p: &Planned,
    receipt: Option<Paper>,
    transfer_id: Option<i64>,
    m: &Messages,
) -> ReturnView {
    let currency = p.left.currency;
    let minor: i64 = p
        .lines
        .iter()
        .map(|l| l.unit_gross.minor * i64::from(l.quantity))
        .sum();
    let amount = m.money(Money::new(minor, currency));
    let said = |key: &str| m.get(key, &[("amount", amount.as_str().into())]);
    let (how, how_text, transfer) = match p.receipt.tender {
        PaidBy::Cash => ("cash", said("return-how-cash"), None),
        PaidBy::Card => ("card", said("return-how-card"), None),
        PaidBy::Bank => {
            let payment = p
                .receipt
                .tender_detail
                .clone()
                .or(p.sale.paid_payment_id.clone())
                .unwrap_or_default();
            (
                "bank",
                said("return-how-bank"),
                Some(TransferToMake {
                    id: transfer_id,
                    to_text: m.text("return-to-payer"),
                    amount_display: amount.clone(),
                    reference: payment,
                }),
            )
        }
    };
    ReturnView {
        receipt_number: Some(p.receipt.number),
        left_display: m.money(p.left),
        amount_display: amount,
        how,
        how_text,
        transfer,
        lines: p
            .lines
            .iter()
            .map(|l| LineView {
                text: l.text.clone(),
                quantity: l.quantity,
                amount_display: m.money(Money::new(
                    l.unit_gross.minor * i64::from(l.quantity),
                    currency,
                )),
                rate_text: rate_text(Some(l.vat), m),
            })
            .collect(),
        receipt,
    }
}

/// What a return of `amount` (none: all that is left) would give back, and how; nothing is
/// written. Refused with the sentence a return itself would get.
pub fn return_preview(
    counter: &Counter,
    sale_id: &str,
    amount: Option<&str>,
) -> Result<ReturnView> {
    let j = journal(counter)?;
    let p = plan_return(&j, sale_id, amount)?;
    Ok(view_of(&p, None, None, words()))
}

/// Returns `amount` (none: all that is left) of sale `sale_id` with `reason`: one journal
/// transaction writes the return receipt and, for pay by bank, the transfer to make.
pub fn return_sale(
    counter: &Counter,
    sale_id: &str,
    amount: Option<&str>,
    reason: &str,
    now_ms: i64,
) -> Result<ReturnView> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(DaybookError::NoReason);
    }
    let shop = shop_of(counter, now_ms)?;
    let (mut p, done, paper) = as_manager(counter, Action::Return, |j| {
        let p = plan_return(j, sale_id, amount)?;
        let done = crate::books::return_sale(j, sale_id, &p.request, reason, now_ms)?;
        let paper = paper_of(
            &receipt_by_number(
                j,
                &shop,
                done.receipt.series(),
                done.receipt.number,
                &LocalZone,
            )?,
            &shop,
            0,
        );
        Ok((p, done, paper))
    })?;
    p.lines = done.lines;
    let m = words();
    let mut view = view_of(&p, Some(paper), done.bank_refund.as_ref().map(|b| b.id), m);
    view.left_display = m.money(done.left);
    Ok(view)
}

/// One print of receipt `number` (a sale's or a return's) of the counter's series through
/// the system dialog: its HTML, COPY from the second print on, counted in the journal.
pub fn print_receipt_number(counter: &Counter, number: i64, now_ms: i64) -> Result<Paper> {
    let shop = shop_of(counter, now_ms)?;
    let mut j = journal(counter)?;
    let till = j.till_id()?;
    let series = counter.backend();
    if j.receipt_by_number(&till, series, number)?.is_none() {
        return Err(DaybookError::NotFound(number.to_string()));
    }
    let (receipt, copy) = crate::shop::next_print(&j, &shop, series, number, &LocalZone)?;
    j.record_print(&till, series, number, "dialog", now_ms)?;
    Ok(paper_of(&receipt, &shop, copy.unwrap_or(0) + 1))
}

fn transfer_view(b: &BankRefund, m: &Messages) -> TransferView {
    let (kind, kind_text) = match (b.kind, b.return_number) {
        (RefundKind::Return, Some(n)) => (
            "return",
            m.get(
                "refunds-kind-return-receipt",
                &[("number", n.to_string().into())],
            ),
        ),
        (RefundKind::Return, None) => ("return", m.text("refunds-kind-return")),
        (RefundKind::DoublePayment, _) => ("double_payment", m.text("refunds-kind-double")),
    };
    let kind_text = if b.training {
        m.get("refunds-kind-training", &[("kind", kind_text.into())])
    } else {
        kind_text
    };
    TransferView {
        id: b.id,
        kind,
        kind_text,
        amount_display: m.money(b.amount),
        to_text: b
            .payer
            .clone()
            .unwrap_or_else(|| m.text("refunds-to-payer")),
        payment_id: b.payment_id.clone(),
        sale_id: b.sale_id.clone(),
        return_number: b.return_number,
        state: match b.state {
            RefundState::Open => "open",
            RefundState::Sent => "sent",
        },
        state_text: m.text(match b.state {
            RefundState::Open => "refunds-state-open",
            RefundState::Sent => "refunds-state-sent",
        }),
        created_at_ms: b.created_at_ms,
        sent_at_ms: b.sent_at_ms,
        note: b.note.clone(),
    }
}

/// The bank transfers of the counter's series: open ones (oldest first) and the last sent.
pub fn bank_transfers(counter: &Counter) -> Result<Transfers> {
    let m = words();
    let j = journal(counter)?;
    let training = counter.backend().is_training();
    let all: Vec<BankRefund> = j
        .bank_refunds(false)?
        .into_iter()
        .filter(|b| b.training == training)
        .collect();
    let open: Vec<TransferView> = all
        .iter()
        .filter(|b| b.state == RefundState::Open)
        .map(|b| transfer_view(b, m))
        .collect();
    let mut sent: Vec<&BankRefund> = all
        .iter()
        .filter(|b| b.state == RefundState::Sent)
        .collect();
    sent.sort_by_key(|b| std::cmp::Reverse(b.sent_at_ms));
    let total: i64 = all
        .iter()
        .filter(|b| b.state == RefundState::Open)
        .map(|b| b.amount.minor)
        .sum();
    Ok(Transfers {
        open_count: open.len(),
        open,
        sent: sent
            .into_iter()
            .take(SENT_LISTED)
            .map(|b| transfer_view(b, m))
            .collect(),
        open_total_display: m.money(Money::new(total, counter.currency)),
    })
}

/// The transfer that pays back the flagged payment `payment_id` (opened the first time).
pub fn transfer_for_payment(
    counter: &Counter,
    payment_id: &str,
    now_ms: i64,
) -> Result<TransferView> {
    let mut j = journal(counter)?;
    Ok(transfer_view(
        &j.refund_double_payment(payment_id, None, now_ms)?,
        words(),
    ))
}

/// The merchant sent transfer `id` (`note`: how); a flagged payment's note is resolved too.
pub fn mark_transfer_sent(
    counter: &Counter,
    id: i64,
    note: &str,
    now_ms: i64,
) -> Result<TransferView> {
    let note = note.trim();
    if note.is_empty() {
        return Err(DaybookError::NoNote);
    }
    as_manager(counter, Action::MarkTransferSent, |j| {
        Ok(transfer_view(
            &j.mark_refund_sent(id, note, now_ms)?,
            words(),
        ))
    })
}

fn offset(ms: i64) -> i16 {
    LocalZone.utc_offset_minutes(ms)
}

fn shown(view: &ReportView, shop: &Shop) -> ReportShown {
    let m = words();
    let doc = view.to_doc(usize::from(shop.width), crate::receipt_words());
    let (kind, number) = match view.kind {
        ReportKind::X => ("x", None),
        ReportKind::Z { number } => ("z", Some(number as i64)),
    };
    let mut report = serde_json::to_value(view.json()).unwrap_or_default();
    money_in_words(&mut report, m);
    ReportShown {
        kind,
        number,
        html: kassa_print::html::render(&doc),
        report,
        printer: printer_info(shop, m),
    }
}

/// Every amount of a report's JSON (`{"minor", "currency", "text"}`) with its `text` as the
/// language of `m` writes money, for the Day screen's figures.
fn money_in_words(v: &mut serde_json::Value, m: &Messages) {
    match v {
        serde_json::Value::Object(o) => {
            let amount = o.get("minor").and_then(serde_json::Value::as_i64).zip(
                o.get("currency")
                    .and_then(serde_json::Value::as_str)
                    .and_then(|c| c.parse::<Currency>().ok()),
            );
            if let (Some((minor, currency)), true) = (amount, o.contains_key("text")) {
                o.insert(
                    "text".to_owned(),
                    serde_json::Value::String(m.money(Money::new(minor, currency))),
                );
            }
            for child in o.values_mut() {
                money_in_words(child, m);
            }
        }
        serde_json::Value::Array(a) => {
            for child in a {
                money_in_words(child, m);
            }
        }
        _ => {}
    }
}

/// The report view of the counter's series: X (`number` none) or Z `number`.
fn view(counter: &Counter, shop: &Shop, number: Option<i64>, now_ms: i64) -> Result<ReportView> {
    let j = journal(counter)?;
    let m = merchant(shop, counter.backend().is_training(), counter.currency)?;
    let of = crate::books::ReportOf {
        merchant: &m,
        till_name: &m.till_name,
    };
    Ok(match number {
        None => crate::books::x_report(&j, counter.backend(), now_ms, of, &offset)?,
        Some(n) => crate::books::z_report(&j, counter.backend(), n, of, &offset)?
            .ok_or(DaybookError::NoZ(n))?,
    })
}

/// The running figures of the counter's series (X).
pub fn report_x(counter: &Counter, now_ms: i64) -> Result<ReportShown> {
    let shop = shop_of(counter, now_ms)?;
    let report = shown(&view(counter, &shop, None, now_ms)?, &shop);
    let mut j = journal(counter)?;
    crate::session::record_event(
        &mut j,
        JournalEvent::XReport,
        now_ms,
        counter.training(),
        "",
    )?;
    Ok(report)
}

/// Z report `number` of the counter's series, as it was closed.
pub fn z_report(counter: &Counter, number: i64, now_ms: i64) -> Result<ReportShown> {
    let shop = shop_of(counter, now_ms)?;
    Ok(shown(&view(counter, &shop, Some(number), now_ms)?, &shop))
}

/// Closes the day: the next Z report of the counter's series, never changed afterwards.
pub fn close_day(counter: &Counter, now_ms: i64) -> Result<ReportShown> {
    let shop = shop_of(counter, now_ms)?;
    let m = merchant(&shop, counter.backend().is_training(), counter.currency)?;
    let of = crate::books::ReportOf {
        merchant: &m,
        till_name: &m.till_name,
    };
    let z = as_manager(counter, Action::ZReport, |j| {
        Ok(crate::books::close_z(
            j,
            counter.backend(),
            now_ms,
            of,
            &offset,
        )?)
    })?;
    Ok(shown(&z, &shop))
}

/// The earlier Z reports, newest first.
pub fn z_reports(counter: &Counter) -> Result<Vec<ZListed>> {
    let m = words();
    let j = journal(counter)?;
    Ok(j.z_reports(counter.backend())?
        .into_iter()
        .map(|z| ZListed {
            number: z.number,
            closed_at_ms: z.closed_at_ms,
            net_display: m.money(z.totals.grand.net),
            receipts: z.totals.receipts,
        })
        .collect())
}

/// A report (X when `number` is none, else Z `number`) on the shop's network printer over
/// ESC/POS; the sentence says where it went. A printer that is off changes nothing: the
/// report is in the journal and can be printed again.
pub async fn report_to_printer(
    counter: &Counter,
    number: Option<i64>,
    now_ms: i64,
) -> Result<String> {
    let shop = shop_of(counter, now_ms)?;
    let addr = shop
        .printer
        .as_ref()
        .ok_or(DaybookError::NoPrinter)?
        .to_string();
    let view = view(counter, &shop, number, now_ms)?;
    let doc = view.to_doc(usize::from(shop.width), crate::receipt_words());
    crate::print::print_escpos(&addr, &doc, None, crate::window::PRINTER_DEADLINE).await?;
    Ok(words().get("day-sent-to-printer", &[("address", addr.into())]))
}

/// A report's printed form as PDF in `folder` (made if missing); the sentence says where.
pub fn report_pdf(
    counter: &Counter,
    number: Option<i64>,
    folder: &Path,
    now_ms: i64,
) -> Result<String> {
    let shop = shop_of(counter, now_ms)?;
    let name = match number {
        None => format!("x-report-{now_ms}.pdf"),
        Some(n) => format!("z-report-{n}.pdf"),
    };
    let view = view(counter, &shop, number, now_ms)?;
    let width = usize::from(shop.width);
    let doc = view.to_doc(width, crate::receipt_words());
    let m = words();
    std::fs::create_dir_all(folder).map_err(|e| {
        DaybookError::Pdf(m.get(
            "books-error-no-folder",
            &[
                ("path", folder.display().to_string().into()),
                ("why", e.to_string().into()),
            ],
        ))
    })?;
    let path = folder.join(name);
    crate::print::save_pdf(&path, &doc, width)
        .map_err(|e| DaybookError::Pdf(capital(&e.to_string())))?;
    Ok(m.get(
        "day-saved-as",
        &[("path", path.display().to_string().into())],
    ))
}

#[cfg(test)]
mod tests;
