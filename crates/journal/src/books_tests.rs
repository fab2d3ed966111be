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

/// A VAT row as (rate, code, net, vat, gross).
type VatRow = (Option<u32>, Option<u8>, i64, i64, i64);

fn vat_rows(j: &Journal, r: &Receipt) -> Vec<VatRow> {
    j.receipt_vat(&r.till, r.series(), r.number)
        .unwrap()
        .into_iter()
        .map(|v| (v.bp, v.saft_code, v.net.minor, v.vat.minor, v.gross.minor))
        .collect()
}

#[test]
fn every_sale_receipt_gets_its_vat_per_rate_by_the_one_rounding_rule() {
    let mut j = Journal::open_in_memory().unwrap();
    // Two lines at 25 % (one group: VAT from the group's sum, not per line), one at 15 %.
    let lines = [
        line("Bread", 333, 1, 2500, 3),
        line("Jam", 333, 2, 2500, 3),
        line("Milk", 1999, 1, 1500, 31),
    ];
    let r = j
        .insert_paid_sale(&sale("s1", 2998, 1), &lines, &card(None), "card")
        .unwrap();
    // 999 at 25 %: 999 · 2500 / 12500 = 199.8 → 200; 1999 at 15 %: 260.7 → 261.
    assert_eq!(
        vat_rows(&j, &r),
        [
            (Some(2500), Some(3), 799, 200, 999),
            (Some(1500), Some(31), 1738, 261, 1999)
        ]
    );
    // A plain amount: one row without a rate, no VAT recorded.
    let r = j
        .insert_paid_sale(&sale("s2", 4000, 2), &[], &cash(4000), "cash")
        .unwrap();
    assert_eq!(vat_rows(&j, &r), [(None, None, 4000, 0, 4000)]);
    // Paid by bank through a status: the same, in the same transaction.
    j.insert_sale_with_lines(&sale("s3", 1250, 3), &[line("Tea", 1250, 1, 2500, 3)])
        .unwrap();
    let a = j.begin_attempt("s3", "R", 4).unwrap();
    j.attempt_created(a.id, "p3", "https://pay.aiia.eu/x", 5, 60_005)
        .unwrap();
    j.record_status_then(
        a.id,
        "Executed",
        true,
        6,
        Then::Pay {
            payment_id: "p3",
            detail: "paid",
        },
    )
    .unwrap();
    let r = j.receipt_of_sale("s3").unwrap().unwrap();
    assert_eq!(vat_rows(&j, &r), [(Some(2500), Some(3), 1000, 250, 1250)]);
    // And through end_sale (the older pay-by-bank path).
    j.insert_sale(&sale("s4", 700, 7)).unwrap();
    assert!(
        j.end_sale("s4", SaleState::Paid, Some("p4"), 8, "paid")
            .unwrap()
    );
    let r = j.receipt_of_sale("s4").unwrap().unwrap();
    assert_eq!(vat_rows(&j, &r), [(None, None, 700, 0, 700)]);
    // Every receipt has VAT rows adding up to its total.
    let bad: i64 = j
        .conn
        .query_row(
            "SELECT COUNT(*) FROM receipts r WHERE r.total_minor IS NOT
               (SELECT SUM(gross_minor) FROM receipt_vat v
                WHERE v.till = r.till AND v.training = r.training AND v.number = r.number)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0);
    // VAT rows never change.
    let err = j
        .conn
        .execute("UPDATE receipt_vat SET vat_minor = 0", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

fn refused<T: std::fmt::Debug>(r: Result<T>, words: &str) {
    match r {
        Err(JournalError::Refused(why)) => {
            // Amounts are displayed with no-break spaces.
            let why = why.replace('\u{a0}', " ");
            assert!(why.contains(words), "{why:?} lacks {words:?}")
        }
        other => panic!("expected a refusal with {words:?}, got {other:?}"),
    }
}

fn a_return<'a>(sale_id: &'a str, lines: &'a [NewLine<'a>], at_ms: i64) -> NewReturn<'a> {
    NewReturn {
        sale_id,
        lines,
        reason: "damaged",
        at_ms,
        refund: RefundBy::Cash,
    }
}

/// What the books hold, to show a refused write changed nothing.
fn everything(j: &Journal) -> Vec<i64> {
    [
        "sales",
        "sale_lines",
        "receipts",
        "receipt_vat",
        "return_lines",
        "bank_refunds",
        "events",
        "period_totals",
        "grand_totals",
    ]
    .iter()
    .map(|t| count(j, t))
    .chain([j
        .conn
        .query_row(
            "SELECT COALESCE(SUM(amount_minor), 0) FROM period_totals",
            [],
            |r| r.get(0),
        )
        .unwrap()])
    .collect()
}

#[test]
fn a_partial_return_gets_its_own_numbered_negative_receipt_with_vat_and_lines() {
    let mut j = Journal::open_in_memory().unwrap();
    let lines = [
        line("Bread", 3000, 2, 2500, 3),
        line("Milk", 1500, 1, 1500, 31),
    ];
    let sold = j
        .insert_paid_sale(&sale("s1", 7500, 10), &lines, &cash(10_000), "cash")
        .unwrap();
    let back = [line("Bread", 3000, 1, 2500, 3)];
    let done = j.record_return(&a_return("s1", &back, 20)).unwrap();
    let r = &done.receipt;
    assert_eq!(
        (
            r.number,
            r.kind,
            r.total,
            r.tender,
            r.return_of,
            r.reason.as_deref()
        ),
        (
            2,
            ReceiptKind::Return,
            dkk(-3000),
            Tender::Cash,
            Some(sold.number),
            Some("damaged")
        )
    );
    assert_eq!(r.sale_id, "s1");
    assert_eq!(done.bank_refund, None);
    assert_eq!(vat_rows(&j, r), [(Some(2500), Some(3), -2400, -600, -3000)]);
    let rl = j.return_lines(&r.till, Backend::Live, r.number).unwrap();
    assert_eq!(rl.len(), 1);
    assert_eq!(
        (rl[0].text.as_str(), rl[0].quantity, rl[0].unit_gross),
        ("Bread", 1, dkk(3000))
    );
    assert_eq!(
        rl[0].vat,
        Some(LineVat {
            bp: 2500,
            saft_code: 3
        })
    );
    assert_eq!(j.returned_of_sale("s1").unwrap(), dkk(3000));
    assert_eq!(j.returns_of_sale("s1").unwrap(), std::slice::from_ref(r));
    // The rest, by card: the sale is then returned in full.
    let rest = [
        line("Bread", 3000, 1, 2500, 3),
        line("Milk", 1500, 1, 1500, 31),
    ];
    let mut second = a_return("s1", &rest, 21);
    second.refund = RefundBy::Card;
    let r2 = j.record_return(&second).unwrap().receipt;
    assert_eq!(
        (r2.number, r2.total, r2.tender),
        (3, dkk(-4500), Tender::Card)
    );
    assert_eq!(j.returned_of_sale("s1").unwrap(), dkk(7500));
    assert_eq!(j.returns_of_sale("s1").unwrap().len(), 2);
    // A receipt that is not a return has no return lines.
    assert!(
        j.return_lines(&r.till, Backend::Live, 1)
            .unwrap()
            .is_empty()
    );
    let kinds: Vec<String> = j
        .events("s1")
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        ["sale_opened", "sale_paid", "sale_returned", "sale_returned"]
    );
}

#[test]
fn a_return_that_cannot_be_is_refused_in_words_and_writes_nothing() {
    let mut j = Journal::open_in_memory().unwrap();
    let lines = [
        line("Bread", 3000, 1, 2500, 3),
        line("Milk", 1000, 1, 1500, 31),
    ];
    j.insert_paid_sale(&sale("s1", 4000, 1), &lines, &cash(4000), "cash")
        .unwrap();
    j.insert_sale(&sale("open", 900, 2)).unwrap();
    let back = [line("Bread", 3000, 1, 2500, 3)];
    j.record_return(&a_return("s1", &back, 3)).unwrap();
    let before = everything(&j);
    refused(
        j.record_return(&a_return("open", &[line("X", 900, 1, 2500, 3)], 4)),
        "sale open is not paid: there is nothing to return",
    );
    // 10,00 left in all (the milk); the bread is back already.
    refused(
        j.record_return(&a_return("s1", &[line("Milk", 1000, 2, 1500, 31)], 4)),
        "only 10,00 kr. of this sale is left to return",
    );
    refused(
        j.record_return(&a_return("s1", &[line("Bread", 1000, 1, 2500, 3)], 4)),
        "only 0,00 kr. at 25 % VAT of this sale is left to return",
    );
    refused(
        j.record_return(&a_return("s1", &[line("Wine", 500, 1, 1200, 32)], 4)),
        "the sale has no line at 12 % VAT (SAF-T code 32)",
    );
    let milk = [line("Milk", 500, 1, 1500, 31)];
    let mut no_reason = a_return("s1", &milk, 4);
    no_reason.reason = "  ";
    refused(j.record_return(&no_reason), "a return needs a reason");
    refused(
        j.record_return(&a_return("s1", &[], 4)),
        "at least one line",
    );
    refused(
        j.record_return(&a_return("s1", &[line("Milk", 0, 1, 1500, 31)], 4)),
        "return line 1 has no amount",
    );
    refused(
        j.record_return(&a_return("s1", &[line("Milk", 100, 0, 1500, 31)], 4)),
        "quantity of 0",
    );
    let euro = [NewLine {
        unit_gross: Money::new(100, Currency::Eur),
        ..line("Milk", 100, 1, 1500, 31)
    }];
    refused(
        j.record_return(&a_return("s1", &euro, 4)),
        "is in EUR but the sale was in DKK",
    );
    let mut no_payment = a_return("s1", &milk, 4);
    no_payment.refund = RefundBy::BankTransfer {
        payment_id: " ".into(),
        payer: None,
    };
    refused(
        j.record_return(&no_payment),
        "needs the payment the money came in by",
    );
    assert!(matches!(
        j.record_return(&a_return("nope", &[line("Milk", 100, 1, 1500, 31)], 4)),
        Err(JournalError::NotFound(_))
    ));
    assert_eq!(everything(&j), before);
    // All of it back, then nothing is left.
    j.record_return(&a_return("s1", &[line("Milk", 1000, 1, 1500, 31)], 5))
        .unwrap();
    refused(
        j.record_return(&a_return("s1", &[line("Milk", 1, 1, 1500, 31)], 6)),
        "sale s1 was returned in full already",
    );
}

#[test]
fn a_plain_amount_sale_is_returned_without_vat_information() {
    let mut j = Journal::open_in_memory().unwrap();
    j.insert_paid_sale(&sale("s1", 5000, 1), &[], &card(Some("T1")), "card")
        .unwrap();
    // The rate the caller passes is not kept: the sale had none.
    let done = j
        .record_return(&NewReturn {
            refund: RefundBy::Card,
            ..a_return("s1", &[line("Part of the sale", 2000, 1, 2500, 3)], 2)
        })
        .unwrap();
    assert_eq!(vat_rows(&j, &done.receipt), [(None, None, -2000, 0, -2000)]);
    let rl = j
        .return_lines(&done.receipt.till, Backend::Live, done.receipt.number)
        .unwrap();
    assert_eq!(rl[0].vat, None);
    refused(
        j.record_return(&a_return("s1", &[line("More", 3001, 1, 0, 5)], 3)),
        "only 30,00 kr. of this sale is left to return",
    );
}

/// A pay-by-bank sale paid through its attempt.
fn bank_sale(j: &mut Journal, id: &str, minor: i64, pid: &str, backend: Backend) {
    j.insert_sale(&NewSale {
        backend,
        ..sale(id, minor, 1)
    })
    .unwrap();
    let a = j.begin_attempt(id, "R", 2).unwrap();
    j.attempt_created(a.id, pid, "https://pay.aiia.eu/x", 3, 60_003)
        .unwrap();
    j.record_status_then(
        a.id,
        "Executed",
        true,
        4,
        Then::Pay {
            payment_id: pid,
            detail: "paid",
        },
    )
    .unwrap();
}

#[test]
fn a_bank_sale_returned_lists_a_transfer_until_the_merchant_marks_it_sent() {
    let mut j = Journal::open_in_memory().unwrap();
    bank_sale(&mut j, "s1", 6000, "p1", Backend::Live);
    let done = j
        .record_return(&NewReturn {
            refund: RefundBy::BankTransfer {
                payment_id: "p1".into(),
                payer: Some("Kari Nordmann, 1234.56.78901".into()),
            },
            ..a_return("s1", &[line("Whole sale", 6000, 1, 0, 5)], 10)
        })
        .unwrap();
    assert_eq!(
        (done.receipt.tender, done.receipt.tender_detail.as_deref()),
        (Tender::Bank, Some("p1"))
    );
    let t = done.bank_refund.unwrap();
    assert_eq!(
        (
            t.kind,
            t.state,
            t.amount,
            t.payment_id.as_str(),
            t.payer.as_deref()
        ),
        (
            RefundKind::Return,
            RefundState::Open,
            dkk(6000),
            "p1",
            Some("Kari Nordmann, 1234.56.78901")
        )
    );
    assert_eq!(
        (t.sale_id.as_deref(), t.return_number),
        (Some("s1"), Some(2))
    );
    assert_eq!(j.bank_refunds(true).unwrap(), std::slice::from_ref(&t));
    // The reports count it: opened now, not yet sent.
    let x = j.x_report(Backend::Live, 15).unwrap();
    assert_eq!(
        (
            x.transfers_opened.count,
            x.transfers_opened.amount,
            x.transfers_sent.count
        ),
        (1, dkk(6000), 0)
    );
    let sent = j.mark_refund_sent(t.id, "bank ref 889", 20).unwrap();
    let x = j.x_report(Backend::Live, 21).unwrap();
    assert_eq!(
        (x.transfers_sent.count, x.transfers_sent.amount),
        (1, dkk(6000))
    );
    // A Z keeps them; the next period starts at zero.
    let z = j.close_z(Backend::Live, 22).unwrap();
    assert_eq!(z.totals.transfers_opened.count, 1);
    assert_eq!(z.totals.transfers_sent.count, 1);
    let after = j.x_report(Backend::Live, 23).unwrap();
    assert_eq!(
        (after.transfers_opened.count, after.transfers_sent.count),
        (0, 0)
    );
    assert_eq!(
        (sent.state, sent.sent_at_ms, sent.note.as_deref()),
        (RefundState::Sent, Some(20), Some("bank ref 889"))
    );
    assert!(j.bank_refunds(true).unwrap().is_empty());
    assert_eq!(j.bank_refunds(false).unwrap(), std::slice::from_ref(&sent));
    refused(
        j.mark_refund_sent(t.id, "again", 21),
        "was marked sent already",
    );
    assert!(matches!(
        j.mark_refund_sent(99, "", 21),
        Err(JournalError::NotFound(_))
    ));
    // Sent is for good: the trigger refuses any other change, and deletion.
    for sql in [
        "UPDATE bank_refunds SET state = 'open', sent_at = NULL",
        "UPDATE bank_refunds SET amount_minor = 1",
        "DELETE FROM bank_refunds",
    ] {
        assert!(j.conn.execute(sql, []).is_err(), "{sql}");
    }
    assert_eq!(j.bank_refunds(false).unwrap(), [sent]);
}

#[test]
fn a_flagged_double_payment_goes_back_by_the_same_path_and_resolves_its_note_when_sent() {
    let mut j = Journal::open_in_memory().unwrap();
    bank_sale(&mut j, "s1", 4200, "p1", Backend::Live);
    // A second payment of the same sale: flagged by the engine.
    let a = j.begin_attempt("s1", "R", 5).unwrap();
    j.attempt_created(a.id, "p2", "https://pay.aiia.eu/y", 6, 60_006)
        .unwrap();
    j.record_status_then(
        a.id,
        "Executed",
        true,
        7,
        Then::Pay {
            payment_id: "p2",
            detail: "paid",
        },
    )
    .unwrap();
    assert_eq!(j.attention_items().unwrap().len(), 1);
    refused(
        j.refund_double_payment("p1", None, 8),
        "payment p1 is not flagged as an extra payment",
    );
    let t = j.refund_double_payment("p2", Some("Ola"), 8).unwrap();
    assert_eq!(
        (
            t.kind,
            t.state,
            t.amount,
            t.sale_id.as_deref(),
            t.return_number,
            t.training
        ),
        (
            RefundKind::DoublePayment,
            RefundState::Open,
            dkk(4200),
            Some("s1"),
            None,
            false
        )
    );
    refused(j.refund_double_payment("p2", None, 9), "is listed already");
    // The note stays until the money is sent.
    assert_eq!(j.attention_items().unwrap().len(), 1);
    j.mark_refund_sent(t.id, "", 10).unwrap();
    assert!(j.attention_items().unwrap().is_empty());
    assert_eq!(j.sale("s1").unwrap().unwrap().attention, None);
    // No receipt, no sale figures: a double payment was never a sale.
    assert_eq!(j.last_receipt_number(Backend::Live).unwrap(), 1);
}
