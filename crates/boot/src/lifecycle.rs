//! A counter's end and its handover to new settings: the old counter lets go of everything
//! it holds (webhook port, embedded sandbox, engine, journal lock) before the new one
//! starts on the same journal; if the new one cannot start, the old settings start again.

use std::time::Duration;

use crate::{BootError, Counter, Settings, start};

/// How long [`Counter::stop`] waits for the engine's last tasks (a driver finishing, a call
/// in flight) to let go of it.
const DRAIN: Duration = Duration::from_secs(5);

impl Counter {
    /// Stops the counter: closes the webhook listener (its port is free when this returns),
    /// stops the embedded sandbox, waits (a few seconds at most) for the engine's tasks to
    /// end, closes the journal and releases its lock, so another counter can take it.
    /// Meant for an idle counter (`!till.is_busy()`): sales still followed stop being
    /// followed here and are resumed by the next start.
    pub async fn stop(self) {
        let Counter {
            till,
            sandbox,
            webhooks,
            owner,
            ..
        } = self;
        if till.is_busy() {
            tracing::warn!(
                "stopping a counter that still follows payments; the next start resumes them"
            );
        }
        if let Some(listener) = webhooks {
            listener.shutdown().await;
        }
        if let Some(sandbox) = sandbox {
            sandbox.shutdown().await;
        }
        let deadline = tokio::time::Instant::now() + DRAIN;
        while till.handles() > 1 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        if till.handles() > 1 {
            tracing::warn!(
                handles = till.handles(),
                "the engine is still in use after the counter stopped"
            );
        }
        // The last handle: the journal closes and every event subscriber sees the end.
        drop(till);
        drop(owner);
        tracing::info!("counter stopped");
    }
}

/// Why [`handover`] did not move to the new settings, and what runs instead.
#[derive(Debug)]
pub struct HandoverFailed {
    /// Why the new settings could not start.
    pub error: BootError,
    /// The counter on the previous settings, started again; `Err` when even that failed.
    pub previous: Result<Counter, BootError>,
}

impl std::fmt::Display for HandoverFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.previous {
            Ok(_) => write!(
                f,
                "The new settings could not start: {}. Kassa keeps running on the previous settings.",
                self.error
            ),
            Err(again) => write!(
                f,
                "The new settings could not start: {}. The previous settings could not start again either: {again}",
                self.error
            ),
        }
    }
}

impl std::error::Error for HandoverFailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl std::fmt::Debug for Counter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counter")
            .field("mode", &self.mode)
            .field("api_url", &self.api_url)
            .field("db", &self.settings.db_path)
            .finish_non_exhaustive()
    }
}

/// Moves from the counter `old` to one on `new`: `old` stops first ([`Counter::stop`]: the
/// webhook port, the embedded sandbox and the journal are free), then `new` starts on the
/// same journal. If it cannot start, `old`'s settings start again and come back with the
/// reason ([`HandoverFailed`]), so the counter keeps running and the screen can say why.
/// Nothing is saved here: the host stores the new settings once this succeeds.
pub async fn handover(old: Counter, new: Settings) -> Result<Counter, HandoverFailed> {
    let previous = old.settings().clone();
    old.stop().await;
    match start(new).await {
        Ok(counter) => {
            tracing::info!(mode = ?counter.mode, "the counter runs on the new settings");
            Ok(counter)
        }
        Err(error) => {
            tracing::warn!(error = %error, "the new settings could not start; starting the previous ones again");
            let previous = start(previous).await;
            if let Err(e) = &previous {
                tracing::error!(error = %e, "the previous settings could not start again");
            }
            Err(HandoverFailed { error, previous })
        }
    }
}
