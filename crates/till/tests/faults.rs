//! One test per injected fault: client + engine + journal against the sandbox on a random
//! loopback port, in real time. Each checks what the cashier is told (the events), how the
//! sale ends, and what the journal holds. Links live 20 s here, so no code is replaced while
//! a test runs; polls and retries are fast; the client gives up after 1 s.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use kassa_aiia::{Client, Config, Secret};
use kassa_journal::{AttemptState, Journal, SaleState};
use kassa_money::{Currency, Money};
use kassa_sandbox::{Customer, Fault, Faults, SandboxConfig};
use kassa_testkit::{Rig, SequentialIds, fast_poll, until};
use kassa_till::{
    CallKind, EndReason, Outcome, PollSchedule, Problem, Qr, SaleDetail, StatusNews, SystemClock,
    Till, TillConfig, TillEvent,
};

const LINK: Duration = Duration::from_secs(20);

async fn rig(faults: Faults) -> Rig {
    rig_with(faults, |_, _, _| {}).await
}

/// The same in the opt-in Bearer mode (a `client_credentials` token; not evidenced for the
/// real service, so the sandbox issues such tokens only when told to).
async fn bearer_rig(faults: Faults) -> Rig {
    rig_with(faults, |sandbox, client, _| {
        sandbox.client_credentials = true;
        client.auth = kassa_aiia::AuthMode::Bearer;
    })
    .await
}

/// Links live [`LINK`]; polls and retries are fast; the client gives up after 1 s and
/// retries without jitter; sale ids are `sale1`, `sale2`, …
async fn rig_with(
    faults: Faults,
    tweak: impl FnOnce(&mut SandboxConfig, &mut Config, &mut TillConfig),
) -> Rig {
    Rig::builder()
        .link_ttl(LINK)
        .rotate_before(Duration::from_secs(8))
        .show_margin(Duration::from_secs(2))
        .poll(PollSchedule {
            after_error: Duration::from_millis(100),
            ..fast_poll()
        })
        .retries(
            Duration::from_millis(100),
            Duration::from_secs(1),
            Duration::from_millis(500),
        )
        .give_up_after(None)
        .faults(faults)
        .client_timeout(Duration::from_secs(1))
        .no_jitter()
        .ids(SequentialIds::default())
        .configure(tweak)
        .build()
        .await
}

fn is_qr(e: &TillEvent) -> bool {
    matches!(e, TillEvent::QrReady(_))
}

fn is_end(e: &TillEvent) -> bool {
    matches!(e, TillEvent::SaleEnded { .. })
}

fn the_qr(events: &[TillEvent]) -> Qr {
    events
        .iter()
        .find_map(|e| match e {
            TillEvent::QrReady(q) => Some(q.clone()),
            _ => None,
        })
        .expect("a code was shown")
}

/// What the cashier was told went wrong, in order (the hosts word it).
fn errors(events: &[TillEvent]) -> Vec<(CallKind, Problem)> {
    events
        .iter()
        .filter_map(|e| match e {
            TillEvent::AttemptError { call, problem, .. } => Some((*call, problem.clone())),
            _ => None,
        })
        .collect()
}

fn ending(events: &[TillEvent]) -> (Outcome, EndReason) {
    match events.last() {
        Some(TillEvent::SaleEnded {
            outcome, reason, ..
        }) => (*outcome, reason.clone()),
        other => panic!("not an end: {other:?}"),
    }
}

fn states(detail: &SaleDetail) -> Vec<AttemptState> {
    detail.attempts.iter().map(|a| a.state).collect()
}

fn event_kinds(detail: &SaleDetail) -> Vec<&str> {
    detail.events.iter().map(|e| e.kind.as_str()).collect()
}

/// Charges, waits for the first code, approves it in the sandbox's bank and follows the
/// sale to its end. Returns every event and the code that was approved.
async fn charge_and_approve(r: &mut Rig, minor: i64) -> (String, Vec<TillEvent>, Qr) {
    let sale = r
        .till
        .charge(Money::new(minor, Currency::Dkk), Some("Faults1"))
        .unwrap();
    let mut events = until(&mut r.events, is_qr).await;
    let qr = the_qr(&events);
    r.sb().approve(&qr.payment_id).unwrap();
    events.extend(until(&mut r.events, is_end).await);
    (sale, events, qr)
}

fn assert_paid_by(r: &Rig, sale: &str, events: &[TillEvent], qr: &Qr) {
    assert_eq!(ending(events), (Outcome::Paid, EndReason::PaidByBank));
    let detail = r.detail(sale);
    assert_eq!(detail.sale.state, SaleState::Paid);
    assert_eq!(
        detail.sale.paid_payment_id.as_deref(),
        Some(qr.payment_id.as_str())
    );
    assert_eq!(detail.sale.attention, None);
}

#[tokio::test]
async fn latency_slows_the_service_but_the_cashier_sees_nothing_wrong() {
    let mut r = rig(Faults {
        latency_ms: 150,
        ..Faults::default()
    })
    .await;
    let (sale, events, qr) = charge_and_approve(&mut r, 1250).await;
    assert!(errors(&events).is_empty(), "{events:#?}");
    assert_paid_by(&r, &sale, &events, &qr);
    assert_eq!(states(&r.detail(&sale)), [AttemptState::Created]);
}

#[tokio::test]
async fn server_errors_on_create_are_retried_with_a_new_attempt_each_time() {
    let mut r = rig(Faults {
        accept: [Fault::ServerError, Fault::Unavailable].into(),
        ..Faults::default()
    })
    .await;
    let (sale, events, qr) = charge_and_approve(&mut r, 1250).await;
    let said = (CallKind::Create, Problem::ServiceError);
    assert_eq!(errors(&events), [said.clone(), said]);
    assert_paid_by(&r, &sale, &events, &qr);
    // A 5xx may come after the payment was made: both are kept as unknown, not refused.
    let detail = r.detail(&sale);
    assert_eq!(
        states(&detail),
        [
            AttemptState::Unknown,
            AttemptState::Unknown,
            AttemptState::Created
        ]
    );
    assert_eq!(r.sb().payments().len(), 1, "the faults made no payment");
}

#[tokio::test]
async fn a_rate_limit_on_create_is_waited_out_as_asked() {
    let mut r = rig(Faults {
        accept: [Fault::RateLimit].into(),
        retry_after_s: 1,
        ..Faults::default()
    })
    .await;
    let (sale, events, qr) = charge_and_approve(&mut r, 1250).await;
    assert_eq!(errors(&events), [(CallKind::Create, Problem::Busy)]);
    let retry_at_ms = events
        .iter()
        .find_map(|e| match e {
            TillEvent::AttemptError { retry_at_ms, .. } => Some(*retry_at_ms),
            _ => None,
        })
        .unwrap();
    assert_paid_by(&r, &sale, &events, &qr);
    let detail = r.detail(&sale);
    assert_eq!(
        states(&detail),
        [AttemptState::Refused, AttemptState::Created]
    );
    // The retry was planned no sooner than Retry-After from the refused call.
    assert!(retry_at_ms >= detail.attempts[0].requested_at_ms + 1_000);
    assert!(detail.attempts[1].requested_at_ms >= retry_at_ms);
}

#[tokio::test]
async fn a_create_call_that_times_out_is_unknown_and_a_new_code_is_made() {
    let mut r = rig(Faults {
        accept: [Fault::Timeout].into(),
        hold_ms: 10_000,
        ..Faults::default()
    })
    .await;
    let (sale, events, qr) = charge_and_approve(&mut r, 1250).await;
    assert_eq!(errors(&events), [(CallKind::Create, Problem::Timeout)]);
    assert_paid_by(&r, &sale, &events, &qr);
    let detail = r.detail(&sale);
    assert_eq!(
        states(&detail),
        [AttemptState::Unknown, AttemptState::Created]
    );
    assert!(event_kinds(&detail).contains(&"attempt_unknown"));
}

#[tokio::test]
async fn a_lost_create_reply_is_journaled_as_unknown_and_stays_visible() {
    let mut r = rig(Faults {
        accept: [Fault::DropAfterCreate].into(),
        ..Faults::default()
    })
    .await;
    let (sale, events, qr) = charge_and_approve(&mut r, 4200).await;
    assert_eq!(errors(&events), [(CallKind::Create, Problem::LostReply)]);
    assert_paid_by(&r, &sale, &events, &qr);

    // The sandbox made two payments; the first one's link was never shown, so nobody can
    // pay it. It carries the sale's reference, so a person can find it at Aiia.
    let made = r.sb().payments();
    assert_eq!(made.len(), 2);
    assert_ne!(made[0].payment_id, qr.payment_id);
    assert!(made.iter().all(|p| p.reference == "Faults1"));
    let shown: Vec<String> = events
        .iter()
        .filter_map(|e| match e {
            TillEvent::QrReady(q) => Some(q.payment_id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(shown, [qr.payment_id.as_str()]);

    // The journal keeps the lost attempt: unknown, no payment id, with what happened.
    let detail = r.detail(&sale);
    assert_eq!(
        states(&detail),
        [AttemptState::Unknown, AttemptState::Created]
    );
    assert_eq!(detail.attempts[0].payment_id, None);
    assert_eq!(detail.attempts[0].reference, "Faults1");
    let note = detail
        .events
        .iter()
        .find(|e| e.kind == "attempt_unknown")
        .unwrap();
    assert_eq!(note.attempt_id, Some(detail.attempts[0].id));
    assert!(
        note.detail.contains("broke before its reply came"),
        "{note:?}"
    );

    // After a restart there is nothing to follow, and the record is still there.
    let path = r.dir.path().join("kassa.db");
    let again = Till::new(
        Client::new(Config::new(
            r.sandbox.base_url(),
            "sandbox-client",
            Secret::new("sandbox-secret"),
        ))
        .unwrap(),
        Journal::open(&path).unwrap(),
        Arc::new(SystemClock),
        Arc::new(SequentialIds::after(100)),
        TillConfig::new("sandbox-destination"),
    );
    assert!(again.resume().unwrap().is_empty());
    assert!(!again.is_busy(), "an unknown attempt is not followed again");
    assert_eq!(
        states(&again.sale_detail(&sale).unwrap()),
        [AttemptState::Unknown, AttemptState::Created]
    );
}

#[tokio::test]
async fn malformed_json_from_create_is_unknown_and_a_new_code_is_made() {
    let mut r = rig(Faults {
        accept: [Fault::MalformedJson].into(),
        ..Faults::default()
    })
    .await;
    let (sale, events, qr) = charge_and_approve(&mut r, 1250).await;
    assert_eq!(errors(&events), [(CallKind::Create, Problem::Unreadable)]);
    assert_paid_by(&r, &sale, &events, &qr);
    assert_eq!(
        states(&r.detail(&sale)),
        [AttemptState::Unknown, AttemptState::Created]
    );
    assert_eq!(
        r.sb().payments().len(),
        2,
        "the unreadable reply hid a payment"
    );
}

#[tokio::test]
async fn an_expired_token_is_renewed_once_without_the_cashier_noticing() {
    let mut r = bearer_rig(Faults {
        expire_tokens: 1,
        ..Faults::default()
    })
    .await;
    let sale = r.till.charge(Money::new(990, Currency::Dkk), None).unwrap();
    let mut events = until(&mut r.events, is_qr).await;
    let qr = the_qr(&events);
    // And once more while the code is read.
    r.sb().set_faults(Faults {
        expire_tokens: 1,
        ..Faults::default()
    });
    tokio::time::timeout(Duration::from_secs(30), async {
        while r.sb().faults().expire_tokens > 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("a status read used the expired token");
    // A read after the renewal, so the renewed token has been used.
    r.till.poke();
    tokio::time::sleep(Duration::from_millis(300)).await;
    r.sb().approve(&qr.payment_id).unwrap();
    events.extend(until(&mut r.events, is_end).await);
    assert!(errors(&events).is_empty(), "{events:#?}");
    assert_paid_by(&r, &sale, &events, &qr);
    assert_eq!(states(&r.detail(&sale)), [AttemptState::Created]);
}

#[tokio::test]
async fn a_token_refused_even_after_renewal_fails_the_sale_with_a_plain_message() {
    let mut r = bearer_rig(Faults {
        expire_tokens: 100,
        ..Faults::default()
    })
    .await;
    let sale = r.till.charge(Money::new(990, Currency::Dkk), None).unwrap();
    let events = until(&mut r.events, is_end).await;
    assert_eq!(
        ending(&events),
        (
            Outcome::Failed,
            EndReason::CreateRefused(Problem::CredentialsRefused)
        )
    );
    let detail = r.detail(&sale);
    assert_eq!(detail.sale.state, SaleState::Failed);
    assert_eq!(states(&detail), [AttemptState::Refused]);
    assert!(r.sb().payments().is_empty());
    assert_eq!(r.sb().faults().expire_tokens, 98, "one renewal, not more");
}

#[tokio::test]
async fn a_token_endpoint_in_trouble_delays_the_code_and_makes_no_payment() {
    let mut r = bearer_rig(Faults {
        // The client tries three times per token request.
        token: [Fault::ServerError, Fault::Unavailable, Fault::MalformedJson].into(),
        retry_after_s: 0,
        ..Faults::default()
    })
    .await;
    let (sale, events, qr) = charge_and_approve(&mut r, 1250).await;
    assert_eq!(errors(&events), [(CallKind::Create, Problem::SignIn)]);
    assert_paid_by(&r, &sale, &events, &qr);
    // The create call was never sent: refused, not unknown.
    assert_eq!(
        states(&r.detail(&sale)),
        [AttemptState::Refused, AttemptState::Created]
    );
    assert_eq!(r.sb().payments().len(), 1);
}

#[tokio::test]
async fn failing_status_reads_are_retried_and_never_end_the_sale() {
    let mut r = rig_with(
        Faults {
            hold_ms: 10_000,
            retry_after_s: 1,
            ..Faults::default()
        },
        |_, client, _| {
            // Hand every Retry-After back to the engine.
            client.retry.max_inline_wait = Duration::ZERO;
        },
    )
    .await;
    let sale = r
        .till
        .charge(Money::new(1250, Currency::Dkk), None)
        .unwrap();
    let mut events = until(&mut r.events, is_qr).await;
    let qr = the_qr(&events);
    // The client reads again once by itself after a 5xx, a dropped or an unreadable
    // reply, so each of those takes two faults to reach the engine.
    r.sb().set_faults(Faults {
        status: [
            Fault::ServerError,
            Fault::ServerError,
            Fault::RateLimit,
            Fault::Timeout,
            Fault::DropAfterCreate,
            Fault::DropAfterCreate,
            Fault::MalformedJson,
            Fault::MalformedJson,
        ]
        .into(),
        hold_ms: 10_000,
        retry_after_s: 1,
        ..Faults::default()
    });
    let five = |e: &TillEvent| matches!(e, TillEvent::AttemptError { .. });
    for _ in 0..5 {
        events.extend(until(&mut r.events, five).await);
    }
    assert_eq!(
        errors(&events),
        [
            (CallKind::Status, Problem::ServiceError),
            (CallKind::Status, Problem::Busy),
            (CallKind::Status, Problem::Timeout),
            (CallKind::Status, Problem::LostReply),
            (CallKind::Status, Problem::Unreadable),
        ]
    );
    assert!(!events.iter().any(is_end), "the sale is still open");
    assert_eq!(r.detail(&sale).sale.state, SaleState::Open);
    assert_eq!(
        r.till.current_sale().unwrap().qr.unwrap().payment_id,
        qr.payment_id,
        "the code stays up"
    );
    r.sb().approve(&qr.payment_id).unwrap();
    events.extend(until(&mut r.events, is_end).await);
    assert_paid_by(&r, &sale, &events, &qr);
    assert_eq!(states(&r.detail(&sale)), [AttemptState::Created]);
}

#[tokio::test]
async fn a_customer_who_never_approves_is_reported_and_the_sale_gives_up() {
    let mut r = rig_with(
        Faults {
            customer: Customer::NeverApproves,
            ..Faults::default()
        },
        |sandbox, _, till| {
            sandbox.session_ttl = Duration::from_millis(2500);
            till.give_up_after = Some(Duration::from_secs(1));
        },
    )
    .await;
    let sale = r
        .till
        .charge(Money::new(1250, Currency::Dkk), None)
        .unwrap();
    let events = until(&mut r.events, is_end).await;
    let news: Vec<(&str, StatusNews)> = events
        .iter()
        .filter_map(|e| match e {
            TillEvent::StatusChanged { status, news, .. } => Some((status.as_str(), *news)),
            _ => None,
        })
        .collect();
    assert_eq!(
        news,
        [
            ("AwaitingAuthorization", StatusNews::Changed),
            ("Expired", StatusNews::LeftTheBank)
        ]
    );
    assert_eq!(
        ending(&events),
        (Outcome::Failed, EndReason::NobodyApproved { after_s: 1 })
    );
    assert!(errors(&events).is_empty());
    let detail = r.detail(&sale);
    assert_eq!(detail.sale.state, SaleState::Failed);
    assert_eq!(detail.attempts.len(), 1, "no new code after the deadline");
    assert_eq!(detail.attempts[0].status.as_deref(), Some("Expired"));
    assert!(detail.attempts[0].is_final);
}

#[tokio::test]
async fn a_bank_that_rejects_fails_the_sale() {
    let mut r = rig(Faults {
        bank_rejects: true,
        ..Faults::default()
    })
    .await;
    let sale = r
        .till
        .charge(Money::new(1250, Currency::Dkk), None)
        .unwrap();
    let mut events = until(&mut r.events, is_qr).await;
    let qr = the_qr(&events);
    r.sb().approve(&qr.payment_id).unwrap();
    events.extend(until(&mut r.events, is_end).await);
    assert_eq!(ending(&events), (Outcome::Failed, EndReason::Declined));
    assert!(errors(&events).is_empty());
    let detail = r.detail(&sale);
    assert_eq!(detail.sale.state, SaleState::Failed);
    assert_eq!(detail.attempts[0].status.as_deref(), Some("Rejected"));
    assert_eq!(event_kinds(&detail).last(), Some(&"sale_failed"));
}
