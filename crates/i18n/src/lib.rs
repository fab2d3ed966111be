//! Kassa's five languages: Danish, Swedish, Norwegian (bokmål), Finnish and English.
//!
//! * [`Lang`]: the language, read from a locale string (`da_DK.UTF-8`, `fi-FI`, `nb`, `no`,
//!   `nn`) and chosen by [`Lang::choose`] from an override and the system's locale (pure: the
//!   caller reads the environment; [`os_locale`] picks the POSIX variables in their order).
//! * [`Messages`]: one message catalogue per language in [Fluent](https://projectfluent.org)
//!   (`locales/<lang>/<area>.ftl`, embedded), with CLDR plural rules. [`Messages::get`] formats
//!   a message with its arguments; a key missing in one language falls back to English, and the
//!   tests fail on any key or variable that is not in every language.
//! * Locale formatting ([`format`]): money from kassa-money's integer minor units (never a float),
//!   integers, percentages, dates and times as a native of each country writes them.
//!
//! The catalogue's areas, one file each so that work on one does not touch the others:
//! `core.ftl` (the engine's reasons, the sale's words shared by the CLI and the window,
//! receipts and reports), `cli.ftl` (the CLI's own output and errors), `window.ftl` (the
//! cashier's window: keypad, sale, QR, result), `books.ftl` (Today, the day, details,
//! returns, refunds), `setup.ftl` (settings, shop, staff, training), `customer.ftl` (the
//! customer's display) and `bank.ftl` (the sandbox bank page). A key lives in one area only.

pub mod format;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use format::{Date, Time};

/// A language Kassa speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Da,
    Sv,
    Nb,
    Fi,
}

impl Lang {
    /// Every language, English (the fallback) first.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Da, Lang::Sv, Lang::Nb, Lang::Fi];

    /// The language's code as Kassa writes it (`KASSA_LANG`, settings): `en`, `da`, `sv`,
    /// `nb`, `fi`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
            Lang::Sv => "sv",
            Lang::Nb => "nb",
            Lang::Fi => "fi",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Da => "Dansk",
            Lang::Sv => "Svenska",
            Lang::Nb => "Norsk bokmål",
            Lang::Fi => "Suomi",
        }
    }

    /// The language of a locale string: `da`, `da_DK.UTF-8`, `fi-FI`, `sv_SE@euro`, `en_GB`.
    /// Norwegian in any form (`no`, `nb`, `nn`, `nb_NO`) is bokmål. `None` for a language
    /// Kassa does not speak and for `C`/`POSIX`/empty.
    pub fn parse(locale: &str) -> Option<Lang> {
        let l = locale.trim();
        // The language part: before the territory, the codeset and the modifier.
        let lang = l.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match lang.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "da" => Some(Lang::Da),
            "sv" => Some(Lang::Sv),
            "nb" | "no" | "nn" => Some(Lang::Nb),
            "fi" => Some(Lang::Fi),
            _ => None,
        }
    }

    /// The language to speak: the override (`KASSA_LANG`, else the language setting) when it
    /// names one Kassa speaks, else the system's locale's ([`os_locale`]), else English.
    /// Pure: the caller passes the environment in.
    pub fn choose(override_: Option<&str>, os_locale: Option<&str>) -> Lang {
        override_
            .and_then(Lang::parse)
            .or_else(|| os_locale.and_then(Lang::parse))
            .unwrap_or(Lang::En)
    }

    /// The language of the first `Accept-Language` entry Kassa speaks (`da-DK,da;q=0.9,en;q=0.8`),
    /// by the entries' `q` weights (ties keep their order); `None` when none is spoken.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(u32, Lang)> = None;
        for entry in header.split(',') {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(1000, quality);
            if q == 0 {
                continue;
            }
            if let Some(lang) = Lang::parse(tag)
                && best.is_none_or(|(b, _)| q > b)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }

    fn langid(self) -> LanguageIdentifier {
        // The five codes are valid BCP 47 tags; English is the one that cannot fail.
        self.code()
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default())
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::parse(s).ok_or_else(|| UnknownLang(s.trim().to_owned()))
    }
}

/// A language code Kassa does not speak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl std::fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\"{}\" is not a language Kassa speaks: use da, sv, nb, fi or en",
            self.0
        )
    }
}

impl std::error::Error for UnknownLang {}

/// An `Accept-Language` `q` value in thousandths (`0.8` → 800), integer only.
fn quality(q: &str) -> u32 {
    let q = q.trim();
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    let int: u32 = match int {
        "1" => 1,
        "0" | "" => 0,
        _ => return 0,
    };
    let mut thousandths = int * 1000;
    for (i, b) in frac.bytes().take(3).enumerate() {
        if !b.is_ascii_digit() {
            return 0;
        }
        thousandths += u32::from(b - b'0') * [100, 10, 1][i];
    }
    thousandths.min(1000)
}

/// The system's locale from the POSIX variables, in their order of precedence: the first
/// non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`. Pure: `var` reads the environment.
pub fn os_locale(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|v| !v.trim().is_empty())
}

/// The catalogue's areas: one `.ftl` file each per language.
pub const AREAS: [&str; 7] = [
    "core", "cli", "window", "books", "setup", "customer", "bank",
];

/// The areas the window's screens speak from (the cashier's window loads them all at start).
pub const WINDOW_AREAS: [&str; 5] = ["core", "window", "books", "setup", "customer"];

macro_rules! catalogue {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/core.ftl")),
            include_str!(concat!("../locales/", $lang, "/cli.ftl")),
            include_str!(concat!("../locales/", $lang, "/window.ftl")),
            include_str!(concat!("../locales/", $lang, "/books.ftl")),
            include_str!(concat!("../locales/", $lang, "/setup.ftl")),
            include_str!(concat!("../locales/", $lang, "/customer.ftl")),
            include_str!(concat!("../locales/", $lang, "/bank.ftl")),
        ]
    };
}

/// The `.ftl` source of each area (in [`AREAS`]' order) of a language.
pub fn sources(lang: Lang) -> [&'static str; AREAS.len()] {
    match lang {
        Lang::En => catalogue!("en"),
        Lang::Da => catalogue!("da"),
        Lang::Sv => catalogue!("sv"),
        Lang::Nb => catalogue!("nb"),
        Lang::Fi => catalogue!("fi"),
    }
}

/// An argument of a message: text, or a count (which plural variants select on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(i64, i32, u32, u64, usize);

/// One language's messages: its catalogue (every area) with English beneath it.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Messages {
    fn build(lang: Lang) -> Messages {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
        // Terminal lines, receipts and HTML: no Unicode isolation marks around arguments.
        bundle.set_use_isolating(false);
        for source in sources(lang) {
            // A catalogue that does not parse is a test failure (`every_catalogue_parses`);
            // what did parse is still used.
            let res = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
            let _ = bundle.add_resource(res);
        }
        Messages { lang, bundle }
    }

    /// The messages of `lang`, built once per process.
    pub fn of(lang: Lang) -> &'static Messages {
        static ALL: [OnceLock<Messages>; 5] = [const { OnceLock::new() }; 5];
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        ALL[i].get_or_init(|| Messages::build(lang))
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether this language's own catalogue has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// The message `key` with `args`; from English when this language lacks it, the key
    /// itself when no catalogue has it (the tests keep that from happening).
    pub fn get(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        if let Some(s) = self.format(key, args) {
            return s;
        }
        if self.lang != Lang::En
            && let Some(s) = Messages::of(Lang::En).format(key, args)
        {
            return s;
        }
        key.to_owned()
    }

    /// The message `key` without arguments.
    pub fn text(&self, key: &str) -> String {
        self.get(key, &[])
    }

    fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let msg = self.bundle.get_message(key)?;
        let pattern = msg.value()?;
        let mut fargs = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            match arg {
                Arg::Text(t) => fargs.set(*name, FluentValue::from(t.as_ref())),
                Arg::Count(n) => fargs.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let out = self
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors);
        Some(out.into_owned())
    }

    /// Every message of one area (`window`, `bank`, …) as a template: a message with
    /// variables comes back with each variable written `{name}`, for a host that fills them in
    /// with plain text (the window's `t(key, vars)`). Plural choices are not made here: the
    /// words whose form depends on a number are formatted in Rust, where the number is.
    pub fn templates(&self, area: &str) -> Vec<(String, String)> {
        let Some(i) = AREAS.iter().position(|a| *a == area) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for key in keys_and_vars(sources(Lang::En)[i]) {
            let args: Vec<(&str, Arg<'_>)> = key
                .1
                .iter()
                .map(|v| (v.as_str(), Arg::Text(Cow::Owned(format!("{{{v}}}")))))
                .collect();
            let text = self.get(&key.0, &args);
            out.push((key.0, text));
        }
        out
    }

    /// Money as this language writes it ([`format::money`]).
    pub fn money(&self, m: kassa_money::Money) -> String {
        format::money(self.lang, m)
    }
}

/// The message ids of one `.ftl` source with the variables each uses (sorted), in order.
pub fn keys_and_vars(source: &str) -> Vec<(String, Vec<String>)> {
    use fluent_syntax::ast;
    let res = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    fn inline(e: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for p in &arguments.positional {
                    inline(p, out);
                }
                for n in &arguments.named {
                    inline(&n.value, out);
                }
            }
            _ => {}
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    fn pattern(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    let mut out = Vec::new();
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = Vec::new();
            if let Some(p) = &m.value {
                pattern(p, &mut vars);
            }
            vars.sort();
            vars.dedup();
            out.push((m.id.name.to_owned(), vars));
        }
    }
    out
}

#[cfg(test)]
mod tests;
