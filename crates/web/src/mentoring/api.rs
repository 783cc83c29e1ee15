//! Mentoring over the API (issue 15, points 1 and 2): the pool, participants' wishes, the
//! weights and the matching's proposals (tandems and events are `tandems_api`). Every handler
//! is a thin adapter over `lernweg_app::mentoring`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::mentoring;
use lernweg_domain::{MentorId, ParticipantId, ProviderId};
use lernweg_participants::mentor_pool::{RawMentor, RawWish};
use lernweg_participants::mentoring::Weights;
use lernweg_store::{MentorRecord, WishRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiId, given};

/// `?provider_id=` for the admin, who belongs to no provider.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProviderQuery {
    pub provider_id: Option<String>,
}

impl ProviderQuery {
    pub(crate) fn named(&self) -> Option<ProviderId> {
        given(&self.provider_id).and_then(|p| ProviderId::parse(p).ok())
    }
}

#[derive(Serialize, ToSchema)]
pub struct MentorDto {
    pub id: String,
    pub provider_id: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// KldB 2010, five digits.
    pub kldb: String,
    pub occupation: String,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    /// `mon-morning` … `sun-evening`.
    pub slots: Vec<String>,
    pub city: String,
    pub online: bool,
    pub capacity: u32,
    pub available_from: String,
    pub available_until: Option<String>,
    pub consent_on: String,
}

impl From<MentorRecord> for MentorDto {
    fn from(m: MentorRecord) -> Self {
        let p = m.profile;
        MentorDto {
            id: m.id.to_string(),
            provider_id: m.provider_id.to_string(),
            name: p.name,
            email: p.email.map(|e| e.as_str().to_owned()),
            phone: p.phone.map(|e| e.as_str().to_owned()),
            kldb: p.kldb.as_str().to_owned(),
            occupation: p.occupation,
            languages: p.languages.iter().map(|l| l.as_str().to_owned()).collect(),
            slots: p.slots.codes(),
            city: p.city,
            online: p.online,
            capacity: p.capacity,
            available_from: p.available_from.to_string(),
            available_until: p.available_until.map(|d| d.to_string()),
            consent_on: p.consent_on.to_string(),
        }
    }
}

/// A mentor as sent: `POST` adds one, `PUT` replaces the profile.
#[derive(Deserialize, ToSchema)]
pub struct MentorInputDto {
    /// Only for admins when adding.
    #[serde(default)]
    pub provider_id: Option<String>,
    pub name: String,
    /// An e-mail address or a phone number is needed.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    pub kldb: String,
    #[serde(default)]
    pub occupation: String,
    pub languages: Vec<String>,
    #[serde(default)]
    pub slots: Vec<String>,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub online: bool,
    /// Mentees at once, 1 to 10 (default 1).
    #[serde(default)]
    pub capacity: Option<u32>,
    /// `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub available_from: Option<String>,
    #[serde(default)]
    pub available_until: Option<String>,
    /// The day of the mentor's consent to keeping and sharing their data.
    pub consent_on: String,
}

impl MentorInputDto {
    fn raw(&self) -> RawMentor {
        RawMentor {
            name: self.name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            kldb: self.kldb.clone(),
            occupation: self.occupation.clone(),
            languages: self.languages.join(","),
            slots: self.slots.join(","),
            city: self.city.clone(),
            online: self.online.to_string(),
            capacity: self.capacity.map(|c| c.to_string()).unwrap_or_default(),
            available_from: self.available_from.clone().unwrap_or_default(),
            available_until: self.available_until.clone().unwrap_or_default(),
            consent_on: self.consent_on.clone(),
        }
    }
}

/// The mentor pool of the caller's provider, by name.
#[utoipa::path(get, path = "/api/v1/mentors", tag = "mentoring", operation_id = "list_mentors",
    params(ProviderQuery), responses((status = 200, body = Vec<MentorDto>)))]
pub async fn list_mentors(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<Vec<MentorDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let list = mentoring::mentors(&state.app, &caller, q.named()).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

/// Adds a mentor to the pool.
#[utoipa::path(post, path = "/api/v1/mentors", tag = "mentoring", operation_id = "create_mentor",
    request_body = MentorInputDto,
    responses((status = 201, body = MentorDto), (status = 422, body = Problem)))]
pub async fn create_mentor(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<MentorInputDto>,
) -> Result<(StatusCode, Json<MentorDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let named = given(&body.provider_id).and_then(|p| ProviderId::parse(p).ok());
    let m = mentoring::add_mentor(&state.app, &caller, named, &body.raw()).await?;
    Ok((StatusCode::CREATED, Json(m.into())))
}

/// One mentor.
#[utoipa::path(get, path = "/api/v1/mentors/{id}", tag = "mentoring", operation_id = "show_mentor",
    params(("id" = String, Path)),
    responses((status = 200, body = MentorDto), (status = 404, body = Problem)))]
pub async fn show_mentor(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<MentorId>,
) -> Result<Json<MentorDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    Ok(Json(
        mentoring::visible_mentor(&state.app, &caller, id)
            .await?
            .into(),
    ))
}

/// Replaces a mentor's profile.
#[utoipa::path(put, path = "/api/v1/mentors/{id}", tag = "mentoring", operation_id = "update_mentor",
    params(("id" = String, Path)), request_body = MentorInputDto,
    responses((status = 200, body = MentorDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update_mentor(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<MentorId>,
    ApiJson(body): ApiJson<MentorInputDto>,
) -> Result<Json<MentorDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let m = mentoring::update_mentor(&state.app, &caller, id, &body.raw()).await?;
    Ok(Json(m.into()))
}

/// A participant's wish for a mentor: when and where they could meet.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct WishDto {
    /// `mon-morning` … `sun-evening`.
    #[serde(default)]
    pub slots: Vec<String>,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub online: bool,
    /// Set by the server.
    #[serde(default)]
    pub wished_on: Option<String>,
}

impl From<WishRecord> for WishDto {
    fn from(w: WishRecord) -> Self {
        WishDto {
            slots: w.wish.slots.codes(),
            city: w.wish.city,
            online: w.wish.online,
            wished_on: Some(w.wished_on.to_string()),
        }
    }
}

/// Records that the participant waits for a mentor (or changes the wish).
#[utoipa::path(put, path = "/api/v1/participants/{id}/mentoring-wish", tag = "mentoring",
    operation_id = "set_mentoring_wish", params(("id" = String, Path)), request_body = WishDto,
    responses((status = 200, body = WishDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_wish(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<WishDto>,
) -> Result<Json<WishDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let raw = RawWish {
        slots: body.slots.join(","),
        city: body.city,
        online: body.online.to_string(),
    };
    Ok(Json(
        mentoring::set_wish(&state.app, &caller, id, &raw)
            .await?
            .into(),
    ))
}

/// The participant no longer waits for a mentor (their open proposals go too).
#[utoipa::path(delete, path = "/api/v1/participants/{id}/mentoring-wish", tag = "mentoring",
    operation_id = "remove_mentoring_wish", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn remove_wish(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<StatusCode, ApiError> {
    let caller = api_caller(&ctx)?;
    mentoring::remove_wish(&state.app, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The score's weights (the defaults: 40, 20, 10, 2, 20, 10).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct WeightsDto {
    pub same_main_group: i64,
    pub same_area: i64,
    pub mother_tongue: i64,
    pub per_slot: i64,
    pub slots_max: i64,
    pub place: i64,
}

impl From<Weights> for WeightsDto {
    fn from(w: Weights) -> Self {
        WeightsDto {
            same_main_group: w.same_main_group,
            same_area: w.same_area,
            mother_tongue: w.mother_tongue,
            per_slot: w.per_slot,
            slots_max: w.slots_max,
            place: w.place,
        }
    }
}

/// The provider's score weights.
#[utoipa::path(get, path = "/api/v1/mentoring/weights", tag = "mentoring",
    operation_id = "mentoring_weights", params(ProviderQuery),
    responses((status = 200, body = WeightsDto)))]
pub async fn weights(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<WeightsDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    Ok(Json(
        mentoring::weights(&state.app, &caller, q.named())
            .await?
            .into(),
    ))
}

/// Saves the provider's score weights (each 0 to 100; coordinators and the admin).
#[utoipa::path(put, path = "/api/v1/mentoring/weights", tag = "mentoring",
    operation_id = "set_mentoring_weights", params(ProviderQuery), request_body = WeightsDto,
    responses((status = 200, body = WeightsDto), (status = 422, body = Problem)))]
pub async fn set_weights(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
    ApiJson(b): ApiJson<WeightsDto>,
) -> Result<Json<WeightsDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let w = Weights {
        same_main_group: b.same_main_group,
        same_area: b.same_area,
        mother_tongue: b.mother_tongue,
        per_slot: b.per_slot,
        slots_max: b.slots_max,
        place: b.place,
    };
    Ok(Json(
        mentoring::set_weights(&state.app, &caller, q.named(), &w)
            .await?
            .into(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct PairDto {
    /// The mentor's id.
    pub mentor: String,
    /// The participant's id.
    pub mentee: String,
    pub score: i64,
    pub reasons: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UnmatchedDto {
    pub mentee: String,
    pub reason: String,
}

/// The matching's answer, as `lernweg match` gives it.
#[derive(Serialize, ToSchema)]
pub struct MatchingDto {
    pub pairs: Vec<PairDto>,
    pub unmatched: Vec<UnmatchedDto>,
    pub matched: usize,
    pub total_score: i64,
}

/// Runs the matching over all waiting participants of the provider; its pairs replace the
/// open proposals.
#[utoipa::path(post, path = "/api/v1/mentoring/proposals", tag = "mentoring",
    operation_id = "propose_tandems", params(ProviderQuery),
    responses((status = 200, body = MatchingDto)))]
pub async fn propose(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<MatchingDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let run = mentoring::propose(&state.app, &caller, q.named()).await?;
    Ok(Json(MatchingDto {
        matched: run.proposals.len(),
        total_score: run.total_score,
        pairs: run
            .proposals
            .into_iter()
            .map(|p| PairDto {
                mentor: p.mentor.to_string(),
                mentee: p.participant.to_string(),
                score: p.score,
                reasons: p.reasons,
            })
            .collect(),
        unmatched: run
            .unplaced
            .into_iter()
            .map(|u| UnmatchedDto {
                mentee: u.participant_id.to_string(),
                reason: u.reason,
            })
            .collect(),
    }))
}
