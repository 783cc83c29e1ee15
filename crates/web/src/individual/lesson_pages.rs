//! The confirmed lesson dates on the plan page (issue 14, point 3): the proposal confirmed
//! with one button, each date with its state and attendance, moved or cancelled with a
//! reason. The rules are `lernweg_app::participants::lessons`; a refusal is shown above the
//! dates, what was typed is not lost (the forms are per date).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::{Datelike, NaiveDate};
use lernweg_app::AppError;
use lernweg_app::participants::lessons::{self, DatedLesson};
use lernweg_domain::{PlanItemId, PlanSessionId};
use lernweg_participants::AttendanceStatus;
use lernweg_participants::lesson_dates::LessonDate;
use lernweg_participants::qualification_plan::ItemDetails;
use lernweg_planner::ClockTime;
use lernweg_planner::model::weekday_code;
use lernweg_store::{PlanItemRecord, SessionStatus};

use super::forms::get;
use super::pages::{Feedback, base, page};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::offers::caller;

/// Proposed dates to confirm: the item's id and (date, start, end) of each.
pub type ProposalForm = (String, Vec<(String, String, String)>);

/// One confirmed date on the page.
pub struct DateRow {
    pub id: String,
    /// "Di., 02.03.2027"
    pub day: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub cancelled: bool,
    /// "bestätigt", "verschoben: <reason>", "abgesagt: <reason>".
    pub state: String,
    /// The attendance recorded (a code), empty while none is.
    pub attendance: String,
}

/// The dates of one lessons item.
pub struct DateBlock {
    pub title: String,
    pub rows: Vec<DateRow>,
}

/// The attendance choices in `lang`.
pub fn attendance_choices(lang: Lang) -> Vec<Choice> {
    AttendanceStatus::ALL
        .iter()
        .map(|s| Choice {
            value: s.code().into(),
            label: lang.t(&format!("attendance-status-{}", s.code())),
            selected: false,
        })
        .collect()
}

/// The confirmed dates of each lessons item of the plan (items without dates are left out).
pub fn date_blocks(lang: Lang, items: &[PlanItemRecord], dates: &[DatedLesson]) -> Vec<DateBlock> {
    items
        .iter()
        .filter(|i| matches!(i.item.details, ItemDetails::Lessons { .. }))
        .map(|i| DateBlock {
            title: i.item.title.clone(),
            rows: dates
                .iter()
                .filter(|d| d.session.item_id == i.id)
                .map(|d| row(lang, d))
                .collect(),
        })
        .filter(|b| !b.rows.is_empty())
        .collect()
}

fn row(lang: Lang, d: &DatedLesson) -> DateRow {
    let s = &d.session;
    let last = d
        .changes
        .last()
        .map(|c| c.reason.clone())
        .unwrap_or_default();
    let cancelled = s.status == SessionStatus::Cancelled;
    let state = if cancelled {
        lang.t_args("ip-date-cancelled", &[("reason", last)])
    } else if d.changes.is_empty() {
        lang.t("ip-date-confirmed")
    } else {
        lang.t_args("ip-date-moved", &[("reason", last)])
    };
    DateRow {
        id: s.id.to_string(),
        day: format!(
            "{}, {}",
            lang.t(&format!("weekday-{}", weekday_code(s.date.weekday()))),
            s.date.format("%d.%m.%Y")
        ),
        date: s.date.to_string(),
        start: s.start.to_string(),
        end: s.end.to_string(),
        cancelled,
        state,
        attendance: s
            .attendance
            .map(|a| a.code().to_owned())
            .unwrap_or_default(),
    }
}

/// Back to the dates after a change, or the page with the refusal.
async fn answer(
    state: &AppState,
    ctx: &Ctx,
    participant: lernweg_domain::ParticipantId,
    result: Result<DatedLesson, AppError>,
) -> Result<Response, PageError> {
    match result {
        Ok(_) => Ok(Redirect::to(&format!("{}#termine", base(participant))).into_response()),
        Err(e) => show_refusal(state, ctx, participant, e).await,
    }
}

/// The refusal as one line above the dates, in `lang`.
fn refusal(lang: Lang, e: AppError) -> Result<FormErrors, PageError> {
    let AppError::Invalid(list) = e else {
        return Err(e.into());
    };
    let text = list
        .iter()
        .map(|p| {
            let key = format!("ip-date-error-{}", p.code);
            match lang.t(&key) {
                t if t != key => t,
                _ => lang.t(&format!("form-error-{}", p.code)),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut errors = FormErrors::default();
    errors.0.insert("dates".into(), text);
    Ok(errors)
}

async fn show_refusal(
    state: &AppState,
    ctx: &Ctx,
    participant: lernweg_domain::ParticipantId,
    e: AppError,
) -> Result<Response, PageError> {
    let fb = Feedback {
        errors: refusal(ctx.lang, e)?,
        ..Feedback::default()
    };
    page(
        state,
        ctx,
        participant,
        StatusCode::UNPROCESSABLE_ENTITY,
        fb,
    )
    .await
}

/// A date and times typed in a form; `None` when one of them is not one.
fn typed_date(fields: &[(String, String)], i: usize) -> Option<LessonDate> {
    let at = |k: &str| {
        fields
            .iter()
            .filter(|(n, _)| n == k)
            .nth(i)
            .map(|(_, v)| v.trim().to_owned())
    };
    Some(LessonDate {
        date: NaiveDate::parse_from_str(&at("date")?, "%Y-%m-%d").ok()?,
        start: ClockTime::parse(&at("start")?).ok()?,
        end: ClockTime::parse(&at("end")?).ok()?,
    })
}

/// `POST /verwaltung/plan-bausteine/{id}/termine/bestaetigen`: confirms the proposed dates
/// (hidden fields `date`, `start`, `end`, once per date).
pub async fn confirm(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<PlanItemId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (item, _) = lessons::sessions(&state.app, &caller, id).await?;
    let count = fields.iter().filter(|(n, _)| n == "date").count();
    let dates: Option<Vec<LessonDate>> = (0..count).map(|i| typed_date(&fields, i)).collect();
    let Some(dates) = dates else {
        let e = lernweg_domain::ParseError::new("date", "invalid_date", "a date is not one");
        return show_refusal(&state, &ctx, item.participant_id, e.into()).await;
    };
    match lessons::confirm(&state.app, &caller, id, &dates).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}#termine", base(item.participant_id))).into_response())
        }
        Err(e) => show_refusal(&state, &ctx, item.participant_id, e).await,
    }
}

/// `POST /verwaltung/plan-termine/{id}/anwesenheit`: records attendance (`status`, `note`),
/// from the plan page (counselling staff) or the trainer's attendance overview.
pub async fn attendance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<PlanSessionId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (s, _) = lessons::visible_session(&state.app, &caller, id).await?;
    let result = match AttendanceStatus::parse(&get(&fields, "status")) {
        Some(status) => {
            let note = get(&fields, "note");
            lessons::record_attendance(&state.app, &caller, id, status, &note).await
        }
        None => Err(
            lernweg_domain::ParseError::new("status", "invalid_status", "no such status").into(),
        ),
    };
    if caller.principal.role != lernweg_domain::Role::Trainer {
        return answer(&state, &ctx, s.participant_id, result).await;
    }
    match result {
        Ok(_) => Ok(Redirect::to("/verwaltung/anwesenheit#einzelstunden").into_response()),
        Err(e) => {
            let text = refusal(ctx.lang, e)?.0.remove("dates");
            crate::attendance::pages::overview_page(&state, &ctx, text).await
        }
    }
}

/// `POST /verwaltung/plan-termine/{id}/aendern`: moves a date (`date`, `start`, `end`) or,
/// with `cancel`, cancels it; always with a `reason`.
pub async fn change(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<PlanSessionId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (s, _) = lessons::visible_session(&state.app, &caller, id).await?;
    let reason = get(&fields, "reason");
    let result = if !get(&fields, "cancel").is_empty() {
        lessons::cancel_session(&state.app, &caller, id, &reason).await
    } else {
        match typed_date(&fields, 0) {
            Some(to) => lessons::move_session(&state.app, &caller, id, to, &reason).await,
            None => {
                Err(
                    lernweg_domain::ParseError::new("date", "invalid_date", "a date is not one")
                        .into(),
                )
            }
        }
    };
    answer(&state, &ctx, s.participant_id, result).await
}
