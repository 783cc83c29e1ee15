//! The frame of every participant page: the six-language switch, right-to-left for Arabic,
//! only texts from `portal.ftl` (which exists in all six languages).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lernweg_domain::Role;

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
    /// The current page is the path (`/mein-weg`), for `aria-current`.
    pub on_path: bool,
    pub langs: Vec<LangChoice>,
}

impl PortalLayout {
    pub fn new(ctx: &Ctx, lang: Lang, title_key: &str) -> PortalLayout {
        PortalLayout {
            lang,
            csrf: ctx.csrf.clone(),
            title: lang.t(title_key),
            here: ctx.here.clone(),
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            participant: ctx.role() == Some(Role::Participant),
            on_path: ctx.here == "/mein-weg",
            langs: Lang::ALL
                .iter()
                .map(|l| LangChoice {
                    code: l.code(),
                    name: l.t("portal-lang-name"),
                    current: *l == lang,
                    rtl: l.is_rtl(),
                })
                .collect(),
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
        if self.participant { "/mein-weg" } else { "/" }
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
