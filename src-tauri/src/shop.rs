//! The shop's sale-side commands: the keypad's VAT keys and quick items, the sale (cart) as
//! Rust works it out, the tenders (pay by bank, cash, card), the receipt of a paid sale and
//! its prints, and Settings → Shop. Unpack, call `kassa_boot` / `kassa_config`, map errors.

use std::time::{SystemTime, UNIX_EPOCH};

use kassa_boot::shop::{CartInput, CartView};
use kassa_money::Money;
use serde::Serialize;
use tauri::{Manager, State};

use crate::AppState;
use crate::error::{Code, IpcError};

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// The keypad's keys: one per VAT rate and one per quick item.
#[tauri::command]
pub fn shop_info(state: State<'_, AppState>) -> Result<kassa_boot::shop::Keys, IpcError> {
    Ok(kassa_boot::shop::keys(state.counter()?.shop()))
}

/// The sale as it stands: lines, VAT per rate, total.
#[tauri::command]
pub fn cart_view(state: State<'_, AppState>, cart: CartInput) -> Result<CartView, IpcError> {
    Ok(kassa_boot::shop::cart(state.counter()?.shop(), &cart)?)
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Charged {
    sale_id: String,
    amount_display: String,
}

/// Pay by bank: the QR flow for the sale's total.
#[tauri::command]
pub fn charge_cart(
    state: State<'_, AppState>,
    cart: CartInput,
    reference: Option<String>,
) -> Result<Charged, IpcError> {
    let c = state.counter()?;
    let view = kassa_boot::shop::cart(c.shop(), &cart)?;
    let sale_id = c.charge_cart(&cart, reference.as_deref())?;
    Ok(Charged {
        sale_id,
        amount_display: view.total_display,
    })
}
