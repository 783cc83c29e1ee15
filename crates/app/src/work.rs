//! A participant's working times (one pattern per participant: typed rows, JSON rows or an
//! `.ics` shift plan) and how a cohort's timetable fits them. Shared by the working-times page,
//! the fit panel on the participant page and the API. Counselling staff of the participant's
//! provider only (the route table decides the role; another provider's participant is "not
//! found").

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lernweg_domain::{EnrolmentId, ParticipantId};
use lernweg_participants::Reason;
use lernweg_participants::{
    FieldError, Fit, FitInput, FitSession, IcsError, WorkPatternDraft, check_fit, from_ics,
    monday_of, parse_travel_minutes,
};
use lernweg_planner::model::DEFAULT_LOAD_LIMIT_HOURS;
use lernweg_planner::{HolidayCalendar, SessionKind};
use lernweg_store::{
    Cohort, Enrolment, ParticipantRecord, SessionRecord, SessionStatus, StoreError,
    WorkPatternRecord, WorkPatternSource,
};

use crate::visible::{participant, participant_record};
use crate::{App, AppError, Caller};

/// Why working times were not stored.
#[derive(Debug, thiserror::Error)]
pub enum PatternFailure {
    /// Rows or fields the rules refuse (field paths like `shifts.2.start`, `travel_minutes`).
    #[error("invalid working times: {0:?}")]
    Rules(Vec<FieldError>),
    /// An `.ics` file the import cannot read exactly.
    #[error("unreadable shift plan: {0:?}")]
    Ics(IcsError),
    #[error(transparent)]
    Failed(#[from] AppError),
}

impl From<StoreError> for PatternFailure {
    fn from(e: StoreError) -> Self {
        PatternFailure::Failed(e.into())
    }
}

/// The participant's working times, read (`what` names the view for the audit log).
pub async fn pattern(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    what: &str,
) -> Result<(ParticipantRecord, Option<WorkPatternRecord>), AppError> {
    let p = participant(app, caller, id, what).await?;
    let stored = app.store.work_pattern(p.id).await?;
    Ok((p, stored))
}

/// Records or replaces the working times from rows (the form or JSON). Every refused row
/// and field is in [`PatternFailure::Rules`]; nothing is changed then.
pub async fn save_pattern(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    draft: &WorkPatternDraft,
    source: WorkPatternSource,
) -> Result<WorkPatternRecord, PatternFailure> {
    let p = participant_record(app, &caller.principal, id).await?;
    let (pattern, travel) = draft.validate().map_err(PatternFailure::Rules)?;
    Ok(app
        .store
        .set_work_pattern(&caller.actor, p.id, &pattern, travel, source)
        .await?)
}

/// Replaces the working times by the weekly shifts of an iCalendar text. Week 1 of a rotation
/// is the week of `anchor` (this week when `None`). Returns what was stored and the notes on
/// what the file holds beyond the weekly shifts.
pub async fn import_ics(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    text: &str,
    anchor: Option<NaiveDate>,
    travel_minutes: u32,
) -> Result<(WorkPatternRecord, Vec<Reason>), PatternFailure> {
    let p = participant_record(app, &caller.principal, id).await?;
    parse_travel_minutes(&travel_minutes.to_string())
        .map_err(|e| PatternFailure::Rules(vec![e]))?;
    let anchor = anchor.unwrap_or_else(|| monday_of(app.today()));
    let imported = from_ics(text, anchor).map_err(PatternFailure::Ics)?;
    let record = app
        .store
        .set_work_pattern(
            &caller.actor,
            p.id,
            &imported.pattern,
            travel_minutes,
            WorkPatternSource::Ics,
        )
        .await?;
    Ok((record, imported.notes))
}

/// Removes the working times: `false` when none were recorded.
pub async fn delete_pattern(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
) -> Result<bool, AppError> {
    let p = participant_record(app, &caller.principal, id).await?;
    match app.store.delete_work_pattern(&caller.actor, p.id).await {
        Ok(()) => Ok(true),
        Err(StoreError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// How a cohort's timetable fits the participant's shifts.
#[derive(Debug, Clone)]
pub struct EnrolmentFit {
    pub enrolment: Enrolment,
    pub cohort: Cohort,
    /// The sessions that take place, by date and time (indices of `fit.collisions`).
    pub sessions: Vec<SessionRecord>,
    pub fit: Fit,
}

/// Checks an enrolment's cohort timetable against a work pattern, with the public holidays
/// of the cohort's state and the offer's self-study hours and load limit. Cancelled sessions
/// are left out. No access check: for callers that hold the participant already.
pub async fn fit_of(
    app: &App,
    record: &WorkPatternRecord,
    enrolment: &Enrolment,
) -> Result<EnrolmentFit, StoreError> {
    let cohort = app.store.cohort(enrolment.cohort_id).await?;
    let offer = app.store.offer(cohort.offer_id).await?.offer;
    let sessions = app.store.timetable(cohort.id).await?;
    Ok(fit_with(record, enrolment, cohort, &offer, sessions))
}

/// The fit check of every enrolment of a participant's file that is not finished (none
/// without working times), from what the file holds: no query.
pub fn fits_of_file(file: &crate::participants::file::ParticipantFile) -> Vec<EnrolmentFit> {
    let Some(record) = &file.work else {
        return Vec::new();
    };
    file.enrolments
        .iter()
        .filter(|e| !e.enrolment.status.is_final())
        .map(|e| {
            fit_with(
                record,
                &e.enrolment,
                e.cohort.clone(),
                &e.offer.offer,
                e.sessions.clone(),
            )
        })
        .collect()
}

/// Checks an enrolment's cohort timetable (`sessions`, cancelled ones are left out) against
/// a work pattern: pure.
pub fn fit_with(
    record: &WorkPatternRecord,
    enrolment: &Enrolment,
    cohort: Cohort,
    offer: &lernweg_offers::Offer,
    sessions: Vec<SessionRecord>,
) -> EnrolmentFit {
    let mut sessions: Vec<SessionRecord> = sessions
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .collect();
    sessions.sort_by_key(|s| (s.date, s.start));
    let fit = check_sessions(
        &record.pattern,
        record.travel_minutes,
        cohort.state,
        offer,
        &sessions,
    );
    EnrolmentFit {
        enrolment: enrolment.clone(),
        cohort,
        sessions,
        fit,
    }
}

/// Checks sessions (sorted by date and start, cancelled ones left out by the caller) of an
/// offer's cohort in `state` against working times: pure. The one place the fit check is
/// fed from stored sessions (the participant's page and monitoring).
pub fn check_sessions(
    pattern: &lernweg_participants::WorkPattern,
    travel_minutes: u32,
    state: lernweg_domain::State,
    offer: &lernweg_offers::Offer,
    sessions: &[SessionRecord],
) -> lernweg_participants::Fit {
    let input: Vec<FitSession> = sessions
        .iter()
        .map(|s| FitSession {
            date: s.date,
            start: s.start,
            end: s.end,
            hours: s.hours,
            travel: s.kind.travels(offer.online_lessons),
            module: s
                .module
                .filter(|_| matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced)),
        })
        .collect();
    let self_study: BTreeMap<i64, f64> = offer
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| (i as i64 + 1, m.self_study_hours_per_week))
        .collect();
    check_fit(
        &FitInput {
            pattern,
            travel_minutes,
            sessions: &input,
            self_study: &self_study,
            limit_hours: offer.load_limit_hours.unwrap_or(DEFAULT_LOAD_LIMIT_HOURS),
        },
        &mut HolidayCalendar::new(state),
    )
}

/// The fit check of one enrolment, read (`what` names the view for the audit log).
/// `Conflict` when the participant has no recorded working times.
pub async fn enrolment_fit(
    app: &App,
    caller: &Caller,
    id: EnrolmentId,
    what: &str,
) -> Result<EnrolmentFit, AppError> {
    let enrolment = app.store.enrolment(id).await?;
    let p = participant(app, caller, enrolment.participant_id, what).await?;
    let record = app.store.work_pattern(p.id).await?.ok_or_else(|| {
        AppError::Conflict(format!(
            "the participant has no recorded working times; PUT /api/v1/participants/{}/work-pattern first",
            p.id
        ))
    })?;
    Ok(fit_of(app, &record, &enrolment).await?)
}

/// The participant's working times and the fit check of every enrolment that is not finished
/// (none without working times). No access check and no audit entry: for the participant
/// page, which has done both.
pub async fn open_fits(
    app: &App,
    p: &ParticipantRecord,
) -> Result<(Option<WorkPatternRecord>, Vec<EnrolmentFit>), StoreError> {
    let record = app.store.work_pattern(p.id).await?;
    let mut fits = Vec::new();
    if let Some(r) = &record {
        for e in app.store.enrolments_of(p.id).await? {
            if !e.status.is_final() {
                fits.push(fit_of(app, r, &e).await?);
            }
        }
    }
    Ok((record, fits))
}
