//! `lernweg slots FILE.json --format json|text`: the question as JSON —
//! `{"state","start","weeks","choose","threshold","candidates":[{"id","weekday","start","end"}],
//! "participants":[{"id","travel_minutes","pattern":{"weeks","anchor","shifts":[{"week",
//! "weekday","start","end"}]}}]}` (the pattern as in the work-pattern API; `threshold` 0.8 when
//! absent) — and the answer, `{"chosen","participants_able","attendable_sessions",
//! "per_participant":[{"id","attendable","sessions"}],"alternatives":[{"chosen",
//! "participants_able","attendable_sessions"}]}`. Every invalid field is named by its path.

use chrono::NaiveDate;
use lernweg_domain::State;
use lernweg_planner::model::{ClockTime, parse_weekday};
use serde_json::{Value, json};

use super::{Candidate, Choice, Person, Problem, best_sets};
use crate::work_pattern_draft::{ShiftDraft, WorkPatternDraft};

/// How many sets the answer offers besides the best.
pub const ALTERNATIVES: usize = 4;
/// Most weeks of a period.
pub const MAX_WEEKS: u64 = 260;

/// A JSON value as the text the drafts parse (numbers and strings alike).
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Reads the question; every problem as `path: what is wrong`.
pub fn parse(json: &str) -> Result<Problem, Vec<String>> {
    let v: Value = serde_json::from_str(json).map_err(|e| vec![format!("not JSON: {e}")])?;
    let mut errors = Vec::new();
    let state = State::parse(&text(v.get("state")))
        .map_err(|_| errors.push("state: a federal state code such as NW or BY".to_owned()))
        .ok();
    let start = NaiveDate::parse_from_str(text(v.get("start")).trim(), "%Y-%m-%d")
        .map_err(|_| errors.push("start: a date YYYY-MM-DD".to_owned()))
        .ok();
    let weeks = v
        .get("weeks")
        .and_then(Value::as_u64)
        .filter(|w| (1..=MAX_WEEKS).contains(w));
    if weeks.is_none() {
        errors.push(format!("weeks: a whole number from 1 to {MAX_WEEKS}"));
    }
    let threshold = match v.get("threshold") {
        None | Some(Value::Null) => Some(0.8),
        Some(t) => t.as_f64().filter(|t| (0.0..=1.0).contains(t)),
    };
    if threshold.is_none() {
        errors.push("threshold: a share from 0 to 1 (0.8 when absent)".to_owned());
    }
    let (candidates, mut more) = parse_candidates(v.get("candidates"));
    errors.append(&mut more);
    let choose = v
        .get("choose")
        .and_then(Value::as_u64)
        .map(|c| c as usize)
        .filter(|c| *c >= 1);
    match (choose, v.get("candidates").and_then(Value::as_array)) {
        (None, _) => errors.push("choose: a whole number of at least 1".to_owned()),
        (Some(c), Some(list)) if c > list.len() => errors.push(format!(
            "choose: {c} slots, but only {} candidates",
            list.len()
        )),
        _ => {}
    }
    let mut people = Vec::new();
    match v.get("participants").and_then(Value::as_array) {
        Some(list) => {
            for (i, p) in list.iter().enumerate() {
                let at = |f: &str| format!("participants[{i}].{f}");
                let id = text(p.get("id"));
                if id.trim().is_empty() {
                    errors.push(format!("{}: required", at("id")));
                }
                let pattern = p.get("pattern");
                let draft = WorkPatternDraft {
                    weeks: text(pattern.and_then(|x| x.get("weeks"))),
                    anchor: text(pattern.and_then(|x| x.get("anchor"))),
                    travel_minutes: text(p.get("travel_minutes")),
                    shifts: pattern
                        .and_then(|x| x.get("shifts"))
                        .and_then(Value::as_array)
                        .map(|rows| {
                            rows.iter()
                                .map(|r| ShiftDraft {
                                    week: text(r.get("week")),
                                    weekday: text(r.get("weekday")),
                                    start: text(r.get("start")),
                                    end: text(r.get("end")),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                };
                match draft.validate() {
                    Ok((pattern, travel_minutes)) => people.push(Person {
                        id,
                        travel_minutes,
                        pattern,
                    }),
                    Err(list) => errors.extend(list.iter().map(|e| {
                        let field = if e.field == "travel_minutes" {
                            at("travel_minutes")
                        } else {
                            // `shifts.0.start` -> `pattern.shifts[0].start`
                            let mut parts = e.field.splitn(3, '.');
                            match (parts.next(), parts.next(), parts.next()) {
                                (Some("shifts"), Some(n), Some(rest)) => {
                                    at(&format!("pattern.shifts[{n}].{rest}"))
                                }
                                _ => at(&format!("pattern.{}", e.field)),
                            }
                        };
                        format!("{field}: {} ({})", e.code, e.key)
                    })),
                }
            }
        }
        None => errors.push("participants: a list (may be empty)".to_owned()),
    }
    match (state, start, weeks, choose, threshold) {
        (Some(state), Some(start), Some(weeks), Some(choose), Some(threshold))
            if errors.is_empty() =>
        {
            Ok(Problem {
                state,
                start,
                weeks: weeks as u32,
                choose,
                threshold,
                candidates,
                people,
            })
        }
        _ => Err(errors),
    }
}

/// The answer as JSON.
pub fn answer_json(problem: &Problem, sets: &[Choice]) -> Value {
    let ids = |c: &Choice| -> Vec<&str> {
        c.chosen
            .iter()
            .map(|&i| problem.candidates[i].id.as_str())
            .collect()
    };
    let Some(best) = sets.first() else {
        return json!({"chosen": [], "participants_able": 0, "attendable_sessions": 0,
                      "per_participant": [], "alternatives": []});
    };
    json!({
        "chosen": ids(best),
        "participants_able": best.participants_able,
        "attendable_sessions": best.attendable_sessions,
        "per_participant": problem.people.iter().zip(&best.per_person).map(|(p, (a, s))| json!({
            "id": p.id, "attendable": a, "sessions": s,
        })).collect::<Vec<_>>(),
        "alternatives": sets[1..].iter().map(|c| json!({
            "chosen": ids(c),
            "participants_able": c.participants_able,
            "attendable_sessions": c.attendable_sessions,
        })).collect::<Vec<_>>(),
    })
}

/// The answer for people: the best set, who can attend how much, and the alternatives.
pub fn answer_text(problem: &Problem, sets: &[Choice]) -> String {
    let Some(best) = sets.first() else {
        return "No set of slots.\n".to_owned();
    };
    let names = |c: &Choice| -> String {
        c.chosen
            .iter()
            .map(|&i| problem.candidates[i].id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = format!(
        "Best: {} — {} of {} participants can attend at least {:.0} % of the sessions; {} attendable sessions in all.\n",
        names(best),
        best.participants_able,
        problem.people.len(),
        problem.threshold * 100.0,
        best.attendable_sessions
    );
    for (p, (a, s)) in problem.people.iter().zip(&best.per_person) {
        out.push_str(&format!("  {}: {a} of {s}\n", p.id));
    }
    for c in &sets[1..] {
        out.push_str(&format!(
            "Alternative: {} — {} participants, {} sessions\n",
            names(c),
            c.participants_able,
            c.attendable_sessions
        ));
    }
    out
}

/// The command: the question's text in, the answer out (`json` or `text`).
pub fn cli_slots(json: &str, format: &str) -> Result<String, String> {
    if !matches!(format, "json" | "text") {
        return Err(format!("--format: json or text, not {format:?}"));
    }
    let problem = parse(json).map_err(|e| e.join("\n"))?;
    let sets = best_sets(&problem, 1 + ALTERNATIVES);
    Ok(match format {
        "json" => format!("{:#}\n", answer_json(&problem, &sets)),
        _ => answer_text(&problem, &sets),
    })
}

/// The candidate slots `[{"id","weekday","start","end"}]` (at least one; ids unique), with
/// every problem as `candidates[i].field: what is wrong`.
pub fn parse_candidates(list: Option<&Value>) -> (Vec<Candidate>, Vec<String>) {
    let mut candidates = Vec::new();
    let mut errors = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    match list.and_then(Value::as_array) {
        Some(list) if !list.is_empty() => {
            for (i, c) in list.iter().enumerate() {
                let at = |f: &str| format!("candidates[{i}].{f}");
                let id = text(c.get("id"));
                if id.trim().is_empty() {
                    errors.push(format!("{}: required", at("id")));
                } else if seen.contains(&id) {
                    errors.push(format!("{}: {id:?} is given twice", at("id")));
                }
                seen.push(id.clone());
                let weekday = parse_weekday(&text(c.get("weekday")))
                    .map_err(|_| errors.push(format!("{}: mon … sun", at("weekday"))))
                    .ok();
                let mut time = |f: &str| {
                    ClockTime::parse(&text(c.get(f)))
                        .map_err(|_| errors.push(format!("{}: a time HH:MM", at(f))))
                        .ok()
                };
                let (start, end) = (time("start"), time("end"));
                if let (Some(s), Some(e)) = (start, end)
                    && s == e
                {
                    errors.push(format!("{}: the same as the start", at("end")));
                }
                if let (Some(weekday), Some(start), Some(end)) = (weekday, start, end) {
                    candidates.push(Candidate {
                        id,
                        weekday,
                        start,
                        end,
                    });
                }
            }
        }
        _ => errors.push("candidates: at least one weekly slot".to_owned()),
    }
    (candidates, errors)
}
