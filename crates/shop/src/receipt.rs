//! The receipt of a sale or a return: what it says ([`Receipt`]), how it prints
//! ([`Receipt::to_doc`], a [`kassa_print::Doc`]) and its JSON ([`Receipt::to_json`], what
//! `kassa receipt SALE_ID --json` prints).
//!
//! A receipt is built from a [`ReceiptDraft`] by [`Receipt::new`], which works the VAT out
//! from the lines ([`Breakdown::of`], the one rounding rule) and refuses input that does not
//! add up: no lines, a cash amount below the total, a change that is not given − total, a
//! tender in another currency than the lines, a return without the receipt it returns or
//! without a reason. No clock is read: the caller passes the local date and time
//! ([`LocalDateTime`], from Unix milliseconds and the UTC offset in force).
//!
//! # Returns
//!
//! A return's lines are the returned lines as they were sold (positive prices); its
//! [`Receipt::breakdown`] is the breakdown of those lines **negated** (every net, VAT, gross
//! and the total below zero: money going back to the customer), and every amount the receipt
//! prints or writes as JSON is negative. Because VAT rounds half away from zero, the negated
//! breakdown is exactly the breakdown of the negative amounts.
//!
//! # Words
//!
//! Every word the receipt prints is in [`Words`] (English in [`Words::ENGLISH`]), so the
//! translations of issue 13 replace one value. The country's own label for the organisation
//! number ("CVR-nr.", "Org.nr.") comes from [`crate::Country::number_label`].
//!
//! # JSON
//!
//! snake_case keys (the CLI's convention). Money is always `{"minor": 21240, "currency": "NOK", "text": "kr 212,40"}`:
//! `minor` the exact integer amount in minor units (øre, cent; negative on a return),
//! `currency` the ISO code, `text` [`Money::display`] as the receipt shows it (with a
//! no-break space). See [`ReceiptJson`] for every field.

use std::fmt;

use kassa_i18n::Lang;
use kassa_money::{Currency, Money};
use kassa_print::{Align, Block, Doc, Raster};
use serde::Serialize;

use crate::lines::{Breakdown, Line, LineError, VatGroup};
use crate::org::Country;
use crate::profile::MerchantProfile;
use crate::vat::{Day, SaftCode, percent};

/// A sale's receipt, or a return's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptKind {
    Sale,
    /// Money back for (some of) the lines of receipt `of_number`.
    Return {
        of_number: u64,
        reason: String,
    },
}

/// How the sale was paid, or how a return's money goes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tender {
    /// Pay by bank (Aiia): the payment's id and the reference the bank shows.
    PayByBank {
        payment_id: String,
        bank_reference: String,
    },
    /// Cash. For a sale, `given` is what the customer handed over and `change` is
    /// `given − total`; for a return, `given` is the cash paid back (the amount returned,
    /// as a positive amount) and `change` is zero. Use [`Tender::cash`] to get the change
    /// right.
    Cash { given: Money, change: Money },
    /// A card on an external terminal, as the cashier recorded it.
    Card { terminal_reference: Option<String> },
}

impl Tender {
    /// Cash for a sale of `total`: the change is worked out (`given − total`), and a `given`
    /// below the total or in another currency is refused.
    pub fn cash(given: Money, total: Money) -> Result<Tender, ReceiptError> {
        check_currency("cash given", given.currency, total.currency)?;
        if given.minor < total.minor {
            return Err(ReceiptError::CashShort {
                given: given.display(),
                total: total.display(),
            });
        }
        Ok(Tender::Cash {
            given,
            change: Money::new(given.minor - total.minor, total.currency),
        })
    }
}

/// A local date and time as the shop's clock on the wall shows it, with the offset from UTC
/// that was in force (so the moment is known too). Built from data, never from a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    date: Day,
    hour: u8,
    minute: u8,
    second: u8,
    utc_offset_minutes: i16,
}

/// Offsets beyond ±18 h are refused (the real ones are within −12 h and +14 h).
const MAX_OFFSET_MINUTES: i16 = 18 * 60;

impl LocalDateTime {
    /// A checked local date and time (a real day of its month, 00:00:00 to 23:59:59).
    pub fn new(
        date: Day,
        hour: u8,
        minute: u8,
        second: u8,
        utc_offset_minutes: i16,
    ) -> Result<LocalDateTime, ReceiptError> {
        let bad = || {
            ReceiptError::BadTime(format!(
                "{:04}-{:02}-{:02} {hour:02}:{minute:02}:{second:02}",
                date.year, date.month, date.day
            ))
        };
        if !(1..=12).contains(&date.month)
            || date.day == 0
            || date.day > days_in_month(date.year, date.month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return Err(bad());
        }
        check_offset(utc_offset_minutes)?;
        Ok(LocalDateTime {
            date,
            hour,
            minute,
            second,
            utc_offset_minutes,
        })
    }

    /// The local time of the moment `unix_ms` (milliseconds since 1970-01-01 UTC, as the
    /// journal stores it) at `utc_offset_minutes` east of UTC (60 for CET, 120 for CEST).
    pub fn from_unix_ms(
        unix_ms: i64,
        utc_offset_minutes: i16,
    ) -> Result<LocalDateTime, ReceiptError> {
        check_offset(utc_offset_minutes)?;
        let out_of_range = || ReceiptError::BadTime(format!("{unix_ms} ms since 1970"));
        let local_s = unix_ms
            .div_euclid(1000)
            .checked_add(i64::from(utc_offset_minutes) * 60)
            .ok_or_else(out_of_range)?;
        let days = local_s.div_euclid(86_400);
        let secs = local_s.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        let year = i32::try_from(year).map_err(|_| out_of_range())?;
        // secs < 86 400, so each part fits a u8.
        let part = |v: i64| u8::try_from(v).map_err(|_| out_of_range());
        Ok(LocalDateTime {
            date: Day::new(year, part(month)?, part(day)?),
            hour: part(secs / 3600)?,
            minute: part(secs % 3600 / 60)?,
            second: part(secs % 60)?,
            utc_offset_minutes,
        })
    }

    pub fn date(&self) -> Day {
        self.date
    }

    pub fn utc_offset_minutes(&self) -> i16 {
        self.utc_offset_minutes
    }

    /// As the receipt prints it: `2026-03-02 14:05`.
    /// The date and time as `lang` writes them (`02.12.2026 14.05` in Danish); English keeps
    /// [`Self::receipt_text`].
    pub fn receipt_text_in(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.receipt_text();
        }
        let date = kassa_i18n::Date {
            year: self.date.year,
            month: u32::from(self.date.month),
            day: u32::from(self.date.day),
        };
        let time = kassa_i18n::Time {
            hour: u32::from(self.hour),
            minute: u32::from(self.minute),
            second: 0,
        };
        format!("{} {}", lang.date(date), lang.time(time))
    }

    pub fn receipt_text(&self) -> String {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            self.date.year, self.date.month, self.date.day, self.hour, self.minute
        )
    }

    /// ISO 8601 with the offset: `2026-03-02T14:05:09+01:00`.
    pub fn iso(&self) -> String {
        let sign = if self.utc_offset_minutes < 0 {
            '-'
        } else {
            '+'
        };
        let off = self.utc_offset_minutes.unsigned_abs();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date.year,
            self.date.month,
            self.date.day,
            self.hour,
            self.minute,
            self.second,
            off / 60,
            off % 60
        )
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

fn check_offset(minutes: i16) -> Result<(), ReceiptError> {
    if minutes.unsigned_abs() > MAX_OFFSET_MINUTES.unsigned_abs() {
        return Err(ReceiptError::BadOffset { minutes });
    }
    Ok(())
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar
/// (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Why a receipt could not be made. Each message says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    #[error("{0}")]
    Lines(#[from] LineError),
    #[error("receipt numbers start at 1")]
    NoNumber,
    #[error("the receipt needs the till's name")]
    NoTillName,
    #[error("the {what} is in {found} but the sale is in {expected}: one receipt has one currency")]
    CurrencyMismatch {
        what: &'static str,
        expected: Currency,
        found: Currency,
    },
    #[error("the cash given ({given}) is less than the total ({total})")]
    CashShort { given: String, total: String },
    #[error("the change should be {expected} (cash given minus the total), not {found}")]
    WrongChange { expected: String, found: String },
    #[error("the cash paid back ({paid}) is not the amount returned ({returned})")]
    CashRefundMismatch { paid: String, returned: String },
    #[error("a cash refund gives no change (change {change})")]
    ChangeOnRefund { change: String },
    #[error("a pay-by-bank receipt needs the payment id")]
    NoPaymentId,
    #[error("a pay-by-bank receipt needs the bank reference")]
    NoBankReference,
    #[error("a return must name the receipt it returns (its number, from 1)")]
    NoReturnOf,
    #[error("receipt {number} cannot return itself")]
    ReturnOfItself { number: u64 },
    #[error("a return needs a reason")]
    NoReason,
    #[error("copy numbers start at 1 (the original receipt is not a copy)")]
    NoCopyNumber,
    #[error("not a date and time: {0}")]
    BadTime(String),
    #[error("a UTC offset of {minutes} minutes is beyond ±18 hours")]
    BadOffset { minutes: i16 },
}

fn check_currency(
    what: &'static str,
    found: Currency,
    expected: Currency,
) -> Result<(), ReceiptError> {
    if found != expected {
        return Err(ReceiptError::CurrencyMismatch {
            what,
            expected,
            found,
        });
    }
    Ok(())
}

/// What a receipt is made from: everything but the VAT, which [`Receipt::new`] works out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptDraft {
    pub kind: ReceiptKind,
    /// Gapless per till, given by the journal (from 1).
    pub number: u64,
    pub till_name: String,
    pub at: LocalDateTime,
    pub merchant: MerchantProfile,
    /// For a return: the returned lines as they were sold.
    pub lines: Vec<Line>,
    pub tender: Tender,
    /// `Some(n)`: the n-th reprint (from 1).
    pub copy_number: Option<u32>,
    /// A training sale: printed with a banner, kept apart in the reports.
    pub training: bool,
}

/// A checked receipt: its VAT worked out from its lines, its tender consistent with its
/// total. Build it with [`Receipt::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    kind: ReceiptKind,
    number: u64,
    till_name: String,
    at: LocalDateTime,
    merchant: MerchantProfile,
    lines: Vec<Line>,
    breakdown: Breakdown,
    tender: Tender,
    copy_number: Option<u32>,
    training: bool,
}

impl Receipt {
    /// Checks the draft and works out the VAT (see the module documentation for returns).
    pub fn new(d: ReceiptDraft) -> Result<Receipt, ReceiptError> {
        if d.number == 0 {
            return Err(ReceiptError::NoNumber);
        }
        let till_name = d.till_name.trim().to_owned();
        if till_name.is_empty() {
            return Err(ReceiptError::NoTillName);
        }
        if d.copy_number == Some(0) {
            return Err(ReceiptError::NoCopyNumber);
        }
        let kind = match d.kind {
            ReceiptKind::Sale => ReceiptKind::Sale,
            ReceiptKind::Return { of_number, reason } => {
                if of_number == 0 {
                    return Err(ReceiptError::NoReturnOf);
                }
                if of_number == d.number {
                    return Err(ReceiptError::ReturnOfItself { number: d.number });
                }
                let reason = reason.trim().to_owned();
                if reason.is_empty() {
                    return Err(ReceiptError::NoReason);
                }
                ReceiptKind::Return { of_number, reason }
            }
        };
        let sold = Breakdown::of(&d.lines)?;
        let currency = sold.currency();
        let is_return = matches!(kind, ReceiptKind::Return { .. });
        match &d.tender {
            Tender::Cash { given, change } => {
                check_currency("cash given", given.currency, currency)?;
                check_currency("change", change.currency, currency)?;
                if is_return {
                    if given.minor != sold.total.minor {
                        return Err(ReceiptError::CashRefundMismatch {
                            paid: given.display(),
                            returned: sold.total.display(),
                        });
                    }
                    if change.minor != 0 {
                        return Err(ReceiptError::ChangeOnRefund {
                            change: change.display(),
                        });
                    }
                } else {
                    if given.minor < sold.total.minor {
                        return Err(ReceiptError::CashShort {
                            given: given.display(),
                            total: sold.total.display(),
                        });
                    }
                    let expected = Money::new(given.minor - sold.total.minor, currency);
                    if expected != *change {
                        return Err(ReceiptError::WrongChange {
                            expected: expected.display(),
                            found: change.display(),
                        });
                    }
                }
            }
            Tender::PayByBank {
                payment_id,
                bank_reference,
            } => {
                if payment_id.trim().is_empty() {
                    return Err(ReceiptError::NoPaymentId);
                }
                if bank_reference.trim().is_empty() {
                    return Err(ReceiptError::NoBankReference);
                }
            }
            Tender::Card { .. } => {}
        }
        let breakdown = if is_return { negated(&sold)? } else { sold };
        Ok(Receipt {
            kind,
            number: d.number,
            till_name,
            at: d.at,
            merchant: d.merchant,
            lines: d.lines,
            breakdown,
            tender: d.tender,
            copy_number: d.copy_number,
            training: d.training,
        })
    }

    /// The same receipt as its `n`-th reprint (from 1).
    pub fn reprint(&self, n: u32) -> Result<Receipt, ReceiptError> {
        if n == 0 {
            return Err(ReceiptError::NoCopyNumber);
        }
        Ok(Receipt {
            copy_number: Some(n),
            ..self.clone()
        })
    }

    pub fn kind(&self) -> &ReceiptKind {
        &self.kind
    }
    pub fn is_return(&self) -> bool {
        matches!(self.kind, ReceiptKind::Return { .. })
    }
    pub fn number(&self) -> u64 {
        self.number
    }
    pub fn till_name(&self) -> &str {
        &self.till_name
    }
    pub fn at(&self) -> LocalDateTime {
        self.at
    }
    pub fn merchant(&self) -> &MerchantProfile {
        &self.merchant
    }
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }
    /// The VAT per rate and the totals; negative on a return.
    pub fn breakdown(&self) -> &Breakdown {
        &self.breakdown
    }
    /// The total; negative on a return.
    pub fn total(&self) -> Money {
        self.breakdown.total
    }
    pub fn tender(&self) -> &Tender {
        &self.tender
    }
    pub fn copy_number(&self) -> Option<u32> {
        self.copy_number
    }
    pub fn training(&self) -> bool {
        self.training
    }

    /// A line's amount as this receipt shows it: `quantity × unit`, negative on a return.
    fn line_amount(&self, line: &Line) -> Money {
        let gross = i64::from(line.quantity).saturating_mul(line.unit_gross.minor);
        let minor = if self.is_return() { -gross } else { gross };
        Money::new(minor, line.unit_gross.currency)
    }

    /// The printable receipt, `width` columns wide, in English ([`Words::ENGLISH`]).
    pub fn to_doc(&self, width: usize, logo: Option<Raster>) -> Doc {
        self.to_doc_with(width, logo, &Words::ENGLISH)
    }

    /// The printable receipt with `words` (issue 13's translations).
    ///
    /// In order: logo; the training banner; legal name (bold, centred); organisation number
    /// with the country's label; address; till; date and time; receipt number; for a return
    /// the RETURN title, the receipt it returns and the reason; the lines (text and amount,
    /// then `quantity × unit price` when more than one); a rule; the VAT per rate (rate, net,
    /// VAT, gross); the total (bold, double size); the tender; the footer; the training
    /// banner again; the cut. A reprint is marked `*** COPY n ***` at the top and before the
    /// cut ([`Doc::as_copy_labelled`]).
    pub fn to_doc_with(&self, width: usize, logo: Option<Raster>, words: &Words) -> Doc {
        let width = width.max(8);
        let mut b: Vec<Block> = Vec::with_capacity(32 + 2 * self.lines.len());
        let center = |t: String| Block::styled(t, Align::Center, false, false);
        let banner = || Block::styled(words.training, Align::Center, true, false);
        if let Some(logo) = logo {
            b.push(Block::Logo(logo));
        }
        if self.training {
            b.push(banner());
        }
        let m = &self.merchant;
        b.extend(merchant_heading(m));
        for line in &m.address_lines {
            b.push(center(line.clone()));
        }
        b.push(center(m.postcode_city()));
        b.push(Block::Feed(1));
        b.push(Block::text(format!("{} {}", words.till, self.till_name)));
        b.push(Block::text(self.at.receipt_text_in(words.lang)));
        b.push(Block::text(format!("{} {}", words.receipt, self.number)));
        if let ReceiptKind::Return { of_number, reason } = &self.kind {
            b.push(Block::styled(words.return_title, Align::Center, true, true));
            b.push(Block::text(format!("{} {of_number}", words.return_of)));
            b.push(Block::text(format!("{}: {reason}", words.reason)));
        }
        b.push(Block::Rule);
        for line in &self.lines {
            b.push(Block::columns(
                line.text.as_str(),
                figure_in(words.lang, self.line_amount(line)),
            ));
            if line.quantity > 1 {
                b.push(Block::text(format!(
                    "{} × {}",
                    line.quantity,
                    figure_in(words.lang, line.unit_gross)
                )));
            }
        }
        b.push(Block::Rule);
        vat_table(&mut b, &self.breakdown.groups, width, words);
        b.push(Block::styled(
            format!("{} {}", words.total, words.lang.money(self.total())),
            Align::Center,
            true,
            true,
        ));
        b.push(Block::Feed(1));
        self.tender_blocks(&mut b, words);
        if !m.footer_lines.is_empty() {
            b.push(Block::Feed(1));
            for line in &m.footer_lines {
                b.push(center(line.clone()));
            }
        }
        if self.training {
            b.push(banner());
        }
        b.push(Block::Cut);
        let doc = Doc { width, blocks: b };
        match self.copy_number {
            Some(n) => doc.as_copy_labelled(&format!("{} {n}", words.copy)),
            None => doc,
        }
    }

    fn tender_blocks(&self, b: &mut Vec<Block>, words: &Words) {
        let back = self.is_return();
        let total = words.lang.money(self.total());
        match &self.tender {
            Tender::PayByBank {
                payment_id,
                bank_reference,
            } => {
                let label = if back {
                    words.refund_by_bank
                } else {
                    words.pay_by_bank
                };
                b.push(Block::columns(label, total));
                b.push(Block::text(format!("{}: {payment_id}", words.payment_id)));
                b.push(Block::text(format!(
                    "{}: {bank_reference}",
                    words.bank_reference
                )));
            }
            Tender::Cash { given, change } => {
                if back {
                    b.push(Block::columns(words.cash_refund, total));
                } else {
                    b.push(Block::columns(words.cash, words.lang.money(*given)));
                    b.push(Block::columns(words.change, words.lang.money(*change)));
                }
            }
            Tender::Card { terminal_reference } => {
                let label = if back { words.card_refund } else { words.card };
                b.push(Block::columns(label, total));
                if let Some(r) = terminal_reference {
                    b.push(Block::text(format!("{}: {r}", words.terminal_reference)));
                }
            }
        }
    }

    /// The receipt as JSON (see [`ReceiptJson`]), pretty-printed.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(&self.json())
    }

    /// The serialisable view of the receipt (what [`Receipt::to_json`] writes).
    pub fn json(&self) -> ReceiptJson<'_> {
        let (kind, return_of, reason) = match &self.kind {
            ReceiptKind::Sale => ("sale", None, None),
            ReceiptKind::Return { of_number, reason } => {
                ("return", Some(*of_number), Some(reason.as_str()))
            }
        };
        let m = &self.merchant;
        ReceiptJson {
            kind,
            number: self.number,
            return_of,
            reason,
            till: &self.till_name,
            at: self.at.iso(),
            merchant: MerchantJson::of(m),
            lines: self
                .lines
                .iter()
                .map(|l| LineJson {
                    text: &l.text,
                    quantity: l.quantity,
                    unit_price: MoneyJson::of(l.unit_gross),
                    amount: MoneyJson::of(self.line_amount(l)),
                    rate_bp: l.vat.bp,
                    rate: percent(l.vat.bp),
                    saft_code: l.vat.code,
                })
                .collect(),
            vat: self
                .breakdown
                .groups
                .iter()
                .map(|g| VatJson {
                    rate_bp: g.vat.bp,
                    rate: percent(g.vat.bp),
                    saft_code: g.vat.code,
                    net: MoneyJson::of(g.net),
                    vat: MoneyJson::of(g.vat_amount),
                    gross: MoneyJson::of(g.gross),
                })
                .collect(),
            net: MoneyJson::of(self.breakdown.net),
            vat_total: MoneyJson::of(self.breakdown.vat),
            total: MoneyJson::of(self.breakdown.total),
            tender: match &self.tender {
                Tender::PayByBank {
                    payment_id,
                    bank_reference,
                } => TenderJson::PayByBank {
                    payment_id,
                    bank_reference,
                },
                Tender::Cash { given, change } => TenderJson::Cash {
                    given: MoneyJson::of(*given),
                    change: MoneyJson::of(*change),
                },
                Tender::Card { terminal_reference } => TenderJson::Card {
                    terminal_reference: terminal_reference.as_deref(),
                },
            },
            copy_number: self.copy_number,
            training: self.training,
        }
    }
}

/// The breakdown with every amount's sign flipped (a return's money).
fn negated(b: &Breakdown) -> Result<Breakdown, LineError> {
    let neg = |m: Money| {
        m.minor
            .checked_neg()
            .map(|minor| Money::new(minor, m.currency))
            .ok_or(LineError::Overflow)
    };
    let groups = b
        .groups
        .iter()
        .map(|g| {
            Ok(VatGroup {
                vat: g.vat,
                net: neg(g.net)?,
                vat_amount: neg(g.vat_amount)?,
                gross: neg(g.gross)?,
            })
        })
        .collect::<Result<Vec<_>, LineError>>()?;
    Ok(Breakdown {
        groups,
        net: neg(b.net)?,
        vat: neg(b.vat)?,
        total: neg(b.total)?,
    })
}

/// An amount without its currency, as the lines and the VAT table show it: [`Money::display`]
/// with the currency sign taken out (`212,40`, `1.234,50`, `1 234,50`, `1,234.50`).
/// An amount without its currency in `lang` ([`figure`] in English, as the currency's country
/// writes it; `1.234,50` in Danish, `1 234,50` in Swedish, Norwegian and Finnish).
pub fn figure_in(lang: Lang, m: Money) -> String {
    match lang {
        Lang::En => figure(m),
        _ => kassa_i18n::format::amount(lang, m),
    }
}

pub fn figure(m: Money) -> String {
    let marker = match m.currency {
        Currency::Dkk => "\u{a0}kr.",
        Currency::Sek => "\u{a0}kr",
        Currency::Nok => "kr\u{a0}",
        Currency::Eur => "€",
    };
    m.display().replacen(marker, "", 1)
}

/// The VAT table: a header and one row per rate, in four columns when they fit the width,
/// else each rate as a title and three text-and-amount lines.
fn vat_table(b: &mut Vec<Block>, groups: &[VatGroup], width: usize, words: &Words) {
    let rows: Vec<(String, [String; 3])> = groups
        .iter()
        .map(|g| {
            (
                percent(g.vat.bp),
                [figure(g.net), figure(g.vat_amount), figure(g.gross)],
            )
        })
        .collect();
    vat_rows(b, rows, width, words);
}

/// The VAT table of `rows` (a rate's label and its net, VAT and gross figures): a header and
/// a row per rate when four columns fit the width, else each rate stacked.
pub(crate) fn vat_rows(
    b: &mut Vec<Block>,
    rows: Vec<(String, [String; 3])>,
    width: usize,
    words: &Words,
) {
    let cw = width.saturating_sub(9) / 3;
    let fits = |s: &str| s.chars().count() < cw;
    let wide = cw >= 4
        && [words.net, words.vat, words.gross].iter().all(|w| fits(w))
        && rows.iter().all(|(_, f)| f.iter().all(|s| fits(s)));
    if wide {
        let cols = |a: &str, v: &str, c: &str| format!("{a:>cw$}{v:>cw$}{c:>cw$}");
        b.push(Block::columns(
            words.rate,
            cols(words.net, words.vat, words.gross),
        ));
        for (rate, [net, vat, gross]) in rows {
            b.push(Block::columns(rate, cols(&net, &vat, &gross)));
        }
    } else {
        for (rate, [net, vat, gross]) in rows {
            b.push(Block::text(format!("{} {rate}", words.vat)));
            b.push(Block::columns(words.net, net));
            b.push(Block::columns(words.vat, vat));
            b.push(Block::columns(words.gross, gross));
        }
    }
}

/// Every word a receipt prints, in one place. [`Words::ENGLISH`] is the default; the
/// translations of issue 13 are other values of this struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The language the words are in; money, dates and times follow it.
    pub lang: Lang,
    /// "Receipt" → "Receipt 1042".
    pub receipt: &'static str,
    /// "Till" → "Till Kasse 1".
    pub till: &'static str,
    /// The title of a return receipt.
    pub return_title: &'static str,
    /// "Return of receipt" → "Return of receipt 1041".
    pub return_of: &'static str,
    pub reason: &'static str,
    /// The banner of a training receipt.
    pub training: &'static str,
    /// "COPY" → "*** COPY 2 ***".
    pub copy: &'static str,
    /// Headers of the VAT table.
    pub rate: &'static str,
    pub net: &'static str,
    pub vat: &'static str,
    pub gross: &'static str,
    pub total: &'static str,
    pub pay_by_bank: &'static str,
    pub refund_by_bank: &'static str,
    pub payment_id: &'static str,
    pub bank_reference: &'static str,
    pub cash: &'static str,
    pub change: &'static str,
    pub cash_refund: &'static str,
    pub card: &'static str,
    pub card_refund: &'static str,
    pub terminal_reference: &'static str,
    /// The titles of the reports ([`crate::report`]): "X REPORT", "Z REPORT" → "Z REPORT 12".
    pub x_report: &'static str,
    pub z_report: &'static str,
    /// "X: running figures, nothing closed" under an X report's title.
    pub x_note: &'static str,
    /// "From" / "To" → "From 2026-03-02 08:00".
    pub from: &'static str,
    pub to: &'static str,
    /// The first period of a till starts when the till did.
    pub since_start: &'static str,
    /// "Receipts" → "Receipts 1040–1090" and the count of receipts.
    pub receipts: &'static str,
    pub sales: &'static str,
    pub returns: &'static str,
    /// Sales less returns.
    pub net_sales: &'static str,
    pub by_tender: &'static str,
    pub vat_by_rate: &'static str,
    /// A VAT row of sales recorded without lines (no rate known).
    pub no_vat_recorded: &'static str,
    pub cancelled: &'static str,
    pub copies: &'static str,
    /// Training sales, kept apart: "Training sales (3)  kr 300,00", then the note.
    pub training_sales: &'static str,
    pub training_note: &'static str,
    /// "Bank transfers opened (2)  kr 80,00" / "Bank transfers sent (1)  kr 40,00".
    pub transfers_opened: &'static str,
    pub transfers_sent: &'static str,
    /// At the top of a report of the training series: "TRAINING — NOT FOR THE BOOKS".
    pub training_banner: &'static str,
    /// "Grand totals since the till started".
    pub grand_totals: &'static str,
}

impl Words {
    pub const ENGLISH: Words = Words {
        lang: Lang::En,
        receipt: "Receipt",
        till: "Till",
        return_title: "RETURN",
        return_of: "Return of receipt",
        reason: "Reason",
        training: "TRAINING — NOT A RECEIPT",
        copy: "COPY",
        rate: "VAT",
        net: "Net",
        vat: "VAT",
        gross: "Gross",
        total: "TOTAL",
        pay_by_bank: "Paid by bank",
        refund_by_bank: "Refund by bank transfer",
        payment_id: "Payment ID",
        bank_reference: "Bank reference",
        cash: "Cash",
        change: "Change",
        cash_refund: "Cash paid back",
        card: "Card",
        card_refund: "Refund to card",
        terminal_reference: "Terminal ref.",
        x_report: "X REPORT",
        z_report: "Z REPORT",
        x_note: "Running figures; nothing is closed",
        from: "From",
        to: "To",
        since_start: "the till's start",
        receipts: "Receipts",
        sales: "Sales",
        returns: "Returns",
        net_sales: "Net sales",
        by_tender: "By tender",
        vat_by_rate: "VAT by rate",
        no_vat_recorded: "No VAT recorded",
        cancelled: "Cancelled sales",
        copies: "Copy receipts",
        training_sales: "Training sales",
        training_note: "Kept apart: in none of the figures above",
        training_banner: "TRAINING — NOT FOR THE BOOKS",
        transfers_opened: "Bank transfers opened",
        transfers_sent: "Bank transfers sent",
        grand_totals: "Grand totals since the till started",
    };

    /// The words of `lang` from its catalogue (`receipt-*` in `core.ftl`), built once per
    /// language.
    pub fn of(lang: Lang) -> &'static Words {
        static ALL: [std::sync::OnceLock<Words>; 5] = [const { std::sync::OnceLock::new() }; 5];
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        ALL[i].get_or_init(|| {
            let m = kassa_i18n::Messages::of(lang);
            // Built once per language for the life of the process: the words are kept.
            let w = |key: &str| -> &'static str { Box::leak(m.text(key).into_boxed_str()) };
            Words {
                lang,
                receipt: w("receipt-receipt"),
                till: w("receipt-till"),
                return_title: w("receipt-return-title"),
                return_of: w("receipt-return-of"),
                reason: w("receipt-reason"),
                training: w("receipt-training"),
                copy: w("receipt-copy"),
                rate: w("receipt-rate"),
                net: w("receipt-net"),
                vat: w("receipt-vat"),
                gross: w("receipt-gross"),
                total: w("receipt-total"),
                pay_by_bank: w("receipt-pay-by-bank"),
                refund_by_bank: w("receipt-refund-by-bank"),
                payment_id: w("receipt-payment-id"),
                bank_reference: w("receipt-bank-reference"),
                cash: w("receipt-cash"),
                change: w("receipt-change"),
                cash_refund: w("receipt-cash-refund"),
                card: w("receipt-card"),
                card_refund: w("receipt-card-refund"),
                terminal_reference: w("receipt-terminal-reference"),
                x_report: w("receipt-x-report"),
                z_report: w("receipt-z-report"),
                x_note: w("receipt-x-note"),
                from: w("receipt-from"),
                to: w("receipt-to"),
                since_start: w("receipt-since-start"),
                receipts: w("receipt-receipts"),
                sales: w("receipt-sales"),
                returns: w("receipt-returns"),
                net_sales: w("receipt-net-sales"),
                by_tender: w("receipt-by-tender"),
                vat_by_rate: w("receipt-vat-by-rate"),
                no_vat_recorded: w("receipt-no-vat-recorded"),
                cancelled: w("receipt-cancelled"),
                copies: w("receipt-copies"),
                training_sales: w("receipt-training-sales"),
                training_note: w("receipt-training-note"),
                training_banner: w("receipt-training-banner"),
                transfers_opened: w("receipt-transfers-opened"),
                transfers_sent: w("receipt-transfers-sent"),
                grand_totals: w("receipt-grand-totals"),
            }
        })
    }
}

impl Default for Words {
    fn default() -> Words {
        Words::ENGLISH
    }
}

/// Money in JSON: `{"minor": 21240, "currency": "NOK", "text": "kr 212,40"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneyJson {
    /// The exact amount in minor units; negative on a return.
    pub minor: i64,
    pub currency: Currency,
    /// [`Money::display`].
    pub text: String,
}

impl MoneyJson {
    pub fn of(m: Money) -> MoneyJson {
        MoneyJson {
            minor: m.minor,
            currency: m.currency,
            text: m.display(),
        }
    }
}

/// The merchant at the head of a receipt or report: the legal name (bold, centred) and
/// the country's number label with the number (`Org.nr. NO 923609016 MVA`), centred.
pub(crate) fn merchant_heading(m: &MerchantProfile) -> [Block; 2] {
    [
        Block::styled(m.legal_name.as_str(), Align::Center, true, false),
        Block::styled(
            format!(
                "{} {}",
                m.org_number.country.number_label(),
                m.org_number.display()
            ),
            Align::Center,
            false,
            false,
        ),
    ]
}

/// The JSON of a receipt (snake_case keys, as all of the CLI's JSON). `return_of` and
/// `reason` are `null` on a sale, `copy_number` is `null` on the original.
#[derive(Debug, Clone, Serialize)]
pub struct ReceiptJson<'a> {
    /// `"sale"` or `"return"`.
    pub kind: &'static str,
    pub number: u64,
    pub return_of: Option<u64>,
    pub reason: Option<&'a str>,
    pub till: &'a str,
    /// ISO 8601 local time with its offset: `2026-03-02T14:05:09+01:00`.
    pub at: String,
    pub merchant: MerchantJson<'a>,
    pub lines: Vec<LineJson<'a>>,
    /// Per rate, highest first.
    pub vat: Vec<VatJson>,
    pub net: MoneyJson,
    pub vat_total: MoneyJson,
    pub total: MoneyJson,
    pub tender: TenderJson<'a>,
    pub copy_number: Option<u32>,
    pub training: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MerchantJson<'a> {
    pub legal_name: &'a str,
    pub country: Country,
    /// As the country writes it (`NO 923609016 MVA`).
    pub org_number: String,
    /// The EU-style VAT number (`NO923609016MVA`).
    pub vat_number: String,
    pub address_lines: &'a [String],
    pub postcode_city: String,
}

impl<'a> MerchantJson<'a> {
    pub fn of(m: &'a MerchantProfile) -> MerchantJson<'a> {
        MerchantJson {
            legal_name: &m.legal_name,
            country: m.country,
            org_number: m.org_number.display(),
            vat_number: m.org_number.vat_number(),
            address_lines: &m.address_lines,
            postcode_city: m.postcode_city(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LineJson<'a> {
    pub text: &'a str,
    pub quantity: u32,
    /// The price of one, VAT included, as sold (positive also on a return).
    pub unit_price: MoneyJson,
    /// `quantity × unit_price`, negative on a return.
    pub amount: MoneyJson,
    pub rate_bp: u32,
    /// `25 %`, `25,5 %` (with a no-break space).
    pub rate: String,
    pub saft_code: SaftCode,
}

#[derive(Debug, Clone, Serialize)]
pub struct VatJson {
    pub rate_bp: u32,
    pub rate: String,
    /// The SAF-T standard tax code, a string (`"3"`, `"31"`).
    pub saft_code: SaftCode,
    pub net: MoneyJson,
    pub vat: MoneyJson,
    pub gross: MoneyJson,
}

/// The tender in JSON, tagged by `type`: `pay_by_bank`, `cash` or `card`.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TenderJson<'a> {
    PayByBank {
        payment_id: &'a str,
        bank_reference: &'a str,
    },
    Cash {
        given: MoneyJson,
        change: MoneyJson,
    },
    Card {
        terminal_reference: Option<&'a str>,
    },
}

#[cfg(test)]
#[path = "receipt_tests.rs"]
mod tests;
