//! The journal commands without a counter: `status`, `refunded`, `backup` and `export` call
//! the app layer (`kassa_boot::status`, `mark_refunded`, `backup`, `open_sales`) and print
//! what it reads; `today`'s report is `kassa_boot::today`. None starts an engine, so each
//! works while another process owns the journal and sells.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use kassa_journal::{AttemptRecord, Backend, FollowedPayment, JournalError, SaleRecord, SaleState};
use serde::Serialize;

use crate::output::{t, text};
use crate::{EXIT_ATTENTION, EXIT_FAILED, EXIT_OPEN, EXIT_START, EXIT_USAGE, fail};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per sale, with its attempts.
    Jsonl,
    /// One row per attempt (a sale without attempts gets one row).
    Csv,
    /// The Norwegian SAF-T Cash Register file of a period (needs --from, --to and --out).
    #[value(name = "saf-t")]
    SafT,
}

/// The journal's open sales, unsettled payments and notes of `backend` (the counter's):
/// a live counter's status never counts training sales, nor a sandbox counter's live ones.
pub fn status(
    db: &Path,
    backend: Backend,
    json: bool,
    hub: Option<kassa_boot::hub::HubLag>,
) -> ExitCode {
    let status = match kassa_boot::status(db, backend) {
        Ok(s) => s,
        Err(e) => return records_failed(&e),
    };
    if json {
        let mut value = match serde_json::to_value(&status) {
            Ok(v) => v,
            Err(e) => return fail(EXIT_FAILED, &e.to_string()),
        };
        if let (Some(lag), Some(obj)) = (&hub, value.as_object_mut()) {
            match serde_json::to_value(lag) {
                Ok(v) => {
                    obj.insert("hub".into(), v);
                }
                Err(e) => return fail(EXIT_FAILED, &e.to_string()),
            }
        }
        println!("{value}");
    } else {
        if let Some(lag) = &hub {
            for line in crate::hub::lag_lines(lag) {
                println!("{line}");
            }
        }
        if backend.is_training() {
            println!("{}", text("cli-status-training"));
        }
        if status.open.is_empty() {
            println!("{}", text("cli-status-no-open-sale"));
        }
        for s in &status.open {
            println!(
                "{}",
                t(
                    "cli-status-open",
                    &[
                        ("sale", (&s.id).into()),
                        ("amount", s.amount.display().into()),
                        ("attempts", s.attempts.to_string().into()),
                    ]
                )
            );
        }
        for id in &status.unsettled {
            println!("{}", t("cli-status-unsettled", &[("sale", id.into())]));
        }
        for p in &status.followed {
            let bank = p
                .status
                .clone()
                .unwrap_or_else(|| text("cli-status-no-status-yet"));
            println!(
                "{}",
                t(
                    "cli-status-followed",
                    &[
                        ("payment", (&p.payment_id).into()),
                        ("amount", p.amount.display().into()),
                        ("sale", (&p.sale_id).into()),
                        ("code", p.seq.to_string().into()),
                        ("status", bank.into()),
                    ]
                )
            );
        }
        for line in followed_summary(&status.followed) {
            println!("{line}");
        }
        match (status.attention.is_empty(), status.followed.is_empty()) {
            (true, true) => println!("{}", text("cli-status-all-clear")),
            (true, false) => println!("{}", text("cli-status-nothing-to-refund")),
            (false, _) => {}
        }
        for a in &status.attention {
            println!(
                "{}",
                t(
                    "cli-status-attention",
                    &[
                        ("payment", a.payment_id.as_deref().unwrap_or("?").into()),
                        ("amount", a.amount.display().into()),
                        ("sale", (&a.sale_id).into()),
                        ("note", (&a.note).into()),
                    ]
                )
            );
        }
        if let Some(other) = status.elsewhere.backend {
            let e = &status.elsewhere;
            let key = if other.is_training() {
                "cli-status-elsewhere-training"
            } else {
                "cli-status-elsewhere"
            };
            println!(
                "{}",
                t(
                    key,
                    &[
                        ("open", e.open.to_string().into()),
                        ("unsettled", e.unsettled.to_string().into()),
                        ("attention", e.attention.to_string().into()),
                        ("backend", other.to_string().into()),
                    ]
                )
            );
        }
    }
    if !status.attention.is_empty() {
        ExitCode::from(EXIT_ATTENTION)
    } else if !status.open.is_empty() || !status.unsettled.is_empty() || !status.followed.is_empty()
    {
        ExitCode::from(EXIT_OPEN)
    } else {
        ExitCode::SUCCESS
    }
}

/// One sentence per sale with payments still followed: "2 earlier codes of sale X are still
/// open at the bank; `kassa resume` follows them."
fn followed_summary(followed: &[FollowedPayment]) -> Vec<String> {
    let mut per_sale: Vec<(&str, SaleState, usize)> = Vec::new();
    for p in followed {
        match per_sale.iter_mut().find(|(id, _, _)| *id == p.sale_id) {
            Some((_, _, n)) => *n += 1,
            None => per_sale.push((&p.sale_id, p.sale_state, 1)),
        }
    }
    per_sale
        .into_iter()
        .map(|(sale_id, state, n)| {
            let key = if state == SaleState::Open {
                "cli-status-followed-open-sale"
            } else {
                "cli-status-followed-sale"
            };
            t(key, &[("count", n.into()), ("sale", sale_id.into())])
        })
        .collect()
}

/// Refuses the journal's own files (`-wal`, `-shm`, lock file) as a destination: exit 2.
fn check_destination(db: &Path, dest: &Path) -> Result<(), ExitCode> {
    kassa_journal::files::check_destination(db, dest).map_err(|e| {
        fail(
            EXIT_USAGE,
            &kassa_boot::error_words::journal(crate::output::messages(), &e),
        )
    })
}

/// A failed records request: exit 2 when the request must change, 4 when the journal failed.
fn records_failed(e: &kassa_boot::RecordsError) -> ExitCode {
    fail(
        if e.is_usage() { EXIT_USAGE } else { EXIT_START },
        &kassa_boot::error_words::records(crate::output::messages(), e),
    )
}

pub fn refunded(db: &Path, payment_id: &str, note: Option<&str>) -> ExitCode {
    let now_ms = crate::books::now_ms();
    let default_note = text("cli-refunded-default-note");
    let note = note.unwrap_or(&default_note);
    match kassa_boot::mark_refunded(db, payment_id, note, now_ms) {
        Ok(sale_id) => {
            println!(
                "{}",
                t(
                    "cli-refunded-done",
                    &[
                        ("payment", payment_id.into()),
                        ("sale", sale_id.into()),
                        ("note", note.into()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(kassa_boot::RecordsError::Journal(
            JournalError::NotFound(_) | JournalError::Refused(_),
        )) => fail(
            EXIT_USAGE,
            &t("cli-refunded-no-note", &[("payment", payment_id.into())]),
        ),
        Err(e) => records_failed(&e),
    }
}

pub fn backup(db: &Path, file: &Path) -> ExitCode {
    match kassa_boot::backup(db, file) {
        Ok(()) => {
            println!(
                "{}",
                t(
                    "cli-backup-done",
                    &[
                        ("db", db.display().to_string().into()),
                        ("file", file.display().to_string().into()),
                    ]
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => records_failed(&e),
    }
}

#[derive(Serialize)]
struct SaleLine<'a> {
    sale: &'a SaleRecord,
    attempts: &'a [AttemptRecord],
}

/// The sales of `backend` (live ones for the books unless training ones are asked for;
/// never both) to standard output, or to `out`: written beside it and renamed into place
/// when complete, so a failed export leaves no half file and keeps an older one.
pub fn export(db: &Path, format: Format, out: Option<&Path>, backend: Backend) -> ExitCode {
    if let Some(path) = out
        && let Err(code) = check_destination(db, path)
    {
        return code;
    }
    let sales = match kassa_boot::open_sales(db) {
        Ok(s) => s,
        Err(e) => return records_failed(&e),
    };
    let done = match out {
        Some(path) => kassa_journal::files::replace_file(path, |tmp| -> Result<(), BoxError> {
            let file = std::fs::File::create(tmp)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            let mut sink = std::io::BufWriter::new(file);
            write_export(&sales, format, backend, &mut sink)?;
            sink.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            Ok(())
        }),
        None => {
            let mut sink = std::io::BufWriter::new(std::io::stdout().lock());
            write_export(&sales, format, backend, &mut sink).and_then(|()| Ok(sink.flush()?))
        }
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(
            EXIT_FAILED,
            &t("cli-export-failed", &[("error", e.to_string().into())]),
        ),
    }
}

type BoxError = Box<dyn std::error::Error>;

fn write_export(
    sales: &kassa_boot::Sales,
    format: Format,
    backend: Backend,
    out: &mut dyn Write,
) -> Result<(), BoxError> {
    if format == Format::Csv {
        // `backend` comes last, so the columns before it keep their places.
        writeln!(
            out,
            "sale_id,created_at_ms,ended_at_ms,amount_minor,currency,reference,state,paid_payment_id,attention,\
             attempt,attempt_state,payment_id,status,final,requested_at_ms,expires_at_ms,backend"
        )?;
    }
    sales.each(backend, |sale, attempts| -> Result<(), BoxError> {
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &SaleLine { sale, attempts })?;
                writeln!(out)?;
            }
            Format::Csv => {
                let sale_cols = [
                    sale.id.clone(),
                    sale.created_at_ms.to_string(),
                    opt(sale.ended_at_ms),
                    sale.amount.minor.to_string(),
                    sale.amount.currency.code().to_owned(),
                    sale.reference.clone().unwrap_or_default(),
                    sale.state.as_str().to_owned(),
                    sale.paid_payment_id.clone().unwrap_or_default(),
                    sale.attention.clone().unwrap_or_default(),
                ];
                let rows: Vec<[String; 7]> = if attempts.is_empty() {
                    vec![Default::default()]
                } else {
                    attempts
                        .iter()
                        .map(|a| {
                            [
                                a.seq.to_string(),
                                a.state.as_str().to_owned(),
                                a.payment_id.clone().unwrap_or_default(),
                                a.status.clone().unwrap_or_default(),
                                a.is_final.to_string(),
                                a.requested_at_ms.to_string(),
                                opt(a.expires_at_ms),
                            ]
                        })
                        .collect()
                };
                let backend_col = [sale.backend.as_str().to_owned()];
                for row in rows {
                    let cells: Vec<String> = sale_cols
                        .iter()
                        .chain(row.iter())
                        .chain(backend_col.iter())
                        .map(|c| csv(c))
                        .collect();
                    writeln!(out, "{}", cells.join(","))?;
                }
            }
            // `main` sends this format to `export_saft` with its period.
            Format::SafT => {
                return Err("the SAF-T file needs its period: --from and --to".into());
            }
        }
        Ok(())
    })
}

fn opt(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One cell of `kassa export`'s comma-separated file, neutralised and quoted by the one
/// rule of the bookkeeping CSV ([`kassa_shop::bookkeeping::csv_cell`]).
fn csv(cell: &str) -> String {
    kassa_shop::bookkeeping::csv_cell(cell, ',')
}

#[cfg(test)]
mod tests {
    use super::csv;

    #[test]
    fn csv_cells_are_quoted_only_when_needed() {
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a,b"), "\"a,b\"");
        assert_eq!(csv("say \"hi\"\nnow"), "\"say \"\"hi\"\"\nnow\"");
    }

    /// OWASP "CSV Injection": a cell a spreadsheet would run as a formula is written as text.
    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text() {
        assert_eq!(
            csv("=HYPERLINK(\"http://evil.example\",\"Pay\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Pay\"\")\""
        );
        for (cell, out) in [
            ("+1+1", "'+1+1"),
            ("-1+cmd", "'-1+cmd"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
        ] {
            assert_eq!(csv(cell), out, "{cell:?}");
        }
        // Kassa's own numbers stay numbers: a negative amount is not a formula.
        assert_eq!(csv("-12.50"), "-12.50");
        assert_eq!(csv("-3"), "-3");
        assert_eq!(csv("12.50"), "12.50");
    }
}
