//! End-to-end tests of `lernweg holidays` and `lernweg plan`: they run the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn lernweg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(args)
        .output()
        .expect("the lernweg binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn examples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(format!("{name}.toml"))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn holidays_json_for_bavaria_2027() {
    let out = lernweg(&[
        "holidays", "--state", "BY", "--year", "2027", "--format", "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let list = v.as_array().expect("an array");
    let has = |date: &str, name: &str| list.iter().any(|h| h["date"] == date && h["name"] == name);
    assert!(has("2027-01-06", "Heilige Drei Könige"));
    assert!(has("2027-03-26", "Karfreitag"));
    assert!(has("2027-05-27", "Fronleichnam"));
    assert!(has("2027-11-01", "Allerheiligen"));
    assert!(!list.iter().any(|h| h["name"] == "Mariä Himmelfahrt"));
    assert!(!list.iter().any(|h| h["date"] == "2027-08-15"));
    let dates: Vec<&str> = list.iter().map(|h| h["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn holidays_text_and_ics() {
    let text = stdout(&lernweg(&[
        "holidays", "--state", "SN", "--year", "2027", "--format", "text",
    ]));
    assert!(text.contains("Buß- und Bettag"));
    let ics = stdout(&lernweg(&[
        "holidays", "--state", "BB", "--year", "2027", "--format", "ics",
    ]));
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("SUMMARY:Ostersonntag\r\n"));
}

#[test]
fn unknown_state_or_year_fails_with_a_message() {
    let out = lernweg(&[
        "holidays", "--state", "XX", "--year", "2027", "--format", "json",
    ]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown federal state \"XX\""), "{err}");
    let out = lernweg(&[
        "holidays", "--state", "BY", "--year", "1990", "--format", "json",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1990"));
}

#[test]
fn plan_json_for_every_example() {
    let files = examples();
    assert!(files.len() >= 5, "one example per time model");
    for file in files {
        let path = file.to_string_lossy();
        let v: Value =
            serde_json::from_str(&stdout(&lernweg(&["plan", &path, "--format", "json"])))
                .unwrap_or_else(|e| panic!("{path}: {e}"));
        for key in [
            "title",
            "state",
            "time_model",
            "sessions",
            "end_date",
            "total_hours",
            "weeks",
            "load",
            "release_needed",
        ] {
            assert!(v.get(key).is_some(), "{path}: missing {key}");
        }
        for key in [
            "limit_hours",
            "avg_weekly_hours",
            "peak_weekly_hours",
            "weeks_over_limit",
        ] {
            assert!(v["load"].get(key).is_some(), "{path}: missing load.{key}");
        }
        let sessions = v["sessions"].as_array().unwrap();
        assert!(!sessions.is_empty());
        for s in sessions {
            for key in ["date", "start", "end", "hours", "module", "kind", "title"] {
                assert!(s.get(key).is_some(), "{path}: session without {key}");
            }
        }
        assert_eq!(v["end_date"], sessions.last().unwrap()["date"]);
    }
}

#[test]
fn plan_ics_and_text() {
    let ics = stdout(&lernweg(&[
        "plan",
        &example("block_seminar"),
        "--format",
        "ics",
    ]));
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    assert!(ics.contains("DTSTART;TZID=Europe/Berlin:"));
    assert!(ics.contains("SEQUENCE:0\r\n"));
    assert!(ics.contains("CATEGORIES:Prüfung"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    // DTSTAMP is the offer file's last change: never in the future, not the plan's start.
    let modified: chrono::DateTime<chrono::Utc> = std::fs::metadata(example("block_seminar"))
        .unwrap()
        .modified()
        .unwrap()
        .into();
    let stamp = modified.format("DTSTAMP:%Y%m%dT%H%M%SZ\r\n").to_string();
    assert!(ics.contains(&stamp), "{stamp}");
    let again = stdout(&lernweg(&[
        "plan",
        &example("block_seminar"),
        "--format",
        "ics",
    ]));
    assert_eq!(ics, again, "same plan, same feed");
    let text = stdout(&lernweg(&[
        "plan",
        &example("block_seminar"),
        "--format",
        "text",
    ]));
    assert!(text.contains("Stundenplan: Anpassungsqualifizierung Pflegefachkraft"));
}

#[test]
fn plan_compare_json() {
    let out = lernweg(&[
        "plan",
        &example("block_seminar"),
        "--compare",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let options = v["options"].as_array().unwrap();
    assert_eq!(options.len(), 5);
    for o in options {
        for key in [
            "time_model",
            "end_date",
            "weeks",
            "avg_weekly_hours",
            "peak_weekly_hours",
            "release_days",
        ] {
            assert!(o.get(key).is_some(), "missing {key}");
        }
    }
    let recommended = v["recommended"].as_str().unwrap();
    assert!(options.iter().any(|o| o["time_model"] == recommended));
    assert!(!v["reasons"].as_array().unwrap().is_empty());
}

#[test]
fn broken_offer_fails_with_line_number() {
    let dir = std::env::temp_dir().join(format!("lernweg-planner-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.toml");
    let src = std::fs::read_to_string(example("evening_course"))
        .unwrap()
        .replace("weekday = \"mon\"", "weekday = \"wdn\"");
    std::fs::write(&file, src).unwrap();
    let out = lernweg(&["plan", &file.to_string_lossy(), "--format", "json"]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown weekday \"wdn\""), "{err}");
    assert!(err.contains("line "), "{err}");
}
