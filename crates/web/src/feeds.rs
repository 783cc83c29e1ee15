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
use crate::error::log_store_error;
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

/// The calendar behind a feed file name (`{secret}.ics`); `None` for an unknown, revoked or
/// malformed one.
async fn feed_calendar(state: &AppState, file: &str) -> Result<Option<Calendar>, StoreError> {
    let Some(secret) = file.strip_suffix(".ics") else {
        return Ok(None);
    };
    let Some(feed) = state.store.feed_by_secret(secret).await? else {
        return Ok(None);
    };
    let calendar = match feed.kind {
        FeedKind::Cohort => {
            let Ok(id) = CohortId::parse(&feed.target_id) else {
                return Ok(None);
            };
            let c = state.store.cohort(id).await?;
            let title = state.store.offer(c.offer_id).await?.offer.title;
            calendar(state, format!("{title} – {}", c.name), &[c]).await?
        }
        FeedKind::Participant => {
            let Ok(id) = ParticipantId::parse(&feed.target_id) else {
                return Ok(None);
            };
            let cohorts = crate::portal::cohorts_of(state, id).await?;
            calendar(state, Lang::De.t("portal-feed-name"), &cohorts).await?
        }
        FeedKind::Trainer => {
            let Ok(id) = UserId::parse(&feed.target_id) else {
                return Ok(None);
            };
            let user = state.store.user(id).await?;
            let cohorts = state.store.cohorts_of_trainer(id).await?;
            calendar(state, format!("Lernweg – {}", user.display_name), &cohorts).await?
        }
    };
    Ok(Some(calendar))
}

async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "unknown or revoked calendar feed").into_response();
    match feed_calendar(&state, &file).await {
        Ok(Some(cal)) => {
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
        Ok(None) | Err(StoreError::NotFound) => not_found(),
        Err(e) => {
            log_store_error(&e);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
