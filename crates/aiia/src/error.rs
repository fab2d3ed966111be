use std::time::Duration;

/// What went wrong talking to Aiia. Each variant keeps its cause; `Display` is a plain
/// sentence a merchant can act on.
#[derive(Debug, thiserror::Error)]
pub enum AiiaError {
    #[error("bad setting: {0}")]
    Config(String),
    /// No connection (nothing was sent), or the connection broke before the reply was in.
    #[error("{}", network_text(url, source))]
    Network {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("the payment service did not answer in time ({url})")]
    Timeout {
        url: String,
        #[source]
        source: reqwest::Error,
    },
    #[error("the payment service refused the credentials: {message}")]
    Unauthorized { message: String },
    #[error("the payment service refused the request ({code}): {message}")]
    Rejected {
        status: u16,
        code: String,
        message: String,
    },
    #[error("payment {0} is unknown to the payment service")]
    NotFound(String),
    #[error("the payment service is busy{}", retry_hint(*.retry_after))]
    RateLimited { retry_after: Option<Duration> },
    #[error("the payment service has a problem (HTTP {status}, {code}): {message}")]
    Server {
        status: u16,
        code: String,
        message: String,
        retry_after: Option<Duration>,
    },
    #[error("the payment service sent a reply Kassa cannot read: {detail}")]
    Malformed {
        detail: String,
        #[source]
        source: Option<serde_json::Error>,
    },
    /// The access token could not be had, so the call itself was never sent.
    #[error("cannot sign in to the payment service: {source}")]
    Token {
        #[source]
        source: Box<AiiaError>,
    },
}

fn network_text(url: &str, source: &reqwest::Error) -> String {
    if source.is_connect() {
        format!("cannot reach the payment service at {url}")
    } else {
        format!("the connection to the payment service at {url} broke before its reply came")
    }
}

fn retry_hint(after: Option<Duration>) -> String {
    match after {
        Some(d) => format!("; try again in {} s", d.as_secs()),
        None => String::new(),
    }
}

impl AiiaError {
    /// True when the same request may simply be tried again later. For a create call this
    /// says nothing about whether a payment was made; the caller must account for that.
    pub fn is_transient(&self) -> bool {
        match self {
            AiiaError::Network { .. }
            | AiiaError::Timeout { .. }
            | AiiaError::RateLimited { .. }
            | AiiaError::Server { .. }
            | AiiaError::Malformed { .. } => true,
            AiiaError::Token { source } => source.is_transient(),
            AiiaError::Config(_)
            | AiiaError::Unauthorized { .. }
            | AiiaError::Rejected { .. }
            | AiiaError::NotFound(_) => false,
        }
    }

    /// After a failed create call: could Aiia have made the payment anyway? True when the
    /// request may have arrived and only the reply was lost or unreadable.
    pub fn payment_may_exist(&self) -> bool {
        match self {
            AiiaError::Network { source, .. } | AiiaError::Timeout { source, .. } => {
                !source.is_connect()
            }
            AiiaError::Server { .. } | AiiaError::Malformed { .. } => true,
            AiiaError::Config(_)
            | AiiaError::Unauthorized { .. }
            | AiiaError::Rejected { .. }
            | AiiaError::NotFound(_)
            | AiiaError::RateLimited { .. }
            | AiiaError::Token { .. } => false,
        }
    }

    /// The wait the service asked for, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            AiiaError::RateLimited { retry_after } | AiiaError::Server { retry_after, .. } => {
                *retry_after
            }
            AiiaError::Token { source } => source.retry_after(),
            _ => None,
        }
    }
}

impl AiiaError {
    /// A failure of the token request, as seen by the call that needed the token. A
    /// refusal of the credentials and a bad setting stay as they are: they say it all.
    pub(crate) fn while_signing_in(self) -> AiiaError {
        match self {
            e @ (AiiaError::Unauthorized { .. }
            | AiiaError::Config(_)
            | AiiaError::Token { .. }) => e,
            e => AiiaError::Token {
                source: Box::new(e),
            },
        }
    }

    /// The connection broke after the request was sent (not a refused connection).
    pub fn is_lost_reply(&self) -> bool {
        match self {
            AiiaError::Network { source, .. } => !source.is_connect(),
            _ => false,
        }
    }
}
