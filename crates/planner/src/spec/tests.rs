use super::*;
use crate::model::TimeModelKind;

fn load(name: &str) -> String {
    let path = format!("{}/../../examples/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

const BASE: &str = r#"title = "Test"
state = "NW"
start = "2027-01-11"
[time_model]
kind = "evening_course"
evenings = [ { weekday = "mon", start = "18:00", end = "21:00" } ]
[[modules]]
title = "Eins"
hours = 30
"#;

fn err(src: &str) -> String {
    OfferSpec::from_toml(src).unwrap_err().to_string()
}

#[test]
fn examples_parse() {
    for kind in TimeModelKind::ALL {
        let spec =
            OfferSpec::from_toml(&load(kind.code())).unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert_eq!(spec.time_model.kind(), kind);
    }
}

#[test]
fn base_parses_with_defaults() {
    let spec = OfferSpec::from_toml(BASE).unwrap();
    assert_eq!(spec.state, State::NW);
    assert!(!spec.kickoff);
    assert_eq!(spec.modules[0].hours, 30.0);
    assert_eq!(spec.modules[0].self_study_hours_per_week, 0.0);
    assert!(spec.work_pattern.is_none());
}

#[test]
fn units_are_45_minutes() {
    let src = BASE.replace("hours = 30", "units = 160");
    assert_eq!(OfferSpec::from_toml(&src).unwrap().modules[0].hours, 120.0);
    let both = BASE.replace("hours = 30", "hours = 30\nunits = 40");
    assert_eq!(
        err(&both),
        "line 7: module 1: give either hours or units, not both"
    );
    let none = BASE.replace("hours = 30", "");
    assert_eq!(err(&none), "line 7: module 1: hours or units is required");
}

#[test]
fn unknown_weekday_has_line_and_column() {
    let src = BASE.replace("weekday = \"mon\"", "weekday = \"wdn\"");
    let e = err(&src);
    assert!(
        e.starts_with("line 6, column ")
            && e.contains("unknown weekday \"wdn\"; expected mon tue wed thu fri sat sun"),
        "{e}"
    );
}

#[test]
fn invalid_values_are_named() {
    let e = err(&BASE.replace("hours = 30", "hours = 0"));
    assert_eq!(e, "line 7: module 1: hours must be positive");
    let e = err(&BASE.replace("start = \"18:00\"", "start = \"25:00\""));
    assert!(e.contains("invalid time \"25:00\""), "{e}");
    let e = err(&BASE.replace("\"NW\"", "\"XX\""));
    assert!(
        e.starts_with("line 2, column 9") && e.contains("unknown federal state \"XX\""),
        "{e}"
    );
    let e = err(&BASE.replace("\"2027-01-11\"", "\"2027-13-01\""));
    assert!(e.contains("invalid date \"2027-13-01\""), "{e}");
    let e = err(&BASE.replace("\"evening_course\"", "\"night_school\""));
    assert!(e.contains("unknown time model \"night_school\""), "{e}");
    let e = err(&BASE.replace("end = \"21:00\"", "end = \"17:00\""));
    assert!(e.contains("end 17:00 must be after start 18:00"), "{e}");
}

#[test]
fn unknown_keys_are_errors() {
    let e = err(&BASE.replace("hours = 30", "hours = 30\nhuors = 2"));
    assert!(
        e.starts_with("line 10, column 1") && e.contains("huors"),
        "{e}"
    );
    let e = err(&BASE.replace(
        "kind = \"evening_course\"",
        "kind = \"evening_course\"\nweekend = { start = \"09:00\", end = \"16:00\" }",
    ));
    assert!(
        e.contains("key \"weekend\" does not belong to kind evening_course"),
        "{e}"
    );
}

#[test]
fn exams_must_follow_a_module() {
    let src = format!("{BASE}[[exams]]\nafter_module = 2\ntitle = \"X\"\nhours = 2\n");
    assert_eq!(
        err(&src),
        "line 10: exam 1: after_module 2 is not a module; expected 1 to 1"
    );
    let src = format!("{BASE}[[exams]]\nafter_module = 1\ntitle = \"X\"\nhours = 2\n");
    assert_eq!(OfferSpec::from_toml(&src).unwrap().exams[0].after_module, 1);
}

#[test]
fn deadline_and_closures_are_checked() {
    let src = BASE.replace(
        "start = \"2027-01-11\"",
        "start = \"2027-01-11\"\ndeadline = \"2026-12-31\"",
    );
    assert_eq!(err(&src), "deadline 2026-12-31 is before start 2027-01-11");
    let src = BASE.replace(
        "start = \"2027-01-11\"",
        "start = \"2027-01-11\"\nclosures = [ { from = \"2027-02-10\", to = \"2027-02-01\" } ]",
    );
    assert!(err(&src).contains("closure 1: to 2027-02-01 is before from 2027-02-10"));
    let src = BASE.replace("2027-01-11", "2101-01-11");
    assert!(err(&src).contains("outside the supported years"));
}

#[test]
fn native_toml_dates_and_times_work() {
    let src = BASE
        .replace("\"2027-01-11\"", "2027-01-11")
        .replace("start = \"18:00\"", "start = 18:00:00");
    let spec = OfferSpec::from_toml(&src).unwrap();
    assert_eq!(spec.start.to_string(), "2027-01-11");
    let src = BASE.replace("\"2027-01-11\"", "2027-01-11T10:00:00");
    assert!(err(&src).contains("expected a date without time"));
}

#[test]
fn night_shifts_are_allowed_but_not_empty_ones() {
    let src = format!(
        "{BASE}[work_pattern]\nshifts = [ {{ weekday = \"mon\", start = \"22:00\", end = \"06:00\" }} ]\n"
    );
    assert!(OfferSpec::from_toml(&src).is_ok());
    let src = src.replace("\"06:00\"", "\"22:00\"");
    assert!(err(&src).contains("shift 1: start and end are both 22:00"));
}

#[test]
fn broken_toml_reports_position() {
    let e = OfferSpec::from_toml("title = \"x\"\nstate = \n").unwrap_err();
    match e {
        PlannerError::Toml { line, .. } => assert_eq!(line, 2),
        other => panic!("{other:?}"),
    }
}
