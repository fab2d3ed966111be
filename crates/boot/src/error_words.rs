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

/// Why a receipt cannot be signed, or its signature does not verify.
pub fn signature(m: &Messages, e: &kassa_saft::signature::SignatureError) -> String {
    use kassa_saft::signature::SignatureError as S;
    // The English quotes the bad value as Rust writes a string (`"2026-13-01"`).
    let value = |key: &str, v: &String| m.get(key, &[("value", format!("{v:?}").into())]);
    match e {
        S::BadDate(v) => value("cli-sig-bad-date", v),
        S::BadTime(v) => value("cli-sig-bad-time", v),
        S::BadNr(v) => value("cli-sig-bad-nr", v),
        S::BadPrevious => m.text("cli-sig-bad-previous"),
        S::BadKey(why) => m.get("cli-sig-bad-key", &[("error", why.into())]),
        S::WrongKeySize { bits } => m.get(
            "cli-sig-wrong-key-size",
            &[("bits", bits.to_string().into())],
        ),
        S::NotASignature => m.text("cli-sig-not-a-signature"),
        S::Mismatch => m.text("cli-sig-mismatch"),
        S::Generate(why) => m.get("cli-sig-generate", &[("error", why.into())]),
    }
}

/// Why a receipt of the chain does not verify (`kassa verify`).
pub fn broken_why(m: &Messages, w: &crate::keys::BrokenWhy) -> String {
    use crate::keys::BrokenWhy as W;
    use kassa_journal::NamedBy as N;
    use kassa_saft::signature::BadLink;
    let by = |b: &N| {
        m.text(match b {
            N::RunningTotals => "cli-verify-by-running-totals",
            N::ZReport => "cli-verify-by-z-report",
            N::JournalEvent => "cli-verify-by-journal-event",
            N::Print => "cli-verify-by-print",
            N::Seal => "cli-verify-by-seal",
        })
    };
    match w {
        W::Link(BadLink::Signature(e)) => signature(m, e),
        W::Link(BadLink::NoPublicKey(v)) => m.get(
            "cli-verify-no-public-key",
            &[("version", v.to_string().into())],
        ),
        W::FirstMissing { first } => m.get("cli-verify-first-missing", &[("first", first.into())]),
        W::Gap { next, before } => m.get(
            "cli-verify-gap",
            &[("next", next.into()), ("before", before.into())],
        ),
        W::Unsigned => m.text("cli-verify-unsigned"),
        W::NamedNoReceipts { named, by: b } => m.get(
            "cli-verify-named-no-receipts",
            &[("named", named.into()), ("by", by(b).into())],
        ),
        W::NamedAfterLast { last, named, by: b } => m.get(
            "cli-verify-named-after-last",
            &[
                ("last", last.into()),
                ("named", named.into()),
                ("by", by(b).into()),
            ],
        ),
    }
}

/// The first receipt of a series that does not verify, and why (`kassa verify`).
pub fn broken(m: &Messages, b: &crate::keys::Broken) -> String {
    m.get(
        "cli-verify-receipt-broken",
        &[
            ("receipt", b.nr.as_str().into()),
            ("why", broken_why(m, &b.why).into()),
        ],
    )
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

/// A country's name in the language spoken (the Settings → Shop country list's words).
pub fn country(m: &Messages, c: kassa_shop::Country) -> String {
    use kassa_shop::Country as C;
    m.text(match c {
        C::Dk => "settings-country-dk",
        C::Se => "settings-country-se",
        C::No => "settings-country-no",
        C::Fi => "settings-country-fi",
    })
}

/// What a country's organisation number is called ("CVR number", "Business ID (Y-tunnus)").
pub fn number_name(m: &Messages, c: kassa_shop::Country) -> String {
    use kassa_shop::Country as C;
    m.text(match c {
        C::Dk => "shop-number-dk",
        C::Se => "shop-number-se",
        C::No => "shop-number-no",
        C::Fi => "shop-number-fi",
    })
}

/// An organisation number refused, as a sentence (capitalised, as the shop form says it).
pub fn org(m: &Messages, e: &kassa_shop::OrgError) -> String {
    use kassa_shop::OrgError as O;
    let number = |c: &kassa_shop::Country| ("number", number_name(m, *c).into());
    match e {
        O::Empty { country } => m.get("shop-err-org-empty", &[number(country)]),
        O::NotADigit { country, found } => m.get(
            "shop-err-org-not-a-digit",
            &[number(country), ("found", found.to_string().into())],
        ),
        O::WrongLength {
            country,
            expected,
            found,
        } => m.get(
            "shop-err-org-length",
            &[
                number(country),
                ("expected", expected.to_string().into()),
                ("found", found.to_string().into()),
            ],
        ),
        O::CheckDigit {
            country,
            expected,
            found,
        } => m.get(
            "shop-err-org-check-digit",
            &[
                number(country),
                ("expected", expected.to_string().into()),
                ("found", found.to_string().into()),
            ],
        ),
        O::NoCheckDigit { country } => m.get("shop-err-org-no-check-digit", &[number(country)]),
        O::CvrLeadingZero => m.text("shop-err-org-cvr-leading-zero"),
        O::NorwegianFirstDigit { found } => m.get(
            "shop-err-org-norway-first-digit",
            &[("found", found.to_string().into())],
        ),
        O::Luhn => m.text("shop-err-org-luhn"),
        O::NotSwedishEntity { month, day } => m.get(
            "shop-err-org-not-swedish-entity",
            &[
                ("month", format!("{month:02}").into()),
                ("day", format!("{day:02}").into()),
            ],
        ),
        O::FinnishShape => m.text("shop-err-org-finnish-shape"),
        O::OtherCountry {
            country: c,
            prefix_of,
            found,
        } => m.get(
            "shop-err-org-other-country",
            &[
                ("found", found.into()),
                ("prefix", country(m, *prefix_of).into()),
                ("country", country(m, *c).into()),
            ],
        ),
    }
}

/// A field of the merchant profile that does not hold, as the shop form says it.
pub fn profile_field(m: &Messages, e: &kassa_shop::profile::FieldError) -> String {
    use kassa_shop::profile::{Field as F, Problem as P};
    let label = || {
        m.text(match e.field {
            F::LegalName => "shop-label-legal-name",
            F::OrgNumber => "shop-label-org-number",
            F::Address => "shop-label-address",
            F::Postcode => "shop-label-postcode",
            F::City => "shop-label-city",
            F::Country => "shop-label-country",
            F::TillName => "shop-label-till-name",
            F::ReceiptFooter => "shop-label-footer",
        })
    };
    let n = |v: &usize| v.to_string().into();
    match &e.problem {
        P::Missing => m.text(match e.field {
            F::LegalName => "shop-err-legal-name-missing",
            F::OrgNumber => "shop-err-org-number-missing",
            F::Address => "shop-err-address-missing",
            F::Postcode => "shop-err-postcode-missing",
            F::City => "shop-err-city-missing",
            F::Country => "shop-err-country-missing",
            F::TillName => "shop-err-till-name-missing",
            F::ReceiptFooter => "shop-err-footer-missing",
        }),
        P::TooLong { max, found } => m.get(
            "shop-err-too-long",
            &[
                ("label", label().into()),
                ("max", n(max)),
                ("found", n(found)),
            ],
        ),
        P::LineTooLong { line, max, found } => m.get(
            "shop-err-line-too-long",
            &[
                ("label", label().into()),
                ("line", n(line)),
                ("max", n(max)),
                ("found", n(found)),
            ],
        ),
        P::TooManyLines { max, found } => m.get(
            "shop-err-too-many-lines",
            &[
                ("label", label().into()),
                ("max", n(max)),
                ("found", n(found)),
            ],
        ),
        P::ControlCharacter => m.get("shop-err-control", &[("label", label().into())]),
        P::UnknownCountry(v) => m.get("shop-err-unknown-country", &[("value", v.into())]),
        P::Postcode { country: c, digits } => m.get(
            "shop-err-postcode",
            &[("country", country(m, *c).into()), ("digits", n(digits))],
        ),
        P::Org(e) => org(m, e),
    }
}

/// A VAT rate or table refused, as a sentence (capitalised, as the shop form says it).
pub fn vat(m: &Messages, e: &kassa_shop::VatError) -> String {
    use kassa_shop::VatError as V;
    let percent = |bp: &u32| kassa_shop::vat::percent(*bp).replace('\u{a0}', " ");
    let name = |key: &str, n: &String| m.get(key, &[("name", n.into())]);
    match e {
        V::OutOfRange { bp } => m.get(
            "shop-err-vat-out-of-range",
            &[("percent", percent(bp).into())],
        ),
        V::NotAPercentage(v) => m.get("shop-err-vat-not-a-percentage", &[("value", v.into())]),
        V::UnknownCode(v) => m.get("shop-err-vat-unknown-code", &[("value", v.into())]),
        V::ZeroCodeWithRate { code, bp } => m.get(
            "shop-err-vat-zero-code-with-rate",
            &[
                ("code", code.to_string().into()),
                ("percent", percent(bp).into()),
            ],
        ),
        V::RateCodeWithZero { code } => m.get(
            "shop-err-vat-rate-code-with-zero",
            &[("code", code.to_string().into())],
        ),
        V::NoName => m.text("shop-err-vat-no-name"),
        V::NameTooLong { chars } => m.get(
            "shop-err-vat-name-too-long",
            &[("found", chars.to_string().into())],
        ),
        V::NameControl => m.text("shop-err-vat-name-control"),
        V::DuplicateName(n) => name("shop-err-vat-duplicate-name", n),
        V::NoSuchRate(n) => name("shop-err-vat-no-such-rate", n),
        V::RemovingDefault(n) => name("shop-err-vat-removing-default", n),
        V::Empty => m.text("shop-err-vat-empty"),
        V::DefaultMissing(n) => name("shop-err-vat-default-missing", n),
        V::DateTooEarly {
            country: c,
            year,
            month,
            day,
        } => m.get(
            "shop-err-vat-date-too-early",
            &[
                ("country", country(m, *c).into()),
                ("date", format!("{year}-{month:02}-{day:02}").into()),
            ],
        ),
    }
}

/// A logo file that cannot be used.
pub fn logo(m: &Messages, e: &kassa_print::LogoError) -> String {
    use kassa_print::LogoError as L;
    use kassa_print::logo::{MAX_LOGO_FILE_BYTES, MAX_LOGO_PIXELS_EACH_WAY};
    match e {
        L::NotAnImage => m.text("shop-err-logo-not-an-image"),
        L::FileTooLarge { size } => m.get(
            "shop-err-logo-too-large",
            &[
                ("size", size.to_string().into()),
                ("max", MAX_LOGO_FILE_BYTES.to_string().into()),
            ],
        ),
        L::TooManyPixels { width, height } => m.get(
            "shop-err-logo-too-many-pixels",
            &[
                ("width", width.to_string().into()),
                ("height", height.to_string().into()),
                ("max", MAX_LOGO_PIXELS_EACH_WAY.to_string().into()),
            ],
        ),
        L::Damaged(why) => m.get("shop-err-logo-damaged", &[("error", why.into())]),
        L::Empty => m.text("shop-err-logo-empty"),
        L::BadRaster {
            width,
            height,
            expected,
            actual,
        } => m.get(
            "shop-err-logo-bad-raster",
            &[
                ("width", width.to_string().into()),
                ("height", height.to_string().into()),
                ("expected", expected.to_string().into()),
                ("actual", actual.to_string().into()),
            ],
        ),
    }
}

/// What is wrong with one field of Settings → Shop, in the language spoken (the English is
/// [`kassa_config::shop::ShopProblem::sentence`]'s).
pub fn shop_problem(m: &Messages, p: &kassa_config::shop::ShopProblem) -> String {
    use kassa_config::shop::{ItemLabel, MAX_QUICK_ITEMS, QUICK_ITEM_NAME_CHARS, ShopProblem as S};
    let item = |l: &ItemLabel| match l {
        ItemLabel::Named(name) => name.clone(),
        ItemLabel::Number(n) => m.get("shop-item-number", &[("number", n.to_string().into())]),
    };
    let value = |key: &str, v: &String| m.get(key, &[("value", v.into())]);
    match p {
        S::Profile(e) => profile_field(m, e),
        S::NotAPrinterAddress(v) => value("shop-err-printer-address", v),
        S::BadPort(v) => value("shop-err-printer-port", v),
        S::Vat(e) => vat(m, e),
        S::UnknownCode(v) => vat(m, &kassa_shop::VatError::UnknownCode(v.clone())),
        S::NoDefaultRate => m.text("shop-err-no-default-rate"),
        S::SeveralDefaults => m.text("shop-err-several-defaults"),
        S::NoItemName => m.text("shop-err-item-no-name"),
        S::ItemNameTooLong(n) => m.get(
            "shop-err-item-name-too-long",
            &[
                ("max", QUICK_ITEM_NAME_CHARS.to_string().into()),
                ("found", n.to_string().into()),
            ],
        ),
        S::DuplicateItem(n) => m.get("shop-err-item-duplicate", &[("name", n.into())]),
        S::TooManyItems(n) => m.get(
            "shop-err-too-many-items",
            &[
                ("max", MAX_QUICK_ITEMS.to_string().into()),
                ("found", n.to_string().into()),
            ],
        ),
        S::NoPrice(l) => m.get("shop-err-item-no-price", &[("item", item(l).into())]),
        S::BadPrice { item: l, why } => m.get(
            "shop-err-item-bad-price",
            &[("item", item(l).into()), ("error", money(m, why).into())],
        ),
        S::NoItemRate(l) => m.get("shop-err-item-no-rate", &[("item", item(l).into())]),
        S::UnknownRate { item: l, rate } => m.get(
            "shop-err-item-unknown-rate",
            &[("item", item(l).into()), ("rate", rate.into())],
        ),
        S::LogoUnreadable { path, why } => m.get(
            "shop-err-logo-unreadable",
            &[("path", path.into()), ("error", why.into())],
        ),
        S::Logo(e) => logo(m, e),
        S::Width(v) => value("shop-err-width", v),
    }
}

/// One field of Settings → Shop to fix, its sentence in the language spoken.
pub fn shop_field(m: &Messages, e: &kassa_config::ShopFieldError) -> String {
    shop_problem(m, &e.problem)
}

/// The same fields to fix with their sentences in the language spoken, for a host that sends
/// them on (`[{field, message}]`).
pub fn shop_fields(
    m: &Messages,
    fields: &[kassa_config::ShopFieldError],
) -> Vec<kassa_config::ShopFieldError> {
    fields
        .iter()
        .map(|f| kassa_config::ShopFieldError {
            message: shop_field(m, f),
            ..f.clone()
        })
        .collect()
}

/// Why the shop's hub did not take this till's books or could not be set up, as the merchant
/// reads it (keys `hub-err-*` in setup.ftl); the English is each error's own sentence.
pub fn hub(m: &Messages, e: &kassa_hub::HubError) -> String {
    use kassa_hub::HubError as H;
    match e {
        H::Database(why) => m.get("hub-err-database", &[("why", why.into())]),
        H::Journal(e) => journal(m, e),
        other => hub_problem(m, &kassa_hub::Problem::from(other)),
    }
}

/// The hub's problem as the shipper last saw it (the status line), in the language spoken.
pub fn hub_problem(m: &Messages, p: &kassa_hub::Problem) -> String {
    use kassa_hub::Problem as P;
    let text = |n: &i64| n.to_string();
    match p {
        P::BadAddress { why } => m.get("hub-err-bad-address", &[("why", why.into())]),
        P::Unreachable { hub, why } => m.get(
            "hub-err-unreachable",
            &[("hub", hub.into()), ("why", why.into())],
        ),
        P::WrongPassword { hub, user } => m.get(
            "hub-err-wrong-password",
            &[("hub", hub.into()), ("user", user.into())],
        ),
        P::NoDatabase { hub, database } => m.get(
            "hub-err-no-database",
            &[("hub", hub.into()), ("database", database.into())],
        ),
        P::Tls { hub, why } => m.get("hub-err-tls", &[("hub", hub.into()), ("why", why.into())]),
        P::TooNew { found, supported } => m.get(
            "hub-err-too-new",
            &[
                ("found", text(found).into()),
                ("supported", text(supported).into()),
            ],
        ),
        P::OtherShop { hub_merchant, ours } => m.get(
            "hub-err-other-shop",
            &[("theirs", hub_merchant.into()), ("ours", ours.into())],
        ),
        P::Gap {
            till,
            hub_has,
            first,
        } => m.get(
            "hub-err-gap",
            &[
                ("till", till.into()),
                ("has", text(hub_has).into()),
                ("first", text(first).into()),
            ],
        ),
        P::AheadOfJournal {
            till,
            hub_has,
            head,
        } => m.get(
            "hub-err-ahead-of-journal",
            &[
                ("till", till.into()),
                ("has", text(hub_has).into()),
                ("head", text(head).into()),
            ],
        ),
        // A failure in the system's own words (the keyring, the settings file, a request).
        P::Other { what } => what.clone(),
    }
}

/// Setting up or asking the shop's hub refused (Settings → Shop's hub, the Shop screen).
pub fn hub_setup(m: &Messages, e: &crate::hub::HubSetupError) -> String {
    use crate::hub::HubSetupError as S;
    match e {
        S::NotSet => m.text("hub-err-not-set"),
        S::NoProfile => m.text("hub-err-no-profile"),
        S::BadDay(day) => m.get("hub-err-bad-day", &[("day", day.into())]),
        S::Hub(e) => hub(m, e),
        S::Keyring(e) => secret(m, e),
        S::Saved(e) => saved(m, e),
        S::Journal(e) => journal(m, e),
        S::Session(e) => session(m, e),
        S::Period(e) => books(m, e),
        S::Write { path, why } => m.get(
            "cli-cannot-write",
            &[("file", path.into()), ("error", why.into())],
        ),
        S::NoSuchTill(id) => m.get("cli-hub-no-such-till", &[("till", id.into())]),
        S::Saft(e) => saft(m, e),
    }
}

/// The settings file beside the journal that could not be read or written.
pub fn saved(m: &Messages, e: &crate::SavedError) -> String {
    use crate::SavedError as S;
    match e {
        S::Read { path, source } => m.get(
            "settings-file-cannot-read",
            &[("path", path.into()), ("error", source.to_string().into())],
        ),
        S::Damaged { path, source } => m.get(
            "settings-file-damaged",
            &[("path", path.into()), ("error", source.to_string().into())],
        ),
        S::Write { path, source } => m.get(
            "settings-file-cannot-save",
            &[("path", path.into()), ("error", source.to_string().into())],
        ),
    }
}

/// Settings → Shop not saved: every field's sentence (`; ` between them, as
/// [`kassa_config::ShopErrors`] says it in English), or the settings file failing.
pub fn shop_form(m: &Messages, e: &kassa_config::ShopFormError) -> String {
    match e {
        kassa_config::ShopFormError::Fields(errors) => errors
            .0
            .iter()
            .map(|f| shop_field(m, f))
            .collect::<Vec<_>>()
            .join("; "),
        kassa_config::ShopFormError::Saved(e) => saved(m, e),
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

    /// Settings → Shop with a missing legal name, a bad CVR check digit, a receipt footer line
    /// too long, a VAT rate of 250 % and a quick item priced "abc".
    fn refused_shop_form() -> Vec<kassa_config::ShopFieldError> {
        use crate::shop::{QuickItemForm, ShopForm, VatRateForm};
        let form = ShopForm {
            profile: kassa_shop::ProfileDraft {
                legal_name: " ".into(),
                org_number: "10150818".into(),
                vat_registered: false,
                address_lines: vec!["Nørrebrogade 1".into()],
                postcode: "2200".into(),
                city: "København N".into(),
                country: "DK".into(),
                till_name: "Kasse 1".into(),
                receipt_footer: format!("Tak!\n{}", "é".repeat(49)),
            },
            vat: vec![VatRateForm {
                name: "Standard".into(),
                percent: "250".into(),
                saft_code: "3".into(),
                default: true,
            }],
            quick_items: vec![QuickItemForm {
                name: "Kaffe".into(),
                price: "abc".into(),
                rate: "Standard".into(),
            }],
            ..ShopForm::default()
        };
        match form.check(
            kassa_money::Currency::Dkk,
            kassa_shop::Day::new(2026, 3, 2),
            None,
        ) {
            Ok(s) => panic!("accepted: {s:?}"),
            Err(e) => e.0,
        }
    }

    fn said_at(m: &Messages, fields: &[kassa_config::ShopFieldError]) -> Vec<(String, String)> {
        fields
            .iter()
            .map(|f| (f.field.clone(), shop_field(m, f)))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(f, s)| ((*f).to_owned(), (*s).to_owned()))
            .collect()
    }

    #[test]
    fn the_shop_forms_problems_are_said_in_danish_and_finnish_and_english_as_before() {
        let fields = refused_shop_form();
        let english = [
            (
                "profile.legalName",
                "Enter the business's legal name, as registered",
            ),
            (
                "profile.orgNumber",
                "The check digit should be 7, not 8: check the CVR number for a typing error",
            ),
            (
                "profile.receiptFooter",
                "The receipt footer's line 2 has 49 characters; a receipt line has room for 48",
            ),
            (
                "vat.0.percent",
                "A VAT rate must be between 0 % and 50 %; 250 % is not",
            ),
            (
                "quickItems.0.price",
                "The price of the quick item \"Kaffe\" is not valid: \"abc\" is not an amount: use digits and one decimal separator, e.g. 12.50",
            ),
        ];
        // The validator's own English (the `message` the form carries) is the catalogue's.
        let own: Vec<(String, String)> = fields
            .iter()
            .map(|f| (f.field.clone(), f.message.clone()))
            .collect();
        assert_eq!(own, pairs(&english));
        assert_eq!(said_at(Messages::of(Lang::En), &fields), pairs(&english));
        assert_eq!(
            said_at(Messages::of(Lang::Da), &fields),
            pairs(&[
                (
                    "profile.legalName",
                    "Indtast virksomhedens juridiske navn, som det er registreret",
                ),
                (
                    "profile.orgNumber",
                    "Kontrolcifferet skulle være 7, ikke 8: nummeret (CVR-nummer) er nok tastet forkert",
                ),
                (
                    "profile.receiptFooter",
                    "Bonens bundtekst: linje 2 har 49 tegn, men der er kun plads til 48 på en bonlinje",
                ),
                (
                    "vat.0.percent",
                    "En momssats skal ligge mellem 0 % og 50 %; det gør 250 % ikke",
                ),
                (
                    "quickItems.0.price",
                    "Prisen på hurtigvaren \"Kaffe\" er ugyldig: \"abc\" er ikke et beløb: brug cifre og ét decimaltegn, f.eks. 12,50",
                ),
            ])
        );
        assert_eq!(
            said_at(Messages::of(Lang::Fi), &fields),
            pairs(&[
                (
                    "profile.legalName",
                    "Anna yrityksen virallinen nimi sellaisena kuin se on rekisteröity",
                ),
                (
                    "profile.orgNumber",
                    "Tarkistusnumeron pitäisi olla 7, ei 8: tarkista, onko CVR-numero kirjoitettu oikein",
                ),
                (
                    "profile.receiptFooter",
                    "Kuitin alateksti: rivillä 2 on 49 merkkiä, mutta kuittiriville mahtuu vain 48",
                ),
                (
                    "vat.0.percent",
                    "ALV-kannan on oltava 0–50 %; 250 % ei kelpaa"
                ),
                (
                    "quickItems.0.price",
                    "Pikatuotteen \"Kaffe\" hinta ei kelpaa: \"abc\" ei ole summa: käytä numeroita ja yhtä desimaalierotinta, esim. 12,50",
                ),
            ])
        );
        // The whole form in one line, as the CLI says it.
        let e = kassa_config::ShopFormError::Fields(kassa_config::ShopErrors(fields));
        assert_eq!(shop_form(Messages::of(Lang::En), &e), e.to_string());
        assert!(
            shop_form(Messages::of(Lang::Da), &e).starts_with(
                "Indtast virksomhedens juridiske navn, som det er registreret; Kontrolcifferet"
            ),
            "{}",
            shop_form(Messages::of(Lang::Da), &e)
        );
    }

    #[test]
    fn country_and_number_names_are_in_the_language_spoken() {
        use kassa_shop::profile::{Field, FieldError, Problem};
        use kassa_shop::{Country, OrgError};
        let postcode = FieldError {
            field: Field::Postcode,
            problem: Problem::Postcode {
                country: Country::Se,
                digits: 5,
            },
        };
        assert_eq!(
            profile_field(Messages::of(Lang::En), &postcode),
            "A postcode in Sweden has 5 digits"
        );
        assert_eq!(
            profile_field(Messages::of(Lang::Da), &postcode),
            "Et postnummer i Sverige har 5 cifre"
        );
        assert_eq!(
            profile_field(Messages::of(Lang::Fi), &postcode),
            "Ruotsin postinumerossa on 5 numeroa"
        );
        let other = OrgError::OtherCountry {
            country: Country::Dk,
            prefix_of: Country::Se,
            found: "SE556036079301".into(),
        };
        assert_eq!(
            org(Messages::of(Lang::Fi), &other),
            "\"SE556036079301\" on Ruotsin ALV-numero, ei Tanskan"
        );
        assert_eq!(
            org(Messages::of(Lang::Sv), &other),
            "\"SE556036079301\" är ett momsregistreringsnummer från Sverige, inte från Danmark"
        );
        let length = OrgError::WrongLength {
            country: Country::Fi,
            expected: 8,
            found: 7,
        };
        assert_eq!(
            org(Messages::of(Lang::En), &length),
            "A Business ID (Y-tunnus) has 8 digits, this has 7"
        );
        assert_eq!(
            org(Messages::of(Lang::Nb), &length),
            "Et finsk organisasjonsnummer (Y-tunnus) har 8 sifre, dette har 7"
        );
        assert_eq!(
            org(Messages::of(Lang::Fi), &length),
            "Y-tunnus on 8 numeroa pitkä, tämä on 7"
        );
        let early = kassa_shop::VatError::DateTooEarly {
            country: Country::No,
            year: 2024,
            month: 12,
            day: 31,
        };
        assert_eq!(
            vat(Messages::of(Lang::Da), &early),
            "Kassa kender Norges momssatser fra 1. januar 2025, ikke for 2024-12-31"
        );
        assert_eq!(
            vat(Messages::of(Lang::Fi), &early),
            "Kassa tuntee Norjan ALV-kannat 1.1.2025 alkaen, ei päivälle 2024-12-31"
        );
    }

    /// Every kind of problem the shop form has: the catalogue's English is the validator's
    /// own sentence, and no other language falls back to it.
    #[test]
    fn every_shop_problem_has_its_english_sentence_in_the_catalogue() {
        use kassa_config::shop::{ItemLabel, ShopProblem as S};
        use kassa_shop::profile::{Field, FieldError, Problem};
        use kassa_shop::{Country, OrgError as O, SaftCode, VatError as V};
        let field = |field, problem| S::Profile(FieldError { field, problem });
        let mut problems = vec![
            field(Field::OrgNumber, Problem::Missing),
            field(Field::Address, Problem::Missing),
            field(Field::Postcode, Problem::Missing),
            field(Field::City, Problem::Missing),
            field(Field::Country, Problem::Missing),
            field(Field::TillName, Problem::Missing),
            field(Field::ReceiptFooter, Problem::Missing),
            field(Field::LegalName, Problem::TooLong { max: 96, found: 97 }),
            field(Field::Address, Problem::TooManyLines { max: 3, found: 4 }),
            field(Field::City, Problem::ControlCharacter),
            field(Field::Country, Problem::UnknownCountry("DE".into())),
        ];
        for e in [
            O::Empty {
                country: Country::Fi,
            },
            O::NotADigit {
                country: Country::No,
                found: 'x',
            },
            O::NoCheckDigit {
                country: Country::Se,
            },
            O::CvrLeadingZero,
            O::NorwegianFirstDigit { found: 7 },
            O::Luhn,
            O::NotSwedishEntity { month: 13, day: 2 },
            O::FinnishShape,
        ] {
            problems.push(field(Field::OrgNumber, Problem::Org(e)));
        }
        let code = |n| SaftCode::new(n).unwrap_or_else(|e| panic!("{e}"));
        for e in [
            V::NotAPercentage("x".into()),
            V::ZeroCodeWithRate {
                code: code(5),
                bp: 1250,
            },
            V::RateCodeWithZero { code: code(3) },
            V::NoName,
            V::NameTooLong { chars: 30 },
            V::NameControl,
            V::DuplicateName("Food".into()),
            V::NoSuchRate("Food".into()),
            V::RemovingDefault("Food".into()),
            V::Empty,
            V::DefaultMissing("Food".into()),
            V::DateTooEarly {
                country: Country::Se,
                year: 2024,
                month: 1,
                day: 2,
            },
        ] {
            problems.push(S::Vat(e));
        }
        problems.extend([
            S::NotAPrinterAddress("http://x".into()),
            S::BadPort("0".into()),
            S::UnknownCode("7".into()),
            S::NoDefaultRate,
            S::SeveralDefaults,
            S::NoItemName,
            S::ItemNameTooLong(40),
            S::DuplicateItem("te".into()),
            S::TooManyItems(61),
            S::NoPrice(ItemLabel::Number(2)),
            S::BadPrice {
                item: ItemLabel::Named("Kaffe".into()),
                why: kassa_money::MoneyError::NotPositive,
            },
            S::NoItemRate(ItemLabel::Number(3)),
            S::UnknownRate {
                item: ItemLabel::Named("Kaffe".into()),
                rate: "Food".into(),
            },
            S::LogoUnreadable {
                path: "/x.png".into(),
                why: "No such file or directory (os error 2)".into(),
            },
            S::Width("50".into()),
        ]);
        for e in [
            kassa_print::LogoError::NotAnImage,
            kassa_print::LogoError::FileTooLarge { size: 6_000_000 },
            kassa_print::LogoError::TooManyPixels {
                width: 5000,
                height: 10,
            },
            kassa_print::LogoError::Damaged("bad".into()),
            kassa_print::LogoError::Empty,
            kassa_print::LogoError::BadRaster {
                width: 8,
                height: 1,
                expected: 1,
                actual: 2,
            },
        ] {
            problems.push(S::Logo(e));
        }
        for p in &problems {
            let en = shop_problem(Messages::of(Lang::En), p);
            assert_eq!(en, p.sentence(), "{p:?}");
            for lang in [Lang::Da, Lang::Sv, Lang::Nb, Lang::Fi] {
                let said = shop_problem(Messages::of(lang), p);
                assert_ne!(said, en, "{lang}: {p:?}");
                assert!(!said.contains("shop-"), "{lang}: {said}");
            }
        }
        assert_eq!(
            shop_problem(Messages::of(Lang::Da), &S::NoPrice(ItemLabel::Number(2))),
            "Hurtigvaren \"nummer 2\" har ingen pris: indtast den"
        );
    }

    #[test]
    fn why_a_receipt_does_not_verify_is_said_in_the_language_spoken() {
        use crate::keys::{Broken, BrokenWhy as W};
        use kassa_journal::NamedBy;
        use kassa_saft::signature::{BadLink, SignatureError};
        let whys = [
            W::Link(BadLink::Signature(SignatureError::Mismatch)),
            W::Link(BadLink::Signature(SignatureError::NotASignature)),
            W::Link(BadLink::Signature(SignatureError::BadDate(
                "2026-13-01".into(),
            ))),
            W::Link(BadLink::Signature(SignatureError::BadTime(
                "25:00:00".into(),
            ))),
            W::Link(BadLink::Signature(SignatureError::BadNr(String::new()))),
            W::Link(BadLink::Signature(SignatureError::BadPrevious)),
            W::Link(BadLink::Signature(SignatureError::BadKey("x".into()))),
            W::Link(BadLink::Signature(SignatureError::WrongKeySize {
                bits: 512,
            })),
            W::Link(BadLink::Signature(SignatureError::Generate("x".into()))),
            W::Link(BadLink::NoPublicKey(2)),
            W::FirstMissing {
                first: "TRENING-2".into(),
            },
            W::Gap {
                next: "TRENING-3".into(),
                before: "TRENING-1".into(),
            },
            W::Unsigned,
            W::NamedNoReceipts {
                named: "1".into(),
                by: NamedBy::Print,
            },
            W::NamedAfterLast {
                last: "3".into(),
                named: "4".into(),
                by: NamedBy::Seal,
            },
            W::NamedAfterLast {
                last: "3".into(),
                named: "4".into(),
                by: NamedBy::JournalEvent,
            },
        ];
        for why in &whys {
            let en = broken_why(Messages::of(Lang::En), why);
            assert_eq!(en, why.to_string(), "{why:?}");
            for lang in [Lang::Da, Lang::Sv, Lang::Nb, Lang::Fi] {
                let said = broken_why(Messages::of(lang), why);
                assert_ne!(said, en, "{lang}: {why:?}");
                assert!(!said.contains("cli-"), "{lang}: {said}");
            }
        }
        let gap = Broken {
            nr: "TRENING-2".into(),
            why: W::Gap {
                next: "TRENING-3".into(),
                before: "TRENING-1".into(),
            },
        };
        assert_eq!(broken(Messages::of(Lang::En), &gap), gap.to_string());
        assert_eq!(
            broken(Messages::of(Lang::Da), &gap),
            "bon TRENING-2 består ikke kontrollen: den mangler: bon TRENING-3 kommer efter bon TRENING-1"
        );
        let named = W::NamedAfterLast {
            last: "TRENING-3".into(),
            named: "TRENING-4".into(),
            by: NamedBy::RunningTotals,
        };
        assert_eq!(
            broken_why(Messages::of(Lang::Fi), &named),
            "se puuttuu: viimeinen kuitti on TRENING-3, mutta kuitti TRENING-4 mainitaan juoksevissa summissa"
        );
        assert_eq!(
            broken_why(
                Messages::of(Lang::Da),
                &W::Link(BadLink::Signature(SignatureError::BadDate(
                    "2026-13-01".into()
                )))
            ),
            "bonens dato \"2026-13-01\" er ikke en dato som 2026-03-02"
        );
    }

    #[test]
    fn the_hubs_refusals_are_its_own_sentences_in_english_and_said_in_danish() {
        use kassa_hub::HubError as H;
        let all = [
            H::BadAddress {
                why: "it names no host".into(),
            },
            H::Unreachable {
                hub: "hub:5432/shop".into(),
                why: "connection refused".into(),
            },
            H::WrongPassword {
                hub: "hub:5432/shop".into(),
                user: "kassa".into(),
            },
            H::NoDatabase {
                hub: "hub:5432/shop".into(),
                database: "shop".into(),
            },
            H::Tls {
                hub: "hub:5432/shop".into(),
                why: "bad certificate".into(),
            },
            H::TooNew {
                found: 9,
                supported: 1,
            },
            H::OtherShop {
                hub_merchant: "DK10150817".into(),
                ours: "DK12345674".into(),
            },
            H::Gap {
                till: "t1".into(),
                hub_has: 40,
                first: 45,
            },
            H::AheadOfJournal {
                till: "t1".into(),
                hub_has: 40,
                head: 12,
            },
            H::Database("permission denied".into()),
        ];
        let en = Messages::of(Lang::En);
        let da = Messages::of(Lang::Da);
        for e in &all {
            assert_eq!(hub(en, e), e.to_string(), "{e:?}");
            for lang in Lang::ALL {
                let said = hub(Messages::of(lang), e);
                assert!(!said.contains("hub-err-"), "{lang}: {said}");
            }
        }
        assert_eq!(
            hub(da, &all[2]),
            "hubben på hub:5432/shop afviste adgangskoden for brugeren kassa: tjek hubbens adgangskode"
        );
        assert_eq!(
            hub(da, &all[1]),
            "hubben på hub:5432/shop kan ikke nås (connection refused); kassen sælger videre og sender sit regnskab, når hubben er tilbage"
        );
        assert_eq!(
            hub(da, &all[6]),
            "hubben har en anden butiks regnskab (DK10150817, denne kasse er DK12345674): brug butikkens egen hub"
        );
        assert_eq!(
            hub(da, &all[5]),
            "hubben er sat op af en nyere Kassa (hub-skema 9, denne Kassa kender 1): opdatér Kassa på denne kasse"
        );

        use crate::hub::HubSetupError as S;
        for e in [S::NotSet, S::NoProfile, S::BadDay("2026-13-01".into())] {
            assert_eq!(hub_setup(en, &e), e.to_string());
        }
        assert_eq!(
            hub_setup(da, &S::NoProfile),
            "udfyld først butikkens profil (Indstillinger → Butik): hubben kender en butik på dens CVR-nummer"
        );
        assert_eq!(
            hub_setup(
                da,
                &S::Hub(H::TooNew {
                    found: 2,
                    supported: 1
                })
            ),
            "hubben er sat op af en nyere Kassa (hub-skema 2, denne Kassa kender 1): opdatér Kassa på denne kasse"
        );
        // A manager's step refused comes through as the session says it.
        let needs = S::Session(crate::session::SessionError::from(
            kassa_shop::staff::StaffError::NeedsManager(kassa_shop::staff::Action::ShopReport),
        ));
        assert_eq!(
            hub_setup(en, &needs),
            "The shop's report of every till needs a manager."
        );
        assert_eq!(hub_setup(da, &needs), "Dette kræver en leder.");
        // The shipper's word for the status line says the same as the error.
        let p = kassa_hub::Problem::from(&all[3]);
        assert_eq!(hub_problem(en, &p), all[3].to_string());
    }
}
