//! The month grid and the path of a cohort.

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use lernweg_domain::CohortId;
use lernweg_offers::publish::calendar_grid::{
    GridSession, MonthGrid, YearMonth, month_grid, months_between,
};
use lernweg_offers::publish::path_svg::{PathExam, PathInput, PathModule, path_list, path_svg};
use lernweg_planner::{HolidayCalendar, SessionKind};
use lernweg_store::{Cohort, SessionRecord, SessionStatus};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::pages::offers::principal;
use crate::pages::{Layout, render};

#[derive(Template)]
#[template(path = "cohort_month.html")]
pub struct MonthPage {
    pub layout: Layout,
    pub cohort: Cohort,
    pub offer_title: String,
    pub grid: MonthGrid,
    pub month_name: String,
    pub months: Vec<(String, String, bool)>,
    pub weekdays: Vec<String>,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Marked in the grid (`aria-current="date"`).
    pub today: NaiveDate,
    /// The public holidays of the cohort's state in the grid's weeks, with their names.
    pub holidays: Vec<(NaiveDate, &'static str)>,
}

impl MonthPage {
    pub fn holiday(&self, date: &NaiveDate) -> Option<&'static str> {
        self.holidays
            .iter()
            .find(|(d, _)| d == date)
            .map(|(_, name)| *name)
    }

    pub fn kind_label(&self, k: &SessionKind) -> String {
        self.layout.t(&format!("session-kind-{}", k.code()))
    }
}

#[derive(Deserialize)]
pub struct MonthQuery {
    monat: Option<String>,
}

fn month_label(lang: crate::i18n::Lang, ym: YearMonth) -> String {
    format!(
        "{} {}",
        lang.t(&format!("month-{}", ym.first_day().month())),
        ym.first_day().year()
    )
}

/// A cohort the caller may see, its offer and its timetable.
async fn context(
    state: &AppState,
    ctx: &Ctx,
    id: CohortId,
) -> Result<(Cohort, lernweg_offers::Offer, Vec<SessionRecord>), PageError> {
    Ok(lernweg_app::cohorts::with_offer(&state.app, &principal(ctx)?, id).await?)
}

/// `GET /verwaltung/durchgaenge/{id}/kalender?monat=YYYY-MM`.
pub async fn month(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
    Query(q): Query<MonthQuery>,
) -> Result<Response, PageError> {
    let (cohort, offer, sessions) = context(&state, &ctx, id).await?;
    let first = sessions
        .first()
        .map(|s| s.date)
        .unwrap_or(cohort.start_date);
    let last = sessions.last().map(|s| s.date).unwrap_or(first);
    let span = months_between(first, last);
    let ym = q
        .monat
        .as_deref()
        .and_then(YearMonth::parse)
        .unwrap_or_else(|| YearMonth::of(first));
    let grid_sessions: Vec<GridSession> = sessions
        .iter()
        .map(|s| GridSession {
            date: s.date,
            start: s.start,
            end: s.end,
            title: s.title.clone(),
            kind: s.kind,
            cancelled: s.status == SessionStatus::Cancelled,
            uid: s.id.to_string(),
        })
        .collect();
    let first_day = ym.first_day();
    let grid = month_grid(first_day.year(), first_day.month(), &grid_sessions)
        .ok_or(PageError::NotFound)?;
    let in_span = |m: YearMonth| span.contains(&m);
    let calendar = HolidayCalendar::new(cohort.state);
    let holidays = grid
        .weeks
        .iter()
        .flat_map(|w| w.days.iter())
        .filter_map(|d| calendar.name(d.date).map(|name| (d.date, name)))
        .collect();
    let page = MonthPage {
        layout: Layout::new(&ctx, "/verwaltung/durchgaenge", "cohort-month-title"),
        month_name: month_label(ctx.lang, ym),
        months: span
            .iter()
            .map(|m| (m.key(), month_label(ctx.lang, *m), *m == ym))
            .collect(),
        weekdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .map(|d| ctx.lang.t(&format!("weekday-{d}")))
            .collect(),
        today: state.app.today(),
        holidays,
        prev: in_span(grid.prev).then(|| grid.prev.key()),
        next: in_span(grid.next).then(|| grid.next.key()),
        grid,
        cohort,
        offer_title: offer.title,
    };
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "cohort_path.html")]
pub struct PathPage {
    pub layout: Layout,
    pub cohort: Cohort,
    pub offer_title: String,
    pub svg: String,
    pub list: String,
}

/// The path of a stored timetable: modules from their first to their last lesson.
pub fn path_input(
    title: &str,
    sessions: &[SessionRecord],
    module_titles: &[String],
    milestones: &[Option<String>],
    today: Option<NaiveDate>,
) -> Option<PathInput> {
    let live: Vec<&SessionRecord> = sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Confirmed)
        .collect();
    let start = live.first()?.date;
    let end = live.iter().map(|s| s.date).max()?;
    let count = live.iter().filter_map(|s| s.module).max().unwrap_or(0);
    let modules = (1..=count)
        .filter_map(|k| {
            let lessons: Vec<&&SessionRecord> = live
                .iter()
                .filter(|s| {
                    s.module == Some(k)
                        && matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced)
                })
                .collect();
            let idx = usize::try_from(k - 1).ok()?;
            Some(PathModule {
                number: u32::try_from(k).ok()?,
                title: module_titles.get(idx).cloned().unwrap_or_else(|| {
                    lessons.first().map(|s| s.title.clone()).unwrap_or_default()
                }),
                start: lessons.iter().map(|s| s.date).min()?,
                end: lessons.iter().map(|s| s.date).max()?,
                hours: lessons.iter().map(|s| s.hours).sum(),
                milestone: milestones.get(idx).cloned().flatten(),
            })
        })
        .collect();
    let of_kind = |k: SessionKind| live.iter().filter(move |s| s.kind == k);
    Some(PathInput {
        id: "lw-path".into(),
        title: title.to_owned(),
        start,
        end,
        today,
        kickoff: of_kind(SessionKind::Kickoff).map(|s| s.date).next(),
        closing: of_kind(SessionKind::Closing).map(|s| s.date).next_back(),
        modules,
        exams: of_kind(SessionKind::Exam)
            .map(|s| PathExam {
                date: s.date,
                title: s.title.clone(),
                module: s.module.and_then(|m| u32::try_from(m).ok()),
            })
            .collect(),
    })
}

/// `GET /verwaltung/durchgaenge/{id}/pfad`.
pub async fn path(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
) -> Result<Response, PageError> {
    let (cohort, offer, sessions) = context(&state, &ctx, id).await?;
    let offer_title = offer.title.clone();
    let titles: Vec<String> = offer.modules.iter().map(|m| m.title.clone()).collect();
    let goals: Vec<Option<String>> = offer.modules.iter().map(|m| m.milestone.clone()).collect();
    let today = state.app.today();
    let label = |k: &str| ctx.lang.t(k);
    let (svg, list) = match path_input(&offer_title, &sessions, &titles, &goals, Some(today)) {
        Some(input) => (path_svg(&input, &label), path_list(&input, &label)),
        None => (String::new(), String::new()),
    };
    Ok(render(&PathPage {
        layout: Layout::new(&ctx, "/verwaltung/durchgaenge", "cohort-path-title"),
        cohort,
        offer_title,
        svg,
        list,
    }))
}
