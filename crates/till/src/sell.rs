//! Sales with lines (issue 11): pay by bank with lines ([`Till::charge_lines`]), and sales
//! the cashier was paid for by hand, in cash or by card on an external terminal
//! ([`Till::sell_by_hand`]), written paid with their receipt in one journal transaction.
//!
//! The engine checks what keeps a sale whole (at least one line, amounts that add up
//! within the per-sale limit, one currency, cash given not short of the total); which rate
//! a line is sold at, and its text, are the shop's (`kassa-shop`, `kassa-boot`).

use kassa_aiia::wire::validate_reference_for;
use kassa_journal::{NewLine, NewSale, Paid, Receipt};
use kassa_money::{Currency, Money};
use serde::{Deserialize, Serialize};

use crate::{CrashPoint, Gateway, Till, TillError, TillEvent, driver};

/// One line of a sale, owned: `quantity` × `unit_gross` (VAT included) at `vat_bp` basis
/// points under SAF-T code `saft_code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnedLine {
    pub text: String,
    pub quantity: u32,
    pub unit_gross: Money,
    pub vat_bp: u32,
    pub saft_code: u8,
}

impl OwnedLine {
    fn as_new(&self) -> NewLine<'_> {
        NewLine {
            text: &self.text,
            quantity: self.quantity,
            unit_gross: self.unit_gross,
            vat_bp: self.vat_bp,
            saft_code: self.saft_code,
        }
    }
}

/// How a sale sold by hand was paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandTender {
    /// Cash: what the customer handed over (at least the total; the change is the rest).
    Cash { given: Money },
    /// A card on an external terminal, with its reference if the cashier typed one.
    Card { reference: Option<String> },
}

/// Why a sale was refused before anything was written; each a sentence for the cashier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaleRefused {
    #[error("a sale needs at least one line")]
    NoLines,
    #[error("the sale is in {expected} but {found} was given: one sale has one currency")]
    MixedCurrency { expected: Currency, found: Currency },
    #[error("the sale's total {total} is over the limit of {limit} for one sale")]
    OverLimit { total: String, limit: String },
    #[error("the sale's total must be more than zero")]
    NothingToPay,
    #[error("the cash given ({given}) is less than the total ({total}): take at least the total")]
    CashShort { given: String, total: String },
    #[error("the card terminal's reference has at most 40 characters and no tabs or line breaks")]
    BadCardReference,
    /// The caller's check of the lines (the shop's cart: a VAT rate, a line without amount).
    #[error("{0}")]
    Lines(LinesRefused),
}

/// The caller's own reason for refusing a sale's lines, kept typed so that a host can say
/// it in the language spoken (`downcast_ref` to the caller's error type); its `Display` is
/// the reason's own.
#[derive(Debug, Clone)]
pub struct LinesRefused(std::sync::Arc<dyn std::error::Error + Send + Sync>);

impl LinesRefused {
    pub fn new(why: impl std::error::Error + Send + Sync + 'static) -> Self {
        LinesRefused(std::sync::Arc::new(why))
    }

    /// The reason as the caller's type, when it is one.
    pub fn downcast_ref<E: std::error::Error + 'static>(&self) -> Option<&E> {
        self.0.downcast_ref::<E>()
    }
}

impl std::fmt::Display for LinesRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Two refusals are the same when they say the same.
impl PartialEq for LinesRefused {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for LinesRefused {}

/// The total of `lines`: at least one line, one currency, more than zero and within the
/// per-sale limit ([`Currency::max_sale_minor`]).
pub fn total_of(lines: &[OwnedLine]) -> Result<Money, TillError> {
    let first = lines
        .first()
        .ok_or(TillError::Refused(SaleRefused::NoLines))?;
    let currency: Currency = first.unit_gross.currency;
    let mut sum: i128 = 0;
    for l in lines {
        if l.unit_gross.currency != currency {
            return Err(SaleRefused::MixedCurrency {
                expected: currency,
                found: l.unit_gross.currency,
            }
            .into());
        }
        sum += i128::from(l.unit_gross.minor) * i128::from(l.quantity);
    }
    let limit = currency.max_sale_minor();
    if sum > i128::from(limit) {
        return Err(SaleRefused::OverLimit {
            total: i64::try_from(sum)
                .map(|m| Money::new(m, currency).display())
                .unwrap_or_else(|_| "more".into()),
            limit: Money::new(limit, currency).display(),
        }
        .into());
    }
    if sum <= 0 {
        return Err(SaleRefused::NothingToPay.into());
    }
    // sum is within 0..=limit here.
    Ok(Money::new(i64::try_from(sum).unwrap_or(limit), currency))
}

impl<G: Gateway> Till<G> {
    /// Opens a pay-by-bank sale of `lines` (their total is the amount) and starts taking the
    /// payment, as [`Till::charge`] does for a plain amount; the sale's id. The lines are
    /// written with the sale in one transaction.
    pub fn charge_lines(
        &self,
        lines: Vec<OwnedLine>,
        reference: Option<&str>,
    ) -> Result<String, TillError> {
        let amount = total_of(&lines)?;
        self.open_bank_sale(amount, &lines, reference)
    }

    /// The one way a pay-by-bank sale opens: with lines or (none) as a plain amount.
    pub(crate) fn open_bank_sale(
        &self,
        amount: Money,
        lines: &[OwnedLine],
        reference: Option<&str>,
    ) -> Result<String, TillError> {
        let reference = reference.map(str::trim).filter(|r| !r.is_empty());
        if let Some(r) = reference {
            validate_reference_for(amount.currency, r)?;
        }
        let inner = &self.inner;
        let mut journal = inner.journal();
        // A sale left open on the other backend is not this counter's: it is never driven
        // here (see `resume`), so it cannot block this one.
        if let Some(open) = journal
            .open_sales()?
            .into_iter()
            .find(|s| s.backend == inner.config.backend)
        {
            return Err(TillError::SaleInProgress { sale_id: open.id });
        }
        let sale_id = inner.ids.new_sale_id();
        let now = inner.clock.now_ms();
        let new_lines: Vec<NewLine<'_>> = lines.iter().map(OwnedLine::as_new).collect();
        journal.insert_sale_with_lines(
            &NewSale {
                id: &sale_id,
                amount,
                reference,
                at_ms: now,
                backend: inner.config.backend,
            },
            &new_lines,
        )?;
        let sale = journal
            .sale(&sale_id)?
            .ok_or_else(|| TillError::NotFound(sale_id.clone()))?;
        drop(journal);
        inner.config.crash.reached(CrashPoint::SaleOpened);
        tracing::info!(sale = %sale_id, amount = %amount, lines = lines.len(), "sale opened");
        inner.emit(TillEvent::SaleStarted {
            sale_id: sale_id.clone(),
            amount,
            amount_display: amount.display(),
            reference: sale.reference.clone(),
        });
        driver::spawn_new(std::sync::Arc::clone(inner), &sale);
        Ok(sale_id)
    }

    /// Records a sale the cashier was paid for by hand (cash, or a card on an external
    /// terminal): the sale, its lines and its numbered receipt in one journal transaction,
    /// the sale paid at once. Refused, with nothing written, while a pay-by-bank sale of
    /// this counter is open, for cash given short of the total, and for lines that do not
    /// make a sale ([`total_of`]). `reference` is kept with the sale (letters and digits, as
    /// for pay by bank). The receipt (journal) is returned; no event is sent (nothing is
    /// followed).
    pub fn sell_by_hand(
        &self,
        lines: Vec<OwnedLine>,
        tender: HandTender,
        reference: Option<&str>,
    ) -> Result<Receipt, TillError> {
        let total = total_of(&lines)?;
        let reference = reference.map(str::trim).filter(|r| !r.is_empty());
        if let Some(r) = reference {
            validate_reference_for(total.currency, r)?;
        }
        let (paid, detail) = match tender {
            HandTender::Cash { given } => {
                if given.currency != total.currency {
                    return Err(SaleRefused::MixedCurrency {
                        expected: total.currency,
                        found: given.currency,
                    }
                    .into());
                }
                if given.minor < total.minor {
                    return Err(SaleRefused::CashShort {
                        given: given.display(),
                        total: total.display(),
                    }
                    .into());
                }
                let change = Money::new(given.minor - total.minor, total.currency);
                (
                    Paid::Cash { given },
                    format!(
                        "paid in cash: {} given, {} change",
                        given.display(),
                        change.display()
                    ),
                )
            }
            HandTender::Card { reference: card } => {
                let card = card.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
                if let Some(c) = &card
                    && (c.chars().count() > MAX_CARD_REFERENCE_CHARS
                        || c.chars().any(char::is_control))
                {
                    return Err(SaleRefused::BadCardReference.into());
                }
                let detail = match &card {
                    Some(c) => format!("paid by card on the terminal, reference {c}"),
                    None => "paid by card on the terminal".to_owned(),
                };
                (Paid::Card { reference: card }, detail)
            }
        };
        let inner = &self.inner;
        let mut journal = inner.journal();
        if let Some(open) = journal
            .open_sales()?
            .into_iter()
            .find(|s| s.backend == inner.config.backend)
        {
            return Err(TillError::SaleInProgress { sale_id: open.id });
        }
        let sale_id = inner.ids.new_sale_id();
        let now = inner.clock.now_ms();
        let new_lines: Vec<NewLine<'_>> = lines.iter().map(OwnedLine::as_new).collect();
        let receipt = journal.insert_paid_sale(
            &NewSale {
                id: &sale_id,
                amount: total,
                reference,
                at_ms: now,
                backend: inner.config.backend,
            },
            &new_lines,
            &paid,
            &detail,
        )?;
        drop(journal);
        tracing::info!(sale = %sale_id, total = %total, tender = receipt.tender.as_str(), number = receipt.number, "sale paid by hand");
        Ok(receipt)
    }
}

/// The longest card terminal reference Kassa keeps.
pub const MAX_CARD_REFERENCE_CHARS: usize = 40;
