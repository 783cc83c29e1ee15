//! Employers (Betriebe) of participants, their contact people, and the links of participants
//! to them (issue 13, MISSION §2.2).
//!
//! Staff routes are for `COUNSELLING` (admin, coordinator, counsellor); an employer of
//! another provider answers 404. Reading who is linked to an employer names participants and
//! is audited. `/betrieb` is the employer contact's own page (role `employer`).

pub(crate) mod api;
mod pages;
pub(crate) mod portal;

use axum::routing::{get, post};
use lernweg_domain::access::{COUNSELLING, EMPLOYER};
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        // The employer contact's own page.
        (page("GET", "/betrieb", EMPLOYER), get(portal::show)),
        (
            page("POST", "/betrieb/kalender", EMPLOYER),
            post(portal::renew_feed)
        ),
        (
            page("POST", "/betrieb/kalender/widerrufen", EMPLOYER),
            post(portal::revoke_feed)
        ),
        // Staff pages.
        (
            page("GET", "/verwaltung/betriebe", COUNSELLING),
            get(pages::list)
        ),
        (
            page("GET", "/verwaltung/betriebe/{id}", COUNSELLING),
            get(pages::show)
        ),
        (
            page(
                "POST",
                "/verwaltung/betriebe/{id}/kontakte/{contact}/code",
                COUNSELLING
            ),
            post(pages::invite_code)
        ),
        (
            page(
                "POST",
                "/verwaltung/betriebe/{id}/kontakte/{contact}/einladung",
                COUNSELLING
            ),
            post(pages::invite_email)
        ),
        (
            page(
                "POST",
                "/verwaltung/betriebe/{id}/kontakte/{contact}/widerrufen",
                COUNSELLING
            ),
            post(pages::revoke)
        ),
        (
            page("POST", "/verwaltung/betriebe/{id}/kalender", COUNSELLING),
            post(pages::renew_feed)
        ),
        (
            page(
                "POST",
                "/verwaltung/betriebe/{id}/kalender/widerrufen",
                COUNSELLING
            ),
            post(pages::revoke_feed)
        ),
        // The API.
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
