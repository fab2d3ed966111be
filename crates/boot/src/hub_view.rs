//! The shop's hub as the window shows it (issue 14): Settings → Shop's hub (the address
//! without its password, whether the environment sets it, whether a password is kept, and
//! the status line from the hub's lag), a connect from what the manager typed, and the Whole
//! shop screen: the hub's report of a day as rows of display strings, every amount written
//! by Rust in the language spoken.

use kassa_config::HUB_PASSWORD_ACCOUNT;
use kassa_hub::{Counted, Figures, TenderLine, VatLine, percent_decode};
use kassa_i18n::Messages;
use kassa_money::{Currency, Money};
use kassa_shop::staff::Action;
use serde::Serialize;

use crate::hub::{self, HubLag, HubSetupError, Mode, ShopReport};
use crate::{Counter, Settings};

/// The environment variable that sets the hub's address over the saved one.
pub const HUB_URL_ENV: &str = "KASSA_HUB_URL";

// ---------------------------------------------------------------------------------------------
// Settings → Shop's hub
// ---------------------------------------------------------------------------------------------

/// The status line under the hub's address, refreshed every few seconds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HubStatusLine {
    /// `none` (no hub is set), `ok` (the hub has every record), `sending` (records on their
    /// way), `problem` (the hub is not reached or refuses).
    pub state: &'static str,
    /// What the line says, in the language spoken.
    pub text: String,
    /// When the hub last took records or had them all (ms since 1970).
    pub last_ok_ms: Option<i64>,
}

/// The hub's lag as the status line says it.
pub fn status_line(m: &Messages, lag: Option<&HubLag>) -> HubStatusLine {
    let Some(lag) = lag else {
        return HubStatusLine {
            state: "none",
            text: m.text("hub-status-none"),
            last_ok_ms: None,
        };
    };
    let (state, text) = match (&lag.problem, lag.behind) {
        (Some(p), 0) => (
            "problem",
            crate::daybook::capital(&crate::error_words::hub_problem(m, p)),
        ),
        (Some(p), n) => (
            "problem",
            m.get(
                "hub-status-problem-behind",
                &[
                    (
                        "problem",
                        crate::daybook::capital(&crate::error_words::hub_problem(m, p)).into(),
                    ),
                    ("n", n.into()),
                ],
            ),
        ),
        (None, 0) => ("ok", m.text("hub-status-up-to-date")),
        (None, n) => ("sending", m.get("hub-status-behind", &[("n", n.into())])),
    };
    HubStatusLine {
        state,
        text,
        last_ok_ms: lag.last_ok_ms,
    }
}

/// Settings → Shop's hub as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HubSettingsView {
    /// The hub's address without its password (empty: no hub is set).
    pub address: String,
    /// `KASSA_HUB_URL` sets the address: this screen does not change it.
    pub from_env: bool,
    /// A password is kept (in the keyring, or in the address itself).
    pub has_password: bool,
    pub status: HubStatusLine,
}

/// Settings → Shop's hub from the settings in force (`var`: the environment), with the
/// counter's lag (`None`: no hub is set).
pub fn settings_view(
    settings: &Settings,
    var: impl Fn(&str) -> Option<String>,
    lag: Option<&HubLag>,
    m: &Messages,
) -> HubSettingsView {
    let url = settings
        .hub_url
        .as_deref()
        .map(str::trim)
        .unwrap_or_default();
    let (address, in_address) = without_password(url);
    let in_keyring = !url.is_empty()
        && matches!(
            settings.keys.0.get_account(HUB_PASSWORD_ACCOUNT),
            Ok(Some(_))
        );
    HubSettingsView {
        address,
        from_env: var(HUB_URL_ENV).is_some_and(|v| !v.trim().is_empty()),
        has_password: in_address.is_some() || in_keyring,
        status: status_line(m, lag),
    }
}

/// `url` without its password, and the password (percent-decoded) when it had one, in the
/// user part (`postgres://user:secret@host/db`) or as `password=` in the query.
pub fn without_password(url: &str) -> (String, Option<String>) {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match before_query.find('/') {
        Some(i) => before_query.split_at(i),
        None => (before_query, ""),
    };
    let mut password = None;
    let authority = match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, secret)) => {
                password = Some(percent_decode(secret));
                format!("{user}@{host}")
            }
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    let mut kept = Vec::new();
    for pair in query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|p| !p.is_empty())
    {
        match pair.split_once('=') {
            Some(("password", secret)) => {
                if password.is_none() {
                    password = Some(percent_decode(secret));
                }
            }
            _ => kept.push(pair),
        }
    }
    let query = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    (format!("{scheme}://{authority}{path}{query}"), password)
}

/// A hub connected from Settings: where, and how far it has this till's records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connected {
    /// `host:port/database`.
    pub hub: String,
    pub acked: i64,
}

impl Connected {
    /// "Connected to the hub at …: it has 42 of this till's records; …"
    pub fn words(&self, m: &Messages) -> String {
        m.get(
            "hub-connected",
            &[("hub", (&self.hub).into()), ("n", self.acked.into())],
        )
    }
}

/// The password to connect with: the one typed, else the one in the typed address, else
/// the one kept for the same address (in the address in force, or in the keyring).
fn password_for(
    settings: &Settings,
    typed_url: &str,
    typed_password: &str,
) -> Result<(String, Option<String>), HubSetupError> {
    let (url, in_typed) = without_password(typed_url);
    if !typed_password.is_empty() {
        return Ok((url, Some(typed_password.to_owned())));
    }
    if in_typed.is_some() {
        return Ok((url, in_typed));
    }
    let (current, in_current) = without_password(settings.hub_url.as_deref().unwrap_or_default());
    if current == url && in_current.is_some() {
        return Ok((url, in_current));
    }
    let kept = settings.keys.0.get_account(HUB_PASSWORD_ACCOUNT)?;
    Ok((url, kept.map(|s| s.expose().to_owned())))
}

/// Settings → Shop's hub → Connect: the address and password typed (an empty password keeps
/// the one kept for that address), tested and this till registered before anything is saved
/// ([`hub::connect_and_save`]). The address is saved without its password; the password
/// goes to the keyring.
pub async fn connect_typed(
    settings: &Settings,
    typed_url: &str,
    typed_password: &str,
) -> Result<Connected, HubSetupError> {
    let (url, password) = password_for(settings, typed_url, typed_password)?;
    let shown = kassa_hub::HubConfig::parse(&url, password.as_deref())?
        .shown()
        .to_owned();
    let acked = hub::connect_and_save(settings, &url, password.as_deref()).await?;
    Ok(Connected { hub: shown, acked })
}

// ---------------------------------------------------------------------------------------------
// Whole shop: the hub's report of a day
// ---------------------------------------------------------------------------------------------

/// A count with its amount, written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    pub count: i64,
    pub amount: String,
}

/// One row's figures: sales, returns, each tender net of its returns (with its count of
/// sales), the pay-by-bank returns still open and the payments made twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FiguresRow {
    pub sales: Cell,
    pub returns: Cell,
    pub bank: Cell,
    pub cash: Cell,
    pub card: Cell,
    pub open_bank_returns: Cell,
    pub double_payments: Cell,
    /// Sales less returns.
    pub net: String,
}

/// A Z report as the screen shows it (its time is written by the window, as the Day's are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZCell {
    pub number: i64,
    pub closed_at_ms: i64,
}

/// One till's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TillRow {
    pub till_id: String,
    pub name: String,
    /// The till this window runs.
    pub this_till: bool,
    /// "42 records at the hub".
    pub records: String,
    /// This till only: the status line ("Up to date", "5 records to send", the problem).
    pub status: Option<HubStatusLine>,
    pub figures: FiguresRow,
    pub last_z: Option<ZCell>,
    pub z_of_the_day: Vec<ZCell>,
}

/// The shop's VAT of one rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VatRow {
    /// "25 % (SAF-T 3)", or "No VAT recorded".
    pub rate: String,
    pub net: String,
    pub vat: String,
    pub gross: String,
}

/// The Whole shop screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShopScreen {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub mode: Mode,
    /// The training series (the built-in sandbox's sales).
    pub training: bool,
    pub tills: Vec<TillRow>,
    pub total: FiguresRow,
    pub vat: Vec<VatRow>,
}

/// `x` or `z` as the window sends it (anything else: X).
pub fn mode_of(text: &str) -> Mode {
    if text.trim().eq_ignore_ascii_case("z") {
        Mode::Z
    } else {
        Mode::X
    }
}

/// `minor` of the currency `code` as the language writes it. The hub only holds what
/// Kassa sold, in a currency Kassa knows; any other code is shown with the bare number.
fn money(m: &Messages, code: &str, minor: i64) -> String {
    match code.parse::<Currency>() {
        Ok(c) => m.money(Money::new(minor, c)),
        Err(_) => format!("{} {code}", m.lang().number(minor)),
    }
}

/// Amounts per currency, written one after the other (a shop sells in one currency; a
/// currency change mid-day shows both). Nothing: zero in the shop's currency.
fn amounts(m: &Messages, per_currency: &[(String, i64)], shop: Currency) -> String {
    if per_currency.is_empty() {
        return m.money(Money::new(0, shop));
    }
    per_currency
        .iter()
        .map(|(code, minor)| money(m, code, *minor))
        .collect::<Vec<_>>()
        .join(" + ")
}

fn add_to(list: &mut Vec<(String, i64)>, code: &str, minor: i64) {
    match list.iter_mut().find(|(c, _)| c == code) {
        Some((_, sum)) => *sum += minor,
        None => list.push((code.to_owned(), minor)),
    }
}

fn counted(m: &Messages, list: &[Counted], shop: Currency) -> Cell {
    let mut sums = Vec::new();
    for c in list {
        add_to(&mut sums, &c.currency, c.amount_minor);
    }
    Cell {
        count: list.iter().map(|c| c.count).sum(),
        amount: amounts(m, &sums, shop),
    }
}

/// One tender net of its returns, with its count of sales.
fn tender(m: &Messages, lines: &[TenderLine], name: &str, shop: Currency) -> Cell {
    let mut sums = Vec::new();
    let mut count = 0;
    for l in lines.iter().filter(|l| l.tender == name) {
        let signed = if l.kind == "return" {
            -l.amount_minor
        } else {
            count += l.count;
            l.amount_minor
        };
        add_to(&mut sums, &l.currency, signed);
    }
    Cell {
        count,
        amount: amounts(m, &sums, shop),
    }
}

fn figures_row(m: &Messages, f: &Figures, shop: Currency) -> FiguresRow {
    let mut net = Vec::new();
    for c in &f.sales {
        add_to(&mut net, &c.currency, c.amount_minor);
    }
    for c in &f.returns {
        add_to(&mut net, &c.currency, -c.amount_minor);
    }
    FiguresRow {
        sales: counted(m, &f.sales, shop),
        returns: counted(m, &f.returns, shop),
        bank: tender(m, &f.tenders, "bank", shop),
        cash: tender(m, &f.tenders, "cash", shop),
        card: tender(m, &f.tenders, "card", shop),
        open_bank_returns: counted(m, &f.open_bank_returns, shop),
        double_payments: counted(m, &f.double_payments, shop),
        net: amounts(m, &net, shop),
    }
}

/// A rate as the Day screen writes it (`25 % (SAF-T 3)`: kassa-shop's percentage).
fn vat_row(m: &Messages, v: &VatLine) -> VatRow {
    let percent = |bp: i32| kassa_shop::vat::percent(bp.unsigned_abs());
    let rate = match (v.vat_bp, v.saft_code) {
        (Some(bp), Some(code)) => m.get(
            "day-rate-saft",
            &[
                ("rate", percent(bp).into()),
                ("code", code.to_string().into()),
            ],
        ),
        (Some(bp), None) => percent(bp),
        (None, _) => m.text("day-no-vat"),
    };
    VatRow {
        rate,
        net: money(m, &v.currency, v.net_minor),
        vat: money(m, &v.currency, v.vat_minor),
        gross: money(m, &v.currency, v.gross_minor),
    }
}

/// The Whole shop screen from the hub's report: a row per till (this till's with its
/// status line from `lag`), the shop's total and its VAT per rate. `shop`: the currency of
/// an empty figure; `this_till`: the journal's till id.
pub fn shop_screen(
    m: &Messages,
    report: &ShopReport,
    shop: Currency,
    this_till: Option<&str>,
    lag: Option<&HubLag>,
) -> ShopScreen {
    let tills = report
        .tills
        .iter()
        .map(|t| {
            let this = this_till == Some(t.till_id.as_str());
            TillRow {
                name: t
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| {
                        let short: String = t.till_id.chars().take(8).collect();
                        m.get("shopday-unnamed", &[("id", short.into())])
                    }),
                this_till: this,
                records: m.get("shopday-records", &[("n", t.acked_seq.into())]),
                status: this.then(|| status_line(m, lag)),
                figures: figures_row(m, &t.figures, shop),
                last_z: t.last_z.as_ref().map(|z| ZCell {
                    number: z.number,
                    closed_at_ms: z.closed_at_ms,
                }),
                z_of_the_day: t
                    .z_of_the_day
                    .iter()
                    .map(|z| ZCell {
                        number: z.number,
                        closed_at_ms: z.closed_at_ms,
                    })
                    .collect(),
                till_id: t.till_id.clone(),
            }
        })
        .collect();
    ShopScreen {
        date: report.day.date.clone(),
        mode: report.mode,
        training: report.training,
        tills,
        total: figures_row(m, &report.shop, shop),
        vat: report.shop.vat.iter().map(|v| vat_row(m, v)).collect(),
    }
}

impl Counter {
    /// The Whole shop screen for `date` (`YYYY-MM-DD`; empty: today), X or Z: the hub's
    /// report of every till, for a manager (a cashier gets a manager's PIN asked). Without a
    /// hub: [`HubSetupError::NotSet`], before anyone is asked for a PIN.
    pub async fn shop_screen(
        &self,
        mode: Mode,
        date: &str,
        m: &Messages,
    ) -> Result<ShopScreen, HubSetupError> {
        if self
            .settings
            .hub_url
            .as_deref()
            .is_none_or(|u| u.trim().is_empty())
        {
            return Err(HubSetupError::NotSet);
        }
        let day = match date.trim() {
            "" => hub::today(),
            d => hub::day(d).ok_or_else(|| HubSetupError::BadDay(d.to_owned()))?,
        };
        self.require(Action::ShopReport)?;
        let report = hub::shop_report(&self.settings, mode, &day).await?;
        let till_id = self.till.with_journal(|j| j.till_id()).ok();
        Ok(shop_screen(
            m,
            &report,
            self.currency,
            till_id.as_deref(),
            self.hub_lag().as_ref(),
        ))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::Lang;
    use kassa_hub::{Day, TillReport, ZSeen};

    fn c(count: i64, minor: i64) -> Counted {
        Counted {
            currency: "DKK".into(),
            count,
            amount_minor: minor,
        }
    }

    fn t(tender: &str, kind: &str, count: i64, minor: i64) -> TenderLine {
        TenderLine {
            tender: tender.into(),
            kind: kind.into(),
            currency: "DKK".into(),
            count,
            amount_minor: minor,
        }
    }

    fn report() -> ShopReport {
        let north = Figures {
            sales: vec![c(3, 45_000)],
            returns: vec![c(1, 5_000)],
            tenders: vec![
                t("cash", "sale", 2, 25_000),
                t("card", "sale", 1, 20_000),
                t("cash", "return", 1, 5_000),
            ],
            vat: vec![VatLine {
                vat_bp: Some(2500),
                saft_code: Some(3),
                currency: "DKK".into(),
                net_minor: 32_000,
                vat_minor: 8_000,
                gross_minor: 40_000,
            }],
            open_bank_returns: vec![],
            double_payments: vec![],
        };
        let south = Figures {
            sales: vec![c(1, 123_456)],
            tenders: vec![t("bank", "sale", 1, 123_456)],
            vat: vec![VatLine {
                vat_bp: None,
                saft_code: None,
                currency: "DKK".into(),
                net_minor: 123_456,
                vat_minor: 0,
                gross_minor: 123_456,
            }],
            open_bank_returns: vec![c(2, 7_000)],
            double_payments: vec![c(1, 1_500)],
            ..Figures::default()
        };
        let shop = Figures {
            sales: vec![c(4, 168_456)],
            returns: vec![c(1, 5_000)],
            tenders: vec![
                t("bank", "sale", 1, 123_456),
                t("cash", "sale", 2, 25_000),
                t("card", "sale", 1, 20_000),
                t("cash", "return", 1, 5_000),
            ],
            vat: north.vat.iter().chain(&south.vat).cloned().collect(),
            open_bank_returns: vec![c(2, 7_000)],
            double_payments: vec![c(1, 1_500)],
        };
        ShopReport {
            mode: Mode::X,
            day: Day {
                date: "2026-03-02".into(),
                from_ms: 0,
                to_ms: 86_400_000,
            },
            training: false,
            tills: vec![
                TillReport {
                    till_id: "till-north-0001".into(),
                    name: Some("North".into()),
                    acked_seq: 42,
                    figures: north,
                    last_z: Some(ZSeen {
                        number: 7,
                        closed_at_ms: 1_772_470_000_000,
                        first_receipt: Some(10),
                        last_receipt: Some(14),
                        employee: Some("1".into()),
                    }),
                    z_of_the_day: vec![],
                },
                TillReport {
                    till_id: "abcdef1234567890".into(),
                    name: None,
                    acked_seq: 1,
                    figures: south,
                    last_z: None,
                    z_of_the_day: vec![],
                },
            ],
            shop,
        }
    }

    #[test]
    fn the_whole_shop_is_a_row_per_till_and_a_total_in_the_language_spoken() {
        let lag = HubLag {
            hub: "hub:5432/shop".into(),
            behind: 5,
            last_ok_ms: Some(1),
            problem: None,
        };
        let en = Messages::of(Lang::En);
        let s = shop_screen(
            en,
            &report(),
            Currency::Dkk,
            Some("till-north-0001"),
            Some(&lag),
        );
        assert_eq!(s.date, "2026-03-02");
        let north = &s.tills[0];
        assert_eq!((north.name.as_str(), north.this_till), ("North", true));
        assert_eq!(north.records, "42 records at the hub");
        assert_eq!(north.status.as_ref().unwrap().text, "5 records to send");
        assert_eq!(
            north.figures.sales,
            Cell {
                count: 3,
                amount: en.money(Money::new(45_000, Currency::Dkk)),
            }
        );
        // Cash is net of its return; its count is the sales paid in cash.
        assert_eq!(
            north.figures.cash,
            Cell {
                count: 2,
                amount: en.money(Money::new(20_000, Currency::Dkk)),
            }
        );
        assert_eq!(north.figures.bank.count, 0);
        assert_eq!(
            north.figures.bank.amount,
            en.money(Money::new(0, Currency::Dkk))
        );
        assert_eq!(
            north.figures.net,
            en.money(Money::new(40_000, Currency::Dkk))
        );
        assert_eq!(north.last_z.as_ref().map(|z| z.number), Some(7));
        // A till without a name is named by the start of its id; not this till: no status.
        let south = &s.tills[1];
        assert_eq!(south.name, "Till abcdef12");
        assert_eq!(south.records, "1 record at the hub");
        assert!(south.status.is_none());
        assert_eq!(south.figures.open_bank_returns.count, 2);
        assert_eq!(south.figures.double_payments.count, 1);
        assert_eq!(s.total.sales.count, 4);
        assert_eq!(s.total.net, en.money(Money::new(163_456, Currency::Dkk)));
        assert_eq!(s.vat[0].rate, "25\u{a0}% (SAF-T 3)");
        assert_eq!(s.vat[1].rate, "No VAT recorded");

        // In Danish: the amounts as a Dane writes them, the words from the catalogue.
        let da = Messages::of(Lang::Da);
        let s = shop_screen(da, &report(), Currency::Dkk, None, None);
        assert_eq!(s.tills[1].figures.sales.amount, "1.234,56\u{a0}kr.");
        assert_eq!(s.tills[1].name, "Kasse abcdef12");
        assert_eq!(s.tills[0].records, "42 poster i hubben");
        assert!(s.tills[0].status.is_none());
        assert_eq!(s.vat[0].rate, "25\u{a0}% (SAF-T 3)");
        assert_eq!(s.vat[0].gross, "400,00\u{a0}kr.");
    }

    #[test]
    fn the_status_line_says_up_to_date_records_to_send_or_the_problem() {
        let en = Messages::of(Lang::En);
        let da = Messages::of(Lang::Da);
        assert_eq!(status_line(en, None).state, "none");
        let mut lag = HubLag {
            hub: "hub:5432/shop".into(),
            behind: 0,
            last_ok_ms: Some(7),
            problem: None,
        };
        let ok = status_line(en, Some(&lag));
        assert_eq!(
            (ok.state, ok.text.as_str(), ok.last_ok_ms),
            ("ok", "Up to date", Some(7))
        );
        lag.behind = 1;
        assert_eq!(status_line(en, Some(&lag)).text, "1 record to send");
        assert_eq!(status_line(da, Some(&lag)).text, "1 post at sende");
        lag.behind = 12;
        lag.problem = Some(kassa_hub::Problem::WrongPassword {
            hub: "hub:5432/shop".into(),
            user: "kassa".into(),
        });
        let bad = status_line(en, Some(&lag));
        assert_eq!(bad.state, "problem");
        assert_eq!(
            bad.text,
            "The hub at hub:5432/shop refused the password of user kassa: check the hub password (12 records wait)"
        );
        assert_eq!(
            status_line(da, Some(&lag)).text,
            "Hubben på hub:5432/shop afviste adgangskoden for brugeren kassa: tjek hubbens adgangskode (12 poster venter)"
        );
    }

    #[test]
    fn an_address_is_shown_without_its_password() {
        assert_eq!(
            without_password("postgres://kassa:s%40cret@hub.example:6543/shop?sslmode=require"),
            (
                "postgres://kassa@hub.example:6543/shop?sslmode=require".to_owned(),
                Some("s@cret".to_owned())
            )
        );
        assert_eq!(
            without_password(" postgres://kassa@hub/shop?password=x&sslmode=disable "),
            (
                "postgres://kassa@hub/shop?sslmode=disable".to_owned(),
                Some("x".to_owned())
            )
        );
        assert_eq!(
            without_password("postgresql://kassa@hub/shop"),
            ("postgresql://kassa@hub/shop".to_owned(), None)
        );
        assert_eq!(without_password("hub"), ("hub".to_owned(), None));
    }

    fn settings_with(url: Option<&str>) -> Settings {
        let mut s = Settings::from_vars(|_| None, "x.db".into()).unwrap();
        s.keys = kassa_config::KeyStore::memory();
        s.hub_url = url.map(str::to_owned);
        s
    }

    #[test]
    fn settings_show_the_address_without_its_password_and_where_it_comes_from() {
        let en = Messages::of(Lang::En);
        let s = settings_with(Some("postgres://kassa:pw@hub/shop"));
        let env = |k: &str| (k == HUB_URL_ENV).then(|| "postgres://kassa:pw@hub/shop".to_owned());
        let view = settings_view(&s, env, None, en);
        assert_eq!(view.address, "postgres://kassa@hub/shop");
        assert!(view.from_env && view.has_password);
        assert_eq!(view.status.state, "none");
        // Saved without a password, the keyring keeps it.
        let s = settings_with(Some("postgres://kassa@hub/shop"));
        assert!(!settings_view(&s, |_| None, None, en).has_password);
        s.keys
            .0
            .set_account(HUB_PASSWORD_ACCOUNT, &kassa_aiia::Secret::new("pw"))
            .unwrap();
        let view = settings_view(&s, |_| None, None, en);
        assert!(view.has_password && !view.from_env);
        let none = settings_view(&settings_with(None), |_| None, None, en);
        assert_eq!((none.address.as_str(), none.has_password), ("", false));
    }

    #[test]
    fn an_empty_password_keeps_the_one_kept_for_the_address() {
        let s = settings_with(Some("postgres://kassa:inurl@hub/shop"));
        // Typed: the typed one wins.
        assert_eq!(
            password_for(&s, "postgres://kassa@hub/shop", "typed").unwrap(),
            (
                "postgres://kassa@hub/shop".to_owned(),
                Some("typed".to_owned())
            )
        );
        // The same address as shown: the one in the saved address.
        assert_eq!(
            password_for(&s, "postgres://kassa@hub/shop", "").unwrap().1,
            Some("inurl".to_owned())
        );
        // A password in the typed address is taken out of it.
        assert_eq!(
            password_for(&s, "postgres://kassa:new@other/shop", "").unwrap(),
            (
                "postgres://kassa@other/shop".to_owned(),
                Some("new".to_owned())
            )
        );
        // Another address: the keyring's, if any.
        assert_eq!(
            password_for(&s, "postgres://kassa@other/shop", "")
                .unwrap()
                .1,
            None
        );
        s.keys
            .0
            .set_account(HUB_PASSWORD_ACCOUNT, &kassa_aiia::Secret::new("kept"))
            .unwrap();
        assert_eq!(
            password_for(&s, "postgres://kassa@other/shop", "")
                .unwrap()
                .1,
            Some("kept".to_owned())
        );
    }

    #[test]
    fn the_connected_line_says_how_far_the_hub_has_the_till() {
        let c = Connected {
            hub: "hub:5432/shop".into(),
            acked: 0,
        };
        assert_eq!(
            c.words(Messages::of(Lang::En)),
            "Connected to the hub at hub:5432/shop. It has none of this till's records yet; the till sends them from now on."
        );
        let c = Connected { acked: 42, ..c };
        assert_eq!(
            c.words(Messages::of(Lang::Sv)),
            "Ansluten till hubben på hub:5432/shop. Den har 42 av den här kassans poster; kassan skickar resten från och med nu."
        );
        assert_eq!(mode_of("Z"), Mode::Z);
        assert_eq!(mode_of("x"), Mode::X);
    }
}
