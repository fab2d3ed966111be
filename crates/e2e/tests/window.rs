//! The Kassa window driven end to end through tauri-driver: keypad, QR, the built-in Aiia
//! sandbox's bank decision, the result and Today screens.
//!
//! Needs the built app (`cargo build -p kassa-app`), tauri-driver 2.x, WebKitWebDriver and a
//! display. Run serially: `xvfb-run -a cargo test -p kassa-e2e -- --test-threads=1`
//! (`scripts/test.sh` does this under a private session bus and X server).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use fantoccini::Locator;
use fantoccini::key::Key;
use kassa_e2e::{Context, Result, Session, ensure, sandbox_decide, sandbox_from_authorization_url};

/// The visible QR screen with a live code: payment id set and an inline svg drawn.
const LIVE_QR: &str =
    "#screen-qr:not([hidden]) #qr:not([hidden])[data-payment-id]:not([data-payment-id='']) svg";

/// Waits for the keypad screen and the Sandbox badge of a freshly started app.
async fn ready(s: &Session) -> Result<()> {
    s.wait_for_screen("keypad").await?;
    let badge = s
        .wait_for(
            "the Sandbox badge",
            Locator::Css("#mode-badge:not([hidden])"),
        )
        .await?;
    let text = badge.text().await.context("cannot read #mode-badge")?;
    ensure(text.trim() == "Sandbox", || {
        format!("#mode-badge reads {text:?}, not \"Sandbox\"")
    })?;
    ensure(
        badge
            .is_displayed()
            .await
            .context("#mode-badge displayed?")?,
        || "#mode-badge is not displayed".to_owned(),
    )?;
    // A fresh journal: the keypad starts empty, with Charge disabled.
    s.wait_for_amount("0,00").await?;
    let charge = s.find("#charge").await?;
    ensure(
        !charge.is_enabled().await.context("#charge enabled?")?,
        || "Charge is enabled with a zero amount".to_owned(),
    )?;
    Ok(())
}

async fn click_keys(s: &Session, keys: &[&str]) -> Result<()> {
    for key in keys {
        s.click(&format!("key-{key}")).await?;
    }
    Ok(())
}

/// Clicks Charge (or lets `charge` do it) and waits for a live QR code; returns the elapsed
/// milliseconds and the (sandbox base URL, payment id).
async fn wait_for_qr(s: &Session, started: Instant) -> Result<(u128, String, String)> {
    s.wait_for("a live QR code on the QR screen", Locator::Css(LIVE_QR))
        .await?;
    let elapsed = started.elapsed().as_millis();
    let qr = s.find("#qr").await?;
    ensure(qr.is_displayed().await.context("#qr displayed?")?, || {
        "#qr is not displayed".to_owned()
    })?;
    let payment_id = s.attr("qr", "data-payment-id").await?;
    let link = s.attr("qr", "data-authorization-url").await?;
    let (base, id) = sandbox_from_authorization_url(&link)?;
    ensure(id == payment_id, || {
        format!("data-authorization-url {link:?} is not for data-payment-id {payment_id:?}")
    })?;
    let countdown = s.text("qr-countdown").await?;
    ensure(countdown.contains("New code in"), || {
        format!("#qr-countdown reads {countdown:?} while a code is shown")
    })?;
    Ok((elapsed, base, payment_id))
}

async fn assert_text_contains(s: &Session, id: &str, expected: &str) -> Result<()> {
    let text = s.text(id).await?;
    ensure(text.contains(expected), || {
        format!("#{id} reads {text:?}, expected it to contain {expected:?}")
    })
}

#[tokio::test]
async fn sale_paid_end_to_end() -> Result<()> {
    let s = Session::start("sale_paid_end_to_end").await?;
    ready(&s).await?;

    click_keys(&s, &["1", "2", "5", "0"]).await?;
    s.wait_for_amount("12,50").await?;
    assert_text_contains(&s, "amount", "12,50 kr").await?;

    let reference = s.find("#reference").await?;
    reference.click().await.context("cannot click #reference")?;
    reference
        .send_keys("E2E1")
        .await
        .context("cannot type into #reference")?;
    let value = reference
        .prop("value")
        .await
        .context("cannot read #reference")?;
    ensure(value.as_deref() == Some("E2E1"), || {
        format!("#reference holds {value:?}")
    })?;
    // Typing into the reference must not change the amount.
    assert_text_contains(&s, "amount", "12,50").await?;
    let charge = s.find("#charge").await?;
    ensure(
        charge.is_enabled().await.context("#charge enabled?")?,
        || "Charge is disabled with 12,50 entered".to_owned(),
    )?;
    s.screenshot("01-keypad.png").await?;

    let started = Instant::now();
    s.click("charge").await?;
    let (charge_to_qr_ms, base, payment_id) = wait_for_qr(&s, started).await?;
    println!("charge_to_qr_ms={charge_to_qr_ms}");
    assert_text_contains(&s, "qr-amount", "12,50").await?;
    assert_text_contains(&s, "qr-reference", "E2E1").await?;
    s.screenshot("02-qr.png").await?;

    // The customer opens the code in their bank: the code leaves the screen (no second
    // payable code while they approve) and the screen says so.
    let page = reqwest::get(format!("{base}/sandbox/authorize/{payment_id}"))
        .await
        .context("opening the sandbox bank page")?;
    ensure(page.status() == reqwest::StatusCode::OK, || {
        format!("the bank page answered {}", page.status())
    })?;
    s.wait_until("the in-bank screen", || async {
        let text = s.text("qr-pending-text").await?;
        let hidden = s.attr("qr", "hidden").await.unwrap_or_default();
        Ok((text == "Approving in the bank…" && !hidden.is_empty()).then_some(()))
    })
    .await?;
    assert_text_contains(&s, "sale-status", "Approving in the bank").await?;
    s.screenshot("02b-in-bank.png").await?;

    let started = Instant::now();
    let payment = sandbox_decide(&base, &payment_id, "approve").await?;
    println!("sandbox approve reply: {payment}");
    s.wait_for_result("Paid").await?;
    let approve_to_paid_ms = started.elapsed().as_millis();
    println!("approve_to_paid_ms={approve_to_paid_ms}");
    s.wait_for_screen("result").await?;
    assert_text_contains(&s, "result-amount", "12,50").await?;
    s.screenshot("03-paid.png").await?;

    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;
    s.wait_for_amount("0,00").await?;
    s.click("nav-today").await?;
    s.wait_for_screen("today").await?;
    let row = s
        .wait_for(
            "a paid sale in Today's list",
            Locator::Css("#today-list .sale-row[data-state='paid']"),
        )
        .await?;
    let rows = s
        .client()?
        .find_all(Locator::Css("#today-list .sale-row"))
        .await
        .context("cannot list the sales")?;
    ensure(rows.len() == 1, || {
        format!("Today lists {} sales after one sale", rows.len())
    })?;
    let sale_id = row
        .attr("data-sale-id")
        .await
        .context("cannot read data-sale-id")?;
    ensure(sale_id.is_some_and(|id| !id.is_empty()), || {
        "the sale row has no data-sale-id".to_owned()
    })?;
    // textContent, not the WebDriver text: WebKitWebDriver's visible-text algorithm drops the
    // reference (a nowrap/ellipsis span in a flex column) although it is on screen.
    let row_text = row
        .prop("textContent")
        .await
        .context("cannot read the sale row")?;
    let row_text = kassa_e2e::normalize(&row_text.unwrap_or_default());
    if !(row_text.contains("12,50") && row_text.contains("E2E1")) {
        let html = row.html(false).await.context("cannot read the sale row")?;
        return Err(s
            .failure(format!(
                "the paid row reads {row_text:?}, expected 12,50 and E2E1; html: {html}"
            ))
            .await);
    }
    assert_text_contains(&s, "today-total", "12,50").await?;
    s.screenshot("04-today.png").await?;

    s.close().await
}

#[tokio::test]
async fn keyboard_entry_and_cancel() -> Result<()> {
    let s = Session::start("keyboard_entry_and_cancel").await?;
    ready(&s).await?;

    // Physical keys go to the amount only while the reference field is not focused.
    let focus = s
        .client()?
        .execute(
            "return document.activeElement ? document.activeElement.id : ''",
            vec![],
        )
        .await
        .context("cannot read the focused element")?;
    ensure(focus.as_str() != Some("reference"), || {
        "the reference field has the focus".to_owned()
    })?;
    s.press_keys("700").await?;
    s.wait_for_amount("7,00").await?;
    let reference = s.find("#reference").await?;
    let value = reference
        .prop("value")
        .await
        .context("cannot read #reference")?;
    ensure(value.as_deref().unwrap_or_default().is_empty(), || {
        format!("the digits went into the reference field: {value:?}")
    })?;

    let started = Instant::now();
    s.press_keys(&char::from(Key::Enter).to_string()).await?;
    let (charge_to_qr_ms, _, _) = wait_for_qr(&s, started).await?;
    println!("keyboard charge_to_qr_ms={charge_to_qr_ms}");
    assert_text_contains(&s, "qr-amount", "7,00").await?;

    s.click("cancel-sale").await?;
    s.wait_for_result("Cancelled").await?;
    s.wait_for_screen("result").await?;
    assert_text_contains(&s, "result-amount", "7,00").await?;
    s.screenshot("05-cancelled.png").await?;

    s.close().await
}

#[tokio::test]
async fn declined_in_the_bank() -> Result<()> {
    let s = Session::start("declined_in_the_bank").await?;
    ready(&s).await?;

    click_keys(&s, &["1", "0", "0"]).await?;
    s.wait_for_amount("1,00").await?;
    let started = Instant::now();
    s.click("charge").await?;
    let (_, base, payment_id) = wait_for_qr(&s, started).await?;
    assert_text_contains(&s, "qr-amount", "1,00").await?;

    sandbox_decide(&base, &payment_id, "reject").await?;
    s.wait_for_result("Declined").await?;
    s.wait_for_screen("result").await?;
    assert_text_contains(&s, "result-amount", "1,00").await?;
    s.screenshot("06-declined.png").await?;

    // The journal records it as failed.
    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;
    s.click("nav-today").await?;
    s.wait_for_screen("today").await?;
    s.wait_for(
        "a failed sale in Today's list",
        Locator::Css("#today-list .sale-row[data-state='failed']"),
    )
    .await?;

    s.close().await
}

/// The status the sandbox holds for a payment (`GET /v2/payments/accept/{id}`).
async fn sandbox_status(base: &str, payment_id: &str) -> Result<String> {
    let url = format!("{base}/v2/payments/accept/{payment_id}");
    let reply: serde_json::Value = reqwest::Client::new()
        .get(&url)
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .send()
        .await
        .context(format!("GET {url}"))?
        .json()
        .await
        .context(format!("GET {url} did not answer JSON"))?;
    // The sandbox answers Aiia's object shape (`status.code`); the flat one has a string.
    let status = &reply["status"];
    let code = status["code"].as_str().or_else(|| status.as_str());
    ensure(code.is_some(), || {
        format!("GET {url} named no status: {reply}")
    })?;
    Ok(code.unwrap_or_default().to_owned())
}

/// A sale left open gets a new, live code before the first one's minute is up, and at no
/// moment does the window show a code the sandbox already considers expired.
#[tokio::test]
async fn an_open_sale_keeps_a_live_code() -> Result<()> {
    let s = Session::start("an_open_sale_keeps_a_live_code").await?;
    ready(&s).await?;
    click_keys(&s, &["5", "0", "0"]).await?;
    s.wait_for_amount("5,00").await?;
    s.click("charge").await?;
    let (_, base, first) = wait_for_qr(&s, Instant::now()).await?;

    let shown_js =
        "const q = document.querySelector(\"#screen-qr:not([hidden]) #qr:not([hidden])\");
                    return q && q.querySelector('svg') ? (q.dataset.paymentId || '') : '';";
    let started = Instant::now();
    let mut codes = vec![first.clone()];
    let mut checks = 0;
    while codes.len() < 2 {
        ensure(
            started.elapsed() < std::time::Duration::from_secs(75),
            || {
                format!(
                    "no new code after {} s; codes seen: {codes:?}",
                    started.elapsed().as_secs()
                )
            },
        )?;
        let shown = s
            .client()?
            .execute(shown_js, vec![])
            .await
            .context("cannot read the shown code")?;
        let shown = shown.as_str().unwrap_or_default().to_owned();
        if !shown.is_empty() {
            let status = sandbox_status(&base, &shown).await?;
            checks += 1;
            ensure(status != "Expired", || {
                format!("the window shows code {shown}, which the sandbox says is Expired")
            })?;
            if !codes.contains(&shown) {
                codes.push(shown);
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    println!(
        "new_code_after_s={} live_checks={checks}",
        started.elapsed().as_secs()
    );
    let countdown = s.text("qr-countdown").await?;
    ensure(countdown.contains("New code in"), || {
        format!("#qr-countdown reads {countdown:?}")
    })?;
    s.screenshot("07-new-code.png").await?;
    // The replaced code stays valid until its own minute is up: the customer may still use it.
    let first_status = sandbox_status(&base, &first).await?;
    ensure(first_status == "Initiated", || {
        format!("the replaced code is {first_status}")
    })?;

    // The customer pays with the new code, and then (a second phone, an old screenshot) with
    // the replaced one too: the sale is paid once and the extra payment is flagged, with its
    // payment id and amount, for a refund.
    let second = codes[1].clone();
    sandbox_decide(&base, &second, "approve").await?;
    s.wait_for_result("Paid").await?;
    sandbox_decide(&base, &first, "approve").await?;
    let banner = s
        .wait_for(
            "the needs-attention banner",
            Locator::Css("#attention-banner:not([hidden]) .attention-item"),
        )
        .await?;
    let text = kassa_e2e::normalize(&banner.text().await.context("reading the banner")?);
    ensure(
        text.contains(&format!("refund 5,00 kr. (payment {first})")),
        || format!("the banner reads {text:?}"),
    )?;
    s.screenshot("11-needs-attention.png").await?;
    s.click("new-sale").await?;
    s.click("nav-today").await?;
    s.wait_for(
        "the flagged sale in Today's list",
        Locator::Css("#today-list .sale-row.attention-row"),
    )
    .await?;

    // A restart does not hide it: the banner comes back from the journal.
    let dir = s.crash()?;
    let s = Session::start_with("an_open_sale_keeps_a_live_code_restarted", Some(dir), &[]).await?;
    let banner = s
        .wait_for(
            "the needs-attention banner after a restart",
            Locator::Css("#attention-banner:not([hidden]) .attention-item"),
        )
        .await?;
    let text = kassa_e2e::normalize(&banner.text().await.context("reading the banner")?);
    ensure(text.contains(&format!("(payment {first})")), || {
        format!("after the restart the banner reads {text:?}")
    })?;
    // Paid back by a bank transfer: the banner leads to it; once the merchant marks it
    // sent, the flag is gone for good (the journal says so too).
    s.click("attention-banner .attention-transfer").await?;
    s.wait_for_screen("refunds").await?;
    let row = s
        .wait_for(
            "the double payment's transfer, open and pointed at",
            Locator::Css("#refunds-list .refund-row.refund-focus[data-state='open']"),
        )
        .await?;
    let row_text = kassa_e2e::normalize(&row.text().await.context("reading the transfer")?);
    ensure(
        row_text.contains(&first) && row_text.contains("5,00"),
        || format!("the transfer reads {row_text:?}"),
    )?;
    s.screenshot("11b-double-payment-transfer.png").await?;
    s.wait_for(
        "Mark as sent",
        Locator::Css("#refunds-list .refund-focus .refund-mark"),
    )
    .await?
    .click()
    .await
    .context("cannot click Mark as sent")?;
    s.wait_for(
        "the note",
        Locator::Css("#refunds-list .refund-focus .refund-note"),
    )
    .await?
    .send_keys("online bank")
    .await
    .context("cannot type the note")?;
    s.wait_for(
        "the question",
        Locator::Css("#refunds-list .refund-focus .refund-yes"),
    )
    .await?
    .click()
    .await
    .context("cannot confirm the transfer")?;
    s.wait_for(
        "the transfer marked sent",
        Locator::Css("#refunds-list .refund-row[data-state='sent']"),
    )
    .await?;
    s.wait_until("the banner to go", || async {
        Ok(s.find("#attention-banner")
            .await?
            .attr("hidden")
            .await
            .context("reading #attention-banner[hidden]")?
            .map(|_| ()))
    })
    .await?;
    let dir = s.crash()?;
    let s = Session::start_with("an_open_sale_keeps_a_live_code_refunded", Some(dir), &[]).await?;
    s.wait_for_screen("keypad").await?;
    s.click("nav-today").await?;
    s.wait_for(
        "the refunded sale, paid, in Today's list",
        Locator::Css("#today-list .sale-row[data-state='paid']"),
    )
    .await?;
    let banner_hidden = s
        .find("#attention-banner")
        .await?
        .attr("hidden")
        .await
        .context("reading #attention-banner[hidden]")?;
    ensure(banner_hidden.is_some(), || {
        "the refunded payment is back on the banner after a restart".to_owned()
    })?;
    s.close().await
}

/// The app is killed (SIGKILL) while a customer is looking at the code; the payment service
/// carries on. After the restart the open sale is back on screen by itself and is paid.
#[tokio::test]
async fn an_open_sale_survives_a_crash_of_the_app() -> Result<()> {
    let service = kassa_sandbox::Sandbox::new(kassa_sandbox::SandboxConfig::default())
        .bind("127.0.0.1:0".parse().expect("an address"))
        .await
        .context("cannot start the sandbox")?;
    let api = service.base_url().to_owned();
    let env = [("KASSA_API_URL", api.as_str())];

    let s = Session::start_with("crash_before_restart", None, &env).await?;
    ready(&s).await?;
    click_keys(&s, &["4", "2", "0"]).await?;
    s.wait_for_amount("4,20").await?;
    s.click("charge").await?;
    let (_, _, before) = wait_for_qr(&s, Instant::now()).await?;
    let dir = s.crash()?;

    let s = Session::start_with("crash_after_restart", Some(dir), &env).await?;
    let (_, base, shown) = wait_for_qr(&s, Instant::now()).await?;
    ensure(base == api, || {
        format!("the code points at {base}, not {api}")
    })?;
    assert_text_contains(&s, "qr-amount", "4,20").await?;
    s.screenshot("12-resumed-after-crash.png").await?;
    println!("code before the crash {before}, after the restart {shown}");
    sandbox_decide(&base, &shown, "approve").await?;
    s.wait_for_result("Paid").await?;
    s.click("new-sale").await?;
    s.click("nav-today").await?;
    s.wait_for(
        "the resumed sale, paid, in Today's list",
        Locator::Css("#today-list .sale-row[data-state='paid']"),
    )
    .await?;
    let rows = s
        .client()?
        .find_all(Locator::Css("#today-list .sale-row"))
        .await
        .context("cannot list the sales")?;
    ensure(rows.len() == 1, || {
        format!(
            "Today lists {} sales after one sale and a crash",
            rows.len()
        )
    })?;
    let payments = service.sandbox().payments();
    let executed = payments
        .iter()
        .filter(|p| p.status == kassa_sandbox::PaymentStatus::Executed)
        .count();
    ensure(executed == 1, || {
        format!("{executed} executed payments for one sale")
    })?;
    s.close().await
}
