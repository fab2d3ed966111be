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

impl Hub {
    /// Every record the hub has of `till_id`, in order: the till's books as it wrote them
    /// (`Journal::rebuild` makes them a journal again).
    pub async fn records_of(&self, till_id: &str) -> Result<Vec<kassa_journal::LogRecord>> {
        let rows = self
            .client()
            .query(
                "SELECT seq, tbl, op, body::text FROM records WHERE till_id = $1 ORDER BY seq",
                &[&till_id],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        Ok(rows
            .iter()
            .map(|r| kassa_journal::LogRecord {
                seq: r.get(0),
                table: r.get(1),
                op: r.get(2),
                row: r.get(3),
            })
            .collect())
    }

    /// The tills the hub knows: id and name.
    pub async fn tills(&self) -> Result<Vec<(String, Option<String>)>> {
        let rows = self
            .client()
            .query(
                "SELECT till_id, name FROM tills ORDER BY name NULLS LAST, till_id",
                &[],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }
}
