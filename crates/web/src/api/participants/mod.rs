//! Participants over the API (MISSION §2.1, §2.3): the record with its contact person,
//! consents, contact log, readiness checks and enrolments, the GDPR export and erasure.
//!
//! Every route is for `COUNSELLING` (admin, coordinator, counsellor); a participant of another
//! provider answers 404. Every read writes a `view` audit entry without personal data.

mod care;
mod enrolments;
mod records;

use axum::routing::{MethodRouter, get, post};
use chrono::NaiveDate;
use lernweg_app::{Caller, participants};
use lernweg_domain::access::COUNSELLING;
use lernweg_domain::{ParticipantId, Principal};
use lernweg_store::{Actor, ParticipantRecord};
use utoipa::OpenApi;

use super::providers::path_id;
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError};
use crate::i18n::Lang;
use crate::routes::{RouteSpec, api};

pub fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    vec![
        (
            api("GET", "/api/v1/participants", COUNSELLING),
            get(records::list),
        ),
        (
            api("POST", "/api/v1/participants", COUNSELLING),
            post(records::create),
        ),
        (
            api("GET", "/api/v1/participants/{id}", COUNSELLING),
            get(records::show),
        ),
        (
            api("PATCH", "/api/v1/participants/{id}", COUNSELLING),
            axum::routing::patch(records::update),
        ),
        (
            api("DELETE", "/api/v1/participants/{id}", COUNSELLING),
            axum::routing::delete(records::erase),
        ),
        (
            api("GET", "/api/v1/participants/{id}/export", COUNSELLING),
            get(records::export),
        ),
        (
            api("GET", "/api/v1/participants/{id}/enrolments", COUNSELLING),
            get(enrolments::list),
        ),
        (
            api("POST", "/api/v1/participants/{id}/enrolments", COUNSELLING),
            post(enrolments::create),
        ),
        (
            api("GET", "/api/v1/enrolments/{id}", COUNSELLING),
            get(enrolments::show),
        ),
        (
            api("POST", "/api/v1/enrolments/{id}/events", COUNSELLING),
            post(enrolments::event),
        ),
        (
            api(
                "GET",
                "/api/v1/participants/{id}/readiness-checks",
                COUNSELLING,
            ),
            get(care::readiness_list),
        ),
        (
            api(
                "POST",
                "/api/v1/participants/{id}/readiness-checks",
                COUNSELLING,
            ),
            post(care::readiness_create),
        ),
        (
            api("GET", "/api/v1/participants/{id}/contacts", COUNSELLING),
            get(care::contacts_list),
        ),
        (
            api("POST", "/api/v1/participants/{id}/contacts", COUNSELLING),
            post(care::contacts_create),
        ),
        (
            api("GET", "/api/v1/participants/{id}/consents", COUNSELLING),
            get(care::consents_list),
        ),
        (
            api("POST", "/api/v1/participants/{id}/consents", COUNSELLING),
            post(care::consents_create),
        ),
        (
            api(
                "POST",
                "/api/v1/participants/{id}/consents/{consent_id}/withdraw",
                COUNSELLING,
            ),
            post(care::consents_withdraw),
        ),
    ]
}

/// This area's part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(
    paths(
        records::list,
        records::create,
        records::show,
        records::update,
        records::erase,
        records::export,
        enrolments::list,
        enrolments::create,
        enrolments::show,
        enrolments::event,
        care::readiness_list,
        care::readiness_create,
        care::contacts_list,
        care::contacts_create,
        care::consents_list,
        care::consents_create,
        care::consents_withdraw,
    ),
    components(schemas(
        records::ParticipantDto,
        records::ParticipantInputDto,
        records::ContactPersonDto,
        records::ExportDto,
        records::EnrolmentAttendanceDto,
        enrolments::EnrolmentDto,
        enrolments::EnrolmentDetailDto,
        enrolments::EnrolmentStepDto,
        enrolments::NewEnrolmentDto,
        enrolments::EventDto,
        care::ReadinessDto,
        care::NewReadinessDto,
        care::ContactDto,
        care::NewContactDto,
        care::ConsentDto,
        care::NewConsentDto,
        care::WithdrawDto,
    ))
)]
pub struct Doc;

/// The caller of a use-case: the principal and the token's user for the audit log.
pub(crate) fn api_caller(ctx: &Ctx) -> Result<Caller, ApiError> {
    let user = ctx.user.as_ref().ok_or(ApiError::Unauthorized)?;
    let principal = ctx.principal().ok_or(ApiError::Unauthorized)?;
    Ok(Caller::new(
        principal,
        Actor::user(user.id, user.email.to_string()),
    ))
}

/// The participant, if the caller may see it (another provider's: 404).
pub(crate) async fn visible(
    state: &AppState,
    caller: &Caller,
    id: ParticipantId,
) -> Result<ParticipantRecord, ApiError> {
    Ok(participants::visible(&state.app, &caller.principal, id).await?)
}

/// The participant of a raw path id, if the caller may see it (for the working-times API).
pub(crate) async fn load(
    state: &AppState,
    principal: &Principal,
    raw: &str,
) -> Result<ParticipantRecord, ApiError> {
    let id = path_id(raw, ParticipantId::parse)?;
    Ok(participants::visible(&state.app, principal, id).await?)
}

/// Writes the `view` audit entry of a read; `what` names the part read, never a person.
pub(crate) async fn audit_view(
    state: &AppState,
    actor: &Actor,
    p: &ParticipantRecord,
    what: &str,
) -> Result<(), ApiError> {
    Ok(participants::audit_view(&state.app, actor, p, &format!("api: {what}")).await?)
}

/// A field error of the participants rules with its English message.
pub(crate) fn rule_error(e: &lernweg_participants::FieldError) -> FieldError {
    FieldError {
        field: e.field.clone(),
        code: e.code.to_owned(),
        message: Lang::En.t_args(&e.message_id(), &e.args),
    }
}

fn field_error(field: &str, code: &str, message: &str) -> FieldError {
    FieldError {
        field: field.to_owned(),
        code: code.to_owned(),
        message: message.to_owned(),
    }
}

/// Parses a `YYYY-MM-DD` date of a request field.
fn date(field: &str, raw: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
        field_error(
            field,
            "invalid_date",
            "expected a date as YYYY-MM-DD, e.g. 2026-09-01",
        )
    })
}
