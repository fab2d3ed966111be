//! The merchant's profile: who the receipt says sold it.
//!
//! Like `kassa-config`'s validator, what the form, `kassa setup` or the settings file gives
//! is a [`ProfileDraft`] (plain text), and [`validate`] turns it into a [`MerchantProfile`]
//! or a list of [`FieldError`]s, one per field at fault, each a sentence for the merchant.
//! Lengths are for an 80 mm thermal printer's 48 columns.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::org::{Country, OrgError, OrgNumber};

/// Columns of an 80 mm receipt printer (font A).
pub const RECEIPT_COLUMNS: usize = 48;
/// Lines of the receipt footer.
pub const FOOTER_LINES: usize = 4;
/// Lines of the street address.
pub const ADDRESS_LINES: usize = 3;
/// The longest legal name (it wraps on the receipt).
pub const LEGAL_NAME_CHARS: usize = 96;
/// The longest till name.
pub const TILL_NAME_CHARS: usize = 24;

/// A field of the profile, as the form names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Field {
    LegalName,
    OrgNumber,
    /// The street address; the line (from 1) where it is about one line.
    Address,
    Postcode,
    City,
    Country,
    TillName,
    ReceiptFooter,
}

impl Field {
    /// The form field's name: `legalName`, `orgNumber`, …
    pub fn form_name(self) -> &'static str {
        match self {
            Field::LegalName => "legalName",
            Field::OrgNumber => "orgNumber",
            Field::Address => "addressLines",
            Field::Postcode => "postcode",
            Field::City => "city",
            Field::Country => "country",
            Field::TillName => "tillName",
            Field::ReceiptFooter => "receiptFooter",
        }
    }

    /// What the sentence calls it.
    fn label(self) -> &'static str {
        match self {
            Field::LegalName => "The legal name",
            Field::OrgNumber => "The organisation number",
            Field::Address => "The address",
            Field::Postcode => "The postcode",
            Field::City => "The city",
            Field::Country => "The country",
            Field::TillName => "The till name",
            Field::ReceiptFooter => "The receipt footer",
        }
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    /// More characters than fit (`max`), with how many there are.
    TooLong {
        max: usize,
        found: usize,
    },
    /// One line of several (counted from 1) is longer than `max`.
    LineTooLong {
        line: usize,
        max: usize,
        found: usize,
    },
    TooManyLines {
        max: usize,
        found: usize,
    },
    /// Tabs, line breaks (where one line is wanted) or other control characters.
    ControlCharacter,
    /// Not DK, SE, NO or FI.
    UnknownCountry(String),
    /// A postcode of the country has this many digits.
    Postcode {
        country: Country,
        digits: usize,
    },
    Org(OrgError),
}

/// A field the merchant must fix, and how (the `Display`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.field.label();
        match &self.problem {
            Problem::Missing => match self.field {
                Field::LegalName => write!(f, "Enter the business's legal name, as registered"),
                Field::OrgNumber => write!(f, "Enter the organisation number"),
                Field::Address => write!(f, "Enter the shop's street address"),
                Field::Postcode => write!(f, "Enter the postcode"),
                Field::City => write!(f, "Enter the city"),
                Field::Country => write!(f, "Choose the country: DK, SE, NO or FI"),
                Field::TillName => write!(f, "Give this till a name, e.g. Till 1"),
                Field::ReceiptFooter => write!(f, "Enter a receipt footer"),
            },
            Problem::TooLong { max, found } => {
                write!(f, "{label} has at most {max} characters; this has {found}")
            }
            Problem::LineTooLong { line, max, found } => write!(
                f,
                "{label}'s line {line} has {found} characters; a receipt line has room for {max}"
            ),
            Problem::TooManyLines { max, found } => {
                write!(f, "{label} has at most {max} lines; this has {found}")
            }
            Problem::ControlCharacter => {
                write!(f, "{label} cannot contain tabs or other control characters")
            }
            Problem::UnknownCountry(v) => write!(
                f,
                "The country must be DK, SE, NO or FI (Kassa's markets), not \"{v}\""
            ),
            Problem::Postcode { country, digits } => {
                write!(f, "A postcode in {} has {digits} digits", country.name())
            }
            Problem::Org(e) => {
                let s = e.to_string();
                let mut c = s.chars();
                match c.next() {
                    Some(first) => write!(f, "{}{}", first.to_uppercase(), c.as_str()),
                    None => Ok(()),
                }
            }
        }
    }
}

/// Crosses IPC as `{field, message}`, like `kassa-config`'s field errors.
impl Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("FieldError", 2)?;
        st.serialize_field("field", self.field.form_name())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

/// Every problem of a draft, one sentence each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ProfileErrors(pub Vec<FieldError>);

impl fmt::Display for ProfileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&s.join("; "))
    }
}

/// The profile as typed (the form, `kassa setup`) and as stored in the settings file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileDraft {
    pub legal_name: String,
    pub org_number: String,
    /// Norway: registered for VAT (the number is printed `NO … MVA`). Also set by typing
    /// the number with `MVA`.
    pub vat_registered: bool,
    pub address_lines: Vec<String>,
    pub postcode: String,
    pub city: String,
    /// `DK`, `SE`, `NO` or `FI`.
    pub country: String,
    pub till_name: String,
    /// Up to four lines, separated by line breaks.
    pub receipt_footer: String,
}

/// A checked profile. Serialised as its [`ProfileDraft`], and checked again when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ProfileDraft", into = "ProfileDraft")]
pub struct MerchantProfile {
    pub legal_name: String,
    pub org_number: OrgNumber,
    /// One to three lines, trimmed, none empty.
    pub address_lines: Vec<String>,
    /// Digits only (Swedish `123 45` is kept as `12345`; see [`MerchantProfile::postcode_display`]).
    pub postcode: String,
    pub city: String,
    pub country: Country,
    pub till_name: String,
    /// Zero to four lines of at most 48 characters.
    pub footer_lines: Vec<String>,
}

impl MerchantProfile {
    /// The postcode as the country writes it: `123 45` in Sweden, the digits elsewhere.
    pub fn postcode_display(&self) -> String {
        match self.country {
            Country::Se if self.postcode.len() == 5 => {
                format!("{} {}", &self.postcode[..3], &self.postcode[3..])
            }
            _ => self.postcode.clone(),
        }
    }

    /// `2100 København Ø`, `123 45 Stockholm`.
    pub fn postcode_city(&self) -> String {
        format!("{} {}", self.postcode_display(), self.city)
    }
}

impl TryFrom<ProfileDraft> for MerchantProfile {
    type Error = ProfileErrors;
    fn try_from(d: ProfileDraft) -> Result<Self, ProfileErrors> {
        validate(&d).map_err(ProfileErrors)
    }
}

impl From<MerchantProfile> for ProfileDraft {
    fn from(p: MerchantProfile) -> ProfileDraft {
        ProfileDraft {
            legal_name: p.legal_name,
            org_number: p.org_number.display(),
            vat_registered: p.org_number.vat_registered,
            address_lines: p.address_lines,
            postcode: p.postcode,
            city: p.city,
            country: p.country.code().to_owned(),
            till_name: p.till_name,
            receipt_footer: p.footer_lines.join("\n"),
        }
    }
}

/// One line of text: trimmed, not empty, no control characters, at most `max` characters.
fn one_line(field: Field, text: &str, max: usize) -> Result<String, FieldError> {
    let t = text.trim();
    let err = |problem| FieldError { field, problem };
    if t.is_empty() {
        return Err(err(Problem::Missing));
    }
    if t.chars().any(char::is_control) {
        return Err(err(Problem::ControlCharacter));
    }
    let found = t.chars().count();
    if found > max {
        return Err(err(Problem::TooLong { max, found }));
    }
    Ok(t.to_owned())
}

/// Several lines: trimmed, blank ones dropped, at most `max_lines` of `max` characters.
fn lines<'a>(
    field: Field,
    given: impl Iterator<Item = &'a str>,
    max_lines: usize,
    max: usize,
) -> Result<Vec<String>, FieldError> {
    let err = |problem| FieldError { field, problem };
    let kept: Vec<String> = given
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if kept.len() > max_lines {
        return Err(err(Problem::TooManyLines {
            max: max_lines,
            found: kept.len(),
        }));
    }
    for (i, l) in kept.iter().enumerate() {
        if l.chars().any(char::is_control) {
            return Err(err(Problem::ControlCharacter));
        }
        let found = l.chars().count();
        if found > max {
            return Err(err(Problem::LineTooLong {
                line: i + 1,
                max,
                found,
            }));
        }
    }
    Ok(kept)
}

fn postcode(country: Country, text: &str) -> Result<String, FieldError> {
    let field = Field::Postcode;
    // Sweden writes `123 45`; a country prefix (`DK-2100`, `SE-123 45`) is also common.
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError {
            field,
            problem: Problem::Missing,
        });
    }
    let t = t
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case(&format!("{}-", country.code())))
        .map_or(t, |_| &t[3..]);
    let digits: String = t.chars().filter(|c| *c != ' ').collect();
    let expected = match country {
        Country::Dk | Country::No => 4,
        Country::Se | Country::Fi => 5,
    };
    if digits.len() != expected || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError {
            field,
            problem: Problem::Postcode {
                country,
                digits: expected,
            },
        });
    }
    Ok(digits)
}

/// Checks every field and says what is wrong with each one at fault. A country Kassa does
/// not know leaves the organisation number and the postcode unchecked (they depend on it).
pub fn validate(d: &ProfileDraft) -> Result<MerchantProfile, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut keep = |r: Result<String, FieldError>| match r {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let legal_name = keep(one_line(Field::LegalName, &d.legal_name, LEGAL_NAME_CHARS));
    let country = match d.country.trim() {
        "" => {
            keep(Err(FieldError {
                field: Field::Country,
                problem: Problem::Missing,
            }));
            None
        }
        c => {
            let found = Country::from_code(c);
            if found.is_none() {
                keep(Err(FieldError {
                    field: Field::Country,
                    problem: Problem::UnknownCountry(c.to_owned()),
                }));
            }
            found
        }
    };
    let org_number = country.and_then(|c| {
        if d.org_number.trim().is_empty() {
            keep(Err(FieldError {
                field: Field::OrgNumber,
                problem: Problem::Missing,
            }));
            return None;
        }
        match OrgNumber::parse(c, &d.org_number) {
            Ok(n) => {
                let registered = n.vat_registered || d.vat_registered;
                Some(n.with_vat_registered(registered))
            }
            Err(e) => {
                keep(Err(FieldError {
                    field: Field::OrgNumber,
                    problem: Problem::Org(e),
                }));
                None
            }
        }
    });
    let postcode = country.and_then(|c| keep(postcode(c, &d.postcode)));
    let city = keep(one_line(Field::City, &d.city, RECEIPT_COLUMNS));
    let till_name = keep(one_line(Field::TillName, &d.till_name, TILL_NAME_CHARS));
    let mut errors_after = Vec::new();
    let address = match lines(
        Field::Address,
        d.address_lines.iter().flat_map(|l| l.lines()),
        ADDRESS_LINES,
        RECEIPT_COLUMNS,
    ) {
        Ok(a) if a.is_empty() => {
            errors_after.push(FieldError {
                field: Field::Address,
                problem: Problem::Missing,
            });
            None
        }
        Ok(a) => Some(a),
        Err(e) => {
            errors_after.push(e);
            None
        }
    };
    let footer = match lines(
        Field::ReceiptFooter,
        d.receipt_footer.lines(),
        FOOTER_LINES,
        RECEIPT_COLUMNS,
    ) {
        Ok(f) => Some(f),
        Err(e) => {
            errors_after.push(e);
            None
        }
    };
    errors.extend(errors_after);
    match (
        legal_name, org_number, address, postcode, city, country, till_name, footer,
    ) {
        (
            Some(legal_name),
            Some(org_number),
            Some(address_lines),
            Some(postcode),
            Some(city),
            Some(country),
            Some(till_name),
            Some(footer_lines),
        ) if errors.is_empty() => Ok(MerchantProfile {
            legal_name,
            org_number,
            address_lines,
            postcode,
            city,
            country,
            till_name,
            footer_lines,
        }),
        _ => {
            // Keep the form's order of fields.
            errors.sort_by_key(|e| e.field as u8);
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProfileDraft {
        ProfileDraft {
            legal_name: "Bageriet Nørrebro ApS".into(),
            org_number: "10150817".into(),
            vat_registered: false,
            address_lines: vec!["Nørrebrogade 1".into()],
            postcode: "2200".into(),
            city: "København N".into(),
            country: "dk".into(),
            till_name: "Kasse 1".into(),
            receipt_footer: "Tak for besøget!\nÅbent alle dage 7-18".into(),
        }
    }

    fn messages(d: &ProfileDraft) -> Vec<(Field, String)> {
        match validate(d) {
            Ok(p) => panic!("accepted: {p:?}"),
            Err(es) => es.iter().map(|e| (e.field, e.to_string())).collect(),
        }
    }

    #[test]
    fn a_complete_profile_is_accepted_and_normalised() -> Result<(), Vec<FieldError>> {
        let p = validate(&draft())?;
        assert_eq!(p.country, Country::Dk);
        assert_eq!(p.org_number.digits, "10150817");
        assert_eq!(
            p.footer_lines,
            vec!["Tak for besøget!", "Åbent alle dage 7-18"]
        );
        assert_eq!(p.postcode_city(), "2200 København N");
        let se = validate(&ProfileDraft {
            org_number: "556036-0793".into(),
            postcode: "SE-114 55".into(),
            city: "Stockholm".into(),
            country: "SE".into(),
            receipt_footer: String::new(),
            ..draft()
        })?;
        assert_eq!(se.postcode, "11455");
        assert_eq!(se.postcode_city(), "114 55 Stockholm");
        assert!(se.footer_lines.is_empty());
        let no = validate(&ProfileDraft {
            org_number: "923 609 016".into(),
            vat_registered: true,
            postcode: "0150".into(),
            country: "NO".into(),
            ..draft()
        })?;
        assert_eq!(no.org_number.display(), "NO 923609016 MVA");
        Ok(())
    }

    #[test]
    fn each_field_at_fault_gets_its_own_sentence() {
        let d = ProfileDraft {
            legal_name: "  ".into(),
            org_number: "10150818".into(),
            address_lines: vec![String::new()],
            postcode: "22000".into(),
            city: "København\tN".into(),
            till_name: "A till with a far too long name".into(),
            receipt_footer: format!("1\n2\n3\n4\n{}", "x".repeat(10)),
            ..draft()
        };
        assert_eq!(
            messages(&d),
            vec![
                (
                    Field::LegalName,
                    "Enter the business's legal name, as registered".into()
                ),
                (
                    Field::OrgNumber,
                    "The check digit should be 7, not 8: check the CVR number for a typing error"
                        .into()
                ),
                (Field::Address, "Enter the shop's street address".into()),
                (Field::Postcode, "A postcode in Denmark has 4 digits".into()),
                (
                    Field::City,
                    "The city cannot contain tabs or other control characters".into()
                ),
                (
                    Field::TillName,
                    "The till name has at most 24 characters; this has 31".into()
                ),
                (
                    Field::ReceiptFooter,
                    "The receipt footer has at most 4 lines; this has 5".into()
                ),
            ]
        );
    }

    #[test]
    fn footer_lines_fit_a_48_column_printer() {
        let ok = "x".repeat(48);
        assert!(
            validate(&ProfileDraft {
                receipt_footer: format!("{ok}\n\n{ok}\n"),
                ..draft()
            })
            .is_ok()
        );
        assert_eq!(
            messages(&ProfileDraft {
                receipt_footer: format!("Tak!\n{}", "é".repeat(49)),
                ..draft()
            }),
            vec![(
                Field::ReceiptFooter,
                "The receipt footer's line 2 has 49 characters; a receipt line has room for 48"
                    .into()
            )]
        );
        assert_eq!(
            messages(&ProfileDraft {
                address_lines: vec!["a".into(), "b".into(), "c\nd".into()],
                ..draft()
            }),
            vec![(
                Field::Address,
                "The address has at most 3 lines; this has 4".into()
            )]
        );
    }

    #[test]
    fn an_unknown_country_leaves_its_dependants_unchecked() {
        assert_eq!(
            messages(&ProfileDraft {
                country: "DE".into(),
                org_number: "garbage".into(),
                ..draft()
            }),
            vec![(
                Field::Country,
                "The country must be DK, SE, NO or FI (Kassa's markets), not \"DE\"".into()
            )]
        );
        assert_eq!(
            messages(&ProfileDraft {
                org_number: String::new(),
                ..draft()
            }),
            vec![(Field::OrgNumber, "Enter the organisation number".into())]
        );
    }

    #[test]
    fn the_settings_file_holds_the_draft_and_is_checked_when_read()
    -> Result<(), Box<dyn std::error::Error>> {
        let p = validate(&ProfileDraft {
            org_number: "NO974760673MVA".into(),
            postcode: "8900".into(),
            country: "NO".into(),
            ..draft()
        })
        .map_err(ProfileErrors)?;
        let json = serde_json::to_string(&p)?;
        assert!(json.contains(r#""orgNumber":"NO 974760673 MVA""#), "{json}");
        assert!(json.contains(r#""vatRegistered":true"#), "{json}");
        assert!(json.contains(r#""receiptFooter":"Tak for besøget!\nÅbent alle dage 7-18""#));
        assert_eq!(serde_json::from_str::<MerchantProfile>(&json)?, p);
        let bad = json.replace("974760673", "974760674");
        let e = serde_json::from_str::<MerchantProfile>(&bad).map(|_| ());
        assert!(
            e.as_ref()
                .is_err_and(|e| e.to_string().contains("The check digit should be 3, not 4")),
            "{e:?}"
        );
        // Field errors cross to the window as {field, message}.
        let fe = FieldError {
            field: Field::City,
            problem: Problem::Missing,
        };
        assert_eq!(
            serde_json::to_string(&fe)?,
            r#"{"field":"city","message":"Enter the city"}"#
        );
        Ok(())
    }
}
