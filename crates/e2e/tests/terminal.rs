//! A register's payment through the terminal API (issue 16): the app started with
//! `KASSA_TERMINAL_TOKEN` serves registers; a `PaymentRequest` (raw nexo JSON, as the
//! public Terminal API examples write it) puts the QR code on the window, the customer
//! approves in the sandbox bank, the window shows Paid and the register gets Success; and
//! Settings → Registers makes the token (a manager's step), shows it once, and removes it.
//!
//! Needs the built app (`cargo build -p kassa-app`), tauri-driver 2.x, WebKitWebDriver and a
//! display. Run serially: `cargo test -p kassa-e2e --test terminal -- --test-threads=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use fantoccini::Locator;
use kassa_e2e::{Error, Result, Session, ensure, sandbox_decide, sandbox_from_authorization_url};
use serde_json::Value;

const TOKEN: &str = "window-register-token-01";

const LIVE_QR: &str =
    "#screen-qr:not([hidden]) #qr:not([hidden])[data-payment-id]:not([data-payment-id='']) svg";

fn payment_request() -> String {
    r#"{"SaleToPOIRequest":{"MessageHeader":{"ProtocolVersion":"3.0","MessageClass":"Service","MessageCategory":"Payment","MessageType":"Request","SaleID":"POS1","ServiceID":"W1","POIID":"KASSA"},"PaymentRequest":{"SaleData":{"SaleTransactionID":{"TransactionID":"4711","TimeStamp":"2026-12-04T10:11:04+01:00"}},"PaymentTransaction":{"AmountsReq":{"Currency":"DKK","RequestedAmount":42.50}}}}}"#.to_owned()
}

/// Posts the payment once the app serves registers (it starts beside the counter); the
/// reply comes when the sale ends.
async fn pay(url: String) -> Result<Value> {
    let client = reqwest::Client::new();
    for _ in 0..200 {
        let sent = client
            .post(&url)
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(payment_request())
            .timeout(Duration::from_secs(120))
            .send()
            .await;
        match sent {
            Ok(reply) => {
                let text = reply.text().await.map_err(|e| Error::new(e.to_string()))?;
                return serde_json::from_str(&text).map_err(|e| Error::new(format!("{text}: {e}")));
            }
            Err(e) if e.is_connect() => tokio::time::sleep(Duration::from_millis(100)).await,
            Err(e) => return Err(Error::new(format!("POST {url}: {e}"))),
        }
    }
    Err(Error::new(format!(
        "the app never served registers at {url}"
    )))
}

#[tokio::test]
async fn a_registers_payment_puts_the_code_on_the_window() -> Result<()> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| Error::new(e.to_string()))?
        .port();
    let bind = format!("127.0.0.1:{port}");
    let s = Session::start_with(
        "a_registers_payment_puts_the_code_on_the_window",
        None,
        &[
            ("KASSA_TERMINAL_TOKEN", TOKEN),
            ("KASSA_TERMINAL_BIND", &bind),
        ],
    )
    .await?;
    s.wait_for_screen("keypad").await?;
    let paying = tokio::spawn(pay(format!("http://{bind}/nexo")));
    s.wait_for("the register's code", Locator::Css(LIVE_QR))
        .await?;
    let payment = s.attr("qr", "data-payment-id").await?;
    s.wait_text("qr-amount", "42,50").await?;
    s.screenshot("80-terminal-qr.png").await?;
    let link = s.attr("qr", "data-authorization-url").await?;
    let (base, _) = sandbox_from_authorization_url(&link)?;
    sandbox_decide(&base, &payment, "approve").await?;
    s.wait_for_result("Paid").await?;
    let reply = paying.await.map_err(|e| Error::new(e.to_string()))??;
    let response = &reply["SaleToPOIResponse"]["PaymentResponse"];
    ensure(response["Response"]["Result"] == "Success", || {
        format!("the register was not told Success: {reply}")
    })?;
    ensure(
        response["PaymentResult"]["PaymentAcquirerData"]["AcquirerTransactionID"]["TransactionID"]
            == payment.as_str(),
        || format!("the register got another payment id than {payment}: {reply}"),
    )?;
    s.close().await
}

/// Clicks `id` once it is scrolled to the middle of the settings (clear of the sticky
/// Save bar).
async fn click_centred(s: &Session, id: &str) -> Result<()> {
    s.client()?
        .execute(
            "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});",
            vec![serde_json::Value::String(id.to_owned())],
        )
        .await
        .map_err(|e| Error::new(format!("cannot scroll to #{id}: {e}")))?;
    s.click(id).await
}

async fn login_status(url: &str, token: &str) -> Result<u16> {
    let body = r#"{"SaleToPOIRequest":{"MessageHeader":{"ProtocolVersion":"3.0","MessageClass":"Service","MessageCategory":"Login","MessageType":"Request","SaleID":"POS1","ServiceID":"L1","POIID":"KASSA"},"LoginRequest":{"DateTime":"2026-12-04T10:00:00+01:00","OperatorLanguage":"da"}}}"#;
    let reply = reqwest::Client::new()
        .post(url)
        .header("authorization", format!("Bearer {token}"))
        .body(body)
        .timeout(Duration::from_secs(20))
        .send()
        .await
        .map_err(|e| Error::new(format!("POST {url}: {e}")))?;
    Ok(reply.status().as_u16())
}

#[tokio::test]
async fn settings_make_the_registers_token_show_it_once_and_remove_it() -> Result<()> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| Error::new(e.to_string()))?
        .port();
    let bind = format!("127.0.0.1:{port}");
    let url = format!("http://{bind}/nexo");
    let s = Session::start_with(
        "settings_make_the_registers_token_show_it_once_and_remove_it",
        None,
        &[("KASSA_TERMINAL_BIND", &bind)],
    )
    .await?;
    s.wait_for_screen("keypad").await?;
    s.click("nav-settings").await?;
    s.wait_for_screen("settings").await?;
    s.wait_text("terminal-status", "Off: no token is set.")
        .await?;
    click_centred(&s, "terminal-new-token").await?;
    s.wait_text(
        "terminal-status",
        &format!("Registers reach Kassa at {url}"),
    )
    .await?;
    s.wait_for(
        "the new token",
        Locator::Css("#terminal-token:not([hidden])"),
    )
    .await?;
    let token = s
        .find("#terminal-token")
        .await?
        .prop("value")
        .await
        .map_err(|e| Error::new(e.to_string()))?
        .unwrap_or_default();
    ensure(token.len() == 64, || format!("not a token: {token:?}"))?;
    s.screenshot("81-terminal-settings.png").await?;
    ensure(login_status(&url, &token).await? == 200, || {
        "the register's token was refused".into()
    })?;
    ensure(
        login_status(&url, "another-token-0123456789").await? == 401,
        || "another token was taken".into(),
    )?;
    click_centred(&s, "terminal-remove-token").await?;
    s.wait_text("terminal-status", "Off: no token is set.")
        .await?;
    ensure(login_status(&url, &token).await? == 401, || {
        "the removed token still works".into()
    })?;
    s.close().await
}
