//! The errors the cashier and the merchant read, in the language spoken, for both hosts (the
//! CLI's error lines and the window's messages); keys `cli-err-*`, `cli-money-*` and the like
//! in cli.ftl. Each type's `Display` stays English (logs, `--json`); a case without a key of
//! its own (a technical failure carrying the system's words) falls back to it.

use crate::Messages;
use crate::RecordsError;
use crate::books::BooksError;
use kassa_journal::JournalError;
use kassa_shop::ReturnError;

/// A journal failure as the merchant reads it.
pub fn journal(m: &Messages, e: &JournalError) -> String {
    match e {
        JournalError::DiskFull(_) => m.text("cli-err-disk-full"),
        JournalError::ReadOnly(_) => m.text("cli-err-read-only"),
        JournalError::Corrupt(why) => m.get("cli-err-corrupt", &[("why", why.into())]),
        JournalError::SchemaTooNew { found, supported } => m.get(
            "cli-err-schema-too-new",
            &[
                ("found", found.to_string().into()),
                ("supported", supported.to_string().into()),
            ],
        ),
        JournalError::SchemaTooOld { found, supported } => m.get(
            "cli-err-schema-too-old",
            &[
                ("found", found.to_string().into()),
                ("supported", supported.to_string().into()),
            ],
        ),
        JournalError::NotFound(what) => m.get("cli-err-not-found", &[("what", what.into())]),
        JournalError::InUse { journal, owner } => m.get(
            "cli-err-in-use",
            &[("journal", journal.into()), ("owner", owner.into())],
        ),
        JournalError::OwnFile { dest, journal } => m.get(
            "cli-err-own-file",
            &[("dest", dest.into()), ("journal", journal.into())],
        ),
        other => other.to_string(),
    }
}

/// A records request that failed (`status`, `refunded`, `backup`, `export`).
pub fn records(m: &Messages, e: &RecordsError) -> String {
    match e {
        RecordsError::NoJournal(path) => m.get("cli-books-no-journal", &[("path", path.into())]),
        RecordsError::Journal(e) => journal(m, e),
        RecordsError::Backup { file, source } => m.get(
            "cli-err-backup",
            &[("file", file.into()), ("error", journal(m, source).into())],
        ),
    }
}

/// A return the sale does not allow.
pub fn return_refused(m: &Messages, e: &ReturnError) -> String {
    match e {
        ReturnError::NothingLeft => m.text("cli-err-return-nothing-left"),
        ReturnError::MoreThanLeft { left } => {
            m.get("cli-err-return-more-than-left", &[("left", left.into())])
        }
        ReturnError::NotPositive => m.text("cli-err-return-not-positive"),
        other => other.to_string(),
    }
}

/// A books request that did not go through (`return`, `report`, `refunds`, `bookkeeping`).
pub fn books(m: &Messages, e: &BooksError) -> String {
    match e {
        BooksError::NoSuchSale(key) => m.get("cli-err-no-such-sale", &[("key", key.into())]),
        BooksError::NotPaid { sale_id } => m.get("cli-err-not-paid", &[("sale", sale_id.into())]),
        BooksError::NoReason => m.text("cli-err-no-reason"),
        BooksError::NoVatLines { sale_id } => {
            m.get("cli-err-no-vat-lines", &[("sale", sale_id.into())])
        }
        BooksError::NoNote => m.text("cli-err-no-note"),
        BooksError::BadDay(day) => m.get("cli-books-bad-day", &[("day", day.into())]),
        BooksError::BadPeriod => m.text("cli-err-bad-period"),
        BooksError::NoReceipt { sale_id } => {
            m.get("cli-err-no-receipt", &[("sale", sale_id.into())])
        }
        BooksError::Return(e) => return_refused(m, e),
        BooksError::Journal(e) => journal(m, e),
        other => other.to_string(),
    }
}

/// A role's name in the language spoken.
pub fn role(m: &Messages, r: crate::session::Role) -> String {
    m.text(match r {
        crate::session::Role::Cashier => "cli-staff-role-cashier",
        crate::session::Role::Manager => "cli-staff-role-manager",
    })
}

/// Why an employee step was refused (who acts, their PIN, staff changes).
pub fn session(m: &Messages, e: &crate::session::SessionError) -> String {
    use crate::session::{SessionError as S, StaffError as F};
    let name = |key: &str, n: &String| m.get(key, &[("name", n.into())]);
    match e {
        S::Staff(F::PinEmpty) => m.text("cli-err-pin-empty"),
        S::Staff(F::PinNotDigits) => m.text("cli-err-pin-not-digits"),
        S::Staff(F::PinLength(n)) => {
            m.get("cli-err-pin-length", &[("count", n.to_string().into())])
        }
        S::Staff(F::NameEmpty) => m.text("cli-err-name-empty"),
        S::Staff(F::IdEmpty) => m.text("cli-err-id-empty"),
        S::Staff(F::IdCharacters) => m.text("cli-err-id-characters"),
        // The step's name is the engine's English words: the English sentence keeps them.
        S::Staff(F::NeedsManager(_)) if m.lang() != crate::Lang::En => {
            m.text("cli-err-needs-manager")
        }
        S::Unknown(id) => m.get("cli-err-unknown-employee", &[("id", id.into())]),
        S::Inactive(n) => name("cli-err-inactive", n),
        S::WrongPin => m.text("cli-err-wrong-pin"),
        S::PinNeeded(n) => name("cli-err-pin-needed", n),
        S::NoPin(n) => name("cli-err-no-pin", n),
        S::NotLoggedIn => m.text("cli-err-not-logged-in"),
        S::NotAManager(n) => name("cli-err-not-a-manager", n),
        S::Taken(id) => m.get("cli-err-taken", &[("id", id.into())]),
        S::ManagerPinFirst => m.text("cli-err-manager-pin-first"),
        S::NewNeedsPin => m.text("cli-err-new-needs-pin"),
        S::LastManager(n) => name("cli-err-last-manager", n),
        S::Journal(e) => journal(m, e),
        other => other.to_string(),
    }
}

/// A receipt key that is missing, damaged or not there yet (`keys`, and what issues receipts).
pub fn key(m: &Messages, e: &crate::keys::KeyError) -> String {
    use crate::keys::KeyError as K;
    let version = |key: &str, v: &u32| m.get(key, &[("version", v.to_string().into())]);
    match e {
        K::Missing { version: v } => version("cli-err-key-missing", v),
        K::NotThisTill { version: v } => version("cli-err-key-not-this-till", v),
        K::Damaged { version: v, why } => m.get(
            "cli-err-key-damaged",
            &[("version", v.to_string().into()), ("why", why.into())],
        ),
        K::NoKeyYet => m.text("cli-err-key-none-yet"),
        K::NoSuchVersion(v) => version("cli-err-key-no-such-version", v),
        K::Journal(e) => journal(m, e),
        K::Io { path, source } => m.get(
            "cli-cannot-write",
            &[("file", path.into()), ("error", source.to_string().into())],
        ),
        other => other.to_string(),
    }
}

/// A SAF-T export that did not go through.
pub fn saft(m: &Messages, e: &crate::saft_export::SaftExportError) -> String {
    use crate::saft_export::SaftExportError as S;
    match e {
        S::BadDay(day) => m.get("cli-books-bad-day", &[("day", day.into())]),
        S::BadPeriod => m.text("cli-err-bad-period"),
        S::Write { path, why } => m.get(
            "cli-cannot-write",
            &[("file", path.into()), ("error", why.into())],
        ),
        S::NoProfile => m.text("cli-saft-no-shop"),
        S::Journal(e) => journal(m, e),
        S::Session(e) => session(m, e),
        other => other.to_string(),
    }
}

/// A sale the engine refused (`charge`, `cancel`).
pub fn till(m: &Messages, e: &kassa_till::TillError) -> String {
    use kassa_till::{SaleRefused as R, TillError as T};
    let sale = |key: &str, id: &String| m.get(key, &[("sale", id.into())]);
    match e {
        T::SaleInProgress { sale_id } => sale("cli-sale-in-progress", sale_id),
        T::NotOpen(id) => sale("cli-err-sale-not-open", id),
        T::NotFound(id) => sale("cli-err-sale-not-found", id),
        T::Refused(R::NoLines) => m.text("cli-err-no-lines"),
        T::Refused(R::NothingToPay) => m.text("cli-err-nothing-to-pay"),
        T::Refused(R::OverLimit { total, limit }) => m.get(
            "cli-err-over-limit",
            &[("total", total.into()), ("limit", limit.into())],
        ),
        T::Refused(R::CashShort { given, total }) => m.get(
            "cli-err-cash-short",
            &[("given", given.into()), ("total", total.into())],
        ),
        T::Refused(R::BadCardReference) => m.text("cli-err-bad-card-reference"),
        T::Journal(e) => journal(m, e),
        other => other.to_string(),
    }
}

/// One setting that does not hold, in the language spoken (the validator's own English
/// sentence for the rarer cases).
pub fn field(m: &Messages, e: &crate::FieldError) -> String {
    use crate::{Field as F, Problem as P};
    let value = |key: &str, v: &String| m.get(key, &[("value", v.into())]);
    match (&e.field, &e.problem) {
        (F::ApiUrl, P::NotAWebAddress(v)) => value("cli-err-field-api-url", v),
        (F::ClientId, P::HasSpaces) => m.text("cli-err-field-client-id-spaces"),
        (F::ClientId, P::Missing) => m.text("cli-err-field-client-id-missing"),
        (F::ClientSecret, P::Missing) => m.text("cli-err-field-client-secret-missing"),
        (F::DestinationId, P::HasSpaces) => m.text("cli-err-field-destination-spaces"),
        (F::DestinationId, P::Missing) => m.text("cli-err-field-destination-missing"),
        (F::Currency, P::Unknown(v)) => value("cli-err-field-currency", v),
        (F::RedirectUrl, P::Missing) => m.text("cli-err-field-redirect-missing"),
        (F::RedirectUrl, P::NotHttps(v)) => value("cli-err-field-redirect-not-https", v),
        (F::RedirectUrl, P::NotAWebAddress(v)) => value("cli-err-field-redirect-not-web", v),
        _ => e.to_string(),
    }
}

/// Settings that do not hold (every problem, one sentence each), or a settings file or
/// keyring that failed.
pub fn config(m: &Messages, e: &crate::ConfigError) -> String {
    match e {
        crate::ConfigError::Invalid(errors) => errors
            .iter()
            .map(|f| field(m, f))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// A counter that could not start (`charge`, `cancel`, `resume`).
pub fn boot(m: &Messages, e: &crate::BootError) -> String {
    use crate::BootError as B;
    match e {
        B::Config(e) => config(m, e),
        B::Journal(e) => journal(m, e),
        B::Key(e) => key(m, e),
        other => other.to_string(),
    }
}

/// An amount that cannot be read, as the cashier reads it.
pub fn money(m: &Messages, e: &kassa_money::MoneyError) -> String {
    use kassa_money::MoneyError as E;
    match e {
        E::Empty => m.text("cli-money-empty"),
        E::NotANumber(text) => m.get("cli-money-not-a-number", &[("text", text.into())]),
        E::TooManyDecimals {
            text,
            currency,
            allowed,
        } => m.get(
            "cli-money-too-many-decimals",
            &[
                ("text", text.into()),
                ("currency", currency.code().into()),
                ("allowed", (*allowed).into()),
            ],
        ),
        E::NotPositive => m.text("cli-money-not-positive"),
        E::TooLarge { limit } => m.get("cli-money-too-large", &[("limit", limit.into())]),
        E::UnknownCurrency(text) => m.get("cli-money-unknown-currency", &[("text", text.into())]),
    }
}

/// A question for the merchant before saving settings, in the language spoken.
pub fn ask(m: &Messages, a: &crate::Ask) -> String {
    match a {
        crate::Ask::Destination {
            id,
            name: Some(name),
            ..
        } => m.get(
            "ask-destination-named",
            &[("name", name.into()), ("id", id.into())],
        ),
        crate::Ask::Destination { id, name: None, .. } => {
            m.get("ask-destination-unnamed", &[("id", id.into())])
        }
        crate::Ask::Untested { failed: true, .. } => m.text("ask-test-failed"),
        crate::Ask::Untested { failed: false, .. } => m.text("ask-untested"),
    }
}

/// The same question with its sentence in the language spoken, for a host that shows it.
pub fn asked(m: &Messages, a: &crate::Ask) -> crate::Ask {
    let said = ask(m, a);
    let mut out = a.clone();
    match &mut out {
        crate::Ask::Destination { question, .. } | crate::Ask::Untested { question, .. } => {
            *question = said;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn the_merchants_questions_are_in_english_as_before_and_in_danish() {
        let en = Messages::of(Lang::En);
        let da = Messages::of(Lang::Da);
        let named = crate::Ask::Destination {
            id: "acc-1".into(),
            name: Some("Butik".into()),
            question: "Send payments to Butik (acc-1)?".into(),
        };
        assert_eq!(ask(en, &named), named.question());
        assert_eq!(
            asked(da, &named).question(),
            "Send betalingerne til Butik (acc-1)?"
        );
        let failed = crate::Ask::Untested {
            failed: true,
            question: "Test failed: save anyway?".into(),
        };
        assert_eq!(ask(en, &failed), failed.question());
        assert_eq!(ask(da, &failed), "Testen mislykkedes: gem alligevel?");
        let untested = crate::Ask::Untested {
            failed: false,
            question: String::new(),
        };
        assert_eq!(
            ask(en, &untested),
            "These settings were not tested (press Test connection): save anyway?"
        );
    }
}
