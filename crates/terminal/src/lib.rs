//! Kassa as the pay-by-bank terminal of a cash register the shop already has: the nexo
//! Sale-to-POI protocol in its JSON form (the "Terminal API" of card terminals), served on
//! the running counter (`docs/terminal-api.md`).
//!
//! * [`nexo`]: the messages (`SaleToPOIRequest` / `SaleToPOIResponse`).
//! * [`amount`]: `RequestedAmount` read exactly into minor units, and back.
//! * [`service`]: [`Terminal`], which answers `Payment`, `Abort`, `TransactionStatus`,
//!   `Login` and `Logout` on a [`kassa_boot::Counter`]: a payment is a pay-by-bank sale
//!   opened on the same path as the window's, and the register's ids are kept in the
//!   journal so a repeated request never opens a second sale and a lost reply is found
//!   again after a restart of either side.
//! * [`host`]: the terminal API beside a host's counter, from the environment (the app).
//! * [`http`]: `POST /nexo` with a bearer token: plain HTTP on a loopback address, or TLS
//!   (the certificate's fingerprint shown for pairing) on the shop's network.

pub mod amount;
pub mod host;
pub mod http;
pub mod nexo;
pub mod service;

pub use http::{ServeError, Tls, Token, bind, router, serve, serve_tls};
pub use service::{CounterSource, PROTOCOL_VERSION, Reply, Terminal, TerminalConfig};
