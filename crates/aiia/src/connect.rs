//! The client's side of Aiia's Connect flow, which onboards the merchant's receiving account
//! (the *destination*) with the `payments:inbound` scope (`docs/aiia-wire.md`, "Connect flow"):
//! build the address the browser opens, read what the browser brings back to the app's
//! redirect address, and trade the one-time code for the `destinationId`.

use reqwest::Url;
use serde::Deserialize;

use crate::{AiiaError, Client, read_json};

/// The scope that lets a destination receive payments.
pub const SCOPE_PAYMENTS_INBOUND: &str = "payments:inbound";

/// A connected destination, as the service names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub id: String,
    pub name: Option<String>,
}

/// `POST /v1/oauth/token` reply to `grant_type=authorization_code`. Only the destination is
/// kept: the token itself is not needed by a counter, which uses client credentials.
#[derive(Debug, Clone, Deserialize)]
pub struct ConnectTokenResponse {
    #[serde(rename = "destinationId")]
    pub destination_id: Option<String>,
    #[serde(rename = "destinationName")]
    pub destination_name: Option<String>,
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
    #[error("the answer in the browser carries no code; start again")]
    NoCode,
}

/// The address that starts the flow: `GET /v1/oauth/connect` with the client id, the
/// registered redirect address, the scope, `response_type=code` and an unguessable `state`.
pub fn connect_url(
    base_url: &str,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
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
        ],
    )
    .map(String::from)
    .map_err(|e| AiiaError::Config(format!("bad API address \"{base_url}\": {e}")))
}

/// Reads the query the browser brought to the redirect address: the code, once the `state`
/// is the one this attempt sent.
pub fn read_callback(query: &str, expected_state: &str) -> Result<String, CallbackError> {
    let mut code = None;
    let mut state = None;
    let mut error = None;
    let mut description = None;
    for (k, v) in reqwest::Url::parse(&format!("http://callback/?{query}"))
        .map(|u| u.query_pairs().into_owned().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        match k.as_str() {
            "code" => code = Some(v),
            "state" => state = Some(v),
            "error" => error = Some(v),
            "error_description" => description = Some(v),
            _ => {}
        }
    }
    // A state that does not match is refused before anything else is believed.
    if state.as_deref() != Some(expected_state) {
        return Err(CallbackError::WrongState);
    }
    match (error, code) {
        (Some(e), _) if e == "access_denied" => Err(CallbackError::Cancelled),
        (Some(error), _) => Err(CallbackError::Refused { error, description }),
        (None, Some(code)) if !code.is_empty() => Ok(code),
        (None, _) => Err(CallbackError::NoCode),
    }
}

impl Client {
    /// Trades the flow's code (with the same redirect address) for the destination.
    pub async fn finish_connect(
        &self,
        code: &str,
        redirect_uri: &str,
    ) -> Result<Destination, AiiaError> {
        let url = format!("{}/v1/oauth/token", self.base);
        let reply = self
            .send(
                self.http
                    .post(&url)
                    .basic_auth(
                        &self.config.client_id,
                        Some(self.config.client_secret.expose()),
                    )
                    .form(&[
                        ("grant_type", "authorization_code"),
                        ("code", code),
                        ("redirect_uri", redirect_uri),
                    ]),
                &url,
            )
            .await?;
        let token: ConnectTokenResponse = read_json(reply).await?;
        let id = token
            .destination_id
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .ok_or_else(|| AiiaError::Malformed {
                detail: "the reply connecting the account names no destinationId".into(),
                source: None,
            })?;
        Ok(Destination {
            id,
            name: token.destination_name.filter(|n| !n.trim().is_empty()),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn the_start_address_carries_every_parameter_encoded() {
        let url = connect_url(
            "https://api.aiia.eu/",
            "my id",
            "http://127.0.0.1:47615/connect/callback",
            "a&b",
        )
        .unwrap();
        assert_eq!(
            url,
            "https://api.aiia.eu/v1/oauth/connect?client_id=my+id&redirect_uri=http%3A%2F%2F127.0.0.1%3A47615%2Fconnect%2Fcallback&scope=payments%3Ainbound&response_type=code&state=a%26b"
        );
        assert!(connect_url("not a url", "id", "http://x/", "s").is_err());
    }

    #[test]
    fn the_callback_is_believed_only_with_the_right_state() {
        assert_eq!(read_callback("code=abc&state=s1", "s1").unwrap(), "abc");
        assert_eq!(
            read_callback("code=abc&state=s2", "s1"),
            Err(CallbackError::WrongState)
        );
        assert_eq!(
            read_callback("code=abc", "s1"),
            Err(CallbackError::WrongState)
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
        assert_eq!(read_callback("state=s1", "s1"), Err(CallbackError::NoCode));
        assert_eq!(
            read_callback("code=&state=s1", "s1"),
            Err(CallbackError::NoCode)
        );
    }
}
