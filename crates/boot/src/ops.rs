//! The counter's operations as both hosts call them: a sale, its cancel, what the screen
//! shows, the payments to refund. The hosts only unpack their input and show the result.

use kassa_money::Money;
use kassa_till::{SaleView, TillError};
use serde::Serialize;

use crate::{Counter, words};

/// The sale on screen with its status line in words.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaleOnScreen {
    #[serde(flatten)]
    pub view: SaleView,
    pub status_text: String,
}

/// A payment that needs the merchant (a refund by hand), as the banner shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RefundDue {
    pub sale_id: String,
    pub payment_id: String,
    pub amount_display: String,
    pub message: String,
}

impl Counter {
    /// Opens a sale of `amount` and starts taking the payment; the sale's id.
    pub fn charge(&self, amount: Money, reference: Option<&str>) -> Result<String, TillError> {
        self.till.charge(amount, reference)
    }

    /// Cancels an open sale (its codes stay followed).
    pub fn cancel(&self, sale_id: &str) -> Result<(), TillError> {
        self.till.cancel(sale_id)
    }

    /// The open sale on screen, with its live code (never a dead one) and its status line.
    pub fn sale_on_screen(&self) -> Option<SaleOnScreen> {
        self.till.current_sale().map(|view| SaleOnScreen {
            status_text: words::view_text(&view),
            view,
        })
    }

    /// The journal's needs-attention notes of this counter's backend, oldest first: a
    /// restart never hides one.
    pub fn refunds_due(&self) -> Result<Vec<RefundDue>, TillError> {
        Ok(self
            .till
            .attention_items()?
            .into_iter()
            .map(|a| RefundDue {
                payment_id: a.payment_id.unwrap_or_default(),
                amount_display: a.amount.display(),
                message: a.note,
                sale_id: a.sale_id,
            })
            .collect())
    }

    /// The payment was refunded by hand (`how` says where it was marked): it leaves the
    /// list for good; the journal keeps the note and its resolution.
    pub fn refunded(&self, payment_id: &str, how: &str) -> Result<String, TillError> {
        self.till.resolve_attention(payment_id, how)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use kassa_money::Currency;

    #[tokio::test]
    async fn the_screen_gets_its_sale_with_words_and_the_refunds_with_amounts() {
        let dir = tempfile::tempdir().unwrap();
        let settings =
            crate::Settings::from_vars(|_| None, dir.path().join("k.db")).expect("defaults");
        let counter = crate::start(settings).await.unwrap();
        assert!(counter.sale_on_screen().is_none());
        let sale = counter
            .charge(Money::new(1250, Currency::Dkk), Some("T1"))
            .unwrap();
        let on_screen = tokio::time::timeout(std::time::Duration::from_secs(10), async {
            loop {
                if let Some(s) = counter.sale_on_screen().filter(|s| s.view.qr.is_some()) {
                    return s;
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        })
        .await
        .expect("a code came");
        assert_eq!(on_screen.view.sale_id, sale);
        assert_eq!(on_screen.status_text, "Waiting for the customer to scan");
        let json = serde_json::to_value(&on_screen).unwrap();
        assert_eq!(json["statusText"], "Waiting for the customer to scan");
        assert_eq!(json["saleId"], sale.as_str());
        assert!(counter.refunds_due().unwrap().is_empty());
        counter.cancel(&sale).unwrap();
        counter.stop().await;
    }
}
