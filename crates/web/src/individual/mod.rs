//! Individual qualification paths (issue 14): the staff page and the API: the recognition case, the plan
//! with coverage and load, its items, and dates for lessons in free time. What may be done
//! is decided by `lernweg_app::participants::individual`.

pub(crate) mod api;
mod forms;
mod lesson_pages;
mod lessons_api;
mod pages;
mod pdf;

use axum::routing::{get, post};
use lernweg_domain::access::{COUNSELLING, STAFF};
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page(
                "GET",
                "/verwaltung/teilnehmende/{id}/qualifizierungsplan",
                COUNSELLING
            ),
            get(pages::show)
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/qualifizierungsplan/anerkennung",
                COUNSELLING
            ),
            post(pages::save_case)
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/qualifizierungsplan/bausteine",
                COUNSELLING
            ),
            post(pages::add_item)
        ),
        (
            page(
                "GET",
                "/verwaltung/teilnehmende/{id}/qualifizierungsplan/bescheinigung.pdf",
                COUNSELLING
            ),
            get(pdf::certificate)
        ),
        (
            page(
                "POST",
                "/verwaltung/plan-bausteine/{id}/loeschen",
                COUNSELLING
            ),
            post(pages::delete_item)
        ),
        (
            page(
                "POST",
                "/verwaltung/plan-bausteine/{id}/termine",
                COUNSELLING
            ),
            post(pages::propose)
        ),
        documented(COUNSELLING, routes!(api::recognition_show)),
        documented(COUNSELLING, routes!(api::recognition_put)),
        documented(COUNSELLING, routes!(api::plan)),
        documented(COUNSELLING, routes!(api::add_item)),
        documented(COUNSELLING, routes!(api::patch_item)),
        documented(COUNSELLING, routes!(api::delete_item)),
        documented(COUNSELLING, routes!(api::schedule)),
        documented(COUNSELLING, routes!(api::progress)),
        (
            page(
                "POST",
                "/verwaltung/plan-bausteine/{id}/termine/bestaetigen",
                COUNSELLING
            ),
            post(lesson_pages::confirm)
        ),
        (
            page("POST", "/verwaltung/plan-termine/{id}/anwesenheit", STAFF),
            post(lesson_pages::attendance)
        ),
        (
            page("POST", "/verwaltung/plan-termine/{id}/aendern", COUNSELLING),
            post(lesson_pages::change)
        ),
        documented(COUNSELLING, routes!(lessons_api::list)),
        documented(COUNSELLING, routes!(lessons_api::confirm)),
        documented(COUNSELLING, routes!(lessons_api::change)),
        documented(STAFF, routes!(lessons_api::attendance)),
        (
            page(
                "POST",
                "/verwaltung/plan-bausteine/{id}/stunden",
                COUNSELLING
            ),
            post(pages::log_hours)
        ),
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
    api::ProposedSessionDto,
    api::PlanProgressDto,
    lessons_api::PlanSessionDto,
    lessons_api::PlanSessionChangeDto,
    lessons_api::PlanSessionsDto,
    lessons_api::LessonDateDto,
    lessons_api::ConfirmLessonsDto,
    lessons_api::PlanAttendanceDto
)))]
pub struct Doc;
