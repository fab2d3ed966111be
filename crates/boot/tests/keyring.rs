//! The Client Secret in the real OS keyring (Secret Service on Linux). Needs a session bus
//! with an unlocked keyring: `scripts/test.sh` runs the tests under `dbus-run-session` with
//! `gnome-keyring-daemon`, as a desktop session would have.

use kassa_aiia::Secret;
use kassa_boot::{Keyring, SecretStore, Settings};

#[test]
fn the_secret_round_trips_through_the_os_keyring_and_never_touches_the_disk() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || !cfg!(target_os = "linux"),
        "no session bus: run the tests with scripts/test.sh (it starts a private keyring)"
    );
    let account = format!("test-{}", std::process::id());
    let store = Keyring::named("eu.kassa.counter.test", &account);
    store.delete().expect("a clean entry");
    assert!(store.get().expect("keyring readable").is_none());

    store
        .set(&Secret::new("s3cret-in-the-keyring"))
        .expect("keyring writable");
    let read = store
        .get()
        .expect("keyring readable")
        .expect("the secret is there");
    assert_eq!(read.expose(), "s3cret-in-the-keyring");

    // The settings the app loads take the secret from the keyring, and the settings file
    // next to the journal holds no trace of it.
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("kassa.db");
    kassa_boot::SavedSettings {
        client_id: Some("id".into()),
        destination_id: Some("dest".into()),
        redirect_url: Some("https://shop.example/thanks".into()),
        ..Default::default()
    }
    .save(&kassa_boot::settings_path(&db))
    .expect("settings saved");
    let settings = Settings::load(|_| None, db.clone(), &store).expect("settings load");
    assert_eq!(
        settings.client_secret.as_ref().map(Secret::expose),
        Some("s3cret-in-the-keyring")
    );
    for entry in std::fs::read_dir(dir.path()).expect("list") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("read");
        assert!(
            !String::from_utf8_lossy(&bytes).contains("s3cret"),
            "the secret is on disk"
        );
    }

    store.delete().expect("deleted");
    assert!(store.get().expect("keyring readable").is_none());
}
