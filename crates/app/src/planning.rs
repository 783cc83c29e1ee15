//! Planning a cohort with the employers (issue 13, point 3; MISSION §2.2): staff share a
//! draft with the employers of its participants; their contact people see the draft dates
//! on `/betrieb`, mark periods that do not work and comment; staff see the answers beside
//! the sessions they hit and re-plan the draft around them (`cohorts::replan` with
//! `around_employers`). Employers see only the draft's dates and their own employees' names.

use lernweg_domain::access::{EMPLOYER, MANAGERS, STAFF};
use lernweg_domain::outbox::NoticeKind;
use lernweg_domain::{CohortId, CohortStatus, EmployerContactId, PlanAnswerId, Principal};
use lernweg_offers::planning::Answer;
use lernweg_planner::ClosurePeriod;
use lernweg_store::{
    Cohort, CohortEmployer, EmployerContact, EmployerRecord, NewNotice, PlanAnswer, SessionRecord,
    SessionStatus,
};
use serde_json::{Map, Value};

use crate::offers::require;
use crate::{App, AppError, Caller};

/// An answer with the sessions of the draft it hits.
#[derive(Debug, Clone)]
pub struct AnswerHits {
    pub answer: PlanAnswer,
    /// The planned (not cancelled) sessions inside the answer's period, by date.
    pub hits: Vec<SessionRecord>,
}

/// What staff see of the planning with the employers.
#[derive(Debug, Clone)]
pub struct PlanningView {
    pub cohort: Cohort,
    /// The employers with employees in the cohort: who gets the draft.
    pub employers: Vec<CohortEmployer>,
    /// Oldest first.
    pub answers: Vec<AnswerHits>,
}

fn hits_of(answer: &PlanAnswer, sessions: &[SessionRecord]) -> Vec<SessionRecord> {
    match answer.period {
        Some(p) => sessions
            .iter()
            .filter(|s| s.status != SessionStatus::Cancelled && p.contains(s.date))
            .cloned()
            .collect(),
        None => Vec::new(),
    }
}

/// The planning view of a cohort the principal may see (staff).
pub async fn view(
    app: &App,
    principal: &Principal,
    id: CohortId,
) -> Result<PlanningView, AppError> {
    require(principal, STAFF)?;
    let (cohort, sessions) = crate::cohorts::timetable(app, principal, id).await?;
    let employers = app.store.cohort_employers(cohort.id).await?;
    let answers = app
        .store
        .plan_answers(cohort.id, None)
        .await?
        .into_iter()
        .map(|answer| AnswerHits {
            hits: hits_of(&answer, &sessions),
            answer,
        })
        .collect();
    Ok(PlanningView {
        cohort,
        employers,
        answers,
    })
}

/// The employers' blocked periods of a cohort as closures of the planner, each named by
/// its employer.
pub(crate) async fn blocked_closures(
    app: &App,
    cohort: CohortId,
) -> Result<Vec<ClosurePeriod>, AppError> {
    Ok(app
        .store
        .plan_answers(cohort, None)
        .await?
        .iter()
        .filter_map(|a| a.period.map(|p| p.as_closure(&a.employer_name)))
        .collect())
}

/// Shares a draft with the employers of its participants (coordinators): each of their
/// contact people with an e-mail address gets a notice through the outbox naming the
/// employees concerned and the link to answer (under `base_url`, the installation's public
/// address). Returns the cohort and how many were queued.
pub async fn share(
    app: &App,
    caller: &Caller,
    id: CohortId,
    base_url: &str,
) -> Result<(Cohort, usize), AppError> {
    require(&caller.principal, MANAGERS)?;
    let cohort = crate::cohorts::cohort(app, &caller.principal, id).await?;
    let first_time = cohort.shared_at.is_none();
    let cohort = app.store.share_cohort(&caller.actor, cohort.id).await?;
    if !first_time {
        return Ok((cohort, 0));
    }
    let offer = app.store.offer(cohort.offer_id).await?;
    let mut out = Vec::new();
    for ce in app.store.cohort_employers(cohort.id).await? {
        let employer = app.store.employer(ce.employer_id).await?;
        let names: Vec<&str> = ce.employees.iter().map(|(_, n)| n.as_str()).collect();
        let mut args = Map::new();
        for (k, v) in [
            ("offer", offer.offer.title.clone()),
            ("cohort", cohort.name.clone()),
            ("names", names.join(", ")),
            ("employer", employer.name.clone()),
            (
                "link",
                format!(
                    "{}/betrieb/planung/{}",
                    base_url.trim_end_matches('/'),
                    cohort.id
                ),
            ),
        ] {
            args.insert(k.to_owned(), Value::String(v));
        }
        for c in &employer.contacts {
            if let Some(email) = &c.email {
                out.push(NewNotice {
                    provider_id: Some(cohort.provider_id),
                    kind: NoticeKind::DraftShared,
                    lang: "de".into(),
                    args: args.clone(),
                    to_address: email.as_str().to_owned(),
                    to_name: c.name.clone(),
                });
            }
        }
    }
    let queued = app.store.enqueue_notices(&out).await?;
    Ok((cohort, queued))
}

// ---------------------------------------------------------------- the employer's side

/// A shared draft as its employers see it: the dates, the own employees in it, the own
/// answers.
#[derive(Debug, Clone)]
pub struct SharedDraft {
    pub cohort: Cohort,
    pub offer_title: String,
    /// Planned sessions, by date (cancelled ones left out).
    pub sessions: Vec<SessionRecord>,
    pub employees: Vec<String>,
    pub answers: Vec<AnswerHits>,
}

/// The shared drafts with employees of the caller's employer, by start.
pub async fn shared_drafts(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
) -> Result<Vec<SharedDraft>, AppError> {
    let (employer, _) = crate::employer_portal::own(app, caller, contact).await?;
    let (away, _) = crate::feeds::employee_cohorts(app, employer.id).await?;
    let mut out = Vec::new();
    for (cohort_id, names) in away {
        let cohort = app.store.cohort(cohort_id).await?;
        if cohort.status == CohortStatus::Draft && cohort.shared_at.is_some() {
            out.push(draft_of(app, &employer, cohort, names).await?);
        }
    }
    out.sort_by_key(|d| (d.cohort.start_date, d.cohort.id));
    Ok(out)
}

async fn draft_of(
    app: &App,
    employer: &EmployerRecord,
    cohort: Cohort,
    employees: Vec<String>,
) -> Result<SharedDraft, AppError> {
    let offer_title = app.store.offer(cohort.offer_id).await?.offer.title;
    let sessions: Vec<SessionRecord> = app
        .store
        .timetable(cohort.id)
        .await?
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .collect();
    let answers = app
        .store
        .plan_answers(cohort.id, Some(employer.id))
        .await?
        .into_iter()
        .map(|answer| AnswerHits {
            hits: hits_of(&answer, &sessions),
            answer,
        })
        .collect();
    Ok(SharedDraft {
        cohort,
        offer_title,
        sessions,
        employees,
        answers,
    })
}

/// One shared draft of the caller's employer (`NotFound` when it is not shared with it).
pub async fn shared_draft(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
    id: CohortId,
) -> Result<(EmployerRecord, EmployerContact, SharedDraft), AppError> {
    let (employer, person) = crate::employer_portal::own(app, caller, contact).await?;
    let (away, _) = crate::feeds::employee_cohorts(app, employer.id).await?;
    let (_, names) = away
        .into_iter()
        .find(|(c, _)| *c == id)
        .ok_or(AppError::NotFound)?;
    let cohort = app.store.cohort(id).await?;
    if cohort.status != CohortStatus::Draft || cohort.shared_at.is_none() {
        return Err(AppError::NotFound);
    }
    let draft = draft_of(app, &employer, cohort, names).await?;
    Ok((employer, person, draft))
}

/// An employer's answer to a shared draft.
pub async fn answer(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
    id: CohortId,
    answer: Answer,
) -> Result<PlanAnswer, AppError> {
    require(&caller.principal, EMPLOYER)?;
    let (employer, person, draft) = shared_draft(app, caller, contact, id).await?;
    Ok(app
        .store
        .add_plan_answer(
            &caller.actor,
            &draft.cohort,
            employer.id,
            Some(person.id),
            &person.name,
            &answer,
        )
        .await?)
}

/// Withdraws one of the employer's own answers while the draft is shared; returns its
/// cohort.
pub async fn withdraw(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
    id: PlanAnswerId,
) -> Result<CohortId, AppError> {
    let (employer, _) = crate::employer_portal::own(app, caller, contact).await?;
    let answer = app.store.plan_answer(id).await?;
    if answer.employer_id != employer.id {
        return Err(AppError::NotFound);
    }
    app.store
        .delete_plan_answer(&caller.actor, &answer, employer.provider_id)
        .await?;
    Ok(answer.cohort_id)
}
