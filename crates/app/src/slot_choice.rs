//! Session times chosen for the shifts (issue 17, point 4): for a cohort in planning, the set
//! of candidate weekly slots that lets the most of its participants (enrolled and interested,
//! with a recorded work pattern) attend at least a share of the sessions, over the cohort's
//! period with its state's public holidays. The choice is `lernweg_participants::slot_choice`
//! (exact); this use-case gathers the people and the period.

use chrono::NaiveDate;
use lernweg_domain::{CohortId, CohortStatus, ParseError, ParticipantId};
use lernweg_offers::planning::Planning;
use lernweg_participants::slot_choice::input::parse_candidates;
use lernweg_participants::slot_choice::{Candidate, Choice, Person, Problem, best_sets};
use lernweg_planner::model::{WeeklySlot, weekday_code};
use lernweg_store::Cohort;
use serde_json::{Value, json};

use crate::cohorts::Replan;
use crate::{App, AppError, Caller, cohorts};

/// How many sets are answered (the best and the next ones).
pub const SETS: usize = 5;

/// What staff ask.
#[derive(Debug, Clone)]
pub struct SlotQuestion {
    pub choose: usize,
    pub threshold: f64,
    pub candidates: Vec<Candidate>,
}

/// The best sets for a cohort and who was counted.
#[derive(Debug, Clone)]
pub struct SlotAnswer {
    pub problem: Problem,
    pub sets: Vec<Choice>,
    /// Per person of the problem (same order): the participant and their name.
    pub people: Vec<(ParticipantId, String)>,
    pub start: NaiveDate,
    pub weeks: u32,
}

/// The cohort whose session times coordinators choose: a draft (`status`/`not_draft` once
/// published).
pub async fn draft(app: &App, caller: &Caller, id: CohortId) -> Result<Cohort, AppError> {
    let cohort = cohorts::managed(app, caller, id).await?;
    if cohort.status != CohortStatus::Draft {
        return Err(ParseError::new(
            "status",
            "not_draft",
            "session times are chosen while the cohort is a draft",
        )
        .into());
    }
    Ok(cohort)
}

/// The best sets of `choose` candidates for a draft cohort (coordinators; `status`/`not_draft`
/// once published; `choose` must be 1 to the number of candidates; `threshold` 0–1).
pub async fn choose(
    app: &App,
    caller: &Caller,
    id: CohortId,
    q: SlotQuestion,
) -> Result<SlotAnswer, AppError> {
    let cohort = draft(app, caller, id).await?;
    let mut errors = Vec::new();
    if q.choose == 0 || q.choose > q.candidates.len() {
        errors.push(ParseError::new(
            "choose",
            "out_of_range",
            format!("1 to the number of candidates ({})", q.candidates.len()),
        ));
    }
    if !(0.0..=1.0).contains(&q.threshold) {
        errors.push(ParseError::new(
            "threshold",
            "out_of_range",
            "a share from 0 to 1",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    app.store
        .save_slot_question(cohort.id, &question_json(&q).to_string())
        .await?;
    let end = cohort.end_date.unwrap_or(cohort.start_date);
    let weeks = ((end - cohort.start_date).num_days() / 7 + 1).max(1) as u32;
    let found = app.store.work_patterns_in_cohort(cohort.id).await?;
    let people: Vec<(ParticipantId, String)> = found
        .iter()
        .map(|(w, name)| (w.participant_id, name.clone()))
        .collect();
    let problem = Problem {
        state: cohort.state,
        start: cohort.start_date,
        weeks,
        choose: q.choose,
        threshold: q.threshold,
        candidates: q.candidates,
        people: found
            .into_iter()
            .map(|(w, _)| Person {
                id: w.participant_id.to_string(),
                travel_minutes: w.travel_minutes,
                pattern: w.pattern,
            })
            .collect(),
    };
    let sets = best_sets(&problem, SETS);
    Ok(SlotAnswer {
        problem,
        sets,
        people,
        start: cohort.start_date,
        weeks,
    })
}

/// The question as kept on the cohort: `{"choose","threshold","candidates":[{"id","weekday",
/// "start","end"}]}` (the candidates as in `lernweg slots`).
fn question_json(q: &SlotQuestion) -> Value {
    json!({
        "choose": q.choose,
        "threshold": q.threshold,
        "candidates": q.candidates.iter().map(|c| json!({
            "id": c.id,
            "weekday": weekday_code(c.weekday),
            "start": c.start.to_string(),
            "end": c.end.to_string(),
        })).collect::<Vec<_>>(),
    })
}

/// The candidate slots last weighed for this cohort, if any (what the page offers again).
pub fn last_question(cohort: &Cohort) -> Option<SlotQuestion> {
    let v: Value = serde_json::from_str(cohort.slot_question.as_deref()?).ok()?;
    let (candidates, errors) = parse_candidates(v.get("candidates"));
    if !errors.is_empty() {
        return None;
    }
    Some(SlotQuestion {
        choose: v.get("choose").and_then(Value::as_u64).unwrap_or(1) as usize,
        threshold: v.get("threshold").and_then(Value::as_f64).unwrap_or(0.8),
        candidates,
    })
}

/// Applies chosen weekly slots to a draft: the cohort keeps them instead of the offer's and
/// its timetable is planned again from its start with its deadline and closures
/// (`weekly_slots`/`count`, `overlap`, `end_before_start`, `not_weekly` as
/// [`Planning::check_slots`]; `status`/`not_draft` once published).
pub async fn apply(
    app: &App,
    caller: &Caller,
    id: CohortId,
    slots: Vec<WeeklySlot>,
) -> Result<Cohort, AppError> {
    let cohort = draft(app, caller, id).await?;
    let offer = app.store.offer(cohort.offer_id).await?;
    let spec = offer.offer.to_spec(cohort.start_date, cohort.state);
    Planning::check_slots(&spec.time_model, &slots)?;
    let planning = Planning {
        weekly_slots: Some(slots),
        ..cohort.planning.clone()
    };
    cohorts::replan(
        app,
        caller,
        id,
        Replan {
            start: cohort.start_date,
            planning: Some(planning),
            // A shared draft keeps the employers' blocked periods closed.
            around_employers: cohort.shared_at.is_some(),
        },
    )
    .await
}

/// The candidates of a set as weekly slots (in the candidates' order).
pub fn slots_of(problem: &Problem, chosen: &[usize]) -> Vec<WeeklySlot> {
    chosen
        .iter()
        .map(|&i| {
            let c: &Candidate = &problem.candidates[i];
            WeeklySlot::new(c.weekday, c.start, c.end)
        })
        .collect()
}
