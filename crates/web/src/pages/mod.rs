//! Server-rendered HTML pages. Every page works without JavaScript.

pub mod account;
pub mod admin;
pub mod audit;
pub mod catalogue;
pub mod cohorts;
pub mod home;
pub mod legal;
pub mod login;
mod next;
pub mod offers;
pub mod participants;

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use lernweg_domain::Role;
use serde::Deserialize;

use crate::AppState;
use crate::context::{Ctx, LANG_COOKIE};
use crate::i18n::Lang;
use crate::routes;

pub use next::safe_next;

/// A link in the main navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// What the base layout needs: language, CSRF token, the user, the navigation.
#[derive(Debug, Clone)]
pub struct Layout {
    pub lang: Lang,
    pub csrf: String,
    pub title: String,
    pub user_name: Option<String>,
    pub role_label: Option<String>,
    pub nav: Vec<NavItem>,
    /// The navigation section, to mark the current link.
    pub path: String,
    /// The page itself (path and query), to come back to after a language switch.
    pub here: String,
    /// Where the footer's legal links point: '' (the installation's texts) or
    /// `/traeger/{id}` (a provider's, for its staff and its offer pages).
    pub legal_base: String,
}

/// The navigation: each link is shown only to roles the route table allows.
const NAV: [(&str, &str); 14] = [
    ("/start", "nav-start"),
    ("/mein-weg", "nav-path"),
    ("/verwaltung/teilnehmende", "nav-participants"),
    ("/verwaltung/angebote", "nav-offers"),
    ("/verwaltung/durchgaenge", "nav-cohorts"),
    ("/verwaltung/anwesenheit", "nav-attendance"),
    ("/verwaltung/leihgeraete", "nav-loans"),
    ("/verwaltung/verweise", "nav-referrals"),
    ("/verwaltung/erfolgsfaktoren", "nav-success"),
    ("/team", "nav-team"),
    ("/admin/traeger", "nav-providers"),
    ("/admin/benutzer", "nav-users"),
    ("/admin/protokoll", "nav-audit"),
    ("/konto", "nav-account"),
];

impl Layout {
    pub fn new(ctx: &Ctx, path: &str, title_key: &str) -> Layout {
        let role = ctx.role();
        let nav = if role.is_some() {
            NAV.iter()
                .filter(|(href, _)| routes::may_get(href, role))
                .map(|(href, key)| NavItem {
                    href,
                    label: ctx.lang.t(key),
                    current: path.starts_with(href),
                })
                .collect()
        } else {
            Vec::new()
        };
        Layout {
            lang: ctx.lang,
            csrf: ctx.csrf.clone(),
            title: ctx.lang.t(title_key),
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            role_label: role.map(|r| role_label(ctx.lang, r)),
            nav,
            path: path.to_owned(),
            here: ctx.here.clone(),
            legal_base: legal::base(ctx.user.as_ref().and_then(|u| u.provider_id)),
        }
    }

    /// The footer's legal links point to `provider`'s texts (a page of the provider's).
    pub fn legal_provider(&mut self, provider: lernweg_domain::ProviderId) {
        self.legal_base = legal::base(Some(provider));
    }

    /// A layout without user or navigation, for error pages.
    pub fn bare(lang: Lang, title_key: &str) -> Layout {
        Layout {
            lang,
            csrf: String::new(),
            title: lang.t(title_key),
            user_name: None,
            role_label: None,
            nav: Vec::new(),
            path: String::new(),
            here: "/".to_owned(),
            legal_base: String::new(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t_args(key, &[(name, value.to_owned())])
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// The other language offered in the switcher.
    pub fn other_lang(&self) -> &'static str {
        match self.lang {
            Lang::En => "de",
            _ => "en",
        }
    }
}

pub fn role_label(lang: Lang, role: Role) -> String {
    lang.t(&format!("role-{}", role.as_str()))
}

/// Renders a template; a template error is ours, logged, and a 500.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Interner Fehler / internal error",
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub layout: Layout,
    pub message: String,
}

/// The page for a logged-in user whose role may not see this page.
pub fn forbidden(ctx: &Ctx) -> Response {
    crate::error::error_page(
        StatusCode::FORBIDDEN,
        Layout::new(ctx, "", "error-forbidden-title"),
        "error-forbidden",
    )
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
pub async fn health(State(state): State<AppState>) -> Response {
    if state.store.ping(std::time::Duration::from_secs(2)).await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: Option<String>,
    next: Option<String>,
}

/// `POST /sprache`: switches the UI language (a cookie) and returns to the page.
pub async fn language(jar: CookieJar, Form(form): Form<LanguageForm>) -> Response {
    let lang = form
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default();
    let cookie = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .same_site(SameSite::Lax)
        .http_only(true)
        .permanent()
        .build();
    (
        jar.add(cookie),
        Redirect::to(&safe_next(form.next.as_deref(), "/")),
    )
        .into_response()
}
