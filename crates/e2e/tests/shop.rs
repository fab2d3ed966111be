//! The shop's sale side in the real window: a sale of two lines at two VAT rates paid by
//! bank through the built-in sandbox with its receipt on the Paid screen (number, lines, VAT
//! per rate, total, payment id; a second print is a COPY), and a cash sale with change.
//!
//! Run like the other window tests: `xvfb-run -a cargo test -p kassa-e2e -- --test-threads=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use fantoccini::Locator;
use kassa_e2e::{Context, Result, Session, ensure, sandbox_decide, sandbox_from_authorization_url};

const LIVE_QR: &str =
    "#screen-qr:not([hidden]) #qr:not([hidden])[data-payment-id]:not([data-payment-id='']) svg";

/// The keypad of a fresh app, with its VAT keys drawn from the shop's VAT table.
async fn ready(s: &Session) -> Result<Vec<(String, String)>> {
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
    let mut out = Vec::new();
    for key in keys {
        let id = key
            .attr("id")
            .await
            .context("VAT key id")?
            .unwrap_or_default();
        // textContent: WebKitWebDriver's visible text drops an ellipsised span.
        let label = key
            .find(Locator::Css("span"))
            .await
            .context("VAT key label")?
            .prop("textContent")
            .await
            .context("VAT key text")?
            .unwrap_or_default();
        let label = kassa_e2e::normalize(&label);
        out.push((id, label));
    }
    Ok(out)
}

async fn click_keys(s: &Session, keys: &[&str]) -> Result<()> {
    for key in keys {
        s.click(&format!("key-{key}")).await?;
    }
    Ok(())
}

#[tokio::test]
async fn two_vat_rates_paid_by_bank_with_receipt() -> Result<()> {
    let s = Session::start("two_vat_rates_paid_by_bank_with_receipt").await?;
    let keys = ready(&s).await?;
    ensure(keys.len() >= 2, || {
        format!("the keypad has fewer than two VAT keys: {keys:?}")
    })?;
    // The default rate's key and another one (a reduced or zero rate).
    let default = s.find("#vat-keys .vat-key[data-default='true']").await?;
    let default_id = default
        .attr("id")
        .await
        .context("default key id")?
        .unwrap_or_default();
    let (other_id, other_label) = keys
        .iter()
        .find(|(id, _)| *id != default_id)
        .cloned()
        .expect("two keys");
    let default_label = keys
        .iter()
        .find(|(id, _)| *id == default_id)
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    println!("VAT keys {keys:?}; default {default_label}, other {other_label}");

    // 120,00 at the other rate, then 80,00 at the default rate.
    click_keys(&s, &["1", "2", "0", "0", "0"]).await?;
    s.wait_for_amount("120,00").await?;
    s.click(&other_id).await?;
    s.wait_for_amount("0,00").await?;
    click_keys(&s, &["8", "0", "0", "0"]).await?;
    s.wait_for_amount("80,00").await?;
    s.click(&default_id).await?;
    s.wait_for_amount("0,00").await?;
    s.wait_until("two lines in the sale", || async {
        let n = s
            .client()?
            .find_all(Locator::Css("#cart-lines .cart-line"))
            .await
            .context("cannot list the lines")?
            .len();
        Ok((n == 2).then_some(()))
    })
    .await?;
    s.wait_text("cart-total", "200,00").await?;
    let vat = s.all_text("cart-vat").await?;
    ensure(vat.matches("VAT").count() == 2, || {
        format!("the sale shows VAT {vat:?}, not one row per rate")
    })?;
    let reference = s.find("#reference").await?;
    reference.click().await.context("cannot click #reference")?;
    reference
        .send_keys("SHOP1")
        .await
        .context("cannot type the reference")?;
    s.screenshot("20-cart-two-rates.png").await?;

    s.click("charge").await?;
    s.wait_for("a live QR code", Locator::Css(LIVE_QR)).await?;
    s.wait_text("qr-amount", "200,00").await?;
    let payment_id = s.attr("qr", "data-payment-id").await?;
    let link = s.attr("qr", "data-authorization-url").await?;
    let (base, id) = sandbox_from_authorization_url(&link)?;
    ensure(id == payment_id, || {
        format!("{link} is not for {payment_id}")
    })?;
    sandbox_decide(&base, &payment_id, "approve").await?;
    s.wait_for_result("Paid").await?;
    s.wait_for(
        "the receipt on the Paid screen",
        Locator::Css("#receipt-panel:not([hidden]) #receipt[data-number]"),
    )
    .await?;

    let number = s.attr("receipt", "data-number").await?;
    let receipt = s.all_text("receipt").await?;
    println!("receipt {number}: {receipt}");
    for expected in [
        format!("Receipt {number}"),
        "120,00".to_owned(),
        "80,00".to_owned(),
        "200,00".to_owned(),
        payment_id.clone(),
        "SHOP1".to_owned(),
    ] {
        ensure(receipt.contains(&expected), || {
            format!("the receipt lacks {expected:?}: {receipt}")
        })?;
    }
    // VAT per rate: both rates' percentages are on it.
    for label in [&default_label, &other_label] {
        let percent = label
            .split_whitespace()
            .rev()
            .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .unwrap_or_default()
            .to_owned();
        ensure(receipt.contains(&format!("{percent} %")), || {
            format!("the receipt has no VAT row for {label:?}: {receipt}")
        })?;
    }
    ensure(!receipt.contains("COPY"), || {
        format!("the first receipt is marked COPY: {receipt}")
    })?;
    s.screenshot("21-paid-receipt.png").await?;

    // Print twice through the system dialog: the second one is a COPY.
    s.stub_print().await?;
    s.click("receipt-print").await?;
    s.wait_until("the first print", || async {
        Ok((s.printed().await? == 1).then_some(()))
    })
    .await?;
    let first = s.all_text("print-area").await?;
    ensure(
        first.contains(&format!("Receipt {number}")) && !first.contains("COPY"),
        || format!("the first print reads {first:?}"),
    )?;
    s.click("receipt-print").await?;
    s.wait_until("the second print", || async {
        Ok((s.printed().await? == 2).then_some(()))
    })
    .await?;
    let second = s.wait_text("print-area", "COPY").await?;
    ensure(second.contains(&format!("Receipt {number}")), || {
        format!("the copy reads {second:?}")
    })?;
    // No network printer set up: the button says so and cannot be pressed.
    let printer = s.find("#receipt-printer").await?;
    ensure(
        !printer
            .is_enabled()
            .await
            .context("#receipt-printer enabled?")?,
        || "Printer is enabled without a printer set up".to_owned(),
    )?;
    let hint = s.all_text("receipt-printer-hint").await?;
    ensure(!hint.is_empty(), || "no hint why Printer is off".to_owned())?;
    // Save PDF: the file is written and the cashier is told where.
    s.click("receipt-pdf").await?;
    let note = s.wait_text("receipt-note", ".pdf").await?;
    println!("save pdf: {note}");
    s.screenshot("22-receipt-copy-and-pdf.png").await?;

    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;
    s.wait_for_amount("0,00").await?;
    s.close().await
}

#[tokio::test]
async fn cash_sale_with_change() -> Result<()> {
    let s = Session::start("cash_sale_with_change").await?;
    ready(&s).await?;

    // A plain amount and Cash: one line at the default rate.
    click_keys(&s, &["8", "7", "5", "0"]).await?;
    s.wait_for_amount("87,50").await?;
    s.wait_text("cart-total", "87,50").await?;
    s.click("pay-cash").await?;
    s.wait_for(
        "the cash dialog",
        Locator::Css("#cash-dialog:not([hidden])"),
    )
    .await?;
    s.wait_text("cash-due", "87,50").await?;
    // Too little first: refused, with the reason.
    let given = s.find("#cash-given").await?;
    given
        .send_keys("50")
        .await
        .context("typing the cash given")?;
    s.wait_until("the short-change message", || async {
        let error = s.all_text("cash-error").await?;
        Ok((!error.is_empty()).then_some(()))
    })
    .await?;
    let confirm = s.find("#cash-confirm").await?;
    ensure(
        !confirm
            .is_enabled()
            .await
            .context("#cash-confirm enabled?")?,
        || "Confirm cash is enabled with too little given".to_owned(),
    )?;
    given.clear().await.context("clearing the cash given")?;
    given
        .send_keys("100")
        .await
        .context("typing the cash given")?;
    s.wait_text("cash-change", "12,50").await?;
    s.screenshot("23-cash-change.png").await?;
    s.click("cash-confirm").await?;

    s.wait_for_result("Paid").await?;
    s.wait_text("result-change-amount", "12,50").await?;
    s.wait_for(
        "the cash receipt",
        Locator::Css("#receipt-panel:not([hidden]) #receipt[data-number]"),
    )
    .await?;
    let number = s.attr("receipt", "data-number").await?;
    let receipt = s.all_text("receipt").await?;
    println!("cash receipt {number}: {receipt}");
    for expected in [
        format!("Receipt {number}"),
        "87,50".into(),
        "100,00".into(),
        "12,50".into(),
    ] {
        ensure(receipt.contains(&expected), || {
            format!("the cash receipt lacks {expected:?}: {receipt}")
        })?;
    }
    s.screenshot("24-cash-paid-receipt.png").await?;

    // Today lists it, paid.
    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;
    s.click("nav-today").await?;
    s.wait_for_screen("today").await?;
    s.wait_for(
        "the cash sale, paid, in Today's list",
        Locator::Css("#today-list .sale-row[data-state='paid']"),
    )
    .await?;
    s.close().await
}

/// Clicks `#id` on the long settings form: scrolled to the middle first, clear of the
/// sticky Save bar.
async fn click_in_view(s: &Session, id: &str) -> Result<()> {
    s.client()?
        .execute(
            &format!("document.getElementById('{id}').scrollIntoView({{ block: 'center' }}); return true;"),
            vec![],
        )
        .await
        .context(format!("cannot scroll to #{id}"))?;
    s.click(id).await
}

/// Settings → Shop: a wrong organisation number is refused at its field; the merchant
/// profile and a quick item saved; the quick item then sells by card with the shop's name on
/// the receipt.
#[tokio::test]
async fn shop_settings_then_a_quick_item_by_card() -> Result<()> {
    let s = Session::start("shop_settings_then_a_quick_item_by_card").await?;
    ready(&s).await?;
    s.click("nav-settings").await?;
    s.wait_for_screen("settings").await?;
    s.wait_for("the shop's VAT rows", Locator::Css("#set-vat-rows .row"))
        .await?;

    // WebKitWebDriver cannot pick an <option>: set it as a pick would, with its events.
    s.client()?
        .execute(
            "const c = document.getElementById('set-country'); c.value = 'DK'; \
             c.dispatchEvent(new Event('change', { bubbles: true })); return c.value;",
            vec![],
        )
        .await
        .context("choosing the country")?;
    s.type_into("set-legal-name", "Fjord Kaffe ApS").await?;
    s.type_into("set-org-number", "10150818").await?;
    s.type_into("set-address", "Storgade 1").await?;
    s.type_into("set-postcode", "2100").await?;
    s.type_into("set-city", "København Ø").await?;
    s.type_into("set-till-name", "Kasse 1").await?;
    click_in_view(&s, "set-quick-add").await?;
    let row = s.find("#set-quick-rows .row").await?;
    let name = row
        .find(Locator::Css("[data-part='name']"))
        .await
        .context("the item's name field")?;
    name.send_keys("Kaffe").await.context("typing the item")?;
    let price = row
        .find(Locator::Css("[data-part='price']"))
        .await
        .context("the item's price field")?;
    price.send_keys("35,00").await.context("typing the price")?;

    // The wrong check digit is said at the field, and nothing is saved.
    s.click("settings-save").await?;
    let error = s
        .wait_for(
            "the organisation number's error",
            Locator::Css("[data-error-for='profile.orgNumber']:not([hidden])"),
        )
        .await?;
    let text = kassa_e2e::normalize(&error.text().await.context("reading the error")?);
    println!("org number refused: {text}");
    ensure(
        text.contains("10150818") || text.contains("check digit"),
        || format!("the org number error reads {text:?}"),
    )?;
    s.screenshot("25-shop-settings-error.png").await?;

    s.type_into("set-org-number", "10150817").await?;
    s.click("settings-save").await?;
    s.wait_until("the settings saved", || async {
        let t = s.all_text("connect-result").await?;
        Ok(t.contains("Saved").then_some(()))
    })
    .await?;
    s.click("settings-back").await?;
    s.wait_for_screen("keypad").await?;

    // The quick item, twice, sold by card with the terminal's reference.
    s.click("quick-0").await?;
    s.click("quick-0").await?;
    s.wait_text("cart-total", "70,00").await?;
    s.wait_text("cart-lines", "2 × 35,00").await?;
    s.click("pay-card").await?;
    s.wait_for(
        "the card dialog",
        Locator::Css("#card-dialog:not([hidden])"),
    )
    .await?;
    s.wait_text("card-due", "70,00").await?;
    s.type_into("card-reference", "T-4711").await?;
    s.screenshot("26-card-dialog.png").await?;
    s.click("card-confirm").await?;
    s.wait_for_result("Paid").await?;
    s.wait_for(
        "the card receipt",
        Locator::Css("#receipt-panel:not([hidden]) #receipt[data-number]"),
    )
    .await?;
    let receipt = s.all_text("receipt").await?;
    for expected in [
        "Fjord Kaffe ApS",
        "10150817",
        "Kaffe",
        "2 × 35,00",
        "70,00",
        "T-4711",
    ] {
        ensure(receipt.contains(expected), || {
            format!("the card receipt lacks {expected:?}: {receipt}")
        })?;
    }
    s.screenshot("27-card-paid-receipt.png").await?;
    s.close().await
}
