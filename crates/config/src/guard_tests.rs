//! Issue 10, parts 6 and 7: the settings-level protections (where the money goes, where the
//! secret goes, who may change how long a link lives), each through the one validator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use super::*;

fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
    let owned: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k: &str| {
        owned
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    }
}

const LIVE: [(&str, &str); 4] = [
    ("KASSA_CLIENT_ID", "id"),
    ("KASSA_CLIENT_SECRET", "s3cret"),
    ("KASSA_DESTINATION_ID", "d"),
    ("KASSA_REDIRECT_URL", "https://shop.example/thanks"),
];

fn live_with(extra: &[(&'static str, &'static str)]) -> Result<Settings, ConfigError> {
    let mut pairs: Vec<(&str, &str)> = LIVE.to_vec();
    pairs.extend_from_slice(extra);
    Settings::from_vars(vars(&pairs), "x.db".into())
}

#[test]
fn live_takes_only_aiias_own_addresses_unless_the_custom_option_is_on() {
    for ok in [
        "https://api.aiia.eu",
        "https://api.aiia.eu/",
        "https://api-sandbox.aiia.eu",
    ] {
        live_with(&[("KASSA_API_URL", ok)]).unwrap();
    }
    live_with(&[]).unwrap();
    for bad in [
        "https://evil.example",
        "https://api.aiia.eu.evil.example",
        "http://api.aiia.eu",
        "http://127.0.0.1:4010",
        "https://api.aiia.eu:8443",
    ] {
        let e = live_with(&[("KASSA_API_URL", bad)]).unwrap_err();
        assert_eq!(e.fields()[0].field, Field::ApiUrl, "{bad}: {e}");
        let text = e.to_string();
        assert!(text.contains("https://api.aiia.eu"), "{text}");
        assert!(text.contains("KASSA_CUSTOM_API"), "{text}");
    }
    // The labelled option lets a test service in: https anywhere, http on loopback only.
    for ok in [
        "https://test.example",
        "http://127.0.0.1:4010",
        "http://[::1]:4010",
        "http://localhost:4010",
    ] {
        live_with(&[("KASSA_API_URL", ok), ("KASSA_CUSTOM_API", "1")]).unwrap();
    }
    let e = live_with(&[
        ("KASSA_API_URL", "http://10.0.0.5:4010"),
        ("KASSA_CUSTOM_API", "1"),
    ])
    .unwrap_err();
    assert!(e.to_string().contains("loopback"), "{e}");
}

#[test]
fn plain_http_is_only_for_loopback_in_any_mode() {
    for bad in ["http://10.0.0.5:4010", "http://sandbox.example"] {
        let e = Settings::from_vars(vars(&[("KASSA_API_URL", bad)]), "x.db".into()).unwrap_err();
        assert_eq!(e.fields()[0].field, Field::ApiUrl, "{bad}");
    }
    Settings::from_vars(
        vars(&[("KASSA_API_URL", "http://127.0.0.1:1")]),
        "x.db".into(),
    )
    .unwrap();
}

#[test]
fn the_link_lifetime_is_aiias_minute_against_live_aiia() {
    let s = live_with(&[("KASSA_LINK_TTL_S", "600")]).unwrap();
    assert_eq!(s.link_ttl, Duration::from_secs(60));
    // A sandbox may change it.
    let s = Settings::from_vars(vars(&[("KASSA_LINK_TTL_S", "600")]), "x.db".into()).unwrap();
    assert_eq!(s.link_ttl, Duration::from_secs(600));
}

#[cfg(unix)]
#[test]
fn the_settings_file_is_readable_by_its_user_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    // An older Kassa left it readable by everyone: the next save closes it.
    std::fs::write(&path, "{}").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    SavedSettings {
        client_id: Some("id".into()),
        ..Default::default()
    }
    .save(&path)
    .unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

fn live_form(dest: &str, secret: &str) -> SettingsForm {
    SettingsForm {
        client_id: "id".into(),
        client_secret: secret.into(),
        destination_id: dest.into(),
        destination_name: "Shop savings".into(),
        redirect_url: "https://shop.example/thanks".into(),
        ..SettingsForm::default()
    }
}

#[test]
fn a_new_receiving_account_is_saved_only_once_the_merchant_confirms_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let secrets = MemorySecrets::default();
    let first = live_form("dest-1", "s3cret");
    let e = first.save(&db, &secrets).unwrap_err();
    assert_eq!(e.to_string(), "Send payments to Shop savings (dest-1)?");
    assert!(secrets.get().unwrap().is_none(), "nothing saved");
    assert!(!settings_path(&db).exists());
    SettingsForm {
        confirm_destination: "dest-1".into(),
        ..first
    }
    .save(&db, &secrets)
    .unwrap();
    // The same account again asks nothing; another one asks, and a yes for a different
    // account is no yes for this one.
    live_form("dest-1", "").save(&db, &secrets).unwrap();
    let other = SettingsForm {
        destination_name: String::new(),
        confirm_destination: "dest-1".into(),
        ..live_form("dest-2", "")
    };
    let e = other.save(&db, &secrets).unwrap_err();
    assert!(e.to_string().contains("account dest-2"), "{e}");
    let saved = SavedSettings::load(&settings_path(&db)).unwrap();
    assert_eq!(saved.destination_id.as_deref(), Some("dest-1"));
    // The window asks before it moves the counter, against the same saved settings.
    let e = other.ask_before_save(&db, None).unwrap_err();
    assert!(matches!(e, FormError::Ask(_)), "{e}");
    live_form("dest-1", "").ask_before_save(&db, None).unwrap();
}

#[test]
fn save_asks_first_after_a_failed_or_missing_test_of_new_credentials() {
    let saved = SavedSettings {
        client_id: Some("id".into()),
        destination_id: Some("dest-1".into()),
        ..SavedSettings::default()
    };
    let new_secret = live_form("dest-1", "a-new-secret");
    match new_secret.save_question(&saved, None) {
        Some(Ask::Untested { failed: false, .. }) => {}
        other => panic!("{other:?}"),
    }
    let failed = new_secret.tested(false);
    assert_eq!(
        new_secret
            .save_question(&saved, Some(&failed))
            .unwrap()
            .question(),
        "Test failed: save anyway?"
    );
    assert_eq!(
        new_secret.save_question(&saved, Some(&new_secret.tested(true))),
        None
    );
    // A passed test of other contents is no test of these.
    let passed_other = live_form("dest-1", "another-secret").tested(true);
    assert!(
        new_secret
            .save_question(&saved, Some(&passed_other))
            .is_some()
    );
    // "Save anyway" is the answer; unchanged credentials and the sandbox ask nothing.
    let anyway = SettingsForm {
        save_anyway: true,
        ..new_secret.clone()
    };
    assert_eq!(anyway.save_question(&saved, Some(&failed)), None);
    assert_eq!(live_form("dest-1", "").save_question(&saved, None), None);
    assert_eq!(
        SettingsForm::default().save_question(&saved, Some(&failed)),
        None
    );
}

#[test]
fn a_keyring_secret_is_not_used_for_another_address_given_by_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let secrets = MemorySecrets::default();
    SettingsForm {
        confirm_destination: "dest-1".into(),
        ..live_form("dest-1", "s3cret")
    }
    .save(&db, &secrets)
    .unwrap();
    Settings::load(|_| None, db.clone(), &secrets).unwrap();
    let e = Settings::load(
        vars(&[
            ("KASSA_API_URL", "https://test.example"),
            ("KASSA_CUSTOM_API", "1"),
        ]),
        db,
        &secrets,
    )
    .unwrap_err();
    assert_eq!(
        e.fields()[0].problem,
        Problem::SecretFor(Changed::ApiAddress)
    );
}
