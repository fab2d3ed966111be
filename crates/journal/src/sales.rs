//! Writing sales: opening one and ending it.

use rusqlite::params;

use crate::receipts::issue_receipt;
use crate::write::event;
use crate::{Journal, NewSale, Result, SaleState, Tender};

impl Journal {
    /// Writes a new sale. An intent (see [`Journal::write_intent`]): durable with the next
    /// full write, which comes before any code of the sale is shown.
    pub fn insert_sale(&mut self, sale: &NewSale<'_>) -> Result<()> {
        let employee = self.stamp.employee.clone();
        self.write_intent(|tx| insert_sale_row(tx, sale, employee.as_deref()))
    }

    /// Ends an open sale. Returns false (and writes nothing) when it had ended already.
    /// A sale ended paid gets its receipt in the same transaction, as paid by bank with
    /// `paid_payment_id` (see [`Journal::end_sale_with_receipt`] for the other tenders).
    pub fn end_sale(
        &mut self,
        sale_id: &str,
        state: SaleState,
        paid_payment_id: Option<&str>,
        at_ms: i64,
        detail: &str,
    ) -> Result<bool> {
        let stamp = self.stamp.clone();
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE sales SET state = ?2, ended_at = ?3, paid_payment_id = ?4
                 WHERE id = ?1 AND state = 'open'",
                params![sale_id, state.as_str(), at_ms, paid_payment_id],
            )?;
            if n == 1 {
                event(
                    tx,
                    sale_id,
                    None,
                    at_ms,
                    &format!("sale_{}", state.as_str()),
                    detail,
                )?;
                if state == SaleState::Cancelled {
                    let training: bool = tx.query_row(
                        "SELECT backend = 'sandbox' FROM sales WHERE id = ?1",
                        [sale_id],
                        |r| r.get(0),
                    )?;
                    crate::seal::journal_event(
                        tx,
                        stamp.employee.as_deref(),
                        &crate::NewJournalEvent {
                            code: crate::seal::event_code::VOID,
                            at_ms,
                            training,
                            detail: &format!("sale {sale_id} cancelled: {detail}"),
                            receipt: None,
                        },
                    )?;
                }
                if state == SaleState::Paid {
                    issue_receipt(
                        tx,
                        &stamp,
                        sale_id,
                        Tender::Bank,
                        paid_payment_id,
                        None,
                        at_ms,
                    )?;
                }
            }
            Ok(n == 1)
        })
    }
}

/// The sale's row and its first event.
pub(crate) fn insert_sale_row(
    tx: &rusqlite::Connection,
    sale: &NewSale<'_>,
    employee: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO sales (id, amount_minor, currency, reference, state, created_at, backend,
                            employee)
         VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?7)",
        params![
            sale.id,
            sale.amount.minor,
            sale.amount.currency.code(),
            sale.reference,
            sale.at_ms,
            sale.backend.as_str(),
            employee,
        ],
    )?;
    event(
        tx,
        sale.id,
        None,
        sale.at_ms,
        "sale_opened",
        &sale.amount.to_string(),
    )
}
