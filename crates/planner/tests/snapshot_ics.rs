//! Snapshot of `lernweg plan examples/evening_course.toml --format ics`, through the pure
//! `cli::plan`: the planner is deterministic (same input, same sessions, same UIDs), so the
//! whole calendar is pinned without redaction and read back by the `ical` crate.

use std::io::BufReader;

use lernweg_planner::cli;
use serde_json::Value;

const EVENING_COURSE: &str = include_str!("../../../examples/evening_course.toml");

#[test]
fn plan_ics_of_the_evening_course_example() {
    let ics = cli::plan(EVENING_COURSE, "ics", false, None).unwrap();
    assert_eq!(
        ics,
        cli::plan(EVENING_COURSE, "ics", false, None).unwrap(),
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
    let plan: Value =
        serde_json::from_str(&cli::plan(EVENING_COURSE, "json", false, None).unwrap()).unwrap();
    let sessions = plan["sessions"].as_array().expect("sessions");
    assert_eq!(
        calendar.events.len(),
        sessions.len(),
        "one event per session"
    );
    let uids: std::collections::BTreeSet<_> = calendar
        .events
        .iter()
        .filter_map(|e| e.properties.iter().find(|p| p.name == "UID"))
        .filter_map(|p| p.value.clone())
        .collect();
    assert_eq!(uids.len(), sessions.len(), "every event has its own UID");

    insta::assert_snapshot!("plan_evening_course_ics", ics);
}
