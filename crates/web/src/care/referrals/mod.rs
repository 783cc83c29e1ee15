//! Counselling services per provider (childcare, social, debt, health, migration, recognition
//! counselling) and referrals of participants to them with their status (MISSION §2.3).
//!
//! Every route is for `COUNSELLING` (admin, coordinator, counsellor); a record of another
//! provider answers 404. Reads of referrals (which name participants) are audited.

pub(crate) mod api;
mod pages;

use axum::routing::{MethodRouter, get, post};
use lernweg_domain::access::COUNSELLING;
use utoipa::OpenApi;

use crate::AppState;
use crate::routes::{RouteSpec, api as api_route, page};

pub fn routes() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    vec![
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
        (
            api_route("GET", "/api/v1/counselling-services", COUNSELLING),
            get(api::services_list),
        ),
        (
            api_route("POST", "/api/v1/counselling-services", COUNSELLING),
            post(api::services_create),
        ),
        (
            api_route("GET", "/api/v1/referrals", COUNSELLING),
            get(api::referrals_list),
        ),
        (
            api_route("POST", "/api/v1/referrals", COUNSELLING),
            post(api::referrals_create),
        ),
        (
            api_route("POST", "/api/v1/referrals/{id}/status", COUNSELLING),
            post(api::referrals_status),
        ),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(
    paths(
        api::services_list,
        api::services_create,
        api::referrals_list,
        api::referrals_create,
        api::referrals_status,
    ),
    components(schemas(
        api::ServiceDto,
        api::NewServiceDto,
        api::ReferralDto,
        api::ReferralStepDto,
        api::NewReferralDto,
        api::StatusDto,
    ))
)]
pub struct Doc;
