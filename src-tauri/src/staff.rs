//! The cashiers' commands (issue 12): who is logged in and who may log in, log in / out and
//! switch, a manager's PIN approving one step, and the staff screen. Unpack, call
//! `kassa_boot` (the session and its checks live there), map errors.

use kassa_boot::session::{Action, Employee, NewStaff, Pin, Role, StaffMember};
use serde::Serialize;
use tauri::State;

use crate::AppState;
use crate::error::IpcError;

/// The login screen and the sale screen's name: who is logged in, the staff who may log
/// in, and the one to log in with one tap (a one-person till).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffView {
    acting: Option<Employee>,
    one_tap: Option<Employee>,
    staff: Vec<StaffMember>,
    /// The acting employee may manage the staff (the staff screen is shown).
    may_manage: bool,
}

fn pin_of(pin: Option<String>) -> Result<Option<Pin>, IpcError> {
    Ok(match pin.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(Pin::parse(text)?),
    })
}

#[tauri::command]
pub fn staff_view(state: State<'_, AppState>) -> Result<StaffView, IpcError> {
    let c = state.counter()?;
    let acting = c.acting();
    Ok(StaffView {
        may_manage: acting.as_ref().is_some_and(|e| e.may(Action::ManageStaff)),
        acting,
        one_tap: c.one_tap()?,
        staff: c.staff()?,
    })
}

#[tauri::command]
pub fn staff_log_in(
    state: State<'_, AppState>,
    id: String,
    pin: Option<String>,
) -> Result<Employee, IpcError> {
    let pin = pin_of(pin)?;
    Ok(state.counter()?.log_in(&id, pin.as_ref())?)
}

#[tauri::command]
pub fn staff_log_out(state: State<'_, AppState>) -> Result<(), IpcError> {
    Ok(state.counter()?.log_out()?)
}

/// A manager's id and PIN approve `action` once for the cashier at the till.
#[tauri::command]
pub fn staff_approve(
    state: State<'_, AppState>,
    action: Action,
    manager_id: String,
    pin: Option<String>,
) -> Result<Employee, IpcError> {
    let pin = pin_of(pin)?;
    Ok(state
        .counter()?
        .approve(action, &manager_id, pin.as_ref())?)
}

#[tauri::command]
pub fn staff_add(
    state: State<'_, AppState>,
    id: String,
    name: String,
    role: Role,
    pin: String,
) -> Result<StaffMember, IpcError> {
    let pin = Pin::parse(&pin)?;
    Ok(state.counter()?.add_employee(&NewStaff {
        id: &id,
        name: &name,
        role,
        pin,
    })?)
}

#[tauri::command]
pub fn staff_set_pin(state: State<'_, AppState>, id: String, pin: String) -> Result<(), IpcError> {
    let pin = Pin::parse(&pin)?;
    Ok(state.counter()?.set_pin(&id, &pin)?)
}

#[tauri::command]
pub fn staff_set_role(state: State<'_, AppState>, id: String, role: Role) -> Result<(), IpcError> {
    Ok(state.counter()?.set_role(&id, role)?)
}

#[tauri::command]
pub fn staff_set_active(
    state: State<'_, AppState>,
    id: String,
    active: bool,
) -> Result<(), IpcError> {
    Ok(state.counter()?.set_active(&id, active)?)
}
