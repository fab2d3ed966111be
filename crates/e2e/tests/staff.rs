//! Cashiers in the real window (issue 12): a fresh till starts logged in as the owner (one
//! tap, no screen in the way); the owner sets a PIN and adds a cashier in Settings → Staff;
//! tapping the name logs out to the login screen; a wrong PIN is refused, the right one logs
//! the cashier in; the cashier's Close day (Z) asks for a manager's PIN and, cancelled, is
//! refused with Rust's sentence; the manager's PIN approves that one Z. Screenshots
//! (`target/e2e-screens/5*.png`).
//!
//! Run like the other window tests: `xvfb-run -a cargo test -p kassa-e2e -- --test-threads=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use fantoccini::Locator;
use kassa_e2e::{Result, Session, ensure};

async fn wait_notice(s: &Session, id: &str) -> Result<String> {
    let css = format!("#{id}:not([hidden])");
    s.wait_for(&format!("#{id} to show"), Locator::Css(&css))
        .await?;
    s.wait_until(&format!("#{id} to have text"), || async {
        let t = s.text(id).await?;
        Ok((!t.trim().is_empty()).then_some(t))
    })
    .await
}

/// Clicks `#id` after scrolling it to the middle (Settings' Save bar sticks to the bottom).
async fn click_centred(s: &Session, id: &str) -> Result<()> {
    s.client()?
        .execute(
            &format!("document.getElementById('{id}').scrollIntoView({{block: 'center'}})"),
            vec![],
        )
        .await
        .map_err(|e| kassa_e2e::Error::new(format!("scroll to #{id}: {e}")))?;
    s.click(id).await
}

async fn pin(s: &Session, digits: &str) -> Result<()> {
    for d in digits.chars() {
        s.find(&format!("#login-pin [data-pin='{d}']"))
            .await?
            .click()
            .await
            .map_err(|e| kassa_e2e::Error::new(format!("PIN key {d}: {e}")))?;
    }
    Ok(())
}

#[tokio::test]
async fn a_cashier_logs_in_and_is_refused_the_z_without_a_managers_pin() -> Result<()> {
    let s = Session::start("a_cashier_logs_in_and_is_refused_the_z").await?;
    // One person: straight to the keypad, logged in as the owner.
    s.wait_for_screen("keypad").await?;
    s.wait_text("who-name", "Owner").await?;

    // Settings → Staff: the owner's PIN first, then a cashier.
    s.click("nav-settings").await?;
    s.wait_for_screen("settings").await?;
    s.wait_for(
        "the staff list",
        Locator::Css("#staff-group:not([hidden]) #staff-pin-1"),
    )
    .await?;
    s.type_into("staff-pin-1", "1111").await?;
    click_centred(&s, "staff-pin-1").await?;
    click_centred(&s, "staff-setpin-1").await?;
    let done = wait_notice(&s, "staff-done").await?;
    ensure(done == "New PIN set for Owner.", || {
        format!("set PIN: {done}")
    })?;
    s.type_into("staff-new-id", "7").await?;
    s.type_into("staff-new-name", "Kari").await?;
    s.type_into("staff-new-pin", "4711").await?;
    click_centred(&s, "staff-add").await?;
    s.wait_for("Kari in the staff list", Locator::Css("#staff-pin-7"))
        .await?;
    s.client()?
        .execute(
            "document.getElementById('staff-group').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .map_err(|e| kassa_e2e::Error::new(format!("scroll to the staff: {e}")))?;
    s.screenshot("51-staff-settings.png").await?;
    s.click("settings-back").await?;
    s.wait_for_screen("keypad").await?;

    // Tapping the name logs out: the login screen lists both.
    s.click("nav-who").await?;
    s.wait_for_screen("login").await?;
    s.wait_for("Kari on the login screen", Locator::Css("#login-person-7"))
        .await?;
    s.screenshot("52-login.png").await?;
    s.click("login-person-7").await?;
    s.wait_for("the PIN keypad", Locator::Css("#login-pin:not([hidden])"))
        .await?;
    pin(&s, "4712").await?;
    s.click("login-ok").await?;
    let wrong = wait_notice(&s, "login-error").await?;
    ensure(wrong == "Wrong PIN.", || format!("wrong PIN: {wrong}"))?;
    s.screenshot("53-login-wrong-pin.png").await?;
    pin(&s, "4711").await?;
    s.click("login-ok").await?;
    s.wait_for_screen("keypad").await?;
    s.wait_text("who-name", "Kari").await?;
    s.screenshot("54-sale-as-cashier.png").await?;

    // The cashier's Close day: a manager's PIN is asked; cancelled, the Z is refused.
    s.click("nav-day").await?;
    s.wait_for_screen("day").await?;
    s.click("day-close").await?;
    s.wait_for("the Z question", Locator::Css("#z-dialog:not([hidden])"))
        .await?;
    s.click("z-yes").await?;
    s.wait_for(
        "the manager's PIN",
        Locator::Css("#manager-dialog:not([hidden])"),
    )
    .await?;
    let why = s.text("manager-why").await?;
    ensure(why.starts_with("The Z report needs a manager."), || {
        format!("manager dialog: {why}")
    })?;
    s.screenshot("55-manager-pin.png").await?;
    s.click("manager-cancel").await?;
    let refused = wait_notice(&s, "z-error").await?;
    ensure(refused == "The Z report needs a manager.", || {
        format!("refused Z: {refused}")
    })?;

    // Again, with the manager's PIN: that one Z closes.
    s.click("z-yes").await?;
    s.wait_for(
        "the manager's PIN",
        Locator::Css("#manager-dialog:not([hidden])"),
    )
    .await?;
    s.type_into("manager-pin", "1111").await?;
    s.click("manager-ok").await?;
    let note = wait_notice(&s, "day-note").await?;
    ensure(note.starts_with("Day closed: Z report 1."), || {
        format!("Z: {note}")
    })?;
    s.screenshot("56-z-approved-by-manager.png").await?;
    s.close().await
}
