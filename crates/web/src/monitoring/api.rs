//! `GET /api/v1/monitoring` (one object per cohort) and `GET /api/v1/monitoring/network`
//! (per provider and in total, for the admin).

use axum::extract::{Query, State};
use axum::{Extension, Json};
use lernweg_app::monitoring::{self, CohortRun, Group};
use lernweg_offers::monitoring::{Figures, Tally};
use serde::Serialize;
use utoipa::ToSchema;

use super::MonitoringParams;
use crate::AppState;
use crate::api::caller;
use crate::context::Ctx;
use crate::error::{ApiError, Problem};

/// A reason given for moving or cancelling sessions.
#[derive(Serialize, ToSchema)]
pub struct ChangeReasonDto {
    /// As given ("" when none was needed: before publication).
    pub reason: String,
    pub moved: usize,
    pub cancelled: usize,
}

/// What happened in a period, and the figures.
#[derive(Serialize, ToSchema)]
pub struct FiguresDto {
    /// Of the held session hours of the people with recorded working times, the share inside
    /// their shifts (0–1).
    pub working_time_share: f64,
    /// The same without the hours the employers agreed to release (0–1).
    pub unreleased_working_time_share: f64,
    /// Present of all recorded attendance (0–1); null without records.
    pub attendance_rate: Option<f64>,
    pub held_sessions: usize,
    pub held_hours: f64,
    /// Enrolled people (interested ones not counted).
    pub people: usize,
    pub people_with_working_times: usize,
    pub dropouts: usize,
    /// Drop-out reason code → count.
    pub dropout_reasons: std::collections::BTreeMap<String, usize>,
    pub dropouts_stayed_employed: usize,
    pub dropouts_left_employment: usize,
    pub moved_sessions: usize,
    pub cancelled_sessions: usize,
    pub change_reasons: Vec<ChangeReasonDto>,
    /// Hours of release from work asked for dates in the period, agreed, declined.
    pub release_needed_hours: f64,
    pub release_agreed_hours: f64,
    pub release_declined_hours: f64,
    /// Average over people of their average weekly load; the highest week of anyone (hours).
    pub avg_weekly_load: Option<f64>,
    pub peak_weekly_load: Option<f64>,
    /// Every dated session in the period was published with at least the provider's minimum
    /// lead; null when none was published.
    pub horizon_reached: Option<bool>,
    pub dates_short_lead: usize,
    pub shortest_lead_weeks: Option<i64>,
}

fn hours(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl FiguresDto {
    pub fn of(t: &Tally, f: &Figures) -> FiguresDto {
        FiguresDto {
            working_time_share: f.working_time_share,
            unreleased_working_time_share: f.unreleased_share,
            attendance_rate: f.attendance_rate,
            held_sessions: t.held_sessions,
            held_hours: hours(t.held_hours),
            people: t.people,
            people_with_working_times: t.with_working_times,
            dropouts: t.dropouts,
            dropout_reasons: t.dropout_reasons.clone(),
            dropouts_stayed_employed: t.dropouts_stayed_employed,
            dropouts_left_employment: t.dropouts_left_employment,
            moved_sessions: t.moved_sessions,
            cancelled_sessions: t.cancelled_sessions,
            change_reasons: t
                .change_reasons
                .iter()
                .map(|(r, (m, c))| ChangeReasonDto {
                    reason: r.clone(),
                    moved: *m,
                    cancelled: *c,
                })
                .collect(),
            release_needed_hours: hours(t.release_needed_hours),
            release_agreed_hours: hours(t.release_agreed_hours),
            release_declined_hours: hours(t.release_declined_hours),
            avg_weekly_load: f.avg_weekly_load,
            peak_weekly_load: f.peak_weekly_load.map(hours),
            horizon_reached: f.horizon_reached,
            dates_short_lead: t.dates_short,
            shortest_lead_weeks: t.shortest_lead_weeks,
        }
    }
}

/// One cohort's run in the period.
#[derive(Serialize, ToSchema)]
pub struct CohortMonitoringDto {
    pub cohort_id: String,
    pub cohort_name: String,
    pub offer_id: String,
    pub offer_title: String,
    pub provider_id: String,
    pub start_date: String,
    pub end_date: Option<String>,
    /// The offer's classification as designed: synchronous | asynchronous | mixed |
    /// not_part_time.
    pub designed: String,
    /// Designed part-time and run with no more than the set share of hours in working time
    /// without agreed release.
    pub run_part_time: bool,
    /// Designed part-time but not run part-time: the flag.
    pub not_run_part_time: bool,
    /// The set share used.
    pub max_working_time_share: f64,
    #[serde(flatten)]
    pub figures: FiguresDto,
}

impl CohortMonitoringDto {
    fn of(r: &CohortRun, max: f64) -> CohortMonitoringDto {
        CohortMonitoringDto {
            cohort_id: r.cohort.id.to_string(),
            cohort_name: r.cohort.name.clone(),
            offer_id: r.cohort.offer_id.to_string(),
            offer_title: r.offer_title.clone(),
            provider_id: r.cohort.provider_id.to_string(),
            start_date: r.cohort.start_date.to_string(),
            end_date: r.cohort.end_date.map(|d| d.to_string()),
            designed: r.designed.code().to_owned(),
            run_part_time: r.run_part_time,
            not_run_part_time: r.flagged(),
            max_working_time_share: max,
            figures: FiguresDto::of(&r.tally, &r.figures),
        }
    }
}

/// Monitoring per cohort for a period: the designed classification against the run — the
/// share of held hours in the participants' working times, sessions moved and cancelled
/// (with reasons), release asked and agreed, attendance, drop-outs with reasons and whether
/// people stayed employed, weekly load, the publication horizon — and the flag "not run
/// part-time". Cohorts that are not drafts and have dates in the period; coordinators see
/// their provider's, admins all (or `provider_id`'s). One object per cohort.
#[utoipa::path(get, path = "/api/v1/monitoring", tag = "monitoring", operation_id = "monitoring",
    params(MonitoringParams),
    responses((status = 200, body = Vec<CohortMonitoringDto>), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn monitoring(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(params): Query<MonitoringParams>,
) -> Result<Json<Vec<CohortMonitoringDto>>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let q = params
        .parse(None)
        .map_err(|e| ApiError::Validation(e.into_iter().map(Into::into).collect()))?;
    let max = q.max_share;
    let report = monitoring::report(&state.app, &principal, q).await?;
    Ok(Json(
        report
            .cohorts
            .iter()
            .map(|r| CohortMonitoringDto::of(r, max))
            .collect(),
    ))
}

/// A provider in the network view.
#[derive(Serialize, ToSchema)]
pub struct ProviderMonitoringDto {
    /// Empty for the total.
    pub provider_id: String,
    pub provider_name: String,
    pub cohorts: usize,
    pub designed_part_time: usize,
    pub not_run_part_time: usize,
    /// Fewer than five people: the figures are not shown (null).
    pub suppressed: bool,
    pub figures: Option<FiguresDto>,
}

impl ProviderMonitoringDto {
    pub fn of(g: &Group, shown: bool) -> ProviderMonitoringDto {
        ProviderMonitoringDto {
            provider_id: g.id.clone(),
            provider_name: g.name.clone(),
            cohorts: g.tally.cohorts,
            designed_part_time: g.tally.designed_part_time,
            not_run_part_time: g.tally.flagged,
            suppressed: !shown,
            figures: shown.then(|| FiguresDto::of(&g.tally, &g.figures)),
        }
    }
}

/// The network view.
#[derive(Serialize, ToSchema)]
pub struct NetworkDto {
    pub from: String,
    pub to: String,
    pub providers: Vec<ProviderMonitoringDto>,
    pub total: ProviderMonitoringDto,
}

/// The network view for the admin: the same figures per provider and in total, without
/// cohorts or people; a provider (or total) with fewer than five people in the period is
/// suppressed.
#[utoipa::path(get, path = "/api/v1/monitoring/network", tag = "monitoring", operation_id = "monitoring_network",
    params(MonitoringParams),
    responses((status = 200, body = NetworkDto), (status = 401, body = Problem),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn network(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(params): Query<MonitoringParams>,
) -> Result<Json<NetworkDto>, ApiError> {
    let (principal, _) = caller(&ctx)?;
    let q = params
        .parse(None)
        .map_err(|e| ApiError::Validation(e.into_iter().map(Into::into).collect()))?;
    let (from, to) = (q.from, q.to);
    let (providers, total) = monitoring::network(&state.app, &principal, q).await?;
    let shown = total.tally.shown_across_providers();
    Ok(Json(NetworkDto {
        from: from.to_string(),
        to: to.to_string(),
        providers: providers
            .iter()
            .map(|(g, shown)| ProviderMonitoringDto::of(g, *shown))
            .collect(),
        total: ProviderMonitoringDto::of(&total, shown),
    }))
}
