//! Records as far as the caller may see them: another provider's record is "not found", and
//! a read of personal data leaves its `view` entry in the audit log.

use lernweg_domain::{ParticipantId, Principal};
use lernweg_store::ParticipantRecord;

use crate::{App, AppError, Caller, refusals};

/// The participant if the caller's provider holds it (`NotFound` otherwise), without an
/// audit entry: for writes, whose own audit entry the store writes.
pub async fn participant_record(
    app: &App,
    principal: &Principal,
    id: ParticipantId,
) -> Result<ParticipantRecord, AppError> {
    let p = app.store.participant(id).await?;
    refusals::ensure_provider(
        app,
        principal,
        p.provider_id,
        lernweg_store::AuditEntity::Participant,
        id,
    )
    .await?;
    Ok(p)
}

/// The participant if visible to the caller, with the `view` entry of the read: `what`
/// names the part read (e.g. `"api: work pattern"`), never a person.
pub async fn participant(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    what: &str,
) -> Result<ParticipantRecord, AppError> {
    let p = participant_record(app, &caller.principal, id).await?;
    audit_view(app, caller, &p, what).await?;
    Ok(p)
}

/// Writes the `view` entry of a read of `p`'s data.
pub async fn audit_view(
    app: &App,
    caller: &Caller,
    p: &ParticipantRecord,
    what: &str,
) -> Result<(), AppError> {
    crate::participants::audit_view(app, &caller.actor, p, what).await
}
