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
