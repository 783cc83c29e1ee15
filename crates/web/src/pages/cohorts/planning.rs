//! The cohort page's planning controls (issue 13, point 3): deadline and closing periods
//! (one per line in a text field, so that the form works without JavaScript), sharing a
//! draft with the employers, their answers beside the sessions they hit, and re-planning
//! around them.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::{Extension, Form};
use chrono::NaiveDate;
use lernweg_app::AppError;
use lernweg_app::cohorts::Replan;
use lernweg_app::planning::PlanningView;
use lernweg_domain::{CohortId, CohortStatus};
use lernweg_offers::planning::Planning;
use lernweg_planner::ClosurePeriod;
use lernweg_store::{Cohort, SessionRecord};
use serde::Deserialize;

use super::detail::{page_with, to_cohort};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::offers::caller;
pub(crate) use crate::pages::participants::parse_date as parse_day;

/// Closing periods, one per line: a first day, optionally a last day, then the name
/// ("01.07.2027 – 31.07.2027 Sommerschließung"; "bis" or a dash between the days). Empty
/// lines are skipped. The error is the number of the first line that is not a period.
pub(crate) fn parse_closures(text: &str) -> Result<Vec<ClosurePeriod>, usize> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let spaced = line.replace(['–', '—'], " ");
        let mut words = spaced.split_whitespace().peekable();
        let from = words.next().and_then(parse_day).ok_or(i + 1)?;
        while words.peek().is_some_and(|w| *w == "-" || *w == "bis") {
            words.next();
        }
        let to = match words.peek().and_then(|w| parse_day(w)) {
            Some(d) => {
                words.next();
                d
            }
            None => from,
        };
        let name = words.collect::<Vec<_>>().join(" ");
        out.push(ClosurePeriod { from, to, name });
    }
    Ok(out)
}

/// One closing period as a line of the text field.
fn closure_line(c: &ClosurePeriod) -> String {
    let day = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
    let mut line = if c.from == c.to {
        day(c.from)
    } else {
        format!("{} – {}", day(c.from), day(c.to))
    };
    if !c.name.is_empty() {
        line.push(' ');
        line.push_str(&c.name);
    }
    line
}

/// The planning controls as typed into a form.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct PlanningFields {
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub closures: String,
}

impl PlanningFields {
    pub fn of(p: &Planning) -> Self {
        PlanningFields {
            deadline: p.deadline.map(|d| d.to_string()).unwrap_or_default(),
            closures: p
                .closures
                .iter()
                .map(closure_line)
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The controls, or the German message of the first field that is wrong (with the field).
    pub fn parse(&self, lang: Lang) -> Result<Planning, (&'static str, String)> {
        let deadline = match self.deadline.trim() {
            "" => None,
            d => Some(parse_day(d).ok_or(("deadline", lang.t("cohort-error-date")))?),
        };
        let closures = parse_closures(&self.closures).map_err(|line| {
            (
                "closures",
                lang.t_args("cohort-error-closure-line", &[("line", line.to_string())]),
            )
        })?;
        Ok(Planning {
            deadline,
            closures,
            weekly_slots: None,
        })
    }
}

/// The message id of a refused planning control (or re-planning).
pub(crate) fn planning_error_key(field: &str, code: &str) -> &'static str {
    match (field, code) {
        ("deadline", _) => "cohort-error-deadline",
        ("closures", "too_many") => "cohort-error-closures-many",
        ("closures", "too_long") => "cohort-error-closure-name",
        ("closures", _) => "cohort-error-closure-order",
        ("status", "not_draft") => "cohort-error-not-draft",
        _ => "cohort-error-cannot-plan",
    }
}

/// An employer's answer as a row.
pub struct AnswerRow {
    pub employer: String,
    pub author: String,
    pub at: String,
    /// "01.11.2027 – 30.11.2027" or empty for a plain comment.
    pub period: String,
    pub reason: String,
    pub comment: String,
    /// The planned sessions in the period: "Di, 02.11.2027 18:00–21:00".
    pub hits: Vec<String>,
}

/// What the page shows of the planning.
pub struct PlanningSection {
    pub fields: PlanningFields,
    /// "31.12.2027", or empty.
    pub deadline: String,
    /// The plan ends after the deadline: the warning.
    pub deadline_missed: Option<String>,
    pub closures: Vec<String>,
    /// The cohort's own weekly session times ("Mo 18:00–21:00, Do 17:30–20:30"), if chosen.
    pub weekly_slots: Option<String>,
    pub draft: bool,
    /// "Geteilt am 03.12.2026" once shared.
    pub shared: Option<String>,
    /// Employer and the names of its employees in the cohort.
    pub employers: Vec<(String, String)>,
    pub answers: Vec<AnswerRow>,
    /// How many answers mark a period (what re-planning around them closes).
    pub blocked: usize,
}

pub(crate) fn session_line(lang: Lang, s: &SessionRecord) -> String {
    let weekday = lang.t(&format!(
        "weekday-{}",
        s.date.format("%a").to_string().to_lowercase()
    ));
    let day = s.date.format("%d.%m.%Y");
    match (s.start, s.end) {
        (Some(a), Some(b)) => format!("{weekday}, {day} {a}–{b}"),
        _ => format!("{weekday}, {day}"),
    }
}

pub(crate) fn answer_rows(
    lang: Lang,
    answers: &[lernweg_app::planning::AnswerHits],
) -> Vec<AnswerRow> {
    answers
        .iter()
        .map(|a| AnswerRow {
            employer: a.answer.employer_name.clone(),
            author: a.answer.author_name.clone(),
            at: a.answer.created_at.format("%d.%m.%Y").to_string(),
            period: a
                .answer
                .period
                .map(|p| {
                    format!(
                        "{} – {}",
                        p.from.format("%d.%m.%Y"),
                        p.to.format("%d.%m.%Y")
                    )
                })
                .unwrap_or_default(),
            reason: a
                .answer
                .period
                .map(|p| lang.t(&format!("plan-reason-{}", p.reason.code())))
                .unwrap_or_default(),
            comment: a.answer.comment.clone(),
            hits: a.hits.iter().map(|s| session_line(lang, s)).collect(),
        })
        .collect()
}

pub(crate) fn section(
    lang: Lang,
    cohort: &Cohort,
    view: Option<&PlanningView>,
    typed: Option<PlanningFields>,
) -> PlanningSection {
    let p = &cohort.planning;
    let deadline_missed = p.misses_deadline(cohort.end_date).then(|| {
        lang.t_args(
            "cohort-deadline-missed",
            &[
                ("deadline", fmt_day(p.deadline)),
                ("end", fmt_day(cohort.end_date)),
            ],
        )
    });
    let (employers, answers) = match view {
        Some(v) => (
            v.employers
                .iter()
                .map(|e| {
                    let names: Vec<&str> = e.employees.iter().map(|(_, n)| n.as_str()).collect();
                    (e.employer_name.clone(), names.join(", "))
                })
                .collect(),
            answer_rows(lang, &v.answers),
        ),
        None => (Vec::new(), Vec::new()),
    };
    PlanningSection {
        fields: typed.unwrap_or_else(|| PlanningFields::of(p)),
        deadline: fmt_day(p.deadline),
        deadline_missed,
        closures: p.closures.iter().map(closure_line).collect(),
        weekly_slots: p
            .weekly_slots
            .as_ref()
            .map(|w| crate::planning::slots_page::slots_line(lang, w)),
        draft: cohort.status == CohortStatus::Draft,
        shared: cohort.shared_at.map(|t| {
            lang.t_args(
                "cohort-shared-at",
                &[("date", t.format("%d.%m.%Y").to_string())],
            )
        }),
        blocked: view.map_or(0, |v| {
            v.answers
                .iter()
                .filter(|a| a.answer.period.is_some())
                .count()
        }),
        employers,
        answers,
    }
}

fn fmt_day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_default()
}

#[derive(Deserialize)]
pub struct ReplanForm {
    #[serde(default)]
    start_date: String,
    #[serde(flatten)]
    planning: PlanningFields,
    /// The checkbox "around the employers' periods".
    #[serde(default)]
    around_employers: String,
}

/// `POST /verwaltung/durchgaenge/{id}/neu-planen`: regenerates a draft timetable from a new
/// start, deadline and closures, around the employers' periods when ticked.
pub async fn replan(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
    Form(form): Form<ReplanForm>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = caller(&ctx)?;
    let cohort = lernweg_app::cohorts::cohort(&state.app, &caller.principal, id).await?;
    let typed = Some(form.planning.clone());
    let Some(start) = parse_day(&form.start_date) else {
        let error = Some(lang.t("cohort-error-date"));
        return page_with(&state, &ctx, cohort.id, None, error, typed).await;
    };
    let planning = match form.planning.parse(lang) {
        Ok(p) => p,
        Err((_, msg)) => return page_with(&state, &ctx, cohort.id, None, Some(msg), typed).await,
    };
    let how = Replan {
        start,
        planning: Some(planning),
        around_employers: !form.around_employers.is_empty(),
    };
    match lernweg_app::cohorts::replan(&state.app, &caller, cohort.id, how).await {
        Ok(c) => Ok(to_cohort(&c)),
        Err(AppError::Invalid(list)) => {
            let msg = list
                .first()
                .map(|p| lang.t(planning_error_key(p.field, p.code)))
                .unwrap_or_default();
            page_with(&state, &ctx, cohort.id, None, Some(msg), typed).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /verwaltung/durchgaenge/{id}/teilen`: shares the draft with the employers.
pub async fn share(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<CohortId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let cohort = lernweg_app::cohorts::cohort(&state.app, &caller.principal, id).await?;
    let base = crate::public_catalogue::base_url(&state, &headers);
    match lernweg_app::planning::share(&state.app, &caller, cohort.id, &base).await {
        Ok((c, _)) => Ok(to_cohort(&c)),
        Err(AppError::Invalid(_)) => {
            let error = Some(ctx.lang.t("cohort-error-not-draft-share"));
            page_with(&state, &ctx, cohort.id, None, error, None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn closures_are_read_one_per_line() {
        let text = "01.07.2027 – 31.07.2027 Sommerschließung\n\n2027-12-24 bis 2028-01-01 Weihnachten\n  03.10.2027\n";
        let c = parse_closures(text).unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].from, c[0].to), (d("2027-07-01"), d("2027-07-31")));
        assert_eq!(c[0].name, "Sommerschließung");
        assert_eq!((c[1].from, c[1].to), (d("2027-12-24"), d("2028-01-01")));
        assert_eq!(c[1].name, "Weihnachten");
        assert_eq!(
            (c[2].from, c[2].to, c[2].name.as_str()),
            (d("2027-10-03"), d("2027-10-03"), "")
        );
        assert_eq!(parse_closures("01.07.2027 Sommer\nim August"), Err(2));
        assert_eq!(parse_closures("").unwrap(), vec![]);
    }

    #[test]
    fn closures_read_back_what_they_print() {
        let c = parse_closures("01.07.2027–31.07.2027 Sommer\n03.10.2027 Feiertag").unwrap();
        let fields = PlanningFields::of(&Planning {
            deadline: Some(d("2027-12-31")),
            closures: c.clone(),
            weekly_slots: None,
        });
        assert_eq!(
            fields.closures,
            "01.07.2027 – 31.07.2027 Sommer\n03.10.2027 Feiertag"
        );
        assert_eq!(parse_closures(&fields.closures).unwrap(), c);
        assert_eq!(fields.deadline, "2027-12-31");
    }
}
