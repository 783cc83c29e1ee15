//! Who is asking, in which language, with which CSRF token: resolved once per request.
//!
//! Pages authenticate by the session cookie, the API only by `Authorization: Bearer` tokens
//! (so the API needs no CSRF token and a stolen page cannot call it with the user's cookie).

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use lernweg_app::sessions;
use lernweg_domain::Principal;
use lernweg_store::{LoginSession, User, secret};

use crate::AppState;
use crate::i18n::Lang;

pub const SESSION_COOKIE: &str = "lw_session";
/// Double-submit CSRF cookie for visitors without a session (the login form).
pub const CSRF_COOKIE: &str = "lw_csrf";
pub const LANG_COOKIE: &str = "lw_lang";

/// The request context that every handler and the access check read.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub user: Option<User>,
    /// The session's secret, when the user came by cookie (needed to log out).
    pub session_secret: Option<String>,
    /// The language of staff pages: German or English (see [`Lang::staff`]).
    pub lang: Lang,
    /// The language the visitor chose (cookie), in any of the six; `None` when they chose
    /// none. Participant pages use it, or the participant's preferred language.
    pub chosen_lang: Option<Lang>,
    /// The token state-changing forms must carry.
    pub csrf: String,
    pub is_api: bool,
    /// The path and query of this request, to come back to after a language switch.
    pub here: String,
    /// The client's address: the connection's peer, or from `X-Forwarded-For` when the
    /// peer is a trusted proxy (see [`crate::proxy`]).
    pub client: Option<IpAddr>,
}

impl Ctx {
    pub fn principal(&self) -> Option<Principal> {
        self.user.as_ref().map(|u| Principal {
            user_id: u.id,
            role: u.role,
            provider_id: u.provider_id,
        })
    }

    /// The language of participant pages (login, invitation, portal) when nothing else is
    /// known: the visitor's choice, else German.
    pub fn portal_lang(&self) -> Lang {
        self.chosen_lang.unwrap_or_default()
    }

    pub fn role(&self) -> Option<lernweg_domain::Role> {
        self.user.as_ref().map(|u| u.role)
    }

    /// The caller of a use-case: principal and actor; `None` for a visitor.
    pub fn caller(&self) -> Option<lernweg_app::Caller> {
        Some(lernweg_app::Caller::new(self.principal()?, self.actor()))
    }

    /// Who acts, for the audit log.
    pub fn actor(&self) -> lernweg_store::Actor {
        match &self.user {
            Some(u) => lernweg_store::Actor::user(u.id, u.login_id().to_string()),
            None => lernweg_store::Actor::system(),
        }
    }
}

pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Middleware: fills [`Ctx`] into the request extensions.
pub async fn resolve(
    State(state): State<AppState>,
    jar: CookieJar,
    mut req: Request,
    next: Next,
) -> Response {
    let is_api = is_api_path(req.uri().path());
    let chosen_lang = jar.get(LANG_COOKIE).and_then(|c| Lang::parse(c.value()));
    let lang = chosen_lang.unwrap_or_default().staff();
    let mut user = None;
    let mut session: Option<(String, LoginSession)> = None;
    if is_api {
        if let Some(token) = bearer(&req) {
            match sessions::token_user(&state.app, &token).await {
                Ok(u) => user = u,
                Err(e) => tracing::error!(error = %e, "token lookup failed"),
            }
        }
    } else if let Some(c) = jar.get(SESSION_COOKIE) {
        match sessions::session(&state.app, c.value()).await {
            Ok(Some(s)) => {
                user = Some(s.user.clone());
                session = Some((c.value().to_owned(), s));
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "session lookup failed"),
        }
    }
    let mut new_csrf_cookie = None;
    let csrf = match &session {
        Some((_, s)) => s.csrf_token.clone(),
        None => match jar.get(CSRF_COOKIE) {
            Some(c) if c.value().len() >= 32 => c.value().to_owned(),
            _ => {
                let t = secret::random_token();
                new_csrf_cookie = Some(t.clone());
                t
            }
        },
    };
    let here = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".to_owned());
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok());
    let client = crate::proxy::client_addr(peer, forwarded, &state.config.trusted_proxies);
    let ctx = Ctx {
        user,
        session_secret: session.map(|(s, _)| s),
        lang,
        chosen_lang,
        csrf,
        is_api,
        here,
        client,
    };
    req.extensions_mut().insert(ctx);
    let mut res = crate::error::localise_error_page(next.run(req).await, lang);
    if let (Some(token), false) = (new_csrf_cookie, is_api) {
        let cookie = Cookie::build((CSRF_COOKIE, token))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Strict)
            .secure(state.config.secure_cookies())
            .build();
        if let Ok(v) = HeaderValue::from_str(&cookie.to_string()) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

fn bearer(req: &Request) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// The session cookie for a fresh login.
pub fn session_cookie(secret_value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, secret_value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(time_hours(lernweg_store::SESSION_LIFETIME_HOURS))
        .build()
}

fn time_hours(h: i64) -> cookie::time::Duration {
    cookie::time::Duration::hours(h)
}

/// Compares a submitted CSRF token with the expected one in constant time.
pub fn csrf_matches(expected: &str, submitted: &str) -> bool {
    secret::secrets_equal(expected, submitted)
}
