//! The forms on the participant record: consents, contact log, enrolment in a cohort and
//! the next step of an enrolment. Refusals re-render the record with a German message (422).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::participants::{care, enrolments};
use lernweg_domain::{CohortId, EnrolmentId, ParticipantId};
use lernweg_participants::{ConsentScope, ContactChannel, EnrolmentEvent};
use lernweg_store::{NewContact, ParticipantRecord};
use serde::Deserialize;

use super::detail::show_page;
use super::{caller, parse_date, record};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::{PageId, PageIds};
use crate::i18n::Lang;
use crate::pages::admin::FormErrors;

fn from_code<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_owned())).ok()
}

fn back(p: &ParticipantRecord, anchor: &str) -> Response {
    Redirect::to(&format!("/verwaltung/teilnehmende/{}#{anchor}", p.id)).into_response()
}

fn one_error(lang: Lang, field: &str, key: &str) -> FormErrors {
    let mut m = BTreeMap::new();
    m.insert(field.to_owned(), lang.t(key));
    FormErrors(m)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConsentForm {
    scope: String,
    given_on: String,
}

/// `POST /verwaltung/teilnehmende/{id}/einwilligungen`.
pub async fn add_consent(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(form): Form<ConsentForm>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    let lang = ctx.lang;
    let Ok(scope) = ConsentScope::parse(&form.scope) else {
        let e = one_error(lang, "scope", "pp-error-consent-scope");
        return show_page(&state, &ctx, &p, e, None).await;
    };
    let Some(given_on) = parse_date(&form.given_on) else {
        let e = one_error(lang, "given_on", "pp-error-date-future");
        return show_page(&state, &ctx, &p, e, None).await;
    };
    match care::add_consent(&state.app, &caller(&ctx)?, p.id, scope, given_on).await {
        Ok(_) => Ok(back(&p, "einwilligungen")),
        Err(AppError::Invalid(_)) => {
            let e = one_error(lang, "given_on", "pp-error-date-future");
            show_page(&state, &ctx, &p, e, None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /verwaltung/teilnehmende/{id}/einwilligungen/{consent_id}/widerrufen`: withdrawn
/// from today. A consent withdrawn before (or another participant's) is not found.
pub async fn withdraw_consent(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageIds(id, consent_id): PageIds<ParticipantId, String>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    let today = state.app.today();
    match care::withdraw_consent(&state.app, &caller(&ctx)?, p.id, &consent_id, today).await {
        Ok(_) => Ok(back(&p, "einwilligungen")),
        Err(AppError::Conflict(_)) => Err(PageError::NotFound),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ContactForm {
    on_date: String,
    channel: String,
    topic: String,
    note: String,
}

/// `POST /verwaltung/teilnehmende/{id}/kontakte`: adds to the contact log.
pub async fn add_contact(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(form): Form<ContactForm>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    let lang = ctx.lang;
    let mut errors = BTreeMap::new();
    let on_date = parse_date(&form.on_date).filter(|d| *d <= state.app.today());
    if on_date.is_none() {
        errors.insert("contact_on".to_owned(), lang.t("pp-error-date-future"));
    }
    let channel = ContactChannel::parse(&form.channel).ok();
    if channel.is_none() {
        errors.insert("contact_channel".to_owned(), lang.t("pp-error-channel"));
    }
    if form.topic.trim().is_empty() {
        errors.insert(
            "contact_topic".to_owned(),
            lang.t("pp-error-topic-required"),
        );
    }
    let (Some(on_date), Some(channel), true) = (on_date, channel, errors.is_empty()) else {
        return show_page(&state, &ctx, &p, FormErrors(errors), None).await;
    };
    let c = NewContact {
        on_date,
        channel,
        topic: form.topic,
        note: form.note,
    };
    match care::add_contact(&state.app, &caller(&ctx)?, p.id, c).await {
        Ok(_) => Ok(back(&p, "kontakte")),
        Err(AppError::Invalid(list)) => {
            let (field, key) = match list.first() {
                Some(e) if e.field == "date" => {
                    ("contact_on".to_owned(), "pp-error-date-future".to_owned())
                }
                Some(e) => (
                    format!("contact_{}", e.field),
                    format!("pp-error-{}-{}", e.field, e.code),
                ),
                None => (
                    "contact_topic".to_owned(),
                    "pp-error-topic-required".to_owned(),
                ),
            };
            show_page(&state, &ctx, &p, one_error(lang, &field, &key), None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EnrolForm {
    cohort_id: String,
}

/// `POST /verwaltung/teilnehmende/{id}/einschreibungen`: interest in a cohort of the provider.
pub async fn enrol(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(form): Form<EnrolForm>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    let lang = ctx.lang;
    let Ok(cohort) = CohortId::parse(form.cohort_id.trim()) else {
        let e = one_error(lang, "cohort_id", "pp-error-cohort");
        return show_page(&state, &ctx, &p, e, None).await;
    };
    match enrolments::enrol(&state.app, &caller(&ctx)?, p.id, cohort).await {
        Ok(_) => Ok(back(&p, "einschreibungen")),
        Err(AppError::Conflict(_)) => {
            let e = one_error(lang, "cohort_id", "pp-error-cohort-duplicate");
            show_page(&state, &ctx, &p, e, None).await
        }
        Err(AppError::Invalid(_)) => {
            let e = one_error(lang, "cohort_id", "pp-error-cohort");
            show_page(&state, &ctx, &p, e, None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EventForm {
    event: String,
    on: String,
    pause_reason: String,
    expected_return: String,
    dropout_reason: String,
    dropout_text: String,
    stayed_employed: String,
}

/// Builds the event from the form, or the message id of what is missing.
fn event_of(f: &EventForm) -> Result<EnrolmentEvent, &'static str> {
    let stayed = match f.stayed_employed.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    Ok(match f.event.as_str() {
        "counsel" => EnrolmentEvent::Counsel,
        "enrol" => EnrolmentEvent::Enrol,
        "activate" => EnrolmentEvent::Activate,
        "resume" => EnrolmentEvent::Resume,
        "pause" => EnrolmentEvent::Pause {
            reason: from_code(&f.pause_reason).ok_or("pp-error-pause-reason")?,
            expected_return: parse_date(&f.expected_return).ok_or("pp-error-pause-return")?,
            note: None,
        },
        "complete" => EnrolmentEvent::Complete {
            stayed_employed: stayed,
        },
        "drop" => EnrolmentEvent::Drop {
            reason: from_code(&f.dropout_reason).ok_or("pp-error-dropout-reason")?,
            text: Some(f.dropout_text.trim().to_owned()).filter(|t| !t.is_empty()),
            stayed_employed: stayed,
        },
        _ => return Err("pp-error-event"),
    })
}

/// `POST /verwaltung/einschreibungen/{id}/ereignis`: the next step of an enrolment.
pub async fn event(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(eid): PageId<EnrolmentId>,
    Form(form): Form<EventForm>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let (_, p) = enrolments::visible_enrolment(&state.app, &caller.principal, eid).await?;
    let refuse = |key: String| Some((eid.to_string(), lang.t(&key)));
    let Some(on) = parse_date(&form.on) else {
        let err = refuse("pp-error-date".to_owned());
        return show_page(&state, &ctx, &p, FormErrors::default(), err).await;
    };
    let ev = match event_of(&form) {
        Ok(ev) => ev,
        Err(key) => {
            let err = refuse(key.to_owned());
            return show_page(&state, &ctx, &p, FormErrors::default(), err).await;
        }
    };
    match enrolments::apply_event(&state.app, &caller, eid, on, ev).await {
        Ok(_) => Ok(back(&p, &format!("einschreibung-{eid}"))),
        Err(AppError::Invalid(list)) => {
            let key = match list.first() {
                Some(e) if e.field == "contact_person_id" => {
                    "pp-error-contact-person-missing".to_owned()
                }
                Some(e) => format!("participants-transition-{}", e.code),
                None => "pp-error-event".to_owned(),
            };
            show_page(&state, &ctx, &p, FormErrors::default(), refuse(key)).await
        }
        Err(e) => Err(e.into()),
    }
}
