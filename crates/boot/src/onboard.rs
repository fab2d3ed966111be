//! "Connect bank account": runs Aiia's Connect flow from the desktop. Kassa listens on a
//! loopback redirect address, the system browser walks the merchant through the service's
//! account picker, and the browser comes back to Kassa with a one-time code, which is traded
//! for the `destinationId` (`docs/aiia-wire.md`, "Connect flow").
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
use kassa_aiia::connect::{CallbackError, Destination, connect_url, read_callback};
use kassa_aiia::{AiiaError, Client};
use kassa_sandbox::RunningSandbox;
use reqwest::Url;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
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
    #[error("the service did not confirm the account: {0}")]
    Service(#[from] AiiaError),
    #[error(
        "the bank account was not connected: nothing came back from the browser in {0} minutes"
    )]
    TimedOut(u64),
    #[error("the account was connected but Kassa could not save it: {0}")]
    Save(#[from] SavedError),
}

/// A started flow: open [`ConnectFlow::url`] in the browser, then [`ConnectFlow::wait`].
/// Dropping it stops listening.
pub struct ConnectFlow {
    url: String,
    redirect_uri: String,
    outcome: oneshot::Receiver<Result<Destination, ConnectError>>,
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

struct Shared {
    client: Client,
    redirect_uri: String,
    state: String,
    outcome: Mutex<Option<oneshot::Sender<Result<Destination, ConnectError>>>>,
}

impl ConnectFlow {
    /// Starts listening on `redirect` (port 0 takes a free port) and builds the address that
    /// starts the flow. `state` must be unguessable; it ties the answer to this attempt.
    pub async fn start(
        settings: &Settings,
        redirect: &str,
        state: String,
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

        let (client, _, sandbox) = connect(settings).await?;
        let url = connect_url(
            client.base_url(),
            &client_id(settings, sandbox.as_ref()),
            &redirect_uri,
            &state,
        )?;
        let (tx, outcome) = oneshot::channel();
        let shared = Arc::new(Shared {
            client,
            redirect_uri: redirect_uri.clone(),
            state,
            outcome: Mutex::new(Some(tx)),
        });
        let router = Router::new().route(&path, get(callback)).with_state(shared);
        let (stop, task) = crate::serve::spawn(listener, router, "the Connect redirect listener");
        tracing::info!(redirect_uri = %redirect_uri, "waiting for the Connect flow");
        Ok(ConnectFlow {
            url,
            redirect_uri,
            outcome,
            stop: Some(stop),
            task,
            _sandbox: sandbox,
        })
    }

    /// The address the browser opens to start the flow.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Where the browser comes back to.
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// Waits for the browser's answer and the service's confirmation.
    pub async fn wait(mut self, timeout: Duration) -> Result<Destination, ConnectError> {
        let result = match tokio::time::timeout(timeout, &mut self.outcome).await {
            Ok(Ok(result)) => result,
            // The listener ended without an answer: only when it could not serve.
            Ok(Err(_)) => Err(ConnectError::TimedOut(timeout.as_secs() / 60)),
            Err(_) => Err(ConnectError::TimedOut(timeout.as_secs() / 60)),
        };
        // Let the browser receive its page before the server goes.
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

/// A fresh, unguessable `state` for one attempt (122 random bits from the OS).
pub fn random_state() -> String {
    uuid::Uuid::new_v4().simple().to_string()
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
    let code = match read_callback(&query, &shared.state) {
        Ok(code) => code,
        // A stray or forged request does not end the attempt.
        Err(CallbackError::WrongState) => {
            tracing::warn!("a Connect answer with the wrong state was ignored");
            return page(
                StatusCode::BAD_REQUEST,
                false,
                &CallbackError::WrongState.to_string(),
            );
        }
        Err(e) => {
            let text = e.to_string();
            finish(&shared, Err(e.into()));
            return page(StatusCode::OK, false, &text);
        }
    };
    match shared
        .client
        .finish_connect(&code, &shared.redirect_uri)
        .await
    {
        Ok(destination) => {
            let name = destination
                .name
                .clone()
                .unwrap_or_else(|| destination.id.clone());
            tracing::info!(destination_id = %destination.id, "bank account connected");
            finish(&shared, Ok(destination));
            page(
                StatusCode::OK,
                true,
                &format!(
                    "{name} now receives Kassa's payments. You can close this tab and go back to Kassa."
                ),
            )
        }
        Err(e) => {
            let text = format!("The service did not confirm the account: {e}");
            finish(&shared, Err(e.into()));
            page(StatusCode::BAD_GATEWAY, false, &text)
        }
    }
}

fn finish(shared: &Shared, result: Result<Destination, ConnectError>) {
    let sender = shared
        .outcome
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    if let Some(tx) = sender {
        let _ = tx.send(result);
    }
}

fn page(status: StatusCode, ok: bool, text: &str) -> Response {
    let (title, colour) = if ok {
        ("Bank account connected", "#13845a")
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
