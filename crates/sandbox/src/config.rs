//! What a sandbox instance accepts and how fast its payments move.

use std::fmt;
use std::time::Duration;

use crate::faults::Faults;

/// How the status endpoint writes a payment's status (`docs/aiia-wire.md`, "Payment status").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusShape {
    /// `{"id", …, "status": {"code", "lastUpdated", "details": {"reason", "description",
    /// "messageToPayer"}}}`, as the public clients read it.
    #[default]
    Object,
    /// `{"paymentId", "status": "Executed", …, "updatedAt"}`, as one public client reads it.
    Flat,
}

impl StatusShape {
    /// `object` or `flat` (the `--status-shape` flag, `KASSA_SANDBOX_STATUS_SHAPE`).
    pub fn parse(text: &str) -> Option<StatusShape> {
        match text.trim().to_ascii_lowercase().as_str() {
            "object" => Some(StatusShape::Object),
            "flat" => Some(StatusShape::Flat),
            _ => None,
        }
    }
}

/// Credentials, destinations and timings of one sandbox. The defaults follow the real
/// service: a link must be opened within 60 s and a bank session lives 5 minutes.
#[derive(Clone, PartialEq, Eq)]
pub struct SandboxConfig {
    /// Client ID the token endpoint and HTTP Basic accept.
    pub client_id: String,
    /// Client Secret paired with `client_id`.
    pub client_secret: String,
    /// Destinations (payee accounts) "connected" to this client; any other is refused.
    pub destination_ids: Vec<String>,
    /// Redirect addresses registered for the Connect flow besides loopback ones.
    pub redirect_uris: Vec<String>,
    /// The authorization link must be opened within this time after creation.
    pub link_ttl: Duration,
    /// An opened bank session expires after this time without a decision.
    pub session_ttl: Duration,
    /// Time from `Authorized` to `Executed`.
    pub settle_delay: Duration,
    /// Lifetime of an access token from `POST /v1/oauth/token`.
    pub token_ttl: Duration,
    /// Where signed event notifications go; none are sent without one. Settable at run time
    /// too ([`crate::Sandbox::set_webhook`], `PUT /sandbox/admin/webhook`).
    pub webhook_url: Option<String>,
    /// The secret event notifications are signed with (HMAC-SHA256).
    pub webhook_secret: String,
    /// Which signature deliveries carry: `X-Aiia-*` (default) or the older `X-Viia-Signature`.
    pub webhook_signing: crate::webhooks::WebhookSigning,
    /// Faults injected from the start (none by default); changeable while running.
    pub faults: Faults,
    /// The shape of status replies (the object one by default).
    pub status_shape: StatusShape,
    /// Issue Bearer tokens for `grant_type=client_credentials`. Off by default: no public
    /// source shows the real service offering that grant, so the sandbox answers
    /// `unsupported_grant_type` like it would; on only for Kassa's opt-in, not evidenced
    /// Bearer mode (`KASSA_AUTH=bearer`) and its tests.
    pub client_credentials: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            client_id: "sandbox-client".into(),
            client_secret: "sandbox-secret".into(),
            destination_ids: vec!["sandbox-destination".into(), "sandbox-savings".into()],
            redirect_uris: Vec::new(),
            link_ttl: Duration::from_secs(60),
            session_ttl: Duration::from_secs(300),
            settle_delay: Duration::from_millis(300),
            token_ttl: Duration::from_secs(3600),
            webhook_url: None,
            webhook_secret: "sandbox-webhook-secret".into(),
            webhook_signing: crate::webhooks::WebhookSigning::Aiia,
            faults: Faults::default(),
            status_shape: StatusShape::default(),
            client_credentials: false,
        }
    }
}

/// Keeps the client secret out of debug output and so out of logs.
impl fmt::Debug for SandboxConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxConfig")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("destination_ids", &self.destination_ids)
            .field("redirect_uris", &self.redirect_uris)
            .field("link_ttl", &self.link_ttl)
            .field("session_ttl", &self.session_ttl)
            .field("settle_delay", &self.settle_delay)
            .field("token_ttl", &self.token_ttl)
            .field("webhook_url", &self.webhook_url)
            .field("webhook_secret", &"<redacted>")
            .field("webhook_signing", &self.webhook_signing)
            .field("faults", &self.faults)
            .field("status_shape", &self.status_shape)
            .field("client_credentials", &self.client_credentials)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_the_secret() {
        let text = format!("{:?}", SandboxConfig::default());
        assert!(text.contains("sandbox-client"));
        assert!(!text.contains("sandbox-secret"));
        assert!(!text.contains("sandbox-webhook-secret"));
    }
}
