//! Individual qualification paths (issue 14): the recognition case, the individual plan
//! with the coverage of each difference and the weekly load of the whole plan, and dates for
//! individual lessons in the person's free time. Counselling staff only; every read of the
//! case or the plan is audited.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use lernweg_domain::access::COUNSELLING;
use lernweg_domain::{ParseError, ParticipantId, PlanItemId};
use lernweg_participants::AttendanceStatus;
use lernweg_participants::attendance::takes_session;
use lernweg_participants::qualification_plan::{Coverage, ItemDetails, PlanItem, coverage};
use lernweg_participants::recognition::{RawRecognition, RecognitionCase};
use lernweg_participants::{Fit, FitInput, FitSession, WorkPattern, check_fit};
use lernweg_planner::model::DEFAULT_LOAD_LIMIT_HOURS;
use lernweg_planner::{HolidayCalendar, LessonRequest, ProposedSession, schedule_lessons};
use lernweg_store::{
    ParticipantRecord, PlanItemLog, PlanItemRecord, PlanSession, RecognitionRecord, SessionRecord,
    SessionStatus,
};

use super::lessons::DatedLesson;
use crate::offers::require;
use crate::visible::participant;
use crate::{App, AppError, Caller};

/// The participant's recognition case (`None` while none is recorded).
pub async fn recognition(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
) -> Result<Option<RecognitionRecord>, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let p = participant(app, caller, id, "recognition case").await?;
    Ok(app.store.recognition(p.id).await?)
}

/// Records the case. New differences get an id; a difference that a plan item still
/// covers cannot be left out (`differences`/`in_use`).
pub async fn put_recognition(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    raw: RawRecognition,
) -> Result<RecognitionRecord, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let p = participant(app, caller, id, "recognition case").await?;
    let case = raw
        .parse(|| uuid::Uuid::now_v7().simple().to_string()[20..].to_owned())
        .map_err(AppError::Invalid)?;
    for item in app.store.plan_items(p.id).await? {
        if let Some(c) = item
            .item
            .covers
            .iter()
            .find(|c| !case.differences.iter().any(|d| d.id == **c))
        {
            return Err(ParseError::new(
                "differences",
                "in_use",
                format!("difference {c:?} is covered by plan item {}", item.id),
            )
            .into());
        }
    }
    Ok(app
        .store
        .put_recognition(&caller.actor, p.id, p.provider_id, &case)
        .await?)
}

/// The plan of a participant: items, coverage per difference, the weekly load.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub participant: ParticipantRecord,
    pub case: Option<RecognitionCase>,
    pub items: Vec<PlanItemRecord>,
    pub coverage: Vec<Coverage>,
    /// The load check of the whole plan next to the job; `None` without recorded working
    /// times.
    pub load: Option<Fit>,
    /// The last day of the plan, as far as its items name one.
    pub ends_on: Option<NaiveDate>,
    /// The plan ends after the decision's deadline.
    pub ends_after_deadline: bool,
    /// The confirmed dates of the plan's lessons, cancelled ones included, by date.
    pub dates: Vec<DatedLesson>,
}

/// The dated sessions of a `cohort_modules` item: its cohort's sessions of the chosen
/// modules (not cancelled).
async fn module_sessions(app: &App, item: &PlanItem) -> Result<Vec<SessionRecord>, AppError> {
    let ItemDetails::CohortModules { cohort_id, modules } = &item.details else {
        return Ok(Vec::new());
    };
    Ok(app
        .store
        .timetable(*cohort_id)
        .await?
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .filter(|s| takes_session(modules, s.module))
        .collect())
}

/// What the engine weighs for one item: its dated sessions, and placement and self-study as
/// their weekly hours on each Monday of their period (no clock time: they collide with no
/// shift, they add to the week).
async fn load_sessions(
    app: &App,
    item: &PlanItem,
    from: NaiveDate,
) -> Result<Vec<FitSession>, AppError> {
    let weekly = |start: NaiveDate, end: NaiveDate, hours: f64| {
        let mut out = Vec::new();
        let mut day = lernweg_participants::monday_of(start.max(from));
        while day <= end {
            out.push(FitSession {
                date: day,
                start: None,
                end: None,
                hours,
                travel: false,
                module: None,
            });
            day += Duration::days(7);
        }
        out
    };
    Ok(match &item.details {
        ItemDetails::CohortModules { .. } => module_sessions(app, item)
            .await?
            .iter()
            .map(|s| FitSession {
                date: s.date,
                start: s.start,
                end: s.end,
                hours: s.hours,
                travel: true,
                module: None,
            })
            .collect(),
        ItemDetails::Placement {
            from: a,
            to: b,
            hours_per_week,
            ..
        } => weekly(*a, *b, *hours_per_week),
        ItemDetails::SelfStudy {
            hours_per_week,
            from: Some(a),
            to: Some(b),
            ..
        } => weekly(*a, *b, *hours_per_week),
        ItemDetails::Exam { date, .. } => vec![FitSession {
            date: *date,
            start: None,
            end: None,
            hours: item.hours,
            travel: true,
            module: None,
        }],
        _ => Vec::new(),
    })
}

/// The items of a participant's plan with their done hours: as logged, the confirmed
/// lessons attended (both from the store) and, for chosen cohort modules, the sessions of
/// those modules the participant attended in that cohort.
pub async fn items_with_attendance(
    app: &App,
    p: &ParticipantRecord,
) -> Result<Vec<PlanItemRecord>, AppError> {
    let mut items = app.store.plan_items(p.id).await?;
    let enrolments = app.store.enrolments_of(p.id).await?;
    for i in &mut items {
        let ItemDetails::CohortModules { cohort_id, .. } = &i.item.details else {
            continue;
        };
        let Some(e) = enrolments.iter().find(|e| e.cohort_id == *cohort_id) else {
            continue;
        };
        let present: Vec<_> = app
            .store
            .enrolment_attendance(e.id)
            .await?
            .into_iter()
            .filter(|a| a.status == AttendanceStatus::Present)
            .map(|a| a.session_id)
            .collect();
        i.done_hours += module_sessions(app, &i.item)
            .await?
            .iter()
            .filter(|s| present.contains(&s.id))
            .map(|s| s.hours)
            .sum::<f64>();
    }
    Ok(items)
}

/// The participant's plan.
pub async fn plan(app: &App, caller: &Caller, id: ParticipantId) -> Result<PlanView, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let p = participant(app, caller, id, "qualification plan").await?;
    let case = app.store.recognition(p.id).await?.map(|r| r.case);
    let items = items_with_attendance(app, &p).await?;
    let done: Vec<(&PlanItem, f64)> = items.iter().map(|i| (&i.item, i.done_hours)).collect();
    let coverage = case
        .as_ref()
        .map(|c| coverage(&c.differences, &done))
        .unwrap_or_default();
    let mut ends: Vec<NaiveDate> = items
        .iter()
        .filter_map(|i| i.item.details.ends_on())
        .collect();
    let mut sessions = Vec::new();
    let from = app.today();
    for i in &items {
        if let ItemDetails::CohortModules { cohort_id, .. } = &i.item.details {
            ends.extend(app.store.cohort(*cohort_id).await?.end_date);
        }
        sessions.extend(load_sessions(app, &i.item, from).await?);
    }
    let mut dates = Vec::new();
    for l in app.store.plan_sessions_of_participant(p.id).await? {
        let changes = app.store.plan_session_changes(l.id).await?;
        dates.push(DatedLesson {
            session: l.clone(),
            changes,
        });
        if l.status == SessionStatus::Confirmed && l.date >= from {
            sessions.push(FitSession {
                date: l.date,
                start: Some(l.start),
                end: Some(l.end),
                hours: l.hours,
                travel: true,
                module: None,
            });
        }
    }
    sessions.sort_by_key(|s| (s.date, s.start));
    let ends_on = ends.into_iter().max();
    let ends_after_deadline = matches!(
        (case.as_ref().and_then(|c| c.deadline), ends_on),
        (Some(d), Some(e)) if e > d
    );
    let load = match app.store.work_pattern(p.id).await? {
        Some(w) if !sessions.is_empty() => {
            let state = app.store.provider(p.provider_id).await?.state;
            Some(check_fit(
                &FitInput {
                    pattern: &w.pattern,
                    travel_minutes: w.travel_minutes,
                    sessions: &sessions,
                    self_study: &BTreeMap::new(),
                    limit_hours: DEFAULT_LOAD_LIMIT_HOURS,
                },
                &mut HolidayCalendar::new(state),
            ))
        }
        _ => None,
    };
    Ok(PlanView {
        participant: p,
        case,
        items,
        coverage,
        load,
        ends_on,
        ends_after_deadline,
        dates,
    })
}

/// The participant's own plan for the portal: the case, the items and the coverage (`None`
/// without a recognition case). No access check: the portal reads the record of the
/// signed-in participant and audits that read itself.
pub async fn own_plan(
    app: &App,
    p: &ParticipantRecord,
) -> Result<Option<(RecognitionCase, Vec<PlanItemRecord>, Vec<Coverage>)>, AppError> {
    let Some(case) = app.store.recognition(p.id).await?.map(|r| r.case) else {
        return Ok(None);
    };
    let items = items_with_attendance(app, p).await?;
    let done: Vec<(&PlanItem, f64)> = items.iter().map(|i| (&i.item, i.done_hours)).collect();
    let coverage = coverage(&case.differences, &done);
    Ok(Some((case, items, coverage)))
}

/// Checks an item against the participant's case and, for chosen cohort modules, that the
/// cohort is the provider's and has those modules.
async fn checked(app: &App, p: &ParticipantRecord, item: &PlanItem) -> Result<(), AppError> {
    let case = app.store.recognition(p.id).await?.map(|r| r.case);
    let differences = case.map(|c| c.differences).unwrap_or_default();
    item.check(&differences).map_err(AppError::Invalid)?;
    if let ItemDetails::CohortModules { cohort_id, modules } = &item.details {
        let unknown = || ParseError::new("cohort_id", "unknown_cohort", "no such cohort");
        match app.store.cohort(*cohort_id).await {
            Ok(c) if c.provider_id == p.provider_id => {}
            Ok(_) | Err(lernweg_store::StoreError::NotFound) => return Err(unknown().into()),
            Err(e) => return Err(e.into()),
        };
        super::enrolments::check_modules(app, *cohort_id, modules).await?;
    }
    Ok(())
}

/// Keeps the participant's enrolment in `cohort` in step with their plan's chosen modules
/// of it (issue 14, point 7): without an enrolment, one for those modules (interested);
/// a partial enrolment takes the modules of all such items. An enrolment for the whole
/// cohort, and one whose items are all gone, stay as they are (staff withdraw it).
async fn sync_enrolment(
    app: &App,
    caller: &Caller,
    p: &ParticipantRecord,
    cohort: lernweg_domain::CohortId,
) -> Result<(), AppError> {
    let mut wanted: Vec<u32> = Vec::new();
    for i in app.store.plan_items(p.id).await? {
        if let ItemDetails::CohortModules { cohort_id, modules } = &i.item.details
            && *cohort_id == cohort
        {
            wanted.extend(modules);
        }
    }
    wanted.sort_unstable();
    wanted.dedup();
    if wanted.is_empty() {
        return Ok(());
    }
    let enrolment = app
        .store
        .enrolments_of(p.id)
        .await?
        .into_iter()
        .find(|e| e.cohort_id == cohort);
    match enrolment {
        None => {
            app.store
                .enrol_for(&caller.actor, p.id, cohort, &wanted)
                .await?;
        }
        Some(e) if !e.modules.is_empty() && e.modules != wanted => {
            app.store
                .set_enrolment_modules(&caller.actor, e.id, p.provider_id, &wanted)
                .await?;
        }
        Some(_) => {}
    }
    Ok(())
}

fn cohort_of(item: &PlanItem) -> Option<lernweg_domain::CohortId> {
    match &item.details {
        ItemDetails::CohortModules { cohort_id, .. } => Some(*cohort_id),
        _ => None,
    }
}

/// Adds an item to the participant's plan.
pub async fn add_item(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    item: PlanItem,
) -> Result<PlanItemRecord, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let p = participant(app, caller, id, "qualification plan").await?;
    checked(app, &p, &item).await?;
    let record = app
        .store
        .add_plan_item(&caller.actor, p.id, p.provider_id, &item)
        .await?;
    if let Some(c) = cohort_of(&item) {
        sync_enrolment(app, caller, &p, c).await?;
    }
    Ok(record)
}

/// An item the caller may see, with its participant.
pub async fn item(
    app: &App,
    caller: &Caller,
    id: PlanItemId,
) -> Result<(PlanItemRecord, ParticipantRecord), AppError> {
    require(&caller.principal, COUNSELLING)?;
    let item = app.store.plan_item(id).await?;
    let p = participant(app, caller, item.participant_id, "qualification plan").await?;
    Ok((item, p))
}

/// Replaces an item.
pub async fn update_item(
    app: &App,
    caller: &Caller,
    id: PlanItemId,
    new: PlanItem,
) -> Result<PlanItemRecord, AppError> {
    let (old, p) = item(app, caller, id).await?;
    checked(app, &p, &new).await?;
    let record = app
        .store
        .update_plan_item(&caller.actor, old.id, p.provider_id, &new)
        .await?;
    for c in [cohort_of(&old.item), cohort_of(&new)]
        .into_iter()
        .flatten()
    {
        sync_enrolment(app, caller, &p, c).await?;
    }
    Ok(record)
}

/// Removes an item.
pub async fn delete_item(app: &App, caller: &Caller, id: PlanItemId) -> Result<(), AppError> {
    let (old, p) = item(app, caller, id).await?;
    app.store
        .delete_plan_item(&caller.actor, old.id, p.provider_id)
        .await?;
    if let Some(c) = cohort_of(&old.item) {
        sync_enrolment(app, caller, &p, c).await?;
    }
    Ok(())
}

/// Logs hours done on an item: on a day not after today (`on`/`in_future`), between a
/// quarter of an hour and 80 hours (`hours`/`invalid_hours`).
pub async fn log_hours(
    app: &App,
    caller: &Caller,
    id: PlanItemId,
    log: PlanItemLog,
) -> Result<PlanItemRecord, AppError> {
    let (old, p) = item(app, caller, id).await?;
    if log.on > app.today() {
        return Err(ParseError::new("on", "in_future", "hours are logged once done").into());
    }
    if !(log.hours.is_finite() && (0.25..=80.0).contains(&log.hours)) {
        return Err(ParseError::new("hours", "invalid_hours", "between 0.25 and 80 hours").into());
    }
    Ok(app
        .store
        .log_plan_item(&caller.actor, old.id, p.provider_id, &log)
        .await?)
}

fn span(s: &SessionRecord) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let (a, b) = (s.start?, s.end?);
    let from = s.date.and_time(a.to_naive());
    let mut to = s.date.and_time(b.to_naive());
    if to <= from {
        to += Duration::days(1);
    }
    Some((from, to))
}

/// Proposes dates for a `lessons` item in the person's free time: clear of their recorded
/// shifts with the commute, the state's public holidays, the item's closing periods, the trainer's cohort sessions and
/// lesson dates, the person's other plan items and confirmed dates, before the decision's
/// deadline, for the hours of the item not yet confirmed (`hours`/`all_confirmed` when none
/// are left). `Conflict` without
/// recorded working times; `hours`/`cannot_schedule` when the hours do not fit.
pub async fn propose_lessons(
    app: &App,
    caller: &Caller,
    id: PlanItemId,
) -> Result<Vec<ProposedSession>, AppError> {
    let (record, p) = item(app, caller, id).await?;
    let ItemDetails::Lessons {
        session_hours,
        earliest,
        weekdays,
        window_start,
        window_end,
        trainer_id,
        closures,
    } = &record.item.details
    else {
        return Err(ParseError::new("kind", "not_lessons", "only lessons are scheduled").into());
    };
    let work = app.store.work_pattern(p.id).await?.ok_or_else(|| {
        AppError::Conflict(format!(
            "the participant has no recorded working times; PUT /api/v1/participants/{}/work-pattern first",
            p.id
        ))
    })?;
    let deadline = app
        .store
        .recognition(p.id)
        .await?
        .and_then(|r| r.case.deadline);
    let mut person_busy = Vec::new();
    for other in app.store.plan_items(p.id).await? {
        if other.id != record.id {
            person_busy.extend(
                module_sessions(app, &other.item)
                    .await?
                    .iter()
                    .filter_map(span),
            );
        }
    }
    let lesson_span = |l: &PlanSession| {
        let (a, b) = (
            l.date.and_time(l.start.to_naive()),
            l.date.and_time(l.end.to_naive()),
        );
        (l.status == SessionStatus::Confirmed).then_some((a, b))
    };
    let own = app.store.plan_sessions_of_participant(p.id).await?;
    person_busy.extend(own.iter().filter_map(lesson_span));
    let confirmed: f64 = own
        .iter()
        .filter(|l| l.item_id == record.id && l.status == SessionStatus::Confirmed)
        .map(|l| l.hours)
        .sum();
    let hours = record.item.hours - confirmed;
    if hours < 0.25 {
        return Err(ParseError::new(
            "hours",
            "all_confirmed",
            "all hours of the item have confirmed dates",
        )
        .into());
    }
    let mut trainer_busy = Vec::new();
    if let Some(t) = trainer_id {
        for c in app.store.cohorts_of_trainer(*t).await? {
            trainer_busy.extend(app.store.timetable(c.id).await?.iter().filter_map(span));
        }
        let theirs = app.store.plan_sessions_of_trainer(*t).await?;
        trainer_busy.extend(theirs.iter().filter_map(lesson_span));
    }
    let request = LessonRequest {
        hours,
        session_hours: *session_hours,
        earliest: (*earliest).max(app.today()),
        weekdays: weekdays.clone(),
        window_start: *window_start,
        window_end: *window_end,
        deadline,
        travel_minutes: work.travel_minutes,
        closures: closures.clone(),
        person_busy,
        trainer_busy,
    };
    let state = app.store.provider(p.provider_id).await?.state;
    let pattern: &WorkPattern = &work.pattern;
    schedule_lessons(&request, pattern, &mut HolidayCalendar::new(state))
        .map_err(|e| ParseError::new("hours", "cannot_schedule", e.to_string()).into())
}
