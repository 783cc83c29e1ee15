//! An iCalendar (RFC 5545) writer for calendar feeds.
//!
//! Local times carry `TZID=Europe/Berlin` and the feed contains the matching VTIMEZONE, so
//! Outlook, Thunderbird and Google keep the wall-clock times. Lines end in CRLF and are folded
//! at 75 octets without splitting UTF-8 characters. Nothing reads the clock: DTSTAMP is given.

use chrono::{NaiveDate, NaiveDateTime};

use crate::event::{EventContext, German, SessionState, session_event};
use crate::plan::Plan;

/// The status of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Confirmed,
    Tentative,
    /// Stays in the feed so that clients remove the event.
    Cancelled,
}

impl EventStatus {
    fn code(self) -> &'static str {
        match self {
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Tentative => "TENTATIVE",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// When an event starts or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    /// Wall-clock time in Europe/Berlin.
    Local(NaiveDateTime),
    /// A whole day; as an end, the day after the last day (exclusive, as RFC 5545 wants).
    AllDay(NaiveDate),
}

/// One VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    pub uid: String,
    /// Rises by one whenever the event changes.
    pub sequence: u32,
    pub status: EventStatus,
    pub start: EventTime,
    pub end: EventTime,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub categories: Vec<String>,
}

/// A whole feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Shown by clients as the calendar's name (X-WR-CALNAME).
    pub name: String,
    /// DTSTAMP of every event, in UTC: the time of the last change (never a time in the
    /// future, and not the start of the plan).
    pub dtstamp: NaiveDateTime,
    pub events: Vec<CalendarEvent>,
}

pub const PRODID: &str = "-//Lernweg//Lernweg Planner//DE";

/// The VTIMEZONE for Europe/Berlin (CET/CEST, EU rules since 1996).
const VTIMEZONE_BERLIN: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "X-LIC-LOCATION:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Writes the feed.
pub fn write(cal: &Calendar) -> String {
    let mut out = String::new();
    let mut line = |s: &str| fold_into(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODID}"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(&cal.name)));
    line("X-WR-TIMEZONE:Europe/Berlin");
    for l in VTIMEZONE_BERLIN {
        line(l);
    }
    let stamp = cal.dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in &cal.events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&e.uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("SEQUENCE:{}", e.sequence));
        line(&format!("STATUS:{}", e.status.code()));
        line(&time_prop("DTSTART", e.start));
        line(&time_prop("DTEND", e.end));
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(d) = &e.description {
            line(&format!("DESCRIPTION:{}", escape(d)));
        }
        if let Some(l) = &e.location {
            line(&format!("LOCATION:{}", escape(l)));
        }
        if !e.categories.is_empty() {
            let cats: Vec<String> = e.categories.iter().map(|c| escape(c)).collect();
            line(&format!("CATEGORIES:{}", cats.join(",")));
        }
        if matches!(e.start, EventTime::AllDay(_)) {
            line("TRANSP:TRANSPARENT");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

fn time_prop(name: &str, t: EventTime) -> String {
    match t {
        EventTime::Local(dt) => format!("{name};TZID=Europe/Berlin:{}", dt.format("%Y%m%dT%H%M%S")),
        EventTime::AllDay(d) => format!("{name};VALUE=DATE:{}", d.format("%Y%m%d")),
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `content` as one logical line, folded so that no physical line exceeds 75 octets
/// (continuation lines start with a space, which counts).
fn fold_into(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The events of a plan, all with SEQUENCE 0 and STATUS CONFIRMED, by the one rule of
/// [`crate::event::session_event`] in German.
pub fn plan_events(plan: &Plan) -> Vec<CalendarEvent> {
    let ctx = EventContext {
        offer_title: &plan.title,
        cohort_name: None,
        location: plan.location.as_deref(),
    };
    plan.sessions
        .iter()
        .map(|s| session_event(s, 0, SessionState::Confirmed, &ctx, &German))
        .collect()
}

/// Builds a revision of a feed: events of `current` that differ from their `previous` version
/// (same UID) get the previous SEQUENCE + 1; events that disappeared stay, CANCELLED, with a
/// raised SEQUENCE. Unchanged events keep their SEQUENCE.
pub fn revise(previous: &[CalendarEvent], current: Vec<CalendarEvent>) -> Vec<CalendarEvent> {
    let mut out = Vec::with_capacity(current.len());
    for mut event in current {
        if let Some(old) = previous.iter().find(|o| o.uid == event.uid) {
            let mut same = event.clone();
            same.sequence = old.sequence;
            event.sequence = if same == *old {
                old.sequence
            } else {
                old.sequence + 1
            };
        }
        out.push(event);
    }
    for old in previous {
        if !out.iter().any(|e| e.uid == old.uid) {
            let mut gone = old.clone();
            if gone.status != EventStatus::Cancelled {
                gone.status = EventStatus::Cancelled;
                gone.sequence += 1;
            }
            out.push(gone);
        }
    }
    out
}

/// The CLI's feed of a plan. `dtstamp` is the time of the last change of the offer the plan
/// comes from (the CLI passes its file's modification time); the planner reads no clock.
pub fn plan_calendar(plan: &Plan, dtstamp: NaiveDateTime) -> Calendar {
    Calendar {
        name: plan.title.clone(),
        dtstamp,
        events: plan_events(plan),
    }
}
