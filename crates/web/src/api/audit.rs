//! The audit log (admins).

use axum::extract::{Query, State};
use axum::{Extension, Json};
use lernweg_app::admin;
use lernweg_domain::{ParseError, ProviderId, Search};
use lernweg_store::{AuditAction, AuditEntity, AuditFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::given;
use crate::paging::{CursorParams, Items};

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
    /// Only entries of this action (`create`, `update`, `view`, …).
    pub action: Option<String>,
    /// Only entries about this kind of record (`participant`, `offer`, …).
    pub entity: Option<String>,
    /// Only entries whose detail or actor e-mail contains this text (case-insensitive).
    pub q: Option<String>,
}

fn unknown(field: &'static str, value: &str) -> ApiError {
    ParseError::new(field, "unknown", format!("unknown {field} {value:?}")).into()
}

impl AuditQuery {
    fn filter(&self) -> Result<AuditFilter, ApiError> {
        let action = match given(&self.action) {
            None => None,
            Some(a) => Some(
                AuditAction::ALL
                    .iter()
                    .copied()
                    .find(|x| x.as_str() == a)
                    .ok_or_else(|| unknown("action", a))?,
            ),
        };
        let entity = match given(&self.entity) {
            None => None,
            Some(e) => Some(
                AuditEntity::ALL
                    .iter()
                    .copied()
                    .find(|x| x.as_str() == e)
                    .ok_or_else(|| unknown("entity", e))?,
            ),
        };
        Ok(AuditFilter {
            provider: given(&self.provider_id)
                .map(ProviderId::parse)
                .transpose()?,
            action,
            entity,
            search: Search::parse(self.q.as_deref().unwrap_or(""))?,
        })
    }
}

/// Audit entries, newest first, `limit` at a time.
#[utoipa::path(get, path = "/api/v1/audit", operation_id = "list_audit_entries", tag = "audit", params(CursorParams, AuditQuery),
    responses((status = 200, body = Items<AuditEntryDto>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<AuditQuery>,
) -> Result<Json<Items<AuditEntryDto>>, ApiError> {
    let caller = ctx.caller().ok_or(ApiError::Unauthorized)?;
    let (limit, cursor) = page.parse()?;
    let filter = q.filter()?;
    let entries = admin::audit_after(&state.app, &caller, &filter, cursor.as_ref(), limit).await?;
    Ok(Json(Items::from_slice(entries, |e| AuditEntryDto {
        id: e.id,
        at: e.at.to_rfc3339(),
        actor_id: e.actor_id,
        actor_email: e.actor_email,
        provider_id: e.provider_id,
        action: e.action,
        entity: e.entity,
        entity_id: e.entity_id,
        detail: e.detail,
    })))
}
