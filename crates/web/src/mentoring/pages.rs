//! `/verwaltung/mentoring`: the staff page of mentoring — the pool with a form to add a
//! mentor and printed access codes, the participants waiting without a proposal (with the
//! reason), the proposals to accept, reject or swap, running tandems with their budget and
//! warnings, closed ones with feedback, and the events for mentors with sign-ups and
//! attendance. A refused form is shown again with what was typed and one German message per
//! field.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::mentoring::{self, Acceptance};
use lernweg_app::tandems::{self, RawEvent, TandemView};
use lernweg_app::{AppError, Caller};
use lernweg_domain::ParticipantId;
use lernweg_domain::{MentorEventId, MentorId, TandemId};
use lernweg_participants::mentor_pool::{RawMentor, RawWish};
use lernweg_participants::mentoring::{SLOT_DAYS, SLOT_PARTS, Slots};
use lernweg_store::TandemStatus;
use serde::Deserialize;

use crate::AppState;
use crate::care::picker::{PersonPicker, person_picker};
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::Choice;
use crate::pages::offers::caller;
use crate::pages::{Layout, render};
use crate::portal::date;

pub(crate) const PATH: &str = "/verwaltung/mentoring";

pub struct MentorRow {
    pub id: String,
    pub name: String,
    pub field: String,
    pub languages: String,
    pub reach: String,
    pub places: String,
    pub has_email: bool,
    /// The login of their account, once they have one.
    pub account: Option<String>,
}

pub struct TandemRow {
    pub id: String,
    pub mentor: String,
    pub mentee: String,
    pub score: i64,
    pub reasons: String,
    pub since: String,
    pub budget: String,
    /// "Budget überschritten: 12/2026 (2 h 15 min)" lines.
    pub warnings: Vec<String>,
    pub meetings: usize,
    pub feedback: Vec<String>,
}

pub struct EventRow {
    pub id: String,
    pub line: String,
    /// (mentor id, name, attended: "", "ja", "nein").
    pub signups: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "mentoring_staff.html")]
pub struct StaffPage {
    pub layout: Layout,
    pub errors: Vec<String>,
    pub mentors: Vec<MentorRow>,
    pub unplaced: Vec<(String, String)>,
    pub proposals: Vec<TandemRow>,
    pub running: Vec<TandemRow>,
    pub closed: Vec<TandemRow>,
    pub events: Vec<EventRow>,
    pub form: MentorForm,
    pub event: EventForm,
    pub wish: WishForm,
    /// The participants to put on the waiting list, narrowed by `?person=`.
    pub picker: Option<PersonPicker>,
    pub mentor_slots: Vec<Choice>,
    pub wish_slots: Vec<Choice>,
}

/// The wish form as typed: a participant waiting for a mentor.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WishForm {
    pub csrf: String,
    pub participant_id: String,
    pub slots: String,
    pub city: String,
    pub online: String,
}

/// The forms' values: repeated keys (the slot checkboxes) joined with commas.
fn form_of<T: serde::de::DeserializeOwned + Default>(fields: Vec<(String, String)>) -> T {
    let mut map = serde_json::Map::new();
    for (k, v) in fields {
        match map.get_mut(&k) {
            Some(serde_json::Value::String(old)) => {
                old.push(',');
                old.push_str(&v);
            }
            _ => {
                map.insert(k, serde_json::Value::String(v));
            }
        }
    }
    serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_default()
}

/// The 21 slot checkboxes, those in `chosen` (comma-separated codes) checked.
fn slot_choices(lang: Lang, chosen: &str) -> Vec<Choice> {
    let chosen = Slots::parse_list(chosen).unwrap_or_default();
    SLOT_DAYS
        .iter()
        .flat_map(|d| SLOT_PARTS.iter().map(move |p| (d, p)))
        .map(|(d, p)| {
            let code = format!("{d}-{p}");
            Choice {
                selected: chosen.contains(&code),
                label: format!(
                    "{} {}",
                    lang.t(&format!("mentoring-day-{d}")),
                    lang.t(&format!("mentoring-part-{p}"))
                ),
                value: code,
            }
        })
        .collect()
}

/// The add-mentor form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MentorForm {
    pub csrf: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub kldb: String,
    pub occupation: String,
    pub languages: String,
    pub slots: String,
    pub city: String,
    pub online: String,
    pub capacity: String,
    pub available_until: String,
    pub consent_on: String,
}

/// The new-event form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub csrf: String,
    pub kind: String,
    pub title: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: String,
    pub description: String,
}

pub fn minutes_text(lang: Lang, minutes: u32) -> String {
    lang.t_args(
        "portal-tandem-duration",
        &[("minutes", minutes.to_string())],
    )
}

fn tandem_row(lang: Lang, v: &TandemView) -> TandemRow {
    let t = &v.tandem;
    let mut feedback = Vec::new();
    if let Some(f) = &t.mentor_feedback {
        feedback.push(lang.t_args("mentoring-feedback-mentor", &[("text", f.clone())]));
    }
    if let Some(f) = &t.mentee_feedback {
        feedback.push(lang.t_args("mentoring-feedback-mentee", &[("text", f.clone())]));
    }
    TandemRow {
        id: t.id.to_string(),
        mentor: v.mentor_name.clone(),
        mentee: v.mentee_name.clone(),
        score: t.score,
        reasons: t.reasons.join(", "),
        since: t.started_on.map(date).unwrap_or_default(),
        budget: lang.t_args(
            "mentoring-budget-line",
            &[
                ("used", minutes_text(lang, v.this_month)),
                ("budget", minutes_text(lang, t.budget_minutes)),
            ],
        ),
        warnings: v
            .over_budget
            .iter()
            .map(|o| {
                lang.t_args(
                    "mentoring-over-budget",
                    &[
                        ("month", format!("{:02}/{}", o.month, o.year)),
                        ("used", minutes_text(lang, o.minutes)),
                    ],
                )
            })
            .collect(),
        meetings: v.meetings.len(),
        feedback,
    }
}

pub(crate) async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    errors: Vec<String>,
    forms: Forms,
    person: &str,
) -> Result<StaffPage, PageError> {
    let Forms { form, event, wish } = forms;
    let lang = ctx.lang;
    let app = &state.app;
    if caller.principal.provider_id.is_none() {
        // The admin belongs to no provider: the page names none (the API takes provider_id).
        return Ok(StaffPage {
            layout: Layout::new(ctx, PATH, "mentoring-staff-title"),
            errors: vec![lang.t("mentoring-admin-hint")],
            mentors: Vec::new(),
            unplaced: Vec::new(),
            proposals: Vec::new(),
            running: Vec::new(),
            closed: Vec::new(),
            events: Vec::new(),
            mentor_slots: slot_choices(lang, &form.slots),
            wish_slots: slot_choices(lang, &wish.slots),
            form,
            event,
            wish,
            picker: None,
        });
    }
    let pool = mentoring::mentors(app, caller, None).await?;
    let views = tandems::overview(app, caller, None).await?;
    let preview = mentoring::preview(app, caller).await?;
    let active = |id: MentorId| {
        views
            .iter()
            .filter(|v| v.tandem.mentor_id == id && v.tandem.status == TandemStatus::Active)
            .count()
    };
    let mut accounts = Vec::with_capacity(pool.len());
    for m in &pool {
        accounts.push(
            app.store
                .mentor_account(m.id)
                .await
                .map_err(AppError::from)?
                .map(|u| u.login_id().to_string()),
        );
    }
    let mentors = pool
        .iter()
        .zip(accounts)
        .map(|(m, account)| {
            let p = &m.profile;
            MentorRow {
                has_email: p.email.is_some(),
                account,
                id: m.id.to_string(),
                name: p.name.clone(),
                field: format!("{} · KldB {}", p.occupation, p.kldb.as_str()),
                languages: p
                    .languages
                    .iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                reach: format!(
                    "{}{}",
                    p.city,
                    if p.online {
                        lang.t("mentoring-online-too")
                    } else {
                        String::new()
                    }
                ),
                places: lang.t_args(
                    "mentoring-places",
                    &[
                        ("busy", active(m.id).to_string()),
                        ("capacity", p.capacity.to_string()),
                    ],
                ),
            }
        })
        .collect();
    let of = |s: TandemStatus| -> Vec<TandemRow> {
        views
            .iter()
            .filter(|v| v.tandem.status == s)
            .map(|v| tandem_row(lang, v))
            .collect()
    };
    let events = tandems::events(app, caller, None, app.today())
        .await?
        .into_iter()
        .map(|(e, signups)| EventRow {
            id: e.id.to_string(),
            line: format!(
                "{} · {} {}–{} · {} ({})",
                e.event.title,
                date(e.event.date),
                e.event.start,
                e.event.end,
                e.event.place,
                lang.t(&format!("mentoring-event-{}", e.event.kind.as_str()))
            ),
            signups: signups
                .into_iter()
                .map(|s| {
                    let attended = match s.attended {
                        Some(true) => lang.t("mentoring-attended-yes"),
                        Some(false) => lang.t("mentoring-attended-no"),
                        None => String::new(),
                    };
                    (s.mentor_id.to_string(), s.mentor_name, attended)
                })
                .collect(),
        })
        .collect();
    Ok(StaffPage {
        layout: Layout::new(ctx, PATH, "mentoring-staff-title"),
        errors,
        mentors,
        unplaced: preview
            .unplaced
            .into_iter()
            .map(|u| (u.name, u.reason))
            .collect(),
        proposals: of(TandemStatus::Proposed),
        running: of(TandemStatus::Active),
        closed: of(TandemStatus::Closed),
        events,
        mentor_slots: slot_choices(lang, &form.slots),
        wish_slots: slot_choices(lang, &wish.slots),
        picker: Some(
            person_picker(
                state,
                lang,
                &caller.principal,
                "/verwaltung/mentoring#wuensche",
                person,
                &wish.participant_id,
            )
            .await?,
        ),
        form,
        event,
        wish,
    })
}

/// The three forms of the page as typed (all empty on a plain GET).
#[derive(Default)]
pub struct Forms {
    pub form: MentorForm,
    pub event: EventForm,
    pub wish: WishForm,
}

/// `?person=`: the search of the participant select.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    pub person: String,
}

/// The German messages of a refusal: one per invalid field, or the conflict's.
pub fn refusal(lang: Lang, e: AppError) -> Result<Vec<String>, PageError> {
    match e {
        AppError::Invalid(list) => Ok(list
            .iter()
            .map(|e| lang.t(&format!("mentoring-error-{}", e.field)))
            .collect()),
        AppError::Conflict(code) => Ok(vec![lang.t(&format!("mentoring-conflict-{code}"))]),
        other => Err(other.into()),
    }
}

/// `GET /verwaltung/mentoring`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let p = page(
        &state,
        &ctx,
        &caller,
        Vec::new(),
        Forms::default(),
        &q.person,
    )
    .await?;
    Ok(render(&p))
}

async fn refused(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    e: AppError,
    forms: Forms,
) -> Result<Response, PageError> {
    let errors = refusal(ctx.lang, e)?;
    let p = page(state, ctx, caller, errors, forms, "").await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response())
}

/// `POST /verwaltung/mentoring/mentoren`: adds a mentor to the pool.
pub async fn add_mentor(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let f: MentorForm = form_of(fields);
    let raw = RawMentor {
        name: f.name.clone(),
        email: f.email.clone(),
        phone: f.phone.clone(),
        kldb: f.kldb.clone(),
        occupation: f.occupation.clone(),
        languages: f.languages.clone(),
        slots: f.slots.clone(),
        city: f.city.clone(),
        online: if f.online.is_empty() { "nein" } else { "ja" }.into(),
        capacity: f.capacity.clone(),
        available_from: String::new(),
        available_until: f.available_until.clone(),
        consent_on: f.consent_on.clone(),
    };
    match mentoring::add_mentor(&state.app, &caller, None, &raw).await {
        Ok(_) => Ok(Redirect::to(&format!("{PATH}#pool")).into_response()),
        Err(e) => {
            let forms = Forms {
                form: f,
                ..Forms::default()
            };
            refused(&state, &ctx, &caller, e, forms).await
        }
    }
}

/// `POST /verwaltung/mentoring/vorschlaege`: runs the matching.
pub async fn propose(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    mentoring::propose(&state.app, &caller, None).await?;
    Ok(Redirect::to(&format!("{PATH}#vorschlaege")).into_response())
}

/// What staff do with a tandem.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecideForm {
    pub csrf: String,
    /// `accept`, `reject`, `swap` or `close`.
    pub action: String,
    pub note: String,
    /// The other proposal of a swap.
    pub with: String,
}

/// `POST /verwaltung/mentoring/tandems/{id}`: accept, reject, swap or close.
pub async fn decide(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<TandemId>,
    Form(f): Form<DecideForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let app = &state.app;
    let done = match f.action.as_str() {
        "accept" => mentoring::accept(app, &caller, id, &Acceptance::default())
            .await
            .map(|_| "laufend"),
        "reject" => mentoring::reject(app, &caller, id, &f.note)
            .await
            .map(|_| "vorschlaege"),
        "swap" => match TandemId::parse(&f.with) {
            Ok(other) => mentoring::swap(app, &caller, id, other)
                .await
                .map(|_| "vorschlaege"),
            Err(e) => Err(AppError::invalid(e)),
        },
        "close" => tandems::close(app, &caller, id, "", &f.note)
            .await
            .map(|_| "beendet"),
        _ => return Err(PageError::BadRequest),
    };
    match done {
        Ok(anchor) => Ok(Redirect::to(&format!("{PATH}#{anchor}")).into_response()),
        Err(e) => refused(&state, &ctx, &caller, e, Forms::default()).await,
    }
}

/// `POST /verwaltung/mentoring/veranstaltungen`: offers an event to the mentors.
pub async fn create_event(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<EventForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let raw = RawEvent {
        kind: f.kind.clone(),
        title: f.title.clone(),
        date: f.date.clone(),
        start: f.start.clone(),
        end: f.end.clone(),
        place: f.place.clone(),
        capacity: f.capacity.clone(),
        description: f.description.clone(),
    };
    match tandems::create_event(&state.app, &caller, None, &raw).await {
        Ok(_) => Ok(Redirect::to(&format!("{PATH}#veranstaltungen")).into_response()),
        Err(e) => {
            let forms = Forms {
                event: f,
                ..Forms::default()
            };
            refused(&state, &ctx, &caller, e, forms).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttendanceForm {
    pub csrf: String,
    pub mentor_id: String,
    /// `ja` or `nein`.
    pub attended: String,
}

/// `POST /verwaltung/mentoring/veranstaltungen/{id}/anwesenheit`.
pub async fn attendance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<MentorEventId>,
    Form(f): Form<AttendanceForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let mentor = MentorId::parse(&f.mentor_id).map_err(|_| PageError::BadRequest)?;
    tandems::record_attendance(&state.app, &caller, id, mentor, f.attended == "ja").await?;
    Ok(Redirect::to(&format!("{PATH}#veranstaltungen")).into_response())
}

/// `POST /verwaltung/mentoring/wuensche`: a participant waits for a mentor (or their wish
/// changes).
pub async fn set_wish(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let f: WishForm = form_of(fields);
    let raw = RawWish {
        slots: f.slots.clone(),
        city: f.city.clone(),
        online: if f.online.is_empty() { "nein" } else { "ja" }.into(),
    };
    let done = match ParticipantId::parse(&f.participant_id) {
        Ok(id) => mentoring::set_wish(&state.app, &caller, id, &raw)
            .await
            .map(|_| ()),
        Err(e) => Err(AppError::invalid(e)),
    };
    let e = match done {
        Ok(()) => return Ok(Redirect::to(&format!("{PATH}#vorschlaege")).into_response()),
        // Another provider's or an unknown person: the select's choice is wrong.
        Err(AppError::NotFound) => AppError::invalid(lernweg_domain::ParseError::new(
            "participant_id",
            "unknown",
            "no such participant",
        )),
        Err(e) => e,
    };
    let forms = Forms {
        wish: f,
        ..Forms::default()
    };
    refused(&state, &ctx, &caller, e, forms).await
}
