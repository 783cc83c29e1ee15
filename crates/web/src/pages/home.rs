//! The start page and the team of a provider.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use lernweg_app::team::{self, Team};
use lernweg_store::{Provider, User};

use super::{Layout, render, role_label};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;

/// `GET /`: to the start page when logged in, else to the login.
pub async fn root(Extension(ctx): Extension<Ctx>) -> Response {
    match &ctx.user {
        Some(u) if u.role.is_staff() => Redirect::to("/start").into_response(),
        Some(u) if u.role == lernweg_domain::Role::Participant => {
            Redirect::to("/mein-weg").into_response()
        }
        Some(_) => Redirect::to("/konto").into_response(),
        None => Redirect::to("/anmelden").into_response(),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    pub welcome: String,
    pub role: String,
    pub provider: Option<Provider>,
    pub team_size: usize,
}

/// `GET /start`.
pub async fn dashboard(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let user = ctx.user.as_ref().ok_or(PageError::Forbidden)?;
    let principal = ctx.principal().ok_or(PageError::Forbidden)?;
    let Team { provider, staff } = team::team(&state.app, &principal).await?;
    let team_size = staff.len();
    let page = HomePage {
        welcome: ctx
            .lang
            .t_args("home-welcome", &[("name", user.display_name.clone())]),
        role: role_label(ctx.lang, user.role),
        provider,
        team_size,
        layout: Layout::new(&ctx, "/start", "home-title"),
    };
    Ok(render(&page))
}

/// One row of the team table.
pub struct TeamRow {
    pub user: User,
    pub role: String,
}

#[derive(Template)]
#[template(path = "team.html")]
pub struct TeamPage {
    pub layout: Layout,
    pub provider: Option<Provider>,
    pub rows: Vec<TeamRow>,
}

/// `GET /team`: the staff of the user's provider (the admin sees everybody).
pub async fn team(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let principal = ctx.principal().ok_or(PageError::Forbidden)?;
    let Team { provider, staff } = team::team(&state.app, &principal).await?;
    let rows = staff
        .into_iter()
        .map(|u| TeamRow {
            role: role_label(ctx.lang, u.role),
            user: u,
        })
        .collect();
    Ok(render(&TeamPage {
        layout: Layout::new(&ctx, "/team", "team-title"),
        provider,
        rows,
    }))
}
