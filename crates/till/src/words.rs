//! What the cashier and the customer read for each payment status.

use kassa_aiia::wire::PaymentStatus;

pub fn status_text(status: &PaymentStatus) -> String {
    match status {
        PaymentStatus::Initiated => "Waiting for the customer to scan".into(),
        PaymentStatus::AwaitingAuthorization => "The customer is approving in their bank".into(),
        PaymentStatus::Authorized => "Approved by the bank, completing the payment".into(),
        PaymentStatus::Executed => "Paid".into(),
        PaymentStatus::Rejected => "Declined in the bank".into(),
        PaymentStatus::Failed => "The bank could not complete the payment".into(),
        PaymentStatus::Expired => "The code expired".into(),
        PaymentStatus::Unknown(s) => format!("The bank reports \"{s}\""),
    }
}
