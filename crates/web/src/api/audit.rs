//! The audit log (admins).

use axum::extract::{Query, State};
use axum::{Extension, Json};
use lernweg_app::admin;
use lernweg_domain::ProviderId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};

#[derive(Serialize, ToSchema)]
pub struct AuditEntryDto {
    pub id: String,
    pub at: String,
    pub actor_id: Option<String>,
    pub actor_email: Option<String>,
    pub provider_id: Option<String>,
    /// create | update | delete | view | login | login_failed | logout
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only entries of this provider.
    pub provider_id: Option<String>,
    /// At most this many entries (1–1000, default 200).
    pub limit: Option<i64>,
}

/// Audit entries, newest first.
#[utoipa::path(get, path = "/api/v1/audit", operation_id = "list_audit_entries", tag = "audit", params(AuditQuery),
    responses((status = 200, body = [AuditEntryDto]), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<AuditQuery>,
) -> Result<Json<Vec<AuditEntryDto>>, ApiError> {
    let caller = ctx.caller().ok_or(ApiError::Unauthorized)?;
    let provider = q
        .provider_id
        .as_deref()
        .map(ProviderId::parse)
        .transpose()?;
    let entries = admin::audit_log(&state.app, &caller, provider, q.limit.unwrap_or(200)).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AuditEntryDto {
                id: e.id,
                at: e.at.to_rfc3339(),
                actor_id: e.actor_id,
                actor_email: e.actor_email,
                provider_id: e.provider_id,
                action: e.action,
                entity: e.entity,
                entity_id: e.entity_id,
                detail: e.detail,
            })
            .collect(),
    ))
}
