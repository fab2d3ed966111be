#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::sync::OnceLock;

use super::*;

/// One key for the whole test binary (1024-bit generation is the slow part).
fn key() -> &'static ReceiptKey {
    static KEY: OnceLock<ReceiptKey> = OnceLock::new();
    KEY.get_or_init(|| ReceiptKey::generate(&mut rand_core::OsRng, 1).unwrap())
}

fn text(previous: Option<&str>, nr: &str, amount_in: i64, amount_ex: i64) -> SignedText {
    SignedText::new(previous, "2026-03-02", "14:05:09", nr, amount_in, amount_ex).unwrap()
}

#[test]
fn the_signed_text_is_the_validators_format() {
    let t = SignedText::new(
        None,
        "2014-01-24",
        "23:59:59",
        "123456789",
        125_000,
        100_000,
    )
    .unwrap();
    assert_eq!(
        t.as_str(),
        "0;2014-01-24;23:59:59;123456789;1250.00;1000.00"
    );
    let t = SignedText::new(Some("abc=="), "2026-03-02", "00:00:00", "2", -4950, -3960).unwrap();
    assert_eq!(t.as_str(), "abc==;2026-03-02;00:00:00;2;-49.50;-39.60");
    assert_eq!(amount(5), "0.05");
    assert_eq!(amount(-1), "-0.01");
    assert_eq!(amount(i64::MIN), "-92233720368547758.08");
}

#[test]
fn malformed_parts_are_refused_in_words() {
    let bad = |p: Option<&str>, d: &str, t: &str, nr: &str| {
        SignedText::new(p, d, t, nr, 1, 1).unwrap_err().to_string()
    };
    assert!(bad(None, "2026-3-2", "14:05:09", "1").contains("not a date"));
    assert!(bad(None, "2026-13-02", "14:05:09", "1").contains("not a date"));
    assert!(bad(None, "2026-03-02", "24:00:00", "1").contains("not a time"));
    assert!(bad(None, "2026-03-02", "14:05", "1").contains("not a time"));
    assert!(bad(None, "2026-03-02", "14:05:09", "").contains("receipt number"));
    assert!(bad(None, "2026-03-02", "14:05:09", &"9".repeat(36)).contains("receipt number"));
    assert!(bad(None, "2026-03-02", "14:05:09", "1;2").contains("receipt number"));
    assert!(bad(Some("a;b"), "2026-03-02", "14:05:09", "1").contains("previous signature"));
}

#[test]
fn a_signature_verifies_and_any_change_breaks_it() {
    let k = key();
    let public = public_key(&k.public_pem().unwrap()).unwrap();
    let t = text(None, "1", 125_000, 100_000);
    let sig = k.sign(&t);
    verify(&public, &t, &sig).unwrap();
    // Deterministic (PKCS#1 v1.5): the same text, the same signature.
    assert_eq!(k.sign(&t), sig);
    assert_eq!(
        verify(&public, &text(None, "1", 125_001, 100_000), &sig),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        verify(&public, &t, "not base64!"),
        Err(SignatureError::NotASignature)
    );
    let other = ReceiptKey::generate(&mut rand_core::OsRng, 2).unwrap();
    let other_public = public_key(&other.public_pem().unwrap()).unwrap();
    assert_eq!(
        verify(&other_public, &t, &sig),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn the_private_key_round_trips_as_pem_and_other_sizes_are_refused() {
    let k = key();
    let pem = k.to_pem().unwrap();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"), "{pem}");
    let back = ReceiptKey::from_pem(&pem, 1).unwrap();
    // What the validator asks of a key: 1024 bits, public exponent 65537.
    let public = public_key(&k.public_pem().unwrap()).unwrap();
    use rsa::traits::PublicKeyParts;
    assert_eq!(public.size() * 8, 1024);
    assert_eq!(public.e(), &rsa::BigUint::from(65_537_u32));
    let t = text(None, "7", 100, 80);
    assert_eq!(back.sign(&t), k.sign(&t));
    assert!(
        !format!("{back:?}").contains("BEGIN"),
        "Debug never shows the key"
    );
    let big = RsaPrivateKey::new(&mut rand_core::OsRng, 2048).unwrap();
    let big_pem = big.to_pkcs8_pem(LineEnding::LF).unwrap();
    assert_eq!(
        ReceiptKey::from_pem(&big_pem, 1).unwrap_err(),
        SignatureError::WrongKeySize { bits: 2048 }
    );
    assert!(matches!(
        ReceiptKey::from_pem("nonsense", 1),
        Err(SignatureError::BadKey(_))
    ));
}

fn chain(k: &ReceiptKey, n: usize) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    for i in 1..=n {
        let amount_in = 1000 * i as i64;
        let amount_ex = 800 * i as i64;
        let previous = links.last().map(|l| l.signature.clone());
        let t = text(previous.as_deref(), &i.to_string(), amount_in, amount_ex);
        links.push(Link {
            nr: i.to_string(),
            date: "2026-03-02".into(),
            time: "14:05:09".into(),
            amount_in_minor: amount_in,
            amount_ex_minor: amount_ex,
            signature: k.sign(&t),
            key_version: k.version(),
        });
    }
    links
}

#[test]
fn a_chain_verifies_and_names_the_first_receipt_that_does_not() {
    let k = key();
    let public = public_key(&k.public_pem().unwrap()).unwrap();
    let key_of = |v: u32| (v == 1).then(|| public.clone());
    let links = chain(k, 5);
    assert_eq!(verify_chain(None, &links, &key_of), Ok(5));

    // A changed amount: that receipt.
    let mut changed = links.clone();
    changed[2].amount_in_minor += 1;
    let e = verify_chain(None, &changed, &key_of).unwrap_err();
    assert_eq!(e.nr, "3");
    assert_eq!(e.why, BadLink::Signature(SignatureError::Mismatch));
    assert_eq!(
        e.to_string(),
        "receipt 3 does not verify: the signature does not match the receipt"
    );
    // Not a signature at all, and a date the signed text cannot hold: said as such.
    let mut garbled = links.clone();
    garbled[0].signature = "not base64!".into();
    assert_eq!(
        verify_chain(None, &garbled, &key_of).unwrap_err().why,
        BadLink::Signature(SignatureError::NotASignature)
    );
    let mut dated = links.clone();
    dated[1].date = "2026-13-01".into();
    let e = verify_chain(None, &dated, &key_of).unwrap_err();
    assert_eq!(
        e.why,
        BadLink::Signature(SignatureError::BadDate("2026-13-01".into()))
    );
    assert_eq!(
        e.why.to_string(),
        "the receipt date \"2026-13-01\" is not a date like 2026-03-02"
    );
    // A deleted receipt: the one after it.
    let mut deleted = links.clone();
    deleted.remove(1);
    assert_eq!(verify_chain(None, &deleted, &key_of).unwrap_err().nr, "3");
    // An unknown key version: said.
    let mut unknown = links.clone();
    unknown[0].key_version = 9;
    let e = verify_chain(None, &unknown, &key_of).unwrap_err();
    assert_eq!(e.nr, "1");
    assert_eq!(e.why, BadLink::NoPublicKey(9));
    assert_eq!(
        e.to_string(),
        "receipt 1 does not verify: no public key of version 9"
    );
    // A period in the middle of the chain verifies from the signature before it.
    assert_eq!(
        verify_chain(Some(&links[1].signature), &links[2..], &key_of),
        Ok(3)
    );
    assert_eq!(
        verify_chain(None, &links[2..], &key_of).unwrap_err().nr,
        "3"
    );
}

/// A second, independent implementation checks the signature: the `openssl` command line
/// (SHA1withRSA over the text, against the exported public key).
#[test]
fn openssl_verifies_the_signature_against_the_exported_public_key() {
    let k = key();
    let dir = tempfile::tempdir().unwrap();
    let t = text(Some("cHJldmlvdXM="), "1042", 125_000, 100_000);
    let sig = STANDARD.decode(k.sign(&t)).unwrap();
    std::fs::write(dir.path().join("pub.pem"), k.public_pem().unwrap()).unwrap();
    std::fs::write(dir.path().join("text"), t.as_str()).unwrap();
    std::fs::write(dir.path().join("sig"), &sig).unwrap();
    let check = |file: &str| {
        Command::new("openssl")
            .args([
                "dgst",
                "-sha1",
                "-verify",
                "pub.pem",
                "-signature",
                "sig",
                file,
            ])
            .current_dir(dir.path())
            .output()
            .expect("openssl runs (scripts/setup-debian.sh installs it)")
    };
    let ok = check("text");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&ok.stdout).trim(), "Verified OK");
    std::fs::write(
        dir.path().join("tampered"),
        t.as_str().replace("1250.00", "1250.01"),
    )
    .unwrap();
    assert!(!check("tampered").status.success());
}
