//! The bookkeeping CSV of a period: one row per receipt per VAT rate, then a totals row per
//! rate, for the accountant's spreadsheet or import.
//!
//! ```text
//! date;time;receipt;kind;tender;vat_rate;saft_code;net;vat;gross;currency;payment_id
//! 2026-03-02;14:05:09;1042;sale;bank;25.00;3;79.20;19.80;99.00;NOK;pay-7f3a
//! 2026-03-02;14:05:09;1042;sale;bank;15.00;31;98.61;14.79;113.40;NOK;pay-7f3a
//! 2026-03-02;15:30:00;1043;return;cash;25.00;3;-79.20;-19.80;-99.00;NOK;
//! ;;;total;;25.00;3;0.00;0.00;0.00;NOK;
//! ;;;total;;15.00;31;98.61;14.79;113.40;NOK;
//! ```
//!
//! * Separated by `;` (what Nordic spreadsheets expect when `,` is the decimal comma), one
//!   header line, lines ending in `\n`.
//! * Amounts are plain decimal numbers with a `.` (`-19.80`), written from integer minor
//!   units ([`Money::decimal`]), never through a float; a return's amounts are negative.
//! * `vat_rate` is the rate in percent with two decimals (`25.00`, `13.50`); `vat_rate` and
//!   `saft_code` are empty for a sale that had no VAT recorded (a plain amount of an older
//!   journal).
//! * `payment_id` is the bank's payment id for pay by bank (and a bank refund), else empty.
//! * After the receipts, one `total` row per rate and currency (highest rate first, no rate
//!   last): the sums of the rows above.
//! * A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or
//!   a carriage return; OWASP "CSV Injection") gets a leading `'`, except a plain number,
//!   as `kassa export` does; a cell holding `;`, `"` or a line break is quoted.

use std::fmt::Write as _;

use kassa_money::{Currency, Money};

use crate::receipt::LocalDateTime;

/// A sale or a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookKind {
    Sale,
    Return,
}

impl BookKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BookKind::Sale => "sale",
            BookKind::Return => "return",
        }
    }
}

/// How it was paid (a sale) or paid back (a return).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookTender {
    Bank,
    Cash,
    Card,
}

impl BookTender {
    pub fn as_str(self) -> &'static str {
        match self {
            BookTender::Bank => "bank",
            BookTender::Cash => "cash",
            BookTender::Card => "card",
        }
    }
}

/// One receipt's figures at one VAT rate. Amounts signed as the books take them: a sale's
/// positive, a return's negative; `net + vat == gross`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookRow {
    /// The receipt's local date and time.
    pub at: LocalDateTime,
    pub number: u64,
    pub kind: BookKind,
    pub tender: BookTender,
    /// The rate in basis points (2500 = 25 %); `None`: no VAT recorded.
    pub vat_bp: Option<u32>,
    /// The SAF-T standard VAT code; `None` with `vat_bp`.
    pub saft_code: Option<u8>,
    pub net: Money,
    pub vat: Money,
    pub gross: Money,
    /// The bank's payment id, for pay by bank.
    pub payment_id: Option<String>,
}

pub const HEADER: &str =
    "date;time;receipt;kind;tender;vat_rate;saft_code;net;vat;gross;currency;payment_id";

/// The CSV of `rows` (in the order given, usually by time) with the totals rows after them.
pub fn to_csv(rows: &[BookRow]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 2));
    out.push_str(HEADER);
    out.push('\n');
    // (bp, code, currency) → (net, vat, gross), in i128 so no sum overflows.
    type Key = (Option<u32>, Option<u8>, Currency);
    let mut totals: Vec<(Key, [i128; 3])> = Vec::new();
    for r in rows {
        let iso = r.at.iso();
        let (date, time) = (&iso[..10], &iso[11..19]);
        let cells = [
            date.to_owned(),
            time.to_owned(),
            r.number.to_string(),
            r.kind.as_str().to_owned(),
            r.tender.as_str().to_owned(),
            rate(r.vat_bp),
            r.saft_code.map(|c| c.to_string()).unwrap_or_default(),
            r.net.decimal(),
            r.vat.decimal(),
            r.gross.decimal(),
            r.gross.currency.code().to_owned(),
            r.payment_id.clone().unwrap_or_default(),
        ];
        line(&mut out, &cells);
        let key = (r.vat_bp, r.saft_code, r.gross.currency);
        let add = [r.net.minor, r.vat.minor, r.gross.minor].map(i128::from);
        match totals.iter_mut().find(|(k, _)| *k == key) {
            Some((_, t)) => {
                for (t, a) in t.iter_mut().zip(add) {
                    *t += a;
                }
            }
            None => totals.push((key, add)),
        }
    }
    // Highest rate first, no rate last; then by code and currency.
    totals.sort_by(|(a, _), (b, _)| {
        b.0.cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.code().cmp(b.2.code()))
    });
    for ((bp, code, currency), [net, vat, gross]) in totals {
        let cells = [
            String::new(),
            String::new(),
            String::new(),
            "total".to_owned(),
            String::new(),
            rate(bp),
            code.map(|c| c.to_string()).unwrap_or_default(),
            decimal(net, currency),
            decimal(vat, currency),
            decimal(gross, currency),
            currency.code().to_owned(),
            String::new(),
        ];
        line(&mut out, &cells);
    }
    out
}

fn line(out: &mut String, cells: &[String]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(&cell(c));
    }
    out.push('\n');
}

/// Basis points as a percentage with two decimals: 2500 → `25.00`, 1350 → `13.50`.
fn rate(bp: Option<u32>) -> String {
    bp.map(|bp| format!("{}.{:02}", bp / 100, bp % 100))
        .unwrap_or_default()
}

/// An `i128` sum of minor units as a decimal, like [`Money::decimal`].
fn decimal(minor: i128, currency: Currency) -> String {
    let per = u128::from(currency.minor_per_major().unsigned_abs());
    let width = currency.exponent() as usize;
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let mut s = String::new();
    let _ = write!(s, "{sign}{}.{:0width$}", abs / per, abs % per);
    s
}

/// One cell of this file (`;`-separated): see [`csv_cell`].
fn cell(cell: &str) -> String {
    csv_cell(cell, ';')
}

/// One CSV cell for a file separated by `separator` (RFC 4180 quoting). A cell a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return; OWASP "CSV Injection") gets a leading `'` so it reads as text, except a plain
/// number (Kassa's own amounts, which may be negative): a reference typed at the till like
/// `=HYPERLINK(…)` never runs. Quoted when it holds the separator, a quote or a line break.
pub fn csv_cell(cell: &str, separator: char) -> String {
    let plain_number = {
        let digits = cell.strip_prefix('-').unwrap_or(cell);
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.chars().filter(|c| *c == '.').count() <= 1
            && digits.starts_with(|c: char| c.is_ascii_digit())
    };
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if cell.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vat::Day;

    fn nok(minor: i64) -> Money {
        Money::new(minor, Currency::Nok)
    }

    fn at(h: u8, m: u8) -> LocalDateTime {
        LocalDateTime::new(Day::new(2026, 3, 2), h, m, 9, 60).unwrap_or_else(|e| panic!("{e}"))
    }

    fn row(number: u64, kind: BookKind, bp: Option<u32>, net: i64, vat: i64) -> BookRow {
        BookRow {
            at: at(14, 5),
            number,
            kind,
            tender: BookTender::Bank,
            vat_bp: bp,
            saft_code: bp.map(|bp| if bp == 2500 { 3 } else { 31 }),
            net: nok(net),
            vat: nok(vat),
            gross: nok(net + vat),
            payment_id: Some("pay-7f3a".into()),
        }
    }

    #[test]
    fn one_row_per_receipt_per_rate_then_totals_per_rate() {
        let rows = [
            row(1042, BookKind::Sale, Some(2500), 7920, 1980),
            row(1042, BookKind::Sale, Some(1500), 9861, 1479),
            BookRow {
                at: at(15, 30),
                tender: BookTender::Cash,
                payment_id: None,
                ..row(1043, BookKind::Return, Some(2500), -7920, -1980)
            },
            BookRow {
                tender: BookTender::Card,
                payment_id: None,
                ..row(7, BookKind::Sale, None, 5000, 0)
            },
        ];
        let csv = to_csv(&rows);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(
            lines[1],
            "2026-03-02;14:05:09;1042;sale;bank;25.00;3;79.20;19.80;99.00;NOK;pay-7f3a"
        );
        assert_eq!(
            lines[2],
            "2026-03-02;14:05:09;1042;sale;bank;15.00;31;98.61;14.79;113.40;NOK;pay-7f3a"
        );
        assert_eq!(
            lines[3],
            "2026-03-02;15:30:09;1043;return;cash;25.00;3;-79.20;-19.80;-99.00;NOK;"
        );
        assert_eq!(
            lines[4],
            "2026-03-02;14:05:09;7;sale;card;;;50.00;0.00;50.00;NOK;"
        );
        assert_eq!(lines[5], ";;;total;;25.00;3;0.00;0.00;0.00;NOK;");
        assert_eq!(lines[6], ";;;total;;15.00;31;98.61;14.79;113.40;NOK;");
        assert_eq!(lines[7], ";;;total;;;;50.00;0.00;50.00;NOK;");
        assert_eq!(lines.len(), 8);
        assert!(csv.ends_with('\n'));
    }

    #[test]
    fn an_empty_period_is_the_header_alone() {
        assert_eq!(to_csv(&[]), format!("{HEADER}\n"));
    }

    #[test]
    fn totals_do_not_overflow_and_keep_every_minor_unit() {
        let big = BookRow {
            net: nok(i64::MAX),
            vat: nok(0),
            gross: nok(i64::MAX),
            ..row(1, BookKind::Sale, Some(2500), 0, 0)
        };
        let csv = to_csv(&[big.clone(), big]);
        let total = csv.lines().last().unwrap_or_default();
        // 2 × 9 223 372 036 854 775 807 øre.
        assert!(
            total.contains(";184467440737095516.14;0.00;184467440737095516.14;"),
            "{total}"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text() {
        let evil = BookRow {
            payment_id: Some("=HYPERLINK(\"http://evil.example\";\"Pay\")".into()),
            ..row(1, BookKind::Sale, Some(2500), 80, 20)
        };
        let csv = to_csv(&[evil]);
        let line = csv.lines().nth(1).unwrap_or_default();
        assert!(
            line.ends_with(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Pay\"\")\""),
            "{line}"
        );
        for (c, out) in [
            ("+1+1", "'+1+1"),
            ("-1+cmd", "'-1+cmd"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a;b", "\"a;b\""),
            ("-12.50", "-12.50"),
            ("12.50", "12.50"),
        ] {
            assert_eq!(cell(c), out, "{c:?}");
        }
    }

    #[test]
    fn rates_and_decimals_are_plain_numbers() {
        assert_eq!(rate(Some(2550)), "25.50");
        assert_eq!(rate(Some(1350)), "13.50");
        assert_eq!(rate(Some(0)), "0.00");
        assert_eq!(rate(None), "");
        assert_eq!(decimal(-5, Currency::Eur), "-0.05");
        assert_eq!(decimal(123456, Currency::Sek), "1234.56");
    }
}
