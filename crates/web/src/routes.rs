//! The route table: every route with its method, path, kind and the roles it allows.
//!
//! This is the one place that says who may call what. [`router`] builds the axum router from
//! it and wraps every route in the access check; the authorization test walks it with every
//! role. Handlers still check tenancy (a record of another provider answers 404).

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, delete, get, patch, post};
use axum::{Extension, Router};
use lernweg_domain::access::{ADMIN, MANAGERS, STAFF};
use lernweg_domain::{Access, Role};

use crate::context::Ctx;
use crate::error::{ApiError, PageError};
use crate::{AppState, api, pages};

/// Whether a route serves HTML or JSON; decides how a denial looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Api,
}

/// A route's contract.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub kind: Kind,
    pub access: Access,
}

pub const fn page(method: &'static str, path: &'static str, access: Access) -> RouteSpec {
    RouteSpec {
        method,
        path,
        kind: Kind::Page,
        access,
    }
}

pub const fn api(method: &'static str, path: &'static str, access: Access) -> RouteSpec {
    RouteSpec {
        method,
        path,
        kind: Kind::Api,
        access,
    }
}

pub const PUBLIC: Access = Access::Public;
pub const ANY_USER: Access = Access::Authenticated;

/// Every route of the application with its handler: the core routes below, then each
/// area's own list (offers, cohorts, public catalogue, exports, feeds).
pub fn table() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    let mut all = core();
    all.extend(pages::offers::routes());
    all.extend(pages::cohorts::routes());
    all.extend(pages::catalogue::routes());
    all.extend(api::offers::routes());
    all.extend(api::cohorts::routes());
    all.extend(api::exports::routes());
    all.extend(crate::feeds::routes());
    all.extend(pages::participants::routes());
    all.extend(api::participants::routes());
    all.extend(crate::care::routes());
    all.extend(crate::portal::routes());
    all.extend(crate::attendance::routes());
    all.extend(crate::imports::routes());
    all.extend(crate::work::routes());
    all
}

/// Foundation routes: login, account, administration, API basics.
fn core() -> Vec<(RouteSpec, MethodRouter<AppState>)> {
    vec![
        // Pages
        (page("GET", "/", PUBLIC), get(pages::home::root)),
        (page("GET", "/healthz", PUBLIC), get(pages::health)),
        (
            page("GET", "/static/app.css", PUBLIC),
            get(pages::stylesheet),
        ),
        (page("GET", "/anmelden", PUBLIC), get(pages::login::form)),
        (
            page("POST", "/anmelden", PUBLIC),
            post(pages::login::submit),
        ),
        (
            page("POST", "/abmelden", ANY_USER),
            post(pages::login::logout),
        ),
        (page("POST", "/sprache", PUBLIC), post(pages::language)),
        (page("GET", "/start", STAFF), get(pages::home::dashboard)),
        (page("GET", "/team", STAFF), get(pages::home::team)),
        (page("GET", "/konto", ANY_USER), get(pages::account::show)),
        (
            page("POST", "/konto/tokens", ANY_USER),
            post(pages::account::create_token),
        ),
        (
            page("POST", "/konto/tokens/{id}/widerrufen", ANY_USER),
            post(pages::account::revoke_token),
        ),
        (
            page("GET", "/admin/traeger", ADMIN),
            get(pages::admin::providers),
        ),
        (
            page("POST", "/admin/traeger", ADMIN),
            post(pages::admin::create_provider),
        ),
        (
            page("GET", "/admin/traeger/{id}", ADMIN),
            get(pages::admin::provider),
        ),
        (
            page("POST", "/admin/traeger/{id}", ADMIN),
            post(pages::admin::update_provider),
        ),
        (
            page("GET", "/admin/benutzer", ADMIN),
            get(pages::admin::users),
        ),
        (
            page("POST", "/admin/benutzer", ADMIN),
            post(pages::admin::create_user),
        ),
        (
            page("GET", "/admin/benutzer/{id}", ADMIN),
            get(pages::admin::user),
        ),
        (
            page("POST", "/admin/benutzer/{id}", ADMIN),
            post(pages::admin::update_user),
        ),
        (
            page("GET", "/admin/protokoll", ADMIN),
            get(pages::admin::audit),
        ),
        // API
        (
            api("GET", "/api/v1/openapi.json", PUBLIC),
            get(api::openapi_json),
        ),
        (
            api("GET", "/api/v1/public/status", PUBLIC),
            get(api::public::status),
        ),
        (api("GET", "/api/v1/me", ANY_USER), get(api::me::me)),
        (
            api("GET", "/api/v1/providers", STAFF),
            get(api::providers::list),
        ),
        (
            api("POST", "/api/v1/providers", ADMIN),
            post(api::providers::create),
        ),
        (
            api("GET", "/api/v1/providers/{id}", STAFF),
            get(api::providers::show),
        ),
        (
            api("PATCH", "/api/v1/providers/{id}", ADMIN),
            patch(api::providers::update),
        ),
        (api("GET", "/api/v1/users", MANAGERS), get(api::users::list)),
        (
            api("POST", "/api/v1/users", ADMIN),
            post(api::users::create),
        ),
        (
            api("GET", "/api/v1/users/{id}", MANAGERS),
            get(api::users::show),
        ),
        (
            api("PATCH", "/api/v1/users/{id}", ADMIN),
            patch(api::users::update),
        ),
        (
            api("GET", "/api/v1/tokens", ANY_USER),
            get(api::tokens::list),
        ),
        (
            api("POST", "/api/v1/tokens", ANY_USER),
            post(api::tokens::create),
        ),
        (
            api("DELETE", "/api/v1/tokens/{id}", ANY_USER),
            delete(api::tokens::revoke),
        ),
        (api("GET", "/api/v1/audit", ADMIN), get(api::audit::list)),
    ]
}

/// The contracts alone, for tests, navigation and documentation.
pub fn specs() -> Vec<RouteSpec> {
    table().into_iter().map(|(s, _)| s).collect()
}

/// Whether `role` may call `GET path` (used to show only permitted links).
pub fn may_get(path: &str, role: Option<Role>) -> bool {
    specs()
        .iter()
        .any(|s| s.method == "GET" && s.path == path && s.access.permits(role))
}

/// Builds the router: every route wrapped in its access check, plus the 404 fallback.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    for (spec, handler) in table() {
        let guarded = handler.route_layer(middleware::from_fn_with_state(spec, check_access));
        router = router.route(spec.path, guarded);
    }
    router.fallback(not_found).with_state(state)
}

/// The access check in front of every handler.
async fn check_access(
    State(spec): State<RouteSpec>,
    Extension(ctx): Extension<Ctx>,
    req: Request,
    next: Next,
) -> Response {
    let role = ctx.role();
    if spec.access.permits(role) {
        return next.run(req).await;
    }
    match (spec.kind, role) {
        (Kind::Api, None) => ApiError::Unauthorized.into_response(),
        (Kind::Api, Some(_)) => ApiError::Forbidden.into_response(),
        (Kind::Page, None) => {
            let target = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            let next = form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>();
            Redirect::to(&format!("/anmelden?next={next}")).into_response()
        }
        (Kind::Page, Some(_)) => pages::forbidden(&ctx),
    }
}

async fn not_found(Extension(ctx): Extension<Ctx>, req: Request) -> Response {
    if ctx.is_api {
        // Anonymous callers learn nothing about which API routes exist.
        let public = req.uri().path().starts_with("/api/v1/public/");
        if ctx.user.is_none() && !public {
            return ApiError::Unauthorized.into_response();
        }
        ApiError::NotFound.into_response()
    } else {
        PageError::NotFound.into_response()
    }
}
