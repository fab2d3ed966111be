//! The counter's cashier session (issue 12): who is at the till, their log in and out, the
//! manager's approval of one action, and the staff list a manager keeps.
//!
//! * The staff live in the journal's `employees` table. On a till's first start
//!   [`ensure_default_employee`] adds the default employee ("1", "Owner" in the language
//!   spoken then: [`owner_name`]; a manager, no PIN),
//!   so a one-person shop logs in with one tap ([`one_tap`]) and the journal still names them.
//!   An employee without a PIN logs in that way only while they are the till's only active
//!   employee; before a second employee is added, the manager adding them must have a PIN.
//! * [`Session::log_in`] checks the PIN with `verify_pin` behind the till's
//!   [`PinGuard`](kassa_shop::staff::PinGuard) (five wrong in a row: a pause), kept in a file
//!   beside the journal ([`guard_path`]), so a restart is no way around the pause. Log in,
//!   log out and a switch are journaled (13003 / 13004) with the employee and the till, and
//!   the acting employee is set on the connection given, so every sale, receipt, return and
//!   report written there names them.
//! * [`Session::require`] is the manager check of an [`Action`]: the acting employee's role,
//!   or a manager's approval of that one action ([`Session::approve`], a manager's id and PIN,
//!   good for one use within [`APPROVAL_MS`]).
//! * [`add_employee`], [`set_pin`], [`set_role`], [`set_active`]: the staff screen and
//!   `kassa staff`, for a manager only; the last active manager is never demoted or turned off.
//!
//! Everything takes the time (`now_ms`) and the salt of a new PIN hash from the caller.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use kassa_journal::{Journal, JournalError, NewEmployee, NewJournalEvent};
pub use kassa_saft::events::JournalEvent;
/// What the hosts need of `kassa_shop::staff`, so they call one crate.
pub use kassa_shop::staff::{Action, Employee, Locked, Pin, Role, StaffError};
use kassa_shop::staff::{
    DEFAULT_EMPLOYEE_ID, HashCost, PinGuard, SALT_LEN, default_employee, hash_pin_with, verify_pin,
};
use serde::Serialize;

/// How long a manager's approval of one action is good for.
pub const APPROVAL_MS: i64 = 2 * 60_000;

/// Why a log in, a check or a staff change did not go through, in the cashier's words.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// A wrong PIN format, a role a cashier lacks ("The Z report needs a manager."), the
    /// pause after five wrong PINs ("Too many wrong PINs. Try again in 30 seconds.").
    #[error(transparent)]
    Staff(#[from] StaffError),
    #[error("No employee number {0} at this till.")]
    Unknown(String),
    #[error("{0} is turned off at this till; a manager can turn them on again.")]
    Inactive(String),
    #[error("Wrong PIN.")]
    WrongPin,
    #[error("Type the PIN for {0}.")]
    PinNeeded(String),
    #[error("{0} has no PIN yet; a manager must set one before {0} can log in.")]
    NoPin(String),
    #[error("Nobody is logged in at this till: log in first.")]
    NotLoggedIn,
    #[error("{0} is a cashier: only a manager can approve this.")]
    NotAManager(String),
    #[error("Employee number {0} is taken already.")]
    Taken(String),
    #[error("Set your own PIN first: once a till has two employees, everyone logs in with a PIN.")]
    ManagerPinFirst,
    #[error("A new employee needs a PIN of 4 to 8 digits.")]
    NewNeedsPin,
    #[error("{0} is the till's last active manager: make someone else a manager first.")]
    LastManager(String),
    #[error("The wrong-PIN count cannot be kept in {path}: {why}")]
    GuardFile { path: String, why: String },
    #[error("The system's random source failed ({0}); the PIN was not stored.")]
    Random(String),
    #[error("{}", crate::daybook::capital(&.0.to_string()))]
    Journal(#[from] JournalError),
}

impl SessionError {
    /// The refusal of an action a cashier may not do alone: the window then asks for a
    /// manager's PIN for that one action.
    pub fn needs_manager(&self) -> Option<Action> {
        match self {
            SessionError::Staff(StaffError::NeedsManager(a)) => Some(*a),
            _ => None,
        }
    }

    /// The pause after too many wrong PINs, if that is the refusal.
    pub fn locked(&self) -> Option<kassa_shop::staff::Locked> {
        match self {
            SessionError::Staff(StaffError::Locked(l)) => Some(*l),
            _ => None,
        }
    }
}

pub type Result<T, E = SessionError> = std::result::Result<T, E>;

/// One employee as the login and staff screens show them (never the PIN hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StaffMember {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub has_pin: bool,
    pub active: bool,
}

/// A row of the journal's `employees` table, read.
struct Row {
    employee: Employee,
    pin_hash: String,
    active: bool,
}

fn rows(journal: &Journal) -> Result<Vec<Row>> {
    journal
        .employees()?
        .into_iter()
        .map(|r| {
            Ok(Row {
                employee: Employee {
                    role: Role::parse(&r.role)?,
                    id: r.id,
                    name: r.name,
                },
                pin_hash: r.pin_hash,
                active: r.active,
            })
        })
        .collect()
}

fn row(journal: &Journal, id: &str) -> Result<Row> {
    let id = id.trim();
    rows(journal)?
        .into_iter()
        .find(|r| r.employee.id == id)
        .ok_or_else(|| SessionError::Unknown(id.to_string()))
}

/// The till's staff, oldest first, with whether each has a PIN.
pub fn staff(journal: &Journal) -> Result<Vec<StaffMember>> {
    Ok(rows(journal)?
        .into_iter()
        .map(|r| StaffMember {
            has_pin: !r.pin_hash.is_empty(),
            active: r.active,
            id: r.employee.id,
            name: r.employee.name,
            role: r.employee.role,
        })
        .collect())
}

/// The employee the till logs in without a PIN, if any: the only active employee, when they
/// have no PIN (the default owner of a one-person shop).
pub fn one_tap(journal: &Journal) -> Result<Option<Employee>> {
    let mut active = rows(journal)?.into_iter().filter(|r| r.active);
    Ok(match (active.next(), active.next()) {
        (Some(only), None) if only.pin_hash.is_empty() => Some(only.employee),
        _ => None,
    })
}

/// The default employee's name in the language of `m` ("Owner", "Ejer", …).
pub fn owner_name(m: &kassa_i18n::Messages) -> String {
    m.text("default-owner")
}

/// Adds the default employee ("1", named `name`: [`owner_name`] in the language spoken;
/// manager, no PIN) to a till that has no employees yet; `true` when it did. The name is the
/// journal's from then on: a later change of language does not rename them.
pub fn ensure_default_employee(journal: &mut Journal, now_ms: i64, name: &str) -> Result<bool> {
    if !journal.employees()?.is_empty() {
        return Ok(false);
    }
    let owner = default_employee(name);
    journal.add_employee(&NewEmployee {
        id: &owner.id,
        name: &owner.name,
        role: owner.role.as_str(),
        pin_hash: "",
        at_ms: now_ms,
    })?;
    Ok(true)
}

/// Appends `event` to the journal's electronic journal, with the connection's employee and
/// the till.
pub fn record_event(
    journal: &mut Journal,
    event: JournalEvent,
    now_ms: i64,
    training: bool,
    detail: &str,
) -> Result<i64> {
    Ok(journal.record_journal_event(&NewJournalEvent {
        code: event.code(),
        at_ms: now_ms,
        training,
        detail,
        receipt: None,
    })?)
}

/// Fresh salt for a new PIN hash, from the OS's random source.
pub fn new_salt() -> Result<[u8; SALT_LEN]> {
    use rand_core::RngCore;
    let mut salt = [0u8; SALT_LEN];
    rand_core::OsRng
        .try_fill_bytes(&mut salt)
        .map_err(|e| SessionError::Random(e.to_string()))?;
    Ok(salt)
}

/// Where a till keeps its wrong-PIN count: beside its journal (`kassa.db` →
/// `kassa.db.pins.json`).
pub fn guard_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".pins.json");
    db.with_file_name(name)
}

/// A manager's approval of one action.
#[derive(Debug, Clone)]
struct Approval {
    action: Action,
    by: Employee,
    until_ms: i64,
}

#[derive(Debug, Default)]
struct State {
    acting: Option<Employee>,
    approval: Option<Approval>,
    /// The guard of a session without a file (tests, a journal in memory).
    guard: PinGuard,
}

/// The cashier session of one till: who acts, the wrong-PIN guard, a pending approval.
#[derive(Debug)]
pub struct Session {
    state: Mutex<State>,
    guard_file: Option<PathBuf>,
    cost: HashCost,
}

impl Session {
    /// The session of the till whose journal is `db`; its wrong-PIN count in [`guard_path`].
    pub fn for_journal(db: &Path) -> Session {
        Session {
            state: Mutex::default(),
            guard_file: Some(guard_path(db)),
            cost: HashCost::PRODUCTION,
        }
    }

    /// A session whose guard lives only in memory, hashing at `cost` (tests).
    pub fn in_memory(cost: HashCost) -> Session {
        Session {
            state: Mutex::default(),
            guard_file: None,
            cost,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The cost new PIN hashes are made at.
    pub fn hash_cost(&self) -> HashCost {
        self.cost
    }

    /// Who is logged in.
    pub fn acting(&self) -> Option<Employee> {
        self.state().acting.clone()
    }

    /// The id of who is logged in (what the journal records).
    pub fn acting_id(&self) -> Option<String> {
        self.state().acting.as_ref().map(|e| e.id.clone())
    }

    /// The wrong-PIN guard as it stands (read from its file each time: the window and the
    /// CLI on one till share it).
    pub fn guard(&self) -> Result<PinGuard> {
        match &self.guard_file {
            None => Ok(self.state().guard.clone()),
            Some(path) => match std::fs::read(path) {
                Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| SessionError::GuardFile {
                    path: path.display().to_string(),
                    why: e.to_string(),
                }),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(PinGuard::new()),
                Err(e) => Err(SessionError::GuardFile {
                    path: path.display().to_string(),
                    why: e.to_string(),
                }),
            },
        }
    }

    fn save_guard(&self, guard: &PinGuard) -> Result<()> {
        let Some(path) = &self.guard_file else {
            self.state().guard = guard.clone();
            return Ok(());
        };
        let fail = |e: std::io::Error| SessionError::GuardFile {
            path: path.display().to_string(),
            why: e.to_string(),
        };
        let json = serde_json::to_vec(guard).map_err(|e| SessionError::GuardFile {
            path: path.display().to_string(),
            why: e.to_string(),
        })?;
        let mut tmp = path.clone().into_os_string();
        tmp.push(".new");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, json).map_err(fail)?;
        std::fs::rename(&tmp, path).map_err(fail)
    }

    /// Checks `id`'s PIN behind the guard: the pause refuses before anything is checked, and
    /// each answer (right or wrong) is counted and kept. An employee without a PIN passes
    /// only as [`one_tap`].
    fn check_pin(
        &self,
        journal: &Journal,
        id: &str,
        pin: Option<&Pin>,
        now_ms: i64,
    ) -> Result<Employee> {
        let mut guard = self.guard()?;
        guard.check(now_ms).map_err(StaffError::from)?;
        let r = row(journal, id)?;
        if !r.active {
            return Err(SessionError::Inactive(r.employee.name));
        }
        if r.pin_hash.is_empty() {
            return match one_tap(journal)? {
                Some(e) if e.id == r.employee.id => Ok(e),
                _ => Err(SessionError::NoPin(r.employee.name)),
            };
        }
        let Some(pin) = pin else {
            return Err(SessionError::PinNeeded(r.employee.name));
        };
        let ok = verify_pin(pin, &r.pin_hash)?;
        guard.record(ok, now_ms);
        self.save_guard(&guard)?;
        if ok {
            Ok(r.employee)
        } else {
            // The fifth wrong one says so at once, with the pause.
            guard.check(now_ms).map_err(StaffError::from)?;
            Err(SessionError::WrongPin)
        }
    }

    /// Acts as `id` for one command (the CLI): the PIN checked as for a log in, behind the
    /// same guard; the acting employee of this session and of `journal`. Not journaled as a
    /// log in: a command is no session at the till.
    pub fn act(
        &self,
        journal: &mut Journal,
        id: &str,
        pin: Option<&Pin>,
        now_ms: i64,
    ) -> Result<Employee> {
        let employee = self.check_pin(journal, id, pin, now_ms)?;
        journal.set_employee(Some(&employee.id));
        let mut state = self.state();
        state.acting = Some(employee.clone());
        state.approval = None;
        Ok(employee)
    }

    /// Logs `id` in with `pin` (none for a [`one_tap`] employee): the acting employee from
    /// now on, set on `journal` (the till's connection). Someone else logged in is logged
    /// out first (a switch): 13004 for them, then 13003 for `id`, each naming its employee.
    pub fn log_in(
        &self,
        journal: &mut Journal,
        id: &str,
        pin: Option<&Pin>,
        training: bool,
        now_ms: i64,
    ) -> Result<Employee> {
        let employee = self.check_pin(journal, id, pin, now_ms)?;
        let before = self.acting();
        if let Some(before) = &before {
            journal.set_employee(Some(&before.id));
            record_event(journal, JournalEvent::LogOut, now_ms, training, "")?;
        }
        journal.set_employee(Some(&employee.id));
        if let Err(e) = record_event(journal, JournalEvent::LogIn, now_ms, training, "") {
            journal.set_employee(before.as_ref().map(|b| b.id.as_str()));
            return Err(e);
        }
        let mut state = self.state();
        state.acting = Some(employee.clone());
        state.approval = None;
        Ok(employee)
    }

    /// Logs the acting employee out (13004, naming them); nobody acts on `journal` after.
    /// Nothing happens when nobody is logged in.
    pub fn log_out(&self, journal: &mut Journal, training: bool, now_ms: i64) -> Result<()> {
        let Some(before) = self.acting() else {
            return Ok(());
        };
        journal.set_employee(Some(&before.id));
        record_event(journal, JournalEvent::LogOut, now_ms, training, "")?;
        journal.set_employee(None);
        let mut state = self.state();
        state.acting = None;
        state.approval = None;
        Ok(())
    }

    /// Sets the acting employee on another writing connection (every sale, receipt,
    /// return, report and event it writes names them).
    pub fn stamp(&self, journal: &mut Journal) {
        journal.set_employee(self.acting_id().as_deref());
    }

    /// Whether `action` may go ahead now, and who answers for it: the acting employee when
    /// their role allows it, else the manager who approved this one action
    /// ([`Session::approve`]; the approval is used up). A cashier without an approval gets
    /// [`StaffError::NeedsManager`] ("The Z report needs a manager."). A step that can fail
    /// after the check runs in [`Session::approved`] instead, so a failure keeps the approval.
    pub fn require(&self, action: Action, now_ms: i64) -> Result<Employee> {
        self.approved(action, now_ms, |by| Ok(by.clone()))
    }

    /// Runs `step` for `action` as [`Session::require`] allows it, with who answers for it.
    /// A manager's approval is used up only when the step succeeds: a step that fails (a
    /// wrong amount, a full disk) leaves the approval for the cashier's next try, as long as
    /// the same employee is still at the till and no newer approval replaced it.
    pub fn approved<T, E: From<SessionError>>(
        &self,
        action: Action,
        now_ms: i64,
        step: impl FnOnce(&Employee) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let (by, taken, acting_id) = {
            let mut state = self.state();
            let acting = state.acting.clone().ok_or(SessionError::NotLoggedIn)?;
            if acting.may(action) {
                (acting.clone(), None, acting.id)
            } else {
                match state.approval.take() {
                    Some(a) if a.action == action && now_ms >= 0 && now_ms < a.until_ms => {
                        (a.by.clone(), Some(a), acting.id)
                    }
                    Some(other) if other.action != action && now_ms < other.until_ms => {
                        state.approval = Some(other);
                        return Err(SessionError::from(StaffError::NeedsManager(action)).into());
                    }
                    _ => return Err(SessionError::from(StaffError::NeedsManager(action)).into()),
                }
            }
        };
        let out = step(&by);
        if let (Err(_), Some(approval)) = (&out, taken) {
            let mut state = self.state();
            let same = state.acting.as_ref().is_some_and(|a| a.id == acting_id);
            if same && state.approval.is_none() {
                state.approval = Some(approval);
            }
        }
        out
    }

    /// Whether the acting employee (or a pending approval) allows `action`, without using an
    /// approval up.
    pub fn allows(&self, action: Action, now_ms: i64) -> bool {
        let state = self.state();
        match &state.acting {
            None => false,
            Some(a) if a.may(action) => true,
            Some(_) => state
                .approval
                .as_ref()
                .is_some_and(|a| a.action == action && now_ms < a.until_ms),
        }
    }

    /// A manager (`manager_id` with `pin`) approves `action` once for the cashier at the
    /// till: the next [`Session::require`] of it within [`APPROVAL_MS`] passes, naming the
    /// manager. The PIN is checked behind the same guard as a log in.
    pub fn approve(
        &self,
        journal: &Journal,
        action: Action,
        manager_id: &str,
        pin: Option<&Pin>,
        now_ms: i64,
    ) -> Result<Employee> {
        if self.acting().is_none() {
            return Err(SessionError::NotLoggedIn);
        }
        let by = self.check_pin(journal, manager_id, pin, now_ms)?;
        if !by.may(action) {
            return Err(SessionError::NotAManager(by.name));
        }
        self.state().approval = Some(Approval {
            action,
            by: by.clone(),
            until_ms: now_ms.saturating_add(APPROVAL_MS),
        });
        Ok(by)
    }

    /// Refreshes the acting employee from the staff table (after their name or role changed).
    fn refresh(&self, journal: &Journal) -> Result<()> {
        let Some(id) = self.acting_id() else {
            return Ok(());
        };
        let r = row(journal, &id)?;
        self.state().acting = Some(r.employee);
        Ok(())
    }
}

/// What a new employee is given.
#[derive(Debug, Clone)]
pub struct NewStaff<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub role: Role,
    pub pin: Pin,
}

/// Adds an employee (a manager's step): id and name checked, the PIN stored only as its
/// argon2id hash made with `salt`. Before a till's second employee the manager adding them
/// needs a PIN of their own ([`SessionError::ManagerPinFirst`]).
pub fn add_employee(
    session: &Session,
    journal: &mut Journal,
    new: &NewStaff<'_>,
    salt: &[u8; SALT_LEN],
    now_ms: i64,
) -> Result<StaffMember> {
    session.approved(Action::ManageStaff, now_ms, |by| {
        let employee = Employee::new(new.id, new.name, new.role)?;
        let all = rows(journal)?;
        if all.iter().any(|r| r.employee.id == employee.id) {
            return Err(SessionError::Taken(employee.id));
        }
        if all
            .iter()
            .any(|r| r.employee.id == by.id && r.pin_hash.is_empty())
        {
            return Err(SessionError::ManagerPinFirst);
        }
        let hash = hash_pin_with(&new.pin, salt, session.hash_cost())?;
        journal.add_employee(&NewEmployee {
            id: &employee.id,
            name: &employee.name,
            role: employee.role.as_str(),
            pin_hash: &hash,
            at_ms: now_ms,
        })?;
        Ok(StaffMember {
            id: employee.id,
            name: employee.name,
            role: employee.role,
            has_pin: true,
            active: true,
        })
    })
}

/// Sets employee `id`'s PIN (a manager's step; the default owner of a one-person till sets
/// their own this way too).
pub fn set_pin(
    session: &Session,
    journal: &mut Journal,
    id: &str,
    pin: &Pin,
    salt: &[u8; SALT_LEN],
    now_ms: i64,
) -> Result<()> {
    session.approved(Action::ManageStaff, now_ms, |_| {
        let r = row(journal, id)?;
        let hash = hash_pin_with(pin, salt, session.hash_cost())?;
        journal.set_employee_pin(&r.employee.id, &hash)?;
        Ok(())
    })
}

fn other_active_manager(all: &[Row], id: &str) -> bool {
    all.iter()
        .any(|r| r.active && r.employee.role == Role::Manager && r.employee.id != id)
}

/// Makes employee `id` a cashier or a manager (a manager's step). The till's last active
/// manager stays one.
pub fn set_role(
    session: &Session,
    journal: &mut Journal,
    id: &str,
    role: Role,
    now_ms: i64,
) -> Result<()> {
    session.approved(Action::ManageStaff, now_ms, |_| {
        let all = rows(journal)?;
        let r = row(journal, id)?;
        if role == Role::Cashier
            && r.employee.role == Role::Manager
            && r.active
            && !other_active_manager(&all, &r.employee.id)
        {
            return Err(SessionError::LastManager(r.employee.name));
        }
        journal.set_employee_role(&r.employee.id, role.as_str())?;
        session.refresh(journal)
    })
}

/// Turns employee `id` off (they can no longer log in; the journal keeps what they did) or
/// on again (a manager's step). The till's last active manager stays on.
pub fn set_active(
    session: &Session,
    journal: &mut Journal,
    id: &str,
    active: bool,
    now_ms: i64,
) -> Result<()> {
    session.approved(Action::ManageStaff, now_ms, |_| {
        let all = rows(journal)?;
        let r = row(journal, id)?;
        if !active
            && r.employee.role == Role::Manager
            && !other_active_manager(&all, &r.employee.id)
        {
            return Err(SessionError::LastManager(r.employee.name));
        }
        journal.set_employee_active(&r.employee.id, active)?;
        Ok(())
    })
}

/// Whether `id` is the default employee.
pub fn is_default(id: &str) -> bool {
    id.trim() == DEFAULT_EMPLOYEE_ID
}

// ---------------------------------------------------------------------------------------------
// The counter's session
// ---------------------------------------------------------------------------------------------

impl crate::Counter {
    /// Who is at this till.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Whether this counter's sales, reports and events are training ones.
    pub fn training(&self) -> bool {
        self.backend().is_training()
    }

    /// Appends `event` to the electronic journal on the engine's connection (which names
    /// the acting employee) with the till and whether it is training.
    pub fn record_event(&self, event: JournalEvent, detail: &str) -> Result<i64> {
        let (now, training) = (self.now_ms(), self.training());
        self.till
            .with_journal(|j| record_event(j, event, now, training, detail))
    }

    /// A start: the default employee on a till's first start (named in the language spoken
    /// then), the application start journaled (13001), and the one-tap employee logged in
    /// (13003) when the till has one.
    pub(crate) fn begin_session(&self) -> Result<()> {
        let (now, training) = (self.now_ms(), self.training());
        let owner = owner_name(kassa_i18n::Messages::of(crate::current_language()));
        self.till.with_journal(|j| {
            ensure_default_employee(j, now, &owner)?;
            j.set_employee(None);
            record_event(j, JournalEvent::AppStart, now, training, "")?;
            if let Some(only) = one_tap(j)? {
                self.session.log_in(j, &only.id, None, training, now)?;
            }
            Ok(())
        })
    }

    /// Takes over `session` from the counter before (a handover): who was logged in acts on
    /// this counter's connection too.
    pub(crate) fn adopt_session(&mut self, session: std::sync::Arc<Session>) {
        self.till.with_journal(|j| session.stamp(j));
        self.session = session;
    }

    /// The till's staff, for the login and staff screens.
    pub fn staff(&self) -> Result<Vec<StaffMember>> {
        self.till.with_journal(|j| staff(j))
    }

    /// The employee to log in with one tap, if the till has one.
    pub fn one_tap(&self) -> Result<Option<Employee>> {
        self.till.with_journal(|j| one_tap(j))
    }

    /// Logs `id` in ([`Session::log_in`]) on this till.
    pub fn log_in(&self, id: &str, pin: Option<&Pin>) -> Result<Employee> {
        let (now, training) = (self.now_ms(), self.training());
        self.till
            .with_journal(|j| self.session.log_in(j, id, pin, training, now))
    }

    /// Logs the acting employee out ([`Session::log_out`]).
    pub fn log_out(&self) -> Result<()> {
        let (now, training) = (self.now_ms(), self.training());
        self.till
            .with_journal(|j| self.session.log_out(j, training, now))
    }

    /// Who is logged in.
    pub fn acting(&self) -> Option<Employee> {
        self.session.acting()
    }

    /// The manager check of `action` now ([`Session::require`]): who answers for it.
    pub fn require(&self, action: Action) -> Result<Employee> {
        self.session.require(action, self.now_ms())
    }

    /// Runs `step` for `action` with who answers for it ([`Session::approved`]): a manager's
    /// approval is used up only when the step succeeds.
    pub fn approved<T, E: From<SessionError>>(
        &self,
        action: Action,
        step: impl FnOnce(&Employee) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.session.approved(action, self.now_ms(), step)
    }

    /// Whether `action` would pass now (without using up an approval): the window asks for
    /// a manager's PIN before a step that would be refused.
    pub fn check(&self, action: Action) -> Result<()> {
        if self.session.allows(action, self.now_ms()) {
            Ok(())
        } else if self.session.acting().is_none() {
            Err(SessionError::NotLoggedIn)
        } else {
            Err(StaffError::NeedsManager(action).into())
        }
    }

    /// Whether moving to `new` would pass [`crate::handover`]'s check: changing the
    /// settings needs a manager, and moving between training and live is the training-mode
    /// switch.
    pub fn check_settings_change(&self, new: &crate::Settings) -> Result<()> {
        if self.training() != new.backend().is_training() {
            self.check(Action::TrainingMode)
        } else {
            self.check(Action::Settings)
        }
    }

    /// A manager approves `action` once for the cashier at this till ([`Session::approve`]).
    pub fn approve(&self, action: Action, manager_id: &str, pin: Option<&Pin>) -> Result<Employee> {
        let now = self.now_ms();
        self.till
            .with_journal(|j| self.session.approve(j, action, manager_id, pin, now))
    }

    /// Adds an employee ([`add_employee`]), a fresh salt from the OS.
    pub fn add_employee(&self, new: &NewStaff<'_>) -> Result<StaffMember> {
        let (now, salt) = (self.now_ms(), new_salt()?);
        self.till
            .with_journal(|j| add_employee(&self.session, j, new, &salt, now))
    }

    /// Sets an employee's PIN ([`set_pin`]), a fresh salt from the OS.
    pub fn set_pin(&self, id: &str, pin: &Pin) -> Result<()> {
        let (now, salt) = (self.now_ms(), new_salt()?);
        self.till
            .with_journal(|j| set_pin(&self.session, j, id, pin, &salt, now))
    }

    /// Makes an employee a cashier or a manager ([`set_role`]).
    pub fn set_role(&self, id: &str, role: Role) -> Result<()> {
        let now = self.now_ms();
        self.till
            .with_journal(|j| set_role(&self.session, j, id, role, now))
    }

    /// Turns an employee off or on again ([`set_active`]).
    pub fn set_active(&self, id: &str, active: bool) -> Result<()> {
        let now = self.now_ms();
        self.till
            .with_journal(|j| set_active(&self.session, j, id, active, now))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const T0: i64 = 1_772_450_000_000;
    const CHEAP: HashCost = HashCost {
        memory_kib: 8,
        iterations: 1,
        lanes: 1,
    };

    fn pin(s: &str) -> Pin {
        Pin::parse(s).unwrap()
    }

    fn till() -> (Session, Journal) {
        let mut j = Journal::open_in_memory().unwrap();
        let owner = owner_name(kassa_i18n::Messages::of(kassa_i18n::Lang::En));
        assert!(ensure_default_employee(&mut j, T0, &owner).unwrap());
        (Session::in_memory(CHEAP), j)
    }

    fn codes(j: &Journal) -> Vec<(u32, Option<String>)> {
        j.journal_events(0, i64::MAX)
            .unwrap()
            .into_iter()
            .map(|e| (e.code, e.employee))
            .collect()
    }

    /// A till with the owner (PIN 1111), a cashier 7 (PIN 4711) and the owner logged in.
    fn staffed() -> (Session, Journal) {
        let (s, mut j) = till();
        s.log_in(&mut j, "1", None, false, T0).unwrap();
        set_pin(&s, &mut j, "1", &pin("1111"), &[1; 16], T0).unwrap();
        let new = NewStaff {
            id: "7",
            name: "Kari",
            role: Role::Cashier,
            pin: pin("4711"),
        };
        add_employee(&s, &mut j, &new, &[2; 16], T0).unwrap();
        (s, j)
    }

    #[test]
    fn the_owner_is_named_in_the_language_of_the_first_start_and_keeps_that_name() {
        let first = |lang| {
            let mut j = Journal::open_in_memory().unwrap();
            let owner = owner_name(kassa_i18n::Messages::of(lang));
            assert!(ensure_default_employee(&mut j, T0, &owner).unwrap());
            j
        };
        let name = |j: &Journal| staff(j).unwrap()[0].name.clone();
        assert_eq!(name(&first(kassa_i18n::Lang::En)), "Owner");
        assert_eq!(name(&first(kassa_i18n::Lang::Da)), "Ejer");
        assert_eq!(name(&first(kassa_i18n::Lang::Sv)), "Ägare");
        assert_eq!(name(&first(kassa_i18n::Lang::Nb)), "Eier");
        let mut fi = first(kassa_i18n::Lang::Fi);
        assert_eq!(name(&fi), "Omistaja");
        // Started again in another language: the journal's owner keeps their name.
        let owner = owner_name(kassa_i18n::Messages::of(kassa_i18n::Lang::Da));
        assert!(!ensure_default_employee(&mut fi, T0 + 1, &owner).unwrap());
        assert_eq!(name(&fi), "Omistaja");
        assert_eq!(one_tap(&fi).unwrap().unwrap().name, "Omistaja");
    }

    #[test]
    fn a_first_start_has_the_owner_who_logs_in_with_one_tap_and_is_journaled() {
        let (s, mut j) = till();
        assert!(
            !ensure_default_employee(&mut j, T0, "Ejer").unwrap(),
            "only once"
        );
        let all = staff(&j).unwrap();
        assert_eq!(
            all,
            [StaffMember {
                id: "1".into(),
                name: "Owner".into(),
                role: Role::Manager,
                has_pin: false,
                active: true
            }]
        );
        assert_eq!(one_tap(&j).unwrap().unwrap().id, "1");
        assert_eq!(s.acting(), None);
        assert!(matches!(
            s.require(Action::Sell, T0),
            Err(SessionError::NotLoggedIn)
        ));
        let e = s.log_in(&mut j, "1", None, false, T0).unwrap();
        assert_eq!(e.name, "Owner");
        assert_eq!(j.employee(), Some("1"));
        assert_eq!(s.require(Action::ZReport, T0).unwrap().id, "1");
        s.log_out(&mut j, false, T0 + 1).unwrap();
        assert_eq!(j.employee(), None);
        assert_eq!(
            codes(&j),
            [(13003, Some("1".into())), (13004, Some("1".into()))]
        );
    }

    #[test]
    fn a_second_employee_needs_the_manager_to_have_a_pin_and_a_pin_of_their_own() {
        let (s, mut j) = till();
        s.log_in(&mut j, "1", None, false, T0).unwrap();
        let new = NewStaff {
            id: "7",
            name: "Kari",
            role: Role::Cashier,
            pin: pin("4711"),
        };
        let err = add_employee(&s, &mut j, &new, &[2; 16], T0).unwrap_err();
        assert!(matches!(err, SessionError::ManagerPinFirst), "{err}");
        set_pin(&s, &mut j, "1", &pin("1111"), &[1; 16], T0).unwrap();
        let added = add_employee(&s, &mut j, &new, &[2; 16], T0).unwrap();
        assert!(added.has_pin);
        let again = add_employee(&s, &mut j, &new, &[3; 16], T0).unwrap_err();
        assert_eq!(again.to_string(), "Employee number 7 is taken already.");
        // Two active employees: no one-tap any more, and the stored hash is not the PIN.
        assert_eq!(one_tap(&j).unwrap(), None);
        let hashes: Vec<String> = j
            .employees()
            .unwrap()
            .into_iter()
            .map(|e| e.pin_hash)
            .collect();
        assert!(
            hashes
                .iter()
                .all(|h| h.starts_with("$argon2id$") && !h.contains("4711") && !h.contains("1111"))
        );
    }

    #[test]
    fn log_in_needs_the_right_pin_and_a_switch_logs_the_other_out() {
        let (s, mut j) = staffed();
        assert_eq!(
            s.log_in(&mut j, "7", None, false, T0)
                .unwrap_err()
                .to_string(),
            "Type the PIN for Kari."
        );
        assert_eq!(
            s.log_in(&mut j, "7", Some(&pin("1234")), false, T0)
                .unwrap_err()
                .to_string(),
            "Wrong PIN."
        );
        assert_eq!(
            s.acting_id().as_deref(),
            Some("1"),
            "a wrong PIN changes nobody"
        );
        assert_eq!(
            s.log_in(&mut j, "9", Some(&pin("1234")), false, T0)
                .unwrap_err()
                .to_string(),
            "No employee number 9 at this till."
        );
        let kari = s
            .log_in(&mut j, "7", Some(&pin("4711")), true, T0 + 5)
            .unwrap();
        assert_eq!(kari.role, Role::Cashier);
        assert_eq!(j.employee(), Some("7"));
        let events = j.journal_events(T0 + 5, T0 + 6).unwrap();
        let seen: Vec<(u32, Option<&str>, bool)> = events
            .iter()
            .map(|e| (e.code, e.employee.as_deref(), e.training))
            .collect();
        assert_eq!(seen, [(13004, Some("1"), true), (13003, Some("7"), true)]);
        assert!(events.iter().all(|e| !e.till.is_empty()));
    }

    #[test]
    fn five_wrong_pins_in_a_row_pause_the_till_and_a_right_one_then_waits_too() {
        let (s, mut j) = staffed();
        for i in 0..4 {
            let e = s
                .log_in(&mut j, "7", Some(&pin("0000")), false, T0 + i)
                .unwrap_err();
            assert!(matches!(e, SessionError::WrongPin), "{e}");
        }
        let fifth = s
            .log_in(&mut j, "7", Some(&pin("0000")), false, T0 + 4)
            .unwrap_err();
        assert_eq!(
            fifth.to_string(),
            "Too many wrong PINs. Try again in 30 seconds."
        );
        assert!(fifth.locked().is_some());
        // During the pause even the right PIN (and another employee) is refused, unchecked.
        let right = s
            .log_in(&mut j, "7", Some(&pin("4711")), false, T0 + 10_004)
            .unwrap_err();
        assert_eq!(
            right.to_string(),
            "Too many wrong PINs. Try again in 20 seconds."
        );
        assert!(
            s.log_in(&mut j, "1", Some(&pin("1111")), false, T0 + 10_004)
                .is_err()
        );
        assert!(
            s.approve(&j, Action::ZReport, "1", Some(&pin("1111")), T0 + 10_004)
                .is_err()
        );
        // After it, the right PIN works and resets the count.
        s.log_in(&mut j, "7", Some(&pin("4711")), false, T0 + 30_004)
            .unwrap();
        assert_eq!(s.guard().unwrap(), PinGuard::new());
    }

    #[test]
    fn the_pause_survives_a_restart_in_the_file_beside_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        assert_eq!(guard_path(&db), dir.path().join("kassa.db.pins.json"));
        let mut j = Journal::open(&db).unwrap();
        ensure_default_employee(&mut j, T0, "Owner").unwrap();
        let mut s = Session::for_journal(&db);
        s.cost = CHEAP;
        s.log_in(&mut j, "1", None, false, T0).unwrap();
        set_pin(&s, &mut j, "1", &pin("1111"), &[1; 16], T0).unwrap();
        s.log_out(&mut j, false, T0).unwrap();
        for _ in 0..5 {
            assert!(
                s.log_in(&mut j, "1", Some(&pin("2222")), false, T0)
                    .is_err()
            );
        }
        drop(s);
        // A new session on the same till (a restart): still paused.
        let again = Session::for_journal(&db);
        let e = again
            .log_in(&mut j, "1", Some(&pin("1111")), false, T0 + 1_000)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Too many wrong PINs. Try again in 29 seconds."
        );
        again
            .log_in(&mut j, "1", Some(&pin("1111")), false, T0 + 30_000)
            .unwrap();
        // A damaged file is said, not taken as a fresh count.
        std::fs::write(guard_path(&db), "{oops").unwrap();
        let e = again
            .log_in(&mut j, "1", Some(&pin("1111")), false, T0 + 40_000)
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("The wrong-PIN count cannot be kept in "),
            "{e}"
        );
    }

    #[test]
    fn an_approved_step_that_fails_keeps_the_approval_for_the_next_try() {
        let (s, mut j) = staffed();
        s.log_in(&mut j, "7", Some(&pin("4711")), false, T0)
            .unwrap();
        s.approve(&j, Action::Return, "1", Some(&pin("1111")), T0)
            .unwrap();
        // The return fails (a wrong amount, say): the approval is still there.
        let failed: std::result::Result<(), SessionError> =
            s.approved(Action::Return, T0 + 1, |by| {
                assert_eq!(by.id, "1", "the step knows the manager answers for it");
                Err(SessionError::NotLoggedIn)
            });
        assert!(failed.is_err());
        assert!(s.allows(Action::Return, T0 + 2));
        // The corrected return goes through, naming the manager, and uses it up.
        let by = s
            .approved(Action::Return, T0 + 3, |by| {
                Ok::<_, SessionError>(by.id.clone())
            })
            .unwrap();
        assert_eq!(by, "1");
        assert!(
            !s.allows(Action::Return, T0 + 4),
            "used up by the step that worked"
        );
        // A failed step after the cashier logged out does not bring the approval back.
        s.approve(&j, Action::Return, "1", Some(&pin("1111")), T0 + 5)
            .unwrap();
        let _ = s.approved(Action::Return, T0 + 6, |_| {
            s.log_out(&mut j, false, T0 + 6).unwrap();
            Err::<(), _>(SessionError::NotLoggedIn)
        });
        s.log_in(&mut j, "7", Some(&pin("4711")), false, T0 + 7)
            .unwrap();
        assert!(!s.allows(Action::Return, T0 + 8));
    }

    #[test]
    fn a_cashier_is_refused_manager_actions_unless_a_manager_approves_that_one() {
        let (s, mut j) = staffed();
        s.log_in(&mut j, "7", Some(&pin("4711")), false, T0)
            .unwrap();
        assert_eq!(s.require(Action::Sell, T0).unwrap().id, "7");
        assert_eq!(s.require(Action::XReport, T0).unwrap().id, "7");
        for action in [
            Action::Return,
            Action::ZReport,
            Action::Settings,
            Action::TrainingMode,
            Action::ManageStaff,
            Action::ExportJournal,
            Action::MarkTransferSent,
            Action::ShopReport,
        ] {
            let e = s.require(action, T0).unwrap_err();
            assert_eq!(e.needs_manager(), Some(action));
        }
        assert_eq!(
            s.require(Action::ZReport, T0).unwrap_err().to_string(),
            "The Z report needs a manager."
        );
        // A cashier cannot approve; a wrong manager PIN does not approve.
        let e = s
            .approve(&j, Action::ZReport, "7", Some(&pin("4711")), T0)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Kari is a cashier: only a manager can approve this."
        );
        assert!(matches!(
            s.approve(&j, Action::ZReport, "1", Some(&pin("9999")), T0),
            Err(SessionError::WrongPin)
        ));
        // The manager approves the Z once: it passes, naming the manager, then is used up.
        s.approve(&j, Action::ZReport, "1", Some(&pin("1111")), T0)
            .unwrap();
        assert!(s.allows(Action::ZReport, T0));
        assert!(
            s.require(Action::Return, T0).is_err(),
            "only the action approved"
        );
        assert_eq!(s.require(Action::ZReport, T0 + 1).unwrap().id, "1");
        assert!(s.require(Action::ZReport, T0 + 2).is_err(), "used up");
        // An approval runs out.
        s.approve(&j, Action::Return, "1", Some(&pin("1111")), T0)
            .unwrap();
        assert!(s.require(Action::Return, T0 + APPROVAL_MS).is_err());
        // The cashier's connection still names the cashier.
        assert_eq!(j.employee(), Some("7"));
        // A cashier cannot manage staff.
        let e = set_pin(&s, &mut j, "1", &pin("2222"), &[4; 16], T0).unwrap_err();
        assert_eq!(e.to_string(), "Managing employees needs a manager.");
    }

    #[test]
    fn the_last_active_manager_is_never_demoted_or_turned_off_and_off_means_no_login() {
        let (s, mut j) = staffed();
        let e = set_role(&s, &mut j, "1", Role::Cashier, T0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Owner is the till's last active manager: make someone else a manager first."
        );
        assert!(set_active(&s, &mut j, "1", false, T0).is_err());
        set_role(&s, &mut j, "7", Role::Manager, T0).unwrap();
        set_active(&s, &mut j, "7", false, T0).unwrap();
        assert!(set_active(&s, &mut j, "1", false, T0).is_err(), "7 is off");
        let e = s
            .log_in(&mut j, "7", Some(&pin("4711")), false, T0)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "Kari is turned off at this till; a manager can turn them on again."
        );
        set_active(&s, &mut j, "7", true, T0).unwrap();
        set_role(&s, &mut j, "1", Role::Cashier, T0).unwrap();
        // The owner, now a cashier and still logged in, has lost the manager's steps.
        assert!(s.require(Action::ManageStaff, T0).is_err());
        let roles: Vec<(String, Role, bool)> = staff(&j)
            .unwrap()
            .into_iter()
            .map(|m| (m.id, m.role, m.active))
            .collect();
        assert_eq!(
            roles,
            [
                ("1".into(), Role::Cashier, true),
                ("7".into(), Role::Manager, true)
            ]
        );
    }

    #[test]
    fn a_pinless_employee_cannot_log_in_once_others_are_active() {
        let (s, mut j) = staffed();
        // Another manager adds a third employee; the owner's PIN is cleared by hand (an
        // older till): the owner without a PIN is refused, not let in.
        j.set_employee_pin("1", "").unwrap();
        let e = s.log_in(&mut j, "1", None, false, T0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Owner has no PIN yet; a manager must set one before Owner can log in."
        );
        assert!(is_default("1") && !is_default("7"));
    }
}
