//! The CLI functions: formats, errors and the JSON contracts.

use lernweg_planner::{PlannerError, cli};
use serde_json::Value;

fn example(name: &str) -> String {
    let path = format!("{}/../../examples/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

const MODELS: [&str; 5] = [
    "evening_course",
    "block_seminar",
    "compact_seminar",
    "release_slots",
    "self_paced",
];

#[test]
fn holidays_json_is_sorted_date_name_pairs() {
    let v: Value = serde_json::from_str(&cli::holidays("BY", 2027, "json").unwrap()).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 12);
    assert_eq!(
        list[0],
        serde_json::json!({"date": "2027-01-01", "name": "Neujahr"})
    );
    assert!(list.iter().all(|h| h.as_object().unwrap().len() == 2));
    let dates: Vec<&str> = list.iter().map(|h| h["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(list.iter().any(|h| h["name"] == "Fronleichnam"));
    assert!(!list.iter().any(|h| h["name"] == "Mariä Himmelfahrt"));
    let text = cli::holidays("sn", 2027, "text").unwrap();
    assert!(text.contains("Gesetzliche Feiertage in Sachsen (SN) 2027"));
    assert!(text.contains("Mi, 17.11.2027  Buß- und Bettag"));
}

#[test]
fn holiday_errors() {
    assert_eq!(
        cli::holidays("XX", 2027, "json").unwrap_err(),
        PlannerError::UnknownState("XX".into())
    );
    let e = cli::holidays("BY", 1994, "json").unwrap_err().to_string();
    assert_eq!(e, "year 1994 is outside the supported range 1995 to 2100");
    assert!(cli::holidays("BY", 2101, "json").is_err());
    let e = cli::holidays("BY", 2027, "xml").unwrap_err().to_string();
    assert_eq!(e, "unknown format \"xml\"; expected json, text or ics");
}

#[test]
fn plan_json_has_the_contract_keys() {
    for name in MODELS {
        let v: Value =
            serde_json::from_str(&cli::plan(&example(name), "json", false, None).unwrap()).unwrap();
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
            "deadline_met",
        ] {
            assert!(v.get(key).is_some(), "{name}: {key}");
        }
        assert_eq!(v["time_model"], name);
        for key in [
            "limit_hours",
            "avg_weekly_hours",
            "peak_weekly_hours",
            "weeks_over_limit",
        ] {
            assert!(v["load"].get(key).is_some(), "{name}: load.{key}");
        }
        for s in v["sessions"].as_array().unwrap() {
            for key in [
                "date", "start", "end", "hours", "module", "kind", "title", "uid",
            ] {
                assert!(s.get(key).is_some(), "{name}: session.{key}");
            }
            let kind = s["kind"].as_str().unwrap();
            assert!(
                [
                    "lesson",
                    "exam",
                    "kickoff",
                    "closing",
                    "exchange",
                    "self_paced"
                ]
                .contains(&kind)
            );
            assert_eq!(
                s["module"].is_null(),
                ["kickoff", "closing", "exchange"].contains(&kind)
            );
        }
        assert_eq!(v["load"]["limit_hours"], 48.0);
    }
}

#[test]
fn missed_deadline_is_in_the_output_not_an_error() {
    let src =
        example("block_seminar").replace("deadline = \"2028-06-30\"", "deadline = \"2027-06-30\"");
    let v: Value = serde_json::from_str(&cli::plan(&src, "json", false, None).unwrap()).unwrap();
    assert_eq!(v["deadline_met"], false);
    assert_eq!(v["deadline_needed"], v["end_date"]);
    let text = cli::plan(&src, "text", false, None).unwrap();
    assert!(
        text.contains("WARNUNG: Die Frist 30.06.2027 wird nicht eingehalten"),
        "{text}"
    );
}

#[test]
fn load_limit_override_and_key() {
    let v: Value = serde_json::from_str(
        &cli::plan(&example("block_seminar"), "json", false, Some(60.0)).unwrap(),
    )
    .unwrap();
    assert_eq!(v["load"]["limit_hours"], 60.0);
    let src = format!("load_limit_hours = 50\n{}", example("block_seminar"));
    let v: Value = serde_json::from_str(&cli::plan(&src, "json", false, None).unwrap()).unwrap();
    assert_eq!(v["load"]["limit_hours"], 50.0);
}

#[test]
fn compare_json_and_text() {
    let v: Value =
        serde_json::from_str(&cli::plan(&example("block_seminar"), "json", true, None).unwrap())
            .unwrap();
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
            assert!(o.get(key).is_some(), "{key}");
        }
    }
    assert!(MODELS.contains(&v["recommended"].as_str().unwrap()));
    assert!(!v["reasons"].as_array().unwrap().is_empty());
    let text = cli::plan(&example("block_seminar"), "text", true, None).unwrap();
    assert!(text.contains("Empfehlung: "));
    let e = cli::plan(&example("block_seminar"), "ics", true, None)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "unknown format \"ics\"; expected json or text with --compare"
    );
}

#[test]
fn plan_formats_and_errors() {
    let csv = cli::plan(&example("evening_course"), "csv", false, None).unwrap();
    assert!(csv.starts_with("date,start,end,hours,kind,module,title,uid\r\n"));
    let text = cli::plan(&example("evening_course"), "text", false, None).unwrap();
    assert!(text.starts_with("Stundenplan: Berufsbezogenes Deutsch B2 für Gesundheitsberufe\n"));
    assert!(text.contains("Zeitmodell: Abendkurs"));
    let e = cli::plan(&example("evening_course"), "xml", false, None)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "unknown format \"xml\"; expected json, text, ics or csv");
    let broken = example("evening_course").replace("weekday = \"mon\"", "weekday = \"wdn\"");
    let e = cli::plan(&broken, "json", false, None)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("unknown weekday \"wdn\"; expected mon tue wed thu fri sat sun"),
        "{e}"
    );
    assert!(e.starts_with("line "), "{e}");
}

#[test]
fn plan_ics_stamps_the_last_change_not_the_start() {
    let src = example("evening_course");
    let changed = chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(9, 15, 0)
        .unwrap();
    let ics = cli::plan_changed_at(&src, "ics", false, None, changed).unwrap();
    let stamps: Vec<&str> = ics
        .split("\r\n")
        .filter_map(|l| l.strip_prefix("DTSTAMP:"))
        .collect();
    assert!(!stamps.is_empty());
    assert!(
        stamps.iter().all(|s| *s == "20261130T091500Z"),
        "{stamps:?}"
    );
    // Unknown (the pure `plan`): the Unix epoch, never a future date, still reproducible.
    let unknown = cli::plan(&src, "ics", false, None).unwrap();
    assert!(unknown.contains("DTSTAMP:19700101T000000Z\r\n"));
    assert!(!unknown.contains("DTSTAMP:2027"), "not the plan's start");
}
