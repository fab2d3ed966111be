//! The rig: sandbox + client + journal + engine, built with the timings a test asks for.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kassa_aiia::retry::{Jitter, NoJitter};
use kassa_aiia::{Client, Config, Secret};
use kassa_journal::Journal;
use kassa_sandbox::{Faults, RunningSandbox, Sandbox, SandboxConfig};
use kassa_till::{
    Gateway, IdSource, PollSchedule, RandomIds, SaleDetail, SystemClock, Till, TillConfig,
    TillEvent,
};
use tokio::sync::broadcast::Receiver;

/// An engine on an embedded sandbox, in real time: the sandbox on a random loopback port,
/// a client for it, the journal `kassa.db` in [`Rig::dir`], the engine, and a receiver of
/// its events subscribed before anything happened. The engine talks to the sandbox through
/// the client, or through a gateway wrapped around it ([`RigBuilder::build_with`]).
pub struct Rig<G = Client> {
    pub sandbox: RunningSandbox,
    pub till: Till<G>,
    pub events: Receiver<TillEvent>,
    /// Holds the journal; removed when the rig is dropped.
    pub dir: tempfile::TempDir,
}

impl Rig {
    /// A builder with the production timings, a sandbox that settles in 100 ms, and no
    /// faults.
    pub fn builder() -> RigBuilder {
        RigBuilder::new()
    }
}

impl<G: Gateway> Rig<G> {
    /// The sandbox itself (its payments, approve, reject).
    pub fn sb(&self) -> &Sandbox {
        self.sandbox.sandbox()
    }

    /// The journal file the engine writes.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("kassa.db")
    }

    pub fn detail(&self, sale: &str) -> SaleDetail {
        self.till.sale_detail(sale).unwrap()
    }
}

/// What a [`Rig`] is made of. Every field is public, for what no setter covers; the client
/// and the engine always point at the sandbox the rig binds (its URL, credentials and
/// first destination).
pub struct RigBuilder {
    pub sandbox: SandboxConfig,
    pub client: Config,
    pub till: TillConfig,
    /// The client's retry jitter; `None` is the client's own random jitter.
    pub jitter: Option<Arc<dyn Jitter>>,
    pub ids: Arc<dyn IdSource>,
}

impl Default for RigBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl RigBuilder {
    pub fn new() -> Self {
        let sandbox = SandboxConfig {
            settle_delay: Duration::from_millis(100),
            ..SandboxConfig::default()
        };
        let client = Config::new(
            "http://127.0.0.1:1",
            sandbox.client_id.clone(),
            Secret::new(sandbox.client_secret.clone()),
        );
        let till = TillConfig::new(sandbox.destination_ids[0].clone());
        RigBuilder {
            sandbox,
            client,
            till,
            jitter: None,
            ids: Arc::new(RandomIds),
        }
    }

    /// How long a payment link lives, at the sandbox and in the engine alike.
    pub fn link_ttl(mut self, ttl: Duration) -> Self {
        self.sandbox.link_ttl = ttl;
        self.till.link_ttl = ttl;
        self
    }

    /// How long before a link dies the engine starts the next code.
    pub fn rotate_before(mut self, d: Duration) -> Self {
        self.till.rotate_before = d;
        self
    }

    /// How long before a link dies its code is taken down.
    pub fn show_margin(mut self, d: Duration) -> Self {
        self.till.show_margin = d;
        self
    }

    pub fn poll(mut self, poll: PollSchedule) -> Self {
        self.till.poll = poll;
        self
    }

    /// The engine's retry waits: first, most, and most for status reads.
    pub fn retries(mut self, base: Duration, max: Duration, status_max: Duration) -> Self {
        self.till.retry_base = base;
        self.till.retry_max = max;
        self.till.status_retry_max = status_max;
        self
    }

    /// When an open sale nobody pays gives up (`None`: never).
    pub fn give_up_after(mut self, d: Option<Duration>) -> Self {
        self.till.give_up_after = d;
        self
    }

    /// What the sandbox does wrong.
    pub fn faults(mut self, faults: Faults) -> Self {
        self.sandbox.faults = faults;
        self
    }

    /// How long the sandbox takes to settle an approved payment.
    pub fn settle_delay(mut self, d: Duration) -> Self {
        self.sandbox.settle_delay = d;
        self
    }

    /// How long the client waits for a reply.
    pub fn client_timeout(mut self, d: Duration) -> Self {
        self.client.timeout = d;
        self
    }

    /// No jitter in the client's retries: every wait is exact.
    pub fn no_jitter(mut self) -> Self {
        self.jitter = Some(Arc::new(NoJitter));
        self
    }

    /// Where sale ids come from (by default random ones, as in production).
    pub fn ids(mut self, ids: impl IdSource) -> Self {
        self.ids = Arc::new(ids);
        self
    }

    /// Anything else, on the three configurations at once.
    pub fn configure(
        mut self,
        f: impl FnOnce(&mut SandboxConfig, &mut Config, &mut TillConfig),
    ) -> Self {
        f(&mut self.sandbox, &mut self.client, &mut self.till);
        self
    }

    /// Binds a sandbox with this configuration on a random loopback port.
    pub async fn bind_sandbox(&self) -> RunningSandbox {
        sandbox_on_loopback(self.sandbox.clone()).await
    }

    /// A client for `sandbox` (its URL and credentials), with this builder's timeout,
    /// retries and jitter.
    pub fn client_on(&self, sandbox: &RunningSandbox) -> Client {
        let sc = sandbox.sandbox().config();
        let mut client = self.client.clone();
        client.base_url = sandbox.base_url().to_owned();
        client.client_id = sc.client_id.clone();
        client.client_secret = Secret::new(sc.client_secret.clone());
        match &self.jitter {
            Some(jitter) => Client::with_jitter(client, Arc::clone(jitter)),
            None => Client::new(client),
        }
        .unwrap()
    }

    /// A client and an engine on `sandbox` (one this builder bound, or shared by several
    /// counters), with the journal at `db`.
    pub fn till_on(&self, sandbox: &RunningSandbox, db: &Path) -> Till<Client> {
        self.till_with(sandbox, db, |client| client)
    }

    /// As [`RigBuilder::till_on`], with the engine talking through `wrap(client)` (e.g. a
    /// gateway that counts calls).
    pub fn till_with<G: Gateway>(
        &self,
        sandbox: &RunningSandbox,
        db: &Path,
        wrap: impl FnOnce(Client) -> G,
    ) -> Till<G> {
        let mut config = self.till.clone();
        config.destination_id = sandbox.sandbox().config().destination_ids[0].clone();
        let mut journal = Journal::open(db).unwrap();
        // Receipts are only issued sealed: the test sealer (not cryptographic;
        // the real key is kassa-boot's, tested there).
        crate::TestSealer::install(&mut journal).unwrap();
        Till::new(
            wrap(self.client_on(sandbox)),
            journal,
            Arc::new(SystemClock),
            Arc::clone(&self.ids),
            config,
        )
    }

    /// The sandbox, a journal in a new temporary folder, and the engine on both.
    pub async fn build(self) -> Rig {
        self.build_with(|client| client).await
    }

    /// As [`RigBuilder::build`], with the engine talking through `wrap(client)`.
    pub async fn build_with<G: Gateway>(self, wrap: impl FnOnce(Client) -> G) -> Rig<G> {
        let sandbox = self.bind_sandbox().await;
        let dir = tempfile::tempdir().unwrap();
        let till = self.till_with(&sandbox, &dir.path().join("kassa.db"), wrap);
        let events = till.subscribe();
        Rig {
            sandbox,
            till,
            events,
            dir,
        }
    }
}

/// The polling of the rigs: fast, so a test sees a change within a few hundred ms. Change
/// single fields with `PollSchedule { replaced: …, ..fast_poll() }`.
pub fn fast_poll() -> PollSchedule {
    PollSchedule {
        waiting: Duration::from_millis(100),
        opened: Duration::from_millis(100),
        authorized: Duration::from_millis(50),
        replaced: Duration::from_millis(200),
        after_error: Duration::from_millis(200),
        ..PollSchedule::steady(Duration::from_millis(100))
    }
}

/// A sandbox with `config` on a random loopback port.
pub async fn sandbox_on_loopback(config: SandboxConfig) -> RunningSandbox {
    Sandbox::new(config)
        .bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .unwrap()
}

/// Sale ids `sale1`, `sale2`, … in order, and no jitter: every wait is exact.
#[derive(Default)]
pub struct SequentialIds(AtomicUsize);

impl SequentialIds {
    /// Ids that go on after `sale{n}`.
    pub fn after(n: usize) -> Self {
        SequentialIds(AtomicUsize::new(n))
    }
}

impl IdSource for SequentialIds {
    fn new_sale_id(&self) -> String {
        format!("sale{}", self.0.fetch_add(1, Ordering::SeqCst) + 1)
    }
}
