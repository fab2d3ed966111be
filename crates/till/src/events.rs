//! What the engine tells its hosts (the window, the CLI). One enum, serialised with an
//! `event` tag and camelCase fields; each host maps it in exactly one place.

use kassa_money::Money;
use serde::Serialize;

use crate::sale::{
    BankReason, CallKind, EndReason, FlagReason, Problem, Progress, Status, StatusNews, Withdrawn,
};

/// How a sale ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Paid,
    Failed,
    Cancelled,
}

/// The code on screen for one attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Qr {
    pub sale_id: String,
    /// 1 for the first code of the sale, 2 for its replacement, ...
    pub attempt: i64,
    pub payment_id: String,
    pub authorization_url: String,
    pub qr_svg: String,
    /// When Aiia stops accepting the link.
    pub expires_at_ms: i64,
    /// When the screen must stop showing it (a margin before expiry).
    pub show_until_ms: i64,
}

/// What happened, with typed reasons: the hosts put it in words (one place per language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum TillEvent {
    #[serde(rename_all = "camelCase")]
    SaleStarted {
        sale_id: String,
        /// The amount, for a host to write in its language (`amount_display` is the
        /// currency's own convention).
        amount: Money,
        amount_display: String,
        reference: Option<String>,
    },
    QrReady(Qr),
    /// The code on screen was taken down while the sale is open: a customer is approving in
    /// their bank (no second payable code is offered), or its time is up.
    #[serde(rename_all = "camelCase")]
    QrWithdrawn {
        sale_id: String,
        attempt: i64,
        why: Withdrawn,
    },
    /// Something failed on the way (creating a code, reading a status); the engine retries.
    #[serde(rename_all = "camelCase")]
    AttemptError {
        sale_id: String,
        call: CallKind,
        problem: Problem,
        retry_at_ms: i64,
    },
    #[serde(rename_all = "camelCase")]
    StatusChanged {
        sale_id: String,
        payment_id: String,
        status: Status,
        news: StatusNews,
        /// The service's reason for the status (`reason`, `description`), when it gave one.
        #[serde(skip_serializing_if = "Option::is_none")]
        bank: Option<BankReason>,
    },
    #[serde(rename_all = "camelCase")]
    SaleEnded {
        sale_id: String,
        outcome: Outcome,
        reason: EndReason,
        amount: Money,
        amount_display: String,
        payment_id: Option<String>,
        /// For a sale a status ended unpaid: the service's reason, when it gave one.
        #[serde(skip_serializing_if = "Option::is_none")]
        bank: Option<BankReason>,
    },
    /// What the sale's status line is about changed: the phase, the attempt the customer is
    /// on, how a customer left their bank unpaid (the sale goes on). Statuses of other
    /// attempts (a replaced code expiring) do not change it. Only while the sale is open.
    #[serde(rename_all = "camelCase")]
    SaleProgress {
        sale_id: String,
        #[serde(flatten)]
        progress: Progress,
    },
    /// A person must act: e.g. a second payment for a sale that was already paid.
    #[serde(rename_all = "camelCase")]
    NeedsAttention {
        sale_id: String,
        payment_id: String,
        amount: Money,
        amount_display: String,
        reason: FlagReason,
        /// The note as the journal keeps it.
        note: String,
    },
}

impl TillEvent {
    pub fn sale_id(&self) -> &str {
        match self {
            TillEvent::SaleStarted { sale_id, .. }
            | TillEvent::QrWithdrawn { sale_id, .. }
            | TillEvent::AttemptError { sale_id, .. }
            | TillEvent::StatusChanged { sale_id, .. }
            | TillEvent::SaleEnded { sale_id, .. }
            | TillEvent::SaleProgress { sale_id, .. }
            | TillEvent::NeedsAttention { sale_id, .. } => sale_id,
            TillEvent::QrReady(qr) => &qr.sale_id,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn serialises_with_an_event_tag_and_camel_case() {
        let e = TillEvent::StatusChanged {
            sale_id: "s".into(),
            payment_id: "p".into(),
            status: Status::Authorized,
            news: StatusNews::Changed,
            bank: None,
        };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"event":"status_changed","saleId":"s","paymentId":"p","status":"Authorized","news":"changed"}"#
        );
        let e = TillEvent::AttemptError {
            sale_id: "s".into(),
            call: CallKind::Status,
            problem: Problem::Refused("no".into()),
            retry_at_ms: 5,
        };
        let v: serde_json::Value = serde_json::to_value(&e).unwrap();
        assert_eq!(v["problem"]["kind"], "refused");
        assert_eq!(v["problem"]["detail"], "no");
        let q = TillEvent::QrReady(Qr {
            sale_id: "s".into(),
            attempt: 2,
            payment_id: "p".into(),
            authorization_url: "u".into(),
            qr_svg: "<svg/>".into(),
            expires_at_ms: 60,
            show_until_ms: 58,
        });
        let v: serde_json::Value = serde_json::to_value(&q).unwrap();
        assert_eq!(v["event"], "qr_ready");
        assert_eq!(v["showUntilMs"], 58);
    }
}
