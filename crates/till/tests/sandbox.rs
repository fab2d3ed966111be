//! Client + engine + journal against the sandbox on a random loopback port, in real time.
//! Link lifetimes are shortened (3 s instead of 60 s) so rotation happens within the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use kassa_aiia::{Client, Config, Secret};
use kassa_journal::{Journal, SaleState};
use kassa_money::{Currency, Money};
use kassa_sandbox::{PaymentStatus as SandboxStatus, SandboxConfig};
use kassa_testkit::{Rig, fast_poll, next, sandbox_on_loopback};
use kassa_till::{Outcome, RandomIds, SystemClock, Till, TillConfig, TillEvent};

const LINK: Duration = Duration::from_secs(3);

/// The engine on a sandbox whose links live [`LINK`], rotating 1.2 s before they die.
async fn rig() -> Rig {
    Rig::builder()
        .link_ttl(LINK)
        .rotate_before(Duration::from_millis(1200))
        .show_margin(Duration::from_millis(500))
        .poll(fast_poll())
        .build()
        .await
}

fn qr(e: TillEvent) -> kassa_till::Qr {
    match e {
        TillEvent::QrReady(q) => q,
        other => panic!("not a code: {other:?}"),
    }
}

#[tokio::test]
async fn approve_in_the_bank_and_the_sale_is_paid_and_journaled() {
    let mut r = rig().await;
    let sale = r
        .till
        .charge(Money::new(1250, Currency::Dkk), Some("Order42"))
        .unwrap();
    let code = qr(next(&mut r.events, |e| matches!(e, TillEvent::QrReady(_))).await);
    let held = r.sandbox.sandbox().payment(&code.payment_id).unwrap();
    assert_eq!(held.amount_minor, 1250);
    assert_eq!(held.reference, "Order42");

    r.sandbox.sandbox().approve(&code.payment_id).unwrap();
    let end = next(&mut r.events, |e| matches!(e, TillEvent::SaleEnded { .. })).await;
    assert!(matches!(
        end,
        TillEvent::SaleEnded {
            outcome: Outcome::Paid,
            ..
        }
    ));
    let detail = r.till.sale_detail(&sale).unwrap();
    assert_eq!(detail.sale.state, SaleState::Paid);
    assert_eq!(
        detail.sale.paid_payment_id.as_deref(),
        Some(code.payment_id.as_str())
    );
    let statuses: Vec<&str> = detail
        .events
        .iter()
        .filter(|e| e.kind == "status")
        .map(|e| e.detail.as_str())
        .collect();
    assert_eq!(statuses.last(), Some(&"Executed"));
}

#[tokio::test]
async fn codes_rotate_before_expiry_and_old_ones_are_followed_to_expired() {
    let mut r = rig().await;
    let sale = r.till.charge(Money::new(500, Currency::Sek), None).unwrap();
    let first = qr(next(&mut r.events, |e| matches!(e, TillEvent::QrReady(_))).await);
    let second = qr(next(&mut r.events, |e| matches!(e, TillEvent::QrReady(_))).await);
    let now = r.till.now_ms();
    assert_eq!(second.attempt, first.attempt + 1);
    assert!(
        now < first.show_until_ms,
        "the new code came before the old one was taken down"
    );
    // The sandbox expires the replaced link; the engine follows it there.
    next(&mut r.events, |e| {
        matches!(e, TillEvent::StatusChanged { payment_id, status, .. } if *payment_id == first.payment_id && status == "Expired")
    })
    .await;
    assert_eq!(
        r.sandbox
            .sandbox()
            .payment(&first.payment_id)
            .unwrap()
            .status,
        SandboxStatus::Expired
    );
    r.till.cancel(&sale).unwrap();
    next(&mut r.events, |e| matches!(e, TillEvent::SaleEnded { .. })).await;
}

#[tokio::test]
async fn an_approval_on_a_replaced_code_pays_and_a_second_one_needs_a_refund() {
    let mut r = rig().await;
    let sale = r
        .till
        .charge(Money::new(9900, Currency::Eur), None)
        .unwrap();
    let first = qr(next(&mut r.events, |e| matches!(e, TillEvent::QrReady(_))).await);
    let second = qr(next(
        &mut r.events,
        |e| matches!(e, TillEvent::QrReady(q) if q.attempt == 2),
    )
    .await);
    // Someone scanned the new code before it left the screen; the customer opens the
    // first one (scanned earlier) now: the new code is taken down, no third one comes.
    r.sandbox.sandbox().open(&first.payment_id).unwrap();
    next(&mut r.events, |e| {
        matches!(
            e,
            TillEvent::QrWithdrawn {
                attempt: 2,
                why: kassa_till::Withdrawn::InBank,
                ..
            }
        )
    })
    .await;
    r.sandbox.sandbox().open(&second.payment_id).unwrap();

    r.sandbox.sandbox().approve(&first.payment_id).unwrap();
    let end = next(&mut r.events, |e| matches!(e, TillEvent::SaleEnded { .. })).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(ref p), .. } if *p == first.payment_id)
    );
    r.sandbox.sandbox().approve(&second.payment_id).unwrap();
    let flag = next(&mut r.events, |e| {
        matches!(e, TillEvent::NeedsAttention { .. })
    })
    .await;
    let TillEvent::NeedsAttention {
        payment_id,
        amount_display,
        ..
    } = flag
    else {
        unreachable!()
    };
    assert_eq!(payment_id, second.payment_id);
    assert_eq!(amount_display, "€99.00");
    let detail = r.till.sale_detail(&sale).unwrap();
    assert!(detail.sale.attention.unwrap().contains(&second.payment_id));
    assert_eq!(
        detail.sale.paid_payment_id.as_deref(),
        Some(first.payment_id.as_str())
    );
    assert_eq!(
        detail.attempts.len(),
        2,
        "no code while the customer was in the bank"
    );
}

#[tokio::test]
async fn an_opened_code_is_never_replaced_while_the_customer_is_in_the_bank() {
    let mut r = rig().await;
    let sale = r.till.charge(Money::new(700, Currency::Dkk), None).unwrap();
    let first = qr(next(&mut r.events, |e| matches!(e, TillEvent::QrReady(_))).await);
    r.sandbox.sandbox().open(&first.payment_id).unwrap();
    next(&mut r.events, |e| {
        matches!(
            e,
            TillEvent::QrWithdrawn {
                attempt: 1,
                why: kassa_till::Withdrawn::InBank,
                ..
            }
        )
    })
    .await;
    // Well past the rotation time and the link's life: still one payment at the bank.
    tokio::time::sleep(LINK * 2).await;
    assert_eq!(r.sandbox.sandbox().payments().len(), 1);
    assert!(r.till.current_sale().unwrap().qr.is_none());
    assert_eq!(
        r.till.current_sale().unwrap().phase,
        kassa_till::Phase::InBank
    );
    r.sandbox.sandbox().approve(&first.payment_id).unwrap();
    let end = next(&mut r.events, |e| matches!(e, TillEvent::SaleEnded { .. })).await;
    assert!(matches!(
        end,
        TillEvent::SaleEnded {
            outcome: Outcome::Paid,
            ..
        }
    ));
    assert_eq!(r.till.sale_detail(&sale).unwrap().attempts.len(), 1);
}

#[tokio::test]
async fn wrong_credentials_end_the_sale_with_a_plain_message() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let client = Client::new(Config::new(
        sandbox.base_url(),
        "someone",
        Secret::new("wrong"),
    ))
    .unwrap();
    let till = Till::new(
        client,
        Journal::open_in_memory().unwrap(),
        Arc::new(SystemClock),
        Arc::new(RandomIds),
        TillConfig::new("sandbox-destination"),
    );
    let mut events = till.subscribe();
    till.charge(Money::new(100, Currency::Dkk), None).unwrap();
    let end = next(&mut events, |e| matches!(e, TillEvent::SaleEnded { .. })).await;
    let TillEvent::SaleEnded {
        outcome, reason, ..
    } = end
    else {
        unreachable!()
    };
    assert_eq!(outcome, Outcome::Failed);
    assert_eq!(
        reason,
        kassa_till::EndReason::CreateRefused(kassa_till::Problem::CredentialsRefused)
    );
    assert!(sandbox.sandbox().payments().is_empty());
}
