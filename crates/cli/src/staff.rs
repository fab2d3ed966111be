//! Who a command acts as (issue 12), and `kassa staff add|list|pin|role|off|on`.
//!
//! Every command acts as the default employee ("1") unless `--employee ID` is given; an
//! employee with a PIN gives it in `KASSA_PIN`, else on the first line of standard input.
//! A step only a manager may do (`return`, `report z`, `refunds --sent`, `export --format
//! saf-t`, `setup`, `staff` changes) refuses a cashier with a plain sentence and exit 2; so
//! does a wrong PIN, and the pause after five wrong in a row.

use std::io::BufRead;
use std::path::Path;
use std::process::ExitCode;

use kassa_boot::session::{
    self, Action, Employee, NewStaff, Pin, Role, Session, SessionError, StaffMember,
};
use kassa_journal::Journal;
use kassa_shop::staff::DEFAULT_EMPLOYEE_ID;

use crate::books::now_ms;
use crate::output::{t, text};
use crate::{EXIT_FAILED, EXIT_START, EXIT_USAGE, fail};

/// Who the command acts as: `--employee ID`, else the default employee.
#[derive(Debug, Clone, Default)]
pub struct Who(pub Option<String>);

static WHO: std::sync::OnceLock<Who> = std::sync::OnceLock::new();

/// Sets who this run of `kassa` acts as (once, from `--employee`).
pub fn set_who(who: Who) {
    let _ = WHO.set(who);
}

/// Who this run of `kassa` acts as.
pub fn who() -> &'static Who {
    WHO.get_or_init(Who::default)
}

impl Who {
    fn id(&self) -> &str {
        self.0.as_deref().unwrap_or(DEFAULT_EMPLOYEE_ID)
    }
}

fn refused(e: &SessionError) -> ExitCode {
    match e {
        SessionError::Journal(_) | SessionError::GuardFile { .. } => fail(
            EXIT_START,
            &kassa_boot::error_words::session(crate::output::messages(), e),
        ),
        _ => fail(
            EXIT_USAGE,
            &kassa_boot::error_words::session(crate::output::messages(), e),
        ),
    }
}

/// A PIN after `prompt`: typed at a terminal without echo, else the first line of standard
/// input (a script, a test); `None` at its end.
fn secret_line(prompt: &str) -> Option<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt).ok();
    }
    eprint!("{prompt}");
    stdin_line()
}

/// One line of standard input, without its line end; `None` at its end.
fn stdin_line() -> Option<String> {
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
    }
}

/// The PIN of `name`: `KASSA_PIN`, else a line of standard input.
fn acting_pin(name: &str) -> Result<Pin, ExitCode> {
    let text = match std::env::var("KASSA_PIN").ok().filter(|p| !p.is_empty()) {
        Some(p) => p,
        None => {
            secret_line(&t("cli-staff-pin-prompt", &[("name", name.into())])).ok_or_else(|| {
                fail(
                    EXIT_USAGE,
                    &t("cli-staff-pin-missing", &[("name", name.into())]),
                )
            })?
        }
    };
    Pin::parse(&text).map_err(|e| {
        fail(
            EXIT_USAGE,
            &kassa_boot::error_words::session(crate::output::messages(), &e.into()),
        )
    })
}

/// A new PIN for someone else: `KASSA_NEW_PIN`, else a line of standard input.
fn new_pin(name: &str) -> Result<Pin, ExitCode> {
    let text = match std::env::var("KASSA_NEW_PIN")
        .ok()
        .filter(|p| !p.is_empty())
    {
        Some(p) => p,
        None => secret_line(&t("cli-staff-new-pin-prompt", &[("name", name.into())])).ok_or_else(
            || {
                fail(
                    EXIT_USAGE,
                    &t("cli-staff-new-pin-missing", &[("name", name.into())]),
                )
            },
        )?,
    };
    Pin::parse(&text).map_err(|e| {
        fail(
            EXIT_USAGE,
            &kassa_boot::error_words::session(crate::output::messages(), &e.into()),
        )
    })
}

fn member(journal: &Journal, id: &str) -> Result<Option<StaffMember>, ExitCode> {
    Ok(session::staff(journal)
        .map_err(|e| refused(&e))?
        .into_iter()
        .find(|m| m.id == id.trim()))
}

/// Checks who acts on `journal` (a write connection to the journal at `db`) and that they
/// may do `action`: the default owner is added to a journal that has no staff yet, the PIN
/// is asked for when the employee has one (behind the till's wrong-PIN guard), and the
/// journal then names them on everything this connection writes. The session is returned
/// for the staff steps.
pub fn act(
    journal: &mut Journal,
    db: &Path,
    who: &Who,
    action: Action,
) -> Result<(Session, Employee), ExitCode> {
    let now = now_ms();
    let owner = session::owner_name(crate::output::messages());
    session::ensure_default_employee(journal, now, &owner).map_err(|e| refused(&e))?;
    let id = who.id();
    let pin = match member(journal, id)? {
        Some(m) if m.has_pin && m.active => Some(acting_pin(&m.name)?),
        _ => None,
    };
    let session = Session::for_journal(db);
    let employee = session
        .act(journal, id, pin.as_ref(), now)
        .map_err(|e| refused(&e))?;
    if let Err(e) = employee.check(action) {
        return Err(fail(
            EXIT_USAGE,
            &t(
                "cli-staff-cashier-refused",
                &[
                    (
                        "error",
                        kassa_boot::error_words::session(
                            crate::output::messages(),
                            &SessionError::Staff(e.clone()),
                        )
                        .into(),
                    ),
                    ("name", employee.name.as_str().into()),
                ],
            ),
        ));
    }
    Ok((session, employee))
}

/// [`act`] on a write connection of its own (beside a read-only command, or before a
/// journal is needed at all, as `setup`).
pub fn check(db: &Path, who: &Who, action: Action) -> Result<(Journal, Employee), ExitCode> {
    let mut journal = Journal::open(db).map_err(|e| {
        fail(
            EXIT_START,
            &kassa_boot::error_words::journal(crate::output::messages(), &e),
        )
    })?;
    let (_, employee) = act(&mut journal, db, who, action)?;
    Ok((journal, employee))
}

/// On a running counter: acts as `--employee ID` (logged in, journaled as a log in), or as
/// the default employee when nobody is logged in yet (a till with staff and PINs).
pub fn on_counter(counter: &kassa_boot::Counter, who: &Who) -> Result<(), ExitCode> {
    let wanted = who.id();
    if counter.acting().is_some_and(|a| a.id == wanted) {
        return Ok(());
    }
    let staff = counter.staff().map_err(|e| refused(&e))?;
    let pin = match staff.iter().find(|m| m.id == wanted.trim()) {
        Some(m) if m.has_pin && m.active => Some(acting_pin(&m.name)?),
        _ => None,
    };
    counter
        .log_in(wanted, pin.as_ref())
        .map(|_| ())
        .map_err(|e| refused(&e))
}

/// What `kassa staff` does.
#[derive(clap::Subcommand)]
pub enum StaffCommand {
    /// The till's employees: number, name, role, PIN set or not, on or off.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add an employee (their PIN from KASSA_NEW_PIN, else standard input).
    Add {
        /// Their number: letters, digits, '-', '_' and '.', at most 35.
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "cashier", value_parser = ["cashier", "manager"])]
        role: String,
    },
    /// Set an employee's PIN (from KASSA_NEW_PIN, else standard input).
    Pin { id: String },
    /// Make an employee a cashier or a manager.
    Role {
        id: String,
        #[arg(value_parser = ["cashier", "manager"])]
        role: String,
    },
    /// Turn an employee off: they can no longer log in; the journal keeps what they did.
    Off { id: String },
    /// Turn an employee on again.
    On { id: String },
}

/// `kassa staff …`: listing is anyone's; changes are a manager's.
pub fn staff(db: &Path, who: &Who, command: StaffCommand) -> ExitCode {
    let mut journal = match Journal::open(db) {
        Ok(j) => j,
        Err(e) => {
            return fail(
                EXIT_START,
                &kassa_boot::error_words::journal(crate::output::messages(), &e),
            );
        }
    };
    let action = match command {
        StaffCommand::List { .. } => Action::Sell,
        _ => Action::ManageStaff,
    };
    let (session, _) = match act(&mut journal, db, who, action) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let now = now_ms();
    let salt = || session::new_salt().map_err(|e| refused(&e));
    let done: Result<String, ExitCode> = (|| match command {
        StaffCommand::List { json } => {
            let all = session::staff(&journal).map_err(|e| refused(&e))?;
            if json {
                return serde_json::to_string(&all).map_err(|e| fail(EXIT_FAILED, &e.to_string()));
            }
            Ok(all
                .iter()
                .map(|m| {
                    format!(
                        "{:<6} {:<24} {:<8} {:<7} {}",
                        m.id,
                        m.name,
                        kassa_boot::error_words::role(crate::output::messages(), m.role),
                        text(if m.has_pin {
                            "cli-staff-pin"
                        } else {
                            "cli-staff-no-pin"
                        }),
                        text(if m.active {
                            "cli-staff-on"
                        } else {
                            "cli-staff-off"
                        })
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        StaffCommand::Add { id, name, role } => {
            let role = Role::parse(&role).map_err(|e| fail(EXIT_USAGE, &e.to_string()))?;
            let pin = new_pin(name.trim())?;
            let added = session::add_employee(
                &session,
                &mut journal,
                &NewStaff {
                    id: &id,
                    name: &name,
                    role,
                    pin,
                },
                &salt()?,
                now,
            )
            .map_err(|e| refused(&e))?;
            Ok(t(
                "cli-staff-added",
                &[
                    ("name", added.name.as_str().into()),
                    ("id", added.id.as_str().into()),
                    (
                        "role",
                        kassa_boot::error_words::role(crate::output::messages(), added.role).into(),
                    ),
                ],
            ))
        }
        StaffCommand::Pin { id } => {
            let name = member(&journal, &id)?
                .map(|m| m.name)
                .ok_or_else(|| refused(&SessionError::Unknown(id.clone())))?;
            let pin = new_pin(&name)?;
            session::set_pin(&session, &mut journal, &id, &pin, &salt()?, now)
                .map_err(|e| refused(&e))?;
            Ok(t("cli-staff-pin-set", &[("name", name.into())]))
        }
        StaffCommand::Role { id, role } => {
            let role = Role::parse(&role).map_err(|e| fail(EXIT_USAGE, &e.to_string()))?;
            session::set_role(&session, &mut journal, &id, role, now).map_err(|e| refused(&e))?;
            Ok(t(
                "cli-staff-role-set",
                &[
                    ("id", id.trim().into()),
                    (
                        "role",
                        kassa_boot::error_words::role(crate::output::messages(), role).into(),
                    ),
                ],
            ))
        }
        StaffCommand::Off { id } => {
            session::set_active(&session, &mut journal, &id, false, now)
                .map_err(|e| refused(&e))?;
            Ok(t("cli-staff-turned-off", &[("id", id.trim().into())]))
        }
        StaffCommand::On { id } => {
            session::set_active(&session, &mut journal, &id, true, now).map_err(|e| refused(&e))?;
            Ok(t("cli-staff-turned-on", &[("id", id.trim().into())]))
        }
    })();
    match done {
        Ok(text) => {
            if !text.is_empty() {
                println!("{text}");
            }
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}
