//! The HTTP endpoints. Handlers only translate: the rules live in [`crate::wire`] (request
//! validation) and [`crate::payment`] (the life of a payment).

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde::Deserialize;

use crate::ConnectTokenResponse;
use crate::Sandbox;
use crate::auth::{self, Credentials};
use crate::connect::{self, ConnectQuery, StartError};
use crate::error::{ApiError, SandboxError};
use crate::faults;
use crate::page;
use crate::payment::PaymentView;
use crate::wire::{self, AcceptResponse};

pub(crate) fn router(sandbox: Sandbox) -> Router {
    Router::new()
        .route("/v1/oauth/token", post(token))
        .route("/v2/payments/accept", post(accept))
        .route("/v2/payments/accept/{payment_id}", get(status))
        .route("/v1/oauth/connect", get(connect_start))
        .route(
            "/sandbox/connect/{session_id}",
            get(connect_picker).post(connect_finish),
        )
        .route("/sandbox/authorize/{payment_id}", get(authorize_page))
        .route("/sandbox/payments", get(list))
        .route(crate::DONE_PATH, get(done_page))
        .route("/sandbox/payments/{payment_id}/approve", post(approve))
        .route("/sandbox/payments/{payment_id}/reject", post(reject))
        .route("/sandbox/payments/{payment_id}/fail", post(fail))
        .merge(crate::webhooks::admin_routes())
        .route(
            "/sandbox/admin/faults",
            get(faults::get_faults).put(faults::put_faults),
        )
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn_with_state(
            sandbox.clone(),
            faults::inject,
        ))
        .with_state(sandbox)
}

#[derive(Debug, Deserialize)]
struct TokenForm {
    grant_type: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
}

/// `POST /v1/oauth/token`: HTTP Basic client credentials, with `grant_type=client_credentials`
/// for API calls or `grant_type=authorization_code` to finish the Connect flow.
async fn token(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Response {
    let authenticated = match auth::credentials(&headers) {
        Some(Credentials::Basic { client_id, secret }) => sandbox.is_client(&client_id, &secret),
        _ => false,
    };
    if !authenticated {
        return ApiError::unauthorized(
            "invalid_client",
            "client authentication failed: send the client id and secret with HTTP Basic",
            "Basic realm=\"aiia\"",
        )
        .into_response();
    }
    let form = match form {
        Ok(Form(form)) => form,
        Err(rejection) => {
            return ApiError::bad_request(
                "invalid_request",
                format!("expected an application/x-www-form-urlencoded body: {rejection}"),
            )
            .into_response();
        }
    };
    let mut response = match form.grant_type.as_deref() {
        Some("client_credentials") => Json(sandbox.issue_token()).into_response(),
        Some("authorization_code") => {
            let Some(code) = form.code.as_deref() else {
                return ApiError::bad_request("invalid_request", "code is required")
                    .into_response();
            };
            let now = sandbox.now_ms();
            let redeemed = sandbox
                .connect_state()
                .redeem(code, form.redirect_uri.as_deref(), now);
            match redeemed {
                Ok(connected) => {
                    let token = sandbox.issue_token();
                    tracing::info!(destination_id = %connected.destination_id, "destination connected");
                    Json(ConnectTokenResponse {
                        access_token: token.access_token,
                        token_type: token.token_type,
                        expires_in: token.expires_in,
                        scope: connected.scope,
                        destination_name: sandbox
                            .account_name(&connected.destination_id)
                            .unwrap_or_else(|| connected.destination_id.clone()),
                        destination_id: connected.destination_id,
                    })
                    .into_response()
                }
                Err(why) => {
                    return ApiError::bad_request("invalid_grant", why).into_response();
                }
            }
        }
        Some(other) => {
            return ApiError::bad_request(
                "unsupported_grant_type",
                format!(
                    "grant_type \"{other}\" is not supported; use client_credentials or authorization_code"
                ),
            )
            .into_response();
        }
        None => {
            return ApiError::bad_request("invalid_request", "grant_type is required")
                .into_response();
        }
    };
    // RFC 6749 section 5.1: token replies must not be cached.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `POST /v2/payments/accept`: validate, store, answer with the authorization link.
async fn accept(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    uri: Uri,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    sandbox.authenticate(&headers)?;
    let body = body.map_err(|rejection| {
        ApiError::new(rejection.status(), "InvalidBody", rejection.body_text())
    })?;
    let request = wire::parse_accept(&body, &sandbox.config().destination_ids)?;
    let payment = sandbox.create(request);
    let authorization_url = format!(
        "{}/sandbox/authorize/{}",
        base_url(&headers, &uri),
        payment.payment_id
    );
    let reply = AcceptResponse {
        payment_id: payment.payment_id,
        authorization_url,
    };
    Ok((StatusCode::CREATED, Json(reply)).into_response())
}

/// `GET /v2/payments/accept/{paymentId}`.
async fn status(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Path(payment_id): Path<String>,
) -> Result<Json<PaymentView>, ApiError> {
    sandbox.authenticate(&headers)?;
    sandbox
        .payment(&payment_id)
        .map(Json)
        .ok_or_else(|| SandboxError::NotFound(payment_id).into())
}

/// `GET /sandbox/payments`: every payment, oldest first.
async fn list(State(sandbox): State<Sandbox>) -> Json<Vec<PaymentView>> {
    Json(sandbox.payments())
}

/// `GET /v1/oauth/connect`: starts the Connect flow and sends the browser to the picker.
async fn connect_start(
    State(sandbox): State<Sandbox>,
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
        Err(StartError::Page(why)) => {
            html(StatusCode::BAD_REQUEST, page::connect_problem_page(&why))
        }
        Err(StartError::Redirect(error)) => {
            let uri = query.redirect_uri.unwrap_or_default();
            redirect(&connect::error_redirect(
                &uri,
                &error,
                query.state.as_deref(),
            ))
        }
    }
}

/// `GET /sandbox/connect/{session}`: the hosted account picker.
async fn connect_picker(
    State(sandbox): State<Sandbox>,
    Path(session_id): Path<String>,
) -> Response {
    let now = sandbox.now_ms();
    let picker = sandbox.connect_state().picker(&session_id, now);
    match picker {
        Some(p) => html(
            StatusCode::OK,
            page::connect_page(&p.session_id, &p.scope, &sandbox.accounts()),
        ),
        None => html(
            StatusCode::NOT_FOUND,
            page::connect_problem_page(
                "This connection request has expired or was already used. Start again from Kassa.",
            ),
        ),
    }
}

#[derive(Debug, Deserialize)]
struct ConnectChoice {
    action: Option<String>,
    account: Option<String>,
}

/// `POST /sandbox/connect/{session}`: the merchant's choice; back to the app's redirect.
async fn connect_finish(
    State(sandbox): State<Sandbox>,
    Path(session_id): Path<String>,
    form: Result<Form<ConnectChoice>, FormRejection>,
) -> Response {
    let choice = match form {
        Ok(Form(c)) => c,
        Err(rejection) => {
            return html(
                StatusCode::BAD_REQUEST,
                page::connect_problem_page(&rejection.body_text()),
            );
        }
    };
    let account = match choice.action.as_deref() {
        Some("cancel") => None,
        _ => match choice.account {
            Some(a) if sandbox.account_name(&a).is_some() => Some(a),
            _ => {
                return html(
                    StatusCode::BAD_REQUEST,
                    page::connect_problem_page("Choose one of the accounts shown."),
                );
            }
        },
    };
    let now = sandbox.now_ms();
    let back = sandbox
        .connect_state()
        .finish(&session_id, account.as_deref(), now);
    match back {
        Some(location) => redirect(&location),
        None => html(
            StatusCode::NOT_FOUND,
            page::connect_problem_page(
                "This connection request has expired or was already used. Start again from Kassa.",
            ),
        ),
    }
}

fn redirect(location: &str) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /sandbox/authorize/{paymentId}`: the link opens the bank session and shows the page.
async fn authorize_page(
    State(sandbox): State<Sandbox>,
    Path(payment_id): Path<String>,
) -> Response {
    // An expired link is not opened, but its page still tells the payer so.
    let shown = match sandbox.open(&payment_id) {
        Ok(view) => Some(view),
        Err(_) => sandbox.payment(&payment_id),
    };
    match shown {
        Some(view) => html(StatusCode::OK, page::payment_page(&view)),
        None => html(StatusCode::NOT_FOUND, page::not_found_page()),
    }
}

async fn approve(
    State(sandbox): State<Sandbox>,
    Path(payment_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = sandbox.approve(&payment_id);
    decision_reply(&sandbox, &payment_id, &headers, result)
}

async fn reject(
    State(sandbox): State<Sandbox>,
    Path(payment_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = sandbox.reject(&payment_id);
    decision_reply(&sandbox, &payment_id, &headers, result)
}

async fn fail(
    State(sandbox): State<Sandbox>,
    Path(payment_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = sandbox.fail(&payment_id);
    decision_reply(&sandbox, &payment_id, &headers, result)
}

/// A browser (the bank page's form) gets the outcome page; a machine gets the status JSON,
/// or the error body with `404` / `409`.
fn decision_reply(
    sandbox: &Sandbox,
    payment_id: &str,
    headers: &HeaderMap,
    result: Result<PaymentView, SandboxError>,
) -> Response {
    if wants_html(headers) {
        if let Some(done) = result
            .as_ref()
            .ok()
            .and_then(|_| own_done_page(sandbox, payment_id))
        {
            return done;
        }
        let code = match &result {
            Ok(_) => StatusCode::OK,
            Err(e) => e.http_status(),
        };
        return match result.ok().or_else(|| sandbox.payment(payment_id)) {
            Some(view) => html(code, page::payment_page(&view)),
            None => html(StatusCode::NOT_FOUND, page::not_found_page()),
        };
    }
    match result {
        Ok(view) => Json(view).into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn no_route(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "NotFound",
        format!("no endpoint at {}", uri.path()),
    )
}

async fn wrong_method(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        format!("{} does not accept this method", uri.path()),
    )
}

fn html(status: StatusCode, body: String) -> Response {
    let mut response = (status, Html(body)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("text/html"))
}

/// `http://` plus the host the request came in on, so links work on whatever address and
/// port the sandbox is reached at.
fn base_url(headers: &HeaderMap, uri: &Uri) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()))
        .filter(|h| is_plain_host(h))
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// A host name or address with an optional port, nothing that could bend a URL.
fn is_plain_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'[' | b']')
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn base_url_follows_the_host_header() {
        let mut h = HeaderMap::new();
        let uri: Uri = "/v2/payments/accept".parse().unwrap();
        assert_eq!(base_url(&h, &uri), "http://localhost");
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:4711"));
        assert_eq!(base_url(&h, &uri), "http://127.0.0.1:4711");
        h.insert(header::HOST, HeaderValue::from_static("[::1]:80"));
        assert_eq!(base_url(&h, &uri), "http://[::1]:80");
        h.insert(header::HOST, HeaderValue::from_static("evil.example/x?"));
        assert_eq!(base_url(&h, &uri), "http://localhost");
        let absolute: Uri = "http://10.1.2.3:99/v2/payments/accept".parse().unwrap();
        assert_eq!(base_url(&HeaderMap::new(), &absolute), "http://10.1.2.3:99");
    }

    #[test]
    fn html_is_for_browsers() {
        let mut h = HeaderMap::new();
        assert!(!wants_html(&h));
        h.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        assert!(!wants_html(&h));
        h.insert(
            header::ACCEPT,
            HeaderValue::from_static("text/html,application/xhtml+xml,*/*;q=0.8"),
        );
        assert!(wants_html(&h));
    }
}

/// After a decision in the browser: when the payment's `redirectUrl` is this sandbox's own
/// "Payment done" page, the browser is sent there (`303`), as Aiia sends the payer to the
/// `redirectUrl`. Any other address keeps the outcome page (the sandbox does not send a
/// test payer's browser out to the internet).
fn own_done_page(sandbox: &Sandbox, payment_id: &str) -> Option<Response> {
    let target = sandbox.redirect_url(payment_id)?;
    let url = reqwest::Url::parse(&target).ok()?;
    if url.path() != crate::DONE_PATH {
        return None;
    }
    let mut url = url;
    url.query_pairs_mut().append_pair("paymentId", payment_id);
    let location = HeaderValue::from_str(url.as_str()).ok()?;
    Some((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DoneQuery {
    payment_id: Option<String>,
}

/// `GET /sandbox/done?paymentId=…`: where the payer's phone ends up.
async fn done_page(State(sandbox): State<Sandbox>, query: Query<DoneQuery>) -> Response {
    let paid = query
        .payment_id
        .as_deref()
        .and_then(|id| sandbox.payment(id))
        .map(|p| p.status);
    html(StatusCode::OK, page::done_page(paid))
}
