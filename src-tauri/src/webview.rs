//! Applies Kassa's web-engine settings (`kassa_boot::webview`) to a window: on Linux,
//! WebKitGTK's hardware-acceleration policy and cache model, through the webview's own
//! settings (safe gtk-rs calls, no environment variables). Elsewhere the platform's web
//! engine keeps its defaults.

use kassa_boot::webview::WebviewSettings;

/// The settings from the environment; an unknown value is logged and the default kept.
pub fn settings() -> WebviewSettings {
    let (settings, errors) = WebviewSettings::from_env(|k| std::env::var(k).ok());
    for e in errors {
        tracing::warn!("{e}");
    }
    settings
}

/// Applies `settings` to `window`'s webview. Called from the app's setup, right after the
/// main window is built: the closure runs on the main thread before the page has started
/// loading. (A window opened later keeps the policy it was built with: changing it while a
/// page loads swaps the page's drawing area.) The cache model is the web context's, shared by
/// every window.
#[cfg(target_os = "linux")]
pub fn apply<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>, settings: WebviewSettings) {
    use kassa_boot::webview::{Acceleration, Cache};
    use webkit2gtk::{
        CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
    };

    let applied = window.with_webview(move |webview| {
        let webview = webview.inner();
        let policy = match settings.acceleration {
            Acceleration::Never => Some(HardwareAccelerationPolicy::Never),
            Acceleration::OnDemand => Some(HardwareAccelerationPolicy::OnDemand),
            Acceleration::Always => Some(HardwareAccelerationPolicy::Always),
            Acceleration::WebKit => None,
        };
        if let (Some(policy), Some(s)) = (policy, webview.settings()) {
            s.set_hardware_acceleration_policy(policy);
        }
        if settings.cache == Cache::Small
            && let Some(context) = webview.context()
        {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
    match applied {
        Ok(()) => tracing::info!(
            acceleration = ?settings.acceleration,
            cache = ?settings.cache,
            window = window.label(),
            "web engine settings"
        ),
        Err(e) => tracing::warn!(error = %e, "cannot reach the window's web engine settings"),
    }
}

#[cfg(not(target_os = "linux"))]
pub fn apply<R: tauri::Runtime>(_window: &tauri::WebviewWindow<R>, _settings: WebviewSettings) {}
