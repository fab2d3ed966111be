//! `kassa verify` and `kassa keys` end to end (issue 12): receipts signed with the till's key
//! from the keyring, the chain re-checked, and a tampered journal (a changed amount, a
//! deleted receipt, the first receipt deleted) caught at the right receipt; a new key goes
//! on with the chain; a key missing from the keyring issues no receipt at all.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use kassa_journal::Backend;
use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_testkit::{cli, sandbox_on_loopback};
use tokio::process::Command;

mod common;
use common::tampered;

fn kassa(sandbox: &RunningSandbox, db: &Path) -> Command {
    cli::kassa(env!("CARGO_BIN_EXE_kassa"), sandbox, db)
}

async fn output(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = tokio::time::timeout(std::time::Duration::from_secs(60), cmd.output())
        .await
        .expect("kassa finished in time")
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn cash_sale(sandbox: &RunningSandbox, db: &Path, amount: &str) {
    let (code, out, err) =
        output(kassa(sandbox, db).args(["charge", "--amount", amount, "--cash", amount])).await;
    assert_eq!(code, Some(0), "{out}{err}");
}

#[tokio::test]
async fn verify_checks_the_chain_and_names_the_first_receipt_tampered_with() {
    let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    for amount in ["10", "20", "30", "40"] {
        cash_sale(&sandbox, &db, amount).await;
    }
    let (code, out, err) = output(kassa(&sandbox, &db).arg("verify")).await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Training receipts: 4 verified."), "{out}");
    assert!(out.contains("Live receipts: 0 verified."), "{out}");

    // The public key for the tax office.
    let pem = dir.path().join("key.pem");
    let (code, out, err) = output(kassa(&sandbox, &db).args([
        "keys",
        "export-public",
        "--out",
        pem.to_str().unwrap(),
    ]))
    .await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("version 1"), "{out}");
    let text = std::fs::read_to_string(&pem).unwrap();
    assert!(text.starts_with("-----BEGIN PUBLIC KEY-----"), "{text}");
    assert!(!text.contains("PRIVATE"), "{text}");
    let (code, _, err) = output(kassa(&sandbox, &db).args([
        "keys",
        "export-public",
        "--version",
        "9",
        "--out",
        pem.to_str().unwrap(),
    ]))
    .await;
    assert_eq!(code, Some(2));
    assert!(err.contains("no receipt key of version 9"), "{err}");

    // A changed amount: that receipt does not verify.
    let changed = tampered(
        &db,
        "changed.db",
        "UPDATE receipts SET total_minor = total_minor + 100 WHERE number = 3;
         UPDATE receipt_vat SET gross_minor = gross_minor + 100, net_minor = net_minor + 80,
                                vat_minor = vat_minor + 20
          WHERE number = 3;",
    );
    let (code, out, err) = output(kassa(&sandbox, &changed).arg("verify")).await;
    assert_eq!(code, Some(7), "{out}{err}");
    assert!(
        out.contains("Training receipts: BROKEN at receipt TRENING-3"),
        "{out}"
    );
    assert!(err.contains("receipt TRENING-3 does not verify"), "{err}");
    assert!(err.contains("nothing was repaired"), "{err}");

    // A receipt deleted: it is missing.
    let deleted = tampered(
        &db,
        "deleted.db",
        "DELETE FROM receipt_seals WHERE number = 2; DELETE FROM receipt_vat WHERE number = 2;
         DELETE FROM receipts WHERE number = 2;",
    );
    let (code, out, err) = output(kassa(&sandbox, &deleted).arg("verify")).await;
    assert_eq!(code, Some(7), "{out}{err}");
    assert!(
        err.contains("receipt TRENING-2 does not verify: it is missing"),
        "{err}"
    );

    // The first receipt deleted: the chain must start at 1.
    let first = tampered(
        &db,
        "first.db",
        "DELETE FROM receipt_seals WHERE number = 1; DELETE FROM receipt_vat WHERE number = 1;
         DELETE FROM receipts WHERE number = 1;",
    );
    let (code, _, err) = output(kassa(&sandbox, &first).arg("verify")).await;
    assert_eq!(code, Some(7));
    assert!(
        err.contains("receipt TRENING-1 does not verify: it is missing"),
        "{err}"
    );
    // The last receipt deleted: no receipt follows it, but the running totals (kept by the
    // journal's triggers with every receipt) still count it.
    let last = tampered(
        &db,
        "last.db",
        "DELETE FROM receipt_seals WHERE number = 4; DELETE FROM receipt_vat WHERE number = 4;
         DELETE FROM receipts WHERE number = 4;",
    );
    let (code, out, err) = output(kassa(&sandbox, &last).arg("verify")).await;
    assert_eq!(code, Some(7), "{out}{err}");
    assert!(
        out.contains("Training receipts: BROKEN at receipt TRENING-4"),
        "{out}"
    );
    assert!(
        err.contains(
            "receipt TRENING-4 does not verify: it is missing: the last receipt is TRENING-3, but receipt TRENING-4 is named by the running totals"
        ),
        "{err}"
    );
    // ... and with the running totals made to agree, the electronic journal's training
    // receipt event (13017) still names it.
    let hidden = tampered(
        &db,
        "hidden.db",
        "DELETE FROM receipt_seals WHERE number = 4; DELETE FROM receipt_vat WHERE number = 4;
         DELETE FROM receipts WHERE number = 4;
         UPDATE period_totals SET last_number = 3 WHERE kind = 'receipts';",
    );
    let (code, out, err) = output(kassa(&sandbox, &hidden).arg("verify")).await;
    assert_eq!(code, Some(7), "{out}{err}");
    assert!(
        err.contains("receipt TRENING-4 does not verify: it is missing"),
        "{err}"
    );
    assert!(err.contains("electronic journal"), "{err}");
    // The real journal is untouched by all of it.
    let (code, out, _) = output(kassa(&sandbox, &db).arg("verify")).await;
    assert_eq!(code, Some(0), "{out}");

    // A new key: version 2, and the chain goes on over it.
    let (code, out, err) = output(kassa(&sandbox, &db).args(["keys", "new"])).await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("version 2"), "{out}");
    cash_sale(&sandbox, &db, "50").await;
    let (code, out, err) = output(kassa(&sandbox, &db).arg("verify")).await;
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Training receipts: 5 verified."), "{out}");
    let j = kassa_journal::Journal::open_read_only(&db).unwrap();
    let chain = j.receipt_chain(kassa_journal::Backend::Sandbox).unwrap();
    let versions: Vec<u32> = chain
        .iter()
        .map(|r| r.seal.as_ref().unwrap().key_version)
        .collect();
    assert_eq!(versions, [1, 1, 1, 1, 2]);
    drop(j);

    // The key not in this keyring: a plain message, and no receipt is issued.
    let (code, out, err) = output(
        kassa(&sandbox, &db)
            .env("KASSA_KEYRING_SERVICE", "kassa-another-keyring")
            .args(["charge", "--amount", "60", "--cash", "60"]),
    )
    .await;
    assert_ne!(code, Some(0), "{out}{err}");
    assert!(
        err.contains(
            "receipt signing key (version 2) of this till is not in this computer's keyring"
        ),
        "{err}"
    );
    let j = kassa_journal::Journal::open_read_only(&db).unwrap();
    assert_eq!(
        j.last_receipt_number(kassa_journal::Backend::Sandbox)
            .unwrap(),
        5
    );
}

/// `kassa verify` under `KASSA_LANG=da`: the series' lines and why the receipt does not
/// verify in Danish; `--json` keeps the English reason.
#[test]
fn a_tampered_receipt_is_named_in_the_language_spoken() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    common::cash_receipts(&db, Backend::Sandbox, &[1_000, 2_000, 3_000]);
    let verify = |db: &Path, lang: &str, json: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kassa"));
        cmd.env_clear()
            .envs(kassa_testkit::cli::session())
            .env("KASSA_DB", db)
            .env("KASSA_LANG", lang)
            .arg("verify");
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };

    let changed = tampered(
        &db,
        "changed.db",
        "UPDATE receipts SET total_minor = total_minor + 100 WHERE number = 2;
         UPDATE receipt_vat SET gross_minor = gross_minor + 100, net_minor = net_minor + 80,
                                vat_minor = vat_minor + 20
          WHERE number = 2;",
    );
    let (code, out, err) = verify(&changed, "da", false);
    assert_eq!(code, Some(7), "{out}{err}");
    assert_eq!(
        out,
        "Rigtige boner: 0 kontrolleret.\n\
         Træningsboner: BRUDT ved bon TRENING-2: signaturen passer ikke til bonen (1 kontrolleret før den).\n"
    );
    assert_eq!(
        err,
        "kassa: bonkæden er brudt: bon TRENING-2 består ikke kontrollen: signaturen passer ikke \
         til bonen. Lad journalen være som den er (intet er repareret), og sig det til den, der \
         fører dit regnskab.\n"
    );
    let (code, out, _) = verify(&changed, "da", true);
    assert_eq!(code, Some(7));
    assert!(
        out.contains(r#""brokenAt":"TRENING-2","why":"the signature does not match the receipt""#),
        "{out}"
    );

    let deleted = tampered(
        &db,
        "deleted.db",
        "DELETE FROM receipt_seals WHERE number = 2; DELETE FROM receipt_vat WHERE number = 2;
         DELETE FROM receipts WHERE number = 2;",
    );
    let (code, out, err) = verify(&deleted, "fi", false);
    assert_eq!(code, Some(7), "{out}{err}");
    assert!(
        out.contains(
            "Harjoituskuitit: RIKKI kuitin TRENING-2 kohdalla: se puuttuu: kuittia TRENING-1 seuraa kuitti TRENING-3"
        ),
        "{out}"
    );
    assert!(
        err.contains("kuitti TRENING-2 ei läpäise tarkistusta: se puuttuu"),
        "{err}"
    );
}
