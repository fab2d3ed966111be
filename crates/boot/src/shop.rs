//! Selling glue (issue 11): the cart as the window and `kassa charge` build it (lines at
//! the shop's VAT rates, checked and added up by `kassa-shop`'s one rounding rule, within the
//! per-sale limit), and a sale's receipt put together from the journal (lines, receipt
//! number, tender) and the shop settings (merchant profile), as a [`kassa_shop::Receipt`] to
//! lay out, print or write as JSON.
//!
//! A plain amount is one line at the shop's default VAT rate whose text is that rate's name
//! ([`CartInput::amount`]). A sale without VAT information in the journal (a plain amount
//! written before lines existed) is shown at the default rate under the text "Sale".
//!
//! Receipts of training (sandbox) sales use the shop's profile when it has one, else a
//! training profile ("Kassa training shop", in the words the shop's defaults were named
//! with: `ShopSettings::fill_defaults`); a live receipt needs the merchant's profile.

use std::path::Path;

use chrono::{Local, Offset, TimeZone};
use kassa_journal::{Backend, Journal, JournalError, ReceiptKind, Tender as PaidBy};
use kassa_money::Money;
use kassa_shop::{
    Breakdown, Country, Day, Line, LineError, LocalDateTime, MerchantProfile, ProfileDraft,
    ReceiptDraft, ReceiptError, Tender, VatRate,
};
use kassa_till::OwnedLine;
use serde::{Deserialize, Serialize};

pub use kassa_shop::vat::parse_percent;
pub use kassa_shop::{Receipt, ReceiptJson};

pub use kassa_config::shop::{
    DEFAULT_PRINTER_PORT, DEFAULT_WIDTH, ItemLabel, ShopProblem, WIDTHS, country_of_currency,
    load_logo,
};
pub use kassa_config::{
    DefaultNames, PrinterAddress, QuickItem, QuickItemForm, Shop, ShopErrors, ShopFieldError,
    ShopForm, ShopFormError, ShopSettings, TrainingNames, VatRateForm,
};

/// One line of a cart as the window sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartLineInput {
    /// What was sold; none or empty: the VAT rate's name.
    #[serde(default)]
    pub text: Option<String>,
    /// The price of one, VAT included, in minor units of the counter's currency.
    pub unit_minor: i64,
    /// How many (default 1).
    #[serde(default = "one")]
    pub quantity: u32,
    /// The VAT rate's name in the shop's table; empty: the default rate.
    #[serde(default)]
    pub rate: String,
}

fn one() -> u32 {
    1
}

/// A cart: the lines of a sale to be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CartInput {
    pub lines: Vec<CartLineInput>,
}

impl CartInput {
    /// A plain amount from the keypad: one line at the default VAT rate.
    pub fn amount(unit_minor: i64) -> CartInput {
        CartInput {
            lines: vec![CartLineInput {
                text: None,
                unit_minor,
                quantity: 1,
                rate: String::new(),
            }],
        }
    }
}

/// A cart line as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CartLineView {
    pub text: String,
    pub quantity: u32,
    pub unit: Money,
    pub unit_display: String,
    /// quantity × unit.
    pub amount: Money,
    pub amount_display: String,
    /// The VAT rate's name, as in the table ("Food").
    pub rate: String,
    /// "Food 15 %".
    pub rate_label: String,
    pub rate_bp: u32,
    pub saft_code: u8,
}

/// One VAT group of the cart: net, VAT and gross at one rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CartVatView {
    pub rate_bp: u32,
    /// "15 %".
    pub percent: String,
    pub saft_code: u8,
    pub net: Money,
    pub net_display: String,
    pub vat: Money,
    pub vat_display: String,
    pub gross: Money,
    pub gross_display: String,
}

/// The checked cart: its lines, VAT per rate, total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub vat: Vec<CartVatView>,
    pub total: Money,
    pub total_display: String,
}

impl CartView {
    /// The lines as the engine writes them.
    pub fn till_lines(&self) -> Vec<OwnedLine> {
        self.lines
            .iter()
            .map(|l| OwnedLine {
                text: l.text.clone(),
                quantity: l.quantity,
                unit_gross: l.unit,
                vat_bp: l.rate_bp,
                saft_code: l.saft_code,
            })
            .collect()
    }
}

/// Why a cart cannot be sold. Lines are counted from 1, as the cart shows them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CartError {
    #[error("the cart is empty: enter an amount or choose an item")]
    Empty,
    #[error(
        "line {line}: there is no VAT rate named \"{rate}\" in the shop's VAT table (Settings → Shop)"
    )]
    UnknownRate { line: usize, rate: String },
    #[error("{0}")]
    Line(#[from] LineError),
    #[error("the sale's total {total} is over the limit of {limit} for one sale")]
    OverLimit { total: String, limit: String },
}

/// Checks `input` against the shop's VAT table and adds it up (one rounding rule,
/// `kassa_shop::Breakdown`), within the per-sale limit.
pub fn cart(shop: &Shop, input: &CartInput) -> Result<CartView, CartError> {
    if input.lines.is_empty() {
        return Err(CartError::Empty);
    }
    let mut rates: Vec<&VatRate> = Vec::with_capacity(input.lines.len());
    let mut lines: Vec<Line> = Vec::with_capacity(input.lines.len());
    for (i, l) in input.lines.iter().enumerate() {
        let rate = match l.rate.trim() {
            "" => shop.vat.default_rate(),
            name => shop.vat.get(name).ok_or_else(|| CartError::UnknownRate {
                line: i + 1,
                rate: name.to_owned(),
            })?,
        };
        let text = l
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(&rate.name);
        lines.push(Line {
            text: text.to_owned(),
            unit_gross: Money::new(l.unit_minor, shop.currency),
            quantity: l.quantity,
            vat: rate.class(),
        });
        rates.push(rate);
    }
    let sum = Breakdown::of(&lines)?;
    let limit = shop.currency.max_sale_minor();
    if sum.total.minor > limit {
        return Err(CartError::OverLimit {
            total: sum.total.display(),
            limit: Money::new(limit, shop.currency).display(),
        });
    }
    let views = lines
        .iter()
        .zip(rates)
        .map(|(l, r)| {
            // Breakdown::of checked every line's amount.
            let amount = l.gross().unwrap_or(l.unit_gross);
            CartLineView {
                text: l.text.clone(),
                quantity: l.quantity,
                unit: l.unit_gross,
                unit_display: l.unit_gross.display(),
                amount,
                amount_display: amount.display(),
                rate: r.name.clone(),
                rate_label: r.label(),
                rate_bp: r.bp,
                saft_code: r.code.code(),
            }
        })
        .collect();
    Ok(CartView {
        lines: views,
        vat: sum
            .groups
            .iter()
            .map(|g| CartVatView {
                rate_bp: g.vat.bp,
                percent: g.vat.percent(),
                saft_code: g.vat.code.code(),
                net: g.net,
                net_display: g.net.display(),
                vat: g.vat_amount,
                vat_display: g.vat_amount.display(),
                gross: g.gross,
                gross_display: g.gross.display(),
            })
            .collect(),
        total: sum.total,
        total_display: sum.total.display(),
    })
}

/// How the shop's clock on the wall reads a moment: the offset from UTC in force then.
pub trait WallClock {
    fn utc_offset_minutes(&self, unix_ms: i64) -> i16;

    /// The local calendar day of `unix_ms`.
    fn day(&self, unix_ms: i64) -> Day {
        LocalDateTime::from_unix_ms(unix_ms, self.utc_offset_minutes(unix_ms))
            .map(|t| t.date())
            .unwrap_or(kassa_shop::vat::KNOWN_FROM)
    }
}

/// This computer's time zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalZone;

impl WallClock for LocalZone {
    fn utc_offset_minutes(&self, unix_ms: i64) -> i16 {
        Local
            .timestamp_millis_opt(unix_ms)
            .single()
            .map(|t| t.offset().fix().local_minus_utc() / 60)
            .and_then(|m| i16::try_from(m).ok())
            .unwrap_or(0)
    }
}

/// A fixed offset from UTC, in minutes east (tests; 60 is CET).
#[derive(Debug, Clone, Copy)]
pub struct FixedZone(pub i16);

impl WallClock for FixedZone {
    fn utc_offset_minutes(&self, _unix_ms: i64) -> i16 {
        self.0
    }
}

/// Why a receipt could not be put together.
#[derive(Debug, thiserror::Error)]
pub enum ReceiptAssemblyError {
    #[error(
        "set up the shop (Settings → Shop, or `kassa setup --legal-name … --org-number …`) before printing a receipt: it needs the merchant's legal name, organisation number and address"
    )]
    NoProfile,
    #[error("sale {0} has no receipt: it is not paid")]
    NoReceipt(String),
    #[error("there is no receipt number {number} in the {series} series")]
    NoSuchNumber { number: i64, series: &'static str },
    #[error("the receipt cannot be made: {0}")]
    Receipt(#[from] ReceiptError),
    #[error("{0}")]
    Vat(#[from] kassa_shop::VatError),
    #[error(transparent)]
    Journal(#[from] JournalError),
}

/// The profile a training receipt carries when the shop has none: the country's
/// well-formed sample numbers, in the words of `names` (marked as training everywhere).
pub fn training_profile(country: Country, names: &TrainingNames) -> MerchantProfile {
    let (org, postcode) = match country {
        Country::Dk => ("10150817", "2100"),
        Country::No => ("923609016", "0155"),
        Country::Se => ("556036-0793", "111 22"),
        Country::Fi => ("0112038-9", "00100"),
    };
    let draft = |n: &TrainingNames| ProfileDraft {
        legal_name: n.legal_name.clone(),
        org_number: org.into(),
        vat_registered: false,
        address_lines: vec![n.street.clone()],
        postcode: postcode.into(),
        city: n.city.clone(),
        country: country.code().into(),
        till_name: n.till_name.clone(),
        receipt_footer: n.footer.clone(),
    };
    // Words the profile cannot take (a settings file edited by hand) give the English ones.
    let english = draft(&TrainingNames::english());
    let draft = draft(names);
    match kassa_shop::validate_profile(&draft).or_else(|_| kassa_shop::validate_profile(&english)) {
        Ok(p) => p,
        // Every sample above is valid in English (a test checks all four); never reached.
        Err(_) => MerchantProfile {
            legal_name: english.legal_name,
            org_number: kassa_shop::OrgNumber {
                country,
                digits: org.chars().filter(char::is_ascii_digit).collect(),
                vat_registered: false,
            },
            address_lines: english.address_lines,
            postcode: postcode.replace(' ', ""),
            city: english.city,
            country,
            till_name: english.till_name,
            footer_lines: vec![],
        },
    }
}

/// The merchant a receipt or report of the training (sandbox) or live series carries: the
/// shop's profile; a training one gets the training profile when none is set up; a live
/// one without a profile is refused ([`ReceiptAssemblyError::NoProfile`]).
pub fn merchant_for(
    shop: &Shop,
    training: bool,
    currency: kassa_money::Currency,
) -> Result<MerchantProfile, ReceiptAssemblyError> {
    match (&shop.profile, training) {
        (Some(p), _) => Ok(p.clone()),
        (None, true) => Ok(training_profile(
            country_of_currency(currency),
            &shop.training,
        )),
        (None, false) => Err(ReceiptAssemblyError::NoProfile),
    }
}

/// The receipt of sale `sale_id` (its sale receipt) as the customer gets it.
pub fn receipt_of(
    journal: &Journal,
    shop: &Shop,
    sale_id: &str,
    zone: &dyn WallClock,
) -> Result<Receipt, ReceiptAssemblyError> {
    let r = journal
        .receipt_of_sale(sale_id)?
        .ok_or_else(|| ReceiptAssemblyError::NoReceipt(sale_id.to_owned()))?;
    assemble(journal, shop, &r, zone)
}

/// The receipt numbered `number` in the series of `series` of this journal's till.
pub fn receipt_by_number(
    journal: &Journal,
    shop: &Shop,
    series: Backend,
    number: i64,
    zone: &dyn WallClock,
) -> Result<Receipt, ReceiptAssemblyError> {
    let till = journal.till_id()?;
    let r = journal.receipt_by_number(&till, series, number)?.ok_or(
        ReceiptAssemblyError::NoSuchNumber {
            number,
            series: if series.is_training() {
                "training"
            } else {
                "live"
            },
        },
    )?;
    assemble(journal, shop, &r, zone)
}

/// Receipt `number` of `series` as its next print issues it: the original when it was never
/// printed, else COPY n (n = the prints so far; `Some(n)` beside it). Showing a receipt on
/// screen is not a print. The caller sends it, then records the print
/// ([`Journal::record_print`]) once it went out, so a print that fails takes no copy number.
pub fn next_print(
    journal: &Journal,
    shop: &Shop,
    series: Backend,
    number: i64,
    zone: &dyn WallClock,
) -> Result<(Receipt, Option<u32>), ReceiptAssemblyError> {
    let receipt = receipt_by_number(journal, shop, series, number, zone)?;
    let done = journal.prints_of(&journal.till_id()?, series, number)?;
    Ok(if done == 0 {
        (receipt, None)
    } else {
        (receipt.reprint(done)?, Some(done))
    })
}

/// [`receipt_of`] on the journal file at `db` (opened read-only: works beside a counter).
pub fn receipt_of_file(
    db: &Path,
    shop: &Shop,
    sale_id: &str,
    zone: &dyn WallClock,
) -> Result<Receipt, ReceiptAssemblyError> {
    let journal = Journal::open_read_only(db)?;
    receipt_of(&journal, shop, sale_id, zone)
}

fn assemble(
    journal: &Journal,
    shop: &Shop,
    r: &kassa_journal::Receipt,
    zone: &dyn WallClock,
) -> Result<Receipt, ReceiptAssemblyError> {
    let merchant = merchant_for(shop, r.training, r.total.currency)?;
    let default = shop.vat.default_rate().class();
    let is_return = r.kind == ReceiptKind::Return;
    // A return's lines are the lines given back, as sold; a sale's are its own.
    let lines: Vec<Line> = if is_return {
        journal.return_lines(&r.till, r.series(), r.number)?
    } else {
        journal.lines_of_sale(&r.sale_id)?
    }
    .into_iter()
    .map(|l| shop_line(l, default))
    .collect();
    // What went over the counter: for a return, the amount given back (positive).
    let amount = Money::new(r.total.minor.abs(), r.total.currency);
    let tender = match r.tender {
        PaidBy::Bank => {
            let payment_id = r.tender_detail.clone().unwrap_or_default();
            // The reference the bank was sent with the payment that paid the sale.
            let bank_reference = journal
                .attempts(&r.sale_id)?
                .into_iter()
                .find(|a| a.payment_id.as_deref() == Some(payment_id.as_str()))
                .map(|a| a.reference)
                .or_else(|| journal.sale(&r.sale_id).ok().flatten()?.reference)
                .unwrap_or_default();
            Tender::PayByBank {
                payment_id,
                bank_reference,
            }
        }
        // Cash given back on a return is the amount returned, with no change.
        PaidBy::Cash if is_return => Tender::cash(amount, amount)?,
        PaidBy::Cash => Tender::cash(r.cash_given.unwrap_or(amount), amount)?,
        PaidBy::Card => Tender::Card {
            terminal_reference: r
                .card_reference
                .clone()
                .or_else(|| (!is_return).then(|| r.tender_detail.clone()).flatten()),
        },
    };
    let kind = if is_return {
        kassa_shop::ReceiptKind::Return {
            of_number: r
                .return_of
                .and_then(|n| u64::try_from(n).ok())
                .ok_or(ReceiptError::NoNumber)?,
            reason: r.reason.clone().unwrap_or_default(),
        }
    } else {
        kassa_shop::ReceiptKind::Sale
    };
    let number = u64::try_from(r.number).map_err(|_| ReceiptError::NoNumber)?;
    let receipt = Receipt::new(ReceiptDraft {
        kind,
        number,
        till_name: merchant.till_name.clone(),
        at: LocalDateTime::from_unix_ms(r.created_at_ms, zone.utc_offset_minutes(r.created_at_ms))?,
        merchant,
        lines,
        tender,
        copy_number: None,
        training: r.training,
    })?;
    Ok(receipt)
}

/// A journal line as a receipt line: its recorded VAT, or the default rate for a sale
/// written as one plain amount (no VAT recorded), named "Sale" when it has no text.
fn shop_line(l: kassa_journal::SaleLine, default: kassa_shop::VatClass) -> Line {
    let vat = match l.vat {
        Some(v) => kassa_shop::SaftCode::new(v.saft_code)
            .ok()
            .and_then(|code| kassa_shop::VatClass::new(v.bp, code).ok())
            .unwrap_or(default),
        None => default,
    };
    let text = match l.text.trim() {
        "" => "Sale".to_owned(),
        t => t.to_owned(),
    };
    Line {
        text,
        unit_gross: l.unit_gross,
        quantity: l.quantity,
        vat,
    }
}

#[cfg(test)]
mod tests;
