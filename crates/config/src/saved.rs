//! The settings file (`settings.json` beside the journal): everything but the secret.
//! Written atomically (a temporary file, then a rename), so a crash never leaves half a file.

use std::path::{Path, PathBuf};

use kassa_money::Currency;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SavedSettings {
    pub api_url: Option<String>,
    pub client_id: Option<String>,
    pub destination_id: Option<String>,
    /// A name for the destination, as the Connect flow reported it.
    pub destination_name: Option<String>,
    pub currency: Option<Currency>,
    /// Where the webhook listener listens (its secret is in the keyring); none keeps it off.
    pub webhook_bind: Option<String>,
    /// The labelled "Custom API address (for testing; money could go elsewhere)" option.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub custom_api: bool,
    /// Where the customer's phone goes after paying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// The built-in sandbox (the training bank) also serves the shop's network, so a phone
    /// that scans the code opens its bank page.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub sandbox_lan: bool,
    /// The API origin and Client ID the Client Secret in the keyring was saved with: it is
    /// only ever sent there ([`crate::Problem::SecretFor`] otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_for: Option<SavedSecretFor>,
    /// The shop: merchant profile, VAT table, quick items, printer, logo, receipt width.
    #[serde(skip_serializing_if = "crate::ShopSettings::is_empty")]
    pub shop: crate::ShopSettings,
    /// The window's and the CLI's language (`da`, `sv`, `nb`, `fi`, `en`); none follows the
    /// system's locale. `KASSA_LANG` overrides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The shop's hub, a PostgreSQL address (its password, if not in the address, is in the
    /// keyring).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hub_url: Option<String>,
    /// The versions of the hub's lists (the shop settings, the cashiers) this till has taken.
    #[serde(skip_serializing_if = "HubSeen::is_none")]
    pub hub_seen: HubSeen,
}

/// The versions of the hub's lists a till has taken (0: none yet).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct HubSeen {
    pub shop: i64,
    pub staff: i64,
}

impl HubSeen {
    pub fn is_none(&self) -> bool {
        self.shop == 0 && self.staff == 0
    }
}

/// The API origin (`https://api.aiia.eu`) and Client ID a stored Client Secret belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSecretFor {
    pub api_origin: String,
    pub client_id: String,
}

impl SavedSecretFor {
    pub fn as_draft(&self) -> crate::SecretFor<'_> {
        crate::SecretFor {
            api_origin: &self.api_origin,
            client_id: &self.client_id,
        }
    }
}

impl SavedSettings {
    /// What the stored Client Secret was saved for. A file from before the binding was
    /// written names none: the secret was then saved with this file's address and ID
    /// (every save kept them together), so those are taken.
    pub fn secret_for(&self) -> Option<SavedSecretFor> {
        self.secret_for.clone().or_else(|| {
            Some(SavedSecretFor {
                api_origin: crate::api_origin(self.api_url.as_deref())?,
                client_id: self.client_id.clone()?,
            })
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    #[error("cannot read the settings file {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the settings file {path} is damaged ({source}); fix or delete it")]
    Damaged {
        path: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot save the settings file {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// The settings file beside a journal.
pub fn settings_path(db_path: &Path) -> PathBuf {
    db_path.with_file_name("settings.json")
}

impl SavedSettings {
    /// Reads the file; a missing file is empty settings.
    pub fn load(path: &Path) -> Result<Self, SavedError> {
        load_json(path)
    }

    pub fn save(&self, path: &Path) -> Result<(), SavedError> {
        save_json(self, path)
    }

    /// The Language setting, when it names a language Kassa speaks; a hand-edited file
    /// naming another is warned about and the system's language is used.
    pub fn language(&self) -> Option<kassa_i18n::Lang> {
        let code = self.language.as_deref()?;
        let lang = kassa_i18n::Lang::parse(code);
        if lang.is_none() {
            tracing::warn!(
                "the settings file's language {code:?} is not one Kassa speaks (da, sv, nb, fi, en); using the system's"
            );
        }
        lang
    }
}

/// Saves the Language setting beside the journal at `db_path` (`None`: the system's), and
/// nothing else in the file. It moves no money and no secret, so it needs no manager.
pub fn save_language(db_path: &Path, lang: Option<kassa_i18n::Lang>) -> Result<(), SavedError> {
    let path = settings_path(db_path);
    let mut saved = SavedSettings::load(&path)?;
    saved.language = lang.map(|l| l.code().to_owned());
    saved.save(&path)
}

/// A JSON file of Kassa's beside the journal; a missing file is `T::default()`.
pub(crate) fn load_json<T: serde::de::DeserializeOwned + Default>(
    path: &Path,
) -> Result<T, SavedError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(T::default()),
        Err(source) => {
            return Err(SavedError::Read {
                path: path.display().to_string(),
                source,
            });
        }
    };
    serde_json::from_str(&text).map_err(|source| SavedError::Damaged {
        path: path.display().to_string(),
        source,
    })
}

/// Writes `value` to `path` as pretty JSON, private to the user, through a temporary file
/// renamed over it (a crash leaves the old file or the new one, never half of one).
pub(crate) fn save_json<T: Serialize>(value: &T, path: &Path) -> Result<(), SavedError> {
    let write = |source| SavedError::Write {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(write)?;
    }
    let text = serde_json::to_string_pretty(value).map_err(|e| write(std::io::Error::other(e)))?;
    let tmp = path.with_extension("json.tmp");
    kassa_journal::files::write_private(&tmp, text.as_bytes()).map_err(write)?;
    std::fs::rename(&tmp, path).map_err(write)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_a_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x").join("settings.json");
        assert_eq!(
            SavedSettings::load(&path).unwrap(),
            SavedSettings::default()
        );
        let s = SavedSettings {
            client_id: Some("id".into()),
            destination_id: Some("d".into()),
            currency: Some(Currency::Sek),
            ..Default::default()
        };
        s.save(&path).unwrap();
        assert_eq!(SavedSettings::load(&path).unwrap(), s);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.to_lowercase().contains("secret"), "{text}");
    }

    #[test]
    fn a_damaged_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, "{ not json").unwrap();
        let e = SavedSettings::load(&path).unwrap_err();
        assert!(e.to_string().contains("is damaged"), "{e}");
    }
}
