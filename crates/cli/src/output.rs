//! How the CLI prints: plain lines (with the QR drawn in the terminal) for people, one JSON
//! object per line for machines. Every event is mapped here, in one place.

use kassa_boot::{DayReport, Messages, words};
use kassa_till::TillEvent;
use serde::Serialize;

/// The messages of the language the CLI speaks to people: `KASSA_LANG`, else the system's
/// locale, else English (`kassa_boot::current_language`). `--json` keeps English, its keys stable.
pub fn messages() -> &'static Messages {
    Messages::of(kassa_boot::current_language())
}

/// The message `key` with `args` in the language the CLI speaks to people.
pub fn t(key: &str, args: &[(&str, kassa_i18n::Arg<'_>)]) -> String {
    messages().get(key, args)
}

/// The message `key` without arguments in the language the CLI speaks.
pub fn text(key: &str) -> String {
    messages().text(key)
}

/// A refused amount ([`kassa_money::MoneyError`]) in the language spoken; its `Display`
/// stays English for logs and other callers.
pub fn money_error(m: &Messages, e: &kassa_money::MoneyError) -> String {
    kassa_boot::error_words::money(m, e)
}

/// English, for the `--json` lines' `message` (machines read one language).
fn english() -> &'static Messages {
    Messages::of(kassa_boot::Lang::En)
}

pub struct Printer {
    json: bool,
    m: &'static Messages,
}

/// One `--json` line. `event`, `sale_id`, `payment_id`, `status` and `authorization_url`
/// are always present (null when they do not apply).
#[derive(Debug, Default, Serialize)]
struct Line<'a> {
    event: &'a str,
    sale_id: &'a str,
    payment_id: Option<&'a str>,
    status: Option<&'a str>,
    authorization_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attempt: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_at_ms: Option<i64>,
    /// The cashier's sentence (`kassa_boot::words`).
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    /// The engine's typed reason, for machines.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<serde_json::Value>,
}

fn line(e: &TillEvent) -> Line<'_> {
    let message = words::event_text(english(), e);
    match e {
        TillEvent::SaleStarted {
            sale_id,
            amount_display,
            ..
        } => Line {
            event: "sale_started",
            sale_id,
            status: Some("open"),
            amount: Some(amount_display),
            ..Default::default()
        },
        TillEvent::QrReady(qr) => Line {
            event: "qr_ready",
            sale_id: &qr.sale_id,
            payment_id: Some(&qr.payment_id),
            status: Some("Initiated"),
            authorization_url: Some(&qr.authorization_url),
            attempt: Some(qr.attempt),
            expires_at_ms: Some(qr.expires_at_ms),
            ..Default::default()
        },
        TillEvent::QrWithdrawn {
            sale_id, attempt, ..
        } => Line {
            event: "qr_withdrawn",
            sale_id,
            attempt: Some(*attempt),
            message,
            ..Default::default()
        },
        TillEvent::AttemptError {
            sale_id, problem, ..
        } => Line {
            event: "attempt_error",
            sale_id,
            status: Some("error"),
            message,
            reason: serde_json::to_value(problem).ok(),
            ..Default::default()
        },
        TillEvent::StatusChanged {
            sale_id,
            payment_id,
            status,
            ..
        } => Line {
            event: "status_changed",
            sale_id,
            payment_id: Some(payment_id),
            status: Some(status.as_str()),
            message,
            ..Default::default()
        },
        TillEvent::SaleEnded {
            sale_id,
            outcome,
            reason,
            amount_display,
            payment_id,
            ..
        } => Line {
            event: "sale_ended",
            sale_id,
            payment_id: payment_id.as_deref(),
            status: Some(match outcome {
                kassa_till::Outcome::Paid => "paid",
                kassa_till::Outcome::Failed => "failed",
                kassa_till::Outcome::Cancelled => "cancelled",
            }),
            amount: Some(amount_display),
            message,
            reason: serde_json::to_value(reason).ok(),
            ..Default::default()
        },
        TillEvent::SaleProgress { sale_id, progress } => Line {
            event: "sale_progress",
            sale_id,
            attempt: progress.attempt,
            message,
            ..Default::default()
        },
        TillEvent::NeedsAttention {
            sale_id,
            payment_id,
            amount_display,
            reason,
            ..
        } => Line {
            event: "needs_attention",
            sale_id,
            payment_id: Some(payment_id),
            status: Some("needs_attention"),
            amount: Some(amount_display),
            message,
            reason: serde_json::to_value(reason).ok(),
            ..Default::default()
        },
    }
}

/// The `--json` line of a sale paid by hand: the event line's keys, the tender, the
/// change and the receipt (its JSON, as `kassa receipt --json` writes it).
#[derive(Serialize)]
struct HandLine<'a> {
    event: &'static str,
    sale_id: &'a str,
    payment_id: Option<&'a str>,
    status: &'static str,
    authorization_url: Option<&'a str>,
    tender: &'static str,
    amount: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    card_reference: Option<&'a str>,
    receipt_number: i64,
    training: bool,
    receipt: Option<kassa_boot::shop::ReceiptJson<'a>>,
}

impl Printer {
    pub fn new(json: bool) -> Self {
        Printer {
            json,
            m: messages(),
        }
    }

    /// A sale paid in cash or by card: its receipt as text (or one JSON line), and the
    /// change to hand back.
    pub fn hand_sale(
        &self,
        sale: &kassa_boot::HandSale,
        receipt: Result<&kassa_boot::shop::Receipt, &kassa_boot::shop::ReceiptAssemblyError>,
        width: usize,
    ) {
        if self.json {
            let line = HandLine {
                event: "sale_ended",
                sale_id: &sale.sale_id,
                payment_id: None,
                status: "paid",
                authorization_url: None,
                tender: sale.tender.as_str(),
                amount: &sale.total_display,
                given: sale.given_display.as_deref(),
                change: sale.change_display.as_deref(),
                card_reference: sale.card_reference.as_deref(),
                receipt_number: sale.receipt_number,
                training: sale.training,
                receipt: receipt.ok().map(|r| r.json()),
            };
            match serde_json::to_string(&line) {
                Ok(s) => println!("{s}"),
                Err(err) => tracing::error!(error = %err, "cannot write the sale as JSON"),
            }
            if let Err(e) = receipt {
                self.no_receipt(e);
            }
            return;
        }
        self.receipt(receipt, width);
        let m = self.m;
        let money = |a: Option<kassa_money::Money>| a.map(|a| m.money(a)).unwrap_or_default();
        let number = sale.receipt_number.into();
        match (&sale.change_display, &sale.card_reference) {
            (Some(_), _) => println!(
                "{}",
                m.get(
                    "cli-paid-cash",
                    &[
                        ("given", money(sale.given).into()),
                        ("change", money(sale.change).into()),
                        ("receipt", number),
                    ]
                )
            ),
            (None, Some(r)) => println!(
                "{}",
                m.get(
                    "cli-paid-card-ref",
                    &[("reference", r.into()), ("receipt", number)]
                )
            ),
            (None, None) => println!("{}", m.get("cli-paid-card", &[("receipt", number)])),
        }
    }

    /// A paid sale's receipt as text, `width` characters a line (nothing with `--json`: the
    /// event lines are the output there; `kassa receipt --json` gives it).
    pub fn receipt(
        &self,
        receipt: Result<&kassa_boot::shop::Receipt, &kassa_boot::shop::ReceiptAssemblyError>,
        width: usize,
    ) {
        match receipt {
            Ok(r) if !self.json => println!(
                "\n{}",
                r.to_doc_with(width, None, kassa_boot::receipt_words())
                    .to_text(width)
            ),
            Ok(_) => {}
            Err(e) => self.no_receipt(e),
        }
    }

    fn no_receipt(&self, e: &kassa_boot::shop::ReceiptAssemblyError) {
        eprintln!(
            "kassa: {}",
            self.m.get(
                "cli-no-receipt",
                &[("error", kassa_boot::error_words::receipt(self.m, e).into())]
            )
        );
    }

    pub fn event(&self, e: &TillEvent) {
        // The window's status line; the CLI prints each status as it changes instead.
        if matches!(e, TillEvent::SaleProgress { .. }) {
            return;
        }
        if self.json {
            match serde_json::to_string(&line(e)) {
                Ok(s) => println!("{s}"),
                Err(err) => tracing::error!(error = %err, "cannot write an event as JSON"),
            }
            return;
        }
        let m = self.m;
        match e {
            TillEvent::SaleStarted {
                sale_id, amount, ..
            } => {
                println!(
                    "{}",
                    m.get(
                        "cli-sale-started",
                        &[
                            ("sale", sale_id.into()),
                            ("amount", m.money(*amount).into())
                        ]
                    )
                );
            }
            TillEvent::QrReady(qr) => {
                println!(
                    "\n{}\n{}",
                    m.get("cli-scan-to-pay", &[("attempt", qr.attempt.into())]),
                    terminal_qr(&qr.authorization_url)
                );
                println!("{}\n", qr.authorization_url);
            }
            TillEvent::QrWithdrawn { .. } | TillEvent::StatusChanged { .. } => {
                if let Some(text) = words::event_text(m, e) {
                    println!("… {text}");
                }
            }
            TillEvent::AttemptError { .. } => {
                if let Some(text) = words::event_text(m, e) {
                    println!("! {text}");
                }
            }
            TillEvent::SaleEnded { amount, .. } => {
                let text = words::event_text(m, e).unwrap_or_default();
                println!(
                    "{}",
                    m.get(
                        "cli-sale-ended",
                        &[("text", text.into()), ("amount", m.money(*amount).into())]
                    )
                );
            }
            // The journal's note (English, with the payment id) for the record; the
            // reason in the cashier's language before it.
            TillEvent::NeedsAttention { note, reason, .. } => {
                let text = if m.lang() == kassa_boot::Lang::En {
                    note.clone()
                } else {
                    format!("{} ({note})", words::flag_text(m, reason))
                };
                println!("{}", m.get("cli-needs-attention", &[("note", text.into())]));
            }
            TillEvent::SaleProgress { .. } => {}
        }
    }

    pub fn day(&self, report: &DayReport) {
        if self.json {
            match serde_json::to_string(report) {
                Ok(s) => println!("{s}"),
                Err(err) => tracing::error!(error = %err, "cannot write the report as JSON"),
            }
            return;
        }
        let m = self.m;
        if report.backend.is_training() {
            println!(
                "{}",
                m.get(
                    "cli-day-training",
                    &[("training", m.text("training").into())]
                )
            );
        }
        println!(
            "{}",
            m.get(
                "cli-day-paid",
                &[
                    ("count", report.paid_count.into()),
                    ("total", report.paid_total_display.as_str().into()),
                ]
            )
        );
        for s in &report.sales {
            println!(
                "{:<34} {:>16}  {:<16} {}{}",
                s.sale_id,
                s.amount_display,
                s.state_text,
                s.backend_text
                    .map(|t| format!("[{t}] "))
                    .unwrap_or_default(),
                s.reference.as_deref().unwrap_or("")
            );
        }
        let more = report.total_sales.saturating_sub(report.sales.len());
        if more > 0 {
            println!("{}", m.get("cli-day-more", &[("count", more.into())]));
        }
    }
}

/// The QR drawn with half-block characters, two modules per character row.
fn terminal_qr(text: &str) -> String {
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::unicode::Dense1x2>()
            .dark_color(qrcode::render::unicode::Dense1x2::Light)
            .light_color(qrcode::render::unicode::Dense1x2::Dark)
            .build(),
        Err(e) => format!("(cannot draw the code: {e})"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn json_lines_always_carry_the_named_keys() {
        let e = TillEvent::SaleStarted {
            sale_id: "s".into(),
            amount: kassa_money::Money::new(100, kassa_money::Currency::Dkk),
            amount_display: "1,00 kr.".into(),
            reference: None,
        };
        let v: serde_json::Value = serde_json::to_value(line(&e)).unwrap();
        for key in [
            "event",
            "sale_id",
            "payment_id",
            "status",
            "authorization_url",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {v}");
        }
        assert_eq!(v["status"], "open");
        assert!(v["payment_id"].is_null());
    }
}
