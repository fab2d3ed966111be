//! Money, numbers, percentages, dates and times as a native of each language's country
//! writes them. Integers only: money is kassa-money's minor units, a percentage basis points.
//!
//! | | money (home currency, then another) | number | date | time |
//! |---|---|---|---|---|
//! | en | as the currency's country writes it: `1.234,50 kr.`, `kr 1 234,50`, `€1,234.50` | `1,234` | `2 Dec 2026` | `14:05` |
//! | da | `1.234,50 kr.`, `1.234,50 €`, `1.234,50 SEK` | `1.234` | `02.12.2026` | `14.05` |
//! | sv | `1 234,50 kr`, `1 234,50 €`, `1 234,50 DKK` | `1 234` | `2026-12-02` | `14:05` |
//! | nb | `kr 1 234,50`, `€ 1 234,50`, `DKK 1 234,50` | `1 234` | `02.12.2026` | `14:05` |
//! | fi | `1 234,50 €`, `1 234,50 SEK` | `1 234` | `2.12.2026` | `14.05` |
//!
//! * The digit group of sv, nb and fi is a NARROW NO-BREAK SPACE (U+202F, as their standards
//!   write a thin space between groups), the space between an amount and its currency a
//!   NO-BREAK SPACE (U+00A0): an amount never breaks across lines. The receipt's printer and
//!   PDF code pages have no U+202F and print it as a plain no-break space.
//! * The crown is written `kr.` in Danish, `kr` in Swedish and Norwegian (before the amount in
//!   Norwegian, as Norwegian shops write prices), only in the language whose crown it is;
//!   another country's crown is its ISO code (a Swede reading Danish crowns sees `DKK`).
//! * English has no country among Kassa's markets: it is the language of a cashier in a
//!   Nordic shop who reads English, so it writes an amount as the currency's own country does
//!   (`Money::display`: `1.234,50 kr.`, `1 234,50 kr`, `kr 1 234,50`; euro `€1,234.50`), the
//!   way the shop's price tags and receipts write it.
//! * A negative amount starts with the hyphen-minus (`-1.234,50 kr.`, `-€1,234.50`; in
//!   Norwegian after the symbol, `kr -1 234,50`): the receipt's code page has no U+2212.
//! * Danish and Finnish write the time with a full stop (`14.05`), as their standards do.

use kassa_money::{Currency, Money};

use crate::Lang;

/// No-break space: between an amount and its currency.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space: between digit groups in sv, nb and fi.
pub const NNBSP: char = '\u{202f}';

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Time {
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::Da => ('.', ','),
        Lang::Sv | Lang::Nb | Lang::Fi => (NNBSP, ','),
    }
}

/// `n` with the language's digit grouping: `1.234.567` (da), `1 234 567` (sv, nb, fi),
/// `1,234,567` (en).
pub fn number(lang: Lang, n: i64) -> String {
    let (group, _) = separators(lang);
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", grouped(n.unsigned_abs(), group))
}

fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The amount without its currency, in the language's digits: `1.234,50` (da).
pub fn amount(lang: Lang, m: Money) -> String {
    let (group, dec) = separators(lang);
    let per = m.currency.minor_per_major().unsigned_abs();
    let abs = m.minor.unsigned_abs();
    let width = m.currency.exponent() as usize;
    let sign = if m.minor < 0 { "-" } else { "" };
    format!(
        "{sign}{}{dec}{:0width$}",
        grouped(abs / per, group),
        abs % per
    )
}

/// Money as the language writes it (the table above): `1.234,50 kr.` (da, DKK),
/// `1 234,50 €` (fi, EUR), `€1,234.50` (en, EUR).
pub fn money(lang: Lang, m: Money) -> String {
    let signed = amount(lang, m);
    let number = signed.trim_start_matches('-');
    let neg = if m.minor < 0 { "-" } else { "" };
    let code = m.currency.code();
    match (lang, m.currency) {
        (Lang::En, _) => m.display(),
        (Lang::Nb, c) => {
            let symbol = match c {
                Currency::Nok => "kr",
                Currency::Eur => "€",
                _ => code,
            };
            format!("{symbol}{NBSP}{neg}{number}")
        }
        (lang, c) => {
            let symbol = match (lang, c) {
                (_, Currency::Eur) => "€",
                (Lang::Da, Currency::Dkk) => "kr.",
                (Lang::Sv, Currency::Sek) => "kr",
                _ => code,
            };
            format!("{neg}{number}{NBSP}{symbol}")
        }
    }
}

/// A percentage given in basis points (2500 = 25 %): `25 %` (da, sv, nb, fi: a no-break
/// space before the sign), `25%` (en); decimals only as needed (`12,5 %`, `12.5%`).
pub fn percent(lang: Lang, bp: u32) -> String {
    let (_, dec) = separators(lang);
    let whole = bp / 100;
    let frac = bp % 100;
    let mut n = whole.to_string();
    if frac != 0 {
        let f = format!("{frac:02}");
        n.push(dec);
        n.push_str(f.trim_end_matches('0'));
    }
    match lang {
        Lang::En => format!("{n}%"),
        _ => format!("{n}{NBSP}%"),
    }
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as the language writes it: `02.12.2026` (da, nb), `2026-12-02` (sv),
/// `2.12.2026` (fi), `2 Dec 2026` (en).
pub fn date(lang: Lang, d: Date) -> String {
    let Date { year, month, day } = d;
    match lang {
        Lang::Da | Lang::Nb => format!("{day:02}.{month:02}.{year}"),
        Lang::Sv => format!("{year}-{month:02}-{day:02}"),
        Lang::Fi => format!("{day}.{month}.{year}"),
        Lang::En => {
            let name = month
                .checked_sub(1)
                .and_then(|i| EN_MONTHS.get(i as usize))
                .copied()
                .unwrap_or("?");
            format!("{day} {name} {year}")
        }
    }
}

fn time_sep(lang: Lang) -> char {
    match lang {
        Lang::Da | Lang::Fi => '.',
        Lang::En | Lang::Sv | Lang::Nb => ':',
    }
}

/// A time of day to the minute, 24-hour: `14.05` (da, fi), `14:05` (en, sv, nb).
pub fn time(lang: Lang, t: Time) -> String {
    let s = time_sep(lang);
    format!("{:02}{s}{:02}", t.hour, t.minute)
}

/// A time of day to the second: `14.05.09` (da, fi), `14:05:09` (en, sv, nb).
pub fn time_s(lang: Lang, t: Time) -> String {
    let s = time_sep(lang);
    format!("{:02}{s}{:02}{s}{:02}", t.hour, t.minute, t.second)
}

impl Lang {
    /// [`money`] in this language.
    pub fn money(self, m: Money) -> String {
        money(self, m)
    }
    /// [`number`] in this language.
    pub fn number(self, n: i64) -> String {
        number(self, n)
    }
    /// [`percent`] in this language.
    pub fn percent(self, bp: u32) -> String {
        percent(self, bp)
    }
    /// [`date`] in this language.
    pub fn date(self, d: Date) -> String {
        date(self, d)
    }
    /// [`time`] in this language.
    pub fn time(self, t: Time) -> String {
        time(self, t)
    }
}
