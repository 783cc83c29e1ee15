//! Data protection: the erasure (GDPR Art. 17). The Auskunft (Art. 15) is in `auskunft`.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::participants;
use lernweg_domain::ParticipantId;
use serde::Deserialize;

use super::{ContactBox, caller, record};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::pages::admin::FormErrors;
use crate::pages::{Layout, render};

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
    PageId(id): PageId<ParticipantId>,
    Form(form): Form<EraseForm>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    if form.confirm != "1" {
        let mut m = BTreeMap::new();
        m.insert("confirm".to_owned(), ctx.lang.t("pp-error-erase-confirm"));
        let page = ErasePage {
            layout: Layout::new(&ctx, "/verwaltung/teilnehmende", "pp-erase-title"),
            contact: ContactBox::read(&state, ctx.lang, &p).await?,
            errors: FormErrors(m),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    participants::erase(&state.app, &caller(&ctx)?, p.id).await?;
    Ok(Redirect::to("/verwaltung/teilnehmende?geloescht=1").into_response())
}
