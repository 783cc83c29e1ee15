//! Data protection: the printable Auskunft (GDPR Art. 15) and the erasure (Art. 17).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::detail::{
    ConsentRow, ContactRow, EnrolmentView, consent_rows, contact_rows, enrolment_views, facts,
    staff_names,
};
use super::readiness::{CheckRow, check_rows};
use super::{ContactBox, audit_view, today, visible};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::pages::admin::FormErrors;
use crate::pages::{Layout, render};

#[derive(Template)]
#[template(path = "participants_auskunft.html")]
pub struct AuskunftPage {
    pub layout: Layout,
    pub contact: ContactBox,
    pub printed_on: String,
    pub created: String,
    pub updated: String,
    pub facts: Vec<(String, String)>,
    pub consents: Vec<ConsentRow>,
    pub contacts: Vec<ContactRow>,
    pub checks: Vec<CheckRow>,
    pub enrolments: Vec<EnrolmentView>,
}

/// `GET /verwaltung/teilnehmende/{id}/auskunft`: everything stored, printable.
pub async fn auskunft(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let p = match visible(&state, &ctx, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    for what in ["data access report", "contact notes"] {
        if let Err(r) = audit_view(&state, &ctx, &p, what).await {
            return r;
        }
    }
    let lang = ctx.lang;
    let load = async {
        let names = staff_names(&state, &p).await?;
        Ok::<_, lernweg_store::StoreError>((
            consent_rows(&state, lang, &p).await?,
            contact_rows(&state, lang, &p, &names).await?,
            check_rows(&state, lang, &p, &names).await?,
            enrolment_views(&state, lang, &p, false).await?,
        ))
    };
    let (consents, contacts, checks, enrolments) = match load.await {
        Ok(x) => x,
        Err(e) => return PageError::store(lang, e).into_response(),
    };
    render(&AuskunftPage {
        layout: Layout::new(&ctx, "/verwaltung/teilnehmende", "pp-auskunft-title"),
        contact: ContactBox::load(&state, lang, &p).await,
        printed_on: today().format("%d.%m.%Y").to_string(),
        created: p.created_at.format("%d.%m.%Y").to_string(),
        updated: p.updated_at.format("%d.%m.%Y").to_string(),
        facts: facts(lang, &p),
        consents,
        contacts,
        checks,
        enrolments,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EraseForm {
    confirm: String,
}

#[derive(Template)]
#[template(path = "participants_erase.html")]
pub struct ErasePage {
    pub layout: Layout,
    pub contact: ContactBox,
    pub errors: FormErrors,
}

/// `POST /verwaltung/teilnehmende/{id}/loeschen`: erases after an explicit confirmation.
pub async fn erase(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<EraseForm>,
) -> Response {
    let p = match visible(&state, &ctx, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    if form.confirm != "1" {
        let mut m = BTreeMap::new();
        m.insert("confirm".to_owned(), ctx.lang.t("pp-error-erase-confirm"));
        let page = ErasePage {
            layout: Layout::new(&ctx, "/verwaltung/teilnehmende", "pp-erase-title"),
            contact: ContactBox::load(&state, ctx.lang, &p).await,
            errors: FormErrors(m),
        };
        return (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response();
    }
    match state.store.erase_participant(&ctx.actor(), p.id).await {
        Ok(()) => Redirect::to("/verwaltung/teilnehmende?geloescht=1").into_response(),
        Err(e) => PageError::store(ctx.lang, e).into_response(),
    }
}
