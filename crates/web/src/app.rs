//! Building the application once, for `serve`, `demo` and the tests.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{Extensions, HeaderMap, HeaderName, StatusCode, Version, header};
use axum::middleware;
use lernweg_store::Store;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::ratelimit::{LoginLimiter, LoginLimits};
use crate::{context, csrf, error, routes, security};

/// Settings of the web layer.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// The address users reach Lernweg at, e.g. `https://lernweg.example.org`. When it is
    /// https, cookies are `Secure` and HSTS is sent.
    pub public_url: Option<String>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see [`crate::proxy`]);
    /// empty: the header is ignored.
    pub trusted_proxies: Vec<crate::proxy::TrustedProxy>,
    pub login_limits: LoginLimits,
    /// How invitation e-mails leave (SMTP relay or a directory of `.eml` files).
    pub mail: crate::portal::MailConfig,
}

impl WebConfig {
    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }

    /// The origin (`scheme://host[:port]`, lower case, without a default port) of the
    /// public URL, which the CSRF check compares a form's `Origin` with.
    pub fn public_origin(&self) -> Option<String> {
        self.public_url.as_deref().and_then(crate::csrf::origin_of)
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The use-cases (application layer) over the same store, with the clock.
    pub app: lernweg_app::App,
    pub config: Arc<WebConfig>,
    pub(crate) limiter: Arc<LoginLimiter>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        let limiter = Arc::new(LoginLimiter::new(&config.login_limits));
        // Audit entries of reads leave the request path (written once a second, and by
        // `Store::close` at the end).
        store.start_audit_flusher();
        AppState {
            app: lernweg_app::App::new(store.clone()),
            store,
            config: Arc::new(config),
            limiter,
        }
    }
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole application: routes, access checks, sessions, CSRF, security headers, tracing.
pub fn build_app(state: AppState) -> Router {
    build_app_with(state, Router::new())
}

/// Like [`build_app`], with `extra` routes inside all layers. Tests mount probes this way
/// (e.g. a handler that panics); the product mounts nothing extra.
pub fn build_app_with(state: AppState, extra: Router<AppState>) -> Router {
    let secure = state.config.secure_cookies();
    let router = routes::router(state.clone()).merge(extra.with_state(state.clone()));
    router
        .layer(middleware::from_fn_with_state(
            state.config.public_origin(),
            csrf::protect,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), context::resolve))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &axum::http::Request<_>| {
                            let id = req
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or("-");
                            tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                        })
                        .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(tower_http::LatencyUnit::Millis)),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(middleware::from_fn_with_state(secure, security::headers))
                .layer(CatchPanicLayer::custom(error::panic_response))
                .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
                .layer(middleware::from_fn(limit_body)),
        )
        .layer(middleware::from_fn(error::api_problems))
        .layer(compression())
}

/// gzip or Brotli, as the client accepts, for the text Lernweg sends: HTML, JSON, CSV,
/// iCalendar, CSS, XML and plain text. PDF and XLSX are compressed already; tower-http's
/// default predicate also leaves out tiny bodies, images and event streams.
fn compression() -> CompressionLayer<impl Predicate> {
    let textual = |_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions| {
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| {
                let t = t.to_ascii_lowercase();
                [
                    "text/",
                    "application/json",
                    "application/problem+json",
                    "application/ld+json",
                    "application/xml",
                    "application/atom+xml",
                    "image/svg+xml",
                ]
                .iter()
                .any(|p| t.starts_with(p))
            })
    };
    CompressionLayer::new()
        .gzip(true)
        .br(true)
        .compress_when(DefaultPredicate::new().and(textual))
}

/// Request bodies: 2 MiB, except the CSV upload routes, whose handlers read up to their own
/// file limit and drain the rest up to [`crate::imports::WIRE_LIMIT`] so that they can answer
/// an oversized file with a message instead of a dropped connection.
async fn limit_body(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = if crate::imports::takes_upload(req.method(), req.uri().path()) {
        crate::imports::WIRE_LIMIT
    } else {
        2 * 1024 * 1024
    };
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return (
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "length limit exceeded",
        )
            .into_response();
    }
    next.run(req.map(|b| axum::body::Body::new(http_body_util::Limited::new(b, limit))))
        .await
}

/// Serves the app on `addr` until Ctrl-C or SIGTERM.
pub async fn serve(
    state: AppState,
    addr: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr()?;
    on_ready(local);
    let app = build_app(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
