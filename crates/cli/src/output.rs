//! How the CLI prints: plain lines (with the QR drawn in the terminal) for people, one JSON
//! object per line for machines. Every event is mapped here, in one place.

use kassa_boot::{DayReport, words};
use kassa_till::TillEvent;
use serde::Serialize;

pub struct Printer {
    json: bool,
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
    let message = words::event_text(e);
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
        Printer { json }
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
                eprintln!("kassa: no receipt shown: {e}");
            }
            return;
        }
        self.receipt(receipt, width);
        match (&sale.change_display, &sale.card_reference) {
            (Some(change), _) => println!(
                "Paid in cash: {} given, change {change} (receipt {})",
                sale.given_display.as_deref().unwrap_or_default(),
                sale.receipt_number
            ),
            (None, Some(r)) => println!(
                "Paid by card, terminal reference {r} (receipt {})",
                sale.receipt_number
            ),
            (None, None) => println!("Paid by card (receipt {})", sale.receipt_number),
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
            Ok(r) if !self.json => println!("\n{}", r.to_doc(width, None).to_text(width)),
            Ok(_) => {}
            Err(e) => eprintln!("kassa: no receipt shown: {e}"),
        }
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
        match e {
            TillEvent::SaleStarted {
                sale_id,
                amount_display,
                ..
            } => {
                println!("Sale {sale_id}: {amount_display}");
            }
            TillEvent::QrReady(qr) => {
                println!(
                    "\nCode {} — scan to pay:\n{}",
                    qr.attempt,
                    terminal_qr(&qr.authorization_url)
                );
                println!("{}\n", qr.authorization_url);
            }
            TillEvent::QrWithdrawn { .. } | TillEvent::StatusChanged { .. } => {
                if let Some(text) = words::event_text(e) {
                    println!("… {text}");
                }
            }
            TillEvent::AttemptError { .. } => {
                if let Some(text) = words::event_text(e) {
                    println!("! {text}");
                }
            }
            TillEvent::SaleEnded { amount_display, .. } => {
                let text = words::event_text(e).unwrap_or_default();
                println!("{text}: {amount_display}");
            }
            TillEvent::NeedsAttention { note, .. } => println!("NEEDS ATTENTION: {note}"),
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
        if report.backend.is_training() {
            println!("{}: sandbox sales, no real money", kassa_boot::TRAINING);
        }
        println!(
            "{} paid sales today, {} in all",
            report.paid_count, report.paid_total_display
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
            println!("... and {more} earlier sales (all of them: kassa export)");
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
