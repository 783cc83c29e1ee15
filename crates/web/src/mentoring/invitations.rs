//! Mentors' access from the staff page: a printed one-time code (a sheet in plain German) or
//! an e-mail link; a mail that cannot be sent revokes its invitation at once.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use lernweg_app::{Caller, mentoring};
use lernweg_domain::MentorId;
use lernweg_store::InvitationKind;

use super::pages::{Forms, PATH, page};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::offers::caller;
use crate::pages::{Layout, render};
use crate::portal::date;
use crate::portal::mail::{MailError, OutgoingMail, send};
use crate::public_catalogue::base_url;

#[derive(Template)]
#[template(path = "mentoring_code_sheet.html")]
pub struct CodeSheet {
    pub layout: Layout,
    pub hello: String,
    pub address: String,
    pub code: String,
    pub login: String,
    pub valid: String,
}

/// `POST /verwaltung/mentoring/mentoren/{id}/code`: a printable sheet with a new one-time
/// code for the mentor (plain German); their older open codes stop working.
pub async fn invite_code(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<MentorId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (mentor, issued) = mentoring::invite(&state.app, &caller, id, InvitationKind::Code).await?;
    let de = Lang::De;
    let page = CodeSheet {
        layout: Layout::new(&ctx, PATH, "mentoring-sheet-title"),
        hello: de.t_args("employer-hello", &[("name", mentor.profile.name.clone())]),
        address: format!("{}/code", base_url(&state, &headers)),
        code: issued.secret.clone(),
        login: issued.login.to_string(),
        valid: de.t_args(
            "portal-sheet-valid",
            &[("date", date(issued.invitation.expires_at.date_naive()))],
        ),
    };
    Ok(render(&page))
}

/// The staff page with one message (a mail that could not be sent) and `status`.
async fn with_message(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    status: StatusCode,
    key: &str,
) -> Result<Response, PageError> {
    let errors = vec![ctx.lang.t(key)];
    let p = page(state, ctx, caller, errors, Forms::default(), "").await?;
    Ok((status, render(&p)).into_response())
}

/// `POST /verwaltung/mentoring/mentoren/{id}/einladung`: sends the invitation e-mail (plain
/// German). An invitation that could not be sent is revoked at once.
pub async fn invite_email(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<MentorId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let m = mentoring::visible_mentor(&state.app, &caller, id).await?;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let Some(to) = m.profile.email.clone() else {
        return with_message(
            &state,
            &ctx,
            &caller,
            unprocessable,
            "mentoring-mail-no-address",
        )
        .await;
    };
    if !state.config.mail.is_configured() {
        let key = MailError::NotConfigured.message_id();
        return with_message(&state, &ctx, &caller, unprocessable, key).await;
    }
    let (m, issued) = mentoring::invite(&state.app, &caller, id, InvitationKind::Email).await?;
    let de = Lang::De;
    let body = de.t_args(
        "mentoring-mail-body",
        &[
            ("name", m.profile.name.clone()),
            (
                "link",
                format!(
                    "{}/einladung?code={}",
                    base_url(&state, &headers),
                    issued.secret
                ),
            ),
            ("date", date(issued.invitation.expires_at.date_naive())),
            ("login", issued.login.to_string()),
        ],
    );
    let mail = OutgoingMail {
        to,
        to_name: m.profile.name.clone(),
        subject: de.t("mentoring-mail-subject"),
        body,
    };
    if let Err(e) = send(&state.config.mail, state.config.public_url.as_deref(), mail).await {
        tracing::error!(error = %e, "mentor invitation e-mail not sent");
        mentoring::revoke_invitations(&state.app, &caller, id).await?;
        let status = match e {
            MailError::Transport(_) => StatusCode::BAD_GATEWAY,
            _ => unprocessable,
        };
        return with_message(&state, &ctx, &caller, status, e.message_id()).await;
    }
    Ok(Redirect::to(&format!("{PATH}#pool")).into_response())
}
