//! The outbox's edge (issue 13 point 8): notices are written in the recipient's language when
//! they are sent (`render`), the background sender hands them to the mail transport
//! (`deliver_due`), and staff see pending, sent and failed messages (`/api/v1/outbox`,
//! `/verwaltung/postausgang`). What is queued, for whom, is `lernweg_app::notices`.

pub(crate) mod api;
mod page;

use axum::routing::get;
use chrono::{DateTime, Utc};
use lernweg_domain::Email;
use lernweg_domain::access::COUNSELLING;
use lernweg_domain::outbox::{NoticeKind, OutboxStatus};
use lernweg_store::{OutboxMessage, StoreError};
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::AppState;
use crate::i18n::Lang;
use crate::portal::mail::{OutgoingMail, send};
use crate::routes::{Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page("GET", "/verwaltung/postausgang", COUNSELLING),
            get(page::show)
        ),
        documented(COUNSELLING, routes!(api::list)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(api::OutboxDto)))]
pub struct Doc;

/// Subject and body of a message in its language (German when the portal does not speak
/// it). Contact people of employers get the text that names their employees.
pub fn render(m: &OutboxMessage) -> (String, String) {
    let lang = Lang::parse(&m.lang).unwrap_or_default();
    let mut args: Vec<(&'static str, String)> = [
        "offer", "cohort", "title", "old_date", "old_time", "new_date", "new_time", "reason",
        "names", "employer", "link", "count",
    ]
    .into_iter()
    .map(|k| {
        let v = m.args.get(k).and_then(|v| v.as_str()).unwrap_or("");
        (
            k,
            if v.is_empty() {
                "–".to_owned()
            } else {
                v.to_owned()
            },
        )
    })
    .collect();
    if m.kind == NoticeKind::WarningDigest {
        args.push(("list", warning_list(lang, m)));
    }
    let kind = m.kind.code();
    let who = if m.args.contains_key("names") {
        "employer"
    } else {
        "person"
    };
    let subject = lang.t_args(&format!("notice-{kind}-subject"), &args);
    let body = lang.t_args(&format!("notice-{kind}-{who}"), &args);
    (subject, body)
}

/// The lines of a warning digest: person, what, since when, and the link to the person's page.
fn warning_list(lang: Lang, m: &OutboxMessage) -> String {
    let items = m.args.get("warnings").and_then(|v| v.as_array());
    items
        .into_iter()
        .flatten()
        .map(|w| {
            let text = |k: &str| w.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
            let since = chrono::NaiveDate::parse_from_str(&text("since"), "%Y-%m-%d")
                .map(|d| crate::pages::catalogue::date_text(lang, d))
                .unwrap_or_default();
            lang.t_args(
                "notice-warning_digest-item",
                &[
                    ("name", text("name")),
                    ("what", crate::warnings::kind_label(lang, &text("kind"))),
                    ("since", since),
                    ("link", text("link")),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What one round of the sender did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    /// Failed attempts that will be tried again.
    pub retried: usize,
    /// Messages given up after the last attempt.
    pub failed: usize,
}

/// Sends the messages due at `now` (at most 50 a round). Without a configured transport
/// nothing is claimed: the messages wait.
pub async fn deliver_due(state: &AppState, now: DateTime<Utc>) -> Result<Delivery, StoreError> {
    let mut done = Delivery::default();
    if !state.config.mail.is_configured() {
        return Ok(done);
    }
    let store = &state.app.store;
    let due = store
        .claim_due_notices(now, 50, chrono::Duration::minutes(5))
        .await?;
    for m in due {
        let (subject, body) = render(&m);
        let result = match Email::parse(&m.to_address) {
            Ok(to) => {
                let mail = OutgoingMail {
                    to,
                    to_name: m.to_name.clone(),
                    subject,
                    body,
                };
                send(&state.config.mail, state.config.public_url.as_deref(), mail)
                    .await
                    .map_err(|e| e.to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(()) => {
                store.mark_notice_sent(&m.id, now).await?;
                done.sent += 1;
            }
            Err(error) => {
                tracing::warn!(id = %m.id, %error, "sending a notice failed");
                match store.mark_notice_attempt_failed(&m, &error, now).await? {
                    OutboxStatus::Failed => done.failed += 1,
                    _ => done.retried += 1,
                }
            }
        }
    }
    Ok(done)
}
