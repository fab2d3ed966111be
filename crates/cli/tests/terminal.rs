//! `kassa terminal serve` from the outside: a register written from the public Terminal API
//! examples (raw nexo JSON, none of Kassa's types) drives it over HTTP against a sandbox on a
//! random loopback port; the sandbox's customer approves or declines in the bank.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::{cli, sandbox_on_loopback};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Child;

const TOKEN: &str = "register-token-0123456789";

/// A running `kassa terminal serve` and where it listens.
struct Kassa {
    child: Child,
    url: String,
    /// The `--json` event lines printed so far.
    events: std::sync::Arc<std::sync::Mutex<Vec<Value>>>,
}

async fn kassa(sandbox: &RunningSandbox, db: &Path) -> Kassa {
    let mut child = cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db)
        .env("KASSA_TERMINAL_TOKEN", TOKEN)
        .args([
            "terminal",
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--poi-id",
            "KASSA-1",
            "--json",
        ])
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = tokio::time::timeout(Duration::from_secs(60), stdout.next_line())
        .await
        .expect("kassa said where it listens")
        .unwrap()
        .expect("a line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    // The sales' events (the codes to scan) follow, one JSON line each; kept for the test.
    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = std::sync::Arc::clone(&events);
    tokio::spawn(async move {
        while let Ok(Some(l)) = stdout.next_line().await {
            if let Ok(v) = serde_json::from_str::<Value>(&l) {
                kept.lock().unwrap().push(v);
            }
        }
    });
    Kassa { child, url, events }
}

impl Kassa {
    async fn stop(mut self) {
        self.child.kill().await.unwrap();
    }
}

/// Posts `body` with `token`: the HTTP status and the JSON reply.
async fn post_as(url: &str, token: Option<&str>, body: String) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let res = tokio::time::timeout(Duration::from_secs(90), req.send())
        .await
        .expect("Kassa answered in time")
        .unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    (status, v)
}

async fn post(url: &str, body: Value) -> Value {
    let (status, v) = post_as(url, Some(TOKEN), body.to_string()).await;
    assert_eq!(status, 200, "{v}");
    v
}

fn header(category: &str, sale_id: &str, service_id: &str) -> Value {
    json!({
        "ProtocolVersion": "3.0",
        "MessageClass": "Service",
        "MessageCategory": category,
        "MessageType": "Request",
        "SaleID": sale_id,
        "ServiceID": service_id,
        "POIID": "KASSA-1"
    })
}

/// A PaymentRequest as the Terminal API's "Make a payment" example writes it, the amount
/// as the register's JSON number text.
fn payment(
    sale_id: &str,
    service_id: &str,
    transaction: &str,
    currency: &str,
    amount: &str,
) -> String {
    format!(
        r#"{{"SaleToPOIRequest":{{"MessageHeader":{header},"PaymentRequest":{{"SaleData":{{"SaleTransactionID":{{"TransactionID":"{transaction}","TimeStamp":"2026-12-04T10:11:04+01:00"}}}},"PaymentTransaction":{{"AmountsReq":{{"Currency":"{currency}","RequestedAmount":{amount}}}}}}}}}}}"#,
        header = header("Payment", sale_id, service_id)
    )
}

fn status_request(sale_id: &str, service_id: &str, of_service: &str) -> Value {
    json!({"SaleToPOIRequest": {
        "MessageHeader": header("TransactionStatus", sale_id, service_id),
        "TransactionStatusRequest": {
            "ReceiptReprintFlag": true,
            "DocumentQualifier": ["CashierReceipt", "CustomerReceipt"],
            "MessageReference": {"SaleID": sale_id, "ServiceID": of_service, "MessageCategory": "Payment"}
        }
    }})
}

fn abort_request(sale_id: &str, service_id: &str, of_service: &str) -> Value {
    json!({"SaleToPOIRequest": {
        "MessageHeader": header("Abort", sale_id, service_id),
        "AbortRequest": {
            "AbortReason": "MerchantAbort",
            "MessageReference": {"SaleID": sale_id, "ServiceID": of_service, "MessageCategory": "Payment"}
        }
    }})
}

/// `AdditionalResponse`'s `key=value&…` pairs (form-encoded), decoded.
fn additional(response: &Value) -> Vec<(String, String)> {
    let text = response["AdditionalResponse"].as_str().unwrap_or_default();
    reqwest::Url::parse(&format!("http://register.invalid/?{text}"))
        .unwrap()
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn pair(response: &Value, key: &str) -> Option<String> {
    additional(response)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The sandbox's `n`-th payment (from 0) once it exists: the code the customer scans.
async fn nth_payment(sandbox: &RunningSandbox, n: usize) -> String {
    tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if let Some(p) = sandbox.sandbox().payments().get(n) {
                return p.payment_id.clone();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the payment was made")
}

fn sales(db: &Path) -> Vec<kassa_journal::SaleRecord> {
    kassa_journal::Journal::open_read_only(db)
        .unwrap()
        .sales_between(0, i64::MAX, kassa_journal::Backend::Sandbox, 100)
        .unwrap()
}

fn payment_response(reply: &Value) -> &Value {
    &reply["SaleToPOIResponse"]["PaymentResponse"]
}

fn journal(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("k.db")
}

#[tokio::test]
async fn a_register_is_paid_and_a_repeated_request_never_charges_twice() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let kassa = kassa(&sandbox, &db).await;

    let login = post(
        &kassa.url,
        json!({"SaleToPOIRequest": {
            "MessageHeader": header("Login", "POS1", "L1"),
            "LoginRequest": {
                "DateTime": "2026-12-04T10:00:00+01:00",
                "SaleSoftware": {"ManufacturerID": "Till Co", "ApplicationName": "Register", "SoftwareVersion": "1.0", "CertificationCode": "x"},
                "SaleTerminalData": {"TerminalEnvironment": "Attended", "SaleCapabilities": ["PrinterReceipt"]},
                "OperatorLanguage": "da",
                "OperatorID": "Cashier 1"
            }
        }}),
    )
    .await;
    assert_eq!(
        login["SaleToPOIResponse"]["LoginResponse"]["Response"]["Result"], "Success",
        "{login}"
    );
    assert_eq!(
        login["SaleToPOIResponse"]["MessageHeader"]["MessageType"],
        "Response"
    );
    assert_eq!(
        login["SaleToPOIResponse"]["MessageHeader"]["POIID"],
        "KASSA-1"
    );

    let url = kassa.url.clone();
    let paying = tokio::spawn(async move {
        post_as(
            &url,
            Some(TOKEN),
            payment("POS1", "P1", "27908", "DKK", "12.5"),
        )
        .await
    });
    let pid = nth_payment(&sandbox, 0).await;
    sandbox.sandbox().approve(&pid).unwrap();
    let (status, reply) = paying.await.unwrap();
    assert_eq!(status, 200);
    let h = &reply["SaleToPOIResponse"]["MessageHeader"];
    assert_eq!(
        (
            &h["MessageCategory"],
            &h["MessageType"],
            &h["ServiceID"],
            &h["SaleID"]
        ),
        (
            &json!("Payment"),
            &json!("Response"),
            &json!("P1"),
            &json!("POS1")
        )
    );
    let paid = payment_response(&reply);
    assert_eq!(paid["Response"]["Result"], "Success", "{reply}");
    assert_eq!(
        paid["SaleData"]["SaleTransactionID"]["TransactionID"],
        "27908"
    );
    let result = &paid["PaymentResult"];
    assert_eq!(result["AmountsResp"]["Currency"], "DKK");
    assert_eq!(result["AmountsResp"]["AuthorizedAmount"], json!(12.5));
    assert_eq!(
        result["PaymentAcquirerData"]["AcquirerTransactionID"]["TransactionID"],
        pid.as_str()
    );
    assert_eq!(
        pair(&paid["Response"], "paymentId").as_deref(),
        Some(pid.as_str())
    );
    assert_eq!(
        pair(&paid["Response"], "receiptNumber").as_deref(),
        Some("1")
    );
    assert_eq!(pair(&paid["Response"], "training").as_deref(), Some("true"));
    let sale_id = paid["POIData"]["POITransactionID"]["TransactionID"]
        .as_str()
        .unwrap()
        .to_owned();
    // Without a window the code was printed for the customer to scan.
    let printed = kassa.events.lock().unwrap().clone();
    assert!(
        printed
            .iter()
            .any(|e| e["event"] == "qr_ready" && e["payment_id"] == pid.as_str()),
        "{printed:?}"
    );
    let kept = sales(&db);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].id, sale_id);
    assert_eq!(kept[0].amount.minor, 1250);
    assert_eq!(kept[0].paid_payment_id.as_deref(), Some(pid.as_str()));
    let receipt = paid["PaymentReceipt"][0]["OutputContent"]["OutputText"]
        .as_array()
        .unwrap();
    assert!(
        receipt
            .iter()
            .any(|t| t["Text"] == format!("Payment {pid}")),
        "{receipt:?}"
    );

    // The same request again (the register never saw the reply), and the same
    // transaction under a new ServiceID: the first payment's result, no second sale.
    for service in ["P1", "P2"] {
        let (_, again) = post_as(
            &kassa.url,
            Some(TOKEN),
            payment("POS1", service, "27908", "DKK", "12.50"),
        )
        .await;
        let again = payment_response(&again);
        assert_eq!(again["Response"]["Result"], "Success");
        assert_eq!(
            again["POIData"]["POITransactionID"]["TransactionID"],
            sale_id.as_str()
        );
        assert_eq!(
            pair(&again["Response"], "paymentId").as_deref(),
            Some(pid.as_str())
        );
    }
    // The same ids with another amount is not a repeat: refused, nothing charged.
    let (_, other) = post_as(
        &kassa.url,
        Some(TOKEN),
        payment("POS1", "P1", "27908", "DKK", "13"),
    )
    .await;
    let r = &payment_response(&other)["Response"];
    assert_eq!(r["ErrorCondition"], "NotAllowed", "{other}");
    assert!(
        pair(r, "message").unwrap().contains("already used"),
        "{other}"
    );
    assert_eq!(sales(&db).len(), 1, "no second sale");
    assert_eq!(sandbox.sandbox().payments().len(), 1, "no second payment");

    // TransactionStatus gives the payment's own response.
    let status = post(&kassa.url, status_request("POS1", "S1", "P1")).await;
    let body = &status["SaleToPOIResponse"]["TransactionStatusResponse"];
    assert_eq!(body["Response"]["Result"], "Success", "{status}");
    let repeated = &body["RepeatedMessageResponse"];
    assert_eq!(repeated["MessageHeader"]["ServiceID"], "P1");
    assert_eq!(repeated["MessageHeader"]["MessageCategory"], "Payment");
    let again = &repeated["RepeatedResponseMessageBody"]["PaymentResponse"];
    assert_eq!(again["Response"]["Result"], "Success");
    assert_eq!(
        again["PaymentResult"]["AmountsResp"]["AuthorizedAmount"],
        json!(12.5)
    );
    assert_eq!(
        again["POIData"]["POITransactionID"]["TransactionID"],
        sale_id.as_str()
    );

    let logout = post(
        &kassa.url,
        json!({"SaleToPOIRequest": {
            "MessageHeader": header("Logout", "POS1", "L2"),
            "LogoutRequest": {"MaintenanceAllowed": true}
        }}),
    )
    .await;
    assert_eq!(
        logout["SaleToPOIResponse"]["LogoutResponse"]["Response"]["Result"],
        "Success"
    );
    kassa.stop().await;
}

#[tokio::test]
async fn a_declined_payment_is_a_refusal_and_the_next_try_is_a_new_sale() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let kassa = kassa(&sandbox, &db).await;
    let url = kassa.url.clone();
    let paying = tokio::spawn(async move {
        post_as(&url, Some(TOKEN), payment("POS1", "P1", "T-7", "DKK", "30")).await
    });
    let first = nth_payment(&sandbox, 0).await;
    sandbox.sandbox().reject(&first).unwrap();
    let (_, reply) = paying.await.unwrap();
    let declined = payment_response(&reply);
    assert_eq!(declined["Response"]["Result"], "Failure", "{reply}");
    assert_eq!(declined["Response"]["ErrorCondition"], "Refusal");
    assert!(
        pair(&declined["Response"], "message")
            .unwrap()
            .contains("declined in the bank"),
        "{reply}"
    );
    assert!(declined.get("PaymentResult").is_none());

    // Nothing was charged: the register may try the same ticket again, and it is a new sale.
    let url = kassa.url.clone();
    let paying = tokio::spawn(async move {
        post_as(
            &url,
            Some(TOKEN),
            payment("POS1", "P2", "T-7", "DKK", "30.00"),
        )
        .await
    });
    let second = nth_payment(&sandbox, 1).await;
    assert_ne!(first, second);
    sandbox.sandbox().approve(&second).unwrap();
    let (_, reply) = paying.await.unwrap();
    assert_eq!(
        payment_response(&reply)["Response"]["Result"],
        "Success",
        "{reply}"
    );
    assert_eq!(sales(&db).len(), 2);
    kassa.stop().await;
}

/// Waits until TransactionStatus for `of_service` says the customer is in their bank.
async fn until_in_bank(url: &str, of_service: &str) {
    tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            let status = post(url, status_request("POS1", "S9", of_service)).await;
            let r = &status["SaleToPOIResponse"]["TransactionStatusResponse"]["Response"];
            assert_eq!(r["ErrorCondition"], "InProgress", "{status}");
            if pair(r, "message")
                .unwrap()
                .contains("approving in their bank")
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await
    .expect("Kassa saw the customer in the bank");
}

#[tokio::test]
async fn an_abort_cancels_the_payment_unless_the_customer_is_approving_in_the_bank() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let kassa = kassa(&sandbox, &db).await;

    let url = kassa.url.clone();
    let paying = tokio::spawn(async move {
        post_as(&url, Some(TOKEN), payment("POS1", "P1", "T1", "DKK", "5")).await
    });
    nth_payment(&sandbox, 0).await;
    let abort = post(&kassa.url, abort_request("POS1", "A1", "P1")).await;
    assert_eq!(
        abort["SaleToPOIResponse"]["AbortResponse"]["Response"]["Result"], "Success",
        "{abort}"
    );
    let (_, reply) = paying.await.unwrap();
    let aborted = payment_response(&reply);
    assert_eq!(aborted["Response"]["Result"], "Failure", "{reply}");
    assert_eq!(aborted["Response"]["ErrorCondition"], "Aborted");
    assert_eq!(sales(&db)[0].state, kassa_journal::SaleState::Cancelled);

    // Once the customer is in their bank, an abort is refused and the payment goes on.
    let url = kassa.url.clone();
    let paying = tokio::spawn(async move {
        post_as(&url, Some(TOKEN), payment("POS1", "P2", "T2", "DKK", "5")).await
    });
    let pid = nth_payment(&sandbox, 1).await;
    sandbox.sandbox().open(&pid).unwrap();
    until_in_bank(&kassa.url, "P2").await;
    let abort = post(&kassa.url, abort_request("POS1", "A2", "P2")).await;
    let refused = &abort["SaleToPOIResponse"]["AbortResponse"]["Response"];
    assert_eq!(refused["Result"], "Failure", "{abort}");
    assert_eq!(refused["ErrorCondition"], "InProgress");
    assert!(
        pair(refused, "message")
            .unwrap()
            .contains("approving the payment in their bank")
    );
    sandbox.sandbox().approve(&pid).unwrap();
    let (_, reply) = paying.await.unwrap();
    assert_eq!(
        payment_response(&reply)["Response"]["Result"],
        "Success",
        "{reply}"
    );

    // An abort of a payment that ended, or never was, changes nothing.
    let late = post(&kassa.url, abort_request("POS1", "A3", "P2")).await;
    assert_eq!(
        late["SaleToPOIResponse"]["AbortResponse"]["Response"]["ErrorCondition"],
        "NotAllowed"
    );
    let none = post(&kassa.url, abort_request("POS1", "A4", "P404")).await;
    assert_eq!(
        none["SaleToPOIResponse"]["AbortResponse"]["Response"]["ErrorCondition"],
        "NotFound"
    );
    kassa.stop().await;
}

#[tokio::test]
async fn a_lost_reply_is_found_again_after_the_register_and_kassa_restart() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let kassa1 = kassa(&sandbox, &db).await;

    // The register sends the payment and "restarts": its connection is gone, the reply lost.
    let lost = reqwest::Client::new()
        .post(&kassa1.url)
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(payment("POS1", "P1", "LOST-1", "DKK", "99.95"))
        .timeout(Duration::from_millis(500))
        .send()
        .await;
    assert!(lost.is_err(), "the reply waits for the sale's end");
    let pid = nth_payment(&sandbox, 0).await;
    // Back up, the register asks: still running.
    let status = post(&kassa1.url, status_request("POS1", "S1", "P1")).await;
    let r = &status["SaleToPOIResponse"]["TransactionStatusResponse"]["Response"];
    assert_eq!(
        (&r["Result"], &r["ErrorCondition"]),
        (&json!("Failure"), &json!("InProgress")),
        "{status}"
    );

    // Kassa itself stops (killed) while the customer approves; a new Kassa on the same
    // journal picks the sale up and the register finds its result.
    kassa1.stop().await;
    sandbox.sandbox().approve(&pid).unwrap();
    let kassa2 = kassa(&sandbox, &db).await;
    let found = tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let status = post(&kassa2.url, status_request("POS1", "S2", "P1")).await;
            let body = status["SaleToPOIResponse"]["TransactionStatusResponse"].clone();
            if body["Response"]["Result"] == "Success" {
                return body;
            }
            assert_eq!(body["Response"]["ErrorCondition"], "InProgress", "{body}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await
    .expect("the payment's result came");
    let paid = &found["RepeatedMessageResponse"]["RepeatedResponseMessageBody"]["PaymentResponse"];
    assert_eq!(paid["Response"]["Result"], "Success");
    assert_eq!(
        paid["SaleData"]["SaleTransactionID"]["TransactionID"],
        "LOST-1"
    );
    assert_eq!(
        paid["PaymentResult"]["AmountsResp"]["AuthorizedAmount"],
        json!(99.95)
    );
    assert_eq!(
        pair(&paid["Response"], "paymentId").as_deref(),
        Some(pid.as_str())
    );

    // The register, unsure, sends the payment again: the same result, no second sale.
    let (_, again) = post_as(
        &kassa2.url,
        Some(TOKEN),
        payment("POS1", "P1", "LOST-1", "DKK", "99.95"),
    )
    .await;
    assert_eq!(payment_response(&again)["Response"]["Result"], "Success");
    assert_eq!(sales(&db).len(), 1);
    assert_eq!(sandbox.sandbox().payments().len(), 1);

    // TransactionStatus without a reference: the register's last payment.
    let last = post(
        &kassa2.url,
        json!({"SaleToPOIRequest": {
            "MessageHeader": header("TransactionStatus", "POS1", "S3"),
            "TransactionStatusRequest": {}
        }}),
    )
    .await;
    assert_eq!(
        last["SaleToPOIResponse"]["TransactionStatusResponse"]["RepeatedMessageResponse"]["MessageHeader"]
            ["ServiceID"],
        "P1"
    );
    // A payment Kassa never got: NotFound, so the register knows nothing was charged.
    let never = post(&kassa2.url, status_request("POS1", "S4", "P-never")).await;
    assert_eq!(
        never["SaleToPOIResponse"]["TransactionStatusResponse"]["Response"]["ErrorCondition"],
        "NotFound"
    );
    kassa2.stop().await;
}

#[tokio::test]
async fn refused_requests_say_why_and_change_nothing() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let kassa = kassa(&sandbox, &db).await;
    let url = kassa.url.as_str();

    // A wrong token, and none.
    for token in [Some("not-the-token-at-all-000"), None] {
        let (status, reply) = post_as(url, token, payment("POS1", "X1", "T1", "DKK", "10")).await;
        assert_eq!(status, 401);
        let r = &payment_response(&reply)["Response"];
        assert_eq!(
            (&r["Result"], &r["ErrorCondition"]),
            (&json!("Failure"), &json!("NotAllowed"))
        );
        assert!(pair(r, "message").unwrap().contains("token"), "{reply}");
        assert_eq!(
            payment_response(&reply)["SaleData"]["SaleTransactionID"]["TransactionID"],
            "T1",
            "the register's transaction is echoed"
        );
    }
    // Not JSON.
    let (status, reply) = post_as(url, Some(TOKEN), "{\"SaleToPOIRequest\": ".into()).await;
    assert_eq!(status, 400);
    let r = reply["SaleToPOIResponse"]
        .as_object()
        .unwrap()
        .values()
        .find_map(|b| b.get("Response"))
        .unwrap();
    assert_eq!(r["ErrorCondition"], "MessageFormat");
    // A field missing: the answer names it.
    let no_currency = payment("POS1", "X2", "T1", "DKK", "10").replace("\"Currency\":\"DKK\",", "");
    let (status, reply) = post_as(url, Some(TOKEN), no_currency).await;
    assert_eq!(status, 200);
    let r = &payment_response(&reply)["Response"];
    assert_eq!(r["ErrorCondition"], "MessageFormat", "{reply}");
    let message = pair(r, "message").unwrap();
    assert!(
        message.contains("SaleToPOIRequest.PaymentRequest.PaymentTransaction.AmountsReq")
            && message.contains("Currency"),
        "{message}"
    );
    // More decimals than the currency has, and another currency than the till's.
    let (_, reply) = post_as(
        url,
        Some(TOKEN),
        payment("POS1", "X3", "T1", "DKK", "10.005"),
    )
    .await;
    let r = &payment_response(&reply)["Response"];
    assert_eq!(r["ErrorCondition"], "MessageFormat");
    assert!(
        pair(r, "message")
            .unwrap()
            .contains("more decimals than DKK's 2"),
        "{reply}"
    );
    let (_, reply) = post_as(url, Some(TOKEN), payment("POS1", "X4", "T1", "EUR", "10")).await;
    let r = &payment_response(&reply)["Response"];
    assert_eq!(r["ErrorCondition"], "NotAllowed");
    assert!(pair(r, "message").unwrap().contains("takes DKK"), "{reply}");
    // A category Kassa does not serve.
    let reversal = post(
        url,
        json!({"SaleToPOIRequest": {
            "MessageHeader": header("Reversal", "POS1", "X5"),
            "ReversalRequest": {"ReversalReason": "MerchantCancel"}
        }}),
    )
    .await;
    assert!(
        reversal.to_string().contains("UnavailableService"),
        "{reversal}"
    );
    // A body far over any nexo message's size is refused before it is read.
    let (status, _) = {
        let res = reqwest::Client::new()
            .post(url)
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(" ".repeat(70 * 1024))
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), ())
    };
    assert_eq!(status, 413);
    assert!(sales(&db).is_empty(), "nothing was opened");
    assert!(
        sandbox.sandbox().payments().is_empty(),
        "nothing was asked of the bank"
    );

    // A second register while the first one's payment runs: Busy, the first goes on.
    let first_url = kassa.url.clone();
    let paying = tokio::spawn(async move {
        post_as(
            &first_url,
            Some(TOKEN),
            payment("POS1", "Y1", "T2", "DKK", "10"),
        )
        .await
    });
    let pid = nth_payment(&sandbox, 0).await;
    let (_, busy) = post_as(url, Some(TOKEN), payment("POS2", "Z1", "Q1", "DKK", "20")).await;
    let r = &payment_response(&busy)["Response"];
    assert_eq!(r["ErrorCondition"], "Busy", "{busy}");
    assert!(
        pair(r, "message").unwrap().contains("register POS1"),
        "{busy}"
    );
    // ... and the register's own second transaction while the first runs.
    let (_, busy) = post_as(url, Some(TOKEN), payment("POS1", "Y2", "T3", "DKK", "20")).await;
    assert_eq!(
        payment_response(&busy)["Response"]["ErrorCondition"],
        "Busy"
    );
    // A ServiceID used again for another transaction.
    let (_, reused) = post_as(url, Some(TOKEN), payment("POS1", "Y1", "T4", "DKK", "20")).await;
    assert_eq!(
        payment_response(&reused)["Response"]["ErrorCondition"],
        "NotAllowed"
    );
    assert_eq!(sales(&db).len(), 1);
    sandbox.sandbox().approve(&pid).unwrap();
    let (_, reply) = paying.await.unwrap();
    assert_eq!(payment_response(&reply)["Response"]["Result"], "Success");
    assert_eq!(sandbox.sandbox().payments().len(), 1);
    kassa.stop().await;
}

/// `openssl` makes a test CA and a certificate for 127.0.0.1 signed by it, in `dir`:
/// (the CA's certificate, the server's certificate, its key).
fn certificate(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let openssl = |args: &[&str]| {
        let out = std::process::Command::new("openssl")
            .current_dir(dir)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    openssl(
        &[
            &["req", "-x509"][..],
            &ec,
            &[
                "-days",
                "30",
                "-subj",
                "/CN=test-ca",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
            ],
        ]
        .concat(),
    );
    openssl(
        &[
            &["req"][..],
            &ec,
            &[
                "-subj",
                "/CN=kassa-terminal",
                "-keyout",
                "key.pem",
                "-out",
                "server.csr",
            ],
        ]
        .concat(),
    );
    std::fs::write(dir.join("ext.cnf"), "subjectAltName=IP:127.0.0.1\n").unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "30",
        "-extfile",
        "ext.cnf",
        "-out",
        "cert.pem",
    ]);
    (
        dir.join("ca.pem"),
        dir.join("cert.pem"),
        dir.join("key.pem"),
    )
}

#[tokio::test]
async fn on_the_network_it_serves_over_tls_with_the_fingerprint_to_pair() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let (ca, cert, key) = certificate(dir.path());
    let mut child = cli::kassa(env!("CARGO_BIN_EXE_kassa"), &sandbox, &db)
        .env("KASSA_TERMINAL_TOKEN", TOKEN)
        .args([
            "terminal",
            "serve",
            "--bind",
            "0.0.0.0:0",
            "--poi-id",
            "KASSA-1",
        ])
        .arg("--tls-cert")
        .arg(&cert)
        .arg("--tls-key")
        .arg(&key)
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut lines = Vec::new();
    for _ in 0..2 {
        let l = tokio::time::timeout(Duration::from_secs(60), stdout.next_line())
            .await
            .expect("kassa spoke")
            .unwrap()
            .expect("a line");
        lines.push(l);
    }
    let (ready, shown) = (lines[0].clone(), lines[1].clone());
    let url = ready
        .split_whitespace()
        .find(|w| w.starts_with("https://0.0.0.0:"))
        .unwrap_or_else(|| panic!("no https address in {ready:?}"))
        .replace("0.0.0.0", "127.0.0.1");
    // The fingerprint to pair with is the certificate's, as openssl reads it.
    let openssl = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-fingerprint", "-sha256", "-in"])
        .arg(&cert)
        .output()
        .unwrap();
    let expected = String::from_utf8_lossy(&openssl.stdout)
        .trim()
        .rsplit('=')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(expected.len(), 95, "{expected}");
    assert!(
        shown.ends_with(&expected),
        "{shown:?} should show {expected}"
    );

    let pem = std::fs::read(&ca).unwrap();
    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .build()
        .unwrap();
    let login = json!({"SaleToPOIRequest": {
        "MessageHeader": header("Login", "POS1", "L1"),
        "LoginRequest": {"DateTime": "2026-12-04T10:00:00+01:00", "OperatorLanguage": "da"}
    }})
    .to_string();
    let send = |token: &'static str| {
        client
            .post(&url)
            .header("authorization", format!("Bearer {token}"))
            .body(login.clone())
            .send()
    };
    let res = send(TOKEN).await.unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(
        v["SaleToPOIResponse"]["LoginResponse"]["Response"]["Result"], "Success",
        "{v}"
    );
    assert_eq!(
        send("not-the-token-at-all-000").await.unwrap().status(),
        401
    );
    // Plain HTTP on the same port gets no answer.
    let plain = reqwest::Client::new()
        .post(url.replace("https://", "http://"))
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(login.clone())
        .timeout(Duration::from_secs(5))
        .send()
        .await;
    assert!(plain.is_err() || plain.is_ok_and(|r| r.status() != 200));
    child.kill().await.unwrap();
}

/// `kassa terminal serve` with `args`: the child, its https address (on 127.0.0.1) and the
/// fingerprint it shows.
async fn serve_tls(
    sandbox: &RunningSandbox,
    db: &Path,
    args: &[&std::ffi::OsStr],
) -> (Child, String, String) {
    let mut child = cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db)
        .env("KASSA_TERMINAL_TOKEN", TOKEN)
        .args(["terminal", "serve", "--bind", "0.0.0.0:0"])
        .args(args)
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut lines = Vec::new();
    for _ in 0..2 {
        let l = tokio::time::timeout(Duration::from_secs(60), stdout.next_line())
            .await
            .expect("kassa spoke")
            .unwrap()
            .expect("a line");
        lines.push(l);
    }
    let url = lines[0]
        .split_whitespace()
        .find(|w| w.starts_with("https://0.0.0.0:"))
        .unwrap_or_else(|| panic!("no https address in {lines:?}"))
        .replace("0.0.0.0", "127.0.0.1");
    let fingerprint = lines[1].rsplit(' ').next().unwrap().to_owned();
    (child, url, fingerprint)
}

#[tokio::test]
async fn kassas_own_certificate_serves_tls_and_stays_the_same_across_restarts() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let tls = [std::ffi::OsStr::new("--tls")];
    let (mut child, url, fingerprint) = serve_tls(&sandbox, &db, &tls).await;
    assert_eq!(fingerprint.len(), 95, "{fingerprint}");
    // Kept beside the journal; the register trusts (pins) exactly this certificate.
    let pem = std::fs::read(dir.path().join("terminal-cert.pem")).unwrap();
    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .build()
        .unwrap();
    let login = json!({"SaleToPOIRequest": {
        "MessageHeader": header("Login", "POS1", "L1"),
        "LoginRequest": {"DateTime": "2026-12-04T10:00:00+01:00", "OperatorLanguage": "da"}
    }})
    .to_string();
    let res = client
        .post(&url)
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(login)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    child.kill().await.unwrap();
    let (mut again, _, same) = serve_tls(&sandbox, &db, &tls).await;
    assert_eq!(same, fingerprint, "a paired register stays paired");
    again.kill().await.unwrap();
}

#[tokio::test]
async fn a_manager_keeps_the_token_in_the_keyring_and_serve_takes_it_from_there() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    // Its own keyring entries: the other tests share the session's keyring.
    let service = format!("eu.kassa.counter.test-terminal-{}", std::process::id());
    let kassa_cmd = |args: &[&str]| {
        let mut cmd = cli::kassa(env!("CARGO_BIN_EXE_kassa"), &sandbox, &db);
        cmd.env("KASSA_KEYRING_SERVICE", &service).args(args);
        cmd
    };
    let (code, out) = cli::run(&mut kassa_cmd(&["terminal", "token"])).await;
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("No registers' token is set"), "{out}");
    let (code, out) = cli::run(&mut kassa_cmd(&["terminal", "token", "--new"])).await;
    assert_eq!(code, Some(0), "{out}");
    let token = out
        .split_whitespace()
        .find(|w| w.len() == 64 && w.bytes().all(|b| b.is_ascii_hexdigit()))
        .unwrap_or_else(|| panic!("no token in {out}"))
        .to_owned();
    let (_, out) = cli::run(&mut kassa_cmd(&["terminal", "token"])).await;
    assert!(
        out.contains("token is set") && !out.contains(&token),
        "{out}"
    );

    let mut child = kassa_cmd(&["terminal", "serve", "--bind", "127.0.0.1:0"])
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = tokio::time::timeout(Duration::from_secs(60), stdout.next_line())
        .await
        .expect("kassa said where it listens")
        .unwrap()
        .expect("a line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .to_owned();
    let login = json!({"SaleToPOIRequest": {
        "MessageHeader": header("Login", "POS1", "L1"),
        "LoginRequest": {"DateTime": "2026-12-04T10:00:00+01:00", "OperatorLanguage": "da"}
    }})
    .to_string();
    let (status, v) = post_as(&url, Some(&token), login.clone()).await;
    assert_eq!(status, 200, "{v}");
    let (status, _) = post_as(&url, Some(TOKEN), login).await;
    assert_eq!(
        status, 401,
        "the environment's token of the other tests is not this one"
    );
    child.kill().await.unwrap();

    let (code, out) = cli::run(&mut kassa_cmd(&["terminal", "token", "--remove"])).await;
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli::run(&mut kassa_cmd(&[
        "terminal",
        "serve",
        "--bind",
        "127.0.0.1:0",
    ]))
    .await;
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("kassa terminal token --new"), "{out}");
}

#[tokio::test]
async fn the_network_is_refused_without_tls_and_a_token_is_needed() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = journal(&dir);
    let (code, out) = cli::run(
        cli::kassa(env!("CARGO_BIN_EXE_kassa"), &sandbox, &db)
            .env("KASSA_TERMINAL_TOKEN", TOKEN)
            .args(["terminal", "serve", "--bind", "0.0.0.0:0"]),
    )
    .await;
    assert_eq!(code, Some(2), "{out}");
    assert!(
        out.contains("only over TLS") && out.contains("--tls-cert"),
        "{out}"
    );
    // A keyring service of its own: no token kept anywhere.
    let service = format!("eu.kassa.counter.test-no-token-{}", std::process::id());
    let (code, out) = cli::run(
        cli::kassa(env!("CARGO_BIN_EXE_kassa"), &sandbox, &db)
            .env("KASSA_KEYRING_SERVICE", &service)
            .args(["terminal", "serve", "--bind", "127.0.0.1:0"]),
    )
    .await;
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("KASSA_TERMINAL_TOKEN"), "{out}");
}
