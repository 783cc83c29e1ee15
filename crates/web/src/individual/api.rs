//! The JSON of individual qualification paths.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::NaiveDate;
use lernweg_app::participants::individual::{self, PlanView};
use lernweg_domain::{ParseError, ParticipantId, PlanItemId};
use lernweg_participants::qualification_plan::PlanItem;
use lernweg_participants::recognition::{RawDifference, RawRecognition, RecognitionCase};
use lernweg_store::PlanItemRecord;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::ApiId;

/// A substantial difference named by the decision.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct DifferenceDto {
    /// Assigned by the server when absent.
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub required_hours: Option<f64>,
}

/// A participant's recognition case.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct RecognitionDto {
    pub reference_occupation: String,
    /// KldB 2010 code of the reference occupation.
    #[serde(default)]
    pub kldb: Option<String>,
    #[serde(default)]
    pub regulated: bool,
    /// The competent authority.
    #[serde(default)]
    pub authority: String,
    /// YYYY-MM-DD
    #[serde(default)]
    pub applied_on: Option<String>,
    /// YYYY-MM-DD
    #[serde(default)]
    pub decided_on: Option<String>,
    /// pending | full_equivalence | partial_equivalence | substantial_differences | rejected
    pub outcome: String,
    /// YYYY-MM-DD: by when the compensation measure must be done.
    #[serde(default)]
    pub deadline: Option<String>,
    #[serde(default)]
    pub differences: Vec<DifferenceDto>,
}

impl From<&RecognitionCase> for RecognitionDto {
    fn from(c: &RecognitionCase) -> Self {
        RecognitionDto {
            reference_occupation: c.reference_occupation.clone(),
            kldb: c.kldb.as_ref().map(|k| k.as_str().to_owned()),
            regulated: c.regulated,
            authority: c.authority.clone(),
            applied_on: c.applied_on.map(|d| d.to_string()),
            decided_on: c.decided_on.map(|d| d.to_string()),
            outcome: c.outcome.code().to_owned(),
            deadline: c.deadline.map(|d| d.to_string()),
            differences: c
                .differences
                .iter()
                .map(|d| DifferenceDto {
                    id: Some(d.id.clone()),
                    title: d.title.clone(),
                    area: d.area.clone(),
                    required_hours: d.required_hours,
                })
                .collect(),
        }
    }
}

impl RecognitionDto {
    fn raw(self) -> Result<RawRecognition, ApiError> {
        let mut errors: Vec<FieldError> = Vec::new();
        let mut day = |field: &'static str, v: &Option<String>| -> Option<NaiveDate> {
            let s = v.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| {
                    errors
                        .push(ParseError::new(field, "invalid_date", "expected YYYY-MM-DD").into())
                })
                .ok()
        };
        let applied_on = day("applied_on", &self.applied_on);
        let decided_on = day("decided_on", &self.decided_on);
        let deadline = day("deadline", &self.deadline);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        Ok(RawRecognition {
            reference_occupation: self.reference_occupation,
            kldb: self.kldb,
            regulated: self.regulated,
            authority: self.authority,
            applied_on,
            decided_on,
            outcome: self.outcome,
            deadline,
            differences: self
                .differences
                .into_iter()
                .map(|d| RawDifference {
                    id: d.id,
                    title: d.title,
                    area: d.area,
                    required_hours: d.required_hours,
                })
                .collect(),
        })
    }
}

/// The participant's recognition case (404 while none is recorded).
#[utoipa::path(get, path = "/api/v1/participants/{id}/recognition", operation_id = "show_recognition", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = RecognitionDto), (status = 404, body = Problem)))]
pub async fn recognition_show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<RecognitionDto>, ApiError> {
    let found = individual::recognition(&state.app, &api_caller(&ctx)?, id).await?;
    let record = found.ok_or(ApiError::NotFound)?;
    Ok(Json((&record.case).into()))
}

/// Records or replaces the participant's recognition case. Differences without an `id` get
/// one; a difference a plan item covers cannot be left out (422 `differences`/`in_use`).
#[utoipa::path(put, path = "/api/v1/participants/{id}/recognition", operation_id = "put_recognition", tag = "participants", params(("id" = String, Path)), request_body = RecognitionDto,
    responses((status = 200, body = RecognitionDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn recognition_put(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<RecognitionDto>,
) -> Result<Json<RecognitionDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    // An unknown participant is a 404 before its body is a 422.
    individual::recognition(&state.app, &caller, id).await?;
    let record = individual::put_recognition(&state.app, &caller, id, body.raw()?).await?;
    Ok(Json((&record.case).into()))
}

/// An item of the plan: `id`, `kind`, `title`, `covers`, `hours` and the keys of its kind —
/// `cohort_modules`: `cohort_id`, `modules`; `lessons`: `session_hours`, `earliest`,
/// `weekdays`, `window_start`, `window_end`, `trainer_id`, `closures` (list of `{from, to,
/// name}`, periods without lessons); `placement`: `company`, `from`,
/// `to`, `hours_per_week`; `self_study`: `hours_per_week`, `link`, `from`, `to`;
/// `language_course`: `course_provider`, `from`, `to`; `exam`: `date`, `authority`.
#[derive(Serialize, ToSchema)]
pub struct PlanItemDto {
    pub id: String,
    /// cohort_modules | lessons | placement | self_study | language_course | exam
    pub kind: String,
    pub title: String,
    /// Ids of the differences it covers.
    pub covers: Vec<String>,
    pub hours: f64,
    /// Hours done, as logged.
    pub done_hours: f64,
    /// The keys of its kind.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub details: Map<String, Value>,
}

impl From<&PlanItemRecord> for PlanItemDto {
    fn from(r: &PlanItemRecord) -> Self {
        let mut details = match serde_json::to_value(&r.item) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        for k in ["kind", "title", "covers", "hours"] {
            details.remove(k);
        }
        PlanItemDto {
            id: r.id.to_string(),
            kind: r.item.details.kind().to_owned(),
            title: r.item.title.clone(),
            covers: r.item.covers.clone(),
            hours: r.item.hours,
            done_hours: r.done_hours,
            details,
        }
    }
}

/// How far one difference is compensated.
#[derive(Serialize, ToSchema)]
pub struct CoverageDto {
    /// The difference's id.
    pub difference: String,
    pub required_hours: Option<f64>,
    pub planned_hours: f64,
    pub done_hours: f64,
    /// uncovered | planned | in_progress | done
    pub status: String,
}

/// One ISO week of the plan's load.
#[derive(Serialize, ToSchema)]
pub struct PlanWeekDto {
    pub week: String,
    pub work_hours: f64,
    pub released_hours: f64,
    pub plan_hours: f64,
    pub travel_hours: f64,
    pub total_hours: f64,
    pub over_limit: bool,
}

/// The weekly load of the whole plan next to the job (the load engine of cohorts).
#[derive(Serialize, ToSchema)]
pub struct PlanLoadDto {
    pub limit_hours: f64,
    pub avg_weekly_hours: f64,
    pub peak_weekly_hours: f64,
    pub weeks_over_limit: usize,
    /// Hours of plan sessions inside working time.
    pub release_hours: f64,
    pub weeks: Vec<PlanWeekDto>,
}

/// The individual plan.
#[derive(Serialize, ToSchema)]
pub struct PlanDto {
    pub items: Vec<PlanItemDto>,
    /// One entry per difference of the recognition case.
    pub coverage: Vec<CoverageDto>,
    /// null without recorded working times or without dated items.
    pub load: Option<PlanLoadDto>,
    /// The last day the items name.
    pub ends_on: Option<String>,
    /// The plan ends after the deadline of the decision.
    pub ends_after_deadline: bool,
}

impl From<PlanView> for PlanDto {
    fn from(v: PlanView) -> Self {
        PlanDto {
            items: v.items.iter().map(PlanItemDto::from).collect(),
            coverage: v
                .coverage
                .iter()
                .map(|c| CoverageDto {
                    difference: c.difference.clone(),
                    required_hours: c.required_hours,
                    planned_hours: c.planned_hours,
                    done_hours: c.done_hours,
                    status: c.status.code().to_owned(),
                })
                .collect(),
            load: v.load.map(|f| PlanLoadDto {
                limit_hours: f.limit_hours,
                avg_weekly_hours: f.avg_weekly_hours,
                peak_weekly_hours: f.peak_weekly_hours,
                weeks_over_limit: f.weeks_over_limit,
                release_hours: f.release_hours,
                weeks: f
                    .weeks
                    .iter()
                    .map(|w| PlanWeekDto {
                        week: w.week.clone(),
                        work_hours: w.work_hours,
                        released_hours: w.released_hours,
                        plan_hours: w.session_hours + w.self_study_hours,
                        travel_hours: w.travel_hours,
                        total_hours: w.total_hours,
                        over_limit: w.over_limit,
                    })
                    .collect(),
            }),
            ends_on: v.ends_on.map(|d| d.to_string()),
            ends_after_deadline: v.ends_after_deadline,
        }
    }
}

/// The participant's individual plan: items, coverage of each difference, weekly load.
#[utoipa::path(get, path = "/api/v1/participants/{id}/plan", operation_id = "show_plan", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = PlanDto), (status = 404, body = Problem)))]
pub async fn plan(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<PlanDto>, ApiError> {
    let view = individual::plan(&state.app, &api_caller(&ctx)?, id).await?;
    Ok(Json(view.into()))
}

/// An item from JSON: its kind's keys are checked by type first (422 naming the problem).
fn item_of(v: Value) -> Result<PlanItem, ApiError> {
    serde_json::from_value(v).map_err(|e| {
        ApiError::Validation(vec![
            ParseError::new("item", "invalid_item", e.to_string()).into(),
        ])
    })
}

/// Adds an item to the plan (the keys of `PlanItemDto` without `id`).
#[utoipa::path(post, path = "/api/v1/participants/{id}/plan/items", operation_id = "add_plan_item", tag = "participants", params(("id" = String, Path)), request_body = PlanItemDto,
    responses((status = 201, body = PlanItemDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_item(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<PlanItemDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    individual::plan(&state.app, &caller, id).await?;
    let record = individual::add_item(&state.app, &caller, id, item_of(body)?).await?;
    Ok((StatusCode::CREATED, Json((&record).into())))
}

/// Changes an item: the keys sent replace the item's (its `kind` stays unless sent).
#[utoipa::path(patch, path = "/api/v1/plan-items/{id}", operation_id = "patch_plan_item", tag = "participants", params(("id" = String, Path)), request_body = PlanItemDto,
    responses((status = 200, body = PlanItemDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn patch_item(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanItemId>,
    ApiJson(body): ApiJson<Map<String, Value>>,
) -> Result<Json<PlanItemDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (old, _) = individual::item(&state.app, &caller, id).await?;
    let Ok(Value::Object(mut merged)) = serde_json::to_value(&old.item) else {
        return Err(ApiError::Internal);
    };
    for (k, v) in body {
        if k != "id" {
            merged.insert(k, v);
        }
    }
    let record =
        individual::update_item(&state.app, &caller, id, item_of(Value::Object(merged))?).await?;
    Ok(Json((&record).into()))
}

/// Removes an item from the plan.
#[utoipa::path(delete, path = "/api/v1/plan-items/{id}", operation_id = "delete_plan_item", tag = "participants", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn delete_item(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanItemId>,
) -> Result<StatusCode, ApiError> {
    individual::delete_item(&state.app, &api_caller(&ctx)?, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A proposed session.
#[derive(Serialize, ToSchema)]
pub struct ProposedSessionDto {
    /// YYYY-MM-DD
    pub date: String,
    /// HH:MM
    pub start: String,
    pub end: String,
    pub hours: f64,
}

/// Dates proposed for a lessons item.
#[derive(Serialize, ToSchema)]
pub struct ScheduleDto {
    pub sessions: Vec<ProposedSessionDto>,
}

/// Proposes dated sessions for a `lessons` item in the person's free time: clear of their
/// shifts (fixed or rotating, night shifts included) with the commute, the state's public
/// holidays, the trainer's other sessions and the person's other plan items, before the
/// decision's deadline. 422 (`hours`/`cannot_schedule`) when the hours do not fit; 409
/// without recorded working times.
#[utoipa::path(post, path = "/api/v1/plan-items/{id}/schedule", operation_id = "schedule_plan_item", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = ScheduleDto), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn schedule(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanItemId>,
) -> Result<Json<ScheduleDto>, ApiError> {
    let sessions = individual::propose_lessons(&state.app, &api_caller(&ctx)?, id).await?;
    Ok(Json(ScheduleDto {
        sessions: sessions
            .iter()
            .map(|s| ProposedSessionDto {
                date: s.date.to_string(),
                start: s.start.to_string(),
                end: s.end.to_string(),
                hours: s.hours,
            })
            .collect(),
    }))
}

/// Hours done on an item.
#[derive(Deserialize, ToSchema)]
pub struct PlanProgressDto {
    /// YYYY-MM-DD, not after today.
    pub on: String,
    pub hours: f64,
    #[serde(default)]
    pub note: String,
}

/// Logs hours done on an item (a placement week, self-study, a course held elsewhere); the
/// coverage's `done_hours` follow.
#[utoipa::path(post, path = "/api/v1/plan-items/{id}/progress", operation_id = "log_plan_item", tag = "participants", params(("id" = String, Path)), request_body = PlanProgressDto,
    responses((status = 201, body = PlanItemDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn progress(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<PlanItemId>,
    ApiJson(body): ApiJson<PlanProgressDto>,
) -> Result<(StatusCode, Json<PlanItemDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    individual::item(&state.app, &caller, id).await?;
    let on = crate::api::date("on", &body.on)?;
    let log = lernweg_store::PlanItemLog {
        on,
        hours: body.hours,
        note: body.note,
    };
    let record = individual::log_hours(&state.app, &caller, id, log).await?;
    Ok((StatusCode::CREATED, Json((&record).into())))
}
