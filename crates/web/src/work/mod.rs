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

use std::collections::BTreeMap;

use axum::routing::{get, post};
use lernweg_domain::access::COUNSELLING;
use lernweg_participants::{Fit, FitInput, FitSession, check_fit};
use lernweg_planner::model::{DEFAULT_LOAD_LIMIT_HOURS, weekday_code};
use lernweg_planner::{HolidayCalendar, SessionKind};
use lernweg_store::{
    Cohort, Enrolment, SessionRecord, SessionStatus, StoreError, WorkPatternRecord,
};
use utoipa::OpenApi;

use utoipa_axum::routes;

use crate::AppState;
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

/// How a cohort's timetable fits the participant's shifts.
pub(crate) struct EnrolmentFit {
    pub cohort: Cohort,
    /// The sessions that take place, by date and time (indices of `fit.collisions`).
    pub sessions: Vec<SessionRecord>,
    pub fit: Fit,
}

/// Checks an enrolment's cohort timetable against a work pattern, with the public holidays
/// of the cohort's state and the offer's self-study hours and load limit.
pub(crate) async fn enrolment_fit(
    state: &AppState,
    record: &WorkPatternRecord,
    enrolment: &Enrolment,
) -> Result<EnrolmentFit, StoreError> {
    let cohort = state.store.cohort(enrolment.cohort_id).await?;
    let offer = state.store.offer(cohort.offer_id).await?.offer;
    let mut sessions: Vec<SessionRecord> = state
        .store
        .timetable(cohort.id)
        .await?
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .collect();
    sessions.sort_by_key(|s| (s.date, s.start));
    let input: Vec<FitSession> = sessions
        .iter()
        .map(|s| FitSession {
            date: s.date,
            start: s.start,
            end: s.end,
            hours: s.hours,
            travel: s.kind.travels(offer.online_lessons),
            module: s
                .module
                .filter(|_| matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced)),
        })
        .collect();
    let self_study: BTreeMap<i64, f64> = offer
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| (i as i64 + 1, m.self_study_hours_per_week))
        .collect();
    let fit = check_fit(
        &FitInput {
            pattern: &record.pattern,
            travel_minutes: record.travel_minutes,
            sessions: &input,
            self_study: &self_study,
            limit_hours: offer.load_limit_hours.unwrap_or(DEFAULT_LOAD_LIMIT_HOURS),
        },
        &mut HolidayCalendar::new(cohort.state),
    );
    Ok(EnrolmentFit {
        cohort,
        sessions,
        fit,
    })
}

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
    pub fn new(lang: Lang, r: &WorkPatternRecord) -> PatternView {
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
                .with_timezone(&chrono::Local)
                .format("%d.%m.%Y %H:%M")
                .to_string(),
        }
    }
}

impl PatternView {
    /// The participant's working times for display, if recorded.
    pub async fn load(
        state: &AppState,
        lang: Lang,
        p: &lernweg_store::ParticipantRecord,
    ) -> Result<Option<PatternView>, StoreError> {
        Ok(state
            .store
            .work_pattern(p.id)
            .await?
            .map(|r| PatternView::new(lang, &r)))
    }

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
