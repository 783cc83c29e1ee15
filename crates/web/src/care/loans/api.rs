//! Device loans over the API: devices with their status, loans with the `overdue` flag,
//! lending and returns.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::NaiveDate;
use lernweg_app::loans::{self, DeviceQuery, Lending, LoanOnDay, LoanQuery};
use lernweg_domain::{ParseError, ParticipantId, ProviderId, Search};
use lernweg_store::{DEVICE_KINDS, Device, Loan, NewDevice};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiJson, date, optional_date};
use crate::care::api_caller;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::given;
use crate::paging::{CursorParams, Items};

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
        LoanDto::of(LoanOnDay {
            overdue: l.is_overdue(today),
            loan: l,
        })
    }

    fn of(LoanOnDay { loan: l, overdue }: LoanOnDay) -> Self {
        LoanDto {
            overdue,
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

/// `?status=`, `?kind=` and `?q=` of the loan list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LoanListQuery {
    /// Only `open` or only `returned` loans.
    pub status: Option<String>,
    /// Only loans of devices of this kind: laptop | tablet | router | headset | other.
    pub kind: Option<String>,
    /// Only loans whose device label or serial number or borrower's name contains this text
    /// (case-insensitive).
    pub q: Option<String>,
}

/// `?kind=` and `?q=` of the device list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeviceListQuery {
    /// Only devices of this kind: laptop | tablet | router | headset | other.
    pub kind: Option<String>,
    /// Only devices whose label or serial number (or the name of the borrower of their open
    /// loan) contains this text (case-insensitive).
    pub q: Option<String>,
}

fn kind_of(v: &Option<String>) -> Result<Option<String>, ApiError> {
    match given(v) {
        Some(k) if DEVICE_KINDS.contains(&k) => Ok(Some(k.to_owned())),
        Some(_) => Err(ApiError::field(ParseError::new(
            "kind",
            "invalid_kind",
            "expected laptop, tablet, router, headset or other",
        ))),
        None => Ok(None),
    }
}

/// Loans of the caller's provider (all for the admin) by due date, `limit` at a time.
#[utoipa::path(get, path = "/api/v1/loans", tag = "loans", params(CursorParams, LoanListQuery),
    responses((status = 200, body = Items<LoanDto>), (status = 422, body = Problem)))]
pub async fn list_loans(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<LoanListQuery>,
) -> Result<Json<Items<LoanDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let open = match given(&q.status) {
        Some("open") => Some(true),
        Some("returned") => Some(false),
        Some(_) => {
            return Err(ApiError::field(ParseError::new(
                "status",
                "invalid_status",
                "expected open or returned",
            )));
        }
        None => None,
    };
    let query = LoanQuery {
        kind: kind_of(&q.kind)?,
        open,
        search: Search::parse(q.q.as_deref().unwrap_or(""))?,
    };
    let list = loans::loans_after(
        &state.app,
        &caller,
        &query,
        cursor.as_ref(),
        limit,
        "api: loans",
    )
    .await?;
    Ok(Json(Items::from_slice(list, LoanDto::of)))
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
    let caller = api_caller(&ctx)?;
    let participant_id = ParticipantId::parse(body.participant_id.trim()).map_err(|_| {
        ApiError::field(ParseError::new(
            "participant_id",
            "unknown_participant",
            "no such participant",
        ))
    })?;
    let lending = Lending {
        device_id: body.device_id,
        participant_id,
        lent_on: optional_date("lent_on", body.lent_on.as_deref())?,
        due_on: date("due_on", &body.due_on)?,
        note: body.note,
    };
    let loan = loans::lend(&state.app, &caller, lending).await?;
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
    let caller = api_caller(&ctx)?;
    let returned_on = optional_date("returned_on", body.returned_on.as_deref())?;
    let loan = loans::return_loan(&state.app, &caller, &id, returned_on).await?;
    Ok(Json(LoanDto::new(loan, state.app.today())))
}

/// The inventory of the caller's provider (all for the admin) with each device's status, by
/// label, `limit` at a time.
#[utoipa::path(get, path = "/api/v1/devices", tag = "loans", params(CursorParams, DeviceListQuery),
    responses((status = 200, body = Items<DeviceDto>), (status = 422, body = Problem)))]
pub async fn list_devices(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(page): Query<CursorParams>,
    Query(q): Query<DeviceListQuery>,
) -> Result<Json<Items<DeviceDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let (limit, cursor) = page.parse()?;
    let query = DeviceQuery {
        kind: kind_of(&q.kind)?,
        lent: None,
        search: Search::parse(q.q.as_deref().unwrap_or(""))?,
    };
    let list = loans::devices_after(
        &state.app,
        &caller.principal,
        &query,
        cursor.as_ref(),
        limit,
    )
    .await?;
    Ok(Json(Items::from_slice(list, |d| {
        device_dto(d.device, d.open_loan.as_ref())
    })))
}

/// Adds a device to the inventory (201).
#[utoipa::path(post, path = "/api/v1/devices", tag = "loans", request_body = NewDeviceDto,
    responses((status = 201, body = DeviceDto), (status = 422, body = Problem)))]
pub async fn create_device(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<NewDeviceDto>,
) -> Result<(StatusCode, Json<DeviceDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let named = body
        .provider_id
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| ProviderId::parse(s.trim()))
        .transpose()
        .map_err(|_| ApiError::NotFound)?;
    let new = NewDevice {
        kind: body.kind,
        label: body.label,
        serial: body.serial,
        note: body.note,
    };
    let device = loans::create_device(&state.app, &caller, named, new).await?;
    Ok((StatusCode::CREATED, Json(device_dto(device, None))))
}
