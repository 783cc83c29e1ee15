//! The frame of every participant page: the six-language switch, right-to-left for Arabic,
//! only texts from `portal.ftl` (which exists in all six languages).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lernweg_domain::Role;

use lernweg_app::AppError;

use crate::context::Ctx;
use crate::i18n::Lang;
use crate::pages::render;

/// One entry of the language switch, named in its own language.
#[derive(Debug, Clone)]
pub struct LangChoice {
    pub code: &'static str,
    pub name: String,
    pub current: bool,
    pub rtl: bool,
}

/// What `portal_base.html` needs.
#[derive(Debug, Clone)]
pub struct PortalLayout {
    pub lang: Lang,
    pub csrf: String,
    pub title: String,
    /// The page itself (path and query), to come back to after a language switch.
    pub here: String,
    pub user_name: Option<String>,
    /// Participants get the link to their path in the header.
    pub participant: bool,
    /// Employer contacts get the link to `/betrieb`, and German only (no language switch).
    pub employer: bool,
    /// Mentors get the link to `/mentoring`, and German only.
    pub mentor: bool,
    /// The current page is the path (`/mein-weg`), for `aria-current`.
    pub on_path: bool,
    pub langs: Vec<LangChoice>,
    /// Where the footer's legal links point: the participant's provider's texts
    /// (`/traeger/{id}`), else the installation's ('').
    pub legal_base: String,
}

impl PortalLayout {
    pub fn new(ctx: &Ctx, lang: Lang, title_key: &str) -> PortalLayout {
        let mentor = ctx.role() == Some(Role::Mentor);
        let employer = ctx.role() == Some(Role::Employer);
        let lang = if employer || mentor { Lang::De } else { lang };
        PortalLayout {
            employer,
            mentor,
            lang,
            csrf: ctx.csrf.clone(),
            title: lang.t(title_key),
            here: ctx.here.clone(),
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            participant: ctx.role() == Some(Role::Participant),
            on_path: ctx.here == "/mein-weg",
            langs: Lang::ALL
                .iter()
                .filter(|_| !employer && !mentor)
                .map(|l| LangChoice {
                    code: l.code(),
                    name: l.t("portal-lang-name"),
                    current: *l == lang,
                    rtl: l.is_rtl(),
                })
                .collect(),
            legal_base: ctx
                .user
                .as_ref()
                .and_then(|u| u.provider_id)
                .map(|p| format!("/traeger/{p}"))
                .unwrap_or_default(),
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t_args(key, &[(name, value.to_owned())])
    }

    /// [`Lang::t_isolated`] with one argument: HTML with the value in `<bdi>` (for `|safe`).
    pub fn t1_bdi(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t_isolated(key, &[(name, value.to_owned())])
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn rtl(&self) -> bool {
        self.lang.is_rtl()
    }

    /// Where the brand link leads: the path for participants, else the start.
    pub fn home(&self) -> &'static str {
        if self.participant {
            "/mein-weg"
        } else if self.employer {
            "/betrieb"
        } else if self.mentor {
            "/mentoring"
        } else {
            "/"
        }
    }
}

#[derive(Template)]
#[template(path = "portal_message.html")]
pub struct MessagePage {
    pub layout: PortalLayout,
    pub message: String,
    /// A link to go on with: (href, label).
    pub next: Option<(String, String)>,
}

/// A short page with a heading and one message, in the portal language: a used link, a
/// missing page, a refused request. Never a 500 for a participant's mistake.
pub fn message_page(
    ctx: &Ctx,
    lang: Lang,
    status: StatusCode,
    title_key: &str,
    text_key: &str,
    next: Option<(&str, &str)>,
) -> Response {
    let page = MessagePage {
        layout: PortalLayout::new(ctx, lang, title_key),
        message: lang.t(text_key),
        next: next.map(|(href, key)| (href.to_owned(), lang.t(key))),
    };
    (status, render(&page)).into_response()
}

/// The 404 of participant pages: another participant's record looks exactly like none.
pub fn not_found(ctx: &Ctx, lang: Lang) -> Response {
    message_page(
        ctx,
        lang,
        StatusCode::NOT_FOUND,
        "portal-not-found-title",
        "portal-not-found-text",
        Some(("/mein-weg", "portal-back-to-path")),
    )
}

/// Our own failure, logged with its chain of sources (the database's own message): a 500
/// page in the portal language. Never a "not found".
pub fn internal(ctx: &Ctx, lang: Lang, e: &dyn std::error::Error) -> Response {
    let mut chain = String::new();
    let mut source = e.source();
    while let Some(s) = source {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        source = s.source();
    }
    tracing::error!(error = %e, source = %chain, "portal page failed");
    message_page(
        ctx,
        lang,
        StatusCode::INTERNAL_SERVER_ERROR,
        "portal-error-title",
        "portal-error-text",
        None,
    )
}

/// The error of participant pages, already rendered in the participant's language: portal
/// handlers return `Result<Response, PortalError>` and use `?` (through [`OrPortal`]) the way
/// staff pages use `PageError`; what a staff page says in German a participant reads in
/// their own language.
#[derive(Debug)]
pub struct PortalError(Box<Response>);

impl PortalError {
    /// Any page as the answer (a refused invitation, the rate limit, a missing record).
    pub fn page(res: Response) -> PortalError {
        PortalError(Box::new(res))
    }

    /// A use-case error as a page: an unknown or someone else's record is a 404 (they look
    /// the same), anything else is our own failure, logged with its source, never a 404.
    pub fn app(ctx: &Ctx, lang: Lang, e: AppError) -> PortalError {
        match e {
            AppError::NotFound | AppError::Forbidden => PortalError::page(not_found(ctx, lang)),
            e => PortalError::page(internal(ctx, lang, &e)),
        }
    }
}

impl IntoResponse for PortalError {
    fn into_response(self) -> Response {
        *self.0
    }
}

/// `result.or_portal(&ctx, lang)?` in portal handlers.
pub trait OrPortal<T> {
    fn or_portal(self, ctx: &Ctx, lang: Lang) -> Result<T, PortalError>;
}

impl<T> OrPortal<T> for Result<T, AppError> {
    fn or_portal(self, ctx: &Ctx, lang: Lang) -> Result<T, PortalError> {
        self.map_err(|e| PortalError::app(ctx, lang, e))
    }
}
