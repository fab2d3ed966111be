//! Issue 13: the CLI's human output in the language spoken (`KASSA_LANG`), from cli.ftl;
//! English when no language is set (the other tests clear the environment, so they run in
//! English whatever the machine's locale says).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use kassa_journal::{Backend, Journal};

mod common;

/// `kassa` on the sandbox (no credentials: training) with the journal `db`, speaking `lang`
/// (`None`: no language set at all, nor a locale).
fn kassa(db: &Path, lang: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kassa"));
    cmd.env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_DB", db);
    if let Some(lang) = lang {
        cmd.env("KASSA_LANG", lang);
    }
    cmd.args(args).output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A training sale s1 paid twice (p2 flagged for a refund) and a training sale s2 still open,
/// the receipt sealed with the till's key (in the keyring the tests' `kassa` signs with).
fn journal(db: &Path) {
    common::paid_twice_and_open(db, Backend::Sandbox, "Paid twice: refund p2.");
}

fn assert_absent(out: &str, english: &[&str]) {
    for e in english {
        assert!(!out.contains(e), "English {e:?} in: {out}");
    }
}

#[test]
fn status_speaks_danish_and_finnish_and_english_without_a_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");

    // No journal yet: the error line.
    let out = kassa(&db, Some("da"), &["status"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).starts_with(&format!(
            "kassa: der er ingen salgsjournal i {}",
            db.display()
        )),
        "{}",
        text(&out)
    );
    let out = kassa(&db, Some("fi"), &["status"]);
    assert!(
        text(&out).starts_with(&format!(
            "kassa: polussa {} ei ole myyntipäiväkirjaa",
            db.display()
        )),
        "{}",
        text(&out)
    );

    Journal::open(&db).unwrap();
    let out = kassa(&db, Some("da"), &["status"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        text(&out),
        "Træning (sandkasse): ingen rigtige penge.\nIntet åbent salg.\nIntet kræver opmærksomhed.\n"
    );
    let out = kassa(&db, Some("fi"), &["status"]);
    assert_eq!(
        text(&out),
        "Harjoittelu (hiekkalaatikko): ei oikeaa rahaa.\nEi avointa myyntiä.\nMikään ei vaadi huomiota.\n"
    );
    let out = kassa(&db, None, &["status"]);
    assert_eq!(
        text(&out),
        "Training (sandbox): no real money.\nNo open sale.\nNothing needs attention.\n"
    );

    journal(&db);
    let out = kassa(&db, Some("da"), &["status"]);
    assert_eq!(out.status.code(), Some(6), "{}", text(&out));
    let t = text(&out);
    assert!(
        t.contains("ÅBENT  s2  42,50\u{a0}kr.  0 forsøg  (afslut det med `kassa resume` eller `kassa cancel s2`)"),
        "{t}"
    );
    assert!(
        t.contains(
            "KRÆVER OPMÆRKSOMHED: refundér betaling p2 på 7,00\u{a0}kr. (salg s1): Paid twice: refund p2."
        ),
        "{t}"
    );
    assert_absent(
        &t,
        &["OPEN ", "NEEDS ATTENTION", "refund payment", "Training"],
    );

    let out = kassa(&db, Some("fi"), &["status"]);
    let t = text(&out);
    assert!(
        t.contains("AVOIN  s2  42,50\u{a0}kr.  0 yritys(tä)  (vie se loppuun komennolla `kassa resume` tai `kassa cancel s2`)"),
        "{t}"
    );
    assert!(
        t.contains(
            "VAATII HUOMIOTA: palauta maksu p2, 7,00\u{a0}kr. (myynti s1): Paid twice: refund p2."
        ),
        "{t}"
    );
    assert_absent(
        &t,
        &["OPEN ", "NEEDS ATTENTION", "refund payment", "Training"],
    );

    // `--json` is for machines: the same in every language.
    let da = kassa(&db, Some("da"), &["status", "--json"]);
    let en = kassa(&db, None, &["status", "--json"]);
    assert_eq!(da.stdout, en.stdout);

    // `kassa refunded` says it in Danish, with a Danish default note.
    let out = kassa(&db, Some("da"), &["refunded", "p2"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        text(&out),
        "Betaling p2 til salg s1 markeret: refunderet manuelt.\n"
    );
    let out = kassa(&db, Some("fi"), &["refunded", "p2"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: maksulla p2 ei ole avointa huomiomerkintää (katso `kassa status`)\n"
    );
}

#[test]
fn a_refused_amount_is_said_in_danish_and_finnish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kassa(&db, Some("da"), &["charge", "--amount", "abc"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: forkert beløb: \"abc\" er ikke et beløb: brug cifre og ét decimaltegn, f.eks. 12,50\n"
    );
    let out = kassa(&db, Some("fi"), &["charge", "--amount", "1,234"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: virheellinen summa: valuutassa DKK on 2 desimaalia; summassa \"1,234\" on enemmän\n"
    );
    let out = kassa(&db, Some("da"), &["charge", "--line", "Brød"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: forkert --line \"Brød\": skriv den som TEKST=BELØB eller TEKST=BELØB@SATS, f.eks. \"Brød=39,90@Mad\"\n"
    );
    // English without a language, as before.
    let out = kassa(&db, None, &["charge", "--amount", "abc"]);
    assert_eq!(
        text(&out),
        "kassa: bad amount: \"abc\" is not an amount: use digits and one decimal separator, e.g. 12.50\n"
    );
    // Nothing was sold, so no journal was needed.
    assert!(!db.exists() || Journal::open_read_only(&db).is_ok());
}

#[test]
fn verify_and_the_export_errors_speak_danish_and_finnish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    Journal::open(&db).unwrap();
    let out = kassa(&db, Some("da"), &["verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        text(&out),
        "Rigtige boner: 0 kontrolleret.\nTræningsboner: 0 kontrolleret.\n"
    );
    let out = kassa(&db, Some("fi"), &["verify"]);
    assert_eq!(
        text(&out),
        "Oikeat kuitit: 0 tarkistettu.\nHarjoituskuitit: 0 tarkistettu.\n"
    );
    let out = kassa(&db, None, &["verify"]);
    assert_eq!(
        text(&out),
        "Live receipts: 0 verified.\nTraining receipts: 0 verified.\n"
    );

    let out = kassa(&db, Some("da"), &["export", "--format", "saf-t"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: angiv hvor SAF-T-filen skal gemmes: --out FIL.xml\n"
    );
    let out = kassa(&db, Some("fi"), &["export", "--from", "2026-01-01"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: --from ja --to ovat valintaa --format saf-t varten; jsonl- ja csv-vienti sisältää kaikki myynnit\n"
    );
    let pem = dir.path().join("key.pem");
    let out = kassa(
        &db,
        Some("da"),
        &["keys", "export-public", "--out", pem.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: journalen har endnu ingen bonnøgle: den får en med sin første bon\n"
    );
    let xml = dir.path().join("s.xml");
    let out = kassa(
        &db,
        Some("fi"),
        &[
            "export",
            "--format",
            "saf-t",
            "--from",
            "2026-02-30",
            "--to",
            "2026-03-01",
            "--out",
            xml.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: 2026-02-30 ei ole kalenterin päivä: kirjoita se muodossa VVVV-KK-PP\n"
    );
    let out = kassa(&db, Some("da"), &["refunds"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(text(&out), "Ingen bankoverførsel at lave.\n");
    let out = kassa(
        &db,
        Some("fi"),
        &["bookkeeping", "--from", "2026-13-01", "--to", "x", "b.csv"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).starts_with("kassa: "), "{}", text(&out));
    assert_absent(&text(&out), &["is not a day", "write it as"]);
}

/// The checks' marks and names in the language spoken (each check's detail is the
/// doctor's own sentence).
#[test]
fn doctor_names_its_checks_in_danish_and_finnish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    for (lang, names) in [
        (
            "da",
            [
                "ok   indstillinger ",
                "ok   adgang       ",
                "ok   modtager     ",
                "ok   ur           ",
            ],
        ),
        (
            "fi",
            [
                "ok   asetukset    ",
                "ok   tunnukset    ",
                "ok   vastaanottaja ",
                "ok   kello        ",
            ],
        ),
        (
            "en",
            [
                "ok   settings     ",
                "ok   credentials  ",
                "ok   destination  ",
                "ok   clock        ",
            ],
        ),
    ] {
        let out = kassa(&db, Some(lang), &["doctor"]);
        assert_eq!(out.status.code(), Some(0), "{lang}: {}", text(&out));
        let t = String::from_utf8_lossy(&out.stdout).into_owned();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 4, "{lang}: {t}");
        for (line, name) in lines.iter().zip(names) {
            assert!(
                line.starts_with(name),
                "{lang}: {line:?} does not start with {name:?}"
            );
        }
        if lang != "en" {
            assert_absent(
                &t,
                &[
                    "ok   settings",
                    "ok   credentials",
                    "ok   destination",
                    "ok   clock",
                ],
            );
            // What each check found is in the language too, not only its name.
            assert_absent(
                &t,
                &[
                    "Kassa uses",
                    "the built-in sandbox",
                    "a token was issued",
                    "takes DKK payments",
                    "this computer's clock",
                ],
            );
        }
        let found = match lang {
            "da" => "Kassa bruger den indbyggede sandkasse",
            "fi" => "Kassa käyttää sisäänrakennettua hiekkalaatikkoa",
            _ => "Kassa uses the built-in sandbox",
        };
        assert!(lines[0].contains(found), "{lang}: {}", lines[0]);
    }
    // --json keeps the English words and the stable names, whatever the language.
    let out = kassa(&db, Some("da"), &["doctor", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["name"], "settings");
    assert!(
        first["detail"]
            .as_str()
            .unwrap()
            .starts_with("Kassa uses the built-in sandbox"),
        "{first}"
    );
}

#[test]
fn staff_and_its_refusals_speak_danish_and_finnish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kassa(&db, Some("da"), &["staff", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // A fresh till in Danish: the owner is named in Danish, and keeps the name in Finnish.
    assert_eq!(
        text(&out),
        "1      Ejer                     leder    ingen PIN til\n"
    );
    let out = kassa(&db, Some("fi"), &["staff", "list"]);
    assert_eq!(
        text(&out),
        "1      Ejer                     esimies  ei PINiä käytössä\n"
    );
    let out = kassa(&db, Some("da"), &["staff", "add", "2", "--name", "Ane"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    // No new PIN in KASSA_NEW_PIN and nothing on standard input: asked, then refused.
    assert_eq!(
        text(&out),
        "Ny PIN for Ane (4 til 8 cifre): kassa: Indtast den nye PIN for Ane (eller sæt KASSA_NEW_PIN).\n"
    );
    let out = kassa(&db, Some("da"), &["--employee", "9", "staff", "list"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(
        text(&out),
        "kassa: Der er intet medarbejdernummer 9 ved denne kasse.\n"
    );
    let out = kassa(&db, Some("fi"), &["--employee", "9", "staff", "list"]);
    assert_eq!(
        text(&out),
        "kassa: Tällä kassalla ei ole työntekijänumeroa 9.\n"
    );
    let out = kassa(&db, None, &["--employee", "9", "staff", "list"]);
    assert_eq!(text(&out), "kassa: No employee number 9 at this till.\n");
}

#[tokio::test]
async fn the_sandbox_says_where_it_listens_in_finnish() {
    use tokio::io::AsyncBufReadExt;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_kassa"))
        .env_clear()
        .envs(kassa_testkit::cli::session())
        .env("KASSA_LANG", "fi")
        .args(["sandbox", "--port", "0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let mut seen = Vec::new();
    let ready = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            seen.push(line.clone());
            if line == "webhookit osoitteeseen: ei ole" {
                return;
            }
        }
    })
    .await;
    child.kill().await.unwrap();
    assert!(ready.is_ok(), "{seen:?}");
    let text = seen.join("\n");
    assert!(
        text.contains("Aiia Pay -hiekkalaatikko on valmis osoitteessa http://127.0.0.1:"),
        "{text}"
    );
    assert!(
        text.contains("\nClient ID: sandbox-client\nClient Secret: sandbox-secret\n"),
        "{text}"
    );
    assert_absent(&text, &["sandbox ready", "press ctrl-c"]);
}

#[test]
fn a_sale_the_engine_refuses_is_said_in_danish_and_finnish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let out = kassa(
        &db,
        Some("da"),
        &["charge", "--amount", "10", "--cash", "5"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let t = text(&out);
    assert!(
        t.starts_with("kassa: de modtagne kontanter (5,00\u{a0}kr.) er mindre end totalen (10,00\u{a0}kr.): modtag mindst totalen"),
        "{t}"
    );
    let out = kassa(&db, Some("fi"), &["cancel", "nope"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let t = text(&out);
    assert!(
        t == "kassa: myyntiä nope ei ole\n" || t == "kassa: myynti nope ei ole auki\n",
        "{t}"
    );
}

#[test]
fn a_setting_that_does_not_hold_is_said_in_danish_and_finnish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let run = |lang: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kassa"));
        cmd.env_clear()
            .envs(kassa_testkit::cli::session())
            .env("KASSA_DB", &db)
            .env("KASSA_CURRENCY", "USD");
        if let Some(lang) = lang {
            cmd.env("KASSA_LANG", lang);
        }
        let out = cmd.args(["charge", "--amount", "5"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        text(&out)
    };
    assert_eq!(
        run(Some("da")),
        "kassa: Valutaen (KASSA_CURRENCY) skal være DKK, SEK, NOK eller EUR, ikke \"USD\"\n"
    );
    assert_eq!(
        run(Some("fi")),
        "kassa: Valuutan (KASSA_CURRENCY) on oltava DKK, SEK, NOK tai EUR, ei \"USD\"\n"
    );
    assert_eq!(
        run(None),
        "kassa: The currency (KASSA_CURRENCY) must be DKK, SEK, NOK or EUR, not \"USD\"\n"
    );
}
