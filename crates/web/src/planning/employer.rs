//! `/betrieb/planung/{id}`: a shared draft as an employer's contact person sees it, in
//! plain German — the planned dates, who of their staff takes part, a form to mark a
//! period that does not work or to comment, and their own answers.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::planning::SharedDraft;
use lernweg_domain::{CohortId, ParseError, PlanAnswerId};
use lernweg_offers::planning::{Answer, BlockReason, BlockedPeriod};
use serde::Deserialize;

use crate::AppState;
use crate::context::Ctx;
use crate::employers::portal::{caller, contact};
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::cohorts::planning::{AnswerRow, answer_rows, parse_day, session_line};
use crate::pages::render;
use crate::portal::{OrPortal, PortalError, PortalLayout};

/// One answer of the employer, with its id to withdraw it.
pub struct OwnAnswer {
    pub id: String,
    pub row: AnswerRow,
}

#[derive(Template)]
#[template(path = "employer_planning.html")]
pub struct PlanningPage {
    pub layout: PortalLayout,
    pub cohort_id: String,
    pub offer_title: String,
    pub cohort_name: String,
    pub employees: String,
    /// "Di, 02.03.2027 18:00–21:00 (3 Std.)".
    pub dates: Vec<String>,
    /// (code, label, selected)
    pub reasons: Vec<(&'static str, String, bool)>,
    pub answers: Vec<OwnAnswer>,
    pub form: AnswerForm,
    /// The message of a refused answer, and its field.
    pub error: Option<String>,
    pub error_field: &'static str,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub comment: String,
}

impl AnswerForm {
    /// The answer, or the field and German message of what is wrong.
    fn parse(&self, lang: Lang) -> Result<Answer, (&'static str, String)> {
        let day = |field: &'static str, s: &str| match s.trim() {
            "" => Ok(None),
            s => parse_day(s)
                .map(Some)
                .ok_or((field, lang.t("plan-error-date"))),
        };
        let period = match (day("from", &self.from)?, day("to", &self.to)?) {
            (None, None) => None,
            (None, Some(_)) => return Err(("from", lang.t("plan-error-from"))),
            (Some(from), to) => {
                let reason = BlockReason::parse(&self.reason).unwrap_or(BlockReason::Other);
                Some(
                    BlockedPeriod::new(from, to.unwrap_or(from), reason)
                        .map_err(|_| ("to", lang.t("plan-error-order")))?,
                )
            }
        };
        Answer::new(period, &self.comment).map_err(|e: ParseError| match e.code {
            "too_long" => ("comment", lang.t("plan-error-too-long")),
            _ => ("comment", lang.t("plan-error-empty")),
        })
    }
}

fn page(
    ctx: &Ctx,
    draft: &SharedDraft,
    form: AnswerForm,
    error: Option<(&'static str, String)>,
) -> Response {
    let lang = Lang::De;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let rows = answer_rows(lang, &draft.answers);
    let page = PlanningPage {
        layout: PortalLayout::new(ctx, lang, "plan-employer-title"),
        cohort_id: draft.cohort.id.to_string(),
        offer_title: draft.offer_title.clone(),
        cohort_name: draft.cohort.name.clone(),
        employees: draft.employees.join(", "),
        dates: draft
            .sessions
            .iter()
            .map(|s| {
                let hours = lernweg_planner::output::de_num(s.hours);
                lang.t_args(
                    "plan-employer-date",
                    &[("date", session_line(lang, s)), ("hours", hours)],
                )
            })
            .collect(),
        reasons: BlockReason::ALL
            .iter()
            .map(|r| {
                let code = r.code();
                let label = lang.t(&format!("plan-reason-{code}"));
                (code, label, code == form.reason)
            })
            .collect(),
        answers: draft
            .answers
            .iter()
            .zip(rows)
            .map(|(a, row)| OwnAnswer {
                id: a.answer.id.to_string(),
                row,
            })
            .collect(),
        error_field: error.as_ref().map_or("", |(f, _)| f),
        error: error.map(|(_, m)| m),
        form,
    };
    (status, render(&page)).into_response()
}

async fn draft(state: &AppState, ctx: &Ctx, id: CohortId) -> Result<SharedDraft, PortalError> {
    let (_, _, draft) =
        lernweg_app::planning::shared_draft(&state.app, &caller(ctx)?, contact(ctx), id)
            .await
            .or_portal(ctx, Lang::De)?;
    Ok(draft)
}

/// `GET /betrieb/planung/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
) -> Result<Response, PortalError> {
    let draft = draft(&state, &ctx, id).await?;
    Ok(page(&ctx, &draft, AnswerForm::default(), None))
}

/// `POST /betrieb/planung/{id}`: a period that does not work and/or a comment.
pub async fn answer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, PortalError> {
    let lang = Lang::De;
    let answer = match form.parse(lang) {
        Ok(a) => a,
        Err(e) => {
            let draft = draft(&state, &ctx, id).await?;
            return Ok(page(&ctx, &draft, form, Some(e)));
        }
    };
    let result =
        lernweg_app::planning::answer(&state.app, &caller(&ctx)?, contact(&ctx), id, answer).await;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/betrieb/planung/{id}#antworten")).into_response()),
        Err(AppError::Invalid(_)) => {
            let draft = draft(&state, &ctx, id).await?;
            Ok(page(
                &ctx,
                &draft,
                form,
                Some(("comment", lang.t("plan-error-closed"))),
            ))
        }
        Err(e) => Err(e).or_portal(&ctx, lang),
    }
}

/// `POST /betrieb/planung/antworten/{id}/zurueckziehen`: withdraws an own answer.
pub async fn withdraw(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<PlanAnswerId>,
) -> Result<Response, PortalError> {
    let cohort = lernweg_app::planning::withdraw(&state.app, &caller(&ctx)?, contact(&ctx), id)
        .await
        .or_portal(&ctx, Lang::De)?;
    Ok(Redirect::to(&format!("/betrieb/planung/{cohort}#antworten")).into_response())
}
