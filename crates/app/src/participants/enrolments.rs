//! Enrolments of a participant in cohorts of the same provider and their lifecycle
//! (interested → counselled → enrolled → active ⇄ paused → completed | dropped).

use chrono::NaiveDate;
use lernweg_domain::{CohortId, EnrolmentId, ParseError, ParticipantId, Principal};
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

/// The participant's enrolments, each with its history (oldest step first).
pub async fn with_history(
    app: &App,
    participant: ParticipantId,
) -> Result<Vec<(Enrolment, Vec<EnrolmentStep>)>, AppError> {
    let mut out = Vec::new();
    for e in app.store.enrolments_of(participant).await? {
        let history = app.store.enrolment_history(e.id).await?;
        out.push((e, history));
    }
    Ok(out)
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
    let p = visible(app, &caller.principal, participant).await?;
    match app.store.enrol(&caller.actor, p.id, cohort).await {
        Err(StoreError::NotFound) => {
            Err(ParseError::new("cohort_id", "unknown_cohort", "no such cohort").into())
        }
        other => Ok(other?),
    }
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
