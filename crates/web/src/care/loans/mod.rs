//! Device loans (MISSION §2.1): lending laptops, tablets, routers and headsets to
//! participants who lack them. An inventory with the status of each device, the loans with
//! lend, due and return dates, and the overdue list.
//!
//! Every route is for `COUNSELLING` (admin, coordinator, counsellor); a device or loan of
//! another provider answers 404. Views that name participants are audited without names.

pub(crate) mod api;
mod pages;

use axum::routing::{MethodRouter, get, post};
use lernweg_domain::access::COUNSELLING;
use lernweg_domain::{Principal, ProviderId};
use lernweg_store::{Device, Loan, Store, StoreError};
use utoipa::OpenApi;

use crate::AppState;
use crate::routes::{RouteSpec, api as api_route, page};

pub fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    vec![
        (
            page("GET", "/verwaltung/leihgeraete", COUNSELLING),
            get(pages::show),
        ),
        (
            page("POST", "/verwaltung/leihgeraete", COUNSELLING),
            post(pages::add_device),
        ),
        (
            page("POST", "/verwaltung/leihgeraete/ausleihen", COUNSELLING),
            post(pages::lend),
        ),
        (
            page("POST", "/verwaltung/leihen/{id}/rueckgabe", COUNSELLING),
            post(pages::return_loan),
        ),
        (
            api_route("GET", "/api/v1/loans", COUNSELLING),
            get(api::list_loans),
        ),
        (
            api_route("POST", "/api/v1/loans", COUNSELLING),
            post(api::create_loan),
        ),
        (
            api_route("POST", "/api/v1/loans/{id}/return", COUNSELLING),
            post(api::return_loan),
        ),
        (
            api_route("GET", "/api/v1/devices", COUNSELLING),
            get(api::list_devices),
        ),
        (
            api_route("POST", "/api/v1/devices", COUNSELLING),
            post(api::create_device),
        ),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(
    paths(
        api::list_loans,
        api::create_loan,
        api::return_loan,
        api::list_devices,
        api::create_device,
    ),
    components(schemas(
        api::LoanDto,
        api::NewLoanDto,
        api::ReturnDto,
        api::DeviceDto,
        api::NewDeviceDto,
    ))
)]
pub struct Doc;

/// Today in the server's time zone (the store reads no clock for the overdue rule).
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A device the caller may see (another provider's: `NotFound`).
async fn visible_device(store: &Store, who: &Principal, id: &str) -> Result<Device, StoreError> {
    let device = store.device(id).await?;
    if !who.can_access_provider(device.provider_id) {
        return Err(StoreError::NotFound);
    }
    Ok(device)
}

/// A loan the caller may see (another provider's: `NotFound`).
async fn visible_loan(store: &Store, who: &Principal, id: &str) -> Result<Loan, StoreError> {
    let loan = store.loan(id).await?;
    if !who.can_access_provider(loan.provider_id) {
        return Err(StoreError::NotFound);
    }
    Ok(loan)
}

/// The provider a new device belongs to: the caller's own; the admin names one.
fn device_provider(who: &Principal, named: Option<ProviderId>) -> Option<ProviderId> {
    match who.provider_scope() {
        Some(own) => Some(own),
        None => named,
    }
}
