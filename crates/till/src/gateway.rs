//! The engine reaches Aiia only through [`Gateway`], so tests can give it a scripted one.

use std::future::Future;

use kassa_aiia::AiiaError;
use kassa_aiia::wire::{AcceptPaymentRequest, AcceptPaymentResponse, PaymentStatusResponse};

pub trait Gateway: Send + Sync + 'static {
    fn accept(
        &self,
        request: &AcceptPaymentRequest,
    ) -> impl Future<Output = Result<AcceptPaymentResponse, AiiaError>> + Send;

    fn status(
        &self,
        payment_id: &str,
    ) -> impl Future<Output = Result<PaymentStatusResponse, AiiaError>> + Send;
}

impl Gateway for kassa_aiia::Client {
    async fn accept(
        &self,
        request: &AcceptPaymentRequest,
    ) -> Result<AcceptPaymentResponse, AiiaError> {
        self.accept_payment(request).await
    }

    async fn status(&self, payment_id: &str) -> Result<PaymentStatusResponse, AiiaError> {
        self.payment_status(payment_id).await
    }
}

/// The engine's own status for the wire's.
pub(crate) fn status(s: &kassa_aiia::wire::PaymentStatus) -> crate::sale::Status {
    crate::sale::Status::parse(s.as_str())
}

/// Why a call failed, in the engine's terms (the hosts word it).
pub(crate) fn problem(e: &AiiaError) -> crate::sale::Problem {
    use crate::sale::Problem;
    match e {
        AiiaError::Network { .. } if e.is_lost_reply() => Problem::LostReply,
        AiiaError::Network { .. } => Problem::NoConnection,
        AiiaError::Timeout { .. } => Problem::Timeout,
        AiiaError::RateLimited { .. } => Problem::Busy,
        AiiaError::Server { .. } => Problem::ServiceError,
        AiiaError::Malformed { .. } => Problem::Unreadable,
        AiiaError::Token { .. } => Problem::SignIn,
        AiiaError::Unauthorized { .. } => Problem::CredentialsRefused,
        AiiaError::Rejected { message, .. } => Problem::Refused(message.clone()),
        AiiaError::NotFound(_) => Problem::NotFound,
        AiiaError::Config(m) => Problem::Settings(m.clone()),
    }
}
