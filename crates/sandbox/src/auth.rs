//! Client credentials (HTTP Basic) and the access tokens issued for them.

use std::collections::HashMap;

use axum::http::{HeaderMap, header};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use uuid::Uuid;

/// What an `Authorization` header carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Credentials {
    Basic { client_id: String, secret: String },
    Bearer(String),
}

/// Reads the `Authorization` header; `None` when absent or unreadable.
pub(crate) fn credentials(headers: &HeaderMap) -> Option<Credentials> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, rest) = value.split_once(' ')?;
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") {
        return (!rest.is_empty()).then(|| Credentials::Bearer(rest.to_owned()));
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = String::from_utf8(STANDARD.decode(rest).ok()?).ok()?;
        let (client_id, secret) = decoded.split_once(':')?;
        return Some(Credentials::Basic {
            client_id: client_id.to_owned(),
            secret: secret.to_owned(),
        });
    }
    None
}

/// Compares two strings in time independent of where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Issued access tokens and when each expires (epoch ms).
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    expiry: HashMap<String, i64>,
}

impl Tokens {
    /// A new random token valid until `expires_ms`; expired tokens are dropped on the way.
    pub fn issue(&mut self, now_ms: i64, expires_ms: i64) -> String {
        self.expiry.retain(|_, &mut exp| exp > now_ms);
        let token = format!("sbx{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
        self.expiry.insert(token.clone(), expires_ms);
        token
    }

    /// The token was issued here and has not expired at `now_ms`.
    pub fn is_valid(&self, token: &str, now_ms: i64) -> bool {
        self.expiry.get(token).is_some_and(|&exp| exp > now_ms)
    }

    /// Ends a token's life now.
    pub fn revoke(&mut self, token: &str) {
        self.expiry.remove(token);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use axum::http::HeaderValue;

    use super::*;

    fn with_auth(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn reads_basic_and_bearer() {
        let basic = format!("Basic {}", STANDARD.encode("id:se:cret"));
        assert_eq!(
            credentials(&with_auth(&basic)),
            Some(Credentials::Basic {
                client_id: "id".into(),
                secret: "se:cret".into()
            })
        );
        assert_eq!(
            credentials(&with_auth("bearer abc")),
            Some(Credentials::Bearer("abc".into()))
        );
    }

    #[test]
    fn refuses_unreadable_headers() {
        assert_eq!(credentials(&HeaderMap::new()), None);
        for bad in ["Bearer", "Bearer  ", "Basic !!!", "Basic", "Digest abc"] {
            assert_eq!(credentials(&with_auth(bad)), None, "{bad}");
        }
        let no_colon = format!("Basic {}", STANDARD.encode("nocolon"));
        assert_eq!(credentials(&with_auth(&no_colon)), None);
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("sandbox-secret", "sandbox-secret"));
        assert!(!same_secret("sandbox-secret", "sandbox-secreT"));
        assert!(!same_secret("sandbox-secret", "sandbox"));
        assert!(same_secret("", ""));
    }

    #[test]
    fn tokens_expire_and_are_pruned() {
        let mut tokens = Tokens::default();
        let a = tokens.issue(0, 1_000);
        assert!(tokens.is_valid(&a, 999));
        assert!(!tokens.is_valid(&a, 1_000));
        assert!(!tokens.is_valid("made-up", 0));
        let b = tokens.issue(2_000, 3_000);
        assert_ne!(a, b);
        assert_eq!(tokens.expiry.len(), 1, "the expired token was dropped");
    }
}
