//! `kassa`: the counter without a window, on the same engine as the app.
//!
//! * `kassa charge (--amount 12.50 | --line "TEXT=AMOUNT[@RATE]"...) [--cash GIVEN | --card [REF]]
//!   [--currency DKK] [--reference TEXT] [--json]` (the receipt is printed when paid)
//! * `kassa cancel SALE_ID`
//! * `kassa resume [--json]` (follows every open sale and pending payment to its end)
//! * `kassa status [--json]` (open sales, payments still followed, payments that need attention)
//! * `kassa backup FILE`, `kassa export [--format jsonl|csv] [--out FILE] [--training]`,
//!   `kassa export --format saf-t --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xml`
//! * `kassa today [--json]`
//! * `kassa return SALE [--amount A] --reason TEXT [--json]`, `kassa report x|z [--json]`,
//!   `kassa refunds [--all] [--json]`, `kassa refunds --sent ID --note TEXT`,
//!   `kassa bookkeeping --from YYYY-MM-DD --to YYYY-MM-DD FILE` (SALE: a sale id, a
//!   receipt number `#1042`, or a payment id). `return`, `report z` and `refunds --sent`
//!   own the journal while they write; `report x`, `refunds` and `bookkeeping` only read.
//!
//! `charge`, `cancel` and `resume` drive sales and so own the journal while they run (a lock
//! file beside it; a second owner is refused, exit 4); `status`, `today`, `backup` and
//! `export` only read it and work beside an owner.
//! * `kassa setup --client-id ID --destination-id D [--api-url U] [--currency C]` (secret on stdin),
//!   and/or the shop: `--legal-name`, `--org-number`, `--address`, `--postcode`, `--city`,
//!   `--country`, `--till-name`, `--footer`, `--vat NAME=PERCENT[@CODE]`, `--vat-remove`,
//!   `--vat-default`, `--quick NAME=PRICE@RATE`, `--quick-remove`, `--printer`, `--logo`, `--width`
//! * `kassa connect [--no-browser] [--account DESTINATION_ID]` (Aiia's Connect flow: choose
//!   the receiving account in the browser, then pick and confirm it here)
//! * `kassa terminal serve [--bind ADDR] [--tls-cert CERT.pem --tls-key KEY.pem] [--poi-id ID]`
//!   (a cash register's pay-by-bank terminal: nexo Sale to POI JSON, the token in
//!   `KASSA_TERMINAL_TOKEN`; docs/terminal-api.md)
//! * `kassa doctor [--json]`
//! * `kassa sandbox [--port N] [--lan] [--webhook-url URL --webhook-secret S --webhook-signing aiia|viia]
//!   [--faults JSON] [--status-shape object|flat] [--client-credentials]`
//!
//! Settings come from `KASSA_API_URL`, `KASSA_CLIENT_ID`, `KASSA_CLIENT_SECRET`,
//! `KASSA_DESTINATION_ID`, `KASSA_CURRENCY` and `KASSA_DB`; with no credentials Kassa runs on
//! its built-in sandbox, which injects the faults in `KASSA_SANDBOX_FAULTS` (JSON, see
//! `docs/aiia-wire.md`), as `kassa sandbox` does without `--faults`. `KASSA_WEBHOOK_BIND`
//! with `KASSA_WEBHOOK_SECRET` turns on the webhook listener.
//!
//! Crash-safety tests set `KASSA_CRASH_AT=<point>[#n]` (points: see
//! `kassa_till::CrashPoint`): the n-th time (default the first) the sale reaches that point,
//! `kassa` prints `crashpoint <point>` to stderr and stops there until it is killed.

mod books;
mod crash;
mod export_saft;
mod hub;
mod keys;
mod output;
mod report;
mod sell;
mod staff;
mod terminal;

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use kassa_boot::{Counter, Settings};
use kassa_money::Money;
use kassa_till::{Outcome, TillEvent};
use tokio::sync::broadcast::error::RecvError;

use output::Printer;

#[derive(Parser)]
#[command(
    name = "kassa",
    version,
    about = "Pay-by-bank counter: take payments with Aiia Pay"
)]
struct Cli {
    /// Act as this employee (their number) instead of the default one ("1"); their PIN from
    /// KASSA_PIN, else asked on standard input.
    #[arg(long, global = true, value_name = "ID")]
    employee: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum KeysAction {
    /// Write the public half of the receipt key (PEM) to a file, for the tax office.
    ExportPublic {
        #[arg(long)]
        out: std::path::PathBuf,
        /// Which key version (default: the newest).
        #[arg(long)]
        version: Option<u32>,
    },
    /// Make the next receipt key (version n + 1): its private half into the keyring,
    /// receipts from now on are signed with it. Needs the journal (the app closed).
    New,
}

#[derive(Subcommand)]
enum Command {
    /// Take a payment and follow it to its end (exit 0 when paid).
    Charge {
        /// The amount, e.g. 12.50 or 12,50: one line at the shop's default VAT rate.
        #[arg(long, required_unless_present = "line")]
        amount: Option<String>,
        /// A line of the sale instead of --amount: "TEXT=AMOUNT[@RATE]" (RATE a VAT rate's
        /// name, default the default rate; "2 x TEXT=…" for a quantity). Repeat for more.
        #[arg(
            long = "line",
            value_name = "TEXT=AMOUNT[@RATE]",
            conflicts_with = "amount"
        )]
        line: Vec<String>,
        /// Paid in cash: what the customer gave (the change is shown). No bank payment.
        #[arg(long, value_name = "GIVEN", conflicts_with = "card")]
        cash: Option<String>,
        /// Paid by card on the shop's terminal, with its reference if any. No bank payment.
        #[arg(long, value_name = "REF", num_args = 0..=1, default_missing_value = "")]
        card: Option<String>,
        /// DKK, SEK, NOK or EUR (default: KASSA_CURRENCY, else DKK).
        #[arg(long)]
        currency: Option<String>,
        /// Reference on the bank statement: letters and digits, at most 18.
        #[arg(long)]
        reference: Option<String>,
        /// One JSON object per line per event, for machines.
        #[arg(long)]
        json: bool,
    },
    /// Cancel an open sale (e.g. one left open by a crash).
    Cancel { sale_id: String },
    /// Pick up after a crash or a closed window: follow every open sale and every payment
    /// that may still change until each has ended (Ctrl-C cancels the open ones). Exit 0,
    /// or 6 when a payment needs attention.
    Resume {
        #[arg(long)]
        json: bool,
    },
    /// Open sales, payments still followed (they can still be approved) and every payment
    /// that needs attention (a refund), from the journal, of the backend the settings choose
    /// (live with credentials, else the sandbox: training). Exit 0 when all is clear, 5 when
    /// a sale is open or unsettled or a payment is still followed, 6 when a payment needs
    /// attention.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Mark a payment flagged "needs attention" as refunded by hand: it leaves `kassa status`
    /// and the window's banner; the journal keeps the flag and the resolution.
    Refunded {
        payment_id: String,
        /// What was done, for the journal (default: "refunded by hand").
        #[arg(long)]
        note: Option<String>,
    },
    /// A consistent copy of the journal (safe while the counter runs).
    Backup { file: std::path::PathBuf },
    /// Every live sale with its attempts, as JSON lines (one sale per line) or CSV (one
    /// attempt per row), to standard output or a file. Training (sandbox) sales are never
    /// in it unless `--training` asks for them, and then only they are.
    ///
    /// `--format saf-t --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xml` writes the
    /// Norwegian SAF-T Cash Register file of those whole local days instead: every receipt
    /// (live, and training marked as such), the electronic journal's events and the Z
    /// reports, for the tax office. The export is journaled (event 13020) when no other
    /// process holds the journal.
    Export {
        #[arg(long, value_enum, default_value = "jsonl")]
        format: report::Format,
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        /// Export the training sales (made on the sandbox) instead of the live ones.
        #[arg(long)]
        training: bool,
        /// The first day of a SAF-T export (YYYY-MM-DD, local time).
        #[arg(long)]
        from: Option<String>,
        /// The last day of a SAF-T export (YYYY-MM-DD, included).
        #[arg(long)]
        to: Option<String>,
    },
    /// Save the real Aiia settings: the Client Secret is read from standard input and kept in
    /// the OS keyring; the rest goes to settings.json beside the journal.
    ///
    /// The shop (merchant profile, VAT table, quick items, printer, logo, receipt width) is
    /// set with its own flags, alone or with the Aiia settings; no secret is asked for then.
    Setup {
        #[arg(long, requires = "destination_id")]
        client_id: Option<String>,
        #[arg(long, requires = "client_id")]
        destination_id: Option<String>,
        /// e.g. https://api.aiia.eu (the default) or https://api-sandbox.aiia.eu
        #[arg(long)]
        api_url: Option<String>,
        #[arg(long)]
        currency: Option<String>,
        /// The page customers' phones open after paying (your shop's https:// page; a live
        /// counter needs one).
        #[arg(long)]
        redirect_url: Option<String>,
        /// Custom API address (for testing; money could go elsewhere): allow an --api-url
        /// that is not Aiia's own.
        #[arg(long)]
        custom_api: bool,
        /// The shop's hub, postgres://user@host:5432/database, as `kassa hub connect` takes it.
        #[arg(long)]
        hub_url: Option<String>,
        #[command(flatten)]
        shop: Box<sell::ShopArgs>,
    },
    /// Connect the bank account that receives payments (Aiia's Connect flow in the browser)
    /// and save it as the destination.
    Connect {
        /// Print the address to open instead of opening the browser.
        #[arg(long)]
        no_browser: bool,
        /// Save this connected account (its destinationId) without asking; otherwise Kassa
        /// lists the connected accounts, asks which one and asks to confirm its name.
        #[arg(long, value_name = "DESTINATION_ID")]
        account: Option<String>,
    },
    /// Check the settings, credentials, destination and clock against the service.
    Doctor {
        #[arg(long)]
        json: bool,
    },
    /// List today's sales of this counter's backend (live ones with credentials, else the
    /// sandbox's, labelled training), read from the journal; works while a counter sells.
    Today {
        #[arg(long)]
        json: bool,
    },
    /// A receipt: of a sale (its id or the payment id that paid it), or any receipt by its
    /// number (`#1042`, returns too). Shown as text, or as JSON with --json; --print sends it
    /// to the network printer and --pdf saves it, each counted (a reprint is a COPY).
    Receipt {
        /// A sale id, a payment id or a receipt number (#1042).
        key: String,
        #[arg(long)]
        json: bool,
        /// Print it on the network printer (Settings → Shop).
        #[arg(long, conflicts_with = "pdf")]
        print: bool,
        /// Save it as a PDF file.
        #[arg(long, value_name = "FILE")]
        pdf: Option<std::path::PathBuf>,
    },
    /// Return (part of) a paid sale: its own numbered return receipt; the money goes back
    /// by the sale's tender (pay by bank: a bank transfer to make, see `kassa refunds`).
    /// Exit 2 when refused (not paid, more than what is left, no reason).
    Return {
        /// A sale id, a receipt number (#1042) or a payment id.
        sale: String,
        /// Return this much (split over the sale's VAT rates); without it, all that is left.
        #[arg(long)]
        amount: Option<String>,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// The X report (running figures since the last Z) or the Z report (closes the period
    /// with the next Z number; refused while a sale is open).
    Report {
        #[arg(value_parser = ["x", "z"])]
        kind: String,
        #[arg(long)]
        json: bool,
    },
    /// Bank transfers to make (pay-by-bank money going back), or mark one sent.
    Refunds {
        /// Mark transfer ID as sent (with --note saying how).
        #[arg(long, value_name = "ID")]
        sent: Option<i64>,
        #[arg(long, requires = "sent")]
        note: Option<String>,
        /// List sent transfers too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// The bookkeeping CSV of a period: one row per receipt per VAT rate, totals per rate.
    Bookkeeping {
        /// First day (YYYY-MM-DD, local time).
        #[arg(long)]
        from: String,
        /// Last day, included.
        #[arg(long)]
        to: String,
        file: std::path::PathBuf,
    },
    /// The till's employees: `kassa staff list|add|pin|role|off|on` (changes are a
    /// manager's; new PINs from KASSA_NEW_PIN, else standard input).
    Staff {
        #[command(subcommand)]
        command: staff::StaffCommand,
    },
    /// The shop's hub (PostgreSQL): `kassa hub connect|status|sync|report|export`. Every
    /// till sends its books there; the whole shop's day is read from it.
    Hub {
        #[command(subcommand)]
        command: hub::HubCommand,
    },
    /// Kassa as the pay-by-bank terminal of a cash register (nexo Sale to POI JSON over
    /// HTTP, as card terminals' Terminal API): `kassa terminal serve [--bind ADDR]`.
    Terminal {
        #[command(subcommand)]
        command: terminal::TerminalCommand,
    },
    /// The till's receipt signing keys: the private halves live in the OS keyring only.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Re-check every receipt's signature, chained to the one before, with the public keys
    /// in the journal. Exit 0 when the whole chain verifies, 7 naming the first receipt that
    /// does not (changed, missing or unsigned). Nothing is repaired.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Run the Aiia sandbox on its own.
    Sandbox {
        #[arg(long, default_value_t = 4010)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1", conflicts_with = "lan")]
        host: IpAddr,
        /// Also serve this computer's address on the shop's network (a private IPv4 of a
        /// connected interface), so a phone that scans a code opens the bank page: a
        /// training bank. The test and admin endpoints still answer only on 127.0.0.1.
        #[arg(long)]
        lan: bool,
        /// How long a payment link stays valid, in seconds.
        #[arg(long, default_value_t = 60)]
        link_ttl: u64,
        /// Send signed event notifications (webhooks) to this URL.
        #[arg(long)]
        webhook_url: Option<String>,
        /// The secret webhooks are signed with (default: sandbox-webhook-secret).
        #[arg(long, requires = "webhook_url")]
        webhook_secret: Option<String>,
        /// How webhooks are signed: aiia (X-Aiia-Signature with time and event id, the
        /// default) or viia (the older X-Viia-Signature over the body alone).
        #[arg(long, requires = "webhook_url", value_parser = ["aiia", "viia"])]
        webhook_signing: Option<String>,
        /// Faults to inject, as JSON, e.g. '{"accept": ["dropAfterCreate"]}'
        /// (default: KASSA_SANDBOX_FAULTS). Change them later with PUT /sandbox/admin/faults.
        #[arg(long)]
        faults: Option<String>,
        /// How status replies are written: object (`"status": {"code", …}`, the default, as
        /// the public clients read it) or flat (`"status": "Executed"`)
        /// (default: KASSA_SANDBOX_STATUS_SHAPE, else object).
        #[arg(long)]
        status_shape: Option<String>,
        /// Also issue tokens for `grant_type=client_credentials` (for KASSA_AUTH=bearer, a
        /// mode no public source shows; refused by default like the real service would).
        #[arg(long)]
        client_credentials: bool,
    },
}

/// Exit codes: 0 paid (or done), 1 declined or failed, 2 bad input or settings,
/// 3 cancelled, 4 the counter could not start (or the journal failed), 5 a sale is open,
/// 6 a payment needs attention.
const EXIT_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_CANCELLED: u8 = 3;
const EXIT_START: u8 = 4;
const EXIT_OPEN: u8 = 5;
const EXIT_ATTENTION: u8 = 6;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = if matches!(cli.command, Command::Sandbox { .. }) {
        "info"
    } else {
        "warn"
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("KASSA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    // The Language setting (settings.json beside the journal) before anything is said.
    let var = |k: &str| std::env::var(k).ok();
    kassa_boot::adopt_saved_language(&kassa_boot::db_path(&var, kassa_boot::default_db_path(var)));

    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            return fail(
                EXIT_START,
                &output::t("cli-cannot-start", &[("error", e.to_string().into())]),
            );
        }
    };
    staff::set_who(staff::Who(cli.employee));
    runtime.block_on(run(cli.command))
}

async fn run(command: Command) -> ExitCode {
    match command {
        Command::Sandbox {
            port,
            host,
            lan,
            link_ttl,
            webhook_url,
            webhook_secret,
            webhook_signing,
            faults,
            status_shape,
            client_credentials,
        } => {
            let (shape_source, shape) = match status_shape {
                Some(v) => ("--status-shape", Some(v)),
                None => (
                    "KASSA_SANDBOX_STATUS_SHAPE",
                    std::env::var("KASSA_SANDBOX_STATUS_SHAPE")
                        .ok()
                        .filter(|v| !v.trim().is_empty()),
                ),
            };
            let status_shape = match shape
                .as_deref()
                .map(|v| (v, kassa_sandbox::StatusShape::parse(v)))
            {
                None => kassa_sandbox::StatusShape::default(),
                Some((_, Some(shape))) => shape,
                Some((v, None)) => {
                    return fail(
                        EXIT_USAGE,
                        &output::t(
                            "cli-sandbox-bad-shape",
                            &[("source", shape_source.into()), ("value", v.into())],
                        ),
                    );
                }
            };
            let (source, json) = match faults {
                Some(json) => ("--faults", Some(json)),
                None => (
                    "KASSA_SANDBOX_FAULTS",
                    std::env::var("KASSA_SANDBOX_FAULTS")
                        .ok()
                        .filter(|v| !v.trim().is_empty()),
                ),
            };
            let faults = match json.as_deref().map(kassa_sandbox::Faults::from_json) {
                None => kassa_sandbox::Faults::default(),
                Some(Ok(f)) => f,
                Some(Err(e)) => {
                    return fail(
                        EXIT_USAGE,
                        &output::t(
                            "cli-sandbox-bad-faults",
                            &[("source", source.into()), ("error", e.to_string().into())],
                        ),
                    );
                }
            };
            if !faults.is_none() {
                tracing::info!(?faults, "injecting faults");
            }
            let defaults = kassa_sandbox::SandboxConfig::default();
            let config = kassa_sandbox::SandboxConfig {
                link_ttl: Duration::from_secs(link_ttl),
                webhook_url,
                webhook_secret: webhook_secret.unwrap_or(defaults.webhook_secret.clone()),
                webhook_signing: match webhook_signing.as_deref() {
                    Some("viia") => kassa_sandbox::WebhookSigning::Viia,
                    _ => kassa_sandbox::WebhookSigning::Aiia,
                },
                faults,
                status_shape,
                client_credentials,
                ..defaults
            };
            let (listen, host) = if lan {
                match kassa_sandbox::lan_address() {
                    Ok(ip) => (kassa_sandbox::Listen::Lan(ip.into(), port), ip.into()),
                    Err(e) => {
                        return fail(
                            EXIT_START,
                            &output::t("cli-sandbox-lan", &[("error", e.to_string().into())]),
                        );
                    }
                }
            } else {
                (kassa_sandbox::Listen::On(SocketAddr::new(host, port)), host)
            };
            match serve_sandbox(config, listen).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(
                    EXIT_START,
                    &output::t(
                        "cli-sandbox-cannot-run",
                        &[
                            ("host", host.to_string().into()),
                            ("port", port.to_string().into()),
                            ("error", e.to_string().into()),
                        ],
                    ),
                ),
            }
        }
        Command::Charge {
            amount,
            line,
            cash,
            card,
            currency,
            reference,
            json,
        } => {
            let tender = match (cash, card) {
                (Some(given), _) => Tender::Cash(given),
                (None, Some(r)) => Tender::Card(Some(r).filter(|r| !r.trim().is_empty())),
                (None, None) => Tender::Bank,
            };
            charge(
                ChargeArgs {
                    amount,
                    lines: line,
                    tender,
                    reference,
                    json,
                },
                currency.as_deref(),
            )
            .await
        }
        Command::Cancel { sale_id } => cancel(&sale_id).await,
        Command::Resume { json } => resume(json).await,
        Command::Status { json } => match configured_backend() {
            Ok(backend) => report::status(&db_path(), backend, json, hub_lag()),
            Err(code) => code,
        },
        Command::Backup { file } => report::backup(&db_path(), &file),
        Command::Keys { action } => match action {
            KeysAction::ExportPublic { out, version } => {
                keys::export_public(&db_path(), version, &out)
            }
            KeysAction::New => keys::new_key(&db_path(), &key_store()),
        },
        Command::Verify { json } => keys::verify(&db_path(), json),
        Command::Hub { command } => hub::run(command).await,
        Command::Terminal { command } => terminal::run(command).await,
        Command::Refunded { payment_id, note } => {
            report::refunded(&db_path(), &payment_id, note.as_deref())
        }
        Command::Export {
            format: report::Format::SafT,
            out,
            training,
            from,
            to,
        } => {
            if training {
                return fail(EXIT_USAGE, &output::text("cli-export-training-saft"));
            }
            match settings() {
                Ok(s) => export_saft::export(
                    &s,
                    export_saft::SaftArgs {
                        from: from.as_deref(),
                        to: to.as_deref(),
                        out: out.as_deref(),
                    },
                ),
                Err(code) => code,
            }
        }
        Command::Export {
            format,
            out,
            training,
            from,
            to,
        } => {
            if from.is_some() || to.is_some() {
                return fail(EXIT_USAGE, &output::text("cli-export-period-not-for-jsonl"));
            }
            let backend = if training {
                kassa_journal::Backend::Sandbox
            } else {
                kassa_journal::Backend::Live
            };
            report::export(&db_path(), format, out.as_deref(), backend)
        }
        Command::Today { json } => today(json),
        Command::Receipt {
            key,
            json,
            print,
            pdf,
        } => match settings() {
            Ok(s) => {
                let to = match (&pdf, print) {
                    (Some(file), _) => books::PrintTo::Pdf(file),
                    (None, true) => books::PrintTo::Printer,
                    (None, false) => books::PrintTo::Show,
                };
                books::receipt(&s, &key, json, to).await
            }
            Err(code) => code,
        },
        Command::Return {
            sale,
            amount,
            reason,
            json,
        } => match configured_backend() {
            Ok(series) => books::return_sale(
                &db_path(),
                &key_store(),
                series,
                &sale,
                amount.as_deref(),
                &reason,
                json,
            ),
            Err(code) => code,
        },
        Command::Report { kind, json } => match settings() {
            Ok(s) => books::report(&s.db_path.clone(), &s, kind == "z", json),
            Err(code) => code,
        },
        Command::Refunds {
            sent,
            note,
            all,
            json,
        } => match configured_backend() {
            Ok(series) => books::refunds(&db_path(), series, sent, note.as_deref(), all, json),
            Err(code) => code,
        },
        Command::Bookkeeping { from, to, file } => match configured_backend() {
            Ok(series) => books::bookkeeping(&db_path(), series, &from, &to, &file),
            Err(code) => code,
        },
        Command::Staff { command } => staff::staff(&db_path(), staff::who(), command),
        Command::Doctor { json } => doctor(json).await,
        Command::Connect {
            no_browser,
            account,
        } => connect(no_browser, account.as_deref()).await,
        Command::Setup {
            client_id,
            destination_id,
            api_url,
            currency,
            redirect_url,
            custom_api,
            hub_url,
            shop,
        } => {
            if let Err(code) = staff::check(
                &db_path(),
                staff::who(),
                kassa_boot::session::Action::Settings,
            ) {
                return code;
            }
            if shop.any() {
                let code = setup_shop(&shop, currency.as_deref());
                if code != ExitCode::SUCCESS {
                    return code;
                }
            }
            if let Some(url) = hub_url.clone() {
                let code = hub::run(hub::HubCommand::Connect { url }).await;
                if code != ExitCode::SUCCESS {
                    return code;
                }
            }
            match (client_id, destination_id) {
                (Some(client_id), Some(destination_id)) => setup(
                    SetupArgs {
                        client_id,
                        destination_id,
                        api_url,
                        redirect_url,
                        custom_api,
                    },
                    currency.as_deref(),
                ),
                _ if shop.any() || hub_url.is_some() => ExitCode::SUCCESS,
                _ => fail(EXIT_USAGE, &output::text("cli-setup-nothing")),
            }
        }
    }
}

fn settings() -> Result<Settings, ExitCode> {
    let var = |k: &str| std::env::var(k).ok();
    let mut settings = Settings::load(
        var,
        kassa_boot::default_db_path(var),
        &kassa_boot::Keyring::from_env(|k| std::env::var(k).ok()),
    )
    .map_err(|e| {
        fail(
            EXIT_USAGE,
            &kassa_boot::error_words::config(output::messages(), &e),
        )
    })?;
    if let Some(spec) = var("KASSA_CRASH_AT").filter(|v| !v.trim().is_empty()) {
        let hook = crash::CrashAt::parse(&spec).map_err(|e| fail(EXIT_USAGE, &e))?;
        settings.crash = kassa_till::CrashHooks::new(std::sync::Arc::new(hook));
    }
    Ok(settings)
}

/// The backend the settings choose (live with a Client ID, else the sandbox), for commands
/// that only read the journal.
/// How far the shop's hub is behind, when one is set (settings that do not load say
/// nothing here: `kassa status` reports the journal whatever the settings).
fn hub_lag() -> Option<kassa_boot::hub::HubLag> {
    let var = |k: &str| std::env::var(k).ok();
    let settings = Settings::load(
        var,
        kassa_boot::default_db_path(var),
        &kassa_boot::Keyring::from_env(|k| std::env::var(k).ok()),
    )
    .ok()?;
    kassa_boot::hub::lag(&settings)
}

fn configured_backend() -> Result<kassa_journal::Backend, ExitCode> {
    let var = |k: &str| std::env::var(k).ok();
    kassa_boot::configured_backend(var, kassa_boot::default_db_path(var)).map_err(|e| {
        fail(
            EXIT_USAGE,
            &kassa_boot::error_words::config(output::messages(), &e),
        )
    })
}

/// Where the till's receipt keys are kept: the OS keyring (`KASSA_KEYRING_SERVICE` names
/// another service, as for the Client Secret).
fn key_store() -> kassa_boot::KeyStore {
    kassa_boot::KeyStore(std::sync::Arc::new(kassa_boot::Keyring::from_env(|k| {
        std::env::var(k).ok()
    })))
}

/// The journal's path: `KASSA_DB`, else the default for this user.
fn db_path() -> std::path::PathBuf {
    let var = |k: &str| std::env::var(k).ok();
    kassa_boot::db_path(&var, kassa_boot::default_db_path(var))
}

/// Runs the Connect flow: the merchant consents in the browser, Kassa lists the accounts
/// that came back, the merchant picks one and confirms its name, Kassa saves it as the
/// destination. A failed attempt offers a fresh one (Enter) on the same listener.
async fn connect(no_browser: bool, account: Option<&str>) -> ExitCode {
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let random = std::sync::Arc::new(kassa_boot::OsRandom);
    let mut flow =
        match kassa_boot::ConnectFlow::start(&settings, &settings.connect_redirect, random).await {
            Ok(f) => f,
            Err(e) => {
                return fail(
                    EXIT_START,
                    &kassa_boot::error_words::connect(crate::output::messages(), &e),
                );
            }
        };
    let browser = !no_browser && settings.open_browser;
    let mut url = flow.url().to_owned();
    let connected = loop {
        show_connect_address(&url, browser);
        match flow.wait(kassa_boot::CONNECT_TIMEOUT).await {
            Ok(connected) => break connected,
            Err(e) if e.can_try_again() => {
                eprintln!(
                    "kassa: {}",
                    kassa_boot::error_words::connect(crate::output::messages(), &e)
                );
                eprintln!("{}", output::text("cli-connect-try-again"));
                if read_answer().await.is_none() {
                    return fail(EXIT_FAILED, &output::text("cli-connect-none"));
                }
                url = match flow.try_again() {
                    Ok(u) => u.to_owned(),
                    Err(e) => {
                        return fail(
                            EXIT_FAILED,
                            &kassa_boot::error_words::connect(crate::output::messages(), &e),
                        );
                    }
                };
            }
            Err(e) => {
                return fail(
                    EXIT_FAILED,
                    &kassa_boot::error_words::connect(crate::output::messages(), &e),
                );
            }
        }
    };
    let chosen = match account {
        Some(id) => match connected.choose(id) {
            Ok(d) => d.clone(),
            Err(e) => {
                return fail(
                    EXIT_USAGE,
                    &kassa_boot::error_words::connect(crate::output::messages(), &e),
                );
            }
        },
        None => match pick_and_confirm(&connected).await {
            Some(d) => d,
            None => return fail(EXIT_CANCELLED, &output::text("cli-connect-nothing-saved")),
        },
    };
    if let Err(e) = kassa_boot::save_destination(&settings, &chosen) {
        return fail(
            EXIT_FAILED,
            &kassa_boot::error_words::saved(crate::output::messages(), &e),
        );
    }
    eprintln!(
        "{}",
        output::t(
            "cli-connect-done",
            &[
                ("account", chosen.label().into()),
                ("id", (&chosen.id).into())
            ]
        )
    );
    ExitCode::SUCCESS
}

fn show_connect_address(url: &str, browser: bool) {
    let opened = browser
        && match kassa_boot::open_in_browser(url) {
            Ok(()) => true,
            Err(e) => {
                eprintln!("kassa: {e}");
                false
            }
        };
    if opened {
        eprintln!("{}", output::text("cli-connect-browser-shows"));
        eprintln!("{}", output::text("cli-connect-if-not-opened"));
    } else {
        eprintln!("{}", output::text("cli-connect-open-address"));
    }
    println!("{url}");
}

/// Lists the connected accounts, asks which one (when there are several) and asks to confirm
/// its name. `None`: the merchant said no, or stdin ended.
async fn pick_and_confirm(connected: &kassa_boot::Connected) -> Option<kassa_boot::Destination> {
    eprintln!("{}", output::text("cli-connect-accounts"));
    for (i, a) in connected.accounts.iter().enumerate() {
        eprintln!("  {}. {} ({})", i + 1, a.label(), a.id);
    }
    let chosen = match connected.only() {
        Some(one) => one.clone(),
        None => loop {
            eprint!(
                "{}",
                output::t(
                    "cli-connect-which",
                    &[("count", connected.accounts.len().to_string().into())]
                )
            );
            let answer = read_answer().await?;
            match answer.trim().parse::<usize>() {
                Ok(n) if (1..=connected.accounts.len()).contains(&n) => {
                    break connected.accounts[n - 1].clone();
                }
                _ => eprintln!(
                    "{}",
                    output::t(
                        "cli-connect-type-number",
                        &[("count", connected.accounts.len().to_string().into())]
                    )
                ),
            }
        },
    };
    eprint!(
        "{}",
        output::t(
            "cli-connect-confirm",
            &[
                ("account", chosen.label().into()),
                ("id", (&chosen.id).into())
            ]
        )
    );
    let answer = read_answer().await?;
    // Yes in English and in the language spoken (ja, j, kyllä, k).
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "j" | "ja" | "k" | "kyllä"
    )
    .then_some(chosen)
}

/// One line from stdin; `None` when it has ended.
async fn read_answer() -> Option<String> {
    tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line),
        }
    })
    .await
    .ok()
    .flatten()
}

/// Starts the counter as `owner` ("kassa charge"): the journal's one owner while it runs.
async fn counter(mut settings: Settings, owner: &str) -> Result<Counter, ExitCode> {
    settings.owner = owner.to_owned();
    let counter = kassa_boot::start(settings).await.map_err(|e| {
        fail(
            EXIT_START,
            &kassa_boot::error_words::boot(output::messages(), &e),
        )
    })?;
    staff::on_counter(&counter, staff::who())?;
    Ok(counter)
}

/// How `kassa charge` is paid.
enum Tender {
    Bank,
    /// What the customer gave, as typed.
    Cash(String),
    /// The terminal's reference, if any.
    Card(Option<String>),
}

struct ChargeArgs {
    amount: Option<String>,
    lines: Vec<String>,
    tender: Tender,
    reference: Option<String>,
    json: bool,
}

async fn charge(args: ChargeArgs, currency: Option<&str>) -> ExitCode {
    let mut settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    // `--currency` is a setting for this sale: the one validator reads it.
    let draft = kassa_boot::Draft {
        currency,
        ..kassa_boot::Draft::default()
    };
    match kassa_boot::validate(&draft) {
        Ok(checked) => settings.currency = checked.currency.unwrap_or(settings.currency),
        Err(errors) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::config(
                    output::messages(),
                    &kassa_boot::ConfigError::from(errors),
                ),
            );
        }
    }
    let cart = match sell::cart_of(args.amount.as_deref(), &args.lines, settings.currency) {
        Ok(c) => c,
        Err(e) => return fail(EXIT_USAGE, &e.message(output::messages())),
    };
    let given = match &args.tender {
        Tender::Cash(g) => match Money::parse(g, settings.currency) {
            Ok(m) => Some(m),
            Err(e) => {
                return fail(
                    EXIT_USAGE,
                    &output::t(
                        "cli-bad-cash",
                        &[("error", output::money_error(output::messages(), &e).into())],
                    ),
                );
            }
        },
        _ => None,
    };
    let reference = args.reference.as_deref();
    let counter = match counter(settings, "kassa charge").await {
        Ok(c) => c,
        Err(code) => return code,
    };
    // Checked before anything is written or asked of the bank.
    if let Err(e) = counter.cart(&cart) {
        return fail(
            EXIT_USAGE,
            &kassa_boot::error_words::till(output::messages(), &e),
        );
    }
    let printer = Printer::new(args.json);
    let width = counter
        .shop()
        .map_or(usize::from(kassa_boot::shop::DEFAULT_WIDTH), |s| {
            usize::from(s.width)
        });
    let by_hand = match (&args.tender, given) {
        (Tender::Cash(_), Some(given)) => Some(counter.pay_cash(&cart, given, reference)),
        (Tender::Card(r), _) => Some(counter.pay_card(&cart, r.as_deref(), reference)),
        _ => None,
    };
    if let Some(sold) = by_hand {
        return match sold {
            Ok(sale) => {
                printer.hand_sale(&sale, counter.receipt(&sale.sale_id).as_ref(), width);
                ExitCode::SUCCESS
            }
            Err(e) => fail(
                EXIT_USAGE,
                &kassa_boot::error_words::till(output::messages(), &e),
            ),
        };
    }
    let mut events = counter.till.subscribe();
    let sale_id = match counter.charge_cart(&cart, reference) {
        Ok(id) => id,
        Err(kassa_till::TillError::SaleInProgress { sale_id }) => {
            return fail(
                EXIT_USAGE,
                &output::t("cli-sale-in-progress", &[("sale", sale_id.as_str().into())]),
            );
        }
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::till(output::messages(), &e),
            );
        }
    };
    let code = follow(&counter, &mut events, &sale_id, &printer, AfterEnd::Follow).await;
    if code == ExitCode::SUCCESS || code == ExitCode::from(EXIT_ATTENTION) {
        printer.receipt(counter.receipt(&sale_id).as_ref(), width);
    }
    code
}

/// `kassa setup`'s shop part: the saved shop form with the flags' edits, checked and saved
/// by the window's rules.
fn setup_shop(args: &sell::ShopArgs, currency: Option<&str>) -> ExitCode {
    let var = |k: &str| std::env::var(k).ok();
    let db = db_path();
    let path = kassa_boot::settings_path(&db);
    let mut saved = match kassa_boot::SavedSettings::load(&path) {
        Ok(s) => s,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::saved(crate::output::messages(), &e),
            );
        }
    };
    // A shop not named yet is named in the language spoken, as the form then shows it.
    let names = kassa_boot::shop::DefaultNames::of(output::messages());
    saved.shop.fill_defaults(&names);
    let given = currency
        .map(str::to_owned)
        .or_else(|| var("KASSA_CURRENCY"))
        .filter(|c| !c.trim().is_empty());
    let currency = match given.as_deref().map(str::parse::<kassa_money::Currency>) {
        Some(Ok(c)) => c,
        Some(Err(e)) => return fail(EXIT_USAGE, &output::money_error(output::messages(), &e)),
        None => saved.currency.unwrap_or(kassa_money::Currency::Dkk),
    };
    use kassa_boot::shop::WallClock;
    let day = kassa_boot::shop::LocalZone.day(kassa_till::Clock::now_ms(&kassa_till::SystemClock));
    let mut form = kassa_boot::shop::ShopForm::of(&saved.shop, currency, day);
    if let Err(e) = args.apply(&mut form) {
        return fail(EXIT_USAGE, &e.message(output::messages()));
    }
    match form.save(&db, currency, day, &names) {
        Ok(shop) => {
            let table = match shop.resolve(currency, day) {
                Ok(s) => s,
                Err(e) => {
                    return fail(
                        EXIT_USAGE,
                        &kassa_boot::error_words::vat(output::messages(), &e),
                    );
                }
            };
            let none = || output::text("cli-setup-none");
            let profile = table.profile.as_ref().map_or_else(
                || output::text("cli-setup-no-profile"),
                |p| format!("{} ({})", p.legal_name, p.org_number.display()),
            );
            let vat = table
                .vat
                .rates()
                .iter()
                .map(|r| r.label().replace('\u{a0}', " "))
                .collect::<Vec<_>>()
                .join(", ");
            let printer = table
                .printer
                .as_ref()
                .map_or_else(none, ToString::to_string);
            let logo = table
                .logo
                .as_ref()
                .map_or_else(none, |l| l.display().to_string());
            println!(
                "{}",
                output::t(
                    "cli-setup-shop-saved",
                    &[
                        ("path", path.display().to_string().into()),
                        ("profile", profile.into()),
                        ("vat", vat.into()),
                        ("default", table.vat.default_rate().name.as_str().into()),
                        ("quick", table.quick_items.len().to_string().into()),
                        ("printer", printer.into()),
                        ("logo", logo.into()),
                        ("width", table.width.to_string().into()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(
            EXIT_USAGE,
            &kassa_boot::error_words::shop_form(output::messages(), &e),
        ),
    }
}

/// Prints the sale's events until it ends; Ctrl-C cancels it (and still waits for the end).
async fn follow(
    counter: &Counter,
    events: &mut tokio::sync::broadcast::Receiver<TillEvent>,
    sale_id: &str,
    printer: &Printer,
    after_end: AfterEnd,
) -> ExitCode {
    let mut interrupted = false;
    loop {
        let event = tokio::select! {
            e = events.recv() => e,
            _ = tokio::signal::ctrl_c(), if !interrupted => {
                interrupted = true;
                eprintln!(
                    "{}",
                    output::messages().get("cli-cancelling", &[("sale", sale_id.into())])
                );
                if let Err(e) = counter.cancel(sale_id) {
                    return fail(EXIT_FAILED, &kassa_boot::error_words::till(output::messages(), &e));
                }
                continue;
            }
        };
        match event {
            Ok(e) if e.sale_id() == sale_id => {
                printer.event(&e);
                if let TillEvent::SaleEnded {
                    outcome,
                    reason,
                    bank,
                    ..
                } = &e
                {
                    let m = output::messages();
                    let message = kassa_boot::words::end_text_with(m, reason, bank.as_ref());
                    let code = match outcome {
                        Outcome::Paid => ExitCode::SUCCESS,
                        Outcome::Failed => fail(
                            EXIT_FAILED,
                            &m.get("cli-not-paid", &[("message", message.into())]),
                        ),
                        Outcome::Cancelled => {
                            fail(EXIT_CANCELLED, &m.text("cli-not-paid-cancelled"))
                        }
                    };
                    return match after_end {
                        AfterEnd::Follow => {
                            follow_open_codes(counter, events, sale_id, printer, code).await
                        }
                        AfterEnd::Tell => {
                            tell_open_codes(counter, sale_id);
                            code
                        }
                    };
                }
            }
            Ok(e) => printer.event(&e),
            Err(RecvError::Lagged(n)) => tracing::warn!(missed = n, "fell behind the event stream"),
            Err(RecvError::Closed) => {
                return fail(EXIT_FAILED, &output::messages().text("cli-engine-stopped"));
            }
        }
    }
}

/// What a command does once its sale ended while codes of it can still be paid.
#[derive(Clone, Copy)]
enum AfterEnd {
    /// Follow them to their end (`charge`: a second payment is caught before it exits).
    Follow,
    /// Say so plainly and leave them to `kassa resume` (`cancel`: the cashier moves on).
    Tell,
}

fn tell_open_codes(counter: &Counter, sale_id: &str) {
    let open = counter.till.open_codes(sale_id).len();
    if open > 0 {
        eprintln!(
            "kassa: {}",
            output::messages().get(
                "cli-codes-still-open",
                &[("count", open.into()), ("sale", sale_id.into())]
            )
        );
    }
}

/// After a sale ended, its earlier codes may still be paid until their links die: keeps
/// following them (and says so) rather than leaving them unfollowed. Ctrl-C stops, saying
/// that `kassa resume` follows them. Exit 6 when one of them was paid (a refund).
async fn follow_open_codes(
    counter: &Counter,
    events: &mut tokio::sync::broadcast::Receiver<TillEvent>,
    sale_id: &str,
    printer: &Printer,
    code: ExitCode,
) -> ExitCode {
    let open = counter.till.open_codes(sale_id);
    if open.is_empty() {
        return code;
    }
    let until = open
        .iter()
        .map(|c| c.expires_at_ms)
        .max()
        .unwrap_or_default();
    let seconds = ((until - counter.till.now_ms()).max(0) + 999) / 1000;
    eprintln!(
        "kassa: {}",
        output::messages().get(
            "cli-following-earlier-codes",
            &[("count", open.len().into()), ("seconds", seconds.into())]
        )
    );
    let mut attention = 0usize;
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    loop {
        tokio::select! {
            e = events.recv() => match e {
                Ok(e) => attention += print_counting_flags(printer, &e, Some(sale_id)),
                Err(RecvError::Lagged(n)) => tracing::warn!(missed = n, "fell behind the event stream"),
                Err(RecvError::Closed) => break,
            },
            _ = tick.tick() => {
                if counter.till.open_codes(sale_id).is_empty() {
                    break;
                }
            }
            _ = tokio::signal::ctrl_c() => {
                let left = counter.till.open_codes(sale_id).len();
                return fail(
                    EXIT_OPEN,
                    &output::t(
                        "cli-earlier-codes-open",
                        &[("count", left.to_string().into()), ("sale", sale_id.into())],
                    ),
                );
            }
        }
    }
    while let Ok(e) = events.try_recv() {
        attention += print_counting_flags(printer, &e, Some(sale_id));
    }
    attention_or(attention, code)
}

/// Prints `e`; 1 when it flags a payment for a refund (of `sale`, or of any sale).
fn print_counting_flags(printer: &Printer, e: &TillEvent, sale: Option<&str>) -> usize {
    printer.event(e);
    usize::from(matches!(
        e,
        TillEvent::NeedsAttention { sale_id, .. } if sale.is_none_or(|s| s == sale_id)
    ))
}

/// Exit 6 when payments were flagged, else `code`.
fn attention_or(attention: usize, code: ExitCode) -> ExitCode {
    if attention > 0 {
        fail(
            EXIT_ATTENTION,
            &output::t(
                "cli-attention-exit",
                &[("count", attention.to_string().into())],
            ),
        )
    } else {
        code
    }
}

async fn cancel(sale_id: &str) -> ExitCode {
    let counter = match settings() {
        Ok(s) => match counter(s, "kassa cancel").await {
            Ok(c) => c,
            Err(code) => return code,
        },
        Err(code) => return code,
    };
    let mut events = counter.till.subscribe();
    if let Err(e) = counter.cancel(sale_id) {
        return fail(
            EXIT_USAGE,
            &kassa_boot::error_words::till(output::messages(), &e),
        );
    }
    match follow(
        &counter,
        &mut events,
        sale_id,
        &Printer::new(false),
        AfterEnd::Tell,
    )
    .await
    {
        // Cancelling is what was asked: that outcome is success here.
        code if code == ExitCode::from(EXIT_CANCELLED) => ExitCode::SUCCESS,
        code => code,
    }
}

/// Follows every resumed sale and pending payment until nothing is left to follow.
async fn resume(json: bool) -> ExitCode {
    let mut settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    settings.owner = "kassa resume".to_owned();
    let counter = match kassa_boot::start_idle(settings).await {
        Ok(c) => c,
        Err(e) => {
            return fail(
                EXIT_START,
                &kassa_boot::error_words::boot(output::messages(), &e),
            );
        }
    };
    let mut events = counter.till.subscribe();
    let open = match counter.till.resume() {
        Ok(open) => open,
        Err(e) => {
            return fail(
                EXIT_START,
                &kassa_boot::error_words::till(output::messages(), &e),
            );
        }
    };
    if !json {
        match open.len() {
            0 => println!("{}", output::text("cli-resume-none")),
            n => println!(
                "{}",
                output::t(
                    "cli-resume-some",
                    &[
                        ("count", n.to_string().into()),
                        ("sales", open.join(", ").into())
                    ]
                )
            ),
        }
    }
    let printer = Printer::new(json);
    let mut attention = 0usize;
    let mut interrupted = false;
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    loop {
        tokio::select! {
            e = events.recv() => match e {
                Ok(e) => attention += print_counting_flags(&printer, &e, None),
                Err(RecvError::Lagged(n)) => tracing::warn!(missed = n, "fell behind the event stream"),
                Err(RecvError::Closed) => {
                return fail(EXIT_FAILED, &output::messages().text("cli-engine-stopped"));
            }
            },
            _ = tick.tick() => {
                if !counter.till.is_busy() {
                    break;
                }
            }
            _ = tokio::signal::ctrl_c(), if !interrupted => {
                interrupted = true;
                for sale_id in &open {
                    eprintln!(
                    "{}",
                    output::messages().get("cli-cancelling", &[("sale", sale_id.into())])
                );
                    if let Err(e) = counter.cancel(sale_id) {
                        tracing::info!(error = %e, "not cancelled");
                    }
                }
            }
        }
    }
    // Events still queued after the last driver finished.
    while let Ok(e) = events.try_recv() {
        attention += print_counting_flags(&printer, &e, None);
    }
    attention_or(attention, ExitCode::SUCCESS)
}

/// Today's sales from the journal alone (read-only): works beside a counter that is selling.
fn today(json: bool) -> ExitCode {
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    match kassa_boot::today(kassa_boot::Ledger::Journal(&settings), TODAY_LIMIT) {
        Ok(report) => {
            Printer::new(json).day(&report);
            ExitCode::SUCCESS
        }
        Err(e) => fail(
            EXIT_START,
            &kassa_boot::error_words::boot(crate::output::messages(), &e),
        ),
    }
}

/// The most sales `kassa today` lists (the totals cover the whole day).
const TODAY_LIMIT: u32 = 1000;

/// What `kassa setup`'s arguments (and the secret it reads) say, for the validator.
fn setup_draft<'a>(
    client_id: &'a str,
    destination_id: &'a str,
    api_url: Option<&'a str>,
    currency: Option<&'a str>,
    secret: kassa_boot::SecretInput<'a>,
) -> kassa_boot::Draft<'a> {
    kassa_boot::Draft {
        api_url,
        client_id: Some(client_id),
        client_secret: secret,
        destination_id: Some(destination_id),
        currency,
        ..kassa_boot::Draft::default()
    }
}

/// `kassa setup`'s arguments but the currency.
struct SetupArgs {
    client_id: String,
    destination_id: String,
    api_url: Option<String>,
    redirect_url: Option<String>,
    custom_api: bool,
}

fn setup(args: SetupArgs, currency: Option<&str>) -> ExitCode {
    let SetupArgs {
        client_id,
        destination_id,
        api_url,
        redirect_url,
        custom_api,
    } = args;
    // The one validator, as the window's form and the environment use it: first what the
    // arguments say (the secret is still to be typed), then with the secret.
    let draft = |secret| kassa_boot::Draft {
        redirect_url: redirect_url.as_deref(),
        custom_api,
        ..setup_draft(
            &client_id,
            &destination_id,
            api_url.as_deref(),
            currency,
            secret,
        )
    };
    if let Err(errors) = kassa_boot::validate(&draft(kassa_boot::SecretInput::Stored)) {
        return fail(
            EXIT_USAGE,
            &kassa_boot::error_words::config(
                output::messages(),
                &kassa_boot::ConfigError::from(errors),
            ),
        );
    }
    eprintln!("{}", output::text("cli-setup-secret-prompt"));
    let mut secret = String::new();
    if let Err(e) = std::io::stdin().read_line(&mut secret) {
        return fail(
            EXIT_USAGE,
            &output::t(
                "cli-setup-secret-unreadable",
                &[("error", e.to_string().into())],
            ),
        );
    }
    let secret = secret.trim();
    let checked = match kassa_boot::validate(&draft(kassa_boot::SecretInput::New(secret))) {
        Ok(checked) => checked,
        Err(errors) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::config(
                    output::messages(),
                    &kassa_boot::ConfigError::from(errors),
                ),
            );
        }
    };
    let path = kassa_boot::settings_path(&db_path());
    // What setup does not set (the webhook address, say) stays as it was.
    let mut saved = match kassa_boot::SavedSettings::load(&path) {
        Ok(s) => s,
        Err(e) => {
            return fail(
                EXIT_USAGE,
                &kassa_boot::error_words::saved(crate::output::messages(), &e),
            );
        }
    };
    let destination_id = destination_id.trim().to_owned();
    if saved.destination_id.as_deref() != Some(destination_id.as_str()) {
        saved.destination_name = None;
    }
    saved.api_url = api_url
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty());
    saved.client_id = Some(client_id.trim().to_owned());
    saved.destination_id = Some(destination_id);
    saved.currency = checked.currency;
    saved.custom_api = custom_api;
    saved.redirect_url = checked.redirect_url.clone();
    // The secret typed now is for this address and Client ID only.
    saved.secret_for = kassa_boot::api_origin(saved.api_url.as_deref()).map(|api_origin| {
        kassa_boot::SavedSecretFor {
            api_origin,
            client_id: client_id.trim().to_owned(),
        }
    });
    use kassa_boot::SecretStore;
    if let Err(e) = kassa_boot::Keyring::from_env(|k| std::env::var(k).ok())
        .set(&kassa_aiia::Secret::new(secret))
    {
        return fail(
            EXIT_START,
            &kassa_boot::error_words::secret(crate::output::messages(), &e),
        );
    }
    if let Err(e) = saved.save(&path) {
        return fail(
            EXIT_START,
            &kassa_boot::error_words::saved(crate::output::messages(), &e),
        );
    }
    println!(
        "{}",
        output::t(
            "cli-setup-saved",
            &[("path", path.display().to_string().into())]
        )
    );
    ExitCode::SUCCESS
}

async fn doctor(json: bool) -> ExitCode {
    let settings = match settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock) / 1000;
    // --json keeps the English words (scripts read it); people read the language spoken.
    let m = if json {
        kassa_boot::Messages::of(kassa_boot::Lang::En)
    } else {
        output::messages()
    };
    let checks = kassa_boot::doctor(&settings, now, m).await;
    for c in &checks {
        if json {
            match serde_json::to_string(c) {
                Ok(line) => println!("{line}"),
                Err(e) => return fail(EXIT_FAILED, &e.to_string()),
            }
        } else {
            let mark = m.text(if c.ok {
                "cli-doctor-ok"
            } else {
                "cli-doctor-fail"
            });
            let name = &c.label;
            println!("{mark:<4} {name:<12} {}", c.detail);
        }
    }
    if checks.iter().all(|c| c.ok) && checks.len() == 4 {
        ExitCode::SUCCESS
    } else {
        fail(EXIT_FAILED, &output::text("cli-doctor-needs-attention"))
    }
}

/// `kassa sandbox`: runs the sandbox until Ctrl-C, saying where it listens and the
/// credentials to use in the language spoken.
async fn serve_sandbox(
    config: kassa_sandbox::SandboxConfig,
    listen: kassa_sandbox::Listen,
) -> std::io::Result<()> {
    kassa_sandbox::serve(config, listen, |running| {
        let config = running.sandbox().config();
        let m = output::messages();
        if let Some(phones) = running.phone_url() {
            eprintln!(
                "{}",
                m.get("cli-sandbox-phones", &[("url", phones.to_string().into())])
            );
        }
        let none = m.text("cli-setup-none");
        eprintln!(
            "{}",
            m.get(
                "cli-sandbox-ready",
                &[
                    ("url", running.base_url().to_string().into()),
                    (
                        "token",
                        format!("{}/v1/oauth/token", running.base_url()).into()
                    ),
                    ("client", config.client_id.as_str().into()),
                    ("secret", config.client_secret.as_str().into()),
                    ("destinations", config.destination_ids.join(", ").into()),
                    (
                        "webhook",
                        config.webhook_url.as_deref().unwrap_or(&none).into()
                    ),
                ]
            )
        );
    })
    .await
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("kassa: {message}");
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kassa_boot::{Field, FieldError, Problem, SecretInput, SettingsForm};

    fn from_setup(
        api_url: Option<&str>,
        id: &str,
        dest: &str,
        currency: Option<&str>,
    ) -> Vec<FieldError> {
        kassa_boot::validate(&kassa_boot::Draft {
            redirect_url: Some(SHOP_PAGE),
            ..setup_draft(
                id,
                dest,
                api_url,
                currency,
                SecretInput::New("typed-secret"),
            )
        })
        .unwrap_err()
    }

    /// The shop's page after paying (a live counter needs one; these tests are not about it).
    const SHOP_PAGE: &str = "https://shop.example/thanks";

    fn from_env(pairs: &[(&str, &str)]) -> Vec<FieldError> {
        let mut all = vec![
            ("KASSA_CLIENT_SECRET", "typed-secret"),
            ("KASSA_REDIRECT_URL", SHOP_PAGE),
        ];
        all.extend_from_slice(pairs);
        Settings::from_vars(
            |k: &str| {
                all.iter()
                    .find(|(key, _)| *key == k)
                    .map(|(_, v)| v.to_string())
            },
            "x.db".into(),
        )
        .unwrap_err()
        .fields()
        .to_vec()
    }

    fn from_form(api_url: &str, id: &str, dest: &str) -> Vec<FieldError> {
        SettingsForm {
            api_url: api_url.into(),
            client_id: id.into(),
            client_secret: "typed-secret".into(),
            destination_id: dest.into(),
            redirect_url: SHOP_PAGE.into(),
            ..SettingsForm::default()
        }
        .validate(false, false)
        .unwrap_err()
    }

    /// `kassa setup` refuses a bad value with the same error as the environment and the
    /// window's form.
    #[test]
    fn setup_reports_the_same_error_as_the_environment_and_the_form() {
        let setup = from_setup(Some("ftp://x"), "id", "d", None);
        assert_eq!(
            setup,
            [FieldError::new(
                Field::ApiUrl,
                Problem::NotAWebAddress("ftp://x".into())
            )]
        );
        assert_eq!(
            setup,
            from_env(&[
                ("KASSA_API_URL", "ftp://x"),
                ("KASSA_CLIENT_ID", "id"),
                ("KASSA_DESTINATION_ID", "d")
            ])
        );
        assert_eq!(setup, from_form("ftp://x", "id", "d"));

        let setup = from_setup(None, "my id", "a b", None);
        assert_eq!(
            setup,
            [
                FieldError::new(Field::ClientId, Problem::HasSpaces),
                FieldError::new(Field::DestinationId, Problem::HasSpaces)
            ]
        );
        assert_eq!(
            setup,
            from_env(&[
                ("KASSA_CLIENT_ID", "my id"),
                ("KASSA_DESTINATION_ID", "a b")
            ])
        );
        assert_eq!(setup, from_form("", "my id", "a b"));

        let setup = from_setup(None, "id", "d", Some("USD"));
        assert_eq!(
            setup,
            from_env(&[
                ("KASSA_CLIENT_ID", "id"),
                ("KASSA_DESTINATION_ID", "d"),
                ("KASSA_CURRENCY", "USD")
            ])
        );
        assert_eq!(setup[0].field, Field::Currency);

        // An empty secret on standard input: the Client Secret is missing, as anywhere else.
        let empty = kassa_boot::validate(&kassa_boot::Draft {
            redirect_url: Some(SHOP_PAGE),
            ..setup_draft("id", "d", None, None, SecretInput::New(" "))
        })
        .unwrap_err();
        assert_eq!(
            empty,
            [FieldError::new(Field::ClientSecret, Problem::Missing)]
        );
        assert_eq!(
            empty,
            Settings::from_vars(
                |k: &str| match k {
                    "KASSA_CLIENT_ID" => Some("id".into()),
                    "KASSA_DESTINATION_ID" => Some("d".into()),
                    "KASSA_REDIRECT_URL" => Some(SHOP_PAGE.into()),
                    _ => None,
                },
                "x.db".into()
            )
            .unwrap_err()
            .fields()
        );
        // Before the secret is typed, good arguments pass; without the shop's page they do not.
        let good = setup_draft("id", "d", None, Some("eur"), SecretInput::Stored);
        kassa_boot::validate(&kassa_boot::Draft {
            redirect_url: Some(SHOP_PAGE),
            ..good
        })
        .unwrap();
        assert_eq!(
            kassa_boot::validate(&good).unwrap_err()[0].field,
            Field::RedirectUrl
        );
    }
}
