//! iCalendar output checked by independent parsers: the `ical` crate, a strict RFC 5545 checker
//! written here, and python's `icalendar` when it is installed.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Write};
use std::process::{Command, Stdio};

use chrono::NaiveDate;
use lernweg_planner::ical::{self, Calendar, CalendarEvent, EventStatus, EventTime, revise};
use lernweg_planner::{OfferSpec, PlanOptions, cli, plan};

fn example(name: &str) -> String {
    let path = format!("{}/../../examples/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn all_feeds() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for name in [
        "block_seminar",
        "evening_course",
        "compact_seminar",
        "release_slots",
        "self_paced",
    ] {
        out.push((
            name.to_owned(),
            cli::plan(&example(name), "ics", false, None).unwrap(),
        ));
    }
    out.push(("holidays".into(), cli::holidays("BB", 2027, "ics").unwrap()));
    out
}

type Params = Vec<(String, String)>;
/// A content line: name, parameters, value.
type Line = (String, Params, String);

/// Unfolds and splits into (name, params, value); checks line endings and octet lengths.
fn content_lines(ics: &str) -> Vec<Line> {
    assert!(ics.ends_with("\r\n"), "feed must end with CRLF");
    let bytes = ics.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let physical: Vec<&str> = ics.trim_end_matches("\r\n").split("\r\n").collect();
    let mut logical: Vec<String> = Vec::new();
    for line in physical {
        assert!(
            line.len() <= 75,
            "line longer than 75 octets: {line:?} ({})",
            line.len()
        );
        if let Some(rest) = line.strip_prefix(' ') {
            logical
                .last_mut()
                .expect("continuation without a line")
                .push_str(rest);
        } else {
            assert!(!line.starts_with('\t'));
            logical.push(line.to_owned());
        }
    }
    logical
        .into_iter()
        .map(|l| {
            let colon = value_colon(&l).unwrap_or_else(|| panic!("no value in {l:?}"));
            let (head, value) = (&l[..colon], &l[colon + 1..]);
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_owned();
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "bad property name {name:?}"
            );
            let params = parts
                .map(|p| {
                    let (k, v) = p
                        .split_once('=')
                        .unwrap_or_else(|| panic!("bad param {p:?}"));
                    (k.to_owned(), v.to_owned())
                })
                .collect();
            (name, params, value.to_owned())
        })
        .collect()
}

/// The colon that separates name and params from the value (not inside a quoted param).
fn value_colon(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn check_text(value: &str) {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => assert!(
                matches!(chars.next(), Some('\\' | ';' | ',' | 'n' | 'N')),
                "bad escape in {value:?}"
            ),
            ';' | ',' => panic!("unescaped {c:?} in {value:?}"),
            c => assert!(!c.is_control(), "control char in {value:?}"),
        }
    }
}

/// Splits a list value at commas that are not escaped.
fn split_list(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.last_mut().unwrap().push(c);
                if let Some(n) = chars.next() {
                    out.last_mut().unwrap().push(n);
                }
            }
            ',' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

fn parse_stamp(v: &str, params: &[(String, String)]) -> (bool, String) {
    let date_only = params.iter().any(|(k, v)| k == "VALUE" && v == "DATE");
    if date_only {
        assert!(
            NaiveDate::parse_from_str(v, "%Y%m%d").is_ok(),
            "bad date {v}"
        );
    } else {
        assert!(
            chrono::NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").is_ok(),
            "bad date-time {v}"
        );
    }
    (date_only, v.to_owned())
}

/// A strict structural check of RFC 5545 for what we write.
fn strict_check(ics: &str) -> usize {
    let lines = content_lines(ics);
    let mut stack: Vec<String> = Vec::new();
    let mut tzids = HashSet::new();
    let mut used_tzids = HashSet::new();
    let mut uids = HashSet::new();
    let mut events = 0;
    let mut event: HashMap<String, Vec<(Params, String)>> = HashMap::new();
    let mut cal_props: HashMap<String, usize> = HashMap::new();
    for (name, params, value) in &lines {
        match name.as_str() {
            "BEGIN" => {
                if stack.is_empty() {
                    assert_eq!(value, "VCALENDAR");
                }
                stack.push(value.clone());
                if value == "VEVENT" {
                    event.clear();
                }
            }
            "END" => {
                assert_eq!(
                    stack.pop().as_deref(),
                    Some(value.as_str()),
                    "unbalanced END:{value}"
                );
                if value == "VEVENT" {
                    events += 1;
                    for required in ["UID", "DTSTAMP", "DTSTART"] {
                        assert_eq!(
                            event.get(required).map(Vec::len),
                            Some(1),
                            "{required} once per VEVENT"
                        );
                    }
                    for once in [
                        "DTEND",
                        "SEQUENCE",
                        "STATUS",
                        "SUMMARY",
                        "DESCRIPTION",
                        "LOCATION",
                    ] {
                        assert!(
                            event.get(once).is_none_or(|v| v.len() == 1),
                            "{once} at most once"
                        );
                    }
                    assert!(uids.insert(event["UID"][0].1.clone()), "duplicate UID");
                    let stamp = &event["DTSTAMP"][0].1;
                    assert!(chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ").is_ok());
                    let (s_date, start) =
                        parse_stamp(&event["DTSTART"][0].1, &event["DTSTART"][0].0);
                    if let Some(end) = event.get("DTEND") {
                        let (e_date, end_v) = parse_stamp(&end[0].1, &end[0].0);
                        assert_eq!(s_date, e_date, "DTSTART and DTEND of the same type");
                        assert!(end_v > start, "DTEND after DTSTART ({start} {end_v})");
                    }
                    if let Some(seq) = event.get("SEQUENCE") {
                        assert!(seq[0].1.parse::<u32>().is_ok());
                    }
                    if let Some(st) = event.get("STATUS") {
                        assert!(
                            ["TENTATIVE", "CONFIRMED", "CANCELLED"].contains(&st[0].1.as_str())
                        );
                    }
                }
            }
            _ => {
                let top = stack.last().expect("property outside a component").as_str();
                if top == "VCALENDAR" {
                    *cal_props.entry(name.clone()).or_default() += 1;
                }
                if top == "VTIMEZONE" && name == "TZID" {
                    tzids.insert(value.clone());
                }
                if top == "VEVENT" {
                    event
                        .entry(name.clone())
                        .or_default()
                        .push((params.clone(), value.clone()));
                    if let Some((_, tz)) = params.iter().find(|(k, _)| k == "TZID") {
                        used_tzids.insert(tz.clone());
                    }
                    if ["SUMMARY", "DESCRIPTION", "LOCATION"].contains(&name.as_str()) {
                        check_text(value);
                    }
                    if name == "CATEGORIES" {
                        split_list(value).iter().for_each(|v| check_text(v));
                    }
                }
            }
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!(cal_props.get("VERSION"), Some(&1));
    assert_eq!(cal_props.get("PRODID"), Some(&1));
    for tz in &used_tzids {
        assert!(tzids.contains(tz), "TZID {tz} has no VTIMEZONE");
    }
    events
}

#[test]
fn every_feed_passes_the_strict_checker() {
    for (name, ics) in all_feeds() {
        let n = strict_check(&ics);
        assert!(n > 0, "{name}: no events");
    }
}

#[test]
fn ical_crate_reads_every_feed() {
    for (name, ics) in all_feeds() {
        let mut parser = ::ical::IcalParser::new(BufReader::new(ics.as_bytes()));
        let cal = parser
            .next()
            .expect("a calendar")
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(parser.next().is_none());
        assert!(!cal.events.is_empty());
        if name != "holidays" {
            assert_eq!(cal.timezones.len(), 1);
            let start = cal.events[0]
                .properties
                .iter()
                .find(|p| p.name == "DTSTART")
                .unwrap();
            let params = start.params.clone().unwrap_or_default();
            let has_tz = params
                .iter()
                .any(|(k, v)| k == "TZID" && v == &vec!["Europe/Berlin".to_owned()]);
            let all_day = params.iter().any(|(k, _)| k == "VALUE");
            assert!(has_tz || all_day, "{name}: {params:?}");
        }
        for e in &cal.events {
            assert!(e.properties.iter().any(|p| p.name == "UID"));
        }
    }
}

#[test]
fn python_icalendar_reads_every_feed_if_installed() {
    let probe = Command::new("python3")
        .args(["-c", "import icalendar"])
        .output();
    if !matches!(probe, Ok(ref o) if o.status.success()) {
        println!("NOTICE: python3 with the icalendar module is not installed; skipping this check");
        return;
    }
    let script = r#"
import sys, icalendar
data = sys.stdin.buffer.read()
cal = icalendar.Calendar.from_ical(data)
events = [c for c in cal.walk("VEVENT")]
assert events, "no events"
for e in events:
    s = e.decoded("DTSTART")
    if hasattr(s, "tzinfo") and getattr(s, "tzinfo", None) is not None:
        assert "Berlin" in str(s.tzinfo), s.tzinfo
    assert e.get("UID")
print(len(events))
"#;
    for (name, ics) in all_feeds() {
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(ics.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn event(uid: &str, summary: &str) -> CalendarEvent {
    let day = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
    CalendarEvent {
        uid: uid.into(),
        sequence: 0,
        status: EventStatus::Confirmed,
        start: EventTime::Local(day.and_hms_opt(1, 30, 0).unwrap()),
        end: EventTime::Local(day.and_hms_opt(3, 30, 0).unwrap()),
        summary: summary.into(),
        description: None,
        location: None,
        categories: vec![],
    }
}

#[test]
fn folding_counts_octets_and_keeps_utf8_whole() {
    let long = "Prüfungsvorbereitung für Fachkräfte im Gesundheitswesen; Übungen, Fälle \\ Lösungen\nZeile 2 ".repeat(4);
    let mut e = event("u1@lernweg", &long);
    e.description = Some("ä".repeat(100));
    e.location = Some("Straße 1, 50667 Köln".into());
    e.categories = vec!["Prüfung".into(), "a,b".into()];
    let ics = ical::write(&Calendar {
        name: "Test".into(),
        dtstamp: NaiveDate::from_ymd_opt(2027, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap(),
        events: vec![e],
    });
    assert_eq!(strict_check(&ics), 1);
    assert!(ics.contains("LOCATION:Straße 1\\, 50667 Köln\r\n"));
    assert!(ics.contains("CATEGORIES:Prüfung,a\\,b\r\n"));
    // Unfolded, the summary is the escaped original.
    let unfolded = ics.replace("\r\n ", "");
    let expected = ical::escape(&long);
    assert!(unfolded.contains(&format!("SUMMARY:{expected}\r\n")));
    assert!(
        expected.contains("\\;")
            && expected.contains("\\,")
            && expected.contains("\\\\")
            && expected.contains("\\n")
    );
}

#[test]
fn all_day_end_is_the_next_day() {
    let ics = cli::holidays("BY", 2027, "ics").unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20271003\r\nDTEND;VALUE=DATE:20271004\r\n"));
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20271231")
            || ics.contains("DTSTART;VALUE=DATE:20271226\r\nDTEND;VALUE=DATE:20271227")
    );
    assert!(!ics.contains("Mariä Himmelfahrt"));
    assert!(
        ics.contains("DTSTAMP:19700101T000000Z\r\n") && !ics.contains("DTSTAMP:2027"),
        "never a future DTSTAMP"
    );
}

#[test]
fn plan_feed_is_reproducible_and_marks_exams() {
    let a = cli::plan(&example("block_seminar"), "ics", false, None).unwrap();
    let b = cli::plan(&example("block_seminar"), "ics", false, None).unwrap();
    assert_eq!(a, b);
    assert!(a.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    assert!(a.contains("METHOD:PUBLISH\r\n") && a.contains("CALSCALE:GREGORIAN\r\n"));
    assert!(a.contains("X-WR-CALNAME:Anpassungsqualifizierung Pflegefachkraft\r\n"));
    assert!(a.contains("CATEGORIES:Prüfung,Lernweg\r\n"));
    assert!(a.contains("SEQUENCE:0\r\n") && !a.contains("SEQUENCE:1\r\n"));
    assert!(a.contains("DTSTART;TZID=Europe/Berlin:20270113T180000\r\n"));
    assert!(a.contains("LOCATION:Bildungszentrum Köln\\, Raum 2.14\r\n"));
}

#[test]
fn revisions_raise_sequence_and_keep_cancelled_events() {
    let before = vec![event("a@l", "A"), event("b@l", "B"), event("c@l", "C")];
    let mut moved = event("b@l", "B");
    moved.start = EventTime::Local(
        NaiveDate::from_ymd_opt(2027, 3, 29)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap(),
    );
    moved.end = EventTime::Local(
        NaiveDate::from_ymd_opt(2027, 3, 29)
            .unwrap()
            .and_hms_opt(20, 0, 0)
            .unwrap(),
    );
    let after = revise(&before, vec![event("a@l", "A"), moved]);
    let get = |uid: &str| after.iter().find(|e| e.uid == uid).unwrap();
    assert_eq!(get("a@l").sequence, 0);
    assert_eq!(get("b@l").sequence, 1);
    assert_eq!(
        (get("c@l").sequence, get("c@l").status),
        (1, EventStatus::Cancelled)
    );
    // A second revision without changes keeps every sequence, cancelled stays cancelled.
    let again = revise(&after, vec![event("a@l", "A"), get("b@l").clone()]);
    let seqs: Vec<_> = again
        .iter()
        .map(|e| (e.uid.as_str(), e.sequence, e.status))
        .collect();
    assert_eq!(
        seqs,
        vec![
            ("a@l", 0, EventStatus::Confirmed),
            ("b@l", 1, EventStatus::Confirmed),
            ("c@l", 1, EventStatus::Cancelled)
        ]
    );
    let ics = ical::write(&Calendar {
        name: "R".into(),
        dtstamp: Default::default(),
        events: again,
    });
    assert!(ics.contains("STATUS:CANCELLED\r\n"));
    assert_eq!(strict_check(&ics), 3);
}

#[test]
fn plan_events_follow_sessions() {
    let spec = OfferSpec::from_toml(&example("self_paced")).unwrap();
    let p = plan(&spec, &PlanOptions::default()).unwrap();
    let events = ical::plan_events(&p);
    assert_eq!(events.len(), p.sessions.len());
    for (e, s) in events.iter().zip(&p.sessions) {
        assert_eq!(e.uid, s.uid);
        match s.start {
            Some(_) => assert!(matches!(e.start, EventTime::Local(_))),
            None => assert_eq!(e.end, EventTime::AllDay(s.date.succ_opt().unwrap())),
        }
    }
}
