//! Audit files as a shop's day makes them, validated by `xmllint --schema` against the
//! official schema (a copy in `crates/saft/data/`), as the tax office would check them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use kassa_saft::events::JournalEvent;
use kassa_saft::export::*;
use kassa_saft::no::{self, LineType, PaymentType, TransactionType};
use kassa_saft::signature::{self, Link, ReceiptKey};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn schema() -> PathBuf {
    data("data/Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd")
}

/// Runs `xmllint --noout --schema` on `xml`; Err with xmllint's own words.
fn xmllint(xml: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.xml");
    std::fs::write(&file, xml).unwrap();
    xmllint_file(&file)
}

fn xmllint_file(file: &Path) -> Result<(), String> {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(file)
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

fn assert_valid(file: &AuditFile) -> String {
    if let Err(e) = file.check() {
        panic!("check: {e}");
    }
    let xml = file.to_xml();
    if let Err(said) = xmllint(&xml) {
        panic!("xmllint refused the export:\n{said}\n--- the file ---\n{xml}");
    }
    xml
}

fn key() -> &'static ReceiptKey {
    static KEY: OnceLock<ReceiptKey> = OnceLock::new();
    KEY.get_or_init(|| ReceiptKey::generate(&mut rand_core::OsRng, 1).unwrap())
}

fn s(text: &str) -> String {
    text.to_owned()
}

fn header(start: &str, end: &str) -> Header {
    Header {
        fiscal_year: s("2026"),
        start_date: s(start),
        end_date: s(end),
        cur_code: s("NOK"),
        date_created: s("2026-03-03"),
        time_created: s("07:45:00"),
        software_desc: s("Kassa"),
        software_version: s("0.1.0"),
        software_company_name: s("Kassa contributors"),
        auditfile_version: s(AUDITFILE_VERSION),
        header_comment: Some(s("Selection: till KASSA-1, 2026-03-02")),
        user_id: Some(s("2")),
    }
}

fn address() -> Address {
    Address {
        streetname: Some(s("Storgata")),
        number: Some(s("12")),
        additional: None,
        city: Some(s("Tromsø")),
        postal_code: Some(s("9008")),
        region: None,
        country: Some(s("NO")),
    }
}

fn company(name: &str) -> Company {
    let vat = |code: &str, desc: &str, standard: &str| VatCodeDetail {
        vat_code: s(code),
        date_of_entry: s("2026-01-01"),
        vat_desc: Some(s(desc)),
        standard_vat_code: s(standard),
    };
    let employee = |id: &str, first: &str, role: &str| Employee {
        id: s(id),
        date_of_entry: s("2026-01-01"),
        time_of_entry: s("08:00:00"),
        first_name: Some(s(first)),
        sur_name: s("Nordmann"),
        roles: vec![Role {
            role_type: s(role),
            desc: None,
        }],
    };
    let article = |id: &str, group: &str, desc: &str| Article {
        id: s(id),
        date_of_entry: s("2026-01-01"),
        group_id: Some(s(group)),
        desc: s(desc),
    };
    let mut basics = vec![
        no::article_group("FOOD", "04006", "Food").unwrap(),
        no::article_group("DRINK", "04012", "Coffee and tea").unwrap(),
        no::article_group("GOODS", "04003", "Cups and other goods").unwrap(),
    ];
    basics.extend(no::basics());
    Company {
        ident: s("999999999"),
        name: s(name),
        tax_registration_country: Some(s("NO")),
        tax_reg_ident: Some(s("999999999MVA")),
        street_address: Some(address()),
        postal_address: Some(address()),
        vat_codes: vec![
            vat("1", "VAT 25 %", "3"),
            vat("2", "VAT 15 %", "31"),
            vat("3", "VAT 12 %", "33"),
            vat("4", "VAT 0 %", "5"),
        ],
        periods: vec![Period {
            number: 3,
            desc: Some(s("March")),
            start_date: s("2026-03-01"),
            start_time: s("00:00:00"),
            end_date: s("2026-03-31"),
            end_time: s("23:59:59"),
        }],
        employees: vec![
            employee("1", "Kari", "Cashier"),
            employee("2", "Ola", "Manager"),
        ],
        articles: vec![
            article("1", "DRINK", "Kaffe"),
            article("2", "FOOD", "Kanelbolle"),
            article("3", "GOODS", "Kopp \"Nordlys\""),
        ],
        basics,
        locations: vec![],
    }
}

fn register(events: Vec<Event>, transactions: Vec<CashTransaction>) -> Location {
    Location {
        name: Some(s("Kafé Storgata")),
        street_address: Some(address()),
        registers: vec![CashRegister {
            id: s("KASSA-1"),
            desc: Some(s("The counter's till")),
            events,
            transactions,
        }],
    }
}

/// One line: article, quantity, unit price incl. VAT, the till's VAT code and rate, and
/// the line's VAT (worked out by the shop's books, given here).
struct L {
    art: &'static str,
    group: &'static str,
    qnt: i64,
    ppu: i64,
    vat_code: &'static str,
    rate_bp: u32,
    vat: i64,
}

struct Chain {
    previous: Option<String>,
}

#[allow(clippy::too_many_arguments)]
fn receipt(
    chain: &mut Chain,
    number: i64,
    training: bool,
    kind: TransactionType,
    emp: &str,
    time: &str,
    lines: &[L],
    pay: PaymentType,
    pay_ref: Option<&str>,
) -> CashTransaction {
    let nr = no::nr_text(number, training);
    let line_type = match kind {
        TransactionType::Sale => LineType::Sale,
        TransactionType::Return => LineType::Return,
    };
    let mut ct_lines = Vec::new();
    let mut vat: Vec<Vat> = Vec::new();
    let (mut gross, mut net) = (0, 0);
    for (i, l) in lines.iter().enumerate() {
        let amount_in = l.qnt * l.ppu;
        let amount_ex = amount_in - l.vat;
        gross += amount_in;
        net += amount_ex;
        let line_vat = Vat {
            code: s(l.vat_code),
            rate_bp: l.rate_bp,
            amount_minor: l.vat,
            base_minor: amount_ex,
        };
        match vat.iter_mut().find(|v| v.code == l.vat_code) {
            Some(v) => {
                v.amount_minor += l.vat;
                v.base_minor += amount_ex;
            }
            None => vat.push(line_vat.clone()),
        }
        ct_lines.push(CtLine {
            line_id: (i + 1).to_string(),
            line_type: s(line_type.basic_id()),
            art_group_id: Some(s(l.group)),
            art_id: Some(s(l.art)),
            qnt: Some(l.qnt),
            amount_in_minor: amount_in,
            amount_ex_minor: amount_ex,
            ppu_minor: Some(l.ppu),
            emp_id: Some(s(emp)),
            desc: None,
            date: Some(s("2026-03-02")),
            time: Some(s(time)),
            vat: Some(line_vat),
        });
    }
    let text = no::signed_text(
        chain.previous.as_deref(),
        "2026-03-02",
        time,
        number,
        training,
        gross,
        net,
    )
    .unwrap();
    let signature = key().sign(&text);
    chain.previous = Some(signature.clone());
    CashTransaction {
        nr: nr.clone(),
        trans_id: nr,
        trans_type: Some(s(kind.basic_id())),
        amount_in_minor: gross,
        amount_ex_minor: net,
        emp_id: Some(s(emp)),
        period_number: Some(3),
        date: s("2026-03-02"),
        time: s(time),
        desc: match kind {
            TransactionType::Return => Some(s("Return of receipt 2: cracked <cup> & saucer")),
            TransactionType::Sale => None,
        },
        lines: ct_lines,
        vat,
        rounding_minor: Some(0),
        payments: vec![Payment {
            payment_type: s(pay.basic_id()),
            amount_minor: gross,
            emp_id: Some(s(emp)),
            cur_code: Some(s("NOK")),
            ref_id: pay_ref.map(str::to_owned),
        }],
        signature,
        key_version: key().version(),
        receipt_num: Some(1),
        receipt_copy_num: Some(0),
        receipt_proforma_num: Some(0),
        receipt_delivery_num: Some(0),
        void: false,
        training,
    }
}

const KAFFE: (&str, &str, i64, &str, u32) = ("1", "DRINK", 4_500, "2", 1_500);
const BOLLE: (&str, &str, i64, &str, u32) = ("2", "FOOD", 3_900, "2", 1_500);
const KOPP: (&str, &str, i64, &str, u32) = ("3", "GOODS", 19_900, "1", 2_500);

fn l(a: (&'static str, &'static str, i64, &'static str, u32), qnt: i64, vat: i64) -> L {
    L {
        art: a.0,
        group: a.1,
        qnt,
        ppu: a.2,
        vat_code: a.3,
        rate_bp: a.4,
        vat,
    }
}

fn ev(id: u32, e: JournalEvent, trans: Option<&str>, emp: Option<&str>, time: &str) -> Event {
    Event {
        id: id.to_string(),
        event_type: s(no::event_basic_id(e)),
        trans_id: trans.map(str::to_owned),
        emp_id: emp.map(str::to_owned),
        date: s("2026-03-02"),
        time: s(time),
        text: None,
        report: None,
    }
}

fn tally_groups(groups: &[(&str, i64, i64)]) -> Vec<GroupTotal> {
    groups
        .iter()
        .map(|(g, n, a)| GroupTotal {
            emp_id: None,
            group_id: s(g),
            num: *n,
            amount_minor: *a,
        })
        .collect()
}

fn pay_totals(payments: &[(PaymentType, u64, i64)]) -> Vec<PaymentTotal> {
    payments
        .iter()
        .map(|(p, n, a)| PaymentTotal {
            emp_id: None,
            payment_type: s(p.basic_id()),
            num: *n,
            amount_minor: *a,
        })
        .collect()
}

fn z(id: &str, time: &str) -> Report {
    Report::new(s(id), ReportKind::Z, s("2026-03-02"), s(time))
}

/// A day at the counter: sales paid by bank, cash and card, a copy of a receipt, a
/// training receipt (its own series), a return, and two Z reports.
fn a_day(company_name: &str) -> AuditFile {
    let mut live = Chain { previous: None };
    let mut training = Chain { previous: None };
    use JournalEvent as E;
    use PaymentType::{Card, Cash, PayByBank};
    use TransactionType::{Return, Sale};

    let mut r1 = receipt(
        &mut live,
        1,
        false,
        Sale,
        "1",
        "09:05:10",
        &[l(KAFFE, 2, 1_174), l(BOLLE, 1, 509)],
        PayByBank,
        Some("aiia:pay_7f3a9c; bank ref KASSA 1"),
    );
    r1.receipt_copy_num = Some(1);
    let r2 = receipt(
        &mut live,
        2,
        false,
        Sale,
        "1",
        "09:40:00",
        &[l(KOPP, 1, 3_980)],
        Cash,
        None,
    );
    let r3 = receipt(
        &mut live,
        3,
        false,
        Sale,
        "2",
        "10:15:30",
        &[l(KAFFE, 1, 587)],
        Card,
        Some("terminal 4411"),
    );
    let t1 = receipt(
        &mut training,
        1,
        true,
        Sale,
        "2",
        "10:31:00",
        &[l(BOLLE, 1, 509)],
        PayByBank,
        Some("sandbox:pay_1"),
    );
    let r4 = receipt(
        &mut live,
        4,
        false,
        Return,
        "2",
        "11:00:00",
        &[l(KOPP, -1, -3_980)],
        Cash,
        None,
    );
    let r5 = receipt(
        &mut live,
        5,
        false,
        Sale,
        "2",
        "12:00:00",
        &[l(KAFFE, 2, 1_174)],
        Card,
        None,
    );
    assert_eq!(
        (r1.amount_in_minor, r1.amount_ex_minor),
        (12_900, 11_217),
        "129.00 with 16.83 VAT at 15 %"
    );
    assert_eq!((r4.amount_in_minor, r4.amount_ex_minor), (-19_900, -15_920));

    let mut z1 = z("1", "10:20:00");
    z1.total_cash_sale_minor = 37_300;
    z1.art_groups = tally_groups(&[
        ("DRINK", 3, 13_500),
        ("FOOD", 1, 3_900),
        ("GOODS", 1, 19_900),
    ]);
    z1.emp_art_groups = vec![
        GroupTotal {
            emp_id: Some(s("1")),
            group_id: s("DRINK"),
            num: 2,
            amount_minor: 9_000,
        },
        GroupTotal {
            emp_id: Some(s("2")),
            group_id: s("DRINK"),
            num: 1,
            amount_minor: 4_500,
        },
    ];
    z1.payments = pay_totals(&[(PayByBank, 1, 12_900), (Cash, 1, 19_900), (Card, 1, 4_500)]);
    z1.emp_payments = vec![PaymentTotal {
        emp_id: Some(s("1")),
        payment_type: s(Cash.basic_id()),
        num: 1,
        amount_minor: 19_900,
    }];
    z1.cash_sales_vat = vec![
        VatTotal {
            vat_code: Some(s("1")),
            rate_bp: 2_500,
            base_minor: 15_920,
            vat_minor: 3_980,
        },
        VatTotal {
            vat_code: Some(s("2")),
            rate_bp: 1_500,
            base_minor: 15_130,
            vat_minor: 2_270,
        },
    ];
    z1.receipt_num = 3;
    z1.receipt_copy_num = 1;
    z1.receipt_copy_minor = 12_900;
    z1.grand_total_sales_minor = 37_300;
    z1.grand_total_sales_net_minor = 37_300;

    let mut z2 = z("2", "17:30:00");
    z2.total_cash_sale_minor = -10_900;
    z2.art_groups = tally_groups(&[("DRINK", 2, 9_000), ("GOODS", -1, -19_900)]);
    z2.payments = pay_totals(&[(Cash, 1, -19_900), (Card, 1, 9_000)]);
    z2.cash_sales_vat = vec![
        VatTotal {
            vat_code: Some(s("1")),
            rate_bp: 2_500,
            base_minor: -15_920,
            vat_minor: -3_980,
        },
        VatTotal {
            vat_code: Some(s("2")),
            rate_bp: 1_500,
            base_minor: 7_826,
            vat_minor: 1_174,
        },
    ];
    z2.receipt_num = 2;
    z2.return_num = 1;
    z2.return_minor = 19_900;
    z2.training_num = 1;
    z2.training_minor = 3_900;
    z2.grand_total_sales_minor = 9_000;
    z2.grand_total_return_minor = 19_900;
    z2.grand_total_sales_net_minor = -10_900;

    let mut zrep1 = ev(13, E::ZReport, None, Some("2"), "10:20:00");
    zrep1.text = Some(s("Z report 1"));
    zrep1.report = Some(z1);
    let mut zrep2 = ev(22, E::ZReport, None, Some("2"), "17:30:00");
    zrep2.text = Some(s("Z report 2"));
    zrep2.report = Some(z2);
    let mut price = ev(20, E::PriceChange, None, Some("2"), "13:00:00");
    price.text = Some(s("artID 1; Kaffe; 45.00 -> 49.00"));

    let events = vec![
        ev(1, E::AppStart, None, None, "08:55:00"),
        ev(2, E::LogIn, None, Some("1"), "09:00:00"),
        ev(3, E::SalesReceiptPrinted, Some("1"), Some("1"), "09:05:10"),
        ev(4, E::CopyReceipt, Some("1"), Some("1"), "09:10:00"),
        ev(5, E::SalesReceiptPrinted, Some("2"), Some("1"), "09:40:00"),
        ev(6, E::CashDrawerOpened, Some("2"), Some("1"), "09:40:01"),
        ev(7, E::CashDrawerClosed, Some("2"), Some("1"), "09:40:20"),
        ev(8, E::LogOut, None, Some("1"), "10:00:00"),
        ev(9, E::LogIn, None, Some("2"), "10:01:00"),
        ev(10, E::SalesReceiptPrinted, Some("3"), Some("2"), "10:15:30"),
        ev(11, E::XReport, None, Some("2"), "10:18:00"),
        ev(12, E::OtherReport, None, Some("2"), "10:19:00"),
        zrep1,
        ev(14, E::TrainingModeOn, None, Some("2"), "10:30:00"),
        ev(
            15,
            E::TrainingReceipt,
            Some("TRENING-1"),
            Some("2"),
            "10:31:00",
        ),
        ev(16, E::TrainingModeOff, None, Some("2"), "10:32:00"),
        ev(17, E::ReturnReceipt, Some("4"), Some("2"), "11:00:00"),
        ev(18, E::SalesReceiptPrinted, Some("5"), Some("2"), "12:00:00"),
        ev(19, E::VoidReceipt, None, Some("2"), "12:30:00"),
        price,
        ev(
            21,
            E::SaleWithoutReceiptPrinted,
            None,
            Some("2"),
            "16:00:00",
        ),
        zrep2,
        ev(23, E::JournalExported, None, Some("2"), "17:35:00"),
        ev(24, E::LogOut, None, Some("2"), "17:40:00"),
        ev(25, E::AppShutDown, None, None, "17:41:00"),
    ];
    let mut company = company(company_name);
    company.locations = vec![register(events, vec![r1, r2, r3, t1, r4, r5])];
    AuditFile {
        header: header("2026-03-02", "2026-03-02"),
        company,
    }
}

#[test]
fn skatteetatens_example_validates_with_the_copied_schema() {
    let example = data("tests/data/example-cash-register-999999999-20210330104000.xml");
    if let Err(said) = xmllint_file(&example) {
        panic!("the official example does not validate against data/'s schema:\n{said}");
    }
}

#[test]
fn a_day_with_every_kind_of_receipt_and_two_z_reports_validates() {
    let file = a_day("Kafé Storgata AS");
    let xml = assert_valid(&file);
    for want in [
        "<nr>TRENING-1</nr>",
        "<trainingID>true</trainingID>",
        "<transType>RETURNSAL</transType>",
        "<transAmntIn>-199.00</transAmntIn>",
        "<amntTp>D</amntTp>",
        "<receiptCopyNum>1</receiptCopyNum>",
        "<paymentType>BANK</paymentType>",
        "<reportType>Z report</reportType>",
        "<reportID>2</reportID>",
        "<vatPerc>15.00</vatPerc>",
        "<predefinedBasicID>12004</predefinedBasicID>",
        "<predefinedBasicID>13017</predefinedBasicID>",
        "<companyIdent>999999999</companyIdent>",
        "<registerID>KASSA-1</registerID>",
    ] {
        assert!(xml.contains(want), "{want} missing");
    }
    assert_eq!(xml.matches("<cashtransaction>").count(), 6);
    assert_eq!(xml.matches("<eventReport>").count(), 2);
    assert_eq!(
        file.file_name(),
        "SAF-T Cash Register_999999999_20260303074500_1_1.xml"
    );
}

#[test]
fn the_exported_receipts_verify_as_one_chain_per_series() {
    let file = a_day("Kafé Storgata AS");
    let till = &file.company.locations[0].registers[0];
    let public = signature::public_key(&key().public_pem().unwrap()).unwrap();
    let key_of = |v: u32| (v == 1).then(|| public.clone());
    for training in [false, true] {
        let links: Vec<Link> = till
            .transactions
            .iter()
            .filter(|t| t.training == training)
            .map(|t| Link {
                nr: t.nr.clone(),
                date: t.date.clone(),
                time: t.time.clone(),
                amount_in_minor: t.amount_in_minor,
                amount_ex_minor: t.amount_ex_minor,
                signature: t.signature.clone(),
                key_version: t.key_version,
            })
            .collect();
        assert_eq!(
            signature::verify_chain(None, &links, &key_of),
            Ok(links.len())
        );
        // Clearing the training flag does not make a training receipt a live one: its signed
        // number is TRENING-1, which no live chain holds.
        if training {
            assert!(links.iter().all(|l| no::parse_nr(&l.nr) == Some((1, true))));
        }
    }
}

#[test]
fn an_empty_period_is_a_valid_file() {
    // The till, its codes and people, and no transactions: what an export of a closed week
    // gives.
    let mut company = company("Kafé Storgata AS");
    company.locations = vec![register(vec![], vec![])];
    let file = AuditFile {
        header: header("2026-03-09", "2026-03-15"),
        company,
    };
    let xml = assert_valid(&file);
    assert!(!xml.contains("<cashtransaction>") && !xml.contains("<event>"));
    assert!(xml.contains("<cashregister>"));

    // The least the schema takes: the header and the company's ident and name.
    let bare = AuditFile {
        header: header("2026-03-09", "2026-03-15"),
        company: Company {
            ident: s("999999999"),
            name: s("Kafé Storgata AS"),
            tax_registration_country: None,
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
    };
    assert_valid(&bare);
}

#[test]
fn an_empty_z_report_still_has_every_part_the_schema_asks() {
    let mut company = company("Kafé Storgata AS");
    let mut zrep = ev(1, JournalEvent::ZReport, None, Some("1"), "23:59:00");
    zrep.report = Some(z("1", "23:59:00"));
    company.locations = vec![register(vec![zrep], vec![])];
    let file = AuditFile {
        header: header("2026-03-02", "2026-03-02"),
        company,
    };
    let xml = assert_valid(&file);
    assert!(xml.contains("<otherCorrType>None</otherCorrType>"));
    assert!(xml.contains("<paymentType>None</paymentType>"));
}

/// xmllint's reading of the text of the first element `name`.
fn read_back(xml: &str, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.xml");
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint")
        .arg("--xpath")
        .arg(format!("string((//*[local-name()='{name}'])[1])"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // xmllint ends what it prints with a line break of its own.
    text.strip_suffix('\n').unwrap_or(&text).to_owned()
}

#[test]
fn names_with_markup_characters_are_escaped_and_read_back_unchanged() {
    let name = "Kaffe & Kake <AS> \"Ole's\"";
    let mut file = a_day(name);
    file.header.header_comment = Some(s("a < b && c > d; ]]> 'quoted'"));
    let xml = assert_valid(&file);
    assert!(
        xml.contains(
            "<companyName>Kaffe &amp; Kake &lt;AS&gt; &quot;Ole&apos;s&quot;</companyName>"
        )
    );
    assert!(!xml.contains("Kake <AS>"));
    assert_eq!(read_back(&xml, "companyName"), name);
    assert_eq!(
        read_back(&xml, "headerComment"),
        "a < b && c > d; ]]> 'quoted'"
    );
    assert_eq!(read_back(&xml, "artDesc"), "Kaffe");
    assert_eq!(read_back(&xml, "regDesc"), "The counter's till");
}

#[test]
fn what_check_refuses_the_schema_refuses_too() {
    // An event whose type is no basic, and a line naming an article the file does not have:
    // what the schema's keys and keyrefs mean. xmllint does not enforce those (their
    // selectors, `./company/location/...`, name elements without the namespace, so they
    // select nothing), so check is what stands between such a file and the tax office.
    let mut file = a_day("Kafé Storgata AS");
    let till = &mut file.company.locations[0].registers[0];
    till.events[0].event_type = s("LUNCH");
    till.transactions[0].lines[0].art_id = Some(s("99"));
    let err = file.check().unwrap_err().to_string();
    assert!(
        err.contains("the event type \"LUNCH\" is not among the basics"),
        "{err}"
    );
    assert!(
        err.contains("receipt 1, line 1: article \"99\" is not among the articles"),
        "{err}"
    );

    // A name longer than the schema's 100 characters: refused by both.
    let mut file = a_day("Kafé Storgata AS");
    file.company.name = "K".repeat(101);
    assert!(file.check().is_err());
    let said = xmllint(&file.to_xml()).unwrap_err();
    assert!(
        said.contains("companyName") && said.contains("fails to validate"),
        "{said}"
    );
}
