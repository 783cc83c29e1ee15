//! The directory of counselling services and the open referrals of a provider (pages).
//! Refusals re-render the page with a German (or English) message and 422.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_app::AppError;
use lernweg_app::referrals::{self, NewReferral, ReferralQuery, StatusChange};
use lernweg_domain::ProviderId;
use lernweg_participants::ReferralStatus;
use lernweg_store::{CounsellingService, SERVICE_KINDS, ServiceInput};
use serde::Deserialize;

use crate::AppState;
use crate::care::page_caller;
use crate::care::picker::{PersonPicker, person_picker};
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::list_search::{ListFilter, ListSearch};
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::{Layout, render};
use crate::paging::{PageParams, Pager};

/// The messages of a refusal by the rules, keyed by the form's field; anything else is an
/// error page. The provider is the form's `provider` field.
fn refusal(lang: Lang, e: AppError) -> Result<FormErrors, PageError> {
    match e {
        AppError::Invalid(list) => Ok(FormErrors(
            list.iter()
                .map(|p| {
                    let field = match p.field {
                        "provider_id" => "provider",
                        other => other,
                    };
                    let key = format!("referrals-error-{field}-{}", p.code);
                    (field.to_owned(), lang.t(&key))
                })
                .collect(),
        )),
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
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let principal = page_caller(ctx)?.principal;
    let list = referrals::services(&state.app, &principal).await?;
    let groups = SERVICE_KINDS
        .iter()
        .map(|k| KindGroup {
            label: lang.t(&format!("referrals-kind-{k}")),
            services: list.iter().filter(|s| s.kind == *k).cloned().collect(),
        })
        .filter(|g| !g.services.is_empty())
        .collect();
    let providers = if principal.provider_id.is_none() {
        crate::pages::admin::provider_choices(state, ctx, &form.provider).await?
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
    Ok((status, render(&page)).into_response())
}

/// `GET /verwaltung/beratungsstellen`: the directory grouped by kind, with the add form.
pub async fn services(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    services_page(&state, &ctx, FormErrors::default(), ServiceForm::default()).await
}

/// `POST /verwaltung/beratungsstellen`: adds a service (active).
pub async fn services_create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ServiceForm>,
) -> Result<Response, PageError> {
    let caller = page_caller(&ctx)?;
    // A provider that does not parse is none named (`unknown_provider` for the admin).
    let named = ProviderId::parse(form.provider.trim()).ok();
    match referrals::create_service(&state.app, &caller, named, form.clone().input(true)).await {
        Ok(_) => Ok(Redirect::to("/verwaltung/beratungsstellen").into_response()),
        Err(e) => {
            let errors = refusal(ctx.lang, e)?;
            services_page(&state, &ctx, errors, form).await
        }
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

/// `GET /verwaltung/beratungsstellen/{id}`: the edit form. Service ids are strings in the
/// store (no domain id type), so the path stays a `String`.
pub async fn service(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let principal = page_caller(&ctx)?.principal;
    let s = referrals::visible_service(&state.app, &principal, &id).await?;
    Ok(service_page(
        &ctx,
        &s.id,
        FormErrors::default(),
        ServiceForm::of(&s),
    ))
}

/// `POST /verwaltung/beratungsstellen/{id}`: saves the edit.
pub async fn service_update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<ServiceForm>,
) -> Result<Response, PageError> {
    let caller = page_caller(&ctx)?;
    let active = form.active.is_some();
    match referrals::update_service(&state.app, &caller, &id, form.clone().input(active)).await {
        Ok(_) => Ok(Redirect::to("/verwaltung/beratungsstellen").into_response()),
        Err(e) => {
            let errors = refusal(ctx.lang, e)?;
            Ok(service_page(&ctx, &id, errors, form))
        }
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
    picker: PersonPicker,
    services: Vec<Choice>,
    today: String,
    search: ListSearch,
    pager: Pager,
}

/// `?page=`, `?q=` (participant's name, e-mail, phone or login name, or the service's name),
/// `?status=` (empty: open ones; `alle`; or a status code) and `?person=` (narrows the
/// participants of the form) of the referral list.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReferralListQuery {
    #[serde(flatten)]
    paging: PageParams,
    status: String,
    person: String,
}

const LIST_PATH: &str = "/verwaltung/verweise";

impl ReferralListQuery {
    /// The status filter as understood (an unknown value is the default, the open ones) and
    /// its code for links.
    fn status(&self) -> (bool, Option<ReferralStatus>, &'static str) {
        match self.status.trim() {
            "alle" => (false, None, "alle"),
            raw => match ReferralStatus::parse(raw) {
                Some(s) => (false, Some(s), s.code()),
                None => (true, None, ""),
            },
        }
    }
}

fn status_filter(lang: Lang, chosen: &str) -> ListFilter {
    let mut options = vec![
        ("", lang.t("referrals-list-open")),
        ("alle", lang.t("list-filter-all")),
    ];
    options.extend(
        ReferralStatus::ALL
            .iter()
            .map(|s| (s.code(), lang.t(&format!("referrals-status-{s}")))),
    );
    ListFilter {
        name: "status",
        label: lang.t("referrals-list-status"),
        options: options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == chosen,
                value: value.to_owned(),
                label,
            })
            .collect(),
    }
}

async fn referrals_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    form: ReferralForm,
    list: &ReferralListQuery,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = page_caller(ctx)?;
    let (open_only, status, status_code) = list.status();
    let query = ReferralQuery {
        open_only,
        status,
        search: list.paging.search(),
        ..ReferralQuery::default()
    };
    let found = referrals::referral_page(
        &state.app,
        &caller,
        &query,
        list.paging.page(),
        "page: referrals",
    )
    .await?;
    let services = referrals::services(&state.app, &caller.principal).await?;
    let picker = person_picker(
        state,
        lang,
        &caller.principal,
        "/verwaltung/verweise#new-heading",
        &list.person,
        &form.participant_id,
    )
    .await?;
    let pager = Pager::new(
        lang,
        &found,
        LIST_PATH,
        &[("q", &list.paging.q), ("status", status_code)],
    );
    let search = ListSearch::new(
        lang,
        LIST_PATH,
        "referrals-list-search",
        &list.paging.q,
        vec![status_filter(lang, status_code)],
    );
    let rows = found
        .items
        .into_iter()
        .map(|l| {
            let r = l.referral;
            ReferralRow {
                error: errors.get(&format!("status-{}", r.id)).cloned(),
                id: r.id,
                referred_on: r.referred_on.format("%d.%m.%Y").to_string(),
                participant_id: r.participant_id.to_string(),
                participant: l.participant,
                service: l.service,
                reason: r.reason,
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
            }
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
        layout: Layout::new(ctx, LIST_PATH, "referrals-title"),
        rows,
        errors,
        form,
        picker,
        services,
        today: state.app.today().to_string(),
        search,
        pager,
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /verwaltung/verweise`: the referrals (open ones unless `?status=` says otherwise),
/// newest first, 50 a page, and the form to refer.
pub async fn referrals(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(list): Query<ReferralListQuery>,
) -> Result<Response, PageError> {
    referrals_page(
        &state,
        &ctx,
        FormErrors::default(),
        ReferralForm::default(),
        &list,
    )
    .await
}

/// An optional date of the form: empty is `Ok(None)` (the use-case takes today).
fn parse_day(raw: &str) -> Result<Option<NaiveDate>, chrono::ParseError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some)
}

/// `POST /verwaltung/verweise`: refers a participant to a service of the same provider.
pub async fn referrals_create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ReferralForm>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = page_caller(&ctx)?;
    let Ok(referred_on) = parse_day(&form.referred_on) else {
        let e = one_error(
            lang,
            "referred_on",
            "referrals-error-referred_on-invalid_date",
        );
        return referrals_page(&state, &ctx, e, form, &ReferralListQuery::default()).await;
    };
    let new = NewReferral {
        participant_id: form.participant_id.clone(),
        service_id: form.service_id.clone(),
        referred_on,
        reason: form.reason.clone(),
    };
    match referrals::create_referral(&state.app, &caller, new).await {
        Ok(_) => Ok(Redirect::to("/verwaltung/verweise").into_response()),
        Err(e) => {
            let errors = refusal(lang, e)?;
            referrals_page(&state, &ctx, errors, form, &ReferralListQuery::default()).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
    note: String,
}

/// `POST /verwaltung/verweise/{id}/status`: the next step of a referral. Referral ids are
/// strings in the store (no domain id type), so the path stays a `String`.
pub async fn referrals_status(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, PageError> {
    let caller = page_caller(&ctx)?;
    let change = StatusChange {
        status: form.status,
        on: None,
        note: form.note,
    };
    match referrals::change_status(&state.app, &caller, &id, change).await {
        Ok(_) => Ok(Redirect::to("/verwaltung/verweise").into_response()),
        Err(e) => {
            // Keyed by the row's select so that the error summary links to it.
            let FormErrors(m) = refusal(ctx.lang, e)?;
            let errors = m
                .into_values()
                .map(|msg| (format!("status-{id}"), msg))
                .collect();
            referrals_page(
                &state,
                &ctx,
                FormErrors(errors),
                ReferralForm::default(),
                &ReferralListQuery::default(),
            )
            .await
        }
    }
}
