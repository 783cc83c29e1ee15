//! `GET /angebote/feed.atom` (Atom feed of the published offers, newest first) and
//! `GET /api/v1/public/offers` (the same offers as JSON, with the catalogue's filters).

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use lernweg_offers::publish::atom::{AtomCategory, AtomEntry, AtomFeed, AtomPerson, offers_feed};
use serde::Serialize;
use utoipa::ToSchema;

use super::filter::FilterQuery;
use super::{Listed, base_url, date_text, listed_offers, state_name};
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, PageError};
use crate::i18n::Lang;

fn fixed(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.fixed_offset()
}

/// The authority of the feed's tag URI: the site's host name.
fn authority(base: &str) -> String {
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or(base)
        .split(['/', ':'])
        .next()
        .unwrap_or("localhost");
    if host.is_empty() {
        "localhost".to_owned()
    } else {
        host.to_owned()
    }
}

fn summary(lang: Lang, l: &Listed) -> String {
    let o = l.offer();
    let starts = if l.cohorts.is_empty() {
        lang.t("catalogue-no-dates")
    } else {
        l.cohorts
            .iter()
            .map(|c| {
                lang.t_args(
                    "catalogue-start-in",
                    &[
                        ("date", date_text(lang, c.start_date)),
                        ("state", state_name(c.state)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    lang.t_args(
        "catalogue-feed-summary",
        &[
            ("target", o.target_group.clone()),
            ("starts", starts),
            ("provider", l.provider.name.to_string()),
        ],
    )
}

fn entry(lang: Lang, base: &str, l: &Listed) -> AtomEntry {
    let o = l.offer();
    let r = &l.record;
    let published = r.published_at.unwrap_or(r.created_at);
    AtomEntry {
        id: format!("urn:uuid:{}", r.id.as_uuid()),
        title: o.title.clone(),
        updated: fixed(r.updated_at.max(published)),
        published: fixed(published),
        url: format!("{base}/angebote/{}", o.slug),
        summary: summary(lang, l),
        categories: vec![
            AtomCategory {
                term: o.goal.code().to_owned(),
                label: Some(lang.t(&format!("offers-goal-{}", o.goal.code()))),
                scheme: Some(format!("{base}/angebote#goal")),
            },
            AtomCategory {
                term: o.time_model.kind().code().to_owned(),
                label: Some(lang.t(&format!("offers-time_model-{}", o.time_model.kind().code()))),
                scheme: Some(format!("{base}/angebote#time_model")),
            },
        ],
    }
}

/// The Atom feed of all published offers.
pub async fn atom(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
) -> Response {
    let lang = ctx.lang;
    let all = match listed_offers(&state.store).await {
        Ok(a) => a,
        Err(e) => return PageError::from(e).into_response(),
    };
    let base = base_url(&state, &headers);
    let newest = all.iter().map(|l| l.record.updated_at).max();
    let feed = AtomFeed {
        id: lernweg_offers::publish::atom::tag_uri(
            &authority(&base),
            NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
            "angebote",
        ),
        title: lang.t("catalogue-feed-title"),
        subtitle: Some(lang.t("catalogue-feed-subtitle")),
        updated: fixed(newest.unwrap_or_else(|| state.app.clock.now_utc())),
        self_url: format!("{base}/angebote/feed.atom"),
        alternate_url: format!("{base}/angebote"),
        author: AtomPerson {
            name: "Lernweg".to_owned(),
            uri: Some(base.clone()),
            email: None,
        },
        lang: lang.code().to_owned(),
        entries: all.iter().map(|l| entry(lang, &base, l)).collect(),
    };
    let mut res = offers_feed(&feed).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    res
}

/// A start date of a published or running cohort.
#[derive(Serialize, ToSchema)]
pub struct PublicStartDto {
    /// `YYYY-MM-DD`.
    pub start: String,
    /// Last session, `YYYY-MM-DD`, when the timetable is known.
    pub end: Option<String>,
    /// Federal state code, e.g. `NW`.
    pub state: String,
    /// `published` (dates binding) or `running`.
    pub status: String,
}

/// A published offer as the public sees it.
#[derive(Serialize, ToSchema)]
pub struct PublicOfferDto {
    pub id: String,
    pub slug: String,
    pub title: String,
    /// Goal code, e.g. `partial_qualification`.
    pub goal: String,
    /// KldB 2010 code.
    pub kldb: String,
    /// KldB Berufsbereich (first digit).
    pub occupational_area: u8,
    /// Time model code, e.g. `evening_course`.
    pub time_model: String,
    /// Delivery mode codes: `online_live`, `self_paced`, `blended`, `presence`.
    pub delivery_modes: Vec<String>,
    /// schema.org courseMode: `online`, `blended` or `onsite`.
    pub course_mode: String,
    /// Federal state codes of the cohorts, or of the provider when there is no cohort.
    pub states: Vec<String>,
    /// Published and running cohorts, by start date.
    pub next_starts: Vec<PublicStartDto>,
    pub provider: String,
    /// The public offer page.
    pub url: String,
}

fn dto(base: &str, l: &Listed) -> PublicOfferDto {
    let o = l.offer();
    PublicOfferDto {
        id: l.record.id.to_string(),
        slug: o.slug.clone(),
        title: o.title.clone(),
        goal: o.goal.code().to_owned(),
        kldb: o.kldb.as_str().to_owned(),
        occupational_area: o.kldb.occupational_area(),
        time_model: o.time_model.kind().code().to_owned(),
        delivery_modes: o
            .delivery_modes
            .iter()
            .map(|m| m.code().to_owned())
            .collect(),
        course_mode: l.mode().code().to_owned(),
        states: l.states().iter().map(|s| s.code().to_owned()).collect(),
        next_starts: l
            .cohorts
            .iter()
            .map(|c| PublicStartDto {
                start: c.start_date.to_string(),
                end: c.end_date.map(|d| d.to_string()),
                state: c.state.code().to_owned(),
                status: c.status.as_str().to_owned(),
            })
            .collect(),
        provider: l.provider.name.to_string(),
        url: format!("{base}/angebote/{}", o.slug),
    }
}

/// Published offers with their next start dates, without login; newest publication first.
#[utoipa::path(get, path = "/api/v1/public/offers", tag = "public", security(()),
    params(FilterQuery),
    responses((status = 200, body = [PublicOfferDto])))]
pub async fn offers_json(
    State(state): State<AppState>,
    Query(q): Query<FilterQuery>,
    headers: HeaderMap,
) -> Result<Json<Vec<PublicOfferDto>>, ApiError> {
    let all = listed_offers(&state.store).await?;
    let base = base_url(&state, &headers);
    let criteria = q.criteria();
    Ok(Json(
        all.iter()
            .filter(|l| criteria.matches(l))
            .map(|l| dto(&base, l))
            .collect(),
    ))
}
