//! Late and double approvals against the sandbox (real HTTP on a random loopback port, real
//! time, short links): the customer approves a code after it was replaced, approves two
//! codes of one sale, or approves after the cashier cancelled. Every sale must be paid at
//! most once, and every other executed payment (the sandbox's own record is the truth) must
//! be flagged "needs attention" with its payment id and amount. The count of extra payments
//! and of those caught is printed; `KASSA_APPROVALS_REPEAT=n` runs each scenario n times.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use kassa_aiia::Client;
use kassa_journal::{Journal, SaleState};
use kassa_money::{Currency, Money};
use kassa_sandbox::{PaymentStatus, RunningSandbox};
use kassa_testkit::{Rig, RigBuilder, fast_poll, next};
use kassa_till::{Outcome, PollSchedule, Till, TillEvent};
use tokio::sync::broadcast::Receiver;

const LINK: Duration = Duration::from_secs(6);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Scenario {
    /// Code 1 is approved after code 2 replaced it (pays), then code 2 too (extra).
    LateThenDouble,
    /// Codes 1 and 2 approved at the same moment: one pays, one is extra.
    BothAtOnce,
    /// The replacement pays, then the replaced code is approved (extra).
    ReplacedAfterPaid,
    /// The cashier cancels, then the customer approves (extra).
    AfterCancel,
}

/// Links live [`LINK`], the next code starts 3 s before; replaced codes are read every 150 ms.
fn counter() -> RigBuilder {
    Rig::builder()
        .link_ttl(LINK)
        .rotate_before(Duration::from_millis(3000))
        .show_margin(Duration::from_millis(500))
        .poll(PollSchedule {
            replaced: Duration::from_millis(150),
            after_error: Duration::from_millis(150),
            ..fast_poll()
        })
}

async fn sandbox() -> Arc<RunningSandbox> {
    Arc::new(counter().bind_sandbox().await)
}

fn till(sandbox: &RunningSandbox, db: &Path) -> Till<Client> {
    counter().till_on(sandbox, db)
}

async fn code(rx: &mut Receiver<TillEvent>, attempt: i64) -> String {
    match next(
        rx,
        |e| matches!(e, TillEvent::QrReady(q) if q.attempt == attempt),
    )
    .await
    {
        TillEvent::QrReady(q) => q.payment_id,
        _ => unreachable!(),
    }
}

#[derive(Debug, Default)]
struct Counts {
    sales: u32,
    paid_once: u32,
    extra: u32,
    caught: u32,
}

async fn run(sandbox: Arc<RunningSandbox>, scenario: Scenario, n: usize) -> Counts {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let till = till(&sandbox, &db);
    let sb = sandbox.sandbox();
    let mut rx = till.subscribe();
    let amount = Money::new(1000 + n as i64, Currency::Dkk);
    let reference = format!("LATE{n}");
    let sale = till.charge(amount, Some(&reference)).unwrap();
    let p1 = code(&mut rx, 1).await;
    let is_end = |e: &TillEvent| matches!(e, TillEvent::SaleEnded { .. });
    let flagged = |e: &TillEvent| matches!(e, TillEvent::NeedsAttention { .. });
    match scenario {
        Scenario::LateThenDouble => {
            let p2 = code(&mut rx, 2).await;
            sb.approve(&p1).unwrap();
            let end = next(&mut rx, is_end).await;
            assert!(
                matches!(&end, TillEvent::SaleEnded { outcome: Outcome::Paid, payment_id: Some(p), .. } if *p == p1),
                "{end:?}"
            );
            sb.approve(&p2).unwrap();
            next(&mut rx, flagged).await;
        }
        Scenario::BothAtOnce => {
            let p2 = code(&mut rx, 2).await;
            sb.approve(&p1).unwrap();
            sb.approve(&p2).unwrap();
            next(&mut rx, is_end).await;
            next(&mut rx, flagged).await;
        }
        Scenario::ReplacedAfterPaid => {
            let p2 = code(&mut rx, 2).await;
            sb.approve(&p2).unwrap();
            next(&mut rx, is_end).await;
            sb.approve(&p1).unwrap();
            let e = next(&mut rx, flagged).await;
            assert!(
                matches!(&e, TillEvent::NeedsAttention { note, .. } if note.starts_with("Paid twice")),
                "{e:?}"
            );
        }
        Scenario::AfterCancel => {
            till.cancel(&sale).unwrap();
            next(&mut rx, is_end).await;
            sb.approve(&p1).unwrap();
            let e = next(&mut rx, flagged).await;
            assert!(
                matches!(&e, TillEvent::NeedsAttention { note, .. } if note.contains("after the sale was cancelled")),
                "{e:?}"
            );
        }
    }
    // Every code is followed to its end (unapproved ones expire).
    tokio::time::timeout(Duration::from_secs(30), async {
        while till.is_busy() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("every code followed to its end");

    // The verdict against the sandbox's own record.
    let journal = Journal::open_read_only(&db).unwrap();
    let record = journal.sale(&sale).unwrap().unwrap();
    let attention = journal.attention_items().unwrap();
    let executed: Vec<String> = sb
        .payments()
        .into_iter()
        .filter(|p| p.reference == reference && p.status == PaymentStatus::Executed)
        .map(|p| p.payment_id)
        .collect();
    let mut c = Counts {
        sales: 1,
        ..Counts::default()
    };
    let paid_by = record.paid_payment_id.clone();
    if scenario == Scenario::AfterCancel {
        assert_eq!(record.state, SaleState::Cancelled);
    } else if record.state == SaleState::Paid && executed.contains(paid_by.as_ref().unwrap()) {
        c.paid_once += 1;
    }
    for p in executed.iter().filter(|p| Some(*p) != paid_by.as_ref()) {
        c.extra += 1;
        if attention.iter().any(|a| {
            a.payment_id.as_ref() == Some(p)
                && a.amount == amount
                && a.note.contains(p.as_str())
                && a.note.contains(&amount.display())
        }) {
            c.caught += 1;
        } else {
            eprintln!("{scenario:?}: extra payment {p} NOT flagged: {attention:?}");
        }
    }
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_late_and_double_approval_is_caught_with_its_payment_id_and_amount() {
    let repeat: usize = std::env::var("KASSA_APPROVALS_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    let sandbox = sandbox().await;
    let mut set = tokio::task::JoinSet::new();
    let scenarios = [
        Scenario::LateThenDouble,
        Scenario::BothAtOnce,
        Scenario::ReplacedAfterPaid,
        Scenario::AfterCancel,
    ];
    let mut n = 0;
    for _ in 0..repeat {
        for s in scenarios {
            n += 1;
            let sandbox = Arc::clone(&sandbox);
            set.spawn(async move { (s, run(sandbox, s, n).await) });
        }
    }
    let mut by: BTreeMap<Scenario, Counts> = BTreeMap::new();
    while let Some(done) = set.join_next().await {
        let (s, c) = done.unwrap();
        let t = by.entry(s).or_default();
        t.sales += c.sales;
        t.paid_once += c.paid_once;
        t.extra += c.extra;
        t.caught += c.caught;
    }
    println!(
        "\n{:<18} {:>5} {:>9} {:>13} {:>7}",
        "scenario", "sales", "paid once", "extra payments", "caught"
    );
    let (mut extra, mut caught) = (0, 0);
    for (s, c) in &by {
        println!(
            "{:<18} {:>5} {:>9} {:>13} {:>7}",
            format!("{s:?}"),
            c.sales,
            c.paid_once,
            c.extra,
            c.caught
        );
        extra += c.extra;
        caught += c.caught;
        if *s != Scenario::AfterCancel {
            assert_eq!(c.paid_once, c.sales, "{s:?}: every sale paid exactly once");
        }
        assert_eq!(c.extra, c.sales, "{s:?}: one extra payment per sale");
    }
    println!("late/double approvals caught: {caught} of {extra}");
    assert_eq!(caught, extra, "every extra payment flagged");
}
