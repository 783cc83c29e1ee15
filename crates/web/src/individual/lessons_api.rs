//! The JSON of confirmed lesson dates (issue 14, point 3): confirm dates of a lessons item,
//! list them, move or cancel one with a reason (the body of `PATCH /api/v1/sessions/{id}`),
//! record attendance. The rules are `lernweg_app::participants::lessons`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::participants::lessons::{self, DatedLesson};
use lernweg_domain::{ParseError, PlanItemId, PlanSessionId};
use lernweg_participants::AttendanceStatus;
use lernweg_participants::lesson_dates::LessonDate;
use lernweg_planner::ClockTime;
use lernweg_store::{SessionMove, SessionStatus};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::sessions::{Change, SessionChangeDto, parse_change};
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::ApiId;

/// One change of a date.
#[derive(Serialize, ToSchema)]
pub struct PlanSessionChangeDto {
    /// RFC 3339
    pub at: String,
    /// `cancelled`, or the move ("2027-03-02 17:00–19:00 -> 2027-03-03 17:00–19:00").
    pub change: String,
    pub reason: String,
}

/// A confirmed date of individual lessons. It keeps its iCalendar `uid` for life; `sequence`
/// rises with every change.
#[derive(Serialize, ToSchema)]
pub struct PlanSessionDto {
    pub id: String,
    pub item_id: String,
    pub uid: String,
    pub sequence: i64,
    /// `confirmed` or `cancelled`
    pub status: String,
    /// YYYY-MM-DD
    pub date: String,
    /// HH:MM
    pub start: String,
    pub end: String,
    pub hours: f64,
    pub trainer_id: Option<String>,
    /// `present`, `excused`, `absent`, or null while nothing is recorded.
    pub attendance: Option<String>,
    pub attendance_note: String,
    /// Oldest first.
    pub changes: Vec<PlanSessionChangeDto>,
}

impl From<&DatedLesson> for PlanSessionDto {
    fn from(d: &DatedLesson) -> Self {
        let s = &d.session;
        PlanSessionDto {
            id: s.id.to_string(),
            item_id: s.item_id.to_string(),
            uid: s.uid.clone(),
            sequence: s.sequence,
            status: match s.status {
                SessionStatus::Confirmed => "confirmed",
                SessionStatus::Cancelled => "cancelled",
            }
            .to_owned(),
            date: s.date.to_string(),
            start: s.start.to_string(),
            end: s.end.to_string(),
            hours: s.hours,
            trainer_id: s.trainer_id.map(|t| t.to_string()),
            attendance: s.attendance.map(|a| a.code().to_owned()),
            attendance_note: s.attendance_note.clone(),
            changes: d
                .changes
                .iter()
                .map(|c| PlanSessionChangeDto {
                    at: c.at.to_rfc3339(),
                    change: c.change.clone(),
                    reason: c.reason.clone(),
                })
                .collect(),
        }
    }
}

/// The confirmed dates of a lessons item.
#[derive(Serialize, ToSchema)]
pub struct PlanSessionsDto {
    pub sessions: Vec<PlanSessionDto>,
}

fn listed(list: &[DatedLesson]) -> PlanSessionsDto {
    PlanSessionsDto {
        sessions: list.iter().map(PlanSessionDto::from).collect(),
    }
}

/// A date to confirm, as `POST …/schedule` proposed it (or edited).
#[derive(Deserialize, ToSchema)]
pub struct LessonDateDto {
    /// YYYY-MM-DD
    pub date: String,
    /// HH:MM
    pub start: String,
    /// HH:MM, after `start` on the same day
    pub end: String,
}

/// Dates to confirm.
#[derive(Deserialize, ToSchema)]
pub struct ConfirmLessonsDto {
    pub sessions: Vec<LessonDateDto>,
}

fn clock(field: &'static str, raw: &str) -> Result<ClockTime, ApiError> {
    ClockTime::parse(raw.trim())
        .map_err(|e| ApiError::field(ParseError::new(field, "invalid_time", e)))
}

/// The confirmed dates of a lessons item, cancelled ones included, with their changes.
#[utoipa::path(get, path = "/api/v1/plan-items/{id}/sessions", operation_id = "list_plan_sessions", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = PlanSessionsDto), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanItemId>,
) -> Result<Json<PlanSessionsDto>, ApiError> {
    let (_, list) = lessons::sessions(&state.app, &api_caller(&ctx)?, id).await?;
    Ok(Json(listed(&list)))
}

/// Confirms dates of a lessons item (typically those `POST …/schedule` proposed): each in
/// the future, ending after it starts, clear of the participant's other confirmed dates,
/// together not more than the item's `hours`. All or none are kept (422 naming `date`,
/// `end` or `sessions`). Answers with all confirmed dates of the item.
#[utoipa::path(post, path = "/api/v1/plan-items/{id}/sessions", operation_id = "confirm_plan_sessions", tag = "participants", params(("id" = String, Path)), request_body = ConfirmLessonsDto,
    responses((status = 201, body = PlanSessionsDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanItemId>,
    ApiJson(body): ApiJson<ConfirmLessonsDto>,
) -> Result<(StatusCode, Json<PlanSessionsDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    lessons::sessions(&state.app, &caller, id).await?;
    let mut dates = Vec::with_capacity(body.sessions.len());
    for d in &body.sessions {
        dates.push(LessonDate {
            date: crate::api::date("date", &d.date)?,
            start: clock("start", &d.start)?,
            end: clock("end", &d.end)?,
        });
    }
    let list = lessons::confirm(&state.app, &caller, id, &dates).await?;
    Ok((StatusCode::CREATED, Json(listed(&list))))
}

/// Moves a confirmed date (any of `date`, `start`, `end`) or cancels it (`status`
/// `cancelled`), always with a `reason`. It keeps its `uid`; its `sequence` rises; the
/// participant's and the trainer's feeds show the change.
#[utoipa::path(patch, path = "/api/v1/plan-sessions/{id}", operation_id = "change_plan_session", tag = "participants", params(("id" = String, Path)), request_body = SessionChangeDto,
    responses((status = 200, body = PlanSessionDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn change(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanSessionId>,
    ApiJson(body): ApiJson<SessionChangeDto>,
) -> Result<Json<PlanSessionDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    // A foreign date is a 404 before a wrong body is a 422.
    let (s, _) = lessons::visible_session(&state.app, &caller, id).await?;
    let now = SessionMove {
        date: s.date,
        start: Some(s.start),
        end: Some(s.end),
    };
    let (change, reason) = parse_change(&body, now)?;
    let changed = match change {
        Change::Move(to) => {
            let to = LessonDate {
                date: to.date,
                start: to.start.unwrap_or(s.start),
                end: to.end.unwrap_or(s.end),
            };
            lessons::move_session(&state.app, &caller, id, to, &reason).await?
        }
        Change::Cancel => lessons::cancel_session(&state.app, &caller, id, &reason).await?,
    };
    Ok(Json((&changed).into()))
}

/// Attendance at a date.
#[derive(Deserialize, ToSchema)]
pub struct PlanAttendanceDto {
    /// `present`, `excused` or `absent` (before the date only `excused`).
    pub status: String,
    #[serde(default)]
    pub note: String,
}

/// Records the participant's attendance at a confirmed date (counselling staff, or the
/// date's trainer). Attended hours count as done for the differences the item covers.
#[utoipa::path(put, path = "/api/v1/plan-sessions/{id}/attendance", operation_id = "record_plan_attendance", tag = "participants", params(("id" = String, Path)), request_body = PlanAttendanceDto,
    responses((status = 200, body = PlanSessionDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn attendance(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanSessionId>,
    ApiJson(body): ApiJson<PlanAttendanceDto>,
) -> Result<Json<PlanSessionDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    lessons::visible_session(&state.app, &caller, id).await?;
    let status = AttendanceStatus::parse(&body.status).ok_or_else(|| {
        ApiError::field(ParseError::new(
            "status",
            "invalid_status",
            "expected present, excused or absent",
        ))
    })?;
    let recorded = lessons::record_attendance(&state.app, &caller, id, status, &body.note).await?;
    Ok(Json((&recorded).into()))
}
