//! Sandbox money never mixes with real money: every sale records the backend its counter
//! ran on, and a counter lists, counts and resumes only the sales of its own backend.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Duration;

use kassa_boot::{Backend, Counter, Mode, Settings, day_report};
use kassa_journal::{Journal, NewSale, SaleState};
use kassa_money::{Currency, Money};
use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::{next_within, sandbox_on_loopback};
use kassa_till::TillEvent;

fn vars(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
    move |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
    }
}

async fn standalone_sandbox() -> RunningSandbox {
    sandbox_on_loopback(SandboxConfig::default()).await
}

/// A counter with the merchant's credentials ("live"), here against a sandbox that accepts
/// them, so no real money moves in the test.
fn live_settings(sandbox: &RunningSandbox, db: &Path) -> Settings {
    let defaults = SandboxConfig::default();
    Settings::from_vars(
        vars(vec![
            ("KASSA_API_URL", sandbox.base_url().to_owned()),
            ("KASSA_CLIENT_ID", defaults.client_id.clone()),
            // A test service on loopback: the labelled custom-address option.
            ("KASSA_CUSTOM_API", "1".into()),
            ("KASSA_CLIENT_SECRET", defaults.client_secret.clone()),
            ("KASSA_DESTINATION_ID", defaults.destination_ids[0].clone()),
        ]),
        db.to_owned(),
    )
    .unwrap()
}

/// Charges, waits for the code, cancels, waits for the end; returns the sale's backend.
async fn one_sale(counter: &Counter) -> Backend {
    let mut events = counter.till.subscribe();
    let sale = counter
        .till
        .charge(Money::new(1250, Currency::Dkk), None)
        .unwrap();
    let within = Duration::from_secs(20);
    next_within(&mut events, within, |e| matches!(e, TillEvent::QrReady(_))).await;
    counter.till.cancel(&sale).unwrap();
    next_within(&mut events, within, |e| {
        matches!(e, TillEvent::SaleEnded { .. })
    })
    .await;
    counter.till.sale_detail(&sale).unwrap().sale.backend
}

#[tokio::test]
async fn every_sale_records_the_backend_its_counter_runs_on() {
    let dir = tempfile::tempdir().unwrap();
    let standalone = standalone_sandbox().await;

    // The embedded sandbox: training.
    let embedded = Settings::from_vars(vars(vec![]), dir.path().join("a.db")).unwrap();
    assert_eq!(embedded.backend(), Backend::Sandbox);
    let counter = kassa_boot::start(embedded).await.unwrap();
    assert!(counter.sandbox().is_some());
    assert_eq!(counter.backend(), Backend::Sandbox);
    assert_eq!(one_sale(&counter).await, Backend::Sandbox);

    // A standalone `kassa sandbox` through KASSA_API_URL: training too.
    let external = Settings::from_vars(
        vars(vec![("KASSA_API_URL", standalone.base_url().to_owned())]),
        dir.path().join("b.db"),
    )
    .unwrap();
    let counter = kassa_boot::start(external).await.unwrap();
    assert!(counter.sandbox().is_none());
    assert_eq!(counter.backend(), Backend::Sandbox);
    assert_eq!(one_sale(&counter).await, Backend::Sandbox);

    // The merchant's credentials: live.
    let live = live_settings(&standalone, &dir.path().join("c.db"));
    assert_eq!(live.mode(), Mode::Live);
    let counter = kassa_boot::start(live).await.unwrap();
    assert_eq!(counter.backend(), Backend::Live);
    assert_eq!(one_sale(&counter).await, Backend::Live);
}

fn sale(j: &mut Journal, id: &str, minor: i64, at: i64, backend: Backend, paid: bool) {
    j.insert_sale(&NewSale {
        id,
        amount: Money::new(minor, Currency::Dkk),
        reference: None,
        at_ms: at,
        backend,
    })
    .unwrap();
    if paid {
        j.end_sale(id, SaleState::Paid, Some(id), at + 1, "paid")
            .unwrap();
    }
}

#[tokio::test]
async fn a_counter_counts_lists_and_resumes_only_the_sales_of_its_own_backend() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
    let standalone = standalone_sandbox().await;
    {
        // Sealed with the till's own key, in the keyring the counter then signs with.
        let keys = live_settings(&standalone, &db).keys;
        let mut j = kassa_boot::keys::open_sealed(&db, &keys, now).unwrap();
        sale(&mut j, "live-paid", 1250, now - 3, Backend::Live, true);
        sale(
            &mut j,
            "train-paid",
            99_900,
            now - 2,
            Backend::Sandbox,
            true,
        );
        // Left open by a training session before the merchant went live.
        sale(&mut j, "train-open", 500, now - 1, Backend::Sandbox, false);
        // A training payment to "refund", and a real one.
        j.flag_attention("train-paid", None, "refund training p2", now)
            .unwrap();
        j.flag_attention("live-paid", None, "refund live p2", now)
            .unwrap();
    }
    let counter = kassa_boot::start_idle(live_settings(&standalone, &db))
        .await
        .unwrap();
    // The training sale is not resumed on the live service: no live code for it.
    assert!(counter.till.resume().unwrap().is_empty());
    assert!(!counter.till.is_busy());
    assert!(
        counter
            .till
            .sale_detail("train-open")
            .unwrap()
            .attempts
            .is_empty()
    );

    let (from, to) = (now - 60_000, now + 60_000);
    let totals = counter
        .till
        .totals_between(from, to, Currency::Dkk)
        .unwrap();
    assert_eq!((totals.sales, totals.paid, totals.paid_minor), (1, 1, 1250));
    let listed = counter.till.sales_between(from, to, 50).unwrap();
    let report =
        day_report(listed, Currency::Dkk, counter.backend()).with_totals(&totals, Currency::Dkk);
    let ids: Vec<&str> = report.sales.iter().map(|l| l.sale_id.as_str()).collect();
    assert_eq!(ids, ["live-paid"]);
    assert_eq!(report.paid_total_display, "12,50\u{a0}kr.");
    assert_eq!(report.totals_label, "Paid today");
    let notes: Vec<String> = counter
        .till
        .attention_items()
        .unwrap()
        .into_iter()
        .map(|a| a.note)
        .collect();
    assert_eq!(notes, ["refund live p2"]);

    // The open training sale does not block a live sale, and stays as it was.
    assert_eq!(one_sale(&counter).await, Backend::Live);
    let left = counter.till.sale_detail("train-open").unwrap();
    assert_eq!(left.sale.state, SaleState::Open);
    assert!(left.attempts.is_empty());
    drop(counter);

    // The same journal on the embedded sandbox: only the training sales, labelled so.
    let training = Settings::from_vars(vars(vec![]), db.clone()).unwrap();
    let counter = kassa_boot::start_idle(training).await.unwrap();
    let totals = counter
        .till
        .totals_between(from, to, Currency::Dkk)
        .unwrap();
    assert_eq!(
        (totals.sales, totals.paid, totals.paid_minor),
        (2, 1, 99_900)
    );
    let listed = counter.till.sales_between(from, to, 50).unwrap();
    let report =
        day_report(listed, Currency::Dkk, counter.backend()).with_totals(&totals, Currency::Dkk);
    let ids: Vec<&str> = report.sales.iter().map(|l| l.sale_id.as_str()).collect();
    assert_eq!(ids, ["train-open", "train-paid"]);
    assert!(
        report
            .sales
            .iter()
            .all(|l| l.backend_text == Some("Training"))
    );
    assert_eq!(report.totals_label, "Training: paid today");
    let notes: Vec<String> = counter
        .till
        .attention_items()
        .unwrap()
        .into_iter()
        .map(|a| a.note)
        .collect();
    assert_eq!(notes, ["refund training p2"]);
}

#[test]
fn the_read_only_commands_find_the_same_backend_as_the_counter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let backend = |pairs| kassa_boot::configured_backend(vars(pairs), db.clone()).unwrap();
    assert_eq!(backend(vec![]), Backend::Sandbox);
    assert_eq!(
        backend(vec![("KASSA_API_URL", "http://127.0.0.1:4010".into())]),
        Backend::Sandbox
    );
    assert_eq!(
        backend(vec![("KASSA_CLIENT_ID", "id".into())]),
        Backend::Live
    );
    // A Client ID saved in settings.json means live, even with the secret in a keyring
    // that is not asked.
    kassa_boot::SavedSettings {
        client_id: Some("saved-id".into()),
        destination_id: Some("d".into()),
        ..Default::default()
    }
    .save(&kassa_boot::settings_path(&db))
    .unwrap();
    assert_eq!(backend(vec![]), Backend::Live);
}
