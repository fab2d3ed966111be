//! The window's settings screen, minus the window: what it shows ([`SettingsView`]), what it
//! sends back ([`SettingsForm`]), the checks with a message per field, and saving (the
//! Client Secret to the keyring, the rest to `settings.json`). The secret only ever travels
//! into Kassa: the view says whether one is stored, never what it is.

use std::fmt;
use std::path::Path;

use kassa_aiia::Secret;
use kassa_money::Currency;
use serde::{Deserialize, Serialize};

use crate::{
    ConfigError, Draft, FieldError, SavedError, SavedSecretFor, SavedSettings, SecretError,
    SecretInput, SecretKind, SecretStore, Settings, api_origin, settings_path, validate,
};

/// Environment variables that win over the settings file (the screen names them).
const ENV_KEYS: [&str; 10] = [
    "KASSA_API_URL",
    "KASSA_CUSTOM_API",
    "KASSA_CLIENT_ID",
    "KASSA_CLIENT_SECRET",
    "KASSA_DESTINATION_ID",
    "KASSA_CURRENCY",
    "KASSA_REDIRECT_URL",
    "KASSA_WEBHOOK_BIND",
    "KASSA_WEBHOOK_SECRET",
    "KASSA_SANDBOX_LAN",
];

/// What the settings screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    pub api_url: String,
    pub client_id: String,
    /// A Client Secret is in the keyring (its value is never shown).
    pub has_secret: bool,
    pub destination_id: String,
    pub destination_name: String,
    pub currency: Currency,
    /// Where the webhook listener listens; empty keeps it off.
    pub webhook_bind: String,
    /// A webhook signing secret is in the keyring.
    pub has_webhook_secret: bool,
    /// Settings given by environment variables, which win over this screen.
    pub env_overrides: Vec<&'static str>,
    /// The labelled "Custom API address" option is on.
    pub custom_api: bool,
    /// Where the customer's phone goes after paying; empty: the sandbox's own page.
    pub redirect_url: String,
    /// The training bank also serves the shop's network, for phones.
    pub sandbox_lan: bool,
}

/// What the settings screen sends. Empty text means "not set"; an empty secret keeps the
/// stored one.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SettingsForm {
    pub api_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub destination_id: String,
    pub destination_name: String,
    pub currency: Option<Currency>,
    pub webhook_bind: String,
    /// Empty keeps the stored one.
    pub webhook_secret: String,
    /// The labelled "Custom API address (for testing; money could go elsewhere)" option.
    pub custom_api: bool,
    /// Where the customer's phone goes after paying.
    pub redirect_url: String,
    /// The training bank (the built-in sandbox) also serves the shop's network, for phones.
    pub sandbox_lan: bool,
    /// The receiving account the merchant confirmed ("Send payments to <name> (<id>)?"):
    /// a save that changes the destination of a live counter needs it to name the new one.
    pub confirm_destination: String,
    /// The merchant answered "save anyway" to untested or failed credentials.
    pub save_anyway: bool,
}

/// A question the merchant must answer before the form is saved; the window asks it and
/// sends the form again with the answer ([`SettingsForm::confirm_destination`],
/// [`SettingsForm::save_anyway`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Ask {
    /// The payments would go to another account.
    Destination {
        id: String,
        name: Option<String>,
        question: String,
    },
    /// New credentials whose last Test connection failed, or that were not tested.
    Untested { failed: bool, question: String },
}

impl Ask {
    pub fn question(&self) -> &str {
        match self {
            Ask::Destination { question, .. } | Ask::Untested { question, .. } => question,
        }
    }
}

impl fmt::Display for Ask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.question())
    }
}

/// The outcome of the last "Test connection", for the form contents it ran on (kept as a
/// SHA-256 digest of them, so the secret typed is not kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestRecord {
    digest: [u8; 32],
    pub passed: bool,
}

/// Keeps the secrets out of logs.
impl fmt::Debug for SettingsForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SettingsForm")
            .field("api_url", &self.api_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("destination_id", &self.destination_id)
            .field("destination_name", &self.destination_name)
            .field("currency", &self.currency)
            .field("webhook_bind", &self.webhook_bind)
            .field("webhook_secret", &"<redacted>")
            .field("custom_api", &self.custom_api)
            .field("redirect_url", &self.redirect_url)
            .field("sandbox_lan", &self.sandbox_lan)
            .field("confirm_destination", &self.confirm_destination)
            .field("save_anyway", &self.save_anyway)
            .finish()
    }
}

/// Why a form was not taken: a field to fix (the first, in the order of
/// [`Field`](crate::Field); the screen marks it), or the keyring or the settings file failing.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error(transparent)]
    Field(#[from] FieldError),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error(transparent)]
    Saved(#[from] SavedError),
    /// The merchant must answer first; nothing was saved.
    #[error("{0}")]
    Ask(Ask),
}

impl From<Vec<FieldError>> for FormError {
    fn from(errors: Vec<FieldError>) -> Self {
        match errors.into_iter().next() {
            Some(first) => FormError::Field(first),
            // `validate` never fails without an error; say so rather than panic.
            None => FormError::Field(FieldError::new(
                crate::Field::ClientId,
                crate::Problem::Unreadable("the settings were refused without a reason".into()),
            )),
        }
    }
}

impl From<ConfigError> for FormError {
    fn from(e: ConfigError) -> Self {
        match e {
            ConfigError::Invalid(errors) => errors.into(),
            ConfigError::Saved(e) => FormError::Saved(e),
            ConfigError::Secret(e) => FormError::Secret(e),
        }
    }
}

impl SettingsView {
    /// The saved settings as the screen shows them.
    pub fn load(
        db_path: &Path,
        secrets: &dyn SecretStore,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let saved = SavedSettings::load(&settings_path(db_path))?;
        let has_secret = match saved.client_id {
            Some(_) => secrets.get()?.is_some(),
            None => false,
        };
        let has_webhook_secret = match saved.webhook_bind {
            Some(_) => secrets.get_kind(SecretKind::WebhookSecret)?.is_some(),
            None => false,
        };
        Ok(SettingsView {
            api_url: saved.api_url.unwrap_or_default(),
            client_id: saved.client_id.unwrap_or_default(),
            has_secret,
            destination_id: saved.destination_id.unwrap_or_default(),
            destination_name: saved.destination_name.unwrap_or_default(),
            currency: saved.currency.unwrap_or(Currency::Dkk),
            webhook_bind: saved.webhook_bind.unwrap_or_default(),
            has_webhook_secret,
            env_overrides: ENV_KEYS
                .into_iter()
                .filter(|k| var(k).is_some_and(|v| !v.trim().is_empty()))
                .collect(),
            custom_api: saved.custom_api,
            redirect_url: saved.redirect_url.unwrap_or_default(),
            sandbox_lan: saved.sandbox_lan,
        })
    }
}

impl SettingsForm {
    fn text(value: &str) -> Option<String> {
        Some(value.trim().to_owned()).filter(|v| !v.is_empty())
    }

    /// The form keeps a Client Secret it does not type: only then must the keyring be asked.
    fn needs_stored_secret(&self) -> bool {
        Self::text(&self.client_id).is_some() && self.client_secret.trim().is_empty()
    }

    /// The form keeps a webhook secret it does not type: only then must the keyring be asked.
    fn needs_stored_webhook_secret(&self) -> bool {
        Self::text(&self.webhook_bind).is_some() && self.webhook_secret.trim().is_empty()
    }

    /// Every field, with the keyring asked only for a secret the form keeps without typing;
    /// a kept secret only for the API address and Client ID it was saved with (`saved`).
    pub fn check(&self, secrets: &dyn SecretStore, saved: &SavedSettings) -> Result<(), FormError> {
        let stored = self.needs_stored_secret() && secrets.get()?.is_some();
        let webhook_stored = self.needs_stored_webhook_secret()
            && secrets.get_kind(SecretKind::WebhookSecret)?.is_some();
        let bound = saved.secret_for();
        validate(&Draft {
            secret_for: bound.as_ref().map(SavedSecretFor::as_draft),
            ..self.draft(stored, webhook_stored)
        })?;
        Ok(())
    }

    /// The form as the validator reads it: typed secrets are new ones (to be stored);
    /// `secret_stored` / `webhook_secret_stored`: the keyring already holds one to keep.
    /// What a stored secret was saved for is not known here (`secret_for: None`).
    pub fn draft(&self, secret_stored: bool, webhook_secret_stored: bool) -> Draft<'_> {
        fn secret(typed: &str, stored: bool) -> SecretInput<'_> {
            if !typed.trim().is_empty() {
                SecretInput::New(typed)
            } else if stored {
                SecretInput::Stored
            } else {
                SecretInput::Absent
            }
        }
        Draft {
            api_url: Some(&self.api_url),
            client_id: Some(&self.client_id),
            client_secret: secret(&self.client_secret, secret_stored),
            destination_id: Some(&self.destination_id),
            webhook_bind: Some(&self.webhook_bind),
            webhook_secret: secret(&self.webhook_secret, webhook_secret_stored),
            custom_api: self.custom_api,
            redirect_url: Some(&self.redirect_url),
            ..Draft::default()
        }
    }

    /// Saving would send the payments to another account: the question, unless the form
    /// already carries the merchant's yes for this account. Only a live counter asks (a
    /// sandbox's money is training money).
    pub fn destination_question(&self, saved: &SavedSettings) -> Option<Ask> {
        let id = Self::text(&self.destination_id)?;
        Self::text(&self.client_id)?;
        if saved.destination_id.as_deref() == Some(id.as_str())
            || self.confirm_destination.trim() == id
        {
            return None;
        }
        let name = Self::text(&self.destination_name);
        let question = match &name {
            Some(name) => format!("Send payments to {name} ({id})?"),
            None => format!(
                "Send payments to account {id}? Kassa has no name for it: check it is yours"
            ),
        };
        Some(Ask::Destination { id, name, question })
    }

    /// The credentials (where Kassa connects and with what) differ from the saved ones.
    pub fn credentials_changed(&self, saved: &SavedSettings) -> bool {
        api_origin(Some(&self.api_url)) != api_origin(saved.api_url.as_deref())
            || Self::text(&self.client_id) != saved.client_id
            || Self::text(&self.client_secret).is_some()
            || self.custom_api != saved.custom_api
    }

    /// What to ask before this form is saved, if anything: the new receiving account, then
    /// new live credentials whose last Test connection (`last_test`, if it ran on exactly
    /// these contents) failed or that were not tested.
    pub fn save_question(
        &self,
        saved: &SavedSettings,
        last_test: Option<&TestRecord>,
    ) -> Option<Ask> {
        if let Some(ask) = self.destination_question(saved) {
            return Some(ask);
        }
        if self.save_anyway
            || Self::text(&self.client_id).is_none()
            || !self.credentials_changed(saved)
        {
            return None;
        }
        let this = last_test.filter(|t| t.digest == self.digest());
        match this {
            Some(t) if t.passed => None,
            Some(_) => Some(Ask::Untested {
                failed: true,
                question: "Test failed: save anyway?".into(),
            }),
            None => Some(Ask::Untested {
                failed: false,
                question: "These settings were not tested (press Test connection): save anyway?"
                    .into(),
            }),
        }
    }

    /// Before the counter moves to this form's settings: the question to answer first
    /// ([`Self::save_question`] against the settings saved beside the journal at `db_path`),
    /// as [`FormError::Ask`].
    pub fn ask_before_save(
        &self,
        db_path: &Path,
        last_test: Option<&TestRecord>,
    ) -> Result<(), FormError> {
        let saved = SavedSettings::load(&settings_path(db_path))?;
        match self.save_question(&saved, last_test) {
            Some(ask) => Err(FormError::Ask(ask)),
            None => Ok(()),
        }
    }

    /// The outcome of "Test connection" on this form, to remember until Save.
    pub fn tested(&self, passed: bool) -> TestRecord {
        TestRecord {
            digest: self.digest(),
            passed,
        }
    }

    /// A digest of what a test depends on (not the answers to the questions).
    fn digest(&self) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [
            self.api_url.trim(),
            self.client_id.trim(),
            self.client_secret.trim(),
            self.destination_id.trim(),
            if self.custom_api { "custom" } else { "" },
            self.redirect_url.trim(),
            self.webhook_bind.trim(),
            self.webhook_secret.trim(),
        ] {
            // Length-prefixed, so no two different forms run together the same.
            h.update((part.len() as u64).to_be_bytes());
            h.update(part.as_bytes());
        }
        h.update([self.currency.map_or(0, |c| c as u8 + 1)]);
        h.finalize().into()
    }

    /// Checks every field with the one validator ([`validate`]); every problem comes back,
    /// each with the field it is in.
    pub fn validate(
        &self,
        secret_stored: bool,
        webhook_secret_stored: bool,
    ) -> Result<(), Vec<FieldError>> {
        validate(&self.draft(secret_stored, webhook_secret_stored)).map(|_| ())
    }

    /// The file part of the form (the secret's binding is left for [`SettingsForm::save`]).
    pub fn saved(&self) -> SavedSettings {
        let destination_id = Self::text(&self.destination_id);
        SavedSettings {
            custom_api: self.custom_api,
            redirect_url: Self::text(&self.redirect_url),
            sandbox_lan: self.sandbox_lan,
            secret_for: None,
            api_url: Self::text(&self.api_url),
            client_id: Self::text(&self.client_id),
            // A name only belongs with its destination.
            destination_name: destination_id
                .as_ref()
                .and_then(|_| Self::text(&self.destination_name)),
            destination_id,
            currency: self.currency,
            webhook_bind: Self::text(&self.webhook_bind),
            // The shop part is the shop form's (`ShopForm`); saving keeps it.
            shop: crate::ShopSettings::default(),
            // The Language setting is saved on its own (`save_language`); saving keeps it.
            language: None,
            // The hub is saved on its own (`kassa_boot::hub::save`); saving keeps it.
            hub_url: None,
            hub_seen: crate::HubSeen::default(),
        }
    }

    /// Saves the form: the secret (when one is typed) to the keyring, the rest to the file.
    /// Clearing the Client ID also removes the stored secret.
    /// A kept secret must be for this address and ID, and a new receiving account must be
    /// confirmed ([`SettingsForm::destination_question`]).
    pub fn save(&self, db_path: &Path, secrets: &dyn SecretStore) -> Result<(), FormError> {
        let before = SavedSettings::load(&settings_path(db_path))?;
        self.check(secrets, &before)?;
        if let Some(ask) = self.destination_question(&before) {
            return Err(FormError::Ask(ask));
        }
        let mut saved = self.saved();
        saved.shop = before.shop.clone();
        saved.language = before.language.clone();
        saved.hub_url = before.hub_url.clone();
        saved.hub_seen = before.hub_seen;
        let secret = self.client_secret.trim();
        // The secret is bound to where it may go: typed now, to the form's address and ID;
        // kept, to what it was bound to (the check above made sure those are the form's).
        saved.secret_for = match &saved.client_id {
            None => None,
            Some(id) if !secret.is_empty() => {
                api_origin(saved.api_url.as_deref()).map(|o| SavedSecretFor {
                    api_origin: o,
                    client_id: id.clone(),
                })
            }
            Some(_) => before.secret_for(),
        };
        if !secret.is_empty() {
            secrets.set(&Secret::new(secret))?;
        } else if saved.client_id.is_none() {
            // Without a keyring there is no secret to remove: the sandbox needs none.
            if let Err(e) = secrets.delete() {
                tracing::warn!(error = %e, "cannot remove the Client Secret from the keyring");
            }
        }
        let webhook_secret = self.webhook_secret.trim();
        if !webhook_secret.is_empty() {
            secrets.set_kind(SecretKind::WebhookSecret, &Secret::new(webhook_secret))?;
        } else if saved.webhook_bind.is_none()
            && let Err(e) = secrets.delete_kind(SecretKind::WebhookSecret)
        {
            tracing::warn!(error = %e, "cannot remove the webhook secret from the keyring");
        }
        saved.save(&settings_path(db_path))?;
        tracing::info!(
            client_id_set = saved.client_id.is_some(),
            api_url = saved.api_url.as_deref().unwrap_or("(default)"),
            "settings saved"
        );
        Ok(())
    }

    /// The settings this form would give, for "Test connection" and "Connect bank account"
    /// before saving: the form over `base` (which keeps the journal path, webhook and
    /// faults), the secret from the form or else the keyring. Only valid forms give settings.
    pub fn settings(
        &self,
        base: &Settings,
        secrets: &dyn SecretStore,
    ) -> Result<Settings, FormError> {
        let saved = self.saved();
        let typed = Self::text(&self.client_secret).map(Secret::new);
        let client_secret = match (&saved.client_id, typed) {
            (None, _) => None,
            (Some(_), Some(s)) => Some(s),
            (Some(_), None) => secrets.get()?,
        };
        let webhook_secret = match Self::text(&self.webhook_secret) {
            Some(s) => Some(Secret::new(s)),
            None if self.needs_stored_webhook_secret() => {
                secrets.get_kind(SecretKind::WebhookSecret)?
            }
            None => None,
        };
        let stored_secret = client_secret.is_some() && Self::text(&self.client_secret).is_none();
        let stored_webhook = webhook_secret.is_some() && Self::text(&self.webhook_secret).is_none();
        // A kept secret is only sent where it was saved for.
        let before = SavedSettings::load(&settings_path(&base.db_path))?;
        let bound = before.secret_for();
        let checked = validate(&Draft {
            secret_for: bound.as_ref().map(SavedSecretFor::as_draft),
            ..self.draft(stored_secret, stored_webhook)
        })?;
        let webhook = match (checked.webhook_bind, webhook_secret) {
            (Some(addr), Some(secret)) => Some(crate::WebhookSettings::new(addr, secret)),
            _ => None,
        };
        Ok(Settings {
            webhook,
            // The shop as saved now (the shop form saves it apart from this one).
            shop: before.shop.clone(),
            api_url: saved.api_url,
            client_id: saved.client_id,
            client_secret,
            destination_id: saved.destination_id,
            currency: saved.currency.unwrap_or(Currency::Dkk),
            custom_api: self.custom_api,
            redirect_url: checked.redirect_url,
            sandbox_lan: self.sandbox_lan,
            // Against Aiia itself a link lives 60 s, whatever the environment says.
            link_ttl: if self.custom_api || Self::text(&self.client_id).is_none() {
                base.link_ttl
            } else {
                std::time::Duration::from_secs(60)
            },
            ..base.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::{MemorySecrets, Mode};

    fn form(api: &str, id: &str, secret: &str, dest: &str) -> SettingsForm {
        SettingsForm {
            api_url: api.into(),
            client_id: id.into(),
            client_secret: secret.into(),
            destination_id: dest.into(),
            destination_name: "Shop account".into(),
            currency: Some(Currency::Sek),
            webhook_bind: String::new(),
            webhook_secret: String::new(),
            // The merchant said yes to the account: these tests are not about asking.
            confirm_destination: dest.into(),
            redirect_url: "https://shop.example/thanks".into(),
            ..SettingsForm::default()
        }
    }

    #[test]
    fn the_webhook_listener_needs_an_address_and_a_long_secret() {
        let with = |bind: &str, secret: &str| SettingsForm {
            webhook_bind: bind.into(),
            webhook_secret: secret.into(),
            ..form("", "", "", "")
        };
        for (f, stored, which) in [
            (with("8787", "0123456789abcdef"), false, "webhookBind"),
            (with("", "0123456789abcdef"), false, "webhookBind"),
            (with("0.0.0.0:8787", ""), false, "webhookSecret"),
            (with("0.0.0.0:8787", "short"), false, "webhookSecret"),
        ] {
            assert_eq!(
                f.validate(false, stored).unwrap_err()[0].field.form_name(),
                which,
                "{f:?}"
            );
        }
        with("0.0.0.0:8787", "").validate(false, true).unwrap();

        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        let secrets = MemorySecrets::default();
        with("127.0.0.1:8787", "webhook-secret-0123")
            .save(&db, &secrets)
            .unwrap();
        assert_eq!(
            secrets
                .get_kind(SecretKind::WebhookSecret)
                .unwrap()
                .unwrap()
                .expose(),
            "webhook-secret-0123"
        );
        assert!(
            secrets.get().unwrap().is_none(),
            "kept apart from the Client Secret"
        );
        let view = SettingsView::load(&db, &secrets, |_| None).unwrap();
        assert_eq!(view.webhook_bind, "127.0.0.1:8787");
        assert!(view.has_webhook_secret);
        let file = std::fs::read_to_string(settings_path(&db)).unwrap();
        assert!(!file.contains("webhook-secret-0123"), "{file}");

        // The app starts its listener from the saved address and the keyring's secret.
        let s = Settings::load(|_| None, db.clone(), &secrets).unwrap();
        let w = s.webhook.unwrap();
        assert_eq!(w.bind.to_string(), "127.0.0.1:8787");
        assert_eq!(w.secret.expose(), "webhook-secret-0123");

        // Turned off: the secret goes.
        with("", "").save(&db, &secrets).unwrap();
        assert!(
            secrets
                .get_kind(SecretKind::WebhookSecret)
                .unwrap()
                .is_none()
        );
        assert!(
            Settings::load(|_| None, db, &secrets)
                .unwrap()
                .webhook
                .is_none()
        );
    }

    #[test]
    fn each_bad_field_is_named_with_what_to_do() {
        let cases = [
            (form("ftp://x", "", "", ""), false, "apiUrl"),
            (form("not a url", "", "", ""), false, "apiUrl"),
            (form("", "my id", "s", "d"), false, "clientId"),
            (form("", "", "s", ""), false, "clientId"),
            (form("", "id", "", "d"), false, "clientSecret"),
            (form("", "id", "s", ""), false, "destinationId"),
            (form("", "", "", "a b"), false, "destinationId"),
        ];
        for (f, stored, which) in cases {
            let e = f.validate(stored, false).unwrap_err();
            assert_eq!(e[0].field.form_name(), which, "{f:?}: {e:?}");
            assert!(!e[0].to_string().is_empty());
        }
        // A stored secret may be kept; empty everything is the built-in sandbox.
        form("https://api.aiia.eu", "id", "", "d")
            .validate(true, false)
            .unwrap();
        form("", "", "", "").validate(false, false).unwrap();
        form("http://127.0.0.1:4010", "", "", "sandbox-savings")
            .validate(false, false)
            .unwrap();
    }

    #[test]
    fn saving_puts_the_secret_in_the_keyring_and_the_rest_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        let secrets = MemorySecrets::default();
        form("https://api.aiia.eu", " id-1 ", "top-secret-1", "dest-1")
            .save(&db, &secrets)
            .unwrap();
        assert_eq!(secrets.get().unwrap().unwrap().expose(), "top-secret-1");
        let file = std::fs::read_to_string(settings_path(&db)).unwrap();
        assert!(!file.contains("top-secret-1"), "{file}");
        let view = SettingsView::load(&db, &secrets, |_| None).unwrap();
        assert_eq!(view.client_id, "id-1");
        assert!(view.has_secret);
        assert_eq!(view.destination_name, "Shop account");
        assert_eq!(view.currency, Currency::Sek);
        assert!(!format!("{view:?}").contains("top-secret"));

        // An empty secret keeps the stored one, for the same address and Client ID only.
        form("", "id-1", "", "dest-2").save(&db, &secrets).unwrap();
        assert_eq!(secrets.get().unwrap().unwrap().expose(), "top-secret-1");
        let e = form("https://api.aiia.eu", "id-2", "", "dest-2")
            .save(&db, &secrets)
            .unwrap_err();
        assert!(e.to_string().contains("the Client ID changed"), "{e}");
        assert_eq!(
            SettingsView::load(&db, &secrets, |_| None)
                .unwrap()
                .client_id,
            "id-1"
        );

        // Back to the built-in sandbox: the secret goes too.
        form("", "", "", "").save(&db, &secrets).unwrap();
        assert!(secrets.get().unwrap().is_none());
        let view = SettingsView::load(&db, &secrets, |k| {
            (k == "KASSA_CURRENCY").then(|| "EUR".to_owned())
        })
        .unwrap();
        assert!(!view.has_secret);
        assert_eq!(view.env_overrides, vec!["KASSA_CURRENCY"]);
    }

    #[test]
    fn a_bad_form_saves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        let secrets = MemorySecrets::default();
        let e = form("", "id", "s", "").save(&db, &secrets).unwrap_err();
        assert!(e.to_string().contains("Connect bank account"), "{e}");
        assert!(secrets.get().unwrap().is_none());
        assert!(!settings_path(&db).exists());
    }

    #[test]
    fn the_form_gives_settings_before_it_is_saved() {
        let base = Settings::from_vars(|_| None, "k.db".into()).unwrap();
        let secrets = MemorySecrets::default();
        let s = SettingsForm {
            custom_api: true,
            ..form("http://127.0.0.1:1", "id", "typed", "d")
        }
        .settings(&base, &secrets)
        .unwrap();
        assert_eq!(s.mode(), Mode::Live);
        assert_eq!(s.client_secret.unwrap().expose(), "typed");
        assert_eq!(s.currency, Currency::Sek);
        assert_eq!(s.db_path, base.db_path);
        secrets.set(&Secret::new("stored")).unwrap();
        let s = form("", "id", "", "d").settings(&base, &secrets).unwrap();
        assert_eq!(s.client_secret.unwrap().expose(), "stored");
        let s = form("", "", "", "").settings(&base, &secrets).unwrap();
        assert_eq!(s.mode(), Mode::Sandbox);
        assert!(s.client_secret.is_none());
    }
}
