//! Shared parts of Kassa's benchmarks (`benches/`, run by the scripts under `bench/`): the
//! rig (the real client, engine and journal against the sandbox on a loopback port),
//! a gateway that counts status calls, percentiles, and where results are written.
//!
//! Timing lives here and in `bench/`, never in unit tests. Each bench prints its figures
//! and writes a JSON summary to `$KASSA_BENCH_OUT` (default `<target>/bench-results/`).

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kassa_aiia::{Client, Secret};
use kassa_boot::{WebhookListener, WebhookSettings};
use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::RigBuilder;
use kassa_till::{
    Created, Gateway, GatewayError, PaymentOrder, StatusReport, Till, TillConfig, TillEvent,
};
use serde::Serialize;
use tokio::sync::broadcast::Receiver;

/// An error of the bench harness itself, in words.
pub type BenchResult<T> = Result<T, String>;

/// Formats any error for [`BenchResult`].
pub fn err(context: &str) -> impl FnOnce(String) -> String + '_ {
    move |e| format!("{context}: {e}")
}

/// The p50/p99 summary of a set of samples (milliseconds).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Stats {
    pub n: usize,
    pub min: f64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
    pub mean: f64,
}

impl Stats {
    /// Nearest-rank percentiles of `samples`; all zero for no samples.
    pub fn of(samples: &[f64]) -> Stats {
        let mut s: Vec<f64> = samples.to_vec();
        s.sort_by(f64::total_cmp);
        let n = s.len();
        if n == 0 {
            return Stats {
                n,
                min: 0.0,
                p50: 0.0,
                p90: 0.0,
                p99: 0.0,
                max: 0.0,
                mean: 0.0,
            };
        }
        let rank = |q: f64| {
            // Nearest rank: the smallest sample with at least q of all samples at or below it.
            let r = (q * n as f64).ceil() as usize;
            s[r.clamp(1, n) - 1]
        };
        Stats {
            n,
            min: s[0],
            p50: rank(0.50),
            p90: rank(0.90),
            p99: rank(0.99),
            max: s[n - 1],
            mean: s.iter().sum::<f64>() / n as f64,
        }
    }

    pub fn line(&self) -> String {
        format!(
            "n={} p50={:.2} p90={:.2} p99={:.2} max={:.2} mean={:.2} (ms)",
            self.n, self.p50, self.p90, self.p99, self.max, self.mean
        )
    }
}

/// The spread of one figure over several runs: its smallest and largest value.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Spread {
    pub runs: usize,
    pub min: f64,
    pub max: f64,
    pub median: f64,
}

impl Spread {
    pub fn of(values: &[f64]) -> Spread {
        let s = Stats::of(values);
        Spread {
            runs: values.len(),
            min: s.min,
            max: s.max,
            median: s.p50,
        }
    }
}

/// Milliseconds, as a float, of a duration.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// An unsigned setting from the environment (bench knobs), or `default`.
pub fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Where JSON summaries go: `$KASSA_BENCH_OUT`, else `<target>/bench-results`.
pub fn out_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KASSA_BENCH_OUT") {
        return PathBuf::from(dir);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("bench-results")
}

/// Writes `value` as `<out_dir>/<name>.json` and says where.
pub fn write_result(name: &str, value: &impl Serialize) -> BenchResult<()> {
    let dir = out_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{name}.json"));
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("results: {}", path.display());
    Ok(())
}

/// The machine a figure was measured on.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    pub cpus: usize,
    pub cpu_model: String,
    pub ram_mib: u64,
}

pub fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "unknown".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let ram_kib: u64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Machine {
        cpus: std::thread::available_parallelism().map_or(0, |n| n.get()),
        cpu_model,
        ram_mib: ram_kib / 1024,
    }
}

/// One status call the engine made: when, and for which payment.
#[derive(Debug, Clone)]
pub struct StatusCall {
    pub payment_id: String,
    pub at: Instant,
}

/// The real client, counting every status call the engine makes through it.
#[derive(Clone)]
pub struct Counting {
    client: Arc<Client>,
    calls: Arc<Mutex<Vec<StatusCall>>>,
    accepts: Arc<Mutex<usize>>,
}

impl Counting {
    pub fn new(client: Client) -> Self {
        Counting {
            client: Arc::new(client),
            calls: Arc::default(),
            accepts: Arc::default(),
        }
    }

    /// Every status call so far.
    pub fn calls(&self) -> Vec<StatusCall> {
        self.calls.lock().map(|c| c.clone()).unwrap_or_default()
    }

    pub fn accepts(&self) -> usize {
        self.accepts.lock().map(|c| *c).unwrap_or_default()
    }

    /// Status calls per payment id.
    pub fn calls_by_payment(&self) -> HashMap<String, Vec<Instant>> {
        let mut by: HashMap<String, Vec<Instant>> = HashMap::new();
        for c in self.calls() {
            by.entry(c.payment_id).or_default().push(c.at);
        }
        by
    }
}

impl Gateway for Counting {
    async fn create(&self, order: &PaymentOrder) -> Result<Created, GatewayError> {
        if let Ok(mut n) = self.accepts.lock() {
            *n += 1;
        }
        self.client.create(order).await
    }

    async fn status(&self, payment_id: &str) -> Result<StatusReport, GatewayError> {
        if let Ok(mut calls) = self.calls.lock() {
            calls.push(StatusCall {
                payment_id: payment_id.to_owned(),
                at: Instant::now(),
            });
        }
        Gateway::status(self.client.as_ref(), payment_id).await
    }
}

/// The most calls in any one-second window among `times` (any order).
pub fn max_calls_per_second(times: &[Instant]) -> usize {
    let mut t: Vec<Instant> = times.to_vec();
    t.sort();
    let mut best = 0;
    let mut start = 0;
    for end in 0..t.len() {
        while t[end].duration_since(t[start]) >= Duration::from_secs(1) {
            start += 1;
        }
        best = best.max(end - start + 1);
    }
    best
}

/// A counter wired as the app wires it (client, engine, journal on disk), against its own
/// sandbox on a loopback port; optionally with the webhook listener, as `kassa-boot` does.
pub struct Rig {
    pub sandbox: RunningSandbox,
    pub gateway: Counting,
    pub till: Till<Counting>,
    pub events: Receiver<TillEvent>,
    pub webhooks: Option<WebhookListener>,
    pub dir: tempfile::TempDir,
}

impl Rig {
    /// `till` adjusts the engine's production settings (`TillConfig::new`).
    pub async fn start(
        sandbox_config: SandboxConfig,
        till: impl FnOnce(TillConfig) -> TillConfig,
        webhook: bool,
    ) -> BenchResult<Rig> {
        // The shared test rig, with the engine talking through a counting gateway.
        let mut builder = RigBuilder::new();
        builder.sandbox = sandbox_config;
        builder.till = till(builder.till);
        let mut counting = None;
        let kassa_testkit::Rig {
            sandbox,
            till,
            events,
            dir,
        } = builder
            .build_with(|client| {
                let gateway = Counting::new(client);
                counting = Some(gateway.clone());
                gateway
            })
            .await;
        let gateway = counting.ok_or("the rig made no gateway")?;
        let webhooks = if webhook {
            let secret = "bench-webhook-secret";
            let settings = WebhookSettings::new(
                SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
                Secret::new(secret),
            );
            let poked = till.clone();
            let listener = WebhookListener::bind(&settings, Arc::new(move |_| poked.poke()))
                .await
                .map_err(|e| format!("cannot start the webhook listener: {e}"))?;
            sandbox
                .sandbox()
                .set_webhook(Some(listener.url().to_owned()), Some(secret.to_owned()));
            Some(listener)
        } else {
            None
        };
        Ok(Rig {
            sandbox,
            gateway,
            till,
            events,
            webhooks,
            dir,
        })
    }

    /// Waits (at most `within`) for the first event that `f` picks.
    pub async fn next(
        &mut self,
        within: Duration,
        f: impl Fn(&TillEvent) -> bool,
    ) -> BenchResult<(TillEvent, Instant)> {
        next_event(&mut self.events, within, f).await
    }

    /// Waits until the engine follows nothing any more (every attempt final).
    pub async fn idle(&self, within: Duration) -> BenchResult<()> {
        let deadline = Instant::now() + within;
        while self.till.is_busy() {
            if Instant::now() > deadline {
                return Err("the engine was still following attempts".into());
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        Ok(())
    }
}

/// Waits (at most `within`) for the first event of `rx` that `f` picks, and when it came.
pub async fn next_event(
    rx: &mut Receiver<TillEvent>,
    within: Duration,
    f: impl Fn(&TillEvent) -> bool,
) -> BenchResult<(TillEvent, Instant)> {
    tokio::time::timeout(within, async {
        loop {
            match rx.recv().await {
                Ok(e) if f(&e) => return Ok((e, Instant::now())),
                Ok(_) => {}
                Err(e) => return Err(format!("event stream: {e}")),
            }
        }
    })
    .await
    .map_err(|_| format!("no such event within {within:?}"))?
}

/// A uniformly distributed duration in `[lo, hi)`, from a v4 UUID's random bits.
pub fn uniform(lo: Duration, hi: Duration) -> Duration {
    let span = hi.saturating_sub(lo).as_micros().max(1);
    let r = u128::from(uuid::Uuid::new_v4().as_u64_pair().1) % span;
    lo + Duration::from_micros(u64::try_from(r).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let s: Vec<f64> = (1..=100).map(f64::from).collect();
        let st = Stats::of(&s);
        assert_eq!(st.p50, 50.0);
        assert_eq!(st.p99, 99.0);
        assert_eq!(st.max, 100.0);
        assert_eq!(Stats::of(&[]).n, 0);
    }

    #[test]
    fn calls_in_a_one_second_window() {
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        assert_eq!(
            max_calls_per_second(&[at(0), at(500), at(1000), at(1500)]),
            2
        );
        assert_eq!(
            max_calls_per_second(&[at(0), at(200), at(400), at(1500)]),
            3
        );
        assert_eq!(max_calls_per_second(&[]), 0);
    }
}
