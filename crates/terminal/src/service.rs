//! The terminal service: a register's nexo message in, Kassa's answer out, on the counter
//! the host started. A payment is a pay-by-bank sale opened with [`Counter::charge`] (the
//! same path as the window's Pay by bank and `kassa charge`), followed to its end in the
//! journal; the register's ids are kept beside it ([`kassa_journal::TerminalPayment`]) so
//! that a repeated request never opens a second sale and a lost reply is found again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kassa_boot::Counter;
use kassa_journal::{NewTerminalPayment, SaleState, TerminalPayment};
use kassa_money::{Currency, Money};
use kassa_till::{Phase, SaleRefused, TillError};

use crate::amount;
use crate::nexo::{
    self, AmountsResp, BareResponse, ErrorCondition, LoginResponse, MessageReference,
    OutputContent, OutputText, PaymentAcquirerData, PaymentReceipt, PaymentResponse, PaymentResult,
    PoiData, PoiStatus, PoiSystemData, RepeatedBody, RepeatedMessageResponse, RequestEnvelope,
    RequestHeader, Response, ResponseEnvelope, ResponseHeader, SaleData, SaleToPoiRequest,
    SaleToPoiResponse, TransactionId, TransactionStatusResponse,
};

/// The nexo protocol version Kassa speaks.
pub const PROTOCOL_VERSION: &str = "3.0";

/// How a terminal service runs.
#[derive(Debug, Clone)]
pub struct TerminalConfig {
    /// Kassa's terminal id (nexo `POIID`), told to registers in every response.
    pub poi_id: String,
    /// How long a waiting reply waits for the counter's next event before it reads the
    /// journal for its sale's end anyway (every event of the counter wakes it at once).
    pub poll: Duration,
    /// How long after a request's write its sale can have been opened: the window in which
    /// a sale is taken as the request's after Kassa stopped between the two writes.
    pub adopt_within: Duration,
}

impl Default for TerminalConfig {
    fn default() -> Self {
        TerminalConfig {
            poi_id: "KASSA".into(),
            poll: Duration::from_secs(1),
            adopt_within: Duration::from_secs(10),
        }
    }
}

/// What to send back: the HTTP status (200 for every nexo response, also a failure; 400
/// when the body is not JSON) and the response.
#[derive(Debug, Clone)]
pub struct Reply {
    pub http_status: u16,
    pub envelope: ResponseEnvelope,
}

/// The terminal service on a running counter.
/// Where the service finds the running counter, at each request: the CLI's never changes,
/// the app's is replaced when the merchant saves new settings (and is away meanwhile).
pub type CounterSource = Box<dyn Fn() -> Option<Arc<Counter>> + Send + Sync>;

pub struct Terminal {
    source: CounterSource,
    config: TerminalConfig,
    /// Held while a payment is checked, written and opened: one at a time.
    gate: Mutex<()>,
    /// Registers logged in (nexo `SaleID` → when). A payment does not need one.
    logins: Mutex<HashMap<String, i64>>,
}

/// A request that cannot be served, with the response's `ErrorCondition` and sentence.
struct Refusal {
    condition: ErrorCondition,
    message: String,
}

fn refuse(condition: ErrorCondition, message: impl Into<String>) -> Refusal {
    Refusal {
        condition,
        message: message.into(),
    }
}

impl From<kassa_journal::JournalError> for Refusal {
    fn from(e: kassa_journal::JournalError) -> Self {
        refuse(
            ErrorCondition::Busy,
            format!("Kassa's journal could not be read or written: {e}"),
        )
    }
}

impl Terminal {
    /// The service on `counter`. Requests whose sale Kassa never wrote back (it stopped
    /// between the two writes) are settled first: the one sale opened for it is taken as
    /// its own; with none, the request is forgotten (nothing was charged).
    pub fn new(counter: Arc<Counter>, config: TerminalConfig) -> Terminal {
        Terminal::on(Box::new(move || Some(Arc::clone(&counter))), config)
    }

    /// The service on whichever counter `source` gives at each request (none: the register
    /// is told Kassa is busy). It holds a counter only while it answers, and a waiting reply
    /// only while it reads, so the host can stop and replace its counter meanwhile.
    pub fn on(source: CounterSource, config: TerminalConfig) -> Terminal {
        let terminal = Terminal {
            source,
            config,
            gate: Mutex::new(()),
            logins: Mutex::new(HashMap::new()),
        };
        if let Err(e) = terminal.settle_unopened() {
            tracing::warn!(error = %e, "the registers' unopened payments could not be settled");
        }
        terminal
    }

    pub fn config(&self) -> &TerminalConfig {
        &self.config
    }

    /// The counter now, or why there is none.
    fn counter(&self) -> Result<Arc<Counter>, Refusal> {
        (self.source)().ok_or_else(|| {
            refuse(
                ErrorCondition::Busy,
                "Kassa is starting or switching to new settings: try again in a moment",
            )
        })
    }

    fn settle_unopened(&self) -> Result<(), kassa_journal::JournalError> {
        let within = i64::try_from(self.config.adopt_within.as_millis()).unwrap_or(i64::MAX);
        let Some(counter) = (self.source)() else {
            return Ok(());
        };
        counter.till.with_journal(|j| {
            for p in j.unopened_terminal_payments()? {
                let sales = j.unclaimed_sales(
                    p.amount,
                    p.received_at_ms,
                    p.received_at_ms.saturating_add(within),
                )?;
                match sales.as_slice() {
                    [sale] => {
                        tracing::info!(register = %p.sale_system, service = %p.service_id, %sale, "a register's payment found its sale");
                        j.terminal_payment_opened(&p.sale_system, &p.service_id, sale)?;
                    }
                    [] => j.forget_terminal_payment(&p.sale_system, &p.service_id)?,
                    _ => tracing::warn!(register = %p.sale_system, service = %p.service_id, "a register's payment has several candidate sales; left for a person"),
                }
            }
            Ok(())
        })
    }

    /// Answers one request body.
    pub async fn handle(&self, body: &[u8]) -> Reply {
        let mut de = serde_json::Deserializer::from_slice(body);
        let envelope = match serde_path_to_error::deserialize::<_, RequestEnvelope>(&mut de) {
            Ok(e) => e,
            Err(e) => return self.unreadable(body, &e.path().to_string(), e.inner()),
        };
        if let Err(e) = de.end() {
            return self.unreadable(body, ".", &e);
        }
        let request = envelope.request;
        let header = request.message_header.clone();
        let answer = match self.check_header(&header) {
            Ok(()) => self.serve(&header, request).await,
            Err(r) => self.failure_for(&header, r),
        };
        Reply {
            http_status: 200,
            envelope: ResponseEnvelope { response: answer },
        }
    }

    /// The response to a body that does not read: 400 when it is not JSON at all, else a
    /// nexo `MessageFormat` failure naming the field. What can be read of its header is
    /// echoed.
    fn unreadable(&self, body: &[u8], path: &str, inner: &serde_json::Error) -> Reply {
        let not_json = inner.is_syntax() || inner.is_eof();
        let message = if not_json {
            format!("the body is not JSON: {inner}")
        } else {
            let what = inner.to_string();
            // serde_json adds " at line L column C", which says nothing to a register.
            let what = what.split(" at line ").next().unwrap_or(&what).to_owned();
            if path == "." {
                format!(
                    "{what} (the body is {{\"SaleToPOIRequest\": {{\"MessageHeader\": …, …}}}})"
                )
            } else {
                format!("at {path}: {what}")
            }
        };
        let response = Response::failure(ErrorCondition::MessageFormat, &message, &[]);
        Reply {
            http_status: if not_json { 400 } else { 200 },
            envelope: self.refusal(body, response),
        }
    }

    /// `response` to the request `body` (refused before it was read: a wrong token, a body
    /// that does not read), its header echoed as far as it reads.
    pub fn refusal(&self, body: &[u8], response: Response) -> ResponseEnvelope {
        let mut out = self.bare(&self.header_echo(body), response);
        if let Some(p) = out.response.payment_response.as_mut() {
            p.sale_data = sale_data_echo(body);
        }
        out
    }

    /// The header of a request that did not read, as far as it can be read.
    fn header_echo(&self, body: &[u8]) -> ResponseHeader {
        let value: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
        let h = &value["SaleToPOIRequest"]["MessageHeader"];
        let text = |k: &str| h[k].as_str().map(str::to_owned);
        ResponseHeader {
            message_category: text("MessageCategory"),
            service_id: text("ServiceID"),
            sale_id: text("SaleID"),
            poi_id: Some(self.config.poi_id.clone()),
            ..self.blank_header()
        }
    }

    fn blank_header(&self) -> ResponseHeader {
        ResponseHeader {
            protocol_version: PROTOCOL_VERSION,
            message_class: "Service",
            message_category: None,
            message_type: "Response",
            service_id: None,
            sale_id: None,
            poi_id: Some(self.config.poi_id.clone()),
        }
    }

    /// The response header to `h`.
    fn header_for(&self, h: &RequestHeader) -> ResponseHeader {
        ResponseHeader {
            message_category: Some(h.message_category.clone()),
            service_id: h.service_id.clone(),
            sale_id: Some(h.sale_id.clone()),
            ..self.blank_header()
        }
    }

    fn check_header(&self, h: &RequestHeader) -> Result<(), Refusal> {
        if let Some(v) = &h.protocol_version {
            if v.split('.').next() != Some("3") {
                return Err(refuse(
                    ErrorCondition::UnavailableService,
                    format!("Kassa speaks nexo Sale to POI protocol version 3.0, not {v}"),
                ));
            }
        }
        if h.message_class != "Service" {
            return Err(refuse(
                ErrorCondition::MessageFormat,
                format!(
                    "MessageHeader.MessageClass is {:?}: Kassa serves Service messages only",
                    h.message_class
                ),
            ));
        }
        if h.message_type != "Request" {
            return Err(refuse(
                ErrorCondition::MessageFormat,
                format!(
                    "MessageHeader.MessageType is {:?}: a register sends Request",
                    h.message_type
                ),
            ));
        }
        if h.sale_id.trim().is_empty() {
            return Err(refuse(
                ErrorCondition::MessageFormat,
                "MessageHeader.SaleID is empty: name the register",
            ));
        }
        match h.service_id.as_deref().map(str::trim) {
            None | Some("") => Err(refuse(
                ErrorCondition::MessageFormat,
                "MessageHeader.ServiceID is missing: each request needs its own (1 to 10 characters)",
            )),
            Some(s) if s.chars().count() > 10 => Err(refuse(
                ErrorCondition::MessageFormat,
                format!("MessageHeader.ServiceID {s:?} is longer than 10 characters"),
            )),
            Some(_) => Ok(()),
        }
    }

    async fn serve(&self, h: &RequestHeader, r: SaleToPoiRequest) -> SaleToPoiResponse {
        let missing = |body: &str| {
            refuse(
                ErrorCondition::MessageFormat,
                format!(
                    "MessageCategory is {} but the request has no {body}",
                    h.message_category
                ),
            )
        };
        let result = match h.message_category.as_str() {
            "Payment" => match r.payment_request {
                Some(p) => return self.payment(h, p).await,
                None => Err(missing("PaymentRequest")),
            },
            "Abort" => match r.abort_request {
                Some(a) => self.abort(h, &a).map(|response| self.bare_for(h, response)),
                None => Err(missing("AbortRequest")),
            },
            "TransactionStatus" => match r.transaction_status_request {
                Some(t) => Ok(self.transaction_status(h, t.message_reference.unwrap_or_default())),
                None => Err(missing("TransactionStatusRequest")),
            },
            "Login" => match r.login_request {
                Some(l) => Ok(self.login(h, &l)),
                None => Err(missing("LoginRequest")),
            },
            "Logout" => match r.logout_request {
                Some(_) => Ok(self.logout(h)),
                None => Err(missing("LogoutRequest")),
            },
            other => Err(refuse(
                ErrorCondition::UnavailableService,
                format!(
                    "Kassa does not serve {other} requests: it serves Payment, Abort, \
                     TransactionStatus, Login and Logout"
                ),
            )),
        };
        result.unwrap_or_else(|refusal| self.failure_for(h, refusal))
    }

    /// A failure response to `h` in the body its category answers with.
    fn failure_for(&self, h: &RequestHeader, r: Refusal) -> SaleToPoiResponse {
        let response = Response::failure(r.condition, &r.message, &[]);
        self.bare_for(h, response)
    }

    fn bare_for(&self, h: &RequestHeader, response: Response) -> SaleToPoiResponse {
        self.bare(&self.header_for(h), response).response
    }

    /// `response` in the body of `header`'s category (a payment's failure as a
    /// `PaymentResponse`, so a register reads it where it reads a result).
    fn bare(&self, header: &ResponseHeader, response: Response) -> ResponseEnvelope {
        let mut out = SaleToPoiResponse {
            message_header: header.clone(),
            payment_response: None,
            abort_response: None,
            transaction_status_response: None,
            login_response: None,
            logout_response: None,
        };
        match header.message_category.as_deref() {
            Some("Payment") => {
                out.payment_response = Some(PaymentResponse {
                    response,
                    sale_data: None,
                    poi_data: None,
                    payment_result: None,
                    payment_receipt: Vec::new(),
                })
            }
            Some("TransactionStatus") => {
                out.transaction_status_response = Some(TransactionStatusResponse {
                    response,
                    message_reference: None,
                    repeated_message_response: None,
                })
            }
            Some("Login") => {
                out.login_response = Some(LoginResponse {
                    response,
                    poi_system_data: self.poi_system_data(),
                })
            }
            Some("Logout") => out.logout_response = Some(BareResponse { response }),
            // Abort, and a category Kassa does not know: the body it would answer in.
            _ => out.abort_response = Some(BareResponse { response }),
        }
        ResponseEnvelope { response: out }
    }

    // ---- Payment ----

    async fn payment(&self, h: &RequestHeader, p: nexo::PaymentRequest) -> SaleToPoiResponse {
        let sale_data = p.sale_data.clone();
        let respond = |response: Response| {
            let mut out = self.bare_for(h, response);
            if let Some(pr) = out.payment_response.as_mut() {
                pr.sale_data = Some(sale_data.clone());
            }
            out
        };
        let found = match self.open_or_find(h, &p) {
            Ok(found) => found,
            Err(r) => return respond(Response::failure(r.condition, &r.message, &[])),
        };
        // The reply waits for the sale's end (a long poll); a register that gives up
        // waiting asks with TransactionStatus, and a repeated request waits again.
        let mut response = self.await_end(&found).await;
        response.sale_data = Some(p.sale_data);
        let mut out = self.bare_for(h, Response::success());
        out.payment_response = Some(response);
        out
    }

    /// The register's payment: the one this request repeats, or a new sale for it.
    fn open_or_find(
        &self,
        h: &RequestHeader,
        p: &nexo::PaymentRequest,
    ) -> Result<TerminalPayment, Refusal> {
        let register = h.sale_id.as_str();
        let service_id = h.service_id.as_deref().unwrap_or_default();
        let tx = &p.sale_data.sale_transaction_id;
        if tx.transaction_id.trim().is_empty() {
            return Err(refuse(
                ErrorCondition::MessageFormat,
                "PaymentRequest.SaleData.SaleTransactionID.TransactionID is empty",
            ));
        }
        if let Some(kind) = p
            .payment_data
            .as_ref()
            .and_then(|d| d.payment_type.as_deref())
        {
            if kind != "Normal" {
                return Err(refuse(
                    ErrorCondition::UnavailableService,
                    format!(
                        "PaymentType {kind} is not served: Kassa takes Normal payments; a \
                         refund is a Return at Kassa (a bank transfer the merchant makes)"
                    ),
                ));
            }
        }
        let counter = self.counter()?;
        let asked = &p.payment_transaction.amounts_req;
        let currency: Currency = asked.currency.parse().map_err(|_| {
            refuse(
                ErrorCondition::NotAllowed,
                format!(
                    "Currency {:?} is not taken: this Kassa takes {}",
                    asked.currency, counter.currency
                ),
            )
        })?;
        let money = amount::requested(&asked.requested_amount, currency)
            .map_err(|e| refuse(ErrorCondition::MessageFormat, e.to_string()))?;

        let _gate = self.gate.lock().unwrap_or_else(|p| p.into_inner());
        let till = &counter.till;
        // This ServiceID again: the same request repeated, or a mistake.
        if let Some(earlier) = till.with_journal(|j| j.terminal_payment(register, service_id))? {
            if earlier.transaction_id != tx.transaction_id || earlier.amount != money {
                return Err(refuse(
                    ErrorCondition::NotAllowed,
                    format!(
                        "ServiceID {service_id} was already used for transaction {} of {} \
                         {}: send each request with a new ServiceID",
                        earlier.transaction_id,
                        earlier.amount.decimal(),
                        earlier.amount.currency
                    ),
                ));
            }
            return self.repeated(earlier);
        }
        // The same transaction under a new ServiceID: its payment is the earlier one's,
        // unless that one ended unpaid (then nothing was charged and a new try is a new
        // sale).
        let earlier = till
            .with_journal(|j| j.terminal_payments_of_transaction(register, &tx.transaction_id))?;
        if let Some(latest) = earlier.into_iter().next() {
            if !self.ended_unpaid(&latest)? {
                if latest.amount != money {
                    return Err(refuse(
                        ErrorCondition::NotAllowed,
                        format!(
                            "transaction {} is already being paid with {}; this request asks \
                             for {}",
                            tx.transaction_id,
                            latest.amount.decimal(),
                            money.decimal()
                        ),
                    ));
                }
                return self.repeated(latest);
            }
        }
        if currency != counter.currency {
            return Err(refuse(
                ErrorCondition::NotAllowed,
                format!(
                    "this Kassa takes {}; the payment asked for {currency}: nothing was charged",
                    counter.currency
                ),
            ));
        }
        if let Some(open) = till.current_sale() {
            let of = till.with_journal(|j| j.terminal_payment_of_sale(&open.sale_id))?;
            let message = match of {
                Some(o) if o.sale_system != register => format!(
                    "register {} is taking a payment on this Kassa (its transaction {}): try \
                     again when it has ended",
                    o.sale_system, o.transaction_id
                ),
                Some(o) => format!(
                    "this register's payment of transaction {} (ServiceID {}) is still \
                     running: wait for it, or abort it first",
                    o.transaction_id, o.service_id
                ),
                None => {
                    "the cashier has a sale open at Kassa: try again when it has ended".to_owned()
                }
            };
            return Err(refuse(ErrorCondition::Busy, message));
        }
        // Checked before anything is written: the shop's VAT table must take the amount.
        counter
            .cart(&kassa_boot::shop::CartInput::amount(money.minor))
            .map_err(|e| {
                refuse(
                    ErrorCondition::NotAllowed,
                    format!("Kassa cannot sell this amount: {e}"),
                )
            })?;
        let received = counter.now_ms();
        let new = NewTerminalPayment {
            sale_system: register,
            service_id,
            transaction_id: &tx.transaction_id,
            transaction_at: &tx.time_stamp,
            poi_id: &h.poi_id,
            amount: money,
            received_at_ms: received,
        };
        till.with_journal(|j| j.begin_terminal_payment(&new))?;
        let sale_id = match counter.charge(money, None) {
            Ok(id) => id,
            Err(e) => {
                till.with_journal(|j| j.forget_terminal_payment(register, service_id))?;
                return Err(match e {
                    TillError::SaleInProgress { sale_id } => refuse(
                        ErrorCondition::Busy,
                        format!("sale {sale_id} is open at Kassa: try again when it has ended"),
                    ),
                    TillError::Refused(SaleRefused::MixedCurrency { expected, found }) => refuse(
                        ErrorCondition::NotAllowed,
                        format!("this Kassa takes {expected}; the payment asked for {found}"),
                    ),
                    other => refuse(
                        ErrorCondition::Busy,
                        format!("Kassa could not open the sale: {other}"),
                    ),
                });
            }
        };
        till.with_journal(|j| j.terminal_payment_opened(register, service_id, &sale_id))?;
        tracing::info!(register, service_id, transaction = %tx.transaction_id, sale = %sale_id, amount = %money, "a register's payment opened a sale");
        till.with_journal(|j| j.terminal_payment(register, service_id))?
            .ok_or_else(|| refuse(ErrorCondition::Busy, "the payment's record was not found"))
    }

    /// An earlier request for the same payment: answered with its result (waiting for it
    /// while it runs), never a second sale.
    fn repeated(&self, earlier: TerminalPayment) -> Result<TerminalPayment, Refusal> {
        if earlier.sale_id.is_none() {
            return Err(refuse(
                ErrorCondition::Aborted,
                format!(
                    "Kassa stopped while it opened the payment of transaction {} and cannot \
                     tell whether a sale was opened: check Kassa's Today list before you \
                     charge again",
                    earlier.transaction_id
                ),
            ));
        }
        Ok(earlier)
    }

    fn ended_unpaid(&self, p: &TerminalPayment) -> Result<bool, Refusal> {
        let Some(sale_id) = &p.sale_id else {
            return Ok(false);
        };
        let sale = self.counter()?.till.with_journal(|j| j.sale(sale_id))?;
        Ok(sale.is_some_and(|s| matches!(s.state, SaleState::Failed | SaleState::Cancelled)))
    }

    /// The payment's response once its sale has ended (read from the journal, so it is the
    /// same before and after a restart).
    /// It is read again at each of the counter's events (a sale's end is one), so the reply
    /// goes out as the sale ends, not at the next turn of a timer.
    async fn await_end(&self, p: &TerminalPayment) -> PaymentResponse {
        loop {
            // Listen before reading: an end between the read and the wait still wakes it.
            let mut events = self.counter().ok().map(|c| c.till.subscribe());
            match self.ended(p) {
                Ok(Some(r)) => return r,
                Ok(None) => {}
                Err(r) => {
                    return self
                        .payment_failure(p, Response::failure(r.condition, &r.message, &[]));
                }
            }
            match events.as_mut() {
                // An event, a lagged or closed stream (the app replaced its counter) or the
                // timeout: read the journal again either way.
                Some(events) => {
                    let woke = tokio::time::timeout(self.config.poll, events.recv()).await;
                    if matches!(
                        woke,
                        Ok(Err(tokio::sync::broadcast::error::RecvError::Closed))
                    ) {
                        tokio::time::sleep(self.config.poll).await;
                    }
                }
                None => tokio::time::sleep(self.config.poll).await,
            }
        }
    }

    fn payment_failure(&self, p: &TerminalPayment, response: Response) -> PaymentResponse {
        PaymentResponse {
            response,
            sale_data: sale_data_of(p),
            poi_data: None,
            payment_result: None,
            payment_receipt: Vec::new(),
        }
    }

    /// The payment's response if its sale has ended, else `None`.
    fn ended(&self, p: &TerminalPayment) -> Result<Option<PaymentResponse>, Refusal> {
        let Some(sale_id) = p.sale_id.as_deref() else {
            return Err(self
                .repeated(p.clone())
                .err()
                .unwrap_or_else(|| refuse(ErrorCondition::Busy, "the payment has no sale")));
        };
        let (sale, end, receipt, now) = self.counter()?.till.with_journal(|j| {
            Ok::<_, kassa_journal::JournalError>((
                j.sale(sale_id)?,
                j.sale_end_record(sale_id)?,
                j.receipt_of_sale(sale_id)?,
                j.terminal_payment(&p.sale_system, &p.service_id)?,
            ))
        })?;
        // The request as it stands now (an abort may have come since it was read).
        let aborted = now.as_ref().unwrap_or(p).abort_at_ms.is_some();
        let Some(sale) = sale else {
            return Err(refuse(
                ErrorCondition::NotFound,
                format!("sale {sale_id} is not in Kassa's journal"),
            ));
        };
        let poi_data = Some(PoiData {
            poi_transaction_id: TransactionId {
                transaction_id: sale.id.clone(),
                time_stamp: rfc3339(sale.created_at_ms),
            },
        });
        let training = sale.backend.is_training();
        let training_text = if training { "true" } else { "false" };
        let detail = end.map(|(_, d)| d).unwrap_or_default();
        let response = match sale.state {
            SaleState::Open => return Ok(None),
            SaleState::Paid => {
                let payment_id = sale.paid_payment_id.clone().unwrap_or_default();
                let number = receipt.as_ref().map(|r| r.number.to_string());
                let mut pairs = vec![
                    ("saleId", sale.id.as_str()),
                    ("paymentId", payment_id.as_str()),
                    ("training", training_text),
                ];
                if let Some(n) = number.as_deref() {
                    pairs.push(("receiptNumber", n));
                }
                let mut response = Response::success();
                response.additional_response =
                    Some(nexo::additional("paid by bank transfer", &pairs));
                let ended_at = sale.ended_at_ms.unwrap_or(sale.created_at_ms);
                return Ok(Some(PaymentResponse {
                    response,
                    sale_data: sale_data_of(p),
                    poi_data,
                    payment_result: Some(PaymentResult {
                        payment_type: "Normal",
                        online_flag: true,
                        amounts_resp: AmountsResp {
                            currency: sale.amount.currency.code().to_owned(),
                            authorized_amount: amount::json_number(sale.amount),
                        },
                        payment_acquirer_data: PaymentAcquirerData {
                            acquirer_transaction_id: TransactionId {
                                transaction_id: payment_id.clone(),
                                time_stamp: rfc3339(ended_at),
                            },
                            acquirer_poi_id: self.config.poi_id.clone(),
                        },
                    }),
                    payment_receipt: receipt_lines(
                        &sale.id,
                        &payment_id,
                        sale.amount,
                        receipt.as_ref(),
                    ),
                }));
            }
            SaleState::Cancelled if aborted => Response::failure(
                ErrorCondition::Aborted,
                "the register aborted the payment: nothing was charged",
                &[("saleId", sale.id.as_str()), ("training", training_text)],
            ),
            SaleState::Cancelled => Response::failure(
                ErrorCondition::Cancel,
                "the sale was cancelled at Kassa: nothing was charged",
                &[("saleId", sale.id.as_str()), ("training", training_text)],
            ),
            SaleState::Failed => {
                let (condition, message) = unpaid(&detail);
                Response::failure(
                    condition,
                    &message,
                    &[("saleId", sale.id.as_str()), ("training", training_text)],
                )
            }
        };
        Ok(Some(PaymentResponse {
            response,
            sale_data: sale_data_of(p),
            poi_data,
            payment_result: None,
            payment_receipt: Vec::new(),
        }))
    }

    // ---- Abort ----

    fn abort(&self, h: &RequestHeader, a: &nexo::AbortRequest) -> Result<Response, Refusal> {
        let reference = &a.message_reference;
        if let Some(c) = reference.message_category.as_deref() {
            if c != "Payment" {
                return Err(refuse(
                    ErrorCondition::NotFound,
                    format!("Kassa aborts payments only; MessageReference.MessageCategory is {c}"),
                ));
            }
        }
        let register = reference.sale_id.as_deref().unwrap_or(&h.sale_id);
        let Some(service_id) = reference.service_id.as_deref() else {
            return Err(refuse(
                ErrorCondition::MessageFormat,
                "AbortRequest.MessageReference.ServiceID is missing: name the payment's ServiceID",
            ));
        };
        let _gate = self.gate.lock().unwrap_or_else(|p| p.into_inner());
        let counter = self.counter()?;
        let till = &counter.till;
        let Some(p) = till.with_journal(|j| j.terminal_payment(register, service_id))? else {
            return Err(refuse(
                ErrorCondition::NotFound,
                format!("register {register} has no payment with ServiceID {service_id}"),
            ));
        };
        let Some(sale_id) = p.sale_id.clone() else {
            return Err(self
                .repeated(p)
                .err()
                .unwrap_or_else(|| refuse(ErrorCondition::NotFound, "no sale")));
        };
        let open = till
            .current_sale()
            .filter(|v| v.sale_id == sale_id && v.state == SaleState::Open);
        let Some(view) = open else {
            return Err(refuse(
                ErrorCondition::NotAllowed,
                format!(
                    "the payment has already ended: ask TransactionStatus for its result (sale {sale_id})"
                ),
            ));
        };
        if matches!(view.phase, Phase::InBank | Phase::Authorized) {
            return Err(refuse(
                ErrorCondition::InProgress,
                "the customer is approving the payment in their bank: Kassa waits for the \
                 bank's answer and cannot abort now (the payment's response follows)",
            ));
        }
        till.with_journal(|j| j.terminal_payment_aborted(register, service_id, counter.now_ms()))?;
        match till.cancel(&sale_id) {
            Ok(()) => {
                tracing::info!(register, service_id, sale = %sale_id, reason = ?a.abort_reason, "a register aborted its payment");
                Ok(Response::success())
            }
            Err(e) => Err(refuse(
                ErrorCondition::NotAllowed,
                format!("the payment could not be aborted: {e}"),
            )),
        }
    }

    // ---- TransactionStatus ----

    fn transaction_status(
        &self,
        h: &RequestHeader,
        reference: MessageReference,
    ) -> SaleToPoiResponse {
        let answer = self.status_of(h, &reference);
        let mut out = self.bare_for(h, Response::success());
        let body = match answer {
            Ok((p, payment)) => {
                let repeated_header = ResponseHeader {
                    message_category: Some("Payment".into()),
                    service_id: Some(p.service_id.clone()),
                    sale_id: Some(p.sale_system.clone()),
                    ..self.blank_header()
                };
                TransactionStatusResponse {
                    response: Response::success(),
                    message_reference: Some(MessageReference {
                        message_category: Some("Payment".into()),
                        service_id: Some(p.service_id),
                        sale_id: Some(p.sale_system),
                        poi_id: None,
                    }),
                    repeated_message_response: Some(RepeatedMessageResponse {
                        message_header: repeated_header,
                        repeated_response_message_body: RepeatedBody {
                            payment_response: payment,
                        },
                    }),
                }
            }
            Err(r) => TransactionStatusResponse {
                response: Response::failure(r.condition, &r.message, &[]),
                message_reference: Some(reference),
                repeated_message_response: None,
            },
        };
        out.transaction_status_response = Some(body);
        out
    }

    fn status_of(
        &self,
        h: &RequestHeader,
        reference: &MessageReference,
    ) -> Result<(TerminalPayment, PaymentResponse), Refusal> {
        if let Some(c) = reference.message_category.as_deref() {
            if c != "Payment" {
                return Err(refuse(
                    ErrorCondition::NotFound,
                    format!(
                        "Kassa keeps the status of payments only; MessageReference.MessageCategory is {c}"
                    ),
                ));
            }
        }
        let register = reference.sale_id.as_deref().unwrap_or(&h.sale_id);
        let counter = self.counter()?;
        let till = &counter.till;
        let found = match reference.service_id.as_deref() {
            Some(s) => till.with_journal(|j| j.terminal_payment(register, s))?,
            None => till.with_journal(|j| j.last_terminal_payment(register))?,
        };
        let Some(p) = found else {
            return Err(refuse(
                ErrorCondition::NotFound,
                match reference.service_id.as_deref() {
                    Some(s) => format!(
                        "register {register} has no payment with ServiceID {s}: it never reached Kassa, so nothing was charged"
                    ),
                    None => format!("register {register} has no payments at Kassa"),
                },
            ));
        };
        match self.ended(&p)? {
            Some(payment) => Ok((p, payment)),
            None => {
                let phase = till
                    .current_sale()
                    .filter(|v| Some(&v.sale_id) == p.sale_id.as_ref())
                    .map(|v| v.phase);
                Err(refuse(
                    ErrorCondition::InProgress,
                    format!("the payment is still running: {}", phase_words(phase)),
                ))
            }
        }
    }

    // ---- Login / Logout ----

    fn poi_system_data(&self) -> PoiSystemData {
        PoiSystemData {
            date_time: self
                .counter()
                .map(|c| rfc3339(c.now_ms()))
                .unwrap_or_default(),
            poi_status: PoiStatus {
                global_status: "OK",
            },
        }
    }

    fn login(&self, h: &RequestHeader, l: &nexo::LoginRequest) -> SaleToPoiResponse {
        let now = self.counter().map(|c| c.now_ms()).unwrap_or_default();
        self.logins
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(h.sale_id.clone(), now);
        let software = l
            .sale_software
            .as_ref()
            .map(|s| {
                format!(
                    "{} {} {}",
                    s.manufacturer_id.as_deref().unwrap_or(""),
                    s.application_name.as_deref().unwrap_or(""),
                    s.software_version.as_deref().unwrap_or("")
                )
            })
            .unwrap_or_default();
        tracing::info!(register = %h.sale_id, software = software.trim(), operator = ?l.operator_id, "a register logged in");
        let mut out = self.bare_for(h, Response::success());
        out.login_response = Some(LoginResponse {
            response: Response::success(),
            poi_system_data: self.poi_system_data(),
        });
        out
    }

    fn logout(&self, h: &RequestHeader) -> SaleToPoiResponse {
        self.logins
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&h.sale_id);
        self.bare_for(h, Response::success())
    }

    /// Whether the register `sale_id` is logged in (a payment does not need it).
    pub fn logged_in(&self, sale_id: &str) -> bool {
        self.logins
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(sale_id)
    }
}

fn sale_data_of(p: &TerminalPayment) -> Option<SaleData> {
    Some(SaleData {
        sale_transaction_id: TransactionId {
            transaction_id: p.transaction_id.clone(),
            time_stamp: p.transaction_at.clone(),
        },
    })
}

/// The `SaleData` of a payment request that was refused before it was read, as far as it
/// reads.
fn sale_data_echo(body: &[u8]) -> Option<SaleData> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let id = &value["SaleToPOIRequest"]["PaymentRequest"]["SaleData"]["SaleTransactionID"];
    Some(SaleData {
        sale_transaction_id: TransactionId {
            transaction_id: id["TransactionID"].as_str()?.to_owned(),
            time_stamp: id["TimeStamp"].as_str().unwrap_or_default().to_owned(),
        },
    })
}

/// The `ErrorCondition` and sentence of a sale the engine ended as failed, from the
/// journal's record of why (`kassa_till`'s end records).
fn unpaid(detail: &str) -> (ErrorCondition, String) {
    let condition = if detail.starts_with("declined in the bank")
        || detail.starts_with("the bank could not complete")
    {
        ErrorCondition::Refusal
    } else if detail.starts_with("nobody approved") {
        ErrorCondition::Cancel
    } else if detail.starts_with("no code could be made") {
        ErrorCondition::UnreachableHost
    } else {
        ErrorCondition::Refusal
    };
    let why = if detail.is_empty() {
        "the payment failed"
    } else {
        detail
    };
    (condition, format!("{why}: nothing was charged"))
}

fn phase_words(phase: Option<Phase>) -> &'static str {
    match phase {
        Some(Phase::MakingCode) => "Kassa is making the payment's code",
        Some(Phase::Scanning) => "waiting for the customer to scan the code",
        Some(Phase::InBank) => "the customer is approving in their bank",
        Some(Phase::Authorized) => "approved in the bank, waiting for the money",
        Some(Phase::Ended) | None => "Kassa is following it to its end",
    }
}

/// A short customer receipt as text lines (the full receipt is Kassa's own, printed or
/// saved there).
fn receipt_lines(
    sale_id: &str,
    payment_id: &str,
    total: Money,
    receipt: Option<&kassa_journal::Receipt>,
) -> Vec<PaymentReceipt> {
    let mut lines = Vec::new();
    if let Some(r) = receipt {
        lines.push(format!(
            "{} {}",
            if r.training {
                "TRAINING receipt"
            } else {
                "Receipt"
            },
            r.number
        ));
    }
    lines.push(format!(
        "Paid by bank {} {}",
        total.decimal(),
        total.currency
    ));
    lines.push(format!("Payment {payment_id}"));
    lines.push(format!("Sale {sale_id}"));
    vec![PaymentReceipt {
        document_qualifier: "CustomerReceipt",
        required_signature_flag: false,
        output_content: OutputContent {
            output_format: "Text",
            output_text: lines.into_iter().map(|text| OutputText { text }).collect(),
        },
    }]
}

/// Epoch milliseconds as an ISO date and time in UTC (`2026-12-04T10:00:00.000Z`).
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}
