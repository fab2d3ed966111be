#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::check::{is_date, is_time};
use super::xml::{escape, percent};
use super::*;

fn esc(s: &str) -> String {
    let mut out = String::new();
    escape(s, &mut out);
    out
}

#[test]
fn text_is_escaped_and_never_ill_formed() {
    assert_eq!(
        esc("Kaffe & Kake <AS> \"Ole's\""),
        "Kaffe &amp; Kake &lt;AS&gt; &quot;Ole&apos;s&quot;"
    );
    assert_eq!(esc("Sør-Trøndelag ☕"), "Sør-Trøndelag ☕");
    assert_eq!(esc("a\tb\nc\rd"), "a\tb\nc&#13;d");
    assert_eq!(
        esc("bell\u{7}\u{0}\u{FFFE}"),
        "bell\u{FFFD}\u{FFFD}\u{FFFD}"
    );
    assert_eq!(
        esc("&amp;"),
        "&amp;amp;",
        "escaped once more, never taken as markup"
    );
}

#[test]
fn rates_amounts_and_sides() {
    assert_eq!(percent(2500), "25.00");
    assert_eq!(percent(2550), "25.50");
    assert_eq!(percent(1111), "11.11");
    assert_eq!(percent(0), "0.00");
    assert_eq!(amount_type(0), "C");
    assert_eq!(amount_type(1), "C");
    assert_eq!(amount_type(-1), "D");
}

#[test]
fn dates_and_times_are_real_ones() {
    for d in ["2026-03-02", "2024-02-29", "2000-02-29", "2026-12-31"] {
        assert!(is_date(d), "{d}");
    }
    for d in [
        "2026-3-2",
        "2026-02-29",
        "1900-02-29",
        "2026-13-01",
        "2026-04-31",
        "26-03-02x",
    ] {
        assert!(!is_date(d), "{d}");
    }
    for t in ["00:00:00", "23:59:59"] {
        assert!(is_time(t), "{t}");
    }
    for t in ["24:00:00", "12:60:00", "12:00", "1:00:00", "12:00:0a"] {
        assert!(!is_time(t), "{t}");
    }
}

fn small() -> AuditFile {
    AuditFile {
        header: Header {
            fiscal_year: "2026".into(),
            start_date: "2026-03-01".into(),
            end_date: "2026-03-31".into(),
            cur_code: "NOK".into(),
            date_created: "2026-04-01".into(),
            time_created: "08:30:05".into(),
            software_desc: "Kassa".into(),
            software_version: "0.1.0".into(),
            software_company_name: "Kassa".into(),
            auditfile_version: AUDITFILE_VERSION.into(),
            header_comment: None,
            user_id: None,
        },
        company: Company {
            ident: "999 999 999".into(),
            name: "Kaffe & Kake <AS>".into(),
            tax_registration_country: Some("NO".into()),
            tax_reg_ident: None,
            street_address: None,
            postal_address: None,
            vat_codes: vec![],
            periods: vec![],
            employees: vec![],
            articles: vec![],
            basics: vec![],
            locations: vec![],
        },
    }
}

#[test]
fn the_file_name_is_skatteetatens() {
    assert_eq!(
        small().file_name(),
        "SAF-T Cash Register_999999999_20260401083005_1_1.xml"
    );
}

#[test]
fn check_names_every_problem_in_words() {
    let mut f = small();
    assert_eq!(f.check(), Ok(()));
    f.header.cur_code = "kr".into();
    f.header.end_date = "2026-02-30".into();
    f.company.name = "x".repeat(101);
    f.company.locations.push(Location {
        name: Some("Shop".into()),
        street_address: None,
        registers: vec![CashRegister {
            id: "TILL-1".into(),
            desc: None,
            events: vec![Event {
                id: "1".into(),
                event_type: "NOPE".into(),
                trans_id: None,
                emp_id: Some("7".into()),
                date: "2026-03-02".into(),
                time: "09:00:00".into(),
                text: Some("bell \u{7}".into()),
                report: None,
            }],
            transactions: vec![],
        }],
    });
    let err = f.check().unwrap_err();
    let text = err.to_string();
    for want in [
        "the currency \"kr\" is not a three-letter code like NOK",
        "the end date \"2026-02-30\" is not a date",
        "the company name is 101 characters long; the format takes at most 100",
        "journal event 1: the event type \"NOPE\" is not among the basics",
        "employee \"7\" is not among the employees",
        "the text holds a control character (U+0007)",
    ] {
        assert!(text.contains(want), "{want:?} missing in {text}");
    }
    assert_eq!(err.0.len(), 6, "{text}");
}
