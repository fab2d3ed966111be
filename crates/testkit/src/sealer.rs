//! The test sealer: receipts are only issued sealed, and tests that write receipts on a bare
//! journal (no receipt key in a keyring) seal them with a made-up signature.
//!
//! It lives here, in a crate that is only ever a dev-dependency (and the benches' harness),
//! so that no build of the app or the CLI contains a sealer that fakes signatures: the real
//! one is `kassa_boot::keys::ReceiptSealer` (SHA1withRSA, `kassa-saft`). kassa-journal's own
//! unit tests have the same sealer privately (they cannot use this crate's: inside
//! kassa-journal its `Journal` would be a second copy of the type).

use std::sync::Arc;

use kassa_journal::{Journal, JournalError, Seal, SealInput, Sealer};

/// A made-up signature (not cryptographic) chained through the previous one, with key
/// version 1 (recorded by [`TestSealer::install`]).
#[derive(Debug, Default)]
pub struct TestSealer;

/// The made-up public key the test sealer's version 1 is recorded with.
pub const TEST_PUBLIC_PEM: &str = "-----BEGIN PUBLIC KEY-----\ntest\n-----END PUBLIC KEY-----\n";

impl TestSealer {
    /// Records key version 1 (if the journal has none) and installs the sealer.
    pub fn install(journal: &mut Journal) -> Result<(), JournalError> {
        if journal.signing_keys()?.is_empty() {
            journal.record_signing_key(1, TEST_PUBLIC_PEM, 0)?;
        }
        journal.set_sealer(Arc::new(TestSealer));
        Ok(())
    }
}

impl Sealer for TestSealer {
    fn seal(&self, s: &SealInput<'_>) -> Result<Seal, String> {
        Ok(Seal {
            signature: format!(
                "test:{}:{}:{}:{}:{}",
                s.previous.map_or(0, str::len),
                s.number,
                s.training,
                s.gross_minor,
                s.net_minor
            ),
            key_version: 1,
            signed_date: "2026-01-01".into(),
            signed_time: "12:00:00".into(),
        })
    }
}
