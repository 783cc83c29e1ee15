//! The two CLI commands as pure functions: input text in, output text out.

use chrono::NaiveDateTime;
use lernweg_domain::State;

use crate::PlannerError;
use crate::compare::{compare, comparison_json, comparison_text};
use crate::holidays::{check_year, statewide};
use crate::model::OfferSpec;
use crate::output;
use crate::plan::{PlanOptions, plan as build_plan};

/// `lernweg holidays --state BY --year 2027 --format json|text|ics`.
pub fn holidays(state: &str, year: i32, format: &str) -> Result<String, PlannerError> {
    let state = State::parse(state).map_err(|_| PlannerError::UnknownState(state.to_owned()))?;
    check_year(year)?;
    let days = statewide(state, year);
    match format {
        "json" => Ok(output::holidays_json(&days)),
        "text" => Ok(output::holidays_text(state, year, &days)),
        "ics" => Ok(output::holidays_ics(state, year, &days)),
        other => Err(PlannerError::UnknownFormat {
            format: other.to_owned(),
            expected: "json, text or ics",
        }),
    }
}

/// DTSTAMP when the time of the offer's last change is unknown: the Unix epoch, a time that
/// is never in the future and keeps the output reproducible.
pub fn unknown_change() -> NaiveDateTime {
    chrono::DateTime::UNIX_EPOCH.naive_utc()
}

/// `lernweg plan FILE [--compare] [--format json|text|ics|csv] [--load-limit H]`, with the
/// time of the offer's last change unknown (see [`plan_changed_at`]).
pub fn plan(
    toml_src: &str,
    format: &str,
    compare_models: bool,
    load_limit: Option<f64>,
) -> Result<String, PlannerError> {
    plan_changed_at(
        toml_src,
        format,
        compare_models,
        load_limit,
        unknown_change(),
    )
}

/// `lernweg plan FILE …`: `toml_src` is the file's content; `load_limit` overrides the
/// offer's `load_limit_hours` (default 48). A missed deadline is not an error: the plan says
/// so in its output. `changed` (UTC) is the DTSTAMP of the `ics` format: the time of the last
/// change of the offer (the CLI passes the file's modification time, never later than now),
/// so the same file always gives the same bytes.
pub fn plan_changed_at(
    toml_src: &str,
    format: &str,
    compare_models: bool,
    load_limit: Option<f64>,
    changed: NaiveDateTime,
) -> Result<String, PlannerError> {
    let known = ["json", "text", "ics", "csv"];
    if !known.contains(&format) {
        return Err(PlannerError::UnknownFormat {
            format: format.to_owned(),
            expected: "json, text, ics or csv",
        });
    }
    if compare_models && !matches!(format, "json" | "text") {
        return Err(PlannerError::UnknownFormat {
            format: format.to_owned(),
            expected: "json or text with --compare",
        });
    }
    let spec = OfferSpec::from_toml(toml_src)?;
    let options = PlanOptions {
        load_limit_hours: load_limit,
    };
    if compare_models {
        let c = compare(&spec, &options)?;
        return Ok(if format == "json" {
            comparison_json(&c)
        } else {
            comparison_text(&c)
        });
    }
    let p = build_plan(&spec, &options)?;
    Ok(match format {
        "json" => output::plan_json(&p),
        "text" => output::plan_text(&p),
        "ics" => output::plan_ics(&p, changed),
        _ => output::plan_csv(&p),
    })
}
