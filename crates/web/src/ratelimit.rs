//! Login attempts, limited so that guessing is slow but nobody can lock a person out.
//!
//! - Per client address (governor's GCRA): every attempt counts; over the limit → 429.
//! - Per account *and* address pair: failed attempts count; over the limit → 429 for that
//!   address only, so a stranger elsewhere cannot lock the account.
//! - Per account: failed attempts from anywhere only add a growing delay before the password
//!   is checked (doubling from `account_delay_base` up to `account_delay_max`), never a lock.
//!
//! A successful login clears the failures of its account and pair. Failures are forgotten
//! one per period (a leaky bucket).

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// The limits. `burst` at once, then one more every `period`.
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    /// Failed attempts of one account from one address.
    pub per_pair_burst: u32,
    pub per_pair_period: Duration,
    /// All attempts (and invitation redemptions) from one address.
    pub per_ip_burst: u32,
    pub per_ip_period: Duration,
    /// Failed attempts of one account (from anywhere) without a delay.
    pub account_free_failures: u32,
    /// How long the account's failures are remembered: one is forgotten per period.
    pub account_period: Duration,
    /// The first delay; it doubles with every further failure up to the maximum.
    pub account_delay_base: Duration,
    pub account_delay_max: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_pair_burst: 5,
            per_pair_period: Duration::from_secs(60),
            per_ip_burst: 20,
            per_ip_period: Duration::from_secs(10),
            account_free_failures: 3,
            account_period: Duration::from_secs(5 * 60),
            account_delay_base: Duration::from_millis(500),
            account_delay_max: Duration::from_secs(8),
        }
    }
}

impl LoginLimits {
    /// The delay before checking a password of an account with `failures` recent failures:
    /// none for the free ones, then `base`, `2·base`, `4·base`, … up to `max`.
    pub fn account_delay(&self, failures: u32) -> Duration {
        let Some(over) = failures.checked_sub(self.account_free_failures) else {
            return Duration::ZERO;
        };
        let factor = 1u32.checked_shl(over.min(31)).unwrap_or(u32::MAX);
        self.account_delay_base
            .checked_mul(factor)
            .unwrap_or(self.account_delay_max)
            .min(self.account_delay_max)
    }
}

/// Failures per key as a leaky bucket: each failure adds one `period` to the key's level,
/// time drains it. `count` is the number of failures not yet forgotten.
struct Failures<K> {
    period: Duration,
    levels: Mutex<HashMap<K, Instant>>,
}

impl<K: Hash + Eq + Clone> Failures<K> {
    fn new(period: Duration) -> Self {
        Failures {
            period: period.max(Duration::from_millis(1)),
            levels: Mutex::new(HashMap::new()),
        }
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<K, Instant>> {
        self.levels.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The failures of `key` not yet forgotten at `now`.
    fn count(&self, key: &K, now: Instant) -> u32 {
        let Some(until) = self.map().get(key).copied() else {
            return 0;
        };
        let left = until.saturating_duration_since(now);
        left.as_nanos().div_ceil(self.period.as_nanos()) as u32
    }

    /// How long until `key` is below `burst` failures again (`None`: it is now).
    fn wait(&self, key: &K, burst: u32, now: Instant) -> Option<Duration> {
        let until = self.map().get(key).copied()?;
        let allowed = self.period * burst.saturating_sub(1);
        let left = until.saturating_duration_since(now);
        (left > allowed).then(|| left - allowed)
    }

    fn record(&self, key: K, now: Instant) {
        let mut map = self.map();
        if map.len() > 100_000 {
            map.retain(|_, until| *until > now);
        }
        let level = map.entry(key).or_insert(now);
        *level = (*level).max(now) + self.period;
    }

    fn clear(&self, key: &K) {
        self.map().remove(key);
    }
}

/// Why an attempt may not go ahead now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Too many attempts from this address, or failures of this account from it.
    TryAgainIn(Duration),
}

/// The pair key of invitation redemptions (a space: no login id contains one).
const REDEMPTION: &str = " invitation";

pub struct LoginLimiter {
    limits: LoginLimits,
    ips: DefaultKeyedRateLimiter<IpAddr>,
    pairs: Failures<(String, Option<IpAddr>)>,
    accounts: Failures<String>,
    clock: DefaultClock,
}

fn quota(burst: u32, period: Duration) -> Quota {
    let period = period.max(Duration::from_millis(1));
    Quota::with_period(period)
        .expect("non-zero period")
        .allow_burst(NonZeroU32::new(burst.max(1)).expect("burst at least 1"))
}

impl LoginLimiter {
    pub fn new(limits: &LoginLimits) -> Self {
        LoginLimiter {
            limits: *limits,
            ips: RateLimiter::keyed(quota(limits.per_ip_burst, limits.per_ip_period)),
            pairs: Failures::new(limits.per_pair_period),
            accounts: Failures::new(limits.account_period),
            clock: DefaultClock::default(),
        }
    }

    /// Counts one attempt of the address (a login or an invitation redemption).
    pub fn check_address(&self, ip: Option<IpAddr>) -> Result<(), Refused> {
        if let Some(ip) = ip
            && let Err(not_until) = self.ips.check_key(&ip)
        {
            return Err(Refused::TryAgainIn(
                not_until.wait_time_from(self.clock.now()),
            ));
        }
        if self.ips.len() > 100_000 {
            self.ips.retain_recent();
        }
        Ok(())
    }

    /// Before a login attempt of `account` from `ip`: counts the attempt of the address and
    /// refuses when the address or this pair is over its limit; otherwise returns the delay
    /// to wait before the password is checked.
    pub fn before_login(&self, ip: Option<IpAddr>, account: &str) -> Result<Duration, Refused> {
        self.check_address(ip)?;
        let now = Instant::now();
        let account = account.to_lowercase();
        let pair = (account.clone(), ip);
        if let Some(wait) = self.pairs.wait(&pair, self.limits.per_pair_burst, now) {
            return Err(Refused::TryAgainIn(wait));
        }
        Ok(self
            .limits
            .account_delay(self.accounts.count(&account, now)))
    }

    /// An invitation redemption from `ip`: every attempt counts for the address and, like a
    /// failed login, for the pair (redemption, address).
    pub fn check_redemption(&self, ip: Option<IpAddr>) -> Result<(), Refused> {
        self.check_address(ip)?;
        let now = Instant::now();
        let key = (REDEMPTION.to_owned(), ip);
        if let Some(wait) = self.pairs.wait(&key, self.limits.per_pair_burst, now) {
            return Err(Refused::TryAgainIn(wait));
        }
        self.pairs.record(key, now);
        Ok(())
    }

    /// A failed login: counts for the pair and for the account.
    pub fn failed(&self, ip: Option<IpAddr>, account: &str) {
        let now = Instant::now();
        let account = account.to_lowercase();
        self.pairs.record((account.clone(), ip), now);
        self.accounts.record(account, now);
    }

    /// A successful login: the account's and the pair's failures are forgotten.
    pub fn succeeded(&self, ip: Option<IpAddr>, account: &str) {
        let account = account.to_lowercase();
        self.pairs.clear(&(account.clone(), ip));
        self.accounts.clear(&account);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> LoginLimits {
        LoginLimits {
            per_pair_burst: 2,
            per_pair_period: Duration::from_secs(60),
            per_ip_burst: 100,
            per_ip_period: Duration::from_secs(60),
            account_free_failures: 2,
            account_period: Duration::from_secs(60),
            account_delay_base: Duration::from_secs(1),
            account_delay_max: Duration::from_secs(5),
        }
    }

    #[test]
    fn the_account_delay_grows_and_is_capped() {
        let l = limits();
        let delays: Vec<u64> = (0..8).map(|n| l.account_delay(n).as_secs()).collect();
        assert_eq!(delays, vec![0, 0, 1, 2, 4, 5, 5, 5]);
        assert_eq!(l.account_delay(u32::MAX), Duration::from_secs(5));
    }

    #[test]
    fn failures_leak_away_one_per_period() {
        let f = Failures::new(Duration::from_secs(10));
        let t0 = Instant::now();
        let k = "a".to_owned();
        for _ in 0..3 {
            f.record(k.clone(), t0);
        }
        assert_eq!(f.count(&k, t0), 3);
        assert_eq!(f.count(&k, t0 + Duration::from_secs(15)), 2);
        assert_eq!(f.count(&k, t0 + Duration::from_secs(31)), 0);
        // Burst 3: three failures are allowed, the fourth attempt waits 10 s.
        assert_eq!(f.wait(&k, 4, t0), None);
        assert_eq!(f.wait(&k, 3, t0), Some(Duration::from_secs(10)));
        f.clear(&k);
        assert_eq!(f.count(&k, t0), 0);
    }

    #[test]
    fn a_stranger_cannot_lock_the_account_from_another_address() {
        let l = LoginLimiter::new(&limits());
        let stranger: IpAddr = "203.0.113.9".parse().unwrap();
        let owner: IpAddr = "198.51.100.4".parse().unwrap();
        for _ in 0..2 {
            assert!(l.before_login(Some(stranger), "a@x.de").is_ok());
            l.failed(Some(stranger), "A@x.de");
        }
        assert!(matches!(
            l.before_login(Some(stranger), "a@x.de"),
            Err(Refused::TryAgainIn(w)) if w > Duration::from_secs(50)
        ));
        // The owner, elsewhere, may still log in; only a delay grows with the failures.
        assert_eq!(
            l.before_login(Some(owner), "a@x.de"),
            Ok(Duration::from_secs(1))
        );
        l.succeeded(Some(owner), "a@x.de");
        assert_eq!(l.before_login(Some(owner), "a@x.de"), Ok(Duration::ZERO));
    }

    #[test]
    fn every_attempt_counts_for_the_address() {
        let l = LoginLimiter::new(&LoginLimits {
            per_ip_burst: 3,
            ..limits()
        });
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for account in ["a", "b", "c"] {
            assert!(l.before_login(Some(ip), account).is_ok());
        }
        assert!(l.before_login(Some(ip), "d").is_err());
        assert!(l.check_address(Some(ip)).is_err());
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        assert!(l.before_login(Some(other), "d").is_ok());
    }
}
