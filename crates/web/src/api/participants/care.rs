//! Counselling records of a participant: readiness checks, the contact log and consents.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::participants::care;
use lernweg_app::participants::readiness::{self, Basis, NewCheck, with_changes};
use lernweg_domain::{CohortId, ParticipantId};
use lernweg_participants::{
    Consent, ConsentScope, ContactChannel, DimensionChange, ReadinessAnswers,
};
use lernweg_store::{ConsentRecord, ContactEntry, NewContact, ReadinessRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{api_caller, audit_view, date, field_error, visible};
use crate::AppState;
use crate::api::ApiJson;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::{ApiId, ApiIds};
use crate::paging::{CursorParams, Items};

/// A readiness check with its result and, after an earlier check, what changed.
#[derive(Serialize, ToSchema)]
pub struct ReadinessDto {
    pub id: String,
    pub checked_on: String,
    pub counsellor_id: Option<String>,
    #[schema(value_type = Object)]
    pub answers: ReadinessAnswers,
    /// Lights per dimension, overall verdict and suggested actions, as evaluated when the
    /// check was recorded.
    #[schema(value_type = Object)]
    pub result: serde_json::Value,
    /// The offer's weekly hours (sessions plus self-study) the time dimension was measured
    /// against; `null` if none.
    pub offer_hours: Option<f64>,
    /// The cohort the check was made for, whose timetable gave the hours; `null` if none.
    pub cohort_id: Option<String>,
    /// Dimensions whose light differs from the check before (absent for the first check),
    /// from the two kept results.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<Object>>)]
    pub changes: Option<Vec<DimensionChange>>,
}

#[derive(Deserialize, ToSchema)]
pub struct NewReadinessDto {
    /// `YYYY-MM-DD`; today if absent.
    pub checked_on: Option<String>,
    /// Health answers need an active `health_data` consent.
    #[schema(value_type = Object)]
    pub answers: ReadinessAnswers,
    /// The offer's weekly hours (sessions plus self-study), more than 0 and at most 60. If
    /// absent, the hours of `cohort_id`'s timetable; without `cohort_id`, those of the
    /// participant's current cohort (the most advanced enrolment that is not completed or
    /// dropped), if any. The hours used are kept with the check.
    #[serde(default)]
    pub offer_hours: Option<f64>,
    /// The cohort of one of the participant's open enrolments (not completed or dropped) the
    /// check is made for; its timetable gives the offer hours (average over the weeks with
    /// sessions of session hours plus self-study) unless `offer_hours` is sent. Any other
    /// cohort answers 422: `unknown` (no cohort of the provider) or `not_enrolled`.
    #[serde(default)]
    pub cohort_id: Option<String>,
}

/// One entry of the contact log.
#[derive(Serialize, ToSchema)]
pub struct ContactDto {
    pub id: String,
    pub date: String,
    /// `phone`, `in_person`, `email`, `messenger` or `video`.
    pub channel: String,
    pub topic: String,
    /// Absent unless the caller is a coordinator or counsellor of the participant's provider:
    /// only they may read contact notes (the admin sees the entries without them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub staff_id: Option<String>,
}

impl ContactDto {
    /// The entry, with its note only when `with_notes` (the caller may read notes).
    pub fn of(c: ContactEntry, with_notes: bool) -> Self {
        ContactDto {
            id: c.id,
            date: c.on_date.to_string(),
            channel: c.channel.code().to_owned(),
            topic: c.topic,
            note: with_notes.then_some(c.note),
            staff_id: c.staff_id,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewContactDto {
    /// `YYYY-MM-DD`; today if absent.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConsentDto {
    pub id: String,
    /// `data_processing`, `health_data`, `employer_contact`, `photos`, `share_with_mentor`
    /// or `share_with_funder`.
    pub scope: String,
    pub given_on: String,
    pub withdrawn_on: Option<String>,
    /// Whether the consent holds today.
    pub active: bool,
    pub recorded_by: Option<String>,
}

impl ConsentDto {
    /// The consent as the API shows it; `active` as of `today`.
    pub fn new(c: ConsentRecord, today: chrono::NaiveDate) -> Self {
        let rule = Consent {
            scope: c.scope,
            given_on: c.given_on,
            withdrawn_on: c.withdrawn_on,
        };
        ConsentDto {
            id: c.id,
            scope: c.scope.code().to_owned(),
            given_on: c.given_on.to_string(),
            withdrawn_on: c.withdrawn_on.map(|d| d.to_string()),
            active: rule.is_active_on(today),
            recorded_by: c.recorded_by,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewConsentDto {
    #[serde(default)]
    pub scope: String,
    /// `YYYY-MM-DD`; today if absent.
    pub given_on: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct WithdrawDto {
    /// `YYYY-MM-DD`; today if absent.
    pub on: Option<String>,
}

fn readiness_dto(c: ReadinessRecord, changes: Option<Vec<DimensionChange>>) -> ReadinessDto {
    ReadinessDto {
        id: c.id,
        checked_on: c.checked_on.to_string(),
        counsellor_id: c.counsellor_id,
        answers: c.answers,
        result: c.result,
        offer_hours: c.offer_hours,
        cohort_id: c.cohort_id.map(|id| id.to_string()),
        changes,
    }
}

/// Checks as DTOs, each with the changes against the one before.
pub(super) fn readiness_dtos(checks: Vec<ReadinessRecord>) -> Vec<ReadinessDto> {
    with_changes(checks)
        .into_iter()
        .map(|(c, changes)| readiness_dto(c, changes))
        .collect()
}

/// What a new check is measured against: `offer_hours` as sent (with `cohort_id`, if sent);
/// else the hours of `cohort_id`'s timetable; else those of the participant's current cohort.
fn basis(body: &NewReadinessDto) -> Result<Basis, ApiError> {
    let cohort = match body.cohort_id.as_deref() {
        None => None,
        Some(raw) => Some(CohortId::parse(raw.trim()).map_err(|_| {
            ApiError::Validation(vec![field_error(
                "cohort_id",
                "unknown",
                "no cohort of the participant's provider has this id",
            )])
        })?),
    };
    Ok(match (body.offer_hours, cohort) {
        (Some(hours), cohort) => Basis::Hours { hours, cohort },
        (None, Some(c)) => Basis::Cohort(c),
        (None, None) => Basis::Current,
    })
}

fn optional_date(
    field: &str,
    raw: Option<&str>,
    today: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, ApiError> {
    match raw.filter(|s| !s.trim().is_empty()) {
        Some(s) => date(field, s).map_err(|e| ApiError::Validation(vec![e])),
        None => Ok(today),
    }
}

/// The participant's readiness checks, oldest first.
#[utoipa::path(get, path = "/api/v1/participants/{id}/readiness-checks", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = [ReadinessDto]), (status = 404, body = Problem)))]
pub async fn readiness_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<Vec<ReadinessDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    audit_view(&state, &caller.actor, &p, "readiness checks").await?;
    Ok(Json(readiness_dtos(
        readiness::checks_of(&state.app, &p).await?,
    )))
}

/// Records a readiness check, evaluated on the spot against the offer's weekly hours (sent,
/// or taken from the timetable of a cohort of the participant's open enrolments) and kept
/// with them (201).
#[utoipa::path(post, path = "/api/v1/participants/{id}/readiness-checks", tag = "participants", params(("id" = String, Path)), request_body = NewReadinessDto,
    responses((status = 201, body = ReadinessDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn readiness_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<NewReadinessDto>,
) -> Result<(StatusCode, Json<ReadinessDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    let checked_on = optional_date("checked_on", body.checked_on.as_deref(), state.app.today())?;
    let new = NewCheck {
        checked_on,
        basis: basis(&body)?,
        answers: body.answers,
    };
    let r = readiness::record(&state.app, &caller, p.id, new).await?;
    Ok((
        StatusCode::CREATED,
        Json(readiness_dto(r.record, r.changes)),
    ))
}

/// The contact log, newest first, `limit` entries at a time (`next_cursor` gives the next);
/// with notes only for the provider's coordinators and counsellors (every read is audited).
#[utoipa::path(get, path = "/api/v1/participants/{id}/contacts", tag = "participants", params(("id" = String, Path), CursorParams),
    responses((status = 200, body = Items<ContactDto>), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn contacts_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    Query(paging): Query<CursorParams>,
) -> Result<Json<Items<ContactDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = paging.parse()?;
    let p = visible(&state, &caller, id).await?;
    let with_notes = caller.principal.can_read_contact_notes(p.provider_id);
    let what = if with_notes {
        "contact log"
    } else {
        "contact log without notes"
    };
    audit_view(&state, &caller.actor, &p, what).await?;
    let log = care::contacts_after(&state.app, &p, with_notes, cursor.as_ref(), limit).await?;
    Ok(Json(Items::from_slice(log, |c| {
        ContactDto::of(c, with_notes)
    })))
}

/// Adds an entry to the contact log (201); a date after today answers 422.
#[utoipa::path(post, path = "/api/v1/participants/{id}/contacts", tag = "participants", params(("id" = String, Path)), request_body = NewContactDto,
    responses((status = 201, body = ContactDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn contacts_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<NewContactDto>,
) -> Result<(StatusCode, Json<ContactDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    let mut errors: Vec<FieldError> = Vec::new();
    let on = optional_date("date", body.date.as_deref(), state.app.today())
        .map_err(|e| {
            if let ApiError::Validation(v) = e {
                errors.extend(v);
            }
        })
        .ok();
    let channel = ContactChannel::parse(&body.channel)
        .map_err(|e| {
            let mut fe = FieldError::from(e);
            fe.field = "channel".to_owned();
            errors.push(fe);
        })
        .ok();
    let (Some(on_date), Some(channel)) = (on, channel) else {
        return Err(ApiError::Validation(errors));
    };
    let contact = NewContact {
        on_date,
        channel,
        topic: body.topic,
        note: body.note,
    };
    let entry = care::add_contact(&state.app, &caller, p.id, contact).await?;
    let with_notes = caller.principal.can_read_contact_notes(p.provider_id);
    Ok((StatusCode::CREATED, Json(ContactDto::of(entry, with_notes))))
}

/// The participant's consents with their history.
#[utoipa::path(get, path = "/api/v1/participants/{id}/consents", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = [ConsentDto]), (status = 404, body = Problem)))]
pub async fn consents_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<Vec<ConsentDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    audit_view(&state, &caller.actor, &p, "consents").await?;
    let consents = care::consents_of(&state.app, &p).await?;
    Ok(Json(
        consents
            .into_iter()
            .map(|c| ConsentDto::new(c, state.app.today()))
            .collect(),
    ))
}

/// Records a consent given on a date, not after today (201).
#[utoipa::path(post, path = "/api/v1/participants/{id}/consents", tag = "participants", params(("id" = String, Path)), request_body = NewConsentDto,
    responses((status = 201, body = ConsentDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn consents_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<NewConsentDto>,
) -> Result<(StatusCode, Json<ConsentDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    let scope = ConsentScope::parse(&body.scope).map_err(|e| {
        let mut fe = FieldError::from(e);
        fe.field = "scope".to_owned();
        ApiError::Validation(vec![fe])
    })?;
    let given_on = optional_date("given_on", body.given_on.as_deref(), state.app.today())?;
    let c = care::add_consent(&state.app, &caller, p.id, scope, given_on).await?;
    Ok((
        StatusCode::CREATED,
        Json(ConsentDto::new(c, state.app.today())),
    ))
}

/// Withdraws a consent from a date; the record stays for the history.
#[utoipa::path(post, path = "/api/v1/participants/{id}/consents/{consent_id}/withdraw", tag = "participants",
    params(("id" = String, Path), ("consent_id" = String, Path)), request_body = WithdrawDto,
    responses((status = 200, body = ConsentDto), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn consents_withdraw(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiIds(id, consent_id): ApiIds<ParticipantId, String>,
    ApiJson(body): ApiJson<WithdrawDto>,
) -> Result<Json<ConsentDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    let on = optional_date("on", body.on.as_deref(), state.app.today())?;
    let updated = care::withdraw_consent(&state.app, &caller, p.id, &consent_id, on).await?;
    Ok(Json(ConsentDto::new(updated, state.app.today())))
}
