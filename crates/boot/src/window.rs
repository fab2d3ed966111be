//! What the window shows of the shop and does with a paid sale's receipt, so the Tauri
//! commands only unpack, call and map errors:
//!
//! * [`keypad_keys`]: the keypad's VAT-group keys (one per rate of the VAT table, the
//!   default marked) and quick items (name, price, rate).
//! * [`cash_change`]: the change for the cash given against a cart's total, before anything
//!   is recorded (the cash dialog).
//! * [`on_screen`]: a paid sale's receipt as HTML (kassa-print's renderer), and whether the
//!   network printer can be used.
//! * [`print`]: one print of it through the system dialog, to the network printer (ESC/POS)
//!   or as a PDF in a folder; the journal counts every print, and from the second one on the
//!   receipt is a COPY n ([`kassa_journal::Journal::record_print`]). A print that fails (the
//!   printer off, the disk full) is not counted and the receipt stays as it is.

use std::path::{Path, PathBuf};
use std::time::Duration;

use kassa_journal::{Backend, Journal, JournalError};
use kassa_money::Money;
use serde::Serialize;

use crate::Counter;
use crate::print::{PdfError, PrintError, print_escpos, save_pdf};
use crate::shop::{CartView, LocalZone, ReceiptAssemblyError, Shop};

/// The reference as the cashier types it, checked against the payment scheme's rules before
/// Charge: whether it can be sent, and what reaches the bank statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReferenceCheck {
    pub ok: bool,
    /// The typed reference as the bank statement shows it (none: Kassa makes one).
    pub statement: Option<String>,
    /// One line for under the field: what reaches the statement, or what to fix.
    pub message: String,
}

/// Checks a reference as it is typed with the rule of the scheme Kassa uses for `currency`
/// (the same check [`kassa_till::Till`] makes at Charge).
pub fn reference_check(
    m: &kassa_i18n::Messages,
    typed: &str,
    currency: kassa_money::Currency,
) -> ReferenceCheck {
    let r = typed.trim();
    if r.is_empty() {
        return ReferenceCheck {
            ok: true,
            statement: None,
            message: crate::words::reference_auto_text(m),
        };
    }
    match kassa_aiia::wire::validate_reference_for(currency, r) {
        Ok(()) => ReferenceCheck {
            ok: true,
            statement: Some(r.to_owned()),
            message: crate::words::reference_statement_text(m, r),
        },
        Err(e) => ReferenceCheck {
            ok: false,
            statement: None,
            message: crate::words::reference_problem_text(m, r, &e),
        },
    }
}

/// How long a receipt may take to reach the network printer.
pub const PRINTER_DEADLINE: Duration = Duration::from_secs(8);

/// One VAT-group key: adds the typed amount as a line at this rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateKey {
    /// The rate's name in the VAT table ("Food"): what a cart line names.
    pub name: String,
    /// "Food 15 %".
    pub label: String,
    pub is_default: bool,
}

/// One quick item: adds itself as a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickKey {
    pub name: String,
    pub unit_minor: i64,
    pub price_display: String,
    pub rate: String,
}

/// The keypad's keys for the shop as it sells today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeypadKeys {
    pub rates: Vec<RateKey>,
    pub default_rate: String,
    pub quick_items: Vec<QuickKey>,
}

pub fn keypad_keys(shop: &Shop) -> KeypadKeys {
    let default = shop.vat.default_rate().name.clone();
    KeypadKeys {
        rates: shop
            .vat
            .rates()
            .iter()
            .map(|r| RateKey {
                name: r.name.clone(),
                label: r.label(),
                is_default: r.name == default,
            })
            .collect(),
        quick_items: shop
            .quick_items
            .iter()
            .map(|q| QuickKey {
                name: q.name.clone(),
                unit_minor: q.price_minor,
                price_display: Money::new(q.price_minor, shop.currency).display(),
                rate: q.rate.clone(),
            })
            .collect(),
        default_rate: default,
    }
}

/// The cash dialog's figure: the change for `given`, or why it is not enough.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashChange {
    pub enough: bool,
    pub given_display: String,
    /// `given − total` (zero when not enough).
    pub change_display: String,
    /// Why the cash cannot be taken ("" when enough).
    pub message: String,
}

/// The change for `given` against the cart's total (the same figure the sale then records:
/// `kassa_till::Till::sell_by_hand` refuses less than the total).
pub fn cash_change(cart: &CartView, given: Money) -> CashChange {
    let total = cart.total;
    if given.currency != total.currency {
        return CashChange {
            enough: false,
            given_display: given.display(),
            change_display: Money::new(0, total.currency).display(),
            message: format!("The cash must be in {}", total.currency.code()),
        };
    }
    let enough = given.minor >= total.minor;
    CashChange {
        enough,
        given_display: given.display(),
        change_display: Money::new((given.minor - total.minor).max(0), total.currency).display(),
        message: if enough {
            String::new()
        } else {
            format!(
                "{} is less than the {} to pay",
                given.display(),
                total.display()
            )
        },
    }
}

/// Whether the Printer button works, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrinterState {
    pub ready: bool,
    pub hint: Option<String>,
}

/// A paid sale's receipt as the Paid screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptOnScreen {
    pub number: i64,
    pub training: bool,
    pub html: String,
    pub printer: PrinterState,
}

/// Where one print went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The system print dialog (the window prints the HTML).
    Dialog,
    /// The network thermal printer.
    Printer,
    /// A PDF file in the given folder.
    Pdf,
}

impl Via {
    pub fn name(self) -> &'static str {
        match self {
            Via::Dialog => "dialog",
            Via::Printer => "printer",
            Via::Pdf => "pdf",
        }
    }
}

/// One print done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiptPrinted {
    pub number: i64,
    /// What was printed (the window's print area shows it).
    pub html: String,
    /// `None`: the original; `Some(n)`: COPY n.
    pub copy: Option<u32>,
    /// For the cashier: where it went ("Saved as …/receipt-1.pdf.").
    pub message: String,
    /// The PDF written, for [`Via::Pdf`].
    pub path: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReceiptOutError {
    #[error(transparent)]
    Receipt(#[from] ReceiptAssemblyError),
    #[error(transparent)]
    Till(#[from] kassa_till::TillError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(transparent)]
    Printer(#[from] PrintError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(
        "No receipt printer is set up: add its address in Settings → Shop, or use Print or Save PDF. The receipt is kept."
    )]
    NoPrinter,
    #[error("The receipt folder {folder} cannot be made ({reason}). The receipt is kept.")]
    Folder { folder: String, reason: String },
}

/// The printer button's state and its hint, in the language spoken.
fn printer_state(shop: &Shop) -> PrinterState {
    let m = crate::Messages::of(crate::current_language());
    match &shop.printer {
        Some(addr) => PrinterState {
            ready: true,
            hint: Some(m.get("detail-printer-at", &[("address", addr.to_string().into())])),
        },
        None => PrinterState {
            ready: false,
            hint: Some(m.text("detail-no-printer")),
        },
    }
}

/// The shop's logo as printer dots; a logo that cannot be read any more is left out (and
/// logged): the receipt itself matters more.
fn logo(shop: &Shop) -> Option<kassa_print::Raster> {
    kassa_config::shop::load_logo(shop)
        .inspect_err(|e| tracing::warn!(error = %e, "the receipt goes without its logo"))
        .ok()
        .flatten()
}

/// The receipt of paid sale `sale_id` as it was issued (the original), for the screen.
pub fn on_screen(counter: &Counter, sale_id: &str) -> Result<ReceiptOnScreen, ReceiptOutError> {
    let shop = counter.shop()?;
    let receipt = counter.receipt(sale_id)?;
    let doc = receipt.to_doc_with(usize::from(shop.width), logo(&shop), crate::receipt_words());
    Ok(ReceiptOnScreen {
        number: receipt.number() as i64,
        training: receipt.training(),
        html: kassa_print::html::render(&doc),
        printer: printer_state(&shop),
    })
}

/// One print of paid sale `sale_id`'s receipt `via` the dialog, the printer or a PDF in
/// `pdf_folder` (made if missing); recorded in the journal once it went out.
pub async fn print(
    counter: &Counter,
    sale_id: &str,
    via: Via,
    pdf_folder: &Path,
    now_ms: i64,
) -> Result<ReceiptPrinted, ReceiptOutError> {
    let shop = counter.shop()?;
    let db = &counter.settings().db_path;
    let (issued, copy, number, series) = {
        let journal = Journal::open_read_only(db)?;
        let r = journal
            .receipt_of_sale(sale_id)?
            .ok_or_else(|| ReceiptAssemblyError::NoReceipt(sale_id.to_owned()))?;
        let (issued, copy) =
            crate::shop::next_print(&journal, &shop, r.series(), r.number, &LocalZone)?;
        (issued, copy, r.number, r.series())
    };
    let width = usize::from(shop.width);
    let doc = issued.to_doc_with(width, logo(&shop), crate::receipt_words());
    let (message, path) = match via {
        Via::Dialog => (String::new(), None),
        Via::Printer => {
            let addr = shop.printer.as_ref().ok_or(ReceiptOutError::NoPrinter)?;
            print_escpos(&addr.to_string(), &doc, None, PRINTER_DEADLINE).await?;
            (format!("Sent to the printer at {addr}."), None)
        }
        Via::Pdf => {
            std::fs::create_dir_all(pdf_folder).map_err(|e| ReceiptOutError::Folder {
                folder: pdf_folder.display().to_string(),
                reason: e.to_string(),
            })?;
            let name = match (series, copy) {
                (Backend::Sandbox, None) => format!("training-receipt-{number}.pdf"),
                (Backend::Sandbox, Some(n)) => format!("training-receipt-{number}-copy-{n}.pdf"),
                (_, None) => format!("receipt-{number}.pdf"),
                (_, Some(n)) => format!("receipt-{number}-copy-{n}.pdf"),
            };
            let path = pdf_folder.join(name);
            save_pdf(&path, &doc, width)?;
            (format!("Saved as {}.", path.display()), Some(path))
        }
    };
    let mut journal = counter.journal()?;
    let till = journal.till_id()?;
    journal.record_print(&till, series, number, via.name(), now_ms)?;
    Ok(ReceiptPrinted {
        number,
        html: kassa_print::html::render(&doc),
        copy,
        message,
        path,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::shop::{CartInput, CartLineInput};
    use kassa_money::Currency;

    async fn counter(dir: &Path) -> Counter {
        let settings = crate::Settings::from_vars(|_| None, dir.join("k.db")).expect("defaults");
        crate::start(settings).await.unwrap()
    }

    fn cart(lines: &[(&str, i64, &str)]) -> CartInput {
        CartInput {
            lines: lines
                .iter()
                .map(|(text, unit, rate)| CartLineInput {
                    text: (!text.is_empty()).then(|| (*text).to_owned()),
                    unit_minor: *unit,
                    quantity: 1,
                    rate: (*rate).to_owned(),
                })
                .collect(),
        }
    }

    #[tokio::test]
    async fn keys_change_and_prints_original_then_copy() {
        let dir = tempfile::tempdir().unwrap();
        let c = counter(dir.path()).await;
        let shop = c.shop().unwrap();

        // One key per rate of the (Danish, sandbox) table, the default marked once.
        let keys = keypad_keys(&shop);
        assert_eq!(keys.rates.len(), shop.vat.rates().len());
        assert_eq!(keys.rates.iter().filter(|k| k.is_default).count(), 1);
        let default = keys.rates.iter().find(|k| k.is_default).unwrap();
        assert_eq!(default.name, keys.default_rate);
        assert!(default.label.ends_with('%'), "{}", default.label);
        let other = keys.rates.iter().find(|k| !k.is_default).unwrap();

        let input = cart(&[("Coffee", 3500, &default.name), ("", 2990, &other.name)]);
        let view = c.cart(&input).unwrap();
        let dkk = |m| Money::new(m, Currency::Dkk);
        let short = cash_change(&view, dkk(5000));
        assert!(!short.enough);
        assert!(short.message.contains("less than"), "{}", short.message);
        let change = cash_change(&view, dkk(10000));
        assert!(change.enough && change.message.is_empty());
        assert_eq!(change.change_display, dkk(10000 - 6490).display());

        let sale = c.pay_cash(&input, dkk(10000), None).unwrap();
        let shown = on_screen(&c, &sale.sale_id).unwrap();
        assert_eq!(shown.number, sale.receipt_number);
        assert!(shown.html.contains("Coffee"), "{}", shown.html);
        assert!(!shown.html.contains("COPY"));
        // No printer set up: the button is off, with the reason.
        assert!(!shown.printer.ready);
        let m = crate::Messages::of(crate::current_language());
        assert_eq!(
            shown.printer.hint.as_deref(),
            Some(m.text("detail-no-printer").as_str())
        );
        assert!(m.has("detail-no-printer"));
        let refused = print(&c, &sale.sale_id, Via::Printer, dir.path(), 1)
            .await
            .unwrap_err();
        assert!(matches!(refused, ReceiptOutError::NoPrinter), "{refused}");

        // The first print is the original, the next ones COPY 1, 2; a failed one not counted.
        let first = print(&c, &sale.sale_id, Via::Dialog, dir.path(), 2)
            .await
            .unwrap();
        assert_eq!(first.copy, None);
        assert!(!first.html.contains("COPY"));
        let folder = dir.path().join("receipts");
        let second = print(&c, &sale.sale_id, Via::Pdf, &folder, 3)
            .await
            .unwrap();
        assert_eq!(second.copy, Some(1));
        assert!(second.html.contains("COPY 1"), "{}", second.html);
        let pdf = std::fs::read(second.path.as_ref().unwrap()).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        assert!(
            second.message.starts_with("Saved as "),
            "{}",
            second.message
        );
        let third = print(&c, &sale.sale_id, Via::Dialog, dir.path(), 4)
            .await
            .unwrap();
        assert_eq!(third.copy, Some(2));
        c.stop().await;
    }
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    fn en() -> &'static kassa_i18n::Messages {
        kassa_i18n::Messages::of(kassa_i18n::Lang::En)
    }

    #[test]
    fn a_reference_is_checked_as_typed_with_what_reaches_the_bank_statement() {
        use kassa_money::Currency::{Dkk, Eur};
        let bad = reference_check(en(), "Bord 7 øå", Dkk);
        assert!(!bad.ok);
        assert_eq!(
            bad.message,
            "The bank does not take space, \"ø\", \"å\" in a reference: use letters A–Z and digits, at most 18"
        );
        // SEPA's own rule: the space is fine, the Nordic letters are not.
        let bad = reference_check(en(), "Bord 7 øå", Eur);
        assert!(!bad.ok);
        assert_eq!(
            bad.message,
            "The bank does not take \"ø\", \"å\" in a reference: use letters A–Z, digits and space ? : ( ) . , ' / -, at most 35"
        );
        assert_eq!(
            reference_check(en(), "Bord 7", Eur).statement.as_deref(),
            Some("Bord 7")
        );
        let good = reference_check(en(), " Bord7 ", Dkk);
        assert!(good.ok);
        assert_eq!(good.statement.as_deref(), Some("Bord7"));
        assert_eq!(good.message, "Bank statement: Bord7");
        let empty = reference_check(en(), "", Dkk);
        assert!(empty.ok);
        assert_eq!(empty.statement, None);
        assert!(
            empty.message.contains("automatic reference"),
            "{}",
            empty.message
        );
        let long = reference_check(en(), &"A".repeat(19), Dkk);
        assert!(!long.ok);
        assert_eq!(
            long.message,
            "19 characters: the bank takes at most 18 in a reference"
        );
        // The same rule as Charge: what the check lets through, the engine takes.
        for currency in kassa_money::Currency::ALL {
            for typed in [
                "Bord 7 øå",
                "Bord7",
                "A-1",
                "æble",
                "ABCDEFGHIJ12345678",
                "a b",
            ] {
                assert_eq!(
                    reference_check(en(), typed, currency).ok,
                    kassa_aiia::wire::validate_reference_for(currency, typed.trim()).is_ok(),
                    "{typed} {currency}"
                );
            }
        }
    }
}
