//! `GET /angebote/feed.atom`: the Atom feed of the published offers, newest first. (The same
//! offers as JSON are `GET /api/v1/public/offers`, in `crate::public_catalogue`.)

use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use lernweg_app::catalogue::{Listed, listed_offers};
use lernweg_offers::publish::atom::{AtomCategory, AtomEntry, AtomFeed, AtomPerson, offers_feed};

use super::{base_url, run_text};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
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
            .map(|c| run_text(lang, c, l.today, true))
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
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let all = listed_offers(&state.app).await?;
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
    Ok(res)
}
