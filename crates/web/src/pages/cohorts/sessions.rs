//! One session: its history, and moving, cancelling or adding sessions (with a reason once
//! the timetable is published).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_app::AppError;
use lernweg_app::cohorts::ExtraSession;
use lernweg_app::session_impact::{MoveImpact, move_impact};
use lernweg_domain::{CohortId, SessionId};
use lernweg_planner::ClockTime;
use lernweg_store::{Cohort, SessionChange, SessionMove, SessionRecord, SessionStatus, parse_kind};
use serde::Deserialize;

use super::detail::{hours_text, page as cohort_page};
use super::{form_errors, is_manager};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::pages::admin::FormErrors;
use crate::pages::offers::{caller, principal};
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
    /// What the move in `form` would hit, shown before it is saved.
    pub impact: Option<ImpactView>,
}

/// [`lernweg_app::session_impact::MoveImpact`] in words.
pub struct ImpactView {
    pub holiday: Option<String>,
    pub hits: Vec<String>,
}

impl ImpactView {
    fn new(lang: crate::i18n::Lang, date: NaiveDate, impact: &MoveImpact) -> ImpactView {
        ImpactView {
            holiday: impact.holiday.map(|name| {
                lang.t_args(
                    "session-impact-holiday",
                    &[
                        ("date", date.format("%d.%m.%Y").to_string()),
                        ("name", name.to_owned()),
                    ],
                )
            }),
            hits: impact
                .hits
                .iter()
                .map(|h| {
                    lang.t_args(
                        "session-impact-shift",
                        &[
                            ("name", h.name.clone()),
                            ("day", h.shift_date.format("%d.%m.%Y").to_string()),
                            ("start", h.shift_start.to_string()),
                            ("end", h.shift_end.to_string()),
                        ],
                    )
                })
                .collect(),
        }
    }
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
    /// "1" once staff have seen what the move hits and save it anyway.
    #[serde(default)]
    pub confirm: String,
}

async fn session_page(
    state: &AppState,
    ctx: &Ctx,
    id: SessionId,
    form: Option<MoveForm>,
    errors: FormErrors,
    impact: Option<ImpactView>,
) -> Result<Response, PageError> {
    let (session, cohort, history) =
        lernweg_app::cohorts::session_history(&state.app, &principal(ctx)?, id).await?;
    let form = form.unwrap_or_else(|| MoveForm {
        date: session.date.to_string(),
        start: session.start.map(|t| t.to_string()).unwrap_or_default(),
        end: session.end.map(|t| t.to_string()).unwrap_or_default(),
        reason: String::new(),
        confirm: String::new(),
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
        impact,
        session,
        cohort,
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /verwaltung/termine/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<SessionId>,
) -> Result<Response, PageError> {
    session_page(&state, &ctx, id, None, FormErrors::default(), None).await
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

/// A refused change's form errors (`session-error-<code>` on its field).
fn session_errors(ctx: &Ctx, e: AppError) -> Result<FormErrors, PageError> {
    form_errors(ctx, e, |p| format!("session-error-{}", p.code))
}

/// `POST /verwaltung/termine/{id}/verschieben`.
pub async fn reschedule(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<SessionId>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let (session, _) = lernweg_app::cohorts::session(&state.app, &caller.principal, id).await?;
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
        return session_page(&state, &ctx, session.id, Some(form), errors, None).await;
    };
    let to = SessionMove { date, start, end };
    // Before saving: what the new time hits. Shown once; saved when confirmed.
    if form.confirm != "1" {
        let impact = move_impact(&state.app, &caller, session.id, &to).await?;
        if !impact.is_empty() {
            let view = ImpactView::new(lang, date, &impact);
            let errors = FormErrors::default();
            return session_page(&state, &ctx, session.id, Some(form), errors, Some(view)).await;
        }
    }
    match lernweg_app::cohorts::move_session(&state.app, &caller, session.id, to, &form.reason)
        .await
    {
        Ok(s) => Ok(Redirect::to(&format!("/verwaltung/termine/{}", s.id)).into_response()),
        Err(e) => {
            let errors = session_errors(&ctx, e)?;
            session_page(&state, &ctx, session.id, Some(form), errors, None).await
        }
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
    PageId(id): PageId<SessionId>,
    Form(form): Form<ReasonForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (session, _) = lernweg_app::cohorts::session(&state.app, &caller.principal, id).await?;
    match lernweg_app::cohorts::cancel_session(&state.app, &caller, session.id, &form.reason).await
    {
        Ok(s) => Ok(Redirect::to(&format!("/verwaltung/termine/{}", s.id)).into_response()),
        Err(e) => {
            let mut errors = session_errors(&ctx, e)?;
            // The cancel form's reason field has its own name.
            let reason = errors.0.remove("reason").unwrap_or_default();
            errors.0.insert("cancel_reason".into(), reason);
            session_page(&state, &ctx, session.id, None, errors, None).await
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
    PageId(id): PageId<CohortId>,
    Form(form): Form<AddForm>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let cohort = lernweg_app::cohorts::cohort(&state.app, &caller.principal, id).await?;
    let mut errors = FormErrors::default();
    let date = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d").ok();
    let start = parse_time(lang, &mut errors, "start", &form.start);
    let end = parse_time(lang, &mut errors, "end", &form.end);
    let kind = parse_kind(form.kind.trim());
    let title = form.title.trim();
    let (Some(date), Some(start), Some(end), Some(kind), false, true) =
        (date, start, end, kind, title.is_empty(), errors.is_empty())
    else {
        let error = Some(lang.t("session-error-add"));
        return cohort_page(&state, &ctx, cohort.id, None, error).await;
    };
    let extra = ExtraSession {
        date,
        start,
        end,
        kind,
        title: title.to_owned(),
        module: form.module.trim().parse().ok(),
    };
    match lernweg_app::cohorts::add_session(&state.app, &caller, cohort.id, extra, &form.reason)
        .await
    {
        Ok(_) => {
            Ok(Redirect::to(&format!("/verwaltung/durchgaenge/{}", cohort.id)).into_response())
        }
        Err(AppError::Invalid(list)) => {
            let key = match list.first() {
                Some(p) if p.field != "title" => format!("session-error-{}", p.code),
                _ => "session-error-add".to_owned(),
            };
            let error = Some(lang.t(&key));
            cohort_page(&state, &ctx, cohort.id, None, error).await
        }
        Err(e) => Err(e.into()),
    }
}
