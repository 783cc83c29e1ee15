//! Token-protected iCalendar feeds: `GET /feeds/{token}.ics` for a cohort, a trainer or a
//! participant (the cohorts they are enrolled in).
//!
//! Anyone with the link can subscribe (calendar clients cannot log in); the token is random,
//! stored hashed, and revocable. A revoked or unknown token answers 404. What a feed shows
//! is read by `lernweg_app::feeds::feed_by_secret` and turned into events by the planner's
//! one event rule; this handler only picks the language, writes the file and answers
//! conditional requests: every feed carries an ETag (a hash of its bytes) and Last-Modified
//! (its last change), and `If-None-Match` / `If-Modified-Since` get 304 Not Modified.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use lernweg_app::feeds::{FeedContent, FeedOwner};
use lernweg_planner::SessionKind;
use lernweg_planner::event::EventWords;
use lernweg_planner::uid::stable_id;

use crate::AppState;
use crate::error::log_store_error;
use crate::i18n::Lang;
use crate::routes::{PUBLIC, Route, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![(page("GET", "/feeds/{file}", PUBLIC), get(feed))]
}

/// The words of a feed from the Fluent files: staff feeds (cohort, trainer) in German with
/// the staff pages' session kinds, a participant's feed in their portal language.
pub struct FeedWords {
    lang: Lang,
    /// `portal-kind-*` (participants' words) instead of `session-kind-*`.
    portal: bool,
}

impl FeedWords {
    pub fn staff() -> FeedWords {
        FeedWords {
            lang: Lang::De,
            portal: false,
        }
    }

    pub fn participant(lang: Lang) -> FeedWords {
        FeedWords { lang, portal: true }
    }

    fn t(&self, id: &str, args: &[(&'static str, String)]) -> String {
        self.lang.t_args(id, args)
    }
}

impl EventWords for FeedWords {
    fn kind(&self, kind: SessionKind) -> String {
        let prefix = if self.portal {
            "portal-kind"
        } else {
            "session-kind"
        };
        self.lang.t(&format!("{prefix}-{}", kind.code()))
    }
    fn module(&self, module: usize) -> String {
        self.t("portal-ics-module", &[("module", module.to_string())])
    }
    fn module_summary(&self, module: usize, title: &str) -> String {
        let args = [("module", module.to_string()), ("title", title.to_owned())];
        self.t("portal-ics-module-summary", &args)
    }
    fn exam_summary(&self, title: &str) -> String {
        self.t("portal-ics-exam-summary", &[("title", title.to_owned())])
    }
    fn due_summary(&self, title: &str) -> String {
        self.t("portal-ics-due-summary", &[("title", title.to_owned())])
    }
    fn cancelled(&self, summary: &str) -> String {
        self.t("portal-ics-cancelled", &[("summary", summary.to_owned())])
    }
    fn draft(&self, summary: &str) -> String {
        self.t("portal-ics-draft", &[("summary", summary.to_owned())])
    }
    fn hours(&self, hours: f64) -> String {
        let separator = self.lang.t("portal-publish-decimal-separator");
        let number = lernweg_planner::output::de_num(hours).replace(',', &separator);
        self.t("portal-ics-hours", &[("hours", number)])
    }
    fn reason(&self, reason: &str) -> String {
        self.t("portal-ics-reason", &[("reason", reason.to_owned())])
    }
    fn away(&self, names: &str, summary: &str) -> String {
        let args = [("names", names.to_owned()), ("summary", summary.to_owned())];
        self.t("employer-ics-away", &args)
    }
    fn away_line(&self, names: &str) -> String {
        self.t("employer-ics-away-line", &[("names", names.to_owned())])
    }
}

/// The feed file: its calendar in the owner's language.
fn render(content: &FeedContent) -> String {
    let (name, words) = match &content.owner {
        FeedOwner::Cohort => {
            let name = content
                .cohorts
                .first()
                .map(|c| format!("{} – {}", c.offer_title, c.cohort.name))
                .unwrap_or_default();
            (name, FeedWords::staff())
        }
        FeedOwner::Trainer { display_name } => {
            (format!("Lernweg – {display_name}"), FeedWords::staff())
        }
        FeedOwner::Employer { employer_name, .. } => (
            Lang::De.t_args("employer-feed-name", &[("employer", employer_name.clone())]),
            FeedWords::participant(Lang::De),
        ),
        FeedOwner::Participant { mother_tongue } => {
            let lang = mother_tongue
                .as_deref()
                .and_then(Lang::for_participant)
                .unwrap_or_default();
            (lang.t("portal-feed-name"), FeedWords::participant(lang))
        }
    };
    let calendar = lernweg_app::feeds::calendar(content, name, &words);
    lernweg_planner::ical::write(&calendar)
}

/// An HTTP date (RFC 9110 IMF-fixdate).
fn http_date(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Whether the client's copy is current: `If-None-Match` names the ETag (or `*`); without
/// it, `If-Modified-Since` is not before the last change (RFC 9110 §13.2.2).
fn not_modified(headers: &HeaderMap, etag: &str, last_change: DateTime<Utc>) -> bool {
    if let Some(v) = headers.get(header::IF_NONE_MATCH) {
        let Ok(v) = v.to_str() else { return false };
        return v
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag);
    }
    headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
        .is_some_and(|since| last_change <= since.with_timezone(&Utc))
}

async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "unknown or revoked calendar feed").into_response();
    let Some(secret) = file.strip_suffix(".ics") else {
        return not_found();
    };
    let content = match lernweg_app::feeds::feed_by_secret(&state.app, secret).await {
        Ok(Some(c)) => c,
        Ok(None) | Err(lernweg_app::AppError::NotFound) => return not_found(),
        Err(lernweg_app::AppError::Store(e)) => {
            log_store_error(&e);
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        Err(e) => {
            tracing::error!(error = %e, "calendar feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let body = render(&content);
    let etag = format!("\"{}\"", stable_id(&body));
    let mut res = if not_modified(&headers, &etag, content.last_change) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        body.into_response()
    };
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&http_date(content.last_change)) {
        h.insert(header::LAST_MODIFIED, v);
    }
    res
}
