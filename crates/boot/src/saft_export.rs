//! The SAF-T Cash Register export (issue 12): a period of the journal as the Norwegian Tax
//! Administration's audit file ([`kassa_saft::export::AuditFile`]), both hosts through
//! one code path (`kassa export --format saf-t`, the window's Day screen).
//!
//! What goes in, for the local days `from` to `to` (both whole, [`Period::local`]):
//!
//! * `header`: Kassa and its version, the period, the shop's currency, when the file was
//!   made and by whom (the acting employee).
//! * `company`: the merchant profile's organisation number and legal name (with `…MVA` when
//!   registered for VAT), the address; one `vatCodeDetail` per VAT class used (rate and
//!   SAF-T standard code) or in the shop's table; one `period` per calendar month of the
//!   export; every employee of the journal; one `article` per line text and VAT class
//!   sold; the `basics`: an article group per VAT class (Kassa does not know what it sells,
//!   so every group is product group 04999 *Other*), and Norway's line, transaction,
//!   payment and event codes ([`kassa_saft::no::basics`]).
//! * one `location` (the shop) with one `cashregister` (the till, by its journal id): the
//!   electronic journal's events of the period (an event about a receipt names it as
//!   `transID`; a Z report's event carries its `eventReport`), and every receipt issued in
//!   the period, live and training, as a `cashtransaction` with its lines, VAT, payment,
//!   signature and key version exactly as signed.
//!
//! Training receipts (the sandbox) are in the file as the rules ask: their own series,
//! `nr` `TRENING-n` ([`kassa_saft::no::nr_text`]), `trainingID` true, each with its 13017
//! event; they are never in a live Z report's sales, only in its `reportTrainingNum` and
//! `reportTrainingAmnt`. A training series' own Z report is exported the same way: all its
//! figures are training figures, so they are only in its training fields.
//!
//! A period without sales is still a whole, valid file (the till, its codes and people).
//! Nothing here reads a clock or the time zone: `now_ms` and the [`WallClock`] are passed in.
//! The file is checked ([`AuditFile::check`]) before it is written.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use kassa_journal::{
    Backend, Journal, JournalError, JournalEventRecord, NewJournalEvent, Receipt, ReceiptKind,
    SaleLine, Tender, ZReport,
};
use kassa_money::Currency;
use kassa_saft::events::JournalEvent;
use kassa_saft::export::{
    AUDITFILE_VERSION, Address, Article, AuditFile, Basic, CashRegister, CashTransaction, Company,
    CtLine, Employee, Event, ExportError, GroupTotal, Header, Location, Payment, PaymentTotal,
    Period as SaftPeriod, Report, ReportKind, Role, Vat, VatCodeDetail, VatTotal,
};
use kassa_saft::no::{self, LineType, PaymentType, TransactionType};
use kassa_shop::{Day, MerchantProfile, VatTable};

use crate::shop::WallClock;

/// The software's name in the file's header.
pub const SOFTWARE: &str = "Kassa";
/// Who makes the software, in the file's header.
pub const SOFTWARE_COMPANY: &str = "Kassa contributors";
/// The product group every article group of a Kassa till is tied to: *Other*. Kassa sells
/// lines by VAT rate and text and does not know whether they are food, drinks or goods.
pub const PRODUCT_GROUP: &str = "04999";
/// What a receipt issued before Kassa signed receipts carries as its `signature` (the
/// schema wants one): it fails any signature check, as it should.
pub const UNSIGNED: &str = "UNSIGNED";

/// Why an export did not go through. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum SaftExportError {
    #[error("{0} is not a day of the calendar: write it as YYYY-MM-DD")]
    BadDay(String),
    #[error("the period ends before it starts: --to must be on or after --from")]
    BadPeriod,
    #[error("{0}")]
    Check(#[from] ExportError),
    #[error("the journal holds something the export cannot read: {0}")]
    Corrupt(String),
    #[error("cannot write {path}: {why}")]
    Write { path: String, why: String },
    #[error(
        "set up the shop before exporting (Settings → Shop, or `kassa setup --legal-name … --org-number …`): the SAF-T file names the merchant's organisation number and legal name"
    )]
    NoProfile,
    #[error("{0}")]
    Vat(String),
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// Exporting the journal needs a manager (a cashier gets a manager's PIN asked).
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
}

impl SaftExportError {
    /// A request the merchant must change (rather than a journal or a disk that failed).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            SaftExportError::BadDay(_)
                | SaftExportError::BadPeriod
                | SaftExportError::NoProfile
                | SaftExportError::Vat(_)
                | SaftExportError::Journal(JournalError::OwnFile { .. })
                | SaftExportError::Journal(JournalError::NotFound(_) | JournalError::Refused(_))
        )
    }
}

pub type Result<T> = std::result::Result<T, SaftExportError>;

/// The export's period: whole local days `from` to `to`, and the moments
/// `[from_ms, to_ms)` they span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Day,
    pub to: Day,
    pub from_ms: i64,
    pub to_ms: i64,
}

impl Period {
    /// The days `from` to `to` in this computer's time zone ([`crate::books::local_days`]).
    pub fn local(from: Day, to: Day) -> Result<Period> {
        let (from_ms, to_ms) = crate::books::local_days(from, to).map_err(|e| match e {
            crate::books::BooksError::BadDay(d) => SaftExportError::BadDay(d),
            crate::books::BooksError::BadPeriod => SaftExportError::BadPeriod,
            other => SaftExportError::Corrupt(other.to_string()),
        })?;
        Ok(Period {
            from,
            to,
            from_ms,
            to_ms,
        })
    }
}

/// A day as `YYYY-MM-DD`, checked: what the CLI and the window take.
pub fn parse_day(text: &str) -> Result<Day> {
    let t = text.trim();
    let bad = || SaftExportError::BadDay(t.to_owned());
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let (y, m, d) = (num(&t[..4])?, num(&t[5..7])?, num(&t[8..])?);
    let year = i32::try_from(y).map_err(|_| bad())?;
    chrono::NaiveDate::from_ymd_opt(year, m, d).ok_or_else(bad)?;
    Ok(Day::new(
        year,
        u8::try_from(m).map_err(|_| bad())?,
        u8::try_from(d).map_err(|_| bad())?,
    ))
}

/// Who and what the file is of: the shop as set up, and the software.
#[derive(Debug, Clone, Copy)]
pub struct ExportOf<'a> {
    pub merchant: &'a MerchantProfile,
    /// The shop's VAT table: names its VAT codes, and its rates are listed even unused.
    pub vat: &'a VatTable,
    pub currency: Currency,
    /// The software's version (`env!("CARGO_PKG_VERSION")` of the host).
    pub software_version: &'a str,
}

/// What an export holds, for the person who made it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ExportSummary {
    /// Skatteetaten's name for the file ([`AuditFile::file_name`]).
    pub file_name: String,
    pub from: String,
    pub to: String,
    pub receipts: usize,
    pub training_receipts: usize,
    pub events: usize,
    pub z_reports: usize,
    /// Receipts issued before Kassa signed receipts: in the file with [`UNSIGNED`].
    pub unsigned: usize,
    pub bytes: usize,
}

impl ExportSummary {
    /// One sentence: "42 receipts (3 training), 57 journal events and 2 Z reports from
    /// 2026-03-01 to 2026-03-31".
    pub fn text(&self) -> String {
        let mut s = format!(
            "{} receipt{} ({} training), {} journal event{} and {} Z report{} from {} to {}",
            self.receipts,
            plural(self.receipts),
            self.training_receipts,
            self.events,
            plural(self.events),
            self.z_reports,
            plural(self.z_reports),
            self.from,
            self.to
        );
        if self.unsigned > 0 {
            s.push_str(&format!(
                "; {} receipt{} issued before Kassa signed receipts {} marked {UNSIGNED}",
                self.unsigned,
                plural(self.unsigned),
                if self.unsigned == 1 { "is" } else { "are" }
            ));
        }
        s
    }
}

impl ExportSummary {
    /// The window's sentence for an export saved as `path`, in the language of `m`: "Saved
    /// the SAF-T file as …: 42 receipts (3 training), 57 journal events and 2 Z reports from
    /// 1 Mar 2026 to 31 Mar 2026." (the days as the language writes them).
    pub fn said(&self, m: &kassa_i18n::Messages, path: &Path) -> String {
        let lang = m.lang();
        let day = |iso: &str| {
            let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
            match (parts.next(), parts.next(), parts.next()) {
                (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) => lang.date(kassa_i18n::Date {
                    year: i32::try_from(year).unwrap_or_default(),
                    month,
                    day,
                }),
                _ => iso.to_owned(),
            }
        };
        let mut summary = m.get(
            "saft-summary",
            &[
                ("receipts", self.receipts.into()),
                ("training", self.training_receipts.to_string().into()),
                ("events", self.events.into()),
                ("zs", self.z_reports.into()),
                ("from", day(&self.from).into()),
                ("to", day(&self.to).into()),
            ],
        );
        if self.unsigned > 0 {
            summary.push_str("; ");
            summary.push_str(&m.get("saft-unsigned", &[("unsigned", self.unsigned.into())]));
        }
        m.get(
            "saft-saved",
            &[
                ("path", path.display().to_string().into()),
                ("summary", summary.into()),
            ],
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// An export made: the file's text and what it holds.
#[derive(Debug, Clone)]
pub struct Exported {
    pub file: AuditFile,
    pub xml: String,
    pub summary: ExportSummary,
}

/// The audit file of `period`, checked, and its XML.
pub fn export(
    journal: &Journal,
    of: &ExportOf<'_>,
    period: &Period,
    now_ms: i64,
    zone: &dyn WallClock,
) -> Result<Exported> {
    let (file, mut summary) = audit_file(journal, of, period, now_ms, zone)?;
    file.check()?;
    let xml = file.to_xml();
    summary.bytes = xml.len();
    Ok(Exported { file, xml, summary })
}

/// [`export`], written to `out` whole or not at all (never over the journal `db` or its
/// files).
pub fn export_to_file(
    journal: &Journal,
    db: &Path,
    out: &Path,
    of: &ExportOf<'_>,
    period: &Period,
    now_ms: i64,
    zone: &dyn WallClock,
) -> Result<ExportSummary> {
    kassa_journal::files::check_destination(db, out)?;
    let done = export(journal, of, period, now_ms, zone)?;
    let written = kassa_journal::files::replace_file(
        out,
        |tmp| -> std::result::Result<(), Box<dyn std::error::Error>> {
            std::fs::write(tmp, done.xml.as_bytes())?;
            Ok(())
        },
    );
    written.map_err(|e| SaftExportError::Write {
        path: out.display().to_string(),
        why: e.to_string(),
    })?;
    Ok(done.summary)
}

/// Journals the export (event 13020, *export of journal*) on `journal`, naming its acting
/// employee: call it once the file is written.
pub fn record_export(
    journal: &mut Journal,
    summary: &ExportSummary,
    out: &Path,
    at_ms: i64,
) -> Result<i64> {
    let detail = format!(
        "SAF-T Cash Register export of {} to {} ({} receipts) to {}",
        summary.from,
        summary.to,
        summary.receipts,
        out.display()
    );
    Ok(journal.record_journal_event(&journal_export_event(&detail, at_ms))?)
}

fn journal_export_event(detail: &str, at_ms: i64) -> NewJournalEvent<'_> {
    NewJournalEvent {
        code: JournalEvent::JournalExported.code(),
        at_ms,
        training: false,
        detail,
        receipt: None,
    }
}

fn day_text(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// An export the window made.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CounterExport {
    /// Where the file is.
    pub path: String,
    pub summary: ExportSummary,
    /// One sentence for the screen.
    pub message: String,
}

/// The window's export: the days `from` to `to` (`YYYY-MM-DD`) of the counter's journal,
/// written into `folder` under Skatteetaten's file name, and journaled (13020) on the
/// counter's own journal connection.
pub fn export_from_counter(
    counter: &crate::Counter,
    from: &str,
    to: &str,
    folder: &Path,
    now_ms: i64,
) -> Result<CounterExport> {
    use crate::shop::LocalZone;
    let period = Period::local(parse_day(from)?, parse_day(to)?)?;
    let shop = counter
        .shop_settings()
        .resolve(counter.currency, LocalZone.day(now_ms))
        .map_err(|e| SaftExportError::Vat(e.to_string()))?;
    let merchant =
        crate::shop::merchant_for(&shop, counter.backend().is_training(), counter.currency)
            .map_err(|_| SaftExportError::NoProfile)?;
    let db = counter.settings().db_path.clone();
    // A manager exports (or approves a cashier's export); the event names them. An export
    // that fails (a full disk) keeps the approval.
    counter.approved(kassa_shop::staff::Action::ExportJournal, |by| {
        let mut journal = counter.journal()?;
        journal.set_employee(Some(&by.id));
        let of = ExportOf {
            merchant: &merchant,
            vat: &shop.vat,
            currency: counter.currency,
            software_version: env!("CARGO_PKG_VERSION"),
        };
        let done = export(&journal, &of, &period, now_ms, &LocalZone)?;
        std::fs::create_dir_all(folder).map_err(|e| SaftExportError::Write {
            path: folder.display().to_string(),
            why: e.to_string(),
        })?;
        let out = folder.join(&done.summary.file_name);
        kassa_journal::files::check_destination(&db, &out)?;
        kassa_journal::files::replace_file(
            &out,
            |tmp| -> std::result::Result<(), Box<dyn std::error::Error>> {
                std::fs::write(tmp, done.xml.as_bytes())?;
                Ok(())
            },
        )
        .map_err(|e| SaftExportError::Write {
            path: out.display().to_string(),
            why: e.to_string(),
        })?;
        record_export(&mut journal, &done.summary, &out, now_ms)?;
        Ok(CounterExport {
            path: out.display().to_string(),
            message: done
                .summary
                .said(kassa_i18n::Messages::of(crate::current_language()), &out),
            summary: done.summary,
        })
    })
}

/// One receipt as the export reads it.
#[derive(Debug, Clone)]
struct Item {
    receipt: Receipt,
    /// As the journal holds them (positive, also on a return).
    lines: Vec<SaleLine>,
    /// Signed rows: (bp, code, net, vat, gross); bp and code None for "no VAT recorded".
    vat: Vec<VatRow>,
    prints: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct VatRow {
    class: Option<(u32, u8)>,
    net: i64,
    vat: i64,
    gross: i64,
}

impl Item {
    fn nr(&self) -> String {
        no::nr_text(self.receipt.number, self.receipt.training)
    }

    fn is_return(&self) -> bool {
        self.receipt.kind == ReceiptKind::Return
    }

    fn gross(&self) -> i64 {
        self.receipt.total.minor
    }

    fn net(&self) -> i64 {
        self.vat.iter().map(|v| v.net).sum()
    }

    /// The receipt's lines with signed amounts and their share of the VAT: per VAT row,
    /// each line's VAT by the rate, the last line of the row taking what is left, so the
    /// lines add up to the row exactly.
    fn split_lines(&self) -> Vec<LineAmounts> {
        let sign = if self.is_return() { -1 } else { 1 };
        let mut out: Vec<LineAmounts> = self
            .lines
            .iter()
            .map(|l| {
                let gross = sign * i64::from(l.quantity) * l.unit_gross.minor;
                LineAmounts {
                    class: l.vat.map(|v| (v.bp, v.saft_code)),
                    text: l.text.clone(),
                    qnt: sign * i64::from(l.quantity),
                    ppu: l.unit_gross.minor,
                    gross,
                    vat: 0,
                }
            })
            .collect();
        for row in &self.vat {
            let idx: Vec<usize> = (0..out.len())
                .filter(|i| out[*i].class == row.class)
                .collect();
            let Some((last, rest)) = idx.split_last() else {
                continue;
            };
            let mut used = 0;
            for i in rest {
                let v = match row.class {
                    Some((bp, _)) => vat_of(out[*i].gross, bp),
                    None => 0,
                };
                out[*i].vat = v;
                used += v;
            }
            out[*last].vat = row.vat - used;
        }
        out
    }
}

#[derive(Debug, Clone)]
struct LineAmounts {
    class: Option<(u32, u8)>,
    text: String,
    qnt: i64,
    ppu: i64,
    gross: i64,
    vat: i64,
}

/// The VAT in `gross` (VAT included) at `bp`, rounded half away from zero.
fn vat_of(gross: i64, bp: u32) -> i64 {
    let num = i128::from(gross) * i128::from(bp);
    let den = 10_000 + i128::from(bp);
    let q = (2 * num.abs() + den) / (2 * den);
    let q = i64::try_from(q).unwrap_or(i64::MAX);
    if num < 0 { -q } else { q }
}

fn load(journal: &Journal, till: &str, series: Backend, number: i64) -> Result<Option<Item>> {
    let Some(receipt) = journal.receipt_by_number(till, series, number)? else {
        return Ok(None);
    };
    let lines = match receipt.kind {
        ReceiptKind::Sale => journal.lines_of_sale(&receipt.sale_id)?,
        ReceiptKind::Return => journal.return_lines(till, series, number)?,
    };
    let vat = journal
        .receipt_vat(till, series, number)?
        .into_iter()
        .map(|v| VatRow {
            class: v.bp.zip(v.saft_code),
            net: v.net.minor,
            vat: v.vat.minor,
            gross: v.gross.minor,
        })
        .collect();
    let prints = journal.prints_of(till, series, number)?;
    Ok(Some(Item {
        receipt,
        lines,
        vat,
        prints,
    }))
}

/// The receipt numbers of `series` issued in the period, in order.
fn numbers_in(journal: &Journal, series: Backend, period: &Period) -> Result<Vec<i64>> {
    let mut numbers: Vec<i64> = journal
        .vat_lines_between(series, period.from_ms, period.to_ms)?
        .into_iter()
        .map(|v| v.number)
        .collect();
    numbers.dedup();
    Ok(numbers)
}

/// The Z reports of `series` closed in the period, oldest first.
fn zs_in(journal: &Journal, series: Backend, period: &Period) -> Result<Vec<ZReport>> {
    let Some(newest) = journal.z_reports(series)?.into_iter().next() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut n = newest.number;
    while n >= 1 {
        let Some(z) = journal.z_report(series, n)? else {
            break;
        };
        if z.closed_at_ms < period.from_ms {
            break;
        }
        if z.closed_at_ms < period.to_ms {
            out.push(z);
        }
        n -= 1;
    }
    out.reverse();
    Ok(out)
}

/// The till's VAT codes: one per (rate, standard code), named by the standard code when
/// the file has that code at one rate only, else `code-rate` (`3-2500`).
struct VatCodes {
    ids: BTreeMap<(u32, u8), String>,
}

impl VatCodes {
    fn new(classes: &BTreeSet<(u32, u8)>) -> VatCodes {
        let mut per_code: HashMap<u8, usize> = HashMap::new();
        for (_, code) in classes {
            *per_code.entry(*code).or_default() += 1;
        }
        let ids = classes
            .iter()
            .map(|&(bp, code)| {
                let id = if per_code.get(&code) == Some(&1) {
                    code.to_string()
                } else {
                    format!("{code}-{bp}")
                };
                ((bp, code), id)
            })
            .collect();
        VatCodes { ids }
    }

    fn id(&self, class: (u32, u8)) -> String {
        self.ids
            .get(&class)
            .cloned()
            .unwrap_or_else(|| format!("{}-{}", class.1, class.0))
    }
}

/// An article group per VAT class (and one for lines without VAT recorded).
fn group_id(class: Option<(u32, u8)>) -> String {
    match class {
        Some((bp, code)) => format!("VAT{code}-{bp}"),
        None => "NOVAT".to_owned(),
    }
}

fn percent_text(bp: u32) -> String {
    kassa_shop::vat::percent(bp).replace('\u{a0}', " ")
}

fn class_name(vat: &VatTable, class: (u32, u8)) -> String {
    vat.rates()
        .iter()
        .find(|r| r.bp == class.0 && r.code.code() == class.1)
        .map(|r| r.label().replace('\u{a0}', " "))
        .unwrap_or_else(|| format!("VAT {}", percent_text(class.0)))
}

fn local(zone: &dyn WallClock, at_ms: i64) -> Result<(String, String)> {
    crate::keys::local_date_time(zone, at_ms).map_err(SaftExportError::Corrupt)
}

/// The calendar months the period touches, each clipped to it: (number from 1, first day,
/// last day).
fn months(period: &Period) -> Result<Vec<(u16, chrono::NaiveDate, chrono::NaiveDate)>> {
    use chrono::{Datelike, NaiveDate};
    let date = |d: Day| {
        NaiveDate::from_ymd_opt(d.year, u32::from(d.month), u32::from(d.day))
            .ok_or_else(|| SaftExportError::BadDay(day_text(d)))
    };
    let (from, to) = (date(period.from)?, date(period.to)?);
    if to < from {
        return Err(SaftExportError::BadPeriod);
    }
    let mut out = Vec::new();
    let mut start = from;
    let mut n: u16 = 1;
    while start <= to {
        let next_month = if start.month() == 12 {
            NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)
        }
        .ok_or(SaftExportError::BadPeriod)?;
        let end = next_month
            .pred_opt()
            .ok_or(SaftExportError::BadPeriod)?
            .min(to);
        out.push((n, start, end));
        start = next_month;
        n = n.saturating_add(1);
    }
    Ok(out)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn payment_type(t: Tender) -> PaymentType {
    match t {
        Tender::Bank => PaymentType::PayByBank,
        Tender::Cash => PaymentType::Cash,
        Tender::Card => PaymentType::Card,
    }
}

/// The audit file of `period` (not yet checked: [`export`] checks it) and its summary.
pub fn audit_file(
    journal: &Journal,
    of: &ExportOf<'_>,
    period: &Period,
    now_ms: i64,
    zone: &dyn WallClock,
) -> Result<(AuditFile, ExportSummary)> {
    let till = journal.till_id()?;
    let months = months(period)?;
    let from_text = day_text(period.from);
    let to_text = day_text(period.to);

    // The receipts of the period, both series, oldest first.
    let mut items: Vec<Item> = Vec::new();
    for series in [Backend::Live, Backend::Sandbox] {
        for n in numbers_in(journal, series, period)? {
            if let Some(item) = load(journal, &till, series, n)? {
                items.push(item);
            }
        }
    }
    items.sort_by_key(|i| {
        (
            i.receipt.created_at_ms,
            i.receipt.training,
            i.receipt.number,
        )
    });

    // The Z reports closed in the period, and every receipt they cover (some may be from
    // before the period).
    let mut zs: Vec<ZReport> = Vec::new();
    for series in [Backend::Live, Backend::Sandbox] {
        zs.extend(zs_in(journal, series, period)?);
    }
    let mut by_key: HashMap<(bool, i64), usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| ((it.receipt.training, it.receipt.number), i))
        .collect();
    let mut extra: Vec<Item> = Vec::new();
    for z in &zs {
        let (Some(first), Some(last)) = (z.totals.first_receipt, z.totals.last_receipt) else {
            continue;
        };
        let training = z.totals.series.is_training();
        for n in first..=last {
            if by_key.contains_key(&(training, n)) {
                continue;
            }
            if let Some(item) = load(journal, &till, z.totals.series, n)? {
                by_key.insert((training, n), items.len() + extra.len());
                extra.push(item);
            }
        }
    }
    let exported = items.len();
    items.extend(extra);
    let item_of = |training: bool, n: i64| by_key.get(&(training, n)).map(|i| &items[*i]);

    let events = journal.journal_events(period.from_ms, period.to_ms)?;
    // Copies printed in each Z's period, from the journal's copy events.
    let copy_events = {
        let first_from = zs
            .iter()
            .filter_map(|z| z.totals.from_ms)
            .min()
            .unwrap_or(period.from_ms)
            .min(period.from_ms);
        if zs.is_empty() {
            Vec::new()
        } else {
            journal
                .journal_events(first_from, period.to_ms)?
                .into_iter()
                .filter(|e| e.code == JournalEvent::CopyReceipt.code())
                .collect::<Vec<_>>()
        }
    };

    // VAT classes: the shop's table, the receipts' lines and rows, the Z reports' rows.
    let mut classes: BTreeSet<(u32, u8)> = of
        .vat
        .rates()
        .iter()
        .map(|r| (r.bp, r.code.code()))
        .collect();
    let mut groups: BTreeSet<Option<(u32, u8)>> = BTreeSet::new();
    for it in &items[..exported] {
        for r in &it.vat {
            if let Some(c) = r.class {
                classes.insert(c);
            }
        }
        for l in &it.lines {
            let c = l.vat.map(|v| (v.bp, v.saft_code));
            if let Some(c) = c {
                classes.insert(c);
            }
            groups.insert(c);
        }
    }
    for it in &items[exported..] {
        for l in &it.lines {
            groups.insert(l.vat.map(|v| (v.bp, v.saft_code)));
        }
    }
    for z in &zs {
        for v in &z.totals.vat {
            if let Some(c) = v.bp.zip(v.saft_code) {
                classes.insert(c);
            }
        }
    }
    let vat_codes = VatCodes::new(&classes);

    // Articles: one per line text and VAT class, numbered in order of first sale.
    let mut articles: Vec<Article> = Vec::new();
    let mut article_ids: HashMap<(String, Option<(u32, u8)>), String> = HashMap::new();
    for it in &items[..exported] {
        for l in &it.lines {
            let key = (l.text.clone(), l.vat.map(|v| (v.bp, v.saft_code)));
            if article_ids.contains_key(&key) {
                continue;
            }
            let id = (articles.len() + 1).to_string();
            articles.push(Article {
                id: id.clone(),
                date_of_entry: from_text.clone(),
                group_id: Some(group_id(key.1)),
                desc: if l.text.trim().is_empty() {
                    "Amount".to_owned()
                } else {
                    l.text.clone()
                },
            });
            article_ids.insert(key, id);
        }
    }

    // Employees: the journal's staff, and anyone named on a receipt or event but not there
    // (a journal from before the staff list).
    let mut employees: Vec<Employee> = Vec::new();
    let mut known: BTreeSet<String> = BTreeSet::new();
    for e in journal.employees()? {
        let (date, time) = local(zone, e.created_at_ms)?;
        let name = e.name.trim();
        let (first, sur) = match name.rsplit_once(' ') {
            Some((first, sur)) if !first.trim().is_empty() => {
                (Some(first.trim().to_owned()), sur.to_owned())
            }
            _ => (None, name.to_owned()),
        };
        let role = match e.role.as_str() {
            "manager" => "Manager",
            _ => "Cashier",
        };
        known.insert(e.id.clone());
        employees.push(Employee {
            id: e.id,
            date_of_entry: date,
            time_of_entry: time,
            first_name: first,
            sur_name: if sur.is_empty() { "-".to_owned() } else { sur },
            roles: vec![Role {
                role_type: role.to_owned(),
                desc: None,
            }],
        });
    }
    let named = items
        .iter()
        .filter_map(|i| i.receipt.employee.clone())
        .chain(events.iter().filter_map(|e| e.employee.clone()));
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    for id in named {
        if !known.contains(&id) {
            unknown.insert(id);
        }
    }
    for id in unknown {
        employees.push(Employee {
            id: id.clone(),
            date_of_entry: from_text.clone(),
            time_of_entry: "00:00:00".to_owned(),
            first_name: None,
            sur_name: format!("Employee {id}"),
            roles: vec![],
        });
    }

    // Basics: the article groups, Norway's codes, and any event code Kassa has no name for.
    let mut basics: Vec<Basic> = Vec::new();
    for g in &groups {
        let desc = match g {
            Some(c) => format!("Sales at {}", class_name(of.vat, *c)),
            None => "Sales without VAT recorded (by an older Kassa)".to_owned(),
        };
        basics.push(
            no::article_group(&group_id(*g), PRODUCT_GROUP, &desc)
                .map_err(|e| SaftExportError::Corrupt(e.to_string()))?,
        );
    }
    basics.extend(no::basics());
    let mut other_codes: BTreeSet<u32> = BTreeSet::new();
    for e in &events {
        if JournalEvent::of_code(e.code).is_none() {
            other_codes.insert(e.code);
        }
    }
    for code in &other_codes {
        basics.push(Basic {
            basic_type: no::EVENT_TYPE.to_owned(),
            id: format!("EV{code}"),
            predefined: Some(code.to_string()),
            desc: format!("Journal event {code}"),
        });
    }

    // The transactions.
    let period_of = |date: &str| -> Option<u16> {
        months
            .iter()
            .find(|(_, s, e)| {
                let d = date.parse::<chrono::NaiveDate>().ok();
                d.is_some_and(|d| d >= *s && d <= *e)
            })
            .map(|(n, _, _)| *n)
    };
    let mut transactions = Vec::with_capacity(exported);
    let mut unsigned = 0;
    for it in &items[..exported] {
        let r = &it.receipt;
        let nr = it.nr();
        let (date, time) = match &r.seal {
            Some(s) => (s.signed_date.clone(), s.signed_time.clone()),
            None => local(zone, r.created_at_ms)?,
        };
        let (signature, key_version) = match &r.seal {
            Some(s) => (s.signature.clone(), s.key_version),
            None => {
                unsigned += 1;
                (UNSIGNED.to_owned(), 0)
            }
        };
        let line_type = if it.is_return() {
            LineType::Return
        } else {
            LineType::Sale
        };
        let lines = it
            .split_lines()
            .into_iter()
            .enumerate()
            .map(|(i, l)| CtLine {
                line_id: (i + 1).to_string(),
                line_type: line_type.basic_id().to_owned(),
                art_group_id: Some(group_id(l.class)),
                art_id: article_ids.get(&(l.text.clone(), l.class)).cloned(),
                qnt: Some(l.qnt),
                amount_in_minor: l.gross,
                amount_ex_minor: l.gross - l.vat,
                ppu_minor: Some(l.ppu),
                emp_id: r.employee.clone(),
                desc: (!l.text.trim().is_empty()).then(|| l.text.clone()),
                date: Some(date.clone()),
                time: Some(time.clone()),
                vat: l.class.map(|c| Vat {
                    code: vat_codes.id(c),
                    rate_bp: c.0,
                    amount_minor: l.vat,
                    base_minor: l.gross - l.vat,
                }),
            })
            .collect();
        let vat = it
            .vat
            .iter()
            .filter_map(|v| {
                v.class.map(|c| Vat {
                    code: vat_codes.id(c),
                    rate_bp: c.0,
                    amount_minor: v.vat,
                    base_minor: v.net,
                })
            })
            .collect();
        let desc = match (it.is_return(), r.return_of, r.reason.as_deref()) {
            (true, Some(of), Some(why)) => Some(format!(
                "Return of receipt {}: {why}",
                no::nr_text(of, r.training)
            )),
            (true, Some(of), None) => {
                Some(format!("Return of receipt {}", no::nr_text(of, r.training)))
            }
            (true, None, Some(why)) => Some(format!("Return: {why}")),
            _ => None,
        };
        let desc = match (desc, r.seal.is_none()) {
            (Some(d), true) => Some(format!(
                "{d}. Issued before Kassa signed receipts: no signature"
            )),
            (None, true) => Some("Issued before Kassa signed receipts: no signature".to_owned()),
            (d, false) => d,
        };
        transactions.push(CashTransaction {
            nr: nr.clone(),
            trans_id: nr,
            trans_type: Some(
                if it.is_return() {
                    TransactionType::Return
                } else {
                    TransactionType::Sale
                }
                .basic_id()
                .to_owned(),
            ),
            amount_in_minor: it.gross(),
            amount_ex_minor: it.net(),
            emp_id: r.employee.clone(),
            period_number: period_of(&date),
            date,
            time,
            desc,
            lines,
            vat,
            rounding_minor: Some(0),
            payments: vec![Payment {
                payment_type: payment_type(r.tender).basic_id().to_owned(),
                amount_minor: it.gross(),
                emp_id: r.employee.clone(),
                cur_code: Some(r.total.currency.code().to_owned()),
                ref_id: r.tender_detail.clone(),
            }],
            signature,
            key_version,
            receipt_num: Some(u16::from(it.prints > 0)),
            receipt_copy_num: Some(
                u16::try_from(it.prints.saturating_sub(1))
                    .unwrap_or(999)
                    .min(999),
            ),
            receipt_proforma_num: Some(0),
            receipt_delivery_num: Some(0),
            void: false,
            training: r.training,
        });
    }

    // The events, each Z's with its report; a Z without its event (an older journal) gets
    // one of its own.
    let mut out_events: Vec<Event> = Vec::with_capacity(events.len() + zs.len());
    let mut z_done: BTreeSet<(bool, i64)> = BTreeSet::new();
    for e in &events {
        let kind = JournalEvent::of_code(e.code);
        let (date, time) = local(zone, e.at_ms)?;
        let report = match kind {
            Some(JournalEvent::ZReport) => zs
                .iter()
                .find(|z| {
                    z.closed_at_ms == e.at_ms
                        && z.totals.series.is_training() == e.training
                        && !z_done.contains(&(e.training, z.number))
                })
                .map(|z| {
                    z_done.insert((e.training, z.number));
                    z_report(z, &item_of, &copy_events, &vat_codes, zone)
                })
                .transpose()?,
            _ => None,
        };
        out_events.push(Event {
            id: e.id.to_string(),
            event_type: match kind {
                Some(k) => no::event_basic_id(k).to_owned(),
                None => format!("EV{}", e.code),
            },
            trans_id: event_receipt(e).map(|n| no::nr_text(n, e.training)),
            emp_id: e.employee.clone(),
            date,
            time,
            text: Some(if e.training {
                format!("Training: {}", e.detail)
            } else {
                e.detail.clone()
            })
            .filter(|t| !t.trim().is_empty()),
            report,
        });
    }
    for z in &zs {
        let training = z.totals.series.is_training();
        if z_done.contains(&(training, z.number)) {
            continue;
        }
        let (date, time) = local(zone, z.closed_at_ms)?;
        out_events.push(Event {
            id: format!("{}Z-{}", if training { "TRENING-" } else { "" }, z.number),
            event_type: no::event_basic_id(JournalEvent::ZReport).to_owned(),
            trans_id: None,
            emp_id: None,
            date,
            time,
            text: Some(format!(
                "{}Z report {}",
                if training { "Training: " } else { "" },
                z.number
            )),
            report: Some(z_report(z, &item_of, &copy_events, &vat_codes, zone)?),
        });
    }

    // The company.
    let merchant = of.merchant;
    let address = Address {
        streetname: merchant.address_lines.first().cloned(),
        number: None,
        additional: (merchant.address_lines.len() > 1)
            .then(|| merchant.address_lines[1..].join(", ")),
        city: Some(merchant.city.clone()),
        postal_code: Some(merchant.postcode_display()),
        region: None,
        country: Some(merchant.country.code().to_owned()),
    };
    let vat_details = classes
        .iter()
        .map(|c| VatCodeDetail {
            vat_code: vat_codes.id(*c),
            date_of_entry: from_text.clone(),
            vat_desc: Some(class_name(of.vat, *c)),
            standard_vat_code: c.1.to_string(),
        })
        .collect();
    let periods = months
        .iter()
        .map(|(n, s, e)| SaftPeriod {
            number: *n,
            desc: Some(format!(
                "{} {}",
                MONTHS[chrono::Datelike::month0(s) as usize],
                chrono::Datelike::year(s)
            )),
            start_date: s.to_string(),
            start_time: "00:00:00".to_owned(),
            end_date: e.to_string(),
            end_time: "23:59:59".to_owned(),
        })
        .collect();
    let (created_date, created_time) = local(zone, now_ms)?;
    let training_receipts = transactions.iter().filter(|t| t.training).count();
    let summary_events = out_events.len();
    let file = AuditFile {
        header: Header {
            fiscal_year: if period.from.year == period.to.year {
                period.from.year.to_string()
            } else {
                format!("{}-{}", period.from.year, period.to.year)
            },
            start_date: from_text.clone(),
            end_date: to_text.clone(),
            cur_code: of.currency.code().to_owned(),
            date_created: created_date,
            time_created: created_time,
            software_desc: SOFTWARE.to_owned(),
            software_version: of.software_version.to_owned(),
            software_company_name: SOFTWARE_COMPANY.to_owned(),
            auditfile_version: AUDITFILE_VERSION.to_owned(),
            header_comment: Some(format!(
                "Till {till} ({}): every receipt, journal event and Z report from {from_text} to {to_text}. Training receipts are in their own series, numbered {}n, with trainingID true.",
                merchant.till_name,
                no::TRAINING_PREFIX
            )),
            user_id: journal.employee().map(str::to_owned),
        },
        company: Company {
            ident: merchant.org_number.digits.clone(),
            name: merchant.legal_name.clone(),
            tax_registration_country: Some(merchant.country.code().to_owned()),
            tax_reg_ident: merchant
                .org_number
                .vat_registered
                .then(|| merchant.org_number.vat_number()),
            street_address: Some(address.clone()),
            postal_address: Some(address.clone()),
            vat_codes: vat_details,
            periods,
            employees,
            articles,
            basics,
            locations: vec![Location {
                name: Some(merchant.till_name.clone()),
                street_address: Some(address),
                registers: vec![CashRegister {
                    id: till,
                    desc: Some(format!("Kassa till \"{}\"", merchant.till_name)),
                    events: out_events,
                    transactions,
                }],
            }],
        },
    };
    let summary = ExportSummary {
        file_name: file.file_name(),
        from: from_text,
        to: to_text,
        receipts: exported,
        training_receipts,
        events: summary_events,
        z_reports: zs.len(),
        unsigned,
        bytes: 0,
    };
    Ok((file, summary))
}

/// The receipt an event of the electronic journal concerns, by number in its series.
fn event_receipt(e: &JournalEventRecord) -> Option<i64> {
    e.receipt
}

/// A Z report as the schema has it, from the journal's Z and the receipts it covers.
fn z_report<'a>(
    z: &ZReport,
    item_of: &dyn Fn(bool, i64) -> Option<&'a Item>,
    copy_events: &[JournalEventRecord],
    vat_codes: &VatCodes,
    zone: &dyn WallClock,
) -> Result<Report> {
    let t = &z.totals;
    let training = t.series.is_training();
    let (date, time) = local(zone, z.closed_at_ms)?;
    let covered: Vec<&Item> = match (t.first_receipt, t.last_receipt) {
        (Some(first), Some(last)) => (first..=last)
            .filter_map(|n| item_of(training, n))
            .collect(),
        _ => Vec::new(),
    };
    let mut report = Report::new(
        format!(
            "{}{}",
            if training { no::TRAINING_PREFIX } else { "" },
            z.number
        ),
        ReportKind::Z,
        date,
        time,
    );
    if training {
        // All of a training Z is training: none of it in the sales figures.
        report.training_num = t.sales.count + t.returns.count;
        report.training_minor = t.sales.amount.minor - t.returns.amount.minor;
        return Ok(report);
    }
    report.total_cash_sale_minor = t.sales.amount.minor - t.returns.amount.minor;
    // Sales per article group, all and per employee.
    let mut groups: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut emp_groups: BTreeMap<(String, String), (i64, i64)> = BTreeMap::new();
    let mut emp_pay: BTreeMap<(String, String), (u64, i64)> = BTreeMap::new();
    for it in &covered {
        for l in it.split_lines() {
            let g = group_id(l.class);
            let e = groups.entry(g.clone()).or_default();
            e.0 += l.qnt;
            e.1 += l.gross;
            if let Some(emp) = &it.receipt.employee {
                let e = emp_groups.entry((emp.clone(), g)).or_default();
                e.0 += l.qnt;
                e.1 += l.gross;
            }
        }
        if let Some(emp) = &it.receipt.employee {
            let p = payment_type(it.receipt.tender).basic_id().to_owned();
            let e = emp_pay.entry((emp.clone(), p)).or_default();
            e.0 += 1;
            e.1 += it.gross();
        }
    }
    report.art_groups = groups
        .into_iter()
        .map(|(group_id, (num, amount_minor))| GroupTotal {
            emp_id: None,
            group_id,
            num,
            amount_minor,
        })
        .collect();
    report.emp_art_groups = emp_groups
        .into_iter()
        .map(|((emp, group_id), (num, amount_minor))| GroupTotal {
            emp_id: Some(emp),
            group_id,
            num,
            amount_minor,
        })
        .collect();
    report.payments = t
        .by_tender
        .iter()
        .map(|p| PaymentTotal {
            emp_id: None,
            payment_type: payment_type(p.tender).basic_id().to_owned(),
            num: p.count,
            amount_minor: p.amount.minor,
        })
        .collect();
    report.emp_payments = emp_pay
        .into_iter()
        .map(|((emp, payment_type), (num, amount_minor))| PaymentTotal {
            emp_id: Some(emp),
            payment_type,
            num,
            amount_minor,
        })
        .collect();
    report.cash_sales_vat = t
        .vat
        .iter()
        .map(|v| VatTotal {
            vat_code: v.bp.zip(v.saft_code).map(|c| vat_codes.id(c)),
            rate_bp: v.bp.unwrap_or(0),
            base_minor: v.net.minor,
            vat_minor: v.vat.minor,
        })
        .collect();
    report.receipt_num = t.sales.count;
    report.receipt_copy_num = t.copies;
    report.receipt_copy_minor = copy_events
        .iter()
        .filter(|e| {
            !e.training && t.from_ms.is_none_or(|from| e.at_ms >= from) && e.at_ms <= t.to_ms
        })
        .filter_map(|e| event_receipt(e).and_then(|n| item_of(false, n)))
        .map(|it| it.gross())
        .sum();
    report.return_num = t.returns.count;
    report.return_minor = t.returns.amount.minor;
    report.void_trans_num = t.cancelled;
    report.void_trans_minor = t.cancelled_amount.minor;
    report.training_num = t.training.count + t.training_returns.count;
    report.training_minor = t.training.amount.minor - t.training_returns.amount.minor;
    report.grand_total_sales_minor = t.grand.sales.minor;
    report.grand_total_return_minor = t.grand.returns.minor;
    report.grand_total_sales_net_minor = t.grand.net.minor;
    Ok(report)
}

#[cfg(test)]
mod tests;
