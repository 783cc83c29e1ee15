//! Counselling services per provider (childcare, social, debt, health, migration, recognition
//! counselling) and referrals of participants to them with their status (MISSION §2.3).
//!
//! Every route is for `COUNSELLING` (admin, coordinator, counsellor); a record of another
//! provider answers 404. Reads of referrals (which name participants) are audited.

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
            page("GET", "/verwaltung/beratungsstellen", COUNSELLING),
            get(pages::services),
        ),
        (
            page("POST", "/verwaltung/beratungsstellen", COUNSELLING),
            post(pages::services_create),
        ),
        (
            page("GET", "/verwaltung/beratungsstellen/{id}", COUNSELLING),
            get(pages::service),
        ),
        (
            page("POST", "/verwaltung/beratungsstellen/{id}", COUNSELLING),
            post(pages::service_update),
        ),
        (
            page("GET", "/verwaltung/verweise", COUNSELLING),
            get(pages::referrals),
        ),
        (
            page("POST", "/verwaltung/verweise", COUNSELLING),
            post(pages::referrals_create),
        ),
        (
            page("POST", "/verwaltung/verweise/{id}/status", COUNSELLING),
            post(pages::referrals_status),
        ),
        documented(COUNSELLING, routes!(api::services_list)),
        documented(COUNSELLING, routes!(api::services_create)),
        documented(COUNSELLING, routes!(api::referrals_list)),
        documented(COUNSELLING, routes!(api::referrals_create)),
        documented(COUNSELLING, routes!(api::referrals_status)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::ServiceDto,
    api::NewServiceDto,
    api::ReferralDto,
    api::ReferralStepDto,
    api::NewReferralDto,
    api::ReferralStatusDto,
)))]
pub struct Doc;
