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
    let status = |problem: Problem| {
        let st = HubStatus {
            hub: settings.hub_url.clone().unwrap_or_default(),
            head: 0,
            acked: 0,
            last_ok_ms: None,
            at_ms: kassa_till::Clock::now_ms(&kassa_till::SystemClock),
            problem: Some(problem),
        };
        if let Ok(text) = serde_json::to_string(&st) {
            let _ = std::fs::write(kassa_hub::status_path(&settings.db_path), text);
        }
    };
    let (hub, till) = match config(settings).and_then(|c| Ok((c, identity(settings, till_id)?))) {
        Ok(both) => both,
        Err(e) => {
            tracing::warn!(error = %e, "the books are not replicated to the hub");
            status(match &e {
                HubSetupError::Hub(h) => Problem::from(h),
                other => Problem::Other {
                    what: other.to_string(),
                },
            });
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
    let shown = config(settings)
        .map(|c| c.shown().to_owned())
        .unwrap_or_else(|_| settings.hub_url.clone().unwrap_or_default());
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

/// Sends what the hub does not have yet, now.
pub async fn sync(settings: &Settings) -> Result<Shipped, HubSetupError> {
    let hub = config(settings)?;
    let till_id = Journal::open_read_only(&settings.db_path)?.till_id()?;
    let till = identity(settings, &till_id)?;
    Ok(kassa_hub::sync_once(&settings.db_path, &hub, &till).await?)
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
