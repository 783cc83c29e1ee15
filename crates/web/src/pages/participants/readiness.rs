//! The readiness check (Eignungs- und Belastungscheck, MISSION §2.3) as a guided form in
//! plain German, its result with a traffic light per dimension, and the change since the
//! check before. The offer's weekly hours are prefilled from the participant's current
//! cohort and kept with the check; a cohort that is not one of the participant's open
//! enrolments is refused (the rule of `lernweg_app::participants::readiness`, as in the API).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::participants::care;
use lernweg_app::participants::file::{self, Notes, ParticipantFile};
use lernweg_app::participants::readiness::{
    self as rules, Basis, NewCheck, find, kept_result, open_cohorts,
};
use lernweg_domain::{CohortId, ParticipantId};
use lernweg_participants::readiness::{
    CareDuties, Childcare, Device, DigitalSkills, Health, Income, Internet, JobRelates,
};
use lernweg_participants::{ConsentScope, Light, ReadinessAnswers, ReadinessResult, compare};
use lernweg_store::{ParticipantRecord, ReadinessRecord};
use serde::Deserialize;

use super::detail::code_of;
use super::readiness_basis::{CohortLink, basis_text, hours_hints};
use super::{ContactBox, caller, record};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::{PageId, PageIds};
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::catalogue::hours_text;
use crate::pages::{Layout, render};

/// One earlier check in a list.
pub struct CheckRow {
    pub id: String,
    pub on: String,
    pub counsellor: String,
    pub overall: String,
}

/// A stored check's result and its reasons as text (one per dimension, same order). Hours
/// are kept with a decimal point; German shows a decimal comma.
fn result_of(r: &ReadinessRecord, lang: Lang) -> Option<(ReadinessResult, Vec<String>)> {
    let (res, reasons) = kept_result(r)?;
    let reasons = reasons
        .iter()
        .map(|k| {
            let args: Vec<(&'static str, String)> = k
                .args
                .iter()
                .map(|(n, v)| match (*n, lang) {
                    ("free" | "needed", Lang::De) => (*n, v.replace('.', ",")),
                    _ => (*n, v.clone()),
                })
                .collect();
            lang.t_args(&k.message_id(), &args)
        })
        .collect();
    Some((res, reasons))
}

pub(crate) fn check_rows(lang: Lang, file: &ParticipantFile) -> Vec<CheckRow> {
    file.checks
        .iter()
        .rev()
        .map(|r| CheckRow {
            id: r.id.clone(),
            on: r.checked_on.format("%d.%m.%Y").to_string(),
            counsellor: file.staff_name(r.counsellor_id.as_deref()),
            overall: result_of(r, lang)
                .map(|(res, _)| lang.t(&format!("participants-overall-{}", code_of(&res.overall))))
                .unwrap_or_default(),
        })
        .collect()
}

async fn health_consent(state: &AppState, p: &ParticipantRecord) -> Result<bool, AppError> {
    care::holds(
        &state.app,
        p.id,
        ConsentScope::HealthData,
        state.app.today(),
    )
    .await
}

/// The answers as sent by the form (all strings; empty means not answered).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CheckForm {
    pub free_hours: String,
    /// The offer's weekly hours (sessions + self-study), if known; not an answer.
    pub offer_hours: String,
    /// The cohort the offer hours were prefilled from (hidden); kept with the check.
    pub cohort_id: String,
    pub commute: String,
    pub childcare: String,
    pub care_duties: String,
    pub quiet_place: String,
    pub internet: String,
    pub device: String,
    pub digital_skills: String,
    pub income: String,
    pub debts: String,
    pub job_relates: String,
    pub health: String,
}

/// A question with radio answers.
pub struct Question {
    pub name: &'static str,
    pub legend: String,
    pub options: Vec<Choice>,
}

/// One fieldset: a dimension with its questions.
pub struct Group {
    pub key: &'static str,
    pub legend: String,
    pub questions: Vec<Question>,
}

fn question<T: serde::Serialize>(
    lang: Lang,
    name: &'static str,
    all: &[T],
    selected: &str,
) -> Question {
    Question {
        name,
        legend: lang.t(&format!("pp-rc-{name}")),
        options: all
            .iter()
            .map(|v| {
                let code = code_of(v);
                Choice {
                    label: lang.t(&format!("pp-rc-{name}-{code}")),
                    selected: code == selected,
                    value: code,
                }
            })
            .collect(),
    }
}

fn groups(lang: Lang, f: &CheckForm, with_health: bool) -> Vec<Group> {
    let yes_no = ["yes", "no"];
    let mut g = vec![
        Group {
            key: "care",
            legend: lang.t("pp-rc-group-care"),
            questions: vec![
                question(lang, "childcare", Childcare::ALL, &f.childcare),
                question(lang, "care_duties", CareDuties::ALL, &f.care_duties),
            ],
        },
        Group {
            key: "place",
            legend: lang.t("pp-rc-group-place"),
            questions: vec![
                question(lang, "quiet_place", &yes_no, &f.quiet_place),
                question(lang, "internet", Internet::ALL, &f.internet),
            ],
        },
        Group {
            key: "device",
            legend: lang.t("pp-rc-group-device"),
            questions: vec![
                question(lang, "device", Device::ALL, &f.device),
                question(
                    lang,
                    "digital_skills",
                    DigitalSkills::ALL,
                    &f.digital_skills,
                ),
            ],
        },
        Group {
            key: "income",
            legend: lang.t("pp-rc-group-income"),
            questions: vec![
                question(lang, "income", Income::ALL, &f.income),
                question(lang, "debts", &yes_no, &f.debts),
            ],
        },
        Group {
            key: "motivation",
            legend: lang.t("pp-rc-group-motivation"),
            questions: vec![question(
                lang,
                "job_relates",
                JobRelates::ALL,
                &f.job_relates,
            )],
        },
    ];
    if with_health {
        g.push(Group {
            key: "health",
            legend: lang.t("pp-rc-group-health"),
            questions: vec![question(lang, "health", Health::ALL, &f.health)],
        });
    }
    g
}

#[derive(Template)]
#[template(path = "participants_readiness.html")]
pub struct FormPage {
    pub layout: Layout,
    pub contact: ContactBox,
    pub form: CheckForm,
    pub groups: Vec<Group>,
    pub with_health: bool,
    pub errors: FormErrors,
    /// Where the prefilled offer hours come from (names the cohort), if from a cohort.
    pub hours_source: Option<String>,
    /// The participant's other open cohorts.
    pub other_cohorts: Vec<CohortLink>,
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    p: &ParticipantRecord,
    form: CheckForm,
    errors: FormErrors,
) -> Result<Response, PageError> {
    let with_health = health_consent(state, p).await?;
    let open = open_cohorts(&state.app, p.id).await?;
    let selected = CohortId::parse(form.cohort_id.trim()).ok();
    let (hours_source, other_cohorts) = hours_hints(ctx.lang, &p.id.to_string(), &open, selected);
    let page = FormPage {
        layout: Layout::new(ctx, "/verwaltung/teilnehmende", "pp-rc-title"),
        contact: ContactBox::read(state, ctx.lang, p).await?,
        groups: groups(ctx.lang, &form, with_health),
        form,
        with_health,
        errors,
        hours_source,
        other_cohorts,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, render(&page)).into_response())
}

#[derive(Deserialize)]
pub struct FormQuery {
    /// The cohort whose hours to prefill; the current cohort if absent.
    durchgang: Option<String>,
}

/// `GET /verwaltung/teilnehmende/{id}/eignungscheck[?durchgang=…]`: the form, with the
/// offer's weekly hours prefilled from the current (or the chosen) open cohort.
pub async fn form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Query(q): Query<FormQuery>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    let open = open_cohorts(&state.app, p.id).await?;
    let chosen = q
        .durchgang
        .as_deref()
        .and_then(|c| CohortId::parse(c.trim()).ok())
        .and_then(|c| find(&open, c))
        .or(open.first());
    let mut form = CheckForm::default();
    if let Some(o) = chosen {
        form.cohort_id = o.cohort.id.to_string();
        if let Some(h) = o.hours {
            form.offer_hours = hours_text(ctx.lang, h);
        }
    }
    form_page(&state, &ctx, &p, form, FormErrors::default()).await
}

fn pick<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}

fn yes_no(s: &str) -> Option<bool> {
    match s {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The answers, or the field and message id of the first unreadable number.
fn answers_of(f: &CheckForm) -> Result<ReadinessAnswers, (&'static str, &'static str)> {
    let free = match f.free_hours.trim() {
        "" => None,
        s => Some(
            lernweg_domain::decimal::parse(s)
                .filter(|h| (0.0..=168.0).contains(h))
                .ok_or((
                    "free_hours",
                    "participants-readiness-free_hours_out_of_range",
                ))?,
        ),
    };
    let commute = match f.commute.trim() {
        "" => None,
        s => Some(
            s.parse::<u32>()
                .ok()
                .filter(|m| *m <= 600)
                .ok_or(("commute", "pp-error-commute"))?,
        ),
    };
    Ok(ReadinessAnswers {
        free_hours_per_week: free,
        commute_minutes: commute,
        childcare: pick(&f.childcare),
        care_duties: pick(&f.care_duties),
        quiet_place: yes_no(&f.quiet_place),
        internet: pick(&f.internet),
        device: pick(&f.device),
        digital_skills: pick(&f.digital_skills),
        income_if_reduced: pick(&f.income),
        existing_debts: yes_no(&f.debts),
        job_relates: pick(&f.job_relates),
        health: pick(&f.health),
    })
}

/// The check's basis as the form gives it: the hours entered, kept with the prefilled cohort;
/// none when the field is empty.
fn basis_of(form: &CheckForm) -> Result<Basis, ()> {
    match form.offer_hours.trim() {
        "" => Ok(Basis::None),
        s => Ok(Basis::Hours {
            hours: lernweg_domain::decimal::parse(s).ok_or(())?,
            cohort: CohortId::parse(form.cohort_id.trim()).ok(),
        }),
    }
}

/// `POST /verwaltung/teilnehmende/{id}/eignungscheck`: evaluates and keeps the check.
pub async fn submit(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(mut form): Form<CheckForm>,
) -> Result<Response, PageError> {
    let p = record(&state, &ctx, id).await?;
    let lang = ctx.lang;
    let error = |field: &str, key: &str| {
        let mut m = std::collections::BTreeMap::new();
        m.insert(field.to_owned(), lang.t(key));
        FormErrors(m)
    };
    let answers = match answers_of(&form) {
        Ok(a) => a,
        Err((field, key)) => return form_page(&state, &ctx, &p, form, error(field, key)).await,
    };
    let Ok(basis) = basis_of(&form) else {
        let e = error("offer_hours", "pp-error-offer-hours");
        return form_page(&state, &ctx, &p, form, e).await;
    };
    let new = NewCheck {
        checked_on: state.app.today(),
        answers,
        basis,
    };
    match rules::record(&state.app, &caller(&ctx)?, p.id, new).await {
        Ok(r) => Ok(Redirect::to(&format!(
            "/verwaltung/teilnehmende/{}/eignungscheck/{}",
            p.id, r.record.id
        ))
        .into_response()),
        Err(AppError::Invalid(list)) => {
            let e = match list.first() {
                Some(e) if e.field == "cohort_id" => {
                    // Measured without it when sent again.
                    form.cohort_id.clear();
                    error("offer_hours", "pp-error-rc-cohort-not-open")
                }
                // The summary links to the notice that explains the hidden health questions.
                Some(e) if e.field == "answers.health" => error(
                    "health-notice",
                    &format!("participants-readiness-{}", e.code),
                ),
                Some(e) if e.field == "answers.free_hours_per_week" => {
                    error("free_hours", &format!("participants-readiness-{}", e.code))
                }
                _ => error("offer_hours", "pp-error-offer-hours"),
            };
            form_page(&state, &ctx, &p, form, e).await
        }
        Err(e) => Err(e.into()),
    }
}

pub struct LightRow {
    pub dimension: String,
    pub light: &'static str,
    pub light_text: String,
    pub reason: String,
}

pub struct ChangeRow {
    pub dimension: String,
    pub from: String,
    pub to: String,
    pub change: String,
    pub better: bool,
}

#[derive(Template)]
#[template(path = "participants_readiness_result.html")]
pub struct ResultPage {
    pub layout: Layout,
    pub contact: ContactBox,
    pub on: String,
    pub counsellor: String,
    pub overall: String,
    /// What the time dimension was measured against (the kept offer hours and cohort).
    pub basis: String,
    pub lights: Vec<LightRow>,
    pub unanswered: Vec<String>,
    pub actions: Vec<String>,
    pub has_earlier: bool,
    pub earlier_on: String,
    pub changes: Vec<ChangeRow>,
}

fn light_code(l: Light) -> &'static str {
    match l {
        Light::Green => "green",
        Light::Yellow => "yellow",
        Light::Red => "red",
    }
}

fn light_text(lang: Lang, l: Option<Light>) -> String {
    match l {
        Some(l) => lang.t(&format!("participants-light-{}", light_code(l))),
        None => lang.t("pp-rc-not-answered"),
    }
}

/// `GET /verwaltung/teilnehmende/{id}/eignungscheck/{check_id}`: one check's result.
pub async fn result(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageIds(id, check_id): PageIds<ParticipantId, String>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let file = file::read(&state.app, &caller, id, "readiness check", Notes::Never).await?;
    let checks = &file.checks;
    let pos = checks
        .iter()
        .position(|c| c.id == check_id)
        .ok_or(PageError::NotFound)?;
    let (res, reasons) = result_of(&checks[pos], lang).ok_or(PageError::NotFound)?;
    let dim = |d| lang.t(&format!("participants-dimension-{}", code_of(&d)));
    let earlier = pos
        .checked_sub(1)
        .and_then(|i| result_of(&checks[i], lang).map(|(r, _)| (checks[i].checked_on, r)));
    let changes = earlier
        .as_ref()
        .map(|(_, before)| {
            compare(before, &res)
                .into_iter()
                .map(|c| {
                    let key = match (c.from, c.to) {
                        (Some(_), Some(_)) if c.improved() => "pp-change-better",
                        (Some(_), Some(_)) => "pp-change-worse",
                        (None, _) => "pp-change-answered",
                        (_, None) => "pp-change-unanswered",
                    };
                    ChangeRow {
                        dimension: dim(c.dimension),
                        from: light_text(lang, c.from),
                        to: light_text(lang, c.to),
                        change: lang.t(key),
                        better: c.improved(),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let check = &checks[pos];
    let page = ResultPage {
        layout: Layout::new(&ctx, "/verwaltung/teilnehmende", "pp-rc-result-title"),
        contact: ContactBox::of(lang, &file.record, file.contact_person.clone()),
        on: check.checked_on.format("%d.%m.%Y").to_string(),
        counsellor: file.staff_name(check.counsellor_id.as_deref()),
        overall: lang.t(&format!("participants-overall-{}", code_of(&res.overall))),
        basis: basis_text(lang, check, &file),
        lights: res
            .dimensions
            .iter()
            .zip(reasons)
            .map(|(d, reason)| LightRow {
                dimension: dim(d.dimension),
                light: light_code(d.light),
                light_text: light_text(lang, Some(d.light)),
                reason,
            })
            .collect(),
        unanswered: res.unanswered.iter().map(|d| dim(*d)).collect(),
        actions: res
            .actions
            .iter()
            .map(|a| lang.t(&format!("participants-action-{}", code_of(a))))
            .collect(),
        has_earlier: earlier.is_some(),
        earlier_on: earlier
            .map(|(d, _)| d.format("%d.%m.%Y").to_string())
            .unwrap_or_default(),
        changes,
    };
    Ok(render(&page))
}
