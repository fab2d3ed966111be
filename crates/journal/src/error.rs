use rusqlite::ErrorCode;

/// Journal failures, in words a merchant can act on. Whatever the error, nothing already
/// written is lost: a failed write is rolled back whole.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error(
        "the disk is full: the sale journal cannot be written. Free some space; nothing written so far is lost"
    )]
    DiskFull(#[source] rusqlite::Error),
    #[error("the sale journal is read-only: check the permissions of the Kassa data folder")]
    ReadOnly(#[source] rusqlite::Error),
    #[error("the sale journal is damaged ({0}); keep the file and restore a backup")]
    Corrupt(String),
    #[error(
        "the sale journal was written by a newer Kassa (schema {found}, this one knows {supported}); update Kassa"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    #[error(
        "the sale journal is from an older Kassa (schema {found}, this one writes {supported}) and is upgraded at the next start of the counter: open the app or run `kassa resume` once, then try again"
    )]
    SchemaTooOld { found: i64, supported: i64 },
    #[error("cannot use the folder {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A write whose records would not be whole (e.g. lines that do not add up to the
    /// sale's amount): nothing was written.
    #[error("not written: {0}")]
    Refused(String),
    /// A receipt that could not be signed (no key, or the key failed): nothing was
    /// written, and no receipt is ever issued unsigned.
    #[error("no receipt issued: {0}")]
    Unsigned(String),
    #[error("{0} is not in the journal")]
    NotFound(String),
    /// Another process (or another counter in this one) drives sales on this journal.
    #[error(
        "the journal {journal} is in use by {owner}: close it first, or use `kassa status` to look without selling"
    )]
    InUse { journal: String, owner: String },
    /// A copy or export aimed at the journal's own files.
    #[error(
        "{dest} is part of the sale journal {journal}: writing there would destroy it; choose another file"
    )]
    OwnFile { dest: String, journal: String },
    #[error("the sale journal failed: {0}")]
    Sqlite(#[source] rusqlite::Error),
}

impl From<rusqlite::Error> for JournalError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => JournalError::DiskFull(e),
            Some(ErrorCode::ReadOnly) => JournalError::ReadOnly(e),
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                JournalError::Corrupt(e.to_string())
            }
            _ => JournalError::Sqlite(e),
        }
    }
}
