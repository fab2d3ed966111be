//! The Aiia Pay Accept Payments client: OAuth client-credentials token (cached until shortly
//! before it expires), `POST /v2/payments/accept` and the payment status. It knows nothing of
//! SQLite, Tauri or the UI. Wire types are in [`wire`]; see `docs/aiia-wire.md`.

pub mod connect;
mod error;
pub mod retry;
mod secret;
pub mod webhook;
pub mod wire;

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{AUTHORIZATION, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use tokio::sync::Mutex;
use tokio::time::Instant;

pub use error::AiiaError;
use retry::{Call, Jitter, RandomJitter, RetryPolicy};
pub use secret::Secret;
use wire::{
    AcceptPaymentRequest, AcceptPaymentResponse, ErrorBody, PaymentStatusResponse, TokenResponse,
};

/// Production API host.
pub const PRODUCTION_URL: &str = "https://api.aiia.eu";
/// Aiia's own sandbox host.
pub const AIIA_SANDBOX_URL: &str = "https://api-sandbox.aiia.eu";

/// How API calls authenticate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMode {
    /// A client-credentials access token from `POST /v1/oauth/token`, sent as Bearer.
    #[default]
    Bearer,
    /// HTTP Basic with the client id and secret on every call (what v2 also accepts).
    Basic,
}

/// Where and as whom to talk to Aiia.
#[derive(Debug, Clone)]
pub struct Config {
    /// e.g. `https://api.aiia.eu` or a local sandbox `http://127.0.0.1:4010`.
    pub base_url: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub auth: AuthMode,
    /// Whole-request timeout.
    pub timeout: Duration,
    /// How the client retries token requests and status reads by itself.
    pub retry: RetryPolicy,
}

impl Config {
    pub fn new(base_url: impl Into<String>, client_id: impl Into<String>, secret: Secret) -> Self {
        Config {
            base_url: base_url.into(),
            client_id: client_id.into(),
            client_secret: secret,
            auth: AuthMode::Bearer,
            timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
        }
    }

    /// Checks the settings a merchant typed, with a message that says what to fix.
    pub fn validate(&self) -> Result<(), AiiaError> {
        let url = self.base_url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(AiiaError::Config(format!(
                "the API address \"{url}\" must start with https:// (or http:// for a local sandbox)"
            )));
        }
        if url
            .trim_end_matches('/')
            .split("://")
            .nth(1)
            .is_none_or(str::is_empty)
        {
            return Err(AiiaError::Config(format!(
                "the API address \"{url}\" has no host"
            )));
        }
        if self.client_id.trim().is_empty() {
            return Err(AiiaError::Config("the Client ID is empty".into()));
        }
        if self.client_secret.is_empty() {
            return Err(AiiaError::Config("the Client Secret is empty".into()));
        }
        Ok(())
    }
}

struct CachedToken {
    value: Secret,
    refresh_at: Instant,
}

/// Aiia Pay client. Cheap to share behind an `Arc`; the token cache is internal.
pub struct Client {
    http: reqwest::Client,
    base: String,
    config: Config,
    token: Mutex<Option<CachedToken>>,
    jitter: Arc<dyn Jitter>,
}

/// A token is renewed this long before Aiia says it expires (or at half its life if shorter).
const TOKEN_EARLY: Duration = Duration::from_secs(60);

impl Client {
    pub fn new(config: Config) -> Result<Self, AiiaError> {
        Client::with_jitter(config, Arc::new(RandomJitter::default()))
    }

    /// A client whose retry waits take their randomness from `jitter`.
    pub fn with_jitter(config: Config, jitter: Arc<dyn Jitter>) -> Result<Self, AiiaError> {
        config.validate()?;
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(Duration::from_secs(5))
            .user_agent(concat!("kassa/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| AiiaError::Config(format!("cannot start the HTTP client: {e}")))?;
        Ok(Client {
            http,
            base: config.base_url.trim().trim_end_matches('/').to_owned(),
            config,
            token: Mutex::new(None),
            jitter,
        })
    }

    /// The service's clock minus ours, in seconds, from the `Date` header of a plain GET of
    /// the base address (`None` when the service sends no readable `Date`).
    pub async fn clock_skew_secs(&self, now_unix: i64) -> Result<Option<i64>, AiiaError> {
        let url = format!("{}/", self.base);
        let reply = self
            .http
            .get(&url)
            .send()
            .await
            .map_err(|e| AiiaError::Network {
                url: url.clone(),
                source: e,
            })?;
        let server = reply
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_secs()).ok());
        Ok(server.map(|s| s - now_unix))
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// `POST /v2/payments/accept`: creates a payment and returns its id and authorization link.
    pub async fn accept_payment(
        &self,
        request: &AcceptPaymentRequest,
    ) -> Result<AcceptPaymentResponse, AiiaError> {
        let url = format!("{}/v2/payments/accept", self.base);
        let reply = self
            .send_authorized(|http| http.request(Method::POST, &url).json(request))
            .await?;
        let parsed: AcceptPaymentResponse = read_json(reply).await?;
        if parsed.payment_id.trim().is_empty() || !parsed.authorization_url.starts_with("http") {
            return Err(AiiaError::Malformed {
                detail: "the reply has no usable paymentId or authorizationUrl".into(),
                source: None,
            });
        }
        Ok(parsed)
    }

    /// `GET /v2/payments/accept/{paymentId}`. A passing failure is retried (see
    /// [`retry`]); a timeout is not, so the caller's next poll is the retry.
    pub async fn payment_status(
        &self,
        payment_id: &str,
    ) -> Result<PaymentStatusResponse, AiiaError> {
        let mut failures = 0;
        loop {
            match self.payment_status_once(payment_id).await {
                Err(e) => {
                    failures += 1;
                    self.pause_before_retry(Call::Status, e, failures).await?;
                }
                ok => return ok,
            }
        }
    }

    async fn payment_status_once(
        &self,
        payment_id: &str,
    ) -> Result<PaymentStatusResponse, AiiaError> {
        let url = format!(
            "{}/v2/payments/accept/{}",
            self.base,
            encode_path(payment_id)
        );
        let reply = self
            .send_authorized(|http| http.request(Method::GET, &url))
            .await?;
        if reply.status() == StatusCode::NOT_FOUND {
            return Err(AiiaError::NotFound(payment_id.to_owned()));
        }
        read_json(reply).await
    }

    /// Waits before retrying `call` after its `failures`-th failure, or gives `error` back
    /// when the policy says not to retry.
    async fn pause_before_retry(
        &self,
        call: Call,
        error: AiiaError,
        failures: u32,
    ) -> Result<(), AiiaError> {
        match self
            .config
            .retry
            .next_wait(call, &error, failures, self.jitter.as_ref())
        {
            Some(wait) => {
                tracing::info!(?call, error = %error, wait_ms = wait.as_millis(), "retrying");
                tokio::time::sleep(wait).await;
                Ok(())
            }
            None => Err(error),
        }
    }

    /// A valid access token, from the cache or freshly fetched (passing failures of the
    /// token request are retried).
    pub async fn access_token(&self) -> Result<Secret, AiiaError> {
        let mut cached = self.token.lock().await;
        if let Some(t) = cached.as_ref().filter(|t| Instant::now() < t.refresh_at) {
            return Ok(t.value.clone());
        }
        let mut failures = 0;
        let token = loop {
            match self.fetch_token().await {
                Ok(token) => break token,
                Err(e) => {
                    failures += 1;
                    self.pause_before_retry(Call::Token, e, failures).await?;
                }
            }
        };
        let life = Duration::from_secs(token.expires_in);
        let early = TOKEN_EARLY.min(life / 2);
        let value = Secret::new(token.access_token);
        *cached = Some(CachedToken {
            value: value.clone(),
            refresh_at: Instant::now() + life - early,
        });
        tracing::debug!(expires_in = token.expires_in, "got an Aiia access token");
        Ok(value)
    }

    async fn fetch_token(&self) -> Result<TokenResponse, AiiaError> {
        let url = format!("{}/v1/oauth/token", self.base);
        let reply = self
            .send(
                self.http
                    .post(&url)
                    .basic_auth(
                        &self.config.client_id,
                        Some(self.config.client_secret.expose()),
                    )
                    .form(&[("grant_type", "client_credentials")]),
                &url,
            )
            .await?;
        read_json(reply).await
    }

    async fn forget_token(&self) {
        *self.token.lock().await = None;
    }

    /// Sends an API call with credentials; on a 401 with a cached Bearer token, renews the
    /// token once and sends again.
    async fn send_authorized(
        &self,
        build: impl Fn(&reqwest::Client) -> RequestBuilder,
    ) -> Result<Response, AiiaError> {
        let mut renewed = false;
        loop {
            let req = build(&self.http);
            let url = req
                .try_clone()
                .and_then(|r| r.build().ok())
                .map(|r| r.url().to_string())
                .unwrap_or_default();
            let req = match self.config.auth {
                AuthMode::Basic => req.basic_auth(
                    &self.config.client_id,
                    Some(self.config.client_secret.expose()),
                ),
                AuthMode::Bearer => {
                    let token = self
                        .access_token()
                        .await
                        .map_err(AiiaError::while_signing_in)?;
                    req.header(AUTHORIZATION, format!("Bearer {}", token.expose()))
                }
            };
            match self.send(req, &url).await {
                Err(AiiaError::Unauthorized { .. })
                    if self.config.auth == AuthMode::Bearer && !renewed =>
                {
                    tracing::info!("Aiia refused the access token; renewing it once");
                    self.forget_token().await;
                    renewed = true;
                }
                other => return other,
            }
        }
    }

    /// Sends and maps transport failures and error statuses; a 2xx or 404 comes back as is.
    async fn send(&self, req: RequestBuilder, url: &str) -> Result<Response, AiiaError> {
        let reply = req.send().await.map_err(|e| {
            if e.is_timeout() {
                AiiaError::Timeout {
                    url: url.to_owned(),
                    source: e,
                }
            } else {
                AiiaError::Network {
                    url: url.to_owned(),
                    source: e,
                }
            }
        })?;
        let status = reply.status();
        if status.is_success() || status == StatusCode::NOT_FOUND {
            return Ok(reply);
        }
        let retry_after = reply
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let text = reply.text().await.unwrap_or_default();
        let body: ErrorBody = serde_json::from_str(&text).unwrap_or_default();
        let code = body.code.unwrap_or_else(|| status.as_str().to_owned());
        let message = body
            .message
            .unwrap_or_else(|| status.canonical_reason().unwrap_or("no message").to_owned());
        Err(match status {
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => AiiaError::Unauthorized { message },
            StatusCode::TOO_MANY_REQUESTS => AiiaError::RateLimited { retry_after },
            s if s.is_server_error() => AiiaError::Server {
                status: s.as_u16(),
                code,
                message,
                retry_after,
            },
            s => AiiaError::Rejected {
                status: s.as_u16(),
                code,
                message,
            },
        })
    }
}

async fn read_json<T: serde::de::DeserializeOwned>(reply: Response) -> Result<T, AiiaError> {
    let url = reply.url().to_string();
    // A body that breaks off is a broken connection: the call may have done its work.
    let bytes = reply.bytes().await.map_err(|e| {
        if e.is_timeout() {
            AiiaError::Timeout { url, source: e }
        } else {
            AiiaError::Network { url, source: e }
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|e| AiiaError::Malformed {
        detail: format!("{e} in {}", preview(&bytes)),
        source: Some(e),
    })
}

fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut p: String = text.chars().take(120).collect();
    if text.chars().count() > 120 {
        p.push('…');
    }
    format!("\"{p}\"")
}

/// Percent-encodes a path segment (payment ids are UUIDs, but nothing is trusted).
fn encode_path(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(url: &str) -> Config {
        Config::new(url, "id", Secret::new("s"))
    }

    #[test]
    fn settings_are_checked_with_a_useful_message() {
        assert!(config("https://api.aiia.eu").validate().is_ok());
        assert!(config("http://127.0.0.1:4010/").validate().is_ok());
        let e = config("api.aiia.eu").validate().unwrap_err();
        assert!(e.to_string().contains("must start with https://"), "{e}");
        assert!(config("https://").validate().is_err());
        let mut c = config("https://api.aiia.eu");
        c.client_secret = Secret::new("");
        assert!(
            c.validate()
                .unwrap_err()
                .to_string()
                .contains("Client Secret")
        );
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(encode_path("0b8f-AZ_1.~"), "0b8f-AZ_1.~");
        assert_eq!(encode_path("../x y"), "..%2Fx%20y");
    }

    #[test]
    fn client_debug_has_no_secret() {
        let c = Config::new("https://x", "id", Secret::new("topsecret"));
        assert!(!format!("{c:?}").contains("topsecret"));
    }
}
