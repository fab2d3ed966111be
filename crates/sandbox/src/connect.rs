//! Aiia's Connect flow for a payment destination (`docs/aiia-wire.md`, "Connect flow").
//!
//! 1. `GET /v1/oauth/connect?client_id&redirect_uri&scope=payments:inbound&response_type=code
//!    [&state][&code_challenge&code_challenge_method=S256]` answers `302` to the hosted
//!    account picker, `/sandbox/connect/{session}`.
//! 2. The merchant picks the receiving account(s) there (or cancels).
//! 3. The browser is sent back to `redirect_uri?code=…&state=…&consentId=…` (or
//!    `?error=access_denied`).
//! 4. The app trades the code at `POST /v1/oauth/token` (a JSON body `{"grant_type":
//!    "authorization_code", "code", "redirect_uri", "code_verifier"}`, HTTP Basic client
//!    credentials) for `access_token`, `refresh_token`, `expires_in`. Codes are single use and
//!    live one minute; with a `code_challenge` at the start, the verifier must match (S256).
//! 5. `GET /v1/accounts` with that token answers the consented accounts:
//!    `{"accounts": [{"id", "name", "destinationId"}]}`. `grant_type=refresh_token` renews it.
//!
//! The redirect address must be registered with the service; the sandbox accepts any
//! loopback address (what a desktop app listens on) plus [`crate::SandboxConfig::redirect_uris`].

use std::collections::HashMap;

use crate::routes::phone_language as browser_language;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::Sandbox;
use crate::auth::{self, Credentials};
use crate::page;
use crate::routes::{html, redirect};

/// A started flow must be finished within this time.
const SESSION_TTL_MS: i64 = 15 * 60 * 1000;
/// A code must be traded within this time: one minute (issue 10, part 5).
pub(crate) const CODE_TTL_MS: i64 = 60 * 1000;

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
    pub code_challenge: Option<String>,
    pub code_challenge_method: Option<String>,
}

/// Why a flow cannot start. `Page` errors are shown in the browser (the redirect address
/// cannot be trusted); `Redirect` errors go back to the app as OAuth errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StartError {
    /// The key (in bank.ftl) of the sentence the page says.
    Page(&'static str),
    Redirect(String),
}

/// `POST /v1/oauth/token` reply to a Connect grant: the token fields of RFC 6749 section 5.1,
/// as the public sample reads them. The destination is not in it: it comes from
/// `GET /v1/accounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectTokenResponse {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: u64,
    pub refresh_token: String,
    pub scope: String,
}

/// One account of `GET /v1/accounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectedAccount {
    pub id: String,
    pub name: String,
    pub destination_id: String,
}

/// `GET /v1/accounts`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsResponse {
    pub accounts: Vec<ConnectedAccount>,
}

#[derive(Debug, Clone)]
struct Session {
    redirect_uri: String,
    state: Option<String>,
    scope: String,
    code_challenge: Option<String>,
    expires_ms: i64,
}

#[derive(Debug, Clone)]
struct IssuedCode {
    destinations: Vec<String>,
    redirect_uri: String,
    scope: String,
    code_challenge: Option<String>,
    expires_ms: i64,
}

/// What a consent gives: these destinations, this scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Grant {
    pub destinations: Vec<String>,
    pub scope: String,
}

#[derive(Debug, Clone)]
struct IssuedToken {
    grant: Grant,
    expires_ms: i64,
}

/// Tokens issued for a grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GrantTokens {
    pub access_token: String,
    pub refresh_token: String,
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
    access: HashMap<String, IssuedToken>,
    refresh: HashMap<String, Grant>,
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
            return Err(StartError::Page("bank-connect-unknown-client"));
        }
        let redirect_uri = query
            .redirect_uri
            .as_deref()
            .filter(|r| is_registered(r, registered))
            .ok_or(StartError::Page("bank-connect-bad-redirect"))?;
        if query.response_type.as_deref() != Some("code") {
            return Err(StartError::Redirect("unsupported_response_type".into()));
        }
        let scope = query.scope.as_deref().unwrap_or_default();
        let scopes: Vec<&str> = scope.split_whitespace().collect();
        if scopes.is_empty() || !scopes.iter().all(|s| PAYMENT_SCOPES.contains(s)) {
            return Err(StartError::Redirect("invalid_scope".into()));
        }
        // PKCE (RFC 7636 section 4.3): S256 only; a challenge is 43 base64url characters.
        let code_challenge = match (
            &query.code_challenge,
            query.code_challenge_method.as_deref(),
        ) {
            (None, None) => None,
            (Some(c), Some("S256")) if is_s256_challenge(c) => Some(c.clone()),
            _ => return Err(StartError::Redirect("invalid_request".into())),
        };
        let id = Uuid::new_v4().simple().to_string();
        self.sessions.insert(
            id.clone(),
            Session {
                redirect_uri: redirect_uri.to_owned(),
                state: query.state.clone(),
                scope: scopes.join(" "),
                code_challenge,
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
    /// `redirect_uri` with a fresh code (and a `consentId`), or with `error=access_denied`
    /// when `accounts` is `None`. `None` when the session is unknown or over.
    pub fn finish(
        &mut self,
        session_id: &str,
        accounts: Option<&[String]>,
        now_ms: i64,
    ) -> Option<String> {
        self.prune(now_ms);
        let session = self.sessions.remove(session_id)?;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        match accounts {
            Some(destinations) => {
                let code = format!("sbxc{}", Uuid::new_v4().simple());
                self.codes.insert(
                    code.clone(),
                    IssuedCode {
                        destinations: destinations.to_vec(),
                        redirect_uri: session.redirect_uri.clone(),
                        scope: session.scope.clone(),
                        code_challenge: session.code_challenge.clone(),
                        expires_ms: now_ms.saturating_add(CODE_TTL_MS),
                    },
                );
                pairs.push(("code", code));
                pairs.push((
                    "consentId",
                    format!("sbxconsent{}", Uuid::new_v4().simple()),
                ));
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

    /// Trades a code once. `Err` carries the OAuth error description (`invalid_grant`).
    pub fn redeem(
        &mut self,
        code: &str,
        redirect_uri: Option<&str>,
        code_verifier: Option<&str>,
        now_ms: i64,
    ) -> Result<Grant, String> {
        self.prune(now_ms);
        // Removed first: a code is spent by any attempt to use it, as OAuth requires.
        let issued = self
            .codes
            .remove(code)
            .ok_or_else(|| "the code is unknown, used or expired".to_owned())?;
        if redirect_uri != Some(issued.redirect_uri.as_str()) {
            return Err("redirect_uri does not match the one the flow started with".into());
        }
        if let Some(challenge) = &issued.code_challenge {
            match code_verifier {
                None => {
                    return Err("code_verifier is required: the flow sent a code_challenge".into());
                }
                Some(v) if !auth::same_secret(&s256(v), challenge) => {
                    return Err("code_verifier does not match the code_challenge".into());
                }
                Some(_) => {}
            }
        }
        Ok(Grant {
            destinations: issued.destinations,
            scope: issued.scope,
        })
    }

    /// Fresh tokens for a grant: an access token valid until `expires_ms` and a refresh token.
    pub fn issue(&mut self, grant: Grant, now_ms: i64, expires_ms: i64) -> GrantTokens {
        self.prune(now_ms);
        let access_token = format!("sbxa{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
        let refresh_token = format!("sbxr{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
        let scope = grant.scope.clone();
        self.access.insert(
            access_token.clone(),
            IssuedToken {
                grant: grant.clone(),
                expires_ms,
            },
        );
        self.refresh.insert(refresh_token.clone(), grant);
        GrantTokens {
            access_token,
            refresh_token,
            scope,
        }
    }

    /// Spends a refresh token (they rotate) and gives back its grant.
    pub fn take_refresh(&mut self, refresh_token: &str) -> Option<Grant> {
        self.refresh.remove(refresh_token)
    }

    /// The grant behind a live access token.
    pub fn grant_of(&mut self, access_token: &str, now_ms: i64) -> Option<Grant> {
        self.prune(now_ms);
        self.access.get(access_token).map(|t| t.grant.clone())
    }

    fn prune(&mut self, now_ms: i64) {
        self.sessions.retain(|_, s| s.expires_ms > now_ms);
        self.codes.retain(|_, c| c.expires_ms > now_ms);
        self.access.retain(|_, t| t.expires_ms > now_ms);
    }
}

/// BASE64URL(SHA256(verifier)), RFC 7636 section 4.2.
fn s256(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

fn is_s256_challenge(c: &str) -> bool {
    c.len() == 43
        && c.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
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

// ---- HTTP ----------------------------------------------------------------------------

/// The Connect endpoints: start, picker, token, accounts.
pub(crate) fn routes() -> Router<Sandbox> {
    Router::new()
        .route("/v1/oauth/token", post(token))
        .route("/v1/oauth/connect", get(connect_start))
        .route(
            "/sandbox/connect/{session_id}",
            get(connect_picker).post(connect_finish),
        )
        .route("/v1/accounts", get(accounts))
}

/// An OAuth error reply (RFC 6749 section 5.2: `error`, `error_description`), which also
/// carries the API's `code`/`message`/`traceId` so readers of either shape understand it.
fn oauth_error(status: StatusCode, error: &str, description: impl Into<String>) -> Response {
    let description = description.into();
    tracing::info!(status = status.as_u16(), error, %description, "token request refused");
    let body = serde_json::json!({
        "error": error,
        "error_description": description,
        "code": error,
        "message": description,
        "traceId": Uuid::new_v4().simple().to_string(),
    });
    let mut response = (status, axum::Json(body)).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"aiia\""),
        );
    }
    no_store(response)
}

fn no_store(mut response: Response) -> Response {
    // RFC 6749 section 5.1: token replies must not be cached.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[derive(Debug, Default, Deserialize)]
struct TokenRequest {
    grant_type: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    refresh_token: Option<String>,
}

/// How the token request's body was sent.
enum Body {
    Json(TokenRequest),
    Form(TokenRequest),
}

fn read_body(headers: &HeaderMap, body: &[u8]) -> Result<Body, String> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let text = std::str::from_utf8(body).map_err(|_| "the form is not UTF-8".to_owned())?;
        let mut request = TokenRequest::default();
        let url = Url::parse(&format!("http://form/?{text}")).map_err(|e| e.to_string())?;
        for (k, v) in url.query_pairs().into_owned() {
            match k.as_str() {
                "grant_type" => request.grant_type = Some(v),
                "code" => request.code = Some(v),
                "redirect_uri" => request.redirect_uri = Some(v),
                "code_verifier" => request.code_verifier = Some(v),
                "refresh_token" => request.refresh_token = Some(v),
                _ => {}
            }
        }
        return Ok(Body::Form(request));
    }
    serde_json::from_slice(body)
        .map(Body::Json)
        .map_err(|e| format!("expected a JSON body (Content-Type: application/json): {e}"))
}

/// `POST /v1/oauth/token`: HTTP Basic client credentials and a JSON body with
/// `grant_type=authorization_code` (Connect) or `refresh_token`. Kassa's older
/// `client_credentials` grant (not evidenced for the real service) is answered, as JSON or a
/// form, only when [`SandboxConfig::client_credentials`](crate::SandboxConfig) is on, for the
/// opt-in Bearer mode; otherwise it is `unsupported_grant_type`. The Connect grants as a form
/// are refused with a clear `invalid_request` (nothing public sends them that way).
async fn token(State(sandbox): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    let authenticated = match auth::credentials(&headers) {
        Some(Credentials::Basic { client_id, secret }) => sandbox.is_client(&client_id, &secret),
        _ => false,
    };
    if !authenticated {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication failed: send the client id and secret with HTTP Basic",
        );
    }
    let (request, as_form) = match read_body(&headers, &body) {
        Ok(Body::Json(r)) => (r, false),
        Ok(Body::Form(r)) => (r, true),
        Err(why) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", why),
    };
    match request.grant_type.as_deref() {
        Some("client_credentials") if sandbox.config().client_credentials => {
            no_store(axum::Json(sandbox.issue_token()).into_response())
        }
        Some(grant @ ("authorization_code" | "refresh_token")) if as_form => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            format!(
                "grant_type {grant} takes a JSON body (Content-Type: application/json), not a form"
            ),
        ),
        Some("authorization_code") => {
            let Some(code) = request.code.as_deref() else {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "code is required",
                );
            };
            let now = sandbox.now_ms();
            let redeemed = sandbox.connect_state().redeem(
                code,
                request.redirect_uri.as_deref(),
                request.code_verifier.as_deref(),
                now,
            );
            let grant = match redeemed {
                Ok(grant) if sandbox.take_code_refusal() => {
                    tracing::info!(destinations = ?grant.destinations, "code exchange refused (injected fault)");
                    return oauth_error(
                        StatusCode::BAD_REQUEST,
                        "invalid_grant",
                        "the code was refused (injected fault refuseCodes)",
                    );
                }
                Ok(grant) => grant,
                Err(why) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", why),
            };
            tracing::info!(destinations = ?grant.destinations, "Connect code traded");
            token_reply(&sandbox, grant)
        }
        Some("refresh_token") => {
            let Some(refresh) = request.refresh_token.as_deref() else {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "refresh_token is required",
                );
            };
            let grant = sandbox.connect_state().take_refresh(refresh);
            match grant {
                Some(grant) => token_reply(&sandbox, grant),
                None => oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "the refresh token is unknown or used",
                ),
            }
        }
        Some(other) => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            format!(
                "grant_type \"{other}\" is not supported; use authorization_code or refresh_token"
            ),
        ),
        None => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "grant_type is required",
        ),
    }
}

fn token_reply(sandbox: &Sandbox, grant: Grant) -> Response {
    let now = sandbox.now_ms();
    let ttl = sandbox.config().token_ttl;
    let expires = now.saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX));
    let tokens = sandbox.connect_state().issue(grant, now, expires);
    no_store(
        axum::Json(ConnectTokenResponse {
            access_token: tokens.access_token,
            token_type: "Bearer".into(),
            expires_in: ttl.as_secs(),
            refresh_token: tokens.refresh_token,
            scope: tokens.scope,
        })
        .into_response(),
    )
}

/// `GET /v1/accounts`: the accounts the Connect token's consent covers.
async fn accounts(State(sandbox): State<Sandbox>, headers: HeaderMap) -> Response {
    let now = sandbox.now_ms();
    let grant = match auth::credentials(&headers) {
        Some(Credentials::Bearer(token)) => sandbox.connect_state().grant_of(&token, now),
        _ => None,
    };
    let Some(grant) = grant else {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "send the access token of the Connect flow as a Bearer token",
        );
    };
    let accounts = grant
        .destinations
        .iter()
        .filter_map(|d| {
            sandbox.account_name(d).map(|name| ConnectedAccount {
                id: format!("sbxacc-{d}"),
                name,
                destination_id: d.clone(),
            })
        })
        .collect();
    no_store(axum::Json(AccountsResponse { accounts }).into_response())
}

/// `GET /v1/oauth/connect`: starts the Connect flow and sends the browser to the picker.
async fn connect_start(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    query: Result<Query<ConnectQuery>, QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let config = sandbox.config();
    let client_ok = query
        .client_id
        .as_deref()
        .is_some_and(|id| auth::same_secret(id, &config.client_id));
    let now = sandbox.now_ms();
    let started = sandbox
        .connect_state()
        .start(&query, client_ok, &config.redirect_uris, now);
    match started {
        Ok(session) => redirect(&format!("/sandbox/connect/{session}")),
        Err(StartError::Page(why)) => html(
            StatusCode::BAD_REQUEST,
            page::connect_problem_page(browser_language(&headers), why),
        ),
        Err(StartError::Redirect(error)) => {
            let uri = query.redirect_uri.unwrap_or_default();
            redirect(&error_redirect(&uri, &error, query.state.as_deref()))
        }
    }
}

const SPENT: &str = "bank-connect-spent";

/// `GET /sandbox/connect/{session}`: the hosted account picker.
async fn connect_picker(
    State(sandbox): State<Sandbox>,
    Path(session_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let m = browser_language(&headers);
    let now = sandbox.now_ms();
    let picker = sandbox.connect_state().picker(&session_id, now);
    match picker {
        Some(p) => html(
            StatusCode::OK,
            page::connect_page(m, &p.session_id, &p.scope, &sandbox.accounts()),
        ),
        None => html(StatusCode::NOT_FOUND, page::connect_problem_page(m, SPENT)),
    }
}

/// `POST /sandbox/connect/{session}`: the merchant's choice (`action`, and one `account`
/// per consented account); back to the app's redirect.
async fn connect_finish(
    State(sandbox): State<Sandbox>,
    Path(session_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let m = browser_language(&headers);
    let pairs: Vec<(String, String)> = std::str::from_utf8(&body)
        .ok()
        .and_then(|t| Url::parse(&format!("http://form/?{t}")).ok())
        .map(|u| u.query_pairs().into_owned().collect())
        .unwrap_or_default();
    let cancel = pairs.iter().any(|(k, v)| k == "action" && v == "cancel");
    let chosen: Vec<String> = pairs
        .into_iter()
        .filter(|(k, _)| k == "account")
        .map(|(_, v)| v)
        .collect();
    if !cancel && (chosen.is_empty() || chosen.iter().any(|a| sandbox.account_name(a).is_none())) {
        return html(
            StatusCode::BAD_REQUEST,
            page::connect_problem_page(m, "bank-connect-choose"),
        );
    }
    let now = sandbox.now_ms();
    let back =
        sandbox
            .connect_state()
            .finish(&session_id, (!cancel).then_some(chosen.as_slice()), now);
    match back {
        Some(location) => redirect(&location),
        None => html(StatusCode::NOT_FOUND, page::connect_problem_page(m, SPENT)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    fn pairs_of(redirect: &str) -> HashMap<String, String> {
        Url::parse(redirect)
            .unwrap()
            .query_pairs()
            .into_owned()
            .collect()
    }

    fn query(redirect: &str, scope: &str) -> ConnectQuery {
        ConnectQuery {
            client_id: Some("c".into()),
            redirect_uri: Some(redirect.into()),
            scope: Some(scope.into()),
            response_type: Some("code".into()),
            state: Some("s t&x".into()),
            code_challenge: Some(CHALLENGE.into()),
            code_challenge_method: Some("S256".into()),
        }
    }

    fn code_for(state: &mut ConnectState, cb: &str, dest: &[&str], now: i64) -> String {
        let session = state
            .start(&query(cb, "payments:inbound"), true, &[], now)
            .unwrap();
        let dest: Vec<String> = dest.iter().map(|d| (*d).to_owned()).collect();
        pairs_of(&state.finish(&session, Some(&dest), now).unwrap())["code"].clone()
    }

    #[test]
    fn the_s256_transformation_matches_rfc_7636() {
        assert_eq!(s256(VERIFIER), CHALLENGE);
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
        let back = state
            .finish(&session, Some(&["dest-1".to_owned()]), 2)
            .unwrap();
        assert!(back.starts_with(cb), "{back}");
        let pairs = pairs_of(&back);
        assert_eq!(pairs["state"], "s t&x", "state comes back unchanged");
        assert!(pairs["consentId"].starts_with("sbxconsent"));
        let code = &pairs["code"];
        assert!(state.finish(&session, Some(&[]), 3).is_none(), "once");
        assert!(
            state
                .redeem(code, Some("http://127.0.0.1:5001/"), Some(VERIFIER), 4)
                .is_err()
        );
        assert!(
            state.redeem(code, Some(cb), Some(VERIFIER), 5).is_err(),
            "a failed attempt spends the code"
        );
        let code = code_for(&mut state, cb, &["dest-2"], 10);
        assert!(state.redeem(&code, Some(cb), Some(VERIFIER), 11).is_ok());
        assert_eq!(
            state.redeem(&code, Some(cb), Some(VERIFIER), 12),
            Err("the code is unknown, used or expired".into()),
            "single use"
        );
    }

    #[test]
    fn a_code_lives_one_minute() {
        let mut state = ConnectState::default();
        let cb = "http://localhost:7/cb";
        let code = code_for(&mut state, cb, &["dest-9"], 1_000);
        assert_eq!(
            state.redeem(&code, Some(cb), Some(VERIFIER), 1_000 + CODE_TTL_MS - 1),
            Ok(Grant {
                destinations: vec!["dest-9".into()],
                scope: "payments:inbound".into()
            })
        );
        let code = code_for(&mut state, cb, &["dest-9"], 1_000);
        assert_eq!(
            state.redeem(&code, Some(cb), Some(VERIFIER), 1_000 + CODE_TTL_MS),
            Err("the code is unknown, used or expired".into())
        );
        assert_eq!(CODE_TTL_MS, 60_000);
    }

    #[test]
    fn the_verifier_must_match_the_challenge() {
        let mut state = ConnectState::default();
        let cb = "http://localhost:7/cb";
        let code = code_for(&mut state, cb, &["d"], 0);
        assert_eq!(
            state.redeem(&code, Some(cb), Some(&"x".repeat(43)), 1),
            Err("code_verifier does not match the code_challenge".into())
        );
        let code = code_for(&mut state, cb, &["d"], 0);
        assert!(
            state
                .redeem(&code, Some(cb), None, 1)
                .unwrap_err()
                .contains("code_verifier is required")
        );
        // A flow started without PKCE (as the public sample does) needs no verifier.
        let mut q = query(cb, "payments:inbound");
        q.code_challenge = None;
        q.code_challenge_method = None;
        let session = state.start(&q, true, &[], 0).unwrap();
        let back = state.finish(&session, Some(&["d".to_owned()]), 0).unwrap();
        assert!(
            state
                .redeem(&pairs_of(&back)["code"], Some(cb), None, 1)
                .is_ok()
        );
    }

    #[test]
    fn tokens_name_their_grant_and_refresh_tokens_rotate() {
        let mut state = ConnectState::default();
        let grant = Grant {
            destinations: vec!["a".into(), "b".into()],
            scope: "payments:inbound".into(),
        };
        let t = state.issue(grant.clone(), 0, 100);
        assert_eq!(state.grant_of(&t.access_token, 99), Some(grant.clone()));
        assert_eq!(state.grant_of(&t.access_token, 100), None, "expired");
        assert_eq!(state.take_refresh(&t.refresh_token), Some(grant));
        assert_eq!(state.take_refresh(&t.refresh_token), None, "spent");
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
        for (challenge, method) in [
            (Some(CHALLENGE), Some("plain")),
            (Some(CHALLENGE), None),
            (Some("short"), Some("S256")),
            (None, Some("S256")),
        ] {
            let mut q = query(cb, "payments:inbound");
            q.code_challenge = challenge.map(String::from);
            q.code_challenge_method = method.map(String::from);
            assert_eq!(
                state.start(&q, true, &[], 0),
                Err(StartError::Redirect("invalid_request".into())),
                "{challenge:?} {method:?}"
            );
        }
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
