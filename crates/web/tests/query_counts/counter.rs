//! Counts the SQL statements each request runs: sqlx reports every statement as a tracing
//! event (target `sqlx::query`) inside the span of the request that ran it, and the app names
//! that span with the request's `x-request-id`. A request sent with its own id is counted on
//! its own, whatever else runs at the same time (other tests, background work). The set-up
//! statements of a connection the pool happens to open meanwhile are not counted.
//! `LERNWEG_COUNT_DEBUG=1` (with `--nocapture`) prints every counted statement.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

static COUNTS: OnceLock<Mutex<HashMap<String, usize>>> = OnceLock::new();
static NEXT: AtomicU64 = AtomicU64::new(1);

fn counts() -> &'static Mutex<HashMap<String, usize>> {
    COUNTS.get_or_init(|| {
        let subscriber = tracing_subscriber::registry().with(CountLayer);
        tracing::subscriber::set_global_default(subscriber).expect("one subscriber per binary");
        Mutex::new(HashMap::new())
    })
}

/// Installs the counter (once per test binary).
pub fn install() {
    counts();
}

/// A fresh request id to send as `x-request-id`.
pub fn new_request_id() -> String {
    format!("count-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The statements counted for `request_id` so far.
pub fn statements(request_id: &str) -> usize {
    counts()
        .lock()
        .unwrap()
        .get(request_id)
        .copied()
        .unwrap_or(0)
}

/// `GET url` with `client` under its own request id: the status and the number of SQL
/// statements the server ran for it.
pub async fn get(client: &reqwest::Client, url: &str) -> (u16, usize) {
    get_with(client.get(url)).await
}

/// Sends `request` under its own request id: the status and the statements it needed.
pub async fn get_with(request: reqwest::RequestBuilder) -> (u16, usize) {
    install();
    let id = new_request_id();
    let resp = request.header("x-request-id", &id).send().await.unwrap();
    let status = resp.status().as_u16();
    // The body is read to the end, so that everything the handler ran is counted.
    let _ = resp.bytes().await.unwrap();
    (status, statements(&id))
}

struct RequestId(String);

struct IdVisitor(Option<String>);

impl Visit for IdVisitor {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "request_id" {
            self.0 = Some(format!("{value:?}"));
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "request_id" {
            self.0 = Some(value.to_owned());
        }
    }
}

/// The statement of an sqlx event (printed with `LERNWEG_COUNT_DEBUG=1`, to see what a
/// request ran).
struct SummaryVisitor(String);

impl Visit for SummaryVisitor {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "db.statement" || field.name() == "summary" {
            self.0.push_str(&format!("{value:?} "));
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "db.statement" || field.name() == "summary" {
            self.0.push_str(value);
            self.0.push(' ');
        }
    }
}

struct CountLayer;

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for CountLayer {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut v = IdVisitor(None);
        attrs.record(&mut v);
        if let (Some(req), Some(span)) = (v.0, ctx.span(id)) {
            span.extensions_mut().insert(RequestId(req));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let Some(scope) = ctx.event_scope(event) else {
            return;
        };
        for span in scope {
            if let Some(RequestId(req)) = span.extensions().get::<RequestId>() {
                let mut v = SummaryVisitor(String::new());
                event.record(&mut v);
                // A connection the pool opens while serving the request runs its set-up
                // (SQLite's PRAGMAs): the pool's work, not the request's.
                if v.0.trim_start().to_ascii_uppercase().starts_with("PRAGMA") {
                    return;
                }
                if std::env::var_os("LERNWEG_COUNT_DEBUG").is_some() {
                    eprintln!("[{req}] {}", v.0);
                }
                *counts().lock().unwrap().entry(req.clone()).or_default() += 1;
                return;
            }
        }
    }
}
