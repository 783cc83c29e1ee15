//! Working times over the API: read, replace (JSON rows or an `.ics` body), delete, and the
//! check of an enrolment's timetable against them.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::Caller;
use lernweg_app::work::{self as uc, PatternFailure};
use lernweg_domain::{EnrolmentId, ParticipantId};
use lernweg_participants::{ShiftDraft, WorkPattern, WorkPatternDraft};
use lernweg_planner::model::weekday_code;
use lernweg_store::{WorkPatternRecord, WorkPatternSource};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::ApiJson;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::ApiId;
use crate::i18n::Lang;

/// One shift: weekday and times; an end not after the start ends the next day.
#[derive(Serialize, ToSchema)]
pub struct ShiftDto {
    /// `mon` … `sun`.
    pub weekday: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
}

/// A participant's working times.
#[derive(Serialize, ToSchema)]
pub struct WorkPatternDto {
    pub participant_id: String,
    /// `fixed` (the same every week) or `rotating`.
    pub kind: String,
    /// Monday of week 1 of a rotation (`YYYY-MM-DD`); absent for `fixed`.
    pub anchor: Option<String>,
    /// The shifts of each week of the cycle (one week for `fixed`).
    pub weeks: Vec<Vec<ShiftDto>>,
    /// One way, per presence day.
    pub travel_minutes: u32,
    pub average_weekly_hours: f64,
    /// `form`, `ics` or `api`.
    pub source: String,
    /// RFC 3339.
    pub updated_at: String,
}

impl From<&WorkPatternRecord> for WorkPatternDto {
    fn from(r: &WorkPatternRecord) -> Self {
        let shift = |s: &lernweg_participants::Shift| ShiftDto {
            weekday: weekday_code(s.weekday).to_owned(),
            start: s.start.to_string(),
            end: s.end.to_string(),
        };
        let kind = match r.pattern {
            WorkPattern::Fixed { .. } => "fixed",
            WorkPattern::Rotating { .. } => "rotating",
        };
        WorkPatternDto {
            participant_id: r.participant_id.to_string(),
            kind: kind.to_owned(),
            anchor: r.pattern.anchor_monday().map(|a| a.to_string()),
            weeks: r
                .pattern
                .weeks()
                .iter()
                .map(|w| w.iter().map(shift).collect())
                .collect(),
            travel_minutes: r.travel_minutes,
            average_weekly_hours: (r.pattern.average_weekly_hours() * 100.0).round() / 100.0,
            source: r.source.code().to_owned(),
            updated_at: r.updated_at.to_rfc3339(),
        }
    }
}

/// One shift row of a request.
#[derive(Deserialize, ToSchema)]
pub struct ShiftInput {
    /// Week of the rotation, 1 to `weeks`; 1 if absent.
    pub week: Option<u32>,
    /// `mon` … `sun`.
    #[serde(default)]
    pub weekday: String,
    /// `HH:MM`.
    #[serde(default)]
    pub start: String,
    /// `HH:MM`; not after `start` means the shift ends the next day.
    #[serde(default)]
    pub end: String,
}

/// Working times to store: shifts as rows.
#[derive(Deserialize, ToSchema)]
pub struct WorkPatternInput {
    /// Weeks in the rotation, 1–12; 1 (the same every week) if absent.
    pub weeks: Option<u32>,
    /// A day of week 1 (`YYYY-MM-DD`); required with more than one week.
    pub anchor: Option<String>,
    /// One way, per presence day, 0–300; 0 if absent.
    pub travel_minutes: Option<u32>,
    #[serde(default)]
    pub shifts: Vec<ShiftInput>,
}

fn caller(ctx: &Ctx) -> Result<Caller, ApiError> {
    ctx.caller().ok_or(ApiError::Unauthorized)
}

/// A refused pattern: field errors of the rules with API field names (`shifts.2.start`) and
/// English texts; an unreadable `.ics` file at the field `ics`.
fn refused(f: PatternFailure) -> ApiError {
    match f {
        PatternFailure::Rules(errors) => ApiError::Validation(
            errors
                .iter()
                .map(|e| FieldError {
                    field: e.field.clone(),
                    code: e.code.to_owned(),
                    message: Lang::En.t_args(&e.message_id(), &e.args),
                })
                .collect(),
        ),
        PatternFailure::Ics(e) => {
            let event = e.event.map(|n| n.to_string()).unwrap_or_default();
            ApiError::Validation(vec![FieldError {
                field: "ics".into(),
                code: e.code.into(),
                message: Lang::En.t_args(
                    &format!("participants-ics-{}", e.code),
                    &[("event", event), ("detail", e.detail)],
                ),
            }])
        }
        PatternFailure::Failed(e) => e.into(),
    }
}

/// The participant's working times; 404 if none are recorded.
#[utoipa::path(get, path = "/api/v1/participants/{id}/work-pattern", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = WorkPatternDto), (status = 404, body = Problem)))]
pub async fn get_pattern(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<WorkPatternDto>, ApiError> {
    let (_, stored) = uc::pattern(&state.app, &caller(&ctx)?, id, "api: work pattern").await?;
    let r = stored.ok_or(ApiError::NotFound)?;
    Ok(Json((&r).into()))
}

/// Records or replaces the participant's working times. Every invalid row: 422 naming
/// `shifts.<index>.<part>` (overlapping shifts, a start equal to the end, an unknown weekday).
#[utoipa::path(put, path = "/api/v1/participants/{id}/work-pattern", tag = "participants", params(("id" = String, Path)), request_body = WorkPatternInput,
    responses((status = 200, body = WorkPatternDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn put_pattern(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<WorkPatternInput>,
) -> Result<Json<WorkPatternDto>, ApiError> {
    let caller = caller(&ctx)?;
    let text = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    let draft = WorkPatternDraft {
        weeks: text(body.weeks),
        anchor: body.anchor.unwrap_or_default(),
        travel_minutes: text(body.travel_minutes),
        shifts: body
            .shifts
            .into_iter()
            .map(|s| ShiftDraft {
                week: text(s.week),
                weekday: s.weekday,
                start: s.start,
                end: s.end,
            })
            .collect(),
    };
    let r = uc::save_pattern(&state.app, &caller, id, &draft, WorkPatternSource::Api)
        .await
        .map_err(refused)?;
    Ok(Json((&r).into()))
}

/// Removes the participant's working times (204); 404 if none were recorded.
#[utoipa::path(delete, path = "/api/v1/participants/{id}/work-pattern", tag = "participants", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_pattern(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<StatusCode, ApiError> {
    if uc::delete_pattern(&state.app, &caller(&ctx)?, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

/// Query of the `.ics` import.
#[derive(Deserialize)]
pub struct IcsQuery {
    /// A day of week 1 of the rotation (`YYYY-MM-DD`); this week if absent.
    pub anchor: Option<String>,
    /// One way, per presence day; 0 if absent.
    pub travel_minutes: Option<u32>,
}

/// What an import left out of the file.
#[derive(Serialize, ToSchema)]
pub struct IcsNoteDto {
    pub code: String,
    pub message: String,
}

/// The imported working times and the notes on what was left out.
#[derive(Serialize, ToSchema)]
pub struct IcsImportDto {
    pub work_pattern: WorkPatternDto,
    pub notes: Vec<IcsNoteDto>,
}

/// Replaces the working times by the weekly shifts of an iCalendar body (`text/calendar`,
/// UTF-8). A file the import cannot read exactly is refused with 422, field `ics`, the code
/// and the 1-based event number in the message; nothing is changed then.
#[utoipa::path(post, path = "/api/v1/participants/{id}/work-pattern/ics", tag = "participants",
    params(("id" = String, Path), ("anchor" = Option<String>, Query), ("travel_minutes" = Option<u32>, Query)),
    request_body(content = String, content_type = "text/calendar"),
    responses((status = 200, body = IcsImportDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn import_ics(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    Query(q): Query<IcsQuery>,
    body: Bytes,
) -> Result<Json<IcsImportDto>, ApiError> {
    let caller = caller(&ctx)?;
    // Another provider's participant is a 404 before anything in the request is looked at.
    lernweg_app::visible::participant_record(&state.app, &caller.principal, id).await?;
    let anchor = match q.anchor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                ApiError::Validation(vec![FieldError {
                    field: "anchor".into(),
                    code: "invalid".into(),
                    message: "expected a date as YYYY-MM-DD".into(),
                }])
            })?,
        ),
    };
    let text = String::from_utf8(body.to_vec())
        .map_err(|_| ApiError::BadRequest("the body is not UTF-8 text".into()))?;
    let travel = q.travel_minutes.unwrap_or(0);
    let (r, notes) = uc::import_ics(&state.app, &caller, id, &text, anchor, travel)
        .await
        .map_err(refused)?;
    Ok(Json(IcsImportDto {
        work_pattern: (&r).into(),
        notes: notes
            .iter()
            .map(|n| IcsNoteDto {
                code: n.code.to_owned(),
                message: Lang::En.t_args(&format!("participants-ics-note-{}", n.code), &n.args),
            })
            .collect(),
    }))
}

/// A session inside working time.
#[derive(Serialize, ToSchema)]
pub struct CollisionDto {
    pub session_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub title: String,
    /// Hours of the session inside the shift.
    pub overlap_hours: f64,
    /// The day the shift starts (the day before for a night shift).
    pub shift_date: String,
    pub shift_start: String,
    pub shift_end: String,
}

/// The load of one week.
#[derive(Serialize, ToSchema)]
pub struct WeekFitDto {
    /// ISO week, e.g. `2027-W05`.
    pub week: String,
    pub monday: String,
    pub work_hours: f64,
    /// Part of the sessions inside working time (counted once, as session hours).
    pub released_hours: f64,
    pub session_hours: f64,
    pub self_study_hours: f64,
    pub travel_hours: f64,
    /// work − released + sessions + self-study + travel.
    pub total_hours: f64,
    pub over_limit: bool,
}

/// How an enrolment's cohort timetable fits the participant's working times.
#[derive(Serialize, ToSchema)]
pub struct FitDto {
    pub enrolment_id: String,
    pub cohort_id: String,
    pub limit_hours: f64,
    /// Average over the weeks with sessions.
    pub avg_weekly_hours: f64,
    pub peak_weekly_hours: f64,
    pub weeks_over_limit: usize,
    /// Hours of sessions inside working time: what release (Freistellung) or leave must cover.
    pub release_hours: f64,
    pub collisions: Vec<CollisionDto>,
    pub weeks: Vec<WeekFitDto>,
}

/// Checks the enrolment's cohort timetable against the participant's working times and
/// weekly load limit (public holidays of the cohort's state are days off; cancelled sessions
/// are left out). 409 if the participant has no recorded working times.
#[utoipa::path(get, path = "/api/v1/enrolments/{id}/fit", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = FitDto), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn enrolment_fit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<EnrolmentId>,
) -> Result<Json<FitDto>, ApiError> {
    let what = "api: work pattern fit";
    let f = uc::enrolment_fit(&state.app, &caller(&ctx)?, id, what).await?;
    let fit = f.fit;
    Ok(Json(FitDto {
        enrolment_id: f.enrolment.id.to_string(),
        cohort_id: f.cohort.id.to_string(),
        limit_hours: fit.limit_hours,
        avg_weekly_hours: fit.avg_weekly_hours,
        peak_weekly_hours: fit.peak_weekly_hours,
        weeks_over_limit: fit.weeks_over_limit,
        release_hours: fit.release_hours,
        collisions: fit
            .collisions
            .iter()
            .map(|c| {
                let s = &f.sessions[c.session];
                CollisionDto {
                    session_id: s.id.to_string(),
                    date: c.date.to_string(),
                    start: s.start.map(|t| t.to_string()),
                    end: s.end.map(|t| t.to_string()),
                    title: s.title.clone(),
                    overlap_hours: c.overlap_hours,
                    shift_date: c.shift_date.to_string(),
                    shift_start: c.shift_start.to_string(),
                    shift_end: c.shift_end.to_string(),
                }
            })
            .collect(),
        weeks: fit
            .weeks
            .iter()
            .map(|w| WeekFitDto {
                week: w.week.clone(),
                monday: w.monday.to_string(),
                work_hours: w.work_hours,
                released_hours: w.released_hours,
                session_hours: w.session_hours,
                self_study_hours: w.self_study_hours,
                travel_hours: w.travel_hours,
                total_hours: w.total_hours,
                over_limit: w.over_limit,
            })
            .collect(),
    }))
}
