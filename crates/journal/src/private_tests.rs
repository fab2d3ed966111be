//! Issue 10, part 7: the journal and everything Kassa writes beside it or copies it to is
//! readable by its user only (`0600`), whatever the process's umask.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::{Journal, OwnerLock};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn the_journal_its_companions_its_lock_and_its_copies_are_the_users_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    let _owner = OwnerLock::acquire(&db, "test").unwrap();
    let journal = Journal::open(&db).unwrap();
    let backup = dir.path().join("copy.db");
    journal.backup_to(&backup).unwrap();
    let export = dir.path().join("export.csv");
    crate::files::replace_file::<crate::JournalError>(&export, |tmp| {
        std::fs::write(tmp, "a,b\n").unwrap();
        Ok(())
    })
    .unwrap();
    let mut files = crate::files::journal_files(&db);
    files.retain(|f| f.exists());
    assert!(files.len() >= 3, "{files:?}");
    files.extend([backup, export]);
    for f in files {
        assert_eq!(mode(&f), 0o600, "{} is {:o}", f.display(), mode(&f));
    }
}

#[test]
fn an_older_journal_left_open_to_everyone_is_closed_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kassa.db");
    drop(Journal::open(&db).unwrap());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    drop(Journal::open(&db).unwrap());
    assert_eq!(mode(&db), 0o600);
}
