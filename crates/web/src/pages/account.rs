//! The own account: personal API tokens.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::{AppError, admin};
use lernweg_domain::TokenId;
use lernweg_store::ApiToken;
use serde::Deserialize;

use super::{Layout, render, role_label};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;

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
) -> Result<Response, PageError> {
    let (Some(user), Some(who)) = (&ctx.user, ctx.principal()) else {
        return Err(PageError::Forbidden);
    };
    let tokens = admin::tokens(&state.app, &who).await?;
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
    Ok((status, render(&page)).into_response())
}

/// `GET /konto`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
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
) -> Result<Response, PageError> {
    let (Some(user), Some(caller)) = (&ctx.user, ctx.caller()) else {
        return Err(PageError::Forbidden);
    };
    match admin::create_token(&state.app, &caller, user, &form.name).await {
        Ok(issued) => page(&state, &ctx, Some(issued.secret), None, String::new()).await,
        Err(AppError::Invalid(e)) => {
            let code = e.first().map_or("invalid", |e| e.code);
            let msg = ctx.lang.t(&format!("account-token-error-{code}"));
            page(&state, &ctx, None, Some(msg), form.name).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /konto/tokens/{id}/widerrufen`.
pub async fn revoke_token(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<TokenId>,
) -> Result<Redirect, PageError> {
    let (Some(user), Some(caller)) = (&ctx.user, ctx.caller()) else {
        return Err(PageError::Forbidden);
    };
    admin::revoke_token(&state.app, &caller, user, id).await?;
    Ok(Redirect::to("/konto"))
}
