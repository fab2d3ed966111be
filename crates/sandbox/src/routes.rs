//! The HTTP endpoints. Handlers only translate: the rules live in [`crate::wire`] (request
//! validation) and [`crate::payment`] (the life of a payment).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use crate::Sandbox;
use crate::error::{ApiError, SandboxError};
use crate::faults;
use crate::page;
use crate::payment::PaymentView;
use crate::wire::{self, AcceptResponse};

pub(crate) fn router(sandbox: Sandbox) -> Router {
    Router::new()
        .route("/v2/payments/accept", post(accept))
        .route("/v2/payments/accept/{payment_id}", get(status))
        .merge(crate::connect::routes())
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
        // Outermost: a refused admin call from the network uses up no fault.
        .layer(middleware::from_fn(crate::lan::loopback_only))
        .with_state(sandbox)
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
    // Served on the shop's network, the link carries that address, so a phone opens it.
    let base = sandbox
        .public_url()
        .unwrap_or_else(|| base_url(&headers, &uri));
    let authorization_url = format!("{base}/sandbox/authorize/{}", payment.payment_id);
    let reply = AcceptResponse {
        payment_id: payment.payment_id,
        authorization_url,
    };
    // The real service answers a create with 200 (the public clients and collection read
    // a 200 body); `docs/aiia-wire.md`, "Create a payment".
    Ok((StatusCode::OK, Json(reply)).into_response())
}

/// The status JSON of `view` in the shape this sandbox is set to.
fn status_reply(sandbox: &Sandbox, view: &PaymentView) -> Response {
    match wire::status_body(view, sandbox.config().status_shape) {
        Ok(body) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

/// `GET /v2/payments/accept/{paymentId}`.
async fn status(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    Path(payment_id): Path<String>,
) -> Result<Response, ApiError> {
    sandbox.authenticate(&headers)?;
    sandbox
        .payment(&payment_id)
        .map(|view| status_reply(&sandbox, &view))
        .ok_or_else(|| SandboxError::NotFound(payment_id).into())
}

/// `GET /sandbox/payments`: every payment, oldest first.
async fn list(State(sandbox): State<Sandbox>) -> Json<Vec<PaymentView>> {
    Json(sandbox.payments())
}

pub(crate) fn redirect(location: &str) -> Response {
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
    headers: HeaderMap,
) -> Response {
    let m = phone_language(&headers);
    // An expired link is not opened, but its page still tells the payer so.
    let shown = match sandbox.open(&payment_id) {
        Ok(view) => Some(view),
        Err(_) => sandbox.payment(&payment_id),
    };
    match shown {
        Some(view) => html(StatusCode::OK, page::payment_page(m, &view)),
        None => html(StatusCode::NOT_FOUND, page::not_found_page(m)),
    }
}

/// The language of the payer's (or the merchant's) browser, from its `Accept-Language`,
/// else English.
pub(crate) fn phone_language(headers: &HeaderMap) -> &'static kassa_i18n::Messages {
    let lang = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(kassa_i18n::Lang::from_accept_language)
        .unwrap_or(kassa_i18n::Lang::En);
    kassa_i18n::Messages::of(lang)
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
        let m = phone_language(headers);
        return match result.ok().or_else(|| sandbox.payment(payment_id)) {
            Some(view) => html(code, page::payment_page(m, &view)),
            None => html(StatusCode::NOT_FOUND, page::not_found_page(m)),
        };
    }
    match result {
        Ok(view) => status_reply(sandbox, &view),
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

pub(crate) fn html(status: StatusCode, body: String) -> Response {
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
/// test payer's browser out to the internet). The page is named by its path alone, on the
/// address the browser came in on: a phone on the shop's network stays on it (the counter
/// names the page by its own loopback address).
fn own_done_page(sandbox: &Sandbox, payment_id: &str) -> Option<Response> {
    let target = sandbox.redirect_url(payment_id)?;
    let url = reqwest::Url::parse(&target).ok()?;
    if url.path() != crate::DONE_PATH {
        return None;
    }
    let mut url = url;
    url.query_pairs_mut().append_pair("paymentId", payment_id);
    let path_and_query = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    let location = HeaderValue::from_str(&path_and_query).ok()?;
    Some((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DoneQuery {
    payment_id: Option<String>,
}

/// `GET /sandbox/done?paymentId=…`: where the payer's phone ends up.
async fn done_page(
    State(sandbox): State<Sandbox>,
    query: Query<DoneQuery>,
    headers: HeaderMap,
) -> Response {
    let paid = query
        .payment_id
        .as_deref()
        .and_then(|id| sandbox.payment(id))
        .map(|p| p.status);
    html(
        StatusCode::OK,
        page::done_page(phone_language(&headers), paid),
    )
}
