//! The forms on the participant record: consents, contact log, enrolment in a cohort and
//! the next step of an enrolment. Refusals re-render the record with a German message (422).

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_domain::{CohortId, EnrolmentId};
use lernweg_participants::{ConsentScope, ContactChannel, EnrolmentEvent};
use lernweg_store::{NewContact, ParticipantRecord, StoreError};
use serde::Deserialize;

use super::detail::show_page;
use super::{parse_date, visible};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
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
    Path(id): Path<String>,
    Form(form): Form<ConsentForm>,
) -> Response {
    let p = match visible(&state, &ctx, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let lang = ctx.lang;
    let Ok(scope) = ConsentScope::parse(&form.scope) else {
        let e = one_error(lang, "scope", "pp-error-consent-scope");
        return show_page(&state, &ctx, &p, e, None).await;
    };
    let Some(given_on) = parse_date(&form.given_on).filter(|d| *d <= state.app.today()) else {
        let e = one_error(lang, "given_on", "pp-error-date-future");
        return show_page(&state, &ctx, &p, e, None).await;
    };
    match state
        .store
        .add_consent(&ctx.actor(), p.id, scope, given_on)
        .await
    {
        Ok(_) => back(&p, "einwilligungen"),
        Err(e) => PageError::from(e).into_response(),
    }
}

/// `POST /verwaltung/teilnehmende/{id}/einwilligungen/{consent_id}/widerrufen`.
pub async fn withdraw_consent(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((id, consent_id)): Path<(String, String)>,
) -> Response {
    let p = match visible(&state, &ctx, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    match state
        .store
        .withdraw_consent(&ctx.actor(), p.id, &consent_id, state.app.today())
        .await
    {
        Ok(()) => back(&p, "einwilligungen"),
        Err(e) => PageError::from(e).into_response(),
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
    Path(id): Path<String>,
    Form(form): Form<ContactForm>,
) -> Response {
    let p = match visible(&state, &ctx, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
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
    match state.store.add_contact(&ctx.actor(), p.id, c).await {
        Ok(_) => back(&p, "kontakte"),
        Err(StoreError::Invalid(e)) => {
            let key = format!("pp-error-{}-{}", e.field, e.code);
            let field = format!("contact_{}", e.field);
            show_page(&state, &ctx, &p, one_error(lang, &field, &key), None).await
        }
        Err(e) => PageError::from(e).into_response(),
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
    Path(id): Path<String>,
    Form(form): Form<EnrolForm>,
) -> Response {
    let p = match visible(&state, &ctx, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let lang = ctx.lang;
    let Ok(cohort) = CohortId::parse(form.cohort_id.trim()) else {
        let e = one_error(lang, "cohort_id", "pp-error-cohort");
        return show_page(&state, &ctx, &p, e, None).await;
    };
    match state.store.enrol(&ctx.actor(), p.id, cohort).await {
        Ok(_) => back(&p, "einschreibungen"),
        Err(StoreError::Conflict(_)) => {
            let e = one_error(lang, "cohort_id", "pp-error-cohort-duplicate");
            show_page(&state, &ctx, &p, e, None).await
        }
        Err(StoreError::Invalid(_) | StoreError::NotFound) => {
            let e = one_error(lang, "cohort_id", "pp-error-cohort");
            show_page(&state, &ctx, &p, e, None).await
        }
        Err(e) => PageError::from(e).into_response(),
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
    Path(id): Path<String>,
    Form(form): Form<EventForm>,
) -> Response {
    let lang = ctx.lang;
    let not_found = || PageError::NotFound.into_response();
    let Ok(eid) = EnrolmentId::parse(&id) else {
        return not_found();
    };
    let enrolment = match state.store.enrolment(eid).await {
        Ok(e) => e,
        Err(e) => return PageError::from(e).into_response(),
    };
    let p = match visible(&state, &ctx, &enrolment.participant_id.to_string()).await {
        Ok(p) => p,
        Err(r) => return r,
    };
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
    match state
        .store
        .apply_enrolment_event(&ctx.actor(), eid, on, ev)
        .await
    {
        Ok(_) => back(&p, &format!("einschreibung-{eid}")),
        Err(StoreError::Invalid(e)) if e.field == "contact_person_id" => {
            let err = refuse("pp-error-contact-person-missing".to_owned());
            show_page(&state, &ctx, &p, FormErrors::default(), err).await
        }
        Err(StoreError::Invalid(e)) => {
            let err = refuse(format!("participants-transition-{}", e.code));
            show_page(&state, &ctx, &p, FormErrors::default(), err).await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}
