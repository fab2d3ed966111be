//! Tauri commands: unpack, call the core, map the error. Nothing else lives here.

use kassa_boot::{Counter, DayReport, Ledger, Mode, RefundDue, SaleOnScreen, TrainingBank};
use kassa_money::keypad::{self, Entry, Key};
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
    /// On the built-in sandbox: whether phones on the shop's network can open its codes.
    training_bank: Option<TrainingBank>,
}

/// The most sales the day list shows.
const DAY_LIST_LIMIT: u32 = 200;

pub(crate) fn app_info_of(c: &Counter) -> AppInfo {
    AppInfo {
        mode: c.mode,
        api_url: c.api_url.clone(),
        currency: c.currency,
        version: env!("CARGO_PKG_VERSION"),
        training_bank: c.training_bank(),
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
pub fn cancel_sale(state: State<'_, AppState>, sale_id: String) -> Result<(), IpcError> {
    Ok(state.counter()?.cancel(&sale_id)?)
}

#[tauri::command]
pub fn current_sale(state: State<'_, AppState>) -> Result<Option<SaleOnScreen>, IpcError> {
    Ok(state.counter()?.sale_on_screen(crate::lang::messages()))
}

#[tauri::command]
pub fn today_sales(state: State<'_, AppState>) -> Result<DayReport, IpcError> {
    let c = state.counter()?;
    Ok(kassa_boot::today(Ledger::Counter(&c), DAY_LIST_LIMIT)?)
}

/// The journal's needs-attention notes, so a restart never hides one.
#[tauri::command]
pub fn attention_items(state: State<'_, AppState>) -> Result<Vec<RefundDue>, IpcError> {
    Ok(state.counter()?.refunds_due()?)
}
