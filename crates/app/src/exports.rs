//! Exports from stored records: a cohort's plan, the provider's offers with their
//! classification, the open-Qcat catalogue of one or all providers. Shared by the API, the
//! pages and the `lernweg export` command.

use std::collections::HashMap;

use chrono::DateTime;
use chrono_tz::Tz;
use lernweg_domain::{CohortId, OfferId, Principal, ProviderId};
use lernweg_offers::export::cohort::{RunInput, catalog_offer, is_public};
use lernweg_offers::export::openqcat::{CatalogExport, ExportWarning, Supplier, write_catalog};
use lernweg_offers::{Classification, Offer, classify};
use lernweg_planner::{LoadReport, Plan, PlanOptions, PlannedSession};
use lernweg_store::{Cohort, OfferRecord, Provider, SessionRecord, SessionStatus, StoreError};

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

/// A stored session as the planner's session (for the exports and the calendar feeds).
pub(crate) fn planned(s: &SessionRecord) -> PlannedSession {
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

/// An open-Qcat catalogue, what the provider should know about it, and when it was generated
/// (Europe/Berlin).
pub struct Catalog {
    pub xml: String,
    /// Texts cut to their field limits, missing KURSNET details, unmapped fields.
    pub warnings: Vec<ExportWarning>,
    pub generated: DateTime<Tz>,
}

fn supplier(p: &Provider) -> Supplier {
    let d = &p.details;
    Supplier {
        id: d.kursnet_supplier_id.clone(),
        name: p.name.to_string(),
        street: d.street.clone(),
        zip: d.zip.clone(),
        city: d.city.clone(),
        phone: d.phone.clone(),
        email: d.email.clone(),
        url: String::new(),
    }
}

/// The open-Qcat catalogue of one provider (`Some`) or of all (`None`), generated now: the
/// published offers open to the public with their published or running runs that have not
/// ended today (the rules are [`lernweg_offers::export::cohort::catalog_offer`]). The supplier
/// is the provider with its KURSNET supplier number and address; a catalogue of all providers
/// names them together and has no supplier number (KURSNET takes one provider per file).
pub async fn openqcat_catalog(app: &App, scope: Option<ProviderId>) -> Result<Catalog, AppError> {
    let store = &app.store;
    let generated = app.clock.now();
    let today = generated.date_naive();
    let providers = store.providers(scope).await?;
    let supplier = match (scope, providers.as_slice()) {
        (Some(_), [p]) => supplier(p),
        (Some(_), _) => return Err(StoreError::NotFound.into()),
        (None, all) => Supplier {
            name: all
                .iter()
                .map(|p| p.name.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            ..Supplier::default()
        },
    };
    let mut by_offer: HashMap<OfferId, Vec<(Cohort, Plan)>> = HashMap::new();
    let records = store.offers(scope).await?;
    for cohort in store.cohorts(scope, None).await? {
        if !crate::cohorts::is_offered(&cohort, today) {
            continue;
        }
        let Some(record) = records.iter().find(|r| r.id == cohort.offer_id) else {
            continue;
        };
        if !is_public(&record.offer, record.published) {
            continue;
        }
        let stored = store.timetable(cohort.id).await?;
        let plan = cohort_plan(&record.offer, &cohort, &stored);
        by_offer.entry(record.id).or_default().push((cohort, plan));
    }
    let mut offers = Vec::new();
    for record in &records {
        let runs = by_offer.get(&record.id).map(Vec::as_slice).unwrap_or(&[]);
        let ids: Vec<String> = runs.iter().map(|(c, _)| c.id.to_string()).collect();
        let inputs: Vec<RunInput<'_>> = runs
            .iter()
            .zip(&ids)
            .map(|((c, plan), id)| RunInput {
                id,
                status: c.status,
                plan,
            })
            .collect();
        let offer_id = record.id.to_string();
        if let Some(o) = catalog_offer(&record.offer, record.published, &offer_id, &inputs, today) {
            offers.push(o);
        }
    }
    let (catalog_id, catalog_name) = match (scope, providers.as_slice()) {
        (Some(p), [one]) => (format!("lernweg-{p}"), format!("{} (Lernweg)", one.name)),
        _ => ("lernweg".to_owned(), "Lernweg".to_owned()),
    };
    let written = write_catalog(&CatalogExport {
        supplier,
        catalog_id,
        catalog_name,
        generation_date: generated.fixed_offset(),
        today,
        offers,
    })
    .map_err(|e| AppError::Internal(format!("open-Qcat export failed: {e}")))?;
    Ok(Catalog {
        xml: written.xml,
        warnings: written.warnings,
        generated,
    })
}
