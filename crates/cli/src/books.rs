//! The books commands: `return`, `report x|z`, `refunds` and `bookkeeping`, all on
//! `kassa_boot::books`. What only reads (`report x`, `refunds`, `bookkeeping`) opens the
//! journal read-only and works beside a counter that sells; what writes (`return`,
//! `report z`, `refunds --sent`) takes the journal as its owner first
//! ([`kassa_journal::OwnerLock`]) and is refused (exit 4) while another process owns it.

use std::path::Path;
use std::process::ExitCode;

use kassa_boot::books::{self, BooksError, ReportOf};
use kassa_boot::session::Action;
use kassa_journal::{Backend, Journal, JournalError, OwnerLock};
use kassa_money::Money;
use kassa_shop::receipt::MoneyJson;
use kassa_shop::{Day, ReturnRequest};
use serde::Serialize;

use crate::output::{t, text};
use crate::{EXIT_FAILED, EXIT_START, EXIT_USAGE, fail};

/// Now, by the system clock: the CLI's commands that write without a counter take it here.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

/// A refused request (exit 2) or a journal that failed or is owned elsewhere (exit 4).
fn books_failed(e: &BooksError) -> ExitCode {
    fail(
        if e.is_usage() && !matches!(e, BooksError::Journal(JournalError::InUse { .. })) {
            EXIT_USAGE
        } else {
            EXIT_START
        },
        &kassa_boot::error_words::books(crate::output::messages(), e),
    )
}

pub(crate) fn read_only(db: &Path) -> Result<Journal, ExitCode> {
    if !db.exists() {
        return Err(fail(
            EXIT_USAGE,
            &t(
                "cli-books-no-journal",
                &[("path", db.display().to_string().into())],
            ),
        ));
    }
    Journal::open_read_only(db).map_err(|e| books_failed(&e.into()))
}

/// The journal, owned by this command while it writes.
pub(crate) fn owned(db: &Path, kind: &str) -> Result<(OwnerLock, Journal), ExitCode> {
    if !db.exists() {
        return Err(fail(
            EXIT_USAGE,
            &t(
                "cli-books-no-journal",
                &[("path", db.display().to_string().into())],
            ),
        ));
    }
    let lock = OwnerLock::acquire(db, kind).map_err(|e| {
        fail(
            EXIT_START,
            &kassa_boot::error_words::journal(crate::output::messages(), &e),
        )
    })?;
    let journal = Journal::open(db).map_err(|e| books_failed(&e.into()))?;
    Ok((lock, journal))
}

#[derive(Serialize)]
struct LineOut<'a> {
    text: &'a str,
    quantity: u32,
    unit_price: MoneyJson,
    rate_bp: u32,
    saft_code: u8,
}

#[derive(Serialize)]
struct ReturnOut<'a> {
    sale_id: &'a str,
    number: i64,
    return_of: Option<i64>,
    reason: Option<&'a str>,
    total: MoneyJson,
    tender: kassa_journal::Tender,
    lines: Vec<LineOut<'a>>,
    left: MoneyJson,
    bank_transfer: Option<books::TransferView>,
}

/// `kassa return SALE [--amount A] --reason TEXT [--json]`.
/// As [`owned`], with the till's receipt key on the connection: what issues a receipt
/// (a return) signs it, and is refused with the key's own message when the key is missing.
fn owned_sealed(
    db: &Path,
    kind: &str,
    keys: &kassa_boot::KeyStore,
) -> Result<(OwnerLock, Journal), ExitCode> {
    let (lock, mut journal) = owned(db, kind)?;
    let sealer = kassa_boot::keys::sealer(&mut journal, keys, now_ms()).map_err(|e| {
        fail(
            EXIT_START,
            &kassa_boot::error_words::key(crate::output::messages(), &e),
        )
    })?;
    journal.set_sealer(sealer);
    Ok((lock, journal))
}

pub fn return_sale(
    db: &Path,
    keys: &kassa_boot::KeyStore,
    series: Backend,
    key: &str,
    amount: Option<&str>,
    reason: &str,
    json: bool,
) -> ExitCode {
    let (_lock, mut journal) = match owned_sealed(db, "kassa return", keys) {
        Ok(j) => j,
        Err(code) => return code,
    };
    if let Err(code) = crate::staff::act(&mut journal, db, crate::staff::who(), Action::Return) {
        return code;
    }
    let sale_id = match books::find_sale(&journal, series, key) {
        Ok(id) => id,
        Err(e) => return books_failed(&e),
    };
    let request = match amount {
        None => ReturnRequest::Full,
        Some(text) => {
            let currency = match journal.sale(&sale_id) {
                Ok(Some(s)) => s.amount.currency,
                Ok(None) => return books_failed(&BooksError::NoSuchSale(sale_id)),
                Err(e) => return books_failed(&e.into()),
            };
            match Money::parse(text, currency) {
                Ok(m) => ReturnRequest::Amount(m),
                Err(e) => {
                    let error = crate::output::money_error(crate::output::messages(), &e);
                    return fail(
                        EXIT_USAGE,
                        &t("cli-return-bad-amount", &[("error", error.into())]),
                    );
                }
            }
        }
    };
    let done = match books::return_sale(&mut journal, &sale_id, &request, reason, now_ms()) {
        Ok(d) => d,
        Err(e) => return books_failed(&e),
    };
    let r = &done.receipt;
    let transfer = done.bank_refund.as_ref().map(books::TransferView::of);
    if json {
        let out = ReturnOut {
            sale_id: &sale_id,
            number: r.number,
            return_of: r.return_of,
            reason: r.reason.as_deref(),
            total: MoneyJson::of(r.total),
            tender: r.tender,
            lines: done
                .lines
                .iter()
                .map(|l| LineOut {
                    text: &l.text,
                    quantity: l.quantity,
                    unit_price: MoneyJson::of(l.unit_gross),
                    rate_bp: l.vat.bp,
                    saft_code: l.vat.code.code(),
                })
                .collect(),
            left: MoneyJson::of(done.left),
            bank_transfer: transfer,
        };
        match serde_json::to_string(&out) {
            Ok(s) => println!("{s}"),
            Err(e) => return fail(EXIT_FAILED, &e.to_string()),
        }
    } else {
        let back = Money::new(-r.total.minor, r.total.currency).display();
        let how = text(match r.tender {
            kassa_journal::Tender::Cash => "cli-return-in-cash",
            kassa_journal::Tender::Card => "cli-return-to-card",
            kassa_journal::Tender::Bank => "cli-return-by-bank",
        });
        let mut args = vec![
            ("number", r.number.to_string().into()),
            ("sale", sale_id.as_str().into()),
            ("back", back.into()),
            ("how", how.into()),
            ("left", done.left.display().into()),
        ];
        let key = match r.return_of {
            Some(n) => {
                args.push(("of", n.to_string().into()));
                "cli-return-done-of"
            }
            None => "cli-return-done",
        };
        println!("{}", t(key, &args));
        if let Some(tr) = &transfer {
            println!(
                "{}",
                t(
                    "cli-return-transfer",
                    &[
                        ("transfer", tr.text.as_str().into()),
                        ("id", tr.id.to_string().into())
                    ]
                )
            );
        }
    }
    ExitCode::SUCCESS
}

/// `kassa report x|z [--json]`.
pub fn report(db: &Path, settings: &kassa_boot::Settings, z: bool, json: bool) -> ExitCode {
    use kassa_boot::shop::{LocalZone, WallClock};
    let series = settings.backend();
    let shop = match settings
        .shop
        .resolve(settings.currency, LocalZone.day(now_ms()))
    {
        Ok(s) => s,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::vat(crate::output::messages(), &e),
            );
        }
    };
    // A training report (the sandbox) carries the training shop when none is set up.
    let merchant =
        match kassa_boot::shop::merchant_for(&shop, series.is_training(), settings.currency) {
            Ok(m) => m,
            Err(e) => {
                return fail(
                    EXIT_USAGE,
                    &kassa_boot::error_words::receipt(crate::output::messages(), &e),
                );
            }
        };
    let till_name = merchant.till_name.clone();
    let of = ReportOf {
        merchant: &merchant,
        till_name: &till_name,
    };
    let offset = books::local_offset_minutes;
    let view = if z {
        let (_lock, mut journal) = match owned(db, "kassa report z") {
            Ok(j) => j,
            Err(code) => return code,
        };
        if let Err(code) = crate::staff::act(&mut journal, db, crate::staff::who(), Action::ZReport)
        {
            return code;
        }
        books::close_z(&mut journal, series, now_ms(), of, &offset)
    } else {
        let journal = match read_only(db) {
            Ok(journal) => journal,
            Err(code) => return code,
        };
        // The X report is journaled (13008) with who asked, on a write connection of its
        // own: the report itself only reads, beside a counter that sells.
        let (mut events, _) = match crate::staff::check(db, crate::staff::who(), Action::XReport) {
            Ok(j) => j,
            Err(code) => return code,
        };
        let now = now_ms();
        let view = books::x_report(&journal, series, now, of, &offset);
        if view.is_ok()
            && let Err(e) = kassa_boot::session::record_event(
                &mut events,
                kassa_boot::session::JournalEvent::XReport,
                now,
                series.is_training(),
                "",
            )
        {
            return fail(
                EXIT_START,
                &kassa_boot::error_words::session(crate::output::messages(), &e),
            );
        }
        view
    };
    let view = match view {
        Ok(v) => v,
        Err(e) => return books_failed(&e),
    };
    if json {
        match view.to_json() {
            Ok(s) => println!("{s}"),
            Err(e) => return fail(EXIT_FAILED, &e.to_string()),
        }
    } else {
        let width = usize::from(settings.shop.width.unwrap_or(48));
        print!(
            "{}",
            view.to_doc(width, kassa_boot::receipt_words())
                .to_text(width)
        );
    }
    ExitCode::SUCCESS
}

/// `kassa refunds [--all] [--json]`, or `kassa refunds --sent ID --note TEXT`.
pub fn refunds(
    db: &Path,
    series: Backend,
    sent: Option<i64>,
    note: Option<&str>,
    all: bool,
    json: bool,
) -> ExitCode {
    if let Some(id) = sent {
        let (_lock, mut journal) = match owned(db, "kassa refunds") {
            Ok(j) => j,
            Err(code) => return code,
        };
        if let Err(code) = crate::staff::act(
            &mut journal,
            db,
            crate::staff::who(),
            Action::MarkTransferSent,
        ) {
            return code;
        }
        return match books::mark_transfer_sent(&mut journal, id, note.unwrap_or(""), now_ms()) {
            Ok(t) => {
                if json {
                    match serde_json::to_string(&t) {
                        Ok(s) => println!("{s}"),
                        Err(e) => return fail(EXIT_FAILED, &e.to_string()),
                    }
                } else {
                    println!("{}", t.text);
                }
                ExitCode::SUCCESS
            }
            Err(BooksError::Journal(JournalError::NotFound(_))) => fail(
                EXIT_USAGE,
                &t("cli-refunds-no-transfer", &[("id", id.to_string().into())]),
            ),
            Err(e) => books_failed(&e),
        };
    }
    let journal = match read_only(db) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let list = match books::bank_transfers(&journal, series, !all) {
        Ok(l) => l,
        Err(e) => return books_failed(&e),
    };
    if json {
        match serde_json::to_string(&list) {
            Ok(s) => println!("{s}"),
            Err(e) => return fail(EXIT_FAILED, &e.to_string()),
        }
    } else if list.is_empty() {
        println!("{}", text("cli-refunds-none"));
    } else {
        for t in &list {
            println!("{:>4}  {}  {}", t.id, t.state.to_uppercase(), t.text);
        }
    }
    ExitCode::SUCCESS
}

/// A day as `YYYY-MM-DD`.
fn parse_day(text: &str) -> Result<Day, ExitCode> {
    let bad = || {
        fail(
            EXIT_USAGE,
            &t("cli-books-bad-day", &[("day", text.trim().into())]),
        )
    };
    let mut parts = text.trim().split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) else {
        return Err(bad());
    };
    Ok(Day::new(y, m, d))
}

/// `kassa bookkeeping --from YYYY-MM-DD --to YYYY-MM-DD FILE`: whole local days, both
/// included; the file is written whole or not at all.
pub fn bookkeeping(db: &Path, series: Backend, from: &str, to: &str, file: &Path) -> ExitCode {
    let (from, to) = match (parse_day(from), parse_day(to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let (from_ms, to_ms) = match books::local_days(from, to) {
        Ok(r) => r,
        Err(e) => return books_failed(&e),
    };
    if let Err(e) = kassa_journal::files::check_destination(db, file) {
        return fail(
            EXIT_USAGE,
            &kassa_boot::error_words::journal(crate::output::messages(), &e),
        );
    }
    let journal = match read_only(db) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let csv = match books::bookkeeping_csv(
        &journal,
        series,
        from_ms,
        to_ms,
        &books::local_offset_minutes,
    ) {
        Ok(c) => c,
        Err(e) => return books_failed(&e),
    };
    let rows = csv.lines().filter(|l| !l.starts_with(";;;total")).count() - 1;
    let written =
        kassa_journal::files::replace_file(file, |tmp| -> Result<(), Box<dyn std::error::Error>> {
            std::fs::write(tmp, &csv)?;
            Ok(())
        });
    match written {
        Ok(()) => {
            let day = |d: Day| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
            let key = if series.is_training() {
                "cli-books-wrote-training"
            } else {
                "cli-books-wrote"
            };
            println!(
                "{}",
                t(
                    key,
                    &[
                        ("rows", rows.to_string().into()),
                        ("from", day(from).into()),
                        ("to", day(to).into()),
                        ("file", file.display().to_string().into()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(
            EXIT_FAILED,
            &t(
                "cli-cannot-write",
                &[
                    ("file", file.display().to_string().into()),
                    ("error", e.to_string().into()),
                ],
            ),
        ),
    }
}

/// Where `kassa receipt` sends a print, besides showing it.
pub enum PrintTo<'a> {
    /// Only show it (not a print: nothing is counted).
    Show,
    /// The network thermal printer of Settings → Shop.
    Printer,
    /// A PDF file.
    Pdf(&'a Path),
}

/// `kassa receipt KEY [--json] [--print | --pdf FILE]`: the receipt of a sale (by sale id or
/// payment id) or any receipt by number (`#1042`, returns too). Showing it is not a print;
/// `--print` and `--pdf` are, and are counted: the first print is the original, every
/// later one is marked COPY n. A print that fails is not counted and the receipt is kept.
pub async fn receipt(
    settings: &kassa_boot::Settings,
    key: &str,
    json: bool,
    to: PrintTo<'_>,
) -> ExitCode {
    use kassa_boot::shop::{self, LocalZone, WallClock};
    let db = &settings.db_path;
    let series = settings.backend();
    let now = now_ms();
    let shop = match settings.shop.resolve(settings.currency, LocalZone.day(now)) {
        Ok(s) => s,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::vat(crate::output::messages(), &e),
            );
        }
    };
    let printing = !matches!(to, PrintTo::Show);
    // A print is recorded in the journal: this command owns it meanwhile.
    let (_lock, mut journal) = if printing {
        match owned(db, "kassa receipt") {
            Ok((lock, j)) => (Some(lock), j),
            Err(code) => return code,
        }
    } else {
        match read_only(db) {
            Ok(j) => (None, j),
            Err(code) => return code,
        }
    };
    let is_sale_id = matches!(journal.sale(key.trim()), Ok(Some(_)));
    let found = match receipt_number(key).filter(|_| !is_sale_id) {
        Some(n) => shop::receipt_by_number(&journal, &shop, series, n, &LocalZone),
        None => match books::find_sale(&journal, series, key) {
            Ok(sale_id) => shop::receipt_of(&journal, &shop, &sale_id, &LocalZone),
            Err(e) => return books_failed(&e),
        },
    };
    let receipt = match found {
        Ok(r) => r,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::receipt(crate::output::messages(), &e),
            );
        }
    };
    let width = usize::from(shop.width);
    let logo = shop::load_logo(&shop)
        .inspect_err(|e| tracing::warn!(error = %e, "the receipt goes without its logo"))
        .ok()
        .flatten();
    let number = receipt.number() as i64;
    let till = match journal.till_id() {
        Ok(t) => t,
        Err(e) => return books_failed(&e.into()),
    };
    let issued = if printing {
        // The receipt as this print issues it: the original, or COPY n after n prints.
        match shop::next_print(
            &journal,
            &shop,
            receipt_series(&receipt),
            number,
            &LocalZone,
        ) {
            Ok((issued, _)) => issued,
            Err(e) => {
                return fail(
                    EXIT_FAILED,
                    &kassa_boot::error_words::receipt(crate::output::messages(), &e),
                );
            }
        }
    } else {
        receipt
    };
    let doc = issued.to_doc_with(width, logo, kassa_boot::receipt_words());
    let via = match to {
        PrintTo::Show => None,
        PrintTo::Printer => {
            let Some(addr) = shop.printer.as_ref() else {
                return fail(EXIT_USAGE, &text("cli-receipt-no-printer"));
            };
            if let Err(e) = kassa_boot::print::print_escpos(
                &addr.to_string(),
                &doc,
                None,
                kassa_boot::window::PRINTER_DEADLINE,
            )
            .await
            {
                return fail(
                    EXIT_FAILED,
                    &kassa_boot::error_words::print(crate::output::messages(), &e),
                );
            }
            Some("printer")
        }
        PrintTo::Pdf(file) => {
            if let Err(e) = kassa_boot::print::save_pdf(file, &doc, width) {
                return fail(
                    EXIT_FAILED,
                    &kassa_boot::error_words::pdf(crate::output::messages(), &e),
                );
            }
            Some("pdf")
        }
    };
    if let Some(via) = via
        && let Err(e) = journal.record_print(&till, receipt_series(&issued), number, via, now)
    {
        return books_failed(&e.into());
    }
    if json {
        match issued.to_json() {
            Ok(s) => println!("{s}"),
            Err(e) => return fail(EXIT_FAILED, &e.to_string()),
        }
    } else {
        print!("{}", doc.to_text(width));
        match (via, issued.copy_number()) {
            (Some(_), Some(n)) => eprintln!(
                "{}",
                t("cli-receipt-printed-copy", &[("n", n.to_string().into())])
            ),
            (Some(_), None) => eprintln!("{}", text("cli-receipt-printed")),
            _ => {}
        }
    }
    ExitCode::SUCCESS
}

/// The series a receipt is numbered in: training for a sandbox sale, else live.
fn receipt_series(r: &kassa_shop::Receipt) -> Backend {
    if r.training() {
        Backend::Sandbox
    } else {
        Backend::Live
    }
}

/// A receipt number as the cashier types it: `#1042`, or `1042` (digits only).
fn receipt_number(key: &str) -> Option<i64> {
    let key = key.trim();
    let digits = key.strip_prefix('#').unwrap_or(key);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
