//! `/verwaltung/teilnehmende/{id}/sprache`: a participant's language levels over time for
//! staff — the chart (SVG) with the same numbers as a table, the current level per skill next
//! to the participant's own answers, a form to record an assessment (trainers reach it from
//! the roll call), and for counselling staff the certificates: issue, download (de/en),
//! revoke. A refused form is shown again with what was typed and one message per field.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::language::{self, LanguageFile};
use lernweg_app::language_certificates as certs;
use lernweg_app::{AppError, Caller};
use lernweg_domain::{LanguageCertificateId, ParticipantId};
use lernweg_participants::language_assessment::{RawAssessment, Skill, Source};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::Choice;
use crate::pages::offers::caller;
use crate::pages::{Layout, render};
use crate::portal::date;
use crate::public_catalogue::base_url;

/// One row of the table under the chart.
pub struct TableRow {
    pub date: String,
    pub skill: String,
    pub level: String,
    pub source: String,
    pub detail: String,
}

/// A skill's current level and the participant's own answer beside it.
pub struct CurrentRow {
    pub skill: String,
    pub level: String,
    pub basis: String,
    /// "B2: kann ich (01.12.2026)"; empty when not answered.
    pub own: String,
}

pub struct CertificateRow {
    pub id: String,
    pub issued: String,
    pub revoked: Option<String>,
    pub verify_url: String,
    pub credential_url: String,
}

#[derive(Template)]
#[template(path = "language_staff.html")]
pub struct LanguagePage {
    pub layout: Layout,
    pub participant_id: String,
    pub name: String,
    pub german_level: String,
    /// The roll call this page was opened from (`?termin=`), to go back to.
    pub termin: String,
    pub chart: String,
    pub rows: Vec<TableRow>,
    pub current: Vec<CurrentRow>,
    pub errors: Vec<String>,
    pub form: AssessmentForm,
    pub skills: Vec<Choice>,
    pub sources: Vec<Choice>,
    pub today: String,
    pub saved: bool,
    pub counsels: bool,
    pub certificates: Vec<CertificateRow>,
}

/// The assessment form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AssessmentForm {
    pub csrf: String,
    pub skill: String,
    pub level: String,
    pub source: String,
    pub assessed_on: String,
    pub issuer: String,
    pub exam: String,
    pub certificate_number: String,
    pub note: String,
    pub termin: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageQuery {
    pub termin: String,
    pub gespeichert: Option<String>,
}

fn choices(lang: Lang, codes: &[&str], prefix: &str, chosen: &str) -> Vec<Choice> {
    codes
        .iter()
        .map(|c| Choice {
            value: (*c).to_owned(),
            label: lang.t(&format!("{prefix}{c}")),
            selected: *c == chosen,
        })
        .collect()
}

/// A session id as the roll-call link sends it (anything else is dropped).
fn termin(s: &str) -> String {
    lernweg_domain::SessionId::parse(s.trim())
        .map(|id| id.to_string())
        .unwrap_or_default()
}

fn page(
    ctx: &Ctx,
    lang: Lang,
    base: &str,
    file: &LanguageFile,
    form: AssessmentForm,
    errors: Vec<String>,
    today: chrono::NaiveDate,
) -> LanguagePage {
    let p = &file.participant;
    let all: Vec<_> = file
        .assessments
        .iter()
        .map(|r| r.assessment.clone())
        .collect();
    let skill_name = |s: Skill| lang.t(&format!("lc-skill-{}", s.code()));
    let chart = super::chart::svg(&all, skill_name, date);
    let rows = all
        .iter()
        .rev()
        .map(|a| TableRow {
            date: date(a.assessed_on),
            skill: skill_name(a.skill),
            level: a.level.to_string(),
            source: lang.t(&format!("lc-source-{}", a.source.code())),
            detail: [
                a.exam.as_str(),
                a.issuer.as_str(),
                a.certificate_number.as_str(),
                a.note.as_str(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        })
        .collect();
    let current_levels = file.current();
    let current = Skill::ALL
        .iter()
        .map(|&skill| {
            let now = current_levels.get(&skill);
            let own = file
                .self_checks
                .iter()
                .filter(|c| c.statement.skill == skill)
                .max_by_key(|c| (c.answered_on, c.statement))
                .map(|c| {
                    format!(
                        "{}: {} ({})",
                        c.statement.level.as_str(),
                        lang.t(&format!("lc-answer-{}", c.answer.code())),
                        date(c.answered_on)
                    )
                })
                .unwrap_or_default();
            CurrentRow {
                skill: skill_name(skill),
                level: now
                    .map(|a| a.level.to_string())
                    .unwrap_or_else(|| "–".into()),
                basis: now
                    .map(|a| {
                        format!(
                            "{}, {}",
                            lang.t(&format!("lc-source-{}", a.source.code())),
                            date(a.assessed_on)
                        )
                    })
                    .unwrap_or_default(),
                own,
            }
        })
        .collect();
    let counsels = ctx.principal().is_some_and(|p| language::counsels(&p));
    let skill_codes: Vec<&str> = Skill::ALL.iter().map(|s| s.code()).collect();
    let source_codes: Vec<&str> = Source::ALL
        .iter()
        .filter(|s| **s != Source::SelfAssessment)
        .map(|s| s.code())
        .collect();
    let source = if form.source.is_empty() {
        "trainer"
    } else {
        form.source.as_str()
    };
    LanguagePage {
        layout: Layout::new(ctx, "/verwaltung/teilnehmende", "lc-page-title"),
        participant_id: p.id.to_string(),
        name: format!("{} {}", p.data.given_name, p.data.family_name),
        german_level: p
            .data
            .german_level
            .map(|l| l.as_str().to_owned())
            .unwrap_or_else(|| "–".into()),
        termin: termin(&form.termin),
        chart,
        rows,
        current,
        errors,
        skills: choices(lang, &skill_codes, "lc-skill-", &form.skill),
        sources: choices(lang, &source_codes, "lc-source-", source),
        today: today.to_string(),
        saved: false,
        counsels,
        certificates: file
            .certificates
            .iter()
            .map(|c| CertificateRow {
                id: c.id.to_string(),
                issued: date(c.issued_on),
                revoked: c.revoked_at.map(|t| date(t.date_naive())),
                verify_url: certs::verify_url(base, c.id),
                credential_url: super::api::credential_url(base, c.id),
            })
            .collect(),
        form,
    }
}

/// `GET /verwaltung/teilnehmende/{id}/sprache`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<ParticipantId>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let file = language::file(&state.app, &caller, id, "language").await?;
    let form = AssessmentForm {
        termin: q.termin,
        ..AssessmentForm::default()
    };
    let base = base_url(&state, &headers);
    let mut page = page(
        &ctx,
        ctx.lang,
        &base,
        &file,
        form,
        Vec::new(),
        state.app.today(),
    );
    page.saved = q.gespeichert.is_some();
    Ok(render(&page))
}

/// `POST /verwaltung/teilnehmende/{id}/sprache`: records an assessment, then back to the
/// roll call it came from, or to this page.
pub async fn record(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<ParticipantId>,
    Form(form): Form<AssessmentForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let raw = RawAssessment {
        skill: form.skill.clone(),
        level: form.level.clone(),
        source: form.source.clone(),
        assessed_on: form.assessed_on.clone(),
        issuer: form.issuer.clone(),
        exam: form.exam.clone(),
        certificate_number: form.certificate_number.clone(),
        note: form.note.clone(),
    };
    match language::record(&state.app, &caller, id, &raw).await {
        Ok(_) => {
            let back = termin(&form.termin);
            let to = if back.is_empty() {
                format!("/verwaltung/teilnehmende/{id}/sprache?gespeichert=1")
            } else {
                format!("/verwaltung/termine/{back}/anwesenheit")
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(list)) => {
            let lang = ctx.lang;
            let errors = list
                .iter()
                .map(|e| lang.t(&format!("lc-error-{}", e.field)))
                .collect();
            let file = language::file(&state.app, &caller, id, "language").await?;
            let base = base_url(&state, &headers);
            let page = page(&ctx, lang, &base, &file, form, errors, state.app.today());
            let mut r = render(&page);
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /verwaltung/teilnehmende/{id}/sprachnachweise`: issues a certificate.
pub async fn issue(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let base = base_url(&state, &headers);
    match certs::issue(&state.app, &caller, id, &base).await {
        Ok(_) => Ok(
            Redirect::to(&format!("/verwaltung/teilnehmende/{id}/sprache#nachweise"))
                .into_response(),
        ),
        Err(AppError::Invalid(_)) => {
            refused(&state, &ctx, &caller, &base, id, "lc-error-assessments").await
        }
        Err(e) => Err(e.into()),
    }
}

/// The page again with one message (`key`) and 422: a certificate action was refused.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    base: &str,
    id: ParticipantId,
    key: &str,
) -> Result<Response, PageError> {
    let file = language::file(&state.app, caller, id, "language").await?;
    let errors = vec![ctx.lang.t(key)];
    let form = AssessmentForm::default();
    let page = page(ctx, ctx.lang, base, &file, form, errors, state.app.today());
    let mut r = render(&page);
    *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(r)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RevokeForm {
    pub csrf: String,
    pub reason: String,
}

/// `POST /verwaltung/sprachnachweise/{id}/widerrufen`.
pub async fn revoke(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<LanguageCertificateId>,
    Form(form): Form<RevokeForm>,
) -> Result<Response, PageError> {
    let caller: Caller = caller(&ctx)?;
    let c = certs::for_staff(&state.app, &caller, id).await?;
    match certs::revoke(&state.app, &caller, id, &form.reason).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/verwaltung/teilnehmende/{}/sprache#nachweise",
            c.participant_id
        ))
        .into_response()),
        Err(AppError::Invalid(_)) => {
            let base = base_url(&state, &headers);
            refused(
                &state,
                &ctx,
                &caller,
                &base,
                c.participant_id,
                "lc-error-reason",
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PdfQuery {
    pub sprache: String,
}

/// `GET /verwaltung/sprachnachweise/{id}/pdf?sprache=en`.
pub async fn pdf(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<LanguageCertificateId>,
    Query(q): Query<PdfQuery>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let c = certs::for_staff(&state.app, &caller, id).await?;
    let lang = if q.sprache == "en" {
        Lang::En
    } else {
        Lang::De
    };
    super::pdf::download(&c, lang)
        .await
        .map_err(|_| PageError::from(AppError::Internal("certificate PDF".into())))
}
