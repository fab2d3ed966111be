//! The shop's hub in the real window (issue 14), against a real PostgreSQL server: Whole
//! shop without a hub says how to set one up; Settings → Shop's hub refuses a wrong
//! password in words, then connects (the counter restarts on the hub, the password is never
//! shown back) and its status line says when the hub has every record; a cash sale then
//! shows on the Whole shop screen as this till's one sale.
//!
//! Run like the other window tests: `xvfb-run -a cargo test -p kassa-e2e -- --test-threads=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use fantoccini::Locator;
use kassa_e2e::{Context, Result, Session, ensure};

/// `postgres://role:password@host:port/db` → (`postgres://role@host:port/db`, `password`).
fn split(url: &str) -> (String, String) {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (user_info, host) = rest.split_once('@').unwrap();
    let (user, password) = user_info.split_once(':').unwrap();
    (format!("{scheme}://{user}@{host}"), password.to_owned())
}

async fn value_of(s: &Session, css: &str) -> Result<String> {
    let e = s.find(css).await?;
    Ok(e.prop("value")
        .await
        .context(format!("cannot read {css}"))?
        .unwrap_or_default())
}

/// Scrolls `#id` to the middle of the window (Settings' buttons bar covers its bottom).
async fn scroll_to(s: &Session, id: &str) -> Result<()> {
    s.client()?
        .execute(
            &format!(
                "document.getElementById('{id}').scrollIntoView({{block: 'center'}}); return true;"
            ),
            vec![],
        )
        .await
        .context(format!("cannot scroll to #{id}"))?;
    Ok(())
}

/// Connect in Settings → Shop's hub.
async fn connect(s: &Session) -> Result<()> {
    scroll_to(s, "hub-connect").await?;
    s.click("hub-connect").await
}

/// Waits until the Whole shop screen shows `css`, asking the hub again while it does not
/// (the shipper sends the till's records within a second or so).
async fn wait_for_figures(s: &Session, css: &str, what: &str) -> Result<()> {
    for _ in 0..40 {
        // The last request answered; has the hub it yet? Else ask again.
        s.wait_for(
            "the Whole shop figures",
            Locator::Css("#screen-shopday[data-loaded='true']"),
        )
        .await?;
        if s.client()?.find(Locator::Css(css)).await.is_ok() {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        s.client()?
            .execute(
                "document.getElementById('shopday-form').requestSubmit(); return true;",
                vec![],
            )
            .await
            .context("cannot ask for the report again")?;
    }
    Err(s
        .failure(format!("the Whole shop screen never showed {what}"))
        .await)
}

/// The hub group's result notice once it says something.
async fn hub_result(s: &Session) -> Result<String> {
    s.wait_until("the hub's answer", || async {
        let text = s.all_text("hub-result").await?;
        let shown = s.find("#hub-result").await?;
        let hidden = shown
            .attr("hidden")
            .await
            .context("#hub-result hidden?")?
            .is_some();
        Ok((!hidden && !text.is_empty()).then_some(text))
    })
    .await
}

#[tokio::test]
async fn the_shops_hub_is_set_in_settings_and_the_whole_shop_shows_the_sale() -> Result<()> {
    let url = kassa_testkit::pg::shared()
        .create_database("window_hub")
        .map_err(kassa_e2e::Error::new)?;
    let (address, password) = split(&url);
    let s = Session::start("the_shops_hub_is_set_in_settings_and_the_whole_shop_shows_the_sale")
        .await?;
    s.wait_for_screen("keypad").await?;
    s.wait_for_amount("0,00").await?;

    // Whole shop without a hub: a plain word on how to set one up.
    s.click("nav-day").await?;
    s.wait_for_screen("day").await?;
    s.click("day-shop").await?;
    s.wait_for(
        "the no-hub message",
        Locator::Css("#screen-shopday[data-loaded='no-hub'] #shopday-none:not([hidden])"),
    )
    .await?;
    let none = s.all_text("shopday-none").await?;
    ensure(none.contains("Settings → Shop's hub"), || {
        format!("the no-hub message reads {none:?}")
    })?;
    s.screenshot("h1-whole-shop-no-hub.png").await?;

    // Settings → Shop's hub: nothing set yet.
    s.click("shopday-settings").await?;
    s.wait_for_screen("settings").await?;
    s.wait_text("hub-status", "No hub is set").await?;
    scroll_to(&s, "hub-group").await?;

    // A wrong password: refused in words, nothing saved.
    s.type_into("set-hub-url", &address).await?;
    s.type_into("set-hub-password", "not-the-password").await?;
    connect(&s).await?;
    let refused = hub_result(&s).await?;
    ensure(
        refused.contains("refused the password of user")
            && s.find("#hub-result.notice-error").await.is_ok(),
        || format!("a wrong password reads {refused:?}"),
    )?;
    let file = std::fs::read_to_string(s.data_dir().join("settings.json")).unwrap_or_default();
    ensure(!file.contains("hubUrl"), || {
        format!("a refused hub was saved: {file}")
    })?;
    scroll_to(&s, "hub-connect").await?;
    s.screenshot("h2-settings-hub-wrong-password.png").await?;

    // The right one: connected, the counter restarts on it.
    s.type_into("set-hub-password", &password).await?;
    connect(&s).await?;
    s.wait_for(
        "the hub connected",
        Locator::Css("#hub-result.notice-ok:not([hidden])"),
    )
    .await?;
    let connected = s.all_text("hub-result").await?;
    ensure(
        connected.starts_with("Connected to the hub at 127.0.0.1:"),
        || format!("connecting reads {connected:?}"),
    )?;
    // The address is shown without the password, which is never shown back.
    let shown = value_of(&s, "#set-hub-url").await?;
    ensure(shown == address, || {
        format!("the address field shows {shown:?}")
    })?;
    let typed = value_of(&s, "#set-hub-password").await?;
    let placeholder = s.attr("set-hub-password", "placeholder").await?;
    ensure(typed.is_empty() && placeholder.contains("keyring"), || {
        format!("the password field holds {typed:?}, placeholder {placeholder:?}")
    })?;
    let file = std::fs::read_to_string(s.data_dir().join("settings.json")).unwrap_or_default();
    ensure(file.contains(&address) && !file.contains(&password), || {
        format!("settings.json after connecting: {file}")
    })?;
    // The status line, asked every few seconds: the hub has every record.
    s.wait_text("hub-status", "Up to date").await?;
    scroll_to(&s, "hub-connect").await?;
    s.screenshot("h3-settings-hub-connected.png").await?;

    // One cash sale.
    s.click("settings-back").await?;
    s.wait_for_screen("keypad").await?;
    for key in ["4", "5", "0", "0"] {
        s.click(&format!("key-{key}")).await?;
    }
    s.wait_for_amount("45,00").await?;
    s.click("pay-cash").await?;
    s.wait_for(
        "the cash dialog",
        Locator::Css("#cash-dialog:not([hidden])"),
    )
    .await?;
    s.type_into("cash-given", "50").await?;
    s.wait_text("cash-change", "5,00").await?;
    s.click("cash-confirm").await?;
    s.wait_for_result("Paid").await?;
    s.click("new-sale").await?;
    s.wait_for_screen("keypad").await?;

    // Whole shop: this till's row has the sale once the shipper has sent it.
    s.click("nav-day").await?;
    s.wait_for_screen("day").await?;
    s.click("day-shop").await?;
    wait_for_figures(
        &s,
        "#screen-shopday[data-loaded='true'] tr.shop-this-till td[data-figure='sales'][data-count='1']",
        "this till's sale",
    )
    .await?;
    let row = s
        .find("tr.shop-this-till")
        .await?
        .prop("textContent")
        .await
        .context("reading this till's row")?
        .unwrap_or_default();
    let row = kassa_e2e::normalize(&row);
    ensure(
        row.contains("Training till") && row.contains("45,00") && row.contains("1 receipt"),
        || format!("this till's row reads {row:?}"),
    )?;
    let cash = s
        .find("tr.shop-this-till td[data-figure='cash']")
        .await?
        .text()
        .await
        .context("reading the cash cell")?;
    ensure(cash.contains("45,00"), || {
        format!("the cash cell reads {cash:?}")
    })?;
    let total = s
        .find("tr.shop-total td[data-figure='sales']")
        .await?
        .attr("data-count")
        .await
        .context("reading the total's sales")?;
    ensure(total.as_deref() == Some("1"), || {
        format!("the shop's total counts {total:?} sales")
    })?;
    s.wait_text("shopday-net", "45,00").await?;
    let vat = s.all_text("shopday-vat").await?;
    ensure(vat.contains("45,00"), || {
        format!("the shop's VAT reads {vat:?}")
    })?;
    s.screenshot("h4-whole-shop-x.png").await?;

    // Z before the day is closed: no period closed today.
    s.click("shopday-z").await?;
    s.wait_for(
        "the Z view",
        Locator::Css("#screen-shopday[data-loaded='true'] tr.shop-this-till td[data-figure='sales'][data-count='0']"),
    )
    .await?;
    s.wait_text("shopday-tills", "Z of the day").await?;

    // Close the day on this till: the Whole shop's Z has the sale and names Z 1.
    s.click("shopday-back").await?;
    s.wait_for_screen("day").await?;
    s.click("day-close").await?;
    s.wait_for("the Z question", Locator::Css("#z-dialog:not([hidden])"))
        .await?;
    s.click("z-yes").await?;
    s.wait_for(
        "the Z report",
        Locator::Css("#screen-day[data-kind='z'][data-number='1']"),
    )
    .await?;
    // Whole shop is on the running figures (X), not on a Z's full head.
    let on_z = s
        .find("#day-shop")
        .await?
        .is_displayed()
        .await
        .context("#day-shop shown?")?;
    ensure(!on_z, || "Whole shop shows on a Z report's head".to_owned())?;
    s.click("day-show-x").await?;
    s.wait_for(
        "the running figures",
        Locator::Css("#screen-day[data-kind='x']"),
    )
    .await?;
    s.screenshot("h5a-day-x-whole-shop-button.png").await?;
    s.click("day-shop").await?;
    s.click("shopday-z").await?;
    wait_for_figures(
        &s,
        "#screen-shopday[data-loaded='true'] tr.shop-this-till td[data-figure='sales'][data-count='1']",
        "the sale in the day's Z",
    )
    .await?;
    let z = s
        .find("tr.shop-this-till td.shop-z")
        .await?
        .text()
        .await
        .context("reading this till's Z")?;
    ensure(z.contains("Z 1"), || {
        format!("this till's Z cell reads {z:?}")
    })?;
    s.screenshot("h5b-whole-shop-z.png").await?;
    s.close().await
}
