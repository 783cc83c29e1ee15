//! The directory of counselling services and the open referrals of a provider (pages).
//! Refusals re-render the page with a German (or English) message and 422.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_domain::{ParticipantId, ProviderId};
use lernweg_store::{AuditAction, CounsellingService, SERVICE_KINDS, ServiceInput, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::{Layout, render};

/// The message of a refusal by the store rules.
fn store_errors(lang: Lang, e: StoreError) -> Result<FormErrors, PageError> {
    match e {
        StoreError::Invalid(p) => {
            let mut m = BTreeMap::new();
            m.insert(
                p.field.to_string(),
                lang.t(&format!("referrals-error-{}-{}", p.field, p.code)),
            );
            Ok(FormErrors(m))
        }
        other => Err(PageError::from(other)),
    }
}

fn one_error(lang: Lang, field: &str, key: &str) -> FormErrors {
    let mut m = BTreeMap::new();
    m.insert(field.to_owned(), lang.t(key));
    FormErrors(m)
}

fn kind_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    SERVICE_KINDS
        .iter()
        .map(|k| Choice {
            value: (*k).to_owned(),
            label: lang.t(&format!("referrals-kind-{k}")),
            selected: *k == selected,
        })
        .collect()
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ServiceForm {
    provider: String,
    kind: String,
    name: String,
    contact_person: String,
    phone: String,
    email: String,
    address: String,
    languages: String,
    opening_hours: String,
    note: String,
    active: Option<String>,
}

impl ServiceForm {
    fn of(s: &CounsellingService) -> ServiceForm {
        ServiceForm {
            provider: s.provider_id.to_string(),
            kind: s.kind.clone(),
            name: s.name.clone(),
            contact_person: s.contact_person.clone(),
            phone: s.phone.clone(),
            email: s.email.clone(),
            address: s.address.clone(),
            languages: s.languages.clone(),
            opening_hours: s.opening_hours.clone(),
            note: s.note.clone(),
            active: s.active.then(|| "on".to_owned()),
        }
    }

    fn input(self, active: bool) -> ServiceInput {
        ServiceInput {
            kind: self.kind,
            name: self.name,
            contact_person: self.contact_person,
            phone: self.phone,
            email: self.email,
            address: self.address,
            languages: self.languages,
            opening_hours: self.opening_hours,
            note: self.note,
            active,
        }
    }
}

pub struct KindGroup {
    pub label: String,
    pub services: Vec<CounsellingService>,
}

#[derive(Template)]
#[template(path = "referrals_services.html")]
struct ServicesPage {
    layout: Layout,
    groups: Vec<KindGroup>,
    errors: FormErrors,
    form: ServiceForm,
    kinds: Vec<Choice>,
    /// Only for admins, who belong to no provider.
    providers: Vec<Choice>,
}

async fn services_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    form: ServiceForm,
) -> Response {
    let lang = ctx.lang;
    let Some(principal) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    let list = match state
        .store
        .counselling_services(principal.provider_scope())
        .await
    {
        Ok(l) => l,
        Err(e) => return PageError::from(e).into_response(),
    };
    let groups = SERVICE_KINDS
        .iter()
        .map(|k| KindGroup {
            label: lang.t(&format!("referrals-kind-{k}")),
            services: list.iter().filter(|s| s.kind == *k).cloned().collect(),
        })
        .filter(|g| !g.services.is_empty())
        .collect();
    let providers = if principal.provider_id.is_none() {
        match state.store.providers(None).await {
            Ok(ps) => ps
                .into_iter()
                .map(|p| Choice {
                    value: p.id.to_string(),
                    label: p.name.to_string(),
                    selected: p.id.to_string() == form.provider,
                })
                .collect(),
            Err(e) => return PageError::from(e).into_response(),
        }
    } else {
        Vec::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ServicesPage {
        layout: Layout::new(
            ctx,
            "/verwaltung/beratungsstellen",
            "referrals-services-title",
        ),
        groups,
        kinds: kind_choices(lang, &form.kind),
        errors,
        form,
        providers,
    };
    (status, render(&page)).into_response()
}

/// `GET /verwaltung/beratungsstellen`: the directory grouped by kind, with the add form.
pub async fn services(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    services_page(&state, &ctx, FormErrors::default(), ServiceForm::default()).await
}

/// `POST /verwaltung/beratungsstellen`: adds a service (active).
pub async fn services_create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ServiceForm>,
) -> Response {
    let lang = ctx.lang;
    let Some(principal) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    let provider = match principal.provider_id {
        Some(p) => p,
        None => match ProviderId::parse(form.provider.trim()) {
            Ok(p) => p,
            Err(_) => {
                let e = one_error(
                    lang,
                    "provider",
                    "referrals-error-provider-unknown_provider",
                );
                return services_page(&state, &ctx, e, form).await;
            }
        },
    };
    match state
        .store
        .create_counselling_service(&ctx.actor(), provider, form.clone().input(true))
        .await
    {
        Ok(_) => Redirect::to("/verwaltung/beratungsstellen").into_response(),
        Err(StoreError::NotFound) => {
            let e = one_error(
                lang,
                "provider",
                "referrals-error-provider-unknown_provider",
            );
            services_page(&state, &ctx, e, form).await
        }
        Err(e) => match store_errors(lang, e) {
            Ok(errors) => services_page(&state, &ctx, errors, form).await,
            Err(p) => p.into_response(),
        },
    }
}

#[derive(Template)]
#[template(path = "referrals_service.html")]
struct ServicePage {
    layout: Layout,
    id: String,
    errors: FormErrors,
    form: ServiceForm,
    kinds: Vec<Choice>,
}

/// The service of a path if the caller may see it (another provider's: 404).
async fn visible_service(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
) -> Result<CounsellingService, Response> {
    let s = match state.store.counselling_service(id).await {
        Ok(s) => s,
        Err(e) => return Err(PageError::from(e).into_response()),
    };
    match ctx.principal() {
        Some(p) if p.can_access_provider(s.provider_id) => Ok(s),
        _ => Err(PageError::NotFound.into_response()),
    }
}

fn service_page(ctx: &Ctx, id: &str, errors: FormErrors, form: ServiceForm) -> Response {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ServicePage {
        layout: Layout::new(
            ctx,
            "/verwaltung/beratungsstellen",
            "referrals-service-edit-title",
        ),
        id: id.to_owned(),
        kinds: kind_choices(ctx.lang, &form.kind),
        errors,
        form,
    };
    (status, render(&page)).into_response()
}

/// `GET /verwaltung/beratungsstellen/{id}`: the edit form.
pub async fn service(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    match visible_service(&state, &ctx, &id).await {
        Ok(s) => service_page(&ctx, &s.id, FormErrors::default(), ServiceForm::of(&s)),
        Err(r) => r,
    }
}

/// `POST /verwaltung/beratungsstellen/{id}`: saves the edit.
pub async fn service_update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<ServiceForm>,
) -> Response {
    let s = match visible_service(&state, &ctx, &id).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let active = form.active.is_some();
    match state
        .store
        .update_counselling_service(&ctx.actor(), &s.id, form.clone().input(active))
        .await
    {
        Ok(_) => Redirect::to("/verwaltung/beratungsstellen").into_response(),
        Err(e) => match store_errors(ctx.lang, e) {
            Ok(errors) => service_page(&ctx, &s.id, errors, form),
            Err(p) => p.into_response(),
        },
    }
}

pub struct ReferralRow {
    pub id: String,
    pub referred_on: String,
    pub participant_id: String,
    pub participant: String,
    pub service: String,
    pub reason: String,
    pub status: String,
    pub next: Vec<Choice>,
    /// A refused status change of this row.
    pub error: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReferralForm {
    participant_id: String,
    service_id: String,
    referred_on: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "referrals_list.html")]
struct ReferralsPage {
    layout: Layout,
    rows: Vec<ReferralRow>,
    errors: FormErrors,
    form: ReferralForm,
    participants: Vec<Choice>,
    services: Vec<Choice>,
    today: String,
}

async fn referrals_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    form: ReferralForm,
) -> Response {
    let lang = ctx.lang;
    let Some(principal) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    let scope = principal.provider_scope();
    let loaded = async {
        let referrals = state.store.referrals(scope, true).await?;
        let participants = state.store.participants(scope).await?;
        let services = state.store.counselling_services(scope).await?;
        state
            .store
            .audit(&ctx.actor().entry(
                scope,
                AuditAction::View,
                "referral",
                "open",
                "page: open referrals",
            ))
            .await?;
        Ok::<_, StoreError>((referrals, participants, services))
    };
    let (referrals, participants, services) = match loaded.await {
        Ok(v) => v,
        Err(e) => return PageError::from(e).into_response(),
    };
    let name_of = |id: ParticipantId| {
        participants
            .iter()
            .find(|p| p.id == id)
            .map(|p| format!("{} {}", p.data.given_name, p.data.family_name))
            .unwrap_or_default()
    };
    let rows = referrals
        .iter()
        .map(|r| ReferralRow {
            id: r.id.clone(),
            referred_on: r.referred_on.format("%d.%m.%Y").to_string(),
            participant_id: r.participant_id.to_string(),
            participant: name_of(r.participant_id),
            service: services
                .iter()
                .find(|s| s.id == r.service_id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            reason: r.reason.clone(),
            status: lang.t(&format!("referrals-status-{}", r.status)),
            next: r
                .status
                .next()
                .map(|to| Choice {
                    value: to.code().to_owned(),
                    label: lang.t(&format!("referrals-status-{to}")),
                    selected: false,
                })
                .collect(),
            error: errors.get(&format!("status-{}", r.id)).cloned(),
        })
        .collect();
    let participants = participants
        .iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: format!("{}, {}", p.data.family_name, p.data.given_name),
            selected: p.id.to_string() == form.participant_id,
        })
        .collect();
    let services = services
        .iter()
        .filter(|s| s.status().is_active())
        .map(|s| Choice {
            value: s.id.clone(),
            label: format!(
                "{} ({})",
                s.name,
                lang.t(&format!("referrals-kind-{}", s.kind))
            ),
            selected: s.id == form.service_id,
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ReferralsPage {
        layout: Layout::new(ctx, "/verwaltung/verweise", "referrals-title"),
        rows,
        errors,
        form,
        participants,
        services,
        today: state.app.today().to_string(),
    };
    (status, render(&page)).into_response()
}

/// `GET /verwaltung/verweise`: the open referrals, newest first, and the form to refer.
pub async fn referrals(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    referrals_page(&state, &ctx, FormErrors::default(), ReferralForm::default()).await
}

fn parse_day(raw: &str, today: NaiveDate) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(today);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

/// `POST /verwaltung/verweise`: refers a participant to a service of the same provider.
pub async fn referrals_create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ReferralForm>,
) -> Response {
    let lang = ctx.lang;
    let Some(principal) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    let participant = match ParticipantId::parse(form.participant_id.trim()) {
        Ok(id) => state.store.participant(id).await.ok(),
        Err(_) => None,
    }
    .filter(|p| principal.can_access_provider(p.provider_id));
    let Some(participant) = participant else {
        let e = one_error(
            lang,
            "participant_id",
            "referrals-error-participant_id-unknown_participant",
        );
        return referrals_page(&state, &ctx, e, form).await;
    };
    let visible = state
        .store
        .counselling_service(form.service_id.trim())
        .await
        .ok()
        .filter(|s| principal.can_access_provider(s.provider_id));
    if visible.is_none() {
        let e = one_error(
            lang,
            "service_id",
            "referrals-error-service_id-unknown_service",
        );
        return referrals_page(&state, &ctx, e, form).await;
    }
    let Some(on) = parse_day(&form.referred_on, state.app.today()) else {
        let e = one_error(
            lang,
            "referred_on",
            "referrals-error-referred_on-invalid_date",
        );
        return referrals_page(&state, &ctx, e, form).await;
    };
    match state
        .store
        .create_referral(
            &ctx.actor(),
            participant.id,
            form.service_id.trim(),
            on,
            &form.reason,
        )
        .await
    {
        Ok(_) => Redirect::to("/verwaltung/verweise").into_response(),
        Err(e) => match store_errors(lang, e) {
            Ok(errors) => referrals_page(&state, &ctx, errors, form).await,
            Err(p) => p.into_response(),
        },
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
    note: String,
}

/// `POST /verwaltung/verweise/{id}/status`: the next step of a referral.
pub async fn referrals_status(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Response {
    let lang = ctx.lang;
    let r = match state.store.referral(&id).await {
        Ok(r) => r,
        Err(e) => return PageError::from(e).into_response(),
    };
    if !ctx
        .principal()
        .is_some_and(|p| p.can_access_provider(r.provider_id))
    {
        return PageError::NotFound.into_response();
    }
    match state
        .store
        .set_referral_status(
            &ctx.actor(),
            &r.id,
            form.status.trim(),
            state.app.today(),
            &form.note,
        )
        .await
    {
        Ok(_) => Redirect::to("/verwaltung/verweise").into_response(),
        Err(e) => match store_errors(lang, e) {
            // Keyed by the row's select so that the error summary links to it.
            Ok(FormErrors(m)) => {
                let errors = m
                    .into_values()
                    .map(|msg| (format!("status-{}", r.id), msg))
                    .collect();
                referrals_page(&state, &ctx, FormErrors(errors), ReferralForm::default()).await
            }
            Err(p) => p.into_response(),
        },
    }
}
