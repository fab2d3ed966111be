//! Charge pressed → QR ready: from `Till::charge` (what the window's Charge button calls) to
//! the `qr_ready` event reaching a subscriber (the window's event forwarder). On the way:
//! the journal (sale and attempt intent, then the created attempt), the accept call to the
//! sandbox on a loopback port, and the SVG render of the code. Production engine settings.
//!
//! Each sale is then rejected at the sandbox and the engine poked, so it ends at once and
//! nothing is left polling in the background while the next sale is timed.
//!
//! Knobs: `SALES` (1000 per run), `RUNS` (3), `WARMUP` (5 sales per run, not counted: the
//! first token and connection).

use std::time::{Duration, Instant};

use kassa_bench::{BenchResult, Rig, Spread, Stats, env_u64, machine, ms, write_result};
use kassa_money::{Currency, Money};
use kassa_sandbox::SandboxConfig;
use kassa_till::TillEvent;
use serde_json::json;

const WAIT: Duration = Duration::from_secs(10);

async fn one_sale(rig: &mut Rig, i: u64) -> BenchResult<(f64, f64)> {
    let amount = Money::new(100 + i64::try_from(i % 5000).unwrap_or(0), Currency::Dkk);
    let t0 = Instant::now();
    let sale = rig.till.charge(amount, None).map_err(|e| e.to_string())?;
    let returned = t0.elapsed();
    let (event, at) = rig
        .next(
            WAIT,
            |e| matches!(e, TillEvent::QrReady(q) if q.sale_id == sale),
        )
        .await?;
    let qr_ms = ms(at.duration_since(t0));
    let TillEvent::QrReady(qr) = event else {
        return Err("not a code".into());
    };
    rig.sandbox
        .sandbox()
        .reject(&qr.payment_id)
        .map_err(|e| e.to_string())?;
    rig.till.poke();
    rig.next(
        WAIT,
        |e| matches!(e, TillEvent::SaleEnded { sale_id, .. } if *sale_id == sale),
    )
    .await?;
    rig.idle(WAIT).await?;
    Ok((qr_ms, ms(returned)))
}

async fn run(sales: u64, warmup: u64) -> BenchResult<(Vec<f64>, Vec<f64>)> {
    let mut rig = Rig::start(SandboxConfig::default(), |c| c, false).await?;
    for i in 0..warmup {
        one_sale(&mut rig, i).await?;
    }
    let mut qr = Vec::new();
    let mut charge = Vec::new();
    for i in 0..sales {
        let (q, c) = one_sale(&mut rig, i).await?;
        qr.push(q);
        charge.push(c);
    }
    let db = rig.dir.path().join("kassa.db");
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("  journal {} bytes after {} sales", size, sales + warmup);
    Ok((qr, charge))
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> BenchResult<()> {
    let sales = env_u64("SALES", 1000);
    let runs = env_u64("RUNS", 3);
    let warmup = env_u64("WARMUP", 5);
    println!("charge → QR ready: {runs} runs × {sales} sales (after {warmup} warm-up sales)");
    let mut per_run = Vec::new();
    let mut all = Vec::new();
    for r in 1..=runs {
        let (qr, charge) = run(sales, warmup).await?;
        let s = Stats::of(&qr);
        println!("run {r}: {}", s.line());
        println!("       charge() returned: {}", Stats::of(&charge).line());
        all.extend_from_slice(&qr);
        per_run.push(s);
    }
    let p50 = Spread::of(&per_run.iter().map(|s| s.p50).collect::<Vec<_>>());
    let p99 = Spread::of(&per_run.iter().map(|s| s.p99).collect::<Vec<_>>());
    let pooled = Stats::of(&all);
    println!(
        "all runs: {}\np50 over runs {:.2}..{:.2} ms, p99 over runs {:.2}..{:.2} ms (target p99 < 10 ms: {})",
        pooled.line(),
        p50.min,
        p50.max,
        p99.min,
        p99.max,
        if pooled.p99 < 10.0 { "met" } else { "NOT met" }
    );
    write_result(
        "charge-to-qr",
        &json!({
            "figure": "charge pressed -> QR ready (ms)",
            "machine": machine(),
            "sales_per_run": sales,
            "runs": per_run,
            "pooled": pooled,
            "p50_spread": p50,
            "p99_spread": p99,
            "target_p99_ms": 10.0,
            "met": pooled.p99 < 10.0,
        }),
    )
}
