#![allow(clippy::unwrap_used, clippy::expect_used)]

use kassa_journal::{NewLine, NewSale, Paid};
use kassa_money::Currency;

use super::*;

const MARCH: Day = Day::new(2026, 3, 2);
/// 2026-03-02 13:05:09 UTC.
const AT: i64 = 1_772_456_709_000;

fn nok(minor: i64) -> Money {
    Money::new(minor, Currency::Nok)
}

fn profile() -> MerchantProfile {
    kassa_shop::validate_profile(&ProfileDraft {
        legal_name: "Fjordbakeriet AS".into(),
        org_number: "923609016".into(),
        vat_registered: true,
        address_lines: vec!["Storgata 1".into()],
        postcode: "0155".into(),
        city: "Oslo".into(),
        country: "NO".into(),
        till_name: "Till 1".into(),
        receipt_footer: "Takk!".into(),
    })
    .unwrap()
}

fn shop(profile: Option<MerchantProfile>) -> Shop {
    ShopSettings {
        profile,
        ..ShopSettings::default()
    }
    .resolve(Currency::Nok, MARCH)
    .unwrap()
}

fn line(text: Option<&str>, unit_minor: i64, quantity: u32, rate: &str) -> CartLineInput {
    CartLineInput {
        text: text.map(str::to_owned),
        unit_minor,
        quantity,
        rate: rate.into(),
    }
}

#[test]
fn a_plain_amount_is_one_line_at_the_default_rate_named_after_it() {
    let c = cart(&shop(None), &CartInput::amount(12500)).unwrap();
    assert_eq!(c.lines.len(), 1);
    assert_eq!(c.lines[0].text, "Standard");
    assert_eq!(c.lines[0].rate_bp, 2500);
    assert_eq!(c.lines[0].saft_code, 3);
    assert_eq!(c.total, nok(12500));
    assert_eq!(c.vat[0].vat, nok(2500));
    assert_eq!(c.vat[0].net, nok(10000));
    let lines = c.till_lines();
    assert_eq!(lines[0].unit_gross, nok(12500));
    assert_eq!((lines[0].vat_bp, lines[0].saft_code), (2500, 3));
}

#[test]
fn a_cart_of_lines_adds_up_per_rate_and_reads_as_the_window_sends_it() {
    let input: CartInput = serde_json::from_value(serde_json::json!({
        "lines": [
            {"text": "Brød", "unitMinor": 3990, "rate": "Food"},
            {"unitMinor": 4950, "quantity": 2, "rate": "standard"},
            {"text": "  ", "unitMinor": 1000, "rate": ""}
        ]
    }))
    .unwrap();
    let c = cart(&shop(None), &input).unwrap();
    let texts: Vec<&str> = c.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["Brød", "Standard", "Standard"]);
    assert_eq!(c.lines[1].amount, nok(9900));
    assert_eq!(c.total, nok(3990 + 9900 + 1000));
    // Highest rate first; each group's net + VAT is its gross, the groups add up.
    assert_eq!(c.vat.len(), 2);
    assert_eq!(c.vat[0].rate_bp, 2500);
    assert_eq!(c.vat[0].gross, nok(10900));
    assert_eq!(c.vat[0].vat, nok(2180));
    assert_eq!(c.vat[1].gross, nok(3990));
    assert_eq!(c.vat[1].vat, nok(520));
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["totalDisplay"], "kr\u{a0}148,90");
    assert_eq!(json["lines"][0]["rateLabel"], "Food 15\u{a0}%");
    assert_eq!(json["vat"][1]["percent"], "15\u{a0}%");
    assert_eq!(json["vat"][0]["vatDisplay"], "kr\u{a0}21,80");
    assert_eq!(json["total"]["minor"], 14890);
}

#[test]
fn a_bad_cart_is_refused_with_a_sentence() {
    let s = shop(None);
    let refused =
        |lines: Vec<CartLineInput>| cart(&s, &CartInput { lines }).unwrap_err().to_string();
    assert_eq!(
        refused(vec![]),
        "the cart is empty: enter an amount or choose an item"
    );
    assert_eq!(
        refused(vec![line(None, 100, 1, ""), line(None, 100, 1, "Luxury")]),
        "line 2: there is no VAT rate named \"Luxury\" in the shop's VAT table (Settings → Shop)"
    );
    assert_eq!(
        refused(vec![line(Some("Bun"), 0, 1, "Food")]),
        "line 1 (\"Bun\") has no amount: enter its price"
    );
    assert!(refused(vec![line(Some("Bun"), 100, 0, "Food")]).contains("quantity of 0"));
    assert_eq!(
        refused(vec![
            line(None, Currency::Nok.max_sale_minor(), 1, ""),
            line(None, 1, 1, "")
        ]),
        "the sale's total kr\u{a0}1\u{a0}000\u{a0}000,01 is over the limit of kr\u{a0}1\u{a0}000\u{a0}000,00 for one sale"
    );
}

/// Writes a paid sale of two lines on `backend`, paid as `paid`; its id.
fn paid_sale(
    journal: &mut Journal,
    id: &str,
    backend: Backend,
    paid: &Paid,
) -> kassa_journal::Receipt {
    let lines = [
        NewLine {
            text: "Brød",
            quantity: 1,
            unit_gross: nok(3990),
            vat_bp: 1500,
            saft_code: 31,
        },
        NewLine {
            text: "Batterier",
            quantity: 2,
            unit_gross: nok(4950),
            vat_bp: 2500,
            saft_code: 3,
        },
    ];
    let sale = NewSale {
        id,
        amount: nok(13890),
        reference: Some("Order7"),
        at_ms: AT,
        backend,
    };
    match paid {
        Paid::Bank { payment_id } => {
            journal.insert_sale_with_lines(&sale, &lines).unwrap();
            let a = journal.begin_attempt(id, "Order7", AT).unwrap();
            journal
                .attempt_created(a.id, payment_id, "https://bank/x", AT, AT + 60_000)
                .unwrap();
            journal
                .end_sale_with_receipt(id, paid, AT + 5_000, "paid")
                .unwrap()
                .unwrap()
        }
        _ => journal
            .insert_paid_sale(&sale, &lines, paid, "paid")
            .unwrap(),
    }
}

#[test]
fn a_cash_receipt_carries_the_lines_vat_given_and_change() {
    let mut j = Journal::open_in_memory().unwrap();
    kassa_testkit::TestSealer::install(&mut j).unwrap();
    paid_sale(
        &mut j,
        "s1",
        Backend::Live,
        &Paid::Cash { given: nok(20000) },
    );
    let r = receipt_of(&j, &shop(Some(profile())), "s1", &FixedZone(60)).unwrap();
    assert_eq!(r.number(), 1);
    assert!(!r.training());
    assert_eq!(r.till_name(), "Till 1");
    assert_eq!(r.at().receipt_text(), "2026-03-02 14:05");
    assert_eq!(r.lines().len(), 2);
    assert_eq!(r.lines()[1].quantity, 2);
    assert_eq!(r.total(), nok(13890));
    assert_eq!(r.breakdown().groups[0].vat_amount, nok(1980));
    assert_eq!(
        *r.tender(),
        Tender::Cash {
            given: nok(20000),
            change: nok(6110)
        }
    );
    let text = r.to_doc(48, None).to_text(48);
    assert!(text.contains("Fjordbakeriet AS"), "{text}");
    assert!(text.contains("NO 923609016 MVA"), "{text}");
}

#[test]
fn bank_and_card_receipts_say_how_they_were_paid() {
    let mut j = Journal::open_in_memory().unwrap();
    kassa_testkit::TestSealer::install(&mut j).unwrap();
    paid_sale(
        &mut j,
        "s1",
        Backend::Live,
        &Paid::Bank {
            payment_id: "pay-1".into(),
        },
    );
    paid_sale(
        &mut j,
        "s2",
        Backend::Live,
        &Paid::Card {
            reference: Some("AUTH 42".into()),
        },
    );
    let s = shop(Some(profile()));
    let bank = receipt_of(&j, &s, "s1", &FixedZone(60)).unwrap();
    assert_eq!(
        *bank.tender(),
        Tender::PayByBank {
            payment_id: "pay-1".into(),
            bank_reference: "Order7".into()
        }
    );
    let card = receipt_by_number(&j, &s, Backend::Live, 2, &FixedZone(60)).unwrap();
    assert_eq!(card.number(), 2);
    assert_eq!(
        *card.tender(),
        Tender::Card {
            terminal_reference: Some("AUTH 42".into())
        }
    );
    let e = receipt_by_number(&j, &s, Backend::Live, 3, &FixedZone(60)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "there is no receipt number 3 in the live series"
    );
    let e = receipt_by_number(&j, &s, Backend::Sandbox, 1, &FixedZone(60)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "there is no receipt number 1 in the training series"
    );
}

#[test]
fn live_receipts_need_the_profile_and_training_ones_get_a_training_shop() {
    let mut j = Journal::open_in_memory().unwrap();
    kassa_testkit::TestSealer::install(&mut j).unwrap();
    paid_sale(
        &mut j,
        "live",
        Backend::Live,
        &Paid::Card { reference: None },
    );
    paid_sale(
        &mut j,
        "training",
        Backend::Sandbox,
        &Paid::Card { reference: None },
    );
    let e = receipt_of(&j, &shop(None), "live", &FixedZone(60)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("set up the shop (Settings → Shop"),
        "{e}"
    );
    let r = receipt_of(&j, &shop(None), "training", &FixedZone(60)).unwrap();
    assert!(r.training());
    assert_eq!(r.number(), 1, "the training series counts on its own");
    assert_eq!(r.merchant().legal_name, "Kassa training shop");
    let e = receipt_of(&j, &shop(None), "nope", &FixedZone(60)).unwrap_err();
    assert_eq!(e.to_string(), "sale nope has no receipt: it is not paid");
}

#[test]
fn every_countrys_training_profile_is_valid_in_every_language() {
    for c in Country::ALL {
        let english = training_profile(c, &TrainingNames::english());
        let checked = kassa_shop::validate_profile(&ProfileDraft::from(english.clone())).unwrap();
        assert_eq!(checked.country, c);
        assert_eq!(checked.legal_name, "Kassa training shop");
        assert_eq!(
            checked.footer_lines,
            ["Thank you for practising with Kassa"]
        );
        for lang in crate::Lang::ALL {
            let names = DefaultNames::of(crate::Messages::of(lang)).training;
            let p = training_profile(c, &names);
            assert_eq!(p.legal_name, names.legal_name, "{lang:?} {c}");
            assert_eq!(
                p.footer_lines,
                std::slice::from_ref(&names.footer),
                "{lang:?} {c}"
            );
            assert_eq!(
                p.address_lines,
                std::slice::from_ref(&names.street),
                "{lang:?} {c}"
            );
            assert_eq!(
                (p.city.as_str(), p.till_name.as_str()),
                (names.city.as_str(), names.till_name.as_str())
            );
            assert_eq!(p.org_number, english.org_number);
        }
    }
}

#[test]
fn a_training_receipt_without_a_profile_carries_the_training_shop_as_named() {
    let mut da = ShopSettings::default();
    da.fill_defaults(&DefaultNames::of(crate::Messages::of(crate::Lang::Da)));
    let shop = da.resolve(Currency::Dkk, MARCH).unwrap();
    let p = merchant_for(&shop, true, Currency::Dkk).unwrap();
    assert_eq!(p.legal_name, "Kassa træningsbutik");
    assert_eq!(p.footer_lines, ["Tak fordi du øver dig med Kassa"]);
    // A plain amount is sold under the Danish standard rate's name.
    let c = cart(&shop, &CartInput::amount(10000)).unwrap();
    assert_eq!(c.lines[0].text, "Standardmoms");
    // Words a profile cannot take (a file edited by hand) give the English training shop.
    let blank = TrainingNames {
        legal_name: String::new(),
        ..TrainingNames::english()
    };
    assert_eq!(
        training_profile(Country::Dk, &blank).legal_name,
        "Kassa training shop"
    );
}

#[test]
fn a_plain_amount_sale_from_before_lines_reads_at_the_default_rate() {
    let mut j = Journal::open_in_memory().unwrap();
    kassa_testkit::TestSealer::install(&mut j).unwrap();
    j.insert_sale(&NewSale {
        id: "old",
        amount: nok(5000),
        reference: None,
        at_ms: AT,
        backend: Backend::Live,
    })
    .unwrap();
    j.end_sale_with_receipt("old", &Paid::Card { reference: None }, AT, "paid")
        .unwrap();
    let r = receipt_of(&j, &shop(Some(profile())), "old", &FixedZone(0)).unwrap();
    assert_eq!(r.lines()[0].text, "Sale");
    assert_eq!(r.lines()[0].vat.bp, 2500);
    assert_eq!(r.total(), nok(5000));
}

#[test]
fn a_return_receipt_carries_what_went_back_its_sale_and_reason() {
    let mut j = Journal::open_in_memory().unwrap();
    kassa_testkit::TestSealer::install(&mut j).unwrap();
    let sale = paid_sale(
        &mut j,
        "s1",
        Backend::Live,
        &Paid::Cash { given: nok(20000) },
    );
    let back = [NewLine {
        text: "Batterier",
        quantity: 1,
        unit_gross: nok(4950),
        vat_bp: 2500,
        saft_code: 3,
    }];
    let done = j
        .record_return(&kassa_journal::NewReturn {
            sale_id: "s1",
            lines: &back,
            reason: "Wrong size",
            at_ms: AT + 60_000,
            refund: kassa_journal::RefundBy::Cash,
        })
        .unwrap();
    let shop = shop(Some(profile()));
    let r = receipt_by_number(
        &j,
        &shop,
        Backend::Live,
        done.receipt.number,
        &FixedZone(60),
    )
    .unwrap();
    assert!(r.is_return());
    assert_eq!(r.number(), 2);
    assert_eq!(
        *r.kind(),
        kassa_shop::ReceiptKind::Return {
            of_number: sale.number as u64,
            reason: "Wrong size".into()
        }
    );
    assert_eq!(r.lines().len(), 1);
    assert_eq!(r.total(), nok(-4950));
    assert_eq!(
        *r.tender(),
        Tender::Cash {
            given: nok(4950),
            change: nok(0)
        }
    );
    let text = r.to_doc(48, None).to_text(48);
    assert!(text.contains("RETURN"), "{text}");
    assert!(text.contains("Wrong size"), "{text}");
    // The sale's own receipt is unchanged by its return.
    assert_eq!(
        receipt_of(&j, &shop, "s1", &FixedZone(60))
            .unwrap()
            .number(),
        1
    );
}

#[test]
fn the_next_print_is_the_original_then_numbered_copies() {
    let mut j = Journal::open_in_memory().unwrap();
    kassa_testkit::TestSealer::install(&mut j).unwrap();
    let sale = paid_sale(&mut j, "s1", Backend::Live, &Paid::Card { reference: None });
    let shop = shop(Some(profile()));
    let till = j.till_id().unwrap();
    let (first, copy) = next_print(&j, &shop, Backend::Live, sale.number, &FixedZone(60)).unwrap();
    assert_eq!((first.copy_number(), copy), (None, None));
    // Not printed yet (a print that failed): still the original.
    let (again, _) = next_print(&j, &shop, Backend::Live, sale.number, &FixedZone(60)).unwrap();
    assert_eq!(again.copy_number(), None);
    j.record_print(&till, Backend::Live, sale.number, "printer", AT)
        .unwrap();
    let (second, copy) = next_print(&j, &shop, Backend::Live, sale.number, &FixedZone(60)).unwrap();
    assert_eq!((second.copy_number(), copy), (Some(1), Some(1)));
    assert!(second.to_doc(48, None).to_text(48).contains("COPY 1"));
    j.record_print(&till, Backend::Live, sale.number, "pdf", AT)
        .unwrap();
    let (third, _) = next_print(&j, &shop, Backend::Live, sale.number, &FixedZone(60)).unwrap();
    assert_eq!(third.copy_number(), Some(2));
}
