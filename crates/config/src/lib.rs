//! Kassa's configuration, and nothing else: the environment, the settings file beside the
//! journal (`saved.rs`), the secrets in the OS keyring (`secrets.rs`), the backend the
//! settings choose ([`Mode`]), the journal's path, the window's settings form (`form.rs`),
//! and the one validator (`validate.rs`) the window, the CLI and `doctor` all go through;
//! the shop settings (`shop.rs`: profile, VAT table, quick items, printer, logo, width).
//! Starting a counter from these settings is `kassa-boot`'s.

mod display;
mod form;
mod saved;
mod secrets;
pub mod shop;
mod validate;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use kassa_aiia::{AuthMode, Secret};
pub use kassa_journal::Backend;
use kassa_money::Currency;
use kassa_sandbox::Faults;
use kassa_till::CrashHooks;
use serde::Serialize;

pub use display::{DisplayMode, DisplaySettings, UnknownDisplayMode, display_path};
pub use form::{Ask, FormError, SettingsForm, SettingsView, TestRecord};
pub use saved::SavedSecretFor;
pub use saved::{HubSeen, SavedError, SavedSettings, save_language, settings_path};
pub use secrets::{
    HUB_PASSWORD_ACCOUNT, KEYRING_ACCOUNT, KEYRING_SERVICE, KEYRING_WEBHOOK_ACCOUNT, KeyStore,
    Keyring, MemorySecrets, SecretError, SecretKind, SecretStore,
};
pub use shop::{
    DefaultNames, PrinterAddress, QuickItem, QuickItemForm, Shop, ShopErrors, ShopFieldError,
    ShopForm, ShopFormError, ShopSettings, TrainingNames, VatRateForm,
};
pub use validate::{
    AIIA_ORIGINS, Changed, Checked, Draft, Field, FieldError, LINK_TTL_RANGE, Problem, SecretFor,
    SecretInput, WEBHOOK_SECRET_MIN, api_origin, is_loopback, sentences, validate,
};

/// The redirect address the Connect flow's browser comes back to, registered with Aiia.
pub const DEFAULT_REDIRECT: &str = "http://127.0.0.1:47615/connect/callback";

/// The owner a counter names in the journal's lock file unless the host says who it is.
pub const DEFAULT_OWNER: &str = "Kassa";

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

/// Where the webhook listener listens and the secret deliveries are signed with.
#[derive(Debug, Clone)]
pub struct WebhookSettings {
    pub bind: SocketAddr,
    pub secret: Secret,
    /// How far a delivery's timestamp may be from this machine's clock.
    pub tolerance: Duration,
}

impl WebhookSettings {
    pub fn new(bind: SocketAddr, secret: Secret) -> Self {
        WebhookSettings {
            bind,
            secret,
            tolerance: kassa_aiia::webhook::DEFAULT_TOLERANCE,
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
    /// The labelled "Custom API address" option (`KASSA_CUSTOM_API=1` or the saved
    /// setting): a live counter may use an address other than Aiia's own.
    pub custom_api: bool,
    /// Where the customer's phone goes after paying (`KASSA_REDIRECT_URL` or the saved
    /// setting). `None`: the sandbox's own "Payment done" page (a live counter against Aiia
    /// itself always has one: the validator asks for it).
    pub redirect_url: Option<String>,
    /// The shop settings (profile, VAT table, quick items, printer, logo, receipt width)
    /// from the settings file; [`ShopSettings::resolve`] gives the shop on a day.
    pub shop: ShopSettings,
    /// The built-in sandbox also serves this computer's address on the shop's network
    /// (`KASSA_SANDBOX_LAN=1` or the saved setting), so a phone that scans the code opens
    /// the training bank's page; its test and admin endpoints stay on this computer.
    /// Only the built-in sandbox has it: a live counter or another API address ignores it.
    pub sandbox_lan: bool,
    /// The Language setting (the settings file's; `None`: the system's). `KASSA_LANG`
    /// overrides it where the language is chosen (`kassa_boot::language`).
    pub language: Option<kassa_i18n::Lang>,
    /// The shop's hub (issue 14), a PostgreSQL address (`KASSA_HUB_URL` or the saved
    /// setting): every record of this till's books is replicated there. Its password is in
    /// the address or the OS keyring ([`HUB_PASSWORD_ACCOUNT`]). `None`: no hub.
    pub hub_url: Option<String>,
    /// Where the receipt keys' private halves are kept: the OS keyring, under the service
    /// `KASSA_KEYRING_SERVICE` names (else Kassa's own).
    pub keys: KeyStore,
}

/// Why settings were not taken: fields to fix (each a [`FieldError`], said as a sentence),
/// or the settings file or the keyring failing.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", sentences(.0))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Saved(#[from] SavedError),
    #[error(transparent)]
    Secret(#[from] SecretError),
}

impl ConfigError {
    /// The fields to fix (none when the file or keyring failed).
    pub fn fields(&self) -> &[FieldError] {
        match self {
            ConfigError::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

impl From<Vec<FieldError>> for ConfigError {
    fn from(errors: Vec<FieldError>) -> Self {
        ConfigError::Invalid(errors)
    }
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
    ) -> Result<Self, ConfigError> {
        Self::from_parts(var, &SavedSettings::default(), None, None, default_db)
    }

    /// Settings as the app and the CLI use them: the environment first, then the settings
    /// file beside the journal, and the Client Secret from the keyring when the environment
    /// does not give one (the keyring is only asked when a Client ID is set).
    pub fn load(
        var: impl Fn(&str) -> Option<String>,
        default_db: PathBuf,
        secrets: &dyn SecretStore,
    ) -> Result<Self, ConfigError> {
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
    ) -> Result<Self, ConfigError> {
        let get = |k: &str| env_value(&var, k);
        let api_url = get("KASSA_API_URL").or_else(|| saved.api_url.clone());
        let client_id = get("KASSA_CLIENT_ID").or_else(|| saved.client_id.clone());
        let env_secret = get("KASSA_CLIENT_SECRET");
        let destination_id = get("KASSA_DESTINATION_ID").or_else(|| saved.destination_id.clone());
        let currency = get("KASSA_CURRENCY");
        let auth = get("KASSA_AUTH");
        let webhook_bind = get("KASSA_WEBHOOK_BIND").or_else(|| saved.webhook_bind.clone());
        let env_webhook_secret = get("KASSA_WEBHOOK_SECRET");
        let link_ttl = get("KASSA_LINK_TTL_S");
        let faults = get("KASSA_SANDBOX_FAULTS");
        let custom_api = match get("KASSA_CUSTOM_API") {
            Some(v) => is_on(&v),
            None => saved.custom_api,
        };
        let redirect_url = get("KASSA_REDIRECT_URL").or_else(|| saved.redirect_url.clone());
        let sandbox_lan = match get("KASSA_SANDBOX_LAN") {
            Some(v) => is_on(&v),
            None => saved.sandbox_lan,
        };
        let bound = saved.secret_for();
        let checked = validate(&Draft {
            custom_api,
            redirect_url: redirect_url.as_deref(),
            secret_for: bound.as_ref().map(SavedSecretFor::as_draft),
            api_url: api_url.as_deref(),
            client_id: client_id.as_deref(),
            client_secret: secret_input(env_secret.as_deref(), keyring_secret.is_some()),
            destination_id: destination_id.as_deref(),
            currency: currency.as_deref(),
            auth: auth.as_deref(),
            webhook_bind: webhook_bind.as_deref(),
            webhook_secret: secret_input(
                env_webhook_secret.as_deref(),
                keyring_webhook_secret.is_some(),
            ),
            link_ttl: link_ttl.as_deref(),
            sandbox_faults: faults.as_deref(),
        })?;
        if checked.link_ttl_ignored {
            tracing::warn!(
                "KASSA_LINK_TTL_S is ignored against Aiia itself: a payment link lives 60 s there"
            );
        }
        let webhook_secret = env_webhook_secret
            .map(Secret::new)
            .or(keyring_webhook_secret);
        Ok(Settings {
            api_url,
            client_id,
            client_secret: env_secret.map(Secret::new).or(keyring_secret),
            destination_id,
            currency: checked.currency.or(saved.currency).unwrap_or(Currency::Dkk),
            auth: checked.auth,
            db_path: db_path(&var, default_db),
            webhook: match (checked.webhook_bind, webhook_secret) {
                (Some(bind), Some(secret)) => Some(WebhookSettings::new(bind, secret)),
                _ => None,
            },
            sandbox_faults: checked.sandbox_faults,
            connect_redirect: get("KASSA_CONNECT_REDIRECT")
                .unwrap_or_else(|| DEFAULT_REDIRECT.to_owned()),
            open_browser: !matches!(
                get("KASSA_OPEN_BROWSER")
                    .map(|v| v.to_ascii_lowercase())
                    .as_deref(),
                Some("0" | "no" | "false" | "off")
            ),
            link_ttl: checked.link_ttl,
            crash: CrashHooks::none(),
            owner: DEFAULT_OWNER.to_owned(),
            custom_api,
            redirect_url: checked.redirect_url,
            sandbox_lan,
            language: saved.language(),
            hub_url: get("KASSA_HUB_URL").or_else(|| saved.hub_url.clone()),
            shop: saved.shop.clone(),
            keys: KeyStore(std::sync::Arc::new(Keyring::from_env(&var))),
        })
    }

    /// These settings through the one validator, as they stand (settings changed in code,
    /// or made from a form, are checked by the same rules as the environment and the file):
    /// `doctor`'s settings check. Secrets held here are taken as given.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let bind = self.webhook.as_ref().map(|w| w.bind.to_string());
        let ttl = self.link_ttl.as_secs().to_string();
        fn secret(s: Option<&Secret>) -> SecretInput<'_> {
            match s {
                Some(s) => SecretInput::Given(s.expose()),
                None => SecretInput::Absent,
            }
        }
        validate(&Draft {
            api_url: self.api_url.as_deref(),
            client_id: self.client_id.as_deref(),
            client_secret: secret(self.client_secret.as_ref()),
            destination_id: self.destination_id.as_deref(),
            webhook_bind: bind.as_deref(),
            webhook_secret: secret(self.webhook.as_ref().map(|w| &w.secret)),
            link_ttl: Some(&ttl),
            custom_api: self.custom_api,
            redirect_url: self.redirect_url.as_deref(),
            ..Draft::default()
        })
        .map(|_| ())
    }

    /// Against Aiia itself: a live counter without the custom-address option.
    pub fn against_aiia(&self) -> bool {
        self.mode() == Mode::Live && !self.custom_api
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
) -> Result<Backend, ConfigError> {
    let db = db_path(&var, default_db);
    let live = env_value(&var, "KASSA_CLIENT_ID").is_some()
        || SavedSettings::load(&settings_path(&db))?
            .client_id
            .is_some();
    Ok(if live { Mode::Live } else { Mode::Sandbox }.backend())
}

/// The journal's path: `KASSA_DB` when set, else `default_db`. The settings file and the
/// app's and CLI's journal commands all go by this one rule.
pub fn db_path(var: &impl Fn(&str) -> Option<String>, default_db: PathBuf) -> PathBuf {
    env_value(var, "KASSA_DB")
        .map(PathBuf::from)
        .unwrap_or(default_db)
}

/// A secret from the environment (given as it is) or else the keyring (stored).
fn secret_input(env: Option<&str>, in_keyring: bool) -> SecretInput<'_> {
    match (env, in_keyring) {
        (Some(s), _) => SecretInput::Given(s),
        (None, true) => SecretInput::Stored,
        (None, false) => SecretInput::Absent,
    }
}

/// `1`, `yes`, `true` or `on`.
fn is_on(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "1" | "yes" | "true" | "on"
    )
}

fn env_value(var: &impl Fn(&str) -> Option<String>, key: &str) -> Option<String> {
    var(key)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
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
mod tests;

#[cfg(test)]
mod guard_tests;
