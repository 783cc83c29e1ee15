//! Roles of Lernweg's users.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// What a user is in Lernweg. Staff roles belong to a provider; the admin manages the
/// installation. Participants, employers and mentors log in with their own, narrow views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Coordinator,
    Counsellor,
    Trainer,
    Participant,
    Employer,
    Mentor,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::Coordinator,
        Role::Counsellor,
        Role::Trainer,
        Role::Participant,
        Role::Employer,
        Role::Mentor,
    ];

    /// The roles of provider staff (QTV-Personal) and the admin.
    pub const STAFF: [Role; 4] = [
        Role::Admin,
        Role::Coordinator,
        Role::Counsellor,
        Role::Trainer,
    ];

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_ascii_lowercase();
        Role::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| {
            ParseError::new(
                "role",
                "unknown_role",
                format!(
                    "unknown role {input:?}; expected admin, coordinator, counsellor, trainer, participant, employer or mentor"
                ),
            )
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Counsellor => "counsellor",
            Role::Trainer => "trainer",
            Role::Participant => "participant",
            Role::Employer => "employer",
            Role::Mentor => "mentor",
        }
    }

    pub fn is_staff(self) -> bool {
        Role::STAFF.contains(&self)
    }

    /// Every role but the admin works inside exactly one provider.
    pub fn needs_provider(self) -> bool {
        self != Role::Admin
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_round_trips() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()).unwrap(), r);
        }
        assert_eq!(Role::parse(" Coordinator ").unwrap(), Role::Coordinator);
        assert_eq!(Role::parse("root").unwrap_err().code, "unknown_role");
    }

    #[test]
    fn staff_and_provider_rules() {
        assert!(Role::Trainer.is_staff());
        assert!(!Role::Mentor.is_staff());
        assert!(!Role::Admin.needs_provider());
        assert!(Role::Counsellor.needs_provider());
    }
}
