//! The hosted bank page behind an authorization link: a plain, self-contained HTML page (no
//! scripts, no external assets) that looks like a small mobile bank app.

use kassa_i18n::Messages;
use kassa_money::Money;

use crate::payment::{PaymentStatus, PaymentView};

const BANK: &str = "Sandbox Bank";

/// The page for `payment` in its current status: the approve / reject choice while the bank
/// session is open, otherwise the outcome.
pub(crate) fn payment_page(m: &Messages, payment: &PaymentView) -> String {
    let amount = m.money(Money::new(payment.amount_minor, payment.currency));
    let summary = format!(
        r#"<p class="label">{pay}</p>
<p class="amount">{amount}</p>
<p class="to">{to} <strong>{destination}</strong></p>
<dl><dt>{reference_label}</dt><dd>{reference}</dd></dl>"#,
        pay = escape(&m.text("bank-pay")),
        to = escape(&m.text("bank-to")),
        reference_label = escape(&m.text("bank-reference")),
        amount = escape(&amount),
        destination = escape(&payment.destination_id),
        reference = escape(&payment.reference),
    );
    let body = match payment.status {
        PaymentStatus::Initiated | PaymentStatus::AwaitingAuthorization => {
            let id = escape(&payment.payment_id);
            let (approve, reject) = (
                escape(&m.text("bank-approve")),
                escape(&m.text("bank-reject")),
            );
            format!(
                r#"<section class="card">{summary}</section>
<form method="post" action="/sandbox/payments/{id}/approve"><button class="approve" type="submit">{approve}</button></form>
<form method="post" action="/sandbox/payments/{id}/reject"><button class="reject" type="submit">{reject}</button></form>"#
            )
        }
        PaymentStatus::Authorized | PaymentStatus::Executed => outcome(
            "ok",
            "&#10003;",
            &m.text("bank-approved"),
            &m.text("bank-approved-detail"),
            &summary,
        ),
        PaymentStatus::Rejected => outcome(
            "no",
            "&#10005;",
            &m.text("bank-rejected"),
            &m.text("bank-no-money"),
            &summary,
        ),
        PaymentStatus::Failed => outcome(
            "no",
            "!",
            &m.text("bank-failed"),
            &m.text("bank-failed-detail"),
            &summary,
        ),
        PaymentStatus::Expired => outcome(
            "late",
            "!",
            &m.text("bank-expired"),
            &m.text("bank-no-money"),
            &summary,
        ),
    };
    layout(m, body)
}

/// The page for a link whose payment does not exist.
pub(crate) fn not_found_page(m: &Messages) -> String {
    layout(
        m,
        outcome(
            "no",
            "?",
            &m.text("bank-not-found"),
            &m.text("bank-not-found-detail"),
            "",
        ),
    )
}

/// Where the payer's phone ends up after deciding (the sandbox's own `redirectUrl` page):
/// "Payment done" for an approved payment, "Payment not made" otherwise.
pub(crate) fn done_page(m: &Messages, status: Option<PaymentStatus>) -> String {
    let body = match status {
        Some(PaymentStatus::Authorized | PaymentStatus::Executed) => outcome(
            "ok",
            "&#10003;",
            &m.text("bank-done"),
            &m.text("bank-close"),
            "",
        ),
        Some(PaymentStatus::Initiated | PaymentStatus::AwaitingAuthorization) => outcome(
            "late",
            "\u{2026}",
            &m.text("bank-not-finished"),
            &m.text("bank-not-finished-detail"),
            "",
        ),
        _ => outcome(
            "no",
            "&#10005;",
            &m.text("bank-not-made"),
            &m.text("bank-not-made-detail"),
            "",
        ),
    };
    layout(m, body)
}

/// The Connect flow's account picker: which account receives the payments, in the language
/// of the merchant's browser.
pub(crate) fn connect_page(
    m: &Messages,
    session_id: &str,
    scope: &str,
    accounts: &[(String, String)],
) -> String {
    let rows: String = accounts
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            format!(
                r#"<label class="account"><input type="checkbox" name="account" value="{id}"{checked}><span>{name}<small>{id}</small></span></label>"#,
                id = escape(id),
                name = escape(name),
                checked = if i == 0 { " checked" } else { "" },
            )
        })
        .collect();
    let session = escape(session_id);
    // The scope is set in bold inside the sentence: the sentence is escaped around a marker
    // that then becomes the bold scope.
    const MARK: &str = "\u{e000}";
    let intro = escape(&m.get("bank-connect-intro", &[("scope", MARK.into())]))
        .replace(MARK, &format!("<strong>{}</strong>", escape(scope)));
    layout(
        m,
        format!(
            r#"<section class="card"><p class="label">{heading}</p>
<p class="to">{intro}</p>
<form id="connect" method="post" action="/sandbox/connect/{session}">{rows}</form></section>
<button class="approve" type="submit" form="connect" name="action" value="connect">{connect}</button>
<form method="post" action="/sandbox/connect/{session}"><input type="hidden" name="action" value="cancel"><button class="reject" type="submit">{cancel}</button></form>"#,
            heading = escape(&m.text("bank-connect-heading")),
            connect = escape(&m.text("bank-connect-button")),
            cancel = escape(&m.text("bank-connect-cancel")),
        ),
    )
}

/// The end of a Connect flow that cannot go back to the app; `why` is a key of bank.ftl.
pub(crate) fn connect_problem_page(m: &Messages, why: &str) -> String {
    layout(
        m,
        outcome("no", "!", &m.text("bank-connect-problem"), &m.text(why), ""),
    )
}

fn outcome(kind: &str, icon: &str, title: &str, detail: &str, summary: &str) -> String {
    format!(
        r#"<section class="outcome {kind}"><div class="icon">{icon}</div><h1>{title}</h1><p>{detail}</p></section>
<section class="card">{summary}</section>"#,
        title = escape(title),
        detail = escape(detail),
    )
}

/// The page around `body`, in `m`'s language.
pub(crate) fn layout(m: &Messages, body: String) -> String {
    let lang = m.lang().code();
    let footer = escape(&m.text("bank-footer"));
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{BANK}</title>
<style>
*{{box-sizing:border-box}}
body{{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef2f7;color:#1c2430}}
header{{background:#0b3d91;color:#fff;padding:18px 20px;display:flex;align-items:center;gap:12px}}
.logo{{width:36px;height:36px;border-radius:50%;background:#fff;color:#0b3d91;font-weight:800;display:flex;align-items:center;justify-content:center}}
header span{{font-size:20px;font-weight:700}}
main{{max-width:440px;margin:0 auto;padding:20px}}
.card{{background:#fff;border-radius:16px;padding:20px;box-shadow:0 2px 10px rgba(0,0,0,.08);margin-bottom:20px}}
.card:empty{{display:none}}
.label{{margin:0;color:#5b6675;font-size:15px}}
.amount{{margin:4px 0 8px;font-size:clamp(28px,10vw,40px);white-space:nowrap;font-weight:800;letter-spacing:-.5px}}
.to{{margin:0 0 16px;font-size:17px;overflow-wrap:anywhere}}
dl{{margin:0;display:flex;justify-content:space-between;gap:12px;border-top:1px solid #e3e8ef;padding-top:12px}}
dt{{color:#5b6675}}dd{{margin:0;font-family:ui-monospace,monospace;min-width:0;overflow-wrap:anywhere;text-align:right}}
form{{margin:0 0 14px}}
button{{width:100%;padding:20px;font-size:20px;font-weight:700;border-radius:14px;border:0;cursor:pointer}}
.account{{display:flex;gap:14px;align-items:center;padding:14px 4px;border-top:1px solid #e3e8ef;font-size:17px;cursor:pointer}}
.account:first-of-type{{border-top:0}}
.account input{{width:22px;height:22px}}
.account span{{min-width:0}}
.account small{{display:block;color:#5b6675;font-family:ui-monospace,monospace;font-size:13px;overflow-wrap:anywhere}}
.approve{{background:#13845a;color:#fff}}
.reject{{background:#fff;color:#b3261e;border:2px solid #b3261e}}
.outcome{{text-align:center;padding:12px 0 20px}}
.outcome h1{{font-size:24px;margin:12px 0 6px}}
.outcome p{{margin:0;color:#5b6675;overflow-wrap:anywhere}}
.icon{{width:72px;height:72px;margin:0 auto;border-radius:50%;color:#fff;font-size:36px;display:flex;align-items:center;justify-content:center}}
.ok .icon{{background:#13845a}}.no .icon{{background:#b3261e}}.late .icon{{background:#8a6d00}}
footer{{text-align:center;color:#5b6675;font-size:13px;padding:8px 20px 24px}}
</style>
</head>
<body>
<header><div class="logo">S</div><span>{BANK}</span></header>
<main>
{body}
</main>
<footer>{footer}</footer>
</body>
</html>
"#
    )
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use kassa_money::Currency;

    use super::*;
    use kassa_i18n::Lang;

    fn view(status: PaymentStatus) -> PaymentView {
        PaymentView {
            payment_id: "0b8f0e0c-1".into(),
            status,
            amount_minor: 123_450,
            currency: Currency::Dkk,
            reference: "KASSA1".into(),
            destination_id: "Caf\u{e9} <Nord>".into(),
            created_at: String::new(),
            updated_at: String::new(),
            details: None,
        }
    }

    #[test]
    fn an_open_session_offers_both_buttons() {
        let html = payment_page(
            Messages::of(Lang::En),
            &view(PaymentStatus::AwaitingAuthorization),
        );
        assert!(html.contains("Sandbox Bank"));
        assert!(html.contains("1.234,50\u{a0}kr."));
        assert!(
            html.contains("Caf\u{e9} &lt;Nord&gt;"),
            "destination is escaped"
        );
        assert!(html.contains("KASSA1"));
        assert!(html.contains(r#"action="/sandbox/payments/0b8f0e0c-1/approve""#));
        assert!(html.contains(r#"action="/sandbox/payments/0b8f0e0c-1/reject""#));
        assert!(!html.contains("<script"));
        assert!(!html.contains("http"), "no external assets");
    }

    #[test]
    fn outcomes_are_said_plainly_without_buttons() {
        for (status, text) in [
            (PaymentStatus::Authorized, "Payment approved"),
            (PaymentStatus::Executed, "Payment approved"),
            (PaymentStatus::Rejected, "Payment rejected"),
            (PaymentStatus::Failed, "Payment failed"),
            (
                PaymentStatus::Expired,
                "This payment link has expired \u{2014} ask the cashier for a new code",
            ),
        ] {
            let html = payment_page(Messages::of(Lang::En), &view(status));
            assert!(html.contains(text), "{status}");
            assert!(!html.contains("<form"), "{status}");
        }
        assert!(not_found_page(Messages::of(Lang::En)).contains("Payment not found"));
    }

    #[test]
    fn the_phone_reads_the_page_in_its_own_language() {
        let da = Messages::of(Lang::Da);
        let html = payment_page(da, &view(PaymentStatus::AwaitingAuthorization));
        assert!(html.contains(r#"<html lang="da">"#), "{html}");
        assert!(html.contains(">Godkend</button>"), "{html}");
        assert!(html.contains(">Afvis</button>"), "{html}");
        assert!(html.contains("1.234,50\u{a0}kr."), "{html}");
        assert!(!html.contains("Approve"), "{html}");
        let fi = Messages::of(Lang::Fi);
        let html = payment_page(fi, &view(PaymentStatus::Rejected));
        assert!(html.contains("Maksu hylätty"), "{html}");
        assert!(done_page(fi, Some(PaymentStatus::Executed)).contains("Maksu tehty"));
        assert!(not_found_page(Messages::of(Lang::Sv)).contains("Betalningen hittades inte"));
        // Euro in Finnish as a Finn writes it.
        let mut eur = view(PaymentStatus::AwaitingAuthorization);
        eur.currency = Currency::Eur;
        assert!(payment_page(fi, &eur).contains("1\u{202f}234,50\u{a0}€"));
    }

    #[test]
    fn the_connect_page_speaks_the_merchants_language() {
        let accounts = [("acc-1".to_owned(), "Butik <Nord>".to_owned())];
        let da = connect_page(Messages::of(Lang::Da), "s1", "payments:inbound", &accounts);
        assert!(da.contains(r#"<html lang="da""#), "{da}");
        assert!(da.contains("Tilknyt en bankkonto"), "{da}");
        assert!(
            da.contains("Kassa beder om <strong>payments:inbound</strong>."),
            "{da}"
        );
        assert!(da.contains(">Tilknyt konto</button>"), "{da}");
        assert!(da.contains("Butik &lt;Nord&gt;"), "{da}");
        assert!(!da.contains("Connect a bank account"), "{da}");
        let fi = connect_problem_page(Messages::of(Lang::Fi), "bank-connect-spent");
        assert!(fi.contains("Tiliä ei voi yhdistää"), "{fi}");
        assert!(
            fi.contains("Pyyntö on vanhentunut tai jo käytetty."),
            "{fi}"
        );
    }

    #[test]
    fn words_wrap_whole_and_only_long_ids_break() {
        // Issue 13: `word-break: break-all` split ordinary words ("pa-yments") on the
        // Connect page; `overflow-wrap: anywhere` breaks only what cannot fit (an id).
        let html = connect_page(
            Messages::of(Lang::En),
            "s",
            "accounts",
            &[("id".into(), "name".into())],
        );
        assert!(!html.contains("break-all"), "{html}");
        assert!(html.contains(".to{margin:0 0 16px;font-size:17px;overflow-wrap:anywhere}"));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
