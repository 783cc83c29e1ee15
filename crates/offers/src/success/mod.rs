//! The success-factor check (Gelingensfaktoren, MISSION.md §1 and §2.1–§2.3): for one offer
//! and, where there is one, a cohort's timetable, each factor is met, partly met or not met,
//! with an explanation (a [`Reason`]) and the section of the paper.
//!
//! Unknown inputs (`None`) never count as met: they give `partly` with an explanation that
//! asks for the data (e.g. `contact_person_unknown`). Factors that do not apply to an offer
//! (e.g. childcare at presence events when there are none) are `met` with an explanation
//! saying why (`…_not_needed`).

mod checks;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lernweg_planner::Plan;
use serde::Serialize;

use crate::classification::Classification;
use crate::model::Offer;
use crate::reason::Reason;

/// Met, partly met, not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorStatus {
    Met,
    Partly,
    NotMet,
}

impl FactorStatus {
    pub fn code(self) -> &'static str {
        match self {
            FactorStatus::Met => "met",
            FactorStatus::Partly => "partly",
            FactorStatus::NotMet => "not_met",
        }
    }
}

/// One checked factor: `{"factor","status","explanation","section"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuccessFactor {
    /// Stable id, e.g. `kickoff_closing_presence`; message id `offers-factor-<factor>`.
    pub factor: &'static str,
    pub status: FactorStatus,
    /// One sentence; message id `offers-reason-<code>`.
    pub explanation: Reason,
    /// Section of the paper: "1", "2.1", "2.2" or "2.3".
    pub section: &'static str,
}

/// The participants of an offer's running and coming cohorts, and what is recorded for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParticipantStats {
    pub total: u32,
    pub with_contact_person: u32,
    /// With a contact person and the times and channel to reach them recorded (outside
    /// working hours, MISSION §2.1).
    pub reachable_recorded: u32,
    /// With a readiness check done on or before their cohort's start.
    pub checked_before_start: u32,
}

/// One cohort's own publication horizon: its first session and the day its dates were
/// published (to participants and employers), if they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CohortPublication {
    pub first_session: NaiveDate,
    pub published_at: Option<NaiveDate>,
}

/// Everything the check needs. Build with [`SuccessInput::new`] and set what is known.
#[derive(Debug, Clone)]
pub struct SuccessInput<'a> {
    pub offer: &'a Offer,
    /// The timetable of the cohort (or of a planned first cohort).
    pub plan: Option<&'a Plan>,
    /// The classification; computed from offer and plan when `None`.
    pub classification: Option<&'a Classification>,
    /// The day the cohort's dates were published (to participants and employers); used with
    /// `plan` when `cohorts` is empty.
    pub published_at: Option<NaiveDate>,
    /// The offer's cohorts that have not started yet, each with its own horizon: the factor is
    /// as good as the worst of them.
    pub cohorts: Vec<CohortPublication>,
    /// Today, from the caller (this crate reads no clock).
    pub today: NaiveDate,
    pub participants: Option<ParticipantStats>,
    /// Staff of the provider reachable in early mornings or evenings.
    pub staff_reachable_off_hours: Option<bool>,
    /// Employers gave feedback on draft dates or blackout periods.
    pub employer_feedback: Option<bool>,
    /// Release agreements (Freistellung) exist for the sessions in working time.
    pub release_agreed: Option<bool>,
    /// The offer has a public page.
    pub public_page: bool,
    /// The offer is exported to a course portal (KURSNET / mein NOW).
    pub portal_export: bool,
    /// Counselling before the start on the load (Eignungs-/Belastungscheck) is offered.
    pub readiness_check: Option<bool>,
}

impl<'a> SuccessInput<'a> {
    pub fn new(offer: &'a Offer, today: NaiveDate) -> Self {
        SuccessInput {
            offer,
            plan: None,
            classification: None,
            published_at: None,
            cohorts: Vec::new(),
            today,
            participants: None,
            staff_reachable_off_hours: None,
            employer_feedback: None,
            release_agreed: None,
            public_page: false,
            portal_export: false,
            readiness_check: None,
        }
    }
}

/// Checks every factor, in a fixed order (by section).
pub fn check_success(input: &SuccessInput<'_>) -> Vec<SuccessFactor> {
    checks::all(input)
}

/// One row of the provider overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactorSummary {
    pub factor: &'static str,
    pub section: &'static str,
    pub met: usize,
    pub partly: usize,
    pub not_met: usize,
}

impl FactorSummary {
    /// Higher is weaker: not met counts 2, partly 1, per offer.
    pub fn weakness(&self) -> usize {
        2 * self.not_met + self.partly
    }
}

/// Across the offers of a provider: per factor how often it is met, partly or not met,
/// weakest first (by [`FactorSummary::weakness`], then more not-met, then the factor id).
pub fn weakest_factors(results: &[Vec<SuccessFactor>]) -> Vec<FactorSummary> {
    let mut map: BTreeMap<&'static str, FactorSummary> = BTreeMap::new();
    for list in results {
        for f in list {
            let e = map.entry(f.factor).or_insert(FactorSummary {
                factor: f.factor,
                section: f.section,
                met: 0,
                partly: 0,
                not_met: 0,
            });
            match f.status {
                FactorStatus::Met => e.met += 1,
                FactorStatus::Partly => e.partly += 1,
                FactorStatus::NotMet => e.not_met += 1,
            }
        }
    }
    let mut v: Vec<FactorSummary> = map.into_values().collect();
    v.sort_by(|a, b| {
        b.weakness()
            .cmp(&a.weakness())
            .then(b.not_met.cmp(&a.not_met))
            .then(a.factor.cmp(b.factor))
    });
    v
}
