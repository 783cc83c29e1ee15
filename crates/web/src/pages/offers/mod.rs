//! Offers for staff: coordinators design them, all staff read them. The list, the form
//! (new and edit, without JavaScript), the detail page with classification, success factors
//! and readability, publishing, the provider's success-factor overview and a readability
//! check for any text.

mod detail;
pub mod form;
mod form_view;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form};
use lernweg_app::Caller;
use lernweg_app::offers::{OfferChange, OfferQuery, OfferView, SaveError};
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{OfferId, Principal, ProviderId};
use lernweg_offers::{OfferDraft, weakest_factors};
use lernweg_store::{OfferRecord, Provider};
use serde::Deserialize;

use self::form::{Errors, FormInput};
use self::form_view::Section;
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::list_search::{ListFilter, ListSearch};
use crate::offers_view::analysis::{ReadabilityView, class_label, vocab};
use crate::offers_view::convert;
use crate::pages::admin::Choice;
use crate::pages::{Layout, render};
use crate::paging::{PageParams, Pager};
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

pub(crate) fn principal(ctx: &Ctx) -> Result<Principal, PageError> {
    ctx.principal().ok_or(PageError::Forbidden)
}

/// The caller of a use-case: the logged-in user (the access check has already run).
pub(crate) fn caller(ctx: &Ctx) -> Result<Caller, PageError> {
    Ok(Caller::new(principal(ctx)?, ctx.actor()))
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
    pub search: ListSearch,
    pub pager: Pager,
}

/// `?page=`, `?q=` (in the title) and `?status=` (`published`, `draft`) of the offer list.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(flatten)]
    paging: PageParams,
    #[serde(default)]
    status: String,
}

/// The publication filter: `published`, `draft` or anything else for all.
pub(crate) fn published_filter(status: &str) -> Option<bool> {
    match status {
        "published" => Some(true),
        "draft" => Some(false),
        _ => None,
    }
}

/// `GET /verwaltung/angebote`: the offers of the caller's provider (admins: all), 50 a page.
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let principal = principal(&ctx)?;
    let query = OfferQuery {
        published: published_filter(&q.status),
        search: q.paging.search(),
    };
    let status = match query.published {
        Some(true) => "published",
        Some(false) => "draft",
        None => "",
    };
    let views =
        lernweg_app::offers::offer_view_page(&state.app, &principal, &query, q.paging.page())
            .await?;
    let layout = Layout::new(&ctx, "/verwaltung/angebote", "offers-page-list-title");
    let pager = Pager::new(
        lang,
        &views,
        "/verwaltung/angebote",
        &[("q", &q.paging.q), ("status", status)],
    );
    let search = ListSearch::new(
        lang,
        "/verwaltung/angebote",
        "offers-list-search",
        &q.paging.q,
        vec![ListFilter::new(
            lang,
            "status",
            "offers-list-status",
            status,
            ["published", "draft"]
                .iter()
                .map(|s| (s.to_string(), lang.t(&format!("offers-list-status-{s}"))))
                .collect(),
        )],
    );
    let rows = views
        .items
        .iter()
        .map(|v| {
            let o = &v.record;
            OfferRow {
                id: o.id.to_string(),
                title: o.offer.title.clone(),
                provider: v.provider.name.to_string(),
                goal: vocab(lang, "goal", o.offer.goal.code()),
                time_model: vocab(lang, "time_model", o.offer.time_model.kind().code()),
                class: class_label(lang, v.analysis.classification.class),
                published: yes_no(&layout, o.published),
            }
        })
        .collect();
    let page = ListPage {
        can_manage: MANAGERS.permits(ctx.role()),
        show_provider: principal.provider_scope().is_none(),
        layout,
        rows,
        search,
        pager,
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
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let admin_choices = match target {
        Target::New if is_admin(ctx) => Some(
            lernweg_app::admin::providers(&state.app, &principal(ctx)?)
                .await?
                .iter()
                .map(|p| (p.id.to_string(), format!("{} ({})", p.name, p.state)))
                .collect(),
        ),
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
    Ok((status, render(&page)).into_response())
}

/// The installation admin (no provider of their own).
fn is_admin(ctx: &Ctx) -> bool {
    ctx.principal().is_some_and(|p| p.provider_id.is_none())
}

/// The form's errors from a use-case's refusal; any other error is the page's.
fn save_errors(ctx: &Ctx, e: SaveError) -> Result<Errors, PageError> {
    match e {
        SaveError::Invalid { provider, fields } => {
            let mut errors = Errors::default();
            if provider.is_some() {
                errors.add("provider".into(), ctx.lang.t("offers-form-provider-error"));
            }
            for (id, msg) in Errors::from_fields(ctx.lang, &fields).list {
                errors.add(id, msg);
            }
            Ok(errors)
        }
        SaveError::Other(e) => Err(e.into()),
    }
}

/// `GET /verwaltung/angebote/neu`.
pub async fn new_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let input = FormInput::from_draft(OfferDraft::default());
    form_page(&state, &ctx, &Target::New, input, Errors::default(), false).await
}

/// `POST /verwaltung/angebote`: creates an offer (or adds rows, with `action=more_rows`).
/// Admins choose the provider; everybody else creates for their own.
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = form::parse(pairs);
    if input.more_rows {
        return form_page(&state, &ctx, &Target::New, input, Errors::default(), false).await;
    }
    let caller = caller(&ctx)?;
    let provider = is_admin(&ctx).then_some(input.provider.as_str());
    match lernweg_app::offers::create(&state.app, &caller, provider, &input.draft).await {
        Ok(r) => Ok(Redirect::to(&format!("/verwaltung/angebote/{}", r.id)).into_response()),
        Err(e) => {
            let errors = save_errors(&ctx, e)?;
            form_page(&state, &ctx, &Target::New, input, errors, false).await
        }
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
    PageId(id): PageId<OfferId>,
    Query(q): Query<EditQuery>,
) -> Result<Response, PageError> {
    let record = lernweg_app::offers::offer(&state.app, &principal(&ctx)?, id).await?;
    let input = FormInput::from_draft(convert::to_draft(&record.offer));
    let saved = q.gespeichert.is_some();
    let target = Target::Edit(Box::new(record));
    form_page(&state, &ctx, &target, input, Errors::default(), saved).await
}

/// `POST /verwaltung/angebote/{id}`: saves the edit form (or adds rows).
pub async fn update(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<OfferId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let record = lernweg_app::offers::offer(&state.app, &caller.principal, id).await?;
    let input = form::parse(pairs);
    let target = Target::Edit(Box::new(record));
    if input.more_rows {
        return form_page(&state, &ctx, &target, input, Errors::default(), false).await;
    }
    let change = OfferChange {
        draft: Some(input.draft.clone()),
        published: None,
    };
    match lernweg_app::offers::update(&state.app, &caller, id, change).await {
        Ok(r) => Ok(Redirect::to(&format!(
            "/verwaltung/angebote/{}/bearbeiten?gespeichert=1",
            r.id
        ))
        .into_response()),
        Err(e) => {
            let errors = save_errors(&ctx, e)?;
            form_page(&state, &ctx, &target, input, errors, false).await
        }
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
    PageId(id): PageId<OfferId>,
    Form(form): Form<PublishForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    // A foreign offer is a 404 before a malformed form is a 400.
    let record = lernweg_app::offers::offer(&state.app, &caller.principal, id).await?;
    let published = match form.published.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(PageError::BadRequest),
    };
    let r = lernweg_app::offers::set_published(&state.app, &caller, record.id, published).await?;
    Ok(Redirect::to(&format!("/verwaltung/angebote/{}", r.id)).into_response())
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
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let principal = principal(&ctx)?;
    let own = principal.provider_scope();
    let chosen = q.traeger.as_deref().and_then(|s| ProviderId::parse(s).ok());
    let views: Vec<OfferView> =
        lernweg_app::offers::offer_views(&state.app, &principal, chosen).await?;
    let results: Vec<_> = views.iter().map(|v| v.analysis.factors.clone()).collect();
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
        let mut list: Vec<Provider> = lernweg_app::admin::providers(&state.app, &principal).await?;
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
        layout: Layout::new(&ctx, "/verwaltung/erfolgsfaktoren", "offers-overview-title"),
        offers: views.len(),
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
