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
        IpcError::new(code, said(&e))
    }
}

/// The refusal in the window's language: the Day screen's own words for what the merchant
/// chose (the days) or must set up; what the journal reports is its own sentence.
fn said(e: &SaftExportError) -> String {
    let m = crate::lang::messages();
    match e {
        SaftExportError::BadDay(day) => m.get("saft-bad-day", &[("day", day.into())]),
        SaftExportError::BadPeriod => m.text("saft-bad-period"),
        SaftExportError::NoProfile => m.text("saft-no-profile"),
        SaftExportError::Write { path, why } => m.get(
            "saft-cannot-write",
            &[("path", path.into()), ("why", why.into())],
        ),
        other => other.to_string(),
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
        .map_err(|e| {
            let m = crate::lang::messages();
            let why = e.to_string();
            IpcError::new(
                Code::Refused,
                m.get("saft-no-folder", &[("why", why.into())]),
            )
        })?;
    let c = state.counter()?;
    Ok(saft_export::export_from_counter(
        c.as_ref(),
        &from,
        &to,
        &folder,
        c.now_ms(),
    )?)
}
