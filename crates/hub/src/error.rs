//! What can go wrong between a till and its hub, as a merchant reads it.

use kassa_journal::JournalError;

#[derive(Debug, thiserror::Error)]
pub enum HubError {
    /// The hub address is not a PostgreSQL address Kassa can use.
    #[error("the hub address must look like postgres://user@host:5432/kassa ({why})")]
    BadAddress { why: String },
    /// Nothing answers at the address (no network, the server down, a wrong host or port).
    #[error(
        "the hub at {hub} cannot be reached ({why}); the till keeps selling and sends its books when the hub is back"
    )]
    Unreachable { hub: String, why: String },
    #[error("the hub at {hub} refused the password of user {user}: check the hub password")]
    WrongPassword { hub: String, user: String },
    #[error("the hub at {hub} has no database {database}: create it, or check the address")]
    NoDatabase { hub: String, database: String },
    #[error("the hub at {hub} cannot be trusted over TLS ({why})")]
    Tls { hub: String, why: String },
    /// The hub's schema was made by a newer Kassa: this one does not write to it.
    #[error(
        "the hub was set up by a newer Kassa (hub schema {found}, this Kassa knows {supported}): update Kassa on this till"
    )]
    TooNew { found: i64, supported: i64 },
    /// The hub holds another shop's books.
    #[error(
        "the hub holds the books of another shop ({hub_merchant}, this till is {ours}): use this shop's own hub"
    )]
    OtherShop { hub_merchant: String, ours: String },
    /// The till's records would leave a gap at the hub (the journal is not the one the hub
    /// knows under this till's id).
    #[error(
        "the hub has this till's records up to {hub_has}, but the journal's next is {first}: the journal is not the one the hub knows as till {till}"
    )]
    Gap {
        till: String,
        hub_has: i64,
        first: i64,
    },
    /// The hub already has records of this till beyond what the journal holds.
    #[error(
        "the hub has records of till {till} up to {hub_has}, more than this journal's {head}: this journal is older than the hub's copy (restored from a backup?)"
    )]
    AheadOfJournal {
        till: String,
        hub_has: i64,
        head: i64,
    },
    #[error("the hub refused a request: {0}")]
    Database(String),
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl HubError {
    /// A failure that may pass by itself (the network, the server restarting): try again.
    pub fn is_transient(&self) -> bool {
        matches!(self, HubError::Unreachable { .. } | HubError::Database(_))
    }

    /// From the client's error, for the hub `hub` and database user `user`.
    pub(crate) fn from_pg(e: tokio_postgres::Error, hub: &str, user: &str, database: &str) -> Self {
        use tokio_postgres::error::SqlState;
        if let Some(code) = e.code() {
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            {
                return HubError::WrongPassword {
                    hub: hub.to_owned(),
                    user: user.to_owned(),
                };
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return HubError::NoDatabase {
                    hub: hub.to_owned(),
                    database: database.to_owned(),
                };
            }
            if *code == SqlState::ADMIN_SHUTDOWN
                || *code == SqlState::CANNOT_CONNECT_NOW
                || *code == SqlState::CRASH_SHUTDOWN
            {
                return HubError::Unreachable {
                    hub: hub.to_owned(),
                    why: "the server is shutting down or starting".into(),
                };
            }
            let message = e
                .as_db_error()
                .map(|d| d.message().to_owned())
                .unwrap_or_else(|| e.to_string());
            return HubError::Database(message);
        }
        let mut why = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            if let Some(io) = s.downcast_ref::<std::io::Error>() {
                why = io.to_string();
            }
            let text = s.to_string();
            if text.contains("certificate") || text.contains("tls") || text.contains("TLS") {
                return HubError::Tls {
                    hub: hub.to_owned(),
                    why: text,
                };
            }
            source = s.source();
        }
        HubError::Unreachable {
            hub: hub.to_owned(),
            why,
        }
    }
}

pub type Result<T> = std::result::Result<T, HubError>;
