//! Aiia's Connect flow for a payment destination (`docs/aiia-wire.md`, "Connect flow").
//!
//! 1. `GET /v1/oauth/connect?client_id&redirect_uri&scope=payments:inbound&response_type=code
//!    [&state]` answers `302` to the hosted account picker, `/sandbox/connect/{session}`.
//! 2. The merchant picks the receiving account there (or cancels).
//! 3. The browser is sent back to `redirect_uri?code=…&state=…` (or `?error=access_denied`).
//! 4. The app trades the code at `POST /v1/oauth/token` (`grant_type=authorization_code`,
//!    `code`, `redirect_uri`, HTTP Basic client credentials) for a token and the
//!    `destinationId`. Codes are single use and live five minutes.
//!
//! The redirect address must be registered with the service; the sandbox accepts any
//! loopback address (what a desktop app listens on) plus [`crate::SandboxConfig::redirect_uris`].

use std::collections::HashMap;

use reqwest::Url;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A started flow must be finished within this time.
const SESSION_TTL_MS: i64 = 15 * 60 * 1000;
/// A code must be traded within this time.
const CODE_TTL_MS: i64 = 5 * 60 * 1000;

/// The scopes that onboard a destination.
const PAYMENT_SCOPES: [&str; 2] = ["payments:inbound", "payments:outbound"];

/// The query of `GET /v1/oauth/connect`.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct ConnectQuery {
    pub client_id: Option<String>,
    pub redirect_uri: Option<String>,
    pub scope: Option<String>,
    pub response_type: Option<String>,
    pub state: Option<String>,
}

/// Why a flow cannot start. `Page` errors are shown in the browser (the redirect address
/// cannot be trusted); `Redirect` errors go back to the app as OAuth errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StartError {
    Page(String),
    Redirect(String),
}

/// `POST /v1/oauth/token` reply for `grant_type=authorization_code`: the token fields of
/// RFC 6749 plus the destination the flow connected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectTokenResponse {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: u64,
    pub scope: String,
    #[serde(rename = "destinationId")]
    pub destination_id: String,
    #[serde(rename = "destinationName")]
    pub destination_name: String,
}

#[derive(Debug, Clone)]
struct Session {
    redirect_uri: String,
    state: Option<String>,
    scope: String,
    expires_ms: i64,
}

#[derive(Debug, Clone)]
struct IssuedCode {
    destination_id: String,
    redirect_uri: String,
    scope: String,
    expires_ms: i64,
}

/// A traded code: what the token reply reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Connected {
    pub destination_id: String,
    pub scope: String,
}

/// What the account picker shows for a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Picker {
    pub session_id: String,
    pub scope: String,
}

#[derive(Debug, Default)]
pub(crate) struct ConnectState {
    sessions: HashMap<String, Session>,
    codes: HashMap<String, IssuedCode>,
}

impl ConnectState {
    /// Validates the start of a flow and opens a session; returns its id.
    pub fn start(
        &mut self,
        query: &ConnectQuery,
        client_ok: bool,
        registered: &[String],
        now_ms: i64,
    ) -> Result<String, StartError> {
        self.prune(now_ms);
        if !client_ok {
            return Err(StartError::Page(
                "The client_id is missing or not known to this service.".into(),
            ));
        }
        let redirect_uri = query
            .redirect_uri
            .as_deref()
            .filter(|r| is_registered(r, registered))
            .ok_or_else(|| {
                StartError::Page(
                    "The redirect_uri is missing or not registered for this app.".into(),
                )
            })?;
        if query.response_type.as_deref() != Some("code") {
            return Err(StartError::Redirect("unsupported_response_type".into()));
        }
        let scope = query.scope.as_deref().unwrap_or_default();
        let scopes: Vec<&str> = scope.split_whitespace().collect();
        if scopes.is_empty() || !scopes.iter().all(|s| PAYMENT_SCOPES.contains(s)) {
            return Err(StartError::Redirect("invalid_scope".into()));
        }
        let id = Uuid::new_v4().simple().to_string();
        self.sessions.insert(
            id.clone(),
            Session {
                redirect_uri: redirect_uri.to_owned(),
                state: query.state.clone(),
                scope: scopes.join(" "),
                expires_ms: now_ms.saturating_add(SESSION_TTL_MS),
            },
        );
        Ok(id)
    }

    /// The picker of a live session.
    pub fn picker(&mut self, session_id: &str, now_ms: i64) -> Option<Picker> {
        self.prune(now_ms);
        self.sessions.get(session_id).map(|s| Picker {
            session_id: session_id.to_owned(),
            scope: s.scope.clone(),
        })
    }

    /// Ends a session with the merchant's choice and returns where to send the browser:
    /// `redirect_uri` with a fresh code, or with `error=access_denied` when `account` is
    /// `None`. `None` when the session is unknown or over.
    pub fn finish(
        &mut self,
        session_id: &str,
        account: Option<&str>,
        now_ms: i64,
    ) -> Option<String> {
        self.prune(now_ms);
        let session = self.sessions.remove(session_id)?;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        match account {
            Some(destination_id) => {
                let code = format!("sbxc{}", Uuid::new_v4().simple());
                self.codes.insert(
                    code.clone(),
                    IssuedCode {
                        destination_id: destination_id.to_owned(),
                        redirect_uri: session.redirect_uri.clone(),
                        scope: session.scope.clone(),
                        expires_ms: now_ms.saturating_add(CODE_TTL_MS),
                    },
                );
                pairs.push(("code", code));
            }
            None => {
                pairs.push(("error", "access_denied".into()));
                pairs.push((
                    "error_description",
                    "the merchant cancelled the connection".into(),
                ));
            }
        }
        if let Some(state) = session.state {
            pairs.push(("state", state));
        }
        Some(with_query(&session.redirect_uri, &pairs))
    }

    /// Trades a code once. `Err` carries the OAuth error description.
    pub fn redeem(
        &mut self,
        code: &str,
        redirect_uri: Option<&str>,
        now_ms: i64,
    ) -> Result<Connected, String> {
        self.prune(now_ms);
        // Removed first: a code is spent by any attempt to use it, as OAuth requires.
        let issued = self
            .codes
            .remove(code)
            .ok_or_else(|| "the code is unknown, used or expired".to_owned())?;
        if redirect_uri != Some(issued.redirect_uri.as_str()) {
            return Err("redirect_uri does not match the one the flow started with".into());
        }
        Ok(Connected {
            destination_id: issued.destination_id,
            scope: issued.scope,
        })
    }

    fn prune(&mut self, now_ms: i64) {
        self.sessions.retain(|_, s| s.expires_ms > now_ms);
        self.codes.retain(|_, c| c.expires_ms > now_ms);
    }
}

/// `uri` with OAuth's error parameters, for errors that may go back to the app.
pub(crate) fn error_redirect(uri: &str, error: &str, state: Option<&str>) -> String {
    let mut pairs = vec![("error", error.to_owned())];
    if let Some(state) = state {
        pairs.push(("state", state.to_owned()));
    }
    with_query(uri, &pairs)
}

fn with_query(uri: &str, pairs: &[(&str, String)]) -> String {
    match Url::parse(uri) {
        Ok(mut url) => {
            url.query_pairs_mut()
                .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
            url.to_string()
        }
        // Registered addresses parse; this is only reached for one that does not.
        Err(_) => uri.to_owned(),
    }
}

/// A loopback `http` address (any port, any path: RFC 8252 section 7.3), or one of the
/// addresses registered for the app.
pub(crate) fn is_registered(uri: &str, registered: &[String]) -> bool {
    if registered.iter().any(|r| r == uri) {
        return true;
    }
    let Ok(url) = Url::parse(uri) else {
        return false;
    };
    url.scheme() == "http"
        && url.fragment().is_none()
        && url.username().is_empty()
        && matches!(
            url.host_str(),
            Some("127.0.0.1") | Some("localhost") | Some("[::1]")
        )
}

/// How the picker names a sandbox account: by its place in the configured list.
pub(crate) fn account_name(index: usize) -> String {
    match index {
        0 => "Sandbox Bank \u{b7} Business account".into(),
        1 => "Sandbox Bank \u{b7} Savings account".into(),
        n => format!("Sandbox Bank \u{b7} Account {}", n + 1),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn code_in(redirect: &str) -> String {
        Url::parse(redirect)
            .unwrap()
            .query_pairs()
            .find(|(k, _)| k == "code")
            .unwrap()
            .1
            .into_owned()
    }

    fn query(redirect: &str, scope: &str) -> ConnectQuery {
        ConnectQuery {
            client_id: Some("c".into()),
            redirect_uri: Some(redirect.into()),
            scope: Some(scope.into()),
            response_type: Some("code".into()),
            state: Some("s t&x".into()),
        }
    }

    #[test]
    fn only_loopback_or_registered_redirects_are_accepted() {
        let none: [String; 0] = [];
        for ok in [
            "http://127.0.0.1:47615/connect/callback",
            "http://localhost:1/",
            "http://[::1]:9/cb",
        ] {
            assert!(is_registered(ok, &none), "{ok}");
        }
        for bad in [
            "https://evil.example/cb",
            "http://127.0.0.1.evil.example/cb",
            "http://user@127.0.0.1:1/cb",
            "http://127.0.0.1:1/cb#frag",
            "javascript:alert(1)",
            "",
        ] {
            assert!(!is_registered(bad, &none), "{bad}");
        }
        assert!(is_registered(
            "https://shop.example/cb",
            &["https://shop.example/cb".to_owned()]
        ));
    }

    #[test]
    fn a_flow_issues_a_single_use_code_bound_to_its_redirect() {
        let mut state = ConnectState::default();
        let cb = "http://127.0.0.1:5000/connect/callback";
        let session = state
            .start(&query(cb, "payments:inbound"), true, &[], 0)
            .unwrap();
        assert_eq!(state.picker(&session, 1).unwrap().scope, "payments:inbound");
        let back = state.finish(&session, Some("dest-1"), 2).unwrap();
        let url = Url::parse(&back).unwrap();
        assert!(back.starts_with(cb), "{back}");
        let pairs: HashMap<String, String> = url.query_pairs().into_owned().collect();
        assert_eq!(pairs["state"], "s t&x", "state comes back unchanged");
        let code = &pairs["code"];
        assert!(state.finish(&session, Some("dest-1"), 3).is_none(), "once");
        assert!(
            state
                .redeem(code, Some("http://127.0.0.1:5001/"), 4)
                .is_err()
        );
        assert!(
            state.redeem(code, Some(cb), 5).is_err(),
            "a failed attempt spends the code"
        );

        let session = state
            .start(&query(cb, "payments:inbound"), true, &[], 10)
            .unwrap();
        let back = state.finish(&session, Some("dest-2"), 11).unwrap();
        let code = code_in(&back);
        assert!(
            state.redeem(&code, Some(cb), 12 + CODE_TTL_MS).is_err(),
            "expired"
        );
    }

    #[test]
    fn a_good_code_names_the_destination() {
        let mut state = ConnectState::default();
        let cb = "http://localhost:7/cb";
        let session = state
            .start(&query(cb, "payments:inbound"), true, &[], 0)
            .unwrap();
        let back = state.finish(&session, Some("dest-9"), 0).unwrap();
        let code = code_in(&back);
        assert_eq!(
            state.redeem(&code, Some(cb), 1).unwrap(),
            Connected {
                destination_id: "dest-9".into(),
                scope: "payments:inbound".into()
            }
        );
    }

    #[test]
    fn bad_starts_say_why_and_where() {
        let mut state = ConnectState::default();
        let cb = "http://127.0.0.1:5000/cb";
        assert!(matches!(
            state.start(&query(cb, "payments:inbound"), false, &[], 0),
            Err(StartError::Page(_))
        ));
        assert!(matches!(
            state.start(
                &query("https://evil.example/", "payments:inbound"),
                true,
                &[],
                0
            ),
            Err(StartError::Page(_))
        ));
        assert_eq!(
            state.start(&query(cb, "accounts"), true, &[], 0),
            Err(StartError::Redirect("invalid_scope".into()))
        );
        let mut q = query(cb, "payments:inbound");
        q.response_type = Some("token".into());
        assert_eq!(
            state.start(&q, true, &[], 0),
            Err(StartError::Redirect("unsupported_response_type".into()))
        );
    }

    #[test]
    fn a_cancelled_flow_returns_access_denied() {
        let mut state = ConnectState::default();
        let session = state
            .start(
                &query("http://127.0.0.1:1/cb", "payments:inbound"),
                true,
                &[],
                0,
            )
            .unwrap();
        let back = state.finish(&session, None, 0).unwrap();
        assert!(back.contains("error=access_denied"), "{back}");
        assert!(!back.contains("code="), "{back}");
        assert!(state.picker(&session, 0).is_none());
    }
}
