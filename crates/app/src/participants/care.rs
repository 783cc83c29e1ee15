//! Consents and the contact log of a participant. A consent is never given, and a contact
//! never logged, after today; a withdrawal keeps the consent for the history.

use chrono::NaiveDate;
use lernweg_domain::{Cursor, Limit, PageNo, Paged, ParseError, ParticipantId, Slice};
use lernweg_participants::import::consent_given_on;
use lernweg_participants::{Consent, ConsentScope, has_consent};
use lernweg_store::{ConsentRecord, ContactEntry, NewContact, ParticipantRecord};

use super::visible;
use crate::{App, AppError, Caller};

/// The consents as the rules crate sees them.
pub fn rules(consents: &[ConsentRecord]) -> Vec<Consent> {
    consents
        .iter()
        .map(|c| Consent {
            scope: c.scope,
            given_on: c.given_on,
            withdrawn_on: c.withdrawn_on,
        })
        .collect()
}

/// The consents of a participant the caller has read (and audited), oldest first.
pub async fn consents_of(app: &App, p: &ParticipantRecord) -> Result<Vec<ConsentRecord>, AppError> {
    Ok(app.store.consents(p.id).await?)
}

/// The contact log of a participant the caller has read (and audited), newest first; the
/// notes are emptied unless `with_notes`.
pub async fn contacts_of(
    app: &App,
    p: &ParticipantRecord,
    with_notes: bool,
) -> Result<Vec<ContactEntry>, AppError> {
    let mut log = app.store.contacts(p.id).await?;
    if !with_notes {
        log.iter_mut().for_each(|c| c.note.clear());
    }
    Ok(log)
}

/// A stretch of the contact log of a participant the caller has read (and audited), newest
/// first, after `cursor`; the notes are emptied unless `with_notes`.
pub async fn contacts_after(
    app: &App,
    p: &ParticipantRecord,
    with_notes: bool,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<ContactEntry>, AppError> {
    let mut log = app.store.contacts_after(p.id, cursor, limit).await?;
    if !with_notes {
        log.items.iter_mut().for_each(|c| c.note.clear());
    }
    Ok(log)
}

/// One page of the contact log of a participant the caller has read (and audited), newest
/// first; the notes are emptied unless `with_notes`.
pub async fn contacts_page(
    app: &App,
    p: &ParticipantRecord,
    with_notes: bool,
    page: PageNo,
    size: u32,
) -> Result<Paged<ContactEntry>, AppError> {
    let mut log = app.store.contacts_page(p.id, page, size).await?;
    if !with_notes {
        log.items.iter_mut().for_each(|c| c.note.clear());
    }
    Ok(log)
}

/// Whether the participant's consent of `scope` holds on `on`.
pub async fn holds(
    app: &App,
    participant: ParticipantId,
    scope: ConsentScope,
    on: NaiveDate,
) -> Result<bool, AppError> {
    let consents = app.store.consents(participant).await?;
    Ok(has_consent(&rules(&consents), scope, on))
}

/// Records a consent given on `given_on` (not after today; field `given_on`).
pub async fn add_consent(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    scope: ConsentScope,
    given_on: NaiveDate,
) -> Result<ConsentRecord, AppError> {
    let p = visible(app, &caller.principal, participant).await?;
    consent_given_on(Some(given_on), app.today()).map_err(|_| {
        ParseError::new(
            "given_on",
            "in_future",
            "a consent cannot be given after today",
        )
    })?;
    Ok(app
        .store
        .add_consent(&caller.actor, p.id, scope, given_on)
        .await?)
}

/// Withdraws a consent from `on`; the record stays. An unknown consent is
/// [`AppError::NotFound`], a withdrawn one a conflict, a withdrawal before the consent was
/// given invalid (field `on`).
pub async fn withdraw_consent(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    consent_id: &str,
    on: NaiveDate,
) -> Result<ConsentRecord, AppError> {
    let p = visible(app, &caller.principal, participant).await?;
    let find = || async {
        app.store
            .consents(p.id)
            .await?
            .into_iter()
            .find(|c| c.id == consent_id)
            .ok_or(AppError::NotFound)
    };
    let current = find().await?;
    if current.withdrawn_on.is_some() {
        return Err(AppError::Conflict(
            "the consent is already withdrawn".to_owned(),
        ));
    }
    Consent::new(current.scope, current.given_on, Some(on))
        .map_err(|e| ParseError { field: "on", ..e })?;
    app.store
        .withdraw_consent(&caller.actor, p.id, consent_id, on)
        .await?;
    find().await
}

/// Adds an entry to the contact log (not after today, field `date`; the topic is required,
/// field `topic`).
pub async fn add_contact(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    contact: NewContact,
) -> Result<ContactEntry, AppError> {
    let p = visible(app, &caller.principal, participant).await?;
    if contact.on_date > app.today() {
        return Err(ParseError::new(
            "date",
            "in_future",
            "a contact cannot be logged after today",
        )
        .into());
    }
    Ok(app.store.add_contact(&caller.actor, p.id, contact).await?)
}
