//! The public catalogue (MISSION.md §2.2): published offers for employers, advisers of the
//! employment agency and job centres and counselling services, without login.
//!
//! Nothing of unpublished offers appears here, and no personal data beyond the contact the
//! offer names: cohorts show dates, federal state and name, never rooms, links or trainers.
//! Only cohorts whose dates are binding (published or running) and that have not ended by
//! today are listed (`lernweg_offers::run`): a run that has started is shown as running, with
//! whether people can still join.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use lernweg_domain::{OfferId, ProviderId, Search, State as FedState};
use lernweg_offers::Offer;
use lernweg_offers::publish::jsonld::CourseMode;
use lernweg_planner::{Plan, TimeModelKind};
use lernweg_store::{Cohort, CohortsOf, OfferRecord, Provider};

use crate::cohorts::is_offered;
use crate::exports::cohort_plan;
use crate::{App, AppError};

/// A published offer with what the public may see of it.
pub struct Listed {
    pub record: OfferRecord,
    /// The cohorts offered today (binding dates, not ended), by start date.
    pub cohorts: Vec<Cohort>,
    pub provider: Provider,
    /// The day the list was made for (the app's clock).
    pub today: NaiveDate,
}

impl Listed {
    pub fn offer(&self) -> &Offer {
        &self.record.offer
    }

    /// The federal states of the cohorts, or the provider's when there is no cohort.
    pub fn states(&self) -> BTreeSet<FedState> {
        if self.cohorts.is_empty() {
            BTreeSet::from([self.provider.state])
        } else {
            self.cohorts.iter().map(|c| c.state).collect()
        }
    }

    pub fn mode(&self) -> CourseMode {
        CourseMode::of_offer(self.offer())
    }

    /// Whether the search text occurs in the title, the target group, the provider's name,
    /// the KldB code or the slug.
    pub fn mentions(&self, text: &Search) -> bool {
        let o = self.offer();
        let name = self.provider.name.to_string();
        [
            o.title.as_str(),
            o.target_group.as_str(),
            name.as_str(),
            o.kldb.as_str(),
            o.slug.as_str(),
        ]
        .iter()
        .any(|field| field.to_lowercase().contains(text.as_str()))
    }

    /// `YYYY-MM` of each cohort's start.
    pub fn start_months(&self) -> BTreeSet<String> {
        self.cohorts
            .iter()
            .map(|c| month_code(c.start_date))
            .collect()
    }
}

/// `YYYY-MM` of a day.
pub fn month_code(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The catalogue's filters, parsed; `None` is "any".
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Criteria {
    /// A cohort's federal state, or the provider's when there is no cohort.
    pub state: Option<FedState>,
    /// KldB Berufsbereich (the code's first digit).
    pub field: Option<u8>,
    pub time_model: Option<TimeModelKind>,
    pub mode: Option<CourseMode>,
    /// `YYYY-MM` of a cohort's start.
    pub month: Option<String>,
    /// In the title, the target group, the provider's name, the KldB code or the slug
    /// (case-insensitive).
    pub text: Option<Search>,
}

impl Criteria {
    pub fn matches(&self, l: &Listed) -> bool {
        let o = l.offer();
        self.state.is_none_or(|s| l.states().contains(&s))
            && self.field.is_none_or(|f| o.kldb.occupational_area() == f)
            && self.time_model.is_none_or(|k| o.time_model.kind() == k)
            && self.mode.is_none_or(|m| l.mode() == m)
            && self
                .month
                .as_ref()
                .is_none_or(|m| l.start_months().contains(m))
            && self.text.as_ref().is_none_or(|t| l.mentions(t))
    }

    pub fn is_empty(&self) -> bool {
        *self == Criteria::default()
    }
}

/// Every published offer with its visible cohorts and its provider, newest first: three
/// statements however many offers and cohorts there are.
pub async fn listed_offers(app: &App) -> Result<Vec<Listed>, AppError> {
    let store = &app.store;
    let today = app.today();
    let providers: HashMap<ProviderId, Provider> = store
        .providers(None)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut cohorts: HashMap<OfferId, Vec<Cohort>> = HashMap::new();
    for c in store.cohorts_of(&CohortsOf::PublishedOffers).await? {
        if is_offered(&c, today) {
            cohorts.entry(c.offer_id).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for record in store.published_offers().await? {
        let provider = providers
            .get(&record.provider_id)
            .cloned()
            .ok_or(AppError::NotFound)?;
        out.push(Listed {
            cohorts: cohorts.remove(&record.id).unwrap_or_default(),
            record,
            provider,
            today,
        });
    }
    Ok(out)
}

/// The published offers that match `criteria`, newest first.
pub async fn search(app: &App, criteria: &Criteria) -> Result<Vec<Listed>, AppError> {
    let mut all = listed_offers(app).await?;
    all.retain(|l| criteria.matches(l));
    Ok(all)
}

/// One published offer as the public sees it: with the plan of each visible cohort (the
/// stored timetable's sessions; for weekly load and classification).
pub struct PublicOffer {
    pub listed: Listed,
    /// One plan per cohort of [`Listed::cohorts`], in the same order.
    pub plans: Vec<Plan>,
}

/// One published offer by its slug; an unpublished or unknown one is `NotFound`.
pub async fn public_offer(app: &App, slug: &str) -> Result<PublicOffer, AppError> {
    let record = app.store.published_offer_by_slug(slug).await?;
    assemble(app, record).await
}

/// Any offer the principal may see (staff; another provider's is `NotFound`) as its public
/// page shows it, published or not: for the plain-language check of the page's text.
pub async fn preview(
    app: &App,
    principal: &lernweg_domain::Principal,
    id: lernweg_domain::OfferId,
) -> Result<PublicOffer, AppError> {
    let record = crate::offers::offer(app, principal, id).await?;
    assemble(app, record).await
}

async fn assemble(app: &App, record: OfferRecord) -> Result<PublicOffer, AppError> {
    let today = app.today();
    let of = &CohortsOf::Offer(record.id);
    let cohorts: Vec<Cohort> = app
        .store
        .cohorts_of(of)
        .await?
        .into_iter()
        .filter(|c| is_offered(c, today))
        .collect();
    let provider = app.store.provider(record.provider_id).await?;
    let timetables = app.store.timetables_of(of).await?;
    let plans = cohorts
        .iter()
        .map(|c| {
            let stored = timetables.get(&c.id).map(Vec::as_slice).unwrap_or(&[]);
            cohort_plan(&record.offer, c, stored)
        })
        .collect();
    Ok(PublicOffer {
        listed: Listed {
            record,
            cohorts,
            provider,
            today,
        },
        plans,
    })
}
