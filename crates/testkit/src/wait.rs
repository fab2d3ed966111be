//! Waiting for engine events, with a timeout that fails the test.

use std::time::Duration;

use kassa_till::TillEvent;
use tokio::sync::broadcast::Receiver;

/// How long [`next`] and [`until`] wait before failing the test.
pub const WAIT: Duration = Duration::from_secs(30);

/// The first event that matches `f` (skipping the others), within [`WAIT`].
pub async fn next(rx: &mut Receiver<TillEvent>, f: impl Fn(&TillEvent) -> bool) -> TillEvent {
    next_within(rx, WAIT, f).await
}

/// The first event that matches `f` (skipping the others), within `timeout`.
pub async fn next_within(
    rx: &mut Receiver<TillEvent>,
    timeout: Duration,
    f: impl Fn(&TillEvent) -> bool,
) -> TillEvent {
    tokio::time::timeout(timeout, async {
        loop {
            let e = rx.recv().await.unwrap();
            if f(&e) {
                return e;
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("the expected event did not come within {timeout:?}"))
}

/// Every event up to and including the first that matches `stop`, within [`WAIT`].
pub async fn until(
    rx: &mut Receiver<TillEvent>,
    stop: impl Fn(&TillEvent) -> bool,
) -> Vec<TillEvent> {
    until_within(rx, WAIT, stop).await
}

/// Every event up to and including the first that matches `stop`, within `timeout`; on a
/// timeout the test fails showing every event seen.
pub async fn until_within(
    rx: &mut Receiver<TillEvent>,
    timeout: Duration,
    stop: impl Fn(&TillEvent) -> bool,
) -> Vec<TillEvent> {
    let mut seen = Vec::new();
    tokio::time::timeout(timeout, async {
        loop {
            let e = rx.recv().await.unwrap();
            let done = stop(&e);
            seen.push(e);
            if done {
                return;
            }
        }
    })
    .await
    .unwrap_or_else(|_| {
        panic!("the expected event did not come within {timeout:?}; saw {seen:#?}")
    });
    seen
}
