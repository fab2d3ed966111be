//! The training bank on the shop's network: which address of this computer a phone on the
//! same Wi-Fi can reach ([`pick_lan_address`], a pure choice over the interfaces it is
//! given; [`lan_address`] asks the operating system for them), and which requests only this
//! computer may make ([`loopback_only`]: the sandbox's test and admin endpoints).
//!
//! Served on the network, the payer's side (the bank page behind a link, its Approve and
//! Reject buttons, the "Payment done" page) and the Aiia API answer anyone who can reach the
//! address, as the real service does; the endpoints that steer the sandbox itself (the
//! payment list, "fail", the webhook and fault settings) answer only on this computer.

use std::io;
use std::net::{IpAddr, Ipv4Addr};

use axum::extract::{ConnectInfo, Request};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// One address of one network interface, as the operating system reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetInterface {
    /// The interface's name (`eth0`, `wlan0`, `en0`, `Wi-Fi`).
    pub name: String,
    /// The interface is up (connected).
    pub up: bool,
    /// The interface is a loopback one.
    pub loopback: bool,
    pub ip: IpAddr,
}

/// Why no address for phones was found.
#[derive(Debug, thiserror::Error)]
pub enum LanError {
    #[error(
        "this computer has no private network address (10.x, 172.16-31.x or 192.168.x) on a \
         connected network interface, so a phone cannot reach the training bank: connect it \
         to the shop's Wi-Fi or network{}",
        seen_list(.seen)
    )]
    NoPrivateAddress {
        /// What there was instead, `name address`, for the message.
        seen: Vec<String>,
    },
    #[error("cannot list this computer's network interfaces: {0}")]
    Interfaces(#[source] io::Error),
}

fn seen_list(seen: &[String]) -> String {
    if seen.is_empty() {
        String::new()
    } else {
        format!(" (it has {})", seen.join(", "))
    }
}

/// Names of interfaces that are usually bridges of virtual machines or containers on this
/// computer, not the shop's network: chosen only when nothing else is there.
const VIRTUAL_PREFIXES: [&str; 12] = [
    "docker",
    "br-",
    "veth",
    "virbr",
    "vboxnet",
    "vmnet",
    "podman",
    "cni",
    "flannel",
    "lxcbr",
    "lxdbr",
    "vEthernet",
];

/// The address phones on the shop's network reach this computer at: a private IPv4
/// (RFC 1918) of an up, non-loopback interface. The shop's own network wins over the
/// bridges of virtual machines and containers; then `192.168.x` over `10.x` over
/// `172.16-31.x` (the order home and shop routers hand them out); then the order given.
pub fn pick_lan_address(interfaces: &[NetInterface]) -> Result<Ipv4Addr, LanError> {
    let rank = |i: &NetInterface, ip: Ipv4Addr| {
        let bridge = VIRTUAL_PREFIXES.iter().any(|p| i.name.starts_with(p));
        let octets = ip.octets();
        let range = match octets[0] {
            192 => 0,
            10 => 1,
            _ => 2,
        };
        (bridge, range)
    };
    interfaces
        .iter()
        .filter(|i| i.up && !i.loopback)
        .filter_map(|i| match i.ip {
            IpAddr::V4(ip) if ip.is_private() && !ip.is_loopback() => Some((rank(i, ip), ip)),
            _ => None,
        })
        // `min_by_key` keeps the first of equals: the order given breaks ties.
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, ip)| ip)
        .ok_or_else(|| LanError::NoPrivateAddress {
            seen: interfaces
                .iter()
                .map(|i| {
                    let state = if i.up { "" } else { ", down" };
                    format!("{} {}{state}", i.name, i.ip)
                })
                .collect(),
        })
}

/// This computer's interfaces, from the operating system (`getifaddrs` on Linux and macOS,
/// `GetAdaptersAddresses` on Windows, through `if-addrs`). Nothing is sent on any network.
pub fn interfaces() -> io::Result<Vec<NetInterface>> {
    Ok(if_addrs::get_if_addrs()?
        .into_iter()
        .map(|i| NetInterface {
            up: i.is_oper_up(),
            loopback: i.is_loopback(),
            ip: i.ip(),
            name: i.name,
        })
        .collect())
}

/// The address to serve phones on: [`pick_lan_address`] over [`interfaces`].
pub fn lan_address() -> Result<Ipv4Addr, LanError> {
    pick_lan_address(&interfaces().map_err(LanError::Interfaces)?)
}

/// The sandbox's own test and admin endpoints (not the Aiia API, not the payer's pages):
/// the payment list, "fail" (the bank's side, for tests), webhooks and faults.
pub(crate) fn is_admin_path(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    path == "/sandbox/payments"
        || path.starts_with("/sandbox/admin/")
        || path == "/sandbox/admin"
        || (path.starts_with("/sandbox/payments/") && path.ends_with("/fail"))
}

/// Whether a request for `path` from `peer` is served: every path from this computer; the
/// admin endpoints from nowhere else. A request whose peer is not known (no socket) is
/// not from this computer as far as the admin endpoints go.
pub(crate) fn allowed(path: &str, peer: Option<IpAddr>) -> bool {
    !is_admin_path(path) || peer.is_some_and(is_this_computer)
}

/// A loopback address, also as an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`).
fn is_this_computer(ip: IpAddr) -> bool {
    ip.to_canonical().is_loopback()
}

/// The middleware that refuses the admin endpoints to every peer but this computer, with
/// `403 Forbidden` saying so. Needs the server's `ConnectInfo<SocketAddr>`.
pub(crate) async fn loopback_only(request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let path = request.uri().path();
    if allowed(path, peer) {
        return next.run(request).await;
    }
    let from = peer.map_or_else(|| "an unknown address".to_owned(), |ip| ip.to_string());
    tracing::warn!(path, from = %from, "admin endpoint refused to a peer on the network");
    ApiError::new(
        StatusCode::FORBIDDEN,
        "Forbidden",
        format!(
            "{path} is one of the sandbox's test and admin endpoints, which answer only on \
             this computer (127.0.0.1); it was asked from {from}"
        ),
    )
    .into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn iface(name: &str, up: bool, ip: &str) -> NetInterface {
        let ip: IpAddr = ip.parse().unwrap();
        NetInterface {
            name: name.into(),
            up,
            loopback: ip.is_loopback(),
            ip,
        }
    }

    #[test]
    fn picks_a_private_ipv4_of_an_up_interface() {
        let ifs = [
            iface("lo", true, "127.0.0.1"),
            iface("lo", true, "::1"),
            iface("wlan0", true, "fe80::1"),
            iface("wlan0", true, "192.168.1.23"),
        ];
        assert_eq!(
            pick_lan_address(&ifs).unwrap(),
            Ipv4Addr::new(192, 168, 1, 23)
        );
    }

    #[test]
    fn skips_down_loopback_public_and_link_local_addresses() {
        let ifs = [
            iface("lo", true, "127.0.0.1"),
            iface("eth0", false, "192.168.0.5"),
            iface("eth1", true, "203.0.113.7"),
            iface("eth2", true, "169.254.10.1"),
            iface("eth3", true, "100.64.0.9"),
            iface("wlan0", true, "10.20.30.40"),
        ];
        assert_eq!(
            pick_lan_address(&ifs).unwrap(),
            Ipv4Addr::new(10, 20, 30, 40)
        );
        // A loopback flag wins over the address: such an interface is never the LAN.
        let odd = NetInterface {
            loopback: true,
            ..iface("lo0", true, "10.0.0.1")
        };
        assert!(pick_lan_address(&[odd]).is_err());
    }

    #[test]
    fn the_shops_network_wins_over_container_bridges() {
        let ifs = [
            iface("docker0", true, "172.17.0.1"),
            iface("br-5f2a", true, "192.168.49.1"),
            iface("enp3s0", true, "172.20.1.8"),
            iface("wlp2s0", true, "10.0.0.12"),
        ];
        assert_eq!(pick_lan_address(&ifs).unwrap(), Ipv4Addr::new(10, 0, 0, 12));
        // Only bridges: one of them is still better than nothing.
        assert_eq!(
            pick_lan_address(&ifs[..2]).unwrap(),
            Ipv4Addr::new(192, 168, 49, 1)
        );
        // Equals: the first given.
        let two = [
            iface("eth0", true, "192.168.1.2"),
            iface("eth1", true, "192.168.2.2"),
        ];
        assert_eq!(
            pick_lan_address(&two).unwrap(),
            Ipv4Addr::new(192, 168, 1, 2)
        );
    }

    #[test]
    fn no_private_address_is_a_clear_error_naming_what_there_is() {
        let ifs = [
            iface("lo", true, "127.0.0.1"),
            iface("eth0", true, "192.0.2.2"),
            iface("wlan0", false, "192.168.1.4"),
        ];
        let e = pick_lan_address(&ifs).unwrap_err().to_string();
        assert!(e.contains("no private network address"), "{e}");
        assert!(e.contains("connect it to the shop's Wi-Fi"), "{e}");
        assert!(
            e.contains("lo 127.0.0.1, eth0 192.0.2.2, wlan0 192.168.1.4, down"),
            "{e}"
        );
        let none = pick_lan_address(&[]).unwrap_err().to_string();
        assert!(none.ends_with("network"), "{none}");
    }

    #[test]
    fn admin_paths_are_the_sandboxs_own_test_endpoints() {
        for admin in [
            "/sandbox/payments",
            "/sandbox/payments/",
            "/sandbox/payments/p-1/fail",
            "/sandbox/admin/faults",
            "/sandbox/admin/webhook",
            "/sandbox/admin",
        ] {
            assert!(is_admin_path(admin), "{admin}");
        }
        for public in [
            "/sandbox/authorize/p-1",
            "/sandbox/payments/p-1/approve",
            "/sandbox/payments/p-1/reject",
            "/sandbox/done",
            "/v2/payments/accept",
            "/v2/payments/accept/p-1",
            "/v1/oauth/token",
            "/v1/oauth/connect",
            "/sandbox/connect/s-1",
            "/v1/accounts",
            "/sandbox/administrator",
        ] {
            assert!(!is_admin_path(public), "{public}");
        }
    }

    #[test]
    fn only_this_computer_reaches_the_admin_endpoints() {
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        assert!(allowed("/sandbox/admin/faults", ip("127.0.0.1")));
        assert!(allowed("/sandbox/admin/faults", ip("127.8.9.10")));
        assert!(allowed("/sandbox/admin/faults", ip("::1")));
        assert!(allowed("/sandbox/admin/faults", ip("::ffff:127.0.0.1")));
        assert!(!allowed("/sandbox/admin/faults", ip("192.168.1.40")));
        assert!(!allowed("/sandbox/payments/p/fail", ip("10.0.0.2")));
        assert!(!allowed("/sandbox/payments", ip("fd00::2")));
        assert!(!allowed("/sandbox/payments", ip("::ffff:192.168.1.40")));
        assert!(!allowed("/sandbox/payments", None), "no peer: refused");
        assert!(allowed("/sandbox/authorize/p", ip("192.168.1.40")));
        assert!(allowed("/sandbox/payments/p/approve", ip("192.168.1.40")));
        assert!(allowed("/sandbox/done", None));
    }
}
