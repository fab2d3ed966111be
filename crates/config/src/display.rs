//! The customer display's setting (`customer-display.json` beside the journal): off, a
//! second window for a screen that faces the customer, or a pane in the cashier's window.
//! Its own small file, apart from `settings.json`: it moves no money, needs no restart of
//! the counter and is changed at once from Settings. Written whole or not at all.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::SavedError;

/// Where the customer's screen is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisplayMode {
    #[default]
    Off,
    /// Its own window (on the second monitor when there is one).
    Window,
    /// A pane in the cashier's window (one screen), detachable into its own window.
    Pane,
}

/// A customer display choice the window does not offer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a customer display choice: off, window or pane")]
pub struct UnknownDisplayMode(pub String);

impl FromStr for DisplayMode {
    type Err = UnknownDisplayMode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "off" => Ok(DisplayMode::Off),
            "window" => Ok(DisplayMode::Window),
            "pane" => Ok(DisplayMode::Pane),
            other => Err(UnknownDisplayMode(other.to_owned())),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DisplaySettings {
    pub mode: DisplayMode,
}

/// The customer display's file beside a journal.
pub fn display_path(db_path: &Path) -> PathBuf {
    db_path.with_file_name("customer-display.json")
}

impl DisplaySettings {
    /// Reads the file; a missing file is "off".
    pub fn load(path: &Path) -> Result<Self, SavedError> {
        crate::saved::load_json(path)
    }

    pub fn save(&self, path: &Path) -> Result<(), SavedError> {
        crate::saved::save_json(self, path)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_missing_file_is_off_and_a_choice_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = display_path(&dir.path().join("kassa.db"));
        assert_eq!(path.file_name().unwrap(), "customer-display.json");
        assert_eq!(DisplaySettings::load(&path).unwrap().mode, DisplayMode::Off);
        for mode in [DisplayMode::Window, DisplayMode::Pane, DisplayMode::Off] {
            DisplaySettings { mode }.save(&path).unwrap();
            assert_eq!(DisplaySettings::load(&path).unwrap().mode, mode);
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\n  \"mode\": \"off\"\n}"
        );
    }

    #[test]
    fn a_strange_choice_and_a_damaged_file_are_named() {
        assert_eq!("pane".parse::<DisplayMode>().unwrap(), DisplayMode::Pane);
        assert_eq!(
            "tv".parse::<DisplayMode>().unwrap_err().to_string(),
            "\"tv\" is not a customer display choice: off, window or pane"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("customer-display.json");
        std::fs::write(&path, "{\"mode\": \"tv\"}").unwrap();
        let e = DisplaySettings::load(&path).unwrap_err().to_string();
        assert!(e.contains("is damaged"), "{e}");
    }
}
