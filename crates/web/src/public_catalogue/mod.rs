//! The public catalogue's JSON API (`GET /api/v1/public/offers`: the published offers with
//! their next start dates, with the catalogue's filters) and what it shares with the
//! catalogue pages (`pages::catalogue`): the filter parameters and the site's address. Neither
//! pages nor the rest of the API import from each other; both import from here.

mod filter;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use lernweg_app::catalogue::{Listed, search};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

pub use self::filter::{FilterQuery, MODES};
use crate::AppState;
use crate::error::{ApiError, FieldError, Problem};

/// The public API routes of the catalogue for the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(PublicOfferDto, PublicStartDto)))]
pub struct Doc;

/// The absolute address of the site: the configured public URL, else the request's host.
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(u) = state.config.public_url.as_deref() {
        return u.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// A start date of a published or running cohort.
#[derive(Serialize, ToSchema)]
pub struct PublicStartDto {
    /// `YYYY-MM-DD`.
    pub start: String,
    /// Last session, `YYYY-MM-DD`, when the timetable is known.
    pub end: Option<String>,
    /// Federal state code, e.g. `NW`.
    pub state: String,
    /// `published` (dates binding, not started yet) or `running` (started, not ended), by
    /// the dates of today.
    pub status: String,
    /// Whether people can still join on the day of the answer.
    pub can_join: bool,
    /// The last day on which people can join, `YYYY-MM-DD`.
    pub join_until: String,
}

/// A published offer as the public sees it.
#[derive(Serialize, ToSchema)]
pub struct PublicOfferDto {
    pub id: String,
    pub slug: String,
    pub title: String,
    /// Goal code, e.g. `partial_qualification`.
    pub goal: String,
    /// KldB 2010 code.
    pub kldb: String,
    /// KldB Berufsbereich (first digit).
    pub occupational_area: u8,
    /// Time model code, e.g. `evening_course`.
    pub time_model: String,
    /// Delivery mode codes: `online_live`, `self_paced`, `blended`, `presence`.
    pub delivery_modes: Vec<String>,
    /// schema.org courseMode: `online`, `blended` or `onsite`.
    pub course_mode: String,
    /// Federal state codes of the cohorts, or of the provider when there is no cohort.
    pub states: Vec<String>,
    /// The cohorts offered today (published or running, not ended), by start date.
    pub next_starts: Vec<PublicStartDto>,
    pub provider: String,
    /// The public offer page.
    pub url: String,
}

fn dto(base: &str, l: &Listed) -> PublicOfferDto {
    let o = l.offer();
    PublicOfferDto {
        id: l.record.id.to_string(),
        slug: o.slug.clone(),
        title: o.title.clone(),
        goal: o.goal.code().to_owned(),
        kldb: o.kldb.as_str().to_owned(),
        occupational_area: o.kldb.occupational_area(),
        time_model: o.time_model.kind().code().to_owned(),
        delivery_modes: o
            .delivery_modes
            .iter()
            .map(|m| m.code().to_owned())
            .collect(),
        course_mode: l.mode().code().to_owned(),
        states: l.states().iter().map(|s| s.code().to_owned()).collect(),
        next_starts: l
            .cohorts
            .iter()
            .map(|c| {
                let run = lernweg_app::cohorts::run(c);
                PublicStartDto {
                    start: c.start_date.to_string(),
                    end: c.end_date.map(|d| d.to_string()),
                    state: c.state.code().to_owned(),
                    status: run.status(c.status, l.today).as_str().to_owned(),
                    can_join: run.can_join(l.today),
                    join_until: run.join_until().to_string(),
                }
            })
            .collect(),
        provider: l.provider.name.to_string(),
        url: format!("{base}/angebote/{}", o.slug),
    }
}

/// Published offers with their next start dates, without login; newest publication first.
#[utoipa::path(get, path = "/api/v1/public/offers", tag = "public", security(()),
    params(FilterQuery),
    responses((status = 200, body = [PublicOfferDto]),
        (status = 422, description = "A filter value is not understood; `errors` names the parameter", body = Problem)))]
pub async fn offers_json(
    State(state): State<AppState>,
    Query(q): Query<FilterQuery>,
    headers: HeaderMap,
) -> Result<Json<Vec<PublicOfferDto>>, ApiError> {
    let criteria = q
        .parse()
        .map_err(|e| ApiError::Validation(e.into_iter().map(FieldError::from).collect()))?;
    let found = search(&state.app, &criteria).await?;
    let base = base_url(&state, &headers);
    Ok(Json(found.iter().map(|l| dto(&base, l)).collect()))
}
