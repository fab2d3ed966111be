//! Starting the terminal API beside a host's counter from the environment: the app serves
//! registers when `KASSA_TERMINAL_TOKEN` is set (`KASSA_TERMINAL_BIND`, default
//! `127.0.0.1:4020`; `KASSA_TERMINAL_TLS_CERT` and `KASSA_TERMINAL_TLS_KEY` for TLS;
//! `KASSA_TERMINAL_POI_ID`, default `KASSA`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use crate::http::{ServeError, Tls, Token};
use crate::service::{CounterSource, Terminal, TerminalConfig};

/// Where registers reach Kassa unless told otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:4020";

/// The terminal API's settings, as the environment gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerminalSettings {
    pub token: String,
    pub bind: SocketAddr,
    pub tls: Option<(PathBuf, PathBuf)>,
    pub poi_id: String,
}

/// Why the environment's terminal settings do not read.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("KASSA_TERMINAL_BIND {0:?} is not an address and port such as 127.0.0.1:4020")]
    Bind(String),
    #[error("give both KASSA_TERMINAL_TLS_CERT and KASSA_TERMINAL_TLS_KEY, or neither")]
    HalfTls,
}

impl TerminalSettings {
    /// `None` when no token is set (the terminal API is off).
    pub fn from_vars(
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<TerminalSettings>, SettingsError> {
        let set = |k: &str| var(k).filter(|v| !v.trim().is_empty());
        let Some(token) = set("KASSA_TERMINAL_TOKEN") else {
            return Ok(None);
        };
        let bind_text = set("KASSA_TERMINAL_BIND").unwrap_or_else(|| DEFAULT_BIND.to_owned());
        let bind = bind_text
            .trim()
            .parse()
            .map_err(|_| SettingsError::Bind(bind_text.clone()))?;
        let tls = match (
            set("KASSA_TERMINAL_TLS_CERT"),
            set("KASSA_TERMINAL_TLS_KEY"),
        ) {
            (Some(c), Some(k)) => Some((PathBuf::from(c), PathBuf::from(k))),
            (None, None) => None,
            _ => return Err(SettingsError::HalfTls),
        };
        Ok(Some(TerminalSettings {
            token,
            bind,
            tls,
            poi_id: set("KASSA_TERMINAL_POI_ID").unwrap_or_else(|| "KASSA".to_owned()),
        }))
    }
}

/// A terminal API being served: where, and the TLS certificate's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Serving {
    pub url: String,
    pub fingerprint: Option<String>,
}

/// Binds and serves the terminal API on the counters `source` gives, in a task of its own
/// for as long as the runtime runs.
pub async fn start(
    settings: TerminalSettings,
    source: CounterSource,
) -> Result<Serving, ServeError> {
    let token = Token::new(&settings.token)?;
    let tls = match &settings.tls {
        Some((cert, key)) => Some(Tls::from_pem_files(cert, key)?),
        None => None,
    };
    let listener = crate::http::bind(settings.bind, tls.is_some()).await?;
    let addr = listener.local_addr().unwrap_or(settings.bind);
    let config = TerminalConfig {
        poi_id: settings.poi_id,
        ..TerminalConfig::default()
    };
    let terminal = Arc::new(Terminal::on(source, config));
    let scheme = if tls.is_some() { "https" } else { "http" };
    let serving = Serving {
        url: format!("{scheme}://{addr}{}", crate::http::PATH),
        fingerprint: tls.as_ref().map(|t| t.fingerprint().to_owned()),
    };
    tokio::spawn(async move {
        let served = match tls {
            Some(tls) => crate::http::serve_tls(listener, terminal, token, tls).await,
            None => crate::http::serve(listener, terminal, token, std::future::pending()).await,
        };
        if let Err(e) = served {
            tracing::error!(error = %e, "the terminal API stopped");
        }
    });
    Ok(serving)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_environment_turns_the_terminal_api_on_with_a_token() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(TerminalSettings::from_vars(vars(&[])).unwrap(), None);
        let on = TerminalSettings::from_vars(vars(&[("KASSA_TERMINAL_TOKEN", "t")]))
            .unwrap()
            .unwrap();
        assert_eq!(on.bind, DEFAULT_BIND.parse().unwrap());
        assert_eq!((on.tls, on.poi_id.as_str()), (None, "KASSA"));
        assert!(matches!(
            TerminalSettings::from_vars(vars(&[
                ("KASSA_TERMINAL_TOKEN", "t"),
                ("KASSA_TERMINAL_BIND", "nowhere")
            ])),
            Err(SettingsError::Bind(_))
        ));
        assert!(matches!(
            TerminalSettings::from_vars(vars(&[
                ("KASSA_TERMINAL_TOKEN", "t"),
                ("KASSA_TERMINAL_TLS_CERT", "c.pem")
            ])),
            Err(SettingsError::HalfTls)
        ));
    }
}
