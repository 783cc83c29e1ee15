//! Enrolments of a participant in cohorts and their lifecycle events.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::AppError;
use lernweg_app::participants::enrolments;
use lernweg_domain::{CohortId, EnrolmentId, ParticipantId};
use lernweg_participants::EnrolmentEvent;
use lernweg_store::{Enrolment, EnrolmentStep};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::{api_caller, audit_view, date, field_error, visible};
use crate::AppState;
use crate::api::ApiJson;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::ApiId;
use crate::i18n::Lang;
use crate::paging::{CursorParams, Items};

#[derive(Serialize, ToSchema)]
pub struct EnrolmentDto {
    pub id: String,
    pub participant_id: String,
    pub cohort_id: String,
    /// `interested`, `counselled`, `enrolled`, `active`, `paused`, `completed` or `dropped`.
    pub status: String,
    pub stayed_employed: Option<bool>,
    /// The chosen modules (1-based) of an enrolment for part of the cohort; empty for the
    /// whole cohort.
    pub modules: Vec<u32>,
    pub created_at: String,
}

impl From<Enrolment> for EnrolmentDto {
    fn from(e: Enrolment) -> Self {
        EnrolmentDto {
            id: e.id.to_string(),
            participant_id: e.participant_id.to_string(),
            cohort_id: e.cohort_id.to_string(),
            status: e.status.code().to_owned(),
            stayed_employed: e.stayed_employed,
            modules: e.modules,
            created_at: e.created_at.to_rfc3339(),
        }
    }
}

/// One step of the history.
#[derive(Serialize, ToSchema)]
pub struct EnrolmentStepDto {
    pub on: String,
    /// The event as `lernweg_participants` serializes it: `{"event": "pause", "reason": …}`.
    #[schema(value_type = Object)]
    pub event: EnrolmentEvent,
    pub from: String,
    pub to: String,
    pub recorded_by: Option<String>,
}

impl From<EnrolmentStep> for EnrolmentStepDto {
    fn from(s: EnrolmentStep) -> Self {
        EnrolmentStepDto {
            on: s.on_date.to_string(),
            event: s.event,
            from: s.from.code().to_owned(),
            to: s.to.code().to_owned(),
            recorded_by: s.recorded_by,
        }
    }
}

/// An enrolment with its history, oldest step first.
#[derive(Serialize, ToSchema)]
pub struct EnrolmentDetailDto {
    #[serde(flatten)]
    pub enrolment: EnrolmentDto,
    pub history: Vec<EnrolmentStepDto>,
}

#[derive(Deserialize, ToSchema)]
pub struct NewEnrolmentDto {
    /// A cohort of the participant's provider.
    pub cohort_id: String,
    /// Only these modules of the cohort (1-based); absent or empty: the whole cohort. The
    /// roll calls, attendance and places count the enrolment for these modules only.
    #[serde(default)]
    pub modules: Vec<u32>,
}

/// A lifecycle event on a date.
#[derive(Deserialize, ToSchema)]
pub struct EventDto {
    /// `YYYY-MM-DD`.
    pub on: String,
    /// `{"event": "counsel"}`, `{"event": "pause", "reason": "health", "expected_return":
    /// "2027-05-01"}`, … (a bare code like `"enrol"` is accepted for events without fields).
    #[schema(value_type = Object)]
    pub event: Value,
}

pub(super) async fn detail(state: &AppState, e: Enrolment) -> Result<EnrolmentDetailDto, ApiError> {
    let history = enrolments::history(&state.app, &e).await?;
    Ok(detail_of(e, history))
}

/// The DTO of an enrolment whose history is already read.
pub(super) fn detail_of(e: Enrolment, history: Vec<EnrolmentStep>) -> EnrolmentDetailDto {
    EnrolmentDetailDto {
        enrolment: e.into(),
        history: history.into_iter().map(EnrolmentStepDto::from).collect(),
    }
}

/// The participant's enrolments with their history, as created, `limit` at a time
/// (`next_cursor` gives the next).
#[utoipa::path(get, path = "/api/v1/participants/{id}/enrolments", operation_id = "list_enrolments", tag = "participants", params(("id" = String, Path), CursorParams),
    responses((status = 200, body = Items<EnrolmentDetailDto>), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    Query(paging): Query<CursorParams>,
) -> Result<Json<Items<EnrolmentDetailDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = paging.parse()?;
    let p = visible(&state, &caller, id).await?;
    audit_view(&state, &caller.actor, &p, "enrolments").await?;
    let list = enrolments::after(&state.app, p.id, cursor.as_ref(), limit).await?;
    Ok(Json(Items::from_slice(list, |(e, h)| detail_of(e, h))))
}

/// Registers interest in a cohort of the same provider (status `interested`).
#[utoipa::path(post, path = "/api/v1/participants/{id}/enrolments", operation_id = "create_enrolment", tag = "participants", params(("id" = String, Path)), request_body = NewEnrolmentDto,
    responses((status = 201, body = EnrolmentDetailDto), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<NewEnrolmentDto>,
) -> Result<(StatusCode, Json<EnrolmentDetailDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let cohort = CohortId::parse(body.cohort_id.trim()).map_err(|_| {
        ApiError::Validation(vec![field_error(
            "cohort_id",
            "unknown_cohort",
            "no such cohort",
        )])
    })?;
    let e = enrolments::enrol_for(&state.app, &caller, id, cohort, &body.modules).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, e).await?)))
}

/// One enrolment with its history (audited as a view of the participant).
#[utoipa::path(get, path = "/api/v1/enrolments/{id}", operation_id = "show_enrolment", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = EnrolmentDetailDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<EnrolmentId>,
) -> Result<Json<EnrolmentDetailDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (e, p) = enrolments::visible_enrolment(&state.app, &caller.principal, id).await?;
    audit_view(&state, &caller.actor, &p, "enrolment").await?;
    Ok(Json(detail(&state, e).await?))
}

/// Applies a lifecycle event; a refused transition answers 422 with the rule's code.
#[utoipa::path(post, path = "/api/v1/enrolments/{id}/events", tag = "participants", params(("id" = String, Path)), request_body = EventDto,
    responses((status = 200, body = EnrolmentDetailDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn event(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<EnrolmentId>,
    ApiJson(body): ApiJson<EventDto>,
) -> Result<Json<EnrolmentDetailDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (e, _) = enrolments::visible_enrolment(&state.app, &caller.principal, id).await?;
    let on = date("on", &body.on);
    let raw = match body.event {
        Value::String(code) => serde_json::json!({ "event": code }),
        other => other,
    };
    let event = serde_json::from_value::<EnrolmentEvent>(raw).map_err(|err| {
        field_error(
            "event",
            "invalid_event",
            &format!("not an enrolment event: {err}"),
        )
    });
    let (on, event) = match (on, event) {
        (Ok(on), Ok(event)) => (on, event),
        (on, event) => {
            return Err(ApiError::Validation(
                [on.err(), event.err()].into_iter().flatten().collect(),
            ));
        }
    };
    let e = match enrolments::apply_event(&state.app, &caller, e.id, on, event).await {
        // A refused transition: the rule's code with its English sentence.
        Err(AppError::Invalid(list)) if list.iter().any(|r| r.field == "event") => {
            return Err(ApiError::Validation(
                list.into_iter()
                    .map(|refused| {
                        let key = format!("participants-transition-{}", refused.code);
                        let message = Lang::En.t(&key);
                        let message = if message == key {
                            refused.message
                        } else {
                            message
                        };
                        field_error(refused.field, refused.code, &message)
                    })
                    .collect(),
            ));
        }
        other => other?,
    };
    Ok(Json(detail(&state, e).await?))
}
