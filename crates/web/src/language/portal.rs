//! The participant's part (issue 16, points 3 and 5): on `/mein-weg`, one can-do statement
//! per skill for their next level — in plain German with their portal language beside it —
//! answered "kann ich / mit Hilfe / noch nicht", and their certificates to download (PDF in
//! German or English, the signed credential, the public check).

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::language::{self, SelfCheckForm};
use lernweg_app::language_certificates as certs;
use lernweg_domain::LanguageCertificateId;
use lernweg_participants::self_check::SelfAnswer;
use lernweg_store::{LanguageCertificate, ParticipantRecord};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::portal::path::own_record;
use crate::portal::{OrPortal, PortalError, date, portal_lang};
use crate::public_catalogue::base_url;

/// One statement to answer.
pub struct StatementRow {
    /// `b1-reading`: the form field's name.
    pub code: String,
    pub skill: String,
    /// The level it belongs to: `B1`.
    pub level: String,
    /// Plain German.
    pub german: String,
    /// The same in the portal language (none when that is German).
    pub own: Option<String>,
    /// The answer given before: `can`, `with_help`, `not_yet`.
    pub answered: String,
}

pub struct CertificateLink {
    pub id: String,
    /// "Ausgestellt am … von …".
    pub issued: String,
    pub revoked: bool,
    pub verify_url: String,
    pub credential_url: String,
}

/// The block on `/mein-weg`.
pub struct LanguageBlock {
    pub statements: Vec<StatementRow>,
    /// (skill, level) as the trainer documented them.
    pub current: Vec<(String, String)>,
    pub certificates: Vec<CertificateLink>,
    pub answers: Vec<(&'static str, String)>,
    pub saved: bool,
    pub missing: bool,
}

/// The block of the participant's own record.
pub async fn block(
    state: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    p: &ParticipantRecord,
) -> Result<LanguageBlock, AppError> {
    let form: SelfCheckForm = language::self_check_form(&state.app, p).await?;
    let skill_name = |code: &str| lang.t(&format!("portal-skill-{}", code.replace('_', "-")));
    let statements = form
        .statements
        .iter()
        .map(|s| StatementRow {
            code: s.code(),
            skill: skill_name(s.skill.code()),
            level: s.level.as_str().to_owned(),
            german: Lang::De.t(&s.text_key()),
            own: (lang != Lang::De).then(|| lang.t(&s.text_key())),
            answered: form
                .answers
                .iter()
                .find(|a| a.statement == *s)
                .map(|a| a.answer.code().to_owned())
                .unwrap_or_default(),
        })
        .collect();
    let base = base_url(state, headers);
    let certificates: Vec<LanguageCertificate> = certs::own_list(&state.app, p).await?;
    Ok(LanguageBlock {
        statements,
        current: form
            .current
            .iter()
            .map(|(s, l)| (skill_name(s.code()), l.to_string()))
            .collect(),
        certificates: certificates
            .iter()
            .map(|c| CertificateLink {
                id: c.id.to_string(),
                issued: lang.t_args(
                    "portal-language-certificate-issued",
                    &[
                        ("date", date(c.issued_on)),
                        (
                            "provider",
                            certs::content_of(c)
                                .map(|k| k.issuer_name)
                                .unwrap_or_default(),
                        ),
                    ],
                ),
                revoked: c.revoked_at.is_some(),
                verify_url: certs::verify_url(&base, c.id),
                credential_url: super::api::credential_url(&base, c.id),
            })
            .collect(),
        answers: SelfAnswer::ALL
            .iter()
            .map(|a| {
                let key = match a {
                    SelfAnswer::Can => "portal-language-can",
                    SelfAnswer::WithHelp => "portal-language-with-help",
                    SelfAnswer::NotYet => "portal-language-not-yet",
                };
                (a.code(), lang.t(key))
            })
            .collect(),
        saved: false,
        missing: false,
    })
}

/// `POST /mein-weg/sprache`: the participant's answers.
pub async fn save(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PortalError> {
    let p = own_record(&state, &ctx).await?;
    let lang = portal_lang(&ctx, Some(&p));
    let caller = ctx
        .caller()
        .ok_or(AppError::Forbidden)
        .or_portal(&ctx, lang)?;
    let answers: Vec<(String, String)> = fields.into_iter().filter(|(k, _)| k != "csrf").collect();
    let to = match language::save_self_check(&state.app, &caller, &p, &answers).await {
        Ok(_) => "/mein-weg?sprache=gespeichert#sprache",
        Err(AppError::Invalid(_)) => "/mein-weg?sprache=fehlt#sprache",
        Err(e) => return Err::<Response, _>(e).or_portal(&ctx, lang),
    };
    Ok(Redirect::to(to).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PdfQuery {
    pub sprache: String,
}

/// `GET /mein-weg/sprachnachweise/{id}/pdf?sprache=en`: the participant's own certificate.
pub async fn pdf(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<LanguageCertificateId>,
    Query(q): Query<PdfQuery>,
) -> Result<Response, PortalError> {
    let p = own_record(&state, &ctx).await?;
    let lang = portal_lang(&ctx, Some(&p));
    let c = certs::own(&state.app, &p, id).await.or_portal(&ctx, lang)?;
    let pdf_lang = if q.sprache == "en" {
        Lang::En
    } else {
        Lang::De
    };
    super::pdf::download(&c, pdf_lang)
        .await
        .map_err(|_| AppError::Internal("certificate PDF".into()))
        .or_portal(&ctx, lang)
}
