//! `kassa charge --cash / --card / --line` and `kassa setup`'s shop flags, end to end
//! against a sandbox on a random loopback port (sandbox sales: training receipts).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::{cli, sandbox_on_loopback};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

fn kassa(sandbox: &RunningSandbox, db: &Path) -> Command {
    cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db)
}

async fn output(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = tokio::time::timeout(std::time::Duration::from_secs(30), cmd.output())
        .await
        .expect("kassa finished in time")
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn a_cash_sale_of_two_lines_prints_its_receipt_and_the_change() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let (code, out, err) = output(kassa(&sandbox, &db).args([
        "charge",
        "--line",
        "Kaffe=35",
        "--line",
        "2 x Bolle=12,50@Standard",
        "--cash",
        "100",
    ]))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Kassa training shop"), "{out}");
    assert!(out.contains("TRAINING"), "{out}");
    assert!(out.contains("Kaffe"), "{out}");
    assert!(out.contains("2 × 12,50"), "{out}");
    assert!(out.contains("Receipt 1"), "{out}");
    assert!(
        out.contains("Paid in cash: 100,00\u{a0}kr. given, change 40,00\u{a0}kr. (receipt 1)"),
        "{out}"
    );
    assert!(sandbox.sandbox().payments().is_empty(), "no bank payment");

    // Short: refused with a sentence, nothing written (the next number is still 2).
    let (code, _, err) =
        output(kassa(&sandbox, &db).args(["charge", "--amount", "60", "--cash", "50"])).await;
    assert_eq!(code, Some(2));
    assert!(
        err.contains("the cash given (50,00\u{a0}kr.) is less than the total (60,00\u{a0}kr.)"),
        "{err}"
    );

    // Card, with --json: one line with the tender and the receipt's JSON.
    let (code, out, err) = output(
        kassa(&sandbox, &db).args(["charge", "--amount", "60", "--card", "AUTH-9", "--json"]),
    )
    .await;
    assert_eq!(code, Some(0), "{err}");
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["event"], "sale_ended");
    assert_eq!(v["status"], "paid");
    assert_eq!(v["tender"], "card");
    assert_eq!(v["card_reference"], "AUTH-9");
    assert_eq!(v["receipt_number"], 2);
    assert_eq!(v["training"], true);
    assert_eq!(v["receipt"]["number"], 2);
    assert_eq!(v["receipt"]["lines"][0]["text"], "Standard");

    // A card without a reference.
    let (code, out, err) =
        output(kassa(&sandbox, &db).args(["charge", "--amount", "5", "--card"])).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Paid by card (receipt 3)"), "{out}");
}

#[tokio::test]
async fn setup_sets_the_shop_and_charge_sells_at_its_rates() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let (code, out, err) = output(kassa(&sandbox, &db).args([
        "setup",
        "--legal-name",
        "Bageriet Nørrebro ApS",
        "--org-number",
        "10150817",
        "--address",
        "Nørrebrogade 1",
        "--postcode",
        "2200",
        "--city",
        "København N",
        "--country",
        "DK",
        "--till-name",
        "Kasse 1",
        "--vat",
        "Food=25@3",
        "--quick",
        "Rundstykke=6@Food",
        "--printer",
        "10.0.0.5",
    ]))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Bageriet Nørrebro ApS"), "{out}");
    assert!(out.contains("printer 10.0.0.5:9100"), "{out}");
    let file = std::fs::read_to_string(dir.path().join("settings.json")).unwrap();
    let v: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(v["shop"]["quickItems"][0]["priceMinor"], 600);

    let (code, out, err) =
        output(kassa(&sandbox, &db).args(["charge", "--line", "Rugbrød=40@food", "--cash", "40"]))
            .await;
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("Bageriet Nørrebro ApS"),
        "the profile heads it: {out}"
    );
    assert!(out.contains("CVR-nr. 10150817"), "{out}");
    assert!(out.contains("Kasse 1"), "{out}");

    // Bad values: each said, nothing saved.
    let (code, _, err) = output(kassa(&sandbox, &db).args([
        "setup",
        "--org-number",
        "10150818",
        "--vat",
        "Luxury=80",
        "--printer",
        "http://x",
    ]))
    .await;
    assert_eq!(code, Some(2));
    assert!(err.contains("check digit"), "{err}");
    assert!(err.contains("between 0 % and 50 %"), "{err}");
    assert!(err.contains("printer address"), "{err}");
    // The same in Danish: every field's sentence in the language spoken.
    let (code, _, err) = output(kassa(&sandbox, &db).env("KASSA_LANG", "da").args([
        "setup",
        "--org-number",
        "10150818",
        "--vat",
        "Luxury=80",
    ]))
    .await;
    assert_eq!(code, Some(2));
    assert_eq!(
        err.trim_end(),
        "kassa: Kontrolcifferet skulle være 7, ikke 8: nummeret (CVR-nummer) er nok tastet forkert; \
         En momssats skal ligge mellem 0 % og 50 %; det gør 80 % ikke"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("settings.json")).unwrap(),
        file,
        "nothing changed"
    );
    let (code, _, err) =
        output(kassa(&sandbox, &db).args(["charge", "--line", "X=1@Nope", "--card"])).await;
    assert_eq!(code, Some(2));
    assert!(err.contains("there is no VAT rate named \"Nope\""), "{err}");
    let (code, _, err) = output(kassa(&sandbox, &db).args(["setup"])).await;
    assert_eq!(code, Some(2));
    assert!(err.contains("nothing to set up"), "{err}");
}

#[tokio::test]
async fn a_bank_charge_of_lines_prints_its_receipt_when_paid() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = kassa(&sandbox, &dir.path().join("k.db"))
        .args([
            "charge",
            "--line",
            "Kaffe=35",
            "--line",
            "Avis=20@Zero-rated",
            "--reference",
            "Order42",
        ])
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen = String::new();
    let run = async {
        while let Some(l) = lines.next_line().await.unwrap() {
            if l.contains("/sandbox/authorize/") {
                let id = sandbox.sandbox().payments()[0].payment_id.clone();
                sandbox.sandbox().approve(&id).unwrap();
            }
            seen.push_str(&l);
            seen.push('\n');
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(30), run)
        .await
        .expect("kassa finished in time");
    assert!(child.wait().await.unwrap().success(), "{seen}");
    assert_eq!(
        sandbox.sandbox().payments()[0].amount_minor,
        5500,
        "the bank was asked for the lines' total"
    );
    assert!(seen.contains("Kaffe"), "{seen}");
    assert!(seen.contains("Order42"), "the bank reference: {seen}");
    assert!(seen.contains("Receipt 1"), "{seen}");
}

/// `KASSA_LANG=da`: the receipt and the change in Danish, money as a Dane writes it.
#[tokio::test]
async fn a_cash_sale_in_danish_prints_a_danish_receipt() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let (code, out, err) = output(kassa(&sandbox, &db).env("KASSA_LANG", "da").args([
        "charge",
        "--line",
        "Kaffe=1234,5",
        "--cash",
        "1300",
    ]))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("TRÆNING — IKKE EN KVITTERING"), "{out}");
    assert!(out.contains("Bon 1"), "{out}");
    // (The double-size total is wrapped text: its no-break space prints as a space.)
    assert!(out.contains("I ALT 1.234,50 kr."), "{out}");
    assert!(out.contains("Kontant"), "{out}");
    assert!(
        out.contains(
            "Betalt kontant: 1.300,00\u{a0}kr. modtaget, byttepenge 65,50\u{a0}kr. (bon 1)"
        ),
        "{out}"
    );
    assert!(!out.contains("Receipt"), "{out}");
}

/// Issue 13: a till first started in Danish names what Kassa makes by itself in Danish (the
/// country's rates, the training shop, the owner) and keeps the names when the language
/// changes afterwards.
#[tokio::test]
async fn a_first_sale_in_danish_names_the_rates_and_the_training_shop_in_danish() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let (code, out, err) = output(
        kassa(&sandbox, &db)
            .env("KASSA_LANG", "da")
            .args(["charge", "--amount", "100", "--cash", "100"]),
    )
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    // The plain amount's line is the default rate's name: the Danish standard rate.
    assert!(out.contains("Standardmoms"), "{out}");
    assert!(out.contains("Kassa træningsbutik"), "{out}");
    assert!(out.contains("Træningsvej 1"), "{out}");
    assert!(out.contains("Tak fordi du øver dig med Kassa"), "{out}");
    assert!(!out.contains("Thank you"), "{out}");
    assert!(!out.contains("training shop"), "{out}");

    // Later in English: the receipt and the staff keep the names they were given.
    let (code, again, err) = output(kassa(&sandbox, &db).args(["receipt", "#1"])).await;
    assert_eq!(code, Some(0), "{again}{err}");
    assert!(again.contains("Receipt 1"), "English words: {again}");
    assert!(again.contains("Standardmoms"), "{again}");
    assert!(again.contains("Tak fordi du øver dig med Kassa"), "{again}");
    let (code, staff, err) = output(kassa(&sandbox, &db).args(["staff", "list", "--json"])).await;
    assert_eq!(code, Some(0), "{staff}{err}");
    let staff: Value = serde_json::from_str(staff.trim()).unwrap();
    assert_eq!(staff[0]["name"], "Ejer", "{staff}");
    // A new sale in English still sells at the Danish-named rate.
    let (code, out, err) = output(kassa(&sandbox, &db).args([
        "charge",
        "--line",
        "Bolle=10@standardmoms",
        "--cash",
        "10",
    ]))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Receipt 2"), "{out}");
}
