//! The XML writer: elements in the schema's sequence order, one per line, tab-indented as
//! in Skatteetaten's example. Written by hand: the format is a fixed tree of simple
//! elements, and the only subtle part, escaping, is a few lines (tested).

use super::{
    Address, AuditFile, CashRegister, CashTransaction, Company, CtLine, Event, GroupTotal, Header,
    NAMESPACE, PaymentTotal, Report, SCHEMA_FILE, Tally, Vat, amount_type,
};
use crate::signature::amount;

/// Text as XML character data or attribute value: `& < > " '` escaped; characters XML 1.0
/// cannot hold at all (most C0 controls, U+FFFE/U+FFFF) become U+FFFD, so the file stays
/// well-formed ([`AuditFile::check`](super::AuditFile::check) reports them before).
pub(crate) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A carriage return would be normalised away by a reader; keep it as a reference.
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Whether XML 1.0 can hold `c` (its production `Char`).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || u32::from(c) >= 0x10000
}

/// A VAT rate in basis points as the schema's `Decimal8`: 2500 → `25.00`, 2550 → `25.50`.
pub(crate) fn percent(bp: u32) -> String {
    format!("{}.{:02}", bp / 100, bp % 100)
}

struct W {
    out: String,
    depth: usize,
}

impl W {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push('\t');
        }
    }

    fn open(&mut self, name: &str) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn leaf(&mut self, name: &str, text: &str) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        escape(text, &mut self.out);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    fn opt(&mut self, name: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.leaf(name, text);
        }
    }

    fn money(&mut self, name: &str, minor: i64) {
        self.leaf(name, &amount(minor));
    }

    fn num(&mut self, name: &str, n: impl ToString) {
        self.leaf(name, &n.to_string());
    }
}

pub(super) fn write(file: &AuditFile) -> String {
    let mut w = W {
        out: String::with_capacity(4096),
        depth: 0,
    };
    w.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.out.push_str("<auditfile xmlns=\"");
    w.out.push_str(NAMESPACE);
    w.out.push_str(
        "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"",
    );
    w.out.push_str(NAMESPACE);
    w.out.push(' ');
    w.out.push_str(SCHEMA_FILE);
    w.out.push_str("\">\n");
    w.depth = 1;
    header(&mut w, &file.header);
    company(&mut w, &file.company);
    w.depth = 0;
    w.out.push_str("</auditfile>\n");
    w.out
}

fn header(w: &mut W, h: &Header) {
    w.open("header");
    w.leaf("fiscalYear", &h.fiscal_year);
    w.leaf("startDate", &h.start_date);
    w.leaf("endDate", &h.end_date);
    w.leaf("curCode", &h.cur_code);
    w.leaf("dateCreated", &h.date_created);
    w.leaf("timeCreated", &h.time_created);
    w.leaf("softwareDesc", &h.software_desc);
    w.leaf("softwareVersion", &h.software_version);
    w.leaf("softwareCompanyName", &h.software_company_name);
    w.leaf("auditfileVersion", &h.auditfile_version);
    w.opt("headerComment", h.header_comment.as_deref());
    w.opt("userID", h.user_id.as_deref());
    w.close("header");
}

fn address(w: &mut W, name: &str, a: &Address) {
    w.open(name);
    w.opt("streetname", a.streetname.as_deref());
    w.opt("number", a.number.as_deref());
    w.opt("additionalAddressDetails", a.additional.as_deref());
    w.opt("city", a.city.as_deref());
    w.opt("postalCode", a.postal_code.as_deref());
    w.opt("region", a.region.as_deref());
    w.opt("country", a.country.as_deref());
    w.close(name);
}

fn company(w: &mut W, c: &Company) {
    w.open("company");
    w.leaf("companyIdent", &c.ident);
    w.leaf("companyName", &c.name);
    w.opt(
        "taxRegistrationCountry",
        c.tax_registration_country.as_deref(),
    );
    w.opt("taxRegIdent", c.tax_reg_ident.as_deref());
    if let Some(a) = &c.street_address {
        address(w, "streetAddress", a);
    }
    if let Some(a) = &c.postal_address {
        address(w, "postalAddress", a);
    }
    if !c.vat_codes.is_empty() {
        w.open("vatCodeDetails");
        for v in &c.vat_codes {
            w.open("vatCodeDetail");
            w.leaf("vatCode", &v.vat_code);
            w.leaf("dateOfEntry", &v.date_of_entry);
            w.opt("vatDesc", v.vat_desc.as_deref());
            w.leaf("standardVatCode", &v.standard_vat_code);
            w.close("vatCodeDetail");
        }
        w.close("vatCodeDetails");
    }
    if !c.periods.is_empty() {
        w.open("periods");
        for p in &c.periods {
            w.open("period");
            w.num("periodNumber", p.number);
            w.opt("periodDesc", p.desc.as_deref());
            w.leaf("startDatePeriod", &p.start_date);
            w.leaf("startTimePeriod", &p.start_time);
            w.leaf("endDatePeriod", &p.end_date);
            w.leaf("endTimePeriod", &p.end_time);
            w.close("period");
        }
        w.close("periods");
    }
    if !c.employees.is_empty() {
        w.open("employees");
        for e in &c.employees {
            w.open("employee");
            w.leaf("empID", &e.id);
            w.leaf("dateOfEntry", &e.date_of_entry);
            w.leaf("timeOfEntry", &e.time_of_entry);
            w.opt("firstName", e.first_name.as_deref());
            w.leaf("surName", &e.sur_name);
            for r in &e.roles {
                w.open("employeeRole");
                w.leaf("roleType", &r.role_type);
                w.opt("roleTypeDesc", r.desc.as_deref());
                w.close("employeeRole");
            }
            w.close("employee");
        }
        w.close("employees");
    }
    if !c.articles.is_empty() {
        w.open("articles");
        for a in &c.articles {
            w.open("article");
            w.leaf("artID", &a.id);
            w.leaf("dateOfEntry", &a.date_of_entry);
            w.opt("artGroupID", a.group_id.as_deref());
            w.leaf("artDesc", &a.desc);
            w.close("article");
        }
        w.close("articles");
    }
    if !c.basics.is_empty() {
        w.open("basics");
        for b in &c.basics {
            w.open("basic");
            w.leaf("basicType", &b.basic_type);
            w.leaf("basicID", &b.id);
            w.opt("predefinedBasicID", b.predefined.as_deref());
            w.leaf("basicDesc", &b.desc);
            w.close("basic");
        }
        w.close("basics");
    }
    for l in &c.locations {
        w.open("location");
        w.opt("name", l.name.as_deref());
        if let Some(a) = &l.street_address {
            address(w, "streetAddress", a);
        }
        for r in &l.registers {
            register(w, c, r);
        }
        w.close("location");
    }
    w.close("company");
}

fn register(w: &mut W, c: &Company, r: &CashRegister) {
    w.open("cashregister");
    w.leaf("registerID", &r.id);
    w.opt("regDesc", r.desc.as_deref());
    for e in &r.events {
        event(w, c, r, e);
    }
    for t in &r.transactions {
        transaction(w, t);
    }
    w.close("cashregister");
}

fn event(w: &mut W, c: &Company, r: &CashRegister, e: &Event) {
    w.open("event");
    w.leaf("eventID", &e.id);
    w.leaf("eventType", &e.event_type);
    w.opt("transID", e.trans_id.as_deref());
    w.opt("empID", e.emp_id.as_deref());
    w.leaf("eventDate", &e.date);
    w.leaf("eventTime", &e.time);
    w.opt("eventText", e.text.as_deref());
    if let Some(report) = &e.report {
        event_report(w, c, r, report);
    }
    w.close("event");
}

/// A list the schema wants at least one entry of: an empty one is written as `None`, 0,
/// 0.00.
fn tallies(w: &mut W, outer: &str, inner: &str, names: [&str; 3], list: &[Tally]) {
    w.open(outer);
    let none = [Tally {
        kind: "None".to_owned(),
        num: 0,
        amount_minor: 0,
    }];
    let list = if list.is_empty() { &none[..] } else { list };
    for t in list {
        w.open(inner);
        w.leaf(names[0], &t.kind);
        w.num(names[1], t.num);
        w.money(names[2], t.amount_minor);
        w.close(inner);
    }
    w.close(outer);
}

fn group_totals(w: &mut W, outer: &str, inner: &str, list: &[GroupTotal], with_emp: bool) {
    w.open(outer);
    let none = [GroupTotal {
        emp_id: None,
        group_id: "None".to_owned(),
        num: 0,
        amount_minor: 0,
    }];
    let list = if list.is_empty() { &none[..] } else { list };
    for g in list {
        w.open(inner);
        if with_emp {
            w.leaf("empID", g.emp_id.as_deref().unwrap_or_default());
        }
        w.leaf("artGroupID", &g.group_id);
        w.num("artGroupNum", g.num);
        w.money("artGroupAmnt", g.amount_minor);
        w.close(inner);
    }
    w.close(outer);
}

fn payment_totals(w: &mut W, outer: &str, inner: &str, list: &[PaymentTotal], with_emp: bool) {
    w.open(outer);
    let none = [PaymentTotal {
        emp_id: None,
        payment_type: "None".to_owned(),
        num: 0,
        amount_minor: 0,
    }];
    let list = if list.is_empty() { &none[..] } else { list };
    for p in list {
        w.open(inner);
        if with_emp {
            w.leaf("empID", p.emp_id.as_deref().unwrap_or_default());
        }
        w.leaf("paymentType", &p.payment_type);
        w.num("paymentNum", p.num);
        w.money("paymentAmnt", p.amount_minor);
        w.close(inner);
    }
    w.close(outer);
}

fn event_report(w: &mut W, c: &Company, r: &CashRegister, z: &Report) {
    w.open("eventReport");
    w.leaf("reportID", &z.id);
    w.leaf("reportType", z.kind.as_str());
    w.leaf("companyIdent", &c.ident);
    w.leaf("companyName", &c.name);
    w.leaf("reportDate", &z.date);
    w.leaf("reportTime", &z.time);
    w.leaf("registerID", &r.id);
    w.open("reportTotalCashSales");
    w.money("totalCashSaleAmnt", z.total_cash_sale_minor);
    w.close("reportTotalCashSales");
    group_totals(w, "reportArtGroups", "reportArtGroup", &z.art_groups, false);
    if !z.emp_art_groups.is_empty() {
        group_totals(
            w,
            "reportEmpArtGroups",
            "reportEmpArtGroup",
            &z.emp_art_groups,
            true,
        );
    }
    payment_totals(w, "reportPayments", "reportPayment", &z.payments, false);
    if !z.emp_payments.is_empty() {
        payment_totals(
            w,
            "reportEmpPayments",
            "reportEmpPayment",
            &z.emp_payments,
            true,
        );
    }
    w.open("reportCashSalesVat");
    if z.cash_sales_vat.is_empty() {
        w.open("reportCashSaleVat");
        w.leaf("vatPerc", &percent(0));
        w.money("cashSaleAmnt", 0);
        w.money("vatAmnt", 0);
        w.close("reportCashSaleVat");
    }
    for v in &z.cash_sales_vat {
        w.open("reportCashSaleVat");
        w.opt("vatCode", v.vat_code.as_deref());
        w.leaf("vatPerc", &percent(v.rate_bp));
        w.money("cashSaleAmnt", v.base_minor);
        w.money("vatAmnt", v.vat_minor);
        w.leaf("vatAmntTp", amount_type(v.vat_minor.min(v.base_minor)));
        w.close("reportCashSaleVat");
    }
    w.close("reportCashSalesVat");
    w.money("reportOpeningChangeFloat", z.opening_change_float_minor);
    w.num("reportReceiptNum", z.receipt_num);
    w.num("reportOpenCashBoxNum", z.open_cash_box_num);
    w.num("reportReceiptCopyNum", z.receipt_copy_num);
    w.money("reportReceiptCopyAmnt", z.receipt_copy_minor);
    w.num("reportReceiptProformaNum", z.receipt_proforma_num);
    w.money("reportReceiptProformaAmnt", z.receipt_proforma_minor);
    w.num("reportReturnNum", z.return_num);
    w.money("reportReturnAmnt", z.return_minor);
    w.num("reportDiscountNum", z.discount_num);
    w.money("reportDiscountAmnt", z.discount_minor);
    w.num("reportVoidTransNum", z.void_trans_num);
    w.money("reportVoidTransAmnt", z.void_trans_minor);
    tallies(
        w,
        "reportCorrLines",
        "reportCorrLine",
        ["corrLineType", "corrLineNum", "corrLineAmnt"],
        &z.corr_lines,
    );
    tallies(
        w,
        "reportPriceInquiries",
        "reportPriceInquiry",
        ["priceInquiryGroup", "priceInquiryNum", "priceInquiryAmnt"],
        &z.price_inquiries,
    );
    tallies(
        w,
        "reportOtherCorrs",
        "reportOtherCorr",
        ["otherCorrType", "otherCorrNum", "otherCorrAmnt"],
        &z.other_corrs,
    );
    w.num("reportReceiptDeliveryNum", z.receipt_delivery_num);
    w.money("reportReceiptDeliveryAmnt", z.receipt_delivery_minor);
    w.num("reportTrainingNum", z.training_num);
    w.money("reportTrainingAmnt", z.training_minor);
    w.money("reportGrandTotalSales", z.grand_total_sales_minor);
    w.money("reportGrandTotalReturn", z.grand_total_return_minor);
    w.money("reportGrandTotalSalesNet", z.grand_total_sales_net_minor);
    w.close("eventReport");
}

fn vat(w: &mut W, v: &Vat) {
    w.open("vat");
    w.leaf("vatCode", &v.code);
    w.leaf("vatPerc", &percent(v.rate_bp));
    w.money("vatAmnt", v.amount_minor);
    w.leaf("vatAmntTp", amount_type(v.amount_minor.min(v.base_minor)));
    w.money("vatBasAmnt", v.base_minor);
    w.close("vat");
}

fn line(w: &mut W, nr: &str, l: &CtLine) {
    w.open("ctLine");
    w.leaf("nr", nr);
    w.leaf("lineID", &l.line_id);
    w.leaf("lineType", &l.line_type);
    w.opt("artGroupID", l.art_group_id.as_deref());
    w.opt("artID", l.art_id.as_deref());
    if let Some(q) = l.qnt {
        w.num("qnt", q);
    }
    w.money("lineAmntIn", l.amount_in_minor);
    w.money("lineAmntEx", l.amount_ex_minor);
    w.leaf("amntTp", amount_type(l.amount_in_minor));
    if let Some(ppu) = l.ppu_minor {
        w.money("ppu", ppu);
    }
    w.opt("empID", l.emp_id.as_deref());
    w.opt("cashTransLineDescr", l.desc.as_deref());
    w.opt("lineDate", l.date.as_deref());
    w.opt("lineTime", l.time.as_deref());
    if let Some(v) = &l.vat {
        vat(w, v);
    }
    w.close("ctLine");
}

fn transaction(w: &mut W, t: &CashTransaction) {
    w.open("cashtransaction");
    w.leaf("nr", &t.nr);
    w.leaf("transID", &t.trans_id);
    w.opt("transType", t.trans_type.as_deref());
    w.money("transAmntIn", t.amount_in_minor);
    w.money("transAmntEx", t.amount_ex_minor);
    w.leaf("amntTp", amount_type(t.amount_in_minor));
    w.opt("empID", t.emp_id.as_deref());
    if let Some(p) = t.period_number {
        w.num("periodNumber", p);
    }
    w.leaf("transDate", &t.date);
    w.leaf("transTime", &t.time);
    w.opt("desc", t.desc.as_deref());
    for l in &t.lines {
        line(w, &t.nr, l);
    }
    for v in &t.vat {
        vat(w, v);
    }
    if let Some(r) = t.rounding_minor {
        w.open("rounding");
        w.money("roundingAmnt", r);
        w.close("rounding");
    }
    for p in &t.payments {
        w.open("payment");
        w.leaf("paymentType", &p.payment_type);
        w.money("paidAmnt", p.amount_minor);
        w.opt("empID", p.emp_id.as_deref());
        if let Some(cur) = &p.cur_code {
            w.leaf("curCode", cur);
            w.leaf("exchRt", "1.000000");
        }
        w.opt("paymentRefID", p.ref_id.as_deref());
        w.close("payment");
    }
    w.leaf("signature", &t.signature);
    w.num("keyVersion", t.key_version);
    for (name, n) in [
        ("receiptNum", t.receipt_num),
        ("receiptCopyNum", t.receipt_copy_num),
        ("receiptProformaNum", t.receipt_proforma_num),
        ("receiptDeliveryNum", t.receipt_delivery_num),
    ] {
        if let Some(n) = n {
            w.num(name, n);
        }
    }
    w.leaf("voidTransaction", if t.void { "true" } else { "false" });
    w.leaf("trainingID", if t.training { "true" } else { "false" });
    w.close("cashtransaction");
}
