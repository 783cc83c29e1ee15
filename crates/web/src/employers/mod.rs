//! Employers (Betriebe) of participants, their contact people, and the links of participants
//! to them (issue 13, MISSION §2.2).
//!
//! Every route is for `COUNSELLING` (admin, coordinator, counsellor); an employer of another
//! provider answers 404. Reading who is linked to an employer names participants and is
//! audited.

pub(crate) mod api;

use lernweg_domain::access::COUNSELLING;
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{Route, documented, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        documented(COUNSELLING, routes!(api::list)),
        documented(COUNSELLING, routes!(api::create)),
        documented(COUNSELLING, routes!(api::show)),
        documented(COUNSELLING, routes!(api::update)),
        documented(COUNSELLING, routes!(api::employees)),
        documented(COUNSELLING, routes!(api::link)),
        documented(COUNSELLING, routes!(api::end)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::EmployerDto,
    api::EmployerContactDto,
    api::EmployerInputDto,
    api::EmploymentDto,
    api::NewEmploymentDto,
    api::EndEmploymentDto,
)))]
pub struct Doc;
