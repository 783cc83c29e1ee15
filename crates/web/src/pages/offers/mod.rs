//! Offers for staff: coordinators design them, all staff read them. The list, the form
//! (new and edit, without JavaScript), the detail page with classification, success factors
//! and readability, publishing, the provider's success-factor overview and a readability
//! check for any text.

pub mod analysis;
pub mod convert;
mod detail;
pub mod form;
mod form_view;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form};
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{OfferId, Principal, ProviderId, State as FedState};
use lernweg_offers::{OfferDraft, weakest_factors};
use lernweg_store::{Cohort, OfferRecord, Provider, StoreError};
use serde::Deserialize;

use self::analysis::{ReadabilityView, analyse, class_label, vocab};
use self::form::{Errors, FormInput};
use self::form_view::Section;
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::pages::admin::Choice;
use crate::pages::{Layout, render};
use crate::routes::{Route, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (page("GET", "/verwaltung/angebote", STAFF), get(list)),
        (page("POST", "/verwaltung/angebote", MANAGERS), post(create)),
        (
            page("GET", "/verwaltung/angebote/neu", MANAGERS),
            get(new_form),
        ),
        (
            page("GET", "/verwaltung/angebote/{id}", STAFF),
            get(detail::show),
        ),
        (
            page("POST", "/verwaltung/angebote/{id}", MANAGERS),
            post(update),
        ),
        (
            page("GET", "/verwaltung/angebote/{id}/bearbeiten", MANAGERS),
            get(edit_form),
        ),
        (
            page(
                "POST",
                "/verwaltung/angebote/{id}/veroeffentlichen",
                MANAGERS,
            ),
            post(publish),
        ),
        (
            page("GET", "/verwaltung/erfolgsfaktoren", STAFF),
            get(overview),
        ),
        (
            page("GET", "/verwaltung/lesbarkeit", STAFF),
            get(readability_form),
        ),
        (
            page("POST", "/verwaltung/lesbarkeit", STAFF),
            post(readability_check),
        ),
    ]
}

// ---------------------------------------------------------------- shared helpers

fn principal(ctx: &Ctx) -> Result<Principal, PageError> {
    ctx.principal().ok_or(PageError::Forbidden)
}

/// An offer the caller may see; another provider's offer is as unknown as a missing one.
async fn load_offer(state: &AppState, ctx: &Ctx, raw_id: &str) -> Result<OfferRecord, PageError> {
    let id = OfferId::parse(raw_id).map_err(|_| PageError::NotFound)?;
    let record = state.store.offer(id).await.map_err(PageError::from)?;
    if !principal(ctx)?.can_access_provider(record.provider_id) {
        return Err(PageError::NotFound);
    }
    Ok(record)
}

/// The federal state of each provider the caller may see.
async fn provider_states(
    state: &AppState,
    scope: Option<ProviderId>,
) -> Result<HashMap<ProviderId, Provider>, StoreError> {
    Ok(state
        .store
        .providers(scope)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

fn fed_state(providers: &HashMap<ProviderId, Provider>, id: ProviderId) -> FedState {
    providers.get(&id).map(|p| p.state).unwrap_or(FedState::NW)
}

fn yes_no(layout: &Layout, v: bool) -> String {
    layout.t(if v {
        "offers-page-yes"
    } else {
        "offers-page-no"
    })
}

// ---------------------------------------------------------------- list

pub struct OfferRow {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub goal: String,
    pub time_model: String,
    pub class: String,
    pub published: String,
}

#[derive(Template)]
#[template(path = "offers_list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub rows: Vec<OfferRow>,
    pub can_manage: bool,
    pub show_provider: bool,
}

/// `GET /verwaltung/angebote`: the offers of the caller's provider (admins: all).
pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    match list_inner(&state, &ctx).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn list_inner(state: &AppState, ctx: &Ctx) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let scope = principal(ctx)?.provider_scope();
    let store_err = |e| PageError::from(e);
    let offers = state.store.offers(scope).await.map_err(store_err)?;
    let cohorts = state.store.cohorts(scope, None).await.map_err(store_err)?;
    let providers = provider_states(state, scope).await.map_err(store_err)?;
    let layout = Layout::new(ctx, "/verwaltung/angebote", "offers-page-list-title");
    let today = state.app.today();
    let rows = offers
        .iter()
        .map(|o| {
            let a = analyse(o, &cohorts, fed_state(&providers, o.provider_id), today);
            OfferRow {
                id: o.id.to_string(),
                title: o.offer.title.clone(),
                provider: providers
                    .get(&o.provider_id)
                    .map(|p| p.name.to_string())
                    .unwrap_or_default(),
                goal: vocab(lang, "goal", o.offer.goal.code()),
                time_model: vocab(lang, "time_model", o.offer.time_model.kind().code()),
                class: class_label(lang, a.classification.class),
                published: yes_no(&layout, o.published),
            }
        })
        .collect();
    let page = ListPage {
        can_manage: MANAGERS.permits(ctx.role()),
        show_provider: scope.is_none(),
        layout,
        rows,
    };
    Ok(render(&page))
}

// ---------------------------------------------------------------- form

#[derive(Template)]
#[template(path = "offers_form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub heading: String,
    pub action: String,
    pub back: String,
    pub sections: Vec<Section>,
    pub errors: Errors,
    pub module_rows: usize,
    pub exam_rows: usize,
    pub slot_rows: usize,
    pub readability: Option<ReadabilityView>,
    pub saved: bool,
    pub rows_added: bool,
}

/// What the form is for.
enum Target {
    New,
    Edit(Box<OfferRecord>),
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    target: &Target,
    input: FormInput,
    errors: Errors,
    saved: bool,
) -> Response {
    let lang = ctx.lang;
    let admin_choices = match target {
        Target::New if ctx.principal().is_some_and(|p| p.provider_id.is_none()) => {
            match state.store.providers(None).await {
                Ok(ps) => Some(
                    ps.iter()
                        .map(|p| (p.id.to_string(), format!("{} ({})", p.name, p.state)))
                        .collect(),
                ),
                Err(e) => return PageError::from(e).into_response(),
            }
        }
        _ => None,
    };
    let (path, title_key, action, back) = match target {
        Target::New => (
            "/verwaltung/angebote/neu".to_owned(),
            "offers-page-new-title",
            "/verwaltung/angebote".to_owned(),
            "/verwaltung/angebote".to_owned(),
        ),
        Target::Edit(r) => (
            format!("/verwaltung/angebote/{}/bearbeiten", r.id),
            "offers-page-edit-title",
            format!("/verwaltung/angebote/{}", r.id),
            format!("/verwaltung/angebote/{}", r.id),
        ),
    };
    let layout = Layout::new(ctx, &path, title_key);
    let heading = match target {
        Target::New => layout.title.clone(),
        Target::Edit(r) => layout.t1("offers-page-edit-heading", "title", &r.offer.title),
    };
    let description = &input.draft.description;
    let readability =
        (!description.trim().is_empty()).then(|| ReadabilityView::new(lang, description));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = FormPage {
        heading,
        action,
        back,
        sections: form_view::sections(lang, &input, &errors, admin_choices),
        module_rows: input.module_rows,
        exam_rows: input.exam_rows,
        slot_rows: input.slot_rows,
        readability,
        saved,
        rows_added: input.more_rows,
        errors,
        layout,
    };
    (status, render(&page)).into_response()
}

/// `GET /verwaltung/angebote/neu`.
pub async fn new_form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    let input = FormInput::from_draft(OfferDraft::default());
    form_page(&state, &ctx, &Target::New, input, Errors::default(), false).await
}

/// `POST /verwaltung/angebote`: creates an offer (or adds rows, with `action=more_rows`).
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let lang = ctx.lang;
    let input = form::parse(pairs);
    if input.more_rows {
        return form_page(&state, &ctx, &Target::New, input, Errors::default(), false).await;
    }
    let Some(principal) = ctx.principal() else {
        return PageError::Forbidden.into_response();
    };
    let mut errors = Errors::default();
    let provider = match principal.provider_id {
        Some(p) => Some(p),
        None => match ProviderId::parse(&input.provider) {
            Ok(p) if state.store.provider(p).await.is_ok() => Some(p),
            _ => {
                errors.add("provider".into(), lang.t("offers-form-provider-error"));
                None
            }
        },
    };
    let offer = match input.draft.validate() {
        Ok(o) => Some(o),
        Err(list) => {
            for (id, msg) in Errors::from_fields(lang, &list).list {
                errors.add(id, msg);
            }
            None
        }
    };
    let (Some(provider), Some(offer), true) = (provider, offer, errors.is_empty()) else {
        return form_page(&state, &ctx, &Target::New, input, errors, false).await;
    };
    match state
        .store
        .create_offer(&ctx.actor(), provider, offer)
        .await
    {
        Ok(r) => Redirect::to(&format!("/verwaltung/angebote/{}", r.id)).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

#[derive(Deserialize, Default)]
pub struct EditQuery {
    gespeichert: Option<String>,
}

/// `GET /verwaltung/angebote/{id}/bearbeiten`.
pub async fn edit_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Query(q): Query<EditQuery>,
) -> Response {
    let record = match load_offer(&state, &ctx, &id).await {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let input = FormInput::from_draft(convert::to_draft(&record.offer));
    let saved = q.gespeichert.is_some();
    form_page(
        &state,
        &ctx,
        &Target::Edit(Box::new(record)),
        input,
        Errors::default(),
        saved,
    )
    .await
}

/// `POST /verwaltung/angebote/{id}`: saves the edit form (or adds rows).
pub async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let lang = ctx.lang;
    let record = match load_offer(&state, &ctx, &id).await {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let input = form::parse(pairs);
    let target = Target::Edit(Box::new(record));
    if input.more_rows {
        return form_page(&state, &ctx, &target, input, Errors::default(), false).await;
    }
    let offer = match input.draft.validate() {
        Ok(o) => o,
        Err(list) => {
            let errors = Errors::from_fields(lang, &list);
            return form_page(&state, &ctx, &target, input, errors, false).await;
        }
    };
    let Target::Edit(record) = target else {
        unreachable!("the target is an edit");
    };
    match state
        .store
        .update_offer(&ctx.actor(), record.id, offer)
        .await
    {
        Ok(r) => Redirect::to(&format!(
            "/verwaltung/angebote/{}/bearbeiten?gespeichert=1",
            r.id
        ))
        .into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

// ---------------------------------------------------------------- publishing

#[derive(Deserialize, Default)]
pub struct PublishForm {
    #[serde(default)]
    published: String,
}

/// `POST /verwaltung/angebote/{id}/veroeffentlichen` with `published=1|0`.
pub async fn publish(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<PublishForm>,
) -> Response {
    let record = match load_offer(&state, &ctx, &id).await {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let published = match form.published.as_str() {
        "1" => true,
        "0" => false,
        _ => return PageError::BadRequest.into_response(),
    };
    match state
        .store
        .set_offer_published(&ctx.actor(), record.id, published)
        .await
    {
        Ok(r) => Redirect::to(&format!("/verwaltung/angebote/{}", r.id)).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

// ---------------------------------------------------------------- success-factor overview

pub struct FactorRow {
    pub factor: String,
    pub section: String,
    pub met: usize,
    pub partly: usize,
    pub not_met: usize,
}

#[derive(Template)]
#[template(path = "offers_overview.html")]
pub struct OverviewPage {
    pub layout: Layout,
    pub offers: usize,
    pub rows: Vec<FactorRow>,
    /// For admins: the provider filter.
    pub providers: Vec<Choice>,
}

#[derive(Deserialize, Default)]
pub struct OverviewQuery {
    traeger: Option<String>,
}

/// `GET /verwaltung/erfolgsfaktoren`: which success factors are weakest across the offers.
pub async fn overview(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<OverviewQuery>,
) -> Response {
    match overview_inner(&state, &ctx, q).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn overview_inner(
    state: &AppState,
    ctx: &Ctx,
    q: OverviewQuery,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let own = principal(ctx)?.provider_scope();
    let chosen = q.traeger.as_deref().and_then(|s| ProviderId::parse(s).ok());
    let scope = own.or(chosen);
    let store_err = |e| PageError::from(e);
    let offers = state.store.offers(scope).await.map_err(store_err)?;
    let cohorts = state.store.cohorts(scope, None).await.map_err(store_err)?;
    let providers = provider_states(state, own).await.map_err(store_err)?;
    let today = state.app.today();
    let results: Vec<_> = offers
        .iter()
        .map(|o| analyse(o, &cohorts, fed_state(&providers, o.provider_id), today).factors)
        .collect();
    let rows = weakest_factors(&results)
        .into_iter()
        .map(|s| FactorRow {
            factor: lang.t(&format!("offers-factor-{}", s.factor)),
            section: s.section.to_owned(),
            met: s.met,
            partly: s.partly,
            not_met: s.not_met,
        })
        .collect();
    let mut choices = Vec::new();
    if own.is_none() {
        let mut list: Vec<&Provider> = providers.values().collect();
        list.sort_by_key(|p| p.name.to_string());
        choices.push(Choice {
            value: String::new(),
            label: lang.t("offers-overview-all-providers"),
            selected: chosen.is_none(),
        });
        choices.extend(list.into_iter().map(|p| Choice {
            value: p.id.to_string(),
            label: p.name.to_string(),
            selected: Some(p.id) == chosen,
        }));
    }
    let page = OverviewPage {
        layout: Layout::new(ctx, "/verwaltung/erfolgsfaktoren", "offers-overview-title"),
        offers: offers.len(),
        rows,
        providers: choices,
    };
    Ok(render(&page))
}

// ---------------------------------------------------------------- readability of any text

#[derive(Template)]
#[template(path = "offers_readability.html")]
pub struct ReadabilityPage {
    pub layout: Layout,
    pub text: String,
    pub readability: Option<ReadabilityView>,
}

#[derive(Deserialize, Default)]
pub struct ReadabilityForm {
    #[serde(default)]
    text: String,
}

/// `GET /verwaltung/lesbarkeit`: the empty form.
pub async fn readability_form(Extension(ctx): Extension<Ctx>) -> Response {
    render(&ReadabilityPage {
        layout: Layout::new(&ctx, "/verwaltung/lesbarkeit", "offers-read-title"),
        text: String::new(),
        readability: None,
    })
}

/// `POST /verwaltung/lesbarkeit`: the analysis of the sent text.
pub async fn readability_check(
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ReadabilityForm>,
) -> Response {
    let text = form.text.replace("\r\n", "\n");
    render(&ReadabilityPage {
        layout: Layout::new(&ctx, "/verwaltung/lesbarkeit", "offers-read-title"),
        readability: Some(ReadabilityView::new(ctx.lang, &text)),
        text,
    })
}

/// Cohorts of one offer (for the detail page).
async fn offer_cohorts(state: &AppState, record: &OfferRecord) -> Result<Vec<Cohort>, StoreError> {
    state.store.cohorts(None, Some(record.id)).await
}
