//! `kassa terminal serve`: Kassa as the pay-by-bank terminal of a cash register, on the
//! counter this command starts (it owns the journal while it runs, as `kassa charge` does).
//! The register speaks nexo Sale to POI JSON (`docs/terminal-api.md`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use crate::{EXIT_START, EXIT_USAGE, counter, fail, output, settings};

/// Where registers reach Kassa unless `--bind` says otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:4020";

#[derive(clap::Subcommand)]
pub enum TerminalCommand {
    /// Serve registers (`POST http://BIND/nexo`, or https with --tls-cert; the token from
    /// KASSA_TERMINAL_TOKEN as `Authorization: Bearer`) until Ctrl-C.
    Serve {
        /// The address and port (port 0 takes any free one): a loopback address for plain
        /// HTTP, any address with TLS.
        #[arg(long, default_value = DEFAULT_BIND)]
        bind: SocketAddr,
        /// Serve over TLS with Kassa's own certificate (made once and kept beside the
        /// journal; its SHA-256 fingerprint is shown for pairing the register).
        #[arg(long, conflicts_with = "tls_cert")]
        tls: bool,
        /// Serve over TLS with this certificate (PEM) instead; its SHA-256 fingerprint is
        /// shown for pairing the register.
        #[arg(long, value_name = "CERT.pem", requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// The certificate's private key (PEM).
        #[arg(long, value_name = "KEY.pem", requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// The terminal id (nexo POIID) Kassa answers with.
        #[arg(long, default_value = "KASSA")]
        poi_id: String,
        /// Each sale's events (its QR code to scan, its end) as one JSON object per line,
        /// as `kassa charge --json` prints them, instead of for people.
        #[arg(long)]
        json: bool,
    },
    /// The registers' token kept in the OS keyring (a manager's step): `--new` makes one
    /// and shows it once, `--remove` takes it away; neither says whether one is set.
    /// KASSA_TERMINAL_TOKEN wins over it.
    Token {
        #[arg(long, conflicts_with = "remove")]
        new: bool,
        #[arg(long)]
        remove: bool,
    },
}

fn cannot(e: &dyn std::fmt::Display) -> String {
    output::t(
        "cli-terminal-cannot-run",
        &[("error", e.to_string().into())],
    )
}

pub async fn run(command: TerminalCommand) -> ExitCode {
    match command {
        TerminalCommand::Serve {
            bind,
            tls: own,
            tls_cert,
            tls_key,
            poi_id,
            json,
        } => {
            let tls = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => match kassa_terminal::Tls::from_pem_files(&cert, &key) {
                    Ok(tls) => Some(tls),
                    Err(e) => return fail(EXIT_USAGE, &cannot(&e)),
                },
                _ if own => {
                    let dir = crate::db_path()
                        .parent()
                        .map(std::path::Path::to_path_buf)
                        .unwrap_or_default();
                    let names = kassa_terminal::host::own_names(bind);
                    match kassa_terminal::Tls::own(&dir, &names) {
                        Ok(tls) => Some(tls),
                        Err(e) => return fail(EXIT_START, &cannot(&e)),
                    }
                }
                _ => None,
            };
            serve(bind, tls, poi_id, json).await
        }
        TerminalCommand::Token { new, remove } => token(new, remove),
    }
}

fn token(new: bool, remove: bool) -> ExitCode {
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let keys = &*settings.keys.0;
    let keyring = |e: &kassa_boot::SecretError| {
        fail(
            EXIT_START,
            &cannot(&kassa_boot::error_words::secret(output::messages(), e)),
        )
    };
    if new || remove {
        if let Err(code) = crate::staff::check(
            &settings.db_path,
            crate::staff::who(),
            kassa_boot::session::Action::Settings,
        ) {
            return code;
        }
    }
    if new {
        return match kassa_terminal::host::new_token(keys) {
            Ok(t) => {
                println!(
                    "{}",
                    output::t("cli-terminal-token-new", &[("token", t.into())])
                );
                ExitCode::SUCCESS
            }
            Err(e) => keyring(&e),
        };
    }
    if remove {
        return match kassa_terminal::host::remove_token(keys) {
            Ok(()) => {
                println!("{}", output::text("cli-terminal-token-removed"));
                ExitCode::SUCCESS
            }
            Err(e) => keyring(&e),
        };
    }
    match kassa_terminal::host::stored_token(keys) {
        Ok(Some(_)) => println!("{}", output::text("cli-terminal-token-set")),
        Ok(None) => println!("{}", output::text("cli-terminal-token-none")),
        Err(e) => return keyring(&e),
    }
    ExitCode::SUCCESS
}

async fn serve(
    bind: SocketAddr,
    tls: Option<kassa_terminal::Tls>,
    poi_id: String,
    json: bool,
) -> ExitCode {
    let m = output::messages();
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The environment's token, else the one kept in the keyring.
    let token = match kassa_terminal::host::env_token(|k| std::env::var(k).ok()) {
        Some(t) => t,
        None => match kassa_terminal::host::stored_token(&*settings.keys.0) {
            Ok(t) => t.unwrap_or_default(),
            Err(e) => {
                return fail(
                    EXIT_START,
                    &cannot(&kassa_boot::error_words::secret(output::messages(), &e)),
                );
            }
        },
    };
    let token = match kassa_terminal::Token::new(&token) {
        Ok(t) => kassa_terminal::http::tokens(Some(t)),
        Err(e) => return fail(EXIT_USAGE, &cannot(&e)),
    };
    let listener = match kassa_terminal::bind(bind, tls.is_some()).await {
        Ok(l) => l,
        Err(e @ kassa_terminal::ServeError::NotLoopback(_)) => {
            return fail(EXIT_USAGE, &cannot(&e));
        }
        Err(e) => return fail(EXIT_START, &cannot(&e)),
    };
    let counter = match counter(settings, "kassa terminal serve").await {
        Ok(c) => Arc::new(c),
        Err(code) => return code,
    };
    let config = kassa_terminal::TerminalConfig {
        poi_id: poi_id.clone(),
        ..kassa_terminal::TerminalConfig::default()
    };
    let terminal = Arc::new(kassa_terminal::Terminal::new(Arc::clone(&counter), config));
    let addr = listener.local_addr().unwrap_or(bind);
    let scheme = if tls.is_some() { "https" } else { "http" };
    let url = format!("{scheme}://{addr}{}", kassa_terminal::http::PATH);
    println!(
        "{}",
        m.get(
            "cli-terminal-ready",
            &[
                ("url", url.into()),
                ("poi", poi_id.as_str().into()),
                ("currency", counter.currency.code().into()),
            ]
        )
    );
    if let Some(tls) = &tls {
        println!(
            "{}",
            m.get(
                "cli-terminal-fingerprint",
                &[("fingerprint", tls.fingerprint().into())]
            )
        );
    }
    // Without a window, the sales' codes are printed here for the customer to scan (as
    // `kassa charge` prints its own), with the rest of each sale's events.
    let mut events = counter.till.subscribe();
    tokio::spawn(async move {
        let printer = crate::output::Printer::new(json);
        loop {
            match events.recv().await {
                Ok(e) => printer.event(&e),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    tracing::warn!(missed = n, "fell behind the event stream");
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            }
        }
    });
    // Ctrl-C stops at once: a register still waiting for a payment's reply loses it and
    // asks again with TransactionStatus (the sale itself is in the journal and resumes at
    // the next start).
    let serving = Arc::clone(&terminal);
    let served = tokio::select! {
        served = async move {
            match tls {
                Some(tls) => kassa_terminal::serve_tls(listener, serving, token, tls).await,
                None => {
                    kassa_terminal::serve(listener, serving, token, std::future::pending()).await
                }
            }
        } => served,
        _ = tokio::signal::ctrl_c() => Ok(()),
    };
    drop(terminal);
    if let Ok(counter) = Arc::try_unwrap(counter) {
        counter.stop().await;
    }
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(EXIT_START, &cannot(&e)),
    }
}
