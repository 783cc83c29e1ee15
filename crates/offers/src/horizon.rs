//! The publication horizon (MISSION §2.2, issue 13 point 4): how many weeks before each date
//! people and their employers learned of it. Employers plan shifts and duties up to a year
//! ahead, so a date is best published 52 weeks before ([`GOAL_WEEKS`]); each provider sets the
//! minimum it holds itself to (default [`lernweg_domain::DEFAULT_MIN_PUBLICATION_WEEKS`]).
//!
//! The rules:
//! - A date of a published cohort was announced when the cohort was published, or when it was
//!   last changed (moved or added) if that was later: its new time was news then.
//! - The lead of a date is the whole weeks from the day it was announced to the day itself.
//! - A cancelled date has no lead. A date of a cohort not yet published has none either; for
//!   a draft the page shows what publishing today would give the first coming date.
//! - A lead below the minimum is short; at least [`GOAL_WEEKS`] meets the goal.

use chrono::NaiveDate;

/// The lead the paper asks for: dates a year ahead.
pub const GOAL_WEEKS: i64 = 52;

/// The day a date became known, if its cohort is published.
pub fn announced_on(
    cohort_published: Option<NaiveDate>,
    last_change: NaiveDate,
) -> Option<NaiveDate> {
    cohort_published.map(|p| p.max(last_change))
}

/// Whole weeks from `announced` to `date` (0 when announced on the day or later).
pub fn weeks_ahead(announced: NaiveDate, date: NaiveDate) -> i64 {
    (date - announced).num_days().max(0) / 7
}

/// How a lead compares with the provider's minimum and the goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// At least [`GOAL_WEEKS`].
    Goal,
    /// At least the minimum, short of the goal.
    Enough,
    /// Below the minimum.
    Short,
}

impl Lead {
    pub fn of(weeks: i64, minimum: u32) -> Lead {
        if weeks >= GOAL_WEEKS {
            Lead::Goal
        } else if weeks >= i64::from(minimum) {
            Lead::Enough
        } else {
            Lead::Short
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lead::Goal => "goal",
            Lead::Enough => "enough",
            Lead::Short => "short",
        }
    }
}

/// One date of a cohort as the horizon needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedSession {
    pub date: NaiveDate,
    /// The day of its last change (its `updated_at`).
    pub last_change: NaiveDate,
    pub cancelled: bool,
}

/// The horizon of a cohort: the lead of each date (in order) and what the page warns about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Horizon {
    /// Per date: weeks ahead and how that compares; `None` for a cancelled date or while the
    /// cohort is not published.
    pub leads: Vec<Option<(i64, Lead)>>,
    /// Dates published with less than the minimum lead.
    pub short: usize,
    /// The shortest lead of a date.
    pub shortest: Option<i64>,
    /// Not yet published: the lead the first date still to come would get if it were
    /// published today.
    pub if_published_today: Option<(i64, Lead)>,
}

/// The horizon of a cohort's dates, `published` being the day its dates became binding.
pub fn horizon(
    published: Option<NaiveDate>,
    sessions: &[DatedSession],
    minimum: u32,
    today: NaiveDate,
) -> Horizon {
    let leads: Vec<Option<(i64, Lead)>> = sessions
        .iter()
        .map(|s| {
            if s.cancelled {
                return None;
            }
            let announced = announced_on(published, s.last_change)?;
            let weeks = weeks_ahead(announced, s.date);
            Some((weeks, Lead::of(weeks, minimum)))
        })
        .collect();
    let short = leads
        .iter()
        .flatten()
        .filter(|(_, l)| *l == Lead::Short)
        .count();
    let shortest = leads.iter().flatten().map(|(w, _)| *w).min();
    let if_published_today = match published {
        Some(_) => None,
        None => sessions
            .iter()
            .filter(|s| !s.cancelled && s.date >= today)
            .map(|s| s.date)
            .min()
            .map(|first| {
                let weeks = weeks_ahead(today, first);
                (weeks, Lead::of(weeks, minimum))
            }),
    };
    Horizon {
        leads,
        short,
        shortest,
        if_published_today,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn s(date: NaiveDate, last_change: NaiveDate, cancelled: bool) -> DatedSession {
        DatedSession {
            date,
            last_change,
            cancelled,
        }
    }

    #[test]
    fn weeks_are_whole_weeks_and_never_negative() {
        assert_eq!(weeks_ahead(d(2027, 1, 4), d(2027, 1, 10)), 0);
        assert_eq!(weeks_ahead(d(2027, 1, 4), d(2027, 1, 11)), 1);
        assert_eq!(weeks_ahead(d(2026, 1, 5), d(2027, 1, 4)), 52);
        assert_eq!(weeks_ahead(d(2027, 2, 1), d(2027, 1, 4)), 0);
    }

    #[test]
    fn a_lead_is_rated_against_the_minimum_and_the_goal() {
        assert_eq!(Lead::of(52, 26), Lead::Goal);
        assert_eq!(Lead::of(51, 26), Lead::Enough);
        assert_eq!(Lead::of(26, 26), Lead::Enough);
        assert_eq!(Lead::of(25, 26), Lead::Short);
        // A provider whose minimum is the goal.
        assert_eq!(Lead::of(51, 52), Lead::Short);
    }

    #[test]
    fn a_moved_date_counts_from_its_change_and_a_cancelled_one_not_at_all() {
        let published = d(2026, 3, 2);
        let sessions = [
            // Published a year ahead.
            s(d(2027, 3, 1), d(2026, 2, 20), false),
            // Moved on 2026-12-01 to a day 8 weeks later.
            s(d(2027, 1, 26), d(2026, 12, 1), false),
            s(d(2027, 3, 8), d(2026, 2, 20), true),
        ];
        let h = horizon(Some(published), &sessions, 26, d(2026, 12, 3));
        assert_eq!(
            h.leads,
            [Some((52, Lead::Goal)), Some((8, Lead::Short)), None]
        );
        assert_eq!(h.short, 1);
        assert_eq!(h.shortest, Some(8));
        assert_eq!(h.if_published_today, None);
    }

    #[test]
    fn a_draft_shows_what_publishing_today_would_give() {
        let sessions = [
            s(d(2026, 11, 24), d(2026, 10, 1), false),
            s(d(2027, 3, 2), d(2026, 10, 1), false),
            s(d(2027, 3, 9), d(2026, 10, 1), false),
        ];
        let h = horizon(None, &sessions, 26, d(2026, 12, 3));
        assert_eq!(h.leads, [None, None, None]);
        assert_eq!(h.short, 0);
        assert_eq!(h.if_published_today, Some((12, Lead::Short)));
    }
}
