#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use kassa_money::{Currency, Money};

fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}

fn with_sale(j: &mut Journal, id: &str, at: i64) {
    j.insert_sale(&NewSale {
        id,
        amount: dkk(1250),
        reference: Some("T1"),
        at_ms: at,
        backend: Backend::Live,
    })
    .unwrap();
}

#[test]
fn a_sale_with_attempts_and_statuses_reads_back() {
    let mut j = Journal::open_in_memory().unwrap();
    with_sale(&mut j, "s1", 1_000);
    let a1 = j.begin_attempt("s1", "KASSAS1", 1_001).unwrap();
    assert_eq!((a1.seq, a1.state), (1, AttemptState::Requested));
    let a1 = j
        .attempt_created(a1.id, "p1", "http://x/authorize/p1", 1_002, 61_002)
        .unwrap();
    assert_eq!(a1.payment_id.as_deref(), Some("p1"));
    assert!(j.record_status(a1.id, "Initiated", false, 1_500).unwrap());
    assert!(
        !j.record_status(a1.id, "Initiated", false, 2_000).unwrap(),
        "no change, no write"
    );
    let a2 = j.begin_attempt("s1", "KASSAS1", 55_000).unwrap();
    assert_eq!(a2.seq, 2);
    assert!(j.record_status(a1.id, "Executed", true, 56_000).unwrap());
    assert!(
        j.end_sale("s1", SaleState::Paid, Some("p1"), 56_001, "paid by p1")
            .unwrap()
    );
    assert!(
        !j.end_sale("s1", SaleState::Cancelled, None, 57_000, "late")
            .unwrap(),
        "ends once"
    );

    let sale = j.sale("s1").unwrap().unwrap();
    assert_eq!(sale.state, SaleState::Paid);
    assert_eq!(sale.paid_payment_id.as_deref(), Some("p1"));
    assert_eq!(sale.attempts, 2);
    assert_eq!(sale.ended_at_ms, Some(56_001));
    let kinds: Vec<_> = j
        .events("s1")
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "sale_opened",
            "attempt_requested",
            "attempt_created",
            "status",
            "attempt_requested",
            "status",
            "sale_paid"
        ]
    );
    let unfinished: Vec<_> = j
        .unfinished_attempts()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(unfinished, [a2.id]);
}

#[test]
fn attention_notes_accumulate() {
    let mut j = Journal::open_in_memory().unwrap();
    with_sale(&mut j, "s1", 1);
    j.flag_attention("s1", None, "refund p2", 2).unwrap();
    j.flag_attention("s1", None, "refund p3", 3).unwrap();
    assert_eq!(
        j.sale("s1").unwrap().unwrap().attention.as_deref(),
        Some("refund p2\nrefund p3")
    );
}

#[test]
fn lost_and_refused_attempts_are_kept() {
    let mut j = Journal::open_in_memory().unwrap();
    with_sale(&mut j, "s1", 1);
    let a = j.begin_attempt("s1", "R", 2).unwrap();
    j.attempt_not_created(a.id, AttemptState::Unknown, "reply lost", 3)
        .unwrap();
    let b = j.begin_attempt("s1", "R", 4).unwrap();
    j.attempt_not_created(b.id, AttemptState::Refused, "400 InvalidAmount", 5)
        .unwrap();
    let states: Vec<_> = j
        .attempts("s1")
        .unwrap()
        .into_iter()
        .map(|a| (a.state, a.is_final))
        .collect();
    assert_eq!(
        states,
        [
            (AttemptState::Unknown, false),
            (AttemptState::Refused, true)
        ]
    );
}

#[test]
fn lists_open_sales_and_a_day() {
    let mut j = Journal::open_in_memory().unwrap();
    for (id, at) in [("a", 10), ("b", 20), ("c", 30)] {
        with_sale(&mut j, id, at);
    }
    j.end_sale("b", SaleState::Cancelled, None, 25, "cashier")
        .unwrap();
    let open: Vec<_> = j.open_sales().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(open, ["a", "c"]);
    let day: Vec<_> = j
        .sales_between(15, 31, Backend::Live, 50)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(day, ["c", "b"]);
    assert_eq!(j.sales_between(0, 100, Backend::Live, 1).unwrap().len(), 1);
}

#[test]
fn the_event_log_is_append_only() {
    let mut j = Journal::open_in_memory().unwrap();
    with_sale(&mut j, "s1", 1);
    let err = j
        .conn
        .execute("UPDATE events SET detail = 'x'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
    let err = j.conn.execute("DELETE FROM events", []).unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn survives_reopen_and_refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("kassa.db");
    {
        let mut j = Journal::open(&path).unwrap();
        with_sale(&mut j, "s1", 1);
    }
    let j = Journal::open(&path).unwrap();
    assert_eq!(j.open_sales().unwrap().len(), 1);
    drop(j);

    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    match Journal::open(&path) {
        Err(JournalError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected SchemaTooNew, got {:?}", other.err()),
    }
}

#[test]
fn a_file_that_is_not_a_journal_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    std::fs::write(
        &path,
        b"this is not sqlite, just some bytes that are long enough....",
    )
    .unwrap();
    let err = Journal::open(&path).err().expect("must fail");
    assert!(matches!(err, JournalError::Corrupt(_)), "{err:?}");
    assert!(err.to_string().contains("damaged"));
}

#[test]
fn amounts_must_be_positive_even_at_the_sql_level() {
    let mut j = Journal::open_in_memory().unwrap();
    let err = j.insert_sale(&NewSale {
        id: "z",
        amount: dkk(0),
        reference: None,
        at_ms: 1,
        backend: Backend::Live,
    });
    assert!(err.is_err());
    assert!(j.sale("z").unwrap().is_none());
}

#[test]
fn a_full_disk_is_a_clear_error_and_loses_nothing_already_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    let mut j = Journal::open(&path).unwrap();
    with_sale(&mut j, "before", 1_000);
    j.cap_pages(0).unwrap();
    // Fill the last pages until the "disk" is full.
    let mut written = vec!["before".to_owned()];
    let err = loop {
        let id = format!("s{}-{}", written.len(), "x".repeat(200));
        match j.insert_sale(&NewSale {
            id: &id,
            amount: dkk(100),
            reference: Some("T1"),
            at_ms: 2_000,
            backend: Backend::Live,
        }) {
            Ok(()) => written.push(id),
            Err(e) => break e,
        }
        assert!(written.len() < 10_000, "the cap never bit");
    };
    assert!(matches!(err, JournalError::DiskFull(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the disk is full: the sale journal cannot be written. Free some space; nothing written so far is lost"
    );
    // The failed write left nothing half-done, and every earlier sale is intact on reopen.
    drop(j);
    let j = Journal::open(&path).unwrap();
    let ids: Vec<String> = j
        .all_sales(Backend::Live)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids.len(), written.len());
    for id in &written {
        assert!(ids.contains(id));
        assert_eq!(
            j.events(id).unwrap().len(),
            1,
            "sale and its event, together"
        );
    }
}

#[test]
fn a_read_only_journal_is_a_clear_error_and_stays_readable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    {
        let mut j = Journal::open(&path).unwrap();
        with_sale(&mut j, "s1", 1_000);
    }
    // Tests run as root, for whom file permissions do not bite: open read-only instead,
    // as SQLite does on a read-only file system.
    let mut j = Journal::open_read_only(&path).unwrap();
    let err = j
        .insert_sale(&NewSale {
            id: "s2",
            amount: dkk(100),
            reference: None,
            at_ms: 2_000,
            backend: Backend::Live,
        })
        .unwrap_err();
    assert!(matches!(err, JournalError::ReadOnly(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the sale journal is read-only: check the permissions of the Kassa data folder"
    );
    assert_eq!(j.sale("s1").unwrap().unwrap().amount, dkk(1250));
    // `PRAGMA query_only`, the other way a connection can be read-only, reads the same.
    let mut j = Journal::open(&path).unwrap();
    j.conn.execute_batch("PRAGMA query_only = ON").unwrap();
    let err = j.begin_attempt("s1", "T1", 3_000).unwrap_err();
    assert!(matches!(err, JournalError::ReadOnly(_)), "{err:?}");
    j.conn.execute_batch("PRAGMA query_only = OFF").unwrap();
    assert_eq!(j.begin_attempt("s1", "T1", 3_000).unwrap().seq, 1);
}

#[test]
fn a_crash_hook_runs_inside_every_write_before_it_commits() {
    use std::sync::{Arc, Mutex};
    struct Seen(Arc<Mutex<Vec<usize>>>, Arc<Mutex<Option<Connection>>>);
    impl CrashHook for Seen {
        fn reached(&self, point: CrashPoint) {
            assert_eq!(point, CrashPoint::JournalWrite);
            // Another connection does not see the write yet: it is not committed.
            let guard = self.1.lock().unwrap();
            let n: usize = guard
                .as_ref()
                .unwrap()
                .query_row("SELECT COUNT(*) FROM sales", [], |r| r.get(0))
                .unwrap();
            self.0.lock().unwrap().push(n);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    let mut j = Journal::open(&path).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let other = Arc::new(Mutex::new(Some(Connection::open(&path).unwrap())));
    j.set_crash_hooks(CrashHooks::new(Arc::new(Seen(seen.clone(), other))));
    with_sale(&mut j, "s1", 1_000);
    with_sale(&mut j, "s2", 2_000);
    assert_eq!(*seen.lock().unwrap(), [0, 1]);
}

#[test]
fn crash_points_have_stable_names() {
    for p in CrashPoint::ALL {
        assert_eq!(CrashPoint::parse(p.name()), Some(p));
    }
    assert_eq!(CrashPoint::parse("nowhere"), None);
    assert_eq!(CrashPoint::AcceptSent.to_string(), "accept_sent");
}

#[test]
fn a_damaged_journal_is_refused_at_open_with_a_plain_message_and_a_backup_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    let copy = dir.path().join("backup.db");
    {
        let mut j = Journal::open(&path).unwrap();
        for i in 0..50 {
            with_sale(&mut j, &format!("s{i}"), 1_000 + i);
        }
        j.backup_to(&copy).unwrap();
    } // The last connection closes: the WAL is checkpointed into the file.
    let page: usize = 4096;
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() >= 4 * page, "{} bytes", bytes.len());
    // Wreck the b-tree page headers after the schema page.
    for p in 1..bytes.len() / page {
        bytes[p * page] = 0xEE;
        bytes[p * page + 3] = 0xEE;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Journal::open(&path)
        .err()
        .expect("a damaged journal is refused");
    assert!(matches!(err, JournalError::Corrupt(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.starts_with("the sale journal is damaged ("), "{text}");
    assert!(
        text.ends_with("keep the file and restore a backup"),
        "{text}"
    );
    // The backup taken before is whole.
    let restored = Journal::open(&copy).unwrap();
    assert_eq!(restored.all_sales(Backend::Live).unwrap().len(), 50);
}

#[test]
fn a_refunded_payment_leaves_the_attention_list_and_the_log_keeps_both_notes() {
    let mut j = Journal::open_in_memory().unwrap();
    with_sale(&mut j, "s1", 1);
    let mut flagged = Vec::new();
    for (n, payment) in ["p2", "p3"].into_iter().enumerate() {
        let a = j.begin_attempt("s1", "T1", 2).unwrap();
        let a = j
            .attempt_created(a.id, payment, "http://x/", 3, 60_003)
            .unwrap();
        j.flag_attention(
            "s1",
            Some(a.id),
            &format!("refund {payment}"),
            10 + n as i64,
        )
        .unwrap();
        flagged.push(a.id);
    }
    assert_eq!(j.attention_items().unwrap().len(), 2);

    assert_eq!(
        j.resolve_attention("p2", "refunded by hand", 20).unwrap(),
        "s1"
    );
    let left = j.attention_items().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].payment_id.as_deref(), Some("p3"));
    assert!(
        j.sale("s1").unwrap().unwrap().attention.is_some(),
        "p3 still needs a refund"
    );
    // Once only: a second resolve, or one for a payment never flagged, is refused.
    assert!(matches!(
        j.resolve_attention("p2", "again", 21),
        Err(JournalError::NotFound(_))
    ));
    assert!(j.resolve_attention("p9", "never flagged", 21).is_err());

    j.resolve_attention("p3", "refunded by hand", 22).unwrap();
    assert!(j.attention_items().unwrap().is_empty());
    assert!(j.sale("s1").unwrap().unwrap().attention.is_none());
    // Never flagged twice either: the flagged attempts stay known.
    assert_eq!(j.flagged_attempts("s1").unwrap(), flagged);
    let kinds: Vec<String> = j
        .events("s1")
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| *k == "attention_resolved").count(),
        2,
        "{kinds:?}"
    );
}

fn sale_on(j: &mut Journal, id: &str, minor: i64, at: i64, backend: Backend, paid: bool) {
    j.insert_sale(&NewSale {
        id,
        amount: dkk(minor),
        reference: None,
        at_ms: at,
        backend,
    })
    .unwrap();
    if paid {
        j.end_sale(id, SaleState::Paid, Some(id), at + 1, "")
            .unwrap();
    }
}

/// A journal as Kassa 0.1 (schema 1) left it: sales from the embedded sandbox, a
/// standalone sandbox behind an HTTPS proxy, real Aiia, and a sale that never got a link.
#[test]
fn migration_2_keeps_old_sales_and_takes_only_real_aiia_links_as_live() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kassa.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(schema::V1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO sales (id, amount_minor, currency, state, created_at, paid_payment_id)
             VALUES ('embedded', 1000, 'DKK', 'paid', 10, 'p1'),
                    ('proxied', 2000, 'DKK', 'paid', 11, 'p2'),
                    ('real', 4000, 'DKK', 'paid', 12, 'p3'),
                    ('no-link', 8000, 'DKK', 'failed', 13, NULL);
             INSERT INTO attempts (sale_id, seq, state, reference, payment_id, authorization_url,
                                   requested_at, status, is_final)
             VALUES ('embedded', 1, 'created', 'R', 'p1',
                     'http://127.0.0.1:40123/sandbox/authorize/p1', 10, 'Executed', 1),
                    ('proxied', 1, 'created', 'R', 'p2',
                     'https://till.example/sandbox/authorize/p2', 11, 'Executed', 1),
                    ('real', 1, 'created', 'R', 'p3',
                     'https://pay.aiia.eu/accept/p3', 12, 'Executed', 1),
                    ('no-link', 1, 'refused', 'R', NULL, NULL, 13, NULL, 1);",
        )
        .unwrap();
    }
    // A reader cannot upgrade it, and says what to do instead of "read-only".
    let err = Journal::open_read_only(&path).err().expect("refused");
    assert!(
        matches!(
            err,
            JournalError::SchemaTooOld {
                found: 1,
                supported: SCHEMA_VERSION
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("kassa resume"), "{err}");
    let j = Journal::open(&path).unwrap();
    let version: i64 = j
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 9);
    let backend = |id: &str| j.sale(id).unwrap().unwrap().backend;
    assert_eq!(backend("embedded"), Backend::Sandbox);
    assert_eq!(backend("proxied"), Backend::Sandbox);
    assert_eq!(backend("real"), Backend::Live);
    assert_eq!(backend("no-link"), Backend::Sandbox);
    // Nothing was lost: every old sale, with its state and attempts.
    let ids = |b| -> Vec<String> { j.all_sales(b).unwrap().into_iter().map(|s| s.id).collect() };
    assert_eq!(ids(Backend::Live), ["real"]);
    assert_eq!(ids(Backend::Sandbox), ["embedded", "proxied", "no-link"]);
    assert_eq!(j.sale("embedded").unwrap().unwrap().state, SaleState::Paid);
    assert_eq!(j.attempts("proxied").unwrap().len(), 1);
    // The live books hold the real sale only.
    assert_eq!(
        j.totals_between(0, 100, Currency::Dkk, Backend::Live)
            .unwrap(),
        Totals {
            sales: 1,
            paid: 1,
            paid_minor: 4000
        }
    );
    // The column refuses anything but the two backends.
    let err = j.conn.execute(
        "INSERT INTO sales (id, amount_minor, currency, state, created_at, backend)
         VALUES ('x', 1, 'DKK', 'open', 1, 'demo')",
        [],
    );
    assert!(err.is_err(), "{err:?}");
    // A row that does not say where it ran is sandbox, never live.
    j.conn
        .execute(
            "INSERT INTO sales (id, amount_minor, currency, state, created_at)
             VALUES ('unsaid', 1, 'DKK', 'open', 1)",
            [],
        )
        .unwrap();
    assert_eq!(backend("unsaid"), Backend::Sandbox);
}

#[test]
fn live_totals_and_lists_ignore_sandbox_sales_and_the_other_way_round() {
    let mut j = Journal::open_in_memory().unwrap();
    sale_on(&mut j, "live-1", 1250, 10, Backend::Live, true);
    sale_on(&mut j, "train-1", 99_900, 11, Backend::Sandbox, true);
    sale_on(&mut j, "live-2", 100, 12, Backend::Live, true);
    sale_on(&mut j, "train-2", 500, 13, Backend::Sandbox, false);
    sale_on(&mut j, "live-3", 700, 14, Backend::Live, false);

    assert_eq!(
        j.totals_between(0, 100, Currency::Dkk, Backend::Live)
            .unwrap(),
        Totals {
            sales: 3,
            paid: 2,
            paid_minor: 1350
        }
    );
    assert_eq!(
        j.totals_between(0, 100, Currency::Dkk, Backend::Sandbox)
            .unwrap(),
        Totals {
            sales: 2,
            paid: 1,
            paid_minor: 99_900
        }
    );
    let listed = |b| -> Vec<String> {
        j.sales_between(0, 100, b, 50)
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(listed(Backend::Live), ["live-3", "live-2", "live-1"]);
    assert_eq!(listed(Backend::Sandbox), ["train-2", "train-1"]);
    // A page of one is the newest of its own backend, not the newest sale overall.
    assert_eq!(
        j.sales_between(0, 100, Backend::Live, 1).unwrap()[0].id,
        "live-3"
    );
    assert_eq!(
        j.sales_between(0, 100, Backend::Sandbox, 1).unwrap()[0].id,
        "train-2"
    );
    // Notes about a payment say which backend its sale ran on.
    j.flag_attention("train-1", None, "refund p9", 20).unwrap();
    let items = j.attention_items().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].backend, Backend::Sandbox);
}
