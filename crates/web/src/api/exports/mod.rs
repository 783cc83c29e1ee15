//! Exports for course portals and spreadsheets (MISSION.md §2.2): the open-Qcat catalogue for
//! KURSNET / mein NOW, offers and cohort timetables as CSV (German Excel) and XLSX.
//!
//! Access: open-Qcat for managers (it is what the provider publishes), the tables for all
//! staff. Every export covers the caller's provider only; admins choose one with
//! `?provider_id=` or get all. Another provider's cohort is a 404.

use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{CohortId, Principal, ProviderId};
use lernweg_offers::Classification;
use lernweg_offers::export::{csv, xlsx};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

use super::caller;
use super::providers::path_id;
use utoipa_axum::routes;

use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::ApiId;
use crate::routes::{Route, documented, route_table};
use lernweg_app::exports::{cohort_timetable, offers_classified, openqcat_catalog};

pub fn routes() -> Vec<Route> {
    route_table![
        documented(MANAGERS, routes!(openqcat)),
        documented(STAFF, routes!(offers_csv)),
        documented(STAFF, routes!(offers_xlsx)),
        documented(STAFF, routes!(timetable_csv)),
        documented(STAFF, routes!(timetable_xlsx)),
    ]
}

/// This area's part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(Problem)))]
pub struct Doc;

pub(crate) const CSV: &str = "text/csv; charset=utf-8";
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XML: &str = "application/xml";

fn write_failed(e: lernweg_offers::OffersError) -> ApiError {
    tracing::error!(error = %e, "export failed");
    ApiError::Internal
}

/// A file download: content type and `Content-Disposition: attachment`.
pub(crate) fn download(
    body: impl IntoResponse,
    content_type: &'static str,
    filename: &str,
) -> Response {
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProviderQuery {
    /// Admins only: the provider to export (default: all providers). Others always get their
    /// own provider; another provider's id is a 404.
    pub provider_id: Option<String>,
}

/// The provider scope of an export: the caller's own provider, or for admins the one asked
/// for (or all).
async fn scope(
    state: &AppState,
    principal: &Principal,
    q: &ProviderQuery,
) -> Result<Option<ProviderId>, ApiError> {
    let wanted = match q.provider_id.as_deref().map(str::trim) {
        Some(raw) if !raw.is_empty() => Some(path_id(raw, ProviderId::parse)?),
        _ => None,
    };
    Ok(lernweg_app::exports::scope(&state.app, principal, wanted).await?)
}

/// A file name part from a date: `2027-03-02`.
fn date_part(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The open-Qcat 1.1 catalogue for KURSNET / mein NOW.
///
/// The published offers open to the public and their runs that have not ended. What the
/// provider should know about the file (texts cut to their field limits, missing KURSNET
/// details) is in `X-Export-Warnings` (the count) and one `X-Export-Warning` header per
/// warning.
#[utoipa::path(get, path = "/api/v1/exports/openqcat", tag = "exports", params(ProviderQuery),
    responses(
        (status = 200, content_type = "application/xml", description = "OPENQCAT version 1.1: one offer record and one record per current run",
            headers(("X-Export-Warnings" = u32, description = "Number of warnings"),
                ("X-Export-Warning" = String, description = "One warning, e.g. `0191…: TITLE cut to its limit of 255 characters (was 300)`; repeated"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn openqcat(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Response, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let scope = scope(&state, &principal, &q).await?;
    let catalog = openqcat_catalog(&state.app, scope).await?;
    let name = format!("openqcat-{}.xml", date_part(catalog.generated.date_naive()));
    let mut res = download(catalog.xml, XML, &name);
    let h = res.headers_mut();
    h.insert(
        "x-export-warnings",
        HeaderValue::from(catalog.warnings.len()),
    );
    for w in &catalog.warnings {
        // Header values are visible ASCII: other characters become `?`.
        let text: String = w
            .to_string()
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() || c == ' ' {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        if let Ok(v) = HeaderValue::from_str(&text) {
            h.append("x-export-warning", v);
        }
    }
    Ok(res)
}

async fn offer_rows(
    state: &AppState,
    ctx: &Extension<Ctx>,
    q: &ProviderQuery,
) -> Result<Vec<(lernweg_offers::Offer, Classification)>, ApiError> {
    let (principal, _) = caller(ctx)?;
    let scope = scope(state, &principal, q).await?;
    Ok(offers_classified(&state.app, scope).await?)
}

/// The provider's offers as CSV for German Excel (UTF-8 with BOM, `;`, decimal comma).
#[utoipa::path(get, path = "/api/v1/exports/offers.csv", tag = "exports", params(ProviderQuery),
    responses((status = 200, content_type = "text/csv", description = "One row per offer; the classification uses the time model's nominal week"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn offers_csv(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Response, ApiError> {
    let rows = offer_rows(&state, &ctx, &q).await?;
    let refs: Vec<_> = rows.iter().map(|(o, c)| (o, Some(c))).collect();
    let lang = ctx.lang;
    let body = csv::offers_csv(&refs, &|id| lang.t(id)).map_err(write_failed)?;
    Ok(download(
        body,
        CSV,
        &format!("angebote-{}.csv", date_part(state.app.today())),
    ))
}

/// The provider's offers as an Excel workbook.
#[utoipa::path(get, path = "/api/v1/exports/offers.xlsx", tag = "exports", params(ProviderQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "One sheet, one row per offer"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn offers_xlsx(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Response, ApiError> {
    let rows = offer_rows(&state, &ctx, &q).await?;
    let refs: Vec<_> = rows.iter().map(|(o, c)| (o, Some(c))).collect();
    let lang = ctx.lang;
    let body = xlsx::offers_xlsx(&refs, &lang.t("exports-sheet-offers"), &|id| lang.t(id))
        .map_err(write_failed)?;
    Ok(download(
        body,
        XLSX,
        &format!("angebote-{}.xlsx", date_part(state.app.today())),
    ))
}

/// The cohort's plan with its stored sessions, after the tenancy check; and a file name stem.
async fn timetable_of(
    state: &AppState,
    ctx: &Extension<Ctx>,
    id: CohortId,
) -> Result<(lernweg_planner::Plan, String), ApiError> {
    let (principal, _) = caller(ctx)?;
    let (record, cohort, plan) = cohort_timetable(&state.app, &principal, id).await?;
    let stem = format!(
        "terminplan-{}-{}",
        record.offer.slug,
        date_part(cohort.start_date)
    );
    Ok((plan, stem))
}

/// A cohort's timetable as CSV (confirmed sessions of the stored timetable).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/timetable.csv", tag = "exports",
    params(("id" = String, Path, description = "Cohort id")),
    responses((status = 200, content_type = "text/csv", description = "One row per session"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn timetable_csv(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<CohortId>,
) -> Result<Response, ApiError> {
    let (plan, stem) = timetable_of(&state, &ctx, id).await?;
    let lang = ctx.lang;
    let body = csv::timetable_csv(&plan, &|id| lang.t(id)).map_err(write_failed)?;
    Ok(download(body, CSV, &format!("{stem}.csv")))
}

/// A cohort's timetable as an Excel workbook.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/timetable.xlsx", tag = "exports",
    params(("id" = String, Path, description = "Cohort id")),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "One sheet, one row per session"),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn timetable_xlsx(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<CohortId>,
) -> Result<Response, ApiError> {
    let (plan, stem) = timetable_of(&state, &ctx, id).await?;
    let lang = ctx.lang;
    let body = xlsx::timetable_xlsx(&plan, &lang.t("exports-sheet-timetable"), &|id| lang.t(id))
        .map_err(write_failed)?;
    Ok(download(body, XLSX, &format!("{stem}.xlsx")))
}
