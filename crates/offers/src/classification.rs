//! Is an offer part-time (berufsbegleitend, MISSION.md §1), and how: synchronous (in released
//! working time), asynchronous (evenings, weekends, self-paced) or mixed?
//!
//! Rules, in order:
//! 1. **Not part-time** when the goal is a compensation measure marked as a company measure
//!    whose only aim is compensating substantial differences (`company_measure_only`).
//! 2. **Not part-time** when the schedule demands full-time attendance: in more than
//!    [`FULL_TIME_WEEKS_SHARE`] (half) of the calendar weeks from the first to the last
//!    session, the sessions with a clock time add up to at least [`FULL_TIME_WEEK_HOURS`]
//!    (30 h). A compact seminar with one full week per quarter stays part-time (a peak week
//!    now and then; it needs release or leave, which is reported as a reason).
//! 3. Otherwise the session hours are split into hours inside working time (the overlap with
//!    the work pattern's shifts that the planner reports as needing release) and hours outside
//!    it (evenings, weekends, self-paced units). **Synchronous** when at least
//!    1 − [`SIGNIFICANT_SHARE`] (80 %) lie inside working time, **asynchronous** when at least
//!    80 % lie outside, **mixed** when both shares reach 20 %.
//!
//! With a [`Plan`] the real timetable and the participant's work pattern are used (without a
//! work pattern the planner assumes full time Mon–Fri 08:00–16:00, reported as a reason).
//! Without a plan the time model's weekly slots are weighed against that assumed full-time
//! week (block-seminar blocks 12 times a year, compact weeks 4 × weeks per quarter a year).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_planner::{Plan, SessionKind};
use serde::Serialize;

use crate::model::{Goal, Offer, TimeModelDef};
use crate::reason::{Reason, hours, percent};

/// Weekly hours of scheduled sessions from which a week counts as full-time attendance.
pub const FULL_TIME_WEEK_HOURS: f64 = 30.0;
/// Share of weeks above which the whole schedule counts as full-time.
pub const FULL_TIME_WEEKS_SHARE: f64 = 0.5;
/// Share from which hours inside (or outside) working time count as significant.
pub const SIGNIFICANT_SHARE: f64 = 0.2;

/// The class of an offer by MISSION.md §1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartTimeClass {
    Synchronous,
    Asynchronous,
    Mixed,
    NotPartTime,
}

impl PartTimeClass {
    pub fn code(self) -> &'static str {
        match self {
            PartTimeClass::Synchronous => "synchronous",
            PartTimeClass::Asynchronous => "asynchronous",
            PartTimeClass::Mixed => "mixed",
            PartTimeClass::NotPartTime => "not_part_time",
        }
    }

    /// Part-time in any form (for open-Qcat `EXTRA_OCCUPATIONAL`).
    pub fn is_part_time(self) -> bool {
        self != PartTimeClass::NotPartTime
    }

    /// The Fluent message id of the class name, e.g. `offers-class-mixed`.
    pub fn message_id(self) -> String {
        format!("offers-class-{}", self.code())
    }
}

/// The computed class with its reasons; serializes as `{"class": "...", "reasons": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub class: PartTimeClass,
    pub reasons: Vec<Reason>,
    /// Share of session hours inside working time (0..=1).
    #[serde(skip)]
    pub share_in_work_time: f64,
    /// Whether a timetable was used (else the time model's nominal week).
    #[serde(skip)]
    pub from_timetable: bool,
}

/// Hours of one schedule, split as the rules need them.
#[derive(Debug, Default)]
struct Hours {
    in_work: f64,
    outside: f64,
    self_paced: f64,
    full_time_weeks: usize,
    weeks: usize,
    release_days: usize,
}

/// Classifies an offer; pass the plan of a cohort (built with the participants' or a typical
/// work pattern) when there is one.
pub fn classify(offer: &Offer, plan: Option<&Plan>) -> Classification {
    let mut reasons = Vec::new();
    let from_timetable = plan.is_some();
    if offer.goal == Goal::CompensationMeasure && offer.company_measure_only {
        reasons.push(Reason::new("company_measure_only"));
        return Classification {
            class: PartTimeClass::NotPartTime,
            reasons,
            share_in_work_time: 0.0,
            from_timetable,
        };
    }
    reasons.push(Reason::new("time_model").arg("model", offer.time_model.kind().code()));
    let h = match plan {
        Some(p) => {
            if p.work_pattern_assumed {
                reasons.push(Reason::new("work_pattern_assumed"));
            }
            from_plan(p)
        }
        None => {
            reasons.push(Reason::new("nominal_week"));
            nominal(&offer.time_model)
        }
    };
    let total = h.in_work + h.outside;
    let share_in = if total > 0.0 { h.in_work / total } else { 0.0 };
    let week_share = if h.weeks > 0 {
        h.full_time_weeks as f64 / h.weeks as f64
    } else {
        0.0
    };
    if h.full_time_weeks > 0 {
        reasons.push(
            Reason::new("full_time_weeks")
                .arg("weeks", h.full_time_weeks)
                .arg("total", h.weeks)
                .arg("hours", hours(FULL_TIME_WEEK_HOURS)),
        );
    }
    if week_share > FULL_TIME_WEEKS_SHARE {
        reasons.push(Reason::new("full_time_schedule").arg("share", percent(week_share)));
        return Classification {
            class: PartTimeClass::NotPartTime,
            reasons,
            share_in_work_time: share_in,
            from_timetable,
        };
    }
    if h.in_work > 0.0 {
        reasons.push(
            Reason::new("sessions_in_work_time")
                .arg("share", percent(share_in))
                .arg("hours", hours(h.in_work)),
        );
    }
    if h.outside > 0.0 {
        reasons.push(
            Reason::new("sessions_outside_work_time")
                .arg("share", percent(1.0 - share_in))
                .arg("hours", hours(h.outside)),
        );
    }
    if h.self_paced > 0.0 {
        reasons.push(
            Reason::new("self_paced_share")
                .arg("share", percent(h.self_paced / total.max(f64::EPSILON)))
                .arg("hours", hours(h.self_paced)),
        );
    }
    if h.release_days > 0 {
        reasons.push(Reason::new("release_needed").arg("days", h.release_days));
    } else if !from_timetable && h.in_work > 0.0 {
        reasons.push(Reason::new("needs_release"));
    }
    let class = if share_in >= 1.0 - SIGNIFICANT_SHARE && total > 0.0 {
        PartTimeClass::Synchronous
    } else if share_in < SIGNIFICANT_SHARE {
        PartTimeClass::Asynchronous
    } else {
        PartTimeClass::Mixed
    };
    Classification {
        class,
        reasons,
        share_in_work_time: share_in,
        from_timetable,
    }
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn from_plan(p: &Plan) -> Hours {
    let mut h = Hours {
        weeks: p.weeks as usize,
        release_days: p.release_days(),
        ..Hours::default()
    };
    let total: f64 = p.sessions.iter().map(|s| s.hours).sum();
    h.in_work = p
        .release_needed
        .iter()
        .map(|r| r.overlap_hours)
        .sum::<f64>()
        .min(total);
    h.outside = total - h.in_work;
    h.self_paced = p
        .sessions
        .iter()
        .filter(|s| s.kind == SessionKind::SelfPaced)
        .map(|s| s.hours)
        .sum();
    let mut per_week: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for s in p.sessions.iter().filter(|s| s.start.is_some()) {
        *per_week.entry(monday(s.date)).or_default() += s.hours;
    }
    h.full_time_weeks = per_week
        .values()
        .filter(|v| **v >= FULL_TIME_WEEK_HOURS - 1e-9)
        .count();
    h
}

/// Overlap in hours of a slot with the assumed full-time day (Mon–Fri 08:00–16:00).
fn overlap_with_work(weekday: Weekday, start: u16, end: u16) -> f64 {
    if weekday.num_days_from_monday() >= 5 {
        return 0.0;
    }
    let (a, b) = (start.max(8 * 60), end.min(16 * 60));
    f64::from(b.saturating_sub(a)) / 60.0
}

fn nominal(model: &TimeModelDef) -> Hours {
    let mut h = Hours::default();
    let mut add = |weekday, start: u16, end: u16, weight: f64| {
        let all = f64::from(end.saturating_sub(start)) / 60.0;
        let inside = overlap_with_work(weekday, start, end);
        h.in_work += inside * weight;
        h.outside += (all - inside) * weight;
    };
    match model {
        TimeModelDef::EveningCourse { evenings: slots } | TimeModelDef::ReleaseSlots { slots } => {
            for s in slots {
                add(s.weekday, s.start.minutes(), s.end.minutes(), 1.0);
            }
            let weekly: f64 = slots.iter().map(|s| s.hours()).sum();
            h.weeks = 1;
            h.full_time_weeks = usize::from(weekly >= FULL_TIME_WEEK_HOURS);
        }
        TimeModelDef::BlockSeminar { evening, weekend } => {
            add(
                evening.weekday,
                evening.start.minutes(),
                evening.end.minutes(),
                1.0,
            );
            for d in [Weekday::Fri, Weekday::Sat] {
                add(
                    d,
                    weekend.start.minutes(),
                    weekend.end.minutes(),
                    12.0 / 52.0,
                );
            }
            h.weeks = 1;
        }
        TimeModelDef::CompactSeminar {
            day,
            weeks_per_quarter,
        } => {
            let weight = f64::from(*weeks_per_quarter) * 4.0 / 52.0;
            for d in [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ] {
                add(d, day.start.minutes(), day.end.minutes(), weight);
            }
            h.weeks = 13;
            if day.hours() * 5.0 >= FULL_TIME_WEEK_HOURS {
                h.full_time_weeks = (*weeks_per_quarter as usize).min(13);
            }
        }
        TimeModelDef::SelfPaced { hours_per_week, .. } => {
            h.outside += hours_per_week;
            h.self_paced = *hours_per_week;
            h.weeks = 1;
        }
    }
    h
}
