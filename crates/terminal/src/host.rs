//! Starting the terminal API beside a host's counter: the app serves registers when a
//! token is set, in `KASSA_TERMINAL_TOKEN` or in the OS keyring (`kassa terminal token
//! --new`, a manager's step); `KASSA_TERMINAL_BIND` (default `127.0.0.1:4020`),
//! `KASSA_TERMINAL_TLS_CERT` and `KASSA_TERMINAL_TLS_KEY` for TLS, `KASSA_TERMINAL_POI_ID`
//! (default `KASSA`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use crate::http::{ServeError, Tls, Token, Tokens};
use crate::service::{CounterSource, Terminal, TerminalConfig};

/// Where registers reach Kassa unless told otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:4020";

/// The names Kassa's own certificate is made for when it serves `bind`: `localhost`,
/// `127.0.0.1`, and the address itself when it is one (not `0.0.0.0`).
pub fn own_names(bind: SocketAddr) -> Vec<String> {
    let mut names = vec!["localhost".to_owned(), "127.0.0.1".to_owned()];
    let ip = bind.ip();
    if !ip.is_unspecified() && !ip.is_loopback() {
        names.push(ip.to_string());
    }
    names
}

/// The OS keyring account the registers' token is kept under (in the counter's service).
pub const TOKEN_ACCOUNT: &str = "terminal-token";

/// The registers' token from the environment (`KASSA_TERMINAL_TOKEN`, when not blank): it
/// wins over the keyring's, and the window cannot change it.
pub fn env_token(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    var("KASSA_TERMINAL_TOKEN").filter(|t| !t.trim().is_empty())
}

/// The token kept in `secrets` (the counter's keyring), if one is set.
pub fn stored_token(
    secrets: &dyn kassa_boot::SecretStore,
) -> Result<Option<String>, kassa_boot::SecretError> {
    Ok(secrets
        .get_account(TOKEN_ACCOUNT)?
        .map(|s| s.expose().to_owned())
        .filter(|t| !t.trim().is_empty()))
}

/// Makes a new token (244 random bits from the OS, as 64 hex digits), keeps it in
/// `secrets` in place of any earlier one, and returns it to give to the register once.
pub fn new_token(secrets: &dyn kassa_boot::SecretStore) -> Result<String, kassa_boot::SecretError> {
    let token = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    secrets.set_account(TOKEN_ACCOUNT, &kassa_aiia::Secret::new(token.clone()))?;
    Ok(token)
}

/// Removes the kept token: the app stops serving registers at its next start.
pub fn remove_token(secrets: &dyn kassa_boot::SecretStore) -> Result<(), kassa_boot::SecretError> {
    secrets.delete_account(TOKEN_ACCOUNT)
}

/// The terminal API's settings, as the environment gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerminalSettings {
    pub token: String,
    pub bind: SocketAddr,
    pub tls: Option<TlsSource>,
    pub poi_id: String,
}

/// Which certificate TLS serves with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsSource {
    /// The merchant's certificate and key (PEM files).
    Files(PathBuf, PathBuf),
    /// Kassa's own, made once and kept in the journal's folder ([`Tls::own`]).
    Own,
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
        TerminalSettings::from_vars_or(var, None)
    }

    /// The token from `KASSA_TERMINAL_TOKEN`, else `stored` (the keyring's); `None` when
    /// neither is set (the terminal API is off).
    pub fn from_vars_or(
        var: impl Fn(&str) -> Option<String>,
        stored: Option<String>,
    ) -> Result<Option<TerminalSettings>, SettingsError> {
        let set = |k: &str| var(k).filter(|v| !v.trim().is_empty());
        let Some(token) = env_token(&var).or(stored) else {
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
            (Some(c), Some(k)) => Some(TlsSource::Files(PathBuf::from(c), PathBuf::from(k))),
            (None, None) if set("KASSA_TERMINAL_TLS").is_some_and(|v| v.trim() == "1") => {
                Some(TlsSource::Own)
            }
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

/// A terminal API being served: where, the TLS certificate's fingerprint, and the token it
/// takes (replaced by [`Serving::set_token`]).
#[derive(Clone)]
pub struct Serving {
    pub url: String,
    pub fingerprint: Option<String>,
    tokens: Tokens,
}

impl std::fmt::Debug for Serving {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Serving")
            .field("url", &self.url)
            .field("fingerprint", &self.fingerprint)
            .finish_non_exhaustive()
    }
}

impl Serving {
    /// From now on the server takes `token` (none: it refuses every request).
    pub fn set_token(&self, token: Option<&str>) -> Result<(), ServeError> {
        let token = token.map(Token::new).transpose()?;
        *self
            .tokens
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = token;
        Ok(())
    }

    /// Whether it takes a token at all.
    pub fn has_token(&self) -> bool {
        self.tokens
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .is_some()
    }
}

/// Binds and serves the terminal API on the counters `source` gives, in a task of its own
/// for as long as the runtime runs. `dir` keeps Kassa's own certificate (the journal's
/// folder).
pub async fn start(
    settings: TerminalSettings,
    source: CounterSource,
    dir: &std::path::Path,
) -> Result<Serving, ServeError> {
    let tokens = crate::http::tokens(Some(Token::new(&settings.token)?));
    let tls = match &settings.tls {
        Some(TlsSource::Files(cert, key)) => Some(Tls::from_pem_files(cert, key)?),
        Some(TlsSource::Own) => Some(Tls::own(dir, &own_names(settings.bind))?),
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
        tokens: std::sync::Arc::clone(&tokens),
    };
    tokio::spawn(async move {
        let served = match tls {
            Some(tls) => crate::http::serve_tls(listener, terminal, tokens, tls).await,
            None => crate::http::serve(listener, terminal, tokens, std::future::pending()).await,
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
        let own = TerminalSettings::from_vars(vars(&[
            ("KASSA_TERMINAL_TOKEN", "t"),
            ("KASSA_TERMINAL_TLS", "1"),
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(own.tls, Some(TlsSource::Own));
        assert_eq!(
            own_names("192.168.1.5:4020".parse().unwrap()),
            ["localhost", "127.0.0.1", "192.168.1.5"]
        );
        assert_eq!(own_names("0.0.0.0:4020".parse().unwrap()).len(), 2);
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
        // The environment wins over the kept token.
        let kept = Some("kept".to_owned());
        assert_eq!(
            TerminalSettings::from_vars_or(vars(&[]), kept.clone())
                .unwrap()
                .unwrap()
                .token,
            "kept"
        );
        assert_eq!(
            TerminalSettings::from_vars_or(vars(&[("KASSA_TERMINAL_TOKEN", "env")]), kept)
                .unwrap()
                .unwrap()
                .token,
            "env"
        );
    }

    #[test]
    fn a_new_token_is_kept_in_the_keyring_and_replaces_the_old_one() {
        let secrets = kassa_boot::MemorySecrets::default();
        assert_eq!(stored_token(&secrets).unwrap(), None);
        let first = new_token(&secrets).unwrap();
        assert_eq!(first.len(), 64);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()));
        let second = new_token(&secrets).unwrap();
        assert_ne!(first, second);
        assert_eq!(stored_token(&secrets).unwrap(), Some(second));
        remove_token(&secrets).unwrap();
        assert_eq!(stored_token(&secrets).unwrap(), None);
    }
}
