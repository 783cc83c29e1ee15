//! The "Arbeitszeit" section of the participant page: the recorded working times and, for
//! each enrolment that is not finished, which sessions fall into working time and the weekly
//! load.

use chrono::Datelike;
use lernweg_app::participants::file::ParticipantFile;
use lernweg_app::work::{EnrolmentFit, fits_of_file};

use super::{PatternView, day_name};
use crate::AppState;
use crate::i18n::Lang;

/// A session inside working time, for the table.
pub struct CollisionRow {
    pub date: String,
    pub time: String,
    pub title: String,
    pub shift: String,
    pub hours: String,
}

/// A week of the load check.
pub struct WeekRow {
    pub week: String,
    pub work: String,
    pub sessions: String,
    pub study: String,
    pub travel: String,
    pub total: String,
    pub over: bool,
}

/// One open enrolment's check.
pub struct CohortFitView {
    pub enrolment_id: String,
    pub cohort: String,
    pub summary: String,
    pub release: Option<String>,
    pub over: Option<String>,
    pub collisions: Vec<CollisionRow>,
    pub weeks: Vec<WeekRow>,
}

/// The "Arbeitszeit" section of the participant page.
pub struct FitPanel {
    pub participant_id: String,
    pub pattern: Option<PatternView>,
    pub cohorts: Vec<CohortFitView>,
    /// Release agreements: (link, line, open).
    pub releases: Vec<(String, String, bool)>,
    /// How many release agreements wait for the employer's answer.
    pub releases_open: usize,
}

fn fit_view(lang: Lang, f: &EnrolmentFit) -> CohortFitView {
    let h = |x: f64| lang.decimal(x);
    let fit = &f.fit;
    let collisions = fit
        .collisions
        .iter()
        .map(|c| {
            let s = &f.sessions[c.session];
            CollisionRow {
                date: format!(
                    "{}, {}",
                    day_name(lang, c.date.weekday()),
                    c.date.format("%d.%m.%Y")
                ),
                time: match (s.start, s.end) {
                    (Some(a), Some(b)) => format!("{a}–{b}"),
                    _ => String::new(),
                },
                title: s.title.clone(),
                shift: format!(
                    "{} {}–{}",
                    day_name(lang, c.shift_date.weekday()),
                    c.shift_start,
                    c.shift_end
                ),
                hours: h(c.overlap_hours),
            }
        })
        .collect();
    let summary = if fit.weeks.is_empty() {
        lang.t("wp-fit-no-sessions")
    } else {
        lang.t_args(
            "wp-fit-summary",
            &[
                ("avg", h(fit.avg_weekly_hours)),
                ("peak", h(fit.peak_weekly_hours)),
                ("limit", h(fit.limit_hours)),
            ],
        )
    };
    CohortFitView {
        enrolment_id: f.enrolment.id.to_string(),
        cohort: f.cohort.name.clone(),
        summary,
        release: (!fit.collisions.is_empty()).then(|| {
            lang.t_args(
                "wp-fit-release",
                &[
                    ("count", fit.collisions.len().to_string()),
                    ("hours", h(fit.release_hours)),
                ],
            )
        }),
        over: (fit.weeks_over_limit > 0).then(|| {
            lang.t_args(
                "wp-fit-over",
                &[
                    ("count", fit.weeks_over_limit.to_string()),
                    ("limit", h(fit.limit_hours)),
                ],
            )
        }),
        collisions,
        weeks: fit
            .weeks
            .iter()
            .map(|w| WeekRow {
                week: format!("{} ({})", w.week, w.monday.format("%d.%m.")),
                work: h(w.work_hours - w.released_hours),
                sessions: h(w.session_hours),
                study: h(w.self_study_hours),
                travel: h(w.travel_hours),
                total: h(w.total_hours),
                over: w.over_limit,
            })
            .collect(),
    }
}

impl FitPanel {
    /// The panel of a participant from their file (no query): the pattern and the check of
    /// every enrolment that is not finished. Reads are audited by the participant page itself.
    pub fn of_file(state: &AppState, lang: Lang, file: &ParticipantFile) -> FitPanel {
        let fits = fits_of_file(file);
        FitPanel {
            participant_id: file.record.id.to_string(),
            pattern: file
                .work
                .as_ref()
                .map(|r| PatternView::new(lang, &state.app.clock, r)),
            cohorts: fits.iter().map(|f| fit_view(lang, f)).collect(),
            releases: file
                .release_agreements
                .iter()
                .map(|a| {
                    (
                        format!("/verwaltung/freistellungen/{}", a.id),
                        crate::release::panel_line(lang, a),
                        a.state.is_open(),
                    )
                })
                .collect(),
            releases_open: file
                .release_agreements
                .iter()
                .filter(|a| a.state.is_open())
                .count(),
        }
    }
}
