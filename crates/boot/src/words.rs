//! What the cashier reads: the engine's typed events and reasons in words, in one place for
//! both hosts (the window and the CLI). One place per language later.

use kassa_till::{
    CallKind, EndReason, FlagReason, Outcome, Phase, Problem, SaleView, Status, StatusNews,
    TillEvent, Withdrawn,
};

/// What the status line says for a payment status.
pub fn status_text(status: &Status) -> String {
    match status {
        Status::Initiated => "Waiting for the customer to scan".into(),
        Status::AwaitingAuthorization => "Approving in the bank…".into(),
        Status::Authorized => "Approved, waiting for the money".into(),
        Status::Executed => "Paid".into(),
        Status::Rejected => "Declined in the bank".into(),
        Status::Failed => "The bank could not complete the payment".into(),
        Status::Expired => "The code expired".into(),
        Status::Other(s) => format!("The bank reports \"{s}\""),
    }
}

/// A status change as news for the status line.
pub fn status_news_text(status: &Status, news: StatusNews) -> String {
    match news {
        StatusNews::LeftTheBank => "The customer did not approve in their bank in time".into(),
        StatusNews::Changed => status_text(status),
    }
}

/// Why a sale ended, for the result screen.
pub fn end_text(reason: &EndReason) -> String {
    match reason {
        EndReason::PaidByBank => "Paid by bank transfer".into(),
        EndReason::CancelledByCashier => "Cancelled by the cashier".into(),
        EndReason::Declined => status_text(&Status::Rejected),
        EndReason::BankFailed => status_text(&Status::Failed),
        EndReason::NobodyApproved { after_s } => {
            format!(
                "Not paid: nobody approved the payment within {}",
                span(*after_s)
            )
        }
        EndReason::CreateRefused(problem) => problem_text(problem, CallKind::Create),
        EndReason::EndedElsewhere => "The journal shows this sale was already ended".into(),
    }
}

/// Why a code left the screen.
pub fn withdrawn_text(why: Withdrawn) -> String {
    match why {
        Withdrawn::InBank => "Approving in the bank…".into(),
        Withdrawn::Expiring => "Getting a new code…".into(),
    }
}

/// What the status line says for a sale on screen.
pub fn view_text(view: &SaleView) -> String {
    match view.phase {
        Phase::MakingCode => "Getting a new code…".into(),
        Phase::Scanning => status_text(&Status::Initiated),
        Phase::InBank => status_text(&Status::AwaitingAuthorization),
        Phase::Authorized => status_text(&Status::Authorized),
        Phase::Ended => match view.state {
            kassa_journal::SaleState::Paid => end_text(&EndReason::PaidByBank),
            kassa_journal::SaleState::Cancelled => end_text(&EndReason::CancelledByCashier),
            kassa_journal::SaleState::Failed | kassa_journal::SaleState::Open => view
                .last_status
                .as_ref()
                .map_or_else(|| "Not paid".into(), status_text),
        },
    }
}

/// Why a payment needs the merchant (the journal keeps the full note).
pub fn flag_text(reason: &FlagReason) -> String {
    match reason {
        FlagReason::PaidTwice => "Paid twice: refund the second payment".into(),
        FlagReason::AfterEnd { ended } => format!(
            "A payment came in after the sale was {}: refund it or charge it to the sale",
            match ended {
                Outcome::Paid => "paid",
                Outcome::Failed => "not paid",
                Outcome::Cancelled => "cancelled",
            }
        ),
        FlagReason::AmountMismatch { reported } => format!(
            "The bank reports {} for this payment, not the sale's amount: it does not pay the sale",
            reported.display()
        ),
        FlagReason::Lost => {
            "The payment service no longer knows this payment: check it with Aiia".into()
        }
    }
}

/// A failed call in the cashier's words: one short sentence on what happened and, where it
/// matters, what it means for the sale. The screen adds when Kassa tries again.
pub fn problem_text(problem: &Problem, call: CallKind) -> String {
    let checking = call == CallKind::Status;
    let what = match problem {
        Problem::LostReply => {
            if checking {
                "The connection to the payment service dropped"
            } else {
                "The connection dropped before the payment service answered"
            }
        }
        Problem::NoConnection => "No connection to the payment service",
        Problem::Timeout => "The payment service did not answer in time",
        Problem::Busy => "The payment service is busy and asked Kassa to wait",
        Problem::ServiceError => "The payment service has a problem on its side",
        Problem::Unreadable => "The payment service sent a reply Kassa cannot read",
        Problem::SignIn => "Kassa could not sign in to the payment service",
        Problem::CredentialsRefused => {
            return if checking {
                "The payment service refused Kassa's credentials; the code still works. \
                 Check the Client ID and Secret."
                    .into()
            } else {
                "The payment service refused Kassa's credentials. Check the Client ID and Secret."
                    .into()
            };
        }
        Problem::Refused(message) => {
            return if checking {
                format!("The payment service refused the status check: {message}")
            } else {
                format!("The payment service refused the payment: {message}")
            };
        }
        Problem::NotFound => {
            return "The payment service does not know this payment (yet); Kassa keeps checking."
                .into();
        }
        Problem::Settings(m) => return format!("Kassa's settings need fixing: {m}"),
        Problem::Journal(m) => {
            return format!("Kassa cannot write its journal: {m}. The sale waits for it.");
        }
    };
    let may_exist = matches!(
        problem,
        Problem::LostReply | Problem::Timeout | Problem::ServiceError | Problem::Unreadable
    );
    if checking {
        format!("{what}; the code still works.")
    } else if may_exist {
        // The link of a payment made anyway was never shown, so it cannot be paid.
        format!("{what}. A new code is on its way.")
    } else {
        format!("{what}.")
    }
}

/// The one sentence that goes with an event, where it has one.
pub fn event_text(e: &TillEvent) -> Option<String> {
    match e {
        TillEvent::SaleStarted { .. } | TillEvent::QrReady(_) => None,
        TillEvent::QrWithdrawn { why, .. } => Some(withdrawn_text(*why)),
        TillEvent::AttemptError { call, problem, .. } => Some(problem_text(problem, *call)),
        TillEvent::StatusChanged { status, news, .. } => Some(status_news_text(status, *news)),
        TillEvent::SaleEnded { reason, .. } => Some(end_text(reason)),
        TillEvent::NeedsAttention { note, .. } => Some(note.clone()),
    }
}

/// A wait as the cashier reads it: "45 s", "10 min".
fn span(secs: u64) -> String {
    let secs = secs.max(1);
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min", secs.div_ceil(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_has_its_own_short_sentence() {
        let problems = [
            Problem::LostReply,
            Problem::NoConnection,
            Problem::Timeout,
            Problem::Busy,
            Problem::ServiceError,
            Problem::Unreadable,
            Problem::SignIn,
            Problem::CredentialsRefused,
            Problem::Refused("Amount too large".into()),
            Problem::NotFound,
            Problem::Settings("no destination".into()),
            Problem::Journal("the disk is full".into()),
        ];
        for call in [CallKind::Create, CallKind::Status] {
            let mut seen = std::collections::HashSet::new();
            for p in &problems {
                let text = problem_text(p, call);
                assert!(seen.insert(text.clone()), "two problems say {text}");
            }
        }
        assert_eq!(
            problem_text(&Problem::ServiceError, CallKind::Create),
            "The payment service has a problem on its side. A new code is on its way."
        );
        assert_eq!(
            problem_text(&Problem::NoConnection, CallKind::Create),
            "No connection to the payment service."
        );
        assert_eq!(
            problem_text(&Problem::Timeout, CallKind::Status),
            "The payment service did not answer in time; the code still works."
        );
        assert!(
            problem_text(
                &Problem::Refused("Amount too large".into()),
                CallKind::Create
            )
            .ends_with("refused the payment: Amount too large")
        );
    }

    #[test]
    fn a_customer_in_the_bank_is_told_as_such_and_ends_have_their_reason() {
        assert_eq!(
            status_text(&Status::AwaitingAuthorization),
            "Approving in the bank…"
        );
        assert_eq!(
            status_text(&Status::Authorized),
            "Approved, waiting for the money"
        );
        assert_eq!(withdrawn_text(Withdrawn::InBank), "Approving in the bank…");
        assert_eq!(
            end_text(&EndReason::NobodyApproved { after_s: 600 }),
            "Not paid: nobody approved the payment within 10 min"
        );
        assert_eq!(
            status_news_text(&Status::Expired, StatusNews::LeftTheBank),
            "The customer did not approve in their bank in time"
        );
        assert_eq!(end_text(&EndReason::Declined), "Declined in the bank");
    }
}
