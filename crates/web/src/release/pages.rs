//! The release agreement pages: staff request one from the participant page and record the
//! signed answer; the employer's contact reads and answers it under `/betrieb`. Both show the
//! same body (`release_body.html`) in their own frame.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::Datelike;
use lernweg_app::release;
use lernweg_app::{AppError, Caller};
use lernweg_domain::{EmployerContactId, EnrolmentId, ReleaseAgreementId};
use lernweg_participants::{ReleaseAnswer, ReleaseState};
use lernweg_planner::output::de_num;
use lernweg_store::ReleaseAgreement;

use super::pdf::{answer_key, download};
use crate::AppState;
use crate::context::Ctx;
use crate::employers::portal::{caller as employer_caller, contact};
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::offers::caller;
use crate::pages::{Layout, render};
use crate::portal::{OrPortal, PortalError, PortalLayout};

pub struct DateRow {
    pub iso: String,
    pub day: String,
    pub time: String,
    pub hours: String,
    pub answer: String,
    pub agreed: Option<bool>,
}

pub struct HistoryRow {
    pub iso: String,
    pub at: String,
    pub by: String,
    pub state: String,
    pub note: String,
}

/// What both frames show.
pub struct AgreementView {
    pub participant_id: String,
    pub person: String,
    pub employer: String,
    pub cohort: String,
    pub state_code: &'static str,
    pub state_label: String,
    pub total: String,
    pub rows: Vec<DateRow>,
    pub history: Vec<HistoryRow>,
    pub pdf_url: String,
    /// Where the answer form posts.
    pub action: String,
    pub error: Option<String>,
}

impl AgreementView {
    fn new(lang: Lang, a: &ReleaseAgreement, base: &str, error: Option<String>) -> Self {
        AgreementView {
            participant_id: a.participant_id.to_string(),
            person: format!("{} {}", a.given_name, a.family_name),
            employer: a.employer_name.clone(),
            cohort: a.cohort_name.clone(),
            state_code: a.state.code(),
            state_label: lang.t(&format!("release-state-{}", a.state.code())),
            total: lang.t_args(
                "release-pdf-total",
                &[
                    ("hours", de_num(a.total_hours())),
                    ("count", a.dates.len().to_string()),
                ],
            ),
            rows: a
                .dates
                .iter()
                .map(|d| DateRow {
                    iso: d.date.to_string(),
                    day: format!(
                        "{}, {}",
                        lang.t(&format!(
                            "portal-weekday-{}",
                            d.date.weekday().number_from_monday()
                        )),
                        d.date.format("%d.%m.%Y")
                    ),
                    time: format!("{}–{}", d.start, d.end),
                    hours: de_num(d.hours),
                    answer: lang.t(answer_key(d.agreed)),
                    agreed: d.agreed,
                })
                .collect(),
            history: a
                .history
                .iter()
                .map(|h| HistoryRow {
                    iso: h.at.to_rfc3339(),
                    at: h
                        .at
                        .with_timezone(&chrono_tz::Europe::Berlin)
                        .format("%d.%m.%Y %H:%M")
                        .to_string(),
                    by: h.actor_label.clone(),
                    state: lang.t(&format!("release-state-{}", h.state.code())),
                    note: h.note.clone(),
                })
                .collect(),
            pdf_url: format!("{base}/{}/pdf", a.id),
            action: format!("{base}/{}", a.id),
            error,
        }
    }
}

#[derive(Template)]
#[template(path = "release_staff.html")]
struct StaffPage {
    layout: Layout,
    a: AgreementView,
}

#[derive(Template)]
#[template(path = "release_employer.html")]
struct EmployerPage {
    layout: PortalLayout,
    a: AgreementView,
}

const STAFF_BASE: &str = "/verwaltung/freistellungen";
const EMPLOYER_BASE: &str = "/betrieb/freistellungen";

/// The answer of the form: `state` and the checked `agreed_dates`, and a note.
fn parse_answer(fields: &[(String, String)]) -> (Option<ReleaseAnswer>, String) {
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let dates = fields
        .iter()
        .filter(|(n, _)| n == "agreed_dates")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let answer = match ReleaseState::parse(&get("state")) {
        Some(ReleaseState::Agreed) => Some(ReleaseAnswer::AgreeAll),
        Some(ReleaseState::Declined) => Some(ReleaseAnswer::DeclineAll),
        Some(ReleaseState::PartlyAgreed) => Some(ReleaseAnswer::Only(dates)),
        _ => None,
    };
    (answer, get("note"))
}

/// The words of a refused answer (`None`: not the user's mistake).
fn refusal(lang: Lang, e: &AppError) -> Option<String> {
    match e {
        AppError::Invalid(list) => Some(match list.first().map(|p| p.code) {
            Some("not_partly") => lang.t("release-error-partly"),
            Some("too_long") => lang.t("form-error-too_long"),
            _ => lang.t("release-error-answer"),
        }),
        _ => None,
    }
}

async fn answered(
    state: &AppState,
    caller: &Caller,
    contact: Option<EmployerContactId>,
    id: ReleaseAgreementId,
    fields: &[(String, String)],
    lang: Lang,
) -> Result<Result<(), String>, AppError> {
    let (answer, note) = parse_answer(fields);
    let Some(answer) = answer else {
        return Ok(Err(lang.t("release-error-choose")));
    };
    match release::answer(&state.app, caller, contact, id, &answer, &note).await {
        Ok(_) => Ok(Ok(())),
        Err(e) => match refusal(lang, &e) {
            Some(text) => Ok(Err(text)),
            None => Err(e),
        },
    }
}

/// 422 when the page shows a refused answer.
fn status_of(error: &Option<String>) -> axum::http::StatusCode {
    if error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    }
}

// --- Staff ---------------------------------------------------------------------------------

fn staff_page(ctx: &Ctx, a: &ReleaseAgreement, error: Option<String>) -> Response {
    let mut layout = Layout::new(ctx, "/verwaltung/teilnehmende", "release-title");
    layout.here = "/verwaltung/teilnehmende".into();
    let status = status_of(&error);
    let page = StaffPage {
        layout,
        a: AgreementView::new(ctx.lang, a, STAFF_BASE, error),
    };
    (status, render(&page)).into_response()
}

/// `POST /verwaltung/einschreibungen/{id}/freistellung`: asks for the release.
pub async fn request(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<EnrolmentId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let a = release::request(&state.app, &caller, id).await?;
    Ok(Redirect::to(&format!("{STAFF_BASE}/{}", a.id)).into_response())
}

/// `GET /verwaltung/freistellungen/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ReleaseAgreementId>,
) -> Result<Response, PageError> {
    let a = release::show(&state.app, &caller(&ctx)?, None, id).await?;
    Ok(staff_page(&ctx, &a, None))
}

/// `POST /verwaltung/freistellungen/{id}`: records the signed answer.
pub async fn answer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ReleaseAgreementId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    match answered(&state, &caller, None, id, &fields, ctx.lang).await? {
        Ok(()) => Ok(Redirect::to(&format!("{STAFF_BASE}/{id}")).into_response()),
        Err(text) => {
            let a = release::show(&state.app, &caller, None, id).await?;
            Ok(staff_page(&ctx, &a, Some(text)))
        }
    }
}

/// `GET /verwaltung/freistellungen/{id}/pdf`.
pub async fn pdf(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ReleaseAgreementId>,
) -> Result<Response, PageError> {
    let a = release::show(&state.app, &caller(&ctx)?, None, id).await?;
    download(&state, &a).await.map_err(|()| PageError::Internal)
}

// --- The employer's contact ----------------------------------------------------------------

/// The agreement an employer's contact asks for (as unknown as a missing one when it is not
/// addressed to their employer).
async fn employer_agreement(
    state: &AppState,
    ctx: &Ctx,
    id: ReleaseAgreementId,
) -> Result<ReleaseAgreement, PortalError> {
    release::show(&state.app, &employer_caller(ctx)?, contact(ctx), id)
        .await
        .or_portal(ctx, Lang::De)
}

fn employer_page(ctx: &Ctx, a: &ReleaseAgreement, error: Option<String>) -> Response {
    let status = status_of(&error);
    let page = EmployerPage {
        layout: PortalLayout::new(ctx, Lang::De, "release-title"),
        a: AgreementView::new(Lang::De, a, EMPLOYER_BASE, error),
    };
    (status, render(&page)).into_response()
}

/// `GET /betrieb/freistellungen/{id}`.
pub async fn employer_show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ReleaseAgreementId>,
) -> Result<Response, PortalError> {
    let a = employer_agreement(&state, &ctx, id).await?;
    Ok(employer_page(&ctx, &a, None))
}

/// `POST /betrieb/freistellungen/{id}`: the employer answers.
pub async fn employer_answer(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ReleaseAgreementId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PortalError> {
    let caller = employer_caller(&ctx)?;
    match answered(&state, &caller, contact(&ctx), id, &fields, Lang::De)
        .await
        .or_portal(&ctx, Lang::De)?
    {
        Ok(()) => Ok(Redirect::to(&format!("{EMPLOYER_BASE}/{id}")).into_response()),
        Err(text) => {
            let a = employer_agreement(&state, &ctx, id).await?;
            Ok(employer_page(&ctx, &a, Some(text)))
        }
    }
}

/// `GET /betrieb/freistellungen/{id}/pdf`.
pub async fn employer_pdf(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ReleaseAgreementId>,
) -> Result<Response, PortalError> {
    let a = employer_agreement(&state, &ctx, id).await?;
    download(&state, &a)
        .await
        .map_err(|()| AppError::Internal("release agreement PDF".into()))
        .or_portal(&ctx, Lang::De)
}
