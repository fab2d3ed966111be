//! The SAF-T Cash Register export from a real run, checked as an outsider would check it.
//!
//! The real `kassa` binary sells on a live counter (the merchant's credentials, against a
//! sandbox started here as the payment service): by bank (approved in the sandbox's bank),
//! in cash and by card; prints receipt 1 twice (the second is COPY 1); closes the day (Z 1);
//! takes a return; sells once more and closes the day again (Z 2). A counter on the sandbox
//! sells two training receipts in the same journal. Then `kassa export --format saf-t`, and
//! the file is checked three ways: `xmllint --schema` against Skatteetaten's schema;
//! kassa-saft's `check()` on the same export made again from the journal; and every
//! signature in the file re-verified by the `openssl` command line against the till's
//! public key, over the text `previous;transDate;transTime;nr;transAmntIn;transAmntEx`
//! rebuilt from the file's own fields (as Skatteetaten's signature-validator.js builds it).
//!
//! Needs `xmllint` and `openssl` on PATH (scripts/setup-debian.sh) and the session bus with
//! an unlocked keyring that scripts/test.sh provides (the receipt key lives there).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use kassa_boot::shop::{LocalZone, WallClock};
use kassa_journal::Journal;
use kassa_sandbox::{RunningSandbox, SandboxConfig};
use kassa_shop::Day;
use kassa_testkit::{cli, sandbox_on_loopback};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../saft/data/Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd")
}

/// A till: a journal in a temporary folder, its shop set up in Norway, its receipt key in
/// a keyring service of its own (the session bus is shared with other tests).
struct Till {
    sandbox: RunningSandbox,
    dir: tempfile::TempDir,
    db: PathBuf,
    service: String,
}

impl Till {
    async fn new(name: &str) -> Till {
        let sandbox = sandbox_on_loopback(SandboxConfig::default()).await;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        let service = format!("eu.kassa.counter.test-saft-{name}-{}", std::process::id());
        let till = Till {
            sandbox,
            dir,
            db,
            service,
        };
        let (code, out) = cli::run(till.training().args([
            "setup",
            "--legal-name",
            "Kafé Storgata & Co AS",
            "--org-number",
            "923609016 MVA",
            "--address",
            "Storgata 12",
            "--postcode",
            "9008",
            "--city",
            "Tromsø",
            "--country",
            "NO",
            "--till-name",
            "Kasse 1",
        ]))
        .await;
        assert_eq!(code, Some(0), "{out}");
        till
    }

    /// `kassa` on the sandbox (no credentials): a training counter.
    fn training(&self) -> Command {
        let mut cmd = cli::kassa(env!("CARGO_BIN_EXE_kassa"), &self.sandbox, &self.db);
        cmd.env("KASSA_CURRENCY", "NOK")
            .env("KASSA_KEYRING_SERVICE", &self.service)
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap_or_default(),
            );
        if let Ok(dir) = std::env::var("XDG_RUNTIME_DIR") {
            cmd.env("XDG_RUNTIME_DIR", dir);
        }
        cmd
    }

    /// `kassa` with the merchant's credentials: a live counter, its payment service the
    /// sandbox started here (the labelled custom-address option).
    fn live(&self) -> Command {
        let mut cmd = self.training();
        cmd.env("KASSA_CLIENT_ID", "sandbox-client")
            .env("KASSA_CLIENT_SECRET", "sandbox-secret")
            .env("KASSA_DESTINATION_ID", "sandbox-destination")
            .env("KASSA_CUSTOM_API", "1");
        cmd
    }

    /// A live pay-by-bank charge, approved in the sandbox's bank.
    async fn bank_charge(&self, lines: &[&str]) {
        let mut cmd = self.live();
        cmd.arg("charge");
        for l in lines {
            cmd.args(["--line", l]);
        }
        let mut child = cmd.arg("--json").spawn().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut seen = Vec::new();
        tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(l) = out.next_line().await.unwrap() {
                let v: Value = serde_json::from_str(&l).unwrap_or_else(|e| panic!("{l}: {e}"));
                if v["event"] == "qr_ready" && v["attempt"] == 1 {
                    self.sandbox
                        .sandbox()
                        .approve(v["payment_id"].as_str().unwrap())
                        .unwrap();
                }
                seen.push(l);
            }
        })
        .await
        .expect("the bank charge ended in time");
        let done = child.wait_with_output().await.unwrap();
        assert_eq!(
            done.status.code(),
            Some(0),
            "{}\n{}",
            seen.join("\n"),
            String::from_utf8_lossy(&done.stderr)
        );
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The till's public key as a PEM file, as the tax office gets it:
    /// `kassa keys export-public --out FILE`.
    async fn public_pem(&self) -> PathBuf {
        let pem = self.path("public.pem");
        let (code, out) = cli::run(
            self.live()
                .args(["keys", "export-public", "--out"])
                .arg(&pem),
        )
        .await;
        assert_eq!(code, Some(0), "{out}");
        pem
    }
}

impl Drop for Till {
    fn drop(&mut self) {
        // The test's own keyring entries go with it.
        if let Ok(j) = Journal::open_read_only(&self.db)
            && let (Ok(till), Ok(keys)) = (j.till_id(), j.signing_keys())
        {
            use kassa_boot::SecretStore;
            for k in keys {
                let account = kassa_boot::keys::account(&till, k.version);
                let _ = kassa_boot::Keyring::named(&self.service, &account).delete();
            }
        }
    }
}

fn day_text(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn now_ms() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap()
}

/// From yesterday to tomorrow, local days: today's sales whatever the hour.
fn around_today() -> (String, String) {
    let now = now_ms();
    (
        day_text(LocalZone.day(now - 86_400_000)),
        day_text(LocalZone.day(now + 86_400_000)),
    )
}

fn xmllint(file: &Path) -> String {
    let out = std::process::Command::new("xmllint")
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
    assert!(
        out.status.success() && said.contains("validates"),
        "xmllint refused {}:\n{said}",
        file.display()
    );
    said
}

/// The blocks `<name>…</name>` of `xml`, in order.
fn blocks<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let from = &rest[i..];
        let Some(j) = from.find(&close) else { break };
        out.push(&from[..j + close.len()]);
        rest = &from[j + close.len()..];
    }
    out
}

/// The text of the first `<name>` in `block`, its XML escapes read back.
fn field(block: &str, name: &str) -> String {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let start = block
        .find(&open)
        .unwrap_or_else(|| panic!("no <{name}> in {block}"))
        + open.len();
    let len = block[start..].find(&close).unwrap();
    block[start..start + len]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// One receipt of the file as the signature covers it.
struct Signed {
    nr: String,
    number: u64,
    training: bool,
    text_fields: [String; 5],
    signature: String,
    key_version: String,
}

fn signed_receipts(xml: &str) -> Vec<Signed> {
    blocks(xml, "cashtransaction")
        .into_iter()
        .map(|t| {
            let nr = field(t, "nr");
            let training = field(t, "trainingID") == "true";
            let digits = nr.strip_prefix("TRENING-").unwrap_or(&nr);
            assert_eq!(training, nr.starts_with("TRENING-"), "{nr}");
            Signed {
                number: digits.parse().unwrap(),
                training,
                text_fields: [
                    field(t, "transDate"),
                    field(t, "transTime"),
                    nr.clone(),
                    field(t, "transAmntIn"),
                    field(t, "transAmntEx"),
                ],
                nr,
                signature: field(t, "signature"),
                key_version: field(t, "keyVersion"),
            }
        })
        .collect()
}

/// `openssl dgst -sha1 -verify` of `signature` (base64) over `text`: true when it says
/// "Verified OK".
fn openssl_verifies(dir: &Path, pem: &Path, text: &str, signature: &str) -> bool {
    let (t, b64, bin) = (
        dir.join("text.txt"),
        dir.join("sig.b64"),
        dir.join("sig.bin"),
    );
    std::fs::write(&t, text).unwrap();
    std::fs::write(&b64, signature).unwrap();
    let decoded = std::process::Command::new("openssl")
        .args(["base64", "-d", "-A", "-in"])
        .arg(&b64)
        .arg("-out")
        .arg(&bin)
        .status()
        .expect("openssl must be on PATH");
    assert!(decoded.success());
    let out = std::process::Command::new("openssl")
        .args(["dgst", "-sha1", "-verify"])
        .arg(pem)
        .arg("-signature")
        .arg(&bin)
        .arg(&t)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    out.status.success() && said.contains("Verified OK")
}

#[tokio::test]
async fn a_real_days_export_validates_and_every_signature_verifies_with_openssl() {
    let till = Till::new("day").await;

    // Live: by bank, in cash, by card.
    till.bank_charge(&["2 x Kaffe=45@Food", "Kopp=199@Standard"])
        .await;
    let (code, out) =
        cli::run(
            till.live()
                .args(["charge", "--line", "Bolle=39@Food", "--cash", "50"]),
        )
        .await;
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli::run(
        till.live()
            .args(["charge", "--amount", "45", "--card", "T4411"]),
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    // Receipt 1 printed, then printed again: COPY 1.
    for n in ["a", "b"] {
        let (code, out) = cli::run(
            till.live()
                .args(["receipt", "#1", "--pdf"])
                .arg(till.path(&format!("receipt-{n}.pdf"))),
        )
        .await;
        assert_eq!(code, Some(0), "{out}");
    }
    let (code, out) = cli::run(till.live().args(["report", "z"])).await;
    assert_eq!(code, Some(0), "{out}");
    // Training, on the sandbox counter: its own series.
    for _ in 0..2 {
        let (code, out) =
            cli::run(
                till.training()
                    .args(["charge", "--line", "Kaffe=45@Food", "--cash", "50"]),
            )
            .await;
        assert_eq!(code, Some(0), "{out}");
    }
    // A return of the cash sale, one more sale, the second Z.
    let (code, out) =
        cli::run(
            till.live()
                .args(["return", "#2", "--reason", "Cracked <cup> & saucer"]),
        )
        .await;
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli::run(till.live().args(["charge", "--amount", "90", "--card"])).await;
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli::run(till.live().args(["report", "z"])).await;
    assert_eq!(code, Some(0), "{out}");

    // The export.
    let (from, to) = around_today();
    let file = till.path("saft.xml");
    let (code, out) = cli::run(
        till.live()
            .args([
                "export", "--format", "saf-t", "--from", &from, "--to", &to, "--out",
            ])
            .arg(&file),
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("7 receipts (2 training)"), "{out}");
    assert!(out.contains("2 Z reports"), "{out}");
    assert!(
        out.contains("in the electronic journal (event 13020)"),
        "{out}"
    );
    let said = xmllint(&file);
    let xml = std::fs::read_to_string(&file).unwrap();
    eprintln!(
        "saft_export: {} bytes, {} receipts; xmllint: {}",
        xml.len(),
        xml.matches("<cashtransaction>").count(),
        said.trim()
    );

    // What the file holds.
    assert_eq!(
        xml.matches("<cashtransaction>").count(),
        7,
        "5 live, 2 training"
    );
    for want in [
        "<companyIdent>923609016</companyIdent>",
        "<taxRegIdent>NO923609016MVA</taxRegIdent>",
        "<paymentType>BANK</paymentType>",
        "<paymentType>CASH</paymentType>",
        "<paymentType>CARD</paymentType>",
        "<paymentRefID>T4411</paymentRefID>",
        "<transType>RETURNSAL</transType>",
        "<transAmntIn>-39.00</transAmntIn>",
        "<receiptCopyNum>1</receiptCopyNum>",
        "<nr>TRENING-2</nr>",
        "<trainingID>true</trainingID>",
        "<reportID>1</reportID>",
        "<reportID>2</reportID>",
        "<eventType>COPYREC</eventType>",
        "<eventType>ZREP</eventType>",
        "<standardVatCode>31</standardVatCode>",
        "Cracked &lt;cup&gt; &amp; saucer",
    ] {
        assert!(xml.contains(want), "{want} missing from the export");
    }
    assert_eq!(
        xml.matches("<eventReport>").count(),
        2,
        "the two live Z reports"
    );

    // kassa-saft's check() on the same export, made again from the journal: it passes,
    // and its receipts are the file's to the byte.
    let journal = Journal::open_read_only(&till.db).unwrap();
    let db = till.db.display().to_string();
    let var = |k: &str| match k {
        "KASSA_DB" => Some(db.clone()),
        "KASSA_CURRENCY" => Some("NOK".to_owned()),
        _ => None,
    };
    let settings =
        kassa_boot::Settings::load(var, till.db.clone(), &kassa_boot::MemorySecrets::default())
            .unwrap();
    let resolved = settings
        .shop
        .resolve(kassa_money::Currency::Nok, LocalZone.day(now_ms()))
        .unwrap();
    let merchant = resolved.profile.clone().unwrap();
    let period = kassa_boot::saft_export::Period::local(
        kassa_boot::saft_export::parse_day(&from).unwrap(),
        kassa_boot::saft_export::parse_day(&to).unwrap(),
    )
    .unwrap();
    let again = kassa_boot::saft_export::export(
        &journal,
        &kassa_boot::saft_export::ExportOf {
            merchant: &merchant,
            vat: &resolved.vat,
            currency: kassa_money::Currency::Nok,
            software_version: env!("CARGO_PKG_VERSION"),
        },
        &period,
        now_ms(),
        &LocalZone,
    )
    .unwrap();
    again.file.check().unwrap();
    assert_eq!(
        blocks(&again.xml, "cashtransaction"),
        blocks(&xml, "cashtransaction")
    );

    // Every signature, by openssl, over the text rebuilt from the file's own fields: per
    // series in number order, the first over "0", each next over the one before.
    let pem = till.public_pem().await;
    let mut receipts = signed_receipts(&xml);
    receipts.sort_by_key(|r| (r.training, r.number));
    let mut checked = 0;
    for training in [false, true] {
        let mut previous = "0".to_owned();
        for r in receipts.iter().filter(|r| r.training == training) {
            assert_eq!(r.key_version, "1", "{}", r.nr);
            let text = format!("{previous};{}", r.text_fields.join(";"));
            assert!(
                openssl_verifies(till.dir.path(), &pem, &text, &r.signature),
                "openssl does not verify receipt {} over {text:?}",
                r.nr
            );
            previous = r.signature.clone();
            checked += 1;
        }
    }
    assert_eq!(checked, 7);
    // The check can fail: one øre more on the first receipt and openssl says no.
    let first = &receipts[0];
    let mut fields = first.text_fields.clone();
    fields[3] = fields[3].replace(".00", ".01");
    let forged = format!("0;{}", fields.join(";"));
    assert!(!openssl_verifies(
        till.dir.path(),
        &pem,
        &forged,
        &first.signature
    ));
}

#[tokio::test]
async fn an_empty_period_exports_a_valid_file_and_bad_input_is_refused_in_words() {
    let till = Till::new("empty").await;
    Journal::open(&till.db).unwrap();
    let file = till.path("empty.xml");
    let (code, out) = cli::run(
        till.live()
            .args([
                "export",
                "--format",
                "saf-t",
                "--from",
                "2026-01-05",
                "--to",
                "2026-01-11",
                "--out",
            ])
            .arg(&file),
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("0 receipts (0 training), 0 journal events and 0 Z reports from 2026-01-05 to 2026-01-11"),
        "{out}"
    );
    xmllint(&file);
    let xml = std::fs::read_to_string(&file).unwrap();
    assert!(!xml.contains("<cashtransaction>") && xml.contains("<cashregister>"));
    assert!(xml.contains("<companyName>Kafé Storgata &amp; Co AS</companyName>"));

    for (args, said) in [
        (
            vec!["--from", "2026-01-05", "--to", "2026-01-11"],
            "say where to write the SAF-T file: --out FILE.xml",
        ),
        (
            vec![
                "--from",
                "2026-01-11",
                "--to",
                "2026-01-05",
                "--out",
                "x.xml",
            ],
            "the period ends before it starts: --to must be on or after --from",
        ),
        (
            vec![
                "--from",
                "2026-02-30",
                "--to",
                "2026-03-05",
                "--out",
                "x.xml",
            ],
            "2026-02-30 is not a day of the calendar: write it as YYYY-MM-DD",
        ),
        (
            vec!["--to", "2026-03-05", "--out", "x.xml"],
            "give the period to export: --from YYYY-MM-DD --to YYYY-MM-DD",
        ),
    ] {
        let (code, out) = cli::run(
            till.live()
                .args(["export", "--format", "saf-t"])
                .args(&args)
                .current_dir(till.dir.path()),
        )
        .await;
        assert_eq!(code, Some(2), "{args:?}: {out}");
        assert!(out.contains(said), "{args:?}: {out}");
    }
    assert!(!till.path("x.xml").exists(), "nothing written");

    // While the app holds the journal the export is the app's: refused, nothing written.
    let lock = kassa_journal::OwnerLock::acquire(&till.db, "the Kassa app").unwrap();
    let (code, out) = cli::run(
        till.live()
            .args([
                "export",
                "--format",
                "saf-t",
                "--from",
                "2026-01-05",
                "--to",
                "2026-01-11",
                "--out",
            ])
            .arg(till.path("held.xml"))
            .stdout(Stdio::piped()),
    )
    .await;
    assert_eq!(code, Some(4), "{out}");
    assert!(
        out.contains("the journal is in use by the Kassa app")
            && out.contains("export from the app (Day → Export SAF-T)"),
        "{out}"
    );
    assert!(!till.path("held.xml").exists(), "nothing written");
    drop(lock);
    let j = Journal::open_read_only(&till.db).unwrap();
    let exports = j
        .journal_events(0, i64::MAX)
        .unwrap()
        .into_iter()
        .filter(|e| e.code == 13020)
        .count();
    assert_eq!(
        exports, 1,
        "only the export that owned the journal is journaled"
    );
}

/// Issue 14: the hub's copy of a Norwegian till's books gives its SAF-T file too
/// (`kassa hub export`), made from the books rebuilt from the hub: it validates, and holds
/// the same transactions and signatures as the till's own export.
#[tokio::test]
async fn the_hubs_copy_gives_the_same_saft_file_as_the_till() {
    let till = Till::new("hub").await;
    let (code, out) =
        cli::run(
            till.live()
                .args(["charge", "--line", "Bolle=39@Food", "--cash", "50"]),
        )
        .await;
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli::run(
        till.live()
            .args(["charge", "--amount", "45", "--card", "T4411"]),
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    let url = kassa_testkit::pg::shared()
        .create_database("saft_hub")
        .unwrap();
    let (code, out) = cli::run(till.live().args(["hub", "connect", &url])).await;
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli::run(till.live().args(["hub", "sync"])).await;
    assert_eq!(code, Some(0), "{out}");

    let (from, to) = around_today();
    let own = till.path("own.xml");
    let (code, out) = cli::run(
        till.live()
            .args([
                "export", "--format", "saf-t", "--from", &from, "--to", &to, "--out",
            ])
            .arg(&own),
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    // The export was journaled: the hub gets that record too before its copy is read.
    let (code, out) = cli::run(till.live().args(["hub", "sync"])).await;
    assert_eq!(code, Some(0), "{out}");
    let dir = till.path("from-hub");
    let (code, out) = cli::run(
        till.live()
            .args(["hub", "export", "--from", &from, "--to", &to, "--out"])
            .arg(&dir),
    )
    .await;
    assert_eq!(code, Some(0), "{out}");
    let from_hub: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    assert_eq!(from_hub.len(), 1, "one till, one SAF-T file: {from_hub:?}");
    xmllint(&from_hub[0]);
    let theirs = std::fs::read_to_string(&from_hub[0]).unwrap();
    let ours = std::fs::read_to_string(&own).unwrap();
    let sigs = |xml: &str| -> Vec<(String, String)> {
        signed_receipts(xml)
            .into_iter()
            .map(|s| (s.nr, s.signature))
            .collect()
    };
    assert_eq!(sigs(&theirs), sigs(&ours));
    assert_eq!(sigs(&ours).len(), 2);
    assert!(theirs.contains("<companyIdent>923609016</companyIdent>"));
}
