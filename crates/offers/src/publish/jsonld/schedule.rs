//! `courseSchedule`: the time model as schema.org `Schedule`s of one run, each with its
//! `repeatCount`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use lernweg_planner::ClockTime;
use serde_json::{Map, Value, json};

use super::{CohortLd, iso_duration};
use crate::model::{Slot, Span, TimeModelDef};

/// The schema.org URL of a weekday.
pub fn day_url(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "https://schema.org/Monday",
        Weekday::Tue => "https://schema.org/Tuesday",
        Weekday::Wed => "https://schema.org/Wednesday",
        Weekday::Thu => "https://schema.org/Thursday",
        Weekday::Fri => "https://schema.org/Friday",
        Weekday::Sat => "https://schema.org/Saturday",
        Weekday::Sun => "https://schema.org/Sunday",
    }
}

fn clock(t: ClockTime) -> String {
    format!("{t}:00")
}

/// One repeating part of a run's timetable.
struct Rhythm<'n> {
    freq: &'static str,
    /// The weekdays of each repetition (`byDay`); empty for a block weekend, which is one
    /// Friday and Saturday a month, not every one.
    days: Vec<Weekday>,
    /// The weekdays its sessions fall on.
    on: Vec<Weekday>,
    span: Span,
    name: Option<&'n str>,
}

/// The period a date belongs to for a repetition frequency: ISO week, month or quarter.
fn period(freq: &str, d: NaiveDate) -> (i32, u32) {
    match freq {
        "P1W" => (d.iso_week().year(), d.iso_week().week()),
        "P1M" => (d.year(), d.month()),
        _ => (d.year(), d.month0() / 3),
    }
}

fn schedule(r: &Rhythm, c: &CohortLd) -> Value {
    // The dates of the rhythm: the plan's sessions at its times, else every matching
    // weekday of the run.
    let dates: Vec<NaiveDate> = match c.plan {
        Some(p) => p
            .sessions
            .iter()
            .filter(|s| r.on.contains(&s.date.weekday()))
            .filter(|s| s.start == Some(r.span.start) && s.end == Some(r.span.end))
            .map(|s| s.date)
            .collect(),
        None => c
            .start
            .iter_days()
            .take_while(|d| *d <= c.end)
            .filter(|d| r.on.contains(&d.weekday()))
            .collect(),
    };
    let periods: BTreeSet<(i32, u32)> = dates.iter().map(|d| period(r.freq, *d)).collect();
    let (first, last) = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if c.plan.is_some() => (*a, *b),
        _ => (c.start, c.end),
    };
    let mut m = Map::new();
    m.insert("@type".into(), json!("Schedule"));
    if let Some(n) = r.name {
        m.insert("name".into(), json!(n));
    }
    m.insert("repeatFrequency".into(), json!(r.freq));
    m.insert("repeatCount".into(), json!(periods.len()));
    if !r.days.is_empty() {
        let days: Vec<&str> = r.days.iter().map(|d| day_url(*d)).collect();
        m.insert("byDay".into(), json!(days));
    }
    m.insert("startTime".into(), json!(clock(r.span.start)));
    m.insert("endTime".into(), json!(clock(r.span.end)));
    m.insert("duration".into(), json!(iso_duration(r.span.hours())));
    m.insert("startDate".into(), json!(first.to_string()));
    m.insert("endDate".into(), json!(last.to_string()));
    m.insert("scheduleTimezone".into(), json!("Europe/Berlin"));
    Value::Object(m)
}

/// The time model as `Schedule`s with their `repeatCount`: weekly slots grouped by clock time
/// (`P1W`); a block seminar's evening per week plus one weekend a month (`P1M`, named, without
/// `byDay`, which would read as every Friday and Saturday); a compact seminar's Monday–Friday
/// week each quarter (`P3M`). Self-paced offers have no fixed times (only `courseWorkload`).
pub(super) fn schedules(model: &TimeModelDef, c: &CohortLd, block_weekend: &str) -> Vec<Value> {
    let weekly = |slots: &[Slot]| {
        let mut by_time: BTreeMap<(ClockTime, ClockTime), Vec<Weekday>> = BTreeMap::new();
        for s in slots {
            by_time.entry((s.start, s.end)).or_default().push(s.weekday);
        }
        by_time
            .into_iter()
            .map(|((a, b), mut days)| {
                days.sort_by_key(|d| d.num_days_from_monday());
                days.dedup();
                let span = Span { start: a, end: b };
                let r = Rhythm {
                    freq: "P1W",
                    on: days.clone(),
                    days,
                    span,
                    name: None,
                };
                schedule(&r, c)
            })
            .collect::<Vec<_>>()
    };
    match model {
        TimeModelDef::EveningCourse { evenings: s } | TimeModelDef::ReleaseSlots { slots: s } => {
            weekly(s)
        }
        TimeModelDef::BlockSeminar { evening, weekend } => {
            let mut v = weekly(std::slice::from_ref(evening));
            let r = Rhythm {
                freq: "P1M",
                days: Vec::new(),
                on: vec![Weekday::Fri, Weekday::Sat],
                span: *weekend,
                name: Some(block_weekend),
            };
            v.push(schedule(&r, c));
            v
        }
        TimeModelDef::CompactSeminar { day, .. } => {
            let week = vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ];
            let r = Rhythm {
                freq: "P3M",
                days: week.clone(),
                on: week,
                span: *day,
                name: None,
            };
            vec![schedule(&r, c)]
        }
        TimeModelDef::SelfPaced { .. } => Vec::new(),
    }
}
