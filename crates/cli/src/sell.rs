//! `kassa charge`'s lines and tenders, and `kassa setup`'s shop flags: parsed here into the
//! same `CartInput` and `ShopForm` the window sends, checked by the same code.

use kassa_boot::Messages;
use kassa_boot::shop::{CartInput, CartLineInput, QuickItemForm, ShopForm, VatRateForm};
use kassa_money::{Currency, Money, MoneyError};

/// A `kassa charge` or `kassa setup` argument that does not read. `Display` is English (logs,
/// tests); [`SellError::message`] says it in the language spoken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SellError {
    #[error(
        "bad --line \"{0}\": write it as TEXT=AMOUNT or TEXT=AMOUNT@RATE, e.g. \"Bread=39,90@Food\""
    )]
    BadLine(String),
    #[error("bad --line \"{0}\": the line has no amount: enter its price after =")]
    NoAmount(String),
    #[error("bad --line \"{0}\": {1}")]
    LineAmount(String, MoneyError),
    #[error("bad amount: {0}")]
    Amount(MoneyError),
    #[error("give either --amount or --line (each line has its own amount), not both")]
    AmountAndLines,
    #[error("give the amount (--amount 12.50) or the lines (--line TEXT=AMOUNT)")]
    AmountOrLines,
    #[error(
        "bad --vat \"{0}\": write it as NAME=PERCENT or NAME=PERCENT@SAFT_CODE, e.g. \"Food=15@31\""
    )]
    BadVat(String),
    #[error("there is no VAT rate named \"{0}\"")]
    NoVatRate(String),
    #[error("bad --quick \"{0}\": write it as NAME=PRICE@RATE, e.g. \"Coffee=35@Standard\"")]
    BadQuick(String),
    #[error("there is no quick item named \"{0}\"")]
    NoQuickItem(String),
}

impl SellError {
    /// The sentence in the language of `m` (keys in cli.ftl).
    pub fn message(&self, m: &Messages) -> String {
        let one = |key: &str, name: &str, text: &String| m.get(key, &[(name, text.into())]);
        match self {
            SellError::BadLine(l) => one("cli-line-bad", "line", l),
            SellError::NoAmount(l) => one("cli-line-no-amount", "line", l),
            SellError::LineAmount(l, e) => m.get(
                "cli-line-bad-amount",
                &[
                    ("line", l.into()),
                    ("error", crate::output::money_error(m, e).into()),
                ],
            ),
            SellError::Amount(e) => m.get(
                "cli-bad-amount",
                &[("error", crate::output::money_error(m, e).into())],
            ),
            SellError::AmountAndLines => m.text("cli-amount-and-lines"),
            SellError::AmountOrLines => m.text("cli-amount-or-lines"),
            SellError::BadVat(v) => one("cli-setup-bad-vat", "vat", v),
            SellError::NoVatRate(n) => one("cli-setup-no-vat-rate", "name", n),
            SellError::BadQuick(q) => one("cli-setup-bad-quick", "quick", q),
            SellError::NoQuickItem(n) => one("cli-setup-no-quick-item", "name", n),
        }
    }
}

/// Reads `--line "TEXT=AMOUNT[@RATE]"`: `Bread=39,90@Food`, `Batteries=49.50`,
/// `2 x Coffee=35` (a quantity before ` x `). No rate: the default one.
pub fn parse_line(text: &str, currency: Currency) -> Result<CartLineInput, SellError> {
    let bad = || SellError::BadLine(text.to_owned());
    let (what, price) = text.rsplit_once('=').ok_or_else(bad)?;
    let (amount, rate) = match price.split_once('@') {
        Some((a, r)) => (a, r.trim()),
        None => (price, ""),
    };
    let (quantity, what) = match what.trim().split_once(" x ") {
        Some((n, rest)) if n.trim().parse::<u32>().is_ok() => {
            (n.trim().parse::<u32>().map_err(|_| bad())?, rest)
        }
        _ => (1, what),
    };
    if amount.trim().is_empty() {
        return Err(SellError::NoAmount(text.to_owned()));
    }
    let unit =
        Money::parse(amount, currency).map_err(|e| SellError::LineAmount(text.to_owned(), e))?;
    Ok(CartLineInput {
        text: Some(what.trim().to_owned()).filter(|t| !t.is_empty()),
        unit_minor: unit.minor,
        quantity,
        rate: rate.to_owned(),
    })
}

/// The cart of `kassa charge`: `--amount` alone (one line at the default rate), or the
/// `--line`s.
pub fn cart_of(
    amount: Option<&str>,
    lines: &[String],
    currency: Currency,
) -> Result<CartInput, SellError> {
    match (amount, lines.is_empty()) {
        (Some(a), true) => Money::parse(a, currency)
            .map(|m| CartInput::amount(m.minor))
            .map_err(SellError::Amount),
        (None, false) => Ok(CartInput {
            lines: lines
                .iter()
                .map(|l| parse_line(l, currency))
                .collect::<Result<_, _>>()?,
        }),
        (Some(_), false) => Err(SellError::AmountAndLines),
        (None, true) => Err(SellError::AmountOrLines),
    }
}

/// `kassa setup`'s shop flags.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct ShopArgs {
    /// The business's legal name, as registered (it heads every receipt).
    #[arg(long)]
    pub legal_name: Option<String>,
    /// The organisation / VAT number (CVR, organisasjonsnummer, organisationsnummer, Y-tunnus).
    #[arg(long)]
    pub org_number: Option<String>,
    /// Norway: registered for VAT (printed "NO … MVA").
    #[arg(long)]
    pub vat_registered: bool,
    /// A line of the street address (repeat for up to three; replaces the saved ones).
    #[arg(long = "address", value_name = "LINE")]
    pub address: Vec<String>,
    #[arg(long)]
    pub postcode: Option<String>,
    #[arg(long)]
    pub city: Option<String>,
    /// DK, SE, NO or FI.
    #[arg(long)]
    pub country: Option<String>,
    /// This till's name on the receipt, e.g. "Till 1".
    #[arg(long)]
    pub till_name: Option<String>,
    /// A line of the receipt footer (repeat for up to four; replaces the saved ones).
    #[arg(long = "footer", value_name = "LINE")]
    pub footer: Vec<String>,
    /// Add or change a VAT rate: NAME=PERCENT[@SAFT_CODE], e.g. "Food=15@31" (a new rate
    /// without a code takes 3, or 5 at 0 %).
    #[arg(long = "vat", value_name = "NAME=PERCENT[@CODE]")]
    pub vat: Vec<String>,
    /// Remove the VAT rate of this name.
    #[arg(long, value_name = "NAME")]
    pub vat_remove: Vec<String>,
    /// The VAT rate a plain amount is sold at.
    #[arg(long, value_name = "NAME")]
    pub vat_default: Option<String>,
    /// Add or change a quick item: NAME=PRICE@RATE, e.g. "Coffee=35@Standard".
    #[arg(long = "quick", value_name = "NAME=PRICE@RATE")]
    pub quick: Vec<String>,
    /// Remove the quick item of this name.
    #[arg(long, value_name = "NAME")]
    pub quick_remove: Vec<String>,
    /// The network receipt printer, HOST[:PORT] (port 9100 unless given); "" removes it.
    #[arg(long, value_name = "HOST[:PORT]")]
    pub printer: Option<String>,
    /// The receipt logo, a PNG or JPEG file; "" removes it.
    #[arg(long, value_name = "FILE")]
    pub logo: Option<String>,
    /// Characters per receipt line: 48 (80 mm, the default), 42 or 32 (58 mm).
    #[arg(long)]
    pub width: Option<String>,
}

impl ShopArgs {
    /// Any shop flag given.
    pub fn any(&self) -> bool {
        self.legal_name.is_some()
            || self.org_number.is_some()
            || self.vat_registered
            || !self.address.is_empty()
            || self.postcode.is_some()
            || self.city.is_some()
            || self.country.is_some()
            || self.till_name.is_some()
            || !self.footer.is_empty()
            || !self.vat.is_empty()
            || !self.vat_remove.is_empty()
            || self.vat_default.is_some()
            || !self.quick.is_empty()
            || !self.quick_remove.is_empty()
            || self.printer.is_some()
            || self.logo.is_some()
            || self.width.is_some()
    }

    /// `form` with these edits. Refuses only what cannot be read as an edit; the values are
    /// checked when the form is saved (the window's rules, the window's sentences).
    pub fn apply(&self, form: &mut ShopForm) -> Result<(), SellError> {
        let p = &mut form.profile;
        let set = |to: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                *to = v.clone();
            }
        };
        set(&mut p.legal_name, &self.legal_name);
        set(&mut p.org_number, &self.org_number);
        set(&mut p.postcode, &self.postcode);
        set(&mut p.city, &self.city);
        set(&mut p.country, &self.country);
        set(&mut p.till_name, &self.till_name);
        if self.vat_registered {
            p.vat_registered = true;
        }
        if !self.address.is_empty() {
            p.address_lines = self.address.clone();
        }
        if !self.footer.is_empty() {
            p.receipt_footer = self.footer.join("\n");
        }
        for edit in &self.vat {
            let bad = || SellError::BadVat(edit.clone());
            let (name, rest) = edit.split_once('=').ok_or_else(bad)?;
            let (percent, code) = match rest.split_once('@') {
                Some((p, c)) => (p.trim(), Some(c.trim())),
                None => (rest.trim(), None),
            };
            let name = name.trim();
            match form
                .vat
                .iter_mut()
                .find(|r| r.name.trim().eq_ignore_ascii_case(name))
            {
                Some(r) => {
                    r.percent = percent.to_owned();
                    if let Some(c) = code {
                        r.saft_code = c.to_owned();
                    }
                }
                None => {
                    let zero = kassa_boot::shop::parse_percent(percent).is_ok_and(|bp| bp == 0);
                    form.vat.push(VatRateForm {
                        name: name.to_owned(),
                        percent: percent.to_owned(),
                        saft_code: code.unwrap_or(if zero { "5" } else { "3" }).to_owned(),
                        default: form.vat.is_empty(),
                    });
                }
            }
        }
        for name in &self.vat_remove {
            let before = form.vat.len();
            form.vat
                .retain(|r| !r.name.trim().eq_ignore_ascii_case(name.trim()));
            if form.vat.len() == before {
                return Err(SellError::NoVatRate(name.trim().to_owned()));
            }
        }
        if let Some(d) = &self.vat_default {
            if !form
                .vat
                .iter()
                .any(|r| r.name.trim().eq_ignore_ascii_case(d.trim()))
            {
                return Err(SellError::NoVatRate(d.trim().to_owned()));
            }
            for r in &mut form.vat {
                r.default = r.name.trim().eq_ignore_ascii_case(d.trim());
            }
        }
        for edit in &self.quick {
            let bad = || SellError::BadQuick(edit.clone());
            let (name, rest) = edit.rsplit_once('=').ok_or_else(bad)?;
            let (price, rate) = match rest.split_once('@') {
                Some((p, r)) => (p.trim(), r.trim()),
                None => (rest.trim(), ""),
            };
            let item = QuickItemForm {
                name: name.trim().to_owned(),
                price: price.to_owned(),
                rate: rate.to_owned(),
            };
            match form
                .quick_items
                .iter_mut()
                .find(|q| q.name.trim().eq_ignore_ascii_case(name.trim()))
            {
                Some(q) => *q = item,
                None => form.quick_items.push(item),
            }
        }
        for name in &self.quick_remove {
            let before = form.quick_items.len();
            form.quick_items
                .retain(|q| !q.name.trim().eq_ignore_ascii_case(name.trim()));
            if form.quick_items.len() == before {
                return Err(SellError::NoQuickItem(name.trim().to_owned()));
            }
        }
        set(&mut form.printer, &self.printer);
        set(&mut form.logo, &self.logo);
        set(&mut form.width, &self.width);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn lines_read_text_amount_and_rate() {
        let l = parse_line("Bread=39,90@Food", Currency::Nok).unwrap();
        assert_eq!(
            (l.text.as_deref(), l.unit_minor, l.quantity, l.rate.as_str()),
            (Some("Bread"), 3990, 1, "Food")
        );
        let l = parse_line("2 x Coffee=35", Currency::Nok).unwrap();
        assert_eq!((l.quantity, l.unit_minor, l.rate.as_str()), (2, 3500, ""));
        let l = parse_line("=10", Currency::Nok).unwrap();
        assert_eq!(l.text, None, "the rate's name then");
        assert!(
            parse_line("Bread=", Currency::Nok)
                .unwrap_err()
                .to_string()
                .contains("has no amount")
        );
        assert!(
            parse_line("Bread", Currency::Nok)
                .unwrap_err()
                .to_string()
                .contains("TEXT=AMOUNT")
        );
        assert!(
            parse_line("Bread=1,234", Currency::Nok)
                .unwrap_err()
                .to_string()
                .contains("2 decimals")
        );
        assert!(cart_of(Some("1"), &["A=1".into()], Currency::Dkk).is_err());
        assert!(cart_of(None, &[], Currency::Dkk).is_err());
        assert_eq!(
            cart_of(Some("12,50"), &[], Currency::Dkk).unwrap(),
            CartInput::amount(1250)
        );
    }

    #[test]
    fn shop_flags_edit_the_form() {
        let mut form = ShopForm::default();
        form.vat.push(VatRateForm {
            name: "Standard".into(),
            percent: "25".into(),
            saft_code: "3".into(),
            default: true,
        });
        ShopArgs {
            legal_name: Some("Bageriet ApS".into()),
            vat: vec!["standard=25,5".into(), "Free=0".into(), "Food=12@31".into()],
            vat_default: Some("food".into()),
            quick: vec!["Bun=12@Food".into()],
            printer: Some("10.0.0.5".into()),
            ..ShopArgs::default()
        }
        .apply(&mut form)
        .unwrap();
        assert_eq!(form.profile.legal_name, "Bageriet ApS");
        assert_eq!(form.vat[0].percent, "25,5");
        assert_eq!(form.vat[1].saft_code, "5");
        assert_eq!(form.vat[2].saft_code, "31");
        assert!(form.vat[2].default && !form.vat[0].default);
        assert_eq!(form.quick_items[0].rate, "Food");
        assert_eq!(form.printer, "10.0.0.5");
        let e = ShopArgs {
            vat_remove: vec!["Nope".into()],
            ..ShopArgs::default()
        }
        .apply(&mut form)
        .unwrap_err();
        assert_eq!(e.to_string(), "there is no VAT rate named \"Nope\"");
    }
}
