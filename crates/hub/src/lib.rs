//! Kassa's hub (issue 14): every till's journal replicated to PostgreSQL, and the whole
//! shop's day in one place.
//!
//! * The till stays the source of truth for its own books: it writes its SQLite journal as
//!   always (receipt numbers, Z numbers and signatures per till) and sells whether or not
//!   the hub is there.
//! * Each journal keeps a replication log (schema 8): every row its books gain or change,
//!   numbered in commit order. The [`Shipper`] reads it on its own read-only connection and
//!   sends it to the hub, where each record is stored once under `(till_id, seq)`, in order,
//!   from wherever the hub's copy ends ([`Hub::ship`]).
//! * The hub keeps report tables from the records in the same transaction, so the shop's
//!   day ([`Hub::shop_report`]) reads a few hundred rows.
//! * The hub's schema is Kassa's own, versioned; a newer one is refused ([`HubError::TooNew`]);
//!   a hub serves one shop ([`HubError::OtherShop`]).

mod apply;
mod catalog;
mod config;
mod error;
mod export;
mod report;
mod schema;
mod ship;
mod shipper;

pub use catalog::{CatalogEntry, CatalogKind};
pub use config::{CONNECT_TIMEOUT, HubConfig, Tls, percent_decode};
pub use error::{HubError, Result};
pub use export::VatRow;
pub use report::{Counted, Day, Figures, Mode, ShopReport, TenderLine, TillReport, VatLine, ZSeen};
pub use schema::HUB_SCHEMA_VERSION;
pub use ship::{Hub, Shipped, TillIdentity};
pub use shipper::{
    BATCH, HubStatus, MAX_BACKOFF, Problem, Shipper, ShipperSettings, status_path, sync_once,
};
