//! User accounts. Coordinators see their provider's accounts; admins see and manage all.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_domain::{Email, ProviderId, Role, UserId};
use lernweg_store::{AuditAction, NewUser, User, UserPatch};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::providers::path_id;
use super::{ApiJson, caller};
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};

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
#[utoipa::path(get, path = "/api/v1/users", tag = "users",
    responses((status = 200, body = [UserDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
) -> Result<Json<Vec<UserDto>>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let users = state.store.users(principal.provider_scope()).await?;
    Ok(Json(users.iter().map(UserDto::from).collect()))
}

/// Creates an account (admins).
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = NewUserDto,
    responses((status = 201, body = UserDto), (status = 400, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<NewUserDto>,
) -> Result<(StatusCode, Json<UserDto>), ApiError> {
    let (_, actor) = caller(&ctx)?;
    let mut errors: Vec<FieldError> = Vec::new();
    let email = Email::parse(&body.email)
        .map_err(|e| errors.push(e.into()))
        .ok();
    let role = Role::parse(&body.role)
        .map_err(|e| errors.push(e.into()))
        .ok();
    let provider_id = body
        .provider_id
        .as_deref()
        .map(ProviderId::parse)
        .transpose()
        .map_err(|e| errors.push(e.into()))
        .ok()
        .flatten();
    if let Err(e) = lernweg_store::parse_display_name(&body.display_name) {
        errors.push(e.into());
    }
    if let Err(e) = lernweg_domain::check_password_policy(&body.password) {
        errors.push(e.into());
    }
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let new = NewUser {
        email,
        display_name: body.display_name,
        role,
        provider_id,
        password: Some(body.password),
    };
    let user = match state.store.create_user(&actor, new).await {
        Err(lernweg_store::StoreError::NotFound) => {
            return Err(ApiError::Validation(vec![FieldError {
                field: "provider_id".into(),
                code: "unknown_provider".into(),
                message: "no provider with this id".into(),
            }]));
        }
        other => other?,
    };
    Ok((StatusCode::CREATED, Json(UserDto::from(&user))))
}

/// One account (404 for another provider's account). Viewing is logged.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", params(("id" = String, Path)),
    responses((status = 200, body = UserDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<UserDto>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let id = path_id(&id, UserId::parse)?;
    let user = state.store.user(id).await?;
    if !visible(&principal, &user) {
        return Err(ApiError::NotFound);
    }
    state
        .store
        .audit(&actor.entry(user.provider_id, AuditAction::View, "user", user.id, "api"))
        .await?;
    Ok(Json(UserDto::from(&user)))
}

fn visible(principal: &lernweg_domain::Principal, user: &User) -> bool {
    match user.provider_id {
        Some(p) => principal.can_access_provider(p),
        None => principal.role == Role::Admin,
    }
}

/// Changes an account (admins).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", params(("id" = String, Path)), request_body = UserPatchDto,
    responses((status = 200, body = UserDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UserPatchDto>,
) -> Result<Json<UserDto>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let id = path_id(&id, UserId::parse)?;
    let current = state.store.user(id).await?;
    if !visible(&principal, &current) {
        return Err(ApiError::NotFound);
    }
    let mut errors: Vec<FieldError> = Vec::new();
    let role = body
        .role
        .as_deref()
        .map(Role::parse)
        .transpose()
        .map_err(|e| errors.push(e.into()))
        .ok()
        .flatten();
    if let Some(n) = &body.display_name
        && let Err(e) = lernweg_store::parse_display_name(n)
    {
        errors.push(e.into());
    }
    if let Some(pw) = &body.password
        && let Err(e) = lernweg_domain::check_password_policy(pw)
    {
        errors.push(e.into());
    }
    if principal.user_id == id
        && (body.active == Some(false) || role.is_some_and(|r| r != Role::Admin))
    {
        errors.push(FieldError {
            field: "role".into(),
            code: "self_lockout".into(),
            message: "you cannot lock yourself out".into(),
        });
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let patch = UserPatch {
        display_name: body.display_name,
        role,
        active: body.active,
        password: body.password,
    };
    let user = state.store.update_user(&actor, id, patch).await?;
    Ok(Json(UserDto::from(&user)))
}
