//! Issue 14 against a real PostgreSQL server (a private cluster the test starts): tills
//! selling at once, the server going away mid-run, replays, and the hub's refusals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::*;
use kassa_hub::{Hub, HubError, HubStatus, Mode, Problem, Shipper, ShipperSettings, sync_once};
use kassa_testkit::pg::{self, Cluster};

fn settings(till: &TestTill, url: &str) -> ShipperSettings {
    ShipperSettings {
        journal: till.path.clone(),
        hub: config(url),
        till: till.identity.clone(),
        now_ms: Arc::new(|| 0),
        idle: Duration::from_millis(50),
    }
}

/// Three tills sell at once, each with its shipper running beside it; afterwards the hub
/// has every till's records exactly as the till wrote them, and the shop's day adds up.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_tills_selling_at_once_arrive_record_for_record() {
    let url = pg::shared().create_database("three_tills").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let tills: Vec<TestTill> = ["Till 1", "Till 2", "Till 3"]
        .iter()
        .map(|n| TestTill::new(dir.path(), n))
        .collect();
    let shippers: Vec<Shipper> = tills
        .iter()
        .map(|t| Shipper::start(settings(t, &url)))
        .collect();
    let sellers: Vec<std::thread::JoinHandle<TestTill>> = tills
        .into_iter()
        .enumerate()
        .map(|(i, mut t)| {
            std::thread::spawn(move || {
                for n in 0..150 {
                    let at = DAY_START + 10 * 3_600_000 + n * 1000;
                    if n % 3 == 0 {
                        t.sell(&[("Coffee", 3500, 2, 2500)], card(), at);
                    } else {
                        t.sell_cash(1000 + i as i64, at);
                    }
                }
                t
            })
        })
        .collect();
    let tills: Vec<TestTill> = sellers.into_iter().map(|h| h.join().unwrap()).collect();
    let hub = config(&url);
    for t in &tills {
        caught_up(&hub, t, Duration::from_secs(60)).await;
    }
    for s in shippers {
        s.stop().await;
    }
    for t in &tills {
        let at_hub = hub_records(&url, &t.identity.till_id).await;
        let at_till = till_records(&t.path);
        assert_eq!(at_hub.len(), at_till.len(), "{}", t.identity.till_id);
        assert_eq!(at_hub, at_till, "{}", t.identity.till_id);
    }
    let report = Hub::connect(&hub)
        .await
        .unwrap()
        .shop_report(Mode::X, &the_day(), false)
        .await
        .unwrap();
    assert_eq!(report.tills.len(), 3);
    for (i, t) in report.tills.iter().enumerate() {
        assert_eq!(t.name.as_deref(), Some(format!("Till {}", i + 1).as_str()));
        assert_eq!(t.figures.sales[0].count, 150);
        // 50 card sales of 2 × 35.00 and 100 cash sales of 10.0i.
        assert_eq!(
            t.figures.sales[0].amount_minor,
            50 * 7000 + 100 * (1000 + i as i64)
        );
        let tenders: Vec<(&str, i64)> = t
            .figures
            .tenders
            .iter()
            .map(|l| (l.tender.as_str(), l.count))
            .collect();
        assert_eq!(tenders, [("cash", 100), ("card", 50)]);
    }
    assert_eq!(report.shop.sales[0].count, 450);
    let vat = &report.shop.vat[0];
    assert_eq!((vat.vat_bp, vat.currency.as_str()), (Some(2500), "DKK"));
    assert_eq!(vat.gross_minor, report.shop.sales[0].amount_minor);
    assert_eq!(vat.net_minor + vat.vat_minor, vat.gross_minor);
}

/// The server stops for a while mid-run: the tills sell on, the shippers say the hub is
/// unreachable, and once it is back the hub has every record once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_hub_stopped_and_started_again_loses_nothing_and_doubles_nothing() {
    let cluster = Cluster::start().unwrap();
    let url = cluster.create_database("outage").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut tills: Vec<TestTill> = ["North", "South"]
        .iter()
        .map(|n| TestTill::new(dir.path(), n))
        .collect();
    let shippers: Vec<Shipper> = tills
        .iter()
        .map(|t| Shipper::start(settings(t, &url)))
        .collect();
    let mut at = DAY_START + 9 * 3_600_000;
    for _ in 0..40 {
        for t in tills.iter_mut() {
            t.sell_cash(2000, at);
        }
        at += 1000;
    }
    for t in &tills {
        caught_up(&config(&url), t, Duration::from_secs(30)).await;
    }
    let before: i64 = tills.iter().map(|t| t.head()).sum();

    cluster.stop().unwrap();
    // The tills keep selling while the hub is away.
    for _ in 0..60 {
        for t in tills.iter_mut() {
            t.sell_cash(2000, at);
        }
        at += 1000;
    }
    let during: i64 = tills.iter().map(|t| t.head()).sum::<i64>() - before;
    let mut watch = shippers[0].watch();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let st: HubStatus = watch.borrow_and_update().clone();
        if matches!(st.problem, Some(Problem::Unreachable { .. })) {
            assert!(st.behind() > 0, "{st:?}");
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no outage seen: {st:?}"
        );
        let _ = tokio::time::timeout(Duration::from_secs(1), watch.changed()).await;
    }
    // The status file beside the journal says the same.
    let on_disk = HubStatus::read(&tills[0].path).unwrap();
    assert!(
        matches!(on_disk.problem, Some(Problem::Unreachable { .. })),
        "{on_disk:?}"
    );

    cluster.start_again().unwrap();
    for _ in 0..20 {
        for t in tills.iter_mut() {
            t.sell_cash(2000, at);
        }
        at += 1000;
    }
    for t in &tills {
        caught_up(&config(&url), t, Duration::from_secs(60)).await;
    }
    for s in shippers {
        s.stop().await;
    }
    let mut total = 0;
    for t in &tills {
        let at_hub = hub_records(&url, &t.identity.till_id).await;
        assert_eq!(at_hub, till_records(&t.path), "{}", t.identity.till_id);
        total += at_hub.len() as i64;
    }
    let head: i64 = tills.iter().map(|t| t.head()).sum();
    assert_eq!(total, head);
    println!(
        "outage drill: {before} records before the stop, {during} written while the hub was away, {head} in all at both tills and at the hub (none lost, none doubled)"
    );
    let report = Hub::connect(&config(&url))
        .await
        .unwrap()
        .shop_report(Mode::X, &the_day(), false)
        .await
        .unwrap();
    assert_eq!(report.shop.sales[0].count, 2 * 120);
    assert_eq!(report.shop.sales[0].amount_minor, 2 * 120 * 2000);
}

/// A till's replication replayed from its first record stores nothing twice and changes
/// no figure.
#[tokio::test]
async fn a_replay_from_the_start_stores_nothing_twice() {
    let url = pg::shared().create_database("replay").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut till = TestTill::new(dir.path(), "Till 1");
    for n in 0..25 {
        till.sell_cash(1500, DAY_START + n * 60_000);
    }
    let hub = config(&url);
    let first = sync_once(&till.path, &hub, &till.identity).await.unwrap();
    assert_eq!(
        (first.stored as i64, first.acked),
        (till.head(), till.head())
    );
    let report = |h: Hub| async move { h.shop_report(Mode::X, &the_day(), false).await.unwrap() };
    let before = report(Hub::connect(&hub).await.unwrap()).await;

    let mut conn = Hub::connect(&hub).await.unwrap();
    conn.register(&till.identity).await.unwrap();
    let all = till.journal.replication_after(0, usize::MAX).unwrap();
    let again = conn.ship(&till.identity.till_id, &all).await.unwrap();
    assert_eq!((again.stored, again.acked), (0, till.head()));
    // Half of it again, then a stretch that overlaps what the hub has and adds new ones.
    let half = &all[..all.len() / 2];
    assert_eq!(
        conn.ship(&till.identity.till_id, half)
            .await
            .unwrap()
            .stored,
        0
    );
    till.sell_cash(1500, DAY_START + 3_600_000);
    let overlap = till
        .journal
        .replication_after(till.head() - 40, usize::MAX)
        .unwrap();
    let grown = conn.ship(&till.identity.till_id, &overlap).await.unwrap();
    assert_eq!(grown.acked, till.head());
    assert!(grown.stored > 0 && grown.stored < overlap.len());
    assert_eq!(
        hub_records(&url, &till.identity.till_id).await,
        till_records(&till.path)
    );
    let after = report(conn).await;
    assert_eq!(after.shop.sales[0].count, before.shop.sales[0].count + 1);
    assert_eq!(
        after.shop.sales[0].amount_minor,
        before.shop.sales[0].amount_minor + 1500
    );

    // A gap is refused: records that do not follow what the hub has.
    let mut conn = Hub::connect(&hub).await.unwrap();
    till.sell_cash(1500, DAY_START + 3_700_000);
    till.sell_cash(1500, DAY_START + 3_800_000);
    let tail = till
        .journal
        .replication_after(till.head() - 1, usize::MAX)
        .unwrap();
    let e = conn.ship(&till.identity.till_id, &tail).await.unwrap_err();
    assert!(matches!(e, HubError::Gap { .. }), "{e}");
}

/// A hub made by a newer Kassa is refused before anything is written, in plain words.
#[tokio::test]
async fn a_hub_newer_than_the_till_is_refused() {
    let url = pg::shared().create_database("newer").unwrap();
    Hub::connect(&config(&url)).await.unwrap();
    sql(
        &url,
        "UPDATE kassa_hub_meta SET value = '99' WHERE key = 'schema'",
    )
    .await;
    let e = Hub::connect(&config(&url)).await.err().unwrap();
    assert!(matches!(e, HubError::TooNew { found: 99, .. }), "{e}");
    assert_eq!(
        e.to_string(),
        format!(
            "the hub was set up by a newer Kassa (hub schema 99, this Kassa knows {}): update Kassa on this till",
            kassa_hub::HUB_SCHEMA_VERSION
        )
    );
    // The shipper says the same and the till sells on.
    let dir = tempfile::tempdir().unwrap();
    let mut till = TestTill::new(dir.path(), "Till 1");
    let shipper = Shipper::start(settings(&till, &url));
    till.sell_cash(100, DAY_START);
    let mut watch = shipper.watch();
    let st = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            let st = watch.borrow_and_update().clone();
            if st.problem.is_some() {
                return st;
            }
            watch.changed().await.unwrap();
        }
    })
    .await
    .unwrap();
    assert!(
        matches!(st.problem, Some(Problem::TooNew { found: 99, .. })),
        "{st:?}"
    );
    shipper.stop().await;
}

/// A wrong password, nothing listening and another shop's hub are plain messages.
#[tokio::test]
async fn a_wrong_password_an_unreachable_hub_and_another_shops_hub_are_refused() {
    let url = pg::shared().create_database("refusals").unwrap();
    let wrong = {
        let (head, tail) = url.split_once('@').unwrap();
        let (user, _) = head.rsplit_once(':').unwrap();
        format!("{user}:not-the-password@{tail}")
    };
    let e = Hub::connect(&config(&wrong)).await.err().unwrap();
    assert!(matches!(e, HubError::WrongPassword { .. }), "{e}");
    assert!(e.to_string().contains("refused the password"), "{e}");

    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let nowhere = format!("postgres://kassa:x@127.0.0.1:{port}/kassa");
    let e = Hub::connect(&config(&nowhere)).await.err().unwrap();
    assert!(matches!(e, HubError::Unreachable { .. }), "{e}");
    assert!(e.to_string().contains("the till keeps selling"), "{e}");

    let dir = tempfile::tempdir().unwrap();
    let ours = TestTill::for_shop(dir.path(), "ours", "DK12345674");
    let theirs = TestTill::for_shop(dir.path(), "theirs", "SE5560000000");
    let mut hub = Hub::connect(&config(&url)).await.unwrap();
    hub.register(&ours.identity).await.unwrap();
    let e = hub.register(&theirs.identity).await.unwrap_err();
    assert!(
        matches!(&e, HubError::OtherShop { hub_merchant, ours } if hub_merchant == "DK12345674" && ours == "SE5560000000"),
        "{e}"
    );
}

/// The shop's X and Z: returns, tenders, VAT and each till's last Z.
#[tokio::test]
async fn the_shops_x_and_z_add_up_per_till_and_for_the_shop() {
    let url = pg::shared().create_database("reports").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut a = TestTill::new(dir.path(), "A");
    let mut b = TestTill::new(dir.path(), "B");
    let t = DAY_START + 8 * 3_600_000;
    a.morning(t);
    b.sell_cash(900, t + 5000);
    // Yesterday's sale is not in today's report.
    b.sell_cash(100_000, DAY_START - 1000);
    let hub = config(&url);
    for till in [&a, &b] {
        sync_once(&till.path, &hub, &till.identity).await.unwrap();
    }
    let conn = Hub::connect(&hub).await.unwrap();
    let x = conn.shop_report(Mode::X, &the_day(), false).await.unwrap();
    let ta = &x.tills[0];
    assert_eq!(ta.till_id, a.identity.till_id);
    assert_eq!(
        (ta.figures.sales[0].count, ta.figures.sales[0].amount_minor),
        (3, 5400 + 5000 + 700)
    );
    assert_eq!(
        (
            ta.figures.returns[0].count,
            ta.figures.returns[0].amount_minor
        ),
        (1, 3000)
    );
    let z = ta.last_z.as_ref().unwrap();
    assert_eq!(
        (z.number, z.first_receipt, z.last_receipt),
        (1, Some(1), Some(3))
    );
    let tb = &x.tills[1];
    assert_eq!(
        (tb.figures.sales[0].count, tb.figures.sales[0].amount_minor),
        (1, 900)
    );
    assert!(tb.last_z.is_none());
    assert_eq!(
        (x.shop.sales[0].count, x.shop.sales[0].amount_minor),
        (4, 5400 + 5000 + 700 + 900)
    );
    // VAT: 25 % and 12 %, highest first; the return takes its 25 % back.
    let rates: Vec<(Option<i32>, i64)> = x
        .shop
        .vat
        .iter()
        .map(|v| (v.vat_bp, v.gross_minor))
        .collect();
    assert_eq!(
        rates,
        [
            (Some(2500), 3000 + 5000 + 700 + 900 - 3000),
            (Some(1200), 2400)
        ]
    );

    // The Z: only what till A's Z 1 closed.
    let zr = conn.shop_report(Mode::Z, &the_day(), false).await.unwrap();
    let za = &zr.tills[0];
    assert_eq!(za.z_of_the_day.len(), 1);
    assert_eq!(
        (za.figures.sales[0].count, za.figures.sales[0].amount_minor),
        (2, 5400 + 5000)
    );
    assert_eq!(za.figures.returns[0].amount_minor, 3000);
    assert!(zr.tills[1].figures.sales.is_empty());
    // The JSON names every till with its id and sales, and the shop.
    let json = serde_json::to_value(&x).unwrap();
    assert_eq!(json["tills"][0]["till_id"], a.identity.till_id.as_str());
    assert_eq!(json["tills"][1]["sales"][0]["count"], 1);
    assert_eq!(
        json["shop"]["sales"][0]["amount_minor"],
        5400 + 5000 + 700 + 900
    );
}

/// The owner's lists: a push makes the next version; a till takes only a newer one.
#[tokio::test]
async fn the_catalog_is_versioned_and_the_hubs_copy_is_the_newest() {
    let url = pg::shared().create_database("catalog").unwrap();
    let mut hub = Hub::connect(&config(&url)).await.unwrap();
    use kassa_hub::CatalogKind;
    assert_eq!(hub.pull_catalog(CatalogKind::Shop, 0).await.unwrap(), None);
    let v1 = hub
        .push_catalog(CatalogKind::Shop, r#"{"quickItems":[]}"#, "till-a")
        .await
        .unwrap();
    let v2 = hub
        .push_catalog(
            CatalogKind::Shop,
            r#"{"quickItems":[{"name":"Tea"}]}"#,
            "till-b",
        )
        .await
        .unwrap();
    assert_eq!((v1, v2), (1, 2));
    let got = hub
        .pull_catalog(CatalogKind::Shop, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((got.version, got.updated_by.as_str()), (2, "till-b"));
    assert!(got.body.contains("Tea"));
    assert_eq!(hub.pull_catalog(CatalogKind::Shop, 2).await.unwrap(), None);
    assert!(
        hub.push_catalog(CatalogKind::Staff, "not json", "till-a")
            .await
            .is_err()
    );
}

/// Over TLS the hub's certificate is checked: trusted through sslrootcert, refused without.
#[tokio::test]
async fn the_hub_over_tls_is_verified() {
    let cluster = Cluster::with_tls().unwrap();
    let url = cluster.create_database("tls").unwrap();
    let ca = cluster.ca_pem_path().unwrap().display().to_string();
    let on_localhost = url.replace("127.0.0.1", "localhost");
    let trusted = format!("{on_localhost}?sslmode=verify-full&sslrootcert={ca}");
    let hub = Hub::connect(&config(&trusted)).await.unwrap();
    assert_eq!(hub.acked("nobody").await.unwrap(), 0);
    let untrusted = format!("{on_localhost}?sslmode=require");
    let e = Hub::connect(&config(&untrusted)).await.err().unwrap();
    assert!(matches!(e, HubError::Tls { .. }), "{e}");
}

/// The hub's copy is the till's books: rebuilt into a journal, it holds every record again,
/// in order, and gives the same X and the same receipts.
#[tokio::test]
async fn a_tills_books_are_rebuilt_from_the_hub_record_for_record() {
    let url = pg::shared().create_database("rebuild").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut till = TestTill::new(dir.path(), "Till 1");
    let t = DAY_START + 9 * 3_600_000;
    till.morning(t);
    let hub = config(&url);
    sync_once(&till.path, &hub, &till.identity).await.unwrap();

    let conn = Hub::connect(&hub).await.unwrap();
    assert_eq!(
        conn.tills().await.unwrap(),
        [(till.identity.till_id.clone(), Some("Till 1".to_owned()))]
    );
    let records = conn.records_of(&till.identity.till_id).await.unwrap();
    let copy = dir.path().join("rebuilt.db");
    let rebuilt = kassa_journal::Journal::rebuild(&copy, &records).unwrap();
    drop(rebuilt);
    assert_eq!(till_records(&copy), till_records(&till.path));
    let (a, b) = (
        kassa_journal::Journal::open_read_only(&till.path).unwrap(),
        kassa_journal::Journal::open_read_only(&copy).unwrap(),
    );
    assert_eq!(a.till_id().unwrap(), b.till_id().unwrap());
    let live = kassa_journal::Backend::Live;
    assert_eq!(
        a.x_report(live, t + 5000).unwrap(),
        b.x_report(live, t + 5000).unwrap()
    );
    assert_eq!(a.z_reports(live).unwrap(), b.z_reports(live).unwrap());
    assert_eq!(
        a.receipt_chain(live).unwrap(),
        b.receipt_chain(live).unwrap()
    );
    // Never over a file that exists.
    assert!(kassa_journal::Journal::rebuild(&till.path, &records).is_err());
}
