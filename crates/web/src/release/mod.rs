//! Release agreements (Freistellungsvereinbarungen, issue 13 point 6): the API, the staff
//! pages and the employer's pages under `/betrieb`, and the PDF to sign. What may be done is
//! decided by `lernweg_app::release`.

pub(crate) mod api;
mod pages;
pub(crate) mod pdf;

use axum::routing::{get, post};
use lernweg_domain::access::{COUNSELLING, EMPLOYER};
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page(
                "POST",
                "/verwaltung/einschreibungen/{id}/freistellung",
                COUNSELLING
            ),
            post(pages::request)
        ),
        (
            page("GET", "/verwaltung/freistellungen/{id}", COUNSELLING),
            get(pages::show)
        ),
        (
            page("POST", "/verwaltung/freistellungen/{id}", COUNSELLING),
            post(pages::answer)
        ),
        (
            page("GET", "/verwaltung/freistellungen/{id}/pdf", COUNSELLING),
            get(pages::pdf)
        ),
        (
            page("GET", "/betrieb/freistellungen/{id}", EMPLOYER),
            get(pages::employer_show)
        ),
        (
            page("POST", "/betrieb/freistellungen/{id}", EMPLOYER),
            post(pages::employer_answer)
        ),
        (
            page("GET", "/betrieb/freistellungen/{id}/pdf", EMPLOYER),
            get(pages::employer_pdf)
        ),
        documented(COUNSELLING, routes!(api::list)),
        documented(COUNSELLING, routes!(api::create)),
        documented(COUNSELLING, routes!(api::show)),
        documented(COUNSELLING, routes!(api::answer)),
        documented(COUNSELLING, routes!(api::pdf)),
    ]
}

/// One line about an agreement for the participant's pages: cohort, state, hours and dates.
pub fn panel_line(lang: crate::i18n::Lang, a: &lernweg_store::ReleaseAgreement) -> String {
    lang.t_args(
        "release-panel-line",
        &[
            ("cohort", a.cohort_name.clone()),
            (
                "state",
                lang.t(&format!("release-state-{}", a.state.code())),
            ),
            ("hours", lang.decimal(a.total_hours())),
            ("count", a.dates.len().to_string()),
        ],
    )
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::ReleaseAgreementDto,
    api::ReleaseDateDto,
    api::ReleaseEventDto,
    api::NewReleaseAgreementDto,
    api::ReleaseAnswerDto,
)))]
pub struct Doc;
