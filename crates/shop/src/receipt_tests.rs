use super::*;
use crate::profile::{ProfileDraft, validate};
use crate::vat::{SaftCode, VatClass};
use kassa_print::{COLUMNS_80MM, encode};

const NO_STD: VatClass = VatClass {
    bp: 2500,
    code: SaftCode::REGULAR,
};
const NO_FOOD: VatClass = VatClass {
    bp: 1500,
    code: SaftCode::MIDDLE,
};
const FI_STD: VatClass = VatClass {
    bp: 2550,
    code: SaftCode::REGULAR,
};
const DK_STD: VatClass = NO_STD;

fn nok(minor: i64) -> Money {
    Money::new(minor, Currency::Nok)
}
fn dkk(minor: i64) -> Money {
    Money::new(minor, Currency::Dkk)
}
fn eur(minor: i64) -> Money {
    Money::new(minor, Currency::Eur)
}

fn profile(d: ProfileDraft) -> MerchantProfile {
    match validate(&d) {
        Ok(p) => p,
        Err(e) => panic!("fixture profile refused: {e:?}"),
    }
}

fn norwegian_shop() -> MerchantProfile {
    profile(ProfileDraft {
        legal_name: "Bakeriet Grünerløkka AS".into(),
        org_number: "923609016".into(),
        vat_registered: true,
        address_lines: vec!["Thorvald Meyers gate 10".into()],
        postcode: "0555".into(),
        city: "Oslo".into(),
        country: "no".into(),
        till_name: "Kasse 1".into(),
        receipt_footer: "Takk for besøket!".into(),
    })
}

fn danish_shop() -> MerchantProfile {
    profile(ProfileDraft {
        legal_name: "Bageriet Nørrebro ApS".into(),
        org_number: "10150817".into(),
        vat_registered: false,
        address_lines: vec!["Nørrebrogade 1".into()],
        postcode: "2200".into(),
        city: "København N".into(),
        country: "dk".into(),
        till_name: "Kasse 2".into(),
        receipt_footer: String::new(),
    })
}

fn finnish_shop() -> MerchantProfile {
    profile(ProfileDraft {
        legal_name: "Kahvila Kallio Oy".into(),
        org_number: "0112038-9".into(),
        vat_registered: false,
        address_lines: vec!["Helsinginkatu 5".into()],
        postcode: "00500".into(),
        city: "Helsinki".into(),
        country: "fi".into(),
        till_name: "Kassa".into(),
        receipt_footer: "Kiitos!".into(),
    })
}

fn at() -> LocalDateTime {
    match LocalDateTime::new(Day::new(2026, 3, 2), 14, 5, 9, 60) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

fn norwegian_lines() -> Vec<Line> {
    vec![
        Line {
            quantity: 2,
            ..Line::new("Kaffe 500 g", nok(8990), NO_FOOD)
        },
        Line::new("Batterier AA 4-pk", nok(9900), NO_STD),
    ]
}

fn norwegian_draft() -> ReceiptDraft {
    ReceiptDraft {
        kind: ReceiptKind::Sale,
        number: 1042,
        till_name: "Kasse 1".into(),
        at: at(),
        merchant: norwegian_shop(),
        lines: norwegian_lines(),
        tender: Tender::PayByBank {
            payment_id: "pay_7Hq2xK".into(),
            bank_reference: "KASSA-1042".into(),
        },
        copy_number: None,
        training: false,
    }
}

fn receipt(d: ReceiptDraft) -> Receipt {
    match Receipt::new(d) {
        Ok(r) => r,
        Err(e) => panic!("fixture receipt refused: {e}"),
    }
}

/// The text with no-break spaces shown as spaces, for readable golden strings.
fn plain(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

/// The Norwegian sale at 48 columns, line by line (no-break spaces shown as spaces).
const NORWEGIAN_GOLDEN: [&str; 25] = [
    "            Bakeriet Grünerløkka AS",
    "            Org.nr. NO 923609016 MVA",
    "            Thorvald Meyers gate 10",
    "                   0555 Oslo",
    "",
    "Till Kasse 1",
    "2026-03-02 14:05",
    "Receipt 1042",
    "------------------------------------------------",
    "Kaffe 500 g                               179,80",
    "2 × 89,90",
    "Batterier AA 4-pk                          99,00",
    "------------------------------------------------",
    "VAT                Net          VAT        Gross",
    "25 %             79,20        19,80        99,00",
    "15 %            156,35        23,45       179,80",
    "    TOTAL kr 278,80",
    "",
    "Paid by bank                           kr 278,80",
    "Payment ID: pay_7Hq2xK",
    "Bank reference: KASSA-1042",
    "",
    "               Takk for besøket!",
    // The cut prints no text line; these two close the list for the length check.
    "",
    "",
];

fn golden() -> String {
    let mut s = NORWEGIAN_GOLDEN[..23].join("\n");
    s.push('\n');
    s
}

/// A 48-column text-and-amount line.
fn row(left: &str, right: &str) -> String {
    let gap = 48 - left.chars().count() - right.chars().count();
    format!("{left}{}{right}", " ".repeat(gap))
}

fn text_of(r: &Receipt) -> String {
    plain(&r.to_doc(COLUMNS_80MM, None).to_text(COLUMNS_80MM))
}

#[test]
fn a_two_line_norwegian_sale_prints_exactly_at_48_columns() {
    let r = receipt(norwegian_draft());
    let text = r.to_doc(COLUMNS_80MM, None).to_text(COLUMNS_80MM);
    assert_eq!(plain(&text), golden());
    assert!(text.lines().all(|l| l.chars().count() <= 48));
    // Amounts keep their no-break spaces (so a printer never breaks "kr 278,80").
    assert!(text.contains("kr\u{a0}278,80"));
    // One source of truth: the breakdown is the lines' breakdown.
    assert_eq!(r.breakdown(), &Breakdown::of(&norwegian_lines()).unwrap());
    assert_eq!(r.total(), nok(27880));
}

#[test]
fn the_norwegian_sale_encodes_to_escpos_from_init_to_cut() {
    let r = receipt(norwegian_draft());
    let bytes = encode(&r.to_doc(COLUMNS_80MM, None));
    // ESC @, then code table 16 (WPC1252).
    assert_eq!(&bytes[..5], &[0x1B, b'@', 0x1B, b't', 16]);
    // Partial cut at the very end.
    assert_eq!(&bytes[bytes.len() - 4..], &[0x1D, b'V', 66, 0]);
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    // Centred, bold legal name with ü and ø in WPC1252.
    assert!(has(&[0x1B, b'a', 1, 0x1B, b'E', 1]));
    assert!(has(b"Bakeriet Gr\xFCnerl\xF8kka AS\n"));
    // × is 0xD7; the no-break space is 0xA0.
    assert!(has(b"2 \xD7 89,90\n"));
    // The total in double size.
    assert!(has(&[0x1D, b'!', 0x11]));
    // Wrapped text turns the no-break space into a plain one; amount columns keep it.
    assert!(has(b"TOTAL kr 278,80\n"));
    assert!(has(b"kr\xA0278,80\n"));
    // Every text line of the layout is in the bytes, in order.
    let spaced: Vec<u8> = bytes
        .iter()
        .map(|b| if *b == 0xA0 { b' ' } else { *b })
        .collect();
    let mut from = 0;
    for line in golden().lines().filter(|l| !l.trim().is_empty()) {
        let line: Vec<u8> = line
            .trim_start()
            .chars()
            .map(kassa_print::escpos::cp1252)
            .collect();
        let at = spaced[from..]
            .windows(line.len())
            .position(|w| w == line.as_slice());
        let Some(at) = at else {
            panic!("not in the bytes: {:?}", String::from_utf8_lossy(&line));
        };
        from += at + line.len();
    }
}

#[test]
fn a_danish_cash_sale_shows_cash_given_and_change() {
    let lines = vec![
        Line {
            quantity: 2,
            ..Line::new("Wienerbrød", dkk(1850), DK_STD)
        },
        Line::new("Kaffe", dkk(3200), DK_STD),
    ];
    let r = receipt(ReceiptDraft {
        number: 7,
        till_name: "Kasse 2".into(),
        merchant: danish_shop(),
        tender: Tender::cash(dkk(10000), dkk(6900)).unwrap(),
        lines,
        ..norwegian_draft()
    });
    assert_eq!(
        r.tender(),
        &Tender::Cash {
            given: dkk(10000),
            change: dkk(3100)
        }
    );
    let text = text_of(&r);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"                CVR-nr. 10150817"));
    assert!(lines.contains(&"Wienerbrød                                 37,00"));
    assert!(lines.contains(&"2 × 18,50"));
    assert!(lines.contains(&"25 %             55,20        13,80        69,00"));
    assert!(lines.contains(&"    TOTAL 69,00 kr."));
    assert!(lines.contains(&row("Cash", "100,00 kr.").as_str()));
    assert!(lines.contains(&row("Change", "31,00 kr.").as_str()));
    assert!(!text.contains("Payment ID"));
    // No footer in the profile: the change is the last line.
    assert_eq!(lines.last(), Some(&row("Change", "31,00 kr.").as_str()));
}

#[test]
fn a_finnish_card_sale_in_euro_at_25_5_percent() {
    let lines = vec![
        Line {
            quantity: 2,
            ..Line::new("Kahvi", eur(390), FI_STD)
        },
        Line::new("Korvapuusti", eur(460), FI_STD),
    ];
    let r = receipt(ReceiptDraft {
        number: 311,
        till_name: "Kassa".into(),
        merchant: finnish_shop(),
        tender: Tender::Card {
            terminal_reference: Some("Nets 004211".into()),
        },
        lines,
        ..norwegian_draft()
    });
    // 12.40 × 2550 / 12550 = 2.5195… → 2.52.
    assert_eq!(r.breakdown().groups[0].vat_amount, eur(252));
    assert_eq!(r.breakdown().groups[0].net, eur(988));
    let text = text_of(&r);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"               Y-tunnus 0112038-9"));
    assert!(lines.contains(&"25,5 %            9.88         2.52        12.40"));
    assert!(lines.contains(&"      TOTAL €12.40"));
    assert!(lines.contains(&row("Card", "€12.40").as_str()));
    assert!(lines.contains(&"Terminal ref.: Nets 004211"));
    // € is 0x80 in WPC1252.
    let bytes = encode(&r.to_doc(COLUMNS_80MM, None));
    assert!(bytes.windows(7).any(|w| w == b"\x8012.40\n"));
}

fn return_draft() -> ReceiptDraft {
    ReceiptDraft {
        kind: ReceiptKind::Return {
            of_number: 1042,
            reason: "  Defekt  ".into(),
        },
        number: 1043,
        lines: vec![Line::new("Batterier AA 4-pk", nok(9900), NO_STD)],
        ..norwegian_draft()
    }
}

#[test]
fn a_return_receipt_names_the_sale_and_shows_amounts_negative() {
    let r = receipt(return_draft());
    assert!(r.is_return());
    assert_eq!(r.total(), nok(-9900));
    let g = r.breakdown().groups[0];
    assert_eq!(
        (g.net, g.vat_amount, g.gross),
        (nok(-7920), nok(-1980), nok(-9900))
    );
    assert_eq!(
        r.kind(),
        &ReceiptKind::Return {
            of_number: 1042,
            reason: "Defekt".into()
        }
    );
    let text = text_of(&r);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"Receipt 1043"));
    assert!(lines.contains(&"         RETURN"));
    assert!(lines.contains(&"Return of receipt 1042"));
    assert!(lines.contains(&"Reason: Defekt"));
    assert!(lines.contains(&"Batterier AA 4-pk                         -99,00"));
    assert!(lines.contains(&"25 %            -79,20       -19,80       -99,00"));
    assert!(lines.contains(&"    TOTAL -kr 99,00"));
    assert!(lines.contains(&row("Refund by bank transfer", "-kr 99,00").as_str()));
}

#[test]
fn a_cash_return_pays_back_the_amount_returned_and_no_more() {
    let cash = |given, change| ReceiptDraft {
        tender: Tender::Cash { given, change },
        ..return_draft()
    };
    let r = receipt(cash(nok(9900), nok(0)));
    assert!(text_of(&r).contains(&row("Cash paid back", "-kr 99,00")));
    assert_eq!(
        Receipt::new(cash(nok(5000), nok(0))),
        Err(ReceiptError::CashRefundMismatch {
            paid: nok(5000).display(),
            returned: nok(9900).display()
        })
    );
    assert!(matches!(
        Receipt::new(cash(nok(9900), nok(100))),
        Err(ReceiptError::ChangeOnRefund { .. })
    ));
}

#[test]
fn a_training_receipt_carries_the_banner_top_and_bottom() {
    let r = receipt(ReceiptDraft {
        training: true,
        ..norwegian_draft()
    });
    let text = text_of(&r);
    let lines: Vec<&str> = text.lines().collect();
    let banner = "            TRAINING — NOT A RECEIPT";
    assert_eq!(lines[0], banner);
    assert_eq!(lines.last(), Some(&banner));
    assert_eq!(lines.iter().filter(|l| **l == banner).count(), 2);
    // Otherwise the same receipt.
    assert_eq!(lines[1..lines.len() - 1].join("\n") + "\n", golden());
    // The em dash is 0x97 in WPC1252, and the banner is bold.
    let bytes = encode(&r.to_doc(COLUMNS_80MM, None));
    assert!(
        bytes
            .windows(2)
            .any(|w| w == [b'G', 0x97] || w == [b' ', 0x97])
    );
    assert!(
        receipt(norwegian_draft())
            .to_json()
            .unwrap()
            .contains("\"training\": false")
    );
}

#[test]
fn a_reprint_is_marked_copy_n_at_the_top_and_before_the_cut() {
    let original = receipt(norwegian_draft());
    let copy = original.reprint(2).unwrap();
    assert_eq!(copy.copy_number(), Some(2));
    assert_eq!(copy.number(), 1042);
    let text = text_of(&copy);
    let lines: Vec<&str> = text.lines().collect();
    let marker = "     *** COPY 2 ***";
    assert_eq!(lines[0], marker);
    assert_eq!(lines.last(), Some(&marker));
    assert_eq!(lines[1..lines.len() - 1].join("\n") + "\n", golden());
    // Under the logo, and still cut at the end.
    let logo = Raster::new(8, 1, vec![0xFF]).unwrap();
    let doc = copy.to_doc(COLUMNS_80MM, Some(logo.clone()));
    assert_eq!(doc.blocks[0], Block::Logo(logo));
    assert_eq!(
        doc.blocks[1],
        Block::styled("*** COPY 2 ***", Align::Center, true, true)
    );
    assert_eq!(doc.blocks.last(), Some(&Block::Cut));
    // The original has no marker; a copy number starts at 1.
    assert!(!text_of(&original).contains("COPY"));
    assert_eq!(original.reprint(0), Err(ReceiptError::NoCopyNumber));
}

#[test]
fn the_logo_comes_first_and_is_encoded_as_a_raster() {
    let logo = Raster::new(16, 2, vec![0xFF, 0x00, 0x0F, 0xF0]).unwrap();
    let doc = receipt(norwegian_draft()).to_doc(COLUMNS_80MM, Some(logo.clone()));
    assert_eq!(doc.blocks[0], Block::Logo(logo));
    let bytes = encode(&doc);
    let raster = [0x1D, b'v', b'0', 0, 2, 0, 2, 0, 0xFF, 0x00, 0x0F, 0xF0];
    assert!(bytes.windows(raster.len()).any(|w| w == raster));
    // The text layout leaves the logo out.
    assert_eq!(plain(&doc.to_text(COLUMNS_80MM)), golden());
}

#[test]
fn a_narrow_paper_stacks_the_vat_table_when_the_columns_do_not_fit() {
    let r = receipt(ReceiptDraft {
        lines: vec![Line::new("Sykkel", nok(1_234_500), NO_STD)],
        tender: Tender::Card {
            terminal_reference: None,
        },
        ..norwegian_draft()
    });
    let text = plain(&r.to_doc(32, None).to_text(32));
    assert!(text.lines().all(|l| l.chars().count() <= 32), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"VAT 25 %"));
    assert!(lines.contains(&"Net                     9 876,00"));
    assert!(lines.contains(&"VAT                     2 469,00"));
    assert!(lines.contains(&"Gross                  12 345,00"));
}

#[test]
fn json_has_the_fields_the_cli_prints() {
    let r = receipt(norwegian_draft());
    let v: serde_json::Value = serde_json::from_str(&r.to_json().unwrap()).unwrap();
    assert_eq!(v["kind"], "sale");
    assert_eq!(v["number"], 1042);
    assert_eq!(v["return_of"], serde_json::Value::Null);
    assert_eq!(v["copy_number"], serde_json::Value::Null);
    assert_eq!(v["training"], false);
    assert_eq!(v["till"], "Kasse 1");
    assert_eq!(v["at"], "2026-03-02T14:05:09+01:00");
    assert_eq!(v["merchant"]["org_number"], "NO 923609016 MVA");
    assert_eq!(v["merchant"]["vat_number"], "NO923609016MVA");
    assert_eq!(v["merchant"]["country"], "NO");
    let line = &v["lines"][0];
    assert_eq!(line["text"], "Kaffe 500 g");
    assert_eq!(line["quantity"], 2);
    assert_eq!(
        line["unit_price"],
        serde_json::json!({"minor": 8990, "currency": "NOK", "text": "kr\u{a0}89,90"})
    );
    assert_eq!(line["amount"]["minor"], 17980);
    assert_eq!(line["rate_bp"], 1500);
    assert_eq!(line["saft_code"], "31");
    let vat = v["vat"].as_array().unwrap();
    assert_eq!(vat.len(), 2);
    assert_eq!(vat[0]["rate_bp"], 2500);
    assert_eq!(vat[0]["rate"], "25\u{a0}%");
    assert_eq!(vat[0]["saft_code"], "3");
    assert_eq!(vat[0]["net"]["minor"], 7920);
    assert_eq!(vat[0]["vat"]["minor"], 1980);
    assert_eq!(vat[0]["gross"]["minor"], 9900);
    assert_eq!(vat[1]["saft_code"], "31");
    assert_eq!(vat[1]["net"]["minor"], 15635);
    assert_eq!(vat[1]["vat"]["minor"], 2345);
    assert_eq!(vat[1]["gross"]["minor"], 17980);
    assert_eq!(
        v["total"],
        serde_json::json!({"minor": 27880, "currency": "NOK", "text": "kr\u{a0}278,80"})
    );
    assert_eq!(v["net"]["minor"], 23555);
    assert_eq!(v["vat_total"]["minor"], 4325);
    assert_eq!(
        v["tender"],
        serde_json::json!({"type": "pay_by_bank", "payment_id": "pay_7Hq2xK", "bank_reference": "KASSA-1042"})
    );
    assert_snake_case(&v);
}

/// Every key, at every depth, is snake_case (the CLI's JSON convention).
fn assert_snake_case(v: &serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                assert!(
                    key.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "key {key:?} is not snake_case"
                );
                assert_snake_case(value);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(assert_snake_case),
        _ => {}
    }
}

#[test]
fn json_of_cash_card_return_and_copy() {
    let cash = receipt(ReceiptDraft {
        tender: Tender::cash(nok(30000), nok(27880)).unwrap(),
        ..norwegian_draft()
    });
    let v: serde_json::Value = serde_json::to_value(cash.json()).unwrap();
    assert_eq!(v["tender"]["type"], "cash");
    assert_eq!(v["tender"]["given"]["minor"], 30000);
    assert_eq!(v["tender"]["change"]["minor"], 2120);
    let card = receipt(ReceiptDraft {
        tender: Tender::Card {
            terminal_reference: None,
        },
        ..norwegian_draft()
    });
    let v = serde_json::to_value(card.json()).unwrap();
    assert_eq!(
        v["tender"],
        serde_json::json!({"type": "card", "terminal_reference": null})
    );
    let ret = receipt(return_draft()).reprint(1).unwrap();
    let v = serde_json::to_value(ret.json()).unwrap();
    assert_eq!(v["kind"], "return");
    assert_eq!(v["return_of"], 1042);
    assert_eq!(v["reason"], "Defekt");
    assert_eq!(v["copy_number"], 1);
    assert_eq!(v["total"]["minor"], -9900);
    assert_eq!(v["vat"][0]["vat"]["minor"], -1980);
    assert_eq!(v["lines"][0]["unit_price"]["minor"], 9900);
    assert_eq!(v["lines"][0]["amount"]["minor"], -9900);
    assert_snake_case(&v);
}

#[test]
fn inconsistent_input_is_refused_with_a_clear_message() {
    let with = |tender| ReceiptDraft {
        tender,
        ..norwegian_draft()
    };
    let short = Receipt::new(with(Tender::Cash {
        given: nok(20000),
        change: nok(0),
    }));
    assert_eq!(
        short.map_err(|e| plain(&e.to_string())),
        Err("the cash given (kr 200,00) is less than the total (kr 278,80)".into())
    );
    let wrong_change = Receipt::new(with(Tender::Cash {
        given: nok(30000),
        change: nok(2000),
    }));
    assert_eq!(
        wrong_change.map_err(|e| plain(&e.to_string())),
        Err("the change should be kr 21,20 (cash given minus the total), not kr 20,00".into())
    );
    let euros = Receipt::new(with(Tender::Cash {
        given: eur(30000),
        change: eur(2120),
    }));
    assert_eq!(
        euros.map_err(|e| e.to_string()),
        Err("the cash given is in EUR but the sale is in NOK: one receipt has one currency".into())
    );
    assert!(matches!(
        Tender::cash(eur(100), nok(100)),
        Err(ReceiptError::CurrencyMismatch { .. })
    ));
    assert!(matches!(
        Tender::cash(nok(99), nok(100)),
        Err(ReceiptError::CashShort { .. })
    ));
    // Lines in two currencies, or none.
    let mut mixed = norwegian_lines();
    mixed.push(Line::new("Kaffe", dkk(3200), DK_STD));
    assert_eq!(
        Receipt::new(ReceiptDraft {
            lines: mixed,
            ..norwegian_draft()
        }),
        Err(ReceiptError::Lines(LineError::MixedCurrency {
            line: 3,
            expected: Currency::Nok,
            found: Currency::Dkk
        }))
    );
    let none = Receipt::new(ReceiptDraft {
        lines: vec![],
        ..norwegian_draft()
    });
    assert_eq!(
        none.map_err(|e| e.to_string()),
        Err("a sale needs at least one line".into())
    );
    // Pay by bank needs its ids.
    let bank = |payment_id: &str, bank_reference: &str| {
        Receipt::new(with(Tender::PayByBank {
            payment_id: payment_id.into(),
            bank_reference: bank_reference.into(),
        }))
    };
    assert_eq!(bank(" ", "KASSA-1"), Err(ReceiptError::NoPaymentId));
    assert_eq!(bank("pay_1", ""), Err(ReceiptError::NoBankReference));
    // Numbers, till, copy.
    let refused = |d: ReceiptDraft| Receipt::new(d).err();
    assert_eq!(
        refused(ReceiptDraft {
            number: 0,
            ..norwegian_draft()
        }),
        Some(ReceiptError::NoNumber)
    );
    assert_eq!(
        refused(ReceiptDraft {
            till_name: "  ".into(),
            ..norwegian_draft()
        }),
        Some(ReceiptError::NoTillName)
    );
    assert_eq!(
        refused(ReceiptDraft {
            copy_number: Some(0),
            ..norwegian_draft()
        }),
        Some(ReceiptError::NoCopyNumber)
    );
    // Returns: which receipt, and why.
    let ret = |of_number, reason: &str| ReceiptDraft {
        kind: ReceiptKind::Return {
            of_number,
            reason: reason.into(),
        },
        ..return_draft()
    };
    assert_eq!(refused(ret(0, "Defekt")), Some(ReceiptError::NoReturnOf));
    assert_eq!(
        refused(ret(1043, "Defekt")),
        Some(ReceiptError::ReturnOfItself { number: 1043 })
    );
    assert_eq!(refused(ret(1042, " \n")), Some(ReceiptError::NoReason));
}

#[test]
fn local_time_comes_from_unix_ms_and_the_offset() {
    let t = LocalDateTime::from_unix_ms(1_772_456_709_000, 60).unwrap();
    assert_eq!(t, at());
    assert_eq!(t.receipt_text(), "2026-03-02 14:05");
    assert_eq!(t.iso(), "2026-03-02T14:05:09+01:00");
    // Summer time across midnight at the end of a leap February.
    let t = LocalDateTime::from_unix_ms(1_709_245_800_000, 120).unwrap();
    assert_eq!(t.iso(), "2024-03-01T00:30:00+02:00");
    let t = LocalDateTime::from_unix_ms(1_709_245_800_000, 0).unwrap();
    assert_eq!(t.iso(), "2024-02-29T22:30:00+00:00");
    // Before 1970, and a negative offset.
    let t = LocalDateTime::from_unix_ms(-1000, -90).unwrap();
    assert_eq!(t.iso(), "1969-12-31T22:29:59-01:30");
    assert_eq!(
        LocalDateTime::from_unix_ms(0, 19 * 60),
        Err(ReceiptError::BadOffset { minutes: 1140 })
    );
}

#[test]
fn a_local_time_must_be_a_real_one() {
    let new = |y, mo, d, h, mi| LocalDateTime::new(Day::new(y, mo, d), h, mi, 0, 60);
    assert!(new(2024, 2, 29, 23, 59).is_ok());
    assert_eq!(
        new(2026, 2, 29, 12, 0).map_err(|e| e.to_string()),
        Err("not a date and time: 2026-02-29 12:00:00".into())
    );
    assert!(new(2026, 4, 31, 12, 0).is_err());
    assert!(new(2026, 13, 1, 12, 0).is_err());
    assert!(new(2026, 3, 2, 24, 0).is_err());
    assert!(new(2026, 3, 2, 12, 60).is_err());
    assert!(new(2100, 2, 29, 12, 0).is_err());
    assert!(new(2000, 2, 29, 12, 0).is_ok());
}

#[test]
fn figures_are_the_display_without_the_currency() {
    assert_eq!(plain(&figure(nok(123_450))), "1 234,50");
    assert_eq!(
        plain(&figure(Money::new(123_450, Currency::Sek))),
        "1 234,50"
    );
    assert_eq!(figure(dkk(123_450)), "1.234,50");
    assert_eq!(figure(eur(123_450)), "1,234.50");
    assert_eq!(plain(&figure(nok(-9900))), "-99,00");
    assert_eq!(figure(dkk(-5)), "-0,05");
    for c in Currency::ALL {
        let m = Money::new(1_234_567, c);
        assert!(m.display().contains(&figure(m)), "{c}");
        let minus = Money::new(-1_234_567, c);
        assert_eq!(figure(minus), format!("-{}", figure(m)));
    }
}

#[test]
fn every_word_comes_from_words() {
    let norsk = Words {
        receipt: "Kvittering nr.",
        till: "Kasse:",
        total: "SUM",
        pay_by_bank: "Betalt med bank",
        ..Words::ENGLISH
    };
    let r = receipt(norwegian_draft());
    let text = plain(
        &r.to_doc_with(COLUMNS_80MM, None, &norsk)
            .to_text(COLUMNS_80MM),
    );
    assert!(text.contains("Kvittering nr. 1042\n"));
    assert!(text.contains("Kasse: Kasse 1\n"));
    assert!(text.contains("SUM kr 278,80\n"));
    assert!(text.contains("Betalt med bank "));
    assert!(!text.contains("Receipt"));
    assert_eq!(Words::default(), Words::ENGLISH);
}

/// The receipt in the shop's language: its words from the catalogue, money, date and time as
/// a Finn and a Norwegian write them.
#[test]
fn a_receipt_in_finnish_and_in_norwegian_speaks_and_counts_in_its_locale() {
    let lines = vec![
        Line {
            quantity: 2,
            ..Line::new("Kahvi", eur(390), FI_STD)
        },
        Line::new("Kakku", eur(123_000), FI_STD),
    ];
    let r = receipt(ReceiptDraft {
        number: 311,
        till_name: "Kassa".into(),
        merchant: finnish_shop(),
        tender: Tender::Card {
            terminal_reference: Some("Nets 004211".into()),
        },
        lines,
        ..norwegian_draft()
    });
    let doc = r.to_doc_with(COLUMNS_80MM, None, Words::of(Lang::Fi));
    let text = plain(&doc.to_text(COLUMNS_80MM)).replace('\u{202f}', " ");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"Kassa Kassa"), "{text}");
    assert!(lines.contains(&"2.3.2026 14.05"), "{text}");
    assert!(lines.contains(&"Kuitti 311"), "{text}");
    assert!(lines.contains(&"2 × 3,90"), "{text}");
    assert!(lines.contains(&row("Kakku", "1 230,00").as_str()), "{text}");
    assert!(lines.contains(&"  YHTEENSÄ 1 237,80 €"), "{text}");
    assert!(
        lines.contains(&row("Kortti", "1 237,80 €").as_str()),
        "{text}"
    );
    assert!(lines.contains(&"Päätteen viite: Nets 004211"), "{text}");
    // The narrow no-break space prints as the code page's no-break space.
    let bytes = encode(&doc);
    assert!(bytes.windows(6).any(|w| w == b"1\xa0237,"), "{bytes:?}");

    let r = receipt(norwegian_draft());
    let text = plain(
        &r.to_doc_with(COLUMNS_80MM, None, Words::of(Lang::Nb))
            .to_text(COLUMNS_80MM),
    );
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"Kasse Kasse 1"), "{text}");
    assert!(lines.contains(&"02.03.2026 14:05"), "{text}");
    assert!(lines.contains(&"Kvittering 1042"), "{text}");
    assert!(lines.contains(&"    TOTALT kr 278,80"), "{text}");
    assert!(
        lines.contains(&row("Betalt via bank", "kr 278,80").as_str()),
        "{text}"
    );
    assert!(lines.contains(&"Betalings-ID: pay_7Hq2xK"), "{text}");
    // English is the words it always was.
    assert_eq!(*Words::of(Lang::En), Words::ENGLISH);
}
