//! The SAF-T Cash Register export from the Day screen (issue 12): unpack, call
//! `kassa_boot::saft_export`, map errors. The file goes into `<app data>/exports` under the
//! tax office's file name; the export is journaled (event 13020).

use kassa_boot::saft_export::{self, CounterExport, SaftExportError};
use tauri::{AppHandle, Manager, State};

use crate::AppState;
use crate::error::{Code, IpcError};

impl From<SaftExportError> for IpcError {
    fn from(e: SaftExportError) -> Self {
        if let SaftExportError::Session(e) = e {
            return e.into();
        }
        let code = match &e {
            SaftExportError::NoProfile | SaftExportError::Vat(_) => Code::Settings,
            e if e.is_usage() => Code::Refused,
            SaftExportError::Journal(_) | SaftExportError::Corrupt(_) => Code::Journal,
            _ => Code::Refused,
        };
        tracing::warn!(error = %e, ?code, "SAF-T export refused");
        IpcError::new(code, e.to_string())
    }
}

/// Exports the days `from` to `to` (`YYYY-MM-DD`, both included).
#[tauri::command]
pub fn export_saft(
    app: AppHandle,
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<CounterExport, IpcError> {
    let folder = app
        .path()
        .app_data_dir()
        .map(|d| d.join("exports"))
        .map_err(|e| IpcError::new(Code::Refused, format!("No folder for exports: {e}")))?;
    let c = state.counter()?;
    Ok(saft_export::export_from_counter(
        c.as_ref(),
        &from,
        &to,
        &folder,
        c.now_ms(),
    )?)
}
