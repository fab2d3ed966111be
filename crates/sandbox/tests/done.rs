//! Issue 10, part 6: the payer's phone ends on the sandbox's "Payment done" page when the
//! payment's `redirectUrl` is that page (a counter on the sandbox sends it by default).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kassa_sandbox::{AcceptResponse, DONE_PATH, Sandbox, SandboxConfig};
use reqwest::header::{ACCEPT, LOCATION};

async fn pay_and_decide(decision: &str) -> (reqwest::Response, String) {
    let running = Sandbox::new(SandboxConfig::default())
        .bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let base = running.base_url().to_owned();
    let done = format!("{base}{DONE_PATH}");
    let body = serde_json::json!({
        "destinationId": "sandbox-destination",
        "amount": 12.50,
        "currency": "DKK",
        "schemeId": "DanishDomesticCreditTransfer",
        "reference": "KASSA1",
        "redirectUrl": done,
    });
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let created: AcceptResponse = http
        .post(format!("{base}/v2/payments/accept"))
        .basic_auth("sandbox-client", Some("sandbox-secret"))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // The payer opens the bank page and presses the button, as a browser does.
    let page = http
        .get(&created.authorization_url)
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert!(page.status().is_success());
    let decided = http
        .post(format!(
            "{base}/sandbox/payments/{}/{decision}",
            created.payment_id
        ))
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(decided.status(), 303, "sent on to the redirectUrl");
    let location = decided
        .headers()
        .get(LOCATION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    // Named by its path, on the address the browser came in on (a phone on the shop's
    // network stays there; the counter named the page by its loopback address).
    assert!(location.starts_with(DONE_PATH), "{location}");
    assert!(
        location.contains(&format!("paymentId={}", created.payment_id)),
        "{location}"
    );
    let landed = http.get(format!("{base}{location}")).send().await.unwrap();
    assert!(landed.status().is_success());
    (landed, created.payment_id)
}

#[tokio::test]
async fn after_approving_the_bank_page_ends_on_payment_done() {
    let (landed, _) = pay_and_decide("approve").await;
    let html = landed.text().await.unwrap();
    assert!(html.contains("Payment done"), "{html}");
    assert!(html.contains("You can close this page"), "{html}");
}

#[tokio::test]
async fn after_rejecting_it_ends_on_payment_not_made() {
    let (landed, _) = pay_and_decide("reject").await;
    let html = landed.text().await.unwrap();
    assert!(html.contains("Payment not made"), "{html}");
}
