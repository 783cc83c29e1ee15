//! The directory of counselling services and the referrals of participants to them
//! (MISSION §2.3). The status rules are `lernweg_participants::care`'s (the store obeys them);
//! here are tenancy, "today" and the audit of views.
//!
//! Service and referral ids are strings (UUIDs written by the store); there are no domain id
//! types for them. A record of another provider is [`AppError::NotFound`] when it is the
//! record asked for, and an invalid field (`unknown_participant`, `unknown_service`) when a
//! request names it.

use chrono::NaiveDate;
use lernweg_domain::{ParseError, ParticipantId, Principal, ProviderId};
use lernweg_store::{
    AuditAction, AuditEntity, CounsellingService, ParticipantRecord, Referral, ReferralStep,
    ServiceInput, StoreError,
};

use crate::{App, AppError, Caller, refusals};

/// What a new referral asks for. `referred_on` is today when absent.
#[derive(Debug, Clone)]
pub struct NewReferral {
    /// As sent; an id that does not parse names no participant.
    pub participant_id: String,
    pub service_id: String,
    pub referred_on: Option<NaiveDate>,
    pub reason: String,
}

/// A status change of a referral. `on` is today when absent.
#[derive(Debug, Clone)]
pub struct StatusChange {
    /// The code of the new status (`referred`, `declined`, …); the store parses it.
    pub status: String,
    pub on: Option<NaiveDate>,
    /// Becomes the outcome note when not empty.
    pub note: String,
}

fn unknown_provider() -> AppError {
    AppError::invalid(ParseError::new(
        "provider_id",
        "unknown_provider",
        "no such provider",
    ))
}

fn unknown_participant() -> AppError {
    AppError::invalid(ParseError::new(
        "participant_id",
        "unknown_participant",
        "no such participant",
    ))
}

fn unknown_service() -> AppError {
    AppError::invalid(ParseError::new(
        "service_id",
        "unknown_service",
        "no such counselling service",
    ))
}

/// A missing record as the invalid field `unknown`; any other store error as it is (a
/// refusal stays `Invalid`, a failing database `Store`).
fn named_or(e: StoreError, unknown: fn() -> AppError) -> AppError {
    match e {
        StoreError::NotFound => unknown(),
        other => other.into(),
    }
}

/// The counselling services of the caller's provider (all for the admin), by kind and name.
pub async fn services(app: &App, who: &Principal) -> Result<Vec<CounsellingService>, AppError> {
    Ok(app.store.counselling_services(who.provider_scope()).await?)
}

/// A service the caller may see (another provider's: `NotFound`).
pub async fn visible_service(
    app: &App,
    who: &Principal,
    id: &str,
) -> Result<CounsellingService, AppError> {
    let service = app.store.counselling_service(id).await?;
    refusals::ensure_provider(
        app,
        who,
        service.provider_id,
        lernweg_store::AuditEntity::CounsellingService,
        &service.id,
    )
    .await?;
    Ok(service)
}

/// Adds a service to the directory of the caller's provider. The admin, who belongs to no
/// provider, names an existing one (else `provider_id` `unknown_provider`).
pub async fn create_service(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
    input: ServiceInput,
) -> Result<CounsellingService, AppError> {
    let provider = match caller.principal.provider_id {
        Some(own) => own,
        None => {
            let p = named.ok_or_else(unknown_provider)?;
            app.store
                .provider(p)
                .await
                .map_err(|e| named_or(e, unknown_provider))?;
            p
        }
    };
    app.store
        .create_counselling_service(&caller.actor, provider, input)
        .await
        .map_err(|e| named_or(e, unknown_provider))
}

/// Saves the fields of a service the caller may see.
pub async fn update_service(
    app: &App,
    caller: &Caller,
    id: &str,
    input: ServiceInput,
) -> Result<CounsellingService, AppError> {
    let service = visible_service(app, &caller.principal, id).await?;
    Ok(app
        .store
        .update_counselling_service(&caller.actor, &service.id, input)
        .await?)
}

/// The open referrals (not done, not declined) of the caller's provider, newest first. The
/// view names participants, so it is audited; `seen_by` names the way in for the audit log.
pub async fn open_referrals(
    app: &App,
    caller: &Caller,
    seen_by: &str,
) -> Result<Vec<Referral>, AppError> {
    let scope = caller.principal.provider_scope();
    let list = app.store.referrals(scope, true).await?;
    app.store
        .audit_read(&caller.actor.entry(
            scope,
            AuditAction::View,
            AuditEntity::Referral,
            "open",
            seen_by,
        ))
        .await?;
    Ok(list)
}

/// The status changes of a referral, oldest first.
pub async fn history(app: &App, referral: &Referral) -> Result<Vec<ReferralStep>, AppError> {
    Ok(app.store.referral_history(&referral.id).await?)
}

/// A participant the caller may name in a request (else `participant_id`
/// `unknown_participant`).
async fn named_participant(
    app: &App,
    who: &Principal,
    raw: &str,
) -> Result<ParticipantRecord, AppError> {
    let id = ParticipantId::parse(raw.trim()).map_err(|_| unknown_participant())?;
    let p = app
        .store
        .participant(id)
        .await
        .map_err(|e| named_or(e, unknown_participant))?;
    refusals::ensure_provider(
        app,
        who,
        p.provider_id,
        lernweg_store::AuditEntity::Participant,
        p.id,
    )
    .await
    .map_err(|_| unknown_participant())?;
    Ok(p)
}

/// Refers a participant to a counselling service, both of the caller's provider (status
/// `suggested`). A service of another provider than the participant's, an inactive service or
/// a too long reason are refused as `Invalid`.
pub async fn create_referral(
    app: &App,
    caller: &Caller,
    new: NewReferral,
) -> Result<Referral, AppError> {
    let who = &caller.principal;
    let participant = named_participant(app, who, &new.participant_id).await?;
    let service = app
        .store
        .counselling_service(new.service_id.trim())
        .await
        .map_err(|e| named_or(e, unknown_service))?;
    refusals::ensure_provider(
        app,
        who,
        service.provider_id,
        lernweg_store::AuditEntity::CounsellingService,
        &service.id,
    )
    .await
    .map_err(|_| unknown_service())?;
    let on = new.referred_on.unwrap_or_else(|| app.today());
    Ok(app
        .store
        .create_referral(&caller.actor, participant.id, &service.id, on, &new.reason)
        .await?)
}

/// Moves a referral the caller may see to a new status; a move the rules do not allow is
/// `Invalid` (`status` `not_allowed` or `unknown_status`).
pub async fn change_status(
    app: &App,
    caller: &Caller,
    id: &str,
    change: StatusChange,
) -> Result<Referral, AppError> {
    let r = app.store.referral(id).await?;
    refusals::ensure_provider(
        app,
        &caller.principal,
        r.provider_id,
        lernweg_store::AuditEntity::Referral,
        &r.id,
    )
    .await?;
    let on = change.on.unwrap_or_else(|| app.today());
    Ok(app
        .store
        .set_referral_status(&caller.actor, &r.id, change.status.trim(), on, &change.note)
        .await?)
}
