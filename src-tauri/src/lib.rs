//! The desktop shell: starts the counter, hands engine events to the window, and exposes
//! thin commands. All business logic lives in the Tauri-free crates under `crates/`.

mod commands;
mod error;
mod ready;

use kassa_boot::{Counter, Settings};
use tauri::{Emitter, Manager};
use tokio::sync::broadcast::error::RecvError;

use crate::error::{Code, IpcError};

/// The counter, or why it could not start (shown to the cashier instead of crashing).
pub struct AppState(Result<Counter, String>);

impl AppState {
    fn counter(&self) -> Result<&Counter, IpcError> {
        self.0
            .as_ref()
            .map_err(|m| IpcError::new(Code::Startup, m.clone()))
    }
}

/// The window's single event stream; every engine event goes out under this name.
pub const TILL_EVENT: &str = "till";

pub fn run() {
    init_logging();
    let app = tauri::Builder::default()
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            let state = start_counter(data_dir.join("kassa.db"));
            if let Ok(counter) = &state {
                forward_events(app.handle().clone(), counter);
            }
            app.manage(AppState(state));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::keypad_show,
            commands::keypad_press,
            commands::charge,
            commands::cancel_sale,
            commands::current_sale,
            commands::today_sales,
            ready::keypad_ready,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = app {
        tracing::error!(error = %e, "Kassa stopped with an error");
        std::process::exit(1);
    }
}

fn start_counter(default_db: std::path::PathBuf) -> Result<Counter, String> {
    let keyring = kassa_boot::Keyring::default();
    let settings = Settings::load(|k| std::env::var(k).ok(), default_db, &keyring)
        .map_err(|e| format!("Kassa could not read its settings: {e}"))?;
    tracing::info!(db = %settings.db_path.display(), mode = ?settings.mode(), "starting the counter");
    tauri::async_runtime::block_on(kassa_boot::start(settings)).map_err(|e| {
        tracing::error!(error = %e, "the counter could not start");
        format!("Kassa could not start: {e}")
    })
}

/// The one place engine events become window events.
fn forward_events(app: tauri::AppHandle, counter: &Counter) {
    let mut events = counter.till.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(event) => {
                    if let Err(e) = app.emit(TILL_EVENT, &event) {
                        tracing::warn!(error = %e, "cannot deliver an event to the window");
                    }
                }
                Err(RecvError::Lagged(n)) => tracing::warn!(missed = n, "the window fell behind"),
                Err(RecvError::Closed) => break,
            }
        }
    });
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KASSA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
