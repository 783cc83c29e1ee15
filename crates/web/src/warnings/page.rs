//! `GET /verwaltung/fruehwarnungen`: the caller's open warnings and those handled in the last
//! 30 days with their notes; `POST /verwaltung/fruehwarnungen/erledigt`: marks one as handled
//! (fields `participant_id`, `kind`, `subject`, `note`, and `back`: `liste` for this page,
//! else the start page) and goes back there (303), or shows the page again with the reason
//! (422). Without JavaScript.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::warnings;
use lernweg_domain::ParticipantId;

use super::{WarningRow, kind_label, rows};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::catalogue::date_text;
use crate::pages::offers::caller;
use crate::pages::{Layout, render};

/// A warning handled, as a row.
pub struct HandledRow {
    pub participant_id: String,
    pub name: String,
    pub label: String,
    pub subject: String,
    pub note: String,
    pub handled_by: String,
    pub handled_on: String,
}

#[derive(Template)]
#[template(path = "warnings.html")]
pub struct WarningsPage {
    pub layout: Layout,
    pub warnings: Vec<WarningRow>,
    pub warning_error: Option<String>,
    /// Where the form leads back to (`liste` or `start`).
    pub warnings_back: &'static str,
    pub handled: Vec<HandledRow>,
}

async fn page(state: &AppState, ctx: &Ctx, error: Option<String>) -> Result<Response, PageError> {
    let caller = caller(ctx)?;
    let lang = ctx.lang;
    let open = warnings::for_contact_person(&state.app, &caller, "page: early warnings").await?;
    let handled = warnings::handled(&state.app, &caller, "page: early warnings").await?;
    let failed = error.is_some();
    let mut r = render(&WarningsPage {
        layout: Layout::new(ctx, "/verwaltung/fruehwarnungen", "warnings-title"),
        warnings: rows(lang, &open),
        warning_error: error,
        warnings_back: "liste",
        handled: handled
            .into_iter()
            .map(|h| HandledRow {
                participant_id: h.participant_id.to_string(),
                name: h.name,
                label: kind_label(lang, h.kind.code()),
                subject: h.subject,
                note: h.note,
                handled_by: h.handled_by.unwrap_or_default(),
                handled_on: date_text(
                    lang,
                    h.handled_at
                        .with_timezone(&chrono_tz::Europe::Berlin)
                        .date_naive(),
                ),
            })
            .collect(),
    });
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /verwaltung/fruehwarnungen`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    page(&state, &ctx, None).await
}

/// The German (or English) reason a mark was refused.
fn refusal(lang: Lang, errors: &[lernweg_domain::ParseError]) -> String {
    let key = match errors.first() {
        Some(e) if e.field == "note" && e.code == "too_long" => "warnings-error-note-long",
        Some(e) if e.field == "note" => "warnings-error-note",
        _ => "warnings-error-invalid",
    };
    lang.t(key)
}

/// `POST /verwaltung/fruehwarnungen/erledigt`.
pub async fn handle(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let get = |k: &str| {
        fields
            .iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let back_to_list = get("back") == "liste";
    let participant =
        ParticipantId::parse(get("participant_id").trim()).map_err(|_| PageError::NotFound)?;
    let done = warnings::handle(
        &state.app,
        &caller,
        participant,
        get("kind"),
        get("subject"),
        get("note"),
    )
    .await;
    match done {
        // Marked now, or marked already (a form sent twice).
        Ok(()) | Err(AppError::Conflict(_)) => Ok(Redirect::to(if back_to_list {
            "/verwaltung/fruehwarnungen"
        } else {
            "/start"
        })
        .into_response()),
        Err(AppError::Invalid(errors)) => {
            let reason = refusal(ctx.lang, &errors);
            if back_to_list {
                page(&state, &ctx, Some(reason)).await
            } else {
                crate::pages::home::start_page(&state, &ctx, Some(reason)).await
            }
        }
        Err(e) => Err(e.into()),
    }
}
