//! The client's side of Aiia's Connect flow, which onboards the merchant's receiving account
//! (the *destination*) with the `payments:inbound` scope (`docs/aiia-wire.md`, "Connect flow"):
//! build the address the browser opens (with `state` and PKCE), read what the browser brings
//! back to the app's redirect address, trade the one-time code for a token (`POST
//! /v1/oauth/token`, JSON body) and read the consented accounts with it (`GET /v1/accounts`,
//! `accounts[].destinationId` and `name`).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::{RequestBuilder, Response, StatusCode, Url};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::wire::ErrorBody;
use crate::{AiiaError, Client, Secret, read_json, refusal};

/// The scope that lets a destination receive payments.
pub const SCOPE_PAYMENTS_INBOUND: &str = "payments:inbound";

/// A connected destination, as the service names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub id: String,
    pub name: Option<String>,
}

impl Destination {
    /// The account's name, or its id when the service gave none.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// PKCE (RFC 7636) for one attempt: the secret `code_verifier` kept by Kassa and the S256
/// `code_challenge` sent in the start address.
#[derive(Clone)]
pub struct Pkce {
    verifier: Secret,
    challenge: String,
}

impl std::fmt::Debug for Pkce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkce")
            .field("challenge", &self.challenge)
            .finish_non_exhaustive()
    }
}

impl Pkce {
    /// PKCE from 32 random bytes (the caller's randomness): the verifier is their base64url
    /// form, 43 characters (RFC 7636 section 4.1).
    pub fn from_random(bytes: [u8; 32]) -> Pkce {
        let verifier = URL_SAFE_NO_PAD.encode(bytes);
        let challenge = s256(&verifier);
        Pkce {
            verifier: Secret::new(verifier),
            challenge,
        }
    }

    /// PKCE for a given verifier: 43 to 128 of `A-Z a-z 0-9 - . _ ~` (RFC 7636 section 4.1).
    pub fn from_verifier(verifier: &str) -> Result<Pkce, AiiaError> {
        let ok_char = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        if !(43..=128).contains(&verifier.len()) || !verifier.bytes().all(ok_char) {
            return Err(AiiaError::Config(
                "a PKCE code_verifier is 43 to 128 letters, digits or - . _ ~".into(),
            ));
        }
        Ok(Pkce {
            verifier: Secret::new(verifier),
            challenge: s256(verifier),
        })
    }

    /// `code_challenge`: BASE64URL(SHA256(verifier)), no padding.
    pub fn challenge(&self) -> &str {
        &self.challenge
    }

    /// `code_verifier`, sent only in the code exchange.
    pub fn verifier(&self) -> &Secret {
        &self.verifier
    }
}

/// The S256 transformation of RFC 7636 section 4.2 (sha2 and base64 crates, nothing by hand).
pub fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// What the browser brought back from a granted connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Callback {
    /// The one-time code (single use, one minute).
    pub code: String,
    /// The consent the merchant gave, when the service names it (the public sample reads it).
    pub consent_id: Option<String>,
}

/// Why the browser's answer does not connect an account.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallbackError {
    #[error("the bank account was not connected: the connection was cancelled in the browser")]
    Cancelled,
    #[error("the bank account was not connected: the service said {error}{}", description.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Refused {
        error: String,
        description: Option<String>,
    },
    #[error("the answer in the browser does not belong to this connection attempt; start again")]
    WrongState,
    #[error(
        "the answer in the browser carries no state, so Kassa cannot tell it belongs to this connection attempt; it was ignored"
    )]
    NoState,
    #[error("the answer in the browser carries no code; start again")]
    NoCode,
}

impl CallbackError {
    /// A stray answer (not tied to this attempt): refused without ending the attempt.
    pub fn is_stray(&self) -> bool {
        matches!(self, CallbackError::WrongState | CallbackError::NoState)
    }
}

/// The address that starts the flow: `GET /v1/oauth/connect` with the client id, the
/// registered redirect address, the scope, `response_type=code`, an unguessable `state` and
/// the PKCE S256 challenge.
pub fn connect_url(
    base_url: &str,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
    pkce: &Pkce,
) -> Result<String, AiiaError> {
    let base = base_url.trim().trim_end_matches('/');
    Url::parse_with_params(
        &format!("{base}/v1/oauth/connect"),
        &[
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
            ("scope", SCOPE_PAYMENTS_INBOUND),
            ("response_type", "code"),
            ("state", state),
            ("code_challenge", pkce.challenge()),
            ("code_challenge_method", "S256"),
        ],
    )
    .map(String::from)
    .map_err(|e| AiiaError::Config(format!("bad API address \"{base_url}\": {e}")))
}

/// Reads the query the browser brought to the redirect address: the code (and `consentId`),
/// once the `state` is the one this attempt sent. An answer without `state`, or with another
/// one, is refused before anything in it is believed (`docs/aiia-wire.md`, "Connect flow").
pub fn read_callback(query: &str, expected_state: &str) -> Result<Callback, CallbackError> {
    let mut code = None;
    let mut state = None;
    let mut error = None;
    let mut description = None;
    let mut consent_id = None;
    for (k, v) in Url::parse(&format!("http://callback/?{query}"))
        .map(|u| u.query_pairs().into_owned().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        match k.as_str() {
            "code" => code = Some(v),
            "state" => state = Some(v),
            "error" => error = Some(v),
            "error_description" => description = Some(v),
            "consentId" => consent_id = Some(v),
            _ => {}
        }
    }
    match state.as_deref() {
        None | Some("") => return Err(CallbackError::NoState),
        Some(s) if s != expected_state => return Err(CallbackError::WrongState),
        Some(_) => {}
    }
    match (error, code) {
        (Some(e), _) if e == "access_denied" => Err(CallbackError::Cancelled),
        (Some(error), _) => Err(CallbackError::Refused { error, description }),
        (None, Some(code)) if !code.is_empty() => Ok(Callback {
            code,
            consent_id: consent_id.filter(|c| !c.trim().is_empty()),
        }),
        (None, _) => Err(CallbackError::NoCode),
    }
}

/// The token reply of `POST /v1/oauth/token` (RFC 6749 section 5.1, as the public sample
/// reads it: `access_token`, `expires_in`, `refresh_token`, `token_type`).
#[derive(Debug, Clone)]
pub struct ConnectToken {
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
    pub expires_in: Option<u64>,
    pub token_type: Option<String>,
}

#[derive(Deserialize)]
struct TokenReply {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(default)]
    token_type: Option<String>,
}

/// `GET /v1/accounts`: `{"accounts": [{"id", "name", "destinationId", …}]}`.
#[derive(Deserialize)]
struct AccountsReply {
    #[serde(default)]
    accounts: Vec<AccountReply>,
}

#[derive(Deserialize)]
struct AccountReply {
    #[serde(default)]
    name: Option<String>,
    #[serde(default, rename = "destinationId")]
    destination_id: Option<String>,
}

impl Client {
    /// Trades the flow's code (with the same redirect address and the attempt's PKCE
    /// verifier) for a token: a JSON body with HTTP Basic client credentials, as the public
    /// sample and the Postman collection send it. Never retried: the code is single use.
    pub async fn exchange_code(
        &self,
        code: &str,
        redirect_uri: &str,
        pkce: &Pkce,
    ) -> Result<ConnectToken, AiiaError> {
        let body = serde_json::json!({
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": pkce.verifier().expose(),
        });
        self.token_call(&body).await
    }

    /// Renews a Connect token with its refresh token (`grant_type=refresh_token`, JSON).
    pub async fn refresh_connect_token(
        &self,
        refresh_token: &Secret,
    ) -> Result<ConnectToken, AiiaError> {
        let body = serde_json::json!({
            "grant_type": "refresh_token",
            "refresh_token": refresh_token.expose(),
        });
        self.token_call(&body).await
    }

    async fn token_call(&self, body: &serde_json::Value) -> Result<ConnectToken, AiiaError> {
        let url = format!("{}/v1/oauth/token", self.base);
        let reply = self
            .send_oauth(
                self.http
                    .post(&url)
                    .basic_auth(
                        &self.config.client_id,
                        Some(self.config.client_secret.expose()),
                    )
                    .json(body),
                &url,
            )
            .await?;
        let token: TokenReply = read_json(reply).await?;
        if token.access_token.trim().is_empty() {
            return Err(AiiaError::Malformed {
                detail: "the token reply has an empty access_token".into(),
                source: None,
            });
        }
        Ok(ConnectToken {
            access_token: Secret::new(token.access_token),
            refresh_token: token
                .refresh_token
                .filter(|t| !t.is_empty())
                .map(Secret::new),
            expires_in: token.expires_in,
            token_type: token.token_type,
        })
    }

    /// `GET /v1/accounts` with a Connect token: the accounts the merchant consented to that
    /// can receive payments (those with a `destinationId`), in the service's order.
    pub async fn connected_accounts(
        &self,
        access_token: &Secret,
    ) -> Result<Vec<Destination>, AiiaError> {
        let url = format!("{}/v1/accounts", self.base);
        let reply = self
            .send_oauth(self.http.get(&url).bearer_auth(access_token.expose()), &url)
            .await?;
        if reply.status() == StatusCode::NOT_FOUND {
            return Err(AiiaError::Rejected {
                status: 404,
                code: "NotFound".into(),
                message: format!("{url} does not exist at this service"),
            });
        }
        let accounts: AccountsReply = read_json(reply).await?;
        Ok(accounts
            .accounts
            .into_iter()
            .filter_map(|a| {
                let id = a.destination_id?.trim().to_owned();
                (!id.is_empty()).then(|| Destination {
                    id,
                    name: a
                        .name
                        .map(|n| n.trim().to_owned())
                        .filter(|n| !n.is_empty()),
                })
            })
            .collect())
    }

    /// Sends and maps transport failures and error statuses, reading OAuth error bodies
    /// (`error`, `error_description`) as well as the API's (`code`, `message`), under the
    /// client's reply cap.
    async fn send_oauth(&self, req: RequestBuilder, url: &str) -> Result<Response, AiiaError> {
        self.send_mapped(req, url, |status, body, retry_after| {
            oauth_error(status, &String::from_utf8_lossy(body), retry_after)
        })
        .await
    }
}

/// The error a refused OAuth call means, in words a merchant can act on.
fn oauth_error(status: StatusCode, body: &str, retry_after: Option<Duration>) -> AiiaError {
    let body: ErrorBody = serde_json::from_str(body).unwrap_or_default();
    let (code, message) = body.code_and_message();
    // A refused sign-in names OAuth's code too ("invalid_client"): it says which credential.
    let message = match status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
            let code = code.as_deref().unwrap_or(status.as_str());
            let text = message
                .as_deref()
                .or(status.canonical_reason())
                .unwrap_or("no message");
            Some(format!("{text} ({code})"))
        }
        _ => message,
    };
    refusal(status, code, message, retry_after)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn pkce() -> Pkce {
        Pkce::from_verifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").unwrap()
    }

    #[test]
    fn s256_matches_the_rfc_7636_example() {
        // RFC 7636 appendix B.
        assert_eq!(
            pkce().challenge(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        let p = Pkce::from_random([7; 32]);
        assert_eq!(p.verifier().expose().len(), 43);
        assert_eq!(p.challenge(), s256(p.verifier().expose()));
        assert!(!format!("{p:?}").contains(p.verifier().expose()));
        assert!(Pkce::from_verifier("short").is_err());
        assert!(Pkce::from_verifier(&"a".repeat(129)).is_err());
        assert!(Pkce::from_verifier(&format!("{}+", "a".repeat(43))).is_err());
    }

    #[test]
    fn the_start_address_carries_every_parameter_encoded_with_state_and_pkce() {
        let url = connect_url(
            "https://api.aiia.eu/",
            "my id",
            "http://127.0.0.1:47615/connect/callback",
            "a&b",
            &pkce(),
        )
        .unwrap();
        assert_eq!(
            url,
            "https://api.aiia.eu/v1/oauth/connect?client_id=my+id&redirect_uri=http%3A%2F%2F127.0.0.1%3A47615%2Fconnect%2Fcallback&scope=payments%3Ainbound&response_type=code&state=a%26b&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        );
        assert!(!url.contains("dBjftJeZ4CVP"), "the verifier never leaves");
        assert!(connect_url("not a url", "id", "http://x/", "s", &pkce()).is_err());
    }

    #[test]
    fn the_callback_is_believed_only_with_the_right_state() {
        assert_eq!(
            read_callback("code=abc&state=s1&consentId=c-9", "s1").unwrap(),
            Callback {
                code: "abc".into(),
                consent_id: Some("c-9".into())
            }
        );
        assert_eq!(
            read_callback("code=abc&state=s1", "s1").unwrap().consent_id,
            None
        );
        assert_eq!(
            read_callback("code=abc&state=s2", "s1"),
            Err(CallbackError::WrongState)
        );
        assert!(
            read_callback("code=abc&state=s2", "s1")
                .unwrap_err()
                .is_stray()
        );
        assert_eq!(
            read_callback("error=access_denied&state=s1", "s1"),
            Err(CallbackError::Cancelled)
        );
        let e = read_callback(
            "error=invalid_scope&error_description=no+such+scope&state=s1",
            "s1",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "the bank account was not connected: the service said invalid_scope (no such scope)"
        );
        assert!(!e.is_stray());
        assert_eq!(read_callback("state=s1", "s1"), Err(CallbackError::NoCode));
        assert_eq!(
            read_callback("code=&state=s1", "s1"),
            Err(CallbackError::NoCode)
        );
    }

    #[test]
    fn a_callback_without_state_is_refused_as_stray() {
        for query in [
            "code=abc",
            "code=abc&state=",
            "code=abc&consentId=c",
            "error=access_denied",
        ] {
            let e = read_callback(query, "s1").unwrap_err();
            assert_eq!(e, CallbackError::NoState, "{query}");
            assert!(e.is_stray());
        }
    }

    #[test]
    fn oauth_error_bodies_become_readable_messages() {
        let e = oauth_error(
            StatusCode::BAD_REQUEST,
            r#"{"error":"invalid_grant","error_description":"the code is unknown, used or expired"}"#,
            None,
        );
        assert_eq!(
            e.to_string(),
            "the payment service refused the request (invalid_grant): the code is unknown, used or expired"
        );
        let e = oauth_error(
            StatusCode::UNAUTHORIZED,
            r#"{"error":"invalid_client","error_description":"client authentication failed"}"#,
            None,
        );
        assert_eq!(
            e.to_string(),
            "the payment service refused the credentials: client authentication failed (invalid_client)"
        );
        let e = oauth_error(
            StatusCode::BAD_REQUEST,
            r#"{"code":"InvalidRequest","message":"no"}"#,
            None,
        );
        assert_eq!(
            e.to_string(),
            "the payment service refused the request (InvalidRequest): no"
        );
        let e = oauth_error(StatusCode::BAD_REQUEST, "<html>", None);
        assert_eq!(
            e.to_string(),
            "the payment service refused the request (400): Bad Request"
        );
        assert!(matches!(
            oauth_error(StatusCode::SERVICE_UNAVAILABLE, "", None),
            AiiaError::Server { status: 503, .. }
        ));
    }
}
