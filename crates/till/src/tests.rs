//! Engine tests against a scripted gateway, on tokio's paused clock: minutes of sale time
//! run in milliseconds, and every wait is exact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};

use kassa_aiia::wire::{
    AcceptPaymentRequest, AcceptPaymentResponse, PaymentStatus, PaymentStatusResponse,
};
use kassa_journal::{AttemptState, SaleState};
use kassa_money::Currency;
use tokio::sync::broadcast::Receiver;

use super::*;

const T0: i64 = 1_764_000_000_000;

#[derive(Default)]
struct Script {
    /// payment id → status, in creation order.
    payments: Vec<(String, PaymentStatus)>,
    requests: Vec<AcceptPaymentRequest>,
    /// Errors the next accept calls return, in order.
    accept_errors: VecDeque<AiiaError>,
    /// Errors the next status reads return, in order.
    status_errors: VecDeque<AiiaError>,
    /// Every status read: the payment and when (tokio time).
    reads: Vec<(String, tokio::time::Instant)>,
}

#[derive(Default, Clone)]
struct Fake(Arc<Mutex<Script>>);

impl Fake {
    fn set(&self, n: usize, status: PaymentStatus) {
        self.0.lock().unwrap().payments[n].1 = status;
    }
    fn count(&self) -> usize {
        self.0.lock().unwrap().payments.len()
    }
    fn fail_next_accept(&self, e: AiiaError) {
        self.0.lock().unwrap().accept_errors.push_back(e);
    }
    fn fail_next_status(&self, e: AiiaError) {
        self.0.lock().unwrap().status_errors.push_back(e);
    }
}

impl Gateway for Fake {
    async fn accept(
        &self,
        request: &AcceptPaymentRequest,
    ) -> Result<AcceptPaymentResponse, AiiaError> {
        let mut s = self.0.lock().unwrap();
        if let Some(e) = s.accept_errors.pop_front() {
            return Err(e);
        }
        s.requests.push(request.clone());
        let id = format!("p{}", s.payments.len() + 1);
        s.payments.push((id.clone(), PaymentStatus::Initiated));
        Ok(AcceptPaymentResponse {
            authorization_url: format!("https://bank.test/authorize/{id}"),
            payment_id: id,
        })
    }

    async fn status(&self, payment_id: &str) -> Result<PaymentStatusResponse, AiiaError> {
        let mut s = self.0.lock().unwrap();
        s.reads
            .push((payment_id.to_owned(), tokio::time::Instant::now()));
        if let Some(e) = s.status_errors.pop_front() {
            return Err(e);
        }
        let (_, status) = s
            .payments
            .iter()
            .find(|(id, _)| id == payment_id)
            .ok_or_else(|| AiiaError::NotFound(payment_id.into()))?;
        Ok(serde_json::from_value(
            serde_json::json!({"paymentId": payment_id, "status": status.as_str()}),
        )
        .unwrap())
    }
}

struct Seq(AtomicUsize);

impl IdSource for Seq {
    fn new_sale_id(&self) -> String {
        format!("sale{}", self.0.fetch_add(1, Ordering::SeqCst) + 1)
    }
}

fn till_with(fake: &Fake, journal: Journal) -> Till<Fake> {
    Till::new(
        fake.clone(),
        journal,
        Arc::new(TokioClock::starting_at(T0)),
        Arc::new(Seq(AtomicUsize::new(0))),
        TillConfig::new("dest-1"),
    )
}

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

/// Waits (in paused time) for the next event matching `f`.
async fn next<F: Fn(&TillEvent) -> bool>(rx: &mut Receiver<TillEvent>, f: F) -> TillEvent {
    let found = tokio::time::timeout(Duration::from_secs(600), async {
        loop {
            let e = rx.recv().await.expect("event stream open");
            if f(&e) {
                return e;
            }
        }
    })
    .await;
    found.expect("the expected event did not come within 10 minutes of sale time")
}

fn is_qr(e: &TillEvent) -> bool {
    matches!(e, TillEvent::QrReady(_))
}

fn is_end(e: &TillEvent) -> bool {
    matches!(e, TillEvent::SaleEnded { .. })
}

#[tokio::test(start_paused = true)]
async fn a_sale_shows_a_code_and_ends_paid() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(1250), Some("Table7")).unwrap();

    let TillEvent::QrReady(qr) = next(&mut rx, is_qr).await else {
        unreachable!()
    };
    assert_eq!((qr.attempt, qr.payment_id.as_str()), (1, "p1"));
    assert!(qr.qr_svg.contains("<svg"));
    assert_eq!(qr.expires_at_ms - qr.show_until_ms, 2_000);
    let req = fake.0.lock().unwrap().requests[0].clone();
    assert_eq!(req.reference, "Table7");
    assert_eq!(req.scheme_id, "DanishDomesticCreditTransfer");
    assert_eq!(req.amount.0, dkk(1250));
    assert_eq!(till.current_sale().unwrap().qr.unwrap().payment_id, "p1");

    fake.set(0, PaymentStatus::Authorized);
    next(
        &mut rx,
        |e| matches!(e, TillEvent::StatusChanged { status, .. } if status == "Authorized"),
    )
    .await;
    fake.set(0, PaymentStatus::Executed);
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(ref p), .. } if p == "p1")
    );

    let detail = till.sale_detail(&sale).unwrap();
    assert_eq!(detail.sale.state, SaleState::Paid);
    assert_eq!(detail.sale.paid_payment_id.as_deref(), Some("p1"));
    assert!(till.current_sale().is_none());
    let kinds: Vec<&str> = detail.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"sale_opened"));
    assert_eq!(kinds.last(), Some(&"sale_paid"));
}

#[tokio::test(start_paused = true)]
async fn an_open_sale_gets_a_fresh_code_before_each_one_dies() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(500), None).unwrap();

    let mut codes: Vec<(Qr, i64)> = Vec::new();
    while codes.len() < 6 {
        let TillEvent::QrReady(qr) = next(&mut rx, is_qr).await else {
            unreachable!()
        };
        codes.push((qr, till.now_ms()));
    }
    for pair in codes.windows(2) {
        let (old, new) = (&pair[0].0, &pair[1]);
        assert_eq!(new.0.attempt, old.attempt + 1);
        assert!(
            new.1 < old.show_until_ms,
            "code {} arrived after code {} was taken down",
            new.0.attempt,
            old.attempt
        );
        assert!(new.0.expires_at_ms > old.expires_at_ms);
    }
    // The first reference is derived from the sale id; every attempt shares it.
    let refs: Vec<String> = fake
        .0
        .lock()
        .unwrap()
        .requests
        .iter()
        .map(|r| r.reference.clone())
        .collect();
    assert!(refs.iter().all(|r| r == "KSALE1"), "{refs:?}");
    // Replaced codes are still followed: the sandbox expires them, the journal records it.
    for n in 0..3 {
        fake.set(n, PaymentStatus::Expired);
    }
    next(&mut rx, |e| matches!(e, TillEvent::StatusChanged { payment_id, status, .. } if payment_id == "p3" && status == "Expired")).await;
    assert_eq!(till.sale_detail(&sale).unwrap().sale.state, SaleState::Open);
    assert!(
        till.current_sale().unwrap().qr.is_some(),
        "a live code stays up"
    );
}

#[tokio::test(start_paused = true)]
async fn a_late_approval_pays_and_a_second_one_is_flagged_for_refund() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(9900), None).unwrap();
    next(
        &mut rx,
        |e| matches!(e, TillEvent::QrReady(q) if q.attempt == 2),
    )
    .await;

    // The customer approves the replaced code: that pays the sale.
    fake.set(0, PaymentStatus::Executed);
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(ref p), .. } if p == "p1")
    );
    // And then someone approves the newer one too: never hidden.
    fake.set(1, PaymentStatus::Executed);
    let flag = next(&mut rx, |e| matches!(e, TillEvent::NeedsAttention { .. })).await;
    let TillEvent::NeedsAttention {
        payment_id,
        amount_display,
        message,
        ..
    } = flag
    else {
        unreachable!()
    };
    assert_eq!(payment_id, "p2");
    assert_eq!(amount_display, "99,00\u{a0}kr.");
    assert!(message.contains("Refund"), "{message}");
    let detail = till.sale_detail(&sale).unwrap();
    assert_eq!(detail.sale.paid_payment_id.as_deref(), Some("p1"));
    assert!(detail.sale.attention.unwrap().contains("p2"));
    assert_eq!(fake.count(), 2, "no new codes after the sale ended");
}

#[tokio::test(start_paused = true)]
async fn cancel_ends_the_sale_and_an_approval_after_it_is_flagged() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(100), None).unwrap();
    next(&mut rx, is_qr).await;
    till.cancel(&sale).unwrap();
    let end = next(&mut rx, is_end).await;
    assert!(matches!(
        end,
        TillEvent::SaleEnded {
            outcome: Outcome::Cancelled,
            ..
        }
    ));
    assert!(matches!(till.cancel(&sale), Err(TillError::NotOpen(_))));

    fake.set(0, PaymentStatus::Executed);
    let flag = next(&mut rx, |e| matches!(e, TillEvent::NeedsAttention { .. })).await;
    assert!(
        matches!(flag, TillEvent::NeedsAttention { ref message, .. } if message.contains("cancelled"))
    );
    // Once every attempt is final, the driver lets go.
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert!(!till.is_busy());
}

#[tokio::test(start_paused = true)]
async fn a_declined_payment_fails_the_sale() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(100), None).unwrap();
    next(&mut rx, is_qr).await;
    fake.set(0, PaymentStatus::Rejected);
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Failed, ref message, .. } if message == "Declined in the bank")
    );
    assert_eq!(
        till.sale_detail(&sale).unwrap().sale.state,
        SaleState::Failed
    );
}

#[tokio::test(start_paused = true)]
async fn a_busy_service_is_retried_and_a_refusal_ends_the_sale() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    fake.fail_next_accept(AiiaError::Server {
        status: 503,
        code: "503".into(),
        message: "down".into(),
        retry_after: None,
    });
    fake.fail_next_accept(AiiaError::RateLimited {
        retry_after: Some(Duration::from_secs(3)),
    });
    let started = till.now_ms();
    let sale = till.charge(dkk(100), None).unwrap();
    let err = next(&mut rx, |e| matches!(e, TillEvent::AttemptError { .. })).await;
    assert!(
        matches!(err, TillEvent::AttemptError { ref message, .. } if message.contains("problem"))
    );
    next(&mut rx, is_qr).await;
    assert!(till.now_ms() - started >= 3_000, "Retry-After was honoured");
    let attempts = till.sale_detail(&sale).unwrap().attempts;
    let states: Vec<AttemptState> = attempts.iter().map(|a| a.state).collect();
    assert_eq!(
        states,
        [
            AttemptState::Unknown,
            AttemptState::Refused,
            AttemptState::Created
        ]
    );
    till.cancel(&sale).unwrap();
    next(&mut rx, is_end).await;

    fake.fail_next_accept(AiiaError::Rejected {
        status: 400,
        code: "InvalidDestination".into(),
        message: "unknown destinationId".into(),
    });
    let sale = till.charge(dkk(100), None).unwrap();
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Failed, ref message, .. } if message.contains("unknown destinationId"))
    );
    assert_eq!(
        till.sale_detail(&sale).unwrap().sale.state,
        SaleState::Failed
    );
}

#[tokio::test(start_paused = true)]
async fn one_open_sale_at_a_time_and_references_are_checked() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    assert!(matches!(
        till.charge(dkk(100), Some("no spaces")),
        Err(TillError::InvalidReference(_))
    ));
    let sale = till.charge(dkk(100), Some("  ")).unwrap();
    assert!(
        matches!(till.charge(dkk(100), None), Err(TillError::SaleInProgress { sale_id }) if sale_id == sale)
    );
}

#[tokio::test(start_paused = true)]
async fn a_restart_resumes_the_open_sale_and_its_live_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    let fake = Fake::default();
    let sale = {
        let till = till_with(&fake, Journal::open(&path).unwrap());
        let mut rx = till.subscribe();
        let sale = till.charge(dkk(4200), None).unwrap();
        next(&mut rx, is_qr).await;
        sale
        // The till is dropped here: as if the app was killed. Its task keeps a clone alive
        // on this runtime, so simulate the restart with a second till on the same file.
    };
    let till = till_with(&fake, Journal::open(&path).unwrap());
    let mut rx = till.subscribe();
    assert_eq!(till.resume().unwrap(), vec![sale.clone()]);
    let view = till.current_sale().unwrap();
    assert_eq!(view.sale_id, sale);
    assert_eq!(
        view.qr.unwrap().payment_id,
        "p1",
        "the still-valid code is shown again"
    );
    fake.set(0, PaymentStatus::Executed);
    let end = next(&mut rx, is_end).await;
    assert!(matches!(
        end,
        TillEvent::SaleEnded {
            outcome: Outcome::Paid,
            ..
        }
    ));
}

#[tokio::test(start_paused = true)]
async fn an_attempt_cut_off_before_its_reply_is_marked_unknown_on_resume() {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .insert_sale(&NewSale {
            id: "s1",
            amount: dkk(100),
            reference: None,
            at_ms: T0,
            backend: Backend::Sandbox,
        })
        .unwrap();
    journal.begin_attempt("s1", "KS1", T0).unwrap();
    let fake = Fake::default();
    let till = till_with(&fake, journal);
    let mut rx = till.subscribe();
    till.resume().unwrap();
    next(&mut rx, is_qr).await;
    let states: Vec<AttemptState> = till
        .sale_detail("s1")
        .unwrap()
        .attempts
        .iter()
        .map(|a| a.state)
        .collect();
    assert_eq!(states, [AttemptState::Unknown, AttemptState::Created]);
}

fn server_error(retry_after: Option<u64>) -> AiiaError {
    AiiaError::Server {
        status: 503,
        code: "ServiceUnavailable".into(),
        message: "down".into(),
        retry_after: retry_after.map(Duration::from_secs),
    }
}

/// Caps the journal at its size and fills it to the last byte, as a full disk would.
fn fill(journal: &mut Journal) {
    journal
        .insert_sale(&NewSale {
            id: "filler",
            amount: dkk(1),
            reference: None,
            at_ms: T0,
            backend: Backend::Sandbox,
        })
        .unwrap();
    journal
        .end_sale("filler", SaleState::Cancelled, None, T0, "filler")
        .unwrap();
    journal.cap_pages(0).unwrap();
    for size in [1000, 100, 10, 1] {
        while journal
            .flag_attention("filler", None, &"x".repeat(size), T0)
            .is_ok()
        {}
    }
}

#[tokio::test(start_paused = true)]
async fn a_full_disk_is_told_to_the_cashier_in_plain_words_and_the_sale_goes_on_after() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open(&dir.path().join("k.db")).unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(990), None).unwrap();
    next(&mut rx, is_qr).await;
    // Enough room for nothing more: the executed status cannot be written.
    fill(&mut till.inner.journal());
    fake.set(0, PaymentStatus::Executed);
    let e = next(&mut rx, |e| matches!(e, TillEvent::AttemptError { .. })).await;
    let TillEvent::AttemptError { message, .. } = e else {
        unreachable!()
    };
    assert_eq!(
        message,
        "the disk is full: the sale journal cannot be written. Free some space; nothing written so far is lost"
    );
    let err = till.charge(dkk(100), None).unwrap_err();
    assert!(err.to_string().contains("still open"), "{err}");
    // Space is freed: the engine retries and the sale is paid; nothing was lost meanwhile.
    till.inner.journal().cap_pages(10_000).unwrap();
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(
            end,
            TillEvent::SaleEnded {
                outcome: Outcome::Paid,
                ..
            }
        ),
        "{end:?}"
    );
    assert_eq!(till.sale_detail(&sale).unwrap().sale.state, SaleState::Paid);
}

#[tokio::test(start_paused = true)]
async fn a_charge_on_a_full_disk_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::default();
    let mut journal = Journal::open(&dir.path().join("k.db")).unwrap();
    fill(&mut journal);
    let till = till_with(&fake, journal);
    let err = till.charge(dkk(100), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the disk is full: the sale journal cannot be written. Free some space; nothing written so far is lost"
    );
    assert_eq!(fake.count(), 0, "nothing was charged");
}

/// A journal as a crash leaves it: sale `s1` with attempts p1 and p2, p1's status written.
fn crashed_journal(p1_status: &str, sale_paid_by_p1: bool) -> Journal {
    let mut journal = Journal::open_in_memory().unwrap();
    journal
        .insert_sale(&NewSale {
            id: "s1",
            amount: dkk(700),
            reference: None,
            at_ms: T0,
            backend: Backend::Sandbox,
        })
        .unwrap();
    for (i, pid) in ["p1", "p2"].iter().enumerate() {
        let a = journal.begin_attempt("s1", "KS1", T0).unwrap();
        journal
            .attempt_created(a.id, pid, "https://bank.test/x", T0, T0 + 60_000)
            .unwrap();
        if i == 0 {
            journal
                .record_status(a.id, p1_status, p1_status != "Initiated", T0 + 1)
                .unwrap();
        }
    }
    if sale_paid_by_p1 {
        journal
            .end_sale("s1", SaleState::Paid, Some("p1"), T0 + 2, "paid")
            .unwrap();
    }
    journal
}

#[tokio::test(start_paused = true)]
async fn a_crash_after_an_executed_status_is_written_still_pays_the_sale_on_resume() {
    let fake = Fake::default();
    for _ in 0..2 {
        fake.accept(&test_request()).await.unwrap();
    }
    fake.set(0, PaymentStatus::Executed);
    let till = till_with(&fake, crashed_journal("Executed", false));
    let mut rx = till.subscribe();
    till.resume().unwrap();
    // The sale is paid: p2's still-valid code is not put up again on the way.
    assert!(till.current_sale().is_none_or(|v| v.qr.is_none()));
    let end = next(&mut rx, |e| is_end(e) || is_qr(e)).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(ref p), .. } if p == "p1"),
        "{end:?}"
    );
    // p2 is still followed; when it is executed too it is flagged, once.
    fake.set(1, PaymentStatus::Executed);
    let flag = next(&mut rx, |e| matches!(e, TillEvent::NeedsAttention { .. })).await;
    assert!(matches!(flag, TillEvent::NeedsAttention { ref payment_id, .. } if payment_id == "p2"));
    while till.is_busy() {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let items = till.inner.journal().attention_items().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].payment_id.as_deref(), Some("p2"));
    assert_eq!(items[0].amount, dkk(700));
}

#[tokio::test(start_paused = true)]
async fn a_crash_after_a_second_executed_payment_flags_it_on_resume_and_only_once() {
    let fake = Fake::default();
    for _ in 0..2 {
        fake.accept(&test_request()).await.unwrap();
    }
    fake.set(0, PaymentStatus::Executed);
    fake.set(1, PaymentStatus::Executed);
    // p2's executed status is written but its flag is not (the crash came between).
    let mut journal = crashed_journal("Executed", true);
    let a2 = journal.attempts("s1").unwrap()[1].id;
    journal.record_status(a2, "Executed", true, T0 + 3).unwrap();
    assert_eq!(journal.unsettled_sales().unwrap(), ["s1"]);
    let till = till_with(&fake, journal);
    let mut rx = till.subscribe();
    assert!(till.resume().unwrap().is_empty(), "no sale is open");
    let flag = next(&mut rx, |e| matches!(e, TillEvent::NeedsAttention { .. })).await;
    assert!(matches!(flag, TillEvent::NeedsAttention { ref payment_id, .. } if payment_id == "p2"));
    while till.is_busy() {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(till.inner.journal().unsettled_sales().unwrap().is_empty());
    // A second restart finds nothing to do: the flag is not written twice.
    till.resume().unwrap();
    while till.is_busy() {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(till.inner.journal().attention_items().unwrap().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_crash_after_a_rejection_is_written_fails_the_sale_on_resume() {
    let fake = Fake::default();
    for _ in 0..2 {
        fake.accept(&test_request()).await.unwrap();
    }
    fake.set(0, PaymentStatus::Rejected);
    let till = till_with(&fake, crashed_journal("Rejected", false));
    let mut rx = till.subscribe();
    till.resume().unwrap();
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(
            end,
            TillEvent::SaleEnded {
                outcome: Outcome::Failed,
                ..
            }
        ),
        "{end:?}"
    );
}

fn test_request() -> AcceptPaymentRequest {
    AcceptPaymentRequest {
        destination_id: "dest-1".into(),
        amount: kassa_aiia::wire::DecimalAmount(dkk(700)),
        currency: Currency::Dkk,
        scheme_id: "DanishDomesticCreditTransfer".into(),
        reference: "KS1".into(),
        redirect_url: "https://kassa.invalid/paid".into(),
        preselected_country: None,
    }
}

#[tokio::test(start_paused = true)]
async fn failing_status_reads_back_off_honour_retry_after_and_never_end_the_sale() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(100), None).unwrap();
    next(&mut rx, is_qr).await;
    for _ in 0..4 {
        fake.fail_next_status(server_error(None));
    }
    fake.fail_next_status(server_error(Some(15)));
    fake.fail_next_status(server_error(None));
    let mut waits = Vec::new();
    for _ in 0..6 {
        let TillEvent::AttemptError {
            retry_at_ms,
            message,
            ..
        } = next(&mut rx, |e| matches!(e, TillEvent::AttemptError { .. })).await
        else {
            unreachable!()
        };
        assert_eq!(
            message,
            "The payment service has a problem on its side; the code still works."
        );
        waits.push(retry_at_ms - till.now_ms());
    }
    // 2 s doubling up to 10 s; a Retry-After of 15 s is longer, so it is kept; the next
    // wait is the capped backoff again.
    assert_eq!(waits, [2_000, 4_000, 8_000, 10_000, 15_000, 10_000]);
    assert_eq!(till.sale_detail(&sale).unwrap().sale.state, SaleState::Open);
    fake.set(0, PaymentStatus::Executed);
    let end = next(&mut rx, is_end).await;
    assert!(matches!(
        end,
        TillEvent::SaleEnded {
            outcome: Outcome::Paid,
            ..
        }
    ));
}

#[tokio::test(start_paused = true)]
async fn an_unpaid_sale_gives_up_but_not_while_a_customer_is_in_their_bank() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let started = till.now_ms();
    let sale = till.charge(dkk(100), None).unwrap();
    next(&mut rx, is_qr).await;
    // Nine minutes in, someone opens the newest code and stays in the bank.
    tokio::time::sleep(Duration::from_secs(540)).await;
    let n = fake.count() - 1;
    fake.set(n, PaymentStatus::AwaitingAuthorization);
    next(&mut rx, |e| matches!(e, TillEvent::StatusChanged { status, .. } if status == "AwaitingAuthorization")).await;
    tokio::time::sleep(Duration::from_secs(120)).await;
    assert_eq!(
        till.sale_detail(&sale).unwrap().sale.state,
        SaleState::Open,
        "past ten minutes, but the customer is still approving"
    );
    fake.set(n, PaymentStatus::Expired);
    let TillEvent::StatusChanged { status_text, .. } = next(
        &mut rx,
        |e| matches!(e, TillEvent::StatusChanged { status, .. } if status == "Expired"),
    )
    .await
    else {
        unreachable!()
    };
    assert_eq!(
        status_text,
        "The customer did not approve in their bank in time"
    );
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Failed, ref message, .. } if message == "Not paid: nobody approved the payment within 10 min"),
        "{end:?}"
    );
    assert!(till.now_ms() - started >= 660_000);
    assert_eq!(
        till.sale_detail(&sale).unwrap().sale.state,
        SaleState::Failed
    );
}

#[test]
fn every_failure_has_its_own_short_sentence() {
    use kassa_aiia::retry::Call;
    let rate = AiiaError::RateLimited {
        retry_after: Some(Duration::from_secs(2)),
    };
    let token = AiiaError::Token {
        source: Box::new(server_error(None)),
    };
    let malformed = AiiaError::Malformed {
        detail: "x".into(),
        source: None,
    };
    let refused = AiiaError::Unauthorized {
        message: "no".into(),
    };
    let rejected = AiiaError::Rejected {
        status: 400,
        code: "InvalidAmount".into(),
        message: "amount must be greater than 0".into(),
    };
    let table: [(&AiiaError, Call, &str); 10] = [
        (
            &rate,
            Call::Accept,
            "The payment service is busy and asked Kassa to wait.",
        ),
        (
            &rate,
            Call::Status,
            "The payment service is busy and asked Kassa to wait; the code still works.",
        ),
        (
            &server_error(None),
            Call::Accept,
            "The payment service has a problem on its side. A new code is on its way.",
        ),
        (
            &malformed,
            Call::Accept,
            "The payment service sent a reply Kassa cannot read. A new code is on its way.",
        ),
        (
            &malformed,
            Call::Status,
            "The payment service sent a reply Kassa cannot read; the code still works.",
        ),
        (
            &token,
            Call::Accept,
            "Kassa could not sign in to the payment service.",
        ),
        (
            &token,
            Call::Status,
            "Kassa could not sign in to the payment service; the code still works.",
        ),
        (
            &refused,
            Call::Accept,
            "The payment service refused Kassa's credentials. Check the Client ID and Secret.",
        ),
        (
            &refused,
            Call::Status,
            "The payment service refused Kassa's credentials; the code still works. Check the Client ID and Secret.",
        ),
        (
            &rejected,
            Call::Accept,
            "The payment service refused the payment: amount must be greater than 0",
        ),
    ];
    for (e, call, said) in table {
        assert_eq!(cashier_message(e, call), said, "{e:?} {call:?}");
    }
}

/// The sale state machine under generated event sequences (proptest): whatever the service
/// and the cashier do, in any order, a sale ends exactly once, is paid at most once and only
/// by an executed payment, every other executed payment is flagged exactly once, and every
/// code is followed to its end.
mod state_machine {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        /// The service moves payment `k` (if it is not final yet, as the real one).
        Status(usize, PaymentStatus),
        Wait(u64),
        Cancel,
        Poke,
        FailAccept(u8),
        FailStatus(u8),
    }

    fn status() -> impl Strategy<Value = PaymentStatus> {
        prop::sample::select(vec![
            PaymentStatus::AwaitingAuthorization,
            PaymentStatus::Authorized,
            PaymentStatus::Executed,
            PaymentStatus::Executed,
            PaymentStatus::Rejected,
            PaymentStatus::Failed,
            PaymentStatus::Expired,
            PaymentStatus::Unknown("Settling".into()),
        ])
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0usize..6, status()).prop_map(|(k, s)| Op::Status(k, s)),
            4 => (1u64..90_000).prop_map(Op::Wait),
            1 => Just(Op::Cancel),
            1 => Just(Op::Poke),
            1 => (0u8..4).prop_map(Op::FailAccept),
            1 => (0u8..4).prop_map(Op::FailStatus),
        ]
    }

    fn error(kind: u8) -> AiiaError {
        match kind {
            0 => AiiaError::RateLimited {
                retry_after: Some(Duration::from_secs(2)),
            },
            1 => AiiaError::Server {
                status: 503,
                code: "ServiceUnavailable".into(),
                message: "try later".into(),
                retry_after: None,
            },
            2 => AiiaError::Malformed {
                detail: "cut off".into(),
                source: None,
            },
            _ => AiiaError::Rejected {
                status: 400,
                code: "InvalidReference".into(),
                message: "no".into(),
            },
        }
    }

    async fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
        let fake = Fake::default();
        let till = till_with(&fake, Journal::open_in_memory().unwrap());
        let mut rx = till.subscribe();
        let sale = till.charge(dkk(5_000), None).unwrap();
        for op in ops {
            match op {
                Op::Status(k, s) => {
                    let mut script = fake.0.lock().unwrap();
                    let n = script.payments.len();
                    if n > 0 {
                        let p = &mut script.payments[k % n].1;
                        if !p.is_final() {
                            *p = s;
                        }
                    }
                }
                Op::Wait(ms) => tokio::time::sleep(Duration::from_millis(ms)).await,
                Op::Cancel => {
                    let _ = till.cancel(&sale);
                }
                Op::Poke => till.poke(),
                Op::FailAccept(k) => fake.fail_next_accept(error(k)),
                Op::FailStatus(k) => fake.fail_next_status(error(k)),
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        // The service lets every open link run out; the engine must then be done.
        for _ in 0..100 {
            {
                let mut script = fake.0.lock().unwrap();
                for p in &mut script.payments {
                    if !p.1.is_final() {
                        p.1 = PaymentStatus::Expired;
                    }
                }
            }
            if !till.is_busy() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(30)).await;
        }
        prop_assert!(!till.is_busy(), "a sale or code was never settled");

        let detail = till.sale_detail(&sale).unwrap();
        let ends: Vec<&str> = detail
            .events
            .iter()
            .map(|e| e.kind.as_str())
            .filter(|k| ["sale_paid", "sale_failed", "sale_cancelled"].contains(k))
            .collect();
        prop_assert_eq!(ends.len(), 1, "ended exactly once: {:?}", ends);
        prop_assert!(detail.sale.state != SaleState::Open);
        let executed: Vec<String> = fake
            .0
            .lock()
            .unwrap()
            .payments
            .iter()
            .filter(|(_, s)| *s == PaymentStatus::Executed)
            .map(|(id, _)| id.clone())
            .collect();
        let paid = detail.sale.paid_payment_id.clone();
        match detail.sale.state {
            SaleState::Paid => {
                prop_assert!(
                    executed.contains(paid.as_ref().unwrap()),
                    "paid by an executed payment"
                )
            }
            _ => prop_assert!(paid.is_none()),
        }
        let attention = till.inner.journal().attention_items().unwrap();
        let extra: Vec<&String> = executed
            .iter()
            .filter(|p| Some(*p) != paid.as_ref())
            .collect();
        prop_assert_eq!(
            attention.len(),
            extra.len(),
            "one flag per extra payment, no other"
        );
        for p in extra {
            prop_assert!(
                attention
                    .iter()
                    .any(|a| a.payment_id.as_ref() == Some(p) && a.amount == dkk(5_000)),
                "extra payment {} flagged with its amount",
                p
            );
        }
        for a in &detail.attempts {
            prop_assert!(
                a.is_final || a.payment_id.is_none(),
                "followed to its end: {:?}",
                a
            );
        }
        let (mut ended, mut lagged) = (0, false);
        loop {
            match rx.try_recv() {
                Ok(TillEvent::SaleEnded { .. }) => ended += 1,
                Ok(_) => {}
                Err(tokio::sync::broadcast::error::TryRecvError::Lagged(_)) => lagged = true,
                Err(_) => break,
            }
        }
        prop_assert!(
            ended == 1 || (lagged && ended == 0),
            "the end announced once: {}",
            ended
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn no_sequence_of_events_reaches_an_impossible_state(ops in prop::collection::vec(op(), 0..40)) {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .start_paused(true)
                .build()
                .unwrap();
            rt.block_on(run(ops))?;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn polling_waits_for_the_scan_then_backs_off_and_never_reads_twice_a_second_more() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let start = tokio::time::Instant::now();
    till.charge(dkk(100), None).unwrap();
    next(&mut rx, is_qr).await;
    // Half a minute of a code nobody opens, then a customer in the bank who approves.
    tokio::time::sleep(Duration::from_secs(30)).await;
    fake.set(0, PaymentStatus::AwaitingAuthorization);
    tokio::time::sleep(Duration::from_secs(5)).await;
    fake.set(0, PaymentStatus::Authorized);
    tokio::time::sleep(Duration::from_secs(2)).await;
    fake.set(0, PaymentStatus::Executed);
    next(&mut rx, is_end).await;
    let reads: Vec<u128> = fake
        .0
        .lock()
        .unwrap()
        .reads
        .iter()
        .map(|(_, at)| at.duration_since(start).as_millis())
        .collect();
    let p = PollSchedule::default();
    assert_eq!(
        reads[0],
        p.scan_time.as_millis(),
        "first read after the scan time"
    );
    let gaps: Vec<u128> = reads.windows(2).map(|w| w[1] - w[0]).collect();
    // Fast until 20 s, then every second, then fast again once the bank session is open.
    assert!(
        reads
            .iter()
            .zip(&gaps)
            .filter(|(at, _)| **at < 19_500)
            .all(|(_, g)| *g == 501),
        "{reads:?}"
    );
    assert!(
        reads
            .iter()
            .zip(&gaps)
            .filter(|(at, _)| (20_000..29_000).contains(*at))
            .all(|(_, g)| *g == 1001),
        "{reads:?}"
    );
    assert!(
        reads
            .iter()
            .zip(&gaps)
            .filter(|(at, _)| (31_000..36_500).contains(*at))
            .all(|(_, g)| *g == 501),
        "{reads:?}"
    );
    // Never more than two reads of one attempt in any second.
    for (i, at) in reads.iter().enumerate() {
        let in_window = reads[i..].iter().take_while(|t| **t < at + 1000).count();
        assert!(
            in_window <= 2,
            "{in_window} reads in the second from {at} ms: {reads:?}"
        );
    }
}
