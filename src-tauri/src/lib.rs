//! The desktop shell: starts the counter, hands engine events to the window, and exposes
//! thin commands. All business logic lives in the Tauri-free crates under `crates/`.

mod books;
mod commands;
mod customer;
mod error;
mod hub;
mod lang;
mod ready;
mod saft;
mod settings;
mod shop;
mod staff;
mod terminal;
mod webview;

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, PoisonError, RwLock};
use std::time::Duration;

use kassa_boot::{Counter, Settings};
use tauri::{Emitter, Manager};
use tokio::sync::broadcast::error::RecvError;

use crate::error::{Code, IpcError};

/// The running counter (or why it could not start, shown to the cashier instead of
/// crashing), replaced when the merchant saves new settings.
pub struct AppState {
    counter: RwLock<Result<Arc<Counter>, String>>,
    /// Whether the first counter has started (or failed to): it starts beside the window's
    /// page load, and a command that needs it waits until then.
    started: Started,
    default_db: PathBuf,
    /// The Connect flow under way, if any; a new one or "Cancel" stops it.
    /// The running Connect flow's waiting task and its "Try again" handle.
    connect: Mutex<
        Option<(
            tauri::async_runtime::JoinHandle<()>,
            kassa_boot::ConnectRetry,
        )>,
    >,
    /// The last "Test connection" and the form contents it ran on (a digest), for Save to
    /// ask first after a failed or missing test.
    last_test: Mutex<Option<kassa_boot::TestRecord>>,
    /// The terminal API, while it serves registers (`terminal.rs`).
    terminal: Mutex<Option<kassa_terminal::host::Serving>>,
}

/// Set once the first counter's start has ended, however it ended.
#[derive(Default)]
struct Started {
    done: Mutex<bool>,
    changed: Condvar,
}

impl Started {
    /// The longest a command waits for the first counter (a start that hangs this long is
    /// the keyring or the disk, and the window says the counter is not there).
    const PATIENCE: Duration = Duration::from_secs(60);

    fn set(&self) {
        *self.done.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.changed.notify_all();
    }

    fn wait(&self) {
        let done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        let _done = self
            .changed
            .wait_timeout_while(done, Self::PATIENCE, |done| !*done)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// Sets [`Started`] when dropped, so a start that panics still lets the commands go on.
struct SetWhenDone(tauri::AppHandle);

impl Drop for SetWhenDone {
    fn drop(&mut self) {
        if let Some(state) = self.0.try_state::<AppState>() {
            state.started.set();
        }
    }
}

impl AppState {
    fn counter(&self) -> Result<Arc<Counter>, IpcError> {
        self.started.wait();
        self.counter
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(Arc::clone)
            .map_err(|m| IpcError::new(Code::Startup, m.clone()))
    }

    /// The running counter, without waiting (none while it starts, fails or is handed over).
    fn running_counter(&self) -> Option<Arc<Counter>> {
        self.counter
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .ok()
            .map(Arc::clone)
    }

    fn terminal(&self) -> Option<kassa_terminal::host::Serving> {
        self.terminal
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set_terminal(&self, serving: Option<kassa_terminal::host::Serving>) {
        *self.terminal.lock().unwrap_or_else(PoisonError::into_inner) = serving;
    }

    fn replace_counter(&self, counter: Result<Arc<Counter>, String>) {
        *self.counter.write().unwrap_or_else(PoisonError::into_inner) = counter;
    }

    /// Takes the running counter out of the state to stop it (a handover), once no command
    /// still holds it; meanwhile commands are told Kassa is switching. `Ok(None)`: no
    /// counter was running (it had failed to start). Refused, and the counter left in
    /// place, if a command holds on to it for more than a few seconds.
    async fn take_counter(&self) -> Result<Option<Counter>, IpcError> {
        self.started.wait();
        let taken = std::mem::replace(
            &mut *self.counter.write().unwrap_or_else(PoisonError::into_inner),
            Err(lang::messages().text("app-switching")),
        );
        let mut shared = match taken {
            Ok(c) => c,
            Err(_) => return Ok(None),
        };
        for _ in 0..250 {
            match Arc::try_unwrap(shared) {
                Ok(counter) => return Ok(Some(counter)),
                Err(still_shared) => shared = still_shared,
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.replace_counter(Ok(shared));
        Err(IpcError::new(
            Code::Startup,
            lang::messages().text("app-busy"),
        ))
    }

    /// The journal's path (`KASSA_DB`, else the app's data folder); settings.json is beside it.
    fn db_path(&self) -> PathBuf {
        kassa_boot::db_path(&|k: &str| std::env::var(k).ok(), self.default_db.clone())
    }

    /// The settings as they are now: environment, settings file, keyring.
    fn settings(&self) -> Result<Settings, IpcError> {
        load_settings(self.default_db.clone()).map_err(|m| IpcError::new(Code::Settings, m))
    }
}

/// The window's single event stream; every engine event goes out under this name.
pub const TILL_EVENT: &str = "till";

/// How the app names itself as the journal's owner (a second start is refused with it).
pub const APP_OWNER: &str = "the Kassa app";

pub fn run() {
    init_logging();
    let app = tauri::Builder::default()
        // First of all: a second launch hands over to the running window and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tracing::info!("Kassa was launched again; showing the running window");
            show_main_window(app);
        }))
        .setup(|app| {
            // Before anything else, so the page's first frame is drawn with them.
            if let Some(window) = app.get_webview_window("main") {
                webview::apply(&window, webview::settings());
            }
            let default_db = app.path().app_data_dir()?.join("kassa.db");
            // The window's first words are in the saved language, even when the counter
            // cannot start.
            kassa_boot::adopt_saved_language(&kassa_boot::db_path(
                &|k: &str| std::env::var(k).ok(),
                default_db.clone(),
            ));
            app.manage(AppState {
                counter: RwLock::new(Err(lang::messages().text("app-starting"))),
                started: Started::default(),
                default_db: default_db.clone(),
                connect: Mutex::new(None),
                last_test: Mutex::new(None),
                terminal: Mutex::new(None),
            });
            // The counter (journal, sandbox, keyring, resume) starts beside the page load,
            // off the main thread that serves the page; commands that need it wait for it.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let started = SetWhenDone(handle.clone());
                let counter = start_counter(default_db.clone()).await;
                let db = kassa_boot::db_path(&|k: &str| std::env::var(k).ok(), default_db);
                let customer_window =
                    customer::setup(&handle, counter.as_ref().ok().map(|c| c.as_ref()), db);
                if let Ok(counter) = &counter {
                    forward_events(handle.clone(), counter);
                }
                if let Some(state) = handle.try_state::<AppState>() {
                    state.replace_counter(counter);
                }
                terminal::start(handle.clone());
                // Commands go on now; a window is built on the main thread, which one of them
                // may have held while it waited.
                drop(started);
                if customer_window {
                    customer::open_at_start(&handle);
                }
            });
            pull_from_hub(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            lang::ui_messages,
            lang::set_language,
            commands::keypad_show,
            commands::keypad_press,
            commands::cancel_sale,
            commands::current_sale,
            commands::today_sales,
            commands::attention_items,
            customer::customer_view,
            customer::customer_language,
            customer::customer_cleared,
            customer::customer_display,
            customer::customer_display_set,
            shop::shop_info,
            shop::cart_view,
            shop::charge_cart,
            shop::reference_check,
            shop::cash_change,
            shop::pay_cash,
            shop::pay_card,
            shop::sale_receipt,
            shop::receipt_print,
            shop::receipt_to_printer,
            shop::receipt_pdf,
            shop::shop_view,
            shop::shop_save,
            settings::settings_view,
            settings::settings_test,
            settings::settings_save,
            settings::connect_start,
            settings::connect_cancel,
            settings::connect_retry,
            terminal::terminal_view,
            terminal::terminal_new_token,
            terminal::terminal_remove_token,
            hub::hub_settings,
            hub::hub_status,
            hub::hub_connect,
            hub::hub_shop_report,
            ready::keypad_ready,
            ready::first_frame,
            books::sale_detail,
            books::find_sale,
            books::return_preview,
            books::return_sale,
            books::receipt_number_print,
            books::bank_transfers,
            books::transfer_for_payment,
            books::mark_transfer_sent,
            books::report_x,
            books::z_report,
            books::z_reports,
            books::close_day,
            books::report_print,
            books::report_pdf,
            books::report_to_printer,
            saft::export_saft,
            staff::staff_view,
            staff::staff_log_in,
            staff::staff_log_out,
            staff::staff_approve,
            staff::staff_add,
            staff::staff_set_pin,
            staff::staff_set_role,
            staff::staff_set_active,
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|handle, event| {
            // The window closes: the application shut down is journaled (13002) with who
            // was logged in.
            if let tauri::RunEvent::Exit = event
                && let Some(state) = handle.try_state::<AppState>()
                && let Ok(counter) = state.counter()
                && let Err(e) =
                    counter.record_event(kassa_boot::session::JournalEvent::AppShutDown, "")
            {
                tracing::warn!(error = %e, "the shut down could not be journaled");
            }
        }),
        Err(e) => {
            tracing::error!(error = %e, "Kassa stopped with an error");
            std::process::exit(1);
        }
    }
}

/// Brings the counter's window to the front (a second launch of the app).
fn show_main_window(app: &tauri::AppHandle) {
    let Some(window) = app.get_webview_window("main") else {
        tracing::warn!("no main window to show");
        return;
    };
    for (what, done) in [
        ("unminimize", window.unminimize()),
        ("show", window.show()),
        ("focus", window.set_focus()),
    ] {
        if let Err(e) = done {
            tracing::warn!(error = %e, "cannot {what} the window");
        }
    }
}

/// The OS keyring entries this counter uses (`KASSA_KEYRING_SERVICE` can name its own).
fn keyring() -> kassa_boot::Keyring {
    kassa_boot::Keyring::from_env(|k| std::env::var(k).ok())
}

fn load_settings(default_db: PathBuf) -> Result<Settings, String> {
    let keyring = keyring();
    let mut settings =
        Settings::load(|k| std::env::var(k).ok(), default_db, &keyring).map_err(|e| {
            lang::messages().get(
                "app-settings-unreadable",
                &[(
                    "error",
                    kassa_boot::error_words::config(lang::messages(), &e).into(),
                )],
            )
        })?;
    settings.owner = APP_OWNER.to_owned();
    kassa_boot::set_language_setting(settings.language.map(kassa_boot::Lang::code));
    Ok(settings)
}

async fn start_counter(default_db: PathBuf) -> Result<Arc<Counter>, String> {
    let settings = load_settings(default_db)?;
    tracing::info!(db = %settings.db_path.display(), mode = ?settings.mode(), "starting the counter");
    kassa_boot::start(settings)
        .await
        .map(Arc::new)
        .map_err(|e| startup_error(&e))
}

/// The screen's sentence for a counter that could not start, e.g. "Kassa could not start:
/// the journal … is in use by kassa charge (pid 1234): close it first, or use `kassa status`
/// to look without selling".
fn startup_error(e: &kassa_boot::BootError) -> String {
    tracing::error!(error = %e, "the counter could not start");
    let m = lang::messages();
    m.get(
        "app-could-not-start",
        &[("error", kassa_boot::error_words::boot(m, e).into())],
    )
}

/// How often the app takes the hub's newer shop settings and cashiers.
const HUB_PULL: std::time::Duration = std::time::Duration::from_secs(60);

/// Takes the hub's newer shop settings and cashiers now and then, for whichever counter
/// runs (none without a hub). A hub away is said in the log; the till sells on.
fn pull_from_hub(app: tauri::AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            if let Some(counter) = app.try_state::<AppState>().and_then(|s| s.counter().ok()) {
                match counter.pull_from_hub().await {
                    Ok(p) if p.shop.is_some() || p.staff.is_some() => {
                        tracing::info!(shop = ?p.shop, staff = ?p.staff, "took the hub's lists");
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "the hub's lists were not taken"),
                }
            }
            tokio::time::sleep(HUB_PULL).await;
        }
    });
}

/// The one place engine events become window events. Ends when the counter's engine is
/// dropped (the counter stopped): the forwarder holds only a receiver, never the engine.
fn forward_events(app: tauri::AppHandle, counter: &Counter) {
    let mut events = counter.till.subscribe();
    tauri::async_runtime::spawn(async move {
        loop {
            match events.recv().await {
                Ok(event) => {
                    if let Err(e) = app.emit(TILL_EVENT, window_event(&event)) {
                        tracing::warn!(error = %e, "cannot deliver an event to the window");
                    }
                    // The customer's screen follows in the same turn of the loop.
                    customer::on_till_event(&app, &event);
                }
                Err(RecvError::Lagged(n)) => tracing::warn!(missed = n, "the window fell behind"),
                Err(RecvError::Closed) => break,
            }
        }
    });
}

/// An engine event as the window takes it: the event with its sentence (`message`), and
/// `statusText` when it changes the status line (the sale's progress only), worded in one
/// place (`kassa_boot::words`).
fn window_event(event: &kassa_till::TillEvent) -> serde_json::Value {
    let mut value = serde_json::to_value(event).unwrap_or_default();
    if let Some(fields) = value.as_object_mut() {
        if let Some(text) = kassa_boot::words::event_text(lang::messages(), event) {
            fields.insert("message".into(), text.into());
        }
        if let Some(line) = kassa_boot::words::status_line(lang::messages(), event) {
            fields.insert("statusText".into(), line.into());
        }
    }
    value
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("KASSA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// The modules a file imports (`from "./x.js"`, `import "./x.js"`).
    fn imports_of(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        for marker in ["from \"./", "import \"./"] {
            let mut rest = source;
            while let Some(at) = rest.find(marker) {
                rest = &rest[at + marker.len()..];
                if let Some(end) = rest.find('"') {
                    found.push(rest[..end].to_owned());
                }
            }
        }
        found
    }

    #[test]
    fn the_window_preloads_every_module_its_start_imports_and_no_other() {
        let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
        let mut imported = std::collections::BTreeSet::new();
        let mut todo = vec!["main.js".to_owned()];
        while let Some(module) = todo.pop() {
            let source = std::fs::read_to_string(ui.join(&module)).unwrap();
            for m in imports_of(&source) {
                if imported.insert(m.clone()) {
                    todo.push(m);
                }
            }
        }
        imported.remove("main.js");
        let html = std::fs::read_to_string(ui.join("index.html")).unwrap();
        let preloaded: std::collections::BTreeSet<String> = html
            .split("<link rel=\"modulepreload\" href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .collect();
        assert!(imported.len() > 20, "{imported:?}");
        assert_eq!(preloaded, imported);
    }

    #[tokio::test]
    async fn a_journal_owned_by_the_cli_is_a_plain_startup_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        let mut cli = Settings::from_vars(|_| None, db.clone()).unwrap();
        cli.owner = "kassa charge".into();
        let _cli = kassa_boot::start(cli).await.unwrap();
        let mut app = Settings::from_vars(|_| None, db.clone()).unwrap();
        app.owner = APP_OWNER.into();
        let e = kassa_boot::start(app).await.err().unwrap();
        assert_eq!(
            startup_error(&e),
            format!(
                "Kassa could not start: the journal {} is in use by kassa charge (pid {}): close it first, or use `kassa status` to look without selling",
                db.display(),
                std::process::id()
            )
        );
    }
}
