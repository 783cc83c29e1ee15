//! Token-protected iCalendar feeds: `GET /feeds/{token}.ics` for a cohort, a trainer or a
//! participant (the cohorts they are enrolled in).
//!
//! Anyone with the link can subscribe (calendar clients cannot log in); the token is random,
//! stored hashed, and revocable. A revoked or unknown token answers 404.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDateTime;
use lernweg_domain::{CohortId, ParticipantId, UserId};
use lernweg_planner::SessionKind;
use lernweg_planner::ical::{Calendar, CalendarEvent, EventStatus, EventTime, write};
use lernweg_store::{Cohort, FeedKind, SessionRecord, SessionStatus, StoreError};

use crate::AppState;
use crate::i18n::Lang;
use crate::routes::{PUBLIC, Route, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![(page("GET", "/feeds/{file}", PUBLIC), get(feed))]
}

/// One calendar event for a stored session.
pub fn session_event(
    s: &SessionRecord,
    offer_title: &str,
    cohort: &Cohort,
    lang: Lang,
) -> CalendarEvent {
    let kind = lang.t(&format!("session-kind-{}", s.kind.code()));
    let (start, end) = match (s.start, s.end) {
        (Some(a), Some(b)) => (
            EventTime::Local(s.date.and_time(a.to_naive())),
            EventTime::Local(s.date.and_time(b.to_naive())),
        ),
        _ => (EventTime::AllDay(s.date), EventTime::AllDay(s.date)),
    };
    let mut categories = vec![kind.clone()];
    if s.kind == SessionKind::Exam {
        categories.push("EXAM".to_owned());
    }
    let location = [cohort.room.as_str(), cohort.online_link.as_str()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    CalendarEvent {
        uid: s.uid.clone(),
        sequence: u32::try_from(s.sequence).unwrap_or(u32::MAX),
        status: if s.status == SessionStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        },
        start,
        end,
        summary: format!("{offer_title}: {}", s.title),
        description: Some(format!("{kind} · {} · {}", cohort.name, offer_title)),
        location: (!location.is_empty()).then_some(location),
        categories,
    }
}

/// The calendar of some cohorts; DTSTAMP is the newest change, so an unchanged timetable
/// gives byte-identical feeds.
async fn calendar(
    state: &AppState,
    name: String,
    cohorts: &[Cohort],
) -> Result<Calendar, StoreError> {
    let mut events = Vec::new();
    let mut stamp: Option<NaiveDateTime> = None;
    let mut titles: HashMap<String, String> = HashMap::new();
    for c in cohorts {
        let key = c.offer_id.to_string();
        if !titles.contains_key(&key) {
            titles.insert(
                key.clone(),
                state.store.offer(c.offer_id).await?.offer.title,
            );
        }
        for s in state.store.timetable(c.id).await? {
            let changed = s.updated_at.naive_utc();
            stamp = Some(stamp.map_or(changed, |t| t.max(changed)));
            events.push(session_event(&s, &titles[&key], c, Lang::De));
        }
    }
    let dtstamp = stamp.unwrap_or_default();
    Ok(Calendar {
        name,
        dtstamp,
        events,
    })
}

async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "unknown or revoked calendar feed").into_response();
    let Some(secret) = file.strip_suffix(".ics") else {
        return not_found();
    };
    let feed = match state.store.feed_by_secret(secret).await {
        Ok(Some(f)) => f,
        Ok(None) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "feed lookup failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let result = match feed.kind {
        FeedKind::Cohort => match CohortId::parse(&feed.target_id) {
            Ok(id) => match state.store.cohort(id).await {
                Ok(c) => {
                    let title = state
                        .store
                        .offer(c.offer_id)
                        .await
                        .map(|o| o.offer.title)
                        .unwrap_or_default();
                    calendar(&state, format!("{title} – {}", c.name), &[c]).await
                }
                Err(e) => Err(e),
            },
            Err(_) => return not_found(),
        },
        FeedKind::Participant => match ParticipantId::parse(&feed.target_id) {
            Ok(id) => match crate::portal::cohorts_of(&state, id).await {
                Ok(cohorts) => calendar(&state, Lang::De.t("portal-feed-name"), &cohorts).await,
                Err(e) => Err(e),
            },
            Err(_) => return not_found(),
        },
        FeedKind::Trainer => match UserId::parse(&feed.target_id) {
            Ok(id) => match (
                state.store.user(id).await,
                state.store.cohorts_of_trainer(id).await,
            ) {
                (Ok(u), Ok(cohorts)) => {
                    calendar(&state, format!("Lernweg – {}", u.display_name), &cohorts).await
                }
                (Err(e), _) | (_, Err(e)) => Err(e),
            },
            Err(_) => return not_found(),
        },
    };
    match result {
        Ok(cal) => {
            let mut res = write(&cal).into_response();
            res.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=300"),
            );
            res
        }
        Err(StoreError::NotFound) => not_found(),
        Err(e) => {
            tracing::error!(error = %e, "feed rendering failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
