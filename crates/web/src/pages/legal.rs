//! The legal pages: Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit.
//!
//! * `GET /impressum`, `/datenschutz`, `/barrierefreiheit`: the installation's texts.
//! * `GET /traeger/{id}/impressum` (and the others): a provider's, else the installation's;
//!   the footer of a provider's pages (its offers, its staff's pages) links here.
//! * `GET`/`POST /verwaltung/rechtstexte`: the admin edits the installation's texts, a
//!   coordinator their provider's.
//!
//! A text is plain text: blank lines separate paragraphs, a line starting with `## ` is a
//! heading. Where nobody set a text, the page says so; the accessibility statement then
//! shows the BITV 2.0 outline with what is still to be filled in.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::legal::{self, Editable, PublicLegal, Source};
use lernweg_domain::{LegalKind, ProviderId};
use serde::Deserialize;

use super::admin::FormErrors;
use super::{Layout, render};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::routes::{PUBLIC, Route, page, route_table};
use axum::routing::{get, post};
use lernweg_domain::access::MANAGERS;

pub fn routes() -> Vec<Route> {
    route_table![
        (page("GET", "/impressum", PUBLIC), get(imprint)),
        (page("GET", "/datenschutz", PUBLIC), get(privacy)),
        (page("GET", "/barrierefreiheit", PUBLIC), get(accessibility)),
        (
            page("GET", "/traeger/{id}/impressum", PUBLIC),
            get(provider_imprint)
        ),
        (
            page("GET", "/traeger/{id}/datenschutz", PUBLIC),
            get(provider_privacy)
        ),
        (
            page("GET", "/traeger/{id}/barrierefreiheit", PUBLIC),
            get(provider_accessibility)
        ),
        (
            page("GET", "/verwaltung/rechtstexte", MANAGERS),
            get(edit_form)
        ),
        (
            page("POST", "/verwaltung/rechtstexte", MANAGERS),
            post(save)
        ),
    ]
}

/// The footer's link prefix for a provider's pages ('' for the installation's).
pub fn base(provider: Option<ProviderId>) -> String {
    provider
        .map(|p| format!("/traeger/{p}"))
        .unwrap_or_default()
}

/// A block of a legal text.
pub enum Block {
    Heading(String),
    /// The lines of a paragraph.
    Paragraph(Vec<String>),
}

/// Plain text as blocks: blank lines separate paragraphs, `## ` starts a heading.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let flush = |lines: &mut Vec<String>, out: &mut Vec<Block>| {
        if !lines.is_empty() {
            out.push(Block::Paragraph(std::mem::take(lines)));
        }
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut lines, &mut out);
        } else if let Some(h) = line.strip_prefix("## ") {
            flush(&mut lines, &mut out);
            out.push(Block::Heading(h.trim().to_owned()));
        } else {
            lines.push(line.to_owned());
        }
    }
    flush(&mut lines, &mut out);
    out
}

#[derive(Template)]
#[template(path = "legal_page.html")]
pub struct LegalPage {
    pub layout: Layout,
    /// Whose page it is ("Träger Eins"), if a provider's.
    pub provider: Option<String>,
    /// The text set, as blocks; empty when none is set.
    pub blocks: Vec<Block>,
    /// Shown when the provider has no text of its own and the installation's is shown.
    pub note: Option<String>,
    /// Shown when nobody set a text.
    pub missing: Option<String>,
    /// The accessibility statement's outline when none is set: (heading, text).
    pub outline: Vec<(String, String)>,
}

fn legal_page(ctx: &Ctx, found: PublicLegal) -> LegalPage {
    let lang = ctx.lang;
    let code = found.kind.code();
    let mut layout = Layout::new(ctx, found.kind.slug(), &format!("legal-{code}-title"));
    if let Some(p) = &found.provider {
        layout.legal_provider(p.id);
    }
    let provider = found.provider.as_ref().map(|p| p.name.to_string());
    let note = match (&provider, &found.source) {
        (Some(name), Source::Installation) => {
            Some(lang.t_args("legal-installation-note", &[("provider", name.clone())]))
        }
        _ => None,
    };
    let missing =
        (found.source == Source::Missing).then(|| lang.t(&format!("legal-{code}-missing")));
    let outline = if found.source == Source::Missing && found.kind == LegalKind::Accessibility {
        (1..=5)
            .map(|i| {
                (
                    lang.t(&format!("legal-a11y-{i}-heading")),
                    lang.t(&format!("legal-a11y-{i}-text")),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    LegalPage {
        layout,
        provider,
        blocks: found.body.as_deref().map(blocks).unwrap_or_default(),
        note,
        missing,
        outline,
    }
}

async fn show(
    state: &AppState,
    ctx: &Ctx,
    provider: Option<ProviderId>,
    kind: LegalKind,
) -> Result<Response, PageError> {
    let found = legal::public_text(&state.app, provider, kind).await?;
    Ok(render(&legal_page(ctx, found)))
}

/// `GET /impressum`.
pub async fn imprint(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    show(&state, &ctx, None, LegalKind::Imprint).await
}

/// `GET /datenschutz`.
pub async fn privacy(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    show(&state, &ctx, None, LegalKind::Privacy).await
}

/// `GET /barrierefreiheit`.
pub async fn accessibility(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    show(&state, &ctx, None, LegalKind::Accessibility).await
}

/// `GET /traeger/{id}/impressum`.
pub async fn provider_imprint(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ProviderId>,
) -> Result<Response, PageError> {
    show(&state, &ctx, Some(id), LegalKind::Imprint).await
}

/// `GET /traeger/{id}/datenschutz`.
pub async fn provider_privacy(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ProviderId>,
) -> Result<Response, PageError> {
    show(&state, &ctx, Some(id), LegalKind::Privacy).await
}

/// `GET /traeger/{id}/barrierefreiheit`.
pub async fn provider_accessibility(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ProviderId>,
) -> Result<Response, PageError> {
    show(&state, &ctx, Some(id), LegalKind::Accessibility).await
}

// ---------------------------------------------------------------- editing

/// One text field of the form.
pub struct TextField {
    pub code: &'static str,
    pub label: String,
    pub hint: String,
    pub value: String,
    /// The public page that shows it.
    pub href: String,
}

#[derive(Template)]
#[template(path = "legal_edit.html")]
pub struct EditPage {
    pub layout: Layout,
    /// The provider whose texts these are; `None`: the installation's.
    pub provider: Option<String>,
    pub fields: Vec<TextField>,
    pub errors: FormErrors,
    pub saved: bool,
}

fn edit_page(
    ctx: &Ctx,
    editable: Editable,
    values: Option<&[(LegalKind, String)]>,
    errors: FormErrors,
    saved: bool,
) -> EditPage {
    let lang: Lang = ctx.lang;
    let base = base(editable.provider.as_ref().map(|p| p.id));
    let fields = editable
        .texts
        .into_iter()
        .map(|(kind, stored)| {
            let value = values
                .and_then(|v| v.iter().find(|(k, _)| *k == kind))
                .map_or(stored, |(_, v)| v.clone());
            TextField {
                code: kind.code(),
                label: lang.t(&format!("legal-{}-title", kind.code())),
                hint: lang.t(&format!("legal-{}-hint", kind.code())),
                value,
                href: format!("{base}/{}", kind.slug()),
            }
        })
        .collect();
    EditPage {
        layout: Layout::new(ctx, "/verwaltung/rechtstexte", "legal-edit-title"),
        provider: editable.provider.map(|p| p.name.to_string()),
        fields,
        errors,
        saved,
    }
}

#[derive(Deserialize, Default)]
pub struct SavedQuery {
    #[serde(default)]
    gespeichert: Option<String>,
}

/// `GET /verwaltung/rechtstexte`.
pub async fn edit_form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> Result<Response, PageError> {
    let caller = ctx.caller().ok_or(PageError::Forbidden)?;
    let editable = legal::editable(&state.app, &caller).await?;
    let saved = q.gespeichert.is_some();
    Ok(render(&edit_page(
        &ctx,
        editable,
        None,
        FormErrors::default(),
        saved,
    )))
}

#[derive(Deserialize, Default)]
pub struct TextsForm {
    #[serde(default)]
    imprint: Option<String>,
    #[serde(default)]
    privacy: Option<String>,
    #[serde(default)]
    accessibility: Option<String>,
}

/// `POST /verwaltung/rechtstexte`: saves the sent texts (a field not sent stays as it is).
pub async fn save(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<TextsForm>,
) -> Result<Response, PageError> {
    let caller = ctx.caller().ok_or(PageError::Forbidden)?;
    let texts: Vec<(LegalKind, String)> = [
        (LegalKind::Imprint, form.imprint),
        (LegalKind::Privacy, form.privacy),
        (LegalKind::Accessibility, form.accessibility),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    match legal::save(&state.app, &caller, &texts).await {
        Ok(_) => Ok(Redirect::to("/verwaltung/rechtstexte?gespeichert=1").into_response()),
        Err(AppError::Invalid(list)) => {
            let mut errors = FormErrors::default();
            for e in list {
                errors.0.insert(
                    e.field.to_owned(),
                    ctx.lang.t(&format!("form-error-{}", e.code)),
                );
            }
            let editable = legal::editable(&state.app, &caller).await?;
            let page = edit_page(&ctx, editable, Some(&texts), errors, false);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_becomes_headings_and_paragraphs() {
        let b = blocks(
            "## Anbieter\nLernweg GmbH\r\nMusterweg 1\n\n\n## Kontakt\n  mail@example.org  \n",
        );
        let shape: Vec<String> = b
            .iter()
            .map(|b| match b {
                Block::Heading(h) => format!("h:{h}"),
                Block::Paragraph(l) => format!("p:{}", l.join("|")),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "h:Anbieter",
                "p:Lernweg GmbH|Musterweg 1",
                "h:Kontakt",
                "p:mail@example.org"
            ]
        );
        assert!(blocks("  \n\n").is_empty());
    }
}
