//! End-to-end tests of `lernweg match` (issue 15, point 3): the real binary on CSV files.

use std::process::Command;

use serde_json::Value;

fn run(mentors: &str, mentees: &str, format: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let (m, e) = (dir.path().join("m.csv"), dir.path().join("e.csv"));
    std::fs::write(&m, mentors).unwrap();
    std::fs::write(&e, mentees).unwrap();
    Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .arg("match")
        .arg("--mentors")
        .arg(&m)
        .arg("--mentees")
        .arg(&e)
        .args(["--format", format])
        .output()
        .expect("the lernweg binary runs")
}

const MENTORS: &str = "id;name;kldb;languages;slots;city;online;capacity\n\
    m1;Hanna Weber;81302;de,ar;tue-evening,sat-morning;Essen;ja;1\n\
    m2;Jonas Krause;81102;de;tue-evening;Essen;nein;1\n";

#[test]
fn more_tandems_before_a_higher_score_with_reasons() {
    // e1 (B2) would score best with m1, but e2 (A2, Arabic) can only have m1.
    let mentees = "id;name;kldb;mother_tongue;german_level;slots;city;online\n\
        e1;Amina Haddad;81302;ar;B2;tue-evening;Essen;ja\n\
        e2;Samira Nasser;81313;ar;A2;sat-morning;Bochum;true\n";
    let out = run(MENTORS, mentees, "json");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["matched"], 2);
    let pair = |e: &str| {
        v["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["mentee"] == e)
            .unwrap()
            .clone()
    };
    assert_eq!(pair("e2")["mentor"], "m1");
    assert_eq!(pair("e1")["mentor"], "m2");
    assert!(
        pair("e2")["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "spricht die Muttersprache (ar)")
    );
    let total: i64 = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["score"].as_i64().unwrap())
        .sum();
    assert_eq!(v["total_score"], total);
    assert_eq!(v["unmatched"], serde_json::json!([]));
}

#[test]
fn malformed_rows_are_named_with_their_lines_and_nothing_is_matched() {
    let mentees = "id;name;kldb;mother_tongue;german_level;slots;city;online\n\
        e1;Amina Haddad;81302;ar;B2;tue-evening;Essen;ja\n\
        e2;Samira Nasser;81313;ar;Z9;sat-morning;Bochum;true\n";
    let out = run(MENTORS, mentees, "json");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing is matched");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mentees line 3: german_level"), "{err}");
    let out = run(MENTORS, mentees, "xml");
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown format"));
}
