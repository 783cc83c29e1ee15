//! Cohorts: their timetable planned from the offer and the state's holidays.

use chrono::NaiveDate;
use lernweg_domain::{ParseError, State as FedState};
use lernweg_offers::Offer;
use lernweg_planner::PlanOptions;
use lernweg_store::NewSession;

/// Plans an offer's timetable for a cohort: the planner's sessions, ready to store.
pub fn generate(
    offer: &Offer,
    start: NaiveDate,
    state: FedState,
) -> Result<Vec<NewSession>, ParseError> {
    let spec = offer.to_spec(start, state);
    let plan = lernweg_planner::plan(&spec, &PlanOptions::default())
        .map_err(|e| ParseError::new("start_date", "cannot_plan", e.to_string()))?;
    Ok(plan.sessions.iter().map(NewSession::from_planned).collect())
}
