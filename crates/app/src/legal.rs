//! The legal texts of the public pages: Impressum, Datenschutzerklärung and Erklärung zur
//! Barrierefreiheit. The installation (its admin) and each provider (its coordinators) set
//! their own; a provider's page shows the provider's text, else the installation's, else a
//! default that says honestly that the text is missing (the web layer's).

use lernweg_domain::access::MANAGERS;
use lernweg_domain::legal::LEGAL_TEXT_MAX;
use lernweg_domain::{LegalKind, ParseError, ProviderId};
use lernweg_store::Provider;

use crate::offers::require;
use crate::{App, AppError, Caller};

/// Whose text a public page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The provider's own text.
    Provider,
    /// The installation's text.
    Installation,
    /// Nobody set one: the page shows the default.
    Missing,
}

/// One legal text as the public sees it.
#[derive(Debug, Clone)]
pub struct PublicLegal {
    pub kind: LegalKind,
    /// The provider the page belongs to, if any.
    pub provider: Option<Provider>,
    pub body: Option<String>,
    pub source: Source,
}

/// The text of `kind` for the installation (`provider = None`) or a provider's pages; an
/// unknown provider is `NotFound`.
pub async fn public_text(
    app: &App,
    provider: Option<ProviderId>,
    kind: LegalKind,
) -> Result<PublicLegal, AppError> {
    let provider = match provider {
        Some(id) => Some(app.store.provider(id).await?),
        None => None,
    };
    let find = |texts: Vec<(LegalKind, String)>| {
        texts.into_iter().find(|(k, _)| *k == kind).map(|(_, b)| b)
    };
    let own = match &provider {
        Some(p) => find(app.store.legal_texts(Some(p.id)).await?),
        None => None,
    };
    let (body, source) = match own {
        Some(b) => (Some(b), Source::Provider),
        None => match find(app.store.legal_texts(None).await?) {
            Some(b) => (Some(b), Source::Installation),
            None => (None, Source::Missing),
        },
    };
    Ok(PublicLegal {
        kind,
        provider,
        body,
        source,
    })
}

/// The texts the caller edits: the installation's for the admin, their provider's for a
/// coordinator.
#[derive(Debug, Clone)]
pub struct Editable {
    /// `None`: the installation's texts.
    pub provider: Option<Provider>,
    /// Every kind, in [`LegalKind::ALL`] order, with its text ('' when not set).
    pub texts: Vec<(LegalKind, String)>,
}

/// The caller's texts to edit (admin and coordinators).
pub async fn editable(app: &App, caller: &Caller) -> Result<Editable, AppError> {
    require(&caller.principal, MANAGERS)?;
    let scope = caller.principal.provider_id;
    let provider = match scope {
        Some(p) => Some(app.store.provider(p).await?),
        None => None,
    };
    let set = app.store.legal_texts(scope).await?;
    let texts = LegalKind::ALL
        .into_iter()
        .map(|k| {
            let body = set.iter().find(|(s, _)| *s == k).map(|(_, b)| b.clone());
            (k, body.unwrap_or_default())
        })
        .collect();
    Ok(Editable { provider, texts })
}

/// Saves the caller's texts: each given kind whose text changed (an empty text removes it).
/// A text over [`LEGAL_TEXT_MAX`] characters is refused, nothing is written then.
pub async fn save(
    app: &App,
    caller: &Caller,
    texts: &[(LegalKind, String)],
) -> Result<Editable, AppError> {
    let current = editable(app, caller).await?;
    let too_long: Vec<ParseError> = texts
        .iter()
        .filter(|(_, b)| b.chars().count() > LEGAL_TEXT_MAX)
        .map(|(k, _)| {
            ParseError::new(
                k.code(),
                "too_long",
                format!("at most {LEGAL_TEXT_MAX} characters"),
            )
        })
        .collect();
    if !too_long.is_empty() {
        return Err(AppError::Invalid(too_long));
    }
    let scope = caller.principal.provider_id;
    for (kind, body) in texts {
        let body = body.replace("\r\n", "\n");
        let body = body.trim();
        let before = current
            .texts
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, b)| b.as_str());
        if before != Some(body) {
            app.store
                .set_legal_text(&caller.actor, scope, *kind, body)
                .await?;
        }
    }
    editable(app, caller).await
}
