//! Cashiers (issue 12): who is at the till, what they may do, and their PINs.
//!
//! Pure logic like the rest of `kassa-shop`: no I/O, no clock, no random numbers. The host
//! passes in the time (`now_ms`, milliseconds since the Unix epoch) and the salt of a new PIN
//! hash (16 bytes from the OS's random source).
//!
//! * [`Role`] and [`Employee`]: a named employee with a role, checked when added.
//! * [`Action`]: what a cashier may ask for, and which of those need a manager
//!   ([`Action::needs_manager`], [`Role::may`]): returns, Z reports, settings, training mode,
//!   the staff list, the journal export, marking a bank transfer sent and the shop's report
//!   of every till (from the hub).
//! * [`Pin`], [`hash_pin`], [`verify_pin`]: a PIN is 4 to 8 digits; it is stored only as an
//!   argon2id hash in the PHC string format (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so
//!   the cost travels with the hash and a stronger cost later still verifies old hashes. A
//!   [`Pin`] never prints: its `Debug` is `****` and it has no `Display`; its memory is wiped
//!   when it is dropped.
//! * [`PinGuard`]: five wrong PINs in a row at a till → a pause of 30 seconds, doubling on each
//!   further five wrong, at most 15 minutes; a right PIN ends it. Serializable, so the host
//!   keeps it across a restart (a restart is no way around the pause).
//! * [`default_employee`]: the one-tap employee of a till with one person.
//!
//! ```
//! use kassa_shop::staff::{Action, HashCost, Pin, PinGuard, Role, hash_pin_with, verify_pin};
//!
//! let pin = Pin::parse("4711")?;
//! let salt = [7u8; 16]; // from the OS's random source in the host
//! # let cost = HashCost { memory_kib: 8, iterations: 1, lanes: 1 }; // cheap for the doc test
//! let phc = hash_pin_with(&pin, &salt, cost)?; // hash_pin(&pin, &salt) in production
//! assert!(phc.starts_with("$argon2id$"));
//!
//! let mut guard = PinGuard::new();
//! let now_ms = 1_772_450_000_000;
//! guard.check(now_ms)?;
//! let ok = verify_pin(&Pin::parse("1234")?, &phc)?;
//! guard.record(ok, now_ms);
//! assert!(!ok);
//!
//! assert!(Role::Manager.may(Action::ZReport));
//! assert!(!Role::Cashier.may(Action::ZReport));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use argon2::password_hash::phc::{Ident, PasswordHash};
use argon2::password_hash::{CustomizedPasswordHasher, Error as HashError, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// What went wrong with an employee, a PIN or its hash, in the cashier's or manager's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    #[error("Type a PIN.")]
    PinEmpty,
    #[error("A PIN is digits only (0 to 9).")]
    PinNotDigits,
    #[error("A PIN is 4 to 8 digits; this one has {0}.")]
    PinLength(usize),
    #[error("Type the employee's name.")]
    NameEmpty,
    #[error("An employee's name is at most 60 characters; this one has {0}.")]
    NameTooLong(usize),
    #[error("An employee's name cannot hold control characters (such as a line break).")]
    NameControl,
    #[error("Give the employee a number or short code.")]
    IdEmpty,
    #[error("An employee number is at most 35 characters; this one has {0}.")]
    IdTooLong(usize),
    #[error("An employee number is letters, digits, '-', '_' and '.' only.")]
    IdCharacters,
    #[error("The role \"{0}\" is not known; it is \"cashier\" or \"manager\".")]
    UnknownRole(String),
    #[error("{} needs a manager.", .0.sentence_subject())]
    NeedsManager(Action),
    /// Building the hash failed (a cost out of range); the message says which.
    #[error("The PIN could not be stored: {0}.")]
    Hash(String),
    /// A stored hash that is not one Kassa writes (damaged, or another algorithm).
    #[error("This employee's stored PIN is damaged ({0}); a manager must set a new PIN.")]
    BadStoredHash(String),
    #[error(transparent)]
    Locked(#[from] Locked),
}

// ---------------------------------------------------------------------------------------------
// Roles, actions and employees
// ---------------------------------------------------------------------------------------------

/// An employee's role at the till.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Cashier,
    Manager,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Cashier, Role::Manager];

    /// The journal's text for the role: `"cashier"` or `"manager"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Cashier => "cashier",
            Role::Manager => "manager",
        }
    }

    /// Reads the journal's text (surrounding spaces and case are forgiven).
    pub fn parse(text: &str) -> Result<Role, StaffError> {
        let t = text.trim();
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(t))
            .ok_or_else(|| StaffError::UnknownRole(t.to_string()))
    }

    /// Whether someone with this role may do `action`: a manager may do everything, a cashier
    /// whatever does not [need a manager](Action::needs_manager).
    pub fn may(self, action: Action) -> bool {
        match self {
            Role::Manager => true,
            Role::Cashier => !action.needs_manager(),
        }
    }

    /// [`Role::may`] as a `Result` with the sentence to show ("A return needs a manager.").
    pub fn check(self, action: Action) -> Result<(), StaffError> {
        if self.may(action) {
            Ok(())
        } else {
            Err(StaffError::NeedsManager(action))
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an employee may ask the till for, where the answer depends on their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    /// Ring up and take payment for a sale.
    Sell,
    /// Print or show an X report (the day so far; changes nothing).
    XReport,
    /// Give money back for a sale.
    Return,
    /// Close the day with a Z report.
    ZReport,
    /// Change the till's settings.
    Settings,
    /// Turn training mode on or off.
    TrainingMode,
    /// Add employees, change their PINs or roles, deactivate them.
    ManageStaff,
    /// Export the journal (SAF-T, bookkeeping CSV).
    ExportJournal,
    /// Mark a bank transfer (a pay-by-bank refund) as sent.
    MarkTransferSent,
    /// See the whole shop's day from its hub: every till's figures (issue 14).
    ShopReport,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::Sell,
        Action::XReport,
        Action::Return,
        Action::ZReport,
        Action::Settings,
        Action::TrainingMode,
        Action::ManageStaff,
        Action::ExportJournal,
        Action::MarkTransferSent,
        Action::ShopReport,
    ];

    /// Whether only a manager may do it. Selling and the X report are every cashier's; anything
    /// that gives money back, closes the day, changes the till or its people, takes the books
    /// out of it or shows the whole shop's books needs a manager.
    pub fn needs_manager(self) -> bool {
        match self {
            Action::Sell | Action::XReport => false,
            Action::Return
            | Action::ZReport
            | Action::Settings
            | Action::TrainingMode
            | Action::ManageStaff
            | Action::ExportJournal
            | Action::MarkTransferSent
            | Action::ShopReport => true,
        }
    }

    /// The action as the subject of a sentence: "A return", "The Z report", …
    pub fn sentence_subject(self) -> &'static str {
        match self {
            Action::Sell => "Selling",
            Action::XReport => "The X report",
            Action::Return => "A return",
            Action::ZReport => "The Z report",
            Action::Settings => "Changing the settings",
            Action::TrainingMode => "Turning training mode on or off",
            Action::ManageStaff => "Managing employees",
            Action::ExportJournal => "Exporting the journal",
            Action::MarkTransferSent => "Marking a bank transfer sent",
            Action::ShopReport => "The shop's report of every till",
        }
    }
}

/// An employee as the till knows them: the id the journal records with every sale, receipt,
/// return, report and event, the name on the receipt and in the export, and the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Employee {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// The longest employee name, in characters.
pub const NAME_MAX_CHARS: usize = 60;
/// The longest employee id, in characters: SAF-T's `empID` is an `IdentificationString35`.
pub const ID_MAX_CHARS: usize = 35;

impl Employee {
    /// A new employee, checked: the id is 1 to 35 of `A-Z a-z 0-9 - _ .` (it goes into the SAF-T
    /// export as `empID`), the name 1 to 60 characters without control characters. Both are
    /// trimmed of surrounding spaces.
    pub fn new(id: &str, name: &str, role: Role) -> Result<Employee, StaffError> {
        Ok(Employee {
            id: check_id(id)?,
            name: check_name(name)?,
            role,
        })
    }

    /// Whether this employee may do `action` ([`Role::may`]).
    pub fn may(&self, action: Action) -> bool {
        self.role.may(action)
    }

    /// [`Role::check`] for this employee.
    pub fn check(&self, action: Action) -> Result<(), StaffError> {
        self.role.check(action)
    }
}

/// Checks and trims an employee id.
pub fn check_id(id: &str) -> Result<String, StaffError> {
    let id = id.trim();
    let n = id.chars().count();
    if n == 0 {
        return Err(StaffError::IdEmpty);
    }
    if n > ID_MAX_CHARS {
        return Err(StaffError::IdTooLong(n));
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(StaffError::IdCharacters);
    }
    Ok(id.to_string())
}

/// Checks and trims an employee name.
pub fn check_name(name: &str) -> Result<String, StaffError> {
    let name = name.trim();
    let n = name.chars().count();
    if n == 0 {
        return Err(StaffError::NameEmpty);
    }
    if n > NAME_MAX_CHARS {
        return Err(StaffError::NameTooLong(n));
    }
    if name.chars().any(char::is_control) {
        return Err(StaffError::NameControl);
    }
    Ok(name.to_string())
}

/// The id of [`default_employee`].
pub const DEFAULT_EMPLOYEE_ID: &str = "1";
/// The English name of [`default_employee`] (the host gives it in the language spoken).
pub const DEFAULT_EMPLOYEE_NAME: &str = "Owner";

/// The employee of a till with one person: id `"1"`, named `name` ("Owner" in English: the
/// host gives the word in the language spoken when the till first starts), a manager (the one person
/// does everything, Z reports and returns included). The host logs them in with one tap, no
/// PIN, while they are the till's only active employee; the journal still records `"1"` as the
/// employee of every sale, receipt, return, report and event, and the SAF-T export lists them,
/// so the books always name someone. The owner may rename them (the id stays) and add
/// colleagues; once there is more than one, everyone logs in with a PIN.
pub fn default_employee(name: &str) -> Employee {
    Employee {
        id: DEFAULT_EMPLOYEE_ID.to_string(),
        // A name the checks refuse (a catalogue gone wrong) keeps the English one.
        name: check_name(name).unwrap_or_else(|_| DEFAULT_EMPLOYEE_NAME.to_string()),
        role: Role::Manager,
    }
}

// ---------------------------------------------------------------------------------------------
// PINs and their hashes
// ---------------------------------------------------------------------------------------------

/// The fewest digits in a PIN.
pub const PIN_MIN_DIGITS: usize = 4;
/// The most digits in a PIN.
pub const PIN_MAX_DIGITS: usize = 8;

/// A PIN as typed: 4 to 8 ASCII digits. It never prints (`Debug` is `****`, there is no
/// `Display` and no `Serialize`), and its memory is wiped when it is dropped. There is no `==`
/// either: a PIN is only ever compared through its hash ([`verify_pin`]).
#[derive(Clone)]
pub struct Pin(String);

impl Pin {
    /// Checks what was typed: surrounding spaces are forgiven, then 4 to 8 digits 0–9.
    pub fn parse(text: &str) -> Result<Pin, StaffError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(StaffError::PinEmpty);
        }
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(StaffError::PinNotDigits);
        }
        // All ASCII, so bytes are digits.
        if !(PIN_MIN_DIGITS..=PIN_MAX_DIGITS).contains(&t.len()) {
            return Err(StaffError::PinLength(t.len()));
        }
        Ok(Pin(t.to_string()))
    }

    fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("****")
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// The cost of an argon2id hash: memory in KiB, passes over it, lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashCost {
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
}

impl HashCost {
    /// What [`hash_pin`] uses: OWASP's minimum for argon2id, 19 MiB, 2 passes, 1 lane (also
    /// the `argon2` crate's default).
    pub const PRODUCTION: HashCost = HashCost {
        memory_kib: 19 * 1024,
        iterations: 2,
        lanes: 1,
    };

    /// The most a stored hash may ask of [`verify_pin`]: 256 MiB, 16 passes, 8 lanes. A stored
    /// hash asking for more is refused as damaged instead of exhausting the till's memory.
    pub const MAX_ACCEPTED: HashCost = HashCost {
        memory_kib: 256 * 1024,
        iterations: 16,
        lanes: 8,
    };

    fn params(self) -> Result<Params, StaffError> {
        Params::new(self.memory_kib, self.iterations, self.lanes, None)
            .map_err(|e| StaffError::Hash(e.to_string()))
    }
}

/// The length of the salt [`hash_pin`] takes (argon2's recommended 16 bytes).
pub const SALT_LEN: usize = 16;

/// Hashes a PIN with argon2id at [`HashCost::PRODUCTION`], returned as a PHC string
/// (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, base64 without padding). `salt` must be
/// fresh random bytes for every hash (a new PIN, a changed PIN); the host draws them from the
/// OS's random source.
pub fn hash_pin(pin: &Pin, salt: &[u8; SALT_LEN]) -> Result<String, StaffError> {
    hash_pin_with(pin, salt, HashCost::PRODUCTION)
}

/// [`hash_pin`] at another cost (the tests use a cheap one; production code uses
/// [`hash_pin`]).
pub fn hash_pin_with(
    pin: &Pin,
    salt: &[u8; SALT_LEN],
    cost: HashCost,
) -> Result<String, StaffError> {
    let params = cost.params()?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_customized(
            pin.as_bytes(),
            salt,
            Some(Algorithm::Argon2id.ident().as_str()),
            Some(Version::V0x13.into()),
            params,
        )
        .map(|hash| hash.to_string())
        .map_err(|e| StaffError::Hash(e.to_string()))
}

/// Whether `pin` is the one `phc` was made from: `Ok(true)` right, `Ok(false)` wrong. The cost
/// and salt are read from the PHC string; the comparison is constant-time (the `argon2`
/// crate's). Only argon2id hashes within [`HashCost::MAX_ACCEPTED`] are accepted; anything
/// else is [`StaffError::BadStoredHash`].
pub fn verify_pin(pin: &Pin, phc: &str) -> Result<bool, StaffError> {
    let bad = |why: &str| StaffError::BadStoredHash(why.to_string());
    let hash = PasswordHash::new(phc).map_err(|_| bad("not a PHC string"))?;
    if hash.algorithm != argon2id_ident() {
        return Err(bad("not an argon2id hash"));
    }
    let params = Params::try_from(&hash).map_err(|_| bad("its cost cannot be read"))?;
    let max = HashCost::MAX_ACCEPTED;
    if params.m_cost() > max.memory_kib
        || params.t_cost() > max.iterations
        || params.p_cost() > max.lanes
    {
        return Err(bad("its cost is beyond what Kassa accepts"));
    }
    if hash.salt.is_none() || hash.hash.is_none() {
        return Err(bad("no salt or no hash"));
    }
    match Argon2::default().verify_password(pin.as_bytes(), &hash) {
        Ok(()) => Ok(true),
        Err(HashError::PasswordInvalid) => Ok(false),
        Err(e) => Err(StaffError::BadStoredHash(e.to_string())),
    }
}

fn argon2id_ident() -> Ident {
    Algorithm::Argon2id.ident()
}

// ---------------------------------------------------------------------------------------------
// The lockout guard
// ---------------------------------------------------------------------------------------------

/// Wrong PINs in a row before each pause.
pub const WRONG_PER_PAUSE: u32 = 5;
/// The first pause.
pub const FIRST_PAUSE_MS: i64 = 30_000;
/// The longest pause.
pub const MAX_PAUSE_MS: i64 = 15 * 60_000;

/// The till is paused after too many wrong PINs, until `until_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Too many wrong PINs. Try again in {}.", wait_words(*.wait_ms))]
pub struct Locked {
    /// When PINs are taken again (milliseconds since the Unix epoch).
    pub until_ms: i64,
    /// How long that is from the `now_ms` the guard was asked at.
    pub wait_ms: i64,
}

impl Locked {
    /// The wait in whole seconds, rounded up (what the sentence says below two minutes).
    pub fn wait_seconds(&self) -> i64 {
        ceil_div(self.wait_ms, 1000)
    }
}

fn ceil_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if a % b > 0 { q + 1 } else { q }
}

/// "30 seconds", "1 second", below two minutes; "4 minutes" (rounded up) from there.
fn wait_words(wait_ms: i64) -> String {
    let seconds = ceil_div(wait_ms.max(1), 1000);
    if seconds == 1 {
        "1 second".to_string()
    } else if seconds < 120 {
        format!("{seconds} seconds")
    } else {
        format!("{} minutes", ceil_div(seconds, 60))
    }
}

/// The wrong-PIN lockout of one till. Before a PIN is tried, [`PinGuard::check`]; after,
/// [`PinGuard::record`] whether it was right. Five wrong in a row start a pause of 30 seconds;
/// each further five wrong in a row (after the pause) double it, up to 15 minutes; a right PIN
/// clears the count and any pause. A PIN that is not even 4 to 8 digits should be recorded as
/// wrong too.
///
/// It is serializable so the host can keep it (in the journal or the settings) and restore it
/// after a restart. If the clock is set back during a pause, the pause is counted from the
/// earlier time: it never lasts longer than its own length from `now_ms`, and never ends early.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PinGuard {
    /// Wrong PINs since the last right one.
    wrong_in_row: u32,
    /// The pause under way, if any: when it started and when it ends.
    paused_from_ms: Option<i64>,
    paused_until_ms: Option<i64>,
}

impl PinGuard {
    pub fn new() -> PinGuard {
        PinGuard::default()
    }

    /// Wrong PINs in a row so far.
    pub fn wrong_in_row(&self) -> u32 {
        self.wrong_in_row
    }

    /// Whether a PIN may be tried at `now_ms`, or when it may.
    pub fn check(&self, now_ms: i64) -> Result<(), Locked> {
        let (Some(from), Some(until)) = (self.paused_from_ms, self.paused_until_ms) else {
            return Ok(());
        };
        // Clock set back before the pause began: count the whole pause from now.
        let (until_ms, wait_ms) = if now_ms < from {
            let length = until.saturating_sub(from);
            (now_ms.saturating_add(length), length)
        } else {
            (until, until.saturating_sub(now_ms))
        };
        if wait_ms > 0 {
            Err(Locked { until_ms, wait_ms })
        } else {
            Ok(())
        }
    }

    /// Records a try at `now_ms`: `ok` is whether the PIN was right.
    pub fn record(&mut self, ok: bool, now_ms: i64) {
        if ok {
            *self = PinGuard::default();
            return;
        }
        self.wrong_in_row = self.wrong_in_row.saturating_add(1);
        if self.wrong_in_row % WRONG_PER_PAUSE == 0 {
            let length = pause_length(self.wrong_in_row / WRONG_PER_PAUSE);
            self.paused_from_ms = Some(now_ms);
            self.paused_until_ms = Some(now_ms.saturating_add(length));
        }
    }
}

/// The `n`th pause (n ≥ 1): 30 s × 2^(n−1), at most 15 minutes.
fn pause_length(n: u32) -> i64 {
    let doublings = n.saturating_sub(1).min(32);
    FIRST_PAUSE_MS
        .saturating_mul(1_i64 << doublings)
        .min(MAX_PAUSE_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheapest cost argon2 allows, so the debug-build tests stay quick; one test below
    /// uses [`HashCost::PRODUCTION`].
    const CHEAP: HashCost = HashCost {
        memory_kib: 8,
        iterations: 1,
        lanes: 1,
    };

    fn pin(text: &str) -> Pin {
        match Pin::parse(text) {
            Ok(p) => p,
            Err(e) => panic!("{text:?} should be a PIN: {e}"),
        }
    }

    fn cheap_hash(text: &str, salt: u8) -> String {
        hash_pin_with(&pin(text), &[salt; SALT_LEN], CHEAP).unwrap()
    }

    // --- PIN formats -----------------------------------------------------------------------

    #[test]
    fn pins_of_four_to_eight_digits_are_taken() {
        for text in [
            "0000", "1234", "12345", "987654", "0123456", "99999999", " 4711\n",
        ] {
            assert!(Pin::parse(text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn bad_pin_formats_are_refused_each_with_its_sentence() {
        let cases: [(&str, StaffError, &str); 9] = [
            ("", StaffError::PinEmpty, "Type a PIN."),
            ("   ", StaffError::PinEmpty, "Type a PIN."),
            (
                "123",
                StaffError::PinLength(3),
                "A PIN is 4 to 8 digits; this one has 3.",
            ),
            (
                "1",
                StaffError::PinLength(1),
                "A PIN is 4 to 8 digits; this one has 1.",
            ),
            (
                "123456789",
                StaffError::PinLength(9),
                "A PIN is 4 to 8 digits; this one has 9.",
            ),
            (
                "12a4",
                StaffError::PinNotDigits,
                "A PIN is digits only (0 to 9).",
            ),
            (
                "12 34",
                StaffError::PinNotDigits,
                "A PIN is digits only (0 to 9).",
            ),
            (
                "-1234",
                StaffError::PinNotDigits,
                "A PIN is digits only (0 to 9).",
            ),
            // Arabic-Indic digits are digits to Unicode, not to a PIN pad.
            (
                "١٢٣٤",
                StaffError::PinNotDigits,
                "A PIN is digits only (0 to 9).",
            ),
        ];
        for (text, error, sentence) in cases {
            let got = Pin::parse(text).unwrap_err();
            assert_eq!(got, error, "{text:?}");
            assert_eq!(got.to_string(), sentence, "{text:?}");
        }
    }

    #[test]
    fn a_pin_never_prints() {
        let p = pin("4711");
        assert_eq!(format!("{p:?}"), "****");
        assert_eq!(format!("{:?}", Some(p.clone())), "Some(****)");
        assert!(!format!("{:#?}", (p, 1)).contains("4711"));
    }

    // --- Hashing ---------------------------------------------------------------------------

    #[test]
    fn the_production_hash_is_argon2id_at_owasps_minimum_and_verifies() {
        let p = pin("20260302");
        let phc = hash_pin(&p, &[42; SALT_LEN]).unwrap();
        assert!(
            phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "the cost travels with the hash: {phc}"
        );
        assert!(!phc.contains("20260302"));
        assert!(verify_pin(&p, &phc).unwrap());
        assert!(!verify_pin(&pin("20260303"), &phc).unwrap());
    }

    #[test]
    fn verify_says_right_for_the_right_pin_and_wrong_for_any_other() {
        let phc = cheap_hash("4711", 1);
        assert_eq!(verify_pin(&pin("4711"), &phc), Ok(true));
        assert_eq!(verify_pin(&pin(" 4711 "), &phc), Ok(true));
        for wrong in ["4712", "1147", "47110", "0000", "04711"] {
            assert_eq!(verify_pin(&pin(wrong), &phc), Ok(false), "{wrong}");
        }
    }

    #[test]
    fn the_phc_string_never_contains_the_pin() {
        for text in ["1234", "0000", "4711", "12345678", "98765432"] {
            for salt in 0..4u8 {
                let phc = cheap_hash(text, salt);
                assert!(!phc.contains(text), "{text} in {phc}");
                assert!(phc.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), "{phc}");
            }
        }
    }

    #[test]
    fn one_pin_with_two_salts_gives_two_hashes_that_both_verify() {
        let a = cheap_hash("4711", 1);
        let b = cheap_hash("4711", 2);
        assert_ne!(a, b);
        // The salt part (the 5th `$` field) differs too, not only the output.
        assert_ne!(a.split('$').nth(4), b.split('$').nth(4));
        assert!(verify_pin(&pin("4711"), &a).unwrap());
        assert!(verify_pin(&pin("4711"), &b).unwrap());
        // Same PIN, same salt, same cost: the same hash (nothing random inside).
        assert_eq!(a, cheap_hash("4711", 1));
    }

    #[test]
    fn a_stored_hash_that_is_not_kassas_is_refused_not_taken_as_a_wrong_pin() {
        let good = cheap_hash("4711", 3);
        let argon2i = good.replacen("$argon2id$", "$argon2i$", 1);
        let greedy = good.replacen("m=8,", "m=4194304,", 1);
        let no_hash = good
            .rsplit_once('$')
            .map(|(head, _)| head.to_string())
            .unwrap();
        for stored in [
            "",
            "4711",
            "$2b$12$abcdefghijklmnopqrstuv",
            argon2i.as_str(),
            greedy.as_str(),
            no_hash.as_str(),
        ] {
            let got = verify_pin(&pin("4711"), stored);
            assert!(
                matches!(got, Err(StaffError::BadStoredHash(_))),
                "{stored:?}: {got:?}"
            );
        }
        let sentence = verify_pin(&pin("4711"), "4711").unwrap_err().to_string();
        assert_eq!(
            sentence,
            "This employee's stored PIN is damaged (not a PHC string); a manager must set a new PIN."
        );
    }

    #[test]
    fn a_changed_hash_output_does_not_verify() {
        let good = cheap_hash("4711", 5);
        let (head, out) = good.rsplit_once('$').unwrap();
        let flipped: String = out
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    if c == 'A' { 'B' } else { 'A' }
                } else {
                    c
                }
            })
            .collect();
        assert_eq!(
            verify_pin(&pin("4711"), &format!("{head}${flipped}")),
            Ok(false)
        );
    }

    #[test]
    fn a_cost_out_of_range_is_an_error_not_a_panic() {
        let zero = HashCost {
            memory_kib: 8,
            iterations: 0,
            lanes: 1,
        };
        let got = hash_pin_with(&pin("4711"), &[0; SALT_LEN], zero);
        assert!(matches!(got, Err(StaffError::Hash(_))), "{got:?}");
    }

    // --- Roles, actions, employees ---------------------------------------------------------

    #[test]
    fn the_roles_and_actions_table() {
        use Action::*;
        // (action, cashier may, manager may)
        let table = [
            (Sell, true, true),
            (XReport, true, true),
            (Return, false, true),
            (ZReport, false, true),
            (Settings, false, true),
            (TrainingMode, false, true),
            (ManageStaff, false, true),
            (ExportJournal, false, true),
            (MarkTransferSent, false, true),
            (ShopReport, false, true),
        ];
        assert_eq!(table.len(), Action::ALL.len());
        for (action, cashier, manager) in table {
            assert_eq!(Role::Cashier.may(action), cashier, "{action:?}");
            assert_eq!(Role::Manager.may(action), manager, "{action:?}");
            assert_eq!(action.needs_manager(), !cashier, "{action:?}");
            assert_eq!(Role::Cashier.check(action).is_ok(), cashier, "{action:?}");
            assert_eq!(Role::Manager.check(action), Ok(()), "{action:?}");
        }
        assert_eq!(
            Role::Cashier.check(Return).unwrap_err().to_string(),
            "A return needs a manager."
        );
        assert_eq!(
            Role::Cashier.check(ZReport).unwrap_err().to_string(),
            "The Z report needs a manager."
        );
    }

    #[test]
    fn roles_read_and_write_the_journals_text() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
            assert_eq!(
                serde_json::to_string(&role).unwrap(),
                format!("\"{}\"", role.as_str())
            );
        }
        assert_eq!(Role::as_str(Role::Cashier), "cashier");
        assert_eq!(Role::as_str(Role::Manager), "manager");
        assert_eq!(Role::parse(" Manager "), Ok(Role::Manager));
        let err = Role::parse("owner").unwrap_err();
        assert_eq!(err, StaffError::UnknownRole("owner".into()));
        assert_eq!(
            err.to_string(),
            "The role \"owner\" is not known; it is \"cashier\" or \"manager\"."
        );
    }

    #[test]
    fn a_new_employee_is_trimmed_and_checked() {
        let e = Employee::new(" 7 ", "  Kari Nordmann ", Role::Cashier).unwrap();
        assert_eq!(e.id, "7");
        assert_eq!(e.name, "Kari Nordmann");
        assert!(e.may(Action::Sell));
        assert!(!e.may(Action::Return));

        let sixty = "Å".repeat(60);
        assert_eq!(
            Employee::new("x-1_a.B", &sixty, Role::Manager)
                .unwrap()
                .name,
            sixty
        );
        let id35 = "9".repeat(35);
        assert!(Employee::new(&id35, "A", Role::Manager).is_ok());

        let cases: [(&str, &str, StaffError); 7] = [
            ("1", "   ", StaffError::NameEmpty),
            ("1", &"Å".repeat(61), StaffError::NameTooLong(61)),
            ("1", "Kari\nNordmann", StaffError::NameControl),
            ("  ", "Kari", StaffError::IdEmpty),
            (&"9".repeat(36), "Kari", StaffError::IdTooLong(36)),
            ("7 8", "Kari", StaffError::IdCharacters),
            ("kåre", "Kari", StaffError::IdCharacters),
        ];
        for (id, name, error) in cases {
            assert_eq!(
                Employee::new(id, name, Role::Cashier),
                Err(error),
                "{id:?} {name:?}"
            );
        }
        assert_eq!(
            StaffError::NameTooLong(61).to_string(),
            "An employee's name is at most 60 characters; this one has 61."
        );
    }

    #[test]
    fn the_default_employee_is_a_named_manager_who_passes_the_checks() {
        let e = default_employee(DEFAULT_EMPLOYEE_NAME);
        assert_eq!(e.id, "1");
        assert_eq!(e.name, "Owner");
        assert_eq!(e.role, Role::Manager);
        assert_eq!(Employee::new(&e.id, &e.name, e.role), Ok(e.clone()));
        assert!(Action::ALL.iter().all(|a| e.may(*a)));
        assert_eq!(default_employee(" Ejer ").name, "Ejer");
        assert_eq!(default_employee("").name, "Owner", "never nameless");
    }

    // --- The lockout guard -----------------------------------------------------------------

    const T0: i64 = 1_772_450_000_000;

    fn wrong(guard: &mut PinGuard, times: u32, at: i64) {
        for _ in 0..times {
            assert_eq!(guard.check(at), Ok(()));
            guard.record(false, at);
        }
    }

    #[test]
    fn four_wrong_pins_do_not_pause_a_fifth_does() {
        let mut g = PinGuard::new();
        wrong(&mut g, 4, T0);
        assert_eq!(g.check(T0), Ok(()));
        assert_eq!(g.wrong_in_row(), 4);
        g.record(false, T0 + 1_000);
        let locked = g.check(T0 + 1_000).unwrap_err();
        assert_eq!(
            locked,
            Locked {
                until_ms: T0 + 31_000,
                wait_ms: 30_000
            }
        );
        assert_eq!(
            locked.to_string(),
            "Too many wrong PINs. Try again in 30 seconds."
        );
        assert_eq!(locked.wait_seconds(), 30);
    }

    #[test]
    fn the_pause_counts_down_and_then_passes() {
        let mut g = PinGuard::new();
        wrong(&mut g, 5, T0);
        let at = |ms| g.check(T0 + ms);
        assert_eq!(
            at(12_000).unwrap_err().to_string(),
            "Too many wrong PINs. Try again in 18 seconds."
        );
        // Rounded up: 0.4 s left is "1 second", never "0 seconds".
        assert_eq!(
            at(29_600).unwrap_err().to_string(),
            "Too many wrong PINs. Try again in 1 second."
        );
        assert_eq!(at(29_999).unwrap_err().wait_ms, 1);
        assert_eq!(at(30_000), Ok(()));
        assert_eq!(at(3_600_000), Ok(()));
    }

    #[test]
    fn each_further_five_wrong_doubles_the_pause_up_to_fifteen_minutes() {
        let mut g = PinGuard::new();
        let mut now = T0;
        let mut pauses = Vec::new();
        for _ in 0..8 {
            wrong(&mut g, 4, now);
            assert_eq!(g.check(now), Ok(()), "no pause before the fifth");
            g.record(false, now);
            let locked = g.check(now).unwrap_err();
            pauses.push(locked.wait_ms / 1000);
            now = locked.until_ms;
        }
        assert_eq!(pauses, [30, 60, 120, 240, 480, 900, 900, 900]);
        assert_eq!(g.wrong_in_row(), 40);
    }

    #[test]
    fn long_pauses_are_said_in_minutes() {
        let mut g = PinGuard::new();
        let mut now = T0;
        for _ in 0..5 {
            wrong(&mut g, 5, now);
            now = g.check(now).unwrap_err().until_ms;
        }
        wrong(&mut g, 5, now);
        assert_eq!(
            g.check(now).unwrap_err().to_string(),
            "Too many wrong PINs. Try again in 15 minutes."
        );
        assert_eq!(
            g.check(now + 60_000).unwrap_err().to_string(),
            "Too many wrong PINs. Try again in 14 minutes."
        );
        assert_eq!(
            g.check(now + 900_000 - 90_000).unwrap_err().to_string(),
            "Too many wrong PINs. Try again in 90 seconds."
        );
    }

    #[test]
    fn a_right_pin_resets_the_count_and_the_doubling() {
        let mut g = PinGuard::new();
        wrong(&mut g, 5, T0);
        let after = g.check(T0).unwrap_err().until_ms;
        wrong(&mut g, 3, after);
        g.record(true, after);
        assert_eq!(g, PinGuard::new());
        // Four wrong after the right one: no pause; the fifth: the first pause again, 30 s.
        wrong(&mut g, 4, after);
        assert_eq!(g.check(after), Ok(()));
        g.record(false, after);
        assert_eq!(g.check(after).unwrap_err().wait_ms, 30_000);
    }

    #[test]
    fn wrong_pins_need_not_be_in_a_hurry_to_count() {
        // "In a row" means without a right PIN between, however far apart.
        let mut g = PinGuard::new();
        for i in 0..5 {
            g.record(false, T0 + i * 3_600_000);
        }
        assert!(g.check(T0 + 4 * 3_600_000).is_err());
    }

    #[test]
    fn a_clock_set_back_during_a_pause_never_shortens_or_stretches_it() {
        let mut g = PinGuard::new();
        wrong(&mut g, 5, T0);
        // An hour back: still the whole pause, counted from the new now.
        let locked = g.check(T0 - 3_600_000).unwrap_err();
        assert_eq!(locked.wait_ms, 30_000);
        assert_eq!(locked.until_ms, T0 - 3_600_000 + 30_000);
    }

    #[test]
    fn the_guard_survives_a_restart_as_json() {
        let mut g = PinGuard::new();
        wrong(&mut g, 5, T0);
        g.record(false, T0 + 5); // tried during the pause anyway: still counted
        let json = serde_json::to_string(&g).unwrap();
        let back: PinGuard = serde_json::from_str(&json).unwrap();
        assert_eq!(back, g);
        assert_eq!(back.wrong_in_row(), 6);
        assert_eq!(back.check(T0 + 10_000), g.check(T0 + 10_000));
        assert!(back.check(T0 + 10_000).is_err());
        // An empty object (an older settings file) is a fresh guard.
        assert_eq!(
            serde_json::from_str::<PinGuard>("{}").unwrap(),
            PinGuard::new()
        );
        assert_eq!(
            serde_json::to_value(PinGuard::new()).unwrap(),
            serde_json::json!({"wrongInRow": 0, "pausedFromMs": null, "pausedUntilMs": null})
        );
    }

    #[test]
    fn pause_lengths_never_overflow() {
        assert_eq!(pause_length(1), 30_000);
        assert_eq!(pause_length(u32::MAX), MAX_PAUSE_MS);
        let mut g = PinGuard {
            wrong_in_row: u32::MAX - 1,
            paused_from_ms: None,
            paused_until_ms: None,
        };
        g.record(false, i64::MAX - 1);
        g.record(false, i64::MAX);
        assert_eq!(g.wrong_in_row(), u32::MAX);
    }
}
