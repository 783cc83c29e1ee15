//! Attendance per session and the progress that follows from it (issue 5, point 5).
//!
//! - Trainers take the roll call on a phone: `/verwaltung/anwesenheit` lists their sessions
//!   (today, recent ones without a complete roll call, the next days), and
//!   `/verwaltung/termine/{id}/anwesenheit` has one row per participant with three large
//!   choices (present, excused, absent) and one save button. Trainers reach only the cohorts
//!   they teach (another cohort answers 404); admins, coordinators and counsellors reach every
//!   cohort of their provider. These pages show names only.
//! - Counselling staff see each enrolment's progress (modules completed, milestones reached,
//!   attendance rate) on the participant page and record staff entries there
//!   (`POST /verwaltung/einschreibungen/{id}/fortschritt`).
//! - The API: `/api/v1/sessions/{id}/attendance` (GET, PUT), `/api/v1/enrolments/{id}/attendance`,
//!   `/api/v1/enrolments/{id}/progress` and `/api/v1/enrolments/{id}/progress-entries`.
//!
//! The use-cases are `lernweg_app::attendance` (rules: `lernweg_participants::{attendance,
//! progress}`); this module only translates forms and JSON.

pub(crate) mod api;
pub(crate) mod pages;
mod progress;

use axum::routing::{get, post};
use chrono::NaiveDate;
use lernweg_domain::access::{COUNSELLING, STAFF};
use utoipa::OpenApi;

use utoipa_axum::routes;

use crate::i18n::Lang;
use crate::routes::{Route, documented, page, route_table};

pub use progress::{ProgressPanel, progress_panel};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page("GET", "/verwaltung/anwesenheit", STAFF),
            get(pages::overview),
        ),
        (
            page("GET", "/verwaltung/termine/{id}/anwesenheit", STAFF),
            get(pages::roll_call),
        ),
        (
            page("POST", "/verwaltung/termine/{id}/anwesenheit", STAFF),
            post(pages::save_roll_call),
        ),
        (
            page(
                "POST",
                "/verwaltung/einschreibungen/{id}/fortschritt",
                COUNSELLING,
            ),
            post(progress::add_entry),
        ),
        documented(STAFF, routes!(api::session_attendance)),
        documented(STAFF, routes!(api::record_attendance)),
        documented(COUNSELLING, routes!(api::enrolment_attendance)),
        documented(COUNSELLING, routes!(api::enrolment_progress)),
        documented(COUNSELLING, routes!(api::add_progress_entry)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::SessionAttendanceDto,
    api::RollCallRowDto,
    api::AttendanceInputDto,
    api::AttendanceDto,
    api::ProgressDto,
    api::HoursDto,
    api::ModuleProgressDto,
    api::MilestoneProgressDto,
    api::ProgressEntryDto,
    api::NewProgressEntryDto,
)))]
pub struct Doc;

/// Hours as the page language writes them: "4,5" or "4.5".
fn hours_text(lang: Lang, h: f64) -> String {
    let s = format!("{h:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::En => s.to_owned(),
        _ => s.replace('.', ","),
    }
}

/// A share as a whole percentage ("83 %"), or "–" when there is none.
fn percent_text(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_owned(), |r| format!("{} %", (r * 100.0).round()))
}

fn date_text(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_for_the_page() {
        assert_eq!(hours_text(Lang::De, 4.5), "4,5");
        assert_eq!(hours_text(Lang::En, 4.5), "4.5");
        assert_eq!(hours_text(Lang::De, 12.0), "12");
        assert_eq!(percent_text(Some(0.8333)), "83 %");
        assert_eq!(percent_text(None), "–");
    }
}
