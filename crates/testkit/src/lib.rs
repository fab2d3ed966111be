//! Kassa's shared test kit, for integration tests only (a dev-dependency, never published):
//!
//! * [`Rig`]: an embedded [`kassa_sandbox::Sandbox`] on a random loopback port, a
//!   [`kassa_aiia::Client`] for it, a journal in a temporary folder, and a [`kassa_till::Till`]
//!   on them with its event receiver. [`RigBuilder`] sets the timings (link lifetime, rotation,
//!   polling, retries), the sandbox's faults, the client and the ids; [`RigBuilder::till_on`]
//!   puts more counters on one shared sandbox.
//! * [`next`], [`next_within`] and [`until`]: waits for engine events, with a timeout.
//! * [`cli`]: the `kassa` binary against a sandbox, as a child process.
//! * [`pg`]: real PostgreSQL servers (private clusters in temporary folders, or the one
//!   scripts/test.sh starts) and fresh databases on them.
//! * [`TestSealer`]: seals receipts on a bare journal with a made-up signature.
//!
//! The engine's own unit tests (`crates/till/src/tests.rs`) cannot use its rig: this crate
//! depends on `kassa-till`, so inside that crate its types would be a second copy (the
//! journal's are not: they take [`TestSealer`] from here).
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod cli;
pub mod pg;
mod rig;
mod sealer;
mod wait;

pub use rig::{Rig, RigBuilder, SequentialIds, fast_poll, sandbox_on_loopback};
pub use sealer::{TEST_PUBLIC_PEM, TestSealer};
pub use wait::{WAIT, next, next_within, until, until_within};
