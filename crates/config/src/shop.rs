//! The shop settings (issue 11): the merchant profile, the VAT table (editable, each rate
//! with its SAF-T code, one default), quick items, the receipt printer's address, the logo
//! file and the receipt width. Kept in `settings.json` beside the journal under `"shop"`.
//!
//! What the window's Settings → Shop section and `kassa setup` send is a [`ShopForm`] (plain
//! text); [`ShopForm::check`] turns it into [`ShopSettings`] or one [`ShopFieldError`] per
//! field at fault (`{field, message}`: `profile.orgNumber`, `vat.1.percent`,
//! `quickItems.0.price`, `printer`, `logo`, `width`; list indexes from 0 in the field name,
//! from 1 in the sentence).
//!
//! The VAT table the counter sells at is a [`Shop`], resolved for a day
//! ([`ShopSettings::resolve`]): the saved table when the merchant edited it, else the
//! country's rates on that day ([`VatTable::for_country`]; Sweden's food rate changes on
//! 1 April 2026), the country being the profile's, else the one of the counter's currency.
//! The day is passed in: nothing here reads a clock.
//!
//! What Kassa names by itself (the country's rates, the training shop of the built-in
//! sandbox) is named once, in the language spoken then ([`ShopSettings::fill_defaults`],
//! [`DefaultNames::of`]), and kept in the settings as the shop's data: a later change of
//! language renames nothing. Settings written before Kassa kept the names have the English
//! ones.

use std::fmt;
use std::path::{Path, PathBuf};

use kassa_i18n::Messages;
use kassa_money::{Currency, Money, MoneyError};
use kassa_print::{COLUMNS_58MM, COLUMNS_80MM, COLUMNS_80MM_NARROW, MAX_DOTS_58MM, MAX_DOTS_80MM};
use kassa_shop::vat::{self, KNOWN_FROM};
use kassa_shop::{
    Country, Day, MerchantProfile, ProfileDraft, SaftCode, VatNames, VatRate, VatTable,
};
use serde::{Deserialize, Serialize};

use crate::{SavedError, SavedSettings, settings_path};

/// The port of a network receipt printer unless the address names one (raw TCP, ESC/POS).
pub const DEFAULT_PRINTER_PORT: u16 = 9100;

/// Characters per receipt line: 48 for 80 mm paper (the default).
pub const DEFAULT_WIDTH: u16 = COLUMNS_80MM as u16;

/// The receipt widths Kassa lays out: 32 (58 mm), 42 (80 mm, narrow font) and 48 (80 mm).
pub const WIDTHS: [u16; 3] = [
    COLUMNS_58MM as u16,
    COLUMNS_80MM_NARROW as u16,
    COLUMNS_80MM as u16,
];

/// The longest quick item name (it goes on a key and a receipt line).
pub const QUICK_ITEM_NAME_CHARS: usize = 32;

/// The most quick items a shop keeps.
pub const MAX_QUICK_ITEMS: usize = 60;

/// A network receipt printer: `host` and `port` (default [`DEFAULT_PRINTER_PORT`]).
/// Serialised as `host:port` (`[::1]:9100` for an IPv6 address).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PrinterAddress {
    pub host: String,
    pub port: u16,
}

impl fmt::Display for PrinterAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

impl PrinterAddress {
    /// Reads `host[:port]`: a name or IPv4 address (`10.0.0.5`, `printer.local:9100`), or an
    /// IPv6 address (`[fe80::1]:9100`, or bare without a port). No scheme, no path.
    pub fn parse(text: &str) -> Result<PrinterAddress, ShopProblem> {
        let t = text.trim();
        let bad = || ShopProblem::NotAPrinterAddress(t.to_owned());
        if t.is_empty() || t.contains("://") || t.contains('/') || t.contains(char::is_whitespace) {
            return Err(bad());
        }
        let (host, port) = if let Some(rest) = t.strip_prefix('[') {
            let (host, after) = rest.split_once(']').ok_or_else(bad)?;
            host.parse::<std::net::Ipv6Addr>().map_err(|_| bad())?;
            let port = match after {
                "" => None,
                p => Some(p.strip_prefix(':').ok_or_else(bad)?),
            };
            (host, port)
        } else if t.matches(':').count() > 1 {
            t.parse::<std::net::Ipv6Addr>().map_err(|_| bad())?;
            (t, None)
        } else {
            match t.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (t, None),
            }
        };
        let port = match port {
            None => DEFAULT_PRINTER_PORT,
            Some(p) => match p.parse::<u16>() {
                Ok(n) if n > 0 => n,
                _ => return Err(ShopProblem::BadPort(p.to_owned())),
            },
        };
        let name_ok = !host.is_empty()
            && host.len() <= 253
            && (host.contains(':')
                || host.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                        && label
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                }));
        if !name_ok {
            return Err(bad());
        }
        Ok(PrinterAddress {
            host: host.to_owned(),
            port,
        })
    }
}

impl Serialize for PrinterAddress {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PrinterAddress {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PrinterAddress::parse(&text).map_err(|p| serde::de::Error::custom(p.sentence()))
    }
}

/// An item with a key of its own: a name, its price (VAT included, in the counter's
/// currency) and the name of its VAT rate in the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuickItem {
    pub name: String,
    pub price_minor: i64,
    /// The VAT rate's name ("Food"), as in the table.
    pub rate: String,
}

/// The words of the training shop a training (sandbox) receipt carries when the shop has
/// no profile of its own (`kassa_boot::shop::training_profile`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TrainingNames {
    pub legal_name: String,
    /// The street line of its address.
    pub street: String,
    pub city: String,
    pub till_name: String,
    /// The receipt's footer.
    pub footer: String,
}

impl TrainingNames {
    /// "Kassa training shop", "Training street 1", "Training", "Training till", "Thank you
    /// for practising with Kassa".
    pub fn english() -> TrainingNames {
        TrainingNames {
            legal_name: "Kassa training shop".into(),
            street: "Training street 1".into(),
            city: "Training".into(),
            till_name: "Training till".into(),
            footer: "Thank you for practising with Kassa".into(),
        }
    }
}

impl Default for TrainingNames {
    fn default() -> TrainingNames {
        TrainingNames::english()
    }
}

/// The names Kassa gives what it makes by itself for a shop: the rates of the country's
/// VAT table and the training shop. [`DefaultNames::of`] a language's catalogue (setup.ftl,
/// `default-*`); the default is English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DefaultNames {
    pub vat: VatNames,
    pub training: TrainingNames,
}

impl DefaultNames {
    /// The names in the language of `m`.
    pub fn of(m: &Messages) -> DefaultNames {
        let t = |key: &str| m.text(key);
        DefaultNames {
            vat: VatNames {
                standard: t("default-vat-standard"),
                zero_rated: t("default-vat-zero-rated"),
                exempt: t("default-vat-exempt"),
                food: t("default-vat-food"),
                transport_hotel: t("default-vat-transport-hotel"),
                restaurant_hotel: t("default-vat-restaurant-hotel"),
                books_culture: t("default-vat-books-culture"),
                newspapers: t("default-vat-newspapers"),
            },
            training: TrainingNames {
                legal_name: t("default-training-legal-name"),
                street: t("default-training-street"),
                city: t("default-training-city"),
                till_name: t("default-training-till"),
                footer: t("default-training-footer"),
            },
        }
    }

    /// The English names, the ones of settings written before Kassa kept them.
    pub fn english() -> &'static DefaultNames {
        static ENGLISH: std::sync::LazyLock<DefaultNames> =
            std::sync::LazyLock::new(DefaultNames::default);
        &ENGLISH
    }
}

/// The shop settings as saved (the `"shop"` part of `settings.json`). `vat: None` follows
/// the country's rates ([`ShopSettings::resolve`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShopSettings {
    /// None until the merchant sets the shop up; a checked profile (checked again when read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<MerchantProfile>,
    /// The merchant's own table; none: the country's rates on the day of the sale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vat: Option<VatTable>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quick_items: Vec<QuickItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printer: Option<PrinterAddress>,
    /// A PNG or JPEG file, checked by decoding it when saved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<PathBuf>,
    /// Characters per receipt line; none: [`DEFAULT_WIDTH`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u16>,
    /// The names Kassa gave the country's rates and the training shop when it first filled
    /// the shop's defaults ([`ShopSettings::fill_defaults`]); none: the English ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defaults: Option<DefaultNames>,
}

/// The shop as the counter sells on a given day: the settings with the VAT table resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shop {
    pub profile: Option<MerchantProfile>,
    pub vat: VatTable,
    pub quick_items: Vec<QuickItem>,
    pub printer: Option<PrinterAddress>,
    pub logo: Option<PathBuf>,
    /// Characters per receipt line.
    pub width: u16,
    /// The counter's currency (the quick items' prices are in it).
    pub currency: Currency,
    /// The training shop's words, for a training receipt without a profile.
    pub training: TrainingNames,
}

impl Shop {
    /// The printer dots a logo may be wide on this shop's paper.
    pub fn logo_dots(&self) -> u32 {
        logo_dots(self.width)
    }
}

fn logo_dots(width: u16) -> u32 {
    if usize::from(width) <= COLUMNS_58MM {
        MAX_DOTS_58MM
    } else {
        MAX_DOTS_80MM
    }
}

/// The country a shop without a profile is taken to be in, by its currency (EUR: Finland,
/// Kassa's euro market).
pub fn country_of_currency(currency: Currency) -> Country {
    match currency {
        Currency::Dkk => Country::Dk,
        Currency::Sek => Country::Se,
        Currency::Nok => Country::No,
        Currency::Eur => Country::Fi,
    }
}

impl ShopSettings {
    /// The country: the profile's, else the one of `currency`.
    pub fn country(&self, currency: Currency) -> Country {
        self.profile
            .as_ref()
            .map_or_else(|| country_of_currency(currency), |p| p.country)
    }

    /// The country's VAT table on `day`, its rates named `names` (a day before Kassa knows
    /// rates counts as the first day it knows; names the table cannot take are refused).
    pub fn country_table(
        country: Country,
        day: Day,
        names: &VatNames,
    ) -> Result<VatTable, kassa_shop::VatError> {
        VatTable::for_country(country, day.max(KNOWN_FROM), names)
    }

    /// The names Kassa gave this shop's defaults; English when it never did.
    pub fn names(&self) -> &DefaultNames {
        self.defaults
            .as_ref()
            .unwrap_or_else(|| DefaultNames::english())
    }

    /// Names the shop's defaults with `names` (the language spoken now), unless they were
    /// named before: those names stay, whatever the language is now. The rates keep their
    /// English names when quick items already name rates (they were made against those).
    /// `true` when it named them.
    pub fn fill_defaults(&mut self, names: &DefaultNames) -> bool {
        if self.defaults.is_some() {
            return false;
        }
        self.defaults = Some(DefaultNames {
            vat: if self.quick_items.is_empty() {
                names.vat.clone()
            } else {
                VatNames::english()
            },
            training: names.training.clone(),
        });
        true
    }

    /// [`ShopSettings::fill_defaults`] kept in the settings file beside the journal at
    /// `db_path`: names the file already has are taken (a counter started again keeps
    /// them), else these settings are named with `names` and the names written to the file
    /// (the rest of it stays as it is). `true` when it named them. When the file cannot be
    /// read or written, these settings are still named.
    pub fn fill_saved_defaults(
        &mut self,
        db_path: &Path,
        names: &DefaultNames,
    ) -> Result<bool, SavedError> {
        if self.defaults.is_some() {
            return Ok(false);
        }
        let path = settings_path(db_path);
        let mut saved = match SavedSettings::load(&path) {
            Ok(s) => s,
            Err(e) => {
                self.fill_defaults(names);
                return Err(e);
            }
        };
        if let Some(kept) = &saved.shop.defaults {
            self.defaults = Some(kept.clone());
            return Ok(false);
        }
        self.fill_defaults(names);
        saved.shop.defaults = self.defaults.clone();
        saved.save(&path)?;
        Ok(true)
    }

    /// The shop on `day`, selling in `currency`.
    pub fn resolve(&self, currency: Currency, day: Day) -> Result<Shop, kassa_shop::VatError> {
        let country = self.country(currency);
        Ok(Shop {
            profile: self.profile.clone(),
            vat: match &self.vat {
                Some(t) => t.clone(),
                None => Self::country_table(country, day, &self.names().vat)?,
            },
            quick_items: self.quick_items.clone(),
            printer: self.printer.clone(),
            logo: self.logo.clone(),
            width: self.width.unwrap_or(DEFAULT_WIDTH),
            currency,
            training: self.names().training.clone(),
        })
    }

    /// Nothing set (the settings file leaves the part out).
    pub fn is_empty(&self) -> bool {
        *self == ShopSettings::default()
    }
}

/// One VAT rate as the form edits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VatRateForm {
    pub name: String,
    /// As typed: `25`, `12,5`, `25.5 %`.
    pub percent: String,
    /// The SAF-T standard VAT code: 3, 31, 32, 33 (a rate), 5, 51, 52, 6 (0 %).
    pub saft_code: String,
    /// The rate a plain amount is sold at (exactly one).
    pub default: bool,
}

/// One quick item as the form edits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QuickItemForm {
    pub name: String,
    /// As typed: `39,90`.
    pub price: String,
    /// The VAT rate's name.
    pub rate: String,
}

/// The Settings → Shop section, as the window shows it and sends it back, and what
/// `kassa setup` edits. Empty text means "not set".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShopForm {
    /// All fields empty: no profile yet.
    pub profile: ProfileDraft,
    /// The VAT table; empty: the country's rates.
    pub vat: Vec<VatRateForm>,
    pub quick_items: Vec<QuickItemForm>,
    /// `host[:port]`; empty: no network printer.
    pub printer: String,
    /// The logo's file path; empty: no logo.
    pub logo: String,
    /// Characters per line: 32, 42 or 48; empty: 48.
    pub width: String,
}

/// A quick item as a sentence names it: by its name, or by its place in the list (from 1)
/// when it has none (`number 2`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemLabel {
    Named(String),
    Number(usize),
}

impl fmt::Display for ItemLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemLabel::Named(name) => f.write_str(name),
            ItemLabel::Number(n) => write!(f, "number {n}"),
        }
    }
}

/// What is wrong with a shop field: a field of the merchant profile (its own
/// [`kassa_shop::profile::Problem`]), or one of the VAT table, the quick items, the printer,
/// the logo or the width. [`ShopProblem::sentence`] is English; the hosts say it in the
/// language spoken (`kassa_boot::error_words::shop_problem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShopProblem {
    Profile(kassa_shop::profile::FieldError),
    NotAPrinterAddress(String),
    BadPort(String),
    Vat(kassa_shop::VatError),
    /// A SAF-T code that is not a number of the list.
    UnknownCode(String),
    NoDefaultRate,
    SeveralDefaults,
    NoItemName,
    ItemNameTooLong(usize),
    DuplicateItem(String),
    TooManyItems(usize),
    NoPrice(ItemLabel),
    BadPrice {
        item: ItemLabel,
        why: MoneyError,
    },
    NoItemRate(ItemLabel),
    UnknownRate {
        item: ItemLabel,
        rate: String,
    },
    /// The file cannot be read (`why`: the system's words).
    LogoUnreadable {
        path: String,
        why: String,
    },
    Logo(kassa_print::LogoError),
    Width(String),
}

impl ShopProblem {
    /// The sentence the merchant reads.
    pub fn sentence(&self) -> String {
        match self {
            ShopProblem::Profile(e) => e.to_string(),
            ShopProblem::NotAPrinterAddress(v) => format!(
                "The printer address must be a host name or IP address with an optional port, e.g. 10.0.0.5 or 10.0.0.5:9100, not \"{v}\""
            ),
            ShopProblem::BadPort(p) => {
                format!("The printer's port must be a number from 1 to 65535, not \"{p}\"")
            }
            ShopProblem::Vat(e) => capitalised(&e.to_string()),
            ShopProblem::UnknownCode(v) => {
                capitalised(&kassa_shop::VatError::UnknownCode(v.clone()).to_string())
            }
            ShopProblem::NoDefaultRate => {
                "Choose the default VAT rate: the one a plain amount is sold at".into()
            }
            ShopProblem::SeveralDefaults => {
                "Only one VAT rate can be the default; untick the others".into()
            }
            ShopProblem::NoItemName => "Give the quick item a name".into(),
            ShopProblem::ItemNameTooLong(n) => format!(
                "A quick item's name has at most {QUICK_ITEM_NAME_CHARS} characters; this has {n}"
            ),
            ShopProblem::DuplicateItem(n) => format!("There is already a quick item named \"{n}\""),
            ShopProblem::TooManyItems(n) => {
                format!("A shop has at most {MAX_QUICK_ITEMS} quick items; this has {n}")
            }
            ShopProblem::NoPrice(n) => format!("The quick item \"{n}\" has no price: enter it"),
            ShopProblem::BadPrice { item, why } => {
                format!("The price of the quick item \"{item}\" is not valid: {why}")
            }
            ShopProblem::NoItemRate(n) => {
                format!("Choose the VAT rate of the quick item \"{n}\"")
            }
            ShopProblem::UnknownRate { item, rate } => format!(
                "The quick item \"{item}\" is sold at the VAT rate \"{rate}\", which is not in the VAT table"
            ),
            ShopProblem::LogoUnreadable { path, why } => {
                format!("Cannot read the logo file {path}: {why}")
            }
            ShopProblem::Logo(e) => e.to_string(),
            ShopProblem::Width(v) => format!(
                "The receipt width is 32 (58 mm paper), 42 or 48 (80 mm paper) characters, not \"{v}\""
            ),
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => format!("{}{}", first.to_uppercase(), c.as_str()),
        None => String::new(),
    }
}

/// A shop field to fix: `field` as the form names it (`profile.orgNumber`, `vat.0.percent`,
/// `quickItems.2.price`, `printer`, `logo`, `width`), the sentence (English, as
/// [`ShopProblem::sentence`] says it) and the problem itself, for a host that says it in the
/// language spoken. Crosses IPC as `{field, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct ShopFieldError {
    pub field: String,
    pub message: String,
    #[serde(skip)]
    pub problem: ShopProblem,
}

impl ShopFieldError {
    /// `problem` at `field`, with its English sentence.
    pub fn new(field: impl Into<String>, problem: ShopProblem) -> Self {
        ShopFieldError {
            field: field.into(),
            message: problem.sentence(),
            problem,
        }
    }
}

/// Every problem of a shop form, one sentence each (`; ` between them).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ShopErrors(pub Vec<ShopFieldError>);

impl fmt::Display for ShopErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all: Vec<&str> = self.0.iter().map(|e| e.message.as_str()).collect();
        f.write_str(&all.join("; "))
    }
}

impl Serialize for ShopErrors {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// Why the shop form was not saved: fields to fix, or the settings file failing.
#[derive(Debug, thiserror::Error)]
pub enum ShopFormError {
    #[error(transparent)]
    Fields(#[from] ShopErrors),
    #[error(transparent)]
    Saved(#[from] SavedError),
}

impl ShopFormError {
    /// The fields to fix (none when the file failed).
    pub fn fields(&self) -> &[ShopFieldError] {
        match self {
            ShopFormError::Fields(e) => &e.0,
            ShopFormError::Saved(_) => &[],
        }
    }
}

fn is_blank(d: &ProfileDraft) -> bool {
    d.legal_name.trim().is_empty()
        && d.org_number.trim().is_empty()
        && d.address_lines.iter().all(|l| l.trim().is_empty())
        && d.postcode.trim().is_empty()
        && d.city.trim().is_empty()
        && d.country.trim().is_empty()
        && d.till_name.trim().is_empty()
        && d.receipt_footer.trim().is_empty()
}

impl ShopForm {
    /// The form showing `settings` as the counter sells on `day` (the VAT table resolved).
    pub fn of(settings: &ShopSettings, currency: Currency, day: Day) -> ShopForm {
        let country = settings.country(currency);
        let table = settings
            .vat
            .clone()
            .or_else(|| ShopSettings::country_table(country, day, &settings.names().vat).ok());
        ShopForm {
            profile: settings
                .profile
                .clone()
                .map(ProfileDraft::from)
                .unwrap_or_default(),
            vat: table.map_or_else(Vec::new, |t| {
                let default = t.default_rate().name.clone();
                t.rates()
                    .iter()
                    .map(|r| VatRateForm {
                        name: r.name.clone(),
                        percent: vat::percent(r.bp).replace('\u{a0}', " "),
                        saft_code: r.code.to_string(),
                        default: r.name == default,
                    })
                    .collect()
            }),
            quick_items: settings
                .quick_items
                .iter()
                .map(|q| QuickItemForm {
                    name: q.name.clone(),
                    price: Money::new(q.price_minor, currency).decimal(),
                    rate: q.rate.clone(),
                })
                .collect(),
            printer: settings
                .printer
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            logo: settings
                .logo
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            width: settings.width.unwrap_or(DEFAULT_WIDTH).to_string(),
        }
    }

    /// The saved shop settings beside the journal at `db_path`, as the form shows them.
    pub fn load(db_path: &Path, currency: Currency, day: Day) -> Result<ShopForm, SavedError> {
        let saved = SavedSettings::load(&settings_path(db_path))?;
        Ok(ShopForm::of(&saved.shop, currency, day))
    }

    /// Checks every field (the logo by reading and decoding it); every problem comes back.
    /// A VAT table equal to the country's on `day` (its rates named as `defaults` name them;
    /// none: English) is saved as "the country's rates" (so a change of the law on a later
    /// day is followed). The settings keep `defaults`.
    pub fn check(
        &self,
        currency: Currency,
        day: Day,
        defaults: Option<&DefaultNames>,
    ) -> Result<ShopSettings, ShopErrors> {
        let names = &defaults.unwrap_or_else(|| DefaultNames::english()).vat;
        let mut errors: Vec<ShopFieldError> = Vec::new();

        let profile = if is_blank(&self.profile) {
            None
        } else {
            match kassa_shop::validate_profile(&self.profile) {
                Ok(p) => Some(p),
                Err(fields) => {
                    errors.extend(fields.into_iter().map(|e| {
                        ShopFieldError::new(
                            format!("profile.{}", e.field.form_name()),
                            ShopProblem::Profile(e),
                        )
                    }));
                    None
                }
            }
        };
        let country = profile.as_ref().map_or_else(
            || {
                Country::from_code(&self.profile.country)
                    .unwrap_or_else(|| country_of_currency(currency))
            },
            |p| p.country,
        );

        // Read first (the logo is checked for the paper's width), said last (the form's order).
        let mut width_error = None;
        let width = match self.width.trim() {
            "" => None,
            w => match w.parse::<u16>() {
                Ok(n) if WIDTHS.contains(&n) => Some(n),
                _ => {
                    width_error = Some(ShopFieldError::new(
                        "width",
                        ShopProblem::Width(w.to_owned()),
                    ));
                    None
                }
            },
        };

        let table = self.vat_table(country, &mut errors);
        let resolved = match &table {
            Some(t) => Ok(t.clone()),
            None => ShopSettings::country_table(country, day, names),
        };
        let quick_items = match &resolved {
            Ok(t) => {
                let table_ok = table.is_some() || self.vat.is_empty();
                self.quick_items(currency, t, table_ok, &mut errors)
            }
            Err(e) => {
                errors.push(ShopFieldError::new("vat", ShopProblem::Vat(e.clone())));
                Vec::new()
            }
        };

        let printer = match self.printer.trim() {
            "" => None,
            p => match PrinterAddress::parse(p) {
                Ok(a) => Some(a),
                Err(problem) => {
                    errors.push(ShopFieldError::new("printer", problem));
                    None
                }
            },
        };

        let logo = match self.logo.trim() {
            "" => None,
            path => match check_logo(Path::new(path), width.unwrap_or(DEFAULT_WIDTH)) {
                Ok(()) => Some(PathBuf::from(path)),
                Err(problem) => {
                    errors.push(ShopFieldError::new("logo", problem));
                    None
                }
            },
        };

        errors.extend(width_error);
        if !errors.is_empty() {
            return Err(ShopErrors(errors));
        }
        let follows_country = table.as_ref().is_none_or(|t| {
            ShopSettings::country_table(country, day, names).is_ok_and(|c| c == *t)
        });
        Ok(ShopSettings {
            profile,
            vat: if follows_country { None } else { table },
            quick_items,
            printer,
            logo,
            width: width.filter(|w| *w != DEFAULT_WIDTH),
            defaults: defaults.cloned(),
        })
    }

    /// The form's VAT table, or none when the form has no rates (the country's).
    fn vat_table(&self, country: Country, errors: &mut Vec<ShopFieldError>) -> Option<VatTable> {
        if self.vat.is_empty() {
            return None;
        }
        let before = errors.len();
        let mut rates = Vec::with_capacity(self.vat.len());
        for (i, r) in self.vat.iter().enumerate() {
            let percent = match vat::parse_percent(&r.percent) {
                Ok(bp) => Some(bp),
                Err(e) => {
                    errors.push(ShopFieldError::new(
                        format!("vat.{i}.percent"),
                        ShopProblem::Vat(e),
                    ));
                    None
                }
            };
            let code = match r.saft_code.trim().parse::<u8>().map(SaftCode::new) {
                Ok(Ok(c)) => Some(c),
                _ => {
                    errors.push(ShopFieldError::new(
                        format!("vat.{i}.saftCode"),
                        ShopProblem::UnknownCode(r.saft_code.trim().to_owned()),
                    ));
                    None
                }
            };
            if let (Some(bp), Some(code)) = (percent, code) {
                match VatRate::new(&r.name, bp, code) {
                    Ok(rate) => rates.push(rate),
                    Err(e) => {
                        let part = match e {
                            kassa_shop::VatError::NoName
                            | kassa_shop::VatError::NameTooLong { .. }
                            | kassa_shop::VatError::NameControl => "name",
                            kassa_shop::VatError::OutOfRange { .. } => "percent",
                            _ => "saftCode",
                        };
                        errors.push(ShopFieldError::new(
                            format!("vat.{i}.{part}"),
                            ShopProblem::Vat(e),
                        ));
                    }
                }
            }
        }
        let defaults: Vec<usize> = self
            .vat
            .iter()
            .enumerate()
            .filter(|(_, r)| r.default)
            .map(|(i, _)| i)
            .collect();
        match defaults.as_slice() {
            [] => errors.push(ShopFieldError::new("vat", ShopProblem::NoDefaultRate)),
            [_] => {}
            [_, second, ..] => errors.push(ShopFieldError::new(
                format!("vat.{second}.default"),
                ShopProblem::SeveralDefaults,
            )),
        }
        if errors.len() > before {
            return None;
        }
        let default = defaults
            .first()
            .map(|&i| self.vat[i].name.clone())
            .unwrap_or_default();
        match VatTable::new(country, rates, &default) {
            Ok(t) => Some(t),
            Err(e) => {
                // Two rates of one name: the later one is marked.
                let at = match &e {
                    kassa_shop::VatError::DuplicateName(n) => self
                        .vat
                        .iter()
                        .rposition(|r| r.name.trim().eq_ignore_ascii_case(n.trim()))
                        .map_or("vat".to_owned(), |i| format!("vat.{i}.name")),
                    _ => "vat".to_owned(),
                };
                errors.push(ShopFieldError::new(at, ShopProblem::Vat(e)));
                None
            }
        }
    }

    /// The quick items, their rates looked up in `table` (only when the table itself is
    /// good, `table_ok`: a rate missing from a table with errors is not said twice).
    fn quick_items(
        &self,
        currency: Currency,
        table: &VatTable,
        table_ok: bool,
        errors: &mut Vec<ShopFieldError>,
    ) -> Vec<QuickItem> {
        if self.quick_items.len() > MAX_QUICK_ITEMS {
            errors.push(ShopFieldError::new(
                "quickItems",
                ShopProblem::TooManyItems(self.quick_items.len()),
            ));
            return Vec::new();
        }
        let mut items: Vec<QuickItem> = Vec::new();
        for (i, q) in self.quick_items.iter().enumerate() {
            let name = q.name.trim();
            let field = |part: &str| format!("quickItems.{i}.{part}");
            let mut ok = true;
            let mut bad = |part: &str, p: ShopProblem| {
                errors.push(ShopFieldError::new(field(part), p));
                ok = false;
            };
            let chars = name.chars().count();
            if name.is_empty() {
                bad("name", ShopProblem::NoItemName);
            } else if chars > QUICK_ITEM_NAME_CHARS || name.chars().any(char::is_control) {
                bad("name", ShopProblem::ItemNameTooLong(chars));
            } else if items.iter().any(|it| it.name.eq_ignore_ascii_case(name)) {
                bad("name", ShopProblem::DuplicateItem(name.to_owned()));
            }
            let label = if name.is_empty() {
                ItemLabel::Number(i + 1)
            } else {
                ItemLabel::Named(name.to_owned())
            };
            let price = match q.price.trim() {
                "" => {
                    bad("price", ShopProblem::NoPrice(label.clone()));
                    None
                }
                p => match Money::parse(p, currency) {
                    Ok(m) => Some(m.minor),
                    Err(e) => {
                        bad(
                            "price",
                            ShopProblem::BadPrice {
                                item: label.clone(),
                                why: e,
                            },
                        );
                        None
                    }
                },
            };
            let rate = match q.rate.trim() {
                "" => {
                    bad("rate", ShopProblem::NoItemRate(label.clone()));
                    None
                }
                r => match table.get(r) {
                    Some(rate) => Some(rate.name.clone()),
                    None if table_ok => {
                        bad(
                            "rate",
                            ShopProblem::UnknownRate {
                                item: label.clone(),
                                rate: r.to_owned(),
                            },
                        );
                        None
                    }
                    None => None,
                },
            };
            if let (true, Some(price_minor), Some(rate)) = (ok, price, rate) {
                items.push(QuickItem {
                    name: name.to_owned(),
                    price_minor,
                    rate,
                });
            }
        }
        items
    }

    /// Checks the form and saves it in the `"shop"` part of `settings.json` beside the
    /// journal at `db_path` (the rest of the file stays as it is). Nothing is written when a
    /// field is wrong. The saved names of the shop's defaults stay; a shop without them is
    /// named with `fill` ([`ShopSettings::fill_defaults`]).
    pub fn save(
        &self,
        db_path: &Path,
        currency: Currency,
        day: Day,
        fill: &DefaultNames,
    ) -> Result<ShopSettings, ShopFormError> {
        let path = settings_path(db_path);
        let loaded = SavedSettings::load(&path);
        let mut before = loaded.as_ref().map(|s| s.shop.clone()).unwrap_or_default();
        before.fill_defaults(fill);
        let shop = self.check(currency, day, before.defaults.as_ref())?;
        let mut saved = loaded?;
        saved.shop = shop.clone();
        saved.save(&path)?;
        tracing::info!(
            profile = shop.profile.is_some(),
            own_vat_table = shop.vat.is_some(),
            quick_items = shop.quick_items.len(),
            "shop settings saved"
        );
        Ok(shop)
    }
}

/// The logo file must read and decode as a PNG or JPEG for a receipt `width` wide.
fn check_logo(path: &Path, width: u16) -> Result<(), ShopProblem> {
    let bytes = std::fs::read(path).map_err(|e| ShopProblem::LogoUnreadable {
        path: path.display().to_string(),
        why: e.to_string(),
    })?;
    kassa_print::Raster::from_image_bytes(&bytes, logo_dots(width))
        .map(|_| ())
        .map_err(ShopProblem::Logo)
}

/// The shop's logo as printer dots, for a receipt; `None` without a logo. A logo file that
/// went missing or changed into something unreadable since it was saved is an error (the
/// caller prints without it and says so).
pub fn load_logo(shop: &Shop) -> Result<Option<kassa_print::Raster>, String> {
    let Some(path) = &shop.logo else {
        return Ok(None);
    };
    let bytes = std::fs::read(path)
        .map_err(|e| format!("cannot read the logo file {}: {e}", path.display()))?;
    kassa_print::Raster::from_image_bytes(&bytes, shop.logo_dots())
        .map(Some)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
