//! The shipper: a task beside the counter that reads what the journal has committed (on a
//! read-only connection of its own, so it never waits for or holds up a sale) and sends it
//! to the hub, in order, in batches, from wherever the hub's copy ends. When the hub is
//! away it says so and tries again, sooner at first and then every [`MAX_BACKOFF`]; the
//! till sells on. Its state is kept in a small file beside the journal (`hub-status.json`)
//! for `kassa status` and the window.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use kassa_journal::Journal;
use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, watch};

use crate::{Hub, HubConfig, HubError, Result, Shipped, TillIdentity};

/// The longest wait between two attempts to reach the hub.
pub const MAX_BACKOFF: Duration = Duration::from_secs(15);
/// Records per transaction at the hub.
pub const BATCH: usize = 2_000;

/// The shipper's status file beside the journal `db`.
pub fn status_path(db: &Path) -> PathBuf {
    db.with_file_name("hub-status.json")
}

/// Why the hub has not got the books, in a form every host can say in its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    BadAddress {
        why: String,
    },
    Unreachable {
        hub: String,
        why: String,
    },
    WrongPassword {
        hub: String,
        user: String,
    },
    NoDatabase {
        hub: String,
        database: String,
    },
    Tls {
        hub: String,
        why: String,
    },
    TooNew {
        found: i64,
        supported: i64,
    },
    OtherShop {
        hub_merchant: String,
        ours: String,
    },
    Gap {
        till: String,
        hub_has: i64,
        first: i64,
    },
    AheadOfJournal {
        till: String,
        hub_has: i64,
        head: i64,
    },
    Other {
        what: String,
    },
}

impl From<&HubError> for Problem {
    fn from(e: &HubError) -> Self {
        match e {
            HubError::BadAddress { why } => Problem::BadAddress { why: why.clone() },
            HubError::Unreachable { hub, why } => Problem::Unreachable {
                hub: hub.clone(),
                why: why.clone(),
            },
            HubError::WrongPassword { hub, user } => Problem::WrongPassword {
                hub: hub.clone(),
                user: user.clone(),
            },
            HubError::NoDatabase { hub, database } => Problem::NoDatabase {
                hub: hub.clone(),
                database: database.clone(),
            },
            HubError::Tls { hub, why } => Problem::Tls {
                hub: hub.clone(),
                why: why.clone(),
            },
            HubError::TooNew { found, supported } => Problem::TooNew {
                found: *found,
                supported: *supported,
            },
            HubError::OtherShop { hub_merchant, ours } => Problem::OtherShop {
                hub_merchant: hub_merchant.clone(),
                ours: ours.clone(),
            },
            HubError::Gap {
                till,
                hub_has,
                first,
            } => Problem::Gap {
                till: till.clone(),
                hub_has: *hub_has,
                first: *first,
            },
            HubError::AheadOfJournal {
                till,
                hub_has,
                head,
            } => Problem::AheadOfJournal {
                till: till.clone(),
                hub_has: *hub_has,
                head: *head,
            },
            other => Problem::Other {
                what: other.to_string(),
            },
        }
    }
}

/// How far the hub is behind this till.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubStatus {
    /// `host:port/database`.
    pub hub: String,
    /// The journal's newest record when last looked at.
    pub head: i64,
    /// The hub has the records up to here.
    pub acked: i64,
    /// When the hub last took records or said it had them all (ms since 1970).
    pub last_ok_ms: Option<i64>,
    /// When this was written.
    pub at_ms: i64,
    /// Why the hub is not being reached, if it is not.
    pub problem: Option<Problem>,
}

impl HubStatus {
    /// Records the hub does not have yet.
    pub fn behind(&self) -> i64 {
        (self.head - self.acked).max(0)
    }

    /// The status last written beside the journal `db`, if any.
    pub fn read(db: &Path) -> Option<HubStatus> {
        let text = std::fs::read_to_string(status_path(db)).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Keeps this as the status beside the journal `db` (what `kassa status` reads).
    pub fn write_beside(&self, db: &Path) {
        self.write(&status_path(db));
    }

    fn write(&self, path: &Path) {
        let Ok(text) = serde_json::to_string(self) else {
            return;
        };
        let tmp = path.with_extension("json.tmp");
        // A status that cannot be written is only a missing hint: selling goes on.
        if std::fs::write(&tmp, text).is_ok() {
            let _ = std::fs::rename(&tmp, path);
        }
    }
}

/// What the shipper needs.
#[derive(Clone)]
pub struct ShipperSettings {
    pub journal: PathBuf,
    pub hub: HubConfig,
    pub till: TillIdentity,
    /// Time, passed in: ms since 1970.
    pub now_ms: Arc<dyn Fn() -> i64 + Send + Sync>,
    /// How often to look for new records when nothing pokes the shipper.
    pub idle: Duration,
}

/// A running shipper.
pub struct Shipper {
    stop: watch::Sender<bool>,
    status: watch::Receiver<HubStatus>,
    poke: Arc<Notify>,
    task: Option<tokio::task::JoinHandle<()>>,
}

/// A shipper dropped (the counter stopping) ends at once: a batch in flight rolls back at
/// the hub and is sent again next time.
impl Drop for Shipper {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

impl Shipper {
    /// Starts shipping beside the counter.
    pub fn start(settings: ShipperSettings) -> Shipper {
        let (stop, stopped) = watch::channel(false);
        let first = HubStatus {
            hub: settings.hub.shown().to_owned(),
            head: 0,
            acked: 0,
            last_ok_ms: None,
            at_ms: (settings.now_ms)(),
            problem: None,
        };
        let (status_tx, status) = watch::channel(first);
        let poke = Arc::new(Notify::new());
        let task = tokio::spawn(run(settings, stopped, status_tx, poke.clone()));
        Shipper {
            stop,
            status,
            poke,
            task: Some(task),
        }
    }

    /// The shipper's latest word.
    pub fn status(&self) -> HubStatus {
        self.status.borrow().clone()
    }

    /// Something was committed: look now rather than at the next idle tick.
    pub fn poke(&self) {
        self.poke.notify_one();
    }

    /// A receiver that sees every new status (tests wait on it).
    pub fn watch(&self) -> watch::Receiver<HubStatus> {
        self.status.clone()
    }

    /// Stops after the batch in flight (which commits or rolls back whole at the hub).
    pub async fn stop(mut self) {
        let _ = self.stop.send(true);
        self.poke.notify_one();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

async fn run(
    s: ShipperSettings,
    mut stopped: watch::Receiver<bool>,
    status: watch::Sender<HubStatus>,
    poke: Arc<Notify>,
) {
    let path = status_path(&s.journal);
    let mut backoff = Duration::from_millis(500);
    let mut acked = 0;
    let mut last_ok = None;
    let mut head = 0;
    // The file beside the journal is written when what it says changes, and at least once
    // a minute (its `at_ms`); the screen's watch sees every status.
    let mut written: Option<(i64, i64, bool, i64)> = None;
    let mut publish = |st: HubStatus| {
        let now = (st.head, st.acked, st.problem.is_some());
        let due = match written {
            Some((head, acked, problem, at)) => {
                (head, acked, problem) != now || st.at_ms - at >= 60_000
            }
            None => true,
        };
        if due {
            st.write(&path);
            written = Some((now.0, now.1, now.2, st.at_ms));
        }
        let _ = status.send(st);
    };
    while !*stopped.borrow() {
        let outcome = session(&s, &mut stopped, &poke, &mut |progress: Progress| {
            acked = progress.acked;
            head = progress.head;
            last_ok = Some((s.now_ms)());
            publish(HubStatus {
                hub: s.hub.shown().to_owned(),
                head,
                acked,
                last_ok_ms: last_ok,
                at_ms: (s.now_ms)(),
                problem: None,
            });
        })
        .await;
        match outcome {
            Ok(()) => break,
            Err(e) => {
                tracing::warn!(error = %e, "the hub did not take the till's records");
                if let Ok(h) = read_head(&s.journal).await {
                    head = h;
                }
                publish(HubStatus {
                    hub: s.hub.shown().to_owned(),
                    head,
                    acked,
                    last_ok_ms: last_ok,
                    at_ms: (s.now_ms)(),
                    problem: Some(Problem::from(&e)),
                });
                // A refusal that will not pass by itself is retried rarely; tills that lost
                // the hub together come back spread out.
                let wait = spread(
                    if e.is_transient() {
                        backoff
                    } else {
                        MAX_BACKOFF
                    },
                    &s.till.till_id,
                );
                backoff = (backoff * 2).min(MAX_BACKOFF);
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = stopped.changed() => {}
                }
            }
        }
    }
}

/// `wait` plus up to half of it again, by the till's id (FNV-1a): the same till always
/// waits the same, two tills rarely do.
fn spread(wait: Duration, till_id: &str) -> Duration {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in till_id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let half = u64::try_from(wait.as_millis() / 2)
        .unwrap_or(u64::MAX)
        .max(1);
    wait + Duration::from_millis(h % half)
}

struct Progress {
    acked: i64,
    head: i64,
}

/// One connection's life: register, then ship until stopped (Ok) or the hub fails (Err).
async fn session(
    s: &ShipperSettings,
    stopped: &mut watch::Receiver<bool>,
    poke: &Notify,
    report: &mut (dyn FnMut(Progress) + Send),
) -> Result<()> {
    let mut hub = Hub::connect(&s.hub).await?;
    let mut acked = hub.register(&s.till).await?;
    let mut reader = Reader::open(&s.journal).await?;
    loop {
        let head = reader.head().await?;
        if acked > head {
            return Err(HubError::AheadOfJournal {
                till: s.till.till_id.clone(),
                hub_has: acked,
                head,
            });
        }
        if acked == head {
            report(Progress { acked, head });
            tokio::select! {
                _ = tokio::time::sleep(s.idle) => {}
                _ = poke.notified() => {}
                _ = stopped.changed() => {}
            }
            if *stopped.borrow() {
                return Ok(());
            }
            continue;
        }
        let batch = reader.after(acked, BATCH).await?;
        let Shipped { acked: now, .. } = hub.ship(&s.till.till_id, &batch).await?;
        acked = now;
        report(Progress { acked, head });
        if *stopped.borrow() {
            return Ok(());
        }
    }
}

/// The journal's records, read on a blocking thread from a read-only connection.
struct Reader {
    journal: Option<Journal>,
}

impl Reader {
    async fn open(path: &Path) -> Result<Reader> {
        let path = path.to_owned();
        let journal = tokio::task::spawn_blocking(move || Journal::open_read_only(&path))
            .await
            .map_err(|e| HubError::Database(e.to_string()))??;
        Ok(Reader {
            journal: Some(journal),
        })
    }

    async fn with<T: Send + 'static>(
        &mut self,
        f: impl FnOnce(&Journal) -> kassa_journal::Result<T> + Send + 'static,
    ) -> Result<T> {
        let journal = self
            .journal
            .take()
            .ok_or_else(|| HubError::Database("the journal reader was lost".into()))?;
        let (journal, out) = tokio::task::spawn_blocking(move || {
            let out = f(&journal);
            (journal, out)
        })
        .await
        .map_err(|e| HubError::Database(e.to_string()))?;
        self.journal = Some(journal);
        Ok(out?)
    }

    async fn head(&mut self) -> Result<i64> {
        self.with(|j| j.replication_head()).await
    }

    async fn after(&mut self, seq: i64, limit: usize) -> Result<Vec<kassa_journal::LogRecord>> {
        self.with(move |j| j.replication_after(seq, limit)).await
    }
}

async fn read_head(path: &Path) -> Result<i64> {
    Reader::open(path).await?.head().await
}

/// Sends everything the journal has that the hub has not, now, and returns where the hub
/// is (`kassa hub sync`, and a till that was offline catching up in one go).
pub async fn sync_once(journal: &Path, hub: &HubConfig, till: &TillIdentity) -> Result<Shipped> {
    let mut conn = Hub::connect(hub).await?;
    let mut acked = conn.register(till).await?;
    let mut reader = Reader::open(journal).await?;
    let head = reader.head().await?;
    if acked > head {
        return Err(HubError::AheadOfJournal {
            till: till.till_id.clone(),
            hub_has: acked,
            head,
        });
    }
    let mut stored = 0;
    while acked < head {
        let batch = reader.after(acked, BATCH).await?;
        let shipped = conn.ship(&till.till_id, &batch).await?;
        stored += shipped.stored;
        acked = shipped.acked;
    }
    Ok(Shipped { stored, acked })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_are_spread_per_till_within_half_the_wait() {
        let wait = Duration::from_secs(4);
        let a = spread(wait, "till-a");
        let b = spread(wait, "till-b");
        assert_eq!(a, spread(wait, "till-a"));
        assert_ne!(a, b);
        for w in [a, b] {
            assert!(w >= wait && w < wait + wait / 2, "{w:?}");
        }
    }
}
