//! Today's sales as the counter lists them, and the bounds of "today" in local time.

use chrono::{Local, LocalResult, TimeZone};
use kassa_journal::{SaleRecord, SaleState, Totals};
use kassa_money::{Currency, Money};
use serde::Serialize;

/// One row of the day list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SaleLine {
    pub sale_id: String,
    pub created_at_ms: i64,
    pub amount_display: String,
    pub reference: Option<String>,
    /// `open`, `paid`, `failed`, `cancelled`, or `needs_attention` when a person must act.
    pub state: &'static str,
    pub state_text: &'static str,
    pub attempts: i64,
    pub payment_id: Option<String>,
    pub attention: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayReport {
    pub sales: Vec<SaleLine>,
    pub paid_count: usize,
    pub paid_total_display: String,
    /// Every sale of the day; more than `sales.len()` when the list is only the newest.
    pub total_sales: usize,
}

impl DayReport {
    /// The day's totals from the whole journal (SQL), for a list that shows only the
    /// newest sales: the paid total and counts then cover the whole day.
    pub fn with_totals(mut self, totals: &Totals, currency: Currency) -> Self {
        self.paid_count = usize::try_from(totals.paid).unwrap_or(usize::MAX);
        self.paid_total_display = Money::new(totals.paid_minor, currency).display();
        self.total_sales = usize::try_from(totals.sales)
            .unwrap_or(usize::MAX)
            .max(self.sales.len());
        self
    }
}

/// Builds the day list from journal records (newest first as given). Totals only count
/// sales in `currency`; the counter takes one currency.
pub fn day_report(sales: Vec<SaleRecord>, currency: Currency) -> DayReport {
    let mut paid_minor: i64 = 0;
    let mut paid_count = 0;
    let lines = sales
        .into_iter()
        .map(|s| {
            if s.state == SaleState::Paid && s.amount.currency == currency {
                paid_minor = paid_minor.saturating_add(s.amount.minor);
                paid_count += 1;
            }
            let (state, state_text) = match (s.attention.is_some(), s.state) {
                (true, _) => ("needs_attention", "Needs attention"),
                (false, SaleState::Open) => ("open", "Open"),
                (false, SaleState::Paid) => ("paid", "Paid"),
                (false, SaleState::Failed) => ("failed", "Declined"),
                (false, SaleState::Cancelled) => ("cancelled", "Cancelled"),
            };
            SaleLine {
                amount_display: s.amount.display(),
                sale_id: s.id,
                created_at_ms: s.created_at_ms,
                reference: s.reference,
                state,
                state_text,
                attempts: s.attempts,
                payment_id: s.paid_payment_id,
                attention: s.attention,
            }
        })
        .collect();
    let lines: Vec<SaleLine> = lines;
    DayReport {
        total_sales: lines.len(),
        sales: lines,
        paid_count,
        paid_total_display: Money::new(paid_minor, currency).display(),
    }
}

/// `[start, end)` of the local calendar day holding `now_ms`, in Unix milliseconds.
pub fn local_day_bounds(now_ms: i64) -> (i64, i64) {
    let day_ms = 86_400_000;
    let Some(now) = Local.timestamp_millis_opt(now_ms).single() else {
        return (
            now_ms - now_ms.rem_euclid(day_ms),
            now_ms - now_ms.rem_euclid(day_ms) + day_ms,
        );
    };
    let date = now.date_naive();
    let start_of = |d: chrono::NaiveDate| -> i64 {
        let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        match Local.from_local_datetime(&midnight) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.timestamp_millis(),
            // Midnight skipped by a clock change: the day starts an hour later.
            LocalResult::None => midnight.and_utc().timestamp_millis(),
        }
    };
    let start = start_of(date);
    let end = date.succ_opt().map(start_of).unwrap_or(start + day_ms);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sale(id: &str, minor: i64, state: SaleState, attention: Option<&str>) -> SaleRecord {
        SaleRecord {
            id: id.into(),
            amount: Money::new(minor, Currency::Dkk),
            reference: None,
            state,
            created_at_ms: 1,
            ended_at_ms: None,
            paid_payment_id: None,
            attention: attention.map(str::to_owned),
            attempts: 1,
        }
    }

    #[test]
    fn totals_count_paid_sales_only_and_attention_wins() {
        let r = day_report(
            vec![
                sale("a", 1250, SaleState::Paid, None),
                sale("b", 999, SaleState::Cancelled, None),
                sale("c", 100, SaleState::Paid, Some("refund p9")),
                sale("d", 5, SaleState::Open, None),
            ],
            Currency::Dkk,
        );
        assert_eq!(r.paid_count, 2);
        assert_eq!(r.paid_total_display, "13,50\u{a0}kr.");
        let states: Vec<&str> = r.sales.iter().map(|l| l.state).collect();
        assert_eq!(states, ["paid", "cancelled", "needs_attention", "open"]);
    }

    #[test]
    fn the_journal_totals_cover_sales_beyond_the_list() {
        let r = day_report(vec![sale("a", 1250, SaleState::Paid, None)], Currency::Dkk)
            .with_totals(
                &Totals {
                    sales: 950,
                    paid: 900,
                    paid_minor: 1_125_000,
                },
                Currency::Dkk,
            );
        assert_eq!(r.sales.len(), 1);
        assert_eq!(r.total_sales, 950);
        assert_eq!(r.paid_count, 900);
        assert_eq!(r.paid_total_display, "11.250,00\u{a0}kr.");
    }

    #[test]
    fn a_day_is_about_24_hours_and_holds_now() {
        let now = 1_764_064_800_000; // 2025-11-25T10:00:00Z
        let (start, end) = local_day_bounds(now);
        assert!(start <= now && now < end);
        let hours = (end - start) / 3_600_000;
        assert!((23..=25).contains(&hours), "{hours}");
    }
}
