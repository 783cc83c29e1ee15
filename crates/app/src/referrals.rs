//! The directory of counselling services and the referrals of participants to them
//! (MISSION §2.3). The status rules are `lernweg_participants::care`'s (the store obeys them);
//! here are tenancy, "today" and the audit of views.
//!
//! Service and referral ids are strings (UUIDs written by the store); there are no domain id
//! types for them. A record of another provider is [`AppError::NotFound`] when it is the
//! record asked for, and an invalid field (`unknown_participant`, `unknown_service`) when a
//! request names it.

use chrono::NaiveDate;
use std::collections::HashMap;

use lernweg_domain::{
    Cursor, Limit, PageNo, Paged, ParseError, ParticipantId, Principal, ProviderId, Search, Slice,
};
use lernweg_participants::ReferralStatus;
use lernweg_store::{
    AuditAction, AuditEntity, CounsellingService, ParticipantRecord, Referral, ReferralFilter,
    ReferralStep, ServiceFilter, ServiceInput, StoreError,
};

pub use lernweg_store::ReferralListed;

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

/// What a referral list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ReferralQuery {
    /// Only referrals that are neither done nor declined.
    pub open_only: bool,
    pub status: Option<ReferralStatus>,
    pub service_id: Option<String>,
    pub participant: Option<ParticipantId>,
    /// In the participant's name, e-mail, phone or login name, or the service's name.
    pub search: Option<Search>,
}

impl ReferralQuery {
    fn filter(&self, who: &Principal) -> ReferralFilter {
        ReferralFilter {
            scope: who.provider_scope(),
            open_only: self.open_only,
            status: self.status.map(|s| s.code().to_owned()),
            service_id: self.service_id.clone(),
            participant: self.participant,
            search: self.search.clone(),
        }
    }
}

/// A referral list names participants: audited like a list (`seen_by` names the way in).
async fn audit_list(app: &App, caller: &Caller, seen_by: &str, n: usize) -> Result<(), AppError> {
    app.store
        .audit_read(&caller.actor.entry(
            caller.principal.provider_scope(),
            AuditAction::View,
            AuditEntity::Referral,
            "list",
            format!("{seen_by} ({n} entries)"),
        ))
        .await?;
    Ok(())
}

/// One page of the referrals of the caller's provider (all for the admin) that match,
/// newest first, with the participant's and the service's names. Audited.
pub async fn referral_page(
    app: &App,
    caller: &Caller,
    query: &ReferralQuery,
    page: PageNo,
    seen_by: &str,
) -> Result<Paged<ReferralListed>, AppError> {
    let found = app
        .store
        .referral_page(&query.filter(&caller.principal), page)
        .await?;
    audit_list(app, caller, seen_by, found.items.len()).await?;
    Ok(found)
}

/// The referrals that match after `cursor`, newest first, each with its status history
/// (two statements for the whole stretch). Audited.
pub async fn referrals_after(
    app: &App,
    caller: &Caller,
    query: &ReferralQuery,
    cursor: Option<&Cursor>,
    limit: Limit,
    seen_by: &str,
) -> Result<Slice<(ReferralListed, Vec<ReferralStep>)>, AppError> {
    let found = app
        .store
        .referrals_after(&query.filter(&caller.principal), cursor, limit)
        .await?;
    let ids: Vec<String> = found.items.iter().map(|r| r.referral.id.clone()).collect();
    let mut histories: HashMap<String, Vec<ReferralStep>> = HashMap::new();
    for (id, step) in app.store.referral_histories(&ids).await? {
        histories.entry(id).or_default().push(step);
    }
    audit_list(app, caller, seen_by, found.items.len()).await?;
    Ok(found.map(|r| {
        let steps = histories.remove(&r.referral.id).unwrap_or_default();
        (r, steps)
    }))
}

/// The counselling services of the caller's provider (all for the admin) after `cursor`, by
/// name.
pub async fn services_after(
    app: &App,
    who: &Principal,
    kind: Option<String>,
    search: Option<Search>,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<CounsellingService>, AppError> {
    let filter = ServiceFilter {
        scope: who.provider_scope(),
        kind,
        search,
    };
    Ok(app.store.services_after(&filter, cursor, limit).await?)
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
