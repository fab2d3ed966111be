//! One owner per journal: the process that drives sales holds an exclusive OS lock on a lock
//! file beside the journal (`kassa.db.lock`) for as long as it runs. The file names the
//! owner (pid and kind) so a second one is refused with who holds it. The lock is the OS's
//! (`flock` on Unix, `LockFileEx` on Windows, through the `fs4` crate): it goes away with
//! the process, so a crashed owner never blocks the next start, whatever the file still
//! says. (std's `File::try_lock` is the same call but needs Rust 1.89; the workspace keeps
//! its `rust-version`.) On Windows the lock also keeps others from reading the file, so a
//! refused start there names "another Kassa" instead of the owner.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use fs4::TryLockError;

use crate::{JournalError, Result};

/// The lock file of the journal at `db`: `kassa.db` → `kassa.db.lock`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    db.with_file_name(name)
}

/// Who holds a journal, as its lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    pub pid: u32,
    /// What the owner is, in words: "the Kassa app", "kassa charge".
    pub kind: String,
}

impl Owner {
    fn parse(text: &str) -> Option<Owner> {
        let mut lines = text.lines();
        let pid = lines.next()?.trim().parse().ok()?;
        let kind = lines.next()?.trim().to_owned();
        (!kind.is_empty()).then_some(Owner { pid, kind })
    }
}

/// The exclusive hold on a journal. Dropping it releases the journal (and so does the OS
/// when the process ends, however it ends).
#[derive(Debug)]
pub struct OwnerLock {
    // Holding the open file holds the lock; closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl OwnerLock {
    /// Takes the journal at `db` for this process, named `kind` ("the Kassa app",
    /// "kassa charge"). Refused with [`JournalError::InUse`], naming the owner, while another
    /// process (or another counter in this one) holds it. A lock file left by a process
    /// that is gone does not block: its lock went with it.
    pub fn acquire(db: &Path, kind: &str) -> Result<OwnerLock> {
        let path = lock_path(db);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
        }
        // Not truncated on open: the owner's name must stay readable until we hold the lock.
        let mut file = crate::files::create_private(&path).map_err(|e| io_error(&path, e))?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let owner = read_owner(&mut file);
                return Err(JournalError::InUse {
                    journal: db.display().to_string(),
                    owner: owner
                        .as_ref()
                        .map(|o| format!("{} (pid {})", o.kind, o.pid))
                        .unwrap_or_else(|| "another Kassa".to_owned()),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_error(&path, e)),
        }
        let me = format!("{}\n{}\n", std::process::id(), kind);
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| file.write_all(me.as_bytes()))
            .and_then(|()| file.flush())
            .map_err(|e| io_error(&path, e))?;
        tracing::debug!(lock = %path.display(), kind, "took the journal");
        Ok(OwnerLock { _file: file, path })
    }

    /// Who holds the journal at `db` now, if anyone (`None` also when the lock file names a
    /// process that is gone: its lock went with it).
    pub fn holder(db: &Path) -> Option<Owner> {
        let path = lock_path(db);
        let mut file = OpenOptions::new().read(true).write(true).open(path).ok()?;
        match fs4::FileExt::try_lock(&file) {
            // Nobody held it; ours is released when `file` closes.
            Ok(()) => None,
            Err(TryLockError::WouldBlock) => read_owner(&mut file).or(Some(Owner {
                pid: 0,
                kind: "another Kassa".to_owned(),
            })),
            Err(TryLockError::Error(_)) => None,
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn read_owner(file: &mut File) -> Option<Owner> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    Owner::parse(&text)
}

fn io_error(path: &Path, source: std::io::Error) -> JournalError {
    JournalError::Io {
        path: path.display().to_string(),
        source,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn the_lock_file_sits_beside_the_journal() {
        assert_eq!(
            lock_path(Path::new("/d/kassa.db")),
            PathBuf::from("/d/kassa.db.lock")
        );
    }

    #[test]
    fn a_second_owner_is_refused_naming_the_first_until_it_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        let first = OwnerLock::acquire(&db, "kassa charge").unwrap();
        assert_eq!(first.path(), lock_path(&db));
        let e = OwnerLock::acquire(&db, "the Kassa app").unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "the journal {} is in use by kassa charge (pid {}): close it first, or use `kassa status` to look without selling",
                db.display(),
                std::process::id()
            )
        );
        assert_eq!(
            OwnerLock::holder(&db),
            Some(Owner {
                pid: std::process::id(),
                kind: "kassa charge".into()
            })
        );
        drop(first);
        assert_eq!(OwnerLock::holder(&db), None);
        let second = OwnerLock::acquire(&db, "the Kassa app").unwrap();
        assert_eq!(
            std::fs::read_to_string(lock_path(&db)).unwrap(),
            format!("{}\nthe Kassa app\n", std::process::id())
        );
        drop(second);
    }

    #[test]
    fn a_lock_file_left_by_a_dead_owner_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("sub").join("kassa.db");
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        // What a crashed owner leaves behind: the file, naming it, but no lock.
        std::fs::write(lock_path(&db), "999999999\nkassa charge\n").unwrap();
        assert_eq!(OwnerLock::holder(&db), None);
        let lock = OwnerLock::acquire(&db, "kassa resume").unwrap();
        assert_eq!(
            std::fs::read_to_string(lock.path()).unwrap(),
            format!("{}\nkassa resume\n", std::process::id())
        );
    }
}
