//! The whole shop's day from the hub: per till and for the shop, the sales and returns, the
//! tenders, VAT per rate, the open pay-by-bank returns and the flagged double payments, and
//! each till's last Z.
//!
//! An X report adds what the hub has of the day so far (the hourly totals: a few hundred
//! rows, however much was sold). A Z report adds the periods the tills closed that day (the
//! totals of each Z, kept when it arrived).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{Hub, Result};

/// X: the day so far; Z: the periods closed that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    X,
    Z,
}

/// The day asked for: its name and its bounds in ms since 1970 (`from` included, `to` not),
/// as the shop's local time gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    pub date: String,
    pub from_ms: i64,
    pub to_ms: i64,
}

/// A count and an amount in one currency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counted {
    pub currency: String,
    pub count: i64,
    pub amount_minor: i64,
}

/// One tender's sales or returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TenderLine {
    /// `bank`, `cash` or `card`.
    pub tender: String,
    /// `sale` or `return`.
    pub kind: String,
    pub currency: String,
    pub count: i64,
    pub amount_minor: i64,
}

/// VAT of one rate and SAF-T code (none: sales without VAT lines). Returns are negative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VatLine {
    pub vat_bp: Option<i32>,
    pub saft_code: Option<i32>,
    pub currency: String,
    pub net_minor: i64,
    pub vat_minor: i64,
    pub gross_minor: i64,
}

/// The figures of one till, or of the shop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub sales: Vec<Counted>,
    pub returns: Vec<Counted>,
    pub tenders: Vec<TenderLine>,
    pub vat: Vec<VatLine>,
    /// Pay-by-bank returns still to be sent back by bank transfer (whatever day they are from).
    pub open_bank_returns: Vec<Counted>,
    /// Payments made twice, flagged for a refund, that day.
    pub double_payments: Vec<Counted>,
}

/// A Z report as the hub has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZSeen {
    pub number: i64,
    pub closed_at_ms: i64,
    pub first_receipt: Option<i64>,
    pub last_receipt: Option<i64>,
    pub employee: Option<String>,
}

/// One till in the shop's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TillReport {
    pub till_id: String,
    pub name: Option<String>,
    /// The hub has this till's records up to here.
    pub acked_seq: i64,
    #[serde(flatten)]
    pub figures: Figures,
    pub last_z: Option<ZSeen>,
    /// The Z reports closed that day (a Z report's figures are theirs).
    pub z_of_the_day: Vec<ZSeen>,
}

/// The shop's report of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShopReport {
    pub mode: Mode,
    pub day: Day,
    /// The training series (the built-in sandbox's sales), not the real one.
    pub training: bool,
    pub tills: Vec<TillReport>,
    pub shop: Figures,
}

const HOUR_MS: i64 = 3_600_000;

impl Hub {
    /// The shop's report of `day` in the real series (or the training one).
    pub async fn shop_report(&self, mode: Mode, day: &Day, training: bool) -> Result<ShopReport> {
        let client = self.client();
        let series: i16 = i16::from(training);
        let tills = client
            .query(
                "SELECT till_id, name, acked_seq FROM tills ORDER BY name NULLS LAST, till_id",
                &[],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        let mut per_till: BTreeMap<String, Figures> = BTreeMap::new();
        let rows = match mode {
            Mode::X => {
                client
                    .query(
                        "SELECT till_id, kind, tender, vat_bp, saft_code, currency,
                                sum(count)::bigint, sum(amount_minor)::bigint,
                                sum(net_minor)::bigint, sum(vat_minor)::bigint
                         FROM hub_hour_totals
                         WHERE training = $1 AND hour >= $2 AND hour < $3
                         GROUP BY 1, 2, 3, 4, 5, 6",
                        &[
                            &series,
                            &day.from_ms.div_euclid(HOUR_MS),
                            &day.to_ms.div_euclid(HOUR_MS),
                        ],
                    )
                    .await
            }
            Mode::Z => {
                client
                    .query(
                        "SELECT t.till_id, t.kind, t.tender, t.vat_bp, t.saft_code, t.currency,
                                sum(t.count)::bigint, sum(t.amount_minor)::bigint,
                                sum(t.net_minor)::bigint, sum(t.vat_minor)::bigint
                         FROM hub_z_reports z
                         JOIN hub_z_totals t ON t.till_id = z.till_id
                                            AND t.training = z.training
                                            AND t.number = z.number
                         WHERE z.training = $1 AND z.closed_at >= $2 AND z.closed_at < $3
                         GROUP BY 1, 2, 3, 4, 5, 6",
                        &[&series, &day.from_ms, &day.to_ms],
                    )
                    .await
            }
        }
        .map_err(|e| self.pg_err(e))?;
        for r in &rows {
            let till: String = r.get(0);
            let kind: String = r.get(1);
            let tender: String = r.get(2);
            let vat_bp: i32 = r.get(3);
            let saft_code: i32 = r.get(4);
            let currency: String = r.get(5);
            let count: i64 = r.get(6);
            let amount: i64 = r.get(7);
            let f = per_till.entry(till).or_default();
            match kind.as_str() {
                "sale" => add(&mut f.sales, &currency, count, amount),
                "return" => add(&mut f.returns, &currency, count, amount),
                "tender_sale" | "tender_return" => f.tenders.push(TenderLine {
                    tender,
                    kind: kind.trim_start_matches("tender_").to_owned(),
                    currency,
                    count,
                    amount_minor: amount,
                }),
                "vat" => f.vat.push(VatLine {
                    vat_bp: (vat_bp >= 0).then_some(vat_bp),
                    saft_code: (saft_code >= 0).then_some(saft_code),
                    currency,
                    net_minor: r.get(8),
                    vat_minor: r.get(9),
                    gross_minor: amount,
                }),
                _ => {}
            }
        }
        let transfers = client
            .query(
                "SELECT till_id, kind, currency, count(*), sum(amount_minor)::bigint
                 FROM hub_bank_refunds
                 WHERE training = $1
                   AND ((kind = 'return' AND state = 'open')
                     OR (kind = 'double_payment' AND created_at >= $2 AND created_at < $3))
                 GROUP BY 1, 2, 3",
                &[&series, &day.from_ms, &day.to_ms],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        for r in &transfers {
            let f = per_till.entry(r.get(0)).or_default();
            let kind: String = r.get(1);
            let list = if kind == "return" {
                &mut f.open_bank_returns
            } else {
                &mut f.double_payments
            };
            add(list, &r.get::<_, String>(2), r.get(3), r.get(4));
        }
        let zs = client
            .query(
                "SELECT till_id, number, closed_at, first_receipt, last_receipt, employee,
                        closed_at >= $2 AND closed_at < $3 AS of_the_day,
                        number = max(number) OVER (PARTITION BY till_id) AS last
                 FROM hub_z_reports WHERE training = $1
                 ORDER BY till_id, number",
                &[&series, &day.from_ms, &day.to_ms],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        let mut last_z: BTreeMap<String, ZSeen> = BTreeMap::new();
        let mut of_day: BTreeMap<String, Vec<ZSeen>> = BTreeMap::new();
        for r in &zs {
            let till: String = r.get(0);
            let z = ZSeen {
                number: r.get(1),
                closed_at_ms: r.get(2),
                first_receipt: r.get(3),
                last_receipt: r.get(4),
                employee: r.get(5),
            };
            if r.get::<_, bool>(6) {
                of_day.entry(till.clone()).or_default().push(z.clone());
            }
            if r.get::<_, bool>(7) {
                last_z.insert(till, z);
            }
        }
        let mut shop = Figures::default();
        let mut out = Vec::with_capacity(tills.len());
        for t in &tills {
            let till_id: String = t.get(0);
            let mut figures = per_till.remove(&till_id).unwrap_or_default();
            sort(&mut figures);
            merge(&mut shop, &figures);
            out.push(TillReport {
                name: t.get(1),
                acked_seq: t.get(2),
                last_z: last_z.remove(&till_id),
                z_of_the_day: of_day.remove(&till_id).unwrap_or_default(),
                figures,
                till_id,
            });
        }
        sort(&mut shop);
        Ok(ShopReport {
            mode,
            day: day.clone(),
            training,
            tills: out,
            shop,
        })
    }
}

fn add(list: &mut Vec<Counted>, currency: &str, count: i64, amount: i64) {
    match list.iter_mut().find(|c| c.currency == currency) {
        Some(c) => {
            c.count += count;
            c.amount_minor += amount;
        }
        None => list.push(Counted {
            currency: currency.to_owned(),
            count,
            amount_minor: amount,
        }),
    }
}

fn merge(shop: &mut Figures, till: &Figures) {
    for c in &till.sales {
        add(&mut shop.sales, &c.currency, c.count, c.amount_minor);
    }
    for c in &till.returns {
        add(&mut shop.returns, &c.currency, c.count, c.amount_minor);
    }
    for c in &till.open_bank_returns {
        add(
            &mut shop.open_bank_returns,
            &c.currency,
            c.count,
            c.amount_minor,
        );
    }
    for c in &till.double_payments {
        add(
            &mut shop.double_payments,
            &c.currency,
            c.count,
            c.amount_minor,
        );
    }
    for t in &till.tenders {
        match shop
            .tenders
            .iter_mut()
            .find(|s| s.tender == t.tender && s.kind == t.kind && s.currency == t.currency)
        {
            Some(s) => {
                s.count += t.count;
                s.amount_minor += t.amount_minor;
            }
            None => shop.tenders.push(t.clone()),
        }
    }
    for v in &till.vat {
        match shop.vat.iter_mut().find(|s| {
            s.vat_bp == v.vat_bp && s.saft_code == v.saft_code && s.currency == v.currency
        }) {
            Some(s) => {
                s.net_minor += v.net_minor;
                s.vat_minor += v.vat_minor;
                s.gross_minor += v.gross_minor;
            }
            None => shop.vat.push(v.clone()),
        }
    }
}

/// Highest VAT rate first; tenders bank, cash, card, sales before returns.
fn sort(f: &mut Figures) {
    let tender_rank = |t: &str| match t {
        "bank" => 0,
        "cash" => 1,
        "card" => 2,
        _ => 3,
    };
    f.tenders.sort_by(|a, b| {
        (a.kind != "sale", tender_rank(&a.tender), &a.currency).cmp(&(
            b.kind != "sale",
            tender_rank(&b.tender),
            &b.currency,
        ))
    });
    f.vat.sort_by(|a, b| {
        (b.vat_bp, b.saft_code, &a.currency).cmp(&(a.vat_bp, a.saft_code, &b.currency))
    });
    for list in [
        &mut f.sales,
        &mut f.returns,
        &mut f.open_bank_returns,
        &mut f.double_payments,
    ] {
        list.sort_by(|a, b| a.currency.cmp(&b.currency));
    }
}
