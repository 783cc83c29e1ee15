//! `/verwaltung/leihgeraete`: the overdue list, the lending form, the inventory with each
//! device's status and the form to add a device. Refusals re-render the page (422).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_app::AppError;
use lernweg_app::loans::{self, DeviceQuery, Lending};
use lernweg_domain::{ParticipantId, ProviderId};
use lernweg_store::{DEVICE_KINDS, NewDevice};
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

const PATH: &str = "/verwaltung/leihgeraete";

/// One loan in the overdue list or on an inventory row.
pub struct LoanRow {
    pub id: String,
    pub device: String,
    pub participant: String,
    pub lent_on: String,
    pub due_on: String,
    pub overdue: bool,
    /// The id of this loan's return date field (also the key of its error).
    pub return_field: String,
}

pub struct DeviceRow {
    pub label: String,
    pub kind: String,
    pub serial: String,
    pub status: String,
    pub loan: Option<LoanRow>,
}

/// What was typed into the forms, to show again after a refusal.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Values {
    provider_id: String,
    kind: String,
    label: String,
    serial: String,
    note: String,
    device_id: String,
    participant_id: String,
    lent_on: String,
    due_on: String,
    returned_on: String,
}

#[derive(Template)]
#[template(path = "loans_page.html")]
pub struct LoansPage {
    pub layout: Layout,
    pub errors: FormErrors,
    pub overdue: Vec<LoanRow>,
    pub devices: Vec<DeviceRow>,
    pub available: Vec<Choice>,
    /// The participants to lend to, narrowed by `?person=`.
    pub picker: PersonPicker,
    pub kinds: Vec<Choice>,
    /// Only for the admin, who belongs to no provider.
    pub providers: Vec<Choice>,
    pub values: Values,
    pub today: String,
    pub search: ListSearch,
    pub pager: Pager,
}

fn show_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn choices(items: Vec<(String, String)>, selected: &str) -> Vec<Choice> {
    items
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == selected,
            value,
            label,
        })
        .collect()
}

/// `?page=`, `?q=` (device label or serial, borrower), `?art=` (the kind) and `?ausleihe=`
/// (`verliehen`: on an open loan, `frei`: not) of the inventory.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ListQuery {
    #[serde(flatten)]
    paging: PageParams,
    #[serde(default)]
    art: String,
    #[serde(default)]
    ausleihe: String,
    /// Narrows the participants of the lending form.
    #[serde(default)]
    person: String,
}

/// The page's data. Reading the overdue loans is the audited view of the page.
async fn build(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    values: Values,
    list: &ListQuery,
) -> Result<LoansPage, PageError> {
    let lang = ctx.lang;
    let caller = page_caller(ctx)?;
    let scope = caller.principal.provider_scope();
    let now = state.app.today();
    let overdue = loans::overdue(&state.app, &caller, "page: loans")
        .await?
        .into_iter()
        .map(|l| LoanRow {
            id: l.loan.id.clone(),
            device: l.device_label,
            participant: l.borrower,
            lent_on: show_date(l.loan.lent_on),
            due_on: show_date(l.loan.due_on),
            overdue: true,
            return_field: format!("returned_on-{}", l.loan.id),
        })
        .collect();
    let kind = DEVICE_KINDS
        .iter()
        .find(|k| **k == list.art)
        .map(|k| k.to_string());
    let lent = match list.ausleihe.as_str() {
        "verliehen" => Some(true),
        "frei" => Some(false),
        _ => None,
    };
    let query = DeviceQuery {
        kind: kind.clone(),
        lent,
        search: list.paging.search(),
    };
    let inventory =
        loans::device_page(&state.app, &caller.principal, &query, list.paging.page()).await?;
    let kind_code = kind.unwrap_or_default();
    let lent_code = match lent {
        Some(true) => "verliehen",
        Some(false) => "frei",
        None => "",
    };
    let pager = Pager::new(
        lang,
        &inventory,
        PATH,
        &[
            ("q", &list.paging.q),
            ("art", &kind_code),
            ("ausleihe", lent_code),
        ],
    );
    let search = ListSearch::new(
        lang,
        PATH,
        "loans-list-search",
        &list.paging.q,
        vec![
            ListFilter::new(
                lang,
                "art",
                "loans-col-kind",
                &kind_code,
                DEVICE_KINDS
                    .iter()
                    .map(|k| (k.to_string(), lang.t(&format!("loans-kind-{k}"))))
                    .collect(),
            ),
            ListFilter::new(
                lang,
                "ausleihe",
                "loans-list-lent",
                lent_code,
                vec![
                    ("verliehen".into(), lang.t("loans-status-lent")),
                    ("frei".into(), lang.t("loans-list-not-lent")),
                ],
            ),
        ],
    );
    let rows = inventory
        .items
        .into_iter()
        .map(|d| {
            let status = d.device.status(d.open_loan.is_some());
            let borrower = d.borrower.unwrap_or_default();
            DeviceRow {
                kind: lang.t(&format!("loans-kind-{}", d.device.kind)),
                status: lang.t(&format!("loans-status-{status}")),
                loan: d.open_loan.map(|l| LoanRow {
                    device: d.device.label.clone(),
                    participant: borrower,
                    lent_on: show_date(l.lent_on),
                    due_on: show_date(l.due_on),
                    overdue: l.is_overdue(now),
                    return_field: format!("returned_on-{}", l.id),
                    id: l.id,
                }),
                label: d.device.label,
                serial: d.device.serial,
            }
        })
        .collect();
    let available = loans::available_devices(&state.app, &caller.principal)
        .await?
        .into_iter()
        .map(|d| (d.id, d.label))
        .collect();
    let picker = person_picker(
        state,
        lang,
        &caller.principal,
        "/verwaltung/leihgeraete#loans-lend-heading",
        &list.person,
        &values.participant_id,
    )
    .await?;
    let providers = if scope.is_none() {
        let all = lernweg_app::admin::providers(&state.app, &caller.principal).await?;
        choices(
            all.into_iter()
                .map(|p| (p.id.to_string(), p.name.to_string()))
                .collect(),
            &values.provider_id,
        )
    } else {
        Vec::new()
    };
    let kinds = choices(
        DEVICE_KINDS
            .iter()
            .map(|k| (k.to_string(), lang.t(&format!("loans-kind-{k}"))))
            .collect(),
        &values.kind,
    );
    Ok(LoansPage {
        layout: Layout::new(ctx, PATH, "loans-title"),
        errors,
        overdue,
        devices: rows,
        available: choices(available, &values.device_id),
        picker,
        kinds,
        providers,
        values,
        today: now.to_string(),
        search,
        pager,
    })
}

/// Renders the page; with errors as 422. The view names participants: audited.
async fn page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    values: Values,
) -> Result<Response, PageError> {
    page_with(state, ctx, errors, values, &ListQuery::default()).await
}

async fn page_with(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    values: Values,
    list: &ListQuery,
) -> Result<Response, PageError> {
    let failed = !errors.is_empty();
    let p = build(state, ctx, errors, values, list).await?;
    Ok(if failed {
        (StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response()
    } else {
        render(&p)
    })
}

fn one_error(lang: Lang, field: &str, key: &str) -> FormErrors {
    let mut m = BTreeMap::new();
    m.insert(field.to_owned(), lang.t(key));
    FormErrors(m)
}

/// A refused use-case: the fields' messages again on the page, anything else an error page.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    e: AppError,
    values: Values,
    key_of: impl Fn(&str) -> String,
) -> Result<Response, PageError> {
    match e {
        AppError::Invalid(list) => {
            let errors = list
                .iter()
                .map(|p| {
                    let key = format!("loans-error-{}-{}", p.field, p.code);
                    (key_of(p.field), ctx.lang.t(&key))
                })
                .collect();
            page(state, ctx, FormErrors(errors), values).await
        }
        other => Err(other.into()),
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

/// An optional date of a form: empty is `Ok(None)` (the use-case takes today), a date that
/// does not parse `Err(())`.
fn optional_date(s: &str) -> Result<Option<NaiveDate>, ()> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(s).map(Some).ok_or(())
    }
}

fn done() -> Response {
    Redirect::to(PATH).into_response()
}

/// `GET /verwaltung/leihgeraete` (the inventory with `?page=`, `?q=`, `?art=`, `?ausleihe=`).
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(list): Query<ListQuery>,
) -> Result<Response, PageError> {
    page_with(
        &state,
        &ctx,
        FormErrors::default(),
        Values::default(),
        &list,
    )
    .await
}

/// `POST /verwaltung/leihgeraete`: adds a device to the inventory.
pub async fn add_device(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<Values>,
) -> Result<Response, PageError> {
    let caller = page_caller(&ctx)?;
    // A provider that does not parse is none named (the admin is asked to choose one).
    let named = ProviderId::parse(form.provider_id.trim()).ok();
    let new = NewDevice {
        kind: form.kind.clone(),
        label: form.label.clone(),
        serial: form.serial.clone(),
        note: form.note.clone(),
    };
    match loans::create_device(&state.app, &caller, named, new).await {
        Ok(_) => Ok(done()),
        Err(e) => refused(&state, &ctx, e, form, str::to_owned).await,
    }
}

/// `POST /verwaltung/leihgeraete/ausleihen`: lends a device to a participant.
pub async fn lend(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<Values>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = page_caller(&ctx)?;
    if form.device_id.trim().is_empty() {
        let e = one_error(lang, "device_id", "loans-error-device_id-required");
        return page(&state, &ctx, e, form).await;
    }
    let Ok(participant_id) = ParticipantId::parse(form.participant_id.trim()) else {
        let e = one_error(
            lang,
            "participant_id",
            "loans-error-participant_id-unknown_participant",
        );
        return page(&state, &ctx, e, form).await;
    };
    let Ok(lent_on) = optional_date(&form.lent_on) else {
        let e = one_error(lang, "lent_on", "loans-error-date");
        return page(&state, &ctx, e, form).await;
    };
    let Some(due_on) = parse_date(&form.due_on) else {
        let e = one_error(lang, "due_on", "loans-error-date");
        return page(&state, &ctx, e, form).await;
    };
    let lending = Lending {
        device_id: form.device_id.clone(),
        participant_id,
        lent_on,
        due_on,
        note: form.note.clone(),
    };
    match loans::lend(&state.app, &caller, lending).await {
        Ok(_) => Ok(done()),
        Err(e) => refused(&state, &ctx, e, form, str::to_owned).await,
    }
}

/// `POST /verwaltung/leihen/{id}/rueckgabe`: records the return of a loan. Loan ids are
/// strings in the store (no domain id type), so the path stays a `String`.
pub async fn return_loan(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<Values>,
) -> Result<Response, PageError> {
    let caller = page_caller(&ctx)?;
    let field = format!("returned_on-{id}");
    let Ok(returned_on) = optional_date(&form.returned_on) else {
        // Another provider's loan stays "not found" whatever the form says.
        loans::visible_loan(&state.app, &caller.principal, &id).await?;
        let e = one_error(ctx.lang, &field, "loans-error-date");
        return page(&state, &ctx, e, form).await;
    };
    match loans::return_loan(&state.app, &caller, &id, returned_on).await {
        Ok(_) => Ok(done()),
        Err(e) => refused(&state, &ctx, e, form, |_| field.clone()).await,
    }
}
