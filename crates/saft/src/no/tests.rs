#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;

use super::*;

/// code → English description of one of the official lists (some are ISO-8859-1, with CRLF).
fn list(bytes: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(bytes)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split(';');
            let code = parts.next().unwrap().trim().to_owned();
            let eng = parts.next().unwrap().trim().to_owned();
            (code, eng)
        })
        .collect()
}

fn description_in(list: &[(String, String)], code: &str) -> String {
    list.iter()
        .find(|(c, _)| c == code)
        .unwrap_or_else(|| panic!("{code} is not in the code list"))
        .1
        .clone()
}

#[test]
fn live_and_training_numbers_are_distinct_and_read_back() {
    assert_eq!(nr_text(4, false), "4");
    assert_eq!(nr_text(4, true), "TRENING-4");
    assert_ne!(nr_text(1, false), nr_text(1, true));
    for (n, t) in [(1, false), (1, true), (987_654, false), (i64::MAX, true)] {
        let nr = nr_text(n, t);
        assert!(nr.len() <= crate::signature::MAX_NR, "{nr}");
        assert_eq!(parse_nr(&nr), Some((n, t)));
    }
    for bad in [
        "",
        "TRENING-",
        "T4",
        "4a",
        "-4",
        "04",
        "TRENING-04",
        "trening-4",
    ] {
        assert_eq!(parse_nr(bad), None, "{bad:?}");
    }
}

#[test]
fn the_signed_text_carries_the_series_in_the_number() {
    let live = signed_text(None, "2026-03-02", "14:05:09", 7, false, 12_500, 10_000).unwrap();
    assert_eq!(live.as_str(), "0;2026-03-02;14:05:09;7;125.00;100.00");
    let training = signed_text(
        Some("abc="),
        "2026-03-02",
        "14:05:09",
        7,
        true,
        -4_950,
        -3_960,
    )
    .unwrap();
    assert_eq!(
        training.as_str(),
        "abc=;2026-03-02;14:05:09;TRENING-7;-49.50;-39.60"
    );
    assert!(signed_text(None, "2026-3-2", "14:05:09", 7, false, 1, 1).is_err());
}

#[test]
fn transaction_payment_and_product_codes_are_the_official_ones() {
    let l11 = list(include_bytes!("../../data/PredefinedBasicID-11.csv"));
    for t in TransactionType::ALL {
        assert_eq!(
            description_in(&l11, t.predefined()),
            t.description(),
            "{t:?}"
        );
    }
    let l12 = list(include_bytes!("../../data/PredefinedBasicID-12.csv"));
    for p in PaymentType::ALL {
        assert_eq!(
            description_in(&l12, p.predefined()),
            p.code_description(),
            "{p:?}"
        );
    }
    assert_eq!(PaymentType::Cash.predefined(), "12001");
    assert_eq!(PaymentType::Card.predefined(), "12002");
    assert_eq!(PaymentType::PayByBank.predefined(), "12004");
    let l04 = list(include_bytes!("../../data/PredefinedBasicID-04.csv"));
    assert_eq!(l04.len(), PRODUCT_GROUPS.len());
    for ((code, desc), (c, d)) in PRODUCT_GROUPS.iter().zip(&l04) {
        assert_eq!((*code, *desc), (c.as_str(), d.as_str()));
    }
    let types = list(include_bytes!("../../data/BasicType.csv"));
    for (t, eng) in [
        (ARTICLE_GROUP, "Article Group codes"),
        (LINE_TYPE, "Ticketline codes"),
        (TRANSACTION_TYPE, "Transaction codes"),
        (PAYMENT_TYPE, "Payment codes"),
        (EVENT_TYPE, "Event codes"),
    ] {
        assert_eq!(description_in(&types, t), eng);
    }
}

#[test]
fn standard_vat_codes_are_the_official_list() {
    let csv = include_str!("../../data/Standard_Tax_Codes.csv");
    let official: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(';').next().unwrap().trim())
        .collect();
    assert_eq!(official, STANDARD_VAT_CODES);
    for code in ["3", "31", "33", "5", "6"] {
        assert!(is_standard_vat_code(code), "{code}");
    }
    for code in ["", "2", "25", "03", "3 "] {
        assert!(!is_standard_vat_code(code), "{code:?}");
    }
}

#[test]
fn every_basic_is_once_of_its_type_with_its_official_code() {
    let basics = basics();
    let ids: HashSet<&str> = basics.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids.len(), basics.len(), "each basic id once");
    let l13 = list(include_bytes!("../../data/PredefinedBasicID-13.csv"));
    for e in JournalEvent::ALL {
        let b = basics.iter().find(|b| b.id == event_basic_id(e)).unwrap();
        assert_eq!(b.basic_type, EVENT_TYPE);
        let code = e.code().to_string();
        assert_eq!(b.predefined.as_deref(), Some(code.as_str()));
        assert_eq!(description_in(&l13, &code), b.desc, "{e:?}");
    }
    for b in &basics {
        assert!(b.id.len() <= 35 && !b.desc.is_empty(), "{b:?}");
        if let Some(p) = &b.predefined {
            assert!(p.starts_with(&b.basic_type), "{b:?}");
        }
    }
    assert_eq!(basics.len(), 2 + 2 + 3 + JournalEvent::ALL.len());
}

#[test]
fn an_article_group_must_name_an_official_product_group() {
    let b = article_group("FOOD", "04006", "Food").unwrap();
    assert_eq!(b.basic_type, "04");
    assert_eq!(b.predefined.as_deref(), Some("04006"));
    let err = article_group("X", "04022", "x").unwrap_err();
    assert!(err.to_string().contains("04022"), "{err}");
}
