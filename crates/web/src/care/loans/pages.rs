//! `/verwaltung/leihgeraete`: the overdue list, the lending form, the inventory with each
//! device's status and the form to add a device. Refusals re-render the page (422).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_domain::{ParticipantId, ProviderId};
use lernweg_participants::DeviceStatus;
use lernweg_store::{AuditAction, DEVICE_KINDS, Loan, NewDevice, NewLoan, StoreError};
use serde::Deserialize;

use super::{device_provider, visible_device, visible_loan};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::{Layout, render};

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
    pub participants: Vec<Choice>,
    pub kinds: Vec<Choice>,
    /// Only for the admin, who belongs to no provider.
    pub providers: Vec<Choice>,
    pub values: Values,
    pub today: String,
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

async fn build(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    values: Values,
) -> Result<LoansPage, StoreError> {
    let lang = ctx.lang;
    let scope = ctx.principal().and_then(|p| p.provider_scope());
    let now = state.app.today();
    let devices = state.store.devices(scope).await?;
    let loans: Vec<Loan> = state
        .store
        .loans(scope)
        .await?
        .into_iter()
        .filter(Loan::is_open)
        .collect();
    let people = state.store.participants(scope).await?;
    let names: HashMap<ParticipantId, String> = people
        .iter()
        .map(|p| {
            (
                p.id,
                format!("{} {}", p.data.given_name, p.data.family_name),
            )
        })
        .collect();
    let labels: HashMap<&str, &str> = devices
        .iter()
        .map(|d| (d.id.as_str(), d.label.as_str()))
        .collect();
    let row = |l: &Loan| LoanRow {
        id: l.id.clone(),
        device: labels
            .get(l.device_id.as_str())
            .copied()
            .unwrap_or("")
            .to_owned(),
        participant: names.get(&l.participant_id).cloned().unwrap_or_default(),
        lent_on: show_date(l.lent_on),
        due_on: show_date(l.due_on),
        overdue: l.is_overdue(now),
        return_field: format!("returned_on-{}", l.id),
    };
    let overdue = loans
        .iter()
        .filter(|l| l.is_overdue(now))
        .map(row)
        .collect();
    let mut available = Vec::new();
    let mut rows = Vec::with_capacity(devices.len());
    for d in &devices {
        let open = loans.iter().find(|l| l.device_id == d.id);
        let status = d.status(open.is_some());
        if status == DeviceStatus::Available {
            available.push((d.id.clone(), d.label.clone()));
        }
        rows.push(DeviceRow {
            label: d.label.clone(),
            kind: lang.t(&format!("loans-kind-{}", d.kind)),
            serial: d.serial.clone(),
            status: lang.t(&format!("loans-status-{status}")),
            loan: open.map(row),
        });
    }
    let providers = if scope.is_none() {
        let all = state.store.providers(None).await?;
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
    let participants = choices(
        people
            .iter()
            .map(|p| (p.id.to_string(), names[&p.id].clone()))
            .collect(),
        &values.participant_id,
    );
    Ok(LoansPage {
        layout: Layout::new(ctx, PATH, "loans-title"),
        errors,
        overdue,
        devices: rows,
        available: choices(available, &values.device_id),
        participants,
        kinds,
        providers,
        values,
        today: now.to_string(),
    })
}

/// Renders the page; with errors as 422. The view names participants: audited.
async fn page(state: &AppState, ctx: &Ctx, errors: FormErrors, values: Values) -> Response {
    let scope = ctx.principal().and_then(|p| p.provider_scope());
    let entry = ctx.actor().entry(
        scope,
        AuditAction::View,
        "device_loans",
        scope.map(|p| p.to_string()).unwrap_or_else(|| "all".into()),
        "page: loans",
    );
    if let Err(e) = state.store.audit(&entry).await {
        return PageError::from(e).into_response();
    }
    let failed = !errors.is_empty();
    match build(state, ctx, errors, values).await {
        Ok(p) if failed => (StatusCode::UNPROCESSABLE_ENTITY, render(&p)).into_response(),
        Ok(p) => render(&p),
        Err(e) => PageError::from(e).into_response(),
    }
}

fn one_error(lang: Lang, field: &str, key: &str) -> FormErrors {
    let mut m = BTreeMap::new();
    m.insert(field.to_owned(), lang.t(key));
    FormErrors(m)
}

/// A refused store call: the field's message again on the page, anything else an error page.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    e: StoreError,
    values: Values,
    key_of: impl Fn(&str) -> String,
) -> Response {
    match e {
        StoreError::Invalid(p) => {
            let key = format!("loans-error-{}-{}", p.field, p.code);
            let errors = one_error(ctx.lang, &key_of(p.field), &key);
            page(state, ctx, errors, values).await
        }
        other => PageError::from(other).into_response(),
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}

fn done() -> Response {
    Redirect::to(PATH).into_response()
}

/// `GET /verwaltung/leihgeraete`.
pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    page(&state, &ctx, FormErrors::default(), Values::default()).await
}

/// `POST /verwaltung/leihgeraete`: adds a device to the inventory.
pub async fn add_device(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<Values>,
) -> Response {
    let Some(who) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    let named = ProviderId::parse(form.provider_id.trim()).ok();
    let Some(provider) = device_provider(&who, named) else {
        let e = one_error(ctx.lang, "provider_id", "loans-error-provider_id-required");
        return page(&state, &ctx, e, form).await;
    };
    let new = NewDevice {
        kind: form.kind.trim().to_owned(),
        label: form.label.clone(),
        serial: form.serial.clone(),
        note: form.note.clone(),
    };
    match state.store.create_device(&ctx.actor(), provider, new).await {
        Ok(_) => done(),
        Err(e) => refused(&state, &ctx, e, form, str::to_owned).await,
    }
}

/// `POST /verwaltung/leihgeraete/ausleihen`: lends a device to a participant.
pub async fn lend(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<Values>,
) -> Response {
    let lang = ctx.lang;
    let Some(who) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    if form.device_id.trim().is_empty() {
        let e = one_error(lang, "device_id", "loans-error-device_id-required");
        return page(&state, &ctx, e, form).await;
    }
    let device = match visible_device(&state.store, &who, form.device_id.trim()).await {
        Ok(d) => d,
        Err(e) => return PageError::from(e).into_response(),
    };
    let Ok(participant_id) = ParticipantId::parse(form.participant_id.trim()) else {
        let e = one_error(
            lang,
            "participant_id",
            "loans-error-participant_id-unknown_participant",
        );
        return page(&state, &ctx, e, form).await;
    };
    let lent_on = if form.lent_on.trim().is_empty() {
        Some(state.app.today())
    } else {
        parse_date(&form.lent_on)
    };
    let Some(lent_on) = lent_on else {
        let e = one_error(lang, "lent_on", "loans-error-date");
        return page(&state, &ctx, e, form).await;
    };
    let Some(due_on) = parse_date(&form.due_on) else {
        let e = one_error(lang, "due_on", "loans-error-date");
        return page(&state, &ctx, e, form).await;
    };
    let new = NewLoan {
        device_id: device.id,
        participant_id,
        lent_on,
        due_on,
        note: form.note.clone(),
    };
    match state.store.lend_device(&ctx.actor(), new).await {
        Ok(_) => done(),
        Err(e) => refused(&state, &ctx, e, form, str::to_owned).await,
    }
}

/// `POST /verwaltung/leihen/{id}/rueckgabe`: records the return of a loan.
pub async fn return_loan(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<Values>,
) -> Response {
    let lang = ctx.lang;
    let Some(who) = ctx.principal() else {
        return PageError::NotFound.into_response();
    };
    let loan = match visible_loan(&state.store, &who, &id).await {
        Ok(l) => l,
        Err(e) => return PageError::from(e).into_response(),
    };
    let field = format!("returned_on-{}", loan.id);
    let returned_on = if form.returned_on.trim().is_empty() {
        Some(state.app.today())
    } else {
        parse_date(&form.returned_on)
    };
    let Some(returned_on) = returned_on else {
        let e = one_error(lang, &field, "loans-error-date");
        return page(&state, &ctx, e, form).await;
    };
    match state
        .store
        .return_loan(&ctx.actor(), &loan.id, returned_on)
        .await
    {
        Ok(_) => done(),
        Err(e) => refused(&state, &ctx, e, form, |_| field.clone()).await,
    }
}
