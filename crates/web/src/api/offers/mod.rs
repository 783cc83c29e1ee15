//! Offers over the API: list, create, read, change (partial), success factors. Every offer
//! carries its computed classification with German reasons.

mod dto;

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{OfferId, ProviderId, State as FedState};
use lernweg_offers::OfferDraft;
use lernweg_store::{Cohort, OfferRecord};
use serde_json::{Map, Value};
use utoipa::OpenApi;

pub use self::dto::*;
use super::providers::path_id;
use super::{ApiJson, caller};
use utoipa_axum::routes;

use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::i18n::Lang;
use crate::pages::offers::analysis::{Analysis, analyse, reason_text};
use crate::pages::offers::convert::draft_value;
use crate::routes::{Route, documented, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        documented(STAFF, routes!(list)),
        documented(MANAGERS, routes!(create)),
        documented(STAFF, routes!(show)),
        documented(MANAGERS, routes!(update)),
        documented(STAFF, routes!(success_factors)),
    ]
}

/// This area's part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    OfferDto,
    OfferFields,
    ClassificationDto,
    TimeModelDto,
    SlotDto,
    SpanDto,
    ModuleDto,
    ExamDto,
    ExchangeDto,
    LocationDto,
    NewOfferDoc,
    OfferPatchDoc,
    SuccessFactorDto
)))]
pub struct Doc;

/// The language of sentences in API answers.
const API_LANG: Lang = Lang::De;

/// The offer as JSON with its classification.
fn offer_dto(record: &OfferRecord, analysis: &Analysis) -> Result<OfferDto, ApiError> {
    let fields: OfferFields = serde_json::from_value(Value::Object(draft_value(&record.offer)))
        .map_err(|e| {
            tracing::error!(error = %e, "offer does not fit its DTO");
            ApiError::Internal
        })?;
    Ok(OfferDto {
        id: record.id.to_string(),
        provider_id: record.provider_id.to_string(),
        published: record.published,
        published_at: record.published_at.map(|t| t.to_rfc3339()),
        slug: record.offer.slug.clone(),
        fields,
        classification: ClassificationDto {
            class: analysis.classification.class.code().to_owned(),
            reasons: analysis
                .classification
                .reasons
                .iter()
                .map(|r| reason_text(API_LANG, r))
                .collect(),
        },
        created_at: record.created_at.to_rfc3339(),
        updated_at: record.updated_at.to_rfc3339(),
    })
}

/// Analyses one offer with its cohorts and its provider's state.
async fn analysis_of(state: &AppState, record: &OfferRecord) -> Result<Analysis, ApiError> {
    let provider = state.store.provider(record.provider_id).await?;
    let cohorts = state.store.cohorts(None, Some(record.id)).await?;
    Ok(analyse(record, &cohorts, provider.state, state.app.today()))
}

/// An offer the caller may see (404 for another provider's).
async fn visible_offer(
    state: &AppState,
    ctx: &Extension<Ctx>,
    raw_id: &str,
) -> Result<OfferRecord, ApiError> {
    let (principal, _) = caller(ctx)?;
    let id = path_id(raw_id, OfferId::parse)?;
    let record = state.store.offer(id).await?;
    if !principal.can_access_provider(record.provider_id) {
        return Err(ApiError::NotFound);
    }
    Ok(record)
}

fn api_error(field: &str, code: &str, key: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
        message: API_LANG.t(key),
    }
}

/// The draft's validation errors as API field errors with German messages.
fn draft_errors(list: &[lernweg_offers::FieldError]) -> Vec<FieldError> {
    list.iter().map(|e| FieldError::of(API_LANG, e)).collect()
}

fn parse_draft(map: Map<String, Value>) -> Result<OfferDraft, ApiError> {
    serde_json::from_value(Value::Object(map))
        .map_err(|e| ApiError::BadRequest(format!("JSON does not match the schema: {e}")))
}

fn object(body: Value) -> Result<Map<String, Value>, ApiError> {
    match body {
        Value::Object(m) => Ok(m),
        _ => Err(ApiError::BadRequest("expected a JSON object".to_owned())),
    }
}

/// Offers of the caller's provider (admins: all).
#[utoipa::path(get, path = "/api/v1/offers", tag = "offers",
    responses((status = 200, body = [OfferDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
) -> Result<Json<Vec<OfferDto>>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let scope = principal.provider_scope();
    let offers = state.store.offers(scope).await?;
    let cohorts: Vec<Cohort> = state.store.cohorts(scope, None).await?;
    let states: HashMap<ProviderId, FedState> = state
        .store
        .providers(scope)
        .await?
        .into_iter()
        .map(|p| (p.id, p.state))
        .collect();
    let today = state.app.today();
    offers
        .iter()
        .map(|o| {
            let s = states.get(&o.provider_id).copied().unwrap_or(FedState::NW);
            offer_dto(o, &analyse(o, &cohorts, s, today))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Json)
}

/// Creates an offer. Coordinators create for their own provider; admins name `provider_id`.
#[utoipa::path(post, path = "/api/v1/offers", tag = "offers", request_body = NewOfferDoc,
    responses((status = 201, body = OfferDto), (status = 400, body = Problem),
        (status = 403, body = Problem), (status = 422, description = "Invalid fields: `field` is the draft's field path (e.g. `modules.0.hours`), `code` the rule, `message` a German sentence", body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<OfferDto>), ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let mut map = object(body)?;
    let given = map
        .remove("provider_id")
        .filter(|v| !v.is_null())
        .map(|v| v.as_str().map(str::to_owned).unwrap_or_default());
    let mut errors = Vec::new();
    let provider = match (principal.provider_id, given) {
        (Some(own), None) => Some(own),
        (Some(own), Some(g)) if g == own.to_string() => Some(own),
        (Some(_), Some(_)) => {
            errors.push(api_error(
                "provider_id",
                "not_allowed",
                "offers-api-provider_id-not_allowed",
            ));
            None
        }
        (None, None) => {
            errors.push(api_error(
                "provider_id",
                "required",
                "offers-api-provider_id-required",
            ));
            None
        }
        (None, Some(g)) => match ProviderId::parse(&g) {
            Ok(p) if state.store.provider(p).await.is_ok() => Some(p),
            _ => {
                errors.push(api_error(
                    "provider_id",
                    "unknown",
                    "offers-api-provider_id-unknown",
                ));
                None
            }
        },
    };
    let draft = parse_draft(map)?;
    let offer = draft
        .validate()
        .map_err(|list| errors.extend(draft_errors(&list)))
        .ok();
    let (Some(provider), Some(offer), true) = (provider, offer, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let record = state.store.create_offer(&actor, provider, offer).await?;
    let analysis = analysis_of(&state, &record).await?;
    Ok((StatusCode::CREATED, Json(offer_dto(&record, &analysis)?)))
}

/// One offer (404 for another provider's).
#[utoipa::path(get, path = "/api/v1/offers/{id}", tag = "offers", params(("id" = String, Path)),
    responses((status = 200, body = OfferDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<OfferDto>, ApiError> {
    let record = visible_offer(&state, &ctx, &id).await?;
    let analysis = analysis_of(&state, &record).await?;
    Ok(Json(offer_dto(&record, &analysis)?))
}

/// Keys of an offer's JSON that cannot be changed; ignored in `PATCH`.
const READ_ONLY: [&str; 7] = [
    "id",
    "provider_id",
    "slug",
    "classification",
    "published_at",
    "created_at",
    "updated_at",
];

/// Changes an offer: the given keys replace the stored values (`null` clears one), the
/// result is validated again as a whole; `published` shows or hides it in the catalogue.
#[utoipa::path(patch, path = "/api/v1/offers/{id}", tag = "offers", params(("id" = String, Path)), request_body = OfferPatchDoc,
    responses((status = 200, body = OfferDto), (status = 400, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<OfferDto>, ApiError> {
    let (_, actor) = caller(&ctx)?;
    let mut record = visible_offer(&state, &ctx, &id).await?;
    let mut patch = object(body)?;
    let mut errors = Vec::new();
    let published = match patch.remove("published") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(b),
        Some(_) => {
            errors.push(api_error(
                "published",
                "invalid",
                "offers-api-published-invalid",
            ));
            None
        }
    };
    for key in READ_ONLY {
        patch.remove(key);
    }
    let mut offer = None;
    if !patch.is_empty() {
        let mut merged = draft_value(&record.offer);
        for (k, v) in patch {
            if v.is_null() {
                merged.remove(&k);
            } else {
                merged.insert(k, v);
            }
        }
        match parse_draft(merged)?.validate() {
            Ok(o) => offer = Some(o),
            Err(list) => errors.extend(draft_errors(&list)),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if let Some(o) = offer {
        record = state.store.update_offer(&actor, record.id, o).await?;
    }
    if let Some(p) = published
        && p != record.published
    {
        record = state
            .store
            .set_offer_published(&actor, record.id, p)
            .await?;
    }
    let analysis = analysis_of(&state, &record).await?;
    Ok(Json(offer_dto(&record, &analysis)?))
}

/// The success factors of an offer (MISSION.md §1, §2.1–§2.3), planned from its first
/// cohort's start or, without a cohort, from the Monday after today.
#[utoipa::path(get, path = "/api/v1/offers/{id}/success-factors", tag = "offers", params(("id" = String, Path)),
    responses((status = 200, body = [SuccessFactorDto]), (status = 404, body = Problem)))]
pub async fn success_factors(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<Vec<SuccessFactorDto>>, ApiError> {
    let record = visible_offer(&state, &ctx, &id).await?;
    let analysis = analysis_of(&state, &record).await?;
    Ok(Json(
        analysis
            .factors
            .iter()
            .map(|f| SuccessFactorDto {
                factor: f.factor.to_owned(),
                status: f.status.code().to_owned(),
                explanation: reason_text(API_LANG, &f.explanation),
                section: f.section.to_owned(),
            })
            .collect(),
    ))
}
