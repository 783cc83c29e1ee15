//! The planner: from an offer to its binding timetable.
//!
//! Rules (see docs/offer-toml.md):
//! * sessions only in the slots of the time model, never on a public holiday or in a closure;
//! * kick-off (if wanted) in the first slot, closing in the first slot after the last exam;
//! * modules in order; a module's lessons fill slots until its contact hours are covered, the
//!   last lesson ends early when fewer minutes are left than the slot offers;
//! * a module with exams ends with them: the rest of its last slot stays free and each exam
//!   takes the next slot (starting at the slot's start, lasting the exam's hours); a module
//!   without an exam hands the rest of its last slot to the next module;
//! * planning stops when all contact hours are covered.

use chrono::{Datelike, NaiveDate};
use lernweg_domain::State;
use serde::Serialize;

use crate::PlannerError;
use crate::load::{self, LoadReport, ReleaseNeed};
use crate::model::{ClockTime, OfferSpec, TimeModelKind, WorkPattern, hours_to_minutes};
use crate::slots::{Blocker, DAY_MINUTES, Pos, Slot, Stream, monday_of};
use crate::uid;

/// Options that do not belong to the offer itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanOptions {
    /// Overrides the offer's `load_limit_hours` (default 48).
    pub load_limit_hours: Option<f64>,
}

/// What a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Lesson,
    Exam,
    Kickoff,
    Closing,
    Exchange,
    SelfPaced,
}

impl SessionKind {
    pub fn code(self) -> &'static str {
        match self {
            SessionKind::Lesson => "lesson",
            SessionKind::Exam => "exam",
            SessionKind::Kickoff => "kickoff",
            SessionKind::Closing => "closing",
            SessionKind::Exchange => "exchange",
            SessionKind::SelfPaced => "self_paced",
        }
    }

    pub fn name_de(self) -> &'static str {
        match self {
            SessionKind::Lesson => "Unterricht",
            SessionKind::Exam => "Prüfung",
            SessionKind::Kickoff => "Auftakt",
            SessionKind::Closing => "Abschluss",
            SessionKind::Exchange => "Austausch",
            SessionKind::SelfPaced => "Selbstlernen",
        }
    }

    /// Whether the session has a place and a clock time (self-paced units have neither).
    pub fn is_presence(self) -> bool {
        self != SessionKind::SelfPaced
    }

    /// The one travel rule: whether the participant travels to a session of this kind of an
    /// offer whose lessons are online (`online_lessons`) or not. Online lessons and
    /// self-paced units cost no travel; kick-off, exams, closing and exchange meetings always
    /// count as presence (docs/offer-toml.md).
    pub fn travels(self, online_lessons: bool) -> bool {
        match self {
            SessionKind::Lesson => !online_lessons,
            SessionKind::SelfPaced => false,
            SessionKind::Exam
            | SessionKind::Kickoff
            | SessionKind::Closing
            | SessionKind::Exchange => true,
        }
    }

    /// Whether the session keeps its module's self-study running (lessons and self-paced
    /// units).
    pub fn counts_for_self_study(self) -> bool {
        matches!(self, SessionKind::Lesson | SessionKind::SelfPaced)
    }
}

/// One dated session of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedSession {
    /// Stable across rebuilds of the same offer: derived from the offer's title, state and start
    /// and the session's kind, module and ordinal (not its date, so a moved session keeps it).
    pub uid: String,
    pub date: NaiveDate,
    /// `None` for self-paced units, which are due on `date` and have no clock time.
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub hours: f64,
    /// 1-based module number; `None` for kick-off, closing and exchange meetings.
    pub module: Option<usize>,
    pub kind: SessionKind,
    pub title: String,
}

/// The visible intermediate goal of a module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    pub module: usize,
    pub title: String,
    /// Date of the last exam of the module, or of its last lesson if it has no exam.
    pub date: NaiveDate,
    pub with_exam: bool,
}

/// A complete timetable with its load check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub title: String,
    pub state: State,
    pub time_model: TimeModelKind,
    pub start: NaiveDate,
    pub sessions: Vec<PlannedSession>,
    pub end_date: NaiveDate,
    /// Hours of all sessions.
    pub total_hours: f64,
    /// Contact hours of the modules (lessons and self-paced units).
    pub contact_hours: f64,
    /// Calendar weeks from the first to the last session, both included.
    pub weeks: u32,
    pub deadline: Option<NaiveDate>,
    pub deadline_met: bool,
    /// The deadline the offer would need, when it misses its own.
    pub deadline_needed: Option<NaiveDate>,
    pub milestones: Vec<Milestone>,
    pub load: LoadReport,
    pub release_needed: Vec<ReleaseNeed>,
    /// True when the offer named no work pattern and full time Mon–Fri 08:00–16:00 was assumed.
    pub work_pattern_assumed: bool,
    pub location: Option<String>,
}

impl Plan {
    /// Distinct days on which release (Freistellung) is needed.
    pub fn release_days(&self) -> usize {
        let mut days: Vec<NaiveDate> = self.release_needed.iter().map(|r| r.date).collect();
        days.dedup();
        days.len()
    }
}

/// Plans an offer. Validates it first.
pub fn plan(spec: &OfferSpec, options: &PlanOptions) -> Result<Plan, PlannerError> {
    spec.validate()?;
    if let Some(limit) = options.load_limit_hours
        && !(limit.is_finite() && limit > 0.0 && limit <= 168.0)
    {
        return Err(PlannerError::Invalid(
            "load limit must be between 0 and 168 hours".into(),
        ));
    }
    let mut blocker = Blocker::new(spec);
    let mut sessions = schedule(spec, &mut blocker)?;
    add_exchange(spec, &mut sessions, &mut blocker);
    sessions.sort_by_key(sort_key);
    uid::assign(spec, &mut sessions);

    let first = sessions.first().map(|s| s.date).unwrap_or(spec.start);
    let end_date = sessions.last().map(|s| s.date).unwrap_or(spec.start);
    let weeks = ((monday_of(end_date) - monday_of(first)).num_days() / 7 + 1) as u32;
    let total_hours = round2(sessions.iter().map(|s| s.hours).sum());
    let contact_hours = round2(
        sessions
            .iter()
            .filter(|s| matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced))
            .map(|s| s.hours)
            .sum(),
    );
    let deadline_met = spec.deadline.is_none_or(|d| end_date <= d);
    let milestones = milestones(spec, &sessions);
    let work_pattern_assumed = spec.work_pattern.is_none();
    let pattern = spec
        .work_pattern
        .clone()
        .unwrap_or_else(WorkPattern::assumed_full_time);
    let limit = spec.effective_load_limit(options.load_limit_hours);
    let (load, release_needed) = load::compute(spec, &pattern, &sessions, limit, &mut blocker);
    Ok(Plan {
        title: spec.title.clone(),
        state: spec.state,
        time_model: spec.time_model.kind(),
        start: spec.start,
        sessions,
        end_date,
        total_hours,
        contact_hours,
        weeks,
        deadline: spec.deadline,
        deadline_met,
        deadline_needed: (!deadline_met).then_some(end_date),
        milestones,
        load,
        release_needed,
        work_pattern_assumed,
        location: spec.location.clone(),
    })
}

/// Chronological order; self-paced units are due at the end of their day.
fn sort_key(s: &PlannedSession) -> (NaiveDate, u16, SessionKind, Option<usize>) {
    let start = s.start.map_or(DAY_MINUTES, ClockTime::minutes);
    (s.date, start, s.kind, s.module)
}

/// Rounds to cents of an hour; also turns -0.0 into 0.0.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

fn hours(minutes: u32) -> f64 {
    round2(f64::from(minutes) / 60.0)
}

fn clock(minutes: u16) -> Option<ClockTime> {
    ClockTime::from_minutes(minutes)
}

/// A session covering a whole timed slot.
fn whole(slot: &Slot, kind: SessionKind, title: &str) -> PlannedSession {
    PlannedSession {
        uid: String::new(),
        date: slot.date,
        start: clock(slot.start),
        end: clock(slot.end),
        hours: hours(slot.capacity),
        module: None,
        kind,
        title: title.to_owned(),
    }
}

/// Kick-off, lessons, exams and closing.
fn schedule(spec: &OfferSpec, blocker: &mut Blocker) -> Result<Vec<PlannedSession>, PlannerError> {
    let mut lessons = Stream::lessons(spec);
    let mut events = Stream::events(spec);
    let mut out = Vec::new();
    let mut pos: Pos = (spec.start, 0);
    if spec.kickoff {
        let slot = events.next(pos, blocker)?;
        out.push(whole(&slot, SessionKind::Kickoff, "Auftaktveranstaltung"));
        pos = (slot.date, slot.end);
    }
    // A slot of which the previous module used only the first `used` minutes.
    let mut partial: Option<(Slot, u32)> = None;
    for (index, module) in spec.modules.iter().enumerate() {
        let number = index + 1;
        let mut remaining = hours_to_minutes(module.hours);
        while remaining > 0 {
            let (slot, used) = match partial.take() {
                Some(p) => p,
                None => (lessons.next(pos, blocker)?, 0),
            };
            let take = remaining.min(slot.capacity - used);
            remaining -= take;
            if slot.all_day {
                out.push(PlannedSession {
                    uid: String::new(),
                    date: slot.date,
                    start: None,
                    end: None,
                    hours: hours(take),
                    module: Some(number),
                    kind: SessionKind::SelfPaced,
                    title: format!("Selbstlerneinheit: {}", module.title),
                });
                pos = (slot.date, DAY_MINUTES);
            } else {
                let from = slot.start + used as u16;
                let to = from + take as u16;
                out.push(PlannedSession {
                    uid: String::new(),
                    date: slot.date,
                    start: clock(from),
                    end: clock(to),
                    hours: hours(take),
                    module: Some(number),
                    kind: SessionKind::Lesson,
                    title: module.title.clone(),
                });
                pos = (slot.date, to);
            }
            if used + take < slot.capacity {
                partial = Some((slot, used + take));
            }
        }
        let exams: Vec<_> = spec
            .exams
            .iter()
            .filter(|x| x.after_module == number)
            .collect();
        if !exams.is_empty() {
            partial = None;
        }
        for exam in exams {
            let slot = events.next(pos, blocker)?;
            let length = hours_to_minutes(exam.hours);
            let end = u32::from(slot.start) + length;
            if end >= u32::from(DAY_MINUTES) {
                return Err(PlannerError::Unplannable(format!(
                    "exam {:?} ({} h) starting at {} on {} would run past midnight",
                    exam.title,
                    exam.hours,
                    ClockTime::from_minutes(slot.start)
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                    slot.date
                )));
            }
            out.push(PlannedSession {
                uid: String::new(),
                date: slot.date,
                start: clock(slot.start),
                end: clock(end as u16),
                hours: hours(length),
                module: Some(number),
                kind: SessionKind::Exam,
                title: exam.title.clone(),
            });
            pos = (slot.date, slot.end.max(end as u16));
        }
    }
    if spec.kickoff {
        let slot = events.next(pos, blocker)?;
        out.push(whole(&slot, SessionKind::Closing, "Abschlussveranstaltung"));
    }
    Ok(out)
}

/// Peer-exchange meetings every `every_weeks` weeks between the first and the last lesson,
/// skipping blocked days and days where the time is taken by another session.
fn add_exchange(spec: &OfferSpec, sessions: &mut Vec<PlannedSession>, blocker: &mut Blocker) {
    let Some(x) = &spec.exchange else { return };
    let mut teaching = sessions
        .iter()
        .filter(|s| matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced))
        .map(|s| s.date);
    let Some(first) = teaching.next() else { return };
    let last = teaching.next_back().unwrap_or(first);
    let offset = i64::from(x.slot.weekday.num_days_from_monday());
    let mut week = monday_of(first);
    let mut added = Vec::new();
    while week <= last {
        let date = week + chrono::Duration::days(offset);
        let (s, e) = (x.slot.start, x.slot.end);
        let clash = sessions.iter().any(|o| {
            o.date == date && o.start.is_some_and(|os| os < e) && o.end.is_some_and(|oe| s < oe)
        });
        if date >= first && date <= last && !blocker.blocked(date) && !clash {
            added.push(PlannedSession {
                uid: String::new(),
                date,
                start: Some(s),
                end: Some(e),
                hours: hours(u32::from(e.minutes() - s.minutes())),
                module: None,
                kind: SessionKind::Exchange,
                title: "Austauschtreffen".to_owned(),
            });
        }
        week += chrono::Duration::weeks(i64::from(x.every_weeks));
    }
    sessions.extend(added);
}

fn milestones(spec: &OfferSpec, sessions: &[PlannedSession]) -> Vec<Milestone> {
    spec.modules
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let number = i + 1;
            let mut of_module = sessions.iter().filter(|s| s.module == Some(number));
            let last_exam = of_module.clone().rfind(|s| s.kind == SessionKind::Exam);
            let last = of_module.next_back()?;
            Some(match last_exam {
                Some(exam) => Milestone {
                    module: number,
                    title: format!("{} – {}", m.title, exam.title),
                    date: exam.date,
                    with_exam: true,
                },
                None => Milestone {
                    module: number,
                    title: format!("{} abgeschlossen", m.title),
                    date: last.date,
                    with_exam: false,
                },
            })
        })
        .collect()
}

/// ISO week label, e.g. "2027-W05".
pub fn iso_week_label(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}
