//! Import of a shift plan from an iCalendar (`.ics`) file: the weekly subset of RFC 5545.
//!
//! Each VEVENT must repeat weekly: `RRULE:FREQ=WEEKLY` with optional `INTERVAL=n` (1–12),
//! `BYDAY=MO,TU,…` (without numbers) and `WKST=MO`. The shift starts at the DTSTART time of
//! day and lasts until DTEND (or for DURATION), at least a minute and less than 24 hours.
//! Times with `TZID` or floating are taken as written (wall-clock time); UTC times (`…Z`) are
//! converted to Europe/Berlin by `chrono-tz`. `UNTIL`/`COUNT`, `EXDATE` and changed single
//! dates (`RECURRENCE-ID`) are ignored and reported as notes; everything else (other
//! frequencies, `BYSETPOS`, `RDATE`, all-day events, events without RRULE, date-times not in
//! the form `YYYYMMDDTHHMMSS[Z]`) is refused with a precise error. Events with
//! different intervals form a rotation of lcm(intervals) weeks from the anchor's week.
//!
//! A small parser instead of the `rrule` crate: we need the rule's structure (days, interval,
//! phase), not an expansion into dates, and the subset is small enough to check completely.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Weekday};
use chrono_tz::Europe::Berlin;
use lernweg_planner::model::ClockTime;
use serde::Serialize;

use crate::reason::Reason;
use crate::work_pattern::{MAX_ROTATION_WEEKS, Shift, WorkPattern, monday_of};

/// A refused file. Message id `participants-ics-<code>`; `event` is the 1-based VEVENT.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{code} (event {event:?}): {detail}")]
pub struct IcsError {
    pub code: &'static str,
    pub event: Option<usize>,
    pub detail: String,
}

fn err(code: &'static str, event: Option<usize>, detail: impl Into<String>) -> IcsError {
    IcsError {
        code,
        event,
        detail: detail.into(),
    }
}

/// All refusal codes, for the Fluent files.
pub const ICS_ERROR_CODES: [&str; 21] = [
    "all_day_event",
    "byday_with_number",
    "invalid_byday",
    "invalid_date_time",
    "invalid_duration",
    "invalid_interval",
    "invalid_rrule",
    "missing_dtstart",
    "missing_end",
    "missing_rrule",
    "no_calendar",
    "no_events",
    "not_positive_duration",
    "rdate_not_supported",
    "rotation_too_long",
    "several_rrules",
    "shift_too_long",
    "unbalanced",
    "unsupported_frequency",
    "unsupported_rrule_part",
    "wkst_with_interval",
];
/// All note codes.
pub const ICS_NOTE_CODES: [&str; 4] = [
    "cancelled_ignored",
    "end_ignored",
    "exdate_ignored",
    "override_ignored",
];

/// The imported pattern and notes on what was ignored (message id `participants-ics-note-<code>`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IcsImport {
    pub pattern: WorkPattern,
    pub notes: Vec<Reason>,
}

#[derive(Default)]
struct Event {
    dtstart: Option<(String, String)>,
    dtend: Option<(String, String)>,
    duration: Option<String>,
    rrule: Option<String>,
    exdate: bool,
    rdate: bool,
    recurrence_id: bool,
    cancelled: bool,
}

/// Splits a content line into name, parameters and value (a `:` inside quotes is no split).
fn split_line(line: &str) -> (String, String, String) {
    let mut in_quotes = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ':' if !in_quotes => {
                let head = &line[..i];
                let (name, params) = head.split_once(';').unwrap_or((head, ""));
                return (
                    name.trim().to_ascii_uppercase(),
                    params.to_ascii_uppercase(),
                    line[i + 1..].trim().to_owned(),
                );
            }
            _ => {}
        }
    }
    (
        line.trim().to_ascii_uppercase(),
        String::new(),
        String::new(),
    )
}

/// Unfolds lines (RFC 5545 §3.1): a line starting with a space or tab continues the last.
fn unfold(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.trim_start_matches('\u{feff}').split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match (line.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ if line.trim().is_empty() => {}
            _ => out.push(line.to_owned()),
        }
    }
    out
}

/// UTC to Europe/Berlin wall-clock time (the zone's rules from `chrono-tz`).
pub fn utc_to_berlin(utc: NaiveDateTime) -> NaiveDateTime {
    Berlin.from_utc_datetime(&utc).naive_local()
}

fn parse_date_time(value: &str, params: &str, ev: usize) -> Result<NaiveDateTime, IcsError> {
    if params.contains("VALUE=DATE") && !params.contains("VALUE=DATE-TIME") || value.len() == 8 {
        return Err(err("all_day_event", Some(ev), value));
    }
    let (v, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(v) => (v, true),
        None => (value, false),
    };
    // RFC 5545's form, `YYYYMMDDTHHMMSS`: four-digit years keep every later step in range.
    let dt = Some(v)
        .filter(|v| v.len() == 15)
        .and_then(|v| NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok())
        .ok_or_else(|| err("invalid_date_time", Some(ev), value))?;
    Ok(if utc { utc_to_berlin(dt) } else { dt })
}

/// Parses a DURATION such as `PT8H`, `PT7H30M`, `P1D`, `P1W`.
fn parse_duration(value: &str, ev: usize) -> Result<Duration, IcsError> {
    let bad = || err("invalid_duration", Some(ev), value);
    let v = value.trim().strip_prefix('+').unwrap_or(value.trim());
    let rest = v.strip_prefix('P').ok_or_else(bad)?;
    let mut total = Duration::zero();
    let mut num = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => num.push(c),
            'T' if num.is_empty() && !in_time => in_time = true,
            'W' | 'D' | 'H' | 'M' | 'S' => {
                let n: i64 = num.parse().map_err(|_| bad())?;
                num.clear();
                any = true;
                let part = match (c, in_time) {
                    ('W', false) => Duration::try_weeks(n),
                    ('D', false) => Duration::try_days(n),
                    ('H', true) => Duration::try_hours(n),
                    ('M', true) => Duration::try_minutes(n),
                    ('S', true) => Duration::try_seconds(n),
                    _ => None,
                };
                total = part.and_then(|p| total.checked_add(&p)).ok_or_else(bad)?;
            }
            _ => return Err(bad()),
        }
    }
    if !any || !num.is_empty() {
        return Err(bad());
    }
    Ok(total)
}

fn parse_weekday(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

struct Rule {
    interval: usize,
    days: Vec<Weekday>,
    has_end: bool,
}

fn parse_rrule(rule: &str, ev: usize) -> Result<Rule, IcsError> {
    let mut freq = None;
    let mut interval = 1usize;
    let mut days = Vec::new();
    let mut has_end = false;
    let mut wkst_other = false;
    // The frequency first: a monthly rule is refused as such, whatever else it holds.
    for part in rule.split(';') {
        if let Some((k, v)) = part.split_once('=')
            && k.trim().eq_ignore_ascii_case("FREQ")
            && !v.trim().eq_ignore_ascii_case("WEEKLY")
        {
            return Err(err("unsupported_frequency", Some(ev), v.trim()));
        }
    }
    for part in rule.split(';').filter(|p| !p.is_empty()) {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| err("invalid_rrule", Some(ev), part))?;
        match k.trim().to_ascii_uppercase().as_str() {
            "FREQ" => freq = Some(v.trim().to_ascii_uppercase()),
            "INTERVAL" => {
                interval = v
                    .trim()
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_ROTATION_WEEKS).contains(n))
                    .ok_or_else(|| err("invalid_interval", Some(ev), v))?;
            }
            "BYDAY" => {
                for d in v.split(',') {
                    let d = d.trim().to_ascii_uppercase();
                    if d.starts_with(['+', '-']) || d.starts_with(|c: char| c.is_ascii_digit()) {
                        return Err(err("byday_with_number", Some(ev), d));
                    }
                    let w = parse_weekday(&d).ok_or_else(|| err("invalid_byday", Some(ev), &d))?;
                    if !days.contains(&w) {
                        days.push(w);
                    }
                }
            }
            "WKST" => wkst_other = !v.trim().eq_ignore_ascii_case("MO"),
            "UNTIL" | "COUNT" => has_end = true,
            other => return Err(err("unsupported_rrule_part", Some(ev), other)),
        }
    }
    match freq.as_deref() {
        Some("WEEKLY") => {}
        Some(f) => return Err(err("unsupported_frequency", Some(ev), f)),
        None => return Err(err("invalid_rrule", Some(ev), "FREQ missing")),
    }
    if wkst_other && interval > 1 {
        return Err(err("wkst_with_interval", Some(ev), rule));
    }
    Ok(Rule {
        interval,
        days,
        has_end,
    })
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn read_events(text: &str) -> Result<Vec<Event>, IcsError> {
    let mut stack: Vec<String> = Vec::new();
    let mut events = Vec::new();
    let mut seen_calendar = false;
    for line in unfold(text) {
        let (name, params, value) = split_line(&line);
        match name.as_str() {
            "BEGIN" => {
                let what = value.to_ascii_uppercase();
                seen_calendar |= what == "VCALENDAR";
                if what == "VEVENT" {
                    events.push(Event::default());
                }
                stack.push(what);
            }
            "END" => {
                let open = stack.pop();
                if open.as_deref() != Some(value.to_ascii_uppercase().as_str()) {
                    return Err(err("unbalanced", None, value));
                }
            }
            _ if stack.last().map(String::as_str) == Some("VEVENT") => {
                let ev = events.last_mut().expect("inside VEVENT");
                match name.as_str() {
                    "DTSTART" => ev.dtstart = Some((value, params)),
                    "DTEND" => ev.dtend = Some((value, params)),
                    "DURATION" => ev.duration = Some(value),
                    "RRULE" if ev.rrule.is_some() => {
                        return Err(err("several_rrules", Some(events.len()), value));
                    }
                    "RRULE" => ev.rrule = Some(value),
                    "EXDATE" => ev.exdate = true,
                    "RDATE" => ev.rdate = true,
                    "RECURRENCE-ID" => ev.recurrence_id = true,
                    "STATUS" => ev.cancelled = value.eq_ignore_ascii_case("CANCELLED"),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if !seen_calendar {
        return Err(err("no_calendar", None, "BEGIN:VCALENDAR missing"));
    }
    if !stack.is_empty() {
        return Err(err("unbalanced", None, stack.join(",")));
    }
    Ok(events)
}

/// Reads the weekly shift plan of an `.ics` file. Week 1 of a rotation is the week of
/// `anchor` (e.g. the cohort's start).
pub fn from_ics(text: &str, anchor: NaiveDate) -> Result<IcsImport, IcsError> {
    let events = read_events(text)?;
    let mut notes = Vec::new();
    // (weekday, start, minutes, interval, monday of the first week)
    let mut found: Vec<(Shift, usize, NaiveDate)> = Vec::new();
    for (i, ev) in events.iter().enumerate() {
        let n = i + 1;
        if ev.recurrence_id {
            notes.push(Reason::new("override_ignored").arg("event", n));
            continue;
        }
        if ev.cancelled {
            notes.push(Reason::new("cancelled_ignored").arg("event", n));
            continue;
        }
        let (sv, sp) = ev
            .dtstart
            .as_ref()
            .ok_or_else(|| err("missing_dtstart", Some(n), ""))?;
        let start = parse_date_time(sv, sp, n)?;
        let length = match (&ev.dtend, &ev.duration) {
            (Some((v, p)), _) => parse_date_time(v, p, n)? - start,
            (None, Some(d)) => parse_duration(d, n)?,
            (None, None) => return Err(err("missing_end", Some(n), "")),
        };
        if length <= Duration::zero() {
            return Err(err("not_positive_duration", Some(n), ""));
        }
        if length >= Duration::hours(24) {
            return Err(err(
                "shift_too_long",
                Some(n),
                format!("{} h", length.num_hours()),
            ));
        }
        let rule_text = ev
            .rrule
            .as_ref()
            .ok_or_else(|| err("missing_rrule", Some(n), ""))?;
        if ev.rdate {
            return Err(err("rdate_not_supported", Some(n), ""));
        }
        let rule = parse_rrule(rule_text, n)?;
        if rule.has_end {
            notes.push(Reason::new("end_ignored").arg("event", n));
        }
        if ev.exdate {
            notes.push(Reason::new("exdate_ignored").arg("event", n));
        }
        let days = if rule.days.is_empty() {
            vec![start.weekday()]
        } else {
            rule.days
        };
        // Whole minutes: a shift shorter than a minute is no shift.
        let minutes = u16::try_from(length.num_minutes()).unwrap_or(0);
        let too_short = || err("not_positive_duration", Some(n), "");
        let begin = ClockTime::new(start.hour16(), start.minute16()).ok_or_else(too_short)?;
        let end = ClockTime::from_minutes((begin.minutes() + minutes) % (24 * 60))
            .ok_or_else(too_short)?;
        for w in days {
            let shift = Shift::new(w, begin, end).ok_or_else(too_short)?;
            found.push((shift, rule.interval, monday_of(start.date())));
        }
    }
    if found.is_empty() {
        return Err(err("no_events", None, ""));
    }
    let cycle = found
        .iter()
        .fold(1, |acc, (_, i, _)| acc / gcd(acc, *i) * *i);
    if cycle > MAX_ROTATION_WEEKS {
        return Err(err("rotation_too_long", None, cycle.to_string()));
    }
    let first = monday_of(anchor);
    let weeks: Vec<Vec<Shift>> = (0..cycle)
        .map(|k| {
            let monday = first + Duration::weeks(k as i64);
            let mut week: Vec<Shift> = found
                .iter()
                .filter(|(_, interval, phase)| {
                    ((monday - *phase).num_weeks()).rem_euclid(*interval as i64) == 0
                })
                .map(|(s, _, _)| *s)
                .collect();
            week.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start, s.end));
            week.dedup();
            week
        })
        .collect();
    let pattern = WorkPattern::rotating(anchor, weeks)
        .ok_or_else(|| err("rotation_too_long", None, cycle.to_string()))?;
    Ok(IcsImport { pattern, notes })
}

trait HourMinute {
    fn hour16(&self) -> u16;
    fn minute16(&self) -> u16;
}

impl HourMinute for NaiveDateTime {
    fn hour16(&self) -> u16 {
        chrono::Timelike::hour(self) as u16
    }
    fn minute16(&self) -> u16 {
        chrono::Timelike::minute(self) as u16
    }
}
