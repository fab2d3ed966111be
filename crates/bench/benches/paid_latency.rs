//! Bank approval → "paid" delivered to the UI layer.
//!
//! The interval: from the instant the sandbox's status endpoint first reports the payment
//! `Executed` (the approval instant plus the sandbox's settle delay, `SETTLE_MS`, 300 ms by
//! default as in the shipped sandbox) to the `sale_ended` (paid) event reaching a
//! subscriber of `Till::subscribe` (what the app forwards to the window). The run also
//! reports approve → paid, which adds the settle delay.
//!
//! A simulated customer per sale: scans after 2–4 s (opens the link), approves 1.5–3.5 s
//! later (uniformly random, so approvals fall at random points of the polling cycle).
//! `MODE=poll` (polling only) or `MODE=webhook` (the listener as `kassa-boot` wires it, the
//! sandbox sending signed events to it; polling stays on). Production engine settings.
//! Every status call is counted per attempt: the most in any one second, and per sale.
//!
//! Several counters run side by side (`COUNTERS`, 20; each its own sandbox, journal and
//! engine, as separate shops would), each selling `SALES` (10) sales per run; `RUNS` (3).

use std::time::{Duration, Instant};

use kassa_bench::{
    BenchResult, Rig, Spread, Stats, env_u64, machine, max_calls_per_second, ms, uniform,
    write_result,
};
use kassa_money::{Currency, Money};
use kassa_sandbox::SandboxConfig;
use kassa_till::{Outcome, TillEvent};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(30);

#[derive(Default)]
struct Counter {
    from_executed: Vec<f64>,
    from_approve: Vec<f64>,
    calls_per_sale: Vec<f64>,
    max_per_second: usize,
    /// Status calls per second per attempt, over the time the attempt was followed.
    rate: Vec<f64>,
}

async fn counter(sales: u64, settle: Duration, webhook: bool) -> BenchResult<Counter> {
    let config = SandboxConfig {
        settle_delay: settle,
        ..SandboxConfig::default()
    };
    let mut rig = Rig::start(config, |c| c, webhook).await?;
    let mut out = Counter::default();
    for i in 0..sales {
        let amount = Money::new(1000 + i64::try_from(i).unwrap_or(0), Currency::Dkk);
        let sale = rig.till.charge(amount, None).map_err(|e| e.to_string())?;
        let (event, shown) = rig
            .next(
                WAIT,
                |e| matches!(e, TillEvent::QrReady(q) if q.sale_id == sale),
            )
            .await?;
        let TillEvent::QrReady(qr) = event else {
            return Err("not a code".into());
        };
        let sb = rig.sandbox.sandbox();
        tokio::time::sleep(uniform(Duration::from_secs(2), Duration::from_secs(4))).await;
        sb.open(&qr.payment_id).map_err(|e| e.to_string())?;
        tokio::time::sleep(uniform(
            Duration::from_millis(1500),
            Duration::from_millis(3500),
        ))
        .await;
        let approved = Instant::now();
        sb.approve(&qr.payment_id).map_err(|e| e.to_string())?;
        let (end, paid) = rig
            .next(
                WAIT,
                |e| matches!(e, TillEvent::SaleEnded { sale_id, .. } if *sale_id == sale),
            )
            .await?;
        if !matches!(
            end,
            TillEvent::SaleEnded {
                outcome: Outcome::Paid,
                ..
            }
        ) {
            return Err(format!("sale {sale} did not end paid: {end:?}"));
        }
        out.from_approve.push(ms(paid.duration_since(approved)));
        out.from_executed
            .push(ms(paid.duration_since(approved)) - ms(settle));
        rig.idle(WAIT).await?;
        let calls: Vec<Instant> = rig
            .gateway
            .calls_by_payment()
            .remove(&qr.payment_id)
            .unwrap_or_default();
        out.max_per_second = out.max_per_second.max(max_calls_per_second(&calls));
        out.calls_per_sale.push(calls.len() as f64);
        let followed = paid.duration_since(shown).as_secs_f64();
        if followed > 0.0 {
            out.rate.push(calls.len() as f64 / followed);
        }
    }
    Ok(out)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> BenchResult<()> {
    let webhook = match std::env::var("MODE").as_deref() {
        Ok("webhook") => true,
        Ok("poll") | Err(_) => false,
        Ok(other) => return Err(format!("MODE must be poll or webhook, not {other}")),
    };
    let settle = Duration::from_millis(env_u64("SETTLE_MS", 300));
    let counters = env_u64("COUNTERS", 20);
    let sales = env_u64("SALES", 10);
    let runs = env_u64("RUNS", 3);
    let mode = if webhook { "webhook" } else { "poll" };
    println!(
        "bank approval → paid ({mode}, settle {} ms): {runs} runs × {counters} counters × {sales} sales",
        settle.as_millis()
    );
    let mut per_run = Vec::new();
    let mut pooled = Counter::default();
    for r in 1..=runs {
        let tasks: Vec<_> = (0..counters)
            .map(|_| tokio::spawn(counter(sales, settle, webhook)))
            .collect();
        let mut run = Counter::default();
        for t in tasks {
            let c = t.await.map_err(|e| e.to_string())??;
            run.from_executed.extend(c.from_executed);
            run.from_approve.extend(c.from_approve);
            run.calls_per_sale.extend(c.calls_per_sale);
            run.rate.extend(c.rate);
            run.max_per_second = run.max_per_second.max(c.max_per_second);
        }
        let s = Stats::of(&run.from_executed);
        println!("run {r}: executed → paid {}", s.line());
        println!(
            "       approve → paid {}",
            Stats::of(&run.from_approve).line()
        );
        println!(
            "       status calls per sale: mean {:.1}; per attempt: at most {} in any second, mean {:.2}/s",
            Stats::of(&run.calls_per_sale).mean,
            run.max_per_second,
            Stats::of(&run.rate).mean
        );
        per_run.push(s);
        pooled.from_executed.extend(run.from_executed);
        pooled.from_approve.extend(run.from_approve);
        pooled.calls_per_sale.extend(run.calls_per_sale);
        pooled.rate.extend(run.rate);
        pooled.max_per_second = pooled.max_per_second.max(run.max_per_second);
    }
    let all = Stats::of(&pooled.from_executed);
    let p50 = Spread::of(&per_run.iter().map(|s| s.p50).collect::<Vec<_>>());
    let p99 = Spread::of(&per_run.iter().map(|s| s.p99).collect::<Vec<_>>());
    let met = if webhook {
        all.p99 < 100.0
    } else {
        all.p50 < 300.0 && all.p99 < 1200.0 && pooled.max_per_second <= 2
    };
    println!(
        "all runs: executed → paid {}\n  p50 over runs {:.1}..{:.1} ms, p99 over runs {:.1}..{:.1} ms; \
         at most {} status calls in any second per attempt; {:.1} status calls per sale; target {}",
        all.line(),
        p50.min,
        p50.max,
        p99.min,
        p99.max,
        pooled.max_per_second,
        Stats::of(&pooled.calls_per_sale).mean,
        if met { "met" } else { "NOT met" }
    );
    write_result(
        &format!("paid-latency-{mode}"),
        &json!({
            "figure": format!("bank approval (Executed at the sandbox) -> paid event ({mode})"),
            "machine": machine(),
            "settle_ms": settle.as_millis() as u64,
            "counters": counters,
            "sales_per_counter": sales,
            "runs": per_run,
            "pooled_from_executed": all,
            "pooled_from_approve": Stats::of(&pooled.from_approve),
            "p50_spread": p50,
            "p99_spread": p99,
            "status_calls_per_sale": Stats::of(&pooled.calls_per_sale),
            "status_calls_per_second_per_attempt": Stats::of(&pooled.rate),
            "max_status_calls_in_any_second_per_attempt": pooled.max_per_second,
            "met": met,
        }),
    )
}
