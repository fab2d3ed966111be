//! The till's X and Z reports as they print and as JSON: [`ReportView`], pure data.
//!
//! An **X** report is the till's running figures at any moment (nothing is closed); a **Z**
//! report closes the period since the last Z, carries its sequential Z number and never
//! changes afterwards (the journal keeps it). Both show the same figures; this module only
//! says how they look. It knows no journal: the caller (kassa-boot) fills a [`ReportView`]
//! from the journal's period totals.
//!
//! # Signs and sums
//!
//! Sales amounts are positive, **returns negative** (money going back, as on the return
//! receipts), so the figures add up without a minus anywhere:
//!
//! * `sales.amount + returns.amount` is the net of the period, and it is the sum of
//!   `by_tender` (each tender net of its returns) and of the `vat` rows' gross;
//! * `grand_total.net = grand_total.sales + grand_total.returns`, since the till started,
//!   never reset by a Z;
//! * `training` (the sandbox series in the period) is in none of the other figures.
//!
//! [`ReportView::check`] tells whether a view keeps these rules (and one currency); a caller
//! checks a view it built before showing it.
//!
//! # JSON
//!
//! [`ReportView::to_json`], snake_case, what `kassa report x|z --json` prints: `kind` (`"x"` /
//! `"z"`), `z_number` (Z only), `till`, `merchant` (as on a receipt), `period` (`from`, `to`:
//! ISO 8601 with offset; `from` is `null` for the till's first period), `first_receipt`,
//! `last_receipt` (`null` when the period has none), `by_tender` (`pay_by_bank`, `cash`,
//! `card`: each `count` and `amount`), `vat` (per rate: `rate_bp`, `rate`, `saft_code`, `net`,
//! `vat`, `gross`; the rate and code `null` for sales recorded without VAT), `sales`,
//! `returns` (`count`, `amount`), `cancelled`, `copies`, `receipts`, `training` (`count`,
//! `amount`), `grand_total` (`sales`, `returns`, `net`). Money is
//! `{"minor": 12990, "currency": "NOK", "text": "kr 129,90"}` ([`MoneyJson`]).

use kassa_money::{Currency, Money};
use kassa_print::{Align, Block, Doc};
use serde::Serialize;

use crate::profile::MerchantProfile;
use crate::receipt::{LocalDateTime, MerchantJson, MoneyJson, Words, figure_in, vat_rows};
use crate::vat::{SaftCode, percent};

/// An X report (running figures) or a Z report (a closed period) with its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    X,
    Z { number: u64 },
}

/// A number of receipts (or sales) and their amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountAmount {
    pub count: u64,
    pub amount: Money,
}

impl CountAmount {
    /// None, in `currency`.
    pub fn zero(currency: Currency) -> CountAmount {
        CountAmount {
            count: 0,
            amount: Money::new(0, currency),
        }
    }
}

/// The period's money per tender, each net of its returns (a cash refund lowers `cash`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByTender {
    pub bank: CountAmount,
    pub cash: CountAmount,
    pub card: CountAmount,
}

/// One VAT rate's figures in the period, net of returns. `rate_bp` and `saft_code` are
/// `None` for sales recorded without lines (before VAT was kept): "No VAT recorded".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VatFigures {
    /// The rate in basis points (2500 = 25 %).
    pub rate_bp: Option<u32>,
    pub saft_code: Option<SaftCode>,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
}

/// Since the till started, never reset: sales (positive), returns (negative), their sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrandTotals {
    pub sales: Money,
    pub returns: Money,
    pub net: Money,
}

/// What an X or Z report shows. Plain data; see the module documentation for the signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportView {
    pub kind: ReportKind,
    pub till_name: String,
    pub merchant: MerchantProfile,
    /// The period's start (the last Z's close); `None` for the till's first period.
    pub from: Option<LocalDateTime>,
    /// Its end: now for an X, the close for a Z.
    pub to: LocalDateTime,
    /// The first and last receipt number of the period (sales and returns); `None` if none.
    pub first_receipt: Option<u64>,
    pub last_receipt: Option<u64>,
    pub by_tender: ByTender,
    /// Highest rate first, the "no VAT recorded" row last (as the caller orders them).
    pub vat: Vec<VatFigures>,
    /// Sales: receipts of kind sale and their total (positive).
    pub sales: CountAmount,
    /// Returns: return receipts and their total (negative).
    pub returns: CountAmount,
    /// Sales cancelled before they were paid.
    pub cancelled: u64,
    /// Copy receipts printed (reprints).
    pub copies: u64,
    /// Receipts written (sales and returns).
    pub receipts: u64,
    /// Training sales in the period, in none of the other figures.
    pub training: CountAmount,
    pub grand_total: GrandTotals,
    /// Bank transfers opened in the period (money of pay-by-bank sales going back: returns
    /// and extra payments), and those marked sent; positive amounts, apart from `returns`.
    pub transfers_opened: CountAmount,
    pub transfers_sent: CountAmount,
    /// The report is of the training series itself (a till on the sandbox): every figure
    /// is training money, and the paper says so at the top.
    pub training_series: bool,
}

/// Why a report's figures do not hold together (a mapping mistake in the caller).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("the report mixes currencies: {what} is in {found}, the sales in {expected}")]
    Currency {
        what: &'static str,
        expected: Currency,
        found: Currency,
    },
    #[error("the {what} do not add up: {found}, but sales and returns make {expected}")]
    DoesNotAddUp {
        what: &'static str,
        expected: String,
        found: String,
    },
    #[error("{what} must be {sign} (it is {found})")]
    Sign {
        what: &'static str,
        sign: &'static str,
        found: String,
    },
    #[error("Z numbers start at 1")]
    NoZNumber,
    #[error("an amount is too large to add up")]
    Overflow,
}

impl ReportView {
    /// The currency of the report (that of its sales).
    pub fn currency(&self) -> Currency {
        self.sales.amount.currency
    }

    /// The period's net: sales plus (negative) returns.
    pub fn net(&self) -> Result<Money, ReportError> {
        self.sales
            .amount
            .checked_add(self.returns.amount)
            .ok_or(ReportError::Overflow)
    }

    /// Whether the figures hold together: one currency; sales ≥ 0 and returns ≤ 0 (also
    /// the grand totals); the tenders and the VAT rows' gross each add up to the net;
    /// `grand_total.net = sales + returns`; a Z number from 1.
    pub fn check(&self) -> Result<(), ReportError> {
        let currency = self.currency();
        let mut monies: Vec<(&'static str, Money)> = vec![
            ("returns", self.returns.amount),
            ("bank", self.by_tender.bank.amount),
            ("cash", self.by_tender.cash.amount),
            ("card", self.by_tender.card.amount),
            ("training", self.training.amount),
            ("grand total sales", self.grand_total.sales),
            ("grand total returns", self.grand_total.returns),
            ("grand total net", self.grand_total.net),
        ];
        for v in &self.vat {
            monies.extend([("VAT net", v.net), ("VAT", v.vat), ("VAT gross", v.gross)]);
        }
        for (what, m) in monies {
            if m.currency != currency {
                return Err(ReportError::Currency {
                    what,
                    expected: currency,
                    found: m.currency,
                });
            }
        }
        if let ReportKind::Z { number: 0 } = self.kind {
            return Err(ReportError::NoZNumber);
        }
        let signs = [
            ("sales", self.sales.amount, true),
            ("returns", self.returns.amount, false),
            ("grand total sales", self.grand_total.sales, true),
            ("grand total returns", self.grand_total.returns, false),
        ];
        for (what, m, positive) in signs {
            if (positive && m.minor < 0) || (!positive && m.minor > 0) {
                return Err(ReportError::Sign {
                    what,
                    sign: if positive {
                        "zero or more"
                    } else {
                        "zero or less (money going back)"
                    },
                    found: m.display(),
                });
            }
        }
        let net = self.net()?;
        let sum = |what: &'static str, items: &mut dyn Iterator<Item = Money>| {
            let mut total = Money::new(0, currency);
            for m in items {
                total = total.checked_add(m).ok_or(ReportError::Overflow)?;
            }
            if total != net {
                return Err(ReportError::DoesNotAddUp {
                    what,
                    expected: net.display(),
                    found: total.display(),
                });
            }
            Ok(())
        };
        let t = &self.by_tender;
        sum(
            "tenders",
            &mut [t.bank.amount, t.cash.amount, t.card.amount].into_iter(),
        )?;
        sum("VAT rows' gross", &mut self.vat.iter().map(|v| v.gross))?;
        for v in &self.vat {
            if v.net.checked_add(v.vat) != Some(v.gross) {
                return Err(ReportError::DoesNotAddUp {
                    what: "VAT row's net and VAT",
                    expected: v.gross.display(),
                    found: format!("{} + {}", v.net.display(), v.vat.display()),
                });
            }
        }
        let g = &self.grand_total;
        if g.sales.checked_add(g.returns) != Some(g.net) {
            return Err(ReportError::DoesNotAddUp {
                what: "grand totals",
                expected: format!("{} + {}", g.sales.display(), g.returns.display()),
                found: g.net.display(),
            });
        }
        Ok(())
    }

    /// The printable report, `width` columns wide, with `words` ([`Words::ENGLISH`]).
    ///
    /// In order: legal name (bold, centred), organisation number; `Z REPORT 12` or
    /// `X REPORT` (bold, double) and for an X the note that nothing is closed; till; period
    /// from and to; receipt numbers; sales, returns, net sales; by tender (count and amount
    /// each); VAT by rate (net, VAT, gross); cancelled sales, copy receipts, receipts;
    /// training sales with the note that they are apart; the grand totals since the till started; the cut.
    pub fn to_doc(&self, width: usize, words: &Words) -> Doc {
        let width = width.max(8);
        let mut b: Vec<Block> = Vec::with_capacity(48 + 4 * self.vat.len());
        let center = |t: String| Block::styled(t, Align::Center, false, false);
        b.extend(crate::receipt::merchant_heading(&self.merchant));
        b.push(Block::Feed(1));
        if self.training_series {
            b.push(Block::styled(
                words.training_banner,
                Align::Center,
                true,
                false,
            ));
        }
        let title = match self.kind {
            ReportKind::X => words.x_report.to_string(),
            ReportKind::Z { number } => format!("{} {number}", words.z_report),
        };
        b.push(Block::styled(title, Align::Center, true, true));
        if self.kind == ReportKind::X {
            b.push(center(words.x_note.to_string()));
        }
        b.push(Block::Feed(1));
        b.push(Block::text(format!("{} {}", words.till, self.till_name)));
        let from = self.from.map_or_else(
            || words.since_start.to_string(),
            |f| f.receipt_text_in(words.lang),
        );
        b.push(Block::columns(words.from, from));
        b.push(Block::columns(
            words.to,
            self.to.receipt_text_in(words.lang),
        ));
        let range = match (self.first_receipt, self.last_receipt) {
            (Some(a), Some(z)) if a != z => format!("{a}–{z}"),
            (Some(a), _) | (None, Some(a)) => a.to_string(),
            (None, None) => "–".to_string(),
        };
        b.push(Block::columns(words.receipts, range));
        b.push(Block::Rule);

        let counted = |label: &str, c: &CountAmount| {
            Block::columns(format!("{label} ({})", c.count), words.lang.money(c.amount))
        };
        b.push(counted(words.sales, &self.sales));
        b.push(counted(words.returns, &self.returns));
        let net = self
            .net()
            .map_or_else(|_| "?".to_string(), |n| words.lang.money(n));
        b.push(Block::columns(words.net_sales, net));
        b.push(Block::Rule);

        b.push(Block::styled(words.by_tender, Align::Left, true, false));
        b.push(counted(words.pay_by_bank, &self.by_tender.bank));
        b.push(counted(words.cash, &self.by_tender.cash));
        b.push(counted(words.card, &self.by_tender.card));
        b.push(Block::Rule);

        b.push(Block::styled(words.vat_by_rate, Align::Left, true, false));
        let rows = self
            .vat
            .iter()
            .map(|v| {
                let label = v
                    .rate_bp
                    .map_or_else(|| words.no_vat_recorded.to_string(), percent);
                (
                    label,
                    [
                        figure_in(words.lang, v.net),
                        figure_in(words.lang, v.vat),
                        figure_in(words.lang, v.gross),
                    ],
                )
            })
            .collect();
        vat_rows(&mut b, rows, width, words);
        b.push(Block::Rule);

        let count = |label: &str, n: u64| Block::columns(label, n.to_string());
        b.push(count(words.cancelled, self.cancelled));
        b.push(count(words.copies, self.copies));
        b.push(count(words.receipts, self.receipts));
        b.push(counted(words.transfers_opened, &self.transfers_opened));
        b.push(counted(words.transfers_sent, &self.transfers_sent));
        b.push(Block::Rule);
        b.push(counted(words.training_sales, &self.training));
        b.push(Block::text(words.training_note));
        b.push(Block::Rule);

        b.push(Block::styled(words.grand_totals, Align::Left, true, false));
        let g = &self.grand_total;
        b.push(Block::columns(words.sales, words.lang.money(g.sales)));
        b.push(Block::columns(words.returns, words.lang.money(g.returns)));
        b.push(Block::columns(words.net_sales, words.lang.money(g.net)));
        b.push(Block::Cut);
        Doc { width, blocks: b }
    }

    /// The report as JSON (see the module documentation), pretty-printed.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(&self.json())
    }

    /// The serialisable view (what [`ReportView::to_json`] writes).
    pub fn json(&self) -> ReportJson<'_> {
        let (kind, z_number) = match self.kind {
            ReportKind::X => ("x", None),
            ReportKind::Z { number } => ("z", Some(number)),
        };
        let ca = |c: &CountAmount| CountAmountJson {
            count: c.count,
            amount: MoneyJson::of(c.amount),
        };
        ReportJson {
            kind,
            z_number,
            till: &self.till_name,
            merchant: MerchantJson::of(&self.merchant),
            period: PeriodJson {
                from: self.from.map(|f| f.iso()),
                to: self.to.iso(),
            },
            first_receipt: self.first_receipt,
            last_receipt: self.last_receipt,
            by_tender: ByTenderJson {
                pay_by_bank: ca(&self.by_tender.bank),
                cash: ca(&self.by_tender.cash),
                card: ca(&self.by_tender.card),
            },
            vat: self
                .vat
                .iter()
                .map(|v| ReportVatJson {
                    rate_bp: v.rate_bp,
                    rate: v.rate_bp.map(percent),
                    saft_code: v.saft_code,
                    net: MoneyJson::of(v.net),
                    vat: MoneyJson::of(v.vat),
                    gross: MoneyJson::of(v.gross),
                })
                .collect(),
            sales: ca(&self.sales),
            returns: ca(&self.returns),
            net: self.net().ok().map(MoneyJson::of),
            cancelled: self.cancelled,
            copies: self.copies,
            receipts: self.receipts,
            training: ca(&self.training),
            training_series: self.training_series,
            bank_transfers: BankTransfersJson {
                opened: ca(&self.transfers_opened),
                sent: ca(&self.transfers_sent),
            },
            grand_total: GrandTotalJson {
                sales: MoneyJson::of(self.grand_total.sales),
                returns: MoneyJson::of(self.grand_total.returns),
                net: MoneyJson::of(self.grand_total.net),
            },
        }
    }
}

/// The JSON of a report (snake_case). `z_number` is left out of an X report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportJson<'a> {
    /// `"x"` or `"z"`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub z_number: Option<u64>,
    pub till: &'a str,
    pub merchant: MerchantJson<'a>,
    pub period: PeriodJson,
    pub first_receipt: Option<u64>,
    pub last_receipt: Option<u64>,
    pub by_tender: ByTenderJson,
    pub vat: Vec<ReportVatJson>,
    pub sales: CountAmountJson,
    /// Negative amounts: money going back.
    pub returns: CountAmountJson,
    /// Sales plus returns (`null` only if that overflows).
    pub net: Option<MoneyJson>,
    pub cancelled: u64,
    pub copies: u64,
    pub receipts: u64,
    pub training: CountAmountJson,
    /// True for a report of the training series (a till on the sandbox).
    pub training_series: bool,
    /// Bank transfers opened and sent in the period (positive amounts).
    pub bank_transfers: BankTransfersJson,
    pub grand_total: GrandTotalJson,
}

#[derive(Debug, Clone, Serialize)]
pub struct BankTransfersJson {
    pub opened: CountAmountJson,
    pub sent: CountAmountJson,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodJson {
    /// `null` for the till's first period.
    pub from: Option<String>,
    pub to: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountAmountJson {
    pub count: u64,
    pub amount: MoneyJson,
}

#[derive(Debug, Clone, Serialize)]
pub struct ByTenderJson {
    pub pay_by_bank: CountAmountJson,
    pub cash: CountAmountJson,
    pub card: CountAmountJson,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportVatJson {
    /// `null` (with `rate` and `saft_code`) for sales recorded without VAT.
    pub rate_bp: Option<u32>,
    pub rate: Option<String>,
    pub saft_code: Option<SaftCode>,
    pub net: MoneyJson,
    pub vat: MoneyJson,
    pub gross: MoneyJson,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrandTotalJson {
    pub sales: MoneyJson,
    pub returns: MoneyJson,
    pub net: MoneyJson,
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
