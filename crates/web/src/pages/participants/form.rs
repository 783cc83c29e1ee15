//! The list of participants and the create and edit forms.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::Datelike;
use lernweg_app::AppError;
use lernweg_app::participants::{self, NewConsent, NewParticipant};
use lernweg_domain::{CefrLevel, ParticipantId, ProviderId, UserId};
use lernweg_participants::{
    ConsentScope, ContactChannel, EnrolmentStatus, ParticipantDraft, RecognitionStatus,
};
use lernweg_store::ParticipantRecord;
use serde::Deserialize;

use super::{ContactBox, caller, full_name, parse_date, record, staff_choices, staff_of};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::{Layout, render};
use crate::paging::{PageParams, Pager};

pub struct Row {
    pub id: String,
    pub name: String,
    pub contact_person: String,
    pub german_level: String,
    pub enrolments: Vec<String>,
}

#[derive(Template)]
#[template(path = "participants_list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub rows: Vec<Row>,
    pub notice: Option<String>,
    /// The search text as typed.
    pub q: String,
    pub statuses: Vec<Choice>,
    pub cohorts: Vec<Choice>,
    pub staff: Vec<Choice>,
    /// Whether a search or a filter narrows the list.
    pub narrowed: bool,
    pub pager: Pager,
}

/// `?page=`, `?q=` and the filters `status` (enrolment status code), `kohorte` (cohort id)
/// and `kontakt` (contact person's user id, or `ohne` for people without one).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    geloescht: Option<String>,
    #[serde(flatten)]
    paging: PageParams,
    status: String,
    kohorte: String,
    kontakt: String,
}

const LIST_PATH: &str = "/verwaltung/teilnehmende";

/// `GET /verwaltung/teilnehmende`: one page of the participants, searchable and filtered.
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let principal = ctx.principal().ok_or(PageError::Forbidden)?;
    let filter = participants::list::page_filter(participants::FilterInput {
        q: &q.paging.q,
        status: &q.status,
        cohort: &q.kohorte,
        contact_person: &q.kontakt,
    });
    let listed = participants::overview(&state.app, &principal, &filter, q.paging.page()).await?;
    let (cohorts, staff) = participants::list::filter_choices(&state.app, &principal).await?;
    let selected = |value: &str, wanted: Option<String>| wanted.as_deref() == Some(value);
    let status = filter.status.map(|s| s.code().to_owned());
    let cohort = filter.cohort.map(|c| c.to_string());
    let contact = if filter.without_contact {
        Some("ohne".to_owned())
    } else {
        filter.contact_person.map(|u| u.to_string())
    };
    let pager = Pager::new(
        lang,
        &listed,
        LIST_PATH,
        &[
            ("q", q.paging.q.trim()),
            ("status", status.as_deref().unwrap_or("")),
            ("kohorte", cohort.as_deref().unwrap_or("")),
            ("kontakt", contact.as_deref().unwrap_or("")),
        ],
    );
    Ok(render(&ListPage {
        layout: Layout::new(&ctx, LIST_PATH, "pp-list-title"),
        rows: listed.items.into_iter().map(|l| row(lang, l)).collect(),
        notice: q.geloescht.map(|_| lang.t("pp-erased-notice")),
        q: q.paging.q.trim().to_owned(),
        statuses: EnrolmentStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.code().to_owned(),
                label: lang.t(&format!("participants-status-{}", s.code())),
                selected: selected(s.code(), status.clone()),
            })
            .collect(),
        cohorts: cohorts
            .into_iter()
            .map(|(id, name)| Choice {
                selected: selected(&id.to_string(), cohort.clone()),
                value: id.to_string(),
                label: name,
            })
            .collect(),
        staff: std::iter::once(Choice {
            value: "ohne".to_owned(),
            label: lang.t("pp-filter-no-contact"),
            selected: filter.without_contact,
        })
        .chain(staff_choices(&staff, contact.as_deref().unwrap_or("")))
        .collect(),
        narrowed: filter != lernweg_store::ParticipantFilter::default(),
        pager,
    }))
}

fn row(lang: Lang, l: participants::Listed) -> Row {
    let p = l.record;
    let enrolments = l
        .enrolments
        .iter()
        .map(|(e, cohort)| {
            let status = lang.t(&format!("participants-status-{}", e.status.code()));
            format!("{cohort}: {status}")
        })
        .collect();
    Row {
        id: p.id.to_string(),
        name: full_name(&p.data),
        contact_person: l.contact_person.unwrap_or_default(),
        german_level: p
            .data
            .german_level
            .map(|l| l.as_str().to_owned())
            .unwrap_or_default(),
        enrolments,
    }
}

/// The create and edit form: every field of [`ParticipantDraft`] plus the contact person,
/// and on creation the provider (admin only) and the data-processing consent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ParticipantForm {
    #[serde(flatten)]
    pub draft: ParticipantDraft,
    pub contact_person: String,
    pub provider: String,
    pub consent: String,
    pub consent_date: String,
}

#[derive(Template)]
#[template(path = "participants_form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub action: String,
    pub is_new: bool,
    pub contact: Option<ContactBox>,
    pub errors: FormErrors,
    pub form: ParticipantForm,
    pub providers: Vec<Choice>,
    pub staff: Vec<Choice>,
    pub levels: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub recognition: Vec<Choice>,
}

fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
    selected: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: code(*v),
            label: label(*v),
            selected: code(*v) == selected,
        })
        .collect()
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    existing: Option<&ParticipantRecord>,
    form: ParticipantForm,
    errors: FormErrors,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let own = ctx.principal().and_then(|p| p.provider_id);
    let provider = existing.map(|p| p.provider_id).or(own);
    let staff = staff_of(state, provider).await?;
    let providers = if provider.is_none() {
        crate::pages::admin::provider_choices(state, ctx, &form.provider).await?
    } else {
        Vec::new()
    };
    let contact = match existing {
        Some(p) => Some(ContactBox::read(state, lang, p).await?),
        None => None,
    };
    let d = &form.draft;
    let page = FormPage {
        layout: Layout::new(
            ctx,
            "/verwaltung/teilnehmende",
            if existing.is_some() {
                "pp-edit-title"
            } else {
                "pp-new-title"
            },
        ),
        action: match existing {
            Some(p) => format!("/verwaltung/teilnehmende/{}", p.id),
            None => "/verwaltung/teilnehmende".to_owned(),
        },
        is_new: existing.is_none(),
        contact,
        staff: staff_choices(&staff, &form.contact_person),
        providers,
        levels: choices(
            &CefrLevel::ALL,
            |l| l.as_str().to_owned(),
            |l| l.as_str().to_owned(),
            &d.german_level,
        ),
        channels: choices(
            ContactChannel::ALL,
            |c| c.code().to_owned(),
            |c| lang.t(&format!("participants-channel-{}", c.code())),
            &d.preferred_channel,
        ),
        recognition: choices(
            RecognitionStatus::ALL,
            |c| c.code().to_owned(),
            |c| lang.t(&format!("participants-recognition-{}", c.code())),
            &d.recognition_status,
        ),
        errors,
        form,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /verwaltung/teilnehmende/neu`.
pub async fn new_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let form = ParticipantForm {
        consent_date: state.app.today().to_string(),
        ..Default::default()
    };
    form_page(&state, &ctx, None, form, FormErrors::default()).await
}

/// Validates the draft and the contact person; every problem goes into `errors`.
fn check(
    lang: Lang,
    year: i32,
    form: &ParticipantForm,
    staff: &[lernweg_store::User],
    errors: &mut BTreeMap<String, String>,
) -> (
    Option<lernweg_participants::ParticipantData>,
    Option<UserId>,
) {
    let data = match form.draft.validate(year) {
        Ok(d) => Some(d),
        Err(list) => {
            for e in list {
                errors
                    .entry(e.key.to_owned())
                    .or_insert_with(|| crate::error::field_message(lang, &e));
            }
            None
        }
    };
    let person = if form.contact_person.trim().is_empty() {
        None
    } else {
        match staff
            .iter()
            .find(|u| u.id.to_string() == form.contact_person.trim())
        {
            Some(u) => Some(u.id),
            None => {
                errors.insert(
                    "contact_person".to_owned(),
                    lang.t("pp-error-contact_person"),
                );
                None
            }
        }
    };
    (data, person)
}

/// `POST /verwaltung/teilnehmende`: creates the record with its data-processing consent
/// (the rule of every way in: `participants::check_consents`).
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ParticipantForm>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let mut errors = BTreeMap::new();
    let named = ProviderId::parse(form.provider.trim()).ok();
    let provider = match participants::provider_of_new(&state.app, &caller.principal, named).await {
        Ok(p) => Some(p),
        Err(AppError::Invalid(_)) => {
            errors.insert("provider".to_owned(), lang.t("pp-error-provider"));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let staff = match provider {
        Some(p) => staff_of(&state, Some(p))
            .await?
            .into_iter()
            .filter(|u| u.provider_id == Some(p))
            .collect(),
        None => Vec::new(),
    };
    let today = state.app.today();
    let (data, person) = check(lang, today.year(), &form, &staff, &mut errors);
    if form.consent != "1" {
        errors.insert("consent".to_owned(), lang.t("pp-error-consent-required"));
    }
    let consent = parse_date(&form.consent_date).map(|given_on| NewConsent {
        scope: ConsentScope::DataProcessing,
        given_on,
    });
    match consent {
        None => {
            errors.insert("consent_date".to_owned(), lang.t("pp-error-date"));
        }
        Some(c) if participants::check_consents(&[c], today).is_err() => {
            errors.insert("consent_date".to_owned(), lang.t("pp-error-date-future"));
        }
        Some(_) => {}
    }
    let consents: Vec<NewConsent> = consent.into_iter().collect();
    let (Some(provider), Some(data), true) = (provider, data, errors.is_empty()) else {
        return form_page(&state, &ctx, None, form, FormErrors(errors)).await;
    };
    let new = NewParticipant {
        provider: Some(provider),
        contact_person: person,
        data,
        consents,
    };
    let record = participants::create(&state.app, &caller, new).await?;
    Ok(Redirect::to(&format!("/verwaltung/teilnehmende/{}", record.id)).into_response())
}

fn form_of(p: &ParticipantRecord) -> ParticipantForm {
    ParticipantForm {
        draft: participants::draft_of(&p.data),
        contact_person: p
            .contact_person_id
            .map(|u| u.to_string())
            .unwrap_or_default(),
        ..Default::default()
    }
}

/// `GET /verwaltung/teilnehmende/{id}/bearbeiten`.
pub async fn edit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    super::audit(&state, &ctx, &p, "edit form").await?;
    form_page(&state, &ctx, Some(&p), form_of(&p), FormErrors::default()).await
}

/// `POST /verwaltung/teilnehmende/{id}`: saves the edited record.
pub async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(form): Form<ParticipantForm>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    let staff = staff_of(&state, Some(p.provider_id)).await?;
    let mut errors = BTreeMap::new();
    let (data, person) = check(
        ctx.lang,
        state.app.today().year(),
        &form,
        &staff,
        &mut errors,
    );
    let (Some(data), true) = (data, errors.is_empty()) else {
        return form_page(&state, &ctx, Some(&p), form, FormErrors(errors)).await;
    };
    match participants::update(&state.app, &caller(&ctx)?, p.id, person, data).await {
        Ok(_) => Ok(Redirect::to(&format!("/verwaltung/teilnehmende/{}", p.id)).into_response()),
        Err(AppError::Invalid(e)) if e.iter().any(|e| e.field == "contact_person_id") => {
            let key = if e.iter().any(|e| e.code == "required_while_active") {
                "pp-error-contact_person-active"
            } else {
                "pp-error-contact_person"
            };
            let errors = BTreeMap::from([("contact_person".to_owned(), ctx.lang.t(key))]);
            form_page(&state, &ctx, Some(&p), form, FormErrors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}
