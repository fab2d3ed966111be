//! A network thermal printer: raw TCP, by default on port 9100 ("JetDirect" / "RAW").
//!
//! [`NetworkPrinter::print`] connects, sends the bytes, closes its side and waits a moment
//! for the printer to close too, so that a printer that drops the connection while taking the
//! receipt is noticed. Every failure is a [`PrintError`] whose message tells the cashier what
//! to check and that the receipt is kept: the caller keeps the receipt and offers to print it
//! again; nothing here throws it away.

use std::io;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;

/// The raw printing port of network receipt printers.
pub const DEFAULT_PORT: u16 = 9100;
/// How long to wait for the printer to accept the connection, by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// How long the printer may take to accept the whole receipt, by default.
pub const DEFAULT_WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long to wait, after sending, for the printer to close the connection, by default;
/// a printer that keeps it open past this has still been given the receipt.
pub const DEFAULT_CLOSE_WAIT: Duration = Duration::from_secs(2);

/// Why a receipt did not reach the printer. The messages are for the cashier.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(
        "“{input}” is not a printer address. Write it as 192.168.1.50 or 192.168.1.50:9100 (or a name such as printer.local:9100)."
    )]
    BadAddress { input: String },
    #[error(
        "The printer name {addr} is not known on this network: check the name in Settings. The receipt is kept; print it again later."
    )]
    UnknownHost {
        addr: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "The printer at {addr} does not answer: is it switched on and on the network? The receipt is kept; print it again later."
    )]
    NoAnswer {
        addr: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "The connection to the printer at {addr} broke while printing: check the printer (paper, lid, cable) and print the receipt again. The receipt is kept."
    )]
    ConnectionBroke {
        addr: String,
        #[source]
        source: io::Error,
    },
    #[error(
        "The printer at {addr} did not take the receipt in time: check that it has paper and its lid is closed, then print again. The receipt is kept."
    )]
    TooSlow { addr: String },
}

/// A receipt printer on the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkPrinter {
    host: String,
    port: u16,
    /// Time to connect (name look-up included).
    pub connect_timeout: Duration,
    /// Time for the printer to take the whole receipt.
    pub write_timeout: Duration,
    /// Time to wait after sending for the printer to close its side.
    pub close_wait: Duration,
}

impl NetworkPrinter {
    /// A printer at `address`: `host`, `host:port`, `1.2.3.4`, `1.2.3.4:9100`, `[::1]:9100`
    /// or a bare IPv6 address; without a port, [`DEFAULT_PORT`].
    pub fn new(address: &str) -> Result<Self, PrintError> {
        let (host, port) = parse_address(address).ok_or_else(|| PrintError::BadAddress {
            input: address.to_string(),
        })?;
        Ok(NetworkPrinter {
            host,
            port,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            write_timeout: DEFAULT_WRITE_TIMEOUT,
            close_wait: DEFAULT_CLOSE_WAIT,
        })
    }

    /// Sets the connect and write timeouts (builder style).
    pub fn with_timeouts(mut self, connect: Duration, write: Duration) -> Self {
        self.connect_timeout = connect;
        self.write_timeout = write;
        self
    }

    /// The host name or IP address.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The TCP port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `host:port` as the messages show it (`[v6]:port` for IPv6).
    pub fn address(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// Sends `bytes` (from [`crate::encode`]) to the printer.
    pub async fn print(&self, bytes: &[u8]) -> Result<(), PrintError> {
        let addr = self.address();
        let mut stream = self.connect(&addr).await?;
        let broke = |source: io::Error| PrintError::ConnectionBroke {
            addr: addr.clone(),
            source,
        };
        let send = async {
            stream.write_all(bytes).await?;
            stream.flush().await?;
            stream.shutdown().await
        };
        match timeout(self.write_timeout, send).await {
            Err(_) => return Err(PrintError::TooSlow { addr }),
            Ok(Err(e)) => return Err(broke(e)),
            Ok(Ok(())) => {}
        }
        // The printer closes its side once it has read everything. A reset instead means it
        // dropped the connection with data unread; a printer that stays open is left be.
        let mut sink = [0u8; 512];
        let mut read_total = 0usize;
        let drain = async {
            loop {
                match stream.read(&mut sink).await {
                    Ok(0) => return Ok(()),
                    // Status bytes some printers send back: read and ignore, within reason.
                    Ok(n) => {
                        read_total += n;
                        if read_total > 64 * 1024 {
                            return Ok(());
                        }
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        match timeout(self.close_wait, drain).await {
            Ok(Err(e)) => Err(broke(e)),
            Ok(Ok(())) | Err(_) => Ok(()),
        }
    }

    async fn connect(&self, addr: &str) -> Result<TcpStream, PrintError> {
        let no_answer = |source: io::Error| PrintError::NoAnswer {
            addr: addr.to_string(),
            source,
        };
        let attempt = async {
            let targets: Vec<_> = tokio::net::lookup_host((self.host.as_str(), self.port))
                .await
                .map_err(|source| PrintError::UnknownHost {
                    addr: addr.to_string(),
                    source,
                })?
                .collect();
            let mut last = io::Error::new(io::ErrorKind::NotFound, "the name has no address");
            for target in targets {
                match TcpStream::connect(target).await {
                    Ok(stream) => return Ok(stream),
                    Err(e) => last = e,
                }
            }
            Err(no_answer(last))
        };
        match timeout(self.connect_timeout, attempt).await {
            Ok(result) => result,
            Err(_) => Err(no_answer(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no answer within {:?}", self.connect_timeout),
            ))),
        }
    }
}

fn parse_address(input: &str) -> Option<(String, u16)> {
    let s = input.trim();
    if s.is_empty() || s.contains(char::is_whitespace) || s.contains('/') {
        return None;
    }
    let port = |p: &str| p.parse::<u16>().ok().filter(|&p| p != 0);
    if let Some(rest) = s.strip_prefix('[') {
        // [v6] or [v6]:port
        let (host, after) = rest.split_once(']')?;
        host.parse::<std::net::Ipv6Addr>().ok()?;
        let port = match after {
            "" => DEFAULT_PORT,
            _ => port(after.strip_prefix(':')?)?,
        };
        return Some((host.to_string(), port));
    }
    if s.parse::<std::net::Ipv6Addr>().is_ok() {
        return Some((s.to_string(), DEFAULT_PORT));
    }
    let (host, port) = match s.rsplit_once(':') {
        Some((host, p)) => (host, port(p)?),
        None => (s, DEFAULT_PORT),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_');
    host_ok.then(|| (host.to_string(), port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_with_and_without_a_port() {
        let p = |s: &str| NetworkPrinter::new(s).map(|p| (p.host().to_string(), p.port()));
        assert_eq!(p("192.168.1.50").ok(), Some(("192.168.1.50".into(), 9100)));
        assert_eq!(
            p(" 192.168.1.50:9101 ").ok(),
            Some(("192.168.1.50".into(), 9101))
        );
        assert_eq!(
            p("printer.local").ok(),
            Some(("printer.local".into(), 9100))
        );
        assert_eq!(p("[::1]:9100").ok(), Some(("::1".into(), 9100)));
        assert_eq!(p("fe80::1").ok(), Some(("fe80::1".into(), 9100)));
        for bad in [
            "",
            "192.168.1.50:",
            "192.168.1.50:99999",
            "host:0",
            "a b",
            "http://x",
            "[::1",
        ] {
            let err = p(bad).err();
            assert!(
                matches!(err, Some(PrintError::BadAddress { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_address_is_shown_as_host_and_port() {
        let Ok(p) = NetworkPrinter::new("[::1]") else {
            panic!("[::1] is an address");
        };
        assert_eq!(p.address(), "[::1]:9100");
        let Ok(p) = NetworkPrinter::new("192.168.1.50") else {
            panic!("192.168.1.50 is an address");
        };
        assert_eq!(p.address(), "192.168.1.50:9100");
    }

    #[test]
    fn messages_tell_the_cashier_what_to_do() {
        let e = PrintError::NoAnswer {
            addr: "192.168.1.50:9100".into(),
            source: io::Error::from(io::ErrorKind::ConnectionRefused),
        };
        assert_eq!(
            e.to_string(),
            "The printer at 192.168.1.50:9100 does not answer: is it switched on and on the network? The receipt is kept; print it again later."
        );
    }
}
