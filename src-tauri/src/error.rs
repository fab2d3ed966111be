//! The one error shape that crosses IPC: `{code, message}`. The code is from a closed set
//! the UI may branch on; the message is for the cashier.

use kassa_boot::error_words as words;
use serde::Serialize;

/// The words of the language spoken, for the sentences below.
fn said() -> &'static kassa_boot::Messages {
    crate::lang::messages()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    InvalidAmount,
    InvalidReference,
    InvalidKey,
    SaleInProgress,
    NotFound,
    Journal,
    Startup,
    /// A setting the merchant must fix; `field` names it when it is one field of the form.
    Settings,
    /// The Connect flow did not connect an account.
    Connect,
    /// The merchant must answer a question first (`ask`); nothing was saved.
    Confirm,
    /// A sale refused before anything was written: its lines, its total, the cash given.
    Refused,
    /// A receipt that could not be shown, printed or saved (it stays in the journal).
    Receipt,
    /// A step only a manager may do (`action` names it): the window asks a manager's PIN for
    /// that one step, then tries again.
    NeedsManager,
    /// Nobody is logged in: the window shows the login screen.
    NotLoggedIn,
    /// A log in or a staff change refused: a wrong PIN, the pause after five, a field.
    Staff,
    /// No hub is set up (the Whole shop screen says how to set one up).
    NoHub,
    /// The shop's hub refused or could not be reached, or its address is wrong.
    Hub,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: Code,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    /// With [`Code::Confirm`]: the question and what answering yes sends back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask: Option<Box<kassa_boot::Ask>>,
    /// Every field to fix when a form has several (Settings → Shop), `[{field, message}]`;
    /// `field` and `message` are the first of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Box<[kassa_config::ShopFieldError]>>,
    /// With [`Code::NeedsManager`]: the step a manager must approve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<kassa_boot::session::Action>,
}

impl IpcError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
            field: None,
            ask: None,
            fields: None,
            action: None,
        }
    }

    fn with_fields(self, fields: Vec<kassa_config::ShopFieldError>) -> Self {
        IpcError {
            fields: Some(fields.into_boxed_slice()),
            ..self
        }
    }
}

/// A question for the merchant ("Send payments to …?", "Test failed: save anyway?").
impl From<kassa_boot::Ask> for IpcError {
    fn from(ask: kassa_boot::Ask) -> Self {
        let ask = words::asked(said(), &ask);
        IpcError {
            ask: Some(Box::new(ask.clone())),
            ..IpcError::new(Code::Confirm, ask.question())
        }
    }
}

impl From<kassa_boot::FieldError> for IpcError {
    fn from(e: kassa_boot::FieldError) -> Self {
        IpcError {
            field: Some(e.field.form_name()),
            ..IpcError::new(Code::Settings, words::field(said(), &e))
        }
    }
}

/// Settings refused: the first field to fix is marked on the form.
impl From<kassa_boot::ConfigError> for IpcError {
    fn from(e: kassa_boot::ConfigError) -> Self {
        tracing::warn!(error = %e, "settings refused");
        match e.fields().first() {
            Some(first) => IpcError {
                field: Some(first.field.form_name()),
                ..IpcError::new(Code::Settings, capitalise(&words::config(said(), &e)))
            },
            None => IpcError::new(Code::Settings, capitalise(&words::config(said(), &e))),
        }
    }
}

impl From<kassa_boot::FormError> for IpcError {
    fn from(e: kassa_boot::FormError) -> Self {
        match e {
            kassa_boot::FormError::Field(f) => f.into(),
            kassa_boot::FormError::Ask(ask) => ask.into(),
            other => {
                tracing::warn!(error = %other, "settings not saved");
                IpcError::new(Code::Settings, capitalise(&words::form(said(), &other)))
            }
        }
    }
}

impl From<kassa_boot::session::SessionError> for IpcError {
    fn from(e: kassa_boot::session::SessionError) -> Self {
        use kassa_boot::session::SessionError as S;
        tracing::info!(error = %e, "staff step refused");
        let text = words::session(said(), &e);
        match (&e, e.needs_manager()) {
            (_, Some(action)) => IpcError {
                action: Some(action),
                ..IpcError::new(Code::NeedsManager, text)
            },
            (S::NotLoggedIn, _) => IpcError::new(Code::NotLoggedIn, text),
            (S::Journal(_), _) => IpcError::new(Code::Journal, text),
            _ => IpcError::new(Code::Staff, text),
        }
    }
}

impl From<kassa_boot::session::StaffError> for IpcError {
    fn from(e: kassa_boot::session::StaffError) -> Self {
        kassa_boot::session::SessionError::from(e).into()
    }
}

impl From<kassa_boot::ShopSaveError> for IpcError {
    fn from(e: kassa_boot::ShopSaveError) -> Self {
        match e {
            kassa_boot::ShopSaveError::Form(e) => e.into(),
            kassa_boot::ShopSaveError::Session(e) => e.into(),
        }
    }
}

impl From<kassa_boot::BootError> for IpcError {
    fn from(e: kassa_boot::BootError) -> Self {
        use kassa_boot::BootError as B;
        match e {
            B::Session(e) => e.into(),
            B::Config(e) => e.into(),
            B::Till(e) => e.into(),
            B::Journal(e) => {
                tracing::warn!(error = %e, "the journal failed");
                IpcError::new(Code::Journal, capitalise(&words::journal(said(), &e)))
            }
            other => {
                tracing::warn!(error = %other, "settings refused");
                IpcError::new(Code::Settings, capitalise(&words::boot(said(), &other)))
            }
        }
    }
}

impl From<kassa_boot::ConnectError> for IpcError {
    fn from(e: kassa_boot::ConnectError) -> Self {
        tracing::warn!(error = %e, "connect flow failed");
        IpcError::new(Code::Connect, capitalise(&words::connect(said(), &e)))
    }
}

impl From<kassa_money::MoneyError> for IpcError {
    fn from(e: kassa_money::MoneyError) -> Self {
        IpcError::new(Code::InvalidAmount, capitalise(&words::money(said(), &e)))
    }
}

impl From<kassa_till::TillError> for IpcError {
    fn from(e: kassa_till::TillError) -> Self {
        use kassa_till::TillError as T;
        let code = match &e {
            T::InvalidReference(_) => Code::InvalidReference,
            T::SaleInProgress { .. } => Code::SaleInProgress,
            T::NotOpen(_) | T::NotFound(_) => Code::NotFound,
            T::Refused(_) => Code::Refused,
            T::Journal(_) => Code::Journal,
        };
        tracing::warn!(error = %e, ?code, "command refused");
        let text = match &e {
            // The CLI's sentence names `kassa cancel`; the window has its own Cancel.
            T::SaleInProgress { sale_id } => {
                said().get("sale-still-open", &[("sale", sale_id.into())])
            }
            _ => words::till(said(), &e),
        };
        IpcError::new(code, capitalise(&text))
    }
}

/// Settings → Shop refused: every field's sentence in the language spoken, at its field
/// (`profile.orgNumber`, `vat.0.percent`, `quickItems.2.price`, `printer`, `logo`, `width`).
impl From<kassa_config::ShopFormError> for IpcError {
    fn from(e: kassa_config::ShopFormError) -> Self {
        tracing::warn!(error = %e, "shop settings refused");
        shop_refused(said(), &e)
    }
}

fn shop_refused(m: &kassa_boot::Messages, e: &kassa_config::ShopFormError) -> IpcError {
    let fields = words::shop_fields(m, e.fields());
    match fields.first() {
        Some(first) => IpcError {
            field: None,
            ..IpcError::new(Code::Settings, first.message.clone())
        }
        .with_fields(fields),
        None => IpcError::new(Code::Settings, capitalise(&words::shop_form(m, e))),
    }
}

/// The shop's hub: a manager's step refused goes the session's way (the window asks for a
/// manager's PIN); no hub set is its own code; the rest in the language spoken.
impl From<kassa_boot::hub::HubSetupError> for IpcError {
    fn from(e: kassa_boot::hub::HubSetupError) -> Self {
        use kassa_boot::hub::HubSetupError as H;
        match e {
            H::Session(e) => e.into(),
            H::NotSet => IpcError::new(Code::NoHub, capitalise(&words::hub_setup(said(), &e))),
            other => {
                tracing::warn!(error = %other, "the shop's hub refused");
                IpcError::new(Code::Hub, capitalise(&words::hub_setup(said(), &other)))
            }
        }
    }
}

impl From<kassa_boot::window::ReceiptOutError> for IpcError {
    fn from(e: kassa_boot::window::ReceiptOutError) -> Self {
        use kassa_boot::window::ReceiptOutError as R;
        match e {
            R::Till(e) => e.into(),
            other => {
                tracing::warn!(error = %other, "receipt not shown or printed");
                IpcError::new(
                    Code::Receipt,
                    capitalise(&words::receipt_out(said(), &other)),
                )
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e: IpcError = kassa_money::MoneyError::NotPositive.into();
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"invalid_amount","message":"The amount must be more than zero"}"#
        );
        let e: IpcError = kassa_till::TillError::SaleInProgress {
            sale_id: "s1".into(),
        }
        .into();
        assert_eq!(e.code, Code::SaleInProgress);
        assert_eq!(
            e.message,
            "Sale s1 is still open: finish or cancel it first"
        );

        // A refused setting marks its form field, with the validator's sentence.
        let refused = kassa_boot::Settings::from_vars(
            |k| (k == "KASSA_API_URL").then(|| "ftp://x".to_owned()),
            "x.db".into(),
        )
        .unwrap_err();
        let e: IpcError = refused.into();
        assert_eq!(e.code, Code::Settings);
        assert_eq!(e.field, Some("apiUrl"));
        assert!(e.message.starts_with("The API address"), "{}", e.message);
        let e: IpcError = kassa_boot::FormError::from(kassa_boot::FieldError::new(
            kassa_boot::Field::WebhookBind,
            kassa_boot::Problem::NotAnAddress("8787".into()),
        ))
        .into();
        assert_eq!(e.field, Some("webhookBind"));
    }

    #[test]
    fn a_refused_shop_form_names_every_field() {
        let refused = || {
            let mut form = kassa_config::ShopForm::default();
            let p = &mut form.profile;
            p.legal_name = "Bageriet ApS".into();
            p.org_number = "10150818".into(); // the check digit is 7
            p.address_lines = vec!["Nørrebrogade 1".into()];
            p.postcode = "2200".into();
            p.city = "København N".into();
            p.country = "DK".into();
            p.till_name = "Kasse 1".into();
            form.vat = vec![kassa_config::VatRateForm {
                name: "Standard".into(),
                percent: "250".into(),
                saft_code: "3".into(),
                default: true,
            }];
            use kassa_boot::shop::WallClock;
            // 2 March 2026.
            let day = kassa_boot::shop::FixedZone(0).day(1_772_409_600_000);
            kassa_config::ShopFormError::Fields(
                form.check(kassa_money::Currency::Dkk, day, None)
                    .unwrap_err(),
            )
        };
        let e: IpcError = refused().into();
        assert_eq!(e.code, Code::Settings);
        assert_eq!(
            e.message,
            "The check digit should be 7, not 8: check the CVR number for a typing error"
        );
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["fields"][0]["field"], "profile.orgNumber");
        assert_eq!(json["fields"][1]["field"], "vat.0.percent");
        assert_eq!(
            json["fields"][1]["message"],
            "A VAT rate must be between 0 % and 50 %; 250 % is not"
        );
        // In the language spoken: every field's sentence, and the first as the message.
        let da = shop_refused(kassa_boot::Messages::of(kassa_boot::Lang::Da), &refused());
        assert_eq!(
            da.message,
            "Kontrolcifferet skulle være 7, ikke 8: nummeret (CVR-nummer) er nok tastet forkert"
        );
        let json = serde_json::to_value(&da).unwrap();
        assert_eq!(json["fields"][1]["field"], "vat.0.percent");
        assert_eq!(
            json["fields"][1]["message"],
            "En momssats skal ligge mellem 0 % og 50 %; det gør 250 % ikke"
        );
    }
}
