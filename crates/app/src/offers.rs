//! Offers: coordinators design them, all staff read them. Creating and changing one (the
//! draft is validated by [`OfferDraft::validate`]), showing or hiding it in the public
//! catalogue, and what Lernweg computes about it: a planned timetable, the classification
//! (MISSION.md §1), the success factors (§2.1–§2.3) and the readability of its description.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use lernweg_domain::access::{Access, MANAGERS, STAFF};
use lernweg_domain::{
    CohortStatus, Cursor, Limit, OfferId, PageNo, Paged, Principal, ProviderId, Search, Slice,
    State as FedState,
};
use lernweg_offers::{
    Classification, CohortPublication, FieldError, OfferDraft, ParticipantStats, ReadabilityReport,
    SuccessFactor, SuccessInput, analyze, check_success, classify,
};
use lernweg_participants::EnrolmentStatus;
use lernweg_participants::attendance::takes_part;
use lernweg_planner::{Plan, PlanOptions, plan};
use lernweg_store::{
    Cohort, CohortsOf, OfferFilter, OfferRecord, OpenParticipation, Provider, StoreError,
};

use crate::{App, AppError, Caller, refusals};

/// The role check of a use-case (the route table checks it too; the CLI has no route table).
pub(crate) fn require(principal: &Principal, access: Access) -> Result<(), AppError> {
    if access.permits(Some(principal.role)) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

// ---------------------------------------------------------------- analysis

/// What Lernweg computes about one offer.
pub struct Analysis {
    /// The timetable planned from [`Analysis::plan_start`]; `None` when the offer cannot be
    /// planned.
    pub plan: Option<Plan>,
    /// The start the timetable was planned from.
    pub plan_start: NaiveDate,
    /// Whether that start is the first cohort's (else the Monday after today).
    pub start_from_cohort: bool,
    pub classification: Classification,
    pub factors: Vec<SuccessFactor>,
    /// The plain-language check of the description.
    pub readability: ReadabilityReport,
}

/// The Monday after `today` (a week later when today is a Monday).
pub fn next_monday(today: NaiveDate) -> NaiveDate {
    today + Duration::days(7 - i64::from(today.weekday().num_days_from_monday()))
}

/// Plans, classifies and checks an offer. `cohorts` may hold other offers' cohorts too (they
/// are skipped); `state` is the provider's federal state (for holidays when there is no
/// cohort). The timetable starts with the first cohort, or on the Monday after `today`.
pub fn analyse(
    record: &OfferRecord,
    cohorts: &[Cohort],
    state: FedState,
    today: NaiveDate,
    participants: Option<ParticipantStats>,
) -> Analysis {
    let own: Vec<&Cohort> = cohorts.iter().filter(|c| c.offer_id == record.id).collect();
    let first = own.iter().min_by_key(|c| c.start_date);
    let (plan_start, plan_state, start_from_cohort) = match first {
        Some(c) => (c.start_date, c.state, true),
        None => (next_monday(today), state, false),
    };
    let spec = record.offer.to_spec(plan_start, plan_state);
    let planned = plan(&spec, &PlanOptions::default()).ok();
    let classification = classify(&record.offer, planned.as_ref());
    let cohort_published = own.iter().filter_map(|c| c.published_at).min();
    let published_at = record
        .published_at
        .or(cohort_published)
        .map(|t| t.date_naive());
    let mut input = SuccessInput::new(&record.offer, today);
    input.plan = planned.as_ref();
    input.classification = Some(&classification);
    input.published_at = published_at;
    input.public_page = record.published;
    input.participants = participants;
    // Each cohort still to start is measured against its own start.
    input.cohorts = own
        .iter()
        .filter(|c| c.start_date > today && c.status != CohortStatus::Finished)
        .map(|c| CohortPublication {
            first_session: c.start_date,
            published_at: c.published_at.map(|t| t.date_naive()),
        })
        .collect();
    let factors = check_success(&input);
    Analysis {
        plan: planned,
        plan_start,
        start_from_cohort,
        classification,
        factors,
        readability: analyze(&record.offer.description),
    }
}

/// One offer as staff see it: its provider, its cohorts and its analysis.
pub struct OfferView {
    pub record: OfferRecord,
    pub provider: Provider,
    /// The offer's cohorts, by start date.
    pub cohorts: Vec<Cohort>,
    pub analysis: Analysis,
}

impl OfferView {
    fn new(
        record: OfferRecord,
        provider: Provider,
        cohorts: Vec<Cohort>,
        today: NaiveDate,
        participants: Option<ParticipantStats>,
    ) -> Self {
        let analysis = analyse(&record, &cohorts, provider.state, today, participants);
        OfferView {
            record,
            provider,
            cohorts,
            analysis,
        }
    }
}

/// An offer the principal may see; another provider's offer is as unknown as a missing one.
pub async fn offer(app: &App, principal: &Principal, id: OfferId) -> Result<OfferRecord, AppError> {
    require(principal, STAFF)?;
    let record = app.store.offer(id).await?;
    refusals::ensure_provider(
        app,
        principal,
        record.provider_id,
        lernweg_store::AuditEntity::Offer,
        id,
    )
    .await?;
    Ok(record)
}

/// The offers the principal may see (the admin: all), without their analysis.
pub async fn offers(app: &App, principal: &Principal) -> Result<Vec<OfferRecord>, AppError> {
    require(principal, STAFF)?;
    Ok(app.store.offers(principal.provider_scope()).await?)
}

/// An offer the caller may see and change (coordinators of its provider, admins).
async fn managed(app: &App, caller: &Caller, id: OfferId) -> Result<OfferRecord, AppError> {
    require(&caller.principal, MANAGERS)?;
    offer(app, &caller.principal, id).await
}

/// One offer with its provider, cohorts and analysis (today from the clock).
pub async fn offer_view(
    app: &App,
    principal: &Principal,
    id: OfferId,
) -> Result<OfferView, AppError> {
    let record = offer(app, principal, id).await?;
    let mut views = views_of(app, Some(record.provider_id), vec![record]).await?;
    views.pop().ok_or(AppError::NotFound)
}

/// The offers the principal may see, each analysed: the own provider's, for admins those of
/// `wanted` (`None`: all providers).
pub async fn offer_views(
    app: &App,
    principal: &Principal,
    wanted: Option<ProviderId>,
) -> Result<Vec<OfferView>, AppError> {
    require(principal, STAFF)?;
    let scope = principal.provider_scope().or(wanted);
    let offers = app.store.offers(scope).await?;
    views_of(app, scope, offers).await
}

/// What the offer lists are narrowed to (besides the caller's provider).
#[derive(Debug, Clone, Default)]
pub struct OfferQuery {
    /// Only published (`Some(true)`) or only unpublished offers.
    pub published: Option<bool>,
    pub search: Option<Search>,
}

impl OfferQuery {
    fn filter(&self, principal: &Principal) -> OfferFilter {
        OfferFilter {
            scope: principal.provider_scope(),
            published: self.published,
            search: self.search.clone(),
        }
    }
}

/// One page of the offers the principal may see that match, each analysed, by title.
pub async fn offer_view_page(
    app: &App,
    principal: &Principal,
    query: &OfferQuery,
    page: PageNo,
) -> Result<Paged<OfferView>, AppError> {
    require(principal, STAFF)?;
    let scope = principal.provider_scope();
    let found = app.store.offer_page(&query.filter(principal), page).await?;
    let views = views_of(app, scope, found.items).await?;
    Ok(Paged {
        items: views,
        page: found.page,
        total: found.total,
        size: found.size,
        capped: found.capped,
    })
}

/// The offers the principal may see that match after `cursor`, each analysed, by title.
pub async fn offer_views_after(
    app: &App,
    principal: &Principal,
    query: &OfferQuery,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<OfferView>, AppError> {
    require(principal, STAFF)?;
    let scope = principal.provider_scope();
    let found = app
        .store
        .offers_after(&query.filter(principal), cursor, limit)
        .await?;
    Ok(Slice {
        items: views_of(app, scope, found.items).await?,
        next: found.next,
    })
}

/// The offers analysed, in their order: three statements however many offers there are
/// (their cohorts, the providers in `scope`, the participations of unfinished cohorts).
async fn views_of(
    app: &App,
    scope: Option<ProviderId>,
    offers: Vec<OfferRecord>,
) -> Result<Vec<OfferView>, AppError> {
    if offers.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<OfferId> = offers.iter().map(|o| o.id).collect();
    let mut cohorts: HashMap<OfferId, Vec<Cohort>> = HashMap::new();
    for c in app
        .store
        .cohorts_of(&CohortsOf::Offers(ids.clone()))
        .await?
    {
        cohorts.entry(c.offer_id).or_default().push(c);
    }
    let providers: HashMap<ProviderId, Provider> = app
        .store
        .providers(scope)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut open: HashMap<OfferId, Vec<OpenParticipation>> = HashMap::new();
    for p in app.store.open_participations(&ids).await? {
        open.entry(p.offer_id).or_default().push(p);
    }
    let today = app.today();
    let mut out = Vec::with_capacity(offers.len());
    for record in offers {
        let provider = providers
            .get(&record.provider_id)
            .cloned()
            .ok_or(AppError::NotFound)?;
        let own = cohorts.remove(&record.id).unwrap_or_default();
        let stats = participant_stats(&own, open.get(&record.id).map(Vec::as_slice));
        out.push(OfferView::new(record, provider, own, today, stats));
    }
    Ok(out)
}

/// What is recorded for the participants of an offer's cohorts that are not finished (those
/// with a place: enrolled or later, not dropped): contact person, reachability outside work,
/// readiness check before their cohort's start. `None` without such cohorts.
fn participant_stats(
    cohorts: &[Cohort],
    open: Option<&[OpenParticipation]>,
) -> Option<ParticipantStats> {
    if cohorts.iter().all(|c| c.status == CohortStatus::Finished) {
        return None;
    }
    let mut stats = ParticipantStats::default();
    for e in open.unwrap_or(&[]) {
        if !takes_part(e.status) || e.status == EnrolmentStatus::Dropped {
            continue;
        }
        let p = &e.participant;
        stats.total += 1;
        if e.has_contact_person {
            stats.with_contact_person += 1;
            if p.reachable_times.is_some() && p.preferred_channel.is_some() {
                stats.reachable_recorded += 1;
            }
        }
        if e.first_check.is_some_and(|d| d <= e.cohort_start) {
            stats.checked_before_start += 1;
        }
    }
    Some(stats)
}

// ---------------------------------------------------------------- saving

/// What is wrong with the provider an offer is created for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderProblem {
    /// An admin must name the provider.
    Required,
    /// Staff of a provider create offers for their own provider only.
    NotAllowed,
    /// No provider with that id.
    Unknown,
}

impl ProviderProblem {
    pub fn code(self) -> &'static str {
        match self {
            ProviderProblem::Required => "required",
            ProviderProblem::NotAllowed => "not_allowed",
            ProviderProblem::Unknown => "unknown",
        }
    }
}

/// Why an offer was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// The input is invalid: every problem at once, the provider's first.
    Invalid {
        provider: Option<ProviderProblem>,
        fields: Vec<FieldError>,
    },
    /// Not found, forbidden, or the store failed.
    Other(AppError),
}

impl From<AppError> for SaveError {
    fn from(e: AppError) -> Self {
        SaveError::Other(e)
    }
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Other(e.into())
    }
}

/// The provider of a new offer: the caller's own, for admins the one named by `given`
/// (`None`: not named). `Err` is a problem with the input; the outer error a store failure.
async fn provider_for(
    app: &App,
    principal: &Principal,
    given: Option<&str>,
) -> Result<Result<ProviderId, ProviderProblem>, AppError> {
    Ok(match (principal.provider_id, given) {
        (Some(own), None) => Ok(own),
        (Some(own), Some(g)) if g == own.to_string() => Ok(own),
        (Some(_), Some(_)) => Err(ProviderProblem::NotAllowed),
        (None, None) => Err(ProviderProblem::Required),
        (None, Some(g)) => match ProviderId::parse(g) {
            Err(_) => Err(ProviderProblem::Unknown),
            Ok(p) => match app.store.provider(p).await {
                Ok(p) => Ok(p.id),
                Err(StoreError::NotFound) => Err(ProviderProblem::Unknown),
                Err(e) => return Err(e.into()),
            },
        },
    })
}

/// Creates an offer. Coordinators create for their own provider (`provider`: not named, or
/// their own id); admins name the provider.
pub async fn create(
    app: &App,
    caller: &Caller,
    provider: Option<&str>,
    draft: &OfferDraft,
) -> Result<OfferRecord, SaveError> {
    require(&caller.principal, MANAGERS)?;
    let provider = provider_for(app, &caller.principal, provider).await?;
    let offer = draft.validate();
    match (provider, offer) {
        (Ok(provider), Ok(offer)) => Ok(app
            .store
            .create_offer(&caller.actor, provider, offer)
            .await?),
        (provider, offer) => Err(SaveError::Invalid {
            provider: provider.err(),
            fields: offer.err().unwrap_or_default(),
        }),
    }
}

/// A change of an offer: a new draft (validated as a whole) and/or its catalogue visibility.
#[derive(Debug, Clone, Default)]
pub struct OfferChange {
    pub draft: Option<OfferDraft>,
    pub published: Option<bool>,
}

/// Changes an offer the caller may see: saves the new draft, then shows or hides it.
pub async fn update(
    app: &App,
    caller: &Caller,
    id: OfferId,
    change: OfferChange,
) -> Result<OfferRecord, SaveError> {
    let mut record = managed(app, caller, id).await?;
    if let Some(draft) = change.draft {
        let offer = draft.validate().map_err(|fields| SaveError::Invalid {
            provider: None,
            fields,
        })?;
        record = app
            .store
            .update_offer(&caller.actor, record.id, offer)
            .await?;
    }
    if let Some(p) = change.published {
        record = set_published(app, caller, record.id, p).await?;
    }
    Ok(record)
}

/// Shows (`true`) or hides an offer in the public catalogue. Nothing is written when it is
/// already so.
pub async fn set_published(
    app: &App,
    caller: &Caller,
    id: OfferId,
    published: bool,
) -> Result<OfferRecord, AppError> {
    let record = managed(app, caller, id).await?;
    if record.published == published {
        return Ok(record);
    }
    Ok(app
        .store
        .set_offer_published(&caller.actor, record.id, published)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_monday_is_always_ahead() {
        let mon = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(
            next_monday(mon),
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
        );
        let sun = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        assert_eq!(
            next_monday(sun),
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
        );
    }
}
