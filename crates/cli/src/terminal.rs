//! `kassa terminal serve`: Kassa as the pay-by-bank terminal of a cash register, on the
//! counter this command starts (it owns the journal while it runs, as `kassa charge` does).
//! The register speaks nexo Sale to POI JSON (`docs/terminal-api.md`).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use crate::{EXIT_START, EXIT_USAGE, counter, fail, output, settings};

/// Where registers reach Kassa unless `--bind` says otherwise.
pub const DEFAULT_BIND: &str = "127.0.0.1:4020";

#[derive(clap::Subcommand)]
pub enum TerminalCommand {
    /// Serve registers on this computer (`POST http://BIND/nexo`, the token from
    /// KASSA_TERMINAL_TOKEN as `Authorization: Bearer`) until Ctrl-C.
    Serve {
        /// A loopback address and port (port 0 takes any free one).
        #[arg(long, default_value = DEFAULT_BIND)]
        bind: SocketAddr,
        /// The terminal id (nexo POIID) Kassa answers with.
        #[arg(long, default_value = "KASSA")]
        poi_id: String,
    },
}

pub async fn run(command: TerminalCommand) -> ExitCode {
    match command {
        TerminalCommand::Serve { bind, poi_id } => serve(bind, poi_id).await,
    }
}

async fn serve(bind: SocketAddr, poi_id: String) -> ExitCode {
    let m = output::messages();
    let cannot = |e: &dyn std::fmt::Display| {
        output::t(
            "cli-terminal-cannot-run",
            &[("error", e.to_string().into())],
        )
    };
    let token = std::env::var("KASSA_TERMINAL_TOKEN").unwrap_or_default();
    let token = match kassa_terminal::Token::new(&token) {
        Ok(t) => t,
        Err(e) => return fail(EXIT_USAGE, &cannot(&e)),
    };
    let listener = match kassa_terminal::bind(bind).await {
        Ok(l) => l,
        Err(e @ kassa_terminal::ServeError::NotLoopback(_)) => {
            return fail(EXIT_USAGE, &cannot(&e));
        }
        Err(e) => return fail(EXIT_START, &cannot(&e)),
    };
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
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
    println!(
        "{}",
        m.get(
            "cli-terminal-ready",
            &[
                (
                    "url",
                    format!("http://{addr}{}", kassa_terminal::http::PATH).into()
                ),
                ("poi", poi_id.as_str().into()),
                ("currency", counter.currency.code().into()),
            ]
        )
    );
    // Ctrl-C stops at once: a register still waiting for a payment's reply loses it and
    // asks again with TransactionStatus (the sale itself is in the journal and resumes at
    // the next start).
    let served = tokio::select! {
        served = kassa_terminal::serve(listener, Arc::clone(&terminal), token, std::future::pending()) => served,
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
