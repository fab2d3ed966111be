//! The settings screen in the real window: a field error said at the field, "Connect bank
//! account" through the built-in sandbox's Connect flow (the test plays the browser),
//! "Test connection", and a sale that then pays into the connected account.
//!
//! Run like the other window tests: `xvfb-run -a cargo test -p kassa-e2e -- --test-threads=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use fantoccini::Locator;
use kassa_e2e::{Context, Result, Session, ensure, sandbox_decide, sandbox_from_authorization_url};
use serde_json::Value;

const LIVE_QR: &str =
    "#screen-qr:not([hidden]) #qr:not([hidden])[data-payment-id]:not([data-payment-id='']) svg";

async fn value_of(s: &Session, css: &str) -> Result<String> {
    let e = s.find(css).await?;
    Ok(e.prop("value")
        .await
        .context(format!("cannot read {css}"))?
        .unwrap_or_default())
}

async fn type_into(s: &Session, css: &str, text: &str) -> Result<()> {
    let e = s.find(css).await?;
    e.clear().await.context(format!("cannot clear {css}"))?;
    if !text.is_empty() {
        e.send_keys(text)
            .await
            .context(format!("cannot type into {css}"))?;
    }
    Ok(())
}

/// The merchant in the browser: open the address, tick both accounts (Kassa then asks which).
async fn walk_connect_flow(url: &str) -> Result<String> {
    let browser = reqwest::Client::new();
    let picker = browser
        .get(url)
        .send()
        .await
        .context(format!("GET {url}"))?;
    let picker_url = picker.url().clone();
    let html = picker.text().await.context("reading the picker")?;
    ensure(html.contains("sandbox-savings"), || {
        format!("the picker offers no savings account: {html}")
    })?;
    let back = browser
        .post(picker_url)
        .form(&[
            ("action", "connect"),
            ("account", "sandbox-destination"),
            ("account", "sandbox-savings"),
        ])
        .send()
        .await
        .context("choosing the accounts")?;
    back.text().await.context("reading Kassa's answer page")
}

#[tokio::test]
async fn settings_connect_bank_account_and_test_connection() -> Result<()> {
    let s = Session::start("settings_connect_bank_account_and_test_connection").await?;
    s.wait_for_screen("keypad").await?;
    s.wait_for(
        "the Sandbox badge",
        Locator::Css("#mode-badge:not([hidden])"),
    )
    .await?;

    s.click("nav-settings").await?;
    s.wait_for_screen("settings").await?;
    s.wait_until("the mode line", || async {
        let t = s.text("settings-mode").await?;
        Ok(t.contains("built-in sandbox").then_some(()))
    })
    .await?;
    let none = s.text("set-destination-name").await?;
    ensure(none == "No account connected yet", || {
        format!("the destination line reads {none:?}")
    })?;
    // The custom-address option says plainly what it risks, and is off.
    let custom = s
        .find("label[for='set-custom-api']")
        .await?
        .text()
        .await
        .context("cannot read the custom-address label")?;
    ensure(
        custom.contains("Custom API address (for testing; money could go elsewhere)"),
        || format!("the custom-address option reads {custom:?}"),
    )?;
    s.screenshot("08-settings.png").await?;

    // A Client ID without a secret: refused at the secret field, nothing saved.
    type_into(&s, "#set-client-id", "merchant-1").await?;
    s.click("settings-save").await?;
    let err = s
        .wait_for(
            "the Client Secret field's error",
            Locator::Css("[data-error-for='clientSecret']:not([hidden])"),
        )
        .await?;
    let text = err.text().await.context("reading the field error")?;
    ensure(text.contains("Enter the Client Secret"), || {
        format!("the field error reads {text:?}")
    })?;
    // (The counter's first start keeps the names of the shop's defaults in settings.json;
    // nothing of the refused form may be there.)
    let file = std::fs::read_to_string(s.data_dir().join("settings.json")).unwrap_or_default();
    ensure(!file.contains("merchant-1"), || {
        format!("a refused form was saved: {file}")
    })?;
    type_into(&s, "#set-client-id", "").await?;

    // A webhook address without a port: said at that field.
    type_into(&s, "#set-webhook-bind", "8787").await?;
    s.click("settings-save").await?;
    s.wait_for(
        "the webhook address error",
        Locator::Css("[data-error-for='webhookBind']:not([hidden])"),
    )
    .await?;
    type_into(&s, "#set-webhook-bind", "").await?;

    // Connect bank account: the address shows (no browser here); the test walks it.
    s.click("connect-bank").await?;
    s.wait_for(
        "the connect address",
        Locator::Css("#connect-link:not([hidden])"),
    )
    .await?;
    let url = s.text("connect-url").await?;
    ensure(
        url.contains("/v1/oauth/connect?") && url.contains("payments%3Ainbound"),
        || format!("unexpected connect address {url:?}"),
    )?;
    s.screenshot("09-settings-connecting.png").await?;
    let page = walk_connect_flow(&url).await?;
    ensure(page.contains("2 accounts were found"), || {
        format!("Kassa's answer page reads {page}")
    })?;

    // Back in Kassa: pick the savings account, its name is shown, then confirm.
    s.wait_for(
        "the accounts to pick from",
        Locator::Css("#connect-pick:not([hidden])"),
    )
    .await?;
    s.find("#connect-accounts input[value='sandbox-savings']")
        .await?
        .click()
        .await
        .context("picking the savings account")?;
    let confirm = s.text("connect-confirm-text").await?;
    ensure(
        confirm == "Payments will go to Sandbox Bank · Savings account (sandbox-savings).",
        || format!("the confirmation reads {confirm:?}"),
    )?;
    ensure(value_of(&s, "#set-destination").await?.is_empty(), || {
        "nothing is filled in before the merchant confirms".to_owned()
    })?;
    s.screenshot("09b-settings-connect-pick.png").await?;
    s.click("connect-confirm").await?;

    s.wait_until("the connected destination in the form", || async {
        let v = value_of(&s, "#set-destination").await?;
        Ok((v == "sandbox-savings").then_some(()))
    })
    .await?;
    s.wait_until("the saved notice", || async {
        let t = s.text("connect-result").await?;
        Ok(t.contains("Saved").then_some(t))
    })
    .await
    .and_then(|t| {
        ensure(
            t.contains("Connected: Sandbox Bank · Savings account"),
            || format!("the notice reads {t:?}"),
        )
    })?;
    let name = s.text("set-destination-name").await?;
    ensure(name == "Sandbox Bank · Savings account", || {
        format!("the destination line reads {name:?}")
    })?;
    let saved = std::fs::read_to_string(s.data_dir().join("settings.json"))
        .context("reading settings.json")?;
    let saved: Value = serde_json::from_str(&saved).context("settings.json is JSON")?;
    ensure(saved["destinationId"] == "sandbox-savings", || {
        format!("settings.json holds {saved}")
    })?;

    // Test connection: every check passes against the sandbox.
    s.click("settings-test").await?;
    s.wait_for(
        "the destination check",
        Locator::Css("#settings-checks:not([hidden]) li[data-name='destination']"),
    )
    .await?;
    let checks = s
        .client()?
        .find_all(Locator::Css("#settings-checks li"))
        .await
        .context("listing the checks")?;
    let mut failed = Vec::new();
    for c in &checks {
        if c.attr("data-ok").await.context("data-ok")?.as_deref() != Some("true") {
            failed.push(c.text().await.unwrap_or_default());
        }
    }
    ensure(checks.len() == 4 && failed.is_empty(), || {
        format!("{} checks, failed: {failed:?}", checks.len())
    })?;
    s.screenshot("10-settings-connected.png").await?;

    // A sale now pays into the connected account.
    s.click("settings-back").await?;
    s.wait_for_screen("keypad").await?;
    for key in ["1", "0", "0"] {
        s.click(&format!("key-{key}")).await?;
    }
    s.wait_for_amount("1,00").await?;
    s.click("charge").await?;
    s.wait_for("a live QR code", Locator::Css(LIVE_QR)).await?;
    let link = s.text("qr-link-url").await?;
    let (base, payment_id) = sandbox_from_authorization_url(&link)?;
    let payment = sandbox_decide(&base, &payment_id, "approve").await?;
    ensure(payment["destinationId"] == "sandbox-savings", || {
        format!("the payment went to {}", payment["destinationId"])
    })?;
    s.wait_for_result("Paid").await?;

    s.close().await
}
