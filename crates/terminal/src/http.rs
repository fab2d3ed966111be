//! The terminal API over HTTP: `POST /nexo` with a JSON `SaleToPOIRequest`, a bearer token
//! in `Authorization`, the `SaleToPOIResponse` as the reply (a payment's reply comes when
//! its sale ends). Loopback only: the network would need TLS, which this server does not
//! do yet, so any other address is refused at start.

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
        "no token is set for the terminal API: set KASSA_TERMINAL_TOKEN to a secret of at \
         least {MIN_TOKEN_CHARS} characters and give the same to the register"
    )]
    NoToken,
    #[error(
        "the terminal API token is too short: use at least {MIN_TOKEN_CHARS} characters \
         (it has {0})"
    )]
    ShortToken(usize),
    #[error(
        "the terminal API serves this computer only (a loopback address such as \
         127.0.0.1:4020), not {0}: the network would need TLS, which Kassa does not do yet"
    )]
    NotLoopback(SocketAddr),
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

struct App {
    terminal: Arc<Terminal>,
    token: Token,
}

/// The terminal API's routes.
pub fn router(terminal: Arc<Terminal>, token: Token) -> Router {
    Router::new()
        .route(PATH, post(nexo))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(Arc::new(App { terminal, token }))
}

/// Binds `addr` (loopback only) for [`serve`].
pub async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, ServeError> {
    if !addr.ip().is_loopback() {
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
    token: Token,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(terminal, token))
        .with_graceful_shutdown(shutdown)
        .await
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
    let allowed = presented.is_some_and(|t| app.token.matches(t));
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
    async fn only_loopback_addresses_are_served() {
        let e = bind("0.0.0.0:0".parse().unwrap()).await.unwrap_err();
        assert!(
            e.to_string().contains("needs TLS") || e.to_string().contains("need TLS"),
            "{e}"
        );
        let l = bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
        assert!(l.local_addr().unwrap().ip().is_loopback());
    }
}
