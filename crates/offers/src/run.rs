//! A cohort's run in time: where it stands on a day (coming, running since its start, ended),
//! whether people can still join, which of its dates count as "next", and which lifecycle
//! status its dates imply. The catalogue, the cohort pages and the portal all ask here, with
//! "today" from the application's one clock.
//!
//! The rules:
//! - A run is *coming* before its first day, *running* from its first to its last day (both
//!   included) and *ended* after its last day. Without a known last day it never ends by its
//!   dates.
//! - Joining is possible before the start and, once it runs, until a quarter of its days from
//!   the first to the last have passed ([`JOIN_SHARE`]): what was missed can still be made up.
//!   Without a known last day, joining is possible only until the first day.
//! - A *next* date is today or later; a run is offered (listed as a next start or as running)
//!   while its dates are binding (published or running) and it has not ended.
//! - The status a cohort has on a day moves its stored lifecycle status forward by its dates:
//!   a published cohort whose first day has come is running, a published or running one whose
//!   last day has passed is finished. A draft stays a draft (its dates are not binding), and
//!   a status set further by hand (finished early) stays.

use chrono::NaiveDate;
use lernweg_domain::CohortStatus;

/// The share of a run's days (first to last) during which people can still join it.
pub const JOIN_SHARE: (i64, i64) = (1, 4);

/// Where a run stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Its first day is still to come.
    Coming,
    /// Between its first and last day (both included).
    Running,
    /// Its last day has passed.
    Ended,
}

impl Phase {
    /// A stable code, e.g. for Fluent ids (`coming`, `running`, `ended`).
    pub fn code(self) -> &'static str {
        match self {
            Phase::Coming => "coming",
            Phase::Running => "running",
            Phase::Ended => "ended",
        }
    }
}

/// The dates of a run: its first day and, when its timetable is known, its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Run {
    pub fn new(start: NaiveDate, end: Option<NaiveDate>) -> Run {
        Run { start, end }
    }

    /// Where the run stands on `today`.
    pub fn phase(&self, today: NaiveDate) -> Phase {
        if today < self.start {
            Phase::Coming
        } else if self.end.is_some_and(|end| today > end) {
            Phase::Ended
        } else {
            Phase::Running
        }
    }

    /// The last day on which people can still join (see the module's rules).
    pub fn join_until(&self) -> NaiveDate {
        match self.end {
            Some(end) if end > self.start => {
                let days = (end - self.start).num_days();
                self.start + chrono::Duration::days(days * JOIN_SHARE.0 / JOIN_SHARE.1)
            }
            _ => self.start,
        }
    }

    /// Whether people can still join on `today`.
    pub fn can_join(&self, today: NaiveDate) -> bool {
        today <= self.join_until()
    }

    /// The lifecycle status the run has on `today`: `stored` moved forward by the dates.
    pub fn status(&self, stored: CohortStatus, today: NaiveDate) -> CohortStatus {
        let by_dates = match self.phase(today) {
            Phase::Coming => CohortStatus::Published,
            Phase::Running => CohortStatus::Running,
            Phase::Ended => CohortStatus::Finished,
        };
        if stored == CohortStatus::Draft || rank(stored) >= rank(by_dates) {
            stored
        } else {
            by_dates
        }
    }

    /// Whether the run is offered on `today`: binding dates and not ended (by its dates or
    /// by hand).
    pub fn is_offered(&self, stored: CohortStatus, today: NaiveDate) -> bool {
        matches!(
            self.status(stored, today),
            CohortStatus::Published | CohortStatus::Running
        )
    }
}

fn rank(s: CohortStatus) -> usize {
    CohortStatus::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or_default()
}

/// Whether a date counts as "next" on `today`: today or later.
pub fn is_next(date: NaiveDate, today: NaiveDate) -> bool {
    date >= today
}

#[cfg(test)]
mod tests {
    use super::*;
    use CohortStatus::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn run() -> Run {
        // 100 days from the first to the last day.
        Run::new(d(2027, 1, 1), Some(d(2027, 4, 11)))
    }

    #[test]
    fn phase_follows_the_first_and_last_day() {
        let r = run();
        assert_eq!(r.phase(d(2026, 12, 31)), Phase::Coming);
        assert_eq!(r.phase(d(2027, 1, 1)), Phase::Running);
        assert_eq!(r.phase(d(2027, 4, 11)), Phase::Running);
        assert_eq!(r.phase(d(2027, 4, 12)), Phase::Ended);
        // Without a known end a started run never ends by its dates.
        let open = Run::new(d(2027, 1, 1), None);
        assert_eq!(open.phase(d(2030, 1, 1)), Phase::Running);
        assert_eq!(Phase::Ended.code(), "ended");
    }

    #[test]
    fn joining_is_possible_for_the_first_quarter() {
        let r = run();
        assert_eq!(r.join_until(), d(2027, 1, 26));
        assert!(r.can_join(d(2026, 11, 1)));
        assert!(r.can_join(d(2027, 1, 26)));
        assert!(!r.can_join(d(2027, 1, 27)));
        assert!(!r.can_join(d(2027, 5, 1)));
        // Without a known end: only until the first day.
        let open = Run::new(d(2027, 1, 1), None);
        assert!(open.can_join(d(2027, 1, 1)));
        assert!(!open.can_join(d(2027, 1, 2)));
    }

    #[test]
    fn status_moves_forward_by_the_dates() {
        let r = run();
        let before = d(2026, 12, 1);
        let during = d(2027, 2, 1);
        let after = d(2027, 5, 1);
        // A published cohort months after its start is running; after its end, finished.
        assert_eq!(r.status(Published, before), Published);
        assert_eq!(r.status(Published, during), Running);
        assert_eq!(r.status(Published, after), Finished);
        assert_eq!(r.status(Running, after), Finished);
        // Drafts are not binding; a status set further by hand stays.
        assert_eq!(r.status(Draft, after), Draft);
        assert_eq!(r.status(Finished, during), Finished);
        assert_eq!(r.status(Running, before), Running);
    }

    #[test]
    fn only_binding_runs_that_have_not_ended_are_offered() {
        let r = run();
        assert!(r.is_offered(Published, d(2026, 12, 1)));
        assert!(r.is_offered(Published, d(2027, 2, 1)));
        assert!(!r.is_offered(Published, d(2027, 5, 1)));
        assert!(!r.is_offered(Running, d(2027, 5, 1)));
        assert!(!r.is_offered(Draft, d(2026, 12, 1)));
        assert!(!r.is_offered(Finished, d(2027, 2, 1)));
    }

    #[test]
    fn next_dates_are_today_or_later() {
        assert!(is_next(d(2027, 1, 1), d(2027, 1, 1)));
        assert!(is_next(d(2027, 1, 2), d(2027, 1, 1)));
        assert!(!is_next(d(2026, 12, 31), d(2027, 1, 1)));
    }
}
