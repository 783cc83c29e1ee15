//! The public catalogue (MISSION.md §2.2): published offers for employers, advisers of the
//! employment agency and job centres and counselling services, without login. A list with
//! filters (`/angebote`), a page per offer with schema.org `Course` JSON-LD
//! (`/angebote/{slug}`), an Atom feed of new offers (`/angebote/feed.atom`) and the same list
//! as JSON (`/api/v1/public/offers`).
//!
//! Nothing of unpublished offers appears here, and no personal data beyond the contact the
//! offer names: cohorts show dates, federal state and name, never rooms, links or trainers.
//! Only cohorts whose dates are binding (published or running) are listed.

pub mod detail;
mod feed;
mod list;
pub mod text;

use axum::routing::get;
use chrono::NaiveDate;
use lernweg_domain::State as FedState;
use lernweg_offers::publish::jsonld::CourseMode;
use lernweg_offers::run::Phase;
use lernweg_store::Cohort;

use utoipa_axum::routes;

use crate::i18n::Lang;
use crate::pages::Layout;
pub use crate::public_catalogue::base_url;
use crate::routes::{PUBLIC, Route, documented, page, route_table};
use lernweg_app::catalogue::{PublicOffer, preview, public_offer};
use lernweg_app::{App, AppError};

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

/// The visible main text of an offer's public page in `lang`, as the page shows it (the
/// staff readability check and `lernweg readability --offer` score it).
pub fn offer_page_text(lang: Lang, p: &PublicOffer, today: NaiveDate) -> String {
    let layout = Layout::bare(lang, "catalogue-title");
    detail::build(lang, layout, p, String::new(), "", today).main_text()
}

/// For the command line: the page text of a published offer by its slug, or of any offer by
/// its id (as its page would look once published), in German or English (`lang` `de`|`en`).
pub async fn public_page_text(app: &App, slug_or_id: &str, lang: &str) -> Result<String, AppError> {
    let lang = if lang == "en" { Lang::En } else { Lang::De };
    let found = match lernweg_domain::OfferId::parse(slug_or_id.trim()) {
        Ok(id) => preview(app, &lernweg_app::admin::operator().principal, id).await?,
        Err(_) => public_offer(app, slug_or_id.trim()).await?,
    };
    Ok(offer_page_text(lang, &found, app.today()))
}

/// "in Sachsen", "im Saarland": the state with the preposition its name takes.
pub fn in_state(lang: Lang, s: FedState) -> String {
    lang.t_args(
        "catalogue-in-state",
        &[("code", s.code().to_owned()), ("name", state_name(s))],
    )
}

/// How a listed run reads on `today` (`lernweg_offers::run`): "ab 05.01.2027 im Saarland",
/// or once it has started "läuft seit … im Saarland, Einstieg noch bis … möglich" (or that
/// joining is no longer possible). With `with_state: false` the state is left out (a table
/// that has a column for it).
pub fn run_text(lang: Lang, c: &Cohort, today: NaiveDate, with_state: bool) -> String {
    let run = lernweg_app::cohorts::run(c);
    let suffix = if with_state { "-in" } else { "" };
    let key = match run.phase(today) {
        Phase::Coming if with_state => "catalogue-start-in".to_owned(),
        Phase::Coming => return date_text(lang, c.start_date),
        _ if run.can_join(today) => format!("catalogue-running-join{suffix}"),
        _ => format!("catalogue-running-closed{suffix}"),
    };
    lang.t_args(
        &key,
        &[
            ("date", date_text(lang, c.start_date)),
            ("until", date_text(lang, run.join_until())),
            ("in_state", in_state(lang, c.state)),
        ],
    )
}
