//! One payment request and its life. Nothing here runs in the background: a payment keeps
//! the instants at which things happened to it, and its status at any moment is a pure
//! function of those instants and that moment ([`PaymentRecord::status_at`]).

use std::fmt;

use kassa_money::{Currency, Money};
use serde::{Deserialize, Serialize};

use crate::error::SandboxError;
use crate::timefmt::rfc3339;
use crate::wire::decimal_amount;

/// A payment's status, exactly the values the service sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaymentStatus {
    /// Created; the link has not been opened yet.
    Initiated,
    /// The payer opened the link and is in the bank flow.
    AwaitingAuthorization,
    /// The payer approved; execution is under way.
    Authorized,
    /// The money has been sent.
    Executed,
    /// The payer or the bank declined.
    Rejected,
    /// The bank could not execute the payment.
    Failed,
    /// The link was not opened in time, or the bank session timed out.
    Expired,
}

impl PaymentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Initiated => "Initiated",
            PaymentStatus::AwaitingAuthorization => "AwaitingAuthorization",
            PaymentStatus::Authorized => "Authorized",
            PaymentStatus::Executed => "Executed",
            PaymentStatus::Rejected => "Rejected",
            PaymentStatus::Failed => "Failed",
            PaymentStatus::Expired => "Expired",
        }
    }

    /// The payment will not move any more.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            PaymentStatus::Executed
                | PaymentStatus::Rejected
                | PaymentStatus::Failed
                | PaymentStatus::Expired
        )
    }
}

impl fmt::Display for PaymentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a payment ended unpaid, as the status object's `details` carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusDetails {
    pub reason: String,
    pub description: String,
    pub message_to_payer: String,
}

/// A payment as the sandbox shows it: the status endpoint renders it in the object or the
/// flat shape ([`crate::StatusShape`], `wire::status_body`); the programmatic actions and
/// `GET /sandbox/payments` return it as is (flat, with `details` when there are any). It
/// reads back from either shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "crate::wire::StatusReply")]
pub struct PaymentView {
    pub payment_id: String,
    pub status: PaymentStatus,
    /// Minor units; on the wire a JSON number in major units with two decimals (`12.50`).
    #[serde(rename = "amount", with = "decimal_amount")]
    pub amount_minor: i64,
    pub currency: Currency,
    pub reference: String,
    pub destination_id: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// RFC 3339, UTC: when the status last changed.
    pub updated_at: String,
    /// Why it ended unpaid (`Rejected`, `Failed`, `Expired`); none otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<StatusDetails>,
}

impl PaymentView {
    pub fn money(&self) -> Money {
        Money::new(self.amount_minor, self.currency)
    }
}

/// How long each phase may last, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Timings {
    pub link_ttl_ms: i64,
    pub session_ttl_ms: i64,
    pub settle_delay_ms: i64,
}

/// The payer's (or the bank's) decision on a payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    Approved,
    /// The payer rejected in the bank.
    Rejected,
    /// The payer approved but the bank declined (the `bankRejects` fault).
    BankRejected,
    Failed,
}

/// A validated payment request, before it becomes a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewPayment {
    pub money: Money,
    pub destination_id: String,
    pub scheme_id: String,
    pub reference: String,
    pub redirect_url: String,
    pub preselected_country: Option<String>,
}

/// A payment as the sandbox stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PaymentRecord {
    pub id: String,
    pub request: NewPayment,
    pub created_ms: i64,
    /// When the payer opened the link (the bank session started).
    pub opened_ms: Option<i64>,
    /// The decision and when it was made.
    pub decision: Option<(Decision, i64)>,
    pub timings: Timings,
}

impl PaymentRecord {
    pub fn new(id: String, request: NewPayment, created_ms: i64, timings: Timings) -> Self {
        PaymentRecord {
            id,
            request,
            created_ms,
            opened_ms: None,
            decision: None,
            timings,
        }
    }

    /// The status at `now_ms`.
    pub fn status_at(&self, now_ms: i64) -> PaymentStatus {
        self.state_at(now_ms).0
    }

    /// The status at `now_ms` and the instant it was entered. Only what had happened by
    /// `now_ms` counts, so asking about the past gives the past status.
    pub fn state_at(&self, now_ms: i64) -> (PaymentStatus, i64) {
        let t = self.timings;
        if let Some((decision, at)) = self.decision.filter(|&(_, at)| at <= now_ms) {
            return match decision {
                Decision::Rejected | Decision::BankRejected => (PaymentStatus::Rejected, at),
                Decision::Failed => (PaymentStatus::Failed, at),
                Decision::Approved => {
                    let executed = at.saturating_add(t.settle_delay_ms);
                    if now_ms >= executed {
                        (PaymentStatus::Executed, executed)
                    } else {
                        (PaymentStatus::Authorized, at)
                    }
                }
            };
        }
        if let Some(opened) = self.opened_ms.filter(|&at| at <= now_ms) {
            let expires = opened.saturating_add(t.session_ttl_ms);
            return if now_ms >= expires {
                (PaymentStatus::Expired, expires)
            } else {
                (PaymentStatus::AwaitingAuthorization, opened)
            };
        }
        let expires = self.created_ms.saturating_add(t.link_ttl_ms);
        if now_ms >= expires {
            (PaymentStatus::Expired, expires)
        } else {
            (PaymentStatus::Initiated, self.created_ms)
        }
    }

    /// The first instant after `now_ms` at which the status may change by itself (a
    /// decision or opening planned for later, settlement, a link or session running out),
    /// if any. Lets the webhook watcher wake exactly then instead of at its next tick.
    pub fn next_change_after(&self, now_ms: i64) -> Option<i64> {
        let t = self.timings;
        let mut at = Vec::new();
        if let Some((decision, decided)) = self.decision {
            if decision == Decision::Approved {
                at.push(decided.saturating_add(t.settle_delay_ms));
            }
            if decided <= now_ms {
                return at.into_iter().filter(|&a| a > now_ms).min();
            }
            at.push(decided);
        }
        match self.opened_ms {
            Some(opened) if opened <= now_ms => {
                at.push(opened.saturating_add(t.session_ttl_ms));
            }
            Some(opened) => {
                at.extend([opened, self.created_ms.saturating_add(t.link_ttl_ms)]);
            }
            None => at.push(self.created_ms.saturating_add(t.link_ttl_ms)),
        }
        at.into_iter().filter(|&a| a > now_ms).min()
    }

    /// The payer opens the link: starts the bank session. Opening again, or opening a
    /// decided payment, changes nothing; an expired payment cannot be opened.
    pub fn open(&mut self, now_ms: i64) -> Result<PaymentStatus, SandboxError> {
        match self.status_at(now_ms) {
            PaymentStatus::Initiated => {
                self.opened_ms = Some(now_ms);
                Ok(PaymentStatus::AwaitingAuthorization)
            }
            PaymentStatus::Expired => Err(SandboxError::Expired(self.id.clone())),
            other => Ok(other),
        }
    }

    /// The payer approves or rejects in the bank. A link that was never opened is opened
    /// on the way (a machine skips the page), as long as it has not expired.
    pub fn decide(
        &mut self,
        decision: Decision,
        now_ms: i64,
    ) -> Result<PaymentStatus, SandboxError> {
        match self.status_at(now_ms) {
            PaymentStatus::Initiated | PaymentStatus::AwaitingAuthorization => {}
            // The bank may still fail a payment the payer approved, until it is executed.
            PaymentStatus::Authorized if decision == Decision::Failed => {}
            PaymentStatus::Expired => return Err(SandboxError::Expired(self.id.clone())),
            status => {
                return Err(SandboxError::AlreadyDecided {
                    payment_id: self.id.clone(),
                    status,
                });
            }
        }
        self.opened_ms.get_or_insert(now_ms);
        self.decision = Some((decision, now_ms));
        Ok(self.status_at(now_ms))
    }

    /// Why the payment is unpaid at `now_ms`, in the service's words (`reason` a code,
    /// `description` a sentence); none while it can still be paid, or once paid.
    pub fn details_at(&self, now_ms: i64) -> Option<StatusDetails> {
        let (reason, description, to_payer) = match self.status_at(now_ms) {
            PaymentStatus::Rejected => match self.decision {
                Some((Decision::BankRejected, _)) => (
                    "InsufficientFunds",
                    "insufficient funds",
                    "Your bank declined the payment.",
                ),
                _ => (
                    "RejectedByPayer",
                    "the payer rejected the payment in their bank",
                    "You rejected the payment.",
                ),
            },
            PaymentStatus::Failed => (
                "ExecutionFailed",
                "the bank could not execute the payment",
                "Your bank could not complete the payment.",
            ),
            PaymentStatus::Expired if self.opened_ms.is_some_and(|at| at <= now_ms) => (
                "SessionExpired",
                "the payer did not finish in their bank in time",
                "The payment timed out in your bank.",
            ),
            PaymentStatus::Expired => (
                "LinkExpired",
                "the payment link was not opened in time",
                "The payment link has expired.",
            ),
            PaymentStatus::Initiated
            | PaymentStatus::AwaitingAuthorization
            | PaymentStatus::Authorized
            | PaymentStatus::Executed => return None,
        };
        Some(StatusDetails {
            reason: reason.into(),
            description: description.into(),
            message_to_payer: to_payer.into(),
        })
    }

    /// The wire view at `now_ms`.
    pub fn view_at(&self, now_ms: i64) -> PaymentView {
        let (status, since) = self.state_at(now_ms);
        PaymentView {
            details: self.details_at(now_ms),
            payment_id: self.id.clone(),
            status,
            amount_minor: self.request.money.minor,
            currency: self.request.money.currency,
            reference: self.request.reference.clone(),
            destination_id: self.request.destination_id.clone(),
            created_at: rfc3339(self.created_ms),
            updated_at: rfc3339(since),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    const T0: i64 = 1_795_600_000_000;
    const TIMINGS: Timings = Timings {
        link_ttl_ms: 60_000,
        session_ttl_ms: 300_000,
        settle_delay_ms: 300,
    };

    fn record() -> PaymentRecord {
        let request = NewPayment {
            money: Money::new(1250, Currency::Dkk),
            destination_id: "dest".into(),
            scheme_id: "DanishDomesticCreditTransfer".into(),
            reference: "KASSA1".into(),
            redirect_url: "https://kassa.local/return".into(),
            preselected_country: None,
        };
        PaymentRecord::new("p1".into(), request, T0, TIMINGS)
    }

    #[test]
    fn unopened_link_expires_after_link_ttl() {
        let r = record();
        assert_eq!(r.state_at(T0), (PaymentStatus::Initiated, T0));
        assert_eq!(r.status_at(T0 + 59_999), PaymentStatus::Initiated);
        assert_eq!(
            r.state_at(T0 + 60_000),
            (PaymentStatus::Expired, T0 + 60_000)
        );
        assert_eq!(r.status_at(T0 + 10_000_000), PaymentStatus::Expired);
    }

    #[test]
    fn opened_session_lives_session_ttl() {
        let mut r = record();
        assert_eq!(
            r.open(T0 + 50_000).unwrap(),
            PaymentStatus::AwaitingAuthorization
        );
        // The link deadline no longer applies once opened.
        assert_eq!(
            r.status_at(T0 + 60_000),
            PaymentStatus::AwaitingAuthorization
        );
        assert_eq!(
            r.state_at(T0 + 349_999),
            (PaymentStatus::AwaitingAuthorization, T0 + 50_000)
        );
        assert_eq!(
            r.state_at(T0 + 350_000),
            (PaymentStatus::Expired, T0 + 350_000)
        );
    }

    #[test]
    fn approval_settles_after_the_delay() {
        let mut r = record();
        r.open(T0 + 1_000).unwrap();
        assert_eq!(
            r.decide(Decision::Approved, T0 + 2_000).unwrap(),
            PaymentStatus::Authorized
        );
        assert_eq!(
            r.state_at(T0 + 2_299),
            (PaymentStatus::Authorized, T0 + 2_000)
        );
        assert_eq!(
            r.state_at(T0 + 2_300),
            (PaymentStatus::Executed, T0 + 2_300)
        );
        // Final: neither session nor link expiry applies any more.
        assert_eq!(r.status_at(T0 + 100_000_000), PaymentStatus::Executed);
    }

    #[test]
    fn rejection_is_final() {
        let mut r = record();
        r.open(T0).unwrap();
        assert_eq!(
            r.decide(Decision::Rejected, T0 + 5).unwrap(),
            PaymentStatus::Rejected
        );
        assert_eq!(
            r.state_at(T0 + 1_000_000),
            (PaymentStatus::Rejected, T0 + 5)
        );
    }

    #[test]
    fn status_in_the_past_ignores_later_events() {
        let mut r = record();
        r.open(T0 + 10).unwrap();
        r.decide(Decision::Approved, T0 + 20).unwrap();
        assert_eq!(r.status_at(T0 + 5), PaymentStatus::Initiated);
        assert_eq!(r.status_at(T0 + 15), PaymentStatus::AwaitingAuthorization);
        assert_eq!(r.status_at(T0 + 25), PaymentStatus::Authorized);
    }

    #[test]
    fn deciding_an_unopened_link_opens_it() {
        let mut r = record();
        assert_eq!(
            r.decide(Decision::Approved, T0 + 30_000).unwrap(),
            PaymentStatus::Authorized
        );
        assert_eq!(r.opened_ms, Some(T0 + 30_000));
    }

    #[test]
    fn expired_links_cannot_be_opened_or_decided() {
        let mut r = record();
        assert_eq!(r.open(T0 + 60_000), Err(SandboxError::Expired("p1".into())));
        assert_eq!(
            r.decide(Decision::Approved, T0 + 60_000),
            Err(SandboxError::Expired("p1".into()))
        );
        assert_eq!(r.opened_ms, None);
        assert_eq!(r.decision, None);
    }

    #[test]
    fn an_expired_session_cannot_be_decided() {
        let mut r = record();
        r.open(T0).unwrap();
        assert_eq!(
            r.decide(Decision::Rejected, T0 + 300_000),
            Err(SandboxError::Expired("p1".into()))
        );
    }

    #[test]
    fn a_decided_payment_refuses_a_second_decision() {
        let mut r = record();
        r.decide(Decision::Approved, T0).unwrap();
        let refused = r.decide(Decision::Rejected, T0 + 100);
        assert_eq!(
            refused,
            Err(SandboxError::AlreadyDecided {
                payment_id: "p1".into(),
                status: PaymentStatus::Authorized
            })
        );
        // Reopening a decided payment is harmless and keeps the decision.
        assert_eq!(r.open(T0 + 400).unwrap(), PaymentStatus::Executed);
    }

    #[test]
    fn the_bank_can_fail_an_authorized_payment_until_executed() {
        let mut r = record();
        r.decide(Decision::Approved, T0).unwrap();
        assert_eq!(
            r.decide(Decision::Failed, T0 + 100).unwrap(),
            PaymentStatus::Failed
        );
        assert_eq!(r.status_at(T0 + 10_000), PaymentStatus::Failed);

        let mut r = record();
        r.decide(Decision::Approved, T0).unwrap();
        assert!(matches!(
            r.decide(Decision::Failed, T0 + 300),
            Err(SandboxError::AlreadyDecided {
                status: PaymentStatus::Executed,
                ..
            })
        ));
    }

    #[test]
    fn view_carries_the_wire_fields() {
        let mut r = record();
        r.open(T0 + 12_000).unwrap();
        let v = r.view_at(T0 + 13_000);
        assert_eq!(v.status, PaymentStatus::AwaitingAuthorization);
        assert_eq!(v.created_at, "2026-11-25T09:46:40.000Z");
        assert_eq!(v.updated_at, "2026-11-25T09:46:52.000Z");
        assert_eq!(v.money(), Money::new(1250, Currency::Dkk));
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(
            json,
            r#"{"paymentId":"p1","status":"AwaitingAuthorization","amount":12.50,"currency":"DKK","reference":"KASSA1","destinationId":"dest","createdAt":"2026-11-25T09:46:40.000Z","updatedAt":"2026-11-25T09:46:52.000Z"}"#
        );
        let back: PaymentView = serde_json::from_str(&json).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn final_statuses() {
        use PaymentStatus::*;
        for s in [Initiated, AwaitingAuthorization, Authorized] {
            assert!(!s.is_final(), "{s}");
        }
        for s in [Executed, Rejected, Failed, Expired] {
            assert!(s.is_final(), "{s}");
        }
    }

    #[test]
    fn the_next_change_is_settlement_then_nothing() {
        let mut r = record();
        assert_eq!(
            r.next_change_after(T0),
            Some(T0 + 60_000),
            "the link expires"
        );
        r.open(T0 + 1_000).unwrap();
        assert_eq!(
            r.next_change_after(T0 + 1_000),
            Some(T0 + 301_000),
            "the session expires"
        );
        r.decide(Decision::Approved, T0 + 2_000).unwrap();
        assert_eq!(
            r.next_change_after(T0 + 2_000),
            Some(T0 + 2_300),
            "settlement"
        );
        assert_eq!(r.status_at(T0 + 2_300), PaymentStatus::Executed);
        assert!(r.next_change_after(T0 + 2_300).is_none());
    }
}
