//! The individual qualification plan (Qualifizierungsplan, issue 14 point 2): items of six
//! kinds that each cover some of the recognition decision's differences with their hours,
//! and the coverage of each difference — uncovered, planned, in progress or done.

use chrono::{NaiveDate, Weekday};
use lernweg_domain::{CohortId, ParseError, UserId};
use lernweg_planner::ClockTime;
use lernweg_planner::model::{ClosurePeriod, parse_weekday, weekday_code};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::recognition::Difference;

/// Hours one item may have at most.
pub const MAX_ITEM_HOURS: f64 = 2000.0;

/// What an item is, with the keys of its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ItemDetails {
    /// Chosen modules of a cohort: an enrolment for part of a cohort.
    CohortModules {
        cohort_id: CohortId,
        /// 1-based module numbers.
        modules: Vec<u32>,
    },
    /// Individual lessons or coaching, dated in the person's free time.
    Lessons {
        session_hours: f64,
        earliest: NaiveDate,
        #[serde(serialize_with = "weekdays_out", deserialize_with = "weekdays_in")]
        weekdays: Vec<Weekday>,
        window_start: ClockTime,
        window_end: ClockTime,
        #[serde(default)]
        trainer_id: Option<UserId>,
        /// Periods without lessons (the provider's or the trainer's closing periods, both
        /// days inclusive); the proposal keeps them free.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        closures: Vec<ClosurePeriod>,
    },
    /// A placement in a company.
    Placement {
        company: String,
        from: NaiveDate,
        to: NaiveDate,
        hours_per_week: f64,
    },
    SelfStudy {
        hours_per_week: f64,
        /// The learning platform.
        #[serde(default)]
        link: String,
        #[serde(default)]
        from: Option<NaiveDate>,
        #[serde(default)]
        to: Option<NaiveDate>,
    },
    /// A specialised language course (Fachsprachkurs).
    LanguageCourse {
        #[serde(default)]
        course_provider: String,
        #[serde(default)]
        from: Option<NaiveDate>,
        #[serde(default)]
        to: Option<NaiveDate>,
    },
    /// The knowledge or aptitude test.
    Exam { date: NaiveDate, authority: String },
}

fn weekdays_out<S: Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(days.iter().map(|d| weekday_code(*d)))
}

fn weekdays_in<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|w| parse_weekday(w).map_err(serde::de::Error::custom))
        .collect()
}

impl ItemDetails {
    pub fn kind(&self) -> &'static str {
        match self {
            ItemDetails::CohortModules { .. } => "cohort_modules",
            ItemDetails::Lessons { .. } => "lessons",
            ItemDetails::Placement { .. } => "placement",
            ItemDetails::SelfStudy { .. } => "self_study",
            ItemDetails::LanguageCourse { .. } => "language_course",
            ItemDetails::Exam { .. } => "exam",
        }
    }

    /// The last day the item names (the cohort's end and the lessons' last date are the
    /// caller's to add).
    pub fn ends_on(&self) -> Option<NaiveDate> {
        match self {
            ItemDetails::Placement { to, .. } => Some(*to),
            ItemDetails::SelfStudy { to, .. } | ItemDetails::LanguageCourse { to, .. } => *to,
            ItemDetails::Exam { date, .. } => Some(*date),
            ItemDetails::CohortModules { .. } | ItemDetails::Lessons { .. } => None,
        }
    }
}

/// An item of the plan: what it is, the differences it covers and its hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub title: String,
    /// Ids of the recognition case's differences.
    pub covers: Vec<String>,
    pub hours: f64,
    #[serde(flatten)]
    pub details: ItemDetails,
}

impl PlanItem {
    /// Checks the item against the case's differences: a title, hours in (0, 2000], known
    /// and distinct difference ids, and the rules of its kind. Errors name the field.
    pub fn check(&self, differences: &[Difference]) -> Result<(), Vec<ParseError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &'static str, code: &'static str, msg: String| {
            errors.push(ParseError::new(field, code, msg));
        };
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > 200 {
            fail(
                "title",
                "invalid_title",
                "title must have 1 to 200 characters".into(),
            );
        }
        if !(self.hours.is_finite() && self.hours > 0.0 && self.hours <= MAX_ITEM_HOURS) {
            fail(
                "hours",
                "invalid_hours",
                "hours must be between 0 and 2000".into(),
            );
        }
        for (i, c) in self.covers.iter().enumerate() {
            if !differences.iter().any(|d| d.id == *c) {
                fail(
                    "covers",
                    "unknown_difference",
                    format!("no difference {c:?}"),
                );
            } else if self.covers[..i].contains(c) {
                fail("covers", "duplicate", format!("{c:?} is named twice"));
            }
        }
        let positive = |h: f64| h.is_finite() && h > 0.0 && h <= 60.0;
        match &self.details {
            ItemDetails::CohortModules { modules, .. } => {
                if modules.is_empty() || modules.contains(&0) {
                    fail(
                        "modules",
                        "invalid_modules",
                        "name at least one module, from 1".into(),
                    );
                }
            }
            ItemDetails::Lessons {
                session_hours,
                weekdays,
                window_start,
                window_end,
                closures,
                ..
            } => {
                if let Some(c) = closures.iter().find(|c| c.to < c.from) {
                    fail(
                        "closures",
                        "reversed",
                        format!("closure {:?} ends before it starts", c.name),
                    );
                }
                if !(session_hours.is_finite() && *session_hours >= 0.5 && *session_hours <= 10.0) {
                    fail(
                        "session_hours",
                        "invalid_hours",
                        "session_hours must be between 0.5 and 10".into(),
                    );
                }
                if weekdays.is_empty() {
                    fail("weekdays", "required", "name at least one weekday".into());
                }
                let window = i32::from(window_end.minutes()) - i32::from(window_start.minutes());
                if f64::from(window) < session_hours * 60.0 {
                    fail(
                        "window_end",
                        "window_too_short",
                        "the window must hold one session".into(),
                    );
                }
            }
            ItemDetails::Placement {
                company,
                from,
                to,
                hours_per_week,
            } => {
                if company.trim().is_empty() {
                    fail("company", "required", "company is required".into());
                }
                if to < from {
                    fail("to", "reversed", format!("to {to} is before from {from}"));
                }
                if !positive(*hours_per_week) {
                    fail("hours_per_week", "invalid_hours", "between 0 and 60".into());
                }
            }
            ItemDetails::SelfStudy {
                hours_per_week,
                from,
                to,
                ..
            } => {
                if !positive(*hours_per_week) {
                    fail("hours_per_week", "invalid_hours", "between 0 and 60".into());
                }
                if let (Some(f), Some(t)) = (from, to)
                    && t < f
                {
                    fail("to", "reversed", format!("to {t} is before from {f}"));
                }
            }
            ItemDetails::LanguageCourse { from, to, .. } => {
                if let (Some(f), Some(t)) = (from, to)
                    && t < f
                {
                    fail("to", "reversed", format!("to {t} is before from {f}"));
                }
            }
            ItemDetails::Exam { authority, .. } => {
                if authority.trim().is_empty() {
                    fail("authority", "required", "authority is required".into());
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// How far a difference is compensated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    /// No item covers it.
    Uncovered,
    /// Items cover it; nothing done yet.
    Planned,
    InProgress,
    /// Its required hours (or, without them, all planned hours) are done.
    Done,
}

impl CoverageStatus {
    pub fn code(self) -> &'static str {
        match self {
            CoverageStatus::Uncovered => "uncovered",
            CoverageStatus::Planned => "planned",
            CoverageStatus::InProgress => "in_progress",
            CoverageStatus::Done => "done",
        }
    }
}

/// The coverage of one difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub difference: String,
    pub required_hours: Option<f64>,
    pub planned_hours: f64,
    pub done_hours: f64,
    pub status: CoverageStatus,
}

impl Coverage {
    /// Fewer hours planned than the decision requires.
    pub fn short(&self) -> bool {
        self.required_hours
            .is_some_and(|r| self.planned_hours + 1e-9 < r)
    }
}

/// The coverage of every difference by `items` — each (item, hours done) —, in the order of
/// the differences. An item covering several differences counts for each in equal shares.
pub fn coverage(differences: &[Difference], items: &[(&PlanItem, f64)]) -> Vec<Coverage> {
    differences
        .iter()
        .map(|d| {
            let (mut planned, mut done) = (0.0, 0.0);
            for (item, item_done) in items {
                if item.covers.contains(&d.id) {
                    let share = item.covers.len() as f64;
                    planned += item.hours / share;
                    done += item_done.min(item.hours) / share;
                }
            }
            let target = d.required_hours.unwrap_or(planned);
            let status = if planned <= 0.0 {
                CoverageStatus::Uncovered
            } else if done > 0.0 && done + 1e-9 >= target {
                CoverageStatus::Done
            } else if done > 0.0 {
                CoverageStatus::InProgress
            } else {
                CoverageStatus::Planned
            };
            Coverage {
                difference: d.id.clone(),
                required_hours: d.required_hours,
                planned_hours: round2(planned),
                done_hours: round2(done),
                status,
            }
        })
        .collect()
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(id: &str, hours: Option<f64>) -> Difference {
        Difference {
            id: id.into(),
            title: id.into(),
            area: String::new(),
            required_hours: hours,
        }
    }

    fn item(covers: &[&str], hours: f64, details: ItemDetails) -> PlanItem {
        PlanItem {
            title: "Kurs".into(),
            covers: covers.iter().map(|s| (*s).to_owned()).collect(),
            hours,
            details,
        }
    }

    fn exam() -> ItemDetails {
        ItemDetails::Exam {
            date: "2027-06-01".parse().unwrap(),
            authority: "Bezirksregierung".into(),
        }
    }

    #[test]
    fn items_read_from_the_api_keys_of_their_kind() {
        let json = serde_json::json!({
            "kind": "lessons", "title": "Einzelunterricht Pflegerecht", "covers": ["a"],
            "hours": 40, "session_hours": 2, "earliest": "2027-01-04",
            "weekdays": ["tue", "thu"], "window_start": "17:00", "window_end": "20:00"
        });
        let item: PlanItem = serde_json::from_value(json.clone()).unwrap();
        assert!(
            matches!(item.details, ItemDetails::Lessons { ref weekdays, .. } if weekdays == &[Weekday::Tue, Weekday::Thu])
        );
        let back = serde_json::to_value(&item).unwrap();
        assert_eq!(back["weekdays"], serde_json::json!(["tue", "thu"]));
        assert_eq!(back["window_start"], "17:00");
        assert_eq!(back["kind"], "lessons");
        assert!(item.check(&[diff("a", None)]).is_ok());
        let bad: Result<PlanItem, _> = serde_json::from_value(
            serde_json::json!({"kind": "holiday", "title": "x", "covers": [], "hours": 1}),
        );
        assert!(bad.is_err());
    }

    #[test]
    fn item_rules_name_the_field() {
        let i = item(
            &["a", "zz", "a"],
            0.0,
            ItemDetails::Placement {
                company: " ".into(),
                from: "2027-05-01".parse().unwrap(),
                to: "2027-04-01".parse().unwrap(),
                hours_per_week: 80.0,
            },
        );
        let errors = i.check(&[diff("a", None)]).unwrap_err();
        let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("hours", "invalid_hours"),
                ("covers", "unknown_difference"),
                ("covers", "duplicate"),
                ("company", "required"),
                ("to", "reversed"),
                ("hours_per_week", "invalid_hours"),
            ]
        );
    }

    #[test]
    fn coverage_splits_shared_items_and_follows_the_done_hours() {
        let diffs = [
            diff("a", Some(60.0)),
            diff("b", None),
            diff("c", Some(10.0)),
        ];
        let lessons = item(&["a"], 40.0, exam());
        let shared = item(&["a", "b"], 40.0, exam());
        let c = coverage(&diffs, &[(&lessons, 40.0), (&shared, 10.0)]);
        assert_eq!((c[0].planned_hours, c[0].done_hours), (60.0, 45.0));
        assert_eq!(c[0].status, CoverageStatus::InProgress);
        assert!(!c[0].short());
        assert_eq!((c[1].planned_hours, c[1].done_hours), (20.0, 5.0));
        assert_eq!(c[2].status, CoverageStatus::Uncovered);
        assert!(c[2].short());
        let c = coverage(&diffs, &[(&lessons, 0.0), (&shared, 0.0)]);
        assert_eq!(c[0].status, CoverageStatus::Planned);
        let c = coverage(&diffs, &[(&lessons, 40.0), (&shared, 40.0)]);
        assert_eq!(
            (c[0].status, c[1].status),
            (CoverageStatus::Done, CoverageStatus::Done)
        );
    }
}
