//! The participant record: list, create, show, patch, GDPR erasure and export.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::{Datelike, NaiveDate};
use lernweg_app::participants::file::{self, Notes, ParticipantFile};
use lernweg_app::participants::{self, NewConsent, NewParticipant};
use lernweg_domain::{ParticipantId, ProviderId, UserId};
use lernweg_participants::{ConsentScope, ParticipantData, ParticipantDraft};
use lernweg_store::ParticipantRecord;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::care::{ConsentDto, ContactDto, ReadinessDto, readiness_dtos};
use super::enrolments::{EnrolmentDetailDto, detail_of};
use super::{api_caller, audit_view, date, field_error, visible};
use crate::AppState;
use crate::api::ApiJson;
use crate::attendance::api::attendance_dto;
use crate::care::referrals::api::referral_dto_of;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::ApiId;
use crate::i18n::Lang;

/// The participant's one fixed contact person.
#[derive(Serialize, ToSchema)]
pub struct ContactPersonDto {
    pub id: String,
    pub display_name: String,
    pub email: String,
}

/// A participant as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct ParticipantDto {
    pub id: String,
    pub provider_id: String,
    pub given_name: String,
    pub family_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// ISO 639-1 code, e.g. `ar`.
    pub mother_tongue: Option<String>,
    /// ISO 639-1 codes.
    pub other_languages: Vec<String>,
    /// CEFR level `A1` … `C2`.
    pub german_level: Option<String>,
    /// `phone`, `in_person`, `email`, `messenger` or `video`.
    pub preferred_channel: Option<String>,
    pub reachable_times: Option<String>,
    pub foreign_qualification: Option<String>,
    /// KldB 2010 code of the reference occupation.
    pub kldb: Option<String>,
    /// `not_started`, `in_progress`, `full`, `partial`, `rejected` or `not_required`.
    pub recognition_status: Option<String>,
    pub employer: Option<String>,
    pub weekly_hours: Option<f64>,
    pub birth_year: Option<i32>,
    pub contact_person: Option<ContactPersonDto>,
    pub created_at: String,
    pub updated_at: String,
}

/// The body of create and patch: the record's fields as text (numbers and lists of languages
/// are accepted too). A patch changes only the keys it sends; `contact_person_id: null`
/// removes the contact person.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct ParticipantInputDto {
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// ISO 639-1 code or a common name (`ar`, `Arabisch`).
    pub mother_tongue: Option<String>,
    /// Separated by `,`, `;`, `/` or `|` (or a JSON array).
    pub other_languages: Option<String>,
    pub german_level: Option<String>,
    pub preferred_channel: Option<String>,
    pub reachable_times: Option<String>,
    pub foreign_qualification: Option<String>,
    pub kldb: Option<String>,
    pub recognition_status: Option<String>,
    pub employer: Option<String>,
    /// `19,5` or `19.5` (or a number).
    pub weekly_hours: Option<String>,
    /// `1985`, `12.03.1985` or `1985-03-12` (or a number).
    pub birth_year: Option<String>,
    /// An active staff member of the provider.
    pub contact_person_id: Option<String>,
    /// Admins only: the provider of a new participant.
    pub provider_id: Option<String>,
    /// Only on creation, and required then: the consents the participant has given, among them
    /// the consent to data processing, e.g. `[{"scope": "data_processing", "given_on":
    /// "2026-09-01"}]` (none after today). Recorded with the new participant.
    pub consents: Option<Vec<InitialConsentDto>>,
}

/// A consent recorded with a new participant.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct InitialConsentDto {
    /// `data_processing`, `health_data`, `employer_contact`, `photos`, `share_with_mentor`
    /// or `share_with_funder`.
    pub scope: String,
    /// `YYYY-MM-DD`, not after today.
    pub given_on: String,
}

/// Everything stored about one participant (GDPR Art. 15).
#[derive(Serialize, ToSchema)]
pub struct ExportDto {
    pub exported_at: String,
    pub participant: ParticipantDto,
    pub consents: Vec<ConsentDto>,
    /// The contact log, newest first; notes only for the provider's coordinators and
    /// counsellors.
    pub contacts: Vec<ContactDto>,
    /// Present (`true`) when the notes were left out: the participant can request them from
    /// the provider's counselling staff.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub contact_notes_withheld: bool,
    pub readiness_checks: Vec<ReadinessDto>,
    pub enrolments: Vec<EnrolmentDetailDto>,
    /// Device loans, newest first.
    pub loans: Vec<crate::care::loans::api::LoanDto>,
    /// Referrals to counselling services with their status history, newest first.
    pub referrals: Vec<crate::care::referrals::api::ReferralDto>,
    /// Working times (shift plan), if recorded.
    pub work_pattern: Option<crate::work::api::WorkPatternDto>,
    /// Attendance per enrolment, oldest session first.
    pub attendance: Vec<EnrolmentAttendanceDto>,
    /// Links to employers, active first (each rests on the consent `employer_contact`).
    pub employments: Vec<crate::employers::api::EmploymentDto>,
    /// Release agreements with their dates and history, newest first.
    pub release_agreements: Vec<crate::release::api::ReleaseAgreementDto>,
    /// The recognition case of a foreign qualification, if recorded.
    pub recognition: Option<crate::individual::api::RecognitionDto>,
    /// The items of the individual qualification plan, oldest first.
    pub plan_items: Vec<crate::individual::api::PlanItemDto>,
}

/// What is recorded for one enrolment: attendance and the staff's progress entries.
#[derive(Serialize, ToSchema)]
pub struct EnrolmentAttendanceDto {
    pub enrolment_id: String,
    pub attendance: Vec<crate::attendance::api::AttendanceDto>,
    pub progress_entries: Vec<crate::attendance::api::ProgressEntryDto>,
}

fn opt_string<T: ToString>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(ToString::to_string)
}

pub(super) async fn dto(
    state: &AppState,
    p: ParticipantRecord,
) -> Result<ParticipantDto, ApiError> {
    let person = participants::contact_person(&state.app, &p).await?;
    Ok(dto_with(p, person))
}

/// The DTO of a participant whose contact person is already read.
pub(super) fn dto_with(
    p: ParticipantRecord,
    person: Option<lernweg_store::User>,
) -> ParticipantDto {
    let contact_person = person.map(|u| ContactPersonDto {
        id: u.id.to_string(),
        display_name: u.display_name,
        email: u.email.to_string(),
    });
    let d = p.data;
    ParticipantDto {
        id: p.id.to_string(),
        provider_id: p.provider_id.to_string(),
        email: opt_string(&d.email),
        phone: opt_string(&d.phone),
        mother_tongue: d.mother_tongue.map(|l| l.as_str().to_owned()),
        other_languages: d
            .other_languages
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
        german_level: d.german_level.map(|l| l.as_str().to_owned()),
        preferred_channel: d.preferred_channel.map(|c| c.code().to_owned()),
        reachable_times: d.reachable_times,
        foreign_qualification: d.foreign_qualification,
        kldb: d.kldb.map(|k| k.as_str().to_owned()),
        recognition_status: d.recognition_status.map(|r| r.code().to_owned()),
        employer: d.employer,
        weekly_hours: d.weekly_hours,
        birth_year: d.birth_year,
        given_name: d.given_name,
        family_name: d.family_name,
        contact_person,
        created_at: p.created_at.to_rfc3339(),
        updated_at: p.updated_at.to_rfc3339(),
    }
}

/// A draft as a JSON object (every key a string).
fn as_draft_object(draft: ParticipantDraft) -> Map<String, Value> {
    match serde_json::to_value(draft) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// The draft keys of a body as strings: numbers as written, arrays joined, null as empty.
fn draft_value(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some(String::new()),
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(_) | Value::Object(_) => None,
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(|v| v.join(", ")),
    }
}

/// Overlays the draft keys of `body` onto `base` and validates the result.
fn validate(
    base: Map<String, Value>,
    body: &Map<String, Value>,
    year: i32,
) -> Result<ParticipantData, ApiError> {
    let mut merged = base;
    let mut errors = Vec::new();
    let known = as_draft_object(ParticipantDraft::default());
    for (key, value) in body {
        if !known.contains_key(key) {
            continue;
        }
        match draft_value(value) {
            Some(s) => {
                merged.insert(key.clone(), Value::String(s));
            }
            None => errors.push(field_error(key, "invalid_type", "expected a string")),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let draft: ParticipantDraft = serde_json::from_value(Value::Object(merged))
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    draft
        .validate(year)
        .map_err(|errs| ApiError::rules(Lang::En, &errs))
}

fn object(body: Value) -> Result<Map<String, Value>, ApiError> {
    match body {
        Value::Object(m) => Ok(m),
        _ => Err(ApiError::BadRequest("expected a JSON object".to_owned())),
    }
}

/// `contact_person_id` of a body: absent → `None`, null or "" → `Some(None)`.
fn contact_person(body: &Map<String, Value>) -> Result<Option<Option<UserId>>, ApiError> {
    let bad = || {
        ApiError::Validation(vec![field_error(
            "contact_person_id",
            "invalid",
            "expected the id of a staff member or null",
        )])
    };
    match body.get("contact_person_id") {
        None => Ok(None),
        Some(Value::Null) => Ok(Some(None)),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(Some(None)),
        Some(Value::String(s)) => UserId::parse(s.trim())
            .map(|u| Some(Some(u)))
            .map_err(|_| bad()),
        Some(_) => Err(bad()),
    }
}

/// The `consents` of a create body, checked by the rule every way in shares (a
/// data-processing consent, none after today): every problem with the field `consents`.
fn consents(
    body: &Map<String, Value>,
    today: NaiveDate,
) -> Result<Vec<NewConsent>, Vec<FieldError>> {
    let invalid = |code: &str, message: &str| vec![field_error("consents", code, message)];
    let items = match body.get("consents") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => {
            return Err(invalid(
                "invalid_type",
                "expected an array of {\"scope\": …, \"given_on\": \"YYYY-MM-DD\"}",
            ));
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let scope = item.get("scope").and_then(Value::as_str).unwrap_or("");
        let scope = ConsentScope::parse(scope).map_err(|e| invalid(e.code, &e.message))?;
        let given_on = item.get("given_on").and_then(Value::as_str).unwrap_or("");
        let given_on = date("consents", given_on).map_err(|e| vec![e])?;
        out.push(NewConsent { scope, given_on });
    }
    participants::check_consents(&out, today).map_err(|e| vec![FieldError::from(e)])?;
    Ok(out)
}

/// Creates a participant with its consents (201); without a consent to data processing (or
/// with one given after today) 422 naming `consents`. Field errors answer 422 with the draft
/// key as `field`.
#[utoipa::path(post, path = "/api/v1/participants", operation_id = "create_participant", tag = "participants", request_body = ParticipantInputDto,
    responses((status = 201, body = ParticipantDto), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<ParticipantDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let body = object(body)?;
    let named = if caller.principal.provider_scope().is_none() {
        let raw = body
            .get("provider_id")
            .and_then(Value::as_str)
            .unwrap_or("");
        Some(ProviderId::parse(raw).map_err(|_| {
            ApiError::Validation(vec![field_error(
                "provider_id",
                "unknown_provider",
                "admins name the provider of a new participant by its id",
            )])
        })?)
    } else {
        None
    };
    participants::provider_of_new(&state.app, &caller.principal, named).await?;
    let person = contact_person(&body)?.flatten();
    let today = state.app.today();
    let data = validate(
        as_draft_object(ParticipantDraft::default()),
        &body,
        today.year(),
    );
    let consents = consents(&body, today);
    let (data, consents) = match (data, consents) {
        (Ok(d), Ok(c)) => (d, c),
        (data, consents) => {
            let mut errors = match data {
                Err(ApiError::Validation(list)) => list,
                Err(other) => return Err(other),
                Ok(_) => Vec::new(),
            };
            errors.extend(consents.err().unwrap_or_default());
            return Err(ApiError::Validation(errors));
        }
    };
    let new = NewParticipant {
        provider: named,
        contact_person: person,
        data,
        consents,
    };
    let p = participants::create(&state.app, &caller, new).await?;
    Ok((StatusCode::CREATED, Json(dto(&state, p).await?)))
}

/// One participant (audited as a view).
#[utoipa::path(get, path = "/api/v1/participants/{id}", operation_id = "show_participant", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = ParticipantDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<ParticipantDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    audit_view(&state, &caller.actor, &p, "record").await?;
    Ok(Json(dto(&state, p).await?))
}

/// Changes the keys sent; the whole record is validated again.
#[utoipa::path(patch, path = "/api/v1/participants/{id}", operation_id = "update_participant", tag = "participants", params(("id" = String, Path)), request_body = ParticipantInputDto,
    responses((status = 200, body = ParticipantDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<Value>,
) -> Result<Json<ParticipantDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let p = visible(&state, &caller, id).await?;
    let body = object(body)?;
    let person = contact_person(&body)?.unwrap_or(p.contact_person_id);
    let data = validate(
        as_draft_object(participants::draft_of(&p.data)),
        &body,
        state.app.today().year(),
    )?;
    let p = participants::update(&state.app, &caller, p.id, person, data).await?;
    Ok(Json(dto(&state, p).await?))
}

/// GDPR erasure: the participant and everything personal is deleted (204); anonymous
/// statistics remain.
#[utoipa::path(delete, path = "/api/v1/participants/{id}", tag = "participants", params(("id" = String, Path)),
    responses((status = 204, description = "Erased"), (status = 404, body = Problem)))]
pub async fn erase(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<StatusCode, ApiError> {
    participants::erase(&state.app, &api_caller(&ctx)?, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Everything stored about the participant as one document (audited as a view).
#[utoipa::path(get, path = "/api/v1/participants/{id}/export", tag = "participants", params(("id" = String, Path)),
    responses((status = 200, body = ExportDto), (status = 404, body = Problem)))]
pub async fn export(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<ExportDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    // Contact notes only for the provider's coordinators and counsellors: the file leaves
    // them out for anyone else, and audits them as read only when they are in it.
    let file = file::read(&state.app, &caller, id, "api: export", Notes::IfAllowed).await?;
    let today = state.app.today();
    let with_notes = file.notes_shown;
    let mut enrolments = Vec::new();
    let mut attendance = Vec::new();
    for e in &file.enrolments {
        attendance.push(EnrolmentAttendanceDto {
            enrolment_id: e.enrolment.id.to_string(),
            attendance: e.attendance.iter().cloned().map(attendance_dto).collect(),
            progress_entries: e.entries.iter().cloned().map(Into::into).collect(),
        });
        enrolments.push(detail_of(e.enrolment.clone(), e.history.clone()));
    }
    let referrals = file
        .referrals
        .iter()
        .map(|r| referral_dto_of(r.referral.clone(), r.history.clone()))
        .collect();
    let work_pattern = file.work.as_ref().map(Into::into);
    let ParticipantFile {
        record,
        contact_person,
        consents,
        contacts,
        checks,
        loans,
        employments,
        release_agreements,
        recognition,
        plan_items,
        ..
    } = file;
    Ok(Json(ExportDto {
        exported_at: state.app.clock.now_utc().to_rfc3339(),
        participant: dto_with(record, contact_person),
        consents: consents
            .into_iter()
            .map(|c| ConsentDto::new(c, today))
            .collect(),
        contacts: contacts
            .into_iter()
            .map(|c| ContactDto::of(c, with_notes))
            .collect(),
        contact_notes_withheld: !with_notes,
        readiness_checks: readiness_dtos(checks),
        enrolments,
        loans: loans
            .into_iter()
            .map(|l| crate::care::loans::api::LoanDto::new(l.loan, today))
            .collect(),
        referrals,
        work_pattern,
        attendance,
        employments: employments.into_iter().map(Into::into).collect(),
        release_agreements: release_agreements.into_iter().map(Into::into).collect(),
        recognition: recognition.map(|r| (&r.case).into()),
        plan_items: plan_items.iter().map(Into::into).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_arrays_become_draft_text() {
        let body = serde_json::json!({
            "given_name": "Amina", "family_name": "Haddad", "weekly_hours": 19.5,
            "birth_year": 1985, "other_languages": ["en", "fr"], "unknown": true
        });
        let d = validate(
            as_draft_object(ParticipantDraft::default()),
            body.as_object().unwrap(),
            2026,
        )
        .unwrap();
        assert_eq!(d.weekly_hours, Some(19.5));
        assert_eq!(d.birth_year, Some(1985));
        assert_eq!(d.other_languages.len(), 2);
        let again = validate(
            as_draft_object(participants::draft_of(&d)),
            &Map::new(),
            2026,
        )
        .unwrap();
        assert_eq!(again, d);
    }

    #[test]
    fn errors_carry_the_draft_key() {
        let body = serde_json::json!({"given_name": "", "family_name": "X", "email": "nope"});
        let Err(ApiError::Validation(errs)) = validate(
            as_draft_object(ParticipantDraft::default()),
            body.as_object().unwrap(),
            2026,
        ) else {
            panic!("expected field errors")
        };
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["given_name", "email"]);
        assert!(errs.iter().all(|e| !e.message.is_empty()));
    }
}
