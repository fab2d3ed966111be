//! Fault soak: many sales through the sandbox while 30 % of all API calls (token, accept,
//! status) fail with a fault drawn from every kind the sandbox has. Counters run in
//! parallel, each with its own journal; a simulated customer per sale approves, rejects,
//! walks away, approves late or twice, or the cashier cancels. Every sale must end (no stuck
//! sale, every code followed to its end), in the state the sandbox's own record implies:
//! paid by an executed payment, every other executed payment flagged with its id and
//! amount, none lost. `KASSA_SOAK_SALES` sets the number of sales (default 48 for CI;
//! bench/soak.sh runs 1,000) and the counts table is printed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kassa_aiia::Client;
use kassa_journal::{Journal, SaleState};
use kassa_money::{Currency, Money};
use kassa_sandbox::{
    Endpoint, Fault, Faults, PaymentStatus, RandomFaults, RunningSandbox, Sandbox,
};
use kassa_testkit::{Rig, RigBuilder};
use kassa_till::{PollSchedule, Till, TillEvent};
use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::RecvError;

const LINK: Duration = Duration::from_secs(5);

/// Panics anywhere in the process, also inside the engine's tasks (which tokio would
/// otherwise swallow).
static PANICS: AtomicUsize = AtomicUsize::new(0);
const GIVE_UP: Duration = Duration::from_secs(12);

/// What the customer (or the cashier) does with a sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Plan {
    /// Approves the first code shown.
    Approve,
    /// Rejects the first code shown.
    Reject,
    /// The cashier cancels once the first code is up.
    Cancel,
    /// Waits for the replacement code, then approves the replaced one.
    ApproveLate,
    /// Waits for the replacement code, then approves both.
    ApproveTwice,
    /// Never acts: the sale gives up.
    WalkAway,
    /// Opens the first code in the bank and stays there past the rotation time; meanwhile
    /// a second phone scans whatever code the screen shows and pays it; then the first
    /// customer approves. A second payable code on screen means a double payment.
    OpenThenRescan,
}

fn plan(n: usize) -> Plan {
    // A fixed spread, so the mix is the same for every run of the same size.
    match n % 20 {
        0..=7 => Plan::Approve,
        8..=10 => Plan::Reject,
        11..=13 => Plan::Cancel,
        14..=15 => Plan::ApproveLate,
        16..=17 => Plan::ApproveTwice,
        18 => Plan::WalkAway,
        _ => Plan::OpenThenRescan,
    }
}

#[derive(Debug, Default)]
struct Tally {
    sales: usize,
    ends: BTreeMap<&'static str, usize>,
    by_plan: BTreeMap<(Plan, &'static str), usize>,
    flagged: usize,
    extra_payments: usize,
    extra_by_plan: BTreeMap<Plan, usize>,
    lost: usize,
    stuck: usize,
    wrong: usize,
    cashier_messages: usize,
    unknown_attempts: usize,
    customer_too_late: usize,
    failed_why: BTreeMap<String, usize>,
}

async fn next_qr(rx: &mut Receiver<TillEvent>, sale: &str, after: i64) -> Option<(i64, String)> {
    loop {
        match rx.recv().await {
            Ok(TillEvent::QrReady(q)) if q.sale_id == sale && q.attempt > after => {
                return Some((q.attempt, q.payment_id));
            }
            Ok(TillEvent::SaleEnded { sale_id, .. }) if sale_id == sale => return None,
            Ok(_) | Err(RecvError::Lagged(_)) => {}
            Err(RecvError::Closed) => return None,
        }
    }
}

/// One sale, start to end, with the customer acting on the codes shown. Also returns
/// how many of the customer's actions came too late (the code had expired or was decided).
async fn one_sale(till: &Till<Client>, sandbox: &Sandbox, n: usize) -> (String, String, usize) {
    let mut rx = till.subscribe();
    let reference = format!("SOAK{n}");
    let amount = Money::new(100 + (n as i64 * 37) % 100_000, Currency::Dkk);
    let sale = till.charge(amount, Some(&reference)).unwrap();
    let p = plan(n);
    // A customer acts on what is on the screen; a call that comes too late is their bad luck.
    let mut missed = 0;
    let mut act = |r: Result<kassa_sandbox::PaymentView, kassa_sandbox::SandboxError>| {
        if r.is_err() {
            missed += 1;
        }
    };
    if let Some((seq, first)) = next_qr(&mut rx, &sale, 0).await {
        match p {
            Plan::Approve => act(sandbox.approve(&first)),
            Plan::Reject => act(sandbox.reject(&first)),
            Plan::Cancel => drop(till.cancel(&sale)),
            Plan::ApproveLate => {
                if next_qr(&mut rx, &sale, seq).await.is_some() {
                    act(sandbox.approve(&first));
                }
            }
            Plan::ApproveTwice => {
                if let Some((_, second)) = next_qr(&mut rx, &sale, seq).await {
                    act(sandbox.approve(&first));
                    act(sandbox.approve(&second));
                }
            }
            Plan::WalkAway => {}
            Plan::OpenThenRescan => {
                act(sandbox.open(&first));
                // In the bank past the moment a code would be replaced (2.5 s of 5).
                tokio::time::sleep(Duration::from_millis(3_000)).await;
                if let Some(qr) = till.current_sale().and_then(|v| v.qr) {
                    if qr.payment_id != first {
                        act(sandbox.approve(&qr.payment_id));
                    }
                }
                act(sandbox.approve(&first));
            }
        }
    }
    (sale, reference, missed)
}

/// A counter with its own journal running `sales` one after the other.
/// Links live [`LINK`]; polls and retries are fast; the client gives up after 1 s; an
/// unpaid sale gives up after [`GIVE_UP`].
fn counter_config() -> RigBuilder {
    Rig::builder()
        .link_ttl(LINK)
        .rotate_before(Duration::from_millis(2500))
        .show_margin(Duration::from_millis(500))
        .poll(PollSchedule {
            waiting: Duration::from_millis(150),
            opened: Duration::from_millis(150),
            authorized: Duration::from_millis(100),
            replaced: Duration::from_millis(300),
            after_error: Duration::from_millis(150),
            ..PollSchedule::steady(Duration::from_millis(150))
        })
        .retries(
            Duration::from_millis(100),
            Duration::from_millis(800),
            Duration::from_millis(800),
        )
        .give_up_after(Some(GIVE_UP))
        .client_timeout(Duration::from_secs(1))
}

async fn counter(sandbox: Arc<RunningSandbox>, next: Arc<AtomicUsize>, total: usize) -> Tally {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let till = counter_config().till_on(&sandbox, &db);
    let mut messages = till.subscribe();
    let mut tally = Tally::default();
    let mut mine = Vec::new();
    loop {
        let n = next.fetch_add(1, Ordering::SeqCst);
        if n >= total {
            break;
        }
        let (sale, reference, missed) = one_sale(&till, sandbox.sandbox(), n).await;
        tally.customer_too_late += missed;
        // The sale ends, and every code of it is followed to its end: nothing stuck.
        let settled = tokio::time::timeout(Duration::from_secs(120), async {
            loop {
                let open = till.current_sale().is_some_and(|v| v.sale_id == sale);
                if !open && !till.is_busy() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
        .await;
        if settled.is_err() {
            tally.stuck += 1;
            eprintln!("sale {n} ({:?}) STUCK", plan(n));
            // Let the counter go on with the next sale all the same.
            let _ = till.cancel(&sale);
        }
        mine.push((n, sale, reference));
    }
    while let Ok(e) = messages.try_recv() {
        if matches!(e, TillEvent::AttemptError { .. }) {
            tally.cashier_messages += 1;
        }
    }
    drop(till);

    // The verdict for each sale, against the sandbox's own record.
    let journal = Journal::open_read_only(&db).unwrap();
    let attention = journal.attention_items().unwrap();
    let payments = sandbox.sandbox().payments();
    for (n, sale_id, reference) in mine {
        let sale = journal.sale(&sale_id).unwrap().unwrap();
        let attempts = journal.attempts(&sale_id).unwrap();
        let executed: Vec<&str> = payments
            .iter()
            .filter(|p| p.reference == reference && p.status == PaymentStatus::Executed)
            .map(|p| p.payment_id.as_str())
            .collect();
        tally.sales += 1;
        tally.unknown_attempts += attempts
            .iter()
            .filter(|a| a.state == kassa_journal::AttemptState::Unknown)
            .count();
        let end = sale.state.as_str();
        *tally.ends.entry(end).or_default() += 1;
        *tally.by_plan.entry((plan(n), end)).or_default() += 1;
        if sale.state == SaleState::Failed
            && matches!(
                plan(n),
                Plan::Approve | Plan::ApproveLate | Plan::ApproveTwice | Plan::OpenThenRescan
            )
        {
            // Why a sale the customer meant to pay ended unpaid, in the cashier's words.
            let why = journal
                .events(&sale_id)
                .unwrap()
                .into_iter()
                .rfind(|e| e.kind == "sale_failed")
                .map(|e| e.detail)
                .unwrap_or_default();
            *tally.failed_why.entry(why).or_default() += 1;
        }
        let mut ok = true;
        for p in &executed {
            if !attempts.iter().any(|a| a.payment_id.as_deref() == Some(p)) {
                tally.lost += 1;
                ok = false;
            } else if sale.paid_payment_id.as_deref() != Some(p) {
                tally.extra_payments += 1;
                *tally.extra_by_plan.entry(plan(n)).or_default() += 1;
                if attention
                    .iter()
                    .any(|a| a.payment_id.as_deref() == Some(p) && a.amount == sale.amount)
                {
                    tally.flagged += 1;
                } else {
                    ok = false;
                }
            }
        }
        // The sale's state follows from what the sandbox holds and what the customer did.
        let paid_ok = sale
            .paid_payment_id
            .as_deref()
            .is_some_and(|p| executed.contains(&p));
        ok &= match sale.state {
            SaleState::Paid => paid_ok,
            SaleState::Open => false,
            // Not paid: then nothing paid it before it ended (an approval after the end is
            // an extra payment, flagged above).
            SaleState::Failed => {
                matches!(plan(n), Plan::Reject | Plan::WalkAway)
                    || executed.is_empty()
                    || sale.attention.is_some()
            }
            SaleState::Cancelled => plan(n) == Plan::Cancel,
        };
        if !ok {
            tally.wrong += 1;
            eprintln!(
                "sale {n} ({:?}) WRONG: {sale:?} sandbox executed {executed:?}",
                plan(n)
            );
        }
    }
    tally
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fault_soak_ends_every_sale_correctly() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));
    let total: usize = std::env::var("KASSA_SOAK_SALES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48);
    let counters: usize = std::env::var("KASSA_SOAK_COUNTERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
        .min(total.max(1));
    let faults = Faults {
        random: Some(RandomFaults {
            seed: 2026,
            percent: 30,
            faults: vec![
                Fault::ServerError,
                Fault::Unavailable,
                Fault::RateLimit,
                Fault::Timeout,
                Fault::DropAfterCreate,
                Fault::MalformedJson,
                Fault::TokenExpired,
            ],
            endpoints: Endpoint::ALL.to_vec(),
        }),
        retry_after_s: 1,
        hold_ms: 1_500,
        ..Faults::default()
    };
    let sandbox = Arc::new(counter_config().faults(faults).bind_sandbox().await);
    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..counters {
        set.spawn(counter(Arc::clone(&sandbox), Arc::clone(&next), total));
    }
    let mut t = Tally::default();
    while let Some(done) = set.join_next().await {
        // A panic anywhere in a counter fails here.
        let c = done.expect("no panic");
        t.sales += c.sales;
        for (k, v) in c.ends {
            *t.ends.entry(k).or_default() += v;
        }
        for (k, v) in c.by_plan {
            *t.by_plan.entry(k).or_default() += v;
        }
        t.flagged += c.flagged;
        t.extra_payments += c.extra_payments;
        for (p, n) in c.extra_by_plan {
            *t.extra_by_plan.entry(p).or_default() += n;
        }
        t.lost += c.lost;
        t.stuck += c.stuck;
        t.wrong += c.wrong;
        t.cashier_messages += c.cashier_messages;
        t.unknown_attempts += c.unknown_attempts;
        t.customer_too_late += c.customer_too_late;
        for (k, v) in c.failed_why {
            *t.failed_why.entry(k).or_default() += v;
        }
    }
    let counts = sandbox.sandbox().fault_counts();
    println!(
        "\nfault soak: {} sales on {counters} counters in {:.1} s",
        t.sales,
        started.elapsed().as_secs_f64()
    );
    println!(
        "API calls {}, faults injected {} ({:.1} %): {:?}",
        counts.calls,
        counts.total(),
        100.0 * counts.total() as f64 / counts.calls.max(1) as f64,
        counts.injected
    );
    println!("end states: {:?}", t.ends);
    for ((p, end), n) in &t.by_plan {
        println!("  {p:?} -> {end}: {n}");
    }
    println!(
        "extra payments {} flagged {} | lost {} | stuck {} | wrong state {} | unknown attempts {} | cashier error messages {} | customer actions too late {}",
        t.extra_payments,
        t.flagged,
        t.lost,
        t.stuck,
        t.wrong,
        t.unknown_attempts,
        t.cashier_messages,
        t.customer_too_late
    );
    for (p, n) in &t.extra_by_plan {
        println!("  extra payments of {p:?} customers: {n}");
    }
    for (why, n) in &t.failed_why {
        println!("  meant to be paid, failed ({n}): {why}");
    }
    let panics = PANICS.load(Ordering::SeqCst);
    println!("panics {panics}");
    assert_eq!(panics, 0, "no panic anywhere");
    assert_eq!(t.sales, total);
    assert_eq!(t.lost, 0, "no payment lost");
    assert_eq!(t.stuck, 0, "no sale stuck");
    assert_eq!(t.wrong, 0, "every sale in its correct state");
    assert_eq!(t.flagged, t.extra_payments, "every extra payment flagged");
    assert!(
        counts.injected.len() == 7,
        "every kind of fault was injected: {:?}",
        counts.injected
    );
}
