//! The JSON API under `/api/v1`, described by an OpenAPI 3.1 document.
//!
//! DTOs here are the serializable counterparts of domain and store types; inner types stay
//! free of HTTP concerns.

pub mod audit;
pub mod cohorts;
pub mod doc;
pub mod exports;
mod input_schema;
pub mod me;
pub mod offers;
pub mod participants;
pub mod providers;
pub mod public;
pub mod sessions;
pub mod tokens;
pub mod users;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lernweg_domain::Principal;
use lernweg_store::Actor;
use serde::de::DeserializeOwned;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(title = "Lernweg API", description = "Plan and run part-time qualification offers. Authenticate with a personal token: `Authorization: Bearer lw_…`. Routes under /api/v1/public/ need no token. Errors are RFC 9457 problem documents."),
    components(schemas(Problem, FieldError)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut http = Http::new(HttpAuthScheme::Bearer);
        http.bearer_format = Some("lw_ personal token".to_owned());
        components.add_security_scheme("bearer", SecurityScheme::Http(http));
    }
}

/// The whole OpenAPI document: the core routes plus each area's own part.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(offers::Doc::openapi());
    doc.merge(cohorts::Doc::openapi());
    doc.merge(sessions::Doc::openapi());
    doc.merge(exports::Doc::openapi());
    doc.merge(crate::public_catalogue::Doc::openapi());
    doc.merge(participants::Doc::openapi());
    doc.merge(crate::care::loans::Doc::openapi());
    doc.merge(crate::care::referrals::Doc::openapi());
    doc.merge(crate::employers::Doc::openapi());
    doc.merge(crate::mentoring::Doc::openapi());
    doc.merge(crate::language::Doc::openapi());
    doc.merge(crate::monitoring::Doc::openapi());
    doc.merge(crate::release::Doc::openapi());
    doc.merge(crate::planning::Doc::openapi());
    doc.merge(crate::warnings::Doc::openapi());
    doc.merge(crate::individual::Doc::openapi());
    doc.merge(crate::outbox::Doc::openapi());
    doc.merge(crate::attendance::Doc::openapi());
    doc.merge(crate::imports::Doc::openapi());
    doc.merge(crate::work::Doc::openapi());
    doc
}

/// The OpenAPI document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta", security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document of this API")))]
pub async fn openapi_json() -> Response {
    Json(crate::routes::openapi()).into_response()
}

/// A JSON body whose rejection is a problem document (400), not axum's plain text.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::TooLarge)
            }
            Err(rejection) => Err(ApiError::BadRequest(describe(&rejection))),
        }
    }
}

fn describe(r: &JsonRejection) -> String {
    match r {
        JsonRejection::MissingJsonContentType(_) => {
            "expected `Content-Type: application/json`".to_owned()
        }
        JsonRejection::JsonSyntaxError(e) => format!("malformed JSON: {}", e.body_text()),
        JsonRejection::JsonDataError(e) => {
            format!("JSON does not match the schema: {}", e.body_text())
        }
        other => other.body_text(),
    }
}

/// The caller of an API route (the access check has already run).
pub fn caller(ctx: &Ctx) -> Result<(Principal, Actor), ApiError> {
    let user = ctx.user.as_ref().ok_or(ApiError::Unauthorized)?;
    let principal = ctx.principal().ok_or(ApiError::Unauthorized)?;
    Ok((principal, Actor::user(user.id, user.email.to_string())))
}

/// The use-case caller behind an API request: the principal and the token's user for the
/// audit log.
pub(crate) fn api_caller(ctx: &Ctx) -> Result<lernweg_app::Caller, ApiError> {
    let (principal, actor) = caller(ctx)?;
    Ok(lernweg_app::Caller::new(principal, actor))
}

/// A `YYYY-MM-DD` date of a request field; anything else is a 422 naming the field.
pub(crate) fn date(field: &'static str, raw: &str) -> Result<chrono::NaiveDate, ApiError> {
    chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::field(lernweg_domain::ParseError::new(
            field,
            "invalid_date",
            "expected a date as YYYY-MM-DD, e.g. 2026-09-01",
        ))
    })
}

/// An optional date of a request field; absent or blank: `None` (the use-case takes today).
pub(crate) fn optional_date(
    field: &'static str,
    raw: Option<&str>,
) -> Result<Option<chrono::NaiveDate>, ApiError> {
    raw.filter(|s| !s.trim().is_empty())
        .map(|s| date(field, s))
        .transpose()
}
