//! Tauri commands: unpack, call the core, map the error. Nothing else lives here.

use kassa_boot::{Counter, DayReport, Ledger, Mode};
use kassa_money::keypad::{self, Entry, Key};
use kassa_till::SaleView;
use serde::Serialize;
use tauri::State;

use crate::AppState;
use crate::error::{Code, IpcError};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    mode: Mode,
    api_url: String,
    currency: kassa_money::Currency,
    version: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Charged {
    sale_id: String,
}

/// The most sales the day list shows.
const DAY_LIST_LIMIT: u32 = 200;

pub(crate) fn app_info_of(c: &Counter) -> AppInfo {
    AppInfo {
        mode: c.mode,
        api_url: c.api_url.clone(),
        currency: c.currency,
        version: env!("CARGO_PKG_VERSION"),
    }
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    Ok(app_info_of(state.counter()?.as_ref()))
}

#[tauri::command]
pub fn keypad_show(state: State<'_, AppState>, digits: String) -> Result<Entry, IpcError> {
    Ok(keypad::show(&digits, state.counter()?.currency))
}

#[tauri::command]
pub fn keypad_press(
    state: State<'_, AppState>,
    digits: String,
    key: String,
) -> Result<Entry, IpcError> {
    let key = Key::from_keyboard(&key)
        .ok_or_else(|| IpcError::new(Code::InvalidKey, format!("\"{key}\" is not a keypad key")))?;
    Ok(keypad::press(&digits, key, state.counter()?.currency))
}

#[tauri::command]
pub async fn charge(
    state: State<'_, AppState>,
    digits: String,
    reference: Option<String>,
) -> Result<Charged, IpcError> {
    let c = state.counter()?;
    let amount = keypad::amount(&digits, c.currency)?;
    let sale_id = c.till.charge(amount, reference.as_deref())?;
    Ok(Charged { sale_id })
}

#[tauri::command]
pub fn cancel_sale(state: State<'_, AppState>, sale_id: String) -> Result<(), IpcError> {
    Ok(state.counter()?.till.cancel(&sale_id)?)
}

/// The sale on screen with its status line in words.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaleOnScreen {
    #[serde(flatten)]
    view: SaleView,
    status_text: String,
}

#[tauri::command]
pub fn current_sale(state: State<'_, AppState>) -> Result<Option<SaleOnScreen>, IpcError> {
    Ok(state
        .counter()?
        .till
        .current_sale()
        .map(|view| SaleOnScreen {
            status_text: kassa_boot::words::view_text(&view),
            view,
        }))
}

#[tauri::command]
pub fn today_sales(state: State<'_, AppState>) -> Result<DayReport, IpcError> {
    let c = state.counter()?;
    Ok(kassa_boot::today(Ledger::Counter(&c), DAY_LIST_LIMIT)?)
}

/// A payment that needs the merchant (a refund by hand), as the banner shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attention {
    sale_id: String,
    payment_id: String,
    amount_display: String,
    message: String,
}

/// The journal's needs-attention notes, so a restart never hides one.
#[tauri::command]
pub fn attention_items(state: State<'_, AppState>) -> Result<Vec<Attention>, IpcError> {
    let items = state.counter()?.till.attention_items()?;
    Ok(items
        .into_iter()
        .map(|a| Attention {
            payment_id: a.payment_id.unwrap_or_default(),
            amount_display: a.amount.display(),
            message: a.note,
            sale_id: a.sale_id,
        })
        .collect())
}

/// "Refunded": the payment was refunded by hand; it leaves the banner for good.
#[tauri::command]
pub fn resolve_attention(state: State<'_, AppState>, payment_id: String) -> Result<(), IpcError> {
    state
        .counter()?
        .till
        .resolve_attention(&payment_id, "refunded by hand (marked in the window)")?;
    Ok(())
}
