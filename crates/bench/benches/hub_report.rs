//! The shop's day at the hub (issue 14 point 6): `Hub::shop_report` X and Z over `TILLS`
//! (10) tills × `SALES` (100,000) sales, all on ONE day (the worst case). Target: X under
//! 200 ms.
//!
//! The hub's report tables are filled in bulk, not through journals (the report reads no
//! records): a private cluster (`kassa_testkit::pg::Cluster::start`: `fsync=off`, a test
//! server), one database whose schema `Hub::connect` makes, `TILLS` tills registered with
//! `Hub::register`, then a few `INSERT … SELECT … generate_series` statements:
//! - `hub_receipts`: per till `SALES` sales numbered 1, 2, … every 12 h / `SALES` from 06:00
//!   UTC, tendered bank, cash and card in turn, coffee at 25 % (1 to 3 × 34.90) and every
//!   second one a newspaper at 0 % (24.50); and a return of one coffee for every 40th sale,
//!   numbered after the sales, a minute after its sale;
//! - `hub_receipt_vat`: each receipt's VAT rows (25 %: VAT a fifth of the gross, exactly;
//!   0 %), a return's negative;
//! - `hub_hour_totals`: added up from those two tables by the same grouping the hub's
//!   shipping keeps them with (`crates/hub/src/apply.rs`), so X and Z must agree;
//! - `hub_z_reports`: one Z per till closed at 23:00 covering all its receipts, and its
//!   `hub_z_totals` added up from its receipts as the hub's shipping does when a Z arrives;
//! - `hub_bank_refunds`: each return paid by bank, open (the report lists them).
//!
//! then `VACUUM ANALYZE` (a hub that has been running has its statistics). Each figure is
//! checked: the shop's X counts every sale and return, and the Z (the tills' Zs of the day)
//! gives exactly the X's sales, returns, tenders and VAT.
//!
//! Timed: `ITER` (200) X reports, then `Z_ITER` (200) Z reports, on one connection, after 3
//! untimed each. Target: both under 200 ms.

use std::time::Instant;

use kassa_bench::{BenchResult, Stats, env_u64, machine, ms, write_result};
use kassa_hub::{Day, Figures, Hub, HubConfig, Mode, ShopReport, TillIdentity};
use kassa_testkit::pg::Cluster;
use serde_json::json;

/// 2026-12-04 00:00 UTC: the day of every sale.
const DAY_START: i64 = 1_796_342_400_000;
const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;
const SHOP: &str = "DK12345674";

fn the_day() -> Day {
    Day {
        date: "2026-12-04".into(),
        from_ms: DAY_START,
        to_ms: DAY_START + DAY_MS,
    }
}

/// The statements that fill the report tables for `sales` sales per registered till.
fn fill(sales: u64) -> Vec<(&'static str, String)> {
    let start = DAY_START + 6 * HOUR_MS;
    let step = (12 * HOUR_MS / sales.max(1) as i64).max(1);
    let returns = sales / 40;
    // A sale n's receipt: number n; its coffee line 34.90 × (1 + (n / 3) % 3), a newspaper
    // (24.50) when n is even.
    let coffee = "3490 * (1 + (n / 3) % 3)";
    vec![
        (
            "hub_receipts: sales",
            format!(
                "INSERT INTO hub_receipts (till_id, training, number, kind, sale_id, created_at,
                                           total_minor, currency, tender, return_of, employee)
                 SELECT t.till_id, 0, n, 'sale', t.till_id || '-' || n, {start} + (n - 1) * {step},
                        {coffee} + CASE WHEN n % 2 = 0 THEN 2450 ELSE 0 END, 'DKK',
                        (ARRAY['bank', 'cash', 'card'])[1 + n % 3], NULL, NULL
                 FROM tills t CROSS JOIN generate_series(1::bigint, {sales}) AS n"
            ),
        ),
        (
            "hub_receipts: returns",
            format!(
                "INSERT INTO hub_receipts (till_id, training, number, kind, sale_id, created_at,
                                           total_minor, currency, tender, return_of, employee)
                 SELECT t.till_id, 0, {sales} + k, 'return', t.till_id || '-' || (40 * k),
                        {start} + (40 * k - 1) * {step} + 60000, -3490, 'DKK',
                        (ARRAY['bank', 'cash', 'card'])[1 + (40 * k) % 3], 40 * k, NULL
                 FROM tills t CROSS JOIN generate_series(1::bigint, {returns}) AS k"
            ),
        ),
        (
            "hub_receipt_vat",
            "INSERT INTO hub_receipt_vat (till_id, training, number, position, vat_bp,
                                              saft_code, net_minor, vat_minor, gross_minor)
                 SELECT till_id, training, number, 1, 2500, 3, g - g / 5, g / 5, g
                 FROM (SELECT till_id, training, number,
                              CASE WHEN kind = 'sale'
                                   THEN 3490 * (1 + (number / 3) % 3) ELSE -3490 END AS g
                       FROM hub_receipts) AS x
                 UNION ALL
                 SELECT till_id, training, number, 2, 0, 5, 2450, 0, 2450
                 FROM hub_receipts WHERE kind = 'sale' AND number % 2 = 0"
                .to_owned(),
        ),
        (
            "hub_hour_totals: receipts",
            "INSERT INTO hub_hour_totals (till_id, training, hour, kind, tender, vat_bp,
                                          saft_code, currency, count, amount_minor)
             SELECT r.till_id, r.training, r.created_at / 3600000, k.kind, k.tender, -1, -1,
                    r.currency, count(*), sum(abs(r.total_minor))
             FROM hub_receipts r,
                  LATERAL (VALUES (r.kind, ''), ('tender_' || r.kind, r.tender)) AS k (kind, tender)
             GROUP BY 1, 2, 3, 4, 5, 8"
                .to_owned(),
        ),
        (
            "hub_hour_totals: VAT",
            "INSERT INTO hub_hour_totals (till_id, training, hour, kind, tender, vat_bp,
                                          saft_code, currency, count, amount_minor, net_minor,
                                          vat_minor)
             SELECT v.till_id, rc.training, rc.created_at / 3600000, 'vat', '',
                    COALESCE(v.vat_bp, -1), COALESCE(v.saft_code, -1), rc.currency, count(*),
                    sum(v.gross_minor), sum(v.net_minor), sum(v.vat_minor)
             FROM hub_receipt_vat v
             JOIN hub_receipts rc ON rc.till_id = v.till_id AND rc.training = v.training
                                 AND rc.number = v.number
             GROUP BY v.till_id, 2, 3, 6, 7, 8"
                .to_owned(),
        ),
        (
            "hub_z_reports",
            format!(
                "INSERT INTO hub_z_reports (till_id, training, number, closed_at, first_receipt,
                                            last_receipt, currency, grand_sales_minor,
                                            grand_returns_minor, employee)
                 SELECT till_id, 0, 1, {}, min(number), max(number), 'DKK',
                        sum(total_minor) FILTER (WHERE kind = 'sale'),
                        COALESCE(sum(-total_minor) FILTER (WHERE kind = 'return'), 0), NULL
                 FROM hub_receipts GROUP BY till_id",
                DAY_START + 23 * HOUR_MS
            ),
        ),
        (
            "hub_z_totals",
            "INSERT INTO hub_z_totals (till_id, training, number, kind, tender, vat_bp, saft_code,
                                       currency, count, amount_minor)
             SELECT r.till_id, z.training, z.number, k.kind, k.tender, -1, -1, r.currency,
                    count(*), sum(abs(r.total_minor))
             FROM hub_z_reports z
             JOIN hub_receipts r ON r.till_id = z.till_id AND r.training = z.training
                                AND r.number BETWEEN z.first_receipt AND z.last_receipt,
                  LATERAL (VALUES (r.kind, ''), ('tender_' || r.kind, r.tender)) AS k (kind, tender)
             GROUP BY 1, 2, 3, 4, 5, 8;
             INSERT INTO hub_z_totals (till_id, training, number, kind, tender, vat_bp, saft_code,
                                       currency, count, amount_minor, net_minor, vat_minor)
             SELECT v.till_id, z.training, z.number, 'vat', '', COALESCE(v.vat_bp, -1),
                    COALESCE(v.saft_code, -1), r.currency, count(*), sum(v.gross_minor),
                    sum(v.net_minor), sum(v.vat_minor)
             FROM hub_z_reports z
             JOIN hub_receipt_vat v ON v.till_id = z.till_id AND v.training = z.training
                                   AND v.number BETWEEN z.first_receipt AND z.last_receipt
             JOIN hub_receipts r ON r.till_id = v.till_id AND r.training = v.training
                                AND r.number = v.number
             GROUP BY 1, 2, 3, 6, 7, 8"
                .to_owned(),
        ),
        (
            "hub_bank_refunds",
            "INSERT INTO hub_bank_refunds (till_id, id, kind, training, sale_id, return_number,
                                           payment_id, amount_minor, currency, state, created_at,
                                           sent_at, note)
             SELECT till_id, number, 'return', 0, sale_id, number, 'pay-' || sale_id,
                    -total_minor, 'DKK', 'open', created_at, NULL, NULL
             FROM hub_receipts WHERE kind = 'return' AND tender = 'bank'"
                .to_owned(),
        ),
        (
            "VACUUM ANALYZE",
            "VACUUM ANALYZE hub_receipts, hub_receipt_vat, hub_hour_totals, hub_z_reports,
                            hub_z_totals, hub_bank_refunds, tills"
                .to_owned(),
        ),
    ]
}

/// What X and Z must agree on: sales, returns, tenders and VAT.
fn same_figures(x: &Figures, z: &Figures) -> bool {
    x.sales == z.sales && x.returns == z.returns && x.tenders == z.tenders && x.vat == z.vat
}

fn check(x: &ShopReport, z: &ShopReport, tills: u64, sales: u64) -> BenchResult<()> {
    let count = |list: &[kassa_hub::Counted]| list.first().map_or(0, |c| c.count);
    if x.tills.len() != tills as usize
        || count(&x.shop.sales) != (tills * sales) as i64
        || count(&x.shop.returns) != (tills * (sales / 40)) as i64
    {
        return Err(format!(
            "the X has {} tills, {} sales, {} returns",
            x.tills.len(),
            count(&x.shop.sales),
            count(&x.shop.returns)
        ));
    }
    if !same_figures(&x.shop, &z.shop)
        || x.tills
            .iter()
            .zip(&z.tills)
            .any(|(a, b)| a.till_id != b.till_id || !same_figures(&a.figures, &b.figures))
    {
        return Err(format!(
            "the Z's figures differ from the X's:\nX {:?}\nZ {:?}",
            x.shop, z.shop
        ));
    }
    let gross: i64 = x.shop.vat.iter().map(|v| v.gross_minor).sum();
    let sold = x.shop.sales.first().map_or(0, |c| c.amount_minor);
    let returned = x.shop.returns.first().map_or(0, |c| c.amount_minor);
    if gross != sold - returned || z.tills.iter().any(|t| t.z_of_the_day.len() != 1) {
        return Err(format!(
            "VAT gross {gross} against sales {sold} less returns {returned}, or a till without its Z"
        ));
    }
    Ok(())
}

async fn time(hub: &Hub, mode: Mode, iter: usize) -> BenchResult<(Vec<f64>, ShopReport)> {
    let mut samples = Vec::with_capacity(iter);
    let mut last = None;
    for _ in 0..iter {
        let t = Instant::now();
        let r = hub
            .shop_report(mode, &the_day(), false)
            .await
            .map_err(|e| e.to_string())?;
        samples.push(ms(t.elapsed()));
        last = Some(r);
    }
    Ok((samples, last.ok_or("no report")?))
}

fn main() -> BenchResult<()> {
    let tills = env_u64("TILLS", 10);
    let sales = env_u64("SALES", 100_000);
    let iter = env_u64("ITER", 200) as usize;
    let z_iter = env_u64("Z_ITER", 200) as usize;

    let cluster = Cluster::start()?;
    let url = cluster.create_database("hub_report")?;
    let cfg = HubConfig::parse(&url, None).map_err(|e| e.to_string())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut hub = rt.block_on(Hub::connect(&cfg)).map_err(|e| e.to_string())?;
    for i in 1..=tills {
        rt.block_on(hub.register(&TillIdentity {
            till_id: format!("till-{i:02}"),
            merchant_id: SHOP.into(),
            name: Some(format!("Till {i:02}")),
        }))
        .map_err(|e| e.to_string())?;
    }

    eprintln!("filling the hub's report tables: {tills} tills × {sales} sales on one day");
    let started = Instant::now();
    let mut steps = Vec::new();
    for (what, sql) in fill(sales) {
        let t = Instant::now();
        cluster
            .psql(&url, &sql)
            .map_err(|e| format!("{what}: {e}"))?;
        let s = t.elapsed().as_secs_f64();
        eprintln!("  {what}: {s:.1} s");
        steps.push(json!({ "step": what, "s": s }));
    }
    let fill_s = started.elapsed().as_secs_f64();
    let sizes = cluster.psql(
        &url,
        "SELECT (SELECT count(*) FROM hub_receipts) || '|' || (SELECT count(*) FROM hub_receipt_vat)
                || '|' || (SELECT count(*) FROM hub_hour_totals)
                || '|' || pg_database_size(current_database())",
    )?;
    let n: Vec<i64> = sizes.split('|').filter_map(|v| v.parse().ok()).collect();
    let [receipts, vat_rows, hour_rows, bytes] = n[..] else {
        return Err(format!("psql said {sizes:?}"));
    };
    println!(
        "filled in {fill_s:.1} s: {receipts} receipts, {vat_rows} VAT rows, {hour_rows} hourly totals, {:.0} MiB",
        bytes as f64 / (1u64 << 20) as f64
    );

    let (x_stats, z_stats, x_report, z_report) = rt.block_on(async {
        time(&hub, Mode::X, 3).await?;
        time(&hub, Mode::Z, 3).await?;
        let (xs, x) = time(&hub, Mode::X, iter).await?;
        let (zs, z) = time(&hub, Mode::Z, z_iter).await?;
        Ok::<_, String>((Stats::of(&xs), Stats::of(&zs), x, z))
    })?;
    check(&x_report, &z_report, tills, sales)?;
    println!(
        "X over {} sales on one day: {}  ({})",
        tills * sales,
        x_stats.line(),
        if x_stats.p99 < 200.0 {
            "target < 200 ms: met"
        } else {
            "target < 200 ms: NOT met"
        }
    );
    println!(
        "Z over {} sales on one day: {}  ({})",
        tills * sales,
        z_stats.line(),
        if z_stats.p99 < 200.0 {
            "target < 200 ms: met"
        } else {
            "target < 200 ms: NOT met"
        }
    );

    drop(hub);
    drop(rt);
    drop(cluster);
    write_result(
        "hub-report",
        &json!({
            "machine": machine(),
            "tills": tills,
            "sales_per_till": sales,
            "receipts": receipts,
            "vat_rows": vat_rows,
            "hour_total_rows": hour_rows,
            "database_bytes": bytes,
            "fill_s": fill_s,
            "fill_steps": steps,
            "x_ms": x_stats,
            "z_ms": z_stats,
            "x_target_ms": 200,
            "x_met": x_stats.p99 < 200.0,
            "z_met": z_stats.p99 < 200.0,
        }),
    )
}
