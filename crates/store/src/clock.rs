//! The one clock of Lernweg: every "now" and "today" of the store, the application layer and
//! the web layer is read here, in Europe/Berlin (`chrono-tz`, no hand-written summer time).
//!
//! Production uses [`Clock::system`]; tests set the time with [`Clock::fixed`] (and move it with
//! [`Clock::set`]) so that "today" is the same on every machine and in every time zone.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Berlin;
use chrono_tz::Tz;

/// A source of the current time. Cheap to clone; clones of a fixed clock share its time.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    fixed: Option<Arc<RwLock<DateTime<Utc>>>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock that stands at `at` until [`Clock::set`] moves it.
    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock {
            fixed: Some(Arc::new(RwLock::new(at))),
        }
    }

    /// A clock that stands at noon (Europe/Berlin) of `day`.
    pub fn fixed_day(day: NaiveDate) -> Clock {
        Clock::fixed(berlin_noon(day))
    }

    /// Moves a fixed clock (and its clones) to `at`. A system clock ignores it.
    pub fn set(&self, at: DateTime<Utc>) {
        if let Some(t) = &self.fixed {
            *t.write().unwrap_or_else(|e| e.into_inner()) = at;
        }
    }

    /// Moves a fixed clock to noon (Europe/Berlin) of `day`.
    pub fn set_day(&self, day: NaiveDate) {
        self.set(berlin_noon(day));
    }

    /// Now, in UTC (for stored timestamps).
    pub fn now_utc(&self) -> DateTime<Utc> {
        match &self.fixed {
            Some(t) => *t.read().unwrap_or_else(|e| e.into_inner()),
            None => Utc::now(),
        }
    }

    /// Now, as wall-clock time in Germany.
    pub fn now(&self) -> DateTime<Tz> {
        self.now_utc().with_timezone(&Berlin)
    }

    /// Today's date in Germany.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// Noon of `day` in Europe/Berlin, in UTC (noon exists on every day, also at DST switches).
fn berlin_noon(day: NaiveDate) -> DateTime<Utc> {
    Berlin
        .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()))
        .single()
        .map_or_else(
            || Utc.from_utc_datetime(&day.and_time(NaiveTime::default())),
            |t| t.with_timezone(&Utc),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn today_is_the_date_in_germany_not_in_utc() {
        // 23:30 UTC on 31 December is already New Year's Day in Berlin (UTC+1) …
        let c = Clock::fixed(utc("2026-12-31T23:30:00Z"));
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        // … and 22:30 UTC in July is already the next day (UTC+2, summer time).
        c.set(utc("2027-07-14T22:30:00Z"));
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2027, 7, 15).unwrap());
        c.set(utc("2027-07-14T21:30:00Z"));
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2027, 7, 14).unwrap());
    }

    #[test]
    fn offsets_follow_the_eu_rule_at_the_switches() {
        // Summer time starts 2027-03-28 at 01:00 UTC and ends 2027-10-31 at 01:00 UTC.
        let c = Clock::fixed(utc("2027-03-28T00:59:00Z"));
        assert_eq!(c.now().to_rfc3339(), "2027-03-28T01:59:00+01:00");
        c.set(utc("2027-03-28T01:00:00Z"));
        assert_eq!(c.now().to_rfc3339(), "2027-03-28T03:00:00+02:00");
        c.set(utc("2027-10-31T00:59:00Z"));
        assert_eq!(c.now().to_rfc3339(), "2027-10-31T02:59:00+02:00");
        c.set(utc("2027-10-31T01:00:00Z"));
        assert_eq!(c.now().to_rfc3339(), "2027-10-31T02:00:00+01:00");
    }

    #[test]
    fn clones_of_a_fixed_clock_share_its_time() {
        let a = Clock::fixed_day(NaiveDate::from_ymd_opt(2027, 3, 28).unwrap());
        let b = a.clone();
        assert_eq!(b.now().to_rfc3339(), "2027-03-28T12:00:00+02:00");
        a.set_day(NaiveDate::from_ymd_opt(2027, 5, 1).unwrap());
        assert_eq!(b.today(), NaiveDate::from_ymd_opt(2027, 5, 1).unwrap());
    }

    #[test]
    fn the_system_clock_moves() {
        let c = Clock::system();
        c.set(utc("2000-01-01T00:00:00Z"));
        assert!(c.now_utc().timestamp() > 1_700_000_000);
    }
}
