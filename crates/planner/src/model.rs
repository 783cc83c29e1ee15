//! The offer as the planner sees it: plain types, constructible in code or read from TOML
//! (see [`crate::spec`]), and their validation.

use std::fmt;

use chrono::{NaiveDate, NaiveTime, Weekday};
use lernweg_domain::State;
use serde::{Deserialize, Serialize};

use crate::PlannerError;
use crate::holidays::{FIRST_YEAR, LAST_YEAR};

/// A wall-clock time of day in whole minutes, 00:00 to 23:59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

impl ClockTime {
    /// `None` unless `hour < 24 && minute < 60`.
    pub const fn new(hour: u16, minute: u16) -> Option<Self> {
        if hour < 24 && minute < 60 {
            Some(ClockTime(hour * 60 + minute))
        } else {
            None
        }
    }

    /// Builds from minutes since midnight; `None` past 23:59.
    pub const fn from_minutes(minutes: u16) -> Option<Self> {
        if minutes < 24 * 60 {
            Some(ClockTime(minutes))
        } else {
            None
        }
    }

    /// Parses "HH:MM" (also "H:MM").
    pub fn parse(input: &str) -> Result<Self, String> {
        let bad = || format!("invalid time {input:?}; expected HH:MM, e.g. \"18:00\"");
        let (h, m) = input.trim().split_once(':').ok_or_else(bad)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(bad());
        }
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        ClockTime::new(h, m).ok_or_else(bad)
    }

    pub const fn minutes(self) -> u16 {
        self.0
    }

    pub fn to_naive(self) -> NaiveTime {
        NaiveTime::from_hms_opt(u32::from(self.0 / 60), u32::from(self.0 % 60), 0)
            .expect("valid time")
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Parses "mon".."sun" (case-insensitive; full English names too).
pub fn parse_weekday(input: &str) -> Result<Weekday, String> {
    let w = match input.trim().to_ascii_lowercase().as_str() {
        "mon" | "monday" => Weekday::Mon,
        "tue" | "tuesday" => Weekday::Tue,
        "wed" | "wednesday" => Weekday::Wed,
        "thu" | "thursday" => Weekday::Thu,
        "fri" | "friday" => Weekday::Fri,
        "sat" | "saturday" => Weekday::Sat,
        "sun" | "sunday" => Weekday::Sun,
        _ => {
            return Err(format!(
                "unknown weekday {input:?}; expected mon tue wed thu fri sat sun"
            ));
        }
    };
    Ok(w)
}

/// The short English code used in TOML: "mon".
pub fn weekday_code(w: Weekday) -> &'static str {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][w.num_days_from_monday() as usize]
}

/// The German abbreviation: "Mo".
pub fn weekday_de(w: Weekday) -> &'static str {
    ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][w.num_days_from_monday() as usize]
}

/// A daily time span, e.g. a seminar day 09:00–16:30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimeSpan {
    pub start: ClockTime,
    pub end: ClockTime,
}

impl TimeSpan {
    pub fn new(start: ClockTime, end: ClockTime) -> Self {
        TimeSpan { start, end }
    }
    pub fn minutes(&self) -> u32 {
        u32::from(self.end.minutes().saturating_sub(self.start.minutes()))
    }
    fn check(&self, what: &str) -> Result<(), String> {
        if self.end <= self.start {
            return Err(format!(
                "{what}: end {} must be after start {}",
                self.end, self.start
            ));
        }
        Ok(())
    }
}

/// A time span on one weekday, repeating every week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklySlot {
    pub weekday: Weekday,
    pub start: ClockTime,
    pub end: ClockTime,
}

impl WeeklySlot {
    pub fn new(weekday: Weekday, start: ClockTime, end: ClockTime) -> Self {
        WeeklySlot {
            weekday,
            start,
            end,
        }
    }
    pub fn span(&self) -> TimeSpan {
        TimeSpan::new(self.start, self.end)
    }
}

impl Serialize for WeeklySlot {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("WeeklySlot", 3)?;
        st.serialize_field("weekday", weekday_code(self.weekday))?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for WeeklySlot {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            weekday: String,
            start: ClockTime,
            end: ClockTime,
        }
        let r = Raw::deserialize(d)?;
        let weekday = parse_weekday(&r.weekday).map_err(serde::de::Error::custom)?;
        Ok(WeeklySlot::new(weekday, r.start, r.end))
    }
}

/// The five time models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeModelKind {
    EveningCourse,
    BlockSeminar,
    CompactSeminar,
    ReleaseSlots,
    SelfPaced,
}

impl TimeModelKind {
    pub const ALL: [TimeModelKind; 5] = [
        TimeModelKind::EveningCourse,
        TimeModelKind::BlockSeminar,
        TimeModelKind::CompactSeminar,
        TimeModelKind::ReleaseSlots,
        TimeModelKind::SelfPaced,
    ];

    /// The TOML/JSON code, e.g. "block_seminar".
    pub fn code(self) -> &'static str {
        match self {
            TimeModelKind::EveningCourse => "evening_course",
            TimeModelKind::BlockSeminar => "block_seminar",
            TimeModelKind::CompactSeminar => "compact_seminar",
            TimeModelKind::ReleaseSlots => "release_slots",
            TimeModelKind::SelfPaced => "self_paced",
        }
    }

    /// The German name, e.g. "Blockseminar".
    pub fn name_de(self) -> &'static str {
        match self {
            TimeModelKind::EveningCourse => "Abendkurs",
            TimeModelKind::BlockSeminar => "Blockseminar",
            TimeModelKind::CompactSeminar => "Kompaktseminar",
            TimeModelKind::ReleaseSlots => "Freistellungs-Slots",
            TimeModelKind::SelfPaced => "Selbstlernen",
        }
    }

    pub fn parse(input: &str) -> Result<Self, String> {
        TimeModelKind::ALL
            .into_iter()
            .find(|k| k.code() == input.trim())
            .ok_or_else(|| {
                format!(
                    "unknown time model {input:?}; expected evening_course, block_seminar, compact_seminar, release_slots or self_paced"
                )
            })
    }
}

impl fmt::Display for TimeModelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for TimeModelKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The rhythm of the sessions, with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeModel {
    /// One or more fixed weekday evenings every week.
    EveningCourse { evenings: Vec<WeeklySlot> },
    /// One evening every week plus one Friday+Saturday full-day block every month.
    BlockSeminar {
        evening: WeeklySlot,
        weekend: TimeSpan,
    },
    /// `weeks_per_quarter` full Monday–Friday weeks in every calendar quarter.
    CompactSeminar {
        day: TimeSpan,
        weeks_per_quarter: u32,
    },
    /// Weekly slots inside working time; the participant needs release (Freistellung).
    ReleaseSlots { slots: Vec<WeeklySlot> },
    /// Self-paced units of `hours_per_week` with a weekly deadline; kick-off, exams and
    /// closing take place in the weekly `presence` slot.
    SelfPaced {
        hours_per_week: f64,
        presence: WeeklySlot,
    },
}

impl TimeModel {
    pub fn kind(&self) -> TimeModelKind {
        match self {
            TimeModel::EveningCourse { .. } => TimeModelKind::EveningCourse,
            TimeModel::BlockSeminar { .. } => TimeModelKind::BlockSeminar,
            TimeModel::CompactSeminar { .. } => TimeModelKind::CompactSeminar,
            TimeModel::ReleaseSlots { .. } => TimeModelKind::ReleaseSlots,
            TimeModel::SelfPaced { .. } => TimeModelKind::SelfPaced,
        }
    }

    /// The documented default parameters of a time model.
    pub fn default_for(kind: TimeModelKind) -> TimeModel {
        let t = |h, m| ClockTime::new(h, m).expect("valid default time");
        match kind {
            TimeModelKind::EveningCourse => TimeModel::EveningCourse {
                evenings: vec![
                    WeeklySlot::new(Weekday::Tue, t(18, 0), t(21, 0)),
                    WeeklySlot::new(Weekday::Thu, t(18, 0), t(21, 0)),
                ],
            },
            TimeModelKind::BlockSeminar => TimeModel::BlockSeminar {
                evening: WeeklySlot::new(Weekday::Wed, t(18, 0), t(21, 15)),
                weekend: TimeSpan::new(t(9, 0), t(16, 30)),
            },
            TimeModelKind::CompactSeminar => TimeModel::CompactSeminar {
                day: TimeSpan::new(t(8, 0), t(15, 30)),
                weeks_per_quarter: 1,
            },
            TimeModelKind::ReleaseSlots => TimeModel::ReleaseSlots {
                slots: vec![WeeklySlot::new(Weekday::Thu, t(8, 0), t(12, 0))],
            },
            TimeModelKind::SelfPaced => TimeModel::SelfPaced {
                hours_per_week: 6.0,
                presence: default_presence(),
            },
        }
    }
}

/// The default presence slot of self-paced offers: Saturday 10:00–14:00.
pub fn default_presence() -> WeeklySlot {
    WeeklySlot::new(
        Weekday::Sat,
        ClockTime::new(10, 0).expect("valid"),
        ClockTime::new(14, 0).expect("valid"),
    )
}

/// One module, taught in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleSpec {
    pub title: String,
    /// Contact hours (teaching units of 45 minutes are converted: units × 0.75).
    pub hours: f64,
    pub self_study_hours_per_week: f64,
}

/// An exam after a module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExamSpec {
    /// 1-based module number.
    pub after_module: usize,
    pub title: String,
    pub hours: f64,
}

/// A provider's closing period (Schließzeit), both days inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosurePeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub name: String,
}

impl ClosurePeriod {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// The participant's job, repeating weekly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkPattern {
    /// Contractual weekly hours; without it, the sum of the shifts.
    pub weekly_hours: Option<f64>,
    /// Working times; without them, Monday–Friday from 08:00, weekly_hours / 5 a day.
    pub shifts: Vec<WeeklySlot>,
    /// One way, per presence day.
    pub travel_minutes: u32,
}

impl WorkPattern {
    /// The assumption when an offer names no work pattern: full time, Mon–Fri 08:00–16:00.
    pub fn assumed_full_time() -> WorkPattern {
        WorkPattern {
            weekly_hours: Some(40.0),
            shifts: Vec::new(),
            travel_minutes: 0,
        }
    }
}

/// Regular peer-exchange meetings outside working time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExchangeSpec {
    pub every_weeks: u32,
    pub slot: WeeklySlot,
}

/// A qualification offer with everything the planner needs.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferSpec {
    pub title: String,
    pub state: State,
    pub start: NaiveDate,
    pub deadline: Option<NaiveDate>,
    pub kickoff: bool,
    pub closures: Vec<ClosurePeriod>,
    pub time_model: TimeModel,
    /// Lessons are held online: no travel for lessons (kick-off, exams, closing and exchange
    /// meetings are still in presence).
    pub online_lessons: bool,
    pub modules: Vec<ModuleSpec>,
    pub exams: Vec<ExamSpec>,
    pub work_pattern: Option<WorkPattern>,
    pub exchange: Option<ExchangeSpec>,
    pub load_limit_hours: Option<f64>,
    pub location: Option<String>,
}

impl OfferSpec {
    /// A minimal offer: one module, no exams, no kick-off.
    pub fn new(title: &str, state: State, start: NaiveDate, time_model: TimeModel) -> Self {
        OfferSpec {
            title: title.to_owned(),
            state,
            start,
            deadline: None,
            kickoff: false,
            closures: Vec::new(),
            time_model,
            online_lessons: false,
            modules: Vec::new(),
            exams: Vec::new(),
            work_pattern: None,
            exchange: None,
            load_limit_hours: None,
            location: None,
        }
    }

    /// Checks every rule; the message names the part, e.g. "module 2: hours must be positive".
    pub fn validate(&self) -> Result<(), PlannerError> {
        self.check().map_err(|(_, msg)| PlannerError::Invalid(msg))
    }

    /// Like [`validate`](Self::validate) but also says where, for line numbers in TOML.
    pub(crate) fn check(&self) -> Result<(), (Loc, String)> {
        let at = |loc: Loc| move |msg: String| (loc, msg);
        if self.title.trim().is_empty() {
            return Err((Loc::Offer, "title must not be empty".into()));
        }
        check_date_range("start", self.start).map_err(at(Loc::Offer))?;
        if let Some(deadline) = self.deadline {
            check_date_range("deadline", deadline).map_err(at(Loc::Offer))?;
            if deadline < self.start {
                return Err((
                    Loc::Offer,
                    format!("deadline {deadline} is before start {}", self.start),
                ));
            }
        }
        for (i, c) in self.closures.iter().enumerate() {
            if c.to < c.from {
                return Err((
                    Loc::Closure(i),
                    format!("closure {}: to {} is before from {}", i + 1, c.to, c.from),
                ));
            }
        }
        self.check_time_model().map_err(at(Loc::TimeModel))?;
        if self.modules.is_empty() {
            return Err((
                Loc::Offer,
                "an offer needs at least one [[modules]] entry".into(),
            ));
        }
        for (i, m) in self.modules.iter().enumerate() {
            let n = i + 1;
            let e = |msg: &str| (Loc::Module(i), format!("module {n}: {msg}"));
            if m.title.trim().is_empty() {
                return Err(e("title must not be empty"));
            }
            if !(m.hours.is_finite() && m.hours > 0.0) {
                return Err(e("hours must be positive"));
            }
            if m.hours > 10_000.0 {
                return Err(e("hours must be at most 10000"));
            }
            if !(m.self_study_hours_per_week.is_finite() && m.self_study_hours_per_week >= 0.0)
                || m.self_study_hours_per_week > 60.0
            {
                return Err(e("self_study_hours_per_week must be between 0 and 60"));
            }
        }
        for (i, x) in self.exams.iter().enumerate() {
            let n = i + 1;
            let e = |msg: String| (Loc::Exam(i), format!("exam {n}: {msg}"));
            if x.after_module == 0 || x.after_module > self.modules.len() {
                return Err(e(format!(
                    "after_module {} is not a module; expected 1 to {}",
                    x.after_module,
                    self.modules.len()
                )));
            }
            if x.title.trim().is_empty() {
                return Err(e("title must not be empty".into()));
            }
            if !(x.hours.is_finite() && x.hours > 0.0 && x.hours <= 12.0) {
                return Err(e("hours must be positive and at most 12".into()));
            }
        }
        if let Some(w) = &self.work_pattern {
            let e = |msg: String| (Loc::WorkPattern, format!("work_pattern: {msg}"));
            if let Some(h) = w.weekly_hours
                && !(h.is_finite() && (0.0..=80.0).contains(&h))
            {
                return Err(e("weekly_hours must be between 0 and 80".into()));
            }
            for (i, s) in w.shifts.iter().enumerate() {
                // A shift may cross midnight (end before start), but must not be empty.
                if s.start == s.end {
                    return Err(e(format!(
                        "shift {}: start and end are both {}",
                        i + 1,
                        s.start
                    )));
                }
            }
            if w.travel_minutes > 600 {
                return Err(e("travel_minutes must be at most 600".into()));
            }
        }
        if let Some(x) = &self.exchange {
            let e = |msg: String| (Loc::Exchange, format!("exchange: {msg}"));
            if x.every_weeks == 0 || x.every_weeks > 52 {
                return Err(e("every_weeks must be between 1 and 52".into()));
            }
            x.slot.span().check("time").map_err(e)?;
        }
        if let Some(limit) = self.load_limit_hours
            && !(limit.is_finite() && limit > 0.0 && limit <= 168.0)
        {
            return Err((
                Loc::Offer,
                "load_limit_hours must be between 0 and 168".into(),
            ));
        }
        Ok(())
    }

    fn check_time_model(&self) -> Result<(), String> {
        let slots = |name: &str, list: &[WeeklySlot]| -> Result<(), String> {
            if list.is_empty() {
                return Err(format!("time_model: {name} must not be empty"));
            }
            for (i, s) in list.iter().enumerate() {
                s.span().check(&format!("time_model: {name} {}", i + 1))?;
                for (j, t) in list.iter().enumerate().skip(i + 1) {
                    if s.weekday == t.weekday && s.start < t.end && t.start < s.end {
                        return Err(format!(
                            "time_model: {name} {} and {} overlap on {}",
                            i + 1,
                            j + 1,
                            weekday_code(s.weekday)
                        ));
                    }
                }
            }
            Ok(())
        };
        match &self.time_model {
            TimeModel::EveningCourse { evenings } => slots("evenings", evenings),
            TimeModel::ReleaseSlots { slots: s } => slots("slots", s),
            TimeModel::BlockSeminar { evening, weekend } => {
                evening.span().check("time_model: evening")?;
                weekend.check("time_model: weekend")
            }
            TimeModel::CompactSeminar {
                day,
                weeks_per_quarter,
            } => {
                day.check("time_model: day")?;
                if !(1..=12).contains(weeks_per_quarter) {
                    return Err("time_model: weeks_per_quarter must be between 1 and 12".into());
                }
                Ok(())
            }
            TimeModel::SelfPaced {
                hours_per_week,
                presence,
            } => {
                if !(hours_per_week.is_finite() && *hours_per_week > 0.0 && *hours_per_week <= 60.0)
                {
                    return Err("time_model: hours_per_week must be positive and at most 60".into());
                }
                presence.span().check("time_model: presence")
            }
        }
    }

    /// The load limit in force: the given override, else the offer's, else 48 h.
    pub fn effective_load_limit(&self, override_hours: Option<f64>) -> f64 {
        override_hours
            .or(self.load_limit_hours)
            .unwrap_or(DEFAULT_LOAD_LIMIT_HOURS)
    }
}

/// The weekly ceiling of the Arbeitszeitgesetz (6 days × 8 h).
pub const DEFAULT_LOAD_LIMIT_HOURS: f64 = 48.0;

/// Where a validation error is, to point at a TOML line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loc {
    Offer,
    TimeModel,
    Module(usize),
    Exam(usize),
    Closure(usize),
    WorkPattern,
    Exchange,
}

fn check_date_range(what: &str, date: NaiveDate) -> Result<(), String> {
    use chrono::Datelike;
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(format!(
            "{what} {date} is outside the supported years {FIRST_YEAR} to {LAST_YEAR}"
        ))
    }
}

/// Contact minutes of a module, rounded up to whole minutes.
pub(crate) fn hours_to_minutes(hours: f64) -> u32 {
    (hours * 60.0 - 1e-6).ceil().max(0.0) as u32
}
