//! The floor of Kassa's stack: a bare Tauri 2 window with one static page and no plugins,
//! built from the workspace's lock (the same tauri, wry, tao and WebKitGTK as Kassa). The
//! benches start it beside Kassa, alternately, and quote Kassa's memory and start-up as
//! ratios to it (BENCHMARKS.md). Its page reports "ready" and "first frame" the way Kassa's
//! window does; both lines carry the wall-clock time.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn epoch_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// `page_ms`: milliseconds since the page began loading.
#[tauri::command]
fn floor_ready(page_ms: u64) {
    eprintln!("floor ready epoch_ms={} page=ready={page_ms}", epoch_ms());
}

#[tauri::command]
fn floor_first_frame() {
    eprintln!("first frame epoch_ms={}", epoch_ms());
}

fn main() {
    let built = tauri::Builder::default()
        .setup(|app| {
            webkit::apply(app);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![floor_ready, floor_first_frame])
        .run(tauri::generate_context!());
    if let Err(e) = built {
        eprintln!("the floor app stopped: {e}");
        std::process::exit(1);
    }
}

/// `FLOOR_WEBKIT_ACCELERATION=never|on-demand|always`: WebKitGTK's hardware-acceleration
/// policy for the window, and `FLOOR_WEBKIT_CACHE=small`: the document-viewer cache model, as
/// Kassa sets them (kassa_boot::webview); unset, WebKitGTK's own defaults.
#[cfg(target_os = "linux")]
mod webkit {
    use tauri::Manager;
    use webkit2gtk::{
        CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
    };

    pub fn apply(app: &tauri::App) {
        let policy = match std::env::var("FLOOR_WEBKIT_ACCELERATION").as_deref() {
            Ok("never") => Some(HardwareAccelerationPolicy::Never),
            Ok("always") => Some(HardwareAccelerationPolicy::Always),
            Ok("on-demand") => Some(HardwareAccelerationPolicy::OnDemand),
            Ok(other) => {
                eprintln!("FLOOR_WEBKIT_ACCELERATION={other}: expected never, on-demand or always");
                std::process::exit(2);
            }
            Err(_) => None,
        };
        let small_cache = std::env::var("FLOOR_WEBKIT_CACHE").as_deref() == Ok("small");
        let Some(window) = app.get_webview_window("main") else {
            return;
        };
        let applied = window.with_webview(move |webview| {
            let webview = webview.inner();
            if let (Some(policy), Some(settings)) = (policy, webview.settings()) {
                settings.set_hardware_acceleration_policy(policy);
            }
            if small_cache && let Some(context) = webview.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = applied {
            eprintln!("cannot reach the webview's settings: {e}");
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod webkit {
    pub fn apply(_app: &tauri::App) {}
}
