//! What the cashier reads: the engine's typed events and reasons in words, in one place for
//! both hosts (the window and the CLI). One place per language later.

use kassa_till::{
    BankReason, CallKind, EndReason, FlagReason, LeftBank, Outcome, Phase, Problem, Progress,
    SaleView, Status, StatusNews, TillEvent, Withdrawn,
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

/// The longest piece of the service's own text put on the cashier's screen.
const BANK_TEXT_MAX: usize = 120;

/// The service's reason in plain words: its description (trimmed, control characters
/// dropped, at most [`BANK_TEXT_MAX`] characters), else its reason code spelled out
/// (`InsufficientFunds` → "insufficient funds"); none when it gave neither.
pub fn bank_text(bank: &BankReason) -> Option<String> {
    let clean = |s: &str| -> String {
        let s: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let s = s.trim_end_matches(['.', ' ']);
        if s.chars().count() > BANK_TEXT_MAX {
            let mut cut: String = s.chars().take(BANK_TEXT_MAX - 1).collect();
            cut.push('…');
            cut
        } else {
            s.to_owned()
        }
    };
    let spelled = |code: &str| -> String {
        let mut out = String::new();
        for (i, c) in code.chars().enumerate() {
            if c == '_' || c == '-' {
                out.push(' ');
            } else if c.is_uppercase() && i > 0 {
                out.push(' ');
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        out
    };
    bank.description
        .as_deref()
        .map(clean)
        .filter(|s| !s.is_empty())
        .or_else(|| {
            bank.reason
                .as_deref()
                .map(|r| clean(&spelled(r.trim())))
                .filter(|s| !s.is_empty())
        })
}

/// What the status line says for a status with the service's reason: for an unpaid end
/// ("Declined in the bank: insufficient funds"); other statuses say what [`status_text`] says.
pub fn status_text_with(status: &Status, bank: Option<&BankReason>) -> String {
    let base = status_text(status);
    let unpaid_end = matches!(status, Status::Rejected | Status::Failed | Status::Expired);
    match bank.and_then(bank_text) {
        Some(why) if unpaid_end => format!("{base}: {why}"),
        _ => base,
    }
}

/// A status change as news for the status line.
pub fn status_news_text(status: &Status, news: StatusNews) -> String {
    status_news_text_with(status, news, None)
}

/// A status change as news, with the service's reason when it gave one.
pub fn status_news_text_with(
    status: &Status,
    news: StatusNews,
    bank: Option<&BankReason>,
) -> String {
    match news {
        StatusNews::LeftTheBank => "The customer did not approve in their bank in time".into(),
        StatusNews::Changed => status_text_with(status, bank),
    }
}

/// Why a sale ended, for the result screen.
pub fn end_text(reason: &EndReason) -> String {
    end_text_with(reason, None)
}

/// Why a sale ended, with the service's reason for a decline or a failure when it gave one.
pub fn end_text_with(reason: &EndReason, bank: Option<&BankReason>) -> String {
    match reason {
        EndReason::PaidByBank => "Paid by bank transfer".into(),
        EndReason::CancelledByCashier => "Cancelled by the cashier".into(),
        EndReason::Declined => status_text_with(&Status::Rejected, bank),
        EndReason::BankFailed => status_text_with(&Status::Failed, bank),
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
            kassa_journal::SaleState::Failed | kassa_journal::SaleState::Open => {
                view.last_status.as_ref().map_or_else(
                    || "Not paid".into(),
                    |s| status_text_with(s, view.last_bank.as_ref()),
                )
            }
        },
    }
}

/// The sale's status line: what the customer is doing with the code they are on, after how
/// the last customer left their bank unpaid when the sale went on ("Declined in the bank.
/// Waiting for the customer to scan"). A replaced code's own news never reaches it.
pub fn progress_text(p: &Progress) -> String {
    let now = match p.phase {
        Phase::MakingCode => "Getting a new code…".into(),
        Phase::Scanning => status_text(&Status::Initiated),
        Phase::InBank => status_text(&Status::AwaitingAuthorization),
        Phase::Authorized => status_text(&Status::Authorized),
        Phase::Ended => "Not paid".into(),
    };
    let left = match p.left {
        None => return now,
        Some(LeftBank::Declined) => status_text(&Status::Rejected),
        Some(LeftBank::Failed) => status_text(&Status::Failed),
        Some(LeftBank::TimedOut) => status_news_text(&Status::Expired, StatusNews::LeftTheBank),
    };
    format!("{left}. {now}")
}

/// What the window's status line says after `e`, when `e` changes it: only the sale's
/// progress does (see [`progress_text`]).
pub fn status_line(e: &TillEvent) -> Option<String> {
    match e {
        TillEvent::SaleProgress { progress, .. } => Some(progress_text(progress)),
        TillEvent::SaleStarted { .. }
        | TillEvent::QrReady(_)
        | TillEvent::QrWithdrawn { .. }
        | TillEvent::AttemptError { .. }
        | TillEvent::StatusChanged { .. }
        | TillEvent::SaleEnded { .. }
        | TillEvent::NeedsAttention { .. } => None,
    }
}

/// Under an empty reference field: what the bank statement will show.
pub fn reference_auto_text() -> String {
    "Bank statement: an automatic reference (K and 12 letters and digits)".into()
}

/// Under a reference the scheme accepts: what the bank statement will show.
pub fn reference_statement_text(reference: &str) -> String {
    format!("Bank statement: {reference}")
}

/// Under a reference the scheme refuses: every character it refuses, named (a space is
/// hard to see in quotes), or what else is wrong.
pub fn reference_problem_text(reference: &str, e: &kassa_aiia::wire::ReferenceError) -> String {
    use kassa_aiia::wire::ReferenceError;
    match e {
        ReferenceError::BadCharacter { rule, .. } => {
            let mut bad: Vec<String> = Vec::new();
            for c in reference.chars().filter(|&c| !rule.allows(c)) {
                let named = if c == ' ' {
                    "space".to_owned()
                } else {
                    format!("\"{c}\"")
                };
                if !bad.contains(&named) {
                    bad.push(named);
                }
            }
            format!(
                "The bank does not take {} in a reference: use {}, at most {}",
                bad.join(", "),
                rule.describe(),
                rule.max
            )
        }
        ReferenceError::TooLong { len, max } => {
            format!("{len} characters: the bank takes at most {max} in a reference")
        }
        ReferenceError::Empty => reference_auto_text(),
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
        TillEvent::SaleProgress { progress, .. } => Some(progress_text(progress)),
        TillEvent::QrWithdrawn { why, .. } => Some(withdrawn_text(*why)),
        TillEvent::AttemptError { call, problem, .. } => Some(problem_text(problem, *call)),
        TillEvent::StatusChanged {
            status, news, bank, ..
        } => Some(status_news_text_with(status, *news, bank.as_ref())),
        TillEvent::SaleEnded { reason, bank, .. } => Some(end_text_with(reason, bank.as_ref())),
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

    #[test]
    fn the_status_line_says_what_the_customer_does_with_their_code_and_how_the_last_left() {
        let p = |phase, left| Progress {
            phase,
            attempt: Some(2),
            left,
        };
        assert_eq!(
            progress_text(&p(Phase::Scanning, None)),
            "Waiting for the customer to scan"
        );
        assert_eq!(
            progress_text(&p(Phase::InBank, None)),
            "Approving in the bank…"
        );
        assert_eq!(
            progress_text(&p(Phase::Scanning, Some(LeftBank::Declined))),
            "Declined in the bank. Waiting for the customer to scan"
        );
        assert_eq!(
            progress_text(&p(Phase::MakingCode, Some(LeftBank::TimedOut))),
            "The customer did not approve in their bank in time. Getting a new code…"
        );
        // Only the progress moves the status line; a replaced code's expiry does not.
        let expired = TillEvent::StatusChanged {
            sale_id: "s".into(),
            payment_id: "p1".into(),
            status: Status::Expired,
            news: StatusNews::Changed,
            bank: None,
        };
        assert_eq!(status_line(&expired), None);
        let e = TillEvent::SaleProgress {
            sale_id: "s".into(),
            progress: p(Phase::Authorized, None),
        };
        assert_eq!(
            status_line(&e).as_deref(),
            Some("Approved, waiting for the money")
        );
    }

    #[test]
    fn the_banks_reason_for_an_unpaid_end_is_told_in_plain_words() {
        let insufficient = BankReason {
            reason: Some("InsufficientFunds".into()),
            description: Some("insufficient funds".into()),
        };
        assert_eq!(
            end_text_with(&EndReason::Declined, Some(&insufficient)),
            "Declined in the bank: insufficient funds"
        );
        assert_eq!(
            status_text_with(&Status::Failed, Some(&insufficient)),
            "The bank could not complete the payment: insufficient funds"
        );
        // Only a code: spelled out.
        let code_only = BankReason {
            reason: Some("SessionExpired".into()),
            description: None,
        };
        assert_eq!(
            status_text_with(&Status::Expired, Some(&code_only)),
            "The code expired: session expired"
        );
        // The reason never changes what a live or paid status says.
        assert_eq!(
            status_text_with(&Status::Executed, Some(&insufficient)),
            "Paid"
        );
        assert_eq!(
            status_text_with(&Status::AwaitingAuthorization, Some(&insufficient)),
            "Approving in the bank…"
        );
        // Without one, the words are as before; so is an empty one.
        assert_eq!(
            end_text_with(&EndReason::Declined, None),
            "Declined in the bank"
        );
        let empty = BankReason {
            reason: Some(" ".into()),
            description: Some("".into()),
        };
        assert_eq!(
            end_text_with(&EndReason::Declined, Some(&empty)),
            "Declined in the bank"
        );
        // The service's text is cleaned and kept short on the screen.
        let noisy = BankReason {
            reason: None,
            description: Some(format!("Bad\n\u{7}thing.  {}", "x".repeat(300))),
        };
        let text = end_text_with(&EndReason::BankFailed, Some(&noisy));
        assert!(
            text.starts_with("The bank could not complete the payment: Bad thing. xx"),
            "{text}"
        );
        assert!(!text.contains('\n') && !text.contains('\u{7}'));
        assert!(text.chars().count() < 200, "{text}");
        // The event carries it to the same words.
        let e = TillEvent::SaleEnded {
            sale_id: "s".into(),
            outcome: Outcome::Failed,
            reason: EndReason::Declined,
            amount_display: "12,50 kr.".into(),
            payment_id: None,
            bank: Some(insufficient.clone()),
        };
        assert_eq!(
            event_text(&e).as_deref(),
            Some("Declined in the bank: insufficient funds")
        );
        let e = TillEvent::StatusChanged {
            sale_id: "s".into(),
            payment_id: "p".into(),
            status: Status::Rejected,
            news: StatusNews::Changed,
            bank: Some(insufficient),
        };
        assert_eq!(
            event_text(&e).as_deref(),
            Some("Declined in the bank: insufficient funds")
        );
    }
}
