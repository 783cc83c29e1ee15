//! The trainer's pages: the overview of sessions to take the roll call of, and the roll call
//! of one session (works without JavaScript, at 375 px, with large touch targets).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::attendance::{self as uc, RollCall, RollCallFailure};
use lernweg_domain::SessionId;
use lernweg_participants::attendance::NOTE_MAX;
use lernweg_participants::{AttendanceStatus, RollCallEntry, RollCallError};
use lernweg_store::{RollCallSession, SessionRecord};
use serde::Deserialize;

use super::date_text;
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::FormErrors;
use crate::pages::{Layout, render};

const OVERVIEW: &str = "/verwaltung/anwesenheit";
/// How far back the overview looks for roll calls still open, and how far ahead.
const DAYS_BACK: i64 = 42;
const DAYS_AHEAD: i64 = 14;

/// One session in the overview.
pub struct SessionItem {
    pub id: String,
    pub title: String,
    pub cohort: String,
    pub when: String,
    /// "3 von 12 erfasst".
    pub progress: String,
    pub complete: bool,
}

/// One individual lesson date of the trainer.
pub struct LessonItem {
    pub id: String,
    pub title: String,
    pub when: String,
    /// The attendance recorded (a code), empty while none is.
    pub attendance: String,
}

#[derive(Template)]
#[template(path = "attendance_overview.html")]
pub struct OverviewPage {
    pub layout: Layout,
    pub today: Vec<SessionItem>,
    pub open: Vec<SessionItem>,
    pub upcoming: Vec<SessionItem>,
    /// The trainer's individual lesson dates (issue 14), with a refusal to show.
    pub lessons: Vec<LessonItem>,
    pub lesson_error: Option<String>,
    pub choices: Vec<(&'static str, String)>,
}

fn when_text(lang: Lang, s: &SessionRecord) -> String {
    match (s.start, s.end) {
        (Some(a), Some(b)) => format!("{}, {a}–{b}", date_text(s.date)),
        _ => format!("{}, {}", date_text(s.date), lang.t("attendance-self-paced")),
    }
}

fn item(lang: Lang, r: &RollCallSession) -> SessionItem {
    SessionItem {
        id: r.session.id.to_string(),
        title: r.session.title.clone(),
        cohort: r.cohort_name.clone(),
        when: when_text(lang, &r.session),
        progress: if r.expected == 0 {
            lang.t("attendance-nobody-listed")
        } else {
            lang.t_args(
                "attendance-recorded-of",
                &[
                    ("recorded", r.recorded.min(r.expected).to_string()),
                    ("expected", r.expected.to_string()),
                ],
            )
        },
        complete: r.complete(),
    }
}

/// `GET /verwaltung/anwesenheit`: today's sessions first, then recent past sessions whose
/// roll call is not complete (newest first), then the next two weeks.
pub async fn overview(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    overview_page(&state, &ctx, None).await
}

/// The overview, with a refusal of a lesson date's attendance above its list.
pub async fn overview_page(
    state: &AppState,
    ctx: &Ctx,
    lesson_error: Option<String>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let who = ctx.principal().ok_or(PageError::NotFound)?;
    let caller = ctx.caller().ok_or(PageError::NotFound)?;
    let now = state.app.today();
    let rows = uc::overview(&state.app, &who, DAYS_BACK, DAYS_AHEAD).await?;
    let from = now - chrono::Duration::days(DAYS_BACK);
    let to = now + chrono::Duration::days(DAYS_AHEAD);
    let lessons = lernweg_app::participants::lessons::trainer_dates(&state.app, &caller, from, to)
        .await?
        .into_iter()
        .map(|l| LessonItem {
            id: l.session.id.to_string(),
            title: format!("{} – {}", l.title, l.participant),
            when: format!(
                "{}, {}–{}",
                date_text(l.session.date),
                l.session.start,
                l.session.end
            ),
            attendance: l
                .session
                .attendance
                .map(|a| a.code().to_owned())
                .unwrap_or_default(),
        })
        .collect();
    let status = if lesson_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = OverviewPage {
        layout: Layout::new(ctx, OVERVIEW, "attendance-title"),
        today: rows
            .iter()
            .filter(|r| r.session.date == now)
            .map(|r| item(lang, r))
            .collect(),
        open: rows
            .iter()
            .rev()
            .filter(|r| r.session.date < now && !r.complete())
            .map(|r| item(lang, r))
            .collect(),
        upcoming: rows
            .iter()
            .filter(|r| r.session.date > now)
            .map(|r| item(lang, r))
            .collect(),
        lessons,
        lesson_error,
        choices: AttendanceStatus::ALL
            .iter()
            .map(|a| (a.code(), lang.t(&format!("attendance-status-{}", a.code()))))
            .collect(),
    };
    Ok((status, render(&page)).into_response())
}

/// One choice of a roll-call row.
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
    pub disabled: bool,
}

/// One participant on the roll call.
pub struct Row {
    pub id: String,
    /// The participant, for the link to record their language level.
    pub participant_id: String,
    pub name: String,
    /// "pausiert", "abgeschlossen" …; empty while active.
    pub remark: String,
    pub choices: Vec<Choice>,
    pub note: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "attendance_roll_call.html")]
pub struct RollCallPage {
    pub layout: Layout,
    pub session_id: String,
    pub title: String,
    pub cohort: String,
    pub when: String,
    pub cancelled: bool,
    pub future: bool,
    pub saved: bool,
    pub rows: Vec<Row>,
    /// "3 von 12 erfasst".
    pub summary: String,
    pub note_max: usize,
    pub errors: FormErrors,
}

/// What was sent for a row (or is stored).
#[derive(Clone, Default)]
struct Sent {
    status: Option<String>,
    note: String,
}

/// The page of a roll call: sorted by name, with the stored values or those sent.
fn build(
    ctx: &Ctx,
    rc: RollCall,
    sent: Option<&HashMap<String, Sent>>,
    row_errors: &BTreeMap<String, String>,
) -> RollCallPage {
    let lang = ctx.lang;
    let now = rc.today;
    let session = &rc.session;
    let summary = lang.t_args(
        "attendance-recorded-of",
        &[
            ("recorded", rc.recorded().to_string()),
            ("expected", rc.rows.len().to_string()),
        ],
    );
    let mut people = rc.rows.clone();
    people.sort_by_cached_key(|r| (r.family_name.to_lowercase(), r.given_name.to_lowercase()));
    let rows = people
        .into_iter()
        .map(|r| {
            let e = &r.enrolment;
            let id = e.id.to_string();
            let value = match sent.and_then(|s| s.get(&id)) {
                Some(v) => v.clone(),
                // Nothing is marked until someone is recorded: the count above says what is open.
                None => Sent {
                    status: r.record.as_ref().map(|x| x.status.code().to_owned()),
                    note: r
                        .record
                        .as_ref()
                        .map(|x| x.note.clone())
                        .unwrap_or_default(),
                },
            };
            let remark = match e.status {
                lernweg_participants::EnrolmentStatus::Active => String::new(),
                other => lang.t(&format!("participants-status-{}", other.code())),
            };
            Row {
                choices: AttendanceStatus::ALL
                    .into_iter()
                    .map(|s| Choice {
                        value: s.code(),
                        label: lang.t(&format!("attendance-status-{}", s.code())),
                        checked: value.status.as_deref() == Some(s.code()),
                        disabled: !s.allowed_on(session.date, now),
                    })
                    .collect(),
                note: value.note,
                error: row_errors.get(&id).cloned(),
                name: format!("{} {}", r.given_name, r.family_name),
                participant_id: r.enrolment.participant_id.to_string(),
                remark,
                id,
            }
        })
        .collect();
    let mut errors = FormErrors::default();
    for (id, msg) in row_errors {
        errors.0.insert(format!("row-{id}"), msg.clone());
    }
    RollCallPage {
        layout: Layout::new(ctx, OVERVIEW, "attendance-roll-call-title"),
        session_id: session.id.to_string(),
        title: session.title.clone(),
        cohort: rc.cohort.name.clone(),
        when: when_text(lang, session),
        cancelled: rc.cancelled(),
        future: rc.in_future(),
        saved: false,
        summary,
        rows,
        note_max: NOTE_MAX,
        errors,
    }
}

#[derive(Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    gespeichert: Option<String>,
}

/// `GET /verwaltung/termine/{id}/anwesenheit`.
pub async fn roll_call(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<SessionId>,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let caller = ctx.caller().ok_or(PageError::NotFound)?;
    let rc = uc::view_roll_call(&state.app, &caller, id, "page: roll call").await?;
    let mut page = build(&ctx, rc, None, &BTreeMap::new());
    page.saved = q.gespeichert.is_some();
    Ok(render(&page))
}

/// The text of a refusal at its row (or `session`); `keys[i]` is the row of entry `i`.
fn refusal_texts(
    lang: Lang,
    refusals: &[RollCallError],
    keys: &[String],
    row_errors: &mut BTreeMap<String, String>,
) {
    for r in refusals {
        let key = r
            .index
            .map_or_else(|| "session".to_owned(), |i| keys[i].clone());
        let msg = lang.t_args(
            &format!("attendance-error-{}", r.code),
            &[("date", r.date.map(date_text).unwrap_or_default())],
        );
        row_errors.entry(key).or_insert(msg);
    }
}

/// `POST /verwaltung/termine/{id}/anwesenheit`: the whole roll call in one transaction. Rows
/// without a choice stay as they are (only the marked people are saved); with nobody marked the
/// page asks for a choice. Refusals show at their row (422), nothing is written.
pub async fn save_roll_call(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<SessionId>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = ctx.caller().ok_or(PageError::NotFound)?;
    let current = uc::roll_call(&state.app, &caller.principal, id).await?;
    let mut sent: HashMap<String, Sent> = HashMap::new();
    for (key, value) in form {
        if let Some(id) = key.strip_prefix("status-") {
            sent.entry(id.to_owned()).or_default().status = Some(value);
        } else if let Some(id) = key.strip_prefix("note-") {
            sent.entry(id.to_owned()).or_default().note = value;
        }
    }
    let mut row_errors = BTreeMap::new();
    let mut entries = Vec::new();
    let mut keys = Vec::new();
    for m in &current.members {
        let key = m.id.to_string();
        let Some(value) = sent.get(&key) else {
            continue;
        };
        let Some(raw) = value.status.as_deref() else {
            continue;
        };
        match AttendanceStatus::parse(raw) {
            Some(status) => {
                entries.push(RollCallEntry {
                    enrolment: m.id,
                    status,
                    note: value.note.clone(),
                });
                keys.push(key);
            }
            None => {
                row_errors.insert(key, lang.t("attendance-error-unknown_status"));
            }
        }
    }
    if entries.is_empty() && row_errors.is_empty() {
        row_errors.insert(
            "session".to_owned(),
            lang.t("attendance-error-nothing_marked"),
        );
    }
    let outcome = if row_errors.is_empty() {
        uc::record_roll_call(&state.app, &caller, id, &entries).await
    } else {
        let refusals = uc::check_roll_call(&state.app, &caller.principal, id, &entries).await?;
        Err(RollCallFailure::Refused(refusals))
    };
    match outcome {
        Ok(_) => {
            return Ok(Redirect::to(&format!(
                "/verwaltung/termine/{id}/anwesenheit?gespeichert=1"
            ))
            .into_response());
        }
        Err(RollCallFailure::Refused(r)) => refusal_texts(lang, &r, &keys, &mut row_errors),
        Err(RollCallFailure::Failed(AppError::Invalid(ps))) => {
            for p in ps {
                row_errors
                    .entry("session".into())
                    .or_insert_with(|| lang.t(&format!("attendance-error-{}", p.code)));
            }
        }
        Err(RollCallFailure::Failed(e)) => return Err(e.into()),
    }
    let page = build(&ctx, current, Some(&sent), &row_errors);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}
