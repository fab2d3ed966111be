//! The journal's records as the merchant asks for them without driving sales: what needs
//! attention (`kassa status`), a refund marked by hand (`kassa refunded`) and a safe copy
//! (`kassa backup`), every sale with its attempts (`kassa export`). Status, backup and
//! export open the journal read-only and start no engine, so
//! they work while another process owns the journal and sells. The hosts print.

use std::path::Path;

use kassa_journal::{
    AttemptRecord, AttentionItem, Backend, FollowedPayment, Journal, JournalError, SaleRecord,
};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    #[error("there is no sale journal at {0}")]
    NoJournal(String),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("cannot back up to {file}: {source}")]
    Backup {
        file: String,
        #[source]
        source: JournalError,
    },
}

impl RecordsError {
    /// A request the merchant must change (no journal there, the journal's own file as a
    /// destination, a payment without an open note), rather than a journal that failed.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            RecordsError::NoJournal(_)
                | RecordsError::Journal(JournalError::OwnFile { .. } | JournalError::NotFound(_))
        )
    }
}

/// What needs the merchant on one backend (the counter's own).
#[derive(Debug, Serialize)]
pub struct StatusReport {
    /// The backend reported on: the counter's own. Everything below is of it alone.
    pub backend: Backend,
    pub open: Vec<SaleRecord>,
    /// Sales with an executed payment not yet acted on (a crash came between): any start
    /// of Kassa (`kassa resume`) settles them.
    pub unsettled: Vec<String>,
    pub attention: Vec<AttentionItem>,
    /// Payments at the bank that may still change (not final), of any sale, open or ended:
    /// one of them can still be approved. `kassa resume` follows them to their end.
    pub followed: Vec<FollowedPayment>,
    /// What the journal holds of the other backend: counted, not listed, and not in the
    /// exit code (a counter on the other backend reports them).
    pub elsewhere: Elsewhere,
}

/// The other backend's counts.
#[derive(Debug, Serialize, Default)]
pub struct Elsewhere {
    pub backend: Option<Backend>,
    pub open: usize,
    pub unsettled: usize,
    pub attention: usize,
    pub followed: usize,
}

impl Elsewhere {
    fn is_empty(&self) -> bool {
        self.open + self.unsettled + self.attention + self.followed == 0
    }
}

fn open_read_only(db: &Path) -> Result<Journal, RecordsError> {
    if !db.exists() {
        return Err(RecordsError::NoJournal(db.display().to_string()));
    }
    Ok(Journal::open_read_only(db)?)
}

/// The journal's open sales, unsettled payments, payments still followed and notes of
/// `backend` (the counter's): a live counter's status never counts training sales, nor a
/// sandbox counter's live ones.
pub fn status(db: &Path, backend: Backend) -> Result<StatusReport, RecordsError> {
    let journal = open_read_only(db)?;
    let mut elsewhere = Elsewhere::default();
    let (open, other): (Vec<SaleRecord>, Vec<SaleRecord>) = journal
        .open_sales()?
        .into_iter()
        .partition(|s| s.backend == backend);
    elsewhere.open = other.len();
    let mut unsettled = Vec::new();
    for id in journal.unsettled_sales()? {
        match journal.sale(&id)? {
            Some(s) if s.backend != backend => elsewhere.unsettled += 1,
            _ => unsettled.push(id),
        }
    }
    let (attention, other): (Vec<AttentionItem>, Vec<AttentionItem>) = journal
        .attention_items()?
        .into_iter()
        .partition(|a| a.backend == backend);
    elsewhere.attention = other.len();
    let mut followed = Vec::new();
    for f in journal.followed_payments()? {
        match journal.sale(&f.sale_id)? {
            Some(s) if s.backend != backend => elsewhere.followed += 1,
            _ => followed.push(f),
        }
    }
    if !elsewhere.is_empty() {
        elsewhere.backend = Some(match backend {
            Backend::Live => Backend::Sandbox,
            Backend::Sandbox => Backend::Live,
        });
    }
    Ok(StatusReport {
        backend,
        open,
        unsettled,
        attention,
        followed,
        elsewhere,
    })
}

/// Marks a flagged payment as refunded by hand (`note` says what was done): it leaves the
/// status and the window's banner; the journal keeps the flag and the resolution. Returns
/// the sale it belongs to; [`JournalError::NotFound`] when the payment has no open note.
pub fn mark_refunded(
    db: &Path,
    payment_id: &str,
    note: &str,
    now_ms: i64,
) -> Result<String, RecordsError> {
    if !db.exists() {
        return Err(RecordsError::NoJournal(db.display().to_string()));
    }
    let mut journal = Journal::open(db)?;
    let payment_id = payment_id.trim();
    // The same path as the window's: the double payment's bank transfer (opened now if it
    // is not listed yet), marked sent with the note, which resolves the attention note in
    // the same transaction; so the transfer is in the books like every other.
    let listed = journal
        .bank_refunds(true)?
        .into_iter()
        .find(|r| r.payment_id == payment_id && r.kind == kassa_journal::RefundKind::DoublePayment);
    let transfer = match listed {
        Some(t) => t,
        None => journal.refund_double_payment(payment_id, None, now_ms)?,
    };
    let sent = journal.mark_refund_sent(transfer.id, note, now_ms)?;
    Ok(sent.sale_id.unwrap_or_default())
}

/// A consistent copy of the journal at `file` (safe while a counter sells). The journal's
/// own files are refused as a destination ([`JournalError::OwnFile`]), and the copy is
/// whole or absent.
pub fn backup(db: &Path, file: &Path) -> Result<(), RecordsError> {
    kassa_journal::files::check_destination(db, file)?;
    let journal = open_read_only(db)?;
    match journal.backup_to(file) {
        Ok(()) => Ok(()),
        Err(e @ JournalError::OwnFile { .. }) => Err(e.into()),
        Err(source) => Err(RecordsError::Backup {
            file: file.display().to_string(),
            source,
        }),
    }
}

/// The journal opened read-only for an export: every sale of one backend with its attempts.
pub struct Sales(Journal);

/// Opens the journal at `db` read-only to export its sales (no engine; works beside an
/// owner).
pub fn open_sales(db: &Path) -> Result<Sales, RecordsError> {
    open_read_only(db).map(Sales)
}

impl Sales {
    /// Calls `each` with every sale of `backend` (live ones for the books, or the training
    /// ones; never both) and its attempts, oldest first, one sale at a time.
    pub fn each<E: From<RecordsError>>(
        &self,
        backend: Backend,
        mut each: impl FnMut(&SaleRecord, &[AttemptRecord]) -> Result<(), E>,
    ) -> Result<(), E> {
        let read = |e: JournalError| E::from(RecordsError::Journal(e));
        for sale in self.0.all_sales(backend).map_err(read)? {
            let attempts = self.0.attempts(&sale.id).map_err(read)?;
            each(&sale, &attempts)?;
        }
        Ok(())
    }
}
