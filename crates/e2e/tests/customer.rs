//! The customer display (issue 13): a second window that follows the cashier's through a
//! pay-by-bank sale on the built-in sandbox, in the customer's language, and never shows a
//! code the cashier's screen has taken down; and the pane in the cashier's own window.
//!
//! Needs the built app (`cargo build -p kassa-app`), tauri-driver 2.x, WebKitWebDriver and a
//! display; run serially (see `tests/window.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::wd::WindowHandle;
use kassa_e2e::{Context, Result, Session, ensure, sandbox_decide, sandbox_from_authorization_url};
use serde_json::Value;

/// The cashier's live code (as `tests/window.rs` reads it).
const CASHIER_QR: &str =
    "#screen-qr:not([hidden]) #qr:not([hidden])[data-payment-id]:not([data-payment-id='']) svg";

/// Records, in the window it runs in, every change of the code on screen (`''` for none)
/// with the time it happened: `window.__codes = [{ id, at }]`.
const RECORDER: &str = r#"
    const sel = arguments[0];
    window.__codes = [];
    const rec = () => {
      const q = document.querySelector(sel);
      const id = q && !q.hidden && q.querySelector('svg') ? (q.dataset.paymentId || '') : '';
      const last = window.__codes[window.__codes.length - 1];
      if (!last || last.id !== id) window.__codes.push({ id, at: Date.now() });
    };
    new MutationObserver(rec).observe(document.body, { subtree: true, childList: true, attributes: true });
    rec();
    return true;
"#;

/// What the customer window shows, for failure messages and checks.
const CUSTOMER_STATE: &str = r#"
    const c = document.getElementById('customer') || document.getElementById('customer-pane-view');
    const q = c.querySelector('.cust-qr');
    return JSON.stringify({
      phase: c.dataset.phase, lang: c.lang,
      headline: c.querySelector('.cust-headline').textContent,
      amount: c.querySelector('.cust-amount').textContent,
      lines: [...c.querySelectorAll('.cust-line')].map(l => l.textContent),
      qr: q.hidden ? '' : (q.dataset.paymentId || ''),
      svg: q.hidden ? '' : q.innerHTML,
      url: q.dataset.authorizationUrl || '',
      receipt: c.querySelector('.cust-receipt-fit').dataset.number || '',
      text: c.textContent,
    });
"#;

#[derive(Debug, Clone)]
struct Shown {
    phase: String,
    lang: String,
    headline: String,
    amount: String,
    lines: Vec<String>,
    qr: String,
    svg: String,
    url: String,
    receipt: String,
    text: String,
}

async fn customer_state(s: &Session) -> Result<Shown> {
    let v = s
        .client()?
        .execute(CUSTOMER_STATE, vec![])
        .await
        .context("cannot read the customer screen")?;
    let text = v.as_str().unwrap_or_default();
    let v: Value =
        serde_json::from_str(text).context(format!("the customer screen read {text:?}"))?;
    let field = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    Ok(Shown {
        phase: field("phase"),
        lang: field("lang"),
        headline: field("headline"),
        amount: kassa_e2e::normalize(&field("amount")),
        lines: v["lines"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|l| l.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default(),
        qr: field("qr"),
        svg: field("svg"),
        url: field("url"),
        receipt: field("receipt"),
        text: kassa_e2e::normalize(&field("text")),
    })
}

/// Waits until the customer screen (in the current window) satisfies `check`.
async fn wait_customer(s: &Session, what: &str, check: impl Fn(&Shown) -> bool) -> Result<Shown> {
    let last = std::cell::RefCell::new(None);
    let found = s
        .wait_until(what, || {
            let last = &last;
            let check = &check;
            async move {
                let shown = customer_state(s).await?;
                let ok = check(&shown);
                *last.borrow_mut() = Some(shown.clone());
                Ok(ok.then_some(shown))
            }
        })
        .await;
    found.map_err(|e| kassa_e2e::Error::new(format!("{e}\ncustomer screen: {:?}", last.borrow())))
}

async fn switch(s: &Session, to: &WindowHandle) -> Result<()> {
    s.client()?
        .switch_to_window(to.clone())
        .await
        .context("cannot switch windows")
}

async fn codes(s: &Session) -> Result<Vec<(String, i64)>> {
    let v = s
        .client()?
        .execute("return window.__codes || [];", vec![])
        .await
        .context("cannot read the recorded codes")?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    (
                        c["id"].as_str().unwrap_or_default().to_owned(),
                        c["at"].as_i64().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default())
}

/// When `id` left the screen for the last time, per a recording (`None`: still shown or
/// never shown).
fn taken_down_at(log: &[(String, i64)], id: &str) -> Option<i64> {
    let last = log.iter().rposition(|(shown, _)| shown == id)?;
    log.get(last + 1).map(|(_, at)| *at)
}

async fn choose_display(s: &Session, mode: &str) -> Result<()> {
    s.click("nav-settings").await?;
    s.wait_for_screen("settings").await?;
    let option = s
        .find(&format!("#set-customer-display option[value='{mode}']"))
        .await?;
    option
        .click()
        .await
        .context(format!("cannot choose {mode}"))?;
    s.wait_until(&format!("the customer display set to {mode}"), || async {
        let v = s
            .client()?
            .execute(
                "return document.getElementById('set-customer-display').value;",
                vec![],
            )
            .await
            .context("reading the choice")?;
        Ok((v.as_str() == Some(mode)).then_some(()))
    })
    .await?;
    s.screenshot(&format!("c0-settings-{mode}.png")).await?;
    s.click("settings-back").await?;
    s.wait_for_screen("keypad").await?;
    Ok(())
}

async fn click_keys(s: &Session, keys: &[&str]) -> Result<()> {
    for key in keys {
        s.click(&format!("key-{key}")).await?;
    }
    Ok(())
}

#[tokio::test]
async fn the_customer_window_follows_a_bank_sale_and_never_keeps_a_taken_down_code() -> Result<()> {
    // Codes live 15 s: the first is replaced about 7 s after it is shown.
    let s = Session::start_with(
        "the_customer_window_follows_a_bank_sale",
        None,
        &[("KASSA_LINK_TTL_S", "15")],
    )
    .await?;
    s.wait_for_screen("keypad").await?;
    s.wait_for_amount("0,00").await?;
    let cashier = s.client()?.window().await.context("no current window")?;

    choose_display(&s, "window").await?;
    let customer = s
        .wait_until("the customer window", || async {
            let handles = s.client()?.windows().await.context("listing windows")?;
            Ok(handles.into_iter().find(|h| *h != cashier))
        })
        .await?;

    switch(&s, &customer).await?;
    s.wait_for(
        "the customer screen",
        Locator::Css("#customer .cust-welcome"),
    )
    .await?;
    // No shop profile and DKK: the customer is greeted in Danish, training is said.
    let idle = wait_customer(&s, "the idle screen", |c| c.phase == "idle").await?;
    ensure(
        idle.text.contains("Velkommen")
            && idle
                .text
                .contains("Træning – der betales ingen rigtige penge"),
        || format!("the idle screen reads {:?}", idle.text),
    )?;
    s.client()?
        .execute(RECORDER, vec![Value::from("#customer .cust-qr")])
        .await
        .context("cannot record the customer's codes")?;
    s.screenshot("c1-customer-idle.png").await?;

    // The cashier rings up 48,50: the customer sees it as it is typed.
    switch(&s, &cashier).await?;
    s.client()?
        .execute(RECORDER, vec![Value::from("#qr")])
        .await
        .context("cannot record the cashier's codes")?;
    click_keys(&s, &["4", "8", "5", "0"]).await?;
    s.wait_for_amount("48,50").await?;
    switch(&s, &customer).await?;
    let cart = wait_customer(&s, "the cart on the customer screen", |c| {
        c.phase == "cart" && c.amount.contains("48,50")
    })
    .await?;
    ensure(
        cart.lines.len() == 1 && cart.lines[0].contains("48,50"),
        || format!("the customer's lines read {:?}", cart.lines),
    )?;
    s.screenshot("c2-customer-cart.png").await?;

    // Charge: the customer gets the very code the cashier shows.
    switch(&s, &cashier).await?;
    s.click("charge").await?;
    s.wait_for(
        "a live code on the cashier's screen",
        Locator::Css(CASHIER_QR),
    )
    .await?;
    let first = s.attr("qr", "data-payment-id").await?;
    let cashier_svg = s
        .find("#qr")
        .await?
        .html(true)
        .await
        .context("reading the cashier's code")?;
    let link = s.attr("qr", "data-authorization-url").await?;
    let (base, _) = sandbox_from_authorization_url(&link)?;
    switch(&s, &customer).await?;
    let shown = wait_customer(&s, "the first code on the customer screen", |c| {
        c.qr == first
    })
    .await?;
    ensure(shown.svg == cashier_svg && shown.url == link, || {
        format!(
            "the customer's code is not the cashier's: {} vs {}",
            shown.url, link
        )
    })?;
    ensure(
        shown.phase == "scan"
            && shown.headline == "Scan koden med din telefon for at betale i din bank"
            && shown.amount.contains("48,50"),
        || format!("the customer screen reads {shown:?}"),
    )?;
    s.screenshot("c3-customer-qr-da.png").await?;

    // The customer's language button: English for the rest of the sale.
    s.find(".cust-lang[data-lang='en']")
        .await?
        .click()
        .await
        .context("cannot press English")?;
    let shown = wait_customer(&s, "the screen in English", |c| c.lang == "en").await?;
    ensure(
        shown.headline == "Scan the code with your phone to pay in your bank"
            && shown.text.contains("Total")
            && shown.text.contains("Training – no real money is paid"),
        || format!("in English the screen reads {shown:?}"),
    )?;
    s.screenshot("c4-customer-qr-en.png").await?;

    // The code is replaced: the customer follows, and the old code is gone from its screen.
    switch(&s, &cashier).await?;
    let second = s
        .wait_until("the cashier's second code", || async {
            let id = s.attr("qr", "data-payment-id").await?;
            let live = s.find("#qr").await?.is_displayed().await.unwrap_or(false);
            Ok((live && !id.is_empty() && id != first).then_some(id))
        })
        .await?;
    switch(&s, &customer).await?;
    let shown = wait_customer(&s, "the second code on the customer screen", |c| {
        c.qr == second
    })
    .await?;
    ensure(!shown.svg.is_empty(), || {
        "no svg for the new code".to_owned()
    })?;
    let old = s
        .client()?
        .find_all(Locator::Css(&format!("[data-payment-id='{first}']")))
        .await
        .context("looking for the old code")?;
    ensure(old.is_empty(), || {
        format!("the replaced code {first} is still in the customer window")
    })?;
    s.screenshot("c5-customer-new-code.png").await?;

    // The customer opens the new code in their bank: both screens take it down.
    let page = reqwest::get(format!("{base}/sandbox/authorize/{second}"))
        .await
        .context("opening the sandbox bank page")?;
    ensure(page.status() == reqwest::StatusCode::OK, || {
        format!("the bank page answered {}", page.status())
    })?;
    let shown = wait_customer(&s, "Approving in your bank", |c| {
        c.phase == "approving" && c.qr.is_empty()
    })
    .await?;
    ensure(shown.headline == "Approving in your bank…", || {
        format!("in the bank the screen reads {shown:?}")
    })?;
    ensure(shown.svg.is_empty(), || {
        "a code is on the customer screen while they approve".to_owned()
    })?;
    s.screenshot("c6-customer-approving.png").await?;

    sandbox_decide(&base, &second, "approve").await?;
    let shown = wait_customer(&s, "Paid with its receipt", |c| {
        c.phase == "paid" && !c.receipt.is_empty()
    })
    .await?;
    ensure(
        shown.headline == "Paid – thank you!" && shown.amount.contains("48,50"),
        || format!("after paying the screen reads {shown:?}"),
    )?;
    s.screenshot("c7-customer-paid.png").await?;
    let customer_log = codes(&s).await?;

    // The cashier's result, and the two recordings side by side.
    switch(&s, &cashier).await?;
    s.wait_for_result("Paid").await?;
    let cashier_log = codes(&s).await?;
    println!("cashier codes: {cashier_log:?}\ncustomer codes: {customer_log:?}");
    for id in [&first, &second] {
        let cashier_up = cashier_log.iter().find(|(c, _)| c == id).map(|(_, at)| *at);
        let customer_up = customer_log
            .iter()
            .find(|(c, _)| c == id)
            .map(|(_, at)| *at);
        let cashier_down = taken_down_at(&cashier_log, id);
        let customer_down = taken_down_at(&customer_log, id);
        println!(
            "code {id}: shown cashier {cashier_up:?} customer {customer_up:?}; taken down cashier {cashier_down:?} customer {customer_down:?}"
        );
        let (Some(cashier_down), Some(customer_down)) = (cashier_down, customer_down) else {
            return Err(kassa_e2e::Error::new(format!(
                "code {id} was not taken down on both screens: cashier {cashier_log:?}, customer {customer_log:?}"
            )));
        };
        println!("customer_takedown_lag_ms={}", customer_down - cashier_down);
        // The customer's screen is told right after the cashier's; a late take-down of more
        // than a second would be a code left up.
        ensure(customer_down <= cashier_down + 1_000, || {
            format!(
                "the customer screen kept {id} {} ms after the cashier's took it down",
                customer_down - cashier_down
            )
        })?;
    }
    s.screenshot("c8-cashier-paid.png").await?;

    // A new sale: the next customer is greeted in the shop's language; a cancelled sale
    // takes its code down on the customer screen too.
    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;
    switch(&s, &customer).await?;
    wait_customer(&s, "the idle screen in Danish again", |c| {
        c.phase == "idle" && c.lang == "da"
    })
    .await?;
    switch(&s, &cashier).await?;
    click_keys(&s, &["9", "0", "0"]).await?;
    s.wait_for_amount("9,00").await?;
    s.click("charge").await?;
    s.wait_for("a live code for the second sale", Locator::Css(CASHIER_QR))
        .await?;
    let third = s.attr("qr", "data-payment-id").await?;
    switch(&s, &customer).await?;
    wait_customer(&s, "the second sale's code", |c| c.qr == third).await?;
    switch(&s, &cashier).await?;
    s.click("cancel-sale").await?;
    s.wait_for_result("Cancelled").await?;
    switch(&s, &customer).await?;
    let shown = wait_customer(&s, "Cancelled on the customer screen", |c| {
        c.phase == "cancelled"
    })
    .await?;
    ensure(
        shown.qr.is_empty()
            && shown.svg.is_empty()
            && shown.headline == "Betalingen blev annulleret"
            && shown.text.contains("Spørg venligst ved kassen"),
        || format!("after the cancel the screen reads {shown:?}"),
    )?;
    let left = s
        .client()?
        .find_all(Locator::Css(&format!("[data-payment-id='{third}']")))
        .await
        .context("looking for the cancelled code")?;
    ensure(left.is_empty(), || {
        format!("the cancelled sale's code {third} is still in the customer window")
    })?;
    s.screenshot("c9-customer-cancelled.png").await?;

    // Off: the window closes.
    switch(&s, &cashier).await?;
    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;
    choose_display(&s, "off").await?;
    let started = Instant::now();
    loop {
        let handles = s.client()?.windows().await.context("listing windows")?;
        if handles.len() == 1 {
            break;
        }
        ensure(started.elapsed() < Duration::from_secs(20), || {
            format!("the customer window is still open: {handles:?}")
        })?;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    s.close().await
}

#[tokio::test]
async fn the_customer_pane_in_the_cashiers_window_shows_the_sale() -> Result<()> {
    let s = Session::start("the_customer_pane_in_the_cashiers_window").await?;
    s.wait_for_screen("keypad").await?;
    s.wait_for_amount("0,00").await?;
    choose_display(&s, "pane").await?;
    s.wait_for(
        "the customer pane",
        Locator::Css("#customer-pane:not([hidden]) #customer-pane-view .cust-welcome"),
    )
    .await?;
    click_keys(&s, &["1", "2", "5", "0"]).await?;
    s.wait_for_amount("12,50").await?;
    wait_customer(&s, "the cart in the pane", |c| {
        c.phase == "cart" && c.amount.contains("12,50")
    })
    .await?;
    s.click("charge").await?;
    s.wait_for(
        "a live code on the cashier's screen",
        Locator::Css(CASHIER_QR),
    )
    .await?;
    let id = s.attr("qr", "data-payment-id").await?;
    let link = s.attr("qr", "data-authorization-url").await?;
    let (base, _) = sandbox_from_authorization_url(&link)?;
    let shown = wait_customer(&s, "the code in the pane", |c| c.qr == id).await?;
    ensure(shown.url == link, || {
        format!("the pane's code is for {} not {link}", shown.url)
    })?;
    s.screenshot("c10-pane-qr.png").await?;
    s.find("#customer-pane-view .cust-lang[data-lang='sv']")
        .await?
        .click()
        .await
        .context("cannot press Svenska")?;
    wait_customer(&s, "the pane in Swedish", |c| {
        c.headline == "Skanna koden med din telefon för att betala i din bank"
    })
    .await?;
    sandbox_decide(&base, &id, "approve").await?;
    s.wait_for_result("Paid").await?;
    let shown = wait_customer(&s, "Paid in the pane", |c| {
        c.phase == "paid" && !c.receipt.is_empty()
    })
    .await?;
    ensure(
        shown.headline == "Betalt – tack!" && shown.qr.is_empty(),
        || format!("the pane reads {shown:?}"),
    )?;
    s.screenshot("c11-pane-paid.png").await?;
    // Finnish, the language of the longest words: the pane reads it from the catalogue.
    s.find("#customer-pane-view .cust-lang[data-lang='fi']")
        .await?
        .click()
        .await
        .context("cannot press Suomi")?;
    let shown = wait_customer(&s, "the pane in Finnish", |c| {
        c.lang == "fi" && c.headline == "Maksettu – kiitos!"
    })
    .await?;
    ensure(
        shown.text.contains("Yhteensä") && shown.text.contains("Kuitti"),
        || format!("the pane in Finnish reads {shown:?}"),
    )?;
    s.screenshot("c12-pane-paid-fi.png").await?;
    s.close().await
}
