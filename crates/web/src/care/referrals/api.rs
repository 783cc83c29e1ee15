//! Counselling services and referrals over the API. Records of another provider answer 404;
//! a participant or service of another provider in a request body is refused (422).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::referrals::{self, NewReferral, ReferralQuery, StatusChange};
use lernweg_domain::{ParticipantId, ProviderId, Search};
use lernweg_participants::ReferralStatus;
use lernweg_store::{CounsellingService, Referral, ReferralStep, SERVICE_KINDS, ServiceInput};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiJson, optional_date};
use crate::care::api_caller;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::given;
use crate::paging::{CursorParams, Items};

fn field_error(field: &str, code: &str, message: &str) -> ApiError {
    ApiError::Validation(vec![FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
        message: message.to_owned(),
    }])
}

#[derive(Serialize, ToSchema)]
pub struct ServiceDto {
    pub id: String,
    pub provider_id: String,
    /// `childcare`, `social`, `debt`, `health`, `migration`, `recognition` or `other`.
    pub kind: String,
    pub name: String,
    pub contact_person: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    /// Languages offered, free text.
    pub languages: String,
    pub opening_hours: String,
    pub note: String,
    pub active: bool,
}

impl From<CounsellingService> for ServiceDto {
    fn from(s: CounsellingService) -> Self {
        ServiceDto {
            id: s.id,
            provider_id: s.provider_id.to_string(),
            kind: s.kind,
            name: s.name,
            contact_person: s.contact_person,
            phone: s.phone,
            email: s.email,
            address: s.address,
            languages: s.languages,
            opening_hours: s.opening_hours,
            note: s.note,
            active: s.active,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewServiceDto {
    /// Only for admins (who belong to no provider); others create for their own provider.
    #[serde(default)]
    pub provider_id: Option<String>,
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub contact_person: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub languages: String,
    #[serde(default)]
    pub opening_hours: String,
    #[serde(default)]
    pub note: String,
    /// Default `true`.
    #[serde(default)]
    pub active: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct ReferralStepDto {
    pub on: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

impl From<ReferralStep> for ReferralStepDto {
    fn from(s: ReferralStep) -> Self {
        ReferralStepDto {
            on: s.on_date.to_string(),
            from: s.from.code().to_owned(),
            to: s.to.code().to_owned(),
            note: s.note,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReferralDto {
    pub id: String,
    pub participant_id: String,
    pub service_id: String,
    pub referred_on: String,
    pub reason: String,
    /// `suggested`, `referred`, `appointment_made`, `done` or `declined`.
    pub status: String,
    pub status_changed_on: String,
    pub outcome_note: String,
    /// Status changes, oldest first.
    pub history: Vec<ReferralStepDto>,
}

pub(crate) async fn referral_dto(state: &AppState, r: Referral) -> Result<ReferralDto, ApiError> {
    let history = referrals::history(&state.app, &r).await?;
    Ok(referral_dto_of(r, history))
}

/// The DTO of a referral whose history is already read.
pub(crate) fn referral_dto_of(r: Referral, history: Vec<ReferralStep>) -> ReferralDto {
    ReferralDto {
        id: r.id,
        participant_id: r.participant_id.to_string(),
        service_id: r.service_id,
        referred_on: r.referred_on.to_string(),
        reason: r.reason,
        status: r.status.code().to_owned(),
        status_changed_on: r.status_changed_on.to_string(),
        outcome_note: r.outcome_note,
        history: history.into_iter().map(ReferralStepDto::from).collect(),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewReferralDto {
    /// A participant of the caller's provider.
    pub participant_id: String,
    /// An active counselling service of the same provider.
    pub service_id: String,
    /// `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub referred_on: Option<String>,
    /// At most 500 characters.
    #[serde(default)]
    pub reason: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ReferralStatusDto {
    /// The new status: suggested → referred → appointment_made → done, or `declined` from any
    /// status that is not final.
    pub status: String,
    /// `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub on: Option<String>,
    /// Becomes the outcome note when not empty.
    #[serde(default)]
    pub note: String,
}

/// `?kind=` and `?q=` of the directory.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceListQuery {
    /// Only services of this kind: childcare | social | debt | health | migration |
    /// recognition | other.
    pub kind: Option<String>,
    /// Only services whose name, contact person or languages contain this text
    /// (case-insensitive).
    pub q: Option<String>,
}

/// The counselling services of the caller's provider (all for admins), by name, `limit` at
/// a time.
#[utoipa::path(get, path = "/api/v1/counselling-services", tag = "referrals",
    params(CursorParams, ServiceListQuery),
    responses((status = 200, body = Items<ServiceDto>), (status = 422, body = Problem)))]
pub async fn services_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<ServiceListQuery>,
) -> Result<Json<Items<ServiceDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let kind = match given(&q.kind) {
        Some(k) if SERVICE_KINDS.contains(&k) => Some(k.to_owned()),
        Some(_) => {
            return Err(field_error(
                "kind",
                "invalid_kind",
                "expected childcare, social, debt, health, migration, recognition or other",
            ));
        }
        None => None,
    };
    let search = Search::parse(q.q.as_deref().unwrap_or(""))?;
    let list = referrals::services_after(
        &state.app,
        &caller.principal,
        kind,
        search,
        cursor.as_ref(),
        limit,
    )
    .await?;
    Ok(Json(Items::from_slice(list, ServiceDto::from)))
}

/// Adds a counselling service to the directory.
#[utoipa::path(post, path = "/api/v1/counselling-services", tag = "referrals", request_body = NewServiceDto,
    responses((status = 201, body = ServiceDto), (status = 422, body = Problem)))]
pub async fn services_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<NewServiceDto>,
) -> Result<(StatusCode, Json<ServiceDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    // An id that does not parse names no provider (the use-case answers `unknown_provider`
    // to an admin and ignores it for everybody else).
    let named = ProviderId::parse(body.provider_id.as_deref().unwrap_or("").trim()).ok();
    let input = ServiceInput {
        kind: body.kind,
        name: body.name,
        contact_person: body.contact_person,
        phone: body.phone,
        email: body.email,
        address: body.address,
        languages: body.languages,
        opening_hours: body.opening_hours,
        note: body.note,
        active: body.active.unwrap_or(true),
    };
    let s = referrals::create_service(&state.app, &caller, named, input).await?;
    Ok((StatusCode::CREATED, Json(s.into())))
}

/// `?status=`, `?service_id=`, `?participant_id=` and `?q=` of the referral list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReferralListQuery {
    /// `open` (the default: neither done nor declined), `all`, or one status: suggested |
    /// referred | appointment_made | done | declined.
    pub status: Option<String>,
    /// Only referrals to this service.
    pub service_id: Option<String>,
    /// Only referrals of this participant.
    pub participant_id: Option<String>,
    /// Only referrals whose participant's name, e-mail, phone or login name or whose
    /// service's name contains this text (case-insensitive).
    pub q: Option<String>,
}

impl ReferralListQuery {
    fn query(&self) -> Result<ReferralQuery, ApiError> {
        let (open_only, status) = match given(&self.status) {
            None | Some("open") => (true, None),
            Some("all") => (false, None),
            Some(raw) => match ReferralStatus::parse(raw) {
                Some(s) => (false, Some(s)),
                None => {
                    return Err(field_error(
                        "status",
                        "invalid_status",
                        "expected open, all, suggested, referred, appointment_made, done or declined",
                    ));
                }
            },
        };
        let participant = given(&self.participant_id)
            .map(|raw| {
                ParticipantId::parse(raw).map_err(|_| {
                    field_error(
                        "participant_id",
                        "invalid_id",
                        "participant_id is not an id",
                    )
                })
            })
            .transpose()?;
        Ok(ReferralQuery {
            open_only,
            status,
            service_id: given(&self.service_id).map(str::to_owned),
            participant,
            search: Search::parse(self.q.as_deref().unwrap_or(""))?,
        })
    }
}

/// The referrals of the caller's provider (all for admins), newest first, `limit` at a time,
/// each with its status history; by default the open ones (not done, not declined).
#[utoipa::path(get, path = "/api/v1/referrals", tag = "referrals",
    params(CursorParams, ReferralListQuery),
    responses((status = 200, body = Items<ReferralDto>), (status = 422, body = Problem)))]
pub async fn referrals_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<ReferralListQuery>,
) -> Result<Json<Items<ReferralDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let query = q.query()?;
    let list = referrals::referrals_after(
        &state.app,
        &caller,
        &query,
        cursor.as_ref(),
        limit,
        "api: referrals",
    )
    .await?;
    Ok(Json(Items::from_slice(list, |(r, history)| {
        referral_dto_of(r.referral, history)
    })))
}

/// Refers a participant to a counselling service of the same provider (status `suggested`).
#[utoipa::path(post, path = "/api/v1/referrals", tag = "referrals", request_body = NewReferralDto,
    responses((status = 201, body = ReferralDto), (status = 422, body = Problem)))]
pub async fn referrals_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<NewReferralDto>,
) -> Result<(StatusCode, Json<ReferralDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let new = NewReferral {
        participant_id: body.participant_id,
        service_id: body.service_id,
        referred_on: optional_date("referred_on", body.referred_on.as_deref())?,
        reason: body.reason,
    };
    let r = referrals::create_referral(&state.app, &caller, new).await?;
    Ok((StatusCode::CREATED, Json(referral_dto(&state, r).await?)))
}

/// Moves a referral to a new status; a move the rules do not allow answers 422.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/status", tag = "referrals", params(("id" = String, Path)), request_body = ReferralStatusDto,
    responses((status = 200, body = ReferralDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn referrals_status(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReferralStatusDto>,
) -> Result<Json<ReferralDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let change = StatusChange {
        status: body.status,
        on: optional_date("on", body.on.as_deref())?,
        note: body.note,
    };
    let r = referrals::change_status(&state.app, &caller, &id, change).await?;
    Ok(Json(referral_dto(&state, r).await?))
}
