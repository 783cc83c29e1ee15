//! The caller's personal API tokens.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::admin;
use lernweg_domain::TokenId;
use lernweg_store::ApiToken;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiJson;
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::ApiId;

#[derive(Serialize, ToSchema)]
pub struct TokenDto {
    pub id: String,
    pub name: String,
    /// The first characters of the token.
    pub prefix: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl From<ApiToken> for TokenDto {
    fn from(t: ApiToken) -> Self {
        TokenDto {
            id: t.id.to_string(),
            name: t.name,
            prefix: t.prefix,
            created_at: t.created_at.to_rfc3339(),
            last_used_at: t.last_used_at.map(|d| d.to_rfc3339()),
            revoked_at: t.revoked_at.map(|d| d.to_rfc3339()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct IssuedTokenDto {
    pub token: TokenDto,
    /// The secret, shown only in this response.
    pub secret: String,
}

#[derive(Deserialize, ToSchema)]
pub struct NewTokenDto {
    pub name: String,
}

/// The caller's tokens.
#[utoipa::path(get, path = "/api/v1/tokens", operation_id = "list_tokens", tag = "account", responses((status = 200, body = [TokenDto]), (status = 401, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Json<Vec<TokenDto>>, ApiError> {
    let who = ctx.principal().ok_or(ApiError::Unauthorized)?;
    let tokens = admin::tokens(&state.app, &who).await?;
    Ok(Json(tokens.into_iter().map(TokenDto::from).collect()))
}

/// Creates a token for the caller; the secret is in the response only.
#[utoipa::path(post, path = "/api/v1/tokens", operation_id = "create_token", tag = "account", request_body = NewTokenDto,
    responses((status = 201, body = IssuedTokenDto), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiJson(body): ApiJson<NewTokenDto>,
) -> Result<(StatusCode, Json<IssuedTokenDto>), ApiError> {
    let (Some(caller), Some(user)) = (ctx.caller(), ctx.user.as_ref()) else {
        return Err(ApiError::Unauthorized);
    };
    let issued = admin::create_token(&state.app, &caller, user, &body.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(IssuedTokenDto {
            token: issued.token.into(),
            secret: issued.secret,
        }),
    ))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "account", params(("id" = String, Path)),
    responses((status = 200, body = TokenDto), (status = 404, body = Problem)))]
pub async fn revoke(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<TokenId>,
) -> Result<Json<TokenDto>, ApiError> {
    let (Some(caller), Some(user)) = (ctx.caller(), ctx.user.as_ref()) else {
        return Err(ApiError::Unauthorized);
    };
    let token = admin::revoke_token(&state.app, &caller, user, id).await?;
    Ok(Json(token.into()))
}
