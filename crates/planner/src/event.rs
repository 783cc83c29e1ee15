//! The one rule that turns a session into a calendar event, shared by `lernweg plan --format
//! ics` and the live feeds of the web app (`/feeds/{token}.ics`), so both write the same
//! times, SUMMARY, DESCRIPTION, LOCATION and CATEGORIES for the same session.
//!
//! - Times: a session with clock times is a local event in Europe/Berlin; one without (a
//!   self-paced unit due on a day) is an all-day event that ends on the next day (DTEND is
//!   exclusive, RFC 5545 §3.8.2.2).
//! - SUMMARY: "Modul 2: <title>" for a module's lesson, "Prüfung: <title>" for an exam,
//!   "Fällig – <title>" for a self-paced unit, the title otherwise; a cancelled session gets
//!   "Abgesagt: " before it (Outlook shows cancelled events like normal ones), a session of a
//!   draft timetable "Entwurf: " (STATUS:TENTATIVE: a draft is never confirmed).
//! - DESCRIPTION: the reason of a cancellation first, then the offer (and cohort), then kind,
//!   module and hours.
//! - LOCATION only for sessions that take place somewhere (not self-paced units).
//! - CATEGORIES: the kind ("Unterricht", "Prüfung", …) and "Lernweg".
//!
//! The words come from [`EventWords`]: the CLI speaks German ([`German`]), the web app
//! passes its Fluent texts in the feed's language.

use chrono::{Duration, NaiveDate};

use crate::ical::{CalendarEvent, EventStatus, EventTime};
use crate::model::ClockTime;
use crate::plan::{PlannedSession, SessionKind};

/// The words of a calendar event in one language.
pub trait EventWords {
    /// The kind of a session: "Unterricht", "Prüfung", …
    fn kind(&self, kind: SessionKind) -> String;
    /// "Modul 2".
    fn module(&self, module: usize) -> String;
    /// "Modul 2: Fachsprache".
    fn module_summary(&self, module: usize, title: &str) -> String;
    /// "Prüfung: Fachsprache".
    fn exam_summary(&self, title: &str) -> String;
    /// "Fällig – Selbstlerneinheit".
    fn due_summary(&self, title: &str) -> String;
    /// "Abgesagt: <summary>".
    fn cancelled(&self, summary: &str) -> String;
    /// "Entwurf: <summary>".
    fn draft(&self, summary: &str) -> String;
    /// "3,5 Std.".
    fn hours(&self, hours: f64) -> String;
    /// "Grund: <reason>".
    fn reason(&self, reason: &str) -> String;
    /// An employer's event: "<summary> – Amina Haddad, Jonas Weber".
    fn away(&self, names: &str, summary: &str) -> String;
    /// The line of an employer's event that says who is away: "Abwesend: <names>".
    fn away_line(&self, names: &str) -> String;
}

/// The German words of the CLI (the same texts as the web app's German Fluent file).
pub struct German;

impl EventWords for German {
    fn kind(&self, kind: SessionKind) -> String {
        kind.name_de().to_owned()
    }
    fn module(&self, module: usize) -> String {
        format!("Modul {module}")
    }
    fn module_summary(&self, module: usize, title: &str) -> String {
        format!("Modul {module}: {title}")
    }
    fn exam_summary(&self, title: &str) -> String {
        format!("Prüfung: {title}")
    }
    fn due_summary(&self, title: &str) -> String {
        format!("Fällig – {title}")
    }
    fn cancelled(&self, summary: &str) -> String {
        format!("Abgesagt: {summary}")
    }
    fn draft(&self, summary: &str) -> String {
        format!("Entwurf: {summary}")
    }
    fn hours(&self, hours: f64) -> String {
        format!("{} Std.", crate::output::de_num(hours))
    }
    fn reason(&self, reason: &str) -> String {
        format!("Grund: {reason}")
    }
    fn away(&self, names: &str, summary: &str) -> String {
        format!("{summary} – {names}")
    }
    fn away_line(&self, names: &str) -> String {
        format!("Abwesend: {names}")
    }
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState<'a> {
    /// Part of a published timetable.
    Confirmed,
    /// Part of a draft timetable: TENTATIVE, "Entwurf: ".
    Draft,
    /// Cancelled (with the reason, if one was given): stays in the feed so that clients
    /// remove it.
    Cancelled(Option<&'a str>),
}

/// What the session belongs to.
#[derive(Debug, Clone, Copy)]
pub struct EventContext<'a> {
    pub offer_title: &'a str,
    /// The cohort (Durchgang), when the event comes from a stored timetable.
    pub cohort_name: Option<&'a str>,
    /// Where presence sessions take place.
    pub location: Option<&'a str>,
}

/// The start and end of a session: clock times in Europe/Berlin, or an all-day event that
/// ends on the next day (exclusive end).
pub fn session_times(
    date: NaiveDate,
    start: Option<ClockTime>,
    end: Option<ClockTime>,
) -> (EventTime, EventTime) {
    match (start, end) {
        (Some(a), Some(b)) => (
            EventTime::Local(date.and_time(a.to_naive())),
            EventTime::Local(date.and_time(b.to_naive())),
        ),
        _ => (
            EventTime::AllDay(date),
            EventTime::AllDay(date + Duration::days(1)),
        ),
    }
}

/// The calendar event of one session, as planned or as stored with its `sequence` (changes
/// so far) and `state` (see the module documentation for the rule).
pub fn session_event(
    s: &PlannedSession,
    sequence: u32,
    state: SessionState<'_>,
    ctx: &EventContext,
    words: &dyn EventWords,
) -> CalendarEvent {
    let (start, end) = session_times(s.date, s.start, s.end);
    let summary = match (s.kind, s.module) {
        (SessionKind::Lesson, Some(m)) => words.module_summary(m, &s.title),
        (SessionKind::Exam, _) => words.exam_summary(&s.title),
        (SessionKind::SelfPaced, _) => words.due_summary(&s.title),
        _ => s.title.clone(),
    };
    let (status, summary) = match state {
        SessionState::Confirmed => (EventStatus::Confirmed, summary),
        SessionState::Draft => (EventStatus::Tentative, words.draft(&summary)),
        SessionState::Cancelled(_) => (EventStatus::Cancelled, words.cancelled(&summary)),
    };
    let kind = words.kind(s.kind);
    let mut lines = Vec::new();
    if let SessionState::Cancelled(Some(reason)) = state
        && !reason.trim().is_empty()
    {
        lines.push(words.reason(reason.trim()));
    }
    lines.push(match ctx.cohort_name {
        Some(c) => format!("{} · {c}", ctx.offer_title),
        None => ctx.offer_title.to_owned(),
    });
    let mut facts = vec![kind.clone()];
    if let Some(m) = s.module {
        facts.push(words.module(m));
    }
    facts.push(words.hours(s.hours));
    lines.push(facts.join(" · "));
    CalendarEvent {
        uid: s.uid.clone(),
        sequence,
        status,
        start,
        end,
        summary,
        description: Some(lines.join("\n")),
        location: ctx
            .location
            .filter(|l| s.kind.is_presence() && !l.trim().is_empty())
            .map(str::to_owned),
        categories: vec![kind, "Lernweg".to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit() -> PlannedSession {
        PlannedSession {
            uid: "u@l".into(),
            date: NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(),
            start: None,
            end: None,
            hours: 2.5,
            module: Some(1),
            kind: SessionKind::SelfPaced,
            title: "Einheit".into(),
        }
    }

    const CTX: EventContext<'static> = EventContext {
        offer_title: "Pflege",
        cohort_name: Some("Herbst"),
        location: Some("Raum 1"),
    };

    #[test]
    fn all_day_sessions_end_the_next_day() {
        let e = session_event(&unit(), 2, SessionState::Confirmed, &CTX, &German);
        assert_eq!(
            e.end,
            EventTime::AllDay(NaiveDate::from_ymd_opt(2027, 3, 3).unwrap())
        );
        assert_eq!(e.summary, "Fällig – Einheit");
        assert_eq!(e.location, None, "self-paced units take place nowhere");
        assert_eq!(e.categories, ["Selbstlernen", "Lernweg"]);
        assert_eq!(
            e.description.as_deref(),
            Some("Pflege · Herbst\nSelbstlernen · Modul 1 · 2,5 Std.")
        );
    }

    #[test]
    fn cancelled_and_draft_sessions_say_so() {
        let e = session_event(
            &unit(),
            2,
            SessionState::Cancelled(Some("krank")),
            &CTX,
            &German,
        );
        assert_eq!(e.status, EventStatus::Cancelled);
        assert_eq!(e.summary, "Abgesagt: Fällig – Einheit");
        assert!(e.description.unwrap().starts_with("Grund: krank\n"));
        let e = session_event(&unit(), 2, SessionState::Draft, &CTX, &German);
        assert_eq!(e.status, EventStatus::Tentative);
        assert_eq!(e.summary, "Entwurf: Fällig – Einheit");
    }
}
