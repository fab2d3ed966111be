//! The journal's files on disk, and writing copies of it safely: a backup or an export never
//! lands on the journal itself (or its `-wal`, `-shm` or lock file), and is written to a
//! temporary file beside its destination that replaces the destination only when complete.

use std::path::{Path, PathBuf};

use crate::owner::lock_path;
use crate::{JournalError, Result};

/// The files that make up the journal at `db`: itself, its `-wal` and `-shm` (SQLite's) and
/// its lock file.
pub fn journal_files(db: &Path) -> Vec<PathBuf> {
    let with_suffix = |suffix: &str| {
        let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(suffix);
        db.with_file_name(name)
    };
    vec![
        db.to_path_buf(),
        with_suffix("-wal"),
        with_suffix("-shm"),
        lock_path(db),
    ]
}

/// Refuses `dest` as a place to write a copy of the journal at `db` when it is one of the
/// journal's own files ([`journal_files`]), however it is spelled: paths are compared
/// canonicalized (`./x/../kassa.db` and a symbolic link to the journal are the journal).
pub fn check_destination(db: &Path, dest: &Path) -> Result<()> {
    let dest_canonical = canonical(dest);
    let db_canonical = canonical(db);
    let own = journal_files(&db_canonical)
        .into_iter()
        .chain(journal_files(db))
        .map(|f| canonical(&f))
        .any(|f| f == dest_canonical);
    if own {
        return Err(JournalError::OwnFile {
            dest: dest.display().to_string(),
            journal: db.display().to_string(),
        });
    }
    Ok(())
}

/// `path` with every symbolic link and `.`/`..` resolved; for a file that does not exist
/// yet, its folder resolved and its name kept.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(absolute.clone()),
        _ => absolute,
    }
}

/// Makes `path` readable and writable by its user only (`0600` on unix, set outright, so the
/// umask does not matter and a file an older Kassa left open is closed). Elsewhere the
/// user's own folder already keeps others out; nothing is changed there.
pub fn restrict(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Opens (creating if need be, never truncating) `path` for writing, readable by its user
/// only from the moment it exists.
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    restrict(path)?;
    Ok(file)
}

/// Writes `bytes` to `path` (replacing what was there), readable by its user only.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = create_private(path)?;
    file.set_len(0)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes `dest` whole or not at all: `write` fills a temporary file in `dest`'s folder
/// (given its path), which is synced and renamed over `dest` only when `write` succeeded.
/// On failure the temporary file is removed and whatever was at `dest` stays as it was.
pub fn replace_file<E: From<JournalError>>(
    dest: &Path,
    write: impl FnOnce(&Path) -> std::result::Result<(), E>,
) -> std::result::Result<(), E> {
    let tmp = temporary_beside(dest);
    remove_temporary(&tmp);
    if let Err(e) = write(&tmp) {
        remove_temporary(&tmp);
        return Err(e);
    }
    // Copies and exports hold the same sales as the journal: its user's only.
    let done = restrict(&tmp)
        .and_then(|()| std::fs::File::open(&tmp))
        .and_then(|f| f.sync_all())
        .and_then(|()| std::fs::rename(&tmp, dest));
    if let Err(source) = done {
        remove_temporary(&tmp);
        return Err(JournalError::Io {
            path: dest.display().to_string(),
            source,
        }
        .into());
    }
    sync_folder(dest);
    Ok(())
}

/// `.NAME.partial-PID` in `dest`'s folder: the same file system, so the rename is atomic.
fn temporary_beside(dest: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(dest.file_name().unwrap_or_else(|| "kassa-copy".as_ref()));
    name.push(format!(".partial-{}", std::process::id()));
    dest.with_file_name(name)
}

fn remove_temporary(tmp: &Path) {
    for f in [
        tmp.to_path_buf(),
        PathBuf::from(format!("{}-journal", tmp.display())),
    ] {
        match std::fs::remove_file(&f) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                tracing::warn!(file = %f.display(), error = %e, "cannot remove a temporary file")
            }
        }
    }
}

/// Makes the rename itself durable (Unix: sync the folder); best effort.
fn sync_folder(dest: &Path) {
    #[cfg(unix)]
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all())
    {
        tracing::warn!(folder = %dir.display(), error = %e, "cannot sync the folder");
    }
    #[cfg(not(unix))]
    let _ = dest;
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn the_journal_and_its_companions_are_refused_however_spelled() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        std::fs::write(&db, "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for dest in [
            db.clone(),
            dir.path().join("kassa.db-wal"),
            dir.path().join("kassa.db-shm"),
            dir.path().join("kassa.db.lock"),
            dir.path().join("sub").join("..").join("kassa.db"),
            dir.path().join("sub").join("..").join("kassa.db-wal"),
        ] {
            let e = check_destination(&db, &dest).unwrap_err();
            assert!(
                matches!(e, JournalError::OwnFile { .. }),
                "{}: {e}",
                dest.display()
            );
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("sub").join("link.db");
            std::os::unix::fs::symlink(&db, &link).unwrap();
            assert!(check_destination(&db, &link).is_err());
        }
        check_destination(&db, &dir.path().join("kassa-backup.db")).unwrap();
        check_destination(&db, &dir.path().join("sub").join("kassa.db")).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_no_half_file_and_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("sales.csv");
        std::fs::write(&dest, "the old export").unwrap();
        let e = replace_file(&dest, |tmp| {
            std::fs::write(tmp, "half of the new").unwrap();
            Err(JournalError::NotFound("the rest".into()))
        })
        .unwrap_err();
        assert!(matches!(e, JournalError::NotFound(_)), "{e}");
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "the old export");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["sales.csv"], "no temporary file stays behind");

        replace_file::<JournalError>(&dest, |tmp| {
            std::fs::write(tmp, "the new export").unwrap();
            Ok(())
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "the new export");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
