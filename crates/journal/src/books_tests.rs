//! The books (issue 11, schema 5): sales paid by cash and card, receipts with their tender.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use kassa_money::{Currency, Money};

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

fn sale<'a>(id: &'a str, minor: i64, at_ms: i64) -> NewSale<'a> {
    NewSale {
        id,
        amount: dkk(minor),
        reference: None,
        at_ms,
        backend: Backend::Live,
    }
}

fn line(text: &str, unit: i64, quantity: u32, vat_bp: u32, saft_code: u8) -> NewLine<'_> {
    NewLine {
        text,
        quantity,
        unit_gross: dkk(unit),
        vat_bp,
        saft_code,
    }
}

fn cash(minor: i64) -> Paid {
    Paid::Cash { given: dkk(minor) }
}

fn card(reference: Option<&str>) -> Paid {
    Paid::Card {
        reference: reference.map(str::to_owned),
    }
}

fn count(j: &Journal, table: &str) -> i64 {
    j.conn
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_cash_sale_is_written_paid_with_its_lines_and_receipt_in_one_go() {
    let mut j = Journal::open_in_memory().unwrap();
    let lines = [
        line("Bread", 3000, 2, 2500, 3),
        line("Milk", 1500, 1, 1500, 31),
    ];
    let r = j
        .insert_paid_sale(&sale("s1", 7500, 10), &lines, &cash(10_000), "cash")
        .unwrap();
    assert_eq!(
        (r.number, r.kind, r.tender, r.total, r.created_at_ms),
        (1, ReceiptKind::Sale, Tender::Cash, dkk(7500), 10)
    );
    assert_eq!(
        (r.cash_given, r.card_reference.as_deref()),
        (Some(dkk(10_000)), None)
    );
    assert_eq!(j.receipt_of_sale("s1").unwrap(), Some(r));
    let s = j.sale("s1").unwrap().unwrap();
    assert_eq!(
        (s.state, s.ended_at_ms, s.attempts),
        (SaleState::Paid, Some(10), 0)
    );
    let read = j.lines_of_sale("s1").unwrap();
    assert_eq!(read.len(), 2);
    assert_eq!(
        (read[1].text.as_str(), read[1].vat.unwrap().bp),
        ("Milk", 1500)
    );
    let kinds: Vec<String> = j
        .events("s1")
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["sale_opened", "sale_paid"]);
    // Exactly the cash: no change, accepted.
    let r = j
        .insert_paid_sale(&sale("s2", 500, 11), &[], &cash(500), "cash")
        .unwrap();
    assert_eq!(r.number, 2);
}

#[test]
fn a_card_sale_keeps_the_terminal_reference() {
    let mut j = Journal::open_in_memory().unwrap();
    let r = j
        .insert_paid_sale(&sale("s1", 990, 1), &[], &card(Some("T-4471")), "card")
        .unwrap();
    assert_eq!(r.tender, Tender::Card);
    assert_eq!(r.card_reference.as_deref(), Some("T-4471"));
    assert_eq!(r.tender_detail.as_deref(), Some("T-4471"));
    assert_eq!(r.cash_given, None);
    let r = j
        .insert_paid_sale(&sale("s2", 990, 2), &[], &card(None), "card")
        .unwrap();
    assert_eq!((r.number, r.card_reference), (2, None));
}

#[test]
fn a_paid_sale_that_cannot_be_whole_is_refused_and_nothing_is_written() {
    let mut j = Journal::open_in_memory().unwrap();
    j.insert_paid_sale(&sale("s0", 100, 1), &[], &cash(100), "cash")
        .unwrap();
    let before = (
        count(&j, "sales"),
        count(&j, "sale_lines"),
        count(&j, "receipts"),
    );
    let refused = |r: Result<Receipt>, words: &str| match r {
        Err(JournalError::Refused(why)) => assert!(why.contains(words), "{why}"),
        other => panic!("expected a refusal with {words:?}, got {other:?}"),
    };
    let lines = [line("Bread", 3000, 1, 2500, 3)];
    refused(
        j.insert_paid_sale(&sale("s1", 3000, 2), &lines, &cash(2999), "cash"),
        "kr. given is less than the total of 30,00",
    );
    refused(
        j.insert_paid_sale(
            &sale("s1", 3000, 2),
            &lines,
            &Paid::Cash {
                given: Money::new(5000, Currency::Eur),
            },
            "cash",
        ),
        "the cash given is in EUR but the sale is in DKK",
    );
    refused(
        j.insert_paid_sale(
            &sale("s1", 3000, 2),
            &lines,
            &Paid::Bank {
                payment_id: "p1".into(),
            },
            "bank",
        ),
        "paid through its payment",
    );
    refused(
        j.insert_paid_sale(&sale("s1", 3001, 2), &lines, &card(None), "card"),
        "the lines add up to 3000 minor units but the sale is 3001",
    );
    refused(
        j.insert_paid_sale(&sale("s0", 100, 2), &[], &card(None), "card"),
        "sale s0 is in the journal already",
    );
    let after = (
        count(&j, "sales"),
        count(&j, "sale_lines"),
        count(&j, "receipts"),
    );
    assert_eq!(before, after);
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 1);
    assert_eq!(j.sale("s1").unwrap(), None);
}

#[test]
fn ending_an_open_sale_paid_writes_the_tender_on_its_receipt() {
    let mut j = Journal::open_in_memory().unwrap();
    for id in ["bank", "cash", "short"] {
        j.insert_sale(&sale(id, 2000, 1)).unwrap();
    }
    let bank = Paid::Bank {
        payment_id: "p-77".into(),
    };
    let r = j
        .end_sale_with_receipt("bank", &bank, 5, "paid")
        .unwrap()
        .unwrap();
    assert_eq!(
        (r.tender, r.tender_detail.as_deref()),
        (Tender::Bank, Some("p-77"))
    );
    assert_eq!(
        j.sale("bank").unwrap().unwrap().paid_payment_id.as_deref(),
        Some("p-77")
    );
    // Cash short of the total: refused, the sale stays open and no number is used.
    match j.end_sale_with_receipt("short", &cash(1999), 6, "cash") {
        Err(JournalError::Refused(why)) => assert!(why.contains("less than the total"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(j.sale("short").unwrap().unwrap().state, SaleState::Open);
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 1);
    let r = j
        .end_sale_with_receipt("cash", &cash(5000), 7, "cash")
        .unwrap()
        .unwrap();
    assert_eq!((r.number, r.cash_given), (2, Some(dkk(5000))));
    // Ended already: nothing, whatever the tender.
    assert_eq!(
        j.end_sale_with_receipt("cash", &card(None), 8, "card")
            .unwrap(),
        None
    );
}
