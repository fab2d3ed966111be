//! Today's sales as the counter lists them, and the bounds of "today" in local time.
//! [`today`] is the one way both hosts get the day report: the window from its running
//! counter, `kassa today` from the journal file alone (read-only, beside any owner).

use std::path::Path;

use chrono::{Local, LocalResult, TimeZone};
use kassa_journal::{Backend, Journal, SaleRecord, SaleState, Totals};
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
    /// What the bank statement shows when no reference was typed: the automatic reference
    /// of a pay-by-bank sale (none for cash and card, or when a reference was typed).
    pub statement_reference: Option<String>,
    /// `open`, `paid`, `failed`, `cancelled`, or `needs_attention` when a person must act.
    pub state: &'static str,
    /// The state in the language spoken (the window writes its own from `state`).
    pub state_text: String,
    pub attempts: i64,
    pub payment_id: Option<String>,
    pub attention: Option<String>,
    /// Where the sale ran.
    pub backend: Backend,
    /// "Training" for a sandbox sale (no real money moved), none for a live one.
    pub backend_text: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DayReport {
    pub sales: Vec<SaleLine>,
    pub paid_count: usize,
    pub paid_total_display: String,
    /// Every sale of the day; more than `sales.len()` when the list is only the newest.
    pub total_sales: usize,
    /// The backend whose sales the report counts (only those: never both).
    pub backend: Backend,
    /// The heading of the totals: "Paid today", or "Training: paid today" on the sandbox, in
    /// the language spoken.
    pub totals_label: String,
}

impl DayReport {
    /// The day's totals from the whole journal (SQL), for a list that shows only the
    /// newest sales: the paid total and counts then cover the whole day.
    pub fn with_totals(mut self, totals: &Totals, currency: Currency) -> Self {
        self.paid_count = usize::try_from(totals.paid).unwrap_or(usize::MAX);
        self.paid_total_display = words().money(Money::new(totals.paid_minor, currency));
        self.total_sales = usize::try_from(totals.sales)
            .unwrap_or(usize::MAX)
            .max(self.sales.len());
        self
    }
}

/// The word a training (sandbox) sale is labelled with.
pub const TRAINING: &str = "Training";

/// The words of the language spoken now ([`crate::current_language`]).
fn words() -> &'static kassa_i18n::Messages {
    kassa_i18n::Messages::of(crate::current_language())
}

/// Builds the day list of the sales on `backend` from journal records (newest first as
/// given). Totals only count sales in `currency`; the counter takes one currency. A record
/// of the other backend is left out of the list and the totals: a report is of one backend.
pub fn day_report(sales: Vec<SaleRecord>, currency: Currency, backend: Backend) -> DayReport {
    let m = words();
    let mut paid_minor: i64 = 0;
    let mut paid_count = 0;
    let lines = sales
        .into_iter()
        .filter(|s| s.backend == backend)
        .map(|s| {
            if s.state == SaleState::Paid && s.amount.currency == currency {
                paid_minor = paid_minor.saturating_add(s.amount.minor);
                paid_count += 1;
            }
            let (state, state_text) = crate::daybook::state_words(&s, m);
            let statement_reference = (s.reference.is_none() && s.attempts > 0)
                .then(|| kassa_till::statement_reference(&s.id, None));
            SaleLine {
                amount_display: m.money(s.amount),
                statement_reference,
                sale_id: s.id,
                created_at_ms: s.created_at_ms,
                reference: s.reference,
                state,
                state_text,
                attempts: s.attempts,
                payment_id: s.paid_payment_id,
                attention: s.attention,
                backend: s.backend,
                backend_text: s.backend.is_training().then_some(TRAINING),
            }
        })
        .collect();
    let lines: Vec<SaleLine> = lines;
    DayReport {
        total_sales: lines.len(),
        sales: lines,
        paid_count,
        paid_total_display: m.money(Money::new(paid_minor, currency)),
        backend,
        totals_label: m.text(if backend.is_training() {
            "today-paid-today-training"
        } else {
            "today-paid-today"
        }),
    }
}

/// Where a day report reads its sales.
#[derive(Debug, Clone, Copy)]
pub enum Ledger<'a> {
    /// A running counter (the window): its engine's journal, its currency and backend.
    Counter(&'a crate::Counter),
    /// The journal the settings point at, opened read-only with no engine (`kassa today`):
    /// works while another process owns the journal and sells. No journal yet: an empty day.
    Journal(&'a crate::Settings),
}

/// Today's report (the local calendar day) of the counter's own backend, in its currency:
/// the newest `limit` sales, with totals over the whole day.
pub fn today(ledger: Ledger<'_>, limit: u32) -> Result<DayReport, crate::BootError> {
    match ledger {
        Ledger::Counter(c) => {
            let (from, to) = local_day_bounds(c.till.now_ms());
            let sales = c.till.sales_between(from, to, limit)?;
            let totals = c.till.totals_between(from, to, c.currency)?;
            Ok(day_report(sales, c.currency, c.backend()).with_totals(&totals, c.currency))
        }
        Ledger::Journal(settings) => {
            let now_ms = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
            today_in_journal(
                &settings.db_path,
                settings.currency,
                settings.backend(),
                now_ms,
                limit,
            )
        }
    }
}

fn today_in_journal(
    db: &Path,
    currency: Currency,
    backend: Backend,
    now_ms: i64,
    limit: u32,
) -> Result<DayReport, crate::BootError> {
    if !db.exists() {
        return Ok(day_report(Vec::new(), currency, backend));
    }
    let (from, to) = local_day_bounds(now_ms);
    let journal = Journal::open_read_only(db)?;
    let sales = journal.sales_between(from, to, backend, limit)?;
    let totals = journal.totals_between(from, to, currency, backend)?;
    Ok(day_report(sales, currency, backend).with_totals(&totals, currency))
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
    #![allow(clippy::unwrap_used)]
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
            backend: Backend::Live,
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
            Backend::Live,
        );
        assert_eq!(r.paid_count, 2);
        assert_eq!(r.paid_total_display, "13,50\u{a0}kr.");
        let states: Vec<&str> = r.sales.iter().map(|l| l.state).collect();
        assert_eq!(states, ["paid", "cancelled", "needs_attention", "open"]);
    }

    #[test]
    fn a_bank_sale_without_a_reference_shows_the_automatic_one_that_reaches_the_statement() {
        let typed = SaleRecord {
            reference: Some("Bord7".into()),
            ..sale("b-2", 500, SaleState::Paid, None)
        };
        let cash = SaleRecord {
            attempts: 0,
            ..sale("c-3", 500, SaleState::Paid, None)
        };
        let r = day_report(
            vec![
                sale("4f2a91c0-77", 1250, SaleState::Failed, None),
                typed,
                cash,
            ],
            Currency::Dkk,
            Backend::Live,
        );
        // The same text the engine sends to the bank for every code of the sale.
        assert_eq!(
            r.sales[0].statement_reference.as_deref(),
            Some("K4F2A91C077")
        );
        assert_eq!(
            kassa_till::statement_reference("4f2a91c0-77", None),
            "K4F2A91C077"
        );
        assert_eq!(r.sales[1].statement_reference, None);
        assert_eq!(r.sales[1].reference.as_deref(), Some("Bord7"));
        // Cash and card reach no bank statement.
        assert_eq!(r.sales[2].statement_reference, None);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["sales"][0]["statementReference"], "K4F2A91C077");
    }

    #[test]
    fn the_journal_totals_cover_sales_beyond_the_list() {
        let r = day_report(
            vec![sale("a", 1250, SaleState::Paid, None)],
            Currency::Dkk,
            Backend::Live,
        )
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
    fn a_live_report_leaves_training_sales_out_and_a_training_report_says_so() {
        let training = |id: &str, minor| SaleRecord {
            backend: Backend::Sandbox,
            ..sale(id, minor, SaleState::Paid, None)
        };
        let sales = vec![
            sale("a", 1250, SaleState::Paid, None),
            training("t", 99_900),
        ];
        let live = day_report(sales.clone(), Currency::Dkk, Backend::Live);
        assert_eq!(live.paid_count, 1);
        assert_eq!(live.paid_total_display, "12,50\u{a0}kr.");
        let ids: Vec<&str> = live.sales.iter().map(|l| l.sale_id.as_str()).collect();
        assert_eq!(ids, ["a"]);
        assert_eq!(live.totals_label, "Paid today");
        assert_eq!(live.sales[0].backend_text, None);

        let train = day_report(sales, Currency::Dkk, Backend::Sandbox);
        assert_eq!(train.paid_total_display, "999,00\u{a0}kr.");
        assert_eq!(train.sales.len(), 1);
        assert_eq!(train.sales[0].backend, Backend::Sandbox);
        assert_eq!(train.sales[0].backend_text, Some("Training"));
        assert_eq!(train.totals_label, "Training: paid today");
        // The window gets both from Rust, in camelCase.
        let json = serde_json::to_value(&train).unwrap();
        assert_eq!(json["backend"], "sandbox");
        assert_eq!(json["totalsLabel"], "Training: paid today");
        assert_eq!(json["sales"][0]["backendText"], "Training");
    }

    /// The window (a running counter) and `kassa today` (the journal alone, read-only, while
    /// that counter owns it) get the same report from [`today`].
    #[tokio::test]
    async fn the_window_and_the_cli_get_the_same_report_of_today() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("kassa.db");
        let settings = crate::Settings::from_vars(|_| None, db.clone()).unwrap();
        // No journal yet: an empty day, not an error.
        let empty = today(Ledger::Journal(&settings), 10).unwrap();
        assert_eq!((empty.sales.len(), empty.total_sales), (0, 0));
        assert_eq!(empty.totals_label, "Training: paid today");

        let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
        {
            // Sealed with the till's own key (made here, in the keyring): the counter signs on.
            let mut j = crate::keys::open_sealed(&db, &settings.keys, now).unwrap();
            // Ended sales only: an open one would be resumed (and driven) by the counter.
            for (id, minor, paid) in [("s1", 1250, true), ("s2", 500, false), ("s3", 99, true)] {
                j.insert_sale(&kassa_journal::NewSale {
                    id,
                    amount: Money::new(minor, Currency::Dkk),
                    reference: None,
                    at_ms: now,
                    backend: Backend::Sandbox,
                })
                .unwrap();
                let (state, payment) = if paid {
                    (SaleState::Paid, Some(id))
                } else {
                    (SaleState::Cancelled, None)
                };
                j.end_sale(id, state, payment, now + 1, "ended").unwrap();
            }
        }
        let counter = crate::start(settings.clone()).await.unwrap();
        let window = today(Ledger::Counter(&counter), 2).unwrap();
        let cli = today(Ledger::Journal(&settings), 2).unwrap();
        assert_eq!(window, cli);
        assert_eq!(window.sales.len(), 2);
        assert_eq!(window.total_sales, 3);
        assert_eq!(window.paid_count, 2);
        assert_eq!(window.paid_total_display, "13,49\u{a0}kr.");
        counter.stop().await;
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
