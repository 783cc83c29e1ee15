//! Attendance and progress over the API. Roll calls: STAFF (trainers only for the cohorts they
//! teach, others 404). An enrolment's attendance and progress: COUNSELLING.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::NaiveDate;
use lernweg_app::attendance::{
    self as uc, Attended, EnrolmentProgress, NewEntry, RollCall, RollCallFailure,
};
use lernweg_domain::{EnrolmentId, ParseError, SessionId};
use lernweg_participants::{
    AttendanceStatus, Decision, ExamOutcome, Hours, RollCallEntry, RollCallError,
};
use lernweg_store::ProgressEntry;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::ApiJson;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::ApiId;

/// One participant of a session's roll call with what is recorded.
#[derive(Serialize, ToSchema)]
pub struct RollCallRowDto {
    pub enrolment_id: String,
    pub participant_name: String,
    /// The enrolment's status (`enrolled`, `active`, `paused`, …).
    pub enrolment_status: String,
    /// `present`, `excused`, `absent`, or absent while nothing is recorded.
    pub status: Option<String>,
    pub note: String,
    pub recorded_by: Option<String>,
    pub recorded_at: Option<String>,
}

/// A session with its roll call: everyone enrolled, active or paused, and anyone else who has
/// a record for it.
#[derive(Serialize, ToSchema)]
pub struct SessionAttendanceDto {
    pub session_id: String,
    pub cohort_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub cancelled: bool,
    /// The session lies after today: only `excused` may be recorded.
    pub in_future: bool,
    pub rows: Vec<RollCallRowDto>,
}

/// One line of a roll call to record.
#[derive(Deserialize, ToSchema)]
pub struct AttendanceInputDto {
    #[serde(default)]
    pub enrolment_id: String,
    /// `present`, `excused` or `absent`.
    #[serde(default)]
    pub status: String,
    /// Optional, at most 200 characters.
    #[serde(default)]
    pub note: String,
}

/// What is recorded for one enrolment at one session.
#[derive(Serialize, ToSchema)]
pub struct AttendanceDto {
    pub session_id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `lesson`, `exam`, `kickoff`, `closing`, `exchange` or `self_paced`.
    pub kind: String,
    pub module: Option<i64>,
    pub hours: f64,
    pub status: String,
    pub note: String,
    pub recorded_by: Option<String>,
    pub recorded_at: String,
}

/// Hours of held sessions by what was recorded.
#[derive(Serialize, ToSchema)]
pub struct HoursDto {
    pub held: f64,
    pub present: f64,
    pub excused: f64,
    pub absent: f64,
    pub unrecorded: f64,
}

impl From<Hours> for HoursDto {
    fn from(h: Hours) -> Self {
        HoursDto {
            held: h.held,
            present: h.present,
            excused: h.excused,
            absent: h.absent,
            unrecorded: h.unrecorded,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ModuleProgressDto {
    pub number: u32,
    pub title: String,
    pub planned_hours: f64,
    pub hours: HoursDto,
    /// Present over held hours (0–1); absent while nothing is held.
    pub attendance_rate: Option<f64>,
    pub all_held: bool,
    pub last_date: Option<String>,
    pub completed: bool,
    /// `open`, `by_attendance`, `by_staff` or `refused_by_staff`.
    pub completion: String,
}

#[derive(Serialize, ToSchema)]
pub struct MilestoneProgressDto {
    /// The module whose milestone it is.
    pub module: u32,
    /// The offer's name of the milestone, if any.
    pub title: Option<String>,
    pub with_exam: bool,
    pub exam_date: Option<String>,
    /// `passed`, `failed`, or absent while no result is recorded.
    pub exam: Option<String>,
    pub confirmed_by_staff: bool,
    pub reached: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressEntryDto {
    pub id: String,
    pub module: u32,
    /// `module_completed`, `module_not_completed`, `milestone_confirmed`, `exam_passed` or
    /// `exam_failed`.
    pub decision: String,
    pub on: String,
    pub note: String,
    pub recorded_by: Option<String>,
}

impl From<ProgressEntry> for ProgressEntryDto {
    fn from(e: ProgressEntry) -> Self {
        ProgressEntryDto {
            id: e.id,
            module: e.module,
            decision: e.decision.code().to_owned(),
            on: e.on_date.to_string(),
            note: e.note,
            recorded_by: e.recorded_by,
        }
    }
}

/// The progress of an enrolment as of today.
#[derive(Serialize, ToSchema)]
pub struct ProgressDto {
    pub enrolment_id: String,
    pub cohort_id: String,
    /// `YYYY-MM-DD`: the day the progress is derived for.
    pub as_of: String,
    /// Share of held hours needed to complete a module by attendance.
    pub threshold: f64,
    pub attendance_rate: Option<f64>,
    pub hours: HoursDto,
    pub modules_completed: usize,
    pub milestones_reached: usize,
    pub modules: Vec<ModuleProgressDto>,
    pub milestones: Vec<MilestoneProgressDto>,
    pub entries: Vec<ProgressEntryDto>,
}

fn progress_dto(p: EnrolmentProgress) -> ProgressDto {
    let EnrolmentProgress {
        enrolment,
        cohort,
        as_of,
        progress: p,
        entries,
    } = p;
    ProgressDto {
        enrolment_id: enrolment.id.to_string(),
        cohort_id: cohort.id.to_string(),
        as_of: as_of.to_string(),
        threshold: p.threshold,
        attendance_rate: p.rate(),
        hours: p.overall.into(),
        modules_completed: p.modules_completed(),
        milestones_reached: p.milestones_reached(),
        modules: p
            .modules
            .iter()
            .map(|m| ModuleProgressDto {
                number: m.number,
                title: m.title.clone(),
                planned_hours: m.planned_hours,
                hours: m.hours.into(),
                attendance_rate: m.rate(),
                all_held: m.all_held,
                last_date: m.last_date.map(|d| d.to_string()),
                completed: m.completed(),
                completion: m.completion.code().to_owned(),
            })
            .collect(),
        milestones: p
            .milestones
            .iter()
            .map(|m| MilestoneProgressDto {
                module: m.module,
                title: m.title.clone(),
                with_exam: m.with_exam,
                exam_date: m.exam_date.map(|d| d.to_string()),
                exam: m.exam.map(|x| {
                    match x {
                        ExamOutcome::Passed => "passed",
                        ExamOutcome::Failed => "failed",
                    }
                    .to_owned()
                }),
                confirmed_by_staff: m.confirmed_by_staff,
                reached: m.reached,
            })
            .collect(),
        entries: entries.into_iter().map(ProgressEntryDto::from).collect(),
    }
}

/// A new staff entry on an enrolment's progress.
#[derive(Deserialize, ToSchema)]
pub struct NewProgressEntryDto {
    /// 1-based module number (also the key of its milestone and exam).
    pub module: Option<u32>,
    /// `module_completed`, `module_not_completed`, `milestone_confirmed`, `exam_passed` or
    /// `exam_failed` (exam decisions only for a module with an exam).
    #[serde(default)]
    pub decision: String,
    /// `YYYY-MM-DD`, not after today; today if absent.
    pub on: Option<String>,
    /// Optional, at most 500 characters.
    #[serde(default)]
    pub note: String,
}

fn session_dto(rc: RollCall) -> SessionAttendanceDto {
    SessionAttendanceDto {
        session_id: rc.session.id.to_string(),
        cohort_id: rc.cohort.id.to_string(),
        date: rc.session.date.to_string(),
        title: rc.session.title.clone(),
        cancelled: rc.cancelled(),
        in_future: rc.in_future(),
        rows: rc
            .rows
            .into_iter()
            .map(|r| RollCallRowDto {
                enrolment_id: r.enrolment.id.to_string(),
                participant_name: format!("{} {}", r.given_name, r.family_name),
                enrolment_status: r.enrolment.status.code().to_owned(),
                status: r.record.as_ref().map(|x| x.status.code().to_owned()),
                note: r
                    .record
                    .as_ref()
                    .map(|x| x.note.clone())
                    .unwrap_or_default(),
                recorded_by: r.record.as_ref().and_then(|x| x.recorded_by.clone()),
                recorded_at: r.record.as_ref().map(|x| x.recorded_at.to_rfc3339()),
            })
            .collect(),
    }
}

fn caller(ctx: &Ctx) -> Result<lernweg_app::Caller, ApiError> {
    ctx.caller().ok_or(ApiError::Unauthorized)
}

/// The roll call of a session: its participants with what is recorded for them.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/attendance", tag = "attendance", params(("id" = String, Path)),
    responses((status = 200, body = SessionAttendanceDto), (status = 404, body = Problem)))]
pub async fn session_attendance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<SessionId>,
) -> Result<Json<SessionAttendanceDto>, ApiError> {
    let rc = uc::view_roll_call(&state.app, &caller(&ctx)?, id, "api: roll call").await?;
    Ok(Json(session_dto(rc)))
}

fn field(index: usize, name: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: format!("[{index}].{name}"),
        code: code.to_owned(),
        message: message.into(),
    }
}

/// The rule's refusals as API errors; `at[k]` is the request line of entry `k`.
fn refusal_errors(refusals: Vec<RollCallError>, at: &[usize]) -> Vec<FieldError> {
    refusals
        .into_iter()
        .map(|r| match r.index {
            Some(k) => field(at[k], r.field, r.code, r.to_string()),
            None => FieldError {
                field: "session".into(),
                code: r.code.to_owned(),
                message: r.to_string(),
            },
        })
        .collect()
}

/// Records the roll call of a session in one transaction: a list of `{enrolment_id, status,
/// note}`; lines for enrolments not sent stay as they are. 422 with one error per line for an
/// enrolment of another cohort, an unknown status, `present`/`absent` for a session that has not
/// taken place yet (`excused` may be given ahead of time), a cancelled session; nothing is
/// written then.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/attendance", tag = "attendance", params(("id" = String, Path)),
    request_body = [AttendanceInputDto],
    responses((status = 200, body = SessionAttendanceDto), (status = 400, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn record_attendance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<SessionId>,
    ApiJson(body): ApiJson<Vec<AttendanceInputDto>>,
) -> Result<Json<SessionAttendanceDto>, ApiError> {
    let caller = caller(&ctx)?;
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    let mut at = Vec::new();
    for (i, line) in body.iter().enumerate() {
        let enrolment = EnrolmentId::parse(&line.enrolment_id);
        let status = AttendanceStatus::parse(&line.status);
        if enrolment.is_err() {
            errors.push(field(
                i,
                "enrolment_id",
                "invalid_id",
                format!("not a valid enrolment id: {:?}", line.enrolment_id),
            ));
        }
        if status.is_none() {
            errors.push(field(
                i,
                "status",
                "unknown_status",
                "expected present, excused or absent",
            ));
        }
        if let (Ok(enrolment), Some(status)) = (enrolment, status) {
            at.push(i);
            entries.push(RollCallEntry {
                enrolment,
                status,
                note: line.note.clone(),
            });
        }
    }
    if !errors.is_empty() {
        // Unreadable lines: report what the rule says about the others too, write nothing.
        let refusals = uc::check_roll_call(&state.app, &caller.principal, id, &entries).await?;
        errors.extend(refusal_errors(refusals, &at));
        return Err(ApiError::Validation(errors));
    }
    match uc::record_roll_call(&state.app, &caller, id, &entries).await {
        Ok(rc) => Ok(Json(session_dto(rc))),
        Err(RollCallFailure::Refused(r)) => Err(ApiError::Validation(refusal_errors(r, &at))),
        Err(RollCallFailure::Failed(e)) => Err(e.into()),
    }
}

/// The attendance of an enrolment, in the order of the sessions.
#[utoipa::path(get, path = "/api/v1/enrolments/{id}/attendance", tag = "attendance", params(("id" = String, Path)),
    responses((status = 200, body = [AttendanceDto]), (status = 404, body = Problem)))]
pub async fn enrolment_attendance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<EnrolmentId>,
) -> Result<Json<Vec<AttendanceDto>>, ApiError> {
    let list = uc::enrolment_attendance(&state.app, &caller(&ctx)?, id, "api: attendance").await?;
    Ok(Json(list.into_iter().map(attendance_dto).collect()))
}

pub(crate) fn attendance_dto(a: Attended) -> AttendanceDto {
    let Attended {
        record: r,
        session: s,
    } = a;
    AttendanceDto {
        session_id: r.session_id.to_string(),
        date: s.date.to_string(),
        kind: s.kind.code().to_owned(),
        module: s.module,
        hours: s.hours,
        status: r.status.code().to_owned(),
        note: r.note,
        recorded_by: r.recorded_by,
        recorded_at: r.recorded_at.to_rfc3339(),
    }
}

/// The progress of an enrolment: per module held, present, excused and absent hours, the
/// attendance rate and whether it is completed; the milestones reached; the staff entries.
#[utoipa::path(get, path = "/api/v1/enrolments/{id}/progress", tag = "attendance", params(("id" = String, Path)),
    responses((status = 200, body = ProgressDto), (status = 404, body = Problem)))]
pub async fn enrolment_progress(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<EnrolmentId>,
) -> Result<Json<ProgressDto>, ApiError> {
    let p = uc::enrolment_progress(&state.app, &caller(&ctx)?, id, "api: progress").await?;
    Ok(Json(progress_dto(p)))
}

/// Adds a staff entry (201) and answers with the progress that follows. 422 for an unknown
/// decision or module, an exam decision on a module without exam, a date after today, a note
/// over 500 characters.
#[utoipa::path(post, path = "/api/v1/enrolments/{id}/progress-entries", tag = "attendance", params(("id" = String, Path)),
    request_body = NewProgressEntryDto,
    responses((status = 201, body = ProgressDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_progress_entry(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<EnrolmentId>,
    ApiJson(body): ApiJson<NewProgressEntryDto>,
) -> Result<(StatusCode, Json<ProgressDto>), ApiError> {
    let caller = caller(&ctx)?;
    // An enrolment the caller may not see is a 404 before any field error.
    uc::visible_enrolment(&state.app, &caller.principal, id).await?;
    let mut errors: Vec<FieldError> = Vec::new();
    let decision = Decision::parse(&body.decision);
    if decision.is_none() {
        errors.push(ParseError::new("decision", "unknown_decision", "expected module_completed, module_not_completed, milestone_confirmed, exam_passed or exam_failed").into());
    }
    if body.module.is_none() {
        errors.push(ParseError::new("module", "required", "the 1-based module number").into());
    }
    let on = match body.on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some),
    };
    if on.is_err() {
        errors.push(ParseError::new("on", "invalid_date", "expected a date as YYYY-MM-DD").into());
    }
    let (Some(decision), Some(module), Ok(on), true) =
        (decision, body.module, on, errors.is_empty())
    else {
        return Err(ApiError::Validation(errors));
    };
    let entry = NewEntry {
        module,
        decision,
        on,
        note: body.note,
    };
    let p = uc::add_progress_entry(&state.app, &caller, id, entry).await?;
    Ok((StatusCode::CREATED, Json(progress_dto(p))))
}
