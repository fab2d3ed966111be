//! A counter's end and its handover to new settings: the old counter lets go of everything
//! it holds (webhook port, embedded sandbox, engine, journal lock) before the new one
//! starts on the same journal; if the new one cannot start, the old settings start again.

use std::time::Duration;

use std::sync::Arc;

use kassa_saft::events::JournalEvent;
use kassa_shop::staff::Action;

use crate::session::Session;
use crate::{BootError, Counter, Settings, open_idle};

/// How long [`Counter::stop`] waits for the engine's last tasks (a driver finishing, a call
/// in flight) to let go of it.
const DRAIN: Duration = Duration::from_secs(5);

impl Counter {
    /// Stops the counter: closes the webhook listener (its port is free when this returns),
    /// stops the embedded sandbox, waits (a few seconds at most) for the engine's tasks to
    /// end, closes the journal and releases its lock, so another counter can take it.
    /// Meant for an idle counter (`!till.is_busy()`): sales still followed stop being
    /// followed here and are resumed by the next start. The shut down is journaled (13002,
    /// naming who was logged in).
    pub async fn stop(self) {
        if let Err(e) = self.record_event(JournalEvent::AppShutDown, "") {
            tracing::warn!(error = %e, "the shut down could not be journaled");
        }
        self.release().await
    }

    /// [`Counter::stop`] without the shut down journaled (a handover: the application runs on).
    async fn release(self) {
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
            Ok(_) if matches!(self.error, BootError::Session(_)) => write!(
                f,
                "{} Kassa keeps running on the current settings.",
                self.error
            ),
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
    let was_training = old.backend().is_training();
    let training = new.backend().is_training();
    // Changing the settings needs a manager; moving between training and live is the
    // training-mode switch (a manager's approval of that covers the settings it takes).
    let action = if was_training != training {
        Action::TrainingMode
    } else {
        Action::Settings
    };
    if let Err(e) = old.require(action) {
        return Err(HandoverFailed {
            error: e.into(),
            previous: Ok(old),
        });
    }
    let previous = old.settings().clone();
    let session = Arc::clone(&old.session);
    old.release().await;
    match start_with(new, Arc::clone(&session)).await {
        Ok(counter) => {
            tracing::info!(mode = ?counter.mode, "the counter runs on the new settings");
            if was_training != training {
                let event = if training {
                    JournalEvent::TrainingModeOn
                } else {
                    JournalEvent::TrainingModeOff
                };
                if let Err(e) = counter.record_event(event, "") {
                    tracing::warn!(error = %e, "the training-mode switch could not be journaled");
                }
            }
            Ok(counter)
        }
        Err(error) => {
            tracing::warn!(error = %error, "the new settings could not start; starting the previous ones again");
            let previous = start_with(previous, session).await;
            if let Err(e) = &previous {
                tracing::error!(error = %e, "the previous settings could not start again");
            }
            Err(HandoverFailed { error, previous })
        }
    }
}

/// [`start`] carrying `session` over from the counter before (who is logged in stays so).
async fn start_with(settings: Settings, session: Arc<Session>) -> Result<Counter, BootError> {
    let mut counter = open_idle(settings).await?;
    counter.adopt_session(session);
    let open = counter.till.resume()?;
    if !open.is_empty() {
        tracing::info!(count = open.len(), "resumed open sales");
    }
    Ok(counter)
}
