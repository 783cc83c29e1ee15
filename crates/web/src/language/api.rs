//! Language competence over the API (issue 16): assessments (`GET`/`POST
//! /api/v1/participants/{id}/language-assessments`, exactly the keys `skill`, `level`, `source`,
//! `assessed_on`, `issuer`, `exam`, `certificate_number`, `note`), certificates (issue, list,
//! PDF, revoke). Thin adapters over `lernweg_app::{language, language_certificates}`.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use lernweg_app::{language, language_certificates as certs};
use lernweg_domain::{LanguageCertificateId, ParticipantId};
use lernweg_participants::language_assessment::RawAssessment;
use lernweg_store::{AssessmentRecord, LanguageCertificate};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::ApiId;
use crate::i18n::Lang;
use crate::public_catalogue::base_url;

/// One assessment: a skill's level on a day, from a source.
#[derive(Serialize, ToSchema)]
pub struct AssessmentDto {
    pub id: String,
    /// `listening`, `reading`, `spoken_interaction`, `spoken_production`, `writing`,
    /// `occupational`.
    pub skill: String,
    /// `A1` … `C2`, sub-levels such as `B1.2`.
    pub level: String,
    /// `placement_test`, `trainer`, `self_assessment`, `certificate`.
    pub source: String,
    /// `YYYY-MM-DD`.
    pub assessed_on: String,
    pub issuer: String,
    pub exam: String,
    pub certificate_number: String,
    pub note: String,
}

impl From<&AssessmentRecord> for AssessmentDto {
    fn from(r: &AssessmentRecord) -> Self {
        let a = &r.assessment;
        AssessmentDto {
            id: r.id.to_string(),
            skill: a.skill.code().to_owned(),
            level: a.level.to_string(),
            source: a.source.code().to_owned(),
            assessed_on: a.assessed_on.to_string(),
            issuer: a.issuer.clone(),
            exam: a.exam.clone(),
            certificate_number: a.certificate_number.clone(),
            note: a.note.clone(),
        }
    }
}

/// A participant's assessments and what follows from them.
#[derive(Serialize, ToSchema)]
pub struct AssessmentsDto {
    /// Oldest first.
    pub items: Vec<AssessmentDto>,
    /// The current level per skill: the latest assessment that is not a self-assessment.
    pub current: std::collections::BTreeMap<String, String>,
    /// The record's single German level (the lowest current level of the CEFR skills).
    pub german_level: Option<String>,
}

/// A new assessment; every field is text, invalid ones are named in the 422 answer.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct AssessmentInputDto {
    pub skill: String,
    pub level: String,
    pub source: String,
    /// `YYYY-MM-DD`, not in the future.
    pub assessed_on: String,
    /// Certificates: who issued it (telc gGmbH, Goethe-Institut, ÖSD, …). Required then.
    pub issuer: String,
    /// Certificates: the exam (telc Deutsch B1·B2 Beruf, DTB, TestDaF, …). Required then.
    pub exam: String,
    pub certificate_number: String,
    pub note: String,
}

async fn assessments_dto(
    state: &AppState,
    caller: &lernweg_app::Caller,
    id: ParticipantId,
) -> Result<AssessmentsDto, ApiError> {
    let file = language::file(&state.app, caller, id, "api: language assessments").await?;
    Ok(AssessmentsDto {
        items: file.assessments.iter().map(AssessmentDto::from).collect(),
        current: file
            .current()
            .iter()
            .map(|(s, a)| (s.code().to_owned(), a.level.to_string()))
            .collect(),
        german_level: file
            .participant
            .data
            .german_level
            .map(|l| l.as_str().to_owned()),
    })
}

/// A participant's language assessments (counselling staff; trainers of their cohorts).
#[utoipa::path(get, path = "/api/v1/participants/{id}/language-assessments", tag = "language",
    operation_id = "list_language_assessments", params(("id" = String, Path)),
    responses((status = 200, body = AssessmentsDto), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<AssessmentsDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    Ok(Json(assessments_dto(&state, &caller, id).await?))
}

/// Records an assessment; the record's German level follows. Self-assessments are the
/// participant's own (their portal page), not recorded here.
#[utoipa::path(post, path = "/api/v1/participants/{id}/language-assessments", tag = "language",
    operation_id = "create_language_assessment", params(("id" = String, Path)),
    request_body = AssessmentInputDto,
    responses((status = 201, body = AssessmentsDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(b): ApiJson<AssessmentInputDto>,
) -> Result<(StatusCode, Json<AssessmentsDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let raw = RawAssessment {
        skill: b.skill,
        level: b.level,
        source: b.source,
        assessed_on: b.assessed_on,
        issuer: b.issuer,
        exam: b.exam,
        certificate_number: b.certificate_number,
        note: b.note,
    };
    language::record(&state.app, &caller, id, &raw).await?;
    Ok((
        StatusCode::CREATED,
        Json(assessments_dto(&state, &caller, id).await?),
    ))
}

/// An issued certificate and where it is.
#[derive(Serialize, ToSchema)]
pub struct CertificateDto {
    pub id: String,
    pub participant_id: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    /// The PDF (German; `?lang=en` English), for staff with a token.
    pub pdf_url: String,
    /// The signed Open Badges 3.0 credential (VC-JWT, public, `application/vc+jwt`).
    pub credential_url: String,
    /// The public page that says valid, revoked or unknown.
    pub verify_url: String,
    /// The key that signed it (the JWT header's `kid`).
    pub kid: String,
    pub revoked: bool,
    pub revoked_reason: Option<String>,
}

pub(crate) fn certificate_dto(base: &str, c: &LanguageCertificate) -> CertificateDto {
    CertificateDto {
        id: c.id.to_string(),
        participant_id: c.participant_id.to_string(),
        issued_on: c.issued_on.to_string(),
        pdf_url: format!("{base}/api/v1/language-certificates/{}/pdf", c.id),
        credential_url: credential_url(base, c.id),
        verify_url: certs::verify_url(base, c.id),
        kid: c.kid.clone(),
        revoked: c.revoked_at.is_some(),
        revoked_reason: c.revoked_reason.clone(),
    }
}

pub(crate) fn credential_url(base: &str, id: LanguageCertificateId) -> String {
    format!("{base}/api/v1/public/language-certificates/{id}/credential")
}

/// Issues a Sprachkompetenznachweis over the participant's current levels: the PDF and the
/// same content as an Open Badges 3.0 credential signed with the provider's key.
#[utoipa::path(post, path = "/api/v1/participants/{id}/language-certificates", tag = "language",
    operation_id = "issue_language_certificate", params(("id" = String, Path)),
    responses((status = 201, body = CertificateDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn issue(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<(StatusCode, Json<CertificateDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let base = base_url(&state, &headers);
    let c = certs::issue(&state.app, &caller, id, &base).await?;
    Ok((StatusCode::CREATED, Json(certificate_dto(&base, &c))))
}

/// A participant's certificates, newest first.
#[utoipa::path(get, path = "/api/v1/participants/{id}/language-certificates", tag = "language",
    operation_id = "list_language_certificates", params(("id" = String, Path)),
    responses((status = 200, body = [CertificateDto]), (status = 404, body = Problem)))]
pub async fn certificates(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<Json<Vec<CertificateDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let base = base_url(&state, &headers);
    let file = language::file(&state.app, &caller, id, "api: language certificates").await?;
    Ok(Json(
        file.certificates
            .iter()
            .map(|c| certificate_dto(&base, c))
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct RevokeDto {
    /// 1 to 500 characters; kept for staff, not shown publicly.
    pub reason: String,
}

/// Revokes a certificate; its verify page then says revoked.
#[utoipa::path(post, path = "/api/v1/language-certificates/{id}/revoke", tag = "language",
    operation_id = "revoke_language_certificate", params(("id" = String, Path)),
    request_body = RevokeDto,
    responses((status = 200, body = CertificateDto), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn revoke(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    headers: HeaderMap,
    ApiId(id): ApiId<LanguageCertificateId>,
    ApiJson(b): ApiJson<RevokeDto>,
) -> Result<Json<CertificateDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let c = certs::revoke(&state.app, &caller, id, &b.reason).await?;
    Ok(Json(certificate_dto(&base_url(&state, &headers), &c)))
}

#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PdfQuery {
    /// `de` (default) or `en`.
    pub lang: Option<String>,
}

/// The certificate as PDF, German or English.
#[utoipa::path(get, path = "/api/v1/language-certificates/{id}/pdf", tag = "language",
    operation_id = "language_certificate_pdf", params(("id" = String, Path), PdfQuery),
    responses((status = 200, content_type = "application/pdf"), (status = 404, body = Problem)))]
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<LanguageCertificateId>,
    Query(q): Query<PdfQuery>,
) -> Result<Response, ApiError> {
    let caller = api_caller(&ctx)?;
    let c = certs::for_staff(&state.app, &caller, id).await?;
    let lang = if q.lang.as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::De
    };
    super::pdf::download(&c, lang)
        .await
        .map_err(|_| ApiError::Internal)
        .map(IntoResponse::into_response)
}
