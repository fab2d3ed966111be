#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;
use kassa_till::{HandTender, OwnedLine};

async fn counter(dir: &Path) -> Counter {
    let settings = crate::Settings::from_vars(|_| None, dir.join("k.db")).expect("defaults");
    crate::start(settings).await.unwrap()
}

fn lines(c: &Counter) -> Vec<OwnedLine> {
    let m = |minor| Money::new(minor, c.currency);
    vec![
        OwnedLine {
            text: "Bread".into(),
            quantity: 1,
            unit_gross: m(12_000),
            vat_bp: 1500,
            saft_code: 31,
        },
        OwnedLine {
            text: "Coffee".into(),
            quantity: 2,
            unit_gross: m(4_000),
            vat_bp: 2500,
            saft_code: 3,
        },
    ]
}

#[tokio::test]
async fn a_cash_sale_returned_in_part_then_the_day_closed() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path()).await;
    let now = c.till.now_ms();
    let given = Money::new(20_000, c.currency);
    let paid = c
        .till
        .sell_by_hand(lines(&c), HandTender::Cash { given }, None)
        .unwrap();
    let sale_id = paid.sale_id.clone();

    // Its detail: two lines, the receipt as HTML, everything left to return.
    let d = sale_detail(&c, &sale_id, now).unwrap();
    assert_eq!(d.state, "paid");
    assert_eq!(d.lines.len(), 2);
    assert_eq!(d.tender_text.as_deref(), Some("Cash"));
    let r = d.receipt.as_ref().unwrap();
    assert_eq!(r.number, paid.number);
    assert!(r.html.contains("class=\"receipt\""), "{}", r.html);
    assert_eq!(
        d.left_display,
        Some(Money::new(20_000, c.currency).display())
    );

    // Found by its receipt number (with or without #) and by its id; not by nonsense.
    assert_eq!(find_sale(&c, &paid.number.to_string()).unwrap(), sale_id);
    assert_eq!(
        find_sale(&c, &format!("#{}", paid.number)).unwrap(),
        sale_id
    );
    assert_eq!(find_sale(&c, &sale_id).unwrap(), sale_id);
    let e = find_sale(&c, "nope").unwrap_err();
    assert_eq!(
        e.to_string(),
        "No sale, receipt number or payment id matches \"nope\"."
    );
    // The window's sentence: the same in English, the catalogue's in another language.
    assert_eq!(e.message(Messages::of(kassa_i18n::Lang::En)), e.to_string());
    let fi = e.message(Messages::of(kassa_i18n::Lang::Fi));
    assert!(fi.contains("nope") && fi != e.to_string(), "{fi}");

    // More than the sale: refused with what is left; no reason: refused; nothing written.
    let e = return_preview(&c, &sale_id, Some("500")).unwrap_err();
    assert!(e.to_string().contains("left to return"), "{e}");
    assert!(e.to_string().starts_with("Only"), "{e}");
    assert_eq!(e.message(Messages::of(kassa_i18n::Lang::En)), e.to_string());
    let e = return_sale(&c, &sale_id, Some("50"), "  ", now).unwrap_err();
    assert!(e.to_string().contains("reason"), "{e}");
    assert!(sale_detail(&c, &sale_id, now).unwrap().returns.is_empty());

    // 50 back in cash: its own receipt, the next number, what is left shrinks.
    let p = return_preview(&c, &sale_id, Some("50")).unwrap();
    assert_eq!(p.how, "cash");
    assert!(p.transfer.is_none());
    assert_eq!(p.amount_display, Money::new(5_000, c.currency).display());
    let done = return_sale(&c, &sale_id, Some("50"), "Damaged", now + 1).unwrap();
    let rr = done.receipt.as_ref().unwrap();
    assert_eq!(rr.number, paid.number + 1);
    assert!(rr.html.contains("Damaged"), "{}", rr.html);
    assert_eq!(done.left_display, Money::new(15_000, c.currency).display());
    let d = sale_detail(&c, &sale_id, now).unwrap();
    assert_eq!(d.returns.len(), 1);
    assert_eq!(
        d.left_display,
        Some(Money::new(15_000, c.currency).display())
    );
    // Printing the return receipt twice: the second is a COPY.
    let first = print_receipt_number(&c, rr.number, now + 2).unwrap();
    assert!(!first.html.contains("COPY"));
    assert_eq!((first.copy, first.prints), (None, 1));
    let second = print_receipt_number(&c, rr.number, now + 3).unwrap();
    assert!(second.html.contains("COPY"), "{}", second.html);
    assert_eq!((second.copy, second.prints), (Some(1), 2));

    // Cash goes back at the counter: no bank transfer.
    assert_eq!(bank_transfers(&c).unwrap().open_count, 0);

    // X: the sale and the return; Z 1 closes them; the next X starts over, grand totals kept.
    let x = report_x(&c, now + 10).unwrap();
    assert_eq!(x.kind, "x");
    assert_eq!(x.report["sales"]["count"], 1);
    assert_eq!(x.report["returns"]["amount"]["minor"], -5_000);
    assert_eq!(x.report["net"]["minor"], 15_000);
    assert_eq!(x.report["copies"], 1);
    let z = close_day(&c, now + 20).unwrap();
    assert_eq!((z.kind, z.number), ("z", Some(1)));
    assert_eq!(z.report["z_number"], 1);
    assert!(z.html.contains("class=\"receipt\""));
    assert_eq!(z_report(&c, 1, now + 30).unwrap().report, z.report);
    assert_eq!(z_reports(&c).unwrap().len(), 1);
    let after = report_x(&c, now + 40).unwrap();
    assert_eq!(after.report["sales"]["count"], 0);
    assert_eq!(after.report["grand_total"]["net"]["minor"], 15_000);
    let saved = report_pdf(&c, Some(1), &dir.path().join("pdf"), now + 50).unwrap();
    assert!(saved.contains("z-report-1.pdf"), "{saved}");
}

#[tokio::test]
async fn an_unpaid_sale_has_nothing_to_return() {
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path()).await;
    let id = c.charge(Money::new(999, c.currency), None).unwrap();
    c.cancel(&id).unwrap();
    let e = return_preview(&c, &id, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "This sale is not paid: there is nothing to return."
    );
    let e = return_sale(&c, &id, None, "why", c.till.now_ms()).unwrap_err();
    assert!(
        e.to_string()
            .contains("is not paid: there is nothing to return"),
        "{e}"
    );
    assert!(
        sale_detail(&c, &id, c.till.now_ms())
            .unwrap()
            .receipt
            .is_none()
    );
}

#[tokio::test]
async fn the_x_and_a_z_report_go_to_the_network_printer_and_an_unset_one_is_said() {
    use kassa_print::testing::decode;
    use tokio::io::AsyncReadExt;
    let dir = tempfile::tempdir().unwrap();
    let c = counter(dir.path()).await;
    let now = c.till.now_ms();
    assert!(matches!(
        report_to_printer(&c, None, now).await,
        Err(DaybookError::NoPrinter)
    ));
    let given = Money::new(20_000, c.currency);
    c.till
        .sell_by_hand(lines(&c), HandTender::Cash { given }, None)
        .unwrap();
    let z = close_day(&c, now).unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let form = crate::shop::ShopForm {
        printer: format!("127.0.0.1:{port}"),
        ..c.shop_form()
    };
    c.save_shop(&form).unwrap();
    let printer = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).await.unwrap();
        bytes
    });
    let said = report_to_printer(&c, z.number, now).await.unwrap();
    assert_eq!(said, format!("Sent to the printer at 127.0.0.1:{port}."));
    let bytes = printer.await.unwrap();
    let decoded = decode(&bytes);
    let text: Vec<&str> = decoded.lines().into_iter().map(|l| l.0).collect();
    let text = text.join("\n");
    assert!(text.contains("Z"), "{text}");
    assert!(text.contains(&z.number.unwrap().to_string()), "{text}");
    assert!(text.contains("200,00"), "{text}");

    // The printer gone: the cashier's sentence, the Z unchanged.
    let err = report_to_printer(&c, z.number, now).await.unwrap_err();
    assert!(err.to_string().contains("does not answer"), "{err}");
    assert_eq!(z_report(&c, z.number.unwrap(), now).unwrap().html, z.html);
}
