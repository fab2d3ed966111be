//! When the client tries a failed call again by itself, and how long it waits first.
//!
//! Only calls that change nothing are retried here: the token request and status reads.
//! `POST /v2/payments/accept` is never sent twice by the client; whether to make another
//! payment after a failed one is the engine's decision, because a lost reply may hide a
//! payment that was made. Waits grow exponentially with jitter (the randomness is passed
//! in as a [`Jitter`]) and never undercut the service's `Retry-After`; a `Retry-After`
//! longer than [`RetryPolicy::max_inline_wait`] is not waited out inside the call but handed
//! back to the caller, which schedules its next try.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::AiiaError;

/// The kinds of call the client makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    /// `POST /v1/oauth/token`
    Token,
    /// `POST /v2/payments/accept`
    Accept,
    /// `GET /v2/payments/accept/{paymentId}`
    Status,
}

/// How often and how patiently the client retries on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Most tries of one token request, the first included.
    pub token_tries: u32,
    /// Most tries of one status read, the first included.
    pub status_tries: u32,
    /// Wait before the first retry; doubles per failure up to `max`.
    pub base: Duration,
    pub max: Duration,
    /// The longest `Retry-After` waited out inside a call.
    pub max_inline_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            token_tries: 3,
            status_tries: 2,
            base: Duration::from_millis(200),
            max: Duration::from_secs(2),
            max_inline_wait: Duration::from_secs(2),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn never() -> Self {
        RetryPolicy {
            token_tries: 1,
            status_tries: 1,
            ..RetryPolicy::default()
        }
    }

    /// May `call` be sent again after `error` without risk? Never for a create call; for
    /// the others, when the failure is passing. A timed-out status read is not repeated
    /// at once: the caller's next poll is the retry, so a sale is not held up twice.
    pub fn is_safe(call: Call, error: &AiiaError) -> bool {
        let passing = matches!(
            error,
            AiiaError::Network { .. }
                | AiiaError::Timeout { .. }
                | AiiaError::RateLimited { .. }
                | AiiaError::Server { .. }
                | AiiaError::Malformed { .. }
        );
        match call {
            Call::Accept => false,
            Call::Token => passing,
            Call::Status => passing && !matches!(error, AiiaError::Timeout { .. }),
        }
    }

    /// After the `failures`-th failure of `call` (1 for the first), how long to wait
    /// before trying again, or `None` to give the error back.
    pub fn next_wait(
        &self,
        call: Call,
        error: &AiiaError,
        failures: u32,
        jitter: &dyn Jitter,
    ) -> Option<Duration> {
        let tries = match call {
            Call::Token => self.token_tries,
            Call::Status => self.status_tries,
            Call::Accept => 1,
        };
        if failures >= tries || !RetryPolicy::is_safe(call, error) {
            return None;
        }
        let wait = backoff(self.base, self.max, failures, |c| jitter.jitter(c));
        match error.retry_after() {
            Some(asked) if asked > self.max_inline_wait => None,
            Some(asked) => Some(wait.max(asked)),
            None => Some(wait),
        }
    }
}

/// Exponential backoff with jitter: after the `failures`-th failure (1 for the first) the
/// full wait is `base · 2^(failures−1)`, at most `max`; `jitter` is asked for up to half of
/// it, which is taken off, so waits spread over `[full/2, full]`.
pub fn backoff(
    base: Duration,
    max: Duration,
    failures: u32,
    jitter: impl FnOnce(Duration) -> Duration,
) -> Duration {
    let doublings = failures.saturating_sub(1).min(20);
    let full = base.saturating_mul(1 << doublings).min(max);
    let half = full / 2;
    full - jitter(half).min(half)
}

/// Randomness for backoff, passed in so tests are exact.
pub trait Jitter: Send + Sync + 'static {
    /// A duration between zero and `ceiling`.
    fn jitter(&self, ceiling: Duration) -> Duration;
}

/// No jitter: every wait is the full backoff.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoJitter;

impl Jitter for NoJitter {
    fn jitter(&self, _ceiling: Duration) -> Duration {
        Duration::ZERO
    }
}

/// Jitter from a SplitMix64 sequence seeded by the standard library's per-process random
/// keys. Spreads retries of many counters apart; not for secrets.
#[derive(Debug)]
pub struct RandomJitter {
    state: AtomicU64,
}

impl Default for RandomJitter {
    fn default() -> Self {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(0x006b_6173_7361);
        RandomJitter::seeded(hasher.finish())
    }
}

impl RandomJitter {
    pub fn seeded(seed: u64) -> Self {
        RandomJitter {
            state: AtomicU64::new(seed),
        }
    }

    fn next(&self) -> u64 {
        let mut z = self
            .state
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Jitter for RandomJitter {
    fn jitter(&self, ceiling: Duration) -> Duration {
        let ceiling_ms = u64::try_from(ceiling.as_millis()).unwrap_or(u64::MAX);
        if ceiling_ms == 0 {
            return Duration::ZERO;
        }
        Duration::from_millis(self.next() % (ceiling_ms + 1).max(1))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn server(retry_after: Option<u64>) -> AiiaError {
        AiiaError::Server {
            status: 503,
            code: "ServiceUnavailable".into(),
            message: "down".into(),
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    fn malformed() -> AiiaError {
        AiiaError::Malformed {
            detail: "x".into(),
            source: None,
        }
    }

    /// Full jitter: takes off the whole half it may.
    struct Half;
    impl Jitter for Half {
        fn jitter(&self, ceiling: Duration) -> Duration {
            ceiling
        }
    }

    #[test]
    fn which_calls_are_safe_to_send_again() {
        use Call::*;
        let rate = AiiaError::RateLimited {
            retry_after: Some(Duration::from_secs(1)),
        };
        let unauthorized = AiiaError::Unauthorized {
            message: "no".into(),
        };
        let rejected = AiiaError::Rejected {
            status: 400,
            code: "InvalidAmount".into(),
            message: "no".into(),
        };
        let not_found = AiiaError::NotFound("p".into());
        let config = AiiaError::Config("x".into());
        let token = AiiaError::Token {
            source: Box::new(server(None)),
        };
        // (call, error, safe)
        let table: [(Call, &AiiaError, bool); 21] = [
            (Token, &server(None), true),
            (Token, &rate, true),
            (Token, &malformed(), true),
            (Token, &unauthorized, false),
            (Token, &rejected, false),
            (Token, &config, false),
            (Status, &server(None), true),
            (Status, &rate, true),
            (Status, &malformed(), true),
            (Status, &unauthorized, false),
            (Status, &not_found, false),
            (Status, &rejected, false),
            (Status, &token, false),
            (Status, &config, false),
            (Accept, &server(None), false),
            (Accept, &rate, false),
            (Accept, &malformed(), false),
            (Accept, &unauthorized, false),
            (Accept, &rejected, false),
            (Accept, &token, false),
            (Accept, &config, false),
        ];
        for (call, error, safe) in table {
            assert_eq!(
                RetryPolicy::is_safe(call, error),
                safe,
                "{call:?} {error:?}"
            );
        }
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_and_jitter_takes_off_at_most_half() {
        let ms = Duration::from_millis;
        let table = [
            (1, 200, 100),
            (2, 400, 200),
            (3, 800, 400),
            (4, 1000, 500),
            (40, 1000, 500),
        ];
        for (failures, full, least) in table {
            assert_eq!(
                backoff(ms(200), ms(1000), failures, |_| Duration::ZERO),
                ms(full)
            );
            assert_eq!(backoff(ms(200), ms(1000), failures, |c| c), ms(least));
            assert_eq!(
                backoff(ms(200), ms(1000), failures, |c| c * 10),
                ms(least),
                "jitter beyond its ceiling is clipped"
            );
        }
    }

    #[test]
    fn waits_honour_retry_after_and_the_try_limits() {
        let p = RetryPolicy::default();
        let ms = Duration::from_millis;
        // (call, error, failures so far, wait)
        let table: [(Call, AiiaError, u32, Option<Duration>); 8] = [
            (Call::Token, server(None), 1, Some(ms(200))),
            (Call::Token, server(None), 2, Some(ms(400))),
            (Call::Token, server(None), 3, None),
            (Call::Status, server(None), 1, Some(ms(200))),
            (Call::Status, server(None), 2, None),
            (Call::Status, server(Some(1)), 1, Some(ms(1000))),
            (Call::Status, server(Some(3)), 1, None),
            (Call::Accept, server(None), 1, None),
        ];
        for (call, error, failures, wait) in table {
            assert_eq!(
                p.next_wait(call, &error, failures, &NoJitter),
                wait,
                "{call:?} {error} after {failures}"
            );
        }
        assert_eq!(
            p.next_wait(Call::Token, &server(None), 2, &Half),
            Some(ms(200))
        );
        assert_eq!(
            RetryPolicy::never().next_wait(Call::Token, &server(None), 1, &NoJitter),
            None
        );
    }

    #[test]
    fn random_jitter_stays_under_its_ceiling_and_varies() {
        let j = RandomJitter::seeded(42);
        let picks: Vec<Duration> = (0..200)
            .map(|_| j.jitter(Duration::from_millis(100)))
            .collect();
        assert!(picks.iter().all(|d| *d <= Duration::from_millis(100)));
        assert!(picks.iter().any(|d| *d != picks[0]));
        assert_eq!(j.jitter(Duration::ZERO), Duration::ZERO);
        let a = RandomJitter::default().jitter(Duration::from_secs(1000));
        let b = RandomJitter::default().jitter(Duration::from_secs(1000));
        assert!(a <= Duration::from_secs(1000) && b <= Duration::from_secs(1000));
    }
}
