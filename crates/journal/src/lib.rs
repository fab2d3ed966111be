//! The sales journal: SQLite through rusqlite. Sales, attempts (one per accept call) and an
//! append-only event log. Every write is its own durable transaction (WAL,
//! `synchronous=FULL`), so a crash at any point leaves the journal at the last completed step.
//! It holds records, not business rules: the engine decides what to write.
//!
//! [`Journal`]'s methods live by concern: opening, checks, copies, checkpoints and drills in
//! `open.rs`; the two write transactions and the event log's append in `write.rs`; sales in
//! `sales.rs`; attempts and the statuses read in `attempts.rs`; a status and what it decides,
//! in one write, in `status.rs`; notes for a person in `attention.rs`; reads in `queries.rs`
//! and `followed.rs`, with their row mapping in `rows.rs`; a sale's lines and its numbered
//! receipt (written in the transaction that ends the sale paid) in `receipts.rs`. The record types are in
//! `records.rs`, the schema and its migrations in `schema.rs`.

mod attempts;
mod attention;
mod books;
mod crash;
mod error;
pub mod files;
mod followed;
mod open;
pub mod owner;
mod prints;
mod queries;
mod receipts;
mod records;
mod refunds;
mod replication;
mod reports;
mod returns;
mod rows;
mod sales;
mod schema;
mod seal;
mod status;
mod terminal;
mod write;

use rusqlite::Connection;

pub use books::{
    BankRefund, CountAmount, GrandTotals, NewReturn, PeriodTotals, RefundBy, RefundKind,
    RefundState, ReturnDone, TenderTotal, VatLine, VatTotal, ZReport,
};
pub use crash::{CrashHook, CrashHooks, CrashPoint};
pub use error::JournalError;
pub use followed::FollowedPayment;
pub use owner::{Owner, OwnerLock};
pub use records::{
    AttemptRecord, AttemptState, AttentionItem, Backend, EventRecord, LineVat, NewLine, NewSale,
    Paid, Receipt, ReceiptKind, SaleLine, SaleRecord, SaleState, Tender, Totals,
};
pub use replication::{LogRecord, REPLICATED_TABLES};
pub use reports::Z_LIST_LIMIT;
pub use schema::SCHEMA_VERSION;
pub use seal::event_code;
#[cfg(test)]
use seal::testing;
pub use seal::{
    ChainReceipt, EmployeeRecord, JournalEventRecord, NamedBy, NewEmployee, NewJournalEvent,
    ReceiptSeal, Seal, SealInput, Sealer, SigningKey,
};
pub use status::{StatusWrite, Then, ThenDone};
pub use terminal::{NewTerminalPayment, TerminalPayment};

pub type Result<T> = std::result::Result<T, JournalError>;

/// An open journal: one SQLite connection, and the crash hooks its writes call.
pub struct Journal {
    conn: Connection,
    crash: CrashHooks,
    /// Who acts on this connection and who seals its receipts.
    stamp: seal::Stamp,
}

#[cfg(test)]
mod books_tests;
#[cfg(all(test, unix))]
mod private_tests;
#[cfg(test)]
mod receipt_tests;
#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod seal_tests;
#[cfg(test)]
mod tests;
