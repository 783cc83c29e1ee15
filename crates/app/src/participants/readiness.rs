//! The readiness check (Eignungs- und Belastungscheck): what it is measured against, its
//! evaluation and keeping, and what a kept check found.
//!
//! * The offer's weekly hours come from the timetable of a cohort of one of the participant's
//!   open enrolments (not completed or dropped): the current one — the most advanced status,
//!   among equals the latest enrolment — unless another open one is named. They are the
//!   average over the weeks with sessions of session hours plus self-study, the figure the
//!   public offer page shows. A cohort that is not one of the participant's open enrolments is
//!   refused on every way in (field `cohort_id`).
//! * A kept check is read back from its stored result (lights, reasons, overall, actions), so
//!   showing or comparing checks never evaluates them again with other inputs.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use lernweg_domain::{CohortId, ParseError, ParticipantId, ProviderId};
use lernweg_offers::publish::jsonld::plan_weekly_hours;
use lernweg_participants::readiness::offer_hours_valid;
use lernweg_participants::{
    Action, ConsentScope, Dimension, DimensionChange, DimensionResult, EnrolmentStatus, Light,
    Overall, ReadinessAnswers, ReadinessError, ReadinessResult, Reason, compare, evaluate,
};
use lernweg_store::{CheckedAgainst, Cohort, ParticipantRecord, ReadinessRecord, StoreError};
use serde::Deserialize;

use super::{care, visible};
use crate::exports::cohort_plan;
use crate::{App, AppError, Caller};

/// A cohort of one of the participant's open enrolments, with the weekly hours its timetable
/// asks for.
#[derive(Debug, Clone)]
pub struct OpenCohort {
    pub cohort: Cohort,
    pub status: EnrolmentStatus,
    /// Rounded to a tenth; `None` when the timetable has no week with sessions.
    pub hours: Option<f64>,
}

/// The weekly hours a cohort's timetable asks for (sessions plus self-study, averaged over
/// the weeks with sessions), rounded to a tenth as the public offer page shows them.
pub async fn cohort_hours(app: &App, cohort: &Cohort) -> Result<Option<f64>, AppError> {
    let offer = app.store.offer(cohort.offer_id).await?;
    let sessions = app.store.timetable(cohort.id).await?;
    let plan = cohort_plan(&offer.offer, cohort, &sessions);
    Ok(plan_weekly_hours(&plan).map(|h| (h * 10.0).round() / 10.0))
}

/// The cohorts of the participant's enrolments that are not completed or dropped, the
/// current one first (most advanced status, then the latest enrolment).
pub async fn open_cohorts(
    app: &App,
    participant: ParticipantId,
) -> Result<Vec<OpenCohort>, AppError> {
    let mut open: Vec<_> = app
        .store
        .enrolments_of(participant)
        .await?
        .into_iter()
        .filter_map(|e| e.status.open_rank().map(|rank| (rank, e)))
        .collect();
    open.sort_by_key(|(rank, e)| (Reverse(*rank), Reverse(e.created_at)));
    let mut out = Vec::with_capacity(open.len());
    for (_, e) in open {
        let cohort = app.store.cohort(e.cohort_id).await?;
        let hours = cohort_hours(app, &cohort).await?;
        out.push(OpenCohort {
            cohort,
            status: e.status,
            hours,
        });
    }
    Ok(out)
}

/// The open cohort with this id, if the participant has one.
pub fn find(open: &[OpenCohort], id: CohortId) -> Option<&OpenCohort> {
    open.iter().find(|o| o.cohort.id == id)
}

/// What a new check's time dimension is measured against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    /// Hours as entered (more than 0, at most 60), kept with the cohort they belong to.
    Hours {
        hours: f64,
        cohort: Option<CohortId>,
    },
    /// The hours of this cohort's timetable.
    Cohort(CohortId),
    /// The hours of the participant's current cohort, if there is one.
    Current,
    /// No offer hours.
    None,
}

/// A check to record.
#[derive(Debug, Clone)]
pub struct NewCheck {
    pub checked_on: NaiveDate,
    pub answers: ReadinessAnswers,
    pub basis: Basis,
}

/// A recorded check, with what changed since the check before it (if any).
#[derive(Debug, Clone)]
pub struct Recorded {
    pub record: ReadinessRecord,
    pub result: ReadinessResult,
    pub changes: Option<Vec<DimensionChange>>,
}

/// The open cohort of `id`, or why it may not be used: `unknown` (no cohort of the
/// participant's provider) or `not_enrolled` (no open enrolment of the participant).
async fn open_cohort(
    app: &App,
    open: &[OpenCohort],
    provider: ProviderId,
    id: CohortId,
) -> Result<OpenCohort, AppError> {
    if let Some(o) = find(open, id) {
        return Ok(o.clone());
    }
    match app.store.cohort(id).await {
        Ok(c) if c.provider_id == provider => Err(ParseError::new(
            "cohort_id",
            "not_enrolled",
            "the participant has no open enrolment in this cohort",
        )
        .into()),
        Ok(_) | Err(StoreError::NotFound) => Err(ParseError::new(
            "cohort_id",
            "unknown",
            "no cohort of the participant's provider has this id",
        )
        .into()),
        Err(e) => Err(e.into()),
    }
}

/// The offer hours and cohort a check is measured against.
async fn checked_against(
    app: &App,
    participant: ParticipantId,
    provider: ProviderId,
    basis: Basis,
) -> Result<CheckedAgainst, AppError> {
    if let Basis::Hours { hours, .. } = basis
        && !offer_hours_valid(hours)
    {
        return Err(ParseError::new(
            "offer_hours",
            "out_of_range",
            "Please enter the offer's hours as a number between 0 and 60, for example 8 or 7.5.",
        )
        .into());
    }
    match basis {
        Basis::None => Ok(CheckedAgainst::default()),
        Basis::Hours { hours, cohort } => {
            let cohort = match cohort {
                Some(id) => {
                    let open = open_cohorts(app, participant).await?;
                    Some(open_cohort(app, &open, provider, id).await?.cohort.id)
                }
                None => None,
            };
            Ok(CheckedAgainst {
                offer_hours: Some(hours),
                cohort_id: cohort,
            })
        }
        Basis::Cohort(id) => {
            let open = open_cohorts(app, participant).await?;
            match open_cohort(app, &open, provider, id).await? {
                OpenCohort {
                    hours: Some(h),
                    cohort,
                    ..
                } => Ok(CheckedAgainst {
                    offer_hours: Some(h),
                    cohort_id: Some(cohort.id),
                }),
                _ => Err(ParseError::new(
                    "cohort_id",
                    "no_timetable",
                    "the cohort has no sessions to take the weekly hours from; send offer_hours",
                )
                .into()),
            }
        }
        Basis::Current => Ok(open_cohorts(app, participant)
            .await?
            .into_iter()
            .find_map(|o| {
                o.hours.map(|h| CheckedAgainst {
                    offer_hours: Some(h),
                    cohort_id: Some(o.cohort.id),
                })
            })
            .unwrap_or_default()),
    }
}

/// The field and message of a refused evaluation.
fn refused(e: ReadinessError) -> ParseError {
    match e {
        ReadinessError::HealthWithoutConsent => ParseError::new(
            "answers.health",
            e.code(),
            "Health answers need a recorded consent to health data processing. Record the \
             consent first.",
        ),
        ReadinessError::FreeHoursOutOfRange => ParseError::new(
            "answers.free_hours_per_week",
            e.code(),
            "Free hours per week must be between 0 and 168.",
        ),
    }
}

/// Evaluates a check on the spot (health answers only with a consent to health data that
/// holds on the day of the check) and keeps it with the hours it was measured against.
pub async fn record(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    new: NewCheck,
) -> Result<Recorded, AppError> {
    let p = visible(app, &caller.principal, participant).await?;
    let against = checked_against(app, p.id, p.provider_id, new.basis).await?;
    let health = care::holds(app, p.id, ConsentScope::HealthData, new.checked_on).await?;
    let result = evaluate(&new.answers, health, against.offer_hours).map_err(refused)?;
    let earlier = app
        .store
        .readiness_checks(p.id)
        .await?
        .into_iter()
        .rfind(|c| c.checked_on <= new.checked_on);
    let record = app
        .store
        .add_readiness_check_against(
            &caller.actor,
            p.id,
            new.checked_on,
            &new.answers,
            &result,
            against,
        )
        .await?;
    let changes = earlier
        .as_ref()
        .and_then(kept_result)
        .map(|(before, _)| compare(&before, &result));
    Ok(Recorded {
        record,
        result,
        changes,
    })
}

/// Checks (oldest first), each with the changes against the kept result of the one before.
pub fn with_changes(
    checks: Vec<ReadinessRecord>,
) -> Vec<(ReadinessRecord, Option<Vec<DimensionChange>>)> {
    let mut before: Option<ReadinessResult> = None;
    let mut out = Vec::with_capacity(checks.len());
    for c in checks {
        let now = kept_result(&c).map(|(r, _)| r);
        let changes = match (&before, &now) {
            (Some(a), Some(b)) => Some(compare(a, b)),
            _ => None,
        };
        before = now;
        out.push((c, changes));
    }
    out
}

#[derive(Deserialize)]
struct StoredReason {
    code: String,
    #[serde(default)]
    args: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct StoredDimension {
    dimension: Dimension,
    light: Light,
    reason: StoredReason,
}

/// The result as kept with the check.
#[derive(Deserialize)]
struct StoredResult {
    dimensions: Vec<StoredDimension>,
    #[serde(default)]
    unanswered: Vec<Dimension>,
    overall: Overall,
    #[serde(default)]
    actions: Vec<Action>,
}

/// The argument names of the readiness reasons.
const REASON_ARGS: [&str; 3] = ["free", "needed", "minutes"];

/// The readiness checks of a participant the caller has read (and audited), oldest first.
pub async fn checks_of(app: &App, p: &ParticipantRecord) -> Result<Vec<ReadinessRecord>, AppError> {
    Ok(app.store.readiness_checks(p.id).await?)
}

/// One of the participant's own checks with its kept result, for the participant portal; a
/// check of anyone else is simply not there (`NotFound`). The read is audited.
pub async fn own_check(
    app: &App,
    caller: &Caller,
    p: &ParticipantRecord,
    check_id: &str,
) -> Result<(ReadinessRecord, ReadinessResult), AppError> {
    let check = app
        .store
        .readiness_checks(p.id)
        .await?
        .into_iter()
        .find(|c| c.id == check_id)
        .ok_or(AppError::NotFound)?;
    super::audit_view(app, &caller.actor, p, "portal: readiness check").await?;
    let (result, _) = kept_result(&check).ok_or_else(|| {
        AppError::Internal(format!("readiness check {check_id} has no readable result"))
    })?;
    Ok((check, result))
}

/// A kept reason: its code and arguments (hours with a decimal point).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptReason {
    pub code: String,
    pub args: Vec<(&'static str, String)>,
}

impl KeptReason {
    /// The Fluent id: `participants-reason-<code>`.
    pub fn message_id(&self) -> String {
        format!("participants-reason-{}", self.code)
    }
}

/// A kept check's result and its reasons (one per dimension, same order). Reads the stored
/// result; only if that is unreadable are the stored answers evaluated again, against the
/// stored offer hours.
pub fn kept_result(r: &ReadinessRecord) -> Option<(ReadinessResult, Vec<KeptReason>)> {
    let Ok(stored) = serde_json::from_value::<StoredResult>(r.result.clone()) else {
        let res = evaluate(&r.answers, r.answers.health.is_some(), r.offer_hours).ok()?;
        let reasons = res
            .dimensions
            .iter()
            .map(|d| KeptReason {
                code: d.reason.code.to_owned(),
                args: d.reason.args.clone(),
            })
            .collect();
        return Some((res, reasons));
    };
    let reasons = stored
        .dimensions
        .iter()
        .map(|d| KeptReason {
            code: d.reason.code.clone(),
            args: REASON_ARGS
                .iter()
                .filter_map(|n| d.reason.args.get(*n).map(|v| (*n, v.clone())))
                .collect(),
        })
        .collect();
    let res = ReadinessResult {
        dimensions: stored
            .dimensions
            .iter()
            .map(|d| DimensionResult {
                dimension: d.dimension,
                light: d.light,
                // Only dimension and light matter for `compare`; the text is in the reasons.
                reason: Reason::new("stored"),
            })
            .collect(),
        unanswered: stored.unanswered,
        overall: stored.overall,
        actions: stored.actions,
    };
    Some((res, reasons))
}
