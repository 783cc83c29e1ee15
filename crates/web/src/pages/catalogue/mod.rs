//! The public catalogue (MISSION.md §2.2): published offers for employers, advisers of the
//! employment agency and job centres and counselling services, without login. A list with
//! filters (`/angebote`), a page per offer with schema.org `Course` JSON-LD
//! (`/angebote/{slug}`), an Atom feed of new offers (`/angebote/feed.atom`) and the same list
//! as JSON (`/api/v1/public/offers`).
//!
//! Nothing of unpublished offers appears here, and no personal data beyond the contact the
//! offer names: cohorts show dates, federal state and name, never rooms, links or trainers.
//! Only cohorts whose dates are binding (published or running) are listed.

mod detail;
mod feed;
mod filter;
mod list;

use std::collections::{BTreeSet, HashMap};

use axum::http::{HeaderMap, header};
use axum::routing::get;
use chrono::{Datelike, NaiveDate};
use lernweg_domain::{ProviderId, State as FedState};
use lernweg_offers::Offer;
use lernweg_offers::publish::jsonld::CourseMode;
use lernweg_store::{Cohort, OfferRecord, Provider, Store, StoreError};
use utoipa::OpenApi;

use utoipa_axum::routes;

use crate::AppState;
use crate::i18n::Lang;
use crate::routes::{PUBLIC, Route, documented, page, route_table};
use lernweg_app::exports::is_visible;

pub fn routes() -> Vec<Route> {
    route_table![
        (page("GET", "/angebote", PUBLIC), get(list::page)),
        (page("GET", "/angebote/feed.atom", PUBLIC), get(feed::atom)),
        (page("GET", "/angebote/{slug}", PUBLIC), get(detail::page)),
        documented(PUBLIC, routes!(feed::offers_json)),
    ]
}

/// The public API routes of the catalogue for the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(feed::PublicOfferDto, feed::PublicStartDto)))]
pub struct Doc;

/// A published offer with what the public may see of it.
pub struct Listed {
    pub record: OfferRecord,
    /// Published and running cohorts, by start date.
    pub cohorts: Vec<Cohort>,
    pub provider: Provider,
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

    /// `YYYY-MM` of each cohort's start.
    pub fn start_months(&self) -> BTreeSet<String> {
        self.cohorts
            .iter()
            .map(|c| month_code(c.start_date))
            .collect()
    }
}

pub fn month_code(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// Every published offer with its visible cohorts and its provider, newest first.
pub async fn listed_offers(store: &Store) -> Result<Vec<Listed>, StoreError> {
    let mut providers: HashMap<ProviderId, Provider> = HashMap::new();
    let mut out = Vec::new();
    for record in store.published_offers().await? {
        let cohorts: Vec<Cohort> = store
            .cohorts(None, Some(record.id))
            .await?
            .into_iter()
            .filter(is_visible)
            .collect();
        let provider = match providers.get(&record.provider_id) {
            Some(p) => p.clone(),
            None => {
                let p = store.provider(record.provider_id).await?;
                providers.insert(p.id, p.clone());
                p
            }
        };
        out.push(Listed {
            record,
            cohorts,
            provider,
        });
    }
    Ok(out)
}

/// One published offer by slug with its visible cohorts.
pub async fn listed_offer(store: &Store, slug: &str) -> Result<Listed, StoreError> {
    let record = store.published_offer_by_slug(slug).await?;
    let cohorts = store
        .cohorts(None, Some(record.id))
        .await?
        .into_iter()
        .filter(is_visible)
        .collect();
    let provider = store.provider(record.provider_id).await?;
    Ok(Listed {
        record,
        cohorts,
        provider,
    })
}

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

/// A date as people in the language read it.
pub fn date_text(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%-d %b %Y").to_string(),
        _ => lernweg_offers::publish::date_de(d),
    }
}

/// Hours with at most one decimal, with the language's decimal separator.
pub fn hours_text(lang: Lang, h: f64) -> String {
    lang.decimal(h)
}

/// The Berufsbereich (first KldB digit) by name.
pub fn field_label(lang: Lang, area: u8) -> String {
    lang.t(&format!("catalogue-field-{area}"))
}

pub fn mode_label(lang: Lang, mode: CourseMode) -> String {
    lang.t(&format!("catalogue-mode-{}", mode.code()))
}

pub fn state_name(s: FedState) -> String {
    s.name_de().to_owned()
}
