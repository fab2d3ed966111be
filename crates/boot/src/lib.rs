//! Turns settings into a running counter: the journal, the Aiia client (or the embedded
//! sandbox when no real credentials are set) and the engine. The desktop app and the `kassa`
//! CLI both start here, so they behave the same.

mod day;
mod doctor;
mod form;
mod lifecycle;
mod onboard;
mod saved;
mod secrets;
mod serve;
pub mod webhook_listener;
pub mod words;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use kassa_aiia::{AuthMode, Client, Config, Secret};
pub use kassa_journal::Backend;
use kassa_journal::{Journal, JournalError, OwnerLock};
use kassa_money::{Currency, MoneyError};
use kassa_sandbox::{Faults, RunningSandbox, Sandbox, SandboxConfig};
use kassa_till::{CrashHooks, RandomIds, SystemClock, Till, TillConfig};
use serde::Serialize;

pub use day::{DayReport, SaleLine, TRAINING, day_report, local_day_bounds};
pub use doctor::{Check, doctor};
pub use form::{FieldError, FormError, SettingsForm, SettingsView};
pub use lifecycle::{HandoverFailed, handover};
pub use onboard::{
    CONNECT_TIMEOUT, ConnectError, ConnectFlow, DEFAULT_REDIRECT, random_state, save_destination,
};
pub use saved::{SavedError, SavedSettings, settings_path};
pub use secrets::{
    KEYRING_ACCOUNT, KEYRING_SERVICE, Keyring, MemorySecrets, SecretError, SecretKind, SecretStore,
};
pub use webhook_listener::{WebhookListener, WebhookSettings, WebhookStats};

/// Where the counter sends payments, as the screen names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Kassa's own Aiia sandbox (embedded, or one started with `kassa sandbox`).
    Sandbox,
    /// Aiia with the merchant's credentials.
    Live,
}

impl Mode {
    /// The backend the counter's sales are recorded on: sandbox sales are training and
    /// never count in live totals, reports or exports.
    pub fn backend(self) -> Backend {
        match self {
            Mode::Sandbox => Backend::Sandbox,
            Mode::Live => Backend::Live,
        }
    }
}

/// Everything a counter needs to start. Secrets are [`Secret`]s and never print.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `None`: Aiia production when credentials are set, else the embedded sandbox.
    pub api_url: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<Secret>,
    pub destination_id: Option<String>,
    pub currency: Currency,
    pub auth: AuthMode,
    pub db_path: PathBuf,
    /// The webhook listener; `None` (the default) keeps it off.
    pub webhook: Option<WebhookSettings>,
    /// Faults the embedded sandbox injects from the start (`KASSA_SANDBOX_FAULTS`, JSON),
    /// for demonstrations; ignored by a real or external service.
    pub sandbox_faults: Faults,
    /// The loopback address the Connect flow's browser comes back to
    /// (`KASSA_CONNECT_REDIRECT`, else [`DEFAULT_REDIRECT`]); it must be registered at Aiia.
    pub connect_redirect: String,
    /// Open the system browser for the Connect flow (`KASSA_OPEN_BROWSER=0` turns it off:
    /// the address is shown to open by hand).
    pub open_browser: bool,
    /// How long the service keeps a payment link valid (`KASSA_LINK_TTL_S`, default 60 s,
    /// Aiia's value). Only a sandbox started with `--link-ttl` needs another value.
    pub link_ttl: Duration,
    /// Crash points for crash-safety tests; none unless a host installs a hook.
    pub crash: CrashHooks,
    /// Who drives sales on the journal, in words, for a second start refused while this
    /// counter runs: "the Kassa app", "kassa charge" (default [`DEFAULT_OWNER`]).
    pub owner: String,
}

/// The owner a counter names in the journal's lock file unless the host says who it is.
pub const DEFAULT_OWNER: &str = "Kassa";

#[derive(Debug, thiserror::Error)]
pub enum BootError {
    #[error("{0}")]
    Setting(String),
    #[error("bad setting KASSA_CURRENCY: {0}")]
    Currency(#[from] MoneyError),
    #[error(transparent)]
    Aiia(#[from] kassa_aiia::AiiaError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("cannot start the built-in sandbox: {0}")]
    Sandbox(#[source] std::io::Error),
    #[error(transparent)]
    Till(#[from] kassa_till::TillError),
    #[error(transparent)]
    Saved(#[from] SavedError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("cannot listen for webhooks on {addr}: {source}")]
    Webhook {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

impl Settings {
    /// Settings from the environment alone: `KASSA_API_URL`, `KASSA_CLIENT_ID`,
    /// `KASSA_CLIENT_SECRET`, `KASSA_DESTINATION_ID`, `KASSA_CURRENCY`, `KASSA_AUTH`
    /// (`bearer` or `basic`) and `KASSA_DB`, read through `var` so tests pass their own.
    /// `KASSA_WEBHOOK_BIND` (e.g. `127.0.0.1:8787`) with `KASSA_WEBHOOK_SECRET` turns the
    /// webhook listener on. `KASSA_SANDBOX_FAULTS` (JSON) makes the embedded sandbox inject
    /// faults.
    pub fn from_vars(
        var: impl Fn(&str) -> Option<String>,
        default_db: PathBuf,
    ) -> Result<Self, BootError> {
        Self::from_parts(var, &SavedSettings::default(), None, None, default_db)
    }

    /// Settings as the app and the CLI use them: the environment first, then the settings
    /// file beside the journal, and the Client Secret from the keyring when the environment
    /// does not give one (the keyring is only asked when a Client ID is set).
    pub fn load(
        var: impl Fn(&str) -> Option<String>,
        default_db: PathBuf,
        secrets: &dyn SecretStore,
    ) -> Result<Self, BootError> {
        let db = db_path(&var, default_db.clone());
        let saved = SavedSettings::load(&settings_path(&db))?;
        let has_id = env_value(&var, "KASSA_CLIENT_ID").is_some() || saved.client_id.is_some();
        let keyring = if has_id && env_value(&var, "KASSA_CLIENT_SECRET").is_none() {
            secrets.get()?
        } else {
            None
        };
        let has_bind =
            env_value(&var, "KASSA_WEBHOOK_BIND").is_some() || saved.webhook_bind.is_some();
        let webhook_secret = if has_bind && env_value(&var, "KASSA_WEBHOOK_SECRET").is_none() {
            secrets.get_kind(SecretKind::WebhookSecret)?
        } else {
            None
        };
        Self::from_parts(var, &saved, keyring, webhook_secret, default_db)
    }

    fn from_parts(
        var: impl Fn(&str) -> Option<String>,
        saved: &SavedSettings,
        keyring_secret: Option<Secret>,
        keyring_webhook_secret: Option<Secret>,
        default_db: PathBuf,
    ) -> Result<Self, BootError> {
        let get = |k: &str| env_value(&var, k);
        let currency = match get("KASSA_CURRENCY") {
            Some(c) => c.parse()?,
            None => saved.currency.unwrap_or(Currency::Dkk),
        };
        let auth = match get("KASSA_AUTH")
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("bearer") => AuthMode::Bearer,
            Some("basic") => AuthMode::Basic,
            Some(other) => {
                return Err(BootError::Setting(format!(
                    "bad setting KASSA_AUTH: \"{other}\" (use bearer or basic)"
                )));
            }
        };
        let sandbox_faults = match get("KASSA_SANDBOX_FAULTS") {
            Some(json) => Faults::from_json(&json).map_err(|e| {
                BootError::Setting(format!("bad setting KASSA_SANDBOX_FAULTS: {e}"))
            })?,
            None => Faults::default(),
        };
        let link_ttl = match get("KASSA_LINK_TTL_S") {
            None => Duration::from_secs(60),
            Some(v) => match v.parse::<u64>() {
                Ok(s) if (10..=3600).contains(&s) => Duration::from_secs(s),
                _ => {
                    return Err(BootError::Setting(format!(
                        "bad setting KASSA_LINK_TTL_S: \"{v}\" (seconds a payment link lives, 10 to 3600; Aiia's is 60)"
                    )));
                }
            },
        };
        let settings = Settings {
            api_url: get("KASSA_API_URL").or_else(|| saved.api_url.clone()),
            client_id: get("KASSA_CLIENT_ID").or_else(|| saved.client_id.clone()),
            client_secret: get("KASSA_CLIENT_SECRET")
                .map(Secret::new)
                .or(keyring_secret),
            destination_id: get("KASSA_DESTINATION_ID").or_else(|| saved.destination_id.clone()),
            currency,
            auth,
            db_path: db_path(&var, default_db),
            webhook: webhook_settings(
                get("KASSA_WEBHOOK_BIND").or_else(|| saved.webhook_bind.clone()),
                get("KASSA_WEBHOOK_SECRET")
                    .map(Secret::new)
                    .or(keyring_webhook_secret),
            )?,
            sandbox_faults,
            connect_redirect: get("KASSA_CONNECT_REDIRECT")
                .unwrap_or_else(|| DEFAULT_REDIRECT.to_owned()),
            open_browser: !matches!(
                get("KASSA_OPEN_BROWSER")
                    .map(|v| v.to_ascii_lowercase())
                    .as_deref(),
                Some("0" | "no" | "false" | "off")
            ),
            link_ttl,
            crash: CrashHooks::none(),
            owner: DEFAULT_OWNER.to_owned(),
        };
        settings.check()?;
        Ok(settings)
    }

    /// Credentials are all or nothing: a half-configured live counter is refused with the
    /// name of what is missing. A destination alone is fine: the sandbox pays into it.
    fn check(&self) -> Result<(), BootError> {
        if self.client_id.is_none() && self.client_secret.is_none() {
            return Ok(());
        }
        let given = [
            ("the Client ID (KASSA_CLIENT_ID)", self.client_id.is_some()),
            (
                "the Client Secret (KASSA_CLIENT_SECRET or the keyring)",
                self.client_secret.is_some(),
            ),
            (
                "the destination (KASSA_DESTINATION_ID, or Connect bank account in Settings)",
                self.destination_id.is_some(),
            ),
        ];
        let missing: Vec<&str> = given
            .iter()
            .filter(|(_, set)| !set)
            .map(|(k, _)| *k)
            .collect();
        if !missing.is_empty() {
            return Err(BootError::Setting(format!(
                "real Aiia credentials are only partly set: {} missing",
                missing.join(", ")
            )));
        }
        Ok(())
    }

    pub fn mode(&self) -> Mode {
        if self.client_id.is_some() {
            Mode::Live
        } else {
            Mode::Sandbox
        }
    }

    /// The backend this counter's sales are recorded on (from [`Settings::mode`]).
    pub fn backend(&self) -> Backend {
        self.mode().backend()
    }
}

/// The backend a counter started with these settings would record its sales on, read
/// without asking the keyring or checking the rest: for the commands that only read the
/// journal (`status`, `export`), so a locked keyring never stops a report. The same rule
/// as [`Settings::mode`]: a Client ID (environment or settings file) means live.
pub fn configured_backend(
    var: impl Fn(&str) -> Option<String>,
    default_db: PathBuf,
) -> Result<Backend, BootError> {
    let db = db_path(&var, default_db);
    let live = env_value(&var, "KASSA_CLIENT_ID").is_some()
        || SavedSettings::load(&settings_path(&db))?
            .client_id
            .is_some();
    Ok(if live { Mode::Live } else { Mode::Sandbox }.backend())
}

/// A fresh secret for the embedded sandbox's webhooks, new at every start (244 random bits
/// from the OS). The merchant's webhook secret never goes to the sandbox, and a secret the
/// sandbox signs with is never the one a live listener checks.
fn throwaway_webhook_secret() -> String {
    format!(
        "sandbox-{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// The journal's path: `KASSA_DB` when set, else `default_db`. The settings file and the
/// app's and CLI's journal commands all go by this one rule.
pub fn db_path(var: &impl Fn(&str) -> Option<String>, default_db: PathBuf) -> PathBuf {
    env_value(var, "KASSA_DB")
        .map(PathBuf::from)
        .unwrap_or(default_db)
}

fn env_value(var: &impl Fn(&str) -> Option<String>, key: &str) -> Option<String> {
    var(key)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The webhook listener is on with both settings, off with neither; one alone is refused.
fn webhook_settings(
    bind: Option<String>,
    secret: Option<Secret>,
) -> Result<Option<WebhookSettings>, BootError> {
    match (bind, secret) {
        (None, None) => Ok(None),
        (Some(bind), Some(secret)) => {
            let addr = bind.parse().map_err(|_| {
                BootError::Setting(format!(
                    "bad setting KASSA_WEBHOOK_BIND: \"{bind}\" (use an address and port, e.g. 127.0.0.1:8787)"
                ))
            })?;
            Ok(Some(WebhookSettings::new(addr, secret)))
        }
        (Some(_), None) => Err(BootError::Setting(
            "the webhook listen address is set but its signing secret is missing (KASSA_WEBHOOK_SECRET or the keyring): the listener needs both".into(),
        )),
        (None, Some(_)) => Err(BootError::Setting(
            "KASSA_WEBHOOK_SECRET is set but KASSA_WEBHOOK_BIND is missing: the listener needs both".into(),
        )),
    }
}

/// A started counter. Keep it alive as long as sales run: it owns the embedded sandbox, the
/// webhook listener and the journal's lock (one owner per journal);
/// [`Counter::stop`] lets go of all three.
pub struct Counter {
    pub till: Till<Client>,
    pub mode: Mode,
    pub api_url: String,
    pub currency: Currency,
    sandbox: Option<RunningSandbox>,
    webhooks: Option<WebhookListener>,
    /// What it was started with, to start it again ([`handover`]).
    settings: Settings,
    /// Declared last: dropped after the engine and its journal.
    owner: OwnerLock,
}

impl Counter {
    /// The embedded sandbox, when the counter runs on it.
    pub fn sandbox(&self) -> Option<&RunningSandbox> {
        self.sandbox.as_ref()
    }

    /// The webhook listener, when it is on.
    pub fn webhooks(&self) -> Option<&WebhookListener> {
        self.webhooks.as_ref()
    }

    /// The backend this counter records its sales on (sandbox sales are training).
    pub fn backend(&self) -> Backend {
        self.till.config().backend
    }

    /// Verified webhooks make the engine poll at once (else polling alone finds changes).
    pub fn webhooks_on(&self) -> bool {
        self.webhooks.is_some()
    }

    /// The settings this counter was started with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

/// The Aiia client the settings ask for, with the destination to pay into; starts the
/// embedded sandbox (returned, to keep alive) when no credentials and no API address are set.
pub async fn connect(
    settings: &Settings,
) -> Result<(Client, String, Option<RunningSandbox>), BootError> {
    let embedded = settings.mode() == Mode::Sandbox && settings.api_url.is_none();
    if !embedded && !settings.sandbox_faults.is_none() {
        tracing::warn!("KASSA_SANDBOX_FAULTS only applies to the built-in sandbox; ignored");
    }
    let (config, destination, sandbox) = match settings.mode() {
        Mode::Live => {
            let url = settings
                .api_url
                .clone()
                .unwrap_or_else(|| kassa_aiia::PRODUCTION_URL.into());
            let mut config = Config::new(
                url,
                settings.client_id.clone().unwrap_or_default(),
                settings
                    .client_secret
                    .clone()
                    .unwrap_or_else(|| Secret::new("")),
            );
            config.auth = settings.auth;
            (
                config,
                settings.destination_id.clone().unwrap_or_default(),
                None,
            )
        }
        Mode::Sandbox => {
            let defaults = SandboxConfig::default();
            // A destination connected on the sandbox's own Connect flow, else its first one.
            let destination = settings
                .destination_id
                .clone()
                .or_else(|| defaults.destination_ids.first().cloned())
                .unwrap_or_default();
            let (url, running) = match &settings.api_url {
                Some(url) => (url.clone(), None),
                None => {
                    let config = SandboxConfig {
                        faults: settings.sandbox_faults.clone(),
                        link_ttl: settings.link_ttl,
                        webhook_secret: throwaway_webhook_secret(),
                        ..defaults.clone()
                    };
                    if !config.faults.is_none() {
                        tracing::warn!(faults = ?config.faults, "the built-in sandbox injects faults");
                    }
                    let running = Sandbox::new(config)
                        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
                        .await
                        .map_err(BootError::Sandbox)?;
                    tracing::info!(url = running.base_url(), "built-in Aiia sandbox started");
                    (running.base_url().to_owned(), Some(running))
                }
            };
            let config = Config::new(url, defaults.client_id, Secret::new(defaults.client_secret));
            (config, destination, running)
        }
    };
    Ok((Client::new(config)?, destination, sandbox))
}

/// Opens the journal, connects to Aiia (starting the embedded sandbox if no real
/// credentials are set and no API address is given) and resumes open sales.
pub async fn start(settings: Settings) -> Result<Counter, BootError> {
    let counter = start_idle(settings).await?;
    let open = counter.till.resume()?;
    if !open.is_empty() {
        tracing::info!(count = open.len(), "resumed open sales");
    }
    Ok(counter)
}

/// As [`start`], but nothing is resumed yet: the host subscribes to the engine's events
/// first (so it sees the codes of resumed sales), then calls `till.resume()`.
/// The journal is taken first ([`OwnerLock`]): while another process (or counter) drives
/// sales on it, the start is refused with [`JournalError::InUse`], naming that owner, and
/// nothing is read or written.
pub async fn start_idle(settings: Settings) -> Result<Counter, BootError> {
    let owner = OwnerLock::acquire(&settings.db_path, &settings.owner)?;
    let journal = Journal::open(&settings.db_path)?;
    verify_later(settings.db_path.clone());
    let (client, destination, sandbox) = connect(&settings).await?;
    let api_url = client.base_url().to_owned();
    let till = Till::new(
        client,
        journal,
        std::sync::Arc::new(SystemClock),
        std::sync::Arc::new(RandomIds),
        TillConfig {
            link_ttl: settings.link_ttl,
            crash: settings.crash.clone(),
            backend: settings.backend(),
            ..TillConfig::new(destination)
        },
    );
    let webhooks = match &settings.webhook {
        Some(webhook) => {
            let poked = till.clone();
            let on_event: webhook_listener::OnEvent = std::sync::Arc::new(move |_| poked.poke());
            // On the embedded sandbox the listener checks the sandbox's throwaway secret
            // (new at every start), not the merchant's: that one never leaves the keyring
            // for the sandbox, and nothing signed by a sandbox is valid for a live listener.
            let listen = match &sandbox {
                Some(running) => WebhookSettings {
                    secret: Secret::new(running.sandbox().config().webhook_secret.clone()),
                    ..webhook.clone()
                },
                None => webhook.clone(),
            };
            let listener = WebhookListener::bind(&listen, on_event)
                .await
                .map_err(|source| BootError::Webhook {
                    addr: webhook.bind,
                    source,
                })?;
            // The embedded sandbox sends its events to this listener, signed with its own
            // secret.
            if let Some(running) = &sandbox {
                running
                    .sandbox()
                    .set_webhook(Some(listener.url().to_owned()), None);
            }
            Some(listener)
        }
        None => None,
    };
    Ok(Counter {
        till,
        mode: settings.mode(),
        api_url,
        currency: settings.currency,
        sandbox,
        webhooks,
        settings,
        owner,
    })
}

/// Opens `url` in the system's browser, without waiting for it.
pub fn open_in_browser(url: &str) -> Result<(), String> {
    open::that_detached(url).map_err(|e| format!("cannot open the browser: {e}"))
}

/// How long after start the whole journal is checked, out of the way of start-up.
const VERIFY_AFTER: std::time::Duration = std::time::Duration::from_secs(10);

/// Opening checks only what a start reads (cheap at any size); the whole file is checked in
/// the background a little later, and damage is logged as an error.
fn verify_later(db: PathBuf) {
    tokio::spawn(async move {
        tokio::time::sleep(VERIFY_AFTER).await;
        let started = std::time::Instant::now();
        match tokio::task::spawn_blocking(move || Journal::verify_file(&db)).await {
            Ok(Ok(())) => {
                tracing::info!(took = ?started.elapsed(), "the whole journal checked: ok")
            }
            Ok(Err(e)) => tracing::error!(error = %e, "the journal failed its full check"),
            Err(e) => tracing::warn!(error = %e, "the journal check did not finish"),
        }
    });
}

/// The default journal path for a user: `$XDG_DATA_HOME/kassa/kassa.db`, else
/// `~/.local/share/kassa/kassa.db` (on Windows `%APPDATA%\kassa\kassa.db`), else `./kassa.db`.
pub fn default_db_path(var: impl Fn(&str) -> Option<String>) -> PathBuf {
    let base = var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| var("APPDATA").map(PathBuf::from))
        .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".local").join("share")));
    match base {
        Some(b) => b.join("kassa").join("kassa.db"),
        None => PathBuf::from("kassa.db"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
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
        assert_eq!(
            e.to_string(),
            "real Aiia credentials are only partly set: the Client Secret (KASSA_CLIENT_SECRET or the keyring), the destination (KASSA_DESTINATION_ID, or Connect bank account in Settings) missing"
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
            let e =
                Settings::from_vars(vars(&[("KASSA_LINK_TTL_S", bad)]), "x".into()).unwrap_err();
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

    #[tokio::test]
    async fn the_embedded_sandbox_takes_its_faults_from_the_settings() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings::from_vars(
            vars(&[(
                "KASSA_SANDBOX_FAULTS",
                r#"{"status": ["rateLimit"], "customer": "neverApproves"}"#,
            )]),
            dir.path().join("k.db"),
        )
        .unwrap();
        let counter = start(s).await.unwrap();
        let faults = counter.sandbox().unwrap().sandbox().faults();
        assert_eq!(faults.status, [kassa_sandbox::Fault::RateLimit]);
        assert_eq!(faults.customer, kassa_sandbox::Customer::NeverApproves);
    }

    #[tokio::test]
    async fn starts_on_the_embedded_sandbox() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings::from_vars(vars(&[]), dir.path().join("k.db")).unwrap();
        let counter = start(s).await.unwrap();
        assert_eq!(counter.mode, Mode::Sandbox);
        let sandbox = counter.sandbox().expect("embedded sandbox");
        assert_eq!(counter.api_url, sandbox.base_url());
        assert!(counter.api_url.starts_with("http://127.0.0.1:"));
    }
}
