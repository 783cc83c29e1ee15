//! Rendering plans and holiday lists: JSON, a readable German text, CSV and iCalendar.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use lernweg_domain::State;
use serde::Serialize;

use crate::holidays::PublicHoliday;
use crate::ical::{self, Calendar, CalendarEvent, EventStatus, EventTime};
use crate::model::weekday_de;
use crate::plan::{Plan, PlannedSession};
use crate::uid::stable_id;

/// A number the German way: "3,25", "4", "7,5".
pub fn de_num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

/// "Mi, 13.01.2027".
pub fn de_date(d: NaiveDate) -> String {
    format!("{}, {}", weekday_de(d.weekday()), d.format("%d.%m.%Y"))
}

/// Warnings of a plan, in German, for the text and JSON outputs.
pub fn warnings(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    if let (false, Some(deadline)) = (plan.deadline_met, plan.deadline) {
        out.push(format!(
            "Die Frist {} wird nicht eingehalten: das Angebot endet erst am {}. Nötig wäre eine Frist bis mindestens {}.",
            deadline.format("%d.%m.%Y"),
            plan.end_date.format("%d.%m.%Y"),
            plan.end_date.format("%d.%m.%Y"),
        ));
    }
    let over = plan.load.weeks_over_limit.len();
    if over > 0 {
        out.push(format!(
            "In {over} von {} Wochen liegt die Belastung über der Grenze von {} Stunden.",
            plan.weeks,
            de_num(plan.load.limit_hours)
        ));
    }
    let days = plan.release_days();
    if days > 0 {
        out.push(format!(
            "An {days} Tagen liegen Termine in der Arbeitszeit: Freistellung oder Urlaub nötig."
        ));
    }
    out
}

#[derive(Serialize)]
struct PlanJson<'a> {
    #[serde(flatten)]
    plan: &'a Plan,
    warnings: Vec<String>,
}

/// The plan as JSON (pretty-printed, keys in the documented order).
pub fn plan_json(plan: &Plan) -> String {
    pretty(&PlanJson {
        plan,
        warnings: warnings(plan),
    })
}

pub(crate) fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("json serialises");
    s.push('\n');
    s
}

fn time_range(s: &PlannedSession) -> String {
    match (s.start, s.end) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "bis 23:59".to_owned(),
    }
}

/// The plan as a readable German timetable.
pub fn plan_text(plan: &Plan) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "Stundenplan: {}", plan.title);
    let _ = writeln!(
        t,
        "Bundesland: {} ({})",
        plan.state.name_de(),
        plan.state.code()
    );
    let _ = writeln!(t, "Zeitmodell: {}", plan.time_model.name_de());
    let _ = writeln!(
        t,
        "Zeitraum: {} bis {} ({} Wochen)",
        de_date(plan.sessions.first().map_or(plan.start, |s| s.date)),
        de_date(plan.end_date),
        plan.weeks
    );
    let _ = writeln!(
        t,
        "Stunden: {} Unterrichtsstunden, {} Stunden mit allen Terminen",
        de_num(plan.contact_hours),
        de_num(plan.total_hours)
    );
    if let Some(deadline) = plan.deadline {
        let verdict = if plan.deadline_met {
            "eingehalten"
        } else {
            "NICHT eingehalten"
        };
        let _ = writeln!(t, "Frist: {} – {verdict}", deadline.format("%d.%m.%Y"));
    }
    if let Some(loc) = &plan.location {
        let _ = writeln!(t, "Ort: {loc}");
    }
    for w in warnings(plan) {
        let _ = writeln!(t, "WARNUNG: {w}");
    }
    let _ = writeln!(t, "\nTermine");
    let _ = writeln!(
        t,
        "{:<16} {:<12} {:>6}  {:<13} {:<5}  Titel",
        "Datum", "Zeit", "Std.", "Art", "Modul"
    );
    for s in &plan.sessions {
        let _ = writeln!(
            t,
            "{:<16} {:<12} {:>6}  {:<13} {:<5}  {}",
            de_date(s.date),
            time_range(s),
            de_num(s.hours),
            s.kind.name_de(),
            s.module
                .map(|m| m.to_string())
                .unwrap_or_else(|| "–".into()),
            s.title
        );
    }
    if !plan.milestones.is_empty() {
        let _ = writeln!(t, "\nZwischenziele");
        for m in &plan.milestones {
            let _ = writeln!(t, "  {}  Modul {}: {}", de_date(m.date), m.module, m.title);
        }
    }
    let load = &plan.load;
    let _ = writeln!(
        t,
        "\nBelastung (Grenze {} Std. pro Woche)",
        de_num(load.limit_hours)
    );
    let _ = writeln!(
        t,
        "  Durchschnitt in Wochen mit Terminen: {} Std. · Spitze: {} Std.",
        de_num(load.avg_weekly_hours),
        de_num(load.peak_weekly_hours)
    );
    if plan.work_pattern_assumed {
        let _ = writeln!(
            t,
            "  Arbeitszeit nicht angegeben, angenommen: Vollzeit 40 Std., Mo–Fr 08:00–16:00"
        );
    }
    if load.weeks_over_limit.is_empty() {
        let _ = writeln!(t, "  Keine Woche über der Grenze.");
    } else {
        let _ = writeln!(t, "  Wochen über der Grenze:");
        for w in &load.weeks_over_limit {
            let _ = writeln!(t, "    {}  {} Std.", w.week, de_num(w.hours));
        }
    }
    if !plan.release_needed.is_empty() {
        let _ = writeln!(t, "\nFreistellung oder Urlaub nötig");
        for r in &plan.release_needed {
            let _ = writeln!(
                t,
                "  {} {}–{}  {} ({} Std. in der Schicht {} {}–{})",
                de_date(r.date),
                r.start,
                r.end,
                r.title,
                de_num(r.overlap_hours),
                weekday_de(r.shift.weekday),
                r.shift.start,
                r.shift.end
            );
        }
    }
    t
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// One line per session: `date,start,end,hours,kind,module,title,uid` (RFC 4180 quoting).
pub fn plan_csv(plan: &Plan) -> String {
    let mut t = String::from("date,start,end,hours,kind,module,title,uid\r\n");
    for s in &plan.sessions {
        let _ = write!(
            t,
            "{},{},{},{},{},{},{},{}\r\n",
            s.date,
            s.start.map(|x| x.to_string()).unwrap_or_default(),
            s.end.map(|x| x.to_string()).unwrap_or_default(),
            s.hours,
            s.kind.code(),
            s.module.map(|m| m.to_string()).unwrap_or_default(),
            csv_field(&s.title),
            s.uid
        );
    }
    t
}

/// The plan as an iCalendar feed (SEQUENCE 0 everywhere); `dtstamp`: see
/// [`ical::plan_calendar`].
pub fn plan_ics(plan: &Plan, dtstamp: chrono::NaiveDateTime) -> String {
    ical::write(&ical::plan_calendar(plan, dtstamp))
}

/// `[{"date":"2027-01-01","name":"Neujahr"}, …]`
pub fn holidays_json(days: &[PublicHoliday]) -> String {
    pretty(days)
}

pub fn holidays_text(state: State, year: i32, days: &[PublicHoliday]) -> String {
    let mut t = format!(
        "Gesetzliche Feiertage in {} ({}) {year}\n\n",
        state.name_de(),
        state.code()
    );
    for h in days {
        let _ = writeln!(t, "{}  {}", de_date(h.date), h.name);
    }
    t
}

/// All-day events with stable UIDs, category "Feiertag".
pub fn holidays_ics(state: State, year: i32, days: &[PublicHoliday]) -> String {
    let events = days
        .iter()
        .map(|h| CalendarEvent {
            uid: format!(
                "{}@lernweg",
                stable_id(&format!(
                    "holiday\u{1f}{}\u{1f}{}\u{1f}{}",
                    state.code(),
                    h.date,
                    h.name
                ))
            ),
            sequence: 0,
            status: EventStatus::Confirmed,
            start: EventTime::AllDay(h.date),
            end: EventTime::AllDay(h.date.succ_opt().expect("next day")),
            summary: h.name.to_owned(),
            description: Some(format!("Gesetzlicher Feiertag in {}", state.name_de())),
            location: None,
            categories: vec!["Feiertag".to_owned()],
        })
        .collect();
    ical::write(&Calendar {
        name: format!("Feiertage {} {year}", state.name_de()),
        // The holiday rules change only with the program: no time of change is known, and
        // 1 January of the year would be a future DTSTAMP for next year's list.
        dtstamp: crate::cli::unknown_change(),
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers() {
        assert_eq!(de_num(3.25), "3,25");
        assert_eq!(de_num(4.0), "4");
        assert_eq!(de_num(7.5), "7,5");
        assert_eq!(de_num(0.0), "0");
    }

    #[test]
    fn csv_quotes() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
