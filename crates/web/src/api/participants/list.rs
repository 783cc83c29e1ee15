//! `GET /api/v1/participants`: the participants by id, a stretch at a time (`limit`,
//! `cursor`), searchable and filtered like the list page.

use axum::extract::{Query, State};
use axum::{Extension, Json};
use lernweg_app::participants::list as people;
use lernweg_app::participants::{self, FilterInput};
use lernweg_domain::ProviderId;
use serde::Deserialize;
use utoipa::IntoParams;

use super::api_caller;
use super::records::{ParticipantDto, dto_with};
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::paging::{CursorParams, Items};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Admins: only this provider's participants.
    pub provider_id: Option<String>,
    /// Found anywhere in the name, e-mail address, phone number or portal login name
    /// (case-insensitive, at most 100 characters).
    pub q: Option<String>,
    /// With an enrolment in this status (`interested`, `counselled`, `enrolled`, `active`,
    /// `paused`, `completed`, `dropped`); with `cohort_id`, in that cohort.
    pub status: Option<String>,
    /// Enrolled in this cohort.
    pub cohort_id: Option<String>,
    /// With this staff member as contact person.
    pub contact_person_id: Option<String>,
}

/// Participants of the caller's provider (admins: all, or `?provider_id=`), by id, `limit`
/// at a time; `next_cursor` gives the next. A wrong filter, `limit` or `cursor` is 422
/// naming the field.
#[utoipa::path(get, path = "/api/v1/participants", operation_id = "list_participants", tag = "participants", params(ListQuery, CursorParams),
    responses((status = 200, body = Items<ParticipantDto>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ListQuery>,
    Query(paging): Query<CursorParams>,
) -> Result<Json<Items<ParticipantDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let scope = caller.principal.provider_scope();
    let wanted = match q.provider_id.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) if scope.is_none() => Some(ProviderId::parse(raw).map_err(ApiError::field)?),
        _ => None,
    };
    let filter = people::filter(FilterInput {
        q: q.q.as_deref().unwrap_or(""),
        status: q.status.as_deref().unwrap_or(""),
        cohort: q.cohort_id.as_deref().unwrap_or(""),
        contact_person: q.contact_person_id.as_deref().unwrap_or(""),
    });
    let (filter, (limit, cursor)) = match (filter, paging.parse()) {
        (Ok(f), Ok(p)) => (f, p),
        (filter, paging) => {
            let mut errors: Vec<FieldError> = filter
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(FieldError::from)
                .collect();
            if let Err(ApiError::Validation(more)) = paging {
                errors.extend(more);
            }
            return Err(ApiError::Validation(errors));
        }
    };
    let slice = people::after(
        &state.app,
        &caller.principal,
        wanted,
        &filter,
        cursor.as_ref(),
        limit,
    )
    .await?;
    let what = format!("api: list of {}", slice.items.len());
    participants::audit_list(&state.app, &caller, scope.or(wanted), what).await?;
    let persons = people::contact_persons_of(&state.app, &slice.items).await?;
    Ok(Json(Items::from_slice(slice, |p| {
        let person = p.contact_person_id.and_then(|id| persons.get(&id).cloned());
        dto_with(p, person)
    })))
}
