//! `GET /api/v1/warnings`: the caller's open early warnings; `POST /api/v1/warnings/handled`:
//! marks one as handled with a note. Thin adapters over `lernweg_app::warnings`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::warnings::{self, OpenWarning};
use lernweg_domain::{ParseError, ParticipantId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};

/// An open early warning.
#[derive(Serialize, ToSchema)]
pub struct WarningDto {
    pub participant_id: String,
    /// The person's given and family name.
    pub name: String,
    /// `absences_in_row`, `low_attendance`, `load_over_limit`, `no_contact` or
    /// `release_declined`.
    pub kind: String,
    /// What it is about (a date, an ISO week, a release agreement's id); with `kind` and
    /// `participant_id` what marks it as handled.
    pub subject: String,
    /// `YYYY-MM-DD`: the date it is about.
    pub since: String,
    /// The facts by kind, e.g. `{"kind": "low_attendance", "present": 3, "recorded": 5,
    /// "percent": 60, "from": "2026-11-06"}`.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

impl From<OpenWarning> for WarningDto {
    fn from(o: OpenWarning) -> Self {
        let w = o.warning;
        WarningDto {
            participant_id: w.participant.to_string(),
            name: o.name,
            kind: w.kind.code().to_owned(),
            subject: w.subject,
            since: w.since.to_string(),
            details: serde_json::to_value(&w.facts).unwrap_or_default(),
        }
    }
}

/// The open warnings.
#[derive(Serialize, ToSchema)]
pub struct WarningsDto {
    pub items: Vec<WarningDto>,
}

/// A warning to mark as handled.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct HandledDto {
    pub participant_id: String,
    pub kind: String,
    pub subject: String,
    /// What was done: 1 to 500 characters.
    pub note: String,
}

/// The caller's open early warnings: a counsellor's for the people they are the contact
/// person of, a coordinator's for every person of the provider. Handled ones are left out.
#[utoipa::path(get, path = "/api/v1/warnings", operation_id = "list_warnings", tag = "participants",
    responses((status = 200, body = WarningsDto)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
) -> Result<Json<WarningsDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let open = warnings::for_contact_person(&state.app, &caller, "api: early warnings").await?;
    Ok(Json(WarningsDto {
        items: open.into_iter().map(WarningDto::from).collect(),
    }))
}

/// Marks a warning as handled with a note; a new cause (another subject) warns again. 404 for
/// a person of another provider, 409 when it is marked already.
#[utoipa::path(post, path = "/api/v1/warnings/handled", operation_id = "mark_warning_handled", tag = "participants",
    request_body = HandledDto,
    responses((status = 201, body = HandledDto), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn mark_handled(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<HandledDto>,
) -> Result<(StatusCode, Json<HandledDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let participant = ParticipantId::parse(body.participant_id.trim()).map_err(|_| {
        ApiError::field(ParseError::new(
            "participant_id",
            "invalid_id",
            "participant_id must be a participant's id",
        ))
    })?;
    warnings::handle(
        &state.app,
        &caller,
        participant,
        &body.kind,
        &body.subject,
        &body.note,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(HandledDto {
            participant_id: participant.to_string(),
            kind: body.kind.trim().to_owned(),
            subject: body.subject.trim().to_owned(),
            note: body.note.trim().to_owned(),
        }),
    ))
}
