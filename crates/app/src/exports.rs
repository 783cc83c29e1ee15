//! Exports from stored records: a cohort's plan, the provider's offers with their
//! classification, the open-Qcat catalogue of one or all providers. Shared by the API, the
//! pages and the `lernweg export` command.

use chrono::DateTime;
use chrono_tz::Tz;
use lernweg_domain::{CohortId, CohortStatus, Principal, ProviderId};
use lernweg_offers::export::cohort::service_from_plan;
use lernweg_offers::export::openqcat::{CatalogExport, Supplier, write_catalog};
use lernweg_offers::{Classification, Offer, classify};
use lernweg_planner::{LoadReport, Plan, PlanOptions, PlannedSession};
use lernweg_store::{Cohort, OfferRecord, SessionRecord, SessionStatus, StoreError};

use crate::{App, AppError, refusals};

/// The provider scope of an export: the caller's own provider, or for admins the one asked
/// for (`None`: all). Another provider's id, or one that does not exist, is "not found".
pub async fn scope(
    app: &App,
    principal: &Principal,
    wanted: Option<ProviderId>,
) -> Result<Option<ProviderId>, AppError> {
    if let Some(w) = wanted {
        refusals::ensure_provider(app, principal, w, lernweg_store::AuditEntity::Provider, w)
            .await?;
    }
    let scope = principal.provider_scope().or(wanted);
    if let Some(p) = scope {
        app.store.provider(p).await?;
    }
    Ok(scope)
}

/// The offers of a scope with their classification by the time model's nominal week.
pub async fn offers_classified(
    app: &App,
    scope: Option<ProviderId>,
) -> Result<Vec<(Offer, Classification)>, AppError> {
    let offers = app.store.offers(scope).await?;
    Ok(offers
        .into_iter()
        .map(|r| {
            let c = classify(&r.offer, None);
            (r.offer, c)
        })
        .collect())
}

/// Cohorts whose dates are public and binding: published or running.
pub fn is_visible(c: &Cohort) -> bool {
    matches!(c.status, CohortStatus::Published | CohortStatus::Running)
}

fn planned(s: &SessionRecord) -> PlannedSession {
    PlannedSession {
        uid: s.uid.clone(),
        date: s.date,
        start: s.start,
        end: s.end,
        hours: s.hours,
        module: s.module.and_then(|m| usize::try_from(m).ok()),
        kind: s.kind,
        title: s.title.clone(),
    }
}

/// The cohort's plan: the planner's plan of the offer at the cohort's start and state (for the
/// load report and the classification), with the stored timetable's confirmed sessions in
/// place of the planned ones when the cohort has any (moved and cancelled sessions are what
/// participants get). Without a plannable offer, a plan of the stored sessions alone.
pub fn cohort_plan(offer: &Offer, cohort: &Cohort, stored: &[SessionRecord]) -> Plan {
    let sessions: Vec<PlannedSession> = stored
        .iter()
        .filter(|s| s.status == SessionStatus::Confirmed)
        .map(planned)
        .collect();
    let spec = offer.to_spec(cohort.start_date, cohort.state);
    let mut plan = match lernweg_planner::plan(&spec, &PlanOptions::default()) {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(cohort = %cohort.id, error = %e, "offer not plannable; using the stored sessions");
            bare_plan(offer, cohort)
        }
    };
    if !sessions.is_empty() {
        let mut sessions = sessions;
        sessions.sort_by_key(|s| (s.date, s.start));
        plan.end_date = sessions.last().map_or(plan.end_date, |s| s.date);
        plan.total_hours = sessions.iter().map(|s| s.hours).sum();
        plan.sessions = sessions;
    }
    plan
}

/// A cohort the principal may see with its offer and its plan ([`cohort_plan`]), for the
/// timetable exports.
pub async fn cohort_timetable(
    app: &App,
    principal: &Principal,
    id: CohortId,
) -> Result<(OfferRecord, Cohort, Plan), AppError> {
    let (cohort, stored) = crate::cohorts::timetable(app, principal, id).await?;
    let record = app.store.offer(cohort.offer_id).await?;
    let plan = cohort_plan(&record.offer, &cohort, &stored);
    Ok((record, cohort, plan))
}

fn bare_plan(offer: &Offer, cohort: &Cohort) -> Plan {
    Plan {
        title: offer.title.clone(),
        state: cohort.state,
        time_model: offer.time_model.kind(),
        start: cohort.start_date,
        sessions: Vec::new(),
        end_date: cohort.end_date.unwrap_or(cohort.start_date),
        total_hours: 0.0,
        contact_hours: offer.total_hours(),
        weeks: 0,
        deadline: None,
        deadline_met: true,
        deadline_needed: None,
        milestones: Vec::new(),
        load: LoadReport {
            limit_hours: offer.load_limit_hours.unwrap_or(48.0),
            avg_weekly_hours: 0.0,
            peak_weekly_hours: 0.0,
            weeks_over_limit: Vec::new(),
            weekly: Vec::new(),
        },
        release_needed: Vec::new(),
        work_pattern_assumed: true,
        location: None,
    }
}

/// An open-Qcat catalogue and when it was generated (Europe/Berlin).
pub struct Catalog {
    pub xml: String,
    pub generated: DateTime<Tz>,
}

/// The open-Qcat catalogue of the published and running cohorts of one provider (`Some`) or
/// of all (`None`), generated now. The supplier is the provider: its Lernweg id stands in for
/// the KURSNET provider number, and address fields stay empty (providers have only a name and
/// a state).
pub async fn openqcat_catalog(app: &App, scope: Option<ProviderId>) -> Result<Catalog, AppError> {
    let store = &app.store;
    let generated = app.clock.now();
    let providers = store.providers(scope).await?;
    let supplier = match (scope, providers.as_slice()) {
        (Some(_), [p]) => Supplier {
            id: p.id.to_string(),
            name: p.name.to_string(),
            ..Supplier::default()
        },
        (Some(_), _) => return Err(StoreError::NotFound.into()),
        (None, all) => Supplier {
            id: "lernweg".to_owned(),
            name: all
                .iter()
                .map(|p| p.name.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            ..Supplier::default()
        },
    };
    let mut services = Vec::new();
    for cohort in store.cohorts(scope, None).await? {
        if !is_visible(&cohort) {
            continue;
        }
        let record = store.offer(cohort.offer_id).await?;
        let stored = store.timetable(cohort.id).await?;
        let plan = cohort_plan(&record.offer, &cohort, &stored);
        let classification = classify(&record.offer, Some(&plan));
        services.push(service_from_plan(
            &record.offer,
            &plan,
            &classification,
            &cohort.id.to_string(),
            &record.id.to_string(),
        ));
    }
    let catalog_id = match scope {
        Some(p) => format!("lernweg-{p}"),
        None => "lernweg".to_owned(),
    };
    let xml = write_catalog(&CatalogExport {
        supplier,
        catalog_id,
        generation_date: generated.fixed_offset(),
        services,
    })
    .map_err(|e| AppError::Internal(format!("open-Qcat export failed: {e}")))?;
    Ok(Catalog { xml, generated })
}
