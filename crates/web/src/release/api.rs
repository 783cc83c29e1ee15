//! `/api/v1/release-agreements`: request a release agreement for an enrolment, list and read
//! them with their dates and history, record an answer, download the PDF to sign.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Json};
use lernweg_app::release::{self, ReleaseQuery};
use lernweg_domain::{CohortId, EnrolmentId, ParseError, ParticipantId, ReleaseAgreementId};
use lernweg_participants::{ReleaseAnswer, ReleaseState};
use lernweg_store::{ReleaseAgreement, ReleaseDateRecord, ReleaseEvent};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiJson, api_caller, date};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiId, given};
use crate::paging::{CursorParams, Items};

#[derive(Serialize, ToSchema)]
pub struct ReleaseDateDto {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    /// Hours of the session inside working time: what the employer is asked to release.
    pub hours: f64,
    /// `null` while not answered.
    pub agreed: Option<bool>,
    /// The session the date was made for (`null` once it was deleted).
    pub session_id: Option<String>,
}

impl From<ReleaseDateRecord> for ReleaseDateDto {
    fn from(d: ReleaseDateRecord) -> Self {
        ReleaseDateDto {
            date: d.date.to_string(),
            start: d.start.to_string(),
            end: d.end.to_string(),
            hours: d.hours,
            agreed: d.agreed,
            session_id: d.session_id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReleaseEventDto {
    /// RFC 3339.
    pub at: String,
    /// Who: the staff member, or the employer's contact with the employer.
    pub by: String,
    pub state: String,
    pub note: String,
}

impl From<ReleaseEvent> for ReleaseEventDto {
    fn from(e: ReleaseEvent) -> Self {
        ReleaseEventDto {
            at: e.at.to_rfc3339(),
            by: e.actor_label,
            state: e.state.code().to_owned(),
            note: e.note,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReleaseAgreementDto {
    pub id: String,
    pub participant_id: String,
    pub participant_name: String,
    pub enrolment_id: String,
    pub cohort_id: String,
    pub cohort_name: String,
    /// The linked employer, if there is one (it answers on `/betrieb`).
    pub employer_id: Option<String>,
    pub employer_name: String,
    /// `requested`, `agreed`, `partly_agreed` or `declined`.
    pub state: String,
    pub total_hours: f64,
    pub dates: Vec<ReleaseDateDto>,
    /// Oldest first; the first entry is the request.
    pub history: Vec<ReleaseEventDto>,
    /// The agreement to sign, as a German PDF.
    pub pdf_url: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<ReleaseAgreement> for ReleaseAgreementDto {
    fn from(a: ReleaseAgreement) -> Self {
        ReleaseAgreementDto {
            total_hours: a.total_hours(),
            pdf_url: format!("/api/v1/release-agreements/{}/pdf", a.id),
            id: a.id.to_string(),
            participant_id: a.participant_id.to_string(),
            participant_name: format!("{} {}", a.given_name, a.family_name),
            enrolment_id: a.enrolment_id.to_string(),
            cohort_id: a.cohort_id.to_string(),
            cohort_name: a.cohort_name,
            employer_id: a.employer_id.map(|e| e.to_string()),
            employer_name: a.employer_name,
            state: a.state.code().to_owned(),
            dates: a.dates.into_iter().map(Into::into).collect(),
            history: a.history.into_iter().map(Into::into).collect(),
            created_at: a.created_at.to_rfc3339(),
            updated_at: a.updated_at.to_rfc3339(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewReleaseAgreementDto {
    /// An enrolment whose cohort has coming sessions in the participant's working times.
    pub enrolment_id: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ReleaseAnswerDto {
    /// `agreed`, `partly_agreed` or `declined`.
    pub state: String,
    /// For `partly_agreed`: the agreed dates (`YYYY-MM-DD`); the others are declined.
    #[serde(default)]
    pub agreed_dates: Vec<String>,
    #[serde(default)]
    pub note: String,
}

impl ReleaseAnswerDto {
    pub fn answer(&self) -> Result<ReleaseAnswer, ApiError> {
        match ReleaseState::parse(&self.state) {
            Some(ReleaseState::Agreed) => Ok(ReleaseAnswer::AgreeAll),
            Some(ReleaseState::Declined) => Ok(ReleaseAnswer::DeclineAll),
            Some(ReleaseState::PartlyAgreed) => Ok(ReleaseAnswer::Only(
                self.agreed_dates
                    .iter()
                    .map(|d| date("agreed_dates", d))
                    .collect::<Result<_, _>>()?,
            )),
            _ => Err(ParseError::new(
                "state",
                "invalid_state",
                "state must be agreed, partly_agreed or declined",
            )
            .into()),
        }
    }
}

/// `?participant_id=`, `?cohort_id=`, `?state=` of the list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReleaseListQuery {
    pub participant_id: Option<String>,
    pub cohort_id: Option<String>,
    /// `requested`, `agreed`, `partly_agreed` or `declined`.
    pub state: Option<String>,
}

impl ReleaseListQuery {
    fn parse(&self) -> Result<ReleaseQuery, ApiError> {
        let state = given(&self.state)
            .map(|s| {
                ReleaseState::parse(s).ok_or_else(|| {
                    ParseError::new(
                        "state",
                        "invalid_state",
                        "state must be requested, agreed, partly_agreed or declined",
                    )
                })
            })
            .transpose()?;
        Ok(ReleaseQuery {
            participant: given(&self.participant_id)
                .map(ParticipantId::parse)
                .transpose()?,
            cohort: given(&self.cohort_id).map(CohortId::parse).transpose()?,
            state,
        })
    }
}

/// Release agreements of the caller's provider, newest first.
#[utoipa::path(get, path = "/api/v1/release-agreements", operation_id = "list_release_agreements", tag = "release-agreements",
    params(CursorParams, ReleaseListQuery),
    responses((status = 200, body = inline(Items<ReleaseAgreementDto>)), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<ReleaseListQuery>,
) -> Result<Json<Items<ReleaseAgreementDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let list = release::list(&state.app, &caller, &q.parse()?, cursor.as_ref(), limit).await?;
    Ok(Json(Items::from_slice(list, ReleaseAgreementDto::from)))
}

/// Asks the participant's employer to release the coming sessions of the enrolment's cohort
/// that fall into the participant's working times.
#[utoipa::path(post, path = "/api/v1/release-agreements", operation_id = "create_release_agreement", tag = "release-agreements", request_body = NewReleaseAgreementDto,
    responses((status = 201, body = ReleaseAgreementDto), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<NewReleaseAgreementDto>,
) -> Result<(StatusCode, Json<ReleaseAgreementDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let enrolment = EnrolmentId::parse(&body.enrolment_id)?;
    let a = release::request(&state.app, &caller, enrolment).await?;
    Ok((StatusCode::CREATED, Json(a.into())))
}

/// One release agreement with its dates and history.
#[utoipa::path(get, path = "/api/v1/release-agreements/{id}", operation_id = "show_release_agreement", tag = "release-agreements", params(("id" = String, Path)),
    responses((status = 200, body = ReleaseAgreementDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ReleaseAgreementId>,
) -> Result<Json<ReleaseAgreementDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    Ok(Json(
        release::show(&state.app, &caller, None, id).await?.into(),
    ))
}

/// Records the employer's answer (e.g. from the signed paper).
#[utoipa::path(post, path = "/api/v1/release-agreements/{id}/answer", operation_id = "answer_release_agreement", tag = "release-agreements", params(("id" = String, Path)), request_body = ReleaseAnswerDto,
    responses((status = 200, body = ReleaseAgreementDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn answer(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ReleaseAgreementId>,
    ApiJson(body): ApiJson<ReleaseAnswerDto>,
) -> Result<Json<ReleaseAgreementDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let answer = body.answer()?;
    let a = release::answer(&state.app, &caller, None, id, &answer, &body.note).await?;
    Ok(Json(a.into()))
}

/// The agreement as a German PDF to sign.
#[utoipa::path(get, path = "/api/v1/release-agreements/{id}/pdf", operation_id = "release_agreement_pdf", tag = "release-agreements", params(("id" = String, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = Problem)))]
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ReleaseAgreementId>,
) -> Result<Response, ApiError> {
    let caller = api_caller(&ctx)?;
    let a = release::show(&state.app, &caller, None, id).await?;
    super::pdf::download(&state, &a)
        .await
        .map_err(|()| ApiError::Internal)
}
