//! Refused access, in the audit log: a record of another provider (answered as "not found",
//! so that ids cannot be probed) and a route the caller's role may not use.
//!
//! The entry (`access_denied`) names the caller, the kind and id of what was asked for and,
//! for another provider's record, that provider; it is filed under the caller's provider.

use lernweg_domain::{Principal, ProviderId};
use lernweg_store::{Actor, AuditAction, AuditEntity};

use crate::{App, AppError};

/// `Ok` when `who` may see records of `owner`; otherwise writes the `access_denied` entry
/// for the record (`entity`, `id`) and answers `NotFound`.
pub async fn ensure_provider(
    app: &App,
    who: &Principal,
    owner: ProviderId,
    entity: AuditEntity,
    id: impl ToString,
) -> Result<(), AppError> {
    if who.can_access_provider(owner) {
        return Ok(());
    }
    let actor = actor_of(app, who).await;
    record(app, &actor, who, entity, id, format!("provider {owner}")).await;
    Err(AppError::NotFound)
}

/// Writes an `access_denied` entry: `who` (acting as `actor`) was refused `entity` `id`.
/// A failing audit write is logged; the refusal stands either way.
pub async fn record(
    app: &App,
    actor: &Actor,
    who: &Principal,
    entity: AuditEntity,
    id: impl ToString,
    detail: String,
) {
    let entry = actor.entry(
        who.provider_id,
        AuditAction::AccessDenied,
        entity,
        id,
        detail,
    );
    if let Err(e) = app.store.audit(&entry).await {
        tracing::error!(error = %e, "audit of a refused access failed");
    }
}

/// The audit actor of a principal: its account's login id, if the account can be read.
pub(crate) async fn actor_of(app: &App, who: &Principal) -> Actor {
    match app.store.user(who.user_id).await {
        Ok(u) => Actor::user(u.id, u.login_id().to_string()),
        Err(_) => Actor {
            user_id: Some(who.user_id),
            email: None,
        },
    }
}
