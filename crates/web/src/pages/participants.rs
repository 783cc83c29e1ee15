//! Participant pages for staff (filled in by the participants capability).

use axum::routing::MethodRouter;

use crate::AppState;
use crate::routes::RouteSpec;

pub fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    Vec::new()
}
