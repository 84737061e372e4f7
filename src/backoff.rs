//! Exponential back-off with jitter, shared by the client's retries and the controller's work
//! queues. Jitter spreads the retries of many keys (or many replicas) so that they do not
//! arrive at a recovering server in one wave.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::time::Duration;

/// A random number: a fresh `RandomState` is randomly seeded, which is enough for spreading
/// retries and naming replicas (nothing here needs cryptographic randomness).
pub fn random_u64() -> u64 {
    RandomState::new().hash_one(std::time::Instant::now())
}

/// `delay` scaled by a random factor in [0.8, 1.2).
pub fn jittered(delay: Duration) -> Duration {
    let random = random_u64();
    let factor = 0.8 + 0.4 * (random % 10_000) as f64 / 10_000.0;
    delay.mul_f64(factor)
}

/// The delay before retry number `attempt` (1 for the first): `first × 2^(attempt-1)`, at most
/// `cap`, jittered.
pub fn exponential(attempt: u32, first: Duration, cap: Duration) -> Duration {
    let doubled = first.saturating_mul(1u32.checked_shl(attempt.saturating_sub(1)).unwrap_or(u32::MAX));
    jittered(doubled.min(cap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_stays_within_twenty_percent() {
        for _ in 0..1000 {
            let d = jittered(Duration::from_secs(10));
            assert!(d >= Duration::from_secs(8) && d < Duration::from_secs(12), "{d:?}");
        }
    }

    #[test]
    fn exponential_doubles_then_caps() {
        let first = Duration::from_millis(100);
        let cap = Duration::from_secs(60);
        let around = |attempt, expected: f64| {
            let d = exponential(attempt, first, cap).as_secs_f64();
            assert!(d >= expected * 0.8 && d < expected * 1.2, "attempt {attempt}: {d}");
        };
        around(1, 0.1);
        around(2, 0.2);
        around(5, 1.6);
        around(40, 60.0);
    }
}
