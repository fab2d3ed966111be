//! Norway: what a Kassa receipt's signature covers and which of Skatteetaten's codes its
//! SAF-T Cash Register export uses. Denmark's variant (the same format with its own
//! code lists) and Sweden's control unit would each be a module beside this one.
//!
//! # What is signed
//!
//! [`signed_text`]: `previous;transDate;transTime;nr;transAmntIn;transAmntEx`
//! ([`crate::signature::SignedText`]), with `nr` from [`nr_text`], the date and time the
//! receipt was issued (as exported in `transDate`/`transTime`), and the amounts with and
//! without VAT (negative for a return). The chain runs per till and per series (live and
//! training), in number order; the first receipt of a series signs over `0`.
//!
//! # Receipt numbers: live and training
//!
//! A till numbers its live receipts 1, 2, 3, … and its training receipts 1, 2, 3, … in a
//! series of their own (training must never take a number from the real sequence, or the
//! live numbers would have gaps the tax office asks about). Both series are in the same
//! `cashregister` of the export, so their `nr`s must differ: a training receipt's `nr` is
//! [`TRAINING_PREFIX`] + its number (`TRENING-4`), a live one the plain number (`4`), as in
//! Skatteetaten's example. The prefix is part of the signed text, so a training receipt can
//! never be passed off as a live one by clearing its `trainingID` (its signature would no
//! longer match a live `nr`), and whoever reads the file, or the paper, sees from the
//! number alone which series it is. "TRENING" is the word the paper receipt prints; the
//! longest number (`TRENING-` + 19 digits) is well within the 35 characters `nr` allows.
//!
//! # The codes (basics)
//!
//! The export names every code it uses in `basics`, each with Skatteetaten's predefined
//! code of its list (copies in `crates/saft/data/`, checked by the tests):
//!
//! * transactions (`11`): every sale is `CASHSAL` → 11001 *Cash sale*: a sale paid at the
//!   counter, whatever the tender (Skatteetaten's example files a debit-card sale under it;
//!   *Credit sale* is a sale on account, which Kassa does not do); a return is `RETURNSAL`
//!   → 11006 *Return payment*.
//! * payments (`12`): `CASH` → 12001 *Cash*; `CARD` → 12002 *Debit card* (Kassa records a
//!   card on an external terminal without knowing which kind; in Norway that is almost
//!   always the BankAxept debit card); `BANK` → 12004 *Bank account*: pay by bank moves
//!   the money straight from the customer's bank account (an account-to-account payment
//!   the customer approves in their bank), not through a card or a wallet app (12011).
//! * line types (`05`, no predefined list): `SAL` sale line, `RET` return line.
//! * events (`13`): one basic per [`JournalEvent`], see [`event_basic_id`].
//! * article groups (`04`): the shop's own, each tied to a product group of the list
//!   ([`PRODUCT_GROUPS`], [`article_group`]).
//!
//! Training is not a transaction code: a training receipt is a `CASHSAL` or `RETURNSAL`
//! with `trainingID` true, journaled as event 13017, and left out of a Z report's totals
//! (counted in its `reportTrainingNum`/`reportTrainingAmnt`).

use crate::events::JournalEvent;
use crate::export::Basic;
use crate::signature::{SignatureError, SignedText};

/// What a training receipt's `nr` starts with (see the module documentation).
pub const TRAINING_PREFIX: &str = "TRENING-";

/// `basicType` of article groups.
pub const ARTICLE_GROUP: &str = "04";
/// `basicType` of line types.
pub const LINE_TYPE: &str = "05";
/// `basicType` of transaction types.
pub const TRANSACTION_TYPE: &str = "11";
/// `basicType` of payment types.
pub const PAYMENT_TYPE: &str = "12";
/// `basicType` of events.
pub const EVENT_TYPE: &str = "13";

/// The receipt number as signed and exported: `4` for live receipt 4, `TRENING-4` for
/// training receipt 4.
pub fn nr_text(number: i64, training: bool) -> String {
    if training {
        format!("{TRAINING_PREFIX}{number}")
    } else {
        number.to_string()
    }
}

/// The number and series of an `nr` written by [`nr_text`]; None for anything else.
pub fn parse_nr(nr: &str) -> Option<(i64, bool)> {
    let (digits, training) = match nr.strip_prefix(TRAINING_PREFIX) {
        Some(rest) => (rest, true),
        None => (nr, false),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    (n.to_string() == digits).then_some((n, training))
}

/// The text a Norwegian receipt's signature is made over (see the module documentation):
/// `previous` the signature of the receipt before in its series (None for the first),
/// `date` `YYYY-MM-DD` and `time` `hh:mm:ss` as exported, the receipt's number and series,
/// its amounts with and without VAT in minor units (negative for a return).
pub fn signed_text(
    previous: Option<&str>,
    date: &str,
    time: &str,
    number: i64,
    training: bool,
    gross_minor: i64,
    net_minor: i64,
) -> Result<SignedText, SignatureError> {
    SignedText::new(
        previous,
        date,
        time,
        &nr_text(number, training),
        gross_minor,
        net_minor,
    )
}

/// A transaction type of the export (`basicType` 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransactionType {
    Sale,
    Return,
}

impl TransactionType {
    pub const ALL: [TransactionType; 2] = [TransactionType::Sale, TransactionType::Return];

    pub fn basic_id(self) -> &'static str {
        match self {
            TransactionType::Sale => "CASHSAL",
            TransactionType::Return => "RETURNSAL",
        }
    }

    /// The code of `PredefinedBasicID-11`.
    pub fn predefined(self) -> &'static str {
        match self {
            TransactionType::Sale => "11001",
            TransactionType::Return => "11006",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            TransactionType::Sale => "Cash sale",
            TransactionType::Return => "Return payment",
        }
    }
}

/// A payment type of the export (`basicType` 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentType {
    Cash,
    Card,
    PayByBank,
}

impl PaymentType {
    pub const ALL: [PaymentType; 3] =
        [PaymentType::Cash, PaymentType::Card, PaymentType::PayByBank];

    pub fn basic_id(self) -> &'static str {
        match self {
            PaymentType::Cash => "CASH",
            PaymentType::Card => "CARD",
            PaymentType::PayByBank => "BANK",
        }
    }

    /// The code of `PredefinedBasicID-12`.
    pub fn predefined(self) -> &'static str {
        match self {
            PaymentType::Cash => "12001",
            PaymentType::Card => "12002",
            PaymentType::PayByBank => "12004",
        }
    }

    /// The code list's English description.
    pub fn code_description(self) -> &'static str {
        match self {
            PaymentType::Cash => "Cash",
            PaymentType::Card => "Debit card",
            PaymentType::PayByBank => "Bank account",
        }
    }

    /// The basic's own description.
    pub fn description(self) -> &'static str {
        match self {
            PaymentType::Cash => "Cash",
            PaymentType::Card => "Card on an external terminal",
            PaymentType::PayByBank => "Pay by bank (account-to-account payment)",
        }
    }
}

/// A line type of the export (`basicType` 05; the format has no predefined list for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineType {
    Sale,
    Return,
}

impl LineType {
    pub const ALL: [LineType; 2] = [LineType::Sale, LineType::Return];

    pub fn basic_id(self) -> &'static str {
        match self {
            LineType::Sale => "SAL",
            LineType::Return => "RET",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            LineType::Sale => "Sale line",
            LineType::Return => "Return line",
        }
    }
}

/// The export's `eventType` (a basic of type 13) for a journal event.
pub fn event_basic_id(event: JournalEvent) -> &'static str {
    match event {
        JournalEvent::AppStart => "POSSTART",
        JournalEvent::AppShutDown => "POSEND",
        JournalEvent::LogIn => "EMPIN",
        JournalEvent::LogOut => "EMPOUT",
        JournalEvent::CashDrawerOpened => "DRAWOPEN",
        JournalEvent::CashDrawerClosed => "DRAWCLOSE",
        JournalEvent::XReport => "XREP",
        JournalEvent::ZReport => "ZREP",
        JournalEvent::SalesReceiptPrinted => "SALREC",
        JournalEvent::ReturnReceipt => "RETREC",
        JournalEvent::CopyReceipt => "COPYREC",
        JournalEvent::TrainingReceipt => "TRAINREC",
        JournalEvent::OtherReport => "OTHERREP",
        JournalEvent::JournalExported => "EXPORT",
        JournalEvent::PriceChange => "PRICECHANGE",
        JournalEvent::TrainingModeOn => "TRAINON",
        JournalEvent::TrainingModeOff => "TRAINOFF",
        JournalEvent::VoidReceipt => "VOIDREC",
        JournalEvent::SaleWithoutReceiptPrinted => "NORECEIPT",
    }
}

/// `PredefinedBasicID-04`: the product groups an article group is tied to, with the list's
/// English description.
pub const PRODUCT_GROUPS: [(&str, &str); 22] = [
    ("04001", "Withdrawal of treatment services"),
    ("04002", "Withdrawal of goods used for treatment services"),
    ("04003", "Sale of goods"),
    ("04004", "Sale of treatment services"),
    ("04005", "Sale of haircut"),
    ("04006", "Food"),
    ("04007", "Beer"),
    ("04008", "Wine"),
    ("04009", "Liquor"),
    ("04010", "Alcopops/Cider"),
    ("04011", "Soft drinks/Mineral water"),
    ("04012", "Other drinks (tea, coffe etc)"),
    ("04013", "Tobacco"),
    ("04014", "Other goods"),
    ("04015", "Entrance fee (cover charge)"),
    ("04016", "Free entrance (members etc)"),
    ("04017", "Cloakroom fee"),
    ("04018", "Free cloakroom"),
    ("04019", "Accomodation - full board"),
    ("04020", "Accomodation - half board"),
    ("04021", "Accomodation - with breakfast"),
    ("04999", "Other"),
];

/// A code that is not in the tax office's list it should be from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error(
        "{0:?} is not one of the tax office's product groups (04001 to 04021, or 04999 for other)"
    )]
    NotAProductGroup(String),
}

/// The basic of one of the shop's article groups, tied to product group `product_group`
/// of [`PRODUCT_GROUPS`].
pub fn article_group(id: &str, product_group: &str, desc: &str) -> Result<Basic, CodeError> {
    if !PRODUCT_GROUPS.iter().any(|(c, _)| *c == product_group) {
        return Err(CodeError::NotAProductGroup(product_group.to_owned()));
    }
    Ok(Basic {
        basic_type: ARTICLE_GROUP.to_owned(),
        id: id.to_owned(),
        predefined: Some(product_group.to_owned()),
        desc: desc.to_owned(),
    })
}

/// Every basic a Kassa export uses besides the article groups: line types, transaction
/// types, payment types and one per journal event.
pub fn basics() -> Vec<Basic> {
    let basic = |basic_type: &str, id: &str, predefined: Option<&str>, desc: &str| Basic {
        basic_type: basic_type.to_owned(),
        id: id.to_owned(),
        predefined: predefined.map(str::to_owned),
        desc: desc.to_owned(),
    };
    let mut out = Vec::new();
    for l in LineType::ALL {
        out.push(basic(LINE_TYPE, l.basic_id(), None, l.description()));
    }
    for t in TransactionType::ALL {
        out.push(basic(
            TRANSACTION_TYPE,
            t.basic_id(),
            Some(t.predefined()),
            t.description(),
        ));
    }
    for p in PaymentType::ALL {
        out.push(basic(
            PAYMENT_TYPE,
            p.basic_id(),
            Some(p.predefined()),
            p.description(),
        ));
    }
    for e in JournalEvent::ALL {
        let code = e.code().to_string();
        out.push(basic(
            EVENT_TYPE,
            event_basic_id(e),
            Some(&code),
            e.description(),
        ));
    }
    out
}

/// The codes of `Standard_Tax_Codes.csv` (`standardVatCode`).
pub const STANDARD_VAT_CODES: [&str; 30] = [
    "0", "1", "11", "12", "13", "14", "15", "20", "21", "22", "3", "31", "32", "33", "5", "51",
    "52", "6", "7", "81", "82", "83", "84", "85", "86", "87", "88", "89", "91", "92",
];

/// Whether `code` is one of the tax office's standard VAT codes.
pub fn is_standard_vat_code(code: &str) -> bool {
    STANDARD_VAT_CODES.contains(&code)
}

#[cfg(test)]
mod tests;
