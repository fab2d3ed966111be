//! The window reports "keypad ready" once the keypad is on screen with the counter started
//! (journal open), and "first frame" two animation frames later, once that screen has been
//! drawn. Both are logged with the wall-clock time, so a script can measure cold start from
//! process spawn (bench/cold-start.sh), as it does for the bare Tauri floor (bench/floor).

use std::collections::BTreeMap;

use tauri::State;

use crate::AppState;

fn epoch_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// Logs `keypad ready` with `epoch_ms`, whether the journal is open and the page's own
/// start-up steps (milliseconds since it began loading, e.g. `{"modules":120,"words":131}`);
/// returns whether the journal is open.
#[tauri::command]
pub fn keypad_ready(state: State<'_, AppState>, startup: Option<BTreeMap<String, u64>>) -> bool {
    let journal_open = state.counter().is_ok();
    let page = startup
        .unwrap_or_default()
        .iter()
        .map(|(step, ms)| format!("{step}={ms}"))
        .collect::<Vec<_>>()
        .join(",");
    tracing::info!(epoch_ms = epoch_ms(), journal_open, page, "keypad ready");
    journal_open
}

/// Logs `first frame` with `epoch_ms`: the keypad screen has been drawn.
#[tauri::command]
pub fn first_frame() {
    tracing::info!(epoch_ms = epoch_ms(), "first frame");
}
