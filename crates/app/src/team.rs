//! The team: the staff of the caller's provider (the admin sees the staff of every provider).

use lernweg_domain::{Principal, ProviderId};
use lernweg_store::{Provider, User};

use crate::{App, AppError};

/// A provider's staff as the caller sees them.
#[derive(Debug, Clone)]
pub struct Team {
    /// The caller's provider; `None` for the admin, who belongs to none.
    pub provider: Option<Provider>,
    /// Staff accounts (no participants, employers or mentors), active or not.
    pub staff: Vec<User>,
}

/// The caller's team.
pub async fn team(app: &App, who: &Principal) -> Result<Team, AppError> {
    let scope = who.provider_scope();
    let provider = match scope {
        Some(p) => Some(app.store.provider(p).await?),
        None => None,
    };
    let staff = app
        .store
        .users(scope)
        .await?
        .into_iter()
        .filter(|u| u.role.is_staff())
        .collect();
    Ok(Team { provider, staff })
}

/// The active staff of a provider (of every provider: `None`), who may be a participant's
/// contact person.
pub async fn contact_persons(
    app: &App,
    provider: Option<ProviderId>,
) -> Result<Vec<User>, AppError> {
    let users = app.store.users(provider).await?;
    Ok(users
        .into_iter()
        .filter(|u| u.active && u.role.is_staff() && u.provider_id.is_some())
        .collect())
}
