//! One session: its history, and moving, cancelling or adding sessions (with a reason once
//! the timetable is published).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_domain::SessionId;
use lernweg_planner::ClockTime;
use lernweg_store::{
    Cohort, NewSession, SessionChange, SessionMove, SessionRecord, SessionStatus, StoreError,
    parse_kind,
};
use serde::Deserialize;

use super::detail::{hours_text, page as cohort_page};
use super::{is_manager, visible};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::pages::admin::FormErrors;
use crate::pages::{Layout, render};

#[derive(Template)]
#[template(path = "session_detail.html")]
pub struct SessionPage {
    pub layout: Layout,
    pub session: SessionRecord,
    pub cohort: Cohort,
    pub kind: String,
    pub date: String,
    pub time: String,
    pub hours: String,
    pub cancelled: bool,
    pub history: Vec<SessionChange>,
    pub can_edit: bool,
    /// Trainers take the roll call only in cohorts they teach.
    pub can_take_attendance: bool,
    pub reason_required: bool,
    pub errors: FormErrors,
    pub form: MoveForm,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub reason: String,
}

async fn load(state: &AppState, ctx: &Ctx, raw: &str) -> Result<(SessionRecord, Cohort), Response> {
    let not_found = || PageError::NotFound.into_response();
    let id = SessionId::parse(raw).map_err(|_| not_found())?;
    let session = state
        .store
        .timetable_session(id)
        .await
        .map_err(|e| PageError::from(e).into_response())?;
    let cohort = visible(state, ctx, &session.cohort_id.to_string()).await?;
    Ok((session, cohort))
}

async fn session_page(
    state: &AppState,
    ctx: &Ctx,
    session: SessionRecord,
    cohort: Cohort,
    form: Option<MoveForm>,
    errors: FormErrors,
) -> Response {
    let history = match state.store.session_changes(session.id).await {
        Ok(h) => h,
        Err(e) => return PageError::from(e).into_response(),
    };
    let form = form.unwrap_or_else(|| MoveForm {
        date: session.date.to_string(),
        start: session.start.map(|t| t.to_string()).unwrap_or_default(),
        end: session.end.map(|t| t.to_string()).unwrap_or_default(),
        reason: String::new(),
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = SessionPage {
        layout: Layout::new(ctx, "/verwaltung/durchgaenge", "session-title"),
        kind: ctx.lang.t(&format!("session-kind-{}", session.kind.code())),
        date: session.date.format("%d.%m.%Y").to_string(),
        time: match (session.start, session.end) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => ctx.lang.t("cohort-self-paced-due"),
        },
        hours: hours_text(session.hours),
        cancelled: session.status == SessionStatus::Cancelled,
        history,
        can_edit: is_manager(ctx) && cohort.status != lernweg_domain::CohortStatus::Finished,
        can_take_attendance: ctx.user.as_ref().is_some_and(|u| {
            u.role != lernweg_domain::Role::Trainer || cohort.trainers.contains(&u.id)
        }),
        reason_required: cohort.status.is_binding(),
        errors,
        form,
        session,
        cohort,
    };
    (status, render(&page)).into_response()
}

/// `GET /verwaltung/termine/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    match load(&state, &ctx, &id).await {
        Ok((s, c)) => session_page(&state, &ctx, s, c, None, FormErrors::default()).await,
        Err(r) => r,
    }
}

fn parse_time(
    lang: crate::i18n::Lang,
    errors: &mut FormErrors,
    field: &str,
    raw: &str,
) -> Option<ClockTime> {
    if raw.trim().is_empty() {
        return None;
    }
    match ClockTime::parse(raw.trim()) {
        Ok(t) => Some(t),
        Err(_) => {
            errors
                .0
                .insert(field.to_owned(), lang.t("cohort-error-time"));
            None
        }
    }
}

/// Puts a validation error into the form errors; any other error comes back as a page error.
fn store_error(
    lang: crate::i18n::Lang,
    errors: &mut FormErrors,
    e: StoreError,
) -> Option<PageError> {
    match e {
        StoreError::Invalid(p) => {
            errors.0.insert(
                p.field.to_owned(),
                lang.t(&format!("session-error-{}", p.code)),
            );
            None
        }
        other => Some(PageError::from(other)),
    }
}

/// `POST /verwaltung/termine/{id}/verschieben`.
pub async fn reschedule(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<MoveForm>,
) -> Response {
    let lang = ctx.lang;
    let (session, cohort) = match load(&state, &ctx, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let mut errors = FormErrors::default();
    let date = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        errors.0.insert("date".into(), lang.t("cohort-error-date"));
    }
    let start = parse_time(lang, &mut errors, "start", &form.start);
    let end = parse_time(lang, &mut errors, "end", &form.end);
    if session.start.is_some()
        && (start.is_none() || end.is_none())
        && !errors.0.contains_key("start")
    {
        errors.0.insert("start".into(), lang.t("cohort-error-time"));
    }
    let Some(date) = date.filter(|_| errors.is_empty()) else {
        return session_page(&state, &ctx, session, cohort, Some(form), errors).await;
    };
    match state
        .store
        .move_session(
            &ctx.actor(),
            session.id,
            SessionMove { date, start, end },
            &form.reason,
        )
        .await
    {
        Ok(s) => Redirect::to(&format!("/verwaltung/termine/{}", s.id)).into_response(),
        Err(e) => match store_error(lang, &mut errors, e) {
            None => session_page(&state, &ctx, session, cohort, Some(form), errors).await,
            Some(p) => p.into_response(),
        },
    }
}

#[derive(Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    reason: String,
}

/// `POST /verwaltung/termine/{id}/absagen`: the session stays in the feed as cancelled.
pub async fn cancel(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<ReasonForm>,
) -> Response {
    let (session, cohort) = match load(&state, &ctx, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match state
        .store
        .cancel_session(&ctx.actor(), session.id, &form.reason)
        .await
    {
        Ok(s) => Redirect::to(&format!("/verwaltung/termine/{}", s.id)).into_response(),
        Err(e) => {
            let mut errors = FormErrors::default();
            match store_error(ctx.lang, &mut errors, e) {
                None => {
                    errors.0.insert(
                        "cancel_reason".into(),
                        errors.0.get("reason").cloned().unwrap_or_default(),
                    );
                    errors.0.remove("reason");
                    session_page(&state, &ctx, session, cohort, None, errors).await
                }
                Some(p) => p.into_response(),
            }
        }
    }
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    module: String,
    #[serde(default)]
    reason: String,
}

/// `POST /verwaltung/durchgaenge/{id}/termine`: adds a session by hand (e.g. a make-up date).
pub async fn add(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<AddForm>,
) -> Response {
    let lang = ctx.lang;
    let cohort = match visible(&state, &ctx, &id).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut errors = FormErrors::default();
    let date = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d").ok();
    let start = parse_time(lang, &mut errors, "start", &form.start);
    let end = parse_time(lang, &mut errors, "end", &form.end);
    let kind = parse_kind(form.kind.trim());
    let title = form.title.trim();
    let (Some(date), Some(start), Some(end), Some(kind), false, true) =
        (date, start, end, kind, title.is_empty(), errors.is_empty())
    else {
        return cohort_page(
            &state,
            &ctx,
            cohort,
            None,
            Some(lang.t("session-error-add")),
        )
        .await;
    };
    if end <= start {
        return cohort_page(
            &state,
            &ctx,
            cohort,
            None,
            Some(lang.t("session-error-before_start")),
        )
        .await;
    }
    let hours = (end.to_naive() - start.to_naive()).num_minutes() as f64 / 60.0;
    let uid = format!("extra-{}@lernweg", uuid::Uuid::new_v4().simple());
    let new = NewSession {
        uid,
        date,
        start: Some(start),
        end: Some(end),
        hours,
        module: form.module.trim().parse().ok(),
        kind,
        title: title.to_owned(),
    };
    match state
        .store
        .add_session(&ctx.actor(), cohort.id, new, &form.reason)
        .await
    {
        Ok(_) => Redirect::to(&format!("/verwaltung/durchgaenge/{}", cohort.id)).into_response(),
        Err(StoreError::Invalid(p)) => {
            cohort_page(
                &state,
                &ctx,
                cohort,
                None,
                Some(lang.t(&format!("session-error-{}", p.code))),
            )
            .await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}
