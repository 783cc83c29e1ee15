//! Weekly load next to the job ("no overload") and the sessions that need release.
//!
//! Per ISO week (Monday–Sunday) from the first to the last session:
//! `load = work − released + sessions + self-study + travel`, where
//! * work: the work pattern's weekly hours, less the shifts that fall on public holidays;
//! * released: hours of presence sessions that overlap a shift (the participant is released for
//!   them, so they are counted once, as session hours);
//! * sessions: hours of all sessions of the week (self-paced units included);
//! * self-study: `self_study_hours_per_week` of every module running that week (from the week of
//!   its first to the week of its last lesson);
//! * travel: twice `travel_minutes` for every day with a presence session (lessons of an online
//!   offer excepted).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

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

/// Working time per weekday as minute intervals; night shifts are split at midnight.
struct Shifts {
    by_day: [Vec<(u16, u16, WeeklySlot)>; 7],
    weekly_minutes: u32,
    weekly_hours: f64,
}

impl Shifts {
    fn new(pattern: &WorkPattern) -> Shifts {
        let mut by_day: [Vec<(u16, u16, WeeklySlot)>; 7] = Default::default();
        let mut list = pattern.shifts.clone();
        if list.is_empty() {
            // Monday–Friday from 08:00, a fifth of the weekly hours a day.
            let daily = (pattern.weekly_hours.unwrap_or(0.0) * 12.0).round() as u16; // min/5
            let start = ClockTime::new(8, 0).expect("valid");
            if let Some(end) = ClockTime::from_minutes((480 + daily).min(24 * 60 - 1)) {
                for wd in [
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                ] {
                    if daily > 0 {
                        list.push(WeeklySlot::new(wd, start, end));
                    }
                }
            }
        }
        let mut weekly_minutes = 0;
        for s in &list {
            let label = *s;
            let d = s.weekday.num_days_from_monday() as usize;
            let (a, b) = (s.start.minutes(), s.end.minutes());
            if b > a {
                by_day[d].push((a, b, label));
                weekly_minutes += u32::from(b - a);
            } else {
                by_day[d].push((a, 24 * 60, label));
                by_day[(d + 1) % 7].push((0, b, label));
                weekly_minutes += u32::from(24 * 60 - a + b);
            }
        }
        let weekly_hours = pattern
            .weekly_hours
            .unwrap_or(f64::from(weekly_minutes) / 60.0);
        Shifts {
            by_day,
            weekly_minutes,
            weekly_hours,
        }
    }

    fn on(&self, date: NaiveDate) -> &[(u16, u16, WeeklySlot)] {
        &self.by_day[date.weekday().num_days_from_monday() as usize]
    }
}

/// Computes the weekly load and the sessions that need release.
pub(crate) fn compute(
    spec: &OfferSpec,
    pattern: &WorkPattern,
    sessions: &[PlannedSession],
    limit: f64,
    blocker: &mut Blocker,
) -> (LoadReport, Vec<ReleaseNeed>) {
    let shifts = Shifts::new(pattern);
    let mut release = Vec::new();
    let mut released_by_week: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for s in sessions {
        let (Some(start), Some(end)) = (s.start, s.end) else {
            continue;
        };
        if blocker.is_holiday(s.date) {
            continue;
        }
        for (a, b, label) in shifts.on(s.date) {
            let from = start.minutes().max(*a);
            let to = end.minutes().min(*b);
            if to > from {
                *released_by_week.entry(monday_of(s.date)).or_default() += u32::from(to - from);
                release.push(ReleaseNeed {
                    date: s.date,
                    start,
                    end,
                    title: s.title.clone(),
                    kind: s.kind,
                    module: s.module,
                    uid: s.uid.clone(),
                    overlap_hours: round2(f64::from(to - from) / 60.0),
                    shift: *label,
                });
            }
        }
    }

    // Weeks in which each module runs.
    let mut module_weeks: BTreeMap<usize, (NaiveDate, NaiveDate)> = BTreeMap::new();
    for s in sessions
        .iter()
        .filter(|s| matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced))
    {
        if let Some(m) = s.module {
            let w = monday_of(s.date);
            let e = module_weeks.entry(m).or_insert((w, w));
            e.0 = e.0.min(w);
            e.1 = e.1.max(w);
        }
    }

    let mut weekly = Vec::new();
    let (Some(first), Some(last)) = (sessions.first(), sessions.last()) else {
        return (empty(limit), release);
    };
    let mut monday = monday_of(first.date);
    let last_monday = monday_of(last.date);
    let mut idx = 0;
    while monday <= last_monday {
        let sunday = monday + Duration::days(6);
        let mut session_minutes = 0.0;
        let mut presence_days = BTreeSet::new();
        let mut has_sessions = false;
        while idx < sessions.len() && sessions[idx].date <= sunday {
            let s = &sessions[idx];
            has_sessions = true;
            session_minutes += s.hours * 60.0;
            let travels =
                s.kind.is_presence() && !(spec.online_lessons && s.kind == SessionKind::Lesson);
            if travels {
                presence_days.insert(s.date);
            }
            idx += 1;
        }
        let work = work_hours(&shifts, monday, blocker);
        let released = f64::from(released_by_week.get(&monday).copied().unwrap_or(0)) / 60.0;
        let released = released.min(work);
        let self_study: f64 = module_weeks
            .iter()
            .filter(|(_, (a, b))| *a <= monday && monday <= *b)
            .map(|(m, _)| spec.modules[m - 1].self_study_hours_per_week)
            .sum();
        let travel = presence_days.len() as f64 * 2.0 * f64::from(pattern.travel_minutes) / 60.0;
        let session_hours = session_minutes / 60.0;
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
            has_sessions,
        });
        monday += Duration::days(7);
    }
    let with_sessions: Vec<f64> = weekly
        .iter()
        .filter(|w| w.has_sessions)
        .map(|w| w.total_hours)
        .collect();
    let avg = if with_sessions.is_empty() {
        0.0
    } else {
        with_sessions.iter().sum::<f64>() / with_sessions.len() as f64
    };
    let peak = weekly.iter().map(|w| w.total_hours).fold(0.0, f64::max);
    let weeks_over_limit = weekly
        .iter()
        .filter(|w| w.total_hours > limit + 1e-9)
        .map(|w| WeekOverLimit {
            week: w.week.clone(),
            hours: w.total_hours,
        })
        .collect();
    (
        LoadReport {
            limit_hours: limit,
            avg_weekly_hours: round2(avg),
            peak_weekly_hours: round2(peak),
            weeks_over_limit,
            weekly,
        },
        release,
    )
}

fn empty(limit: f64) -> LoadReport {
    LoadReport {
        limit_hours: limit,
        avg_weekly_hours: 0.0,
        peak_weekly_hours: 0.0,
        weeks_over_limit: Vec::new(),
        weekly: Vec::new(),
    }
}

/// Work hours of the week starting `monday`: the weekly hours less shifts on public holidays.
fn work_hours(shifts: &Shifts, monday: NaiveDate, blocker: &mut Blocker) -> f64 {
    if shifts.weekly_minutes == 0 {
        return shifts.weekly_hours;
    }
    let mut off = 0u32;
    for i in 0..7 {
        let day = monday + Duration::days(i);
        if blocker.is_holiday(day) {
            off += shifts
                .on(day)
                .iter()
                .map(|(a, b, _)| u32::from(b - a))
                .sum::<u32>();
        }
    }
    let share = 1.0 - f64::from(off) / f64::from(shifts.weekly_minutes);
    shifts.weekly_hours * share.max(0.0)
}
