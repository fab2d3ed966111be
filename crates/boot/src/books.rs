//! The books both hosts keep through one code path (issue 11): a sale found by its id, its
//! receipt number or its payment id; a return (all that is left, an amount, or chosen
//! lines) refunded by the sale's own tender, pay by bank as a bank transfer to make; a
//! receipt printed again as a numbered COPY; the bank transfers still to make and their
//! marking as sent; the X and Z reports as a [`kassa_shop::ReportView`]; the bookkeeping CSV
//! of a period.
//!
//! Every function takes the journal it works on (`&Journal` to read, `&mut Journal` to
//! write): the window passes its counter's, the CLI one it opened (read-only for a look,
//! or owned with [`kassa_journal::OwnerLock`] for a write). Time is passed in (`at_ms`,
//! `now_ms`), and so is the local UTC offset of a moment (`offset`): no clock is read here.
//!
//! What a return gives back is [`kassa_shop::returns`] (pure, property-tested): the amount
//! split over the sale's VAT groups by the largest remainder, never more than what is left.

use kassa_journal::{Backend, Journal, JournalError};
use kassa_shop::{Day, Line, ReturnError, SaftCode, VatClass};

/// Why a books request did not go through. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum BooksError {
    #[error("no sale, receipt number or payment id matches \"{0}\"")]
    NoSuchSale(String),
    #[error("sale {sale_id} is not paid: there is nothing to return")]
    NotPaid { sale_id: String },
    #[error("give the reason for the return")]
    NoReason,
    #[error(
        "sale {sale_id} was written as a plain amount without VAT lines (by an older Kassa): return it by hand and note it"
    )]
    NoVatLines { sale_id: String },
    #[error("say how the transfer was made (a note for the books)")]
    NoNote,
    #[error("{0} is not a day of the calendar: write it as YYYY-MM-DD")]
    BadDay(String),
    #[error("the period ends before it starts: --to must be on or after --from")]
    BadPeriod,
    #[error("sale {sale_id} has no receipt: it was paid before receipts were written")]
    NoReceipt { sale_id: String },
    #[error(transparent)]
    Return(#[from] ReturnError),
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl BooksError {
    /// A request the cashier or merchant must change (rather than a journal that failed).
    pub fn is_usage(&self) -> bool {
        !matches!(
            self,
            BooksError::Journal(
                JournalError::DiskFull(_)
                    | JournalError::ReadOnly(_)
                    | JournalError::Corrupt(_)
                    | JournalError::Sqlite(_)
                    | JournalError::Io { .. }
                    | JournalError::InUse { .. }
                    | JournalError::SchemaTooNew { .. }
                    | JournalError::SchemaTooOld { .. }
            )
        )
    }
}

pub type Result<T> = std::result::Result<T, BooksError>;

/// The sale `key` names on `series`: a sale id; a receipt number of the till's series
/// (`#1042` or `1042`; a return's number finds the sale it returned); or the bank's
/// payment id of a pay-by-bank sale.
pub fn find_sale(journal: &Journal, series: Backend, key: &str) -> Result<String> {
    let key = key.trim();
    let missing = || BooksError::NoSuchSale(key.to_owned());
    if key.is_empty() {
        return Err(missing());
    }
    if let Some(s) = journal.sale(key)? {
        return Ok(s.id);
    }
    let digits = key.strip_prefix('#').unwrap_or(key);
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(number) = digits.parse::<i64>()
    {
        let till = journal.till_id()?;
        if let Some(r) = journal.receipt_by_number(&till, series, number)? {
            return Ok(r.sale_id);
        }
        if key.starts_with('#') {
            return Err(missing());
        }
    }
    sale_of_payment(journal, series, key)?.ok_or_else(missing)
}

/// The sale of `series` that the bank's payment `payment_id` paid.
fn sale_of_payment(journal: &Journal, series: Backend, payment_id: &str) -> Result<Option<String>> {
    // Every sale of the series: a look-up at the cashier's pace (an index of payment ids is
    // the journal's to add when a till holds millions of sales).
    Ok(journal
        .all_sales(series)?
        .into_iter()
        .find(|s| s.paid_payment_id.as_deref() == Some(payment_id))
        .map(|s| s.id))
}

/// A sale's lines as the shop computes with them. A line without VAT (a plain amount of an
/// older journal) is [`BooksError::NoVatLines`].
pub fn shop_lines(journal: &Journal, sale_id: &str) -> Result<Vec<Line>> {
    journal
        .lines_of_sale(sale_id)?
        .into_iter()
        .map(|l| {
            let vat = l.vat.ok_or_else(|| BooksError::NoVatLines {
                sale_id: sale_id.to_owned(),
            })?;
            Ok(Line {
                text: l.text,
                unit_gross: l.unit_gross,
                quantity: l.quantity,
                vat: class(vat.bp, vat.saft_code)?,
            })
        })
        .collect()
}

fn class(bp: u32, code: u8) -> Result<VatClass> {
    let code = SaftCode::new(code)
        .map_err(|e| JournalError::Corrupt(format!("a line's SAF-T code: {e}")))?;
    Ok(VatClass { bp, code })
}

/// The local UTC offset (minutes east) in force at `unix_ms`, from the system's time zone.
pub fn local_offset_minutes(unix_ms: i64) -> i16 {
    use chrono::{Local, Offset, TimeZone};
    match Local.timestamp_millis_opt(unix_ms) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            i16::try_from(t.offset().fix().local_minus_utc() / 60).unwrap_or(0)
        }
        chrono::LocalResult::None => 0,
    }
}

/// `[start of from, start of the day after to)` in local time, as Unix milliseconds: the
/// period `--from 2026-03-01 --to 2026-03-31` covers both days whole. Refused when `to` is
/// before `from` or a day does not exist.
pub fn local_days(from: Day, to: Day) -> Result<(i64, i64)> {
    use chrono::{Local, NaiveDate, TimeZone};
    let date = |d: Day| {
        NaiveDate::from_ymd_opt(d.year, u32::from(d.month), u32::from(d.day)).ok_or(
            BooksError::BadDay(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        )
    };
    let (f, t) = (date(from)?, date(to)?);
    if t < f {
        return Err(BooksError::BadPeriod);
    }
    let start = |d: NaiveDate| -> Result<i64> {
        let midnight = d
            .and_hms_opt(0, 0, 0)
            .ok_or_else(|| BooksError::BadDay(d.to_string()))?;
        match Local.from_local_datetime(&midnight) {
            chrono::LocalResult::Single(x) | chrono::LocalResult::Ambiguous(x, _) => {
                Ok(x.timestamp_millis())
            }
            // Midnight skipped by a clock change: the first moment of the day is an hour on.
            chrono::LocalResult::None => Ok(Local
                .from_local_datetime(&(midnight + chrono::Duration::hours(1)))
                .earliest()
                .map(|x| x.timestamp_millis())
                .unwrap_or_default()),
        }
    };
    let next = t
        .succ_opt()
        .ok_or_else(|| BooksError::BadDay(t.to_string()))?;
    Ok((start(f)?, start(next)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kassa_journal::{NewLine, NewSale, SaleState, Tender};
    use kassa_money::{Currency, Money};

    fn nok(minor: i64) -> Money {
        Money::new(minor, Currency::Nok)
    }

    /// Sale s1: two lines (25 % and 15 %), paid by bank with payment p1, receipt 1;
    /// sale s2: open.
    fn journal() -> Journal {
        let mut j = Journal::open_in_memory().unwrap();
        let lines = [
            NewLine {
                text: "Batterier",
                quantity: 1,
                unit_gross: nok(9900),
                vat_bp: 2500,
                saft_code: 3,
            },
            NewLine {
                text: "Melk",
                quantity: 3,
                unit_gross: nok(2450),
                vat_bp: 1500,
                saft_code: 31,
            },
        ];
        let sale = |id| NewSale {
            id,
            amount: nok(9900 + 3 * 2450),
            reference: Some("Order7"),
            at_ms: 1_000,
            backend: Backend::Live,
        };
        j.insert_sale_with_lines(&sale("s1"), &lines).unwrap();
        let a = j.begin_attempt("s1", "Order7", 1_001).unwrap();
        j.attempt_created(a.id, "p1", "https://bank.test/x", 1_002, 61_002)
            .unwrap();
        j.record_status(a.id, "Executed", true, 2_000).unwrap();
        j.end_sale_with_receipt("s1", Tender::Bank, Some("p1"), 2_001, "paid")
            .unwrap();
        j.insert_sale_with_lines(&sale("s2"), &lines).unwrap();
        assert_eq!(j.sale("s1").unwrap().unwrap().state, SaleState::Paid);
        j
    }

    #[test]
    fn a_sale_is_found_by_id_receipt_number_or_payment_id() {
        let j = journal();
        for key in ["s1", "#1", "1", " #1 ", "p1"] {
            assert_eq!(find_sale(&j, Backend::Live, key).unwrap(), "s1", "{key:?}");
        }
        // The training series has no receipt 1.
        assert!(matches!(
            find_sale(&j, Backend::Sandbox, "#1"),
            Err(BooksError::NoSuchSale(_))
        ));
        for key in ["#2", "p9", "", "#"] {
            let e = find_sale(&j, Backend::Live, key).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "no sale, receipt number or payment id matches \"{}\"",
                    key.trim()
                )
            );
            assert!(e.is_usage());
        }
    }

    #[test]
    fn a_sales_lines_read_as_the_shop_computes_with_them() {
        let j = journal();
        let lines = shop_lines(&j, "s1").unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[1].text.as_str(), lines[1].quantity, lines[1].vat.bp),
            ("Melk", 3, 1500)
        );
        assert_eq!(lines[1].vat.code, SaftCode::MIDDLE);
        let total = kassa_shop::Breakdown::of(&lines).unwrap().total;
        assert_eq!(total, nok(17250));
    }

    #[test]
    fn a_plain_amount_sale_has_no_vat_lines_to_return_from() {
        let mut j = Journal::open_in_memory().unwrap();
        j.insert_sale(&NewSale {
            id: "old",
            amount: nok(500),
            reference: None,
            at_ms: 1,
            backend: Backend::Live,
        })
        .unwrap();
        let e = shop_lines(&j, "old").unwrap_err();
        assert!(matches!(e, BooksError::NoVatLines { .. }), "{e}");
    }

    #[test]
    fn a_period_of_days_is_whole_local_days() {
        let (from, to) = local_days(Day::new(2026, 3, 1), Day::new(2026, 3, 31)).unwrap();
        // 31 days of 24 h, give or take a clock change of an hour.
        let hours = (to - from) / 3_600_000;
        assert!((743..=745).contains(&hours), "{hours}");
        let (a, b) = local_days(Day::new(2026, 3, 2), Day::new(2026, 3, 2)).unwrap();
        assert!(b > a);
        assert_eq!(
            local_days(Day::new(2026, 3, 2), Day::new(2026, 3, 1))
                .unwrap_err()
                .to_string(),
            "the period ends before it starts: --to must be on or after --from"
        );
        assert_eq!(
            local_days(Day::new(2026, 2, 30), Day::new(2026, 3, 1))
                .unwrap_err()
                .to_string(),
            "2026-02-30 is not a day of the calendar: write it as YYYY-MM-DD"
        );
    }
}
