//! Who may do what: the one place that decides access.
//!
//! Every route of the web crate names an [`Access`]; the web layer asks [`Access::permits`]
//! before the handler runs, and handlers ask [`Principal::can_access_provider`] before they
//! show a provider's record. Nothing else decides access.

use serde::Serialize;

use crate::{ProviderId, Role, UserId};

/// The access rule of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Access {
    /// Anyone, also without login (public catalogue, login page, health check).
    Public,
    /// Any logged-in user, whatever the role (own account, logout).
    Authenticated,
    /// Only these roles.
    Roles(&'static [Role]),
}

/// Admins only: providers, users, audit log.
pub const ADMIN: Access = Access::Roles(&[Role::Admin]);
/// Admins and coordinators: team management of a provider.
pub const MANAGERS: Access = Access::Roles(&[Role::Admin, Role::Coordinator]);
/// All provider staff.
pub const STAFF: Access = Access::Roles(&Role::STAFF);
/// Those who counsel participants and may read their sensitive records.
pub const COUNSELLING: Access = Access::Roles(&[Role::Admin, Role::Coordinator, Role::Counsellor]);
/// Participants only: their own path in the portal (`/mein-weg`). Staff have their own views.
pub const PARTICIPANT: Access = Access::Roles(&[Role::Participant]);
/// Employer contact people only: their employees' dates (`/betrieb`). They see no case data.
pub const EMPLOYER: Access = Access::Roles(&[Role::Employer]);
/// Volunteer mentors only: their tandems and events (`/mentoring`). They see no case data.
pub const MENTOR: Access = Access::Roles(&[Role::Mentor]);

impl Access {
    /// Whether a user with `role` (or an anonymous visitor, `None`) may use the route.
    pub fn permits(&self, role: Option<Role>) -> bool {
        match (self, role) {
            (Access::Public, _) => true,
            (_, None) => false,
            (Access::Authenticated, Some(_)) => true,
            (Access::Roles(roles), Some(r)) => roles.contains(&r),
        }
    }
}

/// The authenticated user behind a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: UserId,
    pub role: Role,
    /// `None` only for the installation admin.
    pub provider_id: Option<ProviderId>,
}

impl Principal {
    /// Tenant isolation: the admin sees every provider, everybody else only their own.
    /// A record of another provider must look exactly like a missing one (404, not 403).
    pub fn can_access_provider(&self, provider: ProviderId) -> bool {
        self.role == Role::Admin || self.provider_id == Some(provider)
    }

    /// Contact-log notes are readable only by the coordinators and counsellors of the
    /// participant's provider — not by the installation admin, not by trainers.
    pub fn can_read_contact_notes(&self, provider: ProviderId) -> bool {
        matches!(self.role, Role::Coordinator | Role::Counsellor)
            && self.provider_id == Some(provider)
    }

    /// The provider filter for lists: `None` means all providers (admin).
    pub fn provider_scope(&self) -> Option<ProviderId> {
        if self.role == Role::Admin {
            None
        } else {
            self.provider_id
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn anonymous_only_public() {
        assert!(Access::Public.permits(None));
        assert!(!Access::Authenticated.permits(None));
        assert!(!STAFF.permits(None));
    }

    #[test]
    fn roles_are_checked() {
        assert!(ADMIN.permits(Some(Role::Admin)));
        assert!(!ADMIN.permits(Some(Role::Coordinator)));
        assert!(MANAGERS.permits(Some(Role::Coordinator)));
        assert!(!MANAGERS.permits(Some(Role::Trainer)));
        assert!(STAFF.permits(Some(Role::Trainer)));
        assert!(!STAFF.permits(Some(Role::Mentor)));
        assert!(Access::Authenticated.permits(Some(Role::Participant)));
        assert!(PARTICIPANT.permits(Some(Role::Participant)));
        assert!(!PARTICIPANT.permits(Some(Role::Admin)));
        assert!(!PARTICIPANT.permits(Some(Role::Counsellor)));
        assert!(!PARTICIPANT.permits(None));
    }

    #[test]
    fn tenant_isolation() {
        let p1 = ProviderId::from_uuid(Uuid::from_u128(1));
        let p2 = ProviderId::from_uuid(Uuid::from_u128(2));
        let user = UserId::from_uuid(Uuid::from_u128(9));
        let coord = Principal {
            user_id: user,
            role: Role::Coordinator,
            provider_id: Some(p1),
        };
        assert!(coord.can_access_provider(p1));
        assert!(!coord.can_access_provider(p2));
        assert_eq!(coord.provider_scope(), Some(p1));
        let admin = Principal {
            user_id: user,
            role: Role::Admin,
            provider_id: None,
        };
        assert!(admin.can_access_provider(p2));
        assert_eq!(admin.provider_scope(), None);
    }

    #[test]
    fn contact_notes_only_for_counselling_staff_of_the_provider() {
        let p1 = ProviderId::from_uuid(Uuid::from_u128(1));
        let p2 = ProviderId::from_uuid(Uuid::from_u128(2));
        let user = UserId::from_uuid(Uuid::from_u128(9));
        let with = |role, provider_id| Principal {
            user_id: user,
            role,
            provider_id,
        };
        assert!(with(Role::Coordinator, Some(p1)).can_read_contact_notes(p1));
        assert!(with(Role::Counsellor, Some(p1)).can_read_contact_notes(p1));
        // Another provider's staff.
        assert!(!with(Role::Coordinator, Some(p1)).can_read_contact_notes(p2));
        assert!(!with(Role::Counsellor, Some(p2)).can_read_contact_notes(p1));
        // The admin sees every provider's records, but not the notes.
        assert!(!with(Role::Admin, None).can_read_contact_notes(p1));
        assert!(!with(Role::Admin, Some(p1)).can_read_contact_notes(p1));
        // Everybody else.
        for role in [
            Role::Trainer,
            Role::Participant,
            Role::Employer,
            Role::Mentor,
        ] {
            assert!(!with(role, Some(p1)).can_read_contact_notes(p1), "{role:?}");
        }
    }
}
