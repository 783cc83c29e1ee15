//! The participant record: contact person, consents, contact log, enrolments with their
//! history and next events, earlier readiness checks.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use lernweg_app::participants::file::{self, Notes, ParticipantFile};
use lernweg_domain::ParticipantId;
use lernweg_participants::{
    ConsentScope, ContactChannel, DropoutReason, EnrolmentEvent, EnrolmentStatus, PauseReason,
    transition,
};
use lernweg_store::ParticipantRecord;

use super::readiness::{CheckRow, check_rows};
use super::{ContactBox, record};
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

/// A link to an employer as the participant page shows it.
pub struct EmploymentRow {
    pub employer: String,
    pub since: String,
    /// Why and when it ended (`None` while active).
    pub ended: Option<String>,
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
    pub employments: Vec<EmploymentRow>,
    pub contacts: Vec<ContactRow>,
    /// The link to the whole contact log when the page shows only the newest entries.
    pub contacts_more: Option<String>,
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

/// The contact log entries the participant page shows; the rest are on their own pages.
pub(crate) const CONTACTS_SHOWN: u32 = 20;

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
        d.mother_tongue
            .as_ref()
            .map(|x| lang.language_name(x.as_str())),
    );
    put(
        "other_languages",
        Some(
            d.other_languages
                .iter()
                .map(|l| lang.language_name(l.as_str()))
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
pub(crate) fn enrolment_views(
    lang: Lang,
    file: &ParticipantFile,
    today: NaiveDate,
    with_events: bool,
) -> Vec<EnrolmentView> {
    file.enrolments
        .iter()
        .map(|ef| {
            let e = &ef.enrolment;
            let history = ef
                .history
                .iter()
                .map(|s| StepRow {
                    on: s.on_date.format("%d.%m.%Y").to_string(),
                    event: lang.t(&format!("pp-event-{}", s.event.code())),
                    detail: event_detail(lang, &s.event),
                    from: status_label(lang, s.from),
                    to: status_label(lang, s.to),
                })
                .collect();
            let events = if with_events {
                sample_events(today)
                    .into_iter()
                    .filter(|ev| transition(e.status, ev, today).is_ok())
                    .map(|ev| Choice {
                        value: ev.code().to_owned(),
                        label: lang.t(&format!("pp-event-{}", ev.code())),
                        selected: false,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            EnrolmentView {
                id: e.id.to_string(),
                cohort: ef.cohort.name.clone(),
                status: status_label(lang, e.status),
                stayed_employed: e
                    .stayed_employed
                    .map(|b| lang.t(if b { "pp-stayed-yes" } else { "pp-stayed-no" })),
                history,
                events,
                error: None,
            }
        })
        .collect()
}

/// The contact log; the notes only when the file has them (the caller may read them).
pub(crate) fn contact_rows(lang: Lang, file: &ParticipantFile) -> Vec<ContactRow> {
    rows_of_contacts(lang, &file.contacts, file.notes_shown, |id| {
        file.staff_name(id)
    })
}

/// Contact log entries as rows; `staff` names whoever wrote one.
pub(crate) fn rows_of_contacts(
    lang: Lang,
    contacts: &[lernweg_store::ContactEntry],
    notes_shown: bool,
    staff: impl Fn(Option<&str>) -> String,
) -> Vec<ContactRow> {
    contacts
        .iter()
        .map(|c| ContactRow {
            on: c.on_date.format("%d.%m.%Y").to_string(),
            channel: lang.t(&format!("participants-channel-{}", c.channel.code())),
            topic: c.topic.clone(),
            note: notes_shown.then(|| c.note.clone()),
            staff: staff(c.staff_id.as_deref()),
        })
        .collect()
}

pub(crate) fn employment_rows(lang: Lang, file: &ParticipantFile) -> Vec<EmploymentRow> {
    let day = |d: chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    file.employments
        .iter()
        .map(|l| EmploymentRow {
            employer: l.employer_name.clone(),
            since: day(l.since),
            ended: l.ended_on.map(|on| {
                let key = match l.end_reason.as_deref() {
                    Some(lernweg_store::END_CONSENT_WITHDRAWN) => "pp-employment-ended-consent",
                    _ => "pp-employment-ended",
                };
                lang.t_args(key, &[("on", day(on))])
            }),
        })
        .collect()
}

pub(crate) fn consent_rows(lang: Lang, file: &ParticipantFile) -> Vec<ConsentRow> {
    file.consents
        .iter()
        .map(|c| ConsentRow {
            id: c.id.clone(),
            scope: lang.t(&format!("participants-consent-{}", c.scope.code())),
            given_on: c.given_on.format("%d.%m.%Y").to_string(),
            withdrawn_on: c.withdrawn_on.map(|d| d.format("%d.%m.%Y").to_string()),
        })
        .collect()
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    file: ParticipantFile,
    errors: FormErrors,
    event_error: Option<(String, String)>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = ctx.caller().ok_or(PageError::NotFound)?;
    let today = state.app.today();
    let p = &file.record;
    let mut enrolments = enrolment_views(lang, &file, today, true);
    if let Some((id, msg)) = event_error
        && let Some(e) = enrolments.iter_mut().find(|e| e.id == id)
    {
        e.error = Some(msg);
    }
    let cohorts = lernweg_app::participants::list::cohorts_to_enrol(&state.app, &caller, p)
        .await?
        .into_iter()
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name,
            selected: false,
        })
        .collect();
    let detail = DetailPage {
        layout: Layout::new(ctx, "/verwaltung/teilnehmende", "pp-detail-title"),
        contact: ContactBox::of(lang, p, file.contact_person.clone()),
        facts: facts(lang, p),
        consents: consent_rows(lang, &file),
        employments: employment_rows(lang, &file),
        contacts: contact_rows(lang, &file),
        contacts_more: (file.contacts_total > u64::from(CONTACTS_SHOWN))
            .then(|| lang.t_args("pp-log-all", &[("total", file.contacts_total.to_string())])),
        notes_shown: file.notes_shown,
        enrolments,
        checks: check_rows(lang, &file),
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
        today: today.to_string(),
        errors,
        access: crate::portal::StaffAccess::load(state, lang, p).await,
        attendance: crate::attendance::progress_panel(lang, today, &file),
        fit: crate::work::FitPanel::of_file(state, lang, &file),
    };
    let status = if detail.errors.is_empty() && !detail.enrolments.iter().any(|e| e.error.is_some())
    {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&detail)).into_response())
}

/// Reads the participant's file (writing the audit entries: record, and the contact notes
/// when they are shown) and renders the page.
pub(crate) async fn show_page(
    state: &AppState,
    ctx: &Ctx,
    p: &ParticipantRecord,
    errors: FormErrors,
    event_error: Option<(String, String)>,
) -> Result<Response, PageError> {
    let caller = ctx.caller().ok_or(PageError::NotFound)?;
    let file = file::read_newest_contacts(
        &state.app,
        &caller,
        p.id,
        "detail",
        Notes::IfAllowed,
        CONTACTS_SHOWN,
    )
    .await?;
    page(state, ctx, file, errors, event_error).await
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
