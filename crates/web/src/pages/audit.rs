//! The audit log page (admins): the entries that match a search and filters, newest first,
//! 50 a page.

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use lernweg_app::admin;
use lernweg_domain::ProviderId;
use lernweg_store::{AuditAction, AuditEntity, AuditEntry, AuditFilter};
use serde::Deserialize;

use super::admin::caller;
use super::{Layout, render};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::list_search::{ListFilter, ListSearch};
use crate::paging::{PageParams, Pager};

#[derive(Template)]
#[template(path = "admin_audit.html")]
pub struct AuditPage {
    pub layout: Layout,
    pub entries: Vec<AuditRow>,
    pub search: ListSearch,
    pub pager: Pager,
}

/// `?page=`, `?q=` (in the detail and the actor's e-mail), `?traeger=`, `?aktion=` and
/// `?datensatz=` of the audit log.
#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(flatten)]
    paging: PageParams,
    #[serde(default)]
    traeger: String,
    #[serde(default)]
    aktion: String,
    #[serde(default)]
    datensatz: String,
}

/// One entry with its action and record kind in words.
pub struct AuditRow {
    pub entry: AuditEntry,
    pub action: String,
    pub entity: String,
}

/// The word for a stored audit code (`kind` is `action` or `entity`); a code this version
/// has no text for (written by another version) shows as itself, never as a missing key.
pub fn audit_word(lang: Lang, kind: &str, code: &str) -> String {
    lang.try_t(&format!("audit-{kind}-{code}"))
        .unwrap_or_else(|| code.to_owned())
}

/// `GET /admin/protokoll`: the entries that match, newest first, 50 a page.
pub async fn audit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let filter = AuditFilter {
        provider: ProviderId::parse(&q.traeger).ok(),
        action: AuditAction::ALL
            .iter()
            .copied()
            .find(|a| a.as_str() == q.aktion),
        entity: AuditEntity::ALL
            .iter()
            .copied()
            .find(|e| e.as_str() == q.datensatz),
        search: q.paging.search(),
    };
    let entries = admin::audit_page(&state.app, &caller, &filter, q.paging.page()).await?;
    let providers = admin::providers(&state.app, &caller.principal).await?;
    let layout = Layout::new(&ctx, "/admin/protokoll", "audit-title");
    let lang = layout.lang;
    let provider = filter.provider.map(|p| p.to_string()).unwrap_or_default();
    let action = filter.action.map(AuditAction::as_str).unwrap_or_default();
    let entity = filter.entity.map(AuditEntity::as_str).unwrap_or_default();
    let keep = [
        ("q", q.paging.q.as_str()),
        ("traeger", &provider),
        ("aktion", action),
        ("datensatz", entity),
    ];
    let pager = Pager::new(lang, &entries, "/admin/protokoll", &keep);
    let words = |kind: &str, codes: Vec<&str>| -> Vec<(String, String)> {
        codes
            .into_iter()
            .map(|c| (c.to_owned(), audit_word(lang, kind, c)))
            .collect()
    };
    let filters = vec![
        ListFilter::new(
            lang,
            "traeger",
            "audit-filter-provider",
            &provider,
            providers
                .iter()
                .map(|p| (p.id.to_string(), p.name.to_string()))
                .collect(),
        ),
        ListFilter::new(
            lang,
            "aktion",
            "audit-action",
            action,
            words(
                "action",
                AuditAction::ALL.iter().map(|a| a.as_str()).collect(),
            ),
        ),
        ListFilter::new(
            lang,
            "datensatz",
            "audit-record",
            entity,
            words(
                "entity",
                AuditEntity::ALL.iter().map(|e| e.as_str()).collect(),
            ),
        ),
    ];
    let search = ListSearch::new(
        lang,
        "/admin/protokoll",
        "audit-search",
        &q.paging.q,
        filters,
    );
    Ok(render(&AuditPage {
        layout,
        entries: entries
            .items
            .into_iter()
            .map(|entry| AuditRow {
                action: audit_word(lang, "action", &entry.action),
                entity: audit_word(lang, "entity", &entry.entity),
                entry,
            })
            .collect(),
        search,
        pager,
    }))
}
