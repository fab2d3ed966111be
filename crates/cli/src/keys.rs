//! `kassa keys export-public|new` and `kassa verify` (issue 12): the till's receipt signing
//! keys and the check of the whole receipt chain, on `kassa_boot::keys`.
//!
//! `export-public` and `verify` only read (they work beside a counter that sells);
//! `keys new` writes the next key's public half into the journal, so it takes the journal
//! as its owner first (`books::owned`) and is refused (exit 4) while the window or another
//! `kassa` sells.

use std::path::Path;
use std::process::ExitCode;

use kassa_boot::KeyStore;
use kassa_boot::error_words;
use kassa_boot::keys::{self, SeriesCheck};
use kassa_journal::Backend;
use serde::Serialize;

use crate::books::{now_ms, owned, read_only};
use crate::output::{messages, t, text};
use crate::{EXIT_FAILED, EXIT_USAGE, fail};

/// `kassa verify`: the chain of receipts is broken (a receipt changed, missing or unsigned).
pub const EXIT_BROKEN: u8 = 7;

/// Writes the public half of the till's receipt key (the newest, or `version`) to `out`.
pub fn export_public(db: &Path, version: Option<u32>, out: &Path) -> ExitCode {
    let journal = match read_only(db) {
        Ok(j) => j,
        Err(code) => return code,
    };
    match keys::export_public(&journal, version, out) {
        Ok(v) => {
            println!(
                "{}",
                t(
                    "cli-keys-exported",
                    &[
                        ("version", v.to_string().into()),
                        ("file", out.display().to_string().into()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(e @ (keys::KeyError::NoKeyYet | keys::KeyError::NoSuchVersion(_))) => {
            fail(EXIT_USAGE, &error_words::key(messages(), &e))
        }
        Err(e) => fail(EXIT_FAILED, &error_words::key(messages(), &e)),
    }
}

/// Makes the till's next receipt key: its private half into the keyring, its public half
/// into the journal; receipts from now on are signed with it.
pub fn new_key(db: &Path, store: &KeyStore) -> ExitCode {
    let (_lock, mut journal) = match owned(db, "kassa keys new") {
        Ok(owned) => owned,
        Err(code) => return code,
    };
    match keys::new_key_from_os(&mut journal, store, now_ms()) {
        Ok(v) => {
            println!(
                "{}",
                t("cli-keys-made", &[("version", v.to_string().into())])
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(EXIT_FAILED, &error_words::key(messages(), &e)),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SeriesOut<'a> {
    series: &'a str,
    verified: usize,
    unsigned_before: usize,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    broken_at: Option<&'a str>,
    /// English, whatever the language spoken.
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<String>,
}

fn series_name(series: Backend) -> &'static str {
    match series {
        Backend::Sandbox => "training",
        _ => "live",
    }
}

/// One series' line of `kassa verify`, in the language spoken (the reason a receipt does not
/// verify too).
fn line(c: &SeriesCheck) -> String {
    let series = text(match c.series {
        Backend::Sandbox => "cli-verify-training",
        _ => "cli-verify-live",
    });
    let before = match c.unsigned_before {
        0 => None,
        n => Some(t("cli-verify-before", &[("count", n.to_string().into())])),
    };
    let verified = c.verified.to_string();
    match (&c.broken, before) {
        (None, None) => t(
            "cli-verify-ok",
            &[("series", series.into()), ("verified", verified.into())],
        ),
        (None, Some(before)) => t(
            "cli-verify-ok-before",
            &[
                ("series", series.into()),
                ("verified", verified.into()),
                ("before", before.into()),
            ],
        ),
        (Some(b), before) => {
            let mut args = vec![
                ("series", series.into()),
                ("verified", verified.into()),
                ("receipt", b.nr.as_str().into()),
                ("why", error_words::broken_why(messages(), &b.why).into()),
            ];
            let key = match before {
                None => "cli-verify-broken",
                Some(before) => {
                    args.push(("before", before.into()));
                    "cli-verify-broken-before"
                }
            };
            t(key, &args)
        }
    }
}

/// `kassa verify`: re-checks every receipt's signature chain; exit 0 when whole, 7 when
/// broken, naming the first receipt that does not verify. Nothing is repaired.
pub fn verify(db: &Path, json: bool) -> ExitCode {
    let journal = match read_only(db) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let checks = match keys::verify(&journal) {
        Ok(c) => c,
        Err(e) => return fail(EXIT_FAILED, &error_words::key(messages(), &e)),
    };
    for c in &checks {
        if json {
            let out = SeriesOut {
                series: series_name(c.series),
                verified: c.verified,
                unsigned_before: c.unsigned_before,
                ok: c.ok(),
                broken_at: c.broken.as_ref().map(|b| b.nr.as_str()),
                why: c.broken.as_ref().map(|b| b.why.to_string()),
            };
            match serde_json::to_string(&out) {
                Ok(text) => println!("{text}"),
                Err(e) => return fail(EXIT_FAILED, &e.to_string()),
            }
        } else {
            println!("{}", line(c));
        }
    }
    match checks.iter().find_map(|c| c.broken.as_ref()) {
        None => ExitCode::SUCCESS,
        Some(b) => fail(
            EXIT_BROKEN,
            &t(
                "cli-verify-chain-broken",
                &[("broken", error_words::broken(messages(), b).into())],
            ),
        ),
    }
}
