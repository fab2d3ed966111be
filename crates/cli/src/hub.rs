//! `kassa hub …`: the shop's hub (issue 14). Connect this till to it (a manager's step,
//! tested before it is saved), see how far it is behind, send it everything now, and read
//! the whole shop's X or Z and its period as CSV.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use kassa_boot::hub::{self, HubLag, Mode, ShopReport};
use kassa_boot::session::Action;
use kassa_money::{Currency, Money};

use crate::output::{messages, t, text};
use crate::{EXIT_FAILED, EXIT_USAGE, fail};

#[derive(Subcommand)]
pub enum HubCommand {
    /// Send this till's books to the shop's hub from now on (a manager's step). The address
    /// is postgres://user@host:5432/database (`?sslmode=require` for TLS, `&sslrootcert=ca.pem`
    /// for the hub's own CA); the password from KASSA_HUB_PASSWORD, else asked for, when the
    /// address has none (it goes to the OS keyring). Tested before anything is saved.
    Connect { url: String },
    /// How far the hub is behind this till.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Send the hub every record it does not have yet, now.
    Sync,
    /// The whole shop's X (the day so far) or Z (the periods closed that day), per till and
    /// for the shop.
    Report {
        /// x or z.
        mode: String,
        /// The day, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Make this till's shop settings (items, VAT table, profile) or its cashiers the hub's,
    /// for every till to take (a manager's step).
    Push {
        /// shop or staff.
        what: String,
    },
    /// Take the hub's shop settings and cashiers where it has newer ones (the hub's copy
    /// wins; this till keeps its own name, printer, logo and width). The app does this by
    /// itself every minute.
    Pull,
    /// Rebuild a till's journal from the hub's copy into a new file (every record as the
    /// till wrote it), for a till that was lost or for its exports: `KASSA_DB=FILE kassa …`.
    Restore {
        /// The till's id (`kassa hub report x --json` lists them).
        #[arg(long)]
        till: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// The shop's period as CSV: one file for the shop, one per till (and a Norwegian
    /// shop's SAF-T Cash Register file per till).
    Export {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// The folder to write them in.
        #[arg(long)]
        out: PathBuf,
    },
}

pub async fn run(command: HubCommand) -> ExitCode {
    let settings = match crate::settings() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let said = |e: &hub::HubSetupError| kassa_boot::error_words::hub_setup(messages(), e);
    match command {
        HubCommand::Connect { url } => {
            if let Err(code) =
                crate::staff::check(&settings.db_path, crate::staff::who(), Action::Settings)
            {
                return code;
            }
            let password = match password_for(&url) {
                Ok(p) => p,
                Err(code) => return code,
            };
            match hub::connect_and_save(&settings, &url, password.as_deref()).await {
                Ok(acked) => {
                    let shown = kassa_hub::HubConfig::parse(&url, None)
                        .map(|c| c.shown().to_owned())
                        .unwrap_or(url);
                    let till = kassa_journal::Journal::open_read_only(&settings.db_path)
                        .and_then(|j| j.till_id())
                        .unwrap_or_default();
                    println!(
                        "{}",
                        t(
                            "cli-hub-connected",
                            &[
                                ("till", till.into()),
                                ("hub", shown.into()),
                                ("acked", acked.to_string().into()),
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(EXIT_FAILED, &said(&e)),
            }
        }
        HubCommand::Status { json } => match hub::lag_live(&settings).await {
            None => fail(EXIT_USAGE, &text("hub-err-not-set")),
            Some(lag) => {
                if json {
                    match serde_json::to_string(&lag) {
                        Ok(s) => println!("{s}"),
                        Err(e) => return fail(EXIT_FAILED, &e.to_string()),
                    }
                } else {
                    for line in lag_lines(&lag) {
                        println!("{line}");
                    }
                }
                if lag.problem.is_some() {
                    ExitCode::from(EXIT_FAILED)
                } else {
                    ExitCode::SUCCESS
                }
            }
        },
        HubCommand::Sync => match hub::sync(&settings).await {
            Ok(done) => {
                println!(
                    "{}",
                    t(
                        "cli-hub-synced",
                        &[
                            ("stored", done.stored.to_string().into()),
                            ("acked", done.acked.to_string().into()),
                        ]
                    )
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(EXIT_FAILED, &said(&e)),
        },
        HubCommand::Report { mode, date, json } => {
            let mode = match mode.trim().to_ascii_lowercase().as_str() {
                "x" => Mode::X,
                "z" => Mode::Z,
                _ => return fail(EXIT_USAGE, &t("cli-hub-bad-mode", &[("mode", mode.into())])),
            };
            let day = match date.as_deref() {
                None => hub::today(),
                Some(d) => match hub::day(d) {
                    Some(day) => day,
                    None => return fail(EXIT_USAGE, &t("cli-books-bad-day", &[("day", d.into())])),
                },
            };
            if let Err(code) =
                crate::staff::check(&settings.db_path, crate::staff::who(), Action::XReport)
            {
                return code;
            }
            match hub::shop_report(&settings, mode, &day).await {
                Ok(report) if json => match serde_json::to_string(&report) {
                    Ok(s) => {
                        println!("{s}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(EXIT_FAILED, &e.to_string()),
                },
                Ok(report) => {
                    print_report(&report);
                    ExitCode::SUCCESS
                }
                Err(e) => fail(EXIT_FAILED, &said(&e)),
            }
        }
        HubCommand::Push { what } => {
            let kind = match what.trim().to_ascii_lowercase().as_str() {
                "shop" => kassa_boot::hub::CatalogKind::Shop,
                "staff" => kassa_boot::hub::CatalogKind::Staff,
                _ => return fail(EXIT_USAGE, &t("cli-hub-bad-list", &[("what", what.into())])),
            };
            let action = match kind {
                kassa_boot::hub::CatalogKind::Shop => Action::Settings,
                kassa_boot::hub::CatalogKind::Staff => Action::ManageStaff,
            };
            if let Err(code) = crate::staff::check(&settings.db_path, crate::staff::who(), action) {
                return code;
            }
            match hub::push(&settings, kind).await {
                Ok(version) => {
                    let key = match kind {
                        kassa_boot::hub::CatalogKind::Shop => "cli-hub-pushed-shop",
                        kassa_boot::hub::CatalogKind::Staff => "cli-hub-pushed-staff",
                    };
                    println!("{}", t(key, &[("version", version.to_string().into())]));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(EXIT_FAILED, &said(&e)),
            }
        }
        HubCommand::Pull => {
            let mut journal = match kassa_journal::Journal::open(&settings.db_path) {
                Ok(j) => j,
                Err(e) => {
                    return fail(
                        EXIT_FAILED,
                        &kassa_boot::error_words::journal(messages(), &e),
                    );
                }
            };
            let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
            match hub::pull(&settings, &mut journal, now).await {
                Ok(pulled) => {
                    match pulled.shop {
                        Some(v) => println!(
                            "{}",
                            t("cli-hub-pulled-shop", &[("version", v.to_string().into())])
                        ),
                        None => println!("{}", text("cli-hub-shop-current")),
                    }
                    match pulled.staff {
                        Some((v, changed)) => println!(
                            "{}",
                            t(
                                "cli-hub-pulled-staff",
                                &[
                                    ("version", v.to_string().into()),
                                    ("changed", changed.into()),
                                ]
                            )
                        ),
                        None => println!("{}", text("cli-hub-staff-current")),
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(EXIT_FAILED, &said(&e)),
            }
        }
        HubCommand::Restore { till, out } => {
            if let Err(code) = crate::staff::check(
                &settings.db_path,
                crate::staff::who(),
                Action::ExportJournal,
            ) {
                return code;
            }
            match hub::restore(&settings, &till, &out).await {
                Ok(records) => {
                    println!(
                        "{}",
                        t(
                            "cli-hub-restored",
                            &[
                                ("till", till.into()),
                                ("records", records.to_string().into()),
                                ("file", out.display().to_string().into()),
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(EXIT_FAILED, &said(&e)),
            }
        }
        HubCommand::Export { from, to, out } => {
            let day = |d: &str| kassa_boot::saft_export::parse_day(d).ok();
            let (Some(f), Some(tt)) = (day(&from), day(&to)) else {
                let bad = if day(&from).is_none() { &from } else { &to };
                return fail(EXIT_USAGE, &t("cli-books-bad-day", &[("day", bad.into())]));
            };
            if let Err(code) = crate::staff::check(
                &settings.db_path,
                crate::staff::who(),
                Action::ExportJournal,
            ) {
                return code;
            }
            match hub::export(&settings, f, tt, &out).await {
                Ok(files) => {
                    let names: Vec<String> = files
                        .iter()
                        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                        .collect();
                    println!(
                        "{}",
                        t(
                            "cli-hub-exported",
                            &[
                                ("files", names.join(", ").into()),
                                ("dir", out.display().to_string().into()),
                            ]
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(EXIT_FAILED, &said(&e)),
            }
        }
    }
}

/// The hub's password: none when the address has one, else KASSA_HUB_PASSWORD, else asked
/// for on standard input (empty: none, the keyring's stays).
fn password_for(url: &str) -> Result<Option<String>, ExitCode> {
    let parsed = kassa_hub::HubConfig::parse(url, None)
        .map_err(|e| fail(EXIT_USAGE, &kassa_boot::error_words::hub(messages(), &e)))?;
    if parsed.has_password() {
        return Ok(None);
    }
    if let Ok(p) = std::env::var("KASSA_HUB_PASSWORD") {
        return Ok(Some(p));
    }
    let user = parsed.user();
    eprint!("{}", t("cli-hub-password-prompt", &[("user", user.into())]));
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| fail(EXIT_USAGE, &e.to_string()))?;
    let p = line.trim_end_matches(['\n', '\r']).to_owned();
    Ok(Some(p).filter(|p| !p.is_empty()))
}

/// What `kassa status` and `kassa hub status` say about the hub.
pub fn lag_lines(lag: &HubLag) -> Vec<String> {
    let m = messages();
    let mut first = if lag.behind == 0 {
        t("cli-hub-up-to-date", &[("hub", (&lag.hub).into())])
    } else {
        t(
            "cli-hub-behind",
            &[("hub", (&lag.hub).into()), ("behind", lag.behind.into())],
        )
    };
    if let Some(ms) = lag.last_ok_ms {
        first.push(' ');
        first.push_str(&t(
            "cli-hub-last-ok",
            &[("when", hub::local_when(m, ms).into())],
        ));
    }
    let mut lines = vec![first];
    if let Some(p) = &lag.problem {
        lines.push(kassa_boot::error_words::hub_problem(m, p));
    }
    lines
}

fn money(minor: i64, currency: &str) -> String {
    match currency.parse::<Currency>() {
        Ok(c) => messages().money(Money::new(minor, c)),
        Err(_) => format!("{minor} {currency}"),
    }
}

fn counted(list: &[kassa_hub::Counted]) -> (i64, String) {
    let count = list.iter().map(|c| c.count).sum();
    let amounts: Vec<String> = list
        .iter()
        .map(|c| money(c.amount_minor, &c.currency))
        .collect();
    let amounts = if amounts.is_empty() {
        money(0, "DKK")
    } else {
        amounts.join(" + ")
    };
    (count, amounts)
}

fn print_report(r: &ShopReport) {
    let m = messages();
    let mode = match r.mode {
        Mode::X => "x",
        Mode::Z => "z",
    };
    println!(
        "{}",
        t(
            "cli-hub-report-title",
            &[("mode", mode.into()), ("date", (&r.day.date).into())]
        )
    );
    if r.training {
        println!("{}", text("cli-hub-report-training"));
    }
    if r.tills.is_empty() {
        println!("{}", text("cli-hub-no-tills"));
    }
    for till in &r.tills {
        let f = &till.figures;
        let (count, amount) = counted(&f.sales);
        let (returns, returned) = counted(&f.returns);
        println!(
            "{}",
            t(
                "cli-hub-till",
                &[
                    ("name", till.name.as_deref().unwrap_or(&till.till_id).into()),
                    ("till", (&till.till_id).into()),
                    ("count", count.into()),
                    ("amount", amount.into()),
                    ("returns", returns.into()),
                    ("returned", returned.into()),
                ]
            )
        );
        let tenders: Vec<String> = f
            .tenders
            .iter()
            .filter(|l| l.kind == "sale")
            .map(|l| {
                t(
                    "cli-hub-tender",
                    &[
                        ("tender", (&l.tender).into()),
                        ("amount", money(l.amount_minor, &l.currency).into()),
                    ],
                )
            })
            .collect();
        if !tenders.is_empty() {
            println!(
                "{}",
                t(
                    "cli-hub-till-tenders",
                    &[("tenders", tenders.join(", ").into())]
                )
            );
        }
        match &till.last_z {
            Some(z) => println!(
                "{}",
                t(
                    "cli-hub-till-last-z",
                    &[
                        ("number", z.number.to_string().into()),
                        ("when", hub::local_when(m, z.closed_at_ms).into()),
                    ]
                )
            ),
            None => println!("{}", text("cli-hub-till-no-z")),
        }
        if !f.open_bank_returns.is_empty() {
            let (c, a) = counted(&f.open_bank_returns);
            println!(
                "{}",
                t(
                    "cli-hub-till-open-returns",
                    &[("count", c.into()), ("amount", a.into())]
                )
            );
        }
        if !f.double_payments.is_empty() {
            let (c, a) = counted(&f.double_payments);
            println!(
                "{}",
                t(
                    "cli-hub-till-double",
                    &[("count", c.into()), ("amount", a.into())]
                )
            );
        }
    }
    let (count, amount) = counted(&r.shop.sales);
    let (returns, returned) = counted(&r.shop.returns);
    println!(
        "{}",
        t(
            "cli-hub-shop",
            &[
                ("count", count.into()),
                ("amount", amount.into()),
                ("returns", returns.into()),
                ("returned", returned.into()),
            ]
        )
    );
    for v in &r.shop.vat {
        match v.vat_bp {
            Some(bp) => println!(
                "{}",
                t(
                    "cli-hub-vat",
                    &[
                        (
                            "rate",
                            kassa_i18n::format::percent(
                                m.lang(),
                                u32::try_from(bp).unwrap_or_default()
                            )
                            .into()
                        ),
                        ("net", money(v.net_minor, &v.currency).into()),
                        ("vat", money(v.vat_minor, &v.currency).into()),
                        ("gross", money(v.gross_minor, &v.currency).into()),
                    ]
                )
            ),
            None => println!(
                "{}",
                t(
                    "cli-hub-vat-none",
                    &[("gross", money(v.gross_minor, &v.currency).into())]
                )
            ),
        }
    }
}
