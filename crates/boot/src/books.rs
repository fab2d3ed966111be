//! The books both hosts keep through one code path (issue 11): a sale found by its id, its
//! receipt number or its payment id; a return (all that is left, an amount, or chosen
//! lines) refunded by the sale's own tender, pay by bank as a bank transfer to make; a
//! receipt printed again as a numbered COPY; the bank transfers still to make and their
//! marking as sent; the X and Z reports as a [`kassa_shop::ReportView`]; the bookkeeping CSV
//! of a period.
//!
//! Every function takes the journal it works on (`&Journal` to read, `&mut Journal` to
//! write): the window passes its counter's, the CLI one it opened (read-only for a look,
//! or owned with [`kassa_journal::OwnerLock`] for a write). Time is passed in (`at_ms`,
//! `now_ms`), and so is the local UTC offset of a moment (`offset`): no clock is read here.
//!
//! What a return gives back is [`kassa_shop::returns`] (pure, property-tested): the amount
//! split over the sale's VAT groups by the largest remainder, never more than what is left.

use kassa_journal::PeriodTotals;
use kassa_journal::{Backend, Journal, JournalError, NewLine, Receipt, RefundBy, SaleState};
use kassa_money::Money;
use kassa_shop::bookkeeping::{BookKind, BookRow, BookTender};
use kassa_shop::receipt::MoneyJson;
use kassa_shop::report::{self, ByTender, ReportKind, ReportView, VatFigures};
use kassa_shop::{
    Day, Line, LocalDateTime, MerchantProfile, ReturnError, ReturnRequest, SaftCode, VatClass,
};

/// Why a books request did not go through. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum BooksError {
    #[error("no sale, receipt number or payment id matches \"{0}\"")]
    NoSuchSale(String),
    #[error("sale {sale_id} is not paid: there is nothing to return")]
    NotPaid { sale_id: String },
    #[error("give the reason for the return")]
    NoReason,
    #[error(
        "sale {sale_id} was written as a plain amount without VAT lines (by an older Kassa): return it by hand and note it"
    )]
    NoVatLines { sale_id: String },
    #[error("say how the transfer was made (a note for the books)")]
    NoNote,
    #[error("{0} is not a day of the calendar: write it as YYYY-MM-DD")]
    BadDay(String),
    #[error("the period ends before it starts: --to must be on or after --from")]
    BadPeriod,
    #[error("sale {sale_id} has no receipt: it was paid before receipts were written")]
    NoReceipt { sale_id: String },
    #[error(transparent)]
    Return(#[from] ReturnError),
    /// The journal's figures did not map to a report that adds up (a bug, not the cashier's).
    #[error("the report does not add up: {0}")]
    Report(kassa_shop::report::ReportError),
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl BooksError {
    /// A request the cashier or merchant must change (rather than a journal that failed).
    pub fn is_usage(&self) -> bool {
        !matches!(self, BooksError::Report(_))
            && !matches!(
                self,
                BooksError::Journal(
                    JournalError::DiskFull(_)
                        | JournalError::ReadOnly(_)
                        | JournalError::Corrupt(_)
                        | JournalError::Sqlite(_)
                        | JournalError::Io { .. }
                        | JournalError::InUse { .. }
                        | JournalError::SchemaTooNew { .. }
                        | JournalError::SchemaTooOld { .. }
                )
            )
    }
}

pub type Result<T> = std::result::Result<T, BooksError>;

/// The sale `key` names on `series`: a sale id; a receipt number of the till's series
/// (`#1042` or `1042`; a return's number finds the sale it returned); or the bank's
/// payment id of a pay-by-bank sale.
pub fn find_sale(journal: &Journal, series: Backend, key: &str) -> Result<String> {
    let key = key.trim();
    let missing = || BooksError::NoSuchSale(key.to_owned());
    if key.is_empty() {
        return Err(missing());
    }
    if let Some(s) = journal.sale(key)? {
        return Ok(s.id);
    }
    let digits = key.strip_prefix('#').unwrap_or(key);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(number) = digits.parse::<i64>()
    {
        let till = journal.till_id()?;
        if let Some(r) = journal.receipt_by_number(&till, series, number)? {
            return Ok(r.sale_id);
        }
        if key.starts_with('#') {
            return Err(missing());
        }
    }
    sale_of_payment(journal, series, key)?.ok_or_else(missing)
}

/// The sale of `series` that the bank's payment `payment_id` paid.
fn sale_of_payment(journal: &Journal, series: Backend, payment_id: &str) -> Result<Option<String>> {
    // Every sale of the series: a look-up at the cashier's pace (an index of payment ids is
    // the journal's to add when a till holds millions of sales).
    Ok(journal
        .all_sales(series)?
        .into_iter()
        .find(|s| s.paid_payment_id.as_deref() == Some(payment_id))
        .map(|s| s.id))
}

/// A sale's lines as the shop computes with them. A line without VAT (a plain amount of an
/// older journal) is [`BooksError::NoVatLines`].
pub fn shop_lines(journal: &Journal, sale_id: &str) -> Result<Vec<Line>> {
    journal
        .lines_of_sale(sale_id)?
        .into_iter()
        .map(|l| {
            let vat = l.vat.ok_or_else(|| BooksError::NoVatLines {
                sale_id: sale_id.to_owned(),
            })?;
            Ok(Line {
                text: l.text,
                unit_gross: l.unit_gross,
                quantity: l.quantity,
                vat: class(vat.bp, vat.saft_code)?,
            })
        })
        .collect()
}

fn class(bp: u32, code: u8) -> Result<VatClass> {
    let code = SaftCode::new(code)
        .map_err(|e| JournalError::Corrupt(format!("a line's SAF-T code: {e}")))?;
    Ok(VatClass { bp, code })
}

/// The lines of every earlier return of the sale, as the shop computes with them.
fn returned_lines(journal: &Journal, sale_id: &str) -> Result<Vec<Line>> {
    let mut out = Vec::new();
    for r in journal.returns_of_sale(sale_id)? {
        for l in journal.return_lines(&r.till, r.series(), r.number)? {
            let vat = l.vat.ok_or_else(|| {
                JournalError::Corrupt(format!("return {} has a line without VAT", r.number))
            })?;
            out.push(Line {
                text: l.text,
                unit_gross: l.unit_gross,
                quantity: l.quantity,
                vat: class(vat.bp, vat.saft_code)?,
            });
        }
    }
    Ok(out)
}

/// What is left to return of a paid sale (its gross, VAT included).
pub fn left_to_return(journal: &Journal, sale_id: &str) -> Result<Money> {
    if is_plain(journal, sale_id)? {
        return plain_left(journal, sale_id);
    }
    let sale = shop_lines(journal, sale_id)?;
    let returned = returned_lines(journal, sale_id)?;
    Ok(kassa_shop::Left::of(&sale, &returned)?.total)
}

/// A sale written as one plain amount (no VAT recorded, by an older Kassa).
fn is_plain(journal: &Journal, sale_id: &str) -> Result<bool> {
    Ok(journal
        .lines_of_sale(sale_id)?
        .iter()
        .any(|l| l.vat.is_none()))
}

fn plain_left(journal: &Journal, sale_id: &str) -> Result<Money> {
    let sale = journal
        .sale(sale_id)?
        .ok_or_else(|| BooksError::NoSuchSale(sale_id.to_owned()))?;
    let returned = journal.returned_of_sale(sale_id)?;
    Ok(Money::new(
        sale.amount.minor - returned.minor,
        sale.amount.currency,
    ))
}

/// The one line of a return of a plain-amount sale: the journal keeps no VAT for it (its
/// rate fields are not read), so the line carries the 0 % outside-scope class.
fn plain_return(left: Money, request: &ReturnRequest) -> Result<Vec<Line>> {
    let class = VatClass {
        bp: 0,
        code: SaftCode::OUTSIDE_SCOPE,
    };
    let one = |m: Money| vec![Line::new("Return", m, class)];
    let amount = match request {
        ReturnRequest::Full => left,
        ReturnRequest::Amount(a) => *a,
        ReturnRequest::Lines(picks) => {
            let p = picks.first().ok_or(ReturnError::NoLinesChosen)?;
            if picks.len() > 1 || p.line != 1 {
                let line = picks.iter().map(|p| p.line).find(|l| *l != 1).unwrap_or(1);
                return Err(ReturnError::NoSuchLine { line, count: 1 }.into());
            }
            left
        }
    };
    if amount.currency != left.currency {
        return Err(ReturnError::WrongCurrency {
            expected: left.currency,
            found: amount.currency,
        }
        .into());
    }
    if amount.minor <= 0 {
        return Err(ReturnError::NotPositive.into());
    }
    if left.minor <= 0 {
        return Err(ReturnError::NothingLeft.into());
    }
    if amount.minor > left.minor {
        return Err(ReturnError::MoreThanLeft {
            left: left.display(),
        }
        .into());
    }
    Ok(one(amount))
}

/// A return done: its receipt (negative total), the lines given back, what is left of the
/// sale after it, and for pay by bank the transfer the merchant must make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnOutcome {
    pub receipt: Receipt,
    pub lines: Vec<Line>,
    pub left: Money,
    pub bank_refund: Option<kassa_journal::BankRefund>,
}

/// Returns `request` of sale `sale_id` with `reason`, at `at_ms`: the lines from
/// [`kassa_shop::return_lines`] (after every earlier return of the sale), refunded by the
/// tender the sale was paid with (cash back, a card refund on the terminal, or for pay by
/// bank a transfer to make to the payer). One journal transaction ([`Journal::record_return`]):
/// the return receipt, its VAT rows, its totals and the transfer, or nothing.
pub fn return_sale(
    journal: &mut Journal,
    sale_id: &str,
    request: &ReturnRequest,
    reason: &str,
    at_ms: i64,
) -> Result<ReturnOutcome> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(BooksError::NoReason);
    }
    let record = journal
        .sale(sale_id)?
        .ok_or_else(|| BooksError::NoSuchSale(sale_id.to_owned()))?;
    if record.state != SaleState::Paid {
        return Err(BooksError::NotPaid {
            sale_id: sale_id.to_owned(),
        });
    }
    let receipt = journal
        .receipt_of_sale(sale_id)?
        .ok_or_else(|| BooksError::NoReceipt {
            sale_id: sale_id.to_owned(),
        })?;
    let plain = is_plain(journal, sale_id)?;
    let (sale, returned, lines) = if plain {
        let left = plain_left(journal, sale_id)?;
        (Vec::new(), Vec::new(), plain_return(left, request)?)
    } else {
        let sale = shop_lines(journal, sale_id)?;
        let returned = returned_lines(journal, sale_id)?;
        let lines = kassa_shop::return_lines(&sale, &returned, request)?;
        (sale, returned, lines)
    };
    let refund = match receipt.tender {
        kassa_journal::Tender::Cash => RefundBy::Cash,
        kassa_journal::Tender::Card => RefundBy::Card,
        kassa_journal::Tender::Bank => RefundBy::BankTransfer {
            payment_id: receipt
                .tender_detail
                .clone()
                .or(record.paid_payment_id.clone())
                .unwrap_or_default(),
            payer: None,
        },
    };
    let new_lines: Vec<NewLine<'_>> = lines
        .iter()
        .map(|l| NewLine {
            text: &l.text,
            quantity: l.quantity,
            unit_gross: l.unit_gross,
            vat_bp: l.vat.bp,
            saft_code: l.vat.code.code(),
        })
        .collect();
    let done = journal.record_return(&kassa_journal::NewReturn {
        sale_id,
        lines: &new_lines,
        reason,
        at_ms,
        refund,
    })?;
    let left = if plain {
        plain_left(journal, sale_id)?
    } else {
        let mut all = returned;
        all.extend(lines.iter().cloned());
        kassa_shop::Left::of(&sale, &all)?.total
    };
    Ok(ReturnOutcome {
        receipt: done.receipt,
        lines,
        left,
        bank_refund: done.bank_refund,
    })
}

/// A bank transfer to make (money of a pay-by-bank sale going back), as both hosts list it.
/// JSON snake_case, money as `{"minor", "currency", "text"}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TransferView {
    pub id: i64,
    pub sale_id: Option<String>,
    /// The return receipt it pays out, if it is for a return.
    pub return_number: Option<i64>,
    /// The bank's payment the money came in with.
    pub payment_id: String,
    pub amount: MoneyJson,
    /// Who paid, where the bank said; else the payment id is what to find them by.
    pub payer: Option<String>,
    /// `return` or `double_payment`.
    pub kind: &'static str,
    /// `open` (still to make) or `sent`.
    pub state: &'static str,
    pub created_at_ms: i64,
    pub sent_at_ms: Option<i64>,
    pub note: Option<String>,
    /// Training (sandbox) money: nothing real to send.
    pub training: bool,
    /// What to do, in one sentence: "Transfer kr 100,00 back to the payer of payment p1
    /// (return #1043 of sale s1)."
    pub text: String,
}

impl TransferView {
    pub fn of(r: &kassa_journal::BankRefund) -> TransferView {
        let to = match &r.payer {
            Some(p) => format!("{p} (payment {})", r.payment_id),
            None => format!("the payer of payment {}", r.payment_id),
        };
        let why = match (r.kind, r.return_number, &r.sale_id) {
            (kassa_journal::RefundKind::Return, Some(n), Some(s)) => {
                format!(" (return #{n} of sale {s})")
            }
            (kassa_journal::RefundKind::Return, Some(n), None) => format!(" (return #{n})"),
            (kassa_journal::RefundKind::DoublePayment, _, Some(s)) => {
                format!(" (paid twice for sale {s})")
            }
            _ => String::new(),
        };
        let text = match r.state {
            kassa_journal::RefundState::Open => {
                format!("Transfer {} back to {to}{why}.", r.amount.display())
            }
            kassa_journal::RefundState::Sent => format!(
                "Sent {} back to {to}{why}{}.",
                r.amount.display(),
                r.note
                    .as_deref()
                    .map(|n| format!(": {n}"))
                    .unwrap_or_default()
            ),
        };
        TransferView {
            id: r.id,
            sale_id: r.sale_id.clone(),
            return_number: r.return_number,
            payment_id: r.payment_id.clone(),
            amount: MoneyJson::of(r.amount),
            payer: r.payer.clone(),
            kind: match r.kind {
                kassa_journal::RefundKind::Return => "return",
                kassa_journal::RefundKind::DoublePayment => "double_payment",
            },
            state: match r.state {
                kassa_journal::RefundState::Open => "open",
                kassa_journal::RefundState::Sent => "sent",
            },
            created_at_ms: r.created_at_ms,
            sent_at_ms: r.sent_at_ms,
            note: r.note.clone(),
            training: r.training,
            text,
        }
    }
}

/// The bank transfers of `series` to make (`open_only`), or all of them, oldest first. A
/// live till never lists training transfers (nothing real to send), nor the other way round.
pub fn bank_transfers(
    journal: &Journal,
    series: Backend,
    open_only: bool,
) -> Result<Vec<TransferView>> {
    Ok(journal
        .bank_refunds(open_only)?
        .iter()
        .filter(|r| r.training == series.is_training())
        .map(TransferView::of)
        .collect())
}

/// The merchant made transfer `id` (`note`: how, e.g. "sent from the business account on
/// 3 March"): it leaves the open list; the journal keeps when and the note. Only an open
/// transfer can be marked, and a note is needed.
pub fn mark_transfer_sent(
    journal: &mut Journal,
    id: i64,
    note: &str,
    at_ms: i64,
) -> Result<TransferView> {
    let note = note.trim();
    if note.is_empty() {
        return Err(BooksError::NoNote);
    }
    Ok(TransferView::of(
        &journal.mark_refund_sent(id, note, at_ms)?,
    ))
}

/// The bookkeeping CSV of the receipts of `series` in `[from_ms, to_ms)`: one row per
/// receipt per VAT rate and a totals row per rate ([`kassa_shop::bookkeeping`]). `offset`
/// gives the local UTC offset (minutes east) in force at a moment, for the rows' date and
/// time ([`local_offset_minutes`] on a host).
pub fn bookkeeping_csv(
    journal: &Journal,
    series: Backend,
    from_ms: i64,
    to_ms: i64,
    offset: &dyn Fn(i64) -> i16,
) -> Result<String> {
    let mut rows = Vec::new();
    // The payment id of a pay-by-bank receipt, read once per receipt.
    let mut paid_by: Option<(i64, Option<String>)> = None;
    for v in journal.vat_lines_between(series, from_ms, to_ms)? {
        let payment_id = if v.tender == kassa_journal::Tender::Bank {
            match &paid_by {
                Some((n, id)) if *n == v.number => id.clone(),
                _ => {
                    let id = journal
                        .receipt_by_number(&v.till, v.series, v.number)?
                        .and_then(|r| r.tender_detail);
                    paid_by = Some((v.number, id.clone()));
                    id
                }
            }
        } else {
            None
        };
        let at = LocalDateTime::from_unix_ms(v.created_at_ms, offset(v.created_at_ms))
            .map_err(|e| JournalError::Corrupt(format!("receipt {}: {e}", v.number)))?;
        rows.push(BookRow {
            at,
            number: u64::try_from(v.number).unwrap_or_default(),
            kind: match v.kind {
                kassa_journal::ReceiptKind::Sale => BookKind::Sale,
                kassa_journal::ReceiptKind::Return => BookKind::Return,
            },
            tender: match v.tender {
                kassa_journal::Tender::Bank => BookTender::Bank,
                kassa_journal::Tender::Cash => BookTender::Cash,
                kassa_journal::Tender::Card => BookTender::Card,
            },
            vat_bp: v.bp,
            saft_code: v.saft_code,
            net: v.net,
            vat: v.vat,
            gross: v.gross,
            payment_id,
        });
    }
    Ok(kassa_shop::bookkeeping::to_csv(&rows))
}

/// Who the report is of: the merchant and the till's name, as on the receipts.
#[derive(Debug, Clone, Copy)]
pub struct ReportOf<'a> {
    pub merchant: &'a MerchantProfile,
    pub till_name: &'a str,
}

/// The X report of `series` now: the running figures since the last Z, nothing closed.
pub fn x_report(
    journal: &Journal,
    series: Backend,
    now_ms: i64,
    of: ReportOf<'_>,
    offset: &dyn Fn(i64) -> i16,
) -> Result<ReportView> {
    let totals = journal.x_report(series, now_ms)?;
    report_view(&totals, ReportKind::X, of, offset)
}

/// Closes the period of `series` with the next Z number (the journal refuses while a sale
/// is open on the series, and a Z never changes afterwards); the Z report's view.
pub fn close_z(
    journal: &mut Journal,
    series: Backend,
    now_ms: i64,
    of: ReportOf<'_>,
    offset: &dyn Fn(i64) -> i16,
) -> Result<ReportView> {
    let z = journal.close_z(series, now_ms)?;
    let number = u64::try_from(z.number)
        .map_err(|_| JournalError::Corrupt(format!("Z number {}", z.number)))?;
    report_view(&z.totals, ReportKind::Z { number }, of, offset)
}

/// Z report `number` of `series` as it was closed (never changed since).
pub fn z_report(
    journal: &Journal,
    series: Backend,
    number: i64,
    of: ReportOf<'_>,
    offset: &dyn Fn(i64) -> i16,
) -> Result<Option<ReportView>> {
    let Some(z) = journal.z_report(series, number)? else {
        return Ok(None);
    };
    let n = u64::try_from(z.number)
        .map_err(|_| JournalError::Corrupt(format!("Z number {}", z.number)))?;
    report_view(&z.totals, ReportKind::Z { number: n }, of, offset).map(Some)
}

/// The journal's period figures as a report shows them: returns negative (money going
/// back), the three tenders always present, checked to add up ([`ReportView::check`]).
pub fn report_view(
    t: &PeriodTotals,
    kind: ReportKind,
    of: ReportOf<'_>,
    offset: &dyn Fn(i64) -> i16,
) -> Result<ReportView> {
    let currency = t.currency.unwrap_or(t.sales.amount.currency);
    let zero = report::CountAmount::zero(currency);
    let neg = |m: Money| Money::new(-m.minor, m.currency);
    let mut by_tender = ByTender {
        bank: zero,
        cash: zero,
        card: zero,
    };
    for tt in &t.by_tender {
        let ca = report::CountAmount {
            count: tt.count,
            amount: tt.amount,
        };
        match tt.tender {
            kassa_journal::Tender::Bank => by_tender.bank = ca,
            kassa_journal::Tender::Cash => by_tender.cash = ca,
            kassa_journal::Tender::Card => by_tender.card = ca,
        }
    }
    let vat =
        t.vat
            .iter()
            .map(|v| {
                Ok(VatFigures {
                    rate_bp: v.bp,
                    saft_code: v.saft_code.map(SaftCode::new).transpose().map_err(|e| {
                        JournalError::Corrupt(format!("a VAT row's SAF-T code: {e}"))
                    })?,
                    net: v.net,
                    vat: v.vat,
                    gross: v.gross,
                })
            })
            .collect::<Result<Vec<_>>>()?;
    let local = |ms: i64| {
        LocalDateTime::from_unix_ms(ms, offset(ms))
            .map_err(|e| BooksError::Journal(JournalError::Corrupt(format!("a report time: {e}"))))
    };
    let number = |n: Option<i64>| n.and_then(|n| u64::try_from(n).ok());
    let view = ReportView {
        kind,
        till_name: of.till_name.to_owned(),
        merchant: of.merchant.clone(),
        from: t.from_ms.map(local).transpose()?,
        to: local(t.to_ms)?,
        first_receipt: number(t.first_receipt),
        last_receipt: number(t.last_receipt),
        by_tender,
        vat,
        sales: report::CountAmount {
            count: t.sales.count,
            amount: t.sales.amount,
        },
        returns: report::CountAmount {
            count: t.returns.count,
            amount: neg(t.returns.amount),
        },
        cancelled: t.cancelled,
        copies: t.copies,
        receipts: t.receipts,
        training_series: t.series.is_training(),
        transfers_opened: report::CountAmount {
            count: t.transfers_opened.count,
            amount: t.transfers_opened.amount,
        },
        transfers_sent: report::CountAmount {
            count: t.transfers_sent.count,
            amount: t.transfers_sent.amount,
        },
        training: report::CountAmount {
            count: t.training.count,
            amount: t.training.amount,
        },
        grand_total: report::GrandTotals {
            sales: t.grand.sales,
            returns: neg(t.grand.returns),
            net: t.grand.net,
        },
    };
    view.check().map_err(BooksError::Report)?;
    Ok(view)
}

/// The local UTC offset (minutes east) in force at `unix_ms`, from the system's time zone.
pub fn local_offset_minutes(unix_ms: i64) -> i16 {
    use chrono::{Local, Offset, TimeZone};
    match Local.timestamp_millis_opt(unix_ms) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            i16::try_from(t.offset().fix().local_minus_utc() / 60).unwrap_or(0)
        }
        chrono::LocalResult::None => 0,
    }
}

/// `[start of from, start of the day after to)` in local time, as Unix milliseconds: the
/// period `--from 2026-03-01 --to 2026-03-31` covers both days whole. Refused when `to` is
/// before `from` or a day does not exist.
pub fn local_days(from: Day, to: Day) -> Result<(i64, i64)> {
    use chrono::{Local, NaiveDate, TimeZone};
    let date = |d: Day| {
        NaiveDate::from_ymd_opt(d.year, u32::from(d.month), u32::from(d.day)).ok_or(
            BooksError::BadDay(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        )
    };
    let (f, t) = (date(from)?, date(to)?);
    if t < f {
        return Err(BooksError::BadPeriod);
    }
    let start = |d: NaiveDate| -> Result<i64> {
        let midnight = d
            .and_hms_opt(0, 0, 0)
            .ok_or_else(|| BooksError::BadDay(d.to_string()))?;
        match Local.from_local_datetime(&midnight) {
            chrono::LocalResult::Single(x) | chrono::LocalResult::Ambiguous(x, _) => {
                Ok(x.timestamp_millis())
            }
            // Midnight skipped by a clock change: the first moment of the day is an hour on.
            chrono::LocalResult::None => Ok(Local
                .from_local_datetime(&(midnight + chrono::Duration::hours(1)))
                .earliest()
                .map(|x| x.timestamp_millis())
                .unwrap_or_default()),
        }
    };
    let next = t
        .succ_opt()
        .ok_or_else(|| BooksError::BadDay(t.to_string()))?;
    Ok((start(f)?, start(next)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kassa_journal::{NewLine, NewSale, Paid, SaleState};
    use kassa_money::{Currency, Money};

    fn nok(minor: i64) -> Money {
        Money::new(minor, Currency::Nok)
    }

    /// Sale s1: two lines (25 % and 15 %), paid by bank with payment p1, receipt 1;
    /// sale s2: open.
    fn journal() -> Journal {
        let mut j = Journal::open_in_memory().unwrap();
        kassa_testkit::TestSealer::install(&mut j).unwrap();
        let lines = [
            NewLine {
                text: "Batterier",
                quantity: 1,
                unit_gross: nok(9900),
                vat_bp: 2500,
                saft_code: 3,
            },
            NewLine {
                text: "Melk",
                quantity: 3,
                unit_gross: nok(2450),
                vat_bp: 1500,
                saft_code: 31,
            },
        ];
        let sale = |id| NewSale {
            id,
            amount: nok(9900 + 3 * 2450),
            reference: Some("Order7"),
            at_ms: 1_000,
            backend: Backend::Live,
        };
        j.insert_sale_with_lines(&sale("s1"), &lines).unwrap();
        let a = j.begin_attempt("s1", "Order7", 1_001).unwrap();
        j.attempt_created(a.id, "p1", "https://bank.test/x", 1_002, 61_002)
            .unwrap();
        j.record_status(a.id, "Executed", true, 2_000).unwrap();
        j.end_sale_with_receipt(
            "s1",
            &Paid::Bank {
                payment_id: "p1".into(),
            },
            2_001,
            "paid",
        )
        .unwrap();
        j.insert_sale_with_lines(&sale("s2"), &lines).unwrap();
        assert_eq!(j.sale("s1").unwrap().unwrap().state, SaleState::Paid);
        j
    }

    #[test]
    fn a_sale_is_found_by_id_receipt_number_or_payment_id() {
        let j = journal();
        for key in ["s1", "#1", "1", " #1 ", "p1"] {
            assert_eq!(find_sale(&j, Backend::Live, key).unwrap(), "s1", "{key:?}");
        }
        // The training series has no receipt 1.
        assert!(matches!(
            find_sale(&j, Backend::Sandbox, "#1"),
            Err(BooksError::NoSuchSale(_))
        ));
        for key in ["#2", "p9", "", "#"] {
            let e = find_sale(&j, Backend::Live, key).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "no sale, receipt number or payment id matches \"{}\"",
                    key.trim()
                )
            );
            assert!(e.is_usage());
        }
    }

    #[test]
    fn a_sales_lines_read_as_the_shop_computes_with_them() {
        let j = journal();
        let lines = shop_lines(&j, "s1").unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[1].text.as_str(), lines[1].quantity, lines[1].vat.bp),
            ("Melk", 3, 1500)
        );
        assert_eq!(lines[1].vat.code, SaftCode::MIDDLE);
        let total = kassa_shop::Breakdown::of(&lines).unwrap().total;
        assert_eq!(total, nok(17250));
    }

    #[test]
    fn a_plain_amount_sale_is_returned_by_amount_without_vat() {
        let mut j = Journal::open_in_memory().unwrap();
        kassa_testkit::TestSealer::install(&mut j).unwrap();
        j.insert_sale(&NewSale {
            id: "old",
            amount: nok(500),
            reference: None,
            at_ms: 1,
            backend: Backend::Live,
        })
        .unwrap();
        let e = shop_lines(&j, "old").unwrap_err();
        assert!(matches!(e, BooksError::NoVatLines { .. }), "{e}");
        // Paid, it can still be returned by amount (no VAT recorded on either receipt).
        j.end_sale_with_receipt("old", &Paid::Card { reference: None }, 2, "paid")
            .unwrap();
        let done = return_sale(&mut j, "old", &ReturnRequest::Amount(nok(200)), "r", 3).unwrap();
        assert_eq!((done.receipt.total, done.left), (nok(-200), nok(300)));
        let e = return_sale(&mut j, "old", &ReturnRequest::Amount(nok(400)), "r", 4).unwrap_err();
        assert_eq!(
            e.to_string(),
            "only kr\u{a0}3,00 of this sale is left to return"
        );
        let rest = return_sale(&mut j, "old", &ReturnRequest::Full, "r", 5).unwrap();
        assert_eq!(rest.left, nok(0));
    }

    #[test]
    fn a_period_of_days_is_whole_local_days() {
        let (from, to) = local_days(Day::new(2026, 3, 1), Day::new(2026, 3, 31)).unwrap();
        // 31 days of 24 h, give or take a clock change of an hour.
        let hours = (to - from) / 3_600_000;
        assert!((743..=745).contains(&hours), "{hours}");
        let (a, b) = local_days(Day::new(2026, 3, 2), Day::new(2026, 3, 2)).unwrap();
        assert!(b > a);
        assert_eq!(
            local_days(Day::new(2026, 3, 2), Day::new(2026, 3, 1))
                .unwrap_err()
                .to_string(),
            "the period ends before it starts: --to must be on or after --from"
        );
        assert_eq!(
            local_days(Day::new(2026, 2, 30), Day::new(2026, 3, 1))
                .unwrap_err()
                .to_string(),
            "2026-02-30 is not a day of the calendar: write it as YYYY-MM-DD"
        );
    }

    fn cash_sale(j: &mut Journal, id: &str, at_ms: i64) {
        let lines = [NewLine {
            text: "Kaffe",
            quantity: 2,
            unit_gross: nok(5000),
            vat_bp: 2500,
            saft_code: 3,
        }];
        j.insert_paid_sale(
            &NewSale {
                id,
                amount: nok(10_000),
                reference: None,
                at_ms,
                backend: Backend::Live,
            },
            &lines,
            &Paid::Cash { given: nok(20_000) },
            "cash",
        )
        .unwrap();
    }

    #[test]
    fn a_bank_sale_returned_in_part_then_in_full_opens_transfers_to_the_payer() {
        let mut j = journal();
        let part = return_sale(
            &mut j,
            "s1",
            &ReturnRequest::Amount(nok(10_000)),
            "damaged",
            5_000,
        )
        .unwrap();
        assert_eq!(part.receipt.total, nok(-10_000));
        assert_eq!(part.receipt.return_of, Some(1));
        assert_eq!(part.receipt.number, 2);
        assert_eq!(part.left, nok(7_250));
        // Split by the largest remainder over 99.00 at 25 % and 73.50 at 15 %.
        assert_eq!(part.lines.len(), 2);
        assert_eq!(
            part.lines.iter().map(|l| l.unit_gross.minor).sum::<i64>(),
            10_000
        );
        let t = part.bank_refund.clone().unwrap();
        assert_eq!((t.payment_id.as_str(), t.amount), ("p1", nok(10_000)));
        assert_eq!(left_to_return(&j, "s1").unwrap(), nok(7_250));
        let e =
            return_sale(&mut j, "s1", &ReturnRequest::Amount(nok(8_000)), "x", 5_001).unwrap_err();
        assert_eq!(
            e.to_string(),
            "only kr\u{a0}72,50 of this sale is left to return"
        );
        assert!(e.is_usage());
        let rest = return_sale(&mut j, "s1", &ReturnRequest::Full, "all back", 5_002).unwrap();
        assert_eq!(rest.receipt.total, nok(-7_250));
        assert_eq!(rest.left, nok(0));
        let open = bank_transfers(&j, Backend::Live, true).unwrap();
        assert_eq!(open.len(), 2);
        assert_eq!(open[0].amount.minor, 10_000);
        assert_eq!(
            open[0].text,
            "Transfer kr\u{a0}100,00 back to the payer of payment p1 (return #2 of sale s1)."
        );
        assert!(
            bank_transfers(&j, Backend::Sandbox, true)
                .unwrap()
                .is_empty()
        );
        let sent = mark_transfer_sent(&mut j, open[0].id, "from the shop account", 6_000).unwrap();
        assert_eq!(sent.state, "sent");
        assert_eq!(bank_transfers(&j, Backend::Live, true).unwrap().len(), 1);
        assert!(matches!(
            mark_transfer_sent(&mut j, open[1].id, "  ", 6_001),
            Err(BooksError::NoNote)
        ));
        assert!(mark_transfer_sent(&mut j, open[0].id, "again", 6_002).is_err());
    }

    #[test]
    fn a_cash_sale_goes_back_in_cash_and_by_lines() {
        let mut j = Journal::open_in_memory().unwrap();
        kassa_testkit::TestSealer::install(&mut j).unwrap();
        cash_sale(&mut j, "c1", 1_000);
        let one = return_sale(
            &mut j,
            "c1",
            &ReturnRequest::Lines(vec![kassa_shop::LinePick {
                line: 1,
                quantity: 1,
            }]),
            "spilt",
            2_000,
        )
        .unwrap();
        assert_eq!(one.receipt.tender, kassa_journal::Tender::Cash);
        assert_eq!(one.bank_refund, None);
        assert_eq!(one.lines[0].text, "Kaffe");
        assert_eq!(one.left, nok(5_000));
        let e = return_sale(
            &mut j,
            "c1",
            &ReturnRequest::Lines(vec![kassa_shop::LinePick {
                line: 1,
                quantity: 2,
            }]),
            "x",
            2_001,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1 (\"Kaffe\"): only 1 of 2 is left to return"
        );
    }

    #[test]
    fn an_unpaid_sale_and_a_return_without_reason_are_refused_and_nothing_is_written() {
        let mut j = journal();
        let e = return_sale(&mut j, "s2", &ReturnRequest::Full, "changed mind", 9).unwrap_err();
        assert_eq!(
            e.to_string(),
            "sale s2 is not paid: there is nothing to return"
        );
        assert!(matches!(
            return_sale(&mut j, "s1", &ReturnRequest::Full, " ", 9),
            Err(BooksError::NoReason)
        ));
        assert!(matches!(
            return_sale(&mut j, "nope", &ReturnRequest::Full, "r", 9),
            Err(BooksError::NoSuchSale(_))
        ));
        assert!(j.returns_of_sale("s1").unwrap().is_empty());
    }

    fn profile() -> MerchantProfile {
        kassa_shop::validate_profile(&kassa_shop::ProfileDraft {
            legal_name: "Bakeriet AS".into(),
            org_number: "923609016".into(),
            vat_registered: true,
            address_lines: vec!["Thorvald Meyers gate 10".into()],
            postcode: "0555".into(),
            city: "Oslo".into(),
            country: "no".into(),
            till_name: "Kasse 1".into(),
            receipt_footer: String::new(),
        })
        .unwrap()
    }

    #[test]
    fn x_and_z_reports_show_the_period_with_returns_negative_and_z_starts_a_new_one() {
        let mut j = journal();
        cash_sale(&mut j, "c1", 3_000);
        return_sale(&mut j, "s1", &ReturnRequest::Amount(nok(2_000)), "r", 4_000).unwrap();
        let p = profile();
        let of = ReportOf {
            merchant: &p,
            till_name: "Kasse 1",
        };
        let utc = |_| 0;
        let x = x_report(&j, Backend::Live, 5_000, of, &utc).unwrap();
        assert_eq!(x.kind, ReportKind::X);
        assert_eq!((x.sales.count, x.sales.amount), (2, nok(27_250)));
        assert_eq!((x.returns.count, x.returns.amount), (1, nok(-2_000)));
        assert_eq!(x.by_tender.bank.amount, nok(15_250));
        assert_eq!(x.by_tender.cash.amount, nok(10_000));
        assert_eq!(x.receipts, 3);
        assert_eq!(x.grand_total.net, nok(25_250));
        // An open sale (s2) keeps the Z from closing.
        assert!(close_z(&mut j, Backend::Live, 6_000, of, &utc).is_err());
        j.end_sale("s2", SaleState::Cancelled, None, 6_500, "cancelled")
            .unwrap();
        let z = close_z(&mut j, Backend::Live, 7_000, of, &utc).unwrap();
        assert_eq!(z.kind, ReportKind::Z { number: 1 });
        assert_eq!(z.sales, x.sales);
        let json: serde_json::Value = serde_json::from_str(&z.to_json().unwrap()).unwrap();
        assert_eq!(json["z_number"], 1);
        let after = x_report(&j, Backend::Live, 8_000, of, &utc).unwrap();
        assert_eq!(after.sales.count, 0);
        assert_eq!(after.grand_total.net, nok(25_250));
        assert_eq!(
            z_report(&j, Backend::Live, 1, of, &utc).unwrap().unwrap(),
            z
        );
    }

    #[test]
    fn the_bookkeeping_csv_has_a_row_per_receipt_per_rate_with_the_payment_id() {
        let mut j = journal();
        return_sale(&mut j, "s1", &ReturnRequest::Full, "r", 4_000).unwrap();
        let csv = bookkeeping_csv(&j, Backend::Live, 0, 10_000, &|_| 60).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], kassa_shop::bookkeeping::HEADER);
        assert_eq!(
            lines[1],
            "1970-01-01;01:00:02;1;sale;bank;25.00;3;79.20;19.80;99.00;NOK;p1"
        );
        assert!(lines[2].starts_with("1970-01-01;01:00:02;1;sale;bank;15.00;31;"));
        assert!(
            lines[3].starts_with(
                "1970-01-01;01:00:04;2;return;bank;25.00;3;-79.20;-19.80;-99.00;NOK;p1"
            ),
            "{}",
            lines[3]
        );
        assert_eq!(lines[5], ";;;total;;25.00;3;0.00;0.00;0.00;NOK;");
        assert_eq!(lines.len(), 7);
        // Outside the period: the header alone.
        let none = bookkeeping_csv(&j, Backend::Live, 10_000, 20_000, &|_| 60).unwrap();
        assert_eq!(none.lines().count(), 1);
    }
}
