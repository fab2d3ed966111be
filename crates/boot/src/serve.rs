//! The small HTTP servers Kassa itself runs (the webhook listener, the Connect flow's
//! redirect listener): served on the current runtime until told to stop.

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Serves `router` on `listener` in the background. Sending on (or dropping) the returned
/// sender stops it gracefully; `what` names the server in the log if it fails.
pub(crate) fn spawn(
    listener: TcpListener,
    router: axum::Router,
    what: &'static str,
) -> (oneshot::Sender<()>, JoinHandle<()>) {
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let shutdown = async {
            // A send or a dropped sender both mean stop.
            let _ = stopped.await;
        };
        if let Err(e) = axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(error = %e, "{what} failed");
        }
    });
    (stop, task)
}
