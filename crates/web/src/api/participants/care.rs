//! Counselling records of a participant: readiness checks, the contact log and consents.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_participants::{
    Consent, ConsentScope, ContactChannel, DimensionChange, ReadinessAnswers, ReadinessResult,
    compare, evaluate, has_consent,
};
use lernweg_store::{ConsentRecord, ContactEntry, NewContact, ReadinessRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{audit_view, date, field_error, load, today};
use crate::AppState;
use crate::api::{ApiJson, caller};
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::i18n::Lang;

/// A readiness check with its result and, after an earlier check, what changed.
#[derive(Serialize, ToSchema)]
pub struct ReadinessDto {
    pub id: String,
    pub checked_on: String,
    pub counsellor_id: Option<String>,
    #[schema(value_type = Object)]
    pub answers: ReadinessAnswers,
    /// Lights per dimension, overall verdict and suggested actions.
    #[schema(value_type = Object)]
    pub result: serde_json::Value,
    /// Dimensions whose light differs from the check before (absent for the first check).
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
    /// `data_processing`, `health_data`, `contact_employer`, `photos`, `share_with_mentor`
    /// or `share_with_funder`.
    pub scope: String,
    pub given_on: String,
    pub withdrawn_on: Option<String>,
    /// Whether the consent holds today.
    pub active: bool,
    pub recorded_by: Option<String>,
}

impl From<ConsentRecord> for ConsentDto {
    fn from(c: ConsentRecord) -> Self {
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
            active: rule.is_active_on(today()),
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

/// The result of stored answers, evaluated again (they were accepted when stored).
fn result_of(answers: &ReadinessAnswers) -> Option<ReadinessResult> {
    evaluate(answers, true, None).ok()
}

/// Checks as DTOs, each with the changes against the one before.
pub(super) fn readiness_dtos(checks: Vec<ReadinessRecord>) -> Vec<ReadinessDto> {
    let mut before: Option<ReadinessResult> = None;
    let mut out = Vec::with_capacity(checks.len());
    for c in checks {
        let now = result_of(&c.answers);
        let changes = match (&before, &now) {
            (Some(a), Some(b)) => Some(compare(a, b)),
            _ => None,
        };
        before = now;
        out.push(ReadinessDto {
            id: c.id,
            checked_on: c.checked_on.to_string(),
            counsellor_id: c.counsellor_id,
            answers: c.answers,
            result: c.result,
            changes,
        });
    }
    out
}

fn rules(consents: &[ConsentRecord]) -> Vec<Consent> {
    consents
        .iter()
        .map(|c| Consent {
            scope: c.scope,
            given_on: c.given_on,
            withdrawn_on: c.withdrawn_on,
        })
        .collect()
}

fn optional_date(field: &str, raw: Option<&str>) -> Result<chrono::NaiveDate, ApiError> {
    match raw.filter(|s| !s.trim().is_empty()) {
        Some(s) => date(field, s).map_err(|e| ApiError::Validation(vec![e])),
        None => Ok(today()),
    }
}

/// The participant's readiness checks, oldest first.
#[utoipa::path(get, path = "/api/v1/participants/{id}/readiness-checks", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = [ReadinessDto]), (status = 404, body = Problem)))]
pub async fn readiness_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ReadinessDto>>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let p = load(&state, &principal, &id).await?;
    audit_view(&state, &actor, &p, "readiness checks").await?;
    Ok(Json(readiness_dtos(
        state.store.readiness_checks(p.id).await?,
    )))
}

/// Records a readiness check, evaluated on the spot (201).
#[utoipa::path(post, path = "/api/v1/participants/{id}/readiness-checks", tag = "participants", params(("id" = String, Path)), request_body = NewReadinessDto,
    responses((status = 201, body = ReadinessDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn readiness_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewReadinessDto>,
) -> Result<(StatusCode, Json<ReadinessDto>), ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let p = load(&state, &principal, &id).await?;
    let checked_on = optional_date("checked_on", body.checked_on.as_deref())?;
    let consents = rules(&state.store.consents(p.id).await?);
    let health = has_consent(&consents, ConsentScope::HealthData, checked_on);
    let result = evaluate(&body.answers, health, None).map_err(|e| {
        let field = match e {
            lernweg_participants::ReadinessError::HealthWithoutConsent => "answers.health",
            lernweg_participants::ReadinessError::FreeHoursOutOfRange => {
                "answers.free_hours_per_week"
            }
        };
        let message = Lang::En.t(&format!("participants-readiness-{}", e.code()));
        ApiError::Validation(vec![field_error(field, e.code(), &message)])
    })?;
    let earlier = state
        .store
        .readiness_checks(p.id)
        .await?
        .into_iter()
        .rfind(|c| c.checked_on <= checked_on);
    let stored = state
        .store
        .add_readiness_check(&actor, p.id, checked_on, &body.answers, &result)
        .await?;
    let changes = earlier
        .and_then(|c| result_of(&c.answers))
        .map(|before| compare(&before, &result));
    Ok((
        StatusCode::CREATED,
        Json(ReadinessDto {
            id: stored.id,
            checked_on: stored.checked_on.to_string(),
            counsellor_id: stored.counsellor_id,
            answers: stored.answers,
            result: stored.result,
            changes,
        }),
    ))
}

/// The contact log, newest first; with notes only for the provider's coordinators and
/// counsellors (every read is audited).
#[utoipa::path(get, path = "/api/v1/participants/{id}/contacts", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = [ContactDto]), (status = 404, body = Problem)))]
pub async fn contacts_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ContactDto>>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let p = load(&state, &principal, &id).await?;
    let with_notes = principal.can_read_contact_notes(p.provider_id);
    let what = if with_notes {
        "contact log"
    } else {
        "contact log without notes"
    };
    audit_view(&state, &actor, &p, what).await?;
    let log = state.store.contacts(p.id).await?;
    Ok(Json(
        log.into_iter()
            .map(|c| ContactDto::of(c, with_notes))
            .collect(),
    ))
}

/// Adds an entry to the contact log (201).
#[utoipa::path(post, path = "/api/v1/participants/{id}/contacts", tag = "participants", params(("id" = String, Path)), request_body = NewContactDto,
    responses((status = 201, body = ContactDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn contacts_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewContactDto>,
) -> Result<(StatusCode, Json<ContactDto>), ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let p = load(&state, &principal, &id).await?;
    let mut errors: Vec<FieldError> = Vec::new();
    let on = optional_date("date", body.date.as_deref())
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
    let entry = state
        .store
        .add_contact(
            &actor,
            p.id,
            NewContact {
                on_date,
                channel,
                topic: body.topic,
                note: body.note,
            },
        )
        .await?;
    let with_notes = principal.can_read_contact_notes(p.provider_id);
    Ok((StatusCode::CREATED, Json(ContactDto::of(entry, with_notes))))
}

/// The participant's consents with their history.
#[utoipa::path(get, path = "/api/v1/participants/{id}/consents", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = [ConsentDto]), (status = 404, body = Problem)))]
pub async fn consents_list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ConsentDto>>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let p = load(&state, &principal, &id).await?;
    audit_view(&state, &actor, &p, "consents").await?;
    let consents = state.store.consents(p.id).await?;
    Ok(Json(consents.into_iter().map(ConsentDto::from).collect()))
}

/// Records a consent given on a date (201).
#[utoipa::path(post, path = "/api/v1/participants/{id}/consents", tag = "participants", params(("id" = String, Path)), request_body = NewConsentDto,
    responses((status = 201, body = ConsentDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn consents_create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewConsentDto>,
) -> Result<(StatusCode, Json<ConsentDto>), ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let p = load(&state, &principal, &id).await?;
    let scope = ConsentScope::parse(&body.scope).map_err(|e| {
        let mut fe = FieldError::from(e);
        fe.field = "scope".to_owned();
        ApiError::Validation(vec![fe])
    })?;
    let given_on = optional_date("given_on", body.given_on.as_deref())?;
    let c = state
        .store
        .add_consent(&actor, p.id, scope, given_on)
        .await?;
    Ok((StatusCode::CREATED, Json(c.into())))
}

/// Withdraws a consent from a date; the record stays for the history.
#[utoipa::path(post, path = "/api/v1/participants/{id}/consents/{consent_id}/withdraw", tag = "participants",
    params(("id" = String, Path), ("consent_id" = String, Path)), request_body = WithdrawDto,
    responses((status = 200, body = ConsentDto), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn consents_withdraw(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path((id, consent_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<WithdrawDto>,
) -> Result<Json<ConsentDto>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let p = load(&state, &principal, &id).await?;
    let on = optional_date("on", body.on.as_deref())?;
    let current = state
        .store
        .consents(p.id)
        .await?
        .into_iter()
        .find(|c| c.id == consent_id)
        .ok_or(ApiError::NotFound)?;
    if current.withdrawn_on.is_some() {
        return Err(ApiError::Conflict(
            "the consent is already withdrawn".to_owned(),
        ));
    }
    Consent::new(current.scope, current.given_on, Some(on)).map_err(|e| {
        let mut fe = FieldError::from(e);
        fe.field = "on".to_owned();
        ApiError::Validation(vec![fe])
    })?;
    state
        .store
        .withdraw_consent(&actor, p.id, &consent_id, on)
        .await?;
    let updated = state
        .store
        .consents(p.id)
        .await?
        .into_iter()
        .find(|c| c.id == consent_id)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(updated.into()))
}
