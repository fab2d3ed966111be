//! The application layer both hosts (the window and the `kassa` CLI) call for every
//! operation: a running counter from settings (the journal, the Aiia client or the embedded
//! sandbox when no real credentials are set, the engine, the webhook listener), its stop and
//! handover to new settings (`lifecycle.rs`), the Connect flow (`onboard.rs`), the day report
//! (`day.rs`), `doctor`, and the cashier's words (`words.rs`). The settings themselves are
//! `kassa-config`'s, re-exported here.

pub mod books;
pub mod customer;
mod day;
pub mod daybook;
mod doctor;
pub mod hub;
pub mod hub_view;
pub mod keys;
mod lifecycle;
mod onboard;
mod ops;
pub mod print;
mod records;
pub mod saft_export;
mod serve;
pub mod session;
pub mod shop;
pub mod webhook_listener;
pub mod webview;
pub mod window;
pub mod words;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use kassa_aiia::{Client, Config, Secret};
use kassa_journal::{Journal, JournalError, OwnerLock};
use kassa_money::Currency;
use kassa_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
use kassa_till::{RandomIds, SystemClock, Till, TillConfig};

pub use day::{DayReport, Ledger, SaleLine, TRAINING, day_report, local_day_bounds, today};
pub use doctor::{Check, doctor};
pub use kassa_aiia::connect::Destination;
pub use kassa_config::{Ask, TestRecord};
/// Configuration is `kassa-config`'s; what the hosts need of it is re-exported here, so
/// they call one crate.
pub use kassa_config::{
    Backend, Checked, ConfigError, DEFAULT_OWNER, Draft, Field, FieldError, FormError,
    KEYRING_ACCOUNT, KEYRING_SERVICE, KeyStore, Keyring, MemorySecrets, Mode, Problem, SavedError,
    SavedSecretFor, SavedSettings, SecretError, SecretInput, SecretKind, SecretStore, Settings,
    SettingsForm, SettingsView, api_origin, configured_backend, db_path, default_db_path,
    save_language, settings_path, validate,
};
pub use kassa_i18n::{Lang, Messages, WINDOW_AREAS};

pub mod error_words;
pub use lifecycle::{HandoverFailed, handover};
pub use onboard::{
    CONNECT_TIMEOUT, ConnectError, ConnectFlow, ConnectRandom, ConnectRetry, Connected,
    DEFAULT_REDIRECT, OsRandom, save_destination,
};
pub use ops::{HandSale, RefundDue, SaleOnScreen, ShopSaveError, price_changes};
pub use records::{
    Elsewhere, RecordsError, Sales, StatusReport, backup, mark_refunded, open_sales, status,
};

/// The language to speak: `KASSA_LANG`, else the language setting (`setting`, `None` for the
/// system's), else the system's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
pub fn language(setting: Option<&str>) -> Lang {
    language_from(setting, |k| std::env::var(k).ok())
}

/// The Language setting in force for this process (`None`: the system's), set by the host
/// at start and when settings are saved; read by [`current_language`].
static LANGUAGE_SETTING: std::sync::RwLock<Option<String>> = std::sync::RwLock::new(None);

/// Sets the Language setting in force ([`current_language`] follows it).
pub fn set_language_setting(setting: Option<&str>) {
    *LANGUAGE_SETTING
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = setting.map(str::to_owned);
}

/// Puts the Language setting saved beside the journal at `db_path` in force (a settings file
/// that cannot be read leaves the system's language; the command that needs the file says
/// why it cannot read it).
pub fn adopt_saved_language(db_path: &std::path::Path) {
    let saved = kassa_config::SavedSettings::load(&settings_path(db_path)).unwrap_or_default();
    set_language_setting(saved.language().map(Lang::code));
}

/// The language spoken now: [`language`] with the setting in force.
pub fn current_language() -> Lang {
    let setting = LANGUAGE_SETTING
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    language(setting.as_deref())
}

/// The receipt's and the report's words in the language spoken now.
pub fn receipt_words() -> &'static kassa_shop::Words {
    kassa_shop::Words::of(current_language())
}

/// [`language`] with the environment passed in.
pub fn language_from(setting: Option<&str>, var: impl Fn(&str) -> Option<String>) -> Lang {
    let chosen = var("KASSA_LANG")
        .filter(|v| Lang::parse(v).is_some())
        .or_else(|| {
            setting
                .filter(|s| Lang::parse(s).is_some())
                .map(str::to_owned)
        });
    Lang::choose(chosen.as_deref(), kassa_i18n::os_locale(var).as_deref())
}

pub use webhook_listener::{
    ListenerLimits, LogLimiter, WebhookListener, WebhookSettings, WebhookStats,
};

#[derive(Debug, thiserror::Error)]
pub enum BootError {
    /// The settings: a field to fix, or the settings file or keyring failing.
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Aiia(#[from] kassa_aiia::AiiaError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The receipt key: missing from the keyring, not this till's, or the keyring failing.
    /// No receipt can be signed, so the counter does not start (none is issued unsigned).
    #[error(transparent)]
    Key(#[from] keys::KeyError),
    #[error("cannot start the built-in sandbox: {0}")]
    Sandbox(#[source] std::io::Error),
    #[error(transparent)]
    Till(#[from] kassa_till::TillError),
    #[error(transparent)]
    Saved(#[from] SavedError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// A log in refused, or a step the acting employee may not do (issue 12).
    #[error(transparent)]
    Session(#[from] session::SessionError),
    #[error("cannot listen for webhooks on {addr}: {source}")]
    Webhook {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
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
    /// Signs every receipt the counter issues, on every connection it writes with.
    sealer: std::sync::Arc<dyn kassa_journal::Sealer>,
    /// The shop settings it sells with ([`Counter::save_shop`] changes them at once).
    shop: std::sync::Mutex<kassa_config::ShopSettings>,
    /// Who is at the till (`session.rs`); carried over a handover.
    session: std::sync::Arc<session::Session>,
    /// Why the training bank does not serve phones though the settings ask it to.
    lan_problem: Option<String>,
    /// Ships the journal's records to the shop's hub, when one is set (issue 14).
    hub: Option<kassa_hub::Shipper>,
    /// Declared last: dropped after the engine and its journal.
    owner: OwnerLock,
}

/// The built-in sandbox as the screen tells the cashier about it: training, and whether a
/// phone on the shop's network can open its codes.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingBank {
    /// `http://192.168.1.5:PORT`: phones on the shop's network open the codes there
    /// ([`Settings::sandbox_lan`]); `None`: only this computer can.
    pub phone_url: Option<String>,
    /// Why phones cannot, though the settings ask for it (no network address).
    pub problem: Option<String>,
}

impl Counter {
    /// The embedded sandbox, when the counter runs on it.
    pub fn sandbox(&self) -> Option<&RunningSandbox> {
        self.sandbox.as_ref()
    }

    /// The built-in sandbox, when the counter sells on it: training, and where phones open
    /// its codes.
    pub fn training_bank(&self) -> Option<TrainingBank> {
        self.sandbox.as_ref().map(|running| TrainingBank {
            phone_url: running.phone_url().map(str::to_owned),
            problem: self.lan_problem.clone(),
        })
    }

    /// How far the shop's hub is behind this till (`None`: no hub is set). The shipper's
    /// latest word when it runs, else what it last wrote beside the journal.
    pub fn hub_lag(&self) -> Option<hub::HubLag> {
        match &self.hub {
            Some(shipper) => {
                let st = shipper.status();
                let head = self
                    .till
                    .with_journal(|j| j.replication_head())
                    .unwrap_or(st.head);
                Some(hub::HubLag {
                    hub: st.hub,
                    behind: (head - st.acked).max(0),
                    last_ok_ms: st.last_ok_ms,
                    problem: st.problem,
                })
            }
            None => hub::lag(&self.settings),
        }
    }

    /// Takes the hub's newer shop settings and cashiers (the hub's copy wins), for the
    /// counter at once. Nothing when no hub is set.
    pub async fn pull_from_hub(&self) -> Result<hub::Pulled, hub::HubSetupError> {
        if self.settings.hub_url.is_none() {
            return Ok(hub::Pulled::default());
        }
        let fetched = hub::fetch(&self.settings).await?;
        let now = self.till.now_ms();
        let pulled = self
            .till
            .with_journal(|j| hub::apply(&self.settings, fetched, j, now))?;
        if let Some(shop) = &pulled.shop_settings {
            *self.shop.lock().unwrap_or_else(|p| p.into_inner()) = shop.clone();
        }
        Ok(pulled)
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

    /// Now, by the counter's own clock (the one its sales are journaled with).
    pub fn now_ms(&self) -> i64 {
        self.till.now_ms()
    }

    /// A connection to write the counter's journal with, besides the engine's own: it seals
    /// the receipts it issues with the counter's key and names the acting employee (the
    /// engine's), as every write does.
    pub fn journal(&self) -> Result<Journal, JournalError> {
        let mut journal = Journal::open(&self.settings.db_path)?;
        journal.set_sealer(std::sync::Arc::clone(&self.sealer));
        let employee = self.till.with_journal(|j| j.employee().map(str::to_owned));
        journal.set_employee(employee.as_deref());
        Ok(journal)
    }
}

/// The port the training bank serves phones on when it is free (else any free one): the one
/// `kassa sandbox` listens on by default, so one firewall rule covers both.
pub const TRAINING_BANK_PORT: u16 = 4010;

/// What [`connect`] gives: the client, where it pays into, and the embedded sandbox.
pub struct Service {
    pub client: Client,
    pub destination: String,
    /// The embedded sandbox, to keep alive while the client talks to it.
    pub sandbox: Option<RunningSandbox>,
    /// Why the embedded sandbox does not serve phones though the settings ask
    /// ([`Settings::sandbox_lan`]): it then serves this computer only.
    pub lan_problem: Option<String>,
}

/// The Aiia client the settings ask for, with the destination to pay into; starts the
/// embedded sandbox (returned, to keep alive) when no credentials and no API address are set,
/// also on the shop's network when [`Settings::sandbox_lan`] asks (at this computer's address
/// there, [`kassa_sandbox::lan_address`]).
pub async fn connect(settings: &Settings) -> Result<Service, BootError> {
    connect_with(settings, || {
        kassa_sandbox::lan_address().map(std::net::IpAddr::V4)
    })
    .await
}

/// [`connect`], with the shop's network address from `lan_address`.
async fn connect_with(
    settings: &Settings,
    lan_address: impl Fn() -> Result<std::net::IpAddr, kassa_sandbox::LanError>,
) -> Result<Service, BootError> {
    let mut lan_problem = None;
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
            // Real money: the client itself refuses plain HTTP, except to this machine (a
            // local test service); which hosts are allowed at all is the settings' rule.
            let https_only = !kassa_aiia::is_loopback_http(&url);
            let mut config = Config::new(
                url,
                settings.client_id.clone().unwrap_or_default(),
                settings
                    .client_secret
                    .clone()
                    .unwrap_or_else(|| Secret::new("")),
            );
            config.auth = settings.auth;
            config.https_only = https_only;
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
                    let sandbox = Sandbox::new(config);
                    let lan = match settings.sandbox_lan.then(&lan_address) {
                        None => None,
                        Some(Ok(ip)) => Some(ip),
                        Some(Err(e)) => {
                            tracing::warn!(error = %e, "the training bank serves this computer only");
                            lan_problem = Some(e.to_string());
                            None
                        }
                    };
                    let running = match lan {
                        // One port a firewall rule can name, unless it is taken.
                        Some(ip) => match sandbox.bind_lan(ip, TRAINING_BANK_PORT).await {
                            Ok(running) => running,
                            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                                sandbox.bind_lan(ip, 0).await.map_err(BootError::Sandbox)?
                            }
                            Err(e) => return Err(BootError::Sandbox(e)),
                        },
                        None => sandbox
                            .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
                            .await
                            .map_err(BootError::Sandbox)?,
                    };
                    tracing::info!(
                        url = running.base_url(),
                        phones = running.phone_url().unwrap_or("(this computer only)"),
                        "built-in Aiia sandbox started"
                    );
                    (running.base_url().to_owned(), Some(running))
                }
            };
            let config = Config::new(url, defaults.client_id, Secret::new(defaults.client_secret));
            (config, destination, running)
        }
    };
    Ok(Service {
        client: Client::new(config)?,
        destination,
        sandbox,
        lan_problem,
    })
}

/// Where the customer's phone goes after paying: the setting, else the "Payment done" page
/// of the sandbox the counter talks to (`api_url`; a live counter against Aiia itself always
/// has the setting, the validator asks for it).
pub fn redirect_url(settings: &Settings, api_url: &str) -> String {
    match &settings.redirect_url {
        Some(url) => url.clone(),
        None => format!(
            "{}{}",
            api_url.trim_end_matches('/'),
            kassa_sandbox::DONE_PATH
        ),
    }
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
    let counter = open_idle(settings).await?;
    counter.begin_session()?;
    Ok(counter)
}

/// [`start_idle`] without the start journaled or anyone logged in (a handover carries the
/// session over instead).
async fn open_idle(mut settings: Settings) -> Result<Counter, BootError> {
    let owner = OwnerLock::acquire(&settings.db_path, &settings.owner)?;
    let mut journal = Journal::open(&settings.db_path)?;
    // What Kassa names by itself (the country's VAT rates, the training shop) is named once,
    // in the language spoken at the first start, and kept beside the journal as the shop's.
    let lang = current_language();
    let names = kassa_config::DefaultNames::of(Messages::of(lang));
    match settings.shop.fill_saved_defaults(&settings.db_path, &names) {
        Ok(true) => tracing::info!(lang = lang.code(), "named the shop's defaults"),
        Ok(false) => {}
        Err(e) => {
            tracing::warn!(error = %e, "the names of the shop's defaults could not be kept in the settings file");
        }
    }
    // The receipt key before anything sells: without it no receipt could be signed.
    let now_ms = kassa_till::Clock::now_ms(&SystemClock);
    let sealer: std::sync::Arc<dyn kassa_journal::Sealer> =
        keys::sealer(&mut journal, &settings.keys, now_ms)?;
    journal.set_sealer(std::sync::Arc::clone(&sealer));
    verify_later(settings.db_path.clone());
    let till_id = journal.till_id()?;
    let Service {
        client,
        destination,
        sandbox,
        lan_problem,
    } = connect(&settings).await?;
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
            redirect_url: redirect_url(&settings, &api_url),
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
        shop: std::sync::Mutex::new(settings.shop.clone()),
        session: std::sync::Arc::new(session::Session::for_journal(&settings.db_path)),
        lan_problem,
        hub: hub::start_shipper(&settings, &till_id),
        sealer,
        settings,
        owner,
    })
}

/// Opens `url` in the system's browser, without waiting for it. The browser (and the
/// launcher before it) gets Kassa's environment without its secrets ([`without_secrets`]).
pub fn open_in_browser(url: &str) -> Result<(), String> {
    let parent: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().unwrap_or_default())))
        .collect();
    let mut last = None;
    // The launchers the `open` crate knows for this system (xdg-open, gio, … on Linux),
    // tried in order until one starts.
    for mut cmd in open::commands(url) {
        without_secrets(&mut cmd, parent.iter().map(|(k, _)| k.as_str()));
        cmd.stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        match cmd.spawn() {
            Ok(mut child) => {
                // Reaped in the background: a launcher exits once the browser runs.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => last = Some(e),
        }
    }
    Err(match last {
        Some(e) => format!("cannot open the browser: {e}"),
        None => "cannot open the browser: no launcher is known on this system".to_owned(),
    })
}

/// Whether an environment variable holds a secret Kassa must not hand to a process it
/// starts: `KASSA_CLIENT_SECRET`, `KASSA_WEBHOOK_SECRET`, and any `KASSA_*` whose name
/// says SECRET, PASSWORD or TOKEN.
pub fn is_secret_var(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper.starts_with("KASSA_")
        && ["SECRET", "PASSWORD", "PASSWD", "TOKEN"]
            .iter()
            .any(|w| upper.contains(w))
}

/// Removes from `cmd`'s environment every secret among `inherited` (the names of the
/// environment it would inherit), plus the two Kassa always knows of.
pub fn without_secrets<'a>(
    cmd: &mut std::process::Command,
    inherited: impl IntoIterator<Item = &'a str>,
) {
    cmd.env_remove("KASSA_CLIENT_SECRET");
    cmd.env_remove("KASSA_WEBHOOK_SECRET");
    for name in inherited {
        if is_secret_var(name) {
            cmd.env_remove(name);
        }
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn kassa_lang_beats_the_setting_which_beats_the_system_locale() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let all = &[("KASSA_LANG", "da"), ("LANG", "fi_FI.UTF-8")];
        assert_eq!(language_from(Some("sv"), env(all)), Lang::Da);
        let no_env = &[("LANG", "fi_FI.UTF-8")];
        assert_eq!(language_from(Some("sv"), env(no_env)), Lang::Sv);
        assert_eq!(language_from(None, env(no_env)), Lang::Fi);
        // A KASSA_LANG Kassa does not speak is passed over, not taken as English.
        let bad = &[("KASSA_LANG", "de"), ("LANG", "nb_NO.UTF-8")];
        assert_eq!(language_from(None, env(bad)), Lang::Nb);
        assert_eq!(language_from(None, env(&[])), Lang::En);
    }

    /// Issue 10, part 7: a process Kassa starts does not inherit its secrets.
    #[cfg(unix)]
    #[test]
    fn a_spawned_process_gets_the_environment_without_secrets() {
        let parent = [
            ("KASSA_CLIENT_SECRET", "client-secret-1"),
            ("KASSA_WEBHOOK_SECRET", "webhook-secret-2"),
            ("KASSA_SMTP_PASSWORD", "password-3"),
            ("KASSA_API_TOKEN", "token-4"),
            ("KASSA_CURRENCY", "DKK"),
            ("HOME", "/home/shop"),
        ];
        let mut cmd = std::process::Command::new("/bin/sh");
        cmd.args(["-c", "env"]).env_clear().envs(parent);
        without_secrets(&mut cmd, parent.iter().map(|(k, _)| *k));
        let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
        for secret in [
            "client-secret-1",
            "webhook-secret-2",
            "password-3",
            "token-4",
        ] {
            assert!(!out.contains(secret), "{secret} in {out}");
        }
        assert!(out.contains("KASSA_CURRENCY=DKK") && out.contains("HOME=/home/shop"));

        // The browser's launchers come with the two named secrets removed whatever else.
        let launchers = open::commands("https://example.org/");
        assert!(!launchers.is_empty());
        for mut launcher in launchers {
            without_secrets(&mut launcher, []);
            let removed: Vec<_> = launcher
                .get_envs()
                .filter(|(_, v)| v.is_none())
                .map(|(k, _)| k.to_string_lossy().into_owned())
                .collect();
            assert!(
                removed.contains(&"KASSA_CLIENT_SECRET".to_owned()),
                "{removed:?}"
            );
            assert!(
                removed.contains(&"KASSA_WEBHOOK_SECRET".to_owned()),
                "{removed:?}"
            );
        }
    }

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
    async fn a_live_client_speaks_only_https_except_to_this_machine() {
        let dir = tempfile::tempdir().unwrap();
        let live = |url: &str| {
            Settings::from_vars(
                vars(&[
                    ("KASSA_CLIENT_ID", "id"),
                    ("KASSA_CLIENT_SECRET", "secret"),
                    ("KASSA_DESTINATION_ID", "dest"),
                    ("KASSA_API_URL", url),
                    // A test service: the labelled custom-address option.
                    ("KASSA_CUSTOM_API", "1"),
                ]),
                dir.path().join("k.db"),
            )
        };
        // A plain-http service elsewhere never gets the secret: the settings refuse it even
        // with the custom-address option on (the client would refuse it too: kassa-aiia's
        // `a_live_client_refuses_plain_http_and_a_loopback_address_is_told_apart`).
        let e = live("http://api.example.test").unwrap_err();
        assert!(e.to_string().contains("https://"), "{e}");
        // An https test service is a live client that speaks only https.
        let s = live("https://api.example.test").unwrap();
        assert_eq!(s.mode(), Mode::Live);
        let client = connect(&s).await.unwrap().client;
        assert!(client.https_only());
        // A local test service on loopback still works.
        let s = live("http://127.0.0.1:9").unwrap();
        let Service {
            client, sandbox, ..
        } = connect(&s).await.unwrap();
        assert_eq!(client.base_url(), "http://127.0.0.1:9");
        assert!(!client.https_only());
        assert!(sandbox.is_none());
    }

    /// Issue 13, part 3: the setting serves the training bank on the shop's network (here a
    /// second loopback address stands for it; Linux routes 127.0.0.0/8 to this computer).
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn the_training_bank_serves_phones_when_the_settings_ask() {
        use std::net::IpAddr;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("k.db");
        let on = Settings::from_vars(vars(&[("KASSA_SANDBOX_LAN", "1")]), db.clone()).unwrap();
        assert!(on.sandbox_lan);
        let lan = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
        let service = connect_with(&on, || Ok(lan)).await.unwrap();
        let running = service.sandbox.unwrap();
        let port = running.addr().port();
        // The counter talks to it on loopback; the codes carry the network address.
        assert_eq!(
            service.client.base_url(),
            format!("http://127.0.0.1:{port}")
        );
        assert_eq!(
            running.phone_url(),
            Some(format!("http://127.0.0.2:{port}").as_str())
        );
        assert!(service.lan_problem.is_none());
        running.shutdown().await;

        // No address for phones: the counter still sells (on this computer), and says why.
        let service = connect_with(&on, || {
            Err(kassa_sandbox::LanError::NoPrivateAddress {
                seen: vec!["eth0 192.0.2.2".into()],
            })
        })
        .await
        .unwrap();
        let running = service.sandbox.unwrap();
        assert_eq!(running.phone_url(), None);
        let problem = service.lan_problem.unwrap();
        assert!(problem.contains("no private network address"), "{problem}");
        assert!(problem.contains("eth0 192.0.2.2"), "{problem}");

        // Off (the default): the network is never looked at.
        let off = Settings::from_vars(vars(&[]), db).unwrap();
        assert!(!off.sandbox_lan);
        let service = connect_with(&off, || -> Result<IpAddr, kassa_sandbox::LanError> {
            panic!("the network address was asked for with the setting off")
        })
        .await
        .unwrap();
        assert_eq!(service.sandbox.unwrap().phone_url(), None);
        assert!(service.lan_problem.is_none());
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
        assert_eq!(
            counter.training_bank(),
            Some(TrainingBank {
                phone_url: None,
                problem: None
            })
        );
    }
}
