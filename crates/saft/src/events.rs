//! The events of the electronic journal, with the codes of Skatteetaten's code list
//! `PredefinedBasicID-13` (a copy is in `crates/saft/data/`, from `Skatteetaten/saf-t`):
//! the ones a Kassa till can do. Suspend/resume, provisional, delivery, cash withdrawal,
//! price look-up, memory full, emergency mode and STEB receipts are not things Kassa does;
//! a cash drawer's codes are here for a till that has one attached.

/// One kind of journal event, as the export names it (`eventType` = [`JournalEvent::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JournalEvent {
    AppStart,
    AppShutDown,
    LogIn,
    LogOut,
    CashDrawerOpened,
    CashDrawerClosed,
    XReport,
    ZReport,
    SalesReceiptPrinted,
    ReturnReceipt,
    CopyReceipt,
    TrainingReceipt,
    OtherReport,
    JournalExported,
    PriceChange,
    TrainingModeOn,
    TrainingModeOff,
    VoidReceipt,
    SaleWithoutReceiptPrinted,
}

impl JournalEvent {
    /// Every event Kassa can journal, in code order.
    pub const ALL: [JournalEvent; 19] = [
        JournalEvent::AppStart,
        JournalEvent::AppShutDown,
        JournalEvent::LogIn,
        JournalEvent::LogOut,
        JournalEvent::CashDrawerOpened,
        JournalEvent::CashDrawerClosed,
        JournalEvent::XReport,
        JournalEvent::ZReport,
        JournalEvent::SalesReceiptPrinted,
        JournalEvent::ReturnReceipt,
        JournalEvent::CopyReceipt,
        JournalEvent::TrainingReceipt,
        JournalEvent::OtherReport,
        JournalEvent::JournalExported,
        JournalEvent::PriceChange,
        JournalEvent::TrainingModeOn,
        JournalEvent::TrainingModeOff,
        JournalEvent::VoidReceipt,
        JournalEvent::SaleWithoutReceiptPrinted,
    ];

    /// The code of `PredefinedBasicID-13`.
    pub fn code(self) -> u32 {
        match self {
            JournalEvent::AppStart => 13001,
            JournalEvent::AppShutDown => 13002,
            JournalEvent::LogIn => 13003,
            JournalEvent::LogOut => 13004,
            JournalEvent::CashDrawerOpened => 13005,
            JournalEvent::CashDrawerClosed => 13006,
            JournalEvent::XReport => 13008,
            JournalEvent::ZReport => 13009,
            JournalEvent::SalesReceiptPrinted => 13012,
            JournalEvent::ReturnReceipt => 13013,
            JournalEvent::CopyReceipt => 13014,
            JournalEvent::TrainingReceipt => 13017,
            JournalEvent::OtherReport => 13018,
            JournalEvent::JournalExported => 13020,
            JournalEvent::PriceChange => 13021,
            JournalEvent::TrainingModeOn => 13023,
            JournalEvent::TrainingModeOff => 13024,
            JournalEvent::VoidReceipt => 13028,
            JournalEvent::SaleWithoutReceiptPrinted => 13030,
        }
    }

    /// The code list's English description.
    pub fn description(self) -> &'static str {
        match self {
            JournalEvent::AppStart => "POS application start",
            JournalEvent::AppShutDown => "POS application shut down",
            JournalEvent::LogIn => "Employee log in",
            JournalEvent::LogOut => "Employee log out",
            JournalEvent::CashDrawerOpened => "Open cash drawer",
            JournalEvent::CashDrawerClosed => "Close cash drawer",
            JournalEvent::XReport => "X report",
            JournalEvent::ZReport => "Z report",
            JournalEvent::SalesReceiptPrinted => "Sales receipt printed",
            JournalEvent::ReturnReceipt => "Return receipt",
            JournalEvent::CopyReceipt => "Copy receipt",
            JournalEvent::TrainingReceipt => "Training receipt",
            JournalEvent::OtherReport => "Other reports or receipts",
            JournalEvent::JournalExported => {
                "Export of journal to external storage (cash register)"
            }
            JournalEvent::PriceChange => "Price change",
            JournalEvent::TrainingModeOn => "Training mode on",
            JournalEvent::TrainingModeOff => "Training mode off",
            JournalEvent::VoidReceipt => "Void receipt",
            JournalEvent::SaleWithoutReceiptPrinted => "Concluded sale without receipt printed",
        }
    }

    /// The event of `code`, if Kassa journals it.
    pub fn of_code(code: u32) -> Option<JournalEvent> {
        JournalEvent::ALL.into_iter().find(|e| e.code() == code)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    /// The official list: code → English description (trimmed).
    fn official() -> Vec<(u32, String)> {
        let csv = include_str!("../data/PredefinedBasicID-13.csv");
        csv.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let mut parts = l.split(';');
                let code = parts.next().unwrap().trim().parse().unwrap();
                let eng = parts.next().unwrap().trim().to_owned();
                (code, eng)
            })
            .collect()
    }

    #[test]
    fn every_event_has_its_official_code_and_description() {
        let list = official();
        assert_eq!(list.len(), 31, "the code list as published");
        for e in JournalEvent::ALL {
            let (_, eng) = list
                .iter()
                .find(|(c, _)| *c == e.code())
                .unwrap_or_else(|| panic!("{e:?}: {} is not in the code list", e.code()));
            assert_eq!(e.description(), eng, "{e:?}");
            assert_eq!(JournalEvent::of_code(e.code()), Some(e));
        }
        let codes: Vec<u32> = JournalEvent::ALL.iter().map(|e| e.code()).collect();
        let sorted = {
            let mut s = codes.clone();
            s.sort_unstable();
            s.dedup();
            s
        };
        assert_eq!(codes, sorted, "in code order, each once");
        // What Kassa does not do is not offered.
        for code in [
            13007, 13010, 13011, 13015, 13016, 13019, 13022, 13025, 13026, 13027, 13029,
        ] {
            assert_eq!(JournalEvent::of_code(code), None, "{code}");
        }
    }
}
