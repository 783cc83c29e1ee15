//! `/verwaltung/teilnehmende/{id}/qualifizierungsplan`: the recognition case with its form,
//! the coverage of each difference (uncovered ones and a plan past the deadline flagged),
//! the plan's items with the form to add one, dates proposed for lessons, and the weekly
//! load of the whole plan.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::participants::individual::{self, PlanView};
use lernweg_domain::{ParticipantId, PlanItemId};
use lernweg_participants::qualification_plan::{CoverageStatus, ItemDetails, PlanItem};
use lernweg_participants::recognition::{Outcome, RawRecognition};
use lernweg_planner::model::weekday_code;

use super::forms::{differences_of, differences_text, get, hours_text, item_json, summary};
use super::lesson_pages::{DateBlock, ProposalForm, attendance_choices, date_blocks};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::offers::caller;
use crate::pages::participants::ContactBox;
use crate::pages::{Layout, render};

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const KINDS: [&str; 6] = [
    "cohort_modules",
    "lessons",
    "placement",
    "self_study",
    "language_course",
    "exam",
];

pub fn base(id: ParticipantId) -> String {
    format!("/verwaltung/teilnehmende/{id}/qualifizierungsplan")
}

/// The recognition form as typed.
#[derive(Debug, Default, Clone)]
pub struct CaseForm {
    pub reference_occupation: String,
    pub kldb: String,
    pub regulated: bool,
    pub authority: String,
    pub applied_on: String,
    pub decided_on: String,
    pub outcome: String,
    pub deadline: String,
    pub differences: String,
}

/// One row of the coverage table.
pub struct CoverageRow {
    pub title: String,
    pub required: String,
    pub planned: String,
    pub done: String,
    pub status: String,
    /// uncovered | short | empty
    pub flag: &'static str,
}

/// One item of the plan.
pub struct ItemRow {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub covers: String,
    pub hours: String,
    pub done: String,
    pub summary: String,
    pub lessons: bool,
}

#[derive(Template)]
#[template(path = "individual_plan.html")]
pub struct PlanPage {
    pub layout: Layout,
    pub contact: ContactBox,
    pub base: String,
    pub has_case: bool,
    pub case: CaseForm,
    pub outcomes: Vec<Choice>,
    pub coverage: Vec<CoverageRow>,
    /// "Der Plan endet am … – nach der Frist …".
    pub deadline_alert: Option<String>,
    pub items: Vec<ItemRow>,
    pub kinds: Vec<Choice>,
    pub differences: Vec<Choice>,
    pub weekdays: Vec<Choice>,
    pub cohorts: Vec<Choice>,
    pub item: Vec<(String, String)>,
    /// Weekly load: summary line and the weeks over the limit.
    pub load: Option<(String, Vec<String>)>,
    /// Proposed dates for a lessons item: (title, dates) or the reason it failed.
    pub proposal: Option<(String, Vec<String>)>,
    /// The proposed dates to confirm: the item's id and (date, start, end) each.
    pub proposal_form: Option<ProposalForm>,
    /// The confirmed dates per lessons item.
    pub dates: Vec<DateBlock>,
    pub attendance_choices: Vec<Choice>,
    pub errors: FormErrors,
}

impl PlanPage {
    /// A value of the item form as typed.
    pub fn v(&self, k: &str) -> String {
        get(&self.item, k)
    }
}

#[derive(Default)]
pub(super) struct Feedback {
    pub case: Option<CaseForm>,
    pub item: Vec<(String, String)>,
    pub proposal: Option<(String, Vec<String>)>,
    pub proposal_form: Option<ProposalForm>,
    pub errors: FormErrors,
}

pub(super) async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: ParticipantId,
    status: StatusCode,
    fb: Feedback,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(ctx)?;
    let PlanView {
        participant,
        case,
        items,
        coverage,
        load,
        ends_on,
        ends_after_deadline,
        dates,
    } = individual::plan(&state.app, &caller, id).await?;
    let differences = case
        .as_ref()
        .map(|c| c.differences.clone())
        .unwrap_or_default();
    let title_of = |id: &str| {
        differences
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let form = fb.case.unwrap_or_else(|| match &case {
        Some(c) => CaseForm {
            reference_occupation: c.reference_occupation.clone(),
            kldb: c
                .kldb
                .as_ref()
                .map(|k| k.as_str().to_owned())
                .unwrap_or_default(),
            regulated: c.regulated,
            authority: c.authority.clone(),
            applied_on: c.applied_on.map(|d| d.to_string()).unwrap_or_default(),
            decided_on: c.decided_on.map(|d| d.to_string()).unwrap_or_default(),
            outcome: c.outcome.code().to_owned(),
            deadline: c.deadline.map(|d| d.to_string()).unwrap_or_default(),
            differences: differences_text(&c.differences),
        },
        None => CaseForm {
            outcome: "pending".into(),
            ..Default::default()
        },
    });
    let outcomes = Outcome::ALL
        .iter()
        .map(|o| Choice {
            value: o.code().into(),
            label: lang.t(&format!("ip-outcome-{}", o.code())),
            selected: o.code() == form.outcome,
        })
        .collect();
    let coverage_rows = coverage
        .iter()
        .map(|c| CoverageRow {
            title: title_of(&c.difference),
            required: c
                .required_hours
                .map(hours_text)
                .unwrap_or_else(|| "–".into()),
            planned: hours_text(c.planned_hours),
            done: hours_text(c.done_hours),
            status: lang.t(&format!("ip-status-{}", c.status.code())),
            flag: if c.status == CoverageStatus::Uncovered {
                "uncovered"
            } else if c.short() {
                "short"
            } else {
                ""
            },
        })
        .collect();
    let deadline_alert = ends_after_deadline.then(|| {
        let day = |d: Option<chrono::NaiveDate>| {
            d.map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_default()
        };
        lang.t_args(
            "ip-deadline-missed",
            &[
                ("end", day(ends_on)),
                ("deadline", day(case.as_ref().and_then(|c| c.deadline))),
            ],
        )
    });
    let item_rows = items
        .iter()
        .map(|r| ItemRow {
            id: r.id.to_string(),
            kind: lang.t(&format!("ip-kind-{}", r.item.details.kind())),
            title: r.item.title.clone(),
            covers: r
                .item
                .covers
                .iter()
                .map(|c| title_of(c))
                .collect::<Vec<_>>()
                .join(", "),
            hours: hours_text(r.item.hours),
            done: hours_text(r.done_hours),
            summary: summary(lang, &r.item.details),
            lessons: matches!(r.item.details, ItemDetails::Lessons { .. }),
        })
        .collect();
    let typed = fb.item;
    let picked = |k: &str, v: &str| typed.iter().any(|(n, x)| n == k && x == v);
    let kind_now = get(&typed, "kind");
    let cohorts =
        lernweg_app::cohorts::of_provider(&state.app, &caller.principal, participant.provider_id)
            .await?
            .into_iter()
            .filter(|c| !matches!(c.status, lernweg_domain::CohortStatus::Finished))
            .map(|c| Choice {
                selected: picked("cohort_id", &c.id.to_string()),
                value: c.id.to_string(),
                label: format!("{} ({})", c.name, c.start_date.format("%d.%m.%Y")),
            })
            .collect();
    let load = load.map(|f| {
        let line = lang.t_args(
            "ip-load-summary",
            &[
                ("avg", hours_text(f.avg_weekly_hours)),
                ("peak", hours_text(f.peak_weekly_hours)),
                ("limit", hours_text(f.limit_hours)),
            ],
        );
        let over = f
            .weeks
            .iter()
            .filter(|w| w.over_limit)
            .map(|w| {
                lang.t_args(
                    "ip-load-week",
                    &[
                        ("week", w.week.clone()),
                        ("hours", hours_text(w.total_hours)),
                    ],
                )
            })
            .collect();
        (line, over)
    });
    let view = PlanPage {
        layout: Layout::new(ctx, "/verwaltung/teilnehmende", "ip-title"),
        contact: ContactBox::load(state, lang, &participant).await,
        base: base(participant.id),
        has_case: case.is_some(),
        case: form,
        outcomes,
        coverage: coverage_rows,
        deadline_alert,
        items: item_rows,
        kinds: KINDS
            .iter()
            .map(|k| Choice {
                value: (*k).into(),
                label: lang.t(&format!("ip-kind-{k}")),
                selected: *k == kind_now,
            })
            .collect(),
        differences: differences
            .iter()
            .map(|d| Choice {
                value: d.id.clone(),
                label: d.title.clone(),
                selected: picked("covers", &d.id),
            })
            .collect(),
        weekdays: WEEKDAYS
            .iter()
            .map(|w| Choice {
                value: (*w).into(),
                label: lang.t(&format!("weekday-{w}")),
                selected: picked("weekdays", w),
            })
            .collect(),
        cohorts,
        item: typed,
        load,
        proposal: fb.proposal,
        proposal_form: fb.proposal_form,
        dates: date_blocks(lang, &items, &dates),
        attendance_choices: attendance_choices(lang),
        errors: fb.errors,
    };
    Ok((status, render(&view)).into_response())
}

/// `GET /verwaltung/teilnehmende/{id}/qualifizierungsplan`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    page(&state, &ctx, id, StatusCode::OK, Feedback::default()).await
}

pub(super) fn refused(lang: Lang, e: AppError, errors: &mut FormErrors) -> Result<(), PageError> {
    match e {
        AppError::Invalid(list) => {
            for p in list {
                let key = format!("ip-error-{}", p.code);
                let text = lang.t(&key);
                let text = if text == key {
                    lang.t(&format!("form-error-{}", p.code))
                } else {
                    text
                };
                errors.0.entry(p.field.to_owned()).or_insert(text);
            }
            Ok(())
        }
        other => Err(other.into()),
    }
}

/// `POST …/qualifizierungsplan/anerkennung`: records the recognition case.
pub async fn save_case(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let old = individual::recognition(&state.app, &caller, id)
        .await?
        .map(|r| r.case.differences)
        .unwrap_or_default();
    let form = CaseForm {
        reference_occupation: get(&fields, "reference_occupation"),
        kldb: get(&fields, "kldb"),
        regulated: !get(&fields, "regulated").is_empty(),
        authority: get(&fields, "authority"),
        applied_on: get(&fields, "applied_on"),
        decided_on: get(&fields, "decided_on"),
        outcome: get(&fields, "outcome"),
        deadline: get(&fields, "deadline"),
        differences: fields
            .iter()
            .find(|(n, _)| n == "differences")
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
    };
    let mut errors = FormErrors::default();
    let mut day = |field: &'static str, s: &str| match s {
        "" => None,
        s => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.0.insert(field.into(), lang.t("cohort-error-date"));
                None
            }
        },
    };
    let applied_on = day("applied_on", &form.applied_on);
    let decided_on = day("decided_on", &form.decided_on);
    let deadline = day("deadline", &form.deadline);
    let differences = differences_of(&form.differences, &old).unwrap_or_else(|line| {
        errors.0.insert(
            "differences".into(),
            lang.t_args("ip-error-difference-line", &[("line", line.to_string())]),
        );
        Vec::new()
    });
    if errors.0.is_empty() {
        let raw = RawRecognition {
            reference_occupation: form.reference_occupation.clone(),
            kldb: Some(form.kldb.clone()),
            regulated: form.regulated,
            authority: form.authority.clone(),
            applied_on,
            decided_on,
            outcome: form.outcome.clone(),
            deadline,
            differences,
        };
        match individual::put_recognition(&state.app, &caller, id, raw).await {
            Ok(_) => return Ok(Redirect::to(&format!("{}#anerkennung", base(id))).into_response()),
            Err(e) => refused(lang, e, &mut errors)?,
        }
    }
    let fb = Feedback {
        case: Some(form),
        errors,
        ..Feedback::default()
    };
    page(&state, &ctx, id, StatusCode::UNPROCESSABLE_ENTITY, fb).await
}

/// `POST …/qualifizierungsplan/bausteine`: adds an item.
pub async fn add_item(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let mut errors = FormErrors::default();
    match serde_json::from_value::<PlanItem>(item_json(&fields)) {
        Ok(item) => match individual::add_item(&state.app, &caller(&ctx)?, id, item).await {
            Ok(_) => return Ok(Redirect::to(&format!("{}#bausteine", base(id))).into_response()),
            Err(e) => refused(lang, e, &mut errors)?,
        },
        Err(_) => {
            errors.0.insert("item".into(), lang.t("ip-error-item"));
        }
    }
    let fb = Feedback {
        item: fields,
        errors,
        ..Feedback::default()
    };
    page(&state, &ctx, id, StatusCode::UNPROCESSABLE_ENTITY, fb).await
}

/// `POST /verwaltung/plan-bausteine/{id}/loeschen`.
pub async fn delete_item(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<PlanItemId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (item, _) = individual::item(&state.app, &caller, id).await?;
    individual::delete_item(&state.app, &caller, id).await?;
    Ok(Redirect::to(&format!("{}#bausteine", base(item.participant_id))).into_response())
}

/// `POST /verwaltung/plan-bausteine/{id}/termine`: proposes dates for a lessons item.
pub async fn propose(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<PlanItemId>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let (item, _) = individual::item(&state.app, &caller, id).await?;
    let mut proposal_form = None;
    let lines = match individual::propose_lessons(&state.app, &caller, id).await {
        Ok(list) => list
            .iter()
            .inspect(|s| {
                let dates = &mut proposal_form
                    .get_or_insert_with(|| (item.id.to_string(), Vec::new()))
                    .1;
                dates.push((s.date.to_string(), s.start.to_string(), s.end.to_string()));
            })
            .map(|s| {
                let wd = lang.t(&format!(
                    "weekday-{}",
                    weekday_code(chrono::Datelike::weekday(&s.date))
                ));
                format!("{wd}, {} {}–{}", s.date.format("%d.%m.%Y"), s.start, s.end)
            })
            .collect(),
        Err(AppError::Invalid(list)) => vec![lang.t_args(
            "ip-propose-failed",
            &[(
                "reason",
                list.first().map(|p| p.message.clone()).unwrap_or_default(),
            )],
        )],
        Err(AppError::Conflict(_)) => vec![lang.t("ip-propose-no-work")],
        Err(e) => return Err(e.into()),
    };
    let fb = Feedback {
        proposal: Some((item.item.title.clone(), lines)),
        proposal_form,
        ..Feedback::default()
    };
    page(&state, &ctx, item.participant_id, StatusCode::OK, fb).await
}

/// `POST /verwaltung/plan-bausteine/{id}/stunden`: logs hours done on an item.
pub async fn log_hours(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<PlanItemId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let (item, _) = individual::item(&state.app, &caller, id).await?;
    let mut errors = FormErrors::default();
    let on = chrono::NaiveDate::parse_from_str(&get(&fields, "on"), "%Y-%m-%d");
    let hours = get(&fields, "hours").replace(',', ".").parse::<f64>();
    match (on, hours) {
        (Ok(on), Ok(hours)) => {
            let log = lernweg_store::PlanItemLog {
                on,
                hours,
                note: get(&fields, "note"),
            };
            match individual::log_hours(&state.app, &caller, id, log).await {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("{}#bausteine", base(item.participant_id)))
                            .into_response(),
                    );
                }
                Err(e) => {
                    // Shown above the items, not at the new-item form's fields.
                    let mut at_fields = FormErrors::default();
                    refused(lang, e, &mut at_fields)?;
                    if let Some(m) = at_fields.0.into_values().next() {
                        errors.0.insert("log".into(), m);
                    }
                }
            }
        }
        _ => {
            errors.0.insert("log".into(), lang.t("ip-error-log"));
        }
    }
    let fb = Feedback {
        errors,
        ..Feedback::default()
    };
    page(
        &state,
        &ctx,
        item.participant_id,
        StatusCode::UNPROCESSABLE_ENTITY,
        fb,
    )
    .await
}
