//! Crash safety, end to end: `kassa charge` runs a sale against a sandbox on a random
//! loopback port and is killed with SIGKILL at a named point of the sale path
//! (`KASSA_CRASH_AT`); then `kassa resume` picks up from the journal. Afterwards the journal
//! must agree with what the sandbox really holds for the sale's reference:
//!
//! * lost: a sale the cashier saw start that is not in the journal, or an executed payment
//!   the journal does not know: must be 0;
//! * duplicated without a flag: an executed payment that neither paid the sale nor is
//!   flagged "needs attention: refund" with its payment id and amount: must be 0;
//! * every sale ends (none stuck open) in the state the sandbox's payments imply.
//!
//! The test plays the customer: it approves (or rejects) only codes `kassa` showed, as a
//! real customer can only approve a code they scanned. `KASSA_CRASH_REPEAT=n` runs the whole
//! matrix n times (bench/crash.sh); the counts table is printed (`--nocapture` shows it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use kassa_journal::{Journal, SaleState};
use kassa_sandbox::{PaymentStatus, RunningSandbox, Sandbox, SandboxConfig};
use kassa_testkit::{cli, sandbox_on_loopback};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::sync::mpsc;

/// Short links so a rotation comes 4 s after a code is made (Kassa rotates 8 s before expiry).
const LINK_TTL_S: u64 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Customer {
    /// Approves every code as soon as it is shown.
    Eager,
    /// Does nothing until Kassa has restarted, then approves what is shown.
    Slow,
    /// Rejects every code as soon as it is shown.
    Rejects,
}

/// Not a named point: the process is killed after `nth` milliseconds (plus a spread per
/// run), wherever it is, to catch windows between the named points.
const ANY_MOMENT: &str = "any_moment";

/// One kill: the point, which time it is reached (`#n`), how the customer behaves.
#[derive(Debug, Clone, Copy)]
struct Case {
    point: &'static str,
    nth: u32,
    customer: Customer,
}

/// The matrix: every named point at least twice, with different customers and counts.
fn matrix() -> Vec<Case> {
    use Customer::*;
    let c = |point, nth, customer| Case {
        point,
        nth,
        customer,
    };
    vec![
        c("sale_opened", 1, Eager),
        c("sale_opened", 1, Slow),
        c("before_accept", 1, Eager),
        c("before_accept", 2, Slow),
        c("accept_sent", 1, Eager),
        c("accept_sent", 2, Slow),
        c("accept_replied", 1, Eager),
        c("accept_replied", 2, Slow),
        c("polling", 1, Eager),
        c("polling", 3, Slow),
        c("rotation", 1, Slow),
        c("rotation", 2, Slow),
        c("final_status", 1, Eager),
        c("final_status", 1, Rejects),
        c("journal_write", 1, Eager),
        c("journal_write", 2, Eager),
        c("journal_write", 3, Eager),
        c("journal_write", 4, Eager),
        c("journal_write", 5, Slow),
        c("journal_write", 7, Slow),
        c(ANY_MOMENT, 300, Slow),
        c(ANY_MOMENT, 1100, Slow),
        c(ANY_MOMENT, 2600, Slow),
        c(ANY_MOMENT, 4300, Slow),
    ]
}

#[derive(Debug, Default, Clone)]
struct Counts {
    runs: u32,
    lost: u32,
    unflagged_duplicates: u32,
    flagged: u32,
    stuck: u32,
    wrong_state: u32,
    /// `panicked at` in either process's stderr.
    panics: u32,
    /// End state of the sale ("none": killed before the sale was written).
    ends: BTreeMap<String, u32>,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.runs += other.runs;
        self.lost += other.lost;
        self.unflagged_duplicates += other.unflagged_duplicates;
        self.flagged += other.flagged;
        self.stuck += other.stuck;
        self.wrong_state += other.wrong_state;
        self.panics += other.panics;
        for (k, v) in &other.ends {
            *self.ends.entry(k.clone()).or_default() += v;
        }
    }
}

/// `kassa` as a counter on `sandbox` with the journal `db`.
fn kassa(sandbox: &RunningSandbox, db: &Path) -> Command {
    let mut cmd = cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db);
    cmd.env("KASSA_LINK_TTL_S", LINK_TTL_S.to_string());
    cmd
}

enum Line {
    Out(Value),
    Err(String),
}

/// The child's stdout (JSON lines) and stderr, merged in arrival order.
fn lines(child: &mut Child) -> mpsc::UnboundedReceiver<Line> {
    let (tx, rx) = mpsc::unbounded_channel();
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let tx_out = tx.clone();
    tokio::spawn(async move {
        while let Ok(Some(l)) = out.next_line().await {
            let v: Value =
                serde_json::from_str(&l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}"));
            let _ = tx_out.send(Line::Out(v));
        }
    });
    let mut err = BufReader::new(child.stderr.take().unwrap()).lines();
    tokio::spawn(async move {
        while let Ok(Some(l)) = err.next_line().await {
            let _ = tx.send(Line::Err(l));
        }
    });
    rx
}

fn act(sandbox: &Sandbox, customer: Customer, payment_id: &str) {
    // A code may have expired or been decided already: that is the customer's bad luck.
    let _ = match customer {
        Customer::Rejects => sandbox.reject(payment_id),
        _ => sandbox.approve(payment_id),
    };
}

fn payments_for(sandbox: &Sandbox, reference: &str) -> Vec<kassa_sandbox::PaymentView> {
    sandbox
        .payments()
        .into_iter()
        .filter(|p| p.reference == reference)
        .collect()
}

/// Runs one case: charge, kill at the point, resume, compare with the sandbox.
async fn run_case(sandbox: Arc<RunningSandbox>, case: Case, id: usize) -> Counts {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let reference = format!("CRASH{id}");
    let amount = format!("{}.{:02}", 10 + id, id % 100);
    let sb = sandbox.sandbox();

    // Phase 1: the sale, killed at the point.
    let any_moment = case.point == ANY_MOMENT;
    let mut phase1 = kassa(&sandbox, &db);
    if !any_moment {
        phase1.env("KASSA_CRASH_AT", format!("{}#{}", case.point, case.nth));
    }
    let limit = if any_moment {
        Duration::from_millis(u64::from(case.nth) + (id as u64 * 97) % 500)
    } else {
        Duration::from_secs(60)
    };
    let mut child = phase1
        .args([
            "charge",
            "--amount",
            &amount,
            "--reference",
            &reference,
            "--json",
        ])
        .spawn()
        .unwrap();
    let mut rx = lines(&mut child);
    let mut saw_start = false;
    let mut stderr = String::new();
    let reached = tokio::time::timeout(limit, async {
        while let Some(line) = rx.recv().await {
            match line {
                Line::Out(v) => {
                    if v["event"] == "sale_started" {
                        saw_start = true;
                    }
                    if v["event"] == "qr_ready" && case.customer != Customer::Slow {
                        act(sb, case.customer, v["payment_id"].as_str().unwrap());
                    }
                }
                Line::Err(l) => {
                    if l == format!("crashpoint {}", case.point) {
                        return true;
                    }
                    stderr.push_str(&l);
                    stderr.push('\n');
                }
            }
        }
        false
    })
    .await
    .unwrap_or(false);
    assert!(
        reached || any_moment,
        "{case:?}: the point was never reached; stderr: {stderr}"
    );
    if case.point == "accept_sent" {
        // "Sent" means Aiia has the call: wait until the sandbox made the payment, then kill
        // before the reply is written (the driver is held at the point).
        let want = case.nth as usize;
        tokio::time::timeout(Duration::from_secs(10), async {
            while payments_for(sb, &reference).len() < want {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await
        .expect("the accept call reached the sandbox");
    }
    child.kill().await.unwrap(); // SIGKILL
    // Anything printed before the kill still counts as seen by the cashier.
    while let Ok(line) = rx.try_recv() {
        if let Line::Out(v) = line {
            saw_start |= v["event"] == "sale_started";
        }
    }

    // Phase 2: restart; the customer acts on what is shown now.
    let mut child = kassa(&sandbox, &db)
        .args(["resume", "--json"])
        .spawn()
        .unwrap();
    let mut rx = lines(&mut child);
    let customer = match case.customer {
        Customer::Slow => Customer::Eager,
        c => c,
    };
    let mut resume_err = String::new();
    tokio::time::timeout(Duration::from_secs(90), async {
        while let Some(line) = rx.recv().await {
            match line {
                Line::Out(v) if v["event"] == "qr_ready" => {
                    act(sb, customer, v["payment_id"].as_str().unwrap());
                }
                Line::Out(_) => {}
                Line::Err(l) => {
                    resume_err.push_str(&l);
                    resume_err.push('\n');
                }
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{case:?}: kassa resume did not finish"));
    let status = child.wait().await.unwrap();
    assert!(
        matches!(status.code(), Some(0 | 6)),
        "{case:?}: resume exited {status:?}: {resume_err}"
    );

    // The verdict: the journal against the sandbox's own record.
    let journal = if db.exists() {
        Some(Journal::open_read_only(&db).unwrap())
    } else {
        None
    };
    let sales = journal
        .as_ref()
        .map(|j| j.all_sales(kassa_journal::Backend::Sandbox).unwrap())
        .unwrap_or_default();
    assert!(sales.len() <= 1, "{case:?}: one sale, not {}", sales.len());
    let truth = payments_for(sb, &reference);
    let executed: Vec<&str> = truth
        .iter()
        .filter(|p| p.status == PaymentStatus::Executed)
        .map(|p| p.payment_id.as_str())
        .collect();
    let mut c = Counts {
        runs: 1,
        panics: u32::from(stderr.contains("panicked at"))
            + u32::from(resume_err.contains("panicked at")),
        ..Counts::default()
    };
    let Some(sale) = sales.first() else {
        // Killed before the sale was written: nothing may exist anywhere.
        if saw_start || !truth.is_empty() {
            c.lost += 1;
            eprintln!("{case:?}: LOST: sale started={saw_start}, sandbox has {truth:?}");
        }
        *c.ends.entry("none".into()).or_default() += 1;
        return c;
    };
    let journal = journal.unwrap();
    let attempts = journal.attempts(&sale.id).unwrap();
    let attention = journal.attention_items().unwrap();
    *c.ends.entry(sale.state.as_str().into()).or_default() += 1;
    if sale.state == SaleState::Open {
        c.stuck += 1;
        eprintln!("{case:?}: STUCK open: {sale:?}");
    }
    for p in &executed {
        if !attempts.iter().any(|a| a.payment_id.as_deref() == Some(p)) {
            c.lost += 1;
            eprintln!("{case:?}: LOST executed payment {p}: not in the journal");
        } else if sale.paid_payment_id.as_deref() == Some(p) {
        } else if attention
            .iter()
            .any(|a| a.payment_id.as_deref() == Some(p) && a.amount == sale.amount)
        {
            c.flagged += 1;
        } else {
            c.unflagged_duplicates += 1;
            eprintln!("{case:?}: UNFLAGGED extra payment {p}: {sale:?}");
        }
    }
    let expected = match (executed.is_empty(), case.customer) {
        (false, _) => SaleState::Paid,
        (true, Customer::Rejects) => SaleState::Failed,
        // Every code shown after the restart was approved: the sale must be paid.
        (true, _) => SaleState::Paid,
    };
    if sale.state != expected
        || (expected == SaleState::Paid
            && !executed.contains(&sale.paid_payment_id.as_deref().unwrap_or("")))
    {
        c.wrong_state += 1;
        eprintln!("{case:?}: WRONG end state {sale:?}, sandbox {truth:?}");
    }
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sale_killed_at_every_point_resumes_to_what_the_sandbox_holds() {
    let repeat: usize = std::env::var("KASSA_CRASH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let sandbox = Arc::new(
        sandbox_on_loopback(SandboxConfig {
            link_ttl: Duration::from_secs(LINK_TTL_S),
            settle_delay: Duration::from_millis(100),
            ..SandboxConfig::default()
        })
        .await,
    );
    let cases: Vec<Case> = (0..repeat).flat_map(|_| matrix()).collect();
    let limit = Arc::new(tokio::sync::Semaphore::new(8));
    let mut set = tokio::task::JoinSet::new();
    for (id, case) in cases.into_iter().enumerate() {
        let sandbox = Arc::clone(&sandbox);
        let limit = Arc::clone(&limit);
        set.spawn(async move {
            let _permit = limit.acquire_owned().await.unwrap();
            (case, run_case(sandbox, case, id).await)
        });
    }
    let mut by_point: BTreeMap<&'static str, Counts> = BTreeMap::new();
    while let Some(done) = set.join_next().await {
        let (case, counts) = done.unwrap();
        by_point.entry(case.point).or_default().add(&counts);
    }
    let mut total = Counts::default();
    println!(
        "\n{:<16} {:>5} {:>5} {:>10} {:>8} {:>6} {:>6} {:>6}  end states",
        "kill point", "runs", "lost", "dup-noflag", "flagged", "stuck", "wrong", "panics"
    );
    for (point, c) in &by_point {
        println!(
            "{:<16} {:>5} {:>5} {:>10} {:>8} {:>6} {:>6} {:>6}  {:?}",
            point,
            c.runs,
            c.lost,
            c.unflagged_duplicates,
            c.flagged,
            c.stuck,
            c.wrong_state,
            c.panics,
            c.ends
        );
        total.add(c);
    }
    println!(
        "{:<16} {:>5} {:>5} {:>10} {:>8} {:>6} {:>6} {:>6}  {:?}",
        "TOTAL",
        total.runs,
        total.lost,
        total.unflagged_duplicates,
        total.flagged,
        total.stuck,
        total.wrong_state,
        total.panics,
        total.ends
    );
    println!(
        "{} named kill points and any moment, {} kills (runs per point in the table)",
        by_point.len() - 1,
        total.runs
    );
    assert_eq!(
        by_point.len(),
        9,
        "every named point (and any moment) was killed at"
    );
    assert_eq!(total.lost, 0, "sales or payments lost");
    assert_eq!(total.unflagged_duplicates, 0, "extra payments not flagged");
    assert_eq!(total.stuck, 0, "sales left open");
    assert_eq!(
        total.wrong_state, 0,
        "sales in a state the sandbox contradicts"
    );
    assert_eq!(total.panics, 0, "kassa panicked");
}
