//! Payment ids as the real service makes them: the day of creation (`yyyymmdd`, UTC), a dot,
//! and 26 lower-case base-36 characters, e.g. `20200710.cys5ihh856sw7btuoimya551nh`
//! (`docs/aiia-wire.md`, "Create a payment"). The day comes from the sandbox's [`Clock`]
//! and the characters from its [`Randomness`], both passed in.
//!
//! [`Clock`]: crate::Clock

use std::sync::Mutex;

use crate::timefmt::rfc3339;

/// Where the sandbox takes its randomness from.
pub trait Randomness: Send + Sync + 'static {
    /// Fills `buf` with random bytes.
    fn fill(&self, buf: &mut [u8]);
}

/// The operating system's randomness (through `uuid`'s v4 generator, already a dependency).
#[derive(Debug, Clone, Copy, Default)]
pub struct OsRandomness;

impl Randomness for OsRandomness {
    fn fill(&self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(16) {
            let bytes = uuid::Uuid::new_v4().into_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }
}

/// A repeatable sequence (SplitMix64) from a seed; for tests.
#[derive(Debug)]
pub struct SeededRandomness(Mutex<u64>);

impl SeededRandomness {
    pub fn new(seed: u64) -> Self {
        SeededRandomness(Mutex::new(seed))
    }
}

impl Randomness for SeededRandomness {
    fn fill(&self, buf: &mut [u8]) {
        let mut state = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for chunk in buf.chunks_mut(8) {
            *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = *state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            chunk.copy_from_slice(&z.to_le_bytes()[..chunk.len()]);
        }
    }
}

const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
/// Characters after the dot.
pub(crate) const ID_CHARS: usize = 26;

/// A new payment id for a payment created at `now_ms`.
pub(crate) fn payment_id(now_ms: i64, random: &dyn Randomness) -> String {
    let day: String = rfc3339(now_ms)
        .chars()
        .take(10)
        .filter(char::is_ascii_digit)
        .collect();
    let mut id = String::with_capacity(day.len() + 1 + ID_CHARS);
    id.push_str(&day);
    id.push('.');
    let mut left = ID_CHARS;
    let mut buf = [0u8; 32];
    while left > 0 {
        random.fill(&mut buf);
        // 252 = 7 × 36: bytes from 252 up are dropped, so every character is equally likely.
        for &b in buf.iter().filter(|&&b| b < 252).take(left) {
            id.push(char::from(ALPHABET[usize::from(b % 36)]));
            left -= 1;
        }
    }
    id
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// 2020-07-10T12:00:00Z.
    const JULY_10_2020: i64 = 1_594_382_400_000;

    fn looks_like_aiias(id: &str) -> bool {
        let Some((day, rest)) = id.split_once('.') else {
            return false;
        };
        day.len() == 8
            && day.bytes().all(|b| b.is_ascii_digit())
            && rest.len() == ID_CHARS
            && rest
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    }

    #[test]
    fn ids_are_the_creation_day_a_dot_and_26_base36_characters() {
        let random = SeededRandomness::new(7);
        let id = payment_id(JULY_10_2020, &random);
        assert!(id.starts_with("20200710."), "{id}");
        assert!(looks_like_aiias(&id), "{id}");
        assert!(looks_like_aiias("20200710.cys5ihh856sw7btuoimya551nh"));
        // The same seed gives the same ids; the next one differs.
        let again = payment_id(JULY_10_2020, &SeededRandomness::new(7));
        assert_eq!(id, again);
        assert_ne!(payment_id(JULY_10_2020, &random), id);
        let os = payment_id(JULY_10_2020, &OsRandomness);
        assert!(looks_like_aiias(&os), "{os}");
        assert_ne!(os, payment_id(JULY_10_2020, &OsRandomness));
    }

    #[test]
    fn a_randomness_that_gives_only_dropped_bytes_for_a_while_still_ends() {
        struct Mostly255(Mutex<u32>);
        impl Randomness for Mostly255 {
            fn fill(&self, buf: &mut [u8]) {
                let mut calls = self.0.lock().unwrap();
                *calls += 1;
                buf.fill(if *calls < 3 { 255 } else { 37 });
            }
        }
        let id = payment_id(JULY_10_2020, &Mostly255(Mutex::new(0)));
        assert_eq!(id, format!("20200710.{}", "1".repeat(ID_CHARS)));
    }
}
