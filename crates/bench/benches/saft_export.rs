//! The SAF-T Cash Register export of a month of 30,000 receipts (issue 12: under 10 s).
//!
//! The journal is made once (`<target>/bench-data/journal-saft-30k.db`, or
//! `$KASSA_BENCH_DB`) through the journal's own API with the real receipt sealer (a
//! 1024-bit key made for the bench): 30,000 receipts over March 2026 (1,000 a day), paid
//! by bank, cash and card in turn, one to three lines at 25 % and 15 %, every 50th a
//! return of its sale, every 20th printed twice (a copy), every 25th on the training
//! series, a Z report each evening of both series, and the journal events these write.
//!
//! Each run opens the journal read-only and times the whole export of 2026-03-01 to
//! 2026-03-31 as `kassa export --format saf-t` makes it: the reads, the check and the XML,
//! written to a file (`kassa_boot::saft_export::export_to_file`); `RUNS` (3). The first
//! run's file is checked with `xmllint --schema` (outside the timing) when xmllint is on
//! PATH. `RECEIPTS` changes the size.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use kassa_bench::{BenchResult, Spread, env_u64, machine, ms, out_dir, write_result};
use kassa_boot::keys::ReceiptSealer;
use kassa_boot::saft_export::{self, ExportOf, Period};
use kassa_boot::shop::FixedZone;
use kassa_journal::{Backend, Journal, NewLine, NewReturn, NewSale, Paid, RefundBy};
use kassa_money::{Currency, Money};
use kassa_saft::signature::ReceiptKey;
use kassa_shop::{Country, Day, ProfileDraft, VatTable};
use serde_json::json;

/// Norway's winter time: the bench's wall clock.
const CET: i16 = 60;
/// 2026-03-01 00:00 CET.
const MARCH_1: i64 = 1_772_319_600_000;
const DAY_MS: i64 = 86_400_000;

fn db_path() -> PathBuf {
    std::env::var_os("KASSA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| out_dir().join("../bench-data/journal-saft-30k.db"))
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn receipts_in(path: &Path) -> i64 {
    rusqlite::Connection::open(path)
        .and_then(|c| c.query_row("SELECT COUNT(*) FROM receipts", [], |r| r.get(0)))
        .unwrap_or(-1)
}

fn nok(minor: i64) -> Money {
    Money::new(minor, Currency::Nok)
}

/// The month, through the journal's API with the real sealer.
fn build(path: &Path, receipts: u64) -> BenchResult<()> {
    remove(path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    let e = |e: kassa_journal::JournalError| e.to_string();
    let started = Instant::now();
    let mut j = Journal::open(path).map_err(e)?;
    let key = ReceiptKey::generate(&mut rand_core::OsRng, 1).map_err(|e| e.to_string())?;
    j.record_signing_key(1, &key.public_pem().map_err(|e| e.to_string())?, MARCH_1)
        .map_err(e)?;
    j.set_sealer(Arc::new(ReceiptSealer::new(key, Arc::new(FixedZone(CET)))));
    j.set_employee(Some("1"));
    let till = j.till_id().map_err(e)?;
    let items: [(&str, i64, u32, u8); 3] = [
        ("Brød", 3_490, 1_500, 31),
        ("Kaffe", 4_500, 1_500, 31),
        ("Batterier", 9_900, 2_500, 3),
    ];
    let per_day = receipts.div_ceil(31).max(1);
    let mut written: u64 = 0;
    let mut i: u64 = 0;
    while written < receipts {
        let day = i64::try_from(i / per_day).unwrap_or(30).min(30);
        let at = MARCH_1
            + day * DAY_MS
            + 8 * 3_600_000
            + i64::try_from(i % per_day).unwrap_or(0) * 30_000;
        let n_lines = 1 + (i % 3) as usize;
        let lines: Vec<NewLine<'_>> = (0..n_lines)
            .map(|p| {
                let (text, unit, bp, code) = items[(i as usize + p) % 3];
                NewLine {
                    text,
                    quantity: 1 + (i % 2) as u32,
                    unit_gross: nok(unit),
                    vat_bp: bp,
                    saft_code: code,
                }
            })
            .collect();
        let total: i64 = lines
            .iter()
            .map(|l| l.unit_gross.minor * i64::from(l.quantity))
            .sum();
        let id = format!("s{i}");
        let backend = if i % 25 == 24 {
            Backend::Sandbox
        } else {
            Backend::Live
        };
        let sale = NewSale {
            id: &id,
            amount: nok(total),
            reference: None,
            at_ms: at,
            backend,
        };
        let receipt = match i % 3 {
            0 => {
                j.insert_sale_with_lines(&sale, &lines).map_err(e)?;
                let a = j.begin_attempt(&id, "KASSA", at).map_err(e)?;
                let pid = format!("p{i}");
                j.attempt_created(a.id, &pid, "https://bank.test/x", at, at + 60_000)
                    .map_err(e)?;
                j.record_status(a.id, "Executed", true, at + 5_000)
                    .map_err(e)?;
                j.end_sale_with_receipt(&id, &Paid::Bank { payment_id: pid }, at + 5_001, "paid")
                    .map_err(e)?
                    .ok_or("the bank sale had ended already")?
            }
            1 => j
                .insert_paid_sale(
                    &sale,
                    &lines,
                    &Paid::Cash {
                        given: nok(total + 500),
                    },
                    "paid",
                )
                .map_err(e)?,
            _ => j
                .insert_paid_sale(&sale, &lines, &Paid::Card { reference: None }, "paid")
                .map_err(e)?,
        };
        written += 1;
        if i % 20 == 19 {
            for _ in 0..2 {
                j.record_print(&till, backend, receipt.number, "pdf", at + 6_000)
                    .map_err(e)?;
            }
        }
        if i % 50 == 49 && written < receipts {
            j.record_return(&NewReturn {
                sale_id: &id,
                lines: &lines,
                reason: "bench return",
                at_ms: at + 10_000,
                refund: match receipt.tender {
                    kassa_journal::Tender::Cash => RefundBy::Cash,
                    kassa_journal::Tender::Card => RefundBy::Card,
                    kassa_journal::Tender::Bank => RefundBy::BankTransfer {
                        payment_id: format!("p{i}"),
                        payer: None,
                    },
                },
            })
            .map_err(e)?;
            written += 1;
        }
        i += 1;
        // The evening's Z of both series, once the day's receipts are in.
        if i % per_day == 0 || written >= receipts {
            let close = MARCH_1 + day * DAY_MS + 22 * 3_600_000;
            j.close_z(Backend::Live, close).map_err(e)?;
            j.close_z(Backend::Sandbox, close + 1_000).map_err(e)?;
        }
    }
    println!(
        "built {} with {written} receipts in {:.1} s",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> BenchResult<()> {
    let receipts = env_u64("RECEIPTS", 30_000);
    let runs = env_u64("RUNS", 3).max(1);
    let path = db_path();
    if u64::try_from(receipts_in(&path)).ok() != Some(receipts) {
        build(&path, receipts)?;
    }
    let merchant = kassa_shop::validate_profile(&ProfileDraft {
        legal_name: "Bakeriet Storgata AS".into(),
        org_number: "923609016".into(),
        vat_registered: true,
        address_lines: vec!["Storgata 12".into()],
        postcode: "9008".into(),
        city: "Tromsø".into(),
        country: "NO".into(),
        till_name: "Kasse 1".into(),
        receipt_footer: String::new(),
    })
    .map_err(|e| format!("{e:?}"))?;
    let vat = VatTable::for_country(
        Country::No,
        Day::new(2026, 3, 1),
        &kassa_shop::VatNames::english(),
    )
    .map_err(|e| e.to_string())?;
    let of = ExportOf {
        merchant: &merchant,
        vat: &vat,
        currency: Currency::Nok,
        software_version: env!("CARGO_PKG_VERSION"),
    };
    let period = Period {
        from: Day::new(2026, 3, 1),
        to: Day::new(2026, 3, 31),
        from_ms: MARCH_1,
        to_ms: MARCH_1 + 31 * DAY_MS,
    };
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut times = Vec::new();
    let mut summary = None;
    for run in 0..runs {
        let out = dir.path().join(format!("saft-{run}.xml"));
        let started = Instant::now();
        let journal = Journal::open_read_only(&path).map_err(|e| e.to_string())?;
        let s = saft_export::export_to_file(
            &journal,
            &path,
            &out,
            &of,
            &period,
            MARCH_1 + 31 * DAY_MS,
            &FixedZone(CET),
        )
        .map_err(|e| e.to_string())?;
        let t = ms(started.elapsed());
        println!(
            "run {}: {:.0} ms, {} bytes: {}",
            run + 1,
            t,
            s.bytes,
            s.text()
        );
        times.push(t);
        summary.get_or_insert(s);
    }
    let summary = summary.ok_or("no run")?;
    let lint = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../saft/data/Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd"),
        )
        .arg(dir.path().join("saft-0.xml"))
        .output()
        .map(|o| {
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            )
            .trim()
            .to_owned()
        })
        .unwrap_or_else(|e| format!("xmllint not run: {e}"));
    println!("xmllint: {lint}");
    let spread = Spread::of(&times);
    println!(
        "SAF-T export of {} receipts: median {:.0} ms (min {:.0}, max {:.0}, {} runs); target < 10000 ms",
        summary.receipts, spread.median, spread.min, spread.max, spread.runs
    );
    write_result(
        "saft_export",
        &json!({
            "bench": "saft_export",
            "receipts": summary.receipts,
            "training_receipts": summary.training_receipts,
            "events": summary.events,
            "z_reports": summary.z_reports,
            "bytes": summary.bytes,
            "export_ms": spread,
            "target_ms": 10_000,
            "xmllint": lint,
            "machine": machine(),
        }),
    )
}
