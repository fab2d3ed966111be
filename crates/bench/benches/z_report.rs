//! X and Z over a journal of 1,000,000 sales (issue 11 point 8: a Z in under 50 ms).
//!
//! The journal is made once (`<target>/bench-data/journal-z-1m.db`, or `$KASSA_BENCH_DB`)
//! by a bench-only bulk writer: rows of the journal's own schema 5 in one transaction,
//! through the schema's own triggers, so the running totals are kept exactly as the app's
//! writes keep them. All 1,000,000 sales are in ONE open period (a till that never closed a
//! day: the worst case): paid by bank, cash and card in turn, two or three lines at 25 % and
//! 15 % (every 100th a plain amount, no VAT recorded), each with its receipt and VAT rows;
//! every 40th sale has a return of one line, every 30th sale opened is cancelled.
//!
//! Each run copies the built journal, opens the copy and times `ITER` (200) `x_report`s of
//! that period, then one `close_z` closing all 1,000,000 sales (and the Z read back), then
//! `ITER` `close_z`s of empty periods; `RUNS` (3). `SALES` changes the size.

use std::path::{Path, PathBuf};
use std::time::Instant;

use kassa_bench::{BenchResult, Spread, Stats, env_u64, machine, ms, out_dir, write_result};
use kassa_journal::{Backend, Journal};
use kassa_money::vat_of_gross;
use rusqlite::{Connection, params};
use serde_json::json;

fn db_path() -> PathBuf {
    std::env::var_os("KASSA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| out_dir().join("../bench-data/journal-z-1m.db"))
}

fn count(path: &Path) -> i64 {
    Connection::open(path)
        .and_then(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM receipts WHERE kind = 'sale'",
                [],
                |r| r.get(0),
            )
        })
        .unwrap_or(-1)
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// The bench-only bulk writer.
fn build(path: &Path, sales: u64) -> BenchResult<()> {
    remove(path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    drop(Journal::open(path).map_err(|e| e.to_string())?);
    let started = Instant::now();
    let mut conn = Connection::open(path).map_err(|e| e.to_string())?;
    conn.execute_batch("PRAGMA synchronous=OFF;")
        .map_err(|e| e.to_string())?;
    let till: String = conn
        .query_row("SELECT id FROM till", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let e = |e: rusqlite::Error| e.to_string();
    let tx = conn.transaction().map_err(e)?;
    {
        let mut sale = tx
            .prepare(
                "INSERT INTO sales (id, amount_minor, currency, state, created_at, ended_at,
                                    paid_payment_id, backend)
                 VALUES (?1, ?2, 'DKK', 'open', ?3, NULL, NULL, 'live')",
            )
            .map_err(e)?;
        let mut end = tx
            .prepare(
                "UPDATE sales SET state = ?2, ended_at = ?3, paid_payment_id = ?4 WHERE id = ?1",
            )
            .map_err(e)?;
        let mut line = tx
            .prepare(
                "INSERT INTO sale_lines (sale_id, position, text, quantity, unit_gross_minor,
                                         currency, vat_bp, saft_code)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'DKK', ?6, ?7)",
            )
            .map_err(e)?;
        let mut receipt = tx
            .prepare(
                "INSERT INTO receipts (till, training, number, kind, sale_id, created_at,
                                       total_minor, currency, tender, tender_detail,
                                       cash_given_minor, return_of, reason)
                 VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, 'DKK', ?7, ?8, ?9, ?10, ?11)",
            )
            .map_err(e)?;
        let mut vat = tx
            .prepare(
                "INSERT INTO receipt_vat (till, training, number, position, vat_bp, saft_code,
                                          net_minor, vat_minor, gross_minor)
                 VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(e)?;
        let mut ret_line = tx
            .prepare(
                "INSERT INTO return_lines (till, training, number, position, text, quantity,
                                           unit_gross_minor, currency, vat_bp, saft_code)
                 VALUES (?1, 0, ?2, 1, ?3, 1, ?4, 'DKK', ?5, ?6)",
            )
            .map_err(e)?;
        let mut number: i64 = 0;
        let mut at: i64 = 1_700_000_000_000;
        let items: [(&str, i64, i64, i64); 3] = [
            ("Bread", 3490, 1500, 31),
            ("Coffee", 8990, 1500, 31),
            ("Batteries", 9900, 2500, 3),
        ];
        for i in 0..sales {
            at += 50;
            if i % 30 == 29 {
                let id = format!("c{i}");
                sale.execute(params![id, 1000, at]).map_err(e)?;
                end.execute(params![id, "cancelled", at, None::<String>])
                    .map_err(e)?;
            }
            let id = format!("s{i}");
            let plain = i % 100 == 99;
            let n_lines = if plain { 0 } else { 2 + (i % 2) as usize };
            let mut groups: Vec<(Option<i64>, Option<i64>, i64)> = Vec::new();
            let mut total = 0;
            for p in 0..n_lines {
                let (_, unit, bp, code) = items[(i as usize + p) % 3];
                let q = 1 + (i % 3) as i64;
                total += unit * q;
                match groups.iter_mut().find(|g| g.0 == Some(bp)) {
                    Some(g) => g.2 += unit * q,
                    None => groups.push((Some(bp), Some(code), unit * q)),
                }
            }
            if plain {
                total = 12_345;
                groups.push((None, None, total));
            }
            sale.execute(params![id, total, at]).map_err(e)?;
            for p in 0..n_lines {
                let (text, unit, bp, code) = items[(i as usize + p) % 3];
                let q = 1 + (i % 3) as i64;
                line.execute(params![id, p as i64 + 1, text, q, unit, bp, code])
                    .map_err(e)?;
            }
            let tender = ["bank", "cash", "card"][(i % 3) as usize];
            let pid = (tender == "bank").then(|| format!("p{i}"));
            end.execute(params![id, "paid", at, pid]).map_err(e)?;
            number += 1;
            let cash = (tender == "cash").then_some(total + 1000);
            receipt
                .execute(params![
                    till,
                    number,
                    "sale",
                    id,
                    at,
                    total,
                    tender,
                    pid,
                    cash,
                    None::<i64>,
                    None::<String>
                ])
                .map_err(e)?;
            groups.sort_by_key(|g| std::cmp::Reverse(g.0));
            for (p, (bp, code, gross)) in groups.iter().enumerate() {
                let v = bp.map_or(0, |bp| vat_of_gross(i128::from(*gross), bp as u32) as i64);
                vat.execute(params![
                    till,
                    number,
                    p as i64 + 1,
                    bp,
                    code,
                    gross - v,
                    v,
                    gross
                ])
                .map_err(e)?;
            }
            if i % 40 == 39 && !plain {
                let (text, unit, bp, code) = items[i as usize % 3];
                let sold = number;
                number += 1;
                receipt
                    .execute(params![
                        till,
                        number,
                        "return",
                        id,
                        at,
                        -unit,
                        tender,
                        pid,
                        None::<i64>,
                        sold,
                        "damaged"
                    ])
                    .map_err(e)?;
                ret_line
                    .execute(params![till, number, text, unit, bp, code])
                    .map_err(e)?;
                let v = vat_of_gross(-i128::from(unit), bp as u32) as i64;
                vat.execute(params![till, number, 1, bp, code, -unit - v, v, -unit])
                    .map_err(e)?;
            }
        }
    }
    tx.commit().map_err(e)?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .map_err(e)?;
    eprintln!(
        "built {sales} sales in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> BenchResult<()> {
    let sales = env_u64("SALES", 1_000_000);
    let runs = env_u64("RUNS", 3) as usize;
    let iter = env_u64("ITER", 200) as usize;
    let path = db_path();
    if count(&path) != sales as i64 {
        eprintln!("building the journal ({sales} sales) at {}", path.display());
        build(&path, sales)?;
    }
    let size = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
    let (mut x_all, mut z_all, mut empty_all) = (Vec::new(), Vec::new(), Vec::new());
    let (mut x_p99, mut z_runs) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let copy = path.with_file_name(format!("journal-z-run{run}.db"));
        remove(&copy);
        std::fs::copy(&path, &copy).map_err(|e| e.to_string())?;
        let mut j = Journal::open(&copy).map_err(|e| e.to_string())?;
        let now = 1_800_000_000_000;
        let mut xs = Vec::with_capacity(iter);
        let mut first = None;
        for _ in 0..iter {
            let t = Instant::now();
            let x = j.x_report(Backend::Live, now).map_err(|e| e.to_string())?;
            xs.push(ms(t.elapsed()));
            first.get_or_insert(x);
        }
        let x = first.ok_or("no X")?;
        if x.sales.count != sales {
            return Err(format!("X counted {} sales, not {sales}", x.sales.count));
        }
        let t = Instant::now();
        let z = j.close_z(Backend::Live, now).map_err(|e| e.to_string())?;
        let z_ms = ms(t.elapsed());
        if z.totals.sales.count != sales || z.number != 1 {
            return Err(format!(
                "Z {} closed {} sales",
                z.number, z.totals.sales.count
            ));
        }
        let t = Instant::now();
        let back = j.z_report(Backend::Live, 1).map_err(|e| e.to_string())?;
        let read_ms = ms(t.elapsed());
        if back.as_ref() != Some(&z) {
            return Err("the Z read back differs".into());
        }
        let mut empties = Vec::with_capacity(iter);
        for k in 0..iter {
            let t = Instant::now();
            j.close_z(Backend::Live, now + 1 + k as i64)
                .map_err(|e| e.to_string())?;
            empties.push(ms(t.elapsed()));
        }
        let xs_stats = Stats::of(&xs);
        let e_stats = Stats::of(&empties);
        println!(
            "run {run}: x_report {} | close_z over {sales} sales {z_ms:.2} ms (read back {read_ms:.2} ms) | close_z empty {}",
            xs_stats.line(),
            e_stats.line()
        );
        println!(
            "        {} receipts, {} VAT groups, {} tenders, grand net {}",
            z.totals.receipts,
            z.totals.vat.len(),
            z.totals.by_tender.len(),
            z.totals.grand.net.display()
        );
        x_p99.push(xs_stats.p99);
        z_runs.push(z_ms);
        x_all.extend(xs);
        z_all.push(z_ms);
        empty_all.extend(empties);
        drop(j);
        remove(&copy);
    }
    let x = Stats::of(&x_all);
    let z = Stats::of(&z_all);
    let empty = Stats::of(&empty_all);
    println!("pooled: x_report {}", x.line());
    println!("pooled: close_z over {sales} sales {}", z.line());
    println!("pooled: close_z of an empty period {}", empty.line());
    println!(
        "journal {:.2} GiB, {} bytes per sale",
        size as f64 / (1u64 << 30) as f64,
        size / sales.max(1)
    );
    write_result(
        "z-report",
        &json!({
            "machine": machine(),
            "sales": sales,
            "runs": runs,
            "iter": iter,
            "x_report_ms": x,
            "x_report_p99_spread": Spread::of(&x_p99),
            "close_z_1m_ms": z,
            "close_z_1m_spread": Spread::of(&z_runs),
            "close_z_empty_ms": empty,
            "bytes": size,
        }),
    )
}
