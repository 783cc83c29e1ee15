//! What a readiness check is measured against, and what it found, as kept. Shared by the
//! staff page and the API:
//!
//! * the offer's weekly hours come from the timetable of the participant's current cohort —
//!   the cohort of the most advanced enrolment that is not completed or dropped (active,
//!   paused, enrolled, counselled, interested; among equals the latest) — as the average
//!   over the weeks with sessions of session hours plus self-study, the same figure the
//!   public offer page shows (`plan_weekly_hours` of the cohort's plan);
//! * a kept check is read back from its stored result (lights, reasons, overall, actions),
//!   so showing or comparing checks never evaluates them again with other inputs;
//! * the page's sentences about where the hours come from.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use lernweg_domain::{CohortId, ParticipantId};
use lernweg_offers::publish::jsonld::plan_weekly_hours;
use lernweg_participants::{
    Action, Dimension, DimensionResult, EnrolmentStatus, Light, Overall, ReadinessResult, Reason,
    evaluate,
};
use lernweg_store::{Cohort, ReadinessRecord, StoreError};
use serde::Deserialize;

use crate::AppState;
use crate::i18n::Lang;
use crate::pages::catalogue::hours_text;
use lernweg_app::exports::cohort_plan;

/// A cohort of one of the participant's open enrolments, with the weekly hours its
/// timetable asks for.
pub(crate) struct OpenCohort {
    pub cohort: Cohort,
    pub status: EnrolmentStatus,
    /// Rounded to a tenth; `None` when the timetable has no week with sessions.
    pub hours: Option<f64>,
}

/// The weekly hours a cohort's timetable asks for (sessions plus self-study, averaged over
/// the weeks with sessions), rounded to a tenth as the public offer page shows them.
pub(crate) async fn cohort_hours(
    state: &AppState,
    cohort: &Cohort,
) -> Result<Option<f64>, StoreError> {
    let offer = state.store.offer(cohort.offer_id).await?;
    let sessions = state.store.timetable(cohort.id).await?;
    let plan = cohort_plan(&offer.offer, cohort, &sessions);
    Ok(plan_weekly_hours(&plan).map(|h| (h * 10.0).round() / 10.0))
}

/// The cohorts of the participant's enrolments that are not completed or dropped, the
/// current one first (most advanced status, then the latest enrolment).
pub(crate) async fn open_cohorts(
    state: &AppState,
    participant: ParticipantId,
) -> Result<Vec<OpenCohort>, StoreError> {
    let mut open: Vec<_> = state
        .store
        .enrolments_of(participant)
        .await?
        .into_iter()
        .filter_map(|e| e.status.open_rank().map(|rank| (rank, e)))
        .collect();
    open.sort_by_key(|(rank, e)| (Reverse(*rank), Reverse(e.created_at)));
    let mut out = Vec::with_capacity(open.len());
    for (_, e) in open {
        let cohort = state.store.cohort(e.cohort_id).await?;
        let hours = cohort_hours(state, &cohort).await?;
        out.push(OpenCohort {
            cohort,
            status: e.status,
            hours,
        });
    }
    Ok(out)
}

/// The open cohort with this id, if the participant has one.
pub(crate) fn find(open: &[OpenCohort], id: CohortId) -> Option<&OpenCohort> {
    open.iter().find(|o| o.cohort.id == id)
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

/// A kept reason: its Fluent id and arguments.
pub(crate) struct KeptReason {
    pub id: String,
    pub args: Vec<(&'static str, String)>,
}

/// A kept check's result and its reasons (one per dimension, same order). Reads the stored
/// result; only if that is unreadable are the stored answers evaluated again, against the
/// stored offer hours.
pub(crate) fn kept_result(r: &ReadinessRecord) -> Option<(ReadinessResult, Vec<KeptReason>)> {
    let Ok(stored) = serde_json::from_value::<StoredResult>(r.result.clone()) else {
        let res = evaluate(&r.answers, r.answers.health.is_some(), r.offer_hours).ok()?;
        let reasons = res
            .dimensions
            .iter()
            .map(|d| KeptReason {
                id: d.reason.message_id(),
                args: d.reason.args.clone(),
            })
            .collect();
        return Some((res, reasons));
    };
    let reasons = stored
        .dimensions
        .iter()
        .map(|d| KeptReason {
            id: format!("participants-reason-{}", d.reason.code),
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

/// Another open cohort whose hours the form can be opened with.
pub struct CohortLink {
    pub href: String,
    pub label: String,
}

fn cohort_label(lang: Lang, o: &OpenCohort) -> (String, String) {
    (
        o.cohort.name.clone(),
        lang.t(&format!("participants-status-{}", o.status.code())),
    )
}

/// The hint naming the cohort the offer hours come from, and links to the other cohorts.
pub(crate) fn hours_hints(
    lang: Lang,
    participant: &str,
    open: &[OpenCohort],
    selected: Option<CohortId>,
) -> (Option<String>, Vec<CohortLink>) {
    let chosen = selected.and_then(|id| find(open, id));
    let source = chosen.map(|o| {
        let (cohort, status) = cohort_label(lang, o);
        match o.hours {
            Some(h) => lang.t_args(
                "pp-rc-offer_hours-from-cohort",
                &[
                    ("cohort", cohort),
                    ("status", status),
                    ("hours", hours_text(lang, h)),
                ],
            ),
            None => lang.t_args("pp-rc-offer_hours-no-timetable", &[("cohort", cohort)]),
        }
    });
    let others = open
        .iter()
        .filter(|o| Some(o.cohort.id) != chosen.map(|c| c.cohort.id) && o.hours.is_some())
        .map(|o| {
            let (cohort, status) = cohort_label(lang, o);
            CohortLink {
                href: format!(
                    "/verwaltung/teilnehmende/{participant}/eignungscheck?durchgang={}",
                    o.cohort.id
                ),
                label: lang.t_args(
                    "pp-rc-other-cohort",
                    &[
                        ("cohort", cohort),
                        ("status", status),
                        ("hours", hours_text(lang, o.hours.unwrap_or_default())),
                    ],
                ),
            }
        })
        .collect();
    (source, others)
}

/// The offer hours a check was measured against, as a sentence.
pub(crate) async fn basis_text(state: &AppState, lang: Lang, check: &ReadinessRecord) -> String {
    let Some(h) = check.offer_hours else {
        return lang.t("pp-rc-basis-none");
    };
    let hours = hours_text(lang, h);
    let cohort = match check.cohort_id {
        Some(c) => state.store.cohort(c).await.ok(),
        None => None,
    };
    match cohort {
        Some(c) => lang.t_args(
            "pp-rc-basis-cohort",
            &[("hours", hours), ("cohort", c.name)],
        ),
        None => lang.t_args("pp-rc-basis-hours", &[("hours", hours)]),
    }
}
