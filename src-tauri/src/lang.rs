//! The window's language: `KASSA_LANG`, else the Language setting, else the system's locale
//! (`kassa_boot::current_language`). Everything the window is told in words (events, the
//! status line, the catalogue's messages) reads it.

use std::collections::BTreeMap;

use kassa_boot::{Lang, Messages};
use serde::Serialize;
use tauri::State;

use crate::AppState;
use crate::error::{Code, IpcError};

/// The messages of the language spoken now.
pub fn messages() -> &'static Messages {
    Messages::of(kassa_boot::current_language())
}

/// A language the Language setting offers.
#[derive(Debug, Serialize)]
pub struct Choice {
    code: &'static str,
    name: &'static str,
}

/// What the window needs to speak: the language, the choices, and every message as a
/// template (`{name}` where a value goes).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UiMessages {
    /// The language spoken (`da`), for `<html lang>`.
    lang: &'static str,
    /// The saved Language setting; `None`: the system's.
    setting: Option<&'static str>,
    /// `KASSA_LANG` is set: it wins over the setting, which the screen says.
    forced_by_env: bool,
    languages: Vec<Choice>,
    messages: BTreeMap<String, String>,
}

fn ui_messages_now(setting: Option<Lang>) -> UiMessages {
    let m = messages();
    let messages = kassa_boot::WINDOW_AREAS
        .iter()
        .flat_map(|area| m.templates(area))
        .collect();
    UiMessages {
        lang: m.lang().code(),
        setting: setting.map(Lang::code),
        forced_by_env: std::env::var("KASSA_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
            .is_some(),
        languages: Lang::ALL
            .iter()
            .map(|l| Choice {
                code: l.code(),
                name: l.native_name(),
            })
            .collect(),
        messages,
    }
}

fn saved_setting(state: &AppState) -> Option<Lang> {
    kassa_boot::SavedSettings::load(&kassa_boot::settings_path(&state.db_path()))
        .ok()
        .and_then(|s| s.language())
}

#[tauri::command]
pub fn ui_messages(state: State<'_, AppState>) -> UiMessages {
    ui_messages_now(saved_setting(&state))
}

/// Saves the Language setting (`None` or `""`: the system's) and speaks it from now on.
/// Any cashier may: it moves no money and no secret.
#[tauri::command]
pub fn set_language(
    state: State<'_, AppState>,
    code: Option<String>,
) -> Result<UiMessages, IpcError> {
    let lang = match code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(Lang::parse(c).ok_or_else(|| {
            IpcError::new(
                Code::Settings,
                format!("\"{c}\" is not a language Kassa speaks (da, sv, nb, fi, en)."),
            )
        })?),
    };
    kassa_boot::save_language(&state.db_path(), lang)
        .map_err(|e| IpcError::new(Code::Settings, e.to_string()))?;
    kassa_boot::set_language_setting(lang.map(Lang::code));
    Ok(ui_messages_now(lang))
}
