#![allow(clippy::unwrap_used, clippy::expect_used)]

use kassa_money::{Currency, Money};
use kassa_print::COLUMNS_58MM;

use super::*;
use crate::profile::{ProfileDraft, validate};
use crate::vat::Day;

fn nok(minor: i64) -> Money {
    Money::new(minor, Currency::Nok)
}

fn ca(count: u64, minor: i64) -> CountAmount {
    CountAmount {
        count,
        amount: nok(minor),
    }
}

fn shop() -> MerchantProfile {
    validate(&ProfileDraft {
        legal_name: "Bakeriet Grünerløkka AS".into(),
        org_number: "923609016".into(),
        vat_registered: true,
        address_lines: vec!["Thorvald Meyers gate 10".into()],
        postcode: "0555".into(),
        city: "Oslo".into(),
        country: "no".into(),
        till_name: "Kasse 1".into(),
        receipt_footer: String::new(),
    })
    .expect("the fixture profile")
}

fn at(day: u8, h: u8, m: u8) -> LocalDateTime {
    LocalDateTime::new(Day::new(2026, 3, day), h, m, 0, 60).expect("a time")
}

/// A day that adds up: 5 sales of kr 1 000,00, one cash return of kr 99,00.
fn z() -> ReportView {
    ReportView {
        training_series: false,
        transfers_opened: CountAmount {
            count: 1,
            amount: nok(4000),
        },
        transfers_sent: CountAmount::zero(Currency::Nok),
        kind: ReportKind::Z { number: 12 },
        till_name: "Kasse 1".into(),
        merchant: shop(),
        from: Some(at(1, 18, 0)),
        to: at(2, 18, 5),
        first_receipt: Some(1040),
        last_receipt: Some(1045),
        by_tender: ByTender {
            bank: ca(2, 60000),
            cash: ca(3, 25100),
            card: ca(1, 5000),
        },
        vat: vec![
            VatFigures {
                rate_bp: Some(2500),
                saft_code: Some(SaftCode::REGULAR),
                net: nok(56080),
                vat: nok(14020),
                gross: nok(70100),
            },
            VatFigures {
                rate_bp: Some(1500),
                saft_code: Some(SaftCode::MIDDLE),
                net: nok(13043),
                vat: nok(1957),
                gross: nok(15000),
            },
            VatFigures {
                rate_bp: None,
                saft_code: None,
                net: nok(5000),
                vat: nok(0),
                gross: nok(5000),
            },
        ],
        sales: ca(5, 100000),
        returns: ca(1, -9900),
        cancelled: 2,
        copies: 1,
        receipts: 6,
        training: ca(3, 30000),
        grand_total: GrandTotals {
            sales: nok(1234500),
            returns: nok(-19900),
            net: nok(1214600),
        },
    }
}

fn x() -> ReportView {
    ReportView {
        training_series: false,
        transfers_opened: CountAmount {
            count: 1,
            amount: nok(4000),
        },
        transfers_sent: CountAmount::zero(Currency::Nok),
        kind: ReportKind::X,
        from: None,
        ..z()
    }
}

fn assert_snake_case(v: &serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                assert!(
                    key.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "key {key:?} is not snake_case"
                );
                assert_snake_case(value);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(assert_snake_case),
        _ => {}
    }
}

#[test]
fn a_day_that_adds_up_passes_the_check() {
    assert_eq!(z().check(), Ok(()));
    assert_eq!(x().check(), Ok(()));
    assert_eq!(z().net(), Ok(nok(90100)));
}

#[test]
fn figures_that_do_not_add_up_are_named() {
    let mut r = z();
    r.by_tender.cash = ca(3, 35000);
    assert_eq!(
        r.check().unwrap_err().to_string(),
        "the tenders do not add up: kr\u{a0}1\u{a0}000,00, but sales and returns make kr\u{a0}901,00"
    );
    let mut r = z();
    r.vat.pop();
    assert!(matches!(
        r.check(),
        Err(ReportError::DoesNotAddUp {
            what: "VAT rows' gross",
            ..
        })
    ));
    let mut r = z();
    r.vat[0].vat = nok(14000);
    assert!(matches!(
        r.check(),
        Err(ReportError::DoesNotAddUp {
            what: "VAT row's net and VAT",
            ..
        })
    ));
    let mut r = z();
    r.grand_total.net = nok(1234500);
    assert!(matches!(
        r.check(),
        Err(ReportError::DoesNotAddUp {
            what: "grand totals",
            ..
        })
    ));
}

#[test]
fn returns_are_negative_one_currency_and_z_numbers_start_at_1() {
    let mut r = z();
    r.returns = ca(1, 9900);
    assert_eq!(
        r.check().unwrap_err().to_string(),
        "returns must be zero or less (money going back) (it is kr\u{a0}99,00)"
    );
    let mut r = z();
    r.training.amount = Money::new(30000, Currency::Sek);
    assert_eq!(
        r.check(),
        Err(ReportError::Currency {
            what: "training",
            expected: Currency::Nok,
            found: Currency::Sek
        })
    );
    let r = ReportView {
        kind: ReportKind::Z { number: 0 },
        ..z()
    };
    assert_eq!(r.check(), Err(ReportError::NoZNumber));
}

const RULE: &str = "------------------------------------------------";

#[test]
fn a_z_report_prints_every_figure() {
    let doc = z().to_doc(48, &Words::ENGLISH);
    assert_eq!(doc.blocks.last(), Some(&Block::Cut));
    let text = doc.to_text(48);
    let lines: Vec<&str> = text.lines().collect();
    let expected = [
        "            Bakeriet Grünerløkka AS",
        "            Org.nr. NO 923609016 MVA",
        "",
        "      Z REPORT 12",
        "",
        "Till Kasse 1",
        "From                            2026-03-01 18:00",
        "To                              2026-03-02 18:05",
        "Receipts                               1040–1045",
        RULE,
        "Sales (5)                            kr 1 000,00",
        "Returns (1)                            -kr 99,00",
        "Net sales                              kr 901,00",
        RULE,
        "By tender",
        "Paid by bank (2)                       kr 600,00",
        "Cash (3)                               kr 251,00",
        "Card (1)                                kr 50,00",
        RULE,
        "VAT by rate",
        "VAT                Net          VAT        Gross",
        "25 %            560,80       140,20       701,00",
        "15 %            130,43        19,57       150,00",
        "No VAT recorded  50,00         0,00        50,00",
        RULE,
        "Cancelled sales                                2",
        "Copy receipts                                  1",
        "Receipts                                       6",
        "Bank transfers opened (1)               kr 40,00",
        "Bank transfers sent (0)                  kr 0,00",
        RULE,
        "Training sales (3)                     kr 300,00",
        "Kept apart: in none of the figures above",
        RULE,
        "Grand totals since the till started",
        "Sales                               kr 12 345,00",
        "Returns                               -kr 199,00",
        "Net sales                           kr 12 146,00",
    ];
    // The no-break spaces of Money::display and the rates are spaces in the layout.
    let lines: Vec<String> = lines.iter().map(|l| l.replace('\u{a0}', " ")).collect();
    assert_eq!(lines, expected);
}

#[test]
fn an_x_report_says_nothing_is_closed_and_starts_with_the_till() {
    let text = x().to_doc(48, &Words::ENGLISH).to_text(48);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert_eq!(lines[3], "X REPORT");
    assert_eq!(lines[4], "Running figures; nothing is closed");
    assert!(lines.contains(&format!("From{}the till's start", " ".repeat(48 - 4 - 16)).as_str()));
    assert!(!text.contains("Z REPORT"));
}

#[test]
fn on_58_mm_paper_every_line_fits() {
    let text = z()
        .to_doc(COLUMNS_58MM, &Words::ENGLISH)
        .to_text(COLUMNS_58MM);
    assert!(
        text.lines().all(|l| l.chars().count() <= COLUMNS_58MM),
        "{text}"
    );
    // A rate label too long for its row puts the figures on the next line.
    let lines: Vec<String> = text.lines().map(|l| l.replace('\u{a0}', " ")).collect();
    let at = lines
        .iter()
        .position(|l| l == "No VAT recorded")
        .expect("the row");
    assert_eq!(lines[at + 1], "             50,00   0,00  50,00");
    assert!(lines.contains(&"25 %        560,80 140,20 701,00".to_string()));
}

#[test]
fn json_has_the_fields_the_cli_prints() {
    let v: serde_json::Value = serde_json::from_str(&z().to_json().unwrap()).unwrap();
    assert_snake_case(&v);
    assert_eq!(v["kind"], "z");
    assert_eq!(v["z_number"], 12);
    assert_eq!(v["till"], "Kasse 1");
    assert_eq!(v["merchant"]["org_number"], "NO 923609016 MVA");
    assert_eq!(
        v["period"],
        serde_json::json!({"from": "2026-03-01T18:00:00+01:00", "to": "2026-03-02T18:05:00+01:00"})
    );
    assert_eq!(v["first_receipt"], 1040);
    assert_eq!(v["last_receipt"], 1045);
    assert_eq!(
        v["by_tender"]["cash"],
        serde_json::json!({"count": 3, "amount": {"minor": 25100, "currency": "NOK", "text": "kr\u{a0}251,00"}})
    );
    assert_eq!(v["by_tender"]["pay_by_bank"]["amount"]["minor"], 60000);
    assert_eq!(v["by_tender"]["card"]["count"], 1);
    let vat = v["vat"].as_array().unwrap();
    assert_eq!(vat.len(), 3);
    assert_eq!(vat[0]["rate_bp"], 2500);
    assert_eq!(vat[0]["rate"], "25\u{a0}%");
    assert_eq!(vat[0]["saft_code"], "3");
    assert_eq!(vat[0]["net"]["minor"], 56080);
    assert_eq!(vat[0]["vat"]["minor"], 14020);
    assert_eq!(vat[0]["gross"]["minor"], 70100);
    assert_eq!(vat[1]["saft_code"], "31");
    assert_eq!(vat[2]["rate_bp"], serde_json::Value::Null);
    assert_eq!(vat[2]["saft_code"], serde_json::Value::Null);
    assert_eq!(v["sales"]["count"], 5);
    assert_eq!(v["sales"]["amount"]["minor"], 100000);
    assert_eq!(v["returns"]["count"], 1);
    assert_eq!(v["returns"]["amount"]["minor"], -9900);
    assert_eq!(v["net"]["minor"], 90100);
    assert_eq!(v["cancelled"], 2);
    assert_eq!(v["copies"], 1);
    assert_eq!(v["receipts"], 6);
    assert_eq!(v["training"]["count"], 3);
    assert_eq!(v["training"]["amount"]["minor"], 30000);
    assert_eq!(v["grand_total"]["sales"]["minor"], 1234500);
    assert_eq!(v["grand_total"]["returns"]["minor"], -19900);
    assert_eq!(v["grand_total"]["net"]["minor"], 1214600);
}

#[test]
fn an_x_report_has_no_z_number_in_json() {
    let v = serde_json::to_value(x().json()).unwrap();
    assert_eq!(v["kind"], "x");
    assert!(v.get("z_number").is_none(), "{v}");
    assert_eq!(v["period"]["from"], serde_json::Value::Null);
}

#[test]
fn a_report_of_the_training_series_says_so_at_the_top() {
    let r = ReportView {
        training_series: true,
        ..x()
    };
    let text = r.to_doc(48, &Words::ENGLISH).to_text(48);
    let banner = text.find("TRAINING — NOT FOR THE BOOKS").expect("banner");
    assert!(banner < text.find("X REPORT").expect("title"), "{text}");
    assert!(
        !x().to_doc(48, &Words::ENGLISH)
            .to_text(48)
            .contains("NOT FOR THE BOOKS")
    );
    let json: serde_json::Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
    assert_eq!(json["training_series"], true);
    assert_eq!(json["bank_transfers"]["opened"]["count"], 1);
    assert_eq!(json["bank_transfers"]["opened"]["amount"]["minor"], 4000);
    assert_eq!(json["bank_transfers"]["sent"]["count"], 0);
}
