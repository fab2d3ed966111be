//! The shop's day without the window (issue 11): who the merchant is, and what a sale's
//! lines add up to.
//!
//! * [`org`]: organisation / VAT numbers (DK CVR, NO organisasjonsnummer, SE
//!   organisationsnummer, FI Y-tunnus), each with its check digit.
pub mod org;

pub use org::{Country, OrgError, OrgNumber};
pub mod lines;
pub mod profile;
pub mod vat;

pub use lines::{Breakdown, Line, LineError, VatGroup};
pub use profile::{MerchantProfile, ProfileDraft, ProfileErrors, validate as validate_profile};
pub use vat::{Day, SaftCode, VatClass, VatError, VatRate, VatTable};
