//! What anyone may read about a certificate (issue 16, point 4): the page that says whether it
//! is valid, revoked or unknown (German and English side by side, plain words), the signed
//! credential itself, and each provider's issuer profile with its public keys (JWKS).

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use lernweg_app::language_certificates::{self as certs, Verification};
use lernweg_domain::{LanguageCertificateId, ProviderId};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, PageError, Problem};
use crate::extract::ApiId;
use crate::i18n::Lang;
use crate::pages::{Layout, render};

/// One competence as the verify page lists it, in both languages.
pub struct VerifyRow {
    pub skill_de: String,
    pub skill_en: String,
    pub level: String,
    pub source_de: String,
    pub source_en: String,
    pub date_de: String,
    pub date_en: String,
}

#[derive(Template)]
#[template(path = "language_verify.html")]
pub struct VerifyPage {
    pub layout: Layout,
    /// `valid`, `revoked` or `unknown`.
    pub state: &'static str,
    pub holder: String,
    pub issuer: String,
    pub issued_de: String,
    pub issued_en: String,
    pub revoked_de: String,
    pub revoked_en: String,
    pub rows: Vec<VerifyRow>,
    pub credential_url: String,
}

impl VerifyPage {
    pub fn de(&self, key: &str) -> String {
        Lang::De.t(key)
    }
    pub fn en(&self, key: &str) -> String {
        Lang::En.t(key)
    }
}

/// `GET /nachweise/{id}`: valid, revoked or unknown — in German and English.
pub async fn verify_page(
    State(state): State<AppState>,
    axum::Extension(ctx): axum::Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let verification = certs::verify(&state.app, &id).await?;
    let mut layout = Layout::new(&ctx, "/nachweise", "lc-verify-title");
    layout.title = format!(
        "{} / {}",
        Lang::De.t("lc-verify-title"),
        Lang::En.t("lc-verify-title")
    );
    let mut page = VerifyPage {
        layout,
        state: "unknown",
        holder: String::new(),
        issuer: String::new(),
        issued_de: String::new(),
        issued_en: String::new(),
        revoked_de: String::new(),
        revoked_en: String::new(),
        rows: Vec::new(),
        credential_url: String::new(),
    };
    let (content, issued, revoked) = match verification {
        Verification::Unknown => {
            let mut r = render(&page);
            *r.status_mut() = StatusCode::NOT_FOUND;
            return Ok(r);
        }
        Verification::Valid { content, issued_on } => (content, issued_on, None),
        Verification::Revoked {
            content,
            issued_on,
            revoked_on,
        } => (content, issued_on, Some(revoked_on)),
    };
    page.state = if revoked.is_some() {
        "revoked"
    } else {
        "valid"
    };
    page.holder = content.holder.clone();
    page.issuer = content.issuer_name.clone();
    page.issued_de = crate::portal::date(issued);
    page.issued_en = issued.to_string();
    if let Some(r) = revoked {
        page.revoked_de = crate::portal::date(r);
        page.revoked_en = r.to_string();
    }
    if let Ok(id) = LanguageCertificateId::parse(&id) {
        page.credential_url = format!("/api/v1/public/language-certificates/{id}/credential");
    }
    page.rows = content
        .competences
        .iter()
        .map(|k| VerifyRow {
            skill_de: Lang::De.t(&format!("lc-skill-{}", k.skill)),
            skill_en: Lang::En.t(&format!("lc-skill-{}", k.skill)),
            level: k.level.clone(),
            source_de: Lang::De.t(&format!("lc-source-{}", k.source)),
            source_en: Lang::En.t(&format!("lc-source-{}", k.source)),
            date_de: super::pdf::day(Lang::De, &k.assessed_on),
            date_en: k.assessed_on.clone(),
        })
        .collect();
    Ok(render(&page))
}

/// The signed credential: an Open Badges 3.0 `OpenBadgeCredential` as VC-JWT (EdDSA).
#[utoipa::path(get, path = "/api/v1/public/language-certificates/{id}/credential", tag = "public",
    operation_id = "language_certificate_credential", params(("id" = String, Path)),
    responses((status = 200, content_type = "application/vc+jwt", body = String), (status = 404, body = Problem)))]
pub async fn credential(
    State(state): State<AppState>,
    ApiId(id): ApiId<LanguageCertificateId>,
) -> Result<Response, ApiError> {
    let jwt = certs::credential(&state.app, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/vc+jwt"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        jwt,
    )
        .into_response())
}

/// A provider's public signing keys (retired ones too), for checking its credentials.
#[utoipa::path(get, path = "/api/v1/public/issuers/{provider_id}/jwks.json", tag = "public",
    operation_id = "issuer_jwks", params(("provider_id" = String, Path)),
    responses((status = 200, description = "JWK Set (RFC 7517) of Ed25519 keys", body = Object), (status = 404, body = Problem)))]
pub async fn jwks(
    State(state): State<AppState>,
    ApiId(provider): ApiId<ProviderId>,
) -> Result<Response, ApiError> {
    let set = certs::jwks(&state.app, provider).await?;
    Ok(([(header::CACHE_CONTROL, "public, max-age=300")], Json(set)).into_response())
}

/// An issuer's Open Badges profile.
#[derive(Serialize, ToSchema)]
pub struct IssuerProfileDto {
    pub id: String,
    /// `["Profile"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    pub name: String,
}

/// The issuer profile a credential's `iss` names.
#[utoipa::path(get, path = "/api/v1/public/issuers/{provider_id}", tag = "public",
    operation_id = "issuer_profile", params(("provider_id" = String, Path)),
    responses((status = 200, body = IssuerProfileDto), (status = 404, body = Problem)))]
pub async fn issuer(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    ApiId(provider): ApiId<ProviderId>,
) -> Result<Json<IssuerProfileDto>, ApiError> {
    let name = certs::issuer_name(&state.app, provider).await?;
    let base = crate::public_catalogue::base_url(&state, &headers);
    Ok(Json(IssuerProfileDto {
        id: certs::issuer_url(&base, provider),
        kind: vec!["Profile".to_owned()],
        name,
    }))
}
