//! Time a dead (expired) QR code is on screen, across code rotations, with 2 s of latency
//! injected into every API call (the sandbox's `latencyMs` fault: token, accept, status).
//!
//! Method: real time, with the link lifetime shortened (`LINK_S`, 14 s; 60 s in
//! production) on both sides, and the engine's production rotation lead (a new code 8 s
//! before expiry) and show margin (2 s) unchanged, so the race that matters (a 2 s create
//! call, status reads of 2 s each, against an 8 s lead) is the production one; only the
//! quiet middle of each code's life is cut. Several counters run side by side
//! (`COUNTERS`, 10, each its own sandbox, journal and engine), each until its code has been
//! replaced `ROTATIONS` (10) times; `RUNS` (3).
//!
//! Every 2 ms each counter looks at the code on screen, as the window shows it: the latest
//! `qr_ready` until its `showUntilMs` (the window takes it down then, even if no new code
//! came) — and, separately, the engine's own view (`Till::current_sale`). Dead time is the
//! time that code's payment is `Expired` according to the sandbox. The time with no code
//! at all ("Getting a new code…") is reported too.

use std::time::{Duration, Instant};

use kassa_bench::{BenchResult, Rig, Spread, env_u64, machine, ms, write_result};
use kassa_money::{Currency, Money};
use kassa_sandbox::{Faults, PaymentStatus, SandboxConfig};
use kassa_till::{Qr, SystemClock, TillEvent};
use serde_json::json;

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    rotations: u64,
    dead_ms: f64,
    dead_view_ms: f64,
    no_code_ms: f64,
    /// A control: the latest code expired, had the screen never taken it down itself.
    latest_expired_ms: f64,
    longest_no_code_ms: f64,
    watched_ms: f64,
}

async fn counter(link: Duration, latency_ms: u64, rotations: u64) -> BenchResult<Tally> {
    let config = SandboxConfig {
        link_ttl: link,
        faults: Faults {
            latency_ms,
            ..Faults::default()
        },
        ..SandboxConfig::default()
    };
    let mut rig = Rig::start(
        config,
        |c| kassa_till::TillConfig {
            link_ttl: link,
            ..c
        },
        false,
    )
    .await?;
    let sale = rig
        .till
        .charge(Money::new(4200, Currency::Dkk), None)
        .map_err(|e| e.to_string())?;
    let clock = SystemClock;
    let now_ms = || kassa_till::Clock::now_ms(&clock);
    let sb = rig.sandbox.sandbox().clone();
    let expired = |pid: &str| {
        sb.payment(pid)
            .is_some_and(|p| p.status == PaymentStatus::Expired)
    };
    let mut tally = Tally::default();
    let mut shown: Option<Qr> = None;
    let mut codes = 0u64;
    let mut tick = tokio::time::interval(Duration::from_millis(2));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last = Instant::now();
    let mut gap_started: Option<Instant> = None;
    let deadline = Instant::now() + link * u32::try_from(rotations + 3).unwrap_or(100) * 2;
    loop {
        tokio::select! {
            event = rig.events.recv() => {
                match event.map_err(|e| e.to_string())? {
                    TillEvent::QrReady(qr) if qr.sale_id == sale => {
                        codes += 1;
                        shown = Some(qr);
                        if codes > rotations {
                            break;
                        }
                    }
                    TillEvent::SaleEnded { .. } => return Err("the sale ended by itself".into()),
                    _ => {}
                }
            }
            _ = tick.tick() => {
                let now = Instant::now();
                let dt = ms(now.duration_since(last));
                last = now;
                if codes == 0 {
                    continue;
                }
                tally.watched_ms += dt;
                if shown.as_ref().is_some_and(|q| expired(&q.payment_id)) {
                    tally.latest_expired_ms += dt;
                }
                let on_screen = shown.as_ref().filter(|q| now_ms() < q.show_until_ms);
                match on_screen {
                    Some(q) => {
                        if expired(&q.payment_id) {
                            tally.dead_ms += dt;
                        }
                        if let Some(start) = gap_started.take() {
                            tally.longest_no_code_ms =
                                tally.longest_no_code_ms.max(ms(now.duration_since(start)));
                        }
                    }
                    None => {
                        tally.no_code_ms += dt;
                        gap_started.get_or_insert(now);
                    }
                }
                if let Some(q) = rig.till.current_sale().and_then(|v| v.qr) {
                    if expired(&q.payment_id) {
                        tally.dead_view_ms += dt;
                    }
                }
                if now > deadline {
                    return Err(format!("only {codes} codes came in time"));
                }
            }
        }
    }
    tally.rotations = codes.saturating_sub(1);
    rig.till.cancel(&sale).map_err(|e| e.to_string())?;
    Ok(tally)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> BenchResult<()> {
    let link = Duration::from_secs(env_u64("LINK_S", 14));
    let latency = env_u64("LATENCY_MS", 2000);
    let counters = env_u64("COUNTERS", 10);
    let rotations = env_u64("ROTATIONS", 10);
    let runs = env_u64("RUNS", 3);
    println!(
        "dead QR time: {runs} runs × {counters} counters × {rotations} rotations, link {} s, \
         API latency {latency} ms",
        link.as_secs()
    );
    let mut per_run = Vec::new();
    for r in 1..=runs {
        let tasks: Vec<_> = (0..counters)
            .map(|_| tokio::spawn(counter(link, latency, rotations)))
            .collect();
        let mut run = Tally::default();
        for t in tasks {
            let c = t.await.map_err(|e| e.to_string())??;
            run.rotations += c.rotations;
            run.dead_ms += c.dead_ms;
            run.dead_view_ms += c.dead_view_ms;
            run.no_code_ms += c.no_code_ms;
            run.latest_expired_ms += c.latest_expired_ms;
            run.watched_ms += c.watched_ms;
            run.longest_no_code_ms = run.longest_no_code_ms.max(c.longest_no_code_ms);
        }
        println!(
            "run {r}: {} rotations; dead code on screen {:.0} ms (engine view {:.0} ms); no code \
             {:.0} ms of {:.0} ms ({:.2} %), longest {:.0} ms; control: latest code expired \
             {:.0} ms",
            run.rotations,
            run.dead_ms,
            run.dead_view_ms,
            run.no_code_ms,
            run.watched_ms,
            100.0 * run.no_code_ms / run.watched_ms.max(1.0),
            run.longest_no_code_ms,
            run.latest_expired_ms
        );
        per_run.push(run);
    }
    let dead = Spread::of(&per_run.iter().map(|t| t.dead_ms).collect::<Vec<_>>());
    let no_code = Spread::of(&per_run.iter().map(|t| t.no_code_ms).collect::<Vec<_>>());
    let met = per_run
        .iter()
        .all(|t| t.dead_ms == 0.0 && t.dead_view_ms == 0.0);
    println!(
        "dead time per run {:.0}..{:.0} ms (target 0 ms: {}); no code {:.0}..{:.0} ms per run",
        dead.min,
        dead.max,
        if met { "met" } else { "NOT met" },
        no_code.min,
        no_code.max
    );
    write_result(
        "dead-qr",
        &json!({
            "figure": "time an expired code is on screen across rotations, 2 s API latency",
            "machine": machine(),
            "link_s": link.as_secs(),
            "latency_ms": latency,
            "counters": counters,
            "rotations_per_counter": rotations,
            "runs": per_run.iter().map(|t| json!({
                "rotations": t.rotations,
                "dead_ms": t.dead_ms,
                "dead_engine_view_ms": t.dead_view_ms,
                "no_code_ms": t.no_code_ms,
                "longest_no_code_ms": t.longest_no_code_ms,
                "control_latest_code_expired_ms": t.latest_expired_ms,
                "watched_ms": t.watched_ms,
            })).collect::<Vec<_>>(),
            "dead_spread": dead,
            "no_code_spread": no_code,
            "met": met,
        }),
    )
}
