//! The recognition case of a foreign qualification (issue 14, point 1): the German reference
//! occupation, the competent authority, the decision and the substantial differences
//! (wesentliche Unterschiede) it lists, which the individual plan then compensates.

use chrono::NaiveDate;
use lernweg_domain::{KldbCode, ParseError};
use serde::{Deserialize, Serialize};

/// At most this many differences per decision.
pub const MAX_DIFFERENCES: usize = 50;
/// Hours a single difference may require at most.
pub const MAX_HOURS: f64 = 5000.0;

/// The outcome of the authority's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pending,
    FullEquivalence,
    PartialEquivalence,
    SubstantialDifferences,
    Rejected,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::Pending,
        Outcome::FullEquivalence,
        Outcome::PartialEquivalence,
        Outcome::SubstantialDifferences,
        Outcome::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::FullEquivalence => "full_equivalence",
            Outcome::PartialEquivalence => "partial_equivalence",
            Outcome::SubstantialDifferences => "substantial_differences",
            Outcome::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Result<Outcome, ParseError> {
        Self::ALL
            .into_iter()
            .find(|o| o.code() == s.trim())
            .ok_or_else(|| {
                ParseError::new(
                    "outcome",
                    "unknown_outcome",
                    "expected pending, full_equivalence, partial_equivalence, \
                     substantial_differences or rejected",
                )
            })
    }

    /// Whether a decision with this outcome lists differences to compensate.
    pub fn has_differences(self) -> bool {
        matches!(
            self,
            Outcome::PartialEquivalence | Outcome::SubstantialDifferences
        )
    }
}

/// A substantial difference to the reference occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    /// Stable within the case: plan items name it in `covers`.
    pub id: String,
    pub title: String,
    /// Subject area, e.g. "Pflegeprozess" or "Elektrotechnik".
    pub area: String,
    /// Hours the decision requires, where it states them.
    pub required_hours: Option<f64>,
}

/// A participant's recognition case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecognitionCase {
    pub reference_occupation: String,
    pub kldb: Option<KldbCode>,
    pub regulated: bool,
    pub authority: String,
    pub applied_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub outcome: Outcome,
    /// By when the compensation measure must be done, where the decision sets it.
    pub deadline: Option<NaiveDate>,
    pub differences: Vec<Difference>,
}

/// A difference as sent; `id` absent for a new one.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RawDifference {
    pub id: Option<String>,
    pub title: String,
    pub area: String,
    pub required_hours: Option<f64>,
}

/// A case as sent, before its rules are checked.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RawRecognition {
    pub reference_occupation: String,
    pub kldb: Option<String>,
    pub regulated: bool,
    pub authority: String,
    pub applied_on: Option<NaiveDate>,
    pub decided_on: Option<NaiveDate>,
    pub outcome: String,
    pub deadline: Option<NaiveDate>,
    pub differences: Vec<RawDifference>,
}

fn text(field: &'static str, s: &str, max: usize, required: bool) -> Result<String, ParseError> {
    let s = s.trim();
    if required && s.is_empty() {
        return Err(ParseError::new(
            field,
            "required",
            format!("{field} is required"),
        ));
    }
    if s.chars().count() > max {
        return Err(ParseError::new(
            field,
            "too_long",
            format!("{field}: at most {max} characters"),
        ));
    }
    Ok(s.to_owned())
}

impl RawRecognition {
    /// Checks every rule; `new_id` names a difference sent without an id. Errors name the
    /// field (`differences` with the 1-based number of the difference in the message).
    pub fn parse(
        self,
        mut new_id: impl FnMut() -> String,
    ) -> Result<RecognitionCase, Vec<ParseError>> {
        let mut errors = Vec::new();
        let mut keep = |r: Result<String, ParseError>| r.map_err(|e| errors.push(e)).ok();
        let occupation = keep(text(
            "reference_occupation",
            &self.reference_occupation,
            200,
            true,
        ));
        let authority = keep(text("authority", &self.authority, 200, false));
        let kldb = match self
            .kldb
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(k) => KldbCode::parse(k).map_err(|e| errors.push(e)).ok(),
            None => None,
        };
        let outcome = Outcome::parse(&self.outcome)
            .map_err(|e| errors.push(e))
            .ok();
        if let (Some(a), Some(d)) = (self.applied_on, self.decided_on)
            && d < a
        {
            errors.push(ParseError::new(
                "decided_on",
                "before_application",
                format!("decided_on {d} is before applied_on {a}"),
            ));
        }
        if let Some(o) = outcome {
            if o != Outcome::Pending && self.decided_on.is_none() {
                errors.push(ParseError::new(
                    "decided_on",
                    "required",
                    "a decision needs its date",
                ));
            }
            if !o.has_differences() && !self.differences.is_empty() {
                errors.push(ParseError::new(
                    "differences",
                    "not_allowed",
                    format!("a decision {} lists no differences", o.code()),
                ));
            }
        }
        if let (Some(d), Some(dl)) = (self.decided_on, self.deadline)
            && dl < d
        {
            errors.push(ParseError::new(
                "deadline",
                "before_decision",
                format!("deadline {dl} is before the decision {d}"),
            ));
        }
        if self.differences.len() > MAX_DIFFERENCES {
            errors.push(ParseError::new(
                "differences",
                "too_many",
                format!("at most {MAX_DIFFERENCES} differences"),
            ));
        }
        let mut differences: Vec<Difference> = Vec::new();
        for (i, d) in self.differences.into_iter().enumerate() {
            let n = i + 1;
            let bad = |code: &'static str, what: &str| {
                ParseError::new("differences", code, format!("difference {n}: {what}"))
            };
            let title = d.title.trim();
            if title.is_empty() || title.chars().count() > 200 {
                errors.push(bad("invalid_title", "title must have 1 to 200 characters"));
                continue;
            }
            if let Some(h) = d.required_hours
                && !(h.is_finite() && h > 0.0 && h <= MAX_HOURS)
            {
                errors.push(bad(
                    "invalid_hours",
                    "required_hours must be between 0 and 5000",
                ));
                continue;
            }
            let id = match d.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(id) if id.len() <= 64 => id.to_owned(),
                Some(_) => {
                    errors.push(bad("invalid_id", "id longer than 64 characters"));
                    continue;
                }
                None => new_id(),
            };
            if differences.iter().any(|x| x.id == id) {
                errors.push(bad("duplicate_id", "the id is used twice"));
                continue;
            }
            differences.push(Difference {
                id,
                title: title.to_owned(),
                area: d.area.trim().chars().take(200).collect(),
                required_hours: d.required_hours,
            });
        }
        match (occupation, authority, outcome, errors.is_empty()) {
            (Some(reference_occupation), Some(authority), Some(outcome), true) => {
                Ok(RecognitionCase {
                    reference_occupation,
                    kldb,
                    regulated: self.regulated,
                    authority,
                    applied_on: self.applied_on,
                    decided_on: self.decided_on,
                    outcome,
                    deadline: self.deadline,
                    differences,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn nurse() -> RawRecognition {
        RawRecognition {
            reference_occupation: "Pflegefachfrau".into(),
            kldb: Some("81302".into()),
            regulated: true,
            authority: "Bezirksregierung Düsseldorf".into(),
            applied_on: Some(d("2026-03-02")),
            decided_on: Some(d("2026-07-15")),
            outcome: "substantial_differences".into(),
            deadline: Some(d("2028-07-14")),
            differences: vec![
                RawDifference {
                    id: None,
                    title: "Pflege alter Menschen".into(),
                    area: "Altenpflege".into(),
                    required_hours: Some(120.0),
                },
                RawDifference {
                    id: Some("recht".into()),
                    title: "Rechtliche Grundlagen".into(),
                    area: "Berufsrecht".into(),
                    required_hours: None,
                },
            ],
        }
    }

    #[test]
    fn a_decision_with_differences_gets_ids_for_new_ones() {
        let mut n = 0;
        let case = nurse()
            .parse(|| {
                n += 1;
                format!("d{n}")
            })
            .unwrap();
        assert_eq!(case.outcome, Outcome::SubstantialDifferences);
        let ids: Vec<&str> = case.differences.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d1", "recht"]);
        assert_eq!(case.kldb.unwrap().as_str(), "81302");
    }

    #[test]
    fn contradictions_are_named_by_field() {
        let mut raw = nurse();
        raw.outcome = "full_equivalence".into();
        raw.decided_on = Some(d("2026-01-01"));
        raw.deadline = Some(d("2025-12-31"));
        raw.differences[1].id = Some("x".into());
        let errors = raw.parse(|| "x".into()).unwrap_err();
        let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("decided_on", "before_application"),
                ("differences", "not_allowed"),
                ("deadline", "before_decision"),
                ("differences", "duplicate_id"),
            ]
        );
        let mut raw = nurse();
        raw.outcome = "granted".into();
        raw.reference_occupation = " ".into();
        raw.differences[0].required_hours = Some(-3.0);
        let errors = raw.parse(|| "n".into()).unwrap_err();
        let codes: Vec<&str> = errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, ["required", "unknown_outcome", "invalid_hours"]);
        assert!(errors[2].message.starts_with("difference 1:"));
    }

    #[test]
    fn a_pending_case_needs_no_decision_date() {
        let raw = RawRecognition {
            reference_occupation: "Elektroniker".into(),
            outcome: "pending".into(),
            ..Default::default()
        };
        assert!(raw.parse(|| "n".into()).is_ok());
        let raw = RawRecognition {
            reference_occupation: "Elektroniker".into(),
            outcome: "partial_equivalence".into(),
            ..Default::default()
        };
        assert_eq!(raw.parse(|| "n".into()).unwrap_err()[0].field, "decided_on");
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.code()).unwrap(), o);
        }
    }
}
