//! Reading an offer from TOML. Unknown keys are errors (typos must not pass silently); every
//! error carries the line and column of the TOML source.

use chrono::{NaiveDate, Weekday};
use lernweg_domain::State;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use crate::PlannerError;
use crate::error::line_col;
use crate::model::{
    ClockTime, ClosurePeriod, ExamSpec, ExchangeSpec, Loc, ModuleSpec, OfferSpec, TimeModel,
    TimeModelKind, TimeSpan, WeeklySlot, WorkPattern, default_presence, parse_weekday,
};

impl OfferSpec {
    /// Parses and validates an offer written in TOML (see docs/offer-toml.md).
    pub fn from_toml(src: &str) -> Result<OfferSpec, PlannerError> {
        let raw: RawOffer = toml::from_str(src).map_err(|e| PlannerError::from_toml(&e, src))?;
        let spans = Spans {
            offer: 0,
            time_model: raw.time_model.span().start,
            modules: raw.modules.iter().map(|m| m.span().start).collect(),
            exams: raw.exams.iter().map(|m| m.span().start).collect(),
            closures: raw.closures.iter().map(|m| m.span().start).collect(),
            work_pattern: raw.work_pattern.as_ref().map(|w| w.span().start),
            exchange: raw.exchange.as_ref().map(|w| w.span().start),
        };
        let spec = raw
            .into_spec()
            .map_err(|(loc, msg)| located(src, &spans, loc, msg))?;
        spec.check()
            .map_err(|(loc, msg)| located(src, &spans, loc, msg))?;
        Ok(spec)
    }
}

struct Spans {
    offer: usize,
    time_model: usize,
    modules: Vec<usize>,
    exams: Vec<usize>,
    closures: Vec<usize>,
    work_pattern: Option<usize>,
    exchange: Option<usize>,
}

fn located(src: &str, spans: &Spans, loc: Loc, message: String) -> PlannerError {
    let offset = match loc {
        Loc::Offer => Some(spans.offer),
        Loc::TimeModel => Some(spans.time_model),
        Loc::Module(i) => spans.modules.get(i).copied(),
        Loc::Exam(i) => spans.exams.get(i).copied(),
        Loc::Closure(i) => spans.closures.get(i).copied(),
        Loc::WorkPattern => spans.work_pattern,
        Loc::Exchange => spans.exchange,
    };
    match (loc, offset) {
        (Loc::Offer, _) | (_, None) => PlannerError::Invalid(message),
        (_, Some(offset)) => {
            let (line, _) = line_col(src, offset);
            PlannerError::Invalid(format!("line {line}: {message}"))
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffer {
    title: String,
    state: State,
    start: Date,
    deadline: Option<Date>,
    #[serde(default)]
    kickoff: bool,
    #[serde(default)]
    closures: Vec<Spanned<RawClosure>>,
    time_model: Spanned<RawTimeModel>,
    #[serde(default)]
    modules: Vec<Spanned<RawModule>>,
    #[serde(default)]
    exams: Vec<Spanned<RawExam>>,
    work_pattern: Option<Spanned<RawWorkPattern>>,
    exchange: Option<Spanned<RawExchange>>,
    load_limit_hours: Option<f64>,
    location: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosure {
    from: Date,
    to: Date,
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTimeModel {
    kind: Kind,
    evening: Option<RawSlot>,
    weekend: Option<RawSpan>,
    evenings: Option<Vec<RawSlot>>,
    day: Option<RawSpan>,
    weeks_per_quarter: Option<u32>,
    slots: Option<Vec<RawSlot>>,
    hours_per_week: Option<f64>,
    presence: Option<RawSlot>,
    #[serde(default)]
    online: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    title: String,
    hours: Option<f64>,
    units: Option<f64>,
    #[serde(default)]
    self_study_hours_per_week: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExam {
    after_module: i64,
    title: String,
    hours: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorkPattern {
    weekly_hours: Option<f64>,
    #[serde(default)]
    shifts: Vec<RawSlot>,
    #[serde(default)]
    travel_minutes: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExchange {
    every_weeks: u32,
    weekday: Day,
    start: Time,
    end: Time,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSlot {
    weekday: Day,
    start: Time,
    end: Time,
}

impl RawSlot {
    fn slot(&self) -> WeeklySlot {
        WeeklySlot::new(self.weekday.0, self.start.0, self.end.0)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpan {
    start: Time,
    end: Time,
}

impl RawSpan {
    fn span(&self) -> TimeSpan {
        TimeSpan::new(self.start.0, self.end.0)
    }
}

impl RawOffer {
    fn into_spec(self) -> Result<OfferSpec, (Loc, String)> {
        let time_model_raw = self.time_model.into_inner();
        let online_lessons = time_model_raw.online;
        let time_model = time_model_raw
            .into_model()
            .map_err(|m| (Loc::TimeModel, m))?;
        let mut modules = Vec::new();
        for (i, m) in self.modules.into_iter().enumerate() {
            let m = m.into_inner();
            let hours = match (m.hours, m.units) {
                (Some(h), None) => h,
                (None, Some(u)) => u * 0.75,
                (Some(_), Some(_)) => {
                    return Err((
                        Loc::Module(i),
                        format!("module {}: give either hours or units, not both", i + 1),
                    ));
                }
                (None, None) => {
                    return Err((
                        Loc::Module(i),
                        format!("module {}: hours or units is required", i + 1),
                    ));
                }
            };
            modules.push(ModuleSpec {
                title: m.title,
                hours,
                self_study_hours_per_week: m.self_study_hours_per_week,
            });
        }
        let exams = self
            .exams
            .into_iter()
            .map(|x| {
                let x = x.into_inner();
                ExamSpec {
                    after_module: usize::try_from(x.after_module).unwrap_or(0),
                    title: x.title,
                    hours: x.hours,
                }
            })
            .collect();
        Ok(OfferSpec {
            title: self.title,
            state: self.state,
            start: self.start.0,
            deadline: self.deadline.map(|d| d.0),
            kickoff: self.kickoff,
            closures: self
                .closures
                .into_iter()
                .map(|c| {
                    let c = c.into_inner();
                    ClosurePeriod {
                        from: c.from.0,
                        to: c.to.0,
                        name: c.name.unwrap_or_else(|| "Schließzeit".to_owned()),
                    }
                })
                .collect(),
            time_model,
            online_lessons,
            modules,
            exams,
            work_pattern: self.work_pattern.map(|w| {
                let w = w.into_inner();
                WorkPattern {
                    weekly_hours: w.weekly_hours,
                    shifts: w.shifts.iter().map(RawSlot::slot).collect(),
                    travel_minutes: w.travel_minutes,
                }
            }),
            exchange: self.exchange.map(|x| {
                let x = x.into_inner();
                ExchangeSpec {
                    every_weeks: x.every_weeks,
                    slot: WeeklySlot::new(x.weekday.0, x.start.0, x.end.0),
                }
            }),
            load_limit_hours: self.load_limit_hours,
            location: self.location,
        })
    }
}

impl RawTimeModel {
    fn into_model(self) -> Result<TimeModel, String> {
        let kind = self.kind.0;
        let allowed: &[&str] = match kind {
            TimeModelKind::EveningCourse => &["evenings"],
            TimeModelKind::BlockSeminar => &["evening", "weekend"],
            TimeModelKind::CompactSeminar => &["day", "weeks_per_quarter"],
            TimeModelKind::ReleaseSlots => &["slots"],
            TimeModelKind::SelfPaced => &["hours_per_week", "presence"],
        };
        let present = [
            ("evening", self.evening.is_some()),
            ("weekend", self.weekend.is_some()),
            ("evenings", self.evenings.is_some()),
            ("day", self.day.is_some()),
            ("weeks_per_quarter", self.weeks_per_quarter.is_some()),
            ("slots", self.slots.is_some()),
            ("hours_per_week", self.hours_per_week.is_some()),
            ("presence", self.presence.is_some()),
        ];
        if let Some((key, _)) = present.iter().find(|(k, p)| *p && !allowed.contains(k)) {
            return Err(format!(
                "time_model: key {key:?} does not belong to kind {kind}; {kind} takes {}",
                allowed.join(", ")
            ));
        }
        let default = TimeModel::default_for(kind);
        Ok(match default {
            TimeModel::EveningCourse { evenings } => TimeModel::EveningCourse {
                evenings: self
                    .evenings
                    .map(|v| v.iter().map(RawSlot::slot).collect())
                    .unwrap_or(evenings),
            },
            TimeModel::BlockSeminar { evening, weekend } => TimeModel::BlockSeminar {
                evening: self.evening.map(|s| s.slot()).unwrap_or(evening),
                weekend: self.weekend.map(|s| s.span()).unwrap_or(weekend),
            },
            TimeModel::CompactSeminar {
                day,
                weeks_per_quarter,
            } => TimeModel::CompactSeminar {
                day: self.day.map(|s| s.span()).unwrap_or(day),
                weeks_per_quarter: self.weeks_per_quarter.unwrap_or(weeks_per_quarter),
            },
            TimeModel::ReleaseSlots { slots } => TimeModel::ReleaseSlots {
                slots: self
                    .slots
                    .map(|v| v.iter().map(RawSlot::slot).collect())
                    .unwrap_or(slots),
            },
            TimeModel::SelfPaced { hours_per_week, .. } => TimeModel::SelfPaced {
                hours_per_week: self.hours_per_week.unwrap_or(hours_per_week),
                presence: self
                    .presence
                    .map(|s| s.slot())
                    .unwrap_or_else(default_presence),
            },
        })
    }
}

// ---- leaf values with precise messages -------------------------------------------------------

struct Kind(TimeModelKind);
impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        TimeModelKind::parse(&s)
            .map(Kind)
            .map_err(de::Error::custom)
    }
}

struct Day(Weekday);
impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_weekday(&s).map(Day).map_err(de::Error::custom)
    }
}

struct Time(ClockTime);
impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TimeVisitor)
    }
}

struct TimeVisitor;
impl<'de> Visitor<'de> for TimeVisitor {
    type Value = Time;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a time like \"18:00\"")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Time, E> {
        ClockTime::parse(v).map(Time).map_err(E::custom)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Time, A::Error> {
        // A TOML local time such as `start = 18:00:00`.
        let dt = toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
        match (dt.date, dt.time, dt.offset) {
            (None, Some(t), None) if t.second == 0 => {
                ClockTime::new(u16::from(t.hour), u16::from(t.minute))
                    .map(Time)
                    .ok_or_else(|| de::Error::custom("invalid time"))
            }
            _ => Err(de::Error::custom(format!(
                "invalid time {dt}; expected HH:MM, e.g. \"18:00\""
            ))),
        }
    }
}

struct Date(NaiveDate);
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;
impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a date like \"2027-01-11\"")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
            .map(Date)
            .map_err(|_| E::custom(format!("invalid date {v:?}; expected YYYY-MM-DD")))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
        // A TOML local date such as `start = 2027-01-11`.
        let dt = toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
        match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map(Date)
                    .ok_or_else(|| de::Error::custom(format!("invalid date {dt}")))
            }
            _ => Err(de::Error::custom(format!(
                "invalid date {dt}; expected a date without time, YYYY-MM-DD"
            ))),
        }
    }
}

#[cfg(test)]
mod tests;
