//! The terminal service on a counter on its built-in sandbox, without HTTP: what a crash
//! between a request's write and its sale's leaves is settled at the next start.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use kassa_journal::NewTerminalPayment;
use kassa_money::{Currency, Money};
use kassa_terminal::{Terminal, TerminalConfig};
use serde_json::json;

async fn counter(dir: &tempfile::TempDir) -> Arc<kassa_boot::Counter> {
    let settings =
        kassa_boot::Settings::from_vars(|_| None, dir.path().join("k.db")).expect("defaults");
    Arc::new(kassa_boot::start(settings).await.unwrap())
}

fn request<'a>(service_id: &'a str, transaction: &'a str, at: i64) -> NewTerminalPayment<'a> {
    NewTerminalPayment {
        sale_system: "POS1",
        service_id,
        transaction_id: transaction,
        transaction_at: "2026-12-04T10:00:00+01:00",
        poi_id: "KASSA",
        amount: Money::new(4200, Currency::Dkk),
        received_at_ms: at,
    }
}

fn status(service_id: &str) -> Vec<u8> {
    json!({"SaleToPOIRequest": {
        "MessageHeader": {"ProtocolVersion": "3.0", "MessageClass": "Service",
            "MessageCategory": "TransactionStatus", "MessageType": "Request",
            "SaleID": "POS1", "ServiceID": "S1", "POIID": "KASSA"},
        "TransactionStatusRequest": {"MessageReference": {"MessageCategory": "Payment", "ServiceID": service_id}}
    }})
    .to_string()
    .into_bytes()
}

#[tokio::test]
async fn a_request_whose_sale_was_never_written_back_finds_its_sale_or_is_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let counter = counter(&dir).await;
    let now = counter.now_ms();
    // Kassa stopped after writing request P1 and opening its sale, before writing the
    // sale back to the request; and after writing request P2, before opening any sale.
    counter
        .till
        .with_journal(|j| j.begin_terminal_payment(&request("P1", "T1", now)))
        .unwrap();
    let sale = counter
        .charge(Money::new(4200, Currency::Dkk), None)
        .unwrap();
    counter.cancel(&sale).unwrap();
    counter
        .till
        .with_journal(|j| j.begin_terminal_payment(&request("P2", "T2", now - 60_000)))
        .unwrap();

    let terminal = Terminal::new(Arc::clone(&counter), TerminalConfig::default());
    let j = |s: &str| {
        counter
            .till
            .with_journal(|j| j.terminal_payment("POS1", s))
            .unwrap()
    };
    assert_eq!(j("P1").unwrap().sale_id.as_deref(), Some(sale.as_str()));
    assert!(j("P2").is_none(), "nothing was opened for it: forgotten");

    // Asked for, P1 is its sale's (once the cancel is written); P2 was never charged.
    let reply = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        loop {
            let r = terminal.handle(&status("P1")).await;
            let v = serde_json::to_value(&r.envelope).unwrap();
            let body = v["SaleToPOIResponse"]["TransactionStatusResponse"].clone();
            if body["Response"]["Result"] == "Success" {
                return body;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the cancel was written");
    let p = &reply["RepeatedMessageResponse"]["RepeatedResponseMessageBody"]["PaymentResponse"];
    assert_eq!(p["Response"]["ErrorCondition"], "Cancel", "{reply}");
    assert_eq!(
        p["POIData"]["POITransactionID"]["TransactionID"],
        sale.as_str()
    );
    let r = terminal.handle(&status("P2")).await;
    let v = serde_json::to_value(&r.envelope).unwrap();
    assert_eq!(
        v["SaleToPOIResponse"]["TransactionStatusResponse"]["Response"]["ErrorCondition"],
        "NotFound"
    );
    drop(terminal);
    if let Ok(c) = Arc::try_unwrap(counter) {
        c.stop().await;
    }
}

#[tokio::test]
async fn header_problems_are_told_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let counter = counter(&dir).await;
    let terminal = Terminal::new(Arc::clone(&counter), TerminalConfig::default());
    let ask = |header: serde_json::Value| {
        let body = json!({"SaleToPOIRequest": {"MessageHeader": header, "LoginRequest": {}}});
        let terminal = &terminal;
        async move {
            let r = terminal.handle(body.to_string().as_bytes()).await;
            serde_json::to_value(&r.envelope).unwrap()["SaleToPOIResponse"]["LoginResponse"]
                ["Response"]
                .clone()
        }
    };
    let base = json!({"ProtocolVersion": "3.0", "MessageClass": "Service",
        "MessageCategory": "Login", "MessageType": "Request",
        "SaleID": "POS1", "ServiceID": "1", "POIID": "KASSA"});
    assert_eq!(ask(base.clone()).await["Result"], "Success");
    let with = |k: &str, v: serde_json::Value| {
        let mut h = base.clone();
        h[k] = v;
        h
    };
    for (header, condition, words) in [
        (
            with("ProtocolVersion", json!("2.0")),
            "UnavailableService",
            "3.0",
        ),
        (
            with("MessageClass", json!("Device")),
            "MessageFormat",
            "MessageClass",
        ),
        (
            with("MessageType", json!("Response")),
            "MessageFormat",
            "MessageType",
        ),
        (
            with("ServiceID", json!("12345678901")),
            "MessageFormat",
            "longer than 10",
        ),
        (
            with("ServiceID", json!("")),
            "MessageFormat",
            "ServiceID is missing",
        ),
    ] {
        let r = ask(header).await;
        assert_eq!(r["ErrorCondition"], condition, "{r}");
        assert!(
            r["AdditionalResponse"]
                .as_str()
                .unwrap()
                .replace('+', " ")
                .contains(words),
            "{r}"
        );
    }
    drop(terminal);
    if let Ok(c) = Arc::try_unwrap(counter) {
        c.stop().await;
    }
}
