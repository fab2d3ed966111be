#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use kassa_money::Money;
use kassa_till::{
    EndReason, Outcome, Phase, Qr, SaleView, Status, StatusNews, TillEvent, Withdrawn,
};
use proptest::prelude::*;

use super::*;
use crate::shop::{CartLineView, CartView};

const SALE: &str = "sale-1";

fn shop(lang: Lang) -> CustomerShop {
    CustomerShop {
        name: Some("Bageriet ApS".into()),
        lang,
        training: true,
    }
}

fn display() -> CustomerDisplay {
    CustomerDisplay::new(shop(Lang::Da))
}

fn started(sale: &str, amount: &str) -> TillEvent {
    TillEvent::SaleStarted {
        sale_id: sale.into(),
        amount_display: amount.into(),
        amount: kassa_money::Money::new(4850, kassa_money::Currency::Dkk),
        reference: Some("Bord 7".into()),
    }
}

fn qr(sale: &str, attempt: i64, show_until_ms: i64) -> Qr {
    Qr {
        sale_id: sale.into(),
        attempt,
        payment_id: format!("pay-{sale}-{attempt}"),
        authorization_url: format!("http://127.0.0.1:1/sandbox/authorize/pay-{sale}-{attempt}"),
        qr_svg: format!("<svg data-attempt=\"{attempt}\"></svg>"),
        expires_at_ms: show_until_ms + 2_000,
        show_until_ms,
    }
}

fn ready(sale: &str, attempt: i64, show_until_ms: i64) -> TillEvent {
    TillEvent::QrReady(qr(sale, attempt, show_until_ms))
}

fn withdrawn(sale: &str, attempt: i64, why: Withdrawn) -> TillEvent {
    TillEvent::QrWithdrawn {
        sale_id: sale.into(),
        attempt,
        why,
    }
}

fn status(sale: &str, attempt: i64, status: Status, news: StatusNews) -> TillEvent {
    TillEvent::StatusChanged {
        sale_id: sale.into(),
        payment_id: format!("pay-{sale}-{attempt}"),
        status,
        news,
        bank: None,
    }
}

fn ended(sale: &str, outcome: Outcome, reason: EndReason) -> TillEvent {
    TillEvent::SaleEnded {
        sale_id: sale.into(),
        outcome,
        reason,
        amount_display: "48,50 kr.".into(),
        amount: kassa_money::Money::new(4850, kassa_money::Currency::Dkk),
        payment_id: None,
        bank: None,
    }
}

fn cart(lines: &[(&str, u32, &str)], total: &str) -> CartView {
    CartView {
        lines: lines
            .iter()
            .map(|(text, quantity, amount)| CartLineView {
                text: (*text).into(),
                quantity: *quantity,
                unit: Money::new(100, Currency::Dkk),
                unit_display: "1,00 kr.".into(),
                amount: Money::new(100, Currency::Dkk),
                amount_display: (*amount).into(),
                rate: "Standard".into(),
                rate_label: "Standard 25 %".into(),
                rate_bp: 2500,
                saft_code: 3,
            })
            .collect(),
        vat: Vec::new(),
        total: Money::new(4850, Currency::Dkk),
        total_display: total.into(),
    }
}

fn shown(d: &CustomerDisplay, now: i64) -> Option<String> {
    d.view(now).qr.map(|q| q.payment_id)
}

#[test]
fn a_bank_sale_from_the_cart_to_the_receipt() {
    let mut d = display();
    let v = d.view(0);
    assert_eq!(v.phase, CustomerPhase::Idle);
    assert_eq!(v.shop_name.as_deref(), Some("Bageriet ApS"));
    assert_eq!(v.texts.headline, "Velkommen");
    assert_eq!(
        v.texts.training,
        "Træning – der betales ingen rigtige penge"
    );

    let c = cart(
        &[("Rugbrød", 1, "38,50 kr."), ("Kaffe", 2, "10,00 kr.")],
        "48,50 kr.",
    );
    assert!(d.on(CustomerInput::Cart(&c), 0));
    let v = d.view(0);
    assert_eq!(v.phase, CustomerPhase::Cart);
    assert_eq!(v.lines.len(), 2);
    assert_eq!(v.lines[1].text, "Kaffe");
    assert_eq!(v.lines[1].quantity, 2);
    assert_eq!(v.amount_display.as_deref(), Some("48,50 kr."));
    assert_eq!(v.texts.headline_key, "customer-your-purchase");

    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    let v = d.view(0);
    assert_eq!(v.phase, CustomerPhase::GettingCode);
    assert_eq!(v.lines.len(), 2, "the sale is the cart just rung up");
    assert_eq!(v.reference.as_deref(), Some("Bord 7"));

    d.on(CustomerInput::Till(&ready(SALE, 1, 60_000)), 1_000);
    let v = d.view(1_000);
    assert_eq!(v.phase, CustomerPhase::Scan);
    let q = v.qr.unwrap();
    assert_eq!(q.payment_id, "pay-sale-1-1");
    assert_eq!(q.qr_svg, "<svg data-attempt=\"1\"></svg>");
    assert_eq!(
        v.texts.headline,
        "Scan koden med din telefon for at betale i din bank"
    );

    d.on(
        CustomerInput::Till(&withdrawn(SALE, 1, Withdrawn::InBank)),
        2_000,
    );
    d.on(
        CustomerInput::Till(&status(
            SALE,
            1,
            Status::AwaitingAuthorization,
            StatusNews::Changed,
        )),
        2_000,
    );
    let v = d.view(2_000);
    assert_eq!(v.phase, CustomerPhase::Approving);
    assert_eq!(v.qr, None);
    assert_eq!(v.texts.headline, "Godkender i din bank…");
    assert_eq!(v.texts.headline_key, "customer-approving");

    d.on(
        CustomerInput::Till(&ended(SALE, Outcome::Paid, EndReason::PaidByBank)),
        3_000,
    );
    let v = d.view(3_000);
    assert_eq!(v.phase, CustomerPhase::Paid);
    assert_eq!(v.texts.headline, "Betalt – tak!");
    assert_eq!(v.texts.hint, "");
    assert_eq!(v.receipt, None);

    let receipt = CustomerReceipt {
        number: 7,
        training: true,
        html: "<pre>Kvittering 7</pre>".into(),
    };
    // Another sale's receipt is not this customer's.
    assert!(!d.on(
        CustomerInput::Receipt {
            sale_id: "sale-0",
            receipt: &receipt
        },
        3_000
    ));
    assert!(d.on(
        CustomerInput::Receipt {
            sale_id: SALE,
            receipt: &receipt
        },
        3_000
    ));
    assert_eq!(d.view(3_000).receipt.unwrap().number, 7);
    assert_eq!(d.view(3_000).lines.len(), 2, "the result keeps the lines");

    d.on(CustomerInput::Cleared, 4_000);
    let v = d.view(4_000);
    assert_eq!(v.phase, CustomerPhase::Idle);
    assert!(v.lines.is_empty() && v.receipt.is_none() && v.amount_display.is_none());
}

#[test]
fn the_language_button_changes_every_sentence_and_the_next_customer_gets_the_shops() {
    let mut d = display();
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(CustomerInput::Till(&ready(SALE, 1, 60_000)), 0);
    assert!(d.on(CustomerInput::Language(Lang::Fi), 0));
    let v = d.view(0);
    assert_eq!(v.lang, Lang::Fi);
    assert_eq!(
        v.texts.headline,
        "Skannaa koodi puhelimellasi ja maksa pankissasi"
    );
    assert_eq!(v.texts.total, "Yhteensä");
    assert_eq!(v.texts.language, "Kieli");
    assert_eq!(
        v.languages.iter().map(|l| l.name).collect::<Vec<_>>(),
        ["Dansk", "Svenska", "Norsk", "Suomi", "English"]
    );
    assert!(
        !d.on(CustomerInput::Language(Lang::Fi), 0),
        "no change, no new view"
    );
    for (lang, approving) in [
        (Lang::Da, "Godkender i din bank…"),
        (Lang::Sv, "Godkänner i din bank…"),
        (Lang::Nb, "Godkjenner i banken din…"),
        (Lang::Fi, "Hyväksytään pankissasi…"),
        (Lang::En, "Approving in your bank…"),
    ] {
        let mut d = d.clone();
        d.on(CustomerInput::Language(lang), 0);
        d.on(
            CustomerInput::Till(&withdrawn(SALE, 1, Withdrawn::InBank)),
            0,
        );
        assert_eq!(d.view(0).texts.headline, approving);
    }
    d.on(
        CustomerInput::Till(&ended(SALE, Outcome::Failed, EndReason::Declined)),
        0,
    );
    assert_eq!(d.view(0).texts.headline, "Maksu hylättiin");
    assert_eq!(d.view(0).texts.hint, "Kysy kassalta");
    // "Try again" for the same customer keeps their language; a new sale does not.
    d.on(CustomerInput::Cart(&cart(&[], "48,50 kr.")), 0);
    assert_eq!(d.view(0).lang, Lang::Fi);
    d.on(CustomerInput::Cleared, 0);
    assert_eq!(d.view(0).lang, Lang::Da);
}

#[test]
fn a_replaced_code_is_never_shown_again() {
    let mut d = display();
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(CustomerInput::Till(&ready(SALE, 1, 60_000)), 0);
    assert_eq!(shown(&d, 10).as_deref(), Some("pay-sale-1-1"));
    d.on(CustomerInput::Till(&ready(SALE, 2, 120_000)), 50_000);
    assert_eq!(shown(&d, 50_000).as_deref(), Some("pay-sale-1-2"));
    // Late events for the replaced code change nothing: not its return, not its take-down.
    assert!(!d.on(CustomerInput::Till(&ready(SALE, 1, 60_000)), 50_001));
    assert!(!d.on(
        CustomerInput::Till(&withdrawn(SALE, 1, Withdrawn::Expiring)),
        50_002
    ));
    assert_eq!(shown(&d, 50_003).as_deref(), Some("pay-sale-1-2"));
    // The new code taken down: nothing, and an older code cannot come back after it.
    d.on(
        CustomerInput::Till(&withdrawn(SALE, 2, Withdrawn::Expiring)),
        60_000,
    );
    assert_eq!(shown(&d, 60_000), None);
    assert_eq!(d.view(60_000).phase, CustomerPhase::NewCode);
    d.on(CustomerInput::Till(&ready(SALE, 1, 200_000)), 60_001);
    assert_eq!(shown(&d, 60_001), None);
    d.on(CustomerInput::Till(&ready(SALE, 3, 200_000)), 61_000);
    assert_eq!(shown(&d, 61_000).as_deref(), Some("pay-sale-1-3"));
}

#[test]
fn a_code_leaves_at_its_show_until_and_after_the_sale_ends() {
    let mut d = display();
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(CustomerInput::Till(&ready(SALE, 1, 58_000)), 0);
    assert!(d.view(57_999).qr.is_some());
    let v = d.view(58_000);
    assert_eq!(v.qr, None);
    assert_eq!(v.phase, CustomerPhase::NewCode);
    assert_eq!(v.texts.headline, "Henter en ny kode…");

    let mut d = display();
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(CustomerInput::Till(&ready(SALE, 1, 58_000)), 0);
    d.on(
        CustomerInput::Till(&ended(
            SALE,
            Outcome::Cancelled,
            EndReason::CancelledByCashier,
        )),
        1_000,
    );
    let v = d.view(1_000);
    assert_eq!((v.phase, v.qr), (CustomerPhase::Cancelled, None));
    assert_eq!(v.texts.headline, "Betalingen blev annulleret");
    // Nothing of an ended sale brings a code back, nor does the next sale's cart.
    d.on(CustomerInput::Till(&ready(SALE, 2, 120_000)), 1_001);
    assert_eq!(shown(&d, 1_001), None);
    d.on(
        CustomerInput::Cart(&cart(&[("Kage", 1, "25,00 kr.")], "25,00 kr.")),
        1_002,
    );
    assert_eq!(shown(&d, 1_002), None);
}

#[test]
fn the_bank_saying_a_customer_is_approving_takes_the_code_down_at_once() {
    let mut d = display();
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(CustomerInput::Till(&ready(SALE, 2, 60_000)), 0);
    // The status of the replaced code arrives before the engine's take-down.
    d.on(
        CustomerInput::Till(&status(
            SALE,
            1,
            Status::AwaitingAuthorization,
            StatusNews::Changed,
        )),
        100,
    );
    assert_eq!(shown(&d, 100), None);
    assert_eq!(d.view(100).phase, CustomerPhase::Approving);
    d.on(
        CustomerInput::Till(&status(SALE, 1, Status::Authorized, StatusNews::Changed)),
        200,
    );
    assert_eq!(
        d.view(200).texts.headline,
        "Godkendt – betalingen er på vej"
    );
    // They left the bank without approving: the next code is on its way, and shown.
    let mut left = display();
    left.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    left.on(
        CustomerInput::Till(&withdrawn(SALE, 1, Withdrawn::InBank)),
        0,
    );
    left.on(
        CustomerInput::Till(&status(SALE, 1, Status::Initiated, StatusNews::LeftTheBank)),
        1,
    );
    assert_eq!(left.view(1).phase, CustomerPhase::NewCode);
    left.on(CustomerInput::Till(&ready(SALE, 2, 60_000)), 2);
    assert_eq!(shown(&left, 2).as_deref(), Some("pay-sale-1-2"));
}

#[test]
fn another_sales_events_and_the_cart_during_a_sale_change_nothing() {
    let mut d = display();
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(CustomerInput::Till(&ready(SALE, 1, 60_000)), 0);
    let before = d.view(1);
    for e in [
        ready("sale-0", 5, 90_000),
        withdrawn("sale-0", 5, Withdrawn::InBank),
        status(
            "sale-0",
            5,
            Status::AwaitingAuthorization,
            StatusNews::Changed,
        ),
        ended("sale-0", Outcome::Paid, EndReason::PaidByBank),
    ] {
        assert!(!d.on(CustomerInput::Till(&e), 1), "{e:?}");
    }
    assert!(!d.on(
        CustomerInput::Cart(&cart(&[("X", 1, "1,00 kr.")], "1,00 kr.")),
        1
    ));
    assert!(!d.on(CustomerInput::Cleared, 1));
    assert_eq!(d.view(1), before);
}

#[test]
fn a_cash_sale_shows_paid_and_the_change_and_a_declined_bank_sale_asks_for_the_till() {
    let mut d = display();
    let c = cart(&[("Kaffe", 2, "48,50 kr.")], "48,50 kr.");
    d.on(CustomerInput::Cart(&c), 0);
    d.on(
        CustomerInput::PaidByHand {
            sale_id: "cash-1",
            how: ByHand::Cash,
            amount_display: "48,50 kr.",
            change_display: Some("1,50 kr."),
        },
        0,
    );
    let v = d.view(0);
    assert_eq!(v.phase, CustomerPhase::Paid);
    assert_eq!(v.change_display.as_deref(), Some("1,50 kr."));
    assert_eq!(v.texts.change, "Byttepenge");
    assert_eq!(v.lines.len(), 1);

    let mut d = display();
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(
        CustomerInput::Till(&ended(
            SALE,
            Outcome::Failed,
            EndReason::NobodyApproved { after_s: 600 },
        )),
        0,
    );
    let v = d.view(0);
    assert_eq!(v.phase, CustomerPhase::NotPaid);
    assert_eq!(v.texts.hint, "Spørg venligst ved kassen");
}

#[test]
fn a_screen_opened_mid_sale_takes_the_engines_view() {
    let sale = |phase, qr| SaleView {
        sale_id: SALE.into(),
        amount: Money::new(4850, Currency::Dkk),
        amount_display: "48,50 kr.".into(),
        reference: None,
        state: kassa_journal::SaleState::Open,
        phase,
        last_status: None,
        last_bank: None,
        qr,
        open_codes: Vec::new(),
    };
    let mut d = display();
    d.on(
        CustomerInput::Resumed(&sale(Phase::Scanning, Some(qr(SALE, 3, 60_000)))),
        1_000,
    );
    assert_eq!(shown(&d, 1_000).as_deref(), Some("pay-sale-1-3"));
    assert_eq!(d.view(1_000).amount_display.as_deref(), Some("48,50 kr."));
    // A code past its time is not taken from the engine's view.
    let mut d = display();
    d.on(
        CustomerInput::Resumed(&sale(Phase::Scanning, Some(qr(SALE, 3, 60_000)))),
        60_000,
    );
    assert_eq!(shown(&d, 60_000), None);
    let mut d = display();
    d.on(CustomerInput::Resumed(&sale(Phase::InBank, None)), 0);
    assert_eq!(d.view(0).phase, CustomerPhase::Approving);
}

#[test]
fn the_shops_language_follows_its_country_then_its_currency() {
    let none = ShopSettings::default();
    assert_eq!(CustomerShop::of(&none, Currency::Sek, false).lang, Lang::Sv);
    assert_eq!(CustomerShop::of(&none, Currency::Nok, false).lang, Lang::Nb);
    assert_eq!(CustomerShop::of(&none, Currency::Eur, false).lang, Lang::En);
    let v = CustomerDisplay::new(CustomerShop::of(&none, Currency::Dkk, false)).view(0);
    assert_eq!(
        (v.lang, v.shop_name, v.texts.training),
        (Lang::Da, None, String::new())
    );
}

#[test]
fn the_view_goes_out_with_camel_case_fields_and_a_rising_sequence() {
    let mut d = display();
    let first = d.view(0).seq;
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    d.on(CustomerInput::Till(&ready(SALE, 1, 60_000)), 0);
    let v = serde_json::to_value(d.view(0)).unwrap();
    assert_eq!(v["seq"], serde_json::json!(first + 2));
    assert_eq!(v["phase"], "scan");
    assert_eq!(v["lang"], "da");
    assert_eq!(v["qr"]["paymentId"], "pay-sale-1-1");
    assert_eq!(v["qr"]["showUntilMs"], 60_000);
    assert_eq!(v["texts"]["headlineKey"], "customer-scan");
    assert_eq!(v["languages"][2]["code"], "nb");
}

#[test]
fn the_customer_window_goes_to_the_largest_other_monitor() {
    let m = |x, y, width, height| Monitor {
        x,
        y,
        width,
        height,
    };
    let laptop = m(0, 0, 1920, 1080);
    let small = m(1920, 0, 800, 480);
    let big = m(-2560, 0, 2560, 1440);
    assert_eq!(customer_monitor(&[laptop], Some((10, 10))), None);
    assert_eq!(customer_monitor(&[], None), None);
    assert_eq!(
        customer_monitor(&[laptop, small], Some((100, 100))),
        Some(1)
    );
    assert_eq!(
        customer_monitor(&[laptop, small, big], Some((100, 100))),
        Some(2)
    );
    // The cashier's window on the big one: the largest other is the laptop.
    assert_eq!(
        customer_monitor(&[laptop, small, big], Some((-2000, 50))),
        Some(0)
    );
    // Where the cashier's window is not known, the first monitor is taken for its.
    assert_eq!(customer_monitor(&[laptop, small], None), Some(1));
    assert_eq!(
        customer_monitor(&[laptop, small], Some((99_999, 0))),
        Some(1)
    );
}

// ---- The rule, for every sequence: the customer's screen never shows a code the
// cashier's screen has taken down. ----

/// The cashier's QR screen as `ui/sale.js` keeps it, in Rust: the oracle.
#[derive(Debug, Default)]
struct CashierScreen {
    /// The sale on the QR screen (one at a time: `saleOnScreen() === null` to open one).
    sale: Option<String>,
    qr: Option<Qr>,
    withdrawn: bool,
}

impl CashierScreen {
    fn on(&mut self, e: &TillEvent) {
        match e {
            TillEvent::SaleStarted { sale_id, .. } if self.sale.is_none() => {
                *self = CashierScreen {
                    sale: Some(sale_id.clone()),
                    ..Default::default()
                }
            }
            _ if self.sale.as_deref() != Some(e.sale_id()) => {}
            TillEvent::QrReady(qr) => {
                if self.qr.as_ref().is_some_and(|q| qr.attempt < q.attempt) {
                    return;
                }
                self.qr = Some(qr.clone());
                self.withdrawn = false;
            }
            TillEvent::QrWithdrawn { attempt, .. } => {
                if self.qr.as_ref().is_some_and(|q| *attempt < q.attempt) {
                    return;
                }
                self.withdrawn = true;
            }
            // The result screen: the QR screen is left.
            TillEvent::SaleEnded { .. } => *self = CashierScreen::default(),
            _ => {}
        }
    }

    fn shown(&self, now: i64) -> Option<&str> {
        self.qr
            .as_ref()
            .filter(|q| !self.withdrawn && now < q.show_until_ms)
            .map(|q| q.payment_id.as_str())
    }
}

#[derive(Debug, Clone)]
enum Step {
    Ready(i64, i64),
    Withdraw(i64, bool),
    Status(i64, u8, bool),
    End(u8),
    Other(u8),
    Cart,
    Cleared,
    Language(usize),
    Wait(i64),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (1i64..6, 1_000i64..90_000).prop_map(|(a, ttl)| Step::Ready(a, ttl)),
        2 => (1i64..6, any::<bool>()).prop_map(|(a, b)| Step::Withdraw(a, b)),
        2 => (1i64..6, 0u8..8, any::<bool>()).prop_map(|(a, s, l)| Step::Status(a, s, l)),
        1 => (0u8..4).prop_map(Step::End),
        1 => (0u8..4).prop_map(Step::Other),
        1 => Just(Step::Cart),
        1 => Just(Step::Cleared),
        1 => (0usize..5).prop_map(Step::Language),
        3 => (0i64..40_000).prop_map(Step::Wait),
    ]
}

fn a_status(n: u8) -> Status {
    match n {
        0 => Status::Initiated,
        1 => Status::AwaitingAuthorization,
        2 => Status::Authorized,
        3 => Status::Executed,
        4 => Status::Rejected,
        5 => Status::Failed,
        6 => Status::Expired,
        _ => Status::Other("Weird".into()),
    }
}

fn an_end(n: u8) -> (Outcome, EndReason) {
    match n {
        0 => (Outcome::Paid, EndReason::PaidByBank),
        1 => (Outcome::Cancelled, EndReason::CancelledByCashier),
        2 => (Outcome::Failed, EndReason::Declined),
        _ => (Outcome::Failed, EndReason::BankFailed),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_sequence_shows_the_customer_a_code_the_cashier_has_taken_down(
        steps in prop::collection::vec(step(), 1..60)
    ) {
        let mut d = display();
        let mut cashier = CashierScreen::default();
        let mut now = 0i64;
        // Codes the cashier's screen took down for good: replaced by a later attempt,
        // withdrawn (that attempt or a later one), or their sale ended.
        let mut gone: HashSet<String> = HashSet::new();
        let mut cashier_before: Option<String> = None;
        let mut others = 0u32;
        // The newest attempt any event named (shown or taken down).
        let mut newest = 0i64;
        // The bank said a customer is approving since the cashier's code went up.
        let mut bank_in = false;
        let mut seq = d.view(now).seq;
        let start = started(SALE, "48,50 kr.");
        d.on(CustomerInput::Till(&start), now);
        cashier.on(&start);
        for s in steps {
            let event = match s {
                Step::Ready(a, ttl) => Some(ready(SALE, a, now + ttl)),
                Step::Withdraw(a, b) => Some(withdrawn(
                    SALE, a, if b { Withdrawn::InBank } else { Withdrawn::Expiring })),
                Step::Status(a, st, left) => Some(status(SALE, a, a_status(st),
                    if left { StatusNews::LeftTheBank } else { StatusNews::Changed })),
                Step::End(n) => {
                    let (o, r) = an_end(n);
                    Some(ended(SALE, o, r))
                }
                // Another sale: a new id each start (the engine never reuses one, and an
                // ended sale never starts again).
                Step::Other(n) => {
                    if n == 2 {
                        others += 1;
                    }
                    let other = format!("sale-0-{others}");
                    Some(match n {
                        0 => ready(&other, 9, now + 60_000),
                        1 => withdrawn(&other, 9, Withdrawn::InBank),
                        2 => started(&other, "1,00 kr."),
                        _ => ended(&other, Outcome::Paid, EndReason::PaidByBank),
                    })
                }
                Step::Cart => {
                    d.on(CustomerInput::Cart(&cart(&[("X", 1, "1,00 kr.")], "1,00 kr.")), now);
                    None
                }
                Step::Cleared => {
                    d.on(CustomerInput::Cleared, now);
                    None
                }
                Step::Language(i) => {
                    d.on(CustomerInput::Language(Lang::ALL[i]), now);
                    None
                }
                Step::Wait(ms) => {
                    now += ms;
                    None
                }
            };
            if let Some(e) = &event {
                d.on(CustomerInput::Till(e), now);
                cashier.on(e);
                match e {
                    TillEvent::SaleStarted { sale_id, .. }
                        if cashier.sale.as_deref() == Some(sale_id.as_str()) =>
                    {
                        newest = 0
                    }
                    TillEvent::QrReady(q) if cashier.sale.as_deref() == Some(&q.sale_id) => {
                        newest = newest.max(q.attempt);
                        if cashier.qr.as_ref() == Some(q) {
                            bank_in = false;
                        }
                    }
                    TillEvent::StatusChanged { sale_id, status, .. }
                        if cashier.sale.as_deref() == Some(sale_id.as_str())
                            && matches!(status, Status::AwaitingAuthorization | Status::Authorized) =>
                    {
                        bank_in = true
                    }
                    TillEvent::QrWithdrawn { sale_id, attempt, .. }
                        if cashier.sale.as_deref() == Some(sale_id.as_str()) =>
                    {
                        newest = newest.max(*attempt)
                    }
                    _ => {}
                }
                if let TillEvent::QrReady(q) = e {
                    if cashier.qr.as_ref() == Some(q) {
                        // Put up again by the engine: back on the cashier's screen.
                        gone.remove(&q.payment_id);
                    }
                }
            }
            // What the cashier's screen showed and does not show now is taken down.
            let cashier_now = cashier.shown(now).map(str::to_owned);
            if let Some(before) = cashier_before.take() {
                if cashier_now.as_ref() != Some(&before) {
                    gone.insert(before);
                }
            }
            cashier_before = cashier_now;
            let view = d.view(now);
            prop_assert!(view.seq >= seq, "the sequence went back");
            seq = view.seq;
            if let Some(q) = &view.qr {
                prop_assert!(!gone.contains(&q.payment_id), "shows {} after it was taken down", q.payment_id);
                prop_assert_eq!(cashier.shown(now), Some(q.payment_id.as_str()),
                    "the customer sees a code the cashier's screen does not show");
                prop_assert!(now < q.show_until_ms);
            } else if let Some(id) = cashier.shown(now) {
                // The cashier shows a code and the customer does not: only while the bank
                // says someone is approving (the stricter rule of this screen), or the
                // cashier's screen took an older code back (events out of order).
                let cashier_attempt = cashier.qr.as_ref().map(|q| q.attempt).unwrap_or(0);
                prop_assert!(
                    bank_in
                        || cashier_attempt < newest
                        || gone.contains(id),
                    "the cashier shows {id} and the customer nothing, in phase {:?}", view.phase
                );
            }
        }
    }
}

#[test]
fn a_code_of_a_sale_this_screen_missed_asks_for_the_engines_view_first() {
    let mut d = display();
    // Opened after the sale started (a resume at start): its code needs the sale first.
    assert!(d.wants_sale_view_before(&ready(SALE, 1, 60_000)));
    assert!(!d.wants_sale_view_before(&started(SALE, "48,50 kr.")));
    d.on(CustomerInput::Till(&started(SALE, "48,50 kr.")), 0);
    // The sale on screen: its own events fold as they come, and no other sale's code
    // pushes in while it is open.
    assert!(!d.wants_sale_view_before(&ready(SALE, 1, 60_000)));
    assert!(!d.wants_sale_view_before(&ready("other", 1, 60_000)));
}
