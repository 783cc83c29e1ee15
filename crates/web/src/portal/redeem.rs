//! Redeeming an invitation: the e-mail link (`/einladung?code=…`) or the printed code
//! (`/code`) leads to a form where the participant chooses a password; then they are logged
//! in and land on their path. Every attempt counts against the login rate limit of the
//! address. A used, expired, revoked or unknown secret gets a clear page, never a 500.

use std::net::IpAddr;

use askama::Template;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use axum_extra::extract::cookie::CookieJar;
use lernweg_app::portal::InvitedPerson;
use lernweg_app::{AppError, portal, sessions};
use lernweg_domain::{LoginId, OneTimeCode, Role};
use lernweg_store::{Invitation, InvitationKind, Refusal};
use serde::Deserialize;

use super::layout::{OrPortal, PortalError, PortalLayout, message_page};
use super::portal_lang;
use crate::AppState;
use crate::context::{Ctx, session_cookie};
use crate::i18n::Lang;
use crate::pages::render;
use crate::ratelimit::Refused;

#[derive(Template)]
#[template(path = "portal_code.html")]
pub struct CodePage {
    pub layout: PortalLayout,
    pub code: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "portal_password.html")]
pub struct PasswordPage {
    pub layout: PortalLayout,
    pub greeting: String,
    /// `link` or `code`: which kind of secret the hidden field holds.
    pub kind: &'static str,
    pub secret: String,
    /// "E-Mail-Adresse" or "Anmeldename", and the value.
    pub login_label: String,
    pub login: String,
    pub error: Option<String>,
}

/// Counts one attempt of this address; the 429 page when it is over the limit.
async fn limit(
    state: &AppState,
    ctx: &Ctx,
    lang: Lang,
    ip: Option<IpAddr>,
) -> Result<(), PortalError> {
    let checked = state.limiter.check_redemption(&state.app, ip).await;
    match checked.or_portal(ctx, lang)? {
        Ok(()) => Ok(()),
        Err(Refused::TryAgainIn(wait)) => {
            tracing::warn!("invitation rate limit reached");
            let mut res = message_page(
                ctx,
                lang,
                StatusCode::TOO_MANY_REQUESTS,
                "portal-limit-title",
                "portal-limit-text",
                None,
            );
            res.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from(wait.as_secs().max(1)),
            );
            Err(PortalError::page(res))
        }
    }
}

/// The page for a secret that does not (or no longer) open the portal.
fn refused(ctx: &Ctx, lang: Lang, r: Refusal) -> PortalError {
    let (status, key) = match r {
        Refusal::Unknown => (StatusCode::NOT_FOUND, "unknown"),
        Refusal::Used => (StatusCode::GONE, "used"),
        Refusal::Expired => (StatusCode::GONE, "expired"),
        Refusal::Revoked => (StatusCode::GONE, "revoked"),
    };
    PortalError::page(message_page(
        ctx,
        lang,
        status,
        &format!("portal-refused-{key}-title"),
        &format!("portal-refused-{key}-text"),
        Some(("/anmelden", "portal-go-login")),
    ))
}

/// The 400 page for a form body that cannot be read.
fn bad_request(ctx: &Ctx, lang: Lang) -> PortalError {
    PortalError::page(message_page(
        ctx,
        lang,
        StatusCode::BAD_REQUEST,
        "portal-error-title",
        "portal-bad-request",
        None,
    ))
}

fn kind_of(code: &str) -> Option<InvitationKind> {
    match code {
        "link" => Some(InvitationKind::Email),
        "code" => Some(InvitationKind::Code),
        _ => None,
    }
}

fn kind_code(k: InvitationKind) -> &'static str {
    match k {
        InvitationKind::Email => "link",
        InvitationKind::Code => "code",
    }
}

/// The password form for an open invitation.
async fn password_page(
    state: &AppState,
    ctx: &Ctx,
    inv: &Invitation,
    secret: String,
    error_key: Option<&str>,
) -> Result<Response, PortalError> {
    // What the participant will log in with: the linked account's login, the login name of
    // the invitation, or the e-mail address.
    let (person, login) = portal::invited(&state.app, inv)
        .await
        .or_portal(ctx, ctx.portal_lang())?;
    // Employer contacts read plain German; participants their portal language.
    let (lang, greeting) = match &person {
        InvitedPerson::Participant(p) => {
            let lang = portal_lang(ctx, Some(p));
            let name = p.data.given_name.clone();
            (lang, lang.t_args("portal-path-hello", &[("name", name)]))
        }
        InvitedPerson::EmployerContact(c) => {
            let lang = Lang::De;
            (
                lang,
                lang.t_args("employer-hello", &[("name", c.name.clone())]),
            )
        }
        InvitedPerson::Mentor(m) => {
            let lang = Lang::De;
            let name = m.profile.name.clone();
            (lang, lang.t_args("employer-hello", &[("name", name)]))
        }
    };
    let (login_label, login) = match login {
        Some(LoginId::Email(e)) => (lang.t("portal-login-is-email"), e.to_string()),
        Some(LoginId::Name(n)) => (lang.t("portal-login-is-name"), n.to_string()),
        None => (String::new(), String::new()),
    };
    let page = PasswordPage {
        layout: PortalLayout::new(ctx, lang, "portal-password-title"),
        greeting,
        kind: kind_code(inv.kind),
        secret,
        login_label,
        login,
        error: error_key.map(|k| lang.t(k)),
    };
    let status = if page.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /einladung?code=…`: the link from the invitation e-mail.
pub async fn link(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    req: Request,
) -> Result<Response, PortalError> {
    let lang = ctx.portal_lang();
    limit(&state, &ctx, lang, ctx.client).await?;
    let secret = req
        .uri()
        .query()
        .and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "code")
                .map(|(_, v)| v.into_owned())
        })
        .unwrap_or_default();
    let inv = portal::invitation(&state.app, InvitationKind::Email, &secret)
        .await
        .or_portal(&ctx, lang)?
        .map_err(|r| refused(&ctx, lang, r))?;
    password_page(&state, &ctx, &inv, secret, None).await
}

/// `GET /code`: the form for the printed code.
pub async fn code_form(Extension(ctx): Extension<Ctx>) -> Response {
    let lang = ctx.portal_lang();
    render(&CodePage {
        layout: PortalLayout::new(&ctx, lang, "portal-code-title"),
        code: String::new(),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// `POST /code`: checks the code and shows the password form.
pub async fn code_submit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    req: Request,
) -> Result<Response, PortalError> {
    let lang = ctx.portal_lang();
    let ip = ctx.client;
    let Ok(Form(form)) = <Form<CodeForm> as FromRequest<()>>::from_request(req, &()).await else {
        return Err(bad_request(&ctx, lang));
    };
    limit(&state, &ctx, lang, ip).await?;
    let again = |key: &str| {
        let page = CodePage {
            layout: PortalLayout::new(&ctx, lang, "portal-code-title"),
            code: form.code.clone(),
            error: Some(lang.t(key)),
        };
        (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
    };
    let code = match OneTimeCode::parse(&form.code) {
        Ok(c) => c,
        Err(e) if e.code == "required" => return Ok(again("portal-code-error-required")),
        Err(_) => return Ok(again("portal-code-error-invalid")),
    };
    let found = portal::invitation(&state.app, InvitationKind::Code, code.normalized())
        .await
        .or_portal(&ctx, lang)?;
    match found {
        Ok(inv) => password_page(&state, &ctx, &inv, code.grouped(), None).await,
        // An unknown code is most likely mistyped: the form again, with the code kept.
        Err(Refusal::Unknown) => Ok(again("portal-code-error-unknown")),
        Err(r) => Err(refused(&ctx, lang, r)),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    secret: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_repeat: String,
}

/// `POST /einladung`: sets the password, logs the participant in, shows their path.
pub async fn set_password(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    jar: CookieJar,
    req: Request,
) -> Result<Response, PortalError> {
    let lang = ctx.portal_lang();
    let ip = ctx.client;
    let Ok(Form(form)) = <Form<PasswordForm> as FromRequest<()>>::from_request(req, &()).await
    else {
        return Err(bad_request(&ctx, lang));
    };
    limit(&state, &ctx, lang, ip).await?;
    let kind = kind_of(&form.kind).ok_or_else(|| refused(&ctx, lang, Refusal::Unknown))?;
    let inv = portal::invitation(&state.app, kind, &form.secret)
        .await
        .or_portal(&ctx, lang)?
        .map_err(|r| refused(&ctx, lang, r))?;
    let problem = if form.password.is_empty() {
        Some("portal-password-error-missing")
    } else if form.password != form.password_repeat {
        Some("portal-password-error-different")
    } else {
        None
    };
    if let Some(key) = problem {
        return password_page(&state, &ctx, &inv, form.secret.clone(), Some(key)).await;
    }
    let user = match portal::redeem(&state.app, kind, &form.secret, &form.password).await {
        Ok(Ok(u)) => u,
        Ok(Err(r)) => return Err(refused(&ctx, lang, r)),
        Err(AppError::Invalid(e)) => {
            let key = if e.iter().any(|e| e.code == "too_long") {
                "portal-password-error-long"
            } else {
                "portal-password-error-short"
            };
            return password_page(&state, &ctx, &inv, form.secret.clone(), Some(key)).await;
        }
        Err(e) => return Err(PortalError::app(&ctx, lang, e)),
    };
    // Whoever was logged in on this browser is logged out: it is the participant's now.
    let replacing = ctx.session_secret.as_deref();
    let opened = sessions::open(&state.app, &user, replacing, "after invitation", ip)
        .await
        .or_portal(&ctx, lang)?;
    let jar = jar.add(session_cookie(opened.secret, state.config.secure_cookies()));
    let home = match user.role {
        Role::Employer => "/betrieb",
        Role::Mentor => "/mentoring",
        _ => "/mein-weg",
    };
    Ok((jar, Redirect::to(home)).into_response())
}
