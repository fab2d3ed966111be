//! Named points on a sale's path where a crash-safety test can stop the process.
//!
//! The journal and the engine call [`CrashHooks::reached`] at each point; the default does
//! nothing. A test host (the `kassa` CLI with `KASSA_CRASH_AT`) installs a hook that
//! announces the point and then blocks, so a harness can `SIGKILL` the process exactly
//! there and check that a restart resumes every sale. Library code never reads the
//! environment for this: the hook is always passed in.

use std::fmt;
use std::sync::Arc;

/// Where on a sale's path a crash can be simulated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CrashPoint {
    /// The sale is written; its driver has not started.
    SaleOpened,
    /// The accept call's intent is written; the call has not gone out.
    BeforeAccept,
    /// The accept call is on its way (Aiia may create the payment); no reply is recorded.
    AcceptSent,
    /// Aiia's reply to the accept call is in hand, not yet written.
    AcceptReplied,
    /// A status read is about to go out.
    Polling,
    /// The intent of a replacement code is written while the old code is still live.
    Rotation,
    /// A final status is written; what it means for the sale is not yet.
    FinalStatus,
    /// Inside a journal transaction, before it commits.
    JournalWrite,
}

impl CrashPoint {
    pub const ALL: [CrashPoint; 8] = [
        CrashPoint::SaleOpened,
        CrashPoint::BeforeAccept,
        CrashPoint::AcceptSent,
        CrashPoint::AcceptReplied,
        CrashPoint::Polling,
        CrashPoint::Rotation,
        CrashPoint::FinalStatus,
        CrashPoint::JournalWrite,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CrashPoint::SaleOpened => "sale_opened",
            CrashPoint::BeforeAccept => "before_accept",
            CrashPoint::AcceptSent => "accept_sent",
            CrashPoint::AcceptReplied => "accept_replied",
            CrashPoint::Polling => "polling",
            CrashPoint::Rotation => "rotation",
            CrashPoint::FinalStatus => "final_status",
            CrashPoint::JournalWrite => "journal_write",
        }
    }

    pub fn parse(name: &str) -> Option<CrashPoint> {
        CrashPoint::ALL.into_iter().find(|p| p.name() == name)
    }
}

impl fmt::Display for CrashPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Called at every [`CrashPoint`] reached. It may block (a test then kills the process);
/// it must not touch the journal.
pub trait CrashHook: Send + Sync + 'static {
    fn reached(&self, point: CrashPoint);
}

/// The hook a journal or engine calls; none by default.
#[derive(Clone, Default)]
pub struct CrashHooks(Option<Arc<dyn CrashHook>>);

impl CrashHooks {
    pub fn none() -> Self {
        CrashHooks(None)
    }

    pub fn new(hook: Arc<dyn CrashHook>) -> Self {
        CrashHooks(Some(hook))
    }

    pub fn reached(&self, point: CrashPoint) {
        if let Some(hook) = &self.0 {
            hook.reached(point);
        }
    }
}

impl fmt::Debug for CrashHooks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "CrashHooks(set)"
        } else {
            "CrashHooks(none)"
        })
    }
}
