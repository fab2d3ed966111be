//! The shop's hub in the window (issue 14): Settings → Shop's hub (show, connect, the status
//! line) and the Whole shop screen. Unpack, call `kassa_boot` (`hub`, `hub_view`), map errors.

use kassa_boot::hub_view::{self, HubSettingsView, HubStatusLine, ShopScreen};
use kassa_boot::session::Action;
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::AppState;
use crate::commands::AppInfo;
use crate::error::{Code, IpcError};
use crate::lang::messages;

fn env(k: &str) -> Option<String> {
    std::env::var(k).ok()
}

/// The hub's lag: the running counter's, else (it could not start) what the shipper last
/// wrote beside the journal.
fn lag(state: &AppState) -> Option<kassa_boot::hub::HubLag> {
    match state.counter() {
        Ok(c) => c.hub_lag(),
        Err(_) => state.settings().ok().and_then(|s| kassa_boot::hub::lag(&s)),
    }
}

/// Settings → Shop's hub: the address without its password, whether the environment sets
/// it, whether a password is kept, the status line.
#[tauri::command]
pub fn hub_settings(state: State<'_, AppState>) -> Result<HubSettingsView, IpcError> {
    let settings = state.settings()?;
    Ok(hub_view::settings_view(
        &settings,
        env,
        lag(&state).as_ref(),
        messages(),
    ))
}

/// The status line, asked every few seconds while Settings is open.
#[tauri::command]
pub fn hub_status(state: State<'_, AppState>) -> HubStatusLine {
    hub_view::status_line(messages(), lag(&state).as_ref())
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HubConnected {
    message: String,
    /// The counter started again on the new hub.
    info: AppInfo,
}

/// Connect: a manager's step, refused while a sale is open (the counter restarts). The hub
/// is tested and this till registered before anything is saved; then the counter moves to
/// the saved settings, so it ships to the new hub at once.
#[tauri::command]
pub async fn hub_connect(
    app: AppHandle,
    state: State<'_, AppState>,
    url: String,
    password: String,
) -> Result<HubConnected, IpcError> {
    if let Ok(c) = state.counter() {
        if c.till.is_busy() {
            return Err(IpcError::new(
                Code::SaleInProgress,
                messages().text("hub-sale-open"),
            ));
        }
        // Asked before anything is tested or saved; the handover uses the approval up.
        c.check(Action::Settings)?;
    }
    let connected = hub_view::connect_typed(&state.settings()?, &url, &password).await?;
    let info = crate::settings::move_counter(app, &state, state.settings()?).await?;
    Ok(HubConnected {
        message: connected.words(messages()),
        info,
    })
}

/// The Whole shop screen for `day` (`YYYY-MM-DD`, empty for today), `mode` `x` or `z`.
#[tauri::command]
pub async fn hub_shop_report(
    state: State<'_, AppState>,
    mode: String,
    day: String,
) -> Result<ShopScreen, IpcError> {
    let c = state.counter()?;
    Ok(c.shop_screen(hub_view::mode_of(&mode), &day, messages())
        .await?)
}
