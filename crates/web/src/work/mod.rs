//! A participant's working times (Schicht- / Dienstplan) and how a cohort's timetable fits
//! them (MISSION §2.2: "checked against each participant's working pattern and weekly load").
//! Staff enter the shifts as rows (fixed weeks or a rotation of up to 12 weeks) or import a
//! weekly `.ics` shift plan; the participant page and `GET /api/v1/enrolments/{id}/fit` show
//! which sessions fall into working time (release needed) and the weekly load.
//!
//! Every route is for `COUNSELLING`; another provider's participant answers 404; reads are
//! audited without names or times.

pub(crate) mod api;
mod pages;
mod panel;

use axum::routing::{get, post};
use lernweg_app::Clock;
use lernweg_domain::access::COUNSELLING;
use lernweg_planner::model::weekday_code;
use lernweg_store::WorkPatternRecord;
use utoipa::OpenApi;

use utoipa_axum::routes;

use crate::i18n::Lang;
use crate::routes::{Route, documented, page, route_table};

pub use panel::FitPanel;

pub fn routes() -> Vec<Route> {
    const P: &str = "/verwaltung/teilnehmende/{id}/arbeitszeit";
    route_table![
        (page("GET", P, COUNSELLING), get(pages::show)),
        (page("POST", P, COUNSELLING), post(pages::save)),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/arbeitszeit/import",
                COUNSELLING,
            ),
            post(pages::import),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/arbeitszeit/loeschen",
                COUNSELLING,
            ),
            post(pages::delete),
        ),
        documented(COUNSELLING, routes!(api::get_pattern)),
        documented(COUNSELLING, routes!(api::put_pattern)),
        documented(COUNSELLING, routes!(api::delete_pattern)),
        documented(COUNSELLING, routes!(api::import_ics)),
        documented(COUNSELLING, routes!(api::enrolment_fit)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::WorkPatternDto,
    api::ShiftDto,
    api::WorkPatternInput,
    api::ShiftInput,
    api::IcsImportDto,
    api::IcsNoteDto,
    api::FitDto,
    api::CollisionDto,
    api::WeekFitDto
)))]
pub struct Doc;

/// One shift as a table row.
pub struct ShiftRow {
    /// 1-based week of the rotation.
    pub week: usize,
    pub day: String,
    pub start: String,
    pub end: String,
}

/// A stored pattern for display.
pub struct PatternView {
    pub weeks: usize,
    /// Monday of week 1 (rotations only), `TT.MM.JJJJ`.
    pub anchor: Option<String>,
    pub rows: Vec<ShiftRow>,
    pub average_hours: String,
    pub travel_minutes: u32,
    pub source: String,
    pub updated_at: String,
}

pub(crate) fn day_name(lang: Lang, day: chrono::Weekday) -> String {
    lang.t(&format!("wp-day-{}", weekday_code(day)))
}

impl PatternView {
    /// The stored pattern for display; its time of change in the clock's zone (Germany).
    pub fn new(lang: Lang, clock: &Clock, r: &WorkPatternRecord) -> PatternView {
        let weeks = r.pattern.weeks();
        let rows = weeks
            .iter()
            .enumerate()
            .flat_map(|(k, w)| {
                w.iter().map(move |s| ShiftRow {
                    week: k + 1,
                    day: day_name(lang, s.weekday),
                    start: s.start.to_string(),
                    end: s.end.to_string(),
                })
            })
            .collect();
        PatternView {
            weeks: weeks.len(),
            anchor: r
                .pattern
                .anchor_monday()
                .map(|a| a.format("%d.%m.%Y").to_string()),
            rows,
            average_hours: lang.decimal(r.pattern.average_weekly_hours()),
            travel_minutes: r.travel_minutes,
            source: lang.t(&format!("wp-source-{}", r.source.code())),
            updated_at: r
                .updated_at
                .with_timezone(&clock.now().timezone())
                .format("%d.%m.%Y %H:%M")
                .to_string(),
        }
    }
}

impl PatternView {
    /// The pattern as a report section (the Auskunft PDF).
    pub fn section(view: Option<&PatternView>, lang: Lang) -> lernweg_pdf::Section {
        let mut s = lernweg_pdf::Section::new(lang.t("wp-title"));
        let Some(v) = view else {
            s.empty = Some(lang.t("pp-auskunft-none"));
            return s;
        };
        let cycle = if v.weeks == 1 {
            lang.t("wp-cycle-fixed")
        } else {
            lang.t_args("wp-cycle-weeks", &[("weeks", v.weeks.to_string())])
        };
        s.facts = vec![
            (
                lang.t("wp-average"),
                lang.t_args("wp-hours", &[("hours", v.average_hours.clone())]),
            ),
            (lang.t("wp-cycle"), cycle),
            (
                lang.t("wp-travel"),
                lang.t_args("wp-minutes", &[("minutes", v.travel_minutes.to_string())]),
            ),
            (
                lang.t("wp-source"),
                format!("{}, {}", v.source, v.updated_at),
            ),
        ];
        s.table = Some(lernweg_pdf::Table {
            headers: ["wp-col-week", "wp-col-day", "wp-col-from", "wp-col-to"]
                .iter()
                .map(|k| lang.t(k))
                .collect(),
            rows: v
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.week.to_string(),
                        r.day.clone(),
                        r.start.clone(),
                        r.end.clone(),
                    ]
                })
                .collect(),
        });
        s
    }
}
