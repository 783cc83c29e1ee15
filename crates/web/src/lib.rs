//! Lernweg's web layer: server-rendered HTML pages, the JSON API under `/api/v1`, sessions,
//! CSRF protection, rate limits and the access check.
//!
//! Architecture invariant: this is the only crate that knows HTTP, cookies, sessions and JSON
//! DTOs. Handlers parse input into domain types, call the store, and render; they do not
//! decide access themselves beyond the tenant check (`Principal::can_access_provider`): the
//! route table in [`routes`] states each route's roles and one middleware enforces them.

pub mod api;
mod app;
pub mod assets;
mod attendance;
mod care;
mod context;
mod csrf;
mod employers;
pub mod error;
pub mod extract;
mod feeds;
pub mod i18n;
mod imports;
mod individual;
mod language;
mod list_search;
mod mentoring;
mod monitoring;
mod offers_view;
pub mod outbox;
mod pages;
pub mod paging;
mod pdf_download;
mod planning;
pub mod portal;
pub mod proxy;
mod public_catalogue;
mod ratelimit;
mod release;
pub mod routes;
mod security;
mod warnings;
pub(crate) mod work;

pub use app::{AppState, WebConfig, build_app, build_app_with, serve};
pub use context::{Ctx, SESSION_COOKIE};
pub use pages::catalogue::public_page_text;
pub use proxy::TrustedProxy;
pub use ratelimit::LoginLimits;
