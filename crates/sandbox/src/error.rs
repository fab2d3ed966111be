//! Errors: [`SandboxError`] for the actions on a payment, [`ApiError`] for everything that
//! leaves as a non-2xx reply with the documented body `{code, message, traceId}`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::payment::PaymentStatus;

/// Why an action on a payment was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SandboxError {
    #[error("payment {0} was not found")]
    NotFound(String),
    #[error("payment {0} has expired")]
    Expired(String),
    #[error("payment {payment_id} is already {status}")]
    AlreadyDecided {
        payment_id: String,
        status: PaymentStatus,
    },
}

impl SandboxError {
    /// The HTTP status the API answers with.
    pub fn http_status(&self) -> StatusCode {
        match self {
            SandboxError::NotFound(_) => StatusCode::NOT_FOUND,
            SandboxError::Expired(_) | SandboxError::AlreadyDecided { .. } => StatusCode::CONFLICT,
        }
    }

    /// The `code` of the error body.
    pub fn code(&self) -> &'static str {
        match self {
            SandboxError::NotFound(_) => "PaymentNotFound",
            SandboxError::Expired(_) => "PaymentExpired",
            SandboxError::AlreadyDecided { .. } => "PaymentAlreadyDecided",
        }
    }
}

/// The body of every non-2xx reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    pub trace_id: String,
}

/// A refused request, ready to become a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Value of a `WWW-Authenticate` header (401 only).
    pub challenge: Option<&'static str>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            challenge: None,
        }
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unauthorized(
        code: &'static str,
        message: impl Into<String>,
        challenge: &'static str,
    ) -> Self {
        ApiError {
            challenge: Some(challenge),
            ..ApiError::new(StatusCode::UNAUTHORIZED, code, message)
        }
    }
}

impl From<SandboxError> for ApiError {
    fn from(e: SandboxError) -> Self {
        ApiError::new(e.http_status(), e.code(), e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let trace_id = Uuid::new_v4().simple().to_string();
        tracing::info!(
            status = self.status.as_u16(),
            code = self.code,
            message = %self.message,
            trace_id = %trace_id,
            "request refused"
        );
        let body = ErrorBody {
            code: self.code.to_owned(),
            message: self.message,
            trace_id,
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(challenge) = self.challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}
