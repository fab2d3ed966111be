//! The hub's address: a PostgreSQL URL (`postgres://user[:password]@host[:port]/database`,
//! with `sslmode` and `sslrootcert` as libpq reads them), its password from the URL or the
//! OS keyring, and how the connection is made (TLS through rustls, a short connect timeout).

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::{HubError, Result};

/// How long a connection attempt may take before the hub counts as unreachable.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// TLS to the hub. rustls always checks the server's certificate and name, so `require`,
/// `verify-ca` and `verify-full` all mean a verified TLS connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tls {
    /// Plain TCP (`sslmode=disable`).
    Off,
    /// TLS when the server offers it, else plain (libpq's default, `prefer`).
    Prefer,
    /// TLS or nothing (`require`, `verify-ca`, `verify-full`).
    Require,
}

/// A hub to connect to.
#[derive(Clone)]
pub struct HubConfig {
    pub(crate) pg: tokio_postgres::Config,
    pub(crate) tls: Tls,
    /// A CA certificate (PEM) to trust instead of the system's roots (`sslrootcert`).
    pub(crate) root_cert: Option<PathBuf>,
    /// Where, for messages: `host:port/database` (never the password).
    pub(crate) shown: String,
    pub(crate) user: String,
    pub(crate) database: String,
}

impl std::fmt::Debug for HubConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HubConfig")
            .field("hub", &self.shown)
            .field("user", &self.user)
            .field("tls", &self.tls)
            .finish_non_exhaustive()
    }
}

impl HubConfig {
    /// Reads `url`; `password` (from the keyring) is used when the URL has none.
    pub fn parse(url: &str, password: Option<&str>) -> Result<HubConfig> {
        let url = url.trim();
        let bad = |why: &str| HubError::BadAddress {
            why: why.to_owned(),
        };
        let rest = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))
            .ok_or_else(|| bad("it does not start with postgres://"))?;
        let (base, query) = match rest.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (rest, None),
        };
        let mut tls = Tls::Prefer;
        let mut root_cert = None;
        let mut kept: Vec<&str> = Vec::new();
        for pair in query
            .into_iter()
            .flat_map(|q| q.split('&'))
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" => {
                    tls = match value {
                        "disable" => Tls::Off,
                        "allow" | "prefer" => Tls::Prefer,
                        "require" | "verify-ca" | "verify-full" => Tls::Require,
                        _ => {
                            return Err(bad(&format!(
                                "sslmode {value} is not one of disable, prefer, require, verify-ca, verify-full"
                            )));
                        }
                    }
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(percent_decode(value))),
                _ => kept.push(pair),
            }
        }
        let stripped = if kept.is_empty() {
            format!("postgres://{base}")
        } else {
            format!("postgres://{base}?{}", kept.join("&"))
        };
        let mut pg =
            tokio_postgres::Config::from_str(&stripped).map_err(|e| bad(&e.to_string()))?;
        if pg.get_hosts().is_empty() {
            return Err(bad("it names no host"));
        }
        let user = pg
            .get_user()
            .map(str::to_owned)
            .ok_or_else(|| bad("it names no user (postgres://user@host/database)"))?;
        let database = pg
            .get_dbname()
            .map(str::to_owned)
            .ok_or_else(|| bad("it names no database (postgres://user@host/database)"))?;
        if pg.get_password().is_none()
            && let Some(p) = password.filter(|p| !p.is_empty())
        {
            pg.password(p);
        }
        if pg.get_connect_timeout().is_none() {
            pg.connect_timeout(CONNECT_TIMEOUT);
        }
        pg.application_name("kassa");
        pg.ssl_mode(match tls {
            Tls::Off => tokio_postgres::config::SslMode::Disable,
            Tls::Prefer => tokio_postgres::config::SslMode::Prefer,
            Tls::Require => tokio_postgres::config::SslMode::Require,
        });
        let host = match pg.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(h)) => h.clone(),
            Some(tokio_postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => String::new(),
        };
        let port = pg.get_ports().first().copied().unwrap_or(5432);
        Ok(HubConfig {
            shown: format!("{host}:{port}/{database}"),
            pg,
            tls,
            root_cert,
            user,
            database,
        })
    }

    /// `host:port/database`, for messages.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The database user the address names.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Whether the URL or the keyring gave a password.
    pub fn has_password(&self) -> bool {
        self.pg.get_password().is_some()
    }

    /// A connection attempt gives up after `t` (tests of an unreachable hub).
    pub fn with_connect_timeout(mut self, t: Duration) -> Self {
        self.pg.connect_timeout(t);
        self
    }

    pub(crate) fn rustls(&self) -> Result<rustls::ClientConfig> {
        let tls_err = |why: String| HubError::Tls {
            hub: self.shown.clone(),
            why,
        };
        let provider = std::sync::Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| tls_err(e.to_string()))?;
        match &self.root_cert {
            Some(path) => {
                use rustls::pki_types::{CertificateDer, pem::PemObject};
                let mut roots = rustls::RootCertStore::empty();
                let certs = CertificateDer::pem_file_iter(path)
                    .map_err(|e| tls_err(format!("cannot read {}: {e}", path.display())))?;
                for cert in certs {
                    let cert =
                        cert.map_err(|e| tls_err(format!("cannot read {}: {e}", path.display())))?;
                    roots
                        .add(cert)
                        .map_err(|e| tls_err(format!("{}: {e}", path.display())))?;
                }
                Ok(builder.with_root_certificates(roots).with_no_client_auth())
            }
            None => {
                let verifier = rustls_platform_verifier::Verifier::new(provider)
                    .map_err(|e| tls_err(e.to_string()))?;
                Ok(builder
                    .dangerous()
                    .with_custom_certificate_verifier(std::sync::Arc::new(verifier))
                    .with_no_client_auth())
            }
        }
    }
}

/// `%XX` escapes of a URL part decoded (the rest as it is).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_its_options_is_read_and_shown_without_its_password() {
        let c = HubConfig::parse(
            "postgres://kassa:s3cret@hub.example:6543/shop?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem",
            None,
        )
        .unwrap();
        assert_eq!(c.shown(), "hub.example:6543/shop");
        assert_eq!(c.tls, Tls::Require);
        assert_eq!(
            c.root_cert.as_deref(),
            Some(std::path::Path::new("/etc/ca.pem"))
        );
        assert!(c.has_password());
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn the_keyring_password_fills_in_only_where_the_address_has_none() {
        let c =
            HubConfig::parse("postgresql://kassa@127.0.0.1/shop", Some("from-keyring")).unwrap();
        assert_eq!(c.pg.get_password(), Some(&b"from-keyring"[..]));
        assert_eq!(c.tls, Tls::Prefer);
        assert_eq!(c.shown(), "127.0.0.1:5432/shop");
        let c = HubConfig::parse("postgres://kassa:url@127.0.0.1/shop", Some("keyring")).unwrap();
        assert_eq!(c.pg.get_password(), Some(&b"url"[..]));
    }

    #[test]
    fn a_bad_address_says_what_is_wrong() {
        for (url, says) in [
            ("http://hub/shop", "postgres://"),
            ("postgres://kassa@hub", "no database"),
            ("postgres://hub.example/shop", "no user"),
            (
                "postgres://kassa@hub/shop?sslmode=sometimes",
                "sslmode sometimes",
            ),
        ] {
            let e = HubConfig::parse(url, None).unwrap_err();
            assert!(
                matches!(e, HubError::BadAddress { .. }) && e.to_string().contains(says),
                "{url}: {e}"
            );
        }
    }
}
