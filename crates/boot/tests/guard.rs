//! Issue 10, part 7: nobody at the counter can send the stored Client Secret to another
//! address. The attack: open Settings, point the API address at a listener of one's own,
//! leave the secret field empty and press Test connection (or Save).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use kassa_boot::{MemorySecrets, SecretStore, Settings, SettingsForm, doctor};
use kassa_money::Currency;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const SECRET: &str = "the-real-secret-4711";
const CLIENT_ID: &str = "merchant-id";

fn form(api: &str, id: &str, secret: &str) -> SettingsForm {
    SettingsForm {
        api_url: api.into(),
        client_id: id.into(),
        client_secret: secret.into(),
        destination_id: "dest-1".into(),
        currency: Some(Currency::Dkk),
        redirect_url: "https://shop.example/thanks".into(),
        confirm_destination: "dest-1".into(),
        ..SettingsForm::default()
    }
}

/// A listener that keeps every byte sent to it and answers each request with a `500`.
async fn attacker() -> (String, Arc<Mutex<Vec<u8>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let keep = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let keep = keep.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                while let Ok(Ok(n)) =
                    tokio::time::timeout(Duration::from_millis(300), socket.read(&mut buf)).await
                {
                    if n == 0 {
                        break;
                    }
                    keep.lock().unwrap().extend_from_slice(&buf[..n]);
                    let _ = socket
                        .write_all(
                            b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n",
                        )
                        .await;
                }
            });
        }
    });
    (url, seen)
}

fn leaked(seen: &[u8]) -> bool {
    let text = String::from_utf8_lossy(seen);
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{SECRET}"));
    text.contains(SECRET) || text.contains(&basic)
}

/// The stored secret with the settings it was saved with (Aiia production).
fn saved_install() -> (tempfile::TempDir, std::path::PathBuf, MemorySecrets) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let secrets = MemorySecrets::default();
    form("https://api.aiia.eu", CLIENT_ID, SECRET)
        .save(&db, &secrets)
        .unwrap();
    assert_eq!(secrets.get().unwrap().unwrap().expose(), SECRET);
    (dir, db, secrets)
}

#[tokio::test]
async fn test_connection_to_a_new_address_with_the_secret_field_empty_sends_no_secret() {
    let (_dir, db, secrets) = saved_install();
    let base = Settings::from_vars(|_| None, db.clone()).unwrap();
    let (url, seen) = attacker().await;
    // Even with the custom-address option on, the stored secret stays with its address.
    for custom in [false, true] {
        let attack = SettingsForm {
            custom_api: custom,
            ..form(&url, CLIENT_ID, "")
        };
        // What "Test connection" runs: the form's settings, then the doctor's checks.
        match attack.settings(&base, &secrets) {
            Ok(settings) => {
                let _ = tokio::time::timeout(
                    Duration::from_secs(10),
                    doctor(&settings, 0, kassa_boot::Messages::of(kassa_boot::Lang::En)),
                )
                .await;
                panic!(
                    "the form was taken for {url} without the secret typed again; leaked: {}",
                    leaked(&seen.lock().unwrap())
                );
            }
            // Without the option the address itself is refused; with it, the kept secret.
            Err(e) => assert!(
                e.to_string().contains(if custom {
                    "Type the Client Secret again: the API address changed"
                } else {
                    "A live counter only talks to Aiia at https://api.aiia.eu"
                }),
                "{e}"
            ),
        }
        // Nor may Save keep the stored secret for the new address.
        assert!(attack.save(&db, &secrets).is_err());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!leaked(&seen.lock().unwrap()), "the secret left for {url}");
}

#[tokio::test]
async fn a_changed_client_id_needs_the_secret_typed_again() {
    let (_dir, db, secrets) = saved_install();
    let base = Settings::from_vars(|_| None, db.clone()).unwrap();
    let other = form("https://api.aiia.eu", "someone-else", "");
    let e = other.settings(&base, &secrets).unwrap_err();
    assert!(
        e.to_string()
            .contains("Type the Client Secret again: the Client ID changed"),
        "{e}"
    );
    assert!(other.save(&db, &secrets).is_err());
    // The same address and ID keep the stored secret; typing it again rebinds it.
    form("", CLIENT_ID, "").settings(&base, &secrets).unwrap();
    form("https://api.aiia.eu/", CLIENT_ID, "")
        .settings(&base, &secrets)
        .unwrap();
    let (url, _seen) = attacker().await;
    let typed = SettingsForm {
        custom_api: true,
        ..form(&url, "someone-else", "a-new-secret")
    };
    let s = typed.settings(&base, &secrets).unwrap();
    assert_eq!(s.client_secret.unwrap().expose(), "a-new-secret");
}
