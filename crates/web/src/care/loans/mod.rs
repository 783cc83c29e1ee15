//! Device loans (MISSION §2.1): lending laptops, tablets, routers and headsets to
//! participants who lack them. An inventory with the status of each device, the loans with
//! lend, due and return dates, and the overdue list.
//!
//! Every route is for `COUNSELLING` (admin, coordinator, counsellor); a device or loan of
//! another provider answers 404. Views that name participants are audited without names.

pub(crate) mod api;
mod pages;

use axum::routing::{get, post};
use lernweg_domain::access::COUNSELLING;
use utoipa::OpenApi;

use utoipa_axum::routes;

use crate::routes::{Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
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
        documented(COUNSELLING, routes!(api::list_loans)),
        documented(COUNSELLING, routes!(api::create_loan)),
        documented(COUNSELLING, routes!(api::return_loan)),
        documented(COUNSELLING, routes!(api::list_devices)),
        documented(COUNSELLING, routes!(api::create_device)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::LoanDto,
    api::NewLoanDto,
    api::ReturnDto,
    api::DeviceDto,
    api::NewDeviceDto,
)))]
pub struct Doc;
