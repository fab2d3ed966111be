//! What signing adds to a sale (issue 12, "Speed": under 2 ms).
//!
//! The same cash sales (three lines at 25 % and 15 %, NOK, `Journal::insert_paid_sale` as
//! the till writes a cash sale) on two on-disk journals in one temp dir, each opened with
//! `Journal::open` and so with the journal's real durability (WAL, `synchronous=FULL`: one
//! `fsync` per sale): one sealed by the real [`ReceiptSealer`] (a fresh 1024-bit RSA key,
//! SHA1withRSA, in the shop's local time), one by `TestSealer` (a made-up signature, the
//! same seal row, no RSA). The two take turns sale by sale (which goes first alternates),
//! so both see the same load. Per sale: p50/p95/max of each and their difference; then
//! `ReceiptSealer::seal` alone (the RSA signature and the signed text), chained as the
//! journal chains it. Each run ends with `kassa_boot::keys::verify` over the signed
//! journal: every receipt must verify, or the bench fails. Beside each `seal` alone, one
//! signature checked alone (`kassa_saft::signature::verify`, what `kassa verify` does per
//! receipt).
//!
//! `SALES` (500) timed sales per journal per run after `WARMUP` (5); `RUNS` (3); `SEALS`
//! (2,000) calls of `seal` alone per run.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use kassa_bench::{BenchResult, Spread, Stats, env_u64, machine, ms, write_result};
use kassa_boot::keys::{ReceiptSealer, verify};
use kassa_boot::shop::FixedZone;
use kassa_journal::{Backend, Journal, NewLine, NewSale, Paid, SealInput, Sealer};
use kassa_money::{Currency, Money};
use kassa_saft::signature::ReceiptKey;
use kassa_testkit::TestSealer;
use serde::Serialize;
use serde_json::json;

/// Nearest-rank percentile `q` of sorted `s`.
fn pct(s: &[f64], q: f64) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let r = (q * s.len() as f64).ceil() as usize;
    s[r.clamp(1, s.len()) - 1]
}

#[derive(Debug, Clone, Copy, Serialize)]
struct Tail {
    n: usize,
    p50: f64,
    p95: f64,
    max: f64,
    mean: f64,
}

fn tail(samples: &[f64]) -> Tail {
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    let st = Stats::of(&s);
    Tail {
        n: s.len(),
        p50: pct(&s, 0.50),
        p95: pct(&s, 0.95),
        max: st.max,
        mean: st.mean,
    }
}

impl Tail {
    fn line(&self) -> String {
        format!(
            "n={} p50={:.3} p95={:.3} max={:.3} mean={:.3} (ms)",
            self.n, self.p50, self.p95, self.max, self.mean
        )
    }

    fn minus(&self, o: &Tail) -> Tail {
        Tail {
            n: self.n,
            p50: self.p50 - o.p50,
            p95: self.p95 - o.p95,
            max: self.max - o.max,
            mean: self.mean - o.mean,
        }
    }
}

/// Sale `i`: three lines, two rates, paid in cash with the exact amount.
fn sale(j: &mut Journal, id: &str, i: u64, at_ms: i64) -> BenchResult<i64> {
    let nok = |m| Money::new(m, Currency::Nok);
    let q = 1 + (i % 3) as u32;
    let lines = [
        NewLine {
            text: "Kaffe 500 g",
            quantity: q,
            unit_gross: nok(8990),
            vat_bp: 1500,
            saft_code: 31,
        },
        NewLine {
            text: "Grovbrød",
            quantity: 1,
            unit_gross: nok(4490),
            vat_bp: 1500,
            saft_code: 31,
        },
        NewLine {
            text: "Batterier AA 4-pk",
            quantity: 1,
            unit_gross: nok(9900),
            vat_bp: 2500,
            saft_code: 3,
        },
    ];
    let total: i64 = lines
        .iter()
        .map(|l| l.unit_gross.minor * i64::from(l.quantity))
        .sum();
    let receipt = j
        .insert_paid_sale(
            &NewSale {
                id,
                amount: nok(total),
                reference: None,
                at_ms,
                backend: Backend::Live,
            },
            &lines,
            &Paid::Cash { given: nok(total) },
            "cash",
        )
        .map_err(|e| format!("sale {id}: {e}"))?;
    Ok(receipt.number)
}

fn main() -> BenchResult<()> {
    let sales = env_u64("SALES", 500);
    let warmup = env_u64("WARMUP", 5);
    let runs = env_u64("RUNS", 3);
    let seals = env_u64("SEALS", 2_000);
    let zone = || Arc::new(FixedZone(60));
    let mut results = Vec::new();
    let (mut all_signed, mut all_test, mut all_seal) = (Vec::new(), Vec::new(), Vec::new());
    let mut all_check = Vec::new();
    let (mut d50, mut d95) = (Vec::new(), Vec::new());
    let base_ms: i64 = 1_780_000_000_000;
    for run in 1..=runs {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut signed = Journal::open(&dir.path().join("signed.db")).map_err(|e| e.to_string())?;
        let mut test = Journal::open(&dir.path().join("test.db")).map_err(|e| e.to_string())?;
        let key = ReceiptKey::generate(&mut rand_core::OsRng, 1).map_err(|e| e.to_string())?;
        let public = key.public_pem().map_err(|e| e.to_string())?;
        signed
            .record_signing_key(1, &public, base_ms)
            .map_err(|e| e.to_string())?;
        signed.set_sealer(Arc::new(ReceiptSealer::new(key, zone())));
        TestSealer::install(&mut test).map_err(|e| e.to_string())?;

        let (mut s_ms, mut t_ms) = (Vec::new(), Vec::new());
        for i in 0..warmup + sales {
            let at = base_ms + i as i64 * 1_000;
            let id = format!("s{i}");
            let time = |j: &mut Journal| -> BenchResult<f64> {
                let started = Instant::now();
                sale(j, &id, i, at)?;
                Ok(ms(started.elapsed()))
            };
            let (s, t) = if i % 2 == 0 {
                let s = time(&mut signed)?;
                (s, time(&mut test)?)
            } else {
                let t = time(&mut test)?;
                (time(&mut signed)?, t)
            };
            if i >= warmup {
                s_ms.push(s);
                t_ms.push(t);
            }
        }
        // The bench checks its own journal: every signed receipt verifies, none is missing.
        let checks = verify(&signed).map_err(|e| e.to_string())?;
        let live = checks
            .iter()
            .find(|c| c.series == Backend::Live)
            .ok_or("verify reported no live series")?;
        if live.verified as u64 != warmup + sales || live.broken.is_some() {
            return Err(format!(
                "verify: {} of {} receipts verified ({:?})",
                live.verified,
                warmup + sales,
                live.broken
            ));
        }

        // `seal` alone, chained as the journal chains it.
        let key = ReceiptKey::generate(&mut rand_core::OsRng, 1).map_err(|e| e.to_string())?;
        let public =
            kassa_saft::signature::public_key(&key.public_pem().map_err(|e| e.to_string())?)
                .map_err(|e| e.to_string())?;
        let sealer = ReceiptSealer::new(key, zone());
        let mut previous: Option<String> = None;
        let mut seal_ms = Vec::with_capacity(seals as usize);
        let mut check_ms = Vec::with_capacity(seals as usize);
        for n in 1..=seals as i64 {
            let input = SealInput {
                previous: previous.as_deref(),
                at_ms: base_ms + n * 1_000,
                number: n,
                training: false,
                gross_minor: 28_470,
                net_minor: 24_339,
            };
            let started = Instant::now();
            let seal = sealer.seal(&input)?;
            seal_ms.push(ms(started.elapsed()));
            // One signature checked alone, as `kassa verify` checks each receipt.
            let text = kassa_saft::no::signed_text(
                input.previous,
                &seal.signed_date,
                &seal.signed_time,
                n,
                false,
                input.gross_minor,
                input.net_minor,
            )
            .map_err(|e| e.to_string())?;
            let started = Instant::now();
            kassa_saft::signature::verify(&public, &text, &seal.signature)
                .map_err(|e| format!("seal {n}: {e}"))?;
            check_ms.push(ms(started.elapsed()));
            previous = Some(black_box(seal.signature));
        }

        let (s, t, k) = (tail(&s_ms), tail(&t_ms), tail(&seal_ms));
        let c = tail(&check_ms);
        let d = s.minus(&t);
        println!("run {run}: sale, RSA sealer  {}", s.line());
        println!("run {run}: sale, test sealer {}", t.line());
        println!(
            "run {run}: signing adds p50 {:+.3} ms, p95 {:+.3} ms, max {:+.3} ms, mean {:+.3} ms",
            d.p50, d.p95, d.max, d.mean
        );
        println!("run {run}: seal alone        {}", k.line());
        println!("run {run}: one check alone   {}", c.line());
        println!("run {run}: verify: {} receipts verified", live.verified);
        d50.push(d.p50);
        d95.push(d.p95);
        all_signed.extend_from_slice(&s_ms);
        all_test.extend_from_slice(&t_ms);
        all_seal.extend_from_slice(&seal_ms);
        all_check.extend_from_slice(&check_ms);
        results.push(json!({
            "sale_rsa_sealer": s,
            "sale_test_sealer": t,
            "difference": d,
            "seal_alone": k,
            "signature_check_alone": c,
            "verified": live.verified,
        }));
    }
    let (s, t, k) = (tail(&all_signed), tail(&all_test), tail(&all_seal));
    let d = s.minus(&t);
    let met = d.p50 < 2.0 && d.p95 < 2.0;
    println!("pooled: sale, RSA sealer  {}", s.line());
    println!("pooled: sale, test sealer {}", t.line());
    println!("pooled: seal alone        {}", k.line());
    let c = tail(&all_check);
    println!("pooled: one check alone   {}", c.line());
    println!(
        "signing adds to a sale, {sales} sales × {runs} runs: p50 {:+.3} ms, p95 {:+.3} ms \
         (per run p50 {:+.3}..{:+.3}, p95 {:+.3}..{:+.3}); seal alone p50 {:.3} ms, p95 {:.3} ms, \
         max {:.3} ms (target < 2 ms: {})",
        d.p50,
        d.p95,
        Spread::of(&d50).min,
        Spread::of(&d50).max,
        Spread::of(&d95).min,
        Spread::of(&d95).max,
        k.p50,
        k.p95,
        k.max,
        if met { "met" } else { "NOT met" }
    );
    write_result(
        "receipt-signing",
        &json!({
            "figure": "what signing (RSA-1024, SHA1withRSA) adds to a cash sale on an on-disk journal (ms per sale)",
            "machine": machine(),
            "load_average": std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim(),
            "sales_per_run": sales,
            "runs": results,
            "pooled": {
                "sale_rsa_sealer": s,
                "sale_test_sealer": t,
                "difference": d,
                "seal_alone": k,
                "signature_check_alone": c,
            },
            "difference_p50_spread": Spread::of(&d50),
            "difference_p95_spread": Spread::of(&d95),
            "met": met,
        }),
    )
}
