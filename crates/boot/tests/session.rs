//! Cashiers at a running counter (issue 12): the default owner on the first start, the
//! start, log in, X report, shut down and training-mode events journaled with employee and
//! till, and the manager checks of the Z report, returns, settings and training mode
//! enforced in kassa-boot, a manager's PIN approving one of them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use kassa_boot::session::{NewStaff, SessionError};
use kassa_boot::{Settings, daybook, handover};
use kassa_journal::Journal;
use kassa_sandbox::SandboxConfig;
use kassa_shop::staff::{Action, Pin, Role};
use kassa_testkit::sandbox_on_loopback;

fn vars(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
    move |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| v.clone())
    }
}

fn training(db: &Path) -> Settings {
    Settings::from_vars(vars(vec![]), db.to_owned()).unwrap()
}

fn pin(s: &str) -> Pin {
    Pin::parse(s).unwrap()
}

/// (code, employee, training) of every journal event, oldest first.
fn events(db: &Path) -> Vec<(u32, Option<String>, bool)> {
    Journal::open(db)
        .unwrap()
        .journal_events(0, i64::MAX)
        .unwrap()
        .into_iter()
        .map(|e| (e.code, e.employee, e.training))
        .collect()
}

fn owner() -> Option<String> {
    Some("1".into())
}

#[tokio::test]
async fn a_one_person_till_starts_logged_in_as_the_owner_and_journals_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let counter = kassa_boot::start(training(&db)).await.unwrap();
    let acting = counter.acting().unwrap();
    assert_eq!((acting.id.as_str(), acting.name.as_str()), ("1", "Owner"));
    assert_eq!(counter.staff().unwrap().len(), 1);
    daybook::report_x(&counter, counter.now_ms()).unwrap();
    counter.stop().await;
    assert_eq!(
        events(&db),
        [
            (13001, None, true),
            (13003, owner(), true),
            (13008, owner(), true),
            (13002, owner(), true),
        ]
    );
    // A second start: the same single owner, started and logged in again.
    let counter = kassa_boot::start(training(&db)).await.unwrap();
    assert_eq!(counter.staff().unwrap().len(), 1);
    counter.stop().await;
    assert_eq!(events(&db).len(), 7);
    // Every event names the till.
    let tills: Vec<String> = Journal::open(&db)
        .unwrap()
        .journal_events(0, i64::MAX)
        .unwrap()
        .into_iter()
        .map(|e| e.till)
        .collect();
    assert!(tills.iter().all(|t| !t.is_empty() && *t == tills[0]));
}

#[tokio::test]
async fn a_cashier_is_refused_the_z_and_a_return_until_a_manager_approves_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let counter = kassa_boot::start(training(&db)).await.unwrap();
    counter.set_pin("1", &pin("1111")).unwrap();
    counter
        .add_employee(&NewStaff {
            id: "7",
            name: "Kari",
            role: Role::Cashier,
            pin: pin("4711"),
        })
        .unwrap();
    counter.log_in("7", Some(&pin("4711"))).unwrap();
    assert_eq!(counter.acting().unwrap().id, "7");

    let now = counter.now_ms();
    let refused = daybook::close_day(&counter, now).unwrap_err();
    assert_eq!(refused.to_string(), "The Z report needs a manager.");
    let refused = daybook::mark_transfer_sent(&counter, 1, "sent", now).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "Marking a bank transfer sent needs a manager."
    );
    let refused = daybook::return_sale(&counter, "nope", None, "broken", now).unwrap_err();
    assert_eq!(refused.to_string(), "A return needs a manager.");
    let shop = counter.shop_form();
    assert_eq!(
        counter.save_shop(&shop).unwrap_err().to_string(),
        "Changing the settings needs a manager."
    );
    assert!(matches!(
        counter.check(Action::ZReport),
        Err(SessionError::Staff(_))
    ));
    // The X report is every cashier's.
    daybook::report_x(&counter, now).unwrap();

    // A wrong manager PIN approves nothing; the right one approves the Z once.
    assert_eq!(
        counter
            .approve(Action::ZReport, "1", Some(&pin("2222")))
            .unwrap_err()
            .to_string(),
        "Wrong PIN."
    );
    counter
        .approve(Action::ZReport, "1", Some(&pin("1111")))
        .unwrap();
    counter.check(Action::ZReport).unwrap();
    let z = daybook::close_day(&counter, counter.now_ms()).unwrap();
    assert_eq!(z.kind, "z");
    assert!(
        daybook::close_day(&counter, counter.now_ms()).is_err(),
        "used up"
    );
    // The cashier is still the one logged in.
    assert_eq!(counter.acting().unwrap().id, "7");
    counter.stop().await;
    let kari = Some("7".to_string());
    let seen = events(&db);
    assert!(seen.contains(&(13003, kari.clone(), true)));
    assert!(seen.contains(&(13008, kari.clone(), true)));
    assert_eq!(seen.last(), Some(&(13002, kari, true)));
}

#[tokio::test]
async fn moving_between_training_and_live_is_a_managers_switch_journaled_both_ways() {
    let standalone = sandbox_on_loopback(SandboxConfig::default()).await;
    let defaults = SandboxConfig::default();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let live = Settings::from_vars(
        vars(vec![
            ("KASSA_API_URL", standalone.base_url().to_owned()),
            ("KASSA_CLIENT_ID", defaults.client_id.clone()),
            ("KASSA_CUSTOM_API", "1".into()),
            ("KASSA_CLIENT_SECRET", defaults.client_secret.clone()),
            ("KASSA_DESTINATION_ID", defaults.destination_ids[0].clone()),
        ]),
        db.clone(),
    )
    .unwrap();
    let counter = kassa_boot::start(live.clone()).await.unwrap();
    assert!(!counter.training());
    counter.check_settings_change(&training(&db)).unwrap();
    let counter = handover(counter, training(&db)).await.unwrap();
    assert!(counter.training());
    assert_eq!(counter.acting().unwrap().id, "1", "still logged in");
    let counter = handover(counter, live.clone()).await.unwrap();

    // A cashier may not switch: refused, and the counter keeps running as it was.
    counter.set_pin("1", &pin("1111")).unwrap();
    counter
        .add_employee(&NewStaff {
            id: "7",
            name: "Kari",
            role: Role::Cashier,
            pin: pin("4711"),
        })
        .unwrap();
    counter.log_in("7", Some(&pin("4711"))).unwrap();
    assert_eq!(
        counter
            .check_settings_change(&training(&db))
            .unwrap_err()
            .to_string(),
        "Turning training mode on or off needs a manager."
    );
    let failed = handover(counter, training(&db)).await.unwrap_err();
    assert_eq!(
        failed.to_string(),
        "Turning training mode on or off needs a manager. Kassa keeps running on the current settings."
    );
    let counter = failed.previous.unwrap();
    assert!(!counter.training());
    counter.stop().await;

    let codes: Vec<(u32, Option<String>, bool)> = events(&db)
        .into_iter()
        .filter(|(c, _, _)| matches!(c, 13001 | 13002 | 13023 | 13024))
        .collect();
    assert_eq!(
        codes,
        [
            (13001, None, false),
            (13023, owner(), true),
            (13024, owner(), false),
            (13002, Some("7".into()), false),
        ]
    );
}
