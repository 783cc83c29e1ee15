//! The participant record: contact person, consents, contact log, enrolments with their
//! history and next events, earlier readiness checks.

use std::collections::HashMap;

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lernweg_domain::{CohortId, ParticipantId};
use lernweg_participants::{
    ConsentScope, ContactChannel, DropoutReason, EnrolmentEvent, EnrolmentStatus, PauseReason,
    transition,
};
use lernweg_store::{ParticipantRecord, StoreError};

use super::readiness::{CheckRow, check_rows};
use super::{ContactBox, audit, reads_contact_notes, record};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::{Layout, render};

pub struct ConsentRow {
    pub id: String,
    pub scope: String,
    pub given_on: String,
    pub withdrawn_on: Option<String>,
}

pub struct ContactRow {
    pub on: String,
    pub channel: String,
    pub topic: String,
    /// `None` when the reader may not see contact notes (see `can_read_contact_notes`).
    pub note: Option<String>,
    pub staff: String,
}

pub struct StepRow {
    pub on: String,
    pub event: String,
    /// Pause reason and expected return, drop-out reason, whether employment continued.
    pub detail: String,
    pub from: String,
    pub to: String,
}

pub struct EnrolmentView {
    pub id: String,
    pub cohort: String,
    pub status: String,
    pub stayed_employed: Option<String>,
    pub history: Vec<StepRow>,
    pub events: Vec<Choice>,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "participants_detail.html")]
pub struct DetailPage {
    pub layout: Layout,
    pub contact: ContactBox,
    pub facts: Vec<(String, String)>,
    pub consents: Vec<ConsentRow>,
    pub contacts: Vec<ContactRow>,
    /// Whether the contact notes are shown (only counselling staff of the provider).
    pub notes_shown: bool,
    pub enrolments: Vec<EnrolmentView>,
    pub checks: Vec<CheckRow>,
    pub scopes: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub cohorts: Vec<Choice>,
    pub pause_reasons: Vec<Choice>,
    pub dropout_reasons: Vec<Choice>,
    pub today: String,
    pub errors: FormErrors,
    /// Portal access: invitations, account, calendar link (`portal_staff_access.html`).
    pub access: crate::portal::StaffAccess,
    pub attendance: crate::attendance::ProgressPanel,
    /// Working times and how the open enrolments' timetables fit them (`work_fit.html`).
    pub fit: crate::work::FitPanel,
}

pub(crate) fn code_choices(
    lang: Lang,
    prefix: &str,
    codes: impl IntoIterator<Item = String>,
) -> Vec<Choice> {
    codes
        .into_iter()
        .map(|c| Choice {
            label: lang.t(&format!("{prefix}{c}")),
            value: c,
            selected: false,
        })
        .collect()
}

pub(crate) fn code_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The record as label/value pairs (only what is filled in).
pub(crate) fn facts(lang: Lang, p: &ParticipantRecord) -> Vec<(String, String)> {
    let d = &p.data;
    let mut out = Vec::new();
    let mut put = |key: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push((lang.t(&format!("pp-field-{key}")), v));
        }
    };
    put("given_name", Some(d.given_name.clone()));
    put("family_name", Some(d.family_name.clone()));
    put("email", d.email.as_ref().map(|x| x.to_string()));
    put("phone", d.phone.as_ref().map(|x| x.to_string()));
    put(
        "mother_tongue",
        d.mother_tongue.as_ref().map(|x| x.as_str().to_owned()),
    );
    put(
        "other_languages",
        Some(
            d.other_languages
                .iter()
                .map(|l| l.as_str().to_owned())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    );
    put(
        "german_level",
        d.german_level.map(|l| l.as_str().to_owned()),
    );
    put(
        "preferred_channel",
        d.preferred_channel
            .map(|c| lang.t(&format!("participants-channel-{}", c.code()))),
    );
    put("reachable_times", d.reachable_times.clone());
    put("foreign_qualification", d.foreign_qualification.clone());
    put("kldb", d.kldb.as_ref().map(|k| k.to_string()));
    put(
        "recognition_status",
        d.recognition_status
            .map(|c| lang.t(&format!("participants-recognition-{}", c.code()))),
    );
    put("employer", d.employer.clone());
    put("weekly_hours", d.weekly_hours.map(|h| h.to_string()));
    put("birth_year", d.birth_year.map(|y| y.to_string()));
    out
}

/// Sample events, to find the ones the rules allow next.
fn sample_events(t: chrono::NaiveDate) -> Vec<EnrolmentEvent> {
    vec![
        EnrolmentEvent::Counsel,
        EnrolmentEvent::Enrol,
        EnrolmentEvent::Activate,
        EnrolmentEvent::Pause {
            reason: PauseReason::Other,
            expected_return: t + chrono::Days::new(30),
            note: None,
        },
        EnrolmentEvent::Resume,
        EnrolmentEvent::Complete {
            stayed_employed: None,
        },
        EnrolmentEvent::Drop {
            reason: DropoutReason::JobChange,
            text: None,
            stayed_employed: None,
        },
    ]
}

fn stayed_text(lang: Lang, stayed: Option<bool>) -> String {
    let key = match stayed {
        Some(true) => "pp-stayed-yes",
        Some(false) => "pp-stayed-no",
        None => "pp-stayed-unknown",
    };
    format!("{}: {}", lang.t("pp-stayed-label"), lang.t(key))
}

/// The data that came with an event, as one line of text.
fn event_detail(lang: Lang, e: &EnrolmentEvent) -> String {
    match e {
        EnrolmentEvent::Pause {
            reason,
            expected_return,
            ..
        } => format!(
            "{}. {}",
            lang.t(&format!("participants-pause-{}", code_of(reason))),
            lang.t_args(
                "pp-event-return-on",
                &[("date", expected_return.format("%d.%m.%Y").to_string())]
            )
        ),
        EnrolmentEvent::Drop {
            reason,
            text,
            stayed_employed,
        } => {
            let mut parts = vec![lang.t(&format!("participants-dropout-{}", code_of(reason)))];
            parts.extend(text.clone());
            parts.push(stayed_text(lang, *stayed_employed));
            parts.join(". ")
        }
        EnrolmentEvent::Complete { stayed_employed } => stayed_text(lang, *stayed_employed),
        _ => String::new(),
    }
}

pub(crate) fn status_label(lang: Lang, s: EnrolmentStatus) -> String {
    lang.t(&format!("participants-status-{}", s.code()))
}

/// Enrolments with history (and the next events when `with_events`).
pub(crate) async fn enrolment_views(
    state: &AppState,
    lang: Lang,
    p: &ParticipantRecord,
    with_events: bool,
) -> Result<Vec<EnrolmentView>, StoreError> {
    let cohorts: HashMap<CohortId, String> = state
        .store
        .cohorts(Some(p.provider_id), None)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let mut out = Vec::new();
    for e in state.store.enrolments_of(p.id).await? {
        let history = state
            .store
            .enrolment_history(e.id)
            .await?
            .into_iter()
            .map(|s| StepRow {
                on: s.on_date.format("%d.%m.%Y").to_string(),
                event: lang.t(&format!("pp-event-{}", s.event.code())),
                detail: event_detail(lang, &s.event),
                from: status_label(lang, s.from),
                to: status_label(lang, s.to),
            })
            .collect();
        let events = if with_events {
            sample_events(state.app.today())
                .into_iter()
                .filter(|ev| transition(e.status, ev, state.app.today()).is_ok())
                .map(|ev| Choice {
                    value: ev.code().to_owned(),
                    label: lang.t(&format!("pp-event-{}", ev.code())),
                    selected: false,
                })
                .collect()
        } else {
            Vec::new()
        };
        out.push(EnrolmentView {
            id: e.id.to_string(),
            cohort: cohorts.get(&e.cohort_id).cloned().unwrap_or_default(),
            status: status_label(lang, e.status),
            stayed_employed: e
                .stayed_employed
                .map(|b| lang.t(if b { "pp-stayed-yes" } else { "pp-stayed-no" })),
            history,
            events,
            error: None,
        });
    }
    Ok(out)
}

pub(crate) async fn staff_names(
    state: &AppState,
    p: &ParticipantRecord,
) -> Result<HashMap<String, String>, StoreError> {
    Ok(state
        .store
        .users(Some(p.provider_id))
        .await?
        .into_iter()
        .map(|u| (u.id.to_string(), u.display_name))
        .collect())
}

/// The contact log; the notes only when `with_notes` (the caller may read them).
pub(crate) async fn contact_rows(
    state: &AppState,
    lang: Lang,
    p: &ParticipantRecord,
    names: &HashMap<String, String>,
    with_notes: bool,
) -> Result<Vec<ContactRow>, StoreError> {
    Ok(state
        .store
        .contacts(p.id)
        .await?
        .into_iter()
        .map(|c| ContactRow {
            on: c.on_date.format("%d.%m.%Y").to_string(),
            channel: lang.t(&format!("participants-channel-{}", c.channel.code())),
            topic: c.topic,
            note: with_notes.then_some(c.note),
            staff: c
                .staff_id
                .and_then(|s| names.get(&s).cloned())
                .unwrap_or_default(),
        })
        .collect())
}

pub(crate) async fn consent_rows(
    state: &AppState,
    lang: Lang,
    p: &ParticipantRecord,
) -> Result<Vec<ConsentRow>, StoreError> {
    Ok(state
        .store
        .consents(p.id)
        .await?
        .into_iter()
        .map(|c| ConsentRow {
            id: c.id,
            scope: lang.t(&format!("participants-consent-{}", c.scope.code())),
            given_on: c.given_on.format("%d.%m.%Y").to_string(),
            withdrawn_on: c.withdrawn_on.map(|d| d.format("%d.%m.%Y").to_string()),
        })
        .collect())
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    p: &ParticipantRecord,
    errors: FormErrors,
    event_error: Option<(String, String)>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let names = staff_names(state, p).await?;
    let mut enrolments = enrolment_views(state, lang, p, true).await?;
    if let Some((id, msg)) = event_error
        && let Some(e) = enrolments.iter_mut().find(|e| e.id == id)
    {
        e.error = Some(msg);
    }
    let cohorts = state
        .store
        .cohorts(Some(p.provider_id), None)
        .await?
        .into_iter()
        .map(|c| Choice {
            value: c.id.to_string(),
            label: c.name,
            selected: false,
        })
        .collect();
    let notes_shown = reads_contact_notes(ctx, p);
    let contacts = contact_rows(state, lang, p, &names, notes_shown).await?;
    let detail = DetailPage {
        layout: Layout::new(ctx, "/verwaltung/teilnehmende", "pp-detail-title"),
        contact: ContactBox::read(state, lang, p).await?,
        facts: facts(lang, p),
        consents: consent_rows(state, lang, p).await?,
        contacts,
        notes_shown,
        enrolments,
        checks: check_rows(state, lang, p, &names).await?,
        scopes: code_choices(
            lang,
            "participants-consent-",
            ConsentScope::ALL.iter().map(|s| s.code().to_owned()),
        ),
        channels: code_choices(
            lang,
            "participants-channel-",
            ContactChannel::ALL.iter().map(|s| s.code().to_owned()),
        ),
        cohorts,
        pause_reasons: code_choices(
            lang,
            "participants-pause-",
            PauseReason::ALL.iter().map(code_of),
        ),
        dropout_reasons: code_choices(
            lang,
            "participants-dropout-",
            DropoutReason::ALL.iter().map(code_of),
        ),
        today: state.app.today().to_string(),
        errors,
        access: crate::portal::StaffAccess::load(state, lang, p).await,
        attendance: crate::attendance::progress_panel(state, lang, p).await?,
        fit: crate::work::FitPanel::load(state, lang, p).await?,
    };
    let status = if detail.errors.is_empty() && !detail.enrolments.iter().any(|e| e.error.is_some())
    {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&detail)).into_response())
}

/// Renders the record and writes the audit entries (record, and the contact notes when they
/// are shown).
pub(crate) async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    p: &ParticipantRecord,
    errors: FormErrors,
    event_error: Option<(String, String)>,
) -> Result<Response, PageError> {
    audit(state, ctx, p, "detail").await?;
    if reads_contact_notes(ctx, p) {
        audit(state, ctx, p, "contact notes").await?;
    }
    page(state, ctx, p, errors, event_error).await
}

/// `GET /verwaltung/teilnehmende/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    show_page(&state, &ctx, &p, FormErrors::default(), None).await
}
