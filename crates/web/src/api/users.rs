//! User accounts. Coordinators see their provider's accounts; admins see and manage all.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::admin::{self, AccountPatch, NewAccount};
use lernweg_domain::UserId;
use lernweg_store::User;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiJson;
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::ApiId;

#[derive(Serialize, ToSchema)]
pub struct UserDto {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// admin | coordinator | counsellor | trainer | participant | employer | mentor
    pub role: String,
    pub provider_id: Option<String>,
    pub active: bool,
    pub created_at: String,
}

impl From<&User> for UserDto {
    fn from(u: &User) -> Self {
        UserDto {
            id: u.id.to_string(),
            email: u.email.to_string(),
            display_name: u.display_name.clone(),
            role: u.role.as_str().to_owned(),
            provider_id: u.provider_id.map(|p| p.to_string()),
            active: u.active,
            created_at: u.created_at.to_rfc3339(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewUserDto {
    pub email: String,
    pub display_name: String,
    pub role: String,
    /// Required for every role but admin.
    pub provider_id: Option<String>,
    /// At least 10 characters.
    pub password: String,
}

#[derive(Deserialize, ToSchema)]
pub struct UserPatchDto {
    pub display_name: Option<String>,
    pub role: Option<String>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

/// Accounts the caller may see.
#[utoipa::path(get, path = "/api/v1/users", operation_id = "list_users", tag = "users",
    responses((status = 200, body = [UserDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Json<Vec<UserDto>>, ApiError> {
    let who = ctx.principal().ok_or(ApiError::Unauthorized)?;
    let users = admin::users(&state.app, &who).await?;
    Ok(Json(users.iter().map(UserDto::from).collect()))
}

/// Creates an account (admins).
#[utoipa::path(post, path = "/api/v1/users", operation_id = "create_user", tag = "users", request_body = NewUserDto,
    responses((status = 201, body = UserDto), (status = 400, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiJson(body): ApiJson<NewUserDto>,
) -> Result<(StatusCode, Json<UserDto>), ApiError> {
    let caller = ctx.caller().ok_or(ApiError::Unauthorized)?;
    let new = NewAccount {
        email: body.email,
        display_name: body.display_name,
        role: body.role,
        provider: body.provider_id,
        password: body.password,
    };
    let user = admin::create_user(&state.app, &caller, new).await?;
    Ok((StatusCode::CREATED, Json(UserDto::from(&user))))
}

/// One account (404 for another provider's account). Viewing is logged.
#[utoipa::path(get, path = "/api/v1/users/{id}", operation_id = "show_user", tag = "users", params(("id" = String, Path)),
    responses((status = 200, body = UserDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<UserId>,
) -> Result<Json<UserDto>, ApiError> {
    let caller = ctx.caller().ok_or(ApiError::Unauthorized)?;
    let user = admin::view_user(&state.app, &caller, id, "api").await?;
    Ok(Json(UserDto::from(&user)))
}

/// Changes an account (admins).
#[utoipa::path(patch, path = "/api/v1/users/{id}", operation_id = "update_user", tag = "users", params(("id" = String, Path)), request_body = UserPatchDto,
    responses((status = 200, body = UserDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    ApiId(id): ApiId<UserId>,
    ApiJson(body): ApiJson<UserPatchDto>,
) -> Result<Json<UserDto>, ApiError> {
    let caller = ctx.caller().ok_or(ApiError::Unauthorized)?;
    let patch = AccountPatch {
        display_name: body.display_name,
        role: body.role,
        active: body.active,
        password: body.password,
    };
    let user = admin::update_user(&state.app, &caller, id, patch).await?;
    Ok(Json(UserDto::from(&user)))
}
