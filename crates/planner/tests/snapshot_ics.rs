//! Snapshots of `lernweg plan FILE --format ics` for two examples, through the pure
//! `cli::plan`: the evening course (timed events) and the self-paced course (all-day
//! deadlines). The planner is deterministic (same input, same sessions, same UIDs), so the
//! whole calendar is pinned without redaction and read back by the `ical` crate.

use std::collections::BTreeSet;
use std::io::BufReader;

use lernweg_planner::cli;
use serde_json::Value;

fn example(name: &str) -> String {
    let path = format!("{}/../../examples/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// The calendar of an example, checked and read back; returns it with the parsed events.
fn plan_ics(name: &str) -> (String, Vec<ical::parser::ical::component::IcalEvent>) {
    let src = example(name);
    let ics = cli::plan(&src, "ics", false, None).unwrap();
    assert_eq!(
        ics,
        cli::plan(&src, "ics", false, None).unwrap(),
        "same input, same bytes"
    );
    // insta compares text with CRLF normalised to LF, so the line ends are checked here.
    assert!(ics.ends_with("\r\n") && !ics.replace("\r\n", "").contains(['\r', '\n']));
    assert!(
        ics.split("\r\n").all(|line| line.len() <= 75),
        "folded at 75 octets"
    );

    let mut parser = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    assert_eq!(calendar.timezones.len(), 1);
    let plan: Value = serde_json::from_str(&cli::plan(&src, "json", false, None).unwrap()).unwrap();
    let sessions = plan["sessions"].as_array().expect("sessions");
    assert_eq!(
        calendar.events.len(),
        sessions.len(),
        "one event per session"
    );
    let uids: BTreeSet<_> = calendar
        .events
        .iter()
        .filter_map(|e| e.properties.iter().find(|p| p.name == "UID"))
        .filter_map(|p| p.value.clone())
        .collect();
    assert_eq!(uids.len(), sessions.len(), "every event has its own UID");
    (ics, calendar.events)
}

fn value<'a>(event: &'a ical::parser::ical::component::IcalEvent, name: &str) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn plan_ics_of_the_evening_course_example() {
    let (ics, events) = plan_ics("evening_course");
    assert!(
        events
            .iter()
            .all(|e| value(e, "DTSTART").is_some_and(|v| v.contains('T')))
    );
    insta::assert_snapshot!("plan_evening_course_ics", ics);
}

#[test]
fn plan_ics_of_the_self_paced_example() {
    let (ics, events) = plan_ics("self_paced");
    // Weekly deadlines are all-day events that end on the next day (exclusive end).
    let all_day: Vec<_> = events
        .iter()
        .filter(|e| value(e, "DTSTART").is_some_and(|v| !v.contains('T')))
        .collect();
    assert!(!all_day.is_empty());
    for e in all_day {
        let day =
            |name| chrono::NaiveDate::parse_from_str(value(e, name).unwrap(), "%Y%m%d").unwrap();
        assert_eq!(day("DTEND"), day("DTSTART").succ_opt().unwrap());
    }
    insta::assert_snapshot!("plan_self_paced_ics", ics);
}
