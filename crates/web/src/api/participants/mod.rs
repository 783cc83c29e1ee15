//! Participants over the API (MISSION §2.1, §2.3): the record with its contact person,
//! consents, contact log, readiness checks and enrolments, the GDPR export and erasure.
//!
//! Every route is for `COUNSELLING` (admin, coordinator, counsellor); a participant of another
//! provider answers 404. Every read writes a `view` audit entry without personal data.

mod care;
mod enrolments;
mod list;
mod records;

use chrono::NaiveDate;
use lernweg_app::{Caller, participants};
use lernweg_domain::ParticipantId;
use lernweg_domain::access::COUNSELLING;
use lernweg_store::{Actor, ParticipantRecord};
use utoipa::OpenApi;

use utoipa_axum::routes;

use crate::AppState;
use crate::error::{ApiError, FieldError};
use crate::routes::{Route, documented, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        documented(COUNSELLING, routes!(list::list)),
        documented(COUNSELLING, routes!(records::create)),
        documented(COUNSELLING, routes!(records::show)),
        documented(COUNSELLING, routes!(records::update)),
        documented(COUNSELLING, routes!(records::erase)),
        documented(COUNSELLING, routes!(records::export)),
        documented(COUNSELLING, routes!(enrolments::list)),
        documented(COUNSELLING, routes!(enrolments::create)),
        documented(COUNSELLING, routes!(enrolments::show)),
        documented(COUNSELLING, routes!(enrolments::event)),
        documented(COUNSELLING, routes!(care::readiness_list)),
        documented(COUNSELLING, routes!(care::readiness_create)),
        documented(COUNSELLING, routes!(care::contacts_list)),
        documented(COUNSELLING, routes!(care::contacts_create)),
        documented(COUNSELLING, routes!(care::consents_list)),
        documented(COUNSELLING, routes!(care::consents_create)),
        documented(COUNSELLING, routes!(care::consents_withdraw)),
    ]
}

/// This area's part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
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
)))]
pub struct Doc;

pub(crate) use crate::api::api_caller;

/// The participant, if the caller may see it (another provider's: 404).
pub(crate) async fn visible(
    state: &AppState,
    caller: &Caller,
    id: ParticipantId,
) -> Result<ParticipantRecord, ApiError> {
    Ok(participants::visible(&state.app, &caller.principal, id).await?)
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
