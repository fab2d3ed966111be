//! The shop's hub for the hosts (issue 14): which hub the settings name, who this till is to
//! it, the shipper beside the counter, how far the hub is behind, setting a hub up (tested
//! before it is saved), and the shop's report from it. The replication itself is
//! `kassa_hub`'s; nothing here ever holds up a sale.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crate::shop::{LocalZone, WallClock};
use kassa_config::{HUB_PASSWORD_ACCOUNT, SavedSettings, SecretError};
use kassa_hub::{HubConfig, HubError, HubStatus, Shipper, ShipperSettings, TillIdentity};
use kassa_journal::Journal;
use serde::Serialize;

use crate::{Settings, settings_path};

pub use kassa_hub::{Day, Mode, Problem, Shipped, ShopReport};

/// How often the shipper looks for new records when nothing pokes it.
const IDLE: Duration = Duration::from_millis(500);

/// Why the hub cannot be used from these settings.
#[derive(Debug, thiserror::Error)]
pub enum HubSetupError {
    /// No hub is set (Settings, `kassa hub connect`, or `KASSA_HUB_URL`).
    #[error("no hub is set up: connect one with `kassa hub connect postgres://…` or in Settings")]
    NotSet,
    /// A live till names its shop by the organisation number in its profile.
    #[error(
        "set up the shop's profile (Settings → Shop) first: the hub knows a shop by its organisation number"
    )]
    NoProfile,
    /// A day asked for that is not a date.
    #[error("{0} is not a day: write it as YYYY-MM-DD")]
    BadDay(String),
    #[error(transparent)]
    Hub(#[from] HubError),
    #[error(transparent)]
    Keyring(#[from] SecretError),
    #[error(transparent)]
    Saved(#[from] kassa_config::SavedError),
    #[error(transparent)]
    Journal(#[from] kassa_journal::JournalError),
    /// A period that does not exist or ends before it starts.
    #[error(transparent)]
    Period(#[from] crate::books::BooksError),
    #[error("cannot write {path}: {why}")]
    Write { path: String, why: String },
    /// The hub has no records of that till.
    #[error("the hub has no till {0}")]
    NoSuchTill(String),
    #[error(transparent)]
    Saft(#[from] crate::saft_export::SaftExportError),
    /// The step needs a manager, or nobody is logged in.
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
}

/// The hub the settings name, with its password from the address or the keyring.
pub fn config(settings: &Settings) -> Result<HubConfig, HubSetupError> {
    let url = settings
        .hub_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .ok_or(HubSetupError::NotSet)?;
    let password = settings.keys.0.get_account(HUB_PASSWORD_ACCOUNT)?;
    Ok(HubConfig::parse(
        url,
        password.as_ref().map(kassa_aiia::Secret::expose),
    )?)
}

/// Who this till is to the hub: its journal's id, its shop (the profile's organisation
/// number; the training shop's on the sandbox without one) and its name.
pub fn identity(settings: &Settings, till_id: &str) -> Result<TillIdentity, HubSetupError> {
    let day = LocalZone.day(kassa_till::Clock::now_ms(&kassa_till::SystemClock));
    let training = settings.backend().is_training();
    let profile = match &settings.shop.profile {
        Some(p) => p.clone(),
        None if training => {
            let shop = settings
                .shop
                .resolve(settings.currency, day)
                .map_err(|_| HubSetupError::NoProfile)?;
            crate::shop::merchant_for(&shop, true, settings.currency)
                .map_err(|_| HubSetupError::NoProfile)?
        }
        None => return Err(HubSetupError::NoProfile),
    };
    let org = &profile.org_number;
    Ok(TillIdentity {
        till_id: till_id.to_owned(),
        merchant_id: format!("{}{}", org.country.code(), org.digits),
        name: Some(profile.till_name.clone()).filter(|n| !n.trim().is_empty()),
    })
}

/// Starts shipping this till's books to the hub the settings name, beside the counter.
/// `None` when no hub is set; a hub that cannot be used is said in the log and in the
/// status file, never as a failed start.
pub fn start_shipper(settings: &Settings, till_id: &str) -> Option<Shipper> {
    settings.hub_url.as_ref()?;
    let status = |problem: Problem| keep_status(settings, shown(settings), None, Err(problem));
    let (hub, till) = match config(settings).and_then(|c| Ok((c, identity(settings, till_id)?))) {
        Ok(both) => both,
        Err(e) => {
            tracing::warn!(error = %e, "the books are not replicated to the hub");
            status(problem_of(&e));
            return None;
        }
    };
    Some(Shipper::start(ShipperSettings {
        journal: settings.db_path.clone(),
        hub,
        till,
        now_ms: Arc::new(|| kassa_till::Clock::now_ms(&kassa_till::SystemClock)),
        idle: IDLE,
    }))
}

/// The hub the settings name, for messages: `host:port/database`, never a password.
fn shown(settings: &Settings) -> String {
    let url = settings.hub_url.as_deref().unwrap_or_default();
    match HubConfig::parse(url, None) {
        Ok(c) => c.shown().to_owned(),
        // Not an address Kassa can use: what follows the user and password, if anything.
        Err(_) => url
            .rsplit_once('@')
            .map_or(url, |(_, host)| host)
            .to_owned(),
    }
}

/// How far the hub is behind this till, as `kassa status` and the window show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HubLag {
    /// `host:port/database`.
    pub hub: String,
    /// The journal's records the hub does not have yet.
    pub behind: i64,
    /// When the hub last took records or had them all (ms since 1970).
    pub last_ok_ms: Option<i64>,
    /// Why it is not being reached, if it is not.
    pub problem: Option<Problem>,
}

/// The hub's lag for the journal `db`: the shipper's last word, against the journal's
/// newest record now. `None` when no hub is set.
pub fn lag(settings: &Settings) -> Option<HubLag> {
    settings.hub_url.as_ref()?;
    let status = HubStatus::read(&settings.db_path);
    let head = Journal::open_read_only(&settings.db_path)
        .and_then(|j| j.replication_head())
        .ok();
    let shown = shown(settings);
    Some(match status {
        Some(st) => HubLag {
            hub: shown,
            behind: (head.unwrap_or(st.head) - st.acked).max(0),
            last_ok_ms: st.last_ok_ms,
            problem: st.problem,
        },
        None => HubLag {
            hub: shown,
            behind: head.unwrap_or(0),
            last_ok_ms: None,
            problem: None,
        },
    })
}

/// Connects to the hub at `url` (with `password` when the address has none), registers
/// this till and, only if that worked, saves the address (and the password in the keyring).
/// Returns how far the hub already has this till's records.
pub async fn connect_and_save(
    settings: &Settings,
    url: &str,
    password: Option<&str>,
) -> Result<i64, HubSetupError> {
    let hub = HubConfig::parse(url, password)?;
    let till_id = Journal::open_read_only(&settings.db_path)
        .and_then(|j| j.till_id())
        .or_else(|_| Journal::open(&settings.db_path).and_then(|j| j.till_id()))?;
    let till = identity(settings, &till_id)?;
    let mut conn = kassa_hub::Hub::connect(&hub).await?;
    let acked = conn.register(&till).await?;
    if let Some(p) = password.filter(|p| !p.is_empty()) {
        settings
            .keys
            .0
            .set_account(HUB_PASSWORD_ACCOUNT, &kassa_aiia::Secret::new(p))?;
    }
    let path = settings_path(&settings.db_path);
    let mut saved = SavedSettings::load(&path)?;
    saved.hub_url = Some(url.trim().to_owned());
    saved.save(&path)?;
    Ok(acked)
}

/// Sends what the hub does not have yet, now, and keeps the outcome as the hub's status.
pub async fn sync(settings: &Settings) -> Result<Shipped, HubSetupError> {
    let hub = config(settings)?;
    let till_id = Journal::open_read_only(&settings.db_path)?.till_id()?;
    let till = identity(settings, &till_id)?;
    let done = kassa_hub::sync_once(&settings.db_path, &hub, &till).await;
    keep_status(
        settings,
        hub.shown().to_owned(),
        None,
        done.as_ref().map(|d| d.acked).map_err(Problem::from),
    );
    Ok(done?)
}

/// A set-up failure as the status says it: the hub's own problem, or the failure's words.
fn problem_of(e: &HubSetupError) -> Problem {
    match e {
        HubSetupError::Hub(h) => Problem::from(h),
        other => Problem::Other {
            what: other.to_string(),
        },
    }
}

/// Keeps the hub's status beside the journal (what `kassa status` reads): how far the hub
/// has this till's records (`Ok`), or why it could not be told (`Err`: the last known
/// progress stays). `head`: the journal's newest record, when already read.
fn keep_status(settings: &Settings, hub: String, head: Option<i64>, outcome: Result<i64, Problem>) {
    let previous = HubStatus::read(&settings.db_path);
    let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
    let head = head.unwrap_or_else(|| {
        Journal::open_read_only(&settings.db_path)
            .and_then(|j| j.replication_head())
            .unwrap_or(0)
    });
    let (acked, last_ok_ms, problem) = match outcome {
        Ok(acked) => (acked, Some(now), None),
        Err(p) => (
            previous.as_ref().map_or(0, |p| p.acked),
            previous.and_then(|p| p.last_ok_ms),
            Some(p),
        ),
    };
    HubStatus {
        hub,
        head,
        acked,
        last_ok_ms,
        at_ms: now,
        problem,
    }
    .write_beside(&settings.db_path);
}

/// How far the hub is behind, asked of the hub itself (its answer, or why there is none, is
/// kept as the status `kassa status` reads).
pub async fn lag_live(settings: &Settings) -> Option<HubLag> {
    settings.hub_url.as_ref()?;
    let asked = async {
        let hub = config(settings)?;
        let till_id = Journal::open_read_only(&settings.db_path)?.till_id()?;
        let head = Journal::open_read_only(&settings.db_path)?.replication_head()?;
        let conn = kassa_hub::Hub::connect(&hub).await?;
        let acked = conn.acked(&till_id).await?;
        Ok::<_, HubSetupError>((hub.shown().to_owned(), head, acked))
    }
    .await;
    match asked {
        Ok((hub, head, acked)) => keep_status(settings, hub, Some(head), Ok(acked)),
        Err(e) => keep_status(settings, shown(settings), None, Err(problem_of(&e))),
    }
    lag(settings)
}

/// The shop's X or Z of `day` from the hub, in the series these settings sell in.
pub async fn shop_report(
    settings: &Settings,
    mode: Mode,
    day: &Day,
) -> Result<ShopReport, HubSetupError> {
    let hub = kassa_hub::Hub::connect(&config(settings)?).await?;
    Ok(hub
        .shop_report(mode, day, settings.backend().is_training())
        .await?)
}

/// `day` (`YYYY-MM-DD`, local time) with its bounds, or None when it is not a date.
pub fn day(date: &str) -> Option<Day> {
    let d = crate::saft_export::parse_day(date).ok()?;
    let (from_ms, to_ms) = crate::books::local_days(d, d).ok()?;
    Some(Day {
        date: date.trim().to_owned(),
        from_ms,
        to_ms,
    })
}

/// Today, local time.
pub fn today() -> Day {
    let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
    let (from_ms, to_ms) = crate::local_day_bounds(now);
    Day {
        date: {
            let d = LocalZone.day(now);
            format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
        },
        from_ms,
        to_ms,
    }
}

/// Whether `path` is a journal's settings folder with a hub set (for hosts that only
/// have the path).
pub fn is_set(db: &Path) -> bool {
    SavedSettings::load(&settings_path(db))
        .map(|s| s.hub_url.is_some())
        .unwrap_or(false)
}

/// Rebuilds till `till_id`'s journal from the hub's copy into `out` (a new file): every
/// record as the till wrote it, so the till's own commands and exports read it
/// (`KASSA_DB=out kassa export --format saf-t …`). Returns the number of records.
pub async fn restore(
    settings: &Settings,
    till_id: &str,
    out: &Path,
) -> Result<usize, HubSetupError> {
    let hub = kassa_hub::Hub::connect(&config(settings)?).await?;
    let records = hub.records_of(till_id).await?;
    if records.is_empty() {
        return Err(HubSetupError::NoSuchTill(till_id.to_owned()));
    }
    let out = out.to_owned();
    let n = records.len();
    tokio::task::spawn_blocking(move || Journal::rebuild(&out, &records).map(drop))
        .await
        .map_err(|e| HubError::Database(e.to_string()))??;
    Ok(n)
}

/// Writes the shop's period `[from, to]` (local days) from the hub into `dir`: one
/// bookkeeping CSV for the whole shop (a `till` column before the bookkeeping columns) and
/// one per till in the format of the till's own `kassa export bookkeeping`. Returns the
/// files written.
pub async fn export(
    settings: &Settings,
    from: kassa_shop::Day,
    to: kassa_shop::Day,
    dir: &Path,
) -> Result<Vec<std::path::PathBuf>, HubSetupError> {
    use kassa_shop::bookkeeping::{BookKind, BookRow, BookTender, to_csv};
    let (from_ms, to_ms) = crate::books::local_days(from, to)?;
    let hub = kassa_hub::Hub::connect(&config(settings)?).await?;
    let rows = hub
        .vat_rows(from_ms, to_ms, settings.backend().is_training())
        .await?;
    let corrupt = |what: String| HubSetupError::Hub(HubError::Database(what));
    // Per till, in the hub's order: (till id, name, rows).
    let mut tills: Vec<(String, Option<String>, Vec<BookRow>)> = Vec::new();
    for r in rows {
        let currency: kassa_money::Currency = r
            .currency
            .parse()
            .map_err(|_| corrupt(format!("receipt {} has currency {}", r.number, r.currency)))?;
        let money = |minor| kassa_money::Money::new(minor, currency);
        let at = kassa_shop::LocalDateTime::from_unix_ms(
            r.created_at_ms,
            crate::books::local_offset_minutes(r.created_at_ms),
        )
        .map_err(|e| corrupt(format!("receipt {}: {e}", r.number)))?;
        let tender = match r.tender.as_str() {
            "cash" => BookTender::Cash,
            "card" => BookTender::Card,
            _ => BookTender::Bank,
        };
        let row = BookRow {
            at,
            number: u64::try_from(r.number).unwrap_or_default(),
            kind: if r.kind == "return" {
                BookKind::Return
            } else {
                BookKind::Sale
            },
            payment_id: (tender == BookTender::Bank)
                .then(|| r.tender_detail.clone())
                .flatten(),
            tender,
            vat_bp: r.vat_bp.and_then(|b| u32::try_from(b).ok()),
            saft_code: r.saft_code.and_then(|c| u8::try_from(c).ok()),
            net: money(r.net_minor),
            vat: money(r.vat_minor),
            gross: money(r.gross_minor),
        };
        match tills.last_mut() {
            Some((id, _, list)) if *id == r.till_id => list.push(row),
            _ => tills.push((r.till_id, r.till_name, vec![row])),
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let day = |d: kassa_shop::Day| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    let period = format!("{}_{}", day(from), day(to));
    let mut shop = String::new();
    let mut written = Vec::new();
    for (id, name, rows) in &tills {
        let csv = to_csv(rows);
        for (i, line) in csv.lines().enumerate() {
            if i == 0 {
                if shop.is_empty() {
                    shop.push_str("till;");
                    shop.push_str(line);
                    shop.push('\n');
                }
                continue;
            }
            shop.push_str(&csv_field(name.as_deref().unwrap_or(id)));
            shop.push(';');
            shop.push_str(line);
            shop.push('\n');
        }
        let file = dir.join(format!(
            "till-{}-{period}.csv",
            file_safe(name.as_deref().unwrap_or(id))
        ));
        std::fs::write(&file, csv).map_err(|e| io(&file, e))?;
        written.push(file);
    }
    if shop.is_empty() {
        shop = format!("till;{}\n", kassa_shop::bookkeeping::HEADER);
    }
    let file = dir.join(format!("shop-{period}.csv"));
    std::fs::write(&file, shop).map_err(|e| io(&file, e))?;
    written.insert(0, file);
    // A Norwegian shop's tills each have their SAF-T Cash Register file, made from the
    // hub's copy of the till's books as the till itself would make it.
    if let Some(profile) = settings
        .shop
        .profile
        .as_ref()
        .filter(|p| p.country == kassa_shop::Country::No)
    {
        let shop = settings
            .shop
            .resolve(settings.currency, from)
            .map_err(|e| HubError::Database(e.to_string()))?;
        let of = crate::saft_export::ExportOf {
            merchant: profile,
            vat: &shop.vat,
            currency: settings.currency,
            software_version: env!("CARGO_PKG_VERSION"),
        };
        let period = crate::saft_export::Period::local(from, to)?;
        let scratch = tempfile_dir(dir)?;
        for (id, name) in hub.tills().await? {
            let records = hub.records_of(&id).await?;
            let db = scratch.join(format!("{}.db", file_safe(&id)));
            let journal = Journal::rebuild(&db, &records)?;
            let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
            let done = crate::saft_export::export(&journal, &of, &period, now, &LocalZone)?;
            let file = dir.join(format!(
                "till-{}-{}",
                file_safe(name.as_deref().unwrap_or(&id)),
                done.summary.file_name
            ));
            std::fs::write(&file, done.xml.as_bytes()).map_err(|e| io(&file, e))?;
            written.push(file);
        }
        let _ = std::fs::remove_dir_all(&scratch);
    }
    Ok(written)
}

/// A fresh folder inside `dir` for the rebuilt journals (removed afterwards).
fn tempfile_dir(dir: &Path) -> Result<std::path::PathBuf, HubSetupError> {
    let now = kassa_till::Clock::now_ms(&kassa_till::SystemClock);
    let scratch = dir.join(format!(".kassa-rebuild-{}-{now}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| io(&scratch, e))?;
    Ok(scratch)
}

fn io(path: &Path, e: std::io::Error) -> HubSetupError {
    HubSetupError::Write {
        path: path.display().to_string(),
        why: e.to_string(),
    }
}

/// A till's name as one CSV field (quoted when it holds the separator or a quote).
fn csv_field(s: &str) -> String {
    if s.contains([';', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A till's name as part of a file name.
fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A moment (ms since 1970) as the language spoken writes a date and time, in local time.
pub fn local_when(m: &crate::Messages, ms: i64) -> String {
    use chrono::{Datelike, Local, TimeZone, Timelike};
    use kassa_i18n::format::{Date, Time, date, time};
    match Local.timestamp_millis_opt(ms).earliest() {
        Some(t) => format!(
            "{} {}",
            date(
                m.lang(),
                Date {
                    year: t.year(),
                    month: t.month(),
                    day: t.day(),
                }
            ),
            time(
                m.lang(),
                Time {
                    hour: t.hour(),
                    minute: t.minute(),
                    second: t.second(),
                }
            )
        ),
        None => ms.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(hub_url: Option<&str>) -> Settings {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Settings::from_vars(|_| None, dir.path().join("k.db")).unwrap();
        s.hub_url = hub_url.map(str::to_owned);
        s
    }

    #[test]
    fn the_hub_is_shown_without_its_password() {
        let s = settings(Some("postgres://kassa:s3cret@hub.shop.dk:6432/books"));
        assert_eq!(shown(&s), "hub.shop.dk:6432/books");
        let s = settings(Some("mysql://kassa:s3cret@hub.shop.dk/books"));
        assert_eq!(shown(&s), "hub.shop.dk/books");
        assert!(!shown(&s).contains("s3cret"));
    }

    #[test]
    fn a_training_till_is_the_training_shops_and_a_live_one_needs_its_profile() {
        let s = settings(None);
        let id = identity(&s, "till-1").unwrap();
        assert_eq!(id.till_id, "till-1");
        assert!(id.merchant_id.starts_with("DK"), "{id:?}");
        assert_eq!(id.merchant_id.len(), 10, "{id:?}");
        let mut live = settings(None);
        live.client_id = Some("merchant".into());
        assert!(matches!(
            identity(&live, "till-1"),
            Err(HubSetupError::NoProfile)
        ));
        assert!(matches!(config(&live), Err(HubSetupError::NotSet)));
        assert!(lag(&live).is_none());
    }
}

pub use kassa_hub::CatalogKind;

/// A cashier as the hub keeps them for every till (the PIN as its slow hash only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StaffEntry {
    pub id: String,
    pub name: String,
    pub role: String,
    pub pin_hash: String,
    pub active: bool,
}

/// What the till's own settings keep when it takes the hub's shop settings: its till name,
/// its printer, its logo file and its receipt width are the counter's, not the shop's.
fn merged_shop(
    hub: kassa_config::ShopSettings,
    local: &kassa_config::ShopSettings,
) -> kassa_config::ShopSettings {
    let mut shop = hub;
    if let (Some(p), Some(mine)) = (shop.profile.as_mut(), local.profile.as_ref()) {
        p.till_name = mine.till_name.clone();
    }
    shop.printer = local.printer.clone();
    shop.logo = local.logo.clone();
    shop.width = local.width;
    shop
}

/// Makes this till's shop settings (`Shop`) or cashiers (`Staff`) the hub's next version,
/// for every till to take. Returns the version.
pub async fn push(settings: &Settings, kind: CatalogKind) -> Result<i64, HubSetupError> {
    let journal = Journal::open_read_only(&settings.db_path)?;
    let till_id = journal.till_id()?;
    let body = match kind {
        CatalogKind::Shop => {
            let saved = SavedSettings::load(&settings_path(&settings.db_path))?;
            serde_json::to_string(&saved.shop)
        }
        CatalogKind::Staff => serde_json::to_string(
            &journal
                .employees()?
                .into_iter()
                .map(|e| StaffEntry {
                    id: e.id,
                    name: e.name,
                    role: e.role,
                    pin_hash: e.pin_hash,
                    active: e.active,
                })
                .collect::<Vec<_>>(),
        ),
    }
    .map_err(|e| HubError::Database(e.to_string()))?;
    let mut hub = kassa_hub::Hub::connect(&config(settings)?).await?;
    hub.register(&identity(settings, &till_id)?).await?;
    let version = hub.push_catalog(kind, &body, &till_id).await?;
    // This till has what it pushed.
    let path = settings_path(&settings.db_path);
    let mut saved = SavedSettings::load(&path)?;
    match kind {
        CatalogKind::Shop => saved.hub_seen.shop = version,
        CatalogKind::Staff => saved.hub_seen.staff = version,
    }
    saved.save(&path)?;
    Ok(version)
}

/// What a pull took from the hub.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pulled {
    /// The version of the shop settings taken, if a newer one was there.
    pub shop: Option<i64>,
    /// The version of the cashiers taken, and how many were added or changed.
    pub staff: Option<(i64, usize)>,
    /// The shop settings now in force, when they changed.
    #[serde(skip)]
    pub shop_settings: Option<kassa_config::ShopSettings>,
}

/// The hub's lists newer than the versions this till took last.
#[derive(Debug, Clone, Default)]
pub struct Fetched {
    shop: Option<kassa_hub::CatalogEntry>,
    staff: Option<kassa_hub::CatalogEntry>,
}

/// Asks the hub for its shop settings and cashiers where it has a newer version than this
/// till took last. Nothing is changed here ([`apply`] takes them).
pub async fn fetch(settings: &Settings) -> Result<Fetched, HubSetupError> {
    let hub = kassa_hub::Hub::connect(&config(settings)?).await?;
    let seen = SavedSettings::load(&settings_path(&settings.db_path))?.hub_seen;
    Ok(Fetched {
        shop: hub.pull_catalog(CatalogKind::Shop, seen.shop).await?,
        staff: hub.pull_catalog(CatalogKind::Staff, seen.staff).await?,
    })
}

/// Takes what [`fetch`] brought (the hub's copy wins): the shop settings into
/// `settings.json` (keeping this till's name, printer, logo and width), the cashiers into
/// `journal` (added, renamed, their role, PIN and active state as the hub has them; nobody
/// is removed).
pub fn apply(
    settings: &Settings,
    fetched: Fetched,
    journal: &mut Journal,
    now_ms: i64,
) -> Result<Pulled, HubSetupError> {
    let path = settings_path(&settings.db_path);
    let mut saved = SavedSettings::load(&path)?;
    let mut pulled = Pulled::default();
    if let Some(entry) = fetched.shop {
        let theirs: kassa_config::ShopSettings = serde_json::from_str(&entry.body)
            .map_err(|e| HubError::Database(format!("the hub's shop settings: {e}")))?;
        saved.shop = merged_shop(theirs, &saved.shop);
        saved.hub_seen.shop = entry.version;
        pulled.shop = Some(entry.version);
        pulled.shop_settings = Some(saved.shop.clone());
    }
    if let Some(entry) = fetched.staff {
        let theirs: Vec<StaffEntry> = serde_json::from_str(&entry.body)
            .map_err(|e| HubError::Database(format!("the hub's cashiers: {e}")))?;
        let changed = apply_staff(journal, &theirs, now_ms)?;
        saved.hub_seen.staff = entry.version;
        pulled.staff = Some((entry.version, changed));
    }
    if pulled.shop.is_some() || pulled.staff.is_some() {
        saved.save(&path)?;
    }
    Ok(pulled)
}

/// [`fetch`] then [`apply`], for a host that holds the journal itself (`kassa hub pull`).
pub async fn pull(
    settings: &Settings,
    journal: &mut Journal,
    now_ms: i64,
) -> Result<Pulled, HubSetupError> {
    let fetched = fetch(settings).await?;
    apply(settings, fetched, journal, now_ms)
}

/// The hub's cashiers into the journal; how many were added or changed.
fn apply_staff(
    journal: &mut Journal,
    theirs: &[StaffEntry],
    now_ms: i64,
) -> Result<usize, kassa_journal::JournalError> {
    let mine = journal.employees()?;
    let mut changed = 0;
    for e in theirs {
        match mine.iter().find(|m| m.id == e.id) {
            None => {
                journal.add_employee(&kassa_journal::NewEmployee {
                    id: &e.id,
                    name: &e.name,
                    role: &e.role,
                    pin_hash: &e.pin_hash,
                    at_ms: now_ms,
                })?;
                if !e.active {
                    journal.set_employee_active(&e.id, false)?;
                }
                changed += 1;
            }
            Some(m) => {
                let mut any = false;
                if m.name != e.name {
                    journal.set_employee_name(&e.id, &e.name)?;
                    any = true;
                }
                if m.role != e.role {
                    journal.set_employee_role(&e.id, &e.role)?;
                    any = true;
                }
                if m.pin_hash != e.pin_hash {
                    journal.set_employee_pin(&e.id, &e.pin_hash)?;
                    any = true;
                }
                if m.active != e.active {
                    journal.set_employee_active(&e.id, e.active)?;
                    any = true;
                }
                changed += usize::from(any);
            }
        }
    }
    Ok(changed)
}
