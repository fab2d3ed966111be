//! The signature of a sales or return receipt, as Skatteetaten's signature validator checks
//! it (`../shared/saf-t-cash-register/signature-validator.js` and its README):
//!
//! ```text
//! signature_of_previous_receipt;transDate;transTime;nr;transAmntIn;transAmntEx
//! ```
//!
//! signed with SHA1withRSA (RSASSA-PKCS1-v1_5 over SHA-1) by a 1024-bit RSA key with public
//! exponent 65537, base64-encoded. The first receipt of a chain has no previous signature:
//! `0` stands in its place. Amounts are decimal text with two decimals (`1250.00`, from
//! integer minor units), the date `YYYY-MM-DD`, the time `hh:mm:ss`, `nr` at most 35
//! characters. Every signature names the version of the key that made it, so a new key
//! continues the same chain.
//!
//! The crypto is RustCrypto's (`rsa`, `sha1`); nothing here is hand-written crypto. Keys
//! travel as PKCS#8 PEM (private, for the OS keyring) and SPKI PEM (public, for the tax
//! office and for `openssl`). Randomness (key generation) is passed in.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rsa::RsaPrivateKey;
pub use rsa::RsaPublicKey;
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::{
    DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding,
};
use rsa::rand_core::CryptoRngCore;
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use sha1::Sha1;

/// The key size the validator's SHA1withRSA method takes.
pub const KEY_BITS: usize = 1024;
/// What stands for the previous signature before the first receipt of a chain.
pub const NO_PREVIOUS: &str = "0";
/// The longest receipt number (`nr`) the format allows.
pub const MAX_NR: usize = 35;

/// Why a receipt cannot be signed or does not verify, in words for the merchant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the receipt date {0:?} is not a date like 2026-03-02")]
    BadDate(String),
    #[error("the receipt time {0:?} is not a time like 14:05:09")]
    BadTime(String),
    #[error("the receipt number {0:?} is empty, longer than 35 characters or holds a ';'")]
    BadNr(String),
    #[error("the previous signature holds a ';' or a line break: it is not a signature")]
    BadPrevious,
    #[error("the signing key cannot be read: {0}")]
    BadKey(String),
    #[error(
        "the signing key is {bits} bits; the tax office's check takes 1024-bit keys with exponent 65537"
    )]
    WrongKeySize { bits: usize },
    #[error("the signature is not base64 or not an RSA signature")]
    NotASignature,
    #[error("the signature does not match the receipt")]
    Mismatch,
    #[error("the key could not be made: {0}")]
    Generate(String),
}

/// The text a receipt's signature is made over. Built only from well-formed parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedText(String);

impl SignedText {
    /// `previous`: the signature of the receipt before in the chain (none for the first);
    /// `date` `YYYY-MM-DD`; `time` `hh:mm:ss`; `nr` the receipt number; the amounts with
    /// and without VAT in minor units (negative for a return).
    pub fn new(
        previous: Option<&str>,
        date: &str,
        time: &str,
        nr: &str,
        amount_in_minor: i64,
        amount_ex_minor: i64,
    ) -> Result<SignedText, SignatureError> {
        let previous = previous.unwrap_or(NO_PREVIOUS);
        if previous.is_empty() || previous.contains([';', '\n', '\r']) {
            return Err(SignatureError::BadPrevious);
        }
        if !is_date(date) {
            return Err(SignatureError::BadDate(date.to_owned()));
        }
        if !is_time(time) {
            return Err(SignatureError::BadTime(time.to_owned()));
        }
        if nr.is_empty() || nr.chars().count() > MAX_NR || nr.contains([';', '\n', '\r']) {
            return Err(SignatureError::BadNr(nr.to_owned()));
        }
        Ok(SignedText(format!(
            "{previous};{date};{time};{nr};{};{}",
            amount(amount_in_minor),
            amount(amount_ex_minor)
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Minor units (two decimals) as the signed text writes them: `125000` → `1250.00`,
/// `-4950` → `-49.50`.
pub fn amount(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&two(&b[5..7]))
        && (1..=31).contains(&two(&b[8..10]))
}

fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 8
        && b[2] == b':'
        && b[5] == b':'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit())
        && two(&b[0..2]) < 24
        && two(&b[3..5]) < 60
        && two(&b[6..8]) < 60
}

fn two(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, c| n * 10 + u32::from(c - b'0'))
}

/// A till's signing key and its version (1 for the first key; a new key takes the next).
pub struct ReceiptKey {
    key: RsaPrivateKey,
    version: u32,
}

impl std::fmt::Debug for ReceiptKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key.
        f.debug_struct("ReceiptKey")
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

impl ReceiptKey {
    /// A new 1024-bit key (exponent 65537) from `rng`.
    pub fn generate(
        rng: &mut impl CryptoRngCore,
        version: u32,
    ) -> Result<ReceiptKey, SignatureError> {
        let key = RsaPrivateKey::new(rng, KEY_BITS)
            .map_err(|e| SignatureError::Generate(e.to_string()))?;
        Ok(ReceiptKey { key, version })
    }

    /// A key kept as PKCS#8 PEM (the OS keyring's copy); refused unless 1024 bits.
    pub fn from_pem(pem: &str, version: u32) -> Result<ReceiptKey, SignatureError> {
        let key = RsaPrivateKey::from_pkcs8_pem(pem)
            .map_err(|e| SignatureError::BadKey(e.to_string()))?;
        let bits = rsa::traits::PublicKeyParts::size(&key) * 8;
        if bits != KEY_BITS {
            return Err(SignatureError::WrongKeySize { bits });
        }
        Ok(ReceiptKey { key, version })
    }

    /// The private key as PKCS#8 PEM, for the OS keyring only (never a file).
    pub fn to_pem(&self) -> Result<String, SignatureError> {
        self.key
            .to_pkcs8_pem(LineEnding::LF)
            .map(|p| p.to_string())
            .map_err(|e| SignatureError::BadKey(e.to_string()))
    }

    /// The public key as SPKI PEM (`-----BEGIN PUBLIC KEY-----`), for the tax office.
    pub fn public_pem(&self) -> Result<String, SignatureError> {
        RsaPublicKey::from(&self.key)
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| SignatureError::BadKey(e.to_string()))
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    /// The base64 SHA1withRSA signature of `text`.
    pub fn sign(&self, text: &SignedText) -> String {
        let signer = SigningKey::<Sha1>::new(self.key.clone());
        let sig: Signature = signer.sign(text.as_str().as_bytes());
        STANDARD.encode(sig.to_bytes())
    }
}

/// A public key read from SPKI PEM (what `public_pem` writes).
pub fn public_key(pem: &str) -> Result<RsaPublicKey, SignatureError> {
    RsaPublicKey::from_public_key_pem(pem).map_err(|e| SignatureError::BadKey(e.to_string()))
}

/// Checks the base64 signature `signature` of `text` against `public`.
pub fn verify(
    public: &RsaPublicKey,
    text: &SignedText,
    signature: &str,
) -> Result<(), SignatureError> {
    verify_with(&VerifyingKey::<Sha1>::new(public.clone()), text, signature)
}

/// [`verify`] with a verifying key made once (a chain checks many receipts per key).
fn verify_with(
    key: &VerifyingKey<Sha1>,
    text: &SignedText,
    signature: &str,
) -> Result<(), SignatureError> {
    let bytes = STANDARD
        .decode(signature.trim())
        .map_err(|_| SignatureError::NotASignature)?;
    let sig = Signature::try_from(bytes.as_slice()).map_err(|_| SignatureError::NotASignature)?;
    key.verify(text.as_str().as_bytes(), &sig)
        .map_err(|_| SignatureError::Mismatch)
}

/// One receipt of a chain as the journal or an export holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub nr: String,
    pub date: String,
    pub time: String,
    pub amount_in_minor: i64,
    pub amount_ex_minor: i64,
    pub signature: String,
    pub key_version: u32,
}

/// Why one receipt of a chain does not verify. The `Display` is English (logs, `--json`);
/// a host says it in the language spoken from the variant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadLink {
    /// Its signed text cannot be made from it, or its signature is not one or does not match.
    #[error(transparent)]
    Signature(#[from] SignatureError),
    /// The journal has no public key of the version its signature names.
    #[error("no public key of version {0}")]
    NoPublicKey(u32),
}

/// Where a chain stops verifying: the first receipt whose signature does not hold, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("receipt {nr} does not verify: {why}")]
pub struct ChainBroken {
    pub nr: String,
    pub why: BadLink,
}

/// Checks every signature of `links` in order, each over the previous one's signature (the
/// first over `before`: the signature of the receipt before them, or none at the start of
/// the chain, [`NO_PREVIOUS`]), with the public key of its key version. Names the first
/// receipt that does not verify: a changed amount breaks that receipt, a deleted receipt
/// breaks the one after it. The number of receipts verified.
pub fn verify_chain(
    before: Option<&str>,
    links: &[Link],
    key_of: &dyn Fn(u32) -> Option<RsaPublicKey>,
) -> Result<usize, ChainBroken> {
    let mut previous: Option<&str> = before;
    // One verifying key per key version, made the first time it is needed.
    let mut keys: Vec<(u32, VerifyingKey<Sha1>)> = Vec::new();
    for link in links {
        let broken = |why: BadLink| ChainBroken {
            nr: link.nr.clone(),
            why,
        };
        let text = SignedText::new(
            previous,
            &link.date,
            &link.time,
            &link.nr,
            link.amount_in_minor,
            link.amount_ex_minor,
        )
        .map_err(|e| broken(e.into()))?;
        let at = match keys.iter().position(|(v, _)| *v == link.key_version) {
            Some(at) => at,
            None => {
                let public = key_of(link.key_version)
                    .ok_or_else(|| broken(BadLink::NoPublicKey(link.key_version)))?;
                keys.push((link.key_version, VerifyingKey::<Sha1>::new(public)));
                keys.len() - 1
            }
        };
        verify_with(&keys[at].1, &text, &link.signature).map_err(|e| broken(e.into()))?;
        previous = Some(&link.signature);
    }
    Ok(links.len())
}

#[cfg(test)]
mod tests;
