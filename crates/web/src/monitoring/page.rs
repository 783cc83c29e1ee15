//! `/verwaltung/monitoring`: the period's cohorts, designed against run, with the flag "not
//! run part-time" and its causes, two bar charts (hours in working time, attendance), each
//! with its table, the cohort and offer tables, the reasons, and the exports. Works without
//! JavaScript (the period is a GET form).

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use lernweg_app::AppError;
use lernweg_app::monitoring::{self, CohortRun, Report};
use lernweg_offers::export::csv::german_number;
use lernweg_offers::monitoring::{Figures, Tally};

use super::chart::{Bar, bars};
use super::export::{change_reasons, dropout_reasons};
use super::{MonitoringParams, default_period, error_messages, query_string, rendered};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::Layout;
use crate::pages::offers::caller;
use crate::portal::date;

/// The attendance the charts mark (the early-warning line).
const ATTENDANCE_LINE: f64 = 0.8;

pub(crate) fn pct(x: Option<f64>) -> String {
    x.map_or_else(
        || "–".to_owned(),
        |x| format!("{} %", (x * 100.0).round() as i64),
    )
}

fn hours(x: f64) -> String {
    format!("{} h", german_number(x))
}

/// One row of the cohort table.
pub struct CohortRow {
    pub id: String,
    pub name: String,
    pub offer: String,
    pub period: String,
    pub designed: String,
    pub run: String,
    pub flagged: bool,
    pub working: String,
    pub unreleased: String,
    pub attendance: String,
    pub changes: String,
    pub release: String,
    pub dropouts: String,
    pub load: String,
    pub horizon: String,
}

/// A group's row (an offer, the total).
pub struct GroupRow {
    pub link: String,
    pub name: String,
    pub cohorts: usize,
    pub flagged: usize,
    pub working: String,
    pub attendance: String,
    pub dropouts: usize,
    pub load: String,
}

pub(crate) fn group_row(
    lang: Lang,
    link: String,
    name: String,
    t: &Tally,
    f: &Figures,
) -> GroupRow {
    GroupRow {
        link,
        name,
        cohorts: t.cohorts,
        flagged: t.flagged,
        working: pct(Some(f.unreleased_share)),
        attendance: pct(f.attendance_rate),
        dropouts: t.dropouts,
        load: load(lang, f),
    }
}

fn load(lang: Lang, f: &Figures) -> String {
    match (f.avg_weekly_load, f.peak_weekly_load) {
        (Some(a), Some(p)) => lang.t_args(
            "mon-load-value",
            &[("avg", german_number(a)), ("peak", german_number(p))],
        ),
        _ => "–".to_owned(),
    }
}

fn cohort_row(lang: Lang, r: &CohortRun) -> CohortRow {
    let (t, f) = (&r.tally, &r.figures);
    CohortRow {
        id: r.cohort.id.to_string(),
        name: r.cohort.name.clone(),
        offer: r.offer_title.clone(),
        period: format!(
            "{}–{}",
            date(r.cohort.start_date),
            r.cohort.end_date.map(date).unwrap_or_default()
        ),
        designed: lang.t(&r.designed.message_id()),
        run: lang.t(if r.flagged() {
            "mon-run-not"
        } else if r.run_part_time {
            "mon-run-yes"
        } else {
            "mon-run-full-time"
        }),
        flagged: r.flagged(),
        working: pct(Some(f.working_time_share)),
        unreleased: pct(Some(f.unreleased_share)),
        attendance: pct(f.attendance_rate),
        changes: lang.t_args(
            "mon-changes-value",
            &[
                ("moved", t.moved_sessions.to_string()),
                ("cancelled", t.cancelled_sessions.to_string()),
            ],
        ),
        release: lang.t_args(
            "mon-release-value",
            &[
                ("needed", german_number(t.release_needed_hours)),
                ("agreed", german_number(t.release_agreed_hours)),
                ("declined", german_number(t.release_declined_hours)),
            ],
        ),
        dropouts: lang.t_args(
            "mon-dropouts-value",
            &[
                ("count", t.dropouts.to_string()),
                ("stayed", t.dropouts_stayed_employed.to_string()),
            ],
        ),
        load: load(lang, f),
        horizon: match f.horizon_reached {
            None => "–".to_owned(),
            Some(true) => lang.t("mon-yes"),
            Some(false) => {
                lang.t_args("mon-horizon-short", &[("count", t.dates_short.to_string())])
            }
        },
    }
}

/// Why a flagged cohort was not run part-time, in one sentence each.
fn causes(lang: Lang, r: &CohortRun, max: f64) -> Vec<String> {
    let (t, f) = (&r.tally, &r.figures);
    let mut out = vec![lang.t_args(
        "mon-cause-share",
        &[
            ("share", pct(Some(f.unreleased_share))),
            ("max", pct(Some(max))),
        ],
    )];
    if t.moved_sessions + t.cancelled_sessions > 0 {
        out.push(lang.t_args("mon-cause-changes", &[("reasons", change_reasons(lang, t))]));
    }
    if t.release_declined_hours > 0.0 {
        out.push(lang.t_args(
            "mon-cause-declined",
            &[("hours", hours(t.release_declined_hours))],
        ));
    }
    if t.dropouts > 0 {
        out.push(lang.t_args(
            "mon-cause-dropouts",
            &[("reasons", dropout_reasons(lang, t))],
        ));
    }
    out
}

#[derive(Template)]
#[template(path = "monitoring.html")]
pub struct MonitoringPage {
    pub layout: Layout,
    pub from: String,
    pub to: String,
    pub max: String,
    /// The set share as typed (0–1).
    pub share: String,
    pub errors: Vec<String>,
    pub qs: String,
    pub filtered: bool,
    pub total: Option<GroupRow>,
    pub designed_part_time: usize,
    pub flagged: Vec<(String, String, Vec<String>)>,
    pub chart_work: String,
    pub chart_attendance: String,
    pub cohorts: Vec<CohortRow>,
    pub offers: Vec<GroupRow>,
    pub reasons: Vec<(String, usize, usize)>,
    pub dropout_reasons: Vec<(String, usize)>,
    pub max_line: String,
    /// The admin gets the link to the network view.
    pub admin: bool,
}

fn fill(p: &mut MonitoringPage, lang: Lang, r: &Report) {
    let max = r.query.max_share;
    p.max = pct(Some(max));
    p.max_line = lang.t_args("mon-chart-work-line", &[("max", pct(Some(max)))]);
    p.qs = query_string(&r.query);
    p.filtered = r.query.offer.is_some() || r.query.cohort.is_some();
    p.designed_part_time = r.total.tally.designed_part_time;
    p.total = Some(group_row(
        lang,
        String::new(),
        lang.t("mon-total"),
        &r.total.tally,
        &r.total.figures,
    ));
    p.flagged = r
        .cohorts
        .iter()
        .filter(|c| c.flagged())
        .map(|c| {
            (
                c.cohort.id.to_string(),
                c.cohort.name.clone(),
                causes(lang, c, max),
            )
        })
        .collect();
    p.chart_work = bars(
        &r.cohorts
            .iter()
            .map(|c| Bar {
                label: c.cohort.name.clone(),
                share: (c.tally.person_hours > 0.0).then_some(c.figures.unreleased_share),
            })
            .collect::<Vec<_>>(),
        Some(max),
        true,
    );
    p.chart_attendance = bars(
        &r.cohorts
            .iter()
            .map(|c| Bar {
                label: c.cohort.name.clone(),
                share: c.figures.attendance_rate,
            })
            .collect::<Vec<_>>(),
        Some(ATTENDANCE_LINE),
        false,
    );
    p.cohorts = r.cohorts.iter().map(|c| cohort_row(lang, c)).collect();
    let base = format!("from={}&to={}", r.query.from, r.query.to);
    p.offers = r
        .offers
        .iter()
        .map(|g| {
            group_row(
                lang,
                format!("/verwaltung/monitoring?{base}&offer_id={}", g.id),
                g.name.clone(),
                &g.tally,
                &g.figures,
            )
        })
        .collect();
    p.reasons = r
        .total
        .tally
        .change_reasons
        .iter()
        .map(|(reason, (m, c))| {
            let reason = if reason.is_empty() {
                lang.t("mon-reason-none")
            } else {
                reason.clone()
            };
            (reason, *m, *c)
        })
        .collect();
    p.dropout_reasons = r
        .total
        .tally
        .dropout_reasons
        .iter()
        .map(|(code, n)| (lang.t(&format!("participants-dropout-{code}")), *n))
        .collect();
}

/// `GET /verwaltung/monitoring?from=&to=&offer_id=&cohort_id=`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(params): Query<MonitoringParams>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let lang = ctx.lang;
    let (from, to) = default_period(state.app.today());
    let mut p = MonitoringPage {
        layout: Layout::new(&ctx, "/verwaltung/durchgaenge", "mon-title"),
        from: params.from.clone().unwrap_or_else(|| from.to_string()),
        to: params.to.clone().unwrap_or_else(|| to.to_string()),
        max: String::new(),
        share: params.max_working_time_share.clone().unwrap_or_else(|| {
            lernweg_offers::monitoring::DEFAULT_MAX_WORKING_TIME_SHARE.to_string()
        }),
        errors: Vec::new(),
        qs: String::new(),
        filtered: false,
        total: None,
        designed_part_time: 0,
        flagged: Vec::new(),
        chart_work: String::new(),
        chart_attendance: String::new(),
        cohorts: Vec::new(),
        offers: Vec::new(),
        reasons: Vec::new(),
        dropout_reasons: Vec::new(),
        max_line: String::new(),
        admin: ctx.role() == Some(lernweg_domain::Role::Admin),
    };
    let refused = match params.parse(Some((from, to))) {
        Ok(q) => match monitoring::report(&state.app, &caller.principal, q).await {
            Ok(r) => {
                fill(&mut p, lang, &r);
                Vec::new()
            }
            Err(AppError::Invalid(list)) => list,
            Err(e) => return Err(e.into()),
        },
        Err(list) => list,
    };
    p.errors = error_messages(lang, &refused);
    Ok(rendered(&p, !p.errors.is_empty()))
}
