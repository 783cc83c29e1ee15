//! Confirmed dates of individual lessons (issue 14, points 3 and 5): staff confirm the dates
//! of a `lessons` item (as proposed by `individual::propose_lessons`, or edited), move or
//! cancel one with a reason, and record attendance; attended hours count as done. Like
//! cohort sessions they keep their UID, raise SEQUENCE and appear in the participant's and
//! the trainer's feeds (`crate::feeds`). The rules are
//! `lernweg_participants::lesson_dates`.
//!
//! Who reaches what: counselling staff of the participant's provider do everything; the
//! trainer of a date sees it and records its attendance. Anything else is "not found".

use lernweg_domain::access::COUNSELLING;
use lernweg_domain::{ParseError, PlanItemId, PlanSessionId, Role};
use lernweg_participants::AttendanceStatus;
use lernweg_participants::lesson_dates::{LessonDate, change_reason, check_move, check_new_dates};
use lernweg_participants::qualification_plan::ItemDetails;
use lernweg_planner::ProposedSession;
use lernweg_store::{
    AuditEntity, ParticipantRecord, PlanItemRecord, PlanSession, PlanSessionOwner, SessionChange,
    SessionStatus,
};

use super::individual::item;
use crate::offers::require;
use crate::{App, AppError, Caller, refusals, visible};

fn live(s: &PlanSession) -> bool {
    s.status == SessionStatus::Confirmed
}

fn not_lessons() -> AppError {
    ParseError::new("kind", "not_lessons", "only lessons have dates").into()
}

/// A confirmed date with its changes (oldest first).
#[derive(Debug, Clone)]
pub struct DatedLesson {
    pub session: PlanSession,
    pub changes: Vec<SessionChange>,
}

async fn dated(app: &App, session: PlanSession) -> Result<DatedLesson, AppError> {
    let changes = app.store.plan_session_changes(session.id).await?;
    Ok(DatedLesson { session, changes })
}

/// The confirmed dates of a lessons item, cancelled ones included, with their changes.
pub async fn sessions(
    app: &App,
    caller: &Caller,
    id: PlanItemId,
) -> Result<(PlanItemRecord, Vec<DatedLesson>), AppError> {
    let (record, _) = item(app, caller, id).await?;
    let mut out = Vec::new();
    for session in app.store.plan_sessions_of_item(record.id).await? {
        out.push(dated(app, session).await?);
    }
    Ok((record, out))
}

/// Confirms dates of a lessons item: each in the future, ending after it starts, clear of the
/// participant's other confirmed dates, together not more than the item's hours (see
/// [`check_new_dates`]). All or none are kept.
pub async fn confirm(
    app: &App,
    caller: &Caller,
    id: PlanItemId,
    dates: &[LessonDate],
) -> Result<Vec<DatedLesson>, AppError> {
    let (record, p) = item(app, caller, id).await?;
    let ItemDetails::Lessons { trainer_id, .. } = &record.item.details else {
        return Err(not_lessons());
    };
    let all = app.store.plan_sessions_of_participant(p.id).await?;
    let (this, taken): (Vec<_>, Vec<_>) = all
        .iter()
        .filter(|s| live(s))
        .partition(|s| s.item_id == record.id);
    let new = check_new_dates(
        dates,
        &taken.iter().map(|s| s.dates()).collect::<Vec<_>>(),
        &this.iter().map(|s| s.dates()).collect::<Vec<_>>(),
        record.item.hours,
        app.today(),
    )
    .map_err(AppError::Invalid)?;
    let owner = PlanSessionOwner {
        item: record.id,
        participant: p.id,
        provider: p.provider_id,
        trainer: *trainer_id,
    };
    app.store
        .confirm_plan_sessions(&caller.actor, owner, &new)
        .await?;
    Ok(sessions(app, caller, record.id).await?.1)
}

/// A date the caller may see, with its participant: counselling staff of the provider, or
/// its trainer (who sees the participant's name only through the date).
pub async fn visible_session(
    app: &App,
    caller: &Caller,
    id: PlanSessionId,
) -> Result<(PlanSession, ParticipantRecord), AppError> {
    let session = app.store.plan_session(id).await?;
    let who = &caller.principal;
    if who.role == Role::Trainer {
        let p = app.store.participant(session.participant_id).await?;
        refusals::ensure_provider(app, who, p.provider_id, AuditEntity::PlanSession, id).await?;
        if session.trainer_id != Some(who.user_id) {
            return Err(AppError::NotFound);
        }
        return Ok((session, p));
    }
    require(who, COUNSELLING)?;
    let p = visible::participant(app, caller, session.participant_id, "lesson date").await?;
    Ok((session, p))
}

/// Moves a confirmed date, with a reason (`reason`/`required`); SEQUENCE rises. A cancelled
/// date does not move (`status`/`cancelled`).
pub async fn move_session(
    app: &App,
    caller: &Caller,
    id: PlanSessionId,
    to: LessonDate,
    reason: &str,
) -> Result<DatedLesson, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let (s, p) = visible_session(app, caller, id).await?;
    if !live(&s) {
        return Err(ParseError::new("status", "cancelled", "the date is cancelled").into());
    }
    let record = app.store.plan_item(s.item_id).await?;
    let all = app.store.plan_sessions_of_participant(p.id).await?;
    let others: Vec<ProposedSession> = all
        .iter()
        .filter(|o| live(o) && o.id != s.id)
        .map(|o| o.dates())
        .collect();
    let item_else: f64 = all
        .iter()
        .filter(|o| live(o) && o.id != s.id && o.item_id == s.item_id)
        .map(|o| o.hours)
        .sum();
    let (to, reason) = check_move(
        to,
        &others,
        item_else,
        record.item.hours,
        reason,
        app.today(),
    )
    .map_err(AppError::Invalid)?;
    let moved = app
        .store
        .move_plan_session(&caller.actor, s.id, p.provider_id, &to, &reason)
        .await?;
    dated(app, moved).await
}

/// Cancels a confirmed date, with a reason; cancelling a cancelled date changes nothing.
pub async fn cancel_session(
    app: &App,
    caller: &Caller,
    id: PlanSessionId,
    reason: &str,
) -> Result<DatedLesson, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let (s, p) = visible_session(app, caller, id).await?;
    let reason = change_reason(reason)?;
    if !live(&s) {
        return dated(app, s).await;
    }
    let cancelled = app
        .store
        .cancel_plan_session(&caller.actor, s.id, p.provider_id, &reason)
        .await?;
    dated(app, cancelled).await
}

/// Records the participant's attendance at a date: not at a cancelled one
/// (`status`/`cancelled`), and before it took place only `excused` (`status`/`in_future`);
/// a note of at most 500 characters (`note`/`too_long`).
pub async fn record_attendance(
    app: &App,
    caller: &Caller,
    id: PlanSessionId,
    status: AttendanceStatus,
    note: &str,
) -> Result<DatedLesson, AppError> {
    let (s, p) = visible_session(app, caller, id).await?;
    if !live(&s) {
        return Err(ParseError::new("status", "cancelled", "the date is cancelled").into());
    }
    if !status.allowed_on(s.date, app.today()) {
        return Err(ParseError::new(
            "status",
            "in_future",
            "before the date only an excused absence is recorded",
        )
        .into());
    }
    if note.trim().chars().count() > 500 {
        return Err(ParseError::new("note", "too_long", "at most 500 characters").into());
    }
    let recorded = app
        .store
        .record_plan_attendance(&caller.actor, s.id, p.provider_id, status, note)
        .await?;
    dated(app, recorded).await
}

/// A trainer's lesson date with what the roll call needs: the item's title and whom it is
/// with.
#[derive(Debug, Clone)]
pub struct TrainerLesson {
    pub session: PlanSession,
    pub title: String,
    pub participant: String,
}

/// The confirmed (not cancelled) lesson dates the caller gives between `from` and `to`, by
/// date: for trainers (staff who give no lessons get none; counselling staff use the plan
/// page).
pub async fn trainer_dates(
    app: &App,
    caller: &Caller,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<TrainerLesson>, AppError> {
    let who = &caller.principal;
    if who.role != Role::Trainer {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for session in app.store.plan_sessions_of_trainer(who.user_id).await? {
        if !live(&session) || session.date < from || session.date > to {
            continue;
        }
        let p = app.store.participant(session.participant_id).await?;
        if !who.can_access_provider(p.provider_id) {
            continue;
        }
        let title = app.store.plan_item(session.item_id).await?.item.title;
        out.push(TrainerLesson {
            participant: format!("{} {}", p.data.given_name, p.data.family_name),
            session,
            title,
        });
    }
    Ok(out)
}
