//! Progress on the participant page (counselling staff): per enrolment the attendance rate,
//! the modules completed and the milestones reached, the staff entries, and the small form
//! to add one ("Modul 1 abgeschlossen", "Prüfung zu Modul 2 bestanden", …).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_app::AppError;
use lernweg_app::attendance::{self as uc, NewEntry};
use lernweg_app::participants::file::ParticipantFile;
use lernweg_domain::EnrolmentId;
use lernweg_participants::attendance::takes_part;
use lernweg_participants::{Decision, ExamOutcome, ModuleInfo, Progress};
use lernweg_store::{Cohort, ENTRY_NOTE_MAX, Enrolment, module_infos};
use serde::Deserialize;

use super::{date_text, hours_text, percent_text};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::Choice;
use crate::pages::{Layout, render};

pub struct ModuleRow {
    pub label: String,
    pub held: String,
    pub present: String,
    pub excused: String,
    pub rate: String,
    pub state: String,
    pub completed: bool,
}

pub struct MilestoneRow {
    pub label: String,
    pub detail: String,
    pub reached: bool,
}

pub struct EntryRow {
    pub on: String,
    pub text: String,
    pub note: String,
    pub by: String,
}

/// The progress of one enrolment, ready for the page.
pub struct EnrolmentProgress {
    pub id: String,
    pub cohort: String,
    pub rate: String,
    pub hours: String,
    pub modules_done: String,
    pub milestones_done: String,
    pub modules: Vec<ModuleRow>,
    pub milestones: Vec<MilestoneRow>,
    pub entries: Vec<EntryRow>,
    /// `decision:module` choices the form offers.
    pub choices: Vec<Choice>,
}

/// What `attendance_progress.html` (included in the participant page) shows.
#[derive(Default)]
pub struct ProgressPanel {
    pub items: Vec<EnrolmentProgress>,
    pub today: String,
    pub note_max: usize,
}

fn module_label(lang: Lang, number: u32, title: &str) -> String {
    let base = lang.t_args("attendance-module-n", &[("n", number.to_string())]);
    if title.is_empty() {
        base
    } else {
        format!("{base}: {title}")
    }
}

/// The entries a staff member may make for a cohort: per module completed / not completed,
/// milestone reached, and exam passed / failed where the module has an exam.
fn entry_choices(lang: Lang, modules: &[ModuleInfo], progress: &Progress) -> Vec<Choice> {
    let mut out = Vec::new();
    for m in modules {
        let with_exam = progress
            .milestones
            .iter()
            .any(|x| x.module == m.number && x.with_exam);
        for d in Decision::ALL {
            if d.is_exam() && !with_exam {
                continue;
            }
            out.push(Choice {
                value: format!("{}:{}", d.code(), m.number),
                label: lang.t_args(
                    &format!("attendance-decision-{}", d.code()),
                    &[("n", m.number.to_string())],
                ),
                selected: false,
            });
        }
    }
    out
}

fn view(
    lang: Lang,
    enrolment: &Enrolment,
    cohort: &Cohort,
    modules: &[ModuleInfo],
    p: &Progress,
    entries: Vec<EntryRow>,
) -> EnrolmentProgress {
    let h = |x: f64| hours_text(lang, x);
    let module_rows = p
        .modules
        .iter()
        .map(|m| ModuleRow {
            label: module_label(lang, m.number, &m.title),
            held: h(m.hours.held),
            present: h(m.hours.present),
            excused: h(m.hours.excused),
            rate: percent_text(m.rate()),
            state: lang.t(&format!("attendance-completion-{}", m.completion.code())),
            completed: m.completion.is_completed(),
        })
        .collect();
    let milestone_rows = p
        .milestones
        .iter()
        .map(|m| {
            let mut detail = Vec::new();
            if let Some(d) = m.exam_date {
                detail.push(lang.t_args("attendance-exam-on", &[("date", date_text(d))]));
            }
            match m.exam {
                Some(ExamOutcome::Passed) => detail.push(lang.t("attendance-exam-passed")),
                Some(ExamOutcome::Failed) => detail.push(lang.t("attendance-exam-failed")),
                None if m.with_exam => detail.push(lang.t("attendance-exam-open")),
                None => {}
            }
            if m.confirmed_by_staff {
                detail.push(lang.t("attendance-milestone-confirmed"));
            }
            let name = m.title.clone().unwrap_or_else(|| {
                lang.t_args("attendance-milestone-of", &[("n", m.module.to_string())])
            });
            MilestoneRow {
                label: format!("{}: {name}", module_label(lang, m.module, "")),
                detail: detail.join(" · "),
                reached: m.reached,
            }
        })
        .collect();
    EnrolmentProgress {
        id: enrolment.id.to_string(),
        cohort: cohort.name.clone(),
        rate: percent_text(p.rate()),
        hours: lang.t_args(
            "attendance-hours-summary",
            &[
                ("present", h(p.overall.present)),
                ("held", h(p.overall.held)),
                ("excused", h(p.overall.excused)),
                ("absent", h(p.overall.absent)),
            ],
        ),
        modules_done: format!("{} / {}", p.modules_completed(), p.modules.len()),
        milestones_done: format!("{} / {}", p.milestones_reached(), p.milestones.len()),
        modules: module_rows,
        milestones: milestone_rows,
        entries,
        choices: entry_choices(lang, modules, p),
    }
}

/// The panel for the participant page: every enrolment that got a place (enrolled or later).
pub fn progress_panel(lang: Lang, today: NaiveDate, file: &ParticipantFile) -> ProgressPanel {
    let items = file
        .enrolments
        .iter()
        .filter(|e| takes_part(e.enrolment.status))
        .map(|e| {
            let entries = e
                .entries
                .iter()
                .map(|x| EntryRow {
                    on: date_text(x.on_date),
                    text: lang.t_args(
                        &format!("attendance-decision-{}", x.decision.code()),
                        &[("n", x.module.to_string())],
                    ),
                    note: x.note.clone(),
                    by: file.staff_name(x.recorded_by.as_deref()),
                })
                .collect();
            let modules = module_infos(&e.offer.offer);
            view(
                lang,
                &e.enrolment,
                &e.cohort,
                &modules,
                &e.progress,
                entries,
            )
        })
        .collect();
    ProgressPanel {
        items,
        today: today.to_string(),
        note_max: ENTRY_NOTE_MAX,
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EntryForm {
    entry: String,
    on: String,
    note: String,
}

/// The staff entry form again, after a refusal.
#[derive(Template)]
#[template(path = "attendance_entry.html")]
pub struct EntryPage {
    pub layout: Layout,
    pub participant_id: String,
    pub enrolment_id: String,
    pub cohort: String,
    pub error: String,
    pub choices: Vec<Choice>,
    pub on: String,
    pub note: String,
    pub note_max: usize,
}

fn parse_entry(raw: &str) -> Option<(Decision, u32)> {
    let (code, module) = raw.trim().split_once(':')?;
    Some((Decision::parse(code)?, module.parse().ok()?))
}

/// `POST /verwaltung/einschreibungen/{id}/fortschritt`: adds a staff entry and returns to the
/// participant page; a refusal shows the form again with the reason (422).
pub async fn add_entry(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<EnrolmentId>,
    Form(form): Form<EntryForm>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = ctx.caller().ok_or(PageError::NotFound)?;
    let (enrolment, cohort) = uc::visible_enrolment(&state.app, &caller.principal, id).await?;
    let on = if form.on.trim().is_empty() {
        Some(None)
    } else {
        NaiveDate::parse_from_str(form.on.trim(), "%Y-%m-%d")
            .ok()
            .map(Some)
    };
    let key = match (parse_entry(&form.entry), on) {
        (None, _) => "attendance-entry-error-choose".to_owned(),
        (_, None) => "attendance-entry-error-date".to_owned(),
        (Some((decision, module)), Some(on)) => {
            let entry = NewEntry {
                module,
                decision,
                on,
                note: form.note.clone(),
            };
            match uc::add_progress_entry(&state.app, &caller, enrolment.id, entry).await {
                Ok(_) => {
                    return Ok(Redirect::to(&format!(
                        "/verwaltung/teilnehmende/{}#fortschritt-{}",
                        enrolment.participant_id, enrolment.id
                    ))
                    .into_response());
                }
                Err(AppError::Invalid(ps)) => ps
                    .first()
                    .map(|p| format!("attendance-entry-error-{}", p.code))
                    .unwrap_or_else(|| "attendance-entry-error-choose".to_owned()),
                Err(e) => return Err(e.into()),
            }
        }
    };
    let choices = entry_form_choices(&state, lang, &cohort, &form.entry).await?;
    let page = EntryPage {
        layout: Layout::new(&ctx, "/verwaltung/teilnehmende", "attendance-entry-title"),
        participant_id: enrolment.participant_id.to_string(),
        enrolment_id: enrolment.id.to_string(),
        cohort: cohort.name.clone(),
        error: lang.t(&key),
        choices,
        on: form.on.clone(),
        note: form.note.clone(),
        note_max: ENTRY_NOTE_MAX,
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}

async fn entry_form_choices(
    state: &AppState,
    lang: Lang,
    cohort: &Cohort,
    selected: &str,
) -> Result<Vec<Choice>, AppError> {
    let (modules, p) = uc::blank_progress(&state.app, cohort).await?;
    let mut choices = entry_choices(lang, &modules, &p);
    for c in &mut choices {
        c.selected = c.value == selected;
    }
    Ok(choices)
}
