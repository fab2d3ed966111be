//! One task per sale: feeds the sale's state machine ([`crate::sale::Sale`]) its inputs and
//! carries out the effects. Journal first: a transition's write is committed before any of
//! its other effects run; if the write fails, the transition is dropped and its input tried
//! again (with the journal error shown), so nothing in memory runs ahead of the journal and
//! nothing new (a code, a result) is shown meanwhile. Calls to Aiia run as their own tasks
//! and answer through a channel: a slow or hung call delays only itself, never a rotation, a
//! cancel or another read.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use kassa_journal::{AttemptRecord, AttemptState, CrashPoint, JournalError, SaleRecord, SaleState};
use tokio::sync::mpsc;

use crate::events::{Outcome, Qr, TillEvent};
use crate::gateway::{GatewayError, PaymentOrder};
use crate::sale::{
    CallFailure, CallKind, Consequence, Effect, EndReason, FlagReason, Input, JournaledAttempt,
    Link, Notice, Problem, Reply, Resumed, Rules, Sale, Stage, Status, Write,
};
use crate::{Control, Gateway, Inner, SaleView, qr};

/// Longest wait before a failed journal write is tried again.
const WRITE_RETRY_MAX: Duration = Duration::from_secs(5);

struct Driver<G> {
    inner: Arc<Inner<G>>,
    control: Arc<Control>,
    sale: Sale,
    /// The journal's attempt id of each attempt, by its number in the sale.
    ids: HashMap<i64, i64>,
    /// Drawn codes, by attempt.
    codes: HashMap<i64, Qr>,
    replies: mpsc::UnboundedSender<Input>,
    inbox: mpsc::UnboundedReceiver<Input>,
    /// An input whose write failed, tried again before anything else.
    retry: Option<(Input, u32)>,
}

pub(crate) fn rules(config: &crate::TillConfig) -> Rules {
    Rules {
        link_ttl: config.link_ttl,
        rotate_before: config.rotate_before,
        show_margin: config.show_margin,
        poll: config.poll,
        retry_base: config.retry_base,
        retry_max: config.retry_max,
        status_retry_max: config.status_retry_max,
        give_up_after: config.give_up_after,
        bank_session: config.bank_session,
    }
}

/// Starts the driver of a new sale.
pub(crate) fn spawn_new<G: Gateway>(inner: Arc<Inner<G>>, record: &SaleRecord) {
    let now = inner.clock.now_ms();
    let sale = Sale::new(
        record.id.clone(),
        record.amount,
        reference_of(record),
        now,
        rules(&inner.config),
    );
    start(inner, sale, HashMap::new());
}

/// Takes over a sale from the journal after a restart. An attempt whose reply was never
/// written is marked unknown first; a still-valid code of an open sale is shown again.
pub(crate) fn spawn_resumed<G: Gateway>(
    inner: Arc<Inner<G>>,
    record: &SaleRecord,
    attempts: Vec<AttemptRecord>,
) {
    let now = inner.clock.now_ms();
    let flagged = match inner.journal().flagged_attempts(&record.id) {
        Ok(ids) => ids,
        Err(e) => {
            tracing::error!(error = %e, sale = %record.id, "cannot read flagged attempts");
            Vec::new()
        }
    };
    let mut ids = HashMap::new();
    let mut journaled = Vec::new();
    for a in attempts {
        ids.insert(a.seq, a.id);
        let link = match (a.state, a.payment_id, a.authorization_url, a.expires_at_ms) {
            (AttemptState::Requested, ..) => {
                let note = "Kassa stopped before the payment service's reply was recorded";
                if let Err(e) =
                    inner
                        .journal()
                        .attempt_not_created(a.id, AttemptState::Unknown, note, now)
                {
                    tracing::error!(error = %e, attempt = a.id, "cannot mark attempt unknown");
                }
                Link::Unknown
            }
            (AttemptState::Created, Some(payment_id), Some(url), Some(expires_at)) => Link::Live {
                payment_id,
                url,
                expires_at,
            },
            (AttemptState::Unknown, Some(payment_id), ..) => Link::Lost { payment_id },
            (AttemptState::Refused, ..) => Link::NoPayment,
            (AttemptState::Created | AttemptState::Unknown, ..) => Link::Unknown,
        };
        journaled.push(JournaledAttempt {
            seq: a.seq,
            link,
            requested_at: a.requested_at_ms,
            status: a.status.as_deref().map(Status::parse),
            flagged: flagged.contains(&a.id),
        });
    }
    let stage = match record.state {
        SaleState::Open => Stage::Open,
        SaleState::Paid => Stage::Ended(Outcome::Paid),
        SaleState::Failed => Stage::Ended(Outcome::Failed),
        SaleState::Cancelled => Stage::Ended(Outcome::Cancelled),
    };
    let sale = Sale::resume(
        Resumed {
            id: record.id.clone(),
            amount: record.amount,
            reference: reference_of(record),
            created_at: record.created_at_ms,
            stage,
            paid_by: record.paid_payment_id.clone(),
        },
        journaled,
        now,
        rules(&inner.config),
    );
    start(inner, sale, ids);
}

fn start<G: Gateway>(inner: Arc<Inner<G>>, sale: Sale, ids: HashMap<i64, i64>) {
    let control = Arc::new(Control {
        cancel: std::sync::atomic::AtomicBool::new(false),
        wake: tokio::sync::Notify::new(),
    });
    let (replies, inbox) = mpsc::unbounded_channel();
    let mut driver = Driver {
        inner,
        control,
        sale,
        ids,
        codes: HashMap::new(),
        replies,
        inbox,
        retry: None,
    };
    // Registered before the task starts, so a cancel right after `charge` finds the sale.
    let view = driver.view();
    driver
        .inner
        .live()
        .insert(driver.sale.id.clone(), (Arc::clone(&driver.control), view));
    // The first step at once: a resumed sale's still-valid code is on screen when
    // `resume` returns, and a new sale's first code is asked for right away.
    driver.handle(Input::Tick);
    tokio::spawn(driver.run());
}

fn reference_of(record: &SaleRecord) -> String {
    crate::statement_reference(&record.id, record.reference.as_deref())
}

impl<G: Gateway> Driver<G> {
    fn now(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    async fn run(mut self) {
        while !self.sale.is_done() {
            let input = self.next_input().await;
            self.handle(input);
        }
        self.inner.live().remove(&self.sale.id);
        tracing::info!(sale = %self.sale.id, stage = ?self.sale.stage(), "sale followed to the end");
    }

    async fn next_input(&mut self) -> Input {
        if let Some((input, failures)) = &self.retry {
            let input = input.clone();
            tokio::time::sleep(retry_wait(*failures)).await;
            return input;
        }
        let now = self.now();
        // Never sleep blind for long: the inbox, a cancel or a hint also wake us.
        let wake = self.sale.next_wake(now).min(now + 5_000);
        let wait = Duration::from_millis(u64::try_from(wake - now).unwrap_or(0));
        tokio::select! {
            Some(input) = self.inbox.recv() => input,
            () = tokio::time::sleep(wait) => Input::Tick,
            () = self.control.wake.notified() => {
                if self.control.cancel.swap(false, Ordering::SeqCst) {
                    Input::Cancel
                } else {
                    Input::Poke
                }
            }
        }
    }

    /// Runs one input through the machine, and ticks after every committed write so that
    /// what the write made due (a new code, an end) follows at once. When a write fails,
    /// its input is kept and tried again first ([`Driver::next_input`]); nothing else is
    /// taken in meanwhile.
    fn handle(&mut self, input: Input) {
        let mut current = input;
        loop {
            match self.transition(current.clone()) {
                Ok(true) => current = Input::Tick,
                Ok(false) => break,
                Err(e) => {
                    let failures = self.retry.take().map_or(0, |(_, n)| n.saturating_add(1));
                    tracing::error!(sale = %self.sale.id, error = %e, failures, "journal write failed; retrying");
                    let wait = retry_wait(failures);
                    self.inner.emit(TillEvent::AttemptError {
                        sale_id: self.sale.id.clone(),
                        call: CallKind::Journal,
                        problem: Problem::Journal(e.to_string()),
                        retry_at_ms: self.now() + ms(wait),
                    });
                    self.retry = Some((current, failures));
                    self.publish_view();
                    return;
                }
            }
        }
        self.retry = None;
        self.publish_view();
    }

    /// One transition. Ok(true) when it committed a write.
    fn transition(&mut self, input: Input) -> Result<bool, JournalError> {
        let now = self.now();
        let mut next = self.sale.clone();
        let effects = next.on(input, now);
        let mut wrote = false;
        let mut rest = Vec::with_capacity(effects.len());
        for effect in effects {
            match effect {
                Effect::Write(write) => {
                    wrote = true;
                    match self.write(&write, &next, now)? {
                        WriteOutcome::Done => {}
                        WriteOutcome::EndedElsewhere {
                            outcome,
                            paid_by,
                            flagged,
                        } => {
                            // The journal knew better: its end stands, the payment that
                            // would have paid the sale was flagged instead.
                            if let (Some(seq), true) = (write_seq(&write), flagged) {
                                next.mark_flagged(seq);
                                if let Some(pid) = self.payment_of(&next, seq) {
                                    self.inner.emit(self.attention_event(
                                        &pid,
                                        FlagReason::AfterEnd { ended: outcome },
                                    ));
                                }
                            }
                            rest = next.ended_elsewhere(outcome, paid_by);
                            self.sale = next;
                            self.carry_out(rest);
                            return Ok(true);
                        }
                    }
                }
                other => rest.push(other),
            }
        }
        self.sale = next;
        self.carry_out(rest);
        Ok(wrote)
    }

    fn payment_of(&self, sale: &Sale, seq: i64) -> Option<String> {
        sale.attempts()
            .iter()
            .find(|a| a.seq == seq)
            .and_then(|a| a.link.payment_id())
            .map(str::to_owned)
    }

    fn attempt_id(&self, seq: i64) -> Result<i64, JournalError> {
        self.ids.get(&seq).copied().ok_or_else(|| {
            JournalError::NotFound(format!("attempt {seq} of sale {}", self.sale.id))
        })
    }

    /// Writes one record. `sale` is the machine as it will be once the write holds.
    fn write(
        &mut self,
        write: &Write,
        sale: &Sale,
        now: i64,
    ) -> Result<WriteOutcome, JournalError> {
        let crash = &self.inner.config.crash;
        match write {
            Write::BeginAttempt {
                seq,
                reference,
                rotation,
            } => {
                let record = self
                    .inner
                    .journal()
                    .begin_attempt(&sale.id, reference, now)?;
                if record.seq != *seq {
                    tracing::warn!(journal = record.seq, engine = seq, "attempt numbers differ");
                }
                self.ids.insert(*seq, record.id);
                if *rotation {
                    crash.reached(CrashPoint::Rotation);
                }
                crash.reached(CrashPoint::BeforeAccept);
            }
            Write::Created {
                seq,
                payment_id,
                url,
                expires_at,
            } => {
                let id = self.attempt_id(*seq)?;
                self.inner
                    .journal()
                    .attempt_created(id, payment_id, url, now, *expires_at)?;
                tracing::info!(sale = %sale.id, payment = %payment_id, seq, "code created");
            }
            Write::NotCreated {
                seq,
                may_exist,
                detail,
            } => {
                let id = self.attempt_id(*seq)?;
                let state = if *may_exist {
                    AttemptState::Unknown
                } else {
                    AttemptState::Refused
                };
                self.inner
                    .journal()
                    .attempt_not_created(id, state, detail, now)?;
                tracing::warn!(sale = %sale.id, %detail, ?state, "create call failed");
            }
            Write::Status { seq, status, then } => {
                let id = self.attempt_id(*seq)?;
                let pid = self.payment_of(sale, *seq).unwrap_or_default();
                let note;
                let journal_then = match then {
                    Consequence::Nothing => kassa_journal::Then::Nothing,
                    Consequence::Pay => kassa_journal::Then::Pay {
                        payment_id: &pid,
                        detail: "paid by bank transfer",
                    },
                    Consequence::Fail(reason) => {
                        note = end_record(reason);
                        kassa_journal::Then::Fail { detail: &note }
                    }
                    Consequence::Flag(reason) => {
                        note = self.note(&pid, reason);
                        kassa_journal::Then::Flag { note: &note }
                    }
                };
                let written = self.inner.journal().record_status_then(
                    id,
                    status.as_str(),
                    status.is_final(),
                    now,
                    journal_then,
                )?;
                if written.refused_final {
                    tracing::error!(sale = %sale.id, payment = %pid, %status, "a final status would have changed; kept the journal's");
                }
                if written.changed {
                    tracing::info!(sale = %sale.id, payment = %pid, %status, "status changed");
                }
                if status.is_final() && written.changed {
                    crash.reached(CrashPoint::FinalStatus);
                }
                if let kassa_journal::ThenDone::AlreadyEnded { state, flagged } = written.then {
                    if *then == Consequence::Pay {
                        return self.ended_elsewhere(state, flagged);
                    }
                }
                if matches!(then, Consequence::Pay | Consequence::Fail(_)) {
                    self.checkpoint();
                }
            }
            Write::End { outcome, reason } => {
                let state = match outcome {
                    Outcome::Paid => SaleState::Paid,
                    Outcome::Failed => SaleState::Failed,
                    Outcome::Cancelled => SaleState::Cancelled,
                };
                let ended = self.inner.journal().end_sale(
                    &sale.id,
                    state,
                    None,
                    now,
                    &end_record(reason),
                )?;
                if !ended {
                    let record = self
                        .inner
                        .journal()
                        .sale(&sale.id)?
                        .ok_or_else(|| JournalError::NotFound(format!("sale {}", sale.id)))?;
                    return self.ended_elsewhere(record.state, false);
                }
                tracing::info!(sale = %sale.id, ?outcome, "sale ended");
                self.checkpoint();
            }
            Write::Lost { seq } => {
                let id = self.attempt_id(*seq)?;
                let pid = self.payment_of(sale, *seq).unwrap_or_default();
                let note = self.note(&pid, &FlagReason::Lost);
                self.inner.journal().attempt_lost(id, &note, now)?;
                tracing::warn!(sale = %sale.id, payment = %pid, "the payment service no longer knows this payment");
            }
        }
        Ok(WriteOutcome::Done)
    }

    fn ended_elsewhere(
        &self,
        state: SaleState,
        flagged: bool,
    ) -> Result<WriteOutcome, JournalError> {
        let record = self
            .inner
            .journal()
            .sale(&self.sale.id)?
            .ok_or_else(|| JournalError::NotFound(format!("sale {}", self.sale.id)))?;
        let outcome = match state {
            SaleState::Paid => Outcome::Paid,
            SaleState::Failed | SaleState::Open => Outcome::Failed,
            SaleState::Cancelled => Outcome::Cancelled,
        };
        tracing::warn!(sale = %self.sale.id, ?outcome, "the journal had ended this sale already");
        Ok(WriteOutcome::EndedElsewhere {
            outcome,
            paid_by: record.paid_payment_id,
            flagged,
        })
    }

    /// A quiet moment (the result is on screen): keep the WAL small here rather than in a
    /// write on the next charge path.
    fn checkpoint(&self) {
        if let Err(e) = self.inner.journal().checkpoint() {
            tracing::warn!(error = %e, "journal checkpoint failed; SQLite will checkpoint later");
        }
    }

    /// The needs-attention note as the journal keeps it.
    fn note(&self, payment_id: &str, reason: &FlagReason) -> String {
        let amount = self.sale.amount.display();
        match reason {
            FlagReason::PaidTwice => format!(
                "Paid twice: payment {payment_id} of {amount} came in after the sale was already paid. Refund it."
            ),
            FlagReason::AfterEnd { ended } => format!(
                "Payment {payment_id} of {amount} came in after the sale was {}. Refund it or charge it to the sale.",
                match ended {
                    Outcome::Paid => "paid",
                    Outcome::Failed => "failed",
                    Outcome::Cancelled => "cancelled",
                }
            ),
            FlagReason::AmountMismatch { reported } => format!(
                "Payment {payment_id} is for {}, not the sale's {amount}: it does not pay the sale. Check it and refund it.",
                reported.display()
            ),
            FlagReason::Lost => format!(
                "The payment service no longer knows payment {payment_id} of {amount}: check it with Aiia before handing over goods or refunding."
            ),
        }
    }

    fn attention_event(&self, payment_id: &str, reason: FlagReason) -> TillEvent {
        TillEvent::NeedsAttention {
            sale_id: self.sale.id.clone(),
            payment_id: payment_id.to_owned(),
            amount: self.sale.amount,
            amount_display: self.sale.amount.display(),
            note: self.note(payment_id, &reason),
            reason,
        }
    }

    /// The effects after the write: calls, codes, news.
    fn carry_out(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Write(_) => {}
                Effect::Create { seq, reference } => self.send_create(seq, reference),
                Effect::Read { seq, payment_id } => self.send_read(seq, payment_id),
                Effect::Show { seq } => self.show(seq),
                Effect::Withdraw { seq, why } => self.inner.emit(TillEvent::QrWithdrawn {
                    sale_id: self.sale.id.clone(),
                    attempt: seq,
                    why,
                }),
                Effect::Notify(notice) => self.notify(notice),
            }
        }
    }

    fn send_create(&self, seq: i64, reference: String) {
        let config = &self.inner.config;
        let order = PaymentOrder {
            amount: self.sale.amount,
            reference,
            destination: config.destination_id.clone(),
            redirect_url: config.redirect_url.clone(),
            country: None,
        };
        // The call runs as its own task: once sent it completes even if this driver stops
        // (a crash test holds the driver at `AcceptSent` while Aiia creates the payment).
        let inner = Arc::clone(&self.inner);
        let replies = self.replies.clone();
        let entropy = self.entropy();
        tokio::spawn(async move {
            let reply = inner.gateway.create(&order).await;
            inner.config.crash.reached(CrashPoint::AcceptReplied);
            let input = match reply {
                Ok(created) => Input::Created {
                    seq,
                    payment_id: created.payment_id,
                    url: created.link,
                },
                Err(e) => Input::NotCreated {
                    seq,
                    failure: failure(e, entropy),
                },
            };
            let _ = replies.send(input);
        });
        config.crash.reached(CrashPoint::AcceptSent);
    }

    fn send_read(&self, seq: i64, payment_id: String) {
        self.inner.config.crash.reached(CrashPoint::Polling);
        let inner = Arc::clone(&self.inner);
        let replies = self.replies.clone();
        let entropy = self.entropy();
        tokio::spawn(async move {
            let reply = inner
                .gateway
                .status(&payment_id)
                .await
                .map(|r| Reply {
                    amount: r.amount,
                    status: r.status,
                    payment_id: r.payment_id,
                    bank: r.bank,
                })
                .map_err(|e| failure(e, entropy));
            let _ = replies.send(Input::Read { seq, reply });
        });
    }

    fn entropy(&self) -> u64 {
        let j = self.inner.ids.jitter(Duration::from_secs(3600));
        u64::try_from(j.as_millis()).unwrap_or(0)
    }

    fn show(&mut self, seq: i64) {
        let Some(a) = self.sale.attempts().iter().find(|a| a.seq == seq) else {
            return;
        };
        let Link::Live {
            payment_id,
            url,
            expires_at,
        } = &a.link
        else {
            return;
        };
        let qr = match self.codes.get(&seq) {
            Some(qr) => qr.clone(),
            None => match qr::svg(url) {
                Ok(svg) => {
                    let qr = Qr {
                        sale_id: self.sale.id.clone(),
                        attempt: seq,
                        payment_id: payment_id.clone(),
                        authorization_url: url.clone(),
                        qr_svg: svg,
                        expires_at_ms: *expires_at,
                        show_until_ms: self.sale.show_until(a).unwrap_or(*expires_at),
                    };
                    self.codes.insert(seq, qr.clone());
                    qr
                }
                Err(e) => {
                    // Followed all the same; the machine makes another code.
                    tracing::error!(error = %e, "cannot draw the QR code for this link");
                    let _ = self.replies.send(Input::Unshowable { seq });
                    return;
                }
            },
        };
        // Codes of older attempts are never shown again.
        self.codes.retain(|&s, _| s >= seq);
        self.inner.emit(TillEvent::QrReady(qr));
    }

    fn notify(&self, notice: Notice) {
        let sale_id = self.sale.id.clone();
        let event = match notice {
            Notice::Status {
                payment_id,
                status,
                news,
                bank,
                ..
            } => TillEvent::StatusChanged {
                sale_id,
                payment_id,
                status,
                news,
                bank,
            },
            Notice::Problem {
                call,
                problem,
                retry_at,
            } => TillEvent::AttemptError {
                sale_id,
                call,
                problem,
                retry_at_ms: retry_at,
            },
            Notice::Ended {
                outcome,
                reason,
                payment_id,
                bank,
            } => TillEvent::SaleEnded {
                sale_id,
                outcome,
                reason,
                amount: self.sale.amount,
                amount_display: self.sale.amount.display(),
                payment_id,
                bank,
            },
            Notice::Progress(progress) => TillEvent::SaleProgress { sale_id, progress },
            Notice::Attention {
                payment_id, reason, ..
            } => {
                tracing::warn!(sale = %self.sale.id, payment = %payment_id, "needs attention");
                self.attention_event(&payment_id, reason)
            }
        };
        self.inner.emit(event);
    }

    fn view(&self) -> SaleView {
        let state = match self.sale.stage() {
            Stage::Open => SaleState::Open,
            Stage::Ended(Outcome::Paid) => SaleState::Paid,
            Stage::Ended(Outcome::Failed) => SaleState::Failed,
            Stage::Ended(Outcome::Cancelled) => SaleState::Cancelled,
        };
        let qr = self
            .sale
            .shown()
            .and_then(|a| self.codes.get(&a.seq).cloned());
        SaleView {
            sale_id: self.sale.id.clone(),
            amount: self.sale.amount,
            amount_display: self.sale.amount.display(),
            reference: Some(self.sale.reference.clone()),
            state,
            phase: self.sale.phase(),
            last_status: self
                .sale
                .attempts()
                .iter()
                .rev()
                .find_map(|a| a.status.clone()),
            last_bank: self
                .sale
                .attempts()
                .iter()
                .rev()
                .find(|a| a.status.is_some())
                .and_then(|a| a.bank.clone()),
            qr,
            open_codes: self
                .sale
                .followed()
                .into_iter()
                .map(|(payment_id, expires_at_ms)| crate::OpenCode {
                    payment_id,
                    expires_at_ms,
                })
                .collect(),
        }
    }

    fn publish_view(&self) {
        let view = self.view();
        if let Some(entry) = self.inner.live().get_mut(&self.sale.id) {
            entry.1 = view;
        }
    }
}

enum WriteOutcome {
    Done,
    /// The journal had ended the sale already (another path): its end stands.
    EndedElsewhere {
        outcome: Outcome,
        paid_by: Option<String>,
        flagged: bool,
    },
}

fn write_seq(write: &Write) -> Option<i64> {
    match write {
        Write::BeginAttempt { seq, .. }
        | Write::Created { seq, .. }
        | Write::NotCreated { seq, .. }
        | Write::Status { seq, .. }
        | Write::Lost { seq } => Some(*seq),
        Write::End { .. } => None,
    }
}

/// The wait before a failed journal write is tried again: 250 ms, doubling up to 5 s.
fn retry_wait(failures: u32) -> Duration {
    Duration::from_millis(250u64 << failures.min(5)).min(WRITE_RETRY_MAX)
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// How the journal records why a sale ended unpaid (a record, not the cashier's words).
fn end_record(reason: &EndReason) -> String {
    match reason {
        EndReason::PaidByBank => "paid by bank transfer".into(),
        EndReason::CancelledByCashier => "cancelled by the cashier".into(),
        EndReason::Declined => "declined in the bank".into(),
        EndReason::BankFailed => "the bank could not complete the payment".into(),
        EndReason::NobodyApproved { after_s } => {
            format!("nobody approved the payment within {after_s} s")
        }
        EndReason::CreateRefused(problem) => {
            format!("no code could be made: {}", problem_record(problem))
        }
        EndReason::EndedElsewhere => "ended elsewhere".into(),
    }
}

/// A call's failure as the journal records it.
fn problem_record(problem: &Problem) -> String {
    match problem {
        Problem::LostReply => "the connection broke off before the reply".into(),
        Problem::NoConnection => "no connection to the payment service".into(),
        Problem::Timeout => "the payment service did not answer in time".into(),
        Problem::Busy => "the payment service asked Kassa to wait".into(),
        Problem::ServiceError => "the payment service had a problem on its side".into(),
        Problem::Unreadable => "the payment service's reply could not be read".into(),
        Problem::SignIn => "Kassa could not sign in to the payment service".into(),
        Problem::CredentialsRefused => "the payment service refused Kassa's credentials".into(),
        Problem::Refused(m) => format!("the payment service refused the payment: {m}"),
        Problem::NotFound => "the payment service does not know the payment".into(),
        Problem::Settings(m) => format!("Kassa's settings need fixing: {m}"),
        Problem::Journal(m) => format!("the journal could not be written: {m}"),
    }
}

/// A failed call as the machine takes it.
fn failure(e: GatewayError, entropy: u64) -> CallFailure {
    CallFailure {
        problem: e.problem,
        retry_after: e.retry_after,
        transient: e.transient,
        may_exist: e.may_exist,
        detail: e.detail,
        entropy,
    }
}
