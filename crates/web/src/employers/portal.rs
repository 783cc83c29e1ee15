//! `/betrieb`: the page of an employer's contact person, in plain German — their employees'
//! coming dates and the employer's calendar link. What it shows is decided by
//! `lernweg_app::employer_portal`; this module only renders it.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use lernweg_app::employer_portal::{self, EmployeeDate, EmployerView};
use lernweg_app::planning::SharedDraft;
use lernweg_app::{AppError, Caller};

use crate::AppState;
use crate::context::Ctx;
use crate::i18n::Lang;
use crate::pages::render;
use crate::portal::date;
use crate::portal::{OrPortal, PortalError, PortalLayout};
use crate::public_catalogue::base_url;

/// One row of an employee's dates.
pub struct DateRow {
    pub iso: String,
    pub day: String,
    pub time: String,
    pub hours: String,
    pub what: String,
    /// "Entwurf", "Abgesagt" or empty.
    pub note: String,
}

pub struct EmployeeBlock {
    pub name: String,
    pub rows: Vec<DateRow>,
}

#[derive(Template)]
#[template(path = "employer_page.html")]
pub struct EmployerPage {
    pub layout: PortalLayout,
    pub greeting: String,
    pub employer_name: String,
    pub employees: Vec<EmployeeBlock>,
    /// The calendar link, while there is one.
    pub feed_url: Option<String>,
    /// Release requests: (link, line, open).
    pub releases: Vec<(String, String, bool)>,
    /// Drafts shared for planning: (link, line).
    pub drafts: Vec<(String, String)>,
}

fn row(lang: Lang, d: &EmployeeDate) -> DateRow {
    let s = &d.session;
    let note = if d.cancelled {
        lang.t("employer-date-cancelled")
    } else if d.draft {
        lang.t("employer-date-draft")
    } else {
        String::new()
    };
    DateRow {
        iso: s.date.to_string(),
        day: format!(
            "{} {}",
            lang.t(&format!(
                "portal-weekday-{}",
                s.date.weekday().number_from_monday()
            )),
            date(s.date)
        ),
        time: match (s.start, s.end) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => lang.t("employer-date-all-day"),
        },
        hours: lernweg_planner::output::de_num(s.hours),
        what: format!("{} · {}", d.offer_title, d.cohort_name),
        note,
    }
}

/// The feed URL of a live feed with its kept secret.
pub fn feed_url(state: &AppState, headers: &HeaderMap, secret: &str) -> String {
    format!("{}/feeds/{secret}.ics", base_url(state, headers))
}

fn page(
    ctx: &Ctx,
    state: &AppState,
    headers: &HeaderMap,
    view: EmployerView,
    drafts: &[SharedDraft],
) -> EmployerPage {
    let lang = Lang::De;
    EmployerPage {
        drafts: drafts
            .iter()
            .map(|d| {
                let args = [
                    ("offer", d.offer_title.clone()),
                    ("cohort", d.cohort.name.clone()),
                    ("start", date(d.cohort.start_date)),
                ];
                (
                    format!("/betrieb/planung/{}", d.cohort.id),
                    lang.t_args("employer-draft-line", &args),
                )
            })
            .collect(),
        layout: PortalLayout::new(ctx, lang, "employer-page-title"),
        greeting: lang.t_args("employer-hello", &[("name", view.contact.name.clone())]),
        employer_name: view.employer.name.clone(),
        employees: view
            .employees
            .iter()
            .map(|e| EmployeeBlock {
                name: e.name.clone(),
                rows: e.dates.iter().map(|d| row(lang, d)).collect(),
            })
            .collect(),
        releases: view
            .releases
            .iter()
            .map(|a| {
                let args = [
                    ("person", format!("{} {}", a.given_name, a.family_name)),
                    (
                        "state",
                        lang.t(&format!("release-state-{}", a.state.code())),
                    ),
                    ("hours", lernweg_planner::output::de_num(a.total_hours())),
                    ("count", a.dates.len().to_string()),
                ];
                (
                    format!("/betrieb/freistellungen/{}", a.id),
                    lang.t_args("release-employer-line", &args),
                    a.state.is_open(),
                )
            })
            .collect(),
        feed_url: view
            .feed
            .and_then(|f| f.secret)
            .map(|s| feed_url(state, headers, &s)),
    }
}

/// The caller of an employer page (portal errors in German).
pub(crate) fn caller(ctx: &Ctx) -> Result<Caller, PortalError> {
    ctx.caller()
        .ok_or(AppError::Forbidden)
        .or_portal(ctx, Lang::De)
}

/// The contact person an employer account belongs to.
pub(crate) fn contact(ctx: &Ctx) -> Option<lernweg_domain::EmployerContactId> {
    ctx.user.as_ref().and_then(|u| u.employer_contact_id)
}

/// `GET /betrieb`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx)?;
    let view = employer_portal::view(&state.app, &caller, contact(&ctx))
        .await
        .or_portal(&ctx, Lang::De)?;
    let drafts = lernweg_app::planning::shared_drafts(&state.app, &caller, contact(&ctx))
        .await
        .or_portal(&ctx, Lang::De)?;
    Ok(render(&page(&ctx, &state, &headers, view, &drafts)))
}

/// `POST /betrieb/kalender`: a new calendar link; the old one stops working.
pub async fn renew_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx)?;
    let (employer, _) = employer_portal::own(&state.app, &caller, contact(&ctx))
        .await
        .or_portal(&ctx, Lang::De)?;
    employer_portal::renew_feed(&state.app, &caller, &employer)
        .await
        .or_portal(&ctx, Lang::De)?;
    Ok(Redirect::to("/betrieb#kalender").into_response())
}

/// `POST /betrieb/kalender/widerrufen`: the calendar link stops working.
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx)?;
    let (employer, _) = employer_portal::own(&state.app, &caller, contact(&ctx))
        .await
        .or_portal(&ctx, Lang::De)?;
    employer_portal::revoke_feed(&state.app, &caller, &employer)
        .await
        .or_portal(&ctx, Lang::De)?;
    Ok(Redirect::to("/betrieb#kalender").into_response())
}
