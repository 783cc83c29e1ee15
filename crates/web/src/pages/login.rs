//! Logging in and out.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, FromRequest, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use axum_extra::extract::cookie::{Cookie, CookieJar};
use lernweg_domain::{LoginId, Role};
use lernweg_store::{Actor, AuditAction, AuditEntity, NewAuditEntry};
use serde::Deserialize;

use super::{render, safe_next};
use crate::AppState;
use crate::context::{Ctx, SESSION_COOKIE, session_cookie};
use crate::error::PageError;
use crate::portal::PortalLayout;

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
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
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
    if let Err(wait) = state.limiter.check(ip, login.as_str()) {
        let secs = wait.as_secs().max(1);
        tracing::warn!(login = %login, "login rate limit reached");
        let mut res = again(
            StatusCode::TOO_MANY_REQUESTS,
            "portal-login-error-rate-limited",
        );
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        return Ok(res);
    }
    let user = state.store.verify_login_id(&login, &form.password).await?;
    let Some(user) = user else {
        let entry = NewAuditEntry {
            actor: None,
            actor_email: Some(login.to_string()),
            provider: None,
            action: AuditAction::LoginFailed,
            entity: AuditEntity::Session,
            entity_id: None,
            detail: ip.map(|i| i.to_string()).unwrap_or_default(),
        };
        if let Err(e) = state.store.audit(&entry).await {
            tracing::error!(error = %e, "audit failed");
        }
        return Ok(again(StatusCode::UNAUTHORIZED, "portal-login-error-failed"));
    };
    let (secret, _session) = state.store.create_session(&user).await?;
    let actor = Actor::user(user.id, user.login_id().to_string());
    let entry = actor.entry(
        user.provider_id,
        AuditAction::Login,
        AuditEntity::Session,
        user.id,
        ip.map(|i| i.to_string()).unwrap_or_default(),
    );
    if let Err(e) = state.store.audit(&entry).await {
        tracing::error!(error = %e, "audit failed");
    }
    let jar = jar.add(session_cookie(secret, state.config.secure_cookies()));
    Ok((
        jar,
        Redirect::to(&safe_next(form.next.as_deref(), landing(user.role))),
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
        state.store.delete_session(secret).await?;
        if let Some(u) = &ctx.user {
            let entry = Actor::user(u.id, u.login_id().to_string()).entry(
                u.provider_id,
                AuditAction::Logout,
                AuditEntity::Session,
                u.id,
                "",
            );
            if let Err(e) = state.store.audit(&entry).await {
                tracing::error!(error = %e, "audit failed");
            }
        }
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
    Ok((jar, Redirect::to("/anmelden")).into_response())
}
