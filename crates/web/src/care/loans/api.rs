//! Device loans over the API: devices with their status, loans with the `overdue` flag,
//! lending and returns.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::NaiveDate;
use lernweg_domain::{ParseError, ParticipantId, ProviderId};
use lernweg_store::{AuditAction, Device, Loan, NewDevice, NewLoan};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{device_provider, visible_device, visible_loan};
use crate::AppState;
use crate::api::{ApiJson, caller};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};

/// A loan of a device to a participant.
#[derive(Serialize, ToSchema)]
pub struct LoanDto {
    pub id: String,
    pub device_id: String,
    pub participant_id: String,
    /// `YYYY-MM-DD`.
    pub lent_on: String,
    pub due_on: String,
    /// Absent while the device is still lent.
    pub returned_on: Option<String>,
    pub note: String,
    /// Open and due before today.
    pub overdue: bool,
}

impl LoanDto {
    /// The loan as the API shows it; `overdue` as of `today`.
    pub fn new(l: Loan, today: NaiveDate) -> Self {
        LoanDto {
            overdue: l.is_overdue(today),
            id: l.id,
            device_id: l.device_id,
            participant_id: l.participant_id.to_string(),
            lent_on: l.lent_on.to_string(),
            due_on: l.due_on.to_string(),
            returned_on: l.returned_on.map(|d| d.to_string()),
            note: l.note,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewLoanDto {
    #[serde(default)]
    pub device_id: String,
    #[serde(default)]
    pub participant_id: String,
    /// `YYYY-MM-DD`; today if absent.
    pub lent_on: Option<String>,
    /// `YYYY-MM-DD`, not before `lent_on`.
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ReturnDto {
    /// `YYYY-MM-DD`, not before the lending date; today if absent.
    pub returned_on: Option<String>,
}

/// A device of the inventory.
#[derive(Serialize, ToSchema)]
pub struct DeviceDto {
    pub id: String,
    pub provider_id: String,
    /// `laptop`, `tablet`, `router`, `headset` or `other`.
    pub kind: String,
    pub label: String,
    pub serial: String,
    pub note: String,
    pub active: bool,
    /// `available`, `lent` or `inactive`.
    pub status: String,
    /// The open loan while the device is lent.
    pub open_loan_id: Option<String>,
}

fn device_dto(d: Device, open: Option<&Loan>) -> DeviceDto {
    DeviceDto {
        status: d.status(open.is_some()).code().to_owned(),
        open_loan_id: open.map(|l| l.id.clone()),
        id: d.id,
        provider_id: d.provider_id.to_string(),
        kind: d.kind,
        label: d.label,
        serial: d.serial,
        note: d.note,
        active: d.active,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewDeviceDto {
    /// Only for the admin, who belongs to no provider; others add to their own provider.
    pub provider_id: Option<String>,
    /// `laptop`, `tablet`, `router`, `headset` or `other`.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub serial: String,
    #[serde(default)]
    pub note: String,
}

fn date(field: &'static str, raw: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::field(ParseError::new(
            field,
            "invalid_date",
            "expected a date as YYYY-MM-DD, e.g. 2026-09-01",
        ))
    })
}

fn optional_date(
    field: &'static str,
    raw: Option<&str>,
    today: NaiveDate,
) -> Result<NaiveDate, ApiError> {
    match raw.filter(|s| !s.trim().is_empty()) {
        Some(s) => date(field, s),
        None => Ok(today),
    }
}

/// Loans of the caller's provider (all for the admin): open ones first by due date.
#[utoipa::path(get, path = "/api/v1/loans", tag = "loans",
    responses((status = 200, body = [LoanDto])))]
pub async fn list_loans(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
) -> Result<Json<Vec<LoanDto>>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let scope = principal.provider_scope();
    state
        .store
        .audit(&actor.entry(
            scope,
            AuditAction::View,
            "device_loans",
            scope.map(|p| p.to_string()).unwrap_or_else(|| "all".into()),
            "api: loans",
        ))
        .await?;
    let loans = state.store.loans(scope).await?;
    Ok(Json(
        loans
            .into_iter()
            .map(|l| LoanDto::new(l, state.app.today()))
            .collect(),
    ))
}

/// Lends a device to a participant of its provider (201). A device on an open loan, an
/// inactive device, another provider's participant or `due_on` before `lent_on`: 422.
#[utoipa::path(post, path = "/api/v1/loans", tag = "loans", request_body = NewLoanDto,
    responses((status = 201, body = LoanDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create_loan(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<NewLoanDto>,
) -> Result<(StatusCode, Json<LoanDto>), ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let device = visible_device(&state.store, &principal, body.device_id.trim()).await?;
    let participant_id = ParticipantId::parse(body.participant_id.trim()).map_err(|_| {
        ApiError::field(ParseError::new(
            "participant_id",
            "unknown_participant",
            "no such participant",
        ))
    })?;
    let lent_on = optional_date("lent_on", body.lent_on.as_deref(), state.app.today())?;
    let due_on = date("due_on", &body.due_on)?;
    let loan = state
        .store
        .lend_device(
            &actor,
            NewLoan {
                device_id: device.id,
                participant_id,
                lent_on,
                due_on,
                note: body.note,
            },
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(LoanDto::new(loan, state.app.today())),
    ))
}

/// Records the return of a loan.
#[utoipa::path(post, path = "/api/v1/loans/{id}/return", tag = "loans", params(("id" = String, Path)), request_body = ReturnDto,
    responses((status = 200, body = LoanDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn return_loan(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReturnDto>,
) -> Result<Json<LoanDto>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let loan = visible_loan(&state.store, &principal, &id).await?;
    let returned_on = optional_date(
        "returned_on",
        body.returned_on.as_deref(),
        state.app.today(),
    )?;
    let loan = state
        .store
        .return_loan(&actor, &loan.id, returned_on)
        .await?;
    Ok(Json(LoanDto::new(loan, state.app.today())))
}

/// The inventory of the caller's provider (all for the admin) with each device's status.
#[utoipa::path(get, path = "/api/v1/devices", tag = "loans",
    responses((status = 200, body = [DeviceDto])))]
pub async fn list_devices(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
) -> Result<Json<Vec<DeviceDto>>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let scope = principal.provider_scope();
    let open: Vec<Loan> = state
        .store
        .loans(scope)
        .await?
        .into_iter()
        .filter(Loan::is_open)
        .collect();
    let devices = state.store.devices(scope).await?;
    Ok(Json(
        devices
            .into_iter()
            .map(|d| {
                let loan = open.iter().find(|l| l.device_id == d.id);
                device_dto(d, loan)
            })
            .collect(),
    ))
}

/// Adds a device to the inventory (201).
#[utoipa::path(post, path = "/api/v1/devices", tag = "loans", request_body = NewDeviceDto,
    responses((status = 201, body = DeviceDto), (status = 422, body = Problem)))]
pub async fn create_device(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<NewDeviceDto>,
) -> Result<(StatusCode, Json<DeviceDto>), ApiError> {
    let (principal, actor) = caller(&ctx)?;
    let named = body
        .provider_id
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| ProviderId::parse(s.trim()))
        .transpose()
        .map_err(|_| ApiError::NotFound)?;
    let provider = device_provider(&principal, named).ok_or_else(|| {
        ApiError::field(ParseError::new(
            "provider_id",
            "required",
            "the admin names the provider",
        ))
    })?;
    let device = state
        .store
        .create_device(
            &actor,
            provider,
            NewDevice {
                kind: body.kind.trim().to_owned(),
                label: body.label,
                serial: body.serial,
                note: body.note,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(device_dto(device, None))))
}
