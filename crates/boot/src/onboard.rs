//! "Connect bank account": runs Aiia's Connect flow from the desktop. Kassa listens on a
//! loopback redirect address, the system browser walks the merchant through the service's
//! account picker, and the browser comes back to Kassa with a one-time code. Kassa trades it
//! (with the attempt's PKCE verifier) for a token, reads the consented accounts with
//! `GET /v1/accounts`, and hands them to the host: the merchant picks one (when there are
//! several) and confirms its name before [`save_destination`] stores it
//! (`docs/aiia-wire.md`, "Connect flow").
//!
//! A failed attempt (a refused code, a cancelled picker) does not end the flow: the listener
//! stays, and [`ConnectFlow::try_again`] starts a fresh authorization (new `state`, new
//! verifier) on it. A callback without this attempt's `state` is refused and ignored.
//!
//! The flow runs against whatever the settings point at: Aiia with the merchant's
//! credentials, an external sandbox, or (with no credentials) a built-in sandbox started for
//! the flow. The redirect address must be registered for the app at Aiia; the default is
//! [`DEFAULT_REDIRECT`], and `KASSA_CONNECT_REDIRECT` changes it.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use kassa_aiia::connect::{CallbackError, Destination, Pkce, connect_url, read_callback};
use kassa_aiia::{AiiaError, Client};
use kassa_sandbox::RunningSandbox;
use reqwest::Url;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use crate::{BootError, SavedError, SavedSettings, Settings, connect, settings_path};

/// The redirect address Kassa registers with Aiia (a setting: `kassa-config`'s).
pub use kassa_config::DEFAULT_REDIRECT;

/// How long the merchant has to finish in the browser.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10 * 60);

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(
        "bad redirect address \"{0}\": it must be http on this machine (127.0.0.1, localhost or [::1]) with a port"
    )]
    BadRedirect(String),
    #[error(
        "cannot listen on {addr} for the browser's answer ({source}); is another Kassa connecting an account?"
    )]
    Listen {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Boot(#[from] BootError),
    #[error(transparent)]
    Callback(#[from] CallbackError),
    #[error("the service did not accept the code the browser brought back: {0}")]
    Exchange(#[source] AiiaError),
    #[error("the service did not list the connected accounts: {0}")]
    Service(#[from] AiiaError),
    #[error(
        "the service names no account that can receive payments for this connection; connect again and choose an account"
    )]
    NoAccounts,
    #[error("account {0} is not one of the accounts just connected ({1})")]
    NotOffered(String, String),
    #[error(
        "the bank account was not connected: nothing came back from the browser in {0} minutes"
    )]
    TimedOut(u64),
    #[error("the account was connected but Kassa could not save it: {0}")]
    Save(#[from] SavedError),
}

impl ConnectError {
    /// The flow is still listening after this error: the merchant can try again.
    pub fn can_try_again(&self) -> bool {
        matches!(
            self,
            ConnectError::Callback(_)
                | ConnectError::Exchange(_)
                | ConnectError::Service(_)
                | ConnectError::NoAccounts
        )
    }
}

/// Where a flow's unguessable values come from: the `state` of each attempt and the 32
/// random bytes of its PKCE verifier. [`OsRandom`] in the hosts; fixed values in tests.
pub trait ConnectRandom: Send + Sync + 'static {
    fn state(&self) -> String;
    fn verifier_bytes(&self) -> [u8; 32];
}

/// The operating system's randomness (through `uuid`'s v4 generator: 122 random bits for
/// a state, 244 for a verifier).
#[derive(Debug, Clone, Copy, Default)]
pub struct OsRandom;

impl ConnectRandom for OsRandom {
    fn state(&self) -> String {
        uuid::Uuid::new_v4().simple().to_string()
    }

    fn verifier_bytes(&self) -> [u8; 32] {
        let mut bytes = [0_u8; 32];
        bytes[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        bytes[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        bytes
    }
}

/// What a granted connection brought: the accounts that can receive payments (the
/// merchant picks one and confirms its name) and the consent, if the service named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connected {
    pub accounts: Vec<Destination>,
    pub consent_id: Option<String>,
}

impl Connected {
    /// The account with this `destinationId`, if it is one of those connected.
    pub fn choose(&self, destination_id: &str) -> Result<&Destination, ConnectError> {
        let wanted = destination_id.trim();
        self.accounts
            .iter()
            .find(|a| a.id == wanted)
            .ok_or_else(|| {
                ConnectError::NotOffered(
                    wanted.to_owned(),
                    self.accounts
                        .iter()
                        .map(|a| format!("{}: {}", a.id, a.label()))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
    }

    /// The one account, when only one came back.
    pub fn only(&self) -> Option<&Destination> {
        match self.accounts.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

type Outcome = Result<Connected, ConnectError>;

/// One authorization: its `state` and PKCE.
struct Attempt {
    state: String,
    pkce: Pkce,
}

struct Shared {
    client: Client,
    client_id: String,
    redirect_uri: String,
    random: Arc<dyn ConnectRandom>,
    /// The attempt the listener believes answers for; taken by the answer that matches it.
    attempt: Mutex<Option<Attempt>>,
    outcomes: mpsc::UnboundedSender<Outcome>,
}

impl Shared {
    /// A fresh attempt replaces the current one; returns its start address.
    fn fresh_attempt(&self) -> Result<String, ConnectError> {
        let attempt = Attempt {
            state: self.random.state(),
            pkce: Pkce::from_random(self.random.verifier_bytes()),
        };
        let url = connect_url(
            self.client.base_url(),
            &self.client_id,
            &self.redirect_uri,
            &attempt.state,
            &attempt.pkce,
        )?;
        *self.attempt.lock().unwrap_or_else(PoisonError::into_inner) = Some(attempt);
        Ok(url)
    }
}

/// Starts fresh attempts on a running flow from elsewhere (the window's "Try again").
#[derive(Clone)]
pub struct ConnectRetry {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for ConnectRetry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectRetry")
            .field("redirect_uri", &self.shared.redirect_uri)
            .finish_non_exhaustive()
    }
}

impl ConnectRetry {
    /// A fresh authorization (new `state`, new verifier); the old attempt's answers are
    /// refused from now on. Returns the address the browser opens.
    pub fn try_again(&self) -> Result<String, ConnectError> {
        self.shared.fresh_attempt()
    }
}

/// A started flow: open [`ConnectFlow::url`] in the browser, then [`ConnectFlow::wait`].
/// Dropping it stops listening.
pub struct ConnectFlow {
    url: String,
    redirect_uri: String,
    shared: Arc<Shared>,
    outcomes: mpsc::UnboundedReceiver<Outcome>,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
    _sandbox: Option<RunningSandbox>,
}

impl std::fmt::Debug for ConnectFlow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectFlow")
            .field("url", &self.url)
            .field("redirect_uri", &self.redirect_uri)
            .finish_non_exhaustive()
    }
}

impl ConnectFlow {
    /// Starts listening on `redirect` (port 0 takes a free port) and builds the address that
    /// starts the first attempt, with a `state` and PKCE from `random`.
    pub async fn start(
        settings: &Settings,
        redirect: &str,
        random: Arc<dyn ConnectRandom>,
    ) -> Result<Self, ConnectError> {
        let (addr, path) = loopback(redirect)?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| ConnectError::Listen { addr, source })?;
        let bound = listener
            .local_addr()
            .map_err(|source| ConnectError::Listen { addr, source })?;
        let mut redirect_url =
            Url::parse(redirect).map_err(|_| ConnectError::BadRedirect(redirect.into()))?;
        redirect_url
            .set_port(Some(bound.port()))
            .map_err(|()| ConnectError::BadRedirect(redirect.into()))?;
        let redirect_uri = redirect_url.to_string();

        let crate::Service {
            client, sandbox, ..
        } = connect(settings).await?;
        let (tx, outcomes) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            client,
            client_id: client_id(settings, sandbox.as_ref()),
            redirect_uri: redirect_uri.clone(),
            random,
            attempt: Mutex::new(None),
            outcomes: tx,
        });
        let url = shared.fresh_attempt()?;
        let router = Router::new()
            .route(&path, get(callback))
            .with_state(shared.clone());
        let (stop, task) = crate::serve::spawn(listener, router, "the Connect redirect listener");
        tracing::info!(redirect_uri = %redirect_uri, "waiting for the Connect flow");
        Ok(ConnectFlow {
            url,
            redirect_uri,
            shared,
            outcomes,
            stop: Some(stop),
            task,
            _sandbox: sandbox,
        })
    }

    /// The address the browser opens to start the current attempt.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Where the browser comes back to.
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// A handle that starts fresh attempts while another task waits.
    pub fn retry_handle(&self) -> ConnectRetry {
        ConnectRetry {
            shared: self.shared.clone(),
        }
    }

    /// A fresh authorization on the same listener, after a failed attempt: returns the new
    /// start address (also [`ConnectFlow::url`] from now on).
    pub fn try_again(&mut self) -> Result<&str, ConnectError> {
        self.url = self.shared.fresh_attempt()?;
        Ok(&self.url)
    }

    /// Waits for the next answer from the browser and the service: the connected accounts,
    /// or why this attempt failed (the flow keeps listening; see
    /// [`ConnectError::can_try_again`]).
    pub async fn wait(&mut self, timeout: Duration) -> Result<Connected, ConnectError> {
        let result = match tokio::time::timeout(timeout, self.outcomes.recv()).await {
            Ok(Some(result)) => result,
            // The listener ended without an answer: only when it could not serve.
            Ok(None) | Err(_) => Err(ConnectError::TimedOut(timeout.as_secs() / 60)),
        };
        // Let the browser receive its page before the caller may drop the server.
        tokio::time::sleep(Duration::from_millis(100)).await;
        result
    }
}

impl Drop for ConnectFlow {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        self.task.abort();
    }
}

/// Stores a connected destination in the settings file beside the journal, keeping the rest.
pub fn save_destination(settings: &Settings, destination: &Destination) -> Result<(), SavedError> {
    let path = settings_path(&settings.db_path);
    let mut saved = SavedSettings::load(&path)?;
    saved.destination_id = Some(destination.id.clone());
    saved.destination_name = destination.name.clone();
    saved.save(&path)
}

/// The Client ID the flow starts with: the merchant's, or the sandbox's own.
fn client_id(settings: &Settings, sandbox: Option<&RunningSandbox>) -> String {
    match (&settings.client_id, sandbox) {
        (Some(id), _) => id.clone(),
        (None, Some(s)) => s.sandbox().config().client_id.clone(),
        (None, None) => kassa_sandbox::SandboxConfig::default().client_id,
    }
}

/// The socket and path a loopback redirect address listens on.
fn loopback(redirect: &str) -> Result<(SocketAddr, String), ConnectError> {
    let bad = || ConnectError::BadRedirect(redirect.into());
    let url = Url::parse(redirect).map_err(|_| bad())?;
    if url.scheme() != "http" || url.query().is_some() || url.fragment().is_some() {
        return Err(bad());
    }
    let ip: IpAddr = match url.host_str() {
        Some("localhost") => IpAddr::from([127, 0, 0, 1]),
        Some(h) => h
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse()
            .map_err(|_| bad())?,
        None => return Err(bad()),
    };
    if !ip.is_loopback() {
        return Err(bad());
    }
    let port = url.port().ok_or_else(bad)?;
    Ok((SocketAddr::new(ip, port), url.path().to_owned()))
}

async fn callback(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    let read = {
        let mut current = shared
            .attempt
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(attempt) = current.as_ref() else {
            return page(
                StatusCode::BAD_REQUEST,
                false,
                "This answer was already used. Go back to Kassa and press Try again there.",
            );
        };
        match read_callback(&query, &attempt.state) {
            // A stray or forged request (no state, or another one) does not end the attempt.
            Err(e) if e.is_stray() => {
                tracing::warn!(reason = %e, "a Connect answer was ignored");
                return page(StatusCode::BAD_REQUEST, false, &upper_first(&e.to_string()));
            }
            // The attempt's one answer: its state and verifier are spent with it.
            Err(e) => {
                current.take();
                Err(e)
            }
            Ok(cb) => current
                .take()
                .map(|attempt| (cb, attempt))
                .ok_or(CallbackError::NoCode),
        }
    };
    let (callback, attempt) = match read {
        Ok(pair) => pair,
        Err(e) => {
            let text = format!(
                "{}. Go back to Kassa to try again.",
                upper_first(&e.to_string())
            );
            report(&shared, Err(e.into()));
            return page(StatusCode::OK, false, &text);
        }
    };
    let token = match shared
        .client
        .exchange_code(&callback.code, &shared.redirect_uri, &attempt.pkce)
        .await
    {
        Ok(token) => token,
        Err(e) => {
            let e = ConnectError::Exchange(e);
            let text = format!(
                "{}. Go back to Kassa and press Try again.",
                upper_first(&e.to_string())
            );
            tracing::warn!(error = %e, "the Connect code was not accepted");
            report(&shared, Err(e));
            return page(StatusCode::BAD_GATEWAY, false, &text);
        }
    };
    let outcome = match shared.client.connected_accounts(&token.access_token).await {
        Ok(accounts) if accounts.is_empty() => Err(ConnectError::NoAccounts),
        Ok(accounts) => Ok(Connected {
            accounts,
            consent_id: callback.consent_id,
        }),
        Err(e) => Err(ConnectError::Service(e)),
    };
    let (status, ok, text) = match &outcome {
        Ok(c) => {
            tracing::info!(accounts = c.accounts.len(), consent_id = ?c.consent_id, "Connect granted");
            let what = match c.only() {
                Some(one) => format!("{} was found", one.label()),
                None => format!("{} accounts were found", c.accounts.len()),
            };
            (
                StatusCode::OK,
                true,
                format!(
                    "{what}. Go back to Kassa to confirm the account that receives your payments; nothing is saved until you do. You can close this tab."
                ),
            )
        }
        Err(e) => (
            StatusCode::BAD_GATEWAY,
            false,
            format!(
                "{}. Go back to Kassa and press Try again.",
                upper_first(&e.to_string())
            ),
        ),
    };
    report(&shared, outcome);
    page(status, ok, &text)
}

fn report(shared: &Shared, outcome: Outcome) {
    if shared.outcomes.send(outcome).is_err() {
        tracing::warn!("a Connect answer came after the flow was given up");
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn page(status: StatusCode, ok: bool, text: &str) -> Response {
    let (title, colour) = if ok {
        ("Bank account found", "#13845a")
    } else {
        ("Bank account not connected", "#b3261e")
    };
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            c => c.to_string(),
        })
        .collect();
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kassa</title>
<style>body{{font-family:system-ui,sans-serif;background:#f4f6f9;color:#1c2430;display:flex;min-height:90vh;align-items:center;justify-content:center}}
main{{background:#fff;border-radius:16px;padding:32px 40px;max-width:520px;box-shadow:0 2px 10px rgba(0,0,0,.08)}}
h1{{color:{colour};margin-top:0}}</style></head>
<body><main><h1>{title}</h1><p>{escaped}</p></main></body></html>"#
    );
    (status, Html(html)).into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn only_loopback_http_addresses_with_a_port_are_listened_on() {
        assert_eq!(
            loopback(DEFAULT_REDIRECT).unwrap(),
            (
                "127.0.0.1:47615".parse().unwrap(),
                "/connect/callback".into()
            )
        );
        assert_eq!(
            loopback("http://localhost:0/cb").unwrap(),
            ("127.0.0.1:0".parse().unwrap(), "/cb".into())
        );
        assert_eq!(
            loopback("http://[::1]:9/").unwrap(),
            ("[::1]:9".parse().unwrap(), "/".into())
        );
        for bad in [
            "https://127.0.0.1:1/cb",
            "http://192.168.1.2:1/cb",
            "http://example.com:1/cb",
            "http://127.0.0.1/cb",
            "http://127.0.0.1:1/cb?x=1",
            "nonsense",
        ] {
            let e = loopback(bad).unwrap_err();
            assert!(
                e.to_string().contains("must be http on this machine"),
                "{bad}: {e}"
            );
        }
    }
}
