//! How a timetable fits one participant's working life (MISSION §2.2, "no overload"): which
//! sessions fall into working time and so need release (Freistellung) or leave, and the weekly
//! load of work + sessions + self-study + travel against the limit. Unlike the planner's load
//! check, which repeats one assumed week, this follows the participant's own shifts week by
//! week, rotating plans and night shifts included.
//!
//! Per ISO week (Monday–Sunday) from the first to the last session:
//! `load = work − released + sessions + self-study + travel`, where work is the hours of the
//! shifts that start in that week, less those starting on a public holiday; released is the
//! part of sessions inside a shift (counted once, as session hours); self-study runs for every
//! module from the week of its first to the week of its last session; travel is twice the
//! one-way minutes for every day with a presence session.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use lernweg_planner::HolidayCalendar;
use lernweg_planner::model::ClockTime;
use lernweg_planner::plan::iso_week_label;
use serde::Serialize;

use crate::work_pattern::{Shift, WorkPattern, monday_of};

/// One dated session as the check needs it (the caller leaves out cancelled ones).
#[derive(Debug, Clone, PartialEq)]
pub struct FitSession {
    pub date: NaiveDate,
    /// `None` for self-paced units (no clock time: they collide with nothing).
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub hours: f64,
    /// True if the participant travels to it (presence, not online).
    pub travel: bool,
    /// The module whose self-study runs while this session's module runs (lessons and
    /// self-paced units; `None` for kick-off, exams, exchange meetings).
    pub module: Option<i64>,
}

/// What the check compares.
pub struct FitInput<'a> {
    pub pattern: &'a WorkPattern,
    /// One way, per presence day.
    pub travel_minutes: u32,
    /// Sorted by date and start.
    pub sessions: &'a [FitSession],
    /// Self-study hours per week of each module.
    pub self_study: &'a BTreeMap<i64, f64>,
    pub limit_hours: f64,
}

/// A session inside working time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collision {
    /// Index into [`FitInput::sessions`].
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

fn minutes_between(a: NaiveDateTime, b: NaiveDateTime) -> i64 {
    (b - a).num_minutes().max(0)
}

/// Shifts that start on `date`, unless it is a public holiday, with their times.
fn working_shifts(
    pattern: &WorkPattern,
    holidays: &mut HolidayCalendar,
    date: NaiveDate,
) -> Vec<(Shift, NaiveDateTime, NaiveDateTime)> {
    if holidays.is_holiday(date) {
        return Vec::new();
    }
    pattern
        .week_of(date)
        .iter()
        .filter(|s| s.weekday == date.weekday())
        .map(|s| {
            let (a, b) = s.on(date);
            (*s, a, b)
        })
        .collect()
}

/// The shifts a session on `date` from `start` to `end` overlaps (also a night shift of the
/// day before; an end not after the start runs into the next day), as (shift, the day it
/// starts, minutes of overlap). Shifts starting on a public holiday are days off.
pub fn shifts_during(
    pattern: &WorkPattern,
    holidays: &mut HolidayCalendar,
    date: NaiveDate,
    start: ClockTime,
    end: ClockTime,
) -> Vec<(Shift, NaiveDate, i64)> {
    let from = date.and_time(start.to_naive());
    let mut to = date.and_time(end.to_naive());
    if to <= from {
        to += Duration::days(1);
    }
    let mut out = Vec::new();
    for day in [date - Duration::days(1), date] {
        for (shift, a, b) in working_shifts(pattern, holidays, day) {
            let overlap = minutes_between(from.max(a), to.min(b));
            if overlap > 0 {
                out.push((shift, day, overlap));
            }
        }
    }
    out
}

/// Checks the sessions against the participant's shifts and load limit. Public holidays of
/// `holidays` (the cohort's state) are days off work.
pub fn check_fit(input: &FitInput, holidays: &mut HolidayCalendar) -> Fit {
    let mut collisions = Vec::new();
    let mut released: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for (i, s) in input.sessions.iter().enumerate() {
        let (Some(start), Some(end)) = (s.start, s.end) else {
            continue;
        };
        for (shift, day, overlap) in shifts_during(input.pattern, holidays, s.date, start, end) {
            *released.entry(monday_of(s.date)).or_default() += overlap;
            collisions.push(Collision {
                session: i,
                date: s.date,
                overlap_hours: round2(overlap as f64 / 60.0),
                shift_date: day,
                shift_start: shift.start,
                shift_end: shift.end,
            });
        }
    }

    let mut module_weeks: BTreeMap<i64, (NaiveDate, NaiveDate)> = BTreeMap::new();
    for s in input.sessions {
        if let Some(m) = s.module {
            let w = monday_of(s.date);
            let e = module_weeks.entry(m).or_insert((w, w));
            e.0 = e.0.min(w);
            e.1 = e.1.max(w);
        }
    }

    let mut weeks = Vec::new();
    let (Some(first), Some(last)) = (
        input.sessions.iter().map(|s| s.date).min(),
        input.sessions.iter().map(|s| s.date).max(),
    ) else {
        return Fit {
            limit_hours: input.limit_hours,
            collisions,
            release_hours: 0.0,
            avg_weekly_hours: 0.0,
            peak_weekly_hours: 0.0,
            weeks_over_limit: 0,
            weeks,
        };
    };
    let mut monday = monday_of(first);
    let mut with_sessions = Vec::new();
    while monday <= monday_of(last) {
        let sunday = monday + Duration::days(6);
        let in_week: Vec<&FitSession> = input
            .sessions
            .iter()
            .filter(|s| s.date >= monday && s.date <= sunday)
            .collect();
        let work_minutes: i64 = (0..7)
            .flat_map(|d| working_shifts(input.pattern, holidays, monday + Duration::days(d)))
            .map(|(_, a, b)| minutes_between(a, b))
            .sum();
        let session_hours: f64 = in_week.iter().map(|s| s.hours).sum();
        let travel_days: BTreeSet<NaiveDate> = in_week
            .iter()
            .filter(|s| s.travel)
            .map(|s| s.date)
            .collect();
        let travel_hours = travel_days.len() as f64 * 2.0 * f64::from(input.travel_minutes) / 60.0;
        let self_study_hours: f64 = module_weeks
            .iter()
            .filter(|(_, (a, b))| *a <= monday && monday <= *b)
            .map(|(m, _)| input.self_study.get(m).copied().unwrap_or(0.0))
            .sum();
        let work_hours = work_minutes as f64 / 60.0;
        let released_hours = *released.get(&monday).unwrap_or(&0) as f64 / 60.0;
        let total = work_hours - released_hours + session_hours + self_study_hours + travel_hours;
        let week = WeekFit {
            week: iso_week_label(monday),
            monday,
            work_hours: round2(work_hours),
            released_hours: round2(released_hours),
            session_hours: round2(session_hours),
            self_study_hours: round2(self_study_hours),
            travel_hours: round2(travel_hours),
            total_hours: round2(total),
            over_limit: total > input.limit_hours + 1e-9,
        };
        if !in_week.is_empty() {
            with_sessions.push(week.total_hours);
        }
        weeks.push(week);
        monday += Duration::days(7);
    }
    let avg = with_sessions.iter().sum::<f64>() / with_sessions.len().max(1) as f64;
    Fit {
        limit_hours: input.limit_hours,
        release_hours: round2(collisions.iter().map(|c| c.overlap_hours).sum()),
        collisions,
        avg_weekly_hours: round2(avg),
        peak_weekly_hours: weeks.iter().map(|w| w.total_hours).fold(0.0, f64::max),
        weeks_over_limit: weeks.iter().filter(|w| w.over_limit).count(),
        weeks,
    }
}

#[cfg(test)]
mod tests {
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
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .into_iter()
        .map(|w| Shift::new(w, t(from), t(to)).unwrap())
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
    fn nw() -> HolidayCalendar {
        HolidayCalendar::new(State::parse("NW").unwrap())
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
        let fit = check_fit(
            &FitInput {
                pattern: &pattern,
                travel_minutes: 30,
                sessions: &sessions,
                self_study: &study,
                limit_hours: 48.0,
            },
            &mut nw(),
        );
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
        let fit = check_fit(
            &FitInput {
                pattern: &pattern,
                travel_minutes: 0,
                sessions: &sessions,
                self_study: &BTreeMap::new(),
                limit_hours: 48.0,
            },
            &mut nw(),
        );
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
        let fit = check_fit(
            &FitInput {
                pattern: &pattern,
                travel_minutes: 45,
                sessions: &sessions,
                self_study: &study,
                limit_hours: 50.0,
            },
            &mut nw(),
        );
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
    fn no_sessions_no_weeks() {
        let pattern = three_shift();
        let fit = check_fit(
            &FitInput {
                pattern: &pattern,
                travel_minutes: 0,
                sessions: &[],
                self_study: &BTreeMap::new(),
                limit_hours: 48.0,
            },
            &mut nw(),
        );
        assert!(fit.weeks.is_empty() && fit.collisions.is_empty());
        assert_eq!(fit.peak_weekly_hours, 0.0);
    }
}
