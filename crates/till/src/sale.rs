//! The sale as a state machine: [`Sale::on`] takes one input (time passing, a reply from
//! Aiia, the cashier's cancel, a webhook hint) at a given time and returns the effects to
//! carry out, in order. It does no I/O and reads no clock; the driver (`driver.rs`) carries
//! out the effects: at most one journal write per transition, always first, and the rest
//! only once that write is committed (journal first, then screens). A transition whose write
//! fails is thrown away whole and its input tried again, so memory never runs ahead of the
//! journal.
//!
//! The rules it keeps:
//! - a code is on screen only while it is at least `show_margin` from expiry, and only while
//!   no customer is in their bank with any code of the sale: then no new code is made
//!   either ("Approving in the bank…"), until that payment ends;
//! - an open sale gets its next code `rotate_before` its current one dies;
//! - every attempt with a payment id is read until Aiia calls it final; one read at a time
//!   per attempt, each on its own (a slow read delays only itself);
//! - the first executed payment (with the sale's amount) pays the sale; any other is flagged
//!   for a person, once; a payment for another amount is flagged, never paid;
//! - a decline ends the sale only when no other code of it can still be paid;
//! - "not found" is never final: read again with backoff for as long as a bank session
//!   could last, then the attempt is kept as lost, visible, and flagged.

use std::time::Duration;

use kassa_aiia::retry::backoff;
use kassa_money::Money;
use serde::{Serialize, Serializer};

use crate::PollSchedule;
use crate::events::Outcome;

/// A payment's status as the engine sees it (mapped from the wire at the gateway).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Status {
    Initiated,
    AwaitingAuthorization,
    Authorized,
    Executed,
    Rejected,
    Failed,
    Expired,
    /// A status this Kassa does not know: never final, so the payment stays followed.
    Other(String),
}

impl Status {
    pub fn parse(s: &str) -> Status {
        match s {
            "Initiated" => Status::Initiated,
            "AwaitingAuthorization" => Status::AwaitingAuthorization,
            "Authorized" => Status::Authorized,
            "Executed" => Status::Executed,
            "Rejected" => Status::Rejected,
            "Failed" => Status::Failed,
            "Expired" => Status::Expired,
            other => Status::Other(other.to_owned()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Status::Initiated => "Initiated",
            Status::AwaitingAuthorization => "AwaitingAuthorization",
            Status::Authorized => "Authorized",
            Status::Executed => "Executed",
            Status::Rejected => "Rejected",
            Status::Failed => "Failed",
            Status::Expired => "Expired",
            Status::Other(s) => s,
        }
    }

    pub fn is_final(&self) -> bool {
        match self {
            Status::Executed | Status::Rejected | Status::Failed | Status::Expired => true,
            Status::Initiated
            | Status::AwaitingAuthorization
            | Status::Authorized
            | Status::Other(_) => false,
        }
    }

    /// The customer has opened the code and is in their bank (or has approved there).
    pub fn in_bank(&self) -> bool {
        match self {
            Status::AwaitingAuthorization | Status::Authorized => true,
            Status::Initiated
            | Status::Executed
            | Status::Rejected
            | Status::Failed
            | Status::Expired
            | Status::Other(_) => false,
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Status {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Status {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The payment service's own reason for a status (`reason`, a code, and `description`, a
/// sentence), kept so the cashier reads why a payment ended unpaid. Not journaled: a restart
/// shows the status without it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BankReason {
    pub reason: Option<String>,
    pub description: Option<String>,
}

impl BankReason {
    /// A reason from what a reply carried; none when it carried nothing readable.
    pub fn new(reason: Option<String>, description: Option<String>) -> Option<BankReason> {
        let keep = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let (reason, description) = (keep(reason), keep(description));
        (reason.is_some() || description.is_some()).then_some(BankReason {
            reason,
            description,
        })
    }
}

/// Which call to Aiia failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    /// Making a code (`POST /v2/payments/accept`).
    Create,
    /// Reading a status (`GET /v2/payments/accept/{id}`).
    Status,
    /// Writing the journal (not a call to Aiia, but it holds the sale up the same way).
    Journal,
}

/// Why a call to Aiia failed, as the hosts explain it to the cashier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum Problem {
    /// The connection broke off after the call left (its outcome is unknown).
    LostReply,
    NoConnection,
    Timeout,
    /// Rate-limited: the service asked Kassa to wait.
    Busy,
    /// A 5xx.
    ServiceError,
    /// A reply Kassa cannot read (or one about another payment).
    Unreadable,
    /// The token request failed.
    SignIn,
    /// The service refused Kassa's credentials.
    CredentialsRefused,
    /// The service refused the call, with its message.
    Refused(String),
    /// The service does not know the payment.
    NotFound,
    /// Kassa's own settings are wrong.
    Settings(String),
    /// The journal could not be written (the disk is full, …); the sale waits for it.
    Journal(String),
}

/// Why a sale ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum EndReason {
    PaidByBank,
    CancelledByCashier,
    /// The customer declined in their bank.
    Declined,
    /// The bank could not complete the payment.
    BankFailed,
    /// Nobody approved within the sale's time (`give_up_after`), in whole seconds.
    NobodyApproved {
        after_s: u64,
    },
    /// The service refused to make a code, and retrying cannot help.
    CreateRefused(Problem),
    /// Another path (another process, an older Kassa) had ended the sale already.
    EndedElsewhere,
}

/// Why a payment needs a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FlagReason {
    /// Executed after the sale was already paid by another payment.
    PaidTwice,
    /// Executed after the sale ended unpaid (cancelled, failed).
    AfterEnd { ended: Outcome },
    /// The service reports another amount than the sale's: never counted as paid.
    AmountMismatch { reported: Money },
    /// The service stopped knowing the payment for as long as a bank session could last.
    Lost,
}

/// What a status change means for the screen beyond the status itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusNews {
    Changed,
    /// A customer's bank session ran out without an approval.
    LeftTheBank,
}

/// Why a code left the screen while the sale is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Withdrawn {
    /// A customer is approving in their bank: no second payable code is offered.
    InBank,
    /// Its time is up and no replacement is ready yet.
    Expiring,
}

/// What the sale's screen is about right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// No code on screen yet (or any more): one is being made.
    MakingCode,
    /// A code is on screen, waiting for a scan.
    Scanning,
    /// A customer is approving in their bank.
    InBank,
    /// The bank approved; the money is on its way.
    Authorized,
    Ended,
}

/// How a customer's payment ended unpaid while the sale goes on (another code can still be
/// paid, or a new one comes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftBank {
    /// The customer declined in their bank.
    Declined,
    /// The bank could not complete the payment.
    Failed,
    /// The bank session ran out without an approval.
    TimedOut,
}

/// What the sale's status line is about: its phase and the attempt the customer is on (the
/// code on screen while they scan, the code they are approving while in their bank), and,
/// once a customer left their bank unpaid and the sale goes on, how. A payment of any other
/// attempt (a replaced code that expires, a fresh code read while the customer approves an
/// older one) does not change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub phase: Phase,
    pub attempt: Option<i64>,
    pub left: Option<LeftBank>,
}

/// The timing rules of a sale (from `TillConfig`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    pub link_ttl: Duration,
    pub rotate_before: Duration,
    pub show_margin: Duration,
    pub poll: PollSchedule,
    pub retry_base: Duration,
    pub retry_max: Duration,
    pub status_retry_max: Duration,
    pub give_up_after: Option<Duration>,
    /// How long a bank session can last after the link was opened: "not found" is read
    /// again for this long before a payment counts as lost.
    pub bank_session: Duration,
}

/// A status read's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub payment_id: String,
    pub status: Status,
    /// The amount the service holds, when the reply carries one Kassa can read exactly.
    pub amount: Option<Money>,
    /// The service's reason for the status, when it gives one.
    pub bank: Option<BankReason>,
}

/// A failed call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallFailure {
    pub problem: Problem,
    /// The service asked for this wait.
    pub retry_after: Option<Duration>,
    /// Retrying may help (else the sale ends, for a create).
    pub transient: bool,
    /// The call may have created a payment anyway (its reply was lost).
    pub may_exist: bool,
    /// What the journal records about it.
    pub detail: String,
    /// Randomness for the retry wait's jitter (0: none), passed in.
    pub entropy: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Time passed.
    Tick,
    /// A hint (verified webhook): read every followed status now.
    Poke,
    /// The cashier cancels.
    Cancel,
    /// The create call for attempt `seq` answered with a payment.
    Created {
        seq: i64,
        payment_id: String,
        url: String,
    },
    /// The create call for attempt `seq` failed.
    NotCreated { seq: i64, failure: CallFailure },
    /// A status read of attempt `seq` finished.
    Read {
        seq: i64,
        reply: Result<Reply, CallFailure>,
    },
    /// The code of attempt `seq` cannot be drawn: it is never shown.
    Unshowable { seq: i64 },
}

/// What a status means for the books, written in the same transaction as the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Consequence {
    Nothing,
    Pay,
    Fail(EndReason),
    Flag(FlagReason),
}

/// One journal write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// The intent of a create call, before it is sent. `rotation`: a live code is replaced.
    BeginAttempt {
        seq: i64,
        reference: String,
        rotation: bool,
    },
    Created {
        seq: i64,
        payment_id: String,
        url: String,
        expires_at: i64,
    },
    NotCreated {
        seq: i64,
        /// The payment may exist (`unknown`) rather than surely not (`refused`).
        may_exist: bool,
        detail: String,
    },
    /// A status and its consequence.
    Status {
        seq: i64,
        status: Status,
        then: Consequence,
    },
    /// The sale ends unpaid without a status (cancel, give up, a refused create).
    End { outcome: Outcome, reason: EndReason },
    /// The payment of attempt `seq` is lost: kept as unknown, flagged.
    Lost { seq: i64 },
}

/// News for the screens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Status {
        seq: i64,
        payment_id: String,
        status: Status,
        news: StatusNews,
        /// The service's reason for the status, when it gave one.
        bank: Option<BankReason>,
    },
    Problem {
        call: CallKind,
        problem: Problem,
        retry_at: i64,
    },
    Ended {
        outcome: Outcome,
        reason: EndReason,
        payment_id: Option<String>,
        /// For a sale a status ended unpaid: the service's reason, when it gave one.
        bank: Option<BankReason>,
    },
    Attention {
        seq: i64,
        payment_id: String,
        reason: FlagReason,
    },
    /// The status line's subject changed (see [`Progress`]); only while the sale is open.
    Progress(Progress),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Write(Write),
    /// Send the create call of attempt `seq`.
    Create {
        seq: i64,
        reference: String,
    },
    /// Read the status of attempt `seq`.
    Read {
        seq: i64,
        payment_id: String,
    },
    /// Put attempt `seq`'s code on screen (it replaces any other).
    Show {
        seq: i64,
    },
    /// Take attempt `seq`'s code down.
    Withdraw {
        seq: i64,
        why: Withdrawn,
    },
    Notify(Notice),
}

/// Where one attempt's payment stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// The create call is under way.
    Requesting,
    /// Aiia made a payment with this link.
    Live {
        payment_id: String,
        url: String,
        expires_at: i64,
    },
    /// No payment exists (Aiia refused).
    NoPayment,
    /// The reply was lost: a payment may exist, but its id is unknown.
    Unknown,
    /// Aiia stopped knowing the payment: kept, flagged, no longer read.
    Lost { payment_id: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub seq: i64,
    pub link: Link,
    pub requested_at: i64,
    pub status: Option<Status>,
    next_read_at: i64,
    reading: bool,
    failures: u32,
    /// When a customer was first seen in their bank with it.
    opened_at: Option<i64>,
    /// Flagged for a person (never twice).
    flagged: bool,
    /// The service reported another amount: never pays the sale.
    mismatch: bool,
    unshowable: bool,
    /// The service's reason for its last status, when it gave one.
    pub bank: Option<BankReason>,
}

impl Link {
    /// The payment's id at Aiia, when it has one.
    pub fn payment_id(&self) -> Option<&str> {
        match self {
            Link::Live { payment_id, .. } | Link::Lost { payment_id } => Some(payment_id),
            Link::Requesting | Link::NoPayment | Link::Unknown => None,
        }
    }
}

impl Attempt {
    fn payment_id(&self) -> Option<&str> {
        self.link.payment_id()
    }

    fn expires_at(&self) -> Option<i64> {
        match &self.link {
            Link::Live { expires_at, .. } => Some(*expires_at),
            Link::Requesting | Link::NoPayment | Link::Unknown | Link::Lost { .. } => None,
        }
    }

    fn is_final(&self) -> bool {
        self.status.as_ref().is_some_and(Status::is_final)
    }

    /// Still read: a live payment Aiia has not called final.
    fn followed(&self) -> bool {
        matches!(self.link, Link::Live { .. }) && !self.is_final()
    }

    fn in_bank(&self) -> bool {
        self.followed() && self.status.as_ref().is_some_and(Status::in_bank)
    }
}

/// Where the sale stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Open,
    Ended(Outcome),
}

/// A sale as the journal holds it, to take over after a restart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resumed {
    pub id: String,
    pub amount: Money,
    pub reference: String,
    pub created_at: i64,
    pub stage: Stage,
    pub paid_by: Option<String>,
}

/// An attempt as the journal holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournaledAttempt {
    pub seq: i64,
    pub link: Link,
    pub requested_at: i64,
    pub status: Option<Status>,
    /// Already flagged for a person.
    pub flagged: bool,
}

/// One sale and everything the engine knows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sale {
    pub id: String,
    pub amount: Money,
    /// What the bank statement shows.
    pub reference: String,
    created_at: i64,
    stage: Stage,
    paid_by: Option<String>,
    attempts: Vec<Attempt>,
    next_create_at: i64,
    create_failures: u32,
    /// An end decided but not yet written (cancel, a refused create).
    end_due: Option<(Outcome, EndReason)>,
    /// Attempts whose recorded final status may lack its consequence (resume).
    settle: Vec<i64>,
    /// The attempt whose code is on screen.
    shown: Option<i64>,
    /// How the last customer left their bank unpaid, while the sale goes on.
    left: Option<LeftBank>,
    /// The status line as last announced.
    progress: Option<Progress>,
    rules: Rules,
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

impl Sale {
    /// A new open sale with no attempt yet.
    pub fn new(id: String, amount: Money, reference: String, now: i64, rules: Rules) -> Sale {
        Sale {
            id,
            amount,
            reference,
            created_at: now,
            stage: Stage::Open,
            paid_by: None,
            attempts: Vec::new(),
            next_create_at: 0,
            create_failures: 0,
            end_due: None,
            settle: Vec::new(),
            shown: None,
            left: None,
            progress: None,
            rules,
        }
    }

    /// A sale taken over from the journal. `attempts` as the journal holds them (an intent
    /// whose reply was never written must be passed as [`Link::Unknown`]); `flagged`: the
    /// attempts already flagged for a person. Final statuses whose consequence may be
    /// missing (a crash of an older Kassa between its two writes) are settled first.
    /// A sale taken over from the journal. An intent whose reply was never written must
    /// come as [`Link::Unknown`]. Final statuses whose consequence may be missing (a crash
    /// of an older Kassa between its two writes) are settled first.
    pub fn resume(from: Resumed, attempts: Vec<JournaledAttempt>, now: i64, rules: Rules) -> Sale {
        let mut sale = Sale::new(from.id, from.amount, from.reference, from.created_at, rules);
        sale.stage = from.stage;
        sale.paid_by = from.paid_by;
        for j in attempts {
            let settle = match &j.status {
                Some(Status::Executed) => {
                    !j.flagged && sale.paid_by.as_deref() != j.link.payment_id()
                }
                Some(Status::Rejected | Status::Failed) => sale.is_open(),
                _ => false,
            };
            if settle {
                sale.settle.push(j.seq);
            }
            sale.attempts.push(Attempt {
                seq: j.seq,
                link: j.link,
                requested_at: j.requested_at,
                status: j.status,
                next_read_at: now,
                reading: false,
                failures: 0,
                opened_at: None,
                flagged: j.flagged,
                mismatch: false,
                unshowable: false,
                bank: None,
            });
        }
        sale.attempts.sort_by_key(|a| a.seq);
        sale
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    pub fn is_open(&self) -> bool {
        self.stage == Stage::Open
    }

    pub fn paid_by(&self) -> Option<&str> {
        self.paid_by.as_deref()
    }

    pub fn attempts(&self) -> &[Attempt] {
        &self.attempts
    }

    /// Every payment of the sale that can still change (Aiia has not called it final):
    /// its id and when its link dies.
    pub fn followed(&self) -> Vec<(String, i64)> {
        self.attempts
            .iter()
            .filter(|a| a.followed())
            .filter_map(|a| match &a.link {
                Link::Live {
                    payment_id,
                    expires_at,
                    ..
                } => Some((payment_id.clone(), *expires_at)),
                Link::Requesting | Link::NoPayment | Link::Unknown | Link::Lost { .. } => None,
            })
            .collect()
    }

    /// The attempt whose code is on screen.
    pub fn shown(&self) -> Option<&Attempt> {
        let seq = self.shown?;
        self.attempt(seq)
    }

    /// When the code on screen must leave it.
    pub fn show_until(&self, a: &Attempt) -> Option<i64> {
        Some(a.expires_at()? - ms(self.rules.show_margin))
    }

    pub fn phase(&self) -> Phase {
        if !self.is_open() {
            return Phase::Ended;
        }
        if self
            .attempts
            .iter()
            .any(|a| a.in_bank() && a.status == Some(Status::Authorized))
        {
            return Phase::Authorized;
        }
        if self.attempts.iter().any(Attempt::in_bank) {
            return Phase::InBank;
        }
        if self.shown.is_some() {
            Phase::Scanning
        } else {
            Phase::MakingCode
        }
    }

    /// Nothing left to do: ended, and no payment of it can change any more (as far as
    /// Kassa can follow: a lost reply has no id to read).
    pub fn is_done(&self) -> bool {
        !self.is_open()
            && self.settle.is_empty()
            && self
                .attempts
                .iter()
                .all(|a| !a.followed() && a.link != Link::Requesting && !a.reading)
    }

    /// Another path had ended the sale (the journal said so when Kassa tried to end it).
    pub fn ended_elsewhere(&mut self, outcome: Outcome, paid_by: Option<String>) -> Vec<Effect> {
        self.stage = Stage::Ended(outcome);
        self.paid_by = paid_by.clone();
        self.end_due = None;
        self.shown = None;
        vec![Effect::Notify(Notice::Ended {
            outcome,
            reason: EndReason::EndedElsewhere,
            payment_id: paid_by,
            bank: None,
        })]
    }

    /// Marks attempt `seq` flagged (the journal flagged it on its own).
    pub fn mark_flagged(&mut self, seq: i64) {
        if let Some(a) = self.attempt_mut(seq) {
            a.flagged = true;
        }
    }

    /// When the next input is due if nothing else happens.
    pub fn next_wake(&self, now: i64) -> i64 {
        if self.end_due.is_some() || !self.settle.is_empty() {
            return now;
        }
        let mut at = i64::MAX;
        if self.is_open() {
            if !self.requesting() && !self.in_bank() {
                let create_at = match self.current() {
                    Some(c) if c.followed() && !c.unshowable => c
                        .expires_at()
                        .map_or(now, |e| e - ms(self.rules.rotate_before)),
                    _ => now,
                };
                at = at.min(create_at.max(self.next_create_at));
            }
            if let Some(until) = self.shown().and_then(|a| self.show_until(a)) {
                at = at.min(until);
            }
            if let Some(g) = self.give_up_at().filter(|&g| g > now) {
                at = at.min(g);
            }
        }
        for a in self.attempts.iter().filter(|a| a.followed() && !a.reading) {
            at = at.min(a.next_read_at);
        }
        at
    }

    /// The transition: applies `input` at `now` and returns what to do, journal write first.
    pub fn on(&mut self, input: Input, now: i64) -> Vec<Effect> {
        let mut fx = Vec::new();
        match input {
            Input::Tick => {}
            Input::Poke => {
                for a in self.attempts.iter_mut().filter(|a| a.followed()) {
                    a.next_read_at = a.next_read_at.min(now);
                }
            }
            Input::Cancel => {
                if self.is_open() && self.end_due.is_none() {
                    self.end_due = Some((Outcome::Cancelled, EndReason::CancelledByCashier));
                }
            }
            Input::Created {
                seq,
                payment_id,
                url,
            } => self.created(seq, payment_id, url, now, &mut fx),
            Input::NotCreated { seq, failure } => self.not_created(seq, failure, now, &mut fx),
            Input::Read { seq, reply } => self.read(seq, reply, now, &mut fx),
            Input::Unshowable { seq } => {
                if let Some(a) = self.attempt_mut(seq) {
                    a.unshowable = true;
                }
                if self.shown == Some(seq) {
                    self.shown = None;
                }
            }
        }
        if !has_write(&fx) {
            self.advance(now, &mut fx);
        }
        self.refresh(now, &mut fx);
        self.announce_progress(&mut fx);
        fx
    }

    /// What the status line is about now (see [`Progress`]).
    pub fn progress(&self) -> Progress {
        let phase = self.phase();
        let in_bank_with = |authorized: bool| {
            self.attempts
                .iter()
                .rev()
                .find(|a| a.in_bank() && (!authorized || a.status == Some(Status::Authorized)))
                .map(|a| a.seq)
        };
        let attempt = match phase {
            Phase::Authorized => in_bank_with(true),
            Phase::InBank => in_bank_with(false),
            Phase::Scanning => self.shown,
            Phase::MakingCode | Phase::Ended => None,
        };
        let left = match phase {
            Phase::Scanning | Phase::MakingCode => self.left,
            Phase::InBank | Phase::Authorized | Phase::Ended => None,
        };
        Progress {
            phase,
            attempt,
            left,
        }
    }

    /// Tells the screens when the status line's subject changed, while the sale is open
    /// (its end has its own notice).
    fn announce_progress(&mut self, fx: &mut Vec<Effect>) {
        if matches!(self.phase(), Phase::InBank | Phase::Authorized) {
            self.left = None;
        }
        let now = self.progress();
        if now.phase == Phase::Ended || self.progress == Some(now) {
            return;
        }
        self.progress = Some(now);
        fx.push(Effect::Notify(Notice::Progress(now)));
    }

    fn attempt(&self, seq: i64) -> Option<&Attempt> {
        self.attempts.iter().find(|a| a.seq == seq)
    }

    fn attempt_mut(&mut self, seq: i64) -> Option<&mut Attempt> {
        self.attempts.iter_mut().find(|a| a.seq == seq)
    }

    /// The newest attempt that got a payment: the code the screen shows or showed last.
    /// Older ones are replaced and never shown again.
    fn current(&self) -> Option<&Attempt> {
        self.attempts
            .iter()
            .rev()
            .find(|a| matches!(a.link, Link::Live { .. } | Link::Lost { .. }))
    }

    /// The current code can still be shown at `now`.
    fn current_live(&self, now: i64) -> Option<&Attempt> {
        self.current().filter(|c| {
            c.followed() && !c.unshowable && self.show_until(c).is_some_and(|until| now < until)
        })
    }

    fn requesting(&self) -> bool {
        self.attempts.iter().any(|a| a.link == Link::Requesting)
    }

    fn in_bank(&self) -> bool {
        self.attempts.iter().any(Attempt::in_bank)
    }

    fn give_up_at(&self) -> Option<i64> {
        let after = self.rules.give_up_after?;
        Some(self.created_at.saturating_add(ms(after)))
    }

    fn needs_code(&self, now: i64) -> bool {
        match self.current() {
            None => true,
            Some(c) if !c.followed() || c.unshowable => true,
            Some(c) => c
                .expires_at()
                .is_none_or(|e| now >= e - ms(self.rules.rotate_before)),
        }
    }

    /// Ends, settles or makes a code when one is due: at most one write.
    fn advance(&mut self, now: i64, fx: &mut Vec<Effect>) {
        if let Some(seq) = self.settle.first().copied() {
            self.settle.remove(0);
            if let Some(a) = self.attempt(seq).cloned() {
                if let (Some(status), Some(pid)) = (a.status.clone(), a.payment_id()) {
                    let then = self.consequence(seq, &status, pid, now);
                    self.announce(seq, pid.to_owned(), &then, fx);
                    fx.insert(0, Effect::Write(Write::Status { seq, status, then }));
                    return;
                }
            }
        }
        if !self.is_open() {
            return;
        }
        if let Some((outcome, reason)) = self.end_due.take() {
            self.end(outcome, reason.clone(), None, fx);
            fx.insert(0, Effect::Write(Write::End { outcome, reason }));
            return;
        }
        if let Some(at) = self.give_up_at() {
            if now >= at && !self.in_bank() && !self.requesting() {
                let after_s = self.rules.give_up_after.unwrap_or_default().as_secs();
                let reason = EndReason::NobodyApproved { after_s };
                self.end(Outcome::Failed, reason.clone(), None, fx);
                fx.insert(
                    0,
                    Effect::Write(Write::End {
                        outcome: Outcome::Failed,
                        reason,
                    }),
                );
                return;
            }
        }
        if self.needs_code(now)
            && now >= self.next_create_at
            && !self.requesting()
            && !self.in_bank()
        {
            let seq = self.attempts.last().map_or(1, |a| a.seq + 1);
            let rotation = self.current_live(now).is_some();
            self.attempts.push(Attempt {
                seq,
                link: Link::Requesting,
                requested_at: now,
                status: None,
                next_read_at: i64::MAX,
                reading: false,
                failures: 0,
                opened_at: None,
                flagged: false,
                mismatch: false,
                unshowable: false,
                bank: None,
            });
            fx.push(Effect::Write(Write::BeginAttempt {
                seq,
                reference: self.reference.clone(),
                rotation,
            }));
            fx.push(Effect::Create {
                seq,
                reference: self.reference.clone(),
            });
        }
    }

    /// Puts the right code on screen (or none) and starts the reads that are due.
    fn refresh(&mut self, now: i64, fx: &mut Vec<Effect>) {
        let in_bank = self.in_bank();
        let want = if self.is_open() && !in_bank {
            self.current_live(now).map(|a| a.seq)
        } else {
            None
        };
        if want != self.shown {
            match (self.shown, want) {
                (_, Some(seq)) => fx.push(Effect::Show { seq }),
                (Some(seq), None) if self.is_open() => fx.push(Effect::Withdraw {
                    seq,
                    why: if in_bank {
                        Withdrawn::InBank
                    } else {
                        Withdrawn::Expiring
                    },
                }),
                (_, None) => {}
            }
            self.shown = want;
        }
        for a in self.attempts.iter_mut() {
            if a.followed() && !a.reading && a.next_read_at <= now {
                if let Some(pid) = a.payment_id() {
                    let payment_id = pid.to_owned();
                    a.reading = true;
                    fx.push(Effect::Read {
                        seq: a.seq,
                        payment_id,
                    });
                }
            }
        }
    }

    fn created(
        &mut self,
        seq: i64,
        payment_id: String,
        url: String,
        now: i64,
        fx: &mut Vec<Effect>,
    ) {
        let rules = self.rules;
        let Some(a) = self.attempt_mut(seq) else {
            return;
        };
        if a.link != Link::Requesting {
            return;
        }
        // The link's minute is counted from before the request left, never later.
        let expires_at = a.requested_at + ms(rules.link_ttl);
        a.link = Link::Live {
            payment_id: payment_id.clone(),
            url: url.clone(),
            expires_at,
        };
        // The customer needs a moment to scan before anything can change.
        a.next_read_at = now + ms(rules.poll.scan_time);
        self.create_failures = 0;
        self.next_create_at = 0;
        fx.push(Effect::Write(Write::Created {
            seq,
            payment_id,
            url,
            expires_at,
        }));
    }

    fn not_created(&mut self, seq: i64, failure: CallFailure, now: i64, fx: &mut Vec<Effect>) {
        let Some(a) = self.attempt_mut(seq) else {
            return;
        };
        if a.link != Link::Requesting {
            return;
        }
        a.link = if failure.may_exist {
            Link::Unknown
        } else {
            Link::NoPayment
        };
        fx.push(Effect::Write(Write::NotCreated {
            seq,
            may_exist: failure.may_exist,
            detail: failure.detail.clone(),
        }));
        if !self.is_open() {
            return;
        }
        if failure.transient {
            self.create_failures += 1;
            let wait = jittered(
                self.rules.retry_base,
                self.rules.retry_max,
                self.create_failures,
                failure.entropy,
            );
            let wait = failure.retry_after.map_or(wait, |asked| asked.max(wait));
            self.next_create_at = now + ms(wait);
            fx.push(Effect::Notify(Notice::Problem {
                call: CallKind::Create,
                problem: failure.problem,
                retry_at: self.next_create_at,
            }));
        } else {
            self.end_due = Some((Outcome::Failed, EndReason::CreateRefused(failure.problem)));
        }
    }

    fn read(
        &mut self,
        seq: i64,
        reply: Result<Reply, CallFailure>,
        now: i64,
        fx: &mut Vec<Effect>,
    ) {
        let rules = self.rules;
        let shown = self.shown;
        let amount = self.amount;
        let Some(a) = self.attempt_mut(seq) else {
            return;
        };
        a.reading = false;
        if !a.followed() {
            return;
        }
        let Some(pid) = a.payment_id().map(str::to_owned) else {
            return;
        };
        let reply = match reply {
            Ok(r) if r.payment_id == pid => Ok(r),
            Ok(_) => Err(CallFailure {
                problem: Problem::Unreadable,
                retry_after: None,
                transient: true,
                may_exist: false,
                detail: "a status reply about another payment".into(),
                entropy: 0,
            }),
            Err(f) => Err(f),
        };
        let reply = match reply {
            Ok(r) => r,
            Err(f) => {
                if f.problem == Problem::NotFound {
                    // Never final: the bank may still complete it. Kept for as long as a
                    // bank session opened on this link could last.
                    let opened = a.opened_at.or(a.expires_at()).unwrap_or(a.requested_at);
                    if now >= opened.saturating_add(ms(rules.bank_session)) {
                        a.link = Link::Lost {
                            payment_id: pid.clone(),
                        };
                        a.flagged = true;
                        fx.push(Effect::Write(Write::Lost { seq }));
                        fx.push(Effect::Notify(Notice::Attention {
                            seq,
                            payment_id: pid,
                            reason: FlagReason::Lost,
                        }));
                        return;
                    }
                }
                a.failures = a.failures.saturating_add(1);
                let wait = jittered(
                    rules.poll.after_error,
                    rules.status_retry_max,
                    a.failures,
                    f.entropy,
                );
                let wait = f.retry_after.map_or(wait, |asked| asked.max(wait));
                a.next_read_at = now + ms(wait);
                if shown == Some(seq) {
                    fx.push(Effect::Notify(Notice::Problem {
                        call: CallKind::Status,
                        problem: f.problem,
                        retry_at: a.next_read_at,
                    }));
                }
                return;
            }
        };
        a.failures = 0;
        let status = reply.status;
        let before = a.status.clone();
        if status.in_bank() && a.opened_at.is_none() {
            a.opened_at = Some(now);
        }
        let mismatch = reply.amount.filter(|m| *m != amount);
        let changed = before.as_ref() != Some(&status);
        a.status = Some(status.clone());
        if changed || reply.bank.is_some() {
            a.bank = reply.bank.clone();
        }
        let on_screen = shown == Some(seq);
        let shown_for = now - a.requested_at;
        // +1: the clock counts whole milliseconds, so without it two reads could come a
        // fraction of a millisecond closer than the cadence.
        a.next_read_at = now + ms(cadence(&rules.poll, &status, on_screen, shown_for)) + 1;
        let then = match mismatch {
            Some(reported) if !a.flagged => {
                a.flagged = true;
                a.mismatch = true;
                Consequence::Flag(FlagReason::AmountMismatch { reported })
            }
            _ => self.consequence(seq, &status, &pid, now),
        };
        if !changed && then == Consequence::Nothing {
            return;
        }
        fx.push(Effect::Write(Write::Status {
            seq,
            status: status.clone(),
            then: then.clone(),
        }));
        let was_in_bank = before.as_ref().is_some_and(Status::in_bank);
        // A decline or a failure means the customer was in their bank, seen there or not.
        let customer_left = was_in_bank || matches!(status, Status::Rejected | Status::Failed);
        if changed && customer_left && self.is_open() {
            self.left = match status {
                Status::Rejected => Some(LeftBank::Declined),
                Status::Failed => Some(LeftBank::Failed),
                Status::Expired => Some(LeftBank::TimedOut),
                Status::Initiated
                | Status::AwaitingAuthorization
                | Status::Authorized
                | Status::Executed
                | Status::Other(_) => self.left,
            };
        }
        if changed {
            let left_the_bank = status == Status::Expired && was_in_bank;
            fx.push(Effect::Notify(Notice::Status {
                seq,
                payment_id: pid.clone(),
                status,
                news: if left_the_bank {
                    StatusNews::LeftTheBank
                } else {
                    StatusNews::Changed
                },
                bank: reply.bank,
            }));
        }
        self.announce(seq, pid, &then, fx);
    }

    /// What `status` of attempt `seq` means for the sale; applies it to the stage.
    fn consequence(&mut self, seq: i64, status: &Status, pid: &str, now: i64) -> Consequence {
        let ends_sale = self.decline_ends_sale(seq, now);
        let Some((mismatch, flagged)) = self.attempt(seq).map(|a| (a.mismatch, a.flagged)) else {
            return Consequence::Nothing;
        };
        let then = match status {
            Status::Executed if mismatch => Consequence::Nothing,
            Status::Executed => match self.stage {
                Stage::Open => Consequence::Pay,
                Stage::Ended(_) if self.paid_by.as_deref() == Some(pid) || flagged => {
                    Consequence::Nothing
                }
                Stage::Ended(Outcome::Paid) => Consequence::Flag(FlagReason::PaidTwice),
                Stage::Ended(ended @ (Outcome::Failed | Outcome::Cancelled)) => {
                    Consequence::Flag(FlagReason::AfterEnd { ended })
                }
            },
            Status::Rejected if self.is_open() && ends_sale => {
                Consequence::Fail(EndReason::Declined)
            }
            Status::Failed if self.is_open() && ends_sale => {
                Consequence::Fail(EndReason::BankFailed)
            }
            Status::Rejected
            | Status::Failed
            | Status::Initiated
            | Status::AwaitingAuthorization
            | Status::Authorized
            | Status::Expired
            | Status::Other(_) => Consequence::Nothing,
        };
        match &then {
            Consequence::Pay => {
                self.stage = Stage::Ended(Outcome::Paid);
                self.paid_by = Some(pid.to_owned());
                self.end_due = None;
            }
            Consequence::Fail(_) => {
                self.stage = Stage::Ended(Outcome::Failed);
                self.end_due = None;
            }
            Consequence::Flag(_) => self.mark_flagged(seq),
            Consequence::Nothing => {}
        }
        then
    }

    /// A decline of attempt `seq` ends the sale unless another code of it can still be
    /// paid: the current one is live, or a customer is in their bank with another.
    fn decline_ends_sale(&self, seq: i64, now: i64) -> bool {
        let other_live = self.current_live(now).is_some_and(|c| c.seq != seq);
        let other_in_bank = self.attempts.iter().any(|a| a.seq != seq && a.in_bank());
        !other_live && !other_in_bank
    }

    fn announce(&mut self, seq: i64, pid: String, then: &Consequence, fx: &mut Vec<Effect>) {
        match then {
            Consequence::Nothing => {}
            Consequence::Pay => {
                self.shown = None;
                fx.push(Effect::Notify(Notice::Ended {
                    outcome: Outcome::Paid,
                    reason: EndReason::PaidByBank,
                    payment_id: Some(pid),
                    bank: None,
                }));
            }
            Consequence::Fail(reason) => {
                self.shown = None;
                let bank = self.attempt(seq).and_then(|a| a.bank.clone());
                fx.push(Effect::Notify(Notice::Ended {
                    outcome: Outcome::Failed,
                    reason: reason.clone(),
                    payment_id: None,
                    bank,
                }));
            }
            Consequence::Flag(reason) => fx.push(Effect::Notify(Notice::Attention {
                seq,
                payment_id: pid,
                reason: reason.clone(),
            })),
        }
    }

    fn end(
        &mut self,
        outcome: Outcome,
        reason: EndReason,
        payment_id: Option<String>,
        fx: &mut Vec<Effect>,
    ) {
        self.stage = Stage::Ended(outcome);
        self.shown = None;
        fx.push(Effect::Notify(Notice::Ended {
            outcome,
            reason,
            payment_id,
            bank: None,
        }));
    }
}

fn has_write(fx: &[Effect]) -> bool {
    fx.iter().any(|e| matches!(e, Effect::Write(_)))
}

/// The retry wait after `failures` failures in a row, less a jitter taken from `entropy`.
fn jittered(base: Duration, max: Duration, failures: u32, entropy: u64) -> Duration {
    backoff(base, max, failures, |ceiling| {
        let ceiling_ms = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(entropy % ceiling_ms.saturating_add(1))
    })
}

/// The wait before the next read of an attempt in `status`, whose code has been out for
/// `shown_for_ms`.
fn cadence(p: &PollSchedule, status: &Status, on_screen: bool, shown_for_ms: i64) -> Duration {
    match status {
        Status::Authorized => p.authorized,
        // A customer in the bank flow may approve any code, replaced or not.
        Status::AwaitingAuthorization => p.opened,
        Status::Initiated
        | Status::Executed
        | Status::Rejected
        | Status::Failed
        | Status::Expired
        | Status::Other(_) => {
            if on_screen && shown_for_ms < ms(p.back_off_after) {
                p.waiting
            } else if on_screen {
                p.waiting_slow
            } else {
                p.replaced
            }
        }
    }
}

#[cfg(test)]
#[path = "sale_tests.rs"]
mod tests;
