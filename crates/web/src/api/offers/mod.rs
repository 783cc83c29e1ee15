//! Offers over the API: list, create, read, change (partial), success factors. Every offer
//! carries its computed classification with English reasons.

mod dto;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::Caller;
use lernweg_app::offers::{Analysis, OfferChange, OfferQuery, ProviderProblem, SaveError};
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{Cursor, OfferId, ParseError, Search};
use lernweg_offers::OfferDraft;
use lernweg_store::OfferRecord;
use serde::Deserialize;
use serde_json::{Map, Value};
use utoipa::{IntoParams, OpenApi};

pub use self::dto::*;
use super::{ApiJson, caller};
use utoipa_axum::routes;

use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::ApiId;
use crate::i18n::Lang;
use crate::offers_view::analysis::reason_text;
use crate::offers_view::convert::draft_value;
use crate::paging::{CursorParams, Items};
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

/// The language of sentences in API answers and errors: English, like every API message
/// (the pages speak the visitor's language).
const API_LANG: Lang = Lang::En;

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

use super::api_caller;

/// The offer with its analysis, as JSON (after a write: read again with today's analysis).
async fn analysed(
    state: &AppState,
    caller: &Caller,
    record: &OfferRecord,
) -> Result<OfferDto, ApiError> {
    let view = lernweg_app::offers::offer_view(&state.app, &caller.principal, record.id).await?;
    offer_dto(&view.record, &view.analysis)
}

fn api_error(field: &str, code: &str, key: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
        message: API_LANG.t(key),
    }
}

/// The draft's validation errors as API field errors with English messages.
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

/// A refused save as a 422 problem (the provider's problem first), or the other error.
fn save_error(e: SaveError) -> ApiError {
    match e {
        SaveError::Invalid { provider, fields } => {
            let mut errors: Vec<FieldError> = provider.map(provider_error).into_iter().collect();
            errors.extend(draft_errors(&fields));
            ApiError::Validation(errors)
        }
        SaveError::Other(e) => e.into(),
    }
}

fn provider_error(p: ProviderProblem) -> FieldError {
    let code = p.code();
    api_error(
        "provider_id",
        code,
        &format!("offers-api-provider_id-{code}"),
    )
}

/// The filters of the offer list.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct OfferListQuery {
    /// Only offers whose title contains this text (case-insensitive).
    pub q: Option<String>,
    /// `published` or `draft`.
    pub status: Option<String>,
}

impl OfferListQuery {
    fn parse(&self) -> Result<OfferQuery, ApiError> {
        let published = match self.status.as_deref().map(str::trim) {
            None | Some("") => None,
            Some("published") => Some(true),
            Some("draft") => Some(false),
            Some(other) => {
                return Err(ParseError::new(
                    "status",
                    "invalid_status",
                    format!("status must be published or draft, not {other:?}"),
                )
                .into());
            }
        };
        Ok(OfferQuery {
            published,
            search: Search::parse(self.q.as_deref().unwrap_or(""))?,
        })
    }
}

/// Offers of the caller's provider (admins: all), by title, `limit` at a time.
#[utoipa::path(get, path = "/api/v1/offers", operation_id = "list_offers", tag = "offers",
    params(CursorParams, OfferListQuery),
    responses((status = 200, body = Items<OfferDto>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<OfferListQuery>,
) -> Result<Json<Items<OfferDto>>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let query = q.parse()?;
    let views = lernweg_app::offers::offer_views_after(
        &state.app,
        &principal,
        &query,
        cursor.as_ref(),
        limit,
    )
    .await?;
    let items = views
        .items
        .iter()
        .map(|v| offer_dto(&v.record, &v.analysis))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(Items {
        items,
        next_cursor: views.next.as_ref().map(Cursor::encode),
    }))
}

/// Creates an offer. Coordinators create for their own provider; admins name `provider_id`.
#[utoipa::path(post, path = "/api/v1/offers", operation_id = "create_offer", tag = "offers", request_body = NewOfferDoc,
    responses((status = 201, body = OfferDto), (status = 400, body = Problem),
        (status = 403, body = Problem), (status = 422, description = "Invalid fields: `field` is the draft's field path (e.g. `modules.0.hours`), `code` the rule, `message` an English sentence", body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<OfferDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let mut map = object(body)?;
    let given = map
        .remove("provider_id")
        .filter(|v| !v.is_null())
        .map(|v| v.as_str().map(str::to_owned).unwrap_or_default());
    // `null` is "not given", as in `PATCH` (the schema documents the optional keys as
    // nullable, e.g. `location: null` for an online offer).
    map.retain(|_, v| !v.is_null());
    let draft = parse_draft(map)?;
    let record = lernweg_app::offers::create(&state.app, &caller, given.as_deref(), &draft)
        .await
        .map_err(save_error)?;
    let dto = analysed(&state, &caller, &record).await?;
    Ok((StatusCode::CREATED, Json(dto)))
}

/// One offer (404 for another provider's).
#[utoipa::path(get, path = "/api/v1/offers/{id}", operation_id = "show_offer", tag = "offers", params(("id" = String, Path)),
    responses((status = 200, body = OfferDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<OfferId>,
) -> Result<Json<OfferDto>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let view = lernweg_app::offers::offer_view(&state.app, &principal, id).await?;
    Ok(Json(offer_dto(&view.record, &view.analysis)?))
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
#[utoipa::path(patch, path = "/api/v1/offers/{id}", operation_id = "update_offer", tag = "offers", params(("id" = String, Path)), request_body = OfferPatchDoc,
    responses((status = 200, body = OfferDto), (status = 400, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<OfferId>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<OfferDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let record = lernweg_app::offers::offer(&state.app, &caller.principal, id).await?;
    let mut patch = object(body)?;
    let published = match patch.remove("published") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(_) => Err(api_error(
            "published",
            "invalid",
            "offers-api-published-invalid",
        )),
    };
    for key in READ_ONLY {
        patch.remove(key);
    }
    let draft = if patch.is_empty() {
        None
    } else {
        let mut merged = draft_value(&record.offer);
        for (k, v) in patch {
            if v.is_null() {
                merged.remove(&k);
            } else {
                merged.insert(k, v);
            }
        }
        Some(parse_draft(merged)?)
    };
    let published = match published {
        Ok(p) => p,
        Err(invalid) => {
            // Report the draft's problems too, and change nothing.
            let mut errors = vec![invalid];
            if let Some(Err(list)) = draft.as_ref().map(OfferDraft::validate) {
                errors.extend(draft_errors(&list));
            }
            return Err(ApiError::Validation(errors));
        }
    };
    let change = OfferChange { draft, published };
    let record = lernweg_app::offers::update(&state.app, &caller, record.id, change)
        .await
        .map_err(save_error)?;
    Ok(Json(analysed(&state, &caller, &record).await?))
}

/// The success factors of an offer (MISSION.md §1, §2.1–§2.3), planned from its first
/// cohort's start or, without a cohort, from the Monday after today.
#[utoipa::path(get, path = "/api/v1/offers/{id}/success-factors", tag = "offers", params(("id" = String, Path)),
    responses((status = 200, body = [SuccessFactorDto]), (status = 404, body = Problem)))]
pub async fn success_factors(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<OfferId>,
) -> Result<Json<Vec<SuccessFactorDto>>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let view = lernweg_app::offers::offer_view(&state.app, &principal, id).await?;
    Ok(Json(
        view.analysis
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
