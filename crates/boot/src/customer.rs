//! What the customer's screen shows: a pure fold of what the cashier's screen is told (the
//! till's events, the cart as Rust works it out, a cash or card sale, a receipt, the
//! customer's language button) into one [`CustomerView`]. No Tauri, no clock of its own:
//! the time is passed in. Both the customer window and the pane in the cashier's window
//! show this view and nothing else.
//!
//! The code rule is the cashier's screen's (`ui/sale.js`): a code is shown from its
//! `qr_ready` until it is replaced by a later attempt, taken down (`qr_withdrawn` of its
//! attempt or a later one), the sale ends, or its `show_until_ms` passes; a late event for
//! an older attempt changes nothing. On top of that the customer's screen shows no code
//! while the bank says a customer is approving, so it never shows a code the cashier's
//! screen has taken down (`sale_tests`-style property test below).
//!
//! The sentences are keyed (`texts.rs`) and read from the message catalogue (`customer.ftl`),
//! in the customer's language, which may differ from the cashier's.

mod texts;

use kassa_config::ShopSettings;
use kassa_money::Currency;
use kassa_shop::Country;
use kassa_till::{EndReason, Outcome, Phase, SaleView, Status, StatusNews, TillEvent, Withdrawn};
use serde::Serialize;

pub use kassa_i18n::Lang;
pub use texts::{BUTTONS, Key, UnknownLang, button_name, parse_lang, text};

use crate::shop::CartView;

/// What the customer's screen needs to know of the shop: its name for the idle screen, the
/// language a new customer is greeted in, and whether this is training (the sandbox).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerShop {
    pub name: Option<String>,
    pub lang: Lang,
    pub training: bool,
}

impl CustomerShop {
    /// The shop's legal name and its country's language; without a profile, the language of
    /// the currency's country (EUR and no profile: English).
    pub fn of(shop: &ShopSettings, currency: Currency, training: bool) -> CustomerShop {
        let lang = match shop.profile.as_ref().map(|p| p.country) {
            Some(Country::Dk) => Lang::Da,
            Some(Country::Se) => Lang::Sv,
            Some(Country::No) => Lang::Nb,
            Some(Country::Fi) => Lang::Fi,
            None => match currency {
                Currency::Dkk => Lang::Da,
                Currency::Sek => Lang::Sv,
                Currency::Nok => Lang::Nb,
                Currency::Eur => Lang::En,
            },
        };
        CustomerShop {
            name: shop.profile.as_ref().map(|p| p.legal_name.clone()),
            lang,
            training,
        }
    }
}

/// How a cash or card sale was paid (no code, straight to the result).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByHand {
    Cash,
    Card,
}

/// What the customer's screen is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerPhase {
    /// No sale: the shop's name and a welcome.
    Idle,
    /// The cashier is ringing up the lines.
    Cart,
    /// The first code is being made.
    GettingCode,
    /// The code is gone (its time is up) and the next one is being made.
    NewCode,
    /// A code to scan.
    Scan,
    /// The customer is approving in their bank.
    Approving,
    /// The bank approved; the money is on its way.
    Approved,
    Paid,
    Declined,
    Cancelled,
    /// Ended unpaid for any other reason (the bank failed, nobody approved, no code).
    NotPaid,
}

impl CustomerPhase {
    /// The sentence the screen leads with.
    pub fn key(self) -> Key {
        match self {
            CustomerPhase::Idle => Key::Welcome,
            CustomerPhase::Cart => Key::YourPurchase,
            CustomerPhase::GettingCode => Key::GettingCode,
            CustomerPhase::NewCode => Key::NewCode,
            CustomerPhase::Scan => Key::Scan,
            CustomerPhase::Approving => Key::Approving,
            CustomerPhase::Approved => Key::Approved,
            CustomerPhase::Paid => Key::Paid,
            CustomerPhase::Declined => Key::Declined,
            CustomerPhase::Cancelled => Key::Cancelled,
            CustomerPhase::NotPaid => Key::NotPaid,
        }
    }

    pub fn ended(self) -> bool {
        matches!(
            self,
            CustomerPhase::Paid
                | CustomerPhase::Declined
                | CustomerPhase::Cancelled
                | CustomerPhase::NotPaid
        )
    }
}

/// One line of the sale as the customer reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerLine {
    pub text: String,
    pub quantity: u32,
    pub amount_display: String,
}

/// The code on the customer's screen: the very payload the cashier's screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerQr {
    pub attempt: i64,
    pub payment_id: String,
    pub authorization_url: String,
    pub qr_svg: String,
    /// The screen stops showing it then, as the cashier's does.
    pub show_until_ms: i64,
}

/// A paid sale's receipt, as the cashier's result screen shows it (escaped HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerReceipt {
    pub number: i64,
    pub training: bool,
    pub html: String,
}

/// A language button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LangChoice {
    #[serde(serialize_with = "texts::serialize_lang")]
    pub code: Lang,
    pub name: &'static str,
}

/// The sentences of the view, in its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerTexts {
    /// The phase's sentence (`CustomerPhase::key`).
    pub headline: String,
    pub headline_key: &'static str,
    /// After an unpaid end: "Please ask at the till"; else empty.
    pub hint: String,
    pub welcome: String,
    /// Over the lines.
    pub your_purchase: String,
    /// What the screen says once a code's time is up (it stops showing it by itself).
    pub new_code: String,
    pub total: String,
    pub change: String,
    pub receipt: String,
    pub language: String,
    /// On the sandbox: "Training – no real money is paid"; else empty.
    pub training: String,
    /// The customer window's title.
    pub window_title: String,
}

/// Everything the customer's screen shows, at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerView {
    /// Goes up with every change: a screen never replaces a newer view with an older one.
    pub seq: u64,
    #[serde(serialize_with = "texts::serialize_lang")]
    pub lang: Lang,
    pub languages: Vec<LangChoice>,
    pub shop_name: Option<String>,
    pub training: bool,
    pub phase: CustomerPhase,
    pub sale_id: Option<String>,
    pub amount_display: Option<String>,
    pub reference: Option<String>,
    pub lines: Vec<CustomerLine>,
    pub qr: Option<CustomerQr>,
    pub change_display: Option<String>,
    pub receipt: Option<CustomerReceipt>,
    pub texts: CustomerTexts,
}

/// What the customer's screen is told.
#[derive(Debug, Clone, Copy)]
pub enum CustomerInput<'a> {
    /// An engine event, exactly as the cashier's screen gets it.
    Till(&'a TillEvent),
    /// The open sale as the engine has it (a restart, a customer screen opened mid-sale).
    Resumed(&'a SaleView),
    /// The sale being rung up, as Rust works it out for the cashier.
    Cart(&'a CartView),
    /// The cashier's sale is empty: a new customer.
    Cleared,
    /// A cash or card sale, paid; the change for cash.
    PaidByHand {
        sale_id: &'a str,
        how: ByHand,
        amount_display: &'a str,
        change_display: Option<&'a str>,
    },
    /// The receipt of a paid sale.
    Receipt {
        sale_id: &'a str,
        receipt: &'a CustomerReceipt,
    },
    /// The customer's language button.
    Language(Lang),
    /// The shop's name, language or mode changed.
    Shop(&'a CustomerShop),
}

/// The customer's screen's state. [`CustomerDisplay::on`] folds an input in and says
/// whether anything changed; [`CustomerDisplay::view`] is the view at a moment.
#[derive(Debug, Clone)]
pub struct CustomerDisplay {
    shop: CustomerShop,
    lang: Lang,
    seq: u64,
    phase: CustomerPhase,
    sale_id: Option<String>,
    amount_display: Option<String>,
    reference: Option<String>,
    lines: Vec<CustomerLine>,
    /// The cart's total, to tell whether the sale that starts is this cart's.
    cart_total: Option<String>,
    qr: Option<CustomerQr>,
    /// The newest attempt seen of the sale (shown or taken down): an older one never returns.
    newest_attempt: i64,
    change_display: Option<String>,
    receipt: Option<CustomerReceipt>,
}

impl CustomerDisplay {
    pub fn new(shop: CustomerShop) -> CustomerDisplay {
        CustomerDisplay {
            lang: shop.lang,
            shop,
            seq: 0,
            phase: CustomerPhase::Idle,
            sale_id: None,
            amount_display: None,
            reference: None,
            lines: Vec::new(),
            cart_total: None,
            qr: None,
            newest_attempt: 0,
            change_display: None,
            receipt: None,
        }
    }

    /// A bank sale is on screen and not ended: the cart cannot change it.
    fn sale_open(&self) -> bool {
        self.sale_id.is_some() && !self.phase.ended()
    }

    /// Whether `sale_id` is the sale on screen (ended or not).
    pub fn shows_sale(&self, sale_id: &str) -> bool {
        self.sale_id.as_deref() == Some(sale_id)
    }

    /// Whether a bank sale is open on the customer's screen.
    /// Whether `event` is of a sale this screen missed the start of (one resumed at start)
    /// and says something about its code: the host folds the engine's view of that sale in
    /// first ([`CustomerInput::Resumed`]).
    pub fn wants_sale_view_before(&self, event: &TillEvent) -> bool {
        let about_the_code = matches!(
            event,
            TillEvent::QrReady(_) | TillEvent::QrWithdrawn { .. } | TillEvent::StatusChanged { .. }
        );
        about_the_code && !self.shows_sale(event.sale_id()) && !self.has_open_sale()
    }

    pub fn has_open_sale(&self) -> bool {
        self.sale_open()
    }

    fn clear_sale(&mut self) {
        self.sale_id = None;
        self.amount_display = None;
        self.reference = None;
        self.qr = None;
        self.newest_attempt = 0;
        self.change_display = None;
        self.receipt = None;
    }

    fn open_sale(&mut self, sale_id: &str, amount_display: &str, reference: Option<&str>) {
        // The lines stay when the sale is the cart just rung up (same total).
        let keep_lines =
            self.phase == CustomerPhase::Cart && self.cart_total.as_deref() == Some(amount_display);
        self.clear_sale();
        if !keep_lines {
            self.lines.clear();
        }
        self.cart_total = None;
        self.sale_id = Some(sale_id.to_owned());
        self.amount_display = Some(amount_display.to_owned());
        self.reference = reference.map(str::to_owned);
        self.phase = CustomerPhase::GettingCode;
    }

    /// Folds `input` in at `now_ms`; true when the view changed.
    pub fn on(&mut self, input: CustomerInput<'_>, now_ms: i64) -> bool {
        let before = self.view_body(now_ms);
        match input {
            CustomerInput::Till(event) => self.on_event(event),
            CustomerInput::Resumed(sale) => self.on_resumed(sale, now_ms),
            CustomerInput::Cart(cart) => {
                if !self.sale_open() {
                    self.clear_sale();
                    self.phase = CustomerPhase::Cart;
                    self.lines = cart
                        .lines
                        .iter()
                        .map(|l| CustomerLine {
                            text: l.text.clone(),
                            quantity: l.quantity,
                            amount_display: l.amount_display.clone(),
                        })
                        .collect();
                    self.amount_display = Some(cart.total_display.clone());
                    self.cart_total = Some(cart.total_display.clone());
                }
            }
            CustomerInput::Cleared => {
                if !self.sale_open() {
                    self.clear_sale();
                    self.lines.clear();
                    self.cart_total = None;
                    self.phase = CustomerPhase::Idle;
                    // The next customer is greeted in the shop's language.
                    self.lang = self.shop.lang;
                }
            }
            CustomerInput::PaidByHand {
                sale_id,
                how: _,
                amount_display,
                change_display,
            } => {
                if !self.sale_open() {
                    let lines = std::mem::take(&mut self.lines);
                    let keep = self.phase == CustomerPhase::Cart
                        && self.cart_total.as_deref() == Some(amount_display);
                    self.clear_sale();
                    if keep {
                        self.lines = lines;
                    }
                    self.cart_total = None;
                    self.sale_id = Some(sale_id.to_owned());
                    self.amount_display = Some(amount_display.to_owned());
                    self.change_display = change_display.map(str::to_owned);
                    self.phase = CustomerPhase::Paid;
                }
            }
            CustomerInput::Receipt { sale_id, receipt } => {
                if self.shows_sale(sale_id) && self.phase == CustomerPhase::Paid {
                    self.receipt = Some(receipt.clone());
                }
            }
            CustomerInput::Language(lang) => self.lang = lang,
            CustomerInput::Shop(shop) => {
                if self.phase == CustomerPhase::Idle {
                    self.lang = shop.lang;
                }
                self.shop = shop.clone();
            }
        }
        let changed = self.view_body(now_ms) != before;
        if changed {
            self.seq += 1;
        }
        changed
    }

    fn on_event(&mut self, event: &TillEvent) {
        match event {
            TillEvent::SaleStarted {
                sale_id,
                amount_display,
                reference,
                ..
            } => {
                // One open sale at a time: like the cashier's screen, the one on screen
                // stays until it ends.
                if !self.shows_sale(sale_id) && !self.sale_open() {
                    self.open_sale(sale_id, amount_display, reference.as_deref());
                }
            }
            TillEvent::QrReady(qr) => {
                if !self.shows_sale(&qr.sale_id) || !self.sale_open() {
                    return;
                }
                if qr.attempt < self.newest_attempt {
                    return; // a late event for an older code
                }
                self.show_code(qr);
            }
            TillEvent::QrWithdrawn {
                sale_id,
                attempt,
                why,
            } => {
                if !self.shows_sale(sale_id) || !self.sale_open() {
                    return;
                }
                if *attempt < self.newest_attempt {
                    return; // taking down an older code: the one on screen stays
                }
                self.newest_attempt = *attempt;
                self.qr = None;
                self.phase = match why {
                    Withdrawn::InBank => CustomerPhase::Approving,
                    Withdrawn::Expiring => CustomerPhase::NewCode,
                };
            }
            TillEvent::StatusChanged {
                sale_id,
                status,
                news,
                ..
            } => {
                if !self.shows_sale(sale_id) || !self.sale_open() {
                    return;
                }
                match (status, news) {
                    // A customer in their bank: no code on this screen while they approve.
                    (Status::AwaitingAuthorization, _) => {
                        self.qr = None;
                        self.phase = CustomerPhase::Approving;
                    }
                    (Status::Authorized, _) => {
                        self.qr = None;
                        self.phase = CustomerPhase::Approved;
                    }
                    (_, StatusNews::LeftTheBank) if self.qr.is_none() => {
                        self.phase = CustomerPhase::NewCode;
                    }
                    _ => {}
                }
            }
            TillEvent::SaleEnded {
                sale_id,
                outcome,
                reason,
                amount_display,
                ..
            } => {
                if !self.shows_sale(sale_id) || !self.sale_open() {
                    return;
                }
                self.qr = None;
                self.amount_display = Some(amount_display.clone());
                self.phase = match (outcome, reason) {
                    (Outcome::Paid, _) => CustomerPhase::Paid,
                    (Outcome::Cancelled, _) => CustomerPhase::Cancelled,
                    (Outcome::Failed, EndReason::Declined) => CustomerPhase::Declined,
                    (Outcome::Failed, _) => CustomerPhase::NotPaid,
                };
            }
            // The cashier's status line (which code the customer is on) is the cashier's;
            // the customer's phase follows the codes and statuses above.
            TillEvent::AttemptError { .. }
            | TillEvent::NeedsAttention { .. }
            | TillEvent::SaleProgress { .. } => {}
        }
    }

    /// `qr` on screen: the newest code, to scan.
    fn show_code(&mut self, qr: &kassa_till::Qr) {
        self.newest_attempt = qr.attempt;
        self.qr = Some(CustomerQr {
            attempt: qr.attempt,
            payment_id: qr.payment_id.clone(),
            authorization_url: qr.authorization_url.clone(),
            qr_svg: qr.qr_svg.clone(),
            show_until_ms: qr.show_until_ms,
        });
        self.phase = CustomerPhase::Scan;
    }

    fn on_resumed(&mut self, sale: &SaleView, now_ms: i64) {
        if sale.state != kassa_journal::SaleState::Open {
            return;
        }
        if !self.shows_sale(&sale.sale_id) {
            self.open_sale(
                &sale.sale_id,
                &sale.amount_display,
                sale.reference.as_deref(),
            );
        }
        let qr = sale.qr.as_ref().filter(|q| now_ms < q.show_until_ms);
        match (sale.phase, qr) {
            (Phase::Scanning, Some(qr)) if qr.attempt >= self.newest_attempt => {
                self.show_code(qr);
            }
            (Phase::InBank, _) => {
                self.qr = None;
                self.phase = CustomerPhase::Approving;
            }
            (Phase::Authorized, _) => {
                self.qr = None;
                self.phase = CustomerPhase::Approved;
            }
            _ => {}
        }
    }

    /// The view at `now_ms`: a code whose `show_until_ms` has passed is not in it.
    pub fn view(&self, now_ms: i64) -> CustomerView {
        CustomerView {
            seq: self.seq,
            ..self.view_body(now_ms)
        }
    }

    /// The view without its sequence number (to tell whether an input changed anything).
    fn view_body(&self, now_ms: i64) -> CustomerView {
        let lang = self.lang;
        let t = |k| text(lang, k);
        let qr = self.qr.clone().filter(|q| now_ms < q.show_until_ms);
        // A code that ran out without a word from the engine: the next one is coming.
        let phase = if self.phase == CustomerPhase::Scan && qr.is_none() {
            CustomerPhase::NewCode
        } else {
            self.phase
        };
        let unpaid = matches!(
            phase,
            CustomerPhase::Declined | CustomerPhase::Cancelled | CustomerPhase::NotPaid
        );
        CustomerView {
            seq: 0,
            lang,
            languages: BUTTONS
                .iter()
                .map(|&code| LangChoice {
                    code,
                    name: button_name(code),
                })
                .collect(),
            shop_name: self.shop.name.clone(),
            training: self.shop.training,
            phase,
            sale_id: self.sale_id.clone(),
            amount_display: self.amount_display.clone(),
            reference: self.reference.clone(),
            lines: self.lines.clone(),
            qr,
            change_display: self.change_display.clone(),
            receipt: self.receipt.clone(),
            texts: CustomerTexts {
                headline: t(phase.key()),
                headline_key: phase.key().id(),
                hint: if unpaid {
                    t(Key::AskCashier)
                } else {
                    String::new()
                },
                welcome: t(Key::Welcome),
                your_purchase: t(Key::YourPurchase),
                new_code: t(Key::NewCode),
                total: t(Key::Total),
                change: t(Key::Change),
                receipt: t(Key::Receipt),
                language: t(Key::Language),
                training: if self.shop.training {
                    t(Key::Training)
                } else {
                    String::new()
                },
                window_title: t(Key::WindowTitle),
            },
        }
    }
}

/// A monitor as the window system reports it: its top-left corner and size, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Monitor {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Monitor {
    fn contains(&self, (x, y): (i32, i32)) -> bool {
        let right = i64::from(self.x) + i64::from(self.width);
        let bottom = i64::from(self.y) + i64::from(self.height);
        self.x <= x && i64::from(x) < right && self.y <= y && i64::from(y) < bottom
    }
}

/// Which monitor the customer's window opens on: the largest one the cashier's window
/// (its top-left corner at `cashier_at`) is not on; none when there is only one screen
/// (the window then opens beside the cashier's, to be dragged where it belongs).
pub fn customer_monitor(monitors: &[Monitor], cashier_at: Option<(i32, i32)>) -> Option<usize> {
    if monitors.len() < 2 {
        return None;
    }
    let cashiers = cashier_at.and_then(|at| monitors.iter().position(|m| m.contains(at)));
    let cashiers = cashiers.unwrap_or(0);
    monitors
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != cashiers)
        .max_by_key(|(i, m)| {
            (
                u64::from(m.width) * u64::from(m.height),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests;
