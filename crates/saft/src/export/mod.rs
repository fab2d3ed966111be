//! One SAF-T Cash Register audit file as plain data, and its XML.
//!
//! The model follows `Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd` (a copy is in
//! `crates/saft/data/`): [`AuditFile`] = [`Header`] + [`Company`]; the company holds its VAT
//! codes, periods, employees, articles, basics (the file's own codes, each tied to a
//! predefined code of Skatteetaten's lists) and its [`Location`]s; a location holds its
//! [`CashRegister`]s, each with its [`Event`]s (the electronic journal; a Z or X report is
//! the [`Report`] of its event, as in Skatteetaten's example) and its
//! [`CashTransaction`]s (receipts: lines, VAT, payments, signature, key version).
//!
//! Money is integer minor units (`_minor`, negative for a return), written as decimal text
//! with two decimals. VAT rates are basis points (2500 = 25 %), written `25.00`. Dates are
//! `YYYY-MM-DD`, times `hh:mm:ss`, as the journal holds them. Whether a transaction or line
//! is a credit (`C`, a sale) or a debit (`D`, a return) follows from the sign of its amount,
//! so the two can never disagree.
//!
//! Nothing here reads a clock or a file: the creation time is a header field. Norway's
//! choices (which basics, how a training receipt is numbered) are in [`crate::no`].
//!
//! [`AuditFile::check`] names, in words, what would make the file fail the schema (a
//! missing employee, an event whose type is no basic, a name too long, a bad date) before
//! [`AuditFile::to_xml`] writes it; the writer itself never fails and never shortens text.

mod check;
mod xml;

pub use check::{ExportError, Problem};

/// `auditfileVersion` of schema 1.00, as in Skatteetaten's example.
pub const AUDITFILE_VERSION: &str = "1.0";
/// The schema's namespace.
pub const NAMESPACE: &str = "urn:StandardAuditFile-Taxation-CashRegister:NO";
/// The schema's file name (`xsi:schemaLocation`).
pub const SCHEMA_FILE: &str = "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd";

/// One audit file: what the tax office asks a cash register system to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditFile {
    pub header: Header,
    pub company: Company,
}

/// `header`: the file's period, currency and the software that made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// `fiscalYear`, e.g. `2026` (at most 9 characters: `2025-2026` for a span).
    pub fiscal_year: String,
    pub start_date: String,
    pub end_date: String,
    /// ISO 4217, e.g. `NOK`.
    pub cur_code: String,
    pub date_created: String,
    pub time_created: String,
    pub software_desc: String,
    pub software_version: String,
    pub software_company_name: String,
    /// [`AUDITFILE_VERSION`].
    pub auditfile_version: String,
    pub header_comment: Option<String>,
    /// Who made the export (an employee id, or the operating-system user).
    pub user_id: Option<String>,
}

/// An address as the schema has it; every part optional, except that a postal address needs
/// its city and postal code ([`AuditFile::check`] says so).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    pub streetname: Option<String>,
    pub number: Option<String>,
    pub additional: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. `NO`.
    pub country: Option<String>,
}

/// `company`: the business whose books these are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Company {
    /// `companyIdent`: the organisation number (`999999999`).
    pub ident: String,
    pub name: String,
    /// `taxRegistrationCountry`, e.g. `NO`.
    pub tax_registration_country: Option<String>,
    /// `taxRegIdent`: the VAT registration (`999999999MVA`).
    pub tax_reg_ident: Option<String>,
    pub street_address: Option<Address>,
    pub postal_address: Option<Address>,
    pub vat_codes: Vec<VatCodeDetail>,
    pub periods: Vec<Period>,
    pub employees: Vec<Employee>,
    pub articles: Vec<Article>,
    pub basics: Vec<Basic>,
    pub locations: Vec<Location>,
}

/// `vatCodeDetail`: a VAT code of the till and the standard code it reports as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatCodeDetail {
    /// The till's own code, used in the lines' `vat/vatCode`.
    pub vat_code: String,
    pub date_of_entry: String,
    pub vat_desc: Option<String>,
    /// A code of `Standard_Tax_Codes.csv` (3, 31, 33, 5, 6, …).
    pub standard_vat_code: String,
}

/// `period`: a period the transactions' `periodNumber` refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub number: u16,
    pub desc: Option<String>,
    pub start_date: String,
    pub start_time: String,
    pub end_date: String,
    pub end_time: String,
}

/// `employee`: someone whose id is on events and receipts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employee {
    pub id: String,
    pub date_of_entry: String,
    pub time_of_entry: String,
    pub first_name: Option<String>,
    /// `surName` is required; a till that knows one name puts it here.
    pub sur_name: String,
    pub roles: Vec<Role>,
}

/// `employeeRole`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// e.g. `Manager`, `Employee`.
    pub role_type: String,
    pub desc: Option<String>,
}

/// `article`: something a line can name by `artID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    pub date_of_entry: String,
    /// A basic of type `04` (article group).
    pub group_id: Option<String>,
    pub desc: String,
}

/// `basic`: one of the file's own codes, of a `basicType` (`04` article group, `05` line
/// type, `11` transaction, `12` payment, `13` event), tied to a code of Skatteetaten's list
/// of that type where it has one (`predefinedBasicID`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basic {
    pub basic_type: String,
    pub id: String,
    pub predefined: Option<String>,
    pub desc: String,
}

/// `location`: a shop with its tills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub name: Option<String>,
    pub street_address: Option<Address>,
    pub registers: Vec<CashRegister>,
}

/// `cashregister`: one till, with its electronic journal and its receipts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashRegister {
    /// `registerID`: the till's fixed, unique id.
    pub id: String,
    pub desc: Option<String>,
    pub events: Vec<Event>,
    pub transactions: Vec<CashTransaction>,
}

/// `event`: one entry of the electronic journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    /// A basic of type `13` (see [`crate::no::event_basic_id`]).
    pub event_type: String,
    /// The transaction the event belongs to (a receipt printed, a copy of it).
    pub trans_id: Option<String>,
    pub emp_id: Option<String>,
    pub date: String,
    pub time: String,
    pub text: Option<String>,
    /// The report an X or Z report event made.
    pub report: Option<Report>,
}

/// `reportType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    X,
    Z,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::X => "X report",
            ReportKind::Z => "Z report",
        }
    }
}

/// A count and an amount under a name (corrections, price inquiries, other corrections).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub kind: String,
    pub num: u64,
    pub amount_minor: i64,
}

/// Sales of one article group (`reportArtGroup`), optionally of one employee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTotal {
    /// Set for `reportEmpArtGroup`, None for `reportArtGroup`.
    pub emp_id: Option<String>,
    pub group_id: String,
    /// How many items (`artGroupNum`).
    pub num: i64,
    pub amount_minor: i64,
}

/// Takings of one payment type (`reportPayment`), optionally of one employee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentTotal {
    /// Set for `reportEmpPayment`, None for `reportPayment`.
    pub emp_id: Option<String>,
    /// A basic of type `12`.
    pub payment_type: String,
    pub num: u64,
    pub amount_minor: i64,
}

/// Sales at one VAT rate (`reportCashSaleVat`): the amount without VAT and the VAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatTotal {
    pub vat_code: Option<String>,
    pub rate_bp: u32,
    /// `cashSaleAmnt`: the sales ex VAT at this rate.
    pub base_minor: i64,
    pub vat_minor: i64,
}

/// `eventReport`: an X or Z report. `companyIdent`, `companyName` and `registerID` are
/// written from the company and the till the event is in, so they cannot disagree.
///
/// The schema wants at least one entry in each of the article groups, payments, VAT,
/// corrections, price inquiries and other corrections; an empty list is written as one
/// entry `None` with count 0 and amount 0.00, as Skatteetaten's example does for what its
/// till did not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// `reportID`: unique in the file (the Z number).
    pub id: String,
    pub kind: ReportKind,
    pub date: String,
    pub time: String,
    pub total_cash_sale_minor: i64,
    pub art_groups: Vec<GroupTotal>,
    pub emp_art_groups: Vec<GroupTotal>,
    pub payments: Vec<PaymentTotal>,
    pub emp_payments: Vec<PaymentTotal>,
    pub cash_sales_vat: Vec<VatTotal>,
    pub opening_change_float_minor: i64,
    pub receipt_num: u64,
    pub open_cash_box_num: u64,
    pub receipt_copy_num: u64,
    pub receipt_copy_minor: i64,
    pub receipt_proforma_num: u64,
    pub receipt_proforma_minor: i64,
    pub return_num: u64,
    /// The returns' amount, as a positive amount (as in Skatteetaten's example).
    pub return_minor: i64,
    pub discount_num: u64,
    pub discount_minor: i64,
    pub void_trans_num: u64,
    pub void_trans_minor: i64,
    pub corr_lines: Vec<Tally>,
    pub price_inquiries: Vec<Tally>,
    pub other_corrs: Vec<Tally>,
    pub receipt_delivery_num: u64,
    pub receipt_delivery_minor: i64,
    pub training_num: u64,
    pub training_minor: i64,
    pub grand_total_sales_minor: i64,
    pub grand_total_return_minor: i64,
    pub grand_total_sales_net_minor: i64,
}

impl Report {
    /// A report `id` of `kind` made at `date` `time` with every figure zero and every list
    /// empty: the caller fills in what its till did.
    pub fn new(id: String, kind: ReportKind, date: String, time: String) -> Report {
        Report {
            id,
            kind,
            date,
            time,
            total_cash_sale_minor: 0,
            art_groups: vec![],
            emp_art_groups: vec![],
            payments: vec![],
            emp_payments: vec![],
            cash_sales_vat: vec![],
            opening_change_float_minor: 0,
            receipt_num: 0,
            open_cash_box_num: 0,
            receipt_copy_num: 0,
            receipt_copy_minor: 0,
            receipt_proforma_num: 0,
            receipt_proforma_minor: 0,
            return_num: 0,
            return_minor: 0,
            discount_num: 0,
            discount_minor: 0,
            void_trans_num: 0,
            void_trans_minor: 0,
            corr_lines: vec![],
            price_inquiries: vec![],
            other_corrs: vec![],
            receipt_delivery_num: 0,
            receipt_delivery_minor: 0,
            training_num: 0,
            training_minor: 0,
            grand_total_sales_minor: 0,
            grand_total_return_minor: 0,
            grand_total_sales_net_minor: 0,
        }
    }
}

/// `cashtransaction`: one receipt (a sale, or a return with negative amounts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashTransaction {
    /// `nr`: the receipt number as signed (see [`crate::no::nr_text`]).
    pub nr: String,
    pub trans_id: String,
    /// A basic of type `11`.
    pub trans_type: Option<String>,
    pub amount_in_minor: i64,
    pub amount_ex_minor: i64,
    pub emp_id: Option<String>,
    pub period_number: Option<u16>,
    pub date: String,
    pub time: String,
    /// `desc`: e.g. the reason of a return and the receipt it returns.
    pub desc: Option<String>,
    pub lines: Vec<CtLine>,
    /// The receipt's VAT, one per rate.
    pub vat: Vec<Vat>,
    /// `rounding/roundingAmnt` (cash rounding), when the till rounds.
    pub rounding_minor: Option<i64>,
    pub payments: Vec<Payment>,
    /// Base64 SHA1withRSA over [`crate::no::signed_text`].
    pub signature: String,
    pub key_version: u32,
    /// Receipts printed (`receiptNum`).
    pub receipt_num: Option<u16>,
    /// Copies printed (`receiptCopyNum`).
    pub receipt_copy_num: Option<u16>,
    pub receipt_proforma_num: Option<u16>,
    pub receipt_delivery_num: Option<u16>,
    pub void: bool,
    pub training: bool,
}

/// `ctLine`: one line of a receipt. Its `nr` is the transaction's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CtLine {
    pub line_id: String,
    /// A basic of type `05` (`SAL`, `RET`).
    pub line_type: String,
    pub art_group_id: Option<String>,
    pub art_id: Option<String>,
    /// Quantity (negative on a return line).
    pub qnt: Option<i64>,
    pub amount_in_minor: i64,
    pub amount_ex_minor: i64,
    /// Price per unit incl. VAT, in minor units.
    pub ppu_minor: Option<i64>,
    pub emp_id: Option<String>,
    /// `cashTransLineDescr`: the line's text as on the receipt.
    pub desc: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
    pub vat: Option<Vat>,
}

/// `vat`: VAT at one rate, of a line or of a whole receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vat {
    /// A `vatCodeDetail`'s `vatCode`.
    pub code: String,
    pub rate_bp: u32,
    pub amount_minor: i64,
    /// `vatBasAmnt`: the amount the VAT is of.
    pub base_minor: i64,
}

/// `payment`: one tender of a receipt (negative: money back on a return).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// A basic of type `12`.
    pub payment_type: String,
    pub amount_minor: i64,
    pub emp_id: Option<String>,
    /// Written with `exchRt` 1.000000: a Kassa till takes the shop's currency only.
    pub cur_code: Option<String>,
    /// `paymentRefID`: the bank's or terminal's reference.
    pub ref_id: Option<String>,
}

/// `C` (credit: a sale) or `D` (debit: a return), from the sign of the amount.
pub fn amount_type(minor: i64) -> &'static str {
    if minor < 0 { "D" } else { "C" }
}

impl AuditFile {
    /// The file's XML text (UTF-8, elements in the schema's order, text escaped).
    pub fn to_xml(&self) -> String {
        xml::write(self)
    }

    /// What would make the file fail the schema, in words; every problem, not just the
    /// first.
    pub fn check(&self) -> Result<(), ExportError> {
        check::check(self)
    }

    /// The name Skatteetaten's documentation gives an export:
    /// `SAF-T Cash Register_<organisation number>_<yyyymmddhhmmss created>_<file>_<of>.xml`,
    /// here always one file (`_1_1`). Only letters and digits of the organisation number are
    /// kept, so the name is always a plain file name.
    pub fn file_name(&self) -> String {
        let ident: String = self
            .company
            .ident
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let stamp: String = self
            .header
            .date_created
            .chars()
            .chain(self.header.time_created.chars())
            .filter(char::is_ascii_digit)
            .collect();
        format!("SAF-T Cash Register_{ident}_{stamp}_1_1.xml")
    }
}

#[cfg(test)]
mod tests;
