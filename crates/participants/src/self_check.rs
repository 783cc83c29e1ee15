//! The participant's self-assessment (issue 16, point 3): one can-do statement per skill for
//! the person's next level, answered "kann ich", "mit Hilfe" or "noch nicht". A statement is
//! named by its level and skill (`b1-reading`); its text lives in the portal's Fluent files
//! (`portal-can-do-b1-reading`). Staff see the answers next to the trainer's levels.
//!
//! Pure: no I/O.

use std::collections::BTreeMap;

use lernweg_domain::CefrLevel;

use crate::language_assessment::{AssessedLevel, Assessment, Skill};

/// An answer to a can-do statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SelfAnswer {
    Can,
    WithHelp,
    NotYet,
}

impl SelfAnswer {
    pub const ALL: [SelfAnswer; 3] = [SelfAnswer::Can, SelfAnswer::WithHelp, SelfAnswer::NotYet];

    pub fn code(self) -> &'static str {
        match self {
            SelfAnswer::Can => "can",
            SelfAnswer::WithHelp => "with_help",
            SelfAnswer::NotYet => "not_yet",
        }
    }

    pub fn parse(s: &str) -> Option<SelfAnswer> {
        SelfAnswer::ALL.into_iter().find(|a| a.code() == s.trim())
    }
}

/// A can-do statement: "I can … (skill) at (level)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Statement {
    pub level: CefrLevel,
    pub skill: Skill,
}

impl Statement {
    /// `b1-reading`, `c1-spoken_interaction`.
    pub fn code(self) -> String {
        format!(
            "{}-{}",
            self.level.as_str().to_ascii_lowercase(),
            self.skill.code()
        )
    }

    pub fn parse(s: &str) -> Option<Statement> {
        let (level, skill) = s.trim().split_once('-')?;
        Some(Statement {
            level: CefrLevel::parse(level).ok()?,
            skill: Skill::parse(skill)?,
        })
    }

    /// The Fluent key of its text: `portal-can-do-b1-spoken-interaction`.
    pub fn text_key(self) -> String {
        format!(
            "portal-can-do-{}-{}",
            self.level.as_str().to_ascii_lowercase(),
            self.skill.code().replace('_', "-")
        )
    }
}

/// The level to work towards from `current`: the one above it (B1.1 and B1.2 lead to B2);
/// A1 when nothing is known; `None` above C2.
pub fn next_level(current: Option<AssessedLevel>) -> Option<CefrLevel> {
    let Some(current) = current else {
        return Some(CefrLevel::A1);
    };
    CefrLevel::ALL.into_iter().find(|l| *l > current.level)
}

/// The statements to ask now: one per skill, for the next level after the current one
/// (`current_levels`), or after the record's German level when a skill has none yet.
pub fn statements_for(
    current: &BTreeMap<Skill, &Assessment>,
    record_level: Option<CefrLevel>,
) -> Vec<Statement> {
    Skill::ALL
        .iter()
        .filter_map(|&skill| {
            let known = current
                .get(&skill)
                .map(|a| a.level)
                .or(record_level.map(|level| AssessedLevel { level, sub: None }));
            next_level(known).map(|level| Statement { level, skill })
        })
        .collect()
}

/// The self-assessments that answers of "kann ich" stand for: the statement's level in its
/// skill, as an assessment of source `self_assessment` (which never sets the current level).
pub fn as_assessment(statement: Statement, answer: SelfAnswer) -> Option<(Skill, AssessedLevel)> {
    (answer == SelfAnswer::Can).then_some((
        statement.skill,
        AssessedLevel {
            level: statement.level,
            sub: None,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language_assessment::{RawAssessment, current_levels};

    #[test]
    fn statements_follow_the_next_level_of_each_skill() {
        assert_eq!(next_level(None), Some(CefrLevel::A1));
        let b12 = AssessedLevel::parse("B1.2");
        assert_eq!(next_level(b12), Some(CefrLevel::B2));
        assert_eq!(next_level(AssessedLevel::parse("C2")), None);

        let today = "2026-12-04".parse().unwrap();
        let reading = RawAssessment {
            skill: "reading".into(),
            level: "B1.1".into(),
            source: "trainer".into(),
            assessed_on: "2026-11-02".into(),
            ..RawAssessment::default()
        }
        .parse(today)
        .unwrap();
        let all = [reading];
        let current = current_levels(&all);
        let asked = statements_for(&current, Some(CefrLevel::A2));
        assert_eq!(asked.len(), 6);
        let reading = asked.iter().find(|s| s.skill == Skill::Reading).unwrap();
        assert_eq!(reading.code(), "b2-reading");
        // Skills without an assessment start from the record's level (A2 -> B1).
        let writing = asked.iter().find(|s| s.skill == Skill::Writing).unwrap();
        assert_eq!(writing.level, CefrLevel::B1);
        assert_eq!(
            Statement::parse("b1-spoken_interaction")
                .unwrap()
                .text_key(),
            "portal-can-do-b1-spoken-interaction"
        );
        assert_eq!(Statement::parse("b7-reading"), None);
        assert_eq!(SelfAnswer::parse("with_help"), Some(SelfAnswer::WithHelp));
        assert_eq!(
            as_assessment(*reading, SelfAnswer::Can)
                .unwrap()
                .1
                .to_string(),
            "B2"
        );
        assert_eq!(as_assessment(*reading, SelfAnswer::NotYet), None);
    }
}
