//! Printing receipts for Kassa, with no window and no journal: a document, its ESC/POS bytes,
//! the shop's logo as a thermal raster, and a network printer.
//!
//! * [`doc`]: [`Doc`] is a receipt independent of where it goes: [`Block`]s (logo, text with
//!   alignment / bold / double size, text-and-amount [`Block::Columns`], rule, feed, cut) and a
//!   paper width in columns ([`COLUMNS_80MM`] = 48 for 80 mm Font A, [`COLUMNS_80MM_NARROW`],
//!   [`COLUMNS_58MM`]). [`Doc::layout`] wraps it at word boundaries; [`Doc::to_text`] is the
//!   same layout as plain text; [`Doc::as_copy`] marks a reprint `*** COPY ***`.
//! * [`escpos`]: [`encode`] turns a `Doc` into ESC/POS bytes (code table WPC1252 for the
//!   Nordic letters and €; a character it lacks prints as `?`; logo as `GS v 0`; partial cut).
//! * [`logo`]: [`Raster::from_image_bytes`] decodes a PNG/JPEG logo (size-capped), scales it to
//!   the print head ([`MAX_DOTS_80MM`] / [`MAX_DOTS_58MM`]) and dithers it to 1 bit.
//! * [`html`]: [`html::render`] makes it an escaped HTML fragment (a `div` a line, classes for
//!   alignment, bold, double size and rules, the logo as a `data:` PNG) for the window's
//!   receipt panel and the system print dialog.
//! * [`pdf`]: [`pdf::render`] makes the receipt a PDF page 80 mm wide and as tall as the
//!   receipt (Courier in WinAnsiEncoding, bold and double size, drawn rules, the logo as a
//!   1-bit image at 203 dpi).
//! * [`printer`]: [`NetworkPrinter::print`] sends the bytes over raw TCP (port 9100 by default)
//!   and tells apart a printer that does not answer, a connection that broke while printing and
//!   a printer that did not take the data in time ([`PrintError`], messages for the cashier).
//!
//! How the app uses it: decode the merchant's logo once when it is chosen
//! (`Raster::from_image_bytes(&file, MAX_DOTS_80MM)`, showing a [`LogoError`] as it is) and keep
//! the raster; for a receipt, build a `Doc` (logo, shop name centred and bold, organisation
//! number, address, date and receipt number, a `Columns` line per sale line and per VAT rate,
//! the total in double size, tender, footer, `Cut`), then
//! `NetworkPrinter::new(&settings.printer)?.print(&encode(&doc)).await`. On an error keep the
//! receipt (it is already in the journal), show the message and offer "Print again". For a
//! reprint use `doc.as_copy()`. On screen and for the print dialog, [`html::render`]; for a
//! PDF file, [`pdf::render`].

pub mod doc;
pub mod escpos;
pub mod html;
pub mod logo;
pub mod pdf;
pub mod printer;
// The ESC/POS decoder the tests read printed bytes back with (this crate's and kassa-boot's).
// Compiled always, not behind a feature: it only reads bytes (nothing in it prints), and with
// no feature to turn on for tests, the app and the tests share one compiled kassa-print.
#[doc(hidden)]
pub mod testing;

pub use doc::{Align, Block, COLUMNS_58MM, COLUMNS_80MM, COLUMNS_80MM_NARROW, COPY_LABEL, Doc};
pub use escpos::encode;
pub use logo::{LogoError, MAX_DOTS_58MM, MAX_DOTS_80MM, Raster};
pub use printer::{DEFAULT_PORT, NetworkPrinter, PrintError};
