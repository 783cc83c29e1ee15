//! The one weekly-load engine ("no overload"): the weekly load next to the job and the sessions
//! inside working time. The planner's load check (`plan`: the offer's work pattern, one week
//! repeated) and the participant's fit check (`lernweg_participants::fit`: the person's own
//! shifts week by week, rotating plans and night shifts included) both call [`weekly_load`].
//!
//! Per ISO week (Monday–Sunday) from the first to the last session:
//! `load = work − released + sessions + self-study + travel`, where
//! * work: the hours of the shifts that start in that week, less those starting on a public
//!   holiday (days off); with contractual weekly hours ([`WorkWeeks::contract_hours`]), those
//!   hours less the holiday share of the shifts;
//! * released: the part of sessions inside a shift (a night shift of the day before included);
//!   the participant is released for it, so it is counted once, as session hours: never more
//!   than the session's hours, and never more than the week's work;
//! * sessions: hours of all sessions of the week (self-paced units included);
//! * self-study: the weekly self-study hours of every module running that week (from the week
//!   of its first to the week of its last lesson or unit);
//! * travel: twice the one-way minutes for every day with a session the participant travels to
//!   ([`SessionKind::travels`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::Serialize;

use crate::holidays::HolidayCalendar;
use crate::model::{ClockTime, OfferSpec, WeeklySlot, WorkPattern};
use crate::plan::{PlannedSession, SessionKind, iso_week_label, round2};
use crate::slots::{Blocker, monday_of};

/// A week above the limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekOverLimit {
    /// ISO week, e.g. "2027-W05".
    pub week: String,
    pub hours: f64,
}

/// The load of one week, itemised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekLoad {
    pub week: String,
    pub monday: NaiveDate,
    pub work_hours: f64,
    pub released_hours: f64,
    pub session_hours: f64,
    pub self_study_hours: f64,
    pub travel_hours: f64,
    pub total_hours: f64,
    pub has_sessions: bool,
}

/// The load check of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadReport {
    pub limit_hours: f64,
    /// Average over the weeks that have sessions.
    pub avg_weekly_hours: f64,
    pub peak_weekly_hours: f64,
    pub weeks_over_limit: Vec<WeekOverLimit>,
    /// Every week from the first to the last session.
    pub weekly: Vec<WeekLoad>,
}

/// A session during working time: needs release (Freistellung) or leave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseNeed {
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub title: String,
    pub kind: SessionKind,
    pub module: Option<usize>,
    pub uid: String,
    /// Hours of the session inside working time.
    pub overlap_hours: f64,
    /// The shift it overlaps.
    pub shift: WeeklySlot,
}

/// Working time week by week: a fixed weekly pattern, or a rotation whose weeks differ.
pub trait WorkWeeks {
    /// The shifts of the week that starts on Monday `monday`, each on the weekday it starts;
    /// an end not after the start runs into the next day.
    fn shifts(&self, monday: NaiveDate) -> Vec<WeeklySlot>;

    /// Contractual weekly hours, when they and not the sum of the shifts are the week's work.
    fn contract_hours(&self) -> Option<f64> {
        None
    }
}

impl WorkWeeks for WorkPattern {
    /// The same shifts every week; without shifts, Monday–Friday from 08:00, a fifth of the
    /// weekly hours a day.
    fn shifts(&self, _monday: NaiveDate) -> Vec<WeeklySlot> {
        if !self.shifts.is_empty() {
            return self.shifts.clone();
        }
        let daily = (self.weekly_hours.unwrap_or(0.0) * 12.0).round() as u16; // min/5
        let (Some(start), Some(end)) = (
            ClockTime::from_minutes(8 * 60),
            ClockTime::from_minutes((8 * 60 + daily).min(24 * 60 - 1)),
        ) else {
            return Vec::new();
        };
        if daily == 0 {
            return Vec::new();
        }
        std::iter::successors(Some(Weekday::Mon), |wd| Some(wd.succ()))
            .take(5)
            .map(|wd| WeeklySlot::new(wd, start, end))
            .collect()
    }

    fn contract_hours(&self) -> Option<f64> {
        self.weekly_hours
    }
}

/// One dated session as the engine needs it (the caller leaves out cancelled ones).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadSession {
    pub date: NaiveDate,
    /// `None` for self-paced units (no clock time: they collide with nothing).
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub hours: f64,
    /// True if the participant travels to it ([`SessionKind::travels`]).
    pub travel: bool,
    /// The module whose self-study runs while this session runs (lessons and self-paced
    /// units, [`SessionKind::counts_for_self_study`]; `None` for kick-off, exams, closing and
    /// exchange meetings).
    pub module: Option<i64>,
}

impl LoadSession {
    /// A planned session of an offer whose lessons are online or not, with the travel and
    /// self-study rules applied.
    pub fn planned(s: &PlannedSession, online_lessons: bool) -> LoadSession {
        LoadSession {
            date: s.date,
            start: s.start,
            end: s.end,
            hours: s.hours,
            travel: s.kind.travels(online_lessons),
            module: s
                .module
                .filter(|_| s.kind.counts_for_self_study())
                .and_then(|m| i64::try_from(m).ok()),
        }
    }
}

/// What the engine weighs.
pub struct LoadInput<'a> {
    /// The working time, week by week.
    pub pattern: &'a dyn WorkWeeks,
    /// One way, per day with a session the participant travels to.
    pub travel_minutes: u32,
    /// Sorted by date and start.
    pub sessions: &'a [LoadSession],
    /// Self-study hours per week of each module.
    pub self_study: &'a BTreeMap<i64, f64>,
    pub limit_hours: f64,
}

/// A session inside a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShiftOverlap {
    /// Index into [`LoadInput::sessions`].
    pub session: usize,
    pub shift: WeeklySlot,
    /// The day the shift starts (the day before for a night shift into the session's day).
    pub shift_date: NaiveDate,
    pub minutes: u32,
}

/// The result of [`weekly_load`].
#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyLoad {
    pub report: LoadReport,
    /// Every session–shift overlap, in the order of the sessions.
    pub overlaps: Vec<ShiftOverlap>,
}

/// The shifts of a [`WorkWeeks`] as dated intervals, one week fetched once; public holidays
/// are days off.
struct Worktime<'a> {
    work: &'a dyn WorkWeeks,
    holidays: &'a mut HolidayCalendar,
    weeks: BTreeMap<NaiveDate, Vec<WeeklySlot>>,
}

impl<'a> Worktime<'a> {
    fn new(work: &'a dyn WorkWeeks, holidays: &'a mut HolidayCalendar) -> Self {
        Worktime {
            work,
            holidays,
            weeks: BTreeMap::new(),
        }
    }

    fn week(&mut self, monday: NaiveDate) -> &[WeeklySlot] {
        self.weeks
            .entry(monday)
            .or_insert_with(|| self.work.shifts(monday))
    }

    /// Shifts that start on `date` (none on a public holiday) with their start and end.
    fn working(&mut self, date: NaiveDate) -> Vec<(WeeklySlot, NaiveDateTime, NaiveDateTime)> {
        if self.holidays.is_holiday(date) {
            return Vec::new();
        }
        self.week(monday_of(date))
            .iter()
            .filter(|s| s.weekday == date.weekday())
            .map(|s| {
                let a = date.and_time(s.start.to_naive());
                (*s, a, a + Duration::minutes(i64::from(slot_minutes(s))))
            })
            .collect()
    }

    /// The shifts a session on `date` from `start` to `end` overlaps (also a night shift of
    /// the day before; an end not after the start runs into the next day), with the day each
    /// shift starts and the overlap as date-times.
    fn during(
        &mut self,
        date: NaiveDate,
        start: ClockTime,
        end: ClockTime,
    ) -> Vec<(WeeklySlot, NaiveDate, NaiveDateTime, NaiveDateTime)> {
        let from = date.and_time(start.to_naive());
        let mut to = date.and_time(end.to_naive());
        if to <= from {
            to += Duration::days(1);
        }
        let mut out = Vec::new();
        for day in [date - Duration::days(1), date] {
            for (shift, a, b) in self.working(day) {
                let (a, b) = (from.max(a), to.min(b));
                if minutes_between(a, b) > 0 {
                    out.push((shift, day, a, b));
                }
            }
        }
        out
    }

    /// Work hours of the week starting `monday`.
    fn work_hours(&mut self, monday: NaiveDate) -> f64 {
        let all: u32 = self.week(monday).iter().map(slot_minutes).sum();
        let worked: u32 = (0..7)
            .flat_map(|d| self.working(monday + Duration::days(d)))
            .map(|(_, a, b)| minutes_between(a, b))
            .sum();
        match self.work.contract_hours() {
            Some(hours) if all == 0 => hours,
            Some(hours) => hours * f64::from(worked) / f64::from(all),
            None => f64::from(worked) / 60.0,
        }
    }
}

/// Minutes of a weekly shift; an end not after the start runs into the next day.
fn slot_minutes(s: &WeeklySlot) -> u32 {
    let (a, b) = (u32::from(s.start.minutes()), u32::from(s.end.minutes()));
    if b > a { b - a } else { 24 * 60 - a + b }
}

fn minutes_between(a: NaiveDateTime, b: NaiveDateTime) -> u32 {
    u32::try_from((b - a).num_minutes()).unwrap_or(0)
}

/// The shifts of `work` a session on `date` from `start` to `end` overlaps (also a night
/// shift of the day before; an end not after the start runs into the next day), as (shift,
/// the day it starts, minutes of overlap). Shifts starting on a public holiday are days off.
pub fn shifts_during(
    work: &dyn WorkWeeks,
    holidays: &mut HolidayCalendar,
    date: NaiveDate,
    start: ClockTime,
    end: ClockTime,
) -> Vec<(WeeklySlot, NaiveDate, u32)> {
    Worktime::new(work, holidays)
        .during(date, start, end)
        .into_iter()
        .map(|(shift, day, a, b)| (shift, day, minutes_between(a, b)))
        .collect()
}

/// Minutes covered by the intervals, each minute once (shifts that overlap each other).
fn covered_minutes(mut spans: Vec<(NaiveDateTime, NaiveDateTime)>) -> u32 {
    spans.sort();
    let mut total = 0;
    let mut reach: Option<NaiveDateTime> = None;
    for (a, b) in spans {
        let a = reach.map_or(a, |r| a.max(r));
        if b > a {
            total += minutes_between(a, b);
            reach = Some(b);
        }
    }
    total
}

/// The weekly load of `input.sessions` next to `input.work`, with the public holidays of
/// `holidays` as days off, and every session–shift overlap.
pub fn weekly_load(input: &LoadInput, holidays: &mut HolidayCalendar) -> WeeklyLoad {
    let mut time = Worktime::new(input.pattern, holidays);
    let mut overlaps = Vec::new();
    let mut released_by_week: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for (i, s) in input.sessions.iter().enumerate() {
        let (Some(start), Some(end)) = (s.start, s.end) else {
            continue;
        };
        let during = time.during(s.date, start, end);
        if during.is_empty() {
            continue;
        }
        let covered = covered_minutes(during.iter().map(|(_, _, a, b)| (*a, *b)).collect());
        // Counted once, as session hours: never more than the session's hours.
        *released_by_week.entry(monday_of(s.date)).or_default() +=
            (f64::from(covered) / 60.0).min(s.hours.max(0.0));
        overlaps.extend(
            during
                .into_iter()
                .map(|(shift, shift_date, a, b)| ShiftOverlap {
                    session: i,
                    shift,
                    shift_date,
                    minutes: minutes_between(a, b),
                }),
        );
    }

    // The weeks in which each module runs.
    let mut module_weeks: BTreeMap<i64, (NaiveDate, NaiveDate)> = BTreeMap::new();
    for s in input.sessions {
        if let Some(m) = s.module {
            let w = monday_of(s.date);
            let e = module_weeks.entry(m).or_insert((w, w));
            e.0 = e.0.min(w);
            e.1 = e.1.max(w);
        }
    }

    // Session hours and travel days per week.
    let mut by_week: BTreeMap<NaiveDate, (f64, BTreeSet<NaiveDate>)> = BTreeMap::new();
    for s in input.sessions {
        let e = by_week.entry(monday_of(s.date)).or_default();
        e.0 += s.hours;
        if s.travel {
            e.1.insert(s.date);
        }
    }

    let mut weekly = Vec::new();
    if let (Some(first), Some(last)) = (by_week.keys().next(), by_week.keys().next_back()) {
        let (mut monday, last) = (*first, *last);
        while monday <= last {
            let week = by_week.get(&monday);
            let session_hours = week.map_or(0.0, |w| w.0);
            let travel_days = week.map_or(0, |w| w.1.len());
            let work = time.work_hours(monday);
            let released = released_by_week
                .get(&monday)
                .copied()
                .unwrap_or(0.0)
                .min(work);
            let self_study: f64 = module_weeks
                .iter()
                .filter(|(_, (a, b))| *a <= monday && monday <= *b)
                .map(|(m, _)| input.self_study.get(m).copied().unwrap_or(0.0))
                .sum();
            let travel = travel_days as f64 * 2.0 * f64::from(input.travel_minutes) / 60.0;
            let total = work - released + session_hours + self_study + travel;
            weekly.push(WeekLoad {
                week: iso_week_label(monday),
                monday,
                work_hours: round2(work),
                released_hours: round2(released),
                session_hours: round2(session_hours),
                self_study_hours: round2(self_study),
                travel_hours: round2(travel),
                total_hours: round2(total),
                has_sessions: week.is_some(),
            });
            monday += Duration::days(7);
        }
    }
    WeeklyLoad {
        report: report(input.limit_hours, weekly),
        overlaps,
    }
}

/// Average, peak and the weeks above `limit`.
fn report(limit: f64, weekly: Vec<WeekLoad>) -> LoadReport {
    let with_sessions: Vec<f64> = weekly
        .iter()
        .filter(|w| w.has_sessions)
        .map(|w| w.total_hours)
        .collect();
    let avg = with_sessions.iter().sum::<f64>() / with_sessions.len().max(1) as f64;
    let peak = weekly.iter().map(|w| w.total_hours).fold(0.0, f64::max);
    let weeks_over_limit = weekly
        .iter()
        .filter(|w| w.total_hours > limit + 1e-9)
        .map(|w| WeekOverLimit {
            week: w.week.clone(),
            hours: w.total_hours,
        })
        .collect();
    LoadReport {
        limit_hours: limit,
        avg_weekly_hours: round2(avg),
        peak_weekly_hours: round2(peak),
        weeks_over_limit,
        weekly,
    }
}

impl OfferSpec {
    /// Self-study hours per week of each module, by 1-based module number.
    pub fn self_study_per_week(&self) -> BTreeMap<i64, f64> {
        (1..)
            .zip(&self.modules)
            .map(|(i, m)| (i, m.self_study_hours_per_week))
            .collect()
    }
}

/// The planner's load check: the plan's sessions against the offer's work pattern, with the
/// public holidays of the offer's state.
pub(crate) fn compute(
    spec: &OfferSpec,
    pattern: &WorkPattern,
    sessions: &[PlannedSession],
    limit: f64,
    blocker: &mut Blocker,
) -> (LoadReport, Vec<ReleaseNeed>) {
    let input: Vec<LoadSession> = sessions
        .iter()
        .map(|s| LoadSession::planned(s, spec.online_lessons))
        .collect();
    let self_study = spec.self_study_per_week();
    let load = weekly_load(
        &LoadInput {
            pattern,
            travel_minutes: pattern.travel_minutes,
            sessions: &input,
            self_study: &self_study,
            limit_hours: limit,
        },
        blocker.holidays(),
    );
    let release = load
        .overlaps
        .iter()
        .filter_map(|o| {
            let s = sessions.get(o.session)?;
            Some(ReleaseNeed {
                date: s.date,
                start: s.start?,
                end: s.end?,
                title: s.title.clone(),
                kind: s.kind,
                module: s.module,
                uid: s.uid.clone(),
                overlap_hours: round2(f64::from(o.minutes) / 60.0),
                shift: o.shift,
            })
        })
        .collect();
    (load.report, release)
}
