//! `KASSA_CRASH_AT=<point>[#n]`: stops `kassa` at a named point of a sale's path so a test
//! harness can kill it there (`SIGKILL`) and check what a restart makes of the journal.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kassa_till::{CrashHook, CrashPoint};

pub struct CrashAt {
    point: CrashPoint,
    nth: usize,
    seen: AtomicUsize,
}

impl CrashAt {
    /// `polling`, `journal_write#3`, …
    pub fn parse(spec: &str) -> Result<CrashAt, String> {
        let spec = spec.trim();
        let (name, nth) = match spec.split_once('#') {
            Some((name, n)) => match n.parse::<usize>() {
                Ok(n) if n >= 1 => (name, n),
                _ => {
                    return Err(format!(
                        "bad KASSA_CRASH_AT: \"{spec}\" (the count after # must be 1 or more)"
                    ));
                }
            },
            None => (spec, 1),
        };
        let point = CrashPoint::parse(name).ok_or_else(|| {
            let names: Vec<&str> = CrashPoint::ALL.iter().map(|p| p.name()).collect();
            format!(
                "bad KASSA_CRASH_AT: \"{name}\" is not a crash point (use one of {})",
                names.join(", ")
            )
        })?;
        Ok(CrashAt {
            point,
            nth,
            seen: AtomicUsize::new(0),
        })
    }
}

impl CrashHook for CrashAt {
    fn reached(&self, point: CrashPoint) {
        if point != self.point || self.seen.fetch_add(1, Ordering::SeqCst) + 1 != self.nth {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "crashpoint {point}");
        let _ = err.flush();
        drop(err);
        let hold = || {
            loop {
                std::thread::sleep(Duration::from_secs(3600));
            }
        };
        // Hold this task where it is; on the multi-threaded runtime the other tasks (an
        // accept call already on its way) go on until the harness kills the process.
        match tokio::runtime::Handle::try_current() {
            Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
                tokio::task::block_in_place(hold)
            }
            _ => hold(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn specs_parse_with_a_count_and_bad_ones_are_named() {
        let c = CrashAt::parse("journal_write#3").unwrap();
        assert_eq!((c.point, c.nth), (CrashPoint::JournalWrite, 3));
        let c = CrashAt::parse("polling").unwrap();
        assert_eq!((c.point, c.nth), (CrashPoint::Polling, 1));
        let e = CrashAt::parse("nowhere").err().unwrap();
        assert!(e.contains("\"nowhere\" is not a crash point"), "{e}");
        assert!(e.contains("accept_sent"), "{e}");
        assert!(CrashAt::parse("polling#0").is_err());
    }

    #[test]
    fn only_the_nth_time_at_the_point_stops() {
        let c = CrashAt::parse("polling#2").unwrap();
        // Another point, and the first time at this one, pass straight through.
        c.reached(CrashPoint::BeforeAccept);
        c.reached(CrashPoint::Polling);
        assert_eq!(c.seen.load(Ordering::SeqCst), 1);
    }
}
