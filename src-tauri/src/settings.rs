//! The settings screen's commands: show, test, save (and restart the counter), and run the
//! Connect flow. Unpack, call `kassa_boot`, map the error; the rules live there.

use std::path::PathBuf;
use std::sync::{Arc, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kassa_boot::{
    CONNECT_TIMEOUT, Check, ConnectFlow, Keyring, OsRandom, Settings, SettingsForm, SettingsView,
    doctor, open_in_browser,
};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::commands::{AppInfo, app_info_of};
use crate::error::{Code, IpcError};
use crate::{AppState, forward_events, keyring, startup_error};

/// The window event that reports the end of a Connect flow.
pub const CONNECT_EVENT: &str = "connect";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectStarted {
    /// The address the browser was (or must be) sent to.
    url: String,
    /// The system browser was opened.
    opened: bool,
}

/// One account the merchant may pick as the receiving one.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectAccount {
    destination_id: String,
    name: String,
}

/// The end of one Connect attempt: the accounts to pick from (and confirm), or why it
/// failed and whether "Try again" can start a fresh attempt on the same flow.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectOutcome {
    ok: bool,
    accounts: Vec<ConnectAccount>,
    can_retry: bool,
    message: String,
}

/// The journal path the settings file sits beside.
fn db_path(state: &AppState) -> PathBuf {
    kassa_boot::db_path(&|k: &str| std::env::var(k).ok(), state.default_db.clone())
}

/// The form's settings over the current ones (or bare defaults when those are broken).
fn form_settings(
    state: &AppState,
    form: &SettingsForm,
    keyring: &Keyring,
) -> Result<Settings, IpcError> {
    let base = match state.settings() {
        Ok(s) => s,
        Err(_) => Settings::from_vars(|_| None, db_path(state))?,
    };
    Ok(form.settings(&base, keyring)?)
}

#[tauri::command]
pub fn settings_view(state: State<'_, AppState>) -> Result<SettingsView, IpcError> {
    Ok(SettingsView::load(&db_path(&state), &keyring(), |k| {
        std::env::var(k).ok()
    })?)
}

/// "Test connection": the doctor's checks with the values on screen, saved or not.
#[tauri::command]
pub async fn settings_test(
    state: State<'_, AppState>,
    form: SettingsForm,
) -> Result<Vec<Check>, IpcError> {
    let remember = |passed: bool| {
        *state
            .last_test
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(form.tested(passed));
    };
    let settings = form_settings(&state, &form, &keyring()).inspect_err(|_| remember(false))?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default();
    let checks = doctor(&settings, now, crate::lang::messages()).await;
    remember(checks.iter().all(|c| c.ok));
    Ok(checks)
}

/// Moves the counter to the form's settings and saves them. Refused while a sale is open.
/// The old counter stops before the new one starts (a clean handover: the webhook port and
/// the journal are free); the settings are stored only once the new counter runs, so a
/// restart never picks settings that could not start. If they cannot, the previous ones run
/// again and the error says why.
#[tauri::command]
pub async fn settings_save(
    app: AppHandle,
    state: State<'_, AppState>,
    form: SettingsForm,
) -> Result<AppInfo, IpcError> {
    if state.counter().is_ok_and(|c| c.till.is_busy()) {
        return Err(IpcError::new(
            Code::SaleInProgress,
            "Finish or cancel the open sale before changing the settings",
        ));
    }
    let keyring = keyring();
    let new = form_settings(&state, &form, &keyring)?;
    // A manager's step (training mode when it moves between training and live); asked
    // before the counter is taken, so a refusal leaves it running untouched.
    if let Ok(c) = state.counter() {
        c.check_settings_change(&new)?;
    }
    // A new receiving account, or new credentials not tested (or failed): ask first.
    let last_test = state
        .last_test
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    form.ask_before_save(&db_path(&state), last_test.as_ref())?;
    let info = move_counter(app, &state, new).await?;
    form.save(&db_path(&state), &keyring).map_err(|e| {
        let e = IpcError::from(e);
        IpcError::new(
            e.code,
            format!(
                "Kassa runs on the new settings, but they could not be saved: {}",
                lower_first(&e.message)
            ),
        )
    })?;
    Ok(info)
}

/// Stops the running counter and starts one on `new` (a handover: the webhook port and the
/// journal are free before the new one starts). If `new` cannot start, the previous settings
/// run again and the error says why. No counter ran (it had failed to start): `new` starts
/// or nothing does. The caller refuses first while a sale is open.
pub(crate) async fn move_counter(
    app: AppHandle,
    state: &AppState,
    new: Settings,
) -> Result<AppInfo, IpcError> {
    let counter = match state.take_counter().await? {
        Some(old) => match kassa_boot::handover(old, new).await {
            Ok(counter) => counter,
            Err(failed) => {
                let message = failed.to_string();
                state.replace_counter(match failed.previous {
                    Ok(previous) => {
                        forward_events(app, &previous);
                        Ok(Arc::new(previous))
                    }
                    Err(e) => Err(startup_error(&e)),
                });
                return Err(IpcError::new(Code::Startup, message));
            }
        },
        // No counter ran (it had failed to start): the new settings start or nothing does.
        None => match kassa_boot::start(new).await {
            Ok(counter) => counter,
            Err(e) => {
                state.replace_counter(Err(startup_error(&e)));
                return Err(IpcError::new(
                    Code::Startup,
                    crate::lang::messages().get(
                        "settings-new-could-not-start",
                        &[(
                            "error",
                            kassa_boot::error_words::boot(crate::lang::messages(), &e).into(),
                        )],
                    ),
                ));
            }
        },
    };
    forward_events(app, &counter);
    let info = app_info_of(&counter);
    state.replace_counter(Ok(Arc::new(counter)));
    Ok(info)
}

/// "Connect bank account": starts the flow with the values on screen and opens the
/// browser; each attempt's outcome arrives later as a `connect` event. Nothing is saved here:
/// the window shows the accounts, the merchant picks one and confirms its name, then saves.
#[tauri::command]
pub async fn connect_start(
    app: AppHandle,
    state: State<'_, AppState>,
    form: SettingsForm,
) -> Result<ConnectStarted, IpcError> {
    let settings = form_settings(&state, &form, &keyring())?;
    stop_connect(&state).await;
    let mut flow =
        ConnectFlow::start(&settings, &settings.connect_redirect, Arc::new(OsRandom)).await?;
    let url = flow.url().to_owned();
    let retry = flow.retry_handle();
    let opened = open(&settings, &url);
    let task = tauri::async_runtime::spawn(async move {
        loop {
            let (outcome, more) = match flow.wait(CONNECT_TIMEOUT).await {
                Ok(c) => (
                    ConnectOutcome {
                        ok: true,
                        message: match c.only() {
                            Some(one) => crate::lang::messages()
                                .get("settings-connected-one", &[("account", one.label().into())]),
                            None => crate::lang::messages()
                                .get("settings-connected-many", &[("n", c.accounts.len().into())]),
                        },
                        accounts: c
                            .accounts
                            .iter()
                            .map(|a| ConnectAccount {
                                destination_id: a.id.clone(),
                                name: a.label().to_owned(),
                            })
                            .collect(),
                        can_retry: false,
                    },
                    false,
                ),
                Err(e) => {
                    let can_retry = e.can_try_again();
                    (
                        ConnectOutcome {
                            ok: false,
                            accounts: Vec::new(),
                            can_retry,
                            message: IpcError::from(e).message,
                        },
                        can_retry,
                    )
                }
            };
            if let Err(e) = app.emit(CONNECT_EVENT, &outcome) {
                tracing::warn!(error = %e, "cannot report the Connect outcome to the window");
            }
            if !more {
                break;
            }
        }
    });
    *state.connect.lock().unwrap_or_else(PoisonError::into_inner) = Some((task, retry));
    Ok(ConnectStarted { url, opened })
}

/// "Try again" after a failed attempt: a fresh authorization on the running flow.
#[tauri::command]
pub async fn connect_retry(state: State<'_, AppState>) -> Result<ConnectStarted, IpcError> {
    let retry = state
        .connect
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .map(|(_, retry)| retry.clone());
    let Some(retry) = retry else {
        return Err(IpcError::new(
            Code::Connect,
            "The connection was stopped; press Connect bank account to start again",
        ));
    };
    let url = retry.try_again()?;
    let settings = state.settings().ok();
    let opened = settings.as_ref().is_some_and(|s| open(s, &url));
    Ok(ConnectStarted { url, opened })
}

fn open(settings: &Settings, url: &str) -> bool {
    settings.open_browser
        && open_in_browser(url)
            .map_err(|e| tracing::warn!(error = %e, "the browser did not open"))
            .is_ok()
}

/// Stops waiting for the browser.
#[tauri::command]
pub async fn connect_cancel(state: State<'_, AppState>) -> Result<(), IpcError> {
    stop_connect(&state).await;
    Ok(())
}

async fn stop_connect(state: &AppState) {
    let running = state
        .connect
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    if let Some((task, _)) = running {
        task.abort();
        // Let the aborted listener release its port before a new one binds it.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
