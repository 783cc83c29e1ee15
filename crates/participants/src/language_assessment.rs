//! Documented language competence (issue 16, point 1; MISSION §2.3): assessments over time per
//! skill — the five CEFR skills and the German of the person's occupation — each with a level
//! (sub-levels such as `B1.2` accepted), its source, the date and, for certificates, the issuer,
//! exam and number. The current level of a skill is the latest assessment that is not a
//! self-assessment; the single German level of the record follows from the current levels.
//!
//! Pure: the API keys are the field names of the errors (`skill`, `level`, `source`,
//! `assessed_on`, `issuer`, `exam`, `certificate_number`, `note`).

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use lernweg_domain::{CefrLevel, ParseError};
use serde::Deserialize;

/// The longest issuer, exam, number or note.
pub const ASSESSMENT_TEXT_MAX: usize = 500;

macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($v:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($v),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$v => $code),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                $name::ALL.iter().copied().find(|v| v.code() == s)
            }
        }
    };
}

codes! {
    /// What is assessed: the CEFR skills and occupational German.
    Skill {
        Listening => "listening",
        Reading => "reading",
        SpokenInteraction => "spoken_interaction",
        SpokenProduction => "spoken_production",
        Writing => "writing",
        Occupational => "occupational",
    }
}

codes! {
    /// Where an assessment comes from.
    Source {
        PlacementTest => "placement_test",
        Trainer => "trainer",
        SelfAssessment => "self_assessment",
        Certificate => "certificate",
    }
}

impl Skill {
    /// The five skills of the CEFR (all but occupational German).
    pub fn is_general(self) -> bool {
        self != Skill::Occupational
    }
}

/// A level with an optional sub-level: `B1`, `B1.1`, `B1.2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AssessedLevel {
    pub level: CefrLevel,
    /// 1 or 2 (the first or second half of the level).
    pub sub: Option<u8>,
}

impl AssessedLevel {
    pub fn parse(input: &str) -> Option<AssessedLevel> {
        let s = input.trim().to_ascii_uppercase();
        let (level, sub) = match s.split_once('.') {
            Some((l, "1")) => (l, Some(1)),
            Some((l, "2")) => (l, Some(2)),
            Some(_) => return None,
            None => (s.as_str(), None),
        };
        CefrLevel::parse(level)
            .ok()
            .map(|level| AssessedLevel { level, sub })
    }
}

impl fmt::Display for AssessedLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub {
            Some(s) => write!(f, "{}.{s}", self.level.as_str()),
            None => f.write_str(self.level.as_str()),
        }
    }
}

/// An assessment as sent (all text; the API's keys).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawAssessment {
    pub skill: String,
    pub level: String,
    pub source: String,
    pub assessed_on: String,
    pub issuer: String,
    pub exam: String,
    pub certificate_number: String,
    pub note: String,
}

/// An assessment, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub skill: Skill,
    pub level: AssessedLevel,
    pub source: Source,
    pub assessed_on: NaiveDate,
    /// For certificates: who issued it (telc, Goethe-Institut, ÖSD, …).
    pub issuer: String,
    /// For certificates: the exam (telc Deutsch B1·B2 Beruf, DTB, TestDaF, …).
    pub exam: String,
    pub certificate_number: String,
    pub note: String,
}

fn text(field: &'static str, s: &str) -> Result<String, ParseError> {
    let s = s.trim();
    if s.chars().count() > ASSESSMENT_TEXT_MAX {
        return Err(ParseError::new(
            field,
            "too_long",
            format!("at most {ASSESSMENT_TEXT_MAX} characters"),
        ));
    }
    Ok(s.to_owned())
}

impl RawAssessment {
    /// Every invalid field, each named by its key (empty: none).
    pub fn parse(&self, today: NaiveDate) -> Result<Assessment, Vec<ParseError>> {
        let mut errors = Vec::new();
        let skill = Skill::parse(&self.skill);
        if skill.is_none() {
            errors.push(ParseError::new(
                "skill",
                "unknown_skill",
                "listening, reading, spoken_interaction, spoken_production, writing or occupational",
            ));
        }
        let level = AssessedLevel::parse(&self.level);
        if level.is_none() {
            errors.push(ParseError::new(
                "level",
                "unknown_cefr_level",
                format!(
                    "{:?} is not A1 … C2 (sub-levels such as B1.2 accepted)",
                    self.level
                ),
            ));
        }
        let source = Source::parse(&self.source);
        if source.is_none() {
            errors.push(ParseError::new(
                "source",
                "unknown_source",
                "placement_test, trainer, self_assessment or certificate",
            ));
        }
        let assessed_on = NaiveDate::parse_from_str(self.assessed_on.trim(), "%Y-%m-%d").ok();
        match assessed_on {
            None => errors.push(ParseError::new(
                "assessed_on",
                "invalid_date",
                "a date YYYY-MM-DD",
            )),
            Some(d) if d > today => errors.push(ParseError::new(
                "assessed_on",
                "in_future",
                "an assessment is recorded after it took place",
            )),
            Some(_) => {}
        }
        let mut field = |name: &'static str, value: &str| match text(name, value) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                String::new()
            }
        };
        let issuer = field("issuer", &self.issuer);
        let exam = field("exam", &self.exam);
        let certificate_number = field("certificate_number", &self.certificate_number);
        let note = field("note", &self.note);
        if source == Some(Source::Certificate) {
            for (name, value) in [("issuer", &issuer), ("exam", &exam)] {
                if value.is_empty() && !errors.iter().any(|e| e.field == name) {
                    errors.push(ParseError::new(
                        name,
                        "required",
                        "a certificate names its issuer and exam",
                    ));
                }
            }
        }
        match (skill, level, source, assessed_on) {
            (Some(skill), Some(level), Some(source), Some(assessed_on)) if errors.is_empty() => {
                Ok(Assessment {
                    skill,
                    level,
                    source,
                    assessed_on,
                    issuer,
                    exam,
                    certificate_number,
                    note,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The current assessment of each skill: the latest that is not a self-assessment (on the
/// same day, the one given later in `all`).
pub fn current_levels(all: &[Assessment]) -> BTreeMap<Skill, &Assessment> {
    let mut out: BTreeMap<Skill, &Assessment> = BTreeMap::new();
    for a in all.iter().filter(|a| a.source != Source::SelfAssessment) {
        match out.get(&a.skill) {
            Some(have) if have.assessed_on > a.assessed_on => {}
            _ => {
                out.insert(a.skill, a);
            }
        }
    }
    out
}

/// The single German level of the record: the lowest current level of the CEFR skills that
/// have one (a person is "B1" when every assessed skill is at least B1); `None` when no
/// general skill is assessed. Occupational German is documented, not part of it.
pub fn german_level(current: &BTreeMap<Skill, &Assessment>) -> Option<CefrLevel> {
    current
        .iter()
        .filter(|(skill, _)| skill.is_general())
        .map(|(_, a)| a.level.level)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn raw(skill: &str, level: &str, source: &str, on: &str) -> RawAssessment {
        RawAssessment {
            skill: skill.into(),
            level: level.into(),
            source: source.into(),
            assessed_on: on.into(),
            ..RawAssessment::default()
        }
    }

    #[test]
    fn levels_with_sub_levels() {
        let b12 = AssessedLevel::parse("b1.2").unwrap();
        assert_eq!(b12.to_string(), "B1.2");
        assert!(b12 > AssessedLevel::parse("B1.1").unwrap());
        assert!(b12 < AssessedLevel::parse("B2").unwrap());
        assert!(AssessedLevel::parse("B1.3").is_none());
        assert!(AssessedLevel::parse("B3").is_none());
    }

    #[test]
    fn every_invalid_field_is_named_by_its_key() {
        let today = day("2026-12-04");
        let bad = RawAssessment {
            skill: "speaking".into(),
            level: "B7".into(),
            source: "oracle".into(),
            assessed_on: "2026-12-05".into(),
            note: "x".repeat(501),
            ..RawAssessment::default()
        };
        let fields: Vec<&str> = bad
            .parse(today)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["skill", "level", "source", "assessed_on", "note"]);
        let cert = raw("writing", "B2", "certificate", "2026-11-30");
        let fields: Vec<&str> = cert
            .parse(today)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["issuer", "exam"]);
        let cert = RawAssessment {
            issuer: "telc gGmbH".into(),
            exam: "telc Deutsch B1·B2 Beruf".into(),
            certificate_number: "2026-4711".into(),
            ..cert
        };
        assert_eq!(cert.parse(today).unwrap().level.to_string(), "B2");
    }

    #[test]
    fn the_current_level_ignores_self_assessments_and_the_record_level_is_the_lowest() {
        let today = day("2026-12-04");
        let all: Vec<Assessment> = [
            raw("reading", "A2.2", "placement_test", "2026-03-01"),
            raw("reading", "B1.1", "trainer", "2026-09-15"),
            raw("reading", "C1", "self_assessment", "2026-11-01"),
            raw("listening", "B2", "trainer", "2026-09-15"),
            raw("occupational", "A2", "trainer", "2026-10-01"),
        ]
        .iter()
        .map(|r| r.parse(today).unwrap())
        .collect();
        let current = current_levels(&all);
        assert_eq!(current[&Skill::Reading].level.to_string(), "B1.1");
        assert_eq!(current[&Skill::Listening].level.level, CefrLevel::B2);
        assert!(!current.contains_key(&Skill::Writing));
        // Occupational German (A2) does not lower the record's level.
        assert_eq!(german_level(&current), Some(CefrLevel::B1));
        assert_eq!(german_level(&BTreeMap::new()), None);
    }
}
