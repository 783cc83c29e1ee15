//! The two sides of a tandem: `/mentoring`, the mentor's page in plain German (their
//! tandems with the mentee's name, field, languages and contact, the logged meetings and the
//! month's budget, a form to log a meeting, closing feedback, and the events offered to them
//! with sign-up), and the mentee's part of `/mein-weg` (their mentor, the meetings, the same
//! forms) in the portal's languages. One block template serves both
//! (`tandem_block.html`). A refused form is shown again with what was typed.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::tandems::{self, MentorHome, OwnTandem};
use lernweg_app::{AppError, Caller};
use lernweg_domain::{MentorEventId, TandemId};
use lernweg_participants::mentor_pool::RawMeeting;
use lernweg_store::TandemStatus;
use serde::Deserialize;

use super::pages::minutes_text;
use super::tandems_api::sides;
use crate::AppState;
use crate::context::Ctx;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::render;
use crate::portal::{OrPortal, PortalError, PortalLayout, date};

/// The meeting form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    pub csrf: String,
    pub met_on: String,
    pub minutes: String,
    pub topic: String,
    pub feedback: String,
}

/// One tandem as one of its sides sees it.
pub struct TandemBlock {
    pub id: String,
    /// Where its forms post: `/mentoring/tandems/{id}` or `/mein-weg/tandem/{id}`.
    pub action: String,
    pub partner: String,
    pub field: String,
    pub languages: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub active: bool,
    pub period: String,
    pub budget: String,
    pub over: bool,
    /// (date, duration, topic).
    pub meetings: Vec<(String, String, String)>,
    /// The closing feedback can still be given by this side.
    pub feedback_open: bool,
    pub error: Option<String>,
    pub form: MeetingForm,
    pub today: String,
}

/// The blocks of `own`; `mentor` says which side looks.
pub(crate) fn blocks(
    lang: Lang,
    own: Vec<OwnTandem>,
    mentor: bool,
    today: String,
) -> Vec<TandemBlock> {
    own.into_iter()
        .map(|o| {
            let t = o.tandem;
            let p = o.partner;
            let given = if mentor {
                &t.mentor_feedback
            } else {
                &t.mentee_feedback
            };
            TandemBlock {
                action: if mentor {
                    format!("/mentoring/tandems/{}", t.id)
                } else {
                    format!("/mein-weg/tandem/{}", t.id)
                },
                id: t.id.to_string(),
                partner: p.name,
                field: match (&p.kldb, p.occupation.is_empty()) {
                    (Some(k), true) => format!("KldB {}", k.as_str()),
                    (Some(k), false) => format!("{} (KldB {})", p.occupation, k.as_str()),
                    (None, _) => p.occupation,
                },
                languages: p
                    .languages
                    .iter()
                    .map(|l| lang.language_name(l.as_str()))
                    .collect::<Vec<_>>()
                    .join(", "),
                email: p.email,
                phone: p.phone.map(|p| p.as_str().to_owned()),
                active: t.status == TandemStatus::Active,
                period: match (t.started_on, t.closed_on.or(t.ends_on)) {
                    (Some(a), Some(b)) => format!("{} – {}", date(a), date(b)),
                    _ => String::new(),
                },
                budget: lang.t_args(
                    "portal-tandem-budget",
                    &[
                        ("used", minutes_text(lang, o.this_month)),
                        ("budget", minutes_text(lang, t.budget_minutes)),
                    ],
                ),
                over: o.this_month > t.budget_minutes,
                meetings: o
                    .meetings
                    .iter()
                    .rev()
                    .map(|m| {
                        (
                            date(m.meeting.met_on),
                            minutes_text(lang, m.meeting.minutes),
                            m.meeting.topic.clone(),
                        )
                    })
                    .collect(),
                feedback_open: t.status == TandemStatus::Closed && given.is_none(),
                error: None,
                form: MeetingForm::default(),
                today: today.clone(),
            }
        })
        .collect()
}

pub struct EventRow {
    pub id: String,
    pub line: String,
    pub description: String,
    pub signed_up: bool,
    pub full: bool,
}

#[derive(Template)]
#[template(path = "mentoring_mentor.html")]
pub struct MentorPage {
    pub layout: PortalLayout,
    pub greeting: String,
    pub tandems: Vec<TandemBlock>,
    pub events: Vec<EventRow>,
    pub error: Option<String>,
}

fn mentor_page(ctx: &Ctx, home: MentorHome, today: String) -> MentorPage {
    let lang = Lang::De;
    MentorPage {
        layout: PortalLayout::new(ctx, lang, "mentor-page-title"),
        greeting: lang.t_args(
            "employer-hello",
            &[("name", home.mentor.profile.name.clone())],
        ),
        tandems: blocks(lang, home.tandems, true, today),
        events: home
            .events
            .into_iter()
            .map(|e| {
                let v = &e.event.event;
                EventRow {
                    id: e.event.id.to_string(),
                    line: format!(
                        "{}: {} · {} {}–{} · {}",
                        lang.t(&format!("mentoring-event-{}", v.kind.as_str())),
                        v.title,
                        date(v.date),
                        v.start,
                        v.end,
                        v.place
                    ),
                    description: v.description.clone(),
                    signed_up: e.signed_up,
                    full: e.event.signed_up >= v.capacity,
                }
            })
            .collect(),
        error: None,
    }
}

fn caller(ctx: &Ctx, lang: Lang) -> Result<Caller, PortalError> {
    ctx.caller().ok_or(AppError::Forbidden).or_portal(ctx, lang)
}

async fn home(state: &AppState, ctx: &Ctx, caller: &Caller) -> Result<MentorPage, PortalError> {
    let home = tandems::mentor_home(&state.app, caller, sides(ctx).0)
        .await
        .or_portal(ctx, Lang::De)?;
    Ok(mentor_page(ctx, home, state.app.today().to_string()))
}

/// `GET /mentoring`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx, Lang::De)?;
    Ok(render(&home(&state, &ctx, &caller).await?))
}

/// The German message of a refused meeting or feedback (one per field, or the conflict's).
fn message(lang: Lang, e: &AppError) -> Option<String> {
    match e {
        AppError::Invalid(list) => Some(
            list.iter()
                .map(|e| lang.t(&format!("portal-tandem-error-{}", e.field)))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        AppError::Conflict(_) => Some(lang.t("portal-tandem-error-state")),
        _ => None,
    }
}

/// Shows the refusal at the tandem's block, with what was typed.
fn at_block(blocks: &mut [TandemBlock], id: TandemId, error: String, form: MeetingForm) {
    if let Some(b) = blocks.iter_mut().find(|b| b.id == id.to_string()) {
        b.error = Some(error);
        b.form = form;
    }
}

async fn mentor_answer(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: TandemId,
    done: Result<(), AppError>,
    form: MeetingForm,
) -> Result<Response, PortalError> {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/mentoring#tandem-{id}")).into_response()),
        Err(e) => {
            let Some(msg) = message(Lang::De, &e) else {
                return Err(PortalError::app(ctx, Lang::De, e));
            };
            let mut page = home(state, ctx, caller).await?;
            page.layout.here = "/mentoring".into();
            at_block(&mut page.tandems, id, msg, form);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
    }
}

fn raw(f: &MeetingForm) -> RawMeeting {
    RawMeeting {
        met_on: f.met_on.clone(),
        minutes: f.minutes.clone(),
        topic: f.topic.clone(),
    }
}

/// `POST /mentoring/tandems/{id}/treffen`: the mentor logs a meeting.
pub async fn log_meeting(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<TandemId>,
    Form(f): Form<MeetingForm>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx, Lang::De)?;
    let (mentor, _) = sides(&ctx);
    let done = tandems::log_meeting(&state.app, &caller, id, mentor, None, &raw(&f))
        .await
        .map(|_| ());
    mentor_answer(&state, &ctx, &caller, id, done, f).await
}

/// `POST /mentoring/tandems/{id}/rueckmeldung`: the mentor's closing feedback.
pub async fn feedback(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<TandemId>,
    Form(f): Form<MeetingForm>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx, Lang::De)?;
    let (mentor, _) = sides(&ctx);
    let done = tandems::feedback(&state.app, &caller, id, mentor, None, &f.feedback)
        .await
        .map(|_| ());
    mentor_answer(&state, &ctx, &caller, id, done, f).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignUpForm {
    pub csrf: String,
    /// `ja` signs up, anything else withdraws.
    pub join: String,
}

/// `POST /mentoring/veranstaltungen/{id}`: the mentor signs up or withdraws.
pub async fn sign_up(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<MentorEventId>,
    Form(f): Form<SignUpForm>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx, Lang::De)?;
    let (mentor, _) = sides(&ctx);
    match tandems::sign_up(&state.app, &caller, mentor, id, f.join == "ja").await {
        Ok(_) => Ok(Redirect::to("/mentoring#veranstaltungen").into_response()),
        Err(AppError::Conflict(_)) => {
            let mut page = home(&state, &ctx, &caller).await?;
            page.layout.here = "/mentoring".into();
            page.error = Some(Lang::De.t("mentor-event-full"));
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(e) => Err(PortalError::app(&ctx, Lang::De, e)),
    }
}

async fn mentee_answer(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    id: TandemId,
    done: Result<(), AppError>,
    form: MeetingForm,
) -> Result<Response, PortalError> {
    let p = crate::portal::path::own_record(state, ctx).await?;
    let lang = crate::portal::portal_lang(ctx, Some(&p));
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/mein-weg#tandem-{id}")).into_response()),
        Err(e) => {
            let Some(msg) = message(lang, &e) else {
                return Err(PortalError::app(ctx, lang, e));
            };
            let mut page = crate::portal::path::build(state, ctx, headers, &p, None)
                .await
                .or_portal(ctx, lang)?;
            page.layout.here = "/mein-weg".into();
            page.layout.on_path = true;
            at_block(&mut page.tandems, id, msg, form);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
    }
}

/// `POST /mein-weg/tandem/{id}/treffen`: the mentee logs a meeting.
pub async fn mentee_meeting(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<TandemId>,
    Form(f): Form<MeetingForm>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx, ctx.portal_lang())?;
    let (_, participant) = sides(&ctx);
    let done = tandems::log_meeting(&state.app, &caller, id, None, participant, &raw(&f))
        .await
        .map(|_| ());
    mentee_answer(&state, &ctx, &headers, id, done, f).await
}

/// `POST /mein-weg/tandem/{id}/rueckmeldung`: the mentee's closing feedback.
pub async fn mentee_feedback(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<TandemId>,
    Form(f): Form<MeetingForm>,
) -> Result<Response, PortalError> {
    let caller = caller(&ctx, ctx.portal_lang())?;
    let (_, participant) = sides(&ctx);
    let done = tandems::feedback(&state.app, &caller, id, None, participant, &f.feedback)
        .await
        .map(|_| ());
    mentee_answer(&state, &ctx, &headers, id, done, f).await
}
