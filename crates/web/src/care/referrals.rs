//! (filled in by its capability)

use axum::routing::MethodRouter;
use utoipa::OpenApi;

use crate::AppState;
use crate::routes::RouteSpec;

pub fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    Vec::new()
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi()]
pub struct Doc;
