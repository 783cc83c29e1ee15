//! `POST /api/v1/cohorts/{id}/slot-choice` (issue 17, point 4): the best sets of candidate
//! weekly slots for a draft cohort's participants, answered as `lernweg slots` answers, with
//! each participant's name; `PUT /api/v1/cohorts/{id}/weekly-slots` applies a chosen set to
//! the draft. Thin adapters over `lernweg_app::slot_choice`.

use axum::Json;
use axum::extract::State;
use axum::{Extension, http::StatusCode};
use lernweg_app::slot_choice::{self, SlotQuestion};
use lernweg_domain::CohortId;
use lernweg_participants::slot_choice::input::{answer_json, parse_candidates};
use lernweg_planner::model::{ClockTime, WeeklySlot, parse_weekday, weekday_code};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::cohorts::CohortDto;
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::ApiId;

/// A candidate weekly slot.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct SlotCandidateDto {
    pub id: String,
    /// `mon` … `sun`.
    pub weekday: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`; at or before the start: ends the next day.
    pub end: String,
}

/// What to choose from.
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct SlotQuestionDto {
    /// How many slots to choose.
    pub choose: u32,
    /// Share of the sessions a person must be able to attend; 0.8 when absent.
    pub threshold: Option<f64>,
    pub candidates: Vec<SlotCandidateDto>,
}

/// Chooses the weekly session times for a draft cohort: the set of `choose` candidates that
/// lets the most enrolled and interested participants with a work pattern attend at least
/// `threshold` of the sessions over the cohort's period (ties: the most attendable sessions),
/// exactly; with who can attend what and the next best sets.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/slot-choice", tag = "cohorts",
    operation_id = "choose_cohort_slots", params(("id" = String, Path)), request_body = SlotQuestionDto,
    responses((status = 200, description = "`{chosen, participants_able, attendable_sessions, per_participant: [{id, name, attendable, sessions}], alternatives, start, weeks}`", body = Object),
        (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn choose(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<CohortId>,
    ApiJson(body): ApiJson<Value>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let caller = api_caller(&ctx)?;
    let (candidates, errors) = parse_candidates(body.get("candidates"));
    if !errors.is_empty() {
        return Err(ApiError::Validation(
            errors
                .iter()
                .map(|e| {
                    let (field, what) = e.split_once(": ").unwrap_or((e, ""));
                    FieldError {
                        field: field.to_owned(),
                        code: "invalid".to_owned(),
                        message: what.to_owned(),
                    }
                })
                .collect(),
        ));
    }
    let q = SlotQuestion {
        choose: body.get("choose").and_then(Value::as_u64).unwrap_or(0) as usize,
        threshold: match body.get("threshold") {
            None | Some(Value::Null) => 0.8,
            Some(t) => t.as_f64().unwrap_or(-1.0),
        },
        candidates,
    };
    let a = slot_choice::choose(&state.app, &caller, id, q).await?;
    let mut out = answer_json(&a.problem, &a.sets);
    if let Some(rows) = out["per_participant"].as_array_mut() {
        for (row, (_, name)) in rows.iter_mut().zip(&a.people) {
            row["name"] = Value::String(name.clone());
        }
    }
    out["start"] = Value::String(a.start.to_string());
    out["weeks"] = Value::from(a.weeks);
    Ok((StatusCode::OK, Json(out)))
}

/// A weekly session time of a cohort.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct WeeklySlotDto {
    /// `mon` … `sun`.
    pub weekday: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`, after the start.
    pub end: String,
}

impl WeeklySlotDto {
    pub fn of(s: &WeeklySlot) -> Self {
        WeeklySlotDto {
            weekday: weekday_code(s.weekday).to_owned(),
            start: s.start.to_string(),
            end: s.end.to_string(),
        }
    }
}

/// The weekly session times to apply.
#[derive(Deserialize, ToSchema)]
pub struct WeeklySlotsDto {
    pub slots: Vec<WeeklySlotDto>,
}

/// Applies weekly session times (e.g. the chosen set) to a draft cohort: it keeps them
/// instead of the offer's and its timetable is planned again from its start, with its
/// deadline and closures (and the employers' periods once shared).
#[utoipa::path(put, path = "/api/v1/cohorts/{id}/weekly-slots", tag = "cohorts",
    operation_id = "apply_cohort_weekly_slots", params(("id" = String, Path)), request_body = WeeklySlotsDto,
    responses((status = 200, body = CohortDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<CohortId>,
    ApiJson(body): ApiJson<WeeklySlotsDto>,
) -> Result<Json<CohortDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let mut errors = Vec::new();
    let mut slots = Vec::new();
    for (i, s) in body.slots.iter().enumerate() {
        let bad = |f: &str, what: &str| FieldError {
            field: format!("slots[{i}].{f}"),
            code: "invalid".to_owned(),
            message: what.to_owned(),
        };
        let weekday = parse_weekday(&s.weekday)
            .map_err(|_| errors.push(bad("weekday", "mon … sun")))
            .ok();
        let start = ClockTime::parse(&s.start)
            .map_err(|_| errors.push(bad("start", "a time HH:MM")))
            .ok();
        let end = ClockTime::parse(&s.end)
            .map_err(|_| errors.push(bad("end", "a time HH:MM")))
            .ok();
        if let (Some(w), Some(a), Some(b)) = (weekday, start, end) {
            slots.push(WeeklySlot::new(w, a, b));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let cohort = slot_choice::apply(&state.app, &caller, id, slots).await?;
    Ok(Json(cohort.into()))
}
