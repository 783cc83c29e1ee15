//! The individual qualification plan on `/mein-weg` (issue 14, point 6): each item with its
//! hours done, and how far each difference of the decision is compensated, in plain words
//! in the portal's language (the titles staff wrote stay as written, isolated).

use chrono::NaiveDate;
use lernweg_participants::qualification_plan::{CoverageStatus, ItemDetails};
use lernweg_store::ParticipantRecord;

use crate::AppState;
use crate::i18n::Lang;
use crate::portal::date;

/// What the portal shows of the plan; lines are HTML (titles isolated with `<bdi>`).
pub struct PlanPortal {
    pub deadline: Option<String>,
    pub items: Vec<String>,
    pub differences: Vec<String>,
}

fn hours(h: f64) -> String {
    let s = format!("{h:.1}");
    s.trim_end_matches(".0").to_owned()
}

/// The first and last day an item names (lessons: the earliest day).
fn period(d: &ItemDetails) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match d {
        ItemDetails::Placement { from, to, .. } => (Some(*from), Some(*to)),
        ItemDetails::SelfStudy { from, to, .. } | ItemDetails::LanguageCourse { from, to, .. } => {
            (*from, *to)
        }
        ItemDetails::Exam { date, .. } => (Some(*date), Some(*date)),
        ItemDetails::Lessons { earliest, .. } => (Some(*earliest), None),
        ItemDetails::CohortModules { .. } => (None, None),
    }
}

/// The plan of `p`, if it has a recognition case.
pub async fn view(
    state: &AppState,
    lang: Lang,
    p: &ParticipantRecord,
) -> Result<Option<PlanPortal>, lernweg_app::AppError> {
    let Some((case, items, coverage)) =
        lernweg_app::participants::individual::own_plan(&state.app, p).await?
    else {
        return Ok(None);
    };
    let title_of = |id: &str| {
        case.differences
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone())
            .unwrap_or_default()
    };
    // The items as a timeline: in the order of their first day, each with its period.
    let mut items = items;
    items.sort_by_key(|i| {
        (
            period(&i.item.details).0.is_none(),
            period(&i.item.details).0,
        )
    });
    Ok(Some(PlanPortal {
        deadline: case.deadline.map(date),
        items: items
            .iter()
            .map(|i| {
                let when = match period(&i.item.details) {
                    (Some(a), Some(b)) if a != b => format!("{}–{} · ", date(a), date(b)),
                    (Some(a), _) => format!("{} · ", date(a)),
                    _ => String::new(),
                };
                when + &lang.t_isolated(
                    "portal-plan-item",
                    &[
                        (
                            "kind",
                            lang.t(&format!("portal-plan-kind-{}", i.item.details.kind())),
                        ),
                        ("title", i.item.title.clone()),
                        ("done", hours(i.done_hours.min(i.item.hours))),
                        ("hours", hours(i.item.hours)),
                    ],
                )
            })
            .collect(),
        differences: coverage
            .iter()
            .map(|c| {
                let target = c.required_hours.unwrap_or(c.planned_hours);
                lang.t_isolated(
                    &format!("portal-plan-diff-{}", c.status.code()),
                    &[
                        ("title", title_of(&c.difference)),
                        ("done", hours(c.done_hours)),
                        ("target", hours(target)),
                    ],
                )
            })
            .chain(
                coverage
                    .iter()
                    .any(|c| c.status == CoverageStatus::Uncovered)
                    .then(|| lang.t("portal-plan-ask")),
            )
            .collect(),
    }))
}
