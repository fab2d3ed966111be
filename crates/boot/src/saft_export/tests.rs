#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use kassa_journal::{Backend, Journal, NewEmployee, NewLine, NewSale, Paid};
use kassa_money::{Currency, Money};
use kassa_saft::signature::{self, Link, ReceiptKey};
use kassa_shop::{Country, Day, MerchantProfile, ProfileDraft, ReturnRequest, VatTable};

use super::*;
use crate::keys::ReceiptSealer;
use crate::shop::FixedZone;

const CET: i16 = 60;

fn key() -> &'static ReceiptKey {
    static KEY: OnceLock<ReceiptKey> = OnceLock::new();
    KEY.get_or_init(|| ReceiptKey::generate(&mut rand_core::OsRng, 1).unwrap())
}

fn nok(minor: i64) -> Money {
    Money::new(minor, Currency::Nok)
}

/// 2026-03-`day` at `h:m:s` on a CET wall clock, as Unix ms.
fn at(day: u32, h: u32, m: u32, s: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(2026, 3, day)
        .unwrap()
        .and_hms_opt(h, m, s)
        .unwrap()
        .and_utc()
        .timestamp_millis()
        - i64::from(CET) * 60_000
}

fn period(from: u32, to: u32) -> Period {
    Period {
        from: Day::new(2026, 3, u8::try_from(from).unwrap()),
        to: Day::new(2026, 3, u8::try_from(to).unwrap()),
        from_ms: at(from, 0, 0, 0),
        to_ms: at(to + 1, 0, 0, 0),
    }
}

fn merchant() -> MerchantProfile {
    kassa_shop::validate_profile(&ProfileDraft {
        legal_name: "Kafé Storgata & Co AS".into(),
        org_number: "923609016".into(),
        vat_registered: true,
        address_lines: vec!["Storgata 12".into()],
        postcode: "9008".into(),
        city: "Tromsø".into(),
        country: "NO".into(),
        till_name: "Kasse 1".into(),
        receipt_footer: String::new(),
    })
    .unwrap()
}

fn table() -> VatTable {
    VatTable::for_country(
        Country::No,
        Day::new(2026, 3, 1),
        &kassa_shop::VatNames::english(),
    )
    .unwrap()
}

fn journal() -> Journal {
    let mut j = Journal::open_in_memory().unwrap();
    j.record_signing_key(1, &key().public_pem().unwrap(), at(1, 8, 0, 0))
        .unwrap();
    j.set_sealer(Arc::new(ReceiptSealer::new(
        ReceiptKey::from_pem(&key().to_pem().unwrap(), 1).unwrap(),
        Arc::new(FixedZone(CET)),
    )));
    for (id, name, role) in [("1", "Kari Nordmann", "cashier"), ("2", "Ola", "manager")] {
        j.add_employee(&NewEmployee {
            id,
            name,
            role,
            pin_hash: "$argon2id$x",
            at_ms: at(1, 8, 0, 0),
        })
        .unwrap();
    }
    j
}

const KAFFE: (&str, i64, u32, u8) = ("Kaffe", 4_500, 1_500, 31);
const KOPP: (&str, i64, u32, u8) = ("Kopp \"Nordlys\" <stor>", 19_900, 2_500, 3);

fn line(l: (&'static str, i64, u32, u8), quantity: u32) -> NewLine<'static> {
    NewLine {
        text: l.0,
        quantity,
        unit_gross: nok(l.1),
        vat_bp: l.2,
        saft_code: l.3,
    }
}

fn paid_by_hand(
    j: &mut Journal,
    id: &str,
    lines: &[NewLine<'_>],
    paid: Paid,
    at_ms: i64,
    backend: Backend,
) {
    let amount: i64 = lines
        .iter()
        .map(|l| l.unit_gross.minor * i64::from(l.quantity))
        .sum();
    j.insert_paid_sale(
        &NewSale {
            id,
            amount: nok(amount),
            reference: None,
            at_ms,
            backend,
        },
        lines,
        &paid,
        "paid",
    )
    .unwrap();
}

/// A day at the counter: by bank, cash and card, a copy, a Z, a training receipt, a
/// return, another sale, a second Z, and the training series' own Z.
fn a_day() -> Journal {
    let mut j = journal();
    j.set_employee(Some("1"));
    j.record_journal_event(&NewJournalEvent {
        code: JournalEvent::LogIn.code(),
        at_ms: at(2, 9, 0, 0),
        training: false,
        detail: "Kari logged in",
        receipt: None,
    })
    .unwrap();
    let lines = [line(KAFFE, 2), line(KOPP, 1)];
    j.insert_sale_with_lines(
        &NewSale {
            id: "s1",
            amount: nok(2 * 4_500 + 19_900),
            reference: None,
            at_ms: at(2, 9, 5, 0),
            backend: Backend::Live,
        },
        &lines,
    )
    .unwrap();
    let a = j.begin_attempt("s1", "KASSA1", at(2, 9, 5, 1)).unwrap();
    j.attempt_created(
        a.id,
        "pay_7f3a",
        "https://bank.test/x",
        at(2, 9, 5, 2),
        at(2, 9, 6, 2),
    )
    .unwrap();
    j.record_status(a.id, "Executed", true, at(2, 9, 5, 30))
        .unwrap();
    j.end_sale_with_receipt(
        "s1",
        &Paid::Bank {
            payment_id: "pay_7f3a".into(),
        },
        at(2, 9, 5, 31),
        "paid",
    )
    .unwrap()
    .unwrap();
    let till = j.till_id().unwrap();
    j.record_print(&till, Backend::Live, 1, "pdf", at(2, 9, 5, 40))
        .unwrap();
    j.record_print(&till, Backend::Live, 1, "pdf", at(2, 9, 10, 0))
        .unwrap();
    paid_by_hand(
        &mut j,
        "s2",
        &[line(KOPP, 1)],
        Paid::Cash { given: nok(20_000) },
        at(2, 9, 40, 0),
        Backend::Live,
    );
    j.set_employee(Some("2"));
    paid_by_hand(
        &mut j,
        "s3",
        &[line(KAFFE, 1)],
        Paid::Card {
            reference: Some("terminal 4411".into()),
        },
        at(2, 10, 15, 30),
        Backend::Live,
    );
    j.close_z(Backend::Live, at(2, 10, 20, 0)).unwrap();
    paid_by_hand(
        &mut j,
        "t1",
        &[line(KAFFE, 1)],
        Paid::Cash { given: nok(4_500) },
        at(2, 10, 31, 0),
        Backend::Sandbox,
    );
    crate::books::return_sale(
        &mut j,
        "s2",
        &ReturnRequest::Full,
        "cracked <cup> & saucer",
        at(2, 11, 0, 0),
    )
    .unwrap();
    paid_by_hand(
        &mut j,
        "s5",
        &[line(KAFFE, 2)],
        Paid::Card { reference: None },
        at(2, 12, 0, 0),
        Backend::Live,
    );
    j.close_z(Backend::Live, at(2, 17, 30, 0)).unwrap();
    j.close_z(Backend::Sandbox, at(2, 17, 31, 0)).unwrap();
    j
}

fn of<'a>(merchant: &'a MerchantProfile, vat: &'a VatTable) -> ExportOf<'a> {
    ExportOf {
        merchant,
        vat,
        currency: Currency::Nok,
        software_version: "0.1.0",
    }
}

fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../saft/data/Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd")
}

/// xmllint's verdict on `xml` against the official schema.
fn xmllint(xml: &str) -> std::result::Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.xml");
    std::fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(&file)
        .output()
        .expect("xmllint (libxml2-utils; scripts/setup-debian.sh installs it) must be on PATH");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.success() && said.contains("validates") {
        Ok(())
    } else {
        Err(said)
    }
}

fn exported(j: &Journal, p: &Period) -> Exported {
    let (m, t) = (merchant(), table());
    let done = export(j, &of(&m, &t), p, at(3, 7, 45, 0), &FixedZone(CET)).unwrap();
    if let Err(said) = xmllint(&done.xml) {
        panic!(
            "xmllint refused the export:\n{said}\n--- the file ---\n{}",
            done.xml
        );
    }
    done
}

#[test]
fn a_day_exports_every_receipt_event_and_z_report_as_the_schema_asks() {
    let j = a_day();
    let done = exported(&j, &period(2, 2));
    let xml = &done.xml;
    let s = &done.summary;
    assert_eq!(
        (s.receipts, s.training_receipts, s.z_reports, s.unsigned),
        (6, 1, 3, 0)
    );
    assert_eq!(xml.matches("<cashtransaction>").count(), 6);
    assert_eq!(xml.matches("<eventReport>").count(), 3);
    for want in [
        "<companyIdent>923609016</companyIdent>",
        "<companyName>Kafé Storgata &amp; Co AS</companyName>",
        "<taxRegIdent>NO923609016MVA</taxRegIdent>",
        "<curCode>NOK</curCode>",
        "<softwareDesc>Kassa</softwareDesc>",
        "<startDate>2026-03-02</startDate>",
        "<nr>TRENING-1</nr>",
        "<trainingID>true</trainingID>",
        "<transType>RETURNSAL</transType>",
        "<transAmntIn>-199.00</transAmntIn>",
        "<transAmntEx>-159.20</transAmntEx>",
        "<qnt>-1</qnt>",
        "<receiptCopyNum>1</receiptCopyNum>",
        "<paymentType>BANK</paymentType>",
        "<paymentRefID>pay_7f3a</paymentRefID>",
        "<paymentRefID>terminal 4411</paymentRefID>",
        "<standardVatCode>31</standardVatCode>",
        "<vatPerc>15.00</vatPerc>",
        "<reportID>1</reportID>",
        "<reportID>2</reportID>",
        "<reportID>TRENING-1</reportID>",
        "<predefinedBasicID>04999</predefinedBasicID>",
        "<predefinedBasicID>13009</predefinedBasicID>",
        "<empID>1</empID>",
        "<firstName>Kari</firstName>",
        "<surName>Nordmann</surName>",
        "<roleType>Manager</roleType>",
        "<keyVersion>1</keyVersion>",
        "<eventType>EMPIN</eventType>",
        "<periodDesc>March 2026</periodDesc>",
        "Return of receipt 2: cracked &lt;cup&gt; &amp; saucer",
    ] {
        assert!(xml.contains(want), "{want} missing");
    }
    assert_eq!(
        s.file_name,
        "SAF-T Cash Register_923609016_20260303074500_1_1.xml"
    );

    // Z 1: receipts 1 to 3 (bank 289.00, cash 199.00, card 45.00), one copy.
    let till = &done.file.company.locations[0].registers[0];
    let z1 = till
        .events
        .iter()
        .filter_map(|e| e.report.as_ref())
        .find(|r| r.id == "1")
        .unwrap();
    assert_eq!(z1.total_cash_sale_minor, 28_900 + 19_900 + 4_500);
    assert_eq!((z1.receipt_num, z1.receipt_copy_num), (3, 1));
    assert_eq!(z1.payments.len(), 3);
    let art: i64 = z1.art_groups.iter().map(|g| g.amount_minor).sum();
    assert_eq!(
        art, z1.total_cash_sale_minor,
        "the groups add up to the sales"
    );
    let emp: i64 = z1.emp_payments.iter().map(|p| p.amount_minor).sum();
    assert_eq!(emp, z1.total_cash_sale_minor, "per employee too");
    // Z 2: the return, the training receipt kept apart.
    let z2 = till
        .events
        .iter()
        .filter_map(|e| e.report.as_ref())
        .find(|r| r.id == "2")
        .unwrap();
    assert_eq!((z2.return_num, z2.return_minor), (1, 19_900));
    assert_eq!(z2.total_cash_sale_minor, 9_000 - 19_900);
    assert_eq!((z2.training_num, z2.training_minor), (1, 4_500));
    assert_eq!(z2.grand_total_sales_minor, 28_900 + 19_900 + 4_500 + 9_000);
    // The training series' Z is training only.
    let zt = till
        .events
        .iter()
        .filter_map(|e| e.report.as_ref())
        .find(|r| r.id == "TRENING-1")
        .unwrap();
    assert_eq!(
        (zt.total_cash_sale_minor, zt.training_num, zt.training_minor),
        (0, 1, 4_500)
    );

    // The journal's own events name their receipts; each Z's event carries its report.
    let names = |kind: &str, trans: &str| {
        till.events
            .iter()
            .any(|e| e.event_type == kind && e.trans_id.as_deref() == Some(trans))
    };
    assert!(names("COPYREC", "1"), "the copy of receipt 1");
    assert!(names("SALREC", "1"), "receipt 1 printed");
    assert!(names("RETREC", "4"), "the return receipt");
    assert!(names("TRAINREC", "TRENING-1"), "the training receipt");
    let zrep: Vec<&Event> = till
        .events
        .iter()
        .filter(|e| e.event_type == "ZREP")
        .collect();
    assert_eq!(zrep.len(), 3, "one event per Z, none made up");
    assert!(zrep.iter().all(|e| e.report.is_some()));

    // Every line's amounts add up to its receipt's.
    for t in &till.transactions {
        let gross: i64 = t.lines.iter().map(|l| l.amount_in_minor).sum();
        let net: i64 = t.lines.iter().map(|l| l.amount_ex_minor).sum();
        assert_eq!(
            (gross, net),
            (t.amount_in_minor, t.amount_ex_minor),
            "{}",
            t.nr
        );
        let paid: i64 = t.payments.iter().map(|p| p.amount_minor).sum();
        assert_eq!(paid, t.amount_in_minor);
    }
}

#[test]
fn every_exported_signature_verifies_from_the_files_own_fields() {
    let j = a_day();
    let done = exported(&j, &period(2, 2));
    let till = &done.file.company.locations[0].registers[0];
    let public = signature::public_key(&key().public_pem().unwrap()).unwrap();
    let key_of = |v: u32| (v == 1).then(|| public.clone());
    for training in [false, true] {
        let mut links: Vec<(i64, Link)> = till
            .transactions
            .iter()
            .filter(|t| t.training == training)
            .map(|t| {
                (
                    no::parse_nr(&t.nr).unwrap().0,
                    Link {
                        nr: t.nr.clone(),
                        date: t.date.clone(),
                        time: t.time.clone(),
                        amount_in_minor: t.amount_in_minor,
                        amount_ex_minor: t.amount_ex_minor,
                        signature: t.signature.clone(),
                        key_version: t.key_version,
                    },
                )
            })
            .collect();
        links.sort_by_key(|(n, _)| *n);
        let links: Vec<Link> = links.into_iter().map(|(_, l)| l).collect();
        assert_eq!(
            signature::verify_chain(None, &links, &key_of),
            Ok(links.len())
        );
    }
}

#[test]
fn an_empty_period_is_a_valid_file_with_the_till_its_codes_and_people() {
    let j = a_day();
    let done = exported(&j, &period(9, 15));
    assert_eq!(done.summary.receipts, 0);
    assert!(!done.xml.contains("<cashtransaction>"));
    assert!(!done.xml.contains("<event>"));
    assert!(done.xml.contains("<cashregister>"));
    assert!(done.xml.contains("<vatCodeDetail>"), "the shop's VAT codes");
    assert!(done.xml.contains("<employee>"));
    // And a journal that never sold.
    let fresh = journal();
    let done = exported(&fresh, &period(2, 2));
    assert_eq!(
        done.summary.text(),
        "0 receipts (0 training), 0 journal events and 0 Z reports from 2026-03-02 to 2026-03-02"
    );
}

#[test]
fn a_period_across_months_has_one_period_per_month_and_each_receipt_its_own() {
    let j = a_day();
    let p = Period {
        from: Day::new(2026, 2, 20),
        to: Day::new(2026, 4, 3),
        from_ms: at(2, 0, 0, 0) - 10 * 86_400_000,
        to_ms: at(4, 0, 0, 0) + 40 * 86_400_000,
    };
    let done = exported(&j, &p);
    let periods = &done.file.company.periods;
    let spans: Vec<(u16, &str, &str)> = periods
        .iter()
        .map(|p| (p.number, p.start_date.as_str(), p.end_date.as_str()))
        .collect();
    assert_eq!(
        spans,
        [
            (1, "2026-02-20", "2026-02-28"),
            (2, "2026-03-01", "2026-03-31"),
            (3, "2026-04-01", "2026-04-03")
        ]
    );
    let till = &done.file.company.locations[0].registers[0];
    assert!(till.transactions.iter().all(|t| t.period_number == Some(2)));
}

#[test]
fn days_are_read_strictly_and_a_backwards_period_is_refused() {
    assert_eq!(parse_day(" 2026-03-02 ").unwrap(), Day::new(2026, 3, 2));
    for bad in [
        "2026-02-30",
        "2026-3-2",
        "02-03-2026",
        "yesterday",
        "2026-13-01",
        "",
    ] {
        let e = parse_day(bad).unwrap_err();
        assert!(e.is_usage());
        assert_eq!(
            e.to_string(),
            format!(
                "{} is not a day of the calendar: write it as YYYY-MM-DD",
                bad.trim()
            )
        );
    }
    let e = Period::local(Day::new(2026, 3, 2), Day::new(2026, 3, 1)).unwrap_err();
    assert!(matches!(e, SaftExportError::BadPeriod), "{e}");
}

#[test]
fn a_lines_vat_adds_up_to_its_receipts_row() {
    // Three lines at one rate: each line's VAT by the rate, the last takes the rest.
    assert_eq!(vat_of(4_500, 1_500), 587);
    assert_eq!(vat_of(-19_900, 2_500), -3_980);
    assert_eq!(vat_of(0, 2_500), 0);
    let mut j = journal();
    paid_by_hand(
        &mut j,
        "s1",
        &[
            line(KAFFE, 1),
            line(("Te", 3_300, 1_500, 31), 1),
            line(("Vann", 2_100, 1_500, 31), 3),
        ],
        Paid::Card { reference: None },
        at(2, 9, 0, 0),
        Backend::Live,
    );
    let till = j.till_id().unwrap();
    let item = load(&j, &till, Backend::Live, 1).unwrap().unwrap();
    let lines = item.split_lines();
    let vat: i64 = lines.iter().map(|l| l.vat).sum();
    assert_eq!(vat, item.vat[0].vat);
    assert_eq!(lines.iter().map(|l| l.gross).sum::<i64>(), item.gross());
}

#[test]
fn the_export_is_written_whole_and_journaled() {
    let mut j = a_day();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let out = dir.path().join("saft.xml");
    let (m, t) = (merchant(), table());
    let s = export_to_file(
        &j,
        &db,
        &out,
        &of(&m, &t),
        &period(2, 2),
        at(3, 8, 0, 0),
        &FixedZone(CET),
    )
    .unwrap();
    let xml = std::fs::read_to_string(&out).unwrap();
    assert_eq!(xml.len(), s.bytes);
    xmllint(&xml).unwrap();
    let id = record_export(&mut j, &s, &out, at(3, 8, 0, 1)).unwrap();
    let ev = j.journal_events(at(3, 0, 0, 0), at(4, 0, 0, 0)).unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!((ev[0].id, ev[0].code), (id, 13020));
    assert!(
        ev[0]
            .detail
            .contains("2026-03-02 to 2026-03-02 (6 receipts)")
    );
    // Never over the journal itself.
    let e = export_to_file(
        &j,
        &db,
        &db,
        &of(&m, &t),
        &period(2, 2),
        at(3, 8, 0, 0),
        &FixedZone(CET),
    )
    .unwrap_err();
    assert!(
        e.is_usage() || matches!(e, SaftExportError::Journal(_)),
        "{e}"
    );
}
