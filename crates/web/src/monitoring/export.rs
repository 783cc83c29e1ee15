//! `/verwaltung/monitoring.csv` and `.xlsx`: the page's cohort table as a spreadsheet (German
//! Excel CSV, and a workbook with numbers as numbers), one row per cohort and a total row.

use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use lernweg_app::monitoring::{self, Report};
use lernweg_offers::export::table::{Cell, Table};
use lernweg_offers::export::{csv as csv_writer, xlsx as xlsx_writer};
use lernweg_offers::monitoring::{Figures, Tally};

use super::{MonitoringParams, default_period};
use crate::AppState;
use crate::api::exports::{CSV, XLSX, download};
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::offers::caller;

/// Column ids; the headers are `mon-col-<id>`.
pub const COLUMNS: &[&str] = &[
    "cohort",
    "offer",
    "start",
    "end",
    "designed",
    "run_part_time",
    "working_time_share",
    "unreleased_share",
    "attendance_rate",
    "held_sessions",
    "held_hours",
    "people",
    "with_working_times",
    "moved",
    "cancelled",
    "change_reasons",
    "release_needed",
    "release_agreed",
    "release_declined",
    "dropouts",
    "dropout_reasons",
    "stayed_employed",
    "avg_load",
    "peak_load",
    "horizon",
];

fn percent(x: Option<f64>) -> Cell {
    x.map_or(Cell::Empty, |x| Cell::Number((x * 1000.0).round() / 10.0))
}

/// "Raum belegt: 2 verlegt, 1 abgesagt; …".
pub(crate) fn change_reasons(lang: Lang, t: &Tally) -> String {
    t.change_reasons
        .iter()
        .map(|(r, (m, c))| {
            let reason = if r.is_empty() {
                lang.t("mon-reason-none")
            } else {
                r.clone()
            };
            lang.t_args(
                "mon-reason-line",
                &[
                    ("reason", reason),
                    ("moved", m.to_string()),
                    ("cancelled", c.to_string()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Arbeitsbelastung: 2; …".
pub(crate) fn dropout_reasons(lang: Lang, t: &Tally) -> String {
    t.dropout_reasons
        .iter()
        .map(|(r, n)| format!("{}: {n}", lang.t(&format!("participants-dropout-{r}"))))
        .collect::<Vec<_>>()
        .join("; ")
}

fn yes_no(lang: Lang, b: Option<bool>) -> Cell {
    b.map_or(Cell::Empty, |b| {
        Cell::Text(lang.t(if b { "mon-yes" } else { "mon-no" }))
    })
}

/// A row: the five describing cells (cohort, offer, start, end, designed), then the figures.
fn row(lang: Lang, head: [Cell; 5], run: Option<bool>, t: &Tally, f: &Figures) -> Vec<Cell> {
    let [name, offer, start, end, designed] = head;
    vec![
        name,
        offer,
        start,
        end,
        designed,
        yes_no(lang, run),
        percent(Some(f.working_time_share)),
        percent(Some(f.unreleased_share)),
        percent(f.attendance_rate),
        Cell::Int(t.held_sessions as i64),
        Cell::Number(t.held_hours),
        Cell::Int(t.people as i64),
        Cell::Int(t.with_working_times as i64),
        Cell::Int(t.moved_sessions as i64),
        Cell::Int(t.cancelled_sessions as i64),
        Cell::Text(change_reasons(lang, t)),
        Cell::Number(t.release_needed_hours),
        Cell::Number(t.release_agreed_hours),
        Cell::Number(t.release_declined_hours),
        Cell::Int(t.dropouts as i64),
        Cell::Text(dropout_reasons(lang, t)),
        Cell::Int(t.dropouts_stayed_employed as i64),
        f.avg_weekly_load.map_or(Cell::Empty, Cell::Number),
        f.peak_weekly_load.map_or(Cell::Empty, Cell::Number),
        yes_no(lang, f.horizon_reached),
    ]
}

/// The report as a table: one row per cohort, then the total.
pub fn table(lang: Lang, r: &Report) -> Table {
    let mut rows: Vec<Vec<Cell>> = r
        .cohorts
        .iter()
        .map(|c| {
            row(
                lang,
                [
                    Cell::Text(c.cohort.name.clone()),
                    Cell::Text(c.offer_title.clone()),
                    Cell::Date(c.cohort.start_date),
                    c.cohort.end_date.map_or(Cell::Empty, Cell::Date),
                    Cell::Text(lang.t(&c.designed.message_id())),
                ],
                Some(c.run_part_time),
                &c.tally,
                &c.figures,
            )
        })
        .collect();
    rows.push(row(
        lang,
        [
            Cell::Text(lang.t("mon-total")),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ],
        None,
        &r.total.tally,
        &r.total.figures,
    ));
    Table {
        columns: COLUMNS.to_vec(),
        headers: COLUMNS
            .iter()
            .map(|c| lang.t(&format!("mon-col-{}", c.replace('_', "-"))))
            .collect(),
        rows,
    }
}

async fn report(
    state: &AppState,
    ctx: &Ctx,
    params: &MonitoringParams,
) -> Result<Report, PageError> {
    let caller = caller(ctx)?;
    let q = params
        .parse(Some(default_period(state.app.today())))
        .map_err(|_| PageError::BadRequest)?;
    Ok(monitoring::report(&state.app, &caller.principal, q).await?)
}

fn failed(e: lernweg_offers::OffersError) -> PageError {
    tracing::error!(error = %e, "monitoring export failed");
    PageError::Internal
}

/// `GET /verwaltung/monitoring.csv`.
pub async fn csv(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(params): Query<MonitoringParams>,
) -> Result<Response, PageError> {
    let r = report(&state, &ctx, &params).await?;
    let body = csv_writer::table_csv(&table(ctx.lang, &r)).map_err(failed)?;
    let name = format!("monitoring-{}-{}.csv", r.query.from, r.query.to);
    Ok(download(body, CSV, &name))
}

/// `GET /verwaltung/monitoring.xlsx`.
pub async fn xlsx(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(params): Query<MonitoringParams>,
) -> Result<Response, PageError> {
    let r = report(&state, &ctx, &params).await?;
    let t = table(ctx.lang, &r);
    let body = xlsx_writer::workbook(&[(&ctx.lang.t("mon-sheet"), &t)]).map_err(failed)?;
    let name = format!("monitoring-{}-{}.xlsx", r.query.from, r.query.to);
    Ok(download(body, XLSX, &name))
}
