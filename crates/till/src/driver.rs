//! One task per sale: makes codes while the sale is open, reads every attempt's status on
//! its schedule, ends the sale, and keeps following attempts after the end until each is
//! final. All of a sale's state changes happen here, in order, journal first.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use kassa_aiia::AiiaError;
use kassa_aiia::retry::{Call, backoff};
use kassa_aiia::wire::{AcceptPaymentRequest, DecimalAmount, PaymentStatus, scheme_for};
use kassa_journal::{AttemptRecord, AttemptState, CrashPoint, JournalError, SaleRecord, SaleState};

use crate::events::{Outcome, Qr, TillEvent};
use crate::{Control, Gateway, Inner, SaleView, cashier_message, qr, status_text};

/// Status text recorded for a payment the service says it does not know.
const NOT_FOUND: &str = "NotFound";

/// What the result screen says under "Paid".
pub(crate) const PAID_MESSAGE: &str = "Paid by bank transfer";

/// What the cashier reads when a customer's bank session ends without an approval.
const LEFT_THE_BANK: &str = "The customer did not approve in their bank in time";

struct Tracked {
    attempt: AttemptRecord,
    status: Option<PaymentStatus>,
    next_poll_ms: i64,
    /// Status reads that failed in a row.
    failures: u32,
}

impl Tracked {
    fn is_final(&self) -> bool {
        self.attempt.is_final
    }
}

struct Driver<G> {
    inner: Arc<Inner<G>>,
    control: Arc<Control>,
    sale: SaleRecord,
    tracked: Vec<Tracked>,
    /// The code on screen (open sales only).
    current: Option<Qr>,
    next_create_ms: i64,
    create_failures: u32,
    /// Final statuses found in the journal whose consequence may not be written yet
    /// (a crash came between the two): acted on first, idempotently.
    settle: Vec<(String, i64, PaymentStatus)>,
    /// Attempts already flagged for a person (never flagged twice).
    flagged: HashSet<i64>,
}

pub(crate) fn spawn<G: Gateway>(
    inner: Arc<Inner<G>>,
    sale: SaleRecord,
    attempts: Vec<AttemptRecord>,
) {
    let control = Arc::new(Control {
        cancel: std::sync::atomic::AtomicBool::new(false),
        wake: tokio::sync::Notify::new(),
    });
    let mut driver = Driver {
        inner,
        control,
        sale,
        tracked: Vec::new(),
        current: None,
        next_create_ms: 0,
        create_failures: 0,
        settle: Vec::new(),
        flagged: HashSet::new(),
    };
    driver.adopt(attempts);
    // Registered before the task starts, so a cancel right after `charge` finds the sale.
    let view = driver.view(None);
    driver
        .inner
        .live()
        .insert(driver.sale.id.clone(), (Arc::clone(&driver.control), view));
    tokio::spawn(driver.run());
}

impl<G: Gateway> Driver<G> {
    fn now(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    fn is_open(&self) -> bool {
        self.sale.state == SaleState::Open
    }

    /// Takes over attempts from the journal (after a restart). An attempt whose reply was
    /// never written is marked unknown; a still-valid code of an open sale is shown again.
    fn adopt(&mut self, attempts: Vec<AttemptRecord>) {
        let now = self.now();
        let margin = ms(self.inner.config.show_margin);
        match self.inner.journal().flagged_attempts(&self.sale.id) {
            Ok(ids) => self.flagged = ids.into_iter().collect(),
            Err(e) => {
                tracing::error!(error = %e, sale = %self.sale.id, "cannot read flagged attempts")
            }
        }
        for attempt in attempts {
            if attempt.state == AttemptState::Requested {
                let note = "Kassa stopped before the payment service's reply was recorded";
                if let Err(e) = self.inner.journal().attempt_not_created(
                    attempt.id,
                    AttemptState::Unknown,
                    note,
                    now,
                ) {
                    tracing::error!(error = %e, attempt = attempt.id, "cannot mark attempt unknown");
                }
                continue;
            }
            let (Some(pid), Some(url), Some(expires)) = (
                attempt.payment_id.clone(),
                attempt.authorization_url.clone(),
                attempt.expires_at_ms,
            ) else {
                continue;
            };
            // A final attempt's code can no longer be paid: never shown again.
            if self.is_open() && !attempt.is_final && now < expires - margin {
                match qr::svg(&url) {
                    Ok(svg) => {
                        self.current = Some(Qr {
                            sale_id: self.sale.id.clone(),
                            attempt: attempt.seq,
                            payment_id: pid.clone(),
                            authorization_url: url,
                            qr_svg: svg,
                            expires_at_ms: expires,
                            show_until_ms: expires - margin,
                        })
                    }
                    Err(e) => tracing::warn!(error = %e, "cannot render resumed code"),
                }
            }
            let status = attempt.status.as_deref().map(PaymentStatus::parse);
            if attempt.is_final {
                if let Some(
                    status @ (PaymentStatus::Executed
                    | PaymentStatus::Rejected
                    | PaymentStatus::Failed),
                ) = status
                {
                    self.settle.push((pid, attempt.id, status));
                }
            } else {
                self.tracked.push(Tracked {
                    status,
                    attempt,
                    next_poll_ms: now,
                    failures: 0,
                });
            }
        }
        if self.is_open() && !self.settle.is_empty() {
            // A payment decided just before the crash ends this sale at once: no code.
            self.current = None;
        }
        if self.current.is_some() {
            if let Some(qr) = self.current.clone() {
                self.inner.emit(TillEvent::QrReady(qr));
            }
        }
    }

    async fn run(mut self) {
        loop {
            if let Err(e) = self.step().await {
                tracing::error!(sale = %self.sale.id, error = %e, "journal write failed; retrying");
                let retry_at_ms = self.now() + 1000;
                self.inner.emit(TillEvent::AttemptError {
                    sale_id: self.sale.id.clone(),
                    message: e.to_string(),
                    retry_at_ms,
                });
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            if !self.is_open() && self.tracked.iter().all(Tracked::is_final) {
                break;
            }
            let wait =
                Duration::from_millis(u64::try_from(self.next_wake() - self.now()).unwrap_or(0));
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                () = self.control.wake.notified() => {
                    // A hint: read every followed status now.
                    let now = self.now();
                    for t in &mut self.tracked {
                        t.next_poll_ms = t.next_poll_ms.min(now);
                    }
                }
            }
        }
        self.inner.live().remove(&self.sale.id);
        tracing::info!(sale = %self.sale.id, state = self.sale.state.as_str(), "sale followed to the end");
    }

    async fn step(&mut self) -> Result<(), JournalError> {
        while let Some((payment_id, attempt_id, status)) = self.settle.first().cloned() {
            match status {
                PaymentStatus::Executed => self.paid(&payment_id, attempt_id)?,
                _ if self.is_open() => self.end(Outcome::Failed, None, status_text(&status))?,
                _ => {}
            }
            self.settle.remove(0);
        }
        if self.is_open() && self.control.cancel.load(Ordering::SeqCst) {
            self.end(Outcome::Cancelled, None, "Cancelled by the cashier".into())?;
        }
        if self.is_open()
            && self.give_up_at().is_some_and(|at| self.now() >= at)
            && !self.customer_in_bank()
        {
            let after = self.inner.config.give_up_after.unwrap_or_default();
            let message = format!(
                "Not paid: nobody approved the payment within {}",
                span(after)
            );
            self.end(Outcome::Failed, None, message)?;
        }
        let now = self.now();
        if self.is_open() && self.needs_new_code(now) && now >= self.next_create_ms {
            self.create_attempt().await?;
        }
        if self.is_open() {
            // Hide a code whose time is up even if no replacement exists yet.
            if self
                .current
                .as_ref()
                .is_some_and(|q| self.now() >= q.show_until_ms)
            {
                self.current = None;
                self.publish_view(None);
            }
        }
        let due: Vec<usize> = (0..self.tracked.len())
            .filter(|&i| !self.tracked[i].is_final() && self.tracked[i].next_poll_ms <= self.now())
            .collect();
        for i in due {
            self.poll(i).await?;
        }
        Ok(())
    }

    /// When an unpaid open sale ends by itself (if no customer is in their bank then).
    fn give_up_at(&self) -> Option<i64> {
        let after = self.inner.config.give_up_after?;
        Some(self.sale.created_at_ms.saturating_add(ms(after)))
    }

    /// Some customer has opened a code of this sale and is still in their bank.
    fn customer_in_bank(&self) -> bool {
        self.tracked.iter().any(|t| {
            !t.is_final()
                && matches!(
                    t.status,
                    Some(PaymentStatus::AwaitingAuthorization | PaymentStatus::Authorized)
                )
        })
    }

    fn needs_new_code(&self, now: i64) -> bool {
        match &self.current {
            None => true,
            Some(q) => now >= q.expires_at_ms - ms(self.inner.config.rotate_before),
        }
    }

    fn next_wake(&self) -> i64 {
        let mut at = i64::MAX;
        if self.is_open() {
            let create_at = match &self.current {
                None => self.next_create_ms,
                Some(q) => {
                    (q.expires_at_ms - ms(self.inner.config.rotate_before)).max(self.next_create_ms)
                }
            };
            at = at.min(create_at);
            if let Some(q) = &self.current {
                at = at.min(q.show_until_ms);
            }
            // Once past, the deadline waits for the customer in their bank: polls wake us.
            if let Some(give_up) = self.give_up_at().filter(|&g| g > self.now()) {
                at = at.min(give_up);
            }
        }
        for t in self.tracked.iter().filter(|t| !t.is_final()) {
            at = at.min(t.next_poll_ms);
        }
        // Never sleep blind for long: a cancel or hint also wakes us, this is a safety net.
        at.min(self.now() + 5_000)
    }

    fn reference(&self) -> String {
        match &self.sale.reference {
            Some(r) => r.clone(),
            None => {
                let short: String = self
                    .sale
                    .id
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .take(12)
                    .collect();
                format!("K{}", short.to_ascii_uppercase())
            }
        }
    }

    async fn create_attempt(&mut self) -> Result<(), JournalError> {
        let config = &self.inner.config;
        let requested_at = self.now();
        let reference = self.reference();
        let attempt =
            self.inner
                .journal()
                .begin_attempt(&self.sale.id, &reference, requested_at)?;
        let crash = &config.crash;
        if self.current.is_some() {
            crash.reached(CrashPoint::Rotation);
        }
        crash.reached(CrashPoint::BeforeAccept);
        let request = AcceptPaymentRequest {
            destination_id: config.destination_id.clone(),
            amount: DecimalAmount(self.sale.amount),
            currency: self.sale.amount.currency,
            scheme_id: scheme_for(self.sale.amount.currency).to_owned(),
            reference,
            redirect_url: config.redirect_url.clone(),
            preselected_country: None,
        };
        // The call runs as its own task: once sent it completes even if this driver stops
        // (a crash test holds the driver at `AcceptSent` while Aiia creates the payment).
        let inner = Arc::clone(&self.inner);
        let call = tokio::spawn(async move { inner.gateway.accept(&request).await });
        crash.reached(CrashPoint::AcceptSent);
        let reply = call.await.unwrap_or_else(|e| {
            Err(AiiaError::Malformed {
                detail: format!("the call stopped before its reply was read ({e})"),
                source: None,
            })
        });
        crash.reached(CrashPoint::AcceptReplied);
        let now = self.now();
        match reply {
            Ok(created) => {
                // The link's minute is counted from before the request left, never later.
                let expires = requested_at + ms(config.link_ttl);
                let attempt = self.inner.journal().attempt_created(
                    attempt.id,
                    &created.payment_id,
                    &created.authorization_url,
                    now,
                    expires,
                )?;
                self.create_failures = 0;
                self.next_create_ms = 0;
                tracing::info!(sale = %self.sale.id, payment = %created.payment_id, seq = attempt.seq, "code created");
                self.tracked.push(Tracked {
                    attempt: attempt.clone(),
                    status: None,
                    // The customer needs a moment to scan before anything can change.
                    next_poll_ms: now + ms(config.poll.scan_time),
                    failures: 0,
                });
                match qr::svg(&created.authorization_url) {
                    Ok(svg) => {
                        let qr = Qr {
                            sale_id: self.sale.id.clone(),
                            attempt: attempt.seq,
                            payment_id: created.payment_id,
                            authorization_url: created.authorization_url,
                            qr_svg: svg,
                            expires_at_ms: expires,
                            show_until_ms: expires - ms(config.show_margin),
                        };
                        self.current = Some(qr.clone());
                        // A customer still in their bank with an older code stays the news.
                        let text = (!self.customer_in_bank())
                            .then(|| status_text(&PaymentStatus::Initiated));
                        self.publish_view(text);
                        self.inner.emit(TillEvent::QrReady(qr));
                    }
                    Err(e) => {
                        // Followed all the same; the next attempt gets another chance.
                        tracing::error!(error = %e, "cannot draw the QR code for this link");
                        self.retry_create(
                            now,
                            None,
                            "The payment link cannot be drawn as a QR code. Retrying…".into(),
                        );
                    }
                }
            }
            Err(e) => {
                let state = if e.payment_may_exist() {
                    AttemptState::Unknown
                } else {
                    AttemptState::Refused
                };
                self.inner
                    .journal()
                    .attempt_not_created(attempt.id, state, &e.to_string(), now)?;
                tracing::warn!(sale = %self.sale.id, error = %e, ?state, "create call failed");
                let message = cashier_message(&e, Call::Accept);
                if e.is_transient() {
                    self.retry_create(now, e.retry_after(), message);
                } else {
                    self.end(Outcome::Failed, None, message)?;
                }
            }
        }
        Ok(())
    }

    fn retry_create(&mut self, now: i64, asked: Option<Duration>, message: String) {
        let config = &self.inner.config;
        self.create_failures += 1;
        let backoff = backoff(
            config.retry_base,
            config.retry_max,
            self.create_failures,
            |c| self.inner.ids.jitter(c),
        );
        let wait = asked.unwrap_or(backoff).max(backoff);
        self.next_create_ms = now + ms(wait);
        self.inner.emit(TillEvent::AttemptError {
            sale_id: self.sale.id.clone(),
            message,
            retry_at_ms: self.next_create_ms,
        });
    }

    async fn poll(&mut self, i: usize) -> Result<(), JournalError> {
        let Some(payment_id) = self.tracked[i].attempt.payment_id.clone() else {
            return Ok(());
        };
        self.inner.config.crash.reached(CrashPoint::Polling);
        let reply = self.inner.gateway.status(&payment_id).await;
        let now = self.now();
        let status = match reply {
            Ok(s) if s.payment_id == payment_id => s.status,
            Ok(s) => {
                tracing::error!(asked = %payment_id, got = %s.payment_id, "status reply for another payment");
                self.tracked[i].next_poll_ms = now + ms(self.inner.config.poll.after_error);
                return Ok(());
            }
            Err(AiiaError::NotFound(_)) => {
                tracing::warn!(payment = %payment_id, "the payment service does not know this payment");
                let attempt_id = self.tracked[i].attempt.id;
                self.inner
                    .journal()
                    .record_status(attempt_id, NOT_FOUND, true, now)?;
                self.tracked[i].attempt.is_final = true;
                if self
                    .current
                    .as_ref()
                    .is_some_and(|q| q.payment_id == payment_id)
                {
                    self.current = None;
                }
                return Ok(());
            }
            Err(e) => {
                // Never ends the sale: the code may still be paid. Read again later, less
                // often while the failures go on, and never before the service asked.
                let config = &self.inner.config;
                let t = &mut self.tracked[i];
                t.failures = t.failures.saturating_add(1);
                let backoff = backoff(
                    config.poll.after_error,
                    config.status_retry_max,
                    t.failures,
                    |c| self.inner.ids.jitter(c),
                );
                let wait = e.retry_after().map_or(backoff, |asked| asked.max(backoff));
                t.next_poll_ms = now + ms(wait);
                let retry_at_ms = t.next_poll_ms;
                tracing::warn!(payment = %payment_id, error = %e, failures = t.failures, "status read failed");
                if self.is_on_screen(&payment_id) {
                    self.inner.emit(TillEvent::AttemptError {
                        sale_id: self.sale.id.clone(),
                        message: cashier_message(&e, Call::Status),
                        retry_at_ms,
                    });
                }
                return Ok(());
            }
        };
        self.tracked[i].failures = 0;
        let before = self.tracked[i].status.clone();
        let attempt_id = self.tracked[i].attempt.id;
        let changed = self.inner.journal().record_status(
            attempt_id,
            status.as_str(),
            status.is_final(),
            now,
        )?;
        if changed && status.is_final() {
            self.inner.config.crash.reached(CrashPoint::FinalStatus);
        }
        let t = &mut self.tracked[i];
        t.attempt.is_final = status.is_final();
        t.attempt.status = Some(status.as_str().to_owned());
        t.status = Some(status.clone());
        let on_screen = self.is_on_screen(&payment_id);
        let shown_for = now - self.tracked[i].attempt.requested_at_ms;
        // +1: the clock counts whole milliseconds, so without it two reads could come a
        // fraction of a millisecond closer than the cadence (three in 999.x ms at 500 ms).
        self.tracked[i].next_poll_ms = now + ms(self.cadence(&status, on_screen, shown_for)) + 1;
        if changed {
            tracing::info!(sale = %self.sale.id, payment = %payment_id, %status, "status changed");
            // A bank session that runs out is news even for a replaced code: the customer
            // the cashier is waiting for gave up or took too long.
            let left_the_bank = status == PaymentStatus::Expired
                && matches!(
                    before,
                    Some(PaymentStatus::AwaitingAuthorization | PaymentStatus::Authorized)
                );
            let text = if left_the_bank {
                LEFT_THE_BANK.to_owned()
            } else {
                status_text(&status)
            };
            self.inner.emit(TillEvent::StatusChanged {
                sale_id: self.sale.id.clone(),
                payment_id: payment_id.clone(),
                status: status.as_str().to_owned(),
                status_text: text.clone(),
            });
            let replaced_expiry = status == PaymentStatus::Expired && !on_screen;
            if self.is_open() && (!replaced_expiry || left_the_bank) {
                self.publish_view(Some(text));
            }
        }
        match status {
            PaymentStatus::Executed => self.paid(&payment_id, attempt_id)?,
            PaymentStatus::Rejected | PaymentStatus::Failed if self.is_open() => {
                self.end(Outcome::Failed, None, status_text(&status))?;
            }
            PaymentStatus::Expired if on_screen => {
                // Should not happen (codes rotate first), but never leave a dead code up.
                self.current = None;
                self.publish_view(None);
            }
            _ => {}
        }
        Ok(())
    }

    fn is_on_screen(&self, payment_id: &str) -> bool {
        self.is_open()
            && self
                .current
                .as_ref()
                .is_some_and(|q| q.payment_id == payment_id)
    }

    /// The wait before the next read of an attempt in `status`, whose code has been out for
    /// `shown_for_ms`.
    fn cadence(&self, status: &PaymentStatus, on_screen: bool, shown_for_ms: i64) -> Duration {
        let p = &self.inner.config.poll;
        match status {
            PaymentStatus::Authorized => p.authorized,
            // A customer in the bank flow may approve any code, replaced or not.
            PaymentStatus::AwaitingAuthorization => p.opened,
            _ if on_screen && shown_for_ms < ms(p.back_off_after) => p.waiting,
            _ if on_screen => p.waiting_slow,
            _ => p.replaced,
        }
    }

    /// A payment was executed. The first one pays the sale; any other is money the merchant
    /// must give back, and says so loudly.
    fn paid(&mut self, payment_id: &str, attempt_id: i64) -> Result<(), JournalError> {
        if self.is_open() {
            return self.end(
                Outcome::Paid,
                Some(payment_id.to_owned()),
                PAID_MESSAGE.into(),
            );
        }
        if self.sale.paid_payment_id.as_deref() == Some(payment_id)
            || self.flagged.contains(&attempt_id)
        {
            return Ok(());
        }
        let amount = self.sale.amount.display();
        let message = match self.sale.state {
            SaleState::Paid => format!(
                "Paid twice: payment {payment_id} of {amount} came in after the sale was already paid. Refund it."
            ),
            state => format!(
                "Payment {payment_id} of {amount} came in after the sale was {}. Refund it or charge it to the sale.",
                state.as_str()
            ),
        };
        let now = self.now();
        self.inner
            .journal()
            .flag_attention(&self.sale.id, Some(attempt_id), &message, now)?;
        self.flagged.insert(attempt_id);
        self.sale.attention = Some(message.clone());
        tracing::warn!(sale = %self.sale.id, payment = %payment_id, "needs attention: extra payment");
        self.inner.emit(TillEvent::NeedsAttention {
            sale_id: self.sale.id.clone(),
            payment_id: payment_id.to_owned(),
            amount_display: amount,
            message,
        });
        Ok(())
    }

    fn end(
        &mut self,
        outcome: Outcome,
        payment_id: Option<String>,
        message: String,
    ) -> Result<(), JournalError> {
        let state = match outcome {
            Outcome::Paid => SaleState::Paid,
            Outcome::Failed => SaleState::Failed,
            Outcome::Cancelled => SaleState::Cancelled,
        };
        let now = self.now();
        self.inner.journal().end_sale(
            &self.sale.id,
            state,
            payment_id.as_deref(),
            now,
            &message,
        )?;
        self.sale.state = state;
        self.sale.ended_at_ms = Some(now);
        self.sale.paid_payment_id = payment_id.clone();
        self.current = None;
        tracing::info!(sale = %self.sale.id, ?outcome, "sale ended");
        self.publish_view(Some(message.clone()));
        self.inner.emit(TillEvent::SaleEnded {
            sale_id: self.sale.id.clone(),
            outcome,
            message,
            amount_display: self.sale.amount.display(),
            payment_id,
        });
        // A quiet moment (the result is on screen): keep the WAL small here rather than
        // in a write on the next charge path.
        if let Err(e) = self.inner.journal().checkpoint() {
            tracing::warn!(error = %e, "journal checkpoint failed; SQLite will checkpoint later");
        }
        Ok(())
    }

    fn view(&self, status: Option<String>) -> SaleView {
        SaleView {
            sale_id: self.sale.id.clone(),
            amount: self.sale.amount,
            amount_display: self.sale.amount.display(),
            reference: self.sale.reference.clone(),
            state: self.sale.state,
            status_text: status.unwrap_or_else(|| {
                if self.current.is_some() {
                    status_text(&PaymentStatus::Initiated)
                } else {
                    "Getting a new code…".into()
                }
            }),
            qr: self.current.clone(),
        }
    }

    /// Updates what `Till::current_sale` reports; keeps the last status text unless given.
    fn publish_view(&self, status: Option<String>) {
        let mut live = self.inner.live();
        let keep = live.get(&self.sale.id).map(|(_, v)| v.status_text.clone());
        let view = self.view(status.or(keep));
        if let Some(entry) = live.get_mut(&self.sale.id) {
            entry.1 = view;
        }
    }
}

/// A wait as the cashier reads it: "45 s", "10 min".
fn span(d: Duration) -> String {
    let secs = d.as_secs().max(1);
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min", secs.div_ceil(60))
    }
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}
