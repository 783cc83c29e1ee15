//! Employers and their links to participants over the API. An employer of another provider
//! answers 404; a participant of another provider in a request body is refused (422).

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::{Extension, Json};
use lernweg_app::employers;
use lernweg_domain::{
    EmployerId, EmploymentId, ProviderId, RawEmployer, RawEmployerContact, Search, Sector,
};
use lernweg_store::{EmployerContact, EmployerRecord, Employment};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiJson, api_caller, optional_date};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiId, given};
use crate::paging::{CursorParams, Items};
use crate::public_catalogue::base_url;

#[derive(Serialize, Deserialize, ToSchema)]
pub struct EmployerContactDto {
    /// Assigned by the server; send it back to keep a contact when saving the employer.
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: String,
    /// `email`, `phone` or `post`; by default e-mail when an address is given, else phone,
    /// else post.
    #[serde(default)]
    pub preferred_channel: Option<String>,
}

impl From<EmployerContact> for EmployerContactDto {
    fn from(c: EmployerContact) -> Self {
        EmployerContactDto {
            id: Some(c.id.to_string()),
            name: c.name,
            email: c.email.map(|e| e.as_str().to_owned()),
            phone: c.phone,
            preferred_channel: Some(c.preferred_channel.code().to_owned()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EmployerDto {
    pub id: String,
    pub provider_id: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// `care`, `health`, `construction`, `crafts`, `retail`, `hospitality`, `logistics`,
    /// `manufacturing`, `it`, `cleaning`, `education`, `public_sector` or `other`.
    pub sector: String,
    /// KldB 2010 occupational field (1 to 5 digits), or `null`.
    pub kldb: Option<String>,
    pub note: String,
    pub contacts: Vec<EmployerContactDto>,
    /// The employer's calendar feed (iCalendar): the sessions of all linked employees, each
    /// naming who is away. `null` after it was revoked, until a new one is made.
    pub feed_url: Option<String>,
}

impl EmployerDto {
    /// The DTO with the feed URL under `base` (the installation's public address).
    fn new(e: EmployerRecord, base: &str) -> Self {
        EmployerDto {
            feed_url: e
                .feed_secret
                .as_deref()
                .map(|s| format!("{base}/feeds/{s}.ics")),
            id: e.id.to_string(),
            provider_id: e.provider_id.to_string(),
            name: e.name,
            street: e.street,
            postcode: e.postcode,
            city: e.city,
            sector: e.sector.code().to_owned(),
            kldb: e.kldb.map(|k| k.as_str().to_owned()),
            note: e.note,
            contacts: e.contacts.into_iter().map(Into::into).collect(),
        }
    }
}

/// An employer as sent: `POST` creates, `PUT` replaces (contacts named by `id` are kept,
/// new ones added, those left out removed).
#[derive(Deserialize, ToSchema)]
pub struct EmployerInputDto {
    /// Only for admins (who belong to no provider) when creating.
    #[serde(default)]
    pub provider_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub street: String,
    /// Five digits, or empty.
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub city: String,
    pub sector: String,
    #[serde(default)]
    pub kldb: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub contacts: Vec<EmployerContactDto>,
}

impl EmployerInputDto {
    fn raw(&self) -> RawEmployer {
        RawEmployer {
            name: self.name.clone(),
            street: self.street.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            sector: self.sector.clone(),
            kldb: self.kldb.clone().unwrap_or_default(),
            note: self.note.clone(),
            contacts: self
                .contacts
                .iter()
                .map(|c| RawEmployerContact {
                    id: c.id.clone().unwrap_or_default(),
                    name: c.name.clone(),
                    email: c.email.clone().unwrap_or_default(),
                    phone: c.phone.clone(),
                    preferred_channel: c.preferred_channel.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EmploymentDto {
    pub id: String,
    pub employer_id: String,
    pub employer_name: String,
    pub participant_id: String,
    pub given_name: String,
    pub family_name: String,
    pub since: String,
    /// `null` while the link is active.
    pub ended_on: Option<String>,
    /// `consent_withdrawn` or `ended_by_staff` once ended.
    pub end_reason: Option<String>,
    pub active: bool,
}

impl From<Employment> for EmploymentDto {
    fn from(l: Employment) -> Self {
        EmploymentDto {
            active: l.is_active(),
            id: l.id.to_string(),
            employer_id: l.employer_id.to_string(),
            employer_name: l.employer_name,
            participant_id: l.participant_id.to_string(),
            given_name: l.given_name,
            family_name: l.family_name,
            since: l.since.to_string(),
            ended_on: l.ended_on.map(|d| d.to_string()),
            end_reason: l.end_reason,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewEmploymentDto {
    /// A participant of the employer's provider with an active consent `employer_contact`.
    pub participant_id: String,
    /// `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub since: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct EndEmploymentDto {
    /// `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub ended_on: Option<String>,
}

/// `?sector=` and `?q=` of the employer list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmployerListQuery {
    /// Only employers of this sector.
    pub sector: Option<String>,
    /// Only employers whose name, city or contact names contain this text (case-insensitive).
    pub q: Option<String>,
}

/// The employers of the caller's provider (all for admins), by name, `limit` at a time.
#[utoipa::path(get, path = "/api/v1/employers", tag = "employers",
    params(CursorParams, EmployerListQuery),
    responses((status = 200, body = Items<EmployerDto>), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    Query(page): Query<CursorParams>,
    Query(q): Query<EmployerListQuery>,
) -> Result<Json<Items<EmployerDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let sector = given(&q.sector).map(Sector::parse).transpose()?;
    let search = Search::parse(q.q.as_deref().unwrap_or(""))?;
    let list = employers::employers_after(
        &state.app,
        &caller.principal,
        sector,
        search,
        cursor.as_ref(),
        limit,
    )
    .await?;
    let base = base_url(&state, &headers);
    Ok(Json(Items::from_slice(list, |e| {
        EmployerDto::new(e, &base)
    })))
}

/// Adds an employer with its contact people.
#[utoipa::path(post, path = "/api/v1/employers", tag = "employers", request_body = EmployerInputDto,
    responses((status = 201, body = EmployerDto), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<EmployerInputDto>,
) -> Result<(StatusCode, Json<EmployerDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    // An id that does not parse names no provider (`unknown_provider` for the admin).
    let named = given(&body.provider_id).and_then(|p| ProviderId::parse(p).ok());
    let e = employers::create_employer(&state.app, &caller, named, &body.raw()).await?;
    let dto = EmployerDto::new(e, &base_url(&state, &headers));
    Ok((StatusCode::CREATED, Json(dto)))
}

/// One employer with its contact people.
#[utoipa::path(get, path = "/api/v1/employers/{id}", tag = "employers", params(("id" = String, Path)),
    responses((status = 200, body = EmployerDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    ApiId(id): ApiId<EmployerId>,
) -> Result<Json<EmployerDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let e = employers::visible_employer(&state.app, &caller.principal, id).await?;
    Ok(Json(EmployerDto::new(e, &base_url(&state, &headers))))
}

/// Replaces an employer's fields and contact people.
#[utoipa::path(put, path = "/api/v1/employers/{id}", tag = "employers", params(("id" = String, Path)),
    request_body = EmployerInputDto,
    responses((status = 200, body = EmployerDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    ApiId(id): ApiId<EmployerId>,
    ApiJson(body): ApiJson<EmployerInputDto>,
) -> Result<Json<EmployerDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let e = employers::update_employer(&state.app, &caller, id, &body.raw()).await?;
    Ok(Json(EmployerDto::new(e, &base_url(&state, &headers))))
}

/// The participants linked to an employer, active links first (the read is audited).
#[utoipa::path(get, path = "/api/v1/employers/{id}/employees", tag = "employers", params(("id" = String, Path)),
    responses((status = 200, body = Vec<EmploymentDto>), (status = 404, body = Problem)))]
pub async fn employees(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<EmployerId>,
) -> Result<Json<Vec<EmploymentDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let links = employers::employees(&state.app, &caller, id).await?;
    Ok(Json(links.into_iter().map(Into::into).collect()))
}

/// Links a participant to the employer. Needs the participant's active consent
/// `employer_contact` (422 `consent_required` without it); 409 when already linked.
#[utoipa::path(post, path = "/api/v1/employers/{id}/employees", tag = "employers", params(("id" = String, Path)),
    request_body = NewEmploymentDto,
    responses((status = 201, body = EmploymentDto), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn link(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<EmployerId>,
    ApiJson(body): ApiJson<NewEmploymentDto>,
) -> Result<(StatusCode, Json<EmploymentDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let since = optional_date("since", body.since.as_deref())?;
    let l = employers::link_employee(&state.app, &caller, id, body.participant_id.trim(), since)
        .await?;
    Ok((StatusCode::CREATED, Json(l.into())))
}

/// Ends a link of a participant to an employer; the employer no longer sees the person.
#[utoipa::path(post, path = "/api/v1/employments/{id}/end", tag = "employers", params(("id" = String, Path)),
    request_body = EndEmploymentDto,
    responses((status = 200, body = EmploymentDto), (status = 404, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn end(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<EmploymentId>,
    ApiJson(body): ApiJson<EndEmploymentDto>,
) -> Result<Json<EmploymentDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let on = optional_date("ended_on", body.ended_on.as_deref())?;
    let l = employers::end_employment(&state.app, &caller, id, on).await?;
    Ok(Json(l.into()))
}
