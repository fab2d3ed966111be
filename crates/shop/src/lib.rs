//! The shop's day without the window (issue 11): who the merchant is, which VAT rates the
//! shop sells at, and what a sale's lines add up to. No Tauri, no journal, no clock: a day
//! is passed in ([`vat::Day`]).
//!
//! * [`org`]: organisation / VAT numbers (DK CVR, NO organisasjonsnummer with `MVA`, SE
//!   organisationsnummer or a sole trader's personnummer, FI Y-tunnus), each with its check
//!   digit, and how each country writes them.
//! * [`profile`]: the merchant profile (legal name, organisation number, address, country,
//!   till name, receipt footer), checked field by field into sentences for the merchant.
//! * [`vat`]: the VAT table per country, rates in basis points (2500 = 25 %), each with its
//!   SAF-T standard tax code; editable with checks (0 % to 50 %, unique names, one default).
//! * [`lines`]: sale lines (VAT-inclusive prices) and their [`Breakdown`] per rate.
//! * [`receipt`]: the receipt of a sale or a return ([`Receipt`]): checked against its
//!   tender, laid out as a `kassa_print::Doc` for the printer, and as JSON.
//! * [`report`]: the X and Z reports ([`ReportView`]): pure figures (filled by the caller
//!   from the journal), checked to add up, as a `Doc` and as JSON.
//! * [`bookkeeping`]: the bookkeeping CSV of a period (one row per receipt per VAT rate,
//!   totals per rate).
//! * [`returns`]: what a return gives back (all that is left, an amount split over the VAT
//!   groups by the largest remainder, or chosen lines), refused in sentences when it is more
//!   than what is left.
//!
//! # The rounding rule
//!
//! Lines with the same rate and SAF-T code are one group. A group's VAT is computed once,
//! from the group's gross sum: `vat = round_half_up(gross × bp / (10000 + bp))` to the minor
//! unit (half away from zero), and `net = gross − vat`. So each group's net + VAT is its
//! gross exactly, and the groups' gross adds up to the sale's total exactly. Integer
//! arithmetic only (`i128` inside); an amount too large for an `i64` is an error.
//!
//! # Where the rates come from
//!
//! See [`vat`]: DK 25 %; NO 25 / 15 / 12 %; SE 25 / 12 / 6 % with food at 6 % from
//! 1 April 2026 to 31 December 2027; FI 25.5 / 13.5 (from 1 January 2026; 14 % before) / 10 %;
//! and 0 % (zero-rated, SAF-T code 5, or outside VAT, code 6) everywhere. The codes are the
//! output codes of the Norwegian cash-register SAF-T list `Standard_Tax_Codes.csv` (3, 31,
//! 32, 33, 5, 51, 52, 6), used for all four countries by the rate's tier.
//!
//! ```
//! use kassa_money::{Currency, Money};
//! use kassa_shop::{Breakdown, Country, Day, Line, VatNames, VatTable};
//!
//! let table = VatTable::for_country(Country::No, Day::new(2026, 3, 2), &VatNames::english())?;
//! let food = table.get("Food").map(|r| r.class()).ok_or("no food rate")?;
//! let standard = table.default_rate().class();
//! let nok = |minor| Money::new(minor, Currency::Nok);
//! let sale = Breakdown::of(&[
//!     Line::new("Brød", nok(3990), food),
//!     Line::new("Batterier", nok(9900), standard),
//! ])?;
//! assert_eq!(sale.total, nok(13890));
//! assert_eq!(sale.groups[0].vat_amount, nok(1980)); // 25 % of 79.20 net
//! assert_eq!(sale.groups[1].vat_amount, nok(520)); // 39.90 × 15/115 = 5.204… → 5.20
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod bookkeeping;
pub mod lines;
pub mod org;
pub mod profile;
pub mod receipt;
pub mod report;
pub mod returns;
pub mod staff;
pub mod vat;

pub use lines::{Breakdown, Line, LineError, VatGroup};
pub use org::{Country, OrgError, OrgNumber};
pub use profile::{MerchantProfile, ProfileDraft, ProfileErrors, validate as validate_profile};
pub use receipt::{
    LocalDateTime, Receipt, ReceiptDraft, ReceiptError, ReceiptJson, ReceiptKind, Tender, Words,
};
pub use report::{
    ByTender, CountAmount, GrandTotals, ReportError, ReportJson, ReportKind, ReportView, VatFigures,
};
pub use returns::{Left, LinePick, ReturnError, ReturnRequest, return_lines};
pub use vat::{Day, SaftCode, VatClass, VatError, VatNames, VatRate, VatTable};
