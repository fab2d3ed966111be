//! The shop's sale-side commands: the keypad's VAT keys and quick items, the sale (cart) as
//! Rust works it out, the tenders (pay by bank, cash, card), the receipt of a paid sale and
//! its prints, and Settings → Shop. Unpack, call `kassa_boot`, map errors.

use std::path::PathBuf;

use kassa_boot::customer::ByHand;
use kassa_boot::shop::{CartInput, CartView};
use kassa_boot::window::{self, CashChange, KeypadKeys, ReceiptOnScreen, ReceiptPrinted, Via};
use kassa_config::{ShopForm, ShopSettings};
use kassa_money::Money;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use crate::AppState;
use crate::error::{Code, IpcError};

/// Where Save PDF puts receipts: `<app data>/receipts` (the cashier is told the path).
fn pdf_folder(app: &AppHandle) -> Result<PathBuf, IpcError> {
    app.path()
        .app_data_dir()
        .map(|d| d.join("receipts"))
        .map_err(|e| {
            IpcError::new(
                Code::Receipt,
                crate::lang::messages().get("result-no-folder", &[("error", e.to_string().into())]),
            )
        })
}

/// The keypad's keys: one per VAT rate and one per quick item.
#[tauri::command]
pub fn shop_info(state: State<'_, AppState>) -> Result<KeypadKeys, IpcError> {
    Ok(window::keypad_keys(&state.counter()?.shop()?))
}

/// The sale as it stands: lines, VAT per rate, total.
#[tauri::command]
pub fn cart_view(
    app: AppHandle,
    state: State<'_, AppState>,
    cart: CartInput,
) -> Result<CartView, IpcError> {
    let view = state.counter()?.cart(&cart)?;
    crate::customer::on_cart(&app, &view);
    Ok(view)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Charged {
    sale_id: String,
    amount_display: String,
    /// What reaches the bank statement (the typed reference, else the automatic one).
    statement_reference: String,
}

/// The reference as it is typed: can it be sent, and what reaches the bank statement.
#[tauri::command]
pub fn reference_check(
    state: State<'_, AppState>,
    reference: String,
) -> Result<window::ReferenceCheck, IpcError> {
    Ok(window::reference_check(
        crate::lang::messages(),
        &reference,
        state.counter()?.currency,
    ))
}

/// Pay by bank: the QR flow for the sale's total. Async: the engine's sale task starts on
/// the runtime.
#[tauri::command]
pub async fn charge_cart(
    state: State<'_, AppState>,
    cart: CartInput,
    reference: Option<String>,
) -> Result<Charged, IpcError> {
    let c = state.counter()?;
    let view = c.cart(&cart)?;
    let sale_id = c.charge_cart(&cart, reference.as_deref())?;
    Ok(Charged {
        statement_reference: kassa_till::statement_reference(&sale_id, reference.as_deref()),
        sale_id,
        amount_display: view.total_display,
    })
}

/// The cash dialog: the change for the amount given (nothing recorded).
#[tauri::command]
pub fn cash_change(
    state: State<'_, AppState>,
    cart: CartInput,
    given: String,
) -> Result<CashChange, IpcError> {
    let c = state.counter()?;
    let given = Money::parse(&given, c.currency)?;
    Ok(window::cash_change(&c.cart(&cart)?, given))
}

/// A cash or card sale, paid: what the Paid screen shows.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaidByHand {
    sale_id: String,
    amount_display: String,
    change_display: Option<String>,
    receipt: ReceiptOnScreen,
}

fn paid(c: &kassa_boot::Counter, sale: kassa_boot::HandSale) -> Result<PaidByHand, IpcError> {
    let receipt = window::on_screen(c, &sale.sale_id)?;
    Ok(PaidByHand {
        sale_id: sale.sale_id,
        amount_display: sale.total_display,
        change_display: sale.change_display,
        receipt,
    })
}

/// The customer's screen: Paid, the change, the receipt.
fn customer_paid(
    app: &AppHandle,
    c: &kassa_boot::Counter,
    sale: &kassa_boot::HandSale,
    how: ByHand,
) {
    crate::customer::on_paid_by_hand(
        app,
        c,
        &sale.sale_id,
        how,
        &sale.total_display,
        sale.change_display.as_deref(),
    );
}

#[tauri::command]
pub fn pay_cash(
    app: AppHandle,
    state: State<'_, AppState>,
    cart: CartInput,
    given: String,
    reference: Option<String>,
) -> Result<PaidByHand, IpcError> {
    let c = state.counter()?;
    let given = Money::parse(&given, c.currency)?;
    let sale = c.pay_cash(&cart, given, reference.as_deref())?;
    customer_paid(&app, &c, &sale, ByHand::Cash);
    paid(&c, sale)
}

#[tauri::command]
pub fn pay_card(
    app: AppHandle,
    state: State<'_, AppState>,
    cart: CartInput,
    card_reference: Option<String>,
    reference: Option<String>,
) -> Result<PaidByHand, IpcError> {
    let c = state.counter()?;
    let sale = c.pay_card(&cart, card_reference.as_deref(), reference.as_deref())?;
    customer_paid(&app, &c, &sale, ByHand::Card);
    paid(&c, sale)
}

/// A paid sale's receipt for the Paid screen.
#[tauri::command]
pub fn sale_receipt(
    state: State<'_, AppState>,
    sale_id: String,
) -> Result<ReceiptOnScreen, IpcError> {
    let c = state.counter()?;
    Ok(window::on_screen(&c, &sale_id)?)
}

/// Print: the system print dialog prints the returned HTML (counted; COPY from the second).
#[tauri::command]
pub async fn receipt_print(
    app: AppHandle,
    state: State<'_, AppState>,
    sale_id: String,
) -> Result<ReceiptPrinted, IpcError> {
    let c = state.counter()?;
    Ok(window::print(&c, &sale_id, Via::Dialog, &pdf_folder(&app)?, c.now_ms()).await?)
}

/// Printer: ESC/POS to the shop's network printer.
#[tauri::command]
pub async fn receipt_to_printer(
    app: AppHandle,
    state: State<'_, AppState>,
    sale_id: String,
) -> Result<ReceiptPrinted, IpcError> {
    let c = state.counter()?;
    Ok(window::print(&c, &sale_id, Via::Printer, &pdf_folder(&app)?, c.now_ms()).await?)
}

/// Save PDF: into `<app data>/receipts`.
#[tauri::command]
pub async fn receipt_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    sale_id: String,
) -> Result<ReceiptPrinted, IpcError> {
    let c = state.counter()?;
    Ok(window::print(&c, &sale_id, Via::Pdf, &pdf_folder(&app)?, c.now_ms()).await?)
}

/// Settings → Shop as it stands.
#[tauri::command]
pub fn shop_view(state: State<'_, AppState>) -> Result<ShopForm, IpcError> {
    Ok(state.counter()?.shop_form())
}

/// Saves Settings → Shop (the next sale uses it); every refused field comes back.
#[tauri::command]
pub fn shop_save(state: State<'_, AppState>, form: ShopForm) -> Result<ShopForm, IpcError> {
    let c = state.counter()?;
    let _: ShopSettings = c.save_shop(&form)?;
    Ok(c.shop_form())
}
