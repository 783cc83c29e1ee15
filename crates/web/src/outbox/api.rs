//! `GET /api/v1/outbox`: the notices of the caller's provider, newest first.

use axum::extract::{Query, State};
use axum::{Extension, Json};
use lernweg_domain::ParseError;
use lernweg_domain::outbox::OutboxStatus;
use lernweg_store::OutboxMessage;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::api_caller;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::given;
use crate::paging::{CursorParams, Items};

#[derive(Serialize, ToSchema)]
pub struct OutboxDto {
    pub id: String,
    /// `session_moved`, `session_cancelled`, `session_added`, `draft_shared` or
    /// `warning_digest`.
    pub kind: String,
    /// The language it is written in.
    pub lang: String,
    pub to_address: String,
    pub to_name: String,
    /// The subject as it is sent.
    pub subject: String,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub attempts: u32,
    /// When the next attempt is due (pending messages).
    pub next_attempt_at: String,
    /// The last transport error, empty if none.
    pub last_error: String,
    pub created_at: String,
    pub sent_at: Option<String>,
}

impl From<OutboxMessage> for OutboxDto {
    fn from(m: OutboxMessage) -> Self {
        let (subject, _) = super::render(&m);
        OutboxDto {
            subject,
            id: m.id,
            kind: m.kind.code().to_owned(),
            lang: m.lang,
            to_address: m.to_address,
            to_name: m.to_name,
            status: m.status.code().to_owned(),
            attempts: m.attempts,
            next_attempt_at: m.next_attempt_at.to_rfc3339(),
            last_error: m.last_error,
            created_at: m.created_at.to_rfc3339(),
            sent_at: m.sent_at.map(|t| t.to_rfc3339()),
        }
    }
}

/// `?status=` of the outbox.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// `pending`, `sent` or `failed`.
    pub status: Option<String>,
}

/// Parses `?status=`.
pub fn status_of(raw: &Option<String>) -> Result<Option<OutboxStatus>, ParseError> {
    given(raw)
        .map(|s| {
            OutboxStatus::parse(s).ok_or_else(|| {
                ParseError::new(
                    "status",
                    "invalid_status",
                    "status must be pending, sent or failed",
                )
            })
        })
        .transpose()
}

/// The notices of the caller's provider (all for the admin), newest first.
#[utoipa::path(get, path = "/api/v1/outbox", operation_id = "list_outbox", tag = "outbox",
    params(CursorParams, OutboxQuery),
    responses((status = 200, body = inline(Items<OutboxDto>)), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<OutboxQuery>,
) -> Result<Json<Items<OutboxDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let status = status_of(&q.status)?;
    let list =
        lernweg_app::notices::outbox(&state.app, &caller, status, cursor.as_ref(), limit).await?;
    Ok(Json(Items::from_slice(list, OutboxDto::from)))
}
