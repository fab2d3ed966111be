//! The one validator. Every way settings reach Kassa (the environment and `settings.json`
//! in [`Settings::load`](crate::Settings::load) / [`from_vars`](crate::Settings::from_vars),
//! the window's settings form, `kassa setup`, and `doctor`'s settings check) describes what
//! it was given as a [`Draft`] and goes through [`validate`]. A problem comes back as a
//! typed [`FieldError`] (which [`Field`], what [`Problem`]); its `Display` is the sentence
//! the merchant reads, the same whichever way the bad value came in.

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

use kassa_aiia::AuthMode;
use kassa_money::Currency;
use kassa_sandbox::Faults;
use reqwest::Url;
use serde::ser::SerializeStruct;

/// A setting, as the window's form and the environment name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    ApiUrl,
    ClientId,
    ClientSecret,
    DestinationId,
    Currency,
    /// How the credentials are sent (`KASSA_AUTH`: bearer or basic).
    Auth,
    WebhookBind,
    WebhookSecret,
    /// How long a payment link lives (`KASSA_LINK_TTL_S`).
    LinkTtl,
    /// Faults the built-in sandbox injects (`KASSA_SANDBOX_FAULTS`).
    SandboxFaults,
    /// Where the customer's phone goes after paying (`KASSA_REDIRECT_URL`).
    RedirectUrl,
}

impl Field {
    /// The form field's name (the window marks the input with it): `apiUrl`, `clientId`, …
    pub fn form_name(self) -> &'static str {
        match self {
            Field::ApiUrl => "apiUrl",
            Field::ClientId => "clientId",
            Field::ClientSecret => "clientSecret",
            Field::DestinationId => "destinationId",
            Field::Currency => "currency",
            Field::Auth => "auth",
            Field::WebhookBind => "webhookBind",
            Field::WebhookSecret => "webhookSecret",
            Field::LinkTtl => "linkTtl",
            Field::SandboxFaults => "sandboxFaults",
            Field::RedirectUrl => "redirectUrl",
        }
    }

    /// The environment variable that sets it (and wins over the settings file).
    pub fn env_var(self) -> &'static str {
        match self {
            Field::ApiUrl => "KASSA_API_URL",
            Field::ClientId => "KASSA_CLIENT_ID",
            Field::ClientSecret => "KASSA_CLIENT_SECRET",
            Field::DestinationId => "KASSA_DESTINATION_ID",
            Field::Currency => "KASSA_CURRENCY",
            Field::Auth => "KASSA_AUTH",
            Field::WebhookBind => "KASSA_WEBHOOK_BIND",
            Field::WebhookSecret => "KASSA_WEBHOOK_SECRET",
            Field::LinkTtl => "KASSA_LINK_TTL_S",
            Field::SandboxFaults => "KASSA_SANDBOX_FAULTS",
            Field::RedirectUrl => "KASSA_REDIRECT_URL",
        }
    }
}

/// What is wrong with a field. Values that are not secret are kept, to say them back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Needed here but not given (a Client Secret or destination with a Client ID, a Client
    /// ID with a secret, a webhook address with its secret and the other way round).
    Missing,
    /// Contains spaces.
    HasSpaces,
    /// Not a web address (`https://…`, or `http://…` for a local sandbox, with a host).
    NotAWebAddress(String),
    /// Not an address and port to listen on.
    NotAnAddress(String),
    /// Not one of the values Kassa knows (a currency, a sign-in method).
    Unknown(String),
    /// A secret to be stored is shorter than this many characters.
    TooShort(usize),
    /// A number outside what Kassa takes.
    OutOfRange(String),
    /// Text Kassa cannot read, with why.
    Unreadable(String),
    /// A live counter may only talk to Aiia's own addresses unless the custom-address option
    /// (`KASSA_CUSTOM_API`) is on: money and the secret could go elsewhere.
    NotAiia(String),
    /// Plain `http://` to a host that is not this computer.
    HttpNotLoopback(String),
    /// The stored Client Secret was saved for another API address or Client ID; it is only
    /// ever sent where it was saved for.
    SecretFor(Changed),
    /// A live counter's page must be `https://`.
    NotHttps(String),
}

/// What changed since the stored Client Secret was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    ApiAddress,
    ClientId,
    Both,
}

/// The API address (as an origin) and Client ID a stored Client Secret was saved with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecretFor<'a> {
    pub api_origin: &'a str,
    pub client_id: &'a str,
}

/// The API addresses a live counter takes without the custom-address option.
pub const AIIA_ORIGINS: [&str; 2] = [kassa_aiia::PRODUCTION_URL, kassa_aiia::AIIA_SANDBOX_URL];

/// The origin (`scheme://host[:port]`) of an API address; no address is Aiia production,
/// as the counter reads it. `None` for text that is not a web address.
pub fn api_origin(api_url: Option<&str>) -> Option<String> {
    let url = text(api_url).unwrap_or(kassa_aiia::PRODUCTION_URL);
    Url::parse(url)
        .ok()
        .filter(|u| u.host_str().is_some())
        .map(|u| u.origin().ascii_serialization())
}

/// `localhost`, `127.0.0.0/8` or `::1`: this computer.
pub fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

/// A field the merchant must fix, and how (the `Display`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem) -> Self {
        FieldError { field, problem }
    }
}

/// The shortest webhook signing secret Kassa stores.
pub const WEBHOOK_SECRET_MIN: usize = 16;

/// The payment link lifetimes Kassa takes, in seconds.
pub const LINK_TTL_RANGE: std::ops::RangeInclusive<u64> = 10..=3600;

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Field as F;
        use Problem as P;
        match (self.field, &self.problem) {
            (F::ApiUrl, P::NotAiia(v)) => write!(
                f,
                "A live counter only talks to Aiia at {} or {}, not \"{v}\": money and the Client Secret could go elsewhere. For a test service, turn on \"Custom API address\" (KASSA_CUSTOM_API=1)",
                AIIA_ORIGINS[0], AIIA_ORIGINS[1]
            ),
            (F::ApiUrl, P::HttpNotLoopback(v)) => write!(
                f,
                "The API address (KASSA_API_URL) \"{v}\" must start with https:// (http:// only on this computer: a loopback address such as 127.0.0.1, ::1 or localhost)"
            ),
            (F::ClientSecret, P::SecretFor(changed)) => write!(
                f,
                "Type the Client Secret again: the {} changed since it was saved (the stored secret is only sent where it was saved for)",
                match changed {
                    Changed::ApiAddress => "API address",
                    Changed::ClientId => "Client ID",
                    Changed::Both => "API address and the Client ID",
                }
            ),
            (F::RedirectUrl, P::Missing) => write!(
                f,
                "Enter the page your customers' phones open after paying (KASSA_REDIRECT_URL), e.g. your shop's website; it must start with https://"
            ),
            (F::RedirectUrl, P::NotHttps(v)) => write!(
                f,
                "The page after paying (KASSA_REDIRECT_URL) must start with https:// on a live counter, not \"{v}\""
            ),
            (F::RedirectUrl, P::NotAWebAddress(v)) => write!(
                f,
                "The page after paying (KASSA_REDIRECT_URL) must be a web address starting with https://, not \"{v}\""
            ),
            (F::ApiUrl, P::NotAWebAddress(v)) => write!(
                f,
                "The API address (KASSA_API_URL) must be a web address starting with https:// (http:// only for a local sandbox), or empty; \"{v}\" is not one"
            ),
            (F::ClientId, P::HasSpaces) => {
                write!(f, "The Client ID (KASSA_CLIENT_ID) cannot contain spaces")
            }
            (F::ClientId, P::Missing) => write!(
                f,
                "Enter the Client ID (KASSA_CLIENT_ID) that belongs to this Client Secret"
            ),
            (F::ClientSecret, P::Missing) => write!(
                f,
                "Enter the Client Secret: none is given (KASSA_CLIENT_SECRET) and none is stored in the keyring of this computer yet"
            ),
            (F::DestinationId, P::HasSpaces) => write!(
                f,
                "The destination (KASSA_DESTINATION_ID) cannot contain spaces"
            ),
            (F::DestinationId, P::Missing) => write!(
                f,
                "Enter the destination (KASSA_DESTINATION_ID), or press Connect bank account in Settings to choose it"
            ),
            (F::Currency, P::Unknown(v)) => write!(
                f,
                "The currency (KASSA_CURRENCY) must be DKK, SEK, NOK or EUR, not \"{v}\""
            ),
            (F::Auth, P::Unknown(v)) => {
                write!(f, "bad setting KASSA_AUTH: \"{v}\" (use bearer or basic)")
            }
            (F::WebhookBind, P::NotAnAddress(v)) => write!(
                f,
                "The webhook listen address (KASSA_WEBHOOK_BIND) must be an address and port, e.g. 0.0.0.0:8787, not \"{v}\""
            ),
            (F::WebhookBind, P::Missing) => write!(
                f,
                "A webhook signing secret is set but KASSA_WEBHOOK_BIND is missing: enter the address to listen on, or leave the webhook secret empty (the listener needs both)"
            ),
            (F::WebhookSecret, P::Missing) => write!(
                f,
                "The webhook listen address is set but its signing secret is missing (KASSA_WEBHOOK_SECRET or the keyring): enter the one you set at Aiia (the listener needs both)"
            ),
            (F::WebhookSecret, P::TooShort(min)) => write!(
                f,
                "The webhook signing secret (KASSA_WEBHOOK_SECRET) must be at least {min} characters"
            ),
            (F::LinkTtl, P::OutOfRange(v)) => write!(
                f,
                "bad setting KASSA_LINK_TTL_S: \"{v}\" (seconds a payment link lives, {} to {}; Aiia's is 60)",
                LINK_TTL_RANGE.start(),
                LINK_TTL_RANGE.end()
            ),
            (F::SandboxFaults, P::Unreadable(why)) => {
                write!(f, "bad setting KASSA_SANDBOX_FAULTS: {why}")
            }
            // Pairs no rule below produces; still a sentence naming the setting.
            (field, problem) => write!(
                f,
                "The setting {} is not valid ({})",
                field.env_var(),
                match problem {
                    P::Missing => "missing".to_owned(),
                    P::HasSpaces => "it contains spaces".to_owned(),
                    P::NotAWebAddress(v) | P::NotAnAddress(v) | P::Unknown(v) => {
                        format!("\"{v}\"")
                    }
                    P::TooShort(min) => format!("shorter than {min} characters"),
                    P::OutOfRange(v) => format!("\"{v}\" is out of range"),
                    P::Unreadable(why) => why.clone(),
                    P::NotAiia(v) | P::HttpNotLoopback(v) | P::NotHttps(v) => format!("\"{v}\""),
                    P::SecretFor(_) => "the secret was saved for other settings".to_owned(),
                }
            ),
        }
    }
}

/// Crosses IPC as `{field, message}`: the form's field name and the sentence.
impl serde::Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("FieldError", 2)?;
        st.serialize_field("field", self.field.form_name())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

/// Every problem, one sentence each.
pub fn sentences(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where a secret comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SecretInput<'a> {
    /// None at hand.
    #[default]
    Absent,
    /// Already in the keyring (kept as it is).
    Stored,
    /// Given as it is to use (the environment, or settings built in code): taken as given.
    Given(&'a str),
    /// Typed now, to be stored (the form, `kassa setup`): must also meet the rules for a new
    /// secret (a webhook secret of at least [`WEBHOOK_SECRET_MIN`] characters). A secret
    /// already given or stored is not held to them, so a counter that started before keeps
    /// starting.
    New(&'a str),
}

impl SecretInput<'_> {
    /// Empty text is no secret.
    fn normal(self) -> Self {
        match self {
            SecretInput::Given(s) | SecretInput::New(s) if s.trim().is_empty() => {
                SecretInput::Absent
            }
            other => other,
        }
    }

    fn is_present(self) -> bool {
        !matches!(self.normal(), SecretInput::Absent)
    }

    /// A secret typed or given here (not merely kept in the keyring).
    fn is_typed(self) -> bool {
        matches!(self.normal(), SecretInput::Given(_) | SecretInput::New(_))
    }
}

/// Settings as given, before they are taken: text as typed or read (empty is not set).
/// Fields a source does not have stay `None`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Draft<'a> {
    pub api_url: Option<&'a str>,
    pub client_id: Option<&'a str>,
    pub client_secret: SecretInput<'a>,
    pub destination_id: Option<&'a str>,
    pub currency: Option<&'a str>,
    pub auth: Option<&'a str>,
    pub webhook_bind: Option<&'a str>,
    pub webhook_secret: SecretInput<'a>,
    pub link_ttl: Option<&'a str>,
    pub sandbox_faults: Option<&'a str>,
    /// The labelled "Custom API address" option (`KASSA_CUSTOM_API=1` or the saved
    /// setting): a live counter may then use an address other than Aiia's own.
    pub custom_api: bool,
    /// Where the customer's phone goes after paying.
    pub redirect_url: Option<&'a str>,
    /// What a [`SecretInput::Stored`] Client Secret was saved for; `None` when unknown
    /// (nothing stored, or settings built in code).
    pub secret_for: Option<SecretFor<'a>>,
}

/// The values a valid [`Draft`] reads as.
#[derive(Debug, Clone)]
pub struct Checked {
    /// `None` when no currency text was given.
    pub currency: Option<Currency>,
    pub auth: AuthMode,
    /// `Some` when the listener is on (with its secret present).
    pub webhook_bind: Option<SocketAddr>,
    pub link_ttl: Duration,
    /// A link lifetime was given but does not apply: against Aiia itself a link lives 60 s.
    pub link_ttl_ignored: bool,
    pub sandbox_faults: Faults,
    /// The page after paying, when one is given.
    pub redirect_url: Option<String>,
}

fn text(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// Checks every field of `draft`; all problems come back, in the order of [`Field`].
///
/// The rules: the API address, when set, is an `http(s)://` address with a host. The Client
/// ID and destination have no spaces. Credentials are all or nothing: a Client ID needs a
/// Client Secret and a destination, a Client Secret needs its Client ID (a destination alone
/// is fine: the sandbox pays into it). The currency is DKK, SEK, NOK or EUR; the sign-in
/// method bearer or basic. The webhook listener needs both an address and port and a secret,
/// or neither; a new webhook secret is at least [`WEBHOOK_SECRET_MIN`] characters. A link
/// lives 10 to 3600 s. Sandbox faults are readable JSON.
pub fn validate(draft: &Draft<'_>) -> Result<Checked, Vec<FieldError>> {
    use Field as F;
    use Problem as P;
    let mut errors = Vec::new();
    let mut bad = |field, problem| errors.push(FieldError::new(field, problem));

    let client_id = text(draft.client_id);
    let live = client_id.is_some();
    // Against Aiia itself (a live counter without the custom-address option).
    let real_aiia = live && !draft.custom_api;
    if let Some(url) = text(draft.api_url) {
        match Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "https" | "http") && u.host_str().is_some())
        {
            None => bad(F::ApiUrl, P::NotAWebAddress(url.to_owned())),
            Some(u) if real_aiia => {
                let origin = u.origin().ascii_serialization();
                let path_ok = matches!(u.path(), "" | "/") && u.query().is_none();
                if !(AIIA_ORIGINS.contains(&origin.as_str()) && path_ok) {
                    bad(F::ApiUrl, P::NotAiia(url.to_owned()));
                }
            }
            Some(u) if u.scheme() == "http" && !is_loopback(&u) => {
                bad(F::ApiUrl, P::HttpNotLoopback(url.to_owned()))
            }
            Some(_) => {}
        }
    }

    let secret = draft.client_secret.normal();
    match client_id {
        Some(id) if id.chars().any(char::is_whitespace) => bad(F::ClientId, P::HasSpaces),
        // A secret kept in the keyring without an ID means nothing; a typed one needs its ID.
        None if secret.is_typed() => bad(F::ClientId, P::Missing),
        _ => {}
    }
    if client_id.is_some() && !secret.is_present() {
        bad(F::ClientSecret, P::Missing);
    }
    // A stored secret only goes where it was saved for (never to a new address or ID).
    if let (SecretInput::Stored, Some(bound), Some(id)) = (secret, draft.secret_for, client_id) {
        let origin = api_origin(draft.api_url);
        let same_origin = origin.as_deref() == Some(bound.api_origin);
        let same_id = id == bound.client_id;
        let changed = match (same_origin, same_id) {
            (true, true) => None,
            (false, true) => Some(Changed::ApiAddress),
            (true, false) => Some(Changed::ClientId),
            (false, false) => Some(Changed::Both),
        };
        if let Some(changed) = changed {
            bad(F::ClientSecret, P::SecretFor(changed));
        }
    }

    let destination = text(draft.destination_id);
    match destination {
        Some(d) if d.chars().any(char::is_whitespace) => bad(F::DestinationId, P::HasSpaces),
        None if client_id.is_some() => bad(F::DestinationId, P::Missing),
        _ => {}
    }

    let currency = match text(draft.currency) {
        None => None,
        Some(c) => match c.parse::<Currency>() {
            Ok(c) => Some(c),
            Err(_) => {
                bad(F::Currency, P::Unknown(c.to_owned()));
                None
            }
        },
    };

    let auth = match text(draft.auth).map(str::to_ascii_lowercase).as_deref() {
        // Basic is what every public example sends; bearer is an opt-in, not evidenced.
        None | Some("basic") => AuthMode::Basic,
        Some("bearer") => AuthMode::Bearer,
        Some(other) => {
            bad(F::Auth, P::Unknown(other.to_owned()));
            AuthMode::Basic
        }
    };

    let bind = text(draft.webhook_bind);
    let hook_secret = draft.webhook_secret.normal();
    let mut webhook_bind = None;
    match bind {
        Some(b) => match b.parse::<SocketAddr>() {
            Ok(addr) => webhook_bind = Some(addr),
            Err(_) => bad(F::WebhookBind, P::NotAnAddress(b.to_owned())),
        },
        None if hook_secret.is_typed() => bad(F::WebhookBind, P::Missing),
        None => {}
    }
    if bind.is_some() && !hook_secret.is_present() {
        bad(F::WebhookSecret, P::Missing);
    }
    if let SecretInput::New(s) = hook_secret
        && s.trim().chars().count() < WEBHOOK_SECRET_MIN
    {
        bad(F::WebhookSecret, P::TooShort(WEBHOOK_SECRET_MIN));
    }
    if !hook_secret.is_present() {
        webhook_bind = None;
    }

    let mut link_ttl_ignored = false;
    let link_ttl = match text(draft.link_ttl) {
        None => Duration::from_secs(60),
        Some(v) => match v.parse::<u64>() {
            // Only a sandbox may change how long a link lives; against Aiia it is 60 s.
            Ok(s) if LINK_TTL_RANGE.contains(&s) && real_aiia => {
                link_ttl_ignored = s != 60;
                Duration::from_secs(60)
            }
            Ok(s) if LINK_TTL_RANGE.contains(&s) => Duration::from_secs(s),
            _ => {
                bad(F::LinkTtl, P::OutOfRange(v.to_owned()));
                Duration::from_secs(60)
            }
        },
    };

    let sandbox_faults = match text(draft.sandbox_faults) {
        None => Faults::default(),
        Some(json) => match Faults::from_json(json) {
            Ok(f) => f,
            Err(e) => {
                bad(F::SandboxFaults, P::Unreadable(e.to_string()));
                Faults::default()
            }
        },
    };

    let redirect_url = text(draft.redirect_url);
    match redirect_url.map(|r| (r, Url::parse(r).ok().filter(|u| u.host_str().is_some()))) {
        None if real_aiia => bad(F::RedirectUrl, P::Missing),
        None => {}
        Some((r, None)) => bad(F::RedirectUrl, P::NotAWebAddress(r.to_owned())),
        Some((r, Some(u))) => match u.scheme() {
            "https" => {}
            "http" if live => bad(F::RedirectUrl, P::NotHttps(r.to_owned())),
            "http" => {}
            _ => bad(F::RedirectUrl, P::NotAWebAddress(r.to_owned())),
        },
    }

    if errors.is_empty() {
        Ok(Checked {
            currency,
            auth,
            webhook_bind,
            link_ttl,
            link_ttl_ignored,
            sandbox_faults,
            redirect_url: redirect_url.map(str::to_owned),
        })
    } else {
        Err(errors)
    }
}
