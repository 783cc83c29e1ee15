//! Cohorts (Durchgänge) for staff: list and create, the timetable with its edits, the month
//! grid, the path, and calendar feeds.

mod detail;
pub(crate) use detail::to_cohort;
pub(crate) mod planning;
mod sessions;
pub(crate) mod views;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_app::AppError;
use lernweg_app::cohorts::{CohortInput, CohortQuery};
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{CohortStatus, OfferId, ParseError, Role, State as FedState, UserId};
use lernweg_offers::run::Phase;
use lernweg_store::{Cohort, OfferRecord};

use self::planning::PlanningFields;
use super::admin::{Choice, FormErrors};
use super::offers::{caller, principal};
use super::{Layout, render};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::list_search::{ListFilter, ListSearch};
use crate::paging::{PageParams, Pager};
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
            post(planning::replan),
        ),
        (
            page("POST", "/verwaltung/durchgaenge/{id}/teilen", MANAGERS),
            post(planning::share),
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

/// The cohort's status as its dates make it on `today` (`lernweg_offers::run`): "Läuft seit
/// 05.01.2027, Einstieg noch bis 26.01.2027 möglich"; when the stored status lags behind the
/// dates, the stored one is named too, so that staff can move it on.
pub(crate) fn status_label(ctx: &Ctx, c: &Cohort, today: NaiveDate) -> String {
    let lang = ctx.lang;
    let run = lernweg_app::cohorts::run(c);
    let now = run.status(c.status, today);
    let date = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let mut label = if now == CohortStatus::Running && run.phase(today) == Phase::Running {
        let key = if run.can_join(today) {
            "cohort-running-since-join"
        } else {
            "cohort-running-since-closed"
        };
        lang.t_args(
            key,
            &[
                ("date", date(c.start_date)),
                ("until", date(run.join_until())),
            ],
        )
    } else {
        lang.t(&format!("cohort-status-{}", now.as_str()))
    };
    if now != c.status {
        label.push(' ');
        label.push_str(&lang.t_args(
            "cohort-status-stored",
            &[(
                "status",
                lang.t(&format!("cohort-status-{}", c.status.as_str())),
            )],
        ));
    }
    label
}

/// The form errors of a refused use-case (`key(field, code)` gives the message id); any
/// other error is the page's.
pub(crate) fn form_errors(
    ctx: &Ctx,
    e: AppError,
    key: impl Fn(&ParseError) -> String,
) -> Result<FormErrors, PageError> {
    match e {
        AppError::Invalid(list) => {
            let mut errors = FormErrors::default();
            for p in &list {
                errors.0.insert(p.field.to_owned(), ctx.lang.t(&key(p)));
            }
            Ok(errors)
        }
        other => Err(other.into()),
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
    pub search: ListSearch,
    pub pager: Pager,
}

/// `?page=`, `?q=` (in the name), `?angebot=` (an offer's id) and `?status=` of the list.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct ListQuery {
    #[serde(flatten)]
    paging: PageParams,
    #[serde(default)]
    angebot: String,
    #[serde(default)]
    status: String,
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
    /// Deadline and closing periods as typed.
    #[serde(flatten)]
    pub planning: PlanningFields,
}

/// The absolute link of a feed, shown to the user once: under `--public-url` when it is set,
/// else under the address of the request (for display only: UIDs never depend on it).
pub(crate) fn feed_url(state: &AppState, headers: &HeaderMap, secret: &str) -> String {
    let base = crate::public_catalogue::base_url(state, headers);
    format!("{}/feeds/{secret}.ics", base.trim_end_matches('/'))
}

#[allow(clippy::too_many_arguments)]
async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    q: &ListQuery,
    form: NewCohortForm,
    picked: &[String],
    errors: FormErrors,
    new_feed_url: Option<String>,
) -> Result<Response, PageError> {
    let principal = principal(ctx)?;
    let query = CohortQuery {
        offer: OfferId::parse(&q.angebot).ok(),
        status: CohortStatus::parse(&q.status).ok(),
        search: q.paging.search(),
    };
    let cohorts =
        lernweg_app::cohorts::cohort_page(&state.app, &principal, &query, q.paging.page()).await?;
    let offers = lernweg_app::offers::offers(&state.app, &principal).await?;
    let users = lernweg_app::admin::users(&state.app, &principal).await?;
    let offer_title = |id: OfferId| {
        offers
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.offer.title.clone())
            .unwrap_or_default()
    };
    let offer_code = query.offer.map(|o| o.to_string()).unwrap_or_default();
    let status_code = query.status.map(|s| s.as_str()).unwrap_or_default();
    let lang = ctx.lang;
    let pager = Pager::new(
        lang,
        &cohorts,
        "/verwaltung/durchgaenge",
        &[
            ("q", &q.paging.q),
            ("angebot", &offer_code),
            ("status", status_code),
        ],
    );
    let search = ListSearch::new(
        lang,
        "/verwaltung/durchgaenge",
        "cohorts-list-search",
        &q.paging.q,
        vec![
            ListFilter::new(
                lang,
                "angebot",
                "cohort-offer",
                &offer_code,
                offers
                    .iter()
                    .map(|o| (o.id.to_string(), o.offer.title.clone()))
                    .collect(),
            ),
            ListFilter::new(
                lang,
                "status",
                "col-status",
                status_code,
                CohortStatus::ALL
                    .iter()
                    .map(|s| {
                        let code = s.as_str();
                        (code.to_owned(), lang.t(&format!("cohort-status-{code}")))
                    })
                    .collect(),
            ),
        ],
    );
    let rows = cohorts
        .items
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
            status: status_label(ctx, c, state.app.today()),
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
        Some(p) => lernweg_app::admin::provider(&state.app, &principal, p)
            .await?
            .state
            .code()
            .to_owned(),
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
        search,
        pager,
    };
    Ok((status, render(&page)).into_response())
}

/// The list with an empty form (and a new calendar link to show once).
async fn fresh_list(
    state: &AppState,
    ctx: &Ctx,
    q: &ListQuery,
    new_feed_url: Option<String>,
) -> Result<Response, PageError> {
    let (form, errors) = (NewCohortForm::default(), FormErrors::default());
    list_page(state, ctx, q, form, &[], errors, new_feed_url).await
}

/// `GET /verwaltung/durchgaenge`: 50 a page, with search and filters.
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    fresh_list(&state, &ctx, &q, None).await
}

/// The offer named by the form, if the caller may see it.
async fn chosen_offer(
    state: &AppState,
    ctx: &Ctx,
    raw: &str,
) -> Result<Option<OfferRecord>, PageError> {
    let Ok(id) = OfferId::parse(raw) else {
        return Ok(None);
    };
    match lernweg_app::offers::offer(&state.app, &principal(ctx)?, id).await {
        Ok(o) => Ok(Some(o)),
        Err(AppError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// `POST /verwaltung/durchgaenge`: creates a cohort and generates its timetable.
pub async fn create(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
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
        planning: PlanningFields {
            deadline: get("deadline"),
            closures: get("closures"),
        },
    };
    let picked: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "trainer")
        .map(|(_, v)| v.clone())
        .collect();
    let mut errors = FormErrors::default();
    let offer = chosen_offer(&state, &ctx, &form.offer_id).await?;
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
    let planning = form
        .planning
        .parse(lang)
        .map_err(|(field, msg)| errors.0.insert(field.into(), msg))
        .ok();
    let trainers: Vec<UserId> = picked
        .iter()
        .filter_map(|t| UserId::parse(t).ok())
        .collect();
    let (Some(offer), Some(start), Some(fed), Some(planning), true) =
        (offer, start, fed, planning, errors.is_empty())
    else {
        return list_page(
            &state,
            &ctx,
            &ListQuery::default(),
            form,
            &picked,
            errors,
            None,
        )
        .await;
    };
    let input = CohortInput {
        offer_id: offer.id,
        name: form.name.clone(),
        start_date: start,
        state: Some(fed),
        room: form.room.clone(),
        online_link: form.online_link.clone(),
        trainers,
        planning,
    };
    match lernweg_app::cohorts::create(&state.app, &caller(&ctx)?, input).await {
        Ok(c) => Ok(Redirect::to(&format!("/verwaltung/durchgaenge/{}", c.id)).into_response()),
        Err(e) => {
            let errors = form_errors(&ctx, e, |p| match (p.field, p.code) {
                ("offer_id", _) => "form-error-invalid_id".to_owned(),
                ("deadline" | "closures", code) => {
                    planning::planning_error_key(p.field, code).to_owned()
                }
                (_, "cannot_plan") => "cohort-error-cannot-plan".to_owned(),
                (_, code) => format!("form-error-{code}"),
            })?;
            list_page(
                &state,
                &ctx,
                &ListQuery::default(),
                form,
                &picked,
                errors,
                None,
            )
            .await
        }
    }
}

/// `POST /verwaltung/meine-termine/kalender`: a calendar link with all sessions the caller
/// teaches; shown once.
pub async fn trainer_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let issued = lernweg_app::feeds::create_trainer_feed(&state.app, &caller(&ctx)?).await?;
    let url = feed_url(&state, &headers, &issued.secret);
    fresh_list(&state, &ctx, &ListQuery::default(), Some(url)).await
}
