//! The terminal API beside the window's counter (issue 16, docs/terminal-api.md): a
//! register's payment opens a sale on this counter and its QR code comes on screen. On when
//! a token is set: made in Settings → Registers (a manager's step, kept in the OS keyring),
//! by `kassa terminal token --new`, or in `KASSA_TERMINAL_TOKEN`. The rest is
//! `kassa_terminal::host`'s; these commands only unpack, call and map errors.

use serde::Serialize;
use tauri::{Manager, State};

use crate::AppState;
use crate::error::{Code, IpcError};

/// Settings → Registers as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TerminalView {
    /// Where registers reach Kassa, while it serves them.
    pub url: Option<String>,
    /// The TLS certificate's SHA-256 fingerprint, to pair the register.
    pub fingerprint: Option<String>,
    /// A token is set (its value is never shown again).
    pub token_set: bool,
    /// `KASSA_TERMINAL_TOKEN` gives the token: Settings cannot change it.
    pub from_env: bool,
}

fn env_token() -> bool {
    kassa_terminal::host::env_token(|k| std::env::var(k).ok()).is_some()
}

fn secret_error(e: &kassa_boot::SecretError) -> IpcError {
    IpcError::new(
        Code::Settings,
        kassa_boot::error_words::secret(crate::lang::messages(), e),
    )
}

fn serve_error(e: &kassa_terminal::ServeError) -> IpcError {
    tracing::error!(error = %e, "the terminal API could not start");
    IpcError::new(
        Code::Settings,
        crate::lang::messages().get(
            "settings-terminal-cannot",
            &[("error", e.to_string().into())],
        ),
    )
}

/// The settings for serving with `token` (the address and certificate from the
/// environment).
fn settings_with(
    token: Option<String>,
) -> Result<Option<kassa_terminal::host::TerminalSettings>, IpcError> {
    kassa_terminal::host::TerminalSettings::from_vars_or(|k| std::env::var(k).ok(), token)
        .map_err(|e| IpcError::new(Code::Settings, e.to_string()))
}

async fn serve(
    app: &tauri::AppHandle,
    settings: kassa_terminal::host::TerminalSettings,
) -> Result<kassa_terminal::host::Serving, kassa_terminal::ServeError> {
    let source_app = app.clone();
    let source: kassa_terminal::CounterSource = Box::new(move || {
        source_app
            .try_state::<AppState>()
            .and_then(|s| s.running_counter())
    });
    // Kassa's own certificate (KASSA_TERMINAL_TLS=1) is kept beside the journal.
    let dir = app
        .try_state::<AppState>()
        .and_then(|s| s.db_path().parent().map(std::path::Path::to_path_buf))
        .unwrap_or_default();
    let serving = kassa_terminal::host::start(settings, source, &dir).await?;
    tracing::info!(url = %serving.url, fingerprint = ?serving.fingerprint, "serving registers (the terminal API)");
    Ok(serving)
}

/// Starts serving registers at start when a token is set. The service finds the counter at
/// each request, so saving new settings replaces it underneath (registers are told Kassa is
/// busy meanwhile).
pub fn start(app: tauri::AppHandle) {
    let stored = match kassa_terminal::host::stored_token(&crate::keyring()) {
        Ok(t) => t,
        Err(e) => {
            tracing::warn!(error = %e, "the registers' token could not be read from the keyring");
            None
        }
    };
    let settings = match settings_with(stored) {
        Ok(Some(s)) => s,
        Ok(None) => return,
        Err(e) => {
            tracing::error!(error = %e.message, "the terminal API is off");
            return;
        }
    };
    tauri::async_runtime::spawn(async move {
        if let Ok(serving) = serve(&app, settings).await
            && let Some(state) = app.try_state::<AppState>()
        {
            state.set_terminal(Some(serving));
        }
    });
}

#[tauri::command]
pub fn terminal_view(state: State<'_, AppState>) -> Result<TerminalView, IpcError> {
    let serving = state.terminal();
    let token_set = match &serving {
        Some(s) => s.has_token(),
        None => kassa_terminal::host::stored_token(&crate::keyring())
            .map_err(|e| secret_error(&e))?
            .is_some(),
    };
    Ok(TerminalView {
        url: serving
            .as_ref()
            .filter(|s| s.has_token())
            .map(|s| s.url.clone()),
        fingerprint: serving.and_then(|s| s.fingerprint),
        token_set,
        from_env: env_token(),
    })
}

/// Makes a new token (a manager's step), kept in the keyring: the register gets it once.
/// The server takes it at once, and starts if it was not running.
#[tauri::command]
pub async fn terminal_new_token(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<String, IpcError> {
    if env_token() {
        return Err(IpcError::new(
            Code::Settings,
            crate::lang::messages().text("settings-terminal-env"),
        ));
    }
    let counter = state.counter()?;
    let token = counter.approved(kassa_boot::session::Action::Settings, |_| {
        kassa_terminal::host::new_token(&crate::keyring()).map_err(|e| secret_error(&e))
    })?;
    drop(counter);
    match state.terminal() {
        Some(serving) => serving
            .set_token(Some(&token))
            .map_err(|e| serve_error(&e))?,
        None => {
            if let Some(settings) = settings_with(Some(token.clone()))? {
                let serving = serve(&app, settings).await.map_err(|e| serve_error(&e))?;
                state.set_terminal(Some(serving));
            }
        }
    }
    Ok(token)
}

/// Removes the token (a manager's step): the server refuses every register from now on.
#[tauri::command]
pub fn terminal_remove_token(state: State<'_, AppState>) -> Result<(), IpcError> {
    if env_token() {
        return Err(IpcError::new(
            Code::Settings,
            crate::lang::messages().text("settings-terminal-env"),
        ));
    }
    let counter = state.counter()?;
    counter.approved(kassa_boot::session::Action::Settings, |_| {
        kassa_terminal::host::remove_token(&crate::keyring()).map_err(|e| secret_error(&e))
    })?;
    if let Some(serving) = state.terminal() {
        serving.set_token(None).map_err(|e| serve_error(&e))?;
    }
    Ok(())
}
