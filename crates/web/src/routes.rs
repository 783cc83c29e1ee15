//! The route table: every route with its method, path, kind and the roles it allows.
//!
//! This is the one place that says who may call what. [`router`] builds the axum router from
//! it and wraps every route in the access check; the authorization test walks it with every
//! role. Handlers still check tenancy (a record of another provider answers 404).

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodRouter, get, post};
use std::sync::LazyLock;

use axum::{Extension, Router};
use lernweg_domain::access::{ADMIN, MANAGERS, STAFF};
use lernweg_domain::{Access, Role};

use utoipa::openapi::RefOr;
use utoipa::openapi::path::Paths;
use utoipa::openapi::schema::Schema;
use utoipa_axum::router::UtoipaMethodRouter;
use utoipa_axum::routes;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// One route: its contract, its handler and, for API routes, its part of the OpenAPI
/// document. API routes are declared once, with [`documented`] over utoipa-axum's
/// [`routes!`](utoipa_axum::routes): method and path come from the handler's
/// `#[utoipa::path]`, so the route table and the document cannot disagree.
pub struct Route {
    pub spec: RouteSpec,
    pub handler: MethodRouter<AppState>,
    /// The OpenAPI paths and schemas of an API route.
    pub doc: Option<RouteDoc>,
}

/// An API route's part of the OpenAPI document: its path item and the schemas it uses.
pub type RouteDoc = (Paths, Vec<(String, RefOr<Schema>)>);

impl Route {
    /// The same route with its handler changed (e.g. a layer added).
    pub fn map_handler(
        mut self,
        f: impl FnOnce(MethodRouter<AppState>) -> MethodRouter<AppState>,
    ) -> Route {
        self.handler = f(self.handler);
        self
    }
}

/// A list of routes of either kind: `(page(…), get(handler))` or `documented(…)`.
#[macro_export]
macro_rules! route_table {
    ($($route:expr),* $(,)?) => {
        vec![$($crate::routes::Route::from($route)),*]
    };
}
pub use route_table;

impl From<(RouteSpec, MethodRouter<AppState>)> for Route {
    fn from((spec, handler): (RouteSpec, MethodRouter<AppState>)) -> Self {
        Route {
            spec,
            handler,
            doc: None,
        }
    }
}

/// An API route declared once: `documented(MANAGERS, routes!(handler))`. The handler's
/// `#[utoipa::path]` gives the method and the path.
///
/// # Panics
/// When the handler documents not exactly one method on one path: a programming error that
/// every test run finds at start.
pub fn documented(
    access: Access,
    (schemas, paths, handler): UtoipaMethodRouter<AppState>,
) -> Route {
    let mut entries = paths.paths.iter();
    let (path, item) = match (entries.next(), entries.next()) {
        (Some(one), None) => one,
        _ => panic!("an API route documents exactly one path"),
    };
    let methods: Vec<&'static str> = [
        ("GET", item.get.is_some()),
        ("POST", item.post.is_some()),
        ("PUT", item.put.is_some()),
        ("PATCH", item.patch.is_some()),
        ("DELETE", item.delete.is_some()),
    ]
    .into_iter()
    .filter_map(|(m, present)| present.then_some(m))
    .collect();
    let [method] = methods[..] else {
        panic!("{path}: an API route documents exactly one method");
    };
    // Interned once per route: the table is built once at start (and once per test app).
    let path: &'static str = Box::leak(path.clone().into_boxed_str());
    Route {
        spec: api(method, path, access),
        handler,
        doc: Some((paths, schemas)),
    }
}

pub const PUBLIC: Access = Access::Public;
pub const ANY_USER: Access = Access::Authenticated;

/// Every route of the application with its handler: the core routes below, then each
/// area's own list (offers, cohorts, public catalogue, exports, feeds).
pub fn table() -> Vec<Route> {
    let mut all = core();
    all.extend(pages::offers::routes());
    all.extend(pages::cohorts::routes());
    all.extend(pages::catalogue::routes());
    all.extend(pages::legal::routes());
    all.extend(api::offers::routes());
    all.extend(api::cohorts::routes());
    all.extend(api::sessions::routes());
    all.extend(api::exports::routes());
    all.extend(crate::feeds::routes());
    all.extend(pages::participants::routes());
    all.extend(api::participants::routes());
    all.extend(crate::care::routes());
    all.extend(crate::employers::routes());
    all.extend(crate::mentoring::routes());
    all.extend(crate::language::routes());
    all.extend(crate::monitoring::routes());
    all.extend(crate::release::routes());
    all.extend(crate::planning::routes());
    all.extend(crate::warnings::routes());
    all.extend(crate::individual::routes());
    all.extend(crate::outbox::routes());
    all.extend(crate::portal::routes());
    all.extend(crate::attendance::routes());
    all.extend(crate::imports::routes());
    all.extend(crate::work::routes());
    all
}

/// Foundation routes: login, account, administration, API basics.
fn core() -> Vec<Route> {
    route_table![
        // Pages
        (page("GET", "/", PUBLIC), get(pages::home::root)),
        (page("GET", "/healthz", PUBLIC), get(pages::health)),
        (
            page("GET", "/static/{asset}", PUBLIC),
            get(crate::assets::serve),
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
            get(pages::audit::audit),
        ),
        // API
        documented(PUBLIC, routes!(api::openapi_json)),
        documented(PUBLIC, routes!(api::public::status)),
        documented(ANY_USER, routes!(api::me::me)),
        documented(STAFF, routes!(api::providers::list)),
        documented(ADMIN, routes!(api::providers::create)),
        documented(STAFF, routes!(api::providers::show)),
        documented(ADMIN, routes!(api::providers::update)),
        documented(MANAGERS, routes!(api::users::list)),
        documented(ADMIN, routes!(api::users::create)),
        documented(MANAGERS, routes!(api::users::show)),
        documented(ADMIN, routes!(api::users::update)),
        documented(ANY_USER, routes!(api::tokens::list)),
        documented(ANY_USER, routes!(api::tokens::create)),
        documented(ANY_USER, routes!(api::tokens::revoke)),
        documented(ADMIN, routes!(api::audit::list)),
    ]
}

/// The contracts alone, for tests, navigation and documentation; built once.
pub fn specs() -> &'static [RouteSpec] {
    static SPECS: LazyLock<Vec<RouteSpec>> =
        LazyLock::new(|| table().into_iter().map(|r| r.spec).collect());
    &SPECS
}

/// The OpenAPI document of every API route, from the same table; built once. The errors
/// the table implies (401, 403, …) are added by [`api::doc::complete`].
pub fn openapi() -> &'static utoipa::openapi::OpenApi {
    static DOC: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(|| {
        let mut doc = api::document();
        let (specs, docs): (Vec<_>, Vec<_>) = table().into_iter().map(|r| (r.spec, r.doc)).unzip();
        for (paths, schemas) in docs.into_iter().flatten() {
            for (path, item) in paths.paths {
                match doc.paths.paths.get_mut(&path) {
                    Some(it) => it.merge_operations(item),
                    None => {
                        doc.paths.paths.insert(path, item);
                    }
                }
            }
            let components = doc.components.get_or_insert_with(Default::default);
            for (name, schema) in schemas {
                let same = |known: &RefOr<Schema>| {
                    serde_json::to_value(known).ok() == serde_json::to_value(&schema).ok()
                };
                if let Some(known) = components.schemas.get(&name) {
                    // Two DTOs under one schema name would document one of them wrongly.
                    assert!(same(known), "two different schemas are named {name}");
                }
                components.schemas.insert(name, schema);
            }
        }
        api::doc::complete(&mut doc, &specs);
        doc
    });
    &DOC
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
    for Route { spec, handler, .. } in table() {
        let guarded = handler.route_layer(middleware::from_fn_with_state(
            (spec, state.clone()),
            check_access,
        ));
        router = router.route(spec.path, guarded);
    }
    router.fallback(not_found).with_state(state)
}

/// The access check in front of every handler. A logged-in caller refused for their role
/// leaves an `access_denied` entry in the audit log.
async fn check_access(
    State((spec, state)): State<(RouteSpec, AppState)>,
    Extension(ctx): Extension<Ctx>,
    req: Request,
    next: Next,
) -> Response {
    let role = ctx.role();
    if spec.access.permits(role) {
        return next.run(req).await;
    }
    if let Some(caller) = ctx.caller() {
        let what = format!("{} {}", req.method(), req.uri().path());
        lernweg_app::refusals::record(
            &state.app,
            &caller.actor,
            &caller.principal,
            lernweg_store::AuditEntity::Route,
            what,
            format!("role {}", caller.principal.role.as_str()),
        )
        .await;
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
