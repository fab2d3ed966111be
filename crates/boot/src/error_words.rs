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
        ReturnError::MoreThanLeftAtRate { left, rate } => m.get(
            "cli-err-return-more-than-left-at-rate",
            &[("left", left.into()), ("rate", rate.into())],
        ),
        ReturnError::WrongCurrency { expected, found } => m.get(
            "cli-err-return-wrong-currency",
            &[
                ("expected", expected.code().into()),
                ("found", found.code().into()),
            ],
        ),
        ReturnError::NoLinesChosen => m.text("cli-err-return-no-lines"),
        ReturnError::NoSuchLine { line, count } => m.get(
            "cli-err-return-no-such-line",
            &[("line", (*line).into()), ("count", (*count).into())],
        ),
        ReturnError::ZeroQuantity { line, text } => m.get(
            "cli-err-return-zero-quantity",
            &[("line", (*line).into()), ("text", text.into())],
        ),
        ReturnError::MoreThanSold {
            line,
            text,
            left,
            sold,
        } => m.get(
            "cli-err-return-more-than-sold",
            &[
                ("line", (*line).into()),
                ("text", text.into()),
                ("left", (*left).into()),
                ("sold", (*sold).into()),
            ],
        ),
        ReturnError::Sale(e) => m.get("cli-err-return-sale", &[("error", line(m, e).into())]),
        ReturnError::History(why) => m.get("cli-err-return-history", &[("why", why.into())]),
    }
}

/// A line of a sale that cannot be sold as it is (lines are counted from 1).
pub fn line(m: &Messages, e: &kassa_shop::LineError) -> String {
    use kassa_shop::LineError as L;
    let at = |key: &str, line: &usize, text: &String| {
        m.get(key, &[("line", (*line).into()), ("text", text.into())])
    };
    match e {
        L::NoLines => m.text("cli-err-no-lines"),
        L::NoAmount { line, text } => at("cli-err-line-no-amount", line, text),
        L::Negative { line, text } => at("cli-err-line-negative", line, text),
        L::NoQuantity { line, text } => at("cli-err-line-no-quantity", line, text),
        L::NoText { line } => m.get("cli-err-line-no-text", &[("line", (*line).into())]),
        L::MixedCurrency {
            line,
            expected,
            found,
        } => m.get(
            "cli-err-line-mixed-currency",
            &[
                ("line", (*line).into()),
                ("expected", expected.code().into()),
                ("found", found.code().into()),
            ],
        ),
        L::BadRate { line } => m.get("cli-err-line-bad-rate", &[("line", (*line).into())]),
        L::Overflow => m.text("cli-err-line-overflow"),
    }
}

/// A cart that cannot be sold (Charge, Cash, Card with its lines).
pub fn cart(m: &Messages, e: &crate::shop::CartError) -> String {
    use crate::shop::CartError as C;
    match e {
        C::Empty => m.text("cli-err-cart-empty"),
        C::UnknownRate { line: at, rate } => m.get(
            "cli-err-cart-unknown-rate",
            &[("line", (*at).into()), ("rate", rate.into())],
        ),
        C::Line(e) => line(m, e),
        C::OverLimit { total, limit } => m.get(
            "cli-err-over-limit",
            &[("total", total.into()), ("limit", limit.into())],
        ),
    }
}

/// A payment service call that failed, as the cashier and the merchant read it.
pub fn aiia(m: &Messages, e: &kassa_aiia::AiiaError) -> String {
    use kassa_aiia::AiiaError as A;
    match e {
        A::Config(why) => m.get("cli-aiia-config", &[("why", why.into())]),
        A::Network { url, source } if source.is_connect() => {
            m.get("cli-aiia-unreachable", &[("url", url.into())])
        }
        A::Network { url, .. } => m.get("cli-aiia-broke", &[("url", url.into())]),
        A::Timeout { url, .. } => m.get("cli-aiia-timeout", &[("url", url.into())]),
        A::Unauthorized { message } => {
            m.get("cli-aiia-unauthorized", &[("message", message.into())])
        }
        A::Rejected { code, message, .. } => m.get(
            "cli-aiia-rejected",
            &[("code", code.into()), ("message", message.into())],
        ),
        A::NotFound(id) => m.get("cli-aiia-not-found", &[("payment", id.into())]),
        A::RateLimited { retry_after: None } => m.text("cli-aiia-busy"),
        A::RateLimited {
            retry_after: Some(after),
        } => m.get(
            "cli-aiia-busy-retry",
            &[("secs", after.as_secs().to_string().into())],
        ),
        A::Server {
            status,
            code,
            message,
            ..
        } => m.get(
            "cli-aiia-server",
            &[
                ("status", status.to_string().into()),
                ("code", code.into()),
                ("message", message.into()),
            ],
        ),
        A::Malformed { detail, .. } => m.get("cli-aiia-malformed", &[("detail", detail.into())]),
        A::Token { source } => m.get("cli-aiia-token", &[("error", aiia(m, source).into())]),
    }
}

/// The system keyring failing.
pub fn secret(m: &Messages, e: &kassa_config::SecretError) -> String {
    use kassa_config::SecretError as S;
    match e {
        S::Unavailable(why) => m.get("cli-err-keyring-unavailable", &[("why", why.into())]),
        S::Refused(why) => m.get("cli-err-keyring-refused", &[("why", why.into())]),
    }
}

/// The settings file beside the journal failing.
pub fn saved(m: &Messages, e: &kassa_config::SavedError) -> String {
    use kassa_config::SavedError as S;
    match e {
        S::Read { path, source } => m.get(
            "cli-err-settings-read",
            &[("path", path.into()), ("error", source.to_string().into())],
        ),
        S::Damaged { path, source } => m.get(
            "cli-err-settings-damaged",
            &[("path", path.into()), ("error", source.to_string().into())],
        ),
        S::Write { path, source } => m.get(
            "cli-err-settings-write",
            &[("path", path.into()), ("error", source.to_string().into())],
        ),
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
        K::Keyring(e) => secret(m, e),
        K::Make(why) => m.get("cli-err-key-make", &[("why", why.into())]),
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
        T::Refused(R::MixedCurrency { expected, found }) => m.get(
            "cli-err-mixed-currency",
            &[
                ("expected", expected.code().into()),
                ("found", found.code().into()),
            ],
        ),
        T::Refused(R::Lines(why)) => refused_lines(m, why),
        T::InvalidReference(e) => {
            let shown = match e {
                kassa_aiia::wire::ReferenceError::BadCharacter { c, .. } => c.to_string(),
                _ => String::new(),
            };
            crate::words::reference_problem_text(m, &shown, e)
        }
        T::Journal(e) => journal(m, e),
    }
}

/// Lines the shop's cart refused: the cart's or the VAT table's own reason.
fn refused_lines(m: &Messages, why: &kassa_till::LinesRefused) -> String {
    if let Some(e) = why.downcast_ref::<crate::shop::CartError>() {
        cart(m, e)
    } else {
        why.to_string()
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
        crate::ConfigError::Saved(e) => saved(m, e),
        crate::ConfigError::Secret(e) => secret(m, e),
    }
}

/// A counter that could not start (`charge`, `cancel`, `resume`).
pub fn boot(m: &Messages, e: &crate::BootError) -> String {
    use crate::BootError as B;
    match e {
        B::Config(e) => config(m, e),
        B::Journal(e) => journal(m, e),
        B::Key(e) => key(m, e),
        B::Aiia(e) => aiia(m, e),
        B::Till(e) => till(m, e),
        B::Session(e) => session(m, e),
        B::Saved(e) => saved(m, e),
        B::Secret(e) => secret(m, e),
        B::Sandbox(e) => m.get("cli-err-sandbox-start", &[("error", e.to_string().into())]),
        B::Webhook { addr, source } => m.get(
            "cli-err-webhook-listen",
            &[
                ("addr", addr.to_string().into()),
                ("error", source.to_string().into()),
            ],
        ),
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

/// A receipt that could not be printed (the receipt is kept in every case).
pub fn print(m: &Messages, e: &crate::print::PrintError) -> String {
    use crate::print::PrintError as P;
    let addr = |key: &str, a: &String| m.get(key, &[("addr", a.into())]);
    match e {
        P::BadAddress { input } => m.get("cli-err-print-bad-address", &[("input", input.into())]),
        P::UnknownHost { addr: a } => addr("cli-err-print-unknown-host", a),
        P::NoAnswer { addr: a } => addr("cli-err-print-no-answer", a),
        P::NotTaking { addr: a } => addr("cli-err-print-not-taking", a),
        P::ConnectionBroke { addr: a } => addr("cli-err-print-connection-broke", a),
    }
}

/// A receipt PDF that could not be saved (the receipt is kept in every case).
pub fn pdf(m: &Messages, e: &crate::print::PdfError) -> String {
    use crate::print::PdfError as P;
    match e {
        P::IsAFolder { path } => m.get("cli-err-pdf-is-a-folder", &[("path", path.into())]),
        P::NoFolder { folder } => m.get("cli-err-pdf-no-folder", &[("folder", folder.into())]),
        P::NotAllowed { folder } => m.get("cli-err-pdf-not-allowed", &[("folder", folder.into())]),
        P::DiskFull { path } => m.get("cli-err-pdf-disk-full", &[("path", path.into())]),
        P::Other { path, reason } => m.get(
            "cli-err-pdf-other",
            &[("path", path.into()), ("reason", reason.into())],
        ),
    }
}

/// A receipt that cannot be put together (no shop profile, not paid, no such number).
pub fn receipt(m: &Messages, e: &crate::shop::ReceiptAssemblyError) -> String {
    use crate::shop::ReceiptAssemblyError as R;
    match e {
        R::NoProfile => m.text("cli-err-receipt-no-profile"),
        R::NoReceipt(sale) => m.get("cli-err-receipt-not-paid", &[("sale", sale.into())]),
        R::NoSuchNumber { number, series } => m.get(
            "cli-err-receipt-no-such-number",
            &[
                ("number", number.to_string().into()),
                (
                    "series",
                    m.text(if *series == "training" {
                        "cli-err-receipt-series-training"
                    } else {
                        "cli-err-receipt-series-live"
                    })
                    .into(),
                ),
            ],
        ),
        R::Receipt(kassa_shop::ReceiptError::Lines(e)) => line(m, e),
        R::Journal(e) => journal(m, e),
        other => other.to_string(),
    }
}

/// A receipt to show, print or save that did not come out.
pub fn receipt_out(m: &Messages, e: &crate::window::ReceiptOutError) -> String {
    use crate::window::ReceiptOutError as R;
    match e {
        R::Receipt(e) => receipt(m, e),
        R::Till(e) => till(m, e),
        R::Journal(e) => journal(m, e),
        R::Printer(e) => print(m, e),
        R::Pdf(e) => pdf(m, e),
        R::NoPrinter => m.text("cli-err-print-none"),
        R::Folder { folder, reason } => m.get(
            "cli-err-receipt-folder",
            &[("folder", folder.into()), ("reason", reason.into())],
        ),
    }
}

/// Settings the merchant saved that did not go through.
pub fn form(m: &Messages, e: &kassa_config::FormError) -> String {
    use kassa_config::FormError as F;
    match e {
        F::Field(f) => field(m, f),
        F::Secret(e) => secret(m, e),
        F::Saved(e) => saved(m, e),
        F::Ask(a) => ask(m, a),
    }
}

/// The bank-account connection (Settings → Connect bank account) that did not finish.
pub fn connect(m: &Messages, e: &crate::ConnectError) -> String {
    use crate::ConnectError as C;
    use kassa_aiia::connect::CallbackError as B;
    match e {
        C::BadRedirect(v) => m.get("cli-err-connect-bad-redirect", &[("value", v.into())]),
        C::Listen { addr, source } => m.get(
            "cli-err-connect-listen",
            &[
                ("addr", addr.to_string().into()),
                ("error", source.to_string().into()),
            ],
        ),
        C::Boot(e) => boot(m, e),
        C::Callback(B::Cancelled) => m.text("cli-err-connect-cancelled"),
        C::Callback(B::Refused {
            error,
            description: Some(d),
        }) => m.get(
            "cli-err-connect-refused-why",
            &[("error", error.into()), ("why", d.into())],
        ),
        C::Callback(B::Refused {
            error,
            description: None,
        }) => m.get("cli-err-connect-refused", &[("error", error.into())]),
        C::Callback(B::WrongState) => m.text("cli-err-connect-wrong-state"),
        C::Callback(B::NoState) => m.text("cli-err-connect-no-state"),
        C::Callback(B::NoCode) => m.text("cli-err-connect-no-code"),
        C::Exchange(e) => m.get("cli-err-connect-exchange", &[("error", aiia(m, e).into())]),
        C::Service(e) => m.get("cli-err-connect-service", &[("error", aiia(m, e).into())]),
        C::NoAccounts => m.text("cli-err-connect-no-accounts"),
        C::NotOffered(id, offered) => m.get(
            "cli-err-connect-not-offered",
            &[("id", id.into()), ("offered", offered.into())],
        ),
        C::TimedOut(minutes) => m.get(
            "cli-err-connect-timed-out",
            &[("minutes", minutes.to_string().into())],
        ),
        C::Save(e) => m.get("cli-err-connect-save", &[("error", saved(m, e).into())]),
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

    #[test]
    fn a_cart_the_shop_refuses_is_said_in_the_language_spoken() {
        let refused = kassa_till::TillError::Refused(kassa_till::SaleRefused::Lines(
            kassa_till::LinesRefused::new(crate::shop::CartError::UnknownRate {
                line: 2,
                rate: "Mad".into(),
            }),
        ));
        // The English Display stays the cart's own sentence (logs, --json) ...
        assert_eq!(
            refused.to_string(),
            "line 2: there is no VAT rate named \"Mad\" in the shop's VAT table (Settings → Shop)"
        );
        assert_eq!(till(Messages::of(Lang::En), &refused), refused.to_string());
        // ... and the cashier reads it in Danish or Finnish.
        assert_eq!(
            till(Messages::of(Lang::Da), &refused),
            "linje 2: der er ingen momssats ved navn \"Mad\" i butikkens momstabel (Indstillinger → Butik)"
        );
        let negative = kassa_till::TillError::Refused(kassa_till::SaleRefused::Lines(
            kassa_till::LinesRefused::new(crate::shop::CartError::Line(
                kassa_shop::LineError::NoAmount {
                    line: 1,
                    text: "Kaffe".into(),
                },
            )),
        ));
        assert_eq!(
            till(Messages::of(Lang::Fi), &negative),
            "rivillä 1 (\"Kaffe\") ei ole summaa: syötä hinta"
        );
    }

    #[test]
    fn the_payment_services_failures_are_said_in_every_language() {
        let refused = kassa_aiia::AiiaError::Unauthorized {
            message: "invalid_client".into(),
        };
        assert_eq!(aiia(Messages::of(Lang::En), &refused), refused.to_string());
        assert_eq!(
            aiia(Messages::of(Lang::Nb), &refused),
            "betalingstjenesten avviste påloggingsopplysningene: invalid_client"
        );
        let busy = kassa_aiia::AiiaError::RateLimited {
            retry_after: Some(std::time::Duration::from_secs(3)),
        };
        assert_eq!(aiia(Messages::of(Lang::En), &busy), busy.to_string());
        assert_eq!(
            aiia(Messages::of(Lang::Sv), &busy),
            "betaltjänsten är upptagen; försök igen om 3 s"
        );
        let token = kassa_aiia::AiiaError::Token {
            source: Box::new(kassa_aiia::AiiaError::NotFound("p-1".into())),
        };
        assert_eq!(aiia(Messages::of(Lang::En), &token), token.to_string());
        assert_eq!(
            aiia(Messages::of(Lang::Da), &token),
            "kan ikke logge på betalingstjenesten: betalingstjenesten kender ikke betaling p-1"
        );
    }

    #[test]
    fn a_printer_that_does_not_answer_is_said_in_the_cashiers_language() {
        let e = crate::print::PrintError::NoAnswer {
            addr: "192.168.1.50:9100".into(),
        };
        assert_eq!(print(Messages::of(Lang::En), &e), e.to_string());
        assert_eq!(
            print(Messages::of(Lang::Da), &e),
            "Printeren på 192.168.1.50:9100 svarer ikke: er den tændt? Kvitteringen er bevaret; udskriv den igen fra salget."
        );
        let none = crate::window::ReceiptOutError::NoPrinter;
        assert_eq!(receipt_out(Messages::of(Lang::En), &none), none.to_string());
        assert!(receipt_out(Messages::of(Lang::Fi), &none).starts_with("Kuittitulostinta ei ole"));
        let pdf_full = crate::print::PdfError::DiskFull {
            path: "/tmp/k.pdf".into(),
        };
        assert_eq!(pdf(Messages::of(Lang::En), &pdf_full), pdf_full.to_string());
    }

    #[test]
    fn a_return_the_sale_does_not_allow_is_said_with_plurals() {
        let e = ReturnError::NoSuchLine { line: 4, count: 1 };
        assert_eq!(
            return_refused(Messages::of(Lang::En), &e),
            "line 4 is not in this sale: it has 1 line"
        );
        let e = ReturnError::NoSuchLine { line: 4, count: 3 };
        assert_eq!(
            return_refused(Messages::of(Lang::Sv), &e),
            "rad 4 finns inte i det här köpet: det har 3 rader"
        );
        let e = ReturnError::MoreThanSold {
            line: 2,
            text: "Bulle".into(),
            left: 1,
            sold: 3,
        };
        assert_eq!(return_refused(Messages::of(Lang::En), &e), e.to_string());
    }

    #[test]
    fn the_english_catalogue_says_what_each_errors_display_says() {
        // English is the errors' own Display: the catalogue and the types never drift apart.
        let en = Messages::of(Lang::En);
        let connect = [
            crate::ConnectError::NoAccounts,
            crate::ConnectError::TimedOut(10),
            crate::ConnectError::BadRedirect("ftp://x".into()),
            crate::ConnectError::NotOffered("a".into(), "b, c".into()),
            crate::ConnectError::Callback(kassa_aiia::connect::CallbackError::Refused {
                error: "access_denied".into(),
                description: Some("the user said no".into()),
            }),
            crate::ConnectError::Callback(kassa_aiia::connect::CallbackError::NoState),
        ];
        for e in &connect {
            assert_eq!(connect_words(en, e), e.to_string());
        }
        let lines = [
            kassa_shop::LineError::NoText { line: 3 },
            kassa_shop::LineError::BadRate { line: 1 },
            kassa_shop::LineError::Overflow,
            kassa_shop::LineError::Negative {
                line: 2,
                text: "x".into(),
            },
        ];
        for e in &lines {
            assert_eq!(line(en, e), e.to_string());
        }
        let secret = kassa_config::SecretError::Unavailable("no dbus".into());
        assert_eq!(super::secret(en, &secret), secret.to_string());
    }

    fn connect_words(m: &Messages, e: &crate::ConnectError) -> String {
        super::connect(m, e)
    }
}
