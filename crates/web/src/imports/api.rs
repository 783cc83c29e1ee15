//! The import over the API: upload the CSV bytes (`Content-Type: text/csv`) to get a preview
//! job with the errors per row, then confirm it (202; the rows are written in the background,
//! poll the job for `done_rows`) or discard it.

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use lernweg_app::imports::{self, FILE_FIELD, ImportIssue, ImportJob, ImportStatus, JobQuery};
use lernweg_app::{AppError, Caller};
use lernweg_domain::{ParseError, ProviderId, Search, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    FILE_LIMIT, Upload, failure_message, file_refusal_id, issue_message, read_body, warning_message,
};
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem, problem};
use crate::i18n::Lang;
use crate::paging::{CursorParams, Items};

/// An import job: a preview until confirmed, then its progress and result.
#[derive(Serialize, ToSchema)]
pub struct ImportJobDto {
    pub id: String,
    /// `previewed`, `running`, `done`, `failed` or `discarded`.
    pub status: String,
    pub provider_id: String,
    pub file_name: String,
    /// How the file was read: `utf8`, `utf8_bom`, `utf16_le`, `utf16_be` or `windows1252`.
    pub encoding: String,
    /// Assigned to every imported participant.
    pub contact_person_id: Option<String>,
    /// Data rows in the file (empty rows not counted).
    pub total_rows: u64,
    /// Rows that a confirmation writes (or wrote).
    pub valid_rows: u64,
    /// Rows with at least one error; they are not imported.
    pub error_rows: u64,
    /// Rows written so far; equals `valid_rows` when `done`.
    pub done_rows: u64,
    pub created_at: String,
    pub finished_at: Option<String>,
    /// File-level warnings, e.g. an unknown column that is not imported.
    pub warnings: Vec<MessageDto>,
    /// The errors per row while the job is a preview (removed when it ends).
    pub errors: Vec<RowErrorDto>,
    /// Why the job failed (nothing was written) or expired.
    pub failure: Option<MessageDto>,
}

/// One error of one row.
#[derive(Serialize, ToSchema)]
pub struct RowErrorDto {
    /// As a spreadsheet shows it: the header is row 1, the first data row is row 2.
    pub row: u64,
    /// The participant field, e.g. `email`, `german_level`, `other_languages.1`.
    pub field: String,
    /// A stable code, e.g. `invalid_email`, `duplicate_in_file`, `already_stored`.
    pub code: String,
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct MessageDto {
    pub code: String,
    pub message: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreateQuery {
    /// Staff member (active, of the provider) assigned as contact person to every imported
    /// participant.
    pub contact_person_id: Option<String>,
    /// The original file name, for the list of imports.
    pub file_name: Option<String>,
    /// Only for the admin, who belongs to no provider (else taken from the contact person).
    pub provider_id: Option<String>,
}

fn dto(job: ImportJob, issues: Vec<ImportIssue>) -> ImportJobDto {
    let lang = Lang::En;
    ImportJobDto {
        failure: failure_message(lang, &job).map(|message| MessageDto {
            code: job.error_code.clone().unwrap_or_default(),
            message,
        }),
        warnings: job
            .warnings
            .iter()
            .map(|w| MessageDto {
                code: w.code.clone(),
                message: warning_message(lang, w),
            })
            .collect(),
        errors: issues
            .iter()
            .map(|i| RowErrorDto {
                row: i.row,
                field: i.field.clone(),
                code: i.code.clone(),
                message: issue_message(lang, i),
            })
            .collect(),
        status: job.status.as_str().to_owned(),
        provider_id: job.provider_id.to_string(),
        contact_person_id: job.contact_person_id.map(|u| u.to_string()),
        total_rows: job.total_rows,
        valid_rows: job.valid_rows,
        error_rows: job.error_rows,
        done_rows: job.done_rows,
        created_at: job.created_at.to_rfc3339(),
        finished_at: job.finished_at.map(|t| t.to_rfc3339()),
        encoding: job.encoding,
        file_name: job.file_name,
        id: job.id,
    }
}

/// The job with its row errors; reading a preview's errors (which quote values) is audited.
async fn full_dto(
    state: &AppState,
    caller: &Caller,
    job: ImportJob,
) -> Result<ImportJobDto, ApiError> {
    let issues = imports::issues(&state.app, caller, &job, "api: preview").await?;
    Ok(dto(job, issues))
}

use crate::api::api_caller;

/// A refusal of the file itself gets its message in English; other errors as usual.
fn upload_error(e: AppError) -> ApiError {
    match e {
        AppError::Invalid(errors) if errors.iter().any(|e| e.field == FILE_FIELD) => {
            ApiError::Validation(
                errors
                    .into_iter()
                    .map(|e| FieldError {
                        field: e.field.into(),
                        code: e.code.into(),
                        message: Lang::En
                            .t_args(&file_refusal_id(e.code), &[("detail", e.message)]),
                    })
                    .collect(),
            )
        }
        other => other.into(),
    }
}

fn id_field(field: &'static str, raw: Option<&str>) -> Result<Option<String>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if uuid::Uuid::parse_str(s).is_ok() => Ok(Some(s.to_owned())),
        Some(_) => Err(ApiError::field(ParseError::new(
            field,
            "invalid_id",
            "expected a UUID",
        ))),
        None => Ok(None),
    }
}

/// `?status=` and `?q=` of the list of import jobs.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportListQuery {
    /// Only jobs with this status: previewed | running | done | failed | discarded.
    pub status: Option<String>,
    /// Only jobs whose file name contains this text (case-insensitive).
    pub q: Option<String>,
}

/// The import jobs of the caller's provider (all for the admin), newest first, `limit` at a
/// time.
#[utoipa::path(get, path = "/api/v1/participants/imports", operation_id = "list_imports", tag = "participants",
    params(CursorParams, ImportListQuery),
    responses((status = 200, body = Items<ImportJobDto>), (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<ImportListQuery>,
) -> Result<Json<Items<ImportJobDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(code) => Some(ImportStatus::from_code(code).ok_or_else(|| {
            ApiError::from(ParseError::new(
                "status",
                "invalid_status",
                "expected previewed, running, done, failed or discarded",
            ))
        })?),
        None => None,
    };
    let query = JobQuery {
        status,
        search: Search::parse(q.q.as_deref().unwrap_or(""))?,
    };
    let jobs = imports::jobs_after(
        &state.app,
        &caller.principal,
        &query,
        cursor.as_ref(),
        limit,
    )
    .await?;
    Ok(Json(Items::from_slice(jobs, |j| dto(j, Vec::new()))))
}

/// Uploads a CSV file (semicolon-separated; UTF-8 with or without BOM, UTF-16 with BOM or
/// Windows-1252; German or English headers) and answers its preview: counts and the errors
/// per row. Nothing is written until `POST …/{id}/confirm`. At most 10 MiB.
#[utoipa::path(post, path = "/api/v1/participants/imports", operation_id = "create_import", tag = "participants",
    params(CreateQuery),
    request_body(content = String, content_type = "text/csv",
        description = "The CSV file's bytes, e.g. `Vorname;Nachname;E-Mail` and one row per person."),
    responses(
        (status = 201, body = ImportJobDto, description = "The preview"),
        (status = 400, body = Problem),
        (status = 413, body = Problem, description = "The file is larger than 10 MiB"),
        (status = 415, body = Problem, description = "Not sent as text/csv"),
        (status = 422, body = Problem, description = "Not a CSV file, no name columns, or a bad contact person"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    query: Result<Query<CreateQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match create_job(&state, &ctx, query, &headers, body).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn create_job(
    state: &AppState,
    ctx: &Extension<Ctx>,
    query: Result<Query<CreateQuery>, QueryRejection>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let caller = api_caller(ctx)?;
    let Query(q) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    let accepted = [
        "text/csv",
        "application/csv",
        "text/plain",
        "application/vnd.ms-excel",
        "application/octet-stream",
    ];
    if let Some(ct) = content_type.as_deref()
        && !accepted.contains(&ct)
    {
        return Ok(problem(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported Media Type",
            Some(format!(
                "send the CSV file's bytes as `Content-Type: text/csv`, not {ct}"
            )),
            vec![],
        ));
    }
    let bytes = match read_body(body).await {
        Ok(Upload::Bytes(b)) => b,
        Ok(Upload::TooLarge) | Err(_) => {
            return Ok(problem(
                StatusCode::PAYLOAD_TOO_LARGE,
                "Content Too Large",
                Some(format!(
                    "the file is larger than {} MiB ({FILE_LIMIT} bytes); split it into smaller files",
                    FILE_LIMIT / (1024 * 1024)
                )),
                vec![],
            ));
        }
    };
    let contact = id_field("contact_person_id", q.contact_person_id.as_deref())?
        .map(|s| UserId::parse(&s))
        .transpose()?;
    let named = id_field("provider_id", q.provider_id.as_deref())?
        .map(|s| ProviderId::parse(&s))
        .transpose()?;
    if bytes.is_empty() {
        return Err(ApiError::Validation(vec![FieldError {
            field: "file".into(),
            code: "empty_file".into(),
            message: "the body is empty: send the CSV file's bytes".into(),
        }]));
    }
    let upload = imports::Upload {
        bytes,
        file_name: q.file_name.unwrap_or_else(|| "upload.csv".to_owned()),
        contact_person: contact,
        provider: named,
    };
    let job = imports::upload(&state.app, &caller, upload)
        .await
        .map_err(upload_error)?;
    let dto = full_dto(state, &caller, job).await?;
    Ok((StatusCode::CREATED, Json(dto)).into_response())
}

/// A job with its status and progress (`done_rows` of `valid_rows`), and while it is a
/// preview, its errors per row.
#[utoipa::path(get, path = "/api/v1/participants/imports/{id}", operation_id = "show_import", tag = "participants",
    params(("id" = String, Path, description = "Import job id")),
    responses((status = 200, body = ImportJobDto), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<ImportJobDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let job = imports::visible_job(&state.app, &caller.principal, &id).await?;
    Ok(Json(full_dto(&state, &caller, job).await?))
}

/// Confirms a preview: its valid rows are written in the background, all or nothing (202).
/// Poll the job until `done` (or `failed`: nothing written). 409 if the job is no preview
/// (confirmed before, discarded or expired).
#[utoipa::path(post, path = "/api/v1/participants/imports/{id}/confirm", tag = "participants",
    params(("id" = String, Path, description = "Import job id")),
    responses(
        (status = 202, body = ImportJobDto, description = "The import is running"),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Confirmed before, discarded or expired"),
    ))]
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<ImportJobDto>), ApiError> {
    let running = imports::confirm(&state.app, &api_caller(&ctx)?, &id).await?;
    Ok((StatusCode::ACCEPTED, Json(dto(running, Vec::new()))))
}

/// Discards a preview: its rows are deleted, nothing is imported. 409 if the job is no
/// preview.
#[utoipa::path(delete, path = "/api/v1/participants/imports/{id}", tag = "participants",
    params(("id" = String, Path, description = "Import job id")),
    responses(
        (status = 200, body = ImportJobDto, description = "The discarded job"),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Running, done, failed or already discarded"),
    ))]
pub async fn discard(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<ImportJobDto>, ApiError> {
    let job = imports::discard(&state.app, &api_caller(&ctx)?, &id).await?;
    Ok(Json(dto(job, Vec::new())))
}
