//! Many tills shipping to one hub (issue 14 point 6): `TILLS` (10) journals of `SALES`
//! (10,000) sealed cash and card sales each, shipped at once to one PostgreSQL hub by
//! `TILLS` concurrent `kassa_hub::sync_once` (what `kassa hub sync` runs, and what a till
//! that was offline does on its way back); and one till's catch-up after an hour without
//! the hub.
//!
//! The journals are written first and not timed, through the journal API a till uses
//! (`Journal::insert_paid_sale`: the sale, its lines, receipt, VAT rows and seal in one
//! transaction, the schema's triggers writing the replication log; sealed by
//! `kassa_testkit::TestSealer`), on tmpfs (`/dev/shm`, or `$KASSA_BUILD_DIR`) so the
//! one `fsync` per sale costs nothing, on as many threads as there are cores. A sale every
//! 4 s of one day, one or two lines (25 % and 0 %), every third on card, the rest cash.
//!
//! The hub is a private cluster (`kassa_testkit::pg::Cluster::start`: `fsync=off`, a test
//! server) in `/tmp`; each run ships into a fresh database (the schema made first, by one
//! `Hub::connect`, not timed). The timed part is from the first `sync_once` started to the
//! last one done; then the bench checks that the hub holds every record of every till
//! (`acked` = the journal's head, `records` counted) and that the shop's X counts every sale.
//!
//! The catch-up, on the same hub (already holding the tills' records): a till with its
//! `Shipper` running sells a few sales (shipped), the server stops, the till sells
//! `OFFLINE_SALES` (1,200: an hour at one sale every `OFFLINE_GAP_MS`, 3,000 ms, by their
//! times; written as fast as the journal takes them) and the hub stays away `OFFLINE_HOLD_S`
//! (20 s) more, so the shipper's retries are as far apart as after a real hour
//! (`MAX_BACKOFF`); then the server starts again and the time to caught up is measured:
//! - with the shipper: from the server back to the shipper's status saying the hub has every
//!   record (includes the wait for its next retry, up to `MAX_BACKOFF`);
//! - with `sync_once` (a second hour offline, the shipper stopped): from the server back to
//!   `sync_once` returning with every record stored.
//!
//! `RUNS` (3). The cluster is stopped and removed when the bench ends, however it ends.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use kassa_bench::{BenchResult, Spread, Stats, env_u64, machine, ms, write_result};
use kassa_hub::{
    Day, Hub, HubConfig, MAX_BACKOFF, Mode, Problem, Shipper, ShipperSettings, TillIdentity,
    sync_once,
};
use kassa_journal::{Backend, Journal, NewLine, NewSale, Paid};
use kassa_money::{Currency, Money};
use kassa_testkit::pg::Cluster;
use serde_json::json;

/// 2026-12-04 00:00 UTC: the day the sales are made on.
const DAY_START: i64 = 1_796_342_400_000;
const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;
const SHOP: &str = "DK12345674";

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

fn the_day() -> Day {
    Day {
        date: "2026-12-04".into(),
        from_ms: DAY_START,
        to_ms: DAY_START + DAY_MS,
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// A till's journal on disk, written through the journal API.
struct Till {
    path: PathBuf,
    journal: Journal,
    identity: TillIdentity,
    sold: u64,
}

impl Till {
    fn open(dir: &Path, name: &str) -> BenchResult<Till> {
        let path = dir.join(format!("{}.db", name.replace(' ', "-")));
        let e = |e: kassa_journal::JournalError| format!("{}: {e}", path.display());
        let mut journal = Journal::open(&path).map_err(e)?;
        journal.set_sealer(Arc::new(kassa_testkit::TestSealer));
        if journal.signing_keys().map_err(e)?.is_empty() {
            journal
                .record_signing_key(1, kassa_testkit::TEST_PUBLIC_PEM, 0)
                .map_err(e)?;
        }
        let till_id = journal.till_id().map_err(e)?;
        Ok(Till {
            identity: TillIdentity {
                till_id,
                merchant_id: SHOP.into(),
                name: Some(name.into()),
            },
            path,
            journal,
            sold: 0,
        })
    }

    /// One sale at `at_ms`: coffee at 25 % (1 to 3), every second sale a newspaper at 0 %;
    /// every third on card, the rest cash.
    fn sell(&mut self, at_ms: i64) -> BenchResult<()> {
        let n = self.sold;
        self.sold += 1;
        let mut lines = vec![NewLine {
            text: "Kaffe",
            quantity: 1 + (n % 3) as u32,
            unit_gross: dkk(3490 + (n % 5) as i64 * 100),
            vat_bp: 2500,
            saft_code: 3,
        }];
        if n % 2 == 0 {
            lines.push(NewLine {
                text: "Avis",
                quantity: 1,
                unit_gross: dkk(2450),
                vat_bp: 0,
                saft_code: 5,
            });
        }
        let total: i64 = lines
            .iter()
            .map(|l| l.unit_gross.minor * i64::from(l.quantity))
            .sum();
        let paid = if n % 3 == 0 {
            Paid::Card { reference: None }
        } else {
            Paid::Cash {
                given: dkk(total + 500),
            }
        };
        let id = format!("{}-{n}", self.identity.till_id);
        self.journal
            .insert_paid_sale(
                &NewSale {
                    id: &id,
                    amount: dkk(total),
                    reference: None,
                    at_ms,
                    backend: Backend::Live,
                },
                &lines,
                &paid,
                "bench sale",
            )
            .map(drop)
            .map_err(|e| format!("sale {id}: {e}"))
    }

    fn head(&self) -> BenchResult<i64> {
        self.journal
            .replication_head()
            .map_err(|e| format!("{}: {e}", self.path.display()))
    }
}

/// A built till: where its journal is, who it is, its replication head.
#[derive(Clone)]
struct Built {
    path: PathBuf,
    identity: TillIdentity,
    head: i64,
}

/// Writes `tills` journals of `sales` sales each in `dir`, on as many threads as cores.
fn build(dir: &Path, tills: u64, sales: u64) -> BenchResult<Vec<Built>> {
    let step = (16 * HOUR_MS / sales.max(1) as i64).clamp(1, 4000);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(tills.max(1) as usize) as u64;
    let mut handles = Vec::new();
    for t in 0..threads {
        let dir = dir.to_owned();
        handles.push(std::thread::spawn(
            move || -> BenchResult<Vec<(u64, Built)>> {
                let mut out = Vec::new();
                for i in (t..tills).step_by(threads as usize) {
                    let mut till = Till::open(&dir, &format!("Till {:02}", i + 1))?;
                    for n in 0..sales {
                        till.sell(DAY_START + 6 * HOUR_MS + n as i64 * step)?;
                    }
                    let head = till.head()?;
                    out.push((
                        i,
                        Built {
                            path: till.path.clone(),
                            identity: till.identity.clone(),
                            head,
                        },
                    ));
                }
                Ok(out)
            },
        ));
    }
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.join().map_err(|_| "a journal writer panicked")??);
    }
    all.sort_by_key(|(i, _)| *i);
    Ok(all.into_iter().map(|(_, b)| b).collect())
}

/// The database name at the end of a URL (`…/name`).
fn database_of(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

/// One run's shipping figures.
struct Shipping {
    wall_ms: f64,
    stored: i64,
    per_till_ms: Vec<f64>,
    hub_records: i64,
    hub_bytes: i64,
}

async fn ship_all(cfg: &HubConfig, tills: &[Built]) -> BenchResult<(f64, Vec<(i64, i64, f64)>)> {
    let started = Instant::now();
    let tasks: Vec<_> = tills
        .iter()
        .map(|t| {
            let cfg = cfg.clone();
            let t = t.clone();
            tokio::spawn(async move {
                let s = Instant::now();
                let shipped = sync_once(&t.path, &cfg, &t.identity).await;
                shipped.map(|sh| (sh.stored as i64, sh.acked, ms(s.elapsed())))
            })
        })
        .collect();
    let mut out = Vec::with_capacity(tasks.len());
    for (task, t) in tasks.into_iter().zip(tills) {
        let got = task
            .await
            .map_err(|e| format!("{}: {e}", t.identity.till_id))?
            .map_err(|e| format!("{}: {e}", t.identity.till_id))?;
        out.push(got);
    }
    Ok((ms(started.elapsed()), out))
}

/// Waits for the shipper's first status that `pick` takes; when it came.
async fn status_until(
    shipper: &Shipper,
    within: Duration,
    pick: impl Fn(&kassa_hub::HubStatus) -> bool,
) -> BenchResult<(kassa_hub::HubStatus, Instant)> {
    let mut watch = shipper.watch();
    tokio::time::timeout(within, async {
        loop {
            let st = watch.borrow_and_update().clone();
            if pick(&st) {
                return Ok((st, Instant::now()));
            }
            if watch.changed().await.is_err() {
                return Err("the shipper stopped".to_owned());
            }
        }
    })
    .await
    .map_err(|_| format!("no such shipper status within {within:?}"))?
}

/// One run's catch-up figures.
struct CatchUp {
    records: i64,
    shipper_first_ok_ms: f64,
    shipper_caught_up_ms: f64,
    sync_once_ms: f64,
    sync_once_records: i64,
}

#[allow(clippy::too_many_arguments)]
fn catch_up(
    rt: &tokio::runtime::Runtime,
    cluster: &Cluster,
    cfg: &HubConfig,
    dir: &Path,
    run: usize,
    offline: u64,
    gap_ms: i64,
    hold: Duration,
) -> BenchResult<CatchUp> {
    let mut till = Till::open(dir, &format!("Catch-up {run}"))?;
    let mut at = DAY_START + 19 * HOUR_MS;
    for _ in 0..10 {
        till.sell(at)?;
        at += gap_ms;
    }
    let settings = ShipperSettings {
        journal: till.path.clone(),
        hub: cfg.clone(),
        till: till.identity.clone(),
        now_ms: Arc::new(now_ms),
        idle: Duration::from_millis(200),
    };
    let shipper = {
        let _inside = rt.enter();
        Shipper::start(settings)
    };
    let head = till.head()?;
    rt.block_on(status_until(&shipper, Duration::from_secs(60), |s| {
        s.problem.is_none() && s.acked == head
    }))?;

    // An hour without the hub.
    cluster.stop()?;
    for _ in 0..offline {
        till.sell(at)?;
        at += gap_ms;
    }
    shipper.poke();
    let before = head;
    let head = till.head()?;
    rt.block_on(status_until(&shipper, Duration::from_secs(60), |s| {
        matches!(s.problem, Some(Problem::Unreachable { .. }))
    }))?;
    std::thread::sleep(hold);
    cluster.start_again()?;
    let back = Instant::now();
    let (_, first_ok) = rt.block_on(status_until(&shipper, Duration::from_secs(120), |s| {
        s.problem.is_none() && s.acked > before
    }))?;
    let (_, caught) = rt.block_on(status_until(&shipper, Duration::from_secs(120), |s| {
        s.problem.is_none() && s.acked == head
    }))?;
    rt.block_on(shipper.stop());
    let first_hour = head - before;

    // Another hour, the shipper stopped: `sync_once` when the hub is back.
    cluster.stop()?;
    for _ in 0..offline {
        till.sell(at)?;
        at += gap_ms;
    }
    let before_sync = head;
    let head = till.head()?;
    cluster.start_again()?;
    let back_sync = Instant::now();
    let shipped = rt
        .block_on(sync_once(&till.path, cfg, &till.identity))
        .map_err(|e| format!("sync_once after the outage: {e}"))?;
    let sync_ms = ms(back_sync.elapsed());
    if shipped.acked != head || shipped.stored as i64 != head - before_sync {
        return Err(format!(
            "the catch-up stored {} records up to {}, the journal has {} new up to {head}",
            shipped.stored,
            shipped.acked,
            head - before_sync
        ));
    }
    Ok(CatchUp {
        records: first_hour,
        shipper_first_ok_ms: ms(first_ok.duration_since(back)),
        shipper_caught_up_ms: ms(caught.duration_since(back)),
        sync_once_ms: sync_ms,
        sync_once_records: shipped.stored as i64,
    })
}

fn main() -> BenchResult<()> {
    let tills = env_u64("TILLS", 10);
    let sales = env_u64("SALES", 10_000);
    let runs = env_u64("RUNS", 3) as usize;
    let offline = env_u64("OFFLINE_SALES", 1_200);
    let gap_ms = env_u64("OFFLINE_GAP_MS", 3_000) as i64;
    let hold = Duration::from_secs(env_u64("OFFLINE_HOLD_S", 20));

    let work = std::env::var_os("KASSA_BUILD_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/dev/shm"));
    let work = tempfile::tempdir_in(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    eprintln!(
        "writing {tills} journals of {sales} sales in {}",
        work.path().display()
    );
    let t = Instant::now();
    let built = build(work.path(), tills, sales)?;
    let build_s = t.elapsed().as_secs_f64();
    let records: i64 = built.iter().map(|b| b.head).sum();
    let journal_bytes: u64 = built
        .iter()
        .filter_map(|b| std::fs::metadata(&b.path).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{tills} journals × {sales} sales written in {build_s:.1} s: {records} records ({:.1} per sale), {:.1} MiB",
        records as f64 / (tills * sales).max(1) as f64,
        journal_bytes as f64 / (1u64 << 20) as f64
    );

    let cluster = Cluster::start()?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut shipping = Vec::new();
    let mut catching = Vec::new();
    for run in 0..runs {
        let url = cluster.create_database(&format!("hub_replication_{run}"))?;
        let cfg = HubConfig::parse(&url, None).map_err(|e| e.to_string())?;
        rt.block_on(Hub::connect(&cfg))
            .map(drop)
            .map_err(|e| e.to_string())?;
        let (wall_ms, per_till) = rt.block_on(ship_all(&cfg, &built))?;
        let mut stored = 0;
        for ((s, acked, _), b) in per_till.iter().zip(&built) {
            if *acked != b.head || *s != b.head {
                return Err(format!(
                    "{}: the hub stored {s} records up to {acked}, the journal has {}",
                    b.identity.till_id, b.head
                ));
            }
            stored += s;
        }
        let counted = cluster.psql(
            &url,
            "SELECT count(*) || '|' || pg_database_size(current_database()) FROM records",
        )?;
        let (n, bytes) = counted
            .split_once('|')
            .ok_or_else(|| format!("psql said {counted:?}"))?;
        let hub_records: i64 = n.parse().map_err(|_| format!("psql said {counted:?}"))?;
        let hub_bytes: i64 = bytes
            .parse()
            .map_err(|_| format!("psql said {counted:?}"))?;
        if hub_records != records {
            return Err(format!(
                "the hub holds {hub_records} records, the journals {records}"
            ));
        }
        let x = rt
            .block_on(async {
                let hub = Hub::connect(&cfg).await?;
                hub.shop_report(Mode::X, &the_day(), false).await
            })
            .map_err(|e| e.to_string())?;
        let counted_sales = x.shop.sales.first().map_or(0, |c| c.count);
        if x.tills.len() != tills as usize || counted_sales != (tills * sales) as i64 {
            return Err(format!(
                "the shop's X has {} tills and {counted_sales} sales",
                x.tills.len()
            ));
        }
        let s = Shipping {
            wall_ms,
            stored,
            per_till_ms: per_till.iter().map(|p| p.2).collect(),
            hub_records,
            hub_bytes,
        };
        let per_till = Stats::of(&s.per_till_ms);
        println!(
            "run {run}: shipped {} records ({} sales) of {tills} tills in {:.2} s: {:.0} records/s, {:.0} sales/s; per till {:.2}–{:.2} s; hub {:.0} MiB ({} bytes a record)",
            s.stored,
            tills * sales,
            s.wall_ms / 1000.0,
            s.stored as f64 / (s.wall_ms / 1000.0),
            (tills * sales) as f64 / (s.wall_ms / 1000.0),
            per_till.min / 1000.0,
            per_till.max / 1000.0,
            s.hub_bytes as f64 / (1u64 << 20) as f64,
            s.hub_bytes / s.hub_records.max(1)
        );
        shipping.push(s);

        let c = catch_up(&rt, &cluster, &cfg, work.path(), run, offline, gap_ms, hold)?;
        println!(
            "        catch-up after an hour offline ({offline} sales, {} records): shipper {:.2} s to the first batch, {:.2} s to caught up (retries up to {} s apart); sync_once {:.2} s ({} records)",
            c.records,
            c.shipper_first_ok_ms / 1000.0,
            c.shipper_caught_up_ms / 1000.0,
            MAX_BACKOFF.as_secs(),
            c.sync_once_ms / 1000.0,
            c.sync_once_records
        );
        catching.push(c);
        // The run's database is not needed any more: its disk back for the next.
        cluster.psql(
            &cluster.superuser_url(),
            &format!("DROP DATABASE {} WITH (FORCE)", database_of(&url)),
        )?;
    }
    drop(rt);
    drop(cluster);

    let walls: Vec<f64> = shipping.iter().map(|s| s.wall_ms / 1000.0).collect();
    let rec_rates: Vec<f64> = shipping
        .iter()
        .map(|s| s.stored as f64 / (s.wall_ms / 1000.0))
        .collect();
    let sale_rates: Vec<f64> = shipping
        .iter()
        .map(|s| (tills * sales) as f64 / (s.wall_ms / 1000.0))
        .collect();
    let shipper_caught: Vec<f64> = catching
        .iter()
        .map(|c| c.shipper_caught_up_ms / 1000.0)
        .collect();
    let shipper_first: Vec<f64> = catching
        .iter()
        .map(|c| c.shipper_first_ok_ms / 1000.0)
        .collect();
    let sync_caught: Vec<f64> = catching.iter().map(|c| c.sync_once_ms / 1000.0).collect();
    let wall = Spread::of(&walls);
    let rec = Spread::of(&rec_rates);
    let sal = Spread::of(&sale_rates);
    println!(
        "ship {tills} × {sales} sales ({records} records): wall median {:.2} s ({:.2}–{:.2}); {:.0} records/s ({:.0}–{:.0}); {:.0} sales/s ({:.0}–{:.0})",
        wall.median, wall.min, wall.max, rec.median, rec.min, rec.max, sal.median, sal.min, sal.max
    );
    let sc = Spread::of(&shipper_caught);
    let so = Spread::of(&sync_caught);
    println!(
        "catch-up of an hour ({offline} sales): shipper median {:.2} s ({:.2}–{:.2}); sync_once median {:.2} s ({:.2}–{:.2})",
        sc.median, sc.min, sc.max, so.median, so.min, so.max
    );
    write_result(
        "hub-replication",
        &json!({
            "machine": machine(),
            "tills": tills,
            "sales_per_till": sales,
            "runs": runs,
            "records": records,
            "records_per_sale": records as f64 / (tills * sales).max(1) as f64,
            "journal_bytes": journal_bytes,
            "build_s": build_s,
            "ship_wall_s": wall,
            "ship_records_per_s": rec,
            "ship_sales_per_s": sal,
            "ship_wall_s_per_run": walls,
            "ship_per_till_ms": shipping.iter().map(|s| Stats::of(&s.per_till_ms)).collect::<Vec<_>>(),
            "hub_bytes": shipping.iter().map(|s| s.hub_bytes).collect::<Vec<_>>(),
            "catch_up": {
                "offline_sales": offline,
                "offline_gap_ms": gap_ms,
                "offline_hold_s": hold.as_secs(),
                "records": catching.first().map_or(0, |c| c.records),
                "shipper_first_batch_s": Spread::of(&shipper_first),
                "shipper_caught_up_s": sc,
                "shipper_caught_up_s_per_run": shipper_caught,
                "sync_once_s": so,
                "sync_once_s_per_run": sync_caught,
            },
        }),
    )
}
