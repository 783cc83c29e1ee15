//! Employers and the links of participants to them (issue 13, MISSION §2.2). A participant is
//! linked to an employer only while a consent of scope `employer_contact` is active; the
//! link names that consent, and withdrawing it ends the link (the store does both in one
//! transaction). Reading who works where names participants and is audited.

use chrono::NaiveDate;
use lernweg_domain::access::COUNSELLING;
use lernweg_domain::{
    Cursor, EmployerContactId, EmployerId, EmploymentId, Limit, ParseError, ParticipantId,
    Principal, ProviderId, RawEmployer, Search, Sector, Slice,
};
use lernweg_participants::{Consent, ConsentScope};
use lernweg_store::{
    AuditAction, AuditEntity, EmployerContact, EmployerFilter, EmployerRecord, Employment,
    Invitation, InvitationKind, Invitee, IssuedInvitation, StoreError, User,
};

use crate::offers::require;
use crate::{App, AppError, Caller, refusals};

fn invalid(field: &'static str, code: &'static str, message: &str) -> AppError {
    AppError::invalid(ParseError::new(field, code, message))
}

/// The employers of the caller's provider (all for the admin) after `cursor`, by name.
pub async fn employers_after(
    app: &App,
    who: &Principal,
    sector: Option<Sector>,
    search: Option<Search>,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<EmployerRecord>, AppError> {
    require(who, COUNSELLING)?;
    let filter = EmployerFilter {
        scope: who.provider_scope(),
        sector,
        search,
    };
    Ok(app.store.employers_after(&filter, cursor, limit).await?)
}

/// An employer the caller may see (another provider's: `NotFound`, audited as refused).
pub async fn visible_employer(
    app: &App,
    who: &Principal,
    id: EmployerId,
) -> Result<EmployerRecord, AppError> {
    require(who, COUNSELLING)?;
    let employer = app.store.employer(id).await?;
    refusals::ensure_provider(app, who, employer.provider_id, AuditEntity::Employer, id).await?;
    Ok(employer)
}

/// Adds an employer to the caller's provider. The admin, who belongs to no provider, names
/// an existing one (else `provider_id` `unknown_provider`).
pub async fn create_employer(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
    raw: &RawEmployer,
) -> Result<EmployerRecord, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let input = raw.parse().map_err(AppError::invalid)?;
    let unknown = || invalid("provider_id", "unknown_provider", "no such provider");
    let provider = match caller.principal.provider_id {
        Some(own) => own,
        None => named.ok_or_else(unknown)?,
    };
    match app
        .store
        .create_employer(&caller.actor, provider, input)
        .await
    {
        Err(StoreError::NotFound) => Err(unknown()),
        other => Ok(other?),
    }
}

/// Saves the fields and contacts of an employer the caller may see.
pub async fn update_employer(
    app: &App,
    caller: &Caller,
    id: EmployerId,
    raw: &RawEmployer,
) -> Result<EmployerRecord, AppError> {
    let employer = visible_employer(app, &caller.principal, id).await?;
    let input = raw.parse().map_err(AppError::invalid)?;
    Ok(app
        .store
        .update_employer(&caller.actor, employer.id, input)
        .await?)
}

/// The id of the participant's consent `employer_contact` that is active on `on`, if any.
pub fn employer_consent(consents: &[lernweg_store::ConsentRecord], on: NaiveDate) -> Option<&str> {
    consents
        .iter()
        .filter(|c| c.scope == ConsentScope::EmployerContact)
        .find(|c| {
            Consent::new(c.scope, c.given_on, c.withdrawn_on).is_ok_and(|k| k.is_active_on(on))
        })
        .map(|c| c.id.as_str())
}

/// Links a participant of the employer's provider to the employer from `since` (default
/// today). Refused without an active consent `employer_contact` (`participant_id`
/// `consent_required`), and when the two already are linked (`Conflict`).
pub async fn link_employee(
    app: &App,
    caller: &Caller,
    employer: EmployerId,
    participant: &str,
    since: Option<NaiveDate>,
) -> Result<Employment, AppError> {
    let employer = visible_employer(app, &caller.principal, employer).await?;
    let unknown = || {
        invalid(
            "participant_id",
            "unknown_participant",
            "no such participant",
        )
    };
    let pid = ParticipantId::parse(participant).map_err(|_| unknown())?;
    let person = match app.store.participant(pid).await {
        Ok(p) if p.provider_id == employer.provider_id => p,
        Ok(_) | Err(StoreError::NotFound) => return Err(unknown()),
        Err(e) => return Err(e.into()),
    };
    let today = app.today();
    let consents = app.store.consents(person.id).await?;
    let Some(consent) = employer_consent(&consents, today) else {
        return Err(invalid(
            "participant_id",
            "consent_required",
            "the participant has no active consent employer_contact: record it first",
        ));
    };
    Ok(app
        .store
        .link_employee(
            &caller.actor,
            &employer,
            person.id,
            consent,
            since.unwrap_or(today),
        )
        .await?)
}

/// The links of an employer the caller may see (active first); the read names the people
/// and is audited.
pub async fn employees(
    app: &App,
    caller: &Caller,
    employer: EmployerId,
) -> Result<Vec<Employment>, AppError> {
    let employer = visible_employer(app, &caller.principal, employer).await?;
    let links = app.store.employments_of_employer(employer.id).await?;
    app.store
        .audit_read(&caller.actor.entry(
            Some(employer.provider_id),
            AuditAction::View,
            AuditEntity::Employer,
            employer.id,
            "employees",
        ))
        .await?;
    Ok(links)
}

/// Ends a link of an employer the caller may see, on `on` (default today).
pub async fn end_employment(
    app: &App,
    caller: &Caller,
    id: EmploymentId,
    on: Option<NaiveDate>,
) -> Result<Employment, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let link = app.store.employment(id).await?;
    let employer = visible_employer(app, &caller.principal, link.employer_id).await?;
    if !link.is_active() {
        return Err(AppError::Conflict("employment_ended".to_owned()));
    }
    let on = on.unwrap_or_else(|| app.today());
    if on < link.since {
        return Err(invalid(
            "ended_on",
            "before_since",
            "a link cannot end before it began",
        ));
    }
    Ok(app
        .store
        .end_employment(&caller.actor, &link, employer.provider_id, on)
        .await?)
}

// ---------------------------------------------------------------- contact people's access

/// A contact person with their account and invitations (the employer page).
#[derive(Debug, Clone)]
pub struct ContactAccess {
    pub contact: EmployerContact,
    pub account: Option<User>,
    /// Newest first.
    pub invitations: Vec<Invitation>,
}

/// The access of every contact person of an employer the caller has read.
pub async fn contact_access(
    app: &App,
    employer: &EmployerRecord,
) -> Result<Vec<ContactAccess>, AppError> {
    let mut out = Vec::with_capacity(employer.contacts.len());
    for contact in &employer.contacts {
        out.push(ContactAccess {
            account: app.store.contact_account(contact.id).await?,
            invitations: app
                .store
                .invitations_for(Invitee::EmployerContact(contact.id))
                .await?,
            contact: contact.clone(),
        });
    }
    Ok(out)
}

/// A contact person of an employer the caller may see (else `NotFound`).
pub async fn visible_contact(
    app: &App,
    who: &Principal,
    employer: EmployerId,
    contact: EmployerContactId,
) -> Result<(EmployerRecord, EmployerContact), AppError> {
    let employer = visible_employer(app, who, employer).await?;
    let contact = employer
        .contacts
        .iter()
        .find(|c| c.id == contact)
        .cloned()
        .ok_or(AppError::NotFound)?;
    Ok((employer, contact))
}

/// Invites a contact person to `/betrieb` (an e-mail link or a printed code); their older
/// open invitations stop working. The store audits it.
pub async fn invite_contact(
    app: &App,
    caller: &Caller,
    employer: EmployerId,
    contact: EmployerContactId,
    kind: InvitationKind,
) -> Result<(EmployerRecord, EmployerContact, IssuedInvitation), AppError> {
    let (employer, contact) = visible_contact(app, &caller.principal, employer, contact).await?;
    let issued = app
        .store
        .create_contact_invitation(&caller.actor, &employer, &contact, kind)
        .await?;
    Ok((employer, contact, issued))
}

/// The open invitations of a contact person stop working; returns how many.
pub async fn revoke_contact_invitations(
    app: &App,
    caller: &Caller,
    employer: EmployerId,
    contact: EmployerContactId,
) -> Result<u64, AppError> {
    let (employer, contact) = visible_contact(app, &caller.principal, employer, contact).await?;
    let invitee = Invitee::EmployerContact(contact.id);
    Ok(app
        .store
        .revoke_invitations_of(&caller.actor, invitee, employer.provider_id)
        .await?)
}
