//! `kassa verify` over 1,000,000 signed receipts (issue 12, "Speed": measured), and over
//! 1 % and 10 % of that, so the scaling shows.
//!
//! The journals are built once under `<target>/bench-data/` (`verify-<n>.db`; the biggest at
//! `$KASSA_BENCH_DB` if set) through the journal API the till uses
//! (`Journal::insert_paid_sale`: a cash sale of two or three lines at 25 % and 15 %, its
//! receipt, VAT rows and seal in one transaction, the schema's triggers checking that each
//! seal is the newest receipt's and chained to the one before). Every signature is real
//! (a fresh 1024-bit RSA key, SHA1withRSA, `ReceiptSealer`). Two things make the build
//! faster than a till's million sales, neither touching what is written:
//! - the chain is signed ahead on a second thread by the real `ReceiptSealer`, from the
//!   same inputs the journal will hand it (number, time, amounts with and without VAT,
//!   previous signature); the journal's sealer takes those seals in order and refuses any
//!   whose input differs from what the journal asks to seal, so nothing unchecked goes in;
//! - the journal is written on tmpfs (`/dev/shm`, or `$KASSA_BUILD_DIR`) so the one `fsync`
//!   per sale costs nothing, then copied to the target dir. On this disk the `fsync` alone
//!   is 4 ms a sale: over an hour for a million (`bench/receipt-signing.sh` measures sales
//!   with it).
//!
//! The smaller journals are copies of the big one's first receipts as it was built.
//! Each run opens a journal (`Journal::open`, reading the file from the page cache) and
//! times `kassa_boot::keys::verify` over it; the bench fails unless verify reports every
//! receipt verified and the chain unbroken. `RECEIPTS` (1,000,000), `RUNS` (3).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use kassa_bench::{BenchResult, Spread, env_u64, machine, out_dir, write_result};
use kassa_boot::keys::{ReceiptSealer, verify};
use kassa_boot::shop::FixedZone;
use kassa_journal::{Backend, Journal, NewLine, NewSale, Paid, Seal, SealInput, Sealer};
use kassa_money::{Currency, Money, vat_of_gross};
use kassa_saft::signature::ReceiptKey;
use rusqlite::Connection;
use serde_json::json;

const BASE_MS: i64 = 1_700_000_000_000;

fn data_dir() -> PathBuf {
    out_dir().join("../bench-data")
}

fn db_path(n: u64, biggest: u64) -> PathBuf {
    if n == biggest {
        if let Some(p) = std::env::var_os("KASSA_BENCH_DB") {
            return PathBuf::from(p);
        }
    }
    data_dir().join(format!("verify-{n}.db"))
}

/// Receipts with a seal in the journal at `path` (-1 when there is none).
fn sealed(path: &Path) -> i64 {
    if !path.exists() {
        return -1;
    }
    Connection::open(path)
        .and_then(|c| c.query_row("SELECT COUNT(*) FROM receipt_seals", [], |r| r.get(0)))
        .unwrap_or(-1)
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Sale `i` (receipt `i + 1`): its lines, total and time.
struct Basket {
    lines: [(&'static str, u32, i64, u32, u8); 3],
    n_lines: usize,
    at_ms: i64,
}

fn basket(i: u64) -> Basket {
    let q = 1 + (i % 3) as u32;
    Basket {
        lines: [
            ("Kaffe 500 g", q, 8990 + (i % 7) as i64 * 100, 1500, 31),
            ("Batterier AA 4-pk", 1, 9900, 2500, 3),
            ("Grovbrød", 1, 4490, 1500, 31),
        ],
        n_lines: 2 + (i % 2) as usize,
        // A sale every 20 s: 1,000,000 over about 231 days.
        at_ms: BASE_MS + i as i64 * 20_000,
    }
}

impl Basket {
    fn lines(&self) -> &[(&'static str, u32, i64, u32, u8)] {
        &self.lines[..self.n_lines]
    }

    fn gross(&self) -> i64 {
        self.lines()
            .iter()
            .map(|(_, q, unit, _, _)| unit * i64::from(*q))
            .sum()
    }

    /// Without VAT as the journal's VAT rows have it: per rate, gross less
    /// `vat_of_gross` (the journal's one rounding rule), summed.
    fn net(&self) -> i64 {
        let mut by_rate: Vec<(u32, i64)> = Vec::new();
        for (_, q, unit, bp, _) in self.lines() {
            match by_rate.iter_mut().find(|g| g.0 == *bp) {
                Some(g) => g.1 += unit * i64::from(*q),
                None => by_rate.push((*bp, unit * i64::from(*q))),
            }
        }
        by_rate
            .iter()
            .map(|(bp, g)| g - vat_of_gross(i128::from(*g), *bp) as i64)
            .sum()
    }
}

/// What one seal was made over, and the seal.
struct Ahead {
    number: i64,
    at_ms: i64,
    gross: i64,
    net: i64,
    previous: Option<String>,
    seal: Seal,
}

/// The journal's sealer during the build: the seals signed ahead, in order, each handed
/// over only for the very input it was made from.
struct SignedAhead(Mutex<Receiver<Result<Ahead, String>>>);

impl Sealer for SignedAhead {
    fn seal(&self, s: &SealInput<'_>) -> Result<Seal, String> {
        let rx = self.0.lock().map_err(|_| "the signing thread stopped")?;
        let a = rx.recv().map_err(|_| "the signing thread stopped")??;
        if (
            a.number,
            a.at_ms,
            a.gross,
            a.net,
            a.previous.as_deref(),
            s.training,
        ) != (
            s.number,
            s.at_ms,
            s.gross_minor,
            s.net_minor,
            s.previous,
            false,
        ) {
            return Err(format!(
                "receipt {}: the seal signed ahead was for other input (receipt {}, {} / {})",
                s.number, a.number, a.gross, a.net
            ));
        }
        Ok(a.seal)
    }
}

fn sign_ahead(key: ReceiptKey, n: u64, tx: SyncSender<Result<Ahead, String>>) {
    let sealer = ReceiptSealer::new(key, Arc::new(FixedZone(60)));
    let mut previous: Option<String> = None;
    for i in 0..n {
        let b = basket(i);
        let (gross, net) = (b.gross(), b.net());
        let number = i as i64 + 1;
        let made = sealer.seal(&SealInput {
            previous: previous.as_deref(),
            at_ms: b.at_ms,
            number,
            training: false,
            gross_minor: gross,
            net_minor: net,
        });
        let made = made.map(|seal| {
            let before = previous.replace(seal.signature.clone());
            Ahead {
                number,
                at_ms: b.at_ms,
                gross,
                net,
                previous: before,
                seal,
            }
        });
        let stop = made.is_err();
        if tx.send(made).is_err() || stop {
            return;
        }
    }
}

/// Builds the journals of `sizes` (ascending) in one pass: sales through the journal API,
/// the journal copied out at each size.
fn build(sizes: &[u64]) -> BenchResult<f64> {
    let biggest = *sizes.last().ok_or("no sizes")?;
    let work = std::env::var_os("KASSA_BUILD_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/dev/shm"));
    let work = tempfile::tempdir_in(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let path = work.path().join("verify.db");
    let key = ReceiptKey::generate(&mut rand_core::OsRng, 1).map_err(|e| e.to_string())?;
    let public = key.public_pem().map_err(|e| e.to_string())?;
    let (tx, rx) = sync_channel(8_192);
    let signer = std::thread::spawn(move || sign_ahead(key, biggest, tx));
    let sealer: Arc<dyn Sealer> = Arc::new(SignedAhead(Mutex::new(rx)));
    let open = |sealer: &Arc<dyn Sealer>| -> BenchResult<Journal> {
        let mut j = Journal::open(&path).map_err(|e| e.to_string())?;
        j.set_sealer(sealer.clone());
        Ok(j)
    };
    let mut j = open(&sealer)?;
    j.record_signing_key(1, &public, BASE_MS)
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let nok = |m| Money::new(m, Currency::Nok);
    let mut done = 0u64;
    for &size in sizes {
        for i in done..size {
            let b = basket(i);
            let lines: Vec<NewLine> = b
                .lines()
                .iter()
                .map(|(text, quantity, unit, vat_bp, saft_code)| NewLine {
                    text,
                    quantity: *quantity,
                    unit_gross: nok(*unit),
                    vat_bp: *vat_bp,
                    saft_code: *saft_code,
                })
                .collect();
            let total = b.gross();
            let id = format!("s{i}");
            j.insert_paid_sale(
                &NewSale {
                    id: &id,
                    amount: nok(total),
                    reference: None,
                    at_ms: b.at_ms,
                    backend: Backend::Live,
                },
                &lines,
                &Paid::Cash {
                    given: nok(total + 1_000),
                },
                "cash",
            )
            .map_err(|e| format!("sale {id}: {e}"))?;
            if (i + 1) % 100_000 == 0 {
                eprintln!(
                    "  {} sales in {:.0} s",
                    i + 1,
                    started.elapsed().as_secs_f64()
                );
            }
        }
        done = size;
        // Closed (checkpointed into the one file), copied out, opened again to go on.
        drop(j);
        let out = db_path(size, biggest);
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        remove(&out);
        Connection::open(&path)
            .and_then(|c| c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);"))
            .map_err(|e| e.to_string())?;
        std::fs::copy(&path, &out).map_err(|e| format!("{}: {e}", out.display()))?;
        eprintln!(
            "  built {} ({size} receipts) at {:.0} s",
            out.display(),
            started.elapsed().as_secs_f64()
        );
        j = open(&sealer)?;
    }
    drop(j);
    signer.join().map_err(|_| "the signing thread panicked")?;
    Ok(started.elapsed().as_secs_f64())
}

fn main() -> BenchResult<()> {
    let biggest = env_u64("RECEIPTS", 1_000_000);
    let runs = env_u64("RUNS", 3) as usize;
    let mut sizes: Vec<u64> = [biggest / 100, biggest / 10, biggest]
        .into_iter()
        .filter(|&n| n > 0)
        .collect();
    sizes.dedup();
    let mut built_s = None;
    if sizes
        .iter()
        .any(|&n| sealed(&db_path(n, biggest)) != n as i64)
    {
        eprintln!("building the journals ({sizes:?} signed receipts)");
        let s = build(&sizes)?;
        eprintln!("built in {s:.0} s");
        built_s = Some(s);
    }
    let mut per_size = Vec::new();
    for &n in &sizes {
        let path = db_path(n, biggest);
        let bytes = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        let mut secs = Vec::new();
        for run in 1..=runs {
            let j = Journal::open(&path).map_err(|e| e.to_string())?;
            let started = Instant::now();
            let checks = verify(&j).map_err(|e| e.to_string())?;
            let s = started.elapsed().as_secs_f64();
            let live = checks
                .iter()
                .find(|c| c.series == Backend::Live)
                .ok_or("verify reported no live series")?;
            if live.verified as u64 != n || live.broken.is_some() || !checks.iter().all(|c| c.ok())
            {
                return Err(format!(
                    "verify over {n} receipts: {} verified, {:?}",
                    live.verified, live.broken
                ));
            }
            println!(
                "{n} receipts, run {run}: verify {s:.2} s ({:.1} µs per receipt), {} verified",
                s * 1e6 / n as f64,
                live.verified
            );
            secs.push(s);
        }
        let spread = Spread::of(&secs);
        println!(
            "{n} receipts: verify median {:.2} s ({:.2}–{:.2} s over {runs} runs), {:.1} µs per receipt; journal {bytes} bytes",
            spread.median,
            spread.min,
            spread.max,
            spread.median * 1e6 / n as f64
        );
        per_size.push(json!({
            "receipts": n,
            "verified": n,
            "journal_bytes": bytes,
            "verify_s": secs,
            "verify_s_spread": spread,
            "us_per_receipt_median": spread.median * 1e6 / n as f64,
        }));
    }
    write_result(
        "verify-1m",
        &json!({
            "figure": "kassa_boot::keys::verify (what `kassa verify` runs) over a journal of signed receipts (seconds)",
            "machine": machine(),
            "load_average": std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim(),
            "runs": runs,
            "sizes": per_size,
            "built_in_s": built_s,
        }),
    )
}
