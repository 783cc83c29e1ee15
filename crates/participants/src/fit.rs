//! How a timetable fits one participant's working life (MISSION §2.2, "no overload"): which
//! sessions fall into working time and so need release (Freistellung) or leave, and the weekly
//! load of work + sessions + self-study + travel against the limit. The numbers come from the
//! planner's one weekly-load engine ([`lernweg_planner::weekly_load`], its rules documented in
//! `lernweg_planner::load`), fed with the participant's own shifts week by week: a
//! [`WorkPattern`] is a [`lernweg_planner::WorkWeeks`], rotating plans and night shifts
//! included. This module only turns the engine's result into the fit's own shape.
//!
//! Per ISO week (Monday–Sunday) from the first to the last session:
//! `load = work − released + sessions + self-study + travel`, where work is the hours of the
//! shifts that start in that week, less those starting on a public holiday; released is the
//! part of sessions inside a shift (counted once, as session hours: never more than the
//! session's hours nor the week's work); self-study runs for every module from the week of its
//! first to the week of its last session; travel is twice the one-way minutes for every day
//! with a session the participant travels to.

use chrono::NaiveDate;
use lernweg_planner::model::ClockTime;
use lernweg_planner::{HolidayCalendar, LoadInput, LoadSession};
use serde::Serialize;

use crate::work_pattern::{Shift, WorkPattern};

/// One dated session as the check needs it (the caller leaves out cancelled ones): the
/// engine's session; `travel` from [`lernweg_planner::SessionKind::travels`].
pub type FitSession = LoadSession;

/// What the check compares: the participant's [`WorkPattern`] (or any
/// [`lernweg_planner::WorkWeeks`]), the one-way travel minutes, the sessions sorted by date and
/// start, the self-study hours per week of each module and the load limit.
pub type FitInput<'a> = LoadInput<'a>;

/// A session inside working time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collision {
    /// Index into the input's sessions.
    pub session: usize,
    pub date: NaiveDate,
    /// Hours of the session inside the shift.
    pub overlap_hours: f64,
    /// The day the shift starts (the day before for a night shift into the session's day).
    pub shift_date: NaiveDate,
    pub shift_start: ClockTime,
    pub shift_end: ClockTime,
}

/// The load of one week, itemised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekFit {
    /// ISO week, e.g. "2027-W05".
    pub week: String,
    pub monday: NaiveDate,
    pub work_hours: f64,
    pub released_hours: f64,
    pub session_hours: f64,
    pub self_study_hours: f64,
    pub travel_hours: f64,
    pub total_hours: f64,
    pub over_limit: bool,
}

/// The result of [`check_fit`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fit {
    pub limit_hours: f64,
    pub collisions: Vec<Collision>,
    /// Hours of sessions inside working time: what release or leave must cover.
    pub release_hours: f64,
    /// Average over the weeks with sessions.
    pub avg_weekly_hours: f64,
    pub peak_weekly_hours: f64,
    pub weeks_over_limit: usize,
    /// Every week from the first to the last session.
    pub weeks: Vec<WeekFit>,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The shifts a session on `date` from `start` to `end` overlaps (also a night shift of the
/// day before; an end not after the start runs into the next day), as (shift, the day it
/// starts, minutes of overlap). Shifts starting on a public holiday are days off. The
/// engine's rule ([`lernweg_planner::shifts_during`]) for the participant's pattern.
pub fn shifts_during(
    pattern: &WorkPattern,
    holidays: &mut HolidayCalendar,
    date: NaiveDate,
    start: ClockTime,
    end: ClockTime,
) -> Vec<(Shift, NaiveDate, i64)> {
    lernweg_planner::shifts_during(pattern, holidays, date, start, end)
        .into_iter()
        .filter_map(|(slot, day, minutes)| Some((Shift::from_slot(slot)?, day, i64::from(minutes))))
        .collect()
}

/// Checks the sessions against the participant's shifts and load limit. Public holidays of
/// `holidays` (the cohort's state) are days off work.
pub fn check_fit(input: &FitInput, holidays: &mut HolidayCalendar) -> Fit {
    let load = lernweg_planner::weekly_load(input, holidays);
    let collisions: Vec<Collision> = load
        .overlaps
        .iter()
        .map(|o| Collision {
            session: o.session,
            date: input.sessions[o.session].date,
            overlap_hours: round2(f64::from(o.minutes) / 60.0),
            shift_date: o.shift_date,
            shift_start: o.shift.start,
            shift_end: o.shift.end,
        })
        .collect();
    let report = load.report;
    let weeks: Vec<WeekFit> = report
        .weekly
        .into_iter()
        .map(|w| WeekFit {
            over_limit: w.total_hours > report.limit_hours + 1e-9,
            week: w.week,
            monday: w.monday,
            work_hours: w.work_hours,
            released_hours: w.released_hours,
            session_hours: w.session_hours,
            self_study_hours: w.self_study_hours,
            travel_hours: w.travel_hours,
            total_hours: w.total_hours,
        })
        .collect();
    Fit {
        limit_hours: report.limit_hours,
        release_hours: round2(collisions.iter().map(|c| c.overlap_hours).sum()),
        collisions,
        avg_weekly_hours: report.avg_weekly_hours,
        peak_weekly_hours: report.peak_weekly_hours,
        weeks_over_limit: report.weeks_over_limit.len(),
        weeks,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::Weekday;
    use lernweg_domain::State;

    use super::*;

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn week(from: &str, to: &str) -> Vec<Shift> {
        crate::WEEKDAYS[..5]
            .iter()
            .map(|w| Shift::new(*w, t(from), t(to)).unwrap())
            .collect()
    }
    fn session(date: &str, from: &str, to: &str, module: Option<i64>) -> FitSession {
        let (a, b) = (t(from), t(to));
        FitSession {
            date: d(date),
            start: Some(a),
            end: Some(b),
            hours: f64::from(b.minutes() - a.minutes()) / 60.0,
            travel: true,
            module,
        }
    }
    /// The check with the public holidays of North Rhine-Westphalia.
    fn check(
        pattern: &WorkPattern,
        travel_minutes: u32,
        sessions: &[FitSession],
        self_study: &BTreeMap<i64, f64>,
        limit_hours: f64,
    ) -> Fit {
        let input = FitInput {
            pattern,
            travel_minutes,
            sessions,
            self_study,
            limit_hours,
        };
        check_fit(&input, &mut HolidayCalendar::new(State::NW))
    }

    /// Early / late / night, three weeks from Monday 2027-01-04.
    fn three_shift() -> WorkPattern {
        WorkPattern::rotating(
            d("2027-01-04"),
            vec![
                week("06:00", "14:00"),
                week("14:00", "22:00"),
                week("22:00", "06:00"),
            ],
        )
        .unwrap()
    }

    #[test]
    fn an_evening_course_collides_only_in_the_late_week() {
        let pattern = three_shift();
        // Tuesday 18:00–21:00 for three weeks.
        let sessions = vec![
            session("2027-01-05", "18:00", "21:00", Some(1)),
            session("2027-01-12", "18:00", "21:00", Some(1)),
            session("2027-01-19", "18:00", "21:00", Some(1)),
        ];
        let study = BTreeMap::from([(1, 2.0)]);
        let fit = check(&pattern, 30, &sessions, &study, 48.0);
        assert_eq!(fit.collisions.len(), 1);
        let c = &fit.collisions[0];
        assert_eq!((c.session, c.overlap_hours), (1, 3.0));
        assert_eq!(c.shift_start, t("14:00"));
        assert_eq!(fit.release_hours, 3.0);
        // Week 1: 40 work + 3 session + 2 study + 1 travel = 46.
        assert_eq!(fit.weeks[0].total_hours, 46.0);
        // Week 2: the released 3 h are counted once.
        assert_eq!(fit.weeks[1].released_hours, 3.0);
        assert_eq!(fit.weeks[1].total_hours, 43.0);
        assert_eq!(fit.weeks_over_limit, 0);
        assert_eq!(fit.peak_weekly_hours, 46.0);
    }

    #[test]
    fn a_night_shift_of_the_day_before_collides_with_an_early_session() {
        let pattern = WorkPattern::Fixed {
            shifts: vec![Shift::new(Weekday::Fri, t("22:00"), t("06:00")).unwrap()],
        };
        let sessions = vec![session("2027-03-06", "05:00", "09:00", None)]; // Saturday
        let fit = check(&pattern, 0, &sessions, &BTreeMap::new(), 48.0);
        assert_eq!(fit.collisions.len(), 1);
        assert_eq!(fit.collisions[0].shift_date, d("2027-03-05"));
        assert_eq!(fit.collisions[0].overlap_hours, 1.0);
    }

    #[test]
    fn holidays_are_days_off_and_heavy_weeks_are_flagged() {
        let pattern = WorkPattern::Fixed {
            shifts: week("08:00", "17:00"),
        };
        // Easter Monday 2027-03-29 is a holiday in NW: no work, so a session that day is
        // no collision; Saturday block of 8 h in the week after.
        let sessions = vec![
            session("2027-03-29", "09:00", "16:00", Some(1)),
            session("2027-04-10", "09:00", "17:00", Some(1)),
        ];
        let study = BTreeMap::from([(1, 4.0)]);
        let fit = check(&pattern, 45, &sessions, &study, 50.0);
        assert!(fit.collisions.is_empty());
        // Week of Easter Monday: 36 work (4 × 9) + 7 + 4 + 1.5 travel.
        assert_eq!(fit.weeks[0].work_hours, 36.0);
        assert_eq!(fit.weeks[0].total_hours, 48.5);
        assert!(!fit.weeks[0].over_limit);
        // Next week: 45 + 8 + 4 + 1.5 = 58.5 > 50.
        assert_eq!(fit.weeks[1].total_hours, 58.5);
        assert!(fit.weeks[1].over_limit);
        assert_eq!(fit.weeks_over_limit, 1);
        assert_eq!(fit.avg_weekly_hours, 53.5);
    }

    #[test]
    fn released_hours_are_capped_at_the_work_of_the_week() {
        // Week 1 ends with a Sunday night shift; week 2 has no shifts. A session early on
        // Monday of week 2 falls into that night shift: it needs release, but the week holds
        // no work to be released from, so nothing is subtracted.
        let sunday_night = vec![Shift::new(Weekday::Sun, t("22:00"), t("06:00")).unwrap()];
        let pattern = WorkPattern::rotating(d("2027-03-01"), vec![sunday_night, vec![]]).unwrap();
        let sessions = vec![session("2027-03-08", "04:00", "06:00", None)];
        let fit = check(&pattern, 0, &sessions, &BTreeMap::new(), 48.0);
        assert_eq!(fit.collisions.len(), 1);
        assert_eq!(fit.collisions[0].shift_date, d("2027-03-07"));
        assert_eq!(fit.release_hours, 2.0);
        let w = &fit.weeks[0];
        assert_eq!((w.work_hours, w.released_hours), (0.0, 0.0));
        assert_eq!(w.total_hours, 2.0);
    }

    #[test]
    fn no_sessions_no_weeks() {
        let pattern = three_shift();
        let fit = check(&pattern, 0, &[], &BTreeMap::new(), 48.0);
        assert!(fit.weeks.is_empty() && fit.collisions.is_empty());
        assert_eq!(fit.peak_weekly_hours, 0.0);
    }
}
