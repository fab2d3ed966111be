//! Aiia Pay's Accept Payments API behind the engine's [`Gateway`]: the one place where
//! `kassa_aiia`'s wire types and errors meet the engine's.

use kassa_aiia::wire::{AcceptPaymentRequest, DecimalAmount, PaymentStatusResponse, scheme_for};
use kassa_aiia::{AiiaError, Client};

use super::{Created, Gateway, GatewayError, PaymentOrder, StatusReport};
use crate::sale::{BankReason, Problem, Status};

impl Gateway for Client {
    async fn create(&self, order: &PaymentOrder) -> Result<Created, GatewayError> {
        let created = self.accept_payment(&request(order)).await?;
        Ok(Created {
            payment_id: created.payment_id,
            link: created.authorization_url,
        })
    }

    async fn status(&self, payment_id: &str) -> Result<StatusReport, GatewayError> {
        Ok(report(self.payment_status(payment_id).await?))
    }
}

/// The wire request for an order.
pub fn request(order: &PaymentOrder) -> AcceptPaymentRequest {
    AcceptPaymentRequest {
        destination_id: order.destination.clone(),
        amount: DecimalAmount(order.amount),
        currency: order.amount.currency,
        scheme_id: scheme_for(order.amount.currency).to_owned(),
        reference: order.reference.clone(),
        redirect_url: order.redirect_url.clone(),
        preselected_country: order.country.clone(),
    }
}

/// The engine's report of a wire status reply.
pub fn report(r: PaymentStatusResponse) -> StatusReport {
    let bank = BankReason::new(r.reason.clone(), r.description.clone());
    StatusReport {
        amount: r.money(),
        status: Status::parse(r.status.as_str()),
        bank,
        updated_at: r.updated_at,
        payment_id: r.payment_id,
    }
}

impl From<AiiaError> for GatewayError {
    fn from(e: AiiaError) -> Self {
        GatewayError {
            problem: problem(&e),
            retry_after: e.retry_after(),
            transient: e.is_transient(),
            may_exist: e.payment_may_exist(),
            detail: e.to_string(),
        }
    }
}

/// Why a call failed, in the engine's terms (the hosts word it).
fn problem(e: &AiiaError) -> Problem {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use kassa_money::{Currency, Money};

    use super::*;

    #[test]
    fn an_order_becomes_the_documented_request_and_a_reply_the_engines_report() {
        let order = PaymentOrder {
            amount: Money::new(1250, Currency::Sek),
            reference: "KS1".into(),
            destination: "dest".into(),
            redirect_url: "https://shop.test/paid".into(),
            country: Some("SE".into()),
        };
        let r = request(&order);
        assert_eq!(r.scheme_id, "SwedishDomesticCreditTransfer");
        assert_eq!(r.currency, Currency::Sek);
        assert_eq!(r.preselected_country.as_deref(), Some("SE"));
        let reply: PaymentStatusResponse = serde_json::from_str(
            r#"{"id":"20200710.cys5ihh856sw7btuoimya551nh","amount":12.50,"currency":"SEK",
                "status":{"code":"Rejected","lastUpdated":"2020-07-10T10:00:00Z",
                          "details":{"reason":"InsufficientFunds","description":"insufficient funds"}}}"#,
        )
        .unwrap();
        let report = report(reply);
        assert_eq!(report.status, Status::Rejected);
        assert_eq!(report.amount, Some(Money::new(1250, Currency::Sek)));
        assert_eq!(
            report.bank,
            Some(BankReason {
                reason: Some("InsufficientFunds".into()),
                description: Some("insufficient funds".into()),
            })
        );
        assert_eq!(report.updated_at.as_deref(), Some("2020-07-10T10:00:00Z"));
    }

    #[test]
    fn errors_keep_what_the_engine_needs() {
        let e: GatewayError = AiiaError::RateLimited {
            retry_after: Some(std::time::Duration::from_secs(3)),
        }
        .into();
        assert_eq!(e.problem, Problem::Busy);
        assert_eq!(e.retry_after, Some(std::time::Duration::from_secs(3)));
        assert!(e.transient && !e.may_exist);
        let e: GatewayError = AiiaError::NotFound("p".into()).into();
        assert_eq!(e.problem, Problem::NotFound);
        assert!(!e.transient);
    }
}
