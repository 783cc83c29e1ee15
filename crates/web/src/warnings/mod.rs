//! Early warnings for the contact person (issue 17, point 3): the section on the start page
//! (`pages::home`), the page `/verwaltung/fruehwarnungen` (open ones and those handled in the
//! last 30 days with their notes), the form that marks one as handled, and the API
//! (`GET /api/v1/warnings`, `POST /api/v1/warnings/handled`). Who sees whose warnings and the
//! rules are `lernweg_app::warnings`; the digest e-mail's text is written by `outbox::render`.

pub(crate) mod api;
pub(crate) mod page;

use axum::routing::{get, post};
use lernweg_app::warnings::{Facts, OpenWarning};
use lernweg_domain::access::COUNSELLING;
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::i18n::Lang;
use crate::pages::catalogue::{date_text, hours_text};
use crate::routes::{Route, documented, page as page_route, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page_route("GET", "/verwaltung/fruehwarnungen", COUNSELLING),
            get(page::show)
        ),
        (
            page_route("POST", "/verwaltung/fruehwarnungen/erledigt", COUNSELLING),
            post(page::handle)
        ),
        documented(COUNSELLING, routes!(api::list)),
        documented(COUNSELLING, routes!(api::mark_handled)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(api::WarningDto, api::WarningsDto, api::HandledDto)))]
pub struct Doc;

/// One open warning as a row of the start page and the warnings page.
pub struct WarningRow {
    pub participant_id: String,
    pub name: String,
    pub kind: &'static str,
    /// The short label of the kind.
    pub label: String,
    /// The sentence with the facts.
    pub what: String,
    pub since: String,
    pub subject: String,
}

/// The short label of a kind ("Zweimal in Folge gefehlt").
pub fn kind_label(lang: Lang, code: &str) -> String {
    lang.t(&format!("warnings-kind-{code}"))
}

/// The sentence that names a warning's facts.
pub fn what_text(lang: Lang, facts: &Facts) -> String {
    let d = |d| date_text(lang, d);
    match facts {
        Facts::AbsencesInRow {
            first,
            second,
            count,
        } => lang.t_args(
            "warnings-what-absences_in_row",
            &[
                ("first", d(*first)),
                ("second", d(*second)),
                ("count", count.to_string()),
            ],
        ),
        Facts::LowAttendance {
            present,
            recorded,
            percent,
            ..
        } => lang.t_args(
            "warnings-what-low_attendance",
            &[
                ("percent", percent.to_string()),
                ("present", present.to_string()),
                ("recorded", recorded.to_string()),
            ],
        ),
        Facts::LoadOverLimit {
            week,
            hours,
            limit,
            weeks,
            ..
        } => lang.t_args(
            "warnings-what-load_over_limit",
            &[
                ("week", week.clone()),
                ("hours", hours_text(lang, *hours)),
                ("limit", hours_text(lang, *limit)),
                ("weeks", weeks.to_string()),
            ],
        ),
        Facts::NoContact {
            last: Some(l),
            days,
        } => lang.t_args(
            "warnings-what-no_contact",
            &[("days", days.to_string()), ("last", d(*l))],
        ),
        Facts::NoContact { last: None, days } => lang.t_args(
            "warnings-what-no_contact-never",
            &[("days", days.to_string())],
        ),
        Facts::ReleaseDeclined { cohort, .. } => lang.t_args(
            "warnings-what-release_declined",
            &[("cohort", cohort.clone())],
        ),
    }
}

/// The open warnings as rows.
pub fn rows(lang: Lang, open: &[OpenWarning]) -> Vec<WarningRow> {
    open.iter()
        .map(|o| {
            let w = &o.warning;
            WarningRow {
                participant_id: w.participant.to_string(),
                name: o.name.clone(),
                kind: w.kind.code(),
                label: kind_label(lang, w.kind.code()),
                what: what_text(lang, &w.facts),
                since: date_text(lang, w.since),
                subject: w.subject.clone(),
            }
        })
        .collect()
}
