#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;

use super::*;

const MARCH: Day = Day::new(2026, 3, 2);
const MAY: Day = Day::new(2026, 5, 4);

fn profile() -> ProfileDraft {
    ProfileDraft {
        legal_name: "Fjordbakeriet AS".into(),
        org_number: "923609016".into(),
        vat_registered: true,
        address_lines: vec!["Storgata 1".into()],
        postcode: "0155".into(),
        city: "Oslo".into(),
        country: "NO".into(),
        till_name: "Till 1".into(),
        receipt_footer: "Takk for handelen!".into(),
    }
}

fn rate(name: &str, percent: &str, code: &str, default: bool) -> VatRateForm {
    VatRateForm {
        name: name.into(),
        percent: percent.into(),
        saft_code: code.into(),
        default,
    }
}

fn item(name: &str, price: &str, rate: &str) -> QuickItemForm {
    QuickItemForm {
        name: name.into(),
        price: price.into(),
        rate: rate.into(),
    }
}

fn png(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, _| {
        if x % 2 == 0 {
            image::Rgb([0, 0, 0])
        } else {
            image::Rgb([255, 255, 255])
        }
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn fields(e: &ShopErrors) -> Vec<&str> {
    e.0.iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn an_empty_form_is_no_profile_and_the_countrys_rates() {
    let s = ShopForm::default()
        .check(Currency::Nok, MARCH, None)
        .unwrap();
    assert!(s.is_empty(), "{s:?}");
    let shop = s.resolve(Currency::Nok, MARCH).unwrap();
    assert_eq!(shop.vat.country(), Country::No);
    assert_eq!(shop.vat.default_rate().name, "Standard");
    assert_eq!(shop.width, 48);
    assert!(shop.profile.is_none());
    // Without a profile the currency says the country.
    let se = ShopSettings::default().resolve(Currency::Sek, MAY).unwrap();
    assert_eq!(
        se.vat.get("Food").unwrap().bp,
        600,
        "Swedish food from April 2026"
    );
    let se = ShopSettings::default()
        .resolve(Currency::Sek, MARCH)
        .unwrap();
    assert_eq!(se.vat.get("Food").unwrap().bp, 1200);
}

#[test]
fn a_full_form_saves_beside_the_journal_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, png(120, 40, image::ImageFormat::Png)).unwrap();
    // Other settings in the file stay as they are.
    SavedSettings {
        destination_id: Some("dest-1".into()),
        ..SavedSettings::default()
    }
    .save(&settings_path(&db))
    .unwrap();

    let mut form = ShopForm::load(&db, Currency::Nok, MARCH).unwrap();
    assert_eq!(form.vat.len(), 5, "the country's table to edit: {form:?}");
    form.profile = profile();
    form.vat[1].percent = "14".into(); // Food, edited
    form.quick_items = vec![
        item("Skolebolle", "29,90", "Food"),
        item("Kaffe", "35", "standard"),
    ];
    form.printer = "10.0.0.5".into();
    form.logo = logo.display().to_string();
    form.width = "42".into();
    let saved = form
        .save(&db, Currency::Nok, MARCH, DefaultNames::english())
        .unwrap();

    let file = SavedSettings::load(&settings_path(&db)).unwrap();
    assert_eq!(file.destination_id.as_deref(), Some("dest-1"));
    assert_eq!(file.shop, saved);
    let shop = file.shop.resolve(Currency::Nok, MARCH).unwrap();
    assert_eq!(
        shop.profile.as_ref().unwrap().legal_name,
        "Fjordbakeriet AS"
    );
    assert_eq!(shop.vat.get("Food").unwrap().bp, 1400);
    assert_eq!(
        shop.quick_items,
        [
            QuickItem {
                name: "Skolebolle".into(),
                price_minor: 2990,
                rate: "Food".into()
            },
            QuickItem {
                name: "Kaffe".into(),
                price_minor: 3500,
                rate: "Standard".into()
            }
        ]
    );
    assert_eq!(shop.printer.as_ref().unwrap().to_string(), "10.0.0.5:9100");
    assert_eq!(shop.width, 42);
    assert!(load_logo(&shop).unwrap().is_some());

    // The form shows what was saved, and saving it again changes nothing.
    let again = ShopForm::load(&db, Currency::Nok, MARCH).unwrap();
    assert_eq!(again.profile.org_number, "NO 923609016 MVA");
    assert_eq!(again.vat[1].percent, "14 %");
    assert_eq!(again.quick_items[0].price, "29.90");
    assert_eq!(
        again
            .save(&db, Currency::Nok, MARCH, DefaultNames::english())
            .unwrap(),
        saved
    );

    // The settings carry it to the counter.
    let s = crate::Settings::load(|_| None, db.clone(), &crate::MemorySecrets::default()).unwrap();
    assert_eq!(s.shop, saved);
}

#[test]
fn the_countrys_own_table_is_saved_as_following_the_country() {
    let form = ShopForm::of(&ShopSettings::default(), Currency::Sek, MARCH);
    assert!(!form.vat.is_empty());
    let s = form.check(Currency::Sek, MARCH, None).unwrap();
    assert_eq!(s.vat, None, "unchanged rates follow the law's dates");
    assert_eq!(
        s.resolve(Currency::Sek, MAY)
            .unwrap()
            .vat
            .get("Food")
            .unwrap()
            .bp,
        600
    );
}

#[test]
fn each_bad_field_gets_its_own_sentence_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let not_an_image = dir.path().join("logo.gif");
    std::fs::write(&not_an_image, b"GIF89a not really").unwrap();
    let form = ShopForm {
        profile: ProfileDraft {
            org_number: "923609017".into(), // wrong check digit
            ..profile()
        },
        vat: vec![
            rate("Standard", "250", "3", true),
            rate("Food", "15", "31", false),
            rate("Free", "0", "3", false),
        ],
        quick_items: vec![item("Bolle", "", "Food"), item("Kaffe", "35", "Nope")],
        printer: "http://10.0.0.5:9100".into(),
        logo: not_an_image.display().to_string(),
        width: "50".into(),
    };
    let e = form
        .save(&db, Currency::Nok, MARCH, DefaultNames::english())
        .unwrap_err();
    assert!(!settings_path(&db).exists(), "nothing written");
    let e = match e {
        ShopFormError::Fields(e) => e,
        other => panic!("{other}"),
    };
    assert_eq!(
        fields(&e),
        [
            "profile.orgNumber",
            "vat.0.percent",
            "vat.2.saftCode",
            "quickItems.0.price",
            "printer",
            "logo",
            "width"
        ],
        "{e}"
    );
    let said = |field: &str| {
        e.0.iter()
            .find(|f| f.field == field)
            .map(|f| f.message.clone())
            .unwrap()
    };
    assert!(said("profile.orgNumber").contains("check digit"), "{e}");
    assert_eq!(
        said("vat.0.percent"),
        "A VAT rate must be between 0 % and 50 %; 250 % is not"
    );
    assert!(said("vat.2.saftCode").contains("0 %"), "{e}");
    assert_eq!(
        said("quickItems.0.price"),
        "The quick item \"Bolle\" has no price: enter it"
    );
    assert!(said("printer").contains("e.g. 10.0.0.5"), "{e}");
    assert_eq!(
        said("logo"),
        "The logo is not a PNG or JPEG image. Choose a .png or .jpg file."
    );
    assert!(said("width").contains("32 (58 mm paper)"), "{e}");
    // Crosses IPC as {field, message}.
    let json = serde_json::to_value(&e).unwrap();
    assert_eq!(json[0]["field"], "profile.orgNumber");
    assert!(json[0]["message"].is_string());
}

#[test]
fn a_quick_item_needs_a_rate_of_the_table_and_a_sale_price() {
    let check = |items: Vec<QuickItemForm>| {
        ShopForm {
            quick_items: items,
            ..ShopForm::default()
        }
        .check(Currency::Dkk, MARCH, None)
    };
    let e = check(vec![item("Kaffe", "35", "Food")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The quick item \"Kaffe\" is sold at the VAT rate \"Food\", which is not in the VAT table"
    );
    let e = check(vec![item("Kaffe", "-3", "Standard")]).unwrap_err();
    assert_eq!(fields(&e), ["quickItems.0.price"]);
    let e = check(vec![item("Kaffe", "2000000", "Standard")]).unwrap_err();
    assert!(e.to_string().contains("over the limit"), "{e}");
    let e = check(vec![item("", "3", "Standard"), item("A", "1", "")]).unwrap_err();
    assert_eq!(fields(&e), ["quickItems.0.name", "quickItems.1.rate"]);
    let e = check(vec![
        item("Te", "3", "Standard"),
        item("te", "4", "Standard"),
    ])
    .unwrap_err();
    assert_eq!(e.to_string(), "There is already a quick item named \"te\"");
    assert_eq!(
        check(vec![item("Te", "3", "standard")])
            .unwrap()
            .quick_items[0]
            .rate,
        "Standard"
    );
}

#[test]
fn the_vat_table_needs_one_default_and_unique_names() {
    let check = |vat: Vec<VatRateForm>| {
        ShopForm {
            vat,
            ..ShopForm::default()
        }
        .check(Currency::Dkk, MARCH, None)
    };
    let e = check(vec![rate("Standard", "25", "3", false)]).unwrap_err();
    assert_eq!(fields(&e), ["vat"]);
    let e = check(vec![rate("A", "25", "3", true), rate("B", "0", "5", true)]).unwrap_err();
    assert_eq!(fields(&e), ["vat.1.default"]);
    let e = check(vec![rate("A", "25", "3", true), rate("a", "0", "5", false)]).unwrap_err();
    assert_eq!(fields(&e), ["vat.1.name"]);
    let e = check(vec![rate("", "25", "3", true)]).unwrap_err();
    assert_eq!(fields(&e), ["vat.0.name"]);
    let e = check(vec![rate("A", "25", "7", true)]).unwrap_err();
    assert_eq!(fields(&e), ["vat.0.saftCode"]);
    let t = check(vec![rate("Everything", "25,5", "3", true)]).unwrap();
    let t = t.vat.unwrap();
    assert_eq!(t.default_rate().bp, 2550);
}

#[test]
fn printer_addresses_are_host_and_port() {
    let ok = |t: &str| PrinterAddress::parse(t).unwrap().to_string();
    assert_eq!(ok("10.0.0.5"), "10.0.0.5:9100");
    assert_eq!(ok(" printer.local:9101 "), "printer.local:9101");
    assert_eq!(ok("[fe80::1]:9100"), "[fe80::1]:9100");
    assert_eq!(ok("fe80::1"), "[fe80::1]:9100");
    for bad in [
        "",
        "tcp://10.0.0.5",
        "10.0.0.5/x",
        "a b",
        "host:",
        "-x.local",
        "a..b",
    ] {
        assert!(
            matches!(
                PrinterAddress::parse(bad),
                Err(ShopProblem::NotAPrinterAddress(_) | ShopProblem::BadPort(_))
            ),
            "{bad}"
        );
    }
    assert_eq!(
        PrinterAddress::parse("10.0.0.5:0").unwrap_err(),
        ShopProblem::BadPort("0".into())
    );
    assert_eq!(
        PrinterAddress::parse("10.0.0.5:99999")
            .unwrap_err()
            .sentence(),
        "The printer's port must be a number from 1 to 65535, not \"99999\""
    );
}

#[test]
fn a_jpeg_logo_is_taken_and_a_missing_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let jpeg = dir.path().join("logo.jpg");
    std::fs::write(&jpeg, png(64, 32, image::ImageFormat::Jpeg)).unwrap();
    let form = |logo: &Path| ShopForm {
        logo: logo.display().to_string(),
        ..ShopForm::default()
    };
    let s = form(&jpeg).check(Currency::Dkk, MARCH, None).unwrap();
    assert_eq!(s.logo.as_deref(), Some(jpeg.as_path()));
    let gone = dir.path().join("gone.png");
    let e = form(&gone).check(Currency::Dkk, MARCH, None).unwrap_err();
    assert!(
        e.to_string().starts_with("Cannot read the logo file"),
        "{e}"
    );
    // Saved, then deleted: the receipt says so instead of printing a broken logo.
    let shop = s.resolve(Currency::Dkk, MARCH).unwrap();
    std::fs::remove_file(&jpeg).unwrap();
    assert!(
        load_logo(&shop)
            .unwrap_err()
            .contains("cannot read the logo file")
    );
}

#[test]
fn a_damaged_shop_part_of_the_file_is_refused_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.json");
    std::fs::write(&path, r#"{"shop": {"printer": "http://x", "width": 48}}"#).unwrap();
    let e = SavedSettings::load(&path).unwrap_err();
    assert!(e.to_string().contains("printer address"), "{e}");
}

#[test]
fn saving_the_connection_settings_keeps_the_shop() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    ShopForm {
        printer: "10.0.0.9".into(),
        ..ShopForm::default()
    }
    .save(&db, Currency::Dkk, MARCH, DefaultNames::english())
    .unwrap();
    crate::SettingsForm::default()
        .save(&db, &crate::MemorySecrets::default())
        .unwrap();
    let file = SavedSettings::load(&settings_path(&db)).unwrap();
    assert_eq!(file.shop.printer.unwrap().to_string(), "10.0.0.9:9100");
}

fn names_in(lang: kassa_i18n::Lang) -> DefaultNames {
    DefaultNames::of(Messages::of(lang))
}

fn rate_names(shop: &Shop) -> Vec<String> {
    shop.vat.rates().iter().map(|r| r.name.clone()).collect()
}

#[test]
fn english_defaults_are_the_names_kassa_always_gave() {
    assert_eq!(&names_in(kassa_i18n::Lang::En), DefaultNames::english());
    // Settings without names (written before Kassa kept them) sell at the English ones.
    let old = ShopSettings::default()
        .resolve(Currency::Dkk, MARCH)
        .unwrap();
    assert_eq!(rate_names(&old), ["Standard", "Zero-rated", "Exempt"]);
    assert_eq!(old.training.footer, "Thank you for practising with Kassa");
    let mut filled = ShopSettings::default();
    assert!(filled.fill_defaults(&names_in(kassa_i18n::Lang::En)));
    assert_eq!(filled.resolve(Currency::Dkk, MARCH).unwrap(), old);
}

#[test]
fn every_languages_names_make_every_countrys_table() {
    for lang in kassa_i18n::Lang::ALL {
        let names = names_in(lang);
        for c in Country::ALL {
            for day in [MARCH, MAY] {
                let t = ShopSettings::country_table(c, day, &names.vat)
                    .unwrap_or_else(|e| panic!("{lang:?} {c}: {e}"));
                assert_eq!(t.default_rate().name, names.vat.standard);
            }
        }
    }
}

#[test]
fn defaults_filled_in_danish_or_finnish_carry_that_languages_names() {
    let mut da = ShopSettings::default();
    assert!(da.fill_defaults(&names_in(kassa_i18n::Lang::Da)));
    let shop = da.resolve(Currency::Dkk, MARCH).unwrap();
    assert_eq!(rate_names(&shop), ["Standardmoms", "Nulmoms", "Momsfri"]);
    assert_eq!(shop.vat.default_rate().name, "Standardmoms");
    assert_eq!(shop.training.legal_name, "Kassa træningsbutik");
    assert_eq!(shop.training.footer, "Tak fordi du øver dig med Kassa");

    let mut fi = ShopSettings::default();
    assert!(fi.fill_defaults(&names_in(kassa_i18n::Lang::Fi)));
    let shop = fi.resolve(Currency::Eur, MARCH).unwrap();
    assert_eq!(
        rate_names(&shop),
        [
            "Yleinen verokanta",
            "Elintarvikkeet",
            "Sanomalehdet",
            "Nollaverokanta",
            "Veroton"
        ]
    );
    assert_eq!(shop.vat.default_rate().name, "Yleinen verokanta");
    assert_eq!(shop.training.till_name, "Harjoituskassa");

    // The form shows them, and saving it unchanged still follows the country's rates.
    let form = ShopForm::of(&da, Currency::Dkk, MARCH);
    assert_eq!(form.vat[0].name, "Standardmoms");
    let checked = form
        .check(Currency::Dkk, MARCH, da.defaults.as_ref())
        .unwrap();
    assert_eq!(checked.vat, None, "the country's rates, Danish names");
    assert_eq!(checked.defaults, da.defaults);
}

#[test]
fn names_once_given_stay_when_the_language_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    SavedSettings {
        destination_id: Some("dest-1".into()),
        ..SavedSettings::default()
    }
    .save(&settings_path(&db))
    .unwrap();

    // First start in Danish: named, and the names written beside the journal.
    let mut first = ShopSettings::default();
    assert!(
        first
            .fill_saved_defaults(&db, &names_in(kassa_i18n::Lang::Da))
            .unwrap()
    );
    let file = SavedSettings::load(&settings_path(&db)).unwrap();
    assert_eq!(file.destination_id.as_deref(), Some("dest-1"));
    assert_eq!(file.shop.defaults, first.defaults);

    // Started again in Finnish: the file's Danish names are kept.
    let mut again = ShopSettings::default();
    assert!(
        !again
            .fill_saved_defaults(&db, &names_in(kassa_i18n::Lang::Fi))
            .unwrap()
    );
    assert_eq!(again.defaults, first.defaults);
    let mut read = file.shop.clone();
    assert!(!read.fill_defaults(&names_in(kassa_i18n::Lang::Fi)));
    let shop = read.resolve(Currency::Dkk, MARCH).unwrap();
    assert_eq!(shop.vat.default_rate().name, "Standardmoms");
    assert_eq!(shop.training.legal_name, "Kassa træningsbutik");

    // Saving the shop form in English keeps them too.
    let saved = ShopForm::load(&db, Currency::Dkk, MARCH)
        .unwrap()
        .save(&db, Currency::Dkk, MARCH, &names_in(kassa_i18n::Lang::En))
        .unwrap();
    assert_eq!(saved.vat, None);
    assert_eq!(saved.defaults, first.defaults);
    assert_eq!(
        SavedSettings::load(&settings_path(&db)).unwrap().shop,
        saved
    );
}

#[test]
fn quick_items_made_against_english_rates_keep_them_english() {
    let mut s = ShopSettings {
        quick_items: vec![QuickItem {
            name: "Kaffe".into(),
            price_minor: 3500,
            rate: "Standard".into(),
        }],
        ..ShopSettings::default()
    };
    assert!(s.fill_defaults(&names_in(kassa_i18n::Lang::Da)));
    let shop = s.resolve(Currency::Dkk, MARCH).unwrap();
    assert_eq!(
        shop.vat.default_rate().name,
        "Standard",
        "the item's rate is there"
    );
    assert_eq!(shop.training.city, "Træningsby");
}
