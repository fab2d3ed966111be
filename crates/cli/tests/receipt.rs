//! `kassa receipt` beside `charge`, `return` and `report`, end to end against a sandbox on a
//! random loopback port: the CLI path from a sale of two lines to a Z report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::{cli, sandbox_on_loopback};
use serde_json::Value;
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

async fn json(cmd: &mut Command) -> Value {
    let (code, out, err) = output(cmd).await;
    assert_eq!(code, Some(0), "{out}{err}");
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[tokio::test]
async fn a_sale_of_two_lines_its_receipt_a_return_and_the_reports() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");

    // Two lines at two rates (the sandbox's Danish table: Standard 25 %, Zero 0 %), in cash.
    let sale = json(kassa(&sandbox, &db).args([
        "charge",
        "--line",
        "Kaffe=35",
        "--line",
        "Avis=20@Zero-rated",
        "--cash",
        "100",
        "--json",
    ]))
    .await;
    let sale_id = sale["sale_id"].as_str().unwrap().to_owned();

    // The receipt by sale id: number, lines, VAT per rate, total, tender.
    let r = json(kassa(&sandbox, &db).args(["receipt", &sale_id, "--json"])).await;
    assert_eq!(r["number"], 1);
    assert_eq!(r["lines"].as_array().unwrap().len(), 2);
    assert_eq!(r["lines"][0]["text"], "Kaffe");
    assert_eq!(r["total"]["minor"], 5500);
    let vat = r["vat"].as_array().unwrap();
    assert_eq!(vat.len(), 2, "{r}");
    let standard = vat.iter().find(|v| v["rate_bp"] == 2500).unwrap();
    assert_eq!(standard["vat"]["minor"], 700, "{r}");
    assert_eq!(standard["net"]["minor"], 2800, "{r}");
    assert_eq!(r["tender"]["type"], "cash", "{r}");
    // The same receipt by its number.
    let by_number = json(kassa(&sandbox, &db).args(["receipt", "#1", "--json"])).await;
    assert_eq!(by_number, r);

    // A partial return with a reason: its own receipt, #2, found by number.
    let (code, out, err) = output(kassa(&sandbox, &db).args([
        "return",
        &sale_id,
        "--amount",
        "20",
        "--reason",
        "Wrong paper",
    ]))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    let ret = json(kassa(&sandbox, &db).args(["receipt", "#2", "--json"])).await;
    assert_eq!(ret["number"], 2);
    assert_eq!(ret["total"]["minor"], -2000, "{ret}");
    assert_eq!(ret["return_of"], 1, "{ret}");
    let (code, text, _) = output(kassa(&sandbox, &db).args(["receipt", "#2"])).await;
    assert_eq!(code, Some(0));
    assert!(text.contains("RETURN"), "{text}");
    assert!(text.contains("Wrong paper"), "{text}");

    // More than what is left: refused with the sentence, nothing written.
    let (code, _, err) = output(
        kassa(&sandbox, &db).args(["return", &sale_id, "--amount", "40", "--reason", "Again"]),
    )
    .await;
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("left to return"), "{err}");

    // Saved as PDF twice: the first is the original, the second a COPY, both counted.
    let pdf1 = dir.path().join("r1.pdf");
    let pdf2 = dir.path().join("r1-again.pdf");
    let (code, text, err) =
        output(kassa(&sandbox, &db).args(["receipt", "#1", "--pdf", pdf1.to_str().unwrap()])).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(!text.contains("COPY"), "{text}");
    assert!(std::fs::read(&pdf1).unwrap().starts_with(b"%PDF-"));
    let (code, text, err) =
        output(kassa(&sandbox, &db).args(["receipt", "#1", "--pdf", pdf2.to_str().unwrap()])).await;
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("COPY 1"), "{text}");
    assert!(err.contains("Printed as COPY 1"), "{err}");
    // No printer set up: a sentence, and nothing counted.
    let (code, _, err) = output(kassa(&sandbox, &db).args(["receipt", "#1", "--print"])).await;
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("no receipt printer is set up"), "{err}");

    // X: the running figures; then Z 1; then X of a new, empty period.
    let x = json(kassa(&sandbox, &db).args(["report", "x", "--json"])).await;
    assert!(x.get("z_number").is_none_or(Value::is_null), "{x}");
    assert_eq!(x["sales"]["count"], 1, "{x}");
    assert_eq!(x["returns"]["count"], 1, "{x}");
    assert_eq!(x["returns"]["amount"]["minor"], -2000, "{x}");
    assert_eq!(x["copies"], 1, "{x}");
    let z = json(kassa(&sandbox, &db).args(["report", "z", "--json"])).await;
    assert_eq!(z["z_number"], 1, "{z}");
    assert_eq!(z["by_tender"]["cash"]["amount"]["minor"], 3500, "{z}");
    assert_eq!(z["grand_total"]["net"]["minor"], 3500, "{z}");
    let after = json(kassa(&sandbox, &db).args(["report", "x", "--json"])).await;
    assert_eq!(after["sales"]["count"], 0, "{after}");
    assert_eq!(after["grand_total"]["net"]["minor"], 3500, "{after}");
}

#[tokio::test]
async fn a_receipt_that_is_not_there_is_said_plainly() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let _ = json(kassa(&sandbox, &db).args(["charge", "--amount", "10", "--card", "--json"])).await;
    let (code, _, err) = output(kassa(&sandbox, &db).args(["receipt", "#7"])).await;
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("no receipt number 7"), "{err}");
    let (code, _, err) = output(kassa(&sandbox, &db).args(["receipt", "nosuchsale"])).await;
    assert_eq!(code, Some(2), "{err}");
}
