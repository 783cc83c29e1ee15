//! The time model of an offer, serializable, convertible to the planner's [`TimeModel`].

use chrono::Weekday;
use lernweg_planner::model::{parse_weekday, weekday_code};
use lernweg_planner::{ClockTime, TimeModel, TimeModelKind, TimeSpan, WeeklySlot};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A weekly slot: `{"weekday": "tue", "start": "18:00", "end": "21:00"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    #[serde(with = "weekday_serde")]
    pub weekday: Weekday,
    #[serde(with = "clock_serde")]
    pub start: ClockTime,
    #[serde(with = "clock_serde")]
    pub end: ClockTime,
}

impl Slot {
    pub fn to_planner(self) -> WeeklySlot {
        WeeklySlot::new(self.weekday, self.start, self.end)
    }
    pub fn from_planner(s: WeeklySlot) -> Self {
        Slot {
            weekday: s.weekday,
            start: s.start,
            end: s.end,
        }
    }
    /// Hours of the slot.
    pub fn hours(&self) -> f64 {
        f64::from(self.end.minutes().saturating_sub(self.start.minutes())) / 60.0
    }
}

/// A daily span: `{"start": "09:00", "end": "16:30"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    #[serde(with = "clock_serde")]
    pub start: ClockTime,
    #[serde(with = "clock_serde")]
    pub end: ClockTime,
}

impl Span {
    pub fn to_planner(self) -> TimeSpan {
        TimeSpan::new(self.start, self.end)
    }
    pub fn hours(&self) -> f64 {
        f64::from(self.end.minutes().saturating_sub(self.start.minutes())) / 60.0
    }
}

/// The rhythm of the sessions (Zeitmodell), as in the planner's TOML format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimeModelDef {
    EveningCourse { evenings: Vec<Slot> },
    BlockSeminar { evening: Slot, weekend: Span },
    CompactSeminar { day: Span, weeks_per_quarter: u32 },
    ReleaseSlots { slots: Vec<Slot> },
    SelfPaced { hours_per_week: f64, presence: Slot },
}

impl TimeModelDef {
    pub fn kind(&self) -> TimeModelKind {
        match self {
            TimeModelDef::EveningCourse { .. } => TimeModelKind::EveningCourse,
            TimeModelDef::BlockSeminar { .. } => TimeModelKind::BlockSeminar,
            TimeModelDef::CompactSeminar { .. } => TimeModelKind::CompactSeminar,
            TimeModelDef::ReleaseSlots { .. } => TimeModelKind::ReleaseSlots,
            TimeModelDef::SelfPaced { .. } => TimeModelKind::SelfPaced,
        }
    }

    pub fn to_planner(&self) -> TimeModel {
        match self {
            TimeModelDef::EveningCourse { evenings } => TimeModel::EveningCourse {
                evenings: evenings.iter().map(|s| s.to_planner()).collect(),
            },
            TimeModelDef::BlockSeminar { evening, weekend } => TimeModel::BlockSeminar {
                evening: evening.to_planner(),
                weekend: weekend.to_planner(),
            },
            TimeModelDef::CompactSeminar {
                day,
                weeks_per_quarter,
            } => TimeModel::CompactSeminar {
                day: day.to_planner(),
                weeks_per_quarter: *weeks_per_quarter,
            },
            TimeModelDef::ReleaseSlots { slots } => TimeModel::ReleaseSlots {
                slots: slots.iter().map(|s| s.to_planner()).collect(),
            },
            TimeModelDef::SelfPaced {
                hours_per_week,
                presence,
            } => TimeModel::SelfPaced {
                hours_per_week: *hours_per_week,
                presence: presence.to_planner(),
            },
        }
    }

    pub fn from_planner(model: &TimeModel) -> Self {
        let span = |t: &TimeSpan| Span {
            start: t.start,
            end: t.end,
        };
        match model {
            TimeModel::EveningCourse { evenings } => TimeModelDef::EveningCourse {
                evenings: evenings.iter().copied().map(Slot::from_planner).collect(),
            },
            TimeModel::BlockSeminar { evening, weekend } => TimeModelDef::BlockSeminar {
                evening: Slot::from_planner(*evening),
                weekend: span(weekend),
            },
            TimeModel::CompactSeminar {
                day,
                weeks_per_quarter,
            } => TimeModelDef::CompactSeminar {
                day: span(day),
                weeks_per_quarter: *weeks_per_quarter,
            },
            TimeModel::ReleaseSlots { slots } => TimeModelDef::ReleaseSlots {
                slots: slots.iter().copied().map(Slot::from_planner).collect(),
            },
            TimeModel::SelfPaced {
                hours_per_week,
                presence,
            } => TimeModelDef::SelfPaced {
                hours_per_week: *hours_per_week,
                presence: Slot::from_planner(*presence),
            },
        }
    }

    /// The regular weekly slots with clock times (not the self-paced hours); for a block
    /// seminar the Friday and Saturday of the monthly block, for a compact seminar Mon–Fri.
    pub fn weekly_slots(&self) -> Vec<Slot> {
        let days = |span: &Span, days: &[Weekday]| {
            days.iter()
                .map(|d| Slot {
                    weekday: *d,
                    start: span.start,
                    end: span.end,
                })
                .collect::<Vec<_>>()
        };
        match self {
            TimeModelDef::EveningCourse { evenings } => evenings.clone(),
            TimeModelDef::ReleaseSlots { slots } => slots.clone(),
            TimeModelDef::BlockSeminar { evening, weekend } => {
                let mut v = vec![*evening];
                v.extend(days(weekend, &[Weekday::Fri, Weekday::Sat]));
                v
            }
            TimeModelDef::CompactSeminar { day, .. } => days(
                day,
                &[
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                ],
            ),
            TimeModelDef::SelfPaced { presence, .. } => vec![*presence],
        }
    }
}

mod clock_serde {
    use super::*;
    pub fn serialize<S: Serializer>(t: &ClockTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(t)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ClockTime, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s).map_err(serde::de::Error::custom)
    }
}

mod weekday_serde {
    use super::*;
    pub fn serialize<S: Serializer>(w: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(weekday_code(*w))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        let s = String::deserialize(d)?;
        parse_weekday(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_and_planner_conversion() {
        let json = r#"{"kind":"block_seminar","evening":{"weekday":"wed","start":"18:00","end":"21:15"},"weekend":{"start":"09:00","end":"16:30"}}"#;
        let m: TimeModelDef = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), json);
        assert_eq!(m.kind(), TimeModelKind::BlockSeminar);
        assert_eq!(TimeModelDef::from_planner(&m.to_planner()), m);
        assert_eq!(m.weekly_slots().len(), 3);
    }

    #[test]
    fn rejects_bad_times() {
        let bad =
            r#"{"kind":"release_slots","slots":[{"weekday":"xyz","start":"08:00","end":"12:00"}]}"#;
        assert!(serde_json::from_str::<TimeModelDef>(bad).is_err());
    }
}
