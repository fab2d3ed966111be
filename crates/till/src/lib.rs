//! The sale engine. A sale asks Aiia for a payment (an *attempt*), shows its link as a QR
//! code, replaces it with a fresh attempt before the 60-second link dies for as long as the
//! sale is open, and follows every attempt until Aiia calls it final — also after it was
//! replaced, so a late approval is caught and flagged, never silently kept.
//!
//! Time ([`Clock`]), ids ([`IdSource`]) and the network ([`Gateway`]) are passed in; the
//! journal is written before and after every network call.

mod clock;
mod driver;
mod events;
pub mod gateway;
pub mod qr;
pub mod sale;
mod sell;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use kassa_aiia::wire::ReferenceError;
pub use kassa_journal::Totals;
use kassa_journal::{AttemptRecord, AttemptState, EventRecord, Journal, JournalError, SaleRecord};
pub use kassa_journal::{AttentionItem, Backend, CrashHook, CrashHooks, CrashPoint};
use kassa_money::Money;
use serde::Serialize;
use tokio::sync::{Notify, broadcast};

pub use clock::{Clock, SystemClock, TokioClock};
pub use events::{Outcome, Qr, TillEvent};
pub use gateway::{Created, Gateway, GatewayError, PaymentOrder, StatusReport};
pub use kassa_aiia::retry::Call;
pub use sale::{
    BankReason, CallKind, EndReason, FlagReason, LeftBank, Phase, Problem, Progress, Stage, Status,
    StatusNews, Withdrawn,
};
pub use sell::{
    HandTender, LinesRefused, MAX_CARD_REFERENCE_CHARS, OwnedLine, SaleRefused, total_of,
};

/// What the bank statement shows for a pay-by-bank sale: the cashier's reference, else the
/// automatic one made from the sale's id ("K" and its first 12 letters and digits, upper
/// case), which every code of the sale carries.
pub fn statement_reference(sale_id: &str, reference: Option<&str>) -> String {
    match reference.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => r.to_owned(),
        None => {
            let short: String = sale_id
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(12)
                .collect();
            format!("K{}", short.to_ascii_uppercase())
        }
    }
}

/// Randomness is passed in: where new sale ids and the jitter of retry waits come from.
pub trait IdSource: Send + Sync + 'static {
    fn new_sale_id(&self) -> String;

    /// A duration between zero and `ceiling`, taken off retry waits so that counters do
    /// not retry in step. None by default, so scripted sources stay exact.
    fn jitter(&self, ceiling: Duration) -> Duration {
        let _ = ceiling;
        Duration::ZERO
    }
}

/// Random v4 UUIDs, as 32 hex digits, and random jitter.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomIds;

impl IdSource for RandomIds {
    fn new_sale_id(&self) -> String {
        uuid::Uuid::new_v4().simple().to_string()
    }

    fn jitter(&self, ceiling: Duration) -> Duration {
        let ceiling_ms = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        if ceiling_ms == 0 {
            return Duration::ZERO;
        }
        // The low 64 bits of a v4 UUID are random but for two variant bits.
        let random = uuid::Uuid::new_v4().as_u64_pair().1;
        Duration::from_millis(random % ceiling_ms.saturating_add(1))
    }
}

/// How often an attempt's status is read, by what Kassa last knew of it. Adaptive: a new
/// code is not read while the customer is still scanning it, then read often, then less
/// often once nobody has opened it for a while; a customer in their bank (or an approved
/// payment) is read often again; a webhook hint ([`Till::poke`]) reads at once. The
/// defaults never read one attempt more than twice a second (BENCHMARKS.md counts it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollSchedule {
    /// A new code is first read this long after it is shown: nobody can have scanned,
    /// opened and approved it sooner.
    pub scan_time: Duration,
    /// The code on screen, not opened yet.
    pub waiting: Duration,
    /// ...until it has been on screen this long; from then on `waiting_slow`.
    pub back_off_after: Duration,
    pub waiting_slow: Duration,
    /// The customer is in the bank flow.
    pub opened: Duration,
    /// Approved, execution under way: the "Paid" is close.
    pub authorized: Duration,
    /// Codes no longer on screen, and every attempt after the sale ended.
    pub replaced: Duration,
    /// After a failed status read (unless the service asked for a longer wait); doubles
    /// with each failure in a row, up to `TillConfig::status_retry_max`.
    pub after_error: Duration,
}

impl Default for PollSchedule {
    fn default() -> Self {
        PollSchedule {
            scan_time: Duration::from_millis(2000),
            waiting: Duration::from_millis(500),
            back_off_after: Duration::from_secs(20),
            waiting_slow: Duration::from_millis(1000),
            opened: Duration::from_millis(500),
            authorized: Duration::from_millis(500),
            replaced: Duration::from_millis(2000),
            after_error: Duration::from_millis(2000),
        }
    }
}

impl PollSchedule {
    /// The same cadence from the first moment on, without a scan time or back-off: for
    /// tests that approve at once.
    pub fn steady(waiting: Duration) -> Self {
        PollSchedule {
            scan_time: waiting,
            waiting,
            back_off_after: Duration::MAX,
            waiting_slow: waiting,
            opened: waiting,
            authorized: waiting,
            replaced: waiting,
            after_error: waiting,
        }
    }
}

#[derive(Debug, Clone)]
pub struct TillConfig {
    /// The merchant's Aiia destination (from the Connect flow).
    pub destination_id: String,
    /// Where the bank sends the customer's phone after approval.
    pub redirect_url: String,
    /// How long Aiia keeps a link valid (60 s).
    pub link_ttl: Duration,
    /// Create the replacement when this much of the current link's life is left.
    pub rotate_before: Duration,
    /// Stop showing a code this long before it expires.
    pub show_margin: Duration,
    pub poll: PollSchedule,
    /// First wait after a failed create call; doubles up to `retry_max`.
    pub retry_base: Duration,
    pub retry_max: Duration,
    /// Longest wait between status reads that keep failing (a `Retry-After` may be longer).
    pub status_retry_max: Duration,
    /// An open sale nobody has paid this long after it opened ends as failed, once no
    /// customer is in their bank any more. `None`: it stays open until cancelled.
    pub give_up_after: Option<Duration>,
    /// How long a customer's bank session can last after the link was opened: a payment
    /// the service says it does not know is read again for this long (never taken as
    /// final), then kept as lost and flagged.
    pub bank_session: Duration,
    /// Called at each named point of a sale's path (and inside every journal write); does
    /// nothing unless a crash-safety test installs a hook.
    pub crash: CrashHooks,
    /// The payment service this engine talks to. Every sale it opens records it; its day
    /// lists and totals count only sales of this backend, and it resumes only those.
    /// [`TillConfig::new`] says `Sandbox`: an engine nobody told it moves real money counts
    /// its sales as training, so they never reach the live books. The only production
    /// start (`kassa-boot`) always sets it from the settings.
    pub backend: Backend,
}

impl TillConfig {
    pub fn new(destination_id: impl Into<String>) -> Self {
        TillConfig {
            destination_id: destination_id.into(),
            redirect_url: "https://kassa.invalid/paid".into(),
            link_ttl: Duration::from_secs(60),
            rotate_before: Duration::from_secs(8),
            show_margin: Duration::from_secs(2),
            poll: PollSchedule::default(),
            retry_base: Duration::from_millis(500),
            retry_max: Duration::from_secs(8),
            status_retry_max: Duration::from_secs(10),
            give_up_after: Some(Duration::from_secs(600)),
            bank_session: Duration::from_secs(300),
            crash: CrashHooks::none(),
            backend: Backend::Sandbox,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TillError {
    #[error("{0}")]
    InvalidReference(#[from] ReferenceError),
    #[error("sale {sale_id} is still open: finish or cancel it first")]
    SaleInProgress { sale_id: String },
    #[error("sale {0} is not open")]
    NotOpen(String),
    #[error("sale {0} does not exist")]
    NotFound(String),
    /// A sale refused before anything was written (its lines, its total, the cash given).
    #[error("{0}")]
    Refused(#[from] SaleRefused),
    #[error(transparent)]
    Journal(#[from] JournalError),
}

/// A sale as the screen shows it right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaleView {
    pub sale_id: String,
    pub amount: Money,
    pub amount_display: String,
    pub reference: Option<String>,
    pub state: kassa_journal::SaleState,
    /// What the screen is about: making a code, a code to scan, a customer in the bank…
    pub phase: Phase,
    /// The last status Aiia reported for any code of the sale.
    pub last_status: Option<Status>,
    /// The service's reason for that status, when it gave one (not kept over a restart).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_bank: Option<BankReason>,
    /// The live code, or none while a fresh one is being made (or a customer is in the
    /// bank: no second payable code is shown then).
    pub qr: Option<Qr>,
    /// Payments of this sale that can still change, followed until Aiia calls them
    /// final (also after the sale ended: an earlier code may still be paid).
    pub open_codes: Vec<OpenCode>,
}

/// A payment of a sale that can still be paid or change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenCode {
    pub payment_id: String,
    pub expires_at_ms: i64,
}

/// One sale with everything the journal holds about it.
#[derive(Debug, Clone, Serialize)]
pub struct SaleDetail {
    pub sale: SaleRecord,
    pub attempts: Vec<AttemptRecord>,
    pub events: Vec<EventRecord>,
}

struct Control {
    cancel: std::sync::atomic::AtomicBool,
    wake: Notify,
}

struct Inner<G> {
    gateway: G,
    journal: Mutex<Journal>,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdSource>,
    config: TillConfig,
    events: broadcast::Sender<TillEvent>,
    /// Sales with a running driver: their control handle and what the screen shows.
    live: Mutex<HashMap<String, (Arc<Control>, SaleView)>>,
}

/// The engine. Cheap to clone; all clones drive the same sales.
pub struct Till<G> {
    inner: Arc<Inner<G>>,
}

impl<G> Clone for Till<G> {
    fn clone(&self) -> Self {
        Till {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<G: Gateway> Till<G> {
    pub fn new(
        gateway: G,
        mut journal: Journal,
        clock: Arc<dyn Clock>,
        ids: Arc<dyn IdSource>,
        config: TillConfig,
    ) -> Self {
        let (events, _) = broadcast::channel(256);
        journal.set_crash_hooks(config.crash.clone());
        Till {
            inner: Arc::new(Inner {
                gateway,
                journal: Mutex::new(journal),
                clock,
                ids,
                config,
                events,
                live: Mutex::new(HashMap::new()),
            }),
        }
    }

    pub fn config(&self) -> &TillConfig {
        &self.inner.config
    }

    pub fn now_ms(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// Every event of every sale from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<TillEvent> {
        self.inner.events.subscribe()
    }

    /// Opens a sale and starts taking the payment. Needs a tokio runtime.
    /// `reference` (letters and digits, at most 18) is what the merchant sees on the bank
    /// statement; without one Kassa uses the sale's own short id.
    pub fn charge(&self, amount: Money, reference: Option<&str>) -> Result<String, TillError> {
        self.open_bank_sale(amount, &[], reference)
    }

    /// Stops making new codes for an open sale and ends it as cancelled. Codes already out
    /// are still followed: if one is approved anyway, it is flagged for a refund.
    pub fn cancel(&self, sale_id: &str) -> Result<(), TillError> {
        let live = self.inner.live();
        let (control, view) = live
            .get(sale_id)
            .ok_or_else(|| TillError::NotOpen(sale_id.to_owned()))?;
        if view.state != kassa_journal::SaleState::Open {
            return Err(TillError::NotOpen(sale_id.to_owned()));
        }
        control
            .cancel
            .store(true, std::sync::atomic::Ordering::SeqCst);
        control.wake.notify_one();
        Ok(())
    }

    /// A hint (e.g. a verified webhook) that something changed: read every followed status now.
    pub fn poke(&self) {
        for (control, _) in self.inner.live().values() {
            control.wake.notify_one();
        }
    }

    /// The engine's own journal connection, for the host's writes beside the sales' (the
    /// acting employee, events of the electronic journal, the receipt sealer). Held only
    /// for `f`: keep it short, sales wait meanwhile.
    pub fn with_journal<T>(&self, f: impl FnOnce(&mut Journal) -> T) -> T {
        f(&mut self.inner.journal())
    }

    /// Picks up where the journal left off: drives every open sale again and follows every
    /// attempt that may still change. Returns the ids of the open sales.
    pub fn resume(&self) -> Result<Vec<String>, TillError> {
        let inner = &self.inner;
        let journal = inner.journal();
        let open = journal.open_sales()?;
        let mut by_sale: HashMap<String, Vec<AttemptRecord>> = HashMap::new();
        for a in journal.unfinished_attempts()? {
            // An attempt whose reply was lost has no payment id: there is nothing to
            // follow. It stays in the journal as `unknown`.
            if a.state == AttemptState::Unknown {
                continue;
            }
            by_sale.entry(a.sale_id.clone()).or_default().push(a);
        }
        let mut sales: Vec<SaleRecord> = open.clone();
        // A crash between writing an executed status and acting on it leaves a payment
        // neither paying the sale nor flagged: its sale is driven again to settle it.
        for sale_id in journal.unsettled_sales()? {
            by_sale.entry(sale_id).or_default();
        }
        for sale_id in by_sale.keys() {
            if !sales.iter().any(|s| &s.id == sale_id) {
                if let Some(s) = journal.sale(sale_id)? {
                    sales.push(s);
                }
            }
        }
        // A sale of the other backend is left alone: following a sandbox payment at real
        // Aiia (or making live codes for a training sale) would mix the two.
        let (sales, elsewhere): (Vec<SaleRecord>, Vec<SaleRecord>) = sales
            .into_iter()
            .partition(|s| s.backend == inner.config.backend);
        for s in &elsewhere {
            tracing::warn!(sale = %s.id, backend = %s.backend, "not resumed: the sale ran on the other backend");
        }
        let open: Vec<SaleRecord> = open
            .into_iter()
            .filter(|s| s.backend == inner.config.backend)
            .collect();
        let already: Vec<String> = inner.live().keys().cloned().collect();
        let mut started = Vec::new();
        for sale in sales.into_iter().filter(|s| !already.contains(&s.id)) {
            let attempts = journal.attempts(&sale.id)?;
            started.push((sale, attempts));
        }
        drop(journal);
        for (sale, attempts) in started {
            tracing::info!(sale = %sale.id, state = sale.state.as_str(), "resuming");
            driver::spawn_resumed(Arc::clone(inner), &sale, attempts);
        }
        Ok(open.into_iter().map(|s| s.id).collect())
    }

    /// The open sale on screen, if any, with its live code (never a dead one).
    pub fn current_sale(&self) -> Option<SaleView> {
        let now = self.inner.clock.now_ms();
        let live = self.inner.live();
        let mut open: Vec<&SaleView> = live
            .values()
            .map(|(_, v)| v)
            .filter(|v| v.state == kassa_journal::SaleState::Open)
            .collect();
        open.sort_by(|a, b| a.sale_id.cmp(&b.sale_id));
        open.first().map(|v| {
            let mut v = (*v).clone();
            v.qr = v.qr.filter(|q| now < q.show_until_ms);
            if v.qr.is_none() && v.phase == Phase::Scanning {
                v.phase = Phase::MakingCode;
            }
            v
        })
    }

    /// This counter's sales (of its [`TillConfig::backend`]) created in `[from_ms, to_ms)`,
    /// newest first.
    pub fn sales_between(
        &self,
        from_ms: i64,
        to_ms: i64,
        limit: u32,
    ) -> Result<Vec<SaleRecord>, TillError> {
        Ok(self
            .inner
            .journal()
            .sales_between(from_ms, to_ms, self.inner.config.backend, limit)?)
    }

    /// What this counter's sales (of its backend) created in `[from_ms, to_ms)` add up to
    /// (all of them, not a page): a live counter never counts sandbox sales, and a sandbox
    /// counter never counts live ones.
    pub fn totals_between(
        &self,
        from_ms: i64,
        to_ms: i64,
        currency: kassa_money::Currency,
    ) -> Result<Totals, TillError> {
        Ok(self.inner.journal().totals_between(
            from_ms,
            to_ms,
            currency,
            self.inner.config.backend,
        )?)
    }

    pub fn sale_detail(&self, sale_id: &str) -> Result<SaleDetail, TillError> {
        let journal = self.inner.journal();
        let sale = journal
            .sale(sale_id)?
            .ok_or_else(|| TillError::NotFound(sale_id.to_owned()))?;
        Ok(SaleDetail {
            attempts: journal.attempts(sale_id)?,
            events: journal.events(sale_id)?,
            sale,
        })
    }

    /// Every payment of this counter's backend flagged for a refund by hand (and other
    /// notes that need the merchant), oldest first, from the journal: they outlive
    /// restarts. A note about a training (sandbox) payment is never shown to a live counter
    /// as a refund to make with real money, nor the other way round.
    pub fn attention_items(&self) -> Result<Vec<AttentionItem>, TillError> {
        let backend = self.inner.config.backend;
        let mut items = self.inner.journal().attention_items()?;
        items.retain(|a| a.backend == backend);
        Ok(items)
    }

    /// Marks the note about `payment_id` as dealt with (refunded by hand); the journal keeps
    /// both. Returns the sale's id.
    pub fn resolve_attention(&self, payment_id: &str, note: &str) -> Result<String, TillError> {
        let now = self.inner.clock.now_ms();
        Ok(self
            .inner
            .journal()
            .resolve_attention(payment_id, note, now)?)
    }

    /// The payments of `sale_id` still followed (empty once none can change).
    pub fn open_codes(&self, sale_id: &str) -> Vec<OpenCode> {
        self.inner
            .live()
            .get(sale_id)
            .map(|(_, v)| v.open_codes.clone())
            .unwrap_or_default()
    }

    /// True while a driver is still following something (an open sale or a pending attempt).
    pub fn is_busy(&self) -> bool {
        !self.inner.live().is_empty()
    }

    /// How many handles share this engine: its clones and the tasks still working for it
    /// (drivers, calls in flight). The journal is closed and the event stream ends when the
    /// last one is dropped.
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.inner)
    }
}

impl<G> Inner<G> {
    fn journal(&self) -> MutexGuard<'_, Journal> {
        // A panic while holding the lock cannot leave the journal half-written (every write
        // is one transaction), so a poisoned lock is safe to take over.
        self.journal.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn live(&self) -> MutexGuard<'_, HashMap<String, (Arc<Control>, SaleView)>> {
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn emit(&self, event: TillEvent) {
        tracing::debug!(?event, "till event");
        // No subscriber is fine: the journal is the record, events are for screens.
        let _ = self.events.send(event);
    }
}

#[cfg(test)]
mod tests;
