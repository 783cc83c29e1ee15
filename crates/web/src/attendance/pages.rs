//! The trainer's pages: the overview of sessions to take the roll call of, and the roll call
//! of one session (works without JavaScript, at 375 px, with large touch targets).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::Duration;
use lernweg_domain::{EnrolmentId, ParticipantId, Role, SessionId};
use lernweg_participants::attendance::{NOTE_MAX, default_status, on_roll_call};
use lernweg_participants::{AttendanceStatus, RollCallEntry, check_roll_call};
use lernweg_store::{
    AuditAction, Cohort, RollCallSession, SessionRecord, SessionStatus, StoreError, session_facts,
};
use serde::Deserialize;

use super::{date_text, visible_session};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
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

#[derive(Template)]
#[template(path = "attendance_overview.html")]
pub struct OverviewPage {
    pub layout: Layout,
    pub today: Vec<SessionItem>,
    pub open: Vec<SessionItem>,
    pub upcoming: Vec<SessionItem>,
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
pub async fn overview(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    let lang = ctx.lang;
    let Some(who) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    let now = state.app.today();
    let trainer = (who.role == Role::Trainer).then_some(who.user_id);
    let rows = match state
        .store
        .roll_call_overview(
            who.provider_scope(),
            trainer,
            now - Duration::days(DAYS_BACK),
            now + Duration::days(DAYS_AHEAD),
        )
        .await
    {
        Ok(r) => r,
        Err(e) => return PageError::from(e).into_response(),
    };
    let page = OverviewPage {
        layout: Layout::new(&ctx, OVERVIEW, "attendance-title"),
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
    };
    render(&page)
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

/// The people on the roll call of `session`: enrolled, active or paused, and anyone who already
/// has a record for it; sorted by name. With their stored (or sent) values.
async fn build(
    state: &AppState,
    ctx: &Ctx,
    session: &SessionRecord,
    cohort: &Cohort,
    sent: Option<&HashMap<String, Sent>>,
    row_errors: &BTreeMap<String, String>,
) -> Result<RollCallPage, StoreError> {
    let lang = ctx.lang;
    let now = state.app.today();
    let future = session.date > now;
    let records = state.store.session_attendance(session.id).await?;
    let names: HashMap<ParticipantId, (String, String)> = state
        .store
        .participants(Some(cohort.provider_id))
        .await?
        .into_iter()
        .map(|p| (p.id, (p.data.family_name, p.data.given_name)))
        .collect();
    let mut people: Vec<_> = state
        .store
        .enrolments_in(cohort.id)
        .await?
        .into_iter()
        .filter(|e| on_roll_call(e.status) || records.iter().any(|r| r.enrolment_id == e.id))
        .map(|e| {
            let (family, given) = names.get(&e.participant_id).cloned().unwrap_or_default();
            (family, given, e)
        })
        .collect();
    people.sort_by(|a, b| {
        (a.0.to_lowercase(), a.1.to_lowercase()).cmp(&(b.0.to_lowercase(), b.1.to_lowercase()))
    });
    let stored_count = people
        .iter()
        .filter(|(_, _, e)| records.iter().any(|r| r.enrolment_id == e.id))
        .count();
    let summary = lang.t_args(
        "attendance-recorded-of",
        &[
            ("recorded", stored_count.to_string()),
            ("expected", people.len().to_string()),
        ],
    );
    let rows = people
        .into_iter()
        .map(|(family, given, e)| {
            let id = e.id.to_string();
            let stored = records.iter().find(|r| r.enrolment_id == e.id);
            let value = match sent.and_then(|s| s.get(&id)) {
                Some(v) => v.clone(),
                None => Sent {
                    status: stored
                        .map(|r| r.status)
                        .or_else(|| default_status(e.status, session.date, now))
                        .map(|s| s.code().to_owned()),
                    note: stored.map(|r| r.note.clone()).unwrap_or_default(),
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
                name: format!("{given} {family}"),
                remark,
                id,
            }
        })
        .collect();
    let mut errors = FormErrors::default();
    for (id, msg) in row_errors {
        errors.0.insert(format!("row-{id}"), msg.clone());
    }
    Ok(RollCallPage {
        layout: Layout::new(ctx, OVERVIEW, "attendance-roll-call-title"),
        session_id: session.id.to_string(),
        title: session.title.clone(),
        cohort: cohort.name.clone(),
        when: when_text(lang, session),
        cancelled: session.status == SessionStatus::Cancelled,
        future,
        saved: false,
        summary,
        rows,
        note_max: NOTE_MAX,
        errors,
    })
}

async fn load(state: &AppState, ctx: &Ctx, raw: &str) -> Result<(SessionRecord, Cohort), Response> {
    let who = ctx
        .principal()
        .ok_or_else(|| PageError::NotFound.into_response())?;
    let id = SessionId::parse(raw).map_err(|_| PageError::NotFound.into_response())?;
    visible_session(&state.store, &who, id)
        .await
        .map_err(|e| PageError::from(e).into_response())
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
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Response {
    let (session, cohort) = match load(&state, &ctx, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let entry = ctx.actor().entry(
        Some(cohort.provider_id),
        AuditAction::View,
        "attendance",
        session.id,
        "page: roll call",
    );
    if let Err(e) = state.store.audit(&entry).await {
        return PageError::from(e).into_response();
    }
    match build(&state, &ctx, &session, &cohort, None, &BTreeMap::new()).await {
        Ok(mut page) => {
            page.saved = q.gespeichert.is_some();
            render(&page)
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

/// `POST /verwaltung/termine/{id}/anwesenheit`: the whole roll call in one transaction. Rows
/// without a choice stay as they are. Refusals show at their row (422), nothing is written.
pub async fn save_roll_call(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let lang = ctx.lang;
    let (session, cohort) = match load(&state, &ctx, &id).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let members = match state.store.enrolments_in(cohort.id).await {
        Ok(m) => m,
        Err(e) => return PageError::from(e).into_response(),
    };
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
    let mut ids = Vec::new();
    for m in &members {
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
                ids.push(key);
            }
            None => {
                row_errors.insert(key, lang.t("attendance-error-unknown_status"));
            }
        }
    }
    let roster: Vec<(EnrolmentId, _)> = members.iter().map(|e| (e.id, e.status)).collect();
    let refusals = check_roll_call(
        &session_facts(&session),
        &roster,
        &entries,
        state.app.today(),
    );
    for r in &refusals {
        let key = r
            .index
            .map_or_else(|| "session".to_owned(), |i| ids[i].clone());
        let msg = lang.t_args(
            &format!("attendance-error-{}", r.code),
            &[("date", r.date.map(date_text).unwrap_or_default())],
        );
        row_errors.entry(key).or_insert(msg);
    }
    if row_errors.is_empty() {
        match state
            .store
            .record_roll_call(&ctx.actor(), session.id, &entries, state.app.today())
            .await
        {
            Ok(_) => {
                return Redirect::to(&format!(
                    "/verwaltung/termine/{}/anwesenheit?gespeichert=1",
                    session.id
                ))
                .into_response();
            }
            Err(StoreError::Invalid(p)) => {
                row_errors.insert(
                    "session".into(),
                    lang.t(&format!("attendance-error-{}", p.code)),
                );
            }
            Err(e) => return PageError::from(e).into_response(),
        }
    }
    match build(&state, &ctx, &session, &cohort, Some(&sent), &row_errors).await {
        Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}
