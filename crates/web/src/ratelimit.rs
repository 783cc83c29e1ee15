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
//!
//! The failures live in the database (`login_failures`), so that several instances behind one
//! proxy share them; the per-address governor is kept in memory (each instance counts the
//! attempts it sees).

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use lernweg_app::{App, AppError, sessions};

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

/// Failures as a leaky bucket: each failure adds one `period` to the key's level, time drains
/// it. With `left` of the level still to drain, the failures not yet forgotten.
fn count(left: Duration, period: Duration) -> u32 {
    let period = period.max(Duration::from_millis(1));
    u32::try_from(left.as_nanos().div_ceil(period.as_nanos())).unwrap_or(u32::MAX)
}

/// How long until fewer than `burst` failures are remembered again (`None`: they are now).
fn wait(left: Duration, burst: u32, period: Duration) -> Option<Duration> {
    let allowed = period.max(Duration::from_millis(1)) * burst.saturating_sub(1);
    (left > allowed).then(|| left - allowed)
}

/// The database key of an account's failures (from anywhere).
fn account_key(account: &str) -> String {
    format!("a:{account}")
}

/// The database key of the failures of an account from one address.
fn pair_key(account: &str, ip: Option<IpAddr>) -> String {
    match ip {
        Some(ip) => format!("p:{account} {ip}"),
        None => format!("p:{account} -"),
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
    pub async fn before_login(
        &self,
        app: &App,
        ip: Option<IpAddr>,
        account: &str,
    ) -> Result<Result<Duration, Refused>, AppError> {
        if let Err(refused) = self.check_address(ip) {
            return Ok(Err(refused));
        }
        let account = account.to_lowercase();
        let keys = [pair_key(&account, ip), account_key(&account)];
        let left = sessions::failures_left(app, &[&keys[0], &keys[1]]).await?;
        let l = &self.limits;
        if let Some(w) = wait(left[0], l.per_pair_burst, l.per_pair_period) {
            return Ok(Err(Refused::TryAgainIn(w)));
        }
        Ok(Ok(l.account_delay(count(left[1], l.account_period))))
    }

    /// An invitation redemption from `ip`: every attempt counts for the address and, like a
    /// failed login, for the pair (redemption, address).
    pub async fn check_redemption(
        &self,
        app: &App,
        ip: Option<IpAddr>,
    ) -> Result<Result<(), Refused>, AppError> {
        if let Err(refused) = self.check_address(ip) {
            return Ok(Err(refused));
        }
        let key = pair_key(REDEMPTION, ip);
        let left = sessions::failures_left(app, &[&key]).await?;
        let l = &self.limits;
        if let Some(w) = wait(left[0], l.per_pair_burst, l.per_pair_period) {
            return Ok(Err(Refused::TryAgainIn(w)));
        }
        sessions::record_failure(app, &key, l.per_pair_period).await?;
        Ok(Ok(()))
    }

    /// A failed login: counts for the pair and for the account.
    pub async fn failed(
        &self,
        app: &App,
        ip: Option<IpAddr>,
        account: &str,
    ) -> Result<(), AppError> {
        let account = account.to_lowercase();
        let l = &self.limits;
        sessions::record_failure(app, &pair_key(&account, ip), l.per_pair_period).await?;
        sessions::record_failure(app, &account_key(&account), l.account_period).await
    }

    /// A successful login: the account's and the pair's failures are forgotten.
    pub async fn succeeded(
        &self,
        app: &App,
        ip: Option<IpAddr>,
        account: &str,
    ) -> Result<(), AppError> {
        let account = account.to_lowercase();
        let keys = [pair_key(&account, ip), account_key(&account)];
        sessions::forget_failures(app, &[&keys[0], &keys[1]]).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lernweg_store::testing::TestDb;

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

    #[tokio::test]
    async fn failures_leak_away_one_per_period() {
        let db = TestDb::new().await;
        let t0 = chrono::DateTime::parse_from_rfc3339("2027-05-03T08:00:00Z").unwrap();
        let clock = lernweg_store::Clock::fixed(t0.into());
        let app = App::new(db.store.clone().with_clock(clock.clone()));
        let period = Duration::from_secs(10);
        for _ in 0..3 {
            sessions::record_failure(&app, "a", period).await.unwrap();
        }
        let left =
            |app: App| async move { sessions::failures_left(&app, &["a"]).await.unwrap()[0] };
        assert_eq!(count(left(app.clone()).await, period), 3);
        clock.set((t0 + chrono::TimeDelta::seconds(15)).into());
        assert_eq!(count(left(app.clone()).await, period), 2);
        clock.set((t0 + chrono::TimeDelta::seconds(31)).into());
        assert_eq!(count(left(app.clone()).await, period), 0);
        // A drained bucket fills from now again.
        sessions::record_failure(&app, "a", period).await.unwrap();
        assert_eq!(count(left(app.clone()).await, period), 1);
        clock.set(t0.into());
        let full = Duration::from_secs(30);
        // Burst 3: three failures are allowed, the fourth attempt waits 10 s.
        assert_eq!(wait(full, 4, period), None);
        assert_eq!(wait(full, 3, period), Some(Duration::from_secs(10)));
        sessions::forget_failures(&app, &["a"]).await.unwrap();
        assert_eq!(left(app.clone()).await, Duration::ZERO);
    }

    #[tokio::test]
    async fn a_stranger_cannot_lock_the_account_from_another_address() {
        let db = TestDb::new().await;
        let app = App::new(db.store.clone());
        let l = LoginLimiter::new(&limits());
        let before = |ip: IpAddr| {
            let (l, app) = (&l, &app);
            async move { l.before_login(app, Some(ip), "a@x.de").await.unwrap() }
        };
        let stranger: IpAddr = "203.0.113.9".parse().unwrap();
        let owner: IpAddr = "198.51.100.4".parse().unwrap();
        for _ in 0..2 {
            assert!(before(stranger).await.is_ok());
            l.failed(&app, Some(stranger), "A@x.de").await.unwrap();
        }
        assert!(matches!(
            before(stranger).await,
            Err(Refused::TryAgainIn(w)) if w > Duration::from_secs(50)
        ));
        // The owner, elsewhere, may still log in; only a delay grows with the failures.
        assert_eq!(before(owner).await, Ok(Duration::from_secs(1)));
        l.succeeded(&app, Some(owner), "a@x.de").await.unwrap();
        assert_eq!(before(owner).await, Ok(Duration::ZERO));
    }

    #[tokio::test]
    async fn every_attempt_counts_for_the_address() {
        let db = TestDb::new().await;
        let app = App::new(db.store.clone());
        let l = LoginLimiter::new(&LoginLimits {
            per_ip_burst: 3,
            ..limits()
        });
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for account in ["a", "b", "c"] {
            assert!(
                l.before_login(&app, Some(ip), account)
                    .await
                    .unwrap()
                    .is_ok()
            );
        }
        assert!(l.before_login(&app, Some(ip), "d").await.unwrap().is_err());
        assert!(l.check_address(Some(ip)).is_err());
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        assert!(
            l.before_login(&app, Some(other), "d")
                .await
                .unwrap()
                .is_ok()
        );
    }

    #[tokio::test]
    async fn failures_on_two_instances_add_up() {
        let db = TestDb::new().await;
        let a = App::new(db.store.clone());
        let b = App::new(lernweg_store::Store::open(&db.target).await.unwrap());
        let (la, lb) = (LoginLimiter::new(&limits()), LoginLimiter::new(&limits()));
        let ip: IpAddr = "203.0.113.9".parse().unwrap();
        la.failed(&a, Some(ip), "a@x.de").await.unwrap();
        lb.failed(&b, Some(ip), "a@x.de").await.unwrap();
        // Burst 2 per pair: the third attempt is refused on either instance.
        assert!(
            la.before_login(&a, Some(ip), "a@x.de")
                .await
                .unwrap()
                .is_err()
        );
        assert!(
            lb.before_login(&b, Some(ip), "a@x.de")
                .await
                .unwrap()
                .is_err()
        );
        b.store.close().await;
    }
}
