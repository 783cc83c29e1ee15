//! Individual qualification paths over the API (issue 14): the recognition case, the plan
//! with coverage and load, its items, and dates for lessons in free time. What may be done
//! is decided by `lernweg_app::participants::individual`.

mod api;

use lernweg_domain::access::COUNSELLING;
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{Route, documented, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        documented(COUNSELLING, routes!(api::recognition_show)),
        documented(COUNSELLING, routes!(api::recognition_put)),
        documented(COUNSELLING, routes!(api::plan)),
        documented(COUNSELLING, routes!(api::add_item)),
        documented(COUNSELLING, routes!(api::patch_item)),
        documented(COUNSELLING, routes!(api::delete_item)),
        documented(COUNSELLING, routes!(api::schedule)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::RecognitionDto,
    api::DifferenceDto,
    api::PlanDto,
    api::PlanItemDto,
    api::CoverageDto,
    api::PlanLoadDto,
    api::PlanWeekDto,
    api::ScheduleDto,
    api::ProposedSessionDto
)))]
pub struct Doc;
