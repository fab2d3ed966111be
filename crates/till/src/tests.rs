//! Engine tests against a scripted gateway, on tokio's paused clock: minutes of sale time
//! run in milliseconds, and every wait is exact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};

use kassa_aiia::wire::{PaymentStatus, PaymentStatusResponse};
use kassa_journal::{AttemptState, NewSale, SaleState};
use kassa_money::Currency;
use tokio::sync::broadcast::Receiver;

use super::*;
use kassa_aiia::AiiaError;

const T0: i64 = 1_764_000_000_000;

#[derive(Default)]
struct Script {
    /// payment id → status, in creation order.
    payments: Vec<(String, PaymentStatus)>,
    requests: Vec<PaymentOrder>,
    /// Errors the next accept calls return, in order.
    accept_errors: VecDeque<AiiaError>,
    /// Errors the next status reads return, in order.
    status_errors: VecDeque<AiiaError>,
    /// Every status read: the payment and when (tokio time).
    reads: Vec<(String, tokio::time::Instant)>,
    /// How long each status read takes (a slow service).
    status_delay: Duration,
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
    fn slow_status(&self, delay: Duration) {
        self.0.lock().unwrap().status_delay = delay;
    }
    fn fail_next_status(&self, e: AiiaError) {
        self.0.lock().unwrap().status_errors.push_back(e);
    }
}

/// The scripted service speaks Aiia's errors and replies, mapped by the Aiia gateway's own
/// functions, so the engine is tested through the same mapping as production.
impl Gateway for Fake {
    async fn create(&self, order: &PaymentOrder) -> Result<Created, GatewayError> {
        let mut s = self.0.lock().unwrap();
        if let Some(e) = s.accept_errors.pop_front() {
            return Err(e.into());
        }
        s.requests.push(order.clone());
        let id = format!("p{}", s.payments.len() + 1);
        s.payments.push((id.clone(), PaymentStatus::Initiated));
        Ok(Created {
            link: format!("https://bank.test/authorize/{id}"),
            payment_id: id,
        })
    }

    async fn status(&self, payment_id: &str) -> Result<StatusReport, GatewayError> {
        let delay = self.0.lock().unwrap().status_delay;
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        let mut s = self.0.lock().unwrap();
        s.reads
            .push((payment_id.to_owned(), tokio::time::Instant::now()));
        if let Some(e) = s.status_errors.pop_front() {
            return Err(e.into());
        }
        let (_, status) = s
            .payments
            .iter()
            .find(|(id, _)| id == payment_id)
            .ok_or_else(|| AiiaError::NotFound(payment_id.into()))?;
        let reply: PaymentStatusResponse = match status {
            // The object shape, with the bank's reason, as the service sends an unpaid end.
            PaymentStatus::Rejected => serde_json::from_value(serde_json::json!({
                "id": payment_id,
                "status": {"code": "Rejected", "lastUpdated": "2025-11-24T16:00:00Z",
                           "details": {"reason": "InsufficientFunds",
                                       "description": "insufficient funds"}}})),
            _ => serde_json::from_value(
                serde_json::json!({"paymentId": payment_id, "status": status.as_str()}),
            ),
        }
        .unwrap();
        Ok(gateway::aiia::report(reply))
    }
}

struct Seq(AtomicUsize);

impl IdSource for Seq {
    fn new_sale_id(&self) -> String {
        format!("sale{}", self.0.fetch_add(1, Ordering::SeqCst) + 1)
    }
}

fn till_with(fake: &Fake, mut journal: Journal) -> Till<Fake> {
    // Receipts are only issued sealed (the test sealer, kassa-testkit's).
    kassa_testkit::TestSealer::install(&mut journal).unwrap();
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
    assert_eq!(req.amount, dkk(1250));
    // The Aiia gateway writes it with the currency's scheme.
    assert_eq!(
        gateway::aiia::request(&req).scheme_id,
        "DanishDomesticCreditTransfer"
    );
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
        note: message,
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
        matches!(flag, TillEvent::NeedsAttention { ref note, .. } if note.contains("cancelled"))
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
    let declined = |e: &TillEvent| matches!(e, TillEvent::StatusChanged { status, .. } if status == "Rejected");
    let changed = next(&mut rx, declined).await;
    let insufficient = Some(BankReason {
        reason: Some("InsufficientFunds".into()),
        description: Some("insufficient funds".into()),
    });
    // The bank's reason travels with the status and with the end, for the cashier's words.
    assert!(
        matches!(&changed, TillEvent::StatusChanged { bank, .. } if *bank == insufficient),
        "{changed:?}"
    );
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(
            &end,
            TillEvent::SaleEnded {
                outcome: Outcome::Failed,
                reason: EndReason::Declined,
                bank,
                ..
            } if *bank == insufficient
        ),
        "{end:?}"
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
    assert!(matches!(
        err,
        TillEvent::AttemptError {
            problem: Problem::ServiceError,
            call: CallKind::Create,
            ..
        }
    ));
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
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Failed, reason: EndReason::CreateRefused(Problem::Refused(ref m)), .. } if m == "unknown destinationId")
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
    // The till's receipt key is in before the disk fills (a till always has it by then).
    kassa_testkit::TestSealer::install(journal).unwrap();
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
    // A note's change carries the whole row into the replication log, a bigger write than
    // a new sale's: fill what is left with the smallest writes there are.
    while journal
        .record_journal_event(&kassa_journal::NewJournalEvent {
            code: 13_999,
            at_ms: T0,
            training: true,
            detail: "",
            receipt: None,
        })
        .is_ok()
    {}
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
    let TillEvent::AttemptError {
        problem: Problem::Journal(message),
        ..
    } = e
    else {
        unreachable!("{e:?}")
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
    kassa_testkit::TestSealer::install(&mut journal).unwrap();
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
        fake.create(&test_request()).await.unwrap();
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
        fake.create(&test_request()).await.unwrap();
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
async fn a_crash_after_a_rejection_is_written_fails_the_sale_on_resume_unless_its_current_code_lives()
 {
    let fake = Fake::default();
    for _ in 0..2 {
        fake.create(&test_request()).await.unwrap();
    }
    // p1 was replaced by p2, which still lives: the decline of p1 ends nothing.
    fake.set(0, PaymentStatus::Rejected);
    let till = till_with(&fake, crashed_journal("Rejected", false));
    let mut rx = till.subscribe();
    till.resume().unwrap();
    let view = till.current_sale().expect("still open");
    assert_eq!(view.qr.map(|q| q.payment_id).as_deref(), Some("p2"));
    // The customer declines the code on screen: now the sale fails.
    fake.set(1, PaymentStatus::Rejected);
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(
            end,
            TillEvent::SaleEnded {
                outcome: Outcome::Failed,
                reason: EndReason::Declined,
                ..
            }
        ),
        "{end:?}"
    );
    assert_eq!(
        till.sale_detail("s1").unwrap().sale.state,
        SaleState::Failed
    );
}

fn test_request() -> PaymentOrder {
    PaymentOrder {
        amount: dkk(700),
        reference: "KS1".into(),
        destination: "dest-1".into(),
        redirect_url: "https://kassa.invalid/paid".into(),
        country: None,
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
            problem,
            call,
            ..
        } = next(&mut rx, |e| matches!(e, TillEvent::AttemptError { .. })).await
        else {
            unreachable!()
        };
        assert_eq!((problem, call), (Problem::ServiceError, CallKind::Status));
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
    let TillEvent::StatusChanged { news, .. } = next(
        &mut rx,
        |e| matches!(e, TillEvent::StatusChanged { status, .. } if status == "Expired"),
    )
    .await
    else {
        unreachable!()
    };
    assert_eq!(news, StatusNews::LeftTheBank);
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(
            end,
            TillEvent::SaleEnded {
                outcome: Outcome::Failed,
                reason: EndReason::NobodyApproved { after_s: 600 },
                ..
            }
        ),
        "{end:?}"
    );
    assert!(till.now_ms() - started >= 660_000);
    assert_eq!(
        till.sale_detail(&sale).unwrap().sale.state,
        SaleState::Failed
    );
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

// ---- Issue 9: each failure reported against the old engine, as a test ----

fn is_status(status: &'static str) -> impl Fn(&TillEvent) -> bool {
    move |e| matches!(e, TillEvent::StatusChanged { status: s, .. } if s == status)
}

#[tokio::test(start_paused = true)]
async fn a_failed_write_after_an_executed_payment_shows_no_new_code_and_pays_once_it_can() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(990), None).unwrap();
    next(&mut rx, is_qr).await;
    // The customer pays; the write that ends the sale fails (disk, I/O) for two minutes.
    till.inner.journal().drill_refuse_sale_ends(true).unwrap();
    fake.set(0, PaymentStatus::Executed);
    tokio::time::sleep(Duration::from_secs(120)).await;
    assert_eq!(
        fake.count(),
        1,
        "no new payment was made for a customer who paid"
    );
    while let Ok(e) = rx.try_recv() {
        assert!(!is_qr(&e) && !is_end(&e), "{e:?}");
    }
    assert!(
        till.current_sale().unwrap().qr.is_none(),
        "no code is offered meanwhile"
    );
    till.inner.journal().drill_refuse_sale_ends(false).unwrap();
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(ref p), .. } if p == "p1"),
        "{end:?}"
    );
    let detail = till.sale_detail(&sale).unwrap();
    assert_eq!(detail.sale.state, SaleState::Paid);
    assert_eq!(detail.attempts.len(), 1);
    assert_eq!(fake.count(), 1);
}

#[tokio::test(start_paused = true)]
async fn no_second_code_while_the_customer_is_in_the_bank() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(2500), None).unwrap();
    next(&mut rx, is_qr).await;
    fake.set(0, PaymentStatus::AwaitingAuthorization);
    next(&mut rx, |e| {
        matches!(
            e,
            TillEvent::QrWithdrawn {
                why: Withdrawn::InBank,
                ..
            }
        )
    })
    .await;
    // Long past the code's rotation and its link's minute.
    tokio::time::sleep(Duration::from_secs(60)).await;
    fake.set(0, PaymentStatus::Authorized);
    tokio::time::sleep(Duration::from_secs(60)).await;
    assert_eq!(fake.count(), 1, "no second payable code was made");
    let view = till.current_sale().unwrap();
    assert!(view.qr.is_none());
    assert_eq!(view.phase, Phase::Authorized);
    while let Ok(e) = rx.try_recv() {
        assert!(!is_qr(&e), "{e:?}");
    }
    fake.set(0, PaymentStatus::Executed);
    let end = next(&mut rx, is_end).await;
    assert!(matches!(
        end,
        TillEvent::SaleEnded {
            outcome: Outcome::Paid,
            ..
        }
    ));
    assert_eq!(till.sale_detail(&sale).unwrap().attempts.len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_slow_status_read_does_not_keep_a_dying_code_on_screen() {
    let fake = Fake::default();
    // Every read takes 40 s (longer than the 8 s rotation margin).
    fake.slow_status(Duration::from_secs(40));
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    till.charge(dkk(100), None).unwrap();
    let TillEvent::QrReady(first) = next(&mut rx, is_qr).await else {
        unreachable!()
    };
    let TillEvent::QrReady(second) = next(&mut rx, is_qr).await else {
        unreachable!()
    };
    assert_eq!(second.attempt, 2);
    assert!(
        till.now_ms() < first.show_until_ms,
        "the replacement came {} ms after the old code had to leave the screen",
        till.now_ms() - first.show_until_ms
    );
}

#[tokio::test(start_paused = true)]
async fn a_payment_the_service_does_not_know_yet_is_still_followed_and_pays() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(100), None).unwrap();
    next(&mut rx, is_qr).await;
    for _ in 0..3 {
        fake.fail_next_status(AiiaError::NotFound("p1".into()));
    }
    fake.set(0, PaymentStatus::AwaitingAuthorization);
    next(&mut rx, is_status("AwaitingAuthorization")).await;
    fake.set(0, PaymentStatus::Executed);
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(ref p), .. } if p == "p1"),
        "{end:?}"
    );
    let attempt = &till.sale_detail(&sale).unwrap().attempts[0];
    assert_eq!(attempt.status.as_deref(), Some("Executed"));
}

#[tokio::test(start_paused = true)]
async fn a_decline_on_a_replaced_code_leaves_the_sale_open_on_its_live_code() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(100), None).unwrap();
    next(&mut rx, is_qr).await;
    next(&mut rx, is_qr).await;
    fake.set(0, PaymentStatus::Rejected);
    next(&mut rx, is_status("Rejected")).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(till.sale_detail(&sale).unwrap().sale.state, SaleState::Open);
    assert_eq!(
        till.current_sale()
            .unwrap()
            .qr
            .map(|q| q.payment_id)
            .as_deref(),
        Some("p2")
    );
    fake.set(1, PaymentStatus::Executed);
    let end = next(&mut rx, is_end).await;
    assert!(
        matches!(end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(ref p), .. } if p == "p2"),
        "{end:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_second_payment_whose_flag_cannot_be_written_is_flagged_once_it_can() {
    let dir = tempfile::tempdir().unwrap();
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open(&dir.path().join("k.db")).unwrap());
    let mut rx = till.subscribe();
    let sale = till.charge(dkk(990), None).unwrap();
    next(&mut rx, is_qr).await;
    next(&mut rx, is_qr).await;
    fake.set(0, PaymentStatus::Executed);
    next(&mut rx, is_end).await;
    // The disk fills up; then the replaced code is paid too.
    fill(&mut till.inner.journal());
    fake.set(1, PaymentStatus::Executed);
    let e = next(&mut rx, |e| matches!(e, TillEvent::AttemptError { .. })).await;
    assert!(
        matches!(
            e,
            TillEvent::AttemptError {
                problem: Problem::Journal(_),
                ..
            }
        ),
        "{e:?}"
    );
    tokio::time::sleep(Duration::from_secs(30)).await;
    while let Ok(e) = rx.try_recv() {
        assert!(!matches!(e, TillEvent::NeedsAttention { .. }), "{e:?}");
    }
    assert!(till.is_busy(), "the payment is still followed");
    // Space again: the flag is written (with its status, in one transaction) and told.
    till.inner.journal().cap_pages(10_000).unwrap();
    let flag = next(&mut rx, |e| matches!(e, TillEvent::NeedsAttention { .. })).await;
    assert!(
        matches!(flag, TillEvent::NeedsAttention { ref payment_id, .. } if payment_id == "p2"),
        "{flag:?}"
    );
    // Flagged once (the filler notes of `fill` belong to another sale).
    let items: Vec<_> = till
        .attention_items()
        .unwrap()
        .into_iter()
        .filter(|a| a.sale_id == sale)
        .collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].payment_id.as_deref(), Some("p2"));
    assert_eq!(till.sale_detail(&sale).unwrap().sale.state, SaleState::Paid);
}

fn line(text: &str, minor: i64, quantity: u32, bp: u32, code: u8) -> OwnedLine {
    OwnedLine {
        text: text.into(),
        quantity,
        unit_gross: dkk(minor),
        vat_bp: bp,
        saft_code: code,
    }
}

#[tokio::test(start_paused = true)]
async fn a_sale_of_lines_asks_the_bank_for_their_total_and_keeps_the_lines() {
    let fake = Fake::default();
    let journal = Journal::open_in_memory().unwrap();
    let till = till_with(&fake, journal);
    let mut rx = till.subscribe();
    let sale = till
        .charge_lines(
            vec![
                line("Bread", 3990, 1, 1500, 31),
                line("Batteries", 4950, 2, 2500, 3),
            ],
            Some("Order7"),
        )
        .unwrap();
    next(&mut rx, is_qr).await;
    let req = fake.0.lock().unwrap().requests[0].clone();
    assert_eq!(req.amount, dkk(3990 + 2 * 4950));
    assert_eq!(req.reference, "Order7");
    fake.set(0, PaymentStatus::Executed);
    next(&mut rx, is_end).await;
    let detail = till.sale_detail(&sale).unwrap();
    assert_eq!(detail.sale.state, SaleState::Paid);
    assert_eq!(detail.sale.amount, dkk(13890));
    let journal = till.inner.journal();
    let lines = journal.lines_of_sale(&sale).unwrap();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].text, "Batteries");
    assert_eq!(lines[1].quantity, 2);
    assert_eq!(lines[1].vat.unwrap().bp, 2500);
    let receipt = journal.receipt_of_sale(&sale).unwrap().unwrap();
    assert_eq!(receipt.number, 1);
    assert_eq!(receipt.tender, kassa_journal::Tender::Bank);
    assert_eq!(receipt.tender_detail.as_deref(), Some("p1"));
}

#[tokio::test(start_paused = true)]
async fn lines_that_make_no_sale_are_refused_before_anything_is_written() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let over = Currency::Dkk.max_sale_minor();
    let cases: Vec<(Vec<OwnedLine>, &str)> = vec![
        (vec![], "a sale needs at least one line"),
        (
            vec![line("Car", over, 1, 2500, 3), line("Mat", 1, 1, 2500, 3)],
            "the sale's total 1.000.000,01\u{a0}kr. is over the limit of 1.000.000,00\u{a0}kr. for one sale",
        ),
        (
            vec![
                line("A", 100, 1, 2500, 3),
                OwnedLine {
                    unit_gross: Money::new(100, Currency::Sek),
                    ..line("B", 100, 1, 2500, 3)
                },
            ],
            "the sale is in DKK but SEK was given: one sale has one currency",
        ),
        (vec![line("", 100, 1, 2500, 3)], "line 1 has no text"),
    ];
    for (lines, said) in cases {
        let e = till.charge_lines(lines.clone(), None).unwrap_err();
        assert!(e.to_string().contains(said), "{e}");
        let e = till
            .sell_by_hand(lines, HandTender::Card { reference: None }, None)
            .unwrap_err();
        assert!(e.to_string().contains(said), "{e}");
    }
    assert_eq!(fake.count(), 0, "nothing reached the bank");
    assert!(
        till.inner
            .journal()
            .all_sales(Backend::Sandbox)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test(start_paused = true)]
async fn a_cash_sale_is_paid_with_its_receipt_at_once_and_a_card_sale_gets_the_next_number() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let lines = vec![
        line("Coffee", 3500, 2, 2500, 3),
        line("Bun", 2990, 1, 1500, 31),
    ];
    let short = till
        .sell_by_hand(lines.clone(), HandTender::Cash { given: dkk(9989) }, None)
        .unwrap_err();
    assert_eq!(
        short.to_string(),
        "the cash given (99,89\u{a0}kr.) is less than the total (99,90\u{a0}kr.): take at least the total"
    );
    let cash = till
        .sell_by_hand(lines.clone(), HandTender::Cash { given: dkk(20000) }, None)
        .unwrap();
    assert_eq!(cash.number, 1, "the refused one took no number");
    assert_eq!(cash.total, dkk(9990));
    assert_eq!(cash.tender, kassa_journal::Tender::Cash);
    assert_eq!(cash.cash_given, Some(dkk(20000)));
    assert!(cash.training, "a sandbox till's sale is training");
    let sale = till.sale_detail(&cash.sale_id).unwrap();
    assert_eq!(sale.sale.state, SaleState::Paid);
    assert!(sale.attempts.is_empty(), "nothing was asked of the bank");
    assert!(
        sale.events
            .iter()
            .any(|e| e.detail == "paid in cash: 200,00\u{a0}kr. given, 100,10\u{a0}kr. change"),
        "{:?}",
        sale.events
    );

    let card = till
        .sell_by_hand(
            vec![line("Standard", 12500, 1, 2500, 3)],
            HandTender::Card {
                reference: Some(" AUTH 123456 ".into()),
            },
            Some("Table4"),
        )
        .unwrap();
    assert_eq!(card.number, 2);
    assert_eq!(card.tender, kassa_journal::Tender::Card);
    assert_eq!(card.card_reference.as_deref(), Some("AUTH 123456"));
    assert_eq!(
        till.sale_detail(&card.sale_id)
            .unwrap()
            .sale
            .reference
            .as_deref(),
        Some("Table4")
    );
    let e = till
        .sell_by_hand(
            vec![line("Standard", 100, 1, 2500, 3)],
            HandTender::Card {
                reference: Some("x".repeat(41)),
            },
            None,
        )
        .unwrap_err();
    assert!(
        matches!(e, TillError::Refused(SaleRefused::BadCardReference)),
        "{e}"
    );
    assert_eq!(fake.count(), 0);
    assert!(!till.is_busy(), "nothing to follow");
}

#[tokio::test(start_paused = true)]
async fn a_sale_by_hand_waits_for_the_open_bank_sale() {
    let fake = Fake::default();
    let till = till_with(&fake, Journal::open_in_memory().unwrap());
    let mut rx = till.subscribe();
    let open = till.charge(dkk(500), None).unwrap();
    next(&mut rx, is_qr).await;
    let e = till
        .sell_by_hand(
            vec![line("Standard", 500, 1, 2500, 3)],
            HandTender::Cash { given: dkk(500) },
            None,
        )
        .unwrap_err();
    assert!(
        matches!(e, TillError::SaleInProgress { ref sale_id } if *sale_id == open),
        "{e}"
    );
    till.cancel(&open).unwrap();
    next(&mut rx, is_end).await;
    let r = till
        .sell_by_hand(
            vec![line("Standard", 500, 1, 2500, 3)],
            HandTender::Cash { given: dkk(500) },
            None,
        )
        .unwrap();
    assert_eq!(r.number, 1, "the cancelled sale has no receipt");
    assert_eq!(r.cash_given, Some(dkk(500)));
}
