//! What the cashier reads: the engine's typed events and reasons in words, in one place for
//! both hosts (the window and the CLI), from the language's catalogue (`kassa-i18n`,
//! `locales/<lang>/core.ftl`). Each function takes the [`Messages`] of the language to speak.

use kassa_i18n::Messages;
use kassa_till::{
    BankReason, CallKind, EndReason, FlagReason, LeftBank, Outcome, Phase, Problem, Progress,
    SaleView, Status, StatusNews, TillEvent, Withdrawn,
};

/// What the status line says for a payment status.
pub fn status_text(m: &Messages, status: &Status) -> String {
    match status {
        Status::Initiated => m.text("status-initiated"),
        Status::AwaitingAuthorization => m.text("status-awaiting-authorization"),
        Status::Authorized => m.text("status-authorized"),
        Status::Executed => m.text("status-executed"),
        Status::Rejected => m.text("status-rejected"),
        Status::Failed => m.text("status-failed"),
        Status::Expired => m.text("status-expired"),
        Status::Other(s) => m.get("status-other", &[("status", s.into())]),
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
pub fn status_text_with(m: &Messages, status: &Status, bank: Option<&BankReason>) -> String {
    let base = status_text(m, status);
    let unpaid_end = matches!(status, Status::Rejected | Status::Failed | Status::Expired);
    match bank.and_then(bank_text) {
        Some(why) if unpaid_end => m.get(
            "status-with-reason",
            &[("status", base.into()), ("reason", why.into())],
        ),
        _ => base,
    }
}

/// A status change as news for the status line.
pub fn status_news_text(m: &Messages, status: &Status, news: StatusNews) -> String {
    status_news_text_with(m, status, news, None)
}

/// A status change as news, with the service's reason when it gave one.
pub fn status_news_text_with(
    m: &Messages,
    status: &Status,
    news: StatusNews,
    bank: Option<&BankReason>,
) -> String {
    match news {
        StatusNews::LeftTheBank => m.text("status-left-the-bank"),
        StatusNews::Changed => status_text_with(m, status, bank),
    }
}

/// Why a sale ended, for the result screen.
pub fn end_text(m: &Messages, reason: &EndReason) -> String {
    end_text_with(m, reason, None)
}

/// Why a sale ended, with the service's reason for a decline or a failure when it gave one.
pub fn end_text_with(m: &Messages, reason: &EndReason, bank: Option<&BankReason>) -> String {
    match reason {
        EndReason::PaidByBank => m.text("end-paid-by-bank"),
        EndReason::CancelledByCashier => m.text("end-cancelled-by-cashier"),
        EndReason::Declined => status_text_with(m, &Status::Rejected, bank),
        EndReason::BankFailed => status_text_with(m, &Status::Failed, bank),
        EndReason::NobodyApproved { after_s } => {
            m.get("end-nobody-approved", &[("span", span(m, *after_s).into())])
        }
        EndReason::CreateRefused(problem) => problem_text(m, problem, CallKind::Create),
        EndReason::EndedElsewhere => m.text("end-ended-elsewhere"),
    }
}

/// Why a code left the screen.
pub fn withdrawn_text(m: &Messages, why: Withdrawn) -> String {
    match why {
        Withdrawn::InBank => m.text("withdrawn-in-bank"),
        Withdrawn::Expiring => m.text("withdrawn-expiring"),
    }
}

/// What the status line says for a sale on screen.
pub fn view_text(m: &Messages, view: &SaleView) -> String {
    match view.phase {
        Phase::MakingCode => m.text("withdrawn-expiring"),
        Phase::Scanning => status_text(m, &Status::Initiated),
        Phase::InBank => status_text(m, &Status::AwaitingAuthorization),
        Phase::Authorized => status_text(m, &Status::Authorized),
        Phase::Ended => match view.state {
            kassa_journal::SaleState::Paid => end_text(m, &EndReason::PaidByBank),
            kassa_journal::SaleState::Cancelled => end_text(m, &EndReason::CancelledByCashier),
            kassa_journal::SaleState::Failed | kassa_journal::SaleState::Open => {
                view.last_status.as_ref().map_or_else(
                    || m.text("end-not-paid"),
                    |s| status_text_with(m, s, view.last_bank.as_ref()),
                )
            }
        },
    }
}

/// The sale's status line: what the customer is doing with the code they are on, after how
/// the last customer left their bank unpaid when the sale went on ("Declined in the bank.
/// Waiting for the customer to scan"). A replaced code's own news never reaches it.
pub fn progress_text(m: &Messages, p: &Progress) -> String {
    let now = match p.phase {
        Phase::MakingCode => m.text("progress-making-code"),
        Phase::Scanning => status_text(m, &Status::Initiated),
        Phase::InBank => status_text(m, &Status::AwaitingAuthorization),
        Phase::Authorized => status_text(m, &Status::Authorized),
        Phase::Ended => m.text("progress-not-paid"),
    };
    let left = match p.left {
        None => return now,
        Some(LeftBank::Declined) => status_text(m, &Status::Rejected),
        Some(LeftBank::Failed) => status_text(m, &Status::Failed),
        Some(LeftBank::TimedOut) => status_news_text(m, &Status::Expired, StatusNews::LeftTheBank),
    };
    m.get(
        "progress-after-left",
        &[("left", left.into()), ("now", now.into())],
    )
}

/// What the window's status line says after `e`, when `e` changes it: only the sale's
/// progress does (see [`progress_text`]).
pub fn status_line(m: &Messages, e: &TillEvent) -> Option<String> {
    match e {
        TillEvent::SaleProgress { progress, .. } => Some(progress_text(m, progress)),
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
pub fn reference_auto_text(m: &Messages) -> String {
    m.text("reference-auto")
}

/// Under a reference the scheme accepts: what the bank statement will show.
pub fn reference_statement_text(m: &Messages, reference: &str) -> String {
    m.get("reference-statement", &[("reference", reference.into())])
}

/// Under a reference the scheme refuses: every character it refuses, named (a space is
/// hard to see in quotes), or what else is wrong.
pub fn reference_problem_text(
    m: &Messages,
    reference: &str,
    e: &kassa_aiia::wire::ReferenceError,
) -> String {
    use kassa_aiia::wire::ReferenceError;
    match e {
        ReferenceError::BadCharacter { rule, .. } => {
            let mut bad: Vec<String> = Vec::new();
            for c in reference.chars().filter(|&c| !rule.allows(c)) {
                let named = if c == ' ' {
                    m.text("reference-space")
                } else {
                    format!("\"{c}\"")
                };
                if !bad.contains(&named) {
                    bad.push(named);
                }
            }
            let takes = if rule.also.is_empty() {
                m.text("reference-takes-letters-digits")
            } else {
                let others: Vec<String> = rule
                    .also
                    .chars()
                    .map(|c| {
                        if c == ' ' {
                            m.text("reference-space")
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                m.get(
                    "reference-takes-and",
                    &[("others", others.join(" ").into())],
                )
            };
            m.get(
                "reference-bad-characters",
                &[
                    ("bad", bad.join(", ").into()),
                    ("takes", takes.into()),
                    ("max", (rule.max as i64).into()),
                ],
            )
        }
        ReferenceError::TooLong { len, max } => m.get(
            "reference-too-long",
            &[("len", (*len as i64).into()), ("max", (*max as i64).into())],
        ),
        ReferenceError::Empty => reference_auto_text(m),
    }
}

/// Why a payment needs the merchant (the journal keeps the full note).
pub fn flag_text(m: &Messages, reason: &FlagReason) -> String {
    match reason {
        FlagReason::PaidTwice => m.text("flag-paid-twice"),
        FlagReason::AfterEnd { ended } => m.text(match ended {
            Outcome::Paid => "flag-after-paid",
            Outcome::Failed => "flag-after-not-paid",
            Outcome::Cancelled => "flag-after-cancelled",
        }),
        FlagReason::AmountMismatch { reported } => m.get(
            "flag-amount-mismatch",
            &[("amount", m.money(*reported).into())],
        ),
        FlagReason::Lost => m.text("flag-lost"),
    }
}

/// A failed call in the cashier's words: one short sentence on what happened and, where it
/// matters, what it means for the sale. The screen adds when Kassa tries again.
pub fn problem_text(m: &Messages, problem: &Problem, call: CallKind) -> String {
    let checking = call == CallKind::Status;
    let pick =
        |create: &str, status: &str| -> String { m.text(if checking { status } else { create }) };
    let what = match problem {
        Problem::LostReply => pick("problem-lost-reply-create", "problem-lost-reply-status"),
        Problem::NoConnection => m.text("problem-no-connection"),
        Problem::Timeout => m.text("problem-timeout"),
        Problem::Busy => m.text("problem-busy"),
        Problem::ServiceError => m.text("problem-service-error"),
        Problem::Unreadable => m.text("problem-unreadable"),
        Problem::SignIn => m.text("problem-sign-in"),
        Problem::CredentialsRefused => {
            return pick(
                "problem-credentials-refused-create",
                "problem-credentials-refused-status",
            );
        }
        Problem::Refused(message) => {
            let key = if checking {
                "problem-refused-status"
            } else {
                "problem-refused-create"
            };
            return m.get(key, &[("message", message.into())]);
        }
        Problem::NotFound => return m.text("problem-not-found"),
        Problem::Settings(msg) => return m.get("problem-settings", &[("message", msg.into())]),
        Problem::Journal(msg) => return m.get("problem-journal", &[("message", msg.into())]),
    };
    let may_exist = matches!(
        problem,
        Problem::LostReply | Problem::Timeout | Problem::ServiceError | Problem::Unreadable
    );
    let key = if checking {
        "problem-still-works"
    } else if may_exist {
        // The link of a payment made anyway was never shown, so it cannot be paid.
        "problem-new-code"
    } else {
        "problem-plain"
    };
    m.get(key, &[("what", what.into())])
}

/// The one sentence that goes with an event, where it has one.
pub fn event_text(m: &Messages, e: &TillEvent) -> Option<String> {
    match e {
        TillEvent::SaleStarted { .. } | TillEvent::QrReady(_) => None,
        TillEvent::SaleProgress { progress, .. } => Some(progress_text(m, progress)),
        TillEvent::QrWithdrawn { why, .. } => Some(withdrawn_text(m, *why)),
        TillEvent::AttemptError { call, problem, .. } => Some(problem_text(m, problem, *call)),
        TillEvent::StatusChanged {
            status, news, bank, ..
        } => Some(status_news_text_with(m, status, *news, bank.as_ref())),
        TillEvent::SaleEnded { reason, bank, .. } => Some(end_text_with(m, reason, bank.as_ref())),
        TillEvent::NeedsAttention { note, .. } => Some(note.clone()),
    }
}

/// A wait as the cashier reads it: "45 s", "10 min".
fn span(m: &Messages, secs: u64) -> String {
    let secs = secs.max(1);
    if secs < 60 {
        m.get("span-seconds", &[("n", secs.into())])
    } else {
        m.get("span-minutes", &[("n", secs.div_ceil(60).into())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kassa_i18n::Lang;

    fn en() -> &'static Messages {
        Messages::of(Lang::En)
    }

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
                let text = problem_text(en(), p, call);
                assert!(seen.insert(text.clone()), "two problems say {text}");
            }
        }
        assert_eq!(
            problem_text(en(), &Problem::ServiceError, CallKind::Create),
            "The payment service has a problem on its side. A new code is on its way."
        );
        assert_eq!(
            problem_text(en(), &Problem::NoConnection, CallKind::Create),
            "No connection to the payment service."
        );
        assert_eq!(
            problem_text(en(), &Problem::Timeout, CallKind::Status),
            "The payment service did not answer in time; the code still works."
        );
        assert!(
            problem_text(
                en(),
                &Problem::Refused("Amount too large".into()),
                CallKind::Create
            )
            .ends_with("refused the payment: Amount too large")
        );
    }

    #[test]
    fn a_customer_in_the_bank_is_told_as_such_and_ends_have_their_reason() {
        assert_eq!(
            status_text(en(), &Status::AwaitingAuthorization),
            "Approving in the bank…"
        );
        assert_eq!(
            status_text(en(), &Status::Authorized),
            "Approved, waiting for the money"
        );
        assert_eq!(
            withdrawn_text(en(), Withdrawn::InBank),
            "Approving in the bank…"
        );
        assert_eq!(
            end_text(en(), &EndReason::NobodyApproved { after_s: 600 }),
            "Not paid: nobody approved the payment within 10 min"
        );
        assert_eq!(
            status_news_text(en(), &Status::Expired, StatusNews::LeftTheBank),
            "The customer did not approve in their bank in time"
        );
        assert_eq!(end_text(en(), &EndReason::Declined), "Declined in the bank");
    }

    #[test]
    fn the_status_line_says_what_the_customer_does_with_their_code_and_how_the_last_left() {
        let p = |phase, left| Progress {
            phase,
            attempt: Some(2),
            left,
        };
        assert_eq!(
            progress_text(en(), &p(Phase::Scanning, None)),
            "Waiting for the customer to scan"
        );
        assert_eq!(
            progress_text(en(), &p(Phase::InBank, None)),
            "Approving in the bank…"
        );
        assert_eq!(
            progress_text(en(), &p(Phase::Scanning, Some(LeftBank::Declined))),
            "Declined in the bank. Waiting for the customer to scan"
        );
        assert_eq!(
            progress_text(en(), &p(Phase::MakingCode, Some(LeftBank::TimedOut))),
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
        assert_eq!(status_line(en(), &expired), None);
        let e = TillEvent::SaleProgress {
            sale_id: "s".into(),
            progress: p(Phase::Authorized, None),
        };
        assert_eq!(
            status_line(en(), &e).as_deref(),
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
            end_text_with(en(), &EndReason::Declined, Some(&insufficient)),
            "Declined in the bank: insufficient funds"
        );
        assert_eq!(
            status_text_with(en(), &Status::Failed, Some(&insufficient)),
            "The bank could not complete the payment: insufficient funds"
        );
        // Only a code: spelled out.
        let code_only = BankReason {
            reason: Some("SessionExpired".into()),
            description: None,
        };
        assert_eq!(
            status_text_with(en(), &Status::Expired, Some(&code_only)),
            "The code expired: session expired"
        );
        // The reason never changes what a live or paid status says.
        assert_eq!(
            status_text_with(en(), &Status::Executed, Some(&insufficient)),
            "Paid"
        );
        assert_eq!(
            status_text_with(en(), &Status::AwaitingAuthorization, Some(&insufficient)),
            "Approving in the bank…"
        );
        // Without one, the words are as before; so is an empty one.
        assert_eq!(
            end_text_with(en(), &EndReason::Declined, None),
            "Declined in the bank"
        );
        let empty = BankReason {
            reason: Some(" ".into()),
            description: Some("".into()),
        };
        assert_eq!(
            end_text_with(en(), &EndReason::Declined, Some(&empty)),
            "Declined in the bank"
        );
        // The service's text is cleaned and kept short on the screen.
        let noisy = BankReason {
            reason: None,
            description: Some(format!("Bad\n\u{7}thing.  {}", "x".repeat(300))),
        };
        let text = end_text_with(en(), &EndReason::BankFailed, Some(&noisy));
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
            amount: kassa_money::Money::new(1250, kassa_money::Currency::Dkk),
            amount_display: "12,50 kr.".into(),
            payment_id: None,
            bank: Some(insufficient.clone()),
        };
        assert_eq!(
            event_text(en(), &e).as_deref(),
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
            event_text(en(), &e).as_deref(),
            Some("Declined in the bank: insufficient funds")
        );
    }

    #[test]
    fn the_engines_reasons_are_told_in_the_chosen_language() {
        let da = Messages::of(Lang::Da);
        assert_eq!(status_text(da, &Status::Executed), "Betalt");
        assert_eq!(
            problem_text(da, &Problem::Timeout, CallKind::Status),
            "Betalingstjenesten svarede ikke i tide; koden virker stadig."
        );
        assert_eq!(
            end_text(da, &EndReason::NobodyApproved { after_s: 45 }),
            "Ikke betalt: ingen godkendte betalingen inden for 45 sek."
        );
        let fi = Messages::of(Lang::Fi);
        assert_eq!(
            flag_text(
                fi,
                &FlagReason::AmountMismatch {
                    reported: kassa_money::Money::new(123_450, kassa_money::Currency::Eur)
                }
            ),
            "Pankki ilmoittaa tämän maksun summaksi 1\u{202f}234,50\u{a0}€, ei myynnin summaa: se ei maksa myyntiä"
        );
        // Every failure has its own sentence in every language too.
        for lang in Lang::ALL {
            let m = Messages::of(lang);
            let mut seen = std::collections::HashSet::new();
            for p in [
                Problem::LostReply,
                Problem::NoConnection,
                Problem::Timeout,
                Problem::Busy,
                Problem::ServiceError,
                Problem::Unreadable,
                Problem::SignIn,
                Problem::CredentialsRefused,
                Problem::NotFound,
            ] {
                let text = problem_text(m, &p, CallKind::Create);
                assert!(!text.contains("problem-"), "{lang}: {text}");
                assert!(seen.insert(text.clone()), "{lang}: two problems say {text}");
            }
        }
    }
}
