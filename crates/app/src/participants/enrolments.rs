//! Enrolments of a participant in cohorts of the same provider and their lifecycle
//! (interested → counselled → enrolled → active ⇄ paused → completed | dropped).

use std::collections::HashMap;

use chrono::NaiveDate;
use lernweg_domain::{
    CohortId, Cursor, EnrolmentId, Limit, ParseError, ParticipantId, Principal, Slice,
};
use lernweg_participants::EnrolmentEvent;
use lernweg_store::{Enrolment, EnrolmentStep, ParticipantRecord, StoreError};

use super::visible;
use crate::{App, AppError, Caller};

/// The enrolment with its participant, if the caller may see the participant.
pub async fn visible_enrolment(
    app: &App,
    principal: &Principal,
    id: EnrolmentId,
) -> Result<(Enrolment, ParticipantRecord), AppError> {
    let e = app.store.enrolment(id).await?;
    let p = visible(app, principal, e.participant_id).await?;
    Ok((e, p))
}

/// The participant's enrolments, each with its history (oldest step first): two queries.
pub async fn with_history(
    app: &App,
    participant: ParticipantId,
) -> Result<Vec<(Enrolment, Vec<EnrolmentStep>)>, AppError> {
    histories_of(app, app.store.enrolments_of(participant).await?).await
}

/// The participant's enrolments after `cursor` (as created), each with its history.
pub async fn after(
    app: &App,
    participant: ParticipantId,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<(Enrolment, Vec<EnrolmentStep>)>, AppError> {
    let slice = app
        .store
        .enrolments_after(participant, cursor, limit)
        .await?;
    let next = slice.next;
    Ok(Slice {
        items: histories_of(app, slice.items).await?,
        next,
    })
}

/// The enrolments with their histories, read in one query.
async fn histories_of(
    app: &App,
    list: Vec<Enrolment>,
) -> Result<Vec<(Enrolment, Vec<EnrolmentStep>)>, AppError> {
    let ids: Vec<EnrolmentId> = list.iter().map(|e| e.id).collect();
    let mut steps: HashMap<EnrolmentId, Vec<EnrolmentStep>> = HashMap::new();
    for (id, step) in app.store.enrolment_histories(&ids).await? {
        steps.entry(id).or_default().push(step);
    }
    Ok(list
        .into_iter()
        .map(|e| {
            let history = steps.remove(&e.id).unwrap_or_default();
            (e, history)
        })
        .collect())
}

/// The history of an enrolment the caller has read, oldest step first.
pub async fn history(app: &App, e: &Enrolment) -> Result<Vec<EnrolmentStep>, AppError> {
    Ok(app.store.enrolment_history(e.id).await?)
}

/// Registers interest in a cohort of the participant's provider (status `interested`). An
/// unknown cohort is invalid (`cohort_id` / `unknown_cohort`), another provider's too
/// (`other_provider`); a second enrolment in the same cohort is a conflict.
pub async fn enrol(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    cohort: CohortId,
) -> Result<Enrolment, AppError> {
    enrol_for(app, caller, participant, cohort, &[]).await
}

/// Registers interest in chosen `modules` of a cohort (issue 14, point 7; none: the whole
/// cohort), as [`enrol`] does; a module the cohort's offer does not have is invalid
/// (`modules`/`unknown_module`).
pub async fn enrol_for(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    cohort: CohortId,
    modules: &[u32],
) -> Result<Enrolment, AppError> {
    let p = visible(app, &caller.principal, participant).await?;
    if !modules.is_empty() {
        check_modules(app, cohort, modules).await?;
    }
    match app
        .store
        .enrol_for(&caller.actor, p.id, cohort, modules)
        .await
    {
        Err(StoreError::NotFound) => Err(unknown_cohort()),
        other => Ok(other?),
    }
}

fn unknown_cohort() -> AppError {
    ParseError::new("cohort_id", "unknown_cohort", "no such cohort").into()
}

/// Checks that the cohort's offer has each of `modules` (1-based): `modules`/`invalid_modules`
/// for 0, `modules`/`unknown_module` past its last; an unknown cohort is
/// `cohort_id`/`unknown_cohort`.
pub async fn check_modules(app: &App, cohort: CohortId, modules: &[u32]) -> Result<(), AppError> {
    let cohort = match app.store.cohort(cohort).await {
        Ok(c) => c,
        Err(StoreError::NotFound) => return Err(unknown_cohort()),
        Err(e) => return Err(e.into()),
    };
    let count = app.store.offer(cohort.offer_id).await?.offer.modules.len() as u32;
    if modules.contains(&0) {
        return Err(ParseError::new("modules", "invalid_modules", "modules count from 1").into());
    }
    if let Some(m) = modules.iter().find(|m| **m > count) {
        return Err(ParseError::new(
            "modules",
            "unknown_module",
            format!("the cohort's offer has {count} modules, not {m}"),
        )
        .into());
    }
    Ok(())
}

/// Applies a lifecycle event on a day. A transition the rules refuse is invalid with the
/// rule's code (field `event`); starting or resuming without a contact person is invalid
/// (field `contact_person_id`, code `missing`).
pub async fn apply_event(
    app: &App,
    caller: &Caller,
    id: EnrolmentId,
    on: NaiveDate,
    event: EnrolmentEvent,
) -> Result<Enrolment, AppError> {
    let (e, _) = visible_enrolment(app, &caller.principal, id).await?;
    Ok(app
        .store
        .apply_enrolment_event(&caller.actor, e.id, on, event)
        .await?)
}
