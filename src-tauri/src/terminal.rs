//! The terminal API beside the window's counter (issue 16, docs/terminal-api.md): a
//! register's payment opens a sale on this counter and its QR code comes on screen. On when
//! `KASSA_TERMINAL_TOKEN` is set; the rest is `kassa_terminal::host`'s.

use tauri::Manager;

use crate::AppState;

/// Starts serving registers when the environment asks for it. The service finds the
/// counter at each request, so saving new settings replaces it underneath (registers are
/// told Kassa is busy meanwhile).
pub fn start(app: tauri::AppHandle) {
    let settings =
        match kassa_terminal::host::TerminalSettings::from_vars(|k| std::env::var(k).ok()) {
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
