//! The Aiia Pay Accept Payments client: `POST /v2/payments/accept` and the payment status,
//! signed with HTTP Basic client credentials as every public example does (an opt-in,
//! not evidenced, Bearer token mode is kept). Every reply is read with a size cap
//! ([`MAX_REPLY_BYTES`]) inside the whole-request deadline. It knows nothing of SQLite, Tauri
//! or the UI. Wire types are in [`wire`]; see `docs/aiia-wire.md`.

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

/// The most of a reply Kassa reads (1 MiB); a longer one is refused as unreadable.
pub const MAX_REPLY_BYTES: usize = 1024 * 1024;

/// How API calls authenticate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMode {
    /// HTTP Basic `client_id:client_secret` on every call: what "Migrating from V1" says v2
    /// takes ("no login token needed") and what every public client sends.
    #[default]
    Basic,
    /// **Not evidenced.** An access token from a `client_credentials` grant at
    /// `POST /v1/oauth/token`, sent as Bearer. No public source shows this grant for the v2
    /// payment endpoints; it is kept only as an explicit opt-in (`KASSA_AUTH=bearer`) for a
    /// service that turns out to need it, and Kassa's sandbox refuses the grant unless told
    /// otherwise (`SandboxConfig::client_credentials`).
    Bearer,
}

/// Where and as whom to talk to Aiia.
#[derive(Debug, Clone)]
pub struct Config {
    /// e.g. `https://api.aiia.eu` or a local sandbox `http://127.0.0.1:4010`.
    pub base_url: String,
    pub client_id: String,
    pub client_secret: Secret,
    pub auth: AuthMode,
    /// Whole-request deadline: from connecting until the last byte of the reply, so a
    /// service that drips its reply cannot hold a call longer.
    pub timeout: Duration,
    /// Refuse anything but `https://` (the base address and every request). Set for live
    /// use by whoever builds the client (`kassa-boot` does, unless the address is loopback).
    pub https_only: bool,
    /// How the client retries token requests and status reads by itself.
    pub retry: RetryPolicy,
}

impl Config {
    pub fn new(base_url: impl Into<String>, client_id: impl Into<String>, secret: Secret) -> Self {
        Config {
            base_url: base_url.into(),
            client_id: client_id.into(),
            client_secret: secret,
            auth: AuthMode::default(),
            timeout: Duration::from_secs(10),
            https_only: false,
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
        if self.https_only && !url.starts_with("https://") {
            return Err(AiiaError::Config(format!(
                "the API address \"{url}\" must start with https:// for real payments"
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
            .https_only(config.https_only)
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

    /// Whether this client refuses every plain-HTTP request (a live counter's).
    pub fn https_only(&self) -> bool {
        self.config.https_only
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
        self.send_mapped(req, url, api_error).await
    }

    /// Sends; a transport failure becomes a timeout or a network error, and a refusal (any
    /// status but 2xx and 404) is handed to `refused` with its body, read under the same cap
    /// as every reply (an unreadable body still yields the status).
    pub(crate) async fn send_mapped(
        &self,
        req: RequestBuilder,
        url: &str,
        refused: fn(StatusCode, &[u8], Option<Duration>) -> AiiaError,
    ) -> Result<Response, AiiaError> {
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
        let body = read_capped(reply).await.unwrap_or_default();
        Err(refused(status, &body, retry_after))
    }
}

/// What a refused API call means: the API's `{code, message}` or OAuth's `{error,
/// error_description}`, else the HTTP status and its reason.
fn api_error(status: StatusCode, body: &[u8], retry_after: Option<Duration>) -> AiiaError {
    let body: ErrorBody = serde_json::from_slice(body).unwrap_or_default();
    let (code, message) = body.code_and_message();
    refusal(status, code, message, retry_after)
}

/// The error for a refused call, with the code and message its body gave (else the HTTP
/// status and its reason).
pub(crate) fn refusal(
    status: StatusCode,
    code: Option<String>,
    message: Option<String>,
    retry_after: Option<Duration>,
) -> AiiaError {
    let code = code.unwrap_or_else(|| status.as_str().to_owned());
    let message =
        message.unwrap_or_else(|| status.canonical_reason().unwrap_or("no message").to_owned());
    match status {
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
    }
}

/// Reads a reply's body chunk by chunk, stopping at [`MAX_REPLY_BYTES`]. The client's
/// whole-request deadline runs on while it reads, so a dripping body ends as a timeout.
async fn read_capped(mut reply: Response) -> Result<Vec<u8>, AiiaError> {
    let url = reply.url().to_string();
    let too_large = |url: &str| AiiaError::Malformed {
        detail: format!(
            "the reply from {url} is larger than {} KiB, more than any Aiia reply",
            MAX_REPLY_BYTES / 1024
        ),
        source: None,
    };
    if reply
        .content_length()
        .is_some_and(|n| n > MAX_REPLY_BYTES as u64)
    {
        return Err(too_large(&url));
    }
    let mut body = Vec::new();
    loop {
        // A body that breaks off is a broken connection: the call may have done its work.
        let chunk = reply.chunk().await.map_err(|e| {
            if e.is_timeout() {
                AiiaError::Timeout {
                    url: url.clone(),
                    source: e,
                }
            } else {
                AiiaError::Network {
                    url: url.clone(),
                    source: e,
                }
            }
        })?;
        let Some(chunk) = chunk else {
            return Ok(body);
        };
        if body.len() + chunk.len() > MAX_REPLY_BYTES {
            return Err(too_large(&url));
        }
        body.extend_from_slice(&chunk);
    }
}

async fn read_json<T: serde::de::DeserializeOwned>(reply: Response) -> Result<T, AiiaError> {
    let bytes = read_capped(reply).await?;
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

/// True for a plain-HTTP address on this machine (`http://127.0.0.1`, `http://[::1]`,
/// `http://localhost`): the only place a client may speak without TLS.
pub fn is_loopback_http(url: &str) -> bool {
    let Some(rest) = url.trim().strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return false;
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Percent-encodes a path segment (payment ids look like `20200710.cys5ihh856sw7btuoimya551nh`,
/// but nothing about their shape is assumed or trusted).
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
        assert_eq!(
            encode_path("20200710.cys5ihh856sw7btuoimya551nh"),
            "20200710.cys5ihh856sw7btuoimya551nh"
        );
    }

    #[test]
    fn client_debug_has_no_secret() {
        let c = Config::new("https://x", "id", Secret::new("topsecret"));
        assert!(!format!("{c:?}").contains("topsecret"));
    }
}
