//! Login-free API routes.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;

#[derive(Serialize, ToSchema)]
pub struct Status {
    /// Always `lernweg`.
    pub service: &'static str,
    pub version: &'static str,
    /// Whether the database answers.
    pub database: bool,
}

/// Service status, without login.
#[utoipa::path(get, path = "/api/v1/public/status", tag = "public", security(()),
    responses((status = 200, body = Status)))]
pub async fn status(State(state): State<AppState>) -> Json<Status> {
    Json(Status {
        service: "lernweg",
        version: env!("CARGO_PKG_VERSION"),
        database: state.store.ping(std::time::Duration::from_secs(2)).await,
    })
}
