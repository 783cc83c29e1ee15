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
mod list;

use axum::routing::get;
use chrono::NaiveDate;
use lernweg_domain::State as FedState;
use lernweg_offers::publish::jsonld::CourseMode;

use utoipa_axum::routes;

use crate::i18n::Lang;
pub use crate::public_catalogue::base_url;
use crate::routes::{PUBLIC, Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (page("GET", "/angebote", PUBLIC), get(list::page)),
        (page("GET", "/angebote/feed.atom", PUBLIC), get(feed::atom)),
        (page("GET", "/angebote/{slug}", PUBLIC), get(detail::page)),
        documented(PUBLIC, routes!(crate::public_catalogue::offers_json)),
    ]
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
