//! The terminal API beside the window's counter (issue 16, docs/terminal-api.md): a
//! register's payment opens a sale on this counter and its QR code comes on screen. On when
//! a token is set (`KASSA_TERMINAL_TOKEN`, or kept in the keyring by a manager's `kassa
//! terminal token --new`); the rest is `kassa_terminal::host`'s.

use tauri::Manager;

use crate::AppState;

/// Starts serving registers when the environment asks for it. The service finds the
/// counter at each request, so saving new settings replaces it underneath (registers are
/// told Kassa is busy meanwhile).
pub fn start(app: tauri::AppHandle) {
    // The token a manager made (`kassa terminal token --new`), unless the environment gives one.
    let stored = match kassa_terminal::host::stored_token(&crate::keyring()) {
        Ok(t) => t,
        Err(e) => {
            tracing::warn!(error = %e, "the registers' token could not be read from the keyring");
            None
        }
    };
    let settings = match kassa_terminal::host::TerminalSettings::from_vars_or(
        |k| std::env::var(k).ok(),
        stored,
    ) {
        Ok(Some(s)) => s,
        Ok(None) => return,
        Err(e) => {
            tracing::error!(error = %e, "the terminal API is off");
            return;
        }
    };
    let source_app = app.clone();
    let source: kassa_terminal::CounterSource = Box::new(move || {
        source_app
            .try_state::<AppState>()
            .and_then(|s| s.running_counter())
    });
    tauri::async_runtime::spawn(async move {
        match kassa_terminal::host::start(settings, source).await {
            Ok(serving) => {
                tracing::info!(url = %serving.url, fingerprint = ?serving.fingerprint, "serving registers (the terminal API)");
            }
            Err(e) => tracing::error!(error = %e, "the terminal API could not start"),
        }
    });
}
