//! The planning of a draft cohort over the API.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::{Extension, Json};
use chrono::NaiveDate;
use lernweg_app::Caller;
use lernweg_app::cohorts::Replan;
use lernweg_app::planning::PlanningView;
use lernweg_domain::{CohortId, ParseError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::cohorts::{CohortDto, PlanningDto, SessionDto};
use crate::api::{ApiJson, api_caller, caller};
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::{ApiId, given};

/// How a draft is planned again.
#[derive(Deserialize, ToSchema)]
pub struct ReplanDto {
    /// YYYY-MM-DD; the cohort's start when absent.
    #[serde(default)]
    pub start_date: Option<String>,
    /// New deadline and closing periods (both replaced); the cohort's are kept when absent.
    #[serde(default)]
    pub planning: Option<PlanningDto>,
    /// Also keep free the periods the employers marked as not working.
    #[serde(default)]
    pub around_employers: bool,
}

/// A period an employer marked as not working, both days inclusive.
#[derive(Serialize, ToSchema)]
pub struct BlockedPeriodDto {
    pub from: String,
    pub to: String,
    /// peak_season | inventory | business_holidays | other
    pub reason: String,
}

/// An employer's answer to the shared draft, with the sessions its period hits.
#[derive(Serialize, ToSchema)]
pub struct PlanAnswerDto {
    pub id: String,
    pub employer_id: String,
    pub employer_name: String,
    /// The contact person who answered.
    pub author: String,
    /// null for a plain comment.
    pub period: Option<BlockedPeriodDto>,
    pub comment: String,
    pub created_at: String,
    /// The planned sessions inside the period (none for a comment).
    pub hits: Vec<SessionDto>,
}

/// An employer with employees in the cohort.
#[derive(Serialize, ToSchema)]
pub struct CohortEmployerDto {
    pub employer_id: String,
    pub name: String,
    /// "Given Family" of each employee enrolled.
    pub employees: Vec<String>,
}

/// The planning of a cohort with its employers.
#[derive(Serialize, ToSchema)]
pub struct EmployerPlanningDto {
    pub cohort_id: String,
    /// When the draft was shared; null while not shared.
    pub shared_at: Option<String>,
    pub employers: Vec<CohortEmployerDto>,
    /// Oldest first.
    pub answers: Vec<PlanAnswerDto>,
}

impl From<PlanningView> for EmployerPlanningDto {
    fn from(v: PlanningView) -> Self {
        EmployerPlanningDto {
            cohort_id: v.cohort.id.to_string(),
            shared_at: v.cohort.shared_at.map(|t| t.to_rfc3339()),
            employers: v
                .employers
                .into_iter()
                .map(|e| CohortEmployerDto {
                    employer_id: e.employer_id.to_string(),
                    name: e.employer_name,
                    employees: e.employees.into_iter().map(|(_, n)| n).collect(),
                })
                .collect(),
            answers: v
                .answers
                .into_iter()
                .map(|a| PlanAnswerDto {
                    id: a.answer.id.to_string(),
                    employer_id: a.answer.employer_id.to_string(),
                    employer_name: a.answer.employer_name,
                    author: a.answer.author_name,
                    period: a.answer.period.map(|p| BlockedPeriodDto {
                        from: p.from.to_string(),
                        to: p.to.to_string(),
                        reason: p.reason.code().to_owned(),
                    }),
                    comment: a.answer.comment,
                    created_at: a.answer.created_at.to_rfc3339(),
                    hits: a.hits.into_iter().map(SessionDto::from).collect(),
                })
                .collect(),
        }
    }
}

/// Plans a draft cohort's timetable again: from a new start, with new deadline and closing
/// periods, and around the periods the employers marked (`around_employers`).
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/replan", operation_id = "replan_cohort", tag = "cohorts", params(("id" = String, Path)), request_body = ReplanDto,
    responses((status = 200, body = CohortDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn replan(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<CohortId>,
    ApiJson(body): ApiJson<ReplanDto>,
) -> Result<Json<CohortDto>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let cohort = lernweg_app::cohorts::cohort(&state.app, &principal, id).await?;
    let mut errors: Vec<FieldError> = Vec::new();
    let start = match given(&body.start_date) {
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| {
                errors.push(
                    ParseError::new("start_date", "invalid_date", "expected YYYY-MM-DD").into(),
                )
            })
            .ok(),
        None => Some(cohort.start_date),
    };
    let planning = body
        .planning
        .as_ref()
        .map(PlanningDto::parse)
        .transpose()
        .map_err(|e| errors.extend(e))
        .ok()
        .flatten();
    let (Some(start), true) = (start, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let how = Replan {
        start,
        planning,
        around_employers: body.around_employers,
    };
    let caller = Caller::new(principal, actor);
    let cohort = lernweg_app::cohorts::replan(&state.app, &caller, cohort.id, how).await?;
    Ok(Json(cohort.into()))
}

/// Shares a draft cohort with the employers of its participants: their contact people get
/// an e-mail (through the outbox) and can answer on `/betrieb`. Sharing again changes nothing.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/share", operation_id = "share_cohort", tag = "cohorts", params(("id" = String, Path)),
    responses((status = 200, body = CohortDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn share(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    ApiId(id): ApiId<CohortId>,
) -> Result<Json<CohortDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let base = crate::public_catalogue::base_url(&state, &headers);
    let (cohort, _) = lernweg_app::planning::share(&state.app, &caller, id, &base).await?;
    Ok(Json(cohort.into()))
}

/// The employers of a cohort and their answers to the shared draft, each with the sessions
/// it hits.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/employer-answers", operation_id = "cohort_employer_answers", tag = "cohorts", params(("id" = String, Path)),
    responses((status = 200, body = EmployerPlanningDto), (status = 404, body = Problem)))]
pub async fn answers(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<CohortId>,
) -> Result<Json<EmployerPlanningDto>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let view = lernweg_app::planning::view(&state.app, &principal, id).await?;
    Ok(Json(view.into()))
}
