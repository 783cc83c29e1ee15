//! `GET /verwaltung/teilnehmende/{id}/kontakte`: the whole contact log of a participant,
//! newest first, a page at a time (the participant page shows the newest entries).

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use lernweg_app::participants::{care, list};
use lernweg_domain::ParticipantId;
use lernweg_domain::paging::PAGE_SIZE;

use super::detail::{ContactRow, rows_of_contacts};
use super::{audit, full_name, record};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::pages::{Layout, render};
use crate::paging::{PageParams, Pager};

#[derive(Template)]
#[template(path = "participants_contacts.html")]
pub struct ContactsPage {
    pub layout: Layout,
    pub heading: String,
    pub participant_id: String,
    pub contacts: Vec<ContactRow>,
    pub notes_shown: bool,
    pub pager: Pager,
}

/// `GET /verwaltung/teilnehmende/{id}/kontakte?page=`: audited like the participant page
/// (the log, and the notes when they are shown).
pub async fn page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Query(q): Query<PageParams>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let p = record(&state, &ctx, id).await?;
    let principal = ctx.principal().ok_or(PageError::NotFound)?;
    let notes_shown = principal.can_read_contact_notes(p.provider_id);
    audit(&state, &ctx, &p, "contact log").await?;
    if notes_shown {
        audit(&state, &ctx, &p, "contact notes").await?;
    }
    let log = care::contacts_page(&state.app, &p, notes_shown, q.page(), PAGE_SIZE).await?;
    let staff = list::staff_names(&state.app, &log.items).await?;
    let base = format!("/verwaltung/teilnehmende/{}/kontakte", p.id);
    Ok(render(&ContactsPage {
        layout: Layout::new(&ctx, "/verwaltung/teilnehmende", "pp-log-heading"),
        heading: lang.t_args("pp-log-page-title", &[("name", full_name(&p.data))]),
        participant_id: p.id.to_string(),
        contacts: rows_of_contacts(lang, &log.items, notes_shown, |id| {
            id.and_then(|id| staff.get(id).cloned()).unwrap_or_default()
        }),
        notes_shown,
        pager: Pager::new(lang, &log, &base, &[]),
    }))
}
