//! The terminal API over HTTP: `POST /nexo` with a JSON `SaleToPOIRequest`, a bearer token
//! in `Authorization`, the `SaleToPOIResponse` as the reply (a payment's reply comes when
//! its sale ends). Plain HTTP on a loopback address only; on the shop's network only over
//! TLS ([`Tls`]: the merchant's certificate and key, its SHA-256 fingerprint shown so the
//! register can pin it).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response as HttpResponse};
use axum::routing::post;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::nexo::{ErrorCondition, Response};
use crate::service::Terminal;

/// The path registers post to.
pub const PATH: &str = "/nexo";
/// The largest request body taken (a nexo request is a few hundred bytes).
pub const MAX_BODY: usize = 64 * 1024;
/// The shortest token Kassa takes.
pub const MIN_TOKEN_CHARS: usize = 16;

/// Why the terminal server does not start. `Display` is the merchant's sentence.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(
        "no token is set for the terminal API: make one with `kassa terminal token --new` \
         (a manager's step), or set KASSA_TERMINAL_TOKEN to a secret of at least \
         {MIN_TOKEN_CHARS} characters, and give the same to the register"
    )]
    NoToken,
    #[error(
        "the terminal API token is too short: use at least {MIN_TOKEN_CHARS} characters \
         (it has {0})"
    )]
    ShortToken(usize),
    #[error(
        "the terminal API serves {0} only over TLS: give --tls-cert and --tls-key (a \
         certificate and its key, PEM), or bind a loopback address such as 127.0.0.1:4020"
    )]
    NotLoopback(SocketAddr),
    #[error("cannot read the TLS certificate or key {path}: {reason}")]
    TlsFile { path: String, reason: String },
    #[error("the TLS certificate and key do not make a TLS server: {0}")]
    TlsConfig(String),
    #[error("cannot make Kassa's TLS certificate in {path}: {reason}")]
    OwnCertificate { path: String, reason: String },
    #[error("cannot listen for registers on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

/// The token registers must send, kept as an HMAC-SHA256 tag under a key made at start: a
/// presented token is checked by `hmac`'s constant-time tag comparison, so neither its
/// length nor where it differs shows in the time taken.
pub struct Token {
    key: Vec<u8>,
    tag: Vec<u8>,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

impl Token {
    /// The token `secret` (at least [`MIN_TOKEN_CHARS`] characters), keyed with fresh
    /// randomness from the OS.
    pub fn new(secret: &str) -> Result<Token, ServeError> {
        let secret = secret.trim();
        if secret.is_empty() {
            return Err(ServeError::NoToken);
        }
        let chars = secret.chars().count();
        if chars < MIN_TOKEN_CHARS {
            return Err(ServeError::ShortToken(chars));
        }
        let mut key = Vec::with_capacity(32);
        key.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        key.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
        let tag = tag(&key, secret.as_bytes()).unwrap_or_default();
        Ok(Token { key, tag })
    }

    /// Whether `presented` is the token.
    pub fn matches(&self, presented: &str) -> bool {
        match <Hmac<Sha256> as Mac>::new_from_slice(&self.key) {
            Ok(mut mac) => {
                mac.update(presented.as_bytes());
                mac.verify_slice(&self.tag).is_ok()
            }
            Err(_) => false,
        }
    }
}

fn tag(key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).ok()?;
    mac.update(data);
    Some(mac.finalize().into_bytes().to_vec())
}

/// The token a server takes, replaceable while it serves (a new one made in Settings);
/// none refuses every request.
pub type Tokens = Arc<std::sync::RwLock<Option<Token>>>;

/// A [`Tokens`] holding `token`.
pub fn tokens(token: Option<Token>) -> Tokens {
    Arc::new(std::sync::RwLock::new(token))
}

struct App {
    terminal: Arc<Terminal>,
    tokens: Tokens,
}

/// The terminal API's routes.
pub fn router(terminal: Arc<Terminal>, tokens: Tokens) -> Router {
    Router::new()
        .route(PATH, post(nexo))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(Arc::new(App { terminal, tokens }))
}

/// TLS for the terminal API: the merchant's certificate (chain) and private key, and the
/// certificate's SHA-256 fingerprint for pairing the register.
#[derive(Clone)]
pub struct Tls {
    config: Arc<rustls::ServerConfig>,
    fingerprint: String,
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tls({})", self.fingerprint)
    }
}

impl Tls {
    /// Reads the certificate chain (PEM, the server's first) and its private key (PEM).
    pub fn from_pem_files(
        cert: &std::path::Path,
        key: &std::path::Path,
    ) -> Result<Tls, ServeError> {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        let file = |path: &std::path::Path, reason: String| ServeError::TlsFile {
            path: path.display().to_string(),
            reason,
        };
        let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
            .map_err(|e| file(cert, e.to_string()))?
            .collect::<Result<_, _>>()
            .map_err(|e| file(cert, e.to_string()))?;
        let Some(first) = chain.first() else {
            return Err(file(cert, "it holds no certificate".into()));
        };
        let fingerprint = fingerprint(first.as_ref());
        let key = PrivateKeyDer::from_pem_file(key).map_err(|e| file(key, e.to_string()))?;
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| ServeError::TlsConfig(e.to_string()))?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|e| ServeError::TlsConfig(e.to_string()))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Tls {
            config: Arc::new(config),
            fingerprint,
        })
    }

    /// Kassa's own certificate, kept in `dir` as `terminal-cert.pem` and `terminal-key.pem`
    /// (the key readable by this user only): made once, for `names` (host names and IP
    /// addresses, e.g. `localhost`, `192.168.1.5`), then the same at every start, so a
    /// register paired with its fingerprint stays paired. Delete both files for a new one.
    pub fn own(dir: &std::path::Path, names: &[String]) -> Result<Tls, ServeError> {
        let cert = dir.join(OWN_CERT);
        let key = dir.join(OWN_KEY);
        if !(cert.exists() && key.exists()) {
            make_own(dir, &cert, &key, names)?;
        }
        Tls::from_pem_files(&cert, &key)
    }

    /// The certificate's SHA-256 fingerprint, `AB:CD:…` (as `openssl x509 -fingerprint
    /// -sha256` writes it): the register pins it when it pairs.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

/// Kassa's own certificate and key, beside the journal.
pub const OWN_CERT: &str = "terminal-cert.pem";
pub const OWN_KEY: &str = "terminal-key.pem";

fn make_own(
    dir: &std::path::Path,
    cert: &std::path::Path,
    key: &std::path::Path,
    names: &[String],
) -> Result<(), ServeError> {
    let failed = |reason: String| ServeError::OwnCertificate {
        path: dir.display().to_string(),
        reason,
    };
    let pair = rcgen::KeyPair::generate().map_err(|e| failed(e.to_string()))?;
    let mut params =
        rcgen::CertificateParams::new(names.to_vec()).map_err(|e| failed(e.to_string()))?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Kassa terminal API");
    let made = params
        .self_signed(&pair)
        .map_err(|e| failed(e.to_string()))?;
    std::fs::create_dir_all(dir).map_err(|e| failed(e.to_string()))?;
    let write = |path: &std::path::Path, text: String| -> Result<(), ServeError> {
        use std::io::Write;
        let mut file =
            kassa_journal::files::create_private(path).map_err(|e| failed(e.to_string()))?;
        file.set_len(0).map_err(|e| failed(e.to_string()))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| failed(e.to_string()))
    };
    // The key first: a certificate without its key is never left behind as "made".
    write(key, pair.serialize_pem())?;
    write(cert, made.pem())?;
    Ok(())
}

fn fingerprint(der: &[u8]) -> String {
    use sha2::Digest;
    Sha256::digest(der)
        .iter()
        .map(|b| hex::encode_upper([*b]))
        .collect::<Vec<_>>()
        .join(":")
}

/// Binds `addr` for [`serve`] (plain HTTP: loopback only) or [`serve_tls`] (`tls`: any
/// address).
pub async fn bind(addr: SocketAddr, tls: bool) -> Result<tokio::net::TcpListener, ServeError> {
    if !tls && !addr.ip().is_loopback() {
        return Err(ServeError::NotLoopback(addr));
    }

    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })
}

/// Serves registers on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    terminal: Arc<Terminal>,
    tokens: Tokens,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(terminal, tokens))
        .with_graceful_shutdown(shutdown)
        .await
}

/// How long a client has to finish the TLS handshake, and to send a request's headers.
const HANDSHAKE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves registers over TLS on `listener` for as long as the future runs.
pub async fn serve_tls(
    listener: tokio::net::TcpListener,
    terminal: Arc<Terminal>,
    tokens: Tokens,
    tls: Tls,
) -> std::io::Result<()> {
    let app = router(terminal, tokens);
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::clone(&tls.config));
    loop {
        let (tcp, peer) = match listener.accept().await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "a register's connection could not be accepted");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                continue;
            }
        };
        let acceptor = acceptor.clone();
        let app = app.clone();
        tokio::spawn(async move {
            let stream = match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => {
                    tracing::info!(%peer, error = %e, "a TLS handshake failed");
                    return;
                }
                Err(_) => return,
            };
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HANDSHAKE_TIMEOUT);
            let served = builder
                .serve_connection(
                    hyper_util::rt::TokioIo::new(stream),
                    hyper_util::service::TowerToHyperService::new(app),
                )
                .await;
            if let Err(e) = served {
                tracing::debug!(%peer, error = %e, "a register's connection ended");
            }
        });
    }
}

async fn nexo(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> HttpResponse {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim);
    let allowed = presented.is_some_and(|t| {
        app.tokens
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_ref()
            .is_some_and(|token| token.matches(t))
    });
    if !allowed {
        tracing::warn!(
            token_sent = presented.is_some(),
            "a terminal API request with a wrong or missing token was refused"
        );
        let message = if presented.is_some() {
            "the token is wrong: send the token set in Kassa as Authorization: Bearer TOKEN; nothing was done"
        } else {
            "no token: send the token set in Kassa as Authorization: Bearer TOKEN; nothing was done"
        };
        let envelope = app.terminal.refusal(
            &body,
            Response::failure(ErrorCondition::NotAllowed, message, &[]),
        );
        return (StatusCode::UNAUTHORIZED, axum::Json(envelope)).into_response();
    }
    let reply = app.terminal.handle(&body).await;
    let status = StatusCode::from_u16(reply.http_status).unwrap_or(StatusCode::OK);
    (status, axum::Json(reply.envelope)).into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_token_matches_itself_only() {
        let t = Token::new("a-long-enough-secret").unwrap();
        assert!(t.matches("a-long-enough-secret"));
        assert!(!t.matches("a-long-enough-secreT"));
        assert!(!t.matches("a-long-enough-secret "));
        assert!(!t.matches(""));
        assert!(matches!(
            Token::new("short"),
            Err(ServeError::ShortToken(5))
        ));
        assert!(matches!(Token::new("  "), Err(ServeError::NoToken)));
        assert_eq!(format!("{t:?}"), "Token(…)");
    }

    #[tokio::test]
    async fn plain_http_serves_loopback_addresses_only() {
        let e = bind("0.0.0.0:0".parse().unwrap(), false).await.unwrap_err();
        assert!(e.to_string().contains("only over TLS"), "{e}");
        let l = bind("127.0.0.1:0".parse().unwrap(), false).await.unwrap();
        assert!(l.local_addr().unwrap().ip().is_loopback());
        assert!(bind("0.0.0.0:0".parse().unwrap(), true).await.is_ok());
    }

    #[test]
    fn kassas_own_certificate_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let names = vec!["localhost".to_owned(), "127.0.0.1".to_owned()];
        let first = Tls::own(dir.path(), &names).unwrap();
        let again = Tls::own(dir.path(), &names).unwrap();
        assert_eq!(
            first.fingerprint(),
            again.fingerprint(),
            "the same at every start"
        );
        assert_eq!(first.fingerprint().len(), 95);
        let pem = std::fs::read_to_string(dir.path().join(OWN_CERT)).unwrap();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{pem}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(OWN_KEY))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "the key is this user's only");
        }
        std::fs::remove_file(dir.path().join(OWN_CERT)).unwrap();
        let new = Tls::own(dir.path(), &names).unwrap();
        assert_ne!(new.fingerprint(), first.fingerprint(), "deleted: a new one");
    }

    #[test]
    fn a_missing_or_empty_certificate_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "").unwrap();
        let e = Tls::from_pem_files(&dir.path().join("none.pem"), &empty).unwrap_err();
        assert!(e.to_string().contains("none.pem"), "{e}");
        let e = Tls::from_pem_files(&empty, &empty).unwrap_err();
        assert!(e.to_string().contains("no certificate"), "{e}");
        assert_eq!(fingerprint(b"abc").len(), 32 * 3 - 1);
        assert!(fingerprint(b"abc").starts_with("BA:78:16:BF"));
    }
}
