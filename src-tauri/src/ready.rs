//! The window reports "keypad ready" once it has drawn the keypad with the counter started
//! (journal open). Logged with the wall-clock time, so a script can measure cold start from
//! process spawn (bench/cold-start.sh).

use tauri::State;

use crate::AppState;

/// Logs `keypad ready` with `epoch_ms` and whether the journal is open; returns the latter.
#[tauri::command]
pub fn keypad_ready(state: State<'_, AppState>) -> bool {
    let journal_open = state.counter().is_ok();
    let epoch_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    tracing::info!(epoch_ms, journal_open, "keypad ready");
    journal_open
}
