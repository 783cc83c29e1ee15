//! `/verwaltung/durchgaenge/{id}/zeiten`: choosing the weekly session times of a draft cohort
//! for its participants' shifts (issue 17, point 4). Staff enter up to eight candidate slots
//! and how many to choose; the answer lists the best sets with who can attend how many
//! sessions, each with a button that applies it to the draft (`…/zeiten/uebernehmen`). The
//! same use-cases as the API (`lernweg_app::slot_choice`); without JavaScript.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_app::slot_choice::{self, SlotQuestion};
use lernweg_domain::CohortId;
use lernweg_participants::slot_choice::input::parse_candidates;
use lernweg_planner::model::{ClockTime, WeeklySlot, parse_weekday, weekday_code};
use lernweg_store::Cohort;
use serde_json::{Value, json};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::offers::caller;
use crate::pages::{Layout, render};

/// Candidate rows on the form.
const ROWS: usize = 8;
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// One candidate row as typed.
#[derive(Clone, Default)]
pub struct Row {
    pub weekday: String,
    pub start: String,
    pub end: String,
}

/// One of the best sets.
pub struct SetView {
    pub slots: String,
    /// The set as hidden form values `weekday start end` for applying it.
    pub values: Vec<String>,
    pub able: usize,
    pub sessions: u64,
}

#[derive(Template)]
#[template(path = "cohort_slots.html")]
pub struct SlotsPage {
    pub layout: Layout,
    pub cohort_id: String,
    pub cohort_name: String,
    /// The weekly slots applied so far, if any.
    pub applied: Option<String>,
    pub rows: Vec<Row>,
    pub weekdays: Vec<(&'static str, String)>,
    pub choose: String,
    pub threshold: String,
    pub errors: Vec<String>,
    pub sets: Vec<SetView>,
    /// Per participant of the best set: name, attendable, sessions.
    pub people: Vec<(String, u32, u32)>,
    pub period: String,
    pub asked: bool,
}

/// "Mo 18:00–21:00, Do 17:30–20:30".
pub(crate) fn slots_line(lang: Lang, slots: &[WeeklySlot]) -> String {
    slots
        .iter()
        .map(|s| {
            let day = lang.t(&format!("weekday-{}", weekday_code(s.weekday)));
            format!("{day} {}–{}", s.start, s.end)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn page(ctx: &Ctx, cohort: &Cohort) -> SlotsPage {
    let lang = ctx.lang;
    let last = slot_choice::last_question(cohort);
    let mut rows = vec![Row::default(); ROWS];
    if let Some(q) = &last {
        for (row, c) in rows.iter_mut().zip(&q.candidates) {
            *row = Row {
                weekday: weekday_code(c.weekday).to_owned(),
                start: c.start.to_string(),
                end: c.end.to_string(),
            };
        }
    }
    SlotsPage {
        layout: Layout::new(ctx, "/verwaltung/durchgaenge", "slots-title"),
        cohort_id: cohort.id.to_string(),
        cohort_name: cohort.name.clone(),
        applied: cohort
            .planning
            .weekly_slots
            .as_ref()
            .map(|w| slots_line(lang, w)),
        rows,
        weekdays: WEEKDAYS
            .iter()
            .map(|d| (*d, lang.t(&format!("weekday-{d}"))))
            .collect(),
        choose: last.as_ref().map_or(1, |q| q.choose).to_string(),
        threshold: last
            .as_ref()
            .map_or(80.0, |q| (q.threshold * 100.0).round())
            .to_string(),
        errors: Vec::new(),
        sets: Vec::new(),
        people: Vec::new(),
        period: String::new(),
        asked: false,
    }
}

/// `GET /verwaltung/durchgaenge/{id}/zeiten`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let cohort = slot_choice::draft(&state.app, &caller, id).await?;
    Ok(render(&page(&ctx, &cohort)))
}

/// `POST /verwaltung/durchgaenge/{id}/zeiten`: the best sets for the slots typed.
pub async fn choose(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let cohort = slot_choice::draft(&state.app, &caller, id).await?;
    let lang = ctx.lang;
    let get = |k: &str| {
        fields
            .iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut p = page(&ctx, &cohort);
    p.asked = true;
    p.choose = get("choose");
    p.threshold = get("threshold");
    let mut typed = Vec::new();
    for (i, row) in p.rows.iter_mut().enumerate() {
        *row = Row {
            weekday: get(&format!("weekday{i}")),
            start: get(&format!("start{i}")),
            end: get(&format!("end{i}")),
        };
        if !row.start.is_empty() || !row.end.is_empty() {
            typed.push(json!({
                "id": format!("{} {}–{}", lang.t(&format!("weekday-{}", row.weekday)), row.start, row.end),
                "weekday": row.weekday, "start": row.start, "end": row.end,
            }));
        }
    }
    let (candidates, errors) = parse_candidates(Some(&Value::Array(typed)));
    if !errors.is_empty() {
        p.errors = vec![lang.t("slots-error-candidates")];
    }
    let threshold = p
        .threshold
        .replace(',', ".")
        .parse::<f64>()
        .map(|t| t / 100.0);
    let q = SlotQuestion {
        choose: p.choose.parse().unwrap_or(0),
        threshold: threshold.unwrap_or(-1.0),
        candidates,
    };
    if p.errors.is_empty() {
        match slot_choice::choose(&state.app, &caller, id, q).await {
            Ok(a) => {
                let names = |chosen: &[usize]| {
                    chosen
                        .iter()
                        .map(|&i| a.problem.candidates[i].id.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                p.sets = a
                    .sets
                    .iter()
                    .map(|s| SetView {
                        slots: names(&s.chosen),
                        values: slot_choice::slots_of(&a.problem, &s.chosen)
                            .iter()
                            .map(|w| format!("{} {} {}", weekday_code(w.weekday), w.start, w.end))
                            .collect(),
                        able: s.participants_able,
                        sessions: s.attendable_sessions,
                    })
                    .collect();
                if let Some(best) = a.sets.first() {
                    p.people = a
                        .people
                        .iter()
                        .zip(&best.per_person)
                        .map(|((_, name), (att, all))| (name.clone(), *att, *all))
                        .collect();
                }
                p.period = lang.t_args(
                    "slots-period",
                    &[
                        ("start", crate::portal::date(a.start)),
                        ("weeks", a.weeks.to_string()),
                        ("count", a.people.len().to_string()),
                    ],
                );
            }
            Err(AppError::Invalid(list)) => {
                p.errors = list
                    .iter()
                    .map(|e| lang.t(&format!("slots-error-{}", e.field)))
                    .collect();
            }
            Err(e) => return Err(e.into()),
        }
    }
    let failed = !p.errors.is_empty();
    let mut r = render(&p);
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `POST /verwaltung/durchgaenge/{id}/zeiten/uebernehmen`: applies a set (fields `slot`,
/// each `weekday start end`) to the draft and goes back to the cohort page; a refused set
/// shows the slot page with the reason.
pub async fn apply(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let cohort = slot_choice::draft(&state.app, &caller, id).await?;
    let slots: Option<Vec<WeeklySlot>> = fields
        .iter()
        .filter(|(k, _)| k == "slot")
        .map(
            |(_, v)| match v.split_whitespace().collect::<Vec<_>>()[..] {
                [d, a, b] => Some(WeeklySlot::new(
                    parse_weekday(d).ok()?,
                    ClockTime::parse(a).ok()?,
                    ClockTime::parse(b).ok()?,
                )),
                _ => None,
            },
        )
        .collect();
    let refused = |key: &str| {
        let mut p = page(&ctx, &cohort);
        p.errors = vec![ctx.lang.t(key)];
        let mut r = render(&p);
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(r)
    };
    let Some(slots) = slots.filter(|s| !s.is_empty()) else {
        return refused("slots-error-apply-count");
    };
    match slot_choice::apply(&state.app, &caller, id, slots).await {
        Ok(c) => Ok(crate::pages::cohorts::to_cohort(&c)),
        Err(AppError::Invalid(list)) => {
            let code = list.first().map_or("count", |e| e.code);
            refused(&format!("slots-error-apply-{}", code.replace('_', "-")))
        }
        Err(e) => Err(e.into()),
    }
}
