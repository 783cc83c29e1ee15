//! The own account: personal API tokens.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_domain::TokenId;
use lernweg_store::{Actor, ApiToken, StoreError};
use serde::Deserialize;

use super::{Layout, render, role_label};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub layout: Layout,
    pub email: String,
    pub name: String,
    pub role: String,
    pub tokens: Vec<ApiToken>,
    /// A token just created: shown once.
    pub new_secret: Option<String>,
    pub name_error: Option<String>,
    pub token_name: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    new_secret: Option<String>,
    name_error: Option<String>,
    token_name: String,
) -> Response {
    let Some(user) = &ctx.user else {
        return PageError::Forbidden.into_response();
    };
    let tokens = match state.store.tokens(user.id).await {
        Ok(t) => t,
        Err(e) => return PageError::from(e).into_response(),
    };
    let status = if name_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = AccountPage {
        layout: Layout::new(ctx, "/konto", "account-title"),
        email: user.email.to_string(),
        name: user.display_name.clone(),
        role: role_label(ctx.lang, user.role),
        tokens,
        new_secret,
        name_error,
        token_name,
    };
    (status, render(&page)).into_response()
}

/// `GET /konto`.
pub async fn show(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    page(&state, &ctx, None, None, String::new()).await
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

/// `POST /konto/tokens`: creates a token and shows its secret once.
pub async fn create_token(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<TokenForm>,
) -> Response {
    let Some(user) = &ctx.user else {
        return PageError::Forbidden.into_response();
    };
    let actor = Actor::user(user.id, user.email.to_string());
    match state.store.create_token(&actor, user, &form.name).await {
        Ok(issued) => page(&state, &ctx, Some(issued.secret), None, String::new()).await,
        Err(StoreError::Invalid(e)) => {
            let msg = ctx.lang.t(&format!("account-token-error-{}", e.code));
            page(&state, &ctx, None, Some(msg), form.name).await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

/// `POST /konto/tokens/{id}/widerrufen`.
pub async fn revoke_token(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let Some(user) = &ctx.user else {
        return PageError::Forbidden.into_response();
    };
    let Ok(id) = TokenId::parse(&id) else {
        return PageError::NotFound.into_response();
    };
    let actor = Actor::user(user.id, user.email.to_string());
    match state.store.revoke_token(&actor, user, id).await {
        Ok(_) => Redirect::to("/konto").into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}
