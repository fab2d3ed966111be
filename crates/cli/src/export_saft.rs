//! `kassa export --format saf-t --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xml`: the
//! SAF-T Cash Register file of whole local days ([`kassa_boot::saft_export`]), written whole
//! or not at all.
//!
//! The export is itself an event of the electronic journal (13020, *export of journal*).
//! When no other process owns the journal, this command takes it for the moment it writes
//! that event; while the app (or a `kassa charge`) holds it, the file is still made from a
//! read-only look, and the command says plainly that this export is not journaled (the
//! app's own Export button journals its exports).

use std::path::Path;
use std::process::ExitCode;

use kassa_boot::Settings;
use kassa_boot::saft_export::{self, ExportOf, Period, SaftExportError};
use kassa_boot::shop::{LocalZone, WallClock};
use kassa_journal::{Journal, JournalError, OwnerLock};

use crate::books::now_ms;
use crate::output::{t, text};
use crate::{EXIT_FAILED, EXIT_START, EXIT_USAGE, fail};

/// What `kassa export --format saf-t` was given.
#[derive(Debug, Clone, Copy)]
pub struct SaftArgs<'a> {
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub out: Option<&'a Path>,
}

fn failed(e: &SaftExportError) -> ExitCode {
    let code = match e {
        SaftExportError::Write { .. } | SaftExportError::Check(_) => EXIT_FAILED,
        e if e.is_usage() => EXIT_USAGE,
        SaftExportError::Journal(JournalError::OwnFile { .. }) => EXIT_USAGE,
        _ => EXIT_START,
    };
    fail(
        code,
        &kassa_boot::error_words::saft(crate::output::messages(), e),
    )
}

/// The period and file, checked before anything is opened.
fn checked<'a>(args: &SaftArgs<'a>) -> Result<(Period, &'a Path), ExitCode> {
    let Some(out) = args.out else {
        return Err(fail(EXIT_USAGE, &text("cli-saft-no-out")));
    };
    let (Some(from), Some(to)) = (args.from, args.to) else {
        return Err(fail(EXIT_USAGE, &text("cli-saft-no-period")));
    };
    let from = saft_export::parse_day(from).map_err(|e| failed(&e))?;
    let to = saft_export::parse_day(to).map_err(|e| failed(&e))?;
    let period = Period::local(from, to).map_err(|e| failed(&e))?;
    Ok((period, out))
}

/// `kassa export --format saf-t …`.
pub fn export(settings: &Settings, args: SaftArgs<'_>) -> ExitCode {
    let (period, out) = match checked(&args) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let db = &settings.db_path;
    if !db.exists() {
        return fail(
            EXIT_USAGE,
            &t(
                "cli-books-no-journal",
                &[("path", db.display().to_string().into())],
            ),
        );
    }
    let now = now_ms();
    let currency = settings.currency;
    let shop = match settings.shop.resolve(currency, LocalZone.day(now)) {
        Ok(s) => s,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::vat(crate::output::messages(), &e),
            );
        }
    };
    // A sandbox counter's books are training books: they carry the training shop when none
    // is set up. Live books need the merchant's own.
    let training = settings.backend().is_training();
    let merchant = match kassa_boot::shop::merchant_for(&shop, training, currency) {
        Ok(m) => m,
        Err(_) => {
            return fail(EXIT_USAGE, &text("cli-saft-no-shop"));
        }
    };
    // Every export is journaled and made by a manager: the command owns the journal for it.
    // While the app holds it, the export is the app's (Day → Export SAF-T).
    let _lock = match OwnerLock::acquire(db, "kassa export") {
        Ok(lock) => lock,
        Err(JournalError::InUse { owner, .. }) => {
            return fail(
                EXIT_START,
                &t("cli-saft-in-use", &[("owner", owner.to_string().into())]),
            );
        }
        Err(e) => return failed(&e.into()),
    };
    let mut journal = match Journal::open(db) {
        Ok(j) => j,
        Err(e) => return failed(&e.into()),
    };
    if let Err(code) = crate::staff::act(
        &mut journal,
        db,
        crate::staff::who(),
        kassa_shop::staff::Action::ExportJournal,
    ) {
        return code;
    }
    let of = ExportOf {
        merchant: &merchant,
        vat: &shop.vat,
        currency,
        software_version: env!("CARGO_PKG_VERSION"),
    };
    let summary =
        match saft_export::export_to_file(&journal, db, out, &of, &period, now, &LocalZone) {
            Ok(s) => s,
            Err(e) => return failed(&e),
        };
    println!(
        "{}",
        t(
            "cli-saft-wrote",
            &[
                ("file", out.display().to_string().into()),
                ("bytes", summary.bytes.to_string().into()),
                ("summary", summary.text().into()),
            ]
        )
    );
    println!(
        "{}",
        t(
            "cli-saft-file-name",
            &[("name", summary.file_name.to_string().into())]
        )
    );
    match saft_export::record_export(&mut journal, &summary, out, now_ms()) {
        Ok(_) => println!("{}", text("cli-saft-journaled")),
        Err(e) => {
            return fail(
                EXIT_FAILED,
                &t("cli-saft-not-journaled", &[("error", e.to_string().into())]),
            );
        }
    }
    ExitCode::SUCCESS
}
