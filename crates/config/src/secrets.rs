//! Where the Client Secret lives: the OS keyring (Keychain, Credential Manager, Secret
//! Service), never a file. [`SecretStore`] lets tests and tools use a memory store instead.

use std::collections::HashMap;
use std::sync::Mutex;

use kassa_aiia::Secret;

/// The keyring account of the hub's password (issue 14), in the same service.
pub const HUB_PASSWORD_ACCOUNT: &str = "hub-password";

/// The keyring entries: one service, an account per secret.
pub const KEYRING_SERVICE: &str = "eu.kassa.counter";
pub const KEYRING_ACCOUNT: &str = "aiia-client-secret";
pub const KEYRING_WEBHOOK_ACCOUNT: &str = "aiia-webhook-secret";

/// Which secret: the Aiia Client Secret, or the secret webhooks are signed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SecretKind {
    #[default]
    ClientSecret,
    WebhookSecret,
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "the system keyring is not available ({0}); on Linux a Secret Service (e.g. GNOME Keyring) must be running and unlocked"
    )]
    Unavailable(String),
    #[error("the system keyring refused access: {0}")]
    Refused(String),
}

pub trait SecretStore: Send + Sync {
    /// The Client Secret.
    fn get(&self) -> Result<Option<Secret>, SecretError> {
        self.get_kind(SecretKind::ClientSecret)
    }
    fn set(&self, secret: &Secret) -> Result<(), SecretError> {
        self.set_kind(SecretKind::ClientSecret, secret)
    }
    fn delete(&self) -> Result<(), SecretError> {
        self.delete_kind(SecretKind::ClientSecret)
    }
    fn get_kind(&self, kind: SecretKind) -> Result<Option<Secret>, SecretError>;
    fn set_kind(&self, kind: SecretKind, secret: &Secret) -> Result<(), SecretError>;
    fn delete_kind(&self, kind: SecretKind) -> Result<(), SecretError>;
    /// A secret under an account of its own name in the same service (the receipt keys:
    /// one per till and key version).
    fn get_account(&self, account: &str) -> Result<Option<Secret>, SecretError>;
    fn set_account(&self, account: &str, secret: &Secret) -> Result<(), SecretError>;
    /// Removes the secret of `account` (none stored is fine).
    fn delete_account(&self, account: &str) -> Result<(), SecretError>;
}

/// Where the receipt keys' private halves live: the OS keyring (a memory store in tests
/// that must not touch it). Cloned with the settings; says nothing of its contents.
#[derive(Clone)]
pub struct KeyStore(pub std::sync::Arc<dyn SecretStore>);

impl KeyStore {
    pub fn memory() -> KeyStore {
        KeyStore(std::sync::Arc::new(MemorySecrets::default()))
    }
}

impl std::fmt::Debug for KeyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyStore")
    }
}

/// The OS keyring.
#[derive(Debug, Clone)]
pub struct Keyring {
    service: String,
    account: String,
}

impl Default for Keyring {
    fn default() -> Self {
        Keyring {
            service: KEYRING_SERVICE.into(),
            account: KEYRING_ACCOUNT.into(),
        }
    }
}

impl Keyring {
    /// The entries under the service `KASSA_KEYRING_SERVICE` names (read through `var`), else
    /// the default: two counters, or a test, on one machine keep their secrets apart.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Self {
        match var("KASSA_KEYRING_SERVICE").filter(|s| !s.trim().is_empty()) {
            Some(service) => Keyring::named(service.trim(), KEYRING_ACCOUNT),
            None => Keyring::default(),
        }
    }

    /// A keyring entry under other names (tests use their own, to leave the real one alone).
    pub fn named(service: &str, account: &str) -> Self {
        Keyring {
            service: service.into(),
            account: account.into(),
        }
    }

    fn entry(&self, kind: SecretKind) -> Result<keyring::Entry, SecretError> {
        let account = match kind {
            SecretKind::ClientSecret => self.account.clone(),
            SecretKind::WebhookSecret if self.account == KEYRING_ACCOUNT => {
                KEYRING_WEBHOOK_ACCOUNT.to_owned()
            }
            SecretKind::WebhookSecret => format!("{}-webhook", self.account),
        };
        keyring::Entry::new(&self.service, &account).map_err(map_error)
    }
}

fn map_error(e: keyring::Error) -> SecretError {
    match e {
        keyring::Error::NoStorageAccess(inner) => SecretError::Refused(inner.to_string()),
        other => SecretError::Unavailable(other.to_string()),
    }
}

impl SecretStore for Keyring {
    fn get_account(&self, account: &str) -> Result<Option<Secret>, SecretError> {
        let entry = keyring::Entry::new(&self.service, account).map_err(map_error)?;
        match entry.get_password() {
            Ok(s) => Ok(Some(Secret::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    fn set_account(&self, account: &str, secret: &Secret) -> Result<(), SecretError> {
        keyring::Entry::new(&self.service, account)
            .map_err(map_error)?
            .set_password(secret.expose())
            .map_err(map_error)
    }

    fn delete_account(&self, account: &str) -> Result<(), SecretError> {
        let entry = keyring::Entry::new(&self.service, account).map_err(map_error)?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e)),
        }
    }

    fn get_kind(&self, kind: SecretKind) -> Result<Option<Secret>, SecretError> {
        match self.entry(kind)?.get_password() {
            Ok(s) => Ok(Some(Secret::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    fn set_kind(&self, kind: SecretKind, secret: &Secret) -> Result<(), SecretError> {
        self.entry(kind)?
            .set_password(secret.expose())
            .map_err(map_error)
    }

    fn delete_kind(&self, kind: SecretKind) -> Result<(), SecretError> {
        match self.entry(kind)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e)),
        }
    }
}

/// A store in memory, for tests and for runs that must not touch the keyring.
#[derive(Debug, Default)]
pub struct MemorySecrets(
    Mutex<HashMap<SecretKind, Secret>>,
    Mutex<HashMap<String, Secret>>,
);

impl SecretStore for MemorySecrets {
    fn get_account(&self, account: &str) -> Result<Option<Secret>, SecretError> {
        Ok(self
            .1
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(account)
            .cloned())
    }

    fn set_account(&self, account: &str, secret: &Secret) -> Result<(), SecretError> {
        self.1
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(account.to_owned(), secret.clone());
        Ok(())
    }

    fn delete_account(&self, account: &str) -> Result<(), SecretError> {
        self.1
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(account);
        Ok(())
    }

    fn get_kind(&self, kind: SecretKind) -> Result<Option<Secret>, SecretError> {
        Ok(self
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&kind)
            .cloned())
    }

    fn set_kind(&self, kind: SecretKind, secret: &Secret) -> Result<(), SecretError> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(kind, secret.clone());
        Ok(())
    }

    fn delete_kind(&self, kind: SecretKind) -> Result<(), SecretError> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&kind);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_comes_from_the_environment_or_the_default() {
        let named =
            Keyring::from_env(|k| (k == "KASSA_KEYRING_SERVICE").then(|| " shop-2 ".into()));
        assert_eq!(named.service, "shop-2");
        assert_eq!(named.account, KEYRING_ACCOUNT);
        let plain = Keyring::from_env(|_| None);
        assert_eq!(plain.service, KEYRING_SERVICE);
        let blank = Keyring::from_env(|_| Some("  ".into()));
        assert_eq!(blank.service, KEYRING_SERVICE);
    }
}
