//! The cohort page: facts, lifecycle, timetable, feeds.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_domain::FeedId;
use lernweg_store::{Cohort, FeedKind, FeedToken, SessionStatus, StoreError};
use serde::Deserialize;

use super::{feed_url, is_manager, status_label, visible};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::pages::{Layout, render};

/// One timetable row.
pub struct SessionRow {
    pub id: String,
    pub date: String,
    pub weekday: String,
    pub time: String,
    pub hours: String,
    pub kind: String,
    pub kind_code: &'static str,
    pub module: String,
    pub title: String,
    pub cancelled: bool,
    pub sequence: i64,
}

#[derive(Template)]
#[template(path = "cohort_detail.html")]
pub struct DetailPage {
    pub layout: Layout,
    pub cohort: Cohort,
    pub offer_title: String,
    pub offer_id: String,
    pub status: String,
    pub next_status: Option<(String, String)>,
    pub state_name: String,
    pub trainers: Vec<String>,
    pub rows: Vec<SessionRow>,
    pub total_hours: String,
    pub exams: usize,
    pub can_edit: bool,
    pub feeds: Vec<FeedToken>,
    pub new_feed_url: Option<String>,
    pub error: Option<String>,
    pub kinds: Vec<(&'static str, String)>,
}

pub(crate) fn hours_text(h: f64) -> String {
    let s = format!("{h:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

pub(crate) async fn page(
    state: &AppState,
    ctx: &Ctx,
    cohort: Cohort,
    new_feed_url: Option<String>,
    error: Option<String>,
) -> Response {
    let lang = ctx.lang;
    let offer = match state.store.offer(cohort.offer_id).await {
        Ok(o) => o,
        Err(e) => return PageError::from(e).into_response(),
    };
    let sessions = match state.store.timetable(cohort.id).await {
        Ok(s) => s,
        Err(e) => return PageError::from(e).into_response(),
    };
    let feeds = state
        .store
        .feeds_of(&cohort.id.to_string())
        .await
        .unwrap_or_default();
    let mut trainers = Vec::new();
    for t in &cohort.trainers {
        if let Ok(u) = state.store.user(*t).await {
            trainers.push(u.display_name);
        }
    }
    let total: f64 = sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Confirmed)
        .map(|s| s.hours)
        .sum();
    let exams = sessions
        .iter()
        .filter(|s| s.kind.code() == "exam" && s.status == SessionStatus::Confirmed)
        .count();
    let rows = sessions
        .iter()
        .map(|s| SessionRow {
            id: s.id.to_string(),
            date: s.date.format("%d.%m.%Y").to_string(),
            weekday: lang.t(&format!(
                "weekday-{}",
                s.date.format("%a").to_string().to_lowercase()
            )),
            time: match (s.start, s.end) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => lang.t("cohort-self-paced-due"),
            },
            hours: hours_text(s.hours),
            kind: lang.t(&format!("session-kind-{}", s.kind.code())),
            kind_code: s.kind.code(),
            module: s
                .module
                .map(|m| m.to_string())
                .unwrap_or_else(|| "–".into()),
            title: s.title.clone(),
            cancelled: s.status == SessionStatus::Cancelled,
            sequence: s.sequence,
        })
        .collect();
    let next_status = cohort.status.next().map(|n| {
        (
            n.as_str().to_owned(),
            lang.t(&format!("cohort-advance-{}", n.as_str())),
        )
    });
    let kinds = ["lesson", "exam", "exchange", "kickoff", "closing"]
        .into_iter()
        .map(|k| (k, lang.t(&format!("session-kind-{k}"))))
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = DetailPage {
        layout: Layout::new(ctx, "/verwaltung/durchgaenge", "cohort-title"),
        status: status_label(ctx, &cohort),
        state_name: cohort.state.name_de().to_owned(),
        offer_title: offer.offer.title.clone(),
        offer_id: offer.id.to_string(),
        next_status,
        trainers,
        rows,
        total_hours: hours_text(total),
        exams,
        can_edit: is_manager(ctx),
        feeds,
        new_feed_url,
        error,
        kinds,
        cohort,
    };
    (status, render(&page)).into_response()
}

/// `GET /verwaltung/durchgaenge/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    match visible(&state, &ctx, &id).await {
        Ok(c) => page(&state, &ctx, c, None, None).await,
        Err(r) => r,
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

/// `POST /verwaltung/durchgaenge/{id}/status`: one step along the lifecycle.
pub async fn advance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Response {
    let cohort = match visible(&state, &ctx, &id).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Ok(to) = lernweg_domain::CohortStatus::parse(&form.status) else {
        return page(
            &state,
            &ctx,
            cohort,
            None,
            Some(ctx.lang.t("cohort-error-transition")),
        )
        .await;
    };
    match state
        .store
        .set_cohort_status(&ctx.actor(), cohort.id, to)
        .await
    {
        Ok(c) => Redirect::to(&format!("/verwaltung/durchgaenge/{}", c.id)).into_response(),
        Err(StoreError::Invalid(_)) => {
            page(
                &state,
                &ctx,
                cohort,
                None,
                Some(ctx.lang.t("cohort-error-transition")),
            )
            .await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct ReplanForm {
    #[serde(default)]
    start_date: String,
}

/// `POST /verwaltung/durchgaenge/{id}/neu-planen`: regenerates a draft timetable from a new start.
pub async fn replan(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<ReplanForm>,
) -> Response {
    let cohort = match visible(&state, &ctx, &id).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Ok(start) = NaiveDate::parse_from_str(form.start_date.trim(), "%Y-%m-%d") else {
        return page(
            &state,
            &ctx,
            cohort,
            None,
            Some(ctx.lang.t("cohort-error-date")),
        )
        .await;
    };
    let offer = match state.store.offer(cohort.offer_id).await {
        Ok(o) => o,
        Err(e) => return PageError::from(e).into_response(),
    };
    let Ok(sessions) = lernweg_app::cohorts::generate(&offer.offer, start, cohort.state) else {
        return page(
            &state,
            &ctx,
            cohort,
            None,
            Some(ctx.lang.t("cohort-error-cannot-plan")),
        )
        .await;
    };
    match state
        .store
        .replace_sessions(&ctx.actor(), cohort.id, start, &sessions)
        .await
    {
        Ok(c) => Redirect::to(&format!("/verwaltung/durchgaenge/{}", c.id)).into_response(),
        Err(StoreError::Invalid(_)) => {
            page(
                &state,
                &ctx,
                cohort,
                None,
                Some(ctx.lang.t("cohort-error-not-draft")),
            )
            .await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

/// `POST /verwaltung/durchgaenge/{id}/kalender-links`: a new feed link, shown once.
pub async fn create_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let cohort = match visible(&state, &ctx, &id).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match state
        .store
        .create_feed(
            &ctx.actor(),
            FeedKind::Cohort,
            &cohort.id.to_string(),
            cohort.provider_id,
        )
        .await
    {
        Ok(issued) => {
            let url = feed_url(&state, &issued.secret);
            page(&state, &ctx, cohort, Some(url), None).await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

/// `POST /verwaltung/kalender/{id}/widerrufen`.
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let Ok(id) = FeedId::parse(&id) else {
        return PageError::NotFound.into_response();
    };
    let feed = match state.store.feed(id).await {
        Ok(f) => f,
        Err(e) => return PageError::from(e).into_response(),
    };
    if !ctx
        .principal()
        .is_some_and(|p| p.can_access_provider(feed.provider_id))
    {
        return PageError::NotFound.into_response();
    }
    match state.store.revoke_feed(&ctx.actor(), id).await {
        Ok(f) if f.kind == FeedKind::Cohort => {
            Redirect::to(&format!("/verwaltung/durchgaenge/{}", f.target_id)).into_response()
        }
        Ok(_) => Redirect::to("/verwaltung/durchgaenge").into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}
