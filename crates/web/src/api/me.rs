//! The caller's own account.

use axum::{Extension, Json};

use super::users::UserDto;
use crate::context::Ctx;
use crate::error::ApiError;

/// Who am I?
#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses((status = 200, body = UserDto), (status = 401, body = crate::error::Problem)))]
pub async fn me(Extension(ctx): Extension<Ctx>) -> Result<Json<UserDto>, ApiError> {
    let user = ctx.user.as_ref().ok_or(ApiError::Unauthorized)?;
    Ok(Json(UserDto::from(user)))
}
