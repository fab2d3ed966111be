//! The one error shape that crosses IPC: `{code, message}`. The code is from a closed set
//! the UI may branch on; the message is for the cashier.

use serde::Serialize;

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    pub code: Code,
    pub message: String,
}

impl IpcError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }
}

impl From<kassa_money::MoneyError> for IpcError {
    fn from(e: kassa_money::MoneyError) -> Self {
        IpcError::new(Code::InvalidAmount, capitalise(&e.to_string()))
    }
}

impl From<kassa_till::TillError> for IpcError {
    fn from(e: kassa_till::TillError) -> Self {
        use kassa_till::TillError as T;
        let code = match &e {
            T::InvalidReference(_) => Code::InvalidReference,
            T::SaleInProgress { .. } => Code::SaleInProgress,
            T::NotOpen(_) | T::NotFound(_) => Code::NotFound,
            T::Journal(_) => Code::Journal,
        };
        tracing::warn!(error = %e, ?code, "command refused");
        IpcError::new(code, capitalise(&e.to_string()))
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
    }
}
