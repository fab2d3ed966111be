//! The shop's books in the real window: a sale of two lines paid by bank through the built-in
//! sandbox, opened from Today (and found by its receipt number), its receipt; a return larger
//! than the sale refused with Rust's sentence; a partial return with a reason and its return
//! receipt, paid back by a bank transfer that the merchant marks sent; a cancelled sale's
//! return refused; the Day screen's X, Close day (Z) with its number, and the X after the Z
//! starting a new period; the SAF-T export of the month so far, checked by xmllint.
//! Screenshots at each step (`target/e2e-screens/3*.png`).
//!
//! Run like the other window tests: `xvfb-run -a cargo test -p kassa-e2e -- --test-threads=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use fantoccini::Locator;
use kassa_e2e::{Context, Result, Session, ensure, sandbox_decide, sandbox_from_authorization_url};

const LIVE_QR: &str =
    "#screen-qr:not([hidden]) #qr:not([hidden])[data-payment-id]:not([data-payment-id='']) svg";

/// The keypad of a fresh app with its VAT keys: (id, label) of each, the default first.
async fn ready(s: &Session) -> Result<Vec<String>> {
    s.wait_for_screen("keypad").await?;
    s.wait_for(
        "the Sandbox badge",
        Locator::Css("#mode-badge:not([hidden])"),
    )
    .await?;
    s.wait_for_amount("0,00").await?;
    s.wait_for("the VAT keys", Locator::Css("#vat-keys .vat-key"))
        .await?;
    let keys = s
        .client()?
        .find_all(Locator::Css("#vat-keys .vat-key"))
        .await
        .context("cannot list the VAT keys")?;
    let mut ids = Vec::new();
    for key in keys {
        let id = key
            .attr("id")
            .await
            .context("VAT key id")?
            .unwrap_or_default();
        let default = key.attr("data-default").await.context("VAT key default")?;
        if default.as_deref() == Some("true") {
            ids.insert(0, id);
        } else {
            ids.push(id);
        }
    }
    Ok(ids)
}

async fn click_keys(s: &Session, keys: &str) -> Result<()> {
    for key in keys.chars() {
        s.click(&format!("key-{key}")).await?;
    }
    Ok(())
}

/// Waits until `#{id}` shows a non-empty notice (not hidden) and returns its text.
async fn wait_notice(s: &Session, id: &str) -> Result<String> {
    let css = format!("#{id}:not([hidden])");
    s.wait_for(&format!("the notice #{id}"), Locator::Css(&css))
        .await?;
    s.wait_until(&format!("#{id} to have text"), || async {
        let text = s.all_text(id).await?;
        Ok((!text.is_empty()).then_some(text))
    })
    .await
}

async fn count(s: &Session, css: &str) -> Result<usize> {
    Ok(s.client()?
        .find_all(Locator::Css(css))
        .await
        .context(format!("cannot list {css}"))?
        .len())
}

/// Clicks the first element matching `css` once it is there; a list that re-renders under
/// the click (Today refreshes on every sale event) is tried again.
async fn click_css(s: &Session, what: &str, css: &str) -> Result<()> {
    s.wait_until(what, || async {
        let Ok(e) = s.client()?.find(Locator::Css(css)).await else {
            return Ok(None);
        };
        Ok(e.click().await.ok())
    })
    .await
}

/// Opens the Day screen and waits for its report (`kind` "x" or "z").
async fn day_report(s: &Session, kind: &str) -> Result<String> {
    let css = format!("#screen-day[data-kind='{kind}'][data-loaded='true']");
    s.wait_for(
        &format!("the Day screen's {kind} report"),
        Locator::Css(&css),
    )
    .await?;
    s.all_text("screen-day").await
}

#[tokio::test]
async fn a_sale_its_return_and_the_day_closed() -> Result<()> {
    let s = Session::start("a_sale_its_return_and_the_day_closed").await?;
    let keys = ready(&s).await?;
    ensure(keys.len() >= 2, || {
        format!("the keypad has fewer than two VAT keys: {keys:?}")
    })?;
    s.stub_print().await?;

    // A sale of two lines at two rates, paid by bank: 120,00 + 80,00.
    click_keys(&s, "12000").await?;
    s.click(&keys[1]).await?;
    s.wait_for_amount("0,00").await?;
    click_keys(&s, "8000").await?;
    s.click(&keys[0]).await?;
    s.wait_text("cart-total", "200,00").await?;
    s.click("charge").await?;
    s.wait_for("a live QR code", Locator::Css(LIVE_QR)).await?;
    let payment_id = s.attr("qr", "data-payment-id").await?;
    let (base, _) = sandbox_from_authorization_url(&s.attr("qr", "data-authorization-url").await?)?;
    sandbox_decide(&base, &payment_id, "approve").await?;
    s.wait_for_result("Paid").await?;
    s.wait_for(
        "the receipt on the Paid screen",
        Locator::Css("#receipt-panel:not([hidden]) #receipt[data-number]"),
    )
    .await?;
    let number = s.attr("receipt", "data-number").await?;

    // Today → the sale's row → its detail: lines, the attempt, the receipt.
    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;
    s.click("nav-today").await?;
    s.wait_for_screen("today").await?;
    click_css(
        &s,
        "the paid sale in Today's list",
        "#today-list .sale-row[data-state='paid']",
    )
    .await?;
    s.wait_for_screen("detail").await?;
    s.wait_for(
        "the sale's detail",
        Locator::Css("#screen-detail[data-loaded='true']"),
    )
    .await?;
    ensure(count(&s, "#detail-lines .books-row").await? == 2, || {
        "the detail does not show two lines".to_owned()
    })?;
    let attempts = s.all_text("detail-attempts").await?;
    ensure(attempts.contains(&payment_id), || {
        format!("the attempts lack payment {payment_id}: {attempts}")
    })?;
    let receipt = s.all_text("detail-receipt").await?;
    for expected in [
        format!("Receipt {number}"),
        "120,00".into(),
        "80,00".into(),
        "200,00".into(),
    ] {
        ensure(receipt.contains(&expected), || {
            format!("the detail's receipt lacks {expected:?}: {receipt}")
        })?;
    }
    s.screenshot("30-sale-detail.png").await?;

    // Printed from here: the first print is the original, the next one a COPY (counted).
    s.click("detail-reprint").await?;
    s.wait_until("the first print", || async {
        Ok((s.printed().await? == 1).then_some(()))
    })
    .await?;
    let first = s.all_text("print-area").await?;
    ensure(!first.contains("COPY"), || {
        format!("the first print is a COPY: {first}")
    })?;
    wait_notice(&s, "detail-note").await?;
    s.click("detail-reprint").await?;
    s.wait_until("the reprint", || async {
        Ok((s.printed().await? == 2).then_some(()))
    })
    .await?;
    s.wait_text("print-area", "COPY").await?;
    let note = s.wait_text("detail-note", "copy 1").await?;
    println!("reprint: {note}");

    // Found again by its receipt number from Today's search box.
    s.click("detail-back").await?;
    s.wait_for_screen("today").await?;
    s.type_into("today-find-input", &number).await?;
    s.click("today-find-go").await?;
    s.wait_for(
        "the detail of the sale found by number",
        Locator::Css("#screen-detail:not([hidden])[data-loaded='true']"),
    )
    .await?;

    // A return larger than the sale: Rust's sentence, nothing written.
    s.click("detail-return").await?;
    s.wait_for(
        "the return dialog",
        Locator::Css("#return-dialog:not([hidden])"),
    )
    .await?;
    s.wait_text("return-left", "200,00").await?;
    s.click("return-part").await?;
    s.type_into("return-amount", "500").await?;
    let refused = wait_notice(&s, "return-error").await?;
    ensure(refused.contains("200,00"), || {
        format!("the refusal does not say what is left: {refused:?}")
    })?;
    let confirm = s.find("#return-confirm").await?;
    ensure(
        !confirm
            .is_enabled()
            .await
            .context("#return-confirm enabled?")?,
        || "a return larger than the sale can be confirmed".to_owned(),
    )?;
    s.screenshot("31-return-too-much.png").await?;

    // 50,00 back, with a reason: the bank transfer to make, then the return receipt.
    s.type_into("return-amount", "50").await?;
    let preview = s.wait_text("return-preview", "50,00").await?;
    ensure(preview.contains(&payment_id), || {
        format!("the return does not give the payment id as the reference: {preview}")
    })?;
    s.type_into("return-reason", "Damaged in the bag").await?;
    s.wait_until("Confirm to be enabled", || async {
        Ok(s.find("#return-confirm")
            .await?
            .is_enabled()
            .await
            .context("#return-confirm enabled?")?
            .then_some(()))
    })
    .await?;
    s.screenshot("32-return-preview.png").await?;
    s.click("return-confirm").await?;
    s.wait_for(
        "the return receipt",
        Locator::Css("#return-done:not([hidden]) #return-receipt[data-number]"),
    )
    .await?;
    let return_number = s.attr("return-receipt", "data-number").await?;
    let return_receipt = s.all_text("return-receipt").await?;
    ensure(return_number != number, || {
        "the return has the sale's number".to_owned()
    })?;
    for expected in [return_number.clone(), number.clone(), "50,00".into()] {
        ensure(return_receipt.contains(&expected), || {
            format!("the return receipt lacks {expected:?}: {return_receipt}")
        })?;
    }
    let how = s.all_text("return-how").await?;
    ensure(how.contains(&payment_id), || {
        format!("the return does not say which transfer to make: {how}")
    })?;
    s.screenshot("33-return-receipt.png").await?;
    s.click("return-close").await?;
    s.wait_text("detail-returns", &format!("Return receipt {return_number}"))
        .await?;
    s.wait_text("detail-left", "150,00").await?;
    s.screenshot("34-detail-after-return.png").await?;

    // The transfer is listed until the merchant marks it sent.
    s.click("nav-refunds").await?;
    s.wait_for_screen("refunds").await?;
    let open = s
        .wait_for(
            "the open transfer",
            Locator::Css("#refunds-list .refund-row[data-state='open'] .refund-mark"),
        )
        .await?;
    s.wait_text("refunds-list", &payment_id).await?;
    s.wait_text("refunds-total", "50,00").await?;
    s.screenshot("35-bank-transfers.png").await?;
    open.click().await.context("cannot click Mark as sent")?;
    s.wait_for("the note", Locator::Css("#refunds-list .refund-note"))
        .await?
        .send_keys("online bank")
        .await
        .context("cannot type the note")?;
    s.wait_for("the question", Locator::Css("#refunds-list .refund-yes"))
        .await?
        .click()
        .await
        .context("cannot confirm the transfer")?;
    s.wait_for(
        "the transfer marked sent",
        Locator::Css("#refunds-list .refund-row[data-state='sent']"),
    )
    .await?;
    // Nothing left to send: the Transfers button goes.
    s.wait_for(
        "the Transfers button to go",
        Locator::Css("#nav-refunds[hidden]"),
    )
    .await?;

    // A cancelled sale has nothing to return: Rust's sentence on its detail.
    s.click("refunds-back").await?;
    s.wait_for_screen("keypad").await?;
    click_keys(&s, "999").await?;
    s.click("charge").await?;
    s.wait_for("a live QR code", Locator::Css(LIVE_QR)).await?;
    s.click("cancel-sale").await?;
    s.wait_for_result("Cancelled").await?;
    s.click("new-sale").await?;
    s.click("nav-today").await?;
    click_css(
        &s,
        "the cancelled sale in Today's list",
        "#today-list .sale-row[data-state='cancelled']",
    )
    .await?;
    s.wait_for(
        "the cancelled sale's detail",
        Locator::Css("#screen-detail:not([hidden])[data-loaded='true']"),
    )
    .await?;
    s.click("detail-return").await?;
    let unpaid = wait_notice(&s, "detail-error").await?;
    ensure(unpaid.contains("not paid"), || {
        format!("a cancelled sale's return says {unpaid:?}")
    })?;
    // Nothing was opened or written: no dialog.
    s.find("#return-dialog[hidden]").await?;
    s.screenshot("36-return-unpaid-refused.png").await?;

    // The Day screen: the running figures (X) with the sale, the return and the cancel.
    s.click("nav-day").await?;
    s.wait_for_screen("day").await?;
    let x = day_report(&s, "x").await?;
    let paper = s.all_text("day-paper").await?;
    for expected in ["200,00", "50,00", "150,00"] {
        ensure(x.contains(expected) && paper.contains(expected), || {
            format!("the X report lacks {expected:?}: {x} / paper {paper}")
        })?;
    }
    s.wait_text("day-net", "150,00").await?;
    s.screenshot("37-day-x.png").await?;
    s.click("day-print").await?;
    s.wait_until("the X printed", || async {
        Ok((s.printed().await? >= 3).then_some(()))
    })
    .await?;

    // Close day (Z): asked first, then the Z report with its number.
    s.click("day-close").await?;
    s.wait_for("the Z question", Locator::Css("#z-dialog:not([hidden])"))
        .await?;
    s.screenshot("38-close-day-question.png").await?;
    s.click("z-yes").await?;
    let z = day_report(&s, "z").await?;
    let z_number = s.attr("screen-day", "data-number").await?;
    ensure(z_number == "1", || {
        format!("the first Z is number {z_number:?}")
    })?;
    ensure(z.contains("Z report 1") && z.contains("150,00"), || {
        format!("the Z report reads {z}")
    })?;
    s.wait_text("day-zlist", "Z 1").await?;
    s.screenshot("39-day-z.png").await?;

    // The X after the Z starts a new period: nothing sold yet, the grand totals kept.
    s.click("day-show-x").await?;
    day_report(&s, "x").await?;
    let tiles = s.all_text("day-tiles").await?;
    ensure(tiles.starts_with("Sales0"), || {
        format!("the X after the Z still counts sales: {tiles}")
    })?;
    let grand = s.all_text("day-grand").await?;
    ensure(grand.contains("200,00") && grand.contains("150,00"), || {
        format!("the grand totals were reset by the Z: {grand}")
    })?;
    s.screenshot("40-day-x-after-z.png").await?;

    // The SAF-T Cash Register export of this month so far (the days the form starts with):
    // the file in the app's exports folder, valid against Skatteetaten's schema.
    s.click("saft-export").await?;
    let said = wait_notice(&s, "saft-note").await?;
    ensure(
        said.contains("Saved the SAF-T file as") && said.contains("1 Z report"),
        || format!("the export said {said:?}"),
    )?;
    let path = s.attr("saft-note", "data-path").await?;
    let lint = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(
            kassa_e2e::workspace_root()
                .join("crates/saft/data/Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd"),
        )
        .arg(&path)
        .output()
        .context("xmllint (scripts/setup-debian.sh installs it)")?;
    ensure(lint.status.success(), || {
        format!(
            "xmllint refused the window's export {path}: {}",
            String::from_utf8_lossy(&lint.stderr)
        )
    })?;
    s.client()?
        .execute(
            "document.getElementById('saft-note').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .context("cannot scroll to the export's note")?;
    s.screenshot("41-day-saft-export.png").await?;
    s.close().await
}

/// The books in Finnish (KASSA_LANG=fi): a paid sale's detail and the Day speak the
/// catalogue's words, dates and times as Finns write them; the long words fit.
#[tokio::test]
async fn the_books_in_finnish() -> Result<()> {
    let s = Session::start_with("the_books_in_finnish", None, &[("KASSA_LANG", "fi")]).await?;
    let keys = ready(&s).await?;
    click_keys(&s, "12000").await?;
    s.click(&keys[0]).await?;
    s.click("charge").await?;
    s.wait_for("a live QR code", Locator::Css(LIVE_QR)).await?;
    let payment_id = s.attr("qr", "data-payment-id").await?;
    let (base, _) = sandbox_from_authorization_url(&s.attr("qr", "data-authorization-url").await?)?;
    sandbox_decide(&base, &payment_id, "approve").await?;
    s.wait_for(
        "the receipt on the Paid screen",
        Locator::Css("#receipt-panel:not([hidden]) #receipt[data-number]"),
    )
    .await?;
    s.click("new-sale").await?;
    s.click("nav-today").await?;
    s.wait_for_screen("today").await?;
    s.wait_text("today-count", "1 maksettu myynti").await?;
    click_css(
        &s,
        "the paid sale in Today's list",
        "#today-list .sale-row[data-state='paid']",
    )
    .await?;
    s.wait_for(
        "the sale's detail",
        Locator::Css("#screen-detail:not([hidden])[data-loaded='true']"),
    )
    .await?;
    let detail = s.all_text("screen-detail").await?;
    for expected in [
        "Kuitti",
        "Maksutapa",
        "Pankkimaksu",
        "Maksuyritykset",
        "Palautettavissa",
    ] {
        ensure(detail.contains(expected), || {
            format!("the Finnish detail lacks {expected:?}: {detail}")
        })?;
    }
    s.screenshot("50-fi-sale-detail.png").await?;
    s.click("nav-day").await?;
    s.wait_for_screen("day").await?;
    let day = day_report(&s, "x").await?;
    for expected in [
        "Päivä",
        "Juoksevat luvut (X)",
        "ALV verokannoittain",
        "Sulje päivä (Z)",
    ] {
        ensure(day.contains(expected), || {
            format!("the Finnish Day lacks {expected:?}: {day}")
        })?;
    }
    s.screenshot("51-fi-day-x.png").await?;
    s.close().await
}
