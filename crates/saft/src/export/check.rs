//! What would make an audit file fail the schema, found before it is written: lengths,
//! dates and times, codes, and the schema's keys (every `eventType` and `lineType` a basic,
//! every `empID` an employee, every `artID` an article, each id once).

use std::collections::HashSet;
use std::fmt;

use super::xml::is_xml_char;
use super::{Address, AuditFile, CashTransaction, Event, Report};
use crate::no;

/// One thing wrong with the file: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// e.g. `receipt 12, line 2`.
    pub at: String,
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.what)
    }
}

/// The file cannot be exported as it is; every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ExportError(pub Vec<Problem>);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the SAF-T file would not pass the tax office's schema ({} problem{}): ",
            self.0.len(),
            if self.0.len() == 1 { "" } else { "s" }
        )?;
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

struct C {
    problems: Vec<Problem>,
}

impl C {
    fn push(&mut self, at: &str, what: String) {
        self.problems.push(Problem {
            at: at.to_owned(),
            what,
        });
    }

    /// Text of at most `max` characters that XML can hold.
    fn text(&mut self, at: &str, field: &str, value: &str, max: usize) {
        let n = value.chars().count();
        if n > max {
            self.push(
                at,
                format!("the {field} is {n} characters long; the format takes at most {max}"),
            );
        }
        if let Some(c) = value.chars().find(|c| !is_xml_char(*c)) {
            self.push(
                at,
                format!(
                    "the {field} holds a control character (U+{:04X})",
                    u32::from(c)
                ),
            );
        }
    }

    /// Required text: not empty, at most `max`.
    fn required(&mut self, at: &str, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.push(at, format!("the {field} is empty"));
        }
        self.text(at, field, value, max);
    }

    fn opt(&mut self, at: &str, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            self.text(at, field, v, max);
        }
    }

    fn date(&mut self, at: &str, field: &str, value: &str) {
        if !is_date(value) {
            self.push(
                at,
                format!("the {field} {value:?} is not a date like 2026-03-02"),
            );
        }
    }

    fn time(&mut self, at: &str, field: &str, value: &str) {
        if !is_time(value) {
            self.push(
                at,
                format!("the {field} {value:?} is not a time like 14:05:09"),
            );
        }
    }

    fn country(&mut self, at: &str, value: &str) {
        if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
            self.push(
                at,
                format!("the country {value:?} is not a two-letter code like NO"),
            );
        }
    }

    fn three_digits(&mut self, at: &str, field: &str, n: u16) {
        if n > 999 {
            self.push(
                at,
                format!("the {field} is {n}; the format takes at most 999"),
            );
        }
    }

    fn rate(&mut self, at: &str, bp: u32) {
        // Decimal8: at most 8 digits, of which 2 after the point here.
        if bp >= 100_000_000 {
            self.push(at, format!("the VAT rate {bp} basis points is not a rate"));
        }
    }
}

/// A real calendar day `YYYY-MM-DD`.
pub(crate) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

/// `hh:mm:ss`, 00:00:00 to 23:59:59.
pub(crate) fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return false;
    }
    let two = |i: usize| -> Option<u32> {
        (b[i].is_ascii_digit() && b[i + 1].is_ascii_digit())
            .then(|| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0'))
    };
    matches!((two(0), two(3), two(6)), (Some(h), Some(m), Some(s)) if h < 24 && m < 60 && s < 60)
}

pub(super) fn check(file: &AuditFile) -> Result<(), ExportError> {
    let mut c = C {
        problems: Vec::new(),
    };
    let h = &file.header;
    let at = "header";
    c.required(at, "fiscal year", &h.fiscal_year, 9);
    c.date(at, "start date", &h.start_date);
    c.date(at, "end date", &h.end_date);
    if is_date(&h.start_date) && is_date(&h.end_date) && h.end_date < h.start_date {
        c.push(
            at,
            format!(
                "the period ends ({}) before it starts ({})",
                h.end_date, h.start_date
            ),
        );
    }
    if h.cur_code.len() != 3 || !h.cur_code.bytes().all(|b| b.is_ascii_uppercase()) {
        c.push(
            at,
            format!(
                "the currency {:?} is not a three-letter code like NOK",
                h.cur_code
            ),
        );
    }
    c.date(at, "creation date", &h.date_created);
    c.time(at, "creation time", &h.time_created);
    c.required(at, "software name", &h.software_desc, 100);
    c.required(at, "software version", &h.software_version, 20);
    c.required(at, "software company", &h.software_company_name, 100);
    c.required(at, "audit file version", &h.auditfile_version, 35);
    c.opt(at, "comment", h.header_comment.as_deref(), 999);
    c.opt(at, "user id", h.user_id.as_deref(), 35);

    let co = &file.company;
    let at = "company";
    c.required(at, "organisation number", &co.ident, 35);
    c.required(at, "company name", &co.name, 100);
    if let Some(country) = &co.tax_registration_country {
        c.country(at, country);
    }
    c.opt(at, "VAT registration", co.tax_reg_ident.as_deref(), 50);
    if let Some(a) = &co.street_address {
        address(&mut c, "company street address", a, false);
    }
    if let Some(a) = &co.postal_address {
        address(&mut c, "company postal address", a, true);
    }
    for v in &co.vat_codes {
        let at = format!("VAT code {}", v.vat_code);
        c.required(&at, "VAT code", &v.vat_code, 20);
        c.date(&at, "date of entry", &v.date_of_entry);
        c.opt(&at, "description", v.vat_desc.as_deref(), 100);
        if !no::is_standard_vat_code(&v.standard_vat_code) {
            c.push(
                &at,
                format!(
                    "{:?} is not one of the tax office's standard VAT codes",
                    v.standard_vat_code
                ),
            );
        }
    }
    let vat_codes: HashSet<&str> = co.vat_codes.iter().map(|v| v.vat_code.as_str()).collect();
    for p in &co.periods {
        let at = format!("period {}", p.number);
        c.three_digits(&at, "period number", p.number);
        c.opt(&at, "description", p.desc.as_deref(), 50);
        c.date(&at, "start date", &p.start_date);
        c.time(&at, "start time", &p.start_time);
        c.date(&at, "end date", &p.end_date);
        c.time(&at, "end time", &p.end_time);
    }
    let periods: HashSet<u16> = co.periods.iter().map(|p| p.number).collect();

    let mut employees = HashSet::new();
    for e in &co.employees {
        let at = format!("employee {}", e.id);
        c.required(&at, "employee id", &e.id, 35);
        if !employees.insert(e.id.as_str()) {
            c.push(&at, "the employee id is given twice".to_owned());
        }
        c.date(&at, "date of entry", &e.date_of_entry);
        c.time(&at, "time of entry", &e.time_of_entry);
        c.opt(&at, "first name", e.first_name.as_deref(), 50);
        c.required(&at, "name", &e.sur_name, 100);
        for r in &e.roles {
            c.required(&at, "role", &r.role_type, 50);
            c.opt(&at, "role description", r.desc.as_deref(), 100);
        }
    }
    let mut articles = HashSet::new();
    for a in &co.articles {
        let at = format!("article {}", a.id);
        c.required(&at, "article id", &a.id, 35);
        if !articles.insert(a.id.as_str()) {
            c.push(&at, "the article id is given twice".to_owned());
        }
        c.date(&at, "date of entry", &a.date_of_entry);
        c.opt(&at, "article group", a.group_id.as_deref(), 35);
        c.required(&at, "description", &a.desc, 999);
    }
    let mut basics = HashSet::new();
    for b in &co.basics {
        let at = format!("basic {}", b.id);
        c.required(&at, "basic type", &b.basic_type, 9);
        c.required(&at, "basic id", &b.id, 35);
        if !basics.insert(b.id.as_str()) {
            c.push(&at, "the basic id is given twice".to_owned());
        }
        c.opt(&at, "predefined code", b.predefined.as_deref(), 9);
        c.required(&at, "description", &b.desc, 999);
    }
    let known = Known {
        employees,
        articles,
        basics,
        vat_codes,
        periods,
    };

    let mut reports = HashSet::new();
    for l in &co.locations {
        let name = l.name.as_deref().unwrap_or("the location");
        c.opt(name, "location name", l.name.as_deref(), 100);
        if let Some(a) = &l.street_address {
            address(&mut c, &format!("{name}'s address"), a, false);
        }
        for r in &l.registers {
            let at = format!("till {}", r.id);
            c.required(&at, "till id", &r.id, 100);
            c.opt(&at, "till description", r.desc.as_deref(), 999);
            for e in &r.events {
                event(&mut c, &known, &mut reports, e);
            }
            let mut trans = HashSet::new();
            for t in &r.transactions {
                if !trans.insert(t.trans_id.as_str()) {
                    c.push(
                        &format!("receipt {}", t.nr),
                        "the transaction id is given twice in one till".to_owned(),
                    );
                }
                transaction(&mut c, &known, t);
            }
        }
    }
    if c.problems.is_empty() {
        Ok(())
    } else {
        Err(ExportError(c.problems))
    }
}

struct Known<'a> {
    employees: HashSet<&'a str>,
    articles: HashSet<&'a str>,
    basics: HashSet<&'a str>,
    vat_codes: HashSet<&'a str>,
    periods: HashSet<u16>,
}

impl Known<'_> {
    fn employee(&self, c: &mut C, at: &str, id: Option<&str>) {
        if let Some(id) = id.filter(|id| !self.employees.contains(id)) {
            c.push(at, format!("employee {id:?} is not among the employees"));
        }
    }

    fn basic(&self, c: &mut C, at: &str, field: &str, id: &str) {
        if !self.basics.contains(id) {
            c.push(at, format!("the {field} {id:?} is not among the basics"));
        }
    }

    fn vat_code(&self, c: &mut C, at: &str, code: &str) {
        if !self.vat_codes.contains(code) {
            c.push(at, format!("VAT code {code:?} is not among the VAT codes"));
        }
    }
}

fn address(c: &mut C, at: &str, a: &Address, postal: bool) {
    c.opt(at, "street", a.streetname.as_deref(), 100);
    c.opt(at, "house number", a.number.as_deref(), 20);
    c.opt(at, "address details", a.additional.as_deref(), 100);
    c.opt(at, "city", a.city.as_deref(), 50);
    c.opt(at, "postal code", a.postal_code.as_deref(), 20);
    c.opt(at, "region", a.region.as_deref(), 50);
    if let Some(country) = &a.country {
        c.country(at, country);
    }
    if postal && (a.city.is_none() || a.postal_code.is_none()) {
        c.push(
            at,
            "a postal address needs its city and postal code".to_owned(),
        );
    }
}

fn event(c: &mut C, known: &Known<'_>, reports: &mut HashSet<String>, e: &Event) {
    let at = format!("journal event {}", e.id);
    c.required(&at, "event id", &e.id, 35);
    known.basic(c, &at, "event type", &e.event_type);
    c.opt(&at, "transaction id", e.trans_id.as_deref(), 35);
    known.employee(c, &at, e.emp_id.as_deref());
    c.date(&at, "date", &e.date);
    c.time(&at, "time", &e.time);
    c.opt(&at, "text", e.text.as_deref(), 9999);
    if let Some(r) = &e.report {
        report(c, known, reports, r);
    }
}

fn report(c: &mut C, known: &Known<'_>, reports: &mut HashSet<String>, r: &Report) {
    let at = format!("{} {}", r.kind.as_str(), r.id);
    c.required(&at, "report id", &r.id, 35);
    if !reports.insert(r.id.clone()) {
        c.push(&at, "the report id is given twice".to_owned());
    }
    c.date(&at, "date", &r.date);
    c.time(&at, "time", &r.time);
    for g in r.art_groups.iter().chain(&r.emp_art_groups) {
        c.required(&at, "article group", &g.group_id, 35);
    }
    for g in &r.emp_art_groups {
        match &g.emp_id {
            None => c.push(
                &at,
                "an employee's article group total names no employee".into(),
            ),
            Some(id) => known.employee(c, &at, Some(id)),
        }
    }
    for p in r.payments.iter().chain(&r.emp_payments) {
        c.required(&at, "payment type", &p.payment_type, 35);
    }
    for p in &r.emp_payments {
        match &p.emp_id {
            None => c.push(&at, "an employee's payment total names no employee".into()),
            Some(id) => known.employee(c, &at, Some(id)),
        }
    }
    for v in &r.cash_sales_vat {
        c.opt(&at, "VAT code", v.vat_code.as_deref(), 20);
        c.rate(&at, v.rate_bp);
    }
    for t in r
        .corr_lines
        .iter()
        .chain(&r.price_inquiries)
        .chain(&r.other_corrs)
    {
        c.required(&at, "correction type", &t.kind, 35);
    }
}

fn transaction(c: &mut C, known: &Known<'_>, t: &CashTransaction) {
    let at = format!("receipt {}", t.nr);
    c.required(&at, "receipt number", &t.nr, 35);
    c.required(&at, "transaction id", &t.trans_id, 35);
    if let Some(tt) = &t.trans_type {
        known.basic(c, &at, "transaction type", tt);
    }
    known.employee(c, &at, t.emp_id.as_deref());
    if let Some(p) = t.period_number {
        c.three_digits(&at, "period number", p);
        if !known.periods.contains(&p) {
            c.push(&at, format!("period {p} is not among the periods"));
        }
    }
    c.date(&at, "date", &t.date);
    c.time(&at, "time", &t.time);
    c.opt(&at, "description", t.desc.as_deref(), 9999);
    for l in &t.lines {
        let at = format!("receipt {}, line {}", t.nr, l.line_id);
        c.required(&at, "line id", &l.line_id, 35);
        known.basic(c, &at, "line type", &l.line_type);
        c.opt(&at, "article group", l.art_group_id.as_deref(), 35);
        if let Some(a) = l.art_id.as_deref().filter(|a| !known.articles.contains(a)) {
            c.push(&at, format!("article {a:?} is not among the articles"));
        }
        known.employee(c, &at, l.emp_id.as_deref());
        c.opt(&at, "text", l.desc.as_deref(), 9999);
        if let Some(d) = &l.date {
            c.date(&at, "date", d);
        }
        if let Some(tm) = &l.time {
            c.time(&at, "time", tm);
        }
        if let Some(v) = &l.vat {
            known.vat_code(c, &at, &v.code);
            c.rate(&at, v.rate_bp);
        }
    }
    for v in &t.vat {
        known.vat_code(c, &at, &v.code);
        c.rate(&at, v.rate_bp);
    }
    for p in &t.payments {
        known.basic(c, &at, "payment type", &p.payment_type);
        known.employee(c, &at, p.emp_id.as_deref());
        if let Some(cur) = p
            .cur_code
            .as_deref()
            .filter(|cur| cur.len() != 3 || !cur.bytes().all(|b| b.is_ascii_uppercase()))
        {
            c.push(&at, format!("the currency {cur:?} is not a code like NOK"));
        }
        c.opt(&at, "payment reference", p.ref_id.as_deref(), 999);
    }
    c.required(&at, "signature", &t.signature, 999);
    for (field, n) in [
        ("number of receipts printed", t.receipt_num),
        ("number of copies", t.receipt_copy_num),
        ("number of pro forma receipts", t.receipt_proforma_num),
        ("number of delivery receipts", t.receipt_delivery_num),
    ] {
        if let Some(n) = n {
            c.three_digits(&at, field, n);
        }
    }
}
