//! A receipt rendered (issue 11 point 8: under 5 ms): for each receipt, the lead's path from
//! a checked [`Receipt`] to what the printer and the print dialog get: `to_doc` (with the
//! shop's logo, a 576 × 120-dot raster, as the app passes it), `Doc::to_text` at 48 columns
//! and `escpos::encode`. The receipt is a Norwegian sale of 12 lines at 25 % and 15 % (some
//! with a quantity), paid by bank, with a two-line footer; every fifth one is a cash sale
//! and every tenth a reprint (`COPY n`), so all the paths are taken.
//!
//! `RECEIPTS` (10,000) receipts per run, each timed on its own; `RUNS` (3). Building the
//! receipt (`Receipt::new`, the VAT breakdown) is timed apart, as `build`.

use std::hint::black_box;
use std::time::Instant;

use kassa_bench::{BenchResult, Spread, Stats, env_u64, machine, ms, write_result};
use kassa_money::{Currency, Money};
use kassa_print::{COLUMNS_80MM, MAX_DOTS_80MM, Raster, encode};
use kassa_shop::{
    Day, Line, LocalDateTime, ProfileDraft, Receipt, ReceiptDraft, ReceiptKind, SaftCode, Tender,
    VatClass, validate_profile,
};
use serde_json::json;

const STD: VatClass = VatClass {
    bp: 2500,
    code: SaftCode::REGULAR,
};
const FOOD: VatClass = VatClass {
    bp: 1500,
    code: SaftCode::MIDDLE,
};

fn draft(i: u64) -> BenchResult<ReceiptDraft> {
    let merchant = validate_profile(&ProfileDraft {
        legal_name: "Bakeriet Grünerløkka AS".into(),
        org_number: "923609016".into(),
        vat_registered: true,
        address_lines: vec!["Thorvald Meyers gate 10".into()],
        postcode: "0555".into(),
        city: "Oslo".into(),
        country: "NO".into(),
        till_name: "Kasse 1".into(),
        receipt_footer: "Takk for besøket!\nÅpent alle dager 7-18".into(),
    })
    .map_err(|e| format!("profile: {e:?}"))?;
    let nok = |minor| Money::new(minor, Currency::Nok);
    let items: [(&str, i64, u32, VatClass); 12] = [
        ("Grovbrød", 4490, 1, FOOD),
        ("Melk 1 l lett", 2450, 3, FOOD),
        ("Kaffe 500 g", 8990, 2, FOOD),
        ("Skolebolle", 2900, 4, FOOD),
        ("Smør 250 g", 3590, 1, FOOD),
        ("Epler, norske", 3290, 1, FOOD),
        ("Batterier AA 4-pk", 9900, 1, STD),
        ("Handlenett", 500, 1, STD),
        ("Stearinlys 10 stk", 7900, 1, STD),
        ("Servietter", 2990, 2, STD),
        ("Oppvaskmiddel", 3490, 1, STD),
        ("Gavekort-konvolutt", 1000, 1, STD),
    ];
    let lines: Vec<Line> = items
        .iter()
        .map(|(text, minor, quantity, vat)| Line {
            quantity: *quantity,
            ..Line::new(text, nok(*minor), *vat)
        })
        .collect();
    let total: i64 = lines
        .iter()
        .map(|l| l.unit_gross.minor * i64::from(l.quantity))
        .sum();
    let tender = if i % 5 == 4 {
        Tender::cash(nok(100_000), nok(total)).map_err(|e| e.to_string())?
    } else {
        Tender::PayByBank {
            payment_id: format!("7f3c9a2e-51d4-4b8e-9c61-{i:012}"),
            bank_reference: format!("KASSA-{}", 1000 + i),
        }
    };
    Ok(ReceiptDraft {
        kind: ReceiptKind::Sale,
        number: 1000 + i,
        till_name: "Kasse 1".into(),
        at: LocalDateTime::new(Day::new(2026, 3, 2), 14, 5, 9, 60).map_err(|e| e.to_string())?,
        merchant,
        lines,
        tender,
        copy_number: (i % 10 == 9).then_some(1),
        training: false,
    })
}

/// A logo as the app keeps it: 576 dots wide, 120 high, a checkerboard of 8-dot squares.
fn logo() -> BenchResult<Raster> {
    let bytes_per_row = (MAX_DOTS_80MM / 8) as usize;
    let height = 120;
    let bits = (0..height)
        .flat_map(|y| (0..bytes_per_row).map(move |x| if (x + y / 8) % 2 == 0 { 0xFF } else { 0 }))
        .collect();
    Raster::new(MAX_DOTS_80MM, height as u32, bits).map_err(|e| e.to_string())
}

fn main() -> BenchResult<()> {
    let receipts = env_u64("RECEIPTS", 10_000);
    let runs = env_u64("RUNS", 3);
    let logo = logo()?;
    let drafts = (0..receipts).map(draft).collect::<BenchResult<Vec<_>>>()?;
    let mut results = Vec::new();
    let mut pooled: Vec<f64> = Vec::new();
    let mut bytes_total = 0usize;
    for run in 1..=runs {
        let mut build = Vec::with_capacity(drafts.len());
        let mut render = Vec::with_capacity(drafts.len());
        for d in &drafts {
            let started = Instant::now();
            let receipt = Receipt::new(d.clone()).map_err(|e| e.to_string())?;
            build.push(ms(started.elapsed()));
            let started = Instant::now();
            let doc = receipt.to_doc(COLUMNS_80MM, Some(logo.clone()));
            let text = doc.to_text(COLUMNS_80MM);
            let bytes = encode(&doc);
            render.push(ms(started.elapsed()));
            bytes_total = black_box(bytes.len() + text.len());
        }
        let build = Stats::of(&build);
        let stats = Stats::of(&render);
        pooled.extend_from_slice(&render);
        println!("run {run}: render {}", stats.line());
        println!("run {run}: build  {}", build.line());
        results.push(json!({"render": stats, "build": build}));
    }
    let p50s: Vec<f64> = results
        .iter()
        .map(|r| r["render"]["p50"].as_f64().unwrap_or(f64::NAN))
        .collect();
    let p99s: Vec<f64> = results
        .iter()
        .map(|r| r["render"]["p99"].as_f64().unwrap_or(f64::NAN))
        .collect();
    let worst_p99 = p99s.iter().copied().fold(0.0, f64::max);
    println!(
        "receipt rendered (to_doc + to_text + encode), {receipts} receipts × {runs} runs: \
         p50 {:.3}–{:.3} ms, p99 {:.3}–{:.3} ms over runs (target < 5 ms); last receipt {bytes_total} bytes of text + ESC/POS",
        Spread::of(&p50s).min,
        Spread::of(&p50s).max,
        Spread::of(&p99s).min,
        worst_p99,
    );
    let all = Stats::of(&pooled);
    println!("pooled: render {}", all.line());
    write_result(
        "receipt-render",
        &json!({
            "figure": "a receipt rendered: to_doc + to_text + escpos::encode (ms per receipt)",
            "machine": machine(),
            "receipts_per_run": receipts,
            "runs": results,
            "pooled": all,
            "p50_spread": Spread::of(&p50s),
            "p99_spread": Spread::of(&p99s),
            "met": worst_p99 < 5.0,
        }),
    )
}
