//! Providers (Träger). Staff see their own provider; admins see and manage all.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::admin;
use lernweg_domain::{ProviderDetailsInput, ProviderId};
use lernweg_store::Provider;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiJson;
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::ApiId;

#[derive(Serialize, ToSchema)]
pub struct ProviderDto {
    pub id: String,
    pub name: String,
    /// ISO 3166-2:DE code without prefix, e.g. `NW`.
    pub state: String,
    /// The provider number at KURSNET (empty: not set).
    pub kursnet_supplier_id: String,
    pub street: String,
    pub zip: String,
    pub city: String,
    pub phone: String,
    pub email: String,
    /// The provider's own website (empty: not set).
    pub website: String,
    /// The minimum lead, in whole weeks, with which the provider publishes dates; dates
    /// published with less are flagged on the cohort page (default 26; the goal is 52).
    pub min_publication_weeks: u32,
    pub created_at: String,
    pub updated_at: String,
}

impl From<Provider> for ProviderDto {
    fn from(p: Provider) -> Self {
        ProviderDto {
            id: p.id.to_string(),
            name: p.name.to_string(),
            state: p.state.code().to_owned(),
            kursnet_supplier_id: p.details.kursnet_supplier_id,
            street: p.details.street,
            zip: p.details.zip,
            city: p.details.city,
            phone: p.details.phone,
            email: p.details.email,
            website: p.details.website,
            min_publication_weeks: p.details.min_publication_weeks,
            created_at: p.created_at.to_rfc3339(),
            updated_at: p.updated_at.to_rfc3339(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewProviderDto {
    pub name: String,
    pub state: String,
}

/// Fields left out stay unchanged; an empty text clears a KURSNET detail.
#[derive(Deserialize, ToSchema)]
pub struct ProviderPatchDto {
    pub name: Option<String>,
    pub state: Option<String>,
    /// Digits only, e.g. `245884`.
    pub kursnet_supplier_id: Option<String>,
    pub street: Option<String>,
    /// Five digits.
    pub zip: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// `https://…`; empty clears it.
    pub website: Option<String>,
    /// Whole weeks, 1 to 104.
    pub min_publication_weeks: Option<i64>,
}

/// Parses the id of a path; a malformed id is as unknown as a missing record.
pub fn path_id<T>(
    raw: &str,
    parse: fn(&str) -> Result<T, lernweg_domain::ParseError>,
) -> Result<T, ApiError> {
    parse(raw).map_err(|_| ApiError::NotFound)
}

/// Providers the caller may see.
#[utoipa::path(get, path = "/api/v1/providers", operation_id = "list_providers", tag = "providers",
    responses((status = 200, body = [ProviderDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Json<Vec<ProviderDto>>, ApiError> {
    let providers =
        admin::providers(&state.app, &ctx.principal().ok_or(ApiError::Unauthorized)?).await?;
    Ok(Json(providers.into_iter().map(ProviderDto::from).collect()))
}

/// Creates a provider (admins).
#[utoipa::path(post, path = "/api/v1/providers", operation_id = "create_provider", tag = "providers", request_body = NewProviderDto,
    responses((status = 201, body = ProviderDto), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiJson(body): ApiJson<NewProviderDto>,
) -> Result<(StatusCode, Json<ProviderDto>), ApiError> {
    let p = admin::create_provider(
        &state.app,
        &ctx.caller().ok_or(ApiError::Unauthorized)?,
        &body.name,
        &body.state,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(p.into())))
}

/// One provider (404 for another provider's record).
#[utoipa::path(get, path = "/api/v1/providers/{id}", operation_id = "show_provider", tag = "providers", params(("id" = String, Path)),
    responses((status = 200, body = ProviderDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<ProviderId>,
) -> Result<Json<ProviderDto>, ApiError> {
    let p = admin::provider(
        &state.app,
        &ctx.principal().ok_or(ApiError::Unauthorized)?,
        id,
    )
    .await?;
    Ok(Json(p.into()))
}

/// Changes name, state, KURSNET supplier number or address of a provider (admins).
#[utoipa::path(patch, path = "/api/v1/providers/{id}", operation_id = "update_provider", tag = "providers", params(("id" = String, Path)), request_body = ProviderPatchDto,
    responses((status = 200, body = ProviderDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<ProviderId>,
    ApiJson(body): ApiJson<ProviderPatchDto>,
) -> Result<Json<ProviderDto>, ApiError> {
    let change = admin::ProviderChange {
        name: body.name,
        state: body.state,
        details: ProviderDetailsInput {
            kursnet_supplier_id: body.kursnet_supplier_id,
            street: body.street,
            zip: body.zip,
            city: body.city,
            phone: body.phone,
            email: body.email,
            website: body.website,
            min_publication_weeks: body.min_publication_weeks.map(|w| w.to_string()),
        },
    };
    let p = admin::update_provider(
        &state.app,
        &ctx.caller().ok_or(ApiError::Unauthorized)?,
        id,
        &change,
    )
    .await?;
    Ok(Json(p.into()))
}
