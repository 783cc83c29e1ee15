//! Login attempts are limited per account and per client address (governor's GCRA).

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// How many login attempts are allowed: `burst` at once, then one every `period`.
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    pub per_account_burst: u32,
    pub per_account_period: Duration,
    pub per_ip_burst: u32,
    pub per_ip_period: Duration,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_account_burst: 5,
            per_account_period: Duration::from_secs(60),
            per_ip_burst: 20,
            per_ip_period: Duration::from_secs(10),
        }
    }
}

pub struct LoginLimiter {
    accounts: DefaultKeyedRateLimiter<String>,
    ips: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
}

fn quota(burst: u32, period: Duration) -> Quota {
    let period = if period.is_zero() {
        Duration::from_millis(1)
    } else {
        period
    };
    Quota::with_period(period)
        .expect("non-zero period")
        .allow_burst(NonZeroU32::new(burst.max(1)).expect("burst at least 1"))
}

impl LoginLimiter {
    pub fn new(limits: &LoginLimits) -> Self {
        LoginLimiter {
            accounts: RateLimiter::keyed(quota(
                limits.per_account_burst,
                limits.per_account_period,
            )),
            ips: RateLimiter::keyed(quota(limits.per_ip_burst, limits.per_ip_period)),
            clock: DefaultClock::default(),
        }
    }

    /// Counts one attempt. `Err(wait)` when the address or the account is over its limit.
    pub fn check(&self, ip: Option<IpAddr>, account: &str) -> Result<(), Duration> {
        if let Some(ip) = ip
            && let Err(not_until) = self.ips.check_key(&ip)
        {
            return Err(not_until.wait_time_from(self.clock.now()));
        }
        if let Err(not_until) = self.accounts.check_key(&account.to_lowercase()) {
            return Err(not_until.wait_time_from(self.clock.now()));
        }
        if self.accounts.len() > 100_000 {
            self.accounts.retain_recent();
            self.ips.retain_recent();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_account_and_per_ip() {
        let limits = LoginLimits {
            per_account_burst: 2,
            per_account_period: Duration::from_secs(60),
            per_ip_burst: 3,
            per_ip_period: Duration::from_secs(60),
        };
        let l = LoginLimiter::new(&limits);
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        assert!(l.check(Some(ip), "a@x.de").is_ok());
        assert!(l.check(Some(ip), "A@x.de").is_ok());
        let wait = l.check(Some(ip), "a@x.de").unwrap_err();
        assert!(wait > Duration::from_secs(1));
        // Another account from the same address: the address has one attempt left... used above.
        assert!(
            l.check(Some(ip), "b@x.de").is_err(),
            "the address is over its limit"
        );
        let other_ip: IpAddr = "127.0.0.2".parse().unwrap();
        assert!(l.check(Some(other_ip), "b@x.de").is_ok());
    }
}
