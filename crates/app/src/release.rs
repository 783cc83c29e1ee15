//! Release agreements (Freistellungsvereinbarungen, issue 13 point 6; MISSION §2.2): staff
//! ask a participant's employer to release the sessions that fall into working time; the
//! employer answers on `/betrieb` (or on the signed paper, which staff record). The dates come
//! from the fit check (`work::fit_of`), the states from `lernweg_participants::release`.
//!
//! Who may do what: counselling staff of the participant's provider request, read and record
//! answers; an employer contact reads and answers the agreements addressed to their employer
//! while the person is actively linked to it (the consent `employer_contact`), nothing else.

use lernweg_domain::access::{COUNSELLING, EMPLOYER};
use lernweg_domain::{
    CohortId, Cursor, EmployerContactId, EnrolmentId, Limit, ParseError, ParticipantId,
    ReleaseAgreementId, Role, Slice,
};
use lernweg_offers::Offer;
use lernweg_participants::release::AnswerError;
use lernweg_participants::{ReleaseAnswer, ReleaseState, apply_answer, release_dates};
use lernweg_store::{
    Cohort, EmployerRecord, Enrolment, NewReleaseAgreement, ReleaseAgreement, ReleaseDateRecord,
    ReleaseFilter, SessionRecord,
};

use crate::offers::require;
use crate::visible::participant;
use crate::work::{fit_of, fit_with};
use crate::{App, AppError, Caller};

/// The label of a staff member in an agreement's history: their display name.
async fn staff_label(app: &App, caller: &Caller) -> Result<String, AppError> {
    Ok(app.store.user(caller.principal.user_id).await?.display_name)
}

/// Asks the participant's employer to release the coming sessions of the enrolment's cohort
/// that fall into the recorded working times. Refused (422) without such sessions or without
/// an employer (a linked one, or the employer's name on the record); `Conflict` without
/// working times or while an earlier request for the enrolment is open.
pub async fn request(
    app: &App,
    caller: &Caller,
    enrolment: EnrolmentId,
) -> Result<ReleaseAgreement, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let enrolment = app.store.enrolment(enrolment).await?;
    let person = participant(app, caller, enrolment.participant_id, "release agreement").await?;
    if enrolment.status.is_final() {
        return Err(invalid(
            "enrolment_id",
            "enrolment_finished",
            "the enrolment has ended",
        ));
    }
    let record = app.store.work_pattern(person.id).await?.ok_or_else(|| {
        AppError::Conflict(format!(
            "the participant has no recorded working times; PUT /api/v1/participants/{}/work-pattern first",
            person.id
        ))
    })?;
    let open = ReleaseFilter {
        participant: Some(person.id),
        state: Some(ReleaseState::Requested),
        ..Default::default()
    };
    let open = app
        .store
        .release_agreements_after(&open, None, Limit::MAX)
        .await?;
    if open.items.iter().any(|a| a.enrolment_id == enrolment.id) {
        return Err(AppError::Conflict(
            "a release agreement for this enrolment is still open; wait for the answer".into(),
        ));
    }
    let fit = fit_of(app, &record, &enrolment).await?;
    let times: Vec<_> = fit.sessions.iter().map(|s| (s.start, s.end)).collect();
    let today = app.today();
    let dates: Vec<ReleaseDateRecord> = release_dates(&fit.fit, &times)
        .into_iter()
        .filter(|d| d.date >= today)
        .map(|d| ReleaseDateRecord {
            session_id: Some(fit.sessions[d.session].id.to_string()),
            date: d.date,
            start: d.start,
            end: d.end,
            hours: d.hours,
            agreed: None,
        })
        .collect();
    if dates.is_empty() {
        return Err(invalid(
            "enrolment_id",
            "no_sessions_in_working_time",
            "no coming session of this cohort falls into the participant's working times",
        ));
    }
    let links = app.store.employments_of_participant(person.id).await?;
    let (employer_id, employer_name) = match links.iter().find(|l| l.is_active()) {
        Some(l) => (Some(l.employer_id), l.employer_name.clone()),
        None => match person
            .data
            .employer
            .clone()
            .filter(|e| !e.trim().is_empty())
        {
            Some(name) => (None, name),
            None => {
                return Err(invalid(
                    "enrolment_id",
                    "no_employer",
                    "the participant has no employer on record: link one or enter its name first",
                ));
            }
        },
    };
    let label = staff_label(app, caller).await?;
    Ok(app
        .store
        .create_release_agreement(
            &caller.actor,
            &label,
            NewReleaseAgreement {
                provider_id: person.provider_id,
                participant_id: person.id,
                enrolment_id: enrolment.id,
                cohort_id: enrolment.cohort_id,
                employer_id,
                employer_name,
                dates,
            },
        )
        .await?)
}

fn invalid(field: &'static str, code: &'static str, message: &str) -> AppError {
    ParseError::new(field, code, message).into()
}

/// What a list of agreements is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ReleaseQuery {
    pub participant: Option<ParticipantId>,
    pub cohort: Option<CohortId>,
    pub state: Option<ReleaseState>,
}

/// Agreements of the caller's provider (all for the admin), newest first.
pub async fn list(
    app: &App,
    caller: &Caller,
    query: &ReleaseQuery,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<ReleaseAgreement>, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let filter = ReleaseFilter {
        scope: caller.principal.provider_scope(),
        participant: query.participant,
        cohort: query.cohort,
        employer: None,
        state: query.state,
    };
    Ok(app
        .store
        .release_agreements_after(&filter, cursor, limit)
        .await?)
}

/// Every agreement of one participant or one cohort, for the participant and cohort pages
/// (the caller has read the record already).
pub async fn of(app: &App, query: &ReleaseQuery) -> Result<Vec<ReleaseAgreement>, AppError> {
    let filter = ReleaseFilter {
        participant: query.participant,
        cohort: query.cohort,
        state: query.state,
        ..Default::default()
    };
    Ok(app
        .store
        .release_agreements_after(&filter, None, Limit::MAX)
        .await?
        .items)
}

/// The employer an employer contact answers for, if the caller is one.
async fn employer_of(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
) -> Result<Option<EmployerRecord>, AppError> {
    if caller.principal.role != Role::Employer {
        return Ok(None);
    }
    let (employer, _) = crate::employer_portal::own(app, caller, contact).await?;
    Ok(Some(employer))
}

/// The agreements addressed to an employer for its actively linked employees.
pub async fn for_employer(
    app: &App,
    employer: &EmployerRecord,
) -> Result<Vec<ReleaseAgreement>, AppError> {
    let linked: Vec<ParticipantId> = app
        .store
        .employments_of_employer(employer.id)
        .await?
        .into_iter()
        .filter(|l| l.is_active())
        .map(|l| l.participant_id)
        .collect();
    let filter = ReleaseFilter {
        employer: Some(employer.id),
        ..Default::default()
    };
    let all = app
        .store
        .release_agreements_after(&filter, None, Limit::MAX)
        .await?;
    Ok(all
        .items
        .into_iter()
        .filter(|a| linked.contains(&a.participant_id))
        .collect())
}

/// One agreement: counselling staff of its provider, or a contact of the employer it is
/// addressed to while the person is linked; anyone else gets "not found".
pub async fn show(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
    id: ReleaseAgreementId,
) -> Result<ReleaseAgreement, AppError> {
    let agreement = app.store.release_agreement(id).await?;
    match employer_of(app, caller, contact).await? {
        Some(employer) => {
            require(&caller.principal, EMPLOYER)?;
            let visible = for_employer(app, &employer).await?;
            if !visible.iter().any(|a| a.id == id) {
                return Err(AppError::NotFound);
            }
        }
        None => {
            require(&caller.principal, COUNSELLING)?;
            caller.ensure_provider(agreement.provider_id)?;
            participant(app, caller, agreement.participant_id, "release agreement").await?;
        }
    }
    Ok(agreement)
}

/// Records an answer: by the employer's contact (on `/betrieb`) or by staff (the signed
/// paper). `agreed_dates` names the dates of a partial agreement.
pub async fn answer(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
    id: ReleaseAgreementId,
    answer: &ReleaseAnswer,
    note: &str,
) -> Result<ReleaseAgreement, AppError> {
    let agreement = show(app, caller, contact, id).await?;
    let note = note.trim();
    if note.chars().count() > 1000 {
        return Err(invalid("note", "too_long", "note: at most 1000 characters"));
    }
    let dates: Vec<_> = agreement.dates.iter().map(|d| d.date).collect();
    let (per_date, state) = apply_answer(&dates, answer).map_err(|e| match e {
        AnswerError::UnknownDate(d) => invalid(
            "agreed_dates",
            "unknown_date",
            &format!("{d} is not a date of this agreement"),
        ),
        AnswerError::NotPartly => invalid(
            "agreed_dates",
            "not_partly",
            "a partial agreement names some, not none or all, of the dates",
        ),
    })?;
    let label = match employer_of(app, caller, contact).await? {
        Some(employer) => {
            let user = app.store.user(caller.principal.user_id).await?;
            format!("{} ({})", user.display_name, employer.name)
        }
        None => staff_label(app, caller).await?,
    };
    Ok(app
        .store
        .answer_release_agreement(&caller.actor, &label, &agreement, &per_date, state, note)
        .await?)
}

/// What the printed agreement names besides the agreement itself.
#[derive(Debug, Clone)]
pub struct ReleaseContext {
    pub provider_name: String,
    pub offer_title: String,
}

/// The provider and the offer of an agreement the caller has read.
pub async fn context(app: &App, a: &ReleaseAgreement) -> Result<ReleaseContext, AppError> {
    let provider = app.store.provider(a.provider_id).await?;
    let cohort = app.store.cohort(a.cohort_id).await?;
    let offer = app.store.offer(cohort.offer_id).await?;
    Ok(ReleaseContext {
        provider_name: provider.name.to_string(),
        offer_title: offer.offer.title,
    })
}

/// Someone who needs release on a date.
#[derive(Debug, Clone)]
pub struct ReleaseNeed {
    pub participant_id: ParticipantId,
    pub name: String,
    /// Hours of the session inside their working time.
    pub hours: f64,
    /// The newest agreement asked for this date: its state and the answer for the date.
    pub asked: Option<(ReleaseState, Option<bool>)>,
}

/// A coming date of a cohort with the people who need release for it.
#[derive(Debug, Clone)]
pub struct DateNeeds {
    pub session: SessionRecord,
    pub needs: Vec<ReleaseNeed>,
}

/// Per coming date of the cohort, who needs release (the people not finished who have
/// recorded working times) and what their employer answered: three queries whatever the
/// number of people. The caller has read the cohort.
pub async fn cohort_needs(
    app: &App,
    cohort: &Cohort,
    offer: &Offer,
    sessions: &[SessionRecord],
    members: &[(Enrolment, String)],
) -> Result<Vec<DateNeeds>, AppError> {
    let patterns = app.store.work_patterns_in_cohort(cohort.id).await?;
    let agreements = of(
        app,
        &ReleaseQuery {
            cohort: Some(cohort.id),
            ..Default::default()
        },
    )
    .await?;
    let today = app.today();
    let mut out: Vec<DateNeeds> = Vec::new();
    for (record, name) in &patterns {
        let Some((enrolment, _)) = members
            .iter()
            .find(|(e, _)| e.participant_id == record.participant_id && !e.status.is_final())
        else {
            continue;
        };
        let fit = fit_with(record, enrolment, cohort.clone(), offer, sessions.to_vec());
        let times: Vec<_> = fit.sessions.iter().map(|s| (s.start, s.end)).collect();
        for d in release_dates(&fit.fit, &times) {
            let session = &fit.sessions[d.session];
            if d.date < today {
                continue;
            }
            let sid = session.id.to_string();
            let asked = agreements
                .iter()
                .filter(|a| a.enrolment_id == enrolment.id)
                .find_map(|a| {
                    a.dates
                        .iter()
                        .find(|x| x.session_id.as_deref() == Some(sid.as_str()))
                        .map(|x| (a.state, x.agreed))
                });
            let need = ReleaseNeed {
                participant_id: record.participant_id,
                name: name.clone(),
                hours: d.hours,
                asked,
            };
            match out.iter_mut().find(|n| n.session.id == session.id) {
                Some(n) => n.needs.push(need),
                None => out.push(DateNeeds {
                    session: session.clone(),
                    needs: vec![need],
                }),
            }
        }
    }
    out.sort_by_key(|n| (n.session.date, n.session.start));
    Ok(out)
}
