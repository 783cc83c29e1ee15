//! Planning a draft cohort with the employers (issue 13, point 3): the staff API (re-plan
//! with deadline, closures and the employers' periods; share; the answers beside the
//! sessions they hit) and the employer's pages under `/betrieb/planung`. The staff page
//! controls are part of the cohort page (`pages::cohorts::planning`). What may be done is
//! decided by `lernweg_app::planning` and `lernweg_app::cohorts::replan`.

pub(crate) mod api;
mod employer;
pub(crate) mod slots;
pub(crate) mod slots_page;

use axum::routing::{get, post};
use lernweg_domain::access::{EMPLOYER, MANAGERS, STAFF};
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page("GET", "/betrieb/planung/{id}", EMPLOYER),
            get(employer::show)
        ),
        (
            page("POST", "/betrieb/planung/{id}", EMPLOYER),
            post(employer::answer)
        ),
        (
            page(
                "POST",
                "/betrieb/planung/antworten/{id}/zurueckziehen",
                EMPLOYER
            ),
            post(employer::withdraw)
        ),
        (
            page("GET", "/verwaltung/durchgaenge/{id}/zeiten", MANAGERS),
            get(slots_page::show)
        ),
        (
            page("POST", "/verwaltung/durchgaenge/{id}/zeiten", MANAGERS),
            post(slots_page::choose)
        ),
        documented(MANAGERS, routes!(api::replan)),
        documented(MANAGERS, routes!(api::share)),
        documented(STAFF, routes!(api::answers)),
        documented(MANAGERS, routes!(slots::choose)),
        documented(MANAGERS, routes!(slots::apply)),
        (
            page(
                "POST",
                "/verwaltung/durchgaenge/{id}/zeiten/uebernehmen",
                MANAGERS
            ),
            post(slots_page::apply)
        ),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::ReplanDto,
    api::EmployerPlanningDto,
    api::CohortEmployerDto,
    api::PlanAnswerDto,
    api::BlockedPeriodDto,
    slots::SlotQuestionDto,
    slots::SlotCandidateDto,
    slots::WeeklySlotDto,
    slots::WeeklySlotsDto
)))]
pub struct Doc;
