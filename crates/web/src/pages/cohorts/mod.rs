//! Cohorts (Durchgänge) for staff: list and create, the timetable with its edits, the month
//! grid, the path, and calendar feeds.

mod detail;
mod sessions;
pub(crate) mod views;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{OfferId, ProviderId, Role, State as FedState, UserId};
use lernweg_store::{Cohort, FeedKind, NewCohort, StoreError};

use super::admin::{Choice, FormErrors};
use super::{Layout, render};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::routes::{Route, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (page("GET", "/verwaltung/durchgaenge", STAFF), get(list)),
        (
            page("POST", "/verwaltung/durchgaenge", MANAGERS),
            post(create),
        ),
        (
            page("POST", "/verwaltung/meine-termine/kalender", STAFF),
            post(trainer_feed),
        ),
        (
            page("GET", "/verwaltung/durchgaenge/{id}", STAFF),
            get(detail::show),
        ),
        (
            page("POST", "/verwaltung/durchgaenge/{id}/status", MANAGERS),
            post(detail::advance),
        ),
        (
            page("POST", "/verwaltung/durchgaenge/{id}/neu-planen", MANAGERS),
            post(detail::replan),
        ),
        (
            page(
                "POST",
                "/verwaltung/durchgaenge/{id}/kalender-links",
                MANAGERS,
            ),
            post(detail::create_feed),
        ),
        (
            page("POST", "/verwaltung/kalender/{id}/widerrufen", MANAGERS),
            post(detail::revoke_feed),
        ),
        (
            page("GET", "/verwaltung/durchgaenge/{id}/kalender", STAFF),
            get(views::month),
        ),
        (
            page("GET", "/verwaltung/durchgaenge/{id}/pfad", STAFF),
            get(views::path),
        ),
        (
            page("POST", "/verwaltung/durchgaenge/{id}/termine", MANAGERS),
            post(sessions::add),
        ),
        (
            page("GET", "/verwaltung/termine/{id}", STAFF),
            get(sessions::show),
        ),
        (
            page("POST", "/verwaltung/termine/{id}/verschieben", MANAGERS),
            post(sessions::reschedule),
        ),
        (
            page("POST", "/verwaltung/termine/{id}/absagen", MANAGERS),
            post(sessions::cancel),
        ),
    ]
}

pub(crate) fn is_manager(ctx: &Ctx) -> bool {
    matches!(ctx.role(), Some(Role::Admin | Role::Coordinator))
}

pub(crate) fn status_label(ctx: &Ctx, c: &Cohort) -> String {
    ctx.lang.t(&format!("cohort-status-{}", c.status.as_str()))
}

/// Loads a cohort the caller may see; another provider's cohort is a 404 page.
pub(crate) async fn visible(state: &AppState, ctx: &Ctx, raw: &str) -> Result<Cohort, Response> {
    let not_found = || PageError::NotFound.into_response();
    let id = lernweg_domain::CohortId::parse(raw).map_err(|_| not_found())?;
    let cohort = state
        .store
        .cohort(id)
        .await
        .map_err(|e| PageError::from(e).into_response())?;
    match ctx.principal() {
        Some(p) if p.can_access_provider(cohort.provider_id) => Ok(cohort),
        _ => Err(not_found()),
    }
}

pub struct CohortRow {
    pub id: String,
    pub name: String,
    pub offer: String,
    pub start: String,
    pub end: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "cohorts_list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub rows: Vec<CohortRow>,
    pub can_create: bool,
    pub offers: Vec<Choice>,
    pub states: Vec<Choice>,
    pub trainers: Vec<Choice>,
    pub errors: FormErrors,
    pub form: NewCohortForm,
    pub is_trainer: bool,
    pub new_feed_url: Option<String>,
}

#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct NewCohortForm {
    #[serde(default)]
    pub offer_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub start_date: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub room: String,
    #[serde(default)]
    pub online_link: String,
}

pub(crate) fn feed_url(state: &AppState, secret: &str) -> String {
    let base = state.config.public_url.clone().unwrap_or_default();
    format!("{}/feeds/{secret}.ics", base.trim_end_matches('/'))
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    form: NewCohortForm,
    picked: &[String],
    errors: FormErrors,
    new_feed_url: Option<String>,
) -> Response {
    let Some(principal) = ctx.principal() else {
        return PageError::Forbidden.into_response();
    };
    let scope = principal.provider_scope();
    let (cohorts, offers, users) = match (
        state.store.cohorts(scope, None).await,
        state.store.offers(scope).await,
        state.store.users(scope).await,
    ) {
        (Ok(c), Ok(o), Ok(u)) => (c, o, u),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            return PageError::from(e).into_response();
        }
    };
    let offer_title = |id: OfferId| {
        offers
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.offer.title.clone())
            .unwrap_or_default()
    };
    let rows = cohorts
        .iter()
        .map(|c| CohortRow {
            id: c.id.to_string(),
            name: c.name.clone(),
            offer: offer_title(c.offer_id),
            start: c.start_date.format("%d.%m.%Y").to_string(),
            end: c
                .end_date
                .map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_else(|| "–".into()),
            status: status_label(ctx, c),
        })
        .collect();
    let offer_choices = offers
        .iter()
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.offer.title.clone(),
            selected: o.id.to_string() == form.offer_id,
        })
        .collect();
    let default_state = match principal.provider_id {
        Some(p) => state
            .store
            .provider(p)
            .await
            .map(|p| p.state.code().to_owned())
            .unwrap_or_default(),
        None => String::new(),
    };
    let chosen_state = if form.state.is_empty() {
        default_state
    } else {
        form.state.clone()
    };
    let states = FedState::ALL
        .iter()
        .map(|s| Choice {
            value: s.code().into(),
            label: s.name_de().into(),
            selected: s.code() == chosen_state,
        })
        .collect();
    let trainers = users
        .iter()
        .filter(|u| u.role == Role::Trainer && u.active)
        .map(|u| Choice {
            value: u.id.to_string(),
            label: u.display_name.clone(),
            selected: picked.contains(&u.id.to_string()),
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ListPage {
        layout: Layout::new(ctx, "/verwaltung/durchgaenge", "cohorts-title"),
        rows,
        can_create: is_manager(ctx),
        offers: offer_choices,
        states,
        trainers,
        errors,
        form,
        is_trainer: ctx.role() == Some(Role::Trainer),
        new_feed_url,
    };
    (status, render(&page)).into_response()
}

/// `GET /verwaltung/durchgaenge`.
pub async fn list(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    list_page(
        &state,
        &ctx,
        NewCohortForm::default(),
        &[],
        FormErrors::default(),
        None,
    )
    .await
}

/// `POST /verwaltung/durchgaenge`: creates a cohort and generates its timetable.
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let lang = ctx.lang;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let form = NewCohortForm {
        offer_id: get("offer_id"),
        name: get("name"),
        start_date: get("start_date"),
        state: get("state"),
        room: get("room"),
        online_link: get("online_link"),
    };
    let picked: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "trainer")
        .map(|(_, v)| v.clone())
        .collect();
    let mut errors = FormErrors::default();
    let principal = ctx.principal();
    let offer = match OfferId::parse(&form.offer_id) {
        Ok(id) => match state.store.offer(id).await {
            Ok(o)
                if principal
                    .as_ref()
                    .is_some_and(|p| p.can_access_provider(o.provider_id)) =>
            {
                Some(o)
            }
            Ok(_) | Err(StoreError::NotFound) => None,
            Err(e) => return PageError::from(e).into_response(),
        },
        Err(_) => None,
    };
    if offer.is_none() {
        errors
            .0
            .insert("offer_id".into(), lang.t("form-error-invalid_id"));
    }
    if form.name.trim().is_empty() {
        errors
            .0
            .insert("name".into(), lang.t("form-error-required"));
    }
    let start = NaiveDate::parse_from_str(form.start_date.trim(), "%Y-%m-%d").ok();
    if start.is_none() {
        errors
            .0
            .insert("start_date".into(), lang.t("cohort-error-date"));
    }
    let fed = FedState::parse(&form.state).ok();
    if fed.is_none() {
        errors
            .0
            .insert("state".into(), lang.t("form-error-unknown_state"));
    }
    let trainers: Vec<UserId> = picked
        .iter()
        .filter_map(|t| UserId::parse(t).ok())
        .collect();
    let (Some(offer), Some(start), Some(fed), true) = (offer, start, fed, errors.is_empty()) else {
        return list_page(&state, &ctx, form, &picked, errors, None).await;
    };
    let sessions = match lernweg_app::cohorts::generate(&offer.offer, start, fed) {
        Ok(s) => s,
        Err(_) => {
            errors
                .0
                .insert("start_date".into(), lang.t("cohort-error-cannot-plan"));
            return list_page(&state, &ctx, form, &picked, errors, None).await;
        }
    };
    let new = NewCohort {
        offer_id: offer.id,
        name: form.name.clone(),
        state: fed,
        start_date: start,
        room: form.room.clone(),
        online_link: form.online_link.clone(),
        trainers,
    };
    match state
        .store
        .create_cohort(&ctx.actor(), new, &sessions)
        .await
    {
        Ok(c) => Redirect::to(&format!("/verwaltung/durchgaenge/{}", c.id)).into_response(),
        Err(StoreError::Invalid(e)) => {
            errors.0.insert(
                e.field.to_owned(),
                lang.t(&format!("form-error-{}", e.code)),
            );
            list_page(&state, &ctx, form, &picked, errors, None).await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

/// `POST /verwaltung/meine-termine/kalender`: a calendar link with all sessions the caller
/// teaches; shown once.
pub async fn trainer_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Response {
    let Some(user) = &ctx.user else {
        return PageError::Forbidden.into_response();
    };
    let Some(provider): Option<ProviderId> = user.provider_id else {
        return PageError::NotFound.into_response();
    };
    match state
        .store
        .create_feed(
            &ctx.actor(),
            FeedKind::Trainer,
            &user.id.to_string(),
            provider,
        )
        .await
    {
        Ok(issued) => {
            let url = feed_url(&state, &issued.secret);
            list_page(
                &state,
                &ctx,
                NewCohortForm::default(),
                &[],
                FormErrors::default(),
                Some(url),
            )
            .await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}
