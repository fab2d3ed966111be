//! The counter's operations as both hosts call them: a sale, its cancel, what the screen
//! shows, the payments to refund. The hosts only unpack their input and show the result.

use kassa_money::Money;
use kassa_till::{HandTender, SaleRefused, SaleView, TillError};
use serde::Serialize;

use crate::shop::{
    CartInput, CartView, LocalZone, ReceiptAssemblyError, Shop, ShopForm, ShopFormError,
    ShopSettings, WallClock,
};
use crate::{Counter, words};

/// A sale paid by hand (cash or card), as the Paid screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HandSale {
    pub sale_id: String,
    /// The receipt's number in its series (training for a sandbox counter).
    pub receipt_number: i64,
    pub training: bool,
    /// `cash` or `card`.
    pub tender: kassa_journal::Tender,
    pub total: Money,
    pub total_display: String,
    /// Cash: what the customer gave and the change to hand back.
    pub given: Option<Money>,
    pub given_display: Option<String>,
    pub change: Option<Money>,
    pub change_display: Option<String>,
    /// Card: the terminal's reference, if the cashier typed one.
    pub card_reference: Option<String>,
}

impl HandSale {
    fn of(r: kassa_journal::Receipt) -> HandSale {
        let change = r
            .cash_given
            .map(|g| Money::new(g.minor - r.total.minor, r.total.currency));
        HandSale {
            sale_id: r.sale_id,
            receipt_number: r.number,
            training: r.training,
            tender: r.tender,
            total_display: r.total.display(),
            total: r.total,
            given_display: r.cash_given.map(|g| g.display()),
            given: r.cash_given,
            change_display: change.map(|c| c.display()),
            change,
            card_reference: r.card_reference,
        }
    }
}

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

/// Why Settings → Shop was not saved: a field, the file, or the acting employee may not
/// change the settings.
#[derive(Debug, thiserror::Error)]
pub enum ShopSaveError {
    #[error(transparent)]
    Form(#[from] ShopFormError),
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
}

impl ShopSaveError {
    /// The fields to fix (none when the file failed or the step was refused).
    pub fn fields(&self) -> &[kassa_config::ShopFieldError] {
        match self {
            ShopSaveError::Form(e) => e.fields(),
            ShopSaveError::Session(_) => &[],
        }
    }
}

/// The quick items whose price changed between `before` and `after` (matched by name), each
/// as "NAME: OLD → NEW".
pub fn price_changes(
    before: &[kassa_config::QuickItem],
    after: &[kassa_config::QuickItem],
    currency: kassa_money::Currency,
) -> Vec<String> {
    after
        .iter()
        .filter_map(|new| {
            let old = before.iter().find(|o| o.name == new.name)?;
            (old.price_minor != new.price_minor).then(|| {
                format!(
                    "{}: {} \u{2192} {}",
                    new.name,
                    Money::new(old.price_minor, currency).display(),
                    Money::new(new.price_minor, currency).display()
                )
            })
        })
        .collect()
}

impl Counter {
    /// Opens a sale of `amount` (a plain amount from the keypad: one line at the shop's
    /// default VAT rate, its text the rate's name) and starts taking the payment; the
    /// sale's id.
    pub fn charge(&self, amount: Money, reference: Option<&str>) -> Result<String, TillError> {
        if amount.currency != self.currency {
            return Err(SaleRefused::MixedCurrency {
                expected: self.currency,
                found: amount.currency,
            }
            .into());
        }
        self.charge_cart(&CartInput::amount(amount.minor), reference)
    }

    /// The shop as this counter sells today: the VAT table (the keys), quick items,
    /// profile, printer, logo and width.
    pub fn shop(&self) -> Result<Shop, TillError> {
        self.shop_today()
            .map_err(|e| SaleRefused::Lines(kassa_till::LinesRefused::new(e)).into())
    }

    fn shop_today(&self) -> Result<Shop, kassa_shop::VatError> {
        let day = LocalZone.day(self.till.now_ms());
        self.shop_settings().resolve(self.currency, day)
    }

    /// The shop settings as saved.
    pub fn shop_settings(&self) -> ShopSettings {
        self.shop.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The Settings → Shop section as it stands today.
    pub fn shop_form(&self) -> ShopForm {
        let day = LocalZone.day(self.till.now_ms());
        ShopForm::of(&self.shop_settings(), self.currency, day)
    }

    /// Checks and saves the Settings → Shop section (beside the journal); the counter sells
    /// with it from the next sale on. Nothing changes when a field is wrong. Changing the
    /// settings needs a manager (or a manager's approval of it); a quick item's new price is
    /// journaled as a price change (13021, "Coffee: 30.00 → 32.00").
    pub fn save_shop(&self, form: &ShopForm) -> Result<ShopSettings, ShopSaveError> {
        let day = LocalZone.day(self.till.now_ms());
        let before = self.shop_settings();
        // A form with a wrong field keeps the manager's approval for the corrected one.
        let saved = self.approved(kassa_shop::staff::Action::Settings, |_| {
            Ok::<_, ShopSaveError>(form.save(
                &self.settings.db_path,
                self.currency,
                day,
                before.names(),
            )?)
        })?;
        *self.shop.lock().unwrap_or_else(|p| p.into_inner()) = saved.clone();
        for change in price_changes(&before.quick_items, &saved.quick_items, self.currency) {
            if let Err(e) =
                self.record_event(kassa_saft::events::JournalEvent::PriceChange, &change)
            {
                tracing::warn!(error = %e, "a price change could not be journaled");
            }
        }
        Ok(saved)
    }

    /// The cart checked against today's VAT table: lines, VAT per rate, total.
    pub fn cart(&self, input: &CartInput) -> Result<CartView, TillError> {
        let shop = self.shop()?;
        crate::shop::cart(&shop, input)
            .map_err(|e| SaleRefused::Lines(kassa_till::LinesRefused::new(e)).into())
    }

    /// Opens a pay-by-bank sale of the cart's lines and starts taking the payment.
    pub fn charge_cart(
        &self,
        input: &CartInput,
        reference: Option<&str>,
    ) -> Result<String, TillError> {
        let cart = self.cart(input)?;
        self.till.charge_lines(cart.till_lines(), reference)
    }

    /// Sells the cart for cash: `given` is what the customer handed over (the change is
    /// `given − total`; less than the total is refused). Paid with its receipt at once.
    /// `reference` is the sale's own (as for pay by bank), kept in the journal.
    pub fn pay_cash(
        &self,
        input: &CartInput,
        given: Money,
        reference: Option<&str>,
    ) -> Result<HandSale, TillError> {
        let cart = self.cart(input)?;
        let r = self
            .till
            .sell_by_hand(cart.till_lines(), HandTender::Cash { given }, reference)?;
        Ok(HandSale::of(r))
    }

    /// Sells the cart paid by card on an external terminal (the cashier saw it approved),
    /// with the terminal's reference if one is typed. Paid with its receipt at once.
    pub fn pay_card(
        &self,
        input: &CartInput,
        card_ref: Option<&str>,
        reference: Option<&str>,
    ) -> Result<HandSale, TillError> {
        let cart = self.cart(input)?;
        let r = self.till.sell_by_hand(
            cart.till_lines(),
            HandTender::Card {
                reference: card_ref.map(str::to_owned),
            },
            reference,
        )?;
        Ok(HandSale::of(r))
    }

    /// The receipt of a paid sale, from the journal and the shop settings (read-only: works
    /// while sales run).
    pub fn receipt(&self, sale_id: &str) -> Result<kassa_shop::Receipt, ReceiptAssemblyError> {
        let shop = self.shop_today()?;
        crate::shop::receipt_of_file(&self.settings.db_path, &shop, sale_id, &LocalZone)
    }

    /// Cancels an open sale (its codes stay followed).
    pub fn cancel(&self, sale_id: &str) -> Result<(), TillError> {
        self.till.cancel(sale_id)
    }

    /// The open sale on screen, with its live code (never a dead one) and its status line
    /// in `m`'s language.
    pub fn sale_on_screen(&self, m: &kassa_i18n::Messages) -> Option<SaleOnScreen> {
        self.till.current_sale().map(|view| SaleOnScreen {
            status_text: words::view_text(m, &view),
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
        assert!(
            counter
                .sale_on_screen(crate::Messages::of(crate::Lang::En))
                .is_none()
        );
        let sale = counter
            .charge(Money::new(1250, Currency::Dkk), Some("T1"))
            .unwrap();
        let on_screen = tokio::time::timeout(std::time::Duration::from_secs(10), async {
            loop {
                if let Some(s) = counter
                    .sale_on_screen(crate::Messages::of(crate::Lang::En))
                    .filter(|s| s.view.qr.is_some())
                {
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

    #[tokio::test]
    async fn cash_and_card_sales_are_paid_at_once_with_their_receipts() {
        let dir = tempfile::tempdir().unwrap();
        let settings =
            crate::Settings::from_vars(|_| None, dir.path().join("k.db")).expect("defaults");
        let counter = crate::start(settings).await.unwrap();
        let cart = CartInput {
            lines: vec![
                crate::shop::CartLineInput {
                    text: Some("Coffee".into()),
                    unit_minor: 3500,
                    quantity: 2,
                    rate: String::new(),
                },
                crate::shop::CartLineInput {
                    text: None,
                    unit_minor: 2990,
                    quantity: 1,
                    rate: "Zero-rated".into(),
                },
            ],
        };
        let dkk = |m| Money::new(m, Currency::Dkk);
        let short = counter.pay_cash(&cart, dkk(5000), None).unwrap_err();
        assert!(
            short.to_string().starts_with("the cash given (50,00"),
            "{short}"
        );
        let cash = counter.pay_cash(&cart, dkk(10000), Some("Order7")).unwrap();
        assert_eq!(cash.receipt_number, 1);
        assert!(cash.training);
        assert_eq!(cash.total, dkk(9990));
        assert_eq!(cash.change, Some(dkk(10)));
        let kept = kassa_journal::Journal::open_read_only(&counter.settings().db_path)
            .unwrap()
            .sale(&cash.sale_id)
            .unwrap()
            .unwrap();
        assert_eq!(
            kept.reference.as_deref(),
            Some("Order7"),
            "the sale's reference is kept"
        );
        let json = serde_json::to_value(&cash).unwrap();
        assert_eq!(json["changeDisplay"], "0,10\u{a0}kr.");
        assert_eq!(json["tender"], "cash");
        let card = counter.pay_card(&cart, Some("T-77"), None).unwrap();
        assert_eq!(card.receipt_number, 2);
        assert_eq!(card.card_reference.as_deref(), Some("T-77"));

        // The receipt: a training shop (no profile yet), the lines and VAT.
        let r = counter.receipt(&cash.sale_id).unwrap();
        assert_eq!(r.merchant().legal_name, "Kassa training shop");
        assert_eq!(r.lines()[1].text, "Zero-rated");
        assert_eq!(r.breakdown().groups.len(), 2);

        // A plain amount keeps working: one line at the default rate.
        let sale = counter.charge(dkk(1250), None).unwrap();
        let j = kassa_journal::Journal::open_read_only(&counter.settings().db_path).unwrap();
        let lines = j.lines_of_sale(&sale).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "Standard");
        assert_eq!(lines[0].vat.unwrap().bp, 2500);
        counter.cancel(&sale).unwrap();
        counter.stop().await;
    }

    #[tokio::test]
    async fn the_shop_form_saves_and_the_next_sale_uses_it() {
        let dir = tempfile::tempdir().unwrap();
        let settings =
            crate::Settings::from_vars(|_| None, dir.path().join("k.db")).expect("defaults");
        let counter = crate::start(settings).await.unwrap();
        let mut form = counter.shop_form();
        assert_eq!(form.vat.len(), 3, "Denmark's table: {form:?}");
        form.quick_items = vec![crate::shop::QuickItemForm {
            name: "Kaffe".into(),
            price: "30".into(),
            rate: "Standard".into(),
        }];
        form.vat[0].percent = "101".into();
        let e = counter.save_shop(&form).unwrap_err();
        assert_eq!(e.fields()[0].field, "vat.0.percent");
        assert!(
            counter.shop().unwrap().quick_items.is_empty(),
            "nothing changed"
        );
        form.vat[0].percent = "25".into();
        counter.save_shop(&form).unwrap();
        let shop = counter.shop().unwrap();
        assert_eq!(shop.quick_items[0].price_minor, 3000);
        let saved =
            crate::SavedSettings::load(&crate::settings_path(&counter.settings().db_path)).unwrap();
        assert_eq!(saved.shop.quick_items.len(), 1);

        // A new price for Kaffe is journaled as a price change (13021), by the owner; a
        // save without a new price is not.
        form.quick_items[0].price = "32,50".into();
        counter.save_shop(&form).unwrap();
        counter.save_shop(&form).unwrap();
        let j = kassa_journal::Journal::open_read_only(&counter.settings().db_path).unwrap();
        let changes: Vec<(Option<String>, String)> = j
            .journal_events(0, i64::MAX)
            .unwrap()
            .into_iter()
            .filter(|e| e.code == 13021)
            .map(|e| (e.employee, e.detail))
            .collect();
        assert_eq!(
            changes,
            [(
                Some("1".to_string()),
                "Kaffe: 30,00\u{a0}kr. \u{2192} 32,50\u{a0}kr.".to_string()
            )]
        );
        counter.stop().await;
    }
}
