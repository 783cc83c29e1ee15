//! Logging in and out.

use askama::Template;
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use axum_extra::extract::cookie::{Cookie, CookieJar};
use lernweg_app::sessions;
use lernweg_domain::{LoginId, Role};
use serde::Deserialize;

use super::{render, safe_next};
use crate::AppState;
use crate::context::{Ctx, SESSION_COOKIE, session_cookie};
use crate::error::PageError;
use crate::portal::PortalLayout;
use crate::ratelimit::Refused;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub layout: PortalLayout,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Where a user lands after login.
fn landing(role: Role) -> &'static str {
    match role {
        r if r.is_staff() => "/start",
        Role::Participant => "/mein-weg",
        Role::Mentor => "/mentoring",
        _ => "/konto",
    }
}

/// `GET /anmelden`.
pub async fn form(Extension(ctx): Extension<Ctx>, Query(q): Query<NextQuery>) -> Response {
    if let Some(u) = &ctx.user {
        return Redirect::to(&safe_next(q.next.as_deref(), landing(u.role))).into_response();
    }
    let page = LoginPage {
        layout: PortalLayout::new(&ctx, ctx.portal_lang(), "portal-login-title"),
        email: String::new(),
        next: safe_next(q.next.as_deref(), ""),
        error: None,
    };
    render(&page)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// `POST /anmelden`.
pub async fn submit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    jar: CookieJar,
    req: Request,
) -> Result<Response, PageError> {
    let ip = ctx.client;
    let Ok(Form(form)) = <Form<LoginForm> as FromRequest<()>>::from_request(req, &()).await else {
        return Err(PageError::BadRequest);
    };
    let lang = ctx.portal_lang();
    let again = |status: StatusCode, key: &str| {
        let page = LoginPage {
            layout: PortalLayout::new(&ctx, lang, "portal-login-title"),
            email: form.email.clone(),
            next: safe_next(form.next.as_deref(), ""),
            error: Some(lang.t(key)),
        };
        (status, render(&page)).into_response()
    };
    let Ok(login) = LoginId::parse(&form.email) else {
        return Ok(again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "portal-login-error-email",
        ));
    };
    if form.password.is_empty() {
        return Ok(again(
            StatusCode::UNPROCESSABLE_ENTITY,
            "portal-login-error-password-missing",
        ));
    }
    let delay = match state
        .limiter
        .before_login(&state.app, ip, login.as_str())
        .await?
    {
        Ok(delay) => delay,
        Err(Refused::TryAgainIn(wait)) => {
            tracing::warn!(login = %login, "login rate limit reached");
            let mut res = again(
                StatusCode::TOO_MANY_REQUESTS,
                "portal-login-error-rate-limited",
            );
            res.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(wait.as_secs().max(1)),
            );
            return Ok(res);
        }
    };
    // Earlier failures of this account (from anywhere) slow every attempt down, the right
    // password included, so that the answer's timing tells nothing.
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let Some(opened) = sessions::log_in(&state.app, &login, &form.password, ip).await? else {
        state.limiter.failed(&state.app, ip, login.as_str()).await?;
        return Ok(again(StatusCode::UNAUTHORIZED, "portal-login-error-failed"));
    };
    state
        .limiter
        .succeeded(&state.app, ip, login.as_str())
        .await?;
    let role = opened.session.user.role;
    let jar = jar.add(session_cookie(opened.secret, state.config.secure_cookies()));
    Ok((
        jar,
        Redirect::to(&safe_next(form.next.as_deref(), landing(role))),
    )
        .into_response())
}

/// `POST /abmelden`: ends the session on the server and drops the cookie.
pub async fn logout(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    if let Some(secret) = &ctx.session_secret {
        sessions::log_out(&state.app, secret).await?;
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
    Ok((jar, Redirect::to("/anmelden")).into_response())
}
