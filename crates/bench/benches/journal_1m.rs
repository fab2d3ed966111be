//! The journal at scale: 1,000,000 sales. Times, through the journal API the app uses:
//! today's list (the newest 50), the day's totals, and one sale's detail (sale, attempts,
//! events); also opening the journal, its full integrity check, and the app's current
//! day list (200 rows + totals added up in Rust). Reports the database size per sale.
//!
//! The journal is made once (`<target>/bench-data/journal-1m.db`, or `$KASSA_BENCH_DB`) by
//! writing rows of the journal's own schema directly in one transaction: 1,000 sales a day
//! for 1,000 days up to today; 90 % paid, 6 % cancelled, 4 % declined; one sale in ten had
//! its code replaced once. Each sale has the rows and events a real one writes (8 events
//! for a paid sale with one code, 4 more per replaced code). `SALES` changes the size.
//!
//! Each run reopens the journal and times `ITER` (200) calls of each query; `RUNS` (3).

use std::path::{Path, PathBuf};
use std::time::Instant;

use kassa_bench::{BenchResult, Spread, Stats, env_u64, machine, ms, out_dir, write_result};
use kassa_journal::{Backend, Journal};
use kassa_money::Currency;
use rusqlite::{Connection, params};
use serde_json::json;

const PER_DAY: u64 = 1000;
const DAY_MS: i64 = 86_400_000;

/// A small deterministic generator (xorshift64*), so every build of the journal is alike.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn uuid(&mut self) -> String {
        uuid::Uuid::from_u64_pair(self.next(), self.next())
            .hyphenated()
            .to_string()
    }
}

fn db_path() -> PathBuf {
    std::env::var_os("KASSA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| out_dir().join("../bench-data/journal-1m.db"))
}

fn count(path: &Path) -> i64 {
    Connection::open(path)
        .and_then(|c| c.query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0)))
        .unwrap_or(-1)
}

/// Writes `sales` sales, the last `PER_DAY` of them today.
fn build(path: &Path, sales: u64, today_start: i64) -> BenchResult<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    // The schema, exactly as Kassa makes it.
    drop(Journal::open(path).map_err(|e| e.to_string())?);
    let started = Instant::now();
    let mut conn = Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch("PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;")
        .map_err(|e| e.to_string())?;
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    {
        let mut sale = tx
            .prepare(
                "INSERT INTO sales (id, amount_minor, currency, reference, state, created_at,
                                    ended_at, paid_payment_id)
                 VALUES (?1, ?2, 'DKK', ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(|e| e.to_string())?;
        let mut attempt = tx
            .prepare(
                "INSERT INTO attempts (sale_id, seq, state, reference, payment_id,
                     authorization_url, requested_at, created_at, expires_at, status, is_final)
                 VALUES (?1, ?2, 'created', ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)",
            )
            .map_err(|e| e.to_string())?;
        let mut event = tx
            .prepare(
                "INSERT INTO events (sale_id, attempt_id, at, kind, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(|e| e.to_string())?;
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let days = sales.div_ceil(PER_DAY);
        let step = 12 * 3_600_000 / i64::try_from(PER_DAY).unwrap_or(1);
        for n in 0..sales {
            let day = i64::try_from(days - 1 - n / PER_DAY).unwrap_or(0);
            let at = today_start - day * DAY_MS
                + 8 * 3_600_000
                + i64::try_from(n % PER_DAY).unwrap_or(0) * step;
            let id = uuid::Uuid::from_u64_pair(rng.next(), rng.next())
                .simple()
                .to_string();
            let minor = 100 + i64::try_from(rng.below(50_000)).unwrap_or(0);
            let reference = format!("K{}", id[..12].to_ascii_uppercase());
            let roll = rng.below(100);
            let (state, last_status) = match roll {
                0..90 => ("paid", "Executed"),
                90..96 => ("cancelled", "Expired"),
                _ => ("failed", "Rejected"),
            };
            let replaced = rng.below(10) == 0;
            let mut t = at;
            let mut ev = |attempt: Option<i64>, t: i64, kind: &str, detail: &str| {
                event
                    .execute(params![id, attempt, t, kind, detail])
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            };
            let amount = format!("{}.{:02} DKK", minor / 100, minor % 100);
            let mut paid_pid = None;
            let mut rows = Vec::new();
            for seq in 1..=(1 + i64::from(replaced)) {
                let pid = rng.uuid();
                let url = format!("http://127.0.0.1:4010/sandbox/authorize/{pid}");
                let last = seq == 1 + i64::from(replaced);
                let status = if last { last_status } else { "Expired" };
                rows.push((seq, pid, url, t, status, last));
                t += if last { 0 } else { 52_000 };
            }
            let ended = t + 9_000;
            if state == "paid" {
                paid_pid = rows.last().map(|r| r.1.clone());
            }
            sale.execute(params![id, minor, reference, state, at, ended, paid_pid])
                .map_err(|e| e.to_string())?;
            ev(None, at, "sale_opened", &amount)?;
            for (seq, pid, url, req, status, last) in rows {
                attempt
                    .execute(params![
                        id,
                        seq,
                        reference,
                        pid,
                        url,
                        req,
                        req + 40,
                        req + 60_000,
                        status
                    ])
                    .map_err(|e| e.to_string())?;
                let aid = tx.last_insert_rowid();
                ev(Some(aid), req, "attempt_requested", &reference)?;
                ev(Some(aid), req + 40, "attempt_created", &pid)?;
                ev(Some(aid), req + 2_000, "status", "Initiated")?;
                let path: &[&str] = match (last, status) {
                    (true, "Executed") => &["AwaitingAuthorization", "Authorized", "Executed"],
                    (true, "Rejected") => &["AwaitingAuthorization", "Rejected"],
                    _ => &["Expired"],
                };
                for (k, s) in path.iter().enumerate() {
                    let k = i64::try_from(k).unwrap_or(0);
                    ev(Some(aid), req + 4_000 + k * 2_000, "status", s)?;
                }
            }
            let end_kind = format!("sale_{state}");
            let detail = match state {
                "paid" => "Paid by bank transfer",
                "cancelled" => "Cancelled by the cashier",
                _ => "Declined in the bank",
            };
            ev(None, ended, &end_kind, detail)?;
            if n % 100_000 == 99_999 {
                println!(
                    "  {} sales written ({:.0} s)",
                    n + 1,
                    started.elapsed().as_secs_f64()
                );
            }
        }
    }
    tx.commit().map_err(|e| e.to_string())?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(|e| e.to_string())?;
    println!(
        "built {} with {sales} sales in {:.0} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn time(iter: u64, mut f: impl FnMut(u64) -> BenchResult<()>) -> BenchResult<(f64, Stats)> {
    let t = Instant::now();
    f(0)?;
    let first = ms(t.elapsed());
    let mut samples = Vec::new();
    for i in 1..=iter {
        let t = Instant::now();
        f(i)?;
        samples.push(ms(t.elapsed()));
    }
    Ok((first, Stats::of(&samples)))
}

fn plan(conn: &Connection, sql: &str) -> String {
    let Ok(mut stmt) = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")) else {
        return String::new();
    };
    let rows = stmt.query_map([], |r| r.get::<_, String>(3));
    rows.map(|r| r.filter_map(Result::ok).collect::<Vec<_>>().join("; "))
        .unwrap_or_default()
}

fn main() -> BenchResult<()> {
    let sales = env_u64("SALES", 1_000_000);
    let runs = env_u64("RUNS", 3);
    let iter = env_u64("ITER", 200);
    let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
    let (today_start, today_end) = kassa_boot::local_day_bounds(now);
    let path = db_path();
    if count(&path) != i64::try_from(sales).unwrap_or(-1) {
        println!("building the journal (once)…");
        build(&path, sales, today_start)?;
    }
    let file_bytes: u64 = ["", "-wal"]
        .iter()
        .map(|s| {
            let mut p = path.as_os_str().to_owned();
            p.push(s);
            std::fs::metadata(PathBuf::from(p)).map_or(0, |m| m.len())
        })
        .sum();
    let per_sale = file_bytes as f64 / sales as f64;
    println!(
        "journal {}: {sales} sales, {:.1} MiB, {:.0} bytes per sale",
        path.display(),
        file_bytes as f64 / 1_048_576.0,
        per_sale
    );
    let ids: Vec<String> = {
        let conn = Connection::open(&path).map_err(|e| e.to_string())?;
        for (name, sql) in [
            (
                "list",
                format!(
                    "SELECT * FROM sales s WHERE s.created_at >= {today_start} AND s.created_at < {today_end} ORDER BY s.created_at DESC, s.id LIMIT 50"
                ),
            ),
            (
                "totals",
                format!(
                    "SELECT COUNT(*), SUM(amount_minor) FROM sales WHERE created_at >= {today_start} AND created_at < {today_end}"
                ),
            ),
            (
                "detail",
                "SELECT * FROM events WHERE sale_id = 'x' ORDER BY id".to_owned(),
            ),
        ] {
            println!("  plan {name}: {}", plan(&conn, &sql));
        }
        let mut rng = Rng(42);
        let mut ids = Vec::new();
        for _ in 0..=iter {
            let rowid = 1 + rng.below(sales);
            ids.push(
                conn.query_row("SELECT id FROM sales WHERE rowid = ?1", [rowid], |r| {
                    r.get(0)
                })
                .map_err(|e| e.to_string())?,
            );
        }
        ids
    };
    let t = Instant::now();
    Journal::verify_file(&path).map_err(|e| e.to_string())?;
    let verify_ms = ms(t.elapsed());
    println!("full check (quick_check, run in the background after start): {verify_ms:.0} ms");
    let mut results = Vec::new();
    for r in 1..=runs {
        let t = Instant::now();
        let journal = Journal::open(&path).map_err(|e| e.to_string())?;
        let open_ms = ms(t.elapsed());
        let (list_first, list) = time(iter, |_| {
            let rows = journal
                .sales_between(today_start, today_end, Backend::Sandbox, 50)
                .map_err(|e| e.to_string())?;
            (rows.len() == 50).then_some(()).ok_or("not 50 rows".into())
        })?;
        let (totals_first, totals) = time(iter, |_| {
            let t = journal
                .totals_between(today_start, today_end, Currency::Dkk, Backend::Sandbox)
                .map_err(|e| e.to_string())?;
            (t.sales == i64::try_from(PER_DAY.min(sales)).unwrap_or(0))
                .then_some(())
                .ok_or(format!("{t:?}"))
        })?;
        let (app_first, app_list) = time(iter, |_| {
            let rows = journal
                .sales_between(today_start, today_end, Backend::Sandbox, 200)
                .map_err(|e| e.to_string())?;
            let report = kassa_boot::day_report(rows, Currency::Dkk, Backend::Sandbox);
            (report.sales.len() == 200)
                .then_some(())
                .ok_or("not 200 rows".into())
        })?;
        let (detail_first, detail) = time(iter, |i| {
            let id = &ids[usize::try_from(i).unwrap_or(0)];
            let sale = journal.sale(id).map_err(|e| e.to_string())?;
            let attempts = journal.attempts(id).map_err(|e| e.to_string())?;
            let events = journal.events(id).map_err(|e| e.to_string())?;
            (sale.is_some() && !attempts.is_empty() && events.len() >= 6)
                .then_some(())
                .ok_or(format!("sale {id} incomplete"))
        })?;
        println!("run {r}: open {open_ms:.1} ms");
        println!(
            "  today's list (50):   first {list_first:.2} ms, {}",
            list.line()
        );
        println!(
            "  day totals (SQL):    first {totals_first:.2} ms, {}",
            totals.line()
        );
        println!(
            "  app day list (200 + totals in Rust): first {app_first:.2} ms, {}",
            app_list.line()
        );
        println!(
            "  one sale's detail:   first {detail_first:.2} ms, {}",
            detail.line()
        );
        results.push(json!({
            "open_ms": open_ms,
            "list": {"first_ms": list_first, "stats": list},
            "totals": {"first_ms": totals_first, "stats": totals},
            "app_day_list_200": {"first_ms": app_first, "stats": app_list},
            "detail": {"first_ms": detail_first, "stats": detail},
        }));
    }
    let spread = |key: &str, pick: &str| {
        Spread::of(
            &results
                .iter()
                .map(|r| r[key]["stats"][pick].as_f64().unwrap_or(f64::NAN))
                .collect::<Vec<_>>(),
        )
    };
    let worst = ["list", "totals", "detail"]
        .iter()
        .map(|k| spread(k, "p99").max)
        .fold(0.0, f64::max);
    println!(
        "p99 spread over runs: list {:?}, totals {:?}, detail {:?}; worst p99 {worst:.2} ms (target < 50 ms: {})",
        spread("list", "p99"),
        spread("totals", "p99"),
        spread("detail", "p99"),
        if worst < 50.0 { "met" } else { "NOT met" }
    );
    write_result(
        "journal-1m",
        &json!({
            "figure": "journal with 1,000,000 sales: list, totals, detail (ms)",
            "machine": machine(),
            "sales": sales,
            "file_bytes": file_bytes,
            "bytes_per_sale": per_sale,
            "full_check_ms": verify_ms,
            "runs": results,
            "list_p99_spread": spread("list", "p99"),
            "totals_p99_spread": spread("totals", "p99"),
            "detail_p99_spread": spread("detail", "p99"),
            "met": worst < 50.0,
        }),
    )
}
