//! Planning a cohort with its employers (issue 13, point 3; MISSION §2.2): the cohort's own
//! planning controls — a deadline and closing periods (Schließzeiten) — and the periods that
//! the employers of its participants mark as not working (peak season, inventory, the
//! business's holidays) while the cohort is a shared draft. Re-planning "around" them means
//! planning with those periods closed as well.

use chrono::NaiveDate;
use lernweg_domain::ParseError;
use lernweg_planner::model::{TimeModel, WeeklySlot};
use lernweg_planner::{ClosurePeriod, OfferSpec};
use serde::{Deserialize, Serialize};

/// At most this many closing periods per cohort (a form and a plan stay readable).
pub const MAX_CLOSURES: usize = 20;
/// At most this many characters in a closure's name or an employer's comment.
pub const MAX_NAME: usize = 120;
pub const MAX_COMMENT: usize = 2000;

/// A cohort's own planning controls, as the CLI's `deadline` and `closures`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planning {
    /// The day by which the cohort should end (e.g. a funding period); the plan may miss
    /// it, which the cohort page then shows.
    pub deadline: Option<NaiveDate>,
    /// Days without sessions besides the state's public holidays, both ends inclusive.
    pub closures: Vec<ClosurePeriod>,
    /// The cohort's own weekly session times instead of the offer's (chosen for the
    /// participants' shifts, issue 17); `None` keeps the offer's time model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly_slots: Option<Vec<WeeklySlot>>,
}

impl Planning {
    /// Checks the controls for a cohort starting on `start`: every closure ends on or after
    /// its first day and has a short name, at most [`MAX_CLOSURES`] of them, and the
    /// deadline is not before the start. Errors name the field (`deadline`, `closures`).
    pub fn check(&self, start: NaiveDate) -> Result<(), Vec<ParseError>> {
        let mut errors = Vec::new();
        if let Some(d) = self.deadline
            && d < start
        {
            errors.push(ParseError::new(
                "deadline",
                "before_start",
                format!("deadline {d} is before the start {start}"),
            ));
        }
        if self.closures.len() > MAX_CLOSURES {
            errors.push(ParseError::new(
                "closures",
                "too_many",
                format!("at most {MAX_CLOSURES} closing periods"),
            ));
        }
        for (i, c) in self.closures.iter().enumerate() {
            let n = i + 1;
            if c.to < c.from {
                errors.push(ParseError::new(
                    "closures",
                    "reversed",
                    format!("closure {n}: to {} is before from {}", c.to, c.from),
                ));
            } else if c.name.chars().count() > MAX_NAME {
                errors.push(ParseError::new(
                    "closures",
                    "too_long",
                    format!("closure {n}: name longer than {MAX_NAME} characters"),
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Sets the deadline and closures of `spec`, with `extra` (e.g. employers' blocked
    /// periods) closed as well, and the cohort's own weekly slots when it has them.
    pub fn apply(&self, spec: &mut OfferSpec, extra: &[ClosurePeriod]) {
        spec.deadline = self.deadline;
        spec.closures = self.closures.iter().chain(extra).cloned().collect();
        if let Some(slots) = &self.weekly_slots {
            match &mut spec.time_model {
                TimeModel::EveningCourse { evenings } => *evenings = slots.clone(),
                TimeModel::ReleaseSlots { slots: s } => *s = slots.clone(),
                TimeModel::BlockSeminar { evening, .. } => {
                    if let [one] = slots.as_slice() {
                        *evening = *one;
                    }
                }
                TimeModel::SelfPaced { presence, .. } => {
                    if let [one] = slots.as_slice() {
                        *presence = *one;
                    }
                }
                TimeModel::CompactSeminar { .. } => {}
            }
        }
    }

    /// Checks weekly slots for a time model (field `weekly_slots`): evening courses and
    /// release slots take one to seven slots that do not overlap, a block seminar (its
    /// evening) and self-paced learning (its presence slot) exactly one, a compact seminar
    /// none (it has no weekly slot); every slot ends after it starts.
    pub fn check_slots(model: &TimeModel, slots: &[WeeklySlot]) -> Result<(), ParseError> {
        let refuse =
            |code: &'static str, msg: String| Err(ParseError::new("weekly_slots", code, msg));
        let most = match model {
            TimeModel::EveningCourse { .. } | TimeModel::ReleaseSlots { .. } => 7,
            TimeModel::BlockSeminar { .. } | TimeModel::SelfPaced { .. } => 1,
            TimeModel::CompactSeminar { .. } => {
                return refuse(
                    "not_weekly",
                    "a compact seminar has no weekly session times".into(),
                );
            }
        };
        if slots.is_empty() || slots.len() > most {
            return refuse(
                "count",
                format!("1 to {most} weekly slots for this time model"),
            );
        }
        for (i, a) in slots.iter().enumerate() {
            if a.end <= a.start {
                return refuse(
                    "end_before_start",
                    format!("slot {}: the end is not after the start", i + 1),
                );
            }
            for (j, b) in slots.iter().enumerate().skip(i + 1) {
                if a.weekday == b.weekday && a.start < b.end && b.start < a.end {
                    return refuse("overlap", format!("slots {} and {} overlap", i + 1, j + 1));
                }
            }
        }
        Ok(())
    }

    /// Whether a cohort ending on `end` misses the deadline.
    pub fn misses_deadline(&self, end: Option<NaiveDate>) -> bool {
        matches!((self.deadline, end), (Some(d), Some(e)) if e > d)
    }
}

/// Why a period does not work for an employer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockReason {
    /// Hochsaison, Stoßzeit.
    PeakSeason,
    /// Inventur.
    Inventory,
    /// Betriebsferien.
    BusinessHolidays,
    Other,
}

impl BlockReason {
    pub const ALL: [BlockReason; 4] = [
        BlockReason::PeakSeason,
        BlockReason::Inventory,
        BlockReason::BusinessHolidays,
        BlockReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BlockReason::PeakSeason => "peak_season",
            BlockReason::Inventory => "inventory",
            BlockReason::BusinessHolidays => "business_holidays",
            BlockReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<BlockReason, ParseError> {
        Self::ALL
            .into_iter()
            .find(|r| r.code() == s.trim())
            .ok_or_else(|| {
                ParseError::new(
                    "reason",
                    "unknown_reason",
                    "expected peak_season, inventory, business_holidays or other",
                )
            })
    }
}

/// A period an employer marked as not working, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockedPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: BlockReason,
}

impl BlockedPeriod {
    pub fn new(from: NaiveDate, to: NaiveDate, reason: BlockReason) -> Result<Self, ParseError> {
        if to < from {
            return Err(ParseError::new(
                "to",
                "reversed",
                format!("to {to} is before from {from}"),
            ));
        }
        Ok(BlockedPeriod { from, to, reason })
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// The period as a closure of the planner, named `name` (e.g. the employer's).
    pub fn as_closure(&self, name: &str) -> ClosurePeriod {
        ClosurePeriod {
            from: self.from,
            to: self.to,
            name: name.to_owned(),
        }
    }
}

/// An employer's answer to a shared draft: a blocked period, a comment, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub period: Option<BlockedPeriod>,
    pub comment: String,
}

impl Answer {
    /// An answer needs a period or a comment (`comment`/`required`); the comment is trimmed
    /// and at most [`MAX_COMMENT`] characters (`comment`/`too_long`).
    pub fn new(period: Option<BlockedPeriod>, comment: &str) -> Result<Self, ParseError> {
        let comment = comment.trim();
        if period.is_none() && comment.is_empty() {
            return Err(ParseError::new(
                "comment",
                "required",
                "an answer needs a period or a comment",
            ));
        }
        if comment.chars().count() > MAX_COMMENT {
            return Err(ParseError::new(
                "comment",
                "too_long",
                format!("at most {MAX_COMMENT} characters"),
            ));
        }
        Ok(Answer {
            period,
            comment: comment.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn closure(from: &str, to: &str) -> ClosurePeriod {
        ClosurePeriod {
            from: d(from),
            to: d(to),
            name: "Sommer".into(),
        }
    }

    #[test]
    fn a_deadline_before_the_start_and_reversed_closures_are_refused() {
        let p = Planning {
            deadline: Some(d("2027-01-01")),
            closures: vec![
                closure("2027-07-01", "2027-07-31"),
                closure("2027-08-10", "2027-08-01"),
            ],
            weekly_slots: None,
        };
        let errors = p.check(d("2027-02-01")).unwrap_err();
        let codes: Vec<_> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            [("deadline", "before_start"), ("closures", "reversed")]
        );
        assert!(errors[1].message.starts_with("closure 2:"), "{errors:?}");
        assert!(Planning::default().check(d("2027-02-01")).is_ok());
    }

    #[test]
    fn too_many_closures_are_refused() {
        let p = Planning {
            deadline: None,
            closures: vec![closure("2027-07-01", "2027-07-02"); MAX_CLOSURES + 1],
            weekly_slots: None,
        };
        assert_eq!(p.check(d("2027-01-01")).unwrap_err()[0].code, "too_many");
    }

    #[test]
    fn apply_closes_the_cohorts_and_the_extra_periods() {
        let p = Planning {
            deadline: Some(d("2027-12-31")),
            closures: vec![closure("2027-07-01", "2027-07-31")],
            weekly_slots: None,
        };
        let mut spec = OfferSpec::new(
            "Kurs",
            lernweg_domain::State::NW,
            d("2027-01-04"),
            lernweg_planner::TimeModel::default_for(lernweg_planner::TimeModelKind::EveningCourse),
        );
        let blocked =
            BlockedPeriod::new(d("2027-11-01"), d("2027-11-30"), BlockReason::Inventory).unwrap();
        p.apply(&mut spec, &[blocked.as_closure("Klinik")]);
        assert_eq!(spec.deadline, Some(d("2027-12-31")));
        assert_eq!(spec.closures.len(), 2);
        assert_eq!(spec.closures[1].name, "Klinik");
        assert!(p.misses_deadline(Some(d("2028-01-01"))));
        assert!(!p.misses_deadline(Some(d("2027-12-31"))));
        assert!(!Planning::default().misses_deadline(Some(d("2099-01-01"))));
    }

    fn slot(day: chrono::Weekday, from: &str, to: &str) -> WeeklySlot {
        use lernweg_planner::model::ClockTime;
        WeeklySlot::new(
            day,
            ClockTime::parse(from).unwrap(),
            ClockTime::parse(to).unwrap(),
        )
    }

    #[test]
    fn weekly_slots_replace_the_offers_and_are_checked_for_the_time_model() {
        use chrono::Weekday::{Mon, Thu};
        use lernweg_planner::{TimeModel as Tm, TimeModelKind as K};
        let chosen = vec![slot(Mon, "18:00", "21:00"), slot(Thu, "17:30", "20:30")];
        let p = Planning {
            weekly_slots: Some(chosen.clone()),
            ..Planning::default()
        };
        let mut spec = OfferSpec::new(
            "Kurs",
            lernweg_domain::State::NW,
            d("2027-01-04"),
            Tm::default_for(K::EveningCourse),
        );
        p.apply(&mut spec, &[]);
        assert_eq!(
            spec.time_model,
            Tm::EveningCourse {
                evenings: chosen.clone()
            }
        );
        // The planner takes them: every lesson falls on a chosen evening.
        let plan = lernweg_planner::plan(
            &{
                let mut s = spec.clone();
                s.modules = vec![lernweg_planner::ModuleSpec {
                    title: "Grundlagen".into(),
                    hours: 30.0,
                    self_study_hours_per_week: 0.0,
                }];
                s
            },
            &lernweg_planner::PlanOptions::default(),
        )
        .unwrap();
        assert!(
            plan.sessions
                .iter()
                .all(|s| [Mon, Thu].contains(&chrono::Datelike::weekday(&s.date)))
        );

        let block = Tm::default_for(K::BlockSeminar);
        assert_eq!(
            Planning::check_slots(&block, &chosen).unwrap_err().code,
            "count"
        );
        assert!(Planning::check_slots(&block, &chosen[..1]).is_ok());
        let compact = Tm::default_for(K::CompactSeminar);
        assert_eq!(
            Planning::check_slots(&compact, &chosen[..1])
                .unwrap_err()
                .code,
            "not_weekly"
        );
        let evening = Tm::default_for(K::EveningCourse);
        let overlapping = [slot(Mon, "18:00", "21:00"), slot(Mon, "20:00", "22:00")];
        assert_eq!(
            Planning::check_slots(&evening, &overlapping)
                .unwrap_err()
                .code,
            "overlap"
        );
        let reversed = [slot(Mon, "21:00", "18:00")];
        assert_eq!(
            Planning::check_slots(&evening, &reversed).unwrap_err().code,
            "end_before_start"
        );
        assert_eq!(
            Planning::check_slots(&evening, &[]).unwrap_err().code,
            "count"
        );
        // Stored as JSON and read back.
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Planning>(&json).unwrap(), p);
        assert!(
            !serde_json::to_string(&Planning::default())
                .unwrap()
                .contains("weekly_slots")
        );
    }

    #[test]
    fn an_answer_needs_a_period_or_a_comment() {
        assert_eq!(Answer::new(None, "  ").unwrap_err().code, "required");
        assert_eq!(Answer::new(None, " Gut so ").unwrap().comment, "Gut so");
        let reversed = BlockedPeriod::new(d("2027-03-02"), d("2027-03-01"), BlockReason::Other);
        assert_eq!(reversed.unwrap_err().code, "reversed");
        let long = "x".repeat(MAX_COMMENT + 1);
        assert_eq!(Answer::new(None, &long).unwrap_err().code, "too_long");
        for r in BlockReason::ALL {
            assert_eq!(BlockReason::parse(r.code()).unwrap(), r);
        }
        assert!(BlockReason::parse("strike").is_err());
    }
}
