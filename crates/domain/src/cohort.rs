//! The lifecycle of a cohort (Durchgang): draft → published → running → finished.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ParseError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CohortStatus {
    /// Being planned; the timetable may be regenerated freely.
    Draft,
    /// Dates are binding and visible to participants and employers; every change needs a reason.
    Published,
    Running,
    Finished,
}

impl CohortStatus {
    pub const ALL: [CohortStatus; 4] = [
        CohortStatus::Draft,
        CohortStatus::Published,
        CohortStatus::Running,
        CohortStatus::Finished,
    ];

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_ascii_lowercase();
        CohortStatus::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| {
            ParseError::new("status", "unknown_status", format!("unknown cohort status {input:?}; expected draft, published, running or finished"))
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CohortStatus::Draft => "draft",
            CohortStatus::Published => "published",
            CohortStatus::Running => "running",
            CohortStatus::Finished => "finished",
        }
    }

    /// The one status that may follow this one, if any.
    pub fn next(self) -> Option<CohortStatus> {
        match self {
            CohortStatus::Draft => Some(CohortStatus::Published),
            CohortStatus::Published => Some(CohortStatus::Running),
            CohortStatus::Running => Some(CohortStatus::Finished),
            CohortStatus::Finished => None,
        }
    }

    /// Whether the cohort may move to `to`. Only one step forward at a time.
    pub fn can_become(self, to: CohortStatus) -> bool {
        self.next() == Some(to)
    }

    /// Once published, dates are binding: changes need a reason and are announced.
    pub fn is_binding(self) -> bool {
        self != CohortStatus::Draft
    }
}

impl fmt::Display for CohortStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_forward_one_step_at_a_time() {
        use CohortStatus::*;
        assert!(Draft.can_become(Published));
        assert!(Published.can_become(Running));
        assert!(Running.can_become(Finished));
        assert!(!Draft.can_become(Running));
        assert!(!Finished.can_become(Draft));
        assert!(!Published.can_become(Draft));
        assert!(!Draft.is_binding());
        assert!(Running.is_binding());
    }

    #[test]
    fn parses() {
        assert_eq!(
            CohortStatus::parse("Published").unwrap(),
            CohortStatus::Published
        );
        assert_eq!(
            CohortStatus::parse("archived").unwrap_err().code,
            "unknown_status"
        );
    }
}
