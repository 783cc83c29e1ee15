//! Monitoring (issue 17, points 1 and 2): was what was designed part-time run part-time? The
//! staff page `/verwaltung/monitoring` with charts and tables, its CSV and XLSX export, the
//! admin's network view `/admin/netzwerk`, and `GET /api/v1/monitoring` and
//! `GET /api/v1/monitoring/network`. Thin adapters over `lernweg_app::monitoring`.

pub(crate) mod api;
mod chart;
mod export;
mod network;
mod page;

use axum::routing::get;
use chrono::NaiveDate;
use lernweg_app::monitoring::MonitoringQuery;
use lernweg_domain::access::{ADMIN, MANAGERS};
use lernweg_domain::{CohortId, OfferId, ParseError, ProviderId};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};
use utoipa_axum::routes;

use crate::routes::{Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page("GET", "/verwaltung/monitoring", MANAGERS),
            get(page::show)
        ),
        (
            page("GET", "/verwaltung/monitoring.csv", MANAGERS),
            get(export::csv)
        ),
        (
            page("GET", "/verwaltung/monitoring.xlsx", MANAGERS),
            get(export::xlsx)
        ),
        (page("GET", "/admin/netzwerk", ADMIN), get(network::show)),
        documented(MANAGERS, routes!(api::monitoring)),
        documented(ADMIN, routes!(api::network)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::FiguresDto,
    api::ChangeReasonDto,
    api::CohortMonitoringDto,
    api::ProviderMonitoringDto,
    api::NetworkDto
)))]
pub struct Doc;

/// The query of the page, the exports and the API.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonitoringParams {
    /// First day of the period, YYYY-MM-DD.
    pub from: Option<String>,
    /// Last day of the period, YYYY-MM-DD.
    pub to: Option<String>,
    /// Only this cohort.
    pub cohort_id: Option<String>,
    /// Only the cohorts of this offer.
    pub offer_id: Option<String>,
    /// Admins: only this provider (default: all). Others always see their own.
    pub provider_id: Option<String>,
    /// The set share of session hours in working time without agreed release above which a
    /// cohort designed part-time counts as not run part-time; 0.2 when absent.
    pub max_working_time_share: Option<String>,
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl MonitoringParams {
    /// The query; without `from`/`to` the given defaults (the API requires them: `None`).
    /// Every invalid parameter is named.
    pub fn parse(
        &self,
        default: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<MonitoringQuery, Vec<ParseError>> {
        let mut errors = Vec::new();
        let mut day =
            |field: &'static str, v: &Option<String>, fallback: Option<NaiveDate>| match given(v) {
                Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| {
                        errors.push(ParseError::new(
                            field,
                            "invalid_date",
                            "expected YYYY-MM-DD",
                        ))
                    })
                    .ok(),
                None => {
                    if fallback.is_none() {
                        errors.push(ParseError::new(field, "required", "YYYY-MM-DD required"));
                    }
                    fallback
                }
            };
        let from = day("from", &self.from, default.map(|d| d.0));
        let to = day("to", &self.to, default.map(|d| d.1));
        fn id<T>(
            errors: &mut Vec<ParseError>,
            field: &'static str,
            v: &Option<String>,
            parse: impl Fn(&str) -> Result<T, ParseError>,
        ) -> Option<T> {
            given(v).and_then(|s| {
                parse(s)
                    .map_err(|_| errors.push(ParseError::new(field, "invalid_id", "not an id")))
                    .ok()
            })
        }
        let cohort = id(&mut errors, "cohort_id", &self.cohort_id, CohortId::parse);
        let offer = id(&mut errors, "offer_id", &self.offer_id, OfferId::parse);
        let provider = id(
            &mut errors,
            "provider_id",
            &self.provider_id,
            ProviderId::parse,
        );
        let max_share = match given(&self.max_working_time_share) {
            None => Some(lernweg_offers::monitoring::DEFAULT_MAX_WORKING_TIME_SHARE),
            Some(s) => s
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|x| (0.0..=1.0).contains(x))
                .or_else(|| {
                    errors.push(ParseError::new(
                        "max_working_time_share",
                        "out_of_range",
                        "a share from 0 to 1",
                    ));
                    None
                }),
        };
        match (from, to, max_share, errors.is_empty()) {
            (Some(from), Some(to), Some(max_share), true) => Ok(MonitoringQuery {
                cohort,
                offer,
                provider,
                max_share,
                ..MonitoringQuery::new(from, to)
            }),
            _ => Err(errors),
        }
    }
}

/// The page's period when none is given: the twelve months up to today.
pub(crate) fn default_period(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (today - chrono::Duration::days(364), today)
}

/// The query string of a query (for links and exports).
pub(crate) fn query_string(q: &MonitoringQuery) -> String {
    let mut s = format!("from={}&to={}", q.from, q.to);
    if let Some(c) = q.cohort {
        s.push_str(&format!("&cohort_id={c}"));
    }
    if let Some(o) = q.offer {
        s.push_str(&format!("&offer_id={o}"));
    }
    if let Some(p) = q.provider {
        s.push_str(&format!("&provider_id={p}"));
    }
    if q.max_share != lernweg_offers::monitoring::DEFAULT_MAX_WORKING_TIME_SHARE {
        s.push_str(&format!("&max_working_time_share={}", q.max_share));
    }
    s
}

/// The German (or English) message of each refused parameter, each once.
pub(crate) fn error_messages(lang: crate::i18n::Lang, refused: &[ParseError]) -> Vec<String> {
    let mut out: Vec<String> = refused
        .iter()
        .map(|e| lang.t(&format!("mon-error-{}", e.field.replace('_', "-"))))
        .collect();
    out.dedup();
    out
}

/// A page, as 422 when its query was refused.
pub(crate) fn rendered<T: askama::Template>(page: &T, refused: bool) -> axum::response::Response {
    let mut res = crate::pages::render(page);
    if refused {
        *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    res
}
