//! How Kassa sets up the web engine its windows draw with (WebKitGTK on Linux): the
//! hardware-acceleration policy and the size of its caches. The shell applies these to every
//! window it opens; the choice and its words live here.
//!
//! Kassa's screens are flat panels of text and one QR code: they need no GPU compositing, and
//! WebKitGTK's accelerated (DMA-BUF) renderer costs a window about 50–90 MiB and most of a
//! second before the first frame on a machine that renders GL in software (BENCHMARKS.md,
//! "Memory and start"). So the default is [`Acceleration::Never`] and the smallest caches
//! (WebKit's document-viewer cache model: one page, nothing kept for back and forward).
//! `KASSA_WEBKIT_ACCELERATION` and `KASSA_WEBKIT_CACHE` choose otherwise, e.g. to compare.

use std::fmt;

/// WebKitGTK's hardware-acceleration policy for a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acceleration {
    /// Draw without GPU compositing (Kassa's default).
    Never,
    /// Composite on the GPU when the page asks for it.
    OnDemand,
    /// Always composite on the GPU.
    Always,
    /// Leave WebKitGTK's own default.
    WebKit,
}

/// How much WebKit caches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    /// The document-viewer model: the least memory (Kassa's default).
    Small,
    /// WebKit's own default.
    WebKit,
}

/// The web engine's settings for Kassa's windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebviewSettings {
    pub acceleration: Acceleration,
    pub cache: Cache,
}

impl Default for WebviewSettings {
    fn default() -> Self {
        WebviewSettings {
            acceleration: Acceleration::Never,
            cache: Cache::Small,
        }
    }
}

/// A `KASSA_WEBKIT_*` variable with a value Kassa does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebviewSettingError {
    pub var: &'static str,
    pub value: String,
    pub expected: &'static str,
}

impl fmt::Display for WebviewSettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}={:?} is not a setting Kassa knows: use {} (the default is used meanwhile)",
            self.var, self.value, self.expected
        )
    }
}

impl std::error::Error for WebviewSettingError {}

const ACCELERATION: &str = "KASSA_WEBKIT_ACCELERATION";
const CACHE: &str = "KASSA_WEBKIT_CACHE";

impl WebviewSettings {
    /// The settings from `KASSA_WEBKIT_ACCELERATION` (`never`, `on-demand`, `always`,
    /// `webkit`) and `KASSA_WEBKIT_CACHE` (`small`, `webkit`); unset, the defaults. A value
    /// Kassa does not know is an error naming the variable and the values it takes; the caller
    /// says so and keeps the default for that one (a window always opens).
    pub fn from_env(
        get: impl Fn(&str) -> Option<String>,
    ) -> (WebviewSettings, Vec<WebviewSettingError>) {
        let mut settings = WebviewSettings::default();
        let mut errors = Vec::new();
        if let Some(v) = get(ACCELERATION) {
            match v.trim().to_ascii_lowercase().as_str() {
                "never" => settings.acceleration = Acceleration::Never,
                "on-demand" => settings.acceleration = Acceleration::OnDemand,
                "always" => settings.acceleration = Acceleration::Always,
                "webkit" => settings.acceleration = Acceleration::WebKit,
                _ => errors.push(WebviewSettingError {
                    var: ACCELERATION,
                    value: v,
                    expected: "never, on-demand, always or webkit",
                }),
            }
        }
        if let Some(v) = get(CACHE) {
            match v.trim().to_ascii_lowercase().as_str() {
                "small" => settings.cache = Cache::Small,
                "webkit" => settings.cache = Cache::WebKit,
                _ => errors.push(WebviewSettingError {
                    var: CACHE,
                    value: v,
                    expected: "small or webkit",
                }),
            }
        }
        (settings, errors)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn unset_means_no_gpu_compositing_and_small_caches() {
        let (s, errors) = WebviewSettings::from_env(vars(&[]));
        assert_eq!(
            s,
            WebviewSettings {
                acceleration: Acceleration::Never,
                cache: Cache::Small
            }
        );
        assert!(errors.is_empty());
    }

    #[test]
    fn each_value_is_taken_whatever_its_case() {
        for (value, want) in [
            ("never", Acceleration::Never),
            ("On-Demand", Acceleration::OnDemand),
            (" always ", Acceleration::Always),
            ("webkit", Acceleration::WebKit),
        ] {
            let (s, errors) =
                WebviewSettings::from_env(vars(&[("KASSA_WEBKIT_ACCELERATION", value)]));
            assert_eq!(s.acceleration, want, "{value}");
            assert!(errors.is_empty());
        }
        let (s, _) = WebviewSettings::from_env(vars(&[("KASSA_WEBKIT_CACHE", "WebKit")]));
        assert_eq!(s.cache, Cache::WebKit);
    }

    #[test]
    fn an_unknown_value_is_named_and_the_default_kept() {
        let (s, errors) = WebviewSettings::from_env(vars(&[
            ("KASSA_WEBKIT_ACCELERATION", "gpu"),
            ("KASSA_WEBKIT_CACHE", "big"),
        ]));
        assert_eq!(s, WebviewSettings::default());
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "KASSA_WEBKIT_ACCELERATION=\"gpu\" is not a setting Kassa knows: use never, on-demand, always or webkit (the default is used meanwhile)",
                "KASSA_WEBKIT_CACHE=\"big\" is not a setting Kassa knows: use small or webkit (the default is used meanwhile)",
            ]
        );
    }
}
