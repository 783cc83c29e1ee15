//! `/admin/netzwerk`: the network view for the admin (issue 17, point 2) — the monitoring
//! figures per provider and in total, without cohorts or people; a provider with fewer than
//! five people in the period is suppressed (counted in the total only).

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use lernweg_app::AppError;
use lernweg_app::monitoring;

use super::chart::{Bar, bars};
use super::page::{GroupRow, group_row};
use super::{MonitoringParams, default_period, error_messages, rendered};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::pages::Layout;
use crate::pages::offers::caller;

#[derive(Template)]
#[template(path = "monitoring_network.html")]
pub struct NetworkPage {
    pub layout: Layout,
    pub from: String,
    pub to: String,
    pub errors: Vec<String>,
    /// Shown providers, and the names of the suppressed ones.
    pub providers: Vec<GroupRow>,
    pub suppressed: Vec<String>,
    pub total: Option<GroupRow>,
    pub chart: String,
}

/// `GET /admin/netzwerk?from=&to=`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(params): Query<MonitoringParams>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let lang = ctx.lang;
    let (from, to) = default_period(state.app.today());
    let mut p = NetworkPage {
        layout: Layout::new(&ctx, "/verwaltung/durchgaenge", "mon-network-title"),
        from: params.from.clone().unwrap_or_else(|| from.to_string()),
        to: params.to.clone().unwrap_or_else(|| to.to_string()),
        errors: Vec::new(),
        providers: Vec::new(),
        suppressed: Vec::new(),
        total: None,
        chart: String::new(),
    };
    let params = MonitoringParams {
        provider_id: None,
        cohort_id: None,
        offer_id: None,
        ..params
    };
    let refused = match params.parse(Some((from, to))) {
        Ok(q) => match monitoring::network(&state.app, &caller.principal, q).await {
            Ok((groups, total)) => {
                let mut shown_bars = Vec::new();
                for (g, shown) in &groups {
                    if *shown {
                        p.providers.push(group_row(
                            lang,
                            String::new(),
                            g.name.clone(),
                            &g.tally,
                            &g.figures,
                        ));
                        shown_bars.push(Bar {
                            label: g.name.clone(),
                            share: (g.tally.person_hours > 0.0)
                                .then_some(g.figures.unreleased_share),
                        });
                    } else {
                        p.suppressed.push(g.name.clone());
                    }
                }
                if total.tally.shown_across_providers() {
                    p.total = Some(group_row(
                        lang,
                        String::new(),
                        lang.t("mon-total"),
                        &total.tally,
                        &total.figures,
                    ));
                }
                p.chart = bars(
                    &shown_bars,
                    Some(lernweg_offers::monitoring::DEFAULT_MAX_WORKING_TIME_SHARE),
                    true,
                );
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
