//! Running the sandbox on a socket: [`Sandbox::bind`] for the app and the tests, [`serve`]
//! for the standalone `kassa sandbox` command.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::{Sandbox, SandboxConfig};

/// How long [`RunningSandbox::shutdown`] lets open connections finish.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A sandbox serving HTTP on a socket. Dropping it stops the server too (in the
/// background); [`RunningSandbox::shutdown`] stops it and waits.
#[derive(Debug)]
pub struct RunningSandbox {
    sandbox: Sandbox,
    addr: SocketAddr,
    base_url: String,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl RunningSandbox {
    /// `http://127.0.0.1:PORT` (a wildcard bind address is shown as loopback).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address actually bound (with the real port when asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The sandbox behind the server, for programmatic actions.
    pub fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    /// Stops accepting connections, lets open ones finish for a few seconds, and returns
    /// once the server is gone.
    pub async fn shutdown(self) {
        let RunningSandbox { stop, mut task, .. } = self;
        // The server may already be gone; then there is nothing to stop.
        let _ = stop.send(());
        if tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
            .await
            .is_err()
        {
            tracing::warn!("sandbox connections still open after the grace period; closing them");
            task.abort();
        }
        tracing::info!("sandbox stopped");
    }
}

impl Sandbox {
    /// Binds `addr`, starts serving on the current tokio runtime and returns at once.
    pub async fn bind(&self, addr: SocketAddr) -> io::Result<RunningSandbox> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let base_url = base_url_for(addr);
        let (stop, stopped) = oneshot::channel::<()>();
        let router = self.router();
        self.start_webhooks();
        let task = tokio::spawn(async move {
            let shutdown = async {
                // A send or a dropped sender both mean stop.
                let _ = stopped.await;
            };
            if let Err(e) = axum::serve(listener, router)
                .with_graceful_shutdown(shutdown)
                .await
            {
                tracing::error!(error = %e, "sandbox server failed");
            }
        });
        tracing::info!(base_url = %base_url, "sandbox listening");
        Ok(RunningSandbox {
            sandbox: self.clone(),
            addr,
            base_url,
            stop,
            task,
        })
    }
}

/// Runs a sandbox on `addr` until ctrl-c. Logs where it listens and the credentials to use.
pub async fn serve(config: SandboxConfig, addr: SocketAddr) -> io::Result<()> {
    let running = Sandbox::new(config).bind(addr).await?;
    let config = running.sandbox().config();
    tracing::info!(
        base_url = %running.base_url(),
        token_url = %format!("{}/v1/oauth/token", running.base_url()),
        client_id = %config.client_id,
        client_secret = %config.client_secret,
        destination_ids = %config.destination_ids.join(", "),
        webhook_url = config.webhook_url.as_deref().unwrap_or("(none)"),
        "Aiia Pay sandbox ready (sandbox credentials; press ctrl-c to stop)"
    );
    if let Err(e) = tokio::signal::ctrl_c().await {
        tracing::error!(error = %e, "cannot listen for ctrl-c; stopping the sandbox");
    }
    running.shutdown().await;
    Ok(())
}

fn base_url_for(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn base_url_shows_a_reachable_address() {
        let url = |s: &str| base_url_for(s.parse().unwrap());
        assert_eq!(url("127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(url("0.0.0.0:80"), "http://127.0.0.1:80");
        assert_eq!(url("[::]:9000"), "http://[::1]:9000");
        assert_eq!(url("192.168.1.5:1"), "http://192.168.1.5:1");
    }
}
