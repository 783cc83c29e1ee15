//! The checks behind [`OfferDraft::validate`](super::OfferDraft::validate): numbers, times,
//! slots and the time model, each pushing [`FieldError`]s.

use chrono::Weekday;
use lernweg_planner::model::{TimeModel, TimeModelKind, parse_weekday};
use lernweg_planner::{ClockTime, WeeklySlot};

use lernweg_domain::decimal;

use super::draft::{FieldError, SlotDraft, SpanDraft, TimeModelDraft};
use super::time::{Slot, Span, TimeModelDef};

/// Collects errors while values are checked.
pub(super) struct Check {
    pub(super) errors: Vec<FieldError>,
}

impl Check {
    pub(super) fn push(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    /// A required decimal in `min..=max` (min exclusive when `min_exclusive`).
    pub(super) fn decimal(
        &mut self,
        field: String,
        key: &'static str,
        raw: &str,
        required: bool,
        range: (f64, f64, bool),
    ) -> Option<f64> {
        let (min, max, min_exclusive) = range;
        if raw.trim().is_empty() {
            if required {
                self.push(FieldError::new(field, key, "required"));
            }
            return None;
        }
        let Some(v) = decimal::parse(raw) else {
            self.push(FieldError::new(field, key, "invalid_number"));
            return None;
        };
        if (min_exclusive && v <= min) || (!min_exclusive && v < min) {
            let code = if min == 0.0 && min_exclusive {
                "not_positive"
            } else if min == 0.0 {
                "negative"
            } else {
                "too_small"
            };
            self.push(
                FieldError::new(field, key, code)
                    .arg("min", min)
                    .arg("max", max),
            );
            return None;
        }
        if v > max {
            self.push(FieldError::new(field, key, "too_large").arg("max", max));
            return None;
        }
        Some(v)
    }

    pub(super) fn clock(&mut self, field: &str, key: &'static str, raw: &str) -> Option<ClockTime> {
        if raw.trim().is_empty() {
            self.push(FieldError::new(field, key, "required"));
            return None;
        }
        ClockTime::parse(raw)
            .map_err(|_| self.push(FieldError::new(field, key, "invalid_time")))
            .ok()
    }

    pub(super) fn span(&mut self, field: &str, raw: &SpanDraft) -> Option<Span> {
        let start = self.clock(&format!("{field}.start"), "time", &raw.start);
        let end = self.clock(&format!("{field}.end"), "time", &raw.end);
        let (start, end) = (start?, end?);
        if end <= start {
            self.push(FieldError::new(
                format!("{field}.end"),
                "time",
                "end_before_start",
            ));
            return None;
        }
        Some(Span { start, end })
    }

    pub(super) fn slot(&mut self, field: &str, raw: &SlotDraft) -> Option<Slot> {
        let weekday: Option<Weekday> = parse_weekday(&raw.weekday)
            .map_err(|_| {
                let code = if raw.weekday.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                };
                self.push(FieldError::new(format!("{field}.weekday"), "weekday", code));
            })
            .ok();
        let span = self.span(
            field,
            &SpanDraft {
                start: raw.start.clone(),
                end: raw.end.clone(),
            },
        );
        let (weekday, span) = (weekday?, span?);
        Some(Slot {
            weekday,
            start: span.start,
            end: span.end,
        })
    }

    pub(super) fn slots(
        &mut self,
        field: &str,
        raw: &[SlotDraft],
        default: &[WeeklySlot],
    ) -> Vec<Slot> {
        if raw.is_empty() {
            return default.iter().copied().map(Slot::from_planner).collect();
        }
        let list: Vec<Slot> = raw
            .iter()
            .enumerate()
            .filter_map(|(i, s)| self.slot(&format!("{field}.{i}"), s))
            .collect();
        for (i, a) in list.iter().enumerate() {
            for b in list.iter().skip(i + 1) {
                if a.weekday == b.weekday && a.start < b.end && b.start < a.end {
                    self.push(FieldError::new(field, "time_model", "slots_overlap"));
                    return list;
                }
            }
        }
        list
    }

    pub(super) fn time_model(&mut self, raw: &TimeModelDraft) -> Option<TimeModelDef> {
        let f = "time_model";
        if raw.kind.trim().is_empty() {
            self.push(FieldError::new(
                format!("{f}.kind"),
                "time_model",
                "required",
            ));
            return None;
        }
        let Ok(kind) = TimeModelKind::parse(&raw.kind) else {
            self.push(FieldError::new(
                format!("{f}.kind"),
                "time_model",
                "unknown",
            ));
            return None;
        };
        let n_errors = self.errors.len();
        let def = TimeModelDef::from_planner(&TimeModel::default_for(kind));
        let model = match def {
            TimeModelDef::EveningCourse { evenings } => {
                let d: Vec<_> = evenings.iter().map(|s| s.to_planner()).collect();
                TimeModelDef::EveningCourse {
                    evenings: self.slots(&format!("{f}.evenings"), &raw.evenings, &d),
                }
            }
            TimeModelDef::ReleaseSlots { slots } => {
                let d: Vec<_> = slots.iter().map(|s| s.to_planner()).collect();
                TimeModelDef::ReleaseSlots {
                    slots: self.slots(&format!("{f}.slots"), &raw.slots, &d),
                }
            }
            TimeModelDef::BlockSeminar { evening, weekend } => TimeModelDef::BlockSeminar {
                evening: match &raw.evening {
                    Some(s) => self.slot(&format!("{f}.evening"), s).unwrap_or(evening),
                    None => evening,
                },
                weekend: match &raw.weekend {
                    Some(s) => self.span(&format!("{f}.weekend"), s).unwrap_or(weekend),
                    None => weekend,
                },
            },
            TimeModelDef::CompactSeminar {
                day,
                weeks_per_quarter,
            } => TimeModelDef::CompactSeminar {
                day: match &raw.day {
                    Some(s) => self.span(&format!("{f}.day"), s).unwrap_or(day),
                    None => day,
                },
                weeks_per_quarter: self
                    .decimal(
                        format!("{f}.weeks_per_quarter"),
                        "weeks_per_quarter",
                        &raw.weeks_per_quarter,
                        false,
                        (1.0, 12.0, false),
                    )
                    .map_or(weeks_per_quarter, |v| v.round() as u32),
            },
            TimeModelDef::SelfPaced {
                hours_per_week,
                presence,
            } => TimeModelDef::SelfPaced {
                hours_per_week: self
                    .decimal(
                        format!("{f}.hours_per_week"),
                        "hours_per_week",
                        &raw.hours_per_week,
                        false,
                        (0.0, 60.0, true),
                    )
                    .unwrap_or(hours_per_week),
                presence: match &raw.presence {
                    Some(s) => self.slot(&format!("{f}.presence"), s).unwrap_or(presence),
                    None => presence,
                },
            },
        };
        (self.errors.len() == n_errors).then_some(model)
    }
}
