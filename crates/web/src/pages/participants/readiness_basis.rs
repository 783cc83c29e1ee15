//! The readiness page's sentences about what a check is measured against: the cohort the
//! offer hours come from, links to the participant's other open cohorts, and the basis of a
//! kept check. Which cohorts may be used and their hours are the application layer's
//! (`lernweg_app::participants::readiness`).

use lernweg_app::participants::file::ParticipantFile;
use lernweg_app::participants::readiness::{OpenCohort, find};
use lernweg_domain::CohortId;
use lernweg_store::ReadinessRecord;

use crate::i18n::Lang;
use crate::pages::catalogue::hours_text;

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

/// The offer hours a check was measured against, as a sentence. A cohort deleted since is
/// left out of it.
pub(crate) fn basis_text(lang: Lang, check: &ReadinessRecord, file: &ParticipantFile) -> String {
    let Some(h) = check.offer_hours else {
        return lang.t("pp-rc-basis-none");
    };
    let hours = hours_text(lang, h);
    let cohort = check.cohort_id.and_then(|c| {
        file.enrolments
            .iter()
            .find(|e| e.cohort.id == c)
            .map(|e| e.cohort.name.clone())
    });
    match cohort {
        Some(cohort) => lang.t_args(
            "pp-rc-basis-cohort",
            &[("hours", hours), ("cohort", cohort)],
        ),
        None => lang.t_args("pp-rc-basis-hours", &[("hours", hours)]),
    }
}
