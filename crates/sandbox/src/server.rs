//! Running the sandbox on a socket: [`Sandbox::bind`] for the app and the tests, [`serve`]
//! for the standalone `kassa sandbox` command.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
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
    /// Where phones on the shop's network open it ([`Sandbox::bind_lan`]).
    phone_url: Option<String>,
    stop: watch::Sender<()>,
    task: JoinHandle<()>,
}

impl RunningSandbox {
    /// `http://127.0.0.1:PORT` (a wildcard bind address is shown as loopback).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address actually bound (with the real port when asked for port 0); the loopback
    /// one when it also serves the network.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://192.168.1.5:PORT` when it also serves the shop's network
    /// ([`Sandbox::bind_lan`]): the address its payment links carry.
    pub fn phone_url(&self) -> Option<&str> {
        self.phone_url.as_deref()
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
        drop(stop);
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
        self.serve_on(vec![listener], None)
    }

    /// Serves the shop's network too: binds `lan` (this computer's address there, e.g. from
    /// [`crate::lan_address`]) and loopback on one port (`port`, or a free one for 0), and
    /// writes payment links with the network address, so a phone that scans the code opens
    /// the bank page. The test and admin endpoints still answer only on this computer
    /// ([`crate::lan`]). [`RunningSandbox::base_url`] stays the loopback address, for this
    /// computer's own calls.
    pub async fn bind_lan(&self, lan: IpAddr, port: u16) -> io::Result<RunningSandbox> {
        // A free port on the network address may be taken on loopback: try a few.
        let mut last = None;
        for _ in 0..5 {
            let outside = TcpListener::bind(SocketAddr::new(lan, port)).await?;
            let port = outside.local_addr()?.port();
            let loopback = match lan {
                IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
                IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
            };
            match TcpListener::bind(SocketAddr::new(loopback, port)).await {
                Ok(inside) => {
                    let phone_url = base_url_for(SocketAddr::new(lan, port));
                    return self.serve_on(vec![inside, outside], Some(phone_url));
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no port free on both addresses")))
    }

    /// Serves on `listeners` (the first one's address is [`RunningSandbox::addr`]), every
    /// request with its peer's address for the admin guard.
    fn serve_on(
        &self,
        listeners: Vec<TcpListener>,
        phone_url: Option<String>,
    ) -> io::Result<RunningSandbox> {
        let addr = match listeners.first() {
            Some(l) => l.local_addr()?,
            None => return Err(io::Error::other("no socket to serve on")),
        };
        let base_url = base_url_for(addr);
        if let Some(url) = &phone_url {
            self.set_public_url(url.clone());
        }
        let (stop, stopped) = watch::channel(());
        let router = self.router();
        self.start_webhooks();
        let servers: Vec<_> = listeners
            .into_iter()
            .map(|listener| {
                let mut stopped = stopped.clone();
                let app = router
                    .clone()
                    .into_make_service_with_connect_info::<SocketAddr>();
                async move {
                    let shutdown = async move {
                        // A send or a dropped sender both mean stop.
                        let _ = stopped.changed().await;
                    };
                    if let Err(e) = axum::serve(listener, app)
                        .with_graceful_shutdown(shutdown)
                        .await
                    {
                        tracing::error!(error = %e, "sandbox server failed");
                    }
                }
            })
            .collect();
        let task = tokio::spawn(async move {
            let mut running = tokio::task::JoinSet::new();
            for server in servers {
                running.spawn(server);
            }
            while running.join_next().await.is_some() {}
        });
        match &phone_url {
            Some(phones) => {
                tracing::info!(base_url = %base_url, phone_url = %phones, "sandbox listening, also for phones on the network")
            }
            None => tracing::info!(base_url = %base_url, "sandbox listening"),
        }
        Ok(RunningSandbox {
            sandbox: self.clone(),
            addr,
            base_url,
            phone_url,
            stop,
            task,
        })
    }
}

/// Where [`serve`] listens: one address, or this computer's address on the shop's network
/// (and loopback) on a port.
#[derive(Debug, Clone, Copy)]
pub enum Listen {
    On(SocketAddr),
    Lan(IpAddr, u16),
}

/// Runs a sandbox on `listen` until ctrl-c. `announce` tells the operator, once it listens,
/// where and with which credentials (the host says it in its own words and language).
pub async fn serve(
    config: SandboxConfig,
    listen: Listen,
    announce: impl FnOnce(&RunningSandbox),
) -> io::Result<()> {
    let sandbox = Sandbox::new(config);
    let running = match listen {
        Listen::On(addr) => sandbox.bind(addr).await?,
        Listen::Lan(ip, port) => sandbox.bind_lan(ip, port).await?,
    };
    announce(&running);
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
