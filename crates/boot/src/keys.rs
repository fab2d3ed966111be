//! The till's receipt keys and the chain check (issue 12).
//!
//! Every receipt is signed in the transaction that issues it ([`kassa_journal::Sealer`]),
//! as Norway's rules ask ([`kassa_saft::no::signed_text`]): SHA1withRSA with a 1024-bit key.
//! The private half of each key lives in the OS keyring only, under an account of its own
//! per till and version ([`account`]); the public half is in the journal (`signing_keys`),
//! for `kassa verify` and the SAF-T export, and exported for the tax office with
//! `kassa keys export-public`. The first key is made on first use; `kassa keys new` makes
//! the next version. A key missing from the keyring stops the till from issuing receipts
//! with a plain message ([`KeyError::Missing`]): a receipt is never issued unsigned.

use std::path::Path;
use std::sync::Arc;

use kassa_config::{KeyStore, SecretError};
use kassa_journal::{Backend, Journal, JournalError, NamedBy, Seal, SealInput, Sealer};
use kassa_saft::no;
use kassa_saft::signature::{
    BadLink, Link, ReceiptKey, RsaPublicKey, SignatureError, verify_chain,
};
use kassa_shop::receipt::LocalDateTime;
use rand_core::CryptoRngCore;

use crate::shop::WallClock;

/// The keyring account of key `version` of till `till`.
pub fn account(till: &str, version: u32) -> String {
    format!("receipt-key-{till}-v{version}")
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error(
        "The receipt signing key (version {version}) of this till is not in this computer's keyring, so no receipt can be issued. Restore the keyring from its backup, or make a new key with `kassa keys new` and give the tax office its public key (`kassa keys export-public --out key.pem`)."
    )]
    Missing { version: u32 },
    #[error(
        "The receipt signing key (version {version}) in the keyring is not the one whose public half is in the journal, so no receipt can be issued with it. Restore the right keyring, or make a new key with `kassa keys new`."
    )]
    NotThisTill { version: u32 },
    #[error("the receipt signing key (version {version}) in the keyring is damaged: {why}")]
    Damaged { version: u32, why: String },
    #[error("no receipt key could be made: {0}")]
    Make(String),
    #[error("the journal has no receipt key yet: it gets one with its first receipt")]
    NoKeyYet,
    #[error("the journal has no receipt key of version {0}")]
    NoSuchVersion(u32),
    #[error("the keyring failed: {0}")]
    Keyring(#[from] SecretError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Seals receipts with a receipt key, in the shop's local time.
pub struct ReceiptSealer {
    key: ReceiptKey,
    zone: Arc<dyn WallClock + Send + Sync>,
}

impl std::fmt::Debug for ReceiptSealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceiptSealer")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl ReceiptSealer {
    pub fn new(key: ReceiptKey, zone: Arc<dyn WallClock + Send + Sync>) -> ReceiptSealer {
        ReceiptSealer { key, zone }
    }

    pub fn key_version(&self) -> u32 {
        self.key.version()
    }
}

impl Sealer for ReceiptSealer {
    fn seal(&self, s: &SealInput<'_>) -> Result<Seal, String> {
        let (date, time) = local_date_time(&*self.zone, s.at_ms)?;
        let text = no::signed_text(
            s.previous,
            &date,
            &time,
            s.number,
            s.training,
            s.gross_minor,
            s.net_minor,
        )
        .map_err(|e| format!("receipt {} cannot be signed: {e}", s.number))?;
        Ok(Seal {
            signature: self.key.sign(&text),
            key_version: self.key.version(),
            signed_date: date,
            signed_time: time,
        })
    }
}

/// The local date (`YYYY-MM-DD`) and time (`hh:mm:ss`) of `at_ms` on the shop's clock, as
/// signed and exported.
pub fn local_date_time(zone: &dyn WallClock, at_ms: i64) -> Result<(String, String), String> {
    let t = LocalDateTime::from_unix_ms(at_ms, zone.utc_offset_minutes(at_ms))
        .map_err(|e| format!("the receipt's time cannot be read: {e}"))?;
    let iso = t.iso();
    match (iso.get(..10), iso.get(11..19)) {
        (Some(date), Some(time)) => Ok((date.to_owned(), time.to_owned())),
        _ => Err(format!("the receipt's time {iso} cannot be read")),
    }
}

/// The till's newest receipt key from the keyring; on first use (no key in the journal) a
/// new key 1, kept in the keyring and its public half in the journal.
pub fn load_or_make(
    journal: &mut Journal,
    store: &KeyStore,
    rng: &mut impl CryptoRngCore,
    now_ms: i64,
) -> Result<ReceiptKey, KeyError> {
    let till = journal.till_id()?;
    let keys = journal.signing_keys()?;
    let Some(newest) = keys.last() else {
        return make(journal, store, rng, now_ms, 1);
    };
    let pem = store
        .0
        .get_account(&account(&till, newest.version))?
        .ok_or(KeyError::Missing {
            version: newest.version,
        })?;
    let key =
        ReceiptKey::from_pem(pem.expose(), newest.version).map_err(|e| KeyError::Damaged {
            version: newest.version,
            why: e.to_string(),
        })?;
    let public = key.public_pem().map_err(|e| KeyError::Damaged {
        version: newest.version,
        why: e.to_string(),
    })?;
    if public != newest.public_pem {
        return Err(KeyError::NotThisTill {
            version: newest.version,
        });
    }
    Ok(key)
}

/// The sealer a connection that writes receipts carries: the till's newest key from the
/// keyring (made on first use, with the OS's randomness), signing in the shop's local time.
/// A key that is missing or not this journal's is an error: the caller issues no receipt.
pub fn sealer(
    journal: &mut Journal,
    store: &KeyStore,
    now_ms: i64,
) -> Result<Arc<ReceiptSealer>, KeyError> {
    let key = load_or_make(journal, store, &mut rand_core::OsRng, now_ms)?;
    Ok(Arc::new(ReceiptSealer::new(
        key,
        Arc::new(crate::shop::LocalZone),
    )))
}

/// Opens the journal at `db` for writing receipts: with the till's sealer ([`sealer`]).
pub fn open_sealed(db: &Path, store: &KeyStore, now_ms: i64) -> Result<Journal, KeyError> {
    let mut journal = Journal::open(db)?;
    let sealer = sealer(&mut journal, store, now_ms)?;
    journal.set_sealer(sealer);
    Ok(journal)
}

/// Makes the till's next receipt key (version 1, 2, ...): the private half into the
/// keyring, then the public half into the journal. Receipts from then on are signed with it;
/// the chain goes on over the previous receipt's signature.
pub fn new_key(
    journal: &mut Journal,
    store: &KeyStore,
    rng: &mut impl CryptoRngCore,
    now_ms: i64,
) -> Result<u32, KeyError> {
    let next = journal.signing_keys()?.last().map_or(1, |k| k.version + 1);
    make(journal, store, rng, now_ms, next).map(|k| k.version())
}

/// [`new_key`] with the OS's randomness (the hosts' `kassa keys new`).
pub fn new_key_from_os(
    journal: &mut Journal,
    store: &KeyStore,
    now_ms: i64,
) -> Result<u32, KeyError> {
    new_key(journal, store, &mut rand_core::OsRng, now_ms)
}

fn make(
    journal: &mut Journal,
    store: &KeyStore,
    rng: &mut impl CryptoRngCore,
    now_ms: i64,
    version: u32,
) -> Result<ReceiptKey, KeyError> {
    let till = journal.till_id()?;
    let make_err = |e: SignatureError| KeyError::Make(e.to_string());
    let key = ReceiptKey::generate(rng, version).map_err(make_err)?;
    let private = key.to_pem().map_err(make_err)?;
    let public = key.public_pem().map_err(make_err)?;
    // The keyring first: a journal never names a key the keyring was not given.
    store
        .0
        .set_account(&account(&till, version), &kassa_aiia::Secret::new(private))?;
    journal.record_signing_key(version, &public, now_ms)?;
    Ok(key)
}

/// The public half of key `version` (None: the newest), as SPKI PEM.
pub fn public_pem(journal: &Journal, version: Option<u32>) -> Result<(u32, String), KeyError> {
    let keys = journal.signing_keys()?;
    let key = match version {
        None => keys.last().ok_or(KeyError::NoKeyYet)?,
        Some(v) => keys
            .iter()
            .find(|k| k.version == v)
            .ok_or(KeyError::NoSuchVersion(v))?,
    };
    Ok((key.version, key.public_pem.clone()))
}

/// Writes the public half of key `version` (None: the newest) to `out`, for the tax office.
pub fn export_public(journal: &Journal, version: Option<u32>, out: &Path) -> Result<u32, KeyError> {
    let (version, pem) = public_pem(journal, version)?;
    std::fs::write(out, pem).map_err(|source| KeyError::Io {
        path: out.display().to_string(),
        source,
    })?;
    Ok(version)
}

/// Why a receipt of a series does not verify. The `Display` is English (logs, `--json`);
/// `error_words::broken_why` says it in the language spoken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrokenWhy {
    /// Its signature: not one, not matching, over a text its records cannot make, or of a key
    /// version the journal has no public key of.
    #[error(transparent)]
    Link(#[from] BadLink),
    /// The series does not start at 1: receipt 1 (`nr`) is missing.
    #[error("it is missing: the first receipt is {first}")]
    FirstMissing { first: String },
    /// A gap: this receipt is missing between `before` and `next`.
    #[error("it is missing: receipt {next} follows receipt {before}")]
    Gap { next: String, before: String },
    /// A receipt after signed ones has no seal.
    #[error("it has no signature")]
    Unsigned,
    /// No receipts at all, but another record of the journal names receipt `named`.
    #[error("it is missing: there are no receipts, but receipt {named} is named by {}", .by.words())]
    NamedNoReceipts { named: String, by: NamedBy },
    /// The last receipt is `last`, but another record of the journal names a later one.
    #[error("it is missing: the last receipt is {last}, but receipt {named} is named by {}", .by.words())]
    NamedAfterLast {
        last: String,
        named: String,
        by: NamedBy,
    },
}

/// Where a series stops verifying: the first receipt (`nr`) that does not, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("receipt {nr} does not verify: {why}")]
pub struct Broken {
    pub nr: String,
    pub why: BrokenWhy,
}

/// What `kassa verify` found in one series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesCheck {
    pub series: Backend,
    /// Receipts whose signatures verified.
    pub verified: usize,
    /// Receipts issued before receipts were signed (schema 5), not checked.
    pub unsigned_before: usize,
    /// Where the chain breaks, if it does.
    pub broken: Option<Broken>,
}

impl SeriesCheck {
    pub fn ok(&self) -> bool {
        self.broken.is_none()
    }
}

/// Re-checks every receipt of both series: numbers without gaps, each signature over the
/// receipt's own amounts (with and without VAT, from its records, not from its seal) and
/// the signature before it, with the public key of its version. Names the first receipt
/// that does not verify; repairs nothing.
pub fn verify(journal: &Journal) -> Result<Vec<SeriesCheck>, KeyError> {
    let keys: Vec<(u32, Option<RsaPublicKey>)> = journal
        .signing_keys()?
        .into_iter()
        .map(|k| {
            (
                k.version,
                kassa_saft::signature::public_key(&k.public_pem).ok(),
            )
        })
        .collect();
    let key_of = |v: u32| {
        keys.iter()
            .find(|(version, _)| *version == v)
            .and_then(|(_, k)| k.clone())
    };
    let mut out = Vec::new();
    for series in [Backend::Live, Backend::Sandbox] {
        let chain = journal.receipt_chain(series)?;
        let mut unsigned_before = 0;
        let mut links: Vec<Link> = Vec::new();
        let mut broken = None;
        // Every series starts at receipt 1: a first receipt deleted is a gap too.
        let mut expected = Some(1);
        let mut before: Option<String> = None;
        for r in &chain {
            let nr = no::nr_text(r.number, series.is_training());
            if let Some(n) = expected {
                if r.number != n {
                    broken = Some(Broken {
                        nr: no::nr_text(n, series.is_training()),
                        why: match n {
                            1 => BrokenWhy::FirstMissing { first: nr },
                            _ => BrokenWhy::Gap {
                                next: nr,
                                before: no::nr_text(n - 1, series.is_training()),
                            },
                        },
                    });
                    break;
                }
            }
            expected = Some(r.number + 1);
            match &r.seal {
                None if links.is_empty() => unsigned_before += 1,
                None => {
                    broken = Some(Broken {
                        nr,
                        why: BrokenWhy::Unsigned,
                    });
                    break;
                }
                Some(seal) => {
                    // The chain starts from nothing, unless receipts from before signing
                    // (schema 5) come first: then from what the first seal says it follows.
                    if links.is_empty() && unsigned_before > 0 {
                        before = seal.previous.clone();
                    }
                    links.push(Link {
                        nr,
                        date: seal.signed_date.clone(),
                        time: seal.signed_time.clone(),
                        amount_in_minor: r.gross_minor,
                        amount_ex_minor: r.net_minor,
                        signature: seal.signature.clone(),
                        key_version: seal.key_version,
                    });
                }
            }
        }
        // A break in the signatures comes before any gap found after it.
        let verified = match verify_chain(before.as_deref(), &links, &key_of) {
            Ok(n) => n,
            Err(e) => {
                let at = links.iter().position(|l| l.nr == e.nr).unwrap_or(0);
                broken = Some(Broken {
                    nr: e.nr,
                    why: e.why.into(),
                });
                at
            }
        };
        // A receipt deleted at the end leaves no gap: the journal's other records that
        // count receipts (running totals, Z reports, events, prints) still name it.
        if broken.is_none() {
            let next = expected.unwrap_or(1);
            if let Some((named, by)) = journal.receipt_named_last(series)? {
                if named >= next {
                    let training = series.is_training();
                    broken = Some(Broken {
                        nr: no::nr_text(next, training),
                        why: match next {
                            1 => BrokenWhy::NamedNoReceipts {
                                named: no::nr_text(named, training),
                                by,
                            },
                            _ => BrokenWhy::NamedAfterLast {
                                last: no::nr_text(next - 1, training),
                                named: no::nr_text(named, training),
                                by,
                            },
                        },
                    });
                }
            }
        }
        out.push(SeriesCheck {
            series,
            verified,
            unsigned_before,
            broken,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::shop::FixedZone;
    use kassa_journal::{NewLine, NewSale, Paid};
    use kassa_money::{Currency, Money};

    fn zone() -> Arc<dyn WallClock + Send + Sync> {
        Arc::new(FixedZone(60))
    }

    fn cash_sale(j: &mut Journal, id: &str, minor: i64, at_ms: i64) -> i64 {
        let nok = |m| Money::new(m, Currency::Nok);
        j.insert_paid_sale(
            &NewSale {
                id,
                amount: nok(minor),
                reference: None,
                at_ms,
                backend: Backend::Live,
            },
            &[NewLine {
                text: "Kaffe",
                quantity: 1,
                unit_gross: nok(minor),
                vat_bp: 2500,
                saft_code: 3,
            }],
            &Paid::Cash { given: nok(minor) },
            "cash",
        )
        .unwrap()
        .number
    }

    #[test]
    fn the_first_key_is_made_once_kept_in_the_keyring_and_found_again() {
        let mut j = Journal::open_in_memory().unwrap();
        let store = KeyStore::memory();
        let mut rng = rand_core::OsRng;
        let made = load_or_make(&mut j, &store, &mut rng, 1_000).unwrap();
        assert_eq!(made.version(), 1);
        let till = j.till_id().unwrap();
        let pem = store.0.get_account(&account(&till, 1)).unwrap().unwrap();
        assert!(pem.expose().contains("PRIVATE KEY"));
        // The journal holds only the public half.
        let keys = j.signing_keys().unwrap();
        assert_eq!(keys.len(), 1);
        assert!(!keys[0].public_pem.contains("PRIVATE"));
        let again = load_or_make(&mut j, &store, &mut rng, 2_000).unwrap();
        assert_eq!(again.public_pem().unwrap(), made.public_pem().unwrap());
        assert_eq!(j.signing_keys().unwrap().len(), 1, "not made twice");
    }

    #[test]
    fn a_key_missing_or_not_this_tills_is_refused_with_a_plain_message() {
        let mut j = Journal::open_in_memory().unwrap();
        let store = KeyStore::memory();
        let mut rng = rand_core::OsRng;
        load_or_make(&mut j, &store, &mut rng, 1_000).unwrap();
        // Another computer's keyring: nothing under this till's account.
        let e = load_or_make(&mut j, &KeyStore::memory(), &mut rng, 2_000).unwrap_err();
        assert!(matches!(e, KeyError::Missing { version: 1 }), "{e}");
        assert!(
            e.to_string().contains("not in this computer's keyring"),
            "{e}"
        );
        // A keyring whose key under this account is another key.
        let other = KeyStore::memory();
        let stranger = ReceiptKey::generate(&mut rng, 1).unwrap();
        other
            .0
            .set_account(
                &account(&j.till_id().unwrap(), 1),
                &kassa_aiia::Secret::new(stranger.to_pem().unwrap()),
            )
            .unwrap();
        let e = load_or_make(&mut j, &other, &mut rng, 3_000).unwrap_err();
        assert!(matches!(e, KeyError::NotThisTill { version: 1 }), "{e}");
        // Damaged text.
        let damaged = KeyStore::memory();
        damaged
            .0
            .set_account(
                &account(&j.till_id().unwrap(), 1),
                &kassa_aiia::Secret::new("not a key".to_owned()),
            )
            .unwrap();
        let e = load_or_make(&mut j, &damaged, &mut rng, 4_000).unwrap_err();
        assert!(matches!(e, KeyError::Damaged { version: 1, .. }), "{e}");
    }

    #[test]
    fn receipts_are_signed_in_local_time_and_verify_across_a_new_key() {
        let mut j = Journal::open_in_memory().unwrap();
        let store = KeyStore::memory();
        let mut rng = rand_core::OsRng;
        let key = load_or_make(&mut j, &store, &mut rng, 0).unwrap();
        j.set_sealer(Arc::new(ReceiptSealer::new(key, zone())));
        // 2021-03-30 10:40:00 UTC is 11:40:00 at UTC+1.
        let at = 1_617_100_800_000;
        assert_eq!(cash_sale(&mut j, "a", 12_500, at), 1);
        let chain = j.receipt_chain(Backend::Live).unwrap();
        let seal = chain[0].seal.as_ref().unwrap();
        assert_eq!(
            (seal.signed_date.as_str(), seal.signed_time.as_str()),
            ("2021-03-30", "11:40:00")
        );
        assert_eq!((chain[0].gross_minor, chain[0].net_minor), (12_500, 10_000));
        let v2 = new_key(&mut j, &store, &mut rng, at).unwrap();
        assert_eq!(v2, 2);
        let key = load_or_make(&mut j, &store, &mut rng, at).unwrap();
        assert_eq!(key.version(), 2);
        j.set_sealer(Arc::new(ReceiptSealer::new(key, zone())));
        cash_sale(&mut j, "b", 5_000, at + 1_000);
        let checks = verify(&j).unwrap();
        let live = checks.iter().find(|c| c.series == Backend::Live).unwrap();
        assert_eq!((live.verified, live.broken.clone()), (2, None));
        // Public halves per version, for the tax office.
        assert_eq!(public_pem(&j, None).unwrap().0, 2);
        assert!(matches!(
            public_pem(&j, Some(3)),
            Err(KeyError::NoSuchVersion(3))
        ));
    }

    #[test]
    fn a_receipt_that_does_not_verify_is_named_with_its_typed_reason() {
        // The test sealer (kassa-testkit) signs with made-up signatures and records a public key
        // that is not one: the chain cannot be checked from its first receipt.
        let mut j = Journal::open_in_memory().unwrap();
        kassa_testkit::TestSealer::install(&mut j).unwrap();
        cash_sale(&mut j, "a", 12_500, 1_617_100_800_000);
        let checks = verify(&j).unwrap();
        let live = checks.iter().find(|c| c.series == Backend::Live).unwrap();
        let broken = live.broken.clone().unwrap();
        assert_eq!(
            broken,
            Broken {
                nr: "1".into(),
                why: BrokenWhy::Link(BadLink::NoPublicKey(1)),
            }
        );
        assert_eq!(
            broken.to_string(),
            "receipt 1 does not verify: no public key of version 1"
        );
        assert_eq!(live.verified, 0);

        // The reasons' English is the sentence `kassa verify --json` has always given.
        for (why, english) in [
            (
                BrokenWhy::FirstMissing {
                    first: "TRENING-2".into(),
                },
                "it is missing: the first receipt is TRENING-2",
            ),
            (
                BrokenWhy::Gap {
                    next: "3".into(),
                    before: "1".into(),
                },
                "it is missing: receipt 3 follows receipt 1",
            ),
            (BrokenWhy::Unsigned, "it has no signature"),
            (
                BrokenWhy::NamedNoReceipts {
                    named: "1".into(),
                    by: NamedBy::ZReport,
                },
                "it is missing: there are no receipts, but receipt 1 is named by a Z report",
            ),
            (
                BrokenWhy::NamedAfterLast {
                    last: "3".into(),
                    named: "4".into(),
                    by: NamedBy::RunningTotals,
                },
                "it is missing: the last receipt is 3, but receipt 4 is named by the running totals",
            ),
            (
                BrokenWhy::Link(BadLink::Signature(SignatureError::Mismatch)),
                "the signature does not match the receipt",
            ),
        ] {
            assert_eq!(why.to_string(), english);
        }
    }

    #[test]
    fn the_journals_own_event_codes_are_the_code_lists() {
        use kassa_journal::event_code as c;
        use kassa_saft::events::JournalEvent as E;
        for (journal, list) in [
            (c::RECEIPT_PRINTED, E::SalesReceiptPrinted),
            (c::RETURN_RECEIPT, E::ReturnReceipt),
            (c::COPY_RECEIPT, E::CopyReceipt),
            (c::TRAINING_RECEIPT, E::TrainingReceipt),
            (c::Z_REPORT, E::ZReport),
            (c::VOID, E::VoidReceipt),
        ] {
            assert_eq!(journal, list.code(), "{list:?}");
        }
    }
}
