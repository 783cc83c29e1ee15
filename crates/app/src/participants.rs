//! Participants (MISSION §2.1, §2.3): the record with its one contact person, created only
//! with a recorded data-processing consent; changes and GDPR erasure. Consents and the contact
//! log are in [`care`], enrolments in [`enrolments`], the readiness check in [`readiness`].
//!
//! Tenancy: another provider's participant is [`AppError::NotFound`]. Every read of personal
//! data that an adapter shows is audited with [`audit_view`] (the detail names the part read,
//! never a person).

pub mod care;
pub mod enrolments;
pub mod file;
pub mod individual;
pub mod lessons;
pub mod list;
pub mod readiness;

pub use list::{FilterInput, Listed, overview};

use chrono::NaiveDate;
use lernweg_domain::{ParseError, ParticipantId, Principal, ProviderId, UserId};
use lernweg_participants::import::{ConsentRefusal, consent_given_on};
use lernweg_participants::{ConsentScope, ParticipantData, ParticipantDraft};
use lernweg_store::{Actor, AuditAction, AuditEntity, ParticipantRecord, StoreError};

use crate::{App, AppError, Caller};

/// The participant, if `principal` may see it (another provider's: [`AppError::NotFound`]).
pub async fn visible(
    app: &App,
    principal: &Principal,
    id: ParticipantId,
) -> Result<ParticipantRecord, AppError> {
    crate::visible::participant_record(app, principal, id).await
}

/// The record a participant's own account is linked to (the portal); `NotFound` when it is
/// gone.
pub async fn own(app: &App, linked: ParticipantId) -> Result<ParticipantRecord, AppError> {
    Ok(app.store.participant(linked).await?)
}

/// The participant's contact person; `None` when none is set or the account no longer exists.
pub async fn contact_person(
    app: &App,
    p: &ParticipantRecord,
) -> Result<Option<lernweg_store::User>, AppError> {
    match p.contact_person_id {
        Some(id) => match app.store.user(id).await {
            Ok(u) => Ok(Some(u)),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e.into()),
        },
        None => Ok(None),
    }
}

/// Writes the `view` audit entry of a read of personal data; `what` names the part read,
/// never a person.
pub async fn audit_view(
    app: &App,
    actor: &Actor,
    p: &ParticipantRecord,
    what: &str,
) -> Result<(), AppError> {
    app.store
        .audit_read(&actor.entry(
            Some(p.provider_id),
            AuditAction::View,
            AuditEntity::Participant,
            p.id,
            what,
        ))
        .await?;
    Ok(())
}

/// The participants of a scope: the caller's provider; the admin's `wanted` one or all.
pub async fn list(
    app: &App,
    principal: &Principal,
    wanted: Option<ProviderId>,
) -> Result<Vec<ParticipantRecord>, AppError> {
    let scope = principal.provider_scope().or(wanted);
    Ok(app.store.participants(scope).await?)
}

/// Writes the `view` audit entry of a list of participants (`what` names the list and its
/// length, never a person).
pub async fn audit_list(
    app: &App,
    caller: &Caller,
    provider: Option<ProviderId>,
    what: String,
) -> Result<(), AppError> {
    app.store
        .audit_read(&caller.actor.entry(
            provider,
            AuditAction::View,
            AuditEntity::Participant,
            "",
            what,
        ))
        .await?;
    Ok(())
}

/// A stored record as the draft it validates from (every field as text), for an edit form
/// and for merging a partial API update.
pub fn draft_of(d: &ParticipantData) -> ParticipantDraft {
    fn text<T: ToString>(v: Option<T>) -> String {
        v.map(|v| v.to_string()).unwrap_or_default()
    }
    ParticipantDraft {
        given_name: d.given_name.clone(),
        family_name: d.family_name.clone(),
        email: text(d.email.as_ref()),
        phone: text(d.phone.as_ref()),
        mother_tongue: text(d.mother_tongue.as_ref().map(|l| l.as_str())),
        other_languages: d
            .other_languages
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        german_level: text(d.german_level.map(|l| l.as_str())),
        preferred_channel: text(d.preferred_channel.map(|c| c.code())),
        reachable_times: d.reachable_times.clone().unwrap_or_default(),
        foreign_qualification: d.foreign_qualification.clone().unwrap_or_default(),
        kldb: text(d.kldb.as_ref().map(|k| k.as_str())),
        recognition_status: text(d.recognition_status.map(|r| r.code())),
        employer: d.employer.clone().unwrap_or_default(),
        weekly_hours: text(d.weekly_hours),
        birth_year: text(d.birth_year),
    }
}

/// A consent given on a day, as recorded with a new participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewConsent {
    pub scope: ConsentScope,
    pub given_on: NaiveDate,
}

/// A participant to create: the validated record, its contact person, the consents to record
/// with it (one must be the data-processing consent), and — for the admin, who belongs to no
/// provider — the provider.
#[derive(Debug, Clone)]
pub struct NewParticipant {
    pub provider: Option<ProviderId>,
    pub contact_person: Option<UserId>,
    pub data: ParticipantData,
    pub consents: Vec<NewConsent>,
}

fn consent_error(refusal: ConsentRefusal) -> ParseError {
    match refusal {
        ConsentRefusal::Missing => ParseError::new(
            "consents",
            "data_processing_required",
            "a participant is created with the data-processing consent: send \
             consents: [{\"scope\": \"data_processing\", \"given_on\": \"YYYY-MM-DD\"}]",
        ),
        ConsentRefusal::InFuture => ParseError::new(
            "consents",
            "in_future",
            "a consent cannot be given after today",
        ),
        ConsentRefusal::InvalidDate => ParseError::new(
            "consents",
            "invalid_date",
            "expected the day the consent was given as YYYY-MM-DD",
        ),
    }
}

/// The rule every way of creating a participant shares (the form, the API and the CSV
/// import, see [`lernweg_participants::import::consent_given_on`]): the data-processing
/// consent is among the consents, and no consent is given after `today`. Returns the day the
/// data-processing consent was given.
pub fn check_consents(consents: &[NewConsent], today: NaiveDate) -> Result<NaiveDate, ParseError> {
    for c in consents {
        consent_given_on(Some(c.given_on), today).map_err(consent_error)?;
    }
    let data_processing = consents
        .iter()
        .find(|c| c.scope == ConsentScope::DataProcessing)
        .map(|c| c.given_on);
    consent_given_on(data_processing, today).map_err(consent_error)
}

/// The provider a new participant belongs to: the caller's own; the admin names one
/// (`provider_id`; unknown or missing: invalid).
pub async fn provider_of_new(
    app: &App,
    principal: &Principal,
    named: Option<ProviderId>,
) -> Result<ProviderId, AppError> {
    if let Some(own) = principal.provider_scope() {
        return Ok(own);
    }
    let unknown = || {
        AppError::invalid(ParseError::new(
            "provider_id",
            "unknown_provider",
            "admins name the provider of a new participant by its id",
        ))
    };
    let id = named.ok_or_else(unknown)?;
    match app.store.provider(id).await {
        Ok(p) => Ok(p.id),
        Err(StoreError::NotFound) => Err(unknown()),
        Err(e) => Err(e.into()),
    }
}

/// Creates a participant with its consents. Refused without a data-processing consent or
/// with a consent given after today ([`check_consents`], field `consents`).
///
/// The store writes the record and its consents in one transaction, each with its audit
/// entry: a participant never exists without its data-processing consent.
pub async fn create(
    app: &App,
    caller: &Caller,
    new: NewParticipant,
) -> Result<ParticipantRecord, AppError> {
    check_consents(&new.consents, app.today())?;
    let provider = provider_of_new(app, &caller.principal, new.provider).await?;
    let consents: Vec<_> = new.consents.iter().map(|c| (c.scope, c.given_on)).collect();
    Ok(app
        .store
        .create_participant_with_consents(
            &caller.actor,
            provider,
            new.contact_person,
            new.data,
            &consents,
        )
        .await?)
}

/// Replaces the record and the contact person of a participant the caller may see.
pub async fn update(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    contact_person: Option<UserId>,
    data: ParticipantData,
) -> Result<ParticipantRecord, AppError> {
    let p = visible(app, &caller.principal, id).await?;
    Ok(app
        .store
        .update_participant(&caller.actor, p.id, contact_person, data)
        .await?)
}

/// GDPR erasure (Art. 17): the participant and everything personal about them; anonymous
/// statistics remain.
pub async fn erase(app: &App, caller: &Caller, id: ParticipantId) -> Result<(), AppError> {
    let p = visible(app, &caller.principal, id).await?;
    Ok(app.store.erase_participant(&caller.actor, p.id).await?)
}
