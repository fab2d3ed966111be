//! The settings from the environment and the file, and the one validator: each field's
//! error, and the same error for the same bad value however it comes in (the form, the
//! environment, `kassa setup`'s draft).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::time::Duration;

use kassa_aiia::Secret;
use kassa_money::Currency;

use super::*;

/// The environment `pairs` give, with the shop's page after paying (a live counter needs one).
fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let mut owned: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    owned.push((
        "KASSA_REDIRECT_URL".into(),
        "https://shop.example/thanks".into(),
    ));
    move |k: &str| {
        owned
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    }
}

#[test]
fn no_credentials_means_the_sandbox() {
    let s = Settings::from_vars(vars(&[]), "x.db".into()).unwrap();
    assert_eq!(s.mode(), Mode::Sandbox);
    assert_eq!(s.currency, Currency::Dkk);
    assert_eq!(s.db_path, PathBuf::from("x.db"));
}

#[test]
fn full_credentials_mean_live_and_the_secret_never_prints() {
    let s = Settings::from_vars(
        vars(&[
            ("KASSA_CLIENT_ID", "id"),
            ("KASSA_CLIENT_SECRET", "s3cr3t-value"),
            ("KASSA_DESTINATION_ID", "d"),
            ("KASSA_CURRENCY", "eur"),
            ("KASSA_DB", "/tmp/k.db"),
        ]),
        "x.db".into(),
    )
    .unwrap();
    assert_eq!(s.mode(), Mode::Live);
    assert_eq!(s.currency, Currency::Eur);
    assert!(!format!("{s:?}").contains("s3cr3t"));
}

#[test]
fn half_set_credentials_and_bad_values_are_named() {
    let e = Settings::from_vars(vars(&[("KASSA_CLIENT_ID", "id")]), "x".into()).unwrap_err();
    // Credentials are all or nothing: each missing one is named, with where to set it.
    let fields: Vec<(Field, Problem)> = e
        .fields()
        .iter()
        .map(|f| (f.field, f.problem.clone()))
        .collect();
    assert_eq!(
        fields,
        [
            (Field::ClientSecret, Problem::Missing),
            (Field::DestinationId, Problem::Missing)
        ]
    );
    assert_eq!(
        e.to_string(),
        "Enter the Client Secret: none is given (KASSA_CLIENT_SECRET) and none is stored in the keyring of this computer yet; \
             Enter the destination (KASSA_DESTINATION_ID), or press Connect bank account in Settings to choose it"
    );
    let e = Settings::from_vars(vars(&[("KASSA_CURRENCY", "USD")]), "x".into()).unwrap_err();
    assert!(e.to_string().contains("USD"), "{e}");
    let e = Settings::from_vars(vars(&[("KASSA_AUTH", "digest")]), "x".into()).unwrap_err();
    assert!(e.to_string().contains("bearer or basic"), "{e}");
    let e = Settings::from_vars(
        vars(&[("KASSA_SANDBOX_FAULTS", r#"{"accept": ["boom"]}"#)]),
        "x".into(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("bad setting KASSA_SANDBOX_FAULTS: "),
        "{e}"
    );
    assert!(e.to_string().contains("boom"), "{e}");
}

#[test]
fn load_merges_env_file_and_keyring_with_env_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    SavedSettings {
        api_url: Some("https://api-sandbox.aiia.eu".into()),
        client_id: Some("file-id".into()),
        destination_id: Some("file-dest".into()),
        currency: Some(Currency::Nok),
        ..Default::default()
    }
    .save(&settings_path(&db))
    .unwrap();
    let secrets = MemorySecrets::default();
    // No secret anywhere: refused, naming the keyring.
    let e = Settings::load(vars(&[]), db.clone(), &secrets).unwrap_err();
    assert!(e.to_string().contains("the keyring"), "{e}");
    secrets.set(&Secret::new("from-keyring")).unwrap();
    let s = Settings::load(vars(&[]), db.clone(), &secrets).unwrap();
    assert_eq!(s.mode(), Mode::Live);
    assert_eq!(s.client_id.as_deref(), Some("file-id"));
    assert_eq!(
        s.client_secret.as_ref().map(Secret::expose),
        Some("from-keyring")
    );
    assert_eq!(s.currency, Currency::Nok);
    let s = Settings::load(
        vars(&[
            ("KASSA_CLIENT_ID", "env-id"),
            ("KASSA_CLIENT_SECRET", "env-secret"),
            ("KASSA_CURRENCY", "EUR"),
        ]),
        db,
        &secrets,
    )
    .unwrap();
    assert_eq!(s.client_id.as_deref(), Some("env-id"));
    assert_eq!(
        s.client_secret.as_ref().map(Secret::expose),
        Some("env-secret")
    );
    assert_eq!(s.destination_id.as_deref(), Some("file-dest"));
    assert_eq!(s.currency, Currency::Eur);
}

#[test]
fn the_link_lifetime_defaults_to_aiias_minute_and_a_bad_one_is_named() {
    let s = Settings::from_vars(vars(&[]), "x".into()).unwrap();
    assert_eq!(s.link_ttl, Duration::from_secs(60));
    let s = Settings::from_vars(vars(&[("KASSA_LINK_TTL_S", "12")]), "x".into()).unwrap();
    assert_eq!(s.link_ttl, Duration::from_secs(12));
    for bad in ["5", "soon", "-1"] {
        let e = Settings::from_vars(vars(&[("KASSA_LINK_TTL_S", bad)]), "x".into()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with(&format!("bad setting KASSA_LINK_TTL_S: \"{bad}\"")),
            "{e}"
        );
    }
}

#[test]
fn default_db_path_follows_the_platform_variables() {
    assert_eq!(
        default_db_path(vars(&[("XDG_DATA_HOME", "/d"), ("HOME", "/h")])),
        PathBuf::from("/d/kassa/kassa.db")
    );
    assert_eq!(
        default_db_path(vars(&[("HOME", "/h")])),
        PathBuf::from("/h/.local/share/kassa/kassa.db")
    );
    assert_eq!(default_db_path(vars(&[])), PathBuf::from("kassa.db"));
}

fn one(draft: Draft<'_>) -> FieldError {
    let errors = validate(&draft).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn each_field_has_its_own_error_and_a_sentence() {
    use Field as F;
    use Problem as P;
    let live = Draft {
        client_id: Some("id"),
        client_secret: SecretInput::Given("s"),
        destination_id: Some("d"),
        redirect_url: Some("https://shop.example/thanks"),
        ..Draft::default()
    };
    validate(&live).unwrap();
    validate(&Draft::default()).unwrap();
    let cases: Vec<(Draft<'_>, Field, Problem, &str)> = vec![
        (
            Draft {
                api_url: Some("ftp://x"),
                ..live
            },
            F::ApiUrl,
            P::NotAWebAddress("ftp://x".into()),
            "must be a web address starting with https://",
        ),
        (
            Draft {
                client_id: Some("my id"),
                ..live
            },
            F::ClientId,
            P::HasSpaces,
            "The Client ID (KASSA_CLIENT_ID) cannot contain spaces",
        ),
        (
            Draft {
                client_id: None,
                destination_id: None,
                ..live
            },
            F::ClientId,
            P::Missing,
            "Enter the Client ID",
        ),
        (
            Draft {
                client_secret: SecretInput::Absent,
                ..live
            },
            F::ClientSecret,
            P::Missing,
            "Enter the Client Secret",
        ),
        (
            Draft {
                client_secret: SecretInput::New("  "),
                ..live
            },
            F::ClientSecret,
            P::Missing,
            "the keyring",
        ),
        (
            Draft {
                destination_id: Some("a b"),
                ..live
            },
            F::DestinationId,
            P::HasSpaces,
            "cannot contain spaces",
        ),
        (
            Draft {
                destination_id: None,
                ..live
            },
            F::DestinationId,
            P::Missing,
            "Connect bank account",
        ),
        (
            Draft {
                currency: Some("USD"),
                ..live
            },
            F::Currency,
            P::Unknown("USD".into()),
            "DKK, SEK, NOK or EUR, not \"USD\"",
        ),
        (
            Draft {
                auth: Some("digest"),
                ..live
            },
            F::Auth,
            P::Unknown("digest".into()),
            "bearer or basic",
        ),
        (
            Draft {
                webhook_bind: Some("localhost"),
                webhook_secret: SecretInput::Given("s3cr3t-hook"),
                ..live
            },
            F::WebhookBind,
            P::NotAnAddress("localhost".into()),
            "KASSA_WEBHOOK_BIND",
        ),
        (
            Draft {
                webhook_secret: SecretInput::Given("s3cr3t-hook"),
                ..live
            },
            F::WebhookBind,
            P::Missing,
            "KASSA_WEBHOOK_BIND is missing",
        ),
        (
            Draft {
                webhook_bind: Some("127.0.0.1:8787"),
                ..live
            },
            F::WebhookSecret,
            P::Missing,
            "signing secret is missing (KASSA_WEBHOOK_SECRET or the keyring)",
        ),
        (
            Draft {
                webhook_bind: Some("127.0.0.1:8787"),
                webhook_secret: SecretInput::New("short"),
                ..live
            },
            F::WebhookSecret,
            P::TooShort(WEBHOOK_SECRET_MIN),
            "at least 16 characters",
        ),
        (
            Draft {
                link_ttl: Some("5"),
                ..live
            },
            F::LinkTtl,
            P::OutOfRange("5".into()),
            "bad setting KASSA_LINK_TTL_S: \"5\"",
        ),
        (
            Draft {
                sandbox_faults: Some("{"),
                ..live
            },
            F::SandboxFaults,
            P::Unreadable(String::new()),
            "bad setting KASSA_SANDBOX_FAULTS: ",
        ),
    ];
    for (draft, field, problem, words) in cases {
        let e = one(draft);
        assert_eq!(e.field, field, "{draft:?}");
        if !matches!(problem, P::Unreadable(_)) {
            assert_eq!(e.problem, problem, "{draft:?}");
        }
        assert!(e.to_string().contains(words), "{e}");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["field"], field.form_name());
        assert_eq!(json["message"], e.to_string());
    }
    // A webhook secret already given (the environment) is taken as it is; a new one (typed
    // to be stored) must be long enough.
    validate(&Draft {
        webhook_bind: Some("127.0.0.1:8787"),
        webhook_secret: SecretInput::Given("short"),
        ..live
    })
    .unwrap();
}

#[test]
fn every_problem_comes_back_not_only_the_first() {
    let errors = validate(&Draft {
        api_url: Some("nope"),
        client_id: Some("my id"),
        currency: Some("USD"),
        ..Draft::default()
    })
    .unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::ApiUrl,
            Field::ClientId,
            Field::ClientSecret,
            Field::DestinationId,
            Field::Currency,
            // A live counter (it has a Client ID) against Aiia needs its page after paying.
            Field::RedirectUrl,
        ]
    );
    assert_eq!(
        ConfigError::from(errors.clone()).to_string(),
        sentences(&errors)
    );
}

/// The same bad value gives the same error through the form, the environment (`from_vars`,
/// `load`) and `kassa setup`'s draft (the setup command builds this draft from its
/// arguments and the secret it reads).
#[test]
fn the_form_the_environment_and_setup_report_the_same_error_for_the_same_value() {
    let setup = |api_url: &str, client_id: &str, destination_id: &str, currency: &str| {
        validate(&Draft {
            api_url: Some(api_url).filter(|u| !u.is_empty()),
            client_id: Some(client_id),
            client_secret: SecretInput::New("typed-secret"),
            destination_id: Some(destination_id),
            currency: Some(currency).filter(|c| !c.is_empty()),
            redirect_url: Some("https://shop.example/thanks"),
            ..Draft::default()
        })
        .unwrap_err()
    };
    let form = |api_url: &str, client_id: &str, destination_id: &str| SettingsForm {
        api_url: api_url.into(),
        client_id: client_id.into(),
        client_secret: "typed-secret".into(),
        destination_id: destination_id.into(),
        redirect_url: "https://shop.example/thanks".into(),
        ..SettingsForm::default()
    };
    let env = |pairs: &[(&str, &str)]| {
        let mut all = vec![("KASSA_CLIENT_SECRET", "typed-secret")];
        all.extend_from_slice(pairs);
        Settings::from_vars(vars(&all), "x.db".into())
            .unwrap_err()
            .fields()
            .to_vec()
    };
    let file = |saved: SavedSettings| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        saved.save(&settings_path(&db)).unwrap();
        let secrets = MemorySecrets::default();
        secrets.set(&Secret::new("stored-secret")).unwrap();
        Settings::load(vars(&[]), db, &secrets)
            .unwrap_err()
            .fields()
            .to_vec()
    };

    // A bad API address.
    let from_form = form("ftp://x", "id", "d")
        .validate(false, false)
        .unwrap_err();
    let from_env = env(&[
        ("KASSA_API_URL", "ftp://x"),
        ("KASSA_CLIENT_ID", "id"),
        ("KASSA_DESTINATION_ID", "d"),
    ]);
    let from_file = file(SavedSettings {
        api_url: Some("ftp://x".into()),
        client_id: Some("id".into()),
        destination_id: Some("d".into()),
        ..SavedSettings::default()
    });
    let from_setup = setup("ftp://x", "id", "d", "");
    assert_eq!(from_form, from_env);
    assert_eq!(from_env, from_file);
    assert_eq!(from_env, from_setup);
    assert_eq!(from_env[0].field, Field::ApiUrl);

    // A Client ID with a space.
    let from_form = form("", "my id", "d").validate(false, false).unwrap_err();
    let from_env = env(&[("KASSA_CLIENT_ID", "my id"), ("KASSA_DESTINATION_ID", "d")]);
    let from_setup = setup("", "my id", "d", "");
    assert_eq!(from_form, from_env);
    assert_eq!(from_env, from_setup);
    assert_eq!(
        from_env,
        [FieldError::new(Field::ClientId, Problem::HasSpaces)]
    );

    // No destination with a Client ID; a destination with a space.
    let from_form = form("", "id", "").validate(false, false).unwrap_err();
    let from_env = env(&[("KASSA_CLIENT_ID", "id")]);
    let from_setup = setup("", "id", " ", "");
    assert_eq!(from_form, from_env);
    assert_eq!(from_env, from_setup);
    assert_eq!(
        from_env,
        [FieldError::new(Field::DestinationId, Problem::Missing)]
    );
    let from_form = form("", "id", "a b").validate(false, false).unwrap_err();
    let from_env = env(&[("KASSA_CLIENT_ID", "id"), ("KASSA_DESTINATION_ID", "a b")]);
    assert_eq!(from_form, from_env);
    assert_eq!(from_env, setup("", "id", "a b", ""));

    // A currency Kassa does not take: the environment and setup (the form picks from a list).
    let from_env = env(&[
        ("KASSA_CLIENT_ID", "id"),
        ("KASSA_DESTINATION_ID", "d"),
        ("KASSA_CURRENCY", "USD"),
    ]);
    assert_eq!(from_env, setup("", "id", "d", "USD"));
    assert_eq!(
        from_env,
        [FieldError::new(
            Field::Currency,
            Problem::Unknown("USD".into())
        )]
    );

    // A webhook address without a port, through the form and the environment.
    let from_form = SettingsForm {
        webhook_bind: "8787".into(),
        webhook_secret: "0123456789abcdef".into(),
        ..SettingsForm::default()
    }
    .validate(false, false)
    .unwrap_err();
    let from_env = Settings::from_vars(
        vars(&[
            ("KASSA_WEBHOOK_BIND", "8787"),
            ("KASSA_WEBHOOK_SECRET", "0123456789abcdef"),
        ]),
        "x.db".into(),
    )
    .unwrap_err();
    assert_eq!(from_form, from_env.fields());
    assert_eq!(
        from_form,
        [FieldError::new(
            Field::WebhookBind,
            Problem::NotAnAddress("8787".into())
        )]
    );
}

#[test]
fn settings_made_in_code_go_through_the_same_validator() {
    let mut s = Settings::from_vars(vars(&[]), "x.db".into()).unwrap();
    s.validate().unwrap();
    s.client_id = Some("id".into());
    let errors = s.validate().unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::ClientSecret, Field::DestinationId]);
    s.client_secret = Some(Secret::new("s"));
    s.destination_id = Some("d".into());
    s.api_url = Some("not a url".into());
    assert_eq!(s.validate().unwrap_err()[0].field, Field::ApiUrl);
    s.api_url = None;
    s.validate().unwrap();
}

#[test]
fn the_language_setting_is_saved_alone_kept_by_the_form_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let path = settings_path(&db);
    SavedSettings {
        currency: Some(Currency::Nok),
        ..Default::default()
    }
    .save(&path)
    .unwrap();
    save_language(&db, Some(kassa_i18n::Lang::Nb)).unwrap();
    let saved = SavedSettings::load(&path).unwrap();
    assert_eq!(saved.language.as_deref(), Some("nb"));
    assert_eq!(
        saved.currency,
        Some(Currency::Nok),
        "the rest of the file is kept"
    );
    let s = Settings::load(vars(&[]), db.clone(), &MemorySecrets::default()).unwrap();
    assert_eq!(s.language, Some(kassa_i18n::Lang::Nb));

    // The settings form saves its own fields and keeps the language.
    SettingsForm {
        currency: Some(Currency::Sek),
        redirect_url: "https://shop.example/thanks".into(),
        ..SettingsForm::default()
    }
    .save(&db, &MemorySecrets::default())
    .unwrap();
    let saved = SavedSettings::load(&path).unwrap();
    assert_eq!(saved.currency, Some(Currency::Sek));
    assert_eq!(saved.language.as_deref(), Some("nb"));

    // Back to the system's language; a hand-written language Kassa does not speak is none.
    save_language(&db, None).unwrap();
    assert_eq!(SavedSettings::load(&path).unwrap().language, None);
    let odd = SavedSettings {
        language: Some("de".into()),
        ..Default::default()
    };
    assert_eq!(odd.language(), None);
}
