//! The books side's commands (issue 11): a sale's detail and search, returns, the bank
//! transfers to make, the X and Z reports. Unpack, call `kassa_boot::daybook`, map errors.

use kassa_boot::daybook::{
    self, DaybookError, Paper, ReportShown, ReturnView, SaleDetailView, TransferView, Transfers,
    ZListed,
};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use crate::AppState;
use crate::error::{Code, IpcError};

impl From<DaybookError> for IpcError {
    fn from(e: DaybookError) -> Self {
        let e = match e {
            DaybookError::Session(s) => return s.into(),
            other => other,
        };
        let code = match &e {
            DaybookError::NotFound(_)
            | DaybookError::NoZ(_)
            | DaybookError::Books(kassa_boot::books::BooksError::NoSuchSale(_)) => Code::NotFound,
            DaybookError::Amount(_) => Code::InvalidAmount,
            e if e.is_journal_failure() => Code::Journal,
            DaybookError::NoProfile | DaybookError::Vat(_) => Code::Settings,
            _ => Code::Refused,
        };
        tracing::warn!(error = %e, ?code, "books step refused");
        IpcError::new(code, e.message(crate::lang::messages()))
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Found {
    sale_id: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Said {
    message: String,
}

#[tauri::command]
pub fn sale_detail(
    state: State<'_, AppState>,
    sale_id: String,
) -> Result<SaleDetailView, IpcError> {
    let c = state.counter()?;
    Ok(daybook::sale_detail(c.as_ref(), &sale_id, c.now_ms())?)
}

#[tauri::command]
pub fn find_sale(state: State<'_, AppState>, query: String) -> Result<Found, IpcError> {
    let sale_id = daybook::find_sale(state.counter()?.as_ref(), &query)?;
    Ok(Found { sale_id })
}

#[tauri::command]
pub fn return_preview(
    state: State<'_, AppState>,
    sale_id: String,
    amount: Option<String>,
) -> Result<ReturnView, IpcError> {
    Ok(daybook::return_preview(
        state.counter()?.as_ref(),
        &sale_id,
        amount.as_deref(),
    )?)
}

#[tauri::command]
pub fn return_sale(
    state: State<'_, AppState>,
    sale_id: String,
    amount: Option<String>,
    reason: String,
) -> Result<ReturnView, IpcError> {
    let c = state.counter()?;
    Ok(daybook::return_sale(
        c.as_ref(),
        &sale_id,
        amount.as_deref(),
        &reason,
        c.now_ms(),
    )?)
}

/// One print of receipt `number` through the system dialog (recorded as "dialog").
#[tauri::command]
pub fn receipt_number_print(state: State<'_, AppState>, number: i64) -> Result<Paper, IpcError> {
    let c = state.counter()?;
    Ok(daybook::print_receipt_number(
        c.as_ref(),
        number,
        c.now_ms(),
    )?)
}

#[tauri::command]
pub fn bank_transfers(state: State<'_, AppState>) -> Result<Transfers, IpcError> {
    Ok(daybook::bank_transfers(state.counter()?.as_ref())?)
}

#[tauri::command]
pub fn transfer_for_payment(
    state: State<'_, AppState>,
    payment_id: String,
) -> Result<TransferView, IpcError> {
    let c = state.counter()?;
    Ok(daybook::transfer_for_payment(
        c.as_ref(),
        &payment_id,
        c.now_ms(),
    )?)
}

#[tauri::command]
pub fn mark_transfer_sent(
    state: State<'_, AppState>,
    id: i64,
    note: String,
) -> Result<TransferView, IpcError> {
    let c = state.counter()?;
    Ok(daybook::mark_transfer_sent(
        c.as_ref(),
        id,
        &note,
        c.now_ms(),
    )?)
}

#[tauri::command]
pub fn report_x(state: State<'_, AppState>) -> Result<ReportShown, IpcError> {
    let c = state.counter()?;
    Ok(daybook::report_x(c.as_ref(), c.now_ms())?)
}

#[tauri::command]
pub fn z_report(state: State<'_, AppState>, number: i64) -> Result<ReportShown, IpcError> {
    let c = state.counter()?;
    Ok(daybook::z_report(c.as_ref(), number, c.now_ms())?)
}

#[tauri::command]
pub fn z_reports(state: State<'_, AppState>) -> Result<Vec<ZListed>, IpcError> {
    Ok(daybook::z_reports(state.counter()?.as_ref())?)
}

#[tauri::command]
pub fn close_day(state: State<'_, AppState>) -> Result<ReportShown, IpcError> {
    let c = state.counter()?;
    Ok(daybook::close_day(c.as_ref(), c.now_ms())?)
}

/// Print (system dialog): the report's paper as HTML; the window prints it.
#[tauri::command]
pub fn report_print(
    state: State<'_, AppState>,
    number: Option<i64>,
) -> Result<ReportShown, IpcError> {
    let c = state.counter()?;
    let c = c.as_ref();
    Ok(match number {
        None => daybook::report_x(c, c.now_ms())?,
        Some(n) => daybook::z_report(c, n, c.now_ms())?,
    })
}

/// Printer: the report to the shop's network printer (ESC/POS).
#[tauri::command]
pub async fn report_to_printer(
    state: State<'_, AppState>,
    number: Option<i64>,
) -> Result<Said, IpcError> {
    let c = state.counter()?;
    let message = daybook::report_to_printer(c.as_ref(), number, c.now_ms()).await?;
    Ok(Said { message })
}

/// Save PDF: into `<app data>/reports`.
#[tauri::command]
pub fn report_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    number: Option<i64>,
) -> Result<Said, IpcError> {
    let folder = app
        .path()
        .app_data_dir()
        .map(|d| d.join("reports"))
        .map_err(|e| {
            let m = crate::lang::messages();
            let why = e.to_string();
            IpcError::new(
                Code::Refused,
                m.get("books-error-no-report-folder", &[("why", why.into())]),
            )
        })?;
    let c = state.counter()?;
    let message = daybook::report_pdf(c.as_ref(), number, &folder, c.now_ms())?;
    Ok(Said { message })
}
