//! The tables behind the CSV and XLSX exports: offers and a cohort's timetable.
//!
//! Headers and vocabulary are localized by the caller: every label is a Fluent message id
//! (`offers-col-<column>`, `offers-goal-<code>`, `offers-mode-<code>`, `offers-support-<code>`,
//! `offers-time_model-<code>`, `offers-session-<kind>`, `offers-weekday-<mon..sun>`,
//! `offers-class-<class>`) passed to the `label` function, which returns the text (the web
//! layer resolves it with fluent-templates; tests may return the id itself).
//!
//! Text comes from users (titles, names), so a spreadsheet must never read it as a formula:
//! [`looks_like_formula`] is the one rule, the CSV writer puts an apostrophe before such a
//! cell and the XLSX writer stores it as a quote-prefixed string.

use chrono::{Datelike, NaiveDate, NaiveTime};
use lernweg_planner::Plan;
use lernweg_planner::model::weekday_code;

use crate::classification::Classification;
use crate::model::Offer;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Int(i64),
    Date(NaiveDate),
    /// A time of day (a session's start or end).
    Time(NaiveTime),
    Empty,
}

/// Whether a spreadsheet program could take this text for a formula (or, after a tab or
/// carriage return, split it into one): it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return (OWASP "CSV injection").
pub fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A header row and data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Stable column ids, e.g. `title`.
    pub columns: Vec<&'static str>,
    /// Localized headers, same order.
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Column ids of the offers table.
pub const OFFER_COLUMNS: &[&str] = &[
    "title",
    "slug",
    "goal",
    "kldb",
    "target_group",
    "delivery_modes",
    "time_model",
    "modules",
    "hours",
    "exams",
    "language_level",
    "support",
    "city",
    "costs_eur",
    "capacity",
    "contact",
    "email",
    "classification",
];

/// Column ids of the timetable.
pub const TIMETABLE_COLUMNS: &[&str] = &[
    "date",
    "weekday",
    "start",
    "end",
    "hours",
    "kind",
    "module",
    "session_title",
];

fn headers(columns: &[&'static str], label: &dyn Fn(&str) -> String) -> Vec<String> {
    columns
        .iter()
        .map(|c| label(&format!("offers-col-{c}")))
        .collect()
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// The offers, one row each, with their classification where given.
pub fn offers_table(
    offers: &[(&Offer, Option<&Classification>)],
    label: &dyn Fn(&str) -> String,
) -> Table {
    let join = |ids: Vec<String>| ids.join(", ");
    let rows = offers
        .iter()
        .map(|(o, c)| {
            vec![
                text(o.title.clone()),
                text(o.slug.clone()),
                text(label(&format!("offers-goal-{}", o.goal.code()))),
                text(o.kldb.as_str()),
                text(o.target_group.clone()),
                text(join(
                    o.delivery_modes
                        .iter()
                        .map(|m| label(&format!("offers-mode-{}", m.code())))
                        .collect(),
                )),
                text(label(&format!(
                    "offers-time_model-{}",
                    o.time_model.kind().code()
                ))),
                text(
                    o.modules
                        .iter()
                        .map(|m| m.title.as_str())
                        .collect::<Vec<_>>()
                        .join(" | "),
                ),
                Cell::Number(o.total_hours()),
                Cell::Int(o.exams.len() as i64),
                o.language_level.map_or(Cell::Empty, |l| text(l.as_str())),
                text(join(
                    o.support
                        .iter()
                        .map(|s| label(&format!("offers-support-{}", s.code())))
                        .collect(),
                )),
                o.location
                    .as_ref()
                    .map_or(Cell::Empty, |l| text(l.city.clone())),
                Cell::Number(o.costs_eur),
                Cell::Int(i64::from(o.capacity)),
                text(o.contact.name.clone()),
                text(o.contact.email.as_str()),
                c.map_or(Cell::Empty, |c| text(label(&c.class.message_id()))),
            ]
        })
        .collect();
    Table {
        columns: OFFER_COLUMNS.to_vec(),
        headers: headers(OFFER_COLUMNS, label),
        rows,
    }
}

/// The sessions of a plan in order. Self-paced units have no clock time (due date only).
pub fn timetable_table(plan: &Plan, label: &dyn Fn(&str) -> String) -> Table {
    let rows = plan
        .sessions
        .iter()
        .map(|s| {
            vec![
                Cell::Date(s.date),
                text(label(&format!(
                    "offers-weekday-{}",
                    weekday_code(s.date.weekday())
                ))),
                s.start.map_or(Cell::Empty, |t| Cell::Time(t.to_naive())),
                s.end.map_or(Cell::Empty, |t| Cell::Time(t.to_naive())),
                Cell::Number(s.hours),
                text(label(&format!("offers-session-{}", s.kind.code()))),
                s.module.map_or(Cell::Empty, |m| Cell::Int(m as i64)),
                text(s.title.clone()),
            ]
        })
        .collect();
    Table {
        columns: TIMETABLE_COLUMNS.to_vec(),
        headers: headers(TIMETABLE_COLUMNS, label),
        rows,
    }
}
