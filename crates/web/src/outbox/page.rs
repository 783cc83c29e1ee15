//! `/verwaltung/postausgang`: the notices with their state, failed ones first to see.

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;

use super::api::{OutboxQuery, status_of};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::pages::offers::caller;
use crate::pages::{Layout, render};

pub struct Row {
    pub created: String,
    pub to: String,
    pub subject: String,
    pub status: String,
    pub status_code: &'static str,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage {
    layout: Layout,
    rows: Vec<Row>,
    status: String,
    statuses: Vec<(&'static str, String)>,
}

/// `GET /verwaltung/postausgang` (`?status=`).
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<OutboxQuery>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let status = status_of(&q.status).unwrap_or(None);
    let limit = lernweg_domain::Limit::MAX;
    let list =
        lernweg_app::notices::outbox(&state.app, &caller(&ctx)?, status, None, limit).await?;
    let zone = &chrono_tz::Europe::Berlin;
    let rows = list
        .items
        .iter()
        .map(|m| {
            let (subject, _) = super::render(m);
            Row {
                created: m
                    .created_at
                    .with_timezone(zone)
                    .format("%d.%m.%Y %H:%M")
                    .to_string(),
                to: format!("{} <{}>", m.to_name, m.to_address),
                subject,
                status: lang.t(&format!("outbox-status-{}", m.status.code())),
                status_code: m.status.code(),
                detail: match m.status.code() {
                    "sent" => m
                        .sent_at
                        .map(|t| t.with_timezone(zone).format("%d.%m.%Y %H:%M").to_string())
                        .unwrap_or_default(),
                    _ if m.attempts == 0 => String::new(),
                    _ => lang.t_args(
                        "outbox-attempts",
                        &[
                            ("attempts", m.attempts.to_string()),
                            ("error", m.last_error.clone()),
                        ],
                    ),
                },
            }
        })
        .collect();
    let statuses = lernweg_domain::outbox::OutboxStatus::ALL
        .into_iter()
        .map(|s| (s.code(), lang.t(&format!("outbox-status-{}", s.code()))))
        .collect();
    Ok(render(&OutboxPage {
        layout: Layout::new(&ctx, "/verwaltung/postausgang", "outbox-title"),
        rows,
        status: status.map(|s| s.code().to_owned()).unwrap_or_default(),
        statuses,
    }))
}
