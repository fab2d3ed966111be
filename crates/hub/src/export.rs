//! The shop's period from the hub, row by row: every receipt's VAT lines of every till, for
//! the bookkeeping CSV (`kassa hub export`).

use crate::{Hub, Result};

/// One receipt's line of one VAT rate, as the hub has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatRow {
    pub till_id: String,
    pub till_name: Option<String>,
    pub number: i64,
    /// `sale` or `return`.
    pub kind: String,
    /// `bank`, `cash` or `card`.
    pub tender: String,
    /// The payment id (bank), the terminal's reference (card).
    pub tender_detail: Option<String>,
    pub created_at_ms: i64,
    pub vat_bp: Option<i32>,
    pub saft_code: Option<i32>,
    pub net_minor: i64,
    pub vat_minor: i64,
    pub gross_minor: i64,
    pub currency: String,
}

impl Hub {
    /// Every VAT line of every till's receipts in `[from_ms, to_ms)` of the real series (or
    /// the training one), by till and receipt number.
    pub async fn vat_rows(&self, from_ms: i64, to_ms: i64, training: bool) -> Result<Vec<VatRow>> {
        let series = i16::from(training);
        let rows = self
            .client()
            .query(
                "SELECT r.till_id, t.name, r.number, r.kind, r.tender, r.tender_detail,
                        r.created_at, v.vat_bp, v.saft_code, v.net_minor, v.vat_minor,
                        v.gross_minor, r.currency
                 FROM hub_receipts r
                 JOIN hub_receipt_vat v ON v.till_id = r.till_id AND v.training = r.training
                                       AND v.number = r.number
                 LEFT JOIN tills t ON t.till_id = r.till_id
                 WHERE r.training = $1 AND r.created_at >= $2 AND r.created_at < $3
                 ORDER BY t.name NULLS LAST, r.till_id, r.number, v.position",
                &[&series, &from_ms, &to_ms],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        Ok(rows
            .iter()
            .map(|r| VatRow {
                till_id: r.get(0),
                till_name: r.get(1),
                number: r.get(2),
                kind: r.get(3),
                tender: r.get(4),
                tender_detail: r.get(5),
                created_at_ms: r.get(6),
                vat_bp: r.get(7),
                saft_code: r.get(8),
                net_minor: r.get(9),
                vat_minor: r.get(10),
                gross_minor: r.get(11),
                currency: r.get(12),
            })
            .collect())
    }
}
